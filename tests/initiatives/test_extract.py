"""Initiatives extracted from the five bundled releases: our expected results.

Each row: actor, actor type, category, place codes (primary first), quantities
(item, value, kind, approx). Geocoding is the real `geo.mentions`.
"""
from __future__ import annotations

import pytest

import config
from initiatives.extract import extract, find_actor, find_contacts, read, split_blocks
from initiatives.ingest import read_release, release_from_bytes, release_from_text
from initiatives.model import ACTOR_TYPES, CATEGORIES, KINDS
from samples.pdf import pdf_keeping_lines, pdf_of_paragraphs

CORPUS = {p.name: p for p in sorted(config.PRESS_RELEASES_DIR.glob("*.txt"))}
PROTECTION, SOIGNANTS, ALIMENTAIRE, LIEN, CONTINUITE, GARDE, BENEVOLAT, AUTRE = CATEGORIES
ASSO, ENTREPRISE, COLLECTIVITE, CITOYEN, PUBLIC, CULTE = ACTOR_TYPES

EXPECTED = {
    "2020-03-27_mobilisation-citoyenne.txt": [
        ("jeveuxaider.gouv.fr", PUBLIC, BENEVOLAT, ["62"],
         [("bénévoles", 600, "volunteers", True)]),  # "près de 50 structures": no kind fits
    ],
    "2020-04-08_pdc-solidaire-n2.txt": [
        ("Durand Production", ENTREPRISE, PROTECTION, ["62413"],
         [("solution hydro-alcoolique", 50000, "per_day", False)]),
        ("Jonathan Petit", CITOYEN, PROTECTION, ["62645", "T-CALAISIS"],
         [("visières", 50, "done", True)]),
        ("Paul et Jimmy", CITOYEN, PROTECTION, ["62548"], [("visières", 60, "done", False)]),
        ("Conseil citoyen de Houdain", CITOYEN, PROTECTION, ["62457"],
         [("masques", 1000, "done", False)]),
        ("mosquée Annour d’Arras", CULTE, SOIGNANTS, ["62041"],
         [("parts de pizza", 200, "target", False)]),
        ("CRS 9 de Rennes", PUBLIC, SOIGNANTS, ["T-CALAISIS", "62193"], []),
        ("Flavien Leblond", CITOYEN, LIEN, ["62193"], []),
        ("SECOND DEPART", ASSO, LIEN, ["62400", "T-BASSIN-MINIER"], []),
        ("Centres sociaux de Mazingarbe", ASSO, LIEN, ["62563"], []),
        ("association « un coup de pouce pour grandir »", ASSO, CONTINUITE, ["62510"], []),
        ("Avenir des cités", PUBLIC, CONTINUITE, ["62413"], []),
    ],
    "2020-04-21_pdc-solidaire-n5.txt": [
        ("TT Plast", ENTREPRISE, PROTECTION, ["62498"], []),
        ("Menadel", ASSO, PROTECTION, ["62528"], []),  # "un lot de 3 masques chacun"
        ("Les Anges gardins", ASSO, ALIMENTAIRE, ["T-BASSIN-MINIER", "62498", "62523", "62528"],
         [("paniers", 70, "per_week", False)]),
        ("Solillers", ASSO, LIEN, ["62516"],
         [("familles", 70, "beneficiaries", True), ("personnes", 180, "beneficiaries", True),
          ("familles", 700, "beneficiaries", False)]),
        ("commune de Calonne-sur-la-Lys", COLLECTIVITE, LIEN, ["62195"], []),
        ("commune d’Offin", COLLECTIVITE, ALIMENTAIRE, ["62635"], []),  # "village de 200 habitants"
        ("La Note bleue", ASSO, LIEN, ["62730"], []),
        ("DOCAPOSTE", PUBLIC, CONTINUITE, ["FR"], []),  # "3 objectifs" is not a quantity
    ],
    "2020-04-30_pdc-solidaire-n7.txt": [
        ("Ville de Marck", COLLECTIVITE, PROTECTION, ["62548"],
         [("masques", 1600, "done", False), ("masques", 11000, "target", False),
          ("couturières", 62, "volunteers", False)]),
        ("Delphine Lefebvre", CITOYEN, PROTECTION, ["62393"], [("masques", 1200, "done", False)]),
        ("collectif « les petites mains »", CITOYEN, PROTECTION, ["62329"],
         [("personnes", 20, "volunteers", True), ("masques", 1500, "done", False)]),
        ("commune de Mazingarbe", COLLECTIVITE, PROTECTION, ["62563", "62065", "62033"],
         [("masques", 8500, "target", False)]),
        ("Imprimeurs de cœur", CITOYEN, PROTECTION, ["T-CALAISIS"],
         [("personnes", 15, "volunteers", True), ("visières", 2000, "done", False)]),
        ("Planète sciences", ASSO, LIEN, ["T-LENSOIS"], []),  # "deux concours"
        ("Face Côte d’Opale", ASSO, CONTINUITE, ["62193"], [("ordinateurs", 20, "done", False)]),
        ("association « actions et services pour un avenir solidaire et animation dans la Cité "
         "de la Ville d’Haisnes »", ASSO, CONTINUITE, ["62401"],
         [("ordinateurs", 8, "done", False)]),
    ],
    "solidaires-dans-la-crise-newsletter.txt": [
        ("Conseil départemental de Seine-Saint-Denis", COLLECTIVITE, ALIMENTAIRE, ["93"],
         [("collégiens", 25000, "beneficiaries", False)]),  # the 60 € are per pupil
        ("Arpeije", ASSO, PROTECTION, ["92023"], []),        # "depuis 1981"
        ("Aurore", ASSO, ALIMENTAIRE, ["75056"], []),
        ("Solidarité numérique", PUBLIC, CONTINUITE, ["FR"], []),  # "17%"
        ("Clamartois.e.s", CITOYEN, ALIMENTAIRE, ["92023"], [("euros", 1000, "done", True)]),
    ],
}


