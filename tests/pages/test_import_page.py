"""The Import page under AppTest (issue 5): pasted text is read, previewed with its
excerpts, corrected and saved; bad input gets a French message and saves nothing.
(The upload widget itself is driven in the browser: tests/e2e/test_import.py.)"""
from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from initiatives import extract, importing, metrics
from initiatives.model import Reading
from initiatives.store import open_store
from ui import import_flow

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "app_pages" / "5_Import.py")
RELEASE = """Covid-19 : le Pas-de-Calais solidaire n°9

Arras, le 14 mai 2020

- Solidaires dans l'aide alimentaire :

- A Boulogne-sur-Mer, l'association Les Amis du Port a distribué 300 repas aux
personnes isolées.
"""


# a town's news page, written for these tests: a figure done, a target, a date and a
# phone number; every one of the four must be listed with what was made of it
TOWN_NEWS = """Vie locale

Le 12 mai 2020, l'atelier Fil et Partage de Saint-Laurent-Blangy a distribué 300 masques \
aux habitants du quartier. Son objectif : coudre 2 000 masques d'ici la fin du mois. \
Renseignements au 03 21 55 12 34.
"""


def button(at, label: str):
    return next(b for b in at.button if b.label == label)


def read(text: str) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=180).run()
    assert not at.exception
    at.text_area(key="import_texte").set_value(text)
    button(at, "Lire les communiqués").click().run()
    assert not at.exception
    return at


def meals(db) -> float:
    return sum(r["value"] for r in metrics.totals(open_store(db))["items"]
               if r["item"] == "repas" and r["kind"] == "done")


def test_pasted_release_is_previewed_then_saved(db):
    before = meals(db)
    at = read(RELEASE)
    parsed = at.session_state["import_lus"]
    assert len(parsed) == 1 and not parsed[0].error
    assert parsed[0].initiatives[0].actor == "Les Amis du Port"
    assert "n°9" in " ".join(m.value for m in at.markdown)
    button(at, "Enregistrer dans la base").click().run()
    assert not at.exception
    assert any("1 initiative(s) ajoutée(s)" in s.value for s in at.success)
    assert meals(db) == before + 300
    store = open_store(db)
    added = next(i for i in store.initiatives() if i.actor == "Les Amis du Port")
    assert added.places[0].code == "62160" and added.release_id == "2020-05-14-n9"
    # importing the same release again adds nothing
    at = read(RELEASE)
    button(at, "Enregistrer dans la base").click().run()
    assert any("0 initiative(s) ajoutée(s)" in s.value for s in at.success)
    assert meals(db) == before + 300


@pytest.mark.parametrize("text, message", [
    ("zzzz qsdkjqsd 1234 ####", "Aucune initiative trouvée"),
    ("   \n\n  ", None),  # nothing to read: a warning, nothing parsed
])
def test_bad_pasted_text_saves_nothing(db, text, message):
    releases = len(open_store(db).releases())
    at = read(text)
    if message:
        assert any(message in e.value and "Rien ne sera enregistré" in e.value
                   for e in at.error)
    else:
        assert any("Déposez un fichier" in w.value for w in at.warning)
    assert not [b for b in at.button if b.label == "Enregistrer dans la base"]
    assert len(open_store(db).releases()) == releases


def test_preview_edits_are_applied_and_dropped_rows_skipped(db):
    parsed = importing.parse("n9.txt", RELEASE.encode("utf-8"))
    edited = import_flow.preview(parsed)
    edited.loc[0, "Acteur"] = "Amis du port de Boulogne"
    kept = importing.corrected(parsed, edited)
    assert [i.actor for i in kept] == ["Amis du port de Boulogne"]
    edited.loc[0, "Garder"] = False
    result = importing.save(open_store(db), [(parsed, edited)])
    assert result.loc[0, "Erreur"].startswith("aucune initiative gardée")
    assert isinstance(result, pd.DataFrame)


def _pdf(encrypt: bool = False, text: bool = True) -> bytes:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    page = canvas.Canvas(buf, encrypt=pdfencrypt.StandardEncryption("secret")
                         if encrypt else None)
    if text:
        page.drawString(60, 800, "A Arras, l'association X a distribué 300 repas.")
    else:  # a scan: a picture, no text layer
        page.rect(50, 50, 400, 400, fill=1)
    page.save()
    return buf.getvalue()


@pytest.mark.parametrize("name, data, message", [
    ("vide.txt", b"", "Fichier vide"),
    ("faux.pdf", b"pas un pdf du tout", "PDF corrompu"),
    ("tronque.pdf", b"%PDF-1.4\n1 0 obj", "PDF corrompu"),
    ("binaire.txt", bytes(range(256)) * 4, "illisible"),
    ("chiffre.pdf", _pdf(encrypt=True), "protégé par mot de passe"),
    ("scan.pdf", _pdf(text=False), "PDF sans texte"),
])
def test_bad_files_get_a_french_message(name, data, message):
    parsed = importing.parse(name, data)
    assert parsed.error and message in parsed.error and not parsed.initiatives


