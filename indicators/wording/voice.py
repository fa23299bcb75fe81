"""A bound wording object: the reader's language, made once at the front door, with its texts and formats.

Instead of passing ``lang`` down through every call and deciding texts and number formats deep in the
library, a front door (``cli.py`` via :func:`commands.registry.voice`, a page via ``ui.common.voice``)
creates one :class:`Voice` and hands it to what renders. Library code that only finds things returns
:class:`~indicators.wording.message.Message` objects; whoever holds the voice renders them::

    voice = Voice.of("en")
    voice.t("q_year")                      # "Year"
    voice.text(msg("err_file_empty", name="a.csv"))  # "a.csv: file is empty"
    voice.number(6235.04, 0)               # "6,235"
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypeVar

from indicators.wording import t
from indicators.wording.core import lang_of, pick
from indicators.wording.message import render

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

    import pandas as pd

    from indicators.wording.core import Lang

T = TypeVar("T")


@dataclass(frozen=True)
class Voice:
    """The reader's language with the wording table's texts and the number and date formats of that language.

    Parameters
    ----------
    lang : Lang
        ``"de"`` or ``"en"`` (build it with :meth:`of`, which accepts any text).
    """

    lang: Lang = "de"

    @classmethod
    def of(cls, lang: str | Voice | None) -> Voice:
        """The voice of ``lang`` (``"en"`` English, anything else German); a voice is returned as it is."""
        return lang if isinstance(lang, Voice) else cls(lang_of(lang))

    def t(self, key: str, /, **fmt: object) -> str:
        """The wording table's text for ``key`` in this language (see :func:`indicators.wording.t`)."""
        return t(key, self.lang, **fmt)

    def text(self, value: object) -> str:
        """A :class:`~indicators.wording.message.Message` (or any parameter) rendered in this language."""
        return render(value, self.lang)

    def number(self, value: float | None, decimals: int = 1) -> str:
        """``6.235,0`` (German) or ``6,235.0`` (English); "–" for a missing value."""
        from indicators.formatting import fmt_number  # formatting imports the wording package

        return fmt_number(value, decimals, self.lang)

    def percent(self, value: float | None, decimals: int = 1) -> str:
        """A value already in percent, in the language's style (``51 %`` in German)."""
        from indicators.formatting import fmt_percent

        return fmt_percent(value, decimals, self.lang)

    def value(self, value: float | None, unit: str = "", decimals: int = 1) -> str:
        """A number with its unit (``12,3 %``, ``4,5 je 1.000 EW``); see :func:`indicators.formatting.fmt_value`."""
        from indicators.formatting import fmt_value

        return fmt_value(value, unit, decimals, self.lang)

    def change(self, value: float | None, decimals: int = 1, unit: str = "") -> str:
        """A signed change (``+1,2``, ``−0,5``, ``±0,0``); see :func:`indicators.formatting.fmt_change`."""
        from indicators.formatting import fmt_change

        return fmt_change(value, decimals, self.lang, unit)

    def rank(self, rank: float | None, total: int) -> str:
        """``3. von 10`` (German) or ``3 of 10`` (English)."""
        from indicators.formatting import fmt_rank

        return fmt_rank(rank, total, self.lang)

    def range(self, low: float, high: float, decimals: int = 1) -> str:
        """A class interval ``12,3 – 15,0`` (one number if both are equal)."""
        from indicators.formatting import fmt_range

        return fmt_range(low, high, decimals, self.lang)

    def pick(self, pair: tuple[T, T]) -> T:
        """The German (first) or English (second) element of ``pair``."""
        return pick(pair, self.lang)

    def columns(self, frame: pd.DataFrame, labels: Mapping[str, str] | None = None) -> pd.DataFrame:
        """``frame`` with its internal column names replaced by headers in this language."""
        from indicators.wording.frames import display_columns

        return display_columns(frame, self.lang, labels)

    def date(self, value: dt.date | None) -> str:
        """``01.03.2019`` (German) or ``2019-03-01`` (English); "–" for none."""
        if value is None:
            return "–"
        return value.isoformat()[:10] if self.lang == "en" else f"{value:%d.%m.%Y}"


GERMAN = Voice("de")  # the default language's voice (a default argument, immutable)

__all__ = ["GERMAN", "Voice"]
