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


def safe(text) -> str:
    """Escape untrusted text for folium: HTML, and the JavaScript template literals
    (backtick, `${`, backslash) in which folium embeds tooltips and popups."""
    return (html.escape(str(text)).replace("`", "&#96;").replace("$", "&#36;")
            .replace("\\", "&#92;"))


def tooltip_html(rows: list[tuple[str, str]]) -> str:
    """A small table; every label and value escaped (text from releases is untrusted)."""
    cells = "".join(f"<tr><th style='text-align:left;padding-right:6px'>{safe(k)}</th>"
                    f"<td>{safe(v)}</td></tr>" for k, v in rows)
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


class Legend(folium.MacroElement):
    """A fixed legend box; labels are escaped."""

    _template = folium.template.Template("""
        {% macro html(this, kwargs) %}
        <div style="position:absolute;z-index:9999;bottom:28px;right:10px;background:#fff;
                    padding:6px 8px;border:1px solid #999;border-radius:4px;font:12px sans-serif;
                    max-width:260px">
          <div style="font-weight:bold;margin-bottom:4px">{{ this.title }}</div>
          {% for color, label in this.items %}
          <div><span style="display:inline-block;width:14px;height:10px;background:{{ color }};
                border:1px solid #777;margin-right:5px"></span>{{ label }}</div>
          {% endfor %}
        </div>
        {% endmacro %}""")

    def __init__(self, title: str, items: list[tuple[str, str]]):
        super().__init__()
        self._name = "Legend"
        self.title = safe(title)
        self.items = [(safe(c), safe(label)) for c, label in items]


def choropleth(m: folium.Map, level: str, values, column: str, title: str,
               scheme: str = "quantiles", k: int = 5, decimals: int = 0,
               dep: str | None = None, name: str | None = None) -> folium.Map:
    """Colour the units of `level` (communes, epci, arrondissements) by `values[column]`.

    `values` is a DataFrame indexed by code; units missing from it count as zero.
    Class breaks come from mapclassify (report.classes), zero is its own class.
    """
    from report.classes import classify

    geo = display_layer(level, dep)[["code", "nom", "geometry"]].copy()
    y = geo["code"].map(values[column]).fillna(0).astype(float)
    classes = classify(y.tolist(), scheme, k, decimals)
    geo["valeur"] = [format_number(v, decimals) for v in y]
    geo["couleur"] = [classes.color(v) for v in y]
    folium.GeoJson(
        geo.to_json(drop_id=True), name=name or title,
        style_function=lambda f: {"fillColor": f["properties"]["couleur"], "fillOpacity": 0.85,
                                  "color": "#6b6b80", "weight": 0.5 if level == "communes" else 1},
        highlight_function=lambda _: {"weight": 2.5, "color": "#000"},
        tooltip=folium.GeoJsonTooltip(["nom", "valeur"], aliases=["", safe(title)]),
    ).add_to(m)
    Legend(title, classes.legend()).add_to(m)
    return m


def add_markers(m: folium.Map, points, name: str = "Initiatives", cluster: bool = True,
                assets_base: str = assets.APP_URL) -> folium.Map:
    """Canvas circle markers coloured by category; clustered when many.

    `points` rows need lat, lon, color, tooltip (plain text) and popup (HTML
    built with `tooltip_html`, which escapes every value).
    """
    from folium.plugins import MarkerCluster

    layer = folium.FeatureGroup(name=name)
    target = layer
    if cluster and len(points) > 30:
        target = assets.localize(MarkerCluster(name=name, disable_clustering_at_zoom=11),
                                 assets_base, cluster=True)
        target.add_to(layer)
    for p in points.itertuples():
        folium.CircleMarker(
            location=[p.lat, p.lon], radius=7, color="#222", weight=1,
            fill=True, fill_color=p.color, fill_opacity=0.95,
            tooltip=folium.Tooltip(safe(p.tooltip)),
            popup=folium.Popup(p.popup, max_width=380),
        ).add_to(target)
    layer.add_to(m)
    return m


def add_areas(m: folium.Map, areas: gpd.GeoDataFrame, name: str = "Territoires") -> folium.Map:
    """Initiatives placed on a territory (calaisis, an EPCI...) drawn as hatched areas,
    not as fake points. `areas` rows need geometry, color and tooltip (plain text)."""
    data = areas[["geometry", "color", "tooltip"]].copy()
    data["tooltip"] = data["tooltip"].map(safe)
    data["geometry"] = shapely.set_precision(data.geometry.values, DISPLAY_PRECISION)
    folium.GeoJson(
        data.to_json(drop_id=True), name=name,
        style_function=lambda f: {"color": f["properties"]["color"], "weight": 2,
                                  "dashArray": "6 4", "fillColor": f["properties"]["color"],
                                  "fillOpacity": 0.12},
        tooltip=folium.GeoJsonTooltip(["tooltip"], labels=False),
    ).add_to(m)
    return m
