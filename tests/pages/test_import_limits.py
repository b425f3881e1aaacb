"""The Import page states its limits before any reading, and refuses past them in French
without reading (issue 14): a pasted text over 2 000 000 characters, a file over 10 Mo."""
from __future__ import annotations

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from initiatives import importing, ingest
from initiatives.store import open_store

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "app_pages" / "5_Import.py")
LIMITS = ("Jusqu'à 10 Mo par fichier, 200 pages par PDF, 2\u202f000\u202f000 caractères par "
          "texte et 8 secondes de lecture par fichier.")


def test_the_limits_are_said_before_reading(db):
    at = AppTest.from_file(PAGE, default_timeout=180).run()
    assert not at.exception
    assert any(c.value.startswith(LIMITS) for c in at.caption)
    assert at.text_area(key="import_texte").help == LIMITS


def test_a_pasted_text_over_the_limit_is_refused_and_nothing_saved(db, monkeypatch):
    before = len(open_store(db).initiatives())
    at = AppTest.from_file(PAGE, default_timeout=180).run()
    at.text_area(key="import_texte").set_value(
        "La ville de Lens a distribué 300 masques. " * 50_000)  # 2 100 000 characters
    next(b for b in at.button if b.label == "Lire les communiqués").click().run()
    assert not at.exception
    errors = [re.sub(r"\\(.)", r"\1", e.value) for e in at.error]  # markdown escapes
    assert errors == ["texte collé : Texte trop long (2\u202f100\u202f000 caractères, maximum "
                      "2\u202f000\u202f000). Rien ne sera enregistré pour ce fichier."]
    assert not [b for b in at.button if b.label == "Enregistrer dans la base"]
    assert len(open_store(db).initiatives()) == before


def test_an_upload_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "enorme.pdf"
    with open(path, "wb") as handle:
        handle.truncate(ingest.MAX_BYTES + 1)
    refused = importing.refused_upload(path.name, path.stat().st_size)
    assert refused.error == "Fichier trop volumineux (10,0 Mo, maximum 10 Mo)."
    assert refused.release is None and refused.found_nothing is False
    assert importing.refused_upload("petit.pdf", 1_000) is None
