"""Place mentions in running text (issue 3), on sentences of the bundled releases."""
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import config
from geo.mentions import Mention, find_places

DEP = "62"


def places(text):
    return [(m.text, m.resolution.code, m.resolution.level) for m in find_places(text, DEP)]


def codes(text):
    return [m.resolution.code for m in find_places(text, DEP)]


@pytest.mark.parametrize("sentence, expected", [
    ("A Harnes, l’entreprise Durand Production, spécialiste en production", ["62413"]),
    ("les CCAS de Lens, \nLoison-sous-Lens et Loos-en-Gohelle.", ["62498", "62523", "62528"]),
    ("d’autres communes du secteur ( Avion, Annay-sous-\n\nLens ...).", ["62065", "62033"]),
    ("aider d'autres communes (Avion, Annay-sous-Lens).", ["62065", "62033"]),
    ("les habitants d’Offin, commune \n\nde l’arrondissement de Montreuil-sur-Mer, reçoivent",
     ["62635", "624"]),
    ("De même, la CRS 9 de Rennes, en mission dans le calaisis, a mis en place",
     ["35238", "T-CALAISIS"]),
    ("celle de Jonathan Petit qui a créé, sur le secteur \ndu calaisis, des visières",
     ["T-CALAISIS"]),
    ("L’association Planète sciences, qui intervient dans le lensois, s’est lancée",
     ["T-LENSOIS"]),
    ("Planète Sciences Hauts de France propose donc deux concours", []),
    ("Paul et Jimmy, deux amis étudiants à l’Université du Littoral Côte d’Opale (ULCO), se",
     []),
    ("- La fondation Agir contre l’exclusion, « Face Côte d’Opale » participe à la", []),
    ("Leurs actions les amènent à se déplacer sur le périmètre du bassin minier.",
     ["T-BASSIN-MINIER"]),
    ("Fabien SUDRY, préfet du Pas-de-Calais, remercie vivement", ["62"]),
    ("avec le soutien de la Fondation de France, livre gratuitement", []),
    ("habitant dans le calaisis ou ailleurs en France, de trouver", ["T-CALAISIS", "FR"]),
    ("Dans  le boulonnais, le collectif « les petites mains » à Ferques, composé",
     ["T-BOULONNAIS", "62329"]),
    ("la commune de Mazingarbe, près de \nBéthune, a souhaité", ["62563", "62119"]),
    ("Le Conseil départemental de Seine-Saint-Denis aide les collégiens", ["93"]),
    ("Clamart : un pot solidaire pour aider les plus fragiles", ["92023"]),
    ("en partenariat avec la Ville de Paris et la DRIHL", ["75056"]),
])
def test_release_sentences(sentence, expected):
    assert codes(sentence) == expected


def test_longest_match_wins():
    assert places("les CCAS de Loison-sous-Lens") == [
        ("Loison-sous-Lens", "62523", "commune")]
    assert places("à Loos-en-Gohelle") == [("Loos-en-Gohelle", "62528", "commune")]


def test_common_words_need_context():
    assert codes("un avion a atterri") == []
    assert codes("Avion de ligne en approche") == []  # capital but no cue
    assert codes("la mairie d'Avion a distribué") == ["62065"]
    assert codes("à Avion, 300 masques") == ["62065"]
    assert codes("prendre le bus") == []
    assert codes("Cours de couture à domicile") == []
    assert codes("les habitants de La Couture") == ["62252"]


def test_a_generic_head_alone_in_lower_case_is_the_word():
    # "échelle" opens "à l'échelle nationale"; alone, lower case, it is no commune (08)
    assert codes("notre atelier de couture a changé d'échelle") == []
    assert codes("à l'échelle nationale, des millions de masques") == ["FR"]
    assert codes("les bénévoles d'Échelle ont livré") == ["08149"]


def test_person_and_organisation_names():
    assert codes("à l’image de celle de Jonathan Petit qui a créé") == []
    assert codes("A Harnes, l’entreprise Durand Production") == ["62413"]
    assert codes("le rapport de Rémy Durand") == []
    assert codes("Monsieur Marck a répondu") == []


def test_streets_are_not_towns():
    assert codes("au 3 rue de Paris à Lens") == ["62498"]
    assert codes("sur la route de Calais") == []
    # a square "de" a town is that town's square: roads are named after where they lead
    assert codes("Samedi, sur la place de Beaurainville, le marché a repris.") == ["62100"]
    assert codes("au 2 place de la République à Lens") == ["62498"]


