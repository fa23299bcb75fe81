"""Number and time locales for Vega charts (Altair), German and English.

Vega formats numbers and dates the English way unless the chart's config carries a
locale (d3-format and d3-time-format definitions). Every chart of the app is configured
with :func:`vega_locale`, so axes read "21,0" and months "April, Juli" in German.
"""

from __future__ import annotations

from typing import Any

from indicators.wording.core import lang_of

_DE = {
    "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " €"]},
    "time": {
        "dateTime": "%A, %e. %B %Y, %X",
        "date": "%d.%m.%Y",
        "time": "%H:%M:%S",
        "periods": ["AM", "PM"],
        "days": ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
        "shortDays": ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"],
        "months": [
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ],
        "shortMonths": ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"],
    },
}
_EN = {
    "number": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["", " €"]},
    "time": {
        "dateTime": "%a %b %e %X %Y",
        "date": "%Y-%m-%d",
        "time": "%H:%M:%S",
        "periods": ["AM", "PM"],
        "days": ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        "shortDays": ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
        "months": [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        "shortMonths": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    },
}


def vega_locale(lang: str | None) -> dict[str, Any]:
    """The Vega ``config.locale`` for ``lang``: ``chart.configure(locale=vega_locale(lang))``."""
    return {"de": _DE, "en": _EN}[lang_of(lang)]
