"""Quantities with meaning, on sentences taken from the bundled releases."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from initiatives.model import KINDS
from initiatives.quantities import find_quantities, sentences


def found(text: str) -> list[tuple]:
    return [(q.item, q.value, q.kind, q.approx) for q in find_quantities(text)]


@pytest.mark.parametrize("text, expected", [
    # done: produced or distributed so far
    ("A ce jour, une cinquantaine de visières ont déjà été livrées, principalement sur le "
     "secteur de Oye-Plage (pharmacies et EHPAD notamment).",
     [("visières", 50, "done", True)]),
    ("Paul et Jimmy, deux amis étudiants à l’Université du Littoral Côte d’Opale (ULCO), se "
     "sont aussi lancés dans la fabrication de visières. 60 exemplaires ont d’ores et déjà été "
     "livrés à l’EHPAD de Marck.",
     [("visières", 60, "done", False)]),
    ("Il convient ainsi de souligner l’initiative du Conseil citoyen de Houdain, qui a fabriqué "
     "et distribué 1 000 masques en tissu à des responsables de magasins.",
     [("masques", 1000, "done", False)]),
    ("Ainsi, le président de la mosquée Annour d’Arras a décidé d’apporter le soutien de la "
     "communauté musulmane en organisant le don de 200 parts de pizzas et de boissons. Cette "
     "opération sera réalisée mercredi 8 avril 2020.",
     [("parts de pizza", 200, "target", False)]),  # decided, done the day the release came out
    ("Au total, 2000 visières ont d’ores et déjà été produites.",
     [("visières", 2000, "done", False)]),
    ("Son directeur, François Cordier, a ainsi fait don de 20 ordinateurs fixes "
     "(reconditionnés) à des familles habitant les quartiers politique de la ville de Calais.",
     [("ordinateurs", 20, "done", False)]),
    ("Les membres ont ainsi pu acheter 8 ordinateurs, souris et sacoches, pour l’atelier.",
     [("ordinateurs", 8, "done", False)]),
    ("Plus de 1000 euros ont déjà été récoltés.", [("euros", 1000, "done", True)]),
    # done, target and volunteers in one sentence
    ("- La ville de Marck a produit des masques en tissus lavables et réutilisables : 1 600 "
     "réalisés à ce jour pour un objectif de 11 000 masques , grâce à l’action de 62 "
     "couturières et au moyen de matières premières fournies par la commune.",
     [("masques", 1600, "done", False), ("masques", 11000, "target", False),
      ("couturières", 62, "volunteers", False)]),
    ("- Au-delà des commandes déjà réalisées, la commune de Mazingarbe, près de Béthune, a "
     "souhaité mobiliser ses habitants afin de confectionner 8 500 masques supplémentaires : "
     "la salle des fêtes s’est ainsi muée en atelier de fabrication.",
     [("masques", 8500, "target", False)]),
    # rates
    ("L’entreprise produit 50 000 litres par jour de solution hydro-alcoolique dont les "
     "principaux bénéficiaires sont les EHPAD et les hôpitaux, locaux ou nationaux.",
     [("solution hydro-alcoolique", 50000, "per_day", False)]),
    ("L’association Les Anges gardins, avec le soutien de la Fondation de France, livre "
     "gratuitement 70 paniers de légumes bio chaque semaine, au domicile de personnes isolées.",
     [("paniers", 70, "per_week", False)]),
    # beneficiaries
    ("la mise en œuvre d’une distribution alimentaire à destination de plus de 70 familles et "
     "de 180 personnes en situation de difficulté ;",
     [("familles", 70, "beneficiaries", True), ("personnes", 180, "beneficiaries", True)]),
    ("le maintien du lien téléphonique auprès de 700 familles rencontrées lors d’actions "
     "précédemment réalisées.", [("familles", 700, "beneficiaries", False)]),
    ("Stéphane Troussel, président socialiste du Conseil départemental de la Seine-Saint-Denis "
     "a annoncé qu'une aide de 60 euros sera versée aux 25 000 collégiens de son département.",
     [("collégiens", 25000, "beneficiaries", False)]),
    # volunteers
    ("- Dans le boulonnais, le collectif « les petites mains » à Ferques, composé d’une "
     "vingtaine de personnes, a sur la base de dons de matières premières (tissus, élastiques "
     "...) confectionné en une semaine, 1 500 masques à destination des habitants de cette "
     "commune (qui en compte 1800).",
     [("personnes", 20, "volunteers", True), ("masques", 1500, "done", False)]),
    ("- Enfin, il convient de souligner la production de visières de protection par les "
     "« Imprimeurs de cœur » dont le collectif, implanté dans le calaisis, compte une quinzaine "
     "de personnes.", [("personnes", 15, "volunteers", True)]),
    ("- près de 600 bénévoles qui se sont inscrits sur le site,",
     [("bénévoles", 600, "volunteers", True)]),
    # French number formats
    ("La commune a distribué 1.600 masques.", [("masques", 1600, "done", False)]),
    ("L'entreprise a livré 18.000 visières aux hôpitaux.", [("visières", 18000, "done", False)]),
    ("Une centaine de repas ont été servis.", [("repas", 100, "done", True)]),
    ("Environ 300 charlottes et 2 000 paires de gants ont été offertes.",
     [("charlottes", 300, "done", True), ("gants", 2000, "done", False)]),
])
def test_quantities_with_their_kind(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    # populations
    "Une initiative que le maire, Roger HOUZEL, finance sur ses propres deniers et qui crée "
    "un cercle vertueux dans ce village de 200 habitants.",
    "à destination des habitants de cette commune (qui en compte 1800).",
    # per-unit amounts
    "La commune finance le matériel de base, l’objectif étant de fournir aux commerçants un "
    "lot de 3 masques chacun.",
    "Une aide de 60 euros sera versée par collégien.",
    # dates and times
    "Cette opération sera réalisée mercredi 8 avril 2020.",
    "Si la date du 11 mai marquera en effet la sortie progressive du confinement.",
    "L'association Arpeije vient en aide aux entreprises des Hauts-de-Seine depuis 1981.",
    "Le 6 avril dernier, par communiqué de presse, le préfet a souhaité agir.",
    "Distribution à 14h30 devant la mairie.",
    # phones, postcodes, issue numbers
    "Contact téléphonique : 09 51 03 17 14",
    "Contact : csmazingarbe@orange.fr ou 03 21 72 78 00",
    "Adresse : Place de la République- 62 750 Loos-en-Gohelle",
    "Covid-19 : le Pas-de-Calais solidaire n°7",
    # counts inside names and structural counts
    "De même, la CRS 9 de Rennes, en mission dans le calaisis, a mis en place une collecte.",
    "Confiné chez lui à Calais, Flavien Leblond a développé deux pages Facebook.",
    "Ce dispositif d’aide aux devoirs à la maison poursuit 3 objectifs concrets :",
    "Elle permet aux structures de faire état de leurs besoins de renforts autour de "
    "4 missions vitales :",
    "1. aide alimentaire et d’urgence ;",
    "grâce à des imprimantes 3D.",
    "le Gouvernement a lancé la réserve civique-Covid 19 « jeveuxaider.gouv.fr. »",
    # percentages, money that is not collected, organisation counts
    "Une difficulté pour près de 17% de la population française.",
    "Une aide de 60 euros sera versée.",
    "- près de 50 structures, majoritairement des associations locales, qui ont proposé des "
    "missions tournées vers le lien social ;",
    # a URL with digits
    "Plus d’informations : https://www.facebook.com/groups/275110659329756/",
])
def test_traps_are_not_quantities(text):
    assert found(text) == []


def test_sentence_is_kept_with_each_figure():
    text = ("Paul et Jimmy se sont lancés dans la fabrication de visières. 60 exemplaires ont "
            "d’ores et déjà été livrés à l’EHPAD de Marck.")
    (q,) = find_quantities(text)
    assert q.sentence == "60 exemplaires ont d’ores et déjà été livrés à l’EHPAD de Marck."
    assert q.sentence in text and q.unit == "unités"


def test_units():
    (gel,) = find_quantities("L’entreprise produit 50 000 litres par jour de solution "
                             "hydro-alcoolique.")
    assert (gel.unit, gel.item) == ("litres", "solution hydro-alcoolique")
    (money,) = find_quantities("Plus de 1000 euros ont déjà été récoltés.")
    assert money.unit == "euros"
    (people,) = find_quantities("auprès de 700 familles")
    assert people.unit == "familles"


def test_open_item_list_needs_a_verb_of_production():
    assert found("L'association a distribué 500 bouteilles d'eau.") == \
        [("bouteilles", 500, "done", False)]
    assert found("Il y a 500 bouteilles dans la salle.") == []
    (water,) = find_quantities("La commune a distribué 2 tonnes de denrées et 300 litres d'eau.")[1:]
    assert (water.item, water.unit, water.value) == ("eau", "litres", 300)


def test_sentences_do_not_split_abbreviations():
    text = "Elle aide les structures (CCAS, MDPH, etc.) de la ville. M. Dupont a livré 5 colis."
    spans = [text[a:b] for a, b in sentences(text)]
    assert spans == ["Elle aide les structures (CCAS, MDPH, etc.) de la ville.",
                     "M. Dupont a livré 5 colis."]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789 .,:;-()%€abcdeéèmnopstuvwxyz'\n")
                               + ["masques", " de ", "une vingtaine", "près de ", "par jour",
                                  "objectif", "euros", "habitants", " 000", "n°"]),
                max_size=80).map("".join))
def test_never_crashes_and_sentences_come_from_the_text(text):
    for q in find_quantities(text):
        assert q.value > 0 and q.kind in KINDS
        assert q.sentence and q.sentence in text
