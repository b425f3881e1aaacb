"""Reading releases: the bundled texts, PDFs generated from them, and bad input."""
from __future__ import annotations

import html
import io
import random
from datetime import date

import pytest
from hypothesis import given, settings, strategies as st
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

import config
from initiatives import ingest
from initiatives.ingest import IngestError, read_release, release_from_bytes, release_from_text
from samples.pdf import pdf_keeping_lines, pdf_of_paragraphs

CORPUS = {p.name: p for p in sorted(config.PRESS_RELEASES_DIR.glob("*.txt"))}


def image_only_pdf() -> bytes:
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    pdf.rect(50, 500, 300, 200, fill=1)
    pdf.drawImage(ImageReader(Image.new("RGB", (40, 20), "white")), 60, 300, 200, 100)
    pdf.save()
    return buf.getvalue()


def encrypted(data: bytes, user: str = "secret", owner: str | None = None) -> bytes:
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user, owner_password=owner)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def texts():
    return {name: read_release(path) for name, path in CORPUS.items()}


# --- text files -------------------------------------------------------------

@pytest.mark.parametrize("name, title, number, day", [
    ("2020-03-27_mobilisation-citoyenne.txt",
     "Covid-19 : la mobilisation citoyenne est au rendez-vous dans le Pas-de-Calais",
     None, date(2020, 3, 27)),
    ("2020-04-08_pdc-solidaire-n2.txt", "Covid-19 : le Pas-de-Calais solidaire n°2", 2,
     date(2020, 4, 8)),
    ("2020-04-21_pdc-solidaire-n5.txt", "Covid-19 : le Pas-de-Calais solidaire n°5", 5,
     date(2020, 4, 21)),
    ("2020-04-30_pdc-solidaire-n7.txt", "Covid-19 : le Pas-de-Calais solidaire n°7", 7,
     date(2020, 4, 30)),
    ("solidaires-dans-la-crise-newsletter.txt", "Solidaires dans la crise !", None, None),
])
def test_header_of_each_release(texts, name, title, number, day):
    release = texts[name]
    assert (release.title, release.number, release.date) == (title, number, day)
    assert release.source == name
    assert not release.body.startswith(("Arras", "Covid-19 :", "Solidaires dans la crise"))


def test_release_ids(texts):
    assert texts["2020-04-30_pdc-solidaire-n7.txt"].id == "2020-04-30-n7"
    assert len({r.id for r in texts.values()}) == 5


def test_body_is_blocks_without_pdf_artefacts(texts):
    for release in texts.values():
        blocks = release.body.split("\n\n")
        assert all(b and b == b.strip() and "\n" not in b and "  " not in b for b in blocks)


@pytest.mark.parametrize("name, expected", [
    # URL cut across lines, hyphenated words cut at line end
    ("2020-04-21_pdc-solidaire-n5.txt",
     "https://www.education.gouv.fr/continuite-pedagogique-l-education-nationale-et-la-poste-"
     "mobilisees-pour-maintenir-le-lien-avec-les-303321"),
    ("2020-04-21_pdc-solidaire-n5.txt", "à s’inscrire sur cette plate-forme."),
    ("2020-04-30_pdc-solidaire-n7.txt", "( Avion, Annay-sous-Lens ...)."),
    # lines broken mid-sentence in a double-spaced text are joined
    ("2020-04-21_pdc-solidaire-n5.txt",
     "L’association Les Anges gardins, avec le soutien de la Fondation de France, livre "
     "gratuitement 70 paniers de légumes bio chaque semaine"),
    ("2020-04-30_pdc-solidaire-n7.txt",
     "composé d’une vingtaine de personnes, a sur la base de dons"),
    ("2020-04-08_pdc-solidaire-n2.txt",
     "Pour plus d’informations : https://www.facebook.com/covidentraidefr/ - "
     "https://www.facebook.com/EntraideCoVid19Calaisis/"),
])
def test_lines_urls_and_words_are_rejoined(texts, name, expected):
    assert expected in texts[name].body