def rows(initiatives) -> list[tuple]:
    return [(i.actor, i.actor_type, i.category, [p.code for p in i.places],
             [(q.item, q.value, q.kind, q.approx) for q in i.quantities]) for i in initiatives]


@pytest.fixture(scope="module")
def releases():
    return {name: read_release(path) for name, path in CORPUS.items()}


@pytest.fixture(scope="module")
def extracted(releases):
    return {name: extract(release) for name, release in releases.items()}


def by_actor(extracted, name, actor):
    (found,) = [i for i in extracted[name] if i.actor == actor]
    return found


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_initiatives_of_each_release(extracted, name):
    assert rows(extracted[name]) == EXPECTED[name]


def test_every_field_has_an_allowed_value(extracted, releases):
    for name, initiatives in extracted.items():
        for i in initiatives:
            assert i.release_id == releases[name].id and i.status == "extrait"
            assert i.actor_type in ACTOR_TYPES and i.category in CATEGORIES
            assert all(q.kind in KINDS and q.value > 0 for q in i.quantities)
            assert i.places, f"{i.actor} sans lieu"


def test_excerpts_are_exact_substrings_and_hold_their_sentences(extracted, releases):
    for name, initiatives in extracted.items():
        body = releases[name].body
        for i in initiatives:
            assert i.excerpt and i.excerpt in body
            for q in i.quantities:
                assert q.sentence in i.excerpt


