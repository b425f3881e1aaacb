"""Failures found by the fuzz harness (`python -m bench.fuzz`), kept as regressions."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from initiatives import importing, ingest
from tests.helpers.hostile import operations_pdf

ROOT = Path(__file__).resolve().parents[2]


def _join_before(lines: list[str]) -> str:
    """`ingest._join` as it was: it searched the whole text joined so far at each line, so
    a block of 50 000 one-letter lines took 86 s (25 000: 18 s)."""
    text = ""
    for line in lines:
        line = re.sub(r" {2,}", " ", line.strip())
        if not text:
            text = line
        elif re.search(r"\S-$", text) and line[:1].isalnum():
            text += line
        elif ingest._url_cut(text, line):
            text += line
        else:
            text += " " + line
    return text.strip()


def _blocks_of_real_texts() -> list[list[str]]:
    paths = sorted((ROOT / "data" / "press_releases").glob("*.txt"))
    paths += sorted((ROOT / "tests" / "data" / "extraction" / "dev").glob("*.txt"))
    out = []
    for path in paths:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        out += [lines[n:n + 6] for n in range(0, len(lines), 6)]
    return out


def test_join_gives_what_it_gave_on_the_real_texts_and_on_cut_words():
    rng = random.Random(14)
    pieces = ["Annay-sous-", "Lens", "plate-", "forme", "https://www.pas-de-calais.gouv.fr/",
              "Actualites/covid-19-", "303321", "www.ville-", "lens.fr", "-", "x", "a - b",
              "  deux   espaces  ", "voir https://x.fr/a_", "b=1", "é-", "Été", "3 400", ".",
              "http://a/" * 5, "a-" * 20]
    cases = _blocks_of_real_texts()
    cases += [[rng.choice(pieces) for _ in range(rng.randint(1, 8))] for _ in range(2_000)]
    for lines in cases:
        assert ingest._join(lines) == _join_before(lines), lines


@pytest.mark.parametrize("unit", ["x\n", "a-\n", "http://a/\n", "x\n\n"])
def test_a_block_of_many_short_lines_is_joined_looking_at_its_last_word_only(unit,
                                                                            monkeypatch):
    seen = []
    url_cut = ingest._url_cut

    def spy(a, b):
        seen.append(len(a))
        return url_cut(a, b)
    monkeypatch.setattr(ingest, "_url_cut", spy)
    blocks = ingest.clean_blocks(unit * 50_000)
    assert len(blocks) == 1 and len(blocks[0]) >= 50_000
    assert max(seen) <= 100   # never the whole text joined so far (the old way: 100 000)


def test_a_file_of_50_000_one_letter_lines_is_read():
    parsed = importing.parse("lignes.txt", b"x\n" * 50_000)
    assert parsed.error == "Aucune initiative trouvée dans ce communiqué."


def test_a_pdf_with_an_unknown_filter_is_refused_as_corrupt():
    # a byte flipped in a filter's name: pypdf raises NotImplementedError, which passed
    # for « Erreur inattendue pendant la lecture (NotImplementedError) »
    data = operations_pdf(10).replace(b"/FlateDecode", b"/FlateDecod\xa9")
    parsed = importing.parse("muté.pdf", data)
    assert parsed.error == "PDF corrompu : impossible de lire sa structure."


def test_the_parser_takes_any_text_the_import_accepts():
    # a paragraph over a million characters made spaCy raise E088 (« Erreur inattendue »)
    from initiatives.nlp import pipeline
    assert pipeline().max_length > ingest.MAX_CHARS


def test_runs_of_punctuation_are_cut_for_the_parser_offsets_unchanged():
    from initiatives.nlp import for_parsing
    text = "Merci " + "/" * 3000 + " à tous : 12 000 masques ‼️ " + "’" * 40 + " fin"
    parsed = for_parsing(text)
    assert len(parsed) == len(text)
    assert "//" not in parsed and "’’" not in parsed
    assert parsed.index("12.000") == text.index("12 000")


def test_a_list_s_introducing_line_is_found_once_for_the_whole_list():
    # each entry of a 100 000-line list looked back through its lead's lines (122 s)
    from initiatives.extract import read
    from initiatives.quantities import read_numbers
    text = ("Les Bobines de Marck\n\nIl nous manque encore :\n\n"
            + "".join(f"- {k} bobines de fil\n\n" for k in range(2, 40)))
    release = ingest.release_from_text(text)
    reading = read(release)
    kinds = {n.kind for n in reading.numbers if n.text.isdigit()}
    assert kinds == {"needed"}
    # the same as each entry looking back through the text above it
    start = release.body.index("- 7 bobines")
    alone = read_numbers("- 7 bobines de fil", release.body[max(0, start - 3000):start])
    assert [(n.kind, n.reason) for n, _ in alone] == \
        [(n.kind, n.reason) for n in reading.numbers if n.text == "7"]


def test_a_paragraph_without_breaks_is_read_in_pieces_that_are_the_body_s_own_text():
    """A long text pasted without blank lines: each piece is cut after a sentence, is the
    body's own text at its offsets, and the figures of every piece are read."""
    from initiatives.extract import LONG_BLOCK, read, split_blocks
    from initiatives.model import Release
    sentence = "À Quelmes, le comité des fêtes a distribué 120 colis aux aînés. "
    body = "Titre\n\n" + sentence * (3 * LONG_BLOCK // len(sentence))
    blocks = split_blocks(body)
    assert len(blocks) >= 4
    assert all(body[b.start:b.end] == b.text and len(b.text) <= LONG_BLOCK for b in blocks)
    assert all(b.text.endswith("aînés.") for b in blocks[1:-1])
    reading = read(Release(title="Titre", body=body))
    assert sum(1 for n in reading.numbers if n.text == "120") == body.count("120 colis")
