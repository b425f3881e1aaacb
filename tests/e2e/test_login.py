"""Login and roles in headless Chromium (issue 14, items 1 and 2): a real OpenID Connect
flow through Streamlit's `st.login` against a local provider (`oidc-provider-mock`,
started here on 127.0.0.1, the only origin the browser may reach besides the app).

Nobody logged in sees only the login screen; a `lecteur` has no Import page (hidden,
refused by address) and no review, correction or addition; a `contributeur` has them,
and their review is recorded in their name. Without a provider the app runs as before,
under a banner saying it has no accounts."""
from __future__ import annotations

import secrets
import threading

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from initiatives.store import open_store
from tests.helpers.browser import SLOW, OfflinePage, open_page, settled, shoot

pytestmark = pytest.mark.e2e
TITLE = "Pas-de-Calais solidaire"
READER = "lecteur@pas-de-calais.gouv.fr"       # not listed: the default role
AGENT = "agent@pas-de-calais.gouv.fr"          # `contributeur` through the ID token's claim
CHIEF = "Chef.Pole@pas-de-calais.gouv.fr"      # `administrateur` through the list (any case)


@pytest.fixture(scope="module")
def provider():
    """The identity provider, in a thread: any client id and secret are accepted; the
    agent is a predefined user whose ID token says `roles = ["contributeur"]`, any other
    subject typed in its form gets `email = subject`."""
    from oidc_provider_mock import User, app
    from werkzeug.serving import make_server

    users = [User(sub=AGENT, claims={"email": AGENT, "roles": ["contributeur"]})]
    server = make_server("127.0.0.1", 0, app(user_claims=users), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)


@pytest.fixture(scope="module")
def app(app_factory, provider):
    def write(tmp):
        path = tmp / "secrets.toml"
        path.write_text(f"""
[auth]
redirect_uri = "http://127.0.0.1:{{port}}/oauth2callback"
cookie_secret = "{secrets.token_hex(32)}"
client_id = "pdc-solidaire"
client_secret = "{secrets.token_hex(16)}"
server_metadata_url = "{provider}/.well-known/openid-configuration"

[roles]
claim = "roles"
administrateur = ["{CHIEF.lower()}"]
""", encoding="utf-8")
        return path
    return app_factory(lambda db: open_store(db), secrets=write)


def outside(p: OfflinePage) -> list[str]:
    """Requests refused outside the app and the provider, but for the mock provider's
    own stylesheet (its form links Pico CSS on a CDN; the form works without it)."""
    return [u for u in p.outside if "/@picocss/" not in u]


def login(browser, url: str, provider: str, who: str) -> OfflinePage:
    """Through the login screen and the provider's form, back in the app as `who`."""
    p = OfflinePage(browser, url, also=(provider,))
    pg = p.goto("/")
    button = pg.get_by_role("button", name="Se connecter")
    for attempt in range(3):  # a click during the cold app's first runs may be lost
        button.wait_for(timeout=SLOW)
        settled(p)
        button.click()
        try:
            pg.wait_for_url(f"{provider}/oauth2/authorize**", timeout=30_000)
            break
        except PlaywrightTimeout:
            if attempt == 2:
                raise
    if pg.get_by_role("button", name=who, exact=True).count():
        pg.get_by_role("button", name=who, exact=True).click()  # a predefined user
    else:
        pg.locator("input[name='sub']").fill(who)
        pg.get_by_role("button", name="Authorize").click()
    pg.wait_for_url(f"{url}/**", timeout=SLOW)
    pg.get_by_text("Se déconnecter").wait_for(timeout=SLOW)
    settled(p)
    return p


def open_initiative(p: OfflinePage, iid: int):
    pg = open_page(p, f"/Initiatives?initiative={iid}", "Initiatives")
    pg.get_by_text("Historique des modifications").wait_for(timeout=SLOW)
    settled(p)
    return pg


def test_nobody_logged_in_sees_only_the_login_screen(browser, app, provider):
    url, _ = app
    p = OfflinePage(browser, url, also=(provider,))
    try:
        for path in ("/", "/Initiatives", "/Import"):
            pg = p.goto(path)
            pg.get_by_role("button", name="Se connecter").wait_for(timeout=SLOW)
            settled(p)
            assert pg.locator("[data-testid='stSidebarNav']").count() == 0
            assert pg.get_by_role("heading", name="Initiatives").count() == 0
            assert pg.locator("[data-testid='stDataFrame']").count() == 0
            assert "mode local" not in pg.locator("[data-testid='stMain']").inner_text()
        p.goto("/").get_by_role("button", name="Se connecter").wait_for(timeout=SLOW)
        settled(p)
        shoot(p, "issue14_connexion")
        assert not outside(p), outside(p)
    finally:
        p.context.close()


