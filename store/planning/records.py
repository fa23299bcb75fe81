"""Records of the planning register as plain dicts: cleaning and validation (German messages).

A record is what the repository returns and stores in the history: JSON-ready values only
(dates as ``JJJJ-MM-TT`` strings, lists sorted). :func:`clean` turns user input (the app's
form, an Excel row) into such a record or raises :class:`~store.planning.errors.PlanError`
naming the field. Area codes and indicators are checked against :class:`Known` when given
(the caller knows the data; the store does not read it).
"""
from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any

from store.planning.errors import PlanError
from store.planning.models import STATUSES

ENTITIES = ("measure", "goal", "partner")
ENTITY_LABELS = {"measure": "Maßnahme", "goal": "Ziel", "partner": "Partner"}
LABELS = {
    "title": "Titel", "description": "Beschreibung", "field": "Handlungsfeld", "geography": "Geografie",
    "areas": "Gebiete", "location": "Ort", "responsible": "Verantwortlich", "start": "Beginn", "end": "Ende",
    "budget_planned": "Budget geplant", "budget_spent": "Budget verausgabt", "status": "Status",
    "partners": "Partner", "goals": "Ziele", "indicators": "Zielindikatoren", "milestones": "Meilensteine",
    "text": "Text", "indicator": "Indikator", "baseline_year": "Basisjahr", "target_value": "Zielwert",
    "target_year": "Zieljahr", "organisation": "Organisation", "kind": "Art", "contact": "Kontakt",
    "fields": "Handlungsfelder",
}
FIELDS = {
    "measure": ("title", "description", "field", "geography", "areas", "location", "responsible", "start", "end",
                "budget_planned", "budget_spent", "status", "partners", "goals", "indicators", "milestones"),
    "goal": ("field", "text", "indicator", "geography", "areas", "baseline_year", "target_value", "target_year"),
    "partner": ("organisation", "kind", "contact", "fields", "areas"),
}
_CODE = re.compile(r"^[\w.\-]{1,32}$")
_YEAR = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class Known:
    """What the data offers per geography: area codes and indicator ids (None = not checked)."""

    areas: dict[str, frozenset[str]] = field(default_factory=dict)
    indicators: dict[str, frozenset[str]] = field(default_factory=dict)


def _missing(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or (isinstance(v, str) and not v.strip())


def _text(data: dict, key: str, required: bool = False, limit: int = 300) -> str:
    v = data.get(key)
    if _missing(v):
        if required:
            raise PlanError(f"{LABELS[key]} fehlt")
        return ""
    s = str(v).strip()
    if len(s) > limit:
        raise PlanError(f"{LABELS[key]} zu lang: höchstens {limit} Zeichen")
    return s


def split_list(v: Any) -> list[str]:
    """A list from a list or a comma-separated text (empty items dropped)."""
    if _missing(v):
        return []
    items = v if isinstance(v, list | tuple | set | frozenset) else str(v).split(",")
    return [str(i).strip() for i in items if str(i).strip()]


def parse_date(v: Any, key: str, end: bool = False) -> str | None:
    """``JJJJ-MM-TT``, ``TT.MM.JJJJ``, a date or a year (start: 1 January, end: 31 December)."""
    if _missing(v):
        return None
    if isinstance(v, dt.datetime):
        return v.date().isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, int | float) and float(v).is_integer():
        v = str(int(v))
    s = str(v).strip()
    if _YEAR.match(s):
        return f"{s}-12-31" if end else f"{s}-01-01"
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return dt.datetime.strptime(s, fmt).date().isoformat()
        except ValueError:
            pass
    raise PlanError(f"{LABELS[key]} {s!r} ist kein Datum (JJJJ-MM-TT, TT.MM.JJJJ oder Jahr)")


