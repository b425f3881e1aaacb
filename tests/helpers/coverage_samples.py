"""A coverage store shaped like the seed: the places of the bundled releases, one
initiative each (used when the reviewed seed is missing), and `make_store`.
"""
from __future__ import annotations

from datetime import date

import config
from initiatives.model import Initiative, Place, Release
from initiatives.store import open_store

PROTECTION = "protection et production de matériel"
FOOD = "aide alimentaire"
RELEASE = Release(title="Covid-19 : le Pas-de-Calais solidaire (échantillon)", number=99,
                  date=date(2020, 5, 14), source="echantillon.txt", body="Arras ...")


def place(level: str, code: str, nom: str, dep: str | None = "62",
          inside: bool = True) -> Place:
    return Place(query=nom, code=code, nom=nom, level=level, departement=dep, inside=inside,
                 method="exact", confidence=1.0)


def ini(actor: str, place: Place, category: str = PROTECTION,
        actor_type: str = "association") -> Initiative:
    return Initiative(release_id=RELEASE.id, actor=actor, actor_type=actor_type,
                      category=category, excerpt=f"{actor} : extrait", places=[place])


def bundled_like() -> list[Initiative]:
    """The places of the seed announced for the bundled releases (one row each)."""
    c = lambda code, nom: place("commune", code, nom)  # noqa: E731
    t = lambda code, nom: place("territoire", code, nom)  # noqa: E731
    return [
        ini("Durand Production", c("62413", "Harnes"), actor_type="entreprise"),
        ini("Ville de Harnes", c("62413", "Harnes"), FOOD, "collectivité"),
        ini("Jonathan Petit", t("T-CALAISIS", "Calaisis"), actor_type="citoyen ou collectif"),
        ini("CRS 9 de Rennes", t("T-CALAISIS", "Calaisis"), "soutien aux soignants",
            "service public ou établissement"),
        ini("Imprimeurs de cœur", t("T-CALAISIS", "Calaisis"), actor_type="citoyen ou collectif"),
        ini("Ville de Marck", c("62548", "Marck"), actor_type="collectivité"),
        ini("Couturières de Marck", c("62548", "Marck"), actor_type="citoyen ou collectif"),
        ini("Conseil citoyen de Houdain", c("62457", "Houdain")),
        ini("Mosquée Annour d'Arras", c("62041", "Arras"), "soutien aux soignants", "culte"),
        ini("Flavien Leblond", c("62193", "Calais"), actor_type="citoyen ou collectif"),
        ini("Face Côte d'Opale", c("62193", "Calais"), FOOD),
        ini("Haillicourt solidaire", c("62400", "Haillicourt")),
        ini("Ville de Mazingarbe", c("62563", "Mazingarbe"), actor_type="collectivité"),
        ini("Couturières de Mazingarbe", c("62563", "Mazingarbe"), FOOD),
        ini("Ville de Liévin", c("62510", "Liévin"), actor_type="collectivité"),
        ini("TT Plast", c("62498", "Lens"), actor_type="entreprise"),
        ini("Menadel", c("62528", "Loos-en-Gohelle"), actor_type="entreprise"),
        ini("Les Anges gardins", t("T-BASSIN-MINIER", "Bassin minier"), FOOD),
        ini("Lillers solidaire", c("62516", "Lillers")),
        ini("Calonne solidaire", c("62195", "Calonne-sur-la-Lys")),
        ini("Offin solidaire", c("62635", "Offin")),
        ini("Ruminghem solidaire", c("62730", "Ruminghem")),
        ini("Delphine Lefebvre", c("62393", "Guemps"), actor_type="citoyen ou collectif"),
        ini("Ferques solidaire", c("62329", "Ferques")),
        ini("Planète sciences", t("T-LENSOIS", "Lensois"), "continuité pédagogique et numérique"),
        ini("Haisnes solidaire", c("62401", "Haisnes")),
        ini("Réserve civique / jeveuxaider.gouv.fr", place("departement", "62", "Pas-de-Calais"),
            "bénévolat et plateformes", "service public ou établissement"),
        ini("DOCAPOSTE", place("national", "FR", "France", None, True),
            "lien avec les personnes isolées ou confinées", "entreprise"),
        ini("Association Arpeije", place("commune", "92023", "Clamart", "92", False)),
        ini("Atelier parisien", place("commune", "75056", "Paris", "75", False)),
        ini("Couturières du 93", place("departement", "93", "Seine-Saint-Denis", "93", False)),
        ini("Solidarité numérique", place("national", "FR", "France", None, False),
            "continuité pédagogique et numérique"),
    ]


def make_store(path):
    """The seed when it exists, else the hand-made sample."""
    if config.SEED_PATH.exists():
        return open_store(path, seed=config.SEED_PATH)
    store = open_store(path, seed=None)
    store.ingest(RELEASE, bundled_like())
    return store