def test_a_lecteur_reads_and_exports_but_has_no_import_nor_review(browser, app, provider):
    url, db = app
    iid = open_store(db).initiatives()[0].id
    p = login(browser, url, provider, READER)
    try:
        pg = p.page
        side = pg.locator("[data-testid='stSidebar']").inner_text()
        assert READER in side and "rôle : lecteur" in side
        nav = pg.locator("[data-testid='stSidebarNav']").inner_text()
        assert "Initiatives" in nav and "Exports" in nav and "Import" not in nav
        assert "Comptes et rôles" not in side  # for administrators only

        pg = open_initiative(p, iid)
        pg.get_by_text("Lecture seule : votre rôle (lecteur)").wait_for(timeout=SLOW)
        assert pg.get_by_role("heading", name="Relecture").count() == 0
        for label in ("Marquer vérifié", "Marquer rejeté", "Enregistrer les corrections",
                      "Ajouter l'initiative"):
            assert pg.get_by_role("button", name=label).count() == 0, label
        assert pg.get_by_text("Corriger les champs").count() == 0
        assert pg.get_by_text("Ajouter une initiative à la main").count() == 0
        shoot(p, "issue14_lecteur_initiatives")

        pg = p.goto("/Import")
        pg.get_by_text("Cette page est réservée").wait_for(timeout=SLOW)
        settled(p)
        assert pg.locator("[data-testid='stFileUploader']").count() == 0
        assert pg.get_by_role("button", name="Lire les communiqués").count() == 0

        open_page(p, "/Exports", "Exports")  # reading pages and exports stay open
        assert not outside(p), outside(p)
    finally:
        p.context.close()


def test_a_contributeur_reviews_in_their_own_name(browser, app, provider):
    url, db = app
    ini = open_store(db).initiatives()[0]
    p = login(browser, url, provider, AGENT)
    try:
        pg = p.page
        assert "rôle : contributeur" in pg.locator("[data-testid='stSidebar']").inner_text()
        assert "Import" in pg.locator("[data-testid='stSidebarNav']").inner_text()
        pg = open_initiative(p, ini.id)
        pg.get_by_role("heading", name="Relecture").wait_for(timeout=SLOW)
        assert pg.get_by_text(f"Enregistré au nom de : {AGENT}").count() == 1
        assert pg.get_by_text("Corriger les champs").count() == 1
        assert pg.get_by_text("Ajouter une initiative à la main").count() == 1
        status = "rejeté" if ini.status != "rejeté" else "vérifié"
        pg.get_by_role("button", name=f"Marquer {status}").click()
        pg.get_by_text(f"Initiative n°{ini.id} marquée « {status} ».").wait_for(timeout=SLOW)
        newest = open_store(db).history(ini.id)[-1]  # oldest first
        assert (newest.person, newest.field, newest.new) == (AGENT, "status", status)

        open_page(p, "/Import", "Importer des communiqués")
        assert pg.locator("[data-testid='stFileUploader']").count() == 1
        assert not outside(p), outside(p)
    finally:
        p.context.close()


def test_an_administrateur_sees_who_has_which_role(browser, app, provider):
    url, _ = app
    p = login(browser, url, provider, CHIEF)  # typed with capitals, listed in lower case
    try:
        side = p.page.locator("[data-testid='stSidebar']")
        assert "rôle : administrateur" in side.inner_text()
        side.get_by_text("Comptes et rôles").click()
        side.get_by_text(CHIEF.lower()).first.wait_for(timeout=SLOW)
        assert "revendication « roles »" in side.inner_text()
        p.page.get_by_role("button", name="Se déconnecter").click()
        p.page.wait_for_url(f"{provider}/oauth2/end_session**", timeout=SLOW)  # OIDC logout
        p.goto("/").get_by_role("button", name="Se connecter").wait_for(timeout=SLOW)
    finally:
        p.context.close()


def test_without_a_provider_the_app_says_it_has_no_accounts(offline_page):
    pg = open_page(offline_page, "/", f"{TITLE} : tableau de bord")
    banner = pg.locator("[data-testid='stAlert']").filter(has_text="mode local, sans comptes")
    assert banner.count() == 1
    assert pg.get_by_role("button", name="Se connecter").count() == 0
    assert "Import" in pg.locator("[data-testid='stSidebarNav']").inner_text()
    shoot(offline_page, "issue14_mode_local")
