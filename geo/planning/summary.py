"""The short planning section of the social report: goals with progress, measures per field of action.

:func:`section_lines` turns the register's records into ``(style, text)`` lines for
:func:`geo.report.pdf.build_report` (``planning=``); an empty register gives no lines, so the
report has no planning section. :func:`register_lines` reads the records from the store.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import Engine

from indicators.dataset import Dataset
from indicators.planning.display import period, status_word
from indicators.planning.progress import goal_progress
from indicators.planning.record_types import GoalRecord, MeasureRecord
from indicators.wording.voice import GERMAN, Voice
from store.permissions import User


def section_lines(
    ds: Dataset, goals: list[GoalRecord], measures: list[MeasureRecord], *, voice: Voice = GERMAN
) -> list[tuple[str, str]]:
    """Lines of the planning section for the report of ``ds`` (its geography's goals and measures)."""
    geo = ds.geography.id
    goals = sorted((g for g in goals if g["geography"] == geo), key=lambda g: (g["field"], g["id"]))
    measures = [m for m in measures if m["geography"] == geo]
    if not goals and not measures:
        return []
    lines = [
        ("h", voice.t("plan_sec_title")),
        ("p", voice.t("plan_sec_intro", goals=len(goals), measures=len(measures))),
    ]
    per_field = Counter(m["field"] for m in measures)
    for field in sorted(per_field | Counter({g["field"]: 0 for g in goals})):
        lines.append(("b", voice.t("plan_sec_field", field=field, measures=per_field.get(field, 0))))
        for g in (g for g in goals if g["field"] == field):
            r = goal_progress(
                ds.values,
                g["indicator"],
                g["areas"],
                baseline_year=g["baseline_year"],
                target=g["target_value"],
                target_year=g["target_year"],
                goal_id=g["id"],
                reference=ds.geography.reference_code or "00",
            )
            progress = voice.t("plan_sec_no_value") if r.progress is None else voice.percent(100 * r.progress, 0)
            state = "–" if r.on_track is None else voice.t("plan_rep_on_track" if r.on_track else "plan_rep_off_track")
            lines.append(
                (
                    "p",
                    voice.t(
                        "plan_sec_goal",
                        id=g["id"],
                        indicator=ds.catalogue[g["indicator"]].label(voice=voice)
                        if g["indicator"] in ds.catalogue
                        else g["indicator"],
                        text=g["text"],
                        progress=progress,
                        state=state,
                    ),
                )
            )
    lines += _measures_per_area(ds, measures, voice=voice)
    return lines


def _measures_per_area(ds: Dataset, measures: list[MeasureRecord], *, voice: Voice) -> list[tuple[str, str]]:
    """ "Measures per area": one line per area with its measures (title, status, period), in area order."""
    if not measures:
        return []
    names = dict(zip(ds.areas["code"].astype(str), ds.areas["name"].astype(str)))
    per_area: dict[str, list[str]] = {}
    for m in sorted(measures, key=lambda m: m["id"]):
        for code in m["areas"]:
            per_area.setdefault(str(code), []).append(
                voice.t(
                    "plan_sec_measure",
                    title=m["title"],
                    status=status_word(m["status"], voice=voice),
                    period=period(m["start"], m["end"], voice=voice),
                )
            )
    out = [("b", voice.t("plan_sec_areas_title"))]
    for code in sorted(per_area, key=lambda c: (c not in names, c)):
        area = f"{code} {names[code]}" if code in names else code
        out.append(("p", voice.t("plan_sec_area", area=area, measures="; ".join(per_area[code]))))
    return out


def register_lines(engine: Engine, user: User, ds: Dataset, *, voice: Voice = GERMAN) -> list[tuple[str, str]]:
    """:func:`section_lines` of the records in the store (``user`` needs read access)."""
    from store.planning import repository as repo

    return section_lines(
        ds, repo.list_records(engine, user, "goal"), repo.list_records(engine, user, "measure"), voice=voice
    )


def default_register_lines(ds: Dataset, user: User | None = None, *, voice: Voice = GERMAN) -> list[tuple[str, str]]:
    """:func:`register_lines` from the configured database, as ``user`` (default: the store's default user).

    A user without read access to the register (e.g. an anonymous visitor) gets no section.
    """
    from geo.saved import default_user
    from store import db
    from store.errors import PermissionDenied
    from store.permissions import allowed

    engine = db.engine_for()
    who = user if user is not None else default_user(engine)
    if not allowed(who, "plan_read"):  # asked, not attempted: not a refused action for the audit log
        return []
    try:
        return register_lines(engine, who, ds, voice=voice)
    except PermissionDenied:
        return []
