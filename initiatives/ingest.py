"""Read a press release (text file, PDF or pasted text) into a `Release`.

The texts come out of PDFs: lines broken mid-sentence, a blank line inserted
between every line in some, URLs and hyphenated words cut at line end, bullets
lost or varied. `clean_blocks` rebuilds paragraphs and bullets as blocks; the
body is those blocks joined by a blank line, so an excerpt taken from a block
is always a substring of the body.

Bad input raises `IngestError` with a French message meant for the user.
"""
from __future__ import annotations

import io
import re
import time
import unicodedata
from datetime import date
from pathlib import Path

from geo.normalize import EMAIL, URL
from initiatives import dates
from initiatives.model import Release

# Limits checked before any parsing, each named in the French message that refuses.
MAX_BYTES = 10 * 1024 * 1024       # a file, text or PDF
MAX_CHARS = 2_000_000              # a text, pasted or decoded (a press kit: 60 000)
MAX_PDF_PAGES = 200
FILE_SECONDS = 8.0                 # reading one file: its PDF pages, then its initiatives
PASTED = "texte collé"

class IngestError(ValueError):
    """Input that cannot become a release; the message is shown to the user."""


class Budget:
    """The time one file may take to be read (`FILE_SECONDS`), checked between pages and
    between paragraphs: spaCy parses about 40 000 characters a second on the 2-core
    machine, so a text near `MAX_CHARS` would hold the page for a minute."""

    def __init__(self, seconds: float | None = None):
        self.seconds = FILE_SECONDS if seconds is None else seconds
        self.end = time.monotonic() + self.seconds

    def check(self, done: str = "") -> None:
        if time.monotonic() > self.end:
            raise IngestError(f"Fichier trop long à lire (plus de {self.seconds:.0f} secondes"
                              f"{', ' + done if done else ''}) : découpez-le en plusieurs "
                              "fichiers")


# --- entry points -----------------------------------------------------------

def read_release(path: Path, budget: Budget | None = None) -> Release:
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(f"Fichier introuvable ou illisible : {path.name}") from exc
    check_size(size)  # before reading: never load an oversize file in memory
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"Fichier introuvable ou illisible : {path.name}") from exc
    return release_from_bytes(data, path.name, budget)


def release_from_bytes(data: bytes, filename: str, budget: Budget | None = None) -> Release:
    check_size(len(data))
    if not data.strip():
        raise IngestError("Fichier vide")
    if _is_pdf(data):
        text = pdf_text(data, budget)
    elif filename.lower().endswith(".pdf"):
        raise IngestError("PDF corrompu : l'en-tête %PDF est absent")
    else:
        text = decode_text(data)
    return release_from_text(text, source=filename)


def release_from_text(text: str, source: str = PASTED) -> Release:
    check_length(text)
    # A lone surrogate (pasted from a broken page) cannot be encoded, stored or parsed.
    text = _SURROGATE.sub("\ufffd", text)
    blocks = clean_blocks(text)
    if not blocks:
        raise IngestError("Texte vide" if source == PASTED else "Fichier vide")
    day, place, rest = _pop_date(blocks)
    title, rest = _pop_title(rest or blocks)
    blocks = rest
    if not blocks:  # a one-line text: its line is both title and body
        blocks = [title]
    return Release(title=title, body="\n\n".join(blocks), number=parse_number(title),
                   date=day, source=source, dateline=place)


def check_size(size: int) -> None:
    """Refuse a file larger than `MAX_BYTES`, before reading it."""
    if size > MAX_BYTES:
        raise IngestError(f"Fichier trop volumineux ({_mo(size)} Mo, "
                          f"maximum {_mo(MAX_BYTES)} Mo)")


def limits() -> str:
    """The limits, said to the user before any reading."""
    return (f"Jusqu'à {_mo(MAX_BYTES)} Mo par fichier, {MAX_PDF_PAGES} pages par PDF, "
            f"{_count(MAX_CHARS)} caractères par texte et {FILE_SECONDS:.0f} secondes "
            "de lecture par fichier.")


def check_length(text: str) -> None:
    """Refuse a text longer than `MAX_CHARS`, before any parsing."""
    if len(text) > MAX_CHARS:
        raise IngestError(f"Texte trop long ({_count(len(text))} caractères, "
                          f"maximum {_count(MAX_CHARS)})")


def _count(n: int) -> str:
    return f"{n:,}".replace(",", "\u202f")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _mo(size: int) -> str:
    value = size / (1024 * 1024)
    text = f"{value:.0f}" if value == int(value) else f"{value:.1f}"
    return text.replace(".", ",")