@pytest.mark.parametrize("name, actor, included", [
    # continuation paragraphs and sub-items belong to their initiative
    ("2020-04-21_pdc-solidaire-n5.txt", "Menadel",
     ["La commune finance le matériel de base", "La ville cherche toutefois des volontaires"]),
    ("2020-04-21_pdc-solidaire-n5.txt", "Solillers",
     ["la mise en œuvre d’une distribution alimentaire", "le maintien du lien téléphonique"]),
    ("2020-04-21_pdc-solidaire-n5.txt", "Les Anges gardins",
     ["A noter qu’en dehors de cette période"]),
    ("2020-04-08_pdc-solidaire-n2.txt", "Avenir des cités",
     ["L'association contribue ainsi à lutter contre le décrochage scolaire"]),
    ("2020-04-21_pdc-solidaire-n5.txt", "DOCAPOSTE",
     ["poursuit 3 objectifs concrets", "la gratuité du retour postal",
      "Chaque établissement scolaire"]),
    ("2020-03-27_mobilisation-citoyenne.txt", "jeveuxaider.gouv.fr",
     ["- près de 50 structures", "- près de 600 bénévoles"]),
    # a newsletter item is its headline and its paragraph
    ("solidaires-dans-la-crise-newsletter.txt", "Arpeije",
     ["Une association de Clamart mobilise un atelier", "L'association Arpeije vient en aide"]),
])
def test_follow_up_blocks_are_attached(extracted, name, actor, included):
    excerpt = by_actor(extracted, name, actor).excerpt
    for text in included:
        assert text in excerpt


@pytest.mark.parametrize("text", [
    "remercie vivement les citoyens",                           # the prefect's thanks
    "Les personnes qui souhaiteraient apporter leur concours",  # the Réserve civique call
    "La production de masques dits « alternatifs »",            # a section's introduction
    "Les initiatives émanant de collectivités et d’élus",
    "Ces efforts et initiatives doivent être largement partagés",
    "Le 6 avril dernier, par communiqué de presse",
    "Pour plus d’informations",                                  # contacts are not excerpts
])
def test_editorial_blocks_are_in_no_excerpt(extracted, text):
    assert not any(text in i.excerpt for initiatives in extracted.values() for i in initiatives)


@pytest.mark.parametrize("name, actor, contacts", [
    ("2020-04-08_pdc-solidaire-n2.txt", "Durand Production", ["fdelfour@durandproduction.com"]),
    ("2020-04-08_pdc-solidaire-n2.txt", "Flavien Leblond",
     ["https://www.facebook.com/covidentraidefr/",
      "https://www.facebook.com/EntraideCoVid19Calaisis/"]),
    ("2020-04-08_pdc-solidaire-n2.txt", "Avenir des cités",
     ["sdeghima.avenirdescites@gmail.com", "https://twitter.com/AvenirdesCites",
      "https://www.facebook.com/Avenirdescites/"]),
    ("2020-04-21_pdc-solidaire-n5.txt", "Menadel",
     ["http://www.menadel.fr", "https://www.facebook.com/Ménadel-et-Saint-Hubert-399726380595498/",
      "09 51 03 17 14"]),
    ("2020-04-21_pdc-solidaire-n5.txt", "DOCAPOSTE",
     ["https://www.education.gouv.fr/continuite-pedagogique-l-education-nationale-et-la-poste-"
      "mobilisees-pour-maintenir-le-lien-avec-les-303321"]),
    ("2020-04-30_pdc-solidaire-n7.txt", "commune de Mazingarbe",
     ["csmazingarbe@orange.fr", "03 21 72 78 00"]),
    ("2020-04-30_pdc-solidaire-n7.txt", "Planète sciences",
     ["https://www.facebook.com/events/510431006572191/",
      "http://www.planete-sciences.org/robot/"]),
    ("solidaires-dans-la-crise-newsletter.txt", "Clamartois.e.s", ["clamart.solidaire@free.fr"]),
])
def test_contacts(extracted, name, actor, contacts):
    assert by_actor(extracted, name, actor).contacts == contacts


