"""Each kind of quantity and each class of trap, on sentences written for these tests
(none taken from the bundled releases or the corpus)."""
from __future__ import annotations

import pytest

from initiatives.model import APART, COUNTED, SET_ASIDE
from initiatives.nlp import MAX_PARSED
from initiatives.quantities import read_numbers


def kinds(text: str) -> list[tuple]:
    return [(q.value, q.kind) for _, q in read_numbers(text) if q is not None]


def aside(text: str) -> list[tuple]:
    return [(n.text, n.reason) for n, q in read_numbers(text) if q is None]


@pytest.mark.parametrize("text, expected", [
    # done: past, passive, present of report, numbers in words, hedges
    ("Le CCAS a déjà distribué 3 400 masques aux aînés.", [(3400, "done")]),
    ("Depuis le début de la crise, plus de 4 000 repas ont été servis.", [(4000, "done")]),
    ("Au 15 avril, 1 850 colis avaient été préparés par les bénévoles.", [(1850, "done")]),
    ("Près de dix mille masques sont sortis de l'atelier.", [(10000, "done")]),
    ("La couturière a cousu deux cents masques.", [(200, "done")]),
    ("Le collège a prêté 45 tablettes aux familles sans ordinateur.", [(45, "done")]),
    ("La cagnotte a déjà permis de récolter 3 500 euros.", [(3500, "done")]),
    ("- 160 attestations imprimées pour les voisins sans imprimante ;", [(160, "done")]),
    ("Elles ont livré 600 masques ; elles en ont aussi remis 40 à la pharmacie.",
     [(600, "done"), (40, "done")]),
    # target: intention, aim, future, conditional, goal nouns, "supplémentaires"
    ("Le centre social s'apprête à coudre 12 000 masques pour les écoles.", [(12000, "target")]),
    ("Objectif : confectionner 50 000 masques d'ici la fin du mois.", [(50000, "target")]),
    ("La ville va distribuer 2 000 masques dans les boîtes aux lettres.", [(2000, "target")]),
    ("La municipalité distribuera 4 500 masques aux habitants.", [(4500, "target")]),
    ("Le collectif vise 5 000 masques.", [(5000, "target")]),
    ("Les tricoteuses comptent atteindre 2 000 masques avant l'été.", [(2000, "target")]),
    ("La ville envisage de produire vingt mille masques supplémentaires.", [(20000, "target")]),
    ("Le club aimerait offrir 300 repas aux soignants.", [(300, "target")]),
    ("Déjà 900 masques cousus, pour un objectif de 3 000 masques.",
     [(900, "done"), (3000, "target")]),
    # ordered: an order until its delivery is told; a purchase to be delivered later
    ("32 000 masques ont été commandés par la mairie.", [(32000, "ordered")]),
    ("Une commande de 40 000 masques a été passée auprès d'un industriel.", [(40000, "ordered")]),
    ("La commune a acheté 6 000 masques qui seront livrés lundi.", [(6000, "ordered")]),
    ("Les 5 000 masques commandés ont été livrés mardi.", [(5000, "done")]),
    # needed
    ("L'association recherche 40 bénévoles pour ses tournées.", [(40, "needed")]),
    ("Nous avons besoin de 300 couturières.", [(300, "needed")]),
    ("Il nous manque encore 2 000 mètres d'élastique.", [(2000, "needed")]),
    ("Nous cherchons une dizaine de chauffeurs pour les livraisons.", [(10, "needed")]),
    # rates
    ("Le traiteur livre quotidiennement 120 plateaux-repas à l'hôpital.", [(120, "per_day")]),
    ("Chaque jour, environ 250 masques sortent de l'atelier.", [(250, "per_day")]),
    ("La banque alimentaire livre 80 colis chaque semaine.", [(80, "per_week")]),
    ("L'usine produit 9 000 litres par jour de gel hydro-alcoolique.", [(9000, "per_day")]),
    # beneficiaries and volunteers
    ("Le CCAS a appelé 1 200 personnes âgées isolées.", [(1200, "beneficiaries")]),
    ("Les repas sont livrés à 75 familles.", [(75, "beneficiaries")]),
    ("Les 35 résidents de l'Ehpad ont reçu des lettres.", [(35, "beneficiaries")]),
    ("Une trentaine de bénévoles se relaient à l'épicerie.", [(30, "volunteers")]),
    ("Le collectif, composé de 14 personnes, coud sans relâche.", [(14, "volunteers")]),
    ("Une douzaine de lycéens volontaires aident à la banque alimentaire.", [(12, "volunteers")]),
])
def test_kinds(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, reason", [
    ("La distribution aura lieu le 12 mai.", "date"),
    ("L'association existe depuis 1987.", "year"),
    ("Permanence de 14 h à 17 h.", "time"),
    ("Renseignements au 03 21 00 11 22.", "phone"),
    ("Dépôt au 8 rue des Tilleuls.", "address"),
    ("Mairie, 62400 Béthune.", "postcode"),
    ("Notre village de 640 habitants s'est mobilisé.", "population"),
    ("À Vaulx, 830 habitants, les élus ont tout organisé.", "population"),
    ("Le bourg (qui en compte 1200) a été couvert.", "population"),
    ("Chaque foyer recevra deux masques.", "per_unit"),
    ("Ils ont remis les masques à raison de trois par personne.", "per_unit"),
    ("Un kit contient 4 mètres de tissu.", "per_unit"),
    ("Le masque est vendu 3 euros l'unité.", "price"),
    ("Une aide de 200 euros par foyer est prévue.", "price"),
    ("Un repas revient à 5 euros.", "price"),
    ("Les colis sont remis dans 7 points de collecte.", "place_count"),
    ("Sont concernées les personnes de plus de 80 ans.", "age"),
    ("Près de 30 % des commandes sont arrivées.", "percent"),
    ("Pour la 4e semaine, le marché est ouvert.", "ordinal"),
    ("L'atelier a tourné pendant 9 semaines.", "duration"),
    ("Le gouvernement a commandé deux milliards de masques.", "national"),
    ("Au niveau national, 3 millions de foyers sont aidés.", "national"),
    ("La CRS 11 patrouille en ville.", "reference"),
])
def test_traps_are_set_aside_with_their_reason(text, reason):
    assert not kinds(text)
    assert reason in [r for _, r in aside(text)]


def test_per_kit_amounts_are_not_output():
    text = "Le club a donné 90 kits de quoi coudre 6 masques."
    assert kinds(text) == [(90, "done")]
    assert aside(text) == [("6", "per_unit")]


def test_every_number_is_accounted_for():
    text = ("Le 3 avril, la ville de 2 500 habitants a distribué 1 800 masques, pour un objectif "
            "de 5 000. Contact : 03 21 44 55 66.")
    notes = [n for n, _ in read_numbers(text)]
    assert [(n.text, n.status) for n in notes] == [
        ("3 avril", SET_ASIDE), ("2 500", SET_ASIDE), ("1 800", COUNTED), ("5 000", APART),
        ("03 21 44 55 66", SET_ASIDE)]
    assert all(n.reason and n.sentence for n in notes)
    assert "distribuer" in notes[2].reason and "objectif" in notes[3].reason


def test_french_thousands_are_one_number():
    for written in ("12 000", "12.000", "12000", "12\u00a0000", "12\u202f000"):
        assert kinds(f"Les bénévoles ont cousu {written} masques.") == [(12000, "done")]


def test_a_paragraph_too_long_to_parse_is_still_read():
    text = "Les bénévoles ont cousu 300 masques. " * (MAX_PARSED // 30)
    assert len(text) > MAX_PARSED
    found = kinds(text)
    assert len(found) == MAX_PARSED // 30 and set(found) == {(300, "done")}


@pytest.mark.parametrize("text, expected", [
    ("L'atelier a cousu 600 masques et en vise 3 000 d'ici juin.",
     [(600, "done"), (3000, "target")]),
    ("J'ai décidé d'acheter 2 500 masques.", [(2500, "ordered")]),        # a decided purchase
    ("Ils veulent acheter 10 tablettes.", [(10, "target")]),               # a wished one
    ("Prochaine étape : 150 colis pour les aînés.", [(150, "target")]),
    ("Douze livreurs du club portent les courses aux voisins.", [(12, "volunteers")]),
    ("La mosquée a décidé d'offrir 90 repas, servis jeudi prochain.", [(90, "target")]),
])
def test_more_kinds(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, reason", [
    ("Chaque Arrageois en recevra trois.", "per_unit"),
    ("Chaque kilomètre parcouru rapportait 2 €.", "price"),
    ("Chaque association a reçu 40 masques.", "per_unit"),
])
def test_distributives_make_per_unit_amounts(text, reason):
    assert not kinds(text)
    assert reason in [r for _, r in aside(text)]


def test_au_nombre_de_counts_the_noun_before():
    assert kinds("Les bénévoles, au nombre de 30, trient les dons.") == [(30, "volunteers")]


@pytest.mark.parametrize("text, reason", [
    ("Le coût d'une visière est de 3 euros.", "price"),
    ("Pour comparaison, la Région a commandé 4 millions de masques.", "national"),
])
def test_costs_and_regional_figures_are_set_aside(text, reason):
    assert not kinds(text)
    assert reason in [r for _, r in aside(text)]


@pytest.mark.parametrize("text, reason", [
    ("Le stock de masques date de 2009.", "year"),
    ("Cette usine de 250 salariés produit des blouses.", "population"),  # an organisation's size
])
def test_years_and_sizes_are_set_aside(text, reason):
    assert not kinds(text)
    assert reason in [r for _, r in aside(text)]


@pytest.mark.parametrize("text, expected", [
    # a rate belongs to its own clause, not to the coordinated one before it
    ("Depuis avril, 2 400 repas ont été portés, et chaque soir, ce sont 60 plateaux qui "
     "partent de la cuisine.", [(2400, "done"), (60, "per_day")]),
    # people named by their membership act as helpers when they are the subject
    ("Quinze adhérents du club se relaient pour porter les courses.", [(15, "volunteers")]),
    # verbs of asking make a need; "il faut" keeps its clitics
    ("Les infirmières nous réclament encore 400 surblouses.", [(400, "needed")]),
    ("Pour les écoles, il nous en faudrait 2 000 masques de plus.", [(2000, "needed")]),
    # the clitic "en" stands for the people its sentence names
    ("- livreurs : il nous en faudrait une dizaine de plus", [(10, "needed")]),
    # a number closing its clause before a time phrase counts the noun named before
    ("L'atelier a cousu 800 masques. Le but est d'arriver à 2 000 avant l'été.",
     [(800, "done"), (2000, "target")]),
    # a local distribution of stock the State or the Region supplied is local output
    ("Nos agents ont distribué les 1 500 masques fournis par l'État.", [(1500, "done")]),
])
def test_clause_and_reference_rules(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, reason", [
    ("Les cuisiniers ont entre 25 et 40 ans.", "age"),                # a range shares its unit
    ("Permanences de 9 à 12 h en mairie.", "time"),
    ("Objectif : 3 masques pour chacun des 9 000 habitants.", "per_unit"),
    ("La ville a commandé des masques afin que chacun de nos habitants en ait trois.",
     "per_unit"),
    ("Les masques iront aux 5 400 habitants du village.", "population"),
    ("La Région a annoncé 2 millions de masques pour ses lycées.", "national"),
])
def test_more_traps(text, reason):
    assert all(kind != "done" for _, kind in kinds(text))
    assert reason in [r for _, r in aside(text)]


@pytest.mark.parametrize("text, reason", [
    ("La commande de 9 000 masques donnera 1 masque par Boulonnais.", "per_unit"),   # demonym
    ("Dans chaque sachet : 1 pochette = 6 masques à assembler.", "per_unit"),         # equation
    ("Un rouleau de coton suffit à coudre 70 masques.", "per_unit"),                  # capacity
    ("Trois masques sont remis à chaque écolier de la commune.", "per_unit"),
    ("Pas plus de 4 masques au maximum par personne, merci !", "per_unit"),
    ("Sur les 2 300 collégiens du secteur, 5 % n'ont pas d'ordinateur.", "population"),
    ("Au hameau d'une centaine d'âmes, tout le monde se connaît.", "population"),
    ("La commune d'un millier d'habitants a ouvert une cellule.", "population"),
    ("Les distributions auront lieu vendredi 8 et samedi 9 mai.", "date"),
    ("Communauté de communes du Pays de la Lys – 62190", "postcode"),
    ("Les bénévoles de la Maison des Quatre Saisons ont cousu des blouses.", "reference"),
])
def test_more_shapes_set_aside(text, reason):
    assert all(kind != "done" for _, kind in kinds(text))
    assert reason in [r for _, r in aside(text)]


def test_a_group_that_gathers_is_people_who_help():
    text = "Une vingtaine de retraités se sont regroupés sous le nom « Les Fils d'argent »."
    assert kinds(text) == [(20, "volunteers")]


@pytest.mark.parametrize("text, expected", [
    ("Ils sont une quinzaine à livrer les repas chaque midi.", [(15, "volunteers")]),
    ("Les bénévoles du club « Les Mouettes », au nombre de 14, portent les colis.",
     [(14, "volunteers")]),
    ("La ferme a offert 2,5 tonnes de produits laitiers aux associations.", [(2.5, "done")]),
    ("Il nous manque des fournitures : 200 m de biais et du fil.", [(200, "needed")]),
    ("Le CCAS a rendu visite à chacune des 64 personnes seules de la commune.",
     [(64, "beneficiaries")]),
])
def test_counted_people_and_matter(text, expected):
    assert kinds(text) == expected


def test_a_distance_is_no_quantity():
    assert kinds("Les livreurs ont parcouru 40 km dans la journée.") == []


def test_a_list_shares_the_need_its_heading_line_states():
    lead = "Le collectif tient bon.\n\nNous recherchons :\n\n- du fil blanc"
    assert kinds_after(lead, "- 40 bobines d'élastique") == [(40, "needed")]
    assert kinds_after("Le bilan de la semaine :", "- 40 bobines livrées") == [(40, "done")]


def kinds_after(lead: str, text: str) -> list[tuple]:
    return [(q.value, q.kind) for _, q in read_numbers(text, lead) if q is not None]


@pytest.mark.parametrize("text", ["Prochain défi : 2 500 masques pour la rentrée.",
                                  "Notre défi, atteindre 900 colis avant l'été."])
def test_a_challenge_is_a_goal(text):
    assert [k for _, k in kinds(text)] == ["target"]


@pytest.mark.parametrize("text, expected", [
    ("La boulangerie a fait don de 600 baguettes aux soignants.", [(600, "done")]),
    ("L'Agglo nous a fait parvenir 3 000 masques, remis aux infirmières.", [(3000, "done")]),
])
def test_action_nouns_and_supplies_to_us(text, expected):
    assert kinds(text) == expected


def test_a_list_of_towns_counts_the_item_its_heading_names():
    lead = "La communauté de communes prête des ordinateurs. Ordinateurs déjà prêtés :"
    text = "→ Fruges : 12\n→ Hesdin : 7 (et 4 autres commandés)"
    assert kinds_after(lead, text) == [(12, "done"), (7, "done"), (4, "ordered")]


@pytest.mark.parametrize("text, expected", [
    ("Le fil ne manque pas : la mercerie a donné quarante bobines.", [(40, "done")]),
    ("Il ne manque plus que 300 masques pour finir.", [(300, "needed")]),
    # the clitic stands for the thing made, before a person named in passing
    ("Ils ont imprimé 50 visières chez un parent d'élève et vont en imprimer 70 de plus.",
     [(50, "done"), (70, "target")]),
])
def test_needs_denied_or_restricted_and_what_en_stands_for(text, expected):
    assert kinds(text) == expected


def test_a_free_phone_number_read_in_threes_is_a_phone():
    assert aside("Écoute gratuite au 0 800 130 000, tous les jours.") == [
        ("0 800 130 000", "phone")]


@pytest.mark.parametrize("lead, text, expected", [
    # the introducing line's kind and noun reach its bare entries
    ("Le syndicat mixte a passé commande. Tablettes commandées, livraison attendue :",
     "- Lillers : 30 tablettes\n- Norrent-Fontes : 12 tablettes", [(30, "ordered"), (12, "ordered")]),
    ("Repas portés à domicile chaque semaine, par village :",
     "- Houdain : 64\n- Ruitz : 18", [(64, "per_week"), (18, "per_week")]),
    # the sentence ending with the colon speaks for the list, not the paragraph before it
    ("Ouvert aux habitants réservé aux plus de 70 ans. Foyers aidés au 2 mai :",
     "- Rebreuve : 41", [(41, "beneficiaries")]),
])
def test_a_list_line_gives_its_entries_their_kind_and_noun(lead, text, expected):
    assert kinds_after(lead, text) == expected


@pytest.mark.parametrize("text, expected", [
    # objects coordinated under one verb share its rate
    ("Le primeur dépose chaque matin 40 cagettes et une trentaine de salades à l'EHPAD.",
     [(40, "per_day"), (30, "per_day")]),
    # a weekday repeated is a weekly rate
    ("Tous les jeudis, 55 paniers partent de la salle polyvalente.", [(55, "per_week")]),
    ("Le maraîcher livre chaque vendredi 20 cageots de légumes.", [(20, "per_week")]),
    # a time of day after « chaque » is no recipient
    ("La salle paroissiale réunit chaque après-midi une douzaine de couturières.", [(12, "volunteers")]),
    # an explicit goal is one, whoever it counts
    ("Notre but : 150 adhérents inscrits avant juin.", [(150, "target")]),
    # expectation verbs tell a goal, not an output
    ("La Croix-Rouge tablait sur 90 donneurs ; ils furent 104.", [(90, "target")]),
    # more of the same thing, announced
    ("12 tablettes ont été prêtées. Une vingtaine d'autres arriveront en juin.",
     [(12, "done"), (20, "target")]),
    # a subject pronoun's count is the people it stands for
    ("Les livreurs bénévoles ? Ils sont une quinzaine.", [(15, "volunteers")]),
    ("On est désormais 18 à tricoter.", [(18, "volunteers")]),
    # a part of a set counts the set's noun
    ("Douze de ses employés ont rejoint l'atelier de couture.", [(12, "volunteers")]),
    # the figure's own verb of ordering beats a need named in another phrase
    ("Les écoles manquaient de blouses : pour répondre à ce besoin, le Département en a "
     "commandé 8 000.", [(8000, "ordered")]),
    ("Pour répondre aux besoins des écoles, le Département a commandé 8 000 blouses.",
     [(8000, "ordered")]),
    # one batch counts what it holds
    ("Cent visières sont prêtes. Jeudi, un lot de 60 est parti pour la clinique.",
     [(100, "done"), (60, "done")]),
])
def test_more_kinds_from_grammar(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, reason", [
    ("Notre communauté rurale de 22 villages et quelque 31 000 habitants a tenu bon.",
     "population"),
    ("Dans cet arrondissement côtier de près de 90 000 habitants, les dons affluent.",
     "population"),
    ("Chaque sac contient du savon, des compotes et 3 paquets de biscuits.", "per_unit"),
    ("Les courses sont plafonnées à 15 articles par commande.", "per_unit"),
    ("En Normandie, il faudrait 4 000 blouses de plus chaque semaine.", "national"),
])
def test_more_traps_from_grammar(text, reason):
    assert reason in [r for _, r in aside(text)], aside(text)