# --- decoding ---------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_text(data: bytes) -> str:
    """UTF-8 (strict, BOM allowed), UTF-16 with a BOM, else Windows-1252."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8-sig", "cp1252"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # Binary files often decode as cp1252: a NUL byte, or more than 1 % of
        # control characters, is not a text (a stray "\x1a" at the end is).
        if "\x00" not in text and len(_CONTROL.findall(text)) <= max(1, len(text) // 100):
            if text.strip():
                return text
            raise IngestError("Fichier vide")
    raise IngestError("Fichier illisible : ce n'est ni un texte ni un PDF")


def _is_pdf(data: bytes) -> bool:
    return b"%PDF-" in data[:1024]


# --- PDF --------------------------------------------------------------------

def pdf_text(data: bytes, budget: Budget | None = None) -> str:
    """Text layer of a PDF, laid out: vertical gaps become blank lines.

    pypdf's layout mode, about ten times faster than pdfminer here. A page
    starts with a space, as in the corpus's texts: it may start a new block.
    Bounded work: at most `MAX_PDF_PAGES` pages (counted before any text is read),
    the file's time `Budget`, `MAX_CHARS` of text, and pypdf's own limits lowered
    (`PDF_LIMITS`); each refusal is a French message.
    """
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import (
        DependencyError,
        FileNotDecryptedError,
        LimitReachedError,
        PdfReadError,
    )

    # Lenient readers accept a truncated file and silently lose pages.
    if b"%%EOF" not in data[-1024:]:
        raise IngestError("PDF corrompu : le fichier est tronqué")
    try:
        with apply_configuration(**PDF_LIMITS):
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise IngestError("PDF protégé par mot de passe")
            count = len(reader.pages)
            if count > MAX_PDF_PAGES:
                raise IngestError(f"PDF trop long ({_count(count)} pages, "
                                  f"maximum {MAX_PDF_PAGES})")
            pages = _pages_text(reader, budget or Budget())
    except IngestError:
        raise
    except LimitReachedError as exc:
        raise IngestError("PDF trop complexe : sa lecture dépasse les limites fixées "
                          "(flux trop gros ou trop d'opérations)") from exc
    except (FileNotDecryptedError, DependencyError) as exc:
        raise IngestError("PDF protégé par mot de passe") from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, NotImplementedError,
            IndexError, RecursionError, OSError, MemoryError) as exc:
        raise IngestError("PDF corrompu : impossible de lire sa structure") from exc
    if not any(page.strip() for page in pages):
        raise IngestError("PDF sans texte : OCR non pris en charge")
    # pypdf reads the WinAnsi bullet of some fonts as DEL (\x7f): a bullet it is.
    return "\n".join(" " + page.strip("\n").replace("\x7f", "•")
                     for page in pages if page.strip())


# pypdf's limits, lowered for press releases (a few pages of text): a small crafted file
# otherwise inflates to tens of megabytes of content for the layout mode to walk.
PDF_LIMITS = {
    "zlib_maximum_output_length": 8_000_000,
    "lzw_maximum_output_length": 8_000_000,
    "run_length_maximum_output_length": 8_000_000,
    "brotli_maximum_output_length": 8_000_000,
    "array_based_stream_maximum_output_length": 8_000_000,
    "stream_decoding_work_maximum_length": 32_000_000,
    "stream_parsing_work_maximum_count": 200_000,
    "xform_maximum_invocations_per_extraction": 200,
}


def _pages_text(reader, budget: Budget) -> list[str]:
    """Each page's text, refused once the time or the text's length is past its limit."""
    pages, length = [], 0
    for page in reader.pages:
        pages.append(_page_text(page, budget, f"{len(pages)} page(s) lue(s) sur "
                                               f"{len(reader.pages)}"))
        length += len(pages[-1])
        if length > MAX_CHARS:
            raise IngestError(f"Texte du PDF trop long (plus de {_count(MAX_CHARS)} "
                              "caractères)")
        budget.check(f"{len(pages)} page(s) lue(s) sur {len(reader.pages)}")
    return pages


# The layout mode walks each text operation about ten times slower than the plain mode
# and cannot be stopped midway: a page whose decoded content is past this size (many
# times a dense page of text) is read in plain mode, which checks the file's time budget
# at every operation.
LAYOUT_MAX_CONTENT = 200_000


def _page_text(page, budget: Budget, done: str) -> str:
    from pypdf.errors import LimitReachedError
    contents = page.get_contents()
    if contents is None:
        return ""
    if len(contents.get_data()) <= LAYOUT_MAX_CONTENT:
        try:
            return page.extract_text(extraction_mode="layout") or ""
        except LimitReachedError:
            raise
        except Exception:  # noqa: BLE001 - layout mode is young; plain mode still reads
            pass
    return page.extract_text(visitor_operand_before=lambda *_: budget.check(done)) or ""


# --- cleaning ---------------------------------------------------------------

# A list mark; in a social post a line opening with a pictograph ("🧵 340 masques …",
# "➡️ 15 couturières") is a list item too.
# (any of the geometric shapes and arrows a keyboard or a word processor offers: "▸", "◆",
# "‣", "⇒", and the single chevron "›")
BULLET = re.compile(r"^(?:[-–—•*✓✔\u25A0-\u25FF\u2190-\u21FF\u2023\u2043\u2219\u27A4-\u27BF\u203A"
                    # (a shape may carry the selector that asks for its pictograph
                    # form: "▪️")
                    r"\uf0b7\uf0a7\uf0d8\uf076\uf0fc]\uFE0F?|\d{1,2}[.)](?=\s)"
                    r"|[a-h]\)(?=\s)"  # a sub-list's letters ("a) Carvin. …")
                    r"|[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF][\uFE0F\u200D"
                    r"\U0001F300-\U0001FAFF\u2600-\u27BF]*(?=\s))")


def framed(line: str) -> bool:
    """A line marked at both ends by the same sign ("⚠️ ON A BESOIN DE VOUS ⚠️") is a
    title set off, not a list's entry."""
    mark = BULLET.match(line.strip())
    return bool(mark) and not mark.group()[:1].isdigit() and \
        len(line.strip()) > 2 * len(mark.group()) and line.strip().endswith(mark.group())


_LABEL = re.compile(
    r"^(?:pour (?:plus|en savoir plus)|plus d['’]informations?|en savoir plus|contacts?\b"
    r"|site(?: internet| web)?\s*:|facebook\s*:|twitter\s*:|instagram\s*:|adresse\s*:"
    r"|t[ée]l(?:[ée]phone)?\.?\s*:|mail\s*:|e-mail\s*:|courriel\s*:)", re.I)