def test_places_commune_first_territory_as_context(extracted):
    n7 = "2020-04-30_pdc-solidaire-n7.txt"
    ferques = by_actor(extracted, n7, "collectif « les petites mains »")
    assert [(p.code, p.level) for p in ferques.places] == [("62329", "commune")]  # not boulonnais
    mazingarbe = by_actor(extracted, n7, "commune de Mazingarbe")
    assert "62119" not in [p.code for p in mazingarbe.places]  # "près de Béthune" locates only
    crs = by_actor(extracted, "2020-04-08_pdc-solidaire-n2.txt", "CRS 9 de Rennes")
    assert crs.places[0].level == "territoire" and "35238" not in [p.code for p in crs.places]
    offin = by_actor(extracted, "2020-04-21_pdc-solidaire-n5.txt", "commune d’Offin")
    assert [p.code for p in offin.places] == ["62635"]  # its arrondissement is context


def test_national_and_departement_levels(extracted):
    docaposte = by_actor(extracted, "2020-04-21_pdc-solidaire-n5.txt", "DOCAPOSTE")
    assert [(p.level, p.inside) for p in docaposte.places] == [("national", True)]
    (reserve,) = extracted["2020-03-27_mobilisation-citoyenne.txt"]
    assert [(p.level, p.inside) for p in reserve.places] == [("departement", True)]
    assert reserve.inside and docaposte.inside


def test_newsletter_is_kept_and_marked_outside(extracted):
    items = extracted["solidaires-dans-la-crise-newsletter.txt"]
    assert len(items) == 5
    assert all(not i.inside and all(not p.inside for p in i.places) for i in items)
    assert all(i.inside for name, found in extracted.items() for i in found
               if name != "solidaires-dans-la-crise-newsletter.txt")


def test_text_without_initiative_gives_an_empty_list():
    release = release_from_text(
        "Covid-19 : le Pas-de-Calais solidaire n°9\n\n"
        "Fabien SUDRY, préfet du Pas-de-Calais, remercie vivement les citoyens, entreprises, "
        "associations ou collectivités mobilisés.\n\nPour plus d’informations : "
        "https://covid19.reserve-civique.gouv.fr/")
    assert extract(release) == []


def test_pasted_initiative():
    release = release_from_text(
        "Covid-19 : solidarité\n\n"
        "A Béthune, l’association Les Amis du Quai a confectionné 350 masques. Une quinzaine "
        "de bénévoles ont participé.\n\nContact : amis@quai.fr ou 03 21 00 00 00")
    (found,) = extract(release)
    assert (found.actor, found.actor_type, found.category) == ("Les Amis du Quai", ASSO,
                                                               PROTECTION)
    assert [p.code for p in found.places] == ["62119"]
    assert [(q.item, q.value, q.kind) for q in found.quantities] == \
        [("masques", 350, "done"), ("bénévoles", 15, "volunteers")]
    assert found.contacts == ["amis@quai.fr", "03 21 00 00 00"]


def test_hostile_text_is_extracted_as_plain_data():
    release = release_from_text(
        "<script>alert(1)</script>\n\nL’association <b>Menadel</b> a livré 5 masques à Lens.")
    for i in extract(release):
        assert i.excerpt in release.body  # kept as written; the UI escapes it


@pytest.mark.parametrize("text, actor", [
    ("A Harnes, l’entreprise Durand Production, spécialiste en production", "Durand Production"),
    ("L’association Les Anges gardins, avec le soutien de la Fondation de France",
     "Les Anges gardins"),
    ("les professionnels de l’association Aurore mettent tout en œuvre", "Aurore"),
    ("Son directeur, François Cordier, a ainsi fait don de 20 ordinateurs", None),
    ("Fabien SUDRY, préfet du Pas-de-Calais, remercie vivement les citoyens", None),
    ("De nombreuses collectivités territoriales, associations, et citoyens regroupés en "
     "collectifs ont organisé la production de masques certifiés « AFNOR »", None),
    # general rules, on sentences of our own
    ("Chères Lensoises, chers Lensois,", None),                        # a salutation
    ("À Wimereux, le Secours populaire distribue 40 colis.", "Secours populaire de Wimereux"),
    ("La CC de la Région d'Audruicq a commandé 9 000 masques.",
     "Communauté de communes de la Région d'Audruicq"),                # EPCI abbreviation
    ("Paul et Jimmy, deux amis, ont fabriqué 60 visières.", "Paul et Jimmy"),  # PER et PER
    ("À Marck, la Ville a ouvert un atelier.", "Ville de Marck"),      # seat + institution
    ("Les élèves du lycée Baudelaire ont cousu 80 blouses.", "lycée Baudelaire"),  # noun phrase
])
def test_find_actor(text, actor):
    found = find_actor(text)
    assert (found.name if found else None) == actor