def editor(at, prefix: str):
    """The data editor whose key starts with `prefix` (`import_nombres`, `import_apercu`)."""
    return next(e for e in at.data_editor if (e.key or "").startswith(prefix))


def spaced(text: str) -> str:
    return re.sub(r"\s+", " ", str(text).replace("\u202f", " ").replace("\u00a0", " "))


def test_every_number_of_the_text_is_listed_with_its_treatment(db):
    at = read(TOWN_NEWS)
    [parsed] = at.session_state["import_lus"]
    assert not parsed.error and parsed.reading is not None
    assert any(m.value == "**Chaque nombre du texte**" for m in at.markdown)
    assert any(re.match(r"\d+ nombres? lus? : ", c.value) for c in at.caption)
    table = editor(at, "import_nombres").value
    assert list(table.columns) == ["Nombre", "Ce qui en est fait", "Nature", "Pourquoi",
                                   "Initiative", "Phrase"]
    written = [spaced(n) for n in table["Nombre"]]
    listed = " | ".join(written)
    for number in ("300", "2 000", "12 mai", "03 21 55 12 34"):
        assert number in listed, (number, written)
    assert all(str(t).strip() for t in table["Ce qui en est fait"])  # a treatment each
    done = table[[n == "300" for n in written]].iloc[0]
    assert done["Ce qui en est fait"] == "réalisé" and done["Nature"] == "réalisé"
    assert done["Pourquoi"] and "300 masques" in done["Phrase"]
    # the places are editable text, the figures read only
    preview = editor(at, "import_apercu").value
    assert "Saint-Laurent-Blangy" in preview.loc[0, "Lieux"]


def test_a_number_set_to_ecarter_is_not_saved(db):
    before = open_store(db).initiatives()
    at = read(TOWN_NEWS)
    key = editor(at, "import_nombres").key
    written = [spaced(n) for n in editor(at, "import_nombres").value["Nombre"]]
    at.session_state[key] = {"edited_rows": {written.index("300"): {"Nature": "écarter"}},
                             "added_rows": [], "deleted_rows": []}
    button(at, "Enregistrer dans la base").click().run()
    assert not at.exception
    assert any("1 initiative(s) ajoutée(s)" in s.value for s in at.success)
    store = open_store(db)
    [added] = [i for i in store.initiatives() if i.id not in {b.id for b in before}]
    assert not any(q.value == 300 for q in added.quantities)
    assert added.places[0].code == "62753"


def test_an_edited_place_is_saved_and_an_unknown_one_saves_nothing(db):
    known = {r.id for r in open_store(db).releases()}
    releases = len(known)
    at = read(TOWN_NEWS)
    key = editor(at, "import_apercu").key
    at.session_state[key] = {"edited_rows": {0: {"Lieux": "Atlantide-sur-Mer"}},
                             "added_rows": [], "deleted_rows": []}
    button(at, "Enregistrer dans la base").click().run()
    assert not at.exception
    assert any("rien n'a été enregistré" in e.value and "Atlantide" in e.value
               for e in at.error)
    assert len(open_store(db).releases()) == releases
    at = read(TOWN_NEWS)
    key = editor(at, "import_apercu").key
    at.session_state[key] = {"edited_rows": {0: {"Lieux": "Arras ; Saint-Laurent-Blangy"}},
                             "added_rows": [], "deleted_rows": []}
    button(at, "Enregistrer dans la base").click().run()
    assert not at.exception
    assert any("1 initiative(s) ajoutée(s)" in s.value for s in at.success)
    store = open_store(db)
    assert len(store.releases()) == releases + 1
    [new] = {r.id for r in store.releases()} - known
    [added] = [i for i in store.initiatives() if i.release_id == new]
    assert [p.code for p in added.places] == ["62041", "62753"]


def test_a_paragraph_with_figures_but_no_initiative_is_flagged(monkeypatch, db):
    def reader(release, dep=None, budget=None):
        return Reading(release, [], [], ["Les 3 marchés <b>restent</b> ouverts."])
    monkeypatch.setattr(extract, "read", reader)
    at = read("Les 3 marchés restent ouverts.")
    assert any(w.value.startswith("Paragraphe avec des chiffres mais sans initiative "
                                  "reconnue, à vérifier : ") and "<b>" not in w.value
               for w in at.warning)
    assert any("Aucune initiative trouvée" in e.value for e in at.error)
