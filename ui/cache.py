"""Streamlit caching wrappers around the domain and report layers.

The only module (with the pages and `ui.filters`) that imports streamlit:
`geo/`, `initiatives/` and `report/` stay usable from commands and tests.
Cached results are keyed on the store's version, so a write (review, import)
shows at once.
"""
from __future__ import annotations

import hashlib

import streamlit as st

import config
from geo import reference
from initiatives import metrics
from initiatives.filters import Filters
from initiatives.store import open_store
from report import assets, maps


def departement() -> str:
    return config.departement()


@st.cache_resource(show_spinner=False)
def ensure_assets() -> str:
    """Leaflet served from static/vendor (installed by `make`, repaired here if missing)."""
    return str(assets.install())


@st.cache_resource(show_spinner="Ouverture de la base des initiatives…")
def _store(path: str):
    return open_store(path)


def store():
    """The store at INITIATIVES_DB, created from the reviewed seed on first run."""
    return _store(str(config.initiatives_db()))


def version() -> int:
    """Changes whenever the store is written (SQLite file modification time and size),
    and differs between two stores (tests and sessions may open several databases in
    one process: the cache must not hand one store's figures to another)."""
    path = config.initiatives_db()
    stat = path.stat() if path.exists() else None
    key = f"{path.resolve()}|{stat.st_mtime_ns if stat else 0}|{stat.st_size if stat else 0}"
    return int(hashlib.sha1(key.encode()).hexdigest()[:15], 16)


def clear() -> None:
    """After a write: drop cached figures (the version key also changes)."""
    st.cache_data.clear()


@st.cache_data(show_spinner=False)
def summary(dep: str) -> dict:
    return reference.summary(dep)


@st.cache_data(show_spinner=False)
def arrondissement_names(dep: str) -> dict[str, str]:
    arr = reference.arrondissements(dep)
    return dict(zip(arr["code"], arr["nom"]))


# NB: the version is a plain (hashed) parameter: streamlit leaves `_`-prefixed ones
# out of the cache key, which would keep stale figures after a write.
@st.cache_data(show_spinner=False)
def _releases(store_version: int) -> list[dict]:
    return [{"id": r.id, "label": r.label, "date": r.date, "title": r.title, "source": r.source}
            for r in sorted(store().releases(), key=lambda r: (r.date is None, r.date, r.id))]


def releases() -> list[dict]:
    return _releases(version())


@st.cache_data(show_spinner=False)
def _metric(name: str, filters: Filters, dep: str, store_version: int, kwargs: tuple):
    return getattr(metrics, name)(store(), filters, **dict(kwargs), dep=dep)


def metric(name: str, filters: Filters, **kwargs):
    """A function of `initiatives.metrics`, cached per filters and store version."""
    return _metric(name, filters, departement(), version(), tuple(sorted(kwargs.items())))


@st.cache_resource(show_spinner=False)
def base_map(dep: str):
    """The stable base map: built once per process, same key on every run."""
    return maps.base_map(dep)


# --- coverage page (issue 6); the store version is a hashed argument on purpose ---

@st.cache_data(show_spinner="Calcul de la couverture…", max_entries=64)
def _gaps(filters: Filters, category, level: str, commune_only: bool, dep: str,
          store_version: int):
    from initiatives import coverage
    return coverage.gaps(store(), filters, category, level, commune_only, dep)


def gaps(filters: Filters, category=None, level: str = "commune", commune_only: bool = False):
    return _gaps(filters, category, level, commune_only, departement(), version())


@st.cache_resource(show_spinner="Dessin de la carte…", max_entries=16)
def _gap_map(filters: Filters, category, level: str, commune_only: bool, dep: str,
             store_version: int):
    from report.gaps import gap_map
    return gap_map(_gaps(filters, category, level, commune_only, dep, store_version), dep)


def gap_map(filters: Filters, category=None, level: str = "commune",
            commune_only: bool = False):
    """A copy of the gap map built once per choice. st_folium alters the map it draws:
    the same object drawn again breaks in the browser ("geo_json_… is not defined")."""
    import copy
    return copy.deepcopy(_gap_map(filters, category, level, commune_only, departement(),
                                  version()))


# --- initiatives map, store reads and writes (issue 5) ------------------------------

@st.cache_resource(show_spinner="Dessin de la carte…", max_entries=24)
def _initiatives_map(filters: Filters, options, dep: str, store_version: int):
    from report.initiatives_map import build_map
    from ui.widgets import settle_map
    return settle_map(build_map(store(), filters, dep, options))


def initiatives_map(filters: Filters, options=None):
    """The initiatives map (choropleth, areas, markers) per filters, options and version."""
    from report.initiatives_map import MapOptions
    return _initiatives_map(filters, options or MapOptions(), departement(), version())


@st.cache_data(show_spinner=False)
def commune_choices(dep: str) -> dict[str, str]:
    """INSEE code -> `Nom (code)` for the commune pickers, sorted by name."""
    from geo import reference
    com = reference.communes(dep).sort_values("nom")
    return {c: f"{n} ({c})" for c, n in zip(com["code"], com["nom"])}


# --- exports page (issue 7): files built once per filters, options and store version ---

@st.cache_data(show_spinner="Préparation du fichier…", max_entries=32)
def _export(module: str, function: str, filters: Filters, dep: str, store_version: int,
            kwargs: tuple) -> bytes:
    import importlib
    build = getattr(importlib.import_module(f"report.{module}"), function)
    return build(store(), filters, dep=dep, **dict(kwargs))


def export(module: str, function: str, filters: Filters, **kwargs) -> bytes:
    """The bytes of a `report` export, e.g. `export("static_map", "choropleth", f, fmt="png")`."""
    return _export(module, function, filters, departement(), version(),
                   tuple(sorted(kwargs.items())))