def test_find_contacts_cleans_punctuation():
    assert find_contacts("le site jeveuxaider.gouv.fr. Appelez le +33 3 21 21 20 00, "
                         "ou écrivez à x@y.fr.") == \
        ["jeveuxaider.gouv.fr", "03 21 21 20 00", "x@y.fr"]


def test_block_roles(releases):
    roles = {b.text: b.role for b in split_blocks(releases["2020-04-30_pdc-solidaire-n7.txt"].body)}
    assert roles["- Solidaires dans l’application des mesures de protection :"] == "heading"
    assert roles["-Solidaires dans le maintien de la continuité pédagogique"] == "heading"
    assert roles["*****"] == "separator"
    assert roles["- Concours trukiroulent : https://www.facebook.com/events/510431006572191/"] \
        == "contact"


# --- the same initiatives from a PDF ------------------------------------------

@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_pdf_gives_the_same_initiatives(releases, name):
    pdf = release_from_bytes(pdf_of_paragraphs(releases[name]), name.replace(".txt", ".pdf"))
    assert rows(extract(pdf)) == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_pdf_with_the_broken_lines_gives_the_same_initiatives(name):
    pdf = release_from_bytes(pdf_keeping_lines(CORPUS[name].read_text("utf-8")), "x.pdf")
    assert rows(extract(pdf)) == EXPECTED[name]


@pytest.mark.parametrize("text, actor", [
    ("- L'épicerie solidaire de Wizernes a remis 300 colis.", "Épicerie solidaire de Wizernes"),
    ("- À Ruitz, le maire et les élus ont distribué 900 masques.", "Commune de Ruitz"),
])
def test_find_actor_general_heads(text, actor):
    found = find_actor(text)
    assert (found.name if found else None) == actor


@pytest.mark.parametrize("sentence", [
    "Le tissu a été acheté à une entreprise de Bapaume.",
    "Les repas sont préparés grâce aux légumes d'un maraîcher de Marck.",
    "Comme nos voisins d'Étaples, nous équipons chaque foyer.",
])
def test_another_partys_town_is_not_a_place_reached(sentence):
    release = release_from_text(
        "Actualités – Ville de Lillers\n\n"
        f"La Ville a distribué 4 000 masques aux habitants. {sentence}")
    (found,) = extract(release)
    assert [p.nom for p in found.places] == ["Lillers"]


def test_a_receiver_s_town_help_is_sent_to_is_reached_after_the_initiative_s_own():
    release = release_from_text(
        "Actualités – Ville de Lillers\n\n"
        "La Ville a distribué 4 000 masques aux habitants. Des gels ont été offerts au centre "
        "hospitalier d'Helfaut.")
    (found,) = extract(release)
    assert [p.nom for p in found.places] == ["Lillers", "Helfaut"]


def test_reading_accounts_for_every_number_and_flags_paragraphs_without_initiative():
    release = release_from_text(
        "Covid-19 : bilan de la semaine\n\n"
        "Le préfet remercie les bénévoles qui ont déjà livré 2 000 repas.\n\n"
        "À Ruitz, le maire et les élus ont distribué 900 masques le 4 mai.")
    reading = read(release)
    assert [i.actor for i in reading.initiatives] == ["Commune de Ruitz"]
    by_text = {n.text: n for n in reading.numbers}
    assert set(by_text) == {"2 000", "900", "4 mai"}
    assert by_text["900"].status == "counted" and by_text["900"].initiative == 0
    assert by_text["2 000"].reason == "no_initiative" and by_text["2 000"].initiative is None
    assert by_text["4 mai"].reason == "date"
    assert reading.to_check == ["Le préfet remercie les bénévoles qui ont déjà livré 2 000 repas."]


