"""How a text's layout and its mentions of places are read: headings over paragraphs,
press datelines, post headers, figures said twice, places named in passing. Every
text here was written for these tests."""
from __future__ import annotations

import pytest

from geo.geocode import resolve
from initiatives import counted_once
from initiatives.extract import Context, find_actor, read, split_blocks
from initiatives.ingest import release_from_text
from initiatives.model import SET_ASIDE
from initiatives.quantities import read_numbers


def reading(text: str):
    return read(release_from_text(text))


def summary(text: str) -> list[tuple]:
    return [(i.actor, [p.code for p in i.places],
             [(q.value, q.kind) for q in i.quantities]) for i in reading(text).initiatives]


def test_a_figure_said_again_in_another_paragraph_of_one_story_counts_once():
    found = reading(
        "Les Aiguilles de Fruges\n\n"
        "2 500 VISIÈRES, MERCI À TOUS !\n\n"
        "Nous l'avons fait : 2 500 visières assemblées et livrées aux soignants du canton. "
        "Lundi, 40 visières à la pharmacie, et mardi 40 visières au cabinet infirmier.")
    (ini,) = found.initiatives
    assert [(q.value, q.kind) for q in ini.quantities] == \
        [(2500, "done"), (40, "done"), (40, "done")]   # two equal figures in one paragraph
    restated = [n for n in found.numbers if n.reason == "restated"]
    assert [(n.text, n.status) for n in restated] == [("2 500", SET_ASIDE)]
    assert "déjà donné" in restated[0].label


def test_a_post_header_with_its_date_gives_the_author_and_its_town():
    assert summary(
        "Les Bobines d'Auchel\nPublié le 3 mai à 10:15 · 🌍\n\n"
        "Ça y est : 900 masques cousus depuis mars ! Merci à nos 12 couturières.") == \
        [("Les Bobines d'Auchel", ["62048"], [(900, "done"), (12, "volunteers")])]


def test_a_town_s_welfare_office_spelled_out_is_the_town_s_the_sentence_visits():
    (ini,) = summary(
        "Communiqué de la préfecture\n\n"
        "La sous-préfète s'est rendue à Lillers pour saluer les agents du centre communal "
        "d'action sociale (CCAS).\n\n"
        "Le service a déjà porté 640 repas aux personnes isolées.")
    assert ini[:2] == ("CCAS de Lillers", ["62516"])


def test_a_press_dateline_in_capitals_gives_the_article_s_town():
    (ini,) = summary(
        "HESDIN. Au Secours populaire, les colis partent chaque semaine\n\n"
        "L'antenne du Secours populaire ne désemplit pas.\n\n"
        "Depuis le début du confinement, les bénévoles ont remis 310 colis. Les conserves "
        "proviennent d'une centrale d'achat installée à Arques.")
    assert ini[0].startswith("Secours populaire de Hesdin")
    assert ini[1:] == (["62447"], [(310, "done")])


def test_landmarks_comparisons_and_visiting_officials_name_no_place():
    places = [codes for _, codes, _ in summary(
        "Solidarité dans l'Audomarois\n\n"
        "À Lumbres, à quelques kilomètres de Desvres, l'association La Main tendue a "
        "distribué 220 colis. Comme l'avaient fait d'autres bénévoles à Samer, elle a "
        "aussi ouvert une ligne d'écoute.\n\n"
        "Le sous-préfet de Bapaume a salué l'équipe de l'épicerie solidaire « Le Cabas » "
        "d'Isbergues, qui a aidé 75 familles.")]
    assert places == [["62534"], ["62473"]]


def test_the_destination_of_a_visit_is_the_story_s_actor():
    (ini,) = summary(
        "Le préfet s'est ensuite arrêté à Harnes, à la boutique solidaire « Le Fil rouge ». "
        "Depuis mars, la structure a aidé 95 foyers.")
    assert ini == ("Le Fil rouge", ["62413"], [(95, "beneficiaries")])


def test_an_organisation_named_with_and_without_its_seat_is_one():
    found = summary(
        "Restos du coeur : l'hiver avant l'heure\n\n"
        "Les Restos du cœur d'Outreau ont rouvert leur local dès le 20 mars.\n\n"
        "Les Restos du cœur ont servi depuis 1 450 repas.")
    assert found == [("Restos du cœur d'Outreau", ["62643"], [(1450, "done")])]


def test_headings_over_paragraphs_give_their_commune_and_stay_apart_from_the_salutation():
    found = summary(
        "MAIRIE DE NORRENT-FONTES\n\n"
        "Chères Norrentaises, chers Norrentais,\n\n"
        "Voici où en sont nos actions.\n\n"
        "1. Des repas pour nos aînés\n"
        "Le restaurant scolaire prépare chaque jour 45 repas, portés à domicile par nos agents.\n\n"
        "— Des masques pour chacun\n"
        "Une vingtaine de couturières, réunies par le conseil municipal, ont cousu 1 300 "
        "masques.\n\n"
        "Votre maire, Jean Dupont")
    quantities = sorted(q for _, _, qs in found for q in qs)
    assert quantities == [(20, "volunteers"), (45, "per_day"), (1300, "done")]
    assert all(codes == ["62620"] for _, codes, _ in found)
    assert not any("Chère" in actor for actor, _, _ in found)


def test_a_quote_past_a_comma_is_speech_not_a_name():
    found = summary(
        "À Avion, l'équipe de la boulangerie Martin a livré 600 baguettes aux soignants. "
        "Elle compte poursuivre l'opération tout le mois, « ou aussi longtemps qu'il le "
        "faudra ».")
    assert found == [("Boulangerie Martin", ["62065"], [(600, "done")])]


def test_an_indefinite_party_a_model_followed_and_an_address_name_no_place():
    places = [codes for _, codes, _ in summary(
        "Entraide à Fruges\n\n"
        "À Fruges, sur le modèle de l'épicerie ouverte à Hesdin, le centre social a monté "
        "un dépôt de colis. À l'initiative d'une bénévole de Lumbres, il a déjà remis 140 "
        "colis, avec les invendus d'une grande surface d'Arques.\n\n"
        "Comme l'a fait Desvres le mois dernier, la commune a commandé 3 000 masques. "
        "Adresse du centre : 12 place du Marché, 62310 Fruges.")]
    assert places and all(codes == ["62364"] for codes in places)


def test_a_town_hall_s_address_gives_the_town_when_nothing_else_is_named():
    (ini,) = summary(
        "Des colis pour les aînés\n\n"
        "L'association Les Amis du Moulin a distribué 300 colis aux aînés ; dépôt des "
        "dons : 5 rue Haute, 62190 Lillers.")
    assert ini == ("Les Amis du Moulin", ["62516"], [(300, "done")])


def test_a_letterhead_in_capitals_names_its_intercommunality():
    (ini,) = summary(
        "COMMUNAUTÉ DE COMMUNES DES CAMPAGNES DE L'ARTOIS\n"
        "Lettre d'information – juin 2020\n\n"
        "BILAN DE LA CRISE\n"
        "- Masques distribués : 18 400\n"
        "- Repas livrés chaque jour : 90\n")
    assert ini[0] == "Communauté de communes des Campagnes de l'Artois"
    assert ini[2] == [(18400, "done"), (90, "per_day")]


BULLETIN_OF_ENTRIES = (
    "COMMUNAUTÉ DE COMMUNES DE LA TERRE DES DEUX CAPS\n"
    "Le Journal du territoire – juin 2020\n\n"
    "Nos actions pendant le confinement\n\n"
    "1) COLLECTE ALIMENTAIRE – RINXENT\n"
    "- Colis préparés : 410\n"
    "- Familles accompagnées : 120\n\n"
    "• Garage solidaire (ateliers municipaux de Marquise)\n"
    "   Véhicules prêtés : 14\n"
    "   Dépannages assurés : 37, surtout pour les soignants\n\n"
    "• Repair café de Wimille\n"
    "   Ordinateurs remis en état : 58\n\n"
    "• ATELIER DE COUTURE – LICQUES\n"
    "   Masques cousus : 1 900\n"
    "   Points de dépôt : Licques, Hardinghen\n")


def test_a_bulletin_s_entries_named_over_their_data_lines_are_their_own_initiatives():
    """An entry without figure or verb over label–value lines names whom the lines are
    about; its town is after a dash or in brackets."""
    found = summary(BULLETIN_OF_ENTRIES)
    by_actor = {actor: (codes, figures) for actor, codes, figures in found}
    assert by_actor["Garage solidaire"] == (["62560"], [(14, "done"), (37, "done")])
    assert by_actor["Repair café de Wimille"] == (["62894"], [(58, "done")])
    assert by_actor["Atelier de couture de Licques"][1] == [(1900, "done")]
    assert "62506" in by_actor["Atelier de couture de Licques"][0]


def test_an_entry_naming_an_activity_is_the_text_s_actor_s_and_its_lines_give_places():
    """« Collecte », « distribution », « portage »: a noun of action names what the text's
    own institution did, not an organisation; a list line of towns names places reached."""
    found = summary(BULLETIN_OF_ENTRIES)
    own = [f for f in found if f[0] == "Communauté de communes de la Terre des Deux Caps"]
    assert own and own[0][1] == ["62711"]
    assert own[0][2] == [(410, "done"), (120, "beneficiaries")]


def test_a_label_naming_a_noun_outside_the_lexicon_counts_that_noun():
    figures = [(q.value, q.item) for i in reading(BULLETIN_OF_ENTRIES).initiatives
               for q in i.quantities]
    assert (37, "dépannages") in figures and (14, "véhicules") in figures


def test_a_headline_with_a_figure_after_a_colon_stays_a_headline():
    """« Solidarité : 300 repas pour l'hôpital » runs on after its figure: a title, not a
    data line; « Repas servis : 300 » stops at it."""
    blocks = split_blocks("Solidarité : 300 repas pour l'hôpital de Samer\n\n" + "x " * 200
                          + "\n\nAutre titre sans figure\n\n" + "y " * 200)
    assert [b.role for b in blocks][0] == "headline"
    data = split_blocks("Repas servis : 300\n\n" + "z " * 200 + "\n\nAutre titre\n\n" + "w " * 200)
    assert data[0].role == "content"


def test_the_village_a_helper_is_settled_in_is_the_commune_named_before():
    """"Installé dans le bourg" refers back to the last commune named, even one the
    sentence before named as where help came from."""
    text = ("SAINT-POL-SUR-TERNOISE\nLa solidarité ne faiblit pas\n\n"
            "L'épicerie sociale du centre-ville accueille chaque semaine de nouvelles "
            "familles.\n\n"
            "Le renfort est arrivé de Frévent. Jean Caudron, boulanger installé dans le "
            "bourg, a déjà offert 400 baguettes à l'épicerie.")
    baker = next(i for i in summary(text) if i[0] == "Jean Caudron")
    assert baker[1] == ["62361"] and baker[2] == [(400, "done")]
    # with no anaphor, a town help came from is no place reached
    text = text.replace("boulanger installé dans le bourg", "boulanger de la rue haute")
    baker = next(i for i in summary(text) if i[0] == "Jean Caudron")
    assert baker[1] == ["62767"]


def test_a_quoted_name_is_whole_and_a_party_thanked_for_its_figure_gives_it():
    from initiatives.extract import find_actor
    actor = find_actor("À Lumbres, l'atelier du collectif « Aiguilles et Bobines » a cousu "
                       "900 masques.")
    assert actor.name.endswith("« Aiguilles et Bobines »")
    # "qui" makes the party thanked the subject of the clause that holds the figure …
    assert find_actor("Merci à la boucherie Lenglet, qui nous livre 20 kilos de viande "
                      "chaque semaine.").name == "Boucherie Lenglet"
    # … and only then: a supplier of an order is another party
    assert find_actor("Nous avons commandé 500 masques à un atelier de Fruges, qui les "
                      "livrera lundi.") is None


RELEASE_BY_TOWNS = (
    "Sous-préfecture de Calais\n\nLe Calaisis solidaire\n\n"
    "Voici quelques nouvelles des communes du secteur.\n\n"
    "▪ Campagne-lès-Guines : l'atelier des « Aiguilles d'Or »\n"
    "Dans ce village, un collectif de 14 couturières a cousu 900 masques, remis aux "
    "habitants de Campagne et d'Alembon.\n\n"
    "▪ Licques : une entreprise change de production\n"
    "L'entreprise de produits ménagers Nettoie Plus a fabriqué 800 litres de gel "
    "hydroalcoolique pour les soignants.\n\n"
    "▪ Ardres : des colis chaque semaine\n"
    "Les bénévoles préparent 40 colis par semaine, remis dans 2 points de la ville.")


def test_a_release_s_sections_headed_by_their_commune_and_a_short_form_of_it():
    """"▪ Licques : …" heads its paragraph: each section is an initiative of its own,
    in that commune, whoever it names; "Campagne" after "Campagne-lès-Guines" is that
    commune; a descriptive complement does not hide a company's name."""
    found = {actor: codes for actor, codes, _ in summary(RELEASE_BY_TOWNS)}
    assert found["Nettoie Plus"] == ["62506"]
    # (the heading names the bearer: "l'atelier des « Aiguilles d'Or »")
    assert found["Atelier des « Aiguilles d'Or »"] == ["62203", "62020"]
    assert not any(actor.endswith(" de") for actor in found)
    colis = next(i for i in summary(RELEASE_BY_TOWNS) if (40, "per_week") in i[2])
    assert colis[1] == ["62038"]
    gel = next(i for i in summary(RELEASE_BY_TOWNS) if i[0] == "Nettoie Plus")
    assert gel[2] == [(800, "done")]


def test_a_bulletin_s_town_heading_may_give_its_size_and_a_sub_title_keeps_the_section():
    text = ("Le mot de l'interco\n\nDes nouvelles de nos villages.\n\n"
            "HERMELINGHEN (320 habitants)\n• Couturières bénévoles : 6\n"
            "• Masques cousus : 410\n\n"
            "BOUQUEHAULT\nQui ? Marc Delporte, maraîcher\n"
            "Légumes offerts aux familles : 300 kilos\n\n"
            "INFOS PRATIQUES\nLa déchetterie rouvre lundi à 9 h.")
    found = summary(text)
    assert any(codes == ["62439"] and (410, "done") in figures for _, codes, figures in found)
    marc = next(i for i in found if i[0] == "Marc Delporte")
    assert marc[1] == ["62161"] and marc[2] == [(300, "done")]


def test_a_town_called_by_the_first_word_of_its_name_and_a_helper_s_origin():
    """"Bully" is Bully-les-Mines, the one commune of the département named so (not Bully
    in the Rhône); the town a helper comes from daily is not reached."""
    (ini,) = summary("Les Aiguilles de Bully\n\nOn a cousu 700 masques pour les habitants "
                     "de Bully et de Grenay 😍 Merci à Nadine qui vient de Liévin chaque "
                     "matin !")
    assert ini[1] == ["62186", "62386"]


def test_a_form_s_bearer_line_names_the_actor_of_a_section_framed_by_rules():
    text = ("Le petit journal de l'interco\n\nVoici les actions de nos villages.\n\n"
            "=== HERMELINGHEN ===\nPorteur : la mairie\nColis remis aux aînés : 45\n\n"
            "=== LICQUES ===\nPorteur : SCEA Delattre, producteur de lait\n"
            "Lait offert aux familles : 300 litres\n\n"
            "▶ ALEMBON\nQui ? le comité des fêtes\nRepas livrés : 120")
    found = {actor: (codes, figures) for actor, codes, figures in summary(text)}
    assert found["Mairie de Hermelinghen"] == (["62439"], [(45, "done")])   # as written
    assert found["SCEA Delattre"] == (["62506"], [(300, "done")])
    assert found["Comité des fêtes d'Alembon"][0] == ["62020"]


def test_a_company_s_legal_form_gives_its_type():
    from initiatives.extract import find_actor
    from initiatives.model import COMPANY
    assert find_actor("Porteur : SCEA Delattre, producteur de lait").type == COMPANY
    assert find_actor("L'EARL des Prés a offert 200 litres de lait.").type == COMPANY


def test_a_table_s_rows_and_entries_opening_with_a_commune_are_their_own():
    """A table drawn with pipes loses its header and rule; each row, like a list entry
    opening with a commune, is that commune's initiative, even in a text that has an
    actor of its own."""
    text = ("La lettre de la Communauté de communes de la Région d'Audruicq\n\n"
            "Ce que font nos communes :\n\n"
            "| Commune | Qui ? | En chiffres |\n|---|---|---|\n"
            "| Audruicq | CCAS | 52 colis livrés |\n"
            "| Polincove | Menuiserie Caron | 140 visières |\n\n"
            "• Zutkerque — les bénévoles — 35 foyers aidés")
    found = {tuple(codes): figures for _, codes, figures in summary(text)}
    assert found[("62057",)] == [(52, "done")]
    assert found[("62662",)] == [(140, "done")]
    assert found[("62906",)] == [(35, "beneficiaries")]


def test_an_entry_opening_with_a_town_whose_name_is_a_word_happens_there():
    """"Selles" is also a common noun: heading a list entry before a dash, it is the
    entry's commune, even when an organisation acts in it."""
    text = ("La gazette de la Communauté de communes de Desvres-Samer\n\n"
            "▌ATELIERS\n"
            "  • Selles – Le comité des fêtes a cousu 400 masques pour les aînés.\n"
            "  • Wimille – Le GAEC des Peupliers a donné 3 tonnes de pommes aux Restos du "
            "Cœur d'Arras.")
    found = {actor: codes for actor, codes, _ in summary(text)}
    assert [codes for actor, codes in found.items() if "comité" in actor.lower()] == [["62786"]]
    # a charity given to is a recipient: its town is reached, after the giver's own
    assert [codes for actor, codes in found.items() if "GAEC" in actor] == [["62894", "62041"]]


def test_after_a_headline_a_paragraph_opening_with_its_town_is_a_new_item():
    (first, second) = summary(
        "Communiqué de la préfecture\n\n"
        "Des repas\n"
        "Le CCAS de Lens a livré 400 repas aux personnes isolées.\n\n"
        "Des visières\n"
        "À Avion, des lycéens impriment des visières : 300 ont déjà été livrées.")
    assert first[1] == ["62498"] and second[1] == ["62065"]
    assert second[2] == [(300, "done")]


def test_an_apposition_classifying_the_actor_gives_its_seat_and_a_trade_noun_its_type():
    from initiatives.extract import find_actor
    from initiatives.model import COMPANY
    (ini,) = summary("La miroiterie Dumas, entreprise artisanale de Fruges, a découpé 80 "
                     "écrans de protection pour les commerces.")
    assert ini[:2] == ("Miroiterie Dumas", ["62364"])
    assert find_actor("La quincaillerie Roussel a offert 200 gants.").type == COMPANY


def test_a_town_apposed_to_a_recipient_is_reached_and_a_first_name_in_a_shop_s_name_is_not():
    """", à Liévin" after a hospital locates the hospital, where the meals go, not the
    cook, nor the town in the hospital's name; "Marie" in "L'Atelier de Marie" is no town
    of the Alpes-Maritimes."""
    (ini,) = summary(
        "AUCHEL – ENTRAIDE\n\n"
        "Le four ne refroidit pas\n\n"
        "Fermé au public, L'Atelier de Marie ne chôme pas : Paul Caron y prépare chaque "
        "jour 60 repas pour les soignants du centre hospitalier de Lens, à Liévin.")
    assert ini[1] == ["62048", "62510"]
    assert ini[2] == [(60, "per_day")]


def test_a_receiver_s_town_is_reached_after_the_initiative_s_own_place():
    """Help delivered "à l'EHPAD de Guînes" arrives there: that town is the initiative's
    place when it is the only one named, and a commune it reaches after its own."""
    (alone,) = summary("Deux lycéens ont imprimé 70 visières, livrées à l'EHPAD de Guînes.")
    assert alone[1] == ["62397"]
    (own,) = summary("À Ardres, le club de couture a cousu 300 masques, remis à l'EHPAD de "
                     "Guînes et au cabinet infirmier de Bouquehault.")
    assert own[1] == ["62038", "62397", "62161"]


def test_a_town_where_the_readers_work_is_no_town_reached():
    (ini,) = summary("Mairie de Renty\n\nChers habitants, beaucoup d'entre vous travaillent "
                     "à l'hôpital de Lens. La commune a distribué 900 masques.")
    assert ini[1] == ["62704"]


def test_others_doing_the_same_and_a_territory_after_du_are_not_reached():
    found = summary(
        "Le mot du maire de Wimereux\n\n"
        "Nos bénévoles ont livré 150 colis aux aînés. À Oye-Plage, nos voisins feront de "
        "même la semaine prochaine.\n\n"
        "L'épicerie solidaire du Pernois nous a aussi offert 40 kg de pâtes.")
    assert {code for _, codes, _ in found for code in codes} == {"62893"}


def test_a_row_s_label_gives_its_figure_s_kind_and_ends_with_its_line():
    found = summary(
        "La lettre de la Communauté de communes du Haut Pays du Montreuillois\n\n"
        "FRUGES\n"
        "Porteur : atelier Plexi Fruges\n"
        "Action : visières pour les commerces\n"
        "Visières posées : 60\n"
        "En commande : 25\n\n"
        "HUCQUELIERS\n"
        "Porteur : comité des fêtes\n"
        "Colis livrés : 80")
    assert [figures for _, codes, figures in found if codes == ["62364"]] == \
        [[(60, "done"), (25, "ordered")]]


def test_a_bulletin_titled_by_its_territory_speaks_for_that_intercommunality():
    """"La Communauté de communes a commandé …" in "L'écho du Ternois" is the CC du
    Ternois; under a commune's heading, "la mairie" is still that commune's."""
    found = summary(
        "L'écho du Ternois\n"
        "Le journal de votre communauté de communes – mai 2020\n\n"
        "La Communauté de communes a commandé 30 000 masques lavables pour les habitants.\n\n"
        "▸ HEUCHIN\n"
        "La mairie a organisé un service de courses pour les aînés.\n"
        "– Foyers aidés : 30\n\n"
        "▸ ANVIN\n"
        "– Bénévoles : 12")
    actors = {actor: (codes, figures) for actor, codes, figures in found}
    assert actors["Communauté de communes du Ternois"][1] == [(30000, "ordered")]
    assert [codes for actor, (codes, _) in actors.items() if "Heuchin" in actor] == [["62451"]]


def test_a_form_s_rows_stay_apart_and_a_letterhead_s_next_line_is_no_part_of_a_name():
    """Rows whose value is words ("Livraison prévue : semaine 20") are rows too, so the
    figure above keeps its line ("35 000" is no postcode of "Livraison"); the line under
    an intercommunality's name is not part of that name."""
    text = ("INFO CAMPAGNES\n"
            "Le bulletin de la Communauté de communes des Campagnes de l'Artois\n"
            "Numéro spécial – mai 2020\n\n"
            "L'INTERCO EN CHIFFRES\n"
            "Masques commandés pour les habitants : 41 000\n"
            "Livraison prévue : semaine 20, par un transporteur de Warlus\n\n"
            "SAULTY\n"
            "Qui ? Des couturières du village\n"
            "Couturières : une quinzaine\n"
            "Masques cousus : 700\n\n"
            "BEAUMETZ-LÈS-LOGES\n"
            "Qui ? Le comité des fêtes\n"
            "Colis livrés : 60")
    found = {actor: figures for actor, _, figures in summary(text)}
    assert found["Communauté de communes des Campagnes de l'Artois"] == [(41000, "ordered")]
    assert [figures for actor, figures in found.items() if "Saulty" in actor] == \
        [[(15, "volunteers"), (700, "done")]]


def test_a_table_cell_s_participle_tells_its_row_s_figure_and_a_branch_names_its_town():
    found = summary(
        "Ce que font nos communes :\n\n"
        "| Commune | Qui ? | Quoi ? | En chiffres |\n|---|---|---|---|\n"
        "| Harnes | Conseil des jeunes | Affiches imprimées et collées | 250 affiches |\n"
        "| Liévin | CCAS | Courses à domicile | 30 foyers aidés |")
    assert [figures for _, codes, figures in found if codes == ["62413"]] == [[(250, "done")]]
    (post,) = summary("Croix-Rouge – antenne de Hersin-Coupigny\n\n"
                      "Cette semaine, nous avons distribué 70 colis aux familles. Merci à tous !")
    assert post[1] == ["62443"]


def test_an_errand_s_shop_is_no_actor_but_a_visit_s_destination_is():
    (ini,) = summary("Le mot du maire de Fléchin\n\n"
                     "Quatre conseillers municipaux vont chercher les ordonnances à la pharmacie "
                     "de Thérouanne pour 25 aînés.")
    assert ini[1] == ["62336"]
    found = summary("La préfète s'est arrêtée à Thérouanne, à l'épicerie solidaire « La Cagette "
                    "». Depuis mars, la structure a aidé 60 familles.")
    assert [actor for actor, _, _ in found] == ["Épicerie solidaire « La Cagette »"]


def test_a_press_article_s_byline_is_no_actor_and_its_title_s_figure_is_its_story_s():
    found = summary(
        "AIRE-SUR-LA-LYS.\n\n"
        "Les bénévoles du fablab « Le Hangar » ont franchi les 1 200 visières\n\n"
        "Lancé fin mars, le fablab « Le Hangar » imprime des visières pour les soignants.\n\n"
        "Par Julie Mercier – 20/04/2020\n\n"
        "Le fablab vise désormais 2 000 visières et a commandé 30 kilos de filament. "
        "Il s'est regroupé avec les couturières de Racquinghem pour livrer les EHPAD.")
    assert len(found) == 1
    actor, codes, figures = found[0]
    assert "Julie Mercier" not in actor and "Hangar" in actor
    assert figures == [(1200, "done"), (2000, "target"), (30, "ordered")]
    assert codes[0] == "62014" and "62684" in codes   # a partner's town is kept


def test_a_table_without_edge_pipes_is_read_row_by_row_but_a_header_line_is_not():
    found = summary(
        "MAIRIE D'ISBERGUES | Infos solidarité | mai 2020\n\n"
        "Commune     | Porteur            | Réalisé\n"
        "------------+--------------------+--------\n"
        "Guarbecque  | Comité des fêtes   | 210 colis livrés\n"
        "Lillers     | Centre social      | 95 familles aidées\n\n"
        "Merci à tous, et au marché de produits d'épicerie du samedi.")
    found = {tuple(codes): figures for _, codes, figures in found}
    assert found[("62391",)] == [(210, "done")]
    assert found[("62516",)] == [(95, "beneficiaries")]


def test_a_table_s_header_labels_its_columns_of_bare_figures():
    """"4 100" under "Masques cousus" is masks sewn, "26" under "Bénévoles" helpers; a row
    opening with its commune names the organisation after it."""
    found = summary(
        "LA LETTRE DE L'INTERCO\n\n"
        "Les ateliers en chiffres\n\n"
        "Commune        | Atelier                  | Masques cousus | Bénévoles\n"
        "Guarbecque     | Comité des fêtes         | 1 300          | 14\n"
        "Isbergues      | Les Fils d'argent        | 2 050          | 21\n")
    rows = {tuple(codes): (actor, figures) for actor, codes, figures in found}
    assert rows[("62391",)] == ("Comité des fêtes de Guarbecque", [(1300, "done"), (14, "volunteers")])
    assert rows[("62473",)][1] == [(2050, "done"), (21, "volunteers")]


