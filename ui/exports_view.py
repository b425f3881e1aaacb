"""The Exports page's tabs: data, charts, map and briefing, each file built when its
button is clicked (`data=callable`) and cached per filters, options and store version
(`ui.cache`). Names and MIME types come from the registry `report.naming`."""
from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import date

import streamlit as st

from geo.levels import LABELS, LEVELS
from initiatives.filters import Filters
from initiatives.formatting import format_date
from report import chart_export, naming, sources
from ui import cache

# Markdown's specials that act inside a line, `$` (maths), `<` and `>` (HTML, already
# escaped as entities), and what starts an automatic link (`https://`, `www.`, `a@b.fr`).
_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!|~$])")
_AUTOLINK = re.compile(r"(:(?=//)|(?<=www)\.|@)", re.I)


def inert(text: str) -> str:
    """Untrusted text (a release's title) for st.caption or st.markdown: no link, no
    image, no HTML, no maths; it reads as written."""
    text = _SPECIALS.sub(r"\\\1", html.escape(str(text), quote=False))
    return _AUTOLINK.sub(r"\\\1", text)


def header(cited: list[dict], day: date | None) -> None:
    """The page's caption: the sources cited (titles of releases, escaped) and the date."""
    when = format_date(day) if day else "aucun communiqué retenu : date du jour"
    st.caption(f"{inert(sources.footer(cited, cache.departement()))}. Les fichiers portent la "
               f"date de situation ({when}) et reprennent exactement les filtres de la barre "
               "latérale.")


def button(label: str, objet: str, ext: str, build: Callable[[], bytes], key: str,
           day: date | None) -> None:
    st.download_button(label, data=build, key=key, on_click="ignore", width="stretch",
                       file_name=naming.file_name(objet, day, ext, cache.departement()),
                       mime=naming.mime(ext))


def data(filters: Filters, day: date | None) -> None:
    left, right = st.columns(2)
    anonymise = left.checkbox("Anonymiser les particuliers", value=True, key="exp_anonymiser",
                              help="Un particulier nommé devient « Particulier (commune) », "
                                   "son nom est retiré des extraits et ses contacts aussi. "
                                   "Les élus et les collectifs restent nommés.")
    hxl = left.checkbox("Ajouter la ligne de hashtags HXL (CSV, Excel)", key="exp_hxl",
                        help="Pour les outils humanitaires (#org, #sector, #loc+code…).")
    areas = right.checkbox("Initiatives de territoire en polygones (GeoJSON, GeoPackage)",
                           key="exp_zones")
    for col, (label, fmt, sep) in zip(st.columns(5), [
            ("CSV (;)", "csv", ";"), ("CSV (,)", "csv", ","), ("Excel", "xlsx", ";"),
            ("GeoJSON", "geojson", ";"), ("GeoPackage", "gpkg", ";")]):
        with col:
            button(label, naming.data_objet(fmt), fmt,
                   lambda fmt=fmt, sep=sep: cache.data_file(filters, fmt, anonymise, hxl, sep,
                                                            areas),
                   f"exp_{fmt}_{sep}", day)
    st.caption("CSV : UTF-8 avec BOM, séparateur « ; » pour Excel en français (« , » sur "
               "demande), dates AAAA-MM-JJ. Excel : initiatives, quantités, communes et une "
               "feuille « À propos » (colonnes et sources). Les cellules qui commenceraient "
               "par =, +, - ou @ sont neutralisées.")


def chart(filters: Filters, day: date | None) -> None:
    name = st.selectbox("Graphique", list(chart_export.LABELS), key="exp_graphique",
                        format_func=chart_export.LABELS.get)
    st.altair_chart(chart_export.build(name, cache.store(), filters, cache.departement()),
                    width="content")
    for col, fmt in zip(st.columns(3), chart_export.FORMATS):
        with col:
            button(fmt.upper(), naming.chart_objet(name), fmt,
                   lambda fmt=fmt: cache.chart_file(filters, name, fmt), f"exp_graph_{fmt}",
                   day)


def map_files(filters: Filters, day: date | None) -> None:
    left, right = st.columns([2, 1])
    level = left.radio("Niveau", LEVELS, format_func=LABELS.get, horizontal=True,
                       key="exp_niveau")
    per_10k = right.toggle("Pour 10 000 habitants", key="exp_10k")
    st.image(cache.map_file(filters, level, per_10k, "png"),
             caption="Aperçu de la carte statique (PNG)", width=720)
    for col, (label, fmt) in zip(st.columns(3), [("PNG", "png"), ("PDF", "pdf"),
                                                 ("HTML interactif", "html")]):
        with col:
            button(label, naming.map_objet(level, per_10k), fmt,
                   lambda fmt=fmt: cache.map_file(filters, level, per_10k, fmt),
                   f"exp_carte_{fmt}", day)
    st.caption("Le fichier HTML s'ouvre sans l'application et sans internet.")


def briefing(filters: Filters, day: date | None) -> None:
    st.write("Une page A4 pour la réunion du préfet : chiffres clés datés, ce qui a changé "
             "depuis le communiqué précédent, carte nommant les lieux, arrondissements du "
             "plus faible au plus fort, production (réalisé ; objectifs initiative par "
             "initiative, commandes pas encore livrées et besoins à part), les communes les "
             "plus peuplées sans initiative signalée, sources. Les diapositives (16:9, cinq, "
             "texte de 14 points au moins) reprennent ces parties pour la projection. "
             "Les particuliers nommés n'y figurent pas, ni dans les titres des communiqués.")
    for col, (label, fmt) in zip(st.columns(2), [("Note de synthèse (PDF)", "pdf"),
                                                 ("Diapositives (PPTX)", "pptx")]):
        with col:
            button(label, naming.BRIEFING, fmt, lambda fmt=fmt: cache.briefing_file(filters, fmt),
                   f"exp_note_{fmt}", day)
