"""The Import page's tables: the initiatives read and every number of the text as the
editors show them, with their choices. Plain pandas; the reading, corrections and
saving are in `initiatives.importing` (shared with `python -m initiatives ingest`).
"""
from __future__ import annotations

import pandas as pd

from initiatives.importing import DROP, NUMBERS, OUTSIDE, PREVIEW, Parsed, nature, place_label, why
from initiatives.metrics import figures_lines
from initiatives.model import ACTOR_TYPES, APART, CATEGORIES, COUNTED, KIND_LABELS, SET_ASIDE

READ_ONLY = [PREVIEW[k] for k in ("figures", "excerpt")]
NUMBERS_READ_ONLY = [v for k, v in NUMBERS.items() if k != "kind"]
TO_CHECK = "Paragraphe avec des chiffres mais sans initiative reconnue, à vérifier : "


def preview(parsed: Parsed) -> pd.DataFrame:
    """The initiatives as an editable table: keep or drop, actor, types, places (names
    separated by « ; »)."""
    rows = [{"keep": True, "actor": i.actor, "actor_type": i.actor_type, "category": i.category,
             "places": "; ".join(place_label(p) for p in i.places),
             "figures": " ; ".join(figures_lines(i)), "excerpt": i.excerpt}
            for i in parsed.initiatives]
    return pd.DataFrame(rows, columns=list(PREVIEW)).rename(columns=PREVIEW)


def nature_choices() -> list[str]:
    return [*KIND_LABELS.values(), DROP]


def numbers_preview(parsed: Parsed) -> pd.DataFrame:
    """Every number read in the text: as written, what was made of it, its kind (editable
    for the numbers of an initiative), why, its initiative and its sentence."""
    actors = [i.actor for i in parsed.initiatives]
    rows = [{"text": n.text, "label": n.label, "kind": nature(n), "reason": why(n),
             "initiative": actors[n.initiative] if n.initiative is not None
             and 0 <= n.initiative < len(actors) else OUTSIDE,
             "sentence": n.sentence} for n in parsed.numbers]
    return pd.DataFrame(rows, columns=list(NUMBERS)).rename(columns=NUMBERS)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n < 2 else many}"


def numbers_summary(parsed: Parsed) -> str:
    """`4 nombres lus : 1 compté comme réalisé, 1 montré à part, 2 écartés`."""
    by = {s: sum(1 for n in parsed.numbers if n.status == s) for s in (COUNTED, APART,
                                                                     SET_ASIDE)}
    return (_plural(len(parsed.numbers), "nombre lu", "nombres lus") + " : "
            + _plural(by[COUNTED], "compté comme réalisé", "comptés comme réalisés") + ", "
            + _plural(by[APART], "montré à part", "montrés à part") + ", "
            + _plural(by[SET_ASIDE], "écarté", "écartés"))


def choices() -> dict:
    """Column options of the preview editor."""
    return {PREVIEW["actor_type"]: list(ACTOR_TYPES), PREVIEW["category"]: list(CATEGORIES)}
