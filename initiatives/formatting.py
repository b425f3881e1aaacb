"""French display of numbers, dates and figures: `1 600`, `21 avril 2020`,
`masques : environ 1 600 (réalisé)`."""
from __future__ import annotations

from datetime import date

from initiatives.model import KIND_LABELS

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


def figure_line(item: str, value: float, unit: str, kind: str, approx: bool = False) -> str:
    """`masques : environ 1 600 (réalisé)`; the unit is said unless it is plain units."""
    return (f"{item} : {'environ ' if approx else ''}{format_number(value)}"
            f"{'' if unit in ('unités', '') else ' ' + unit} ({KIND_LABELS.get(kind, kind)})")
