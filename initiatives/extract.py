"""Initiatives read from a release: actor, category, places, figures, contacts.

The body is a sequence of blocks (paragraphs, bullets). Headings set the
category; a block naming an actor starts an initiative; contacts, bullet
sub-items and continuation paragraphs ("La commune finance...") attach to it;
editorial blocks (the prefect's words, calls to join the Réserve civique,
generic introductions) are skipped. Rules are plain regular expressions tuned
on the prefecture's releases and meant to be reviewed by a person (`status`
stays "extrait").
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
from dataclasses import dataclass, field

import config
from geo import reference, territories
from geo.geocode import resolve
from geo.mentions import AMBIGUOUS, find_places
from geo.normalize import fold
from geo.offline import gazetteer
from initiatives import counted_once
from initiatives.dates import MONTHS
from initiatives.ingest import (
    BULLET,
    DATA_LINE,
    EMAIL,
    FORM_ROW,
    FRAMED,
    PHONE,
    URL,
    Budget,
    framed,
    is_contact_line,
)
from initiatives.model import (
    ASSOCIATION,
    CATEGORIES,
    CITIZEN,
    COMPANY,
    LOCAL_GOV,
    PUBLIC,
    SET_ASIDE,
    VOLUNTEERS,
    WORSHIP,
    Initiative,
    Place,
    Reading,
    Release,
    normalise_key,
)
from initiatives.nlp import parse, parse_all, pipeline
from initiatives.quantities import (
    DOING_STEMS,
    NEED,
    PICTOGRAPHS,
    read_numbers,
    sentences,
    things_named,
)

# --- blocks -----------------------------------------------------------------

@dataclass
class Block:
    start: int
    end: int
    text: str
    role: str = "content"  # content | heading | headline | contact | separator
    #                       | salutation | signature


# A paragraph longer than this is a text pasted without its breaks: it is read in pieces
# cut after a sentence, so that each is parsed (not only tokenised) and the reading can
# stop between them when a file's time is spent.
LONG_BLOCK = 4_000
_SENTENCE_END = re.compile(r"[.!?…][»\"]?\s+(?=[«\"(]?[A-ZÀ-ÖØ-Þ0-9])")


def split_blocks(body: str) -> list[Block]:
    blocks, pos = [], 0
    for part in body.split("\n\n"):
        if part.strip():
            lead = len(part) - len(part.lstrip())
            text = part.strip()
            blocks += _pieces(pos + lead, text)
        pos += len(part) + 2
    for i, block in enumerate(blocks):
        following = blocks[i + 1].text if i + 1 < len(blocks) else ""
        block.role = _role(block.text, following)
    # A newsletter lists items, each a title over its paragraph: one short line
    # over a paragraph is a web page's or an article's subtitle, read as content.
    if sum(b.role == "headline" for b in blocks) < 2:
        for b in blocks:
            if b.role == "headline":
                b.role = "content"
    # A card's rows follow one another: a labelled line under a row is the card's next
    # row ("Distribution : Habarcq, Barly…" under "Objectif : 8 000 masques"), no title.
    for prev, block in zip(blocks, blocks[1:]):
        if block.role == "headline" and prev.role == "content" and "\n" not in prev.text \
                and FORM_ROW.match(prev.text) and FORM_ROW.match(block.text):
            block.role = "content"
    # A list's last line ends with a full stop: after a line of the list, a lowercase
    # one is still the list's, not a topic's heading ("• un service étendu à Carency.")
    # So is a lowercase line that a colon ends, introducing the sub-list under it ("— les
    # distributions ont eu lieu dans les communes suivantes :"), and the last line of a
    # list of single names ("• Tangry" after "• Érin"), a paragraph after it or not.
    for prev, block in zip(blocks, blocks[1:]):
        if prev.role != "content" or not BULLET.match(prev.text) or not BULLET.match(block.text):
            continue
        inner = _strip_bullet(block.text).strip()
        if (block.role == "heading" and (block.text.rstrip().endswith(".") or (
                inner[:1].islower() and inner.endswith(":")))) or (
                block.role == "headline" and _NAME_LINE.fullmatch(inner)
                and _NAME_LINE.fullmatch(_strip_bullet(prev.text).strip())
                and prev.text.lstrip()[:1] == block.text.lstrip()[:1]):
            block.role = "content"
    # A box's or a list's rows follow one another: a row opening with its figure under
    # one that does too ("96 foyers bénéficiaires" over "38 bénévoles mobilisés"), or a
    # lowercase row under the same mark ("- 19 bénévoles" over "- une vingtaine
    # d'appels par jour"), is still the list's, not a title over the paragraph after it.
    for prev, block in zip(blocks, blocks[1:]):
        if block.role != "headline" or prev.role != "content":
            continue
        before, mark = BULLET.match(prev.text), BULLET.match(block.text)
        if (before is None and mark is None and _OPENS_FIGURE.match(prev.text)
                and _OPENS_FIGURE.match(block.text)) or (
                before is not None and mark is not None and before.group() == mark.group()
                and _strip_bullet(block.text)[:1].islower()):
            block.role = "content"
    # A letter's salutation, closing formula and signature are no initiative.
    for i, block in enumerate(blocks):
        if block.role in ("content", "headline") and _SALUTATION.match(block.text):
            block.role = "salutation"   # short and without a full stop, like a headline
        elif block.role != "content":
            continue
        elif i >= len(blocks) - 4 and len(block.text) <= 120 and (
                _CLOSING.match(block.text) or (_SIGNATURE.search(block.text)
                                               and not re.search(r"[.!?]$", block.text))):
            block.role = "signature"
        elif i == len(blocks) - 1 and (_SIGNED.match(block.text)
                                       or _NAME_IN_CAPITALS.fullmatch(block.text.strip())):
            block.role = "signature"
    # a signature goes on to the text's end in the short lines under it: the signer's
    # name and titles ("Votre Maire," / "Jean-Paul Dewaele" / "Maire d'Aire-sur-la-Lys")
    signed = next((i for i, b in enumerate(blocks) if i >= len(blocks) - 5
                   and b.role == "signature"), None)
    if signed is not None and all(len(b.text) <= 120 and "\n" not in b.text
                                  and not _FIGURE.search(b.text) for b in blocks[signed + 1:]):
        for b in blocks[signed + 1:]:
            b.role = "signature"
    return blocks


_THANKS = re.compile(r"\W{0,4}(?:(?:un )?(?:grand |immense |énorme )?merci\b"
                     r"|(?:un )?(?:grand )?bravo\b|félicitations\b|(?:un )?coup de chapeau\b"
                     r"|(?:une )?(?:petite |grosse |pleine )?pensée (?:\w+ ){0,2}?pour\b"
                     r"|(?:nous|je) (?:(?:tenons|tiens|voulons|veux|souhaitons|souhaite)"
                     r"(?: \w+){0,2}? (?:à )?)?(?:remerci|félicit|salu))", re.I)


# A sentence that turns to another party ("De son côté, l'Amicale laïque a cousu…",
# "Quant aux lycéens, …"): a new story inside the paragraph
_TURN = re.compile(r"(?<=[.!?»])\s+(?=(?:De (?:son|leur) côté|Pour (?:sa|leur) part"
                   r"|Quant (?:à|aux?)|Du côté (?:de|du|des|d['’])|Autre initiative)\b)")


def _pieces(start: int, text: str) -> list[Block]:
    """The blocks of a paragraph: one per story it tells (see `_TURN`), each cut in runs
    of its sentences when it is very long."""
    out, a = [], 0
    for m in _TURN.finditer(text):
        out += _runs(start + a, text[a:m.start()])
        a = m.end()
    return out + _runs(start + a, text[a:])


def _runs(start: int, text: str) -> list[Block]:
    """The block of a paragraph, or of each run of its sentences when it is very long."""
    out, a = [], 0
    while len(text) - a > LONG_BLOCK:
        ends = [m.end() for m in _SENTENCE_END.finditer(text, a + LONG_BLOCK // 2,
                                                         a + LONG_BLOCK)]
        cut = ends[-1] if ends else (text.rfind(" ", a + LONG_BLOCK // 2, a + LONG_BLOCK) + 1
                                     or a + LONG_BLOCK)
        piece = text[a:cut].rstrip()
        out.append(Block(start + a, start + a + len(piece), piece))
        a = cut
    out.append(Block(start + a, start + len(text), text[a:]))
    return out


# a name alone on a list's line, in one word, hyphens joining its parts ("Foufflin-Ricametz")
# (a town's name may open with its article: "Le Wast", "La Couture")
_NAME_LINE = re.compile(r"(?:(?:Le|La|Les)\s+|L['’])?[A-ZÀ-Ý][\w’'-]+[.;,]?")


def _strip_bullet(text: str) -> str:
    return BULLET.sub("", text, count=1).strip()


# A line opening with its figure ("1 350 paniers distribués")
_OPENS_FIGURE = re.compile(r"\s*\d")
# A figure ends where a word would not go on: a digit inside a word is none ("en 3D").
_FIGURE = re.compile(r"\d(?![\d\w])")

# A sentence's end: its punctuation, or in a post a pictograph ("… reste seul 💛").
_ENDS_SENTENCE = re.compile(rf"[.:;!?{PICTOGRAPHS}][\ufe0f\u200d]*$")


# A line of a form or a card, its label one of the form's questions ("Qui : …", "Où : …",
# "Combien : …"): a line of data, never a headline.
_FORM_LINE = re.compile(r"^\W{0,3}(?:qui|où|quoi|quand|combien|comment|porteu(?:r|se)|action"
                        r"|lieux?|public|bilan|partenaires?|destinataires?|bénéficiaires?"
                        r"|besoins?|contact)\s*[?:]\s*\S", re.I)


# A title may exclaim after its topic and a dash ("Saint-Pol – à table !"); a sentence
# that exclaims has no such topic
_EXCLAIMED_TITLE = re.compile(r"[^\n.!?]{2,40}\s[–—]\s[^\n.!?]{2,40}!")


def _role(text: str, following: str) -> str:
    if not re.search(r"\w", text):
        return "separator"
    if "\n" not in text and (_BYLINE.match(text) or _EDITION.match(text)
                             or _STAMPED_NAME.fullmatch(f"{text}\n{following}")
                             # (a text's last line that is only a person's name: its
                             # writer's, as an article signs)
                             # (a credit after it, the writer's status: "(CLP)")
                             or (not following and _NAME_ALONE.fullmatch(
                                 re.sub(r"\s*\([^()\d]{1,30}\)$", "", text)))):
        return "signature"   # the journalist's name, the paper's edition: no actor
    if _STAMPED_NAME.fullmatch(text):
        return "signature"   # … and the article's stamp under it, in one block
    if is_contact(text):
        return "contact"
    inner = _strip_bullet(text)
    dash = bool(BULLET.match(text)) and not re.match(r"\d", text)
    if dash and len(inner) < 120 and not _FIGURE.search(inner) and (
            re.match(r"solidaires?\b", inner, re.I) or inner.endswith(":")
            or (inner[:1].islower() and inner.endswith("."))):
        return "heading"
    # a newsletter's item title; one led by a list mark has no figure ("— Des masques à
    # Lens", "2. Des repas pour l'hôpital", "■ Berck : des visières"), unlike a list's
    # line, and a paragraph follows it, not another line of the list
    if DATA_LINE.match(text) or _FORM_LINE.match(text):
        return "content"
    # (a data line under a short line names an entry's figure, "• Elnes" over
    # "Habitants : 914": a headline has a paragraph under it; a framed title,
    # "=== PRATIQUE ===", heads its section whatever follows)
    # (… or a line of sub-items, marked otherwise, goes under it: "▸ Frévent" over " –
    # L'atelier couture …")
    # (a numbered line in capitals is a section's title, however short its paragraph:
    # "2. « VOISINS RELAIS » : LE DISPOSITIF"; over data lines or a list, it names
    # their entry or introduces it)
    if _TITLE_CAPS.fullmatch(text) and not _FIGURE.search(inner) and following and \
            not DATA_LINE.match(following) and not _FORM_LINE.match(following) and \
            not BULLET.match(following):
        return "headline"
    if (not BULLET.match(text) or (not _FIGURE.search(inner) and (
            not BULLET.match(following) or _under_another_mark(text, following)))) \
            and len(text) < 150 and (not _ENDS_SENTENCE.search(text) or _EXCLAIMED_TITLE.fullmatch(text)) \
            and len(following) > 2 * len(text) and (FRAMED.fullmatch(text)
                                                    or not DATA_LINE.match(following)):
        return "headline"
    return "content"


_FIGURE_ENTRY = re.compile(rf"{BULLET.pattern}\s*(?:[^\d:.;\n]{{1,80}}:\s*)?(?:environ\s+|près de\s+"
                           r"|plus de\s+)?\d")
# (or led by a heading's mark, an arrow or a square, its bearer maybe after a dash: "▶
# ÉCRANS POUR LES SOIGNANTS – Plexi Concept (entreprise d'insertion)")
_TITLE_CAPS = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[▶►■▸◆➤])[ \t]+(?=[^\n]*[A-ZÀ-Ý]{3})[^a-zà-ÿ\n]{3,120}?"
                            r"(?:[ \t]+[–—][ \t]+[^\n]{2,80})?")


def _under_another_mark(text: str, following: str) -> bool:
    """The line after is a sub-item: a dash or a dot, under a line marked otherwise."""
    mark, sub = BULLET.match(text), _SUB_MARK.match(following)
    return bool(mark and sub) and mark.group().strip() != sub.group().strip()


_SUB_MARK = re.compile(r"\s*[-–—•*◦‣⁃](?=\s)")


def is_contact(text: str) -> bool:
    """Contact lines, or a few words around a URL ("- Concours trukiroulent : URL")."""
    if is_contact_line(text):
        return True
    rest = PHONE.sub(" ", URL.sub(" ", EMAIL.sub(" ", text)))
    return rest != text and len(re.findall(r"[^\W\d_]{2,}", rest)) <= 5


# --- actors -----------------------------------------------------------------

_A = "['’]"
_UP = "A-ZÀ-ÖØ-ÞŒ"
# a lower-case adjective of place, by the endings of French demonyms ("frugeois")
_DEMONYM_WORD = r"[a-zà-ÿ]{3,}(?:ois|oise|ais|aise|ien|ienne|in|ine)s?"
def _name(links: str) -> str:
    """A proper name: capitalised words (or figures) linked by the small words `links`
    allows, maybe a lowercase word closing it before a comma ("Fil solidaire, créé …")."""
    return (rf"(?:[{_UP}][\w’'-]*)(?:\s+(?:(?:{links})\s*)?"
            rf"[{_UP}0-9][\w’'-]*)*(?:\s+[a-zà-ÿ][\w-]*(?=,))?")


_ARTICLES_LINKS = rf"de\s+l{_A}|de\s+la|de|du|des|d{_A}|la|le|les|et|&"
NAME = _name(_ARTICLES_LINKS)
# … after its legal form, a name may link its capitalised words by any preposition
# ("l'association Main dans la Main", "le collectif Pain pour Tous")
_KEYWORD_NAME = _name(rf"dans\s+(?:la|le|les)|dans|pour|sans|avec|à|au|aux|en|sur|{_ARTICLES_LINKS}")
PLACE = rf"[{_UP}][\w’'-]*"
# a commune's name, compound names included ("Saint-Martin-lès-Boulogne", "Wavrans-sur-l'Aa")
_TOWN_NAME = (rf"{PLACE}(?:[\s-]+(?:(?:sur|sous|en|la|le|les|de|du|lès|aux?)[\s-]+)*"
              rf"[{_UP}][\w’'-]*)*")
# A post or a letter signed on its last line by a dash and a name ("— Les Petites
# Mains d'Outreau"): its author, no initiative of its own.
_SIGNED = re.compile(rf"^[—–-]\s*(?P<name>[{_UP}][^\d.!?:;\n]{{2,60}})$")
# a name alone on the last line, its surname in capitals as an author signs ("Léa MARTIN")
_NAME_IN_CAPITALS = re.compile(rf"[{_UP}][a-zà-ÿ]+(?:-[{_UP}][a-zà-ÿ]+)?\s+[{_UP}]{{2,}}"
                               rf"(?:[\s'’-][{_UP}]{{2,}})*")
# A press byline: "Par Claire Vasseur – 14/04/2020", "De notre correspondant, Paul Roy"
# a journalist's name alone over the article's stamp ("Marc Dufour\nPublié le 23 avril")
_STAMPED_NAME = re.compile(rf"[{_UP}][\w'’-]+(?:\s+[{_UP}][\w'’.-]*){{1,3}}(?:\s*\([^()\d\n]{{1,30}}\))?\n"
                           rf"(?:Publié|Mis en ligne|Mise à jour)\b[^\n]{{0,60}}$")
_NAME_ALONE = re.compile(rf"[{_UP}][a-zà-ÿ'’]+(?:-[{_UP}][a-zà-ÿ'’]+)?"
                         rf"\s+[{_UP}][\w'’-]+(?:\s+[{_UP}][\w'’-]+)?")
_BYLINE = re.compile(rf"(?:Par|De notre (?:correspondante?|envoyée? spéciale?))\s*,?\s+"
                     rf"[{_UP}][\w'’-]+(?:\s+[{_UP}][\w'’.-]*){{0,3}}\s*(?:[–—|,-].{{0,40}})?$")
# a newspaper's local edition under its name ("Édition Béthunois – Bruaysis")
# (no figure in it: "Édition limitée de 300 masques" is a sentence)
_EDITION = re.compile(r"[ÉE]dition(?:\s+(?:de|du|des|d['’]))?\s+[^\W\d][^\d.!?:]{0,60}$")
QUOTED = r"«\s*([^»]{2,120}?)\s*»|\"([^\"]{2,120}?)\""
_KEYWORD_TYPES = {"association": ASSOCIATION, "fondation": ASSOCIATION, "entreprise": COMPANY,
                  "société": COMPANY, "collectif": CITIZEN, "groupe": CITIZEN}
# Titles of office: a person named with one speaks for an institution, and is
# no actor of their own ("Fabien SUDRY, préfet", "le maire, Jean Dupont").
_TITLES = (r"(?:préfet\w*|maire|adjoint\w*|président\w*|directeur|directrice|ministre"
           r"|député\w*|sénat\w*|conseill\w+ (?:municipa|départementa|régiona)\w+"
           # who runs a firm or a group speaks for it ("la gérante de Confection Lemaire")
           r"|gérante?|dirigeante?|patronne|fondat(?:eur|rice))")
# Verbs of saying: a name right after one is the speaker of a quotation, a
# witness in a press article, not the actor ("explique Martine").
_SPEECH = (r"(?:explique|expliquent|précise|sourit|raconte|confie|souligne|ajoute|indique"
           r"|témoigne|résume|assure|déclare|dit|lance|note|poursuit|rappelle|insiste"
           r"|détaille|reconnaît|glisse|s['’]amuse|s['’]enthousiasme|constate|affirme|estime"
           r"|observe|soupire|se réjouit|s['’]inquiète|regrette|admet|avoue|relate|commente"
           r"|conclut|martèle|souffle|nuance|tempère|s['’]exclame|plaisante)")
# French heads of an organisation's name, completed by their noun phrase in the
# parse ("le comité des fêtes", "la boulangerie Caron", "les élèves du lycée des
# Marais"): clubs, committees, shops, schools, farms, local units.
_ORG_HEADS = (r"comité|club|union|entente|amicale|groupement|épicerie|banque alimentaire|boulangerie"
              r"|pâtisserie|pharmacie|restaurant|supérette|mercerie|lycée|collège|école|GAEC"
              r"|coopérative|distillerie|laiterie|brasserie|ferme|unité locale|centre social"
              r"|maison de quartier|conseil municipal des jeunes|conseil municipal"
              r"|paroisse|scouts|comité local|collectif|atelier|boucherie|charcuterie|traiteur"
              r"|fromagerie|MJC|foyer rural|réseau|chorale|harmonie|fanfare|troupe"
              r"|cuisine centrale|IUT|université|faculté|institut|fab ?lab|tiers-lieu"
              r"|repair café|ressourcerie|relais (?:alimentaire|solidaire|social)"
              # producers' shared points of sale ("le drive fermier de X", "l'AMAP du Val")
              r"|drive(?= fermier| paysan| de producteurs| solidaire)|AMAP"
              r"|marché solidaire"
              # (a shop by its brand: "le magasin Intermarché", not "le magasin partenaire")
              r"|(?:magasin|hypermarché)(?=\s+(?-i:[A-ZÀ-Ý]))"
              # a town's public services for culture and children
              r"|médiathèque|bibliothèque|ludothèque|accueil de loisirs|centre de loisirs|crèche"
              # a town's body of volunteers ("la réserve citoyenne")
              r"|réserve (?:citoyenne|civique|communale)"
              # a public body's unit of care ("le service intercommunal d'aide à domicile"),
              # not an office (« Service départemental de la communication »)
              r"|service(?: intercommunal| municipal| communal)?(?= d['’]aide| de soins"
              r"| de portage)"
              r"|SSIAD|SAAD"
              # unions of communes for a service ("le SIVOM du Bruaysis") and the public
              # body for young people's work ("la Mission locale de l'Artois")
              r"|SIVOM|SIVU|SIVOS|SIRP|syndicat intercommunal|mission locale"
              # a trade's shop or workshop is named by the suffix -erie ("la menuiserie
              # Lefebvre", "l'imprimerie Dubois")
              r"|[a-zé]{3,}erie")
# a company's legal form heads its name, in capitals ("l'EARL des Prés", "la SCEA Delattre")
_ORG_HEAD = re.compile(rf"\b(?:(?i:{_ORG_HEADS})|EARL|SCEA|SARL|EURL|SASU|SAS|SCOP)\b"
                       # (a small firm's short form heads its name only: "la PME Agrinove")
                       rf"|\b(?:PME|TPE)(?=\s+[{_UP}«\"])")
_NAMED_ONLY = {"atelier", "réseau", "troupe", "traiteur", "harmonie", "drive", "marché solidaire"}
_ADDRESS = re.compile(rf"\s*(?:de la|du|de l{_A}|des|d{_A})?\s*(?:rue|avenue|boulevard|place|allée"
                      rf"|impasse|chemin|route|quai)\b", re.I)
# Prepositions that make an organisation the recipient, supplier or agent of another's
# action (its figures are the actor's, its town is not a place reached).
_TO_ANOTHER = {"à", "auprès", "par", "chez", "aux", "au", "dans", "vers"}
# a dative or "pour" inside a clause (not opening it): what follows receives
_GIVEN_TO = re.compile(rf"(?:[^\W\d][^.:;!?•\n]*?\s(?:pour|aux?|à|au profit d(?:es?|u))\s+"
                       # a destination's place ("vers l'entrepôt de la Banque alimentaire")
                       rf"|\bvers\s+(?:l{_A}|les?\s+|la\s+)?[a-zà-ÿ]+\s+(?:de\s+|du\s+|des\s+|d{_A})"
                       # a form's row naming who receives ("Destinataire : Restos du cœur")
                       rf"|\b(?:destinataires?|bénéficiaires?)\s*:\s*)"
                       rf"(?:les?\s+|la\s+|l{_A})?$", re.I)
# verbs of a visit: their destination is what the story is about
_VISIT = {"rendre", "arrêter", "visiter", "aller", "rejoindre", "venir", "déplacer"}
# Charities with local branches across France: the branch is named by its town
# ("le Secours populaire de Lens", "les Restos du cœur de Calais").
_CHARITIES = (r"Secours populaire(?: français)?|Secours catholique|Restos du c(?:œ|oe)ur"
              r"|Restaurants du c(?:œ|oe)ur|Croix[- ]Rouge(?: française)?|Emmaüs"
              r"|Petits frères des pauvres|Banque alimentaire|Saint-Vincent-de-Paul"
              r"|Familles rurales|Ordre de Malte|Armée du salut|Entraide protestante"
              # (the home-help network of local associations)
              r"|ADMR")
# French intercommunalities, full name or usual abbreviation.
_EPCI = re.compile(
    rf"\b(?:((?i:communauté) (?:urbaine|d{_A}agglomération|de communes))|(CU|CA|CC|Agglo)"
    # (its name may follow with no preposition: "Communauté de communes Ternois-Canche")
    rf"|((?i:communauté) d{_A}agglo|Agglomération))\s+(de la |de l{_A}|du |des |de |d{_A}|)"
    rf"((?:\d{{1,2}}\s+)?[{_UP}][\w’'-]*(?:[\s-]+(?:(?:de|du|des|d{_A}|l{_A}|la|le|les|en"
    # ("N° 14" after it, a bulletin's number, is no word of it)
    rf"|sur|sous)[\s-]*)*(?!N[°º])[{_UP}][\w’'-]*)*)")
_EPCI_KIND = {"CU": "Communauté urbaine", "CA": "Communauté d'agglomération",
              "CC": "Communauté de communes", "Agglo": "Communauté d'agglomération",
              "Agglomération": "Communauté d'agglomération",
              "Communauté d'agglo": "Communauté d'agglomération",
              "Communauté d’agglo": "Communauté d'agglomération"}
# References to the text's own institution ("la Ville", "la municipalité",
# "l'Agglo", "nos agents"), and a mayor's first person in the town's letter.
_OWN_INSTITUTION = re.compile(
    rf"\b(?:[Ll]a (?:[Vv]ille|municipalité|mairie|commune|[Cc]ommunauté(?: de communes| urbaine"
    rf"| d{_A}agglomération)?)|[Ll]{_A}(?:Agglo(?:mération)?|intercommunalité)|la CU[A-Z]*"
    rf"|[Nn]os (?:services|agents|équipes|élus)|[Nn]otre (?:ville|commune|village)"
    rf"|[Ll]e maire|[Ll]es élus|[Ll]e conseil municipal|[Ll]es conseillers municipaux)\b"
    rf"(?!\s+(?:de|du|des|d{_A})\s*[{_UP}])")
_TOWN_WORD = re.compile(r"(?i)ville|mairie|commune\b|village|maire|municipa")
_FIRST_PERSON = re.compile(rf"(?:^|[.!?]\s+|,\s*)(?:[Jj]{_A}ai|[Nn]ous avons|[Jj]e)\b")
# The first person plural of a post or a letter: the text's author speaks.
_WE = re.compile(r"\b(?:[Nn]ous (?:avons|sommes|distribuons|livrons|préparons|cousons)|[Oo]n (?:a|"
                 r"livre|distribue|prépare|coud|cherche|recherche)|[Nn]os bénévoles"
                 r"|[Nn]otre (?:équipe|association|asso|collectif)"
                 # (what we lack, we need: "il nous manque des gants")
                 r"|il nous (?:manque|faut|faudrait)|nous manquons|nous (?:cherchons|recherchons))\b")
# A paragraph whose subject is the author's "we" (not thanking others, who act)
# (after a shouted label of its own, maybe between pictographs: "⚠️ APPEL ⚠️ On …",
# "URGENT : nous …")
_WE_OPENING = re.compile(r"\W{0,4}(?:[A-ZÀ-Ý]{3,}(?:\s+[A-ZÀ-Ý]{2,})?\W{1,6})?(?:[Nn]ous|[Nn]os|[Nn]otre|[Oo]n)\b"
                         r"(?!\s+(?:remerci|ten\w* à remercier|salu|félicit))"
                         # (our friends or neighbours of another body are that body: "Nos
                         # amis du club de l'Âge d'Or, eux, …")
                         r"(?!\s+(?:amie?s|voisine?s|partenaires|homologues)\s+(?:du|de|des|d['’]))")
# a headline opening with an indefinite article presents a kind, no name
_INDEFINITE_OPENING = re.compile(r"\W{0,4}(?:Une?|Des)\s", re.UNICODE)
# a past participle then where or by whom: what a line says of the things above it
_PARTICIPLE_OPENING = re.compile(r"\w+(?:é|ée|és|ées|is|ies|its?|ites?)\s+"
                                 r"(?:à|aux?|dans|par|chez|auprès)\s", re.I)
# a town's social welfare office, abbreviated or spelled out
_CCAS = rf"(?:CCAS|[Cc]entre communal d{_A}action sociale(?:\s*\(CCAS\))?)"
# an intercommunality's social action centre, abbreviated or spelled out
_CIAS = re.compile(rf"\bCIAS\b|\b[Cc]entre intercommunal d{_A}action sociale(?:\s*\(CIAS\))?")
# (a town named after the acronym in brackets is the office's own: "le centre communal
# d'action sociale (CCAS) de Saint-Pol")
# (a list entry's cell after its town's, "■ LUGY – CCAS", is that town's too)
_OWN_CCAS = re.compile(rf"(?:\b(?:[Ll]e|[Ss]on|[Dd]u|[Aa]u|[Nn]otre) |(?<=[–—-] )){_CCAS}(?!\w)"
                       rf"(?!\s*(?:\(CCAS\)\s*)?(?:de|du|des|d{_A})\s*[{_UP}])")


# the opening of a list entry that is a complement, not a subject ("👉 à la mairie de")
_COMPLEMENT_ENTRY = re.compile(rf"\W*(?i:à|aux?|pour|chez|vers|dans|avec|sur)\s+"
                               rf"(?:la\s+|le\s+|les\s+|l{_A}\s*)?")

# … and inside a line, where to go ("Pratique : dépôts de tissu à la mairie de Fiefs")
_PLACE_COMPLEMENT = re.compile(rf"\b(?i:à|aux?|chez|vers|devant)\s+(?:la\s+|l{_A}\s*)?$")


def _as_complement(before: str) -> bool:
    """What follows `before` is a complement of place ("👉 à la mairie de X", "dépôts à
    la mairie de Fiefs"), not a subject."""
    return bool(_COMPLEMENT_ENTRY.fullmatch(before) or _PLACE_COMPLEMENT.search(before))


@dataclass
class Actor:
    name: str
    type: str
    start: int  # span in the searched text
    end: int


@dataclass
class Context:
    """What a text says about itself in its title, lead and signature."""
    town: object = None          # geo Resolution of the text's commune
    towns: list = field(default_factory=list)  # all of them, when its title names several
    institution: Actor | None = None   # the text's own town or intercommunality
    actor: Actor | None = None   # the text's actor (institution, association)
    # the proper words of its title and headlines: who a portrait is about ("Julien
    # fabrique des visières"), someone it quotes included
    named: frozenset = frozenset()


def _quoted(m: re.Match, first: int) -> str:
    return (m.group(first) or m.group(first + 1) or "").strip()


def _of(name: str) -> str:
    """"de " or "d'" before a name, as French elides."""
    return "d'" if re.match(r"[AEIOUYÀÂÉÈÊÎÔÛaeiouyh]", name) else "de "


# A legal form's descriptive complement, then the name in apposition: "l'entreprise de
# produits d'entretien Hygiène Côte d'Opale", "l'association d'aide à domicile Présence".
# The complement ends on a word of its own (not "de Marck", which names a town).
_OF_PROPER = re.compile(rf"(?:des|du|de la|de l{_A}|d{_A})\s*{NAME}")
_DESCRIBED = re.compile(rf"(?:de[ \t]+|d{_A})(?:[a-zà-ÿ]+(?:{_A}|[ \t]+)){{0,4}}?"  # (on its line)
                        rf"(?!(?:de|du|des|la|le|les|aux|à|en)\s)[a-zà-ÿ]{{3,}}[ \t]+(?P<name>{NAME})")


# the members an association is named by: a plural noun, then its complements
_OF_MEMBERS = re.compile(rf"des\s+[a-zà-ÿ]{{3,}}s(?:-[a-zà-ÿ]{{3,}}s)?\b(?:\s+(?:de\s+la\s+|de\s+l{_A}|du\s+|des\s+"
                         rf"|de\s+|d{_A})\s*[\w’'-]+)*")


# (a club's players and supporters too; its name may end on its town's adjective: "les
# joueurs et supporters de l'Olympique sallauminois")
# people gathered within a named body ("réunies au sein d'Isbergues Solidarité Couture")
_WITHIN = re.compile(rf"\b(?:réunie?s|rassemblée?s|regroupée?s|engagée?s|bénévoles)\s+au sein\s+"
                     rf"(?:de\s+l{_A}|de\s+la\s+|du\s+|des\s+|de\s+|d{_A})\s*(?P<name>{NAME})")
_MEMBERS_OF = re.compile(rf"\b(?:membres|bénévoles|adhérente?s|volontaires|joueu(?:r|se)s|supporters"
                         rf"|licenciée?s)\s+(?:de\s+l{_A}|de\s+la\s+|du\s+|des\s+|de\s+|d{_A})\s*"
                         rf"(?P<name>{NAME}(?:\s+{_DEMONYM_WORD}\b)?)")


# A form's line naming who carries the action ("Porteur : EARL Ducrocq, exploitation
# agricole", "Qui ? Thierry Lefebvre, éleveur"): its value, up to a comma, is the actor.
# (a table's row gives it as one of its cells: "• Offekerque — Porteur : …")
_BEARER = re.compile(r"^\W{0,3}(?:[^—\n]{1,80}?\s—\s){0,4}"
                     r"(?:porteu(?:r|se)s?(?: du projet)?|qui\s*(?=[?:])\??|structure|acteurs?|organismes?"
                     r"|associations?|initiative de"
                     r"|organisat(?:eur|rice)s?|responsables?|à l['’]initiative(?: de)?)(?!\w)\s*:?\s*"
                     r"(?P<name>[^,\n(—]{2,80})", re.I)
_OWN_WORD = re.compile(r"(?i)(?:la |le )?(mairie|commune|municipalité|ville|ccas)$")


def _bearer(text: str, town) -> Actor | None:
    m = _BEARER.match(text)
    if m is None or "?" not in m.group() and ":" not in m.group():
        return None
    # the value ends where the form's next label starts ("… Quoi ? Des visières")
    name = re.split(rf"\s+(?=[{_UP}][\w’']*(?:\s+[a-zà-ÿ’']+){{0,2}}\s*[?:](?:\s|$))",
                    m.group("name"))[0]
    if _EVERYONE.match(name.strip()):
        return None   # "Qui ? Tous les habitants de plus de 10 ans": who receives
    name = re.sub(r"^(?:les?|la|l['’]|un|une)\s*", "", name.strip(" .;"), flags=re.I)
    # "du village", "de la ville", "de notre commune" in a bearer's name stand for its town
    here = _OF_THE_TOWN.search(name) if town is not None else None
    if here:
        name = name[:here.start()]
    own = _OWN_WORD.fullmatch(name)
    if own:   # "Porteur : mairie": the section's town
        if town is None:
            return None
        # (named by the word the text gives it)
        word = "CCAS" if own.group(1).lower() == "ccas" else own.group(1).capitalize()
        return Actor(f"{word} {_of(town.nom)}{town.nom}", LOCAL_GOV, m.start("name"), m.end())
    if len(name) < 2:
        return None
    written = len(name)   # the span the text gives it, before its town is added
    if town is not None and (here or not re.search(rf"[{_UP}]", name[1:])) and \
            normalise_key(town.nom) not in normalise_key(name):
        name = f"{name} {_of(town.nom)}{town.nom}"   # "le comité des fêtes" of its section
    # a head word tells a firm, a school or a council even before a surname ("Menuiserie
    # Vandenbussche"); else a person's name or a trade is citizens'
    kind = _org_kind(name)
    if kind == ASSOCIATION and (_PERSON.fullmatch(name) or re.match(rf"(?i)(?:{_TRADES})\b", name)):
        kind = CITIZEN
    return Actor(name[0].upper() + name[1:], kind, m.start("name"), m.start("name") + written)


# A list entry labelled by a proper name before its colon, the clause after it opening
# on a definite description or a subject pronoun that refers back to the label ("•
# Transports Lenoir (Wingles) : l'entreprise prête …", "• Les Jardins du Marais : ils
# ont donné …"): the label names the entry's actor. (A proper name has a capitalised
# word past its first; an activity's label, "• Aide alimentaire : …", names none.)
_LABELLED_ENTRY = re.compile(
    rf"{BULLET.pattern}\s*(?P<name>(?:(?:Les|La|Le|L{_A})\s*)?[{_UP}][^\n:()«»\d]{{2,60}}?)"
    rf"\s*(?P<seat>\([^()\n]{{2,40}}\)\s*)?:\s+(?:(?:l{_A}|le\s|la\s|les\s)\s*[a-zà-ÿ]{{3,}}\b"
    rf"|(?:elle|il|ils|elles|nous)\s|(?P<figure>(?:environ\s+|près de\s+|plus de\s+)?\d))")


def _labelled_entry(text: str) -> Actor | None:
    m = _LABELLED_ENTRY.match(text)
    if m is None:
        return None
    name = m.group("name").strip()
    if m.group("figure") and not (m.group("seat") or re.match(rf"(?:Les|La|Le|L{_A})\s*[{_UP}]", name)):
        return None   # a figure's label ("• Masques Cousus : 400"), unless a name's article
        #               or its bracket says who it is ("• Les Ateliers du Pont (Arques) : 40")
    words = re.sub(rf"^(?:Les|La|Le|L{_A})\s*", "", name).split()
    if len(words) < 2 or not re.search(rf"[{_UP}]", " ".join(words[1:])) or \
            _ACTION_NOUN.match(words[0]) or resolve(name).level is not None or \
            any(resolve(w).level == "commune" for w in
                (re.match(_TOWN_NAME, " ".join(words)).group(), words[0])):
        return None   # (nor a place: "• Marquise Centre : la mairie …")
    return Actor(name, _org_kind(name), m.start("name"), m.start("name") + len(name))


# a quantifier over people ("tous les habitants", "toute personne", "chaque foyer"):
# a notice's public, not who acts
_EVERYONE = re.compile(r"(?i)(?:tou(?:s|tes)\s+(?:les|nos|vos|ces)|toute\s+personne|chaque\s+(?-i:[a-zà-ÿ])"
                       r"|l['’]ensemble\s+des)\b")
_PERSON = re.compile(rf"[{_UP}][a-zà-ÿ]+(?:-[{_UP}][a-zà-ÿ]+)?\s+[{_UP}][\w’'-]+")
_OF_THE_TOWN = re.compile(r"\s+(?:du village|du bourg|de la (?:commune|ville)"
                          r"|de (?:notre|votre) (?:commune|ville|village))$", re.I)


_STATE_ACTS = re.compile(rf"\b((?:les\s+|Les\s+)?services\s+de\s+l{_A}[ÉE]tat|[Ll]a\s+(?:sous-)?préfecture"
                         rf"(?:\s+(?:du\s+Pas-de-Calais|de\s+{PLACE}|d{_A}{PLACE}))?)"
                         rf"(?=\s+(?:a|ont|avait|avaient|vient\s+de|viennent\s+de|va|vont)\s)"
                         # the State's officer handing things over ("le sous-préfet de
                         # Saint-Pol a procédé à la remise de …"); praising, he is no actor
                         rf"|\b([Ll]e\s+(?:sous-)?préfet(?:\s+(?:du\s+Pas-de-Calais|de\s+{PLACE}|d{_A}{PLACE}))?)"
                         rf"(?=\s+(?:a|avait|vient\s+de|va)\s+(?:procédé|remis|distribué|livré"
                         rf"|réparti|remettre|distribuer|livrer|répartir|procéder)\b)")


_KIND_BRACKETED = re.compile(
    rf"(?<![\w’'])(?P<name>(?:(?:Les|La|Le|L{_A})\s*)?[{_UP}][\w’'.-]*"
    rf"(?:[ \t]+(?:(?:&|et|de|du|des|d{_A})[ \t]*)?[{_UP}][\w’'.-]*)*)[ \t]*"
    rf"\((?P<kind>association|entreprise|société|collectif|coopérative|SARL|SAS|EARL|SCOP"
    rf"|chantier d{_A}insertion)\b[^()\n]{{0,40}}\)")


def find_actor(text: str, context: Context | None = None) -> Actor | None:
    """The earliest actor named in a block, or None for editorial text.

    A named actor (an organisation, a person, a town named) wins over a
    reference to the text's own institution ("la Ville", "nous"), which only
    counts with a context.
    """
    found: list[Actor] = []
    town = context.town if context else None
    bearer = _bearer(text, town) or _labelled_entry(text)
    if bearer is not None:
        return bearer

    def add(m, name, kind):
        found.append(Actor(name.strip(" ,"), kind, m.start(), m.end()))

    # A keyword of legal form followed by the name ("l'association Les Anges gardins").
    # ("groupe" names a collective only with its quoted name: "le groupe « Les Fils d'or »")
    for m in re.finditer(r"\b(association|fondation|entreprise|société|collectif|groupe)\b\s+",
                         text, re.I):
        if "\n\n" in m.group():
            continue   # a name never runs over a paragraph's end
        rest = text[m.end():]
        q = re.match(rf"(?:[^«\"]{{0,40}}?)(?:{QUOTED})", rest)
        keyword = m.group(1).lower()
        if q and (keyword == "fondation" or q.start(1 if q.group(1) else 2) < 3):
            name = _quoted(q, 1)
            if name[:1].islower():
                name = f"{keyword} « {name} »"
            add(_Span(m.start(), m.end() + q.end()), name, _KEYWORD_TYPES[keyword])
            continue
        if keyword == "groupe":
            continue
        # (the name's own article may be written in lower case in a sentence: "l'association
        # les Fils d'Argent")
        article = re.match(rf"(?:les|la|le|l{_A})\s*(?=[{_UP}])", rest)
        skip = article.end() if article else 0
        n = re.match(_KEYWORD_NAME, rest[skip:]) or _DESCRIBED.match(rest[skip:])
        if n:
            name = n.group("name") if "name" in n.re.groupindex else n.group()
            tail = re.match(_DEMONYM_TAIL, rest[skip + n.end():]) \
                if n.re is not _DESCRIBED else None
            if tail and tail.group() and name == n.group().strip():
                name, n = name + tail.group(), _Span(n.start(), n.end() + tail.end())
            add(_Span(m.start(), m.end() + skip + n.end()), name, _KEYWORD_TYPES[keyword])
        elif keyword != "fondation" and (n := _OF_PROPER.match(rest)):
            # the head, then a proper noun as its complement ("le collectif des Petites
            # Mains d'Hersin", "l'association des Amis du Vieux Moulin")
            add(_Span(m.start(), m.end() + n.end()), f"{m.group(1)} {n.group()}",
                _KEYWORD_TYPES[keyword])
        elif keyword in ("association", "collectif") and (n := _OF_MEMBERS.match(rest)):
            # a body named by its members, with their complements ("l'association des
            # parents d'élèves du collège de Samer", "le collectif des commerçants de Fruges")
            add(_Span(m.start(), m.end() + n.end()), f"{m.group(1).capitalize()} {n.group()}",
                _KEYWORD_TYPES[keyword])
    # A proper name, then its kind in brackets ("Tissage & Co (entreprise d'insertion)",
    # "Les Mailles Vives (association)"): the bracket says what it is
    for m in _KIND_BRACKETED.finditer(text):
        kind = m.group("kind").lower()
        if re.match(r"(?:À|A|Au|Aux|En|Chez|Pour|Dans|Avec|Merci|Bravo)\b", m.group("name")) or \
                resolve(m.group("name")).level is not None:
            continue   # a place and its body ("À Houdain (association des parents)")
        add(_Span(m.start("name"), m.end()), m.group("name"),
            _KEYWORD_TYPES.get(kind) or _org_kind(kind))
    # The members of a group named after them: the group acts ("les membres d'Opale
    # Informatique Solidaire ont reconditionné", "les bénévoles des Amis du Moulin");
    # a place there is the members' town, read as such elsewhere
    for m in _MEMBERS_OF.finditer(text):
        name = m.group("name")
        # (a name opening with a town is that town's branch of another: "l'équipe
        # d'Avion du Secours catholique")
        if len(name.split()) >= 2 and resolve(name).level is None and \
                resolve(re.split(r"\s", name)[0]).level != "commune":
            add(_Span(m.start("name"), m.end("name")), name, ASSOCIATION)
    # People gathered within a named body ("réunies au sein d'Isbergues Solidarité
    # Couture"): the body acts; a town's name may open it, other capitalised words after
    for m in _WITHIN.finditer(text):
        name = m.group("name")
        words = name.split()
        if len(words) >= 2 and resolve(name).level is None and words[1][:1].isupper():
            add(_Span(m.start("name"), m.end("name")), name, ASSOCIATION)
    # Cue nouns of a public scheme before its quoted name ("le service « X »").
    for m in re.finditer(rf"\bservice\s[^«\",]{{0,40}}?(?:{QUOTED})", text):
        add(m, _quoted(m, 1), PUBLIC)
    # (its name follows it, or an adjective: past a comma a quote is someone's words;
    # an operation's name, « Un masque pour chaque habitant », names what is done)
    # (a neighbourhood's own firm, "la régie de quartier « X »", is one such body)
    for m in re.finditer(rf"\b(?:centre d{_A}aide|dispositif|plateforme|réserve|régie)"
                         rf"\s+[^«\".,]{{0,30}}?(?:{QUOTED})", text, re.I):
        add(m, _quoted(m, 1).rstrip(". "), PUBLIC)
    # … or its name then a colon and the scheme it names, as a title gives them ("« Voisins
    # Relais » : le dispositif d'entraide", in capitals or not)
    for m in re.finditer(rf"(?:{QUOTED})\s*:\s*(?:la|le|l{_A}|un|une)\s*(?:plateforme|dispositif"
                         rf"|réseau|service)\b", text, re.I):
        name = _quoted(m, 1)
        add(m, _title_case(name) if name.isupper() else name, PUBLIC)
    # A quoted name then its legal form ("« Imprimeurs de cœur » dont le collectif").
    for m in re.finditer(rf"(?:{QUOTED})\s+(?:dont le |, )?(collectif|association)", text):
        add(m, _quoted(m, 1), CITIZEN if m.group(3) == "collectif" else ASSOCIATION)
    # A quoted proper name with its article, as its clause's subject: a verb follows it
    # ("le « Cageot des Attaques » réunit six fermes", "la « Chaîne verte » qui livre")
    for m in re.finditer(rf"\b(?:[Ll]e|[Ll]a|[Ll]es|[Ll]{_A})\s*«\s*(?P<name>[{_UP}][^»]{{2,60}}?)\s*»"
                         rf"(?=\s+(?:qui\b|(?:a|ont|est|sont)\s|(?!(?:de|du|des|et|ou|en|au|aux"
                         rf"|pour|par|sur|dans|avec|dont|que|comme|mais|car|donc|puis|avant|après"
                         rf"|selon|depuis|pendant|contre|vers|chez|sans|sous|entre)\b)"
                         rf"[a-zé]{{2,}}(?:e|es|ent|t|a|ont)\b))", text):
        add(m, m.group("name"), _org_kind(m.group("name")))
    # A naming participle before a proper name ("un partenariat nommé DOCAPOSTE").
    for m in re.finditer(rf"\b(?:nommée?s?|baptisée?s?|dénommée?s?|intitulée?s?)\s+"
                         rf"(?:([{_UP}][{_UP}0-9-]{{2,}})|{QUOTED})", text):
        add(m, m.group(1) or _quoted(m, 2), PUBLIC)
    # A group that took a name ("regroupés sous le nom des « Toques solidaires »").
    for m in re.finditer(rf"\bsous (?:le nom|l{_A}appellation|la bannière) (?:de\s+|des\s+|du\s+"
                         rf"|d{_A})?(?:{QUOTED})", text):
        add(m, _quoted(m, 1), CITIZEN)
    # A town named as the actor (or its council: "la municipalité de Bailleul a commandé").
    for m in re.finditer(rf"\b([Vv]ille|[Cc]ommune|[Mm]airie|[Mm]unicipalité)\s+(de\s+|d{_A})({PLACE})",
                         text):
        if _as_complement(text[:m.start()]):
            continue   # where things went ("👉 à la mairie de X"), where to go
        if _compared(text, m.start(3)):
            continue   # another town's example ("à l'image de ce qu'a fait la commune de X")
        own = context.institution if context is not None else None
        if own is not None and own.type == LOCAL_GOV and \
                normalise_key(own.name).endswith(" " + normalise_key(m.group(3))):
            add(m, own.name, LOCAL_GOV)   # the text's own town hall, named in full
            continue
        word = {"ville": "Ville", "mairie": "mairie", "municipalité": "municipalité"}.get(
            m.group(1).lower(), "commune")
        add(m, f"{word} {_de(m.group(2))}{m.group(3)}", LOCAL_GOV)
    # The inhabitants of a town as a group ("À Marck, les habitants", "les habitants de X").
    for m in re.finditer(rf"\b[àÀAa]\s+({PLACE}),\s+les habitants\b", text):
        add(m, f"commune de {m.group(1)}", LOCAL_GOV)
    for m in re.finditer(rf"\bles habitants\s+(de\s+|d{_A})({PLACE})", text):
        if _GIVEN_TO.search(text[max(0, m.start() - 60):m.start() + 4]):
            continue   # given to ("des masques pour les habitants de Ruitz"): they receive
        if _LEFT_OUT.match(text, m.end()):
            continue   # said left out ("les habitants de Wimille n'y sont pas admis")
        add(m, f"commune {_de(m.group(1))}{m.group(2)}", LOCAL_GOV)
    for m in re.finditer(rf"\bConseil (citoyen|municipal|départemental|régional|des jeunes)\s+"
                         rf"(?:de la |du |des |de |d{_A})\s*{PLACE}", text):
        add(m, m.group(), CITIZEN if m.group(1) in ("citoyen", "des jeunes") else LOCAL_GOV)
    for m in re.finditer(rf"\b(?i:mosquée|église|paroisse|synagogue|temple)\s+({NAME})", text):
        add(m, m.group(), WORSHIP)
    # A sports club named by its initials and its town ("l'US Ambleteuse", "le FC Lillers",
    # "l'AS de Berck"): Union sportive, Football club, Association sportive…
    for m in re.finditer(rf"\b(?:US|AS|FC|RC|ES|SC|JS|CS|AC|OS|USO|ASC|USL)\s+(?:de\s+|d{_A})?"
                         rf"{_TOWN_NAME}", text):
        add(m, m.group(), ASSOCIATION)
    # A firm named by a house word and its family's name ("la Maison Caron, traiteur",
    # "les Ateliers Lemaire", "les Établissements Delattre"); a descriptive complement
    # makes an institution's name ("la Maison Départementale des Solidarités")
    for m in re.finditer(rf"\b(?:Maison|Ateliers|Établissements|Ets|Éts)\.?\s+(?!Pour\b)[{_UP}][\w’'-]+"
                         rf"(?![\w’'-])(?:\s+(?:et|&)\s+(?:Fils|Filles|Cie))?"
                         rf"(?!\s+(?:de|du|des|d{_A}|pour)\b)",
                         text):
        add(m, m.group(), COMPANY)
    # A family named by its surname acts as one person ("la famille Dubois, qui élève des
    # poules, a offert 1 200 œufs")
    for m in re.finditer(rf"\b[Ll]a\s+(famille\s+[{_UP}][a-zà-ÿ’'-]+)(?![\w’'-])", text):
        add(_Span(m.start(1), m.end(1)), "F" + m.group(1)[1:], CITIZEN)
    # The State's services acting, in the past or the near future: "la préfecture a
    # commandé 12 000 masques", "les services de l'État ont remis …" (a reminder of
    # national figures is set aside by its figures' reading)
    for m in _STATE_ACTS.finditer(text):
        group = 1 if m.group(1) else 2
        name = re.sub(r"^(?:les|la|le)\s+", "", m.group(group), flags=re.I)
        add(_Span(m.start(group), m.end(group)), name[:1].upper() + name[1:], PUBLIC)
    # A numbered unit of the police or the army, and its home town ("CRS 9 de Rennes").
    for m in re.finditer(rf"\b(?:CRS|RI|RIMa|BSPP)\s*\d+(?:\s+(?:de\s+|d{_A}){PLACE})?", text):
        add(m, m.group(), PUBLIC)
    for m in re.finditer(rf"\b(?:les\s+|Les\s+)?(centres? sociaux|centre social|{_CCAS})\s+"
                         rf"(?:de\s+|d{_A}){PLACE}", text):
        name = re.sub(r"^(?:les|Les)\s+", "", m.group())
        # the social action centre's name spelt out is its acronym's
        name = re.sub(rf"^{_CCAS}", "CCAS", name)
        add(m, name[0].upper() + name[1:], ASSOCIATION if "centre" in name else LOCAL_GOV)
    for m in re.finditer(rf"\b(?:les\s+|Les\s+)?([Cc]entres? sociaux|[Cc]entre social)\s+"
                         rf"(?:{QUOTED}|((?:Les |Le |La )?[{_UP}][\w’'-]*(?:[\s-]+[{_UP}][\w’'-]*)*))",
                         text):
        name = _quoted(m, 2) or m.group(4)
        if not re.match(rf"(?:de|d{_A})\b", name):
            add(m, f"Centre social {name}" if m.group(4) else f"centre social « {name} »",
                ASSOCIATION)
    for m in _EPCI.finditer(text):
        add(m, _epci_name(m), LOCAL_GOV)
    for m in re.finditer(rf"\b(?:{_CHARITIES})(?:\s*[–-]\s*comité|\s+comité)?"
                         rf"(?:\s+(?:de\s+|d{_A})({PLACE}(?:-[\w’'-]+)*))?", text, re.I):
        if _source(text, m.start()):
            continue   # the charity goods come from ("la plateforme de la Banque alimentaire")
        given = _GIVEN_TO.search(text[max(0, m.start() - 60):m.start()])
        if given and not re.search(r"\bperm(?:is|et|ett\w*)\s+\S+\s*$", given.group()):
            # inside a clause, a charity given to receives ("récoltés pour les Restos");
            # "permettre à X de …" makes X the doer
            continue
        base = re.sub(r"(?i)\s*[–-]?\s*comité$", "", re.sub(r"(?i)\s+(?:de\s+|d['’]).*$", "",
                                                            m.group()))
        base = re.sub(r"(?i)\s+français\w*$", "", base)
        # (a line in capitals, not an acronym: "RESTOS DU CŒUR DE MERLIMONT", "ADMR")
        base = _title_case(base) if base.isupper() and " " in base else base
        # (its branch is the sentence's town: "à Courcelles, où l'antenne du Secours …")
        where = m.group(1) or _seat_name(text, m.start()) or _scene_town(text, m.start()) or (
            town.nom if town else None)
        if where and where.isupper() and (r := resolve(where)).level == "commune":
            where = r.nom   # a line in capitals ("RESTOS DU CŒUR DE MERLIMONT")
        add(m, f"{base} {_of(where)}{where}" if where else base, ASSOCIATION)
    for m in _ORG_HEAD.finditer(text):
        org = _organisation(text, m, town)
        if org:
            found.append(org)
    # A firm's name, then what it is in apposition ("Audochim, PME de Blendecques
    # spécialisée dans …", "Lumitex, une entreprise textile")
    # … or a quoted name, then what it is ("Le « Cabas de la Canche », un drive fermier
    # monté par …", "« Fil d'Ariane », une association de couturières")
    for m in _QUOTED_APPOSED.finditer(text):
        kind = m.group("kind").lower()
        add(m, _quoted(m, 1), ASSOCIATION if kind == "association" else
            COMPANY if kind in ("entreprise", "société") else CITIZEN)
    for m in _FIRM_APPOSED.finditer(text):
        # (a sentence adverb before its subject is no firm: "Enfin, l'entreprise X …")
        if resolve(m.group(1)).level is None and \
                parse(text[m.start(1):m.end() + 40])[0].pos_ not in ("ADV", "CCONJ", "SCONJ"):
            add(_Span(m.start(1), m.end(1)), m.group(1), COMPANY)
    # A capitalised noun qualified by its town's adjective is a name ("au Panier
    # héninois", "la Ruche arrageoise"), as a street's or a club's would be
    for m in _NOUN_OF_TOWN.finditer(text):
        if not _TOWN_WORD.match(m.group(1)) and _names_town(m.group(2), town):
            add(_Span(m.start(1), m.end()), f"{m.group(1)} {m.group(2)}", ASSOCIATION)
    found += _people(text, context.named if context is not None else frozenset())
    found += _demonyms(text, context)
    found += _trades_of_a_town(text, town)
    # "la Ville", "la mairie", "le maire", "les élus" in a sentence that opens on its
    # town ("À Béthune, la Ville a ouvert ...") are that town's institution; elsewhere,
    # the text's town's when the text is no institution's own (that one is read below),
    # as its CCAS is ("la commune" there is mostly a place, "les familles de la
    # commune"; "les mairies" are many towns')
    for m in re.finditer(r"\b(?:[Ll]a|[Ll]es?) ([Vv]ille|mairies?|commune|municipalité|maire"
                         r"|élus|conseil municipal|conseillers municipaux|agents municipaux)\b"
                         rf"(?!\s+(?:de|du|des|d{_A})\s*[{_UP}])", text):
        where = _seat_name(text, m.start()) or (
            town.nom if town is not None and context.institution is None
            and m.group(1).lower() not in ("commune", "mairies") else None)
        if where:
            word = {"ville": "Ville", "mairie": "Mairie", "mairies": "Mairie",
                    "municipalité": "Municipalité"}.get(
                m.group(1).lower(), "Commune")
            add(m, f"{word} {_of(where)}{where}", LOCAL_GOV)
    for m in _OWN_CCAS.finditer(text):  # "le CCAS": of the sentence's town, or the text's
        where = _seat_name(text, m.start()) or _scene_town(text, m.start()) or (
            town.nom if town is not None else None)
        if where:
            add(m, f"CCAS {_of(where)}{where}", LOCAL_GOV)
    for m in _CIAS.finditer(text):
        # an intercommunality's social action centre: its own, when the text is one's
        epci = context.institution.name if context is not None and \
            context.institution is not None and _EPCI.match(context.institution.name) else None
        # (spelt out, it is named as written: « Centre intercommunal d'action sociale »)
        add(m, m.group() if m.group() != "CIAS" else f"CIAS ({epci})" if epci else "CIAS",
            LOCAL_GOV)
    own = context.actor if context is not None and context.institution is None else None
    opening = _WE_OPENING.match(text) if own is not None else None
    # (in a sentence: a short line "On recherche" is a list's heading, over its own)
    if opening and not any(a.start < opening.end() for a in found) and \
            len(text.split("\n", 1)[0].split()) >= 6:
        # an author's post: a paragraph opening in the first person ("Nos masques sont
        # partis à l'EHPAD de Berck, … à la mairie de Merlimont") tells the author's
        # action; those named after it receive or help
        return Actor(own.name, own.type, opening.start(), opening.end())
    if own is not None:
        # the author's own body named by its head, "notre club de couture", is the author
        found = [Actor(own.name, own.type, a.start, a.end)
                 if re.search(r"\b[Nn]otre\s+$", text[max(0, a.start - 8):a.start]) else a
                 for a in found]
    # a person thanked or thought of ("Petite pensée pour Mme Lucienne, 84 ans, qui vient
    # de …") is no actor unless the figure of what she gave follows
    found = [a for a in found if not (a.type == CITIZEN and _thanked(text, a))]
    found = [_named_further(a, found, text) for a in found]
    if found:
        # a partner named in a fronted adverbial ("En lien avec l'antenne du Secours
        # populaire, le CCAS prépare …") helps the clause's subject, which acts
        acting = [a for a in found if not (_FRONTED_PARTNER.search(text[:a.start]) and any(
            b.start > a.end and "," in text[a.end:b.start] for b in found))]
        return min(acting or found, key=lambda a: a.start)
    if (named := _named_subject(text)) is not None:
        return named
    if context is not None and context.institution is not None:
        m = _OWN_INSTITUTION.search(text) or (
            _FIRST_PERSON.search(text) if context.institution.type == LOCAL_GOV else None)
        if m and _EPCI.match(context.institution.name) and _TOWN_WORD.search(m.group()):
            m = None  # an intercommunality's bulletin: "la mairie" is a town's, not its own
        if m:
            own = context.institution
            return Actor(own.name, own.type, m.start(), m.end())
    if context is not None and context.institution is None and context.actor is not None:
        m = _WE.search(text)  # an association's post: "on a cousu", "nos bénévoles"
        if m:
            return Actor(context.actor.name, context.actor.type, m.start(), m.end())
    return None


# A group's proper name opening its sentence, with no head noun to tell what it is:
# its article, two capitalised words at least, maybe its town ("Les Petites Mains de
# Frévent ne chôment pas"), or one and its town ("Les Bobineuses de Hucqueliers")
_OF_TOWN = rf"\s+(?:de\s+la\s+|de\s+l{_A}|des\s+|de|du|d{_A})\s*[{_UP}][\w’'-]+(?:-[\w’'-]+)*"
_NAMED_OPENING = re.compile(rf"\W*((?:Les|Le|La|L{_A})\s*[{_UP}][\w’'-]+(?:(?:\s+[{_UP}][\w’'-]+)+"
                            rf"(?:{_OF_TOWN})?|{_OF_TOWN}))")


def _named_subject(text: str) -> Actor | None:
    """The proper name a sentence opens with, when it is its verb's subject."""
    m = _NAMED_OPENING.match(text)
    if m is None or resolve(m.group(1)).level is not None:
        return None   # a place's name ("La Couture-Boussey"), not a group's
    first = re.sub(rf"^(?:Les|Le|La|L{_A})\s*", "", m.group(1)).split()[0]
    if re.search(r"(?:ois|oise|ais|aise|ien|ienne)s?$", first) or \
            _INSTITUTION_WORD.fullmatch(first) or _OFFICE_WORD.fullmatch(first):
        return None   # inhabitants ("Les Lensois"), an institution ("La Région …"): read
        #               as such elsewhere
    # its verb follows (a clitic or the verb itself; the parse of a name it does not
    # know may lose its subject)
    # (past an apposition saying what it is: "Les Vergers du Ternois, producteurs
    # installés à Frévent, livrent …")
    end = apposed.end() if (apposed := _APPOSITION.match(text, m.end(1))) else m.end(1)
    after = parse(text[end:])
    if not (_CLITIC_NEXT.match(text, end) or (
            len(after) > 1 and after[1].pos_ in ("VERB", "AUX") and after[0].is_space)
            or (len(after) and after[0].pos_ in ("VERB", "AUX"))):
        return None
    return Actor(m.group(1), ASSOCIATION, m.start(1), m.end(1))


# (an apposition: a common noun's phrase between commas)
_APPOSITION = re.compile(r"\s*,\s*(?:une?\s+|des\s+|les?\s+|la\s+|l['’])?[a-zà-ÿ][^,.;:!?\n\d]{1,70},")
_INSTITUTION_WORD = re.compile(r"(?i)région|préfecture|état|ville|mairie|commune|département"
                               r"|agglo|agglomération|communauté|république|gouvernement|poste")
# (an office's holder named by the town, "Le Maire de Bapaume", is no group)
_OFFICE_WORD = re.compile(r"(?i)maire|adjointe?|conseil|élue?s?|président|préfet|sous-préfet"
                          r"|directeur|directrice|député|sénateur|curé|habitants")
_CLITIC_NEXT = re.compile(r"\s+(?:ne|n['’]|se|s['’]|y|en|l['’]|leur|lui|nous|vous|ont|a|sont|est"
                          r"|vont|va|font|fait)\b")


def _named_further(a: Actor, found: list[Actor], text: str) -> Actor:
    """A bare head given its town ("L'épicerie solidaire, ensuite.") that the paragraph
    names in full further on ("l'épicerie solidaire Mouriez-Tortefontaine a accueilli")
    is that one."""
    head = normalise_key(text[a.start:a.end])
    if not head or normalise_key(a.name) == head:
        return a
    full = next((b for b in found if b.start >= a.end and normalise_key(b.name).startswith(head)
                 and normalise_key(b.name) != head), None)
    return Actor(full.name, full.type, a.start, a.end) if full is not None else a


_THANKED_BEFORE = re.compile(r"(?i)\b(?:merci|pensée|bravo|hommage|félicitations|chapeau)\b"
                             r"[^.!?;\n]*$")
_SENTENCE_END = re.compile(r"[.!?\n]")
# a figure, an age apart ("84 ans")
_FIGURE_NOT_AGE = re.compile(r"\d(?![\d\s\u202f]*ans\b)")


def _thanked(text: str, a: Actor) -> bool:
    """The actor is named in thanks or a thought, its sentence giving no figure after it."""
    if not _THANKED_BEFORE.search(text, max(0, a.start - 200), a.start):
        return False
    end = _SENTENCE_END.search(text, a.end)
    return not _FIGURE_NOT_AGE.search(text, a.end, end.start() if end else len(text))


_FRONTED_PARTNER = re.compile(r"(?:^|[.!?]\s+)\W{0,3}(?:En (?:lien|partenariat|collaboration|liaison)"
                              r" avec|Avec (?:l['’]aide|le soutien|le concours|l['’]appui)"
                              r"|Aux côtés|Grâce à|Main dans la main avec)\b[^,.;:!?]*$")


# the adverbial's end, then the subject of the clause
_SUBJECT_NEXT = re.compile(r"[^,.;:!?\n]{0,60},\s*(?:le|la|les|l['’]|nous|notre|nos|il|elle|ils|elles"
                           r"|on)\b", re.I)


def _epci_name(m: re.Match) -> str:
    kind = m.group(1) or _EPCI_KIND.get(m.group(2) or m.group(3), m.group(2) or m.group(3))
    linker = m.group(4).replace("’", "'")
    head = f"{kind[0].upper()}{kind[1:]} {linker}".replace("' ", "'")
    words = m.group(5).split()
    # the longest start of the name that is a known intercommunality: capitalised words
    # after it belong to the next line ("… de l'Artois Édition spéciale")
    for n in range(len(words), 0, -1):
        name = head + " ".join(words[:n])
        if resolve(name).method in ("exact", "alias"):
            return name
    return head + " ".join(words)


def _seat_name(text: str, pos: int) -> str | None:
    """The town a sentence opens with ("À Anvin, ...", "Houdain – ...", "• Dourges : ...")."""
    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos))
    head = text[start + 1:pos]
    m = re.match(rf"\s*(?:[-•–*]\s*|\d{{1,2}}\s*[–—).-]\s*)?(?:[ÀA]\s+)?"
                 rf"({_TOWN_NAME})\s*(?:,|–|-\s|:)", head)
    if not m:
        return None
    r = resolve(m.group(1))
    return r.nom if r.code and r.level == "commune" and r.method in ("exact", "alias") else None


