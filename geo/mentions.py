"""Find place mentions in running text: `find_places(text) -> [Mention]`.

A token trie over every normalized name of the gazetteer is walked once over the
text; at each position the longest name wins ("Loison-sous-Lens" is not "Lens",
"Annay-sous-\\nLens" is one name). Then context rules keep false places out:
- commune names must be capitalised;
- names that are ordinary words ("Avion", "Bus", "Couture") or first names need a
  cue before them ("à", "de", "commune de", "(", a list of places, "La Couture");
- communes outside the département need a cue too, unless they are large cities
  whose name is not a common word ("Clamart : ...", "CRS 9 de Rennes");
- a capitalised word just before (or after, for ambiguous names) marks a person or
  an organisation ("Jonathan Petit", "Face Côte d'Opale", "Fondation de France");
  so do streets and civilities ("rue de Paris", "Monsieur Marck");
- URLs and e-mail addresses are masked ("ville.marck", "...@orange.fr").
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

import config
from geo.normalize import ABBREVIATIONS, ARTICLES, EMAIL, NUMBER_WORDS, URL, fold, normalize
from geo.offline import Gazetteer, Resolution, gazetteer


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    resolution: Resolution


# Commune names of the Pas-de-Calais that are ordinary lowercase French words
# (checked against Debian's `wfrench` word list, nouns and adjectives kept, rare
# verb forms such as "Arques" or "Quernes" left out), the names the issue lists,
# first names and the saints' names that streets and feasts also carry.
AMBIGUOUS = frozenset("""attaques avion bus comte contes couture denier ecurie fiefs loge
    louches marquise planques pommier riviere selles teneur ames bremes velu aire bours wail
    vis humbert remy fleury manin eps rely essars sars croisette cauchie""".split()) | {
    "saint nicolas", "sainte catherine", "saint georges", "saint leger", "saint leonard",
    "saint amand", "saint aubin", "saint augustin", "saint josse"}
# Cities of 20 000+ inhabitants whose name is also a common word: they need a cue.
COMMON_WORD_CITIES = frozenset("""gap cannes grasse menton saintes valence ales muret
    fougeres tours fontaine vienne dole olivet vannes croix madeleine anglet macon mans havre
    meaux houilles plaisir trappes castres garde orange pertuis limoges sens etampes colombes
    sevres lilas pantin sarcelles gosier moule port possession tampon frontignan""".split()) | {
    "saint pierre"}
BIG_CITY = 20_000
# Nouns of place before a name: "this is a commune", even where case says nothing.
PLACE_NOUNS = frozenset("commune ville mairie village ccas habitants".split())
# Words before a name that say "this is a place".
CUES = frozenset("""a au aux de du d des commune ville mairie village chez vers pres habitants
    ccas secteur environs depuis jusqu quartier""".split())
DEPARTEMENT_CUES = CUES | ARTICLES | {"en", "dans"}
# Capitalised words that do not make the next word a person's or an organisation's name.
FUNCTION_WORDS = CUES | ARTICLES | frozenset("""en dans sur et ou enfin ainsi puis par pour avec
    sans entre apres avant selon contact adresse site cette ce ces son sa ses leur leurs notre
    nos votre tout toute tous toutes mais donc or ni car si""".split())
# Keys whose first word is generic: no capital letter required.
GENERIC_HEADS = frozenset("""arrondissement arr communaute ca cc cu agglomeration agglo com
    departement dans notre tout toute ensemble niveau echelle territoire""".split())
# "rue de Paris", "route de Calais", "Monsieur Marck": a street or a person, not the town.
STREETS = frozenset("""rue avenue av boulevard bd place route chemin allee quai impasse square
    cours faubourg chaussee rond point esplanade parvis""".split())
# "salle Saint-Paul", "école Jean-Macé": a venue named after someone, right after its noun
# ("le lycée de Saint-Omer" is the town's)
VENUES = frozenset("""salle espace stade gymnase ecole college lycee eglise chapelle residence
    halle parc complexe foyer maison""".split())
# nouns of a natural feature, named after a river or a town elsewhere ("la baie
# d'Authie", "la vallée de la Lys"): the name is the feature's
NATURAL_FEATURES = frozenset("""baie vallee val estuaire embouchure riviere fleuve source
    marais foret bois plaine cote""".split())
CIVILITIES = frozenset("monsieur madame mademoiselle m mme mr mlle dr docteur maitre".split())
TERRITORY_NEEDS_ARTICLE = {"littoral": frozenset({"le", "du", "au", "l"})}
# Resolvable names that are too vague in running text ("le département" of whom?).
TEXT_EXCLUDED = frozenset({"national", "departement"})
# Organisation and region names that contain place names but are not places.
STOP_PHRASES = ("Université du Littoral Côte d'Opale", "Université du Littoral",
                "Hauts-de-France", "Fondation de France", "Île-de-France", "Radio France",
                "Pôle emploi")
_STOP = object()
_ON_A_FEATURE = re.compile(r" (?:sur|sous) (?:la |le |les |l )?([a-z]+(?: [a-z]+)?)$")
_TOKEN = re.compile(r"[^\W_]+")
_MASK = re.compile(rf"{EMAIL.pattern}|{URL.pattern}", re.I)  # "ville.marck", "…@orange.fr"
_GAP = re.compile(r"[\s\-‐‑'’ʼ`/]*")       # allowed between the words of one name
_GAP_ABBR = re.compile(r"[\s\-‐‑'’ʼ`/.]*")  # after "St." also a full stop
_HYPHENS = "-‐‑"
_PERSON_GAP = re.compile(r"[ \t]+")
_NEXT_ENTRY = re.compile(r"[ \t]*\n(?:[ \t]*\n)?[ \t]*[-–—•*▸►▪][ \t]*")


class _Matcher:
    """Token trie over the gazetteer's keys, built once per département."""

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz
        self.trie: dict = {}
        for key in gaz.index:
            if key not in TEXT_EXCLUDED:
                self._insert(key, key)
        for phrase in STOP_PHRASES:
            self._insert(normalize(phrase), _STOP)
        # A river or the sea the département's communes are named on ("Calonne-sur-la-Lys",
        # "Berck-sur-Mer") is that feature when named alone ("au bord de la Lys"), not the
        # commune of another département that bears its name
        for key, entry in gaz.index.items():
            feature = _ON_A_FEATURE.search(key) if entry.kind == "commune" else None
            if feature and gaz.index.get(feature.group(1), entry).kind == "outside":
                self._insert(feature.group(1), _STOP)

    def _insert(self, key: str, value) -> None:
        node = self.trie
        for token in key.split(" "):
            node = node.setdefault(token, {})
        node[""] = value  # tokens are never empty: "" marks the end of a name


