"""`python -m bench.synth N --out PATH` builds a store the app can read."""
from __future__ import annotations

from bench import synth
from initiatives import metrics
from initiatives.filters import Filters
from initiatives.sqlite_store import SQLiteStore


def test_synth_command_builds_a_readable_store(tmp_path, capsys):
    out = tmp_path / "synth.sqlite"
    assert synth.main(["60", "--out", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    store = SQLiteStore(out)
    assert len(store.releases()) >= 4
    figures = metrics.key_figures(store, Filters(statuses=()), "62")
    assert 40 <= figures.initiatives <= 60
    assert figures.communes_named > 0


def test_synth_is_reproducible(tmp_path):
    first, second = synth.plan(40, seed=3), synth.plan(40, seed=3)
    assert [(r.id, [i.key for i in inis]) for r, inis in first] == \
           [(r.id, [i.key for i in inis]) for r, inis in second]


def test_bulk_build_writes_what_ingest_writes(tmp_path):
    """The bulk path (for 10^6 initiatives) gives the same tables as `ingest`, history
    aside."""
    import sqlite3
    a = tmp_path / "ingest.sqlite"
    b = tmp_path / "bulk.sqlite"
    synth.build(300, a, dep="62")
    synth.build_bulk(300, b, dep="62")
    tables = {"initiatives": "id, key, actor, actor_type, category, status, first_release_id",
              "places": "*", "mentions": "*", "releases": "id, title, number, date, body",
              "observations": "initiative_id, release_id, as_of, item, value, unit, kind,"
                              " approx, sentence, reason"}
    for name, columns in tables.items():
        rows = [sorted(sqlite3.connect(path).execute(f"SELECT {columns} FROM {name}"))
                for path in (a, b)]
        assert rows[0] == rows[1], name
    assert metrics.totals(SQLiteStore(a))["items"] == metrics.totals(SQLiteStore(b))["items"]