def test_a_table_s_header_labels_its_cells_of_one_figure_and_their_words():
    """"1 200 masques" under "Fait" is done, under "Objectif ou besoin" a goal unless
    its participle says it is sought; each row is its own initiative, its organisation
    after its commune even when a cell of activity follows."""
    found = summary(
        "LETTRE DE LA COMMUNAUTÉ DE COMMUNES\n\n"
        "| Commune | Structure | Activité | Fait | Objectif ou besoin |\n"
        "|---|---|---|---|---|\n"
        "| Fruges | Association des parents d'élèves | Couture | 1 200 masques | 2 000 masques |\n"
        "| Hucqueliers | Club de l'amitié | Courses | 38 personnes aidées | 5 bénévoles recherchés |\n"
        "| Desvres | Ateliers du bourg | Colis | 25 colis par semaine | — |\n")
    rows = {tuple(codes): (actor, figures) for actor, codes, figures in found}
    assert rows[("62364",)] == ("Association des parents d'élèves de Fruges",
                                [(1200, "done"), (2000, "target")])
    assert rows[("62463",)][1] == [(38, "beneficiaries"), (5, "needed")]
    assert rows[("62268",)][1] == [(25, "per_week")]


def test_a_form_s_label_tells_the_act_or_what_its_bare_figure_counts():
    found = summary(
        "■ DESVRES\nPorteur : Épicerie sociale du bourg\nAction : collecte\n"
        "Collecté : 2,4 tonnes de denrées\nSites de dépôt : 3\nBénévoles : 11\n")
    assert found[0][2] == [(2.4, "done"), (11, "volunteers")]


def test_people_named_by_trade_and_towns_act_there_and_a_new_scene_is_a_new_story():
    found = summary(
        "LILLERS\nLes circuits courts au secours des familles\n\n"
        "Des producteurs de Saint-Venant et de Busnes ont offert 800 kilos de pommes de "
        "terre au fournisseur de repas du secteur.\n\n"
        "Dans le petit village d'Amettes, enfin, une quarantaine de foyers ont reçu un "
        "panier de légumes.")
    assert [(codes, figures) for _, codes, figures in found] == [
        (["62770", "62190"], [(800, "done")]), (["62029"], [(40, "beneficiaries")])]
    assert found[0][0] == "Producteurs de Saint-Venant et de Busnes"


def test_a_form_s_receiver_row_and_a_polyclinic_given_to_are_reached():
    found = summary(
        "LA LETTRE DE L'INTERCO\n\n"
        "■ AMES\nPorteur : Comité des fêtes\nAction : collecte alimentaire\n"
        "Collecté : 600 kilos de denrées\nDestinataire : Secours populaire de Lillers\n\n"
        "■ FLÉCHIN\nPorteur : Club des aînés\nAction : couture\nMasques cousus : 350\n\n"
        "■ BERGUENEUSE\nLes couturières ont offert 200 blouses aux soignants de la "
        "polyclinique de Lens.")
    assert [(actor, codes) for actor, codes, _ in found] == [
        ("Comité des fêtes d'Ames", ["62028", "62516"]),
        ("Club des aînés de Fléchin", ["62336"]), ("Commune de Bergueneuse", ["62109", "62498"])]


def test_a_town_speaking_of_its_own_people_is_the_text_s_town():
    """"Notre ville … les Liévinois" makes Liévin the page's town: "la Ville" is
    Liévin's, not that of a town it is compared with."""
    found = summary(
        "SOLIDAIRES, ENSEMBLE\n\n"
        "Notre ville traverse le confinement grâce à l'engagement des Liévinois, qui ont "
        "multiplié les gestes d'entraide.\n\n"
        "- La Ville a prêté 45 tablettes aux collégiens. Comme à Lens, elles ont été "
        "préparées par le service informatique.")
    assert ("Ville de Liévin", ["62510"], [(45, "done")]) in found


def test_a_post_signed_with_a_dash_on_its_last_line_is_its_author_s():
    found = summary(
        "🧶 UN GRAND MERCI 🧶\n\n"
        "Hier on a fait le point : 2 400 masques cousus depuis le début 🎉\n\n"
        "#Lumbres #entraide\n"
        "— Les Aiguilles de Lumbres")
    assert found == [("Les Aiguilles de Lumbres", ["62534"], [(2400, "done")])]


def test_a_heading_naming_two_towns_heads_a_section_they_share():
    found = summary(
        "LA LETTRE DE L'INTERCO\n\n"
        "■ AMES / AMETTES\nPorteur : Collectif de voisins\nColis livrés : 80\n\n"
        "■ FLÉCHIN\nPorteur : Club des aînés\nMasques cousus : 350\n")
    assert [(codes, figures) for _, codes, figures in found] == [
        (["62028", "62029"], [(80, "done")]), (["62336"], [(350, "done")])]


def test_a_post_titled_by_a_one_word_name_and_what_it_does_is_that_group_s():
    found = summary(
        "Coud'Lys – couture solidaire à Isbergues\nHier à 20:12 · 👥\n\n"
        "👉 900 masques cousus depuis le 1er avril !!! 🎉\n\n"
        "On est 14 à coudre maintenant, bienvenue à Odile et Nadine 🙌")
    assert found == [("Coud'Lys", ["62473"], [(900, "done"), (14, "volunteers")])]


def test_a_list_line_labelled_by_a_noun_and_its_complement_counts_that_noun():
    found = summary(
        "LA LETTRE DE L'INTERCO\n\n=== DANS NOS COMMUNES ===\n\n"
        "AUDRUICQ\n"
        "• Repas portés à domicile par le CCAS depuis le 16 mars : 410\n"
        "• Appels de courtoisie aux aînés, chaque semaine : 95\n\n"
        "POLINCOVE\n"
        "• Masques cousus par le comité des fêtes : 600\n")
    assert found[0][2] == [(410, "done"), (95, "per_week")]


def test_a_lead_naming_an_organisation_by_its_head_is_the_story_of_its_full_name():
    """The title's figure and the body's are one (counted once), and a town where others
    copy the idea is not reached, unless the sentence goes on with them there."""
    found = summary(
        "FRUGES\n\n"
        "Les couturières de l'Amicale ont déjà cousu 1 800 masques\n\n"
        "Depuis un mois, les bénévoles de l'Amicale cousent sans relâche. Une belle "
        "initiative qui a fait des émules jusqu'à Hucqueliers.\n\n"
        "Dans la salle des fêtes, 25 couturières ont rejoint l'Amicale des fils d'or. "
        "Vendredi, le compteur affichait 1 800 masques, remis aux aînés de Fruges.\n\n"
        "L'idée a fait des émules à Ruisseauville, où la boulangerie Caron livre 30 "
        "baguettes chaque semaine aux aînés.")
    assert [(codes, figures) for _, codes, figures in found] == [
        (["62364"], [(1800, "done"), (25, "volunteers")]), (["62726"], [(30, "per_week")])]


def test_a_bulletin_s_cards_qui_ou_combien_are_one_initiative_each():
    found = summary(
        "LA LETTRE DE LA COMMUNAUTÉ DE COMMUNES\n\n"
        "Voici, fiche par fiche, les initiatives recensées dans nos villages depuis mars.\n\n"
        "1. Repas à domicile\n"
        "Qui : le comité des fêtes de Guarbecque\n"
        "Où : Guarbecque et Ham-en-Artois\n"
        "Quoi : portage de repas aux aînés\n"
        "Combien : 60 repas par semaine\n\n"
        "2. Masques\n"
        "Qui : l'association « Les Fils d'Isbergues »\n"
        "Où : Isbergues\n"
        "Combien : 900 masques remis aux habitants\n")
    assert [(codes, figures) for _, codes, figures in found] == [
        (["62391", "62407"], [(60, "per_week")]), (["62473"], [(900, "done")])]


def test_a_group_named_by_a_town_s_short_form_is_where_the_text_names_it_in_full():
    found = summary(
        "Les Aiguilles de Loos 🧵\n18 avril à 19:42 · 🌍\n\n"
        "✂️ 2 600 masques cousus depuis le début !!!\n\n"
        "🚗 Nos livreurs sillonnent Loos-en-Gohelle tous les jours.")
    assert found[0][:2] == ("Les Aiguilles de Loos", ["62528"])


def test_a_joint_heading_s_towns_are_all_reached_by_its_bearer():
    found = summary(
        "LA LETTRE DE L'INTERCO\n\n► RINXENT\n\nPorteur : Comité des fêtes\nColis livrés : 40\n\n"
        "► FERQUES, HARDINGHEN\n\nPorteur : Boulangerie Caron (Ferques)\nPains offerts : 300\n")
    assert [codes for _, codes, _ in found] == [["62711"], ["62329", "62412"]]


def test_a_list_s_last_line_ending_with_a_stop_is_the_list_s_and_a_task_is_no_shop():
    found = summary(
        "BULLETIN MUNICIPAL\n\n"
        "Le réseau « Entraide de Mazingarbe » tourne à plein :\n"
        "• 14 bénévoles inscrits ;\n"
        "• 28 foyers aidés (courses, pharmacie, repas) ;\n"
        "• un service étendu depuis lundi aux habitants de Vermelles.\n")
    assert [(actor, codes) for actor, codes, _ in found] == [
        ("Réseau « Entraide de Mazingarbe »", ["62563", "62846"])]


def test_a_head_noun_without_its_determiner_is_a_task_listed_not_a_shop():
    here = Context(town=resolve("Mazingarbe", "62"))
    assert find_actor("• 28 foyers aidés (courses, pharmacie, repas) ;", here) is None
    assert find_actor("La pharmacie a offert 30 flacons.", here).name == "Pharmacie de Mazingarbe"


def test_a_headline_in_capitals_names_a_topic_and_its_paragraph_names_the_actor():
    found = summary(
        "MAZINGARBE INFOS\n\n"
        "—— ÉCOLE À LA MAISON ——\n\n"
        "L'école Jules-Ferry a prêté 22 tablettes aux familles qui n'avaient pas "
        "d'ordinateur.\n\n"
        "—— COLIS SOLIDAIRES ——\n\n"
        "Le comité des fêtes a livré 60 colis aux aînés du village.\n")
    assert [actor for actor, _, _ in found][:1] == ["école Jules-Ferry"]


def test_a_heading_in_capitals_keeps_its_linking_words_small():
    found = summary(
        "Le bulletin de l'agglomération\n\n"
        "▸ LENS\nPorteur : Les Mains d'or\nBlouses cousues : 400\n\n"
        "▸ AVION et MÉRICOURT\nPorteur : Atelier Mosaïque\nBlouses cousues : 250\n")
    assert [codes for actor, codes, _ in found if "Mosaïque" in actor] == [["62065", "62570"]]


def test_a_post_stamp_with_a_comma_before_its_time_leaves_the_author_s_town():
    (post,) = summary("Les Petites Bobines – Marquise\n12 avril, 08:15 · 🌍\n\n"
                      "Bonjour à tous ! Nous avons cousu 300 blouses cette semaine.")
    assert post[:2] == ("Les Petites Bobines", ["62560"])


def test_a_post_paragraph_in_the_first_person_is_the_author_s_and_thanks_make_none():
    found = summary(
        "Fil Rouge – Lumbres\n3 mai à 18:02 · 🌍\n\n"
        "Nos blouses sont parties cette semaine au foyer-logement de Lumbres et à la "
        "mairie d'Esquerdes, qui les remet elle-même aux aides à domicile. Nous avons "
        "cousu 140 blouses en tout.\n\n"
        "Un grand merci à Odile, qui vient chaque jour de Huby-Saint-Leu, et à la "
        "mercerie d'Aubin-Saint-Vaast, qui nous a donné 20 ans de chutes de tissu.")
    assert [(actor, codes) for actor, codes, _ in found] == [
        ("Fil Rouge", ["62534", "62309"])]


def test_goods_bought_somewhere_or_arriving_from_somewhere_do_not_place_the_action():
    (ini,) = summary(
        "À Ruitz, le club de l'amitié a cousu 600 blouses. Le tissu est acheté au "
        "magasin de tissus de Bruay-la-Buissière et les élastiques arrivent chaque "
        "semaine de Béthune.")
    assert ini[1] == ["62727"]


def test_a_table_asking_who_names_each_row_s_actor_and_its_what_labels_figures():
    found = summary(
        "Le tour de nos villages\n\n"
        "Village | Qui ? | Quoi ? | Bilan\n"
        "--------|-------|-------|------\n"
        "Bouvelinghem | La famille Hochart | Visières imprimées en 3D | 90 visières\n"
        "Zudausques | Comité des fêtes | Appels aux aînés | 45 personnes appelées chaque "
        "semaine\n")
    # (the cell under "Qui ?" is the bearer, named as written without its article)
    assert found == [
        ("Famille Hochart", ["62169"], [(90, "done")]),
        ("Comité des fêtes de Zudausques", ["62905"], [(45, "beneficiaries")])]


def test_a_bare_head_named_earlier_before_its_organisation_is_that_organisation():
    found = summary(
        "LA VOIX DU BÉTHUNOIS\n\n"
        "Les Restos du cœur tiennent bon\n\n"
        "À Béthune, l'antenne béthunoise des Restos du cœur a distribué 900 repas depuis "
        "mars.\n\n"
        "L'antenne compte aujourd'hui vingt bénévoles.\n\n"
        "Jeanne Carpentier\nPublié le 2 mai 2020")
    assert [(actor, figures) for actor, _, figures in found] == [
        ("Restos du cœur de Béthune", [(900, "done"), (20, "volunteers")])]


def test_a_company_in_lowercase_is_cut_before_a_misread_verb():
    actor = find_actor("À Wail, la boulangerie livre ses clients les plus âgés.")
    assert actor is None or "livre" not in actor.name


def test_a_habit_compared_in_a_list_s_introduction_gives_its_figures_no_rate():
    found = summary("Les Blouses du Ternois\n\n"
                    "Voici, comme chaque vendredi, nos chiffres :\n\n"
                    "1) Cette semaine : 230 blouses cousues et remises\n"
                    "2) Couturières : 14")
    assert [figures for _, _, figures in found] == [[(230, "done"), (14, "volunteers")]]


def test_a_proper_word_before_an_organisation_s_head_is_its_name_s():
    assert find_actor("Le Kiwanis club de Lillers a offert 300 repas.").name == \
        "Kiwanis club de Lillers"


def test_places_of_an_example_followed_an_occasional_limit_and_colleagues_compared():
    (ini,) = summary(
        "À Marck, le traiteur Dubus prépare 90 repas par jour pour l'hôpital, en "
        "s'inspirant de l'exemple donné, il y a une semaine, par des cuisiniers de Guînes. "
        "Ses livreurs vont parfois jusqu'à Audruicq. Comme mes collègues maires d'Oye-Plage "
        "et de Coulogne, je salue son engagement.")
    assert ini[1] == ["62548"]


def test_a_service_named_by_where_it_is_given_and_an_intermediary_are_no_actors():
    found = summary(
        "Le mot du maire de Beuvry\n\n"
        "L'école à la maison s'organise : la mairie a imprimé 900 fiches d'exercices. En cas "
        "d'urgence, un élu peut être joint par l'intermédiaire de la gendarmerie.")
    assert [actor.lower() for actor, _, _ in found] == ["mairie de beuvry"]


def test_a_post_title_s_town_and_its_surroundings_and_praise_without_figures():
    found = summary(
        "Les Paniers de l'Aa – Lumbres et environs\n14 mai 2020 · 🌍\n\n"
        "Nous avons livré 75 paniers de légumes cette semaine.\n\n"
        "Bravo à nos amis des Jardins de l'Aa à Esquerdes, qui font un travail formidable !")
    assert [(actor, codes) for actor, codes, _ in found] == [("Les Paniers de l'Aa", ["62534"])]


def test_neighbours_making_similar_choices_are_a_comparison_not_an_initiative():
    found = summary(
        "Le mot du maire de Marck\n\n"
        "La commune a livré 300 colis aux aînés depuis le 20 mars.\n\n"
        "Nos voisins de Calais ont pris des mesures très semblables ; nous échangeons "
        "chaque semaine avec leurs élus.")
    assert [codes for _, codes, _ in found] == [["62548"]]


def test_a_joint_heading_in_capitals_may_join_its_last_towns_with_et():
    found = summary(
        "Sous-préfecture\n\n"
        "— LICQUES\nPorteur : Les Bobines licquoises\nMasques cousus : 700\n\n"
        "— ALEMBON, SANGHEN ET HERMELINGHEN\nPorteur : comité des fêtes d'Alembon\n"
        "Colis livrés : 80\n")
    assert [codes for actor, codes, _ in found if "Alembon" in actor] == [
        ["62020", "62775", "62439"]]


def test_one_heading_naming_two_towns_heads_its_section():
    found = summary("La lettre de l'agglomération\n\n"
                    "▸ AVION et MÉRICOURT\nPorteur : Atelier Mosaïque\nColis remis : 45\n")
    assert [codes for _, codes, _ in found] == [["62065", "62570"]]


def test_a_table_laid_out_with_tabs_reads_as_a_table_and_its_total_is_counted_once():
    found = reading(
        "LE JOURNAL DU PAYS DE LUMBRES\n\n"
        "Blouses lavables : la Communauté de communes du Pays de Lumbres a fait livrer des "
        "blouses aux mairies, qui les remettent aux aides à domicile.\n\n"
        "Commune\t\tHabitants\tBlouses livrées\tDate\n"
        "Lumbres\t\t3 626\t\t310\t\t6 mai\n"
        "Bourthes\t\t853\t\t90\t\t7 mai\n"
        "Thiembronne\t\t834\t\t85\t\t7 mai\n"
        "TOTAL\t\t\t\t485\n")
    (ini,) = found.initiatives
    assert [p.code for p in ini.places if p.level == "commune"] == ["62534", "62168", "62812"]
    assert [(q.value, q.kind, q.item) for q in ini.quantities] == \
        [(310, "done", "sur-blouses"), (90, "done", "sur-blouses"), (85, "done", "sur-blouses")]
    reasons = {n.text: n.reason for n in found.numbers if n.status == SET_ASIDE}
    assert reasons["3 626"] == "population" and reasons["6 mai"] == "date"
    assert reasons["485"] == "sum"


def test_a_total_that_is_not_the_sum_of_the_figures_before_counts():
    (ini,) = summary(
        "Atelier couture de Renty\n\n"
        "Lundi : 40 masques cousus. Mardi : 55 masques cousus. Au total, 400 masques "
        "cousus depuis mars.")
    assert ini[2] == [(40, "done"), (55, "done"), (400, "done")]


def test_a_card_s_labelled_lines_are_its_bearer_s_whoever_they_name():
    found = summary(
        "Point de situation de la sous-préfecture\n\n"
        "• Les Bobineuses de Fauquembergues\n"
        " – Lieu : Fauquembergues et Renty\n"
        " – Bilan au 30 avril : 940 masques cousus et remis\n"
        " – Remarque : le fil a été donné par un magasin de Lumbres, sans frais\n"
        " – Perspective : l'équipe voudrait coudre encore 300 masques avant la fin du mois "
        "si le tissu arrive à temps\n\n"
        "• Centre communal d'action sociale (CCAS) de Fruges\n"
        " – Action : courses pour les aînés\n"
        " – Bilan : 70 livraisons\n")
    assert found == [
        ("Les Bobineuses de Fauquembergues", ["62325", "62704"], [(940, "done"), (300, "target")]),
        ("CCAS de Fruges", ["62364"], [(70, "done")])]


def test_a_breadcrumb_is_navigation_and_a_title_s_clause_may_open_on_its_town():
    (ini,) = summary(
        "Accueil > Actualités > Solidarité\n\n"
        "Confinement : Hucqueliers s'organise\n\n"
        "Les élus ont déposé 380 masques dans les boîtes aux lettres du village.")
    assert ini[1:] == (["62463"], [(380, "done")]) and ini[0].endswith(" de Hucqueliers")
    (ini,) = summary(
        "Ville de Marck › Actualités › Solidarité\n\n"
        "Des colis pour les aînés\n\n"
        "Le service a déjà porté 140 colis.")
    assert ini[1] == ["62548"]


def test_an_operation_s_name_and_a_thought_for_friends_are_no_actors():
    assert summary(
        "Les Voisins Solidaires de Licques\n\n"
        "Point sur notre opération « Des courses pour nos aînés » : 85 livraisons de "
        "courses depuis le 20 mars.\n\n"
        "Petite pensée pour l'atelier de Guînes, qui nous a prêté du fil.") == \
        [("Les Voisins Solidaires de Licques", ["62506"], [(85, "done")])]


def test_in_a_one_voice_text_a_paragraph_without_figures_says_where_it_happens():
    (ini,) = summary(
        "Les Paniers d'Ardres – Ardres\n"
        "Publié le 2 mai 2020\n\n"
        "Le principe : vous commandez, un bénévole livre. Nous livrons à Ardres mais aussi "
        "à Licques, dont plusieurs habitants nous ont appelés. Le dépôt se trouve en sortie "
        "de ville, direction Guînes.\n\n"
        "Les chiffres :\n- 96 paniers livrés\n- 14 bénévoles")
    assert ini[1] == ["62038", "62506"]


def test_goods_coming_from_a_charity_do_not_make_it_the_actor_and_the_association_is_the_association():
    found = summary(
        "AIRE-SUR-LA-LYS\n\n"
        "Les colis du Secours populaire d'Aire-sur-la-Lys\n\n"
        "Le Secours populaire d'Aire-sur-la-Lys a remis 260 colis depuis le 1er avril.\n\n"
        "Les denrées viennent pour l'essentiel de la Banque alimentaire. La supérette de "
        "la place a également offert 80 kilos de légumes.\n\n"
        "Pour tenir, l'association compte sur 27 bénévoles.")
    assert [(a, q) for a, _, q in found] == [
        ("Secours populaire d'Aire-sur-la-Lys", [(260, "done"), (27, "volunteers")]),
        ("Supérette de la place d'Aire-sur-la-Lys", [(80, "done")])]


def test_a_lead_summing_up_the_story_is_the_story_of_the_actor_it_names_later():
    found = summary(
        "Les doigts de fée de Samer\n\n"
        "Depuis trois semaines, une vingtaine de bénévoles cousent des masques pour les "
        "habitants de Samer et de Desvres. Près de 2 400 masques sont déjà sortis.\n\n"
        "Ils se sont réunis au sein du collectif des Fils d'Argent, créé par deux "
        "voisines. Au total, le collectif a cousu 2 400 masques, remis gratuitement.")
    assert found == [("collectif des Fils d'Argent", ["62773", "62268"],
                      [(20, "volunteers"), (2400, "done"), (2, "volunteers")])]


def test_the_week_s_figure_beside_the_running_total_is_shown_apart():
    found = reading(
        "Les Mains Vertes de Marquise\n\n"
        "🧺 58 paniers livrés cette semaine\n"
        "🧺 depuis le 20 mars, on en est à 640 paniers !\n\n"
        "L'atelier a cousu 300 masques la semaine dernière et 120 l'autre semaine.")
    (ini,) = found.initiatives
    assert [(q.value, q.kind) for q in ini.quantities] == \
        [(58, "per_week"), (640, "done"), (300, "done"), (120, "done")]
    note = next(n for n in found.numbers if n.text == "58")
    assert "cumul" in note.reason and "cette semaine" in note.reason


def test_a_sentence_turning_to_another_party_starts_its_own_story():
    found = summary(
        "Solidarité à Isbergues\n\n"
        "Le club de judo d'Isbergues a livré 140 paniers aux aînés. De son côté, la "
        "chorale Cantabile a cousu 320 masques, remis aux sapeurs-pompiers du centre de "
        "secours de Lillers.")
    assert [(a, q) for a, _, q in found] == [
        ("Club de judo d'Isbergues", [(140, "done")]),
        ("Chorale Cantabile", [(320, "done")])]
    # (Lillers receives: reached by the choir, after its town)
    assert [places for _, places, _ in found] == [["62473"], ["62473", "62516"]]


def test_a_venue_named_after_a_saint_is_no_place_and_an_employer_is_no_actor():
    found = summary(
        "Courrier du maire de Licques\n\n"
        "Chaque mardi, les bénévoles de l'épicerie solidaire distribuent 30 colis, salle "
        "Saint-Paul à Licques.\n\n"
        "Martine, ancienne salariée de la biscuiterie, et ses voisines du collectif "
        "Les Aiguilles licquoises ont cousu 280 masques. La coordination se fait sur une "
        "messagerie de groupe.")
    assert [p for _, places, _ in found for p in places] == ["62506", "62506"]
    assert [a for a, _, _ in found][1].startswith("Les Aiguilles")


def test_a_bare_head_is_the_organisation_it_introduced_by_name():
    (ini,) = summary(
        "Audruicq – Solidarité\n\n"
        "Le collectif a déjà cousu 900 masques.\n\n"
        "Une vingtaine de couturières ont rejoint le collectif Les Petits Points, créé en "
        "mars. Elles visent 1 500 masques.")
    assert ini == ("Les Petits Points", ["62057"], [(900, "done"), (20, "volunteers"),
                                                   (1500, "target")])


def test_a_summary_table_names_its_rows_by_action_and_bearer():
    # its header holds a date and sits over the rule; a row goes on over two lines; a
    # row's bearer in brackets is the social centre of the paragraph above
    found = summary(
        "TERNOIS SOLIDAIRE – Lettre de la Communauté de communes du Ternois\n\n"
        "Le CIAS porte des repas chauds aux aînés d'Anvin, d'Aumerval et de Bergueneuse.\n\n"
        "L'association Boffles Entraide fait les courses des familles isolées.\n\n"
        "Action                  | Fait au 15/05        | Objectif / besoin\n"
        "------------------------|----------------------|-------------------\n"
        "Repas à domicile (CIAS) | 52 repas par jour    | —\n"
        "                        | 34 bénéficiaires     |\n"
        "Courses (Boffles Entraide) | 17 familles aidées | 6 bénévoles recherchés\n"
        "Visières imprimées      | 700 visières         | 1 000 visières\n")
    by_actor = {a: (places, q) for a, places, q in found}
    cias = next(a for a in by_actor if a.startswith("CIAS"))
    assert by_actor[cias] == (["62036", "62058", "62109"],
                              [(52, "per_day"), (34, "beneficiaries")])
    assert by_actor["Boffles Entraide"][1] == [(17, "beneficiaries"), (6, "needed")]
    assert [q for a, _, q in found if a.startswith("Communauté")] == [
        [(700, "done"), (1000, "target")]]


def test_a_timetable_s_towns_after_a_colon_tell_where_the_story_happens():
    found = summary(
        "Communauté de communes du Ternois – Infos\n\n"
        "La Communauté de communes du Ternois a reçu 8 000 masques lavables pour ses "
        "habitants.\n\n"
        "Les permanences de retrait :\n\n"
        "| Lieu | Jour | Heures |\n"
        "|---|---|---|\n"
        "| Anvin – salle des fêtes | lundi 11 mai | 9h – 12h |\n"
        "| Boffles – mairie | mardi 12 mai | 14h – 17h |\n\n"
        "À Aumerval, le club de l'amitié a cousu 150 masques.\n")
    assert [(a, places[:2]) for a, places, _ in found] == [
        ("Communauté de communes du Ternois", ["62036", "62143"]),
        ("Club de l'amitié d'Aumerval", ["62058"])]