@lru_cache(maxsize=8)
def _matcher(dep: str) -> _Matcher:
    return _Matcher(gazetteer(dep))


def _norm_token(token: str, following: str) -> str:
    folded = fold(token)
    if folded == "s" and following == "/":  # "Aire s/ la Lys"
        return "sur"
    # (a small number is a name's word in digits or in words: "Terre des 2 Caps")
    return ABBREVIATIONS.get(folded) or NUMBER_WORDS.get(folded, folded)


def find_places(text: str, dep: str | None = None) -> list[Mention]:
    """Place mentions in `text`, in order, without overlaps. Never raises."""
    try:
        return _find(text, dep or config.departement()) if isinstance(text, str) else []
    except Exception:  # noqa: BLE001 - untrusted text must not break extraction
        return []


def _find(text: str, dep: str) -> list[Mention]:
    matcher = _matcher(dep)
    masked = _MASK.sub(lambda m: " " * len(m.group()), text)
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(masked)]
    raw = [masked[s:e] for s, e in spans]
    norm = [_norm_token(t, masked[e:e + 1]) for t, (s, e) in zip(raw, spans)]
    ctx = _Context(masked, spans, raw, norm, matcher.gaz.acronyms, matcher.gaz.first_elements)
    mentions: list[Mention] = []
    held: list = []  # names that are also words, without a cue before them
    trie, index = matcher.trie, matcher.gaz.index
    i, n = 0, len(norm)
    while i < n:
        node = trie.get(norm[i])
        if node is None:
            i += 1
            continue
        found = []  # (last token, value), shortest first
        j = i
        while True:
            if "" in node:
                found.append((j, node[""]))
            if j + 1 >= n or not ctx.joined(j):
                break
            node = node.get(norm[j + 1])
            if node is None:
                break
            j += 1
        for last, value in reversed(found):  # longest first
            if value is _STOP:
                i = last
                break
            entry = index[value]
            if ctx.accept(entry, value, i, last):
                start, end = spans[i][0], spans[last][1]
                mentions.append(Mention(start, end, text[start:end], dataclasses.replace(
                    entry.resolution, query=text[start:end])))
                ctx.last_mention_end = last
                i = last
                break
            if (value in AMBIGUOUS or value in ctx.first_elements) and \
                    entry.kind in ("commune", "alias", "former") and \
                    ctx.capitalised(i) and not ctx.raw[i].isupper() and not ctx.named_before(i) and \
                    not ctx.street_or_person(i):
                held.append((i, last, entry))
        i += 1
    return _listed_ahead(text, mentions, held, ctx)


