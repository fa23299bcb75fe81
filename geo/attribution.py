"""The source line under every output (web map, print map, report, export tables).

Shared by the outputs, so it lives below them: :mod:`geo.printmap` and :mod:`geo.exports` both
import it, and neither imports the other for it (the import-linter contract "inside geo").
"""

from __future__ import annotations

from collections.abc import Iterable

from indicators.dataset import Dataset


def sources_line(ds: Dataset, indicators: Iterable[str] = ()) -> str:
    """Source and attribution of ``indicators`` (all sources if none), boundaries last, no repeats."""
    ids = [i for i in indicators if i in ds.catalogue]
    if not ids:
        return ds.attribution()
    parts: list[str] = []
    for ind_id in ids:
        for part in ds.attribution(ind_id).split("; "):
            if part and part not in parts:
                parts.append(part)
    border = ds.geography.attribution
    if border in parts:
        parts.remove(border)
        parts.append(border)
    return "; ".join(parts)