# French numbers in pairs ("03 21 54 38 17"), and free or special ones read in threes
# ("0 800 130 000").
PHONE = re.compile(r"(?<!\d)(?:(?:\+33\s?(?:\(0\)\s?)?|0)[1-9](?:[\s.\-]?\d{2}){4}"
                   r"|0\s?8\d{2}(?:[\s.]?\d{3}){2}|0\s8\d{2}(?:\s\d{2}){3})(?!\d)")
_END = re.compile(r"[.!?;)»\"]$")

# A list's data line, a label and its figure ("Bénévoles : 31", "Colis distribués : 380"):
# short and over a paragraph like a headline, but a table's row, no title.
# Its figure ends the line, or a unit does, or a comma or a bracket opens a comment
# ("Trajets effectués : 64, surtout vers …"), or a few words tell what it counts ("45
# personnes aidées", "30 colis par semaine"); a headline's runs on ("… : 120 ordinateurs
# pour les élèves").
DATA_LINE = re.compile(r"[^\n:]{1,80}:\s*(?:environ\s+|près de\s+|plus de\s+)?\d[\d\s.,]*"
                       r"(?:(?:\s*(?!(?:pour|à|aux?|les?|la|des|avec|sur|chez|dans)(?![\w-]))[^\W\d]+(?:-[^\W\d]+)*){1,4}|\s*[€%])?"
                       # (more figures may follow, after a comma or a dash: "En chiffres : 38
                       # foyers aidés – 9 bénévoles")
                       r"\s*(?:$|(?:[,;(]|\s[–—·|]\s)[^\n]{0,100}$)", re.I)


def is_contact_line(text: str) -> bool:
    """A label line ("Pour plus d'informations :") or only URLs, e-mails, phones."""
    text = text.strip()
    if _LABEL.match(BULLET.sub("", text).strip()):
        return True
    rest = PHONE.sub(" ", URL.sub(" ", EMAIL.sub(" ", text)))
    return bool(rest != text) and not re.search(r"[^\W\d_]{2,}", re.sub(r"\bou\b", "", rest))


# a box drawn around lines ("┌────┐", "│ EN RÉSUMÉ │", "└────┘"): its corners' lines and
# its side bars frame the text, they are none of it
_BOX_EDGE = re.compile(r"(?m)^[ \t]*[┌╔┏└╚┗][─═━┬┴╤╧]*[┐╗┓┘╝┛][ \t]*$")
_BOX_SIDES = re.compile(r"(?m)^[ \t]*[│║┃][ \t]?(.*?)[ \t]*[│║┃][ \t]*$")


# … or drawn with the keyboard's signs ("+------+", "| REPÈRES |"): a frame of one cell,
# unlike a table's rows and rules, which have several
_ASCII_BOX = re.compile(r"(?m)^[ \t]*\+[-=]{3,}\+[ \t]*\n((?:[ \t]*(?:\|[^|\n]*\||\+[-=]{3,}\+)[ \t]*\n)+)"
                        r"[ \t]*\+[-=]{3,}\+[ \t]*$")
_ASCII_SIDES = re.compile(r"(?m)^[ \t]*\|[ \t]?([^|\n]*?)[ \t]*\|[ \t]*$|^[ \t]*\+[-=]{3,}\+[ \t]*$")


def _unboxed(text: str) -> str:
    text = _ASCII_BOX.sub(lambda m: _ASCII_SIDES.sub(r"\1", m.group(1)).rstrip("\n"), text)
    return _BOX_SIDES.sub(r"\1", _BOX_EDGE.sub("", text))


# a row drawn with dot leaders ("Balinghem ........ 38"): a label and its figure, as a
# list's entry (marked already or not: "• Repas livrés ....... 140")
# (an abbreviation's dot may stand in the label: "Marquise (5 088 hab.) ...... 4 200")
# (the longest label leaves room for one dot only, set apart by spaces, as no sentence's
# stop is: "Landrethun-le-Nord (1 299 hab.) . 1 100")
_DOT_LEADER = re.compile(r"(?m)^[ \t]*(?:[-–—•▪*›][ \t]*)?([^\W\d](?:[^\n.]|\.(?=[^\s.]))*?)"
                         r"(?:[ \t]*(?:\.[ \t]?){4,}|[ \t]+\.(?:[ \t]?\.)*[ \t]+)[ \t]*(\d[^\n]*?)[ \t]*$")
# … and the table's header row names what its figures count ("Commune ....... masques
# remis"): it introduces the rows
_DOT_HEADER = re.compile(r"(?m)^[ \t]*([^\W\d][^\n.]*?)[ \t]*(?:\.[ \t]?){4,}[ \t]*"
                         r"([^\W\d][^\n.:]*?)[ \t]*$")


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = _unboxed(text)
    text = _DOT_LEADER.sub(r"• \1 : \2", text)
    text = _DOT_HEADER.sub(r"\1 — \2 :", text)
    text = _tab_tables(text)
    text = re.sub(r"[\u00a0\u202f\u2007\t]", " ", text)
    text = re.sub(r"[\u200b-\u200d\ufeff\u00ad]", "", text)
    return _CONTROL.sub("", text)


