"""The initiatives map: choropleth, markers and territory areas, from the store.

No streamlit here (the bench and exports build the same map); `ui.cache` caches
it per filters, options and store version. Every text from a release goes
through `maps.tooltip_html` / `maps.safe`, which escape it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import folium
import geopandas as gpd
import pandas as pd
import shapely

from geo.levels import LAYERS, SINGULAR
from geo.territories import communes_of
from initiatives import metrics
from initiatives.filters import Filters
from initiatives.formatting import format_date
from initiatives.metrics import figures_lines
from initiatives.model import Initiative
from initiatives.reach import commune_table, is_inside, reach
from initiatives.store import MANUAL_SOURCE
from report import maps
from report.classes import CATEGORY_COLORS
from report.export_data import anonymised

MEASURES = {"initiatives": "Nombre d'initiatives", "per_10k": "Initiatives pour 10 000 habitants"}
MIXED_COLOR = "#444444"
EXCERPT_CHARS = 300
OSM_TILES = "OpenStreetMap"


@dataclass(frozen=True)
class MapOptions:
    level: str = "commune"          # commune | epci | arrondissement
    measure: str = "initiatives"    # initiatives | per_10k
    scheme: str = "quantiles"       # a key of report.classes.SCHEMES
    k: int = 5
    markers: bool = True
    areas: bool = True
    tiles: bool = False             # OpenStreetMap background: needs the network
    collapsed: bool = True          # layer control folded (it always is on a phone)
    anonymise: bool = False         # private persons out (`export_data.anonymised`)


def popup_rows(ini: Initiative, cited: list[str]) -> list[tuple[str, str]]:
    excerpt = ini.excerpt if len(ini.excerpt) <= EXCERPT_CHARS \
        else ini.excerpt[:EXCERPT_CHARS].rsplit(" ", 1)[0] + " […]"
    rows = [("Acteur", ini.actor), ("Type", ini.actor_type), ("Catégorie", ini.category),
            ("Lieu", ", ".join(p.nom or p.query for p in ini.places))]
    figures = figures_lines(ini)
    if figures:
        rows.append(("Quantités", "\n".join(figures)))
    rows += [("Extrait", f"« {excerpt} »"), ("Communiqué", "\n".join(cited) or MANUAL_SOURCE),
             ("Statut", ini.status)]
    return rows


def citations(store) -> dict[int, list[str]]:
    """Initiative id -> `n°7 du 30 avril 2020` for each release citing it."""
    labels = {r.id: r.label for r in store.releases()}
    out: dict[int, list[str]] = {}
    for m in store.mentions():
        label = labels.get(m.release_id, MANUAL_SOURCE) if m.release_id else MANUAL_SOURCE
        if m.date and not m.release_id:
            label += f" du {format_date(m.date)}"
        out.setdefault(m.initiative_id, []).append(label)
    return out


def _spread(lat: float, lon: float, i: int, n: int) -> tuple[float, float]:
    """Several initiatives in one commune: a small ring around its town hall."""
    if n == 1:
        return lat, lon
    angle, radius = 2 * math.pi * i / n, 0.004 + 0.0004 * n
    return lat + radius * math.sin(angle), lon + radius * math.cos(angle) * 1.55


def points(inis: list[Initiative], cited: dict[int, list[str]], dep: str) -> pd.DataFrame:
    """One marker per initiative and named commune, at the commune's town hall."""
    table = commune_table(dep)
    rows = []
    for ini in inis:
        for code in sorted(reach(ini, dep).named):
            rows.append({"code": code, "ini": ini})
    cols = ["lat", "lon", "color", "tooltip", "popup", "category"]
    if not rows:
        return pd.DataFrame(columns=cols)
    frame = pd.DataFrame(rows)
    frame["n"] = frame.groupby("code")["code"].transform("size")
    frame["i"] = frame.groupby("code").cumcount()
    out = []
    for r in frame.itertuples():
        c = table.loc[r.code]
        lat, lon = _spread(float(c["lat"]), float(c["lon"]), r.i, r.n)
        out.append({"lat": lat, "lon": lon, "color": CATEGORY_COLORS.get(r.ini.category),
                    "tooltip": f"{r.ini.actor} — {c['nom']}",
                    "popup": maps.tooltip_html(popup_rows(r.ini, cited.get(r.ini.id, []))),
                    "category": r.ini.category})
    return pd.DataFrame(out, columns=cols)


