"""Figures with meaning: what was counted, how much, and what kind of count.

Every number of a text is read (`read_numbers`) and accounted for: a quantity
with its kind and the cue words that decided it, or a number set aside with the
reason (a date, a population, a per-unit amount, a national figure…).

A number's kind comes from its grammar and its cue words, in this order:
- a need ("recherche 40 bénévoles", "besoin de", "il manque") is `needed`;
- an order ("a commandé", "masques commandés") is `ordered` until a delivery is
  told in the past; a purchase is `ordered` only when its delivery is to come;
- a goal noun ("objectif", "but"), an intention verb ("s'apprête à", "vise",
  "prévoit de", "aller" + infinitive), a future or a conditional, an infinitive
  that no finite verb governs, or "supplémentaires" / "à venir" make a `target`;
- a rate ("par jour", "chaque semaine") is `per_day` / `per_week`;
- people are `volunteers` or `beneficiaries` by the noun they count;
- anything else told in the past or present is `done`.
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re

from geo import reference
from initiatives.ingest import BULLET
from initiatives.model import (
    APART,
    BENEFICIARIES,
    COUNTED,
    DONE,
    NEEDED,
    ORDERED,
    PER_DAY,
    PER_WEEK,
    SET_ASIDE,
    SET_ASIDE_LABELS,
    TARGET,
    VOLUNTEERS,
    NumberNote,
    Quantity,
)
from initiatives.nlp import for_parsing, parse
from initiatives.numbers import Number, find_numbers

_APOS = "['’]"

# --- items ------------------------------------------------------------------

MATERIAL, PEOPLE, VOLUNTEER, BENEFICIARY, MONEY, REF, POPULATION = (
    "material", "people", "volunteer", "beneficiary", "money", "ref", "population")
# (pattern, item, unit, group); first match wins, so longer phrases come first.
ITEMS = [
    (r"parts? de pizzas?", "parts de pizza", "unités", MATERIAL),
    (r"(?:solutions?|gels?|liquides?) hydro-?alcooliques?", "solution hydro-alcoolique",
     "litres", MATERIAL),
    (r"masques?", "masques", "unités", MATERIAL),
    (r"visières?", "visières", "unités", MATERIAL),
    (r"(?:sur-?)?blouses?", "sur-blouses", "unités", MATERIAL),
    (r"paniers?-repas|repas", "repas", "unités", MATERIAL),
    (r"paniers?", "paniers", "unités", MATERIAL),
    (r"colis", "colis", "unités", MATERIAL),
    (r"ordinateurs?", "ordinateurs", "unités", MATERIAL),
    (r"tablettes?", "tablettes", "unités", MATERIAL),
    (r"(?:paires? de )?gants", "gants", "unités", MATERIAL),
    (r"charlottes?", "charlottes", "unités", MATERIAL),
    (r"pizzas?", "pizzas", "unités", MATERIAL),
    (r"kits?", "kits", "unités", MATERIAL),
    (r"familles?", "familles", "familles", BENEFICIARY),
    (r"foyers?|ménages?", "foyers", "foyers", BENEFICIARY),
    # "petites mains": the idiom for the people who sew or pack, never hands counted
    # (the civic reserve's members, and those who deliver for the group: "6 « livreuses »")
    (r"bénévoles?|volontaires?|réservistes?|(?:«\s*)?livreu(?:r|se)s?(?:\s*»)?|agents?|élus?"
     r"|conseill(?:er|ère)s? municipa(?:l|ux|les?)"
     r"|(?<=petites )mains", "bénévoles", "personnes", VOLUNTEER),
    (r"couturi(?:er\(e\)s|er\(ère\)s|ères?|ers?)", "couturières", "personnes", VOLUNTEER),
    # (the other needle trades sewing and knitting for others)
    (r"tricoteu(?:r|se)s?|brodeu(?:r|se)s?", "couturières", "personnes", VOLUNTEER),
    # the "makers" who print visors at home, their English name often quoted
    (r"(?:«\s*|\")?makers?(?:\s*»|\")?", "makers", "personnes", VOLUNTEER),
    (r"personnes?", "personnes", "personnes", PEOPLE),
    (r"enseignants?|professeurs?|professionnel(?:le)?s?|animateurs?|animatrices?|éducateurs?"
     r"|éducatrices?|membres?"
     r"|inscrite?s?|salariée?s?|employée?s?|infirmières?|infirmiers?|médecins?|licenciée?s?"
     r"|adhérente?s?|joueurs?|joueuses?|sportifs?|sportives?|parents?|voisine?s?|retraitée?s?"
     r"|enseignantes?|professeures?"
     r"|scouts?|citoyens?|citoyennes?|participante?s?|intervenante?s?|commerçante?s?"
     r"|gérante?s?|assistante?s?|passionnée?s?|bricoleu(?:r|se)s?|chefs"
     r"|supporters?|supporteurs?|supportrices?"
     # (people by their sex: "les dames du club"; "Mamie", "Papi" title a name)
     r"|dames?|femmes?|hommes?|messieurs|garçons|filles", "personnes",
     "personnes", PEOPLE),
    # a town's residents, as its mayor calls them ("ses 17 000 administrés")
    # … or "âmes", the old word for them ("un village de 617 âmes")
    # … and "hab.", their abbreviation in a table's cell ("322 hab.")
    # … or "concitoyens", their fellows ("pour nos 9 000 concitoyens")
    (r"habitante?s?|hab\.|administrée?s?|âmes|concitoyen(?:ne)?s?", "habitants", "personnes",
     POPULATION),
    (r"euros?|€", "euros", "euros", MONEY),
    (r"exemplaires?|unités?|pièces?", "", "unités", REF),
]
# printed things, of which "exemplaires" are copies ("un guide … diffusé à 17 500
# exemplaires")
for _word in ("guides", "brochures", "dépliants", "flyers", "tracts", "affiches", "livrets",
              "plaquettes", "prospectus", "affichettes"):
    ITEMS.append((_word.rstrip("s") + "s?" if _word != "prospectus" else _word, _word,
                  "unités", MATERIAL))
for _word in ("collégiens", "lycéens", "élèves", "enfants", "étudiants", "seniors", "aînés",
              "résidents", "bénéficiaires", "patients", "soignants", "jeunes", "usagers",
              "pensionnaires", "locataires", "malades", "écoliers", "sinistrés"):
    ITEMS.append((_word[:-1] + "s?", _word, "personnes", BENEFICIARY))
_ITEMS = [(re.compile(rf"(?:{p})(?![\w-])", re.I), item, unit, group)
          for p, item, unit, group in ITEMS]
# A capitalised inhabitants' name ("les 620 Carvinois") counts people of a town.
# (-ard too: "les 2 100 Frévennards")
_ITEMS.append((re.compile(r"[A-ZÀ-Ý][a-zà-ÿ-]+(?:ois|oise|oises|ais|aise|aises|iens?|iennes?"
                          r"|ains?|aines?|ins|ines|ards|ardes)(?![\w-])"), "habitants", "personnes",
               BENEFICIARY))
_UNITS = re.compile(r"(litres?|l|tonnes?|t|kg|kilos?|kilogrammes?|mètres?|m|km)\b", re.I)
_UNIT_NAMES = {"l": "litres", "t": "tonnes", "kg": "kilos", "kilogramme": "kilos",
               "kilo": "kilos", "litre": "litres", "tonne": "tonnes", "mètre": "mètres",
               "m": "mètres", "km": "kilomètres"}
# Lengths measure matter only with it named ("300 m de coton"); alone they are distances.
_LENGTHS = {"mètres", "kilomètres"}
# Nouns a figure may count that are not quantities to total, by the reason shown.
NOT_COUNTED = {
    "place_count": """commune communes ville villes village villages hameau hameaux bourg
        bourgs site sites centre centres point points rue rues
        lieu lieux école écoles collège collèges lycée lycées établissement établissements
        exploitation exploitations ferme fermes
        structure structures association associations partenaire partenaires entreprise
        entreprises atelier ateliers pharmacie pharmacies commerce commerces magasin magasins
        mairie mairies quartier quartiers ehpad départements département région régions
        antenne antennes salle salles bureau bureaux permanence permanences stand stands
        emplacement emplacements
        boulangerie boulangeries épicerie épiceries supermarché supermarchés gymnase
        gymnases déchèterie déchèteries déchetterie déchetteries crèche crèches marché
        marchés pôle pôles guichet guichets agence agences maison maisons résidence
        résidences plateforme plateformes plate-forme plates-formes bâtiment bâtiments""",
    # uses one unit bears ("ces masques supportent 30 lavages"): a property of each
    # (a pattern's layers: "2 épaisseurs de coton")
    "per_unit": """lavage lavages lessive lessives utilisation utilisations épaisseur
        épaisseurs""",
    # (parts of a day too: "deux après-midi durant", "trois matinées de tri")
    "duration": """jour jours semaine semaines mois an ans année années heure heures minute
        minutes nuit nuits week-end week-ends journée journées demi-journée demi-journées
        matinée matinées après-midi soirée soirées""",
    "no_item": """mission missions objectif objectifs page pages concours fois étape étapes
        axe axes action actions initiative initiatives ami amis numéro numéros séance séances
        session sessions kilomètres km distance distances écart écarts groupe groupes
        raison raisons façon façons manière manières""",
}
_NOT_COUNTED = {w: reason for reason, words in NOT_COUNTED.items() for w in words.split()}
# bodies an aid may reach, as it reaches people
_ORGANISATIONS = {"entreprise", "entreprises", "commerce", "commerces", "association",
                  "associations", "structure", "structures", "exploitation", "exploitations",
                  "boulangerie", "boulangeries", "épicerie", "épiceries", "atelier", "ateliers"}
_AIDED = r"(?:aidée?s?|soutenue?s?|accompagnée?s?|indemnisée?s?|subventionnée?s?|secourue?s?)"
_HELPED_AFTER = re.compile(rf"\s+(?:[^\W\d]+\s+){{0,2}}?(?:(?:ont|sont|ont été|a été|ont déjà été)"
                           rf"\s+)?(?:déjà\s+)?(?:{_AIDED}|bénéficiaires)\b", re.I)
_HELPED_BEFORE = re.compile(r"\b(?:aid|soutenu|soutien[ts]?|accompagn|indemnis|subventionn)\w*\s+"
                            r"(?:déjà\s+)?(?:plus de\s+|près de\s+|environ\s+|pas moins de\s+)?$",
                            re.I)
# ("anciens" before an agent noun is "former": "quatre anciens serveurs"; alone, "nos 40
# anciens" are the elderly)
_ADJECTIVES = (r"(?:(?:nouveaux|nouvelles|premiers|premières|autres|petits|petites|grands"
               r"|grandes|derniers|dernières|vieux|vieilles|beaux|belles|gros"
               r"|grosses|prochains|prochaines"
               r"|anciens(?=\s+[a-zà-ÿ]+(?:eurs|euses|trices|iers|ières|istes|ants|antes)\b)"
               r"|anciennes(?=\s+[a-zà-ÿ]+(?:euses|trices|ières|istes|antes)\b))\s+)?")

# --- cues that set a number aside -------------------------------------------

_PER_UNIT_AFTER = re.compile(
    # ("chacune chez elle" tells where each works, no share: "une douzaine de couturières,
    # chacune chez elle, fabriquent …")
    r"^\W{0,3}(?:(?:pour |à )?chacune?\b(?!\s+(?:chez|de (?:son|leur) côté|à (?:son|sa)|dans (?:son|sa)"
    r"|depuis))|l['’]unité|pièce"
    r"|par (?-i:[A-ZÀ-Ý])[\w-]+(?:ois|aise?|iens?|ienne|ains?|aine)\b"  # "par Avionnais"
    r"|(?:par|pour chaque|à chaque) (?:personne|famille|foyer|élève|enfant"
    r"|commerçant|habitant|tête|agent|salarié|collégien|kit|lot|colis|panier|sachet|boîte"
    r"|pochette|résident|bénéficiaire|adulte|foyer|commande|livraison|envoi"
    # a cap per group ("15 élèves par classe", "6 par table")
    r"|classe|groupe|table|séance|voiture|véhicule"
    # a share per receiving place ("soit environ 20 litres par commune")
    r"|commune|village|mairie|école|établissement|structure|quartier|site"
    # what one tool or one batch gives ("quatre par plateau", "60 par rouleau")
    r"|plateau|machine|imprimante|bobine|rouleau|feuille|plaque|drap|mètre|carton|caisse"
    r"|palette|tournée|couturière|bénévole"
    # … or per shop, per client, per home
    r"|commerce|magasin|boutique|entreprise|association|pharmacie|cabinet|client|patient"
    r"|donateur|participant|ménage|logement|chambre|lit|officine|ehpad|médecin|infirmière?"
    r"|soignant|service"
    # … or per one's day of work, a person's unit, no calendar's ("2 masques par jour
    # travaillé")
    r"|jour travaillé|journée travaillée|jour de travail|journée de travail))\b", re.I)
# a share per one of the things made, closing the figure's phrase: the amount each one
# takes ("2 mètres de tissu et une heure de travail par blouse"), not an output
_MATERIALS = "|".join(p for p, _, _, group in ITEMS if group == MATERIAL)
_PER_ITEM_AFTER = re.compile(rf"[^,;:.!?()\n]{{0,60}}?\bpar\s+(?:(?:{_MATERIALS})(?![\w-]))", re.I)
# a pattern's layers of cloth ("2 couches de tissu"), not nappies ("200 couches bébé"):
# the words after the noun "couches"
_OF_CLOTH = re.compile(r"\s*(?:de\s+|d['’])(?:tissu|coton|toile|polyester|molleton|non[- ]tissé"
                       r"|étoffe|lin|gaze|jersey|percale)\b", re.I)
# a container's content, a cap per order ("limitée à 20 articles par commande")
_PER_UNIT_BEFORE = re.compile(
    r"\b(?:lots? de|kits? de|sachets? de|paquets? de|boîtes? de|pochettes? de|sacs? de"
    r"|bouteilles? de|bidons? de|flacons? de|cartons? de|cagettes? de|bocaux de|bocal de"
    r"|(?:limité|plafonné)e?s? à"
    # the size of the groups people work in ("par équipes de 6", "en binômes de 2")
    r"|(?:par|en) (?:petite?s? )?(?:équipes?|binômes?|brigades?|groupes?) de"
    r"|\b(?:un seul|une seule|1)\s+[^\W\d]+\s+pour"  # "un seul téléphone pour trois enfants"
    # supplies sized for what they will make ("du tissu et de l'élastique pour 20 masques")
    r"|\b(?:tissus?|élastiques?|fils?|matériel|matières? premières?|fournitures|kits?)\s+pour"
    # ("à raison de" gives a rate, "à raison de 800 par jour", or a share, "… trois par
    # personne", as what follows says)
    # (but "de quoi régaler les 68 résidents" serves a known set, its article definite)
    r"|de quoi \w+(?:\s+(?!(?:les|nos|ses|leurs|ces)\b)\w+)?|chacune?)\s*$", re.I)
# "Deux masques sont remis à chaque habitant", "2 masques maximum par personne": a
# distributive recipient later in the figure's clause.
_DISTRIBUTIVE_AFTER = re.compile(r"^[^,;.:()]{0,40}?(?:\b(?:à|pour) (?:chaque|chacun|chacune)\b"
                                 r"|\bpar (?:personne|habitant|foyer|famille|tête|élève|enfant"
                                 r"|résident|adulte)\b)", re.I)
# "chacun des 38 aînés": the number counts the set distributed over, not a share.
_SET_OF_EACH = re.compile(rf"\bchacune?\s+(?:des|de\s+(?:nos|ses|leurs|vos|ces)|d{_APOS}entre)\s*$",
                          re.I)


# "à raison de" gives a rate or a share: a share when the share's unit ends its clause,
# past the thing shared ("3 100 kits, à raison de deux masques lavables et d'un peu de
# gel par kit")
_AT_RATE_OF = re.compile(rf"\bà raison (?:de\s+|d{_APOS})\s*$", re.I)


def _share_at_rate(before: str, after: str) -> bool:
    clause = re.split(r"[,;.:!?()]", after)[0]
    return bool(_AT_RATE_OF.search(before)) and any(
        _PER_UNIT_AFTER.match(clause[m.start():]) for m in re.finditer(r"\bpar\b", clause))


def _per_unit_before(before: str) -> bool:
    """A container's content ("des kits de 20"), unless one batch is told ("un lot de 60"),
    or "de quoi" is what a need lacks ("il manque de quoi composer 60 colis": 60 wanted)."""
    return bool(_PER_UNIT_BEFORE.search(before)) and not _ONE_BATCH.search(before) and \
        not _LACKS_MEANS.search(before)


_PART_OF_SOME = re.compile(r"\b(?:plusieurs|quelques|de nombreu(?:x|ses)|certaine?s)\s+[^\d,;:.!?]{1,30}"
                           r",?\s+dont\s+$", re.I)
_SHARE_AGAIN = re.compile(r"\s+(?:pour|par)\s+(?:les?\s|la\s|l['’]|chaque\s)", re.I)
# a count said to happen now and then is one occasion's, no total ("avec parfois 3 ou 4
# passages dans le même", "quelquefois jusqu'à 12 appels")
_SOMETIMES = re.compile(r"\b(?:parfois|quelquefois|de temps en temps)\s+(?:jusqu['’]à\s+)?"
                        r"(?:\d+\s+(?:ou|à)\s+)?$", re.I)
_LACKS_MEANS = re.compile(r"\b(?:manqu\w*|faut|faudrait|besoin)\s+(?:\w+\s+){0,2}?de quoi"
                          r"\s+\w+(?:\s+\w+)?\s*$", re.I)


def _distributive(before: str) -> bool:
    """A distributive recipient earlier in the clause ("chaque foyer recevra deux …")."""
    return bool(_DISTRIBUTIVE.search(re.split(r"[.;,]|\bsoit\b", before)[-1])) and \
        not _SET_OF_EACH.search(before)


def _one_of_a_kind(before: str) -> bool:
    """The sentence's subject is one of a kind ("Chaque visière se compose …, fixée par
    quatre ergots"): its figures tell of one unit, unless a total is told."""
    # (a clause coordinated after a comma has its own subject: "Chaque cuisine prépare
    # un plat, et 140 plateaux partent chaque jour")
    # (and a closed quotation is another speaker's sentence: "« Chaque masque nous coûte
    # 0,80 € », explique-t-elle, qui a commandé 40 bobines")
    opening = re.split(r"[.!?;]\s|\bsoit\b|\b(?:au total|en tout)\b|,\s*(?:et|mais|puis|alors)\b"
                       r"|»", before)[-1]
    return bool(_EACH_OPENING.match(opening)) and not _SET_OF_EACH.search(before)


# what one unit is worth or holds, said of "un X" ("Un colis, c'est environ 30 € de
# produits", "une visière représente 20 minutes de travail")
_ONE_IS = re.compile(r"(?:^|[.!?…]\s+)\W*(?:Un|Une)\s+[a-zà-ÿ-]+\s*,?\s*(?:c['’]est|ça fait|représente"
                     r"|coûte|vaut)\b[^.;!?()«»]{0,40}$")   # (a bracket opens another clause)
# a figure told as a total sums the shares ("un colis pour chacun de nos aînés : 420
# colis en tout"), it is none of them
_AS_TOTAL_AFTER = re.compile(r"[^\W\d]*(?:\s+[^\W\d]+){0,2}?\s+(?:au total|en tout)\b", re.I)
# "Chaque colis : 1 kg de pâtes, 2 litres de lait": a list after "chaque X :" tells
# what each one holds
_EACH_HEAD = re.compile(r"\bchaque\s+(?!(?:jour|soir|matin|midi|semaine|mois|lundi|mardi"
                        r"|mercredi|jeudi|vendredi|samedi|dimanche)\b)[^\W\d_]+\s*:[^.;:!?]*$",
                        re.I)  # "chaque jour :" is a rate, not a container
# What a place or a body has, in a relative clause, is its size, not an output
# ("le gîte, qui compte 12 chambres"); of people it is its members (see _kind).
_HAS_BEFORE = re.compile(r"\bqui\s+(?:compte|comptent|comptait|dispose de|disposent de|possède"
                         r"|possèdent"
                         # (a body gathering its members: "qui fédère 27 agriculteurs")
                         r"|fédère|fédèrent|regroupe|regroupent|rassemble|rassemblent)"
                         r"\s+(?:près de\s+|plus de\s+|environ\s+)?$", re.I)
# "l'usine, qui emploie 85 salariés": the staff an employer has is its size
_EMPLOYS = re.compile(r"\b(?:emploi(?:e|ent|ait|aient)|emplo(?:yant|yer)|salarie|salarient)\s+"
                      r"(?:près de\s+|plus de\s+|environ\s+|quelque\s+)?$", re.I)
# "1 kit = 10 masques": an equation tells what one unit holds.
_EQUATION = re.compile(r"^\s*=|=\s*$")
# A distributive recipient ("chaque habitant recevra deux masques") makes a per-unit figure.
# ("chaque Calaisien en recevra deux", "chaque kilomètre rapportait 1 €"); "chaque jour"
# is a rate, not a distributive.
_DISTRIBUTIVE = re.compile(r"\b(?:chaque\s+(?!(?:jour|semaine|soir|matin|midi|nuit|mois"
                           r"|année|an|fois|week-end|après-midi|heure|quinzaine|lundi|mardi"
                           r"|mercredi|jeudi|vendredi|samedi|dimanche)s?\b)[^\W\d_]+|chacune?\b)", re.I)
_EACH_OPENING = re.compile(rf"\W*{_DISTRIBUTIVE.pattern}", re.I)  # (matched at a sentence start)
_PRICE_BEFORE = re.compile(rf"\b(?:revient à|d{_APOS}une valeur de|valeur de"
                           rf"|aide (?:(?:financière|exceptionnelle|forfaitaire|individuelle) )?de|prime de|chèques de|(?<!\bun )chèque de"
                           rf"|bons? (?:d{_APOS}achat )?de|allocation de|forfait de|au prix de"
                           rf"|pour la somme de|tarif de|coût de|coûte|vendus? à"
                           # what an order or a purchase costs ("pour un montant de 4 000 euros")
                           # (or the least one must order: "un montant minimum de 3 euros")
                           rf"|(?:pour )?un montant (?:total |global |minimum |minimal |maximum )?de"
                           rf"|coût (?:total|global) de"
                           # a price asked by a verb of sale ("vous en propose à 8 €")
                           rf"|(?:propos|vend|cèd|revend|factur|affich)\w*\s+à"
                           # (a fee's noun may take adjectives: "une participation symbolique de")
                           rf"|une (?:participation|contribution)(?:\s+[a-zà-ÿ]+){{0,2}}\s+de"
                           # an average basket's or ticket's sum ("Le panier moyen tourne
                           # autour de 25 euros")
                           rf"|\b(?:panier|ticket|achat|don)\s+moyen\b[^.;:!?\d]{{0,30}}"
                           # a charge's noun, then its amount ("Les frais de livraison sont
                           # fixés à 2 euros", "le tarif s'élève à 8 €")
                           rf"|\b(?:frais|tarifs?|prix|coûts?|cotisations?)\b[^.;:!?\d]{{0,40}}?"
                           rf"\b(?:(?:sont|est)\s+)?(?:fixée?s?|s{_APOS}élèvent|s{_APOS}élève|est|sont"
                           rf"|reste|restent)\s+(?:à|de))\s*$",
                           re.I)
_PRICE_AFTER = re.compile(r"^\s*(?:le|la|l['’]|les|par|pièce|l['’]unité"
                          # a sum suggested to each giver ("2 € conseillés")
                          r"|(?:conseillée?s?|suggérée?s?|recommandée?s?)(?!\s+(?:par|pour))"
                          # a tariff by class of person, its noun bare ("18 € adulte, 9 €
                          # jeune"); with an article it is whose money it is
                          r"|(?:adulte|enfant|jeune|étudiant|senior|adhérent|membre|licencié)"
                          r"(?!\s+(?:a|ont|avait|avaient)\b)"
                          r")\b", re.I)
# A place's noun complement counts its inhabitants, after adjectives and a coordinated
# count ("un arrondissement rural de quelque 115 000 habitants", "une intercommunalité
# de 15 communes et 26 000 habitants"); so does a possessive ("nos 3 000 habitants").
_POPULATION_BEFORE = re.compile(rf"(?:\b(?:village|hameau|commune|ville|bourg|cité|quartier|localité|station"
                                rf"|agglomération|arrondissement|intercommunalité|communauté|territoire"
                                rf"|canton|département|secteur|bassin)"
                                rf"(?:\s+(?:de\s+|d{_APOS}\s*)?"
                                rf"|(?:\s+(?!de\b)[a-zà-ÿ]+){{1,3}}\s+(?:de\s+|d{_APOS}\s*))"
                                rf"(?:\d[\d\s\u00a0\u202f]*\s+[a-zà-ÿ]+\s+et\s+(?:de\s+|d{_APOS}\s*)?)?"
                                # (the hedge is the number's own: "d'un peu plus de")
                                rf"(?:(?:un peu |bien )?(?:moins|plus|près) de\s+|quelque\s+"
                                rf"|environ\s+|à peine\s+|tout juste\s+|un peu\s+|bien\s+)?"
                                # "qui comptent ensemble quelque 38 000 habitants"
                                # (restricted: "ne compte que 1074 habitants")
                                rf"|\bcompt\w*\s+(?:(?:ensemble|au total|aujourd['’]hui|que|guère plus de)\s+)?"
                                rf"(?:quelque\s+|environ\s+|(?:un peu |bien )?(?:près|plus|moins) de\s+"
                                rf"|un peu\s+|bien\s+)?"
                                rf"|\bpeuplée?s? de\s+|\bpopulation de\s+|\bnos\s+|\bses\s+"
                                # (a population's label in a sentence: "(population
                                # intercommunale : environ 29 000 habitants)")
                                rf"|\bpopulation(?:\s+[a-zà-ÿ]+)?\s*:\s*(?:environ\s+|près de\s+)?"

                                # … or in brackets after it ("toute la population du
                                # village (un peu plus de 1 900 habitants)")
                                rf"|\b(?:population|village|commune|ville|bourg|hameau)\b"
                                rf"[^.;:()!?]{{0,40}}\(\s*(?:un peu\s+|bien\s+|environ\s+|quelque\s+)?"
                                # a row labelled as a population ("Population du
                                # territoire — près de 16 000 habitants")
                                rf"|(?:^|\n)\W{{0,3}}population\b[^.;:\n]{{0,40}}?\s*[:—–|]\s*"
                                rf"(?:près de\s+|environ\s+|quelque\s+|plus de\s+)?"
                                # a place's residents ("où vivent environ 33 000 habitants")
                                rf"|\boù\s+(?:vivent|résident|habitent|demeurent)\s+"
                                rf"(?:environ\s+|quelque\s+|(?:un peu |bien )?(?:près|plus|moins) de\s+)?"
                                rf"|\bleurs\s+"
                                # a territory told by its communes, then its inhabitants
                                rf"|\b\d+\s+communes\s*(?:,|et|[–—-])\s+(?:environ\s+|près de\s+"
                                rf"|quelque\s+|plus de\s+)?)$", re.I)
# The next town's population, its verb and noun left out ("Lillers compte 9 900
# habitants, Burbure un peu moins de 2 900"), the figure bare
# inhabitants told after a count of communes are a territory's size ("53 communes ·
# 105 000 habitants")
_AFTER_TOWNS_COUNT = re.compile(r"\b\d[\d\s\u00a0\u202f]*\s+communes\s*(?:[·•,|–—-]|\bet\b)\s*$")
_GAPPED_POPULATION = re.compile(r"\bhabitants\s*,\s*(?:et\s+)?[A-ZÀ-Ý][\w'’-]*(?:\s+[\w'’-]+){0,2}?"
                                r"\s+(?:(?:un peu |bien )?(?:moins|plus|près) de\s+|un peu\s+|bien\s+"
                                r"|environ\s+|quelque\s+)?$")
# All the inhabitants of a town are its population: "chacun des 10 000 habitants",
# "l'ensemble des 6 500 Wimereusiens", "tous les 900 habitants", "chacun de nos …".
_EVERY_OF = re.compile(rf"\b(?:l{_APOS}ensemble|chacune?|la totalité|l{_APOS}intégralité|tou(?:te)?s)"
                       rf"\s+(?:(?:de\s+|d{_APOS}entre\s+)?(?:nos|ses|leurs|les|vos)|des)\s+"
                       rf"(?:quelque\s+|près de\s+|environ\s+)?$", re.I)