# a person's job, then their employer: the employer is not the actor
# (one person's: "les agents du lycée" act for it)
_EMPLOYER = re.compile(r"\b(?:employée?|salariée?|ouvri(?:er|ère)|agent|cadre"
                       r"|direct(?:eur|rice)|patron(?:ne)?|gérante?)\s+(?:de|du|des|d['’])"
                       r"(?:\s*la|\s*l['’]|\s*les)?\s*$", re.I)
# nouns in -erie that name no trade's shop or workshop
_NOT_A_TRADE = re.compile(r"(?i)(?:messagerie|galerie|loterie|batterie|trésorerie|gendarmerie"
                          r"|infirmerie|plaisanterie|causerie|tuerie)s?\b")
# a verb of provenance, then its complement: where goods come from, in the clause
_FROM = re.compile(r"\b(?:venue?s?|vien(?:t|nent)|venai(?:t|ent)|issue?s?|prov(?:en|ien)\w+"
                   r"|arrivée?s?|sortie?s?)\b"
                   r"[^.;:!?«»]{0,50}?\b(?:de|du|des|d['’])(?:\s*la|\s*l['’]|\s*les|\s*une?)?\s*$",
                   re.I)


# help that comes from someone names its giver ("un coup de pouce est venu de la
# supérette"), not a supplier
_HELP_FROM = re.compile(r"\b(?:coup de (?:pouce|main)|aide|soutien|renfort|geste|élan)\b"
                        r"[^.;:!?]{0,30}?\b(?:venue?s?|vien(?:t|nent)|arrivée?s?)\b[^.;:!?]{0,20}$",
                        re.I)


def _source(text: str, pos: int) -> bool:
    """Whether the name at `pos` is where goods come from ("les denrées proviennent de
    la Banque alimentaire"): a source, not who acts."""
    before = text[max(0, pos - 80):pos]
    return bool(_FROM.search(before)) and not _HELP_FROM.search(before)


def _scene_town(text: str, pos: int) -> str | None:
    """The commune a sentence takes its reader to before naming a town's own service
    (« le préfet s'est rendu à Fruges pour rencontrer … le CCAS »)."""
    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos))
    towns = [r.nom for m in re.finditer(rf"\b[àÀ]\s+({PLACE})", text[start + 1:pos])
             if (r := resolve(m.group(1))).code and r.level == "commune"
             and r.method in ("exact", "alias")]
    return towns[-1] if towns else None


_NP_DEPS = {"det", "case", "nmod", "amod", "flat:name", "fixed", "compound", "flat"}


# a proper name right after an organisation's head: capitalised words, an article first,
# small linking words between, a demonym adjective last ("Les Aiguilles licquoises")
# a demonym adjective ending a proper name ("Les Aiguilles licquoises"), not an adverb
_DEMONYM_TAIL = (r"(?:\s+(?!(?:parfois|toutefois|autrefois|jamais|désormais|combien|ancien|chien"
                 r"|quotidien|moyen)\w*\b)[a-zà-ÿ]{3,}(?:ois|oise|oises|ais|aise|aises|ien|iens"
                 r"|ienne|iennes)(?![\w’'-]))?")
# a head's activity then its town, in the compound of everyday speech ("l'atelier
# couture de Villers-Châtel", "le club photo d'Arques")
# (its activity may be a phrase: "l'atelier couture du centre social de Lumbres")
_KIND_OF_TOWN = re.compile(rf"[ \t]+[a-zà-ÿ]{{3,}}(?:[ \t]+(?:du|des|de la|de l{_A}|d{_A}|de)?[ \t]*"
                           rf"[a-zà-ÿ]{{3,}}){{0,3}}?[ \t]+(?:de[ \t]+|d{_A})(?P<town>{_TOWN_NAME})")
# a lowercase word of kind between a head and its name ("le club informatique Izel Clic")
_KIND_WORD = re.compile(rf"[ \t]+([a-zà-ÿ]+)(?=[ \t]+[{_UP}])")
# a proper name after its head through "de" ("la ferme des Wateringues")
_THEN_TOWN = re.compile(rf"[ \t]+(?:de[ \t]+|d{_A})(?P<town>{_TOWN_NAME})")
_OF_NAME = re.compile(rf"[ \t]+(?:de la|du|des|de|d{_A})[ \t]*"
                      rf"(?P<name>[{_UP}][\w’'-]*(?:[ \t]+[{_UP}][\w’'-]*)*)(?![\w’'-])")
_APPOSED_NAME = re.compile(
    rf"[ \t]+(?:Les |Le |La |L{_A})?[{_UP}][\w’'-]*(?:[ \t]+(?:(?:de|du|des|et|d{_A})[ \t]*)?[{_UP}][\w’'-]*)*"
    rf"{_DEMONYM_TAIL}(?![\w’'-])")


