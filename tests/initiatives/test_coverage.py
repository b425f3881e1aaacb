"""Coverage gaps (issue 6), hand-checked on the bundled data.

Until the reviewed seed exists, `bundled` is a hand-made store holding the same
places as the seed will (see `tests.helpers.coverage_samples`); once it exists, the
seed is used.
"""
from __future__ import annotations

import pytest

from geo import reference
from initiatives import coverage
from initiatives.__main__ import main
from initiatives.filters import Filters
from initiatives.reach import is_inside, reach
from initiatives.store import open_store
from tests.helpers.coverage_samples import RELEASE, ini, make_store, place


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("coverage") / "store.sqlite")


@pytest.fixture(scope="module")
def overall(bundled):
    return coverage.gaps(bundled)


def _row(g: coverage.Gaps, code: str):
    return g.units.set_index("code").loc[code]


def test_commune_only_covers_exactly_the_named_communes(bundled):
    g = coverage.gaps(bundled, commune_only=True)
    named = set()
    for i in bundled.initiatives(Filters()):
        if is_inside(i, "62"):
            named |= reach(i, "62").named
    assert set(g.units.loc[g.units["covered"], "code"]) == named
    assert g.covered == len(named) and g.total == 887
    assert (g.units["via_territory"] == 0).all()


def test_largest_towns_without_initiative(bundled, overall):
    for g in (overall, coverage.gaps(bundled, commune_only=True)):
        top = list(g.uncovered["code"].head(10))
        assert "62160" in top and "62765" in top  # Boulogne-sur-Mer, Saint-Omer
        assert g.uncovered["population"].is_monotonic_decreasing
        for code in ("62498", "62193", "62041"):  # Lens, Calais, Arras
            assert _row(g, code)["covered"]


def test_populations_add_up(bundled, overall):
    total = reference.summary("62")["population"]
    for g in (overall, coverage.gaps(bundled, level="epci"),
              coverage.gaps(bundled, level="arrondissement", commune_only=True)):
        assert g.population_covered + g.population_uncovered == total
        assert int(g.units["population"].sum()) == total
        assert int(g.units["population_covered"].sum()) == g.population_covered
    assert 0 < overall.population_covered < total


def test_territory_reaches_its_communes_marked_as_such(bundled, overall):
    calais_arr = reference.communes("62").query("arrondissement == '626'")["code"]
    units = overall.units.set_index("code")
    assert units.loc[calais_arr, "covered"].all()
    audruicq = "62057"  # Audruicq: in the calaisis, no initiative placed there
    assert _row(overall, audruicq)["direct"] == 0
    assert _row(overall, audruicq)["via_territory"] >= 1
    assert not _row(coverage.gaps(bundled, commune_only=True), audruicq)["covered"]
    # Calais itself: placed there and reached through the calaisis
    assert _row(overall, "62193")["direct"] >= 2 and _row(overall, "62193")["via_territory"] >= 1


def test_a_single_territory_place(tmp_path):
    store = open_store(tmp_path / "s.sqlite", seed=None)
    store.ingest(RELEASE, [ini("Imprimeurs de cœur", place("territoire", "T-CALAISIS",
                                                           "Calaisis"))])
    g = coverage.gaps(store)
    assert g.covered == 52 and (g.units.loc[g.units["covered"], "via_territory"] == 1).all()
    assert g.reaching["62193"] == [store.initiatives()[0].id]
    assert coverage.gaps(store, commune_only=True).covered == 0
    arr = coverage.gaps(store, level="arrondissement").units.set_index("code")
    assert arr.loc["626", "covered"] and arr.loc["626", "share_population_covered"] == 1
    assert not arr.loc["623", "covered"] and arr.loc["623", "share_population_covered"] == 0


def test_schemes_listed_apart_never_cover(bundled, tmp_path):
    g = coverage.gaps(bundled, commune_only=True)
    # Réserve civique (département) and DOCAPOSTE (national); a national scheme read in
    # a release about elsewhere (Solidarité numérique, not inside) is not listed
    assert sorted((s["actor"].split(" /")[0], s["scope"]) for s in g.schemes) == [
        ("DOCAPOSTE", "national"), ("Réserve civique", "département")]
    wide = [i for i in bundled.initiatives(Filters()) if reach(i, "62").wide
            and not reach(i, "62").communes]
    only = open_store(tmp_path / "s.sqlite", seed=None)
    only.ingest(RELEASE, [ini(i.actor, i.places[0], i.category) for i in wide])
    g = coverage.gaps(only)
    assert g.covered == 0 and g.population_covered == 0 and len(g.schemes) == 2
    assert g.units["nearest_km"].isna().all()