def test_a_thought_a_trip_s_destinations_and_a_byline():
    found = summary(
        "Les colis roulent vers les villages\n\n"
        "L'association Les Paniers de Saint-Pol a livré 230 colis depuis avril. Chaque "
        "vendredi, la camionnette part tôt. Direction Averdoingt, Beauvois ou Bonnières.\n\n"
        "« Je pense aussi aux infirmières de l'hôpital d'Arras », glisse la présidente.\n\n"
        "Paul DURAND")
    assert [a for a, _, _ in found] == ["Les Paniers de Saint-Pol"]
    assert {"62061", "62101", "62154"} <= set(found[0][1]) and "62041" not in found[0][1]


def test_a_call_framed_by_marks_heads_the_list_of_needs_under_it():
    (ini,) = summary(
        "Les Fils d'Anvin\n\n"
        "On a cousu 640 masques pour les habitants d'Anvin.\n\n"
        "Merci à toutes !\n\n"
        "⚠️ ON A BESOIN DE VOUS ⚠️\n\n"
        "👉 4 personnes pour couper le tissu le samedi\n\n"
        "👉 du fil blanc\n")
    assert ini[0] == "Les Fils d'Anvin"   # the call is no name
    assert ini[2] == [(640, "done"), (4, "needed")]


def test_a_proper_name_after_its_head_is_the_name_its_demonym_included():
    assert find_actor("Le club Les Doigts Agiles a cousu 300 masques.").name == \
        "Club Les Doigts Agiles"
    assert find_actor("Le collectif Les Fées boulonnaises a livré 40 colis.").name == \
        "Les Fées boulonnaises"
    # an adverb after the name is none of it
    assert find_actor("Le collectif Fil Rouge parfois livre 30 colis.").name == "Fil Rouge"


def test_towns_coordinated_after_a_passing_one_examples_and_alike_elsewhere_pass():
    (ini,) = summary(
        "Les Couturières de Samer\n\n"
        "Les Couturières de Samer ont cousu 700 masques pour les habitants de Samer. "
        "Certaines viennent de Carly, de Frencq et même de Lefaux pour aider. « On n'a pas "
        "les moyens d'une grande ville comme Étaples », sourit la présidente. Une collecte "
        "similaire a été menée à Camiers, et l'idée s'est inspirée d'un atelier de "
        "Neufchâtel-Hardelot.")
    assert ini[1] == ["62773"]


def test_receivers_listed_together_stay_where_help_arrives():
    (ini,) = summary(
        "Samer solidaire\n\n"
        "L'atelier de la Liane a remis 400 visières aux infirmières et aux pharmacies de "
        "Samer, de Carly et de Wierre-au-Bois.")
    assert set(ini[1]) == {"62773", "62214", "62888"}


def test_a_life_a_usual_trade_a_report_a_road_and_the_same_choice_name_no_place():
    (ini,) = summary(
        "Camiers s'organise\n\n"
        "La menuiserie Duval Bois, de Camiers, a fabriqué 500 visières pour les soignants "
        "de Camiers. Son gérant, qui a grandi à Samer, intervient habituellement sur des "
        "chantiers jusqu'à Étaples. L'atelier, sur la route qui file vers Frencq, a vu un "
        "reportage sur des makers de Carly. Nos voisins de Neufchâtel-Hardelot ont fait le "
        "même choix, comme cela s'est fait à Wierre-au-Bois.")
    assert ini[1] == ["62201"]


def test_a_card_opened_by_its_bearer_keeps_its_labelled_lines():
    found = summary(
        "HAUT PAYS – LA LETTRE\n\n"
        "> Des repas pour les aînés\n"
        "Porteur : association Bourthes Partage\n"
        "Zone desservie : Bourthes, Preures et Zoteux\n"
        "Réalisé : 260 repas, portés aux aînés de Bourthes, de Preures et de "
        "Zoteux qui ne peuvent plus cuisiner\n\n"
        "> Des flacons de gel\n"
        "Porteur : pharmacie d'Alette\n"
        "Réalisé : 140 flacons\n")
    assert [(a, set(places), q) for a, places, q in found] == [
        ("Association Bourthes Partage", {"62168", "62670", "62903"}, [(260, "done")]),
        ("Pharmacie d'Alette", {"62021"}, [(140, "done")])]


def test_a_post_s_long_name_its_answers_to_where_and_its_thoughts():
    (ini,) = summary(
        "Les Doigts Agiles du Haut Pays d'Hucqueliers\n"
        "3 mai 2020 · 🌍\n\n"
        "ON A PASSÉ LES 900 MASQUES !!! Merci à toutes, et à Martine qui vient chaque "
        "matin de Lebiez pour découper, et aux habitantes d'Enquin-sur-Baillons venues "
        "prêter main-forte.\n\n"
        "On a lancé le groupe fin mars, dans le salon de Josiane, avec trois machines.\n\n"
        "Le tissu vient de nos armoires et des dons des voisins, merci à eux.\n\n"
        "📦 Où sont partis vos masques ?\n"
        "👉 aux aides à domicile de Hucqueliers\n"
        "👉 à la mairie de Parenty pour ses agents\n\n"
        "J'ai une pensée pour ceux qui sont hospitalisés à Boulogne-sur-Mer. Notre trésorier, "
        "ancien infirmier à Maninghem, tient les comptes.")
    assert ini[0] == "Les Doigts Agiles du Haut Pays d'Hucqueliers"
    assert set(ini[1]) == {"62463", "62648"} and ini[2] == [(900, "done")]


def test_a_table_row_s_name_keeps_its_town_once():
    found = summary(
        "Bilan des associations\n\n"
        "| Commune | Association | Repas |\n"
        "|---|---|---|\n"
        "| Beussent | Beussent Solidaire | 410 |\n"
        "| Parenty | Club des aînés | 95 |\n")
    assert [a for a, _, _ in found] == ["Beussent Solidaire", "Club des aînés de Parenty"]


def test_two_tables_each_read_under_its_own_header():
    found = summary(
        "LA LETTRE DU TERNOIS – Communauté de communes du Ternois\n\n"
        "Le CIAS porte des repas chauds aux aînés d'Anvin.\n\n"
        "Action                  | Fait au 15/05        | Objectif / besoin\n"
        "------------------------|----------------------|-------------------\n"
        "Repas à domicile (CIAS) | 52 repas par jour    | —\n"
        "Visières imprimées      | 700 visières         | 1 000 visières\n\n"
        "Les 8 000 masques de la Communauté de communes sont remis aux habitants :\n\n"
        "| Lieu | Jour | Heures |\n"
        "|---|---|---|\n"
        "| Anvin – salle des fêtes | lundi 11 mai | 9h – 12h |\n"
        "| Boffles – mairie | mardi 12 mai | 14h – 17h |\n")
    assert [(a.split(" (")[0], q) for a, _, q in found] == [
        ("CIAS", [(52, "per_day")]),
        ("Communauté de communes du Ternois", [(700, "done"), (1000, "target"), (8000, "done")])]


def test_labelled_lines_under_a_story_are_its_fields():
    found = summary(
        "COMMUNAUTÉ DE COMMUNES DU HAUT PAYS DU MONTREUILLOIS\n"
        "La lettre – juin 2020\n\n"
        "3. COURSES À DOMICILE\n\n"
        "Le service intercommunal d'aide à domicile a ouvert une tournée de courses.\n"
        "Villages livrés : Bimont, Enquin-sur-Baillons, Preures\n"
        "Foyers servis : 64 foyers\n"
        "Courses portées : 310 livraisons\n\n"
        "4. DES MASQUES POUR LES ÉCOLES\n\n"
        "L'association Ergny Couture a cousu 350 masques pour les écoliers d'Ergny.\n")
    assert [(a, set(p), q) for a, p, q in found][0] == (
        "service intercommunal d'aide à domicile", {"62134", "62296", "62670"},
        [(64, "beneficiaries"), (310, "done")])


def test_a_form_s_rows_stay_apart_and_a_label_over_a_list_keeps_the_card():
    text = (
        "COMMUNAUTÉ DE COMMUNES DES CAMPAGNES DE L'ARTOIS\n"
        "Nos villages solidaires\n\n"
        "FICHE A\n"
        "Qui : association Saulty Entraide\n"
        "Où : Saulty, Coullemont, Humbercamps\n"
        "En chiffres :\n"
        "  • 420 masques livrés\n"
        "  • objectif : 600 masques avant juillet\n"
        "Besoin : 3 couturières de plus\n"
        "Le mot de la présidente : « Nous remercions toutes celles qui ont donné du tissu, "
        "des élastiques et du fil, et les commerçants du bourg qui ont fait passer le mot. »\n")
    body = release_from_text(text).body
    assert "Où : Saulty, Coullemont, Humbercamps\n\nEn chiffres :" in body
    assert "Besoin : 3 couturières de plus\n\nLe mot de la présidente" in body
    assert [(a, set(p), q) for a, p, q in summary(text)] == [
        ("Association Saulty Entraide", {"62784", "62243", "62465"},
         [(420, "done"), (600, "target"), (3, "needed")])]


def test_an_inspiration_a_supply_s_origin_a_transit_and_a_trip_s_start_name_no_place():
    (ini,) = summary(
        "Ergny solidaire\n\n"
        "L'association Ergny Partage a cousu 800 masques pour les habitants d'Ergny. "
        "On s'est inspirés de ce qu'avait fait Maninghem au début. Le tissu provenait "
        "d'une mercerie de Frévent. Les élastiques transiteront par le dépôt de Wicquinghem. "
        "Merci à Odile, qui fait le trajet depuis Herly chaque matin, et à Marc, qui fait "
        "la route tous les jours depuis Preures.")
    assert ini[0].endswith("Ergny Partage") and ini[1] == ["62302"]


def test_an_organisation_s_name_ends_with_its_line():
    found = summary(
        "Nouvelles de Bimont\n\n"
        "► Courses et pharmacie\n"
        "Les élus de la Mairie de Bimont ont effectué 75 livraisons de courses et de "
        "médicaments chez les aînés du village depuis le début du confinement.\n\n"
        "► Masques\n"
        "Les couturières du village ont cousu 200 masques, remis à chaque foyer par les "
        "élus lors d'une tournée organisée le samedi matin.\n")
    assert all("\n" not in a and not a.startswith("Pharmacie") for a, _, _ in found)


def test_a_card_s_line_of_figures_split_by_dashes_is_no_headline():
    found = summary(
        "COMMUNAUTÉ DE COMMUNES DES CAMPAGNES DE L'ARTOIS\n"
        "Nos villages solidaires\n\n"
        "FICHE 1\n"
        "Qui : Mairie de Wanquetin\n"
        "Quoi : courses portées aux aînés\n"
        "En chiffres : 41 foyers aidés – 7 bénévoles mobilisés – 260 livraisons effectuées\n"
        "Besoin : 2 chauffeurs pour juillet\n\n"
        "FICHE 2\n"
        "Qui : Club des aînés de Fosseux\n"
        "Quoi : appels aux personnes seules\n"
        "En chiffres : 90 appels passés – 12 bénévoles\n")
    assert [(a, q) for a, _, q in found] == [
        ("Mairie de Wanquetin", [(41, "beneficiaries"), (7, "volunteers"), (260, "done"),
                                 (2, "needed")]),
        ("Club des aînés de Fosseux", [(90, "done"), (12, "volunteers")])]


def test_a_title_over_a_story_is_the_story_s_even_after_a_list_or_an_exclamation():
    found = summary(
        "Commune de Bimont – actualités\n\n"
        "La mairie a commandé 900 masques pour les habitants de Bimont. Ils seront "
        "remis en trois lieux, dans le courant du mois de mai :\n"
        "- la salle des fêtes ;\n"
        "- l'école ;\n"
        "- la mairie.\n\n"
        "Nos cuisinières : déjà 420 repas !\n\n"
        "Sous l'impulsion de Josette, l'association Bimont Gourmand a servi 420 repas "
        "chauds aux aînés du village depuis la fin du mois de mars, livrés chaque midi.\n\n"
        "-------------------------------\n"
        "2. LES JARDINIERS : OBJECTIF 300 PLANTS\n"
        "-------------------------------\n"
        "Le club des jardiniers de Bimont a déjà repiqué 150 plants de légumes et vise "
        "300 plants pour les familles qui en ont fait la demande d'ici la fin de mai.\n")
    counts = {a.removeprefix("Association "): q for a, _, q in found}
    assert counts["Bimont Gourmand"] == [(420, "done")]  # the title's, the story's: one
    assert sorted(v for v, k in counts["Club des jardiniers de Bimont"] if k == "target") \
        == [300]
    assert all(420 not in [v for v, _ in q] for a, q in counts.items()
               if a != "Bimont Gourmand")


def test_a_marked_line_ending_with_a_colon_introduces_its_list():
    found = summary(
        "Les Paniers de Preures\n\n"
        "Depuis avril, nous avons livré 230 paniers aux familles de Preures.\n\n"
        "Un grand merci aux 11 bénévoles qui préparent les paniers chaque semaine.\n\n"
        "📣 NOUS AVONS BESOIN DE :\n"
        "➡️ 3 chauffeurs avec voiture pour le jeudi\n"
        "➡️ des conserves et du riz\n\n"
        "📦 Et les paniers : 60 familles de Preures sont aidées grâce à vous.\n")
    assert (3, "needed") in found[0][2] and (3, "done") not in found[0][2]
    assert any((60, "beneficiaries") in q for _, _, q in found)  # another mark, another topic


def test_another_s_action_of_the_kind_and_a_purchase_s_shop_name_no_place():
    found = summary(
        "Commune de Bimont – actualités\n\n"
        "Les couturières bénévoles de Bimont ont cousu 640 masques pour les écoliers du "
        "village.\n\n"
        "Nos voisins d'Ergny ont monté un atelier semblable : merci à eux pour les patrons "
        "partagés !\n\n"
        "Le tissu a été acheté grâce à une cagnotte dans une mercerie de Maninghem.\n")
    assert [p for _, p, _ in found] == [["62134"]]


def test_an_exclaimed_sentence_of_a_post_stays_its_author_s():
    found = summary(
        "Les Cuistots de Herly 🍲\n"
        "4 mai 2020\n\n"
        "Ça y est, LE CAP DES 900 REPAS EST FRANCHI !!! 🎉\n\n"
        "Quand on a commencé avec Paul et Mireille, on n'imaginait pas en arriver là. "
        "Aujourd'hui on est 14 à cuisiner chacun chez soi pour les aînés du village.\n")
    assert (900, "done") in dict((a, q) for a, _, q in found)["Les Cuistots de Herly"]


def test_a_described_name_ends_with_its_line():
    actor = find_actor("2. Ergny : un collectif de voisins très actif\n\n"
                       "Créé fin mars, le collectif « Les Mains d'Ergny » a cousu 300 masques.")
    assert actor is not None and actor.name != "Créé"


def test_a_heading_in_capitals_stands_alone_over_its_sentence():
    text = ("Le Club de Fosseux\n\n"
            "Voici ce que nos joueurs et dirigeants font depuis le début du confinement.\n\n"
            "🛒 LES COURSES POUR NOS ANCIENS\n"
            "12 licenciés se relaient pour faire les courses des personnes âgées.\n")
    assert "ANCIENS\n\n12 licenciés" in release_from_text(text).body
    assert any((12, "volunteers") in q for _, _, q in summary(text))


def test_a_card_s_labelled_rows_stay_rows_and_its_towns_are_reached():
    text = (
        "LETTRE DU CANTON – Édition de mai\n\n"
        "► LA BRIGADE DES AIGUILLES\n\n"
        "Qui : la brigade des aiguilles, 22 bénévoles\n"
        "Réalisé : 3 100 masques\n"
        "Livraison : Fauquembergues, Heuchin et Pernes\n\n"
        "Les bénévoles se retrouvent chaque après-midi dans la salle des fêtes, où une "
        "machine prêtée par un ancien atelier tourne sans relâche depuis trois semaines.\n\n"
        "► LES COURSES DU MARDI\n\n"
        "Qui : le club des aînés de Frévent\n"
        "Rythme : 35 livraisons par semaine\n"
        "Tournée : Frévent et Boubers-sur-Canche\n\n"
        "Les commandes sont prises par téléphone le lundi, puis livrées le lendemain "
        "par les membres du club avec leurs propres voitures.")
    cards = summary(text)
    assert cards[0][1] == ["62325", "62451", "62652"]
    assert cards[0][2] == [(22, "volunteers"), (3100, "done")]
    assert cards[1][1:] == (["62361", "62158"], [(35, "per_week")])


def test_a_paper_s_edition_line_is_no_actor_and_the_lead_under_the_title_is_the_story_s():
    found = summary(
        "L'ÉCHO DU LITTORAL\n"
        "Édition Boulonnais – Montreuillois\n\n"
        "DESVRES\n\n"
        "Chez les Fils d'Argent, les machines à coudre ne s'arrêtent plus\n\n"
        "Une trentaine de passionnés de couture cousent des blouses pour l'hôpital.\n\n"
        "Par Léa Martel\n\n"
        "Dans la salle paroissiale, l'association les Fils d'Argent a déjà livré 420 "
        "blouses. « On est une trentaine, et la commune nous chauffe la salle », dit sa "
        "présidente.")
    assert [actor for actor, _, _ in found] == ["Fils d'Argent"]
    # (the lead's figure, said again in the story, counts once)
    assert found[0][1:] == (["62268"], [(30, "volunteers"), (420, "done")])


def test_a_road_s_two_ends_a_border_and_a_pupil_s_school_name_no_place():
    found = summary(
        "Wimille : la tournée du marché\n\n"
        "Sur la route de Marquise à Wimereux, la tournée de l'épicier ambulant Hugo "
        "Leclercq, jeune Wimillois de 19 ans, étudiant à l'IUT de Saint-Martin-Boulogne, "
        "dessert les hameaux de Wimille jusqu'à la limite de Wimereux. Il a déjà livré 240 "
        "paniers.")
    assert [codes for _, codes, _ in found] == [["62894"]]


def test_a_line_marked_apart_from_the_list_above_leaves_its_introducing_line():
    found = summary(
        "Le Panier de Lumbres\n\n"
        "Nous sommes 14 bénévoles, et voici ce que nous avons fait :\n\n"
        "✔️ 380 colis livrés aux familles\n\n"
        "✔️ 95 appels aux aînés isolés\n\n"
        "🎯 Pour les colis, notre but est d'arriver à 500 avant l'été.")
    assert found[0][2] == [(14, "volunteers"), (380, "done"), (95, "done"), (500, "target")]


def test_a_town_s_municipality_named_as_actor_is_a_local_council():
    (ini,) = reading(
        "► DES MASQUES POUR TOUS\n\n"
        "Porteur : Municipalité d'Isbergues\n"
        "Réalisé : 6 000 masques distribués\n\n"
        "Les agents ont glissé les masques dans chaque boîte aux lettres.").initiatives
    assert (ini.actor, ini.actor_type) == ("Municipalité d'Isbergues", "collectivité")


def test_a_welfare_office_spelled_out_with_its_town_after_the_acronym_is_that_town_s():
    assert find_actor(
        "Sur le modèle d'une idée née à Ardres, le centre communal d'action sociale (CCAS) "
        "d'Audruicq porte les courses des aînés.", Context()).name == "CCAS d'Audruicq"


def test_a_headline_opening_with_an_indefinite_article_names_a_kind_not_the_actor():
    found = summary(
        "Bulletin de la préfecture\n\n"
        "Une épicerie solidaire sur le pont\n\n"
        "À Outreau, l'épicerie solidaire « La Corbeille » a remis 260 colis aux familles.\n\n"
        "Un atelier de couture à Samer\n\n"
        "À Samer, l'association les Doigts de Fée a déjà cousu 1 300 masques pour les "
        "habitants.")
    assert [actor for actor, _, _ in found] == [
        "Épicerie solidaire « La Corbeille »", "Doigts de Fée"]
    assert [codes for _, codes, _ in found] == [["62643"], ["62773"]]
    grocery = reading("À Outreau, l'épicerie solidaire « La Corbeille » a remis 260 colis "
                      "aux familles.").initiatives[0]
    assert grocery.actor_type == "association"   # a social grocery is a charity's


def test_a_sports_club_named_by_its_initials_and_town_is_an_actor():
    actor = find_actor("Les seniors de l'US Wimille ont livré les courses de 25 aînés.",
                       Context())
    assert (actor.name, actor.type) == ("US Wimille", "association")


@pytest.mark.parametrize("headline", ["Un renfort venu de la ferme", "RENFORT DE LA FERME"])
def test_the_actor_of_a_paragraph_under_a_topic_headline_keeps_its_own_places(headline):
    found = summary(
        "Lettre de la communauté de communes\n\n"
        f"{headline}\n\n"
        "Le coup de main est venu de Verton. Marc Lefort, éleveur installé dans le village, "
        "a offert 300 litres de lait à l'épicerie.\n\n"
        "Des repas pour les soignants\n\n"
        "À Berck, le restaurant La Marée a livré 450 repas aux soignants.")
    assert found[0][:2] == ("Marc Lefort", ["62849"])


def test_a_table_s_short_town_rows_and_its_total_row_in_pipes():
    found = reading(
        "La Lettre du canton d'Hucqueliers\n\n"
        "Des colis pour les aînés : la communauté de communes a fait porter des colis aux "
        "aînés par les mairies. Bilan au 12 mai :\n\n"
        "Commune          | Colis remis | Aînés inscrits\n"
        "-----------------|-------------|---------------\n"
        "Hucqueliers      | 205         | 212\n"
        "Ergny            | 47          | 48\n"
        "Bimont           | 30          | 31\n"
        "TOTAL            | 282         | 291\n\n"
        "Les dernières communes seront servies la semaine prochaine par les élus.")
    (ini,) = found.initiatives
    assert [p.code for p in ini.places if p.level == "commune"] == ["62463", "62302", "62134"]
    assert [(q.value, q.kind) for q in ini.quantities if q.item == "colis"] == \
        [(205, "done"), (47, "done"), (30, "done")]
    assert {n.text: n.reason for n in found.numbers}["282"] == "sum"


def test_a_price_denied_in_a_post_s_paragraph_leaves_its_places_to_the_author():
    (ini,) = summary(
        "Les Petites Mains de Parenty\n"
        "Publié le 2 mai à 18:40 · 🌍\n\n"
        "Encore 300 masques cousus cette semaine, merci à toutes ! 💪\n\n"
        "Ils sont donnés aux habitants de Parenty, d'Alette et d'Enquin-sur-Baillons 🏡 "
        "Non, on ne les vend pas 3 €, c'est gratuit !")
    assert ini[1] == ["62648", "62021", "62296"]


def test_a_bulletin_s_masthead_with_a_number_in_digits_names_its_intercommunality():
    (ini,) = summary(
        "TERRE DES 2 CAPS MAGAZINE\n"
        "Numéro spécial – avril 2020\n\n"
        "La Communauté de communes a acheté 9 000 blouses lavables pour les aides à "
        "domicile du territoire. Nous recherchons encore 12 bénévoles pour les remettre.")
    assert ini[0] == "Communauté de communes de la Terre des Deux Caps"
    assert ini[2] == [(9000, "done"), (12, "needed")]


def test_two_places_coordinated_by_comme_are_both_reached():
    (ini,) = summary(
        "La boulangerie Delattre porte le pain aux aînés, à Ardres comme à Audruicq, "
        "depuis le 20 mars : déjà 640 livraisons.")
    assert ini[1] == ["62038", "62057"]


def test_a_street_named_after_a_person_names_no_actor():
    found = summary(
        "Les Fileuses de Condette\n"
        "2 mai · 🌍\n\n"
        "Déjà 1 100 masques cousus ! 😷\n\n"
        "Ils sont donnés aux habitants de Condette et de Neufchâtel-Hardelot.\n\n"
        "📍 Dépôt des dons : 8 rue Victor Hugo à Condette, le samedi matin.")
    assert [actor for actor, _, _ in found] == ["Les Fileuses de Condette"]
    assert found[0][1] == ["62235", "62604"]


def test_the_nearest_shop_s_town_is_a_reference_point_and_no_actor():
    found = summary(
        "Les Amis de Bimont\n\n"
        "Depuis le 18 mars, nos bénévoles ont fait 85 courses pour les aînés de Bimont. "
        "La pharmacie la plus proche étant à Hucqueliers, ils font le trajet deux fois "
        "par semaine.")
    assert [(actor, codes) for actor, codes, _ in found] == [("Les Amis de Bimont", ["62134"])]


def test_a_supplier_s_trade_in_apposition_and_supplies_fetched_name_no_place():
    ini, *_ = summary(
        "L'Entraide de Verton\n"
        "3 mai · 🌍\n\n"
        "Cette semaine, 64 colis livrés aux familles de Verton ! 📦\n\n"
        "Les conserves, on va les chercher chaque jeudi à Berck, au dépôt.\n\n"
        "Les légumes, c'est Paulette, maraîchère à Rang-du-Fliers, qui nous les laisse.")
    assert ini[:2] == ("L'Entraide de Verton", ["62849"])


def test_a_table_row_naming_several_towns_then_its_bearer_gives_the_bearer():
    found = summary(
        "La Lettre du Pays de Fruges\n\n"
        "Les actions recensées au 5 mai :\n\n"
        "Communes                 | Porteur                       | Bilan\n"
        "-------------------------|-------------------------------|----------------------\n"
        "Ergny, Bimont            | Ferme des Trois Tilleuls      | 75 colis livrés\n"
        "Alette, Parenty          | Club des aînés Les Glycines   | 140 appels passés\n\n"
        "Merci à toutes et à tous pour cet élan de solidarité.")
    assert [codes for _, codes, _ in found] == [["62302", "62134"], ["62021", "62648"]]
    # (the bearer's whole name, the seat perhaps after it)
    assert found[0][0].startswith("Ferme des Trois Tilleuls")
    assert found[1][0].startswith("Club des aînés Les Glycines")


def test_a_heading_naming_towns_then_a_bearer_heads_its_item():
    found = summary(
        "LA LETTRE DU CANTON\n\n"
        "EN DÉTAIL\n\n"
        "● Ergny et Bimont – Les Paniers du Val\n\n"
        "La ferme livre 90 colis de légumes par semaine dans les deux villages, le mardi "
        "et le vendredi, devant chaque mairie.\n\n"
        "● Alette – Des masques pour tous\n\n"
        "La mairie a distribué 380 masques aux habitants d'Alette, dans chaque boîte aux "
        "lettres du village.\n\n"
        "● Parenty – Club des aînés Les Glycines\n\n"
        "Les bénévoles du club ont appelé 45 personnes seules de Parenty, chaque semaine, "
        "pour prendre de leurs nouvelles et rompre la solitude.")
    assert [(actor, codes) for actor, codes, _ in found] == [
        ("Les Paniers du Val", ["62302", "62134"]),
        ("Mairie d'Alette", ["62021"]),   # "la mairie" under its town's heading
        ("Club des aînés Les Glycines de Parenty", ["62648"])]


