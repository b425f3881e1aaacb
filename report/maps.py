"""Interactive maps (folium), drawn with no web tiles and no CDN by default.

The base map is the reference geography itself: communes, arrondissements and
the département's outline, simplified for display (the measured map HTML of
the 887 communes stays under 400 KB).
"""
from __future__ import annotations

import html
import json
from functools import lru_cache

import folium
import geopandas as gpd
import numpy as np
import shapely
from folium.elements import JSCSSMixin

from geo import reference
from initiatives.formatting import format_number
from report import assets, place_labels
from report.classes import classify

# Coverage-preserving simplification (degrees, Visvalingam-Whyatt) and the
# display grid: ~350 m and ~10 m, invisible at the département's zoom levels.
DISPLAY_TOLERANCE = 0.005
DISPLAY_PRECISION = 1e-4
DISPLAY_COLUMNS = {
    "communes": ["code", "nom", "population", "arrondissement_nom", "epci_nom"],
    "epci": ["code", "nom", "population", "communes"],
    "arrondissements": ["code", "nom", "population", "communes"],
    "departement": ["code", "population", "communes"],
    "departements": ["code", "nom", "population", "communes"],
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
    m = folium.Map(tiles=None, zoom_snap=0.25, min_zoom=7, max_zoom=14)
    MetricScale().add_to(m)  # folium's `control_scale` also shows miles
    # without tiles folium leaves the zoom range to no one; MarkerCluster needs it
    m.options.update(minZoom=7, maxZoom=14)
    assets.localize(m, assets_base)
    if tiles:  # an option when the network allows; off by default
        folium.TileLayer(tiles, name="Fond de carte", control=True).add_to(m)
    m.fit_bounds(bounds(dep))
    MapStyle().add_to(m)
    PlaceLabels(dep).add_to(m)
    return m


class MetricScale(folium.MacroElement):
    """The scale bar in kilometres only (Leaflet's default adds miles)."""
    _template = folium.template.Template("""{% macro script(this, kwargs) %}
        L.control.scale({imperial: false, metric: true}).addTo({{ this._parent.get_name() }});
    {% endmacro %}""")

    def __init__(self):
        super().__init__()
        self._name = "MetricScale"


def safe(text) -> str:
    """Escape untrusted text for folium: HTML, and the JavaScript template literals
    (backtick, `${`, backslash) in which folium embeds tooltips and popups."""
    return (html.escape(str(text)).replace("`", "&#96;").replace("$", "&#36;")
            .replace("\\", "&#92;"))


def tooltip_html(rows: list[tuple[str, str]]) -> str:
    """A small table; every label and value escaped (text from releases is untrusted)."""
    cells = "".join(f"<tr><th>{safe(k)}</th><td>{safe(v)}</td></tr>" for k, v in rows)
    return f"<table class='pdc'>{cells}</table>"  # styled once by PopupStyle


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


def base_map(dep: str | None = None, assets_base: str = assets.APP_URL) -> folium.Map:
    m = new_map(dep, assets_base)
    add_reference_layers(m, dep)
    FoldingLayerControl(open_wide=False).add_to(m)
    return m


def to_html(m: folium.Map) -> str:
    return m.get_root().render()


def standalone_html(m: folium.Map) -> str:
    """A map file that opens anywhere, without the app and without internet."""
    return assets.inline(to_html(m))


class Legend(folium.MacroElement):
    """A legend box drawn as a Leaflet control (part of the map's script, so the
    map renders the same on every Streamlit run); labels are escaped. It folds: a
    click on its title opens or closes it, and it starts folded on a narrow map
    (a phone), where it would hide the département."""

    _template = folium.template.Template("""
        {% macro script(this, kwargs) %}
        (function() {
          var map = {{ this._parent.get_name() }};
          var legend = L.control({position: {{ this.position|tojson }}});
          legend.onAdd = function() {
            var div = L.DomUtil.create("div", "pdc-legend");
            div.innerHTML = {{ this.content }};
            var box = div.querySelector("details");
            if (map.getSize().x < {{ this.narrow }}) { box.open = false; }
            L.DomEvent.disableClickPropagation(div);
            L.DomEvent.disableScrollPropagation(div);
            return div;
          };
          legend.addTo(map);
        })();
        {% endmacro %}""")

    def __init__(self, title: str, items: list[tuple[str, str]], position: str = "right"):
        super().__init__()
        self._name = "Legend"
        self.title = safe(title)
        self.items = [(safe(c), safe(label)) for c, label in items]
        self.position = "bottomleft" if position == "left" else "bottomright"
        self.narrow = NARROW_PX
        rows = "".join(f"<div><span class='pdc-swatch' style='background:{c}'></span>"
                       f"{label}</div>" for c, label in self.items)
        self.content = _js_json(f"<details open><summary>{self.title}</summary>"
                                f"{rows}</details>")


class FoldingLayerControl(folium.LayerControl):
    """The layer selector, open on a wide map and folded into its icon on a narrow
    one (a tap opens it). `open_wide=False`: folded everywhere."""

    _template = folium.template.Template("""
        {% macro script(this,kwargs) %}
            var {{ this.get_name() }}_layers = {
                base_layers : {
                    {%- for key, val in this.base_layers.items() %}
                    {{ key|tojson }} : {{val}},
                    {%- endfor %}
                },
                overlays :  {
                    {%- for key, val in this.overlays.items() %}
                    {{ key|tojson }} : {{val}},
                    {%- endfor %}
                },
            };
            let {{ this.get_name() }} = L.control.layers(
                {{ this.get_name() }}_layers.base_layers,
                {{ this.get_name() }}_layers.overlays,
                {{ this.options|tojavascript }}
            ).addTo({{this._parent.get_name()}});
            if ({{ this.open_wide|tojson }}
                && {{ this._parent.get_name() }}.getSize().x >= {{ this.narrow }}) {
              {{ this.get_name() }}.expand();
            }
        {% endmacro %}
        """)  # folium's own, plus the last `if`

    def __init__(self, open_wide: bool = True, **kwargs):
        super().__init__(collapsed=True, **kwargs)
        self.open_wide = open_wide
        self.narrow = NARROW_PX


class PlaceLabels(folium.map.Layer):
    """The arrondissements' names (spaced capitals) and the main towns (a dot and
    the name), in a pane above the polygons that never catches the mouse. Far out
    (a phone's whole-département view) only the arrondissements and their seats."""

    _template = folium.template.Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function() {
          var map = {{ this._parent.get_name() }}, d = {{ this.data }};
          if (!map.getPane("pdcLabels")) {
            var pane = map.createPane("pdcLabels");
            pane.style.zIndex = 620; pane.style.pointerEvents = "none";
          }
          var group = L.layerGroup();
          d.forEach(function(l) {
            var cls = "pdc-label pdc-" + l[3] + (l[4] ? " pdc-seat" : "");
            var html = (l[3] === "town" ? "<i></i>" : "") + "<span>" + l[0] + "</span>";
            group.addLayer(L.marker([l[1], l[2]], {pane: "pdcLabels", interactive: false,
                keyboard: false, icon: L.divIcon({className: cls, html: html, iconSize: null})}));
          });
          function far() {
            var z = map.getZoom(), c = map.getContainer().classList;
            c.toggle("pdc-far", z < 8.25); c.toggle("pdc-veryfar", z < 7.75);
          }
          map.on("zoomend", far); map.whenReady(far);
          return group;
        })();
        {% endmacro %}""")

    def __init__(self, dep: str | None = None, name: str = "Noms des lieux"):
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "PlaceLabels"
        self.data = _js_json([[safe(lb.nom), lb.lat, lb.lon,
                               "arr" if lb.kind == "arrondissement" else "town", lb.seat]
                              for lb in place_labels.labels(dep)])


# --- compact layers ------------------------------------------------------------------
# folium.GeoJson embeds spaced GeoJSON plus a per-feature style switch, and each folium
# CircleMarker its own block of JS: the overview map (887 communes, markers, areas)
# measured 420 KB that way. These layers embed each ring as integer deltas on the
# display grid, the markers as one array, and style in the browser: 222 KB.
# Every string they carry is escaped here (`safe`), the browser inserts it as HTML.

_JS_HELPERS = """
if (!window.pdcMap) { window.pdcMap = {
  rings: function(g, s) { return g.map(function(poly) { return poly.map(function(r) {
    var x = 0, y = 0, out = [];
    for (var i = 0; i < r.length; i += 2) { x += r[i]; y += r[i + 1]; out.push([y / s, x / s]); }
    return out; }); }); }
}; }
"""
POPUP_CSS = (".pdc th{text-align:left;padding-right:6px;vertical-align:top}"
             ".pdc td{white-space:pre-line}.leaflet-popup-content{max-height:320px;"
             "overflow-y:auto}")
HALO = "text-shadow:0 0 2px #fff,0 0 3px #fff,0 0 4px #fff,1px 1px 2px #fff"
MAP_CSS = (
    # legends: folded by a click on their title
    ".pdc-legend{background:#fff;padding:5px 8px;border:1px solid #999;border-radius:4px;"
    "font:12px/1.35 sans-serif;max-width:min(260px,44vw);max-height:60vh;overflow-y:auto}"
    ".pdc-legend summary{font-weight:bold;cursor:pointer;margin-bottom:3px}"
    ".pdc-legend details:not([open]) summary{margin-bottom:0}"
    ".pdc-swatch{display:inline-block;width:14px;height:10px;border:1px solid #777;"
    "margin-right:5px}"
    # place names: centred on their point; a town's dot on its town hall
    ".pdc-label{white-space:nowrap}.pdc-label span{position:absolute;left:0;top:0;"
    f"{HALO};color:#1e1e2e}}"
    ".pdc-arr span{transform:translate(-50%,-50%);font:600 11px sans-serif;"
    "letter-spacing:.14em;text-transform:uppercase;color:#3a3a5c}"
    ".pdc-town span{transform:translate(5px,-50%);font:12px sans-serif}"
    ".pdc-town.pdc-seat span{font-weight:bold}"
    ".pdc-town i{position:absolute;left:-3px;top:-3px;width:6px;height:6px;"
    "border-radius:50%;background:#1e1e2e;border:1px solid #fff}"
    ".pdc-found span{transform:translate(-50%,-50%);font:bold 15px sans-serif;color:#b00010}"
    ".pdc-far .pdc-town:not(.pdc-seat){display:none}"
    ".pdc-veryfar .pdc-arr{display:none}"
    # a territory cited in bloc catches the mouse on its dashed outline only: the
    # commune under the pointer keeps its name in the tooltip
    ".leaflet-pane>svg path.pdc-area.leaflet-interactive{pointer-events:visibleStroke}"
    # Leaflet's controls, readable on a phone
    ".leaflet-control-layers-list{font:13px/1.4 sans-serif}")
NARROW_PX = 600  # a map narrower than this (a phone) starts with its legends folded


def _js_json(data) -> str:
    """Compact JSON safe inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def encode_geometry(geom, precision: float = DISPLAY_PRECISION) -> list:
    """Polygons -> [[ring, hole...], ...], each ring [x0, y0, dx1, dy1, ...] in grid units."""
    scale = 1 / precision
    out = []
    for poly in shapely.get_parts(geom):
        if poly.geom_type != "Polygon" or poly.is_empty:
            continue
        rings = []
        for ring in (poly.exterior, *poly.interiors):
            xy = np.rint(np.asarray(ring.coords)[:-1, :2] * scale).astype(np.int64)
            if len(xy) < 3:
                continue
            deltas = np.vstack([xy[:1], np.diff(xy, axis=0)])
            rings.append(deltas.ravel().tolist())
        if rings:
            out.append(rings)
    return out


