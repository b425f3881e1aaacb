"""The filters shared by every page and kept in the URL.

`Filters` is frozen and holds only tuples, so Streamlit can cache on it.
`from_query_params` never fails: unknown or malformed values are dropped, so a
hand-edited or outdated link still opens.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date

from initiatives.model import ACTOR_TYPES, CATEGORIES, STATUSES, Initiative, normalise_key
from initiatives.reach import is_inside, reach

INSIDE_CHOICES = ("all", "inside", "outside")
TO_REVIEW, REVIEWED, REJECTED = STATUSES  # "extrait" is still to review ("à relire")
DEFAULT_STATUSES = (TO_REVIEW, REVIEWED)

# URL parameter of each field (French, since links are shared by users)
PARAMS = {"releases": "communique", "date_from": "du", "date_to": "au",
          "categories": "categorie", "actor_types": "acteur",
          "arrondissements": "arrondissement", "statuses": "statut",
          "inside": "lieu", "search": "q", "reviewed_only": "relus"}
INSIDE_PARAMS = {"all": "tous", "inside": "dedans", "outside": "dehors"}

_RELEASE_ID = re.compile(r"^[\w-]{1,80}$")
_ARRONDISSEMENT = re.compile(r"^[0-9AB]{3,4}$")
MAX_SEARCH = 200
YES = ("oui", "1", "true", "vrai")


@dataclass(frozen=True)
class Filters:
    releases: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    categories: tuple[str, ...] = ()
    actor_types: tuple[str, ...] = ()
    arrondissements: tuple[str, ...] = ()
    statuses: tuple[str, ...] = DEFAULT_STATUSES  # () means every status
    inside: str = "all"                           # "all" | "inside" | "outside"
    search: str = ""
    reviewed_only: bool = False                   # only initiatives a person has checked

    def __post_init__(self) -> None:
        # lists passed by callers would make the object unhashable
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, (list, set, frozenset)):
                object.__setattr__(self, f.name, tuple(value))
        if self.inside not in INSIDE_CHOICES:
            raise ValueError(f"Choix de lieu inconnu : {self.inside}")

    def to_query_params(self) -> dict[str, str | list[str]]:
        """Only what differs from the defaults, so an unfiltered view has a clean URL."""
        default, out = Filters(), {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value == getattr(default, f.name):
                continue
            name = PARAMS[f.name]
            if isinstance(value, tuple):
                # an explicit empty status list means "all": say it, or it reads as default
                out[name] = list(value) if value else ["tous"]
            elif isinstance(value, date):
                out[name] = value.isoformat()
            elif f.name == "inside":
                out[name] = INSIDE_PARAMS[value]
            elif isinstance(value, bool):
                out[name] = "oui" if value else "non"
            else:
                out[name] = str(value)
        return out

    @classmethod
    def from_query_params(cls, params) -> Filters:
        """Read filters from `st.query_params` or a plain dict of str or lists."""
        def values(field_name: str) -> list[str]:
            key = PARAMS[field_name]
            try:
                if hasattr(params, "get_all"):
                    raw = params.get_all(key)
                else:
                    raw = params.get(key, [])
            except Exception:
                return []
            raw = [raw] if isinstance(raw, str) else raw
            try:
                return [v.strip() for v in raw if isinstance(v, str) and v.strip()]
            except TypeError:
                return []

        def keep(field_name: str, ok) -> tuple[str, ...]:
            return tuple(dict.fromkeys(v for v in values(field_name) if ok(v)))

        statuses = keep("statuses", lambda v: v in STATUSES)
        if not statuses:
            statuses = () if "tous" in values("statuses") else DEFAULT_STATUSES
        low, high = _date(values("date_from")), _date(values("date_to"))
        if low and high and low > high:
            low, high = high, low
        inside = {v: k for k, v in INSIDE_PARAMS.items()}
        place = next((inside.get(v, v) for v in values("inside")
                      if inside.get(v, v) in INSIDE_CHOICES), "all")
        search = values("search")
        return cls(
            releases=keep("releases", _RELEASE_ID.match),
            date_from=low, date_to=high,
            categories=keep("categories", lambda v: v in CATEGORIES),
            actor_types=keep("actor_types", lambda v: v in ACTOR_TYPES),
            arrondissements=keep("arrondissements", _ARRONDISSEMENT.match),
            statuses=statuses, inside=place,
            search=search[-1][:MAX_SEARCH] if search else "",
            reviewed_only=any(v.lower() in YES for v in values("reviewed_only")))

    def keeps_observation(self, release_id: str, as_of: date | None) -> bool:
        """Whether a figure of this release and date falls within the filters."""
        if self.releases and release_id not in self.releases:
            return False
        if self.date_from and (as_of is None or as_of < self.date_from):
            return False
        if self.date_to and (as_of is None or as_of > self.date_to):
            return False
        return True


def _date(texts: list[str]) -> date | None:
    for text in reversed(texts):
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            continue
    return None


def _haystack(ini: Initiative) -> str:
    parts = [ini.actor, ini.excerpt, ini.category, ini.actor_type, *ini.contacts]
    parts += [p.query or "" for p in ini.places] + [p.nom or "" for p in ini.places]
    return " " + normalise_key(" ".join(parts)) + " "


def refine(initiatives: list[Initiative], filters: Filters,
           dep: str | None = None) -> list[Initiative]:
    """The filters that need geography or text (place, arrondissement, search), and
    the review switch (`reviewed_only`: checked initiatives only).

    A département-wide or national initiative does not match an arrondissement: it
    is not placed in any (see `reach`).
    """
    out = []
    needle = normalise_key(filters.search)
    wanted = set(filters.arrondissements)
    for ini in initiatives:
        if filters.reviewed_only and ini.status != REVIEWED:
            continue
        if filters.inside != "all" and is_inside(ini, dep) != (filters.inside == "inside"):
            continue
        if wanted and not wanted & reach(ini, dep).arrondissements:
            continue
        if needle and f" {needle}" not in _haystack(ini):
            continue
        out.append(ini)
    return out
