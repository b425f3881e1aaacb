"""The Import page under AppTest (issue 5): pasted text is read, previewed with its
excerpts, corrected and saved; bad input gets a French message and saves nothing.
(The upload widget itself is driven in the browser: tests/e2e/test_import.py.)"""
from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from initiatives import metrics
from initiatives.store import open_store
from ui import import_flow

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "pages" / "5_Import.py")
RELEASE = """Covid-19 : le Pas-de-Calais solidaire n°9

Arras, le 14 mai 2020

- Solidaires dans l'aide alimentaire :

- A Boulogne-sur-Mer, l'association Les Amis du Port a distribué 300 repas aux
personnes isolées.
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
    parsed = import_flow.parse("n9.txt", RELEASE.encode("utf-8"))
    edited = import_flow.preview(parsed)
    edited.loc[0, "Acteur"] = "Amis du port de Boulogne"
    kept = import_flow.corrected(parsed, edited)
    assert [i.actor for i in kept] == ["Amis du port de Boulogne"]
    edited.loc[0, "Garder"] = False
    result = import_flow.save(open_store(db), [(parsed, edited)])
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
    parsed = import_flow.parse(name, data)
    assert parsed.error and message in parsed.error and not parsed.initiatives