def test_a_sentence_with_a_figure_opening_with_edition_is_no_edition_line():
    from initiatives.extract import split_blocks
    blocks = split_blocks("Les Bobines de Samer\n\n"
                          "Édition limitée de 300 masques brodés et déjà remis aux aînés")
    assert [b.role for b in blocks] == ["content", "content"]   # no paper's edition line


def test_a_person_after_a_place_noun_and_another_word_is_still_an_actor():
    # ("place avec" is no street named after her)
    actor = find_actor("Chaque samedi sur la place avec Marie Lefort, les voisins ont remis "
                       "200 masques.", Context())
    assert actor is not None and actor.name == "Marie Lefort"


def test_a_town_s_heading_with_a_digit_inside_a_word_still_opens_that_town_s_section():
    # ("en 3D" is no figure: the line is a heading, not a list's line of data)
    found = summary(
        "Covid-19 : des initiatives dans le Haut-Pays\n\n"
        "▪ Fruges – des masques en tissu pour tous\n\n"
        "Les couturières du centre social, réunies chaque jour dans la grande salle, ont "
        "déjà cousu 700 masques pour les habitants.\n\n"
        "▪ Lumbres – des visières imprimées en 3D\n\n"
        "Au collège Albert Camus, les professeurs ont mis en commun les imprimantes de "
        "l'établissement et fabriqué 310 visières pour les soignants.")
    assert [codes for _, codes, _ in found] == [["62364"], ["62534"]]


def test_a_position_between_two_towns_names_neither():
    (ini,) = summary(
        "Installée à Fruges, à mi-chemin entre Aire-sur-la-Lys et Montreuil-sur-Mer, la "
        "menuiserie Caron a découpé 500 visières pour les infirmiers du canton.")
    assert ini[1] == ["62364"]


def test_a_town_s_heading_naming_its_bearer_by_name_gives_the_item_its_actor():
    found = summary(
        "Covid-19 : la solidarité dans le Ternois\n\n"
        "1. Verchin : le club « Points et Boutons » en action\n"
        "Une douzaine de couturières du club se retrouvent chez elles. Déjà 450 masques "
        "cousus pour les habitants de Verchin.\n\n"
        "2. Tincques : personne n'est oublié\n"
        "La mairie a appelé 120 personnes âgées du village.")
    assert [(actor, codes) for actor, codes, _ in found] == [
        ("Club « Points et Boutons »", ["62843"]), ("Mairie de Tincques", ["62820"])]


@pytest.mark.parametrize(("sentence", "name"), [
    ("Installés à Marck depuis 1950, les Ateliers Dufour, spécialisés dans les bâches, ont "
     "cousu 2 000 blouses.", "Ateliers Dufour"),
    ("La Maison Lenoir, traiteur, a offert 300 repas aux soignants.", "Maison Lenoir"),
    ("Les Établissements Delattre et Fils ont donné 300 blouses.",
     "Établissements Delattre et Fils"),
])
def test_a_firm_named_by_a_house_word_and_a_family_name_is_a_company(sentence, name):
    actor = find_actor(sentence, Context())
    assert actor is not None and (actor.name, actor.type) == (name, "entreprise")


def test_an_institution_named_by_maison_and_a_complement_is_no_firm():
    actor = find_actor("La Maison Départementale des Solidarités a distribué 30 colis.",
                       Context())
    assert actor is None or actor.type != "entreprise"


def test_a_town_people_go_to_for_their_shopping_is_not_reached():
    found = summary(
        "SAVY-BERLETTE\nLettre du maire – avril 2020\n\nChers habitants,\n\n"
        "La mairie a distribué 640 masques dans toutes les boîtes aux lettres du village.\n\n"
        "Je sais que certains d'entre vous vont à Aubigny-en-Artois pour faire leurs "
        "courses. Les déplacements doivent rester limités.")
    assert [codes for _, codes, _ in found] == [["62785"]]


def test_a_post_s_pictograph_line_naming_towns_amid_its_figures_says_where_they_went():
    found = summary(
        "Les Petites Mains de Wimille\n"
        "2 mai · 🌍\n\n"
        "Le point sur notre opération masques !\n\n"
        "🧶 800 masques cousus depuis le 25 mars\n"
        "🚚 Des masques livrés à Wimille, Pittefaux et Maninghen-Henne\n"
        "🎯 Objectif : 1 500 masques\n\n"
        "Merci à tous ❤️")
    assert found == [("Les Petites Mains de Wimille", ["62894", "62658", "62546"],
                      [(800, "done"), (1500, "target")])]


def test_a_word_of_kind_between_an_organisation_s_head_and_its_name():
    actor = find_actor("À Carvin, le club informatique Octet Libre a remis 18 ordinateurs "
                       "aux collégiens.", Context())
    assert actor is not None and actor.name == "Club informatique Octet Libre"


def test_help_that_comes_from_a_shop_names_the_shop_as_its_giver():
    actor = find_actor("Un coup de pouce est venu de la boulangerie Vasseur d'Oignies, qui a "
                       "offert 300 baguettes.", Context())
    assert actor is not None and actor.name.startswith("Boulangerie Vasseur")


ARTICLE_OF_TWO_STORIES = (
    "COURRIÈRES\n"
    "Les masques de la solidarité\n"
    "Publié le 4 mai 2020 à 9 h 10\n\n"
    "Depuis le début du confinement, les couturières du quartier des Hirondelles, réunies "
    "autour de l'association Fil Rouge, ont cousu 1 300 masques pour les habitants.\n\n"
    "La pharmacie s'engage\n\n"
    "De son côté, la pharmacie Lemaire de Courrières a fabriqué 80 litres de gel "
    "hydroalcoolique dans son préparatoire, offerts aux aides à domicile de la commune.\n\n"
    "Un ordinateur pour chaque écolier\n\n"
    "Autre initiative : le club informatique Octet Libre récupère de vieux portables, les "
    "remet en état et les prête aux familles. 22 ordinateurs ont déjà été remis.\n\n"
    "« Il en faudrait encore une dizaine », explique le président du club, qui lance un "
    "appel aux entreprises.\n\n"
    "Claire Vanhove")


def test_a_headline_s_bare_head_and_a_later_bare_head_stand_for_the_named_one():
    found = summary(ARTICLE_OF_TWO_STORIES)
    actors = [actor for actor, _, _ in found]
    # "La pharmacie s'engage" over "la pharmacie Lemaire": the named one; "le président
    # du club" is Octet Libre's, no club of the town; the journalist signs, acts not
    assert actors == ["Fil Rouge", "Pharmacie Lemaire de Courrières",
                      "Club informatique Octet Libre"]
    club = found[-1]
    assert club[1] == ["62250"]
    assert club[2] == [(22, "done"), (10, "needed")]


def test_the_text_s_town_comes_before_a_wider_territory_when_no_commune_is_named():
    (ini,) = summary(
        "Lillers : au collège Jean Jaurès, les professeurs impriment des visières\n\n"
        "Au collège Jean Jaurès, les professeurs ont déjà imprimé 450 visières, remises aux "
        "soignants du Béthunois et aux pharmacies du secteur depuis le 1er avril.")
    assert [code for code in ini[1]] == ["62516", "T-BETHUNOIS"]


@pytest.mark.parametrize("sentence", [
    "Les couturières bénévoles de Marck ont cousu 430 masques.",
    "Il faut saluer les couturières bénévoles de Marck, qui ont cousu 430 masques.",
])
def test_helpers_named_by_their_trade_and_town_with_an_adjective_or_a_relative(sentence):
    actor = find_actor(sentence, Context())
    assert actor is not None and actor.name == "Couturières bénévoles de Marck"


@pytest.mark.parametrize(("sentence", "name"), [
    # a proper name as the head's complement, whatever the parse
    ("À la ferme des Peupliers, à Marck, le drive enregistre 60 commandes par semaine.",
     "Ferme des Peupliers"),
    # a head, its activity and its town, in everyday speech
    ("L'atelier couture de Wimille, qui réunit une poignée de passionnées, a cousu 300 "
     "surblouses.", "Atelier couture de Wimille"),
])
def test_a_head_with_a_named_complement_or_its_activity_and_town(sentence, name):
    actor = find_actor(sentence, Context())
    assert actor is not None and actor.name == name


def test_a_headline_naming_a_head_and_its_town_gives_way_to_the_paragraph_s_name():
    # (the headline's town does not run on into the paragraph's first word)
    found = summary(
        "LA LETTRE DU CANTON\n\n"
        "Des masques pour tous\n\n"
        "La communauté de communes a commandé 20 000 masques lavables pour les habitants "
        "de ses communes.\n\n"
        "L'atelier couture de Wimille\n\n"
        "Les couturières de l'association « Wimille Fil et Aiguille » ont déjà réalisé 900 "
        "masques pour les soignants et les aides à domicile de la commune.")
    assert ("Wimille Fil et Aiguille", ["62894"]) in [(a, c) for a, c, _ in found]


def test_a_receiver_s_seat_told_by_a_participle_is_reached_a_town_compared_with_ours_not():
    found = summary(
        "Les Couturières d'Outreau\n"
        "6 mai · 🌍\n\n"
        "Cette semaine, nos bénévoles d'Outreau ont livré 140 repas aux soignants du centre "
        "hospitalier de la région de Boulogne, installé à Saint-Martin-Boulogne.\n\n"
        "À Wimereux comme chez nous, les couturières ne lâchent rien !")
    assert [codes for _, codes, _ in found] == [["62643", "62758"]]


def test_a_town_compared_with_the_author_s_own_is_not_reached():
    (ini,) = summary(
        "Nos bénévoles d'Outreau ont cousu 500 masques pour les aînés. À Wimereux comme "
        "chez nous, les masques partent dans les boîtes aux lettres.")
    assert ini[1] == ["62643"]


def test_a_table_s_who_column_names_each_row_s_bearer_and_a_cell_its_own_kind():
    found = summary(
        "Tableau de bord de la quinzaine\n\n"
        "| Commune | Initiative | Porteur | Réalisé | Objectif / besoin |\n"
        "|---|---|---|---|---|\n"
        "| Estrée-Blanche | Blouses pour l'hôpital de Béthune | Couturières du village "
        "| 90 blouses | besoin : 40 draps |\n"
        "| Rely | Courses des aînés | Comité des fêtes | 26 foyers aidés | — |\n"
        "| Linghem | Visières | Menuiserie Dufresnoy | 150 visières | objectif : 400 visières |\n")
    assert found == [
        # a receiver's town is neither the row's place nor the village its bearer lives in
        ("Couturières d'Estrée-Blanche", ["62313", "62119"], [(90, "done"), (40, "needed")]),
        ("Comité des fêtes de Rely", ["62701"], [(26, "beneficiaries")]),
        ("Menuiserie Dufresnoy", ["62517"], [(150, "done"), (400, "target")])]
    kinds = {i.actor: i.actor_type for i in reading(
        "Bilan\n\n| Commune | Porteur | Réalisé |\n|---|---|---|\n"
        "| Linghem | Menuiserie Dufresnoy | 150 visières |\n"
        "| Rely | Couturières bénévoles | 80 masques |\n").initiatives}
    assert kinds == {"Menuiserie Dufresnoy": "entreprise",
                     "Couturières bénévoles de Rely": "citoyen ou collectif"}


def test_an_intercommunality_s_header_speaks_before_its_footer_s_town():
    text = ("La lettre de la Communauté de communes du Pays de Lumbres\n\n"
            "Nos élus et nos associations restent mobilisés.\n\n"
            "À Elnes, les bénévoles ont livré 120 colis aux aînés.\n\n"
            "CCPL – 62380 Lumbres")
    release = release_from_text(text)
    from initiatives.extract import document_context
    ctx = document_context(release, split_blocks(release.body), "62")
    assert ctx.institution.name == "Communauté de communes du Pays de Lumbres"


def test_a_letter_s_signature_runs_to_its_end_and_its_own_town_names_a_club():
    found = summary(
        "Chers Frugeois,\n\n"
        "Le Rotary club de notre ville a offert 200 masques au foyer-logement.\n\n"
        "La médiathèque municipale a prêté 10 liseuses aux résidents.\n\n"
        "Prenez soin de vous.\n\n"
        "Votre Maire,\n\n"
        "Marc Lenoir\n\n"
        "Maire de Fruges\n\n"
        "Vice-président de la Communauté de communes du Haut Pays du Montreuillois")
    assert [a for a, _, _ in found] == ["Rotary club de Fruges", "médiathèque municipale de Fruges"]


def test_a_demonym_adjective_ends_a_name_and_a_party_s_premises_are_where_it_happens():
    found = summary(
        "Solidarité\n\n"
        "L'atelier couture frugeois a cousu 300 masques pour les écoles de Fruges.\n\n"
        "Le Secours populaire d'Avion a collecté 900 kg de denrées devant le supermarché "
        "de Méricourt.")
    assert found[0][0] == "Atelier couture frugeois"
    assert found[1][1] == ["62065", "62570"]


def test_a_social_action_centre_spelt_out_is_named_as_written():
    found = summary(
        "Le bulletin de la Communauté de communes du Ternois\n\n"
        "Le Centre intercommunal d'action sociale a appelé 400 aînés isolés.")
    assert found[0][0] == "Centre intercommunal d'action sociale"


def test_an_association_named_by_its_members_is_named_whole():
    found = summary(
        "Entraide\n\n"
        "L'association des commerçants du centre-ville de Lillers a offert 300 repas "
        "aux soignants.")
    assert found[0][0] == "Association des commerçants du centre-ville de Lillers"
    assert found[0][1] == ["62516"]


def test_a_letterhead_with_a_comma_names_its_intercommunality_and_a_remainder_row_nobody():
    found = summary(
        "COMMUNAUTÉ D'AGGLOMÉRATION DE BÉTHUNE-BRUAY, ARTOIS-LYS ROMANE\n"
        "La lettre solidaire\n\n"
        "L'Agglomération a livré 9 000 masques aux communes :\n\n"
        "| Commune | Masques |\n|---|---|\n"
        "| Lillers | 1 500 |\n| Autres communes | 7 500 |\n")
    actors = [a for a, _, _ in found]
    assert actors[0] == "Communauté d'agglomération de Béthune-Bruay, Artois-Lys Romane"
    assert "Autres communes" not in actors


def test_a_club_named_by_its_town_s_adjective_and_a_bearer_of_the_town():
    found = summary(
        "Fruges solidaire\n\n"
        "Une dizaine de joueurs du Football club frugeois ont livré 80 colis aux aînés.")
    assert found[0][0] == "Club frugeois"
    town = resolve("Lumbres", "62")
    assert find_actor("• Porteur : CCAS de la ville", Context(town=town)).name == "CCAS de Lumbres"
    assert find_actor("• Porteur : Couturières du village",
                      Context(town=town)).name == "Couturières de Lumbres"


def test_a_paper_s_masthead_is_no_actor_and_a_group_s_members_name_it():
    found = summary(
        "L'Écho du Ternois — Saint-Polois\n\n"
        "Des tablettes pour les aînés de l'Ehpad\n\n"
        "Depuis avril, les membres de Ternois Numérique Partagé ont configuré 30 tablettes "
        "pour les résidents de Saint-Pol-sur-Ternoise.")
    assert [a for a, _, _ in found] == ["Ternois Numérique Partagé"]
    assert found[0][2] == [(30, "done")]


def test_a_town_s_official_site_speaks_as_its_town_hall():
    found = summary(
        "LUMBRES — Site officiel de la commune\n"
        "Accueil > Actualités\n\n"
        "Portage de courses\n\n"
        "Depuis le 20 mars, 145 courses ont été livrées aux aînés par des jeunes volontaires.")
    assert found == [("Ville de Lumbres", ["62534"], [(145, "done")])]


def test_columns_aligned_with_spaces_are_a_table():
    found = summary(
        "La lettre du canton\n\n"
        "La Communauté de communes a réparti des masques entre ses villages :\n\n"
        "  Commune            Habitants      Masques remis\n"
        "  ------------------------------------------------\n"
        "  Renty                   512            480\n"
        "  Rumilly                 224            210\n"
        "  Coyecques               687            650\n")
    figures = [q for _, _, qs in found for q in qs]
    # each column is its own figure: no population glued to the masks beside it
    assert sorted(figures) == [(210, "done"), (480, "done"), (650, "done")]


def test_a_boxed_summary_says_again_the_text_s_figures():
    text = ("Le mot du maire\n\n"
        "Chers habitants de Fauquembergues,\n\n"
        "Le club des aînés Les Tilleuls a cousu 1 250 masques depuis la fin mars.\n\n"
        "L'association Fauquembergues Entraide a livré 96 colis aux aînés.\n\n"
        "┌──────────────────────────────┐\n"
        "│ EN BREF                      │\n"
        "│ • 1 250 masques cousus       │\n"
        "│ • 96 colis livrés            │\n"
        "└──────────────────────────────┘\n\n"
        "Votre maire")
    figures = sorted(q for _, _, qs in summary(text) for q in qs)
    assert figures == [(96, "done"), (1250, "done")]
    # the box's lines are read, and found to say the figures again
    assert [(n.text, n.reason) for n in reading(text).numbers if n.reason == "restated"] == [
        ("1 250", "restated"), ("96", "restated")]


def test_a_care_centre_given_to_is_reached_and_a_former_school_is_a_building():
    found = summary(
        "Solidarité à Thérouanne\n\n"
        "Devant l'ancienne école Jules-Ferry, les bénévoles de Thérouanne ont cousu "
        "200 blouses, remises à la maison médicale de Coyecques.")
    assert found == [("Bénévoles de Thérouanne", ["62811", "62254"], [(200, "done")])]


def test_a_club_s_players_name_it_and_a_misread_verb_ends_a_name():
    found = summary(
        "Audincthun solidaire\n\n"
        "Les joueurs du Football club audincthunois ont livré 70 colis aux aînés.\n\n"
        "La supérette manque encore de farine et de levure.")
    assert found[0][0] == "Club audincthunois"
    assert all("manque" not in actor for actor, _, _ in found)


def test_a_bare_head_of_several_words_is_the_one_named_after_it():
    found = summary(
        "Des colis jusque dans les villages\n\n"
        "Depuis mars, l'épicerie solidaire de Fauquembergues livre les villages voisins.\n\n"
        "« Nous livrons Renty et Audincthun », explique la présidente de l'épicerie "
        "solidaire Le Grenier Partagé, qui a distribué 340 colis.")
    assert [a for a, _, _ in found] == ["Épicerie solidaire Le Grenier Partagé"]
    assert found[0][1][0] == "62325"


def test_a_giver_named_in_passing_is_no_actor_and_a_bare_head_under_a_headline_refers_back():
    found = summary(
        "Renty : l'épicerie de quartier tient bon\n\n"
        "L'épicerie solidaire Le Garde-Manger a distribué 3 tonnes de denrées à Renty, "
        "grâce aux dons d'une fromagerie de Thérouanne.\n\n"
        "Des besoins qui demeurent\n\n"
        "L'épicerie recherche encore une dizaine de bénévoles.\n\n"
        "Encore un effort\n\n"
        "Chacun peut aider.")
    assert [a for a, _, _ in found] == ["Épicerie solidaire Le Garde-Manger"]
    assert found[0][2] == [(3, "done"), (10, "needed")]


def test_a_receiver_s_seat_in_apposition_is_reached_and_one_collective_under_two_names():
    found = summary(
        "Les initiatives de la semaine\n\n"
        "1) La pâtisserie Vasseur, installée à Fauquembergues, livre ses gâteaux au centre "
        "hospitalier de l'arrondissement de Saint-Omer, à Helfaut, depuis le 2 avril.\n\n"
        "2) Le collectif « Fil de Renty » a cousu 420 masques.\n\n"
        "3) Les couturières du collectif Fil de Renty recherchent du tissu.")
    places = {a: p for a, p, _ in found}
    assert places["Pâtisserie Vasseur"] == ["62325", "62423"]
    assert [a for a, _, _ in found] == ["Pâtisserie Vasseur", "Fil de Renty"]


def test_a_name_with_de_l_is_whole():
    assert find_actor("Le collectif Les Mains de l'Aa a cousu 300 masques.").name == \
        "Les Mains de l'Aa"


def test_a_table_row_with_labelled_cells_heads_its_figures():
    found = summary(
        "Les initiatives en un coup d'œil\n\n"
        "Commune(s) | Porteur | Action | Bilan au 30 avril\n"
        "---|---|---|---\n"
        "Renty, Rumilly | Savonnerie Vasseur | Gel et savons | 200 litres de gel\n"
        "Coyecques | Club des aînés Les Roses | Appels aux aînés | 25 personnes appelées\n")
    assert [(a, p, q) for a, p, q in found] == [
        ("Savonnerie Vasseur", ["62704", "62729"], [(200, "done")]),
        ("Club des aînés Les Roses", ["62254"], [(25, "beneficiaries")])]


def test_a_figure_told_in_a_table_then_in_a_story_under_another_name_counts_once():
    text = ("Le point de la quinzaine\n\n"
            "Commune | Porteur | Action | Bilan\n"
            "---|---|---|---\n"
            "Renty | Association Fil de Renty | Masques | 640 masques cousus\n"
            "Coyecques | Mairie | Courses | 12 foyers aidés\n\n"
            "À Renty, les couturières du collectif « Les Doigts de Renty » ont cousu 640 "
            "masques depuis mars.")
    found = summary(text)
    assert sum(v for _, _, qs in found for v, k in qs if k == "done") == 640
    assert ("640", "restated") in [(n.text, n.reason) for n in reading(text).numbers]


def test_an_article_s_lead_naming_nobody_tells_the_first_story_s_figures():
    found = summary(
        "L'ÉCHO DU HAUT-PAYS – Édition de Fruges\n\n"
        "FRUGES\n\n"
        "450 visières et pas de pause\n\n"
        "Depuis avril, une douzaine de bénévoles impriment des visières pour les soignants.\n\n"
        "Dans un garage, le collectif Les Imprimeurs du Bocage a déjà livré 450 visières.")
    assert found == [("Les Imprimeurs du Bocage", ["62364"], [(12, "volunteers"), (450, "done")])]


def test_a_portrait_s_subject_quoted_by_name_is_its_actor_with_the_lead_s_figure():
    found = reading(
        "VIMY\n\n"
        "Dans son garage, Karim découpe des visières\n\n"
        "Depuis avril, un artisan vimynois a détourné ses machines. Plus de 1 300 visières "
        "ont déjà été données aux infirmières.\n\n"
        "Dans l'atelier de la rue Pasteur, la scie ne s'arrête plus. « Je ne pouvais pas "
        "rester sans rien faire », explique Karim Benali, 35 ans, menuisier. Il en sort "
        "environ 120 par jour.\n\n"
        "Sophie MARCHAND (CLP)")
    assert [(i.actor, [p.code for p in i.places], [(q.value, q.kind) for q in i.quantities])
            for i in found.initiatives] == \
        [("Karim Benali", ["62861"], [(1300, "done"), (120, "per_day")])]


def test_a_firm_s_manager_speaks_for_it():
    # (named with her age and her office, not as a quote's speaker)
    assert find_actor("Anne Roussel, 50 ans, la gérante de Couture Roussel, a fait coudre "
                      "300 blouses.").name == "Couture Roussel"


def test_an_atelier_named_by_its_street_is_a_room_not_a_body():
    assert find_actor("Dans l'atelier de la rue Pasteur, la scie ne s'arrête plus.") is None


def test_towns_compared_together_are_passing_and_a_charity_branch_is_its_sentence_s_town():
    (ini,) = summary(
        "LILLERS\n\nL'aide alimentaire sous tension\n\n"
        "Même constat à Norrent-Fontes, où l'antenne du Secours populaire remet 90 colis "
        "par semaine. La situation est comparable à Isbergues comme à Aire-sur-la-Lys.")
    assert ini == ("Secours populaire de Norrent-Fontes", ["62620"], [(90, "per_week")])


@pytest.mark.parametrize("text, name", [
    # a capitalised noun with its town's adjective, one word or several
    ("Au Cabas arrageois, les bénévoles ont préparé 80 colis.", "Cabas arrageois"),
    ("Merci aux Fées Créatives lensoises, qui ont cousu 400 masques.", "Fées Créatives lensoises"),
    # a firm's name, then what it is in apposition
    ("Plastinord, PME de Billy-Berclau, a moulé 2 000 visières.", "Plastinord"),
    # an activity phrase before the town
    ("L'atelier couture de la maison de quartier de Wimereux a cousu 500 masques.",
     "Atelier couture de la maison de quartier de Wimereux"),
])
def test_names_built_on_a_town_s_adjective_an_apposition_or_an_activity_phrase(text, name):
    assert find_actor(text, Context(town=resolve("Arras" if "arrageois" in text else "Lens"))
                      ).name == name


def test_a_destination_s_body_receives():
    assert find_actor("Les denrées collectées sont acheminées vers l'entrepôt de la Banque "
                      "alimentaire de Guînes.") is None


def test_a_town_s_entry_under_a_numbered_section_names_its_own_actor():
    found = summary(
        "Communauté de communes de la Région d'Audruicq\nLa lettre du mois\n\n"
        "1. SOLIDARITÉ\n"
        "– Oye-Plage : le CCAS porte 30 repas par jour aux aînés.\n"
        "– Licques : l'épicerie sociale « Le Panier » a accueilli 140 personnes.\n")
    assert found[-2:] == [("CCAS d'Oye-Plage", ["62645"], [(30, "per_day")]),
                     ("Épicerie sociale « Le Panier »", ["62506"], [(140, "beneficiaries")])]


def test_a_table_s_town_hall_is_named_by_the_text_s_word():
    found = summary(
        "Tour d'horizon\n\n"
        "| Commune | Qui ? | Bilan |\n|---|---|---|\n"
        "| Marck | Mairie | 75 personnes appelées |\n")
    assert found == [("Mairie de Marck", ["62548"], [(75, "beneficiaries")])]


def test_le_collectif_and_du_club_point_back_to_the_group_just_named():
    found = summary(
        "Ville de Courrières\n\n"
        "Merci aux Doigts Agiles courriérois ! Les couturières des Doigts Agiles courriérois "
        "ont cousu 700 blouses.\n\n"
        "Le collectif manque d'élastique : il lui faudrait encore 50 mètres de tissu.")
    assert found[-1][0] == "Doigts Agiles courriérois"
    assert (50, "needed") in found[-1][2]


def test_a_post_header_ends_at_its_handle_and_a_side_set_against_ours_is_passing():
    found = summary(
        "Union Sportive Fruges ⚽ @US_Fruges · 12 avr.\n\n"
        "Nos licenciés ont livré 60 paniers aux aînés de Fruges. Vivement le match contre "
        "Hesdin !")
    assert found == [("Union Sportive Fruges", ["62364"], [(60, "done")])]


def test_a_question_opening_with_qui_is_no_bearer():
    assert find_actor("Qui peut recevoir un masque ?") is None


def test_a_body_thanked_for_what_it_does_in_its_relative_clause_acts():
    assert find_actor("Merci aussi à la pharmacie Lenglet qui, chaque matin, livre les "
                      "médicaments à domicile.").name == "Pharmacie Lenglet"


