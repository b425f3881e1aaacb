"""The sidebar filters, defined once and shared by every page.

The current filters live in the URL (so a view can be sent as a link) and in the
session (so they follow the user from page to page, where Streamlit drops the
query parameters).

The text search belongs to the Initiatives page alone (`sidebar(search=True)`): it
is kept in the session for that page and never filters the other pages' figures.
Page-local parameters (`LOCAL_PARAMS`, such as the initiative opened on the
Initiatives page) stay in the URL beside the filters, so a reload keeps them and a
link shares them.
"""
from __future__ import annotations

from dataclasses import fields, replace
from datetime import date

import streamlit as st

import config
from initiatives.filters import MAX_SEARCH, PARAMS, Filters
from initiatives.formatting import format_date, format_number
from initiatives.model import ACTOR_TYPES, CATEGORIES, STATUSES
from ui import cache, widgets

SESSION_KEY = "_filtres"
SEARCH_KEY = "_recherche"  # the Initiatives page's search, never a shared filter
SEARCH_WIDGET = "recherche"
SEARCH_PARAM = PARAMS["search"]
DEP_PARAM = "departement"  # national mode: the département chosen (`departement_choice`)
DEP_WIDGET = "departement_choisi"
LOCAL_PARAMS = ("initiative", DEP_PARAM)  # kept in the URL by the page that sets them
SHARED_PARAMS = tuple(PARAMS[f.name] for f in fields(Filters) if f.name != "search")
INSIDE_LABELS = {"all": "Tous", "inside": "Dans le département", "outside": "Hors département"}
NOTICES_KEY = "_filtres_avis"  # what was set aside from a link, said once on the page
# A link's values past these are no filter a person chose: set aside, said in French.
MAX_PARAM_CHARS = 100          # a release id, a category, a date…
MAX_PARAM_VALUES = 50          # values of one parameter


def _checked_params() -> dict[str, list[str]]:
    """The URL's filter parameters without the oversize ones, each set aside with a
    French notice (a hand-made or crafted link still opens, with what can be kept)."""
    out, notices = {}, []
    for key in (*SHARED_PARAMS, SEARCH_PARAM):
        if key not in st.query_params:
            continue
        values = [v for v in st.query_params.get_all(key) if isinstance(v, str)]
        limit = MAX_SEARCH if key == SEARCH_PARAM else MAX_PARAM_CHARS
        longest = max((len(v) for v in values), default=0)
        if len(values) > MAX_PARAM_VALUES:
            notices.append(f"Le lien donne {format_number(len(values))} valeurs au paramètre « {key} » "
                           f"(au plus {MAX_PARAM_VALUES}) : il est ignoré.")
        elif longest > limit:
            notices.append(f"Le paramètre « {key} » du lien est trop long ({format_number(longest)} "
                           f"caractères, au plus {limit}) : il est ignoré.")
        else:
            out[key] = values
    if notices:
        st.session_state[NOTICES_KEY] = notices
    return out


def current() -> Filters:
    """The shared filters (no search): the URL wins when it carries filters (a shared
    link); else the session's. A search in the URL goes to the Initiatives page's."""
    params = _checked_params()
    if any(k in st.query_params for k in SHARED_PARAMS):
        filters = Filters.from_query_params(params)
    else:
        filters = st.session_state.get(SESSION_KEY, Filters())
    if SEARCH_PARAM in params:  # a link to the Initiatives page with its search
        text = Filters.from_query_params(params).search
        if text != st.session_state.get(SEARCH_KEY):
            st.session_state[SEARCH_KEY] = text
            st.session_state.pop(SEARCH_WIDGET, None)
    filters = replace(filters, search="")
    st.session_state[SESSION_KEY] = filters
    return filters


def _publish(filters: Filters) -> None:
    st.session_state[SESSION_KEY] = replace(filters, search="")
    wanted = filters.to_query_params()
    wanted.update({k: st.query_params.get_all(k) for k in LOCAL_PARAMS if k in st.query_params})
    now = {k: st.query_params.get_all(k) for k in st.query_params}
    normalised = {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}
    if now != normalised:
        st.query_params.from_dict(wanted)


def local_param(name: str) -> str | None:
    """A page-local URL parameter (`LOCAL_PARAMS`), or None."""
    return st.query_params.get(name) if name in LOCAL_PARAMS else None


def set_local_param(name: str, value: str | None) -> None:
    """Put a page-local parameter in the URL (None removes it), beside the filters."""
    if name not in LOCAL_PARAMS:
        raise ValueError(f"Paramètre inconnu : {name}")
    if value is None:
        if name in st.query_params:
            del st.query_params[name]
    elif st.query_params.get(name) != value:
        st.query_params[name] = value