# adverbs that go with verbs, not with a name's words
_VERB_ADVERBS = {"encore", "toujours", "déjà", "désormais", "également", "aussi", "ne", "n'",
                 "n’", "pas", "jamais", "plus"}
# a gift's noun and the giver as its complement, with an indefinite article
_GIFT_OF = re.compile(r"\b(?:dons?|cadeaux?|soutien|concours|générosité|contributions?)\s+"
                      r"(?:d['’]\s*|de\s+)une?\s+(?:[a-zà-ÿ]+\s+)?$", re.I)


# the name, then a relative clause with a verb of making, carrying or giving, by its stem
# (the parse may miss the clause, the tagger take "livre" for a noun)
_DOES_AFTER = re.compile(rf"(?:\s+[{_UP}][\w'’-]*)*"
                         # (its town after its name: "la boulangerie Martin de Frévent, qui")
                         rf"(?:\s+(?:de\s+|du\s+|d['’])[{_UP}][\w'’-]*)?"
                         rf"(?:\s*,?\s*qui\b[^.;]{{0,60}}?\b(?i:{DOING_STEMS})"
                         # … or thanked for its own gift ("… de Mazingarbe pour son don de
                         # 150 kg de fruits")
                         rf"|[^.;]{{0,40}}?\bpour (?:son|leur|ses|leurs) (?:dons?|offre|cadeau"
                         rf"|livraisons?|envoi)\s+(?:de\s+|d['’])\s*\d)")


def _organisation(text: str, m: re.Match, town) -> Actor | None:
    """The noun phrase of an organisation's head in the parse, with its town when the
    phrase names none ("le comité des fêtes" after "À Anvin," is the comité des fêtes
    d'Anvin)."""
    if re.search(r"\b(?:de|d['’])\s*$", text[max(0, m.start() - 4):m.start()]):
        return None  # a bare noun after "de" qualifies another ("des produits d'épicerie")
    if re.search(r"(?i)\ben\s+$", text[max(0, m.start() - 4):m.start()]):
        return None  # a manner ("la réunion se tiendra en comité restreint")
    if _source(text, m.start()):
        return None  # where goods come from ("des pommes de terre venues de la ferme")
    if _GIFT_OF.search(text[max(0, m.start() - 40):m.start()]) and \
            not re.match(r"[^.;,]{0,40},\s*qui\b", text[m.end():]):
        return None  # a giver named in passing ("grâce aux dons d'une laiterie de …")
    if _EMPLOYER.search(text[max(0, m.start() - 40):m.start()]):
        return None  # someone's employer ("cette ancienne employée de la verrerie")
    if re.search(r"\banci(?:en|enne|ens|ennes)\s+$", text[max(0, m.start() - 12):m.start()],
                 re.I):
        return None  # a former one is a building ("la porte de l'ancienne école Curie")
    if _NOT_A_TRADE.match(text, m.start()):
        return None  # an "-erie" noun that names no shop ("une messagerie de groupe")
    if re.match(r"\s+(?:à la maison|à distance|à domicile)\b", text[m.end():]):
        return None  # a service named by where it is given ("l'école à la maison")
    if re.search(r"(?i)\b(?:depuis|dès|avant|après)\s+(?:le|la|l['’])\s*$",
                 text[max(0, m.start() - 12):m.start()]) and \
            re.match(r"(?i)(?:lycée|collège|école|fac|université)\b", m.group()) and \
            not re.match(rf"\s+(?:de\s+|d{_A}|du\s+)?[{_UP}]", text[m.end():]):
        return None  # a time of one's life ("pas touché une machine depuis le lycée")
    if re.search(r"\bpar (?:l['’]intermédiaire|le biais|l['’]entremise) d(?:e|u|es|['’])"
                 r"(?:\s*la|\s*l['’]|\s*le)?\s*$", text[max(0, m.start() - 40):m.start()]):
        return None  # an intermediary ("joint par l'intermédiaire de la gendarmerie")
    doc = parse(text)
    head = next((t for t in doc if t.idx <= m.start() < t.idx + len(t.text)), None)
    if head is None:
        return None
    case = next((c for c in head.children if c.dep_ == "case" and c.lower_ in _TO_ANOTHER),
                None)
    if case is None and head.dep_ == "nmod":
        # a destination's complement ("acheminées vers l'entrepôt de la banque
        # alimentaire"): the place things go to is the body's
        case = next((c for c in head.head.children if c.dep_ == "case" and c.lower_ == "vers"),
                    None)
    # the destination of a visit: the verb of moving governs the place itself ("s'est
    # rendu à l'épicerie"), not an errand's other verb ("aller chercher … à la pharmacie")
    verb = next((a for a in head.ancestors if a.pos_ == "VERB"), None)
    visited = verb is not None and verb.lemma_ in _VISIT
    # the antecedent of "qui" is its clause's subject: "merci à la boulangerie X, qui nous
    # offre 30 baguettes" names who gives, when that clause holds the figure
    # (or, thanked, does a work or a gift: "merci à la boulangerie X qui livre le pain")
    thanked = bool(re.search(r"(?i)\b(?:merci|remerci\w*|bravo|saluer|hommage)\b[^.;]{0,40}$",
                             text[:head.idx]))
    agent = any(c.dep_.startswith("acl") and any(g.lower_ == "qui" and g.dep_.startswith(
        "nsubj") for g in c.children) and any(d.pos_ == "NUM" for d in c.subtree)
        for c in head.children) or (thanked and bool(_DOES_AFTER.match(text, m.end())))
    if case is None and re.search(r"\bauprès\s+d(?:e|u|es|['’])\s*(?:une?\s+|la\s+|l['’]\s*)?$",
                                  text[max(0, m.start() - 20):m.start()]):
        case = head   # ordered from a supplier ("commandé auprès d'un atelier de Saint-Pol")
    if case is not None and case.lower_ == "par" and _counted_by(head.head) and \
            not _subject_over(head.head):
        # the agent of a participle that qualifies counted things is who made them ("3 200
        # repas préparés par la cuisine centrale de Berck"), unless a verb with its own
        # subject governs those things ("la municipalité a commandé 10 000 masques,
        # fabriqués par un atelier de Pernes": the municipality acts, the maker supplies)
        agent = True
    if case is not None and not visited and not agent and \
            not re.search(r"(?:^|[.:;!?»•–—-])\s*$", text[:case.idx]):
        # inside a clause: "commandés à un atelier d'Arras", "merci à la mercerie" name
        # another party; opening it, "Au lycée X, les élèves …" sets the actor's scene,
        # and so does a visit's destination ("le préfet s'est rendu à l'épicerie X")
        return None
    start, end, quoted = m.start(), m.end(), False
    first = doc[head.i - 1] if head.i > 0 else None
    if first is not None and first.i > 0 and first.text[:1].isupper() and \
            head.head.i == first.i and first.pos_ in ("NOUN", "PROPN"):
        # a proper word before the head is the name's first ("le Rotary club d'Auchel",
        # "le Lions club"): the phrase hangs on it
        start, head = first.idx, first
    # (a head in capitals is a line in capitals, where case tells no name, unless it is
    # an acronym the next word's case tells apart: "la PME Agrinove")
    shouted = m.group().isupper() and not re.match(r"\s+[A-ZÀ-Ý][a-zà-ÿ]", text[m.end():])
    apposed = _APPOSED_NAME.match(text, m.end()) if not shouted else None
    kind_word = _KIND_WORD.match(text, m.end()) if apposed is None and not shouted else None
    if kind_word and any(t.idx == kind_word.start(1) and t.pos_ in ("ADJ", "NOUN") for t in doc):
        # a word of kind between the head and the name ("le club informatique Izel
        # Clic", "l'école maternelle Jules Ferry"): the name is still set after it
        apposed = _APPOSED_NAME.match(text, kind_word.end())
    if apposed and not quoted:
        # a proper name set right after its head is the name, whatever the parse ("le
        # club Les Doigts Agiles", its demonym included: "Les Aiguilles vitryennes")
        end = apposed.end()
    for tok in doc[head.i + 1:] if not apposed else ():
        if tok.idx < end:
            continue
        if quoted or tok.text == "«":
            # a quoted name is one whole, whatever its parse ("« Fil et Partage »")
            quoted = tok.text != "»"
            end = tok.idx + len(tok.text)
            if quoted:
                continue
            break   # the closing quote ends the name ("le club « X » au rendez-vous")
        if "\n" in text[end:tok.idx]:
            break  # a name ends with its line (a headline over its paragraph)
        if tok.idx == end and (tok.text == "-" or text[end - 1:end] == "-"):
            end = tok.idx + len(tok.text)   # a compound the tokenizer split ("sapeurs-pompiers")
            continue
        inside = tok.head.i == head.i or any(a.i == head.i for a in tok.ancestors)
        quote = tok.text in "«»\""
        # a common noun joins a noun only through a preposition ("atelier de couture"):
        # one right after the head is a verb the tagger misread ("la boulangerie livre")
        # (adjectives of the head may come between: "le centre social recherche …")
        # (… or right after its complement's proper name: "le SIVOM de Bruay livre …")
        after_name = doc[tok.i - 1].pos_ == "PROPN" and tok.head.i in (head.i, tok.i - 1)
        bare_noun = tok.pos_ == "NOUN" and tok.text.islower() and tok.dep_ == "nmod" \
            and (tok.head.i == head.i or after_name) \
            and not any(c.dep_ == "case" for c in tok.children) \
            and (all(t.dep_ == "amod" and t.head.i == head.i for t in doc[head.i + 1:tok.i])
                 or after_name)
        # (a word with an object or an argument of its own is a verb the tagger misread:
        # "l'épicerie manque toujours de produits")
        # (or an adverb of time or negation: "l'épicerie recherche encore …")
        predicate = any(c.dep_ in ("obj", "obl:arg", "ccomp", "xcomp")
                        or c.lower_ in _VERB_ADVERBS for c in tok.children)
        # (those it works for are no part of its name: "la cuisine centrale de Berck pour
        # les soignants")
        served = tok.lower_ == "pour" and tok.i + 1 < len(doc) and \
            doc[tok.i + 1].lower_ in ("les", "nos", "ses", "leurs", "des", "ces", "vos")
        # (a town's name the tagger took for a verb: "le Foyer rural de Bours")
        misread = tok.pos_ in ("VERB", "AUX", "NUM", "PRON") and not (
            tok.text[:1].isupper() and resolve(tok.text).level == "commune")
        if not inside or not (tok.dep_ in _NP_DEPS or quote) or bare_noun or predicate or served or \
                misread or tok.text in ",;:.()":
            break
        end = tok.idx + len(tok.text)
    if end == m.end() and (of := _OF_NAME.match(text, end)) and \
            resolve(of.group("name")).level != "commune":
        # a proper name as the head's complement, whatever the parse ("la ferme des
        # Wateringues"); a commune there is its seat, read below
        end = of.end()
    elif end == m.end() and (kind := _KIND_OF_TOWN.match(text, end)) and \
            "\n" not in kind.group() and resolve(kind.group("town")).level == "commune" and \
            not any(t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT"   # (a verb misread)
                    for t in doc if end <= t.idx < kind.start("town")):
        # a head, its activity and its town ("l'atelier couture de Villers-Châtel")
        end = kind.end()
    placed = False
    # (or right after a head of two words, "Foyer Rural de …", whatever the parse)
    if (end > m.end() or " " in m.group().strip()) and (of := _THEN_TOWN.match(text, end)) and \
            resolve(of.group("town")).level == "commune":
        # its town right after the phrase, whatever the parse hangs it on ("les agents du
        # lycée professionnel de Saint-Pol", parsed as the agents' town)
        end, placed = of.end(), True
    if (dem := _DEMONYM_ADJECTIVE.match(text, end)) and _names_town(dem.group(1), town):
        # an adjective of its town ends the name, and says its seat ("le club
        # informatique auxilois", of Auxi-le-Château)
        end, placed = dem.end(), True
    name = text[start:end].strip(" «»\"")
    if (last := re.search(r"\s([a-zà-ÿ]{3,})$", name)) and \
            _DEMONYM_ADJECTIVE.fullmatch(f" {last.group(1)}") and _names_town(last.group(1), town):
        placed = True   # the phrase ends on its town's adjective ("le Handball club héninois")
    # a preposition left dangling by a figure ("un collectif de 23 couturières"), an
    # article by an adjective's phrase ("la pharmacie la plus proche")
    name = re.sub(rf"\s+(?:de|du|des|la|le|les|au|aux)$|\s+[dl]{_A}$", "", name)
    if town is not None and (own := re.search(r"\s+de (?:notre|votre) (?:ville|commune"
                                              r"|village|bourg)$", name)):
        # the author's own town, by its possessive ("le Lions Club de notre ville")
        name, placed = f"{name[:own.start()]} {_of(town.nom)}{town.nom}", True
    if re.search(rf"(?i){_CHARITIES}", name):
        return None  # "le comité local du Secours populaire": the charity's branch
    if name.count("«") != name.count("»"):
        name = name.rstrip(" «") + (" »" if name.count("«") > name.count("»") else "")
    rest = name[m.end() - start:]
    named = bool(re.search(rf"[{_UP}0-9«\"]", rest))
    generic = not rest.strip()  # a bare head ("le club") needs its town
    if generic and m.group()[:1].islower() and not re.search(
            rf"\b(?:l[ea]s?|l{_A}|une?|du|au|aux|des|notre|nos|votre|vos|leurs?|son|sa|ses"
            rf"|ce|cet|cette)\s*$", text[max(0, m.start() - 8):m.start()], re.I):
        return None  # a noun without its determiner is a task listed ("courses, pharmacie")
    if m.group().lower() in _NAMED_ONLY and not placed and (
            not named or (_ADDRESS.match(rest) and not head.dep_.startswith("nsubj"))):
        # "un atelier", "le réseau": common nouns unless a name follows; an address is no
        # name ("dans l'atelier de la rue du Moulin" is a room), unless the room acts ("l'atelier
        # de la salle Jean-Moulin a fabriqué …")
        return None
    if not named and not placed:
        where = _seat_name(text, m.start()) or (town.nom if town else None)
        if generic and not where:
            return None
        if where and normalise_key(where) not in normalise_key(name):
            name = f"{name} {_of(where)}{where}"
        elif generic:
            return None
    kind = _org_kind(name)
    return Actor(name[0].upper() + name[1:] if kind != PUBLIC else name, kind, start, end)


# a demonym after an organisation's head (and its activity, if any: "l'atelier couture
# frugeois")
_DEMONYM_ADJECTIVE = re.compile(rf"(?:[ \t]+[a-zà-ÿ]{{3,}})?[ \t]+({_DEMONYM_WORD})\b")


_FIRM_APPOSED = re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n))([{_UP}][\w’'&-]+(?:\s+[{_UP}][\w’'&-]+){{0,3}}),"
                           rf"\s+(?:une?\s+|la\s+|l{_A})?(?:PME|TPE|entreprise|société|start-up"
                           rf"|usine|firme|fabricant|industriel|laboratoire|brasserie|distillerie)\b")
_QUOTED_APPOSED = re.compile(rf"(?:{QUOTED}),\s+(?:une?\s+|la\s+|le\s+|l{_A})"
                             rf"(?P<kind>drive|collectif|association|groupe|réseau|épicerie"
                             rf"|atelier|plateforme|boutique|entreprise|société|club|cagnotte"
                             rf"|chaîne|cellule|brigade|opération)\b", re.I)
_NOUN_OF_TOWN = re.compile(rf"\b(?:[Ll]es?|[Ll]a|[Aa]ux?|[Dd]u|[Dd]es)\s+([{_UP}][a-zà-ÿ]{{3,}}"
                           rf"(?:[ \t]+[{_UP}][a-zà-ÿ]{{3,}}){{0,2}})[ \t]+({_DEMONYM_WORD})\b")


def _subject_over(participle) -> bool:
    """The noun a participle qualifies is governed by a verb with a subject of its own."""
    noun = participle.head
    verb = noun.head
    return verb.i not in (noun.i, participle.i) and verb.pos_ in ("VERB", "AUX") and \
        any(c.dep_ in ("nsubj", "nsubj:pass") and c.i != noun.i for c in verb.children)


def _counted_by(verb) -> bool:
    """A participle qualifying a noun its figure counts ("3 200 repas préparés")."""
    return verb.pos_ == "VERB" and "Part" in verb.morph.get("VerbForm") and \
        verb.dep_.startswith("acl") and any(c.dep_ == "nummod" for c in verb.head.children)


def _names_town(word: str, town) -> bool:
    """A demonym names a commune: by the suffix rule, or, for the text's town, by
    sharing the first letters of its name (« auxilois », of Auxi-le-Château)."""
    if demonym_town(word) is not None:
        return True
    return town is not None and normalise_key(town.nom)[:3] == normalise_key(word)[:3]


def _org_kind(name: str) -> str:
    """An organisation's type from the head of its name (shops, schools, councils)."""
    if re.match(r"(?i)épiceries? (?:solidaires?|sociales?)\b", name):
        return ASSOCIATION   # a social grocery is a charity's, no shop
    return COMPANY if re.match(r"(?i)[a-zé]{3,}erie\b|entreprise|pharmacie|restaurant|supérette|supermarché"
                               r"|hypermarché|magasin"
                               r"|GAEC|coopérative|ferme|traiteur"
                               # companies' legal forms ("SCEA Delattre", "EARL du Moulin")
                               r"|(?-i:EARL|SCEA|SARL|EURL|SAS|SASU|SA|SNC|SCOP|PME|TPE)\b", name) else \
        PUBLIC if re.match(r"(?i)lycée|collège|école|classe|cuisine|service|IUT|université|mission locale"
                           r"|SIVOM|SIVU|SIVOS|SIRP|syndicat intercommunal"
                           r"|faculté|institut|médiathèque|bibliothèque|ludothèque"
                           r"|accueil de loisirs|centre de loisirs|crèche", name) else \
        LOCAL_GOV if re.match(r"(?i)conseil municipal\b|(?:mairie|ville|commune|municipalité|CCAS|CIAS"
                              r"|communauté (?:de communes|urbaine|d['’]agglomération))\b",
                              name) else ASSOCIATION


_NAME_PAIR = re.compile(rf"\b[{_UP}][a-zà-ÿ]+(?:-[{_UP}][a-zà-ÿ]+)?\s+(?:et\s+)?[{_UP}]"
                        rf"(?:[a-zà-ÿ]|[{_UP}]+\b)")


# a street, a square or a school is named after a person ("12 rue Léon Blum")
_STREET_BEFORE = re.compile(r"\b(?:rue|avenue|av\.|boulevard|bd|place|allée|impasse|chemin|square"
                            r"|quai|cours|résidence|cité|collège|lycée|école|salle|stade|espace"
                            # (a title before the name is capitalised: "rue du Docteur …")
                            r"|centre)\s+(?:du\s+|de\s+la\s+|des\s+)?(?-i:[A-ZÀ-Ý][\w.]*\s+)?$",
                            re.I)


# a venue's name opens with its kind ("Salle Jean-Moulin", "Gymnase Jean-Zay"), though
# the parse may take it for a person's
_VENUE_NAME = re.compile(r"(?:Salle|Gymnase|Stade|Espace|Complexe|Parc|Square|Place|Rue|Avenue"
                         r"|Boulevard|Résidence|Foyer|Halle|Médiathèque|Piscine)\s")


def _people(text: str, named: frozenset = frozenset()) -> list[Actor]:
    """Private persons: the parse's PER names of two words or more, or first names
    coordinated ("Paul et Jimmy"); not office holders, not speakers of a quotation
    unless the headline names them (`Context.named`: the portrait's subject speaks),
    not a signature."""
    if not _NAME_PAIR.search(text):
        return []  # no two capitalised words in a row: no parse needed
    doc = parse(text)
    ents = [e for e in doc.ents if e.label_ == "PER"]
    out, i = [], 0
    while i < len(ents):
        start, end = ents[i].start_char, ents[i].end_char
        j = i
        while j + 1 < len(ents) and re.fullmatch(r"\s+et\s+", text[end:ents[j + 1].start_char]):
            j += 1
            end = ents[j].end_char
        i = j + 1
        name = text[start:end]
        words = re.findall(rf"[{_UP}][\w’'-]+", name)
        if len(words) < 2 or not all(w[0].isupper() for w in name.split() if w != "et"):
            continue
        before, after = text[max(0, start - 30):start], text[end:end + 40]
        if re.search(rf"\b{_TITLES}\W*$", before, re.I) or \
                re.match(rf"\s*,\s*(?:\d+\s+ans\s*,\s*)?(?:l[ea]\s+|son\s+|sa\s+)?{_TITLES}",
                         after, re.I) or \
                (re.search(rf"\b{_SPEECH}\s*$", before) and not named & set(words)) or \
                re.search(r"\bbienvenue\s+(?:à|aux)\s*$", before, re.I) or \
                re.match(r"\s*(?:\(|,)?\s*[»”]", after) or _STREET_BEFORE.search(before) or \
                _VENUE_NAME.match(name):
            continue
        out.append(Actor(name, CITIZEN, start, end))
    return out


# People named by their trade or role and their town, acting together ("des maraîchers
# de Beaurainville et de Campagne-lès-Hesdin ont offert", "les couturières d'Achicourt
# cousent"): the group is the actor, its towns the places. A group governed by a
# preposition ("offerts aux infirmières de Lens") is someone else.
_TRADES = (r"maraîchers|agriculteurs|producteurs|éleveurs|commerçants|artisans|couturières"
           r"|couturiers|restaurateurs|boulangers|pharmaciens|infirmières|infirmiers|enseignants"
           r"|professeurs|parents|étudiants|lycéens|collégiens|retraités|jeunes|habitantes"
           r"|voisins|bénévoles|pompiers|agents")
_TRADE_GROUP = re.compile(
    rf"(?:^|[.,;:!?]\s*|\n)(?:\w+\s+){{0,6}}?(?P<group>(?:[Dd]es|[Ll]es|[Nn]os)\s+(?P<trade>{_TRADES})"
    # (volunteers by their trade: "les couturières bénévoles de Rety")
    rf"(?:\s+(?:bénévoles|volontaires))?"
    rf"(?:\s+(?:de|du|d{_A})\s*(?:la\s+rue\s+{PLACE}(?:\s+{PLACE})?|{_TOWN_NAME})"
    # (more towns, their "de" said again or not: "de Clairmarais, Salperwick et Serques")
    rf"(?:\s*,\s*(?:de\s+|d{_A})?{_TOWN_NAME})*"
    rf"(?:\s+et\s+(?:de\s+|d{_A})?{_TOWN_NAME})?))"
    rf"(?=\s+(?:(?:ont|a|sont|se|s{_A}|en|y|leur|lui)\b|(?:[a-zà-ÿ]+ent)\b)"
    # … or the subject of a relative clause after it ("…, qui en ont confectionné 430")
    rf"|\s*,\s*qui\s)")


# a small group of people named by what they are, acting ("un couple de retraités a
# fabriqué", "une bande de copains livre"): citizens, their town maybe after them
_SMALL_GROUP = re.compile(
    rf"(?:^|[.,;:!?]\s*|\n)(?:\w+\s+){{0,6}}?(?P<group>[Uu]ne?\s+(?:couple|groupe|famille|poignée"
    rf"|bande|équipe|duo|trio)\s+(?:de\s+|d{_A})(?P<trade>{_TRADES}|amie?s|copains|copines"
    rf"|voisines|habitants|mamans|papas|grands-parents)"
    rf"(?:\s+(?:de|du|d{_A})\s*{_TOWN_NAME})?)"
    rf"(?=\s+(?:(?:ont|a|se|s{_A}|en|y|leur|lui)\b|(?:[a-zà-ÿ]+ent?)\b)|\s*,\s*qui\s)")


# businesses a town's own voice calls its own ("nos commerçants ont offert …"), or its
# story names by their place in it ("les commerçants du marché"): the town's traders
_OUR_TRADE = re.compile(
    r"(?:^|[.,;:!?]\s*|\n)(?:\w+\s+){0,6}?(?P<group>(?:[Nn]os|(?P<the>[Ll]es))\s+"
    r"(?P<trade>maraîchers|agriculteurs"
    r"|producteurs|éleveurs|commerçants|artisans|restaurateurs|boulangers|pharmaciens"
    r"|(?:marins-)?pêcheurs)(?(the)\s+(?P<where>du marché|du centre-ville|du centre|du bourg"
    r"|du village|de la ville|de la commune)))"
    r"(?=\s+(?:(?:ont|a|sont|se|s['’]|en|y|leur|lui)\b|(?:[a-zà-ÿ]+ent)\b)|\s*,\s*qui\s)")


def _trades_of_a_town(text: str, town=None) -> list[Actor]:
    out = []
    for m in _OUR_TRADE.finditer(text) if town is not None else ():
        end = text.find("\n", m.end())
        line = text[text.rfind("\n", 0, m.start()) + 1:end if end >= 0 else len(text)]
        if len(line) < 100 and not re.search(r"[.!?…]\W*$", line):
            continue   # a headline's topic ("Nos commerçants s'organisent aussi"), not its actor
        trade = m.group("trade")
        if m.group("where") and re.search(r"ville|commune", m.group("where")):
            trade += " "   # "de la ville" is the town named below
        elif m.group("where"):
            trade += f" {m.group('where')}"
        out.append(Actor(f"{trade[:1].upper()}{trade[1:].rstrip()} {_of(town.nom)}{town.nom}", CITIZEN,
                         m.start("group"), m.end("group")))
    for m in [*_TRADE_GROUP.finditer(text), *_SMALL_GROUP.finditer(text)]:
        name = re.sub(r"^(?:[Dd]es|[Ll]es|[Nn]os|[Uu]ne?)\s+", "", m.group("group"))
        # a capitalised name after "de" must be a commune ("de la rue Carnot" names none)
        place = re.search(rf"(?:de|du|d{_A})\s*({_TOWN_NAME})", name)
        if place and resolve(place.group(1)).level != "commune":
            continue
        if re.search(r"(?i)\bcomme\s+$", text[max(0, m.start("group") - 8):m.start("group")]):
            continue   # others compared ("nous avons procédé comme nos voisins de X, qui …")
        out.append(Actor(name[:1].upper() + name[1:], CITIZEN, m.start("group"), m.end("group")))
    return out


_DEMONYM = re.compile(rf"\b(?:[Dd]es|[Ll]es|[Cc]hères|[Cc]hers)\s+([{_UP}][a-zà-ÿ]+?"
                      rf"(?:ois|ais|iens|ien|ains|ins|ons)(?:\.?e)?(?:\.?s|s)?)\b(?!\s+d)")


_INHABITANTS = re.compile(rf"\b(?:les|des|aux|nos|chez les)\s+([{_UP}][a-zà-ÿ]+(?:ois|oises|ais"
                          rf"|aises|iens|iennes|ains|aines))\b")


def _demonyms(text: str, context: Context | None) -> list[Actor]:
    """Inhabitants named after their town acting together ("des Clamartois.e.s ont
    lancé"); the town comes from the gazetteer (see `demonym_town`)."""
    out = []
    for m in _DEMONYM.finditer(text):
        after = text[m.end():m.end() + 30]
        if m.group().split()[0].lower() in ("chers", "chères") or \
                not re.match(r"\s+(?:ont|se sont|se mobilisent|[a-zà-ÿ]+ent)\b", after) or \
                re.match(r"\s+(?:sont|étaient|seront)\b", after):
            continue
        if demonym_town(m.group(1), text) is not None:
            out.append(Actor(m.group(1), CITIZEN, m.start(1), m.end(1)))
    return out


def demonym_town(word: str, text: str = "", dep: str | None = None):
    """The commune an inhabitants' name points to, when the suffix rule gives one
    commune only: the French endings -ois, -ais, -ien, -in, -on (feminine, plural,
    inclusive ".e.s" forms too) taken off, the stem tried as it is, with a final
    -e, -es or -s, or with a doubled consonant undone ("Avionnais" → Avion). A hit
    outside the département counts only when the text names that town too. Names
    that are a territory ("le Boulonnais") give no commune."""
    w = re.sub(r"\.", "", word)
    w = re.sub(r"(?:es|e|s)$", "", w) if not re.search(r"(?:ois|ais)$", w) else w
    m = re.match(r"(.+?)(?:ois|ais|ien|ienn|in|on|onn)$", w)
    if not m:
        return None
    stem = m.group(1)
    candidates = [stem, stem + "e", stem + "es", stem + "s"]
    if len(stem) > 3 and stem[-1] == stem[-2]:
        candidates.append(stem[:-1])
    hits = {}
    for c in candidates:
        r = resolve(c, dep)
        if r.code and r.level == "commune" and r.method in ("exact", "alias") and len(c) >= 3:
            if r.inside or (text and re.search(rf"\b{re.escape(r.nom)}\b", text)):
                hits[r.code] = r
    if len(hits) != 1:
        return None
    (hit,) = hits.values()
    # the compound name the text gives is the one meant: "les Maisnilois" of the
    # "Maisnil-lès-Ruitz" the page names, not Maisnil
    longer = re.search(rf"\b{re.escape(hit.nom)}-[\w’'-]+", text) if text else None
    if longer is not None and (full := resolve(longer.group(), dep)).code and \
            full.level == "commune" and full.method in ("exact", "alias"):
        return full
    return hit


def _de(linker: str) -> str:
    """"de  " -> "de ", "d’" kept as written."""
    linker = linker.strip()
    return "de " if linker == "de" else linker


@dataclass
class _Span:
    """A match-like span assembled by hand."""
    s: int
    e: int

    def start(self):
        return self.s

    def end(self):
        return self.e


# --- document context ---------------------------------------------------------

_SALUTATION = re.compile(r"^(?:(?:(?:Mes|Nos|Très)\s+)?(?:Chers?|Chères?|Madame|Monsieur|Mesdames|Messieurs|Bonjour"
                         r"|Bonsoir)\b[^.!?]{0,80}[,!]|Madame,? Monsieur,?)$")
_SIGNATURE = re.compile(rf"(?i)\b(?:le|la|votre|vos)\s+{_TITLES}\b|^{_TITLES}\b|\bhôtel de ville\b"
                        rf"|\b{_TITLES}\s+(?:de|d{_A}|du)\s*(?-i:[{_UP}])")
_CLOSING = re.compile(r"^(?:Bien (?:fidèlement|cordialement|à vous)|Cordialement|Avec [^.]{0,40},"
                      r"|Fidèlement|Amitiés|Prenez soin de vous[^.]*)[.,!]?$", re.I)
_TOWN_NAMED = (rf"\s*(?:de\s+|d{_A}|du\s+|–\s*\d{{5}}\s+|-\s*\d{{5}}\s+)"
               rf"({PLACE}(?:[\s-]+(?:(?:sur|sous|en|la|le|les|de|du|lès|aux?)"
               rf"[\s-]+)*[{_UP}][\w’'-]*)*)")
_TOWN_OWN = re.compile(r"\b(?:[Vv]ille|[Cc]ommune|[Mm]airie|[Mm]aire|[Hh]ôtel de ville)"
                       + _TOWN_NAMED)
_SHOUTED_TOWN_OWN = re.compile(rf"\W*(?:VILLE|COMMUNE|MAIRIE)\s+(?:DE\s|D{_A}|DU\s)")


def _letterhead(text: str) -> str:
    """A town's letterhead in capitals ("COMMUNE DE FRUGES") as its name is written."""
    return _title_case(text) if _SHOUTED_TOWN_OWN.match(text) else text
# the town's council named in a lead, in a text that speaks as the town ("la municipalité
# de Meurchin a choisi …" over "notre commune")
_MUNICIPALITY = re.compile(r"\b[Mm]unicipalité" + _TOWN_NAMED)
_TOWN_PAGE = re.compile(r"(?i)actualités municipales|site (?:officiel )?de (?:la|votre|notre) (?:ville|commune)"
                        r"|le mot du maire"
                        r"|\bvotre maire\b|\ble maire\b|\bla municipalité\b(?!\s+(?:de|d['’])\s*(?-i:[A-ZÀ-Ý]))|\bélus\b"
                        r"|\bnos agents\b|\bconseil municipal\b|\bconseillers municipaux\b")


# A town speaking of itself in the first person.
_OWN_VOICE = re.compile(r"(?i)\b(?:notre (?:commune|ville|village|municipalité)|nos agents"
                        r"|nos services municipaux|votre maire|(?:chers|mes) concitoyens"
                        r"|chers administrés|nos (?:quelque |près de |plus de )?"
                        r"(?:\d[\d\s\u00a0\u202f]*\s)?habitants)\b")


