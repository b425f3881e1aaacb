"""The Productions page's sections below its totals: goals initiative by initiative,
the kinds shown apart, figures by arrondissement and over the releases."""
from __future__ import annotations

import streamlit as st

from initiatives.filters import Filters
from report import charts
from ui import cache, tables


def goals_section(filters: Filters, labels: dict) -> None:
    goals = cache.goals(filters)
    st.subheader("Objectifs, initiative par initiative")
    if len(goals.progress):
        st.altair_chart(charts.progress(charts.progress_data(goals.progress)), width="stretch")
        st.dataframe(tables.progress_frame(goals, labels), hide_index=True, width="stretch",
                     column_config={"Avancement": st.column_config.ProgressColumn(
                         "Avancement", min_value=0, max_value=100, format="%.0f %%")})
    else:
        st.caption("Aucune initiative ne donne à la fois un objectif et un chiffre réalisé.")
    if len(goals.alone):
        st.markdown("**Objectifs sans chiffre réalisé connu** (des intentions, rien n'est "
                    "encore compté comme fait)")
        st.dataframe(tables.goals_alone_frame(goals, labels), hide_index=True, width="stretch")


def others_section(totals: dict) -> None:
    others = tables.other_kinds(totals)
    if len(others):
        st.subheader("Cadences, bénéficiaires et bénévoles")
        st.caption("Ces chiffres ne s'additionnent pas aux quantités réalisées.")
        st.dataframe(others, hide_index=True, width="stretch")


def by_unit_section(filters: Filters) -> None:
    st.subheader("Par arrondissement")
    by_unit = cache.totals_by(filters, level="arrondissement")
    if not len(by_unit):
        return
    done_by_unit = by_unit[by_unit["kind"] == "done"]
    if len(done_by_unit):
        st.altair_chart(charts.totals_by_unit(done_by_unit), width="stretch")
    st.dataframe(tables.by_unit_frame(by_unit), hide_index=True, width="stretch")
    st.caption("Chaque chiffre est rangé dans l'arrondissement du lieu de l'initiative ; "
               "« plusieurs ou non localisé » quand elle en couvre plusieurs.")


def evolution_section(filters: Filters) -> None:
    st.subheader("Évolution au fil des communiqués")
    evolution = cache.evolution(filters)
    if len(evolution):
        st.altair_chart(charts.evolution(evolution), width="stretch")
        st.caption("Cumul, à la date de chaque communiqué, du dernier chiffre connu de chaque "
                   "initiative.")