# a table's row, with pipes at its edges, or without them in a table of several rows
# ("Outreau | CCAS | 3 600"; one such line alone is a header: "MAIRIE | Infos | 5 mai")
_TABLE_ROW = re.compile(r"^\s*\|(?:[^|\n]*\|){2,}\s*$")
_BARE_ROW = re.compile(r"^[^|\n]+(?:\|[^|\n]+){2,}$")
_BARE_PAIR = re.compile(r"^[^|\n]*[^\s|][^|\n]*\|[^|\n]*[^\s|-][^|\n]*$")
# its rules: dashes, colons, plus signs and pipes only ("|---|---|", "-----+-----")
_TABLE_RULE = re.compile(r"^\s*\|?[\s:|+-]*[-][\s:|+-]*\|?\s*$")


# cells a tab apart, as a table pasted from a spreadsheet or a word processor is
_TAB_CELLS = re.compile(r"\S[^\t\n]*?(?:[ ]*\t+[ ]*[^\t\n]*\S)+")


def _tab_tables(text: str) -> str:
    """A table laid out with tabs, as pasted from a spreadsheet, or with runs of spaces,
    as aligned in plain text: a header of two cells or more without figures, then rows
    with figures, its cells a tab (or several, to align them) or three spaces or more
    apart, a rule of dashes maybe under the header. Its lines are drawn with pipes, so
    that it reads as any table does; a line with tabs alone (an indent, one aligned
    pair) is left as it is."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        cells = _tab_split(lines[i])
        if len(cells) < 2 or re.search(r"\d", lines[i]):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and (len(_tab_split(lines[j])) >= 2 or _DASHES.fullmatch(lines[j])):
            j += 1
        rows = sum(not _DASHES.fullmatch(line) for line in lines[i:j])
        if rows >= 3 or (rows == 2 and len(cells) >= 3):
            for k in range(i, j):
                lines[k] = "|---|" if _DASHES.fullmatch(lines[k]) else \
                    "| " + " | ".join(_tab_split(lines[k])) + " |"
        i = j
    return "\n".join(lines)


def _tab_split(line: str) -> list[str]:
    line = line.strip(" ")
    if "|" in line:
        return []   # a table drawn with pipes is read as such
    if "\t" in line.strip("\t") and _TAB_CELLS.fullmatch(line.strip()):
        return [c.strip() for c in re.split(r"\t+", line.strip()) if c.strip()]
    # (columns aligned with spaces: three at least between cells, not a double space)
    cells = [c.strip() for c in re.split(r" {3,}", line.strip()) if c.strip()]
    return cells if len(cells) >= 2 else []


# a rule of dashes alone on its line, under a table's header: one run, or one per
# column of a table aligned with spaces ("-------  -----")
_DASHES = re.compile(r"\s*[-=]{5,}(?:\s+[-=]{3,})*\s*")


def _ruled_pairs(lines: list[str]) -> set[int]:
    """The lines of two cells a pipe apart ("Pâtes | 2 kg") that run on from a table's
    rule ("--------|------") without a break: a two-column table's header and rows."""
    rows: set[int] = set()
    for k, line in enumerate(lines):
        if not _table_rule(line) or "|" not in line:
            continue
        for step in (-1, 1):
            j = k + step
            while 0 <= j < len(lines) and _BARE_PAIR.match(lines[j]):
                rows.add(j)
                j += step
    return rows


def _table_rule(line: str) -> bool:
    """A table's rule: it has a pipe or a plus sign, so a line of dashes alone (a
    separator between sections) is none."""
    return bool(_TABLE_RULE.match(line)) and bool(re.search(r"[|+]", line))


# a column's header that tells its figures' kind: done, goal, need, order
_KIND_HEADER = re.compile(r"(?i)\b(?:réalisé|fait|fabriqué|livré|distribué|collecté|récolté|remis"
                          r"|servi|objectifs?|but|cible"
                          r"|bilan|résultats?"
                          r"|besoins?|recherché|commandé|prévu|à venir)(?:es|e|s)?\b")


# a column's header that asks who acts: its cells name each row's actor
_WHO_HEADER = re.compile(r"(?i)qui\s*\??|porteur|porteuse|acteur|structure|organisme"
                         r"|association|initiative de")
# a column's header that asks what is done: its cells tell what each row's figures count
# (qualified by an adjective too: "Action intercommunale", "Actions menées")
_WHAT_HEADER = re.compile(r"(?i)quoi\s*\??|(?:actions?|activités?|objet|initiatives?)"
                          r"(?:\s+[a-zà-ÿ]+)?")


# a first column's header that names things counted, not who counts them
_THING_HEADER = re.compile(r"(?i)produits?|denrées?|articles?|types?|catégories?|nature"
                           r"|matériels?|fournitures?|dons?")


# a column's header that tells when: its cells are its rows' dates, no part of their names
_WHEN_HEADER = re.compile(r"(?i)(?:dates?|jours?|quand|semaine)\b[^|]*")


# a column's header that tells a town's size: its cells are sizes, each labelled by it
# ("322 hab." under "Population"), never the row's output
_SIZE_HEADER = re.compile(r"(?i)population|(?:nombre d['’]|nb d['’])?habitants|hab\.")


