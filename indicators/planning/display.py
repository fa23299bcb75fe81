"""How planning records are shown: German dates, "laufend" for an open end, indicator labels, status words.

One place for every planning view, export and PDF (the Planung page, the area profile, the
Sachstand PDF, the social report, the CLI list): never "2018-01-01", "Ende None", "share_65plus"
or a status key where an English reader expects "running".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import get_args

from indicators.types import Status
from indicators.wording.voice import GERMAN, Voice

STATUS_KEYS: tuple[str, ...] = get_args(Status)


def day(value: str | dt.date | None, *, voice: Voice = GERMAN) -> str:
    """``01.03.2019`` (de) or ``2019-03-01`` (en) of an ISO date text or a date; "–" for none.

    Parameters
    ----------
    value : str, datetime.date or None
        A date or an ISO date text (``JJJJ-MM-TT``) as the register stores it.
    voice : Voice
        The reader's language.

    Returns
    -------
    str
        The date in the user's format.
    """
    if value is None or value == "":
        return "–"
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        try:
            value = dt.date.fromisoformat(str(value)[:10])
        except ValueError:
            return str(value)
    return voice.t("plan_day_format", d=value.day, m=value.month, y=value.year)  # strftime drops the 0 of 0999


def period(start: str | None, end: str | None, *, voice: Voice = GERMAN) -> str:
    """``01.03.2019 – 31.12.2022``; an open end is "laufend" / "ongoing", no start "offen" / "open"."""
    first = day(start, voice=voice) if start else voice.t("plan_open_start")
    last = day(end, voice=voice) if end else voice.t("plan_open_end")
    return f"{first} – {last}"


def indicator_label(indicator: str, labels: Mapping[str, str]) -> str:
    """The indicator's label if known (``labels``: id → label in the user's language), else its id."""
    return labels.get(indicator) or indicator


def status_word(status: str, *, voice: Voice = GERMAN) -> str:
    """A measure's status in the reader's language (``laufend`` → "laufend" / "running").

    Parameters
    ----------
    status : str
        A key of the closed vocabulary :data:`indicators.types.Status`.
    voice : Voice
        The reader's language.

    Returns
    -------
    str
        The word from the wording table; a value outside the vocabulary as it is.
    """
    return voice.t(f"plan_status_{status}") if status in STATUS_KEYS else str(status)
