"""A text that is still a key: rendered in the user's language only at the front door.

Library code that finds a problem (an error, a finding of a file check, the answer of
an address search) does not know who reads it. It builds a :class:`Message` — a key of
the wording table and its parameters — and the front door (``cli.py``, a page) renders
it with :meth:`Message.text` in the user's language. ``str(message)`` is the German
text, so code that still expects a string keeps working.

Parameters may be strings, numbers (``int`` as is; ``float`` with German or English
decimal sign, see :class:`Number`), lists (joined with ``", "``) or nested messages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from indicators.wording import TEXTS, lang_of, t


@dataclass(frozen=True)
class Number:
    """A number parameter with fixed ``decimals``: ``12,5`` in German, ``12.5`` in English."""

    value: float
    decimals: int = 1

    def text(self, lang: str = "de") -> str:
        """The number with grouping and the language's decimal sign."""
        from indicators.formatting import fmt_number  # formatting imports the wording package

        return fmt_number(self.value, self.decimals, lang_of(lang))


@dataclass(frozen=True)
class Percent:
    """A share in percent with fixed ``decimals``: ``51 %`` in German, ``51%`` in English."""

    value: float
    decimals: int = 0

    def text(self, lang: str = "de") -> str:
        """The share in the language's style."""
        from indicators.formatting import fmt_percent  # formatting imports the wording package

        return fmt_percent(self.value, self.decimals, lang_of(lang))


@dataclass(frozen=True)
class Pair:
    """A parameter given in both languages (e.g. an indicator's ``label_de`` and ``label_en``)."""

    de: str
    en: str

    def text(self, lang: str = "de") -> str:
        """``en`` for English, ``de`` otherwise."""
        return self.en if lang_of(lang) == "en" else self.de


@dataclass(frozen=True)
class Listed:
    """Several parameters joined by ``sep`` (``"; "`` keeps German decimal commas apart)."""

    items: tuple[object, ...]
    sep: str = "; "

    def text(self, lang: str = "de") -> str:
        """The items, each rendered in ``lang``, joined by ``sep``."""
        return self.sep.join(render(v, lang) for v in self.items)


@dataclass(frozen=True)
class Message:
    """A wording key with parameters; :meth:`text` renders it in a language.

    Parameters
    ----------
    key : str
        A key of the wording table (checked at once: an unknown key is a programming error).
    params : Mapping
        Values for the ``{placeholders}`` of the text.
    """

    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.key not in TEXTS:
            problem = f"unknown wording key {self.key!r}"
            raise KeyError(problem)

    def text(self, lang: str = "de") -> str:
        """The text in ``lang`` (``"en"`` or German), parameters rendered in the same language."""
        return t(self.key, lang, **{k: render(v, lang) for k, v in self.params.items()})

    def __str__(self) -> str:
        return self.text("de")


def msg(key: str, /, **params: object) -> Message:
    """Shorthand: ``msg("err_x", name=n)`` is ``Message("err_x", {"name": n})``."""
    return Message(key, params)


def render(value: object, lang: str = "de") -> str:
    """One parameter (or a whole message) as text in ``lang``.

    Parameters
    ----------
    value : object
        A :class:`Message`, :class:`Number`, list/tuple (joined by ``", "``) or anything else (``str``).
    lang : str
        ``"de"`` or ``"en"``.
    """
    if isinstance(value, (Message, Number, Listed, Pair, Percent)):
        return value.text(lang)
    if isinstance(value, (list, tuple)):
        return ", ".join(render(v, lang) for v in value)
    return str(value)


__all__ = ["Listed", "Message", "Number", "Pair", "Percent", "msg", "render"]