_PERIOD_HEADER = re.compile(r"(?i)(semaine|jour)s?")
_PERIODS = {"semaine": "chaque semaine", "jour": "chaque jour"}


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _row_figures(header: list[str], cells: list[str]) -> tuple[list[str], list[str]]:
    """A row's cells of figures as data lines under the row's entry, as in a form, and
    its other cells. A cell that is only a figure is its column's ("4 100" under
    "Masques cousus"), and so is one figure of a column whose header tells a kind ("1 900
    masques" under "Réalisé", under "Objectif"), the header its label; so is any cell with
    figures in a table whose header asks who ("Qui ?", "Porteur"), labelled by the row's
    "what" cell, which tells what its figures count and how ("Affiches imprimées : 250
    affiches"), unless its own header tells a kind."""
    asks_who = any(_WHO_HEADER.fullmatch(h) for h in header)
    # rows by week or by day ("Semaine | Repas livrés"): each row's figure is that
    # period's, a rate; a total's row is the sum done
    period = next((_PERIODS[m.group(1).lower()] for h in header
                   if (m := _PERIOD_HEADER.fullmatch(h))), "")
    if cells and re.match(r"(?i)\W*(?:total|ensemble|cumul)", cells[0]):
        period = ""
    what = next((c for h, c in zip(header, cells)
                 if _WHAT_HEADER.fullmatch(h) and not re.search(r"\d\b", c)), None)
    figures, rest = [], []
    for h, c in zip(header, cells):
        label = h.rstrip(" ?")
        kind = bool(_KIND_HEADER.search(h))
        if h and (re.fullmatch(r"[\d\s.,]+", c) or _WHEN_HEADER.fullmatch(h)
                  or (_SIZE_HEADER.fullmatch(h) and re.search(r"\d", c)) or (
                (kind or asks_who) and re.search(r"\d", c)
                and (kind or DATA_LINE.match(f"{label} : {c}")))):
            # a cell that tells its own kind under a header of two ("besoin : 60 draps"
            # under "Objectif / besoin") is its own label
            own = kind and _KIND_HEADER.match(c) and re.match(r"[^:\d]+:", c)
            if own or _WHEN_HEADER.fullmatch(h):
                figures.append(c if own else f"{label} : {c}")
            else:
                name = what if asks_who and what and not kind else label
                figures.append(f"{name}{' ' + period if period else ''} : {c}")
        else:
            rest.append(c)
    return figures, rest


def _without_row_index(out: list) -> list:
    """A table's first column numbering its rows 1, 2, 3… (« Tournée », « N° ») is an
    index, no figure: it is dropped, with its header."""
    runs: list[list[int]] = []
    for i, item in enumerate(out):
        if isinstance(item, tuple):
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
    out = list(out)
    for run in runs:
        firsts = [out[i][1][0] if out[i][1] else "" for i in run]
        if len(run) >= 2 and firsts == [str(n) for n in range(1, len(run) + 1)]:
            for i in run:
                header, cells = out[i]
                out[i] = (header[1:] if len(header) == len(cells) else header, cells[1:])
    return out


def _table_rows(lines: list[str]) -> list[str]:
    """A table drawn with pipes ("| Marquise | CCAS | 18 bénévoles |"): its header (its
    first row, without figures) and its rules are dropped, and each row becomes a list
    entry, its cells in order ("• Marquise — CCAS — 18 bénévoles"), read as one
    initiative. A bare figure takes its column's header as its label ("Bénévoles : 26")."""
    # a row stays its table's header and its cells until the rows are all read (a row
    # over two lines goes on with the one above)
    out: list[str | tuple[list[str], list[str]]] = []
    header: list[str] = []
    in_table = False
    ruled = _ruled_pairs(lines)
    for i, line in enumerate(lines):
        near = lines[max(0, i - 1):i] + lines[i + 1:i + 2]
        # (a line of dashes alone rules a table whose rows have no pipes at their edges:
        # the rows past it are the table's too)
        near += [lines[j] for j, k in ((i - 2, i - 1), (i + 2, i + 1))
                 if 0 <= j < len(lines) and _DASHES.fullmatch(lines[k])]
        row = _TABLE_ROW.match(line) or i in ruled or (_BARE_ROW.match(line) and any(
            _BARE_ROW.match(n) or _table_rule(n) for n in near))
        rule = _table_rule(line) or (_DASHES.fullmatch(line) is not None and (
            in_table or (i + 1 < len(lines) and _BARE_ROW.match(lines[i + 1]) is not None)))
        if in_table and "|" in line and isinstance(out[-1], tuple) and \
                not _table_rule(line) and (more := _continued(line, len(out[-1][1]))) and \
                (not row or (re.match(r"\s*\|\s*\|", line) and sum(not c for c in more) >= 2)):
            # a row whose first cell is blank goes on with the row above, cell by cell
            # (a cell written over two lines: "38 repas par jour" then "71 bénéficiaires");
            # drawn whole, with pipes at its edges, when another of its cells is blank too
            # ("|  |  | 95 personnes bénéficiaires |")
            above = out[-1][1]
            # (a cell cut after its punctuation, or its words going on in lower case,
            # goes on: "120 repas par jour," over "95 bénéficiaires", "60 repas" over
            # "par jour")
            out[-1] = (out[-1][0], [(f"{a} {b}" if re.search(r"[,;:]$", a) or b[:1].islower()
                                     else f"{a} ; {b}")
                                    if a and b else a or b for a, b in zip(above, more)])
            continue
        if not (row or rule):
            out.append(line)
            in_table = False
            continue
        if rule:
            out.append("")             # a rule: over the header, it opens no table yet
            continue
        if not in_table and (not re.search(r"\d", line)
                               or (i + 1 < len(lines) and _table_rule(lines[i + 1]))):
            # the header: the first row, without figures, or the row over the rule
            # whatever it holds ("Réalisé au 30/04")
            header = _cells(line)
            out.append("")
        else:
            out.append((header, _cells(line)))
        in_table = True
    flat: list[str] = []
    for item in _without_row_index(out):
        if isinstance(item, tuple):
            header, item = item
            figures, cells = _row_figures(header, item) if len(header) == len(item) \
                else ([], item)
            if header and cells == item[:1] and figures and (
                    _THING_HEADER.fullmatch(header[0])
                    or (_WHAT_HEADER.fullmatch(header[0]) and len(header) == 2)):
                # a table of things counted ("Produit | Quantité collectée"): each row
                # counts its thing, with the act its header tells ("• Conserves,
                # quantité collectée : 340 boîtes"), and names no one; so does a table
                # of actions and one column of figures ("Action | Quantité"), the action
                # the figure's label ("• Masques commandés, quantité : 40 000")
                flat.extend(f"• {cells[0]}, {f[:1].lower()}{f[1:]}" for f in figures)
                continue
            if header and cells:
                # a column that tells what is done names an activity, not who does it:
                # it is the row's field, labelled by its header ("• Action : Portage de
                # repas (CIAS)", "• Nortkerque — Initiative : Masques en tissu — Club …")
                # a column that asks who names the row's bearer, labelled so ("Porteur :
                # Couturières bénévoles du village"), whatever its words
                cells = [f"{h.rstrip(' ?:')} : {c}" if c and c in item
                         and not re.search(r"\d\b", c)
                         and (_WHAT_HEADER.fullmatch(h) or _WHO_HEADER.fullmatch(h)) else c
                         for h, c in zip(_header_of(header, item, cells), cells)]
            # (a cell of a dash alone is an empty one)
            flat.append("• " + " — ".join(c for c in cells if c.strip("—–- ")))
            flat.extend(figures)
        else:
            flat.append(item)
    return flat


