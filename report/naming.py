"""File names that say what they are: `pas-de-calais-solidaire_<objet>_<AAAAMMJJ>.<ext>`.

The date is the situation date (latest release date of the filtered data), not
the day of the export: two exports of the same situation get the same name.
With no release in the filtered data, today's date is used.
"""
from __future__ import annotations

import re
from datetime import date

from initiatives.model import normalise_key
from report.sources import departement_name


def slug(text: str) -> str:
    return re.sub(r"\s+", "-", normalise_key(text))


def file_name(objet: str, day: date | None, ext: str, dep: str | None = None) -> str:
    day = day or date.today()
    prefix = f"{slug(departement_name(dep))}-solidaire"
    return f"{prefix}_{slug(objet)}_{day:%Y%m%d}.{ext.lstrip('.').lower()}"
