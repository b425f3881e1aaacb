"""Roles on the pages under AppTest (issue 14, items 1 and 2): an import is recorded in
the logged-in person's name; the Import page refuses a `lecteur` reaching it by its
address; an administrator deletes a release, kept in the history in their name.
(The real login flow, in Chromium against a local provider: tests/e2e/test_login.py.)"""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from initiatives.history import DELETION, IMPORT
from initiatives.store import open_store

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "app_pages" / "5_Import.py")
AGENT = "agent@pas-de-calais.gouv.fr"
RELEASE = """Covid-19 : le Pas-de-Calais solidaire n°9

Arras, le 14 mai 2020

- A Boulogne-sur-Mer, l'association Les Amis du Port a distribué 300 repas aux
personnes isolées.
"""


AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 64,
        "client_id": "pdc", "client_secret": "secret",
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}
ROLES = {"administrateur": ["chef@pas-de-calais.gouv.fr"], "contributeur": [AGENT]}


def app(page: str = PAGE, email: str | None = None, auth_section: dict = AUTH,
        roles: dict = ROLES) -> AppTest:
    """The page with accounts on; logged in as `email` when given (no browser: the
    login itself is tested in tests/e2e/test_login.py)."""
    at = AppTest.from_file(page, default_timeout=180)
    at.secrets["auth"], at.secrets["roles"] = auth_section, roles
    at.user = {"is_logged_in": True, "email": email} if email else {}
    return at.run()


def button(at, label: str):
    return next(b for b in at.button if b.label == label)


def test_an_import_is_recorded_in_the_name_of_who_is_logged_in(db):
    at = app(email=AGENT)
    at.text_area(key="import_texte").set_value(RELEASE)
    button(at, "Lire les communiqués").click().run()
    button(at, "Enregistrer dans la base").click().run()
    assert not at.exception
    assert any("1 initiative(s) ajoutée(s)" in s.value for s in at.success)
    imported = [c for c in open_store(db).history() if c.action == IMPORT
                and c.release_id == "2020-05-14-n9"]
    assert imported and {c.person for c in imported} == {AGENT}
    # a contributor does not delete
    assert not [e for e in at.expander if "Supprimer un communiqué" in e.label]


def test_a_lecteur_reaching_import_by_its_address_is_refused(db):
    at = app(email="lecteur@pas-de-calais.gouv.fr")  # named nowhere: the default role
    assert not at.exception
    assert any("réservée" in e.value for e in at.error)
    assert not at.text_area and not [b for b in at.button if b.label == "Lire les communiqués"]


def test_an_administrator_deletes_a_release_kept_in_the_history(db):
    release = open_store(db).releases()[0]
    at = app(email="Chef@Pas-de-Calais.gouv.fr")
    assert button(at, "Supprimer le communiqué").disabled  # nothing chosen, not confirmed
    at.selectbox(key="suppression_communique").select(release.id).run()
    at.checkbox(key="suppression_confirmee").check().run()
    button(at, "Supprimer le communiqué").click().run()
    assert not at.exception
    assert any("supprimé" in s.value for s in at.success)
    store = open_store(db)
    assert release.id not in [r.id for r in store.releases()]
    gone = [c for c in store.history() if c.action == DELETION and c.release_id == release.id]
    assert gone and {c.person for c in gone} == {"Chef@Pas-de-Calais.gouv.fr"}  # as logged in


def test_without_a_provider_every_page_says_it_has_no_accounts(db):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180).run()
    assert not at.exception
    assert any("mode local, sans comptes" in w.value for w in at.warning)
    assert not [b for b in at.button if b.label == "Se connecter"]


def test_with_a_provider_nobody_logged_in_sees_only_the_login_screen(db):
    at = app(str(ROOT / "dashboard.py"))
    assert not at.exception
    assert [b.label for b in at.button] == ["Se connecter"]
    assert not at.metric and not at.dataframe and not at.sidebar.multiselect
    assert not any("mode local" in w.value for w in at.warning)


def test_an_incomplete_provider_keeps_the_app_closed(db):
    at = app(str(ROOT / "dashboard.py"), email=AGENT,
             auth_section={"client_id": "pdc"})
    assert any("il manque redirect_uri, cookie_secret, client_secret" in e.value
               for e in at.error)
    assert not at.metric and not at.dataframe


def test_a_person_the_settings_refuse_sees_nothing_but_a_way_out(db):
    at = app(str(ROOT / "dashboard.py"), email="inconnu@exemple.fr",
             roles={**ROLES, "default": "aucun"})
    assert any("n'a pas accès" in e.value for e in at.error)
    assert [b.label for b in at.button] == ["Se déconnecter"]
    assert not at.metric and not at.dataframe