def _header_of(header: list[str], item: list[str], cells: list[str]) -> list[str]:
    """The header of each cell left in a row once its figures went to data lines."""
    if len(header) != len(item):
        return [""] * len(cells)
    left = iter(zip(header, item))
    return [next((h for h, c in left if c == cell), "") for cell in cells]


def _continued(line: str, width: int) -> list[str] | None:
    """The cells of a table's line that goes on with the row above: its first cell
    blank, as many cells as that row, one at least filled."""
    raw = [c.strip() for c in line.split("|")]
    # (with pipes at its edges or without: the edges' empty cells are no cells)
    for cells in (raw, raw[:-1], raw[1:], raw[1:-1]):
        if len(cells) == width and not cells[0] and any(cells):
            return cells
    return None


# A web page's breadcrumb trail ("Accueil > Actualités > Vie locale"): the site's
# navigation, short steps an arrow apart, not the text's words
_BREADCRUMB = re.compile(r"(?!.*«)(?:[^\W\d][^<>›»\n]{0,40}?\s*[>›»]\s*)+[^\W\d][^<>›»\n.!?:]{0,60}")


def _site_of(breadcrumb: str) -> str:
    """A breadcrumb's first step when it names the site ("Ville de Liévin › Actualités"),
    the site's owner; nothing when it is the home page's ("Accueil > …")."""
    first = re.split(r"\s*[>›»]\s*", breadcrumb.strip(), maxsplit=1)[0]
    return "" if _HOME.fullmatch(first) else first


_HOME = re.compile(r"(?i)(?:vous êtes ici\s*:?\s*)?(?:accueil|home|actualités|actus?|news)")


def clean_blocks(text: str) -> list[str]:
    """Paragraphs and bullets of a PDF-extracted text, one string each."""
    raw = [_site_of(line) if _BREADCRUMB.fullmatch(line.strip()) else line
           for line in _table_rows(_normalise(text).split("\n"))]
    # Each non-blank line with the number of blank lines before it.
    lines: list[tuple[str, int]] = []
    blanks = 0
    for line in raw:
        if line.strip():
            lines.append((line.rstrip("\n"), blanks))
            blanks = 0
        else:
            blanks += 1
    if not lines:
        return []
    lengths = sorted(len(line.strip()) for line, _ in lines)
    typical = lengths[int(0.9 * (len(lengths) - 1))]
    # Double-spaced PDF lines: one blank line is only a line break, and the line
    # after it often goes on with its sentence in lower case. Lines as long as
    # paragraphs are paragraphs, whatever the spacing; a web page or a post keeps a
    # blank line between paragraphs that each start a sentence.
    after_one = [line for line, b in lines[1:] if b == 1]
    going_on = sum(1 for line in after_one if line.strip()[:1].islower())
    double = len(lines) >= 8 and len(after_one) >= 0.5 * (len(lines) - 1) \
        and typical <= 160 and going_on >= 0.3 * len(after_one)
    soft_blanks = 1 if double else 0

    blocks: list[list[str]] = []
    previous = None
    for line, blanks_before in lines:
        if previous is None or blanks_before > soft_blanks or \
                _breaks(previous, line, typical, len(blocks[-1]), blocks[-1][0]):
            blocks.append([])
        blocks[-1].append(line)
        previous = line
    return [b for b in (_join(block) for block in blocks) if b]