def test_a_care_home_given_to_is_reached_after_the_author_s_town():
    (ini,) = summary(
        "Les Bobines d'Aire\nPublié le 2 mai\n\n"
        "À Aire-sur-la-Lys, nos couturières ont cousu 400 blouses. Cette semaine, une "
        "cinquantaine ont été envoyées pour la maison de retraite de nos anciens à Isbergues ❤️")
    assert ini[1] == ["62014", "62473"] and ini[2] == [(400, "done"), (50, "done")]


def test_another_town_s_example_a_supplier_asked_are_no_scene_a_clinic_given_to_reached():
    found = summary(
        "Mairie de Marck\n\nChers Marckois,\n\n"
        "À l'image de ce qu'a fait la commune de Guînes, nous appelons chaque semaine nos "
        "aînés. Nous avons commandé 2 000 masques auprès d'un atelier de couture de Lillers. "
        "Nos bénévoles ont offert 120 brioches au personnel de la clinique des Acacias, à "
        "Calais.")
    assert [a for a, _, _ in found] == ["Mairie de Marck"]
    assert found[0][1] == ["62548", "62193"]


def test_a_town_s_own_traders_are_its_traders_but_not_in_a_headline():
    found = summary(
        "Mairie de Guînes\n\nChers Guînois,\n\n"
        "Je remercie nos boulangers, qui ont offert 200 baguettes aux soignants.")
    assert ("Boulangers de Guînes", ["62397"], [(200, "done")]) in found
    assert find_actor("Nos artisans s'organisent", Context(town=resolve("Guînes"))) is None


def test_a_post_under_a_bare_handle_names_its_author_and_its_location_line_its_towns():
    (ini,) = summary(
        "les_mains_du_calaisis\n"
        "📍 Marquise · Rinxent · Ferques\n\n"
        "Semaine 6 de nos tournées 🚐\n\n"
        "✅ 230 colis livrés depuis le début\n"
        "✅ 18 bénévoles au volant")
    assert ini == ("Les Mains du Calaisis", ["62560", "62711", "62329"],
                   [(230, "done"), (18, "volunteers")])


def test_the_entries_of_a_list_of_our_own_sites_say_where_not_who():
    (ini,) = summary(
        "Association Fil d'Entraide\n\n"
        "Bilan du mois : 640 masques cousus et remis aux habitants de Lillers.\n\n"
        "Nos deux lieux de dépôt restent ouverts :\n\n"
        "- Lillers – salle des fêtes, rue de la Gare\n\n"
        "- Pernes – local du club de football\n\n"
        "Merci à toutes et à tous !")
    assert ini[0] == "Fil d'Entraide" and ini[2] == [(640, "done")]
    assert ini[1] == ["62516", "62652"]     # no club, no hall of its own


def test_a_bulletin_names_its_intercommunality_in_capitals_and_its_list_takes_its_lead():
    found = summary(
        "PAYS DE LUMBRES – LA LETTRE\n\n"
        "CE QU'A FAIT LA COMMUNAUTÉ DE COMMUNES\n\n"
        "Ouvert depuis le 6 avril dans la salle polyvalente de Lumbres, l'atelier de "
        "découpe tourne à plein. Point au 30 avril :\n\n"
        "- 2 300 kits de tissu découpés\n\n"
        "- 27 agents mobilisés")
    assert found == [("Communauté de communes du Pays de Lumbres", ["62534"],
                      [(2300, "done"), (27, "volunteers")])]


def test_a_small_group_named_by_what_its_people_are_is_an_actor():
    assert summary(
        "La lettre de l'intercommunalité\n\n"
        "Nos villages\n\n"
        "- Hardinghen : un couple de retraités a cousu 350 masques pour l'école.\n\n"
        "- Tilques : un groupe de lycéens a imprimé 90 visières.") == [
        ("Couple de retraités", ["62412"], [(350, "done")]),
        ("Groupe de lycéens", ["62819"], [(90, "done")])]


def test_a_title_exclaiming_after_its_town_and_a_dash_heads_its_paragraph():
    found = summary(
        "Communiqué de la sous-préfecture\n\n"
        "Isbergues – des visières en série\n\n"
        "La société Métal Nord a découpé 1 200 visières pour les soignants du secteur.\n\n"
        "Bapaume – bon appétit !\n\n"
        "Le restaurant « La Table d'Arthur » livre chaque midi 45 repas aux aînés.")
    assert [(a, places) for a, places, _ in found] == [
        ("Métal Nord", ["62473"]), ("Restaurant « La Table d'Arthur »", ["62080"])]


def test_a_sub_list_s_lettered_entries_open_with_their_town_and_a_full_stop():
    found = summary(
        "Point de situation de la préfecture\n\n"
        "1. ARRONDISSEMENT DE SAINT-OMER\n\n"
        "a) Aire-sur-la-Lys. Le centre social a livré 320 repas aux personnes isolées.\n\n"
        "b) Arques. La commune a acheté 4 000 masques auprès d'un fournisseur de Lille.\n\n"
        "c) Isbergues. Les commerçants du marché ont rempli 60 paniers pour l'épicerie "
        "solidaire.")
    assert [(a, places) for a, places, _ in found] == [
        ("Centre social d'Aire-sur-la-Lys", ["62014"]),
        ("Commune d'Arques", ["62040"]),
        ("Commerçants du marché d'Isbergues", ["62473"])]


def test_a_charity_s_branch_given_to_is_reached_after_the_giver_s_town():
    (ini,) = summary(
        "Vimy : la boulangerie Lemaire donne chaque jour 40 pains à l'antenne du Secours "
        "populaire de Liévin.")
    assert ini[:2] == ("Boulangerie Lemaire", ["62861", "62510"])


def test_a_town_site_s_address_over_its_page_gives_the_town_and_names_no_one():
    found = summary(
        "www.ville-samer.fr › Solidarité › Actualités\n\n"
        "Les repas à domicile continuent\n\n"
        "Mis en ligne le 12 mai 2020\n\n"
        "Depuis le 20 mars, le CCAS a porté 780 repas aux aînés du bourg.")
    assert found == [("CCAS de Samer", ["62773"], [(780, "done")])]


def test_a_partner_in_a_fronted_adverbial_helps_the_subject_and_its_town_is_passing():
    (ini,) = summary(
        "Vie municipale de Beuvry\n\n"
        "En partenariat avec les Restos du cœur de Béthune, le CCAS de Beuvry remet "
        "chaque jeudi 35 colis aux familles.")
    assert ini == ("CCAS de Beuvry", ["62126"], [(35, "per_week")])


def test_a_family_business_and_its_owner_named_apart_are_one_actor():
    found = summary(
        "L'ÉCHO DU TERNOIS – Vie locale\n\n"
        "Pernes : la carrosserie Dufour découpe des visières\n\n"
        "PERNES. Dans son atelier, Michel Dufour a remplacé les pare-chocs par des feuilles "
        "de plastique. « On en sort 90 par jour », explique le carrossier.\n\n"
        "Depuis le 1er avril, Michel Dufour a déjà remis 1 100 visières aux soignants.")
    assert [(a, q) for a, _, q in found] == [
        ("Carrosserie Dufour", [(90, "per_day"), (1100, "done")])]


def test_a_box_drawn_with_keyboard_signs_frames_an_article_s_key_figures():
    found = reading(
        "LE JOURNAL DE L'ARTOIS – Édition du 2 mai 2020\n\n"
        "HOUDAIN\n"
        "Les colis du cœur partent toujours\n\n"
        "Lancée fin mars par l'association Houdain Partage, la distribution de la place a "
        "déjà permis de remettre plus de 640 colis aux familles du secteur.\n\n"
        "« On n'arrête plus », raconte sa présidente, au milieu des cagettes.\n\n"
        "+----------------------------------+\n"
        "| EN CHIFFRES                      |\n"
        "|  - 640 colis remis en six        |\n"
        "|    semaines                      |\n"
        "|  - environ 25 colis chaque mardi |\n"
        "+----------------------------------+\n\n"
        "Marie LEROUX (CLP)\n"
        "Publié le 02/05/2020 à 07h30")
    assert [(i.actor, [p.code for p in i.places], [(q.value, q.kind) for q in i.quantities])
            for i in found.initiatives] == [
        ("Houdain Partage", ["62457"], [(640, "done"), (25, "per_week")])]
    assert "|" not in found.release.body and "+---" not in found.release.body


def test_the_town_of_an_organisation_s_adjective_and_those_of_its_suppliers():
    found = summary(
        "La lettre du Pays de Lumbres\n\n"
        "Un atelier qui tourne\n\n"
        "Les bénévoles des Aiguilles lumbroises ont cousu 520 masques à partir de vieux "
        "draps. Le tissu, c'est une mercerie de Wizernes qui nous le cède à prix coûtant.")
    assert found == [("Aiguilles lumbroises", ["62534"], [(520, "done")])]



def test_a_table_ruled_by_dashes_alone_keeps_its_header_and_a_split_compound_stays_whole():
    found = reading(
        "Sous-préfecture de Béthune\n\n"
        "Point des actions au 4 mai :\n\n"
        "--------------------------------------------------------------\n"
        " Porteur                        | Commune   | Réalisé        | Objectif\n"
        "--------------------------------------------------------------\n"
        " Atelier Bleu Horizon           | Divion    | 1 300 masques  | 4 000 masques\n"
        " Amicale des sapeurs-pompiers   | Auchel    | 210 colis      | non fixé\n"
        "--------------------------------------------------------------\n\n"
        "À Auchel, l'amicale des sapeurs-pompiers a aussi appelé 75 personnes âgées.")
    assert "Porteur : Atelier Bleu Horizon" in found.release.body
    assert [(i.actor, [p.code for p in i.places], [(q.value, q.kind) for q in i.quantities])
            for i in found.initiatives] == [
        ("Atelier Bleu Horizon", ["62270"], [(1300, "done"), (4000, "target")]),
        ("Amicale des sapeurs-pompiers d'Auchel", ["62048"], [(210, "done"), (75, "beneficiaries")])]


def test_an_author_s_post_its_own_body_its_numbered_titles_and_those_it_gives_to():
    found = summary(
        "Les Doigts d'Or de Divion\n"
        "Publication du 20 avril 2020\n\n"
        "Notre atelier de couture, qui se retrouvait le lundi à la salle des fêtes, coud "
        "désormais à la maison.\n\n"
        "1) Ce que nous avons fait\n"
        "- 900 masques remis aux habitants qui en ont fait la demande ;\n"
        "- 140 charlottes pour le personnel du centre de santé de Houdain.\n\n"
        "2) Ce qu'il nous faut\n"
        "- 8 couturières de plus pour tenir le rythme.")
    assert found == [("Les Doigts d'Or de Divion", ["62270", "62457"],
                      [(900, "done"), (140, "done"), (8, "needed")])]


def test_a_food_relay_is_an_organisation():
    (ini,) = summary(
        "Le Relais alimentaire de Calonne-Ricouart a servi 64 familles en avril.")
    assert ini[:2] == ("Relais alimentaire de Calonne-Ricouart", ["62194"])


def test_people_gathered_within_a_named_body_make_it_the_actor():
    (ini,) = summary(
        "Une vingtaine de retraitées, réunies au sein de Wingles Entraide Couture, ont "
        "déjà cousu 1 100 masques.")
    assert ini == ("Wingles Entraide Couture", ["62895"], [(20, "volunteers"), (1100, "done")])


def test_a_group_thanked_over_a_paragraph_opening_on_a_pronoun_is_its_actor():
    found = summary(
        "Ville de Douvrin – Actualités\n\n"
        "La Ville a remis 2 000 masques aux habitants.\n\n"
        "🧶 Merci à nos tricoteuses !\n\n"
        "Elles sont 14 à tricoter pour la maternité : 260 bonnets ont déjà été livrés.")
    assert [(a, q) for a, _, q in found] == [
        ("Ville de Douvrin", [(2000, "done")]),
        ("Tricoteuses de Douvrin", [(14, "volunteers"), (260, "done")])]


def test_a_post_s_want_is_its_own_and_a_shop_thanked_for_its_gift_gives_it():
    found = summary(
        "Association Les Mains Tendues – Bully-les-Mines\n\n"
        "Petit point de la semaine 🙂\n\n"
        "📦 64 colis livrés aux familles\n"
        "🍲 la boulangerie Dufay nous a offert 30 pains vendredi\n"
        "🧤 il nous manque des gants (environ 150 paires)\n\n"
        "Un grand merci au magasin Carrefour Market de Mazingarbe pour son don de 90 kg de "
        "légumes.")
    assert [(a, q) for a, _, q in found] == [
        ("Les Mains Tendues", [(64, "done"), (150, "needed")]),
        ("Boulangerie Dufay", [(30, "done")]),
        ("Magasin Carrefour Market de Mazingarbe", [(90, "done")])]


def test_a_text_s_town_comes_before_a_namesake_of_an_organisation_s_adjective():
    found = summary(
        "Ville d'Avesnes-le-Comte – Actualités\n\n"
        "Les couturières des Petites Mains avesnoises ont cousu 700 masques pour les écoles.")
    assert [(a, places) for a, places, _ in found] == [
        ("Petites Mains avesnoises", ["62063"])]   # not Avesnes (62062), a namesake


def test_a_table_s_population_column_holds_sizes_not_output():
    found = summary(
        "Distribution des masques, par commune :\n\n"
        "| Commune | Population | Date |\n"
        "|---|---|---|\n"
        "| Houdain | 7 400 hab. | lundi 4 mai |\n"
        "| Haillicourt | 4 900 hab. | mardi 5 mai |\n"
        "| Divion | 6 900 hab. | mardi 5 mai |\n")
    assert all(q == [] for _, _, q in found)
    numbers = reading("| Commune | Population |\n|---|---|\n| Houdain | 7 400 hab. |\n"
                      "| Divion | 6 900 hab. |\n| Lugy | 60 hab. |\n").numbers
    assert {n.reason for n in numbers} == {"population"}


def test_a_header_calling_itself_intercommunal_names_its_intercommunality():
    (ini,) = summary(
        "PAYS DE LUMBRES — LE JOURNAL INTERCOMMUNAL\n\n"
        "Les masques\n"
        "Nos services ont commandé 20 000 masques lavables ; 12 000 ont été réceptionnés.\n")
    assert ini[0] == "Communauté de communes du Pays de Lumbres"
    assert ini[2] == [(20000, "ordered"), (12000, "done")]


def test_towns_reached_as_far_as_keep_the_home_first_and_towns_left_out_are_passing():
    (ini,) = summary(
        "AUDOMAROIS | FRUGES\n\n"
        "Un menuisier fabrique des visières\n\n"
        "La menuiserie Caudron, installée à Fruges, a livré 900 visières jusqu'à "
        "Coupelle-Vieille et Lugy.")
    assert ini[1][:1] == ["62364"] and {"62247", "62533"} <= set(ini[1])
    found = summary(
        "Ville de Houdain — Actualités\n\n"
        "La Ville de Houdain a distribué 6 000 masques. Les habitants de Haillicourt et de "
        "Divion ne sont pas concernés par cette distribution.")
    assert [places for _, places, _ in found] == [["62457"]]


def test_helpers_come_from_a_town_and_a_road_leads_to_one_in_passing():
    found = summary(
        "À Avesnes, le collectif « Coup de main » livre des courses aux aînés. Plusieurs "
        "bénévoles sont venus prêter main-forte depuis Frévent.\n\n"
        "Installé au bord de la route qui mène à Willencourt, l'atelier Lemaire coud "
        "400 blouses pour l'hôpital d'Auxi-le-Château.")
    places = {code for _, codes, _ in found for code in codes}
    assert "62361" not in places and "62891" not in places


def test_a_natural_feature_s_name_is_no_commune_elsewhere():
    from geo.mentions import find_places
    assert find_places("les producteurs de la baie d'Authie", "62") == []
    assert [m.resolution.code for m in find_places("le groupement des maraîchers de la baie "
                                                   "d'Authie, à Hesdin", "62")] == ["62447"]


def test_a_breakdown_by_town_in_dot_leaders_shares_out_the_author_s_figures():
    found = summary(
        "Les Restos du Cœur du Haut-Pays — Bilan du confinement\n\n"
        "EN CHIFFRES\n"
        "• 820 colis distribués\n"
        "• 96 familles aidées\n\n"
        "Répartition des familles aidées par commune :\n"
        "Fruges .............................. 41\n"
        "Lugy ................................ 12\n"
        "Coupelle-Vieille .................... 23\n"
        "Hucqueliers ......................... 20\n")
    (ini,) = found
    assert ini[0].startswith("Restos du Cœur")
    assert {"62364", "62533", "62247", "62463"} <= set(ini[1])
    assert ini[2] == [(820, "done"), (96, "beneficiaries"), (41, "beneficiaries"),
                      (12, "beneficiaries"), (23, "beneficiaries"), (20, "beneficiaries")]


def test_a_marked_title_in_capitals_introduces_its_list():
    found = summary(
        "Ville de Hucqueliers — Actualités\n\n"
        "La Ville de Hucqueliers a distribué 1 800 masques cousus par les bénévoles.\n\n"
        "🧵 ON A ENCORE BESOIN DE VOUS\n"
        "- 40 bobines de fil blanc\n"
        "- 25 mètres d'élastique plat\n")
    assert [q for _, _, q in found] == [[(1800, "done"), (40, "needed"), (25, "needed")]]


def test_a_producers_grouping_is_an_actor_of_its_own():
    found = summary(
        "Dans le Haut-Pays\n\n"
        "À Bimont, l'atelier Lemaire coud 60 blouses par jour pour l'hôpital.\n\n"
        "À Lugy, le groupement des maraîchers du Haut-Pays a livré 300 paniers de légumes.")
    assert [a for a, _, _ in found] == ["Atelier Lemaire",
                                        "Groupement des maraîchers du Haut-Pays"]


def test_a_person_s_past_work_a_road_between_towns_and_a_first_name_name_no_place():
    found = summary(
        "À Fruges, Marie, qui a longtemps travaillé à Lugy, a cousu 200 blouses.\n\n"
        "Sur la route entre Hucqueliers et Bimont, la ferme Dumont a livré 90 paniers aux "
        "aînés de Coupelle-Vieille.")
    places = {code for _, codes, _ in found for code in codes}
    assert "62364" in places and "62247" in places
    # not Lugy, Hucqueliers, Bimont, nor Marie (Alpes-Maritimes), a first name here
    assert not places & {"62533", "62463", "62134", "06080"}


def test_a_post_header_names_its_author_by_any_preposition_and_its_town_before_the_date():
    found = summary(
        "Association Cœur à Cœur — Hucqueliers\nPublié le 2 mai 2020\n\n"
        "📦 120 colis / semaine\n🍲 35 repas / jour\n👐 18 bénévoles\n")
    assert found == [("Cœur à Cœur", ["62463"],
                      [(120, "per_week"), (35, "per_day"), (18, "volunteers")])]


def test_a_box_of_key_figures_over_the_story_with_its_topic_and_date_is_the_story_s():
    found = summary(
        "Préfecture du Pas-de-Calais\n\nAIDE ALIMENTAIRE DANS LE HAUT-PAYS\n\n"
        "┌────────────────────────────┐\n"
        "  OPÉRATION « COLIS DU CŒUR » – CHIFFRES CLÉS AU 30 AVRIL\n"
        "  ▸ 940 colis livrés depuis le 17 mars\n"
        "  ▸ 36 bénévoles mobilisés\n"
        "  ▸ environ 80 colis préparés chaque semaine\n"
        "└────────────────────────────┘\n\n"
        "Coordonnée par la Croix-Rouge, l'opération s'appuie sur des points de retrait "
        "ouverts à Fruges et à Lugy. 940 colis ont ainsi été livrés depuis le 17 mars.\n\n"
        "À Hucqueliers, le CCAS a distribué 120 bons d'achat.")
    assert found[0][0] == "Croix-Rouge" and {"62364", "62533"} <= set(found[0][1])
    # the box's figures are the story's, and one the story tells again counts once
    assert sorted(found[0][2]) == [(36, "volunteers"), (80, "per_week"), (940, "done")]


def test_a_table_by_week_gives_rates_and_its_total_row_the_sum_done():
    found = summary(
        "Ville de Lugy — Actualités\n\n"
        "Le portage de repas du CCAS, semaine après semaine :\n\n"
        "Semaine | Repas livrés | Foyers servis\n"
        "---|---|---\n"
        "du 6 au 12 avril | 210 | 31\n"
        "du 13 au 19 avril | 260 | 37\n"
        "TOTAL | 470 | –\n")
    kinds = [q for _, _, qs in found for q in qs if q[1] != "beneficiaries"]
    assert sorted(kinds) == [(210, "per_week"), (260, "per_week"), (470, "done")]


def test_a_marked_town_over_sub_items_heads_its_section():
    found = summary(
        "LA LETTRE DU HAUT-PAYS\n\nDans nos communes\n\n"
        "▸ Fruges\n"
        " – L'atelier couture du centre social a cousu 900 masques.\n"
        " – 14 bénévoles y participent.\n\n"
        "▸ Lugy\n"
        " – Les élus ont livré 60 colis aux aînés.\n")
    assert [(places[:1], q) for _, places, q in found] == [
        (["62364"], [(900, "done"), (14, "volunteers")]), (["62533"], [(60, "done")])]


def test_an_entry_that_is_a_sentence_keeps_its_verb_under_a_need_s_heading():
    found = summary(
        "LA LETTRE DU HAUT-PAYS\n\n■ ILS ONT BESOIN DE VOUS\n\n"
        "  ► L'épicerie solidaire de Fruges, qui passe chaque jeudi à Lugy, sert 38 "
        "foyers. Elle recherche 2 chauffeurs.\n"
        "  ► Le club de Bimont : 20 draps\n")
    kinds = sorted(q for _, _, qs in found for q in qs)
    assert kinds == [(2, "needed"), (20, "needed"), (38, "beneficiaries")]


def test_a_quoted_name_as_subject_is_the_actor_and_towns_people_come_from_are_passing():
    found = summary(
        "ÉDITION DU HAUT-PAYS – Vendredi 8 mai 2020\n\n"
        "Fruges : un drive fermier solidaire\n\n"
        "À Fruges, le « Panier des Collines » réunit six fermes du secteur.\n\n"
        "Depuis le 3 avril, 420 paniers ont été vendus. Certains clients viennent même de "
        "Lugy ou de Bimont.")
    assert [(a, places) for a, places, _ in found] == [("Panier des Collines", ["62364"])]


def test_where_it_went_a_town_a_line_a_head_office_and_a_birthplace():
    found = summary(
        "Les Doigts de Fée – Fruges\n18 avril\n\n"
        "Depuis lundi, 380 masques sont sortis de nos machines.\n\n"
        "Où sont partis les masques ?\n"
        "👉 à l'Ehpad de Lugy\n"
        "👉 aux infirmières de Bimont\n\n"
        "On a besoin de vous :\n"
        "- des bobines de fil blanc\n\n"
        "📍 Dépôt des dons : 7 rue des Écoles à Fruges\n")
    assert [(a, set(p)) for a, p, _ in found] == [
        ("Les Doigts de Fée", {"62364", "62533", "62134"})]
    found = summary(
        "Le préfet salue la coopérative Terres du Haut-Pays, dont le siège est à Hucqueliers. "
        "Ses adhérents ont offert 9 tonnes de pommes de terre.\n\n"
        "Bernard, né à Lugy, coordonne un réseau de 14 bénévoles à Fruges.\n\n"
        "Des permanences restent ouvertes dans les mairies suivantes :\n"
        "- Coupelle-Vieille\n- Fruges\n- Vélu\n\nMerci à tous les bénévoles.")
    places = {c for _, codes, _ in found for c in codes}
    assert {"62463", "62364", "62840"} <= places and "62533" not in places


def test_short_lines_opening_with_figures_in_a_text_of_long_lines_are_a_box_one_per_line():
    found = reading(
        "Wizernes. Les couturières du foyer rural ne lâchent rien\n\n"
        "Depuis la fin mars, une dizaine de couturières bénévoles du foyer rural de Wizernes "
        "se retrouvent chacune chez elle, derrière sa machine, pour coudre des masques en "
        "tissu destinés aux habitants et aux commerçants de la commune.\n\n"
        "EN BREF\n"
        "2 400 masques cousus depuis le 25 mars\n"
        "≈ 300 masques par semaine\n"
        "20 minutes pour coudre un masque\n"
        "0,80 € de tissu par masque\n\n"
        "Les masques sont déposés en mairie, qui se charge de les distribuer aux habitants "
        "qui en font la demande, en priorité aux personnes âgées et aux commerçants.\n")
    numbers = {n.text: (n.status, n.reason) for n in found.numbers}
    # each figure is shown with its own line, not the whole box
    assert {n.text: n.sentence for n in found.numbers}["0,80"] == "0,80 € de tissu par masque"
    assert numbers["0,80"] == (SET_ASIDE, "price")
    assert numbers["20"] == (SET_ASIDE, "duration")
    kinds = sorted((q.value, q.kind) for i in found.initiatives for q in i.quantities)
    assert kinds == [(10, "volunteers"), (300, "per_week"), (2400, "done")]


def test_an_intercommunal_letter_s_sub_list_of_towns_and_its_president_s_other_mandate():
    found = reading(
        "LE FIL DES CAMPAGNES — Lettre de la Communauté de communes des Campagnes de l'Artois\n\n"
        "LE MOT DU PRÉSIDENT\n"
        "Merci à chacun pour ces semaines de solidarité.\n"
        "Paul Delattre, président de la Communauté de communes, maire de Tincques\n\n"
        "MASQUES\n"
        "La Communauté de communes a commandé des masques pour tous les habitants.\n"
        "— 9 000 masques ont déjà été livrés et distribués ;\n"
        "— la distribution est terminée dans les villages suivants :\n"
        "  • Hermaville\n"
        "  • Wanquetin\n"
        "  • Haute-Avesnes\n"
        "Les autres villages seront servis la semaine prochaine.\n")
    assert [i.actor for i in found.initiatives] == ["Communauté de communes des Campagnes de l'Artois"]
    towns = {p.code for p in found.initiatives[0].places if p.level == "commune"}
    # the towns listed under the line a colon ends, its last one included, are reached;
    # the president's own town is his other mandate, not a place reached
    assert towns == {"62438", "62874", "62415"}


def test_a_town_s_council_named_in_the_lead_of_a_page_speaking_as_the_town():
    found = reading(
        "Distribution des masques : vos questions\n\n"
        "Comme nos voisins, la municipalité de Savy-Berlette a choisi d'équiper toute la "
        "population. Voici nos réponses.\n\n"
        "Où en est-on ?\n"
        "La municipalité a déjà distribué 900 masques avec l'aide de 12 bénévoles.\n\n"
        "Pour mémoire, notre commune compte environ 1 100 habitants.\n")
    # (the town's own word for itself names the actor: "Commune", "Ville", "Mairie")
    assert [(i.actor.split()[-1], [p.code for p in i.places]) for i in found.initiatives] == \
        [("Savy-Berlette", ["62785"])]
    kinds = sorted((q.value, q.kind) for q in found.initiatives[0].quantities)
    assert kinds == [(12, "volunteers"), (900, "done")]