def document_context(release: Release, blocks: list[Block], dep: str,
                     heads: dict | None = None) -> Context:
    """The town and actor a text names in its title, first blocks and signature.

    A town's page, letter or bulletin names its institution ("Ville de Liévin",
    "Le Maire de Lens", "Hôtel de ville – 62230 Outreau", "la lettre de la
    Communauté de communes du Ternois"); a post names its association in its title
    (« Les Doigts de Fée »); a place alone on a header line ("📍 Liévin", a
    hashtag) or a salutation to the inhabitants ("Chères Avionnaises") gives the
    town.
    """
    # (a header's parts may be set apart by a middle dot: "SAINT-GEORGES · Le site de
    # votre commune", as by a dash)
    title = re.sub(r"\s+·\s+", " – ", release.title or "")
    # a bulletin's town sections (see `town_heads`) say nothing of the whole
    heads = town_heads(blocks, dep) if heads is None else heads
    firsts = [b.text for b in blocks[:3] if len(b.text) <= 300 and b.start not in heads]
    lasts = [b.text for b in blocks[-4:] if b.role == "signature" or len(b.text) <= 100]
    header = [title] + firsts
    ctx = Context()
    own = False
    # a post's header names its author and its town ("Fil Rouge – Lumbres"): a town
    # hall its paragraphs name is a partner, not the text's voice
    tail = _tail_towns(title, dep)
    if not tail and firsts and (dated := _DATE_THEN_TOWN.fullmatch(firsts[0])):
        # (or the post's dated line under it, its date then its town: "Les Petites Mains"
        # over "Publication du 2 mai 2020 · Saint-Léonard")
        tail = _town_list(dated.group("town").strip(), dep, r"\s*(?:&|,|/|\bet\b)\s*")
    author = _title_actor(title, towns_after=True) if tail else None
    voices = [title] + lasts if author is not None and author.type != LOCAL_GOV \
        else header + lasts
    letterhead = [title] + firsts[:1]
    if any(_EPCI.search(t) or _INTERCOMMUNAL.search(t) for t in letterhead):
        # an intercommunality's letterhead is the voice: the mandate its president signs
        # with ("président de la Communauté de communes, maire d'Héricourt") is his own
        # (the letterhead's second line too: "LE FIL DU PAYS" over "Bulletin de la
        # Communauté de communes du …")
        voices = letterhead
    for text in map(_letterhead, voices):
        m = _TOWN_OWN.search(text)
        # (a town hall as a complement of place is where to go, not the voice)
        if m and not _as_complement(text[:m.start()]):
            r = _resolve_name(m.group(1), dep)
            if r.code and r.level == "commune":
                ctx.town, own = r, True
                break
    if ctx.town is None and (site := _site_town(title, dep)) is not None:
        ctx.town, own = site, True
    if ctx.town is None and _OWN_VOICE.search(release.body):
        # a town's letter is dated from its town hall ("Hersin-Coupigny, le 4 mai 2020")
        # or greets its inhabitants ("Chers habitants d'Avesnes-le-Comte,"); a
        # prefecture's release is dated from its seat, not from the places it reports
        greetings = [m.resolution for text in header + lasts if _SALUTATION.match(text)
                     for m in find_places(text, dep)]
        dated = [resolve(release.dateline, dep)] if release.dateline else []
        council = [_resolve_name(m.group(1), dep) for text in firsts
                   for m in _MUNICIPALITY.finditer(text)]
        ctx.town = next((r for r in dated + greetings + council
                         if r.code and r.level == "commune" and r.inside), None)
        if ctx.town is None:
            # a text speaking as its town names its own people in its lead ("Notre
            # ville … ce que les Avionnais ont accompli")
            ctx.town = next((r for text in firsts for m in _INHABITANTS.finditer(text)
                             if (r := demonym_town(m.group(1), release.body, dep)) is not None
                             and r.inside), None)
        own = ctx.town is not None
    if ctx.town is None:
        ctx.towns = tail or _located_towns(firsts, dep)
        ctx.town = ctx.towns[0] if ctx.towns else None
    if ctx.town is None:
        # the speaker's own site in its lead ("dans notre atelier de Marles-sur-Canche")
        # is where the text happens, and its author's seat
        ctx.towns = [m.resolution for text in firsts for seat in _OUR_SEAT.finditer(text)
                     for m in find_places(text[seat.end():seat.end() + 60], dep)[:1]
                     if m.start == 0 and m.resolution.level == "commune"
                     and m.resolution.inside][:1]
        ctx.town = ctx.towns[0] if ctx.towns else None
    if ctx.town is None:
        # (… or the article's dateline opening its first paragraph: "VITRY-EN-ARTOIS. Ils
        # ne pouvaient plus …")
        opening = [d.group() for d in [_BODY_DATELINE.match(blocks[0].text if blocks else "")] if d]
        ctx.town = next((town for text in [title] + opening + [t for t in lasts if "#" in t]
                         if (town := _headline_town(text, dep, title + "\n" + release.body))
                         is not None), None)
    # the title, or the headline under a rubric in capitals ("PAYS DE LUMBRES" over "À
    # Nielles, le drive …")
    titles = [title] + [b.text for b in blocks[:1] if not _ENDS_SENTENCE.search(b.text)
                        and len(b.text) <= 120 and "\n" not in b.text
                        and title.upper() == title and len(title.split()) <= 5]
    if ctx.town is None:
        for text in [title] + [t for t in firsts + lasts if len(t) <= 80]:
            for word in re.findall(rf"[{_UP}][\w.]+", text):
                if re.search(rf"(?i)\b(?:du|au)\s+{re.escape(word)}\b", text):
                    continue   # a territory named after its town ("Pays du Montreuillois")
                # (a title in capitals: "DES MASQUES POUR TOUS LES GUÎNOIS"; its people,
                # plural after their article, not a territory: "DU MONTREUILLOIS")
                word = word.capitalize() if word.isupper() and len(word) > 3 and re.search(
                    rf"\b(?:LES|AUX|DES|CHERS|CHÈRES)\s+{re.escape(word)}\b", text) else word
                r = demonym_town(word, release.body, dep) if re.search(
                    r"(?:ois|ais|ien|in|on)(?:\.?e)?(?:\.?s)?$", word) else None
                # a greeting, or a headline whose subject is a town's people
                # ("Don du sang : les Carvinois ont répondu présent")
                if r is not None and (re.match(r"(?i)ch[eè]re?s?\b", text)
                                      or _SALUTATION.match(text) or text == title):
                    ctx.town = r
                    break
            if ctx.town is None:
                # A place alone on a header line ("📍 Liévin", hashtags), or opening
                # the title ("Calais : ...", "À Lens, ..."); a place inside a
                # sentence of the lead is only mentioned.
                for p in find_places(text, dep):
                    r = p.resolution
                    if r.level != "commune" or not r.inside:
                        continue
                    rest = re.sub(r"[^\w\s]|\b(?:[àÀAa]|solidarité|masques?)\b", " ",
                                  text[:p.start] + text[p.end:])
                    # (a post's date beside it is no word of the line: "Publication du 2
                    # mai 2020 · Saint-Léonard"; a release dated from its seat, "Arras, le
                    # 9 avril 2020", is dated, not located)
                    if re.search(r"(?i)\b(?:publi\w*|posté\w*|mis en ligne)\b", text):
                        rest = _POSTED.sub(" ", rest)
                    opening = re.match(r"\W*(?:[ÀA]\s+)?$", text[:p.start]) and \
                        re.match(r"\s*(?:[:,–-]|$)", text[p.end:])
                    # … or opening the clause after the title's topic ("Confinement :
                    # Marœuil se serre les coudes"), its subject or its scene
                    opening = opening or re.match(r"[^:\d]{3,40}\s:\s*(?:[ÀA]\s+)?$",
                                                  text[:p.start])
                    if len(rest.split()) <= 2 or (text in titles and opening):
                        ctx.town = r
                        break
            if ctx.town is not None:
                break
    whole = " ".join(header + lasts)
    # an intercommunality's bulletin names it in its header: it speaks, not the town of
    # its footer's address, unless the header names that town's own hall
    epci = next((m for text in header if (m := _EPCI.search(text))), None)
    # the text's town acts as an institution when its header speaks of the town hall,
    # or when the text speaks as the town ("nos quelque 14 000 habitants")
    if ctx.town is not None and (own or (epci is None and (
            _TOWN_PAGE.search(whole) or _OWN_VOICE.search(release.body)))):
        # (the word its letterhead gives it first: "VILLE DE WINGLES")
        said = [m.group().split()[0].capitalize() for text in map(_letterhead, header)
                if (m := _TOWN_OWN.search(text)) and not re.match(r"(?i)maire|hôtel", m.group())]
        word = (said[0] if said else None) or _own_word(release.body) or (
            m.group().split()[0].capitalize() if (m := _TOWN_OWN.search(whole)) and not
            re.match(r"(?i)maire|hôtel", m.group()) else "Ville")
        nom = ctx.town.nom
        ctx.institution = Actor(f"{word} {_of(nom)}{nom}", LOCAL_GOV, 0, 0)
    for text in header:
        # a letterhead in capitals, its commas included ("… DE BÉTHUNE-BRUAY, ARTOIS-LYS ROMANE")
        # (after a pictograph: "🌊 L'AGGLO DES BAIES …")
        shout = re.match(rf"[^\w«\"]*((?:[{_UP}’'-]+,?(?:\s+|$))+)", text)
        shouted = _title_case(shout.group(1).strip(" ,")) \
            if shout and len(shout.group(1).split()) >= 3 else ""
        m = _EPCI.search(text) or (_EPCI.search(shouted) if shouted else None)
        if m and ctx.institution is None:
            # a name with a comma is whole when the gazetteer knows it so
            whole = resolve(shouted, dep) if shouted.startswith(m.group()) else None
            ctx.institution = Actor(whole.nom if whole is not None and whole.level == "epci"
                                    and whole.method == "exact" else _epci_name(m),
                                    LOCAL_GOV, 0, 0)
            break
    if ctx.institution is None:
        # an intercommunal syndicate's letterhead ("SIVU DU PAYS DE LA CLARENCE",
        # "Syndicat mixte du …") names it: a public body of several communes
        ctx.institution = next((Actor(_syndicate_name(m.group(1), m.group(2)), PUBLIC, 0, 0)
                                for text in letterhead if (m := _SYNDICATE.match(text))), None)
    tops = [title] + [t for t in firsts if len(t) <= 80]
    if ctx.institution is None and (_OWN_EPCI.search(release.body)
                                    or any(_INTERCOMMUNAL.search(t) for t in tops)):
        ctx.institution = _titled_epci(tops, dep)
    ctx.actor = ctx.institution or _title_actor(title, towns_after=bool(tail)) or \
        _named_header(title, firsts) or \
        _author(firsts) or _signer(blocks)
    if ctx.town is None and ctx.actor is not None and firsts and _LEGAL_FORM_LINE.match(firsts[0]):
        ctx.town = next(iter(_tail_towns(firsts[0], dep)), None)   # "… – Villers-lès-Cagnicourt"
    headlines = [b.text for b in blocks[:2] if len(b.text) < 150 and not _ENDS_SENTENCE.search(b.text)]
    ctx.named = frozenset(w for text in [title] + headlines
                          for w in re.findall(rf"(?<=\s)[{_UP}][a-zà-ÿ’'-]+", text))
    return ctx


# A speaker's own site, then its town: "notre atelier de", "nos locaux à"
_OUR_SEAT = re.compile(rf"(?i)\b(?:notre|nos)\s+(?:atelier|local|locaux|siège|entrepôt|usine"
                       rf"|cuisine|boutique|magasin|permanence|épicerie)s?\s+"
                       rf"(?:de\s+|d{_A}\s*|à\s+|sur\s+)")


# A header calling the text intercommunal ("La lettre intercommunale"): its territory's
# intercommunality publishes it
# (or communautaire, the adjective of its "communauté": "INFOS COMMUNAUTAIRES")
_INTERCOMMUNAL = re.compile(r"\b(?:intercommuna(?:l|le|les|ux)|communautaires?)\b", re.I)
# An intercommunality speaking of itself without its name ("la Communauté de communes a
# commandé…", "votre communauté de communes", or by its usual short name, "l'Agglo",
# "l'agglomération")
_OWN_EPCI = re.compile(rf"(?:\b(?i:la|votre|notre)\s+(?i:communauté (?:de communes|urbaine"
                       rf"|d{_A}agglomération)|intercommunalité)|\b[Ll]{_A}[Aa]gglo(?:mération)?)\b"
                       rf"(?!\s+(?:de|du|des|d{_A})\s*[{_UP}])")


# A syndicate of communes by its legal form: "syndicat intercommunal à vocation
# multiple / unique" (SIVOM, SIVU), "syndicat mixte", then its name
# (its newsletter's title may name it, its name after a dash: "LA LETTRE DU SIVOM –
# Communauté du Bruaysis")
_SYNDICATE = re.compile(r"\W*(?:(?i:(?:la\s+|le\s+)?(?:lettre|journal|bulletin|gazette|infos?)\s+"
                        r"(?:du|de la|de l['’])\s*))?"
                        r"(SIVOM|SIVU|SIVOS|(?i:syndicat (?:intercommunal|mixte)))\b\s*(?:[–—-]\s*)?"
                        r"([^\n:–—|]{3,70}?)\s*(?:[:–—|]|$)")


def _syndicate_name(form: str, rest: str) -> str:
    form = form if form.isupper() and len(form) <= 5 else form.capitalize()
    rest = _title_case(rest) if rest.isupper() else rest
    return f"{form} {rest}".strip()


def _titled_epci(lines: list[str], dep: str) -> Actor | None:
    """The intercommunality a bulletin's title names by its territory ("La lettre du
    Pays de Lumbres", "Ternois infos"): one EPCI, or a territory made of one EPCI."""
    for line in lines:
        for m in find_places(line, dep):
            r = m.resolution
            if r.level == "epci" and r.nom:
                return Actor(r.nom, LOCAL_GOV, 0, 0)
            if r.level == "territoire":
                t = territories.territories(dep)
                row = t[(t.code == r.code) & (t.definition_level == "epci")]
                if len(row) == 1 and len(row.iloc[0].members) == 1:
                    epci = reference.epci(dep)
                    names = epci.loc[epci.code == row.iloc[0].members[0], "nom"]
                    if len(names) == 1:
                        return Actor(names.iloc[0], LOCAL_GOV, 0, 0)
    return None


_SMALL_WORDS = {"de", "du", "des", "la", "le", "les", "en", "sur", "sous", "et", "aux", "au"}


def _title_case(text: str) -> str:
    """A heading in capitals as names are written ("COMMUNAUTÉ DE COMMUNES DU TERNOIS"
    → "Communauté de communes du Ternois"): a letterhead shouts its institution's name."""
    # (each part of a compound too: "BÉTHUNE-BRUAY" → "Béthune-Bruay")
    words = re.split(r"(\s+|-)", text.lower())
    out = [w if w in _SMALL_WORDS or not w.strip() or w == "-" else w[:1].upper() + w[1:]
           for w in words]
    text = re.sub(r"\b([ldLD])['’](\w)", lambda m: f"{m.group(1).lower()}'{m.group(2).upper()}",
                  "".join(out))
    # a legal form keeps its lower-case words ("Communauté de communes")
    return re.sub(r"\bcommunauté (?:urbaine|de communes|d['’]agglomération)",
                  lambda m: m.group()[:1].upper() + m.group()[1:].lower(), text, flags=re.I)


def _resolve_name(name: str, dep: str):
    """A place name as captured, or without the capitalised words that may follow it
    on a line ("Maire de Fressin Le 22 avril" → "Fressin")."""
    words = name.split()
    for n in range(len(words), 0, -1):
        r = resolve(" ".join(words[:n]), dep)
        if r.code:
            return r
    return resolve(name, dep)


# A web page's header opens with its site's address ("marck.fr › Vie municipale",
# "www.ville-lumbres.fr / Actualités"): a town's own site is named after the town.
_SITE = re.compile(r"\s*(?:https?://)?(?:www\.)?(?:(?:ville|mairie|commune)-)?(?P<name>[a-z0-9-]+)"
                   r"\.(?:fr|com|org|net|eu)\b", re.I)


def _site_town(title: str, dep: str):
    m = _SITE.match(title)
    if m is None:
        return None
    for name in (m.group("name"), m.group("name").replace("-", " ")):
        r = resolve(name, dep)
        if r.code and r.level == "commune" and r.inside and r.method in ("exact", "alias"):
            return r
    return None


def _tail_towns(title: str, dep: str) -> list:
    """The towns an author line or a title ends with, after a dash ("Les Liens du
    Cœur – Wingles & Douvrin", "Mairie | Liévin"): each part must be a commune."""
    # a press masthead ends with its edition's date ("L'Écho — Calais — jeudi 16 avril")
    # (a post's date after its town goes: "Main dans la Main — Hucqueliers Publié le 2 mai")
    parts = [p for p in re.split(r"\s[–—|-]\s", title)
             if not _DATED.search(_DATE_TAIL.sub("", p) if p[:1].isupper() else p)]
    parts[-1:] = [_DATE_TAIL.sub("", p) for p in parts[-1:]]
    if len(parts) < 2:
        return []
    # a local branch is named by its town ("Secours populaire – antenne de Vimy")
    last = re.sub(rf"^(?i:antenne|comité|section|unité locale|délégation|permanence)\s+"
                  rf"(?:de\s+|d{_A})", "", parts[-1].strip())
    # or by what it does there ("Fil'Oye – couture solidaire à Oye-Plage")
    last = re.sub(rf"^[a-zà-ÿ][^{_UP}]*\s(?:à|sur)\s+(?=[{_UP}])", "", last)
    # a town and its surroundings ("Fauquembergues et environs") is that town's
    last = re.sub(r"\s+et (?:ses |leurs )?(?:environs|alentours)$", "", last)
    return _town_list(last, dep, r"\s*(?:&|,|/|\bet\b)\s*")


def _town_list(text: str, dep: str, separator: str) -> list:
    """The communes a list of names is, when each of its parts is one; else none."""
    towns = []
    for name in re.split(separator, text.strip()):
        r = resolve(name, dep) if name else None
        if r is None or not (r.code and r.level == "commune" and r.inside
                             and r.method in ("exact", "alias")):
            return []
        towns.append(r)
    return towns


# A post's location line lists the towns it is about, one symbol apart ("📍 Wimereux ·
# Le Portel · Équihen-Plage").
_LOCATED = re.compile(r"^[\W\d_]*?(?:📍|📌)\s*(?P<towns>.+)$")


def _located_towns(lines: list[str], dep: str) -> list:
    for text in (line for block in lines for line in block.splitlines()):
        m = _LOCATED.match(text)
        towns = _town_list(m.group("towns"), dep, r"\s+[–—-]\s+|\s*[·•|/,&]\s*|\s+et\s+") if m else []
        if len(towns) >= 2:
            return towns
    return []


_FRAME = re.compile(r"^[\s—–=*#■▪▸►▶▷➤➔→◆●•|~_-]+|[\s—–=*#■▪▸►▶◀▷➤➔←◆●•|~_-]+$")


# The small words a title in capitals may leave in lowercase.
_LINKING = re.compile(r"(?<![^\W\d_])(?:et|de|du|des|la|le|les|sur|sous|lès|lez|en|aux?|à)"
                      r"(?![^\W\d_])")


_FIGURE_ROW = re.compile(r"\S\s*(?::|\s[—–-])\s*\d[\d\s\u202f.,]*$")


def town_heads(blocks: list[Block], dep: str) -> dict:
    """Headings that are a commune's name alone, or open with it before a colon or a dash
    ("■ Berck : des visières…"), or name several together ("LEFOREST / ÉVIN-MALMAISON"),
    by block start, with their communes (the section's first), when they name at least
    two towns: a release's or a bulletin's sections."""
    heads = {}
    series: dict[str, list[int]] = {}   # the headings under each list mark ("■")
    for b in blocks:
        # a line in capitals, framed by rules or not ("——— BAPAUME ———"), may give the
        # town's size ("ACQUIN (833 habitants)")
        bare = _FRAME.sub("", re.sub(r"\s*\([^)\n]*\)$", "", b.text))
        # a line in capitals alone in its block is a heading, whatever its length beside
        # the next block's
        # (its linking words may stay small: "OIGNIES et LIBERCOURT", "BERCK-sur-MER")
        loud = _LINKING.sub(" ", bare)
        shouting = "\n" not in bare and loud.upper() == loud and bare.lower() != bare
        if _FIGURE_ROW.search(b.text):
            continue   # a town's row of figures ("• Brêmes : 52"): data, no section's head
        # (a marked line opening on towns in capitals before a dash heads their section,
        # whatever its length beside its card's: "▶ AVION / MÉRICOURT — Devoirs à distance")
        towns_first = bool(BULLET.match(b.text)) and "\n" not in b.text and not _FIGURE.search(b.text) \
            and bool(_CAPITAL_TOWNS_DASH.match(_strip_bullet(b.text)))
        if b.role in ("heading", "headline") or shouting or towns_first:
            if (mark := BULLET.match(b.text)):
                series.setdefault(mark.group().strip(), []).append(b.start)
            name = (bare if shouting else _strip_bullet(b.text)).strip().rstrip(":").strip()
            if towns_first and not shouting:
                name = re.split(r"\s+[—–]\s+", name, maxsplit=1)[0]   # its towns, before the dash
            r = resolve(name, dep) if 0 < len(name.split()) <= 6 else None
            joint = _joint_towns(name, dep)
            if r is not None and r.code and r.level == "commune" and r.inside and \
                    r.method in ("exact", "alias"):
                heads[b.start] = [r]
            elif joint:
                heads[b.start] = joint
            elif (towns := _opening_towns(_strip_bullet(b.text).strip(), dep)):
                heads[b.start] = towns
    for starts in series.values():
        # headings under one mark are of one sort: when most name no town ("■ AIDE
        # ALIMENTAIRE", "■ LIEN SOCIAL"), one that reads as a town names a theme ("■
        # COUTURE")
        if len(starts) >= 3 and 2 * sum(start in heads for start in starts) < len(starts):
            for start in starts:
                heads.pop(start, None)
    # (a heading naming two towns together is already a section's: "AVION et MÉRICOURT")
    return heads if sum(len(towns) for towns in heads.values()) >= 2 else {}


_CAPITAL_TOWNS_DASH = re.compile(rf"[{_UP}][{_UP}'’ /-]{{2,}}(?=\s+[—–]\s+\S)")


def _joint_towns(name: str, dep: str) -> list:
    """The communes a heading names together ("LEFOREST / ÉVIN-MALMAISON", "Ames et
    Amettes"): a section shared by several towns; [] unless every part is one."""
    parts = re.split(r"\s+(?:/|(?i:et)|&|-)\s+|\s*/\s*|\s*,\s*", name)
    if len(parts) < 2 or len(parts) > 4:
        return []
    towns = [resolve(p, dep) for p in parts]
    if all(r.code and r.level == "commune" and r.inside and r.method in ("exact", "alias")
           for r in towns):
        return towns
    return []


# what a heading opens with before a colon or a dash ("Marquise : …", "Lens – …")
_OPENING = re.compile(r"\s*([^\W\d][^:–—|]{1,80}?)\s*[:–—|]\s")


def _opening_towns(title: str, dep: str) -> list:
    """The communes a heading opens with before a colon or a dash, one or several
    ("Wavrans-sur-l'Aa et Esquerdes – Les Savons de l'Aa"), else the one of
    `_headline_town`."""
    opening = _OPENING.match(title)
    towns = _towns_only(opening.group(1), dep) if opening else []
    if towns:
        return towns
    r = _headline_town(title, dep)
    return [r] if r is not None else []


def _named_after_towns(title: str, dep: str) -> str | None:
    """A heading naming its towns, then after a dash who acts ("● Lumbres – Aa Couture"),
    as a list's entry does: the heading without its mark; None when what follows the dash
    is a sentence ("Marquise – Les élus se mobilisent") or no name."""
    text = _strip_bullet(title).strip()
    m = re.match(rf"(.{{1,80}}?)\s+[–—-]\s+([{_UP}«].{{1,60}})$", text)
    if m is None or not _towns_only(m.group(1), dep):
        return None
    # a name: an organisation's head, or capitalised words but for linking ones ("Aa
    # Couture", "Les Savons de l'Aa"), not a topic ("Des masques pour tous")
    words = re.findall(r"[\w’'-]+", re.sub(rf"^(?:Les?|La|L{_A})\s*", "", m.group(2)))
    if not (_ORG_HEAD.match(m.group(2)) or all(
            w[:1].isupper() or w.lower() in _SMALL_WORDS or re.match(rf"[dl]{_A}", w)
            for w in words)):
        return None
    return text


# an actor's words that hold its proper name ("le club « Fil et Aiguille »", "la
# supérette Proxi"), not a bare head ("la supérette")
_NAMED_SPAN = re.compile(rf"[«\"]|\s[{_UP}]")


def _told_before(text: str, drafts: list[_Draft], context) -> _Draft | None:
    """The draft of the organisation a line names as its subject, when one was read
    before under that very name, or its proper name in quotes ("Les Paniers d'Aubigny"
    for « Les Paniers d'Aubigny », a drive's)."""
    actor = find_actor(text, context)
    if actor is None or actor.type == LOCAL_GOV:
        return None

    def keys(name: str) -> set[str]:
        return {normalise_key(name)} | {normalise_key(q) for q in re.findall(r"«\s*([^»]+?)\s*»", name)}

    own = keys(actor.name)
    return next((d for d in reversed(drafts) if keys(d.actor.name) & own), None)


def _referred_back(text: str, actor: Actor | None, drafts: list[_Draft]) -> Actor | None:
    """A bare head ("responsable du club") stands for the last organisation of that
    head the text named ("le club informatique Izel Clic"), not a new one of its town;
    "le collectif", "du club", for a group named just before by a name without a head."""
    if actor is None:
        return None
    bare = re.sub(rf"^(?:(?:l[ea]s?|du|des|au|aux)\s+|l{_A})", "", text[actor.start:actor.end],
                  flags=re.I)
    if not _ORG_HEAD.fullmatch(bare):
        return actor
    head = normalise_key(bare)
    named = next((d.actor for d in reversed(drafts)
                  if normalise_key(d.actor.name).startswith(head)
                  and _NAMED_SPAN.search(d.actor.name)), None)
    if named is None and head in ("collectif", "groupe", "club") and \
            (re.search(r"(?i)\b(?:le|du|au)\s+$", text[max(0, actor.start - 4):actor.start])
             or re.match(r"(?i)(?:le|du|au)\s", text[actor.start:actor.end])):
        # "le collectif" said of a group just named by a name of its own ("les Petites
        # Mains wingloises"): the definite article points back to it
        named = next((d.actor for d in reversed(drafts[-2:]) if d.actor.type in (ASSOCIATION, CITIZEN)
                      and not _ORG_HEAD.search(d.actor.name) and _NAMED_SPAN.search(d.actor.name)),
                     None)
    return Actor(named.name, named.type, actor.start, actor.end) if named else actor


def _names_its_bearer(title: str) -> bool:
    """Whether a town's heading names an organisation by its proper name after the town
    ("Beussent : le club « Fil et Aiguille » au rendez-vous"), not only a topic
    ("Verton : personne n'est oublié") or the town's own council."""
    actor = find_actor(title)
    return actor is not None and actor.type != LOCAL_GOV and \
        bool(_NAMED_SPAN.search(title[actor.start:actor.end]))


# a press article's dateline run into its first paragraph: the town in capitals, a full
# stop, then the first sentence
_BODY_DATELINE = re.compile(rf"[{_UP}][{_UP}’' -]{{1,40}}?\.\s(?=[{_UP}][a-zà-ÿ])")
_DATE_THEN_TOWN = re.compile(r"[^·–—|\n]*\b(?:19|20)\d\d\s*[·–—|]\s*(?P<town>[^·–—|\d\n]{2,40})")
_POSTED = re.compile(rf"(?i)\b(?:publi\w*|posté\w*|mis en ligne|le|du|{'|'.join(MONTHS)}|\d+)\b")


def _headline_town(title: str, dep: str, text: str = ""):
    """The town a headline opens with ("Marquise : un bel élan …", "Lens – …"), or one a
    hashtag glues together ("#AireSurLaLys"), resolved exactly in the gazetteer."""
    opening = _OPENING.match(title)
    candidates = [opening.group(1)] if opening else []
    # a press article's dateline: its town in capitals, then a full stop ("LENS. …"),
    # or alone on the article's first line, over its headline (the kicker, "AVION")
    dateline = re.match(rf"\s*([{_UP}][{_UP}’' -]{{1,40}}?)(?:\.\s|\s*$)", title)
    candidates += [dateline.group(1)] if dateline else []
    # (a hashtag that is also a word is the word: "#couture"; capitalised, as hashtags
    # are, it is the town only when the `text` names it so outside hashtags: "#Avion"
    # under "US Avion Football", not "#Couture" alone)
    candidates += [re.sub(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Ý])", "-", tag)
                   for tag in re.findall(r"#(\w{4,})", title)
                   if fold(tag) not in AMBIGUOUS or (not tag.islower() and re.search(
                       rf"(?<!#)\b{re.escape(tag)}\b", text))]
    for name in candidates:
        r = resolve(name, dep)
        if r.code and r.level == "commune" and r.inside and r.method in ("exact", "alias"):
            return r
    return None


# An association's post names its author in its lead: "Petit point de l'équipe des
# « Bobines de la Lys »", "Les bénévoles de « Fil rouge » vous remercient".
_AUTHOR = re.compile(rf"\b(?:équipe|association|asso|collectif|groupe|club|bénévoles|membres)"
                     rf"\s+(?:des\s+|du\s+|de la\s+|de l{_A}|de\s+|d{_A})?(?:{QUOTED})", re.I)


def _author(lead: list[str]) -> Actor | None:
    for text in lead:
        m = _AUTHOR.search(text)
        if m:
            return Actor(_quoted(m, 1), ASSOCIATION, 0, 0)
    return None


def _signer(blocks: list[Block]) -> Actor | None:
    """The author a text signs with on its last line (see `_SIGNED`)."""
    m = _SIGNED.match(blocks[-1].text) if blocks and blocks[-1].role == "signature" else None
    # (a list's last line, marked as the ones above it, signs nothing: "- Fruges" then
    # "- Vélu")
    if m is None or (len(blocks) > 1 and blocks[-2].text[:1] == blocks[-1].text[:1]):
        return None
    name = m.group("name").strip()
    found = find_actor(name)
    return found if found is not None and found.start == 0 else Actor(name, _org_kind(name), 0, 0)


def _own_word(body: str) -> str | None:
    """How the text names its town's institution: "la Ville", "la mairie", "notre commune"."""
    m = re.search(r"\b(?:la|notre) (ville|mairie|commune)\b(?!\s+(?:de|d['’])\s*[A-Z])", body,
                  re.I)
    return {"ville": "Ville", "mairie": "mairie", "commune": "Commune"}[m.group(1).lower()] \
        if m else None


_DATED = re.compile(rf"\b\d{{1,2}}(?:er)?\s+(?:{'|'.join(MONTHS)})\b", re.I)
# a post's author line is followed by its date ("Les Fées Main de X 11 mai 2020")
_DATE_TAIL = re.compile(rf"\s+(?:(?:publié|posté|mis en ligne)e?\s+)?(?:le\s+)?\d{{1,2}}(?:er)?\s+(?:{'|'.join(MONTHS)})\b.*$", re.I)


# a newspaper's name by the words papers are named with, then its edition after a dash
_MASTHEAD = re.compile(r"(?:L[ea]\s+|L['’]\s*|Les\s+)?(?:Petit\s+|Nouvel\s+)?(?:Courrier|Voix|Écho"
                       r"|Journal|Gazette|Nouvelles?|Observateur|Avenir|Indépendant|Réveil|Semaine"
                       r"|Phare|Hebdo|Quotidien|Abeille|Républicain|Progrès|Dépêche|Presse"
                       r"|Messager|Informateur|Éclaireur|Sémaphore)\b[^–—|]{0,40}\s[–—|-]\s")


# a header's line giving an organisation's legal form and maybe its town ("Association
# d'entraide – Villers-lès-Cagnicourt")
_LEGAL_FORM_LINE = re.compile(r"(?i)\W*(?:association|collectif|club|comité|amicale|fédération"
                              r"|foyer rural)\b[^\n.!?]{0,80}$")


def _named_header(title: str, firsts: list[str]) -> Actor | None:
    """A name in capitals over the line of its legal form ("LE RELAIS DES VILLAGES" over
    "Association d'entraide – …") is the text's author: the shout is its letterhead."""
    name = title.strip()
    if not name or name.upper() != name or not 2 <= len(name.split()) <= 8 or not firsts \
            or not _LEGAL_FORM_LINE.match(firsts[0]) or re.search(r"\d", name):
        return None
    kind = _KEYWORD_TYPES.get(re.sub(r"\W", "", firsts[0].split()[0].lower()), ASSOCIATION)
    name = _title_case(name)
    return Actor(name[:1].upper() + name[1:], kind, 0, 0)


def _title_actor(title: str, towns_after: bool = False) -> Actor | None:
    """An association's post or an article about one names it in its title: a quoted
    name, a legal form and a name, or a title that is a name (no verb). `towns_after`:
    the title ends with its towns after a dash, an author line's shape."""
    # (a post's header: the account's name, then its handle and the date, "@ES_Samer · 20 avr.")
    title = re.sub(r"\s@\w+\b.*$", "", title)
    if _SITE.match(title):
        return None   # a site's address and its path name no one
    handle = re.fullmatch(r"@?([a-zà-ÿ]+(?:[._][a-zà-ÿ0-9]+)+)", title.strip())
    if handle:
        # an account's handle alone joins its name's words ("collectif_opale_solidaire")
        title = _title_case(" ".join(re.split(r"[._]", handle.group(1))))
        title = title[:1].upper() + title[1:]
    clean = re.sub(r"[^\w\s«»\"'’,:;.!?–—-]", " ", title).strip()
    if len(re.split(r"\s[–—|-]\s", title)) > 2 and _DATED.search(title):
        return None  # a press masthead: paper — edition — date
    if _MASTHEAD.match(clean):
        return None  # a paper's name over its edition ("Le Courrier de l'Artois – Béthunois")
    clean = _DATE_TAIL.sub("", clean)
    actor = find_actor(clean)
    if actor is not None and towns_after and \
            (dash := re.search(r"\s[–—|-]\s", clean)) is not None and actor.start > dash.start():
        # (the towns after the dash are no name: "Anvin / Heuchin" is no person)
        actor = find_actor(clean[:dash.start()])
    if actor is not None:
        # (a name in capitals is written as a name: "Comité des Fêtes de Bourthes")
        return dataclasses.replace(actor, name=_title_case(actor.name)) \
            if actor.name.isupper() else actor
    q = re.search(QUOTED, clean)
    if q:
        return Actor(_quoted(q, 1), ASSOCIATION, q.start(), q.end())
    first = re.split(r"\s+[–—-]\s+|\s*:\s+", clean)[0].strip()
    if first.isupper() and (named := find_actor(_title_case(first))) is not None and \
            named.start == 0 and named.end >= len(first) - 1:
        # a body's name in capitals, whole ("FOYER RURAL D'HERBELLES"), is the author
        return Actor(named.name, named.type, 0, 0)
    if first.isupper() and towns_after and not first.endswith("!"):
        # an author line in capitals, its towns after the dash ("ENTRAIDE GOHELLE –
        # Bully-les-Mines / Grenay"): a name, written in capitals
        first = _title_case(first)
    if first.isupper() or first.endswith("!") or _SALUTATION.match(clean):
        # a letter with no title opens with its salutation
        return None  # a shouted title is a call ("APPEL AUX COUTURIÈRES !"), not a name
    described = re.match(r"\s+[–—-]\s+[a-zà-ÿ]", clean[len(first):])
    if len(first.split()) == 1 and described and re.fullmatch(
            r"[A-ZÀ-Ý][\w-]*['’][A-ZÀ-Ý][\w-]*|[A-ZÀ-Ý]\w*[A-ZÀ-Ý]\w*", first):
        # a one-word name, then a dash and what it does ("Fil'Oye – couture solidaire")
        return Actor(first, ASSOCIATION, 0, len(first))
    if 2 <= len(first.split()) <= 8 and first[:1].isupper():
        doc = parse(first)
        # a name has a proper noun, or a capital past its first word ("Les Petites
        # Mains"); "Initiatives de la semaine" is a common noun phrase
        named = any(t.i and (t.pos_ == "PROPN" or t.text[:1].isupper()) for t in doc)
        # (in a name whose every word is capitalised, a capital past the first word is a
        # name's, whatever the tagger says: "Étoile Sportive Samer")
        titled = all(w[:1].isupper() for w in first.split())
        if named and not any(t.pos_ in ("VERB", "AUX") and not (titled and t.i)
                             for t in doc) and \
                not re.match(r"(?i)actualités|communiqué|covid|informations?|le mot|préfe"
                             # (a territory is a topic: "Vallée de la Scarpe : …")
                             r"|(?:vallée|plaine|marais|bassin|côte|canton|secteur|territoire)\b",
                             first):
            return Actor(first, ASSOCIATION, 0, len(first))
    return None


# --- categories -------------------------------------------------------------

PROTECTION, SOIGNANTS, ALIMENTAIRE, LIEN, CONTINUITE, GARDE, BENEVOLAT, AUTRE = CATEGORIES
_HEADING_CATEGORIES = [
    (r"protection|confection|matériel|masque", PROTECTION),
    (r"soignant|santé", SOIGNANTS),
    (r"aliment", ALIMENTAIRE),
    (r"confiné|isolé|lien", LIEN),
    (r"jeunes|pédagogi|scolaire|éducati|numérique", CONTINUITE),
    (r"garde", GARDE),
    (r"bénévol|réserve civique|mobilisation citoyenne", BENEVOLAT),
]
_KEYWORDS = {
    PROTECTION: r"masques?|visières?|sur-blouses?|blouses?|hydro-?alcoolique|\bgel\b|gants"
                r"|charlottes?|\bEPI\b|couturi\w+",
    SOIGNANTS: r"soignants?|hôpita\w+|hospitali\w+|EHPAD|infirmi\w+|personnels? de santé",
    ALIMENTAIRE: r"alimentaire|paniers?|repas|victuailles|denrées|légumes|cuisine|cantine"
                 r"|déjeuner|courses|invendus|épiceries?|banques? alimentaires?|colis",
    LIEN: r"isolé\w*|confiné\w*|\blien\b|téléphonique|courrier|visio|réseaux sociaux"
          r"|vidéos?|fragiles",
    CONTINUITE: r"scolaires?|devoirs|élèves|pédagogique|éducati\w+|ordinateurs?|informatique"
                r"|numérique|tablettes?",
    GARDE: r"garde d['’]enfants|garde exceptionnelle",
    BENEVOLAT: r"bénévoles|réserve civique|plate-?forme|volontaires|bénévolat",
}
_KEYWORDS = {k: re.compile(v, re.I) for k, v in _KEYWORDS.items()}