def _breaks(a: str, b: str, typical: int, block_lines: int, first: str = "") -> bool:
    """Whether line `b` starts a new block after line `a` inside a paragraph, `first`
    the first line of the block `a` ends."""
    a_text, b_text = a.strip(), b.strip()
    if not re.search(r"\w", a_text) or not re.search(r"\w", b_text):
        return True  # separators such as "*****"
    trailing = len(a) - len(a.rstrip(" "))
    # A line ending with a URL, an address or the tail of a cut URL ("-303321")
    # ends its sentence in practice.
    last = a_text.split()[-1]
    ends = bool(_END.search(a_text) or URL.fullmatch(last.rstrip(".")) or EMAIL.fullmatch(last)
                or re.search(r"-\d+/?$", last))
    if _url_cut(a_text, b_text):
        return False
    if _LABEL.match(BULLET.sub("", b_text).strip()):
        return True  # "Site internet :", "Contact :" each start a line of contacts
    a_contact, b_contact = is_contact_line(a_text), is_contact_line(b_text)
    if a_contact:
        return not b_contact  # consecutive contact lines stay together
    if b_contact:  # an address alone on its line, or cut from its sentence
        return ends or a_text.endswith(":")
    if BULLET.match(b_text) or DATA_LINE.match(b_text):
        return True  # a list's entry, or a table's row ("Colis livrés : 380")
    if re.match(r"\|\s*[^|\s][^|]*$", b_text):
        return True  # a box's row, its edge a bar ("| 264 habitants")
    if FORM_ROW.match(BULLET.sub("", a_text).strip()) and FORM_ROW.match(b_text) and \
            b_text[:1].isupper():
        return True  # a form's rows, one per label, short or long ("Besoin : …" over
        # "Le mot de l'élue : « … »", "Où : …" over "En chiffres :")
    if _LABELLED.match(b_text) and len(b_text) <= 80 and b_text[:1].isupper() and \
            (DATA_LINE.match(a_text) or not _GOES_ON.search(a_text)):
        return True  # a form's row, its value in words ("Livraison : semaine 19")
    if _SHOUTED.search(a_text) and a_text.upper() == a_text and b_text.upper() != b_text:
        return True  # a heading in capitals stands alone ("🛒 LES COURSES POUR NOS ANCIENS")
    if FRAMED.fullmatch(a_text) or FRAMED.fullmatch(b_text):
        return True  # a heading framed by rules ("=== LICQUES ===") stands alone
    if ends and block_lines == 1 and BULLET.match(a_text) and b_text[:1].isupper():
        return True  # a one-line bullet heading ("-les associations ... confinées.")
    if block_lines == 1 and _TITLE_MARK.match(a_text) and not _GOES_ON.search(a_text) and \
            _OPENS_SENTENCE.match(b_text):
        return True  # … and a line under a title's mark, when the next line opens a
        # sentence ("▶ Le relais du quartier – Centre social" over "Des jeunes appellent …")
    if ends and 2 <= trailing <= 4:  # Word's paragraph mark left two spaces
        return True
    if ends and len(a_text) < 0.7 * typical:  # short last line of a paragraph
        return True
    if a_text.endswith(":") and b_text[:1].isupper():
        return True
    if block_lines == 1 and not ends and len(a_text) < 0.5 * typical and \
            b_text[:1].isupper() and not _GOES_ON.search(a_text):
        return True  # a short line alone over a paragraph is its heading ("Nos aînés")
    if b.startswith(" ") and _FIGURE_LINE.match(b_text) and (
            _FIGURE_LINE.match(a_text) or a_text.upper() == a_text):
        return True  # indented short lines opening with a figure: a list of key figures
        # under its heading ("EN CHIFFRES" over "  64 communes" and "  27 000 habitants")
    if _FIGURE_LINE.match(a_text) and _FIGURE_LINE.match(b_text) and not ends and \
            not _GOES_ON.search(a_text) and max(len(a_text), len(b_text)) < 0.5 * typical:
        return True  # short lines each opening with a figure, in a text of long lines:
        # a box of key figures, one per line ("1 350 visières livrées" over "≈ 400 …")
    if block_lines > 1 and _FIGURE_LINE.match(first.strip()) and _FIGURE_LINE.match(b_text) \
            and not ends and not _GOES_ON.search(a_text) and \
            max(len(first.strip()), len(a_text), len(b_text)) <= _BOX_ROW:
        return True  # … one of them written over two lines ("410 personnes appelées" over
        # "régulièrement par le CCAS"), the next row opening with its figure
    if b.startswith(" "):  # a lost bullet or a page start in the source
        return ends or a_text.endswith(":")
    return False


# the marks of a section's title, not of a list's line (an arrow, a square)
_TITLE_MARK = re.compile(r"[▶►■▸◆➤➔→⇒]")
# the words a sentence opens with, in capitals, that a wrapped line never begins with
# after a complete phrase
_OPENS_SENTENCE = re.compile(r"(?:Le|La|Les|L['’]|Un|Une|Des|Ce|Cet|Cette|Ces|Nous|Ils|Elles|Il"
                             r"|Elle|On|Depuis|Dès|Chaque|Grâce|Notre|Nos|Leur|Leurs)\s")
# a box's rows are short: longer lines opening with a figure are a paragraph's, broken
_BOX_ROW = 60
_LABELLED = re.compile(r"[^\W\d][^\n:]{0,60}\s?:\s+\S")
# (an approximate figure opens with its sign: "≈ 400", "~ 30", "+ de 50"; a label may
# follow the figure after a colon: "3 000 : l'objectif au 15 mai")
_FIGURE_LINE = re.compile(r"(?:[≈~+]\s*(?:de\s+)?)?\d[\d \u00a0\u202f.,]*\s*(?:[€%$]\s*)?:?\s*[^\W\d][^\n]{0,70}$")
# two words in capitals at least, short ones between ("L'AGGLO EN CHIFFRES")
_SHOUTED = re.compile(r"[A-ZÀ-Ý]{3,}(?:\W+[A-ZÀ-Ý]{1,2})*\W+[A-ZÀ-Ý]{3,}")
FORM_ROW = re.compile(r"[^\W\d][^\n:]{0,40}\s?:(?:\s+\S|\s*$)")
FRAMED = re.compile(r"[=—–*#~_-]{2,}[^\n]{1,80}?[=—–*#~_-]{2,}")
# A line ending with a function word goes on in the next one ("distribués par la").
_GOES_ON = re.compile(r"(?:\b(?:de|du|des|la|le|les|et|ou|à|au|aux|en|par|pour|sur|un|une|avec"
                      r"|dans|ses|son|sa|nos|notre|leur|leurs)|[dlDL]['’]|[,–-])$", re.I)


