"""National mode (`DEPARTEMENT=FR`) with no département chosen: the overview and the
map show the départements, coloured by their initiatives; a département's communes
appear once it is chosen in the sidebar (`ui.filters.departement_choice`)."""
from __future__ import annotations

import streamlit as st

from initiatives.filters import Filters
from initiatives.formatting import format_number
from report.initiatives_map import MEASURES
from ui import cache, widgets

CHOOSE = ("Mode national : les départements, colorés selon le nombre d'initiatives "
          "situées dans chacun (une initiative compte dans chaque département où l'un de "
          "ses lieux se trouve). Pour voir les communes d'un département, choisissez-le "
          "dans la barre latérale.")


def page(filters: Filters, title: str, key: str) -> None:
    """The national view of a page: figures, the map of France, the table."""
    st.title(f"{cache.app_name()} : {title}")
    st.caption(CHOOSE)
    counts = cache.departement_counts(filters)
    reached = counts[counts["initiatives"] > 0]
    left, middle, right = st.columns(3)
    left.metric("Départements où une initiative est située",
                f"{format_number(len(reached))} sur {format_number(len(counts))}")
    middle.metric("Initiatives situées dans un département",
                  format_number(int(counts.attrs.get("placed", 0))))
    right.metric("Initiatives nationales ou sans lieu",
                 format_number(int(counts.attrs.get("national", 0))))
    measure = st.radio("Mesure", list(MEASURES), format_func=MEASURES.get,
                       key=f"{key}_mesure", horizontal=True)
    widgets.show_map(cache.national_map(filters, measure), key=key, height=640)
    with st.expander("Valeurs par département", expanded=False):
        st.dataframe(table(counts), hide_index=True, width="stretch")


def table(counts):
    """The counts with French column names."""
    return counts.rename(columns={"code": "Code", "nom": "Département",
                                  "population": "Population", "communes": "Communes",
                                  "initiatives": "Initiatives",
                                  "per_10k": "Pour 10 000 habitants"})
