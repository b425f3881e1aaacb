"""`geo.build` works beyond the Pas-de-Calais (issue 13): Nord (59), whose source
polygons overlap, and Corse-du-Sud (2A), a code with a letter.

The sources are the registry packages cached by `python -m geo.build --fetch-only`;
without them these builds are skipped (tests never call the network). The builds are
shared with the page tests (`built_reference`, tests/conftest.py).
"""
import csv

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import box

import config
from geo import build

LAYERS = ("communes", "arrondissements", "epci", "departement")


def test_clean_coverage_removes_overlaps_and_slivers():
    # a overlaps b by 0.1; c leaves a 1e-5 gap with b, closed above and below
    # by two strips: a sliver inside
    a, b, c = box(0, 0, 1.1, 1), box(1, 0, 2, 1), box(2.00001, 0, 3, 1)
    geoms = np.array([a, b, c, box(0, 1, 3, 2), box(0, -1, 3, 0)], dtype=object)
    assert not shapely.coverage_is_valid(geoms)
    cleaned = build.clean_coverage(geoms)
    assert shapely.coverage_is_valid(cleaned)
    assert shapely.is_valid(cleaned).all()
    merged = build.union(cleaned)
    assert merged.is_valid and merged.geom_type == "Polygon"
    assert not list(merged.interiors)
    assert merged.area == pytest.approx(9.0, rel=1e-6)


def test_union_falls_back_when_coverage_union_cannot():
    # overlapping inputs: the coverage union refuses or gives a wrong area
    geoms = np.array([box(0, 0, 2, 1), box(1, 0, 3, 1)], dtype=object)
    merged = build.union(geoms)
    assert merged.is_valid
    assert merged.area == pytest.approx(3.0, rel=1e-6)


def _com_codes(dep: str) -> set[str]:
    with open(config.REFERENCE_DIR / "communes_france.csv", encoding="utf-8") as f:
        return {r["code"] for r in csv.DictReader(f)
                if r["type"] == "COM" and r["departement"] == dep}


@pytest.mark.parametrize("dep", ["59", "2A"])
def test_build_departement(dep, built_reference):
    root, summary = built_reference(dep)  # tests/conftest.py: built once per session
    assert summary["sans_polygone"] == []
    layers = {name: gpd.read_file(root / dep / f"{name}.geojson") for name in LAYERS}
    communes = layers["communes"]

    expected = _com_codes(dep)
    assert expected and set(communes["code"]) == expected
    assert len(communes) == len(expected)
    assert shapely.is_valid(communes.geometry.values).all()

    for name in ("arrondissements", "epci", "departement"):
        layer = layers[name]
        geoms = layer.geometry.values
        assert shapely.is_valid(geoms).all(), name
        assert not shapely.is_empty(geoms).any(), name
        assert set(layer.geom_type) <= {"Polygon", "MultiPolygon"}, name
        assert layer["communes"].sum() == len(communes), name

    # equal-area projection: the département is the sum of its communes (0.1 %)
    crs = "EPSG:2154" if not dep.startswith("97") else communes.estimate_utm_crs()
    communes_area = communes.to_crs(crs).area.sum()
    departement_area = layers["departement"].to_crs(crs).area.sum()
    assert departement_area == pytest.approx(communes_area, rel=1e-3)
    for name in ("arrondissements", "epci"):
        assert layers[name].to_crs(crs).area.sum() == pytest.approx(communes_area, rel=1e-3)
    # the communes' points lie in their commune
    points = shapely.points(communes["lon"], communes["lat"])
    assert shapely.contains(shapely.buffer(communes.geometry.values, 1e-5), points).all()
