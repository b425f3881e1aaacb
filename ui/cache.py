"""Streamlit caching wrappers around the domain and report layers: one small, typed,
named function per cached call, so a typo fails at import and a reader can jump to
the function behind it.

The only module (with the pages and `ui.filters`) that imports streamlit:
`geo/`, `initiatives/` and `report/` stay usable from commands and tests.
Cached results are keyed on the store's version, so a write (review, import)
shows at once. Below them, the domain reads the store once per data version into
columns (`initiatives.frames.frames_of`, kept on the store object this module holds
for the process): every figure of every page is a grouped operation on those frames.
"""
from __future__ import annotations

import copy
import functools
import hashlib
from collections.abc import Callable

import folium
import pandas as pd
import streamlit as st

import config
from geo import reference
from initiatives import changes as changes_since, coverage, metrics, national as by_departement
from initiatives.changes import Changes
from initiatives.coverage import Gaps
from initiatives.filters import Filters
from initiatives.metrics import Goals, KeyFigures
from initiatives.store import StoreFault, open_store
from report import assets, briefing, chart_export, export_data, gaps, maps, sources, static_map
from report.initiatives_map import MapOptions, build_map
from report.national_map import national_map as build_national_map
from ui.widgets import settle_map

CHOSEN = "_departement"  # national mode: the département chosen in the sidebar


def departement() -> str:
    """The setting; in national mode (`DEPARTEMENT=FR`), the département chosen in the
    sidebar (`ui.filters`), else `FR` (the whole of France)."""
    dep = config.departement()
    if config.is_national(dep):
        return st.session_state.get(CHOSEN) or dep
    return dep


def national() -> bool:
    """National mode with no département chosen: départements, never communes."""
    return config.is_national(departement())


@st.cache_data(show_spinner=False)
def departement_names() -> dict[str, str]:
    """National mode: code -> `Nord (59)` of every département, in code order."""
    deps = reference.departements().sort_values("code")
    return {c: f"{n} ({c})" for c, n in zip(deps["code"], deps["nom"])}


def app_name() -> str:
    """`Pas-de-Calais solidaire`, from the reference data (the département is a setting)."""
    return sources.app_name(departement())


@st.cache_resource(show_spinner=False)
def ensure_assets() -> str:
    """Leaflet served from static/vendor (installed by `make`, repaired here if missing)."""
    return str(assets.install())


@st.cache_resource(show_spinner="Ouverture de la base des initiatives…")
def _store(path: str):
    return open_store(path)


def store():
    """The store at INITIATIVES_DB, created from the reviewed seed on first run. A
    fault (locked, read-only, missing, damaged, full) stops the page with its French
    message, never a traceback (an opening that failed is tried again next run)."""
    try:
        return _store(str(config.initiatives_db()))
    except StoreFault as exc:
        _stop(exc)


def _stop(exc: StoreFault):
    st.error(str(exc), icon="⚠️")
    st.stop()


def guarded(read: Callable) -> Callable:
    """A read of the store whose fault stops the page with its French message."""
    @functools.wraps(read)
    def wrapper(*args, **kwargs):
        try:
            return read(*args, **kwargs)
        except StoreFault as exc:
            _stop(exc)
    return wrapper


def read_only() -> bool:
    """The store cannot be written (file or folder read-only): edits are disabled."""
    return bool(getattr(store(), "read_only", False))


def version() -> int:
    """Changes whenever the store is written (SQLite file modification time and size; on
    a PostgreSQL server, which has no file to look at, the store's `data_version`, one
    query), and differs between two stores (tests and sessions may open several
    databases in one process: the cache must not hand one store's figures to another)."""
    where = config.initiatives_db()
    if config.is_server(where):
        key = repr(store().data_version())
    else:
        stat = where.stat() if where.exists() else None
        key = f"{where.resolve()}|{stat.st_mtime_ns if stat else 0}|" \
              f"{stat.st_size if stat else 0}"
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