def test_en_under_a_verb_of_making_stands_for_a_thing_named_earlier():
    lead = "Au lycée, on imprime des visières."
    text = "L'équipe, quinze élèves et deux professeurs, en fabrique maintenant 150 par jour."
    assert (150, "per_day", "visières") in [
        (q.value, q.kind, q.item) for _, q in read_numbers(text, lead) if q is not None]


def test_a_part_after_dont_is_not_counted_again():
    assert kinds("Le club a distribué 400 colis, dont 120 à des familles de Liévin.") == [
        (400, "done")]
    assert ("deux", "part") in aside("Une dizaine de bénévoles aident, dont deux pompiers.")
    # a relative « dont » with no figure before it opens no part
    assert kinds("Saluons le club de judo, dont 14 membres ont livré les courses.") == [
        (14, "volunteers")]


@pytest.mark.parametrize("text, expected", [
    # an intention is a goal, whoever it counts; recipients of a future aid stay recipients
    ("Le club aimerait pouvoir accompagner 40 aînés d'ici l'été.", [(40, "target")]),
    ("Une prime sera versée aux 300 familles du canton.", [(300, "beneficiaries")]),
    # people usually helped who do something else than help stay the people helped
    ("Les 45 pensionnaires peuvent désormais parler à leurs familles en vidéo.",
     [(45, "beneficiaries")]),
    ("Douze lycéens livrent les courses des voisins âgés.", [(12, "volunteers")]),
    # things gathered are collected; a line in capitals is no acronym
    ("Au total, 900 paquets de pâtes ont été rassemblés au gymnase.", [(900, "done")]),
    ("ON A PASSÉ LA BARRE DES 1500 VISIÈRES !", [(1500, "done")]),
    # a purchase not yet arrived is ordered
    ("Le garage a acheté 300 litres de gel ; ils ne sont pas encore arrivés.",
     [(300, "ordered")]),
])
def test_kinds_of_people_and_things_gathered(text, expected):
    assert kinds(text) == expected


def test_a_figure_from_a_ministry_is_national():
    assert ("20 000", "national") in aside(
        "D'après le ministère, 20 000 familles auraient reçu une aide en avril.")


@pytest.mark.parametrize("text, reason", [
    ("Dans chaque sac : 2 kg de riz, 3 boîtes de thon et un savon.", "per_unit"),
    ("Une housse = 1 taie pour 3 masques.", "per_unit"),
    ("À l'échelle de la France, 40 000 couturières auraient cousu des masques.", "national"),
])
def test_what_each_one_holds_and_figures_for_the_whole_country(text, reason):
    assert {r for _, r in aside(text)} == {reason}


def test_the_size_of_a_place_is_no_output():
    assert kinds("Le gîte, qui compte 12 chambres, héberge des soignants.") == []


def test_a_list_line_with_a_verb_of_doing_makes_its_bare_entries_done():
    lead = "Voici, ville par ville, le nombre de repas servis depuis mars :"
    assert kinds_after(lead, "- Lillers : 1 400 repas\n- Burbure : 380 repas") == [
        (1400, "done"), (380, "done")]


def test_a_distance_kept_is_no_quantity():
    assert kinds("Les 12 bénévoles gardent 2 mètres de distance entre eux.") == [
        (12, "volunteers")]


def test_a_first_batch_counts_and_one_thing_for_several_is_a_ratio():
    assert kinds("Un premier lot de 40 tablettes a été remis aux écoles.") == [(40, "done")]
    assert ("quatre", "per_unit") in aside("Chez eux, une seule tablette pour quatre élèves.")


@pytest.mark.parametrize("text, expected", [
    # a participle of aiming on a figure that is no subject makes it a goal
    ("Sur les 3 000 colis prévus, un tiers est déjà parti.", [(3000, "target")]),
    ("Les 800 paniers prévus ont été remis lundi.", [(800, "done")]),
    # the participle may hang on the counted noun's complement
    ("Déjà 250 tournées de livraison effectuées par les bénévoles.", [(250, "done")]),
    # a pronominal verb's subject acts: its people help
    ("Une quinzaine de lycéens se sont relayés pour préparer les paniers.",
     [(15, "volunteers")]),
    # a bare number with a rate counts what its sentence counted before
    ("Depuis mars, 2 100 repas ont été portés à domicile, soit environ 70 par jour.",
     [(2100, "done"), (70, "per_day")]),
])
def test_participles_pronominal_verbs_and_rates_of_the_same_thing(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, reason", [
    ("Les masques seront remis à l'ensemble des 4 300 Outrelois.", "population"),
    ("Chacun des 2 150 habitants recevra une visière.", "population"),
    ("Le pain est livré par nos 2 boulangeries.", "place_count"),
    ("La distribution a lieu dans les 5 groupes scolaires.", "no_item"),
    ("La ligne d'écoute répond 24 heures sur 24.", "duration"),
    ("• 4 € : le coût d'un mètre de coton", "price"),
])
def test_all_the_inhabitants_places_schedules_and_costs_are_set_aside(text, reason):
    assert reason in [r for _, r in aside(text)]
    assert not [q for _, q in read_numbers(text) if q is not None and q.kind == "done"
                and q.value > 5]


def test_a_pictograph_is_no_verb():
    # "➡️" read as a verb in the conditional made every entry a goal
    assert kinds("➡️ déjà 130 visites de voisinage réalisées 🙌") == [(130, "done")]


@pytest.mark.parametrize("text, expected", [
    # a bulletin's table written as lines "label : figure"
    ("- Colis remis : 1 250", [(1250, "done")]),
    ("- Visières commandées (livraison la semaine prochaine) : 400", [(400, "ordered")]),
    ("- Repas portés chaque jour : 75", [(75, "per_day")]),
    ("- Familles accompagnées : 64", [(64, "beneficiaries")]),
    ("- Couturières bénévoles : 18", [(18, "volunteers")]),
    ("Objectif d'ici l'été : 6 000 masques", [(6000, "target")]),
])
def test_label_lines_name_what_their_figure_counts_and_how(text, expected):
    assert kinds(text) == expected


def test_a_town_as_a_label_leaves_the_item_to_the_list_s_line():
    assert kinds("- Hesdin : 1 300") == []       # no noun: the list's line names it
    assert aside("Le territoire (27 communes, environ 18.500 habitants) s'est mobilisé.") == \
        [("27", "place_count"), ("environ 18.500", "population")]


def test_a_label_of_its_own_noun_counts_it_and_a_town_label_counts_the_list_s_item():
    """« Navettes assurées : 42 » counts navettes (outside the lexicon); under « voici
    les masques remis », a town's label counts masks, whatever its last letter."""
    assert [(q.value, q.item) for _, q in read_numbers("Navettes assurées : 42")
            if q is not None] == [(42, "navettes")]
    text = ("Voici les masques remis au 4 mai :\n"
            "Desvres : 2 100\nQuelmes : 640\nRuminghem : 515\nMentque-Nortbécourt : 90")
    assert [(q.value, q.item) for _, q in read_numbers(text) if q is not None] == \
        [(2100, "masques"), (640, "masques"), (515, "masques"), (90, "masques")]


def test_a_thing_made_then_to_be_handed_out_was_made():
    """The verb in the past that governs the figure decides; a relative clause in the
    future on the thing tells what comes next. With no verb of its own, it decides."""
    assert kinds("Les bénévoles de Quelmes ont cousu 340 blouses, qui seront remises à "
                 "l'hôpital lundi.") == [(340, "done")]
    assert kinds("- 250 paniers, qui seront livrés demain aux aînés") == [(250, "target")]


def test_a_figure_of_comparison_is_never_counted():
    """« contre N » compares with the figure before it: a rate's comparison is a rate,
    shown apart; an amount done another time is set aside, not added to this report's."""
    assert kinds("Le portage livre désormais 95 repas par jour, contre 60 avant "
                 "l'épidémie.") == [(95, "per_day"), (60, "per_day")]
    assert kinds("Le club a remis 310 colis en avril (contre 120 en mars).") == [(310, "done")]
    assert ("120", "comparison") in aside("Le club a remis 310 colis en avril (contre 120 "
                                          "en mars).")
    assert kinds("La pharmacie a reçu 2 000 masques contre le virus.") == [(2000, "done")]


def test_the_means_that_make_or_carry_are_no_output():
    """The subject of a verb of making or carrying, when the clause counts what it makes,
    is the means (machines, vans); tools in « -antes » are no helpers either."""
    assert kinds("Les 7 imprimantes du lycée sortent chaque jour 90 visières.") == \
        [(90, "per_day")]
    assert ("Deux", "means") in aside("Deux camionnettes ont livré 260 colis.")
    assert kinds("Deux camionnettes ont livré 260 colis.") == [(260, "done")]


@pytest.mark.parametrize("text, expected", [
    # a modal over the act: still to be done
    ("Grâce au Département, 45 tablettes doivent encore être remises aux collégiens.",
     [(45, "target")]),
    ("Ces 700 masques vont être distribués samedi.", [(700, "target")]),
    # a bare figure as the subject counts what its sentence counted before
    ("La commune a commandé 9 000 visières ; 4 000 sont déjà livrées.",
     [(9000, "ordered"), (4000, "done")]),
    # … unless it is a part of a whole given with « sur »
    ("Sur 480 colis préparés, 300 ont déjà été remis.", [(480, "done")]),
])
def test_modals_bare_subjects_and_parts(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text", [
    "Le marché reste ouvert, avec un maximum de 40 personnes à la fois.",
    "La salle de la mairie accueille 30 personnes en même temps.",
    "Les retraits se font sur rendez-vous, dans la limite de 25 familles par créneau.",
])
def test_a_limit_is_no_count(text):
    assert kinds(text) == [] and "limit" in [r for _, r in aside(text)]


@pytest.mark.parametrize("text, expected", [
    # the goal noun is the subject; the infinitive after "est de" tells no past
    ("Le but fixé par le club est d'atteindre les 2 500 colis avant l'été.", [(2500, "target")]),
    ("L'ambition de l'atelier reste de coudre 6 000 blouses.", [(6000, "target")]),
    # "petites mains": people who sew, never hands nor means
    ("Cette semaine, nos 25 petites mains ont piqué 700 masques.",
     [(25, "volunteers"), (700, "done")]),
])
def test_goal_subjects_and_idioms_for_helpers(text, expected):
    assert kinds(text) == expected


def test_a_pictograph_ends_a_post_s_sentence():
    """In a post, an emoji ends a sentence: a national figure in the next one does not
    set aside the local one before it."""
    text = ("Depuis mars, on a servi 1 900 repas 🍲 Pour info, à l'échelle nationale "
            "ce sont 40 millions de repas.")
    assert kinds(text) == [(1900, "done")]
    assert ("40 millions", "national") in aside(text)


@pytest.mark.parametrize("text, counted, reminded", [
    ("L'épicerie a remis 140 colis. Pour rappel, la fédération avait servi 9 000 repas "
     "dans tout le secteur l'an dernier.", [(140, "done")], "9 000"),
    ("Pour mémoire, 2 300 visières sont livrées chaque semaine dans le secteur.", [],
     "2 300"),
])
def test_a_sentence_opened_by_a_reminder_recalls_background(text, counted, reminded):
    assert kinds(text) == counted
    assert (reminded, "reminder") in aside(text)


@pytest.mark.parametrize("text, reason", [
    ("Pour les commandes de moins de 20 €, le paiement se fait en espèces.", "limit"),
    ("Les foyers de plus de 4 personnes recevront un colis.", "limit"),
    ("Livraison du tissu attendue semaine 21, via le grossiste.", "date"),
    ("La maire a pensé à ses 4 800 administrés.", "population"),
])
def test_thresholds_week_numbers_and_residents_are_no_counts(text, reason):
    assert reason in [r for _, r in aside(text)]
    assert all(value not in (20, 4, 21, 4800) for value, _ in kinds(text))


def test_a_week_s_count_stays_a_count():
    assert kinds("Chaque semaine 30 paniers sont livrés.") == [(30, "per_week")]


@pytest.mark.parametrize("text, value, reason", [
    ("Dans ce hameau de 240 âmes, tout le monde se connaît.", 240, "population"),
    ("Bravo à cette TPE de 12 salariés qui a fabriqué 300 visières.", 12, "population"),
    ("Le club a remis 60 sacs de 3 kg de pommes de terre.", 3, "per_unit"),
])
def test_sizes_and_containers_are_no_output(text, value, reason):
    assert (value, reason) in [(n.value, r) for n, q in read_numbers(text) if q is None
                               for r in [n.reason]]


def test_a_membership_fee_is_a_price():
    assert ("8", "price") in aside("Pour nous soutenir, la cotisation reste à 8 € par an.")


@pytest.mark.parametrize("text, expected", [
    # "venir de" + infinitive: the recent past of that verb
    ("L'atelier vient de livrer 180 blouses à l'hôpital.", [(180, "done")]),
    ("Trente rouleaux d'élastique viennent d'être commandés.", [(30, "ordered")]),
    # the item's own measure does not hide the rate after it
    ("La cuisine prépare 90 barquettes de 300 g par jour.", [(90, "per_day")]),
    # a pointing pictograph before a figure does not end the sentence
    ("Prochain objectif 👉 2 000 masques d'ici juin !", [(2000, "target")]),
])
def test_recent_past_measures_and_pointing_signs(text, expected):
    assert kinds(text) == expected


def test_a_thing_held_is_a_stock_and_a_neighbouring_village_is_reached():
    assert ("1 500", "stock") in aside("L'école dispose de 1 500 masques en réserve.")
    assert kinds("Nous avons 12 bénévoles.") == [(12, "volunteers")]
    from tests.initiatives.test_reading_layouts import summary
    (ini,) = summary("Le GAEC des Tilleuls a livré 90 paniers aux familles de Licques et du "
                     "village voisin d'Alembon.")
    assert ini[1] == ["62506", "62020"]


@pytest.mark.parametrize("text, value, reason", [
    ("Le CCAS a remis entre le 6 et le 11 mai 900 colis.", 6, "date"),
    ("Dans ce bourg d'à peine 2 300 habitants, l'entraide va de soi.", 2300, "population"),
    ("Le kilo de carottes se négocie à 0,60 € au marché.", 0.6, "price"),
])
def test_day_ranges_hedged_populations_and_market_prices(text, value, reason):
    assert (value, reason) in [(n.value if n.value is not None else value, n.reason)
                               for n, q in read_numbers(text) if q is None]


def items(text: str) -> list[tuple]:
    return [(q.value, q.item, q.unit, q.kind) for _, q in read_numbers(text) if q is not None]


def test_a_bare_unit_measures_its_label_s_matter_and_a_slash_tells_a_rate():
    """Litres of milk are not litres of gel: a label-value row whose value is a bare unit
    counts the label's noun; "/ jour" after a spaced unit is a rate."""
    assert items("Lait offert aux familles : 200 litres") == [(200, "lait", "litres", "done")]
    assert items("Farine de blé donnée : 2 tonnes") == \
        [(2, "farine de blé", "tonnes", "done")]
    assert items("Potage livré : 40 litres / jour")[0][3] == "per_day"
    # a town as a label is no matter
    assert items("Desvres : 120 litres")[0][1] == "litres"


@pytest.mark.parametrize("text, expected", [
    # requests still waiting are a need
    ("Le collège a prêté 30 tablettes. 14 demandes restent en attente.",
     [(30, "done"), (14, "needed")]),
    ("Il reste une quarantaine de demandes non satisfaites.", [(40, "needed")]),
    # a light verb's task found past an inserted adverbial: its subject helps
    ("Douze joueurs du club assurent, chaque samedi, les courses de 25 voisins âgés.",
     [(12, "volunteers"), (25, "beneficiaries")]),
])
def test_pending_requests_and_a_task_past_an_adverbial(text, expected):
    assert kinds(text) == expected


def test_a_decade_and_a_number_word_opening_a_quoted_name_are_no_figures():
    assert ("années 80", "year") in aside("Le club, fondé dans les années 80, a cousu 90 masques.")
    assert kinds("La plateforme « Trois Vallées Entraide » a livré 70 colis.") == [(70, "done")]
    # a quoted sentence opening with a number goes on in lower case: it is a figure
    assert kinds("« Deux cents masques ont été cousus », dit la présidente.") == [(200, "done")]


def test_a_verbless_sentence_on_an_infinitive_states_a_project():
    assert kinds_after("Les élèves ont imprimé 900 visières.",
                       "Le pari ? En sortir 3 000 avant le 1er juin.") == [(3000, "target")]
    # a participle reports, an infinitive does not ("livrées" against "livrer")
    assert kinds("Bilan de la semaine : 400 masques livrés.") == [(400, "done")]


