"""`python -m report ...`: files written whole, French errors, no file on bad arguments."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers.export_samples import sample_store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "s.sqlite"
    sample_store(path)
    return path


def run(db, *args):
    env = {**os.environ, "INITIATIVES_DB": str(db)}
    return subprocess.run([sys.executable, "-m", "report", *map(str, args)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=300)


def test_export_csv_with_filters(db, tmp_path):
    out = tmp_path / "x.csv"
    r = run(db, "export", "--format", "csv", "--out", out, "--category", "aide alimentaire",
            "--hxl", "--anonymise")
    assert r.returncode == 0, r.stderr
    text = out.read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    assert lines[0].startswith("id;acteur") and lines[1].startswith("#activity+id;#org+name")
    assert "Commune d'Offin" in text and "Ville de Marck" not in text


def test_export_into_a_folder_gets_the_standard_name(db, tmp_path):
    r = run(db, "export", "--format", "xlsx", "--out", tmp_path)
    assert r.returncode == 0, r.stderr
    assert [p.name for p in tmp_path.iterdir()] == [
        "pas-de-calais-solidaire_donnees_20200507.xlsx"]
    assert r.stdout.strip().endswith("pas-de-calais-solidaire_donnees_20200507.xlsx")


def test_briefing_pdf(db, tmp_path):
    out = tmp_path / "note.pdf"
    r = run(db, "briefing", "--out", out)
    assert r.returncode == 0, r.stderr
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert 1 <= len(reader.pages) <= 2 and "Source" in reader.pages[0].extract_text()


def test_briefing_since_a_date(db, tmp_path):
    out = tmp_path / "note.pdf"
    r = run(db, "briefing", "--out", out, "--since", "2020-04-08")
    assert r.returncode == 0, r.stderr
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "Depuis le 8 avril 2020" in " ".join(text.split())
    bad = run(db, "briefing", "--out", tmp_path / "n.pdf", "--since", "8 avril")
    assert bad.returncode != 0 and "« ce qui a changé »" in bad.stderr


def test_map_html(db, tmp_path):
    out = tmp_path / "carte.html"
    r = run(db, "map", "--out", out, "--level", "arrondissement", "--per-10k")
    assert r.returncode == 0, r.stderr
    assert "pour 10 000 habitants par arrondissement" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("args, message", [
    (["export", "--format", "doc", "--out", "{d}/x.doc"], "Format inconnu : doc"),
    (["export", "--format", "csv", "--out", "{d}/x.xlsx"], "ne correspond pas au format csv"),
    (["export", "--out", "{d}/x.csv", "--category", "jardinage"], "Catégorie inconnu"),
    (["export", "--out", "{d}/x.csv", "--arrondissement", "999"], "Arrondissement inconnu"),
    (["export", "--out", "{d}/x.csv", "--release", "n99"], "Communiqué inconnu"),
    (["export", "--out", "{d}/x.csv", "--from", "30/04/2020"], "Date de début invalide"),
    (["export", "--format", "geojson", "--out", "{d}/x.geojson", "--hxl"], "--hxl"),
    (["briefing", "--out", "{d}/x.docx"], "Extension non prise en charge"),
    (["map", "--out", "{d}/x.png", "--level", "canton"], "Niveau inconnu"),
    (["export", "--out", "{d}/absent/x.csv"], "Dossier introuvable"),
    (["export", "--bogus"], "arguments invalides"),
    ([], "commande manquante"),
])
def test_bad_arguments_fail_in_french_and_write_nothing(db, tmp_path, args, message):
    r = run(db, *[a.format(d=tmp_path) for a in args])
    assert r.returncode != 0
    assert r.stderr.startswith("Erreur : ") and message in r.stderr
    assert list(tmp_path.iterdir()) == []  # no file, no temp file left behind


def test_missing_database_is_an_error(tmp_path):
    r = run(tmp_path / "nope.sqlite", "export", "--out", tmp_path / "x.csv", "--db",
            tmp_path / "nope.sqlite")
    assert r.returncode != 0 and "Base introuvable" in r.stderr
    assert not (tmp_path / "nope.sqlite").exists()