@st.cache_data(show_spinner=False)
def commune_choices(dep: str) -> dict[str, str]:
    """INSEE code -> `Nom (code)` for the commune pickers, sorted by name."""
    com = reference.communes(dep).sort_values("nom")
    return {c: f"{n} ({c})" for c, n in zip(com["code"], com["nom"])}


# NB: the version is a plain (hashed) parameter: streamlit leaves `_`-prefixed ones
# out of the cache key, which would keep stale figures after a write.
@st.cache_data(show_spinner=False)
def _releases(store_version: int) -> list[dict]:
    return [{"id": r.id, "label": r.label, "date": r.date, "title": r.title, "source": r.source}
            for r in sorted(store().releases(), key=lambda r: (r.date is None, r.date, r.id))]


@guarded
def releases() -> list[dict]:
    """The releases (read by the sidebar on every page, which also says here when the
    store is read-only)."""
    if read_only():
        st.sidebar.warning("Base en lecture seule : consultation et exports seulement, "
                           "les modifications sont désactivées.", icon="🔒")
    return _releases(version())


# --- metrics: `build(store, filters, **options, dep=dep)`, cached per filters and version ---

@st.cache_data(show_spinner=False, max_entries=256)
def _metric(_build: Callable, name: str, filters: Filters, dep: str, store_version: int,
            options: tuple):
    return _build(store(), filters, **dict(options), dep=dep)


@guarded
def _cached_metric(build: Callable, filters: Filters, **options):
    return _metric(build, f"{build.__module__}.{build.__qualname__}", filters, departement(),
                   version(), tuple(sorted(options.items())))


def key_figures(filters: Filters) -> KeyFigures:
    return _cached_metric(metrics.key_figures, filters)


def totals(filters: Filters) -> dict:
    return _cached_metric(metrics.totals, filters)


def goals(filters: Filters) -> Goals:
    """Goals against the done figure of the same initiative (`metrics.goals`)."""
    return _cached_metric(metrics.goals, filters)


def changes(filters: Filters, since=None) -> Changes:
    """What changed since the previous release, or since `since` (`initiatives.changes`)."""
    return _cached_metric(changes_since.changes, filters, since=since)


def sources_cited(filters: Filters) -> list[dict]:
    """Releases cited by the filtered initiatives (`metrics.sources`)."""
    return _cached_metric(metrics.sources, filters)


def counts_by(filters: Filters, by: str, columns: str) -> pd.DataFrame:
    return _cached_metric(metrics.counts_by, filters, by=by, columns=columns)


def counts_per_unit(filters: Filters, level: str, commune_only: bool = False) -> pd.DataFrame:
    return _cached_metric(metrics.counts_per_unit, filters, level=level,
                          commune_only=commune_only)


def totals_by(filters: Filters, level: str) -> pd.DataFrame:
    return _cached_metric(metrics.totals_by, filters, level=level)


def evolution(filters: Filters) -> pd.DataFrame:
    return _cached_metric(metrics.evolution, filters)


def initiatives_frame(filters: Filters) -> pd.DataFrame:
    return _cached_metric(metrics.initiatives_frame, filters)


@st.cache_resource(show_spinner=False)
def base_map(dep: str):
    """The stable base map: built once per process, same key on every run."""
    return maps.base_map(dep)


# --- national mode: initiatives by département, the map of France ---------------------

@st.cache_data(show_spinner=False, max_entries=64)
def _departement_counts(filters: Filters, store_version: int) -> pd.DataFrame:
    return by_departement.counts_by_departement(store(), filters)


@guarded
def departement_counts(filters: Filters) -> pd.DataFrame:
    return _departement_counts(filters, version())


@st.cache_resource(show_spinner="Dessin de la carte…", max_entries=16)
def _national_map(filters: Filters, measure: str, store_version: int) -> folium.Map:
    return settle_map(build_national_map(_departement_counts(filters, store_version),
                                         measure))


