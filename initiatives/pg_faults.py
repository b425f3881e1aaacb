"""PostgreSQL errors said in French, naming the real cause (`fault`).

The server says most causes with an SQLSTATE code. A failed connection has none: its
text is libpq's (and the server's, in the server's language), read here in English and
French. Every message says that nothing was changed: the transaction was rolled back.
"""
from __future__ import annotations

import psycopg
from psycopg.conninfo import conninfo_to_dict

from initiatives.store_base import (
    StoreBusy,
    StoreCorrupt,
    StoreDenied,
    StoreError,
    StoreFault,
    StoreFull,
    StoreMissing,
    StoreReadOnly,
    StoreUnreachable,
)

NOTHING_CHANGED = "Rien n'a été modifié."
BUSY = ("55P03", "40P01", "40001")             # lock timeout, deadlock, serialisation
READ_ONLY = ("25006", "42501")                 # read-only transaction, no privilege
UNREACHABLE = ("57P01", "57P02", "57P03")      # server shut down, starting, recovering
DENIED_TEXTS = ("password authentication failed", "no password supplied", "pg_hba.conf",
                "authentication failed", "authentification", "permission denied for database",
                "must have CONNECT privilege")
MISSING_TEXTS = ("does not exist", "n'existe pas")


def describe(url: str) -> str:
    """The database and server of a URL, without the password: « base x sur h:p »."""
    try:
        info = conninfo_to_dict(url)
    except psycopg.Error:
        return "base PostgreSQL"
    host = info.get("host") or "localhost"
    if host.startswith("/"):
        host = "socket " + host
    port = f":{info['port']}" if info.get("port") else ""
    return f"base « {info.get('dbname') or info.get('user') or '?'} » sur {host}{port}"


def read_only_message(where: str) -> str:
    return (f"Base de données en lecture seule ({where}) : les modifications sont "
            "désactivées (import, relecture, correction, ajout, suppression) ; la "
            "consultation et les exports restent possibles. Donnez à l'utilisateur de la "
            "base le droit d'écrire (ou choisissez le serveur principal) puis relancez "
            "l'application pour modifier.")


def fault(exc: psycopg.Error, where: str) -> StoreError:
    """A French `StoreFault` for a PostgreSQL error; `where` is `describe(url)`."""
    state = getattr(exc, "sqlstate", None) or ""
    text = str(exc).strip()
    server = text.split("FATAL:")[-1].strip() if "FATAL:" in text else text
    if state in BUSY:
        return StoreBusy(
            f"Base de données occupée : une autre opération (une autre personne ou un autre "
            f"programme) la verrouille en écriture ({where}). {NOTHING_CHANGED} Réessayez "
            "dans un instant.")
    if state == "53300" or "too many clients" in text:
        return StoreBusy(f"Serveur de base de données saturé : trop de connexions ouvertes "
                         f"({where}). {NOTHING_CHANGED} Réessayez dans un instant.")
    if state in READ_ONLY:
        return StoreReadOnly(read_only_message(where) + " " + NOTHING_CHANGED)
    if state == "53100":
        return StoreFull(
            f"Disque du serveur de base de données plein : l'enregistrement n'a pas pu se "
            f"faire ({where}). {NOTHING_CHANGED} Faites libérer de la place sur le serveur "
            "puis réessayez.")
    if state in ("28P01", "28000") or (not state and any(t in text for t in DENIED_TEXTS)):
        return StoreDenied(
            f"Connexion à la base refusée ({where}) : {server}. Vérifiez l'utilisateur et le "
            "mot de passe de INITIATIVES_DB, et les droits de connexion sur le serveur. "
            f"{NOTHING_CHANGED}")
    if state == "3D000" or (not state and "database" in text
                             and any(t in text for t in MISSING_TEXTS)):
        return StoreMissing(
            f"Base de données introuvable sur le serveur ({where}) : {server}. Créez-la "
            "(l'application la remplit au premier lancement) ou corrigez INITIATIVES_DB.")
    if state in ("42P01", "42703"):
        return StoreCorrupt(
            f"Base de données incomplète ({where}) : {text}. Restaurez une sauvegarde, ou "
            "videz la base et relancez l'application pour repartir du jeu de données initial.")
    if state.startswith("XX"):
        return StoreCorrupt(f"Base de données endommagée sur le serveur ({where}) : {text}. "
                            f"{NOTHING_CHANGED} Restaurez une sauvegarde.")
    if state in UNREACHABLE or state.startswith("08") \
            or (not state and isinstance(exc, psycopg.OperationalError)):
        return StoreUnreachable(
            f"Serveur de base de données injoignable ({where}) : {server}. {NOTHING_CHANGED} "
            "Vérifiez que le serveur PostgreSQL est démarré et joignable (adresse, port, "
            "réseau), puis réessayez.")
    return StoreFault(f"Erreur de la base de données ({where}) : {text}. {NOTHING_CHANGED}")
