"""Releases and initiatives shaped like the bundled press releases, for store tests.

N2 and N7 follow the real releases; N8 is a hypothetical follow-up in which the
town of Marck reports 3 000 masks done (cumulative), so totals must say 3 000 for
Marck, not 1 600 + 3 000.
"""
from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from urllib.parse import quote

import psycopg

from initiatives.model import Initiative, Place, Quantity, Release

N2 = Release(title="Covid-19 : le Pas-de-Calais solidaire n°2", number=2,
             date=date(2020, 4, 8), source="2020-04-08_pdc-solidaire-n2.txt",
             body="Arras, le 8 avril 2020 ...")
N7 = Release(title="Covid-19 : le Pas-de-Calais solidaire n°7", number=7,
             date=date(2020, 4, 30), source="2020-04-30_pdc-solidaire-n7.txt",
             body="Arras, le 30 avril 2020 ...")
N8 = Release(title="Covid-19 : le Pas-de-Calais solidaire n°8", number=8,
             date=date(2020, 5, 7), source="n8.txt", body="Arras, le 7 mai 2020 ...")
NEWSLETTER = Release(title="Solidaires dans la crise !", source="newsletter.txt",
                     body="Une association de Clamart mobilise un atelier ...")

PROTECTION = "protection et production de matériel"
MARCK_N7 = ("La ville de Marck a produit des masques en tissus lavables et réutilisables :"
            " 1 600 réalisés à ce jour pour un objectif de 11 000 masques, grâce à "
            "l'action de 62 couturières")
MARCK_N8 = "La ville de Marck a désormais produit 3 000 masques en tissu."


def commune(code: str, nom: str, dep: str = "62") -> Place:
    return Place(query=nom, code=code, nom=nom, level="commune", departement=dep,
                 inside=dep == "62", method="exact", confidence=1.0)


def qty(item: str, value: float, kind: str = "done", unit: str = "unités",
        sentence: str = "") -> Quantity:
    return Quantity(item=item, value=value, unit=unit, kind=kind, sentence=sentence)


def initiative(release: Release, actor: str, place: Place, *quantities: Quantity,
               actor_type: str = "collectivité", category: str = PROTECTION,
               excerpt: str = "", contacts=()) -> Initiative:
    return Initiative(release_id=release.id, actor=actor, actor_type=actor_type,
                      category=category, excerpt=excerpt or f"{actor} ({release.id})",
                      places=[place], quantities=list(quantities), contacts=list(contacts))


def n2() -> list[Initiative]:
    return [
        initiative(N2, "Conseil citoyen de Houdain", commune("62457", "Houdain"),
                   qty("masques", 1000, sentence="a fabriqué et distribué 1 000 masques"),
                   actor_type="citoyen ou collectif"),
        initiative(N2, "Durand Production", commune("62413", "Harnes"),
                   qty("solution hydro-alcoolique", 50000, "per_day", "litres",
                       "L'entreprise produit 50 000 litres par jour"),
                   actor_type="entreprise"),
        initiative(N2, "Mosquée Annour d'Arras", commune("62041", "Arras"),
                   qty("parts de pizza", 200, sentence="le don de 200 parts de pizzas"),
                   actor_type="culte", category="soutien aux soignants"),
    ]


def marck_n7() -> Initiative:
    return initiative(N7, "Ville de Marck", commune("62548", "Marck"),
                      qty("masques", 1600, sentence=MARCK_N7),
                      qty("masques", 11000, "target", sentence=MARCK_N7),
                      qty("couturières", 62, "volunteers", "personnes", MARCK_N7),
                      excerpt=MARCK_N7, contacts=["https://fr-fr.facebook.com/ville.marck"])


def n7() -> list[Initiative]:
    return [
        marck_n7(),
        initiative(N7, "Delphine Lefebvre", commune("62393", "Guemps"),
                   qty("masques", 1200, sentence="distribuer 1200 masques pour la commune"),
                   actor_type="citoyen ou collectif"),
        initiative(N7, "Imprimeurs de cœur",
                   Place(query="calaisis", code="200090751",
                         nom="CA Grand Calais Terres et Mers", level="epci",
                         departement="62", inside=True, method="alias", confidence=0.9),
                   qty("visières", 2000, sentence="2000 visières ont d'ores et déjà été produites"),
                   actor_type="citoyen ou collectif"),
    ]


def n8() -> list[Initiative]:
    return [initiative(N8, "Ville de Marck", commune("62548", "Marck"),
                       qty("masques", 3000, sentence=MARCK_N8), excerpt=MARCK_N8)]


def newsletter() -> list[Initiative]:
    return [initiative(NEWSLETTER, "Association Arpeije", commune("92023", "Clamart", "92"),
                       qty("masques", 500, sentence="500 masques fabriqués"),
                       actor_type="association")]


def fill(store) -> None:
    """The sample store: N2, N7, N8 and the newsletter (outside the département)."""
    store.ingest(N2, n2())
    store.ingest(N7, n7())
    store.ingest(N8, n8())
    store.ingest(NEWSLETTER, newsletter())


def snapshot(path) -> dict:
    """Every row of every table of a store (a file, or a `postgresql://` database), to
    prove that nothing changed. Read without writing anything; a WAL file in a read-only
    folder is read as immutable."""
    if str(path).startswith("postgresql://"):
        with psycopg.connect(str(path), autocommit=True) as conn:
            tables = [r[0] for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")]
            return {t: sorted(tuple(r) for r in conn.execute(f'SELECT * FROM "{t}"'))
                    for t in tables}
    for how in ("mode=ro", "mode=ro&immutable=1"):
        try:
            with closing(sqlite3.connect(f"file:{quote(str(path))}?{how}", uri=True)) as conn:
                tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master "
                                                     "WHERE type='table' ORDER BY name")]
                return {t: sorted(map(tuple, conn.execute(f"SELECT * FROM {t}")))
                        for t in tables}
        except sqlite3.OperationalError:
            if "immutable" in how:
                raise
