"""Filter measures by field of action, area, status, partner and period (the list of the Planung page)."""
from __future__ import annotations

import datetime as dt


def _overlaps(rec: dict, start: dt.date | None, end: dt.date | None) -> bool:
    a = dt.date.fromisoformat(rec["start"]) if rec.get("start") else dt.date.min
    b = dt.date.fromisoformat(rec["end"]) if rec.get("end") else dt.date.max
    return (start is None or b >= start) and (end is None or a <= end)


def filter_measures(records: list[dict], *, field: str | None = None, area: str | None = None,
                    status: str | None = None, partner: str | None = None, start: dt.date | None = None,
                    end: dt.date | None = None, geography: str | None = None) -> list[dict]:
    """Measures matching every given filter; a period keeps measures running at some time in it."""
    out = []
    for r in records:
        if (field and r["field"] != field) or (status and r["status"] != status) \
                or (geography and r["geography"] != geography) or (area and area not in r["areas"]) \
                or (partner and partner not in r["partners"]) or not _overlaps(r, start, end):
            continue
        out.append(r)
    return out


def start_year(rec: dict) -> int | None:
    """The year a measure started (None without a start date)."""
    return int(rec["start"][:4]) if rec.get("start") else None