@guarded
def national_map(filters: Filters, measure: str = "initiatives") -> folium.Map:
    return _national_map(filters, measure, version())


# --- coverage page (issue 6); the store version is a hashed argument on purpose ---

@st.cache_data(show_spinner="Calcul de la couverture…", max_entries=64)
def _gaps(filters: Filters, level: str, commune_only: bool, dep: str,
          store_version: int) -> Gaps:
    return coverage.gaps(store(), filters, None, level, commune_only, dep)


@guarded
def coverage_gaps(filters: Filters, level: str = "commune", commune_only: bool = False) -> Gaps:
    """Coverage of the département by the filtered initiatives (sidebar categories too)."""
    return _gaps(filters, level, commune_only, departement(), version())


@st.cache_resource(show_spinner="Dessin de la carte…", max_entries=16)
def _gap_map(filters: Filters, level: str, commune_only: bool, dep: str,
             store_version: int) -> folium.Map:
    return gaps.gap_map(_gaps(filters, level, commune_only, dep, store_version), dep)


@guarded
def gap_map(filters: Filters, level: str = "commune", commune_only: bool = False) -> folium.Map:
    """A copy of the gap map built once per choice. st_folium alters the map it draws:
    the same object drawn again breaks in the browser ("geo_json_… is not defined")."""
    return copy.deepcopy(_gap_map(filters, level, commune_only, departement(), version()))


# --- initiatives map (issue 5) --------------------------------------------------------

@st.cache_resource(show_spinner="Dessin de la carte…", max_entries=24)
def _initiatives_map(filters: Filters, options: MapOptions, dep: str,
                     store_version: int) -> folium.Map:
    return settle_map(build_map(store(), filters, dep, options))


@guarded
def initiatives_map(filters: Filters, options: MapOptions | None = None) -> folium.Map:
    """The initiatives map (choropleth, areas, markers) per filters, options and version."""
    return _initiatives_map(filters, options or MapOptions(), departement(), version())


# --- exports page (issue 7): files built once per filters, options and store version ---

@st.cache_data(show_spinner="Préparation du fichier…", max_entries=32)
def _file(_build: Callable, name: str, filters: Filters, dep: str, store_version: int,
          options: tuple) -> bytes:
    return _build(store(), filters, dep=dep, **dict(options))


@guarded
def _cached_file(build: Callable, filters: Filters, **options) -> bytes:
    return _file(build, f"{build.__module__}.{build.__qualname__}", filters, departement(),
                 version(), tuple(sorted(options.items())))


def data_file(filters: Filters, fmt: str, anonymise: bool, hxl: bool = False, sep: str = ";",
              areas: bool = False) -> bytes:
    """The data export (`report.export_data.export`): csv, xlsx, geojson or gpkg."""
    options = {"hxl": hxl, "sep": sep} if fmt in ("csv", "xlsx") else {"areas": areas}
    if fmt == "xlsx":
        options.pop("sep")
    return _cached_file(export_data.export, filters, fmt=fmt, anonymise=anonymise, **options)


def chart_file(filters: Filters, name: str, fmt: str) -> bytes:
    return _cached_file(chart_export.export, filters, name=name, fmt=fmt)


def map_file(filters: Filters, level: str, per_10k: bool, fmt: str,
             anonymise: bool = True) -> bytes:
    """The static map (png, pdf) or the interactive one (html, whose markers cite
    excerpts: anonymised unless asked otherwise)."""
    if fmt == "html":
        return _cached_file(static_map.interactive_html, filters, level=level,
                            per_10k=per_10k, anonymise=anonymise)
    return _cached_file(static_map.choropleth, filters, level=level, per_10k=per_10k, fmt=fmt)


def briefing_file(filters: Filters, fmt: str) -> bytes:
    """The briefing note: pdf (A4) or pptx (one slide)."""
    build = briefing.briefing_pdf if fmt == "pdf" else briefing.briefing_pptx
    return _cached_file(build, filters)
