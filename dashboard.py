"""Tableau de bord : `streamlit run dashboard.py`."""
import streamlit as st
from streamlit_folium import st_folium

from initiatives.formatting import format_number
from ui import cache

st.set_page_config(page_title="Pas-de-Calais solidaire", page_icon="🤝", layout="wide")
cache.ensure_assets()
dep = cache.departement()
summary = cache.summary(dep)

st.title("Pas-de-Calais solidaire : tableau de bord")
cols = st.columns(4)
cols[0].metric("Communes", format_number(summary["communes"]))
cols[1].metric("Population", format_number(summary["population"]))
cols[2].metric("Superficie", f"{format_number(summary['area_km2'])} km²")
cols[3].metric("Intercommunalités", format_number(summary["epci"]))

st_folium(cache.base_map(dep), height=620, use_container_width=True,
          returned_objects=[], key="carte-base")