@lru_cache(maxsize=256)
def territory_shape(level: str, code: str, dep: str):
    """The union of the display shapes of the communes a territory covers."""
    com = maps.display_layer("communes", dep)
    shapes = com.geometry[com["code"].isin(communes_of(level, code, dep))].values
    # snapped to the display grid: the simplified communes leave hairline gaps that a
    # coverage union would keep as invalid slivers
    return shapely.union_all(shapes, grid_size=maps.DISPLAY_PRECISION) if len(shapes) else None


def areas(inis: list[Initiative], cited: dict[int, list[str]], dep: str) -> gpd.GeoDataFrame:
    """One dashed area per territory-level place (calaisis, an EPCI...), listing its
    initiatives; coloured by category when they share one."""
    groups: dict[tuple, dict] = {}
    for ini in inis:
        if not reach(ini, dep).territory:
            continue
        for p in ini.places:
            if p.code and p.level in ("epci", "arrondissement", "territoire") and p.inside:
                g = groups.setdefault((p.level, p.code), {"nom": p.nom or p.query, "inis": []})
                g["inis"].append(ini)
    rows = []
    for (level, code), g in groups.items():
        shape = territory_shape(level, code, dep)
        if shape is None:
            continue
        cats = {i.category for i in g["inis"]}
        n = len(g["inis"])
        listing = [(i.actor, f"{i.category}" + "".join(f"\n{f}" for f in figures_lines(i))
                    + f"\n{', '.join(cited.get(i.id, []))}") for i in g["inis"]]
        rows.append({"geometry": shape,
                     "color": CATEGORY_COLORS.get(cats.pop()) if len(cats) == 1 else MIXED_COLOR,
                     "tooltip": f"{g['nom']} : {n} initiative{'s' if n > 1 else ''} "
                                f"à l'échelle du territoire",
                     "popup": maps.tooltip_html([("Territoire", g["nom"]), *listing])})
    return gpd.GeoDataFrame(rows, columns=["geometry", "color", "tooltip", "popup"],
                            geometry="geometry", crs="EPSG:4326")


def build_map(store, filters: Filters, dep: str, options: MapOptions = MapOptions()
              ) -> folium.Map:
    """Choropleth of the initiatives per unit, borders, areas and markers, with legends.
    With `options.anonymise`, markers, areas and sources name no private person."""
    if options.anonymise:
        store = anonymised(store)
    m = maps.new_map(dep, tiles=OSM_TILES if options.tiles else None)
    m.default_js = [js for js in m.default_js if js[0] != "jquery"]  # unused: one fetch less
    # named initiatives only: a territory cited in bloc is drawn apart (dashed, light),
    # its communes are not coloured as if an initiative were named there
    counts = metrics.counts_per_unit(store, filters, options.level, dep=dep,
                                     commune_only=True).set_index("code")
    per_10k = options.measure == "per_10k"
    title = (("Initiatives nommées pour 10 000 hab." if per_10k else "Initiatives nommées")
             + f" par {SINGULAR[options.level]}")
    maps.choropleth(m, LAYERS[options.level], counts, options.measure, title,
                    options.scheme, options.k, 1 if per_10k else 0, dep)
    maps.add_borders(m, dep)
    inis = [i for i in store.initiatives(filters) if is_inside(i, dep)]
    cited = citations(store)
    if options.areas:
        zones = areas(inis, cited, dep)
        if len(zones):
            maps.add_areas(m, zones, "Initiatives à l'échelle d'un territoire")
    if options.markers:
        pts = points(inis, cited, dep)
        if len(pts):
            maps.add_markers(m, pts, "Initiatives (communes)")
            shown = [c for c in CATEGORY_COLORS if c in set(pts["category"])]
            maps.Legend("Catégories", [(CATEGORY_COLORS[c], c) for c in shown],
                        position="left").add_to(m)
    maps.FoldingLayerControl(open_wide=not options.collapsed).add_to(m)
    return m
