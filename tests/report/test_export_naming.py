"""File names and the source footer built from the filtered releases."""
from __future__ import annotations

from datetime import date

import pytest

from initiatives.filters import Filters
from report import naming, sources
from tests.helpers.export_samples import sample_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return sample_store(tmp_path_factory.mktemp("naming") / "s.sqlite")


def test_file_name_pattern():
    assert naming.file_name("note de synthèse", date(2020, 4, 30), ".PDF", "62") == \
        "pas-de-calais-solidaire_note-de-synthese_20200430.pdf"
    today = date.today().strftime("%Y%m%d")
    assert naming.file_name("donnees", None, "csv") == \
        f"pas-de-calais-solidaire_donnees_{today}.csv"


def test_situation_date_is_the_latest_filtered_release(store):
    assert sources.situation_date(sources.cited(store, Filters())) == date(2020, 5, 7)
    n7 = sources.cited(store, Filters(releases=("2020-04-30-n7",)))
    assert sources.situation_date(n7) == date(2020, 4, 30)
    assert sources.situation_date([]) is None


def test_footer_names_the_filtered_releases(store):
    n7 = sources.cited(store, Filters(releases=("2020-04-30-n7",)))
    assert sources.footer(n7, "62") == ("Source : communiqués de la préfecture du "
                                        "Pas-de-Calais, n°7 ; situation au 30 avril 2020")


def test_footer_ranges_and_lists():
    run = [{"id": f"r{n}", "number": n, "date": date(2020, 4, n)} for n in range(2, 8)]
    assert sources.footer(run, "62") == ("Source : communiqués de la préfecture du "
                                         "Pas-de-Calais, n°2 à n°7 ; situation au 7 avril 2020")
    gaps = [run[0], run[3], run[5]]
    assert "n°2, n°5 et n°7" in sources.footer(gaps, "62")
    none = sources.footer([], "62", today=date(2020, 5, 1))
    assert "aucun ne correspond aux filtres" in none and "édité le 1er mai 2020" in none
