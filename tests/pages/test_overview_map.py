"""The pages' initiatives map as generated Leaflet code (issue 5): compact, offline,
every commune drawn, markers and territory areas from the store, untrusted text
escaped, and the same script on every Streamlit run of a cached map."""
from __future__ import annotations

import json
import re

import numpy as np
import pytest
import shapely
from streamlit_folium import _get_map_string, generate_js_hash

from initiatives import metrics
from initiatives.filters import Filters
from initiatives.formatting import format_number
from initiatives.model import Initiative, Place, Quantity
from initiatives.store import open_store
from report import initiatives_map as map_data, maps
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