_ALL_OF = re.compile(rf"{_EVERY_OF.pattern}"
                     # a town's own people, by its possessive ("pour nos 4 900 Desvrois")
                     rf"|\b(?:nos|ses|leurs)\s+(?:quelque\s+|près de\s+|environ\s+)?$"
                     # everyone, restated by "soit" ("chacun d'entre vous, soit près de 9 900")
                     rf"|\b(?:chacune?|tous|toutes)\b[^.;:]{{0,30}},\s*soit\s+"
                     rf"(?:près de\s+|environ\s+|quelque\s+|plus de\s+)?$", re.I)
# a territory that groups its inhabitants ("les 22 communes, qui regroupent quelque
# 115 000 habitants"): its population
_GATHERS_PEOPLE = re.compile(r"\b(?:regroup|rassembl|compt|totalis|réuni)\w*\s+(?:quelque\s+"
                             r"|près de\s+|environ\s+|plus de\s+|au total\s+)?$", re.I)
# a row label of people helped ("Bénéficiaires :"), no town
_HELPED_WORD = re.compile(r"(?i)bénéfic|aidé|servi|livré|inscrit|accompagn|appelé|touché")
# a place's noun, then a comma ("ce bourg, 2 300 habitants,")
_PLACE_NOUN_APPOSED = re.compile(r"(?i)\b(?:cité|ville|village|commune|bourg|localité|quartier)"
                                 r"\b[^,.;:!?]{0,30},\s*$")
# nothing after a count of inhabitants on its line but the place they live in
_WHERE_THEY_LIVE = re.compile(
    rf"[ \t]*(?:(?:sur|dans|en|de|du|au)\s+(?:le\s+|la\s+|l{_APOS}|notre\s+|nos\s+|ce\s+"
    rf"|cette\s+|ses\s+|les\s+|\d+\s+)*(?:territoire|communes?|villages?|ville|secteur|canton"
    rf"|communauté|agglomération|intercommunalité|quartiers?)"
    rf"(?:\s+(?:de|du|des|d{_APOS})\s*[^\n,;:.!?]{{0,40}})?"
    # (… or the town's name: "375 habitants à Rebergues")
    rf"|à\s+(?-i:[A-ZÀ-Ý])[\w’'-]*(?:\s+[\w’'-]+){{0,3}})?[ \t.]*(?:\n|$)", re.I)
# inhabitants spread over places, or a text's "avec" giving them first: the territory's
# size ("Avec plus de 34 000 habitants répartis sur 96 communes, notre territoire …")
_SPREAD = re.compile(r"\s*répartis\s+(?:sur|dans|entre)\b", re.I)
# inhabitants a scheme covers are its scope, no one it has helped yet ("18 000 habitants
# concernés par le dispositif")
_COVERED = re.compile(r"\s*(?:concerné|couvert|visé)e?s\s+par\b", re.I)
# inhabitants narrowed by an age or a state are some of them (see `_kind`)
# (the text read stops at the next figure: "de plus de " then the age)
_NARROWED = re.compile(r"\s*(?:(?:âgée?s|isolée?s|seule?s|fragiles|vulnérables|inscrite?s|malades"
                       r"|handicapée?s|en difficulté)\b|de (?:plus|moins) de(?:\s+\d+|\s*$))", re.I)
_WITH_SIZE = re.compile(r"(?:^|[.;:!?]\s*)Avec\s+(?:ses\s+|nos\s+|leurs\s+)?(?:(?:plus|près|moins)\s+de"
                        r"\s+|environ\s+|quelque\s+)?$")
# "une usine de 250 salariés", "un collège de 600 élèves": the size of an organisation.
# "les 16 000 habitants du territoire": the inhabitants of a place are its population.
_OF_A_PLACE = re.compile(rf"^\s*(?:du (?:territoire|village|secteur|canton|bassin|département)"
                         rf"|de (?:la|notre|cette) (?:commune|ville|communauté|agglomération)"
                         rf"|de l{_APOS}(?:agglomération|intercommunalité)"
                         # a territory's towns ("les quelque 23 000 habitants de nos 21
                         # communes"; the text read stops at the next figure)
                         rf"|de (?:nos|ses|leurs|ces|les) (?:\d+ )?(?:communes|villages|villes)"
                         rf"|de (?:nos|ses|leurs|ces)\s*$"
                         rf"|de (?:[A-ZÀ-Ý]|l{_APOS}[A-ZÀ-Ý]))")
_DEFINITE = re.compile(r"\b(?:les|des|aux|ses|nos|leurs|ces|vos)\s*(?:(?:quelque|environ"
                       r"|près de|plus de)\s+)?$", re.I)
_ORGANISATION_SIZE = re.compile(rf"\b(?:usine|entreprise|société|collège|lycée|école"
                                rf"|établissement|structure|PME|TPE|PMI|start-up|association"
                                rf"|club|famille|foyer|ménage)\s+(?:de\s+|d{_APOS}\s*)$", re.I)
# "À Croisilles, 1 900 habitants, …": a number of inhabitants in apposition to a place.
# (the hedge may be the figure's own: "Saint-Pol, un peu plus de 5 000 habitants, …")
_APPOSITION = re.compile(r"[A-ZÀ-Ý][\w'’-]+\s*[,(]\s*(?:(?:un peu |bien )?(?:(?:moins|plus|près) de\s+)?"
                         r"|environ\s+|quelque\s+)?$")
# "soit" restating a whole population in people: "la population de ses 104 communes, soit
# près de 38 000 habitants", "nos 12 communes, soit 9 000 habitants"
_RESTATED_SIZE = re.compile(r"\b(?:population|(?:ses|nos|leurs|les|ces|compte|regroupe|rassemble)\s+\d[\d\s\u202f]*\s+communes)"
                            r"[^.;]{0,30},\s*soit\s+$", re.I)
# A cost noun makes a sum a price ("le coût de revient d'un masque est estimé à 1,20 €").


def _unit_price(chain) -> bool:
    """A noun, then "à" and the sum: the thing's price ("panier à 12 €"); a verb before
    "à" gives an amount reached ("la cagnotte en est à 1 260 €", "s'élève à 900 €")."""
    if not chain:
        return False
    doc, i = chain[0].doc, chain[0].i
    return i >= 2 and doc[i - 1].lower_ == "à" and doc[i - 2].pos_ in ("NOUN", "PROPN")


# (a sale in any tense: "je le vendrais 12 euros"; not Friday, "vendredi")
_COST = re.compile(r"\b(?:coût|coûte|prix|tarif|revient|vend(?!redi)|facturé|adhésion|cotisation"
                   r"|abonnement|négoci)\w*\b", re.I)
_COST_ASKED = re.compile(r"\b(?:combien|quel(?:le)?)\b[^?.!]{0,60}?\b(?:co[uû]t|prix|tarif)\w*"
                         r"[^?.!]{0,60}\?\s*$", re.I)
# (one cheque's sum is a gift: "a remis un chèque de 3 000 € au CCAS"; cheques of a sum
# are an aid per person, `_PRICE_BEFORE`)
# a donation said made by its giver is a sum given, not an aid's size ("le club a fait
# un don de 500 €", "un don de 500 € a été versé par le club")
_GIFT_MADE = re.compile(r"\b(?:a|ont|avons|avait|avaient)\s+(?:(?:déjà|aussi|également)\s+)?"
                        r"(?:fait|versé|remis|offert|adressé)\s+un don de\s*$", re.I)
_GIFT_MADE_AFTER = re.compile(r"^\s*(?:[^\W\d]+\s+){0,2}?(?:a|ont)\s+été\s+(?:fait|versé|remis|offert)",
                              re.I)
_COLLECT = re.compile(r"\b(?:récolt|collect|lev[ée]|réuni|cagnott|dons?\b|versé|offert|"
                      r"financ|chèque)", re.I)
# Subjects and phrases of a national or regional figure quoted in a local text (the
# State or the Region as agent, "par", or partner, "avec", is no scope).
_NATIONAL_SUBJECTS = {"gouvernement", "état", "ministère", "ministre", "france", "pays",
                      "république", "région"}
# France's regions: a figure given for one of them is no local output
_REGIONS = (r"(?:Hauts-de-France|Île-de-France|Grand Est|Normandie|Bretagne|Pays de la Loire"
            r"|Centre-Val de Loire|Bourgogne-Franche-Comté|Nouvelle-Aquitaine|Occitanie"
            r"|Auvergne-Rhône-Alpes|Provence-Alpes-Côte d['’]Azur|Corse)")
_NATIONAL_PHRASE = re.compile(
    rf"\b(?:(?:au|à l{_APOS}) ?(?:niveau|plan|échelon) (?:national|régional)|à l{_APOS}échelle (?:nationale|du pays|de la France"
    rf"|de l{_APOS}Hexagone|régionale|de la région)|en France|(?:dans|sur|à travers) (?:toute )?la France"
    # (the country by its figure of speech: "dans l'Hexagone", "partout dans l'Hexagone")
    rf"|(?:dans|sur|à travers) (?:tout )?l{_APOS} ?Hexagone"
    rf"|(?:à titre de |pour )comparaison"
    # (the Region as a funder, "grâce à une dotation de la Région", is no scope either)
    rf"|(?<!par )(?<!avec )(?<!grâce à )(?<!dotation de )(?<!aide de )(?<!soutien de )"
    rf"(?<!financement de )(?<!subvention de )(?-i:[Ll]a Région)"
    # (… nor a named area's "Région de X", a body's name: "Communauté de communes de la
    # Région d'Audruicq")
    rf"(?!\s+(?:de\s+|d{_APOS})\s*(?-i:[A-ZÀ-Ý]))"
    # ("l'ensemble du territoire", bare, is a local body's own: "210 bénéficiaires
    # répartis sur l'ensemble du territoire" in an intercommunality's bulletin)
    rf"|dans (?:tout )?le pays|partout en France|territoire (?:national|français)"
    rf"|(?<!par )(?<!avec )le gouvernement"
    # (the State as the goods' source is no scope: "issus des stocks de l'État")
    # (nor are the State's services, the prefecture's own in the département: "les
    # services de l'État ont remis 9 400 masques aux soignants de Calais")
    rf"|(?<!par )(?<!avec )(?<!stocks de )(?<!stock de )(?<!réserves de )(?<!dotation de )"
    rf"(?<!services de )l{_APOS}[ÉE]tat"
    rf"|national(?:e|es|aux)? de|les Français"
    rf"|(?:selon|d{_APOS}après) (?:le |la |les |l{_APOS})?(?:ministère|ministre|gouvernement"
    rf"|Santé publique France|Insee|INSEE|rectorat|recteur|ARS|agence régionale)"
    # an education authority's whole area (an académie spans several départements)
    rf"|(?:de|dans toute) l{_APOS}académie"
    rf"|(?:dans|en|sur) (?:toute |l{_APOS}ensemble de )?(?:la|les) région"
    rf"|(?:dans|en|sur|(?:à l{_APOS}échelle|au niveau) d(?:es|e))"
    rf" (?:les |la |l{_APOS}|toute la |tous les )?{_REGIONS}"
    # the regional health agency as the one acting
    rf"|(?-i:[Ll]{_APOS}Agence régionale de santé|[Ll]{_APOS}ARS)\b"
    rf"|\brégion {_REGIONS})\b", re.I)

# --- cues of a kind ---------------------------------------------------------

# a weekday repeated is a weekly rate ("chaque mardi", "tous les samedis")
_WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
_WEEKLY = rf"chaque semaine|toutes les semaines|chaque {_WEEKDAY}|tous les {_WEEKDAY}s"
_RATE_BEFORE = re.compile(rf"\b(?:(?P<day>(?:par|chaque) (?:jour|soir|matin|midi)|quotidiennement"
                          rf"|tous les (?:jours|soirs|matins|midis))"
                          rf"|(?P<week>par semaine|{_WEEKLY}|hebdomadairement))"
                          # (the act may be named by its noun, the figure its complement:
                          # "assure chaque jour la livraison d'une soixantaine de repas")
                          rf"(?:\s+(?:la|le|l{_APOS})\s*(?:livraison|distribution|préparation"
                          rf"|confection|fabrication|production|remise|collecte|portage|envoi)"
                          rf"(?:\s+(?:de|d{_APOS}|des)\s*(?:une\s+)?)?)?"
                          rf"(?:\s+(?:en moyenne|environ|près de))?\s*$", re.I)
# A relative pronoun opens the figure's own clause ("…, qui a déjà réuni 1 250 euros")
_RELATIVE = re.compile(r"\b(?:qui|dont|lequel|laquelle|lesquels|lesquelles)\b")
# A habit compared ("Voici, comme chaque lundi, nos chiffres :")
_HABIT = re.compile(r"\bcomme (?:chaque|tous les|toutes les)\s+\w+", re.I)
# the same cues anywhere in a line (a list's introducing line)
_RATE_WORDS = re.compile(rf"\b(?:(?P<day>(?:par|chaque) (?:jour|soir|matin|midi)|quotidien\w*"
                         rf"|tous les (?:jours|soirs|matins|midis))"
                         rf"|(?P<week>par semaine|{_WEEKLY}|hebdomadaire\w*))\b", re.I)
_PER_DAY = re.compile(r"^[^.;]{0,60}?(?:\b(?:par|chaque) (?:jour|soir|matin|midi)|/\s?jour"
                      r"|\bquotidien\w*)", re.I)
_RATE_RIGHT_AFTER = re.compile(rf"^\s*(?:[^\W\d]+\s+){{0,2}}?(?:(?:par|chaque)\s+(?:jour|soir|matin|midi"
                               rf"|semaine)|{_WEEKLY}|/\s?(?:jour|semaine))\b", re.I)
# A rate adverbial opening the sentence ("Chaque jour, …") sets the rate of the whole sentence.
_RATE_OPENING = re.compile(rf"^\W*(?:(?P<day>(?:chaque|tous les) (?:jours?|soirs?|matins?|midis?)"
                           rf"|au quotidien)|(?P<week>{_WEEKLY}))\b", re.I)
_PER_WEEK = re.compile(rf"^[^.;]{{0,60}}?(?:\b(?:par semaine|{_WEEKLY}|hebdomadaire\w*)"
                       rf"|/\s?semaine)", re.I)
# Verbs and nouns of a need; "il faut" with its clitics ("il nous en faudrait").
# ("dans le besoin" says who is needy, it asks for nothing: "les familles dans le besoin")
_NEEDY = re.compile(r"\bdans le\s+$", re.I)
NEED = re.compile(r"\b(?:recherch\w*|cherch(?:e|ent|ons|ez|ait)\b|(?<!dans le )besoin|manqu\w*|réclam\w*"
                  r"|il\s+(?:(?:nous|leur|lui|en|y)\s+)*fau(?:t|drait|dra)\b"
                  # (a call for: "faire appel à eux" relies on someone, asks for nothing)
                  r"|appel à(?!\s+(?:eux|elles?|lui|nous|vous|leurs?\s+services)\b)"
                  # (… "un appel aux dons", "un appel pour du tissu", "un appel afin de
                  # réunir …" too)
                  r"|appel (?:aux?|pour|afin d(?:e\b|['’]))"
                  # (… or announced by its colon: "je lance un appel : …")
                  r"|\bappel\s*:"
                  r"|recrut\w*|sollicit\w*|sont attendu\w*"
                  # (a wish to find: "on aimerait trouver 10 bénévoles de plus")
                  r"|(?:aim|voudr|souhait|espér)\w*\s+trouver"
                  # (things asked of others: "Tablettes demandées aux entreprises : 40")
                  r"|demandée?s\s+(?:aux?|à)\s)", re.I)
# a figure given as the aim of a purpose clause ("pour atteindre 3 000", "afin de
# franchir la barre des 10 000")
_PURPOSE_GOAL = re.compile(r"\b(?:pour|afin d['’]|afin de)\s*(?:atteindre|arriver à|parvenir à"
                           r"|franchir|dépasser|passer)\s+(?:(?:le cap|la barre|la barre symbolique)"
                           r"\s+(?:des?|d['’])\s*|les\s+)?$", re.I)
# a participle of seeking after the counted noun ("4 bénévoles recherchés")
# (or said to be needed: "une vingtaine de volontaires supplémentaires sont nécessaires")
_NEED_AFTER = re.compile(r"^\s*(?:supplémentaires\s+)?(?:(?:sont|seraient|serait|est|seront"
                         r"|restent|reste)\s+(?:encore\s+|toujours\s+|donc\s+)?(?=nécessaire"
                         r"|indispensable))?((?:recherch|sollicit|demandé|requis|manquant"
                         r"|nécessaire|indispensable)\w*)", re.I)
# the figure's clause says it is still awaited ("… autres sont encore attendus", "restent
# en attente de livraison")
_AWAITED = re.compile(r"^\s*(?:[^\W\d]+\s+){0,3}?(?:sont|est|restent|reste)\s+"
                      r"(?:(?:encore|toujours|désormais|aujourd['’]hui)\s+)?(attendue?s?|en attente)\b",
                      re.I)
_AWAITED_LATER = re.compile(r"[,;]\s*(?:et\s+|mais\s+)?(?:ils|elles)\s+(?:nous\s+|leur\s+|lui\s+)?"
                            r"(?:sont|seront)\s+(?:encore\s+|toujours\s+)?(attendue?s|promise?s)\b",
                            re.I)
# another figure with its noun, a date's month excepted
_ANOTHER_FIGURE = re.compile(r"\d[\d .]*\s+(?!(?:janvier|février|mars|avril|mai|juin|juillet|août"
                             r"|septembre|octobre|novembre|décembre)\b)[a-zà-ÿ]", re.I)
_UNDER_WAY = re.compile(r"^\s*(?:[^\W\d]+\s+){0,3}?(?:sont|est)\s+(?:(?:actuellement|encore|déjà)\s+)?"
                        r"(en (?:cours de )?(?:fabrication|confection|production|préparation"
                        r"|livraison|acheminement))\b", re.I)
# … or a row's label saying so ("En cours de fabrication : 300")
_UNDER_WAY_LABEL = re.compile(r"(?:^|\n)\W{0,3}[^\n:]{0,30}?\b(en (?:cours de )?(?:fabrication|confection"
                              r"|production|préparation|livraison|acheminement))\s*:\s*$", re.I)
# … or denies their arrival ("… n'ont toujours pas été livrés", "ne sont pas encore arrivés")
_NOT_ARRIVED = re.compile(r"^\s*(?:[^\W\d]+\s+){0,5}?(?:ne\s+|n['’]\s*)(?:nous\s+|leur\s+|lui\s+)?"
                          r"(?:ont|a|sont|est)\s+(?:toujours\s+|encore\s+)?(pas\s+(?:encore\s+)?"
                          r"(?:été\s+)?(?:livr|arriv|parvenu|reçu)\w*)", re.I)
# "réservé aux aînés" restricts, it books nothing
# ("sur commande" is a way of selling, no order placed: "40 paniers par semaine, sur
# commande la veille")
# (… nor when an adverb comes between: "réservés en priorité aux aînés")
ORDER = re.compile(r"\b(?<!sur )(?:command\w*|précommand\w*|réservée?s?\b(?!\s+(?:(?:en priorité"
                   r"|prioritairement|exclusivement|uniquement|d['’]abord)\s+)?(?:aux?|à|pour)\b))",
                   re.I)
# (the noun too: "a voté l'achat de 700 masques")
PURCHASE = re.compile(r"\b(?:achet\w*|achats?\b|acqu\w+)", re.I)
# the next sentence, of the things bought, telling their arrival to come
_ARRIVAL_NEXT = re.compile(
    # (or the order itself: "La commande a été passée le 20 avril, la livraison est attendue")
    r"\s*(?:Ils|Elles|Ceux-ci|Celles-ci|Ces\s+[^\W\d]+|(?:La|Leur|Cette)\s+(?:livraison|commande))\b"
    r"[^.!?]{0,60}?"
    r"\b(?:(?:doivent|devraient|vont|seront|sera|doit|devrait|va)\s+(?:être\s+)?"
    r"(?:arriv|livr|réceptionn|parven|achemin)\w*|arriveront|sont\s+attendue?s|est\s+attendue?"
    r"|(?:est|sont)\s+(?:annoncée?s?|prévue?s?)"
    # (promised for a date: "Ils nous ont été promis pour le 8 mai")
    r"|(?:ont|a)\s+été\s+promise?s?|(?:sont|est)\s+promise?s?)", re.I)
DELIVERED = re.compile(r"\b(?:(?:ont|a|sont|est) (?:été |déjà |bien )*(?:livr|reçu|réceptionn"
                       r"|arrivé|distribu|remis)\w*|déjà (?:livr|reçu|distribu)\w*)", re.I)
TO_COME = re.compile(r"\b(?:seront|sera|doi(?:t|vent)|devrai\w*|arriver\w*|attendu\w*"
                     r"|en attente|prochaine\w*|bientôt|livrables?"
                     r"|pas encore (?:été )?(?:arrivé|livré|reçu|parvenu)\w*)\b", re.I)
# a goal said reached is no goal any more ("Objectif atteint")
_REACHED = r"(?:atteint|dépassé|rempli|relevé)e?s?"
GOAL_NOUNS = {"objectif", "but", "ambition", "cible", "projet", "visée", "défi", "challenge"}
GOAL_BEFORE = re.compile(
    # (a goal reached is none: "Objectif atteint pour les bénévoles : 6 000 masques")
    rf"(?:\b(?:objectif|ambition|but|cible|défi|challenge)\b"
    # (not across a coordinated clause: "c'était un vrai défi, et je remercie les 23 …")
    rf"(?!\s+{_REACHED}\b)(?:(?!,\s*(?:et|mais|puis)\b)[^.;]){{0,40}}$"
    rf"|\b(?:d{_APOS}ici|à terme|pour atteindre|jusqu{_APOS}à atteindre|prochaine étape"
    rf"|en projet)\b[^.;]{{0,30}}$)",
    re.I)
# the label of a label–value row, alone on its line before the figure (a list's entry
# may run long: "• Commande groupée passée auprès d'un fournisseur de la région :")
# (a quoting mark opens a row as a bullet does: "> Commande passée : 250 000 masques")
_ROW_LABEL = re.compile(r"(?:^|\n)[ \t]*(?:[-–—•▪*›>][ \t]*[^\W\d][^\n:.;]{0,80}|[^\W\d][^\n:.;]{0,50})"
                        r":[ \t]*$")
# "Objectif : deux masques par habitant, soit 3 800": a goal announced by a colon.
# (the next milestone too: "Prochain cap pour ce collectif de couturières : 8 000 masques")
# (the next one of a series is to come: "Prochaine récolte attendue : 400 kg")
_GOAL_COLON = re.compile(r"\b(?:objectif|but|ambition|cible|prochaine étape|prochain objectif"
                         r"|prochain cap|prochain palier|nouveau cap|prochaine?s?(?=\s+[a-zà-ÿ])"
                         rf"|défi|challenge)(?:\s+(?!{_REACHED}\b)"
                         # (a date among them: "Objectif d'ici le 11 mai :")
                         r"(?:[dl]['’]\s*)?(?:[a-zà-ÿ]+|\d{1,2}(?:er)?)|\s*/\s*[a-zà-ÿ]+){0,6}"
                         # "Objectif affiché :", "Objectif / besoin :" (a column's header),
                         # "Objectif d'ici fin mai :", "L'objectif fixé par l'atelier est
                         # ambitieux :" (a goal the sentence names before its colon; one
                         # reached, "Objectif atteint :", is no goal)
                         # (the goal's sentence runs on after its colon: "nouveau défi :
                         # tenir jusqu'à la fin du confinement et atteindre les 5 000 repas")
                         # (or a question mark: "L'objectif ? 5 000 masques", `_NOUN_ASKED`)
                         r"\s*[:?](?![^.;]*\b(?:ont|a|sont|est|avons|avez|avait|avaient"
                         r"|atteint|dépassé)\b)[^.;]{0,80}$", re.I)
# a need denied, even without its "ne" ("pas besoin de donner 50 €", "nul besoin de")
_NO_NEED_WORD = r"\b(?:pas|nul|aucun|point|sans)"
_NO_NEED = re.compile(rf"{_NO_NEED_WORD}\s+besoin\b|\b(?:inutile|pas la peine)\s+de\b", re.I)
# "nous avons besoin de bras : 8 bénévoles": a need announced by a colon
# … or the last of the things a need's colon lists, coordinated ("On a besoin de :
# shampoing, mouchoirs, et de 5 bénévoles pour trier")
_NEED_LIST = re.compile(r"\b((?<!dans le )besoin|recherch\w*|cherch(?:e|ent|ons|ez)|manqu\w*)\b[^.;:!?]{0,30}:"
                        r"[^.;:!?\d]{1,120}\bet\s+(?:de\s+|d['’])?(?:(?:au moins|encore|environ)\s+)?$",
                        re.I)
_NEED_COLON = re.compile(r"\b((?<!dans le )besoin|recherch\w*|cherch(?:e|ent|ons|ez)|manqu\w*)\b[^.;:!?,]{0,30}"
                         # (the row's value may name the thing first: "Ce qui manque : du
                         # tissu coton, environ 40 mètres")
                         r":\s*(?:(?:du|de la|de l['’]|des)\s+[^.;:!?\d]{1,30},\s*)?"
                         r"(?:(?:au moins|encore|environ|près de|plus de)\s+)?$", re.I)
# "vient de passer commande : 1 000 visières": a colon announces what an order holds
# (the order its own head, right before the colon: "livrent les commandes à domicile :
# environ 40 livraisons par semaine" tells of deliveries)
_ORDER_COLON = re.compile(r"\b(?:command\w*|précommand\w*)\b(?=\s*:\s*"
                          r"(?:(?:encore|environ|près de|plus de)\s+)?$)", re.I)
# (things or people left to do something to: "300 masques à coudre", "12 personnes
# isolées à ajouter à la tournée", "80 aînés à appeler"; the tool nouns a verb names,
# "machines à coudre", never take a figure's adjective, so the verb follows the noun)
_LEFT_TO_DO = (r"à (?:produire|fabriquer|confectionner|venir|coudre|distribuer|livrer|ajouter"
               r"|appeler|contacter|visiter|équiper|servir|remettre|imprimer|assembler"
               r"|récupérer|trouver|pourvoir)")
GOAL_AFTER = re.compile(rf"^[^.;]{{0,12}}?\b(?:supplémentaires?|{_LEFT_TO_DO}|de plus(?! d)"
                        rf"|d['’]ici)\b", re.I)
# people left to serve are the aim, not yet helped
_PEOPLE_TO_SERVE = re.compile(rf"^[^.;,]{{0,12}}?\b{_LEFT_TO_DO}\b", re.I)
_OTHERS_AFTER = re.compile(r"\s*autres\b", re.I)
# (a goal noun that opens its own clause is no gloss: "… 13 422 habitants : l'objectif est
# de remettre …")
_GLOSSED_GOAL = re.compile(r"\s*:\s*(?:l['’]|le\s+|la\s+|notre\s+|un\s+)?(objectif|but|cible)\b"
                           r"(?!\s+(?:est|était|sera|serait|reste|demeure|:)\b)", re.I)
# Verbs of containment describe one unit's contents, not an output.
CONTAINMENT = {"contenir", "comporter", "comprendre", "renfermer", "inclure"}
# the weight or size of one ("Un colis type pèse environ 12 kg", "chaque visière mesure")
# The nouns of a container: its contents, weight or size are one unit's, no amount made
_CONTAINER = (r"(?:kit|colis|panier|lot|sachet|boîte|carton|pochette|trousse|cabas|sac|cagette|caisse"
              r"|bouteille|flacon|bidon|bocal|bocaux|pot|barquette|bac)")
# what one thing takes to be made is per unit ("Un masque demande 25 minutes et 2 élastiques")
_ONE_TAKES = re.compile(rf"\b(?:un|une|chaque)\s+(?:{_CONTAINER}|masque|visière|blouse|surblouse"
                        r"|sur-blouse|repas|plateau)\s+(?:[^\W\d]+\s+)?(?:demande|nécessite|exige"
                        r"|requiert|consomme|utilise)\b[^.;!?]*$", re.I)
# a sum a thing sold "is at" is its price, not a kitty's level ("Le panier est à 15 €";
# "la cagnotte est à 2 300 €")
_PRICED_AT = re.compile(rf"\b(?:{_CONTAINER}s?|repas|masques?|visières?|menus?|formules?"
                        r"|plateaux?|parts?|plats?|pains?|baguettes?|bons?)\s+(?:[^\W\d]+\s+)?"
                        r"(?:est|sont|était|étaient|reste|restent)\s+(?:fixée?s?\s+|vendue?s?\s+)?"
                        r"à\s+(?:seulement\s+|environ\s+)?$", re.I)
