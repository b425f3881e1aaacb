"""Privacy (issue 14, item 7): private persons are recognised in their variants, their
e-mails and phones go with them, another initiative's excerpt naming them is scrubbed,
and the standalone HTML map is anonymised like the other exports."""
from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pytest

from initiatives.filters import Filters
from initiatives.model import Initiative, Release
from initiatives.store import open_store
from report import export_data as ed, static_map
from report.initiatives_map import MapOptions, build_map
from tests.helpers.store_samples import N7, commune, initiative, n7, qty

EMAIL = "delphine.lefebvre62@gmail.com"
PHONE = "06 12 34 56 78"
OWN = (f"Delphine Lefebvre (Guemps) a cousu 1200 masques pour la commune. Contact : "
       f"{EMAIL} ou {PHONE}.")
THANKS = Release(title="Merci à Delphine Lefebvre et aux couturières", body="Merci ...",
                 date=date(2020, 5, 2), source="merci.txt")
OTHER = ("L'association Les Amis de Guemps distribue les masques cousus par D. Lefebvre ; "
         "LEFEBVRE Delphine en a aussi livré à l'école (joindre d.lefebvre@orange.fr).")
VARIANTS = ["Delphine Lefebvre", "D. Lefebvre", "D.Lefebvre", "Delphine Lefebvre (Guemps)",
            "LEFEBVRE Delphine", "Lefebvre D.", "Délphine LEFÈBVRE", "delphine lefebvre",
            "Mme Lefebvre", "Lefebvre"]


def person(actor: str, actor_type: str = "citoyen ou collectif") -> Initiative:
    return Initiative(release_id="r", actor=actor, actor_type=actor_type, category="autre",
                      excerpt="")


@pytest.mark.parametrize("actor", ["D. Lefebvre", "Delphine Lefebvre (Guemps)",
                                   "LEFEBVRE Delphine", "delphine lefebvre", "J.-P. Martin",
                                   "Anne Dupont et Paul"])
def test_private_persons_in_their_variants(actor):
    assert ed.is_private_person(person(actor))


@pytest.mark.parametrize("actor", ["SOS Masques", "Les Amis de Guemps (Guemps)",
                                   "le maire, Roger HOUZEL", "Imprimeurs de cœur"])
def test_not_private_persons(actor):
    assert not ed.is_private_person(person(actor))


@pytest.mark.parametrize("written", VARIANTS)
def test_every_variant_of_the_name_is_scrubbed(written):
    pattern = ed.name_pattern(["Delphine Lefebvre"])
    text = f"Merci à {written}, de Guemps, pour ses masques."
    out = ed.scrub_text(text, pattern)
    assert "lefebvre" not in ed.fold(out) and "delphine" not in ed.fold(out)
    assert ed.REDACTED in out and out.endswith(", de Guemps, pour ses masques.")
    assert not re.search(r"\bD\.", out)   # no initial left behind


def test_scrubbing_keeps_what_only_looks_like_the_name():
    pattern = ed.name_pattern(["Anne Dupont"])
    out = ed.scrub_text("Elle a offert à l'école de Saint-Anne ; Anne Dupont a cousu.", pattern)
    assert out == "Elle a offert à l'école de Saint-Anne ; [particulier] a cousu."


def test_a_surname_that_is_also_a_word_is_scrubbed_only_as_a_name():
    pattern = ed.name_pattern(["Jonathan Petit"])
    out = ed.scrub_text("Un petit atelier : Petit, puis jonathan petit, PETIT.", pattern)
    assert out == "Un petit atelier : [particulier], puis [particulier], [particulier]."


def test_contacts_go_only_with_a_name():
    pattern = ed.name_pattern(["Jonathan Petit"])
    assert ed.scrub_text("Un petit atelier : asso@calais.fr", pattern) \
        == "Un petit atelier : asso@calais.fr"
    assert ed.scrub_text("Écrire à jonathan.p@gmail.com ou asso@calais.fr", pattern) \
        == "Écrire à [coordonnées retirées] ou asso@calais.fr"
    assert ed.scrub_text("Avec Jonathan Petit : asso@calais.fr, 03 21 00 00 00", pattern) \
        == "Avec [particulier] : [coordonnées retirées], [coordonnées retirées]"


def test_scrubbing_is_linear_on_a_hostile_text():
    pattern = ed.name_pattern(["Delphine Lefebvre", "Jean-Pierre Martin"])
    hostile = ("d. " * 20_000) + ("lefebvre-" * 20_000) + ("a" * 50_000) + "@" + "b." * 20_000
    assert len(ed.scrub_text(hostile, pattern, contacts=True)) > 0


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = open_store(tmp_path_factory.mktemp("privacy") / "s.sqlite", seed=None)
    rows = n7()
    rows[1] = replace(rows[1], excerpt=OWN, contacts=[f"mailto:{EMAIL}"])
    s.ingest(N7, rows)
    s.ingest(THANKS, [initiative(THANKS, "Les Amis de Guemps", commune("62393", "Guemps"),
                                 qty("masques", 300, sentence="300 masques cousus par "
                                     "D. Lefebvre"),
                                 actor_type="association", excerpt=OTHER)])
    return s


def leaks(text: str) -> list[str]:
    folded = ed.fold(text)
    return [w for w in ("lefebvre", "delphine", "gmail", "orange.fr", "06 12 34")
            if w in folded]


def test_anonymised_exports_scrub_variants_contacts_and_other_excerpts(store):
    for fmt in ("csv", "geojson"):
        text = ed.export(store, Filters(), fmt, anonymise=True).decode("utf-8", "ignore")
        assert leaks(text) == [], fmt
        assert "Particulier (Guemps)" in text and "Les Amis de Guemps" in text
    quantities = ed.export(store, Filters(), "csv", table_name="quantites", anonymise=True)
    assert leaks(quantities.decode("utf-8-sig")) == []
    assert leaks(ed.export(store, Filters(), "csv").decode("utf-8-sig"))  # off unless asked


def test_the_anonymised_view_scrubs_mentions_and_release_titles(store):
    view = ed.anonymised(store)
    assert all(leaks(m.excerpt) == [] and leaks(" ".join(m.contacts)) == []
               for m in view.mentions())
    thanks = next(r for r in view.releases() if r.id == THANKS.id)
    assert leaks(thanks.title) == [] and thanks.title.startswith("Merci à [particulier]")
    assert leaks(view.release(THANKS.id).title) == []
    other = next(i for i in view.initiatives() if i.actor == "Les Amis de Guemps")
    assert leaks(other.excerpt) == [] and "[particulier]" in other.excerpt
    assert leaks(" ".join(q.sentence for q in other.quantities)) == []


def test_the_standalone_html_map_is_anonymised(store):
    html = static_map.interactive_html(store, Filters()).decode("utf-8")
    assert leaks(html) == []
    assert "Particulier (Guemps)" in html and "Les Amis de Guemps" in html
    named = static_map.interactive_html(store, Filters(), anonymise=False).decode("utf-8")
    assert "Lefebvre" in named   # only when asked


def test_the_map_hook_anonymises_markers_and_sources(store):
    m = build_map(store, Filters(), "62", MapOptions(anonymise=True))
    out = io.BytesIO()
    m.save(out, close_file=False)
    assert leaks(out.getvalue().decode("utf-8")) == []