def test_a_list_entry_s_label_is_no_subject_of_its_sentence():
    """"• Nielles – Douze joueurs …": the parser would make the town the subject and the
    players its complement; the label ends before the dash."""
    assert kinds("• Lumbres – Vingt adhérents de l'Amicale laïque assurent, chaque jeudi, "
                 "les courses de 45 foyers.") == [(20, "volunteers"), (45, "beneficiaries")]
    assert kinds("• Wismes – Onze membres de l'Union musicale font, chaque vendredi, les "
                 "courses de 18 foyers.") == [(11, "volunteers"), (18, "beneficiaries")]


def test_a_town_counting_itself_is_its_population_and_avoir_before_a_figure_holds():
    assert ("environ 4 200", "population") in aside(
        "La mairie a commandé 5 000 masques, soit un par habitant (nous sommes environ 4 200).")
    assert ("2", "stock") in aside("« Moi, j'en ai 2, que je lave chaque soir », dit Lucie.")
    # "avoir" as an auxiliary, a participle after it, still reports
    assert kinds_after("Les couturières cousent des masques.",
                       "Elles en ont déjà remis 80 à l'école.") == [(80, "done")]


def test_a_count_of_acts_reports_acts_done_unless_something_holds_them():
    assert kinds("✅ 95 dépannages informatiques depuis le 1er avril") == [(95, "done")]
    assert kinds("Bilan : 54 livraisons, pour 20 personnes aidées.") == \
        [(54, "done"), (20, "beneficiaries")]
    assert kinds("Nous prévoyons 40 livraisons.") == [(40, "target")]
    assert kinds("Le bourg compte 300 habitations.") == []
    # a thing or a place in "-age" is no act
    assert kinds("Les bénévoles ont distribué 300 masques dans les trois villages.") == \
        [(300, "done")]


@pytest.mark.parametrize("text, value, reason", [
    # a third party's reminder is context; a cap after the noun is a limit
    ("La sous-préfète rappelle que le numéro national a reçu plus de 90 000 appels.",
     "plus de 90 000", "reminder"),
    ("Les accueils reprendront par groupes de 10 enfants au maximum.", "10", "limit"),
    # a unit's property in brackets, all the households told roughly, a member's part
    ("Le CCAS a commandé 900 masques lavables (jusqu'à 30 lavages).", "jusqu'à 30",
     "per_unit"),
    ("Deux masques seront remis aux quelque 1 800 foyers de la commune.", "quelque 1 800",
     "population"),
])
def test_reminders_caps_unit_properties_and_all_households(text, value, reason):
    assert (value, reason) in aside(text)


def test_an_author_s_own_reminder_and_a_member_s_whole_work_still_count():
    assert kinds("Rappelons que nos agents ont imprimé 700 attestations.") == [(700, "done")]
    assert kinds("Lucie a cousu à elle seule 320 masques.") == [(320, "done")]
    assert kinds_after("Le club a cousu 900 blouses.",
                       "Bravo à Lucie, qui en a cousu à elle seule plus de 200 !") == []
    assert kinds("L'EARL a distribué 600 kilos de pommes aux 90 foyers de la commune.") == \
        [(600, "done"), (90, "beneficiaries")]


@pytest.mark.parametrize("text, expected", [
    # a wish is a goal; a figure to reach, even after a need, is the aim
    ("Le maire souhaite 3 000 masques pour la rentrée.", [(3000, "target")]),
    ("L'équipe recherche 8 couturières de plus afin d'atteindre 1 500 blouses.",
     [(8, "needed"), (1500, "target")]),
    # a participle of seeking after the noun, a label's participle, "en" of an order
    ("Objectif ou besoin : 6 chauffeurs recherchés", [(6, "needed")]),
    ("Distribué : 420 kilos de légumes", [(420, "done")]),
    ("L'atelier a découpé 700 visières. Elles ont plu aux infirmiers et la clinique en a "
     "commandé 250 de plus.", [(700, "done"), (250, "ordered")]),
    # a part of the people named before acts or receives as its verb says
    ("Les retraités du club ont répondu : 9 d'entre eux portent les repas à domicile.",
     [(9, "volunteers")]),
    ("Le CCAS appelle 210 aînés et 30 d'entre eux reçoivent un colis.",
     [(210, "beneficiaries"), (30, "beneficiaries")]),
])
def test_wishes_purposes_sought_participles_labels_and_parts_of_a_group(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, value, reason", [
    ("À l'échelon national, la plateforme a reçu 150 000 offres d'aide.", "150 000", "national"),
    ("Au plan régional, 2 millions de masques ont été livrés.", "2 millions", "national"),
    ("L'école, qui compte 280 élèves, a prêté des tablettes.", "280", "population"),
    ("Commande minimale : 20 €.", "20", "limit"),
    ("Points de retrait : 5", "5", "place_count"),
])
def test_national_sizes_minimums_and_a_label_naming_places(text, value, reason):
    assert (value, reason) in aside(text)


@pytest.mark.parametrize("text, expected", [
    # helpers named by an agent noun and a relative clause of acting
    ("Le club a 6 livreurs qui portent les repas chez les aînés.", [(6, "volunteers")]),
    # "la douzaine de", as "une douzaine de"
    ("Merci à la quinzaine de bénévoles de l'épicerie sociale.", [(15, "volunteers")]),
    # a making in the present with "encore" is still under way
    ("Le collectif a livré 900 masques. Ses membres en cousent encore 400 pour la rentrée.",
     [(900, "done"), (400, "target")]),
    ("L'épicerie distribue encore 60 colis chaque semaine.", [(60, "per_week")]),
])
def test_agent_nouns_acting_the_douzaine_and_work_still_under_way(text, expected):
    assert kinds(text) == expected


def test_people_living_alone_who_are_called_are_helped():
    assert kinds("Les élus appellent les 95 personnes âgées qui vivent seules.") == [
        (95, "beneficiaries")]


@pytest.mark.parametrize("text, expected", [
    # an adjective standing for the noun said before, and a future the tagger misses
    ("La mairie a commandé 3 000 masques. Les 800 premiers, arrivés lundi, ont été "
     "distribués par les élus.", [(3000, "ordered"), (800, "done")]),
    ("Le collège a prêté 20 tablettes aux familles. 6 autres seront disponibles mardi.",
     [(20, "done"), (6, "target")]),
    # a row led by an en dash keeps its label's kind
    ("– Commande en cours : 40 rouleaux de tissu", [(40, "ordered")]),
])
def test_stand_in_adjectives_futures_and_dash_led_rows(text, expected):
    assert kinds(text) == expected


def test_an_adjective_standing_for_a_noun_counts_the_noun_said_before():
    assert items("La mairie a commandé 3 000 masques. Les 800 premiers, arrivés le 4 mai, "
                 "ont été distribués par les élus.")[-1][:2] == (800, "masques")


@pytest.mark.parametrize("text, expected", [
    # a figure asked for now is a need
    ("Les couturières ont remis 200 blouses ; l'EHPAD en demande encore 150.",
     [(200, "done"), (150, "needed")]),
    ("La maison de santé demande 80 visières.", [(80, "needed")]),
    # "en" of a booking stands for the thing made
    ("Le lycée imprime des visières pour les soignants : le cabinet voisin en a réservé 90.",
     [(90, "ordered")]),
    # "supplémentaires" after a past verb of making was made
    ("Les bénévoles ont cousu 340 masques supplémentaires pour les écoles.", [(340, "done")]),
    ("Il faudra 340 masques supplémentaires.", [(340, "needed")]),
])
def test_requests_bookings_and_extra_ones_made(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, value, reason", [
    ("Selon une fondation, 250 000 aînés vivaient déjà dans un isolement « total » en France.",
     "250 000", "national"),
    ("Le 2 mai, 900 000 masques ont été livrés aux pharmacies de la région Hauts-de-France.",
     "900 000", "national"),
    ("Dans ce bourg d'un peu plus de 4 000 habitants, la solidarité s'organise.",
     "plus de 4 000", "population"),
    ("Nos 22 villages, qui comptent ensemble quelque 19 000 habitants, se sont mobilisés.",
     "quelque 19 000", "population"),
    ("Un masque par Lillérois, soit 9 800 habitants selon le dernier recensement.",
     "9 800", "population"),
    ("Un colis nourrit une famille de cinq personnes pendant une semaine.", "cinq", "population"),
])
def test_national_clauses_populations_and_household_size(text, value, reason):
    assert (value, reason) in aside(text)


def test_a_comparison_with_the_country_leaves_a_local_figure_local():
    assert kinds("La mairie a livré 300 masques aux pharmacies, comme partout en France.") == [
        (300, "done")]


def test_a_word_cut_by_the_window_before_a_figure_is_not_read_as_another():
    # 50 characters before the figure start inside "recommandations": no order
    text = ("Chaque blouse, conforme aux recommandations de l'AFNOR, conserve son "
            "efficacité jusqu'à 40 lavages.")
    assert [q for _, q in read_numbers(text) if q is not None and q.kind == "ordered"] == []


def test_a_label_s_figures_dated_after_them_and_one_repeating_its_noun():
    # a time complement after the figure, the line's next figure after ";"
    assert kinds("Colis remis : 45 cette semaine ; 380 depuis le 20 mars") == [
        (45, "done"), (380, "done")]
    # the figure's own noun repeats the label's: the label's participle tells the act
    assert kinds("Banderoles peintes et posées : 18 banderoles") == [(18, "done")]


def test_a_partner_region_is_no_regional_scope():
    assert kinds("6 000 blouses, commandées en partenariat avec la Région, arriveront "
                 "lundi.") == [(6000, "ordered")]
    assert ("9 000", "national") in aside("La Région a commandé 9 000 blouses pour ses lycées.")


def test_a_toll_free_number_in_pairs_is_a_phone():
    assert ("0 805 40 22 22", "phone") in aside(
        "Une question ? Appelez le numéro vert : 0 805 40 22 22 (gratuit).")


def test_a_bare_figure_taking_the_noun_before_shares_its_act():
    assert kinds("Cette semaine : 95 plateaux livrés ; depuis le 30 mars : 870 !") == [
        (95, "done"), (870, "done")]


def test_printed_pages_are_paper_made_but_a_document_s_size_is_not():
    assert kinds("La mairie a imprimé 2 400 pages de coloriages pour les écoliers.") == [
        (2400, "done")]
    assert kinds("Un livret de 16 pages a été remis à chaque famille.") == []


@pytest.mark.parametrize("text, value", [
    ("D'après le rectorat, 12 000 blouses ont été cousues dans les lycées de l'académie.",
     "12 000"),
    ("Dans les collèges de l'académie, 7 500 visières ont été produites.", "7 500"),
])
def test_an_education_authority_s_figures_are_not_local(text, value):
    assert (value, "national") in aside(text)
    assert kinds("Le lycée de Bapaume a produit 400 visières, un record dans l'académie.") == [
        (400, "done")]


def test_a_place_s_number_in_its_name_is_no_quantity():
    text = ("Objectif : 3 000 blouses. Les maisons restantes (cité 9 et rue Pasteur) seront "
            "livrées lundi.")
    assert kinds(text) == [(3000, "target")]
    assert ("cité 9", "reference") in aside(text)


def test_a_relative_clause_s_verb_decides_its_figure_not_the_clause_it_hangs_on():
    assert kinds("12 machines ont été achetées et commandées grâce à une collecte, qui a "
                 "déjà réuni 2 300 euros.") == [(12, "ordered"), (2300, "done")]


def test_a_town_s_own_people_by_its_possessive_are_its_population():
    text = "Objectif : 7 000 blouses, soit une par habitant pour nos 6 950 Marquisiens."
    assert ("6 950", "population") in aside(text)
    assert kinds(text) == [(7000, "target")]


def test_a_part_told_by_its_time_alone_is_already_counted():
    text = "Bilan : 830 blouses (dont 150 la semaine dernière)"
    assert kinds(text) == [(830, "done")]
    assert ("150", "part") in aside(text)


def test_a_postcode_in_brackets_after_its_town_is_no_quantity():
    text = "Inscriptions à la maison des associations, 4 rue Haute à Fruges (62310)."
    assert kinds(text) == []
    assert ("62310", "postcode") in aside(text)


def test_inhabitants_as_a_label_alone_are_a_town_s_size():
    assert aside("Habitants : 2 918") == [("2 918", "population")]
    assert kinds("Habitants servis : 340") == [(340, "beneficiaries")]


def test_every_part_a_dont_lists_is_already_counted():
    text = ("L'atelier réunit 31 bénévoles, dont 22 couturières qui cousent chez elles et "
            "9 personnes chargées du repassage.")
    assert kinds(text) == [(31, "volunteers")]
    assert [n for n, r in aside(text) if r == "part"] == ["22", "9"]


@pytest.mark.parametrize("text", [
    "Blouses livrées : 1 700 sur 2 400",
    "Le club a livré 1 700 blouses sur les 2 400 prévues.",
])
def test_the_whole_after_sur_is_what_was_planned(text):
    assert kinds(text) == [(1700, "done"), (2400, "target")]


def test_a_place_count_after_sur_stays_a_place_count():
    text = "Les bénévoles ont livré 520 colis sur 4 communes."
    assert kinds(text) == [(520, "done")]
    assert ("4", "place_count") in aside(text)


@pytest.mark.parametrize("text, noun", [
    ("- une quarantaine de passages chez le médecin", "passages"),
    ("Bilan : 75 appels aux aînés", "appels"),
    ("Depuis avril : 18 tournées en camionnette", "tournées"),
])
def test_a_count_of_acts_without_a_verb_reports_acts_done(text, noun):
    (q,) = [q for _, q in read_numbers(text) if q is not None]
    assert (q.kind, q.item) == ("done", noun)


def test_a_short_line_over_a_list_gives_its_cue_without_a_colon():
    lead = "Notre atelier tourne bien.\n\nNOUS AVONS BESOIN DE VOUS !\n"
    text = "👉 et de 8 couturières en plus"
    assert [(q.value, q.kind) for _, q in read_numbers(text, lead=lead) if q] == \
        [(8, "needed")]


def test_an_employer_s_staff_is_its_size_and_goods_coming_out_of_it_are_made():
    text = "Chaque jour, 1 500 blouses sortent de l'atelier, qui emploie 40 salariés."
    assert kinds(text) == [(1500, "per_day")]
    assert ("40", "population") in aside(text)
    assert kinds("Les 6 imprimantes du fablab sortent 90 visières par jour.") == [(90, "per_day")]


def test_relying_on_someone_asks_for_nothing():
    assert kinds("Vingt familles font appel à eux chaque semaine, et les lycéens ont déjà "
                 "assuré 130 livraisons.") == [(20, "beneficiaries"), (130, "done")]
    assert kinds("La mairie lance un appel à 12 bénévoles.") == [(12, "needed")]


def test_a_bracket_opens_its_own_clause_for_a_price():
    text = "Une blouse coûte 9 € à l'atelier, merci aux donateurs (1 300 € collectés)."
    assert kinds(text) == [(1300, "done")]
    assert ("9", "price") in aside(text)


def test_a_need_announced_by_a_colon():
    assert kinds("Nous avons besoin de renfort : 6 bénévoles pour les tournées du samedi.") == \
        [(6, "needed")]
    assert kinds("Bilan : 6 bénévoles assurent les tournées du samedi.") == [(6, "volunteers")]


@pytest.mark.parametrize("text, value", [
    ("Population : 1 631", "1 631"),
    ("Notre secteur en bref : 14 communes – 9.500 habitants", "9.500"),
])
def test_a_population_column_or_a_territory_s_inhabitants_are_its_size(text, value):
    assert (value, "population") in aside(text)
    assert kinds(text) == []


def test_a_room_s_capacity_and_a_cap_per_class_are_no_output():
    assert aside("« Notre salle fait 45 couverts », sourit le chef.") == [("45", "place_count")]
    assert kinds("Le restaurant a servi 45 couverts aux infirmières.") == [(45, "done")]
    assert aside("La reprise se fera avec pas plus de 12 élèves par classe.") == \
        [("plus de 12", "per_unit")]


def test_neuf_with_no_noun_is_the_adjective_and_et_joins_only_un_and_onze():
    assert kinds("Neuf, un rouleau de tissu coûte 30 euros ; la mercerie a offert "
                 "quatre rouleaux.") == [(4, "done")]
    assert kinds("Un ordinateur neuf et trois tablettes ont été prêtés.") == [(3, "done")]
    assert kinds("Les couturières – elles sont neuf, et on les remercie – ont cousu 400 "
                 "masques.") == [(9, "volunteers"), (400, "done")]
    assert kinds("Trente et une couturières et quarante-deux aînés.") == \
        [(31, "volunteers"), (42, "beneficiaries")]


@pytest.mark.parametrize("text, expected", [
    # the part of an order its own verb says is delivered is done
    ("Le comité a passé commande de 4 000 visières, dont 1 500 ont déjà été livrées.",
     [(4000, "ordered"), (1500, "done")]),
    # a need's verb coordinated after another verb is the figure's own
    ("Le club vise les 3 000 masques et recherche encore une dizaine de couturières.",
     [(3000, "target"), (10, "needed")]),
    ("La mairie a commandé 250 tablettes et a besoin de 6 bénévoles pour les installer.",
     [(250, "ordered"), (6, "needed")]),
    # … and the figure's own verb after a need's word is another clause's
    ("Nous avons besoin de fil, mais nous avons cousu 450 masques.", [(450, "done")]),
    # "aller chercher" fetches, it seeks nothing
    ("Les bénévoles vont chercher les ordonnances pour 40 foyers.", [(40, "beneficiaries")]),
])
def test_a_figure_s_own_verb_tells_its_kind(text, expected):
    assert kinds(text) == expected


def test_a_fee_with_an_adjective_is_a_price():
    text = ("Chaque colis vaut 25 euros, pour une participation modeste de 2 euros "
            "demandée aux familles.")
    assert not kinds(text)
    assert [r for _, r in aside(text)] == ["price", "price"]


