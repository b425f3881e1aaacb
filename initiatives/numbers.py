"""Numbers as French texts write them, found with their span and value.

"12 000", "12.000" and "12 000" are one number (French thousands), "1,5" a
decimal, "2 millions de" a multiple, "dix mille" or "deux cents" words, "une
quinzaine de" an approximate noun. Dates, times, phones, postcodes, addresses,
percentages, ages, ordinals and the like are recognised from their own shape and
given the reason they are not quantities (a key of `SET_ASIDE_LABELS`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from initiatives.ingest import EMAIL, MONTHS, PHONE, URL

_APOS = "['’]"
_SEP = r"[ \u00a0\u202f.]"  # thousands: space, no-break space, narrow no-break space, dot

# Approximate nouns count a round figure: "une quinzaine de personnes" is about 15.
APPROX_NOUNS = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20,
                "trentaine": 30, "quarantaine": 40, "cinquantaine": 50,
                "soixantaine": 60, "centaine": 100, "millier": 1000,
                # (half of one: "une demi-douzaine de bras", "un demi-millier de repas")
                "demi-douzaine": 6, "demi-centaine": 50, "demi-millier": 500}
# "une tonne de denrées": one of the unit that is itself an amount, a figure (a litre, a
# kilo, one of them, is a size: "un litre par foyer")
# ("une tonne et demie" is left to its figure, "soit 1,5 tonne")
_ONE_TONNE = re.compile(r"\s+tonne\b(?!\s+et\s+demie)", re.I)
# Cardinal words; "un"/"une" alone are articles and only count before a multiple.
WORDS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
         "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12,
         "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20,
         "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
         "cent": 100, "cents": 100, "mille": 1000, "million": 10**6, "millions": 10**6,
         "milliard": 10**9, "milliards": 10**9}
_MULTIPLES = ("mille", "million", "millions", "milliard", "milliards")
_WORD = "|".join(sorted(WORDS, key=len, reverse=True))
# Hedges before a figure make it approximate ("près de 600", "plus de 70").
APPROX_BEFORE = (r"près de|plus de|environ|quelque|presque|au moins|pas moins de|autour de"
                 r"|approximativement|jusqu['’]à|une bonne|pas loin de|quasiment")

NUMBER = re.compile(
    rf"(?P<approx>\b(?:{APPROX_BEFORE})\s+)?"
    rf"(?:(?P<num>\d{{1,3}}(?:{_SEP}\d{{3}})+(?!\d)(?:,\d+)?|\d+(?:,\d+)?)"
    rf"(?:\s+(?P<mult>millions?|milliards?)\b)?"
    rf"|(?P<aword>\b(?:d{_APOS})?une?|\b(?:la|cette)(?=\s+\w+\s+d(?:e\s|{_APOS})(?!\s*(?:{'|'.join(MONTHS)})\b))"
    # (the one masculine round noun stands alone as a goal's figure: "visent le millier")
    rf"|\b(?:le|du)(?=\s+millier\b))"
    rf"\s+(?P<noun>{'|'.join(APPROX_NOUNS)})s?\b"  # "la douzaine de couturières" too
    # ("et" joins "un" or "onze" only: "vingt et un", "soixante et onze"; "neuf et deux"
    # are two numbers)
    rf"|(?P<words>\b(?:{_WORD})(?:[\s-]+et[\s-]+(?:un|une|onze)\b|[\s-]+(?:{_WORD}))*\b))",
    re.I)

# A figure past this is no count of a local initiative (a typo, a pasted identifier, a
# crafted text); it is set aside with this reason rather than make its release unsavable.
MAX_VALUE = 1e12
ABSURD = "nombre invraisemblable (plus de mille milliards)"

_MONTH = "|".join(MONTHS)
# Shapes that are not quantities, in the order they are tried; each names its reason.
SHAPES: list[tuple[str, re.Pattern]] = [
    ("reference", URL), ("reference", EMAIL), ("phone", PHONE),
    # a service's short number, dialled ("composez le 15", "appelez le 3919")
    ("phone", re.compile(r"\b(?:compos|appel|fai|contact)\w*\s+le\s+\d{2,4}\b(?!\s*[^\W\d_])",
                         re.I)),
    # … or listed by the service it reaches, alone after a colon ("SAMU : 15", "Violences
    # conjugales : 3919", "Allô enfance en danger : 119")
    ("phone", re.compile(r"(?im)\b(?:samu|police|pompiers|gendarmerie|urgences?|secours|"
                         r"violences?|allô|allo|écoute|sans-abri|numéro|ligne|permanence)"
                         r"\b[^:\n\d]{0,40}:\s*\d{2,4}(?=[ \t]*$)")),
    # … or an extension of a switchboard ("Service portage de repas : poste 2", "poste 214")
    ("phone", re.compile(r"\bposte\s+\d{1,4}\b(?!\s*[^\W\d_])", re.I)),
    ("date", re.compile(rf"\b(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
                        rf"(?:1er|\d{{1,2}})\s+(?:{_MONTH})(?:\s+\d{{4}})?", re.I)),
    ("date", re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b")),
    # a day whose month goes without saying, after a preposition of time and with no noun
    # after it ("livraison attendue pour le 15.", "avant le 20,", "jusqu'au 30")
    ("date", re.compile(r"\b(?:(?:avant|après|dès|depuis|pour|vers|d['’]ici)\s+le|jusqu['’]au"
                        r"|à partir du)\s+(?:1er|[1-9]|[12]\d|3[01])\b(?!\s*(?:[,.]\d|[^\W\d_]|\d))",
                        re.I)),
    # … or after its weekday, with no noun after it ("Samedi 25, de 14 h à 17 h",
    # "rendez-vous mardi 12 à la salle")
    ("date", re.compile(r"\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+"
                        r"(?:1er|[1-9]|[12]\d|3[01])\b(?!\s*(?:[,.]\d|\d|(?!(?:à|au|de|dès|entre|et"
                        r"|matin|soir)\b)[^\W\d_]))", re.I)),
    # … or with its part of the day ("si le sac n'est pas arrivé le 14 au soir")
    ("date", re.compile(r"\ble\s+(?:1er|[1-9]|[12]\d|3[01])\s+(?=(?:au\s+(?:soir|matin)|à\s+midi"
                        r"|dans\s+la\s+(?:matinée|soirée|journée)|en\s+(?:soirée|matinée|fin de journée))\b)",
                        re.I)),
    # a week's number ("livraison prévue semaine 19"), unless a noun follows: "chaque
    # semaine 40 colis" counts colis
    # ("semaine 6 de nos tournées" names the week, its complement after it)
    ("date", re.compile(r"(?<!chaque )(?<!par )\bsemaine\s+\d{1,2}\b"
                        r"(?!\s*(?!(?:de|du|des|d['’])(?![^\W\d_]))[^\W\d_])", re.I)),
    # … and a day of a series ("Jour 2 — mercredi 18 mars", a journal's entry; "jour 12 du
    # confinement")
    # ("à ce jour 3 400 masques" is a figure after "to this day")
    ("ordinal", re.compile(r"(?<!chaque )(?<!par )(?<!ce )\bjour\s+\d{1,3}\b(?![\s\u202f.]\d)"
                           r"(?!\s*(?!(?:de|du|des|d['’])(?![^\W\d_]))[^\W\d_])", re.I)),
    # a step's number in a procedure ("Étape 2 : présentez-vous", "phase 3")
    ("ordinal", re.compile(r"\b(?:étape|phase|palier|épisode|chapitre|acte)\s+\d{1,2}\b", re.I)),
    ("year", re.compile(rf"\b(?:{_MONTH}|depuis|en|dès|année|jusqu['’]en|fin|début|depuis"
                        rf"|printemps|été|automne|hiver)\s+(?:19|20)\d\d\b", re.I)),
    # a yearly thing named by its year ("la cotisation 2020", "l'édition 2019"), or a law
    # ("association loi 1901")
    ("year", re.compile(r"\b(?:cotisation|saison|édition|promotion|session|exercice|budget"
                        r"|bilan|rentrée|calendrier|programme|campagne|millésime|loi)s?\s+"
                        r"(?:de\s+|du\s+)?(?:19|20)\d\d\b", re.I)),
    # a year after a preposition, ending its clause ("le stock date de 2009.")
    ("year", re.compile(r"\b(?:de|d['’]|avant|après|vers|à partir de)\s*(?:19|20)\d\d\b"
                        r"(?=\s*(?:[.,;:)!?—–]|$))", re.I)),
    # … or the year a thing is put off to ("le tournoi est reporté à 2021")
    ("year", re.compile(r"\b(?:report|repouss|remis|décal|ajourn)\w*\s+(?:à|en|au)\s+"
                        r"(?:l['’]année\s+|l['’]an\s+|printemps\s+|automne\s+)?(?:19|20)\d\d\b", re.I)),
    # a past event named with its year ("sa bataille de 1415", "l'incendie de 1887")
    ("year", re.compile(r"\b(?:bataille|siège|traité|fondation|construction|incendie|guerre"
                        r"|crue|tempête|naissance|mort)s?\s+(?:de\s+|d['’]|en\s+)?1[0-9]\d\d\b",
                        re.I)),
    # an older year, a founding's ("fondée en 1812", "depuis 1870"): no noun after it,
    # unlike a count ("en 1500 exemplaires")
    ("year", re.compile(r"\b(?:en|depuis|dès)\s+1[0-8]\d\d\b(?!\s*[^\W\d_])", re.I)),
    # a decade ("dans les années 70", "les années 1980")
    ("year", re.compile(r"\bann[ée]es\s+(?:(?:19|20)[1-9]0|[1-9]0(?!\s*(?:%|[^\W\d_])))\b",
                        re.I)),
    ("time", re.compile(r"\b\d{1,2}\s?h\s?\d{0,2}\b|\b\d{1,2}:\d\d\b", re.I)),
    # a French postcode before its town, or closing an address line ("… – 62140")
    # … or in brackets after its town ("à Vitry-en-Artois (62490)")
    # … or after its town and a comma, closing its part of an address line ("Mairie de
    # Wimereux, 62930 — 03 21 …")
    ("postcode", re.compile(r"(?m)\b(?:0[1-9]|[1-8]\d|9[0-8])\s?\d{3}\b(?=[ \t]+[A-ZÉÈ])"
                            # (… or a field of its own between dashes: "Lestrem – 62136 – tél.")
                            r"|(?<=[–-] )(?:0[1-9]|[1-8]\d|9[0-8])\d{3}\b(?=\s*$|\s+[–—-]\s)"
                            r"|(?<=[^\W\d], )(?:0[1-9]|[1-8]\d|9[0-8])\d{3}\b(?=\s*(?:[–—,;(]|\.(?!\d)|$))"
                            r"|(?<=[^\W\d] \()(?:0[1-9]|[1-8]\d|9[0-8])\s?\d{3}(?=\))")),
    # … or labelled as one ("Code postal pour vos courriers : 62380")
    ("postcode", re.compile(r"\bcode postal\b[^\d\n]{0,30}?(?:0[1-9]|[1-8]\d|9[0-8])\s?\d{3}\b",
                            re.I)),
    ("address", re.compile(r"\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd"
                           r"|place|chemin|allée|impasse|route|quai|square|résidence)\b", re.I)),
    ("reference", re.compile(r"\b(?:n\s*[°º]|no\.|num[ée]ro)\s*\d+", re.I)),
    ("reference", re.compile(r"covid[\s-]*19", re.I)),
    # an emergency line's short number ("orientés vers le 115", "appelez le 15"): the
    # numbers no day can be after "le" or "au", the others after a verb of calling
    ("phone", re.compile(r"\b(?:(?:le|au)\s+(?:112|114|115|119|3114|3919)"
                         r"|(?:appel\w*|compos\w*|joindre|contact\w*)\s+(?:le\s+)?(?:15|17|18))\b"
                         r"(?!\s*\d|\s+[^\W\d]+s\b)", re.I)),
    # a size is named by its number ("des couches taille 4", "pointure 38")
    ("reference", re.compile(r"\b(?:taille|pointure)\s+\d{1,2}\b", re.I)),
    # a figure in the quoted name of an operation ("l'opération « 10 000 masques »"): the
    # name says the aim, told again (or not) in the text's own words
    ("reference", re.compile("(?:" + "|".join(
        f"(?<={noun} {quote})" for noun in ("opération", "campagne", "challenge", "défi",
                                            "collecte", "action", "plan", "projet")
        for quote in ("« ", "«\u00a0", "«\u202f", "«", '"', "“")) + ")"
        r"\d{1,3}(?:[\s\u00a0\u202f.]\d{3})*(?=[^»\"”\n\d]{1,40}[»\"”])", re.I)),
    # a technique's name ("l'impression en trois dimensions", "en 3 dimensions")
    ("reference", re.compile(r"\b(?:trois|3)\s+dimensions\b", re.I)),
    # a place's number in its name ("secteur de la Fosse 2", "la cité 9", "salle 3")
    ("reference", re.compile(r"\b(?:fosse|cité|secteur|lot|bâtiment|salle|zone|quartier|tranche"
                             r"|bloc|hall|quai|puits|parcelle|escalier|étage|chambre)\s+\d{1,3}\b"
                             r"(?!\s+(?!et\b|ou\b)[^\W\d_])", re.I)),
    ("percent", re.compile(r"\b\d+(?:,\d+)?\s?(?:%|pour ?cent)", re.I)),
    # a bare small number after "en" closing its clause is a manner or a time ("c'est plié
    # en cinq", "coupé en deux"), no count: a count has its noun ("en 3 000 exemplaires")
    ("duration", re.compile(r"(?<=\ben )(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix"
                            r"|\d{1,2})(?=\s*(?:[,.;!?»\"”)]|$))", re.I)),
    ("ordinal", re.compile(r"\b\d+\s?(?:e|è|ème|eme|er|ère|re|nd|nde)\b", re.I)),
    # a list's item number at the start of a line ("2 – À Oignies", "3) La ville")
    # (… or of a heading, after the rule that frames it: "━━━ 2. ILS SE SONT MOBILISÉS ━━━")
    ("ordinal", re.compile(r"(?m)^[\s━─═=*#■▪►▶~_]*\d{1,2}\s*(?:[–—)]|-(?=\s)|\.(?=\s))")),
    ("age", re.compile(r"\b\d{1,3}\s+ans\b|\bâgée?s? de\s+\d{1,3}", re.I)),
    # an age whose "ans" an ellipsis leaves out, after a superlative of age ("la plus
    # jeune a 19 ans, la plus âgée 81")
    ("age", re.compile(r"\b(?:le|la|les)\s+plus\s+(?:âgée?s?|jeunes?|vieux|vieilles?|ancien(?:ne)?s?)"
                       r"\s*(?::\s*|(?:a|avait|aura)\s+)?\d{1,3}\b(?![\s\u202f.,]?\d)(?!\s*[^\W\d_])",
                       re.I)),
    # a schedule: "24 heures sur 24", "7 jours sur 7", "24h/24", "7j/7", in words too
    # ("sept jours sur sept", "six soirs sur sept")
    ("duration", re.compile(r"\b\d{1,2}\s*(?:heures|h|jours|j)\s*(?:sur|/)\s*\d{1,2}\b", re.I)),
    ("duration", re.compile(rf"\b(?:{_WORD})(?:-(?:{_WORD}))?\s+(?:heures|jours|soirs|nuits"
                            rf"|matins|week-ends)\s+sur\s+(?:{_WORD})(?:-(?:{_WORD}))?\b", re.I)),
    # a proportion of small numbers ("deux foyers sur trois", "1 habitant sur 4"), not a
    # part of a whole counted ("3 200 masques sur 4 500")
    ("percent", re.compile(rf"\b(?:\d{{1,2}}|{_WORD})\s+(?:[^\W\d]+\s+){{1,2}}sur\s+(?:\d{{1,2}}|{_WORD})\b"
                           rf"(?!\s*(?:\d|[^\W\d]+s\b))", re.I)),
]
_NOT_A_COUNT_AFTER = re.compile(r"[A-Za-zÀ-ÿ]")  # "3D", "1er", "CRS9"


@dataclass
class Number:
    start: int
    end: int
    value: float | None          # None when set aside before reading (a phone, a date)
    approx: bool = False
    reason: str = ""             # a SET_ASIDE_LABELS key when the shape is no quantity

    def text_in(self, text: str) -> str:
        return text[self.start:self.end]


def find_numbers(text: str) -> list[Number]:
    """Every number of the text in reading order, those with a non-quantity shape
    (date, phone…) carrying their reason."""
    shaped: list[Number] = []
    taken = bytearray(len(text))
    for reason, pattern in SHAPES:
        for m in pattern.finditer(text):
            if any(taken[m.start():m.end()]):
                continue
            if pattern in (URL, EMAIL) and not re.search(r"\d", m.group()):
                continue
            if reason in ("reference",) and pattern in (URL, EMAIL):
                taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
                continue  # digits inside an address of the web are no number a reader sees
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
            if re.search(r"\d", m.group()):
                shaped.append(Number(m.start(), m.end(), None, reason=reason))
    found = list(shaped)
    for m in NUMBER.finditer(text):
        a, b = m.span()
        core = m.start("num") if m.group("num") else a
        if any(taken[core:b]):
            continue
        number = _read(text, m)
        if number is not None:
            found.append(number)
    found.sort(key=lambda n: n.start)
    for number in found:
        if _house_number(text, number):
            number.value, number.reason = None, "address"
    for first, second in zip(found, found[1:]):
        if second.reason and first.value is not None and _range(text, first, second):
            first.value, first.reason = None, second.reason
    return found


# a bare number after "au" closing its phrase, past a street's name ("Rue Carnot. … au 18,
# ça sent le bouillon"): the house's number in that street
_AT_NUMBER = re.compile(r"\bau\s+$", re.I)
_RANGE_FROM = re.compile(r"\b(?:de|du)\s+\d+(?:\s+[^\W\d]+){0,3}\s+au\s+$", re.I)   # "de 40 au 60"
_STREET_NAMED = re.compile(r"\b(?:rue|avenue|boulevard|place|impasse|chemin|allée|quai)\s+"
                           r"(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+)?(?-i:[A-ZÀ-Ý])", re.I)


def _house_number(text: str, number: Number) -> bool:
    """A small number after "au", then a comma, a street named shortly before."""
    return bool(_AT_NUMBER.search(text, max(0, number.start - 4), number.start)) and \
        bool(re.match(r"\s*,", text[number.end:number.end + 3])) and \
        number.value is not None and number.value < 1000 and \
        not _RANGE_FROM.search(text, max(0, number.start - 50), number.start) and \
        bool(_STREET_NAMED.search(text, max(0, number.start - 200), number.start))


# A range shares its unit: "entre 19 et 35 ans", "de 9 à 12 h", "2 ou 3 %": the first
# bound is what the second one is.
_WEEKDAY = r"(?:(?:le|du|au)\s+)?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
_RANGE_AND = re.compile(rf"\s*et\s*{_WEEKDAY}", re.I)
_RANGE_TO = re.compile(rf"\s*(?:à|au|ou|-|–)\s*{_WEEKDAY}", re.I)


def _range(text: str, first: Number, second: Number) -> bool:
    between = text[first.end:second.start]
    if _RANGE_TO.fullmatch(between):
        return True
    # "les 25 et 26 avril": two days of one month
    return bool(_RANGE_AND.fullmatch(between)) and (second.reason == "date" or bool(
        re.search(r"\bentre\s*$", text[max(0, first.start - 12):first.start], re.I)))


_COUNT_BEFORE = re.compile(r"\b(?:sont|sommes|êtes|étaient|étions|seront|serons|furent"
                           r"|environ|plus de|moins de|près de|les|des|ces|nos|vos|leurs|ses"
                           r"|mes|à|de)\s+$", re.I)


def _read(text: str, m: re.Match) -> Number | None:
    approx = bool(m.group("approx"))
    if m.group("num"):
        a, b = m.start("num"), m.end("num")
        if (a > 0 and (text[a - 1].isalpha() or text[a - 1] in "-#_/")) or \
                (b < len(text) and _NOT_A_COUNT_AFTER.match(text[b])):
            return Number(a, b, None, reason="reference")          # "CRS9", "3D", "A26"
        # an acronym before a figure names a thing ("CRS 9"), unless the line shouts, on
        # ("LE CAP DES 3000 MASQUES") or before it ("ON RECHERCHE 4 chauffeurs")
        acronym = re.search(r"\b[A-Z]{2,}\s*$", text[max(0, a - 12):a])
        if acronym and not re.match(r"\s+[A-ZÀ-Ý]{3,}\b", text[b:b + 20]) and \
                not re.search(r"\b[A-ZÀ-Ý]{2,}\s+$", text[max(0, a - 40):a - len(acronym.group())]):
            return Number(a, b, None, reason="reference")          # "CRS 9", "RN 43"
        value = float(re.sub(_SEP, "", m.group("num")).replace(",", "."))
        mult = (m.group("mult") or "").lower()
        value *= 10**6 if mult.startswith("million") else 10**9 if mult else 1
        if not value <= MAX_VALUE:  # hundreds of digits: infinite or absurd, never a count
            return Number(m.start(), m.end(), None, reason=ABSURD)
        return Number(m.start(), m.end(), value, approx)
    if m.group("noun"):
        return Number(m.start(), m.end(), float(APPROX_NOUNS[m.group("noun").lower()]), True)
    words = re.split(r"[\s-]+", m.group("words").lower())
    start = m.start("words")
    if words[0] in ("un", "une") and (len(words) == 1 or words[1] not in _MULTIPLES) and \
            not (len(words) == 1 and _ONE_TONNE.match(text, m.end())):
        return None  # an article, not a number
    value = words_value(words)
    if value is None:
        return None
    if words == ["neuf"] and re.match(r"\s*(?:[,.;:!?)]|(?:les?|la|l['’]|une?|des|et)\b)",
                                      text[m.end():], re.I) and \
            not _COUNT_BEFORE.search(text[max(0, start - 30):start]):
        # "neuf" with no noun to count, opening its sentence or after a noun, is the
        # adjective ("Neuf, le tissu coûte…", "un ordinateur neuf et …"); after a verb of
        # being or a quantifier it counts ("elles sont neuf, et …")
        return None
    if words == ["neuf"] and re.search(r"(?i)\b(?:à|flambant|tout)\s+$", text[max(0, start - 10):start]):
        return None   # the adjective in its idioms: "remis à neuf", "flambant neuf"
    if m.group("words")[:1].isupper() and (
            re.search(r"[\w,]\s+$", text[max(0, start - 3):start])
            or re.match(r"\s+[A-ZÀ-Ý][a-zà-ÿ]", text[m.end():m.end() + 3])):
        # a capital inside a sentence makes the word part of a name ("Terre des Deux Caps"),
        # and so does a capitalised word after it (« Deux Caps Solidaires »): a sentence
        # opening with a number goes on in lower case
        return Number(start, m.end(), None, reason="reference")
    return Number(start, m.end(), float(value), approx)


def words_value(words: list[str]) -> int | None:
    """French cardinal words -> integer: ["deux", "cents"] -> 200,
    ["quatre", "vingt", "dix"] -> 90, ["dix", "mille"] -> 10 000."""
    total, current, previous = 0, 0, ""
    for word in words:
        if word == "et":
            continue
        value = WORDS.get(word)
        if value is None:
            return None
        if value == 100:
            current = (current or 1) * 100
        elif value >= 1000:
            total += (current or 1) * value
            current = 0
        elif value == 20 and previous == "quatre":
            current += 80 - 4                          # "quatre-vingt(s)"
        else:
            current += value
        previous = word
    return total + current
