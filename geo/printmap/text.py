"""Formatting of print outputs (map, report): dates, reference dates, method notes.

The words themselves live in :mod:`indicators.wording` (``pm_*`` keys of the map table).
"""

from __future__ import annotations

import re

from indicators.catalogue import Indicator
from indicators.compute.classify import SCHEME_NAMES
from indicators.compute.flags import FlagRule
from indicators.wording.voice import GERMAN, Voice


def reference_text(ind: Indicator, year: int, *, voice: Voice = GERMAN) -> str:
    """The data reference date of an indicator in a year (``31.12.2022``)."""
    ref = (ind.reference_date or "").strip()
    if ref.endswith(".") and ref[:-1].replace(".", "").isdigit():
        return voice.t("pm_reference_day", day=ref[0:2], month=ref[3:5], year=year)
    day = re.fullmatch(r"(\d{2})\.(\d{2})\.(\d{4})", ref)  # a fixed day (Zensus: 09.05.2011) has its own year
    if day:
        return voice.t("pm_reference_day", day=day[1], month=day[2], year=day[3])
    if ref.lower() == "kalenderjahr":
        return voice.t("pm_calendar_year", year=year)
    return f"{ref} {year}".strip()


def method_text(scheme: str, k: int, *, voice: Voice = GERMAN) -> str:
    """``Quantile, 5 Klassen``."""
    name = SCHEME_NAMES[voice.lang].get(scheme, scheme)
    if voice.lang == "en":  # inside an English sentence: "equal intervals, 4 classes"
        name = name[:1].lower() + name[1:]
    return voice.t("pm_classes", scheme=name, k=k)


def flag_note(rule: FlagRule, unit: str = "", decimals: int = 1, *, voice: Voice = GERMAN) -> str | None:
    """The footnote sentence for the flag rule actually used (``None``: nothing flagged by rule).

    ``Erhöhter Bedarf: Wert ab 22,0 % (eigene Schwelle)``.
    """
    if rule.direction not in {"up", "down"} or rule.threshold is None:
        return None
    key = f"pm_flag_{'custom' if rule.custom else 'default'}_{rule.direction}"
    return voice.t(key, value=voice.value(rule.threshold, unit, decimals))