@pytest.mark.parametrize("text, expected", [
    # an amount reached by a verb is collected, unlike a thing's price
    ("La cagnotte en est à 640 € collectés.", [(640, "done")]),
    # an intention's infinitive the parser hangs beside the figure
    ("Elle a brodé 90 masques. Elle compte en coudre encore 30.",
     [(90, "done"), (30, "target")]),
    # those one acts with, fronted; people counted between dashes; feminine staff
    ("Avec une dizaine de voisines, elle a cousu 300 masques.",
     [(10, "volunteers"), (300, "done")]),
    ("Les couturières – elles sont une trentaine – ont cousu 900 masques.",
     [(30, "volunteers"), (900, "done")]),
    ("Huit employées volontaires y assemblent des visières.", [(8, "volunteers")]),
    ("Le club ne se réunit plus, mais trois membres du bureau téléphonent chaque semaine "
     "à ses 45 adhérents.", [(3, "volunteers"), (45, "beneficiaries")]),
])
def test_who_counts_and_how_much_is_reached(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, reason", [
    ("Sac à 8 €, à réserver la veille.", "price"),                 # a thing's price
    ("En cas d'urgence, composez le 17.", "phone"),                 # a service's number
    ("Le site a déjà réuni 120 000 bénévoles dans toute la France.", "national"),
])
def test_a_price_a_service_number_and_a_country_wide_count_are_set_aside(text, reason):
    assert not kinds(text)
    assert reason in [r for _, r in aside(text)]


@pytest.mark.parametrize("text, expected", [
    # people who offered themselves are helpers, whatever noun counts them
    ("Quarante habitants se sont portés volontaires pour livrer les courses.",
     [(40, "volunteers")]),
    # the Region ordering from the local firm ("lui") is a local order, not a regional figure
    ("La Région lui a commandé 900 visières, qui seront livrées lundi.", [(900, "ordered")]),
])
def test_helpers_offered_and_an_order_placed_with_a_local_firm(text, expected):
    assert kinds(text) == expected


def test_a_town_s_size_told_with_a_hedge_is_its_population():
    text = "Les masques iront dans chaque foyer de la commune, qui compte un peu plus de 3 000 habitants."
    assert not kinds(text)
    assert "population" in [r for _, r in aside(text)]


@pytest.mark.parametrize("text, expected", [
    # a schedule told in words is no count
    ("Les livreurs du relais passent six soirs sur sept chez les aînés.", []),
    ("Le standard répond vingt-quatre heures sur vingt-quatre, et 35 appels ont été pris.",
     [(35, "done")]),
    # what one tool or one batch gives is a ratio
    ("Le patron a été revu pour découper huit masques par feuille.", []),
    ("L'imprimante sort quatre visières par plateau.", []),
    ("Les 600 masques ont été cousus, à raison de trente par machine.", [(600, "done")]),
    # a territory's size, its inhabitants coordinated or in a relative clause of residence
    ("Notre canton de 18 communes et de quelque 12 500 habitants a tenu bon.", []),
    ("Dans ce bourg où résident environ 2 300 habitants, 400 masques ont été remis.",
     [(400, "done")]),
    # the Region as a funder gives no scope: the local actor's figure is local
    ("Grâce au soutien de la Région, le club a livré 900 repas aux aînés.", [(900, "done")]),
    ("Grâce à une dotation de la Région, la mairie a distribué 2 600 masques.",
     [(2600, "done")]),
])
def test_a_schedule_in_words_a_tool_s_ratio_a_territory_s_size_and_a_funder(text, expected):
    assert kinds(text) == expected


def test_a_figure_for_the_whole_region_stays_set_aside():
    assert kinds("Dans toute la région, 30 000 masques ont été livrés cette semaine.") == []
    assert kinds("La Région a livré 1 200 000 masques aux communes.") == []


@pytest.mark.parametrize("text, expected", [
    # a sentence whose subject is one of a kind tells of one unit, past its commas
    ("Chaque colis se compose de pâtes et de riz, complété par deux boîtes de conserve.",
     []),
    ("Chaque bénévole a cousu 40 masques.", []),
    ("Chaque cuisine prépare un plat, et environ 90 plateaux partent chaque jour.",
     [(90, "per_day")]),
    ("Chaque commune a reçu sa part, soit 2 400 masques au total.", [(2400, "done")]),
    ("Chaque semaine, l'équipe livre 80 colis.", [(80, "per_week")]),
    # people who set to work are helpers, women named in the feminine too
    ("Une dizaine d'habitantes se sont mises à leurs fourneaux.", [(10, "volunteers")]),
    ("Douze voisins se sont mis au travail dès lundi.", [(12, "volunteers")]),
])
def test_one_of_a_kind_as_subject_and_people_who_set_to_work(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a shouted line is no acronym before its figure; an acronym still names a thing
    ("📢 ON RECHERCHE 5 chauffeurs avec voiture pour les tournées.", [(5, "needed")]),
    ("Les CRS 8 ont porté 60 colis aux familles.", [(60, "done")]),
    # a technique's name is no count
    ("Passionné d'impression en trois dimensions, il a fabriqué 90 visières.",
     [(90, "done")]),
    # people are no sum, even after "l'aide de"
    ("Elle assure la tournée avec l'aide de trois voisins bénévoles.", [(3, "volunteers")]),
])
def test_a_shouted_need_a_technique_s_name_and_helpers_after_aide_de(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a share per receiving place is a per-unit amount
    ("Le syndicat a remis 900 flacons aux écoles, soit 30 flacons par école.",
     [(900, "done")]),
    ("La laiterie a offert 1 200 litres de lait aux mairies, soit 40 litres par mairie.",
     [(1200, "done")]),
    # a verb coordinated in the present shares its one-of-a-kind subject
    ("Une bobine coûte 6 euros et permet de coudre 45 masques.", []),
    # … but a past event told of one thing is an output
    ("Un atelier a ouvert en avril et permet déjà de livrer 240 repas.", [(240, "done")]),
    # a colon after an order announces what it holds, "supplémentaires" or not
    ("Devant la demande, la ville vient de passer commande : 800 blouses "
     "supplémentaires, qui seront livrées d'ici quinze jours.", [(800, "ordered")]),
    # … but orders delivered to homes are deliveries
    ("Le boucher livre les commandes à domicile : près de 60 livraisons par semaine.",
     [(60, "per_week")]),
    # "à raison de" gives a rate when a period follows, a share when a person does
    ("Les bénévoles ont emballé 3 000 colis, à raison de 150 colis par jour.",
     [(3000, "done"), (150, "per_day")]),
    ("Les masques sont remis à raison de deux par personne.", []),
])
def test_a_share_per_place_a_unit_s_capacity_an_order_announced_and_a_rate(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the first person counting itself is the team that speaks
    ("« Au départ on était trois, aujourd'hui on est une quinzaine et la mairie nous "
     "prête une salle », raconte la présidente.", [(15, "volunteers")]),
    # … or the town's population when it counts its inhabitants
    ("Nous sommes 4 300 habitants et chacun a reçu son masque.", []),
    # people who offer to take on a task are helpers
    ("Une vingtaine de lycéens ont proposé de faire les courses des voisins âgés.",
     [(20, "volunteers")]),
    ("Une douzaine de passionnés de bricolage fabriquent des visières.",
     [(12, "volunteers")]),
    # "l'ensemble du territoire", bare, is a local body's own
    ("Le CIAS a porté 5 600 repas à 140 bénéficiaires répartis sur l'ensemble du territoire.",
     [(5600, "done"), (140, "beneficiaries")]),
    ("L'État a livré 12 millions de masques sur l'ensemble du territoire national.", []),
])
def test_the_team_that_speaks_helpers_who_offer_and_a_local_territory(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    # all of a territory's inhabitants are its size; some of them, helped, are counted
    ("La communauté a commandé 30 000 masques pour les quelque 15 000 habitants de nos "
     "18 communes.", [(30000, "ordered")]),
    ("Le CCAS a porté des colis à 140 habitants de la commune.", [(140, "beneficiaries")]),
    # members who harvest or gather are helpers
    ("Depuis avril, les 28 membres du club ont récolté 900 kilos de denrées.",
     [(28, "volunteers"), (900, "done")]),
])
def test_all_of_a_territory_s_inhabitants_are_its_size_and_members_who_harvest_help(text,
                                                                                     expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text", [
    "À l'échelle du département, près de 900 bénévoles ont rejoint la réserve civique.",
    "Dans tout le département, 52 000 masques ont été remis aux soignants.",
])
def test_a_figure_for_the_whole_departement_is_context(text):
    assert kinds(text) == []
    assert {reason for _, reason in aside(text)} == {"departement_wide"}


def test_a_figure_of_one_actor_in_the_departement_is_its_own():
    assert kinds("Le club a livré 300 colis dans le département.") == [(300, "done")]


@pytest.mark.parametrize("text, expected", [
    # a noun after a figure that the tagger takes for a verb in the first person
    ("La savonnerie a offert 800 savons aux soignants.", [(800, "done")]),
    # a count restating the people named before it, as an apposition
    ("Les élus et les agents municipaux, soit 9 personnes, se sont partagé les appels.",
     [(9, "volunteers")]),
    # people who are N to receive are helped, N to sew are helpers
    ("Ces aînés sont 70 à recevoir un repas chaud chaque midi.", [(70, "beneficiaries")]),
    ("Elles sont une douzaine à coudre chez elles.", [(12, "volunteers")]),
    # people counted by "être" now: who they are, whatever another verb says
    ("Nous sommes 16 bénévoles, mais il nous manque encore 4 chauffeurs.",
     [(16, "volunteers"), (4, "needed")]),
    ("Les colis seront remis aux familles suivies, qui sont aujourd'hui 180.",
     [(180, "beneficiaries")]),
])
def test_a_misread_noun_a_restated_count_and_people_counted_by_etre(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a clause that denies tells what people cannot do: they are helped, not helpers
    ("Les scouts font les courses pour 25 aînés qui ne peuvent plus sortir.",
     [(25, "beneficiaries")]),
    # a relative clause the parse hangs on the noun's adjective is still the noun's
    ("🚲 9 livreurs bénévoles qui parcourent les hameaux", [(9, "volunteers")]),
])
def test_a_denied_clause_and_a_clause_on_the_adjective(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an older year, a founding's
    ("La brasserie, fondée en 1874, a produit 900 litres de gel.", [("en 1874", "year")]),
    # the villages a group is made of are places, not things made
    ("Les colis ont été remis aux familles des quatre villages du regroupement.",
     [("quatre", "place_count")]),
    # a gift's size under a denied need is no sum asked for
    ("La cagnotte a réuni 640 €. Pas besoin de donner 20 €, même 1 € aide !",
     [("20", "price"), ("1", "price")]),
])
def test_an_older_year_villages_counted_and_a_gift_under_a_denied_need(text, expected):
    assert aside(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the counted noun parsed as the adjective of the next one still acts
    ("🚲 Nos 7 livreuses bénévoles ont déposé des colis dans 300 foyers.",
     [(7, "volunteers"), (300, "beneficiaries")]),
    # the one masculine round noun, alone, is a goal's figure
    ("Les couturières ont cousu 600 masques. Elles visent le millier avant l'été.",
     [(600, "done"), (1000, "target")]),
])
def test_an_adjective_s_noun_acting_and_the_thousand_as_a_goal(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the size of the teams people work in
    ("Une vingtaine de bénévoles se relaient en cuisine, par équipes de 4.",
     [("4", "per_unit")]),
    # a regional figure, its source far before it in a long clause
    ("Selon l'Agence régionale de santé, les établissements de soins des Hauts-de-France "
     "utilisent à eux seuls près de 30.000 blouses par semaine.", [("près de 30.000", "national")]),
    # a table's two-cell rows, written "label — figure": the label says what it counts
    ("• Population du territoire — près de 12 000 habitants", [("près de 12 000", "population")]),
    ("• Communes membres — 21", [("21", "place_count")]),
    # a sum suggested to each giver
    ("Une urne attend vos dons au point de retrait (5 € conseillés).", [("5", "price")]),
])
def test_team_sizes_a_far_regional_source_two_cell_rows_and_a_suggested_sum(text, expected):
    assert aside(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the epidemic's toll, the disease the predicate of the people counted
    ("Au 30 avril, 412 patients ont été hospitalisés dans les services de l'arrondissement.",
     [("30 avril", "date"), ("412", "epidemic")]),
    ("Le bulletin sanitaire fait état de 85 décès dans le département.", [("85", "epidemic")]),
    # supplies sized for what they will make
    ("Au local, retirez votre sachet : du tissu prédécoupé et de l'élastique pour 15 masques.",
     [("15", "per_unit")]),
    # everyone, restated by "soit"
    ("Tous les habitants du bourg, soit environ 2 300 habitants, recevront un masque.",
     [("environ 2 300", "population")]),
    # cheques of a sum are an aid per person
    ("La commune offre des chèques de 25 € aux familles.", [("25", "price")]),
])
def test_the_epidemic_s_toll_supplies_everyone_restated_and_cheques(text, expected):
    assert aside(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the disease as the state of people helped: they are helped
    ("Les bénévoles ont porté 60 repas à 25 malades hospitalisés.",
     [(60, "done"), (25, "beneficiaries")]),
    # a goal named before its colon, a goal reached is none
    ("L'objectif retenu par la commune est clair : 6 000 masques.", [(6000, "target")]),
    ("Objectif atteint pour les bénévoles : 6 000 masques cousus.", [(6000, "done")]),
    # the channel an order goes through is no scope of it
    ("La mairie a commandé 3 000 masques via la centrale d'achat de la Région Hauts-de-France.",
     [(3000, "ordered")]),
    # one cheque handed over is a gift
    ("Le Rotary a remis un chèque de 1 500 € à l'épicerie solidaire.", [(1500, "done")]),
])
def test_helped_patients_a_goal_before_its_colon_a_channel_and_one_cheque(text, expected):
    assert kinds(text) == expected


def test_people_counted_by_etre_are_those_the_text_named_above():
    read = read_numbers("Elles étaient six en mars ; elles sont aujourd'hui 31.",
                        lead="Les couturières du quartier ne lâchent rien\n\n")
    assert [(q.value, q.kind) for _, q in read if q is not None] == [(31, "volunteers")]


@pytest.mark.parametrize("text, expected", [
    # people at work are the hands of the initiative
    ("Depuis lundi, 18 salariées ont repris le travail à l'atelier de confection.",
     [(18, "volunteers")]),
    # requests answered are acts performed
    ("La permanence téléphonique a répondu à 145 demandes en trois semaines.", [(145, "done")]),
])
def test_people_at_work_and_requests_answered(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    # people, their ages, then a verb of making the parse took for an adjective
    ("Dans la salle des fêtes, 14 lycéens de 15 à 18 ans découpent et assemblent des "
     "blouses.", [(14, "volunteers")]),
    # some of the readers, who came forward
    ("Une soixantaine d'entre vous se sont portés volontaires pour livrer les courses.",
     [(60, "volunteers")]),
    # a goal's sentence running on past its colon
    ("L'atelier se fixe un défi : coudre jusqu'au déconfinement et, avec un peu de chance, "
     "franchir les 8 000 masques.", [(8000, "target")]),
])
def test_makers_by_their_verb_some_of_the_readers_and_a_long_goal(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a day after the figure tells when, the people counted are those named before
    ("Merci aux bénévoles venus plier les masques : ils étaient 22 jeudi soir dans la salle.",
     [(22, "volunteers")]),
    # a purchase made, then another verb's order still to come
    ("Le club a déjà acheté 60 mètres de tissu et vient de commander 300 mètres de ruban, "
     "qui devraient arriver vendredi.", [(60, "done"), (300, "ordered")]),
])
def test_a_day_after_a_count_and_a_purchase_beside_an_order(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a département named as the figure's scope, by the reference's names
    ("Dans le Nord, près de 900 000 masques ont été remis aux mairies.",
     [("près de 900 000", "departement_wide")]),
    ("Sur l'ensemble du Pas-de-Calais, 1 200 couturières se sont inscrites.",
     [("1 200", "departement_wide")]),
])
def test_a_departement_named_as_a_figure_s_scope(text, expected):
    assert aside(text) == expected


def test_the_departmental_council_ordering_for_a_school_is_no_scope():
    assert kinds("Vingt tablettes supplémentaires ont été commandées par le Département pour "
                 "le collège.") == [(20, "ordered")]


@pytest.mark.parametrize("text, expected", [
    # people who took a task on, their ages between
    ("Six jeunes de 16 à 20 ans ont pris en charge les courses de 14 voisins âgés.",
     [(6, "volunteers"), (14, "beneficiaries")]),
    # inhabitants of both genders who set to their machines
    ("Depuis le 2 avril, 19 habitantes et habitants se sont mis derrière leur machine à coudre.",
     [(19, "volunteers")]),
    # the makers who print visors, their English name quoted or not
    ("Le fablab réunit 18 « makers » bénévoles.", [(18, "volunteers")]),
    # children drawing for the residents of a care home help
    ("Les 24 écoliers du village ont dessiné pour les résidents de la maison de retraite.",
     [(24, "volunteers")]),
])
def test_people_taking_tasks_setting_to_work_makers_and_drawing(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the noun's own participle of order, under another clause's verb of plan
    ("Une distribution est prévue dès réception des 900 masques commandés à un fabricant.",
     [(900, "ordered")]),
    # what was ordered and has come in
    ("La mairie a reçu les 1 200 masques commandés en avril.", [(1200, "done")]),
    # "devoir" in its compound past: what had to be done was
    ("Les couturières ont dû confectionner 350 blouses en dix jours.", [(350, "done")]),
    # an order through a framework is no regional figure
    ("La commune a commandé 4 000 masques dans le cadre de la commande groupée de la Région.",
     [(4000, "ordered")]),
    # a slash parts a line's items
    ("EN CHIFFRES : 300 visières remises / 500 visières commandées", [(300, "done"),
                                                                        (500, "ordered")]),
])
def test_orders_told_by_the_noun_received_had_to_a_framework_and_a_slash(text, expected):
    assert kinds(text) == expected


