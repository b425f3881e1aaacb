"""The figures read from columns (`initiatives.frames`) are the same on both back ends:
the seed loaded into SQLite and into PostgreSQL gives the same totals, key figures and
counts, and a correction shows in the next read."""
from __future__ import annotations

from initiatives import metrics
from initiatives.filters import Filters
from initiatives.store import open_store


def test_the_same_figures_on_both_back_ends(backend, location, tmp_path):
    here = open_store(location)
    reference = open_store(tmp_path / "reference.sqlite")
    for figure in (metrics.totals, metrics.key_figures):
        assert figure(here, Filters()) == figure(reference, Filters())
    done = {(i["item"], i["kind"]): i["value"] for i in metrics.totals(here, Filters())["items"]}
    assert done[("masques", "done")] == 5300


def test_a_correction_shows_in_the_next_read(backend, location):
    store = open_store(location)
    before = {i["item"]: i["initiatives"] for i in metrics.totals(store, Filters())["items"]
              if i["kind"] == "done"}
    marck = next(i for i in store.initiatives() if i.actor == "Ville de Marck")
    store.set_status(marck.id, "rejeté", person="test")
    after = {i["item"]: i["initiatives"] for i in metrics.totals(store, Filters())["items"]
             if i["kind"] == "done"}
    assert after["masques"] == before["masques"] - 1
