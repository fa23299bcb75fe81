"""One wording table for every user-visible text, German (default) and English.

Each theme has its own table module (:mod:`.ui`, :mod:`.maps`, :mod:`.exports`,
:mod:`.report`, :mod:`.queries`, :mod:`.upload`, :mod:`.columns`, :mod:`.cli`,
:mod:`.errors`, :mod:`.access`, :mod:`.planning`, :mod:`.methods`, :mod:`.compare`,
:mod:`.audit`); every entry is a pair ``(German, English)``. Call sites ask for a key with
:func:`t`; nothing outside this package decides between languages with an ``if``.

One word per concept: a value withheld for disclosure control is "gesperrt" /
"suppressed" everywhere, an area above the flag threshold shows "erhöhter Bedarf" /
"elevated need" everywhere.
"""
from __future__ import annotations

from indicators.wording import (
    access,
    audit,
    cli,
    columns,
    compare,
    errors,
    exports,
    maps,
    methods,
    planning,
    queries,
    report,
    ui,
    upload,
)
from indicators.wording.core import LANGS, lang_of, pick
from indicators.wording.frames import display_columns

THEMES: dict[str, dict[str, tuple[str, str]]] = {
    "ui": ui.TEXTS, "upload": upload.TEXTS, "queries": queries.TEXTS, "maps": maps.TEXTS,
    "exports": exports.TEXTS, "report": report.TEXTS, "columns": columns.TEXTS,
    "cli": cli.TEXTS, "errors": errors.TEXTS, "access": access.TEXTS,
    "planning": planning.TEXTS, "methods": methods.TEXTS, "compare": compare.TEXTS,
    "audit": audit.TEXTS,
}
TEXTS: dict[str, tuple[str, str]] = {k: v for table in THEMES.values() for k, v in table.items()}


def t(key: str, lang: str = "de", **fmt: object) -> str:
    """The text for ``key`` in ``lang`` (German for anything but ``"en"``).

    Parameters
    ----------
    key : str
        A key of one of the theme tables (unknown keys are a programming error:
        ``KeyError``).
    lang : str
        ``"de"`` or ``"en"``.
    **fmt
        Values for the ``{placeholders}`` of the text, if any.

    Returns
    -------
    str
        The text, formatted with ``fmt`` when given.
    """
    text = pick(TEXTS[key], lang)
    return text.format(**fmt) if fmt else text


__all__ = ["LANGS", "TEXTS", "THEMES", "display_columns", "lang_of", "pick", "t"]