_ONE_WEIGHS = re.compile(rf"\b(?:(?:un|une|chaque)\s+[^\W\d]+(?:\s+[^\W\d]+)?"
                         rf"|(?:le|la|l['’])\s*(?:{_CONTAINER}|masque|visière|blouse|surblouse))"
                         r"\s+(?:pèse|mesure|représente|équivaut à)\s+"
                         r"(?:environ\s+|près de\s+|en moyenne\s+)?$", re.I)
# a unit's contents told earlier in the sentence ("Le kit comprend 1 mètre de tissu et …")
_CONTAINS_BEFORE = re.compile(rf"\b{_CONTAINER}s?"
                              r"\s+(?:\w+\s+){0,2}?(?:contien(?:t|nent)|compren(?:d|nent)"
                              r"|compor(?:te|tent)|renfer(?:me|ment)|inclu(?:t|ent))\b", re.I)
# a measure in brackets after a thing's price is that one thing's ("des paniers à 15 €
# (environ 5 kg)")
_PRICED_UNIT_BRACKET = re.compile(r"(?:€|\beuros?)\s*\(\s*(?:soit\s+)?$", re.I)
# a bracket after a count of containers listing one's contents with "+" ("40 kits
# (1 masque + 1 sachet de gel)"): its figures are one container's
_CONTENTS_BRACKET = re.compile(rf"\b{_CONTAINER}s?\s*\(([^()]*)$", re.I)


def _contents_bracket(before: str, after: str) -> bool:
    opened = _CONTENTS_BRACKET.search(before)
    return opened is not None and "+" in opened.group(1) + after.split(")")[0]


# a list introduced as what one unit holds ("Contenu type d'un colis :", "Dans chaque
# kit :", "Composition d'un panier :"): its rows are amounts per unit
_ONE_UNIT_HOLDS = re.compile(rf"\b(?:contenu|composition)\b[^:]{{0,20}}\b(?:d{_APOS}une?|de chaque)\s"
                             rf"|\b(?:dans|pour)\s+chaque\s+{_CONTAINER}s?\s*:", re.I)
# a compound past right before the figure ("ont déjà cousu 320 masques")
_COMPOUND_PAST_BEFORE = re.compile(r"\b(?:ai|as|a|avons|avez|ont|avait|avaient)\s+"
                                   r"(?:(?:déjà|bien|aussi|encore|ensemble)\s+){0,2}[a-zà-ÿ]+"
                                   r"(?:é|i|u|it|is|ert|ort|int)\s+$", re.I)
# Verbs of aim: their object is not done yet ("vise 5 000 masques").
GOAL_VERBS = {"viser", "ambitionner", "espérer", "prévoir", "envisager", "projeter",
              "promettre", "planifier", "programmer", "fixer", "tabler", "escompter",
              "anticiper",
              # verbs of wish: what one wishes for is not done ("souhaite 2 000 masques")
              "souhaiter", "vouloir", "désirer"}
# Verbs of intention: the infinitive they govern is not done yet ("s'apprête à coudre").
INTENTION = GOAL_VERBS | {"souhaiter", "vouloir", "compter", "compte", "apprêter", "aller",
                          "devoir", "aimer", "décider",
                          "tenter", "essayer", "proposer", "penser", "engager", "préparer",
                          "chercher"}
DECISION = {"décider", "choisir", "résoudre"}
# A wish to speak performs itself ("je veux saluer deux lycéens", "je tiens à remercier
# les 40 bénévoles"): the people it names are thanked now, no goal.
SPEECH_ACTS = {"saluer", "remercier", "féliciter", "citer", "souligner", "dire", "rendre",
               "mentionner", "signaler", "rappeler", "adresser", "exprimer", "honorer"}


def _speaks(verbs, n: int) -> bool:
    """The verb of wish at n governs a verb of speech (see SPEECH_ACTS), the one before it
    on the way up from the figure."""
    return verbs[n].lemma_.lower() in INTENTION and n > 0 and \
        verbs[n - 1].lemma_.lower() in SPEECH_ACTS and verbs[n - 1].head.i == verbs[n].i


PURCHASE_LEMMAS = {"acheter", "acquérir", "commander", "précommander"}
# The aim verbs read from the words when the tagger takes them for nouns ("en vise 8 000").
_GOAL_VERB_BEFORE = re.compile(r"\b(?:vis(?:e|ent|ons|ez|ait|aient)|ambitionn\w+"
                               r"|prévoi(?:t|ent)|prévoyons|espèr(?:e|ent)|espérons"
                               r"|envisag\w+|tabl(?:e|ent|ait|aient)\s+sur|s['’]attend\w*\s+à)\s+(?:[\w’']+\s+){0,2}$",
                               re.I)
NEED_LEMMAS = {"rechercher", "chercher", "manquer", "falloir", "solliciter", "recruter",
               "besoin", "recherche", "réclamer", "manque"}
ORDER_LEMMAS = {"commander", "précommander", "commande", "réserver"}
# an aid, a bonus or an allowance of so much: what each one receives
_AID_OF = re.compile(r"\b(?:aides?|primes?|allocations?|bons?|indemnités?)\b"
                     r"(?:\s+[a-zà-ÿ]+){0,4}\s+(?:de|d['’])\s*$", re.I)
_AND_VERB = re.compile(r"\bet\s+(?=(?:ne\s+|n['’])?[a-zà-ÿ]{3,}(?:e|es|ent|ons|ez|ait|aient)\s+"
                       r"(?:[a-zà-ÿ]+\s+){0,2}$)")
# the body a count of members belongs to ("membres du bureau", "de l'association")
_OF_THE_BODY = re.compile(rf"\s*(?:du bureau|du conseil d{_APOS}administration|de l{_APOS}association"
                          rf"|du collectif|du club|de l{_APOS}équipe|du comité)\b", re.I)
# … or the body's by a possessive ("Ses 14 membres se partagent les appels")
_ITS_OWN = re.compile(r"(?:^|[.;:!?]\s*|\n\W*)(?:ses|nos|leurs)\s+(?:(?:quelque|près de|environ)\s+)?$",
                      re.I)
_VOLUNTEER_BEFORE = re.compile(rf"\b(?:compos\w*|compt\w*|regroup\w*|rassembl\w*|réuni\w*"
                               rf"|mobilis\w*|équipe|groupe|collectif|grâce à"
                               rf"|(?:aid|encadr|anim|accompagn|soutenu|épaul)\w* par"
                               # who founded or started it ("créé par deux voisines")
                               rf"|(?:créé|fondé|lancé|imaginé|initié|monté)e?s? par"
                               rf"|(?:l{_APOS}|par )action)\s+(?:de\s+|d{_APOS}\s*|des\s+)?"
                               rf"(?:[\w’']+\s+)?$"
                               # those one acts with, fronted ("Avec une quinzaine de
                               # voisines, elle a cousu …")
                               rf"|(?:^|[.;:!?»]\s*)avec\s+(?:l{_APOS}aide\s+(?:de\s+|d{_APOS}))?$",
                               re.I)
# A counted noun followed by a helper's adjective ("12 élèves volontaires") counts helpers.
# ("habitantes et habitants" who offered; "joueurs et dirigeants bénévoles")
_HELPERS_AFTER = re.compile(r"^\s*(?:et\s+[a-zà-ÿ]+\s+(?=se\s|volontaires\b|bénévoles\b))?"
                            r"(?:se\s+(?:sont|est)\s+(?:portée?s|proposée?s|déclarée?s)\s+)?"
                            # (past one adjective of their own: "assistantes maternelles
                            # volontaires")
                            r"(?:[a-zà-ÿ]+\s+(?=volontaires|bénévoles))?"
                            r"(?:volontaires|bénévoles|mobilisée?s)\b"
                            # … or coordinated with them ("41 adhérentes et bénévoles")
                            r"|^\s*(?:et|ou)\s+(?:volontaires|bénévoles)\b"
                            # … or set beside them ("15 jeunes de 18 à 25 ans, tous bénévoles")
                            r"|^[^.;:]{0,30}?,\s*(?:tous|toutes)\s+(?:bénévoles|volontaires)\b"
                            # … or who set to work ("se sont mises à leurs machines")
                            r"|^\s*(?:et\s+[a-zà-ÿ]+\s+)?se\s+(?:sont|est)\s+mise?s?\s+(?:au\s+travail"
                            r"|derrière\s+(?:leurs?|sa|son|ses)\s+\w+|à\s+(?:l['’]ouvrage"
                            r"|la\s+tâche|(?:leurs?|sa|son|ses)\s+\w+|coudre|cuisiner))"
                            # … or who are at work ("27 salariés ont repris le travail")
                            r"|^\s*(?:(?:ont|a)\s+repris\s+(?:le\s+travail|du\s+service)"
                            r"|travaillent|œuvrent|sont\s+(?:au\s+travail|à\s+pied\s+d['’]œuvre))\b",
                            re.I)
# (after the noun's other gender too: "22 pâtissiers et pâtissières bénévoles")
_HELPER_ADJECTIVE = re.compile(r"(?:\s+et\s+[a-zà-ÿ]+)?\s+(?:bénévoles|volontaires)\b", re.I)
_DONE_VERB = re.compile(r"\b(?:livr|distribu|fabriqu|produi|réalis|confection|cous|imprim|"
                        r"offert|don\b|dons\b|donn|remis|fourni|achet|acquis|récolt|collect|"
                        r"prépar|servi|envoy|équip|cré|sorti|assembl|découp|emball|apport|"
                        r"recueilli|porté|cuisin|(?<=s )passée?s\b"  # "appels passés"
                        # the past of "faire" reports what was done ("Ce que nous avons fait")
                        r"|(?<=avons )fait\b|(?<=ont )fait\b|(?<=avez )fait\b)", re.I)
# an infinitive's ending: the verb names an act, it reports none ("En sortir 5 000")
_INFINITIVE_END = re.compile(r"(?:er|ir|ire|dre|tre)$", re.I)
_WORD = re.compile(r"[\w-]+")


def _last(text: str, n: int) -> str:
    """The last `n` characters of `text`, from a word's start: a cut word's tail would
    read as another word ("re|commandations" is no order)."""
    if len(text) <= n:
        return text
    tail = text[-n:]
    if text[-n - 1].isalnum() and tail[:1].isalnum():
        tail = re.sub(r"^\w+", "", tail)
    return tail


_AGENT_ENDING = re.compile(r"(?:eur|euse|rice)s?$", re.I)


def _reported(text: str) -> re.Match | None:
    """A verb of making or giving, not in the infinitive, in `text`."""
    for m in _DONE_VERB.finditer(text):
        word = _WORD.match(text, m.start())
        # (an agent noun shares the stem, no verb form ends as it does: "livreurs",
        # "distributrices")
        if not _INFINITIVE_END.search(word.group()) and not _AGENT_ENDING.search(word.group()):
            return word   # the whole word, as the reviewer reads it
    return None


_PARTICIPLE = re.compile(r"^\s*(?:(?:nous|vous|leur|lui|en) )?(?:ont été |ont |sont )?"
                         r"(?:(?:déjà|bien|été) |d['’]ores et déjà )*"
                         r"(?:réalisé|produit|fabriqué|confectionné|distribué|livré|cousu"
                         r"|imprimé|offert|donné|remis|commandé|sorti|collecté|récolté"
                         r"|préparé|servi)e?s?\b", re.I)


def find_quantities(text: str) -> list[Quantity]:
    """Quantities in a block of text, each with the sentence it was read from."""
    return [q for _, q in read_numbers(text) if q is not None]


def read_numbers(text: str, lead: str = "", above: str | None = None, check=None
                 ) -> list[tuple[NumberNote, Quantity | None]]:
    """Every number of a block: its note (what was made of it) and, when it is a
    quantity, the Quantity. `lead` is the document's text before the block, where a
    figure without its noun ("il en faut 5 000") finds what it counts; `above`, when
    the caller knows it, the last line before the block that is no list line; `check()`,
    called every hundred numbers, may stop the reading (a file's time budget)."""
    out: list[tuple[NumberNote, Quantity | None]] = []
    numbers = find_numbers(text)
    if not numbers:
        return out
    spans = sentences(text)
    starts = [a for a, _ in spans]
    # a list's items share the cue of the line that introduces it ("On a besoin de :")
    intro = ""
    if BULLET.match(text):
        line = above if above is not None else next(
            (line for line in _lines_backwards(lead) if not BULLET.match(line)), "")
        # the sentence that ends with the colon, not the whole paragraph
        # (a short call over the list, no sentence, introduces it too: "🆘 ON A BESOIN
        # DE VOUS 🆘", "Nous recherchons"; a topic's title, "Commande groupée", does not)
        # … and so does a title reporting what was done: "1) Ce que nous avons fait")
        intro = _last_sentence(line) if line.endswith(":") or (
            _LIST_TITLE.fullmatch(line) and (NEED.search(line) or _reported(line))) else ""
    elif above and _NEED_TITLE.fullmatch(above) and NEED.search(above) and \
            not any("Fin" in t.morph.get("VerbForm") for t in parse(text)):
        # a need's heading ("4. ON RECHERCHE") over a line without a verb ("Une quinzaine
        # de bénévoles pour la distribution") names what is sought
        intro = above
    doc = None
    previous: tuple[Quantity, int] | None = None
    for i, number in enumerate(numbers):
        if check and i % 100 == 99:
            check()
        k = bisect.bisect_right(starts, number.start) - 1  # the sentence holding it
        s_start, s_end = spans[k] if k >= 0 and number.start < spans[k][1] else (0, len(text))
        sentence = text[s_start:s_end].strip()
        written = number.text_in(text)
        if number.value is None or number.value <= 0:
            reason = number.reason or "reference"
            out.append((NumberNote(written, number.value, sentence, SET_ASIDE, reason), None))
            continue
        following = numbers[i + 1] if i + 1 < len(numbers) else None  # numbers never overlap
        next_start = following.start if following is not None else s_end
        if doc is None:
            doc = parse(text)
        q, reason, item_end = _read(text, doc, number, s_start, s_end, next_start, previous,
                                    lead, intro)
        if q is not None and out and out[-1][0].reason == "part" and \
                _MORE_PARTS.fullmatch(text, numbers[i - 1].end, number.start):
            # "27 bénévoles, dont 19 couturières … et 8 personnes à la découpe": the
            # parts a "dont" lists go on to its last one
            q, reason = None, "part"
        if q is not None and out and out[-1][0].reason == "per_unit" and \
                _SHARE_AGAIN.match(text, number.end) and \
                re.fullmatch(r"[^.;:!?\d]{0,40},\s*", text[numbers[i - 1].end:number.start]):
            # a share told again for others, its noun left out ("1 masque par personne, 2
            # pour les soignants") is one too
            q, reason = None, "per_unit"
        if q is None:
            out.append((NumberNote(written, number.value, sentence, SET_ASIDE, reason), None))
            continue
        if q.kind in (DONE, VOLUNTEERS, BENEFICIARIES) and previous and previous[0] is not None \
                and previous[0].kind in (NEEDED, ORDERED) and \
                (joined := _ALSO_JOINED.fullmatch(text, previous[1], number.start)):
            # an object coordinated to a need's or an order's ("il lui manque 300 kg de
            # denrées (pâtes, conserves) ainsi qu'une dizaine de bénévoles") shares its verb
            q = dataclasses.replace(q, kind=previous[0].kind)
            reason = f"{previous[0].reason} … coordonné (« {joined.group(1).strip()} »)"
        if reason == REFINED_CUE and out and out[-1][1] is previous[0]:
            out[-1] = (dataclasses.replace(out[-1][0], status=SET_ASIDE, reason="refined",
                                           kind=None, item=""), None)
        q.sentence, q.reason = sentence, reason
        status = COUNTED if q.kind == DONE else APART
        out.append((NumberNote(written, q.value, sentence, status, reason, q.kind, q.item), q))
        previous = (q, item_end)
    _bounds_alike(text, numbers, out)
    return out


# The bounds of a range count the same thing ("entre six et huit heures", "de 4 à 5
# heures"): the lower bound of hours is a duration like the upper one
_LOWER_BOUND = re.compile(r"\b(?:entre|de|d['’])\s*$", re.I)
_TO_UPPER = re.compile(r"\s*(?:et|à)\s*", re.I)


def _bounds_alike(text: str, numbers: list[Number], out: list) -> None:
    """A range's lower bound set aside as its upper one is (`out` pairs `numbers`)."""
    for i in range(len(out) - 1):
        (low, _), (high, _) = out[i], out[i + 1]
        if high.status == SET_ASIDE and high.reason in SET_ASIDE_LABELS and \
                high.reason not in ("no_item", "reference") and \
                (low.status != SET_ASIDE or low.reason == "no_item") and \
                _TO_UPPER.fullmatch(text, numbers[i].end, numbers[i + 1].start) and \
                _LOWER_BOUND.search(text, max(0, numbers[i].start - 8), numbers[i].start):
            out[i] = (dataclasses.replace(low, status=SET_ASIDE, reason=high.reason, kind=None,
                                          item=""), None)


# "… ainsi qu'", "… et aussi": a second object coordinated to the figure before, past its
# noun's complements and a bracket
_ALSO_JOINED = re.compile(r"[^.;:!?\d\n]{0,80}?\s(ainsi\s+qu['’]\s*|ainsi\s+que\s+|et\s+(?:aussi|également)\s+)"
                          r"(?:de\s+|d['’]\s*|des\s+)?", re.I)
# An estimate's exact count right after it, in an aside: "une vingtaine de bénévoles –
# 23 précisément –", "une centaine de colis (exactement 104)"
_REFINED_BEFORE = re.compile(r"[^.;:!?\d\n]{0,60}?(?:[–—(]|,)\s*(?P<cue>(?:très\s+)?(?:exactement"
                             r"|précisément)\s*:?\s*)?", re.I)
_REFINED_AFTER = re.compile(r"\s+(?:très\s+)?(?:exactement|précisément|pile)\b", re.I)
REFINED_CUE = "compte exact de l'estimation qui précède (« précisément »)"


def _lines_backwards(text: str):
    """The non-blank lines of a text, last first, found one at a time (a list of a
    hundred thousand lines must not split its whole lead at each line)."""
    end = len(text)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if line:
            yield line
        end = start - 1


_LIST_TITLE = re.compile(r"[^.!?\n]{3,60}(?<![.])[!?\W]*")
# a short heading, maybe numbered ("4. ON RECHERCHE", "🙏 Nos besoins")
_NEED_TITLE = re.compile(r"\W*(?:\d{1,2}[.)]\s+)?[^.!?:\n\d]{3,50}(?<![.])[!?:\W]*")


def _last_sentence(text: str) -> str:
    a, b = sentences(text)[-1]
    return text[a:b]


# Pictographs (emoji, dingbats): in a post they end a sentence as a full stop does
# ("… 3 450 repas 🍲 Pour rappel, …") when a capital follows; before a figure they point
# to it ("Prochaine étape 👉 4 000 masques").
PICTOGRAPHS = "\u2600-\u27bf\U0001f300-\U0001faff"
_MEASURE_OF_ITEM = re.compile(r"\s*(?:de\s+|d['’])\d[\d\s.,]*\s*(?:ml|cl|dl|l|litres?|g|kg"
                              r"|grammes?|kilos?|cm|mm)\b", re.I)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans; no split after abbreviations, initials or "n°"."""
    spans, start = [], 0
    # (a quotation closed after its full stop, the French way with a space: ". » Depuis")
    for m in re.finditer(rf"(?<=[.!?…])(?:\s?[»\"”])?\s+(?=[«\"(\-–]?\s*[A-ZÀ-ÖØ-Þ0-9])"
                         rf"|(?<=[{PICTOGRAPHS}])\s+(?=[«\"(\-–]?\s*[A-ZÀ-ÖØ-Þ])|\n+", text):
        before = text[max(0, m.start() - 6):m.start()]
        if "\n" not in m.group() and re.search(r"(?:\betc|\bM|\bMme|\bSt|\b[A-Z])\.$", before):
            continue
        if "\n" not in m.group() and _NOUN_ASKED.fullmatch(text, start, m.start()):
            continue   # "L'objectif ? 5 000 masques": a noun asked announces its answer
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    if any(b - a > MAX_SENTENCE for a, b in spans):
        spans = [part for a, b in spans for part in _cut(text, a, b)]
    return spans


# a question that is only a noun phrase ("L'objectif ?", "Le résultat ?"), as a colon
_NOUN_ASKED = re.compile(rf"\W*(?:l{_APOS}\s*|(?:le|la|les|leur|leurs|notre|nos|son|sa|ses)\s+)"
                         r"[^\W\d]+(?:\s+[^\W\d]+)?\s*\?", re.I)


# A "sentence" longer than this is a flattened table or garbage: it is read in pieces cut
# at spaces, so that the work per number stays bounded (each number looks at its
# sentence).
MAX_SENTENCE = 1_000


def _cut(text: str, a: int, b: int):
    while b - a > MAX_SENTENCE:
        cut = text.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
        cut = cut if cut > a else a + MAX_SENTENCE
        yield a, cut
        a = cut
    yield a, b


def things_named(text: str) -> set[str]:
    """The known things a text names, by their normalised names ("des blouses" →
    "sur-blouses"); people are no things."""
    return {name for pattern, name, _, group in _ITEMS
            if group not in (PEOPLE, VOLUNTEER, BENEFICIARY, POPULATION) and pattern.search(text)}


def _names_a_thing(text: str, pos: int) -> bool:
    """A known thing's noun right after a figure ("520 masques", "40 kg de farine")."""
    start = pos + re.match(r"\s*(?:de\s+|d['’])?", text[pos:pos + 10]).end()
    return any(pattern.match(text, start) for pattern, *_ in _ITEMS)


