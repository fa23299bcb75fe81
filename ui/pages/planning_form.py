"""Planung page, part 2: create/edit a measure (validation and stale-edit messages from the store)
and the area section of the Stadtteilprofil."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import streamlit as st

from indicators.formatting import fmt_number
from indicators.planning.display import indicator_label, period
from indicators.planning.record_types import GoalRecord, MeasureRecord, StoredKeys
from indicators.query.syntax import parse_number
from indicators.text import md
from indicators.wording import t
from store.errors import StoreError
from store.permissions import User, allowed
from store.planning import repository as repo
from store.planning.models import STATUSES
from store.planning.records import status_label
from ui import auth, common
from ui.pages.planning_cycle import delete_button, location_picker, picked_areas
from ui.pages.planning_cycle import saved as done


def _amount(text: str, field: str, lang: str) -> float | None:
    """A budget as typed ("12.500,50" or "12,500.50"); None if empty."""
    if not text.strip():
        return None
    value = parse_number(text.replace("€", "").replace("EUR", ""))
    if value is None:
        raise StoreError(t("plan_e_budget", lang, field=t(field, lang), text=text.strip()))
    if value < 0:
        raise StoreError(t("plan_e_budget_negative", lang, field=t(field, lang)))
    return value


def _shown(value: float | None, decimals: int, lang: str) -> str:
    """A stored number in the user's format for a text field ("" for none)."""
    return "" if value is None else fmt_number(float(value), decimals, lang)


