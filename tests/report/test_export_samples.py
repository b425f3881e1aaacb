"""The sample store of the export tests (`tests.helpers.export_samples`) holds every
case the exports must handle."""
from __future__ import annotations

from tests.helpers.export_samples import HOSTILE_ACTOR, sample_store


def test_sample_store_holds_every_case(tmp_path):
    store = sample_store(tmp_path / "s.sqlite")
    actors = {i.actor for i in store.initiatives()}
    assert {"Jonathan Petit", "Paul et Jimmy", HOSTILE_ACTOR, "Delphine Lefebvre",
            "Imprimeurs de cœur", "Commune d'Offin"} <= actors
    assert {r.number for r in store.releases()} >= {2, 5, 7, 8}
