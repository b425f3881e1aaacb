"""`python -m initiatives` as users run it, on the bundled press releases."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import config
from initiatives.figure_sources import json_default
from initiatives.metrics import totals
from initiatives.seed import dump_store
from initiatives.store import open_store
from tests.helpers.store_samples import fill, snapshot

RELEASES = sorted(config.PRESS_RELEASES_DIR.glob("*.txt"))
N7 = config.PRESS_RELEASES_DIR / "2020-04-30_pdc-solidaire-n7.txt"
NEWSLETTER = config.PRESS_RELEASES_DIR / "solidaires-dans-la-crise-newsletter.txt"
LINE_KEYS = {"release", "actor", "actor_type", "category", "places", "quantities",
             "contacts", "excerpt"}
FRENCH = ("vide", "illisible", "PDF", "aucune initiative", "introuvable")


def run(*args, db=None, env=None):
    environ = {**os.environ, "INITIATIVES_DB": str(db or "/nonexistent/unused.sqlite"),
               **(env or {})}
    return subprocess.run([sys.executable, "-m", "initiatives", *map(str, args)],
                          cwd=config.ROOT, env=environ, capture_output=True, text=True,
                          timeout=300)


def lines(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]




@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """A store with the five bundled releases, ingested once by the command."""
    db = tmp_path_factory.mktemp("cli") / "initiatives.sqlite"
    result = run("ingest", "--no-seed", *RELEASES, db=db)
    return db, result


@pytest.fixture
def bad_files(tmp_path):
    files = {
        "vide.txt": b"",
        "blancs.txt": b"   \n\n  ",
        "binaire.txt": bytes(range(256)) * 40,
        "corrompu.pdf": b"%PDF-1.4\n1 0 obj garbage",
        "pas-un-pdf.pdf": b"ceci n'est pas un PDF",
        "sans-initiative.txt": ("Arras, le 2 mai 2020\n\nCommuniqué de presse\n\n"
                                "Le préfet remercie les habitants pour leur patience.\n")
                               .encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return {name: tmp_path / name for name in files}


def test_extract_prints_one_json_line_per_initiative():
    result = run("extract", N7)
    assert result.returncode == 0, result.stderr
    found = lines(result)
    assert found and all(set(f) == LINE_KEYS for f in found)
    assert {f["release"] for f in found} == {"2020-04-30-n7"}
    [marck] = [f for f in found if "Marck" in f["actor"]]
    figures = {(q["item"], q["kind"], q["value"]) for q in marck["quantities"]}
    assert {("masques", "done", 1600), ("masques", "target", 11000)} <= figures
    assert any(p["code"] == "62548" and p["inside"] for p in marck["places"])
    for f in found:
        assert all(set(p) == {"query", "code", "level", "inside"} for p in f["places"])
        assert all(set(q) == {"item", "value", "unit", "kind", "approx", "reason"}
                   for q in f["quantities"])


def test_extract_keeps_the_newsletter_outside():
    result = run("extract", NEWSLETTER)
    assert result.returncode == 0, result.stderr
    found = lines(result)
    assert found and any(f["places"] and not any(p["inside"] for p in f["places"])
                         for f in found)


def test_ingest_then_reingest_changes_nothing(ingested):
    db, result = ingested
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["added"] > 0 and out["errors"] == []
    assert len(out["files"]) == len(RELEASES)
    before = snapshot(db)
    again = run("ingest", *RELEASES, db=db)
    assert again.returncode == 0, again.stderr
    out2 = json.loads(again.stdout)
    assert (out2["added"], out2["updated"]) == (0, 0)
    # counts are per file: an initiative cited by two releases counts in each
    assert out2["unchanged"] == out["added"] + out["updated"] + out["unchanged"]
    assert snapshot(db) == before


def test_totals_are_those_of_the_store_inside_only(ingested):
    db, _ = ingested
    result = run("totals", db=db)
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert printed == json.loads(json.dumps(totals(open_store(db, seed=None)),
                                            ensure_ascii=False, default=json_default))
    assert printed["departement"] == "62" and printed["as_of"]
    for row in printed["items"]:
        assert {"item", "kind", "value", "unit", "initiatives", "sources"} <= set(row)
    masks = next(r for r in printed["items"] if (r["item"], r["kind"]) == ("masques", "done"))
    assert any("Marck" in s["actor"] and s["value"] == 1600 for s in masks["sources"])
    assert masks["value"] == sum(s["value"] for s in masks["sources"])
    newsletter_id = json.loads(run("extract", NEWSLETTER).stdout.splitlines()[0])["release"]
    assert all(s["release_id"] != newsletter_id
               for r in printed["items"] for s in r["sources"])


@pytest.mark.parametrize("name", ["vide.txt", "blancs.txt", "binaire.txt", "corrompu.pdf",
                                  "pas-un-pdf.pdf", "sans-initiative.txt"])
def test_bad_input_is_refused_in_french_and_changes_nothing(tmp_path, bad_files, name):
    bad = bad_files[name]
    extracted = run("extract", bad)
    assert extracted.returncode != 0 and extracted.stdout == ""
    assert any(word in extracted.stderr for word in FRENCH), extracted.stderr
    assert "Traceback" not in extracted.stderr
    # into a store that holds data: nothing changes
    db = tmp_path / "store.sqlite"
    store = open_store(db, seed=None)
    fill(store)
    before = snapshot(db)
    result = run("ingest", bad, db=db)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert json.loads(result.stdout)["errors"][0]["file"] == str(bad)
    assert snapshot(db) == before
    # and no store is created for nothing
    fresh = tmp_path / "jamais.sqlite"
    assert run("ingest", bad, db=fresh).returncode != 0
    assert not fresh.exists()


def test_each_file_is_ingested_atomically(tmp_path, bad_files):
    db = tmp_path / "store.sqlite"
    result = run("ingest", "--no-seed", N7, bad_files["vide.txt"], db=db)
    assert result.returncode == 1
    out = json.loads(result.stdout)
    assert out["added"] > 0 and [f["release"] for f in out["files"]] == ["2020-04-30-n7"]
    assert [e["file"] for e in out["errors"]] == [str(bad_files["vide.txt"])]
    assert "Fichier vide" in result.stderr


def test_missing_file(tmp_path):
    result = run("extract", tmp_path / "absent.txt")
    assert result.returncode == 1 and "introuvable" in result.stderr


def test_db_option_before_or_after_the_command_and_env(tmp_path):
    store = open_store(tmp_path / "a.sqlite", seed=None)
    fill(store)
    expected = json.loads(json.dumps(totals(store), ensure_ascii=False, default=json_default))
    for args, db in ((["--db", tmp_path / "a.sqlite", "totals"], None),
                     (["totals", "--db", tmp_path / "a.sqlite"], None),
                     (["totals"], tmp_path / "a.sqlite")):
        result = run(*args, db=db)
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == expected


def test_new_store_is_created_from_the_seed(tmp_path):
    store = open_store(tmp_path / "a.sqlite", seed=None)
    fill(store)
    seed = tmp_path / "seed.json"
    dump_store(store, seed)
    result = run("totals", "--seed", seed, db=tmp_path / "new.sqlite")
    assert result.returncode == 0, result.stderr
    masks = {(r["item"], r["kind"]): r["value"] for r in json.loads(result.stdout)["items"]}
    assert masks[("masques", "done")] == 5200  # Marck counted at 3 000, not 4 600


def test_usage_errors():
    assert run().returncode == 2
    assert run("ingest").returncode == 2