def _number(v: Any, key: str, required: bool = False) -> float | None:
    if _missing(v):
        if required:
            raise PlanError(f"{LABELS[key]} fehlt")
        return None
    try:
        x = float(_german(v)) if isinstance(v, str) else float(v)
    except (TypeError, ValueError):
        raise PlanError(f"{LABELS[key]} {v!r} ist keine Zahl") from None
    if not math.isfinite(x):
        raise PlanError(f"{LABELS[key]} {v!r} ist keine endliche Zahl")
    return x


def _required(v: Any, key: str) -> float:
    """:func:`_number` for a value that must be given: a float, never ``None``."""
    x = _number(v, key, required=True)
    assert x is not None  # _number raises PlanError for a missing required value
    return x


def _german(text: str) -> str:
    """``1.234,5`` and ``1234,5`` → ``1234.5``; ``1234.5`` stays."""
    t = text.replace(" ", "").replace("\u00a0", "").replace("€", "")
    if "," in t:
        t = t.replace(".", "").replace(",", ".")
    return t


def _year(v: Any, key: str) -> int:
    x = _required(v, key)
    if not float(x).is_integer() or not 1900 <= x <= 2100:
        raise PlanError(f"{LABELS[key]} {v!r} ist kein Jahr (1900–2100)")
    return int(x)


def _codes(data: dict, key: str, geography: str, known: Known | None) -> list[str]:
    codes = sorted(set(split_list(data.get(key))))
    for c in codes:
        if not _CODE.match(c):
            raise PlanError(f"{LABELS[key]}: {c!r} ist kein Gebietsschlüssel")
    if known is not None and geography in known.areas:
        bad = [c for c in codes if c not in known.areas[geography]]
        if bad:
            raise PlanError(f"{LABELS[key]}: {', '.join(bad)} gibt es in der Geografie '{geography}' nicht")
    return codes


def _indicators(ids: list[str], key: str, geography: str, known: Known | None) -> list[str]:
    ids = sorted(set(ids))
    if known is not None and geography in known.indicators:
        bad = [i for i in ids if i not in known.indicators[geography]]
        if bad:
            raise PlanError(f"{LABELS[key]}: {', '.join(bad)} gibt es in der Geografie '{geography}' nicht")
    return ids


def _geography(data: dict, known: Known | None) -> str:
    geo = _text(data, "geography", required=True, limit=48)
    if known is not None and known.areas and geo not in known.areas:
        raise PlanError(f"Geografie '{geo}' gibt es nicht (bekannt: {', '.join(sorted(known.areas))})")
    return geo


def _field(data: dict, fields: list[str]) -> str:
    name = _text(data, "field", required=True, limit=120)
    if name not in fields:
        raise PlanError(f"Handlungsfeld '{name}' gibt es nicht (bekannt: {', '.join(fields)})")
    return name


def _milestones(v: Any) -> list[dict]:
    out = []
    for m in v or []:
        title = _text(m, "title", required=True)
        out.append({"title": title, "due": parse_date(m.get("due"), "milestones"), "done": bool(m.get("done"))})
    return out


def _location(v: Any) -> dict | None:
    if _missing(v):
        return None
    if not isinstance(v, dict) or v.get("type") not in {"Point", "Polygon", "MultiPolygon"} \
            or not isinstance(v.get("coordinates"), list):
        raise PlanError("Ort: erwartet eine GeoJSON-Geometrie (Point oder Polygon, WGS 84)")
    return {"type": v["type"], "coordinates": v["coordinates"]}


