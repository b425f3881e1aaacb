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