@pytest.mark.parametrize("name, block", [
    # bullets lost in extraction ("") are still separate blocks
    ("2020-04-21_pdc-solidaire-n5.txt",
     "la mise en œuvre d’une distribution alimentaire à destination de plus de 70 familles et "
     "de 180 personnes en situation de difficulté ;"),
    ("2020-04-21_pdc-solidaire-n5.txt", "la gratuité du retour postal réalisé par les élèves ;"),
    ("2020-03-27_mobilisation-citoyenne.txt", "- près de 600 bénévoles qui se sont inscrits sur "
                                              "le site,"),
    ("2020-04-30_pdc-solidaire-n7.txt", "- Solidaires dans l’application des mesures de "
                                        "protection :"),
    # paragraphs kept apart, contact lines on their own
    ("2020-04-21_pdc-solidaire-n5.txt", "La commune finance le matériel de base, l’objectif "
                                        "étant de fournir aux commerçants un lot de 3 masques "
                                        "chacun."),
    ("2020-04-21_pdc-solidaire-n5.txt", "Contact téléphonique : 09 51 03 17 14"),
    ("2020-04-21_pdc-solidaire-n5.txt",  # after the tail of a cut URL, at a page start
     "Les personnes qui souhaiteraient apporter leur concours à la gestion de la crise peuvent "
     "participer à la grande mobilisation citoyenne en se rendant sur la plate-forme Je veux "
     "aider-Réserve Civique Covid-19 :"),
    ("2020-04-08_pdc-solidaire-n2.txt", "Pour plus d’informations : "
                                        "fdelfour@durandproduction.com"),
    ("2020-04-21_pdc-solidaire-n5.txt", "-les associations sont aussi en première ligne pour "
                                        "aider les personnes confinées."),
    ("solidaires-dans-la-crise-newsletter.txt",
     "Une association de Clamart mobilise un atelier pour fabriquer des masques"),
])
def test_paragraphs_and_bullets_are_blocks(texts, name, block):
    assert block in texts[name].body.split("\n\n")


def test_windows_1252_file(tmp_path, texts):
    path = tmp_path / "n2-cp1252.txt"
    path.write_bytes(CORPUS["2020-04-08_pdc-solidaire-n2.txt"].read_text("utf-8")
                     .encode("cp1252"))
    release = read_release(path)
    original = texts["2020-04-08_pdc-solidaire-n2.txt"]
    assert (release.title, release.date, release.body, release.id) == \
        (original.title, original.date, original.body, original.id)
    assert "présidente" not in release.body and "préfet" in release.body


def test_utf8_bom_and_utf16():
    text = "Covid-19 : le Pas-de-Calais solidaire n°9\n\nLa ville d’Arras a livré 30 masques."
    for data in (b"\xef\xbb\xbf" + text.encode("utf-8"), text.encode("utf-16")):
        release = release_from_bytes(data, "x.txt")
        assert release.title == "Covid-19 : le Pas-de-Calais solidaire n°9"
        assert release.number == 9


def test_pasted_text():
    release = release_from_text("  Béthune, le 1er mai 2020\n\nCovid-19 : solidarité\n\n"
                                "L’association X a livré 40 repas.\n")
    assert release.source == "texte collé"
    assert release.date == date(2020, 5, 1) and release.title == "Covid-19 : solidarité"
    assert release.body == "L’association X a livré 40 repas."


def test_text_without_heading_gets_a_title_from_its_first_sentence():
    release = release_from_text("L’association X a livré 40 repas aux familles du quartier. "
                                "Elle recommencera.")
    assert release.title == "L’association X a livré 40 repas aux familles du quartier."
    assert release.body.startswith("L’association X")


