"""The hostile cases of `python -m bench.fuzz`: one `Case` per index, made from
`random.Random(f"{seed}-{index}")` alone, so any case can be rebuilt by its seed and
index (`case(seed, index)`), whatever the number of workers.

Each family says what it tries; the big PDFs, long words and crafted content streams
come from `tests.helpers.hostile` (shared with `bench/bench_hostile.py`).
"""
from __future__ import annotations

import functools
import io
import random
from dataclasses import dataclass, field
from pathlib import Path

from initiatives import ingest
from initiatives.filters import PARAMS
from initiatives.importing import DROP
from initiatives.model import ACTOR_TYPES, CATEGORIES, KIND_LABELS
from tests.helpers.hostile import long_word_text, operations_pdf, pages_pdf

ROOT = Path(__file__).resolve().parents[2]
RELEASES_DIR = ROOT / "data" / "press_releases"
CORPUS_DIR = ROOT / "tests" / "data" / "extraction" / "dev"

HEADER = "Covid-19 : le Pas-de-Calais solidaire n°{n}\n\nArras, le {day} 2020\n\n"
SENTENCE = "La ville de {place} a distribué {number} masques aux habitants."

# Names and values a user, a link or a text may carry (markup, formulas, paths).
HOSTILE = [
    "<script>alert('fz')</script>", "<img src=x onerror=alert(1)>", "$x$", "$$\\frac{1}{0}$$",
    "[a](http://x)", "![i](http://x/i.png)", "[Lens](javascript:alert(1))",
    '=HYPERLINK("http://fz.example","clic")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
    "\t=1+1", "\r=1", "'; DROP TABLE initiatives; --", "%", "_", "\\", "\"", "'", "«»",
    "../../etc/passwd", "C:\\Windows\\system32", "{{7*7}}", "${7*7}", "<!--", "]]>",
    "\u202eevil\u202c", "Le\u200bns", "\ufeffArras", "L\u0435ns", "ＬＥＮＳ", "lens", "LENS",
    "l e n s", "Lenss", "Arras-sur-Mer", "Saint-Omer (14)", "Annay", "Paris", "Lyon",
    "Bruay-la-Buissière", "Touquet-Paris-Plage", "Boulogne", "Nulle-Part-Les-Bains",
    "Lens; Arras", "Lens;;;Liévin", " , ; ", "", "   ", "\x00", "\ud800", "🦠😷", "x" * 300,
    "Commune " * 200, "null", "None", "NaN", "nan", "0", "-1", "1e308", "inf",
]
PLACES = ["Lens", "Arras", "Calais", "Liévin", "Béthune", "Saint-Omer", "Marck", "Hénin-Beaumont",
          "Bruay-la-Buissière", "Boulogne-sur-Mer", "Oye-Plage", "Berck"]
NUMBERS = ["1" * 300, "9" * 40, "1.2.3.4", "10 000 000 000 000", "1,5,6", "0,000001", "-0",
           "1e308", "½", "²³", "٣٤٥", "１２０", "3 400", "3\u202f400", "3\u00a0400", "12 000 000",
           "0000000000012", "1.000.000", "1'000", "dix mille", "mille milliards", "∞", "NaN",
           "00", "1/2", "12h30", "03 21 21 21 21", "2020", "30 avril 2020"]
INVISIBLE = ["\u202e", "\u202d", "\u2066", "\u2067", "\u2069", "\u200b", "\u200c", "\u200d",
             "\ufeff", "\u00ad", "\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1b", "\x7f",
             "\x00", "\u0301", "\ufffd", "\U000e0041"]
PUNCTUATION = ["!", ".", "-", "*", "•", "…", ":", ";", "?", "«", "»", "—", "/", "=", "_", "|",
               "(", ")", "[", "]", "'", "’", "\"", ",", "#", "~", "^"]
MONTHS = ["27 mars", "8 avril", "21 avril", "30 avril", "11 mai", "31 février", "1er juin",
          "0 avril", "99 décembre"]
NAMES = ["communiqué.txt", "a.pdf", "b.PDF", "c.md", "sans-extension", "../../x.txt",
         "<b>nom</b>.txt", "é" * 200 + ".txt", ".txt", "x.pdf.txt", "x.txt.pdf", "n°7.txt",
         "nul\x00.txt", "espace .txt"]