def test_the_same_people_named_by_another_noun_in_a_box_count_once():
    found = reading(
        "Duisans — Le CCAS au côté des aînés\n\n"
        "Chaque semaine, les membres du CCAS de Duisans appellent les 145 habitants de "
        "plus de 75 ans.\n\n"
        "EN CHIFFRES\n"
        "• 145 aînés appelés\n"
        "• 9 bénévoles mobilisés\n")
    people = sorted((q.value, q.kind) for i in found.initiatives for q in i.quantities)
    assert people == [(9, "volunteers"), (145, "beneficiaries")]


def test_a_road_coming_from_a_town_and_the_shop_where_one_shops_are_passing():
    found = reading(
        "Warlus. Le marché de la ferme reste ouvert\n\n"
        "À Warlus, la ferme Dufour vend ses légumes en direct : 40 paniers sont partis "
        "samedi. Certains clients arrivent par la départementale qui descend de Duisans. "
        "Les bénévoles font les courses des aînés au drive d'Agnez-lès-Duisans, où "
        "l'équipe du magasin leur réserve un créneau.\n")
    towns = {p.code for i in found.initiatives for p in i.places if p.level == "commune"}
    assert towns == {"62878"}


def test_the_state_s_services_acting_and_a_paragraph_on_what_the_story_counted():
    found = summary(
        "COMMUNIQUÉ DE PRESSE\nPréfecture du Pas-de-Calais\n\n"
        "Des masques cousus dans le Ternois\n\n"
        "Depuis le 30 mars, l'association « Point de Croix » a confectionné 2 800 masques "
        "dans la salle des fêtes de Brias.\n\n"
        "Les masques sont remis aux habitants de Brias, d'Ostreville et de Diéval, sur "
        "présentation d'un justificatif.\n\n"
        "L'État aux côtés des petites communes\n\n"
        "Pour compléter cet effort, la sous-préfecture de Saint-Pol-sur-Ternoise a commandé "
        "8 000 masques lavables pour Valhuon, Aumerval et Tilly-Capelle.\n\n"
        "Le chauffeur de l'association, un retraité de Pernes, assure les livraisons.\n")
    by_actor = {actor: ({t for t in towns if t.isdigit()}, figures)
                for actor, towns, figures in found}
    # a paragraph whose subject is the story's own counted thing goes on with it; the
    # driver's home is where he comes from
    assert by_actor["Point de Croix"][0] == {"62180", "62641", "62269"}
    # the State's services acting are an actor of their own, in the towns they serve
    state = by_actor["Sous-préfecture de Saint-Pol-sur-Ternoise"]
    assert {"62835", "62058", "62818"} <= state[0] and state[1] == [(8000, "ordered")]


def test_a_box_of_key_figures_dated_in_brackets_and_a_figure_glossed_after_a_colon():
    found = reading(
        "Flers. Le drive fermier tourne à plein\n\n"
        "Depuis la fermeture du marché, les producteurs de Flers se relaient chaque samedi "
        "dans la cour de la ferme Dufresne pour préparer les commandes passées en ligne par "
        "les habitants du village et des alentours.\n\n"
        "LES CHIFFRES CLÉS (au 30 avril)\n"
        "• 420 paniers préparés\n"
        "• 12 bénévoles mobilisés\n\n"
        "EN CHIFFRES\n"
        "420 paniers livrés\n"
        "600 : l'objectif au 31 mai\n"
        "8 € : le prix du panier\n")
    kinds = sorted((q.value, q.kind) for i in found.initiatives for q in i.quantities)
    assert kinds == [(12, "volunteers"), (420, "done"), (600, "target")]
    assert ("8", "price") in [(n.text, n.reason) for n in found.numbers]


def test_a_table_of_things_counted_aligned_with_spaces_names_no_one():
    found = reading(
        "Collecte solidaire : merci !\n\n"
        "Samedi, l'association « Le Relais du Cœur » organisait une collecte devant la salle "
        "des fêtes de Frévent, au profit des familles suivies par le CCAS.\n\n"
        "   Produit                  Quantité collectée\n"
        "   -----------------------  ------------------\n"
        "   Farine et sucre          85 kg\n"
        "   Conserves                190 boîtes\n"
        "   Produits d'entretien     64 articles\n"
        "   Lait                     40 litres\n")
    assert [i.actor for i in found.initiatives] == ["Le Relais du Cœur"]
    kinds = sorted((q.value, q.kind) for q in found.initiatives[0].quantities)
    assert kinds == [(40, "done"), (64, "done"), (85, "done"), (190, "done")]
    # each row is done by the act its column's header tells, whatever the row's words
    reasons = {q.value: q.reason for q in found.initiatives[0].quantities}
    assert "collect" in reasons[85] and "collect" in reasons[40]


def test_an_intercommunality_named_without_preposition_and_its_breakdown_by_bare_word():
    found = summary(
        "COMMUNAUTÉ DE COMMUNES TERNOIS-CANCHE\nLa Lettre – mai 2020\n\n"
        "MASQUES\n"
        "Nous avons distribué des masques aux communes qui en avaient fait la demande. "
        "Répartition :\n\n"
        "- Rougefay ........ 120 masques\n"
        "- Ligny-sur-Canche ........ 300 masques\n")
    assert [(a, sorted(t for t in towns if t.isdigit()), figs) for a, towns, figs in found] == [
        ("Communauté de communes Ternois-Canche", ["62513", "62722"],
         [(120, "done"), (300, "done")])]


def test_a_person_s_past_trade_a_move_away_and_a_way_s_waypoint_are_passing():
    found = summary(
        "Lugy. La tournée des colis\n\n"
        "Depuis avril, le CCAS de Lugy livre 40 colis par semaine aux aînés du village. "
        "Martine, qui a longtemps été infirmière à Verchin, connaît chaque famille. Pour "
        "éviter les travaux, la tournée passe désormais par Fruges. Un ancien du village, "
        "parti vivre à Hucqueliers, a même appelé pour prendre des nouvelles.\n")
    assert [(a, sorted(t for t in towns if t.isdigit())) for a, towns, _ in found] == \
        [("CCAS de Lugy", ["62533"])]


def test_a_name_in_capitals_over_its_legal_form_is_the_author_and_where_it_works():
    found = summary(
        "LES AMIS DU CANAL\n"
        "Association de quartier – Quéant\n\n"
        "Nos actions pendant le confinement\n\n"
        "Les Amis du Canal interviennent dans trois villages : Quéant, Noreuil et Morchies.\n\n"
        "Le bilan en chiffres\n"
        "1. 260 colis préparés et livrés\n"
        "2. Une vingtaine de bénévoles mobilisés\n")
    assert [(a, sorted(t for t in towns if t.isdigit()), sorted(f)) for a, towns, f in found] == [
        ("Les Amis du Canal", ["62591", "62619", "62673"], [(20, "volunteers"), (260, "done")])]


def test_a_lead_on_the_thing_the_story_counts_a_family_and_a_first_name_s_town():
    found = summary(
        "LA GAZETTE DU CAMBRÉSIS – Édition Artois – Mardi 21 avril 2020\n\n"
        "INCHY-EN-ARTOIS\n\n"
        "Les couturières ne lâchent rien\n\n"
        "Depuis deux semaines, une douzaine de couturières cousent des blouses pour les "
        "aides-soignantes.\n\n"
        "« On en est à 300 blouses livrées », raconte Odile Marchand, à l'origine du collectif "
        "Les Fils d'Argent. Merci à Gisèle, de Quéant, qui a fourni le tissu.\n\n"
        "Des légumes pour tous\n\n"
        "À Lagnicourt-Marcel, la famille Lefort, qui cultive des pommes de terre, a offert "
        "800 kg de légumes aux familles du village.\n")
    by_actor = {a: (sorted(t for t in towns if t.isdigit()), sorted(f)) for a, towns, f in found}
    # the lead tells of the blouses the collective counts: its volunteers are the story's
    assert by_actor["Les Fils d'Argent"] == (["62469"], [(12, "volunteers"), (300, "done")])
    assert by_actor["Famille Lefort"] == (["62484"], [(800, "done")])


def test_rows_of_a_box_and_a_list_s_lowercase_row_stay_in_the_list_over_a_paragraph():
    box = ("Communiqué de la sous-préfecture\n\n"
           "Depuis le 6 avril, l'association Les Cuistots de Fressin prépare des repas pour "
           "les personnes âgées des villages voisins, livrés chaque midi en voiture.\n\n"
           "640 repas livrés depuis le 6 avril\n\n85 foyers servis\n\n22 bénévoles mobilisés\n\n"
           "Un grand merci à toutes celles et tous ceux qui donnent de leur temps sans compter, "
           "jour après jour, pour que personne ne reste seul pendant ces longues semaines.")
    listed = ("Les Fils d'Embry — Actualités\n\n"
              "- 310 masques remis à la maison de santé\n\n"
              "- une quinzaine de bénévoles chaque après-midi\n\n"
              "Nous remercions chaleureusement toutes les personnes qui nous ont confié du "
              "tissu, des bobines ou un peu de leur temps pendant ces semaines.")
    for text, row, figure in ((box, "22 bénévoles mobilisés", (22, "volunteers")),
                              (listed, "- une quinzaine de bénévoles chaque après-midi",
                               (15, "volunteers"))):
        assert [b.role for b in split_blocks(text) if b.text == row] == ["content"]
        found = reading(text)
        assert not found.to_check
        assert figure in [(q.value, q.kind) for i in found.initiatives for q in i.quantities]


def test_a_name_never_runs_over_a_paragraph_s_end():
    assert find_actor("Publié par le bureau de l'association\n\n"
                      "Depuis le début du confinement, nos bénévoles livrent les courses.") is None


def test_a_header_set_apart_by_a_middle_dot_gives_the_town_s_own_page():
    (ini,) = summary(
        "HUMIÈRES · Le site de votre commune\n\n"
        "Courses et masques : où en sommes-nous ?\n\n"
        "Le conseil municipal a distribué 460 masques en tissu, deux par habitant.")
    assert "Humières" in ini[0] and ini[1:] == (["62468"], [(460, "done")])


def test_a_hashtag_that_is_a_word_names_no_town():
    found = reading("Les Petites Navettes\n\n"
                    "Encore 120 masques cousus cette semaine, merci à toutes !\n\n"
                    "#couture #entraide")
    assert "62252" not in [p.code for i in found.initiatives for p in i.places]   # La Couture


def test_a_person_thought_of_is_no_actor_and_comes_from_her_town():
    assert summary(
        "Les Fils d'Embry\n\n"
        "On a passé le cap des 700 masques cette semaine ! Une pensée pour Mme Odette, 79 ans, "
        "qui vient tous les après-midi de Wambercourt avec ses ciseaux.") == \
        [("Les Fils d'Embry", ["62293"], [(700, "done")])]


def test_the_actor_s_own_trade_in_apposition_gives_its_town():
    found = summary(
        "Un traiteur d'Hucqueliers nourrit les soignants\n\n"
        "Depuis trois semaines, le traiteur Delcourt livre 90 repas par jour à l'hôpital.\n\n"
        "D'autres ont suivi. Paul Lefranc, maraîcher à Tramecourt, a offert 200 kg de "
        "pommes de terre.")
    assert ("Paul Lefranc", ["62828"], [(200, "done")]) in found


def test_a_town_s_council_by_its_name_acts_and_its_hall_as_a_place_is_no_voice():
    found = summary(
        "RUISSEAUVILLE · SOLIDARITÉ\n\n"
        "L'association Fil d'Or a déjà cousu 800 masques.\n\n"
        "La municipalité de Ruisseauville a commandé 300 mètres d'élastique.\n\n"
        "Pratique : dépôts de tissu à la mairie de Ruisseauville, le mardi de 14 h à 17 h.")
    assert [a for a, _, _ in found] == ["Fil d'Or", "municipalité de Ruisseauville"]


def test_a_group_named_after_the_towns_it_joins_works_in_each():
    (ini,) = summary(
        "Mairie de Verchin\n\n"
        "L'épicerie solidaire, d'abord. Ouverte dans l'ancienne école, l'épicerie solidaire "
        "Verchin-Lugy a déjà servi 40 familles de nos deux villages.")
    assert ini == ("Épicerie solidaire Verchin-Lugy", ["62843", "62533"], [(40, "beneficiaries")])


def test_a_summary_s_rows_opening_with_their_figures_say_again_the_stories_figures():
    found = reading(
        "Le Lien — bulletin de la Communauté de communes du Haut Pays\n\n"
        "Parenty\n\n"
        "Les couturières de Parenty ont déjà cousu 900 masques pour les aides à domicile "
        "du secteur et pour les commerçants du bourg.\n\n"
        "Bourthes\n\n"
        "Le comité des fêtes de Bourthes livre chaque semaine 30 colis aux aînés du village "
        "avec l'aide des pompiers volontaires.\n\n"
        "EN CHIFFRES\n\n"
        "900 masques cousus\n\n"
        "30 colis par semaine\n\n"
        "Au niveau national, le gouvernement annonce des millions de masques commandés, "
        "mais sur le terrain les bénévoles restent en première ligne partout.")
    counted = [(q.value, q.kind) for i in found.initiatives for q in i.quantities]
    assert counted.count((900, "done")) == 1 and counted.count((30, "per_week")) == 1


def test_a_two_column_table_of_what_one_parcel_holds_gives_amounts_per_unit():
    found = reading(
        "Épicerie solidaire de Parenty\n\n"
        "Nous avons préparé 120 colis depuis avril.\n\n"
        "Contenu type d'un colis :\n\n"
        "Produit                 | Quantité\n"
        "------------------------|----------\n"
        "Pâtes                   | 2 kg\n"
        "Riz                     | 1 kg\n"
        "Lait UHT                | 4 litres\n\n"
        "Merci à tous les donateurs.")
    assert [(q.value, q.kind) for i in found.initiatives for q in i.quantities] == [(120, "done")]
    assert [n.reason for n in found.numbers if n.text in ("2", "1", "4")] == ["per_unit"] * 3


def test_a_story_counting_the_communes_it_reached_over_a_table_of_them():
    (ini, *_) = reading(
        "LA GAZETTE — Bulletin de la Communauté de communes du Haut Pays N° 9 – Mai 2020\n\n"
        "DOSSIER — Des visières pour les mairies\n"
        "La Communauté de communes a livré 400 visières aux 3 communes qui les avaient "
        "demandées, pour leurs agents d'accueil et leurs écoles.\n\n"
        "Commune          | Habitants | Livraison\n"
        "-----------------|-----------|----------\n"
        "Bourthes         | 853       | 5 mai\n"
        "Wicquinghem      | 252       | 5 mai\n"
        "Parenty          | 520       | 6 mai\n\n"
        "BON À SAVOIR\n"
        "La déchetterie de Hucqueliers rouvre le 11 mai, sur rendez-vous.\n").initiatives
    assert ini.actor == "Communauté de communes du Haut Pays"
    assert [p.code for p in ini.places if p.level == "commune"] == ["62168", "62886", "62648"]


def test_a_practical_notice_and_a_shopkeeper_s_town_report_no_action():
    found = summary(
        "Mairie de Parenty\n\n"
        "Chers habitants,\n\n"
        "La mairie a distribué 520 masques cette semaine, un par habitant.\n\n"
        "Quelques nouvelles pratiques :\n"
        "- le boulanger d'Embry continue sa tournée le mercredi ;\n"
        "- la mairie reste ouverte le lundi.\n\n"
        "BON À SAVOIR\n"
        "La déchetterie de Hucqueliers rouvre le 11 mai, sur rendez-vous.\n\n"
        "Votre maire")
    assert [(codes, figures) for _, codes, figures in found] == [(["62648"], [(520, "done")])]


def test_where_the_story_s_vehicle_stops_and_a_body_s_name_in_capitals_as_title():
    (ini,) = summary(
        "COMITÉ DES FÊTES DE BOURTHES\n\n"
        "Depuis le 14 avril, nos bénévoles livrent les familles isolées du plateau avec "
        "un fourgon prêté par un garage : 230 colis remis en trois semaines.\n\n"
        "Le fourgon stationne chaque jeudi à Wicquinghem et à Parenty, sur la place, de "
        "9 h à 11 h.")
    assert ini[0] == "Comité des Fêtes de Bourthes"
    assert ini[1] == ["62168", "62886", "62648"] and ini[2] == [(230, "done")]


def test_a_body_s_whole_name_shouted_as_the_title_is_the_author():
    assert summary("FOYER RURAL DE PARENTY\n\n"
                   "Cette semaine, nos bénévoles ont livré 80 colis aux aînés du village.") == \
        [("Foyer Rural de Parenty", ["62648"], [(80, "done")])]


def test_a_demonym_in_a_title_in_capitals_and_towns_one_came_from_or_a_line_joins():
    found = reading(
        "Accueil > Actualités\n\n"
        "UN COLIS POUR CHAQUE AÎNÉ : MERCI AUX LUMBROIS\n\n"
        "La mairie a distribué 410 colis aux aînés cette semaine, avec l'aide de 16 "
        "bénévoles. Le marché, que beaucoup fréquentaient depuis Elnes ou Setques, "
        "reste fermé, et la ligne de bus reliant Esquerdes à Setques est suspendue. "
        "Nadine, elle, habite Wavrans-sur-l'Aa, mais elle aide chaque jour à la mairie.")
    (ini,) = found.initiatives
    assert [p.code for p in ini.places] == ["62534"]


def test_a_table_s_first_column_of_actions_names_no_actor():
    found = reading(
        "Communauté de communes du Haut Pays\n\n"
        "| Action menée                     | Réalisé |\n"
        "|----------------------------------|---------|\n"
        "| Colis livrés aux aînés           | 640     |\n"
        "| Visières remises aux soignants   | 210     |\n")
    assert [i.actor for i in found.initiatives] == ["Communauté de communes du Haut Pays"]


def test_a_list_s_infinitives_after_a_past_of_capacity_were_done():
    (ini,) = summary(
        "Association Les Jardins du Marais\n\n"
        "Grâce à vos dons, notre association a pu :\n"
        "- livrer 320 colis\n"
        "- aider 85 familles\n"
        "- récolter 40 kg de légumes\n")
    assert ini[2] == [(320, "done"), (85, "beneficiaries"), (40, "done")]
    (ini,) = summary(
        "Association Les Jardins du Marais\n\n"
        "Le mois prochain, notre association va :\n"
        "- livrer 400 colis\n")
    assert ini[2] == [(400, "target")]


def test_a_table_of_actions_and_figures_alone_gives_each_row_s_kind():
    found = reading(
        "Communauté de communes du Haut Pays\n\n"
        "| Action                                     | Quantité |\n"
        "|--------------------------------------------|----------|\n"
        "| Colis livrés aux aînés                     | 640      |\n"
        "| Visières commandées, livraison fin mai     | 2 000    |\n"
        "| Agents volontaires mobilisés               | 35       |\n")
    assert [(q.value, q.kind) for i in found.initiatives for q in i.quantities] == \
        [(640, "done"), (2000, "ordered"), (35, "volunteers")]


def test_where_one_grew_up_a_way_s_end_and_the_people_served_of_another_town():
    # where a person grew up or was born, and the end of a trip no longer needed, are
    # passing; the people an errand is for, and friends given to, are reached
    (ini,) = summary(
        "Fruges. Le restaurant Le Relais prépare chaque jour 90 repas pour les "
        "soignants. Son chef a grandi à Anvin ; plus besoin de faire la route jusqu'à "
        "Hesdin ou Heuchin pour un repas chaud.")
    assert ini[1] == ["62364"]
    (ini,) = summary(
        "À Fruges, l'Amicale des sapeurs-pompiers va chercher les médicaments pour une "
        "vingtaine de personnes âgées de Fruges et de Lugy.")
    assert ini[1] == ["62364", "62533"]
    (ini,) = summary(
        "Les couturières du club Fil d'Argent ont cousu 400 masques, distribués à Fruges "
        "mais aussi à nos amis de Lugy.")
    assert ini[1] == ["62364", "62533"]


def test_a_box_row_over_two_lines_then_the_next_row_opening_with_its_figure():
    found = reading(
        "Ville de Barlin › Actualités\n\n"
        "Voici un point sur l'entraide dans notre commune depuis le début du confinement, "
        "avec tous nos remerciements aux bénévoles qui donnent de leur temps chaque jour.\n\n"
        "+----------------------------------------------+\n"
        "|  EN BREF                                     |\n"
        "|  520 personnes âgées appelées chaque         |\n"
        "|  semaine par les agents du CCAS              |\n"
        "|  14 bénévoles mobilisés                      |\n"
        "+----------------------------------------------+\n")
    figures = sorted((q.value, q.kind) for i in found.initiatives for q in i.quantities)
    assert (14, "volunteers") in figures


def test_a_tally_introducing_a_list_reports_what_was_done():
    (ini,) = summary(
        "Association Les Paniers du Marais\n\n"
        "Samedi, notre collecte devant la salle des fêtes a bien marché.\n\n"
        "Le bilan :\n"
        "✔ 1,5 tonne de denrées alimentaires\n"
        "✔ 240 kg de produits d'entretien\n")
    assert ini[2] == [(1.5, "done"), (240, "done")]


def test_an_ascii_table_s_rows_over_two_lines_are_one_row_each():
    found = reading(
        "Communiqué\n\n"
        "+------------+--------------------+------------------------------+\n"
        "| Commune    | Porteur            | Action et chiffres           |\n"
        "+------------+--------------------+------------------------------+\n"
        "| Cucq       | Club des Dunes     | Portage de repas : 60 repas  |\n"
        "|            |                    | par jour, 45 bénéficiaires   |\n"
        "| Verton     | Amicale du Marais  | Masques en tissu :           |\n"
        "|            |                    | 900 remis                    |\n"
        "+------------+--------------------+------------------------------+\n")
    assert [(i.actor, [p.code for p in i.places], [(q.value, q.kind) for q in i.quantities])
            for i in found.initiatives] == [
        ("Club des Dunes", ["62261"], [(60, "per_day"), (45, "beneficiaries")]),
        ("Amicale du Marais", ["62849"], [(900, "done")])]


def test_an_intercommunality_s_letterhead_on_its_second_line_is_the_voice():
    found = reading(
        "LA GAZETTE DU PAYS\n"
        "Bulletin de la Communauté de communes du Pays de Lumbres\n\n"
        "La Communauté de communes a remis 9 000 masques aux mairies de Quelmes, d'Elnes "
        "et de Seninghem.\n\n"
        "« Merci à tous. » – Le président de la Communauté de communes, maire de Setques")
    assert [i.actor for i in found.initiatives] == \
        ["Communauté de communes du Pays de Lumbres"]
    assert "62794" not in [p.code for p in found.initiatives[0].places]


def test_a_quoted_name_then_what_it_is_is_an_actor():
    (ini,) = summary(
        "Il est 10 heures sur la place de Verton. Le « Cabas du Marais », un drive fermier "
        "monté en dix jours, tourne à plein. « On prépare 90 paniers par semaine », raconte "
        "Sophie, l'une des fondatrices. Depuis l'ouverture, 1 100 paniers sont partis.")
    assert ini[0] == "Cabas du Marais" and ini[2] == [(90, "per_week"), (1100, "done")]


def test_a_town_said_in_full_then_by_its_first_word_is_the_same_town():
    (ini,) = summary(
        "ESTRÉE-BLANCHE – le site de la commune\n\n"
        "L'épicerie « Chez Odile » livre une trentaine de foyers par semaine, à Estrée "
        "comme à Ligny-lès-Aire.")
    assert ini[1] == ["62313", "62512"]


def test_places_helpers_come_from_and_a_trip_spared_are_passing():
    (ini,) = summary(
        "À Marles-les-Mines, les 12 bénévoles de l'atelier, venus de Calonne-Ricouart, "
        "mais aussi de Lozinghem et de Barlin, ont cousu 800 masques. Inutile de vous "
        "déplacer à Bruay ou à Auchel : les masques sont remis en mairie.")
    assert ini[1] == ["62555"]


def test_a_box_of_key_figures_titled_in_figures_says_again_the_story_s_figures():
    found = reading(
        "LA LETTRE DE L'AGGLO — Communauté d'agglomération de Béthune-Bruay\n\n"
        "┌──────────────────────────────────┐\n"
        "│ L'AGGLO EN CHIFFRES              │\n"
        "│ 100 communes                     │\n"
        "│ 1 800 visières offertes          │\n"
        "└──────────────────────────────────┘\n\n"
        "LE FABLAB\n"
        "Le fablab intercommunal de Ruitz a fabriqué 1 800 visières, remises aux "
        "infirmiers du secteur.")
    figures = [(q.value, q.kind) for i in found.initiatives for q in i.quantities]
    assert figures.count((1800, "done")) == 1


def test_a_post_s_dated_line_gives_its_town_and_a_hashtag_word_or_a_first_name_none():
    (ini,) = summary(
        "Les Aiguilles d'Opale\n"
        "Publication du 6 mai 2020 · Wimille\n\n"
        "Coucou à toutes et à tous ! Encore une belle semaine à l'atelier, merci à chacune "
        "pour sa patience et sa bonne humeur malgré la fatigue.\n\n"
        "✅ 900 masques cousus cette semaine\n\n"
        "📍 Dépôts chez Véro ou au local.\n\n"
        "Un immense merci à Lucie, qui repasse les masques tous les soirs, et à la "
        "boulangerie du centre qui nous offre les viennoiseries du goûter.\n\n"
        "On ne lâche rien ! Les patrons sont à disposition au local, demandez-les à "
        "l'accueil si vous voulez coudre chez vous.\n\n"
        "#Couture #Solidarité")
    assert ini[1] == ["62894"] and ini[2] == [(900, "done")]


def test_the_school_children_attend_elsewhere_is_passing():
    (ini,) = summary(
        "Chers Guînois,\n\n"
        "Nos couturières ont cousu 1 200 masques pour les habitants de Guînes. Nos enfants "
        "qui fréquentent le lycée de Calais reprendront peut-être en juin.")
    assert ini[1] == ["62397"]


def test_a_marked_call_for_help_introduces_its_list_and_a_box_of_the_essential_recaps():
    (ini,) = summary(
        "Comité des fêtes de Rivière\n\n"
        "Nos pâtissières ont livré 90 gâteaux aux soignants de l'hôpital cette semaine, un "
        "grand merci à elles et à tous ceux qui ont prêté leur four et leur cuisine.\n\n"
        "🥚 On a besoin de vous pour la suite !\n"
        "➡️ 25 kg de farine\n"
        "➡️ 150 œufs\n")
    assert ini[2] == [(90, "done"), (25, "needed"), (150, "needed")]
    found = reading(
        "Communiqué de la sous-préfecture\n\n"
        "┌──────────────────────────────────────┐\n"
        "│ L'ESSENTIEL                          │\n"
        "│ • 48 tonnes de denrées livrées       │\n"
        "└──────────────────────────────────────┘\n\n"
        "La Banque alimentaire a livré 48 tonnes de denrées aux épiceries sociales de "
        "Béthune et d'Isbergues.")
    figures = [(q.value, q.kind) for i in found.initiatives for q in i.quantities]
    assert figures.count((48, "done")) == 1


