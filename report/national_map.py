"""The map of France in national mode: one polygon per département (about 100, light),
coloured by its initiatives. The communes of a département are drawn only once it is
chosen (the app then shows that département as in the one-département mode)."""
from __future__ import annotations

import folium
import pandas as pd

from geo import reference
from report import assets, maps

TITLES = {"initiatives": "Initiatives par département",
          "per_10k": "Initiatives pour 10 000 hab. par département"}


def bounds(metropole_only: bool = True) -> list[list[float]]:
    """The frame: metropolitan France and Corsica (overseas départements are far off)."""
    deps = reference.departements()
    if metropole_only:
        deps = deps[~deps["code"].str.startswith("97")]
    minx, miny, maxx, maxy = deps.total_bounds
    return [[miny, minx], [maxy, maxx]]


def national_map(counts: pd.DataFrame, measure: str = "initiatives",
                 scheme: str = "quantiles", k: int = 5,
                 assets_base: str = assets.APP_URL) -> folium.Map:
    """Choropleth of `counts` (`initiatives.national.counts_by_departement`)."""
    m = folium.Map(tiles=None, zoom_snap=0.25, min_zoom=4, max_zoom=11)
    maps.MetricScale().add_to(m)
    m.options.update(minZoom=4, maxZoom=11)
    assets.localize(m, assets_base)
    m.default_js = [js for js in m.default_js if js[0] != "jquery"]
    m.fit_bounds(bounds())
    maps.MapStyle().add_to(m)
    maps.choropleth(m, "departements", counts.set_index("code"), measure, TITLES[measure],
                    scheme, k, 1 if measure == "per_10k" else 0, reference.NATIONAL)
    maps.FoldingLayerControl(open_wide=False).add_to(m)
    return m