def test_category_restricts_coverage_and_distance(bundled):
    inside = [i for i in bundled.initiatives(Filters()) if is_inside(i, "62")]
    for category in {i.category for i in inside}:
        g = coverage.gaps(bundled, category=category, commune_only=True)
        named = set().union(*(reach(i, "62").named for i in inside if i.category == category))
        assert set(g.units.loc[g.units["covered"], "code"]) == named
        assert g.by_category.drop(columns=category).to_numpy().sum() == 0
        far = g.units.loc[~g.units["covered"], "nearest_km"]
        assert (far > 0).all() if named else far.isna().all()  # e.g. only the Réserve civique
    with pytest.raises(ValueError):
        coverage.gaps(bundled, category="inconnue")


def test_nearest_km_is_sane(bundled, overall):
    units = overall.units.set_index("code")
    assert (units.loc[units["covered"], "nearest_km"] == 0).all()
    assert units.loc[~units["covered"], "nearest_km"].gt(0).all()
    # every uncovered commune bordering a covered one has help within 15 km
    com = reference.communes("62").to_crs(reference.LAMBERT93).set_index("code")
    covered = com.loc[units.index[units["covered"]]].union_all().buffer(1)
    uncovered = units.index[~units["covered"]]
    bordering = com.loc[uncovered].geometry.intersects(covered)
    assert bordering.sum() > 20
    assert units.loc[bordering[bordering].index, "nearest_km"].lt(15).all()
    # Boulogne-sur-Mer: nearest help is Ferques (placed there), about 16 km away
    assert units.loc["62160", "nearest_nom"] == "Ferques"
    assert 10 < units.loc["62160", "nearest_km"] < 20


def test_nearest_is_measured_to_the_covered_communes_of_a_territory(tmp_path):
    store = open_store(tmp_path / "s.sqlite", seed=None)
    store.ingest(RELEASE, [ini("Imprimeurs de cœur", place("territoire", "T-CALAISIS",
                                                           "Calaisis"))])
    units = coverage.gaps(store).units.set_index("code")
    calaisis = set(reference.communes("62").query("arrondissement == '626'")["nom"])
    # Boulogne to the nearest commune point of the calaisis (Boursin), 15-30 km
    assert units.loc["62160", "nearest_nom"] in calaisis
    assert 15 < units.loc["62160", "nearest_km"] < 30


def test_levels_and_per_10k(bundled, overall):
    epci = coverage.gaps(bundled, level="epci")
    assert epci.total == reference.communes("62")["epci"].nunique()
    lens = epci.units.set_index("code").loc["246200364"]  # CA de Lens-Liévin
    assert lens["covered"] and 0 < lens["share_population_covered"] <= 1
    arras = _row(overall, "62041")
    assert arras["per_10k"] == round(arras["initiatives"] / arras["population"] * 1e4, 3)
    assert epci.by_category.sum(axis=1).ge(epci.units.set_index("code")["initiatives"]).all()


def test_arrondissement_filter_restricts_units(bundled):
    g = coverage.gaps(bundled, Filters(arrondissements=("623",)))
    assert g.total == 74 and set(g.units["code"].str[:2]) == {"62"}
    assert g.uncovered.iloc[0]["code"] == "62160"


def test_call_list_and_cli_dict(bundled, overall):
    calls = coverage.call_list(bundled)
    assert list(calls.columns) == coverage.CALL_COLUMNS
    assert len(calls) == overall.total - overall.covered
    assert calls["population"].is_monotonic_decreasing
    boulogne = calls.set_index("code").loc["62160"]
    assert boulogne["mairie_telephone"] and "Boulogne" in boulogne["mairie_adresse"]
    out = overall.to_dict(top=3)
    assert set(out) >= {"level", "category", "covered", "total", "population_covered",
                        "population_uncovered", "uncovered"}
    assert len(out["uncovered"]) == 3
    assert set(out["uncovered"][0]) == {"code", "nom", "population", "nearest_km"}


