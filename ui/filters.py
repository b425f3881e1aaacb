"""The sidebar filters, defined once and shared by every page.

The current filters live in the URL (so a view can be sent as a link) and in the
session (so they follow the user from page to page, where Streamlit drops the
query parameters).
"""
from __future__ import annotations

from datetime import date

import streamlit as st

from initiatives.filters import Filters
from initiatives.formatting import format_date
from initiatives.model import ACTOR_TYPES, CATEGORIES, STATUSES
from ui import cache

SESSION_KEY = "_filtres"
INSIDE_LABELS = {"all": "Tous", "inside": "Dans le département", "outside": "Hors département"}


def current() -> Filters:
    """The URL wins when it carries filters (a shared link); else the session's."""
    if len(st.query_params):
        filters = Filters.from_query_params(st.query_params)
    else:
        filters = st.session_state.get(SESSION_KEY, Filters())
    st.session_state[SESSION_KEY] = filters
    return filters


def _publish(filters: Filters) -> None:
    st.session_state[SESSION_KEY] = filters
    wanted = filters.to_query_params()
    now = {k: st.query_params.get_all(k) for k in st.query_params}
    normalised = {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}
    if now != normalised:
        st.query_params.from_dict(wanted)


def sidebar() -> Filters:
    """Draw the filters in the sidebar and return them; the URL follows."""
    f = current()
    releases = cache.releases()
    labels = {r["id"]: r["label"] for r in releases}
    arrondissements = cache.arrondissement_names(cache.departement())
    with st.sidebar:
        st.header("Filtres")
        reviewed_only = st.toggle(
            "Chiffres relus seulement", value=f.reviewed_only,
            help="Ne garder que les initiatives vérifiées par une personne. Sinon, chaque "
                 "total dit combien reste « à relire » (extrait des communiqués, pas "
                 "encore vérifié).")
        chosen_releases = st.multiselect(
            "Communiqués", list(labels), default=[r for r in f.releases if r in labels],
            format_func=lambda rid: labels.get(rid, rid), placeholder="Tous")
        days = [r["date"] for r in releases if r["date"]]
        period = (f.date_from, f.date_to)
        if days:
            low, high = min(days), max(days)
            picked = st.date_input("Période", value=(f.date_from or low, f.date_to or high),
                                   min_value=low, max_value=high, format="DD/MM/YYYY")
            period = _period(picked, low, high)
        categories = st.multiselect("Catégories", CATEGORIES, default=list(f.categories),
                                    placeholder="Toutes")
        actor_types = st.multiselect("Types d'acteur", ACTOR_TYPES, default=list(f.actor_types),
                                     placeholder="Tous")
        arr = st.multiselect("Arrondissements", list(arrondissements),
                             default=[a for a in f.arrondissements if a in arrondissements],
                             format_func=lambda code: f"{arrondissements[code]} ({code})",
                             placeholder="Tous")
        statuses = st.multiselect("Statut de relecture", STATUSES, default=list(f.statuses),
                                  placeholder="Tous", disabled=reviewed_only,
                                  help="« extrait » : à relire. Avec « Chiffres relus "
                                       "seulement », seules les initiatives vérifiées "
                                       "comptent.")
        inside = st.radio("Lieu", list(INSIDE_LABELS), index=list(INSIDE_LABELS).index(f.inside),
                          format_func=INSIDE_LABELS.get, horizontal=False)
        search = st.text_input("Recherche (acteur, lieu, texte)", value=f.search, max_chars=200)
        if st.button("Réinitialiser les filtres"):
            _publish(Filters())
            st.rerun()
        if releases:
            latest = max(days) if days else None
            st.caption(f"{len(releases)} communiqués, le dernier du {format_date(latest)}."
                       if latest else f"{len(releases)} communiqués.")
    filters = Filters(releases=tuple(chosen_releases), date_from=period[0], date_to=period[1],
                      categories=tuple(categories), actor_types=tuple(actor_types),
                      arrondissements=tuple(arr), statuses=tuple(statuses), inside=inside,
                      search=search.strip(), reviewed_only=reviewed_only)
    _publish(filters)
    return filters


def _period(picked, low: date, high: date) -> tuple[date | None, date | None]:
    """A full range is no filter; a half-picked range waits for its second date."""
    if not isinstance(picked, (tuple, list)) or len(picked) != 2:
        return None, None
    start, end = picked
    return (None if start == low else start, None if end == high else end)
