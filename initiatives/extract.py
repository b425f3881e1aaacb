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

import dataclasses
import re
from dataclasses import dataclass, field

import config
from initiatives.ingest import BULLET, EMAIL, PHONE, URL, is_contact_line
from initiatives.model import (CATEGORIES, SET_ASIDE, Initiative, Place, Reading, Release,
                               normalise_key)
from initiatives.quantities import read_numbers, sentences

# --- blocks -----------------------------------------------------------------

@dataclass
class Block:
    start: int
    end: int
    text: str
    role: str = "content"  # content | heading | headline | contact | separator


def split_blocks(body: str) -> list[Block]:
    blocks, pos = [], 0
    for part in body.split("\n\n"):
        if part.strip():
            lead = len(part) - len(part.lstrip())
            text = part.strip()
            blocks.append(Block(pos + lead, pos + lead + len(text), text))
        pos += len(part) + 2
    for i, block in enumerate(blocks):
        following = blocks[i + 1].text if i + 1 < len(blocks) else ""
        block.role = _role(block.text, following)
    return blocks


def _strip_bullet(text: str) -> str:
    return BULLET.sub("", text, count=1).strip()


def _role(text: str, following: str) -> str:
    if not re.search(r"\w", text):
        return "separator"
    if is_contact(text):
        return "contact"
    inner = _strip_bullet(text)
    dash = bool(BULLET.match(text)) and not re.match(r"\d", text)
    if dash and len(inner) < 120 and not re.search(r"\d", inner) and (
            re.match(r"solidaires?\b", inner, re.I) or inner.endswith(":")
            or (inner[:1].islower() and inner.endswith("."))):
        return "heading"
    if not BULLET.match(text) and len(text) < 150 and not re.search(r"[.:;!?]$", text) \
            and len(following) > 2 * len(text):
        return "headline"  # a newsletter's item title
    return "content"


def is_contact(text: str) -> bool:
    """Contact lines, or a few words around a URL ("- Concours trukiroulent : URL")."""
    if is_contact_line(text):
        return True
    rest = PHONE.sub(" ", URL.sub(" ", EMAIL.sub(" ", text)))
    return rest != text and len(re.findall(r"[^\W\d_]{2,}", rest)) <= 5


# --- actors -----------------------------------------------------------------

_A = "['’]"
_UP = "A-ZÀ-ÖØ-ÞŒ"
NAME = (rf"(?:[{_UP}][\w’'-]*)(?:\s+(?:(?:de|du|des|d{_A}|la|le|les|et|&)\s*)?"
        rf"[{_UP}0-9][\w’'-]*)*(?:\s+[a-zà-ÿ][\w-]*(?=,))?")
PLACE = rf"[{_UP}][\w’'-]*"
QUOTED = r"«\s*([^»]{2,120}?)\s*»|\"([^\"]{2,120}?)\""
ASSOCIATION, COMPANY, LOCAL_GOV, CITIZEN, PUBLIC, WORSHIP = (
    "association", "entreprise", "collectivité", "citoyen ou collectif",
    "service public ou établissement", "culte")
_KEYWORD_TYPES = {"association": ASSOCIATION, "fondation": ASSOCIATION, "entreprise": COMPANY,
                  "société": COMPANY, "collectif": CITIZEN}
_NOT_FIRST_NAMES = set("""Conseil Centre Education Éducation Fondation Ville Réserve Hôpital
Université Planète Face Côte Je La Le Les Un Une Des De Du A Au Aux En Dans Pour Plus
Covid Pas Hauts Seine Saint Sainte Solidarité Direction Association""".split())
_TITLES = r"(?:préfet|maire|président\w*|directeur|directrice|ministre|député\w*|sénat\w*)"


@dataclass
class Actor:
    name: str
    type: str
    start: int  # span in the searched text
    end: int


def _quoted(m: re.Match, first: int) -> str:
    return (m.group(first) or m.group(first + 1) or "").strip()