def test_territory_adjectives_are_territories():
    found = find_places("une action dans le lensois et sur le bassin minier", DEP)
    assert [m.resolution.level for m in found] == ["territoire", "territoire"]
    assert "62498" not in codes("dans le lensois")  # not the commune of Lens


def test_arrondissement_after_its_word():
    assert places("l'arrondissement de Montreuil-sur-Mer") == [
        ("arrondissement de Montreuil-sur-Mer", "624", "arrondissement")]
    assert codes("à Montreuil-sur-Mer") == ["62588"]


def test_urls_and_emails_are_not_places():
    assert codes("https://fr-fr.facebook.com/ville.marck et csmazingarbe@orange.fr") == []
    assert codes("https://www.facebook.com/Ménadel-et-Saint-Hubert-399726380595498/") == []


def test_offsets_and_text():
    text = "Confiné chez lui à Calais, Flavien Leblond a développé"
    (m,) = find_places(text, DEP)
    assert isinstance(m, Mention)
    assert text[m.start:m.end] == m.text == "Calais"
    assert m.resolution.query == "Calais" and m.resolution.inside


def test_every_release_commune_is_found():
    expected = {"62413", "62645", "62548", "62457", "62041", "62193", "62400", "62563",
                "62510", "62498", "62523", "62528", "62516", "62195", "62635", "62730",
                "62393", "62329", "62119", "62065", "62033", "62401", "92023", "75056",
                "35238"}
    found = set()
    for path in sorted(Path(config.PRESS_RELEASES_DIR).glob("*.txt")):
        found |= {m.resolution.code for m in find_places(path.read_text(encoding="utf-8"),
                                                         DEP)}
    assert expected <= found
    # and nothing that is not named there
    assert found - expected <= {"62", "T-CALAISIS", "T-BASSIN-MINIER", "T-LENSOIS",
                                "T-BOULONNAIS", "624", "FR", "93", "92"}


def test_mentions_do_not_overlap():
    text = Path(config.PRESS_RELEASES_DIR, "2020-04-08_pdc-solidaire-n2.txt").read_text(
        encoding="utf-8")
    found = find_places(text, DEP)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_find_places_never_raises(text):
    for m in find_places(text, DEP):
        assert text[m.start:m.end] == m.text


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["à", "Lens", "Annay-sous-", "\n", "Avion", ",", "<script>",
                                 "de", "Côte d'Opale", "s/", "Calais", "(", "Pas-de-Calais",
                                 " ", "-", "St", "."]), max_size=40))
def test_find_places_on_place_soup(parts):
    text = " ".join(parts)
    found = find_places(text, DEP)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert all(m.resolution.code for m in found)


def test_garbage_inputs():
    assert find_places("", DEP) == []
    assert find_places("<script>alert('Lens')</script>", DEP) is not None
    assert find_places(None, DEP) == []  # type: ignore[arg-type]


def test_a_name_with_a_small_number_in_digits_is_the_name_in_words():
    # a bulletin's masthead writes the intercommunality's "Deux Caps" as "2 Caps"
    assert codes("TERRE DES 2 CAPS INFOS") == ["246200380"]
    assert codes("Nous avons livré 2 masques à Lens et 7 colis à Liévin.") == ["62498", "62510"]


@pytest.mark.parametrize("text, expected", [
    # a name that is also a word, first in a list of communes, is the commune
    ("Les premières livraisons iront à Fleury, Eps et Boyaval.", ["62339", "62299", "62171"]),
    ("Seront servies Eps, Boyaval et Sains-lès-Pernes.", ["62299", "62171", "62740"]),
    # … not a word before a name that is no commune's, nor one in capitals
    ("Le cours d'EPS, Boyaval compris, reprend lundi.", ["62171"]),
    ("Elle fait de la couture, Boyaval en tête.", ["62171"]),
])
def test_a_name_that_is_a_word_first_in_a_list_of_communes(text, expected):
    assert codes(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the first element of a name whose rest situates it, when no other commune begins so
    ("Les bénévoles livrent à Fortel et à Grincourt chaque jeudi.", ["62346", "62389"]),
    ("Le club de Vitry a prêté son minibus.", ["62865"]),
    # several communes begin so ("Berles-au-Bois", "Berles-Monchel"): no short form
    ("Une collecte a eu lieu à Berles samedi.", []),
])
def test_a_commune_told_by_its_first_element(text, expected):
    assert codes(text) == expected


def test_a_first_element_that_begins_a_firm_s_name_is_no_commune():
    assert codes("La société Fortel Emballages a offert des cartons.") == []
