"""The dataset of one geography: its areas, tidy table, catalogue and computed values.

A :class:`Dataset` is a plain container of (Geo)DataFrames. It is built by
:func:`geo.loading.load_dataset` (read → validate → compute → protect), the one
path by which the app, the CLI and the exports get numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

import pandas as pd

from indicators.catalogue import Indicator, Source
from indicators.compute.disclosure import MIN_COUNT
from indicators.compute.unprotected import UnprotectedTable, as_unprotected
from indicators.ingest.report import Report
from indicators.wording.voice import GERMAN, Voice


class GeographyInfo(Protocol):
    """What the numbers need to know of a geography (see :class:`geo.geographies.Geography`)."""

    @property
    def id(self) -> str: ...

    @property
    def reference_code(self) -> str | None: ...

    @property
    def attribution(self) -> str: ...

    @property
    def place(self) -> str: ...

    def label(self, *, voice: Voice = GERMAN) -> str: ...

    def reference_label(self, *, voice: Voice = GERMAN) -> str: ...

    def cache_key(self) -> tuple[object, ...]:
        """A hashable key that changes when the geography's files change (for result caches)."""
        ...


@dataclass
class Dataset:
    """Everything known about one geography."""

    geography: GeographyInfo
    areas: pd.DataFrame  # area polygons: code, name, geometry (a GeoDataFrame)
    table: UnprotectedTable  # tidy input: area_code, year, variable, value (before disclosure control)
    catalogue: dict[str, Indicator]
    sources: dict[str, Source]
    values: pd.DataFrame  # computed indicators, disclosure applied
    report: Report
    min_count: int = MIN_COUNT
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.table = as_unprotected(self.table)  # raw values only ever in the one type

    def protected_table(self) -> pd.DataFrame:
        """The cells of :attr:`table` that the published outputs show anyway (see
        :meth:`~indicators.compute.unprotected.UnprotectedTable.protected`)."""
        return self.table.protected(self.values, self.catalogue)

    @property
    def years(self) -> list[int]:
        return sorted(int(y) for y in self.values["year"].unique())

    def years_for(self, indicator: str) -> list[int]:
        v = self.values[(self.values["indicator"] == indicator)]
        return sorted(int(y) for y in v["year"].unique())

    def attribution(self, indicator: str | None = None) -> str:
        """Source line: the indicator's source (or all sources) and the boundaries."""
        ids = [self.catalogue[indicator].source] if indicator in self.catalogue else list(self.sources)
        parts = [self.sources[s].attribution() for s in dict.fromkeys(ids) if s in self.sources]
        if self.geography.attribution and self.geography.attribution not in parts:
            parts.append(self.geography.attribution)
        return "; ".join(parts)