def _listed_ahead(text: str, mentions: list[Mention], held: list, ctx) -> list[Mention]:
    """A name that is also a word, first in a list of communes ("seront servies Eps,
    Boyaval et Sains-lès-Pernes"): the list says it is a commune, as a list before it
    does (`_Context.cue`). Taken from the last, so that a list's first names follow."""
    if not held:
        return mentions
    token_at = {s: k for k, (s, _) in enumerate(ctx.spans)}   # (only when a name is held)
    by_start = {token_at.get(m.start, -1): m for m in mentions if m.resolution.level == "commune"}
    for i, last, entry in reversed(held):
        nxt = by_start.get(last + 1)
        if nxt is None and last + 2 < len(ctx.norm) and ctx.norm[last + 1] in ("et", "ou"):
            nxt = by_start.get(last + 2) if ctx.gap_before(last + 1).strip() == "" else None
        elif nxt is not None and ctx.gap_before(last + 1).strip() not in (",", ";", "/"):
            nxt = None
        if nxt is None:
            # (… or a column of them: a table's rows or a list's entries, each opening on
            # its commune, "Avion | 8 800" over "Grenay | 3 500", "• Avion" over its
            # figures' line, then "• Grenay")
            nxt = _next_entry(text, ctx.spans[i][0], {m.start: m for m in by_start.values()})
        if nxt is None:
            continue
        start, end = ctx.spans[i][0], ctx.spans[last][1]
        by_start[i] = Mention(start, end, text[start:end], dataclasses.replace(
            entry.resolution, query=text[start:end]))
    return sorted({id(m): m for m in [*mentions, *by_start.values()]}.values(),
                  key=lambda m: m.start)


def _next_entry(text: str, start: int, communes: dict):
    """The commune opening the next entry of the list or table whose entry opens on
    `start`: the first of the next four lines that opens as it does (the same marks and
    blanks), when a commune follows those marks; None otherwise."""
    line_start = text.rfind("\n", 0, start) + 1
    mark = text[line_start:start]
    if re.search(r"\w", mark):
        return None
    pos = text.find("\n", start)
    for n in range(4):
        if pos < 0:
            return None
        pos += 1
        if text.startswith(mark, pos) and (pos + len(mark) < len(text)) and \
                not text[pos + len(mark)].isspace() and (mark.strip() or n == 0):
            return communes.get(pos + len(mark))
        pos = text.find("\n", pos)
    return None