def test_inhabitants_spread_over_communes_are_a_population():
    assert aside("Avec près de 21 000 habitants répartis sur 40 communes, notre territoire a "
                 "dû s'organiser.") == [("près de 21 000", "population"), ("40", "place_count")]


def test_a_price_asked_by_a_verb_of_sale():
    assert aside("Nos visières sont offertes : si quelqu'un vous en propose à 6 €, prévenez-nous.") \
        == [("6", "price")]


@pytest.mark.parametrize("text, expected", [
    # a territory that groups its inhabitants gives its population
    ("Nos 18 communes, qui regroupent quelque 9 400 habitants, se sont mobilisées.",
     [("18", "place_count"), ("quelque 9 400", "population")]),
    # the regional health agency acting is a regional figure
    ("L'Agence régionale de santé a acheminé 900 000 masques vers les hôpitaux.",
     [("900 000", "national")]),
])
def test_a_territory_s_inhabitants_and_the_regional_health_agency(text, expected):
    assert aside(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a hedge before a figure in words, which the parser hangs the noun on
    ("Près de soixante couvertures ont été apportées à la salle des fêtes.", [(60, "done")]),
    # people who take a task on help
    ("Une quinzaine de retraités se chargent des livraisons de pain.", [(15, "volunteers")]),
    ("Une dizaine de lycéens s'occupent des courses des voisins âgés.", [(10, "volunteers")]),
    # a list entry's label before its dash is no part of the clause a rate opens
    ("• Ardres — Chaque jeudi, l'épicerie remet 45 colis aux familles.", [(45, "per_week")]),
    # a noun left out before a participle past its adverbs, or before "à" and an
    # infinitive: what is still to be done is a goal
    ("Bilan : 900 blouses cousues ;\n– 700 déjà déposées au centre hospitalier ;\n"
     "– encore 200 à terminer.", [(900, "done"), (700, "done"), (200, "target")]),
    ("Il reste 150 sacs à remplir avant samedi.", [(150, "target")]),
    # … but a verb of the figure's own clause says what was done, and people counted by
    # "être" before "à" are helpers
    ("Le club a cousu 300 masques à offrir aux pompiers.", [(300, "done")]),
    ("Les couturières sont une trentaine à coudre chez elles.", [(30, "volunteers")]),
])
def test_hedged_words_tasks_taken_on_entry_labels_and_nouns_left_out(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    # helpers said past another figure of the same phrase
    ("Nous sommes 20 étudiants de 19 à 24 ans, tous bénévoles, prêts à aider.",
     [(20, "volunteers")]),
    # a length measures the supply just named, not a distance
    ("Reste le ruban : nous en avons commandé 800 mètres chez un grossiste.", [(800, "ordered")]),
    ("Le dépôt est installé à 200 mètres de la mairie.", []),
    # a need's row may name the thing before its figure; a list's entry ends with its
    # line, whatever the next line's verb
    ("Notre atelier en bref :\n– Ce qui manque : du fil blanc, environ 30 bobines\n"
     "Le fil est trié par une voisine qui a prêté sa table.", [(30, "needed")]),
])
def test_helpers_past_a_figure_lengths_of_a_supply_and_a_need_row(text, expected):
    assert kinds(text) == expected


def test_the_state_acting_through_the_counted_noun_s_participle_is_national():
    assert aside("Le chiffre du mois : 2,4 millions de gants livrés par l'État aux "
                 "établissements de santé.") == [("2,4 millions", "national")]
    # the State giving to us is our supply, and our own act on what it gave is ours
    assert kinds("Les 900 masques livrés par l'État à notre commune sont arrivés.") == \
        [(900, "done")]
    assert kinds("Nos agents ont remis les 1 200 masques fournis par la Région.") == \
        [(1200, "done")]


def test_a_figure_for_every_commune_of_the_departement_is_departement_wide():
    assert aside("Au total, 38 000 visières ont été remises aux communes du département.") == \
        [("38 000", "departement_wide")]


@pytest.mark.parametrize("text, expected", [
    # a deadline names no goal: the households a distribution goes to are helped
    ("Le reste sera remis d'ici la fin du mois aux 140 foyers suivis par l'épicerie.",
     [(140, "beneficiaries")]),
    ("Objectif : 300 foyers équipés d'ici juin.", [(300, "target")]),
    # a helper's adjective on any noun, and teachers in the feminine, count helpers
    ("✅ 23 cyclistes bénévoles sur les routes chaque samedi", [(23, "volunteers")]),
    ("La garderie tient grâce à trois enseignantes volontaires.", [(3, "volunteers")]),
    # a table's first cell is no verb, whatever the tagger makes of a town's name
    ("Commune | Visières offertes\nSamer | 1 200", [(1200, "done")]),
])
def test_deadlines_helper_adjectives_and_table_cells(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    # things given are a gift, counted; a sum given to each is an aid
    ("Le club a fait un don de 350 gants à la caserne des pompiers.", [(350, "done")]),
    # a noun left out before clitics, an auxiliary and a participle
    ("Nous avons commandé 900 blouses ; 300 nous ont déjà été livrées.",
     [(900, "ordered"), (300, "done")]),
])
def test_a_gift_of_things_and_a_noun_left_out_before_its_clitics(text, expected):
    assert kinds(text) == expected


def test_a_sum_given_to_each_is_an_aid():
    assert aside("Chaque étudiant isolé a reçu un don de 80 € de la part du club.") == \
        [("80", "price")]


@pytest.mark.parametrize("text, expected", [
    ("Neuf lycéens de l'association « Coup de Pouce » font chaque jeudi les courses des aînés.",
     [(9, "volunteers")]),
    ("Onze collégiens du foyer rural ont préparé des cartes pour la maison de retraite.",
     [(11, "volunteers")]),
])
def test_people_of_a_body_who_do_errands_or_make_things_help(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    # people of a place acting with a verb of helping help ("se relaient pour assembler")
    ("Une vingtaine d'habitants du hameau se relaient au garage pour découper le tissu.",
     [(20, "volunteers")]),
    # putting one's means at others' service helps
    ("Huit professeurs ont mis leurs imprimantes au service de l'hôpital.", [(8, "volunteers")]),
    # things still awaited are ordered, not in hand
    ("Le syndicat a reçu 8 000 masques ; 12 000 autres sont toujours attendus.",
     [(8000, "done"), (12000, "ordered")]),
    # a total made in the past: the rate of a relative clause after it is another act's
    ("Depuis mars, Paulette a tricoté plus de 400 bonnets, qu'elle porte chaque lundi à la "
     "maternité.", [(400, "done")]),
    # "aller chercher" is to fetch: after a verb in the present, a habit, not a future
    ("Les jeunes du club font les courses et vont chercher les ordonnances de 65 aînés.",
     [(65, "beneficiaries")]),
    # … while "aller" and another infinitive is a near future
    ("Les couturières cousent et vont livrer 500 masques à la mairie.", [(500, "target")]),
    # the helpers a relative clause names after a distributive clause are counted whole
    ("Chaque foyer recevra un colis, qui sera porté par les élus et une trentaine de "
     "bénévoles.", [(30, "volunteers")]),
])
def test_kinds_drawn_from_the_verb_s_sense_and_its_clause(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, reason", [
    # a helpline listed by its service, its short number alone after a colon
    ("- Écoute enfance : 119", "phone"),
    ("• Violences faites aux femmes : 3919", "phone"),
    # a week named by its number, its complement after it
    ("Semaine 7 de nos livraisons", "date"),
    # a count of public facilities is a count of places
    ("Les 4 déchèteries de l'agglomération rouvrent lundi.", "place_count"),
])
def test_numbers_set_aside_by_what_they_name(text, reason):
    assert [r for _, r in aside(text)][:1] == [reason] and kinds(text) == []


@pytest.mark.parametrize("text, expected", [
    # a donation said made by its giver is a sum given
    ("Le Lions Club a fait un don de 1 500 € à l'épicerie sociale.", [(1500, "done")]),
    ("Un don de 800 euros a été versé par l'amicale des pompiers.", [(800, "done")]),
    # a verb ending as a third person plural is no infinitive, whatever the tagger says
    ("Douze tricoteuses confectionnent chaque semaine une cinquantaine de bonnets.",
     [(12, "volunteers"), (50, "per_week")]),
    # things whose arrival is denied, or that are on their way, are ordered
    ("Les 700 blouses promises par le grossiste n'ont toujours pas été livrées.",
     [(700, "ordered")]),
    ("Les 1 200 flacons commandés sont en cours de livraison.", [(1200, "ordered")]),
    # being made is not made yet
    ("Environ 900 masques sont en cours de confection à la salle des fêtes.",
     [(900, "target")]),
    # what a local body received from the State is its own stock, no national figure
    ("La mairie a reçu de l'État 2 500 masques pour ses agents.", [(2500, "done")]),
])
def test_kinds_of_gifts_deliveries_and_work_under_way(text, expected):
    assert kinds(text) == expected


def test_streets_walked_are_places_counted():
    assert aside("Les conseillers ont parcouru les 42 rues de la commune.") == \
        [("42", "place_count")]


def test_from_a_material_is_no_work_still_to_do():
    assert kinds("Les bénévoles ont déjà réalisé 450 blouses à partir de draps usagés ; "
                 "elles en visent 700 d'ici juin.") == [(450, "done"), (700, "target")]


@pytest.mark.parametrize("text, reason", [
    # a sum a thing is had for is its price
    ("Vous pouvez ajouter un colis suspendu à votre commande pour 12 euros.", "price"),
    # a count in brackets after its noun counts that noun
    ("• Autres villages (11)", "place_count"),
])
def test_a_thing_s_sum_and_a_bracketed_count(text, reason):
    assert (reason in [r for _, r in aside(text)]) and kinds(text) == []


def test_a_noun_of_amount_as_the_subject_counts_people_acting():
    assert kinds("Une trentaine de retraitées, réunies au sein du club, ont déjà cousu "
                 "800 masques.") == [(30, "volunteers"), (800, "done")]


def test_a_figure_coordinated_after_a_past_clause_takes_its_own_future():
    assert kinds("Le club a pris en charge la confection de masques : 510 ont été cousus, "
                 "et 250 de plus seront prêts lundi.") == [(510, "done"), (250, "target")]


@pytest.mark.parametrize("text, reason", [
    # a unit's contents, and what it yields, are its own
    ("Le colis comprend 2 kilos de pâtes et 3 boîtes de conserve pour tenir 4 jours.",
     "per_unit"),
    # a figure for every commune of the département, counted past their own figure
    ("Le syndicat a remis 90 000 flacons aux 890 communes du Pas-de-Calais.", "departement_wide"),
])
def test_a_unit_s_contents_and_a_figure_for_every_commune(text, reason):
    assert [r for _, r in aside(text)][0] == reason and kinds(text) == []


def test_a_tool_named_by_its_use_is_nothing_to_do():
    assert kinds("Dans la salle, 9 machines à coudre tournent ; il reste 400 masques à "
                 "coudre.") == [(400, "target")]


@pytest.mark.parametrize("text, expected", [
    # people by their trade a body gathers are its members
    ("L'association, qui fédère 31 éleveurs, a livré 900 litres de lait.",
     [(31, "volunteers"), (900, "done")]),
    # a past verb governing the one that counts: "supplémentaires" is no goal then
    ("La collecte de samedi a permis d'aider 60 familles supplémentaires.",
     [(60, "beneficiaries")]),
    # a form without an infinitive's ending is no infinitive, whatever the tagger says
    ("À Arques, le fablab coordonne une trentaine de particuliers équipés d'imprimantes.",
     [(30, "done")]),
    # a relative clause with its own subject tells the people's wish, no goal
    ("Le gîte a accueilli gratuitement 28 infirmières de l'hôpital d'Arras, qui "
     "souhaitaient éviter de rentrer chez elles.", [(28, "beneficiaries")]),
    # people by their trade, a town's adjective and a participle of gathering: helpers
    ("Depuis deux semaines, six coiffeurs béthunois réunis au sein du collectif « Les "
     "Ciseaux solidaires » cuisinent chaque midi pour l'hôpital.", [(6, "volunteers")]),
])
def test_members_helpers_and_wishes(text, expected):
    assert kinds(text) == expected


def test_a_territory_s_key_figures_under_their_heading_are_sizes():
    from initiatives.ingest import release_from_text
    body = release_from_text("Bulletin de la communauté de communes\n\nEN CHIFFRES\n"
                             "  42 communes\n  18 500 habitants\n  6 000 masques remis\n").body
    assert "EN CHIFFRES\n\n42 communes\n\n18 500 habitants" in body
    assert aside("18 500 habitants") == [("18 500", "population")]


@pytest.mark.parametrize("text, expected", [
    # a rate's change: the level it reached counts the same thing the same way
    ("La cuisine centrale est passée de 120 repas par jour à 260.",
     [(120, "per_day"), (260, "per_day")]),
    ("De 12 colis par semaine en mars, nous sommes montés à 35 au début de mai.",
     [(12, "per_week"), (35, "per_week")]),
    ("Au départ, on cousait 20 masques par jour. Fin avril, on en était à plus de 70.",
     [(20, "per_day"), (70, "per_day")]),
    # a rate adverb before the act's noun, the figure its complement
    ("L'épicerie assure chaque semaine la distribution d'une trentaine de colis.",
     [(30, "per_week")]),
    # an imperfect whose stem ends in r is no conditional ("livrions", "préparait")
    ("Avant la crise, nous livrions 45 repas par jour.", [(45, "per_day")]),
    ("En mars, la cantine préparait 80 plateaux par jour.", [(80, "per_day")]),
    # … and a real conditional still is one
    ("Avec une salle de plus, nous livrerions 300 colis.", [(300, "target")]),
])
def test_a_level_s_change_a_rate_before_an_act_s_noun_and_the_imperfect(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "hab.", the abbreviation of inhabitants: a size
    ("Bimont (144 hab.) a reçu des masques.", ("144", "population")),
    # "les N prochains jours": a duration, whatever adjective comes between
    ("La livraison s'étalera sur les 12 prochains jours.", ("12", "duration")),
])
def test_an_abbreviated_size_and_the_next_days(text, expected):
    assert expected in aside(text) and kinds(text) == []


def test_a_count_restating_people_is_no_share_of_the_next_sentence_s_distributive():
    assert kinds("Sont concernés tous les habitants de plus de 11 ans, soit 2 400 personnes. "
                 "Chacun recevra deux masques.") == [(2400, "beneficiaries")]


@pytest.mark.parametrize("text, expected", [
    # a purchase whose arrival the next sentence announces is an order
    ("La mairie de Lugy a acheté 250 masques en tissu. Ils doivent arriver lundi.",
     [(250, "ordered")]),
    ("Le CCAS a acheté 90 thermomètres. Leur livraison est prévue le 12 mai.",
     [(90, "ordered")]),
    # … not one whose use is told next
    ("La mairie de Lugy a acheté 250 masques. Ils seront remis samedi.", [(250, "done")]),
    # the State's supply handed to the town halls, or to each of our inhabitants, is local
    ("Les services de l'État ont remis 9 000 masques aux mairies du canton.",
     [(9000, "done")]),
    ("Grâce à la Région Hauts-de-France, 640 masques ont été distribués, de quoi équiper "
     "chacun de nos habitants.", [(640, "done")]),
])
def test_an_announced_arrival_and_the_state_s_supply_to_town_halls(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, reason", [
    # a flat-rate aid is a sum per recipient
    ("Une aide forfaitaire de 800 € a été versée aux artisans contraints de fermer.",
     "price"),
    # the weight of each container named
    ("La ferme propose des cagettes de fruits de saison d'environ 4 kg.", "per_unit"),
    ("Nous avons distribué 60 colis de 7 kg.", "per_unit"),
])
def test_a_flat_rate_aid_and_the_weight_of_each_container(text, reason):
    assert reason in [r for _, r in aside(text)]
    assert all(v != 800 and v != 4 and v != 7 for v, _ in kinds(text))


@pytest.mark.parametrize("text, expected, aside_reason", [
    # a total of another time, last year's or the usual, is given to compare
    ("L'année dernière, le Secours populaire avait remis 420 colis à Noël.", [], "comparison"),
    ("La salle, qui accueille d'habitude 300 spectateurs, sert d'entrepôt.", [], "comparison"),
    ("D'ordinaire nous servons 60 repas ; cette semaine, nous en avons servi 140.",
     [(140, "done")], "comparison"),
    # … not when the cue is in another clause than the figure's
    ("Alors que nous livrons d'habitude 25 colis par semaine, nous en avons remis 70 "
     "depuis lundi.", [(25, "per_week"), (70, "done")], None),
    ("En temps normal, le club est fermé, mais 14 bénévoles ont cousu 650 masques.",
     [(14, "volunteers"), (650, "done")], None),
    ("La mairie a livré 200 colis aux familles dont les enfants mangent habituellement à "
     "la cantine.", [(200, "done")], None),
    # a share per shop is no amount given
    ("La commune a reçu 300 litres de gel, soit 4 litres par commerce.", [(300, "done")],
     "per_unit"),
])
def test_another_time_s_total_and_a_share_per_shop(text, expected, aside_reason):
    assert kinds(text) == expected
    if aside_reason:
        assert aside_reason in [r for _, r in aside(text)]


def test_a_proportion_of_small_numbers_is_no_count():
    assert aside("Près de 3 familles sur 4 ont reçu leur colis.") == \
        [("3 familles sur 4", "percent")]
    # … a part of a whole counted stays a count
    assert kinds("Nous avons livré 12 colis sur 20 communes.") == [(12, "done")]


def test_measures_in_a_row_share_the_act_of_the_first():
    assert kinds("Les dons de la semaine : 40 kg de farine, 25 kg de pâtes, 18 kg de riz.") \
        == [(40, "done"), (25, "done"), (18, "done")]


def test_a_bare_figure_s_own_relative_clause_in_the_future_is_a_goal():
    assert kinds("Combien de masques reste-t-il ? Environ 700, qui seront distribués la semaine "
                 "prochaine.") == [(700, "target")]


