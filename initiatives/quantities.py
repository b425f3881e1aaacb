"""Figures with meaning: what was counted, how much, and what kind of count.

"1 600 réalisés à ce jour pour un objectif de 11 000 masques" is 1 600 done and
11 000 targeted; "50 000 litres par jour" a rate; "un village de 200 habitants"
a population and "un lot de 3 masques chacun" a per-unit amount, neither a
quantity. Dates, phones, postcodes, issue numbers and names with digits are
masked before numbers are read. Numbers written in words ("deux pages") are
structural counts in these texts and are not read, except the approximate
nouns ("une cinquantaine").

Skipped on purpose: organisation counts ("près de 50 structures"), whose
meaning fits no kind (not produced, not helped, not volunteers), and money
that is not a collection ("une aide de 60 euros" is per pupil).
"""
from __future__ import annotations

import re

from initiatives.ingest import EMAIL, MONTHS, PHONE, URL
from initiatives.model import (BENEFICIARIES, DONE, PER_DAY, PER_WEEK, TARGET,
                               VOLUNTEERS, Quantity)

# --- numbers ----------------------------------------------------------------

APPROX_NOUNS = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20,
                "trentaine": 30, "quarantaine": 40, "cinquantaine": 50,
                "soixantaine": 60, "centaine": 100, "millier": 1000}
_APOS = "['’]"
NUMBER = re.compile(
    rf"(?P<approx>\b(?:près de|plus de|environ|quelque|presque|au moins|pas moins de"
    rf"|autour de|approximativement|jusqu{_APOS}à)\s+)?"
    rf"(?:(?P<num>\d{{1,3}}(?:[ .]\d{{3}})+(?!\d)(?:,\d+)?|\d+(?:,\d+)?)"
    rf"(?:\s+(?P<mult>millions?|milliards?)(?:\s+de\s+|\s+d{_APOS}))?"
    rf"|(?P<word>\b(?:d{_APOS})?une?)\s+(?P<noun>{'|'.join(APPROX_NOUNS)})s?"
    rf"\s+(?:de\s+|d{_APOS}))", re.I)

MONTH_NAMES = "|".join(MONTHS)
_MASKS = [
    URL, EMAIL, PHONE,
    re.compile(rf"\b(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
               rf"(?:1er|\d{{1,2}})\s+(?:{MONTH_NAMES})(?:\s+\d{{4}})?", re.I),
    re.compile(r"\b(?:depuis|en|dès|année|jusqu['’]en|fin|début)\s+(?:19|20)\d\d\b", re.I),
    re.compile(r"\b\d{1,2}\s?h\s?\d{0,2}\b|\b\d{1,2}:\d\d\b"),
    re.compile(r"\b\d{2}\s?\d{3}\b(?=\s+[A-ZÉÈ])"),               # postcode + commune
    re.compile(r"\b(?:n\s*[°º]|no\.|num[ée]ro)\s*\d+", re.I),    # issue numbers
    re.compile(r"covid[\s-]*19", re.I),
]

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
    (r"familles?", "familles", "familles", BENEFICIARY),
    (r"foyers?", "foyers", "foyers", BENEFICIARY),
    (r"bénévoles?|volontaires?", "bénévoles", "personnes", VOLUNTEER),
    (r"couturi(?:er\(e\)s|er\(ère\)s|ères?|ers?)", "couturières", "personnes", VOLUNTEER),
    (r"personnes?", "personnes", "personnes", PEOPLE),
    (r"habitants?", "habitants", "personnes", POPULATION),
    (r"euros?|€", "euros", "euros", MONEY),
    (r"exemplaires?|unités?|pièces?", "", "unités", REF),
]
for _word in ("collégiens", "lycéens", "élèves", "enfants", "étudiants", "seniors",
              "résidents", "bénéficiaires", "patients", "soignants", "jeunes"):
    ITEMS.append((_word[:-1] + "s?", _word, "personnes", BENEFICIARY))
_ITEMS = [(re.compile(rf"(?:{p})(?![\w-])", re.I), item, unit, group)
          for p, item, unit, group in ITEMS]
_UNITS = re.compile(r"(litres?|l|tonnes?|t|kg|kilos?|kilogrammes?)\b", re.I)
_UNIT_NAMES = {"l": "litres", "t": "tonnes", "kg": "kilos", "kilogramme": "kilos",
               "kilo": "kilos", "litre": "litres", "tonne": "tonnes"}
# Structural counts: a number of missions or pages is not a quantity to total.
STRUCTURAL = set("""mission missions objectif objectifs page pages concours jour jours
semaine semaines mois an ans année années heure heures minute minutes fois étape étapes
axe axes point points structure structures association associations partenaire partenaires
entreprise entreprises commune communes ville villes site sites atelier ateliers action
actions initiative initiatives ami amis numéro numéros séance séances session sessions
départements département région régions kilomètres km mètres m""".split())
_ADJECTIVES = r"(?:(?:nouveaux|nouvelles|premiers|premières|autres|petits|petites|grands|grandes)\s+)?"

# --- kinds ------------------------------------------------------------------