def _read(text, doc, number: Number, s_start, s_end, next_start, previous, lead="",
          intro=""):
    """One number -> (Quantity or None, reason, end of its item)."""
    before = _last(text[s_start:number.start], 80)
    if _GAPPED_POPULATION.search(before) and not re.match(r"\s*[^\W\d]", text[number.end:]):
        return None, "population", number.end
    inherited = None   # the figure before, when this one takes its noun from it
    if previous and previous[0] is not None and _AGAINST.fullmatch(text, previous[1],
                                                                   number.start):
        # "130 repas par jour, contre 85 avant la crise": a figure of comparison counts
        # the same thing the same way, shown apart; an amount done another time is no
        # output of this report, nor are the people helped or helping then ("62 inscrits,
        # contre une vingtaine avant la crise")
        if previous[0].kind in (DONE, BENEFICIARIES, VOLUNTEERS):
            return None, "comparison", number.end
        return dataclasses.replace(previous[0], value=number.value, approx=number.approx), \
            "comparaison avec le chiffre qui précède (« contre »)", number.end
    if previous and previous[0] is not None and previous[0].approx and not number.approx and \
            (refined := _REFINED_BEFORE.fullmatch(text, previous[1], number.start)) and \
            (refined.group("cue") or _REFINED_AFTER.match(text, number.end)):
        # "une vingtaine de couturières – 23 précisément –": the exact count of the
        # estimate just before, which it replaces
        return dataclasses.replace(previous[0], value=number.value, approx=False), \
            REFINED_CUE, number.end
    # (a figure naming its own thing counts that: "… sont une dizaine à coudre. Elles en
    # sont déjà à 520 masques")
    if previous and previous[0] is not None and previous[0].kind in _LEVELS and \
            not _names_a_thing(text, number.end) and (
            _CHANGED_TO.fullmatch(text, previous[1], number.start) or (
                _CHANGED_FROM.search(text, s_start, number.start)
                and _TO_AFTER.fullmatch(text, previous[1], number.start))):
        # "de 90 repas par jour avant la crise, nous sommes passés à 210", "on faisait 15
        # colis par jour ; on en était à 40": a level the figure before rose or fell to
        # counts the same thing the same way
        return dataclasses.replace(previous[0], value=number.value, approx=number.approx), \
            "évolution du chiffre qui précède (« passer à »)", number.end
    if previous and previous[0] is not None and previous[0].kind == DONE and \
            _OUT_OF_WHOLE.fullmatch(text, previous[1], number.start) and \
            _WHOLE_END.match(text, number.end):
        # "3 200 masques sur les 4 500 prévus", "Masques distribués : 3 200 sur 4 500":
        # the whole that the figure done is part of, what was planned
        return dataclasses.replace(previous[0], value=number.value, approx=number.approx,
                                   kind=TARGET), "total prévu (« sur »)", number.end
    size = _LABEL.match(text, text.rfind("\n", 0, number.start) + 1, number.start)
    if size and _SIZE_LABEL.fullmatch(size.group("label")) and _SIZE_END.match(text, number.end):
        # a label of inhabitants alone, with no act on them ("Habitants : 4 677", a
        # table's "Population" column): the size of the row's town
        return None, "population", number.end
    item = _item(text, number.end, s_start, s_end, doc, lead)
    if item is not None and item[0] == item[1] and item[1] != "unités" and \
            _ENTRY_END.match(text, item[3]) and \
            (label := _LABEL.match(text, text.rfind("\n", 0, number.start) + 1, number.start)):
        # "Lait offert aux familles : 300 litres": a bare unit measures the label's matter
        # (litres of milk are not litres of gel)
        matter = _label_item(text, label.start("label"), number.end) or \
            _label_matter(doc, label)
        # (a label naming no thing, "Objectif : 1 500 litres", leaves the bare unit)
        if matter and _NOT_COUNTED.get(matter[0].split()[0].lower()) != "no_item":
            item = (matter[0], item[1], item[2], item[3])
    label = _label(text, number) if item is None or item[2] == "open" else None
    if label and item is not None and not re.match(
            rf"{re.escape(item[0])}\b", label.group("label"), re.I):
        label = None   # an unknown noun after the figure is the label's own, or no label
    head = label and re.match(r"[^\W\d]+", label.group("label"))
    if head and _NOT_COUNTED.get(head.group().lower(), "no_item") != "no_item":
        # the label names what its figure counts ("Points de collecte : 4"); a label
        # that names no thing ("Objectif : 3 000") leaves that to the text before
        return None, _NOT_COUNTED[head.group().lower()], number.end
    named = label and _label_item(text, label.start("label"), number.end)
    if label and not named:
        named = _label_noun(doc, label, number.end)
    if named:
        # "- Masques distribués : 24 800": a list line's label names what its figure
        # counts, and says how (a participle, a rate), as a list's introducing line does;
        # a label that is a place ("– Audruicq : 46") leaves that to the list's line
        # (a need or an order the list's introducing line states is still its entries':
        # "Ce qu'il nous faut :" then "- des bénévoles avec le permis : une dizaine")
        item, intro = named, label.group("label") + (
            "\n" + intro if _intro_kind(intro) and not _intro_kind(label.group("label")) else "")
    if item is None and (noun := _BRACKETED_COUNT.search(before)) and \
            text[number.end:number.end + 2].lstrip().startswith(")") and \
            noun.group(1).lower() in _NOT_COUNTED:
        # a count in brackets after its noun ("Autres communes (16)") counts that noun
        return None, _NOT_COUNTED[noun.group(1).lower()], number.end
    if item is None and (part := _OF_THEM.match(text, number.end)):
        # "12 d'entre eux font les courses": a part of the people named before, who
        # act or receive as its verb says
        item = _people(text, number.start, part.end(), since=max(0, s_start - 300)) or \
            _reference(text, s_start, number.start, part.end(), lead)
        # (or things: "10 000 masques commandés. 4 500 d'entre eux ont été distribués")
    if item is None and (part := _OF_US.match(text, number.end)):
        item = ("personnes", "personnes", PEOPLE, part.end())
    if item is None and _WE_ARE_N.search(before) and (team := _IN_OUR_TEAM.match(text, number.end)):
        # the speakers counting their team ("on est 12 dans l'équipe") are its helpers
        item = ("bénévoles", "personnes", VOLUNTEER, team.end())
    if item is None and _BENEFIT_AFTER.match(text, number.end):
        # a bare figure whose verb says it benefits counts people helped ("Parmi elles,
        # 57 bénéficient d'un portage", "une trentaine en profitent")
        item = ("personnes", "personnes", BENEFICIARY, number.end)
    if item is None and _AU_NOMBRE.search(before):     # "les couturières, au nombre de 45"
        # (fronted, it counts the people its clause's pronoun stands for: "Au nombre de
        # 12, ils livrent …")
        item = _antecedent(text, s_start, number.start, number.end)
        if item is None and (pronoun := _PRONOUN_SUBJECT.match(text, number.end)) and \
                (item := _subject_people(doc, text, max(0, s_start - 300), number.start,
                                         number.end)) is not None and \
                re.match(rf"\s*(?:{DOING_STEMS})\w*ent\b", text[pronoun.end():]):
            item = (*item[:2], VOLUNTEER, *item[3:])   # … who do it: "ils livrent", "elles cousent"
    if item is None and _WE_ARE_N.search(before) and \
            re.search(r"\bhabitant", text[s_start:s_end], re.I):
        return None, "population", number.end      # "un par habitant (nous sommes 6 600)"
    if item is None and _HAVE_EN.search(before):
        return None, STOCK, number.end              # "j'en ai 3": "avoir" as a full verb holds
    if item is None and _ARE_N.search(before) and _TO_DO.match(text, number.end):
        # "Elles sont une vingtaine à coudre": the people who do it; "ces dernières sont 95
        # à recevoir un plateau": the people it is done for
        item = ("personnes", "personnes",
                BENEFICIARY if _TO_RECEIVE.match(text, number.end) else VOLUNTEER, number.end)
    elif item is None and _WE_ARE_N.search(before) and _ELLIPSIS.match(text, number.end):
        # "on est une vingtaine et …": the first person counts the team that speaks
        item = ("personnes", "personnes", VOLUNTEER, number.end)
    elif item is None and _ARE_N.search(before) and (_ELLIPSIS.match(text, number.end)
                                                     or _AT_WORK_PLACE.match(text, number.end)):
        # "Elles sont une trentaine.": the people the subject pronoun stands for, named
        # before in the block or else in the text above it (a headline's "les couturières"),
        # a verb's subject first ("Ses membres ont cousu 260 masques à taille d'enfant.
        # Elles sont 12 autour des machines": where they stand at work tells it too)
        # (a relative "qui" stands for the noun right before it: "aux familles suivies
        # par l'association, qui sont aujourd'hui 230")
        personal = not re.search(r"\bqui\s+\S+(?:\s+\S+)?\s*$", before, re.I)
        item = (personal and _subject_people(doc, text, max(0, s_start - 300), number.start,
                                             number.end)) or \
            _people(text, number.start, number.end, subject=personal) or \
            _people(lead, len(lead), number.end, subject=personal)
        if item is not None and item[2] == PEOPLE and personal:
            # (people named by what they do, "les joueurs et dirigeants du club, qui ont
            # collecté …", counted as a subject are the team that acts)
            item = (*item[:2], VOLUNTEER, item[3])
    elif item is None and before.rstrip().endswith(",") and _ELLIPSIS.match(text, number.end):
        # "Les jeunes du club, une quinzaine au total, …": a count set beside its people
        item = _people(text, number.start, number.end, since=s_start)
    if item is None and _ONE_BATCH.search(before):      # "un lot de 60 est parti"
        item = _reference(text, s_start, number.start, number.end, lead)
    if item is None and (others := _OTHERS.match(text, number.end)):
        item = _reference(text, s_start, number.start, others.end(), lead)
    if item is None and _POPULATION_BEFORE.search(before):
        return None, "population", number.end              # "(qui en compte 1800)"
    if item is None and _CLITIC_EN.search(before):         # "elle en a remis 11"
        # "en" under a verb of making stands for a thing, named earlier if need be
        made = _MAKE_EN.search(before)
        item = (made and (_antecedent(text, s_start, number.start, number.end, things=True)
                          or _reference(text, s_start, number.start, number.end, lead))) or \
            _antecedent(text, s_start, number.start, number.end) or \
            _reference(text, s_start, number.start, number.end, lead) or \
            (None if made or not NEED.search(before) else
             _subject_people(doc, text, max(0, s_start - 300), number.start, number.end))
        # (a need of nothing named: the people the sentences before speak of, "Ses 17
        # bénévoles livrent … Ils fatiguent : il en faudrait 5 de plus")
    if item is None and _ELLIPSIS.match(text, number.end) and (
            not _per_unit_before(before)):
        # "…, pour un objectif de 5 000."
        # a bare list entry ("– Frévent : 52") counts what the list's line names
        item = (intro and _antecedent(intro, 0, len(intro), number.end)) or \
            _reference(text, s_start, number.start, number.end, lead)
        if item is None and previous and s_start <= previous[1] <= number.start:
            # the thing its sentence counted just before ("1 800 plateaux-repas …, au
            # rythme d'environ 60 par jour")
            item = (previous[0].item, previous[0].unit, "open", number.end)
            inherited = previous[0]
    if item is None and previous and previous[0] is not None and \
            s_start <= previous[1] <= number.start and _BARE_SUBJECT.match(text, number.end):
        # "commandé 40 000 masques ; 22 000 sont arrivés": a bare figure as a subject
        # counts the thing its sentence counted before, or the thing named since ("Une
        # douzaine de couturières cousent des masques : 1 300 sont prêts")
        since = sorted(_known(text, previous[1], number.start))
        item = (since[-1][1], since[-1][2], since[-1][3], number.end) if since else \
            (previous[0].item, previous[0].unit, "open", number.end)
    if item is None and previous and previous[0] is not None and _AMONG_THEM.search(before) \
            and previous[1] >= s_start - 400:
        # "Parmi elles, 35 reçoivent leurs courses": part of the group just counted (a
        # part, as after "dont", below)
        group = next((g for _, name, _, g in _ITEMS if name == previous[0].item), "open")
        item = (previous[0].item, previous[0].unit, group, number.end)
    if item is None and (need := _NEED_COLON.search(before)) is not None and \
            (noun := _PARTITIVE.search(before, need.start())) is not None:
        # a bare figure after a need and its colon counts what is lacking ("Il leur
        # manque des draps en coton : une trentaine serait l'idéal")
        item = _item_named_at(text, number.start - len(before) + noun.end(), number,
                              s_start, s_end, doc)
    if item is None and _AMOUNT_VERB_BEFORE.search(before) and \
            (subject := _subject_of_amount(doc, number)) is not None:
        # a bare figure a verb of amount gives counts its subject ("les livraisons …
        # tournent autour de 20 par semaine", "les dons s'élèvent à 300")
        item = _item_named_at(text, subject.idx, number, s_start, s_end, doc)
    if item is None and (_PER_UNIT_AFTER.match(text[number.end:s_end])
                         or _per_unit_before(before)
                         or _distributive(before) or _one_of_a_kind(before)):
        return None, "per_unit", number.end                # "à raison de trois par personne"
    if (pending := _PENDING.match(text[:s_end], number.end)) or \
            (pending := _PENDING_LABEL.search(before)) or \
            (pending := _WAITING_FOR.match(text[:s_end], number.end)):
        # requests or tasks still waiting ("12 demandes restent en attente", "Missions à
        # pourvoir : 9") are a need
        noun = pending.group(1).lower()
        return Quantity(item=noun, value=number.value, unit="unités", kind=NEEDED,
                        approx=number.approx), f"{noun} en attente", max(pending.end(), number.end)
    if _PART_OF_SOME.search(before):
        # a part of a whole left uncounted ("plusieurs fermes, dont deux maraîchers") names
        # who some of them are: no count of anything done
        return None, "part", number.end
    if (item is None or item[2] in ("open", MATERIAL)) and \
            (row := _HELPER_ROW.search(before)) and _ENTRY_END.match(text, number.end):
        # a row's label calling them helpers counts helpers, whatever their trade
        # ("Chauffeurs bénévoles : 11", "Motards volontaires : 8")
        item = (row.group(1).lower(), "personnes", VOLUNTEER, number.end)
    if item is None and previous and _SUBSET.fullmatch(text, previous[1], number.start):
        return None, "part", number.end      # "540 masques (dont 120 la semaine dernière)"
    if item is None:
        return None, _why_no_item(text, number.end, s_end, before), number.end
    name, unit, group, item_end = item
    if group == PEOPLE and _RESTATES.search(before) and \
            (named := _people(text, number.start, number.start, since=s_start)):
        group = named[2]   # "les élus et les agents, soit 11 personnes": the people named
    part_of_goal = False
    if previous and (_SUBSET.fullmatch(text, previous[1], number.start) or (
            _AMONG_THEM.search(before) and previous[1] >= s_start - 400) or (
            _OUT_OF.search(text, s_start, number.start)
            and _BARE_SUBJECT.match(text, number.end))) and not (
            previous[0].kind != DONE and DELIVERED.match(text, number.end + 1)):
        # "une dizaine de bénévoles, dont deux pompiers"; "sur 500 colis, 320 sont partis"
        if previous[0].kind not in (TARGET, ORDERED, NEEDED):
            return None, "part", item_end
        # the part of an order, a need or a goal that its own verb says is done counts
        # ("5 000 masques commandés, dont 3 200 ont déjà été livrés", "Sur les 5 700
        # masques nécessaires, 4 200 ont été fournis par l'agglomération"); another part
        # of it does not ("dont 2 000 pour les écoles")
        part_of_goal = True
    if name == "pages" and (content := re.match(r"\s+de\s+([^\W\d]{3,})", text[item_end:])):
        # pages of something printed are paper made ("3 500 pages de devoirs"); a
        # document's size has none ("un guide de 12 pages")
        name, group = f"pages de {content.group(1)}", MATERIAL
    elif name == "pages" and (printed := _PRINTED_AFTER.match(text, item_end)):
        # … and so are pages said printed ("1 800 pages imprimées")
        name, group = f"pages {printed.group(1).lower()}", MATERIAL
    if name == "fois" and _RATE_RIGHT_AFTER.match(text[item_end:item_end + 60]) and \
            _COMES_BEFORE.search(before):
        # times a week a service comes are its rounds ("le camion passe 2 fois par semaine")
        name, group = "passages", "open"
    if name in _ORGANISATIONS and (_HELPED_AFTER.match(text, item_end)
                                   or _BENEFIT_AFTER.match(text, item_end)
                                   or _HELPED_BEFORE.search(before)):
        # firms, shops or charities that an aid reached are who it helped, no places:
        # "230 entreprises ont été aidées", "96 commerces en ont bénéficié"
        group = BENEFICIARY
    elif name in _NOT_COUNTED and not (name == "missions" and (
            _PERFORMED.match(text, item_end) or _PERFORMED_BEFORE.search(before))):
        # (missions performed, or at a rate, are acts: "1 140 missions réalisées", "45
        # missions par jour", "Missions assurées : 310", "nous avons effectué 80
        # missions", or set as a goal, "Objectif : 500 missions"; missions named are
        # kinds of work: "4 missions vitales")
        return None, _NOT_COUNTED[name], item_end
    after = text[item_end:min(next_start, item_end + 60)]
    if _MEASURE_OF_ITEM.match(text, item_end):
        # the item's own measure ("800 flacons de 500 ml par jour") does not end its phrase
        after = text[item_end:item_end + 60]
    rate_zone = text[number.end:item_end] + " " + _NEXT_CLAUSE.split(after, maxsplit=1)[0]
    kind, reason = _kind(doc, text, number, name, group, before, after, rate_zone,
                         text[s_start:s_end], text, text[s_start:number.start], unit, intro)
    if kind is None and inherited is not None and reason == "no_item" and not any(
            "Fin" in t.morph.get("VerbForm") for t in doc
            if previous[1] <= t.idx < number.start):
        # without a verb of its own, it shares the act of the figure it takes its noun
        # from ("210 bols livrés ; depuis le 6 avril : 1 020 !")
        kind, reason = inherited.kind, "même objet et même acte que le chiffre qui précède"
    if kind is None and reason == "no_item" and previous and previous[0] is not None and \
            unit != "unités" and previous[0].unit == unit and \
            _COORDINATED.fullmatch(text, previous[1], number.start):
        # measures in a row share the act of the first ("35 kg de pâtes, 20 kg de riz")
        kind, reason = previous[0].kind, "même acte que la mesure qui précède"
    if kind is None or (part_of_goal and kind != DONE):
        return None, reason if kind is None else "part", item_end
    if kind in (DONE, BENEFICIARIES) and _other_time(text[s_start:number.start],
                                                    text[item_end:s_end]):
        # a total of another time, the usual or last year's ("L'an dernier, 300 colis
        # avaient été distribués", "qui accueille d'habitude 450 élèves"): no output of
        # this one, given to compare
        return None, "comparison", item_end
    if kind == DONE and previous and previous[0].kind in (PER_DAY, PER_WEEK) and \
            _COORDINATED.fullmatch(text[previous[1]:number.start]):
        kind, reason = previous[0].kind, "rythme partagé avec l'objet coordonné"
    if kind == DONE and previous and previous[0].kind in (PER_DAY, PER_WEEK) and \
            previous[0].item == name and _PACE_BEFORE.search(before):
        # a verb of pace ("l'atelier tourne à 250") runs at the rate the thing was just
        # given at ("… 80 blouses par jour au début ; on tourne à 250")
        kind, reason = previous[0].kind, "cadence, au rythme du chiffre qui précède"
    approx = number.approx
    # "plus de 70 familles et de 180 personnes": the repeated "de" carries the hedge over.
    if previous and previous[0].approx and re.fullmatch(
            rf"\s*et\s+(?:de\s+|d{_APOS})", text[previous[1]:number.start]):
        approx = True
    return Quantity(item=name, value=number.value, unit=unit, kind=kind, approx=approx), \
        reason, item_end


# requests not yet met: "12 demandes restent en attente", "1 800 demandes non satisfaites"
_UNMET = r"en attente|non satisfaites|à satisfaire|à pourvoir|sans réponse"
_PENDING = re.compile(rf"\s+(?:de\s+|d['’]\s*)?(demandes|missions)\b(?=[^.;!?]{{0,40}}?(?:{_UNMET}"
                      r"|restent|encore))", re.I)
# … or people still waiting for something ("une trentaine de familles restent en attente
# d'un ordinateur"): a need of as many
_WAITING_FOR = re.compile(r"\s+(?:de\s+|d['’]\s*)?(familles|foyers|élèves|personnes)\s+(?:restent\s+|sont\s+)?"
                          r"(?:toujours\s+|encore\s+)?en attente\s+d(?:e\b|u\b|es\b|['’])", re.I)
# … or a row's label saying so ("Demandes en attente : 12", "Missions à pourvoir …… 9")
_PENDING_LABEL = re.compile(rf"(?:^|\n)\W{{0,3}}(demandes|missions)\s+(?:{_UNMET})\s*[:.…]*\s*$", re.I)
# ", contre 85 avant la crise", "(contre 40 en temps normal)": a figure of comparison
_AGAINST = re.compile(r"[^.;:\n]{0,40}?[,(]\s*contre\s+(?:plus de\s+|près de\s+|environ\s+"
                      r"|à peine\s+|seulement\s+)?", re.I)
# Another time than the story's: last year's, the usual
_OTHER_TIME = re.compile(rf"\b(?:l{_APOS}an (?:dernier|passé)|l{_APOS}année (?:dernière|passée)"
                         rf"|en temps (?:normal|ordinaire)|d{_APOS}habitude|habituellement"
                         rf"|d{_APOS}ordinaire|ordinairement)\b", re.I)
_SUBORDINATE = re.compile(r"\s*(?:alors qu|tandis qu|bien qu|quand|lorsqu|si\b|même si)", re.I)


def _other_time(before: str, after: str) -> bool:
    """The figure's clause is told at another time: the cue in it, or in a short
    adverbial opening its sentence ("L'an dernier, …"), not in another clause ("Alors
    que nous distribuons d'habitude 30 colis, nous en avons remis 80")."""
    clauses = re.split(r"[;:]|,\s*(?:mais|et|puis|or|pourtant|cependant)\b", before)
    parts = clauses[-1].split(",")
    opening = parts[0] if len(clauses) == 1 and len(parts) > 1 and \
        len(parts[0].split()) <= 5 and not _SUBORDINATE.match(parts[0]) else ""
    # (a relative clause after the figure is another's: "aux familles dont les enfants
    # déjeunent habituellement à la cantine")
    return bool(_OTHER_TIME.search(parts[-1] + " " + opening + " " +
                                   re.split(r"[,;:]|\b(?:qui|dont|que|qu['’]|où)\b", after)[0]))
# A level's change: a rate or a count of people "passed to" a new figure, or "en" (the
# thing counted before) "is at" it; the verbs of rising and falling too
_LEVELS = (PER_DAY, PER_WEEK, BENEFICIARIES, VOLUNTEERS)
_CHANGE = r"\b(?:pass|grimp|mont|augment|baiss|descend|tomb)\w*"
_UP_TO = r"à\s+(?:plus de\s+|près de\s+|environ\s+|quelque\s+)?"
_CHANGED_TO = re.compile(rf"[^.;!?\d]{{0,80}}?{_CHANGE}\s+(?:[\w'’]+\s+){{0,2}}?{_UP_TO}"
                         rf"|[^;\d]{{0,80}}?\ben\s+(?:est|était|sommes|étions|sont|étaient|suis"
                         rf"|étais)\s+(?:déjà\s+|maintenant\s+|désormais\s+)?{_UP_TO}", re.I)
# … "passé de 90 repas par jour à 210": the change's verb before the first figure
_CHANGED_FROM = re.compile(rf"{_CHANGE}\s+de\s+[^.;!?]*$", re.I)
_TO_AFTER = re.compile(rf"[^.;!?\d]{{0,40}}?\s{_UP_TO}", re.I)
# a bare figure followed by its verb: the figure is the subject ("22 000 sont arrivés")
_AMONG_THEM = re.compile(r"(?:^|[.;:!?]\s*)parmi (?:eux|elles|ceux-ci|celles-ci|lesquels|lesquelles)"
                         r"\s*,?\s*(?:(?:environ|près de|plus de)\s+)?$", re.I)
_BARE_SUBJECT = re.compile(r"\s+(?:(?:ont|sont|a|est|restent|reste|seront|seraient|vont|va"
                           r"|doivent|doit|avaient|étaient)\b)")
# "Sur 500 colis préparés, 320 …": the whole a part is taken from
_OUT_OF = re.compile(r"\b[Ss]ur\s+(?:les\s+|ces\s+|ses\s+|nos\s+|leurs\s+)?\d")
# "dont" after a figure opens a part of it, already counted
_SUBSET = re.compile(r"[^.;:]{0,60}?,?\s*dont\s+(?:plus de\s+|près de\s+|environ\s+"
                     r"|au moins\s+|quelque\s+)?", re.I)
# "A sur B": B is the whole A is part of, planned or expected ("sur les 4 500 prévus")
# (a sum's sign may stand between: "en est à 730 € sur 2 000 € espérés")
_OUT_OF_WHOLE = re.compile(r"(?:\s*(?:€|euros?))?\s+sur\s+(?:les\s+|un total de\s+)?")
_WHOLE_AFTER = re.compile(r"\s+sur\s+(?:les\s+|un total de\s+)?\d[\d\s.,]*?\s*(?:$|\n|[.;,(])")
_WHOLE_END = re.compile(r"\s*(?:(?:€|euros?)\s*)?(?:(?:prévu|attendu|visé|commandé|promis|espéré"
                        r"|souhaité)e?s?\b|$|\n|[.;,)])")
# the next part of a "dont" list, after a comma or "et"
_MORE_PARTS = re.compile(r"[^.;:]{0,80}?(?:,|\bet)\s+(?:plus de\s+|près de\s+|environ\s+)?",
                         re.I)
# A rate belongs to its own clause: a coordinated one (", et chaque midi, …") starts anew.
_RELATIVE_AFTER = re.compile(r",\s*(?:qu['’]|que\b|qui\b|dont\b|où\b)", re.I)
_HEDGE_ALONE = re.compile(r"(?:environ\s+|près de\s+|quelque\s+|plus de\s+)?")


def _line_alone(before: str) -> bool:
    """Nothing before the figure on its line but a list's mark (any the reader knows:
    "•", "✓", "►") and a hedge."""
    line = before.rsplit("\n", 1)[-1].lstrip(" \t|")
    mark = BULLET.match(line)
    return bool(_HEDGE_ALONE.fullmatch(line[mark.end() if mark else 0:].lstrip(" \t")))


_BRACKETED_COUNT = re.compile(r"([^\W\d]+)\s*\(\s*$")
_NEXT_CLAUSE = re.compile(r",\s*(?:et|mais|puis|tandis que|alors que)\b|;")
# "Les élus et les agents municipaux, soit 11 personnes, …": a count restating people
# named before it, as an apposition
_RESTATES = re.compile(r",\s*soit\s+(?:au total\s+|en tout\s+)?$", re.I)
# "Les couturières, au nombre de 45, …": the number counts the people named before.
_AU_NOMBRE = re.compile(r"\bau nombre de\s*$", re.I)
_PRONOUN_SUBJECT = re.compile(r"\s*,\s*(?:ils|elles)(?:\s+(?:en|y|les|leur|nous))?")
_OF_THEM = re.compile(r"\s+d['’]entre\s+(?:eux|elles)\b", re.I)
# "80 d'entre vous": some of the readers (or of the writers, "d'entre nous"), people
_OF_US = re.compile(r"\s+d['’]entre\s+(?:vous|nous)\b", re.I)
_IN_OUR_TEAM = re.compile(r"\s+(?:dans|au sein de)\s+(?:l['’]équipe|le groupe|le collectif"
                          r"|l['’]association|le club|l['’]atelier)\b", re.I)
# "Ils sont douze à se relayer": a count of the subject's people, then what they do;
# `_ARE_NOW` in the present or the past only ("ils seront 30 à coudre" is to come).
_BEING_NOW = r"sont|sommes|étaient|étions|êtes|(?<=on )est|(?<=on )était"
_COUNT_AFTER_BEING = (r"\s+(?:(?:maintenant|désormais|déjà|aujourd['’]hui|encore|bien)\s+)*"
                      r"(?:(?:plus|près|moins) (?:de\s+|d['’]\s*))?$")
_ARE_N = re.compile(rf"\b(?:{_BEING_NOW}|seront|serons){_COUNT_AFTER_BEING}", re.I)
_ARE_NOW = re.compile(rf"\b(?:{_BEING_NOW}){_COUNT_AFTER_BEING}", re.I)
_AT_WORK_PLACE = re.compile(r"\s+(?:autour|derrière|devant)\s+(?:des|de la|du|de l['’]|les|la|le)\s", re.I)
# the first person plural counting itself in a town's text: its inhabitants
_WE_ARE_N = re.compile(r"\b(?:nous sommes|on est)\s+(?:un peu\s+|à peine\s+)?(?:(?:plus|moins|près)"
                       r" de\s+|environ\s+|quelque\s+)?$", re.I)
# "en" + "avoir" right before the figure, no participle: "avoir" is the full verb of
# holding, not an auxiliary ("j'en ai 3", "nous en avons encore 200")
_HAVE_EN = re.compile(r"\b[nN]?['’]?en\s+(?:ai|as|a|avons|avez|ont|avais|avait|avions|aviez"
                      r"|avaient)\s+(?:(?:déjà|encore|bien|plus que|que|seulement)\s+)*$")
# "une trentaine d'autres": more of the thing named before
_AUXILIARY = re.compile(r"(?:sont|seront|sera|étaient|était|serait|seraient|ont|auront"
                        r"|avaient|vont|iront|restent|resteront)", re.I)
_FUTURE_AFTER = re.compile(r"^\s*(?:seront|sera|vont être|va être|arriveront|arrivera)\b",
                           re.I)
_REQUEST = {"demander", "demande", "réclamer", "solliciter"}
# a count of inhabitants from the census ("soit 10 676 habitants selon le recensement")
_CENSUS_AFTER = re.compile(r"\s*habitants?\b[^.;]{0,25}\brecensement", re.I)
_STANDS_FOR_NOUN = {"premiers", "premières", "derniers", "dernières", "autres", "suivants",
                    "suivantes", "restants", "restantes"}
_OTHERS = re.compile(rf"\s+(?:d{_APOS}\s*)?autres\b")
# "un lot de 400 est parti": one batch counts what it holds
_ONE_BATCH = re.compile(r"\b(?:un|une|ce|cet|cette)\s+(?:(?:premier|première|deuxième|second"
                        r"|seconde|nouvel|nouveau|nouvelle|dernier|dernière|autre|gros|grosse"
                        r"|petit|petite)\s+)?(?:lot|envoi|livraison|colis|carton"
                        r"|chargement|arrivage)\s+(?:de\s+)?$", re.I)
# objects coordinated under one verb share its rate ("chaque jour 80 baguettes et 50 …")
# a verb of pace before its figure: "on tourne à 400", "la chaîne roule autour de 90"
_PACE_BEFORE = re.compile(r"\b(?:tourn|roul)\w*\s+(?:à|autour de|aux alentours de)\s+"
                          r"(?:environ\s+|près de\s+|plus de\s+)?$", re.I)
_COORDINATED = re.compile(r"\s*(?:,|et|,\s*et)\s*(?:de\s+|d['’]\s*)?")
_TO_DO = re.compile(r"\s+à\s+(?:se\s+|s['’]|nous\s+|vous\s+)?[a-zéèêà]+(?:er|ir|re)\b", re.I)
_BENEFIT_AFTER = re.compile(r"\s+(?:en\s+|y\s+)?(?:ont\s+)?(?:désormais\s+|déjà\s+)?"
                            r"(?:bénéfici|profit)(?:ent|é|aient|eront)\b", re.I)
_TO_RECEIVE = re.compile(r"\s+à\s+(?:recevoir|bénéficier|profiter|attendre|demander|être\s+"
                         r"(?:aidée?s?|servie?s?|livrée?s?|accompagnée?s?|appelée?s?|inscrite?s?))\b",
                         re.I)
# A number ending its clause counts the noun named before it (an ellipsis); what may
# follow it is a punctuation, a conjunction, a time ("avant le 11 mai") or "de plus".
_DAYS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier"}
# (a day after the figure tells when: "ils étaient 18 mardi soir")
_ELLIPSIS = re.compile(rf"[ \t]*(?:[.,;:()!?\n»”\"–—]|$|et\b(?!\s+\d)|pour\b|à la\b|au\b|avant\b"
                       rf"|(?:{'|'.join(sorted(_DAYS))})\b"
                       rf"|au total\b|(?:par|chaque) (?:jour|soir|midi|matin|semaine)\b"  # "60 par jour"
                       rf"|depuis\b|en tout\b|à ce jour\b|jusqu{_APOS}(?:ici|à présent)\b"
                       rf"|d{_APOS}ici\b|dès\b|de plus\b|supplémentaires\b)")
# "en" before a verb of making: what is made is a thing, never its makers
_MAKE_EN = re.compile(r"\ben\s+(?:\w+\s+){0,2}(?:produi|fabriqu|cou[ds]|confectionn|imprim"
                      r"|sort|livr|distribu|prépar|réalis|assembl|découp|command|achet|réserv)\w*\s+(?:\w+\s+){0,2}$",
                      re.I)
# The clitic "en" stands for the noun named before ("elle en a déjà remis 11").
_CLITIC_EN = re.compile(r"\b[nN]?['’]?en\s+(?:\w+\s+){0,3}$")


_PARTITIVE = re.compile(r"\b(?:des|du|de la|de l['’]|de|d['’])\s*(?=[^\W\d])", re.I)
# verbs of amount, their figure bare ("atteignent 45", "s'élèvent à 300", "tournent
# autour de 20", the hedge the figure's own)
_AMOUNT_VERB_BEFORE = re.compile(rf"\b(?:atteign(?:ent|ait|aient)|atteint|s{_APOS}él[eè]v\w*\s+à"
                                 rf"|en (?:est|sont|était|étaient) (?:déjà |maintenant |aujourd{_APOS}hui )?à"
                                 rf"|se mont\w*\s+à|tourn(?:e|ent|ait|aient)|dépass\w*"
                                 rf"|avoisin\w*)\s+(?:désormais\s+|aujourd{_APOS}hui\s+"
                                 rf"|maintenant\s+|déjà\s+)?$", re.I)


def _item_named_at(text, pos, number, s_start, s_end, doc):
    """The item a noun at `pos` names, for a bare figure elsewhere: its phrase ends with
    the figure, where its rate or kind is read."""
    named = _item(text, pos, s_start, s_end, doc)
    return (*named[:3], number.end) if named is not None else None


def _subject_of_amount(doc, number):
    """The noun subject of the verb a bare figure completes."""
    tok = next((t for t in doc if t.idx >= number.start), None)
    verb = tok
    while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
        verb = verb.head
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in verb.children if c.dep_.startswith("nsubj") and c.pos_ == "NOUN"),
                None)


def _why_no_item(text: str, pos: int, s_end: int, before: str) -> str:
    if _POPULATION_BEFORE.search(before):
        return "population"                                # "(qui en compte 1800)"
    word = re.match(r"\s*([a-zà-ÿœ][a-zà-ÿœ'-]*)", text[pos:s_end], re.I)
    if word and word.group(1).lower() in _NOT_COUNTED:
        return _NOT_COUNTED[word.group(1).lower()]
    return "no_item"


