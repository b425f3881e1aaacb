"""The pages' initiatives map as generated Leaflet code (issue 5): compact, offline,
every commune drawn, markers and territory areas from the store, untrusted text
escaped, and the same script on every Streamlit run of a cached map."""
from __future__ import annotations

import json
import re

import numpy as np
import pytest
import shapely
import streamlit_folium
from streamlit_folium import _get_map_string, generate_js_hash

from initiatives import metrics
from initiatives.filters import Filters
from initiatives.formatting import format_number
from initiatives.model import Initiative, Place, Quantity
from initiatives.store import open_store
from report import initiatives_map as map_data, maps
from ui import widgets
from ui.widgets import settle_map

HOSTILE = "<img src=x onerror=alert(1)>`${alert(2)}`\\"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = open_store(tmp_path_factory.mktemp("map") / "store.sqlite")  # from the seed
    s.add_manual(Initiative(
        release_id="", actor=HOSTILE, actor_type="association", category="aide alimentaire",
        excerpt=HOSTILE, places=[Place(query="Arras", code="62041", nom="Arras",
                                       level="commune", departement="62", inside=True)],
        quantities=[Quantity("repas", 10, "unités", "done", sentence=HOSTILE)]))
    return s


@pytest.fixture(scope="module")
def html(store):
    return maps.to_html(map_data.build_map(store, Filters(), "62"))


def layers(html: str) -> list[dict]:
    return [json.loads(m) for m in re.findall(r"_add\((\{\"features\".*?\})\);\n", html)]


def test_overview_map_is_offline_and_compact(html):
    assert not re.search(r"(src|href)=\"https?://", html)
    assert "tileLayer" not in html and "jquery" not in html
    assert len(html.encode()) < 400_000


def test_every_commune_is_coloured_with_its_count(html, store):
    communes = next(lay for lay in layers(html) if len(lay["features"]) == 887)
    values = {f["properties"]["code"]: f["properties"]["valeur"] for f in communes["features"]}
    # coloured by the initiatives naming the commune: a territory cited in bloc is drawn
    # apart (dashed areas), its communes are not counted as named
    counts = metrics.counts_per_unit(store, Filters(), "commune", dep="62", commune_only=True)
    expected = {c: format_number(n) for c, n in zip(counts["code"], counts["initiatives"])}
    assert values == expected and len(set(values.values())) > 2
    for code in metrics.territory_only(store, Filters(), "62"):
        assert values[code] == "0"
    assert "Initiatives nommées par commune" in html  # the legend


def test_markers_and_territory_areas(store, html):
    inis = store.initiatives()
    cited = map_data.citations(store)
    points = map_data.points(inis, cited, "62")
    assert len(points) >= 20 and points["color"].notna().all()
    zones = map_data.areas(inis, cited, "62")
    assert len(zones) >= 1 and zones.geometry.is_valid.all()
    assert "chelle d\\u0027un territoire" in html and "Catégories" in html  # layer, legend


def test_untrusted_text_is_escaped(html):
    assert "<img src=x" not in html and "\\u003cimg" not in html
    assert "${alert" not in html and "`${" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_encoded_rings_decode_back_to_the_display_grid():
    geom = maps.display_layer("communes", "62").geometry.iloc[0]
    encoded = maps.encode_geometry(geom)
    ring = np.cumsum(np.asarray(encoded[0][0]).reshape(-1, 2), axis=0) / 1e4
    exterior = np.asarray(shapely.get_parts(geom)[0].exterior.coords)[:-1]
    assert np.allclose(ring, exterior, atol=1e-9)


@pytest.mark.parametrize("options", [
    map_data.MapOptions(),
    map_data.MapOptions(level="epci", measure="per_10k", scheme="natural_breaks", k=4),
    map_data.MapOptions(level="arrondissement", markers=False, areas=False, tiles=True),
])
def test_a_settled_map_gives_st_folium_the_same_script_every_run(store, options):
    m = settle_map(map_data.build_map(store, Filters(), "62", options))
    scripts = []
    for _ in range(3):
        m.render()
        scripts.append(_get_map_string(m))
    assert len({generate_js_hash(s, "k") for s in scripts}) == 1
    assert not re.search(r"[a-z_]+_[0-9a-f]{32}\b", scripts[-1])  # no stale element name


@pytest.mark.parametrize("focus", [None, "62041"])
def test_show_map_sends_what_st_folium_would_on_every_run(store, monkeypatch, focus):
    """`show_map` renders a cached map once and calls st_folium's component itself (no
    new rendering on each run): the same arguments as st_folium's own call, the commune
    outline of a search included."""
    sent = []
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kw: sent.append(kw))
    m = settle_map(map_data.build_map(store, Filters(), "62"))
    center, zoom = maps.commune_view(focus, "62") if focus else (None, None)
    outline = maps.commune_outline(focus, "62") if focus else None
    streamlit_folium.st_folium(m, key="k", height=560, use_container_width=True,
                               returned_objects=[], render=False, center=center, zoom=zoom,
                               feature_group_to_add=outline)
    expected = sent.pop()
    if outline is not None:  # st_folium leaves it on the map
        m._children.pop(outline.get_name())
    for _ in range(2):
        widgets.show_map(m, key="k", height=560, focus=focus, dep="62")
        got = sent.pop()
        assert set(got) == set(expected)
        assert {k: v for k, v in got.items() if k != "on_change"} == \
            {k: v for k, v in expected.items() if k != "on_change"}
    assert len(m._rendered["script"]) > 100_000
    assert not any(name.startswith("feature_group") for name in m._children)
