"""The levels a place resolves to, and the units figures are counted by, with their
French names: defined here once, read by geography, metrics, maps and pages."""
from __future__ import annotations

# Levels a place resolves to (see geo.geocode).
PLACE_LEVELS = ("commune", "epci", "arrondissement", "territoire", "departement", "national")
# Units the département is cut into for counts, coverage and maps.
LEVELS = ("commune", "epci", "arrondissement")
LABELS = {"commune": "Communes", "epci": "Intercommunalités",
          "arrondissement": "Arrondissements"}
SINGULAR = {"commune": "commune", "epci": "intercommunalité",
            "arrondissement": "arrondissement"}
WITH_ARTICLE = {"commune": "la commune", "epci": "l'intercommunalité",
                "arrondissement": "l'arrondissement"}
# the reference layer (geo.reference.LAYERS) drawing each unit
LAYERS = {"commune": "communes", "epci": "epci", "arrondissement": "arrondissements"}


def check(level: str) -> str:
    """The level, or a French ValueError naming the known ones."""
    if level not in LEVELS:
        raise ValueError(f"Niveau inconnu : {level} (commune, epci ou arrondissement).")
    return level
