"""Settings of the store from the environment (one place per decision).

``SOZIALMONITOR_DATA_DIR``   data directory (default ``var/`` in the repository)
``SOZIALMONITOR_DB_URL``     SQLAlchemy URL; default: SQLite file ``sozialmonitor.db`` in the data directory
``SOZIALMONITOR_AUTH``       ``none`` (default), ``local`` or ``oidc``
``SOZIALMONITOR_ANONYMOUS``  ``1``/``true``: visitors who are not logged in may read public datasets
``SOZIALMONITOR_SESSION_MINUTES``  idle minutes before a login expires (default 60)
``SOZIALMONITOR_SESSION_HOURS``    absolute lifetime of a login in hours, reloads included (default 10)
``SOZIALMONITOR_LOGIN_FAILURES_PER_ADDRESS``  failed logins from one address before it is refused (default 20, 0: off)
``SOZIALMONITOR_OIDC_ROLE_CLAIM``  claim holding groups or roles (default ``groups``)
``SOZIALMONITOR_OIDC_ROLES``       mapping ``group=role,...`` (e.g. ``sm-admin=admin,sm-plan=planner``)
"""

from __future__ import annotations

import os
from pathlib import Path

from indicators.errors import msg
from store.errors import StoreError

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR_VAR = "SOZIALMONITOR_DATA_DIR"
DB_URL_VAR = "SOZIALMONITOR_DB_URL"
AUTH_VAR = "SOZIALMONITOR_AUTH"
AUTH_MODES = ("none", "local", "oidc")
DB_FILE = "sozialmonitor.db"
MAX_FAILED_LOGINS = 5
LOCKOUT_MINUTES = 15
TRASH_DAYS = 30
LOCAL_USER = "lokal"


def data_dir() -> Path:
    """The configured data directory (not created here)."""
    return Path(os.environ.get(DATA_DIR_VAR) or ROOT / "var")


def db_url(root: Path | None = None) -> str:
    """The database URL: ``SOZIALMONITOR_DB_URL`` or the SQLite file in ``root`` (default: data directory)."""
    url = os.environ.get(DB_URL_VAR, "").strip()
    if url:
        return url
    return f"sqlite:///{(Path(root) if root is not None else data_dir()) / DB_FILE}"


def auth_mode() -> str:
    """``none``, ``local`` or ``oidc`` from ``SOZIALMONITOR_AUTH``."""
    mode = os.environ.get(AUTH_VAR, "none").strip().lower() or "none"
    if mode not in AUTH_MODES:
        raise StoreError(msg("err_cfg_auth", var=AUTH_VAR, mode=repr(mode), allowed=list(AUTH_MODES)))
    return mode


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "ja")


def anonymous_allowed() -> bool:
    """Whether visitors who are not logged in may read public datasets (``SOZIALMONITOR_ANONYMOUS``)."""
    return _flag("SOZIALMONITOR_ANONYMOUS")


def session_minutes() -> int:
    """Idle minutes after which a login expires."""
    raw = os.environ.get("SOZIALMONITOR_SESSION_MINUTES", "60")
    try:
        return max(1, int(raw))
    except ValueError:
        raise StoreError(msg("err_cfg_not_int", var="SOZIALMONITOR_SESSION_MINUTES", raw=repr(raw))) from None


def session_hours() -> float:
    """Hours after which a login ends however active it is (its absolute lifetime)."""
    raw = os.environ.get("SOZIALMONITOR_SESSION_HOURS", "10")
    try:
        return max(0.05, float(raw))
    except ValueError:
        raise StoreError(msg("err_cfg_not_number", var="SOZIALMONITOR_SESSION_HOURS", raw=repr(raw))) from None


def login_failures_per_address() -> int:
    """Failed logins (any names) from one client address within ``LOCKOUT_MINUTES`` before it is refused;
    0 switches the throttle off (behind a proxy that hides the addresses)."""
    raw = os.environ.get("SOZIALMONITOR_LOGIN_FAILURES_PER_ADDRESS", "20")
    try:
        return max(0, int(raw))
    except ValueError:
        raise StoreError(
            msg("err_cfg_not_int", var="SOZIALMONITOR_LOGIN_FAILURES_PER_ADDRESS", raw=repr(raw))
        ) from None


def oidc_role_claim() -> str:
    """Name of the ID-token claim holding groups or roles."""
    return os.environ.get("SOZIALMONITOR_OIDC_ROLE_CLAIM", "groups").strip() or "groups"


def oidc_role_map() -> dict[str, str]:
    """Group or role value in the claim -> role of the tool."""
    out = {}
    for part in os.environ.get("SOZIALMONITOR_OIDC_ROLES", "").split(","):
        if "=" in part:
            group, role = (s.strip() for s in part.split("=", 1))
            out[group] = role
    return out
