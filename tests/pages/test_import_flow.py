"""The import flow's logic on readings built by hand (the extractor is not involved):
every number listed with what was made of it, kinds chosen by the reviewer applied to
the matching figure, places typed as names resolved or refused in French."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from initiatives import importing
from initiatives.importing import Parsed
from initiatives.model import (
    APART,
    COUNTED,
    SET_ASIDE,
    Initiative,
    NumberNote,
    Place,
    Quantity,
    Reading,
    Release,
)
from initiatives.store import REVIEWED_REASON, StoreError, open_store
from ui import import_flow

RELEASE = Release(title="Vie locale : la semaine solidaire", body="(texte de test)",
                  date=date(2020, 5, 14), source="texte collé")
S1 = "Le 12 mai, l'atelier couture de Saint-Laurent-Blangy a distribué 300 masques aux habitants."
S2 = "Son objectif : coudre 2 000 masques d'ici juin."
S3 = "L'épicerie solidaire d'Arras a commandé 500 colis, livrés la semaine prochaine."
S4 = "Renseignements au 03 21 00 00 00."
S5 = "Une quarantaine de familles en profitent chaque semaine."
TO_CHECK = "La mairie rappelle que 3 marchés restent ouverts le samedi."


def commune(code: str, nom: str) -> Place:
    return Place(query=nom, code=code, nom=nom, level="commune", departement="62",
                 inside=True, method="exact", confidence=1.0)


def reading() -> Reading:
    atelier = Initiative(
        release_id=RELEASE.id, actor="Atelier couture de Saint-Laurent-Blangy",
        actor_type="association", category="protection et production de matériel",
        excerpt=f"{S1} {S2}", places=[commune("62753", "Saint-Laurent-Blangy")],
        quantities=[Quantity("masques", 300, "unités", "done", sentence=S1,
                             reason="verbe « distribuer » au passé"),
                    Quantity("masques", 2000, "unités", "target", sentence=S2,
                             reason="objectif (« objectif »)")])
    epicerie = Initiative(
        release_id=RELEASE.id, actor="Épicerie solidaire d'Arras", actor_type="association",
        category="aide alimentaire", excerpt=f"{S3} {S5}", places=[commune("62041", "Arras")],
        quantities=[Quantity("colis", 500, "unités", "ordered", sentence=S3,
                             reason="verbe « commander » au passé composé")])
    numbers = [
        NumberNote("12 mai", None, S1, SET_ASIDE, "date", initiative=0),
        NumberNote("300", 300.0, S1, COUNTED, "verbe « distribuer » au passé", "done",
                   "masques", 0),
        NumberNote("2 000", 2000.0, S2, APART, "objectif (« objectif »)", "target",
                   "masques", 0),
        NumberNote("500", 500.0, S3, APART, "verbe « commander » au passé composé",
                   "ordered", "colis", 1),
        NumberNote("03 21 00 00 00", None, S4, SET_ASIDE, "phone"),
        NumberNote("une quarantaine", 40.0, S5, SET_ASIDE, "per_unit", item="familles",
                   initiative=1),
    ]
    return Reading(RELEASE, [atelier, epicerie], numbers, [TO_CHECK])


@pytest.fixture
def parsed() -> Parsed:
    return Parsed("semaine.txt", RELEASE, reading())


def edit(frame: pd.DataFrame, row: int, column: str, value) -> pd.DataFrame:
    frame = frame.copy()
    frame.loc[row, column] = value
    return frame


def quantities(inis: list[Initiative]) -> list[list[tuple]]:
    return [[(q.item, q.value, q.kind, q.reason) for q in i.quantities] for i in inis]


def test_every_number_is_listed_with_what_was_made_of_it(parsed):
    table = import_flow.numbers_preview(parsed)
    assert list(table.columns) == ["Nombre", "Ce qui en est fait", "Nature", "Pourquoi",
                                   "Initiative", "Phrase"]
    assert list(table["Nombre"]) == ["12 mai", "300", "2 000", "500", "03 21 00 00 00",
                                     "une quarantaine"]
    assert list(table["Ce qui en est fait"]) == [
        "écarté : date", "réalisé", "objectif", "commandé, pas encore livré",
        "écarté : téléphone", "écarté : quantité par unité ou par personne"]
    assert [None if pd.isna(v) else v for v in table["Nature"]] == [
        "écarter", "réalisé", "objectif", "commandé, pas encore livré", "–", "écarter"]
    assert list(table["Pourquoi"]) == [
        "date", "verbe « distribuer » au passé", "objectif (« objectif »)",
        "verbe « commander » au passé composé", "téléphone",
        "quantité par unité ou par personne"]
    assert list(table["Initiative"]) == ["Atelier couture de Saint-Laurent-Blangy"] * 3 + [
        "Épicerie solidaire d'Arras", "–", "Épicerie solidaire d'Arras"]
    assert table.loc[3, "Phrase"] == S3
    assert import_flow.numbers_summary(parsed) == (
        "6 nombres lus : 1 compté comme réalisé, 2 montrés à part, 3 écartés")
    assert import_flow.nature_choices()[-1] == "écarter"
    assert "besoin exprimé" in import_flow.nature_choices()


def test_summary_speaks_french_for_one_or_none():
    one = Parsed("un.txt", RELEASE, Reading(RELEASE, [], [
        NumberNote("300", 300.0, S1, COUNTED, "", "done", "masques", 0)]))
    assert import_flow.numbers_summary(one) == (
        "1 nombre lu : 1 compté comme réalisé, 0 montré à part, 0 écarté")


def test_unchanged_numbers_change_nothing(parsed):
    table = import_flow.numbers_preview(parsed)
    assert importing.with_kinds(parsed, table) == parsed.initiatives
    # a cell emptied in the editor (None, NaN or NA) changes nothing either
    for missing in (None, float("nan"), pd.NA):
        emptied = edit(table.astype(object), 1, "Nature", missing)
        assert importing.with_kinds(parsed, emptied) == parsed.initiatives


def test_edited_kinds_apply_to_the_matching_figure(parsed):
    table = import_flow.numbers_preview(parsed)
    table = edit(table, 2, "Nature", "écarter")            # the target: not saved
    table = edit(table, 3, "Nature", "réalisé")            # the order was delivered
    table = edit(table, 5, "Nature", "bénéficiaires")      # a number set aside, kept
    table = edit(table, 4, "Nature", "écarter")            # outside any initiative: no-op
    atelier, epicerie = importing.with_kinds(parsed, table)
    assert quantities([atelier]) == [[("masques", 300, "done",
                                       "verbe « distribuer » au passé")]]
    assert quantities([epicerie]) == [[("colis", 500, "done", REVIEWED_REASON),
                                       ("familles", 40.0, "beneficiaries", REVIEWED_REASON)]]
    assert epicerie.quantities[1].sentence == S5
    # the reading itself is left as it was
    assert len(parsed.initiatives[0].quantities) == 2


def test_two_figures_of_one_sentence_are_told_apart_by_their_item():
    sentence = "Le club a remis 300 masques et 300 blouses à l'hôpital."
    ini = Initiative(release_id=RELEASE.id, actor="Club", actor_type="association",
                     category="soutien aux soignants", excerpt=sentence,
                     places=[commune("62041", "Arras")],
                     quantities=[Quantity("masques", 300, "unités", "done", sentence=sentence),
                                 Quantity("blouses", 300, "unités", "done", sentence=sentence)])
    notes = [NumberNote("300", 300.0, sentence, COUNTED, "", "done", "masques", 0),
             NumberNote("300", 300.0, sentence, COUNTED, "", "done", "blouses", 0)]
    parsed = Parsed("club.txt", RELEASE, Reading(RELEASE, [ini], notes))
    table = edit(import_flow.numbers_preview(parsed), 1, "Nature", "écarter")
    [kept] = importing.with_kinds(parsed, table)
    assert [q.item for q in kept.quantities] == ["masques"]


@pytest.mark.parametrize("row, choice, message", [
    (4, "réalisé", "n'appartient à aucune initiative"),        # the phone number
    (0, "réalisé", "ne compte aucun objet"),                    # the date
    (1, "livré peut-être", "Nature inconnue"),
])
def test_impossible_kinds_are_refused_in_french(parsed, row, choice, message):
    table = edit(import_flow.numbers_preview(parsed), row, "Nature", choice)
    with pytest.raises(StoreError, match=message):
        importing.with_kinds(parsed, table)


def test_kinds_of_a_dropped_initiative_are_not_checked(parsed):
    preview = edit(import_flow.preview(parsed), 0, "Garder", False)
    numbers = edit(import_flow.numbers_preview(parsed), 0, "Nature", "réalisé")  # the date
    [kept] = importing.corrected(parsed, preview, numbers)
    assert kept.actor == "Épicerie solidaire d'Arras"


def test_places_are_edited_as_names(parsed):
    preview = import_flow.preview(parsed)
    assert list(preview["Lieux"]) == ["Saint-Laurent-Blangy", "Arras"]
    same = importing.corrected(parsed, preview)
    assert [i.places for i in same] == [i.places for i in parsed.initiatives]
    preview = edit(preview, 0, "Lieux", "Saint-Laurent-Blangy ; Lievin, arras")
    atelier, _ = importing.corrected(parsed, preview, dep="62")
    assert [(p.code, p.nom, p.level) for p in atelier.places] == [
        ("62753", "Saint-Laurent-Blangy", "commune"), ("62510", "Liévin", "commune"),
        ("62041", "Arras", "commune")]
    assert atelier.places[0] is parsed.initiatives[0].places[0]  # kept as read
    assert atelier.places[1].query == "Lievin"


@pytest.mark.parametrize("text, message", [
    ("Atlantide-sur-Mer ; Arras", "Lieu inconnu pour « Atelier couture de "
                                  "Saint-Laurent-Blangy » : « Atlantide-sur-Mer »"),
    ("  ", "Lieux vides"),
])
def test_unknown_or_missing_places_are_refused(parsed, text, message):
    preview = edit(import_flow.preview(parsed), 0, "Lieux", text)
    with pytest.raises(StoreError, match=message):
        importing.corrected(parsed, preview, dep="62")


def test_save_applies_kinds_and_places_or_saves_nothing(parsed, tmp_path):
    store = open_store(tmp_path / "s.sqlite", seed=None)
    preview = import_flow.preview(parsed)
    numbers = edit(import_flow.numbers_preview(parsed), 1, "Nature", "écarter")
    bad = edit(preview, 1, "Lieux", "Nulle-Part-les-Oies")
    result = importing.save(store, [(parsed, bad, numbers)])
    assert "Lieu inconnu" in result.loc[0, "Erreur"] and result.loc[0, "Ajoutées"] == 0
    assert store.releases() == [] and store.initiatives() == []
    good = edit(preview, 1, "Lieux", "Liévin")
    result = importing.save(store, [(parsed, good, numbers)])
    assert result.loc[0, "Erreur"] == "" and result.loc[0, "Ajoutées"] == 2
    by_actor = {i.actor: i for i in store.initiatives()}
    atelier = by_actor["Atelier couture de Saint-Laurent-Blangy"]
    assert [(q.value, q.kind) for q in atelier.quantities] == [(2000, "target")]
    assert atelier.quantities[0].reason == "objectif (« objectif »)"
    assert [p.code for p in by_actor["Épicerie solidaire d'Arras"].places] == ["62510"]


def test_a_reading_without_initiative_keeps_its_numbers():
    notes = [NumberNote("1234", 1234.0, "zzz 1234", SET_ASIDE, "no_initiative")]
    parsed = Parsed("rien.txt", RELEASE, Reading(RELEASE, [], notes, ["zzz 1234"]),
                    error="Aucune initiative trouvée dans ce communiqué.")
    assert parsed.initiatives == [] and parsed.to_check == ["zzz 1234"]
    table = import_flow.numbers_preview(parsed)
    assert table.loc[0, "Ce qui en est fait"] == "écarté : hors initiative"
    assert table.loc[0, "Initiative"] == "–" and table.loc[0, "Nature"] == "–"
    empty = Parsed("vide.txt", error="Fichier vide.")
    assert empty.numbers == [] and empty.to_check == [] and empty.initiatives == []
