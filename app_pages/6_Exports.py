"""Exports : données, graphiques, cartes et note de synthèse, filtrés comme à l'écran (issue 7).

Files are built when their button is clicked (`data=callable`) and cached per
filters and store version, so the page itself stays fast (see `ui.exports_view`).
"""
import streamlit as st

from report import sources
from ui import cache, exports_view, widgets
from ui.filters import sidebar

widgets.page("Exports")
cache.ensure_assets()
filters = sidebar()
cited = cache.sources_cited(filters)
day = sources.situation_date(cited)

st.title("Exports")
exports_view.header(cited, day)
data_tab, chart_tab, map_tab, brief_tab = st.tabs(
    ["Données", "Graphiques", "Carte", "Note de synthèse"])
with data_tab:
    exports_view.data(filters, day)
with chart_tab:
    exports_view.chart(filters, day)
with map_tab:
    exports_view.map_files(filters, day)
with brief_tab:
    exports_view.briefing(filters, day)
