"""Records of the planning register (typed dicts, :mod:`indicators.planning.record_types`): cleaning and validation.

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
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from indicators.planning.display import status_word
from indicators.planning.record_types import GoalRecord, Location, MeasureRecord, Milestone, PartnerRecord, PlanRecord
from indicators.types import Status
from indicators.wording import t
from indicators.wording.message import Message, msg
from indicators.wording.voice import GERMAN, Voice
from store.planning.errors import PlanError
from store.planning.models import STATUSES

ENTITIES = ("measure", "goal", "partner")
_FIELD_KEYS = (
    "title",
    "description",
    "field",
    "geography",
    "areas",
    "location",
    "responsible",
    "start",
    "end",
    "budget_planned",
    "budget_spent",
    "status",
    "partners",
    "goals",
    "indicators",
    "milestones",
    "text",
    "indicator",
    "baseline_year",
    "target_value",
    "target_year",
    "organisation",
    "kind",
    "contact",
    "fields",
    "kennung",
)
# the names live in the wording table (indicators/wording/planning.py); these German dicts stay for callers
ENTITY_LABELS = {e: t(f"plan_entity_{e}") for e in ENTITIES}
LABELS = {k: t(f"plan_field_{k}") for k in _FIELD_KEYS}


def field_label(key: str, *, voice: Voice = GERMAN) -> str:
    """The name of a record field in ``voice``'s language (``budget_planned`` → "Budget geplant" / "Budget planned")."""
    return voice.t(f"plan_field_{key}") if key in LABELS else key


def entity_label(entity: str, *, voice: Voice = GERMAN) -> str:
    """``measure`` → "Maßnahme" / "Measure"."""
    return voice.t(f"plan_entity_{entity}") if entity in ENTITY_LABELS else entity


def status_label(status: str, *, voice: Voice = GERMAN) -> str:
    """A measure's status in ``voice``'s language (``laufend`` → "running"); an unknown value as it is.

    The one place is :func:`indicators.planning.display.status_word`; this name stays for callers.
    """
    return status_word(status, voice=voice)


def _f(key: str) -> Message:
    """A field's name as a message parameter (rendered in the reader's language)."""
    return msg(f"plan_field_{key}")


