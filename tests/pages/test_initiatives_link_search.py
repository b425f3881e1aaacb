"""The Initiatives page's own search and its link (issue 11, item 7): the search
filters that page only, never the figures of the others; the initiative opened is in
the URL, so a reload keeps it and a link opens it; contacts are links that work."""
from __future__ import annotations

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from initiatives import metrics
from initiatives.filters import Filters
from initiatives.formatting import format_number
from initiatives.store import open_store
from ui import widgets

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "app_pages" / "4_Initiatives.py")


def open_page(params: dict | None = None) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=180)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, at.exception
    return at


def actor_id(db, actor: str) -> int:
    return next(i.id for i in open_store(db).initiatives() if i.actor == actor)


def param(at, name: str):
    value = at.query_params.get(name)
    return value[0] if isinstance(value, list) and len(value) == 1 else value


def test_search_filters_this_page_only(db):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180).run()
    at.switch_page("app_pages/4_Initiatives.py").run()
    assert not at.exception, at.exception
    everyone = len(at.dataframe[0].value)
    at.text_input(key="recherche").set_value("Marck").run()
    assert not at.exception
    found = at.dataframe[0].value
    wanted = metrics.initiatives_frame(open_store(db), Filters(search="Marck"))
    assert 0 < len(found) < everyone and set(found["N°"]) == set(wanted["id"])
    assert param(at, "q") == "Marck"  # in this page's link
    assert any("cette page seulement" in i.value for i in at.info)
    # the other pages count everything: the overview's figures are the unfiltered ones
    at.switch_page("app_pages/0_Tableau_de_bord.py").run()
    assert not at.exception
    figures = {m.label: m.value for m in at.metric}
    everything = metrics.key_figures(open_store(db), Filters())
    assert figures["Initiatives"] == format_number(everything.initiatives)
    assert "q" not in at.query_params
    assert not any(t.label.startswith("Recherche") for t in at.text_input)
    # back on the Initiatives page, its search is still there
    at.switch_page("app_pages/4_Initiatives.py").run()
    assert at.text_input(key="recherche").value == "Marck"
    assert len(at.dataframe[0].value) == len(found)


def test_a_search_in_a_link_opens_the_page_searched(db):
    at = open_page({"q": "Marck"})
    assert at.text_input(key="recherche").value == "Marck"
    wanted = metrics.initiatives_frame(open_store(db), Filters(search="Marck"))
    assert 0 < len(wanted) and set(at.dataframe[0].value["N°"]) == set(wanted["id"])


def test_the_opened_initiative_is_in_the_url_and_a_link_opens_it(db):
    iid = actor_id(db, "Centres sociaux de Mazingarbe")
    at = open_page({"arrondissement": "627"})
    at.selectbox(key="initiative_choisie").set_value(iid).run()
    assert not at.exception
    assert param(at, "initiative") == str(iid)
    assert param(at, "arrondissement") == "627"  # the filters stay beside it
    # a reload (a new session with the same URL) or a shared link opens it again
    again = open_page({"arrondissement": "627", "initiative": str(iid)})
    assert again.selectbox(key="initiative_choisie").value == iid
    assert "Centres sociaux de Mazingarbe" in " ".join(s.value for s in again.subheader)
    # closing it takes it out of the link
    again.selectbox(key="initiative_choisie").set_value(None).run()
    assert "initiative" not in again.query_params


def test_a_link_to_an_initiative_the_filters_hide_says_so(db):
    iid = actor_id(db, "Centres sociaux de Mazingarbe")
    at = open_page({"arrondissement": "626", "initiative": str(iid)})
    assert at.selectbox(key="initiative_choisie").value is None
    assert any(f"n°{iid}" in w.value for w in at.warning)


def test_contacts_are_working_links(db):
    iid = actor_id(db, "Centres sociaux de Mazingarbe")
    at = open_page({"initiative": str(iid)})
    captions = [c.value for c in at.caption if c.value.startswith("Contacts")]
    assert captions, "no contacts shown"
    assert "(<https://fr-fr.facebook.com/acsmazingarbe/>)" in captions[0]
    assert "fr\\-fr\\.facebook" not in re.sub(r"\[[^]]*\]", "", captions[0])


def test_markdown_links_only_for_web_and_mail():
    assert widgets.md("https://fr-fr.facebook.com/ville.marck") == (
        "[https://fr\\-fr\\.facebook\\.com/ville\\.marck]"
        "(<https://fr-fr.facebook.com/ville.marck>)")
    assert widgets.md("Voir www.mairie.fr.") == (
        "Voir [www\\.mairie\\.fr](<https://www.mairie.fr>)\\.")
    assert "(<mailto:jean.dupont@ville-marck.fr>)" in widgets.md("jean.dupont@ville-marck.fr")
    # no other scheme, no HTML, no way out of the link's brackets
    assert widgets.md("javascript:alert(1)") == "javascript:alert\\(1\\)"
    assert widgets.md("https://x.fr/<img src=x>") == "[https://x\\.fr/](<https://x.fr/>)&lt;img src=x&gt;"
    assert "<img" not in widgets.md("<img src=x onerror=alert(1)>")


def test_dollar_signs_in_untrusted_text_never_make_maths():
    out = widgets.md("Cagnotte : $5 par masque, $10 le lot")
    assert "$" not in out.replace("\\$", "")