def _item(text: str, pos: int, s_start: int, s_end: int, doc=None, lead: str = ""):
    """(item, unit, group, end) after the number at `pos`, or None."""
    rest = text[pos:s_end]
    if re.match(r"\s+(?:par|chaque) (?:jour|soir|semaine)\b", rest, re.I):
        hits = sorted(_known(text, max(0, pos - REFERENCE_WINDOW), pos))  # "en produit 200 par jour"
        return (hits[-1][1], hits[-1][2], hits[-1][3], pos) if hits else None
    series = _SERIES.match(rest)
    if series:
        # figures in a series share the unit of the last ("des paniers à 15, 25 ou 40
        # euros", "entre 5 et 8 kg")
        return _item(text, pos + series.end(), s_start, s_end, doc, lead)
    unit = None
    u = _UNITS.match(rest.lstrip())
    if u and (u.group(1).lower() not in ("l", "t", "m") or not rest.lstrip()[1:2].isalpha()):
        unit = _UNIT_NAMES.get(u.group(1).lower().rstrip("s"), u.group(1).lower())
        if not unit.endswith("s"):
            unit += "s"
        offset = len(rest) - len(rest.lstrip()) + u.end()
        # "50 000 litres par jour de solution": the item may follow a rate.
        tail = re.match(rf"(?:\s+(?:par jour|par semaine|chaque jour|chaque semaine))?"
                        rf"\s+(?:de\s+|d{_APOS})(?!ici\b)", rest[offset:], re.I)
        if not tail:  # "50 000 litres par jour": the unit is all that is known
            if unit in _LENGTHS:
                # a length measures the supply just named ("l'élastique : au moins 300
                # mètres"), not a distance ("à 300 mètres de la mairie")
                supply = None if re.search(r"\bà\s+(?:\S+\s+){0,2}$", text[max(0, pos - 40):pos]) \
                    else _last_supply(text, max(s_start - 120, pos - 200), pos)
                return (supply, unit, "open", pos + offset) if supply else None
            return unit, unit, MATERIAL, pos + offset
        pos, rest = pos + offset + tail.end(), rest[offset + tail.end():]
    # "sept de ses salariés": a part of a set counts the set's noun
    # (a noun in quotes, a figure of speech, is the noun: "une dizaine de « petites mains »")
    opening = re.match(rf"\s*(?:de\s+(?:ses|nos|leurs|vos|mes|ces|les)\s+|de\s+"
                       rf"|d{_APOS}(?!ici\b))?(?:[«“\"]\s*)?{_ADJECTIVES}", rest, re.I)
    at = pos + opening.end()
    for pattern, name, item_unit, group in _ITEMS:
        hit = pattern.match(text, at, s_end)
        if hit:
            if group == REF:
                return _reference(text, s_start, pos, hit.end())
            return name, unit or item_unit, group, hit.end()
    if unit is None and (_PARTICIPLE.match(text[at:s_end]) or _PARTICIPLE.match(rest)
                         or (_participle_next(doc, at, s_end)
                             # ("elles sont une vingtaine à coudre": people, counted)
                             and not _BEING_BEFORE.search(text, max(0, pos - 60), pos))):
        # "1 600 réalisés à ce jour", "les 15 000 premiers ont été livrés", "1 600 déjà
        # glissés dans les boîtes", "encore 300 à réaliser": the noun said before
        said = _nearest(text, s_start, s_end, pos) or _reference(text, s_start, pos, pos, lead)
        if said is not None or unit is not None:
            return said
        # (with no noun said before, a participle's form the tagger reads as a noun is
        # the noun: "1 300 produits d'hygiène récoltés")
    word = re.match(r"[a-zà-ÿœ][a-zà-ÿœ'-]{2,}", text[at:s_end], re.I)
    if word and word.group().lower() in _DAYS:
        return None   # a day after the figure tells when, it counts nothing ("18 mardi soir")
    # (the tagger takes an auxiliary after a bare figure for a noun: "4 autres seront")
    noun = word and (unit or ((_is_noun(doc, at, at + word.end()) or _COMPOUND.fullmatch(word.group()))
                              and not _AUXILIARY.fullmatch(word.group())))
    lone = (opening.group().split() or [""])[-1].lower()
    if unit is None and not noun and lone in _STANDS_FOR_NOUN:
        # "les 1 200 premiers", "4 autres seront prêts": an adjective standing for the
        # noun said before
        return _reference(text, s_start, pos, at, lead)
    if word and unit is None and word.group().lower() in _STANDS_FOR_NOUN:
        return _reference(text, s_start, pos, at + word.end(), lead)
    if noun:
        # the open list: any noun, kept when a verb of production governs it
        return word.group().lower(), unit or "unités", "open", at + word.end()
    return None


_SERIES = re.compile(r"(?:\s*,\s*\d+(?:[.,]\d+)?)*\s*(?:,|\bet\b|\bou\b|\bà\b)\s*\d+(?:[.,]\d+)?"
                     r"(?=\s*(?:€|euros?\b|kg\b|kilos?\b|litres?\b|l\b|%))", re.I)
# words joined by a hyphen are a compound noun, whatever the tagger makes of its first
# part ("allers-retours"); a verb's inverted pronoun is none ("sont-ils")
_COMPOUND = re.compile(r"[^\W\d]{2,}-(?!(?:t-)?(?:ils?|elles?|on|nous|vous|je|tu|là|ci)$)"
                       r"[^\W\d]{2,}", re.I)
_BEING_BEFORE = re.compile(r"\b(?:sont|sommes|êtes|étaient|étions|seront|serons|furent|est|était)"
                           r"(?:\s+\S+){1,4}$")


# supplies measured by length
_SUPPLY = re.compile(r"(?<![\w-])(élastiques?|tissus?|fils?|draps?|biais|rubans?)(?![\w-])", re.I)


def _last_supply(text: str, start: int, end: int) -> str | None:
    found = list(_SUPPLY.finditer(text, max(0, start), end))
    return found[-1].group(1).lower() if found else None


def _participle_next(doc, at: int, end: int) -> bool:
    """The figure's next word, past its adverbs, is a past participle or "à" and an
    infinitive: a verb tells of the figure, its noun left out ("1 600 déjà glissés",
    "300 à réaliser")."""
    if doc is None:
        return False
    tokens = [t for t in doc if at <= t.idx < end]
    # (its adverbs, clitics and auxiliaries: "600 nous sont déjà parvenus")
    while tokens and (tokens[0].pos_ in ("ADV", "AUX") or (
            tokens[0].pos_ == "PRON" and tokens[0].lower_ in ("nous", "vous", "leur", "lui", "en", "y"))):
        tokens = tokens[1:]
    if not tokens:
        return False
    first = tokens[0]
    if first.lower_ == "à" and len(tokens) > 1:
        return tokens[1].pos_ == "VERB" and tokens[1].morph.get("VerbForm") == ["Inf"]
    # (a past participle's endings, which the tagger's features alone miss at times)
    return first.pos_ in ("VERB", "ADJ") and first.morph.get("VerbForm") == ["Part"] and \
        first.morph.get("Tense") in ([], ["Past"]) and first.text.lower().endswith(
            ("é", "és", "ée", "ées", "i", "is", "ie", "ies", "u", "us", "ue", "ues", "t", "ts", "te", "tes"))


def _is_noun(doc, start: int, end: int) -> bool:
    if doc is None:
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    # the tagger misreads verbless bullets ("- 160 attestations imprimées": ADJ), so only
    # function words and verbs are ruled out; a verb in the first or second person after a
    # figure, without its pronoun, is a noun the tagger misread ("offert 500 savons")
    if span is None or len(span) == 0:
        return False
    return span[0].pos_ in ("NOUN", "PROPN", "ADJ", "X") or _misread_noun(span[0])


def _misread_noun(token) -> bool:
    """A verb in the first or second person without its subject pronoun: after a figure,
    a noun the tagger misread ("offert 500 savons")."""
    return token.pos_ == "VERB" and token.morph.get("Person") in (["1"], ["2"]) and \
        not any(c.dep_.startswith("nsubj") for c in token.children)


_MATERIALS = [(re.compile(rf"(?<![\w-])(?:{p})(?![\w-])", re.I), item, unit, group)
              for p, item, unit, group in ITEMS if group == MATERIAL]


# How far back a figure without its noun looks for it: the document's lead before a
# block is as long (`read`); a block of thousands of figures stays linear.
REFERENCE_WINDOW = 3000


# a label that names inhabitants and nothing done for them
_SIZE_LABEL = re.compile(rf"\s*(?:nombre d{_APOS}\s*)?(?:habitants|administrés|âmes|population)"
                         rf"(?:\s*\(\w+\))?\s*", re.I)
# A line "label : figure" (a bulletin's table written as a list), or a table's row of two
# cells, written "• label — figure"
# (a table's cell bar sets a row's label apart too: "Personnes âgées appelées | 420")
_LABEL = re.compile(r"^[\W\d]{0,3}?(?P<label>[^\W\d][^:|\n]{1,80}?)(?:\s*:|\s+[—–|])\s*$")
# (an exclamation or a pictograph may close a post's row: "Bénévoles actifs : 30 ! 🙌")
# (a hedge may follow the figure: "Colis remis : 75 environ")
# (… or its rate: "Repas livrés : 65 / jour")
_ENTRY_END = re.compile(r"(?:\s+(?:environ|à peu près|au moins))?(?:\s*/\s*(?:jour|semaine)\b)?"
                        r"\s*(?:$|\n|[.;,!]|\(|[\u2600-\u27bf\U0001f300-\U0001faff])")
# … the size's figure, its unit maybe repeated ("Population : 322 hab.")
_SIZE_END = re.compile(r"(?:\s*(?:hab\.?|habitants))?\s*(?:$|\n|[.;,]|\()", re.I)


# A label's figure may be dated after it ("Livraisons : 96 la semaine dernière ; 1 050
# depuis le 18 mars"): a time complement, then the line's end or the next figure.
_WHEN_AFTER = re.compile(rf"\s+(?:(?:la|cette) semaine|(?:le|ce) mois|depuis|au total|en tout"
                         rf"|à ce jour|jusqu{_APOS}(?:ici|à présent|à ce jour)|hier"
                         rf"|aujourd{_APOS}hui)\b[^:;\n]{{0,30}}(?:$|\n|;)")
# The line's next figures after a first one share its label, each with its time.
_NEXT_OF_LINE = re.compile(r"\s*:\s*\d[^:;\n]{0,50};\s*(?:et\s+)?$")


def _label(text: str, number: Number):
    line_start = text.rfind("\n", 0, number.start) + 1
    # the figure's own noun may repeat the label's ("Affiches collées : 250 affiches")
    noun = re.match(r"\s+([^\W\d]+)", text[number.end:])
    repeated = noun is not None and _ENTRY_END.match(text, number.end + noun.end()) and \
        re.match(r"[\W\d]{0,3}" + re.escape(noun.group(1)) + r"\b",
                 text[line_start:number.start], re.I)
    if not (_ENTRY_END.match(text, number.end) or _WHEN_AFTER.match(text, number.end)
            or repeated or _WHOLE_AFTER.match(text, number.end)):
        return None
    label = _LABEL.match(text, line_start, number.start)
    if label is None and (colon := text.find(":", line_start, number.start)) > 0 and \
            _NEXT_OF_LINE.match(text, colon, number.start):
        label = _LABEL.match(text, line_start, colon + 1)
    return label


def _label_item(text: str, start: int, end: int):
    """The item a label opens with ("Couturières bénévoles", "Repas livrés chaque jour")."""
    opening = re.compile(rf"\s*(?:(?:le|la|les|des|nombre de|nombre d{_APOS})\s*)?{_ADJECTIVES}",
                         re.I).match(text, start)
    at = opening.end() if opening else start
    for pattern, name, item_unit, group in _ITEMS:
        # an inhabitants' name is plural; a label may be a town ("Houdain : 2 800")
        demonym = name == "habitants" and group == BENEFICIARY
        if group != REF and not demonym and pattern.match(text, at):
            return name, item_unit, group, end
    return None


def _label_matter(doc, label):
    """The noun a label opens with, with its "de" complement ("Pommes de terre offertes" →
    "pommes de terre"), as (name,)."""
    tokens = [t for t in doc if label.start("label") <= t.idx < label.end("label")]
    if not tokens or tokens[0].pos_ != "NOUN" or \
            not tokens[0].text[:1].isalpha():
        return None
    words = [tokens[0].text.lower()]
    if len(tokens) > 2 and tokens[1].lower_ in ("de", "d'") and tokens[2].pos_ == "NOUN":
        words += [tokens[1].lower_, tokens[2].text.lower()]
    return (" ".join(words).replace("d' ", "d'"),)


def _label_noun(doc, label, end: int):
    """A label led by a plural noun outside the lexicon and its participle counts that
    noun ("Trajets effectués : 64"), as "64 trajets" would. A town is no item ("Lumbres :
    2 950"), and the tagger takes a capitalised noun for a name or a name for a noun at
    times: the participle agreeing in the plural says it is a noun."""
    first = next((t for t in doc if t.idx >= label.start("label")), None)
    if first is None or first.idx >= label.end("label"):
        return None
    # a town is no noun: the noun's participle or adjective, agreeing, says it is one
    # (after nouns coordinated with it: "Courses et médicaments livrés : 210")
    k = first.i + 1
    while k + 1 < len(doc) and doc[k].lower_ in ("et", "ou") and doc[k + 1].pos_ == "NOUN" and \
            doc[k + 1].idx < label.end("label"):
        k += 2
    agreed = first.pos_ in ("NOUN", "PROPN") and first.text[-1:] in "sx" \
        and k < len(doc) and doc[k].pos_ in ("VERB", "ADJ") \
        and "Plur" in doc[k].morph.get("Number")
    if agreed and k > first.i + 1:
        return doc[first.i:k].text.lower(), "unités", MATERIAL, end
    # or a plural common noun and its complement ("Appels de courtoisie, chaque semaine")
    completed = first.pos_ == "NOUN" and first.text[-1:] in "sx" \
        and "Plur" in first.morph.get("Number") and first.i + 2 < len(doc) \
        and doc[first.i + 1].lower_ in ("de", "d'", "d’") and doc[first.i + 2].pos_ == "NOUN"
    if not (agreed or completed):
        return None
    return first.text.lower(), "unités", MATERIAL, end


def _known(text: str, start: int, end: int):
    """Material items named (without a figure) between start and end."""
    for pattern, name, unit, group in _MATERIALS:
        for m in pattern.finditer(text, start, end):
            yield m.start(), name, unit, group


def _reference(text, s_start, pos, end, lead=""):
    """"60 exemplaires": the last material item named before, in the block or else in
    the document's text before it."""
    hits = sorted(_known(text, max(0, pos - REFERENCE_WINDOW), pos)) or \
        sorted(_known(lead, 0, len(lead)))
    if not hits:
        return None
    _, name, unit, group = hits[-1]
    return name, unit, group, end


_PEOPLE = [(re.compile(rf"(?<![\w-])(?:{p})(?![\w-])", re.I), item, unit, group)
           for p, item, unit, group in ITEMS if group in (VOLUNTEER, PEOPLE, BENEFICIARY)]


def _antecedent(text, s_start, pos, end, things=False):
    """What the clitic "en" stands for when its sentence names it, people included
    ("- couturières : il nous en faudrait une vingtaine")."""
    # things made or given first: "en produire 150" after "80 visières … un parent d'élève"
    hits = [(m.start(), name, unit, group) for pattern, name, unit, group
            in _MATERIALS for m in pattern.finditer(text, s_start, pos)]
    if hits:
        _, name, unit, group = max(hits)
        return name, unit, group, end
    return None if things else _people(text, pos, end, since=s_start)


# people a preposition gives something to ("pour 40 familles", "aux aînés"): receivers
# (thanks go "à" people who act: "Bravo aux animateurs du centre, qui ont livré …")
_GIVEN_TO = re.compile(r"(?<!bravo )(?<!merci )(?<!hommage )(?<!félicitations )"
                       r"\b(?:pour|à|aux|chez)\s+(?:(?:les|des|ces|nos|leurs|ses)\s+)?"
                       r"(?:\d[\d\s\u202f]*\s+)?$", re.I)


def _people_hits(text, pos, since=0, subject=False) -> list[tuple]:
    """Every people noun between `since` and `pos` (start, end, name, unit, group), in
    reading order; as subjects only, none given to."""
    hits = sorted((m.start(), m.end(), name, unit, group) for pattern, name, unit, group in _PEOPLE
                  for m in pattern.finditer(text, since, pos))
    hits += [(m.start(), m.end(), m.group().lower(), "personnes", PEOPLE)
             for m in _AGENT_WORD.finditer(text, since, pos)]
    if subject:
        hits = [h for h in hits if not _GIVEN_TO.search(text[max(0, h[0] - 40):h[0]])]
    return sorted(hits)


def _people(text, pos, end, since=0, subject=False):
    """The people a subject pronoun stands for: the last people noun before it
    ("livreurs" too, an agent noun); as the subject of a count ("Ils étaient une
    vingtaine"), not the people something was given to."""
    hits = _people_hits(text, pos, since, subject)
    if not hits:
        return None
    _, _, name, unit, group = hits[-1]
    return name, unit, group, end


def _subject_people(doc, text, since, pos, end):
    """The last people noun between `since` and `pos` that is a verb's subject, the
    people a later pronoun stands for ("Ses 17 bénévoles livrent 40 familles. Ils …")."""
    hits = _people_hits(text, pos, since, subject=True)
    for start, stop, name, unit, group in reversed(hits):
        span = doc.char_span(start, stop, alignment_mode="expand") if doc is not None else None
        if span is None or span.root.dep_.startswith("nsubj"):
            return name, unit, group, end
    return None


def _nearest(text, s_start, s_end, pos):
    """A bare figure: the material item named nearest in its sentence."""
    hits = list(_known(text, s_start, s_end))
    if not hits:
        return None
    _, name, unit, group = min(hits, key=lambda h: abs(h[0] - pos))
    return name, unit, group, pos


# --- kinds ------------------------------------------------------------------

# a cap said after the figure makes it a limit, whatever it counts per group ("par
# groupes de 10 enfants au maximum")
_CAP_AFTER = re.compile(r"\s*(?:au (?:maximum|plus)|maximum)\b", re.I)
# the weight or volume of each of the containers named ("des paniers de légumes
# d'environ 6 kg", "les colis de 8 kg"): a size, no amount given
_MEASURES = ("kilos", "litres", "grammes", "tonnes")
# (an adjective before the container, a preference set apart by a comma: "50 rouleaux de
# grands sacs, de préférence de 100 litres")
_EACH_MEASURE = re.compile(rf"(?:\b(?:des|les|ses|nos|leurs|ces|chaque|de|\d[\d\s]*)\s+|\bd['’])"
                           rf"(?:[^\W\d]+\s+)?{_CONTAINER}s?\b"
                           r"(?:,\s*(?:de préférence|si possible|idéalement|plutôt))?"
                           r"[^,;.:!?\d]{0,40}?\s(?:de|d['’])\s*$", re.I)
_SENTENCE_END = re.compile(r"[.!?…]\s+(?=[A-ZÀ-Ý«])")
# one container's measure in apposition to it ("Le panier de base, environ 6 kg de
# légumes, est vendu 12 euros")
# … or as its complement ("Un panier de 5 kg de légumes coûte 15 euros")
_ONE_CONTAINER_OF = re.compile(rf"\b(?:un|une|le|la|chaque)\s+{_CONTAINER}\s+(?:de\s+|d['’])$", re.I)
_ONE_CONTAINER_APPOSED = re.compile(rf"\b(?:le|la|l['’]|un|une|chaque)\s*{_CONTAINER}\b"
                                    r"[^,;.:!?\d]{0,30},\s*$", re.I)