class _Context:
    """Token view of one text and the context rules."""

    def __init__(self, text, spans, raw, norm, acronyms, first_elements=frozenset()):
        self.text, self.spans, self.raw, self.norm = text, spans, raw, norm
        self.acronyms = acronyms
        self.first_elements = first_elements
        self.last_mention_end = -10

    def joined(self, j: int) -> bool:
        """Can token j+1 continue a name started before it?"""
        gap = self.text[self.spans[j][1]:self.spans[j + 1][0]]
        pattern = _GAP_ABBR if fold(self.raw[j]) in ABBREVIATIONS else _GAP
        return pattern.fullmatch(gap) is not None and gap.count("\n") <= 2

    def gap_before(self, i: int) -> str:
        return self.text[self.spans[i - 1][1] if i else 0:self.spans[i][0]]

    def capitalised(self, i: int) -> bool:
        return self.raw[i][:1].isupper()

    def shouting(self, i: int) -> bool:
        """Token i is in capitals, as a word beside it is: a line in capitals."""
        near = [j for j in (i - 1, i + 1) if 0 <= j < len(self.raw) and self.raw[j].isalpha()]
        return self.raw[i].isupper() and any(self.raw[j].isupper() for j in near)

    def cue(self, i: int, cues=CUES, article: bool = True, listing: bool = True) -> bool:
        gap = self.gap_before(i)
        if "(" in gap[-3:]:
            return True
        if i == 0:
            return False
        prev = self.norm[i - 1]
        tight = gap.strip(" \t'’ʼ") == ""
        if tight and prev in cues:
            return True
        # "La Couture", "Les Attaques": the article is part of a name of the département;
        # elsewhere "La Ville a ..." opens a sentence and is no cue for Villé (67).
        if article and tight and prev in ARTICLES and self.capitalised(i - 1):
            return True
        # a list of places: "Avion, Annay-sous-Lens", "Lens et Liévin"
        if not listing:
            return False
        # (… a town a line, under a list's mark: "- Beaumetz-lès-Cambrai" then "- Vélu")
        if self.last_mention_end == i - 1 and (gap.strip() in {",", ";", "/"}
                                               or _NEXT_ENTRY.fullmatch(gap)):
            return True
        return self.last_mention_end == i - 2 and prev in {"et", "ou"}

    def named_before(self, i: int) -> bool:
        """A capitalised non-function word right before: "Jonathan Petit", "Face Côte"."""
        return (i > 0 and self.capitalised(i - 1) and self.norm[i - 1] not in FUNCTION_WORDS
                and self.last_mention_end != i - 1
                and _PERSON_GAP.fullmatch(self.gap_before(i)) is not None)

    def named_after(self, last: int) -> bool:
        nxt = last + 1
        return (nxt < len(self.raw) and self.capitalised(nxt)
                and self.norm[nxt] not in FUNCTION_WORDS
                and _PERSON_GAP.fullmatch(self.gap_before(nxt)) is not None)

    def street_or_person(self, i: int, outside: bool = False) -> bool:
        before = self.norm[max(0, i - 2):i]
        # (French goes "à" a town and "chez" someone: "chez Véro" is no Vero)
        if before and (before[-1] in CIVILITIES | VENUES or before[-1] == "chez"):
            return True
        linked = bool(before) and before[-1] in {"de", "du", "d", "des"}
        if linked:
            before = before[:-1]
        # "la place de Fruges" is that town's square: roads are named after the towns
        # they lead to ("rue de Lens"), squares not; but a square of ours is none of a
        # town elsewhere ("place d'Armes" is no Armes, in the Nièvre)
        return bool(before) and before[-1] in STREETS and not (
            linked and before[-1] == "place" and not outside)

    def in_compound(self, i: int, last: int) -> bool:
        """Part of a longer hyphenated word: "Seine-Saint-Denis", "Île-de-France"."""
        start, end = self.spans[i][0], self.spans[last][1]
        before = self.text[max(0, start - 2):start]
        after = self.text[end:end + 2]
        return ((len(before) == 2 and before[1] in _HYPHENS and before[0].isalpha())
                or (len(after) == 2 and after[0] in _HYPHENS and after[1].isalpha()))

    def accept(self, entry, key: str, i: int, last: int) -> bool:
        if self.in_compound(i, last):
            return False
        kind = entry.kind
        head = key.split(" ", 1)[0]
        if kind == "territoire":
            needed = TERRITORY_NEEDS_ARTICLE.get(key)
            if needed and not (i > 0 and self.norm[i - 1] in needed):
                return False
            return not self.named_before(i)
        # a generic head may open a phrase in lower case ("à l'échelle nationale"); alone,
        # lower case is the word, not a commune of that name ("change d'échelle")
        if not self.capitalised(i) and (head not in GENERIC_HEADS or key == head and kind in (
                "commune", "alias", "former", "outside")):
            return False
        if key in self.acronyms and not self.raw[i].isupper():
            return False
        if kind in ("commune", "alias", "former", "outside") and \
                self.street_or_person(i, outside=kind == "outside"):
            return False
        if kind in ("commune", "alias", "former"):
            if key in AMBIGUOUS or key in self.first_elements:
                # in capitals, case tells no name from a word ("ATELIER DE COUTURE"):
                # only a noun of place before it says it is the commune
                cues = PLACE_NOUNS if self.shouting(i) else CUES
                return self.cue(i, cues) and not self.named_before(i) and \
                    not self.named_after(last)
            return True
        if kind == "outside":
            if self.named_before(i) or self.named_after(last) or self.feature_of(i):
                return False
            nom = (entry.resolution.nom or "").lower()
            if i > 0 and self.norm[i - 1] in ("du", "des") and \
                    not nom.startswith(("le ", "les ")):
                return False  # "du Pernois": "du" fuses an article this commune's name
                #               lacks ("du Havre" is Le Havre): a territory's name
            big = entry.population >= BIG_CITY and key not in COMMON_WORD_CITIES
            # "La Table de Marie": a small town's name after "Name de" ends a proper name
            # (listed after a town of ours is no cue for one elsewhere: "À Fruges,
            # Marie, …" names a person)
            return big or (self.cue(i, article=False, listing=False) and not self._organisation_de(i))
        if kind == "other_departement":
            return self.cue(i, DEPARTEMENT_CUES) and not self.named_before(i)
        if kind == "national":
            return not self.named_before(i) and not self._organisation_de(i)
        return True  # département, arrondissement, EPCI

    def feature_of(self, i: int) -> bool:
        """After a natural feature's noun and "de" ("baie d'Authie", "vallée de la Lys")."""
        before = self.norm[max(0, i - 3):i]
        if before and before[-1] in ("la", "l"):
            before = before[:-1]
        return len(before) >= 2 and before[-1] in ("de", "du", "d", "des") and \
            before[-2] in NATURAL_FEATURES

    def _organisation_de(self, i: int) -> bool:
        """"Banque de France", "Tour de France", "La Table de Marie": X de Y, X a
        capitalised noun, is an organisation's name."""
        return (i > 1 and self.norm[i - 1] in {"de", "du", "d"} and self.capitalised(i - 2)
                and self.norm[i - 2] not in FUNCTION_WORDS)


def clear_cache() -> None:
    _matcher.cache_clear()
