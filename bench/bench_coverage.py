"""Coverage gaps: the whole computation, and the nearest-covered-commune distances
against a naive baseline (a geopandas distance per uncovered commune)."""
from __future__ import annotations

import tempfile
from pathlib import Path

import geopandas as gpd

import config
from bench.timing import best_of, result
from geo.reference import LAMBERT93
from initiatives import coverage
from initiatives.reach import commune_table
from initiatives.store import open_store


def _store(directory: str):
    """A new store filled from the reviewed seed (the store the app opens first)."""
    return open_store(Path(directory) / "store.sqlite", seed=config.SEED_PATH)


def _naive_nearest(table, covered) -> list[float]:
    pts = gpd.GeoSeries(gpd.points_from_xy(table["lon"], table["lat"]), index=table.index,
                        crs="EPSG:4326").to_crs(LAMBERT93)
    targets = pts[covered]
    return [0.0 if covered[c] else float(targets.distance(pts[c]).min()) / 1000
            for c in table.index]


def run(quick: bool) -> list[dict]:
    repeat = 3 if quick else 10
    with tempfile.TemporaryDirectory() as tmp:
        store = _store(tmp)
        g = coverage.gaps(store)  # warm the reference caches
        whole = best_of(lambda: coverage.gaps(store), repeat)
        only = best_of(lambda: coverage.gaps(store, commune_only=True, level="epci"), repeat)
    table = commune_table("62")
    covered = g.communes.set_index("code")["covered"].reindex(table.index)
    points = coverage.commune_points("62")
    fast = best_of(lambda: coverage.nearest(points, covered), repeat * 10)
    naive = best_of(lambda: _naive_nearest(table, covered), 1 if quick else 3)
    n = len(table)
    return [
        result("coverage_gaps_commune", whole * 1000, "ms", repeat,
               communes_covered=g.communes_covered, population_covered=g.population_covered),
        result("coverage_gaps_epci_commune_only", only * 1000, "ms", repeat),
        # ratio: how many times faster the distance matrix is than one query per commune
        result("coverage_nearest_km", fast * 1000, "ms", n, baseline=naive * 1000),
    ]