_PER_UNIT_AFTER = re.compile(r"^\W{0,3}(?:chacun|chacune|par (?:personne|famille|foyer|élève"
                             r"|enfant|commerçant|habitant|tête|agent|salarié|collégien))\b",
                             re.I)
_PER_UNIT_BEFORE = re.compile(rf"\b(?:lots? de|aide (?:financière )?de|prime de|chèques? de"
                              rf"|bons? de|allocation de|forfait de)\s*$", re.I)
_POPULATION_BEFORE = re.compile(rf"(?:\b(?:village|commune|ville|bourg|cité|quartier"
                                rf"|agglomération)\s+(?:de\s+|d{_APOS}\s*)|\bcompt\w*\s+"
                                rf"|\bpeuplée?s? de\s+|\bpopulation de\s+)$", re.I)
_PER_DAY = re.compile(r"^[^.;]{0,60}?\b(?:par jour|chaque jour|/\s?jour|quotidien\w*)", re.I)
_PER_WEEK = re.compile(r"^[^.;]{0,60}?\b(?:par semaine|chaque semaine|toutes les semaines"
                       r"|/\s?semaine|hebdomadaire\w*)", re.I)
_TARGET_BEFORE = re.compile(
    rf"(?:\b(?:objectif|ambition|but)\s+(?:est\s+)?(?:de\s+|d{_APOS})(?:\w+\s+){{0,3}}$)"
    rf"|\b(?:souhait\w*|vis(?:e|ent|ant)|pr[ée]voi\w*|envisag\w*|d{_APOS}ici|à terme"
    rf"|pour atteindre)\b", re.I)
_TARGET_AFTER = re.compile(r"^\s*(?:supplémentaires?|à (?:produire|fabriquer|confectionner|venir))",
                           re.I)
_VOLUNTEER_BEFORE = re.compile(rf"\b(?:compos\w*|compt\w*|regroup\w*|rassembl\w*|réuni\w*"
                               rf"|mobilis\w*|équipe|groupe|collectif)\s+(?:de\s+|d{_APOS}\s*)?$",
                               re.I)
_COLLECT = re.compile(r"\b(?:récolt|collect|lev[ée]|réuni|cagnott|dons?\b|versé|offert)", re.I)
_DONE = re.compile(r"\b(?:livr|distribu|fabriqu|produi|réalis|confection|cous|imprim|offert"
                   r"|don\b|dons\b|donn|remis|fourni|achet|acquis|récolt|collect|prépar|servi"
                   r"|envoy|équip|cré)", re.I)
_PARTICIPLE = re.compile(r"^\s*(?:ont été |ont |sont )?(?:déjà |d['’]ores et déjà )?"
                         r"(?:réalisé|produit|fabriqué|confectionné|distribué|livré|cousu"
                         r"|imprimé|offert|donné|remis)e?s?\b", re.I)


def find_quantities(text: str) -> list[Quantity]:
    """Quantities in a block of text, each with the sentence it was read from."""
    masked = _mask(text)
    found: list[Quantity] = []
    for start, end in sentences(text):
        previous_end, previous = start, None
        matches = list(NUMBER.finditer(masked, start, end))
        for i, m in enumerate(matches):
            next_start = matches[i + 1].start() if i + 1 < len(matches) else end
            read = _read(text, masked, m, start, end, previous_end, next_start)
            previous_end = m.end()
            if read is None:
                continue
            q, item_end = read
            # "plus de 70 familles et de 180 personnes": the repeated "de" carries
            # the "plus de" over; "environ 300 charlottes et 2 000 gants" does not.
            if previous and previous[0].approx and re.fullmatch(
                    rf"\s*et\s+(?:de\s+|d{_APOS})", text[previous[1]:m.start()]):
                q.approx = True
            q.sentence = text[start:end].strip()
            found.append(q)
            previous = (q, item_end)
    return found