def heading_category(text: str) -> str | None:
    for pattern, category in _HEADING_CATEGORIES:
        if re.search(pattern, text, re.I):
            return category
    return None


def categorise(text: str, heading: str | None, actor: str = "") -> str:
    """Keyword counts, with a bonus for the section heading's category.

    A volunteering platform is its own category whatever it talks about.
    """
    if re.search(r"réserve|plate-?forme|bénévolat|\.gouv\.fr", actor, re.I):
        return BENEVOLAT
    scores = {c: len(p.findall(text)) for c, p in _KEYWORDS.items()}
    if heading:
        scores[heading] = scores.get(heading, 0) + 1.5
    best = max(scores, key=lambda c: (scores[c], c == heading))
    return best if scores[best] > 0 else (heading or AUTRE)


# --- continuation -----------------------------------------------------------

_ANAPHORA = re.compile(
    rf"^(?:C{_A}est|Ce|Cet|Cette|Ces|Il|Elle|Ils|Elles|Leur|Leurs|Son|Sa|Ses|La commune|"
    rf"La ville|L{_A}association|Le collectif|L{_A}entreprise|La structure|Le dispositif|"
    rf"A noter|À noter|De plus|En outre|Les membres|Les bénévoles)\b")
_DEMONSTRATIVE = re.compile(r"^(?:\S+\s+){0,8}?(?:cette|ces|cet)\s+\w+", re.I)
_EDITORIAL = re.compile(r"\bpréfet\b|\binitiatives\b", re.I)
_CALL = re.compile(r"souhait\w*.{0,200}\b(?:participer|inscrire|rendez-vous|en se rendant)",
                   re.I | re.S)


def _continues(text: str, actor: Actor) -> bool:
    inner = _strip_bullet(text)
    if _EDITORIAL.search(text) or _CALL.search(text):
        return False
    if inner[:1].islower() or inner[:1].isdigit():
        return True  # a sub-item of a list
    return bool(_ANAPHORA.match(inner) or _DEMONSTRATIVE.match(inner) or _names(text, actor))


# a bare head standing for an organisation already named, by its kind
_KIND_ANAPHOR = {ASSOCIATION: re.compile(rf"\b[Ll]{_A}association\b"),
                 CITIZEN: re.compile(r"\b[Ll]e collectif\b"),
                 COMPANY: re.compile(rf"\b(?:[Ll]{_A}entreprise|[Ll]a société)\b")}


def _of_kind(text: str, drafts: list[_Draft], last: _Draft) -> _Draft:
    """The story a paragraph naming no one goes on with: the last one, unless the
    paragraph's first sentence calls its actor by a kind ("l'association") the last
    actor is not of, and an earlier one is."""
    first = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    for kind, pattern in _KIND_ANAPHOR.items():
        if pattern.search(first) and last.actor.type != kind:
            return next((d for d in reversed(drafts) if d.actor.type == kind), last)
    return last


def _card_line(text: str, draft: _Draft) -> bool:
    """A labelled line marked unlike the entry that opened `draft` ("– Lieu : …" under
    "• Brasserie …"): a sub-item of that entry, as a card's fields are."""
    # (the entry's own paragraph, when a headline was joined over it)
    entry = draft.actor_block.text.split("\n\n")[-1]
    # (a figureless entry's unmarked lines of figures, as a table's row gives them:
    # "• Action : Portage de repas (CIAS)" over "Réalisé : 38 repas par jour"; a card
    # opened by its bearer's line, "Porteur : …", over "Zone desservie : …")
    return _field_under(entry, text) or (
        bool(BULLET.match(entry)) and not re.search(r"\d", entry) and
        not BULLET.match(text) and bool(DATA_LINE.match(text))) or (
        bool(_BEARER.match(entry)) and "\n" not in text and bool(_FIELD.match(text)))


# a paragraph opening on a definite description ("Les masques sont remis …")
# (all of them: "Tous nos masques sont remis …")
_DEFINITE_OPENING = re.compile(r"(?:Tou(?:te)?s\s+(?:les|ces|leurs|nos)|Les|Ces|Leurs|Nos)\s+[a-zà-ÿ-]{3,}\b")


def _told_things(text: str, draft: _Draft, read_of: dict) -> bool:
    """A paragraph whose subject is a definite description of what the story counted
    ("Les masques sont remis gratuitement aux habitants de …" after "… ont confectionné
    4 200 masques") goes on with that story: the article refers back."""
    opening = _DEFINITE_OPENING.match(_strip_bullet(text))
    if opening is None or _EDITORIAL.search(text) or _CALL.search(text):
        return False
    # (by the things' normalised names, as `_orphan_lead` compares them)
    return bool(things_named(opening.group()) & {
        q.item for b in draft.blocks for _, q in read_of.get(b.start, ()) if q is not None})


def _field_of_story(text: str, draft: _Draft, dep: str) -> bool:
    """A labelled line right under a story's paragraph, unmarked as the paragraph is,
    is one of its fields ("Communes desservies : …", "Repas livrés : 230 par semaine"
    under "Le service d'aide à domicile a élargi son portage…"), and so is a label over
    its own list ("En chiffres :"); a line labelled by a town is that town's entry."""
    last, opening = draft.blocks[-1], draft.actor_block
    story = last.text
    # (the paragraph that named the actor, a headline's joined to it, or a field before)
    under = (opening.start <= last.start and last.end <= opening.end) or bool(_FIELD.match(story))
    return "\n" not in text and not BULLET.match(text) and not BULLET.match(story) and \
        bool(_FIELD.match(text) or FORM_ROW.fullmatch(text)) and under and \
        _entry_town(text, dep) is None


def _sibling(text: str, draft: _Draft) -> bool:
    """An entry marked as the one that opened `draft` is the next of the same list."""
    entry, line = BULLET.match(draft.actor_block.text), BULLET.match(text)
    return bool(entry and line) and entry.group().strip() == line.group().strip()


def _field_under(entry_text: str, text: str) -> bool:
    entry, line = BULLET.match(entry_text), BULLET.match(text)
    return bool(entry and line) and entry.group() != line.group() and \
        not line.group()[:1].isdigit() and bool(_FIELD.match(_strip_bullet(text)))


# a card's field: a short label, a colon, its value of any length ("Perspective : …")
_FIELD = re.compile(r"[^\W\d][^\n:]{0,40}\s?:\s*\S")


def _by_acronym(text: str, actor: Actor) -> bool:
    """The text calls the actor by the acronym its name opens with ("Le SIVU poursuit …"
    for "SIVU du Pays de la Clarence"): a body's acronym alone names it."""
    head = actor.name.split()[0] if actor.name else ""
    return len(head) >= 3 and head.isupper() and head.isalpha() and \
        bool(re.search(rf"\b(?:[Ll]e|[Ll]a|[Ll]{_A}|[Dd]u|[Aa]u)\s*{re.escape(head)}\b", text))


def _names(text: str, actor: Actor) -> bool:
    core = normalise_key(actor.name)
    return len(core) >= 4 and core in normalise_key(text)


# --- a list's entries named over their data lines ----------------------------

# A list entry's mark: a bullet, or a letter or number and a dot ("C. ATELIER …").
_ENTRY = re.compile(rf"^(?:{BULLET.pattern[1:]}|[A-Z][.)]\s)", re.I)
# French nouns of action are derived from verbs by these suffixes ("distribution",
# "approvisionnement", "livraison"), by "-age" for some ("portage"; not all: a garage is
# a place), or without one ("collecte", "aide"): an entry named by one is an activity of
# the text's own actor, not an organisation; but some such nouns name the body that
# acts ("association", "fondation").
_ACTION_NOUN = re.compile(r"^(?!(?:association|fondation|fédération|délégation|congrégation"
                          r"|administration|direction|institution|organisation|mission)s?$)"
                          r"(?:[^\W\d]+(?:tion|sion|ment|aison)s?|portage|ramassage|dépannage"
                          r"|covoiturage|dépistage|nettoyage|collectes?|aides?|ventes?|dons?"
                          r"|prêts?|achats?|soutien|accueil|appui|envois?|entraide)$", re.I)
# the tail of an entry's name that gives its place: after a dash, or in brackets
_NAME_TAIL = re.compile(r"\s+[–—-]\s+|\s*\(")


# a line of a list's entry: a bullet, a label and its figure, or a label and its words
# ("Points de dépôt : Licques, Hardinghen")
_LABELLED = re.compile(r"[^\W\d][^\n:]{0,60}:\s*[^\n]{1,100}$")


def _label_value_entry(text: str) -> bool:
    """A list entry that is a label and its value ("- Foyers inscrits : 118")."""
    return bool(BULLET.match(text) and _LABELLED.match(_strip_bullet(text)))


def _is_list_line(text: str) -> bool:
    return bool(BULLET.match(text) or DATA_LINE.match(text) or _LABELLED.match(text))


_LONG_ROW = re.compile(r"[^\n:]{1,160}:\s*(?:environ\s+|près de\s+|plus de\s+)?\d[\d\s.,]*"
                       r"(?:\s+[^\W\d]+){0,3}\s*\.?")


