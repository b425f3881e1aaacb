"""The generated Leaflet pages: offline, compact, escaped (issues 2 and 5)."""
import json
import re

import pandas as pd
import pytest

from report import assets, maps
from report.classes import ZERO_COLOR, classify

HOSTILE = "<img src=x onerror=alert(1)>`${alert(2)}`\\"


@pytest.fixture(scope="module")
def base_html():
    return maps.to_html(maps.base_map("62"))


def _features(html: str) -> list[dict]:
    # each GeoJson layer is embedded as `<name>_add({...});`
    return [json.loads(m) for m in re.findall(r"_add\((\{\"features\".*?\})\);\n", html)]


def test_base_map_has_no_cdn_and_no_tiles(base_html):
    assert not re.search(r"(src|href)=\"https?://", base_html)
    assert "tileLayer" not in base_html
    assert '<script src="/app/static/vendor/leaflet.js">' in base_html


def test_base_map_draws_887_communes_compactly(base_html):
    layers = _features(base_html)
    communes = next(layer for layer in layers if len(layer["features"]) == 887)
    codes = {f["properties"]["code"] for f in communes["features"]}
    assert len(codes) == 887 and all(c.startswith("62") for c in codes)
    assert len(base_html.encode()) < 400_000


def test_installed_assets_exist(tmp_path):
    out = assets.install(tmp_path)
    for _, name in assets.FILES.values():
        assert (out / name).stat().st_size > 500
    assert (out / "images" / "layers.png").exists()


def test_standalone_map_inlines_leaflet():
    html = maps.standalone_html(maps.base_map("62"))
    assert "/app/static" not in html
    assert "L.map(" in html and "Leaflet" in html  # the library's own text is inside


def test_hostile_text_is_escaped_in_markers_and_legend():
    m = maps.new_map("62")
    points = pd.DataFrame([{"lat": 50.95, "lon": 1.85, "color": "#1b9e77", "tooltip": HOSTILE,
                            "popup": maps.tooltip_html([("Acteur", HOSTILE)])}])
    maps.add_markers(m, points)
    maps.choropleth(m, "arrondissements", pd.DataFrame({"n": [1]}, index=["626"]), "n", HOSTILE)
    html = maps.to_html(m)
    assert "<img src=x" not in html and "\\u003cimg" not in html
    assert "${alert" not in html and "`${" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_choropleth_zero_class_and_legend():
    m = maps.new_map("62")
    values = pd.DataFrame({"n": [5, 1]}, index=["627", "626"])
    maps.choropleth(m, "arrondissements", values, "n", "Initiatives")
    html = maps.to_html(m)
    layer = next(f for f in _features(html) if len(f["features"]) == 7)
    colors = {f["properties"]["code"]: f["properties"]["couleur"] for f in layer["features"]}
    assert colors["621"] == ZERO_COLOR and colors["627"] != ZERO_COLOR
    assert "0 (aucune)" in html


def test_classify_breaks():
    c = classify([0, 0, 1, 2, 3, 10], "quantiles", k=3)
    assert c.color(0) == ZERO_COLOR
    assert c.color(10) == c.colors[-1]
    assert c.labels[0] == "0 (aucune)" and len(c.labels) == len(c.bins) + 1
    assert classify([0, 0]).bins == ()


def test_scale_bar_in_kilometres_only(base_html):
    scales = re.findall(r"L\.control\.scale\(([^)]*)\)", base_html)
    assert scales == ["{imperial: false, metric: true}"]  # one bar, no miles


@pytest.mark.parametrize("values", [[1] * 20 + [2] * 5 + [3] * 2, [1, 1, 1, 2, 3, 3],
                                    [0, 0, 1, 2, 3, 10], list(range(1, 40, 3))])
@pytest.mark.parametrize("scheme", ["quantiles", "natural_breaks", "equal_interval"])
def test_count_classes_read_in_order(values, scheme):
    """A legend of counts never says "2 à 1": whole bounds, increasing, each count
    coloured by the class its label names."""
    c = classify(values, scheme, k=5)
    ranges = []
    for label in c.labels[1:]:
        low, _, high = label.partition(" à ")
        ranges.append((int(low), int(high or low)))
    assert all(a <= b for a, b in ranges)
    assert all(b1 < a2 for (_, b1), (a2, _) in zip(ranges, ranges[1:]))
    for v in values:
        if v:
            i = c.colors.index(c.color(v))
            assert ranges[i][0] <= v <= ranges[i][1], (v, c.labels)


# --- maps that say where (issue 11, item 5) -------------------------------------------

def test_place_names_arrondissements_and_main_towns():
    from report import place_labels
    labels = place_labels.labels("62")
    arr = [lb.nom for lb in labels if lb.kind == "arrondissement"]
    towns = [lb.nom for lb in labels if lb.kind == "town"]
    assert sorted(arr) == sorted(["Arras", "Béthune", "Boulogne-sur-Mer", "Montreuil",
                                  "Saint-Omer", "Calais", "Lens"])
    assert {"Calais", "Arras", "Lens", "Montreuil-sur-Mer"} <= set(towns)
    assert len(towns) <= place_labels.MAX_TOWNS and "Liévin" not in towns  # 4 km from Lens


def test_interactive_map_labels_folding_legends_and_hover_through(base_html):
    m = maps.new_map("62")
    maps.add_markers(m, pd.DataFrame([{"lat": 50.95, "lon": 1.85, "color": "#1b9e77",
                                       "tooltip": "x", "popup": ""}]))
    maps.Legend("Catégories", [("#1b9e77", "aide")]).add_to(m)
    maps.FoldingLayerControl().add_to(m)
    html = maps.to_html(m)
    assert "Boulogne-sur-Mer" in html and 'createPane("pdcLabels")' in html
    assert "<details open><summary>Catégories" in html.replace("\\u003c", "<").replace(
        "\\u003e", ">") and "box.open = false" in html  # folded on a narrow map
    assert '"collapsed": true' in html and ".expand()" in html
    # the points never catch the mouse outside their circles (no canvas over the map)
    assert "L.canvas(" not in html and 'pane.style.pointerEvents = "none"' in html
    assert "pointer-events:visibleStroke" in html  # territories: on their outline only


def test_commune_view_frames_the_commune():
    (lat, lon), zoom = maps.commune_view("62893")  # Wimereux
    assert abs(lat - 50.77) < 0.05 and abs(lon - 1.62) < 0.05 and 11 <= zoom <= 14
    assert maps.commune_choices("62")["62893"] == "Wimereux (62893)"
    m = maps.new_map("62")
    maps.commune_outline("62893").add_to(m)
    html = maps.to_html(m)
    assert "pdc-found" in html and "\\u003cspan\\u003eWimereux" in html