class PolygonLayer(folium.map.Layer):
    """Polygons, each with its own properties: `couleur` (fill, and stroke when
    `stroke_from_color`), `tooltip` and `popup` (escaped HTML), or `nom` and `valeur`
    shown under `title` (the choropleth's tooltip, built in the browser)."""

    _template = folium.template.Template("""
        {% macro script(this, kwargs) %}
        {{ this.helpers }}
        var {{ this.get_name() }} = L.featureGroup();
        function {{ this.get_name() }}_add(d) {
          var base = {{ this.style }}, over = {{ this.highlight }};
          d.features.forEach(function(f) {
            var q = f.properties, style = Object.assign({}, base);
            if (q.couleur) { style.fillColor = q.couleur; if (d.stroke) { style.color = q.couleur; } }
            var p = L.polygon(pdcMap.rings(f.g, d.scale), style);
            var tip = q.tooltip || (q.nom ? "<b>" + q.nom + "</b><br>" + d.title + " : " + q.valeur : "");
            if (tip) { p.bindTooltip(tip, {sticky: true}); }
            if (q.popup) { p.bindPopup(q.popup, {maxWidth: 380}); }
            if (over) {
              p.on("mouseover", function(e) { e.target.setStyle(over); e.target.bringToFront(); });
              p.on("mouseout", function(e) { e.target.setStyle(style); });
            }
            {{ this.get_name() }}.addLayer(p);
          });
        }
        {{ this.get_name() }}_add({{ this.data }});
        {% endmacro %}""")

    def __init__(self, features: list[dict], name: str, style: dict,
                 highlight: dict | None = None, title: str = "",
                 stroke_from_color: bool = False, show: bool = True, control: bool = True):
        super().__init__(name=name, overlay=True, control=control, show=show)
        self._name = "PolygonLayer"
        self.helpers = _JS_HELPERS
        # "features" first: same shape as folium's `<layer>_add({"features": ...});`
        self.data = _js_json({"features": features, "title": safe(title),
                              "stroke": stroke_from_color,
                              "scale": round(1 / DISPLAY_PRECISION)})
        self.style = _js_json(style)
        self.highlight = _js_json(highlight or None)


