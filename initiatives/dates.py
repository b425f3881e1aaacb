"""French dates: `21 avril 2020`, `1er mai 2020`.

Below the model (a release's label carries its date) and re-exported by
`initiatives.formatting`, which formats figures with the model's kind labels.
"""
from __future__ import annotations

from datetime import date

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")


def format_date(day: date | None) -> str:
    if day is None:
        return "date inconnue"
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first} {MONTHS[day.month - 1]} {day.year}"