@pytest.mark.parametrize("text, actor", [
    ("4 – À Wimille, les scouts ont livré 60 colis.", "Scouts de Wimille"),     # numbered item
    ("• Liévin : le CCAS a appelé 900 aînés.", "CCAS de Liévin"),              # seat of a bullet
    ("• Hersin-Coupigny : un collectif de voisins a cousu 300 masques.",
     "Collectif de voisins de Hersin-Coupigny"),
])
def test_the_sentences_town_completes_a_bare_organisation(text, actor):
    found = find_actor(text)
    assert (found.name if found else None) == actor


def test_a_headline_town_and_its_municipality_carry_to_the_body():
    release = release_from_text(
        "Wimille : la solidarité continue\n\n"
        "Depuis le 16 mars, élus et agents se mobilisent.\n\n"
        "L'atelier de la salle des fêtes a déjà cousu 900 masques. Comme à Wimereux, "
        "les bénévoles livrent aussi les courses.")
    (found,) = extract(release)
    assert found.actor.endswith("de Wimille") and [p.nom for p in found.places] == ["Wimille"]
    assert [(q.value, q.kind) for q in found.quantities] == [(900, "done")]


def test_an_association_post_speaks_for_the_team_its_lead_names():
    release = release_from_text(
        "Des nouvelles de l'atelier !\n\n"
        "Petit bilan de l'équipe des « Aiguilles de l'Aa » après trois semaines à Arques.\n\n"
        "On a déjà cousu 700 masques et on cherche encore 12 couturières.")
    (found,) = extract(release)
    assert found.actor == "Aiguilles de l'Aa"
    assert [(q.value, q.kind) for q in found.quantities] == [(700, "done"), (12, "needed")]


def test_a_local_groups_name_gives_its_town_when_nothing_else_does():
    release = release_from_text(
        "Merci à tous !\n\n"
        "L'association « Entraide Liévin Centre » a livré 120 colis aux aînés.")
    (found,) = extract(release)
    assert [p.nom for p in found.places] == ["Liévin"]


def test_a_town_letter_is_dated_from_its_town_hall():
    release = release_from_text(
        "Saint-Omer, le 2 mai 2020\n\n"
        "Mes chers concitoyens,\n\n"
        "Nos agents ont porté 450 colis aux aînés de notre commune.\n\n"
        "Votre maire")
    (found,) = extract(release)
    assert [p.nom for p in found.places] == ["Saint-Omer"]
    assert "concitoyens" not in found.actor


def test_a_prefecture_release_is_not_placed_at_its_dateline():
    release = release_from_text(
        "Arras, le 12 avril 2020\n\n"
        "Le préfet salue les initiatives du département.\n\n"
        "- Le club de rugby de Liévin a livré 300 repas aux soignants.")
    (found,) = extract(release)
    assert [p.nom for p in found.places] == ["Liévin"]


def test_a_list_entry_naming_only_its_town_is_that_towns_action():
    release = release_from_text(
        "Initiatives de la semaine\n\n"
        "- Le centre social de Lillers a livré 200 colis.\n"
        "- Fruges a reçu 2 300 masques, remis par les élus.\n"
        "- À Auchel, une vingtaine de bénévoles portent les courses des aînés.")
    actors = {i.actor: [p.nom for p in i.places] for i in extract(release)}
    assert actors["Commune de Fruges"] == ["Fruges"]
    assert actors["Bénévoles d'Auchel"] == ["Auchel"]


