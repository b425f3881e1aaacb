"""Small hostile inputs get French messages or are set aside, never a traceback, never
unbounded work: crafted PDFs, long "words", lone surrogates, absurd figures, oversize
texts. Real files, a real SQLite store in a temporary folder."""
from __future__ import annotations

import pytest

from initiatives import importing, ingest
from initiatives.ingest import EMAIL, URL, IngestError, release_from_bytes, release_from_text
from initiatives.numbers import ABSURD
from initiatives.store import StoreError, open_store
from tests.helpers.hostile import long_word_text, operations_pdf, pages_pdf

RELEASE = ("Covid-19 : le Pas-de-Calais solidaire\n\nArras, le 21 avril 2020\n\n"
           "La ville de Lens a distribué 3 400 masques aux habitants.\n")


@pytest.fixture
def store(tmp_path):
    return open_store(tmp_path / "store.sqlite", seed=None)


# --- addresses: linear patterns, same matches -------------------------------------

@pytest.mark.parametrize("text, url", [
    ("voir www.ville-lens.fr/masques.", "www.ville-lens.fr/masques."),
    ("sur ville-marck.fr ou ailleurs", "ville-marck.fr"),
    ("contact : mairie@ville.arras.fr", "ville.arras.fr"),
    ("https://www.pasdecalais.gouv.fr/Actualites", "https://www.pasdecalais.gouv.fr/Actualites"),
    ("x..exemple.fr", "exemple.fr"),
])
def test_url_pattern_finds_the_addresses_it_found(text, url):
    assert URL.search(text).group() == url


def test_email_pattern_finds_addresses():
    assert [m.group() for m in EMAIL.finditer("Écrire à jean.dupont+covid@mairie-lens.fr "
                                              "ou à asso@orange.fr.")] == [
        "jean.dupont+covid@mairie-lens.fr", "asso@orange.fr."[:-1]]


@pytest.mark.parametrize("word", ["a" * 300, "a." * 150, "a-" * 150, "a-a." * 75, "0" * 300])
def test_no_match_starts_inside_a_run(word):
    # What keeps the patterns linear: a run of letters, dashes and dots is tried from its
    # start only, not again from each of its characters (the old patterns were, 19.5 s
    # for 20 000 letters). A match from inside the run would be a later start.
    word = word.rstrip(".")
    for n in (1, 2, 101):
        assert URL.match(word + ".fr", n) is None
        assert EMAIL.match(word + "@x.fr", n) is None
    assert URL.fullmatch(word + ".fr") and EMAIL.fullmatch(word + "@x.fr")


@pytest.mark.parametrize("unit", ["a", "a.", "a-", "a-a.", "0"])
def test_a_text_with_a_20_000_letter_word_is_read(unit):
    parsed = importing.parse("long.txt", long_word_text(20_000, unit).encode())
    assert parsed.error is None
    assert parsed.initiatives and "3 400 masques" in parsed.initiatives[0].excerpt


# --- limits named in French, checked before any parsing -----------------------------

def test_pasted_text_over_the_limit_is_refused_before_reading(monkeypatch):
    def no_parsing(text):
        raise AssertionError("parsed")
    monkeypatch.setattr(ingest, "clean_blocks", no_parsing)
    parsed = importing.parse("texte collé", text="a" * (ingest.MAX_CHARS + 1))
    assert parsed.error == "Texte trop long (2\u202f000\u202f001 caractères, " \
                           "maximum 2\u202f000\u202f000)."
    assert parsed.release is None


def test_a_text_file_over_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(ingest, "MAX_CHARS", 1_000)
    with pytest.raises(IngestError, match=r"^Texte trop long \(1\u202f001 caractères"):
        release_from_bytes(b"a" * 1_001, "long.txt")


def test_a_pdf_of_too_many_pages_is_refused_before_its_text_is_read(monkeypatch):
    data = pages_pdf(ingest.MAX_PDF_PAGES + 1)
    monkeypatch.setattr(ingest, "_page_text", lambda page: pytest.fail("page read"))
    parsed = importing.parse("dossier.pdf", data)
    assert parsed.error == "PDF trop long (201 pages, maximum 200)."


def test_a_pdf_at_the_page_limit_is_read():
    release = release_from_bytes(pages_pdf(ingest.MAX_PDF_PAGES), "dossier.pdf")
    assert "Page 200 : la ville de Lens" in release.body


def test_a_crafted_pdf_hits_pypdfs_limits_in_french():
    parsed = importing.parse("petit.pdf", operations_pdf(400_000))
    assert len(operations_pdf(400_000)) < 5_000
    assert parsed.error == ("PDF trop complexe : sa lecture dépasse les limites fixées "
                            "(flux trop gros ou trop d'opérations).")


