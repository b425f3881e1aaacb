"""Tableau de bord, the overview (the default page of `streamlit run dashboard.py`).

The picture in ten seconds: key figures (with where each comes from), the map, what
changed, coverage, who does what where, and the releases everything is read from.
A session's first paint is the figures and the map; the filters' widgets and the rest
come once the map is drawn (`widgets.first_paint`).
"""
import streamlit as st

import config
from report import charts
from ui import cache, coverage_view, national_view, tables, widgets
from ui.filters import pending, sidebar

widgets.page("Tableau de bord")
cache.ensure_assets()
first = widgets.first_paint() and not config.is_national()  # a département's choice first
filters = pending() if first else sidebar(national=True)
if cache.national():  # DEPARTEMENT=FR, no département chosen: the départements
    national_view.page(filters, "tableau de bord", "carte-france-apercu")
    st.stop()

st.title(f"{cache.app_name()} : tableau de bord")
st.caption("Initiatives solidaires face au Covid-19, lues dans les communiqués de presse "
           "de la préfecture. Les filtres sont dans la barre latérale ; le lien de la page "
           "les conserve.")
if not first:  # kept for the full run, which would not show it again
    widgets.flash()

widgets.key_figures(cache.key_figures(filters), filters)
labels = widgets.release_labels(cache.releases())
widgets.figure_sources(None if first else cache.totals(filters), labels)

st.subheader("Carte des initiatives")
widgets.show_map(cache.initiatives_map(filters), key="carte-apercu", height=560,
                 on_drawn=widgets.map_drawn if first else None)
st.caption("Couleur : nombre d'initiatives nommant la commune. Les territoires cités en "
           "bloc (calaisis, intercommunalité…) sont dessinés à part, en pointillés et en "
           "teinte légère : leurs communes ne sont pas comptées comme nommées. Points : "
           "initiatives nommant une commune, par catégorie. Plus d'options sur la page Carte.")
if first:
    widgets.rest_pending()
    st.stop()

st.subheader("Ce qui a changé")
widgets.changes(cache.changes(filters, widgets.changes_since(cache.releases())), labels)

st.subheader("Couverture par arrondissement, du plus faible au plus fort")
coverage_view.shares(cache.coverage_gaps(filters, "arrondissement"))

st.subheader("Qui fait quoi, où")
matrix = cache.counts_by(filters, by="arrondissement", columns="category")
st.altair_chart(charts.category_matrix(charts.matrix_data(matrix)), width="stretch")
with st.expander("Voir le tableau"):
    st.dataframe(tables.matrix_frame(matrix), hide_index=True, width="stretch")
st.caption("Nombre d'initiatives touchant chaque arrondissement, par catégorie ; une "
           "initiative à l'échelle d'un territoire compte dans chaque arrondissement couvert.")

st.subheader("Sources")
widgets.sources_table(cache.sources_cited(filters))
