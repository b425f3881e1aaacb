"""The columnar read (`initiatives.frames`) gives what the store's objects give: the
same figures from `SQLiteStore.frames()` as from frames built from `store.initiatives()`,
`mentions()` and `releases()`, and the selection of `store.initiatives(filters)`."""
from __future__ import annotations

from datetime import date

import pytest

import config
from bench import synth
from initiatives import frames, metrics
from initiatives.filters import Filters
from initiatives.store import open_store
from report.export_data import (
    _anchors,
    anonymise_frames,
    fold,
    name_pattern,
    scrub_text,
    scrub_texts,
)

DEP = "62"
FILTERS = [Filters(), Filters(statuses=()), Filters(inside="outside", statuses=()),
           Filters(arrondissements=("627",)), Filters(search="masques"),
           Filters(date_from=date(2020, 4, 1), date_to=date(2020, 4, 20)),
           Filters(reviewed_only=True), Filters(categories=("aide alimentaire",))]


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory):
    return open_store(tmp_path_factory.mktemp("seed") / "seed.sqlite", seed=config.SEED_PATH)


@pytest.fixture(scope="module")
def synth_store(tmp_path_factory):
    return synth.build(200, tmp_path_factory.mktemp("synth") / "synth.sqlite", dep=DEP)


@pytest.fixture(params=["seed", "synth"])
def store(request, seed_store, synth_store):
    return seed_store if request.param == "seed" else synth_store


class ObjectsOnly:
    """The store seen without its columnar read: frames are built from its objects."""

    def __init__(self, store):
        self._store = store

    def initiatives(self, filters=None):
        return self._store.initiatives(filters)

    def mentions(self, initiative_id=None):
        return self._store.mentions(initiative_id)

    def releases(self):
        return self._store.releases()


@pytest.mark.parametrize("filters", FILTERS, ids=range(len(FILTERS)))
def test_selection_is_the_stores(store, filters):
    ids = frames.frames_of(store).select(filters, DEP)
    assert ids.tolist() == [i.id for i in store.initiatives(filters)]


def test_columnar_read_gives_the_figures_of_the_objects(store):
    slow = ObjectsOnly(store)
    for filters in FILTERS[:4]:
        assert metrics.totals(store, filters, DEP) == metrics.totals(slow, filters, DEP)
        assert metrics.key_figures(store, filters, DEP) == metrics.key_figures(
            slow, filters, DEP)
        assert metrics.counts_by(store, filters, dep=DEP).equals(
            metrics.counts_by(slow, filters, dep=DEP))


def test_frames_are_read_once_per_data_version(synth_store):
    first = frames.frames_of(synth_store)
    assert frames.frames_of(synth_store) is first
    ini = synth_store.initiatives()[0]
    synth_store.set_status(ini.id, "rejeté", person="test")
    assert frames.frames_of(synth_store) is not first


def test_scrubbing_many_texts_is_scrubbing_each(seed_store):
    actors = ["Delphine Lefebvre (Guemps)", "Jean-Pierre Martin", "D. Caron"]
    pattern = name_pattern(actors)
    texts = ["Delphine Lefebvre coud des masques", "avec J.-P. Martin", "un petit atelier",
             "écrire à d.caron@exemple.fr", "Mme LEFEBVRE et M. Caron", "", "[particulier] et "
             "[particulier]", "Jean-Pierre", "martin pêcheur"]
    got = scrub_texts(texts, pattern, _anchors(actors))
    assert got.tolist() == [scrub_text(t, pattern) for t in texts]
    assert fold("Élodie") == "elodie"


def test_anonymised_frames_hide_private_persons(synth_store):
    fr = frames.frames_of(synth_store)
    private = fr.initiatives[fr.initiatives["actor_type"] == "citoyen ou collectif"]
    hidden = anonymise_frames(fr)
    names = [a for a in private["actor"] if " n°" not in a]
    assert names   # the synthetic store has private persons
    shown = " ".join(hidden.initiatives["actor"]) + " ".join(hidden.initiatives["excerpt"])
    assert not any(name in shown for name in names)