def test_a_summary_titled_in_a_glance_says_again_the_story_s_figures():
    found = reading(
        "Ville de Wimille › Vivre ensemble\n\n"
        "Le centre communal d'action sociale a réorganisé son portage : 95 aînés ont déjà "
        "été appelés par les agents, et les bénévoles ont assuré plus de 300 livraisons de "
        "courses depuis la mi-mars, avec le concours des commerçants du centre.\n\n"
        "Quelques chiffres, en un coup d'œil :\n"
        "• 95 aînés appelés\n")
    figures = [(q.value, q.kind) for i in found.initiatives for q in i.quantities]
    assert figures.count((95, "beneficiaries")) == 1


def test_a_list_s_last_town_with_its_article_over_the_next_list_s_title_is_a_row():
    # a list of single names, its last one opening with its article, then the title of
    # the next list: that last name is the list's row, no item's title
    body = release_from_text(
        "Bulletin de la Communauté de communes\n\n"
        "► Masques pour tous\n"
        "La Communauté de communes a reçu 12 000 masques en tissu commandés au début du "
        "mois d'avril. 6 000 ont déjà été remis par les mairies ; les autres le seront d'ici "
        "le 16 mai.\n\n"
        "Communes déjà livrées :\n"
        " – Hesdin\n"
        " – Marconne\n"
        " – Le Parcq\n\n"
        "Communes livrées la semaine prochaine :\n"
        " – Les Attaques\n\n"
        "► Portage de repas\n"
        "Le portage de repas continue, sur inscription en mairie, du lundi au vendredi, pour "
        "toutes les personnes de plus de 70 ans qui en font la demande.").body
    roles = {b.text: b.role for b in split_blocks(body)}
    assert roles["– Le Parcq"] == "content"


def test_a_kicker_town_over_the_headline_and_a_birthplace_in_passing():
    found = summary(
        "HERSIN-COUPIGNY\n\n"
        "Au club des retraités, les aiguilles ne chôment pas\n\n"
        "Agnès Martel, native de Frévent, coud depuis un mois avec les retraitées du club. "
        "Elles ont déjà cousu 700 masques pour les aînés de la commune.")
    assert all(i[1] == ["62443"] for i in found)
    assert [q for i in found for q in i[2]] == [(700, "done")]


def test_a_body_named_bare_after_it_was_named_with_its_town_is_in_that_town():
    found = summary(
        "Les maraîchers du Ternois solidaires\n\n"
        "Les maraîchers de Frévent ont livré 400 kg de légumes à l'épicerie sociale "
        "d'Avesnes-le-Comte.\n\n"
        "À l'épicerie sociale, la présidente, Anne Roussel, mesure l'effet de ce geste : "
        "l'épicerie sert 85 familles.")
    (epicerie,) = [i for i in found if (85, "beneficiaries") in i[2]]
    assert epicerie[1] == ["62063"]


def test_neighbours_in_the_same_plight_and_inhabitants_not_admitted_are_no_initiative():
    found = summary(
        "Isbergues, le 30 avril 2020\n\n"
        "Chers Isberguois,\n\n"
        "Le CCAS a porté 320 colis aux aînés de la commune.\n\n"
        "Nos voisins de Lillers et de Burbure vivent les mêmes difficultés.\n\n"
        "La déchetterie rouvre le 11 mai ; les habitants de Ferfay n'y sont pas admis.")
    assert not {"62516", "62188", "62328"} & {code for i in found for code in i[1]}
    assert [i[2] for i in found if i[2]] == [[(320, "done")]]


def test_growers_of_several_towns_and_a_span_s_middle_town_are_its_places():
    (ini,) = summary(
        "Les producteurs de Clairmarais, Serques et Tilques ont offert 900 kg de légumes "
        "aux familles du secteur.")
    assert set(ini[1]) == {"62225", "62792", "62819"}
    (ini,) = summary(
        "Le réseau Fil du marais réunit 80 couturières, de Tilques à Serques en passant par "
        "Moulle. Elles ont cousu 3 000 masques.")
    assert "62595" in ini[1]


def test_an_intercommunality_s_bulletin_its_service_and_a_home_help_branch():
    found = summary(
        "La Lettre de la Communauté de communes du Haut Pays du Montreuillois\n\n"
        "PORTAGE DE REPAS\n"
        "Le service intercommunal de portage livre désormais 120 repas par jour.\n\n"
        "APPEL\n"
        "L'ADMR de Heuchin, qui intervient chaque jour auprès des aînés, a besoin de 200 "
        "surblouses pour ses aides à domicile.")
    portage = next(i for i in found if (120, "per_day") in i[2])
    assert portage[1] == ["200069235"]        # the intercommunality, not Montreuil
    admr = next(i for i in found if (200, "needed") in i[2])
    assert admr[0] == "ADMR de Heuchin" and admr[1] == ["62451"]


def test_a_thanked_bakery_named_with_its_town_gives_its_own_figure():
    found = summary(
        "Les Paniers d'Anvin\n\n"
        "Cette semaine, nos bénévoles ont livré 120 colis aux familles d'Anvin.\n\n"
        "Un grand merci à la boulangerie Lenoir de Pernes, qui nous offre 40 baguettes par "
        "jour !")
    bakery = next(i for i in found if (40, "per_day") in i[2])
    assert bakery[0].startswith("Boulangerie Lenoir") and bakery[1] == ["62652"]


def test_friends_of_two_towns_the_nearest_pharmacy_and_a_road_are_passing():
    found = summary(
        "Heuchin, le 30 avril 2020\n\n"
        "Chers Heuchinois,\n\n"
        "Le CCAS a livré 85 colis aux aînés de la commune. Je n'oublie pas nos amis d'Ecques "
        "et de Bomy, avec qui nous échangeons chaque jour. La pharmacie la plus proche reste "
        "celle de Pernes, qui livre à domicile. Beaucoup d'entre vous prennent chaque matin "
        "la route de Fléchin.")
    assert {code for i in found for code in i[1]} == {"62451"}


def test_an_author_line_in_capitals_with_its_towns_names_the_author():
    (ini,) = summary(
        "ENTRAIDE DU TERNOIS – Anvin / Heuchin\n\n"
        "Grâce à vous, voilà ce qu'on a fait ensemble depuis le 20 mars :\n"
        "🥫 800 kg de denrées collectées\n"
        "🧺 90 colis distribués\n")
    assert ini[0] == "Entraide du Ternois" and ini[1] == ["62036", "62451"]
    assert ini[2] == [(800, "done"), (90, "done")]


def test_a_dateline_opening_the_first_paragraph_a_territory_title_a_produce_s_town():
    found = summary(
        "Vallée de la Ternoise : les producteurs s'organisent\n\n"
        "HEUCHIN. Les marchés sont fermés depuis le 24 mars. Une poignée de producteurs a "
        "monté un drive fermier sur le parking de la salle des fêtes.\n\n"
        "« On prépare 90 paniers par semaine, avec des légumes, des œufs et du fromage de "
        "chèvre de Brias », explique Paul, porte-parole du collectif Les Paniers de la "
        "Ternoise.")
    assert all(i[1] == ["62451"] for i in found)
    assert [q for i in found for q in i[2]] == [(90, "per_week")]


def test_goods_come_from_a_depot_s_town():
    (ini,) = summary(
        "Le préfet a remis 20 000 masques aux maires de Pernes et d'Anvin. Acheminés depuis "
        "la plateforme logistique de Heuchin, ils seront distribués dès lundi.")
    assert "62451" not in ini[1]


def test_a_timetable_row_naming_two_towns_tells_where_it_happens():
    found = summary(
        "LE RELAIS — Bulletin de la Communauté de communes du Ternois\n"
        "N° 9 — mai 2020\n\n"
        "MASQUES\n"
        "La Communauté de communes a distribué 6 000 masques lavables aux habitants du "
        "territoire.\n\n"
        "Prochaines distributions (en mairie) :\n\n"
        "| Commune              | Jour            | Horaires     |\n"
        "|----------------------|-----------------|--------------|\n"
        "| Anvin                | mardi 5 mai     | 9 h – 12 h   |\n"
        "| Heuchin              | mercredi 6 mai  | 14 h – 17 h  |\n"
        "| Brias et Bergueneuse | jeudi 7 mai     | 10 h – 11 h  |\n\n"
        "PORTAGE DE REPAS\n"
        "Le service de portage livre désormais 90 repas par jour.")
    masks = next(i for i in found if (6000, "done") in i[2])
    assert {"62036", "62451", "62180", "62109"} <= set(masks[1])
    # the service the intercommunality's bulletin names with no town works on its territory
    portage = next(i for i in found if (90, "per_day") in i[2])
    assert portage[1] == ["200069672"]


def test_pickup_points_listed_after_via_and_a_colon_are_where_it_happens():
    (ini,) = summary(
        "Bulletin de la Communauté de communes du Ternois\n\n"
        "La Communauté de communes du Ternois a distribué 9 000 masques aux habitants, via "
        "trois points de retrait : les mairies d'Anvin, Heuchin et Pernes.")
    assert {"62036", "62451", "62652"} <= set(ini[1])


def test_a_person_of_a_town_gives_from_home():
    found = summary(
        "Les Paniers de Brias\n\n"
        "Cette semaine, nos bénévoles ont livré 95 colis aux familles de Brias.\n\n"
        "L'hypermarché de Pernes nous a donné 2 tonnes de denrées depuis avril. Un habitant "
        "d'Anvin a livré plusieurs cartons de conserves.")
    assert "62036" not in {code for i in found for code in i[1]}


def test_a_need_heading_carries_to_a_labelled_entry_of_people():
    found = summary(
        "Les Jardins partagés de Renty\n\n"
        "Ce dont nous avons besoin :\n"
        "- 2 brouettes en bon état ;\n"
        "- des bénévoles motorisés : une quinzaine, si possible.")
    assert [q for i in found for q in i[2]] == [(2, "needed"), (15, "needed")]


def test_a_drive_of_producers_and_a_quoted_group_are_actors_and_a_square_is_no_far_town():
    found = summary(
        "LA LETTRE DU CANTON\n\n"
        "CIRCUITS COURTS\n"
        "Le drive fermier de Bourthes, ouvert par quatre maraîchers, prépare 55 paniers par "
        "semaine. Retrait le samedi, place d'Armes à Fauquembergues.\n\n"
        "COUTURE\n"
        "À Thiembronne, le groupe « Les Fils d'Argent » a remis 640 masques aux infirmières.")
    actors = {i[0]: i for i in found}
    assert "62168" in actors["Drive fermier de Bourthes"][1]
    assert actors["Les Fils d'Argent"][2] == [(640, "done")]
    assert not [code for i in found for code in i[1] if not code.startswith("62")]


def test_a_box_of_figures_whose_heading_is_joined_to_its_first_row_counts_them_once():
    found = summary(
        "Les couturières de Rumilly ont déjà remis 1 300 masques à l'hôpital.\n\n"
        "L'épicerie solidaire de Renty prépare chaque semaine 90 paniers.\n\n"
        "EN CHIFFRES 1 300 masques remis\n"
        "90 paniers par semaine")
    assert sorted(q for i in found for q in i[2]) == [(90, "per_week"), (1300, "done")]


def test_the_answer_to_a_question_of_cost_is_a_price():
    (ini,) = summary(
        "Les makers de Rumilly\n\n"
        "Les makers de Rumilly ont livré 800 visières aux soignants. Combien coûte une "
        "visière ? « À peine 0,90 € de plastique », répond Paul. Tout est offert.")
    assert ini[2] == [(800, "done")]


def test_a_post_s_own_workshop_in_its_lead_is_its_town_and_a_line_opened_by_a_participle_names_no_one():
    found = summary(
        "Les Aiguilles du Haut-Pays\nPublié ce matin · 🌍\n\n"
        "Bonjour à tous ! Un point rapide sur la semaine dans notre atelier de Bourthes.\n\n"
        "✅ 1 300 masques cousus depuis mars\n"
        "📦 Remis aux mairies de Zoteux et Wicquinghem, et à la pharmacie de Fruges\n"
        "🎯 Notre objectif : 2 000 masques avant la fin du mois\n")
    assert found == [("Les Aiguilles du Haut-Pays", ["62168", "62903", "62886", "62364"],
                      [(1300, "done"), (2000, "target")])]


def test_a_name_in_capitals_with_its_town_in_brackets_heads_the_figures_under_it():
    found = summary(
        "LA LETTRE DU CANTON\n\n"
        "🍞 RESTOS DU CŒUR DE FRUGES\n"
        "• 1 200 repas servis depuis le 17 mars\n\n"
        "🧶 LES DOIGTS D’OR (Hucqueliers)\n"
        "• 14 bénévoles\n"
        "• 350 blouses remises à l'hôpital de Montreuil-sur-Mer\n")
    assert found == [("Restos du Cœur de Fruges", ["62364"], [(1200, "done")]),
                     ("Les doigts d’or", ["62463", "62588"],
                      [(14, "volunteers"), (350, "done")])]


def test_a_verb_in_brackets_beside_a_needed_figure_does_not_govern_it():
    found = summary(
        "Les Cuistots de Cormont\n\n"
        "Cette semaine, nous avons préparé 320 repas pour les aînés du village.\n\n"
        "🆘 ON CHERCHE :\n"
        "– 150 barquettes avec couvercle (les nôtres font 500 ml, n'importe quel modèle ira)\n"
        "– des bras le jeudi matin !\n")
    assert found == [("Les Cuistots de Cormont", ["62241"], [(320, "done"), (150, "needed")])]


def test_a_bulletin_s_letterhead_after_a_pictograph_and_a_line_of_its_list_naming_towns():
    found = summary(
        "🌳 LA COMMUNAUTÉ DE COMMUNES DU PAYS DE LUMBRES — LETTRE SPÉCIALE\n\n"
        "📌 BILAN\n"
        "• 9 000 masques distribués par la Communauté de communes\n"
        "• 1 400 repas livrés par la cuisine centrale d'Esquerdes pour les aînés isolés\n\n"
        "🔜 LA SUITE\n"
        "• 6 000 masques commandés par la Communauté de communes\n"
        "• Retrait dans vos mairies de Setques, Elnes et Wisques : samedi, de 9 h à 12 h\n")
    assert found == [
        ("Communauté de communes du Pays de Lumbres", ["62794", "62292", "62898"],
         [(9000, "done"), (6000, "ordered")]),
        ("cuisine centrale d'Esquerdes", ["62309"], [(1400, "done")])]


def test_a_town_s_letterhead_in_capitals_names_its_institution_not_a_supplier_s_town():
    found = summary(
        "VILLE DE THÉROUANNE\nActualités municipales\n\n"
        "Masques : où en sommes-nous ?\n\n"
        "La commune a commandé 2 500 masques lavables auprès d'un atelier textile "
        "d'Aire-sur-la-Lys. Ils seront distribués en mairie le 9 mai.")
    assert found == [("Ville de Thérouanne", ["62811"], [(2500, "ordered")])]


@pytest.mark.parametrize("sentence", [
    # helpers shared out by where they come from
    "Elles sont venues avec leur machine, certaines de Quelmes, d'autres de Bouvelinghem.",
    # a thought for others, an adverb set off by commas
    "Une pensée, enfin, pour les familles de Quelmes, durement touchées.",
    # where pupils are enrolled
    "Les élèves inscrits au collège de Quelmes recevront leurs devoirs par courrier.",
])
def test_towns_named_in_passing_are_not_reached(sentence):
    found = summary("Les Couturières d'Acquin-Westbécourt\n\n"
                    "Nous avons cousu 640 masques pour le village. " + sentence)
    assert found == [("Les Couturières d'Acquin-Westbécourt", ["62008"], [(640, "done")])]


def test_a_table_s_column_numbering_its_rows_is_no_figure():
    found = summary(
        "Mairie de Fressin\n\n"
        "Le CCAS livre chaque midi 38 repas aux aînés.\n\n"
        "| N° | Secteur | Départ |\n|---|---|---|\n"
        "| 1 | Centre et rue du Moulin | 10 h |\n| 2 | Hameaux | 11 h |\n| 3 | Route de Créquy | 11 h 30 |\n")
    assert [q for _, _, qs in found for q in qs] == [(38, "per_day")]


def test_a_framed_box_of_key_figures_says_again_what_the_body_tells():
    text = ("LA LETTRE DU CANTON\nSpécial solidarité\n\n"
            "CHIFFRES CLÉS\n"
            "┃ 4 200 masques distribués entre le 2 et le 9 mai dans les mairies\n"
            "┃ 95 foyers accompagnés (courses, pharmacie, appels de convivialité)\n\n"
            "Les 4 200 masques ont été distribués en mairie de Fruges et de Créquy. Le CCAS "
            "de Fruges a accompagné 95 foyers.")
    blocks = split_blocks(release_from_text(text).body)
    read_of = {b.start: read_numbers(b.text) for b in blocks}
    counted_once.recapped(blocks, read_of)
    boxed = [n for b in blocks if b.text.startswith("┃") for n, q in read_of[b.start]
             if n.value and n.value > 50]
    assert [(n.text, n.reason) for n in boxed] == [("4 200", "restated"), ("95", "restated")]


def test_a_heading_in_capitals_that_is_also_a_word_and_a_group_named_without_a_head_noun():
    found = summary(
        "CANTON INFOS – Spécial solidarité\n\n"
        "🍲 AIDE ALIMENTAIRE\n"
        "L'épicerie solidaire de Fressin a distribué 180 colis depuis mars.\n\n"
        "🧵 COUTURE\n"
        "Les Fées Tisseuses de Créquy ne chôment pas : 1 900 masques cousus à ce jour par "
        "17 couturières !\n")
    assert ("Les Fées Tisseuses de Créquy", ["62257"], [(1900, "done"), (17, "volunteers")]) \
        in found
    assert all("62252" not in places for _, places, _ in found)   # Couture (62)


def test_a_need_heading_over_a_line_without_a_verb():
    found = summary(
        "Mairie de Torcy\n\n"
        "Le CCAS a livré 260 colis depuis le début du confinement.\n\n"
        "3. ON RECHERCHE\n"
        "Une douzaine de bénévoles pour les tournées du samedi matin.\n")
    assert [q for _, _, qs in found for q in qs] == [(260, "done"), (12, "needed")]


def test_where_a_story_went_sites_it_counts_and_friends_it_gave_to():
    # a paragraph without an actor counting the story's sites says where it happens
    found = summary(
        "La sous-préfecture de Montreuil a remis hier 9 000 masques aux maires du secteur.\n\n"
        "Le retrait s'est organisé sur deux sites : la salle des fêtes de Fressin et la "
        "maison des associations de Créquy.")
    assert {"62359", "62257"} <= set(found[0][1])
    # a heading introducing the story's drop-off points goes on with it
    found = summary(
        "Les Bobines de Royon\n\n"
        "On a cousu 700 masques ce mois-ci pour les villages du coin !\n\n"
        "📍 Points de dépôt :\n"
        "- à la mairie d'Embry\n"
        "- chez Josiane, à Torcy\n")
    assert found == [("Les Bobines de Royon", ["62725", "62293", "62823"], [(700, "done")])]
    # friends given to at their place are reached
    found = summary(
        "Les Bobines de Royon\n\n"
        "Nous avons cousu 300 masques, distribués à Royon mais aussi chez nos amis "
        "d'Ambricourt.")
    assert found == [("Les Bobines de Royon", ["62725", "62026"], [(300, "done")])]


def test_the_village_in_a_town_s_own_page_is_that_town_not_the_last_one_named():
    found = summary(
        "Mairie de Wambercourt\nActualités municipales\n\n"
        "Le marchand de légumes, qui vient de Planques, passe désormais le jeudi.\n\n"
        "L'Amicale Les Joyeux Lurons offre des œufs de Pâques aux 37 enfants du village.")
    assert ("Amicale Les Joyeux Lurons", ["62871"], [(37, "beneficiaries")]) in found


def test_a_card_s_address_under_its_name_and_letters_written_to_a_care_home():
    found = summary(
        "Aide alimentaire : le point de la préfecture\n\n"
        "Secours populaire – antenne de Fruges\n"
        "Adresse : 12 rue de Saint-Omer, 62310 Fruges\n"
        "Colis distribués depuis le 20 mars : 410\n"
        "Familles accompagnées : 96\n")
    assert found == [("Secours populaire", ["62364"], [(410, "done"), (96, "beneficiaries")])]
    found = summary(
        "Mairie de Wambercourt\n\n"
        "Les élèves de l'école ont écrit 85 lettres aux résidents de l'EHPAD de Fruges.")
    assert {"62871", "62364"} <= set(found[0][1])


def test_a_like_action_elsewhere_is_no_place_of_this_one():
    found = summary(
        "La Ville de Fruges a distribué 2 400 masques samedi. Cette opération s'inscrit dans "
        "la continuité de celle menée la semaine passée à Hesdin-la-Forêt.")
    assert found == [("Ville de Fruges", ["62364"], [(2400, "done")])]


def test_a_syndicate_s_letterhead_speaks_and_its_acronym_tells_where_it_works():
    found = summary(
        "SIVU DU PAYS DE LA CLARENCE\nLettre aux habitants – mai 2020\n\n"
        "Le SIVU poursuit le portage des repas dans ses communes, notamment à Ferfay et "
        "Camblain-Châtelain.\n\n"
        "1) Portage de repas\n• Repas livrés : 640 par semaine\n• Nouveaux inscrits : 35\n")
    assert found == [("SIVU du Pays de la Clarence", ["62328", "62197"],
                      [(640, "per_week"), (35, "beneficiaries")])]


def test_a_story_s_list_its_rounds_and_entries_labelled_by_their_bearer():
    found = summary(
        "Communauté de communes du Bruaysis – Bulletin n° 4\n\n"
        "Depuis le 20 mars, le service de portage de repas de la communauté a été ouvert à "
        "toutes les personnes isolées.\n\n"
        # a list whose introducing line is the story's
        "Le service en chiffres (au 25 avril) :\n"
        "Repas livrés depuis le début : 4 100\nRepas livrés chaque jour : 150\n\n"
        # where its rounds go
        "Tournées renforcées à Ruitz, Houdain et Barlin, où la demande a doublé.\n\n"
        ">>> ILS NOUS AIDENT\n\n"
        # a label named before its colon, referred back to after it; its rows under it
        "• Transports Hennebelle (Lapugnoy) : l'entreprise met un fourgon et trois chauffeurs "
        "à disposition pour livrer les colis.\n  Livraisons effectuées : 48\n\n"
        "• Les Vergers du Moulin (Vaudricourt) : ils ont offert leurs pommes aux familles "
        "suivies par le CCAS.\n  Pommes données : 350 kg\n")
    assert found == [
        ("service de portage de repas de la communauté", ["62727", "62457", "62083"],
         [(4100, "done"), (150, "per_day")]),
        ("Transports Hennebelle", ["62489"], [(3, "volunteers"), (48, "done")]),
        ("Les Vergers du Moulin", ["62836"], [(350, "done")])]
    # an activity's label, or a town's, names no bearer
    assert find_actor("• Aide alimentaire à Houdain : les bénévoles livrent les colis.") is None
    assert find_actor("• Barlin Centre : la mairie prête un local.") is None


def test_supplies_arriving_from_a_depot_neighbours_alike_and_one_who_does_the_same():
    found = summary(
        "Ferfay solidaire\n\n"
        "L'association Les Fils d'Ariane a cousu 900 masques. Une partie du tissu arrive de "
        "l'entrepôt régional de Barlin.\n\n"
        "Nos voisins de Gosnay et de Verquin ont fait preuve de la même générosité.\n\n"
        "À Annezin, Paul Lemaire, retraité, a fait de même avec sa machine. Il a déjà donné "
        "120 masques.")
    assert found == [("Les Fils d'Ariane", ["62328"], [(900, "done")]),
                     ("Paul Lemaire", ["62035"], [(120, "done")])]


def test_numbered_cards_in_capitals_over_their_fields_and_bodies_named_after_their_town():
    found = summary(
        "Communauté de communes du Ternois – Lettre n° 2\n\n"
        "LE POINT SUR LA SOLIDARITÉ\n\n"
        "1) PORTAGE DE REPAS PAR LA COMMUNAUTÉ\nRepas livrés : 5 200\n\n"
        "2) FRÉVENT SOLIDARITÉ\nAction : courses pour les aînés\nCourses livrées : 310\n"
        "Bénévoles mobilisés : 18\n\n"
        "3) FERME DU MOULIN DE WAIL\nAction : production de jus de pomme\n"
        "Jus produit : 600 litres\nObjectif : 1 000 litres\n")
    assert found == [
        ("Communauté de communes du Ternois", ["200069672"], [(5200, "done")]),
        ("Frévent Solidarité", ["62361"], [(310, "done"), (18, "volunteers")]),
        # (a commune a name in capitals gives keeps its own spelling)
        ("Ferme du moulin de Wail", ["62868"], [(600, "done"), (1000, "target")])]


def test_the_subject_that_orders_acts_and_a_notice_s_public_or_venue_acts_not():
    found = summary(
        "Ville d'Anvin – Actualités\n\n"
        "Un masque pour chaque habitant\n\n"
        # the maker of things a named subject ordered supplies them; it does not act here
        "La municipalité a commandé 3 000 masques lavables, fabriqués par un atelier de Pernes. "
        "Une première livraison a permis d'en distribuer 1 200.\n\n"
        "Ce qu'il faut savoir :\n"
        "- Qui ? Tous les habitants de plus de 10 ans\n"
        "- Où ? Salle Jean-Moulin, aux heures d'ouverture de la mairie\n")
    assert found == [("Ville d'Anvin", ["62036"], [(3000, "ordered"), (1200, "done")])]


def test_an_article_s_subject_described_then_named_is_one_initiative():
    found = summary(
        "HEUCHIN\n\n"
        "Les Aiguilles heuchinoises habillent les soignants\n\n"
        "Depuis un mois, un collectif de couturières bénévoles coud des blouses pour la maison "
        "de santé. Quatre cents ont été remises.\n\n"
        "Dans la cuisine de Denise, la machine tourne. Comme elle, 25 couturières ont rejoint "
        "le collectif Les Aiguilles heuchinoises, créé au début du confinement.\n")
    assert found == [("Aiguilles heuchinoises", ["62451"], [(400, "done"), (25, "volunteers")])]


def test_what_another_town_did_given_as_a_model_is_no_place_reached():
    found = summary(
        "Mairie d'Anvin\n\n"
        "La mairie a passé commande de 900 masques auprès d'un fournisseur, à l'image de ce "
        "qu'a fait Heuchin.")
    assert found == [("Mairie d'Anvin", ["62036"], [(900, "ordered")])]


def test_the_state_s_officer_hands_over_and_an_agentless_passive_goes_on_with_him():
    found = summary(
        "PRÉFET DU PAS-DE-CALAIS\nCommuniqué de presse\n\n"
        "Masques : la sous-préfecture remet 12 000 masques aux maires\n\n"
        "Le sous-préfet de Saint-Pol-sur-Ternoise a procédé ce mardi à la remise de 12 000 "
        "masques en tissu aux maires de l'arrondissement.\n\n"
        "Les premiers lots ont été remis aux maires d'Anvin, de Heuchin et de Pernes.\n")
    assert found == [("Sous-préfet de Saint-Pol-sur-Ternoise", ["62767", "62036", "62451", "62652"],
                      [(12000, "done")])]


