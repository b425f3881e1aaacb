"""Couverture : où personne n'est signalé, et quelles mairies appeler (issue 6).

The category is the sidebar's (shared by every page); figures, the situation date
and the call list come from `initiatives.coverage`."""
import streamlit as st
from streamlit_folium import st_folium

from geo.levels import LABELS, LEVELS
from report import gaps as report
from ui import cache, coverage_view, widgets
from ui.filters import sidebar

widgets.page("Couverture")
cache.ensure_assets()
filters = sidebar()
dep = cache.departement()

st.title("Couverture : où n'y a-t-il personne ?")
st.info(report.CAVEAT, icon="ℹ️")

level = st.radio("Niveau", LEVELS, format_func=LABELS.get, horizontal=True,
                 key="couverture_niveau")
commune_only = st.toggle(
    "Seulement les initiatives situées dans la commune même",
    help="Sans les initiatives annoncées pour tout un territoire "
         "(le calaisis, une intercommunalité, un arrondissement).",
    key="couverture_commune")

g = cache.coverage_gaps(filters, level, commune_only)
coverage_view.figures(g, filters)
if level != "commune":
    st.subheader(f"{LABELS[level]} : part nommée, de la plus faible à la plus forte")
    coverage_view.shares(g)
st_folium(cache.gap_map(filters, level, commune_only), height=600,
          use_container_width=True, returned_objects=[], key=f"carte-couverture-{level}")
coverage_view.uncovered(g)
coverage_view.schemes(g)
coverage_view.calls(g, dep)