def test_hostile_title_is_kept_as_plain_data():
    hostile = "<script>alert('x')</script> Covid-19 n°3"
    release = release_from_text(f"{hostile}\n\n<img src=x onerror=alert(1)> a livré 5 masques.")
    assert release.title == hostile  # stored as written; escaped where it is shown
    assert release.number == 3
    assert "<script>" not in html.escape(release.title)


# --- PDFs -------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(CORPUS))
def test_typeset_pdf_gives_the_same_release(texts, name):
    original = texts[name]
    release = release_from_bytes(pdf_of_paragraphs(original), name.replace(".txt", ".pdf"))
    assert (release.title, release.number, release.date, release.id, release.body) == \
        (original.title, original.number, original.date, original.id, original.body)
    assert release.source.endswith(".pdf")


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_pdf_keeping_the_broken_lines(texts, name, tmp_path):
    """The hardest case: the PDF has the text file's broken lines, blank lines
    between every line (n°5, n°7), wrapped long lines and page breaks."""
    path = tmp_path / name.replace(".txt", ".pdf")
    path.write_bytes(pdf_keeping_lines(CORPUS[name].read_text("utf-8")))
    release, original = read_release(path), texts[name]
    assert (release.title, release.number, release.date, release.id) == \
        (original.title, original.number, original.date, original.id)
    # Only paragraph marks (two trailing spaces) are lost in a PDF: at worst two
    # editorial paragraphs merge, every block of the text is still in the PDF's body.
    for block in original.body.split("\n\n"):
        assert block in release.body


def test_pdf_of_the_broken_lines_rejoins_the_cut_url():
    release = release_from_bytes(
        pdf_keeping_lines(CORPUS["2020-04-21_pdc-solidaire-n5.txt"].read_text("utf-8")),
        "n5.pdf")
    assert ("l-education-nationale-et-la-poste-mobilisees-pour-maintenir-le-lien-avec-les-"
            "303321") in release.body
    assert "Annay" not in release.body and "Loos-en-Gohelle" in release.body


def test_pdf_with_bullet_glyphs():
    text = ("Covid-19 : le Pas-de-Calais solidaire n°8\n\n"
            "L’association Solillers multiplie les initiatives :\n"
            "• une distribution alimentaire pour 70 familles ;\n"
            "• un lien téléphonique avec 700 familles.\n")
    release = release_from_bytes(pdf_keeping_lines(text), "puces.pdf")
    assert release.body.split("\n\n") == [
        "L’association Solillers multiplie les initiatives :",
        "• une distribution alimentaire pour 70 familles ;",
        "• un lien téléphonique avec 700 familles."]


def test_pdf_with_an_empty_user_password_is_readable(texts):
    data = encrypted(pdf_of_paragraphs(texts["2020-04-30_pdc-solidaire-n7.txt"]), user="",
                     owner="owner")
    assert release_from_bytes(data, "n7.pdf").id == "2020-04-30-n7"


# --- bad input --------------------------------------------------------------

def test_encrypted_pdf(texts):
    data = encrypted(pdf_of_paragraphs(texts["2020-04-30_pdc-solidaire-n7.txt"]))
    with pytest.raises(IngestError, match="^PDF protégé par mot de passe$"):
        release_from_bytes(data, "n7.pdf")


def test_pdf_without_text_layer():
    with pytest.raises(IngestError, match="^PDF sans texte : OCR non pris en charge$"):
        release_from_bytes(image_only_pdf(), "scan.pdf")


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.9, 0.99])
def test_truncated_pdf(texts, cut):
    data = pdf_of_paragraphs(texts["2020-04-08_pdc-solidaire-n2.txt"])
    with pytest.raises(IngestError, match="^PDF corrompu"):
        release_from_bytes(data[:int(len(data) * cut)], "n2.pdf")


def test_pdf_with_a_broken_structure():
    with pytest.raises(IngestError, match="^PDF corrompu"):
        release_from_bytes(b"%PDF-1.4\n1 0 obj garbage endobj\ntrailer <<>>\n%%EOF\n", "x.pdf")


