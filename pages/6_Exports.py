"""Exports : données, graphiques, cartes et note de synthèse, filtrés comme à l'écran (issue 7).

Files are built when their button is clicked (`data=callable`) and cached per
filters and store version, so the page itself stays fast.
"""
import streamlit as st

from initiatives.formatting import format_date
from report import chart_export, naming, static_map
from report import sources as src
from ui import cache
from ui.filters import sidebar

LEVELS = {"commune": "Communes", "epci": "Intercommunalités", "arrondissement": "Arrondissements"}
MIME = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument."
        "spreadsheetml.sheet", "geojson": "application/geo+json",
        "gpkg": "application/geopackage+sqlite3", "png": "image/png", "svg": "image/svg+xml",
        "pdf": "application/pdf", "html": "text/html",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}

st.set_page_config(page_title="Exports – Pas-de-Calais solidaire", page_icon="🤝",
                   layout="wide")
cache.ensure_assets()
filters = sidebar()
dep = cache.departement()
cited = cache.metric("sources", filters)
day = src.situation_date(cited)


def button(label: str, objet: str, ext: str, build, key: str) -> None:
    st.download_button(label, data=build, file_name=naming.file_name(objet, day, ext, dep),
                       mime=MIME[ext], key=key, on_click="ignore", width="stretch")


st.title("Exports")
st.caption(f"{src.footer(cited, dep)}. Les fichiers portent la date de situation "
           f"({format_date(day) if day else 'aucun communiqué retenu : date du jour'}) "
           "et reprennent exactement les filtres de la barre latérale.")
data_tab, chart_tab, map_tab, brief_tab = st.tabs(
    ["Données", "Graphiques", "Carte", "Note de synthèse"])

with data_tab:
    left, right = st.columns(2)
    anonymise = left.checkbox("Anonymiser les particuliers", value=True, key="exp_anonymiser",
                              help="Un particulier nommé devient « Particulier (commune) », "
                                   "son nom est retiré des extraits et ses contacts aussi. "
                                   "Les élus et les collectifs restent nommés.")
    hxl = left.checkbox("Ajouter la ligne de hashtags HXL (CSV, Excel)", key="exp_hxl",
                        help="Pour les outils humanitaires (#org, #sector, #loc+code…).")
    areas = right.checkbox("Initiatives de territoire en polygones (GeoJSON, GeoPackage)",
                           key="exp_zones")
    opts = {"anonymise": anonymise}
    cols = st.columns(5)
    for col, (label, fmt, extra) in zip(cols, [
            ("CSV (;)", "csv", {"hxl": hxl}), ("CSV (,)", "csv", {"hxl": hxl, "sep": ","}),
            ("Excel", "xlsx", {"hxl": hxl}), ("GeoJSON", "geojson", {"areas": areas}),
            ("GeoPackage", "gpkg", {"areas": areas})]):
        with col:
            button(label, "initiatives" if fmt == "csv" else "donnees", fmt,
                   lambda fmt=fmt, extra=extra: cache.export(
                       "export_data", "export", filters, fmt=fmt, **opts, **extra),
                   key=f"exp_{fmt}_{extra.get('sep', ';')}")
    st.caption("CSV : UTF-8 avec BOM, séparateur « ; » pour Excel en français (« , » sur "
               "demande), dates AAAA-MM-JJ. Excel : initiatives, quantités, communes et une "
               "feuille « À propos » (colonnes et sources). Les cellules qui commenceraient "
               "par =, +, - ou @ sont neutralisées.")

with chart_tab:
    name = st.selectbox("Graphique", list(chart_export.LABELS), key="exp_graphique",
                        format_func=chart_export.LABELS.get)
    st.altair_chart(chart_export.build(name, cache.store(), filters, dep),
                    width="content")
    for col, fmt in zip(st.columns(3), chart_export.FORMATS):
        with col:
            button(f"{fmt.upper()}", f"graphique-{name}", fmt,
                   lambda fmt=fmt: cache.export("chart_export", "export", filters, name=name,
                                                fmt=fmt), key=f"exp_graph_{fmt}")

with map_tab:
    left, right = st.columns([2, 1])
    level = left.radio("Niveau", list(LEVELS), format_func=LEVELS.get, horizontal=True,
                       key="exp_niveau")
    per_10k = right.toggle("Pour 10 000 habitants", key="exp_10k")
    objet = f"carte-{level}" + ("-pour-10000-habitants" if per_10k else "")
    kw = {"level": level, "per_10k": per_10k}
    st.image(cache.export("static_map", "choropleth", filters, fmt="png", **kw),
             caption="Aperçu de la carte statique (PNG)", width=720)
    for col, (label, fmt, fn) in zip(st.columns(3), [
            ("PNG", "png", "choropleth"), ("PDF", "pdf", "choropleth"),
            ("HTML interactif", "html", "interactive_html")]):
        with col:
            extra = {} if fmt == "html" else {"fmt": fmt}
            button(label, objet, fmt, lambda fn=fn, extra=extra: cache.export(
                "static_map", fn, filters, **kw, **extra), key=f"exp_carte_{fmt}")
    st.caption("Le fichier HTML s'ouvre sans l'application et sans internet.")

with brief_tab:
    st.write("Une page A4 pour la réunion du préfet : chiffres clés datés, carte, "
             "initiatives par arrondissement et catégorie, production (réalisé ; objectifs, "
             "commandes pas encore livrées et besoins à part), les cinq communes les plus peuplées sans initiative signalée, sources. "
             "Les particuliers nommés n'y figurent pas.")
    for col, (label, fmt, fn) in zip(st.columns(2), [
            ("Note de synthèse (PDF)", "pdf", "briefing_pdf"),
            ("Diapositive (PPTX)", "pptx", "briefing_pptx")]):
        with col:
            button(label, "note-de-synthese", fmt,
                   lambda fn=fn: cache.export("briefing", fn, filters), key=f"exp_note_{fmt}")