def _kind(doc, text, number, name, group, before, after, rate_zone, sentence, block="",
          upto="", unit="unités", intro=""):
    """(kind, reason) of a figure, or (None, reason it is set aside)."""
    # (within the figure's sentence: "…, soit 3 100 personnes. Chacun recevra …")
    if _PER_UNIT_AFTER.match(_SENTENCE_END.split(after, maxsplit=1)[0]) or \
            (_per_unit_before(before) and not _CAP_AFTER.match(after)) or (unit in _MEASURES and (
                _EACH_MEASURE.search(before) or _ONE_CONTAINER_APPOSED.search(before)
                or _ONE_CONTAINER_OF.search(before))) or \
            _EQUATION.search(after[:3]) or "=" in re.split(r"[.;!?]", upto or before)[-1] or \
            _DISTRIBUTIVE_AFTER.match(after) or _share_at_rate(before, after) or \
            _PER_ITEM_AFTER.match(text, number.end) or \
            _contents_bracket(before, after) or (
                # (or a model's: "modèle à 2 couches", "masques à 3 plis")
                name in ("couche", "couches", "pli", "plis")
                and (_OF_CLOTH.match(after) or re.search(r"\bà\s*$", before))):
        return None, "price" if group == MONEY else "per_unit"
    chain = _chain(doc, number)
    if group not in (PEOPLE, VOLUNTEER, BENEFICIARY) and any(
            t.dep_ == "nsubj" and t.head.lemma_.lower() == "suffire"
            and not re.search(r"rai(?:t|ent)$", t.head.lower_) for t in chain[:2]):
        # a verb of sufficiency weighs an amount against a need, nothing is made ("deux
        # masques ne suffiront pas pour reprendre le travail"); in the conditional it
        # sizes the need ("une vingtaine suffirait", the tagger's mood aside)
        return None, "per_unit"
    # the national cue may stand far in the clause, before the figure as after it
    # ("Selon l'Agence régionale de santé, les établissements des Hauts-de-France
    # consomment …", "… en situation de … en France")
    if _national(chain, upto or before, sentence[len(upto):] if upto and sentence.startswith(upto)
                 else after):
        return None, "national"
    if _EPIDEMIC.match(text, number.end):
        return None, "epidemic"    # "1 347 patients atteints du Covid-19 ont été hospitalisés"
    clause = re.split(r"[.;!?]", before)[-1] + " " + re.split(r"[.;!?]", after)[0]
    # (every commune of it may be counted past the next figure: "aux 890 communes du …")
    # (… or open its sentence, however far: "À l'échelle du département, la banque
    # alimentaire indique avoir distribué 480 tonnes")
    whole = re.split(r"[.;!?]", upto or before)[-1] + " " + \
        re.split(r"[.;!?]", text[number.end:number.end + 200])[0]
    # (a figure given to towns it names is theirs, whoever's scope names the giver: "les
    # services de l'État dans le Pas-de-Calais ont remis 25 000 masques aux communes de
    # Calais, Marck et Coulogne")
    if _DEPARTEMENT_WIDE.search(whole) or (_named_departement().search(clause) and not
                                           _TO_NAMED_TOWNS.search(re.split(r"[.;!?]", after)[0])):
        return None, "departement_wide"    # "À l'échelle du département, près de 600 …"
    if _REMINDER.match(upto or "") or _RECALLS.search(upto or before):
        return None, "reminder"
    if (glossed := _GLOSSED_GOAL.match(after)) and group not in (MONEY, POPULATION):
        # a colon after a figure glosses it: "3 000 : l'objectif au 15 mai"
        return TARGET, f"objectif (« {glossed.group(1)} »)"
    hedge = _THRESHOLD.match(number.text_in(text)).group()   # "plus de" is the number's
    if _CLASS_OF.search(before + hedge) or _LIMIT_BEFORE.search(before + hedge):
        return None, "limit"               # "pour les commandes de plus de 100 €"
    if any(t.lemma_.lower() in CONTAINMENT for t in chain[1:3] if t.pos_ == "VERB") or \
            _CONTAINS_BEFORE.search(re.split(r"[.;!?]", upto or before)[-1]) or \
            _ONE_WEIGHS.search(before) or _ONE_UNIT_HOLDS.search(intro) or \
            _ONE_TAKES.search(re.split(r"[.;!?]", upto or before)[-1]) or \
            _PRICED_UNIT_BRACKET.search(before):
        # "un kit contient 3 mètres de tissu"; what else it holds, and what it yields,
        # are its own ("… et 2 élastiques pour réaliser 4 masques")
        return None, "per_unit"
    # (people are no sum: "avec l'aide de deux voisins bénévoles")
    if (_PRICE_BEFORE.search(before) and group not in (PEOPLE, VOLUNTEER, BENEFICIARY)) or (
            # (a sum given is an aid, "un don de 50 €"; things given are a gift, counted)
            group == MONEY and re.search(r"\bun don de\s*$", before, re.I)
            and not _GIFT_MADE.search(before) and not _GIFT_MADE_AFTER.match(after)) or (
            group == MONEY and (
            # (a bracket opens its own clause: "coûte 15 €, merci (900 € récoltés)")
            _PRICE_AFTER.match(after) or _COST.search(re.split(r"[.;(]", before)[-1])
            # ("Le panier est à 15 €": a sum a thing "is at" is its price)
            or _PRICED_AT.search(before)
            # (the answer to a question of cost: "Combien coûte une visière ? « 1,20 € »")
            or _COST_ASKED.search(text, max(0, number.start - len(upto) - 120),
                                  number.start - len(upto))
            or _COST.search(re.split(r"[.;,]", after)[0]))):  # "3 € : le prix d'un rouleau"
        return None, "price"
    # (the people a relative clause names as doing it, after the distributive's clause,
    # are counted whole: "Chaque habitant recevra 2 masques, qui seront déposés par les
    # élus et une quarantaine de bénévoles")
    helpers_after = group in (VOLUNTEER, PEOPLE) and bool(_RELATIVE_AFTER.search(upto or before))
    # (a figure opening a clause of its own after a colon is no share of the one before
    # it: "… un masque à chaque habitant : 1 050 masques sont déjà distribués")
    own_clause = ":" in re.split(r"[.;,]", before)[-1] and bool(_BARE_SUBJECT.match(after))
    if (_distributive(re.split(r":", before)[-1] if own_clause else before)
            or (_one_of_a_kind(upto or before) and not helpers_after) or
            (_EACH_HEAD.search(upto or before) and not own_clause) or _ONE_IS.search(before)
            or _SOMETIMES.search(before)) and \
            not _AS_TOTAL_AFTER.match(after):
        return None, "price" if group == MONEY else "per_unit"
    if group == MONEY and _unit_price(chain):
        return None, "price"               # "Panier à 12 €": a thing's price
    if group == MONEY and _AID_OF.search(before):
        return None, "price"     # "une aide exceptionnelle de 150 euros": each one's aid
    if group == MONEY and _NO_NEED.search(re.split(r"[.!?]", before)[-1]):
        return None, "price"   # "pas besoin de donner 50 €, même 2 € ça aide": a gift's size
    if group == MONEY and re.search(r"\b(?:un|une|le|la|les|des|du|sa|son|ses)\s+[^\W\d][^,;:.!?]{0,60}"
                                    r"[,]?\s+pour\s*$", re.split(r"[.;:!?]", before)[-1]):
        return None, "price"   # a thing for a sum: its price ("un panier … pour 10 euros")
    clause = re.split(r"[.;:!?,]", before)[-1]
    if group == MONEY and (amount := _AMOUNT_VERB_BEFORE.search(clause)) and \
            _COLLECT.search(clause) and not any(
            w.lower() in GOAL_NOUNS for w in re.findall(r"\w+", clause)):
        # a sum a verb of amount reports of a pot is what it holds so far ("la cagnotte en
        # est à 410 €", "les dons s'élèvent à 900 €"); a goal's ("l'objectif s'élève à") or
        # a fine's ("l'amende s'élève à 135 €") is not
        return DONE, f"montant atteint (« {amount.group().strip()} »)"
    if group == MONEY:
        grammar, cue = _grammar(chain, before, after, sentence)
        if grammar in (TARGET, NEEDED, ORDERED):
            return grammar, cue
        if _COLLECT.search(sentence) or _COLLECT.search(block):
            return DONE, "somme collectée ou donnée"
        return None, "price"
    # (a place's inhabitants are its population when all are meant, "les quelque 23 000
    # habitants de nos communes"; "à 120 habitants de la commune" counts some, helped)
    # (inhabitants narrowed by an age or a state are some of them, never a size: "nos 48
    # habitants âgés de plus de 80 ans")
    # (… unless all of them are meant: "l'ensemble de nos 5 600 habitants âgés de plus de
    # 10 ans", the population the scheme covers)
    if not (_NARROWED.match(after) and not _EVERY_OF.search(before)) and (
            (group == POPULATION and (_POPULATION_BEFORE.search(before) or _APPOSITION.search(before)
                                 or _AFTER_TOWNS_COUNT.search(before)
                                 or _RESTATED_SIZE.search(before)
                                 or (_OF_A_PLACE.match(after) and _DEFINITE.search(before))
                                 or _WE_ARE_N.search(before))) or \
            (name == "habitants" and (_ALL_OF.search(before) or _SPREAD.match(after)
                                      or _COVERED.match(after)
                                      # a line that is only the count ("27 000 habitants",
                                      # in a box of key figures) states a size
                                      # (… or with where they live: "33 000 habitants
                                      # sur le territoire")
                                      # (… or labelled by its town: "• Le Portel : 9 200
                                      # habitants.", a label of help no town)
                                      or ((_line_alone(before) or (
                                          (label := _ROW_LABEL.search(before))
                                          and not _HELPED_WORD.search(label.group())))
                                          and _WHERE_THEY_LIVE.match(after))
                                      # (… or set apart by commas after its place's noun:
                                      # "Dans la cité de la faïence, 5 000 habitants, …")
                                      or (_PLACE_NOUN_APPOSED.search(before)
                                          and re.match(r"\s*,", after))
                                      or _WITH_SIZE.search(before)
                                      or _GATHERS_PEOPLE.search(before))) or \
            _CENSUS_AFTER.match(text, number.end) or \
            (name in ("foyers", "ménages") and _OF_A_PLACE.match(after)
             and re.search(r"\b(?:les|aux|des)\s+$", before)
             and re.match(r"(?:quelque|environ)\b", number.text_in(text)))):
        # "aux quelque 2 900 foyers de la commune": all of them, told roughly, its size
        return None, "population"                          # "village de 200 habitants"
    if group in (PEOPLE, BENEFICIARY) and (_ORGANISATION_SIZE.search(before)
                                           or _BASE.search(before) or _EMPLOYS.search(before)):
        return None, "population"         # "une usine de 250 salariés", "sur les 900 élèves"
    if name in _CAPACITY_NOUNS and _SIZE_VERB_BEFORE.search(before):
        return None, "place_count"         # "ma salle fait 60 couverts": its size
    if group == "open" and _AGENT_NOUN.search(name) and _HAS_BEFORE.search(before):
        # people by their trade a body gathers are its members ("qui fédère 27 agriculteurs")
        return VOLUNTEERS, f"membres (« {name} »)"
    if group not in (PEOPLE, BENEFICIARY, VOLUNTEER, POPULATION) and _HAS_BEFORE.search(before):
        return None, "place_count"         # "le gîte, qui compte 12 chambres": its size
    if group == BENEFICIARY and _HAS_BEFORE.search(before):
        return None, "population"          # "le collège, qui compte 430 élèves": its size
    if _AT_ONCE_AFTER.match(after) or _AT_MOST_AFTER.match(after):
        return None, "limit"               # "un maximum de 50 personnes à la fois"
    if _UP_TO_IN_BRACKETS.search(before + number.text_in(text)) or _ALONE.search(before):
        return None, "per_unit"            # "(jusqu'à 50 lavages)", "à elle seule plus de 150"
    if _capacity(chain) or _CAPACITY_BEFORE.search(
            re.split(r"[.;]|,\s*(?:et|mais)\b", upto or before)[-1]):
        return None, "per_unit"            # "une bobine permet d'en fabriquer 40"
    if group in (MATERIAL, "open") and _does_the_work(chain):
        return None, "means"   # "les 11 imprimantes du club sortent 150 visières"
    grammar, cue = _grammar(chain, before, after, sentence)
    if grammar == TARGET and _TOOL_BY_USE.match(name) and re.match(r"\s*à\s", after):
        grammar, cue = None, ""   # "6 machines à coudre": a tool named by its use
    if group in (PEOPLE, BENEFICIARY, VOLUNTEER) and _ARE_NOW.search(before):
        # people counted by "être" now or before ("Nous sommes 14 bénévoles, mais il
        # nous manque…", "les familles suivies, qui sont aujourd'hui 230"): a count of
        # who they are, whatever another verb of the sentence says
        grammar, cue = None, ""
    if grammar == STOCK:
        if group in (PEOPLE, BENEFICIARY, VOLUNTEER):
            grammar, cue = None, ""   # "nous avons 45 bénévoles": people, read as such below
        else:
            return None, STOCK
    line = before.split("\n")[-1] + after.split("\n")[0]
    if _WE_ARE_BEFORE.search(before) and (doing := _STILL_TO_DO.match(after)):
        # the speakers counted by what they do ("on est 15 motards à tourner") help
        return VOLUNTEERS, f"personnes qui font (« à {doing.group(1)} »)"
    told = re.findall(r"« ([^»]+) »", cue or "")   # (the words the cue quotes last)
    # ("il reste 150 sacs à remplir": what remains is not done)
    if (grammar is None or (grammar == DONE and told and (told[-1] not in line
                                                          or told[0].startswith("rest")))) \
            and group not in (PEOPLE, BENEFICIARY, VOLUNTEER, POPULATION) \
            and not _TOOL_BY_USE.match(name) \
            and (todo := _STILL_TO_DO.match(after)) and doc is not None and \
            any(t.text == todo.group(1) and number.end <= t.idx < number.end + 80
                and t.pos_ == "VERB" and t.morph.get("VerbForm") == ["Inf"] for t in doc):
        # "encore 300 à réaliser", "200 masques à coudre": still to be made, a goal
        # (a verb of another line of a list is not this one's)
        return TARGET, f"reste à faire (« à {todo.group(1)} »)"
    # (more of them, "6 bénévoles de plus", under a need's heading are needed)
    # (an entry that is a sentence keeps its own verb's reading: "L'épicerie … sert 45
    # foyers" under "ILS ONT BESOIN DE VOUS")
    if grammar == TARGET and cue.startswith("infinitif d'un projet") and \
            (past := _PAST_OVER_LIST.search(intro)):
        # a list's infinitives complete the verb of its introducing line, which tells their
        # time: "notre comité a pu :" then "- distribuer 1 240 colis" was done
        grammar, cue = DONE, f"infinitif après un passé en tête de liste (« {past.group(1)} »)"
    own_verb = cue.startswith("verbe") and bool(told) and \
        told[-1] in re.split(r"[.!?:]", before)[-1]
    if (grammar is None or (grammar == DONE and not own_verb)
            or (grammar == TARGET and cue.startswith("reste à faire"))) and \
            (headed := _intro_kind(intro)):
        return headed
    # (a deadline is no goal's noun: "redistribué d'ici fin mai aux 230 foyers" names
    # the households it goes to)
    if grammar == NEEDED or (grammar == TARGET and group != VOLUNTEER and (
            re.match(r"objectif \(« (?!d['’]ici)", cue) or not (group in (PEOPLE, BENEFICIARY)
                                                                and _RECIPIENT.search(before)))):
        # "Objectif : 200 inscrits", "il aimerait aider 100 familles": a goal, whoever
        # it counts; helpers to come are still helpers ("ils seront 30 à coudre")
        return grammar, cue
    if group == VOLUNTEER and (_GOAL_COLON.search(before) or GOAL_BEFORE.search(before)):
        return TARGET, "objectif de recrutement (« objectif »)"   # "objectif : 100 bénévoles"
    if group == VOLUNTEER:
        return VOLUNTEERS, f"personnes qui aident (« {name} »)"
    if group in (PEOPLE, "open") and (group == PEOPLE or _AGENT_NOUN.search(name)) and _lent(chain):
        # (people by their trade too: "met deux chauffeurs à disposition")
        return VOLUNTEERS, f"personnes mises à disposition (« {name} »)"
    if group == PEOPLE and (_OF_THE_BODY.match(after) or _ITS_OWN.search(before)) and \
            not _benefits(chain):
        # the members of the acting body help ("Les 11 membres du bureau appellent …")
        return VOLUNTEERS, f"membres (« {name} »)"
    # (the figure's words run on past another figure: "15 jeunes de 18 à 25 ans, tous
    # bénévoles")
    at = text.find(after, number.end) if after else -1
    whole_after = text[at:] if at >= 0 else after
    if (group in (PEOPLE, BENEFICIARY, POPULATION) and (helping := _HELPERS_AFTER.match(whole_after))) \
            or (group == "open" and (helping := _HELPER_ADJECTIVE.match(after))):
        # (any noun a helper's adjective qualifies counts helpers: "17 motards bénévoles")
        return VOLUNTEERS, f"personnes qui aident (« {name} {helping.group().strip()} »)"
    if group in (PEOPLE, BENEFICIARY) and name not in ("familles", "foyers") and \
            (making := _MAKING_AFTER.match(text, number.end)):
        return VOLUNTEERS, f"personnes qui font (« {making.group().strip()} »)"
    if group in (PEOPLE, BENEFICIARY, POPULATION) and (left := _PEOPLE_TO_SERVE.match(after)):
        return TARGET, f"personnes à servir (« {left.group().strip()} »)"
    if group == PEOPLE:
        if _VOLUNTEER_BEFORE.search(before):
            return VOLUNTEERS, "personnes qui composent l'équipe"
        if (label := _HELPERS_LABEL.search(before)) is not None:
            # a row's label calls them helpers ("Parents volontaires : 9")
            return VOLUNTEERS, f"personnes qui aident (« {label.group(1)} »)"
        if (_acts(chain) and _helps(chain)) or _gathers(chain):
            return VOLUNTEERS, "personnes sujet d'un verbe d'aide"
        return BENEFICIARIES, "personnes aidées"
    if group == BENEFICIARY and (label := _HELPERS_LABEL.search(before)) is not None:
        # … and so are those a row's label calls helpers ("Étudiants bénévoles : 22")
        return VOLUNTEERS, f"personnes qui aident (« {label.group(1)} »)"
    # (inhabitants too: "une douzaine d'habitants se relaient pour assembler")
    if group in (BENEFICIARY, POPULATION) and name not in ("familles", "foyers") and (
            (_acts(chain) and _helps(chain)) or _gathers(chain)):
        return VOLUNTEERS, "personnes sujet d'un verbe d'action"
    if group in (BENEFICIARY, POPULATION) or (group == "open" and _benefits(chain)):
        return BENEFICIARIES, f"personnes ou foyers aidés (« {name} »)"
    # a rate adverbial opening the number's clause ("…, et chaque midi, ce sont 85 …")
    # (a list entry's label before a dash is no part of it: "• Avesnes — Chaque semaine, …")
    clause = re.split(r"[.;:!?]|\s[—–]\s|,\s*(?:et|mais|puis)\b", upto or before)[-1].strip()
    # (… or set off by commas right before it: "nous préparons aussi, chaque semaine, 45
    # paniers")
    rate = _RATE_BEFORE.search(re.split(r"[,;:]", re.sub(r",\s*$", "", before))[-1]) or \
        _RATE_OPENING.match(clause)
    if grammar == DONE and "au passé" in cue:
        # a total made, in the past: a rate in the relative clause after it is another
        # act's ("a cousu plus de 700 masques, qu'elle dépose chaque matin")
        rate_zone = _RELATIVE_AFTER.split(rate_zone, maxsplit=1)[0]
    if grammar == ORDERED and told and (own_rate := _RATE_RIGHT_AFTER.match(rate_zone)) and \
            told[-1] in rate_zone[own_rate.end():]:
        # a rate right after its noun, then how each is ordered ("230 paniers par semaine,
        # commandés en ligne"): a flow served, not an order waiting
        grammar = None
    if grammar not in (TARGET, ORDERED):
        # "Colis remis chaque semaine, par commune :"; "comme chaque lundi" in it compares
        # the report with its habit, and gives its figures no rate
        rate = rate or _RATE_WORDS.search(_HABIT.sub("", intro))
        if _PER_DAY.match(rate_zone) or (rate and rate.group("day")):
            return PER_DAY, "rythme « par jour »"
        if _PER_WEEK.match(rate_zone) or (rate and rate.group("week")):
            return PER_WEEK, "rythme « par semaine »"
    # (… or counting themselves by their trade: "on est maintenant 23 couseuses")
    if group == "open" and (_AGENT_NOUN.search(name) and (_acts(chain) or _WE_ARE_BEFORE.search(before))
                            or _gathers(chain)):
        return VOLUNTEERS, f"personnes sujet d'un verbe d'action (« {name} »)"
    row = before.split("\n")[-1]
    if row.count(" — ") >= 2 and (made := _reported(row)):
        # a table's row: the cell before the figure says what was done with it
        # ("Attestations imprimées — 400 attestations")
        return DONE, f"fait rapporté dans la ligne du tableau (« {made.group()} »)"
    if group == "open" and grammar in (None, DONE) and _ACTS_NOUN.search(name.split()[0]) \
            and not _HOLDS_BEFORE.search(_last(before, 40)):
        # a count of acts ("137 livraisons", "45 interventions") reports acts performed
        return DONE, f"actes comptés (« {name.split()[0]} »)"
    # a weight or a volume of matter is a quantity wherever it stands ("don de 1,5 tonne")
    if group == "open" and grammar == DONE and (_LIGHT_VERB.search(cue) or (
            unit == "unités" and not _argument(chain) and not _made_just_before(before)
            # (a row's label that reports the act, "Réalisé : 300 flacons", is its verb)
            and not ((label := _ROW_LABEL.search(before)) and (
                cue.startswith("fait rapporté") or any(
                    w in label.group() for w in re.findall(r"« ([^»]+) »", cue)))))):
        return None, "no_item"                # "il y a 500 bouteilles", "avec ses 6 imprimantes"
    if grammar is not None:
        return grammar, cue
    if (verb := _bare_infinitive(chain)) is not None and not _BARE_SUBJECT.match(after):
        return TARGET, f"infinitif d'un projet (« {verb.text} »)"   # "En sortir 5 000."
    if group == MATERIAL:
        return DONE, "objet compté, sans verbe d'intention ni futur"
    if made := _made_just_before(before):
        return DONE, f"fait rapporté (« {made.group()} »)"
    made = _reported(intro) or _TALLY.search(intro)
    if made:  # "le nombre d'appels passés, commune par commune :" then "- Arras : 1 240 appels"
        # (or a tally: "Le bilan :" then "✔ 1,2 tonne de denrées")
        return DONE, f"fait rapporté en tête de liste (« {made.group()} »)"
    lead = re.split(r"[.;!?\n]", before)[-1]
    if ":" in lead and (made := _TALLY.search(lead.rsplit(":", 1)[0])):
        # the sentence's own lead before a colon tallies ("Bilan de la collecte de samedi
        # devant le magasin : 850 kg de denrées")
        return DONE, f"fait rapporté en tête de phrase (« {made.group()} »)"
    return None, "no_item"                                 # the open list needs a verb


# a figure then "à" and an infinitive: what is still to be done
# ("à partir de" is a preposition, from: "380 surblouses à partir de draps")
_STILL_TO_DO = re.compile(r"\s+(?:[a-zà-ÿ]+\s+)?à\s+(?!partir\s+d)([a-zà-ÿ]+(?:er|ir|re))\b")
# tools named by their use, "à" and an infinitive ("6 machines à coudre"): nothing to do
_TOOL_BY_USE = re.compile(r"\b(?:machine|fer|planche|table|salle|brosse)s?$")


def _bare_infinitive(chain):
    """The infinitive before the figure in a sentence with no conjugated verb: a
    verbless sentence built on an infinitive states a project ("Le défi ? En sortir
    5 000 avant le 11 mai.")."""
    if not chain:
        return None
    sent = chain[0].sent
    if any("Fin" in t.morph.get("VerbForm") for t in sent):
        return None
    # (in the figure's own cell: a table's first cell, "Samer | 4 500", is no verb)
    return next((t for t in sent if t.i < chain[0].i and t.pos_ == "VERB"
                 and "Inf" in t.morph.get("VerbForm")
                 and "|" not in sent.doc.text[t.idx:chain[0].idx]), None)


# French nouns of action, derived from verbs ("livraison", "intervention",
# "déplacement", "dépannage"): counted, they are acts
# ("-age" and "-ment" also make things and places, "villages", "logements": only their
# nouns of action are listed)
_ACTS_NOUN = re.compile(r"(?:aison|[st]ion|(?:port|ramass|dépann|covoitur|dépist|nettoy"
                        r"|emball|repass|pass)age|(?:déplace|accompagne|héberge)ment"
                        r"|^appel|^visite|^tournée|^trajet|^allers?-retour|^navette|^maraude|^rotation|^mission"
                        # requests answered or handled ("a répondu à 230 demandes")
                        r"|^demande|^requête|^sollicitation)s$", re.I)
# (… or "sur la base du volontariat": "Animateurs mobilisés sur la base du volontariat : 9")
_HELPERS_LABEL = re.compile(r"(?:^|\n)\W{0,3}[^\W\d][^:\n]{0,50}?\b(volontaires|bénévoles|mobilisée?s"
                            r"|engagée?s|volontariat)\s*:\s*$", re.I)
# a row's label of a noun and a helper's adjective ("Chauffeurs bénévoles :")
_HELPER_ROW = re.compile(r"(?:^|\n)\W{0,3}([^\W\d][\w’'-]*)\s+(?:bénévoles|volontaires)\s*:\s*$", re.I)
# (a round's verbs, not a person's coming: "une couturière vient deux fois par semaine")
_COMES_BEFORE = re.compile(r"\b(?:pass|circul|sillonn|tourn|livr)\w*\s+(?:[\w’'-]+\s+){0,2}?$", re.I)
_WE_ARE_BEFORE = re.compile(r"\b(?:on est|nous sommes|on était|nous étions)\s+(?:maintenant\s+|désormais"
                            r"\s+|déjà\s+|aujourd['’]hui\s+)?$", re.I)
_PRINTED_AFTER = re.compile(r"\s+((?:imprimé|photocopié|tiré|édité)e?s)\b", re.I)
# (a row's label may detail them in brackets: "Missions réalisées (courses, appels) : 80")
_PERFORMED_BEFORE = re.compile(r"(?:\b(?:(?:réalis|effectu|assur|accompl)\w*|men(?:ée?s?|er))(?:\s+(?:déjà|plus de"
                               r"|près de|environ))*(?:\s*\([^()\n]{1,60}\))?\s*:?|\bobjectif\s*(?::|de))\s*$",
                               re.I)
_PERFORMED = re.compile(r"\s+(?:(?:ont|sont)\s+(?:été\s+)?|déjà\s+)*(?:réalisée|effectuée|assurée"
                        r"|accomplie|menée)s?\b|\s+par\s+(?:jour|semaine)\b", re.I)
# ... unless a verb of holding or counting governs them ("la commune compte 300 habitations")
_HOLDS_BEFORE = re.compile(r"\b(?:compt|poss[eè]d|dispos|abrit|regroup|totalis)\w*\s+"
                           r"(?:\w+\s+){0,2}$", re.I)


# a compound past closing a list's introducing line ("notre comité a pu :", "nous avons
# réussi à :", "vos dons ont permis de :")
_PAST_OVER_LIST = re.compile(r"\b((?:ai|as|a|avons|avez|ont)\s+(?:(?:déjà|aussi|ainsi|notamment)\s+)?"
                             r"(?:pu|su|réussi\s+à|permis\s+(?:de|d['’])))\s*:\s*$", re.I)


def _bracket_depth(verb, figure) -> int:
    """How many brackets deeper the verb stands than the figure (negative: shallower)."""
    text = figure.doc.text
    if verb.idx > figure.idx:
        between = text[figure.idx:verb.idx]
        return between.count("(") - between.count(")")
    between = text[verb.idx:figure.idx]
    return between.count(")") - between.count("(")


def _made_just_before(before: str) -> re.Match | None:
    """A compound past of making or giving right before the figure, whatever the parse
    made of a complement between ("a collecté pour nous 450 draps")."""
    tail = re.split(r"[.;:!?]", before)[-1][-40:]
    made = _reported(tail)
    return made if made and re.search(r"\b(?:ai|as|a|avons|avez|ont)\s+(?:déjà\s+)?$",
                                      tail[:made.start()]) else None


def _intro_kind(intro: str) -> tuple[str, str] | None:
    """A list's items share the kind its introducing line states: a need ("On a besoin
    de :") or an order not yet delivered ("Commandés, en attente de livraison :")."""
    need = NEED.search(intro)
    if need:
        return NEEDED, f"besoin exprimé en tête de liste (« {need.group()} »)"
    order = ORDER.search(intro)
    if order and not DELIVERED.search(intro):
        return ORDERED, f"commande annoncée en tête de liste (« {order.group()} »)"
    return None


# Verbs that tell a state, not an action: with them an unknown noun is no production.
_LIGHT_VERB = re.compile(r"« (?:avoir|être|compter|comptent|compte|rester|exister|sembler"
                         r"|devenir|trouver|voir|falloir|concerner) »")


# French agent nouns name people ("coureurs", "livreuses", "pompiers", "étudiantes");
# objects with these endings ("ordinateurs", "visières", "paniers") are known items.
# Nouns of agents by their suffix; "-ant(e)s" also makes tools ("imprimantes"): the
# people it names are in the lexicon ("soignants", "participants", "commerçants").
_AGENT_NOUN = re.compile(r"(?:eurs|euses|trices|iers|ières|istes)$")
_AGENT_WORD = re.compile(r"\b[a-zà-ÿ]{3,}(?:eurs|euses|trices|istes)\b")


# "Sur les 1 900 élèves de la ville, 8 % …": the whole a share is taken from.
_BASE = re.compile(r"\bsur (?:les|ses|nos|leurs|ces)\s+$", re.I)
CAPACITY = {"permettre", "pouvoir", "suffire"}
# the same read from the words, when the parse hangs the number elsewhere
# A limit is no count: "un maximum de 50 personnes à la fois", "une jauge de 30", "au
# plus 20 clients en même temps".
_LIMIT_BEFORE = re.compile(r"\b(?:(?:un|le|au) (?:maximum|minimum) (?:de\s+|d['’])?|une jauge de\s+"
                           r"|(?:minimale?s?|maximale?s?|minimum|maximum)\s*:\s*"  # "Commande minimale : 15 €"
                           r"|au plus\s+|pas plus de\s+|dans la limite de\s+"
                           r"|au-delà de\s+|à partir de\s+"
                           # a negated "none … more than" states a cap ("aucune classe
                           # n'accueillera plus de 15 élèves")
                           r"|\baucune?\s+[^\W\d]+\s+(?:ne\s+|n['’]\s*)(?:\w+\s+){1,2}(?:plus|moins)\s+de\s+)$",
                           re.I)
# A place's capacity, told by a verb of size ("ma salle fait 60 couverts", "le gîte offre 12
# lits"): no output
_CAPACITY_NOUNS = {"couverts", "places", "lits", "chambres", "sièges"}
_SIZE_VERB_BEFORE = re.compile(r"\b(?:fait|font|faisait|offre|offrent|propose|proposent"
                               r"|compte|comptent|dispose de|disposent de|accueille)\s+"
                               r"(?:près de\s+|plus de\s+|environ\s+|une?\s+)?$", re.I)
# A class defined by a threshold: "pour les commandes de plus de 100 €", "les foyers de
# moins de 3 personnes" (the hedge is the number's own text).
_CLASS_OF = re.compile(r"\b(?:les|des|aux)\s+[^\W\d]+\s+(?:de\s+|d['’])(?:plus|moins)\s+de\s+$",
                       re.I)
_THRESHOLD = re.compile(r"(?:(?:plus|moins) de\s+)?", re.I)
_AT_ONCE_AFTER = re.compile(r"[^.;,]{0,30}?\b(?:à la fois|en même temps|simultanément)\b", re.I)
# a cap after the counted noun: "des groupes de 15 élèves au maximum"
# ("au plus fort de la crise", "au plus haut", is a peak: the figure was reached)
_AT_MOST_AFTER = re.compile(r"[^.;,]{0,25}?\b(?:au maximum|maximum|au plus|tout au plus)\b"
                            r"(?!\s+(?:fort|haut)\b)", re.I)
# a property of one unit in brackets: "masques lavables (jusqu'à 50 lavages)"
_UP_TO_IN_BRACKETS = re.compile(r"\(\s*(?:jusqu['’]à)\s+[\d\s.,]+$", re.I)
# one member's own part of a whole already counted, which "en" refers to: "qui en a
# cousu à elle seule 150" (without "en", her own work: "a cousu à elle seule 450 masques")
_ALONE = re.compile(r"\ben\s+[^.;!?]{0,30}\bà (?:lui|elle) seule?\b[^.;!?]{0,30}$", re.I)
# a third party's reminder reports context already known ("le préfet rappelle que la
# plateforme nationale …"); the author's own "rappelons que" stresses its own work
_RECALLS = re.compile(r"\b(?:rappelle|rappellent|est rappelé|a rappelé)\s+(?:qu['’]|que)\b"
                      r"[^.;!?]*$", re.I)
# (a verb coordinated after another in the present shares its subject: "une plaque
# revient à 4 euros et permet de découper 6 écrans"; "un atelier a ouvert et permet…"
# tells of one event)
_CAPACITY_BEFORE = re.compile(rf"\b(?:un|une|chaque)\s+[^\W\d]+(?:\s+(?:de\s+|d{_APOS})[^\W\d]+)?"
                              rf"(?:\s+(?![^.;,:]*\b(?:a|ont|avait|avaient)\s)[^.;,:]{{1,40}}?\s+et)?"
                              rf"\s+(?:ne\s+|n{_APOS})?(?:permet|peut|suffit|contient|comprend|comporte|renferme)\b[^.;]*$", re.I)


def _capacity(chain) -> bool:
    """What one unit can give, told in the present ("un rouleau permet de coudre 50
    masques", "chaque kit peut en donner 10"): a per-unit amount, not an output. (In the
    subjunctive it tells a purpose: "… pour que chaque aîné puisse manger chaud".)"""
    for token in chain[1:]:
        if token.lemma_.lower() in CAPACITY and "Pres" in token.morph.get("Tense") and \
                "Sub" not in token.morph.get("Mood"):
            return any(c.dep_ == "nsubj" and any(d.lower_ in ("un", "une", "chaque")
                                                  for d in c.children if d.dep_ == "det")
                       for c in token.children)
    return False


# Nouns of an action: what they govern is what was given or made ("un don de 800 flacons").
ACTION_NOUNS = {"don", "livraison", "distribution", "fabrication", "production", "confection",
                "collecte", "remise", "envoi", "prêt", "impression", "récolte"}


_HEDGES = {"près", "plus", "moins", "environ", "presque"}


def _argument(chain) -> bool:
    """The counted noun is what its verb acts on or tells of (object, passive subject, a
    noun a participle qualifies, or the object of an action noun), not a circumstance
    ("avec ses 6 imprimantes")."""
    noun = chain[1] if len(chain) > 1 and chain[1].pos_ in ("NOUN", "PROPN") else None
    if noun is not None and noun.head.lemma_.lower() in _HEDGES and noun.head.i < noun.i:
        return True   # the parser hangs "près de 80 draps" on its hedge, as the verb's
    return noun is None or noun.dep_ in ("obj", "nsubj:pass", "nsubj", "ROOT", "conj", "appos") \
        or any(c.dep_.startswith("acl") for c in noun.children) \
        or noun.head.lemma_.lower() in ACTION_NOUNS


# Verbs whose subject is people joining in ("une dizaine de chefs se sont regroupés").
GATHER = {"regrouper", "mobiliser", "relayer", "unir", "rassembler", "réunir", "associer",
          "porter", "engager", "impliquer", "investir", "organiser", "succéder", "activer"}


# verbs of making and carrying: their subject does the work, their object is the output
WORK_LEMMAS = {"produire", "fabriquer", "imprimer", "sortir", "coudre", "confectionner",
               "réaliser", "livrer", "transporter", "acheminer", "assembler", "découper"}


# "par" and who, in the verb's clause: a passive's agent, whatever the parse made of it
_AGENT_AFTER = re.compile(r"[^.;:!?\n]{0,40}?\bpar\s+(?:\d|les\s|la\s|le\s|l['’]|des\s|une?\s|nos\s"
                          r"|ses\s|leurs\s|[A-ZÀ-Ý])")


def _does_the_work(chain) -> bool:
    """The things counted are the active subject of a verb of making or carrying whose
    own figure counts the output: the means (machines, vehicles), not what is made ("les
    11 imprimantes sortent 150 visières", "3 camions ont livré 400 colis")."""
    noun = next((t for t in chain[:2] if t.pos_ in ("NOUN", "PROPN")), None)
    if noun is None or noun.dep_ != "nsubj" or noun.head.lemma_.lower() not in WORK_LEMMAS:
        return False
    verb = noun.head   # a finite verb, or a compound tense ("ont livré"); not "900 cousus"
    if "Fin" not in verb.morph.get("VerbForm") and not any(c.dep_ == "aux:tense"
                                                           for c in verb.children):
        return False
    if "Fin" in verb.morph.get("VerbForm") and verb.morph.get("Number") and \
            noun.morph.get("Number") and verb.morph.get("Number") != noun.morph.get("Number"):
        # a finite verb agrees with its subject: "320 masques cousus main" (read "cousus",
        # singular, as its verb) is a participle's noun, no subject
        return False
    if any(c.dep_ == "obl:agent" for c in verb.children) or _AGENT_AFTER.match(
            verb.doc.text, verb.idx + len(verb.text)):
        return False   # an agent makes it passive, the subject what is made: "3 200 masques
        #                cousus par 28 couturières" (a participle the tagger took as finite)
    own = {t.i for t in noun.subtree}
    # what is made is another thing than what makes it ("900 masques …, objectif de 3 000
    # masques" counts masks twice), and it is the verb's own, not a relative clause's:
    # "2 000 visières sortent de l'usine, qui emploie 85 salariés" counts what comes out
    return any(t.dep_ == "nummod" and t.i not in own and t.head.lemma_ != noun.lemma_
               and not _in_relative(t, verb) for t in verb.subtree)


