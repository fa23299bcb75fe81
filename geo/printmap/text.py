"""Wording and formatting of print outputs (map, report), German and English."""
from __future__ import annotations

from datetime import date

import pandas as pd

from indicators.catalogue import Indicator
from indicators.compute.classify import SCHEME_NAMES
from indicators.compute.classify import value_decimals as classify_decimals
from indicators.compute.flags import FlagRule
from indicators.formatting import fmt_value

TEXT = {
    "de": {
        "source": "Quelle",
        "reference": "Datenstand",
        "method": "Methode",
        "classes": "{scheme}, {k} Klassen",
        "created": "Erstellt am {date} mit dem Sozialmonitor Lübeck",
        "crs": "Kartengrundlage ETRS89 / UTM 32N (EPSG:25832)",
        "areas": "Gebiete",
        "no_data": "keine Daten",
        "suppressed": "gesperrt (Datenschutz, < {n} Fälle)",
        "suppressed_short": "gesperrt (Datenschutz)",
        "suppressed_cell": "gesperrt",
        "flagged": "erhöhter Bedarf",
        "city": "{label}: {value}",
        "unit": "Einheit: {unit}",
        "scale": "Maßstab ca. 1:{n} bei Druck in Originalgröße",
        "year": "Jahr {year}",
        "north": "N",
        "flag_note": "Erhöhter Bedarf: Wert mindestens eine Standardabweichung über (bzw. unter) "
                     "dem Mittel der Gebiete in Bedarfsrichtung",
        "flag_default_up": "Erhöhter Bedarf: Wert ab {value} (Mittelwert + 1 Standardabweichung der Gebiete)",
        "flag_default_down": "Erhöhter Bedarf: Wert bis {value} (Mittelwert − 1 Standardabweichung der Gebiete; "
                             "niedriger = mehr Bedarf)",
        "flag_custom_up": "Erhöhter Bedarf: Wert ab {value} (eigene Schwelle)",
        "flag_custom_down": "Erhöhter Bedarf: Wert bis {value} (eigene Schwelle; niedriger = mehr Bedarf)",
    },
    "en": {
        "source": "Source",
        "reference": "Reference date",
        "method": "Method",
        "classes": "{scheme}, {k} classes",
        "created": "Created on {date} with Sozialmonitor Lübeck",
        "crs": "Map projection ETRS89 / UTM 32N (EPSG:25832)",
        "areas": "areas",
        "no_data": "no data",
        "suppressed": "suppressed (privacy, < {n} cases)",
        "suppressed_short": "suppressed (privacy)",
        "suppressed_cell": "suppressed",
        "flagged": "elevated need",
        "city": "{label}: {value}",
        "unit": "Unit: {unit}",
        "scale": "Scale approx. 1:{n} when printed at full size",
        "year": "Year {year}",
        "north": "N",
        "flag_note": "Elevated need: value at least one standard deviation above (or below) "
                     "the mean of the areas in the direction of need",
        "flag_default_up": "Elevated need: value of {value} or more (mean + 1 standard deviation of the areas)",
        "flag_default_down": "Elevated need: value of {value} or less (mean − 1 standard deviation of the areas; "
                             "lower = more need)",
        "flag_custom_up": "Elevated need: value of {value} or more (custom threshold)",
        "flag_custom_down": "Elevated need: value of {value} or less (custom threshold; lower = more need)",
    },
}



def t(lang: str) -> dict[str, str]:
    """The wording for ``lang`` (German for anything but ``"en"``)."""
    return TEXT["en" if lang == "en" else "de"]


def fmt_date(d: date, lang: str = "de") -> str:
    """``25.11.2025`` (de) or ``2025-11-25`` (en)."""
    return d.strftime("%d.%m.%Y") if lang != "en" else d.isoformat()


def reference_text(ind: Indicator, year: int, lang: str = "de") -> str:
    """The data reference date of an indicator in a year (``31.12.2022``)."""
    ref = (ind.reference_date or "").strip()
    if ref.endswith(".") and ref[:-1].replace(".", "").isdigit():
        return f"{ref}{year}" if lang != "en" else f"{year}-{ref[3:5]}-{ref[0:2]}"
    if ref.lower() == "kalenderjahr":
        return f"Kalenderjahr {year}" if lang != "en" else f"calendar year {year}"
    return f"{ref} {year}".strip()


def method_text(scheme: str, k: int, lang: str = "de") -> str:
    """``Quantile, 5 Klassen``."""
    name = SCHEME_NAMES["en" if lang == "en" else "de"].get(scheme, scheme)
    if lang == "en":  # inside an English sentence: "equal intervals, 4 classes"
        name = name[:1].lower() + name[1:]
    return t(lang)["classes"].format(scheme=name, k=k)


def value_decimals(ind: Indicator, values: pd.Series | None = None) -> int:
    """Decimals for showing values of ``ind`` (see :func:`indicators.compute.classify.value_decimals`)."""
    return classify_decimals(ind.kind, values)


def flag_note(rule: FlagRule, unit: str = "", decimals: int = 1, lang: str = "de") -> str | None:
    """The footnote sentence for the flag rule actually used (``None``: nothing flagged by rule).

    ``Erhöhter Bedarf: Wert ab 22,0 % (eigene Schwelle)``.
    """
    if rule.direction not in {"up", "down"} or rule.threshold is None:
        return None
    key = f"flag_{'custom' if rule.custom else 'default'}_{rule.direction}"
    return t(lang)[key].format(value=fmt_value(rule.threshold, unit, decimals, lang))
