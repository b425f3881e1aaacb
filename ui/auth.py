"""Accounts and roles (issue 14): who is logged in, through Streamlit's own `st.login`
(OpenID Connect, the prefecture's provider: ProConnect or a Keycloak), and what their
role lets them do.

Everything comes from the secrets file (`.streamlit/secrets.toml`, example in
`.streamlit/secrets.toml.example`): `[auth]` is st.login's provider, `[roles]` says who
has which role, by e-mail lists and/or a claim of the ID token. With no `[auth]`
section the app runs as before, for one person on one machine, everything allowed,
under a banner saying so. With one, nothing is shown to a person not logged in.
The resolution of a role (`resolve`) is plain code, tested without a browser.
"""
from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from report.sources import app_name
from ui.widgets import md

ROLES = ("lecteur", "contributeur", "administrateur")  # each can do what the previous can
ROLE_LABELS = {"lecteur": "lecteur (consulte, exporte)",
               "contributeur": "contributeur (importe, relit, corrige)",
               "administrateur": "administrateur (rôles, suppressions)"}
NOBODY = "aucun"  # `default = "aucun"`: a logged-in person not listed is refused
# the least role each action needs
ACTIONS = {"consulter": "lecteur", "exporter": "lecteur", "importer": "contributeur",
           "relire": "contributeur", "corriger": "contributeur", "ajouter": "contributeur",
           "administrer": "administrateur", "supprimer": "administrateur"}
PROVIDER_KEYS = ("redirect_uri", "cookie_secret", "client_id", "client_secret",
                 "server_metadata_url")
LOCAL_BANNER = ("Application en mode local, sans comptes : toute personne qui l'ouvre peut "
                "importer, relire et corriger, et les modifications sont enregistrées au nom "
                "de ce poste. Pour un usage partagé, configurez la connexion (README, "
                "« Comptes et rôles »).")


# --- settings and role resolution (no session needed) -----------------------------------

def _section(name: str) -> dict:
    """A section of the secrets file as a plain dict; {} when there is no secrets file."""
    try:
        value = st.secrets.get(name)
    except FileNotFoundError:  # Streamlit's « no secrets found »
        return {}
    return value.to_dict() if hasattr(value, "to_dict") else dict(value or {})


def configured() -> bool:
    """Accounts are on once the secrets file has an `[auth]` section (even incomplete:
    an incomplete one locks the app rather than opening it to everyone)."""
    return bool(_section("auth"))


def missing(auth: Mapping) -> list[str]:
    """The provider settings st.login needs that `auth` lacks."""
    return [k for k in PROVIDER_KEYS if not str(auth.get(k) or "").strip()]


def _emails(values) -> set[str]:
    values = [values] if isinstance(values, str) else values or []
    return {str(v).strip().lower() for v in values if str(v).strip()}


def _claim(user: Mapping, path: str) -> list[str]:
    """The values of a claim, `roles` or a dotted path (Keycloak: `realm_access.roles`)."""
    value = user
    for part in path.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    if isinstance(value, str):
        return value.replace(",", " ").split()
    return [str(v) for v in value] if isinstance(value, list | tuple) else []


def resolve(user: Mapping, roles: Mapping) -> str | None:
    """The role of a logged-in `user` (the ID token's claims) under the `[roles]`
    settings: the highest of the lists naming their e-mail (any case) and of the role
    names in the `claim`; else `default` (`lecteur` unless set); None when refused."""
    email = str(user.get("email") or "").strip().lower()
    found = {r for r in ROLES if email and email in _emails(roles.get(r))}
    if roles.get("claim"):
        found |= {v.strip().lower() for v in _claim(user, str(roles["claim"]))} & set(ROLES)
    if found:
        return max(found, key=ROLES.index)
    default = str(roles.get("default", "lecteur")).strip().lower()
    return default if default in ROLES else None


def allows(role: str | None, action: str) -> bool:
    return role in ROLES and ROLES.index(role) >= ROLES.index(ACTIONS[action])


def listed(roles: Mapping) -> dict[str, list[str]]:
    """Who the settings name for each role (e-mails), for the administrators."""
    return {r: sorted(_emails(roles.get(r))) for r in ROLES}


# --- this session --------------------------------------------------------------------

def logged_in() -> bool:
    return st.user.get("is_logged_in") is True


def person() -> str | None:
    """Who writes: the logged-in person's e-mail, else None, which the store records
    as this post (`poste local`)."""
    if logged_in() and st.user.get("email"):
        return str(st.user.get("email"))
    return None


def role() -> str | None:
    """This session's role: everything (`administrateur`) in local mode; None when
    accounts are on and nobody is logged in, or the person is refused."""
    if not configured():
        return "administrateur"
    return resolve(st.user.to_dict(), _section("roles")) if logged_in() else None


def can(action: str) -> bool:
    return allows(role(), action)


def require(action: str) -> None:
    """Stop the page with a French message when this session may not `action` (a page
    reached by its address though hidden from the navigation)."""
    if not can(action):
        st.error(f"Cette page est réservée aux rôles qui peuvent {action} ; votre rôle : "
                 f"{role() or 'aucun'}. Demandez l'accès à un administrateur.")
        st.stop()


# --- what is drawn --------------------------------------------------------------------

def gate() -> bool:
    """Before any page: True when it may be shown (with the local banner, or the
    account in the sidebar); else the login screen or a refusal is drawn instead."""
    if not configured():
        st.warning(LOCAL_BANNER, icon=":material/lock_open:")
        return True
    if logged_in() and not missing(_section("auth")) and role() is not None:
        _account()
        return True
    st.set_page_config(page_title=f"Connexion · {app_name()}", page_icon="🔐",
                       layout="centered")
    if gaps := missing(_section("auth")):
        st.error("Connexion mal configurée : il manque " + ", ".join(gaps) + " dans la "
                 "section [auth] du fichier de secrets. L'application reste fermée.")
    elif not logged_in():
        _login_screen()
    else:  # logged in, but the settings give this person no role
        st.error(f"Votre compte ({md(person() or 'sans e-mail')}) n'a pas accès à cette "
                 "application. Demandez l'accès à un administrateur.")
        st.button("Se déconnecter", on_click=st.logout)
    return False


def _login_screen() -> None:
    st.title(app_name())
    st.markdown("Les données de cette application sont réservées aux agents. "
                "Connectez-vous avec votre compte professionnel.")
    if st.button("Se connecter", type="primary", key="connexion"):
        st.login()


def _account() -> None:
    with st.sidebar.container(border=True):
        st.markdown(f"**{md(person() or st.user.get('sub', ''))}**  \nrôle : {role()}")
        st.button("Se déconnecter", on_click=st.logout, key="deconnexion",
                  width="stretch")
        if can("administrer"):
            with st.expander("Comptes et rôles"):
                roles = _section("roles")
                for name, emails in listed(roles).items():
                    st.markdown(f"**{ROLE_LABELS[name]}** : "
                                + (md(", ".join(emails)) if emails else "personne de nommé"))
                if roles.get("claim"):
                    st.caption(f"Aussi d'après la revendication « {md(roles['claim'])} » du "
                               "jeton d'identité.")
                default = resolve({}, roles) or NOBODY
                st.caption(f"Toute autre personne connectée : {default}.")
