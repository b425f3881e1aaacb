"""French display of numbers and dates: `1 600`, `21 avril 2020`."""
from __future__ import annotations

from datetime import date

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")
NBSP = "\u202f"  # narrow no-break space, the French thousands separator


def format_number(value: float | int | None, decimals: int = 0) -> str:
    if value is None:
        return "–"
    text = f"{value:,.{decimals}f}".replace(",", NBSP).replace(".", ",")
    return text


def format_date(day: date | None) -> str:
    if day is None:
        return "date inconnue"
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first} {MONTHS[day.month - 1]} {day.year}"
