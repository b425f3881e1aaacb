"""Static choropleths (PNG, PDF) and the standalone interactive map (HTML)."""
from __future__ import annotations

import io
import re

import pytest
from PIL import Image
from pypdf import PdfReader

from initiatives.filters import Filters
from report import static_map
from tests.helpers.export_samples import sample_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return sample_store(tmp_path_factory.mktemp("maps") / "s.sqlite")


def test_png_map_size(store):
    png = static_map.choropleth(store, Filters(), "commune", fmt="png")
    width, height = Image.open(io.BytesIO(png)).size
    assert width >= 1200 and height >= 1000


def test_pdf_map_has_title_legend_scale_and_sources(store):
    pdf = static_map.choropleth(store, Filters(), "arrondissement", per_10k=True, fmt="pdf")
    reader = PdfReader(io.BytesIO(pdf))
    text = reader.pages[0].extract_text()
    for expected in ("Initiatives solidaires pour 10 000 habitants par arrondissement",
                     "Initiatives nommées pour 10 000 habitants",
                     "km", "N", "Source : communiqués de la préfecture du Pas-de-Calais",
                     "situation au 7 mai 2020", "IGN"):
        assert expected in text, expected


def test_values_follow_the_level_and_filters(store):
    series, title = static_map.values(store, Filters(), "commune")
    assert len(series) == 887 and series["62548"] >= 2 and title == "Initiatives nommées"
    per, title = static_map.values(store, Filters(), "epci", per_10k=True)
    assert title == "Initiatives nommées pour 10 000 habitants" and per.max() > 0
    food, _ = static_map.values(store, Filters(categories=("aide alimentaire",)), "commune")
    assert food["62548"] == 0 and food["62498"] == 1


def test_interactive_map_is_standalone(store):
    html = static_map.interactive_html(store, Filters(), "epci").decode("utf-8")
    # Leaflet inlined: no script or stylesheet fetched from a CDN (its own attribution
    # link to leafletjs.com is text, not a load)
    assert not re.search(r"<(script|link)[^>]*(src|href)=\"https?://", html)
    assert "L.map(" in html and "L.tileLayer(" not in html  # no web tiles
    assert "Initiatives solidaires par intercommunalité" in html
    assert "situation au 7 mai 2020" in html


def test_unknown_level_or_format(store):
    with pytest.raises(ValueError, match="Niveau inconnu"):
        static_map.choropleth(store, Filters(), "canton")
    with pytest.raises(ValueError, match="Format inconnu"):
        static_map.choropleth(store, Filters(), "commune", fmt="jpg")


def test_static_map_names_the_places():
    """The PNG/PDF map names the arrondissements and the main towns (issue 11, item 5)."""
    import matplotlib.pyplot as plt
    import pandas as pd
    fig = static_map.figure(pd.Series(dtype=float), "t", "l", "", dep="62")
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert {"Calais", "Arras", "Lens", "Montreuil-sur-Mer"} <= texts
    assert "B O U L O G N E - S U R - M E R" in texts
    plt.close(fig)