def edit_form(user: User, ds, measures: list[MeasureRecord], goals: list[GoalRecord], lang: str) -> None:
    """Choose a measure (or new), edit it in a form, save with its version (stale saves refused)."""
    if not allowed(user, "plan_edit"):
        st.info(t("plan_read_only", lang))
        return
    geo_id = ds.geography.id
    by_id = {m["id"]: m for m in measures}
    if st.session_state.pop("plan_reset", False) or st.session_state.get("plan_edit_id") not in (0, *by_id):
        st.session_state["plan_edit_id"] = 0  # after a save, delete or undo: a fresh form for a new measure
    common.remember_labels("plan_edit_id")
    choice = st.selectbox(
        t("plan_edit_choice", lang),
        [0, *by_id],
        key="plan_edit_id",
        format_func=lambda i: t("plan_new", lang) if i == 0 else f"{i}: {by_id[i]['title']}",
    )
    rec: Mapping[str, Any] = by_id.get(choice, {})  # {} for a new measure
    # the version this form was opened on: kept per session, so a second browser's save is detected
    vkey = f"plan_version_{choice}"
    if choice and vkey not in st.session_state:
        st.session_state[vkey] = rec["version"]
    names = dict(zip(ds.areas["code"], ds.areas["name"]))
    fields = repo.fields(auth.engine())
    form_key = f"{choice}_{st.session_state.get('plan_form_nonce', 0)}"
    location = location_picker(ds, rec, form_key, lang)  # a point, an area drawn or areas clicked
    chosen = [a for a in picked_areas(rec, form_key) if a in names]
    with st.form(f"plan_form_{form_key}"):
        title = st.text_input(t("plan_f_title", lang), rec.get("title", ""), max_chars=300)
        field = st.selectbox(
            t("plan_filter_field", lang), fields, index=fields.index(rec["field"]) if rec.get("field") in fields else 0
        )
        areas = st.multiselect(
            t("plan_f_areas", lang),
            list(names),
            default=chosen,
            placeholder=t("choose_options", lang),
            format_func=lambda c: f"{c} {names[c]}",
            select_all=common.select_all(),
        )
        c1, c2, c3 = st.columns(3)
        start = c1.date_input(
            t("plan_f_start", lang),
            dt.date.fromisoformat(rec["start"]) if rec.get("start") else dt.date.today(),
            format=t("date_input_format", lang),
        )
        has_end = c2.checkbox(t("plan_f_has_end", lang), bool(rec.get("end")))
        end = c2.date_input(
            t("plan_f_end", lang),
            dt.date.fromisoformat(rec["end"]) if rec.get("end") else dt.date.today(),
            format=t("date_input_format", lang),
        )
        voice = common.voice()  # bound now: the label function may be called after the run (e.g. by AppTest)
        status = c3.selectbox(
            t("plan_filter_status", lang),
            STATUSES,
            format_func=lambda s: status_label(s, voice=voice),
            index=STATUSES.index(rec.get("status", "geplant")),
        )
        partners = st.text_input(t("plan_f_partners", lang), ", ".join(rec.get("partners", [])))
        responsible = st.text_input(t("plan_f_responsible", lang), rec.get("responsible", ""))
        b1, b2 = st.columns(2)
        planned = b1.text_input(t("plan_f_budget_planned", lang), _shown(rec.get("budget_planned"), 2, lang))
        spent = b2.text_input(t("plan_f_budget_spent", lang), _shown(rec.get("budget_spent"), 2, lang))
        voice = common.voice()  # bound now: a format_func may run after the page
        inds = st.multiselect(
            t("plan_f_indicators", lang),
            list(ds.catalogue),
            default=[i for i in rec.get("indicators", []) if i in ds.catalogue],
            placeholder=t("choose_options", lang),
            format_func=lambda i: ds.catalogue[i].label(voice=voice),
            select_all=common.select_all(),
        )
        goal_ids = st.multiselect(
            t("plan_f_goals", lang),
            [g["id"] for g in goals],
            default=rec.get("goals", []),
            placeholder=t("choose_options", lang),
            format_func=lambda i: f"{i}: {next(g['text'] for g in goals if g['id'] == i)}",
            select_all=common.select_all(),
        )
        desc = st.text_area(t("plan_f_description", lang), rec.get("description", ""))
        submitted = st.form_submit_button(t("plan_save", lang), type="primary")
    if submitted:
        try:
            data = {
                **rec,
                "title": title,
                "field": field,
                "geography": geo_id,
                "areas": areas,
                "start": start.isoformat(),
                "end": end.isoformat() if has_end else None,
                "status": status,
                "partners": partners,
                "responsible": responsible,
                "budget_planned": _amount(planned, "plan_f_budget_planned", lang),
                "budget_spent": _amount(spent, "plan_f_budget_spent", lang),
                "indicators": inds,
                "goals": goal_ids,
                "location": location,
                "description": desc,
            }
            if choice:
                saved = repo.save(auth.engine(), user, "measure", choice, data, version=st.session_state[vkey])
            else:
                saved = repo.create(auth.engine(), user, "measure", data)
        except StoreError as exc:
            st.error(str(exc))
        else:  # list, map and timeline above were drawn before the save: draw them again, with a fresh form
            st.session_state.pop(vkey, None)
            for key in (f"plan_loc_{form_key}", f"plan_areas_{form_key}"):
                st.session_state.pop(key, None)
            st.session_state["plan_reset"] = True
            done(t("plan_saved", lang).format(id=saved["id"], version=saved["version"]), "plan_form_nonce")
    if choice:  # asks first; the measure goes to the trash (admins restore)
        shown = StoredKeys(id=rec["id"], version=st.session_state.get(vkey, rec["version"]))
        delete_button(user, "measure", shown, lang, name=rec["title"])


def area_section(geo_id: str, code: str, lang: str, labels: dict[str, str] | None = None) -> None:
    """The Stadtteilprofil's list of the area's measures and goals (nothing for anonymous visitors)."""
    user = auth.current_user()
    if not allowed(user, "plan_read"):
        return
    try:
        measures = [
            m
            for m in repo.list_records(auth.engine(), user, "measure")
            if m["geography"] == geo_id and code in m["areas"]
        ]
        goals = [
            g for g in repo.list_records(auth.engine(), user, "goal") if g["geography"] == geo_id and code in g["areas"]
        ]
    except StoreError as exc:
        st.error(str(exc))
        return
    st.markdown(f"**{t('plan_profile_title', lang)}**")
    if not measures and not goals:
        st.caption(t("plan_profile_none", lang))
    for m in measures:
        st.markdown(
            f"- {t('plan_ent_measure', lang)} {m['id']}: **{md(m['title'])}** ({md(status_label(m['status'], voice=common.voice()))}, "
            f"{period(m['start'], m['end'], voice=common.voice())})"
        )
    for g in goals:
        label = md(indicator_label(g["indicator"], labels or {}))
        st.markdown(
            f"- {t('plan_ent_goal', lang)} {g['id']}: {md(g['text'])} ({label} → "
            f"{fmt_number(float(g['target_value']), 1, lang)} {g['target_year']})"
        )
