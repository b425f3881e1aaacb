"""French display of numbers, dates and figures: `1 600`, `21 avril 2020`,
`masques : environ 1 600 (réalisé)`. Dates are formatted in `initiatives.dates`
(below the model, which cites a release by its date) and re-exported here."""
from __future__ import annotations

from initiatives.dates import MONTHS, format_date
from initiatives.model import KIND_LABELS

__all__ = ["MONTHS", "NBSP", "figure_line", "format_date", "format_number"]

NBSP = "\u202f"  # narrow no-break space, the French thousands separator


def format_number(value: float | int | None, decimals: int = 0) -> str:
    if value is None:
        return "–"
    text = f"{value:,.{decimals}f}".replace(",", NBSP).replace(".", ",")
    return text


def figure_line(item: str, value: float, unit: str, kind: str, approx: bool = False) -> str:
    """`masques : environ 1 600 (réalisé)`; the unit is said unless it is plain units."""
    return (f"{item} : {'environ ' if approx else ''}{format_number(value)}"
            f"{'' if unit in ('unités', '') else ' ' + unit} ({KIND_LABELS.get(kind, kind)})")