def _mask(text: str) -> str:
    """The text with every non-quantity figure replaced by `#`s (same offsets)."""
    chars = list(text)
    for pattern in _MASKS:
        for m in pattern.finditer(text):
            chars[m.start():m.end()] = "#" * (m.end() - m.start())
    return "".join(chars)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans; no split after abbreviations, initials or "n°"."""
    spans, start = [], 0
    for m in re.finditer(r"(?<=[.!?…])[»\"]?\s+(?=[«\"(\-–]?\s*[A-ZÀ-ÖØ-Þ0-9])|\n+", text):
        before = text[max(0, m.start() - 6):m.start()]
        if "\n" not in m.group() and re.search(r"(?:\betc|\bM|\bMme|\bSt|\b[A-Z])\.$", before):
            continue
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _read(text, masked, m, s_start, s_end, previous_end, next_start):
    """One number match -> (Quantity, end of its item), or None."""
    if m.group("num"):
        if "#" in masked[m.start("num"):m.end("num")]:
            return None
        a, b = m.start("num"), m.end("num")
        if a > 0 and (text[a - 1].isalpha() or text[a - 1] in "-#"):
            return None                                    # "Covid-19", "CRS9"
        if b < len(text) and text[b].isalpha():
            return None                                    # "3D", "1er"
        if re.search(r"\b[A-Z]{2,}\s*$", text[max(0, a - 12):a]):
            return None                                    # "CRS 9"
        value = float(re.sub(r"[ .]", "", m.group("num")).replace(",", "."))
        mult = (m.group("mult") or "").lower()
        value *= 1e6 if mult.startswith("million") else 1e9 if mult else 1
        approx = bool(m.group("approx"))
    else:
        value = float(APPROX_NOUNS[m.group("noun").lower()])
        approx = True
    if value <= 0:
        return None
    after_number = text[m.end():s_end]
    if re.match(r"\s*(?:%|pour ?cent)", after_number, re.I):
        return None
    item = _item(text, m.end(), s_start, s_end)
    before = text[previous_end:m.start()]
    if item is None:
        return None
    name, unit, group, item_end = item
    after = text[item_end:min(next_start, item_end + 60)]
    # A rate may sit between the figure and the item ("litres par jour de").
    rate_zone = text[m.end():item_end] + " " + after
    kind = _kind(name, group, before, after, rate_zone, text[s_start:s_end])
    if kind is None:
        return None
    return Quantity(item=name, value=value, unit=unit, kind=kind, approx=approx), item_end


def _item(text: str, pos: int, s_start: int, s_end: int):
    """(item, unit, group, end) after the number at `pos`, or None."""
    rest = text[pos:s_end]
    unit = None
    u = _UNITS.match(rest.lstrip())
    if u and (u.group(1).lower() not in ("l", "t") or not rest.lstrip()[1:2].isalpha()):
        unit = _UNIT_NAMES.get(u.group(1).lower().rstrip("s"), u.group(1).lower())
        if not unit.endswith("s"):
            unit += "s"
        offset = len(rest) - len(rest.lstrip()) + u.end()
        # "50 000 litres par jour de solution": the item may follow a rate.
        tail = re.match(rf"(?:\s+(?:par jour|par semaine|chaque jour|chaque semaine))?"
                        rf"\s+(?:de\s+|d{_APOS})", rest[offset:], re.I)
        if not tail:  # "50 000 litres par jour": the unit is all that is known
            return unit, unit, MATERIAL, pos + offset
        pos, rest = pos + offset + tail.end(), rest[offset + tail.end():]
    lead = re.match(rf"\s*(?:de\s+|d{_APOS})?{_ADJECTIVES}", rest, re.I)
    at = pos + lead.end()
    for pattern, name, item_unit, group in _ITEMS:
        hit = pattern.match(text, at, s_end)
        if hit:
            if group == REF:
                return _reference(text, s_start, pos, hit.end())
            return name, unit or item_unit, group, hit.end()
    if _PARTICIPLE.match(text, at, s_end) or _PARTICIPLE.match(rest):
        return _nearest(text, s_start, s_end, pos)         # "1 600 réalisés à ce jour"
    word = re.match(r"[a-zà-ÿœ][a-zà-ÿœ'-]{2,}", text[at:s_end])
    if word and word.group().lower() not in STRUCTURAL:  # the open list
        return word.group().lower(), unit or "unités", "open", at + word.end()
    return None


_MATERIALS = [(re.compile(rf"(?<![\w-])(?:{p})(?![\w-])", re.I), item, unit, group)
              for p, item, unit, group in ITEMS if group == MATERIAL]


def _known(text: str, start: int, end: int):
    """Material items named (without a figure) between start and end."""
    for pattern, name, unit, group in _MATERIALS:
        for m in pattern.finditer(text, start, end):
            yield m.start(), name, unit, group


def _reference(text, s_start, pos, end):
    """"60 exemplaires": the last material item named before."""
    hits = sorted(_known(text, 0, pos))
    if not hits:
        return None
    _, name, unit, group = hits[-1]
    return name, unit, group, end


def _nearest(text, s_start, s_end, pos):
    """A bare figure: the material item named nearest in its sentence."""
    hits = list(_known(text, s_start, s_end))
    if not hits:
        return None
    _, name, unit, group = min(hits, key=lambda h: abs(h[0] - pos))
    return name, unit, group, pos


def _kind(name: str, group: str, before: str, after: str, rate_zone: str,
          sentence: str) -> str | None:
    if _PER_UNIT_AFTER.match(after) or _PER_UNIT_BEFORE.search(before):
        return None
    if group == POPULATION:                                # "village de 200 habitants"
        return None if _POPULATION_BEFORE.search(before) else BENEFICIARIES
    if group == MONEY:
        return DONE if _COLLECT.search(sentence) else None
    if _PER_DAY.match(rate_zone):
        return PER_DAY
    if _PER_WEEK.match(rate_zone):
        return PER_WEEK
    if group in (VOLUNTEER,):
        return VOLUNTEERS
    if group == PEOPLE:
        return VOLUNTEERS if _VOLUNTEER_BEFORE.search(before) else BENEFICIARIES
    if group == BENEFICIARY:
        return BENEFICIARIES
    if _TARGET_BEFORE.search(before) or _TARGET_AFTER.match(after):
        return TARGET
    if group == MATERIAL:
        return DONE
    return DONE if _DONE.search(sentence) else None        # open list needs a verb