class PointLayer(JSCSSMixin, folium.map.Layer):
    """SVG circle markers (escaped tooltip and popup HTML), clustered when many."""

    _template = folium.template.Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function() {
          // SVG circles in a pane above the polygons that lets the mouse through
          // everywhere but on a circle (a canvas would catch it over the whole map
          // and hide the communes' names)
          var map = {{ this._parent.get_name() }};
          if (!map.getPane("pdcPoints")) {
            var pane = map.createPane("pdcPoints");
            pane.style.zIndex = 610; pane.style.pointerEvents = "none";
          }
          var d = {{ this.data }}, canvas = L.svg({padding: 0.5, pane: "pdcPoints"});
          var group = d.cluster ? L.markerClusterGroup({disableClusteringAtZoom: 11,
              showCoverageOnHover: false, maxClusterRadius: 40}) : L.featureGroup();
          d.p.forEach(function(p) {
            var m = L.circleMarker([p[0], p[1]], {renderer: canvas, pane: "pdcPoints",
                radius: 7, color: "#222", weight: 1, fillColor: d.palette[p[2]],
                fillOpacity: 0.95});
            m.bindTooltip(p[3]);
            if (p[4]) { m.bindPopup(p[4], {maxWidth: 380}); }
            group.addLayer(m);
          });
          return group;
        })();
        {% endmacro %}""")

    def __init__(self, points: list, palette: list[str], name: str, cluster: bool,
                 assets_base: str = assets.APP_URL):
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "PointLayer"
        self.data = _js_json({"p": points, "palette": palette, "cluster": cluster})
        if cluster:  # the plugin's files, served locally
            assets.localize(self, assets_base, cluster=True)


class PopupStyle(folium.MacroElement):
    """The popup tables' style, added once by the map's script."""
    _template = folium.template.Template("""
        {% macro script(this, kwargs) %}
        if (!document.getElementById({{ this.id|tojson }})) {
          var s = document.createElement("style"); s.id = {{ this.id|tojson }};
          s.textContent = {{ this.css }}; document.head.appendChild(s);
        }
        {% endmacro %}""")

    def __init__(self, css: str = POPUP_CSS, id: str = "pdc-style"):
        super().__init__()
        self._name = "PopupStyle"
        self.css = _js_json(css)
        self.id = id


class MapStyle(PopupStyle):
    """Legends, place names and territory outlines (MAP_CSS), added by `new_map`."""

    def __init__(self):
        super().__init__(MAP_CSS, "pdc-map-style")
        self._name = "MapStyle"


def _palette_index(colors) -> tuple[list[str], list[int]]:
    palette = list(dict.fromkeys(colors))
    lookup = {c: i for i, c in enumerate(palette)}
    return palette, [lookup[c] for c in colors]


def choropleth(m: folium.Map, level: str, values, column: str, title: str,
               scheme: str = "quantiles", k: int = 5, decimals: int = 0,
               dep: str | None = None, name: str | None = None) -> folium.Map:
    """Colour the units of `level` (communes, epci, arrondissements) by `values[column]`.

    `values` is a DataFrame indexed by code; units missing from it count as zero.
    Class breaks come from mapclassify (report.classes), zero is its own class.
    """

    geo = display_layer(level, dep)
    y = geo["code"].map(values[column]).fillna(0).astype(float)
    classes = classify(y.tolist(), scheme, k, decimals)
    features = [{"g": encode_geometry(g), "properties": {
                    "code": c, "nom": safe(n), "valeur": format_number(v, decimals),
                    "couleur": classes.color(v)}}
                for g, c, n, v in zip(geo.geometry.values, geo["code"], geo["nom"], y)]
    PolygonLayer(features, name or title, title=title,
                 style={"color": "#6b6b80", "weight": 0.5 if level == "communes" else 1,
                        "fillOpacity": 0.85},
                 highlight={"weight": 2.5, "color": "#000"}).add_to(m)
    Legend(title, classes.legend()).add_to(m)
    return m


def add_borders(m: folium.Map, dep: str | None = None) -> folium.Map:
    """Arrondissement borders, drawn above the choropleth and not interactive."""
    arr = display_layer("arrondissements", dep)
    features = [{"g": encode_geometry(g), "properties": {}} for g in arr.geometry.values]
    PolygonLayer(features, "Arrondissements",
                 style={"color": BORDER, "weight": 2, "fill": False, "interactive": False},
                 ).add_to(m)
    return m


def add_markers(m: folium.Map, points, name: str = "Initiatives", cluster: bool = True,
                assets_base: str = assets.APP_URL) -> folium.Map:
    """Canvas circle markers coloured by category; clustered when more than 30.

    `points` rows need lat, lon, color, tooltip (plain text, escaped here) and popup
    (HTML built with `tooltip_html`, which escapes every value).
    """
    palette, index = _palette_index(list(points["color"]))
    rows = [[round(p.lat, 5), round(p.lon, 5), i, safe(p.tooltip), p.popup]
            for p, i in zip(points.itertuples(), index)]
    PointLayer(rows, palette, name, cluster and len(rows) > 30, assets_base).add_to(m)
    PopupStyle().add_to(m)
    return m


def add_areas(m: folium.Map, areas: gpd.GeoDataFrame, name: str = "Territoires") -> folium.Map:
    """Initiatives placed on a territory (calaisis, an EPCI...) drawn as dashed areas,
    not as fake points. `areas` rows need geometry, color and tooltip (plain text);
    an optional popup column holds HTML built with `tooltip_html`."""
    popups = areas["popup"] if "popup" in areas else [None] * len(areas)
    features = [{"g": encode_geometry(g), "properties": {"couleur": c, "tooltip": safe(t),
                                                          "popup": p}}
                for g, c, t, p in zip(areas.geometry.values, areas["color"],
                                      areas["tooltip"], popups)]
    PolygonLayer(features, name, stroke_from_color=True,
                 style={"weight": 2.5, "dashArray": "6 4", "fillOpacity": 0.12,
                        "className": "pdc-area"},
                 highlight={"weight": 3.5, "fillOpacity": 0.25}).add_to(m)
    PopupStyle().add_to(m)
    return m


# --- a commune found by name ------------------------------------------------------------

SEARCH_PX = 320  # the commune's extent fits in this many pixels


def commune_choices(dep: str | None = None) -> dict[str, str]:
    """Code -> `Nom (code)`, sorted by name, for a search box."""
    com = reference.layer("communes", dep).sort_values("nom")
    return {c: f"{n} ({c})" for c, n in zip(com["code"], com["nom"])}


def commune_view(code: str, dep: str | None = None) -> tuple[list[float], int]:
    """([lat, lon], zoom) that frames the commune: its bounds fit in SEARCH_PX pixels."""
    com = reference.layer("communes", dep)
    geom = com.loc[com["code"] == code].geometry.iloc[0]
    minx, miny, maxx, maxy = geom.bounds
    lat = (miny + maxy) / 2
    metres = max((maxx - minx) * 111_320 * np.cos(np.radians(lat)), (maxy - miny) * 110_574,
                 500)
    zoom = np.log2(156_543.03 * np.cos(np.radians(lat)) * SEARCH_PX / metres)
    return [round(lat, 5), round((minx + maxx) / 2, 5)], int(np.clip(np.floor(zoom), 9, 14))


def commune_outline(code: str, dep: str | None = None) -> folium.FeatureGroup:
    """The commune's outline, drawn over the map (never catching the mouse)."""
    com = display_layer("communes", dep)
    row = com.loc[com["code"] == code].iloc[0]
    group = folium.FeatureGroup(name=f"Commune recherchée : {row['nom']}", control=False)
    for poly in shapely.get_parts(row.geometry):
        folium.Polygon([(y, x) for x, y in poly.exterior.coords], color="#e1000f", weight=4,
                       fill=False, interactive=False).add_to(group)
    spot = row.geometry.representative_point()
    folium.Marker([spot.y, spot.x], interactive=False, keyboard=False, icon=folium.DivIcon(
        html=f"<span>{safe(row['nom'])}</span>", class_name="pdc-label pdc-found",
        icon_size=None)).add_to(group)
    return group