@dataclass
class Case:
    """One hostile input and what to do with it.

    `mode`: `upload` (bytes, as the Import page), `paste` (text), `file` (a file on
    disk, as `python -m initiatives ingest`), `cli` (that command run in-process),
    `geo` (place names resolved), `query` (filters from a shared link, then reads).
    `edit`: a correction made in the Import page's tables before saving."""
    index: int
    family: str
    mode: str
    name: str = "communiqué.txt"
    data: bytes | None = None
    text: str | None = None
    edit: tuple | None = None
    names: list[str] = field(default_factory=list)
    query: dict | None = None
    exports: int = 0

    def payload(self) -> bytes:
        """The input as bytes, to save for reproduction."""
        if self.data is not None:
            return self.data
        return (self.text or "\n".join(self.names) or repr(self.query)).encode(
            "utf-8", "surrogatepass")


# --- material --------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def releases() -> tuple[bytes, ...]:
    return tuple(p.read_bytes() for p in sorted(RELEASES_DIR.glob("*.txt")))


@functools.lru_cache(maxsize=1)
def corpus() -> tuple[bytes, ...]:
    return tuple(p.read_bytes() for p in sorted(CORPUS_DIR.glob("*.txt")))


def _real(rng: random.Random) -> bytes:
    return rng.choice(releases() if rng.random() < 0.4 else corpus())


def _short_real(rng: random.Random, limit: int = 2_500) -> bytes:
    """A real text cut to `limit` bytes at most (reading time grows with the text)."""
    data = _real(rng)
    if len(data) <= limit:
        return data
    start = rng.randrange(0, len(data) - limit) if rng.random() < 0.5 else 0
    return data[start:start + limit]


def _sentence(rng: random.Random, place: str | None = None, number: str | None = None) -> str:
    return SENTENCE.format(place=place or rng.choice(PLACES),
                           number=number or str(rng.randint(1, 50_000)))


def _release(rng: random.Random, body: list[str]) -> str:
    return HEADER.format(n=rng.randint(1, 12), day=rng.choice(MONTHS)) + "\n\n".join(body) + "\n"


def _mutate(rng: random.Random, data: bytes, rounds: int | None = None) -> bytes:
    """Random byte flips, insertions, deletions and splices of other real texts."""
    out = bytearray(data)
    for _ in range(rounds or rng.randint(1, 12)):
        op = rng.random()
        at = rng.randrange(0, len(out) + 1)
        if op < 0.3 and out:
            at = min(at, len(out) - 1)
            out[at] = rng.randrange(256)
        elif op < 0.5:
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif op < 0.7 and out:
            del out[at:at + rng.randint(1, 200)]
        elif op < 0.85:
            other = _real(rng)
            start = rng.randrange(0, max(1, len(other) - 1))
            out[at:at] = other[start:start + rng.randint(1, 400)]
        else:
            piece = rng.choice(HOSTILE + NUMBERS + INVISIBLE).encode("utf-8", "surrogatepass")
            out[at:at] = piece * rng.randint(1, 5)
    return bytes(out)


def _sprinkle(rng: random.Random, text: str, chars: list[str], count: int) -> str:
    for _ in range(count):
        at = rng.randrange(0, len(text) + 1)
        text = text[:at] + rng.choice(chars) + text[at:]
    return text


def _pdf(lines: list[str], pages: int = 1, encrypt: str | None = None) -> bytes:
    """A real PDF (reportlab) whose pages hold `lines`."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4, encrypt=encrypt)
    for _ in range(pages):
        y = 800
        for line in lines:
            pdf.drawString(40, y, line[:300])
            y -= 14
            if y < 40:
                pdf.showPage()
                y = 800
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def _pdf_safe(text: str) -> str:
    """What reportlab's standard fonts can draw (no surrogate)."""
    return text.encode("utf-8", "replace").decode("utf-8")


# --- families: each returns (mode, fields) ----------------------------------------------

def f_empty(rng):
    choice = rng.choice([b"", b" ", b"\n\n\n", b"\t \r\n", b"\xef\xbb\xbf", b"\xff\xfe",
                         b"\xfe\xff\x00 ", b"\x00", "\u00a0\u202f\u200b".encode()])
    if rng.random() < 0.3:
        return "paste", {"text": choice.decode("utf-8", "replace")}
    return "upload", {"data": choice}


def f_whitespace(rng):
    chars = [" ", "\t", "\n", "\r", "\f", "\v", "\u00a0", "\u202f", "\u2007", "\u3000",
             "\u2028", "\u2029", "\x1c", "\x1d", "\x85"]
    text = "".join(rng.choice(chars) for _ in range(rng.randint(1, 3000)))
    if rng.random() < 0.5:
        text += _sentence(rng) + "".join(rng.choice(chars) for _ in range(50))
    return ("paste", {"text": text}) if rng.random() < 0.5 else \
        ("upload", {"data": text.encode()})