@pytest.mark.parametrize("text, expected", [
    # figures in a series share the last one's unit
    ("Les clients choisissent des paniers à 12, 20 ou 35 euros.", []),
    # people who form a group that helps are its members
    ("Dix lycéens ont formé une équipe pour livrer les courses des aînés.",
     [(10, "volunteers")]),
])
def test_a_series_shares_its_unit_and_founders_of_a_helping_group_help(text, expected):
    assert kinds(text) == expected


def test_the_weight_of_one_is_no_amount():
    assert ("environ 9", "per_unit") in aside("Un colis type pèse environ 9 kg.")
    assert kinds("La collecte de samedi pèse 2 tonnes.") == [(2, "done")]


@pytest.mark.parametrize("text, expected, aside_reason", [
    # a figure given for a whole region is no local output, however its scope is said
    ("Au niveau des Hauts-de-France, près de 300 collectifs de couturières se sont formés.", [],
     "national"),
    # offices kept open are places, not an output
    ("Trois guichets et 2 pôles d'accueil sont restés ouverts.", [], "place_count"),
    # a peak ("au plus fort de …") is a figure reached, not a cap
    ("Le traiteur a servi jusqu'à 150 repas par jour au plus fort de l'épidémie.",
     [(150, "per_day")], None),
    # a tariff by class of person, its noun bare, is a price; the fee's year is a year
    ("L'adhésion 2020 (12 € adulte, 6 € enfant) sera remboursée.", [], "price"),
    # an order told delivered by its own verb is done; one still awaited is ordered
    ("Une commande de 4 000 masques a été livrée hier. La commande de 6 000 autres "
     "masques est attendue.", [(4000, "done"), (6000, "ordered")], None),
    # the subject of a verb of benefit counts people helped, whatever its noun
    ("Une quarantaine d'abonnés profitent du portage de journaux.", [(40, "beneficiaries")],
     None),
])
def test_a_region_s_scope_places_a_peak_a_tariff_an_order_delivered_and_a_benefit(
        text, expected, aside_reason):
    assert kinds(text) == expected
    if aside_reason:
        assert aside_reason in [r for _, r in aside(text)]


def test_a_yearly_thing_s_year_is_a_year():
    assert ("saison 2021", "year") in aside("La saison 2021 commencera en septembre.")


@pytest.mark.parametrize("text, expected, aside_reason", [
    # "soit" restating a whole population in people gives its size
    ("L'intercommunalité équipe la population de ses 46 communes, soit près de 21 000 "
     "habitants.", [], "population"),
    # more of the same under way, in the present, is a goal
    ("L'atelier a cousu 300 blouses et en prépare 150 autres.", [(300, "done"), (150, "target")],
     None),
    # a personal pronoun counted stands for those who act, not those given to
    ("Bravo aux animateurs du centre, qui ont livré 60 colis aux familles isolées. Ils étaient une "
     "douzaine.", [(60, "done"), (12, "volunteers")], None),
    # … a relative pronoun for the noun right before it
    ("Les colis vont aux familles suivies par le CCAS, qui sont aujourd'hui 85.",
     [(85, "beneficiaries")], None),
])
def test_a_restated_size_more_under_way_and_what_a_pronoun_counts(text, expected,
                                                                   aside_reason):
    assert kinds(text) == expected
    if aside_reason:
        assert aside_reason in [r for _, r in aside(text)]


def test_a_figure_for_every_commune_of_an_arrondissement_is_context_and_a_gloss_a_goal():
    assert ("15 000", "departement_wide") in aside(
        "La sous-préfecture a remis 15 000 masques aux mairies des 98 communes de "
        "l'arrondissement.")
    assert kinds("900 colis : notre objectif pour l'été.") == [(900, "target")]
    # a goal noun opening its own clause after the colon glosses nothing
    assert ("4 210", "population") in aside(
        "Le village compte 4 210 habitants : l'objectif est d'équiper chacun.")


def test_a_population_restricted_and_a_row_labelled_by_its_participle():
    assert ("912", "population") in aside("Notre village ne compte que 912 habitants.")
    assert kinds("• Produits d'entretien, quantité collectée : 64 articles") == [(64, "done")]


def test_a_purchase_said_twice_reads_the_sequel_of_its_own_sentence():
    # the same sentence twice in a block: each figure's sequel is the one after it
    assert kinds("Le club a acheté 200 masques. Ils sont distribués. Le club a acheté 200 "
                 "masques. Ils doivent arriver lundi.") == [(200, "done"), (200, "ordered")]


@pytest.mark.parametrize("text, expected", [
    # a level reached that names its own thing counts that thing, not the figure before's
    ("Elles sont une douzaine à coudre chaque soir. Elles en sont déjà à 730 masques.",
     [(12, "volunteers"), (730, "done")]),
    # "de quoi" after a need is what is lacking: that many wanted
    ("Il manque encore de quoi composer 45 colis.", [(45, "needed")]),
    # the State's stock as the goods' source is no national scope
    ("En attendant, 2 300 masques, issus des stocks de l'État, ont été remis aux "
     "infirmières du secteur.", [(2300, "done")]),
])
def test_a_level_with_its_own_noun_a_lack_of_means_and_the_state_s_stock(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected, aside_reason", [
    # a row labelled by a region gives the region's figure
    ("▪ Hauts-de-France : près de 9 000 colis depuis avril", [], "national"),
    # homes for the elderly are places
    ("Les blouses partent vers quatre maisons de retraite du secteur.", [], "place_count"),
    # people named by their sex counted as a pronoun's subject are those who act
    ("Les dames du club (elles sont six) cousent chaque après-midi.", [(6, "volunteers")], None),
])
def test_a_region_s_row_homes_as_places_and_people_by_their_sex(text, expected, aside_reason):
    assert kinds(text) == expected
    if aside_reason:
        assert aside_reason in [r for _, r in aside(text)]


def test_the_uses_one_unit_bears_are_no_amount():
    assert ("au moins 20", "per_unit") in aside("Ces masques supportent au moins 20 lavages.")


@pytest.mark.parametrize("text, expected", [
    # a noun phrase asked as a question announces its answer, as a colon does
    ("Le club a fini 900 visières. Son objectif ? 4 000 visières avant la rentrée.",
     [(900, "done"), (4000, "target")]),
    ("Le bilan ? 350 masques cousus en dix jours.", [(350, "done")]),
    # copies are copies of the printed thing named before them
    ("La mairie fait imprimer une brochure des commerces ouverts, qui sera tirée à "
     "6 000 exemplaires.", [(6000, "target")]),
    ("Nous avons déposé 800 dépliants dans les boîtes aux lettres.", [(800, "done")]),
    # the noun of a purchase, its order told placed and its delivery awaited after it
    ("Les élus ont voté l'achat de 900 masques en tissu. La commande est partie le 4 mai, "
     "la livraison est attendue pour le 15.", [(900, "ordered")]),
])
def test_a_noun_asked_copies_of_a_printed_thing_and_a_purchase_voted(text, expected):
    assert kinds(text) == expected


def test_a_line_of_inhabitants_and_where_they_live_is_a_size():
    text = "Le territoire en bref\n– 21 500 habitants dans la communauté de communes\n" \
           "– 64 colis portés aux aînés"
    assert kinds(text) == [(64, "done")]
    assert ("21 500", "population") in aside(text)
    # (people of the place doing or receiving something are counted)
    assert kinds("– 140 habitants de la commune appelés chaque semaine") != []


@pytest.mark.parametrize("text", [
    "Les visières seront prêtes avant le 20, promet l'atelier.",
    "La livraison est attendue pour le 15.",
    "Le gymnase reste réquisitionné jusqu'au 31.",
])
def test_a_day_whose_month_goes_without_saying_is_a_date(text):
    assert kinds(text) == []
    assert "date" in [r for _, r in aside(text)]


@pytest.mark.parametrize("text, expected", [
    # a request made is a need, asked now or before
    ("Quarante blouses sont parties ; la clinique en a demandé 120.", [(40, "done"), (120, "needed")]),
    # a bare figure completing a verb of amount counts the verb's subject
    ("Les tournées de portage dépassent désormais 60 par jour.", [(60, "per_day")]),
    ("Les livraisons de pain tournent autour de 35 par semaine.", [(35, "per_week")]),
    # professionals given to are people helped; reservists and those who deliver, helpers
    ("Le collège a prêté 30 tablettes à plus de 25 professionnels de l'aide à domicile.",
     [(30, "done"), (25, "beneficiaries")]),
    ("La mairie compte sur 8 réservistes et 3 « livreurs » pour les courses.",
     [(8, "volunteers"), (3, "volunteers")]),
])
def test_a_request_made_a_verb_of_amount_and_people_by_their_role(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, figure", [
    # a measure in brackets after a thing's price is that one thing's
    ("Le maraîcher vend ses caisses à 12 € (soit 6 kg).", "6"),
    ("Des paniers à 9 € (environ 4 kg) sont proposés le samedi.", "environ 4"),
])
def test_a_measure_in_brackets_after_a_price_is_one_unit_s(text, figure):
    assert (figure, "per_unit") in aside(text)


def test_a_line_of_inhabitants_of_a_town_or_in_a_box_with_a_bar_is_a_size():
    assert ("412", "population") in \
        aside("REPÈRES\n- 900 repas servis\n- 412 habitants à Wicquinghem")
    assert ("187", "population") in aside("EN BREF\n| 187 habitants")


@pytest.mark.parametrize("text", [
    # the compound past right before the figure decides, even when the tagger takes the
    # participle after "déjà" for a noun; the relative clause's future is the handing out
    "Nos couturières ont déjà cousu 450 masques en coton, qui vous seront remis samedi.",
    "Les bénévoles ont déjà cousu 260 blouses, qui vous seront portées jeudi.",
])
def test_a_thing_made_then_to_be_handed_out_was_made_even_misparsed(text):
    assert [kind for _, kind in kinds(text)] == ["done"]


@pytest.mark.parametrize("text, expected", [
    # things bought, then promised for a date, have not come yet
    ("La mairie a acheté 600 masques à un fabricant lillois. Ils nous ont été promis pour "
     "le 12 mai.", [(600, "ordered")]),
    # the members of the acting body help, unless they receive
    ("Les 9 membres du bureau téléphonent chaque semaine aux adhérents.", [(9, "volunteers")]),
    # a goal in volunteers is a recruitment's target
    ("🎯 Objectif : 40 bénévoles avant l'été", [(40, "target")]),
    # a verb coordinated before the figure opens its own clause: an order noun before it
    # is the other clause's
    ("La boutique a traité 900 commandes et prépare près de 70 paniers par semaine.",
     [(900, "done"), (70, "per_week")]),
])
def test_a_promise_members_of_the_body_a_recruitment_goal_and_a_coordinated_verb(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, figure", [
    # an aid of so much is what each one receives
    ("Les familles concernées toucheront une prime exceptionnelle de 200 euros.", "200"),
    # a journal's day is a day of a series, no count
    ("Jour 14 — samedi 28 mars", "Jour 14"),
])
def test_an_aid_each_one_receives_and_a_journal_s_day(text, figure):
    assert kinds(text) == []
    assert figure in [t for t, _ in aside(text)]


def test_to_this_day_is_no_journal_s_day():
    assert kinds("Les couturières ont confectionné à ce jour 1 250 masques.") == [(1250, "done")]


@pytest.mark.parametrize("text, expected", [
    # people coordinated with helpers are helpers
    ("Nos 36 adhérentes et bénévoles ont cousu 900 masques.", [(36, "volunteers"), (900, "done")]),
    # a bare figure after a need and its colon counts what is lacking
    ("Il nous manque des bobines de fil : une vingtaine suffirait.", [(20, "needed")]),
])
def test_people_coordinated_with_helpers_and_a_bare_figure_after_a_need(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, figure, reason", [
    ("Le patron est simple : 3 épaisseurs de coton et un élastique.", "3", "per_unit"),
    ("Dans ce bourg de la vallée, 2 300 habitants, tout le monde se connaît.", "2 300",
     "population"),
    ("Répartition :\n• Wimille : 4 300 habitants.\n• Wimereux : 6 900 habitants.", "4 300",
     "population"),
])
def test_a_pattern_s_layers_and_inhabitants_apposed_or_labelled_by_their_town(text, figure, reason):
    assert (figure, reason) in aside(text)


@pytest.mark.parametrize("text, expected", [
    # a purchase whose figure has thousands, its delivery told in the next sentence
    ("La commune a acheté 12 000 masques. Ils doivent arriver la semaine prochaine.",
     [(12000, "ordered")]),
    ("Le conseil a voté, sans débat, l'achat de 4 500 visières. Elles sont payées et la "
     "livraison est annoncée pour la fin du mois.", [(4500, "ordered")]),
    # people who come forward help
    ("Une trentaine de parents se sont proposés pour les livraisons.", [(30, "volunteers")]),
    ("Douze retraités se sont manifestés auprès de la mairie pour coudre.",
     [(12, "volunteers")]),
])
def test_a_purchase_in_thousands_awaited_and_people_who_come_forward(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, figure, reason", [
    # parts of a day counted are a duration
    ("Il faudrait 6 volontaires, trois matinées durant, pour trier les dons.", "trois",
     "duration"),
    ("Les bénévoles y passent deux après-midi par semaine.", "deux", "duration"),
    # the size of each container wished for, set apart by a comma
    ("Il nous faudrait 30 rouleaux de petits sacs, si possible de 50 litres.", "50",
     "per_unit"),
    # a figure in an operation's quoted name is part of the name
    ("Le club relance l'opération « 5 000 masques » pour le canton.", "5 000", "reference"),
])
def test_parts_of_a_day_a_container_s_size_wished_for_and_an_operation_s_name(text, figure,
                                                                             reason):
    assert (figure, reason) in aside(text)


@pytest.mark.parametrize("text, expected", [
    # a noun in quotes, a figure of speech, is the counted noun
    ("Trente couturières, aidées par une vingtaine de « petites mains » qui découpent, "
     "cousent chaque jour.", [(30, "volunteers"), (20, "volunteers")]),
    # a bare figure as a subject counts the thing named since the figure before it
    ("Une dizaine de couturières se sont lancées dans la couture de masques pour les "
     "écoles : 900 sont déjà prêts.", [(10, "volunteers"), (900, "done")]),
    # "chacune chez elle" tells where each works, no share of a thing
    ("Quinze bénévoles, chacune chez elle, préparent des colis pour les aînés.",
     [(15, "volunteers")]),
    # a word after a determiner is a noun, even one the tagger takes for a verb: the need
    # governs the figure
    ("Appel aux dons : il nous manque 150 kg de denrées non périssables, surtout des "
     "conserves, des pâtes et du sucre.", [(150, "needed")]),
    # people forming a group under a name are helpers
    ("Douze habitants se sont constitués en collectif.", [(12, "volunteers")]),
    ("Onze jeunes du bourg se sont baptisés « les Coursiers ».", [(11, "volunteers")]),
])
def test_a_quoted_noun_a_thing_named_since_and_people_forming_a_group(text, expected):
    assert kinds(text) == expected


def test_a_bare_figure_s_things_named_since_keep_their_noun():
    (q,) = [q for _, q in read_numbers(
        "Une dizaine de couturières se sont lancées dans la couture de masques pour les "
        "écoles : 900 sont déjà prêts.") if q is not None and q.value == 900]
    assert q.item == "masques"


@pytest.mark.parametrize("text, figure, reason", [
    # a pattern's layers of cloth, unlike nappies counted
    ("Le patron retenu : 2 couches de coton, un pli et des liens.", "2", "per_unit"),
    # the inhabitants in brackets after the place's population
    ("De quoi équiper toute la population de la commune (environ 2 400 habitants).",
     "environ 2 400", "population"),
    # a charge's amount
    ("Les frais de port sont fixés à 3 euros.", "3", "price"),
])
def test_layers_of_cloth_inhabitants_in_brackets_and_a_charge(text, figure, reason):
    assert (figure, reason) in aside(text)


def test_nappies_are_counted():
    assert kinds("L'épicerie a besoin de 300 couches pour bébés.") == [(300, "needed")]


def test_a_clitic_with_nothing_named_stands_for_the_people_its_pronoun_names():
    notes = read_numbers("Nos 14 livreurs servent 60 foyers chaque semaine. Ils sont "
                         "épuisés : il en faudrait 4 de plus.")
    assert [(q.value, q.kind, q.item) for _, q in notes if q is not None][-1] == \
        (4, "needed", "livreurs")


@pytest.mark.parametrize("text, expected", [
    # people said to be needed
    ("L'épicerie lance un appel : une quinzaine de bénévoles supplémentaires sont "
     "nécessaires pour l'été.", [(15, "needed")]),
    # "anciens" before an agent noun is "former": the agents are counted
    ("Trois anciens cuisiniers, au chômage partiel, donnent un coup de main pour les "
     "livraisons.", [(3, "volunteers")]),
    # "d'entre eux" stands for things too
    ("La commune a commandé 8 000 masques lavables. 3 200 d'entre eux ont déjà été "
     "distribués par les élus.", [(8000, "ordered"), (3200, "done")]),
    # the State's services, the prefecture's own, act locally
    ("Mardi, les services de l'État ont remis 5 600 masques aux infirmiers libéraux de "
     "Lens.", [(5600, "done")]),
    # what "is awaited" has not come, however far its verb stands
    ("Une nouvelle livraison de 4 000 masques, destinée aux aides à domicile du secteur, "
     "est attendue jeudi.", [(4000, "ordered")]),
    # kept for someone is no booking
    ("Elles ont déjà cousu 380 masques enfants, réservés aux écoliers de la commune.",
     [(380, "done")]),
    # a compound past of making right before the figure, a complement between
    ("Le club de foot a collecté pour nous 320 draps usagés.", [(320, "done")]),
    # a level risen to is no recipient: the households are the goal
    ("« On voudrait monter à une centaine de foyers d'ici l'été », explique le maraîcher.",
     [(100, "target")]),
])
def test_people_needed_former_agents_things_of_them_the_state_s_services_and_awaited(text,
                                                                                    expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, figure, reason", [
    # a sale's price, in any tense
    ("En temps normal, je le vendrais 15 euros au marché.", "15", "price"),
    # farms are places
    ("Quatre exploitations du plateau ont rejoint l'opération.", "Quatre", "place_count"),
])
def test_a_sale_s_price_and_farms_counted_as_places(text, figure, reason):
    assert (figure, reason) in aside(text)


