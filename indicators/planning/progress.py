"""Goal progress: baseline (read from the data), current value (latest year), target.

progress = (current − baseline) / (target − baseline). On track when the current value
is at or beyond the straight line from (baseline year, baseline) to (target year, target)
at the current year, "beyond" meaning in the direction of the target; after the target
year the line stays at the target. A goal of several areas uses the mean of their values;
a goal without areas (the city) uses the reference area (code ``reference``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from indicators.planning.forecast import GoalForecast, goal_forecast
from indicators.planning.series import wide
from indicators.wording.message import Message, msg
from indicators.wording.voice import GERMAN, Voice


@dataclass(frozen=True)
class GoalProgress:
    """Result for one goal (JSON keys of ``plan evaluate``: id, indicator, baseline, current, target, ...)."""

    id: int | None
    indicator: str
    baseline: float | None
    baseline_year: int
    current: float | None
    current_year: int | None
    target: float
    target_year: int
    progress: float | None
    on_track: bool | None
    expected: float | None = None
    why: Message | None = None  # why there is no progress (rendered by :meth:`note_in`)
    excluded: list[str] = field(default_factory=list)
    forecast: GoalForecast | None = None  # the trend to the target year (indicators.planning.forecast)
    series: pd.Series | None = field(default=None, compare=False, repr=False)  # value per year (the chart)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "indicator": self.indicator,
            "baseline": self.baseline,
            "current": self.current,
            "target": self.target,
            "progress": self.progress,
            "on_track": self.on_track,
            "forecast": self.forecast.to_json_dict() if self.forecast else None,
        }

    @property
    def note(self) -> str:
        """Why there is no progress, in German ("" when there is)."""
        return self.note_in()

    def note_in(self, *, voice: Voice = GERMAN) -> str:
        """Why there is no progress, in ``voice``'s language ("" when there is)."""
        return voice.text(self.why) if self.why is not None else ""


def expected_at(baseline: float, baseline_year: int, target: float, target_year: int, year: int) -> float:
    """The straight line from baseline to target at ``year`` (the target after the target year)."""
    share = min(max((year - baseline_year) / (target_year - baseline_year), 0.0), 1.0)
    return baseline + (target - baseline) * share


def is_on_track(current: float, expected: float, baseline: float, target: float) -> bool:
    """At or beyond the expected value, in the direction from baseline to target."""
    if target >= baseline:
        return current >= expected - 1e-12 * max(1.0, abs(expected))
    return current <= expected + 1e-12 * max(1.0, abs(expected))


def _mean_by_year(table: pd.DataFrame, codes: list[str]) -> tuple[pd.Series, list[str]]:
    """Mean over ``codes`` per year in which every one of them has a value (numpy, as pandas' mean)."""
    pos = table.index.get_indexer(codes) if len(table.index) else np.full(len(codes), -1)
    missing = [c for c, i in zip(codes, pos, strict=True) if i < 0]
    rows = pos[pos >= 0]
    if not len(rows):
        return pd.Series(dtype=float), missing
    if len(rows) > 1:  # pandas' own mean (its summation order), as before
        sub_frame = table.iloc[rows]
        complete_years = sub_frame.notna().all(axis=0)  # a year counts only if every area has a value
        return sub_frame.loc[:, complete_years].mean(axis=0), missing
    one = table.to_numpy(float)[rows[0]]  # one area (most goals): its values, without building frames
    return pd.Series(one[~np.isnan(one)], index=table.columns[~np.isnan(one)]), missing


def goal_progress(
    values: pd.DataFrame,
    indicator: str,
    areas: list[str],
    *,
    baseline_year: int,
    target: float,
    target_year: int,
    goal_id: int | None = None,
    reference: str = "00",
) -> GoalProgress:
    """Baseline, current value, progress and on-track of one goal.

    Parameters
    ----------
    values
        Tidy indicator values (``area_code, year, indicator, value, suppressed``).
    areas
        Area codes of the goal; empty means the whole city (the ``reference`` area).
    """
    codes = list(areas) or [reference]
    series, missing = _mean_by_year(wide(values, indicator), codes)
    base = float(series[baseline_year]) if baseline_year in series.index else None
    later = [y for y in series.index if y >= baseline_year]
    cur_year = int(max(later)) if later else None
    current = float(series[cur_year]) if cur_year is not None else None
    trend = goal_forecast(series, baseline_year=baseline_year, baseline=base, target=target, target_year=target_year)
    empty = GoalProgress(
        goal_id,
        indicator,
        base,
        baseline_year,
        current,
        cur_year,
        target,
        target_year,
        None,
        None,
        excluded=missing,
        forecast=trend,
        series=series,
    )
    if base is None:
        return _with_note(empty, msg("plan_progress_no_baseline", indicator=indicator, year=baseline_year))
    if current is None or cur_year is None:
        return _with_note(empty, msg("plan_progress_no_current", indicator=indicator, year=baseline_year))
    progress = None if target == base else (current - base) / (target - base)
    expected = expected_at(base, baseline_year, target, target_year, cur_year)
    return GoalProgress(
        goal_id,
        indicator,
        base,
        baseline_year,
        current,
        cur_year,
        target,
        target_year,
        progress,
        is_on_track(current, expected, base, target),
        expected,
        excluded=missing,
        forecast=trend,
        series=series,
    )


def _with_note(p: GoalProgress, why: Message) -> GoalProgress:
    from dataclasses import replace

    return replace(p, why=why)
