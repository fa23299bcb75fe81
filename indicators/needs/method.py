"""What a need method is: one :class:`NeedMethod` record per method (mapclassify style).

A method is a record, not a branch: its runner (a wide table in, the core columns of
:mod:`indicators.needs.wide` out), its documented parameters, how it picks its
indicators from a catalogue, how its flag threshold moves in the robustness check, how
its map is coloured and the wording keys of its texts. The records live with their
algorithms (:mod:`indicators.needs.mss`, :mod:`~indicators.needs.svi`,
:mod:`~indicators.needs.zscore`); :mod:`indicators.needs.registry` is the one name →
method table that the assessment, robustness, consensus, the needs page, the methods page
and ``cli.py needs`` read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import pandas as pd

from indicators.needs.small_numbers import NOT_ASSESSED

ASSESSED = "bewertet"
#: Parameters every method accepts besides its preset (passed through to the runner).
COMMON_PARAMS = frozenset({"city_values", "dynamic_indicators", "drop_placeholders"})


class Runner(Protocol):
    """``runner(df, indicators, id_col=, population_col=, directions=, weights=, params=)``."""

    def __call__(
        self,
        df: pd.DataFrame,
        indicators: Sequence[str],
        *,
        id_col: str,
        population_col: str | None,
        directions: Mapping[str, int] | None,
        weights: Mapping[str, float] | None,
        params: Mapping[str, Any],
    ) -> pd.DataFrame: ...


@dataclass(frozen=True)
class DefaultIndicators:
    """A method's default choice on one geography: indicators, dynamics indicators, directions."""

    indicators: list[str]
    dynamic: list[str] = field(default_factory=list)
    directions: dict[str, int] = field(default_factory=dict)


def directed_indicators(*, catalogue: Mapping[str, Any], available: set[str]) -> DefaultIndicators:
    """Every available catalogue indicator with a need direction (``up`` +1, ``down`` -1)."""
    need = [i for i, ind in catalogue.items() if ind.direction != "neutral" and i in available]
    return DefaultIndicators(need, [], {i: (-1 if catalogue[i].direction == "down" else 1) for i in need})


def shift_on_z(*, base: float, shift: float) -> float:
    """A threshold on the z scale moved by ``shift`` (the robustness variants of z-type scores)."""
    return base + shift


def rank_scores(score: pd.Series) -> pd.Series:
    """1 = highest score; ties share the smallest rank; missing stays missing."""
    return score.rank(ascending=False, method="min").astype("Int64")


def finish(out: pd.DataFrame) -> pd.DataFrame:
    """Add ``status`` and ``rank``; areas not assessed get no label and no flag."""
    out["status"] = np.where(out["assessed"], ASSESSED, NOT_ASSESSED)
    out["rank"] = rank_scores(out["score"].where(out["assessed"]))
    out.loc[~out["assessed"], "label"] = NOT_ASSESSED
    out["flag"] = out["flag"].fillna(False).astype(bool) & out["assessed"]
    return out


@dataclass(frozen=True)
class NeedMethod:
    """One need method: everything the rest of the tool needs to know of it.

    Parameters
    ----------
    name
        Registry key, URL value and ``cli.py needs --method`` choice.
    runner
        Computes the core columns (see :class:`Runner`); called by :func:`indicators.needs.wide.assess`.
    preset
        Documented default parameters; must hold ``flag_threshold`` and ``min_population``.
    default_indicators
        ``f(catalogue=, available=) -> DefaultIndicators``: the method's choice on a geography.
    shift_threshold
        ``f(base=, shift=) -> float``: the threshold moved by ``shift`` z units (robustness variants).
    score_breaks
        Cut points of the score for the map's bands (ignored when ``classes`` is given).
    classes
        Optional ``f(result) -> (class index Series, names de, names en)`` for named classes.
    uses_dynamic
        Whether the method takes dynamics indicators (``dynamic_indicators``).
    excludes_itself
        Whether the runner applies ``exclude`` itself (else excluded areas are blanked before).
    in_robustness
        Whether the robustness check and the consensus run this method as an alternative.
    text_keys
        Wording keys: ``label``, ``score``, ``note``, ``about_title``, ``about_body``; by default
        ``needs_method_<name>``, ``needs_score_<name>``, ``needs_note_<name>``,
        ``methods_<name>_title`` and ``methods_<name>_body``; optional ``none_flagged`` (a text
        with ``{sd}``, the spread of the scores, added when no area is flagged; none by default).
    """

    name: str
    runner: Runner
    preset: Mapping[str, Any]
    default_indicators: Callable[..., DefaultIndicators] = directed_indicators
    shift_threshold: Callable[..., float] = shift_on_z
    score_breaks: tuple[float, ...] = ()
    classes: Callable[[pd.DataFrame], tuple[pd.Series, tuple[str, ...], tuple[str, ...]]] | None = None
    uses_dynamic: bool = False
    excludes_itself: bool = False
    in_robustness: bool = True
    text_keys: Mapping[str, str] = field(default_factory=dict)

    def text_key(self, part: str) -> str:
        """Wording key of ``part`` (label, score, note, about_title, about_body, none_flagged; "" = no text)."""
        defaults = {
            "label": f"needs_method_{self.name}",
            "score": f"needs_score_{self.name}",
            "note": f"needs_note_{self.name}",
            "about_title": f"methods_{self.name}_title",
            "about_body": f"methods_{self.name}_body",
            "none_flagged": "",
        }
        return self.text_keys.get(part, defaults[part])

    @property
    def threshold(self) -> float:
        """The preset flag threshold."""
        return float(self.preset["flag_threshold"])

    def known_params(self) -> frozenset[str]:
        """Parameter names :func:`indicators.needs.wide.assess` accepts for this method."""
        return frozenset(self.preset) | COMMON_PARAMS