def test_an_articles_paragraph_of_figures_goes_on_with_its_subject():
    release = release_from_text(
        "Isbergues : les machines à coudre ne s'arrêtent plus\n\n"
        "Couturière retraitée, Sylvie Caron a réuni ses voisines dans son salon.\n\n"
        "Les machines tournent du matin au soir, dans la bonne humeur.\n\n"
        "Depuis, 900 masques ont été cousus, et 30 blouses taillées.")
    (found,) = extract(release)
    assert found.actor == "Sylvie Caron"
    assert [(q.value, q.kind) for q in found.quantities] == [(900, "done"), (30, "done")]


def test_a_list_a_colon_introduces_belongs_to_the_last_actor():
    release = release_from_text(
        "Point de situation\n\n"
        "Le centre social de Bruay-la-Buissière a ouvert une cellule d'entraide.\n\n"
        "Le bilan au 30 avril :\n\n"
        "• 320 colis remis aux familles\n"
        "• 45 bénévoles mobilisés")
    (found,) = extract(release)
    assert found.actor == "Centre social de Bruay-la-Buissière"
    assert [(q.value, q.kind) for q in found.quantities] == [(320, "done"), (45, "volunteers")]


@pytest.mark.parametrize("sentence", [
    "La commune d'Auchel a commandé 3 000 masques à un revendeur de Lillers.",
    "Les repas du CCAS d'Auchel sont préparés par la cuisine centrale de Lillers.",
    "Le CCAS d'Auchel distribue 900 masques achetés à un fabricant installé à Lillers.",
    "À Auchel, les bénévoles ont cousu 400 masques. Merci à la mercerie de Lillers !",
])
def test_a_supplier_or_partner_named_inside_a_clause_is_no_place_reached(sentence):
    found = extract(release_from_text("Solidarité\n\n" + sentence))
    assert found and all(p.nom == "Auchel" for i in found for p in i.places)


def test_an_organisation_opening_its_clause_is_the_actor():
    (found,) = extract(release_from_text(
        "Solidarité\n\nAu lycée Jean-Bart de Lillers, les élèves ont imprimé 300 visières."))
    assert found.actor.startswith("lycée Jean-Bart") and [p.nom for p in found.places] == ["Lillers"]


def test_a_greeting_after_madame_monsieur_gives_the_town():
    release = release_from_text(
        "Madame, Monsieur, chers Liévinois,\n\n"
        "Notre ville tient bon. La cuisine centrale prépare 90 repas par jour pour nos aînés.")
    (found,) = extract(release)
    assert [p.nom for p in found.places] == ["Liévin"]
    assert [(q.value, q.kind) for q in found.quantities] == [(90, "per_day")]


def test_a_list_under_a_headlined_paragraph_belongs_to_its_actor():
    release = release_from_text(
        "Lettre de l'intercommunalité\n\n"
        "Ce que fait la communauté\n\n"
        "La Communauté de communes du Ternois a livré 80 colis.\n\n"
        "Chiffres clés :\n\n"
        "• 1 200 appels passés aux aînés\n"
        "• 25 agents intercommunaux mobilisés\n\n"
        "Ce que font les communes\n\n"
        "Le CCAS de Frévent a livré 30 colis.")
    found = {i.actor: [(q.value, q.kind) for q in i.quantities] for i in extract(release)}
    assert found["Communauté de communes du Ternois"] == [
        (80, "done"), (1200, "done"), (25, "volunteers")]
    assert found["CCAS de Frévent"] == [(30, "done")]


def test_an_author_line_ending_with_towns_places_the_post_in_each():
    release = release_from_text(
        "Les Petites Mains – Lillers & Burbure\n3 mai · Public\n\n"
        "Nos couturières ont déjà cousu 700 masques pour les habitants de nos deux villages.")
    (found,) = extract(release)
    assert sorted(p.nom for p in found.places) == ["Burbure", "Lillers"]


