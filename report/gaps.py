"""The gap map and the call list exports (CSV, XLSX) of the coverage page.

On the gap map, units nobody reaches stand out in a strong colour and covered
ones are muted: the eye goes to the holes, not to the help. The call list is a
spreadsheet for phoning town halls, so every text cell that a spreadsheet would
read as a formula is neutralised.
"""
from __future__ import annotations

import io
from datetime import date

import folium
import geopandas as gpd
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font

from geo.levels import LAYERS, WITH_ARTICLE as UNIT_LABEL
from initiatives.coverage import Gaps
from initiatives.formatting import format_date, format_number
from report import assets, naming
from report.export_data import FORMULA_START, neutralise  # noqa: F401 (shared rule)
from report.maps import Legend, add_borders, display_layer, new_map, safe

UNCOVERED, VIA_TERRITORY, DIRECT = "#d7301f", "#eef2f8", "#8fa6c4"
TERRITORY_LINE = "#8fa6c4"
CAVEAT = ("Ce qui n'est pas signalé n'est pas forcément absent : la carte montre les "
          "initiatives relevées dans les communiqués de la préfecture, pas toutes celles "
          "du territoire.")
CALL_HEADERS = {"nom": "Commune", "code": "Code INSEE", "population": "Population",
                "arrondissement_nom": "Arrondissement", "epci_nom": "Intercommunalité",
                "mairie_adresse": "Adresse de la mairie", "mairie_telephone": "Téléphone",
                "mairie_email": "Courriel", "mairie_site": "Site internet",
                "nearest_km": "Initiative la plus proche (km)",
                "nearest_nom": "Commune de l'initiative la plus proche"}


# --- map ------------------------------------------------------------------------------

def _state(row, level: str) -> tuple[str, str]:
    """Fill colour and the plain-words state of a unit."""
    if not row.covered:
        return UNCOVERED, "aucune initiative signalée"
    if row.direct:
        return DIRECT, f"{row.direct} initiative(s) nommée(s) dans {UNIT_LABEL[level]}"
    return VIA_TERRITORY, (f"aucune initiative nommée ; territoire cité en bloc par "
                           f"{row.via_territory} initiative(s)")


def _style(colour: str, weight: float) -> dict:
    """Holes strong; named units plain; units reached only through a territory cited in
    bloc lighter with a dashed outline, so they never read as named ones."""
    if colour == VIA_TERRITORY:
        return {"fillColor": colour, "color": TERRITORY_LINE, "weight": weight,
                "dashArray": "3 3", "fillOpacity": 0.55}
    return {"fillColor": colour, "color": "#6b6b80", "weight": weight,
            "fillOpacity": 0.9 if colour == UNCOVERED else 0.8}


def gap_layer(m: folium.Map, gdf: gpd.GeoDataFrame, level: str = "commune",
              name: str = "Couverture") -> folium.Map:
    """Units of `gdf` (geometry + the columns of `Gaps.units`) coloured by coverage."""
    data = gdf[["geometry"]].copy()
    states = [_state(r, level) for r in gdf.itertuples()]
    data["couleur"] = [s[0] for s in states]
    data["etat"] = [safe(s[1]) for s in states]
    data["nom"] = gdf["nom"].map(safe)
    data["population"] = gdf["population"].map(format_number)
    data["proche"] = [
        "–" if r.covered or pd.isna(r.nearest_km)
        else safe(f"{format_number(r.nearest_km, 1)} km ({r.nearest_nom})")
        for r in gdf.itertuples()]
    fields, aliases = ["nom", "population", "etat", "proche"], [
        "", "Population", "Couverture", "Initiative la plus proche"]
    if level != "commune":
        data["part"] = [f"{format_number(100 * v)} %" for v in gdf["share_population_covered"]]
        fields.append("part")
        aliases.append("Population dans une commune couverte")
    weight = 0.5 if level == "commune" else 1.2
    folium.GeoJson(
        data.to_json(drop_id=True), name=name,
        style_function=lambda f: _style(f["properties"]["couleur"], weight),
        highlight_function=lambda _: {"weight": 2.5, "color": "#000"},
        tooltip=folium.GeoJsonTooltip(fields, aliases=aliases),
    ).add_to(m)
    return m


def gap_map(gaps: Gaps, dep: str | None = None,
            assets_base: str = assets.APP_URL) -> folium.Map:
    """The whole gap map: units by coverage, arrondissement borders, legend."""
    shapes = display_layer(LAYERS[gaps.level], dep)[["code", "geometry"]]
    gdf = shapes.merge(gaps.units, on="code", how="inner")  # filtered units only
    m = new_map(dep, assets_base)
    gap_layer(m, gdf, gaps.level)
    add_borders(m, dep)
    Legend("Couverture", [
        (UNCOVERED, "aucune initiative signalée"),
        (VIA_TERRITORY, "seulement via un territoire cité en bloc (plus clair, pointillés)"),
        (DIRECT, f"au moins une initiative nommée dans {UNIT_LABEL[gaps.level]}"),
    ]).add_to(m)
    return m


# --- call list ------------------------------------------------------------------------

def call_table(calls: pd.DataFrame) -> pd.DataFrame:
    """The call list with French headers, distances rounded, formulas neutralised."""
    out = calls[list(CALL_HEADERS)].copy()
    out["nearest_km"] = out["nearest_km"].round(1)
    out["population"] = out["population"].astype(int)
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise)
    return out.rename(columns=CALL_HEADERS)


def call_list_csv(calls: pd.DataFrame) -> bytes:
    """UTF-8 with BOM and `;`, decimal comma: opens as is in a French spreadsheet."""
    text = call_table(calls).to_csv(sep=";", index=False, decimal=",", lineterminator="\r\n")
    return ("\ufeff" + text).encode("utf-8")


def call_list_xlsx(calls: pd.DataFrame, note: str = CAVEAT) -> bytes:
    table = call_table(calls)
    wb = Workbook()
    ws = wb.active
    ws.title = "Communes à appeler"
    ws.append(list(table.columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in table.itertuples(index=False):
        ws.append([None if pd.isna(v) else (v.item() if hasattr(v, "item") else v)
                   for v in row])
    for col, width in zip("ABCDEFGHIJK", (28, 11, 11, 18, 40, 45, 16, 32, 32, 14, 28)):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    about = wb.create_sheet("À lire")
    about.append([neutralise(note)])
    about.append([f"Liste établie le {format_date(date.today())}, triée par population."])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def file_name(ext: str, day: date | None = None, dep: str | None = None) -> str:
    """`pas-de-calais-solidaire_appels_<AAAAMMJJ>.<ext>` (day: the situation date)."""
    return naming.file_name(naming.CALLS, day, ext, dep)
