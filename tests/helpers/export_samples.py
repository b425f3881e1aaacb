"""A sample store for the export tests: the bundled releases' shape, plus the private
persons, elected officials and hostile cells the exports must handle."""
from __future__ import annotations

from datetime import date

from initiatives.model import Place, Release
from initiatives.store import open_store
from tests.helpers.store_samples import commune, fill, initiative, qty

N5 = Release(title="Covid-19 : le Pas-de-Calais solidaire n°5", number=5,
             date=date(2020, 4, 21), source="2020-04-21_pdc-solidaire-n5.txt",
             body="Arras, le 21 avril 2020 ...")
HOSTILE_ACTOR = '=HYPERLINK("http://evil.example","clic")'
HOSTILE_PHONE = "+33 3 21 00 00 00"
CALAISIS = Place(query="secteur du calaisis", code="T-CALAISIS", nom="Calaisis",
                 level="territoire", departement="62", inside=True, method="alias",
                 confidence=0.9)
PETIT = ("De nombreuses initiatives citoyennes de particuliers ont également été relevées,"
         " à l'image de celle de Jonathan Petit qui a créé, sur le secteur du calaisis, "
         "des visières à destination des soignants.")
HOUZEL = ("Les habitants d'Offin reçoivent gratuitement un panier garni. Une initiative "
          "que le maire, Roger HOUZEL, finance sur ses propres deniers.")


def n5() -> list:
    return [
        initiative(N5, "Jonathan Petit", CALAISIS,
                   qty("visières", 50, sentence="une cinquantaine de visières ont déjà été "
                       "livrées par Jonathan Petit"),
                   actor_type="citoyen ou collectif", excerpt=PETIT,
                   contacts=["https://www.facebook.com/jonathan.petit"]),
        initiative(N5, "Paul et Jimmy", commune("62548", "Marck"),
                   qty("visières", 60, sentence="60 exemplaires ont été livrés"),
                   actor_type="citoyen ou collectif",
                   excerpt="Paul et Jimmy, deux amis étudiants, fabriquent des visières."),
        initiative(N5, "Flavien Leblond", commune("62193", "Calais"),
                   actor_type="citoyen ou collectif",
                   category="lien avec les personnes isolées ou confinées",
                   excerpt="Confiné chez lui à Calais, Flavien Leblond a développé deux pages."),
        initiative(N5, "collectif « les petites mains »", commune("62329", "Ferques"),
                   qty("masques", 1500, sentence="confectionné en une semaine 1 500 masques"),
                   actor_type="citoyen ou collectif",
                   excerpt="le collectif « les petites mains » à Ferques"),
        initiative(N5, "Commune d'Offin", commune("62635", "Offin"),
                   actor_type="collectivité", category="aide alimentaire", excerpt=HOUZEL),
        initiative(N5, HOSTILE_ACTOR, commune("62498", "Lens"),
                   qty("repas", 300, sentence="@SUM(1+1) repas servis"),
                   actor_type="association", category="aide alimentaire",
                   excerpt="-2+3 cmd|' /C calc'!A0", contacts=[HOSTILE_PHONE]),
        initiative(N5, "Préfecture du Pas-de-Calais",
                   Place(query="Pas-de-Calais", code="62", nom="Pas-de-Calais",
                         level="departement", departement="62", inside=True),
                   qty("masques", 100000, "target", sentence="objectif de 100 000 masques"),
                   actor_type="service public ou établissement",
                   category="bénévolat et plateformes", excerpt="Une plateforme départementale."),
    ]


def sample_store(path):
    """N2, N5 (above), N7, N8 and the newsletter, in a new store at `path`."""
    store = open_store(path, seed=None)
    fill(store)
    store.ingest(N5, n5())
    return store
