"""One wording table for every user-visible text, German (default) and English.

Each theme has its own table module (:mod:`.ui`, :mod:`.maps`, :mod:`.exports`, ...), found here by
itself: a module of this package with a ``TEXTS`` dict is a theme, so a new theme is one new file and
no edit of this one. Every entry is a pair ``(German, English)``. Call sites ask for a key with
:func:`t`; nothing outside this package decides between languages with an ``if``.

One word per concept: a value withheld for disclosure control is "gesperrt" /
"suppressed" everywhere, an area above the flag threshold shows "erhöhter Bedarf" /
"elevated need" everywhere.
"""

from __future__ import annotations

import importlib
import pkgutil

from indicators.wording.core import LANGS, lang_of, pick
from indicators.wording.frames import display_columns

#: Modules of this package that are machinery, not tables (they may import this package).
MACHINERY = frozenset({"core", "frames", "locale", "message", "voice"})


def _themes() -> dict[str, dict[str, tuple[str, str]]]:
    """Every other module of this package's ``TEXTS`` table, by module name (sorted, so stable)."""
    found: dict[str, dict[str, tuple[str, str]]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name in MACHINERY:
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        table = getattr(module, "TEXTS", None)
        if not isinstance(table, dict):
            problem = f"indicators.wording.{info.name} has no TEXTS table (or belongs in MACHINERY)"
            raise TypeError(problem)
        found[info.name] = table
    return found


THEMES: dict[str, dict[str, tuple[str, str]]] = _themes()
TEXTS: dict[str, tuple[str, str]] = {k: v for table in THEMES.values() for k, v in table.items()}


def t(key: str, lang: str = "de", /, **fmt: object) -> str:
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
