"""Where things are: the arrondissements' names and the main towns, placed once for
every map (folium labels on screen, matplotlib text on the PNG/PDF map).

Towns: the arrondissements' seats, then the most populous communes, each kept only
when it stands at least `MIN_KM` from a town already labelled (the Lens basin would
otherwise be a pile of names). Arrondissement names sit at the pole of
inaccessibility of their area (inside it, far from its borders).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import geopandas as gpd
import shapely
from shapely.ops import polylabel

import config
from geo import reference
from geo.reference import LAMBERT93

MAX_TOWNS = 12
MIN_KM = 10.0
MIN_POPULATION = 12_000


@dataclass(frozen=True)
class Label:
    code: str
    nom: str
    lat: float
    lon: float
    x: float  # Lambert-93, metres (static map)
    y: float
    kind: str  # "arrondissement" | "town"
    seat: bool = False  # the arrondissement's seat (sous-préfecture, préfecture)


def _largest(geom):
    parts = list(shapely.get_parts(geom))
    return max(parts, key=lambda p: p.area)


def _seat_code(arr_nom: str, arr_code: str, communes) -> str | None:
    """The commune that gives the arrondissement its name (`Montreuil` → Montreuil-sur-Mer)."""
    inside = communes[communes["arrondissement"] == arr_code]
    exact = inside[inside["nom"] == arr_nom]
    if len(exact):
        return exact["code"].iloc[0]
    prefix = inside[inside["nom"].str.startswith(arr_nom + "-")]
    return prefix.sort_values("population", ascending=False)["code"].iloc[0] \
        if len(prefix) else None


def _place(area, towns: list[Label]):
    """The pole of inaccessibility of `area` once the towns' surroundings are cut out,
    so that the arrondissement's name does not sit on a town's; closer when the area
    is too small for that."""
    spots = [shapely.Point(t.x, t.y) for t in towns]
    for km in (12, 9, 6, 3):
        rest = area.difference(shapely.union_all([s.buffer(km * 1000) for s in spots])) \
            if spots else area
        if not rest.is_empty and rest.area > 4e7:  # 40 km²: room for a name
            return polylabel(_largest(rest), tolerance=200)
    return polylabel(_largest(area), tolerance=200)


def _towns(com, seats: set[str]) -> list[Label]:
    xy = gpd.GeoSeries(gpd.points_from_xy(com["lon"], com["lat"]), crs="EPSG:4326") \
        .to_crs(LAMBERT93)
    com = com.assign(x=xy.x.values, y=xy.y.values, seat=com["code"].isin(seats))
    towns: list[Label] = []
    for r in com.sort_values(["seat", "population"], ascending=[False, False]).itertuples():
        if len(towns) >= MAX_TOWNS or (not r.seat and r.population < MIN_POPULATION):
            break
        if any(((r.x - t.x) ** 2 + (r.y - t.y) ** 2) ** 0.5 < MIN_KM * 1000 for t in towns):
            continue
        towns.append(Label(str(r.code), str(r.nom), round(float(r.lat), 5),
                           round(float(r.lon), 5), float(r.x), float(r.y), "town",
                           bool(r.seat)))
    return towns


@lru_cache(maxsize=8)
def labels(dep: str | None = None) -> tuple[Label, ...]:
    """Arrondissement labels first, then the main towns (seats first, then by population)."""
    dep = dep or config.departement()
    arr = reference.layer("arrondissements", dep)
    com = reference.layer("communes", dep)
    seats = {_seat_code(n, c, com) for c, n in zip(arr["code"], arr["nom"])} - {None}
    towns = _towns(com, seats)
    points = [_place(g, towns) for g in arr.to_crs(LAMBERT93).geometry]
    lonlat = gpd.GeoSeries(points, crs=LAMBERT93).to_crs(arr.crs)
    areas = [Label(str(code), str(nom), round(q.y, 5), round(q.x, 5), p.x, p.y,
                   "arrondissement")
             for code, nom, p, q in zip(arr["code"], arr["nom"], points, lonlat)]
    return tuple(areas + towns)