def test_a_bare_number_after_en_closing_its_clause_is_no_count():
    assert kinds("« On mettait vingt minutes par surblouse ; avec le gabarit, c'est plié en "
                 "cinq », sourit la couturière.") == []


def test_a_quotation_closed_after_its_full_stop_ends_its_sentence():
    # the comparison of the quoted sentence is not the next one's
    assert kinds("« En temps normal, je le vendrais 12 euros. » Depuis avril, plus de "
                 "900 paniers ont été remis aux familles.") == [(900, "done")]


@pytest.mark.parametrize("text, expected", [
    # helpers named in both genders, then qualified as volunteers
    ("✅ 18 cuisiniers et cuisinières bénévoles aux fourneaux", [(18, "volunteers")]),
    # "sur commande" is a way of selling, no order placed
    ("La ferme livre 35 paniers par semaine, sur commande la veille.", [(35, "per_week")]),
    # the next milestone, its colon announcing it
    ("Prochain cap pour l'atelier de couture du village : 6 000 masques avant l'été.",
     [(6000, "target")]),
])
def test_helpers_in_both_genders_sold_on_order_and_the_next_milestone(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, figure, reason", [
    # the size of the groups people work in
    ("Elles sont 30 à coudre au local, par petits groupes de cinq pour respecter les "
     "distances.", "cinq", "per_unit"),
    # a model's layers
    ("L'atelier a produit 520 masques, modèle à 2 couches, remis aux commerçants.", "2",
     "per_unit"),
    # the next town's population, its verb and noun left out
    ("Marck compte environ 10 000 habitants, Oye-Plage un peu moins de 6 000.", "6 000",
     "population"),
])
def test_groups_a_model_s_layers_and_a_population_left_elliptic(text, figure, reason):
    assert (figure, reason) in aside(text)


@pytest.mark.parametrize("text, figure, reason", [
    # an average basket's sum is a price
    ("Le groupement en a déjà servi 900 depuis avril. Le panier moyen tourne autour de 18 "
     "euros.", "autour de 18", "price"),
    # one container's measure in apposition to it
    ("Le colis type, environ 9 kg de denrées, est remis sur rendez-vous.", "environ 9",
     "per_unit"),
    # a cap said after the figure makes it a limit, per group as well
    ("Les ateliers reprennent par groupes de 8 enfants au maximum.", "8", "limit"),
])
def test_an_average_basket_one_container_s_measure_and_a_cap(text, figure, reason):
    assert (figure, reason) in aside(text)


@pytest.mark.parametrize("text, expected", [
    # "à raison de" a share, its unit ending the clause past the thing shared
    ("Le CCAS a remis 2 400 sachets d'hygiène, à raison de trois savons solides et d'une "
     "brosse à dents par sachet.", [(2400, "done")]),
    # the part of a goal that its own verb says is done counts; another part does not
    ("Sur les 9 000 repas prévus, 6 500 ont été préparés par les cuisiniers du lycée.",
     [(9000, "target"), (6500, "done")]),
    ("La mairie a commandé 7 000 masques, dont 1 500 pour les écoles.", [(7000, "ordered")]),
    # (a part of people counted is no goal's part: "dont" stays a part)
    ("L'association compte 42 bénévoles, dont 11 chauffeurs qui prennent leur voiture.",
     [(42, "volunteers")]),
    # a bare figure whose verb says it benefits counts people helped
    ("L'association a recensé 180 familles isolées ; 45 profitent désormais d'une "
     "livraison.", [(180, "beneficiaries"), (45, "beneficiaries")]),
    # half of a round noun; one tonne
    ("Il faudrait encore une demi-douzaine de chauffeurs bénévoles.", [(6, "needed")]),
    ("Le traiteur a livré un demi-millier de plateaux aux soignants.", [(500, "done")]),
    ("Le lycée agricole a offert une tonne de pommes de terre.", [(1, "done")]),
    # one container's contents, listed with "+" in a bracket after their count
    ("Les bénévoles ont préparé 75 trousses (2 savons + 1 gel + 1 paquet de mouchoirs) "
     "pour les sans-abri.", [(75, "done")]),
    # the State's delivery to places of a named town is a local supply
    ("Le 4 mai, l'État a livré 6 000 masques chirurgicaux aux pharmacies de Fruges et "
     "d'Hucqueliers.", [(6000, "done")]),
])
def test_a_share_at_a_rate_a_goal_s_part_done_and_half_a_dozen(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("above, row, expected", [
    # a call for gifts introduces a list of needs
    ("La Croix-Rouge lance un appel aux dons :", "– 60 couvertures", [(60, "needed")]),
    ("Nous lançons un appel pour :", "• 80 mètres de tissu en coton ;", [(80, "needed")]),
    # a time up to now introduces a tally of things done
    ("Depuis le 16 mars, avec nos douze bénévoles :", "✅ 60 tabliers pour la cantine",
     [(60, "done")]),
])
def test_a_call_introduces_needs_and_a_time_up_to_now_a_tally(above, row, expected):
    assert [(q.value, q.kind) for _, q in read_numbers(row, above=above) if q] == expected


@pytest.mark.parametrize("text, expected", [
    # a participle after the counted noun is no verb whose subject the noun is
    ("L'association a distribué 410 masques cousus main dans toutes les boîtes aux lettres "
     "du bourg, un par habitant de plus de 10 ans.", [(410, "done")]),
    # a figure with its own verb after a colon has its own clause, not the label's
    ("Au moment de payer, on peut ajouter un repas suspendu à sa commande : 38 ont déjà "
     "été offerts.",
     [(38, "done")]),
])
def test_a_participle_s_noun_and_a_colon_s_own_clause(text, expected):
    assert kinds(text) == expected


def test_distribution_platforms_are_places_counted():
    assert ("4", "place_count") in aside("• 4 plateformes de distribution ouvertes : Arras, "
                                         "Achicourt, Dainville et Beaurains")


@pytest.mark.parametrize("text, figure, reason", [
    # a step's number in a procedure
    ("Étape 2 : présentez-vous en mairie avec votre coupon.", "Étape 2", "ordinal"),
    # a postcode after its town and a comma
    ("Mairie de Marck, 62730 — ouverte le matin.", "62730", "postcode"),
    # a price displayed
    ("Autrefois, la formule était affichée à 11 euros ; désormais, les repas sont offerts.",
     "11", "price"),
    # "none … more than" states a cap
    ("À la reprise, aucun groupe ne comptera plus de 10 enfants.", "plus de 10", "limit"),
    # one container's weight as its complement
    ("Un panier de 4 kg de fruits coûte 10 euros.", "4", "per_unit"),
    # a verb of sufficiency weighs an amount, nothing is made
    ("Trois masques ne suffiront pas pour toute la semaine.", "Trois", "per_unit"),
])
def test_a_step_a_postcode_after_its_town_a_displayed_price_a_cap_and_enough(text, figure,
                                                                              reason):
    assert (figure, reason) in aside(text)


@pytest.mark.parametrize("text, expected", [
    # people said to suffice still count as helpers
    ("Trois bénévoles suffisent pour livrer 40 colis par semaine.",
     [(3, "volunteers"), (40, "per_week")]),
    # missions performed are acts; a colon's own clause is not the infinitive's before it
    ("– 820 missions réalisées (courses, pharmacie, appels)", [(820, "done")]),
    ("Nous sommes 12 bénévoles à coudre des blouses : 300 sont déjà à l'hôpital.",
     [(12, "volunteers"), (300, "done")]),
])
def test_helpers_who_suffice_missions_performed_and_a_colon_s_own_clause(text, expected):
    assert kinds(text) == expected


def test_missions_named_as_kinds_of_work_are_no_count():
    assert kinds("Les bénévoles se répartissent autour de 4 missions prioritaires.") == []


@pytest.mark.parametrize("text, figure", [
    # inhabitants after a count of communes: a territory's size
    ("Ternois Com · 38 communes · 41 000 habitants", "41 000"),
    ("Notre canton de 22 communes et d'environ 18 000 habitants se serre les coudes.",
     "environ 18 000"),
])
def test_inhabitants_after_a_count_of_communes_are_a_population(text, figure):
    assert (figure, "population") in aside(text)


def test_a_postcode_labelled_as_one():
    assert [reason for text, reason in aside("Code postal à indiquer sur vos envois : 62130")
            if "62130" in text] == ["postcode"]


@pytest.mark.parametrize("text, expected", [
    # the tagger's participle with a future's ending is a future
    ("2 180 blouses, une par soignant, arriveront par la poste.", [(2180, "target")]),
    # a first figure the parse cuts from its noun still has its noun's verb
    ("3 344 blouses lavables arriveront lundi.", [(3344, "target")]),
    # a later clause's pronoun says they are awaited: on order
    ("900 visières viendront du département ; la demande est partie, elles sont attendues "
     "pour le 12 mai.", [(900, "ordered")]),
    # a figure in another noun's complement has its own participle's time
    ("Après un premier envoi de 6 000 masques livrés aux écoles, un second envoi de 6 000 "
     "masques est prévu en juin.", [(6000, "done"), (6000, "target")]),
    # trips counted are acts done, a compound noun whatever the tagger says of its parts
    ("Côté santé : une quarantaine d'allers-retours chez le kiné et à la pharmacie.",
     [(40, "done")]),
])
def test_a_future_misread_a_figure_cut_from_its_noun_an_awaited_pronoun_and_trips(text,
                                                                                  expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Le fonds intercommunal a déjà soutenu 140 entreprises du territoire.",
     [(140, "beneficiaries")]),
    ("- 75 commerces indemnisés par la communauté de communes", [(75, "beneficiaries")]),
    ("À ce jour, 31 associations en ont bénéficié.", [(31, "beneficiaries")]),
])
def test_organisations_an_aid_reached_are_beneficiaries(text, expected):
    assert kinds(text) == expected


def test_organisations_counted_without_an_aid_stay_places():
    assert ("18", "place_count") in aside("Le marché réunit 18 commerces le samedi matin.")


def test_what_one_thing_takes_to_be_made_is_per_unit():
    assert ("3", "per_unit") in aside("Une surblouse nécessite près d'une heure et 3 mètres "
                                      "de tissu.")



@pytest.mark.parametrize("text, figure, reason", [
    # a sentence opened by the département's scale, however far before its figure
    ("À l'échelle du département, la fédération des épiceries sociales indique avoir "
     "servi 2 300 colis depuis la fin du mois de mars.", "2 300", "departement_wide"),
    # a law named by its year
    ("Entraide Ternoise, association loi 1901, agréée par la préfecture.", "loi 1901",
     "year"),
    # a population's label inside a sentence
    ("La commune a distribué 5 000 masques (population communale : environ 4 800 habitants).",
     "environ 4 800", "population"),
    # what one unit represents
    ("Un sac type représente environ 9 kg de conserves.", "environ 9", "per_unit"),
])
def test_a_far_scale_a_law_s_year_a_population_label_and_one_unit_s_weight(text, figure,
                                                                             reason):
    assert (figure, reason) in aside(text)


@pytest.mark.parametrize("text, expected", [
    # kept for some people, even with an adverb between, is no order
    ("Les couturières sortent 120 masques par jour, réservés en priorité aux infirmières.",
     [(120, "per_day")]),
    # a noun the parse leaves a root of its own, with its verb a root after it
    ("2 460 chèques de 20 € ont été envoyés aux aînés.", [(2460, "done")]),
])
def test_things_kept_for_some_and_a_fragment_s_verb(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, figure, reason", [
    # a house's number after "au", a street named before
    ("Midi, place Carnot. Dans la cuisine de l'ancien café, au 24, les marmites chauffent.",
     "24", "address"),
    # a sum a thing sold "is at"
    ("Le panier est à 9 €, à commander la veille.", "9", "price"),
])
def test_a_house_number_after_au_and_a_thing_s_price_told_by_etre_a(text, figure, reason):
    assert (figure, reason) in aside(text)


@pytest.mark.parametrize("text, expected", [
    # a range is no house number, and a kitty's level is no price
    ("Rue Pasteur, les repas sont passés de 40 au 60, puis 80.",
     [(40, "done"), (60, "done"), (80, "done")]),
    ("La cagnotte est à 2 300 euros aujourd'hui.", [(2300, "done")]),
    # a rate set off by commas right before the figure
    ("Les maraîchers préparent aussi, chaque semaine, 35 paniers pour les aînés.",
     [(35, "per_week")]),
    # a figure in an aside between dashes: no verb outside governs it
    ("Pour suivre ce rythme — environ 400 masques par jour — l'atelier cherche du tissu.",
     [(400, "per_day")]),
])
def test_a_range_a_kitty_a_rate_between_commas_and_an_aside_between_dashes(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, figure, reason", [
    # a past event named with its year
    ("Le bourg, connu pour le siège de 1537, a reçu 300 masques.", "siège de 1537", "year"),
    # buildings are places
    ("Les 4 bâtiments scolaires ont été désinfectés avant la rentrée.", "4", "place_count"),
])
def test_an_event_s_year_and_buildings_counted(text, figure, reason):
    assert (figure, reason) in aside(text)



@pytest.mark.parametrize("text, expected, set_aside", [
    ("Une trentaine de bénévoles – 34 précisément – assurent les livraisons.",
     [(34, "volunteers")], [("Une trentaine", "refined")]),
    ("Le club a livré une centaine de colis (très exactement 107) depuis mars.",
     [(107, "done")], [("une centaine", "refined")]),
    # parts in brackets, with no word of precision, are no exact count
    ("Une quinzaine de bénévoles (9 couturières et 6 livreurs) se relaient.",
     [(15, "volunteers"), (9, "volunteers"), (6, "volunteers")], []),
])
def test_an_estimate_s_exact_count_said_just_after_replaces_it(text, expected, set_aside):
    assert kinds(text) == expected
    assert aside(text) == set_aside


@pytest.mark.parametrize("text, figure, reason", [
    # the year a thing is put off to
    ("La kermesse de l'école est repoussée à 2021.", "2021", "year"),
    # an age whose "ans" an ellipsis leaves out
    ("Nos tricoteuses sont 11 : la plus jeune a 23 ans, la plus âgée 88.", "88", "age"),
    # a postcode after its town, closing the sentence
    ("Écrivez-nous : Mairie de Fressin, 62140.", "62140", "postcode"),
    # a heading's number after the rule framing it
    ("═══ 3. NOS BÉNÉVOLES ═══", "3.", "ordinal"),
    # figures of another period given to compare: people helped then
    ("Le portage sert 74 personnes, contre une trentaine avant la crise.", "une trentaine",
     "comparison"),
    # the country by its figure of speech
    ("Dans l'Hexagone, une cinquantaine de brasseries ont fabriqué du gel.", "une cinquantaine",
     "national"),
])
def test_a_year_put_off_an_elided_age_a_closing_postcode_a_heading_s_number_and_comparisons(
        text, figure, reason):
    # (a note's text keeps the cue words read with its figure: "repoussée à 2021")
    assert any(t.endswith(figure) and r == reason for t, r in aside(text))


@pytest.mark.parametrize("text, expected", [
    # things still to reach us were bought or ordered
    ("Un complément de 6 000 masques, déjà réglé, doit encore nous parvenir.", [(6000, "ordered")]),
    # what an appeal is made to obtain, however long its addressees
    ("L'hôpital lance un appel aux artisans, aux commerçants et aux associations du canton de "
     "Fruges pour obtenir 2 500 blouses.", [(2500, "needed")]),
    # a rate right after its noun, then how each is ordered: a flow served
    ("La ferme écoule 140 paniers par semaine, commandés la veille sur son site.",
     [(140, "per_week")]),
    # an object coordinated to a need's, past a bracket
    ("Il nous manque encore 200 kg de denrées non périssables (conserves, pâtes, riz, lait, "
     "café) ainsi qu'une quinzaine de bénévoles motorisés.", [(200, "needed"), (15, "needed")]),
    # a goal noun in a coordinated clause before governs nothing after
    ("Ce fut un vrai défi, et je remercie les 31 bénévoles qui ont tout emballé.",
     [(31, "volunteers")]),
    # an agent makes a participle passive, whatever the tagger read
    ("Les Doigts d'Or ne chôment pas : 2 700 masques cousus à ce jour par 24 couturières !",
     [(2700, "done"), (24, "volunteers")]),
])
def test_orders_awaited_appeals_rates_coordinated_needs_and_passives(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a figure given to towns it names is theirs, whatever scope names its giver
    ("Les services de l'État dans le Pas-de-Calais ont remis 12 000 masques aux communes de "
     "Fruges et de Créquy.", [(12000, "done")]),
    # a row's label of coordinated nouns and their participle
    ("Trajets et dépannages effectués : 64", [(64, "done")]),
    # a goal's label with its date
    ("Objectif pour le 15 juin : 9 000 repas", [(9000, "target")]),
    # a post's row closed by an exclamation or a pictograph
    ("🙌 Bénévoles actifs : une vingtaine !", [(20, "volunteers")]),
    ("Masques cousus : 450 🎉", [(450, "done")]),
])
def test_figures_given_to_named_towns_and_rows_of_coordinated_nouns_goals_and_posts(text, expected):
    assert kinds(text) == expected


def test_a_switchboard_s_extension_and_the_next_one_of_a_series():
    assert ("poste 12", "phone") in aside("Accueil de la mairie : 03 21 04 05 06, poste 12")
    assert kinds("Prochaine livraison attendue : 800 masques le 20 mai") == [(800, "target")]


