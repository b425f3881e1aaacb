"""What each export is called and served as: the registry the Exports page and
`python -m report` both read.

File names say what they are: `pas-de-calais-solidaire_<objet>_<AAAAMMJJ>.<ext>`.
The date is the situation date (latest release date of the filtered data), not
the day of the export: two exports of the same situation get the same name.
With no release in the filtered data, today's date is used.
"""
from __future__ import annotations

import re
from datetime import date

from initiatives.model import normalise_key
from report.sources import app_name

MIME = {"csv": "text/csv",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "geojson": "application/geo+json", "gpkg": "application/geopackage+sqlite3",
        "png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf",
        "html": "text/html",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}

# the formats of each kind of export (the first one is the default)
BRIEFING_FORMATS = ("pdf", "pptx")
MAP_FORMATS = ("png", "pdf", "html")
BRIEFING = "note-de-synthese"
CALLS = "appels"


def data_objet(fmt: str, table: str = "initiatives") -> str:
    """A CSV holds one table (named after it); the other formats hold them all."""
    return table if fmt == "csv" else "donnees"


def map_objet(level: str, per_10k: bool = False) -> str:
    return f"carte-{level}" + ("-pour-10000-habitants" if per_10k else "")


def chart_objet(name: str) -> str:
    return f"graphique-{name}"


def slug(text: str) -> str:
    return re.sub(r"\s+", "-", normalise_key(text))


def file_name(objet: str, day: date | None, ext: str, dep: str | None = None) -> str:
    day = day or date.today()
    return f"{slug(app_name(dep))}_{slug(objet)}_{day:%Y%m%d}.{ext.lstrip('.').lower()}"


def mime(ext: str) -> str:
    return MIME[ext.lstrip(".").lower()]
