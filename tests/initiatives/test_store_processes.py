"""Separate processes on one store (issue 13, item 4: a shared server): what one writes,
the other reads, its data version moves (the UI cache), a save based on what the other
has since changed is refused; two first starts at once load the seed exactly once.
On each back end: one SQLite file, or one PostgreSQL database."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import config
from initiatives import history
from initiatives.seed import read_seed
from initiatives.store import VersionConflict, open_store
from tests.helpers.store_samples import N7, n7

ROOT = Path(__file__).resolve().parents[2]
ALICE, BRUNO = "alice@pas-de-calais.gouv.fr", "bruno@pas-de-calais.gouv.fr"

PEER = textwrap.dedent("""
    import json, sys
    sys.path.insert(0, sys.argv[1])
    from initiatives.store import StoreError, open_store
    from tests.helpers.store_samples import N7, n7
    store = open_store(sys.argv[2], seed=None)
    def marck():
        return next(i for i in store.initiatives() if "Marck" in i.actor)
    out = {}
    try:
        exec(sys.argv[3])
    except StoreError as exc:
        out["error"] = [type(exc).__name__, str(exc)]
    print(json.dumps(out, default=str))
""")


def peer(location, code: str) -> dict:
    """Run `code` in another process on the same store; what it put in `out`."""
    done = subprocess.run([sys.executable, "-c", PEER, str(ROOT), str(location), code],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_what_one_process_writes_the_other_reads(location):
    store = open_store(location, seed=None)
    before = store.data_version()
    assert peer(location, "store.ingest(N7, n7(), person='import')") == {}
    assert len(store.initiatives()) == 3 and store.data_version() != before
    iid = next(i.id for i in store.initiatives() if "Marck" in i.actor)
    seen = store.data_version()
    store.update(iid, person=ALICE, actor="Mairie de Marck")
    assert peer(location, "out['actor'] = marck().actor") == {"actor": "Mairie de Marck"}
    assert store.data_version() != seen
    assert store.data_version() == store.data_version()   # stable while nobody writes


def test_a_save_on_what_another_process_changed_is_refused(location):
    store = open_store(location, seed=None)
    store.ingest(N7, n7())
    iid = next(i.id for i in store.initiatives() if "Marck" in i.actor)
    _, version = store.get_versioned(iid)
    saved = peer(location, f"out['v'] = store.update(marck().id, person={BRUNO!r}, "
                           f"expected_version={version}, actor='Commune de Marck')")
    assert saved == {"v": version + 1}
    try:
        store.update(iid, person=ALICE, expected_version=version, actor="Ville de Marck (62)")
        raise AssertionError("a stale save went through")
    except VersionConflict as conflict:
        assert conflict.current == version + 1
        assert [(c.person, c.new) for c in conflict.changes] == [(BRUNO, "Commune de Marck")]
    # and the other way round: the other process is refused Alice's newer change
    store.update(iid, person=ALICE, expected_version=version + 1, actor="Ville de Marck (62)")
    refused = peer(location, f"store.update(marck().id, person={BRUNO!r}, "
                             f"expected_version={version + 1}, actor='Autre')")
    assert refused["error"][0] == "VersionConflict" and ALICE in refused["error"][1]
    assert store.get(iid).actor == "Ville de Marck (62)"


def test_two_first_starts_at_once_load_the_seed_exactly_once(location):
    starts = [subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]);"
         "from initiatives.store import open_store; open_store(sys.argv[2])",
         str(ROOT), str(location)], stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for start in starts:
        assert start.wait(timeout=300) == 0, start.stderr.read()
    _, releases, _ = read_seed(config.SEED_PATH)
    store = open_store(location, seed=None)
    assert sorted(r.id for r in store.releases()) == sorted(r.id for r in releases)
    imported = [c for c in store.history() if c.field == history.RELEASE]
    assert len(imported) == len(releases)    # each release imported once, not twice