def test_a_pdf_read_for_too_long_is_refused(monkeypatch):
    monkeypatch.setattr(ingest, "FILE_SECONDS", -1.0)
    parsed = importing.parse("lent.pdf", pages_pdf(3))
    assert parsed.error == ("Fichier trop long à lire (plus de -1 secondes, 1 page(s) lue(s) "
                            "sur 3) : découpez-le en plusieurs fichiers.")


def test_a_page_of_outsize_content_is_read_plainly_and_stopped_inside_the_page(monkeypatch):
    """Past `LAYOUT_MAX_CONTENT`, a page is read in plain mode, which checks the time
    budget at every operation: one crafted page cannot hold the file past its time."""
    line = b"(Lens a livre 10 masques)' "
    repeat = ingest.LAYOUT_MAX_CONTENT // len(line) + 100
    data = operations_pdf(repeat, line)
    assert "Lens a livre 10 masques" in ingest.pdf_text(data)
    monkeypatch.setattr(ingest, "FILE_SECONDS", -1.0)
    parsed = importing.parse("dense.pdf", data)
    assert parsed.error == ("Fichier trop long à lire (plus de -1 secondes, 0 page(s) lue(s) "
                            "sur 1) : découpez-le en plusieurs fichiers.")


def test_a_text_read_for_too_long_is_refused_and_nothing_is_saved(monkeypatch, store):
    """The budget is checked between paragraphs: a text past it is refused whole, in
    French, and the store is untouched; with time left, the same text is read."""
    before = len(store.rows())
    monkeypatch.setattr(ingest, "FILE_SECONDS", -1.0)
    parsed = importing.parse("long.txt", RELEASE.encode())
    assert parsed.error == ("Fichier trop long à lire (plus de -1 secondes) : découpez-le "
                            "en plusieurs fichiers.")
    assert parsed.release is None and not parsed.initiatives
    with pytest.raises(StoreError, match="aucune initiative gardée"):
        importing.ingest(store, parsed)
    assert len(store.rows()) == before
    monkeypatch.setattr(ingest, "FILE_SECONDS", 60.0)
    assert importing.parse("long.txt", RELEASE.encode()).initiatives


def test_the_limits_said_before_reading_name_the_time_per_file():
    assert "8 secondes de lecture par fichier" in ingest.limits()


def test_a_pdf_whose_text_is_too_long_is_refused(monkeypatch):
    monkeypatch.setattr(ingest, "MAX_CHARS", 100)
    with pytest.raises(IngestError, match=r"^Texte du PDF trop long \(plus de 100 caractères\)$"):
        release_from_bytes(pages_pdf(5), "long.pdf")


# --- lone surrogates, absurd figures: the release is still saved ---------------------

def test_lone_surrogates_are_replaced_and_the_release_saves(store):
    parsed = importing.parse("texte collé", text=RELEASE.replace("habitants", "habitants \ud83d")
                             + "\udc00 fin.\n")
    assert parsed.error is None, parsed.error
    assert "\ufffd" in parsed.release.body
    assert importing.ingest(store, parsed)["added"] == 1


def test_an_absurd_figure_is_set_aside_and_the_release_saves(store):
    text = RELEASE + "\nLa ville de Marck a produit " + "9" * 400 + " masques en tissu.\n"
    parsed = importing.parse("texte collé", text=text)
    assert parsed.error is None, parsed.error
    absurd = [n for n in parsed.numbers if n.text.startswith("9999")]
    assert absurd and all(n.value is None and importing.why(n) == ABSURD for n in absurd)
    assert importing.ingest(store, parsed)["added"] >= 1
    values = [q.value for ini in parsed.initiatives for q in ini.quantities]
    assert 3400 in values and all(v < 1e12 for v in values)


def test_release_from_text_keeps_a_plain_text_unchanged():
    release = release_from_text(RELEASE)
    assert release.body == "La ville de Lens a distribué 3 400 masques aux habitants."


def test_a_press_kit_over_20_000_characters_saves(store):
    # a press kit of many towns' items: one long release, read and saved whole
    towns = ["Lillers", "Auchel", "Bruay-la-Buissière", "Isbergues", "Fruges", "Hesdin",
             "Marck", "Guînes", "Ardres", "Oye-Plage"]
    items = [f"- Le centre social de {town} a livré {40 + i} colis aux familles de la commune, "
             f"avec l'aide de {10 + i} bénévoles qui se relaient chaque jour depuis le début "
             f"du confinement ; les habitants peuvent les joindre en mairie. " * 6
             for i, town in enumerate(towns * 4)]
    text = "Dossier de presse : la solidarité dans le département\n\n" + "\n\n".join(items)
    assert len(text) > 30_000
    parsed = importing.parse("dossier.txt", text.encode())
    assert parsed.error is None, parsed.error
    assert importing.ingest(store, parsed)["added"] >= len(towns)
