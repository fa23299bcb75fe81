"""The language decision, made once: ``"en"`` means English, anything else German.

No run-time imports: the command line loads the wording without ``typing``.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Literal, TypeVar

    Lang = Literal["de", "en"]
    T = TypeVar("T")

LANGS: tuple[Lang, Lang] = ("de", "en")
_ENGLISH: dict[str, Lang] = {"en": "en"}


def lang_of(lang: str | None) -> Lang:
    """``"en"`` for English, ``"de"`` for anything else (the default language)."""
    return _ENGLISH.get(lang or "", "de")


def pick(pair: tuple[T, T], lang: str | None) -> T:
    """The German (first) or English (second) element of ``pair``."""
    return pair[_ENGLISH.get(lang or "") == "en"]