FIELDS = {
    "measure": (
        "title",
        "description",
        "field",
        "geography",
        "areas",
        "location",
        "responsible",
        "start",
        "end",
        "budget_planned",
        "budget_spent",
        "status",
        "partners",
        "goals",
        "indicators",
        "milestones",
    ),
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


def _text(data: dict[str, Any], key: str, required: bool = False, limit: int = 300) -> str:
    v = data.get(key)
    if _missing(v):
        if required:
            raise PlanError(msg("plan_err_missing", field=_f(key)))
        return ""
    s = str(v).strip()
    if len(s) > limit:
        raise PlanError(msg("plan_err_too_long", field=_f(key), limit=limit))
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
    raise PlanError(msg("plan_err_no_date", field=_f(key), value=repr(s)))


def _number(v: Any, key: str, required: bool = False) -> float | None:
    if _missing(v):
        if required:
            raise PlanError(msg("plan_err_missing", field=_f(key)))
        return None
    try:
        x = float(_german(v)) if isinstance(v, str) else float(v)
    except (TypeError, ValueError):
        raise PlanError(msg("plan_err_no_number", field=_f(key), value=repr(v))) from None
    if not math.isfinite(x):
        raise PlanError(msg("plan_err_not_finite", field=_f(key), value=repr(v)))
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
        raise PlanError(msg("plan_err_no_year", field=_f(key), value=repr(v)))
    return int(x)


def _codes(data: dict[str, Any], key: str, geography: str, known: Known | None) -> list[str]:
    codes = sorted(set(split_list(data.get(key))))
    for c in codes:
        if not _CODE.match(c):
            raise PlanError(msg("plan_err_no_code", field=_f(key), value=repr(c)))
    if known is not None and geography in known.areas:
        bad = [c for c in codes if c not in known.areas[geography]]
        if bad:
            raise PlanError(msg("plan_err_not_in_geography", field=_f(key), values=bad, geography=geography))
    return codes


def _indicators(ids: list[str], key: str, geography: str, known: Known | None) -> list[str]:
    ids = sorted(set(ids))
    if known is not None and geography in known.indicators:
        bad = [i for i in ids if i not in known.indicators[geography]]
        if bad:
            raise PlanError(msg("plan_err_not_in_geography", field=_f(key), values=bad, geography=geography))
    return ids


def _geography(data: dict[str, Any], known: Known | None) -> str:
    geo = _text(data, "geography", required=True, limit=48)
    if known is not None and known.areas and geo not in known.areas:
        raise PlanError(msg("plan_err_unknown_geography", geography=geo, known=sorted(known.areas)))
    return geo


def _field(data: dict[str, Any], fields: list[str]) -> str:
    name = _text(data, "field", required=True, limit=120)
    if name not in fields:
        raise PlanError(msg("plan_err_unknown_field", name=name, known=list(fields)))
    return name


def _milestones(v: Any) -> list[Milestone]:
    out: list[Milestone] = []
    for m in v or []:
        title = _text(m, "title", required=True)
        out.append({"title": title, "due": parse_date(m.get("due"), "milestones"), "done": bool(m.get("done"))})
    return out


def _location(v: Any) -> Location | None:
    if _missing(v):
        return None
    if (
        not isinstance(v, dict)
        or v.get("type") not in {"Point", "Polygon", "MultiPolygon"}
        or not isinstance(v.get("coordinates"), list)
    ):
        raise PlanError(msg("plan_err_location"))
    return {"type": v["type"], "coordinates": v["coordinates"]}


def clean(entity: str, data: dict[str, Any], fields: list[str], known: Known | None = None) -> PlanRecord:
    """The validated record of ``data`` (without id, version and timestamps).

    Raises
    ------
    PlanError
        Naming the first invalid field and why.
    """
    if entity == "partner":
        return PartnerRecord(
            organisation=_text(data, "organisation", required=True, limit=200),
            kind=_text(data, "kind", limit=80),
            contact=_text(data, "contact"),
            fields=sorted({_field({"field": f}, fields) for f in split_list(data.get("fields"))}),
            areas=sorted(set(split_list(data.get("areas")))),
        )
    geo = _geography(data, known)
    if entity == "goal":
        goal: GoalRecord = {
            "field": _field(data, fields),
            "text": _text(data, "text", required=True, limit=2000),
            "indicator": _indicators([_text(data, "indicator", required=True, limit=64)], "indicator", geo, known)[0],
            "geography": geo,
            "areas": _codes(data, "areas", geo, known),
            "baseline_year": _year(data.get("baseline_year"), "baseline_year"),
            "target_value": _required(data.get("target_value"), "target_value"),
            "target_year": _year(data.get("target_year"), "target_year"),
        }
        if goal["target_year"] <= goal["baseline_year"]:
            raise PlanError(msg("plan_err_target_year", target=goal["target_year"], baseline=goal["baseline_year"]))
        if "kennung" in data:  # the planner's own reference; kept as it is when not given
            goal["kennung"] = _text(data, "kennung", limit=64)
        return goal
    if entity != "measure":
        raise PlanError(msg("plan_err_entity", entity=repr(entity)))
    rec: MeasureRecord = {
        "title": _text(data, "title", required=True),
        "description": _text(data, "description", limit=10000),
        "field": _field(data, fields),
        "geography": geo,
        "areas": _codes(data, "areas", geo, known),
        "location": _location(data.get("location")),
        "responsible": _text(data, "responsible", limit=200),
        "start": parse_date(data.get("start"), "start"),
        "end": parse_date(data.get("end"), "end", end=True),
        "budget_planned": _number(data.get("budget_planned"), "budget_planned"),
        "budget_spent": _number(data.get("budget_spent"), "budget_spent"),
        "status": cast(Status, _text(data, "status", limit=16) or "geplant"),  # checked below
        "partners": sorted(set(split_list(data.get("partners")))),
        "goals": sorted({int(_required(g, "goals")) for g in split_list(data.get("goals"))}),
        "indicators": _indicators(split_list(data.get("indicators")), "indicators", geo, known),
        "milestones": _milestones(data.get("milestones")),
    }
    if "kennung" in data:  # the planner's own reference; kept as it is when not given
        rec["kennung"] = _text(data, "kennung", limit=64)
    if rec["status"] not in STATUSES:  # after the fields above: their errors are named first
        raise PlanError(msg("plan_err_status", status=rec["status"], allowed=list(STATUSES)))
    if rec["start"] and rec["end"] and rec["end"] < rec["start"]:
        raise PlanError(msg("plan_err_end_before_start", end=rec["end"], start=rec["start"]))
    for key, budget in (("budget_planned", rec["budget_planned"]), ("budget_spent", rec["budget_spent"])):
        if budget is not None and budget < 0:
            raise PlanError(msg("plan_err_negative", field=_f(key)))
    if not rec["areas"] and rec["location"] is None:
        raise PlanError(msg("plan_err_no_areas"))
    return rec


def diff(old: Mapping[str, object] | None, new: Mapping[str, object] | None) -> dict[str, list[Any]]:
    """Changed fields: ``{field: [old, new]}`` (every field of a new or deleted record)."""
    keys = [k for k in (new or old or {}) if k not in {"id", "version", "created", "updated", "created_by"}]
    return {k: [(old or {}).get(k), (new or {}).get(k)] for k in keys if (old or {}).get(k) != (new or {}).get(k)}


def describe(changes: dict[str, list[Any]], limit: int = 6, *, voice: Voice = GERMAN) -> str:
    """``Titel: 'A' → 'B'; Status: 'geplant' → 'laufend'`` (field names in ``voice``'s language)."""

    def show(v: Any) -> str:
        if v is None or v == [] or v == "":
            return "–"
        if isinstance(v, list):
            return ", ".join(str(x) for x in v)
        return repr(v) if isinstance(v, str) else str(v)

    parts = [f"{field_label(k, voice=voice)}: {show(o)} → {show(n)}" for k, (o, n) in list(changes.items())[:limit]]
    more = len(changes) - limit
    return "; ".join(parts) + (voice.t("plan_and_more", n=more) if more > 0 else "")