def clean(entity: str, data: dict, fields: list[str], known: Known | None = None) -> dict:
    """The validated record of ``data`` (without id, version and timestamps).

    Raises
    ------
    PlanError
        Naming the first invalid field and why.
    """
    if entity == "partner":
        return {"organisation": _text(data, "organisation", required=True, limit=200),
                "kind": _text(data, "kind", limit=80), "contact": _text(data, "contact"),
                "fields": sorted({_field({"field": f}, fields) for f in split_list(data.get("fields"))}),
                "areas": sorted(set(split_list(data.get("areas"))))}
    geo = _geography(data, known)
    if entity == "goal":
        rec: dict[str, Any] = {"field": _field(data, fields), "text": _text(data, "text", required=True, limit=2000),
               "indicator": _indicators([_text(data, "indicator", required=True, limit=64)], "indicator", geo,
                                        known)[0],
               "geography": geo, "areas": _codes(data, "areas", geo, known),
               "baseline_year": _year(data.get("baseline_year"), "baseline_year"),
               "target_value": _number(data.get("target_value"), "target_value", required=True),
               "target_year": _year(data.get("target_year"), "target_year")}
        if rec["target_year"] <= rec["baseline_year"]:
            raise PlanError(f"Zieljahr {rec['target_year']} muss nach dem Basisjahr {rec['baseline_year']} liegen")
        if "kennung" in data:  # the planner's own reference; kept as it is when not given
            rec["kennung"] = _text(data, "kennung", limit=64)
        return rec
    if entity != "measure":
        raise PlanError(f"unbekannte Art von Eintrag {entity!r}")
    rec = {"title": _text(data, "title", required=True), "description": _text(data, "description", limit=10000),
           "field": _field(data, fields), "geography": geo, "areas": _codes(data, "areas", geo, known),
           "location": _location(data.get("location")), "responsible": _text(data, "responsible", limit=200),
           "start": parse_date(data.get("start"), "start"), "end": parse_date(data.get("end"), "end", end=True),
           "budget_planned": _number(data.get("budget_planned"), "budget_planned"),
           "budget_spent": _number(data.get("budget_spent"), "budget_spent"),
           "status": _text(data, "status", limit=16) or "geplant",
           "partners": sorted(set(split_list(data.get("partners")))),
           "goals": sorted({int(_required(g, "goals")) for g in split_list(data.get("goals"))}),
           "indicators": _indicators(split_list(data.get("indicators")), "indicators", geo, known),
           "milestones": _milestones(data.get("milestones"))}
    if "kennung" in data:  # the planner's own reference; kept as it is when not given
        rec["kennung"] = _text(data, "kennung", limit=64)
    if rec["status"] not in STATUSES:
        raise PlanError(f"Status '{rec['status']}' gibt es nicht (erlaubt: {', '.join(STATUSES)})")
    if rec["start"] and rec["end"] and rec["end"] < rec["start"]:
        raise PlanError(f"Ende {rec['end']} liegt vor dem Beginn {rec['start']}")
    for key in ("budget_planned", "budget_spent"):
        if rec[key] is not None and rec[key] < 0:
            raise PlanError(f"{LABELS[key]} darf nicht negativ sein")
    if not rec["areas"] and rec["location"] is None:
        raise PlanError("Gebiete fehlen: bitte Gebietsschlüssel oder einen Ort angeben")
    return rec


def diff(old: dict | None, new: dict | None) -> dict[str, list]:
    """Changed fields: ``{field: [old, new]}`` (every field of a new or deleted record)."""
    keys = [k for k in (new or old or {}) if k not in {"id", "version", "created", "updated", "created_by"}]
    return {k: [(old or {}).get(k), (new or {}).get(k)] for k in keys
            if (old or {}).get(k) != (new or {}).get(k)}


def describe(changes: dict[str, list], limit: int = 6) -> str:
    """``Titel: 'A' → 'B'; Status: 'geplant' → 'laufend'`` (German labels)."""
    def show(v: Any) -> str:
        if v is None or v == [] or v == "":
            return "–"
        if isinstance(v, list):
            return ", ".join(str(x) for x in v)
        return repr(v) if isinstance(v, str) else str(v)
    parts = [f"{LABELS.get(k, k)}: {show(o)} → {show(n)}" for k, (o, n) in list(changes.items())[:limit]]
    more = len(changes) - limit
    return "; ".join(parts) + (f" (und {more} weitere)" if more > 0 else "")
