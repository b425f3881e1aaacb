"""The domain model: a release, the initiatives read from it, their places and quantities.

Plain dataclasses shared by extraction, the store, metrics and reports.
Every quantity keeps the sentence it came from; every initiative its excerpt
and its release, so no figure is shown without its source.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date

from geo.levels import PLACE_LEVELS
from initiatives.dates import format_date

# Kinds of quantity. Totals add only DONE; the others are shown apart.
DONE, TARGET, ORDERED, NEEDED, PER_DAY, PER_WEEK, BENEFICIARIES, VOLUNTEERS = (
    "done", "target", "ordered", "needed", "per_day", "per_week", "beneficiaries",
    "volunteers")
KINDS = (DONE, TARGET, ORDERED, NEEDED, PER_DAY, PER_WEEK, BENEFICIARIES, VOLUNTEERS)
KIND_LABELS = {DONE: "réalisé", TARGET: "objectif", ORDERED: "commandé, pas encore livré",
               NEEDED: "besoin exprimé", PER_DAY: "par jour", PER_WEEK: "par semaine",
               BENEFICIARIES: "bénéficiaires", VOLUNTEERS: "bénévoles"}

# What became of a number read in a text (see `NumberNote`).
COUNTED, APART, SET_ASIDE = "counted", "apart", "set_aside"
NOTE_STATUS_LABELS = {COUNTED: "compté comme réalisé", APART: "montré à part",
                      SET_ASIDE: "écarté"}
# Why a number is not a quantity.
SET_ASIDE_LABELS = {
    "date": "date", "year": "année", "time": "heure", "phone": "téléphone",
    "postcode": "code postal", "address": "adresse", "reference": "numéro ou nom",
    "population": "population", "per_unit": "quantité par unité ou par personne",
    "price": "prix ou aide par personne", "place_count": "nombre de lieux ou de structures",
    "age": "âge", "percent": "pourcentage", "duration": "durée", "ordinal": "rang",
    "national": "chiffre national, pas local",
    "departement_wide": "chiffre de tout le département ou de l'arrondissement, pas d'une initiative",
    "no_item": "rien de compté",
    "no_initiative": "hors initiative", "part": "partie d'un chiffre déjà donné (« dont »)",
    "restated": "même chiffre déjà donné plus haut dans le même récit",
    "refined": "estimation remplacée par son compte exact, donné juste après",
    "sum": "total des chiffres donnés juste avant, déjà comptés",
    "comparison": "chiffre d'une autre période, donné pour comparer (« contre », « l'an "
                  "dernier », « d'habitude »)",
    "means": "moyens employés (machines, véhicules…), pas ce qui est produit",
    "limit": "limite ou jauge (« au maximum », « à la fois »), pas un compte",
    "reminder": "rappel du contexte (« pour rappel », « pour mémoire »), pas une action",
    "stock": "quantité détenue (« disposer de », « posséder »), pas une action",
    "epidemic": "bilan de l'épidémie (malades, hospitalisations, décès), pas une action",
}

ASSOCIATION, COMPANY, LOCAL_GOV, CITIZEN, PUBLIC, WORSHIP = (
    "association", "entreprise", "collectivité", "citoyen ou collectif",
    "service public ou établissement", "culte")
ACTOR_TYPES = (ASSOCIATION, COMPANY, LOCAL_GOV, CITIZEN, PUBLIC, WORSHIP)

CATEGORIES = (
    "protection et production de matériel",
    "soutien aux soignants",
    "aide alimentaire",
    "lien avec les personnes isolées ou confinées",
    "continuité pédagogique et numérique",
    "garde d'enfants",
    "bénévolat et plateformes",
    "autre",
)

STATUSES = ("extrait", "vérifié", "rejeté")

# Levels a place resolves to (see geo.geocode).
LEVELS = PLACE_LEVELS


@dataclass
class Release:
    """One press release. `id` is stable across text and PDF copies of it."""
    title: str
    body: str
    number: int | None = None
    date: date | None = None
    source: str = ""  # file name or "texte collé"
    id: str = ""
    dateline: str = ""  # the place a dateline names ("Arras, le 21 avril 2020" → "Arras")

    def __post_init__(self) -> None:
        if not self.id:
            self.id = release_id(self.title, self.number, self.date, self.body)

    @property
    def variant_of(self) -> str:
        """The id of the stored release whose number and date this one claims with a
        different text (`2020-04-30-n7` for `2020-04-30-n7-<digest>`), else ""."""
        if self.number and self.date:
            claimed = f"{self.date.isoformat()}-n{self.number}"
            if self.id.startswith(claimed + "-"):
                return claimed
        return ""

    @property
    def label(self) -> str:
        """How a release is cited on screen: `n°7 du 30 avril 2020`; another text
        claiming that number and date: `n°7 du 30 avril 2020 (autre texte, à vérifier)`."""
        parts = [f"n°{self.number}" if self.number else self.title]
        if self.date:
            parts.append(f"du {format_date(self.date)}")
        if self.variant_of:
            parts.append(VARIANT_MARK)
        return " ".join(parts)


@dataclass
class Place:
    query: str                   # as written in the text
    code: str | None             # INSEE code, SIREN, territory code; None if unresolved
    nom: str | None = None
    level: str | None = None     # one of LEVELS
    departement: str | None = None
    inside: bool = True          # inside the current département
    method: str = ""             # exact, alias, fuzzy, online, cache, manual
    confidence: float = 0.0


@dataclass
class Quantity:
    item: str                    # normalised: "masques", "visières", "solution hydro-alcoolique"...
    value: float
    unit: str                    # "unités", "litres", "euros", "personnes", "familles"...
    kind: str                    # one of KINDS
    approx: bool = False         # "une cinquantaine", "près de", "plus de", "environ"
    sentence: str = ""           # the sentence the figure was read from
    release_id: str = ""         # set by the store: the release it was observed in
    as_of: date | None = None    # set by the store: that release's date
    reason: str = ""             # the cue words that decided the kind, shown to reviewers


@dataclass
class Initiative:
    release_id: str
    actor: str
    actor_type: str              # one of ACTOR_TYPES
    category: str                # one of CATEGORIES
    excerpt: str                 # exact paragraph or bullet it was read from
    places: list[Place] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)
    status: str = "extrait"      # one of STATUSES
    id: int | None = None        # set by the store

    @property
    def key(self) -> str:
        """Identity across releases: same actor and same main place."""
        place = self.places[0].code if self.places and self.places[0].code else ""
        return f"{normalise_key(self.actor)}|{place}"

    @property
    def inside(self) -> bool:
        """Placed in the département (national schemes count as inside)."""
        return any(p.inside for p in self.places) if self.places else True

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class NumberNote:
    """A number read in a release and what was made of it: every number is accounted for."""
    text: str                    # as written: "12 000", "une quinzaine"
    value: float | None
    sentence: str
    status: str                  # COUNTED, APART or SET_ASIDE
    reason: str                  # cue words for a kind, or a SET_ASIDE_LABELS key
    kind: str | None = None      # the quantity's kind, None when set aside
    item: str = ""
    initiative: int | None = None  # index in the release's initiatives, None if none

    @property
    def label(self) -> str:
        """What was made of the number, in French."""
        if self.status == SET_ASIDE:
            return f"écarté : {SET_ASIDE_LABELS.get(self.reason, self.reason)}"
        return KIND_LABELS.get(self.kind or "", self.kind or "")


@dataclass
class Reading:
    """All that was read in one release: its initiatives, every number with what was
    made of it, and the paragraphs with figures that gave no initiative (to check)."""
    release: Release
    initiatives: list[Initiative] = field(default_factory=list)
    numbers: list[NumberNote] = field(default_factory=list)
    to_check: list[str] = field(default_factory=list)


def normalise_key(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


VARIANT_MARK = "(autre texte, à vérifier)"


def content_digest(body: str) -> str:
    """A release's identity by content: the hash of its letters and digits, without
    accents, case, spacing or punctuation, so the text and PDF copies of one release
    agree and any other wording differs."""
    text = unicodedata.normalize("NFKD", body or "").encode("ascii", "ignore").decode()
    return hashlib.sha256(re.sub(r"[^a-z0-9]+", "", text.lower()).encode()).hexdigest()


# `variant_id`'s shape: the id a release claims, then ten hex digits of its content
VARIANT_ID = re.compile(r"\d{4}-\d{2}-\d{2}-n\d+-[0-9a-f]{10}")


def is_variant_id(release_id: str) -> bool:
    return bool(VARIANT_ID.fullmatch(release_id or ""))


def variant_id(claimed_id: str, body: str) -> str:
    """The id of a text claiming a stored release's id with other content."""
    return f"{claimed_id}-{content_digest(body)[:10]}"


def release_id(title: str, number: int | None, day: date | None, body: str) -> str:
    """`2020-04-30-n7` when dated and numbered, else a short content hash."""
    if day and number:
        return f"{day.isoformat()}-n{number}"
    digest = hashlib.sha256(normalise_key(body).encode()).hexdigest()[:10]
    return f"{day.isoformat()}-{digest}" if day else digest
