"""Name normalisation shared by the gazetteer, the resolver and the text matcher.

`normalize("St-Omer (62)") == normalize("SAINT OMER") == "saint omer"`.
The output is lowercase ASCII-ish words separated by single spaces, and
`normalize(normalize(x)) == normalize(x)` for any string (tested with Hypothesis).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Web and mail addresses: masked before places and numbers are read, kept as contacts.
# Linear on any input: a candidate starts only where its run of characters starts (the
# look-behinds), so a 20 000-letter "word" is tried once, not from each of its letters
# (19.5 s before); labels and dots never overlap, so nothing is backtracked twice.
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"«»]+"
                 r"|(?<![\w-])(?<![\w-]\.)[\w-]+(?:\.[\w-]+)*"
                 r"\.(?:gouv\.fr|fr|com|org|net|eu|info)\b(?:/[^\s<>\"«»]*)?")
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

# Abbreviations that press releases and address files use for saints.
ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}
ARTICLES = frozenset({"le", "la", "les", "l"})
# Ligatures that Unicode decomposition leaves alone.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ð": "d",
                            "þ": "th", "ı": "i", "ß": "ss"})
_SUR = re.compile(r"\bs\s*/\s*")  # "Aire s/ la Lys"
_TRAILING_PAREN = re.compile(r"\s*[(\[][^()\[\]]{0,40}[)\]]\s*$")  # "(62)", "(Pas-de-Calais)"
_NON_WORD = re.compile(r"[\W_]+")
_NUMBER = re.compile(r"\d{1,5}")


def _fold_once(text: str) -> str:
    if text.isascii():  # the common case, ten times faster
        return text.lower()
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.translate(_LIGATURES)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case and accents folded away: `fold("Béthune") == "bethune"`; punctuation kept."""
    for _ in range(4):  # a few exotic characters need two passes to settle
        folded = _fold_once(text)
        if folded == text:
            break
        text = folded
    return text


# A small number inside a name is written in digits or in words ("CC des 7 Vallées", "Terre
# des 2 Caps" for "Deux Caps"); a postcode or a département number is longer or zero-led.
NUMBER_WORDS = dict(zip(map(str, range(2, 13)), (
    "deux trois quatre cinq six sept huit neuf dix onze douze").split()))


def _tokens(name: str) -> list[str]:
    while True:  # every trailing parenthesis: "Annay (62) (France)"
        stripped = _TRAILING_PAREN.sub("", name)
        if stripped == name:
            break
        name = stripped
    name = _SUR.sub(" sur ", fold(name))
    tokens = [ABBREVIATIONS.get(t, t) for t in _NON_WORD.split(name) if t]
    if len(tokens) > 1:   # ("2" alone is no name)
        tokens = [NUMBER_WORDS.get(t, t) for t in tokens]
    return tokens


def _strip(tokens: list[str]) -> list[str]:
    """Drop postcodes, département numbers and leading articles, until stable."""
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        # "62500 Saint-Omer", "Annay 62"
        if _NUMBER.fullmatch(tokens[-1]):
            tokens.pop()
            changed = True
        elif _NUMBER.fullmatch(tokens[0]) or tokens[0] in ARTICLES:
            # official names carry no article ("Portel", "Touquet-Paris-Plage")
            tokens.pop(0)
            changed = True
    return tokens


def _one_pass(name: str) -> str:
    return " ".join(_strip(_tokens(name)))


@lru_cache(maxsize=65536)
def normalize(name: str) -> str:
    """Comparable form of a place name (see module docstring). Never raises."""
    if not isinstance(name, str):
        return ""
    result = _one_pass(name)
    # ASCII output is a fixed point; exotic characters may need more folding passes.
    for _ in range(8):
        if result.isascii():
            break
        again = _one_pass(result)
        if again == result:
            break
        result = again
    return result