def test_a_headline_about_a_towns_people_gives_the_town():
    release = release_from_text(
        "Entraide : les Lillérois ont tout donné\n\n"
        "L'association des parents d'élèves a collecté 240 colis de denrées en trois jours.")
    (found,) = extract(release)
    assert [p.nom for p in found.places] == ["Lillers"]


def test_a_text_speaking_as_its_town_makes_the_town_hall_its_actor():
    release = release_from_text(
        "Auchel : les masques arrivent\n\n"
        "Pour protéger nos 10 000 habitants, la Ville en a commandé 20 000 masques auprès "
        "d'un fabricant de Béthune.")
    (found,) = extract(release)
    assert found.actor == "Ville d'Auchel"
    assert [p.nom for p in found.places] == ["Auchel"]


@pytest.mark.parametrize("sentence", [
    "comme cela se fait également à Bruay-la-Buissière",
    "grâce à la banque alimentaire, dont l'entrepôt se trouve à Lillers",
])
def test_a_comparison_or_another_partys_seat_is_no_place_reached(sentence):
    release = release_from_text(
        f"Le CCAS d'Houdain a livré 90 colis aux aînés, {sentence}.")
    (found,) = extract(release)
    assert [p.nom for p in found.places] == ["Houdain"]


def test_a_bulletins_sections_headed_by_communes_place_their_items():
    release = release_from_text(
        "LE FIL DE L'AGGLO\n\n"
        "Entraide : ce que font nos communes\n\n"
        "HOUDAIN\n\n"
        "• Les agents ont mis sous pli 3 200 masques pour les habitants.\n\n"
        "RUITZ\n\n"
        "• L'épicerie du village livre ses clients à domicile : 25 livraisons par semaine.\n"
        "• Une dizaine de bénévoles prêtent main-forte, dont deux pompiers retraités.\n\n"
        "MAISNIL-LÈS-RUITZ\n\n"
        "• Des œufs, fournis par un éleveur de Lillers, sont offerts à 30 familles.")
    found = {i.places[0].nom: [(q.value, q.kind) for q in i.quantities]
             for i in extract(release)}
    assert found == {"Houdain": [(3200, "done")],
                     "Ruitz": [(25, "per_week"), (10, "volunteers")],
                     "Maisnil-lès-Ruitz": [(30, "beneficiaries")]}


def test_the_inhabitants_served_name_the_town():
    release = release_from_text(
        "US Football Vallée\n12 avril 2020\n\n"
        "Nos joueurs font les courses pour les Lillérois de plus de 70 ans : ils "
        "ont déjà livré 80 colis !")
    (found,) = extract(release)
    assert [p.nom for p in found.places] == ["Lillers"]


def test_a_press_masthead_is_no_actor_and_gives_its_editions_town():
    release = release_from_text(
        "La Voix du Ternois — Saint-Pol-sur-Ternoise — mardi 5 mai 2020\n\n"
        "Au club informatique, on répare des ordinateurs pour les élèves\n\n"
        "Depuis avril, les bénévoles du club ont remis en état 45 ordinateurs, prêtés aux "
        "collégiens du secteur.")
    found = extract(release)
    assert all("Voix du Ternois" not in i.actor for i in found)
    assert found and {p.nom for i in found for p in i.places} == {"Saint-Pol-sur-Ternoise"}


def test_a_posts_pictograph_lines_are_its_list_and_its_author_names_its_seat():
    release = release_from_text(
        "Les Doigts d'Or de Marck 🧵\nPublié le 2 mai 2020 à 18:05\n\n"
        "Point d'étape :\n"
        "🧵 On est 14 à coudre depuis chez nous\n"
        "🧵 420 masques déjà remis à la pharmacie de Calais\n\n"
        "👉 On cherche encore 6 couturières !")
    (found,) = extract(release)
    assert found.actor == "Les Doigts d'Or de Marck"
    assert found.places[0].nom == "Marck"
    assert [(q.value, q.kind) for q in found.quantities] == [
        (14, "volunteers"), (420, "done"), (6, "needed")]