def find_actor(text: str) -> Actor | None:
    """The earliest actor named in a block, or None for editorial text."""
    found: list[Actor] = []

    def add(m, name, kind):
        found.append(Actor(name.strip(" ,"), kind, m.start(), m.end()))

    for m in re.finditer(r"\b(association|fondation|entreprise|société|collectif)\b\s+", text,
                         re.I):
        rest = text[m.end():]
        q = re.match(rf"(?:[^«\"]{{0,40}}?)(?:{QUOTED})", rest)
        keyword = m.group(1).lower()
        if q and (keyword == "fondation" or q.start(1 if q.group(1) else 2) < 3):
            name = _quoted(q, 1)
            if name[:1].islower():
                name = f"{keyword} « {name} »"
            add(_Span(m.start(), m.end() + q.end()), name, _KEYWORD_TYPES[keyword])
            continue
        n = re.match(NAME, rest)
        if n:
            add(_Span(m.start(), m.end() + n.end()), n.group(), _KEYWORD_TYPES[keyword])
    for m in re.finditer(rf"\bservice\s[^«\"]{{0,40}}?(?:{QUOTED})", text):
        add(m, _quoted(m, 1), PUBLIC)
    for m in re.finditer(rf"\b(?:centre d{_A}aide|dispositif|plateforme|opération)\s+(?:{QUOTED})",
                         text, re.I):
        add(m, _quoted(m, 1), PUBLIC)
    for m in re.finditer(rf"(?:{QUOTED})\s+(?:dont le |, )?(collectif|association)", text):
        add(m, _quoted(m, 1), CITIZEN if m.group(3) == "collectif" else ASSOCIATION)
    for m in re.finditer(rf"\b([Vv]ille|[Cc]ommune)\s+(de\s+|d{_A})({PLACE})", text):
        word = "Ville" if m.group(1).lower() == "ville" else "commune"
        add(m, f"{word} {_de(m.group(2))}{m.group(3)}", LOCAL_GOV)
    for m in re.finditer(rf"\b[àÀAa]\s+({PLACE}),\s+les habitants\b", text):
        add(m, f"commune de {m.group(1)}", LOCAL_GOV)
    for m in re.finditer(rf"\bles habitants\s+(de\s+|d{_A})({PLACE})", text):
        add(m, f"commune {_de(m.group(1))}{m.group(2)}", LOCAL_GOV)
    for m in re.finditer(rf"\bConseil (citoyen|municipal|départemental|régional|des jeunes)\s+"
                         rf"(?:de la |du |des |de |d{_A})\s*{PLACE}", text):
        add(m, m.group(), CITIZEN if m.group(1) in ("citoyen", "des jeunes") else LOCAL_GOV)
    for m in re.finditer(rf"\b(?i:mosquée|église|paroisse|synagogue|temple)\s+({NAME})", text):
        add(m, m.group(), WORSHIP)
    for m in re.finditer(rf"\bCRS\s*\d+(?:\s+(?:de\s+|d{_A}){PLACE})?", text):
        add(m, m.group(), PUBLIC)
    for m in re.finditer(rf"\b(?:les\s+|Les\s+)?(centres? sociaux|centre social|CCAS)\s+"
                         rf"(?:de\s+|d{_A}){PLACE}", text):
        name = re.sub(r"^(?:les|Les)\s+", "", m.group())
        add(m, name[0].upper() + name[1:], ASSOCIATION if "centre" in name else LOCAL_GOV)
    for m in re.finditer(rf"\bnommée?\s+(?:([{_UP}][{_UP}0-9-]{{2,}})|{QUOTED})", text):
        add(m, m.group(1) or _quoted(m, 2), PUBLIC)
    for m in re.finditer(r"réserve civique|jeveuxaider", text, re.I):
        add(m, "Réserve civique / jeveuxaider.gouv.fr", PUBLIC)
    for m in re.finditer(rf"\b([{_UP}][a-zà-ÿ]+ et [{_UP}][a-zà-ÿ]+), deux\b", text):
        add(m, m.group(1), CITIZEN)
    for m in re.finditer(rf"\b([{_UP}][a-zà-ÿ]+(?:-[{_UP}][a-zà-ÿ]+)?)\s+([{_UP}][a-zà-ÿ]+"
                         rf"|[{_UP}]{{2,}})\b(?=\s*(?:,|qui\b|a\b|ont\b|est\b))", text):
        if m.group(1) in _NOT_FIRST_NAMES or \
                re.search(rf"{_TITLES}\W*$", text[max(0, m.start() - 25):m.start()], re.I) or \
                re.match(rf"\s*,\s*{_TITLES}", text[m.end():], re.I):
            continue
        add(m, m.group(), CITIZEN)
    for m in re.finditer(rf"\b(?:des|les)\s+([{_UP}][\w.]*?(?:ois|aises?|iens?|iennes?)"
                         rf"(?:\.e)?(?:\.s|s))\s+ont\b", text):
        add(m, m.group(1), CITIZEN)
    return min(found, key=lambda a: a.start) if found else None


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
                 r"|déjeuner|courses|invendus|besoins les plus essentiels",
    LIEN: r"isolé\w*|confiné\w*|\blien\b|téléphonique|courrier|visio|réseaux sociaux"
          r"|vidéos?|fragiles",
    CONTINUITE: r"scolaires?|devoirs|élèves|pédagogique|éducati\w+|ordinateurs?|informatique"
                r"|numérique|tablettes?",
    GARDE: r"garde d['’]enfants|garde exceptionnelle",
    BENEVOLAT: r"bénévoles|réserve civique|jeveuxaider|plate-?forme|volontaires",
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
    if re.search(r"réserve civique|jeveuxaider|bénévolat", actor, re.I):
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
    core = normalise_key(actor.name)
    return bool(_ANAPHORA.match(inner) or _DEMONSTRATIVE.match(inner)
                or (len(core) >= 4 and core in normalise_key(text)))