def f_garbage(rng):
    data = bytes(rng.randrange(256) for _ in range(rng.randint(1, 6000)))
    return "upload", {"data": data, "name": rng.choice(NAMES)}


def f_invalid_utf8(rng):
    text = _short_real(rng)
    bad = [b"\xc3", b"\xc3\x28", b"\xa0\xa1", b"\xe2\x82", b"\xf0\x28\x8c\xbc", b"\xff",
           b"\xed\xa0\x80", b"\xc0\xaf", b"\xf8\x88\x80\x80\x80"]
    out = bytearray(text)
    for _ in range(rng.randint(1, 20)):
        at = rng.randrange(0, len(out) + 1)
        out[at:at] = rng.choice(bad)
    return "upload", {"data": bytes(out)}


def f_utf16(rng):
    text = _short_real(rng).decode("utf-8", "replace")
    data = text.encode(rng.choice(["utf-16", "utf-16-le", "utf-16-be", "utf-32"]))
    if rng.random() < 0.3:
        data = data[:-1]                          # odd length: a cut code unit
    if rng.random() < 0.3 and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = rng.choice([b"\xff\xfe", b"\xfe\xff"]) + data   # a BOM that lies
    return "upload", {"data": data}


def f_surrogates(rng):
    text = _release(rng, [_sentence(rng) for _ in range(rng.randint(1, 4))])
    text = _sprinkle(rng, text, ["\ud800", "\udfff", "\ud83d", "\udc00", "\ud83d\ude37"],
                     rng.randint(1, 30))
    if rng.random() < 0.3:
        return "upload", {"data": text.encode("utf-8", "surrogatepass")}
    return "paste", {"text": text}


def f_nul(rng):
    text = _short_real(rng)
    out = bytearray(text)
    for _ in range(rng.randint(1, 10)):
        out.insert(rng.randrange(0, len(out) + 1), 0)
    if rng.random() < 0.5:
        return "upload", {"data": bytes(out)}
    return "paste", {"text": bytes(out).decode("utf-8", "replace")}


def f_invisible(rng):
    text = _release(rng, [_sentence(rng) for _ in range(rng.randint(1, 5))])
    text = _sprinkle(rng, text, INVISIBLE, rng.randint(1, 200))
    if rng.random() < 0.5:
        return "paste", {"text": text}
    return "upload", {"data": text.encode("utf-8", "surrogatepass")}


def f_huge_word(rng):
    unit = rng.choice(["a", "a-", "a.", "a-a.", "0", "é", "w.", "@a", "a@", "/", "%20", "1 "])
    text = long_word_text(rng.choice([500, 5_000, 20_000]), unit)
    return ("paste", {"text": text}) if rng.random() < 0.5 else ("upload", {"data": text.encode()})


def f_short_lines(rng):
    """Many one-word lines (a block of them was read in quadratic time)."""
    unit = rng.choice(["x\n", "a-\n", "http://a/\n", "- x.\n", "x\n\n", "3 400\n", "Lens\n"])
    text = _release(rng, [_sentence(rng)]) + unit * rng.choice([1_000, 5_000, 20_000])
    return ("paste", {"text": text}) if rng.random() < 0.5 else ("upload", {"data": text.encode()})


def f_punctuation(rng):
    runs = [rng.choice(PUNCTUATION) * rng.randint(10, 3000) for _ in range(rng.randint(1, 6))]
    body = [_sentence(rng) + " " + run if rng.random() < 0.6 else run for run in runs]
    return "paste", {"text": _release(rng, body)}


def f_numbers(rng):
    body = []
    for _ in range(rng.randint(1, 6)):
        number = rng.choice(NUMBERS)
        body.append(rng.choice([
            _sentence(rng, number=number),
            f"L'association des couturières de {rng.choice(PLACES)} a confectionné {number} "
            f"masques, objectif {rng.choice(NUMBERS)} d'ici le {rng.choice(MONTHS)}.",
            f"- {number} repas livrés par {rng.choice(NUMBERS)} bénévoles",
            f"{number} {number} {number} masques",
        ]))
    return "paste", {"text": _release(rng, body)}