def _url_cut(a: str, b: str) -> bool:
    """Whether a URL at the end of `a` goes on at the start of `b`."""
    last = a.split()[-1] if a.split() else ""
    first = b.split()[0] if b.split() else ""
    if not re.match(r"(?:https?://|www\.)", last) or re.match(r"(?:https?:|www\.)", first):
        return False
    if not re.fullmatch(r"[a-z0-9][a-z0-9._~:/?#@!$&'()*+,;=%-]*", first):
        return False
    # Cut after a separator, or the rest looks like a path, not a French word.
    return bool(re.search(r"[-_/=?&.]$", last) or re.search(r"[/\d_=]|-.*-", first))


def _join(lines: list[str]) -> str:
    """A block's lines as one paragraph. Only the last word joined so far is looked at,
    so the work stays linear (a block may hold a hundred thousand one-letter lines)."""
    parts: list[str] = []
    last = ""  # the last word of the text joined so far (it never ends with a space)
    for line in lines:
        line = re.sub(r" {2,}", " ", line.strip())
        if not line:
            continue
        words = line.rsplit(None, 1)
        if parts and ((len(last) >= 2 and last.endswith("-") and line[:1].isalnum())
                      or _url_cut(last, line)):
            parts.append(line)  # "Annay-sous-" + "Lens", "plate-" + "forme", URLs
            last = _ends(words[-1] if len(words) > 1 else last + line)
        else:
            parts.append(" " + line if parts else line)
            last = _ends(words[-1])
    return "".join(parts).strip()


def _ends(word: str) -> str:
    """A word's first and last letters, all that `_join` and `_url_cut` read of it (a URL's
    scheme, the mark it ends with): a word glued from many lines is never copied whole."""
    return word if len(word) <= 16 else word[:8] + word[-8:]


# --- header -----------------------------------------------------------------

MONTHS = {m: i for i, m in enumerate(dates.MONTHS, start=1)}
MONTHS.update({"fevrier": 2, "aout": 8, "decembre": 12})
DATE = re.compile(r"\b(1er|\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\b", re.I)
# (a letter may drop the article: "Anvin, 28 avril 2020")
_DATELINE = re.compile(r"^[\w' -]{0,40}(?:,\s+(?:le\s+)?|\s+le\s+)(?:\w+\s+)?" + DATE.pattern[2:], re.I)
_NUMBER = re.compile(r"\b(?:n\s*[°º]|no\.?|num[ée]ro)\s*(\d{1,4})\b", re.I)


def parse_date(text: str) -> date | None:
    m = DATE.search(text)
    if not m:
        return None
    day = 1 if m.group(1).lower() == "1er" else int(m.group(1))
    try:
        return date(int(m.group(3)), MONTHS[m.group(2).lower()], day)
    except ValueError:
        return None


def parse_number(title: str) -> int | None:
    m = _NUMBER.search(title or "")
    return int(m.group(1)) if m else None


def _pop_date(blocks: list[str]) -> tuple[date | None, str, list[str]]:
    """The dateline ("Arras, le 21 avril 2020") in the first blocks, removed: its date
    and its place."""
    for i, block in enumerate(blocks[:3]):
        m = _DATELINE.match(block)
        if m:  # the rest of the block, if any, is the title run into it
            rest = [block[m.end():].strip()] if block[m.end():].strip() else []
            place = re.match(r"\s*([^,]*?)(?:,\s+(?:le\s+)?|\s+le\s+)(?:\w+\s+)?\d", block, re.I)
            return parse_date(block), place.group(1).strip() if place else "", \
                blocks[:i] + rest + blocks[i + 1:]
    head = " ".join(blocks[:2])[:400]
    return parse_date(head), "", blocks


# A social post's header: its author, then when and to whom ("4 mai à 18:42 · Public",
# "Publié le 4 mai à 18:42 · 🌍", "Hier à 21:47 · 👥").
_POST_STAMP = re.compile(r"\s+(?:(?:publié|posté|mis en ligne)e?\s+)?(?:le\s+)?"
                         r"(?:(?:1er|\d{1,2})\s+(?:" + "|".join(MONTHS) + r")(?:\s+\d{4})?"
                         r"|hier|avant-hier|aujourd['’]hui"   # "Hier à 21:47 · 👥"
                         r"|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche))"
                         r"(?:,?\s+(?:à\s+)?\d{1,2}[:h]\d{2})?\s*·.*$", re.I)  # "27 avril, 19:42"


def _pop_title(blocks: list[str]) -> tuple[str, list[str]]:
    first = blocks[0]
    stamp = _POST_STAMP.search(first)
    if stamp and stamp.start() > 0:
        return first[:stamp.start()].strip(), blocks[1:]
    if len(first) <= 200 and not first.endswith(".") and not is_contact_line(first):
        return first, blocks[1:]
    sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    return (sentence if len(sentence) <= 100 else sentence[:99].rstrip() + "…"), blocks
