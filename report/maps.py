"""Interactive maps (folium), drawn with no web tiles and no CDN by default.

The base map is the reference geography itself: communes, arrondissements and
the département's outline, simplified for display (the measured map HTML of
the 887 communes stays under 400 KB).
"""
from __future__ import annotations

import html
from functools import lru_cache

import folium
import geopandas as gpd
import shapely

from geo import reference
from initiatives.formatting import format_number
from report import assets

# Coverage-preserving simplification (degrees, Visvalingam-Whyatt) and the
# display grid: ~350 m and ~10 m, invisible at the département's zoom levels.
DISPLAY_TOLERANCE = 0.005
DISPLAY_PRECISION = 1e-4
DISPLAY_COLUMNS = {
    "communes": ["code", "nom", "population", "arrondissement_nom", "epci_nom"],
    "epci": ["code", "nom", "population", "communes"],
    "arrondissements": ["code", "nom", "population", "communes"],
    "departement": ["code", "population", "communes"],
}
BORDER = "#3a3a5c"


@lru_cache(maxsize=16)
def display_layer(name: str, dep: str | None = None) -> gpd.GeoDataFrame:
    """A reference layer simplified and rounded for the screen; do not mutate."""
    layer = reference.layer(name, dep)
    geoms = shapely.set_precision(layer.geometry.values, DISPLAY_PRECISION)
    geoms = shapely.coverage_simplify(geoms, DISPLAY_TOLERANCE)
    geoms = shapely.set_precision(geoms, DISPLAY_PRECISION)
    out = layer[DISPLAY_COLUMNS[name]].copy()
    return gpd.GeoDataFrame(out, geometry=list(geoms), crs=layer.crs)


def bounds(dep: str | None = None) -> list[list[float]]:
    minx, miny, maxx, maxy = reference.departement_outline(dep).total_bounds
    return [[miny, minx], [maxy, maxx]]


def new_map(dep: str | None = None, assets_base: str = assets.APP_URL,
            tiles: str | None = None) -> folium.Map:
    """An empty map framed on the département, its scripts served locally."""
    m = folium.Map(tiles=None, control_scale=True, zoom_snap=0.25,
                   min_zoom=7, max_zoom=14)
    assets.localize(m, assets_base)
    if tiles:  # an option when the network allows; off by default
        folium.TileLayer(tiles, name="Fond de carte", control=True).add_to(m)
    m.fit_bounds(bounds(dep))
    return m


def tooltip_html(rows: list[tuple[str, str]]) -> str:
    """A small table; every value escaped (text from releases is untrusted)."""
    cells = "".join(f"<tr><th style='text-align:left;padding-right:6px'>{html.escape(k)}</th>"
                    f"<td>{html.escape(str(v))}</td></tr>" for k, v in rows)
    return f"<table>{cells}</table>"


def add_reference_layers(m: folium.Map, dep: str | None = None,
                         communes_name: str = "Communes") -> folium.Map:
    """Communes (light fill, tooltip), arrondissement borders, département outline."""
    # Reference names only (trusted): the tooltip table is built in the browser,
    # which keeps the embedded GeoJSON small.
    com = display_layer("communes", dep).copy()
    com["population"] = com["population"].map(format_number)
    folium.GeoJson(
        com[["code", "nom", "population", "geometry"]].to_json(drop_id=True),
        name=communes_name,
        style_function=lambda _: {"color": "#8a8aa3", "weight": 0.5,
                                  "fillColor": "#eef0f8", "fillOpacity": 0.9},
        highlight_function=lambda _: {"weight": 2, "color": BORDER},
        tooltip=folium.GeoJsonTooltip(["nom", "code", "population"],
                                      aliases=["Commune", "Code INSEE", "Population"]),
        smooth_factor=1.0,
    ).add_to(m)
    add_borders(m, dep)
    return m


def add_borders(m: folium.Map, dep: str | None = None) -> folium.Map:
    arr = display_layer("arrondissements", dep)
    folium.GeoJson(
        arr[["code", "geometry"]].to_json(drop_id=True), name="Arrondissements",
        style_function=lambda _: {"color": BORDER, "weight": 2, "fill": False},
        interactive=False,
    ).add_to(m)
    return m


def base_map(dep: str | None = None, assets_base: str = assets.APP_URL) -> folium.Map:
    m = new_map(dep, assets_base)
    add_reference_layers(m, dep)
    folium.LayerControl(collapsed=True).add_to(m)
    return m


def to_html(m: folium.Map) -> str:
    return m.get_root().render()


def standalone_html(m: folium.Map) -> str:
    """A map file that opens anywhere, without the app and without internet."""
    return assets.inline(to_html(m))
