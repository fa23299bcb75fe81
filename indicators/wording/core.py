"""The language decision, made once: ``"en"`` means English, anything else German."""
from __future__ import annotations

from typing import Literal, TypeVar

Lang = Literal["de", "en"]
LANGS: tuple[Lang, Lang] = ("de", "en")
T = TypeVar("T")
_ENGLISH: dict[str, Lang] = {"en": "en"}


def lang_of(lang: str | None) -> Lang:
    """``"en"`` for English, ``"de"`` for anything else (the default language)."""
    return _ENGLISH.get(lang or "", "de")


def pick(pair: tuple[T, T], lang: str | None) -> T:
    """The German (first) or English (second) element of ``pair``."""
    return pair[1] if lang_of(lang) == "en" else pair[0]
