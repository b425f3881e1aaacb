"""The fast paths taken for large stores give the same figures as the per-initiative
computations they replaced, on the bundled seed and on a synthetic store."""
from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

import config
from bench import synth
from initiatives import metrics
from initiatives.filters import Filters
from initiatives.reach import commune_table, reach
from initiatives.store import open_store

DEP = "62"


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory):
    return open_store(tmp_path_factory.mktemp("seed") / "seed.sqlite", seed=config.SEED_PATH)


@pytest.fixture(scope="module")
def synth_store(tmp_path_factory):
    return synth.build(300, tmp_path_factory.mktemp("synth") / "synth.sqlite", dep=DEP)


@pytest.fixture(params=["seed", "synth"])
def store(request, seed_store, synth_store):
    return seed_store if request.param == "seed" else synth_store


def old_figures_lines(ini) -> list[str]:
    """The per-initiative pandas computation `figures_lines` replaced."""
    from initiatives.formatting import figure_line
    if ini.id is None:
        ini = dataclasses.replace(ini, id=0)
    last = metrics.latest(metrics.observations([ini], Filters()))
    if len(last):
        last = last.sort_values("kind", key=lambda k: k.map(metrics.kind_order), kind="stable")
    return [figure_line(r.item, r.value, r.unit, r.kind, r.approx) for r in last.itertuples()]


def old_reach_arrondissements(ini) -> frozenset[str]:
    r = reach(ini, DEP)
    codes = list(r.named | r.territory)
    table = commune_table(DEP)
    return frozenset(table.loc[codes, "arrondissement"]) if codes else frozenset()


def test_synthetic_store_has_every_kind_and_several_releases(synth_store):
    inis = synth_store.initiatives(Filters(statuses=()))
    kinds = {q.kind for i in inis for q in i.quantities}
    levels = {p.level for i in inis for p in i.places}
    assert len(inis) >= 290   # a few private persons merge by key
    assert {"done", "target"} <= kinds and len(kinds) >= 6
    assert {"commune", "epci", "arrondissement", "departement", "national"} <= levels
    assert len(synth_store.releases()) >= 4
    assert any(len({q.release_id for q in i.quantities}) > 1 for i in inis)


def test_figures_lines_match_the_per_initiative_computation(store):
    inis = store.initiatives(Filters(statuses=()))
    assert inis
    for ini in inis:
        assert metrics.figures_lines(ini) == old_figures_lines(ini)


def test_figures_lines_of_an_unsaved_initiative(seed_store):
    ini = dataclasses.replace(seed_store.initiatives()[0], id=None)
    assert metrics.figures_lines(ini) == old_figures_lines(ini)


def test_reach_arrondissements_match_the_reference_table(store):
    for ini in store.initiatives(Filters(statuses=())):
        assert reach(ini, DEP).arrondissements == old_reach_arrondissements(ini)


def test_frames_are_equal_when_read_twice(store):
    """Memoised reaches give the same frame on a second read."""
    first = metrics.initiatives_frame(store, Filters(), DEP)
    again = metrics.initiatives_frame(store, Filters(), DEP)
    pd.testing.assert_frame_equal(first, again)


def old_counts_by(store, filters, by, columns, commune_only=False) -> pd.DataFrame:
    """The per-initiative Counter loop `counts_by` replaced."""
    from collections import Counter

    from initiatives.model import ACTOR_TYPES, CATEGORIES
    values = {"category": CATEGORIES, "actor_type": ACTOR_TYPES}[columns]
    inis = [i for i in store.initiatives(filters) if metrics.is_inside(i, DEP)]
    units, table = metrics._units(by, DEP), commune_table(DEP)
    cells: Counter = Counter()
    for ini in inis:
        r = reach(ini, DEP)
        communes = r.named if commune_only else r.communes
        codes = set(communes) if by == "commune" else (
            set(table.loc[list(communes), metrics.UNIT_COLUMN[by]]) if communes else set())
        for code in codes:
            cells[(code, getattr(ini, columns))] += 1
            cells[(code, "total")] += 1
    out = units[["code", "nom"]].copy()
    for value in (*values, "total"):
        out[value] = [cells[(code, value)] for code in out["code"]]
    return out


@pytest.mark.parametrize("by", ["commune", "epci", "arrondissement"])
@pytest.mark.parametrize("columns", ["category", "actor_type"])
@pytest.mark.parametrize("commune_only", [False, True])
def test_counts_by_matches_the_per_initiative_count(store, by, columns, commune_only):
    for filters in (Filters(), Filters(statuses=()), Filters(categories=("aide alimentaire",))):
        new = metrics.counts_by(store, filters, by, columns, DEP, commune_only)
        pd.testing.assert_frame_equal(new, old_counts_by(store, filters, by, columns,
                                                         commune_only))


def test_counts_by_of_an_empty_selection(store):
    out = metrics.counts_by(store, Filters(releases=("inconnu",)), "arrondissement",
                            dep=DEP)
    assert len(out) == 7 and (out.drop(columns=["code", "nom"]) == 0).all().all()


def test_reads_are_shared_until_the_store_changes(tmp_path):
    store = open_store(tmp_path / "s.sqlite", seed=config.SEED_PATH)
    first = metrics.read(store, "initiatives", Filters())
    assert metrics.read(store, "initiatives", Filters())[0] is first[0]   # one read
    before = metrics.key_figures(store, Filters(), DEP)
    target = next(i for i in first if i.status == "vérifié" and metrics.is_inside(i, DEP))
    store.set_status(target.id, "extrait")
    after = metrics.key_figures(store, Filters(), DEP)
    assert after.initiatives_to_review == before.initiatives_to_review + 1
    assert metrics.read(store, "initiatives", Filters())[0] is not first[0]
    deleted = store.delete_release(store.releases()[-1].id)
    assert deleted["deleted"] + deleted["kept"] > 0
    fresh = open_store(tmp_path / "s.sqlite", seed=None)   # another object: no shared read
    assert metrics.key_figures(store, Filters(), DEP) == metrics.key_figures(fresh, Filters(),
                                                                             DEP)
    assert metrics.sources(store, Filters(), DEP) == metrics.sources(fresh, Filters(), DEP)
