"""The fuzz harness (`python -m bench.fuzz`): a small run counts every case and finds
no traceback, and the harness really sees a failure when one is injected (a fuzz that
cannot fail is no test). One warm worker (language model, exports) for the module."""
from __future__ import annotations

import pytest

from bench.fuzz import harness
from bench.fuzz.cases import Case, case
from bench.fuzz.run import run
from initiatives import extract
from initiatives.sqlite_store import SQLiteStore
from report import export_data

GOOD = ("Covid-19 : le Pas-de-Calais solidaire\n\nArras, le 21 avril 2020\n\n"
        "La ville de Lens a distribué 3 400 masques aux habitants.\n")


@pytest.fixture(scope="module")
def worker(tmp_path_factory):
    w = harness.Worker(7, tmp_path_factory.mktemp("échecs"))
    yield w
    w.close()


@pytest.fixture
def fresh(worker):
    worker.reset()
    return worker


def test_cases_are_rebuilt_from_the_seed_and_index_alone():
    assert case(7, 41).payload() == case(7, 41).payload()
    assert case(7, 41).family == case(7, 41).family
    assert {case(7, i).payload() for i in range(30)} != {case(8, i).payload() for i in range(30)}


def test_a_small_run_counts_every_case_and_finds_no_failure(worker, monkeypatch):
    monkeypatch.setattr(harness, "EXPORT_EVERY", 30)    # cases 29 and 59 build exports
    lines = []
    summary = run(60, seed=7, workers=0, out=lines.append, worker=worker)
    report = "\n".join(lines)
    assert summary.cases == 60
    assert sum(sum(c.values()) for c in summary.families.values()) == 60
    assert summary.tracebacks == 0, report
    assert summary.store_changes == 0, report
    assert sum(summary.exports.values()) >= 6, report
    assert "cas : 60" in lines and "tracebacks : 0" in lines
    assert "modifications de la base après un échec : 0" in lines
    assert any(line.startswith("cas le plus lent : ") for line in lines)


def test_a_refusal_in_french_is_no_failure(fresh):
    r = fresh.run(Case(1, "test", "upload", name="a.pdf", data=b"pas un PDF"))
    assert (r.outcome, r.failures) == ("refusé", [])
    assert r.message == "PDF corrompu : l'en-tête %PDF est absent."


def test_an_export_that_raises_is_counted_with_its_traceback(fresh, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("export cassé")
    monkeypatch.setattr(export_data, "export", broken)
    monkeypatch.setattr(harness, "EXPORTS", {"csv-initiatives": harness.EXPORTS["csv-initiatives"]})
    r = fresh.run(Case(5, "test", "query", query={"q": "<script>"}))
    assert r.outcome == "échec" and r.tracebacks == 1
    assert r.failures[0][0] == "export csv-initiatives"
    assert "RuntimeError: export cassé" in r.failures[0][1]
    assert (fresh.keep / "cas-00005-test.txt").exists()


def test_an_error_the_import_catches_is_still_a_failure(fresh, monkeypatch):
    def broken(release, dep=None, budget=None):
        raise ZeroDivisionError("lecture cassée")
    monkeypatch.setattr(extract, "read", broken)
    r = fresh.run(Case(2, "test", "paste", name="texte collé", text=GOOD))
    assert r.outcome == "échec" and r.tracebacks == 1
    assert "ZeroDivisionError: lecture cassée" in r.failures[0][1]


def test_a_store_changed_by_a_failed_save_is_counted(fresh, monkeypatch):
    real = SQLiteStore.ingest

    def half_done(self, release, initiatives, person=None):
        real(self, release, initiatives, person)
        raise RuntimeError("panne après écriture")
    monkeypatch.setattr(SQLiteStore, "ingest", half_done)
    r = fresh.run(Case(3, "test", "paste", name="texte collé", text=GOOD))
    assert r.store_changes == 1 and r.tracebacks == 1
    assert {what for what, _ in r.failures} == {"exception", "base modifiée"}


def test_hostile_markup_left_raw_in_html_is_a_failure():
    assert harness._check_html(b"<p>&lt;script&gt;alert('fz')</p>") is None
    assert harness._check_html("<p><script>alert('fz')</script></p>")
    assert harness._check_csv(b"a;'=HYPERLINK(1)\r\n", ";") is None
    assert harness._check_csv(b"a;=HYPERLINK(1)\r\n", ";")