# --- drafts -----------------------------------------------------------------

@dataclass
class _Draft:
    actor: Actor
    blocks: list[Block]               # content blocks (headline first if any)
    actor_block: Block
    heading: str | None
    contacts: list[Block] = field(default_factory=list)


def extract(release: Release, dep: str | None = None) -> list[Initiative]:
    """Initiatives of a release, in reading order; [] when it names none."""
    return read(release, dep).initiatives


def read(release: Release, dep: str | None = None) -> Reading:
    """The release's initiatives, every number with what was made of it, and the
    paragraphs with figures that gave no initiative."""
    dep = dep or config.departement()
    blocks = split_blocks(release.body)
    drafts: list[_Draft] = []
    current: _Draft | None = None
    heading: str | None = None
    headline: Block | None = None
    for block in blocks:
        if block.role in ("separator", "heading"):
            current = None
            if block.role == "heading":
                heading = heading_category(_strip_bullet(block.text))
            continue
        if block.role == "headline":
            current, headline = None, block
            continue
        if block.role == "contact":
            if current is not None:
                current.contacts.append(block)
            continue
        if headline is not None:  # a newsletter item: headline + paragraph
            joined = headline.text + "\n\n" + block.text  # as in the body
            actor = find_actor(joined)
            current = None
            if actor is not None:  # else a subtitle over editorial text
                anchor = Block(headline.start, block.end, joined)
                current = _Draft(actor, [headline, block], anchor, None)
                drafts.append(current)
            headline = None
            continue
        actor = None if _CALL.search(block.text) else find_actor(block.text)
        if actor and (current is None or
                      normalise_key(actor.name) != normalise_key(current.actor.name)):
            current = _Draft(actor, [block], block, heading)
            drafts.append(current)
        elif current is not None and not current.contacts and \
                (actor is not None or _continues(block.text, current.actor)):
            current.blocks.append(block)
        else:
            current = None  # editorial text closes the current initiative
    mentions = _mentions(release.body, dep)
    local = any(m.resolution.inside and m.resolution.level not in ("national", None)
                for m in mentions)
    read_of = {b.start: read_numbers(b.text) for b in blocks if b.role != "separator"}
    initiatives = [_finish(release, d, mentions, local, dep, read_of) for d in drafts]
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


