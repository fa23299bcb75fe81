"""Who acts in a CLI command: ``--as USER`` with a password, the local user, or the server's operator."""
from __future__ import annotations

import getpass
import sys

from store import config, db, users
from store.errors import AuthError, StoreError
from store.permissions import User


def read_password(prompt: str = "Passwort: ", confirm: bool = False) -> str:
    """A password from a prompt (terminal) or the first line of stdin (scripts); never an argument."""
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(prompt)
        if confirm and getpass.getpass("Passwort wiederholen: ") != first:
            raise StoreError("die beiden Passwörter stimmen nicht überein")
        return first
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise StoreError("kein Passwort: bitte eingeben oder eine Zeile auf stdin übergeben")
    return line.rstrip("\r\n")


def engine():
    """The upgraded engine of the configured database."""
    return db.engine_for()


def acting_user(as_user: str | None) -> User:
    """``--as USER`` (password checked, lock-out applies), else the local user in mode ``none``."""
    if as_user:
        return users.authenticate(engine(), as_user, read_password(f"Passwort für {as_user}: "))
    if config.auth_mode() == "none":
        return users.local_user(engine())
    raise AuthError(f"SOZIALMONITOR_AUTH={config.auth_mode()}: bitte mit --as BENUTZER angeben, wer handelt")