def departement_choice() -> None:
    """National mode (`DEPARTEMENT=FR`): the whole of France or one département, whose
    communes the pages then show. Kept in the session and in the URL (`departement`)."""
    if not config.is_national():
        return
    names = cache.departement_names()
    wanted = st.query_params.get(DEP_PARAM)
    if wanted in names and DEP_WIDGET not in st.session_state:  # a link's département
        st.session_state[cache.CHOSEN] = wanted
    if DEP_WIDGET not in st.session_state:
        st.session_state[DEP_WIDGET] = st.session_state.get(cache.CHOSEN) or config.NATIONAL
    options = [config.NATIONAL, *names]
    chosen = st.sidebar.selectbox(
        "Département", options, key=DEP_WIDGET,
        format_func=lambda c: "Toute la France" if c == config.NATIONAL else names[c],
        help="Toute la France : les départements, colorés selon leurs initiatives. Un "
             "département : ses communes, sur toutes les pages.")
    st.session_state[cache.CHOSEN] = None if chosen == config.NATIONAL else chosen
    set_local_param(DEP_PARAM, st.session_state[cache.CHOSEN])


def sidebar(search: bool = False, national: bool = False) -> Filters:
    """Draw the filters in the sidebar and return them; the URL follows. `search`: the
    page has its own text search (the Initiatives page), drawn apart from the shared
    filters and applied to this page only. `national`: the page has a view of the
    whole of France; the others ask for a département in national mode."""
    departement_choice()
    f = current()
    releases = cache.releases()
    labels = {r["id"]: r["label"] for r in releases}
    arrondissements = {} if cache.national() else cache.arrondissement_names(
        cache.departement())
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
            f = _within(f, low, high)
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
                             placeholder="Tous") if arrondissements else []
        statuses = st.multiselect("Statut de relecture", STATUSES, default=list(f.statuses),
                                  placeholder="Tous", disabled=reviewed_only,
                                  help="« extrait » : à relire. Avec « Chiffres relus "
                                       "seulement », seules les initiatives vérifiées "
                                       "comptent.")
        inside = st.radio("Lieu", list(INSIDE_LABELS), index=list(INSIDE_LABELS).index(f.inside),
                          format_func=INSIDE_LABELS.get, horizontal=False)
        if st.button("Réinitialiser les filtres"):
            st.session_state.pop(SEARCH_KEY, None)
            st.session_state.pop(SEARCH_WIDGET, None)
            _publish(Filters())
            st.rerun()
        if releases:
            latest = max(days) if days else None
            st.caption(f"{len(releases)} communiqués, le dernier du {format_date(latest)}."
                       if latest else f"{len(releases)} communiqués.")
    filters = Filters(releases=tuple(chosen_releases), date_from=period[0], date_to=period[1],
                      categories=tuple(categories), actor_types=tuple(actor_types),
                      arrondissements=tuple(arr), statuses=tuple(statuses), inside=inside,
                      reviewed_only=reviewed_only)
    if search:
        filters = replace(filters, search=_search())
    _publish(filters)
    for notice in st.session_state.pop(NOTICES_KEY, []):
        st.warning(notice, icon="⚠️")
    if cache.national() and not national:
        st.info("Mode national : choisissez un département dans la barre latérale pour "
                "cette page (la carte et le tableau de bord montrent toute la France).",
                icon="🇫🇷")
        st.stop()
    return filters


def pending() -> Filters:
    """A page's first paint (`widgets.first_paint`): the filters of the link or the
    session, which the widgets show once drawn (`sidebar`, on the next run); the
    sidebar says they are coming."""
    filters = current()
    cache.releases()  # as in `sidebar`: its read-only notice above the filters
    with st.sidebar:
        st.header("Filtres")  # the widgets come under it
        # keyed: the first thing a first paint draws, the e2e helpers wait for it to go
        st.container(key=widgets.FIRST_PAINT).caption("Chargement des filtres…")
    return filters


def _within(f: Filters, low: date, high: date) -> Filters:
    """The period with its dates outside the releases' (`low`..`high`) dropped, each
    said in French (a link made when other releases were stored, or by hand)."""
    dates = {}
    for name, word in (("date_from", "de début"), ("date_to", "de fin")):
        day = getattr(f, name)
        if day is not None and not low <= day <= high:
            dates[name] = None
            st.session_state.setdefault(NOTICES_KEY, []).append(
                f"La date {word} du lien ({format_date(day)}) est hors de la période des "
                f"communiqués (du {format_date(low)} au {format_date(high)}) : elle est "
                "ignorée.")
    return replace(f, **dates)


def _search() -> str:
    """The page's own search, under the shared filters and said to be this page's."""
    with st.sidebar:
        st.subheader("Sur cette page")
        if SEARCH_WIDGET not in st.session_state:  # back on the page, or a link's search
            st.session_state[SEARCH_WIDGET] = st.session_state.get(SEARCH_KEY, "")
        text = st.text_input("Recherche (acteur, lieu, texte)", key=SEARCH_WIDGET,
                             max_chars=200,
                             help="Ne filtre que le tableau de cette page : les chiffres "
                                  "et cartes des autres pages n'en tiennent pas compte.")
    st.session_state[SEARCH_KEY] = text.strip()
    return text.strip()


def _period(picked, low: date, high: date) -> tuple[date | None, date | None]:
    """A full range is no filter; a half-picked range waits for its second date."""
    if not isinstance(picked, (tuple, list)) or len(picked) != 2:
        return None, None
    start, end = picked
    return (None if start == low else start, None if end == high else end)
