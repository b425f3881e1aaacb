"""No lost update (issue 14, item 3): two writers in separate processes race 100 times
on the same field of one initiative. Every save either lands, based on what its
writer read, or is refused and told the other writer's change: 0 silent losses.

A silent loss is a save reported as saved whose value before (in the history) is not
the value its writer read: it overwrote a change the writer never saw. The same race
without versions (blind saves, as before) shows that this count is not trivially 0.
On each back end: processes sharing one SQLite file, or one PostgreSQL database.
"""
from __future__ import annotations

import multiprocessing

import pytest

from initiatives.store import open_store
from tests.helpers.race import run
from tests.helpers.store_samples import N7, n7

ROUNDS = 100


def race(path, iid: int, rounds: int, versioned: bool) -> list[dict]:
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(2, timeout=120), ctx.Queue()
    procs = [ctx.Process(target=run, args=(results, name, str(path), iid, rounds, barrier,
                                            versioned))
             for name in ("alice@pas-de-calais.gouv.fr", "bruno@pas-de-calais.gouv.fr")]
    for p in procs:
        p.start()
    reports = [r for _ in procs for r in results.get(timeout=600)]
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    return reports


def silent_losses(store, iid: int, reports: list[dict]) -> list[dict]:
    """Saves reported as saved that did not start from what their writer read."""
    history = {(c.person, c.new): c for c in store.history(iid) if c.field == "actor"}
    return [r for r in reports if "saved" in r
            and history[(r["writer"], r["value"])].old != r["read"]]


@pytest.fixture
def marck(location):
    path = location     # an SQLite file, or a PostgreSQL database
    store = open_store(path, seed=None)
    store.ingest(N7, n7())
    iid = next(i.id for i in store.initiatives() if "Marck" in i.actor)
    return path, store, iid


def test_two_processes_racing_100_times_lose_nothing(marck):
    path, store, iid = marck
    reports = race(path, iid, ROUNDS, versioned=True)
    assert len(reports) == 2 * ROUNDS
    saved = [r for r in reports if "saved" in r]
    refused = [r for r in reports if "refused" in r]
    assert len(saved) + len(refused) == 2 * ROUNDS  # each save is reported, one way or other
    assert silent_losses(store, iid, reports) == []
    # both read the same version each round: exactly one save lands, the other is refused
    for n in range(ROUNDS):
        assert sorted("saved" in r for r in reports if r["round"] == n) == [False, True]
    # a refusal names the change that beat it: who, which field, their value
    by_round = {r["round"]: r for r in saved}
    for r in refused:
        winner = by_round[r["round"]]
        assert r["theirs"] == [(winner["writer"], "actor", winner["value"])]
        assert r["current"] == winner["saved"] == r["version"] + 1
        assert "Acteur" in r["refused"] and winner["value"] in r["refused"]
        assert winner["writer"] in r["refused"] and r["value"] in r["refused"]
    # every landed save is in the history, in order, each starting from the one before
    changes = [c for c in store.history(iid) if c.field == "actor"]
    assert [(c.person, c.new) for c in changes] == [
        (r["writer"], r["value"]) for r in sorted(saved, key=lambda r: r["saved"])]
    assert all(b.old == a.new for a, b in zip(changes, changes[1:]))
    final, version = store.get_versioned(iid)
    assert final.actor == changes[-1].new and version == 1 + ROUNDS


def test_the_same_race_with_blind_saves_loses_updates(marck):
    """The check above can fail: without versions, every round loses one save."""
    path, store, iid = marck
    reports = race(path, iid, 10, versioned=False)
    assert all("saved" in r for r in reports)
    assert len(silent_losses(store, iid, reports)) == 10