def test_cli_gaps(bundled, capsys):
    import json

    code = main(["--db", str(bundled.path), "gaps", "--level", "arrondissement", "--top", "0"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["level"] == "arrondissement" and out["total"] == 7
    assert out["population_covered"] + out["population_uncovered"] == \
        reference.summary("62")["population"]
    assert len(out["uncovered"]) == out["total"] - out["covered"]
    main(["--db", str(bundled.path), "gaps", "--commune-only", "--top", "2"])
    out = json.loads(capsys.readouterr().out)
    assert out["uncovered"][0]["code"] == "62160" and len(out["uncovered"]) == 2
    with pytest.raises(SystemExit):
        main(["--db", str(bundled.path), "gaps", "--level", "canton"])


# --- coverage said plainly (issue 11, item 1) --------------------------------------------

def test_named_and_territory_communes_are_kept_apart(bundled, overall):
    com = overall.communes.set_index("code")
    named = com["direct"] > 0
    assert overall.communes_named == int(named.sum())
    assert overall.communes_territory == int((~named & (com["via_territory"] > 0)).sum())
    # the two together are what the old headline called "touchées": never one figure here
    assert overall.communes_named + overall.communes_territory == overall.communes_covered
    assert overall.population_named == int(com.loc[named, "population"].sum())
    audruicq = com.loc["62057"]  # in the calaisis, named by no one
    assert (audruicq["communes_named"], audruicq["communes_territory"]) == (0, 1)
    assert audruicq["population_territory"] == audruicq["population"]
    assert coverage.gaps(bundled, commune_only=True).communes_territory == 0


def test_unit_shares_of_named_communes(bundled):
    arr = coverage.gaps(bundled, level="arrondissement")
    arrondissement = reference.communes("62").set_index("code")["arrondissement"]
    com = arr.communes.set_index("code").join(arrondissement)
    units = arr.units.set_index("code")
    for code, part in com.groupby("arrondissement"):
        row = units.loc[code]
        assert row["communes"] == len(part)
        assert row["communes_named"] == int((part["direct"] > 0).sum())
        assert row["share_communes_named"] == pytest.approx(row["communes_named"] / len(part),
                                                            abs=1e-4)
        assert row["population_named"] == int(part.loc[part["direct"] > 0, "population"].sum())
        assert row["share_population_named"] == pytest.approx(
            row["population_named"] / row["population"], abs=1e-4)
        assert row["named_per_10k"] == pytest.approx(row["direct"] / row["population"] * 1e4,
                                                     abs=1e-3)
    # covered (something reaches it) is not named: Calais is reached everywhere through
    # the calaisis, yet most of its communes are named by no one
    calais = units.loc["626"]
    assert calais["share_population_covered"] == 1 and calais["share_communes_named"] < 0.5
    assert arr.population_named == int(units["population_named"].sum())


def test_weakest_first(bundled):
    for level in ("arrondissement", "epci"):
        ranked = coverage.weakest_first(coverage.gaps(bundled, level=level).units)
        shares = list(ranked["share_population_named"])
        assert shares == sorted(shares)
    ranked = coverage.weakest_first(coverage.gaps(bundled, level="arrondissement").units)
    assert ranked.iloc[0]["communes_named"] == 0 or ranked.iloc[0]["share_population_named"] \
        == min(ranked["share_population_named"])
    assert ranked.iloc[-1]["share_population_named"] == max(ranked["share_population_named"])


def test_communes_named_only_by_initiatives_to_review(tmp_path):
    store = open_store(tmp_path / "s.sqlite", seed=None)
    store.ingest(RELEASE, [ini("Ville de Marck", place("commune", "62548", "Marck")),
                           ini("Lens solidaire", place("commune", "62498", "Lens")),
                           ini("Atelier de Lens", place("commune", "62498", "Lens"))])
    marck = next(i for i in store.initiatives() if "Marck" in i.actor)
    store.set_status(marck.id, "vérifié")
    g = coverage.gaps(store)
    assert (g.communes_named, g.communes_named_to_review) == (2, 1)  # Lens: to review
    lens = coverage.gaps(store, level="arrondissement").units.set_index("code").loc["627"]
    assert lens["direct_to_review"] == 2
    reviewed = coverage.gaps(store, Filters(reviewed_only=True))
    assert (reviewed.communes_named, reviewed.communes_named_to_review) == (1, 0)
