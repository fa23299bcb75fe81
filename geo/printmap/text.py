"""Formatting of print outputs (map, report): dates, reference dates, method notes.

The words themselves live in :mod:`indicators.wording` (``pm_*`` keys of the map table).
"""

from __future__ import annotations

import re
from datetime import date

from indicators.catalogue import Indicator
from indicators.compute.classify import SCHEME_NAMES
from indicators.compute.flags import FlagRule
from indicators.formatting import fmt_value
from indicators.wording import lang_of, t


def fmt_date(d: date, lang: str = "de") -> str:
    """``25.11.2025`` (de) or ``2025-11-25`` (en)."""
    return d.strftime(t("pm_date_format", lang))


def reference_text(ind: Indicator, year: int, lang: str = "de") -> str:
    """The data reference date of an indicator in a year (``31.12.2022``)."""
    ref = (ind.reference_date or "").strip()
    if ref.endswith(".") and ref[:-1].replace(".", "").isdigit():
        return t("pm_reference_day", lang, day=ref[0:2], month=ref[3:5], year=year)
    day = re.fullmatch(r"(\d{2})\.(\d{2})\.(\d{4})", ref)  # a fixed day (Zensus: 09.05.2011) has its own year
    if day:
        return t("pm_reference_day", lang, day=day[1], month=day[2], year=day[3])
    if ref.lower() == "kalenderjahr":
        return t("pm_calendar_year", lang, year=year)
    return f"{ref} {year}".strip()


def method_text(scheme: str, k: int, lang: str = "de") -> str:
    """``Quantile, 5 Klassen``."""
    name = SCHEME_NAMES[lang_of(lang)].get(scheme, scheme)
    if lang_of(lang) == "en":  # inside an English sentence: "equal intervals, 4 classes"
        name = name[:1].lower() + name[1:]
    return t("pm_classes", lang, scheme=name, k=k)


def flag_note(rule: FlagRule, unit: str = "", decimals: int = 1, lang: str = "de") -> str | None:
    """The footnote sentence for the flag rule actually used (``None``: nothing flagged by rule).

    ``Erhöhter Bedarf: Wert ab 22,0 % (eigene Schwelle)``.
    """
    if rule.direction not in {"up", "down"} or rule.threshold is None:
        return None
    key = f"pm_flag_{'custom' if rule.custom else 'default'}_{rule.direction}"
    return t(key, lang, value=fmt_value(rule.threshold, unit, decimals, lang))