@pytest.mark.parametrize("text, expected", [
    # people lent to the action help it
    ("La mairie met quatre chauffeurs à disposition du CCAS.", [(4, "volunteers")]),
    ("L'entreprise met un fourgon et deux chauffeurs à disposition des bénévoles.",
     [(2, "volunteers")]),
    # a closed quotation's distributive governs nothing after it
    ("« Chaque masque nous coûte 0,80 € », explique la présidente, qui vient de passer "
     "commande de 40 bobines de fil.", [(40, "ordered")]),
    # "pouvoir" in the subjunctive tells a purpose, no unit's capacity
    ("Avec un objectif clair : 3 000 repas d'ici juin, pour que chaque aîné puisse manger "
     "chaud.", [(3000, "target")]),
])
def test_people_lent_quotations_closed_and_purposes(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, reason", [
    # a share per one of the things made closes the phrase of every amount before it
    ("Il faut compter 2 mètres de tissu et une heure de travail par blouse.", "per_unit"),
    # a town's people by their name in -ard are its population
    ("Chacun des 2 100 Frévennards recevra un masque.", "population"),
])
def test_shares_per_thing_made_and_demonyms_in_ard(text, reason):
    assert aside(text)[0][1] == reason


def test_neuf_in_its_idioms_is_no_number():
    assert kinds("Vélos solidaires : 40 vélos remis à neuf pour les soignants") == [(40, "done")]
    assert kinds("Un local flambant neuf pour les 25 bénévoles.") == [(25, "volunteers")]


@pytest.mark.parametrize("text, reason", [
    # farms taking part are counted as places, not made
    ("Grâce au collectif, 7 fermes d'Anvin proposent un retrait groupé.", "place_count"),
    # reasons, ways: abstract nouns count nothing made
    ("Ce sont 800 raisons de rester prudents.", "no_item"),
])
def test_farms_taking_part_and_abstract_nouns(text, reason):
    assert aside(text)[0][1] == reason


def test_people_by_their_sex_who_act_help():
    assert kinds("Trois garçons du quartier ont livré les courses.") == [(3, "volunteers")]


@pytest.mark.parametrize("text, reason", [
    # a colon after a national scope introduces its figure
    ("Ce geste s'inscrit dans un élan national : plus de 200 000 bénévoles se sont inscrits.",
     "national"),
    # a day with its part of the day, its month understood
    ("Si le sac n'est pas arrivé le 14 au soir, appelez la mairie.", "date"),
    # what an order costs
    ("La mairie a commandé 2 000 masques pour un montant de 4 000 euros.", "price"),
])
def test_national_scopes_before_a_colon_days_with_their_part_and_costs(text, reason):
    assert reason in [why for _, why in aside(text)]


@pytest.mark.parametrize("text, expected", [
    # cooks by their trade, who act
    ("Les quatre chefs préparent chaque midi des plateaux-repas.", [(4, "volunteers")]),
    # a table's row, its label set apart by a cell bar
    ("Personnes âgées appelées | 420", [(420, "beneficiaries")]),
    # a figure opening its clause after a fronted "sur les N …" is its verb's subject
    ("Sur les 20 000 masques lavables commandés par la Communauté de communes du Pays de "
     "Fruges, 12 500 ont déjà été remis aux familles.", [(20000, "ordered"), (12500, "done")]),
])
def test_cooks_table_rows_and_a_part_of_a_whole(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a participle's form read as a noun, no noun said before it: the noun itself
    ("Notre collecte a dépassé nos espérances : 900 produits d'hygiène récoltés.", [(900, "done")]),
    ("On vise 1 500 produits d'ici la fin du mois.", [(1500, "target")]),
    # the last thing a need's colon lists, coordinated
    ("Nous avons besoin de : savon, mouchoirs, jeux de cartes, et de 6 bénévoles pour les "
     "tournées du samedi.", [(6, "needed")]),
])
def test_products_counted_and_a_need_s_listed_people(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, figure, reason", [
    # a town's inhabitants in apposition, hedged ("un peu plus de")
    ("Fruges, un peu plus de 2 300 habitants, a vu naître trois ateliers de couture.",
     "plus de 2 300", "population"),
    # a mayor's "concitoyens" are the town's residents
    ("La commune a commandé 8 000 masques, soit un par personne pour nos 7 900 concitoyens.",
     "7 900", "population"),
    # both bounds of a range of hours are durations
    ("Je travaille entre cinq et sept heures par jour à la machine.", "cinq", "duration"),
    ("Il repasse de 3 à 4 heures chaque soir.", "3", "duration"),
    # a postcode as a field of its own between dashes
    ("Maison des associations – 62380 – tél. 03 21 00 11 22", "62380", "postcode"),
    # a size named by its number
    ("Nous avons reçu 40 paires de gants taille 7.", "taille 7", "reference"),
])
def test_hedged_populations_concitoyens_bounds_of_hours_postcodes_between_dashes_and_sizes(
        text, figure, reason):
    assert (figure, reason) in aside(text)


@pytest.mark.parametrize("text, expected", [
    # "d'ores et déjà" is an adverb: the participle after it is the sentence's verb
    ("Une nouvelle livraison de 4 000 masques est d'ores et déjà prévue pour mardi.",
     [(4000, "target")]),
    ("Nous avons d'ores et déjà remis 250 colis.", [(250, "done")]),
    # a figure told as a total sums the shares: none of them
    ("L'école a offert un colis à chacun des résidents de l'Ehpad : 85 colis au total.",
     [(85, "done")]),
    ("Chaque bénévole a reçu 2 masques.", []),
    # fans who take turns give their time
    ("Une trentaine de supporters se sont relayés au stand de collecte.", [(30, "volunteers")]),
])
def test_already_as_an_adverb_totals_of_shares_and_supporters(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a row's figure with its hedge or its rate after it
    ("- Paniers remis par semaine : 60 environ", [(60, "per_week")]),
    ("- Repas portés : 45 / jour", [(45, "per_day")]),
    # missions performed, by a label, a verb or a goal
    ("• Missions assurées : 320", [(320, "done")]),
    ("L'équipe a effectué 85 missions depuis mars.", [(85, "done")]),
    ("Objectif : 400 missions avant l'été", [(400, "target")]),
    ("Ses 3 missions sont claires.", []),
    # pages said printed are paper made
    ("Bilan : 1 800 pages imprimées pour les écoliers.", [(1800, "done")]),
    # a row's label calling people helpers, an adjective shared by coordinated nouns
    ("- Parents volontaires : 9", [(9, "volunteers")]),
    ("Onze joueurs et éducateurs bénévoles ont livré 70 colis.", [(11, "volunteers"), (70, "done")]),
])
def test_rows_with_a_hedge_or_a_rate_missions_performed_printed_pages_and_helpers(text, expected):
    assert kinds(text) == expected


def test_a_market_s_stalls_are_places():
    assert ("12", "place_count") in aside("Le marché rouvrira mardi avec 12 emplacements.")


def test_the_times_a_week_a_service_comes_are_its_rounds():
    assert kinds("La navette solidaire passe trois fois par semaine à Lugy.") == [(3, "per_week")]
    assert kinds("Il faut laver ces masques deux fois par jour.") == []


@pytest.mark.parametrize("text, expected", [
    # what one unit is worth, said of "un X"
    ("Un panier, c'est environ 25 € de courses, alors merci pour vos dons.", []),
    # an order's row marked by a chevron
    ("› Commande de la commune : 6 000 masques, livraison attendue lundi.", [(6000, "ordered")]),
    # helpers past an adjective of their own, and the speakers counted by what they do
    ("- 9 assistantes sociales volontaires", [(9, "volunteers")]),
    ("On est désormais 11 cyclistes à livrer les courses.", [(11, "volunteers")]),
])
def test_one_unit_s_worth_chevron_orders_and_speakers_counted_by_what_they_do(text, expected):
    assert kinds(text) == expected


def test_emergency_lines_and_the_needy_ask_for_nothing():
    assert ("le 115", "phone") in aside("Nous les avons orientés vers le 115 pour la nuit.")
    assert ("appelez le 15", "phone") in aside("En cas de fièvre forte, appelez le 15.")
    assert ("15 avril", "date") in aside("La distribution reprendra le 15 avril.")
    # "dans le besoin" says who is needy: the helpers counted after it are no need
    assert kinds("Le réseau relie les familles dans le besoin et 140 bénévoles inscrits.") == \
        [(140, "volunteers")]


@pytest.mark.parametrize("text, expected", [
    # people a group gathers are its members
    ("Le collectif réunit désormais 9 restaurateurs.", [(9, "volunteers")]),
    # "au nombre de" fronted counts the people its clause's pronoun stands for
    ("Les jeunes du club ont repris les courses des aînés. Au nombre de 14, ils livrent "
     "50 foyers.", [(14, "volunteers"), (50, "beneficiaries")]),
    # an appeal "afin de" gather something asks for it
    ("Elle lance un appel afin de réunir 300 kg de pâtes.", [(300, "needed")]),
    # tasks or requests still waiting, in a row's label
    ("Missions à pourvoir : 8", [(8, "needed")]),
    ("Demandes en attente : 5", [(5, "needed")]),
    # a verb of pace runs at the rate the thing was just given at
    ("« On cousait 50 blouses par jour au début. Aujourd'hui, on tourne à 120 », dit-elle.",
     [(50, "per_day"), (120, "per_day")]),
])
def test_members_gathered_appeals_pending_tasks_and_a_pace(text, expected):
    assert kinds(text) == expected


def test_a_web_address_s_dots_end_no_sentence_before_a_national_figure():
    assert aside("Au niveau national, le site entraide.gouv.fr recense déjà 200 000 inscrits.") \
        == [("200 000", "national")]


@pytest.mark.parametrize("text, expected", [
    # the speakers counting their team, then a wish to find more: helpers, then a need
    ("On est 7 dans l'équipe et on aimerait trouver 5 bénévoles de plus.",
     [(7, "volunteers"), (5, "needed")]),
    # people a relative clause says make things help
    ("Les 6 salariés qui cuisinent le font sur leur temps libre.", [(6, "volunteers")]),
    # a causative takes the tense of "faire": done by proxy, at its rate
    ("L'épicerie fait livrer chaque semaine 60 colis aux aînés.", [(60, "per_week")]),
    # a purpose after the figure is the act's, no project of its own
    ("- une vingtaine d'aînés aidés par téléphone pour utiliser leur tablette",
     [(20, "beneficiaries")]),
    # an order's row with a long label
    ("• Commande groupée passée auprès d'un fournisseur de la région : 20 000 masques, "
     "livraison attendue fin mai", [(20000, "ordered")]),
    # missions performed, detailed in brackets
    ("• Missions réalisées (courses, appels) : 80", [(80, "done")]),
    # a total restated as a rate
    ("En un mois, 600 repas ont été livrés, soit une vingtaine chaque jour.",
     [(600, "done"), (20, "per_day")]),
])
def test_teams_wishes_causatives_purposes_long_labels_and_rates_restated(text, expected):
    assert kinds(text) == expected


def test_a_weekday_s_date_and_the_inhabitants_a_scheme_covers_are_no_counts():
    assert ("Samedi 16", "date") in aside("Samedi 16, de 9 h à 12 h, distribution au local.")
    assert kinds("Samedi 25 bénévoles étaient présents.") == [(25, "volunteers")]
    assert aside("12 000 habitants concernés par le dispositif.") == [("12 000", "population")]


@pytest.mark.parametrize("text, expected", [
    # things asked of others are a need; helpers named by a row's label help
    ("• Tablettes demandées aux entreprises : 30", [(30, "needed")]),
    ("• Étudiants bénévoles : 12", [(12, "volunteers")]),
    # members of a body, their ages between, who made things
    ("Les 11 membres du conseil des jeunes, âgés de 10 à 15 ans, ont réalisé 200 cartes.",
     [(11, "volunteers"), (200, "done")]),
    # two nouns sharing the figure, who offered their services
    ("Bravo au club : 15 joueuses et joueurs ont proposé leurs services.", [(15, "volunteers")]),
    # a share told again for others, and a part of a whole left uncounted
    ("• 1 masque par personne, 2 pour les aides à domicile", []),
    ("• Partenaires : plusieurs fermes, dont trois maraîchers du village", []),
    # an area's name with "Région" in it is no Region council
    ("La Communauté de communes de la Région de Lumbres a commandé 8 000 masques.",
     [(8000, "ordered")]),
])
def test_asked_of_others_members_shares_again_parts_and_an_area_s_name(text, expected):
    assert kinds(text) == expected


def test_a_count_said_to_happen_now_and_then_is_no_total():
    assert ("4", "per_unit") in aside("On a visité 12 fermes, avec parfois 3 ou 4 passages dans la même.")


@pytest.mark.parametrize("text, expected", [
    # what will arrive was ordered; a row's label saying it is being made sets a goal
    ("La commune a commandé 9 000 masques ; le solde (4 000 masques) arrivera lundi.",
     [(9000, "ordered"), (4000, "ordered")]),
    ("• Blouses cousues : 500\n• En cours de fabrication : 200", [(500, "done"), (200, "target")]),
    # active members doing errands; people waiting for something are a need
    ("Ses 7 membres actifs font les achats des aînés.", [(7, "volunteers")]),
    ("Une vingtaine de familles restent en attente d'une tablette.", [(20, "needed")]),
    # helpers named by a row's label on the basis of volunteering
    ("- Animateurs mobilisés sur la base du volontariat : 6", [(6, "volunteers")]),
])
def test_arrivals_to_come_work_under_way_active_members_and_people_waiting(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a purchase from a maker or a dealer is an order; bought and handed on, it is done
    ("L'agglomération a acheté 30 000 masques lavables auprès d'un industriel du Nord.",
     [(30000, "ordered")]),
    ("Le foyer a acheté 200 blouses chez un grossiste et les a distribuées aux aides.",
     [(200, "done")]),
    # a wish to thank performs itself; the thanked person's own past decides
    ("Je tiens à saluer Mme Ledoux, qui a déjà tricoté 90 bonnets pour la maternité.",
     [(90, "done")]),
    # people left to serve are the aim
    ("Le traiteur a reçu une liste de 25 aînés isolés à ajouter à ses livraisons.",
     [(25, "target")]),
    # the body's own members by a possessive, a pot's amount reached so far
    ("Le club de pétanque s'est mobilisé. Ses 18 membres portent les repas aux anciens.",
     [(18, "volunteers")]),
    ("La collecte pour la banque alimentaire en est à 730 € sur 2 000 € espérés.",
     [(730, "done"), (2000, "target")]),
    # a sentence's lead that tallies before its colon
    ("Bilan du week-end au marché couvert : 420 kg de conserves !", [(420, "done")]),
    # a past infinitive under a verb of hope is still to come
    ("La mairie espère avoir équipé tous les foyers d'ici samedi, soit quelque 1 800 masques.",
     [(1800, "target")]),
])
def test_purchases_thanks_people_left_to_serve_own_members_pots_and_tallies(text, expected):
    assert kinds(text) == expected


def test_list_marks_habitants_and_national_schemes_are_set_aside():
    # a territory's size on a ticked line, figures of national schemes named in the plural
    assert ("environ 9 500", "population") in aside(
        "► Masques\nLa commune a remis 3 000 masques.\n   ✓ 12 villages\n   ✓ environ 9 500 habitants\n")
    assert ("près de 450 000", "national") in aside(
        "Ces gestes complètent les plans nationaux : près de 450 000 repas ont été servis "
        "par les associations agréées.")
    # all of the inhabitants over an age are still the scope a scheme covers
    assert ("3 900", "population") in aside(
        "Ils permettront d'équiper l'ensemble de nos 3 900 habitants âgés de plus de 12 ans.")
    # an agent noun shares a verb's stem, it reports nothing: the people are helpers
    assert kinds("Nous sommes une dizaine de livreurs et de préparatrices.") == \
        [(10, "volunteers")]


def test_a_part_among_a_group_just_counted_is_not_added_again():
    assert aside("La mairie a joint les 420 aînés du fichier. Parmi eux, 28 sont désormais "
                 "livrés chaque mardi.") == [("28", "part")]
    # the part of an order that its own verb says arrived counts
    assert kinds("La commune a commandé 6 000 masques. Parmi eux, 2 500 ont déjà été remis "
                 "aux habitants.") == [(6000, "ordered"), (2500, "done")]


@pytest.mark.parametrize("text, expected", [
    # an order placed, as a quoted row's label
    ("> Commande passée par la communauté de communes : 90 000 masques", [(90000, "ordered")]),
    # a wish to collect, announced as an appeal, is a need
    ("Un appel : l'amicale souhaiterait recueillir 80 boîtes de lait pour bébé.",
     [(80, "needed")]),
    # the people a gift was enough for, a known set, are served
    ("Le primeur a offert 40 cagettes, de quoi régaler les 55 résidents du foyer.",
     [(40, "done"), (55, "beneficiaries")]),
    # inhabitants narrowed by age are some of them, helped
    ("Le maire a téléphoné à nos 75 habitants âgés de plus de 85 ans.", [(75, "beneficiaries")]),
    # a figure opening its own clause after a colon is no share of the one before
    ("La mairie a remis un masque à chaque habitant : 2 300 masques sont déjà distribués.",
     [(2300, "done")]),
    # where they stand at work tells how many they are
    ("Les bénévoles du club ont cousu 400 blouses. Elles sont 14 derrière les machines.",
     [(400, "done"), (14, "volunteers")]),
    # an allotment per day of one's work is a share, no daily output
    ("Les agents en recevront, à raison de 3 masques par jour travaillé.", []),
])
def test_orders_placed_appeals_known_sets_narrowed_inhabitants_and_teams_at_work(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    # bought from us by the Region: an order the firm received
    ("La Région vient de lui commander 6 000 blouses, livrables en juin.", [(6000, "ordered")]),
    # a share per pharmacy; a resort's size; a team counting itself by its trade
    ("600 litres de gel ont été offerts, à raison de 4 litres par officine.", [(600, "done")]),
    ("On est maintenant 17 brodeuses, et ça tourne !", [(17, "volunteers")]),
])
def test_orders_received_shares_per_pharmacy_and_teams_by_their_trade(text, expected):
    assert kinds(text) == expected


def test_a_resort_s_inhabitants_are_its_size():
    assert ("environ 4 800", "population") in aside(
        "Dans cette station d'environ 4 800 habitants, la mairie a ouvert une permanence.")