def _in_relative(token, verb) -> bool:
    """Whether `token` hangs on `verb` through a clause of its own (a relative clause)."""
    while token.i != verb.i and token.head.i != token.i:
        # (the parser may hang a clause opened by "qui" on the verb as its complement)
        if token.dep_.startswith("acl") or any(
                c.lower_ in ("qui", "que", "dont") and c.dep_ in ("nsubj", "obj", "obl")
                for c in token.children):
            return True
        token = token.head
    return False


# Verbs whose subject receives a service: "une cinquantaine de lecteurs en profitent"
_BENEFIT = {"profiter", "bénéficier"}


def _benefits(chain) -> bool:
    """The counted noun (or "cinquantaine" itself) is the subject of a verb of benefit."""
    noun = next((t for t in chain[:2] if t.pos_ in ("NOUN", "PROPN")), None)
    return noun is not None and noun.dep_ == "nsubj" and noun.head.lemma_.lower() in _BENEFIT


def _gathers(chain) -> bool:
    # the counted noun, or "dizaine" itself in "une dizaine de chefs"; things gathered
    # ("420 produits ont été rassemblés") are collected, people gather themselves
    noun = next((t for t in chain[:2] if t.pos_ in ("NOUN", "PROPN")), None)
    # (or people qualified by the participle: "six restaurateurs … réunis au sein de …";
    # or people a group gathers, its members: "le réseau fédère 14 boulangers")
    return noun is not None and ((noun.dep_ == "nsubj" or (
        noun.dep_ in ("nsubj:pass", "obj") and _AGENT_NOUN.search(noun.text))) and
        noun.head.lemma_.lower() in GATHER or bool(_AGENT_NOUN.search(noun.text)) and any(
            c.dep_.startswith("acl") and c.lemma_.lower() in GATHER for c in noun.children))


# "versée aux 25 000 collégiens", "appeler les 41 personnes seules": the people something
# goes to, or a set already known (a definite article), are people helped, not a goal
# (not a level risen to: "monter à une centaine de foyers", "passer à 200 familles")
_RECIPIENT = re.compile(r"(?:(?<!\bmonter )(?<!\bpasser )(?<!\barriver )(?<!\bporter )"
                        r"(?<!\bgrimper )\b(?:à|aux|pour|chez)\s+(?:les\s+|ces\s+|nos\s+|leurs\s+)?"
                        r"|\b(?:les|ces|nos|leurs|vos|ses)\s+)$", re.I)
# Verbs of helping: people the text usually helps ("élèves", "résidents") who do
# these are helpers; with other verbs ("les 80 résidents peuvent voir leurs proches")
# they stay the people helped.
_HELP_LEMMA = re.compile(r"^(?:livr|distribu|fabriqu|produi|confection|coudre|cous|imprim"
                         r"|prépar|cuisin|collect|aid|particip|relay|mobilis|engag|rejoi"
                         r"|appel|téléphon|sillonn|tricot|assembl|découp|donn|offr|port"
                         r"|apport|organis|lanc|bricol|répar|nettoy|accompagn|prêt|récolt"
                         # drawings and letters for the isolated
                         r"|dessin|écri"
                         # taking a task on ("se chargent des livraisons", "s'occupent de")
                         r"|charg|occup|assur|gér"
                         # coming forward ("se sont proposés", "se sont manifestés"),
                         # forming a group ("se sont baptisés « les Coursiers »", "ont
                         # fondé un collectif", "se sont regroupés")
                         r"|propos|manifest|baptis|constitu|regroup|fond)", re.I)


# people, maybe their ages, then a verb of making in the third person plural, whatever
# the parse makes of it ("18 jeunes de 14 à 17 ans découpent, épinglent et assemblent")
# (or in the past, "Sept jeunes de 15 à 19 ans ont pris en charge les courses")
_MAKING_STEMS = (r"livr|distribu|fabriqu|produi|confection|cous|imprim|prépar|cuisin|collect|réalis"
                 r"|tricot|assembl|découp|répar|bricol|récolt")
# … and of giving or carrying: who does either acts
DOING_STEMS = _MAKING_STEMS + r"|coud|offr|offert|donn|apport|fourni|prêt|port"
# (two nouns may share the figure: "18 joueuses et joueurs ont …")
_MAKING_AFTER = re.compile(r"\s*[^\W\d]+(?:\s+et\s+[^\W\d]+)?(?:\s+(?:actifs|actives))?\s+"
                           r"(?:(?:de|âgée?s de)\s+\d+\s+(?:à|et)\s+\d+\s+ans"
                           rf"\s*,?\s*)?"
                           # (the body they belong to: "douze jeunes de l'association « X »")
                           rf"(?:(?:de l['’]|du|de la|des)\s*(?:association|club|collectif|comité"
                           rf"|centre|foyer|conseil)\b[^,.;:!?\d]{{0,50}}?\s*"
                           # (then their ages: "du conseil des jeunes, âgés de 11 à 17 ans,")
                           rf"(?:,\s*âgée?s de\s+\d+\s+(?:à|et)\s+\d+\s+ans\s*,)?\s+)?"
                           # (or by a relative clause: "les 9 salariés qui cuisinent")
                           rf"(?:qui\s+)?(?:(?:{_MAKING_STEMS})\w*ent\b|ont\s+(?:déjà\s+|aussi\s+)?"
                           rf"(?:(?:{_MAKING_STEMS})\w*|pris en charge)\b"
                           # errands done for others ("font chaque semaine les courses")
                           rf"|(?:font|ont fait)\s+(?:\w+\s+){{0,2}}les\s+(?:courses|livraisons|achats)\b"
                           # … or taking turns at it ("12 motards qui roulent à tour de rôle")
                           rf"|[^\W\d]+ent\s+à\s+tour\s+de\s+rôle\b"
                           # … or one's services offered ("ont proposé leurs services")
                           rf"|(?:ont\s+)?(?:propos|offr|offert)\w*\s+leurs\s+services\b)",
                           re.I)


_TASK = re.compile(r"^(?:course|livraison|tournée|permanence|visite|masque|repas|colis"
                   r"|distribution|collecte|quête)", re.I)


def _amount_subject(chain):
    """A noun of amount that is itself the subject ("Une vingtaine de … ont cousu"): the
    people it counts act, whatever the parse made of the verb."""
    return chain[0] if chain and chain[0].pos_ == "NOUN" and chain[0].dep_.startswith("nsubj") \
        else None


def _helps(chain) -> bool:
    noun = _amount_subject(chain)
    if noun is None:
        noun = chain[1] if len(chain) > 1 and chain[1].pos_ == "NOUN" else (chain[0] if chain
                                                                            else None)
    head = noun.head if noun is not None else None
    if head is None:
        return False
    children = list(head.children)
    # the verbs it governs, two deep ("ont choisi de venir prêter main-forte")
    governed = [c for c in children if c.pos_ == "VERB" and c.dep_ in ("xcomp", "ccomp")]
    governed += [g for c in governed for g in c.children
                 if g.pos_ == "VERB" and g.dep_ in ("xcomp", "ccomp")]
    # (the verb's own form too: the tagger may take "téléphonent" for a noun)
    return bool(_HELP_LEMMA.match(head.lemma_) or _HELP_LEMMA.match(head.text)) or any(
        _HELP_LEMMA.match(c.lemma_) for c in governed) or any(
        # "faire les courses", "assurer des permanences": a light verb and a task, the
        # head's or one it governs ("ont proposé de faire les courses"); the task is
        # sought in the verb's whole complement, which the parse may misattach after an
        # inserted adverbial ("assurent, chaque mardi, les courses")
        verb.lemma_ in ("faire", "assurer", "effectuer", "tenir") and any(
            _TASK.match(c.lemma_) for c in verb.subtree if c.i > verb.i and c.pos_ == "NOUN")
        # putting one's means at others' service ("ont mis leurs imprimantes au service
        # des soignants", "mettent leur local à disposition")
        or (verb.lemma_ == "mettre" and _AT_SERVICE.search(
            verb.doc[verb.i:min(len(verb.doc), verb.i + 15)].text))
        # forming a group that helps: its members ("ont formé la « brigade solidaire »")
        or (verb.lemma_ in _FOUNDING and any(
            c.dep_ == "obj" and _HELPING_GROUP.match(c.lemma_) for c in verb.children))
        for verb in [head, *governed])


_FOUNDING = {"former", "créer", "fonder", "monter", "lancer", "constituer"}
_HELPING_GROUP = re.compile(r"(?:brigade|collectif|groupe|réseau|équipe|association|atelier"
                            r"|chaîne|cellule|comité)s?$", re.I)


_AT_SERVICE = re.compile(r"\b(?:au service|à (?:la )?disposition)\b", re.I)


# verbs of lending people to a task: those lent work for it, they are not helped
_LEND_LEMMA = re.compile(r"(?:mobiliser|détacher|prêter|dépêcher|affecter|réquisitionner)$")
_LEND_FORM = re.compile(r"(?:mobilis|détach|prêt|dépêch|affect|réquisitionn)(?:e|es|ent|é|ée|és|ées)$")


def _lent(chain) -> bool:
    """The counted people are the object of a verb that lends them to the action ("met
    deux chauffeurs à disposition", "a détaché trois agents")."""
    noun = chain[1] if len(chain) > 1 and chain[1].pos_ == "NOUN" else (chain[0] if chain else None)
    while noun is not None and noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        noun = noun.head   # ("un minibus et deux chauffeurs": the first object's verb)
    # (the parser may hang a second object on the verb itself, as a conjunct)
    if noun is None or not (noun.dep_ == "obj" or (noun.dep_ == "conj" and noun.head.pos_ == "VERB")):
        return False
    verb = noun.head
    # (by its form too: the tagger may take "prête" for the adjective)
    return bool(_LEND_LEMMA.match(verb.lemma_) or _LEND_FORM.match(verb.lower_) or (
        verb.pos_ == "VERB" and verb.lemma_ == "mettre"
        and _AT_SERVICE.search(verb.doc[verb.i:min(len(verb.doc), verb.i + 15)].text)))


def _acts(chain) -> bool:
    """The counted people are the subject of an active verb ("deux infirmières ont lancé")."""
    noun = chain[1] if len(chain) > 1 and chain[1].pos_ in ("NOUN", "ADJ") else None
    if _amount_subject(chain) is not None:
        noun = chain[0]
    elif noun is not None and noun.dep_ == "amod" and noun.head.pos_ == "NOUN":
        noun = noun.head   # the counted noun parsed as the next one's modifier ("6
        # livreuses bénévoles" as "bénévoles" qualified)
    elif noun is not None and noun.pos_ == "ADJ":
        noun = None
    if noun is None and chain and chain[0].dep_.startswith("nsubj"):
        noun = chain[0]                       # "sept de ses salariés ont choisi de …"
    # a pronominal verb's subject acts, though the parser may call it passive
    # ("une trentaine de parents se sont relayés")
    subject = noun is not None and (noun.dep_ == "nsubj" or (
        noun.dep_ == "nsubj:pass" and any(c.dep_.startswith("expl") and c.lower_ in ("se", "s'", "s’")
                                          for c in noun.head.children)))
    passive_verbs = ("être", "avoir", "recevoir", "bénéficier", "obtenir", "profiter",
                     "inscrire", "rester")
    states = ("vivre", "habiter", "résider", "demeurer", "souffrir", "attendre")
    if noun is not None and any(
            c.dep_ == "acl:relcl" and c.pos_ == "VERB"
            and c.lemma_.lower() not in passive_verbs + states
            and any(g.dep_ == "nsubj" and g.lower_ == "qui" for g in c.children)
            # (a denied clause tells what they cannot do: "18 aînés qui ne peuvent pas
            # se déplacer")
            and not any(g.lower_ in ("ne", "n'", "n’") for g in c.subtree)
            # (the parse may hang the clause on the noun's adjective: "6 livreurs
            # bénévoles qui sillonnent nos routes")
            for c in [*noun.children, *(g for a in noun.children if a.dep_ == "amod"
                                        for g in a.children)]):
        return True     # "8 livreurs qui font le tour des maisons": they act
    # (a verb of helping the tagger took for a noun is still one, its subject before it:
    # "trois membres du bureau téléphonent")
    return subject and (noun.head.pos_ == "VERB" or (
        bool(_HELP_LEMMA.match(noun.head.text)) and noun.i < noun.head.i)) \
        and noun.head.lemma_.lower() not in passive_verbs


def _chain(doc, number: Number) -> list:
    """The tokens from the number up to the root of its sentence in the parse."""
    span = doc.char_span(number.start, number.end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    token, chain, seen = span.root, [], set()
    text = doc.text
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.pos_ in ("AUX", "VERB") and token.head.i < token.i and \
            token.dep_ in ("appos", "nmod", "conj") and \
            re.search(r",\s*$", text[max(0, span.start_char - 8):span.start_char]):
        # a figure opening its clause after a comma, its verb right after it, is that
        # verb's subject, whatever the parse hung it on ("Sur les 20 000 masques commandés
        # par la Communauté de communes, 12 500 ont été remis")
        chain, seen = [token], {token.i}
        token = after.head if after.pos_ == "AUX" else after
    while token.i not in seen:
        seen.add(token.i)
        chain.append(token)
        if token.head.i == token.i and len(chain) == 1 and (noun := _cut_noun(token)):
            # the parser left the figure a root of its own, cut from the noun it counts
            # (a sentence's first "3.344 masques …"): its noun's verb governs it
            token = noun
            continue
        if token.head.i == token.i and len(chain) == 2 and token.pos_ == "NOUN" and \
                (verb := _root_verb_after(token)) is not None:
            # … and the noun a root too: the next root verb of the sentence, without a
            # subject of its own, is the fragment's verb ("1.120 chèques de 15 € | ont
            # été remis")
            chain.append(verb)
            break
        if token.head.i == token.i:
            break
        a, b = sorted((token.idx, token.head.idx))
        if "|" in text[a:b] or (
                "\n" in text[a:b] and BULLET.match(text[text.rfind("\n", 0, token.idx) + 1:])):
            break   # a table's cell, a list's entry ends with its line: a verb in another
            # cell or on another line is another's ("Samer | 4 500": no verb "samer")
        token = token.head
    return chain


def _order_near(clause_after: str) -> re.Match | None:
    """A word of order within the first words after the figure, read with what follows
    it ("… réservés en priorité aux aînés" books nothing)."""
    order = ORDER.search(clause_after[:30])
    return order if order is not None and ORDER.match(clause_after, order.start()) else None


_DASH_ASIDE_OPEN = re.compile(r"\s[—–]\s[^—–.;!?]*$")
_DASH_ASIDE_CLOSE = re.compile(r"[^—–.;!?]*\s[—–]\s")


_ARRIVING = {"parvenir", "arriver"}
# an appeal, and a purpose of getting things right before their figure
_APPEAL = re.compile(r"\bappel(?:s|ons|le|lent)?\b", re.I)
# (to obtain, or wishing to: "souhaiterait recueillir")
_TO_OBTAIN = re.compile(r"\b(?:pour|afin d['’]|afin de|(?:souhait|voudr|aimer|espér)\w*)\s*"
                        r"(?:obtenir|recevoir|réunir|récolter|rassembler|recueillir|collecter)"
                        r"\s+(?:encore\s+)?$", re.I)


def _books(token) -> bool:
    """A word of order; "réserver" for someone keeps, it books nothing ("450 masques,
    réservés en priorité aux aînés"); "passer" an order books ("Commande passée par
    l'Agglo : …", "a passé commande de 2 000 masques")."""
    lemma = token.lemma_.lower()
    if lemma == "passer":
        return any(t.lemma_.lower() == "commande" for t in (token.head, *token.children)
                   if abs(t.i - token.i) <= 2)
    return lemma in ORDER_LEMMAS and not (
        lemma == "réserver" and ORDER.match(token.doc.text, token.idx) is None)


def _root_verb_after(noun):
    """The next root of the parse in the noun's sentence, a conjugated verb or a
    participle without a subject."""
    for t in noun.doc[noun.i + 1:noun.i + 12]:
        if t.text in ".;!?\n" or (t.head.i == t.i and t.pos_ not in ("VERB", "AUX")):
            return None
        if t.head.i == t.i:
            # (an infinitive is a purpose's, "…, pour prendre des nouvelles": no verb of it)
            return t if not any(c.dep_.startswith("nsubj") for c in t.children) and \
                "Inf" not in t.morph.get("VerbForm") else None
    return None


def _cut_noun(token):
    """The noun right after a figure (past its adjectives) when the parse hangs it
    elsewhere than under the figure."""
    for nxt in token.doc[token.i + 1:token.i + 3]:
        if nxt.pos_ == "NOUN":
            return nxt if nxt.head.i != token.i else None
        if nxt.pos_ != "ADJ":
            return None
    return None


# A sentence opened by "Pour rappel," or "Pour mémoire," recalls background (the State's,
# the country's, a federation's figures), not what the text reports as done.
_REMINDER = re.compile(r"\W*(?:pour (?:rappel|mémoire)|à titre de rappel|petit rappel)\b",
                       re.I)
# (… or buying from us: "la Région vient de lui commander 10 000 surblouses", an order
# the local firm received)
_TO_US = re.compile(r"\b(?:nous|lui|leur)\s+(?:a|ont|avait|avaient|aura|auront)\b"
                    r"|\b(?:nous|lui|leur)\s+(?:commander|passer commande)\b"
                    r"|\b(?:à|pour)\s+(?:notre|nos)"
                    r"\s+(?:commune|ville|village|écoles?|habitants|aînés|soignants)\b"
                    # (… each of us, "de quoi équiper chacun de nos 777 habitants"; or the
                    # town halls, the State's local channel: "remis aux mairies")
                    r"|\b(?:chacun|chacune|chacun\s+et\s+chacune|l['’]ensemble)\s+de\s+nos\b"
                    r"|\baux\s+(?:mairies|maires)\b"
                    # (… or to places of a named town: "acheminé vers les établissements
                    # de Berck", "livré aux pharmacies d'Étaples")
                    r"|\b(?:vers|aux|à destination)\s+[^.;:]{0,60}?\b(?:de|d['’]|du)\s*"
                    r"(?!France\b|Europe\b|Hauts-de-France\b)(?-i:[A-ZÀ-Ý][a-zà-ÿ])"
                    # (… or the local body received it: "la commune a reçu de l'État 4 000
                    # masques")
                    r"|\b(?:nous|on|commune|mairie|ville|municipalité|ccas|collectivité"
                    r"|communauté de communes)\b[^.;:]{0,30}?\b(?:a|ont|avons|avait|avaient)\s+"
                    r"(?:(?:déjà|bien|aussi)\s+)?(?:reçu|réceptionné|obtenu|perçu)\b", re.I)


# the means a thing came through, after the figure: no scope of it
_CHANNEL = (rf"\b(?:par l{_APOS}intermédiaire|par le biais|par le canal|via|auprès"
            rf"|dans le cadre)\b")


# a row labelled by a region ("▪ Hauts-de-France : plus de 15 000 colis")
_REGION_ROW = re.compile(rf"(?:^|\n|[▪•·|])\W*{_REGIONS}\s*:\s*$")


def _national(chain, before: str, after: str) -> bool:
    """A national figure quoted in a local text: its verb's subject is the State or the
    country, or its clause says it is counted nationally."""
    if _REGION_ROW.search(before[-60:]):
        return True
    if _TO_US.search(re.split(r"[.;:]", before)[-1]) or _TO_US.search(re.split(r"[.;:]", after)[0]):
        return False  # the State or the Region giving to us is a local supply
    # (the verb may be the counted noun's participle: "1,5 million de masques remis par
    # l'État")
    nouns = [t for t in chain[:3] if t.pos_ == "NOUN"]
    nouns += [c for t in nouns for c in t.children if c.dep_ == "nmod" and c.pos_ == "NOUN"]
    # (… only when no verb governs the figure: "nos agents ont distribué les 3 000 masques
    # fournis par la Région" tells our agents' act)
    verbs = [t for t in chain if t.pos_ in ("VERB", "AUX")] or [
        c for t in nouns for c in t.children if c.dep_.startswith("acl") and c.pos_ == "VERB"]
    for token in verbs:
        for child in token.children:
            if child.dep_ in ("nsubj", "obl:agent", "nsubj:pass") and \
                    child.lemma_.lower() in _NATIONAL_SUBJECTS:
                return True
    # the figure's clause: a comparison or another clause after a comma is not its
    # ("… 300 masques, comme partout en France"), nor the channel it came through
    # ("commandé 5 000 masques par l'intermédiaire du groupement d'achat de la Région")
    # (a colon after a national scope introduces its figure: "un élan national :
    # plus de 200 000 bénévoles …")
    # (a dot inside a word is a web address's, no sentence's end: "jeveuxaider.gouv.fr")
    label = re.split(rf"[;!?{PICTOGRAPHS}]|\.(?!\w)", before)[-1]
    if ":" in label and _NATIONAL_SCOPE_BEFORE_COLON.search(label.rsplit(":", 1)[0]) and \
            not _TO_US.search(label):
        return True
    clause = (re.split(rf"[;:!?{PICTOGRAPHS}]|\.(?!\w)", before)[-1] + " "
              + re.split(rf"[;!?{PICTOGRAPHS}]|\.(?!\w)|,\s*(?:comme|alors|tandis|mais|et)\b|{_CHANNEL}",
                         after)[0])
    return bool(_NATIONAL_PHRASE.search(clause)) and not _TO_US.search(clause)


_NATIONAL_SCOPE_BEFORE_COLON = re.compile(
    # (either number: "aux dispositifs nationaux :")
    rf"(?:\b(?:mouvement|élan|mobilisation|dispositif|plan|campagne|opération|échelle|niveau)s?"
    rf"\s+nationa(?:l|le|ux|les)|{_NATIONAL_PHRASE.pattern})\s*$", re.I)


# The epidemic's toll: people counted by the disease (sick, in hospital, dead) are no
# initiative's helpers nor the people it helped.
_EPIDEMIC = re.compile(
    r"\s+(?:(?:hospitalisations|décès|morts)\b"
    r"|cas\s+(?:confirmés|positifs|de\s+covid)"
    # the disease as the predicate of the people counted, not their state as they are
    # helped ("300 repas à 40 patients hospitalisés")
    r"|(?:patients|malades|personnes|résidents|soignants|habitants)\b[^.;!?]{0,60}?"
    r"\b(?:ont|sont|a|est)\s+(?:été\s+|déjà\s+|désormais\s+)*"
    r"(?:hospitalisé|décédé|mort|contaminé|testé|admis en réanimation))", re.I)


# A figure told for the whole département ("À l'échelle du département, près de 600
# volontaires se sont inscrits") sums everyone's: context, no initiative's own.
_DEPARTEMENT_WIDE = re.compile(
    rf"\b(?:à l{_APOS}échelle (?:du|de tout le|de notre) département|à l{_APOS}échelle départementale"
    rf"|(?:dans|sur) (?:tout le|l{_APOS}ensemble du) département|au niveau départemental"
    rf"|partout dans le département"
    # every commune of it, or of an arrondissement ("remis aux communes du département",
    # "aux mairies des 164 communes de l'arrondissement")
    rf"|(?:les|aux|des|toutes les)\s+(?:\d[\d\s\u00a0\u202f]*\s+)?communes (?:du (?:département"
    rf"|Pas-de-Calais)|de l{_APOS}arrondissement))\b", re.I)


_TO_NAMED_TOWNS = re.compile(r"\b(?:aux|à la|à l['’]|pour les|pour la)\s*(?:communes?|mairies?|villes?)"
                             r"\s+(?:de\s+|d['’]\s*)(?-i:[A-ZÀ-Ý])", re.I)


@functools.cache
def _named_departement() -> re.Pattern:
    """A département named as the scope of a figure ("Dans le Pas-de-Calais, plus de 2,3
    millions de masques …"): every French département, by the reference's names."""
    names = "|".join(sorted((re.escape(n) for n in reference.departement_names().values()),
                            key=len, reverse=True))
    # (not "sur la Somme", the river; not "pour l'Ain", a destination)
    return re.compile(rf"\b(?i:(?:dans|en|à travers|partout dans) (?:tout |toute )?"
                      rf"(?:le |la |les |l{_APOS})?|sur l{_APOS}ensemble (?:du |de la |des |de l{_APOS}))"
                      rf"(?:{names})\b")


# The future's endings, and "sera", "aura", "fera", "ira".
_FUTURE = re.compile(r"(?:rai|ras|ra|rons|rez|ront)$", re.I)
# (the plural persons' endings, which no participle or present of a verb in -rer has)
_FUTURE_PLURAL = re.compile(r"(?:erons|erez|eront|irons|irez|iront|dront|tront|vront)$", re.I)
# The conditional's endings, when the tagger reads it as an imperfect ("aimerait").
_CONDITIONAL = re.compile(r"(?:rais|rait|rions|riez|raient)$", re.I)


# Verbs of holding: what one has is a stock, not something done. ("avoir" is left out:
# the parser often takes the auxiliary of a past for it.)
_HOLDING = {"posséder", "détenir", "disposer"}
STOCK = "stock"


def _recent(verb):
    """"venir de" + infinitive is that verb's recent past: the infinitive tells the act
    ("25 bobines viennent d'être commandées" is an order)."""
    if verb.lemma_.lower() == "venir":
        for c in verb.children:
            if c.dep_ == "xcomp" and c.pos_ == "VERB" and any(
                    g.dep_ == "mark" and g.lower_ in ("de", "d'", "d’") for g in c.children):
                return c
    return verb


def _stem_and_ending(token) -> bool:
    """A present or an imperfect whose stem ends in r ("livrions", "préparait",
    "offrons"): its stem and a present's or an imperfect's ending, where a future or a
    conditional keeps the infinitive whole ("livrerions", "préparerait")."""
    lemma = token.lemma_.lower()
    stem = lemma[:-2]
    return lemma.endswith(("er", "ir")) and stem.endswith("r") and \
        token.lower_ in {stem + e for e in _PLAIN_ENDINGS}


_PLAIN_ENDINGS = ("ons", "ez", "ais", "ait", "ions", "iez", "aient")


def _verb_reading(token) -> tuple[str | None, str]:
    """The time a verb token tells: "future", "past", "present", "infinitive", with
    the words that show it."""
    auxes = [c for c in token.children if c.dep_.startswith("aux")]
    words = " ".join(t.text for t in sorted(auxes + [token], key=lambda t: t.i))
    words = re.sub(r"(?<=\d)\.(?=\d{3}\b)", " ", words)  # the parse's joined thousands
    for t in auxes + [token]:
        # the tagger's future must show a future's ending ("accueille" is a present)
        # (no participle ends as a future does: "arriveront" tagged a participle is one)
        if (("Fut" in t.morph.get("Tense") and _FUTURE.search(t.text)) or
                ("Part" in t.morph.get("VerbForm") and _FUTURE_PLURAL.search(t.text)) or
                "Cnd" in t.morph.get("Mood") or (
                "Fin" in t.morph.get("VerbForm") and _CONDITIONAL.search(t.text))) and \
                not _stem_and_ending(t):
            return "future", words
    # an infinitive tells no time of its own; one introduced by "de", "à" or "pour" is a
    # complement, and an auxiliary the parser hangs on it is a copula ("l'objectif est de
    # franchir …"); "a fait parvenir" keeps its auxiliary's past
    # (a form ending as a third person plural is none, whatever the tagger says:
    # "Seize couturières confectionnent …")
    # (a form without an infinitive's ending is none, whatever the tagger says: "Seize
    # couturières confectionnent …", "le fablab coordonne …")
    infinitive = bool(re.search(r"(?:er|ir|re|ïr)$", token.lower_))
    if "Inf" in token.morph.get("VerbForm") and infinitive and (
            not auxes or any(c.dep_ == "mark" for c in token.children)):
        return "infinitive", words
    if auxes and all(a.lower_ in ("avoir", "être") for a in auxes) and \
            token.head.lemma_.lower() in GOAL_VERBS | {"compter"}:
        # a past infinitive under a verb of hope is a future perfect ("espère avoir
        # équipé toute la population d'ici vendredi")
        return "future", f"{token.head.text} {words}"
    if auxes or "Past" in token.morph.get("Tense") or "Imp" in token.morph.get("Tense"):
        return "past", words
    if "Fin" in token.morph.get("VerbForm") or ("Inf" in token.morph.get("VerbForm")
                                                 and not infinitive):
        return "present", words
    return None, words


def _own_verb_after(chain, pos: int) -> bool:
    """A conjugated verb governing the figure after a need's word: the need is another
    clause's ("nous avons besoin de tissu, mais nous avons déjà cousu 300 masques"); a
    participle with its auxiliary is one, whatever the tagger calls it."""
    # (a word after a determiner is a noun the tagger misread: "surtout des conserves")
    verb = next((t for t in chain if t.lemma_.lower() in NEED_LEMMAS
                 or (t.pos_ == "VERB" and "Fin" in t.morph.get("VerbForm")
                     and not (t.i and t.doc[t.i - 1].pos_ == "DET"))
                 or any(c.dep_.startswith("aux") for c in t.children)), None)
    # (the nearest: a verb further up governs another clause, "il nous manque 200 mètres
    # (on prend tout !)")
    return verb is not None and verb.idx >= pos and verb.lemma_.lower() not in NEED_LEMMAS


def _need_between(verb, figure) -> bool:
    """A need's verb between a verb and its figure, in the same sentence: the parser
    hangs the figure of the second of two coordinated verbs on the first."""
    between = verb.doc.text[verb.idx + len(verb.text):figure.idx]
    return verb.idx < figure.idx and not re.search(r"[;:!?]|\.(?!\d)", between) and \
        bool(NEED.search(between))


# a verb of motion before "chercher" makes it fetch, not seek ("vont chercher les
# médicaments pour 75 foyers", "passer chercher les courses")
_MOTION_BEFORE = re.compile(r"\b(?:vais|vas|va|vont|allons|allez|all(?:er|ait|aient|ée?s?)|ir(?:a|ont"
                            r"|ons)|vien\w*|ven(?:ir|ons|ez|u\w*)|pass\w*|repass\w*|part\w*"
                            r"|cour(?:ir|ent|t)|envoy\w*)\s+(?:[\w’']+\s+)?$", re.I)


def _fetches(text: str, pos: int) -> bool:
    """Whether the word at `pos` is "chercher" after a verb of motion (to fetch)."""
    return text[pos:pos + 8].lower() == "chercher" and bool(_MOTION_BEFORE.search(text[:pos]))


def _order_label(label: str) -> re.Match | None:
    """The order word of a row's label ("En commande :", "Visières commandées :"); orders
    with an article are a clause's object, handled, not announced ("Le boucher livre les
    commandes à domicile :")."""
    order = ORDER.search(label)
    if order and not re.search(r"\b(?:les|des|vos|nos|leurs|ses|aux?)\s+$",
                               label[:order.start()], re.I):
        return order
    return None


# another verb coordinated after the figure's phrase, its own subject or auxiliary first
_NEXT_VERB = r"(?:,\s*|\s+)(?:et|puis|mais)\s+(?:vient|viennent|a|ont|va|vont|elle|il|on|nous)\s"


# verbs telling that an order came in
_ARRIVAL = {"recevoir", "réceptionner", "livrer", "distribuer", "remettre", "arriver"}


# a row's label that tallies what was done ("Bilan au 30 avril : 200 litres de gel")
# (… or a time up to now: "Depuis le début :", "Depuis le 16 mars, …")
_TALLY = re.compile(r"\b(?:bilan|résultats?|réalisations?)\b"
                    r"|^\W*depuis\s+(?:le\s+début|(?:le\s+)?\d+|(?:un|une|deux|trois|quatre|cinq"
                    r"|six|sept|huit|\d+)\s+(?:jours|semaines?|mois))\b", re.I)


# bought from a maker or a dealer, and whether what was bought has been handed on since
_FROM_SUPPLIER = re.compile(r"\b(?:auprès\s+(?:d['’]\s*|des?\s+|du\s+)|chez\s+|à\s+)(?:un|une|des|le|la"
                            r"|l['’]|son|ses|leur|leurs|notre|nos)?\s*(?:\w+\s+)?(?:fabricants?"
                            r"|fournisseurs?|grossistes?|industriels?|distributeurs?|prestataires?"
                            r"|laboratoires?|usines?|centrales? d['’]achat)\b", re.I)
_HANDED_ON = re.compile(r"\b(?:qu['’](?:il|elle|ils|elles|on)|et\s+(?:les|en))\s+(?:a|ont|avons)\s+"
                        r"(?:\w+\s+)?(?:offert|distribu|remis|donn|livr|répart)", re.I)


def _end_of(sentence: str, token) -> int:
    """Where the figure's own sentence ends in its parsed text (the same sentence may
    stand twice in a block), or -1."""
    if not sentence:
        return -1
    # (the parsed text has its thousands joined, "9.000" for "9 000", offsets unchanged)
    return next((m.end() for form in {sentence, for_parsing(sentence)}
                 for m in re.finditer(re.escape(form), token.doc.text)
                 if m.start() <= token.idx < m.end()), -1)


def _arrived(verbs, first, clause_start: int) -> bool:
    """A verb of arrival in the past before the figure in its clause: what was ordered
    came in ("nous avons reçu les 2 000 masques commandés")."""
    return bool(verbs) and first is not None and verbs[0].lemma_.lower() in _ARRIVAL and \
        _verb_reading(verbs[0])[0] == "past" and clause_start <= verbs[0].idx < first.idx


def _had_to(verb) -> bool:
    """"devoir" in its compound past ("ont dû coudre"): what had to be done, and was."""
    return verb.lemma_.lower() == "devoir" and any(c.dep_.startswith("aux") for c in verb.children)


_COORDINATION = re.compile(r",\s*(?:et|mais|puis)\b|;")


def _fetches_as_habit(verb) -> bool:
    """"aller chercher" is one verb, to fetch: coordinated after a verb in the present,
    it is done as a habit ("font les courses et vont chercher les médicaments"), not a
    near future."""
    head = verb.head
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in ("chercher", "récupérer", "prendre")
               for c in verb.children) and \
        verb.dep_ == "conj" and head.i < verb.i and head.lemma_.lower() != "aller" and \
        head.morph.get("Tense") == ["Pres"] and head.morph.get("Mood") == ["Ind"]


