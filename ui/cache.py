"""Streamlit caching wrappers around the domain and report layers.

The only module (with the pages) that imports streamlit: `geo/`, `initiatives/`
and `report/` stay usable from commands and tests.
"""
from __future__ import annotations

import streamlit as st

import config
from geo import reference
from report import assets, maps


@st.cache_resource(show_spinner=False)
def ensure_assets() -> str:
    """Leaflet served from static/vendor (installed by `make`, repaired here if missing)."""
    return str(assets.install())


@st.cache_data(show_spinner=False)
def summary(dep: str) -> dict:
    return reference.summary(dep)


@st.cache_resource(show_spinner=False)
def base_map(dep: str):
    """The stable base map: built once per process, same key on every run."""
    return maps.base_map(dep)


def departement() -> str:
    return config.departement()