def section_name(block: Block, following: Block | None) -> str | None:
    """The name an entry of a bulletin's list gives the data lines under it ("• Fab lab de
    Hallines", "C. ATELIER DE COUTURE – BLANGY"): a mark, no figure, no verb, no full
    stop, over a line of figures. Its mark is dropped and capitals become a name."""
    if block.role != "content" or following is None or following.role != "content":
        return None
    text = block.text
    # (a colon makes a label's line: "- Points de retrait : Frévent, Auxi"; a table's row
    # labels its later cells, "• Lumbres — Porteur : Aa Couture — Action : Masques")
    stripped = _ENTRY.sub("", text)
    if "\n" in text or len(text) > 160 or _FIGURE.search(stripped) or \
            re.search(r"[.:;!?]$", stripped) or re.search(r"\s:\s", stripped.split(" — ")[0]):
        return None
    if not (_ENTRY.match(text) or text.isupper()):
        return None
    # a name in capitals with its town in brackets ("🧵 LES BLOUSES DE LA BAIE (Groffliers)")
    # is an organisation's, over the lines of its figures ("• 27 bénévoles")
    seated = re.fullmatch(r"\W*([^()]+?)\s*\(([^()]+)\)", stripped)
    seated = seated is not None and seated.group(1).isupper() and \
        resolve(seated.group(2)).level == "commune"
    # (… or, a card's title in capitals, over its labelled field: "2) LES FILS D'OR" over
    # "Action : couture de masques")
    if not (DATA_LINE.match(_strip_bullet(following.text)) or _field_under(text, following.text)
            or (text.upper() == text and _FIELD.match(following.text) and "\n" not in following.text
                # (a field naming its bearer names the card's actor: the title is its topic)
                and not _BEARER.match(following.text) and not framed(text)
                and not BULLET.match(following.text) and len(following.text) <= 100)
            or seated and BULLET.match(following.text)
            and re.match(r"\d", _strip_bullet(following.text))
            # (… or an entry whose long label ends on its figure: "› Paniers offerts aux
            # familles de … : 40 par semaine")
            or (BULLET.match(following.text) and _LONG_ROW.fullmatch(_strip_bullet(following.text)))):
        return None  # over sentences, an entry is a heading of the list's topics
    # a verb makes it a sentence; a capitalised word inside the line is a name the tagger
    # took for a verb ("— Frévent"); a mark without letters is no verb ("•")
    # (in a line in capitals case tells no name: read it in small letters, "ON A BESOIN
    # DE VOUS" has its verb)
    shouted = text.upper() == text
    # (a table row's labelled cells are fields, no verb: "— Action : Gel et savons")
    read = " — ".join(c for c in text.split(" — ") if not re.match(r"[^:]{1,30}\s:\s", c))
    # (a body named after its town, "FRÉVENT SOLIDARITÉ", is a name, whatever the tagger)
    if not (shouted and _named_after_its_town(_ENTRY.sub("", text, count=1).strip(), None)) and \
            any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")
                and any(c.isalpha() for c in t.text)
                and not (t.text[:1].isupper() and (t.i > 1 or resolve(t.text).level == "commune"))
                and not (shouted and resolve(t.text).level == "commune")
                for t in parse(read[:1] + read[1:].lower() if shouted else read)):
        return None
    name = _ENTRY.sub("", text, count=1).strip()
    if _COMPLEMENT_ENTRY.match(name):
        return None   # a complement ("👉 à la mairie de Merlimont pour ses agents"), no name
    if _INDEFINITE_OPENING.match(name) and any("Part" in t.morph.get("VerbForm")
                                               for t in parse(name)):
        return None   # an event told ("🚚 Des masques livrés à Wimille…"), no name
    if _PARTICIPLE_OPENING.match(name) or "Part" in parse(name)[0].morph.get("VerbForm"):
        return None   # a predicate of the lines above ("📦 Remis aux mairies de…"), no name
    if counted_once.TOTAL_CUE.fullmatch(name):
        return None   # a table's total row names no one: its figure sums the rows above
    head, bracket = re.match(r"([^(]*)(.*)", name, re.S).groups()
    letters = [c for c in head if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.6 * len(letters):
        # a common noun's name, in capitals (its words in capitals only: "LUGY – Ferme
        # Dupuis" keeps the name as written):
        name = head[:1] + re.sub(r"[^\W\d]+", lambda w: w.group().lower() if w.group().isupper()
                                 else w.group(), head[1:]) + bracket
        # (the commune that closes it as its seat keeps its own: "FERME DU MOULIN DE WAIL")
        name = re.sub(r"(?<=\sde\s)[a-zà-ÿ][\w’'-]+$", lambda w: _commune_spelling(w.group()), name)
    return name          # which words are proper is unknown; its town is added


def _commune_spelling(word: str) -> str:
    r = resolve(word)
    return r.nom if r.level == "commune" and r.method == "exact" and r.nom.lower() == word.lower() \
        else word


def section_actor(line: str, name: str, context: Context, dep: str) -> Actor | None:
    """The actor of a list entry named `name`: the organisation it names (with its town
    when the name is followed by a commune alone, "ATELIER – BLANGY"), or, when it names
    an activity ("Distribution de masques"), the text's own actor."""
    if re.match(r"(?i)(?:autres?|total|ensemble|reste)\b", name):
        return context.actor   # a list's remainder or sum names nobody ("Autres communes")
    whole = resolve(name, dep)
    if whole.level == "commune" and whole.inside and whole.method in ("exact", "alias"):
        # a commune alone over its figures (a table's row by town): the text's action
        # there, unless the entry's sentence names its own ("– Éperlecques : le CCAS livre")
        at = line.find(name) + len(name) if name in line else len(line)
        own = find_actor(line[at:], dataclasses.replace(context, town=whole))
        if own is not None:
            return _shifted(own, at)
        return context.actor or Actor(f"Commune {_of(whole.nom)}{whole.nom}", LOCAL_GOV, 0, 0)
    # a row's cell that says who bears it ("… — Porteur : Couturières du village"), with
    # the town its first cell names
    first = _towns_only(_NAME_TAIL.split(name, maxsplit=1)[0].strip(), dep)
    bearer = _bearer(name, first[0] if first else context.town)
    if bearer is not None and bearer.start > 0:
        return _shifted(bearer, max(0, line.find(name)))
    found = find_actor(name)
    if found is not None and found.start == 0 and found.end >= len(name.rstrip(" .")):
        return found   # the whole line is one organisation's name, its town included
    main, tail = _NAME_TAIL.split(name, maxsplit=1)[0].strip(), ""
    if len(main) < len(name):
        tail = name[len(main):].strip(" –—-()")
    towns = _towns_only(main, dep) if tail else []
    seat = None
    if towns:
        # "Frévent — Les Doigts de fée": town, then who; a table's row goes on with what
        # it does ("Lumbres — Atelier couture — Masques en tissu"); a row may name several
        # towns first ("Quelmes, Leulinghem — Ferme du Val")
        main, tail, seat = _NAME_TAIL.split(tail, maxsplit=1)[0].strip(), main, towns[0]
    if re.fullmatch(rf"(?i)(?:la\s+)?(?:communauté (?:de communes|urbaine|d{_A}agglomération)"
                    rf"|intercommunalité)", main) and context.institution is not None:
        return context.institution   # the bare name of an intercommunality: the text's own
    found = find_actor(main)
    if found is not None and found.start == 0:
        if seat is not None and found.end < len(main) and \
                re.match(rf"\s+[{_UP}«\"]", main[found.end:]):
            # a table's cell is one name: its capitalised rest is the name's own ("Club
            # des aînés Les Tilleuls")
            found = dataclasses.replace(found, name=main, end=len(main))
        if seat is not None and normalise_key(seat.nom) not in normalise_key(found.name):
            return Actor(f"{found.name} {_of(seat.nom)}{seat.nom}", found.type, 0, len(line))
        return found
    # a commune's name then a word or two, no article nor preposition between, names a
    # body after its town ("FRÉVENT SOLIDARITÉ", "Berles Solidarité"), not a topic
    named_after = _named_after_its_town(main, dep)
    if named_after is not None:
        return Actor(named_after, ASSOCIATION, 0, len(line))
    # a bullet lists entities; a heading in capitals or lettered names a topic, unless
    # an organisation's head opens it ("C. ATELIER DE COUTURE")
    listed = bool(BULLET.match(line)) and not re.match(r"\d", line)
    # (an indefinite or partitive noun phrase names things, never someone: "- des bobines
    # de fil blanc"; and so does a heading opening on the thing it counts, "■ MASQUES
    # POUR LA POPULATION", framed or not)
    head = (_FRAME.sub("", main).split() or [""])[0]
    if not _ORG_HEAD.match(main) and (_ACTION_NOUN.match(head) or not listed
                                      or _INDEFINITE.match(main) or things_named(head.lower())):
        return context.actor
    town = resolve(tail, dep) if tail and "(" not in name else None
    if town is not None and town.level == "commune" and town.inside and \
            town.method in ("exact", "alias") and \
            normalise_key(town.nom) not in normalise_key(main):   # "Parenty Solidaire"
        main = f"{main} {_of(town.nom)}{town.nom}"
    # the whole line is its name: a town it names, in brackets or after a dash, is its seat
    return Actor(main, _org_kind(main), 0, len(line))


_INDEFINITE = re.compile(r"(?:des|du|de la|de l['’]|un|une|quelques)\s", re.I)


def _named_after_its_town(name: str, dep: str) -> str | None:
    words = name.split()
    for k in (3, 2, 1):
        rest = words[k:]
        if not 1 <= len(rest) <= 2 or any(w.lower() in _SMALL_WORDS or w.lower() in (
                "à", "pour", "par", "avec", "d'", "l'") or not w.isalpha() for w in rest):
            continue
        town = resolve(" ".join(words[:k]), dep)
        if town.level == "commune" and town.inside and town.method == "exact":
            return " ".join([town.nom] + [w[:1].upper() + w[1:].lower() for w in rest])
    return None


def _towns_only(text: str, dep: str) -> list:
    """The communes a field lists and nothing else ("Quelmes, Acquin-Westbécourt et
    Leulinghem"), or []."""
    towns = [resolve(part, dep) for part in re.split(r"\s*,\s*|\s+et\s+", text) if part]
    if towns and all(t.level == "commune" and t.inside and t.method in ("exact", "alias")
                     for t in towns):
        return towns
    return []


# --- drafts -----------------------------------------------------------------

@dataclass
class _Draft:
    actor: Actor
    blocks: list[Block]               # content blocks (headline first if any)
    actor_block: Block
    heading: str | None
    contacts: list[Block] = field(default_factory=list)
    town: object = None               # the commune its section is headed by
    also: list = field(default_factory=list)  # the other communes of a joint heading
    reached: list = field(default_factory=list)  # entries listing where it went


def extract(release: Release, dep: str | None = None) -> list[Initiative]:
    """Initiatives of a release, in reading order; [] when it names none."""
    return read(release, dep).initiatives


def load_models(dep: str | None = None) -> None:
    """Load, once per process, what reading needs (spaCy's model, the gazetteer): a
    file's time budget is spent on its text, not on the first start."""
    pipeline()
    gazetteer(dep or config.departement())


def read(release: Release, dep: str | None = None, budget: Budget | None = None) -> Reading:
    """The release's initiatives, every number with what was made of it, and the
    paragraphs with figures that gave no initiative; past the `budget`, `IngestError`."""
    dep = dep or config.departement()
    blocks = split_blocks(release.body)
    check = budget.check if budget else (lambda: None)
    parse_all([b.text for b in blocks if b.role != "separator"], check)
    heads = town_heads(blocks, dep)
    context = document_context(release, blocks, dep, heads)
    read_of = {}
    above = ""   # the last line above that is no list line: a list's introducing line
    # A list's lines are marked alike: another mark ("🎯 Pour les repas, …" after the
    # "✅" lines) is another topic, out of the list and its introducing line. A marked
    # line ending with a colon introduces too ("⚠️ ON A BESOIN DE :"); after its list
    # the line that introduced it comes back.
    in_list, marked_intro, mark, before_intro = False, False, None, ""
    for b in blocks:
        check()
        first = BULLET.match(b.text)
        if in_list and first:
            shape = re.sub(r"\d+|^[a-h](?=\))", "#", first.group().strip())   # "1." and "2." alike
            if mark is None:
                mark = shape
            elif shape != mark:
                above = before_intro if marked_intro else ""
                in_list = marked_intro = False
        if b.role != "separator":
            read_of[b.start] = read_numbers(b.text, release.body[max(0, b.start - 3000):b.start],
                                            above, check)
        lines = [line.strip() for line in b.text.splitlines() if line.strip()]
        # (a marked title in capitals introduces too: "🧵 ON A ENCORE BESOIN DE VOUS")
        plain = [line for line in lines if not BULLET.match(line) or framed(line)
                 or line.endswith(":") or _NUMBERED_TITLE.fullmatch(line)
                 or (line.upper() == line and re.search(rf"[{_UP}]{{3,}}\W+[{_UP}]{{2,}}", line))
                 # (… and so does a marked call for help without figures: "🥚 On a besoin
                 # de vous pour la suite !")
                 or (len(line) <= 80 and not re.search(r"\d", line) and NEED.search(line))]
        if plain:
            marked_intro = bool(BULLET.match(plain[-1])) and not framed(plain[-1])
            in_list, mark, before_intro = True, None, above
            above = plain[-1]
    names = {b.start: name for b, nxt in zip(blocks, blocks[1:])
             if (name := section_name(b, nxt))}
    listing = False                # the blocks are the data lines of a named list entry
    section_town = None            # the commune heading the current section
    section_also: list = []        # the other communes of its heading, if joint
    drafts: list[_Draft] = []
    met: dict[str, Actor] = {}     # the actors of the drafts so far, by name, the latest last
    met_upto = 0                   # (how many drafts `met` has seen)
    current: _Draft | None = None
    last: _Draft | None = None     # the last initiative of this section, for its story's sequel
    intro = False                  # the blocks are a list a colon introduced
    sites = False                  # … a list of the speaker's own sites
    breakdown: _Draft | None = None  # … a breakdown by town of this story's figures
    shared_out: _Draft | None = None  # … maybe, a story telling it shared things out
    recap = False                  # … the lines of a box of key figures
    boxed: list[Block] = []        # … such lines over the first story
    about_author: list[Block] = []  # paragraphs naming the text's author, without figures
    pending: Actor | None = None   # a group thanked over the paragraph that tells its work
    position = {b.start: i for i, b in enumerate(blocks)}
    untold: Block | None = None    # … introduced by a block no initiative took
    heading: str | None = None
    headline: Block | None = None
    subtitled: Block | None = None  # an item's paragraph without figures nor actor
    practical = False              # the entries of a practical notice's list
    for block in blocks:
        if counted_once.is_recap(_FRAME.sub("", block.text)):
            recap = True
        elif not BULLET.match(block.text):
            recap = False
        if block.start in heads or (heads and block.role in ("heading", "headline")
                                    and block.text.upper() == block.text):
            # a bulletin's sections headed by communes ("COURRIÈRES", "Oignies :"); a
            # heading in capitals that names none ends the last one ("INFOS PRATIQUES")
            towns = heads.get(block.start) or [None]
            section_town, section_also = towns[0], towns[1:]
            current, last, headline = None, None, None
            if section_town is not None:
                # (… or a marked line, however short its card: "■ LUGY – Ferme Dupuis")
                if (block.role == "headline" or BULLET.match(block.text)) and \
                        (_named_after_towns(block.text, dep) or _names_its_bearer(block.text)):
                    # "● Lumbres – Aa Couture", "1. Beussent : le club « Fil et Aiguille »
                    # au rendez-vous": its bearer heads the item
                    headline = block
                continue
        if block.role == "heading" and last is not None and block.text.rstrip().endswith(":") \
                and _SITES_HEADING.search(block.text):
            # a heading that introduces the story's sites ("📍 Dépôts possibles :") goes on
            # with it: the entries under it say where it happens
            current, intro = None, True
            continue
        if block.role in ("separator", "heading"):
            current = None
            if block.role == "heading":
                heading, last = heading_category(_strip_bullet(block.text)), None
            continue
        if block.role in ("salutation", "signature"):
            continue
        if block.role in ("content", "headline") and (thanked := _THANKED_GROUP.match(block.text)) \
                and not any(q for _, q in read_of.get(block.start, ())) and \
                (at := position[block.start] + 1) < len(blocks) and \
                _THEY_OPEN.match(blocks[at].text):
            # thanks to a group ("Un grand merci à nos couturières !"), then a paragraph
            # whose subject is a pronoun ("Elles sont 22 …"): that paragraph is theirs
            who = thanked.group("who")
            where = context.town.nom if context.town is not None else None
            pending = Actor(f"{who[:1].upper()}{who[1:]}" + (f" {_of(where)}{where}" if where else ""),
                            CITIZEN, 0, 0)
            continue
        if block.role == "content" and (_THANKS.match(block.text) or _SAME.search(block.text)) \
                and not any(q for _, q in read_of.get(block.start, ())):
            # thanks without a quantity name those who helped the text's action; others
            # doing the same are a comparison
            continue
        if pending is not None and _THEY_OPEN.match(block.text):
            current = _Draft(pending, [block], block, heading)
            drafts.append(current)
            last, pending = current, None
            continue
        pending = None
        if block.role == "headline":
            current, headline = None, block
            continue
        if block.role == "contact":
            if current is not None and current.blocks == [current.actor_block] and \
                    len(current.actor_block.text) <= 80 and \
                    not _ENDS_SENTENCE.search(current.actor_block.text) and \
                    re.match(r"(?i)\W*(?:adresse|siège|local|lieu)\s*:", block.text):
                # a card's address field under its name ("Adresse : 4 place …") opens the
                # card: its data lines follow
                current.blocks.append(block)
            elif current is not None:
                current.contacts.append(block)
            continue
        if shared_out is not None and not BULLET.match(block.text) and \
                _town_list(block.text, dep, r"\s*(?:[–—·•/,;|]|\bet\b|\n)\s*"):
            # the towns it was shared out to, on one line after its colon ("… dans les
            # communes suivantes :" over "Desvres – Samer – Wirwignes"): where it went
            shared_out.blocks.append(block)
            continue
        town_row = BULLET.match(block.text) and _TOWN_ROW.match(block.text) and \
            _entry_town(block.text, dep) is not None
        if breakdown is None and shared_out is not None and town_row:
            breakdown = shared_out   # (see `_SHARED_OUT`)
        if breakdown is not None and BULLET.match(block.text) and (
                _FIGURE_ROW.search(block.text) or _one_commune(block.text, dep) is not None
                or town_row):
            # the entries of a breakdown by town ("Répartition des familles aidées par
            # commune :") share out the story's figures before it: its, each in its town
            breakdown.blocks.append(block)
            current = None
            continue
        if sites and last is not None and BULLET.match(block.text) and \
                _one_commune(block.text, dep) is not None and \
                not any(q for _, q in read_of.get(block.start, ())):
            # the entries of a list of our own sites ("Nos points de collecte :") say
            # where the story happens: their venues ("local du club de voile") act in none
            last.blocks.append(block)
            current = None
            continue
        if block.start in names and (actor := section_actor(block.text, names[block.start], context,
                                                              dep)):
            # a list entry named over its data lines: they are its figures and places
            current = _Draft(actor, [block], block, heading,
                             town=section_town or _entry_town(block.text, dep),
                             also=section_also)
            drafts.append(current)
            last, intro, listing = current, False, True
            continue
        if listing and current is not None and _is_list_line(block.text) and \
                _entry_town(block.text, dep) is None and \
                _labelled_entry(block.text) is None:    # another town's or bearer's entry is its own
            current.blocks.append(block)
            if block.text.rstrip().endswith(":") and _SHARED_OUT.search(block.text):
                shared_out = current   # (a line of the list opening a breakdown by town)
            continue
        listing = False
        if practical and BULLET.match(block.text) and \
                not any(q for _, q in read_of.get(block.start, ())):
            # (a note on an organisation read before is more of its story: "– L'épicerie
            # X livre aussi les habitants de Y" tells another place it reaches)
            if (told := _told_before(block.text, drafts, context)) is not None:
                told.blocks.append(block)
            continue
        # (a practical notice's title over its list: "Infos pratiques" over "- La piscine
        # reste fermée")
        practical = block.role != "headline" and bool(_PRACTICAL.fullmatch(block.text))
        if practical:
            current = None
            continue
        if headline is not None:  # a newsletter item: headline + paragraph
            hl, headline = headline, None
            joined = hl.text + "\n\n" + block.text  # as in the body
            # the one commune its headline names is the item's town ("Des colis à Liévin"),
            # or the one its paragraph opens with ("À Longuenesse, des étudiants …")
            town = section_town or _one_commune(hl.text, dep) or \
                _entry_town(block.text, dep) or _opening_town(block.text, dep)
            here = dataclasses.replace(context, town=town) if town is not None else context
            # a headline in capitals names a topic ("—— ÉCOLE À LA MAISON ——"), one opening
            # with an indefinite article a kind ("Une épicerie solidaire mobilisée"): the
            # paragraph's own actor first
            topic = hl.text.upper() == hl.text or bool(_INDEFINITE_OPENING.match(hl.text))
            named = _named_after_towns(hl.text, dep)
            own = _shifted(find_actor(block.text, here), len(joined) - len(block.text))
            actor = (named and section_actor(hl.text, named, here, dep)) \
                or (topic and own) or find_actor(joined, here)
            if actor is not None and actor.start < len(hl.text) and own is not None and \
                    not _NAMED_SPAN.search(joined[actor.start:actor.end]) and \
                    _NAMED_SPAN.search(joined[own.start:own.end]):
                actor = own  # "La supérette fait le plein" over "la supérette Proxi de …"
            # (a bare head there stands for the organisation named before, as anywhere)
            actor = _referred_back(joined, actor, drafts)
            figures = [q for _, q in read_of.get(block.start, []) if q is not None]
            if actor is None and town is not None and figures:
                actor = _commune_actor(town, figures)  # figures naming nobody: the town's
            if not figures and _PRACTICAL.fullmatch(hl.text):
                # a practical notice ("BON À SAVOIR": a tip's opening hours), no action,
                # nor the entries of its list without figures (a service closed, hours)
                current, practical = None, True
                continue
            if actor is not None:
                current = _Draft(actor, [hl, block], Block(hl.start, block.end, joined), None,
                                 town=town)
                drafts.append(current)
                last, intro = current, block.text.rstrip().endswith(":") or \
                    bool(_COMMUNES_COUNTED.search(block.text))
                shared_out = current if block.text.rstrip().endswith(":") and \
                    _SHARED_OUT.search(block.text) else None
                continue
            current = None  # a subtitle: its paragraph is read on its own
            subtitled = block if not figures else None
        # under a commune's heading, a generic actor is that commune's ("l'union
        # commerciale"), and so in a list entry opening with a commune ("• Zutkerque —
        # Courses — Conseil municipal des jeunes")
        entry_town = section_town or _entry_town(block.text, dep)
        here = dataclasses.replace(context, town=entry_town) if entry_town else context
        actor = None if _CALL.search(block.text) else find_actor(block.text, here)
        actor = _referred_back(block.text, actor, drafts)
        figures = [q for _, q in read_of.get(block.start, []) if q is not None]
        # (a box's row counting places is still the box's: "• 3 plateformes ouvertes :
        # Arras, Achicourt et Brebières" tells where)
        places_counted = any(n.reason == "place_count" for n, _ in read_of.get(block.start, ()))
        if recap and actor is None and (figures or places_counted) and current is None and \
                drafts and BULLET.match(block.text):
            # an article's box of key figures ("REPÈRES", "EN CHIFFRES") sums up its
            # subject, the first story (inside a card, they are the card's)
            drafts[0].blocks.append(block)
            continue
        if recap and actor is None and (figures or places_counted) and not drafts and \
                context.actor is None and BULLET.match(block.text):
            boxed.append(block)   # a box over the first story: its, once it is named
            continue
        if actor is None and BULLET.match(block.text):
            # an entry naming in full an actor met before ("Courses (Berles Solidarité)",
            # a table's row after the paragraph on "l'association Berles Solidarité") is
            # that actor's
            for d in drafts[met_upto:]:
                met.pop(k := normalise_key(d.actor.name), None)
                met[k] = d.actor
            met_upto = len(drafts)
            key = normalise_key(block.text)
            actor = next((Actor(a.name, a.type, 0, 0) for k, a in reversed(met.items())
                          if len(k) >= 4 and k in key), None)
        if current is not None and not current.contacts and _card_line(block.text, current) \
                and not (actor is not None and entry_town is not None and not section_town):
            # a card's labelled lines under its entry ("• Collectif …" over "– Bilan : …",
            # "– Remarque : …") are its bearer's, whoever else they name; a line labelled
            # by a town whose sentence names its actor is that town's own entry
            # ("– Éperlecques : le CCAS livre …" under "2. AIDE ALIMENTAIRE")
            current.blocks.append(block)
        elif actor and (current is None or
                        normalise_key(actor.name) != normalise_key(current.actor.name)
                        # (an entry naming the same actor opens its own card, its lines
                        # under it; the two join again as one initiative, `_merge`)
                        or (_listed(block.text) and not _listed(current.actor_block.text))):
            # a list entry opening with a commune happens there, whoever acts in it
            # ("• Marquise – L'association … réunit 25 bénévoles")
            current = _Draft(actor, [block], block, heading, town=_entry_town(block.text, dep))
            drafts.append(current)
        elif current is not None and not current.contacts and \
                (actor is not None or _continues(block.text, current.actor)
                 or _told_things(block.text, current, read_of)
                 # (where the story's vehicle stops: "Le camion stationne chaque semaine
                 # à Hesmond, à …", naming nobody and no figure)
                 or (actor is None and not figures and bool(_STOPS_AT.search(block.text)))
                 # (or an act told in the passive without its agent, the story's: "Les
                 # premiers colis ont été remis aux maires de …")
                 or (actor is None and not figures and bool(_AGENTLESS_PASSIVE.match(block.text)))
                 # (or the sites it counts: "le retrait s'est organisé sur trois sites : …")
                 or (actor is None and not figures and places_counted
                     and not BULLET.match(block.text))
                 or (_FORM_LINE.match(block.text) and not _sibling(block.text, current))
                 # (a newsletter item's list of figures under its paragraph, each entry
                 # opening on its figure or a label's: "• 540 bénévoles inscrits", "• Un
                 # besoin persistant : 80 bénévoles", "• Communes couvertes : …", under
                 # the platform's)
                 or (actor is None and entry_town is None and current.blocks[0].role == "headline"
                     and bool(_FIGURE_ENTRY.match(block.text) or _label_value_entry(block.text)))
                 # (the rows of a list whose introducing line is the story's: "Le service
                 # en chiffres :" over "Repas livrés : 4 100")
                 or (intro and actor is None and _is_list_line(block.text)
                     and not BULLET.match(block.text))
                 # (… marked as entries, each a label and its value, opening on no town:
                 # "Portée par l'association X :" over "- Foyers inscrits : 118")
                 or (intro and actor is None and entry_town is None and _label_value_entry(block.text))
                 # (… or under a card's bearer line: "Porteur : collectif X" over "• Paniers
                 # préparés : 90", "• Retrait : …", "• Livraison à domicile à …")
                 # (not the next card, its title marked otherwise: "■ Des visières …")
                 or (actor is None and entry_town is None and bool(_BEARER.match(current.actor_block.text))
                     and (_label_value_entry(block.text) or (
                         bool(BULLET.match(block.text)) and _same_list(block.text, current.blocks[-1].text))))
                 or _field_of_story(block.text, current, dep)):
            # (a card's lines, "Où : …", "Combien : …", are its bearer's; an entry marked
            # as the card's is the next card: "• Action : …" under "• Action : …")
            current.blocks.append(block)
        elif section_town is not None and figures and last is not None:
            # naming nobody, under the same commune's heading: the section's story goes on
            current = last
            current.blocks.append(block)
        elif section_town is not None and figures:
            # figures naming nobody under a commune's heading: that commune's action
            current = _Draft(_commune_actor(section_town, figures), [block], block, heading)
            drafts.append(current)
        elif figures and BULLET.match(block.text) and \
                (town := _headline_town(_strip_bullet(block.text), dep)) is not None:
            # a list entry opening with a commune ("• Marquise — CCAS — 18 bénévoles", a
            # table's row) is that commune's, whoever the text is
            current = _Draft(_commune_actor(town, figures), [block], block, heading, town=town)
            drafts.append(current)
        elif context.actor is not None and figures:
            # Figures with no actor of their own, in a text that has one: the
            # text's (a town's page, an association's post, a bulletin's list), with the
            # line that introduced its list and went to no one ("Installée au gymnase
            # d'Audruicq, la plateforme … Bilan au 24 avril :")
            own = context.actor
            lead = [untold] if untold is not None and intro and BULLET.match(block.text) else []
            if subtitled is not None and position[subtitled.start] == position[block.start] - 1 \
                    and not lead:
                # (… or the item's paragraph under its headline, without figures nor
                # actor, over the item's rows: "Service intercommunal, tournées à …" over
                # "Rythme actuel : 240 repas")
                lead = [subtitled]
            current = _Draft(Actor(own.name, own.type, 0, 0), [*lead, block], block, heading)
            drafts.append(current)
        elif figures and BULLET.match(block.text) and (own := _town_actor(block.text, figures,
                                                                          dep)):
            # A list entry naming a town and no organisation tells of that town's own
            # action, or of its volunteers (« – Desvres a réceptionné 5 200 masques »).
            current = _Draft(own, [block], block, heading)
            drafts.append(current)
        elif figures and last is not None and not intro and \
                (town := _opening_town(block.text, dep)) is not None and \
                not _names(block.text, last.actor) and \
                not any(normalise_key(town.nom) in normalise_key(b.text) for b in last.blocks):
            # a paragraph naming nobody that opens on another town ("Dans le village
            # d'Heuchin, enfin, …") is a new scene, not the last story's sequel
            current = _Draft(_commune_actor(town, figures), [block], block, heading, town=town)
            drafts.append(current)
        elif figures and last is not None and not last.contacts and (
                _names(block.text, last.actor) or intro or
                not (_listed(block.text) or _EDITORIAL.search(block.text))):
            # A paragraph of figures naming nobody goes on with the story of the last
            # one named (an article's or a letter's subject), or of the last one of the
            # kind it names ("l'association" after a shop's gift: the association's)
            current = _of_kind(block.text, drafts, last)
            current.blocks.append(block)
        elif figures and (own := _town_actor(block.text, figures, dep)):
            # figures opening a text, naming a town and nobody: that town's own action
            current = _Draft(own, [block], block, heading)
            drafts.append(current)
        elif intro and last is not None and not figures and actor is None and \
                BULLET.match(block.text) and (_one_commune(block.text, dep) is not None
                                              or _opening_towns(_strip_bullet(block.text), dep)
                                              or _towns_only(_strip_bullet(block.text), dep)):
            # entries naming a town, without figures, under a line a colon ends after a
            # story (a timetable's rows, "Points de retrait :"), or a question ("Où sont
            # partis vos masques ?"), tell where it happens
            # (an entry may name two towns served together: "• Rimboux et Ambry — 10 h",
            # "• Anvin, Heuchin" over its day)
            last.blocks.append(block)
            last.reached.append(block)
            current = None
        elif current is not None and not current.contacts and actor is None and \
                not figures and _same_list(block.text, current.blocks[-1].text) and any(
                    m.resolution.level == "commune" and m.resolution.inside
                    for m in find_places(block.text, dep)):
            # a post's pictograph line naming towns amid its lines of figures ("📦 Des
            # masques distribués à Wierre-Effroy, Conteville…"), or a line of the same list
            # ("• Distribution dans vos mairies de Verton, Waben…"), says where they went
            current.blocks.append(block)
        else:
            current = None  # editorial text closes the current initiative
            if actor is None and not figures and context.actor is not None and \
                    block.role == "content" and (_names(block.text, context.actor)
                                                 or _by_acronym(block.text, context.actor)
                                                 or _RUNS_IN.search(block.text)):
                about_author.append(block)
        if current is not None and current.town is None:
            current.town, current.also = section_town, section_also
        last = current or last
        # a line ending with a colon introduces the list under it ("Les chiffres clés :")
        # (the entries' own fields, "Jour : mercredi 13 mai", do not end it)
        # (… and so does a story's paragraph counting the communes it reached, "livré
        # 1 700 masques aux 7 communes qui …", over the list of them)
        intro = block.text.rstrip().endswith(":") or bool(_QUESTION.match(block.text)) or (
            intro and bool(BULLET.match(block.text) or _LABELLED.match(block.text))) or (
            current is not None and not BULLET.match(block.text)
            and bool(_COMMUNES_COUNTED.search(block.text)))
        sites = bool(_OUR_SITES.search(block.text)) if block.text.rstrip().endswith(":") \
            else sites and bool(BULLET.match(block.text))
        breakdown = (last if _BREAKDOWN.search(block.text) else None) \
            if block.text.rstrip().endswith(":") else breakdown if BULLET.match(block.text) else None
        # (a table's header row under it keeps it: "Commune — masques remis :")
        shared_out = (current if current is not None and _SHARED_OUT.search(block.text) else
                      shared_out if _COLUMN_HEAD.fullmatch(block.text.strip()) else None) \
            if block.text.rstrip().endswith(":") else shared_out if BULLET.match(block.text) else None
        untold = block if current is None and block.text.rstrip().endswith(":") else \
            untold if intro and BULLET.match(block.text) else None
    # a title in capitals with no line of its own under it, over a paragraph naming its
    # own bearer ("—— RÉSEAU X ——" over "Porté par l'association Y :"), is that story's
    # topic: nothing on its own
    drafts = [d for d, after in zip(drafts, drafts[1:] + [None])
              if not (len(d.blocks) == 1 and after is not None
                      and d.blocks[0].text.upper() == d.blocks[0].text
                      and not BULLET.match(after.blocks[0].text)
                      and position[after.blocks[0].start] == position[d.blocks[0].start] + 1
                      and not any(q for _, q in read_of.get(d.blocks[0].start, ())))]
    if boxed and drafts:
        drafts[0].blocks[:0] = boxed
    # a paragraph without figures naming the text's author by its name tells where it
    # works ("Le Relais des Villages intervient dans 4 villages : …"): its first story's
    own = next((d for d in drafts if context.actor is not None
                and normalise_key(d.actor.name) == normalise_key(context.actor.name)), None)
    if own is not None:
        own.blocks[:0] = about_author
    _titles_to_stories(blocks, drafts, read_of)
    drafts = _lead_to_story(_merge(drafts), blocks, read_of)
    _orphan_lead(drafts, blocks, read_of)
    _one_voice(drafts, blocks, read_of, context)
    counted_once.restated(drafts, read_of)
    counted_once.milestones(drafts, read_of)
    counted_once.recapped(blocks, read_of)
    counted_once.sums(blocks, read_of)
    counted_once.sums_ahead(blocks, read_of)
    counted_once.periods(drafts, read_of)
    mentions = _mentions(release.body, dep)
    local = any(m.resolution.inside and m.resolution.level not in ("national", None)
                for m in mentions)
    initiatives = []
    for d in drafts:
        check()
        initiatives.append(_finish(release, d, mentions, local, dep, read_of, context))
    counted_once.across_stories(initiatives, drafts, read_of)
    _said_in_full(initiatives, mentions, context)
    owner = {b.start: i for i, d in enumerate(drafts) for b in d.blocks}
    numbers, to_check = [], []
    for block in blocks:
        notes = [note for note, _ in read_of.get(block.start, [])]
        index = owner.get(block.start)
        if index is None and any(n.status != SET_ASIDE for n in notes):
            to_check.append(block.text)  # figures, but no initiative to carry them
        for note in notes:
            if index is None and note.status != SET_ASIDE:
                note = dataclasses.replace(note, status=SET_ASIDE, reason="no_initiative")
            numbers.append(dataclasses.replace(note, initiative=index))
    return Reading(release, initiatives, numbers, to_check)


# A numbered section's title ("1) Ce que nous avons fait"): no figure, no sentence's end;
# it introduces the list under it
_NUMBERED_TITLE = re.compile(r"\d{1,2}[.)]\s+[^\d\n]{3,60}?(?<![.;,!])")
# thanks to a group of people ("Un grand merci à nos couturières !") and a paragraph
# opening on a pronoun that stands for them
_THANKED_GROUP = re.compile(r"\W{0,4}(?:un\s+)?(?:grand\s+|immense\s+|énorme\s+)?merci\s+(?:à|aux)\s+"
                            r"(?:nos|toutes nos|tous nos|ces|les)\s+(?P<who>[a-zà-ÿ]{4,}s)"
                            r"(?:\s+bénévoles)?\s*\W*$", re.I)
_THEY_OPEN = re.compile(r"(?:Elles|Ils)\s")
# A breakdown by town introducing a list ("Répartition des colis par commune :", "Le
# détail, commune par commune :")
_A_TOWN = r"(?:commune|village|ville|localité)"
# (or by the bare word before its colon, "Répartition :", over rows that are towns)
_BREAKDOWN = re.compile(rf"(?i)\b(?:répartition|ventilation|détail)\b[^:\n]*\bpar\s+{_A_TOWN}"
                        rf"|\b{_A_TOWN}\s+par\s+{_A_TOWN}\b|\b(?:répartition|ventilation)\s*:\s*$")
# A story's paragraph telling it shared things out among towns, ending on a colon
# ("… les a répartis entre les communes. Livraisons effectuées :"): the rows under it
# that give a town and a figure alone ("- Anvin : 900 masques") are its breakdown
_SHARED_OUT = re.compile(r"(?i)\b(?:répart\w*|distribu\w*|livr\w*|remis\w*|dispatch\w*|ventil\w*)"
                         r"\b[^:]*\b(?:communes|villes|villages|mairies)\b")
# a table's header row, its columns' names apart ("Commune (population) — masques remis :")
_COLUMN_HEAD = re.compile(r"[^\d\n:]{2,60}\s—\s[^\d\n:]{2,60}:")
# (the town's size may follow it in brackets: "• Marquise (5 088 hab.) : 4 200")
_TOWN_ROW = re.compile(rf"{BULLET.pattern}\s*[^:–—\n\d]{{2,40}}?(?:\s*\([^()\n]{{1,30}}\))?\s*(?::|\s[–—-])\s*(?:environ\s+)?"
                       r"\d[\d\s.,\u202f]*(?:\s+[^\W\d]+){0,2}\s*\.?$")
# A speaker's own sites ("nos trois points de collecte", "notre local") introducing a list
_OUR_SITES = re.compile(r"(?i)\b(?:nos|notre)\s+(?:[\wà-ÿ]+\s+){0,2}?(?:points?|lieux|sites?"
                        r"|adresses|permanences|antennes|locaux|local|dépôts?)\b")


def _titles_to_stories(blocks: list[Block], drafts: list[_Draft], read_of: dict) -> None:
    """A title (one line, no full stop) with figures and no actor, right over a story,
    is that story's ("Les couturières ont passé le cap des 5 000 masques" over the
    article that names the association)."""
    owner = {b.start: d for d in drafts for b in d.blocks}
    ruled = {b.start for b, nxt in zip(blocks, blocks[1:]) if nxt.role == "separator"}
    shown = [b for b in blocks if b.role != "separator"]
    before = {b.start: shown[i - 1] for i, b in enumerate(shown) if i}
    for d in list(drafts):
        title = before.get(d.blocks[0].start)
        if title is None or title.role != "content" or "\n" in title.text or \
                len(title.text) > 160 or \
                not any(q is not None for _, q in read_of.get(title.start, [])):
            continue
        other = owner.get(title.start)
        if other is None and not _ENDS_SENTENCE.search(title.text):
            d.blocks.insert(0, title)
            owner[title.start] = d
        elif other is not None and other is not d and \
                _taken_title(title, other, title.start in ruled):
            # a title, an exclamation maybe ("Nos couturières : déjà 1 750 masques !"),
            # that the text's own actor or the last story's list took is the next story's
            other.blocks.remove(title)
            if not other.blocks:
                drafts.remove(other)
            d.blocks.insert(0, title)
            owner[title.start] = d


def _taken_title(title: Block, other: _Draft, ruled: bool) -> bool:
    """`title` is no sentence and no total, and `other` took it for naming no one: as the
    text's own actor's figures, or as the unmarked line after its list. A numbered
    title is one when a rule underlines it ("4. COUTURIÈRES : OBJECTIF 700 MASQUES")."""
    exclaimed = title.text.rstrip().endswith("!") and bool(_FIELD.match(title.text))
    if (BULLET.match(title.text) and not ruled) or counted_once.TOTAL_CUE.search(title.text) \
            or (_ENDS_SENTENCE.search(title.text) and not exclaimed):
        return False  # (a labelled exclamation is a title: "Nos couturières : déjà 900 !")
    by_default = other.blocks == [title] and other.actor.start == other.actor.end == 0
    # (a labelled line under an entry is that entry's field: "• Action : …" over "Fait : …")
    after_list = len(other.blocks) >= 2 and other.blocks[-1] is title and \
        bool(BULLET.match(other.blocks[-2].text) or ruled) and \
        (ruled or exclaimed or not _FIELD.match(title.text))
    return by_default or after_list


def _lead_to_story(drafts: list[_Draft], blocks: list[Block], read_of: dict
                   ) -> list[_Draft]:
    """An article's lead sums up its story before naming who acts ("une trentaine de
    couturières … Près de 1 850 pièces sont déjà sorties"): the text's first paragraph,
    given to its town for want of a name, whose figure the story of a named actor gives
    again, is that story's."""
    first = next((b for b in blocks if b.role == "content"), None)
    # (the article's title may head the lead's draft)
    if len(drafts) < 2 or first is None or first not in drafts[0].blocks or \
            drafts[0].actor.end > 0:
        return drafts
    lead = drafts[0]
    said = _figure_keys(lead.blocks, read_of)
    story = next((d for d in drafts[1:] if d.actor.end > 0
                  and said & _figure_keys(d.blocks, read_of)), None)
    if story is None:
        return drafts
    story.blocks = sorted(story.blocks + lead.blocks, key=lambda b: b.start)
    return drafts[1:]


def _figure_keys(blocks: list[Block], read_of: dict) -> set:
    """The figures the blocks count (amount, thing, kind)."""
    return {counted_once.figure_key(q) for b in blocks for _, q in read_of.get(b.start, ()) if q}


def _orphan_lead(drafts: list[_Draft], blocks: list[Block], read_of: dict) -> None:
    """An article's lead that names nobody ("Depuis le 23 mars, une quarantaine de
    bénévoles transforment …"), above every story, tells the first story's figures when
    it or its headline gives a figure that story gives again ("8 000 surblouses et
    toujours pas de pause", then "le collectif a confectionné 8 000 surblouses"), or
    when the headline names that story's actor: it is that story's. Otherwise it stays
    to be checked, attached to no one."""
    if not drafts or drafts[0].actor.end == 0:
        return
    owned = {b.start for d in drafts for b in d.blocks}
    first = drafts[0].blocks[0].start
    lead = [b for b in blocks if b.start < first and b.start not in owned
            and b.role == "content" and any(q is not None for _, q in read_of.get(b.start, ()))]
    if len(lead) != 1:
        return
    at = blocks.index(lead[0])
    # (its headline by role, or the lone subtitle over it, short and with no full stop)
    above = [blocks[at - 1]] if at and (blocks[at - 1].role == "headline" or (
        blocks[at - 1].role == "content" and len(blocks[at - 1].text) < 150
        and not _ENDS_SENTENCE.search(blocks[at - 1].text))) else []
    # (or the headline names that story's actor: "Julien fabrique des visières" over
    # the story of Julien Caron)
    names = set(re.findall(rf"[{_UP}][a-zà-ÿ’'-]{{2,}}", drafts[0].actor.name))
    # (or the lead tells of the very thing the story counts: "une quinzaine de couturières
    # fabriquent des surblouses" over the story of a collective's 640 surblouses)
    said = things_named(" ".join(b.text for b in lead + above))
    things = {q.item for b in drafts[0].blocks for _, q in read_of.get(b.start, ())
              if q is not None}
    if _figure_keys(lead + above, read_of) & _figure_keys(drafts[0].blocks, read_of) or any(
            names & set(re.findall(rf"(?<=\s)[{_UP}][a-zà-ÿ’'-]+", b.text)) for b in above) or \
            said & things:
        drafts[0].blocks = sorted(drafts[0].blocks + lead, key=lambda b: b.start)


# numbers that count no output, by their shape or as a price or a share: a paragraph
# with only these has no figure ("… distribués gratuitement, on ne les vend pas 2 €")
_NO_COUNT = {"date", "year", "time", "duration", "ordinal", "phone", "postcode", "address",
             "reference", "age", "price", "percent"}


def _shifted(actor: Actor | None, by: int) -> Actor | None:
    """An actor found in a paragraph, placed in the text that joins its headline to it."""
    if actor is None or actor.end == 0:
        return actor
    return dataclasses.replace(actor, start=actor.start + by, end=actor.end + by)


def _one_voice(drafts: list[_Draft], blocks: list[Block], read_of: dict,
               context: Context) -> None:
    """A text that tells one action, its own author's (a post, a letter): its paragraphs
    without figures and naming nobody tell that action too ("Les livraisons se font à
    Saint-Étienne-au-Mont, mais aussi à Condette"), so where they say it happens counts."""
    if len(drafts) != 1 or context.actor is None or \
            normalise_key(drafts[0].actor.name) != normalise_key(context.actor.name):
        return
    draft = drafts[0]
    owned = {b.start for b in draft.blocks}
    for block in blocks:
        if block.role == "content" and block.start not in owned and \
                all(n.reason in _NO_COUNT for n, _ in read_of.get(block.start, ())) and \
                not (_THANKS.match(block.text) or _SAME.search(block.text)
                     or _EDITORIAL.search(block.text)) and find_actor(block.text) is None:
            draft.blocks.append(block)
    draft.blocks.sort(key=lambda b: b.start)


# where a service runs, in its author's text ("Le service fonctionne à Heuchin, à
# Pas-en-Artois et à …"): the author's towns
_RUNS_IN = re.compile(rf"\b(?:fonctionn|dessert|desserv|couvr|couvre|intervien)\w*\s+"
                      rf"(?:(?:à|dans|sur)\s+|les\s+communes\s+(?:de|d{_A})\s*)(?-i:[{_UP}])", re.I)
# a first sentence in the passive, its agent untold ("Les premiers colis ont été remis
# aux maires de …"): the agent is the one the story named
# (a verb of handing things over: "le confinement a été annoncé" tells no act of it)
_AGENTLESS_PASSIVE = re.compile(r"[^.!?\n]*?\b(?:a|ont)\s+(?:déjà\s+|aussi\s+|ensuite\s+)?été\s+"
                                r"(?:remis|distribu|livr|donn|offert|dépos|réparti|envoy|achemin"
                                r"|apport)[a-zà-ÿ]*\b(?![^.!?\n]*\bpar\s)")
# where a vehicle or a round stops ("Le camion stationne chaque semaine à Hesmond",
# "Tournées renforcées à Ruitz, …")
_STOPS_AT = re.compile(rf"\b(?:stationn\w*|s{_A}arrêt\w*|sillonn\w*|fai(?:t|sons|ont) (?:étape|halte)"
                       rf"|passe(?:nt|ra|ront)? (?:par|dans)|fai(?:t|sons|ont) sa tournée|tournées?)\b"
                       rf"[^.!?]{{0,40}}?\bà\s+(?-i:[{_UP}])", re.I)
# a newsletter's practical section: its items inform, they report no action
_PRACTICAL = re.compile(r"\W*(?:bon à savoir|(?:infos?\s+)?pratiques?|à noter|rappels?"
                        r"|numéros utiles|contacts?|horaires|informations? pratiques?)\W*", re.I)
_COMMUNES_COUNTED = re.compile(r"\b(?:aux|les|des|dans les|nos|ses|leurs)\s+(?:\d{1,3}|deux|trois|quatre"
                               r"|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt)\s+(?:communes"
                               r"|villages)\b", re.I)
# a question a list answers ("📦 Où sont partis vos masques ?")
_QUESTION = re.compile(r"^\W*(?:où|qui|quand|comment|combien|quel\w*)\b[^?\n]{0,80}\?\W*$", re.I)


def _pictograph_line(text: str) -> bool:
    """A post's line opened by a pictograph ("📦 …"), not a list's dash or number."""
    return bool(BULLET.match(text)) and not _listed(text)


# a heading naming sites: drop-off, collection or pick-up points, places, addresses
_SITES_HEADING = re.compile(r"(?i)\b(?:dépôts?|points?\s+(?:de\s+)?(?:collecte|retrait|dépôt"
                            r"|distribution|relais)|lieux|adresses|où\b)")


def _same_list(text: str, before: str) -> bool:
    """Two pictograph lines, or two lines of notes of one list marked alike."""
    if _pictograph_line(text) and _pictograph_line(before):
        return True
    # (lines of notes, not sentences: a list of sentences tells of one party each)
    mark, other = BULLET.match(text), BULLET.match(before)
    return bool(mark and other) and not mark.group()[:1].isdigit() and \
        mark.group().strip() == other.group().strip() and \
        not any(re.search(r"[.!?…]\s*$", t) for t in (text, before))


def _listed(text: str) -> bool:
    """An entry of a list made with dashes or numbers; a post's pictograph lines
    ("👉 On cherche 5 bénévoles") go on with its story."""
    mark = BULLET.match(text)
    return bool(mark) and (mark.group()[:1].isascii() or mark.group()[:1] in "–—•▪●■◦")


def _town_actor(text: str, figures: list, dep: str) -> Actor | None:
    """The town a list entry names first, as its actor: its volunteers when the entry
    counts helpers, else the commune itself."""
    # (not one named in passing: "Certains viennent même de Peuplingues ou de Marck")
    mentions = find_places(text, dep)
    town = next((m.resolution for m, by_the_way in zip(mentions, _passing_flags(text, mentions, (-1, -1)))
                 if m.resolution.level == "commune" and m.resolution.inside
                 and not by_the_way), None)
    if town is None or not town.nom:
        return None
    return _commune_actor(town, figures)


def _entry_town(text: str, dep: str):
    """The commune a list entry opens with ("• Marquise – …"), if it is one."""
    if not BULLET.match(text):
        return None
    entry = _strip_bullet(text)
    # (or with a full stop, as a label: "a) Carvin. Le centre social …")
    label = re.match(rf"({_TOWN_NAME})\.\s+[{_UP}]", entry)
    r = resolve(label.group(1), dep) if label else None
    if r is not None and r.code and r.level == "commune" and r.inside and \
            r.method in ("exact", "alias"):
        return r
    return _headline_town(entry, dep)


def _opening_town(text: str, dep: str):
    """The commune a paragraph opens with as its scene ("À Longuenesse, …", "Dans la
    commune de Fruges, …"): a fronted adverbial of place sets where the story happens."""
    m = re.match(rf"\s*(?:[ÀA]u?x?|Dans (?:le|la) (?:[a-zà-ÿ]+\s+)?(?:commune|village|ville|bourg)"
                 rf" d(?:e\s+|{_A})|Du côté d(?:e\s+|{_A}))\s*"
                 rf"({_TOWN_NAME})\s*,", text)
    if not m:
        return None
    r = resolve(m.group(1), dep)
    return r if r.code and r.level == "commune" and r.inside and \
        r.method in ("exact", "alias") else None


def _one_commune(text: str, dep: str):
    """The commune a short text names, when it names exactly one of the département."""
    towns = {m.resolution.code: m.resolution for m in find_places(text, dep)
             if m.resolution.level == "commune" and m.resolution.inside}
    if not towns and BULLET.match(text):
        # a list's line that is a name alone is that commune's, even a name that is
        # also a word ("- Vélu")
        # (in capitals, case tells no name from the word: "🧵 COUTURE" heads a topic)
        name = _strip_bullet(text).strip(" .;,")
        r = resolve(name, dep)
        if r.code and r.level == "commune" and r.inside and r.method == "exact" and \
                not (name.isupper() and fold(name) in AMBIGUOUS):
            return r
    return next(iter(towns.values())) if len(towns) == 1 else None


def _commune_actor(town, figures: list) -> Actor:
    """A commune as the actor of figures naming nobody: its volunteers when they count
    helpers, else the commune itself."""
    if any(q.kind == VOLUNTEERS for q in figures):
        return Actor(f"Bénévoles {_of(town.nom)}{town.nom}", CITIZEN, 0, 0)
    return Actor(f"Commune {_of(town.nom)}{town.nom}", LOCAL_GOV, 0, 0)


_LEGAL_FORM = re.compile(r"^(?:collectif|association)\s+(?=[«\"]|[A-ZÀ-Ý])", re.I)
# a body by its head, then its members in small letters ("Collectif de couturières
# bénévoles d'Aire-sur-la-Lys"): a description, no name
_DESCRIBED_BODY = re.compile(r"(collectif|association|groupe|atelier|club|réseau)\s+(?:de|des|d['’])\s*"
                             r"[a-zà-ÿ]", re.I)


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """One initiative per actor in a text: the paragraphs of an actor named again
    further down join its first ones."""
    out: dict[str, _Draft] = {}
    held: dict[str, set[int]] = {}        # the blocks each one holds, by their start
    for d in drafts:
        key = normalise_key(d.actor.name)
        if key in out:
            first = out[key]
            first.blocks += [b for b in d.blocks if b.start not in held[key]]
            held[key].update(b.start for b in d.blocks)
            first.contacts += d.contacts
        else:
            out[key], held[key] = d, {b.start for b in d.blocks}
    # an organisation named once with its seat and once without ("le Secours populaire
    # de Lens", "le Secours populaire") is one, when only one seat is named
    seats: dict[str, list[str]] = {}       # a bare name -> the names adding a seat to it
    for key in out:
        for m in re.finditer(r" d(?:e|u|es)? ", key):
            if key[:m.start()] in out:
                seats.setdefault(key[:m.start()], []).append(key)
    for key, seated in seats.items():
        if len(seated) == 1 and key in out and seated[0] in out:
            bare, full = out.pop(key), out[seated[0]]
            full.blocks = sorted(full.blocks + [b for b in bare.blocks
                                                if b.start not in held[seated[0]]],
                                 key=lambda b: b.start)
            full.contacts += bare.contacts
    # a bare head given the text's town ("le fablab" → "Fablab de Longuenesse") is the
    # one organisation of that kind named in the text ("le fablab L'Établi")
    for key in list(out):
        bare = _head_of_a_town(key)
        if bare is None:
            continue
        # the head followed right by a name ("Fablab L'Établi", "fablab « Le Hangar »"),
        # named before the bare head refers back to it; a press article's lead may name
        # it by its head before its full name ("les bénévoles de l'Amicale", then
        # "l'Amicale des couturières fréventines"), when that is the text's only one
        same_head = [k for k in out if k != key and k.startswith(bare.group(1) + " ")
                     and _head_of_a_town(k) is None]
        words = len(bare.group(1).split())
        named = [k for k in same_head
                 if re.match(rf"(?:\S+\s+){{{words}}}(?:(?:des|du|de la|de l{_A}|d{_A})\s*)?"
                             rf"(?:[«\"]|[{_UP}])", out[k].actor.name)
                 and out[k].blocks[0].start < out[key].blocks[0].start] or \
            [k for k in same_head if len(same_head) == 1 and _ORG_HEAD.match(bare.group(1))
             and out[k].blocks[0].start > out[key].blocks[-1].start]
        # or that head introduced a name of the same town where it was first named ("le
        # comité fréventin du Secours populaire", then "le comité")
        named = named or [k for k in out if k != key and bare.group(2) in k and re.search(
            rf"\b{re.escape(bare.group(1))}\b(?:\s+[^\W\d]+)?\s+(?:de|du|des)\s+"
            rf"{re.escape(re.sub(r' d(?:e|u|es)? .*$', '', k))}\b",
            normalise_key(" ".join(b.text for b in out[k].blocks)))]
        # or that head introduced a name the text then uses alone ("le collectif Les
        # Fils solidaires", an actor named "Les Fils solidaires")
        named = named or [k for k in out if k != key and re.search(
            rf"\b{re.escape(bare.group(1))}\s+(?:« ?)?{re.escape(k)}\b",
            normalise_key(" ".join(b.text for d in out.values() for b in d.blocks)))]
        if len(named) == 1:
            generic, full = out.pop(key), out[named[0]]
            full.blocks = sorted(full.blocks + generic.blocks, key=lambda b: b.start)
            full.contacts += generic.contacts
            # (the town the bare head was given, a proper name, is the named one's seat)
            full.town = full.town or generic.town or _named_seat(generic.actor.name)
    # a body described by its head and its members ("un collectif de couturières
    # bénévoles", an article's lead) is the one the text names with that head ("le
    # collectif Les Petites Mains"), when it names one only
    text = " ".join(b.text for d in out.values() for b in d.blocks)
    for key in list(out):
        described = _DESCRIBED_BODY.match(out[key].actor.name)
        if described is None:
            continue
        head = described.group(1).lower()
        named = [k for k, d in out.items() if k != key and re.search(
            rf"(?i:\b{head})\s+(?:« ?)?{re.escape(_without_head(d.actor.name, head))}\b", text)]
        if len(named) == 1:
            generic, full = out.pop(key), out[named[0]]
            full.blocks = sorted(full.blocks + generic.blocks, key=lambda b: b.start)
            full.contacts += generic.contacts
    # a legal form before a name is no part of it: "Collectif « Fil et Aiguille »" and
    # "Fil et Aiguille" are one, the first named keeping its name; nor is its article
    # ("Les Petites Mains airoises", "Petites Mains airoises")
    by_name: dict[str, _Draft] = {}
    for key, d in sorted(out.items(), key=lambda kv: kv[1].blocks[0].start):
        name = normalise_key(re.sub(rf"^(?:Les|La|Le|L{_A})\s*(?=[{_UP}])", "",
                                    _LEGAL_FORM.sub("", d.actor.name)))
        if name in by_name and not _head_of_a_town(name):
            first = by_name[name]
            first.blocks = sorted(first.blocks + [b for b in d.blocks if b not in first.blocks],
                                  key=lambda b: b.start)
            first.contacts += d.contacts
            out.pop(key)
        else:
            by_name.setdefault(name, d)
    # a family business bears its owner's surname ("la menuiserie Lebas", then
    # "Jean-Marc Lebas … raconte le menuisier"): the owner's figures are the firm's, when
    # one firm of the text bears that name
    for key, d in list(out.items()):
        words = d.actor.name.split()
        if d.actor.type != CITIZEN or len(words) != 2 or not words[1][:1].isupper() or \
                parse(d.actor.name)[0].pos_ != "PROPN":   # a first name, not "Confection"
            continue
        firms = [k for k, f in out.items() if k != key and f.actor.type != CITIZEN
                 and f.actor.name.split()[-1] == words[1] and len(f.actor.name.split()) >= 2]
        if len(firms) == 1:
            firm = out[firms[0]]
            firm.blocks = sorted(firm.blocks + [b for b in d.blocks if b not in firm.blocks],
                                 key=lambda b: b.start)
            firm.contacts += d.contacts
            out.pop(key)
    return sorted(out.values(), key=lambda d: d.blocks[0].start)


def _without_head(name: str, head: str) -> str:
    return re.sub(rf"(?i)^{head}\s+", "", name)


def _named_seat(name: str):
    """The commune an organisation's name ends with, written as a name ("Épicerie
    solidaire de Saint-Pol-sur-Ternoise"; not "atelier de couture")."""
    m = re.search(rf"\s(?:de|du|des|d{_A})\s*({_TOWN_NAME})$", name)
    r = resolve(m.group(1)) if m else None
    return r if r is not None and r.level == "commune" else None


def _head_of_a_town(key: str) -> re.Match | None:
    """A bare head given its town ("fablab de longuenesse", keys are normalised): (head,
    town), or None."""
    # (a head of a few words: "epicerie solidaire de sallaumines")
    m = re.match(r"((?:[^\W\d]+ ){0,2}?[^\W\d]+) d(?:e|u|es)? (.+)$", key)
    return m if m and resolve(m.group(2)).level == "commune" else None


def _finish(release: Release, draft: _Draft, mentions, local: bool, dep: str,
            read_of: dict, context: Context | None = None) -> Initiative:
    body = release.body
    excerpt = _excerpt(body, draft.blocks)
    text = "\n\n".join(b.text for b in draft.blocks)
    quantities = [q for b in draft.blocks for _, q in read_of[b.start] if q is not None]
    contacts = find_contacts(" \n".join(b.text for b in draft.blocks + draft.contacts))
    author = context is not None and context.actor is not None and \
        draft.actor.name == context.actor.name
    # the text's author named by its title ("Les P'tites Mains de Sangatte"): its town is
    # its seat, first among the places its paragraphs name, and its home, where those it
    # gives to elsewhere do not take it
    seat = [r for m in find_places(draft.actor.name, dep)
            if (r := _in_full(m, mentions)).level == "commune" and r.inside][:1] if author else []
    # … or the towns its header lists ("📍 Wimereux · Le Portel")
    seat += [t for t in (context.towns if author else []) if all(t.code != s.code for s in seat)]
    home = draft.town or (context.town if context is not None else None) or \
        (seat[0] if seat else None)
    places = choose_places(body, draft, mentions, home=home)
    if seat:
        places = [_place(t, t.nom) for t in seat] + \
            [p for p in places if all(p.code != s.code for s in seat)]
    if context is not None and context.town is not None and places and \
            all(p.level == "national" for p in places):
        places = []  # the country named in a local story is its background ("partout en France")
    if draft.town is not None and all(p.code != draft.town.code for p in places):
        # the commune heading its section is where it happens, first
        places = [_place(draft.town, draft.town.nom), *places]
    # with the others a joint heading names ("LEFOREST / ÉVIN-MALMAISON")
    places += [_place(t, t.nom) for t in draft.also if all(p.code != t.code for p in places)]
    if not places:
        # the inhabitants it serves name its town ("les courses pour les Étaplois")
        town = next((r for m in _INHABITANTS.finditer(text)
                     if (r := demonym_town(m.group(1), body, dep)) is not None), None)
        places = [_place(town, town.nom)] if town is not None else []
    if not places:
        # a local group's name often carries its town (« Le Panier d'Avion »)
        places = [_place(r, m.text) for m in find_places(draft.actor.name, dep)
                  if (r := _in_full(m, mentions)).level == "commune" and r.inside][:1]
    # a group named after the towns it joins, by a hyphen ("Solidarité Beugin-Hermin",
    # "l'épicerie Mouriez-Tortefontaine"), works in each of them
    places += [_place(t, t.nom) for t in _joined_towns(draft.actor.name, dep)
               if all(p.code != t.code for p in places)]
    if not places and context is not None and context.town is not None:
        # the text's town, or the towns its title names
        places = [_place(t, t.nom) for t in context.towns or [context.town]]
    if not places and context is not None and context.actor is not None and \
            (voice := resolve(context.actor.name, dep)).level == "epci":
        # an intercommunality's bulletin tells of its territory: a service it names with
        # no town ("le service intercommunal de portage") works there
        places = [_place(voice, context.actor.name)]
    if not places and (adj := _TOWN_ADJECTIVE_END.search(draft.actor.name)):
        # … or, in a text of no town, its town's adjective (« Le Fil rinxentois »)
        town = demonym_town(adj.group(1), body, dep)
        places = [_place(town, town.nom)] if town is not None and town.inside else []
    if not places and (not local or _NATIONAL.search(text)):
        places = [_national(dep)]  # a national scheme, or an item from elsewhere
    for p in places:
        if p.level == "national":
            p.inside = local  # a national scheme counts inside a local release
    return Initiative(release_id=release.id, actor=draft.actor.name,
                      actor_type=draft.actor.type,
                      category=categorise(text, draft.heading, draft.actor.name),
                      excerpt=excerpt,
                      places=places, quantities=quantities, contacts=contacts)


_TOWN_ADJECTIVE_END = re.compile(rf"\s({_DEMONYM_WORD})$")


def _excerpt(body: str, blocks: list[Block]) -> str:
    """The blocks as written; an actor's blocks apart in the text are joined by […]."""
    parts, run = [], [blocks[0]]
    for b in blocks[1:]:
        between = body[run[-1].end:b.start]
        if b.start >= run[-1].end and not between.strip():
            run.append(b)
        else:
            parts.append(run)
            run = [b]
    parts.append(run)
    return "\n\n[…]\n\n".join(body[r[0].start:r[-1].end] for r in parts)


# --- contacts ---------------------------------------------------------------

def find_contacts(text: str) -> list[str]:
    """URLs, e-mails and phone numbers, in order, without duplicates."""
    found: list[tuple[int, str]] = []
    for m in EMAIL.finditer(text):
        found.append((m.start(), m.group().rstrip(".")))
    rest = EMAIL.sub(lambda m: " " * len(m.group()), text)
    for m in URL.finditer(rest):
        url = m.group().rstrip(".,;:)»'’")
        if "." in url:
            found.append((m.start(), url))
    for m in PHONE.finditer(rest):
        digits = re.sub(r"\D", "", m.group())
        if digits.startswith("33"):
            digits = "0" + digits[2:]
        found.append((m.start(), " ".join(digits[i:i + 2] for i in range(0, 10, 2))))
    out: list[str] = []
    for _, value in sorted(found):
        if value not in out:
            out.append(value)
    return out


# --- places -----------------------------------------------------------------

_SPECIFIC = {"commune": 2, "epci": 3, "arrondissement": 3, "territoire": 3,
             "departement": 4, "national": 5}
_SEAT = re.compile(rf"(?:\b(?:situé|située|implanté|implantée|basé|basée|installé|installée)"
                   rf"\s+(?:à|dans|en|sur)|\ben mission (?:dans|sur)|\bintervient (?:dans|sur)"
                   rf"|\bchez (?:lui|elle) à"
                   # (its head office: "la coopérative, dont le siège est à Bonnières")
                   rf"|\bsiège (?:social )?(?:est )?(?:situé |installé )?(?:à|au))\s+(?:le\s+|la\s+|l{_A}|les\s+)?$", re.I)
_MAINLY = re.compile(rf"\bprincipalement (?:sur|dans|à)\s+(?:le secteur (?:de\s+|du\s+|d{_A})"
                     rf"|la commune (?:de\s+|d{_A}))?$", re.I)
_NATIONAL = re.compile(r"\bminist[èe]re\b|\bgouvernement\b|\.gouv\.fr|\bnationale?\b"
                       r"|réserve civique", re.I)
_PARTNER = re.compile(r"\b(?:partenaires?|partenariat|CCAS)\b[^.;]*$", re.I)
# Nearness and comparison name another town: "près de Lens", "proche de Béthune",
# "comme à Rinxent", "à l'instar de Calais", "comme l'ont fait d'autres à Carvin", "sur
# le modèle de l'atelier lancé à Béthune"; so do a distance or a direction from it: "à
# quelques kilomètres de Saint-Omer".
_NEAR = re.compile(rf"(?:\b(?:près|proche|non loin|à côté|aux portes|à l{_A}instar"
                   # a border ("jusqu'à la limite d'Étaples", "limitrophe de")
                   rf"|(?:la |les )?limites?|limitrophes?"
                   rf"|à proximité|à deux pas|à (?:[\w-]+\s+){{1,2}}(?:kilomètres?|km|minutes?)"
                   rf"|au (?:nord|sud|est|ouest)(?:-(?:est|ouest))?)"
                   rf" (?:de\s+|d{_A})|\barrondissement (?:de\s+|d{_A})|\bcomme (?:à|chez)\s+"
                   # what another did, given as a model ("à l'image de ce qu'a fait Heuchin")
                   rf"|\bà l{_A}(?:image|exemple) de ce qu(?:e\s+|{_A}\s*)(?:\w+\s+){{0,3}}?"
                   # others compared by where they are ("comme dans plusieurs communes
                   # voisines, à Lillers notamment")
                   rf"|\bcomme (?:dans|en)\s[^.;]{{0,60}}?(?:,\s*)?(?:à|au|en)\s+"
                   rf"|\bcomme\b[^.;]{{0,50}}\b(?:également|aussi|déjà)\s+(?:à|au|en)\s+"
                   # others compared ("Comme mes collègues maires de Brebières et de ")
                   rf"|\b[Cc]omme\s+(?:mes|nos|ses|leurs|les|des|ces|la|le|l{_A}|une?)\s*[^.;:,]{{0,60}}"
                   rf"\s(?:de|d{_A})\s*"
                   # an example given ("une grande ville comme Lens")
                   rf"|\bcomme\s+"
                   rf"|\bcomme\s+(?:l{_A}\s*)?(?:\w+\s+){{0,2}}(?:fait|font|faisai\w+)\b"
                   rf"(?:[^.;]{{0,50}}\s(?:à|au|en|de|d{_A})\s*|\s+)"
                   # what inspired it, named bare ("on s'est inspirés de ce qu'avait lancé ")
                   # (past a qualifier: "inspirées pour certaines de l'opération de")
                   rf"|\binspir\w*\s+(?:pour\s+(?:certaine?s|partie|beaucoup)\s+|en\s+partie\s+)?"
                   rf"(?:de|par|d{_A})\b[^.;]{{0,80}}(?:\s|d{_A})"
                   # a route through a place ("transiteront par la plateforme de ", "via ")
                   rf"|\btransit\w*\s+(?:par|via)\b[^.;]{{0,60}}\s(?:de\s+|d{_A}|à\s+|au\s+)?"
                   # (a list after a colon is no route: "via quatre points de retrait : les
                   # mairies de Bapaume, Croisilles …" are where it happens)
                   rf"|\bvia\s+(?:[^.;:]{{0,40}}\s(?:de\s+|d{_A}))?"
                   # a side set against ours ("le derby contre Outreau", "face à Arques")
                   rf"|\b(?:contre|face à)\s+"
                   # … or where something may be found, a mere possibility ("la pharmacie
                   # de garde peut se trouver à Outreau")
                   rf"|\b(?:peu(?:t|vent)|pourr\w*)\s+(?:aussi\s+|parfois\s+)?se\s+trouver\s+(?:à|au|en)\s+"
                   # … or a town set in contrast ("Contrairement à Boulogne, aucune …")
                   rf"|\b(?:contrairement\s+(?:à|au)|à la différence\s+(?:de|d{_A}|du))\s*"
                   # a trip's start ("qui fait le trajet depuis Oignies")
                   # (… or to a place one frequents: "que beaucoup fréquentaient depuis Watten")
                   rf"|\b(?:trajets?|routes?|navettes?|vien\w*|venue?s?|fréquent\w*)\s+"
                   rf"(?:[\w-]+\s+){{0,4}}?depuis\s+"
                   # … or a trip one is spared ("Inutile de vous déplacer à Berck",
                   # "plus besoin d'aller jusqu'à Arras")
                   rf"|\b(?:inutile|plus besoin|pas besoin|nul besoin|sans avoir)\s+(?:de\s+|d{_A}|à\s+)"
                   rf"(?:vous\s+|nous\s+|se\s+|s{_A})?(?:déplacer|aller|courir|rouler|filer)\s+"
                   rf"(?:jusqu{_A})?(?:à|au)\s+"
                   # … or the school people attend ("nos enfants qui fréquentent le
                   # collège d'Ardres")
                   rf"|\bfréquent(?:e|ent|ait|aient|er)\s+(?:le|la|les|l{_A})\s*[^.;,:]{{0,30}}?"
                   rf"\s(?:de\s+|d{_A}|du\s+|à\s+)"
                   # … or the helpers' ("9 bénévoles, venus de Marles, mais aussi de
                   # Barlin"): where they come from, not where they act
                   rf"|\bvenue?s?\s+(?:de\s+|d{_A}|du\s+)"
                   rf"(?:[A-ZÀ-Ý][\w’'-]*(?:\s+[\w’'-]+){{0,2}}?\s*,?\s*(?:et|ou|mais)\s+"
                   rf"(?:aussi\s+)?(?:de\s+|d{_A}|du\s+))*"
                   # … or its end ("faire la route jusqu'à Arras", "le trajet jusqu'au
                   # marché de Lens", "limitez vos déplacements, même vers Lens"): a way
                   # there, no act there
                   rf"|\b(?:route|trajets?|chemin|déplacements?)\s*,?\s+(?:(?:y compris|même|surtout"
                   rf"|notamment)\s+)?(?:jusqu{_A}(?:à|au)|vers)\s+"
                   # … or the road named after it ("prennent chaque matin la route de Lillers")
                   rf"|\b(?:la|une)\s+route\s+(?:de\s+|d{_A}|du\s+)"
                   rf"(?:[^.;,:]{{0,30}}?\s(?:de\s+|d{_A}))?"
                   # where a person lives, told as such ("Jocelyne, elle, habite Houchin")
                   rf"|\b(?:habit(?:e|es|ent|ait|aient)|résid(?:e|ent|ait|aient))\s+(?:à\s+|au\s+|en\s+)?"
                   # … or where one works or worked ("ceux qui continuent à travailler, ici
                   # ou à Lens", "la plupart bossent à Arras", "toute sa carrière dans une
                   # filature de Lille")
                   rf"|\b(?:travaill|boss)\w*\b[^.;:]{{0,20}}?\s(?:à|au|en)\s+"
                   rf"|\bcarrière\b[^.;:]{{0,50}}?\s(?:de\s+|d{_A}|à\s+|au\s+)"
                   # … or lived once ("installé autrefois à Lens", "a longtemps vécu à Auchel")
                   rf"|\b(?:installée?s?|établie?s?)\s+(?:autrefois|jadis|naguère|auparavant"
                   rf"|longtemps)\s+(?:à|au|en)\s+"
                   rf"|\b(?:a|ont|avait|avaient)\s+(?:longtemps\s+|autrefois\s+|jadis\s+)?vécu\s+(?:à|au|en)\s+"
                   # … or where she was born or grew up ("Karim a grandi à Grenay", "elle est
                   # née à Auchel", "originaire de Lillers"): her life's places, not the act's
                   rf"|\b(?:a|ont|avait|est|sont|était)\s+(?:grandi|née?s?)\s+(?:à|au|en)\s+"
                   rf"|\b(?:originaires?|natifs?|natives?)\s+(?:de\s+|d{_A}|du\s+)"
                   # a line between two towns ("la ligne reliant Ambleteuse à Boulogne")
                   rf"|\b(?:reliant|relie|relient|reliait|desservant)\s+(?:(?:à|au)\s+|[^.;,:]{{1,40}}?\s(?:à|au|et)\s+)?"
                   # an edge toward a town ("la sortie vers Dourges", "à la frontière avec
                   # Drocourt"): near it, not in it
                   rf"|\b(?:sortie|route)\s+vers\s+|\b(?:frontière|limite)\s+avec\s+"
                   rf"|\b(?:sur le modèle|à l{_A}image|à l{_A}exemple"
                   # something alike elsewhere ("une opération similaire menée à Marquion")
                   rf"|(?:similaires?|comparables?|semblables?|analogues?)\b)"
                   rf"[^.;]{{0,80}}\s(?:à|au|en|de|d{_A})\s*"
                   # a position between two towns ("à mi-chemin entre Desvres et Montreuil",
                   # "située entre Lens et Liévin"): they locate it, it is in neither
                   rf"|\b(?:mi-chemin|égale distance|situé\w*|installé\w*|implanté\w*|niché\w*"
                   rf"|route|chemin|axe|trajet|départementale)"
                   rf"\s+entre\s+(?:[^.;,:]{{1,40}}?\s(?:et|de)\s+|d{_A}|de\s+)?"
                   # the nearest of a kind ("la pharmacie la plus proche étant à Achiet")
                   rf"|\bplus proches?\b[^.;,]{{0,30}}?\s(?:à|au|de|d{_A})\s*"
                   # an outer limit reached now and then ("parfois jusqu'à Saint-Omer")
                   rf"|\b(?:parfois|quelquefois|même|voire)\s+jusqu{_A}(?:à|au)\s+"
                   # … or another's of the kind ("jusqu'à celui d'Arras si besoin")
                   rf"|\bjusqu{_A}(?:à|au)\s+(?:celui|celle|ceux|celles)\s+(?:de\s+|d{_A})"
                   # another's way recalled ("une démarche qui rappelle celle adoptée à")
                   rf"|\brappel\w*\s+(?:celles?|celui|ceux)\b[^.;]{{0,50}}\s(?:à|au|en)\s+"
                   # a way told by where it leads ("en sortie de ville, direction Oye-Plage")
                   # (a sentence "Direction Gauchin, Ramecourt…" gives a trip's destinations)
                   rf"|(?:,\s*|\ben\s+)direction\s+(?:de\s+|d{_A})?|\broute\s+(?:de\s+|d{_A})"
                   # … a road by its two ends ("sur la route de Calais à Saint-Omer")
                   rf"|\broute\s+(?:de\s+|d{_A})[^.;,:]{{1,40}}?\s(?:à|au|jusqu{_A}(?:à|au))\s+"
                   # a road's way ("la départementale qui file vers Montreuil")
                   rf"|\b(?:route|départementale|nationale|autoroute|chemin|file|filent|mène"
                   rf"|mènent|conduit|conduisent)\b[^.;]{{0,20}}\bvers\s+"
                   # … or to it ("au bord de la route qui mène à Frencq")
                   rf"|\b(?:route|rue|chemin|départementale|nationale|autoroute|voie)\s+qui\s+"
                   rf"(?:mène|conduit|va|file|part)\w*\s+(?:à|au|jusqu{_A}(?:à|au))\s+"
                   # … or from it ("la départementale qui descend de Tingry")
                   rf"|\b(?:route|rue|chemin|départementale|nationale|autoroute|voie)\s+qui\s+"
                   rf"(?:vient|vien\w+|descend\w*|monte\w*|part\w*|arrive\w*)\s+(?:de\s+|d{_A}|du\s+)"
                   # a person's life told in a relative clause ("son dirigeant, qui a grandi
                   # à Liévin", "le gérant, qui a appris le métier à Boulogne", "qui habite")
                   rf"|\bqui\s+(?:a\s+|est\s+|avait\s+|était\s+)?(?:grandi|née?|appris|habit\w*"
                   rf"|vit|vivait|résid\w*|étudi\w*)\b[^.;,]{{0,40}}?(?:\s(?:à|au|en)\s+|\s+|$)"
                   # … or a trade it used to ply there ("qui a longtemps travaillé à Lugy")
                   rf"|\bqui\s+(?:a|avait)\s+(?:[a-zé]+ment\s+|longtemps\s+|toujours\s+)?"
                   rf"(?:travaillé|exercé|enseigné)\s+(?:[^.;,\s]+\s+){{0,3}}?(?:à|au|en)\s+"
                   # … or was ("qui a longtemps été institutrice à Pommera"), or moved to
                   # ("parti vivre à Westrehem")
                   rf"|\bqui\s+(?:a|avait)\s+(?:longtemps\s+|toujours\s+)?été\s+[a-zà-ÿ]+"
                   rf"(?:\s+[a-zà-ÿ]+)?\s+(?:à|au|en)\s+"
                   rf"|\bpartie?s?\s+(?:vivre|habiter|s{_A}installer|travailler)\s+(?:à|au|en)\s+"
                   # … or a place left ("dont l'atelier a quitté Saint-Rémy en 2012")
                   rf"|\b(?:a|ont|avait|avaient)\s+quitté\s+"
                   # a way's waypoint ("son trajet passe par Lefaux", "en passant par Ouve")
                   rf"|\b(?:passe|passent|passant|passait|passer)\s+(?:désormais\s+|aussi\s+|alors\s+)?par\s+"
                   # where a person studies ("jeune de 17 ans, élève au lycée Mariette de")
                   rf"|\b(?:élève|étudiante?|lycéen(?:ne)?|collégien(?:ne)?|apprentie?)s?\s+"
                   rf"(?:au|à la|à l{_A}|en)\s*[^.;,]{{0,40}}?\s(?:de\s+|d{_A}|à\s+)"
                   # a person's former trade ("le maire, ancien infirmier à Arras", "une
                   # ancienne couturière professionnelle de Samer")
                   rf"|\bancien(?:ne)?s?\s+[a-zà-ÿ]+(?:\s+[a-zà-ÿ]+)?\s+(?:à\s+|au\s+|de\s+|d{_A})"
                   # the usual work, not the crisis's ("qui intervient habituellement … à")
                   rf"|\b(?:habituellement|d{_A}habitude|en temps normal|d{_A}ordinaire)\b[^.;]{{0,60}}"
                   rf"\s(?:à|au|en|jusqu{_A}(?:à|au))\s+"
                   # what was said or done elsewhere, recalled ("comme cela a déjà été
                   # annoncé à Isbergues", "comme cela s'est fait à Avesnes")
                   rf"|\bcomme\s+(?:cela|ça|ce|on|il|elle)\b[^.;]{{0,50}}\s(?:à|au|en)\s+"
                   # what a report showed ("un reportage sur des bénévoles de Béthune")
                   rf"|\b(?:reportage|documentaire|émission|vidéo|article)\b[^.;]{{0,40}}"
                   rf"\s(?:de\s+|d{_A}|à\s+|au\s+|en\s+)"
                   rf"|\bdont (?:le|la|les|l{_A})\s*(?!siège|local|atelier)\w+\s+(?:se trouve|se situe|est|sont)\w*"
                   rf"\s+(?:à|au)\s+)$",
                   re.I)
def _quoted_at(body: str, pos: int) -> bool:
    """Whether `pos` is inside a quotation of its paragraph (« … »)."""
    said = body[body.rfind("\n", 0, pos) + 1:pos]
    return said.count("«") > said.count("»")


# a service of a town said closed, suspended or cut down ("le marché du lundi à Samer est
# suspendu", "les marchés de Berck et d'Étaples restent fermés"): a notice, no act there
# (the town's own service, the closure's subject: "Hallines, dont la boulangerie est fermée"
# tells why it is served)
_CLOSED_AFTER = re.compile(r"[^.;:!?,]{0,60}?\b(?:(?:est|sont|reste|restent|demeure|demeurent)[\s,]+"
                           r"(?:[\w’']+[\s,]+){0,4}?(?:suspendue?s?|fermée?s?|annulée?s?|reportée?s?)"
                           r"|fonctionn\w*\s+en\s+horaires?\s+réduits)\b", re.I)
# a town, or the last of towns coordinated with it, then a relative clause of place
# (a clause of act, not of state: "…, où les commerces restent fermés" describes the town)
_WHERE_AFTER = re.compile(rf"(?:\s*(?:,|et|ou)\s+(?:de\s+|d{_A}|à\s+)?{_TOWN_NAME})*\s*,\s*où\s"
                          rf"(?![^.;:!?,]{{0,40}}\b(?:rest|demeur)(?:e|ent|ait|aient)\b)")
# others imitating the story there
_EMULATED = re.compile(rf"\bémules?\b[^.;]{{0,20}}\s(?:à|au|en|jusqu{_A}(?:à|au))\s+$", re.I)
# A town qualifying another party (a supplier, a hospital, neighbours) or an origin is
# where that party is, not a place the initiative reaches: "à une entreprise de Bapaume",
# "offerts au centre hospitalier d'Helfaut", "comme nos voisins d'Étaples".
# where people or goods come from ("certaines viennent de Courrières")
# (a person's birthplace, in apposition to the name: "Bernard, né à Herbinghen"; a body
# "née à" a town was founded there, its seat)
_ORIGIN = re.compile(rf"\b[{_UP}][a-zà-ÿ-]+,\s+née?s?\s+(?:à|au)\s+$"
                     rf"|\b(?:originaires?|en provenance|venue?s?|débarqu\w*|arriv(?:ée?s?|e|ent|ait|aient)"
                     # (a time between, its words hyphenated: "vient tous les après-midi de")
                     rf"|vien(?:t|nent|nait|naient))(?:\s+[\w-]+){{0,3}}\s+(?:de\s+|d{_A})$"
                     # people shared out by where they are from ("certaines de Guisy,
                     # d'autres de Contes")
                     rf"|\b(?:certaine?s|quelques-une?s|d{_A}autres)\s+(?:de\s+|d{_A}|du\s+)$", re.I)
# … unless those who come are the ones served: their towns are reached ("52 familles
# accueillies ce matin, venues de Renty et de Verchin")
_SERVED_FROM = re.compile(r"\b(?:familles|foyers|personnes|bénéficiaires|habitants|usagers)\s+"
                          r"(?:[\w’'-]+\s+){0,2}?(?:servi|aidé|accueilli|reçu|inscrit|livré)e?s?\b"
                          r"[^.;!?]{0,40}?\b(?:venue?s?|originaires?)\s+(?:[\w-]+\s+){0,3}?(?:de\s+|d['’])$"
                          # (clients, served by name: "clients venus de Crémarest, …")
                          r"|\b(?:clients|clientes|usagers)\s+(?:venue?s?|originaires?)\s+(?:de\s+|d['’])$"
                          # (… or people a verb of service reached, then where they come from,
                          # every town of the list: "accompagne 210 familles, venues de Bapaume
                          # mais aussi de Favreuil et de Grévillers")
                          r"|\b(?:accompagn|aid|ser[vt]|livr|accueill|nourri|distribu|équip)\w*\s+"
                          r"(?:[\w’'-]+\s+){0,3}?(?:familles|foyers|personnes|bénéficiaires|usagers"
                          r"|clients)\s*,?\s+(?:venue?s?|originaires?)\s+(?:de\s+|d['’])"
                          r"(?:[^.;!?]{0,80}?(?:,\s*|\bet\s+|\bde\s+|d['’]))?$",
                          re.I)
# a person's first name, then where the person is from, set apart by commas ("merci à
# Monique, de Sailly-au-Bois, qui nous a cousu 40 masques")
# (the name alone after a common word: "les Transports Delattre, de Gauchin" is a firm's)
_NAME_THEN_FROM = re.compile(rf"(?:^|[\s(])[a-zà-ÿ’']+\s+([{_UP}][a-zà-ÿ]+(?:-[{_UP}][a-zà-ÿ]+)?),"
                             rf"\s+(?:de\s+|d{_A})$")


def _from_town(body: str, m) -> bool:
    """The town in apposition to a first name ("Monique, de Sailly-au-Bois,") is where the
    person comes from; a town before it is a list of towns ("de Lumbres, de Setques")."""
    before = _NAME_THEN_FROM.search(body[max(0, m.start - 40):m.start])
    if before is None or not re.match(r"\s*,", body[m.end:m.end + 3]):
        return False
    r = resolve(before.group(1))
    return not (r.code and r.level == "commune")


# a signer's other mandate, after the office the text speaks for ("Jean Roussel, président
# de la Communauté de communes, maire de Tincques"): his town, not a place reached
_OTHER_MANDATE = re.compile(rf"\b(?:vice-)?présidente?\b[^.;\n]{{0,60}},\s*(?:et\s+)?maire"
                            rf"\s+(?:de\s+|d{_A}|du\s+)$", re.I)
# the verbs of giving: what follows them is given to someone
# (carried to the door too: "portés à domicile, chez nos voisins de Mory")
_GIVING = (r"(?:remi[st]e?s?|donn\w*|offert\w*|offr\w*|distribu\w*|livr\w*|apport\w*|envoy\w*|dépos\w*"
           r"|porté(?:e|s|es)?\s+à\s+domicile)")
_PARTY_NOUNS = (
    r"(?:entreprises?|sociétés?|fournisseurs?|fabricants?|industriels?|commerçants?"
    r"|artisans?|maraîchers?|producteurs?|agriculteurs?|imprimeurs?|usines?|ateliers?"
    # (in the feminine too: "Martine, productrice à Ruisseauville")
    r"|maraîchères?|productrices?|agricultrices?|éleveuses?|fermières?|fournisseuses?"
    r"|céréali(?:er|ère)s?|arboricult(?:eur|rice)s?|apicult(?:eur|rice)s?|viticult(?:eur|rice)s?"
    r"|voisins?|voisines?|amis?|retraitée?s?"
    r"|confrères?|consœurs?|marchés?"
    # the State's officials and offices are visitors; their seat is not the place
    r"|(?:sous-)?préf(?:et|ète)s?|(?:sous-)?préfecture|députée?s?|sénat(?:eur|rice)s?"
    r"|amies?|collègues?|homologues?|partenaires?|transporteurs?|grossistes?|magasins?"
    r"|supermarchés?|hypermarchés?|drives?|grandes? surfaces?|dentelliers?|tisserands?|merciers?|mercières?|merceries?"
    r"|revendeurs?|distributeurs?|négociants?|laboratoires?|imprimeries?|pharmacies?"
    r"|boulangeries?|restaurants?|traiteurs?|cuisines? centrales?|éleveurs?|fermiers?"
    # (shopkeepers by their trade: "le boulanger d'Avesnes continue sa tournée")
    r"|boulang(?:er|ère)s?|bouch(?:er|ère)s?|épici(?:er|ère)s?|pharmacien(?:ne)?s?"
    r"|poissonni(?:er|ère)s?|fromag(?:er|ère)s?|primeurs?"
    r"|fermes?|brasseries?|distilleries?|coopératives?|entrepôts?"
    r"|laiteries?|fromageries?|boucheries?|charcuteries?|minoteries?|blanchisseries?)")
_OTHER_PARTY = re.compile(
    rf"\b{_PARTY_NOUNS}"
    rf"(?:\s+[\w’'-]+){{0,2}}\s+(?:de\s+|d{_A}|du\s+"
    rf"|(?:installée?s?|basée?s?|située?s?|implantée?s?)\s+(?:à|au)\s+)$"
    # a supplier's trade in apposition to a person ("Martine, productrice à Ruisseauville")
    rf"|,\s*{_PARTY_NOUNS}\s+(?:à|au)\s+$"
    rf"|{_ORIGIN.pattern}"
    # an indefinite party governed by a preposition ("à l'initiative d'une couturière de
    # Longuenesse", "les invendus d'une grande surface de Coquelles")
    rf"|(?:\b(?:à|par|avec|pour|chez|auprès d{_A}|de)\s+|\bd{_A}\s*)(?:un|une)\s+"
    rf"(?:[\w’'-]+\s+){{1,3}}(?:de\s+|d{_A})$"
    # one person of a town, brought in indefinitely, gives from home ("un habitant de
    # Hames-Boucres a livré plusieurs rouleaux de coton")
    rf"|\b(?:un|une)\s+(?:habitante?|particulier|particulière|riveraine?|voisine?)\s+"
    rf"(?:de\s+|d{_A})$", re.I)
# peers of two towns ("nos amis du Touquet et de Camiers", "mes collègues de Lillers et
# de Burbure"): the second town is theirs as much as the first
_PEERS_SECOND_TOWN = re.compile(rf"\b(?:amie?s|collègues|homologues|confrères|consœurs)\s+"
                                rf"(?:de\s+|d{_A}|du\s+)[\w’'-]+(?:[\s-][\w’'-]+){{0,3}}?"
                                rf"\s+et\s+(?:de\s+|d{_A}|du\s+)$", re.I)
# (… unless they are given to: "distribués à nos amis de Thélus et de Farbus")
_GIVEN_TO_PEERS = re.compile(r"\b(?:à|aux|pour|chez)\s+(?:nos\s+|mes\s+|leurs\s+|ses\s+|les\s+)?"
                             r"(?:amie?s|collègues|homologues|confrères|consœurs)\s", re.I)
# friends or neighbours given to are the people served, like a town's inhabitants
# ("distribués à Vimy mais aussi à nos amis de Thélus"), no other party's seat; friends
# thanked are that party ("merci à nos amis de Marck qui nous ont prêté …")
_FRIENDS_SERVED = re.compile(rf"\b{_GIVING}\b[^.;:!?]{{0,80}}"
                             rf"\b(?:à|aux|pour|chez)\s+(?:nos|leurs|ses|mes|vos|des|les)\s+"
                             rf"(?:amie?s|voisine?s)\s+(?:de\s+|d{_A}|du\s+)$", re.I)
# a party's premises where the action takes place ("une collecte devant le supermarché
# de Fouquières-lès-Lens"): there it happens, whoever owns the place
_AT_A_PARTY = re.compile(
    rf"\b(?:devant|sur le parking|à l{_A}entrée|à la sortie|dans (?:le hall|la galerie))"
    rf"\s+(?:du|de la|de l{_A}|des|d{_A}une?|le|la|les|l{_A})?\s*{_PARTY_NOUNS}"
    rf"(?:\s+[\w’'-]+){{0,2}}\s+(?:de\s+|d{_A}|du\s+)$", re.I)
# a party a verb of giving hands things to ("remises aux pharmacies de", "partis chez les
# commerçants de"): it receives, it supplies nothing
_GIVEN_TO_PARTY = re.compile(
    rf"\b(?:{_GIVING}|parti(?:e|s|es)?)\b[^.;:!?]*\b(?:aux?|à la|à l{_A}|chez (?:les?|la))\s*{_PARTY_NOUNS}"
    rf"(?:\s+[\w’'-]+){{0,2}}\s+(?:de\s+|d{_A}|du\s+)$", re.I)
# Those who receive: hospitals, care homes, surgeries, social groceries, a charity given
# to. Their town is where help arrives, which says where an initiative happens only when
# nothing else does (no town of its own, of its section or of its text).
# places of care, which receive
_CARE = (r"hôpitaux|hôpital|centres? hospitaliers?|(?:poly)?cliniques?|CHU|CH|EHPAD|urgences"
         r"|maisons? de retraite|résidences?|cabinets?(?: infirmiers?| médicaux?)?"
         r"|(?:maisons?|centres?|pôles?) (?:de santé|médica(?:l|le|ux|les)|pluridisciplinaires?)")
_RECEIVER = re.compile(
    rf"\b(?:(?:{_CARE}"
    rf"|épiceries? (?:sociales?|solidaires?)"
    # … and public services given to: fire stations, police
    rf"|centres? de secours|casernes?|gendarmeries?|commissariats?)"
    rf"(?:\s+[\w’'-]+){{0,3}}\s+(?:de\s+|d{_A}|du\s+)"
    rf"|(?:\b(?:à|aux?|pour)\s+|\b(?:destinataires?|bénéficiaires?)\s*:\s*)"
    rf"(?:l[ae]s?\s+|l{_A})?"
    # (or its local branch: "à l'antenne des Restos du cœur de Lens")
    rf"(?:(?:antenne|section|délégation|unité locale|comité)\s+(?:des\s+|du\s+|de la\s+|de l{_A}|de\s+|d{_A}))?"
    rf"(?:{_CHARITIES})\s+(?:de\s+|d{_A}|du\s+))$",
    re.I)
RECEIVER_ONLY = 8.0
# a receiver named whole, then where it stands, in apposition
_RECEIVER_AT = re.compile(rf"\b(?:au|à l['’]|aux|à la|pour l['’]|pour les?|pour la)\s*"
                          # (or its staff: "au personnel de la polyclinique X, à Liévin")
                          rf"(?:(?:personnel|soignants|équipes?)\s+(?:de la|du|de l['’]|des)\s*)?"
                          rf"(?:{_CARE})\b"
                          r"[^,.;:!?]{0,70}?(?:,\s*(?:(?:installée?s?|située?s?|implantée?s?)\s+)?|\s)"
                          r"(?:à|au)\s+$", re.I)
# Those an actor joins with act with it: their towns are partners', not passing
_JOINED = re.compile(r"\b(?:regroup|associ|alli|uni|joint)\w*\s+(?:\w+\s+){0,2}avec\b[^.;:]*$",
                     re.I)
# "le village voisin de Boisjean" names that village itself, unlike "nos voisins de X"
_NEIGHBOUR_PLACE = re.compile(r"\b(?:village|commune|ville|bourg|hameau)s?\s+voisine?s?\s+"
                              rf"(?:de\s+|d{_A})$", re.I)
# A verb of provenance: the towns its complement names are where the goods come from
# ("les produits proviennent d'une plateforme implantée à Dourges").
# (the verb, not the noun "fournisseur"; within its paragraph), or where goods are
# bought, the purchase's own complement ("le tissu est acheté au centre commercial de
# Noyelles", "achetées chez un grossiste d'Arras")
_PROVENANCE = re.compile(rf"\b(?:(?:prov(?:ien|en)\w*|fourni(?:s|t|e|es|ssent|ssait|ssaient)?)"
                         rf"[^.;:!?\n]{{0,100}}"
                         # (the means may come between: "acheté grâce à vos dons dans une
                         # boutique de Boulogne")
                         # (… or the depot things left: "acheminés depuis la plateforme de Dourges")
                         rf"|\bdepuis\s+(?:la|le|l{_A}|les|une?|des)\s*(?:plate-?formes?|entrepôts?|dépôts?"
                         rf"|usines?|sites?)\b[^.,;:!?\n]{{0,40}}"
                         rf"|achet(?:é|ée|és|ées)\s+(?:[^.,;:!?\n]{{0,40}}?\s)?(?:auprès|au|aux|à|chez|dans)\b"
                         rf"[^.,;:!?\n]{{0,60}}"
                         # (goods arriving from a depot: "une partie du tissu arrive de
                         # l'entrepôt régional de Barlin")
                         rf"|\barriv(?:e|ent|ait|aient|ée?s?)\s+(?:de|du|des|d{_A})\b[^.,;:!?\n]{{0,60}}"
                         # supplies fetched ("on va les chercher chaque mardi à l'entrepôt
                         # de la banque alimentaire, à Saint-Pol")
                         rf"|\b(?:va|vont|allons|vais|vas|allez|aller|allée?s?|sommes allée?s|est allée?)"
                         rf"\s+(?:les\s+|la\s+|le\s+|l{_A}|en\s+)?(?:chercher|récupérer)\b"
                         # (not past those it is done for: "… chercher les médicaments pour
                         # une quinzaine de personnes âgées de Savy")
                         rf"(?:(?!\bpour\b)[^.;:!?\n]){{0,80}})"
                         rf"\b(?:à|au|de|d{_A})\s*$", re.I)
# A town after its postcode is an address: where an office is, not a place reached,
# unless the text names no other place (a town hall's own page).
_POSTCODE_BEFORE = re.compile(r"\b\d{5}\s+$")
ADDRESS_ONLY = 9.0
# A town inside an intercommunality's name is part of that name ("CA de Béthune-Bruay").
_EPCI_NAME = re.compile(rf"\b(?:communauté (?:d{_A}agglomération|de communes|urbaine)"
                        rf"|CA|CC|CU|agglo(?:mération)?)\s+(?:de\s+|d{_A}|du\s+)$", re.I)


class _Mentions(list):
    """The text's place mentions in order, with their starts for bisection: finding a
    paragraph's mentions is then logarithmic, not a scan (a text may hold thousands)."""

    def __init__(self, mentions):
        super().__init__(sorted(mentions, key=lambda m: (m.start, m.end)))
        self.starts = [m.start for m in self]


def _mentions(body: str, dep: str) -> _Mentions:
    ignored = sorted((m.start(), m.end()) for p in (URL, EMAIL) for m in p.finditer(body))
    starts = [a for a, _ in ignored]
    reach = list(itertools.accumulate((b for _, b in ignored), max))  # furthest end so far

    def in_link(m) -> bool:
        i = bisect.bisect_left(starts, m.end)   # the links starting before its end
        return i > 0 and reach[i - 1] > m.start
    return _Mentions(_shortened((m for m in find_places(body, dep)
                                 if m.resolution.code and not in_link(m)), dep))


def _shortened(mentions, dep: str) -> list:
    """A commune named by the first word of its name ("Bully" for Bully-les-Mines, the
    habit of its inhabitants), when that word is no commune of the département: the
    commune the text named in full before ("Campagne-lès-Hesdin", then "Campagne"), else
    the département's only commune whose name starts with it."""
    mentions = sorted(mentions, key=lambda m: m.start)
    full = _named_in_full(m.resolution for m in mentions)
    out = []
    for m in mentions:
        r = m.resolution
        key = normalise_key(m.text)
        if not (r.level == "commune" and r.inside) and (
                (short := full.get(key)) or (short := _first_words(dep).get(key))):
            m = dataclasses.replace(m, resolution=short)
        out.append(m)
    return out


def _named_in_full(resolutions) -> dict:
    """First word of a compound name → the commune the text names in full, before or
    after the short form ("Les Petites Mains de Loos" … "Loos-en-Gohelle")."""
    full: dict[str, object] = {}
    for r in resolutions:
        if r.level == "commune" and r.inside and "-" in (r.nom or ""):
            full.setdefault(normalise_key(r.nom.split("-")[0]), r)
    return full


def _said_in_full(initiatives, mentions, context) -> None:
    """A commune whose name is the first word of a compound commune the text names in
    full, its title included, is that one ("Avesnes" in a page of Avesnes-le-Comte): a
    text says its towns in full once, then as locals do."""
    towns = [m.resolution for m in mentions] + [context.town, *context.towns]
    full = _named_in_full(r for r in towns if r is not None)
    for ini in initiatives:
        places = []
        for p in ini.places:
            r = full.get(normalise_key(p.nom or "")) if p.level == "commune" else None
            if r is not None and r.code != p.code:
                p = _place(r, p.query)
            if all(p.code != q.code for q in places):
                places.append(p)
        ini.places = places


@functools.lru_cache(maxsize=8)
def _first_words(dep: str) -> dict:
    """First word of a compound name → the département's one commune named so."""
    found: dict[str, list] = {}
    for entry in gazetteer(dep).index.values():
        r = entry.resolution
        if entry.kind == "commune" and r.inside and "-" in (r.nom or ""):
            found.setdefault(normalise_key(r.nom.split("-")[0]), []).append(r)
    return {k: rs[0] for k, rs in found.items() if len({r.code for r in rs}) == 1}


def _joined_towns(name: str, dep: str) -> list:
    """The communes a hyphenated word of a name joins, each named whole and the word
    itself no commune ("Beugin-Hermin"; "Saint-Pol-sur-Ternoise" is one)."""
    towns = []
    for word in re.findall(rf"[{_UP}][\w’']*(?:-[\w’']+)+", name):
        if resolve(word, dep).level is not None:
            continue
        parts = word.split("-")
        for cut in range(1, len(parts)):
            left, right = (resolve("-".join(p), dep) for p in (parts[:cut], parts[cut:]))
            if all(r.level == "commune" and r.inside and r.method == "exact"
                   for r in (left, right)):
                towns += [left, right]
                break
    return towns


def _in_full(m, mentions):
    """A mention's commune, its short form read as the one the text names in full."""
    r = m.resolution
    if r.level == "commune" and r.inside:
        return r
    full = getattr(mentions, "full", None)
    if full is None:   # once per text: a text may name thousands of places
        full = _named_in_full(o.resolution for o in mentions)
        if isinstance(mentions, _Mentions):
            mentions.full = full
    return full.get(normalise_key(m.text), r)


def _within(mentions, spans) -> list:
    """The mentions lying inside one of the (sorted, disjoint) spans."""
    if not isinstance(mentions, _Mentions):
        mentions = _Mentions(mentions)
    out = []
    for a, b in spans:
        i = bisect.bisect_left(mentions.starts, a)
        while i < len(mentions) and mentions[i].start < b:
            if mentions[i].end <= b:
                out.append(mentions[i])
            i += 1
    return out


_PARTNER_TIER = 3.5


def choose_places(body: str, draft: _Draft, mentions, home=None) -> list[Place]:
    """The initiative's places, the primary place first.

    A commune named is the place; a territory named in the same sentence is
    context and dropped ("dans le boulonnais, ... à Ferques"). The actor's seat
    comes first ("A Harnes, l'entreprise", "située à Lillers", "mosquée Annour
    d'Arras", "en mission dans le calaisis"); a place outside the département
    in the actor's name is its origin, not the place ("CRS 9 de Rennes").
    """
    spans = [(b.start, b.end) for b in draft.blocks]
    mine = _within(mentions, spans)
    actor = (draft.actor_block.start + draft.actor.start,
             draft.actor_block.start + draft.actor.end)
    ranked = []
    passing = _passing_flags(body, mine, actor)
    for m, in_passing in zip(mine, passing):
        listed = any(b.start <= m.start < b.end for b in draft.reached)
        # (a list of where it went names its sites, a person's home among them: "- chez
        # Nathalie, à Saint-Josse"; only a town it compares or sets near is not one)
        if listed and in_passing and not _compared(body, m.start):
            in_passing = False
        tier = None if in_passing else _tier(body, m, actor, mine)
        if tier is not None and listed:
            # a town a list of where it went names ("Où sont partis les masques ?" over
            # "👉 à l'Ehpad de Lières") is reached, a receiver's or not
            tier = _SPECIFIC["commune"]
        if tier is not None:
            ranked.append((tier, m.start, m))
    ranked += [(0, m.start, m) for m in _referred(body, actor, mentions, home)]
    ranked += [(0, m.start, m) for m in _named_before(body, actor, mentions)
               if not any(t == 0 for t, _, _ in ranked)]
    # a receiver's town the text sends the help to is a commune the initiative reaches
    # ("livrées au centre hospitalier de Lens"), after its own places; one named
    # otherwise ("vous qui travaillez à l'hôpital de Lens") only when no other commune,
    # and no town of the section or the text, says where it happens. Alone, either
    # ranks as a commune (a receiver in the text's own town is the text's town: "nos
    # masques sont partis à l'EHPAD de Berck", from a Berck association)
    other_town = any(t < RECEIVER_ONLY and m.resolution.level == "commune" for t, _, m in ranked)
    at_home = home.code if home is not None else None
    alone = home is None and not other_town
    ranked = [((_SPECIFIC["commune"] if alone else _PARTNER_TIER)
               if t == RECEIVER_ONLY and _sent_there(body, m) else t, p, m)
              for t, p, m in ranked]
    ranked = [(_SPECIFIC["commune"] if t == RECEIVER_ONLY else t, p, m) for t, p, m in ranked
              if t != RECEIVER_ONLY or m.resolution.code == at_home or alone]
    if any(tier < ADDRESS_ONLY for tier, _, _ in ranked):
        ranked = [t for t in ranked if t[0] < ADDRESS_ONLY]
    kept, codes = [], set()
    for _, _, m in sorted(ranked, key=lambda t: (t[0], t[1])):
        if m.resolution.code not in codes:
            codes.add(m.resolution.code)
            kept.append(m)
    if not kept:
        return []
    sentence_of = _sentence_index(body, spans)
    with_commune = {sentence_of(m.start) for m in kept if m.resolution.level == "commune"}
    kept = [m for m in kept if m is kept[0] or not (
        m.resolution.level in ("epci", "arrondissement", "territoire")
        and sentence_of(m.start) in with_commune)]
    # The département or the country only when nothing more precise is named.
    if any(m.resolution.level not in ("departement", "national") for m in kept):
        kept = [m for m in kept if m.resolution.level not in ("departement", "national")]
    places = [_place(m.resolution, m.text) for m in kept]
    if home is not None and home.code not in codes and all(
            t >= _PARTNER_TIER for t, _, m in ranked if m.resolution.level == "commune"):
        # only partners' or reached towns named, or only a wider territory: the story
        # happens in the text's town, with them, for it
        places.insert(0, _place(home, home.nom))
    return places


# A definite noun of place after a verb of seat ("installé dans le village") is an
# anaphor: it names the commune the text named last, even as an origin ("le renfort est
# venu de Maresquel. Un maraîcher installé dans le village…").
_SEAT_ANAPHOR = re.compile(r"\b(?:(?:situ|implant|bas|install|établi|domicili)ée?s?"
                           r"\s+(?:dans|sur|à)|habitant|résidant|du|au)\s+"
                           r"(?:le |la )?(?:village|bourg|localité)\b", re.I)
_ANAPHOR_REACH = 400   # characters back to the commune an anaphor refers to


def _referred(body: str, actor: tuple[int, int], mentions, home=None) -> list:
    """The commune an anaphor of place in the actor's sentence refers back to."""
    start = max(body.rfind(".", 0, actor[0]), body.rfind("\n", 0, actor[0])) + 1
    end = min((i for i in (body.find(".", actor[1]), body.find("\n", actor[1])) if i >= 0),
              default=len(body))
    anaphor = _SEAT_ANAPHOR.search(body, start, end)
    if anaphor is None or (home is not None and re.match(r"(?i)(?:du|au)\b", anaphor.group())):
        return []   # "les enfants du village" in a text of its own town: that town, its home
    # (a receiver's town is where help goes, not a village one lives in: "• Offekerque
    # — Blouses pour le centre hospitalier de Calais — Couturières du village")
    before = [m for m in _within(mentions, [(anaphor.start() - _ANAPHOR_REACH,
                                             anaphor.start())])
              if m.resolution.level == "commune" and not _receives(body, m.start)]
    return before[-1:]


def _named_before(body: str, actor: tuple[int, int], mentions) -> list:
    """The town of an organisation named bare ("À l'épicerie sociale, la responsable …")
    after the text named it with its town ("… à l'épicerie sociale de Bapaume"): a
    definite noun phrase said again refers back to the same body."""
    said = re.sub(rf"^(?:l{_A}|la\s+|le\s+|les\s+)", "", body[actor[0]:actor[1]], flags=re.I)
    if len(said.split()) < 2 or _within(mentions, [actor]):
        return []
    found = []
    for named in re.finditer(rf"\b{re.escape(said)}\s+(?:de\s+|d{_A}|du\s+)", body[:actor[0]], re.I):
        found += [m for m in _within(mentions, [(named.end(), named.end() + 60)])
                  if m.start == named.end() and m.resolution.level == "commune"]
    return found[-1:]


# the farthest towns a delivery reached ("livrées jusqu'à Mory et Beaulencourt"): reached
# from the actor's home, which stays where it happens
# … and so are the towns of the people a delivery serves ("la livraison pour les clients
# de Wismes et d'Ouve-Wirquin")
_DELIVERED_TO_PEOPLE = re.compile(rf"\blivr\w*\b[^.;:]{{0,60}}?\b(?:pour|aux?|chez)\s+(?:les\s+|des\s+|nos\s+)?"
                                  rf"(?:clients|habitants|familles|foyers|abonnés)\s+(?:de\s+|d{_A}|du\s+)"
                                  rf"(?:[^.;:]{{0,40}}?(?:,|\bet)\s+(?:de\s+|d{_A}|du\s+)?)?$", re.I)
_REACHED_AS_FAR = re.compile(rf"\bjusqu{_A}(?:à|au)\s+(?:[^.;:,]{{0,40}}?(?:,|\bet)\s+)?$", re.I)


def _tier(body: str, m, actor: tuple[int, int], mine) -> float | None:
    """Rank of a mention as the initiative's place (lower first); None to drop it."""
    r = m.resolution
    before = body[max(0, m.start - 40):m.start]
    in_actor = actor[0] <= m.start and m.end <= actor[1]
    if not in_actor and m.start >= actor[1] and (
            _CLASSIFYING.fullmatch(body[actor[1]:m.start])
            or _TRADE_APPOSED.fullmatch(body[actor[1]:m.start])):
        return 0                          # an apposition classifies the actor, with its seat
    if not in_actor and r.level == "commune" and _receives(body, m.start):
        return RECEIVER_ONLY              # "livrées à l'EHPAD de Marck"
    if not in_actor and r.level == "commune" and _REACHED_AS_FAR.search(before):
        return _PARTNER_TIER              # "livrées jusqu'à Mory": reached from its home
    if not in_actor and r.level == "commune" and \
            _DELIVERED_TO_PEOPLE.search(body[max(0, m.start - 160):m.start]):
        return _PARTNER_TIER              # "livre les clients de Fléchin": reached from home
    if not in_actor and _JOINED.search(body[max(0, m.start - 100):m.start]):
        return _PARTNER_TIER              # "nous regrouper avec nos voisines de Zouafques"
    if not in_actor and r.level == "commune" and \
            _GIVEN_TO_PARTY.search(body[max(0, m.start - 160):m.start]):
        return RECEIVER_ONLY              # "remis aux infirmières et aux pharmacies de Samer"
    if not in_actor and r.level in ("commune", "territoire") and \
            not _NEIGHBOUR_PLACE.search(before) and \
            not _AT_A_PARTY.search(body[max(0, m.start - 70):m.start]) and (
            ((_OTHER_PARTY.search(body[max(0, m.start - 70):m.start])
              or (_PEERS_SECOND_TOWN.search(body[max(0, m.start - 70):m.start])
                  and not _GIVEN_TO_PEERS.search(body[max(0, m.start - 70):m.start])))
             and not _FRIENDS_SERVED.search(body[max(0, m.start - 140):m.start]))
            or _EPCI_NAME.search(before)
            or _PROVENANCE.search(body[max(0, m.start - 140):m.start])):
        return None                       # a supplier's town, a name's town
    if not in_actor and (party := _apposed_to_party(body, m, mine)):
        return RECEIVER_ONLY if party == "receiver" else None  # "le CH de Béthune, à Beuvry"
    if in_actor and not r.inside and any(o.resolution.inside for o in mine):
        return None                       # the actor's origin
    if _POSTCODE_BEFORE.search(before):
        return ADDRESS_ONLY                # a postal address: only when nothing else is named
    if _SEAT.search(before) or (in_actor and r.level == "commune") or \
            (re.search(r"(?:^|[.,;:\n-])\s*[AaÀà]\s+$", before[-25:])
             and body[m.end:m.end + 1] == ","):
        return 0                          # the actor's seat
    if _MAINLY.search(before):
        return 1
    if _PARTNER.search(body[max(0, m.start - 120):m.start]):
        return _PARTNER_TIER              # partners' towns come after the territory
    return _SPECIFIC.get(r.level, 6)


def _passing_flags(body: str, mine, actor: tuple[int, int]) -> list[bool]:
    """Whether each mention (in text order) is named in passing, in one pass: its own
    words say so, or it is coordinated after one that is ("certaines viennent de
    Courrières ou de Dourges", "de Mazingarbe, de Lens et même de Liévin"); a receiver's
    or a supplier's coordinated towns keep their own reading ("aux pharmacies de
    Desvres, de Longfossé et de Menneville")."""
    flags: list[bool] = []
    for i, m in enumerate(mine):
        in_actor = actor[0] <= m.start and m.end <= actor[1]
        j = i - 1
        while j >= 0 and mine[j].end > m.start:   # the last mention ending before it
            j -= 1
        # (the acting subject's own sentence: "À Annezin, Paul Lemaire a fait de
        # même" is where he does it)
        start = max(body.rfind(". ", 0, m.start), body.rfind("\n", 0, m.start)) + 1
        ends = [e for e in (body.find(". ", m.start), body.find("\n", m.start)) if e >= 0]
        acts_here = start <= actor[0] and actor[1] <= min(ends, default=len(body))
        flags.append(_passing(body, m, in_actor, acts_here) or (
            not in_actor and j >= 0 and flags[j] and not _WHERE_AFTER.match(body, m.end)
            and bool(_COORDINATED.fullmatch(body, mine[j].end, m.start))) or (
            # a partner's town, in a fronted adverbial before the acting subject ("En
            # lien avec l'antenne de Calais, le CCAS prépare …")
            not in_actor and bool(_FRONTED_PARTNER.search(body[max(0, m.start - 120):m.start]))
            and bool(_SUBJECT_NEXT.match(body, m.end))))
    return flags


def _passing(body: str, m, in_actor: bool, acts_here: bool = False) -> bool:
    """A town its own words name in passing: near another, compared, imitated, thought
    of, where helpers come from."""
    if _SERVED_FROM.search(body[max(0, m.start - 180):m.start]):
        return False                      # where those served come from: reached
    if _compared(body, m.start):
        return True                       # "près de Béthune", "arrondissement de ..."
    if not m.resolution.inside and _quoted_at(body, m.start):
        return True                       # a speaker's words on life elsewhere: « Beaucoup
        # enfants vivent à Lille »
    if _WHERE_AFTER.match(body, m.end):
        return False                      # the sentence goes on with the town, as a scene:
        # "les clients viennent de Ligny et de Bouret, où une tournée a été organisée"
    if _EMULATED.search(body[max(0, m.start - 60):m.start]):
        return True                       # "a fait des émules jusqu'à Auxi": others there,
        # unless the sentence goes on with them ("…à Courrières, où la boulangerie …")
    if in_actor:
        return False
    sentence = _sentence_at(body, m.start)
    if (_SAME.search(sentence) and not acts_here) or _THOUGHT.match(sentence) or \
            _SUPPLIES_US.match(body, m.end) or \
            _ORIGIN.search(body[max(0, m.start - 40):m.start]) or \
            _PRODUCE_OF.search(body[max(0, m.start - 40):m.start]) or \
            _OTHER_MANDATE.search(body[max(0, m.start - 120):m.start]) or \
            _from_town(body, m) or \
            _COME_TO_HELP.match(body, m.end) or _LIKE_US.match(body, m.end) or \
            _LEFT_OUT.match(body, m.end) or _CLOSED_AFTER.match(body, m.end) or \
            _EXCEPT.search(body[max(0, m.start - 60):m.start]) or \
            _CLOSED_TO.search(body[max(0, m.start - 80):m.start]) or \
            _SHOPPED_AT.search(body[max(0, m.start - 80):m.start]) or \
            _KIN_AT.search(body[max(0, m.start - 40):m.start]) or \
            _ENROLLED.search(body[max(0, m.start - 80):m.start]) or (
                _GOING.search(body[max(0, m.start - 40):m.start]) and _ERRAND.match(body, m.end)):
        return True         # "nos voisins feront de même", "Je pense aussi aux soignants de"
    return False


# where pupils or students are enrolled ("les enfants inscrits au collège de Montreuil"):
# a school they attend elsewhere, not a place the story reaches
_ENROLLED = re.compile(rf"\b(?:inscrit|scolarisé|étudiant)e?s?\s+(?:au|aux|à la|à l{_A}"
                       rf"|dans (?:le|la|les|l{_A}))\s*(?:[\w’'-]+\s+){{0,3}}(?:de\s+|d{_A}|du\s+)$",
                       re.I)


# a foodstuff named with its town ("fromage de chèvre de Plouvain", "le miel d'Ecques"):
# where it comes from, not where the story happens
_PRODUCE_OF = re.compile(rf"\b(?:fromages?|miels?|cidres?|bières?|volailles?|viandes?|endives?"
                         rf"|fraises?|charcuterie|rillettes|beurre|légumes|fruits|œufs)"
                         rf"(?:\s+de\s+[a-zà-ÿ]+)?\s+(?:de\s+|d{_A})$", re.I)


# a town the story says it leaves out ("les habitants de Gosnay ne sont pas concernés",
# "toutes les communes sauf Auchel")
_LEFT_OUT = re.compile(r"(?:\s*(?:,|et|ou)\s+(?:de\s+|d['’]|à\s+)?[\w'’-]+)*\s+(?:(?:ne|n['’])\s*"
                       r"(?:y\s+)?(?:sont|est|seront|sera|étaient|était)\s+pas\s+(?:concern|desservi"
                       r"|inclu|servi|visé|admis|accepté|éligible)"
                       # … or sent to another's service ("sont invités à contacter le CCAS
                       # de leur propre commune")
                       r"|(?:sont|est|seront|sera)\s+(?:invitée?s?|priée?s?)\s+à\s+(?:contacter|s['’]adresser"
                       r"|se\s+tourner|appeler))", re.I)
# where the errands are run, a shop's town ("un bénévole fait vos courses au supermarché
# de Pernes"): the people served live elsewhere
_SHOPPED_AT = re.compile(r"\bfai\w*\s+(?:les|vos|leurs|ses|nos|des|tes|mes)\s+(?:courses|achats)\s+"
                         r"(?:(?:au|à\s+la|à\s+l['’]|chez|dans\s+(?:le|la|les|l['’]|une?))\s*[^.,;:!?]{0,40}?"
                         r"(?:de\s+|d['’]|du\s+)|à\s+)$", re.I)
# where the readers' relatives live ("vous avez de la famille à Heuchin, à Pernes")
_KIN_AT = re.compile(r"\b(?:famille|enfants|petits-enfants|proches|parents)\s+(?:à|au|en)\s+$", re.I)
# a service said closed to a town's people, before it ("la distribution n'est pas
# ouverte aux résidents de Pernes")
_CLOSED_TO = re.compile(r"\b(?:ne|n['’])\s*(?:est|sont|sera|seront)\s+pas\s+(?:ouverte?s?|destinée?s?"
                        r"|accessibles?|réservée?s?)\s+(?:aux|à)\s+(?:[\w-]+\s+){0,2}?"
                        r"(?:de\s+la\s+|de\s+l['’]|de\s+|du\s+|des\s+|d['’])$", re.I)
_EXCEPT = re.compile(r"\b(?:sauf|excepté|hormis|à l['’]exception\s+(?:de|d['’]|du|des))\s+"
                     r"(?:(?:les\s+)?(?:habitants|communes?|villes?)\s+(?:de\s+|d['’]))?$", re.I)
# a supplier from a town who provides us ("un meunier de X qui me les cède à prix
# coûtant"): the town is the supplier's
_SUPPLIES_US = re.compile(r"\s+qui\s+(?:me|nous|lui|leur)\s+(?:les\s+|en\s+|l['’]\s*)?"
                          r"(?:cèd|vend|fourni|procur|livr|apport)\w*\b", re.I)


def _compared(body: str, start: int) -> bool:
    """The town at `start` is named near or compared with another ("près de Béthune");
    one added by "comme à" shares the first's lot ("comparable à Carvin comme à
    Oignies" compares both, "à Lens comme à Liévin" names two scenes)."""
    window = body[max(0, start - 80):start]
    if (also := _AS_WELL_AS.search(window)) is not None:
        first = start - len(window) + also.start() + len(re.match(r"\w+\s+", also.group()).group())
        return _compared(body, first)
    if _SPAN_THROUGH.search(body[max(0, start - 100):start]):
        return False     # "de Tilques à Houlle en passant par Moulle": inside the span
    return bool(_NEAR.search(body[max(0, start - 100):start]))


# a span's middle point ("de Tilques à Houlle en passant par Moulle") is as much reached as
# its ends: a span of towns tells an extent, not a route's waypoint
_SPAN_THROUGH = re.compile(rf"\b(?:de\s+|d{_A}){_TOWN_NAME}\s+(?:à|jusqu{_A}à)\s+{_TOWN_NAME}"
                           rf"\s*,?\s+en passant par\s+$")


# another town compared with the author's own ("À Saint-Léonard comme chez nous, …")
_LIKE_US = re.compile(r"\s+comme\s+(?:chez nous|ici|chez vous|dans notre (?:commune|ville|village))\b",
                      re.I)
# where people go to do their shopping ("certains se rendent à Bapaume pour faire leurs
# achats") is a shop's town, not one the help reaches
_GOING = re.compile(r"\b(?:se\s+rend\w*|vont|va|allai\w*|aller|part\w*|descend\w*)\s+"
                    r"(?:\w+\s+){0,2}?(?:à|au)\s+$", re.I)
_ERRAND = re.compile(r"\s*,?\s+pour\s+(?:y\s+)?(?:faire|effectuer)\s+(?:leurs|ses|les|des|nos|vos"
                     r"|mes|tes|son|sa)\s+(?:achats|courses|emplettes|provisions|commissions)\b",
                     re.I)


# "à Guînes comme à Campagne-lès-Guines": two places coordinated (as much in one as in
# the other), no comparison with another's action
_AS_WELL_AS = re.compile(rf"\b(?:à|au|en)\s+[{_UP}][\w’'-]*(?:[\s-]+[\w’'-]+){{0,4}}?"
                         rf"\s+comme\s+(?:à|au|en)\s+$")
# people of a town come to help ("des habitants de Corbehem venus renforcer l'équipe"):
# their home, not where the action is
# (or to bring their gifts: "des gens de Lillers sont venus déposer des sacs")
_COME_TO_HELP = re.compile(r"\s+(?:venue?s?|qui (?:viennent|sont venue?s)|sont venue?s)\s+(?:\w+\s+){0,2}?"
                           r"(?:renforcer|aider|prêter|donner|épauler|soutenir|participer|déposer|apporter)",
                           re.I)


# the link between coordinated towns, their preposition repeated or not
# ("venus de Marles, mais aussi de Barlin")
_COORDINATED = re.compile(rf"\s*(?:,\s*(?:et\s+|ou\s+|mais\s+)?|\s(?:et|ou|mais)\s+)(?:même\s+"
                          rf"|aussi\s+|encore\s+|parfois\s+)?(?:de\s+|d{_A}|à\s+|au\s+)?")


# an apposition that classifies the actor gives its seat: "la menuiserie Lefebvre,
# entreprise familiale de Bapaume", "Les Bobines, association de Wimille"
_CLASSIFYING = re.compile(rf",\s+(?:une?\s+|l{_A}|la\s+|le\s+)?(?:entreprise|société|association"
                          rf"|PME|TPE|commerce|exploitation|structure|artisan|fabricant|club"
                          rf"|collectif|coopérative)(?:\s+[\w’'-]+){{0,3}}\s+(?:de\s+|d{_A}|du\s+)",
                          re.I)
# … and so does the actor's own trade ("Thomas Bernard, maraîcher à Widehem, a offert"),
# which after another's name tells a supplier's town (`_OTHER_PARTY`)
# (its seat's participle between: "Les Vergers d'Opale, arboriculteurs installés à Lumbres")
_TRADE_APPOSED = re.compile(rf",\s*(?:une?\s+|la\s+|le\s+)?{_PARTY_NOUNS}\s+"
                            rf"(?:(?:installée?s?|basée?s?|située?s?|implantée?s?)\s+)?(?:à|au)\s+", re.I)


# a thought for others, in a speech or a letter, names those thought of, not where the
# action is ("Je pense aussi aux soignants de …", "Une pensée pour les agents de …")
_THOUGHT = re.compile(r"\W{0,4}(?:(?:j['’]ai|nous avons|ayons)\s+une\s+(?:\w+\s+)?pensée\s+"
                      r"(?:\w+\s+){0,2}?pour\b"
                      r"|(?:je|nous) pens\w*\s+(?:(?:aussi|également|enfin|bien sûr"
                      r"|évidemment|particulièrement|tout particulièrement)\s+)*(?:à|aux?)\b"
                      # (an adverb set off by commas: "Une pensée, enfin, pour")
                      r"|(?:une\s+)?(?:\w+\s+)?pensée[\s,]+(?:\w+[\s,]+){0,2}?pour\b)", re.I)


# another doing "the same" is a comparison: its town is not where this happens
_SAME = re.compile(r"\b(?:(?:f[aei]\w*|agi\w*) de même|la même chose|en (?:font|fera|feront|ont fait) autant"
                   # … or another like it, by a demonstrative ("dans la continuité de celle
                   # engagée à Boulogne", "sur le modèle de celui lancé à Calais")
                   # ("à l'image de celle de X qui a créé …" gives the example itself)
                   r"|(?:dans la (?:continuité|lignée)|sur le modèle)"
                   r"\s+(?:de\s+)?(?:celle|celui|celles|ceux)\b"
                   r"|(?:font|fait|feront|fera|ont fait|a fait) pareil"
                   # … or "the same choice" ("nos voisins de Marck ont fait le même choix")
                   r"|(?:le|la|les) mêmes? (?:choix|décisions?|démarches?|initiatives?)"
                   # … or living the same plight ("nos voisins de Longuenesse vivent les
                   # mêmes difficultés")
                   r"|(?:le|la|les) mêmes? (?:difficultés|problèmes|inquiétudes|épreuves"
                   r"|contraintes|situations?|soucis)"
                   # … or bound by the same rules as the writer ("nos voisins appliquent
                   # les mêmes consignes que nous")
                   r"|(?:le|la|les) mêmes? (?:règles|consignes|mesures|horaires) que (?:nous|chez nous)"
                   # … or a sentence given as a comparison ("À titre de comparaison, …")
                   r"|\b(?:à titre de|par|en) comparaison\b"
                   # … or showing the same quality or effort ("nos voisins de Gosnay ont fait
                   # preuve de la même générosité", "le même élan")
                   r"|(?:le|la|les|du|de la|d['’]une?) mêmes? (?:générosité|élan|solidarité|mobilisation"
                   r"|engagement|dévouement|enthousiasme|énergie|esprit|générosités|gestes?)"
                   # choices alike ("nos voisins de Wimereux ont fait des choix semblables")
                   r"|(?:choix|mesures|décisions|démarches?|dispositifs?)\s+(?:très |fort |assez )?"
                   r"(?:semblables|similaires|analogues|comparables)"
                   # … or another's action of the kind ("ont lancé un atelier similaire")
                   r"|\b(?:un|une|des)\s+[a-zà-ÿ]+\s+(?:très |assez )?(?:semblable|similaire|analogue"
                   r"|comparable)s?(?!\s+(?:à|au|aux)\b))\b", re.I)


def _sentence_at(body: str, pos: int) -> str:
    start = max(body.rfind(". ", 0, pos), body.rfind("\n", 0, pos)) + 1
    ends = [i for i in (body.find(". ", pos), body.find("\n", pos)) if i >= 0]
    return body[start:min(ends, default=len(body))]


def _receives(body: str, pos: int) -> bool:
    return bool(_RECEIVER.search(body[max(0, pos - 70):pos]))


# what sends help to a receiver: a verb of giving or sending, or a purpose
# (letters written or addressed to them are sent: "ont écrit 120 lettres aux résidents")
_SENDING = re.compile(rf"\b(?:{_GIVING}|parti(?:e|s|es)?|partent|achemin\w*|fourni\w*|destin\w*"
                      rf"|écri(?:t|ts|te|tes|vent|vons|re)|adress\w*)\b"
                      rf"|\b(?:pour|vers|au profit d(?:es?|u)|à destination d(?:es?|u))\s"
                      # (a way told without its verb: "Direction l'Ehpad de Bapaume")
                      rf"|\bdirection\s+(?=le\s|la\s|les\s|l{_A})", re.I)
# … unless another verb, of working or living there, governs the receiver after it
_BEING_THERE = re.compile(r"\b(?:travaill\w*|exerc(?:e|ent|ait|aient)|viv(?:ent|ait|aient)|vit"
                          r"|habit(?:e|ent|ait|aient)|séjourn\w*)\b", re.I)
# a town in a receiver's name when its site follows ("le centre hospitalier de la région
# de Saint-Omer, à Helfaut"): the name's, not where help went
_SITE_APPOSED = re.compile(r"\s*,\s*(?:(?:installée?s?|située?s?|implantée?s?)\s+)?(?:à|au)\s+"
                           r"(?-i:[A-ZÀ-Ý])")


def _sent_there(body: str, m) -> bool:
    """A receiver's town in the département that its clause sends things to."""
    if not m.resolution.inside or _SITE_APPOSED.match(body, m.end):
        return False
    clause = re.split(r"[.;!?\n]", body[max(0, m.start - 200):m.start])[-1]
    sent = list(_SENDING.finditer(clause))
    return bool(sent) and not _BEING_THERE.search(clause, sent[-1].end())


def _apposed_to_party(body: str, m, mine) -> str | None:
    """A town in apposition right after another party's town (", à Beuvry") locates
    that same party: it shares its role ("receiver" or "other")."""
    if _RECEIVER_AT.search(body[max(0, m.start - 120):m.start]):
        return "receiver"   # "au centre hospitalier de l'arrondissement de Montreuil, à X"
    prev = next((o for o in reversed(mine) if o.end <= m.start), None)
    # (", à Beuvry", ", installé à Helfaut": where that party is)
    if prev is None or not re.fullmatch(r"\s*,\s*(?:(?:installée?s?|située?s?|implantée?s?|basée?s?)"
                                        r"\s+)?(?:à|au)\s+", body[prev.end:m.start]):
        return None
    if _receives(body, prev.start):
        return "receiver"
    before = body[max(0, prev.start - 40):prev.start]
    return "other" if (_OTHER_PARTY.search(before) or
                       _PROVENANCE.search(body[max(0, prev.start - 140):prev.start])) else None


def _sentence_index(body: str, spans):
    bounds = []
    for a, b in spans:
        bounds += [(a + s, a + e) for s, e in sentences(body[a:b])]

    def index(pos: int) -> int:
        for i, (s, e) in enumerate(bounds):
            if s <= pos < e:
                return i
        return -1
    return index


def _place(r, query: str) -> Place:
    return Place(query=query, code=r.code, nom=r.nom, level=r.level, departement=r.departement,
                 inside=r.inside, method=r.method or "", confidence=r.confidence)


def _national(dep: str) -> Place:
    r = resolve("France", dep)
    if r.code:
        return _place(r, "national")
    return Place(query="national", code="FR", nom="France", level="national",
                 departement=None, inside=True, method="manual", confidence=1.0)