def f_spoof(rng):
    """A header of a real release (« n°7 du 30 avril ») over invented content, or a real
    release's text changed: stored apart as a variant, never over the stored one."""
    if rng.random() < 0.5:
        data = _mutate(rng, rng.choice(releases()), rng.randint(1, 3))
        return "upload", {"data": data}
    text = ("Covid-19 : le Pas-de-Calais solidaire n°7\n\nArras, le 30 avril 2020\n\n"
            + "\n\n".join(_sentence(rng) for _ in range(rng.randint(1, 4))) + "\n")
    return rng.choice(["paste", "upload"]), {"text": text, "data": text.encode()}


def f_hostile_names(rng):
    body = []
    for _ in range(rng.randint(1, 3)):
        name = rng.choice(HOSTILE)
        body.append(rng.choice([
            _sentence(rng, place=name),
            f"L'association {name} de {rng.choice(PLACES)} a distribué {rng.randint(1, 999)} "
            "colis alimentaires.",
            f"À {name}, le club {name} a fabriqué {rng.randint(1, 999)} visières.",
        ]))
    return "paste", {"text": _release(rng, body)}


def f_long_title(rng):
    title = rng.choice(["Titre ", "n°7 ", "<b>", "Covid-19 : "]) * rng.randint(100, 5_000)
    text = title + "\n\n" + _sentence(rng) + "\n"
    return ("paste", {"text": text}) if rng.random() < 0.5 else ("upload", {"data": text.encode()})


