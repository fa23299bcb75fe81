"""Where ``cli.py serve`` listens: in auth mode ``none`` only on 127.0.0.1 (nobody else can log in)."""

from __future__ import annotations

from commands.registry import say
from store import config
from store.errors import StoreError

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def server_options(extra: list[str]) -> list[str]:
    """Everything ``cli.py serve`` adds to the Streamlit options: :func:`bind_options`, then
    Streamlit's upload cap set to the tool's one limit (``SOZIALMONITOR_MAX_UPLOAD_MB``) unless given."""
    from indicators.limits import max_upload_mb

    options = bind_options(extra)
    if not any(o.startswith("--server.maxUploadSize") for o in options):
        options += ["--server.maxUploadSize", str(max(1, round(max_upload_mb())))]
    return options


def bind_options(extra: list[str]) -> list[str]:
    """Streamlit options with ``--server.address``: 127.0.0.1 added in mode ``none``, another address refused.

    Also upgrades the database schema before the server starts.
    """
    from store import db

    mode = config.auth_mode()
    db.engine_for()
    address = None
    for i, opt in enumerate(extra):
        if opt.startswith("--server.address="):
            address = opt.split("=", 1)[1]
        elif opt == "--server.address" and i + 1 < len(extra):
            address = extra[i + 1]
    if mode != "none":
        return list(extra)
    if address is None:
        return [*extra, "--server.address", "127.0.0.1"]
    if address not in LOOPBACK:
        raise StoreError(say("cli_e_bind", address=address))
    return list(extra)
