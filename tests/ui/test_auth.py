"""Role resolution (`ui.auth.resolve`, issue 14): e-mail lists in any case, a claim of
the ID token (a list, a string, a dotted path), the default, and who may do what."""
import pytest

from ui import auth

ROLES = {"administrateur": ["Chef.Pole@Pas-de-Calais.gouv.fr"],
         "contributeur": ["agent@pas-de-calais.gouv.fr", " Autre@Exemple.fr "],
         "lecteur": ["lecteur@pas-de-calais.gouv.fr"]}


@pytest.mark.parametrize("email, role", [
    ("chef.pole@pas-de-calais.gouv.fr", "administrateur"),
    ("AGENT@PAS-DE-CALAIS.GOUV.FR", "contributeur"),
    ("autre@exemple.fr", "contributeur"),
    ("lecteur@pas-de-calais.gouv.fr", "lecteur"),
    ("inconnu@pas-de-calais.gouv.fr", "lecteur"),   # not listed: the default
])
def test_email_lists_any_case(email, role):
    assert auth.resolve({"email": email}, ROLES) == role


def test_default_is_lecteur_and_can_refuse():
    assert auth.resolve({"email": "x@y.fr"}, {}) == "lecteur"
    assert auth.resolve({"email": "x@y.fr"}, {"default": "Contributeur"}) == "contributeur"
    assert auth.resolve({"email": "x@y.fr"}, {"default": "aucun"}) is None
    assert auth.resolve({"email": "x@y.fr"}, {"default": "chef"}) is None  # unknown: refused
    # a listed person is let in even when the others are refused
    assert auth.resolve({"email": "agent@pas-de-calais.gouv.fr"},
                        {**ROLES, "default": "aucun"}) == "contributeur"


def test_no_email_is_never_matched_by_an_empty_entry():
    assert auth.resolve({"sub": "123"}, {"administrateur": ["", " "]}) == "lecteur"


@pytest.mark.parametrize("claims, role", [
    ({"roles": ["contributeur"]}, "contributeur"),
    ({"roles": ["lecteur", "ADMINISTRATEUR"]}, "administrateur"),  # the highest
    ({"roles": "contributeur"}, "contributeur"),                    # a plain string
    ({"roles": ["offline_access", "uma_authorization"]}, "lecteur"),  # none of ours
    ({"realm_access": {"roles": ["contributeur"]}}, "lecteur"),     # not this claim
])
def test_claim(claims, role):
    assert auth.resolve({"email": "x@y.fr", **claims}, {"claim": "roles"}) == role


def test_dotted_claim_and_lists_together():
    roles = {**ROLES, "claim": "realm_access.roles"}
    user = {"email": "lecteur@pas-de-calais.gouv.fr",
            "realm_access": {"roles": ["contributeur"]}}
    assert auth.resolve(user, roles) == "contributeur"  # the highest of list and claim
    user = {"email": "chef.pole@pas-de-calais.gouv.fr",
            "realm_access": {"roles": ["lecteur"]}}
    assert auth.resolve(user, roles) == "administrateur"


def test_what_each_role_may_do():
    assert auth.allows("lecteur", "consulter") and auth.allows("lecteur", "exporter")
    assert not any(auth.allows("lecteur", a) for a in ("importer", "relire", "corriger",
                                                        "ajouter", "supprimer"))
    assert auth.allows("contributeur", "importer") and auth.allows("contributeur", "relire")
    assert not auth.allows("contributeur", "administrer")
    assert all(auth.allows("administrateur", a) for a in auth.ACTIONS)
    assert not auth.allows(None, "consulter")


def test_missing_provider_settings_and_listing():
    assert auth.missing({"client_id": "x", "redirect_uri": " "}) == [
        "redirect_uri", "cookie_secret", "client_secret", "server_metadata_url"]
    assert auth.listed(ROLES)["contributeur"] == ["agent@pas-de-calais.gouv.fr",
                                                  "autre@exemple.fr"]
    assert auth.listed({})["administrateur"] == []


def test_local_mode_allows_everything(monkeypatch):
    """No `[auth]` section: the app runs as before, for one person; with one, nobody
    logged in may do anything."""
    sections = {}
    monkeypatch.setattr(auth, "_section", lambda name: sections.get(name, {}))
    assert not auth.configured()
    assert auth.role() == "administrateur" and auth.can("importer")
    sections["auth"] = {"client_id": "x"}
    assert auth.configured() and auth.role() is None and not auth.can("consulter")
