"""The audit log and the account list as an admin reads them: local times, action names, no dicts or "None".

The store keeps times in UTC and actions as codes (``login_success``); these functions turn
the entries (``AuditEntry.to_json_dict()``) into the table the Verwaltung page shows.
The time zone is ``SOZIALMONITOR_TZ`` (default ``Europe/Berlin``, the city's).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd

from indicators.wording import TEXTS
from indicators.wording.voice import GERMAN, Voice

DEFAULT_TZ = "Europe/Berlin"
_FORMATS = ("%d.%m.%Y %H:%M", "%Y-%m-%d %H:%M")  # German, English


def local_zone() -> dt.tzinfo:
    """The time zone times are shown in (``SOZIALMONITOR_TZ``; an unknown name falls back to Berlin)."""
    try:
        return ZoneInfo(os.environ.get("SOZIALMONITOR_TZ", "").strip() or DEFAULT_TZ)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TZ)


def local_time(value: object, *, voice: Voice = GERMAN) -> str:
    """A stored UTC time (ISO text or datetime; naive = UTC) as local time: ``07.12.2026 03:48``; none → ``–``."""
    if value is None or value == "" or (isinstance(value, float) and value != value):
        return "–"
    when = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(local_zone()).strftime(voice.pick(_FORMATS))


def action_name(action: str, *, voice: Voice = GERMAN) -> str:
    """``login_success`` → "Anmeldung" / "Sign-in" (an unknown code as it is)."""
    key = f"audit_act_{action}"
    return voice.t(key) if key in TEXTS else str(action)


def details_text(details: object, *, voice: Voice = GERMAN) -> str:
    """``{'source': 'local'}`` → "Herkunft: lokal"; empty values and ``None`` are left out."""
    if not isinstance(details, Mapping):
        return "" if details is None else str(details)
    parts = []
    for key, value in details.items():
        if value is None or value == "" or value == [] or value == {}:
            continue
        name = voice.t(f"audit_detail_{key}") if f"audit_detail_{key}" in TEXTS else str(key)
        shown = (
            voice.t(f"audit_value_{value}")
            if isinstance(value, str) and f"audit_value_{value}" in TEXTS
            else ", ".join(map(str, value))
            if isinstance(value, (list, tuple))
            else str(value)
        )
        parts.append(f"{name}: {shown}")
    return "; ".join(parts)


def audit_table(entries: Iterable[Mapping[str, Any]], *, voice: Voice = GERMAN) -> pd.DataFrame:
    """Newest first: ``time`` (local), ``user``, ``action`` (named), ``object``, ``details`` (readable)."""
    rows = [
        {
            "time": local_time(e.get("time"), voice=voice),
            "user": str(e.get("user") or ""),
            "action": action_name(str(e.get("action") or ""), voice=voice),
            "object": str(e.get("object") or ""),
            "details": details_text(e.get("details"), voice=voice),
        }
        for e in entries
    ]
    return pd.DataFrame(rows[::-1], columns=["time", "user", "action", "object", "details"])


def accounts_table(accounts: Iterable[Mapping[str, Any]], *, voice: Voice = GERMAN) -> pd.DataFrame:
    """Name, role, source, last sign-in and lock (local times; never "None")."""
    rows = [
        {
            "name": str(a.get("name") or ""),
            "role": str(a.get("role") or ""),
            "source": voice.t(f"audit_value_{a.get('source')}")
            if f"audit_value_{a.get('source')}" in TEXTS
            else str(a.get("source") or ""),
            "last_login": local_time(a.get("last_login"), voice=voice),
            "locked_until": local_time(a.get("locked_until"), voice=voice),
        }
        for a in accounts
    ]
    return pd.DataFrame(rows, columns=["name", "role", "source", "last_login", "locked_until"])