def _grammar(chain, before: str, after: str, sentence: str) -> tuple[str | None, str]:
    """NEEDED, ORDERED, TARGET or DONE from the verbs governing the figure and the cue
    words of its clause; (None, "") when neither tells."""
    # (a dash or a slash between figures parts a line's items: "1 150 visières remises /
    # 2 000 visières commandées")
    clause_before = re.split(r"[.;:!?]|\s[–/-]\s", before)[-1]
    # (a coordinated verb opens another clause: "a acheté 60 mètres de tissu et vient de
    # commander 300 mètres de ruban")
    clause_after = re.split(rf"[.;!?]|{_NEXT_VERB}", after)[0]
    if BULLET.match(before.split("\n")[-1]):
        clause_after = clause_after.split("\n")[0]   # a list's entry ends with its line
    first = chain[0] if chain else None
    # an order noun or verb counts only inside the figure's clause, not across a colon
    # ("livrent les commandes à domicile : environ 40 livraisons par semaine")
    clause_start = first.idx - len(clause_before) if first is not None else 0
    noun = chain[1] if len(chain) > 1 and (chain[1].pos_ == "NOUN" or _misread_noun(chain[1])) \
        else None
    # the verb whose object the figure, or its noun, is
    governor = chain[1] if len(chain) > 1 and first.dep_ == "obj" else \
        chain[2] if noun is not None and noun.dep_ == "obj" and len(chain) > 2 else None
    chain = chain[2:] if noun is not None else chain[1:]
    # (a goal noun said reached is no goal: "Objectif atteint : 6 000 masques cousus")
    lemmas = [t.lemma_.lower() for t in chain if not (
        t.lemma_.lower() in GOAL_NOUNS and t.i + 1 < len(t.doc)
        and re.fullmatch(_REACHED, t.doc[t.i + 1].lower_))]
    # a pictograph the parser takes for a verb ("➡️") is no verb
    verbs = [_recent(t) for t in chain
             if (t.pos_ in ("VERB", "AUX") and any(c.isalpha() for c in t.text))
             or (t.pos_ == "NOUN" and t.lemma_.lower() in NEED_LEMMAS | ORDER_LEMMAS)]
    # a need denied is none ("le tissu ne manque pas"); "ne … que" restricts, it is still one
    # ("il ne manque plus que 200 masques")
    # a need's word nearer the figure, coordinated after a verb, is its own: that verb
    # is another clause's ("vise les 2 000 masques et recherche encore une vingtaine de
    # bénévoles", "a commandé 500 masques et a besoin de 12 couturières")
    verbs = [v for v in verbs if not _need_between(v, first)]
    if first is not None:
        # a verb in brackets the figure is not in is an aside's ("200 barquettes (les
        # nôtres font 350 g, n'importe quel modèle ira)"): it governs nothing outside; a
        # figure in brackets with a verb of its own there is that verb's ("a cousu 700
        # masques (nous en coudrons 300 de plus)"), without one the verb outside's
        depth = {v.i: _bracket_depth(v, first) for v in verbs}
        verbs = [v for v in verbs if depth[v.i] == 0 or depth[v.i] < 0 and not any(
            d == 0 for d in depth.values())]
    if first is not None and (opened := _DASH_ASIDE_OPEN.search(before)) and \
            _DASH_ASIDE_CLOSE.match(after):
        # a figure in an aside between dashes glosses the phrase before it ("Pour tenir ce
        # rythme — près de 700 masques par jour — l'atelier …"): no verb outside governs it
        aside_start = first.idx - (len(before) - opened.start())
        verbs = [v for v in verbs if v.idx > aside_start]
    if verbs and first is not None and verbs[0].i < first.i and _COORDINATION.search(
            first.doc.text[verbs[0].idx:first.idx]):
        # a figure coordinated after another clause, with a verb of its own after it,
        # is that verb's ("420 ont été cousus, et 300 de plus seront prêts")
        own = next((t for t in first.doc[first.i + 1:]
                    if t.idx < first.idx + len(first.text) + len(clause_after)
                    and t.pos_ in ("AUX", "VERB") and "Fin" in t.morph.get("VerbForm")), None)
        if own is not None and _verb_reading(own)[0] == "future":
            return TARGET, f"futur (« {own.text} »)"
    # (kept for someone is no booking: "450 masques, réservés aux jeunes")
    ordered = next((c for c in (noun.children if noun is not None else ())
                    if c.dep_.startswith("acl") and _books(c)
                    and not any(a.dep_.startswith("aux") and a.lemma_ == "avoir"
                                for a in c.children)), None)
    # (unless delivered since: "ont été livrés", "nous avons reçu les 2 000 … commandés")
    if ordered is not None and not DELIVERED.search(clause_after) and not _arrived(verbs, first,
                                                                                  clause_start):
        # the noun's own participle of order decides before the verb of another clause
        # ("dès réception des 3 500 masques supplémentaires commandés à un fournisseur")
        return ORDERED, f"commande (« {ordered.text} »)"
    made = next((c for c in (noun.children if noun is not None and noun.dep_ == "nmod"
                             and noun.head.dep_.startswith("obl") else ())
                 if c.dep_.startswith("acl") and "Part" in c.morph.get("VerbForm")
                 and _verb_reading(c)[0] == "past" and _reported(c.text)
                 and not PURCHASE.match(c.text)), None)
    # (a goal's noun over it still sets the goal: "la barre des 2 000 repas livrés")
    if made is not None and not any(lemma in GOAL_NOUNS for lemma in lemmas):
        # so does a participle of making or giving on a noun in the complement of an
        # adverbial phrase, before the verb governing the sentence's subject ("Après une
        # vague de 15 000 masques distribués …, une seconde distribution est prévue")
        return DONE, f"participe du nom (« {made.text} »)"
    if verbs and _books(verbs[0]) and verbs[0].idx >= clause_start \
            and not DELIVERED.search(re.split(r"[,;]", clause_before)[-1]) and not (
            # (an order's noun is told delivered by its own verb after it: "une première
            # commande de 12 000 masques a été livrée")
            verbs[0].pos_ == "NOUN" and DELIVERED.search(re.split(r"[,;]", clause_after)[0])):
        # the figure's own verb decides before a cue word of another phrase
        # ("pour couvrir les besoins, la Ville en a commandé 28 000")
        return ORDERED, f"commande (« {verbs[0].text} »)"
    if first is not None and (purpose := _TO_OBTAIN.search(clause_before)) and \
            (appeal := _APPEAL.search(first.doc.text, first.sent.start_char, first.idx)):
        # what an appeal is made to obtain is needed, however long the call's addressees
        # ("lance un appel aux entreprises et aux associations du littoral … pour obtenir
        # 3 000 blouses", "je lance un appel : le club souhaiterait recueillir 50 paquets")
        return NEEDED, f"besoin exprimé (« {appeal.group()} … {purpose.group().strip()} »)"
    # (a compound past of making right before the figure is its own verb, whatever the
    # parse hung it on: "je veux remercier Mme X, qui a déjà cousu 120 masques")
    if verbs and verbs[0].lemma_.lower() in GOAL_VERBS and verbs[0].idx >= clause_start \
            and not _speaks(verbs, 0) and not _made_just_before(clause_before):
        # the figure's own verb of aim decides before an order coordinated after it
        # ("vise les 5 000 visières et a commandé 40 kilos de filament")
        return TARGET, f"verbe d'intention (« {verbs[0].text} »)"
    purpose = _PURPOSE_GOAL.search(_last(clause_before, 40))
    if purpose:
        # a figure to reach is the aim of the clause, even after a need ("recherche 20
        # couturières pour atteindre 3 000 masques")
        return TARGET, f"objectif (« {purpose.group().strip()} »)"
    only = re.search(r"\bque\s*$", clause_before)
    if governor is not None and governor.lemma_.lower() in _REQUEST and \
            not any(c.dep_.startswith("aux") and c.lemma_ != "avoir" for c in governor.children):
        # a figure asked for is a need, now or asked before ("le service en demande encore
        # 300", "l'Ehpad en a demandé 150"; the tagger may take the verb for the noun
        # "demande")
        return NEEDED, f"besoin exprimé (« {governor.text} »)"
    if (sought := _NEED_AFTER.match(after)):
        # a participle of seeking after the noun ("4 bénévoles recherchés")
        return NEEDED, f"besoin exprimé (« {sought.group(1)} »)"
    near = _last(clause_before, 60)
    base = first.idx - len(near) if first is not None else 0
    need = next((m for m in NEED.finditer(near) if (only or not re.search(
        rf"\b(?:ne|n['’])\s*(?:\w+\s+)?$|{_NO_NEED_WORD}\s+$", near[:m.start()]))
        and not _own_verb_after(chain, base + m.end())), None) or next(
        (t for t in chain if t.lemma_.lower() in NEED_LEMMAS and not _NEEDY.search(
            t.doc.text, max(0, t.idx - 8), t.idx) and (only or not any(
            c.lower_ in ("pas", "ne", "n'", "jamais", "plus") for c in t.children))
         and not _fetches(t.doc.text, t.idx) and not _own_verb_after(chain, t.idx + 1)), None)
    # (a goal named with it, "Objectif / besoin :", is a goal)
    need = need or (_NEED_COLON.search(before) if not GOAL_BEFORE.search(before) else None) \
        or _NEED_LIST.search(re.split(r"[.!?]\s", before)[-1])
    if need is not None:
        word = need.group(1) if isinstance(need, re.Match) and need.re in (_NEED_COLON, _NEED_LIST) else \
            need.group() if isinstance(need, re.Match) else need.text
        return NEEDED, f"besoin exprimé (« {word} »)"
    # a label–value row's label is its clause ("En commande : 40", "Commandés : 300")
    label = _ROW_LABEL.search(before)
    if label:
        clause_after = clause_after.split("\n")[0]   # a row ends with its line
    # a relative clause is the figure's own: the verb it hangs on is another clause's
    # ("40 bobines ont été commandées grâce à une cagnotte, qui a réuni 1 250 euros")
    own = list(itertools.takewhile(lambda t: not t.dep_.startswith("acl"), chain))
    own += chain[len(own):len(own) + 1]
    relative = _RELATIVE.split(clause_before)[-1]
    # (a verb coordinated before the figure opens its own clause: "a honoré 1 150
    # commandes et prépare 150 paniers")
    relative = _AND_VERB.split(relative)[-1]
    # (a label's colon gives its kind to a figure with no verb, "En commande : 40"; one
    # with its own verb after it has its own clause: "… à leur commande : 64 ont déjà été
    # offerts")
    order = ORDER.search(_last(relative, 50)) or _order_near(clause_after) or \
        (None if _BARE_SUBJECT.match(after) else _ORDER_COLON.search(before)) or \
        (label and _order_label(label.group())) or next(
        (t for t in own if _books(t) and t.idx >= clause_start), None)
    # (what was ordered and has come in is no order any more)
    if order is not None and not _arrived(verbs, first, clause_start) and not DELIVERED.search(
            re.split(r"[,;]", clause_before)[-1] + " " + re.split(r"[,;]", clause_after)[0]):
        word = order.group() if isinstance(order, re.Match) else order.text
        return ORDERED, f"commande (« {word} »)"
    under_way = _UNDER_WAY.match(clause_after) or _UNDER_WAY_LABEL.search(before)
    if under_way:
        # being made is not made yet; on its way is ordered ("3 000 masques sont en cours
        # de fabrication", "… en cours de livraison")
        kind = ORDERED if re.search(r"livraison|acheminement", under_way.group(1)) else TARGET
        return kind, f"en cours (« {under_way.group(1)} »)"
    awaited = _AWAITED.match(clause_after) or _NOT_ARRIVED.match(clause_after)
    if awaited:
        # things still awaited are ordered, not in hand ("19 500 autres sont encore attendus")
        return ORDERED, f"attendu, pas encore livré (« {awaited.group(1)} »)"
    tail = sentence[sentence.find(after[:20]):] if after[:20] and after[:20] in sentence else after
    later = _AWAITED_LATER.search(re.split(r"[.!?]", tail)[0])
    if later and not _ANOTHER_FIGURE.search(tail[:later.start()]):
        # a later clause says of them, by its pronoun, that they are awaited ("… arriveront
        # par l'agglomération ; la demande est faite, ils sont attendus pour le 9 mai")
        return ORDERED, f"attendu, pas encore livré (« {later.group(1)} »)"
    purchase = PURCHASE.search(_last(clause_before, 40))
    # (its delivery told of it, not of the next verb's object: "a déjà acheté 150
    # mètres de tissu, …, et vient de commander 400 mètres d'élastique, qui devraient
    # arriver lundi")
    rest = after + " " + sentence[sentence.find(after[:20]):] if after[:20] else after
    rest = re.split(_NEXT_VERB, rest)[0]
    if purchase and TO_COME.search(rest):
        return ORDERED, f"achat (« {purchase.group()} ») livré plus tard"
    if purchase and (seller := _FROM_SUPPLIER.search(rest)) and not _HANDED_ON.search(rest):
        # bought from a maker or a dealer: the buyer placed an order, it made nothing
        # ("a acheté 24 000 masques auprès d'un fabricant"); unless it has handed them on
        # since ("… qu'elle a distribués")
        return ORDERED, f"achat (« {purchase.group()} … {seller.group().strip()} »)"
    if purchase and first is not None and (end := _end_of(sentence, first)) >= 0 and \
            _ARRIVAL_NEXT.match(first.doc.text, end):
        # its arrival told in the next sentence, of it ("… a acheté 400 masques. Ils
        # doivent arriver la semaine prochaine.")
        return ORDERED, f"achat (« {purchase.group()} ») livré plus tard"
    goal = GOAL_BEFORE.search(clause_before) or _GOAL_COLON.search(before)
    if goal or any(lemma in GOAL_NOUNS for lemma in lemmas):
        return TARGET, f"objectif (« {goal.group().split()[0] if goal else 'objectif'} »)"
    # (a bare figure standing for its noun heads its own clauses: "Environ 600, qui
    # seront distribués la semaine prochaine")
    head = noun if noun is not None else first
    for clause in (c for c in (head.children if head is not None else [])
                   if c.dep_.startswith("acl") and c.pos_ == "VERB"):
        # "250 paniers, qui seront livrés"; but a thing made, then to be handed out,
        # was made: the verb in the past that governs it decides ("ont cousu 520
        # masques, qui seront distribués")
        # (its words when the tagger misreads the participle: "ont déjà cousu")
        if _verb_reading(clause)[0] == "future" and not (
                (verbs and _verb_reading(verbs[0])[0] == "past")
                or _COMPOUND_PAST_BEFORE.search(clause_before)):
            return TARGET, f"futur (« {clause.text} »)"
        if clause.lemma_.lower() in GOAL_VERBS and not head.dep_.startswith("nsubj") and \
                not any(c.dep_.startswith("nsubj") for c in clause.children):
            # (a relative clause with its own subject tells the people's wish, "46
            # soignants …, qui souhaitaient éviter …", no goal for the figure)
            # "sur les 10 000 masques visés"; but "les 500 colis prévus ont été livrés"
            return TARGET, f"participe d'objectif (« {clause.text} »)"
    aim = _GOAL_VERB_BEFORE.search(_last(clause_before, 40))
    if aim:
        return TARGET, f"verbe d'intention (« {aim.group().split()[0]} »)"
    extra = GOAL_AFTER.match(after)
    # (the past may govern the verb that counts: "a permis de servir 95 foyers supplémentaires")
    if extra and not any(_verb_reading(v)[0] == "past" for v in verbs[:2]):
        # "supplémentaires" is more to come, unless a past verb says they were made
        # ("ont cousu 520 masques supplémentaires")
        return TARGET, f"reste à faire (« {extra.group().strip()} »)"
    others = _OTHERS_AFTER.match(first.doc.text, first.idx + len(first.text)) \
        if first is not None else None
    if others and verbs and re.search(r"\ben\s+(?:[^\W\d]+\s+){1,2}$", clause_before) and \
            _verb_reading(verbs[0])[0] == "present" and not _RATE_WORDS.search(clause_after):
        # "en … N autres" in the present is more of the same under way: "le club a
        # confectionné 120 surblouses et en prépare 80 autres" (its own verb decides)
        return TARGET, f"en cours (« {verbs[0].text} … autres »)"
    for n, verb in enumerate(verbs):
        lemma = verb.lemma_.lower()
        if _speaks(verbs, n) or (lemma in INTENTION and _made_just_before(clause_before)):
            continue   # (see the figure's own verb of aim above)
        if lemma == "aller" and _fetches_as_habit(verb):
            continue   # "font les courses et vont chercher les médicaments": a habit, no future
        # a purchase decided is committed (ordered); one wished for is a goal
        if n and lemma in DECISION and verbs[0].lemma_.lower() in PURCHASE_LEMMAS:
            return ORDERED, f"achat décidé (« {verb.text} … {verbs[0].text} »)"
        goal_subject = next((c for c in verb.children if c.dep_.startswith("nsubj")
                             and c.lemma_.lower() in GOAL_NOUNS), None)
        if goal_subject is not None:
            # the goal noun is the verb's subject ("l'objectif … est de franchir …")
            return TARGET, f"objectif (« {goal_subject.text} … {verb.text} »)"
        # (the infinitive may be the parser's dependent of it: "elle compte en coudre
        # encore 50", where "en" is read as a mark)
        if ((n or any(c.pos_ == "VERB" and "Inf" in c.morph.get("VerbForm")
                      and first is not None and verb.i < c.i < first.i
                      and not any(g.lower_ in ("pour", "afin") for g in c.children)
                      for c in verb.children))
                and lemma in INTENTION and not _had_to(verb)) or \
                lemma in GOAL_VERBS:  # "va distribuer", "vise"
            return TARGET, f"verbe d'intention (« {verb.text} »)"
        arriving = next((c for c in verb.children if c.dep_ == "xcomp" and c.lemma_ in _ARRIVING),
                        None) if lemma in ("devoir", "aller") and not _had_to(verb) else None
        if arriving is not None:
            # things that are still to reach us were bought or ordered, not yet delivered
            # ("un réassort de 10 000 masques doit encore nous parvenir")
            return ORDERED, f"attendu, pas encore livré (« {verb.text} … {arriving.text} »)"
        if lemma in ("devoir", "aller") and any(c.dep_ == "xcomp" and c.pos_ == "VERB"
                                                for c in verb.children) and not _had_to(verb):
            # a modal over the act: still to be done ("30 tablettes doivent être remises")
            return TARGET, f"reste à faire (« {verb.text} »)"
        if lemma in _HOLDING and verb.pos_ == "VERB":
            return STOCK, f"quantité détenue (« {verb.text} »)"   # "dispose de 2 000 masques"
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "venir" and \
                _recent(verb.head).i == verb.i:
            return DONE, f"passé récent (« {verb.head.text} … {verb.text} »)"
        if lemma == "attendre" and any(c.dep_ == "aux:pass" for c in verb.children):
            # what "is awaited" has not come ("une livraison de 6 000 masques, destinée
            # aux infirmiers, est attendue vendredi"), however far its verb stands
            return ORDERED, f"attendu, pas encore livré (« {verb.text} »)"
        reading, words = _verb_reading(verb)
        if reading == "infinitive" and \
                (causer := next((c for c in verb.children if c.lemma_ == "faire"
                                 and c.pos_ in ("AUX", "VERB") and c.i < verb.i), None)) is not None:
            # a causative's infinitive takes the tense of "faire" ("fait porter chaque
            # semaine 120 croissants": done by proxy, now)
            reading, words = _verb_reading(causer)
        if reading == "infinitive" and first is not None and verb.i > first.i and \
                any(c.dep_ == "mark" and c.lower_ in ("pour", "afin") for c in verb.children):
            continue  # a purpose after the figure, of the act that counts it ("12 élèves
            #           aidés par téléphone pour se connecter")
        if reading == "future" and lemma in _ARRIVING and ORDER.search(before[-250:]):
            # what will arrive of an order told just before was ordered ("… a commandé
            # 25 000 masques … le solde arrivera avant le 11 mai")
            return ORDERED, f"attendu, pas encore livré (« {words} »)"
        if reading == "future":
            return TARGET, f"futur ou conditionnel (« {words} »)"
        if reading == "infinitive" and verb.idx < clause_start and \
                _BARE_SUBJECT.match(clause_after):
            continue  # another clause's, across a colon: "… à coudre des masques : 480 sont …"
        if reading == "infinitive":
            if n == len(verbs) - 1:
                return TARGET, f"infinitif d'un projet (« {verb.text} »)"
            continue  # a purpose or a complement: the verb above decides
        if reading == "present" and any(c.lower_ == "encore" for c in verb.children) and \
                not _RATE_WORDS.search(clause_after[:40]):
            # a making in the present with "encore" is work still under way: its figure
            # is not made yet ("elles en préparent encore 3 000 pour la rentrée")
            return TARGET, f"en cours (« {verb.text} encore »)"
        if reading in ("past", "present"):
            tense = "au passé" if reading == "past" else "au présent"
            return DONE, f"verbe « {lemma} » {tense} (« {words} »)"
    # the noun's participle, or its complement's, which the parser often takes for the
    # participle's head ("420 livraisons de courses effectuées")
    phrase = [noun, *(c for c in noun.children if c.dep_ == "nmod")] if noun is not None else []
    for clause in (c for head in phrase for c in head.children
                   if c.dep_.startswith("acl") and c.pos_ == "VERB"
                   # (an adjective of a town is no participle: "six restaurateurs liévinois")
                   and not re.search(r"(?:ois|oise|oises)$", c.lower_)):
        if _verb_reading(clause)[0] == "past":            # "160 attestations imprimées"
            return DONE, f"participe passé (« {clause.text} »)"
    if not verbs and (future := _FUTURE_AFTER.match(after)):
        # a future the tagger missed right after the figure ("4 autres seront prêtés")
        return TARGET, f"futur (« {future.group().strip()} »)"
    participle = _PARTICIPLE.match(after) or _reported(_last(clause_before, 40)) or (
        not verbs and _reported(clause_after[:40])) or (  # "- 160 attestations imprimées"
        # a label–value row's label says what was done ("Collecté : 1,8 tonne de denrées")
        label and not verbs and (_reported(label.group()) or _TALLY.search(label.group())))
    if participle:
        return DONE, f"fait rapporté (« {participle.group().strip()} »)"
    return None, ""
