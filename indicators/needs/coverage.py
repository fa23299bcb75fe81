"""Need against measures: do the register's measures sit where the needs are?

For one need assessment (one method, one year) and the measures of the planning register
(:class:`~indicators.planning.record_types.MeasureRecord` records as
:func:`store.planning.repository.list_records` returns them), each flagged area with its active
measures per field of action, or none; the share of flagged areas with a measure and the share of
measures in flagged areas (Hamburg's RISE monitoring reports the first). A measure is *active* in a year when it is not cancelled ("abgebrochen") and its
period (start … end, open ends allowed) touches that year.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from indicators.planning.record_types import MeasureRecord

CANCELLED = "abgebrochen"
NONE = "keine Maßnahme"


def active_in(measure: MeasureRecord, year: int) -> bool:
    """Whether ``measure`` runs at some time in ``year`` and is not cancelled."""
    if measure.get("status") == CANCELLED:
        return False
    start = int(str(measure["start"])[:4]) if measure.get("start") else None
    end = int(str(measure["end"])[:4]) if measure.get("end") else None
    return (start is None or start <= year) and (end is None or end >= year)


@dataclass(frozen=True)
class Coverage:
    """Flagged areas and measures of one geography and year.

    ``areas``: one row per flagged area (``id``, ``name``, ``measures``: field → measure
    titles, ``n_measures``); ``share_flagged_with_measure`` and ``share_measures_in_flagged``
    (0–1, ``None`` when there is nothing to divide by); ``measure_areas``: every area code
    with an active measure (the map's outlines).
    """

    year: int
    areas: pd.DataFrame
    n_flagged: int
    n_measures: int
    share_flagged_with_measure: float | None
    share_measures_in_flagged: float | None
    measure_areas: frozenset[str] = field(default_factory=frozenset)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "n_flagged": self.n_flagged,
            "n_measures": self.n_measures,
            "share_flagged_with_measure": self.share_flagged_with_measure,
            "share_measures_in_flagged": self.share_measures_in_flagged,
            "areas": [{"id": r.id, "name": r.name, "measures": r.measures} for r in self.areas.itertuples(index=False)],
        }


def need_coverage(result: pd.DataFrame, measures: Iterable[MeasureRecord], *, geography: str, year: int) -> Coverage:
    """Flagged areas of ``result`` (``id``, ``name``, ``flag``) against the active measures of ``geography``.

    Parameters
    ----------
    result
        A need assessment (:func:`indicators.needs.assessment.run_needs`).
    measures
        Register records with ``id``, ``title``, ``field``, ``geography``, ``areas``, ``status``,
        ``start``, ``end``.
    geography, year
        Only measures of this geography, active in this year, count.
    """
    here = [m for m in measures if m.get("geography") == geography and active_in(m, year)]
    flagged = result[result["flag"].fillna(False).astype(bool)]
    flagged_ids = set(flagged["id"].astype(str))
    rows = []
    for r in flagged.itertuples(index=False):
        by_field: dict[str, list[str]] = {}
        for m in here:
            if str(r.id) in {str(a) for a in m.get("areas") or ()}:
                by_field.setdefault(str(m.get("field") or ""), []).append(str(m.get("title") or m.get("id")))
        rows.append(
            {
                "id": str(r.id),
                "name": getattr(r, "name", str(r.id)),
                "measures": by_field,
                "n_measures": sum(len(v) for v in by_field.values()),
            }
        )
    areas = pd.DataFrame(rows, columns=["id", "name", "measures", "n_measures"])
    with_measure = int((areas["n_measures"] > 0).sum()) if len(areas) else 0
    in_flagged = sum(1 for m in here if flagged_ids & {str(a) for a in m.get("areas") or ()})
    return Coverage(
        year=int(year),
        areas=areas,
        n_flagged=len(areas),
        n_measures=len(here),
        share_flagged_with_measure=with_measure / len(areas) if len(areas) else None,
        share_measures_in_flagged=in_flagged / len(here) if here else None,
        measure_areas=frozenset(str(a) for m in here for a in m.get("areas") or ()),
    )
