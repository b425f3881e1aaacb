"""Who said it and when: the source footer every exported figure carries.

Built from the releases cited by the filtered initiatives (`metrics.sources`),
so a file filtered on n°7 does not claim n°2 as a source.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import config
from geo import reference
from initiatives import metrics
from initiatives.filters import Filters
from initiatives.formatting import format_date
from initiatives.metrics import situation_date  # noqa: F401 (report's callers use it here)


def app_name(dep: str | None = None) -> str:
    """`Pas-de-Calais solidaire`: the app's name, in titles and file names."""
    return f"{reference.departement_name(dep)} solidaire"


def prefecture(dep: str | None = None) -> str:
    """`préfecture du Pas-de-Calais` (the name comes from the reference data)."""
    return f"préfecture {reference.of_departement(dep)}"


def of_prefecture(dep: str | None = None) -> str:
    """`de la préfecture du Pas-de-Calais`; `des préfectures` in national mode."""
    return "des préfectures" if config.is_national(dep) else f"de la {prefecture(dep)}"


def cited(store, filters: Filters | None = None, dep: str | None = None) -> list[dict]:
    """Releases cited by the filtered data, oldest first (see `metrics.sources`)."""
    return metrics.sources(store, filters or Filters(), dep or config.departement())


def cited_by_figures(store, filters: Filters | None = None,
                     dep: str | None = None) -> list[dict]:
    """Releases behind the département's figures (maps, charts, the briefing): those
    count only initiatives inside it, so a newsletter about elsewhere is not cited."""
    filters = filters or Filters()
    if filters.inside == "all":
        filters = replace(filters, inside="inside")
    return cited(store, filters, dep)


def _numbers(numbers: list[int]) -> str:
    """`n°2 à n°7` for a full run, else `n°2, n°5 et n°7` (never implies a missing one)."""
    numbers = sorted(set(numbers))
    if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"n°{numbers[0]} à n°{numbers[-1]}"
    labels = [f"n°{n}" for n in numbers]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " et " + labels[-1]


def releases_text(releases: list[dict]) -> str:
    """`n°2 à n°7 et communiqué du 27 mars 2020` from the cited releases."""
    parts = []
    numbered = [r["number"] for r in releases if r.get("number")]
    if numbered:
        parts.append(_numbers(numbered))
    for r in releases:
        if not r.get("number") and r.get("id"):
            parts.append(f"« {r['title']} »" + (f" du {format_date(r['date'])}"
                                                 if r.get("date") else ""))
    return " ; ".join(parts)


def footer(releases: list[dict], dep: str | None = None, today: date | None = None) -> str:
    """`Source : communiqués de la préfecture du Pas-de-Calais, n°2 à n°7 ; situation au
    30 avril 2020`. With no release, the date is today's and says so."""
    head = f"Source : communiqués {of_prefecture(dep)}"
    text = releases_text(releases)
    manual = any(not r.get("id") for r in releases)
    if text:
        head += f", {text}"
    elif not manual:
        head += " (aucun ne correspond aux filtres)"
    if manual:
        head += " ; saisies manuelles"
    day = situation_date(releases)
    when = (f"situation au {format_date(day)}" if day
            else f"édité le {format_date(today or date.today())}")
    return f"{head} ; {when}"
