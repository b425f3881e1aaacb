"""Two writers in separate processes correcting the same field of one initiative at
once, round after round (tests/initiatives/test_store_race.py).

Each round, both read the initiative (a barrier makes them read the same version),
then both save their own value for the field (a second barrier makes them save at
the same time). A writer reports each save as saved or refused, with what it read.
"""
from __future__ import annotations

from initiatives.store import open_store
from initiatives.store_base import VersionConflict


def writer(name: str, path: str, iid: int, rounds: int, barrier, versioned: bool) -> list[dict]:
    """`versioned`: pass the version read to the save (False: the old way, a blind save)."""
    store = open_store(path, seed=None)
    out = []
    for n in range(rounds):
        barrier.wait()
        ini, version = store.get_versioned(iid)
        barrier.wait()
        mine = f"{name} {n}"
        report = {"round": n, "writer": name, "read": ini.actor, "version": version,
                  "value": mine}
        try:
            report["saved"] = store.update(iid, person=name, actor=mine,
                                           expected_version=version if versioned else None)
        except VersionConflict as exc:
            report.update(refused=str(exc), current=exc.current,
                          theirs=[(c.person, c.field, c.new) for c in exc.changes])
        out.append(report)
    return out


def run(results, name: str, path: str, iid: int, rounds: int, barrier,
        versioned: bool) -> None:
    """A writer process: its reports go to the `results` queue."""
    results.put(writer(name, path, iid, rounds, barrier, versioned))