def test_rows_of_towns_under_a_story_that_shared_things_out_and_towns_served_together():
    found = summary(
        "Communauté de communes du Ternois – Lettre n° 3\n\n"
        "1. DES MASQUES POUR CHAQUE COMMUNE\n"
        "La Communauté de communes a acheté des masques et les a répartis entre les communes. "
        "Livraisons faites au 2 mai :\n"
        "  - Frévent : 2.400 masques\n  - Anvin : 900 masques\n"
        "  - Ligny-sur-Canche : 300 masques\n\n"
        "2. NOS COURSES SOLIDAIRES\nLes bénévoles ont livré 140 paniers.\n\n"
        "Jours de passage :\n• Heuchin, Pernes\nJour : mardi\n• Monchel-sur-Canche\nJour : jeudi\n")
    assert found == [("Communauté de communes du Ternois",
                      ["62361", "62036", "62513", "62451", "62652", "62577"],
                      [(2400, "done"), (900, "done"), (300, "done"), (140, "done")])]


def test_towns_a_sentence_goes_on_with_those_left_out_and_a_speaker_s_life_elsewhere():
    found = summary(
        "FRÉVENT. Le drive fermier séduit\n\n"
        "Depuis avril, le collectif « Paniers du Ternois » a ouvert un drive fermier. Il traite "
        "120 commandes par semaine. Les clients viennent de Frévent mais aussi de "
        "Ligny-sur-Canche et de Bouret-sur-Canche, où une tournée a été organisée. « Mes "
        "enfants vivent à Lille et ne peuvent plus venir », confie une cliente.")
    codes = found[0][1]
    assert {"62513", "62163"} <= set(codes) and "59350" not in codes
    found = summary(
        "Ville d'Anvin – Actualités\n\n"
        "Le CCAS d'Anvin a livré 320 colis aux aînés.\n\n"
        "Rappel : ce service est réservé aux habitants de la commune. Les habitants de Heuchin "
        "sont invités à contacter le CCAS de leur propre commune. La distribution n'est pas "
        "ouverte aux résidents de Pernes.")
    assert found == [("CCAS d'Anvin", ["62036"], [(320, "done")])]


def test_a_figure_said_in_digits_then_in_words_counts_once():
    found = summary(
        "Les Couturières d'Anvin\n\n"
        "On a passé la barre des 3 000 masques !!! Trois mille masques cousus main depuis mars. "
        "Lundi 200 blouses, mardi 200 blouses.")
    assert found == [("Les Couturières d'Anvin", ["62036"],
                      [(3000, "done"), (200, "done"), (200, "done")])]


def test_a_rural_club_s_letterhead_where_its_service_runs_and_where_errands_are_run():
    found = summary(
        "FOYER RURAL DE HEUCHIN\nLa Lettre du Foyer — mai 2020\n\nBonjour à tous,\n\n"
        "Le principe\nVous nous donnez votre liste le lundi, un bénévole fait vos courses au "
        "supermarché de Pernes et vous les dépose le mardi. Le service fonctionne à Heuchin, à "
        "Anvin et à Bours.\n\n"
        "En chiffres\n• 64 livraisons effectuées\n• 15 bénévoles inscrits\n")
    assert found == [("Foyer Rural de Heuchin", ["62451", "62036", "62166"],
                      [(64, "done"), (15, "volunteers")])]
    # (a town the tagger takes for a verb still closes the name)
    assert find_actor("Le Foyer rural de Bours a livré 80 colis.").name == "Foyer rural de Bours"


def test_a_mayor_s_letter_dated_without_its_article_and_towns_of_relatives_neighbours_and_addresses():
    found = summary(
        "LE MOT DU MAIRE\nAnvin, 28 avril 2020\n\nMadame, Monsieur,\n\n"
        "– Le CCAS a livré 140 colis aux foyers les plus modestes.\n"
        "– L'atelier couture de la salle Jean-Moulin a fabriqué 700 masques.\n\n"
        "Beaucoup d'entre vous ont de la famille à Heuchin, à Pernes ou ailleurs : appelez-les.\n\n"
        "Nous avons procédé comme nos voisins de Bours, qui avaient distribué leurs masques plus "
        "tôt. Le 8 mai, la cérémonie se tiendra en comité restreint.\n\n"
        "Les dons sont à déposer au local, 3 rue Victor-Hugo.\n\n"
        "Prenez soin de vous et de notre commune.\n")
    assert found == [("CCAS d'Anvin", ["62036"], [(140, "done")]),
                     ("Commune d'Anvin", ["62036"], [(700, "done")])]
    assert release_from_text("Lens, 3 mai 2020\n\nTitre\n\nTexte.").dateline == "Lens"


def test_a_numbered_section_in_capitals_naming_a_quoted_scheme_keeps_its_list():
    found = summary(
        "LA LETTRE DU PAYS\n\n"
        "1. LES MASQUES\nLa Communauté de communes a distribué 9 000 masques dans ses communes, "
        "de Fruges aux villages voisins, en lien avec les mairies du territoire.\n\n"
        "2. « COUP DE MAIN » : LE RÉSEAU D'ENTRAIDE\n"
        "Ouvert le 25 mars, le réseau relie voisins et aînés.\n"
        "• 120 bénévoles inscrits\n• 700 courses livrées à Fruges et à Lugy\n"
        "• Encore recherchés : 30 bénévoles\n"
        "• Aînés appelés (courses, pharmacie, simples nouvelles) : 260\n"
        "• Autres villages couverts : Verchin, Ruisseauville\n")
    assert found[-1] == ("Coup de Main", ["62364", "62533", "62843", "62726"],
                         [(120, "volunteers"), (700, "done"), (30, "needed"),
                          (260, "beneficiaries")])


def test_a_milestone_passed_says_again_the_count_the_story_gives():
    found = reading(
        "HESDIN\nL'atelier de couture passe le cap des 5 000 masques\n\n"
        "Depuis fin mars, l'atelier de couture de Hesdin a confectionné 5 300 masques en tissu "
        "pour les habitants.\n")
    assert [(q.value, q.kind) for i in found.initiatives for q in i.quantities] == [(5300, "done")]
    assert ("5 000", "restated") in [(n.text, n.reason) for n in found.numbers]
    # alone, the milestone is the count the text gives
    alone = summary("Le collectif de Lugy a franchi la barre des 2 000 masques cousus.")
    assert [q for *_, qs in alone for q in qs] == [(2000, "done")]


def test_a_river_the_departement_s_towns_are_named_on_is_no_other_departement_s_commune():
    found = summary("Au bord de la Lys, les bénévoles de Saint-Venant ont livré 300 colis.")
    assert [codes for _, codes, _ in found] == [["62770"]]
    assert resolve("Lys").code != "62770"   # the commune of that name is still found when asked


def test_a_commune_that_is_also_a_word_heading_a_column_of_communes():
    table = ("Livraisons de colis par commune :\n\n"
             "  Commune       | Colis\n  --------------|------\n"
             "  Avion         | 420\n  Rouvroy       | 310\n")
    found = summary("Le CCAS de Méricourt a livré des colis aux familles.\n\n" + table)
    assert "62065" in [code for _, codes, _ in found for code in codes]
    entries = summary("Repas livrés à domicile :\n• Avion : 120 repas\n• Sallaumines : 90 repas\n")
    assert {"62065", "62771"} <= {code for _, codes, _ in entries for code in codes}
    # (a neighbourhood's firm, its quoted name after "régie", acts)
    assert find_actor("La régie de quartier « Les Bras Ouverts » livre des repas.").name == \
        "Les Bras Ouverts"
    # (a word alone on its line over another line is no entry of a list)
    assert "62065" not in [code for _, codes, _ in summary(
        "Un avion\nRouvroy a reçu 300 masques.") for code in codes]


def test_the_entries_of_a_practical_notice_without_figures_are_no_initiatives():
    found = summary(
        "Lugy : les nouvelles de la semaine\n\n"
        "Le club de foot de Lugy a livré 150 colis aux aînés de la commune.\n\n"
        "Infos pratiques\n"
        "- La piscine intercommunale de Fruges reste fermée jusqu'à nouvel ordre.\n"
        "- La boulangerie de Lugy ouvre le mardi matin.\n")
    assert [actor for actor, _, _ in found] == ["Club de foot de Lugy"]


def test_an_entry_carried_by_an_association_keeps_its_labelled_lines():
    found = summary(
        "LETTRE DU PAYS DE FRUGES\n\n"
        "1) MASQUES\n- Masques remis par les mairies : 4 000\n\n"
        "2) PANIERS SOLIDAIRES « LE PANIER DU PAYS »\n"
        "Porté par l'association Les Amis de Lugy, avec l'aide de la communauté de communes :\n"
        "- Villages desservis : Lugy, Ruisseauville, Verchin\n"
        "- Paniers livrés chaque semaine : 40 environ\n"
        "- Bénévoles : 9\n")
    assert found[-1] == ("Les Amis de Lugy", ["62533", "62726", "62843"],
                         [(40, "per_week"), (9, "volunteers")])


def test_all_the_things_told_given_to_towns_and_a_group_named_by_one_word_and_its_town():
    found = summary(
        "LE POINT DU VENDREDI 🧵\n\n"
        "Les Bobineuses de Fruges ont cousu 900 masques cette semaine 🙌\n\n"
        "Tous nos masques sont offerts aux habitants de Fruges, de Lugy et de Verchin.\n\n"
        "Merci à tous ❤️")
    assert found == [("Les Bobineuses de Fruges", ["62364", "62533", "62843"],
                      [(900, "done")])]
    assert find_actor("Le Maire de Fruges a commandé 300 masques.") is None


def test_a_chevron_marks_an_entry():
    found = summary("■ LUGY – Atelier couture du foyer rural\n"
                    "  › Masques cousus : 420\n  › Objectif : 800 avant le 11 mai\n")
    assert [q for *_, qs in found for q in qs] == [(420, "done"), (800, "target")]


def test_entries_headed_by_a_town_and_their_bearer_with_long_labels_and_a_town_s_ccas():
    found = summary(
        "LA LETTRE DU CANTON\n\n"
        "■ LUGY – Ferme Dupuis\n"
        "  › Œufs et légumes offerts chaque semaine aux familles modestes de Lugy et de "
        "Verchin : 30 paniers\n"
        "  › Total depuis le 30 mars : 150 paniers\n\n"
        "■ VERCHIN – CCAS\n"
        "  › Commande de 400 masques pour les aides à domicile (livraison attendue)\n"
        "  › Attestations imprimées : 250\n")
    assert [(actor, codes) for actor, codes, _ in found] == [
        ("Ferme Dupuis de Lugy", ["62533", "62843"]), ("CCAS de Verchin", ["62843"])]
    assert found[1][2] == [(400, "ordered"), (250, "done")]


def test_where_those_served_come_from_is_reached_and_comparisons_are_passing():
    found = summary(
        "Restos du cœur – antenne de Fruges\n\n"
        "Belle matinée au local ! 64 familles accueillies ce samedi, venues de Fruges, Lugy "
        "et Verchin.\n\n"
        "À titre de comparaison, la distribution organisée à Hesdin a servi moins de monde. "
        "Nos voisins de Ruisseauville appliquent les mêmes consignes que nous.")
    assert [codes for _, codes, _ in found] == [["62364", "62533", "62843"]]
    # helpers who come from a town still only come from there
    helpers = summary("Restos du cœur – antenne de Fruges\n\n"
                      "Douze bénévoles, venus de Lugy et de Verchin, ont servi 80 repas à Fruges.")
    assert [codes for _, codes, _ in helpers] == [["62364"]]


def test_an_agglomeration_s_bulletin_by_its_short_name_its_topics_and_a_bearer_s_seat():
    found = summary(
        "GRAND CALAIS TERRES ET MERS – INFOS\n\n"
        "Pendant la crise, l'Agglo et ses communes restent mobilisées.\n\n"
        "▶ DES MASQUES\n"
        "- Commande passée : 40 000 masques lavables, livraison attendue fin mai\n"
        "- Déjà remis aux mairies : 12 000 masques\n"
        "- Premières communes servies : Marck, Coulogne\n\n"
        "▶ CIRCUIT COURT\n"
        "Les Vergers du Calaisis, arboriculteurs installés à Guînes, proposent un drive :\n"
        "- 80 paniers préparés par semaine\n\n"
        "▶ ENTRAIDE ENTRE VOISINS\n"
        "Porté par l'association Calais Solidaire :\n"
        "Inscrits comme bénévoles ........ 140\n"
        "Missions en attente ........ 12\n")
    assert found[0] == ("Communauté d'agglomération Grand Calais Terres et Mers",
                        ["62548", "62244"], [(40000, "ordered"), (12000, "done")])
    assert found[1] == ("Les Vergers du Calaisis", ["62397"], [(80, "per_week")])
    assert found[2][2] == [(140, "volunteers"), (12, "needed")]


def test_headings_of_one_series_are_topics_even_when_one_reads_as_a_town():
    found = summary(
        "LA LETTRE DU TERNOIS\n\n"
        "■ COUTURE\n"
        "Atelier des Fils d'Anvin (Anvin, Heuchin)\n"
        "→ 900 masques cousus\n\n"
        "■ COURSES\n"
        "Épicerie solidaire de Frévent\n"
        "→ 40 familles aidées\n\n"
        "■ LIEN SOCIAL\n"
        "Commune de Wail\n"
        "→ 20 tablettes prêtées aux aînés\n\n"
        "■ À NOTER\n"
        "Prochaine lettre le 4 mai.\n")
    assert all("62252" not in codes for _, codes, _ in found)    # Couture, the village
    assert [codes for _, codes, _ in found] == [["62036", "62451"], ["62361"], ["62868"]]


def test_a_topic_heading_is_no_name_and_an_entry_s_name_before_its_figure_is():
    found = summary(
        "VILLE DE SAINT-POL-SUR-TERNOISE – LETTRE AUX HABITANTS\n\n"
        "■ MASQUES POUR TOUS\n"
        "- Masques lavables commandés par la ville : 5 000\n"
        "- Déjà distribués : 2 000\n\n"
        "■ FABRICATION DE BLOUSES\n"
        "- Les Ateliers du Moulin (chantier d'insertion, Frévent) : 300 blouses par semaine\n")
    assert [(actor, codes) for actor, codes, _ in found] == [
        ("Ville de Saint-Pol-sur-Ternoise", ["62767"]), ("Les Ateliers du Moulin", ["62361"])]
    assert found[1][2] == [(300, "per_week")]


def test_a_title_in_capitals_over_a_paragraph_naming_its_bearer_is_its_topic():
    found = summary(
        "LA LETTRE DU TERNOIS\n\n"
        "—— RÉSEAU « COUP DE FIL » ——\n"
        "Porté par l'association Entraide Frévent :\n"
        "• Bénévoles mobilisés : 30\n"
        "• Personnes aidées : 90\n")
    assert [(actor, quantities) for actor, _, quantities in found] == [
        ("Entraide Frévent", [(30, "volunteers"), (90, "beneficiaries")])]


def test_trips_advised_against_and_a_former_home_are_passing():
    found = summary(
        "Ville de Frévent\n\n"
        "Chers Fréventins,\n\n"
        "La commune a distribué 3 000 masques cette semaine. Je vous demande de limiter vos "
        "déplacements, même vers Hesdin ou Auxi-le-Château, où les commerces restent fermés.\n\n"
        "Le club de marche livre les courses de 25 aînés ; son président, un retraité "
        "installé autrefois à Ligny-sur-Canche, organise les tournées.")
    assert sorted({c for _, codes, _ in found for c in codes}) == ["62361"]


def test_the_headline_under_a_rubric_and_the_towns_a_delivery_serves():
    found = summary(
        "TERNOIS\n"
        "À Ligny-sur-Canche, les paniers du drive s'arrachent\n\n"
        "Lancé par une jeune éleveuse, le point de vente a trouvé son public.\n\n"
        "Marie Caron a vendu 200 paniers depuis avril. Elle assure aussi la livraison pour "
        "les clients de Wail et de Frévent qui ne peuvent pas se déplacer.")
    assert [(codes, quantities) for _, codes, quantities in found] == [
        (["62513", "62868", "62361"], [(200, "done")])]


def test_a_call_under_a_shouted_label_is_the_author_s_and_a_closed_shop_is_passing():
    found = summary(
        "Les Fils d'Or de Pernes\n\n"
        "⚠️ URGENT ⚠️ On manque de tissu ! Il nous en faudrait 30 mètres. La mercerie de "
        "Saint-Pol-sur-Ternoise est fermée depuis lundi.")
    assert found == [("Les Fils d'Or de Pernes", ["62652"], [(30, "needed")])]


@pytest.mark.parametrize("text, name, kind", [
    # a sentence adverb before the subject is no firm's name
    ("Enfin, l'entreprise Caron, basée à Frévent, a offert 500 gants à la commune.",
     "Caron", "entreprise"),
    # a small firm by its usual short form
    ("À Pernes, la PME Agrinove a fabriqué 300 visières.", "PME Agrinove", "entreprise"),
    # a name past an apposition saying what it is
    ("Les Jardins de la Ternoise, maraîchers installés à Wail, livrent 40 paniers.",
     "Les Jardins de la Ternoise", "association"),
])
def test_named_subjects_past_an_adverb_or_an_apposition(text, name, kind):
    actor = find_actor(text)
    assert (actor.name, actor.type) == (name, kind)


def test_an_item_s_paragraph_over_its_rows_and_a_way_told_without_its_verb():
    found = summary(
        "Communauté de communes du Haut Pays du Montreuillois\n"
        "LA LETTRE – semaine 17\n\n"
        "▶ Portage de repas\n"
        "Service intercommunal, tournées à Fruges, Lugy et Verchin.\n"
        "Rythme actuel ........ 90 repas / semaine\n")
    assert [(codes, quantities) for _, codes, quantities in found] == [
        (["62364", "62533", "62843"], [(90, "per_week")])]
    found = summary(
        "Le traiteur de Fruges cuisine pour les soignants\n\n"
        "Le traiteur Lenoir, installé à Fruges, prépare 60 repas par jour. Direction "
        "l'Ehpad de Lugy, où l'équipe attend son déjeuner. Cette initiative est inspirée "
        "pour partie de l'opération menée à Hesdin.")
    assert [codes for _, codes, _ in found] == [["62364", "62533"]]


def test_cards_under_marked_town_headings_with_their_bearer_and_dot_leaders():
    found = summary(
        "COMMUNAUTÉ DE COMMUNES DU TERNOIS – LA LETTRE\n\n"
        "Trois initiatives de nos villages.\n\n"
        "▶ ANVIN / HEUCHIN — Repas chauds\n"
        "Porteur : association Les Tabliers\n"
        "• Repas livrés depuis avril ........ 1 200\n"
        "• Livraison à domicile à Wail pour les personnes sans voiture\n\n"
        "▶ FRÉVENT — Masques\n"
        "Porteur : atelier Fil Rouge\n"
        "• Masques cousus ........ 900\n"
        "• Couturières bénévoles ........ 14\n")
    assert [(sorted(codes), quantities) for _, codes, quantities in found] == [
        (["62036", "62451", "62868"], [(1200, "done")]),
        (["62361"], [(900, "done"), (14, "volunteers")])]


def test_where_people_work_and_roads_and_edges_are_passing():
    found = summary(
        "Ville de Fruges\n\n"
        "Chers Frugeois,\n\n"
        "La commune a distribué 2 000 masques. Merci à celles et ceux qui continuent à "
        "travailler, ici ou à Hesdin. Notre couturière, qui a fait toute sa carrière dans une "
        "usine de Saint-Pol-sur-Ternoise, a cousu 300 blouses pour l'Ehpad.\n\n"
        "La rue qui nous relie à Lugy reste fermée, comme la zone artisanale à la sortie vers "
        "Verchin et les hameaux à la frontière avec Coupelle-Vieille.")
    assert sorted({c for _, codes, _ in found for c in codes}) == ["62364"]


def test_clients_towns_are_reached_and_contrasts_closures_and_givers_towns_are_passing():
    found = summary(
        "Communauté de communes du Haut Pays du Montreuillois\n\n"
        ">> DRIVE FERMIER DE LUGY\n"
        "Un drive fermier a ouvert à la salle des fêtes de Lugy.\n"
        "  • commandes préparées : environ 40 par semaine\n"
        "  • clients venus de Lugy, Verchin et Fruges\n\n"
        "Contrairement à Hesdin, aucune distribution centralisée n'est prévue. Le marché de "
        "Saint-Pol-sur-Ternoise reste, quant à lui, fermé. La pharmacie de garde peut se trouver "
        "à Auxi-le-Château. Des gens de Frévent sont venus déposer des sacs.")
    communes = {c for _, codes, _ in found for c in codes if len(c) == 5}
    assert sorted(communes) == ["62364", "62533", "62843"]


def test_a_practical_note_on_an_organisation_read_before_adds_where_it_goes():
    found = summary(
        "Communauté de communes des Campagnes de l'Artois\n\n"
        "Le drive solidaire « Les Paniers d'Aubigny » prépare 60 colis par semaine pour les "
        "familles d'Aubigny-en-Artois.\n\n"
        "Infos pratiques\n"
        "– Les Paniers d'Aubigny livrent aussi les aînés de Tincques, sur appel.\n"
        "– La déchetterie de Savy-Berlette rouvre le 11 mai.")
    (paniers,) = [f for f in found if "Paniers" in f[0]]
    assert paniers[1] == ["62045", "62820"]
    assert "62785" not in {c for _, codes, _ in found for c in codes}


def test_a_syndicate_s_journal_speaks_and_marked_titles_name_their_bearers():
    found = summary(
        "LE JOURNAL DU SIVOM – Vallée de la Lawe\n"
        "Numéro spécial confinement – mai 2020\n\n"
        "▶ COURSES POUR LES AÎNÉS\n"
        "Depuis la fermeture des commerces de proximité, nos agents assurent des tournées "
        "pour les aînés de Gonnehem, de Chocques et de Vendin-lès-Béthune, sur simple appel.\n"
        "  – Foyers livrés : 140\n"
        "  – Chauffeurs bénévoles : 11\n\n"
        "▶ ÉCRANS POUR LES SOIGNANTS – Plexi Concept (entreprise d'insertion)\n"
        "Installée à Chocques depuis dix ans, l'entreprise a mis ses découpeuses au service "
        "des soignants et a fabriqué des écrans de protection pour les cabinets de Gonnehem.\n"
        "  – Écrans livrés : 320\n\n"
        "▶ « UN APPEL, UN SOURIRE » – Mission locale de Béthune\n"
        "Des jeunes accompagnés par la Mission locale appellent chaque semaine les personnes "
        "isolées de Vendin-lès-Béthune, pour prendre des nouvelles et signaler les besoins.\n"
        "  – Personnes appelées : 75\n")
    assert [(actor, codes, figures) for actor, codes, figures in found] == [
        ("SIVOM Vallée de la Lawe", ["62376", "62224", "62841"],
         [(140, "beneficiaries"), (11, "volunteers")]),
        ("Plexi Concept", ["62224", "62376"], [(320, "done")]),
        ("Mission locale de Béthune", ["62119", "62841"], [(75, "beneficiaries")])]


def test_a_bulletin_called_communautaire_speaks_as_its_intercommunality():
    found = summary(
        "OSARTIS-MARQUION – INFOS COMMUNAUTAIRES\n"
        "Lettre aux élus et aux habitants – semaine du 4 au 10 mai 2020\n\n"
        "▶ Portage de repas (service intercommunal)\n"
        " • Repas livrés depuis le 16 mars : 2 100\n"
        " • Communes desservies : Marquion, Bourlon, Oisy-le-Verger\n"
        " Le service prévoit d'atteindre 700 repas par semaine d'ici juin.\n")
    assert found == [("Communauté de communes Osartis Marquion", ["62559", "62164", "62638"],
                      [(2100, "done"), (700, "target")])]


@pytest.mark.parametrize("text, name", [
    ("Fil & Co (entreprise d'insertion) a réorienté son atelier.", "Fil & Co"),
    ("Les Mailles Vives (association) ont cousu 300 masques.", "Les Mailles Vives"),
    # a town before a bracket is a place, the body inside it acts
    ("À Chocques (association des parents d'élèves), des masques.", "Association des parents d'élèves"),
    # a name's complement ends where a misread verb begins
    ("Le SIVOM de Lillers livre des repas chaque midi.", "SIVOM de Lillers"),
])
def test_a_name_then_its_kind_in_brackets_and_a_syndicate(text, name):
    assert find_actor(text).name == name


def test_towns_those_served_come_from_and_neighbours_given_to_are_reached():
    found = summary(
        "Achiet-le-Grand : l'épicerie solidaire ne désemplit pas\n\n"
        "L'épicerie solidaire d'Achiet-le-Grand accompagne désormais 95 familles, venues "
        "d'Achiet-le-Grand mais aussi de Bihucourt et de Gomiécourt. Les bénévoles ont préparé "
        "40 colis, portés à domicile chez nos voisins de Courcelles-le-Comte.")
    assert sorted({c for _, codes, _ in found for c in codes}) == \
        ["62005", "62131", "62248", "62374"]


def test_a_dotted_table_with_its_header_shares_out_the_total_before_it_once():
    found = summary(
        "Communauté de communes de la Terre des Deux Caps\n\n"
        "■ MASQUES\n"
        "- La Communauté de communes a commandé 12 000 masques lavables à un fabricant.\n"
        "- Distribution faite dans quatre communes, soit 5 100 masques remis :\n\n"
        "  Commune (habitants) .............. masques remis\n"
        "  Rety (2 096 hab.) ................ 2 000\n"
        "  Hardinghen (1 210 hab.) .......... 1 300\n"
        "  Fiennes (891 hab.) ............... 1 000\n"
        "  Hermelinghen (422 hab.) .......... 800\n")
    ((actor, codes, figures),) = found
    assert codes == ["62705", "62412", "62334", "62439"]
    # the total is said again by its rows: counted once, in them
    assert [v for v, kind in figures if kind == "done"] == [2000, 1300, 1000, 800]


def test_the_towns_a_story_was_shared_out_to_on_one_line_are_reached():
    found = summary(
        "Pays de Licques infos\n\n"
        "La cellule couture : bilan\n\n"
        "Lancée dès le confinement, la cellule couture du Pays de Licques rassemble des "
        "bénévoles de tout le secteur, qui cousent à la maison avec le tissu fourni.\n\n"
        "Les masques ont été distribués dans les communes suivantes :\n"
        "Licques – Hardinghen – Caffiers\n\n"
        "Appel aux dons ! Il manque 100 mètres d'élastique.")
    assert {"62506", "62412", "62191"} <= {c for _, codes, _ in found for c in codes}


def test_a_school_named_as_a_time_of_life_is_no_actor():
    assert find_actor("Certaines n'avaient pas cousu depuis le lycée.") is None
    assert find_actor("Depuis le lycée Pasteur, les élèves livrent des repas.").name == "lycée Pasteur"
