"""National mode (issue 13, `DEPARTEMENT=FR`): the départements layer built from the
cached sources, and geocoding across France (homonyms are ambiguous unless the query
names the département)."""
import csv

import geopandas as gpd
import pytest
import shapely

import config
from geo.offline import resolve_offline

MAX_BYTES = 600_000  # the map of France stays light (measured: about 460 KB)


def _com_by_dep() -> dict[str, int]:
    out: dict[str, int] = {}
    with open(config.REFERENCE_DIR / "communes_france.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["type"] == "COM":
                out[r["departement"]] = out.get(r["departement"], 0) + 1
    return out


def test_national_layer(built_reference):
    root, summary = built_reference("FR")
    path = root / "FR" / "departements.geojson"
    deps = gpd.read_file(path)
    expected = _com_by_dep()
    assert set(deps["code"]) == set(expected) and len(deps) == 101
    # every commune with a polygon counted in its département (4 in the Cantal have none)
    assert len(summary["sans_polygone"]) == 4
    assert deps["communes"].sum() == sum(expected.values()) - 4
    assert dict(zip(deps["code"], deps["nom"]))["59"] == "Nord"
    geoms = deps.geometry.values
    assert shapely.is_valid(geoms).all() and not shapely.is_empty(geoms).any()
    assert set(deps.geom_type) <= {"Polygon", "MultiPolygon"}
    # simplified together: no overlap between neighbours (their areas add up)
    metro = deps[~deps["code"].str.startswith("97")].to_crs("EPSG:2154")
    union = shapely.union_all(metro.geometry.values)
    assert union.area == pytest.approx(metro.area.sum(), rel=1e-3)
    assert 540_000 < union.area / 1e6 < 560_000  # metropolitan France, km²
    assert path.stat().st_size < MAX_BYTES
    assert shapely.get_num_coordinates(geoms).sum() < 30_000
    france = gpd.read_file(root / "FR" / "departement.geojson")
    assert france["code"].tolist() == ["FR"]


@pytest.mark.parametrize(("query", "code", "dep"), [
    ("Lille", "59350", "59"),
    ("Villeneuve d'Ascq", "59009", "59"),
    ("Annay (62)", "62033", "62"),          # the département named: no longer ambiguous
    ("Annay (58)", "58007", "58"),
    ("62500 Saint-Omer", "62765", "62"),    # a postcode names it too
    ("Annay-sous-Lens", "62033", "62"),     # usual names (aliases.csv) still resolve
    ("Nord", "59", "59"),
])
def test_national_geocoding_resolves(query, code, dep):
    r = resolve_offline(query, config.NATIONAL)
    assert (r.code, r.departement, r.inside) == (code, dep, True)


@pytest.mark.parametrize("query", ["Annay", "Saint-Omer", "Montreuil"])
def test_national_homonyms_are_ambiguous(query):
    r = resolve_offline(query, config.NATIONAL)
    assert r.code is None and r.method == "ambiguous" and not r.resolved


def test_national_geocoding_leaves_the_departement_mode_alone():
    # in the Pas-de-Calais, homonyms still go to the département first
    assert resolve_offline("Annay", "62").code == "62033"
    assert resolve_offline("Saint-Omer", "62").code == "62765"
    assert resolve_offline("France", config.NATIONAL).level == "national"
