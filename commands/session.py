"""Who acts in a CLI command: ``--as USER`` with a password, the local user, or the server's operator."""

from __future__ import annotations

import getpass
import sys

from commands.registry import say
from store import config, db, users
from store.errors import AuthError, StoreError
from store.permissions import User


def read_password(prompt: str | None = None, confirm: bool = False) -> str:
    """A password from a prompt (terminal) or the first line of stdin (scripts); never an argument."""
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(prompt or say("cli_p_password"))
        if confirm and getpass.getpass(say("cli_p_repeat_password")) != first:
            raise StoreError(say("cli_e_password_mismatch"))
        return first
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise StoreError(say("cli_e_no_password"))
    return line.rstrip("\r\n")


def engine():
    """The upgraded engine of the configured database."""
    return db.engine_for()


def acting_user(as_user: str | None) -> User:
    """``--as USER`` (password checked, lock-out applies), else the local user in mode ``none``."""
    if as_user:
        return users.authenticate(engine(), as_user, read_password(say("cli_p_password_for", name=as_user)))
    if config.auth_mode() == "none":
        return users.local_user(engine())
    raise AuthError(say("cli_e_who_acts", mode=config.auth_mode()))