def f_size_limits(rng):
    """Texts and files at and over the limits (few: the biggest take seconds)."""
    kind = rng.choice(["over_chars", "over_bytes", "at_chars", "paragraphs"])
    if kind == "over_chars":
        return "paste", {"text": "a" * (ingest.MAX_CHARS + rng.randint(1, 1000))}
    if kind == "over_bytes":
        return "upload", {"data": b"a " * (ingest.MAX_BYTES // 2 + 1)}
    if kind == "at_chars":   # one paragraph of prose just under the limit
        unit = _sentence(rng) + " "
        return "paste", {"text": (unit * (ingest.MAX_CHARS // len(unit) + 1))[
            :ingest.MAX_CHARS - rng.randint(0, 10)]}
    unit = "\n\n".join(_sentence(rng) for _ in range(20)) + "\n\n"
    return "upload", {"data": (unit * (400_000 // len(unit))).encode()}


def f_pdf_truncated(rng):
    data = _pdf([_sentence(rng) for _ in range(rng.randint(1, 20))])
    cut = rng.randrange(1, len(data))
    data = data[:cut] + (b"\n%%EOF\n" if rng.random() < 0.5 else b"")
    return "upload", {"data": data, "name": "tronqué.pdf"}


def f_pdf_garbage(rng):
    data = b"%PDF-1." + str(rng.randint(0, 9)).encode() + b"\n" + bytes(
        rng.randrange(256) for _ in range(rng.randint(0, 4000)))
    if rng.random() < 0.7:
        data += b"\n%%EOF\n"
    return "upload", {"data": data, "name": rng.choice(["x.pdf", "x.txt", "x"])}


def f_pdf_text(rng):
    lines = [_pdf_safe(rng.choice([_sentence(rng, place=rng.choice(HOSTILE)),
                                   _sentence(rng, number=rng.choice(NUMBERS)),
                                   rng.choice(HOSTILE), _sentence(rng)]))
             for _ in range(rng.randint(1, 30))]
    return "upload", {"data": _pdf(["Covid-19 : le Pas-de-Calais solidaire", *lines]),
                      "name": "hostile.pdf"}


def f_pdf_pages(rng):
    pages = rng.choice([ingest.MAX_PDF_PAGES - 1, ingest.MAX_PDF_PAGES,
                        ingest.MAX_PDF_PAGES + 1, 1_000, 50])
    return "upload", {"data": pages_pdf(pages), "name": "dossier.pdf"}


def f_pdf_operations(rng):
    ops = rng.choice([b"(a)' ", b"(Lens a distribu\\351 10 masques)' ", b"T* ", b"(x) Tj "])
    return "upload", {"data": operations_pdf(rng.choice([10, 1_000, 50_000, 400_000]), ops),
                      "name": "petit.pdf"}


def f_pdf_encrypted(rng):
    password = rng.choice(["secret", ""])
    lines = [_sentence(rng) for _ in range(3)]
    return "upload", {"data": _pdf(["Covid-19 : solidaire", *lines], encrypt=password),
                      "name": "protégé.pdf"}


def f_pdf_mutation(rng):
    data = _pdf([_sentence(rng) for _ in range(rng.randint(1, 10))])
    head, tail = data[:-64], data[-64:]       # keep the end: %%EOF stays
    return "upload", {"data": _mutate(rng, head, rng.randint(1, 6)) + tail, "name": "muté.pdf"}


def f_mutated_release(rng):
    data = _mutate(rng, rng.choice(releases()))
    return rng.choice(["upload", "upload", "file", "cli"]), {"data": data}


def f_mutated_corpus(rng):
    data = _mutate(rng, _short_real(rng, 4_000))
    return rng.choice(["upload", "paste", "file"]), {
        "data": data, "text": data.decode("utf-8", "replace")}


def f_real(rng):
    """A real text read whole (re-ingesting it changes nothing)."""
    return rng.choice(["upload", "file", "cli"]), {"data": _short_real(rng, 8_000)}


def f_geocoding(rng):
    names = [rng.choice(HOSTILE + PLACES) for _ in range(rng.randint(1, 8))]
    names += ["".join(rng.choice(HOSTILE + PLACES + INVISIBLE) for _ in range(3))]
    return "geo", {"names": names}


def f_edits(rng):
    """A good release, then corrections in the Import page's tables before saving."""
    text = _release(rng, [_sentence(rng) for _ in range(rng.randint(1, 4))])
    what = rng.choice(["actor", "places", "actor_type", "category", "keep", "kind",
                       "numbers_rows", "several"])
    value = rng.choice(HOSTILE + PLACES + list(ACTOR_TYPES) + list(CATEGORIES)
                       + list(KIND_LABELS.values()) + [DROP])
    return "paste", {"text": text, "edit": (what, value, rng.randrange(1 << 30))}


def f_query(rng):
    """Filters from a hand-made or stale shared link, then the store's reads."""
    values = HOSTILE + ["0001-01-01", "9999-12-31", "2020-02-30", "2020-04-30", "2020-13-01",
                        "2020-04-30T99", "-2020-01-01", "tous", "dedans", "dehors", "oui",
                        "627", "0000", "2A", "2020-04-30-n7", "extrait", "vérifié", "rejeté",
                        *CATEGORIES, *ACTOR_TYPES]
    query = {}
    for key in rng.sample(list(PARAMS.values()), rng.randint(1, len(PARAMS))):
        query[key] = [rng.choice(values) for _ in range(rng.randint(1, 4))]
        if rng.random() < 0.2:
            query[key] = query[key][0]
    return "query", {"query": query}


# family -> (weight, generator); the weights sum to about 100
FAMILIES = {
    "vide": (2, f_empty), "espaces": (2, f_whitespace), "octets-aléatoires": (6, f_garbage),
    "utf8-invalide": (5, f_invalid_utf8), "utf16-bom": (4, f_utf16),
    "surrogates": (4, f_surrogates), "nul": (3, f_nul), "invisibles-rtl": (5, f_invisible),
    "mot-géant": (2, f_huge_word),
    "lignes-courtes": (0.3, f_short_lines), "ponctuation": (1.5, f_punctuation),
    "nombres": (7, f_numbers), "en-tête-usurpé": (5, f_spoof),
    "noms-hostiles": (8, f_hostile_names), "titre-long": (2, f_long_title),
    "limites-de-taille": (0.15, f_size_limits), "pdf-tronqué": (3, f_pdf_truncated),
    "pdf-bruit": (3, f_pdf_garbage), "pdf-texte-hostile": (3, f_pdf_text),
    "pdf-pages": (0.2, f_pdf_pages), "pdf-opérations": (0.6, f_pdf_operations),
    "pdf-chiffré": (0.8, f_pdf_encrypted), "pdf-muté": (3, f_pdf_mutation),
    "communiqué-muté": (5, f_mutated_release), "corpus-muté": (7, f_mutated_corpus),
    "texte-réel": (2, f_real), "géocodage": (4, f_geocoding),
    "corrections": (8, f_edits), "filtres-hostiles": (3, f_query),
}


def case(seed: int, index: int) -> Case:
    """The case of this index, from the seed and the index only."""
    rng = random.Random(f"{seed}-{index}")
    names = list(FAMILIES)
    family = rng.choices(names, weights=[FAMILIES[n][0] for n in names])[0]
    mode, fields = FAMILIES[family][1](rng)
    fields.setdefault("name", rng.choices(NAMES[:4], weights=[14, 1, 1, 2])[0]
                      if mode in ("upload", "file", "cli") else "texte collé")
    if mode == "paste":
        fields.pop("data", None)
        if fields.get("text") is None:
            fields["text"] = ""
    elif mode in ("upload", "file", "cli"):
        fields.pop("text", None)
    return Case(index=index, family=family, mode=mode, **fields)