def _finish(release: Release, draft: _Draft, mentions, local: bool, dep: str,
            read_of: dict) -> Initiative:
    body = release.body
    excerpt = body[draft.blocks[0].start:draft.blocks[-1].end]
    text = "\n\n".join(b.text for b in draft.blocks)
    quantities = [q for b in draft.blocks for _, q in read_of[b.start] if q is not None]
    contacts = find_contacts(" \n".join(b.text for b in draft.blocks + draft.contacts))
    places = choose_places(body, draft, mentions)
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
                   rf"|\bchez (?:lui|elle) à)\s+(?:le\s+|la\s+|l{_A}|les\s+)?$", re.I)
_MAINLY = re.compile(rf"\bprincipalement (?:sur|dans|à)\s+(?:le secteur (?:de\s+|du\s+|d{_A})"
                     rf"|la commune (?:de\s+|d{_A}))?$", re.I)
_NATIONAL = re.compile(r"\bminist[èe]re\b|\bgouvernement\b|\.gouv\.fr|\bnationale?\b"
                       r"|réserve civique", re.I)
_PARTNER = re.compile(r"\b(?:partenaires?|partenariat|CCAS)\b[^.;]*$", re.I)
_NEAR = re.compile(rf"(?:\bprès (?:de\s+|d{_A})|\barrondissement (?:de\s+|d{_A}))$", re.I)


def _mentions(body: str, dep: str):
    from geo.mentions import find_places  # geocoding: communes, territories, outside
    ignored = [(m.start(), m.end()) for p in (URL, EMAIL) for m in p.finditer(body)]
    return [m for m in find_places(body, dep)
            if m.resolution.code and not any(a < m.end and m.start < b for a, b in ignored)]


def choose_places(body: str, draft: _Draft, mentions) -> list[Place]:
    """The initiative's places, the primary place first.

    A commune named is the place; a territory named in the same sentence is
    context and dropped ("dans le boulonnais, ... à Ferques"). The actor's seat
    comes first ("A Harnes, l'entreprise", "située à Lillers", "mosquée Annour
    d'Arras", "en mission dans le calaisis"); a place outside the département
    in the actor's name is its origin, not the place ("CRS 9 de Rennes").
    """
    spans = [(b.start, b.end) for b in draft.blocks]
    mine = [m for m in mentions if any(a <= m.start and m.end <= b for a, b in spans)]
    actor = (draft.actor_block.start + draft.actor.start,
             draft.actor_block.start + draft.actor.end)
    ranked = []
    for m in mine:
        tier = _tier(body, m, actor, mine)
        if tier is not None:
            ranked.append((tier, m.start, m))
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
    return [_place(m.resolution, m.text) for m in kept]


def _tier(body: str, m, actor: tuple[int, int], mine) -> float | None:
    """Rank of a mention as the initiative's place (lower first); None to drop it."""
    r = m.resolution
    before = body[max(0, m.start - 40):m.start]
    in_actor = actor[0] <= m.start and m.end <= actor[1]
    if _NEAR.search(before):
        return None                       # "près de Béthune", "arrondissement de ..."
    if in_actor and not r.inside and any(o.resolution.inside for o in mine):
        return None                       # the actor's origin
    if _SEAT.search(before) or (in_actor and r.level == "commune") or \
            (re.search(r"(?:^|[.,;:\n-])\s*[AaÀà]\s+$", before[-25:])
             and body[m.end:m.end + 1] == ","):
        return 0                          # the actor's seat
    if _MAINLY.search(before):
        return 1
    if _PARTNER.search(body[max(0, m.start - 120):m.start]):
        return 3.5                        # partners' towns come after the territory
    return _SPECIFIC.get(r.level, 6)


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
    from geo.geocode import resolve
    r = resolve("France", dep)
    if r.code:
        return _place(r, "national")
    return Place(query="national", code="FR", nom="France", level="national",
                 departement=None, inside=True, method="manual", confidence=1.0)