def test_pdf_name_without_a_pdf():
    with pytest.raises(IngestError, match="^PDF corrompu : l'en-tête %PDF est absent$"):
        release_from_bytes(b"\x00\x01\x02 not a pdf", "rapport.pdf")


@pytest.mark.parametrize("data", [b"", b"   \n\n \t ", b"\xef\xbb\xbf"])
def test_empty_file(tmp_path, data):
    path = tmp_path / "vide.txt"
    path.write_bytes(data)
    with pytest.raises(IngestError, match="^Fichier vide$"):
        read_release(path)


@pytest.mark.parametrize("data", [
    random.Random(0).randbytes(4096),
    random.Random(1).randbytes(64),
    b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    b"PK\x03\x04" + b"\x00" * 200,
])
def test_binary_garbage(data):
    with pytest.raises(IngestError, match="^Fichier illisible : ce n'est ni un texte ni un PDF$"):
        release_from_bytes(data, "fichier.txt")


def test_oversize_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "enorme.txt"
    with open(path, "wb") as handle:
        handle.truncate(ingest.MAX_BYTES + 1)  # sparse: nothing is written
    with pytest.raises(IngestError, match=r"^Fichier trop volumineux \(10,0 Mo, maximum 10 Mo\)$"):
        read_release(path)


def test_oversize_bytes(monkeypatch):
    monkeypatch.setattr(ingest, "MAX_BYTES", 3 * 1024 * 1024)
    with pytest.raises(IngestError, match=r"^Fichier trop volumineux \(4,5 Mo, maximum 3 Mo\)$"):
        release_from_bytes(b"a" * (9 * 512 * 1024), "gros.txt")


def test_missing_file_or_a_directory(tmp_path):
    with pytest.raises(IngestError, match="^Fichier introuvable ou illisible : absent.txt$"):
        read_release(tmp_path / "absent.txt")
    with pytest.raises(IngestError, match="^Fichier introuvable ou illisible"):
        read_release(tmp_path)


def test_a_stray_control_character_does_not_make_a_text_binary():
    release = release_from_bytes("Covid-19 : n°4\n\nLa ville de Lens a livré 10 masques.\x1a"
                                 .encode("cp1252"), "dos.txt")
    assert release.number == 4 and release.body.endswith("10 masques.")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["Arras, le 8 avril 2020", "n°7", "- ", "", "\n", "\n\n",
                                 "  ", "https://www.exemple.fr/a-", "plate-", "forme.",
                                 "Pour plus d’informations :", "la ville", "Lens", "*****",
                                 "texte", "\x00", "é", ":", "."]),
                max_size=40).map("".join))
def test_any_text_gives_a_release_or_a_clear_error(text):
    try:
        release = release_from_text(text)
    except IngestError as exc:
        assert str(exc) == "Texte vide"
        return
    assert release.title and release.body
    assert all(b and "\n" not in b for b in release.body.split("\n\n"))


def test_a_post_with_blank_lines_between_paragraphs_keeps_its_paragraphs():
    # each paragraph starts a sentence: the blank lines are paragraph breaks, not the
    # line breaks of a double-spaced PDF
    lines = ["Les Cousettes de l'Aa", "12 mai 2020 · Public", "🧵 POINT D'ÉTAPE 🧵",
             "Trois semaines déjà, et 640 masques partis chez les soignants 💪",
             "Un grand merci à la mercerie du centre pour ses élastiques 🙏",
             "On cherche encore des bénévoles pour le repassage 👇",
             "Écrivez-nous en message privé", "#Entraide #Masques"]
    blocks = ingest.clean_blocks("\n\n".join(lines))
    assert blocks == lines


def test_a_posts_author_line_is_its_title_not_its_timestamp():
    release = release_from_text("Les Aiguilles d'Opale\n3 mai à 09:15 · Public\n\n"
                                "On a cousu 300 masques cette semaine !")
    assert release.title == "Les Aiguilles d'Opale"
