"""Typed view state passed between the parts of a page (no untyped dicts)."""

from __future__ import annotations

from dataclasses import dataclass

from indicators.compute.classify import DEFAULT_PALETTE
from indicators.types import View


@dataclass(frozen=True)
class AtlasView:
    """What the atlas sidebar chose: indicator, year, view and map style."""

    indicator: str
    year: int
    view: View = "level"  # "level" or "change"
    start: int | None = None  # first year of a change view
    relative: bool = False  # change in % instead of points/units
    scheme: str = "quantiles"
    k: int = 5
    breaks: tuple[float, ...] | None = None
    palette: str = DEFAULT_PALETTE
    labels: bool = False
    flag_note: str | None = None  # footnote of the flag rule actually used (print map)

    @property
    def level(self) -> bool:
        """True for the level view (values of one year), False for changes."""
        return self.view == "level"

    @property
    def base_year(self) -> int:
        """The first year of a change view (the page shows no change map without one)."""
        if self.start is None:
            problem = "a change view needs a first year"
            raise ValueError(problem)
        return self.start


@dataclass(frozen=True)
class NeedsView:
    """What the Bedarfslagen sidebar chose: year, method, indicators and flag threshold."""

    year: int
    method: str
    indicators: tuple[str, ...]
    threshold: float
