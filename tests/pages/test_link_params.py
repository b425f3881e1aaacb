"""Shared links with any value (issue 14): a date outside the releases' range, a very
long search or too many values render the page with a French notice, and the link is
rewritten without what was set aside; valid parameters still filter."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


def open_page(page: str, params: dict) -> AppTest:
    at = AppTest.from_file(str(ROOT / page), default_timeout=180)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, at.exception
    return at


def warnings(at) -> list[str]:
    return [w.value for w in at.warning]


@pytest.mark.parametrize("page", ["app_pages/6_Exports.py", "app_pages/3_Productions.py"])
def test_a_date_outside_the_releases_is_said_and_dropped(db, page):
    at = open_page(page, {"du": "1999-01-01", "au": "2020-04-21", "categorie": "aide alimentaire"})
    said = [w for w in warnings(at) if "date de début du lien" in w]
    assert said == ["La date de début du lien (1er janvier 1999) est hors de la période des "
                    "communiqués (du 27 mars 2020 au 30 avril 2020) : elle est ignorée."]
    assert "du" not in at.query_params
    assert at.query_params["au"] in ("2020-04-21", ["2020-04-21"])  # kept: inside the range
    assert at.query_params["categorie"] in ("aide alimentaire", ["aide alimentaire"])


def test_an_end_date_after_every_release_is_said(db):
    at = open_page("app_pages/6_Exports.py", {"au": "2031-12-31"})
    assert any("date de fin du lien (31 décembre 2031)" in w for w in warnings(at))
    assert "au" not in at.query_params


def test_a_very_long_search_is_set_aside(db):
    at = open_page("app_pages/4_Initiatives.py", {"q": "x" * 100_000})
    assert "Le paramètre « q » du lien est trop long (100\u202f000 caractères, au plus 200) : " \
           "il est ignoré." in warnings(at)
    assert "q" not in at.query_params
    assert at.text_input(key="recherche").value == ""


def test_too_many_values_are_set_aside(db):
    at = open_page("app_pages/6_Exports.py", {"communique": [f"r{n}" for n in range(500)]})
    assert any("500 valeurs au paramètre « communique »" in w for w in warnings(at))
    assert "communique" not in at.query_params


def test_a_valid_link_has_no_notice(db):
    at = open_page("app_pages/6_Exports.py", {"q": "Marck", "categorie": "aide alimentaire"})
    assert not [w for w in warnings(at) if "du lien" in w or "valeurs au paramètre" in w]
