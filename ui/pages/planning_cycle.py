"""Planung page, part 3: the planning cycle in the browser.

Goals and partners created in forms, a measure's place picked on the map (a point, an area
drawn, or areas clicked), delete to the trash with a question first, undo of the user's last
change and the trash (admins restore). Every save ends with a rerun, so every list,
map and timeline of the page shows the new state at once. The library enforces the roles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import streamlit as st
from streamlit_folium import st_folium

from geo.planning.locations import area_km2, areas_covered, drawn_location
from geo.planning.map import pick_map
from geo.webmap.geometry import area_at
from indicators.errors import SozialmonitorError
from indicators.formatting import fmt_number
from indicators.planning.display import day
from indicators.planning.record_types import Location, StoredKeys
from indicators.query.syntax import parse_number
from indicators.wording import t
from store.errors import StoreError
from store.permissions import User, allowed
from store.planning import repository as repo
from store.planning import trash
from ui import auth, common

FLASH = "plan_flash"


def saved(message: str, nonce: str | None = None) -> None:
    """After a save: the message for the next run, a fresh form (``nonce`` counter) and a rerun."""
    st.session_state[FLASH] = message
    for key in [k for k in st.session_state if str(k).startswith("plan_version_")]:
        del st.session_state[key]  # the versions forms were opened on: this session's own change moved them
    if nonce:
        st.session_state[nonce] = st.session_state.get(nonce, 0) + 1
    st.rerun()


def goal_form(user: User, ds, lang: str) -> None:
    """Form for a new goal: field, text, indicator, areas (empty: whole city), baseline year, target."""
    if not allowed(user, "plan_edit"):
        return
    n = st.session_state.get("plan_goal_nonce", 0)
    with st.expander(t("plan_goal_new", lang), expanded=False):
        cat = ds.catalogue
        ids = [i for i in cat if common.years_for(ds, i)]
        if not ids:
            st.info(t("no_indicators", lang))
            return
        labels = {i: cat[i].label(voice=common.voice()) for i in ids}
        common.choice(f"plan_goal_ind_{n}", ids, "share_65plus" if "share_65plus" in ids else ids[0])
        ind = str(
            st.selectbox(t("plan_goal_indicator", lang), ids, key=f"plan_goal_ind_{n}", format_func=lambda i: labels[i])
        )
        years = common.years_for(ds, ind)
        names = dict(zip(ds.areas["code"], ds.areas["name"]))
        fields = repo.fields(auth.engine())
        with st.form(f"plan_goal_form_{n}"):
            field = st.selectbox(t("plan_filter_field", lang), fields)
            text = st.text_input(t("plan_goal_text", lang), max_chars=300)
            areas = st.multiselect(
                t("plan_goal_areas", lang),
                list(names),
                placeholder=t("plan_goal_whole_city", lang),
                format_func=lambda c: f"{c} {names[c]}",
                select_all=common.select_all(),
            )
            c1, c2, c3 = st.columns(3)
            base = c1.selectbox(t("plan_goal_baseline_year", lang), years[::-1])
            unit = cat[ind].unit_for(voice=common.voice())
            target = c2.text_input(t("plan_goal_target_value", lang) + (f" ({unit})" if unit else ""))
            target_year = c3.number_input(
                t("plan_goal_target_year", lang), 2000, 2100, max(dt.date.today().year, years[-1]) + 5, step=1
            )
            submitted = st.form_submit_button(t("plan_goal_save", lang), type="primary")
        if not submitted:
            return
        value = parse_number(target) if target.strip() else None
        if value is None:
            st.error(t("plan_goal_bad_target", lang, text=target.strip()))
            return
        try:
            rec = repo.create(
                auth.engine(),
                user,
                "goal",
                {
                    "field": field,
                    "text": text,
                    "indicator": ind,
                    "geography": ds.geography.id,
                    "areas": areas,
                    "baseline_year": int(base),
                    "target_value": value,
                    "target_year": int(target_year),
                },
            )
        except StoreError as exc:
            st.error(str(exc))
            return
        saved(t("plan_goal_saved", lang, id=rec["id"]), "plan_goal_nonce")


def partner_form(user: User, ds, lang: str) -> None:
    """Form for a new partner: organisation, kind, contact, fields of action and areas."""
    if not allowed(user, "plan_edit"):
        return
    n = st.session_state.get("plan_partner_nonce", 0)
    names = dict(zip(ds.areas["code"], ds.areas["name"]))
    with st.expander(t("plan_partner_new", lang), expanded=False), st.form(f"plan_partner_form_{n}"):
        org = st.text_input(t("plan_partner_org", lang), max_chars=200)
        kind = st.text_input(t("plan_partner_kind", lang), max_chars=80)
        contact = st.text_input(t("plan_partner_contact", lang), max_chars=300)
        fields = st.multiselect(
            t("plan_partner_fields", lang),
            repo.fields(auth.engine()),
            placeholder=t("choose_options", lang),
            select_all=common.select_all(),
        )
        areas = st.multiselect(
            t("plan_partner_areas", lang),
            list(names),
            placeholder=t("choose_options", lang),
            format_func=lambda c: f"{c} {names[c]}",
            select_all=common.select_all(),
        )
        submitted = st.form_submit_button(t("plan_partner_save", lang), type="primary")
    if not submitted:
        return
    try:
        rec = repo.create(
            auth.engine(),
            user,
            "partner",
            {"organisation": org, "kind": kind, "contact": contact, "fields": fields, "areas": areas},
        )
    except StoreError as exc:
        st.error(str(exc))
        return
    saved(t("plan_partner_saved", lang, id=rec["id"]), "plan_partner_nonce")


MODES = ("point", "draw", "areas")


def _mode(location: Location | None, form_key: str, lang: str) -> str:
    key = f"plan_loc_mode_{form_key}"
    kind = location["type"] if location else None
    common.choice(key, list(MODES), "draw" if kind in {"Polygon", "MultiPolygon"} else "point")
    return str(
        st.radio(
            t("plan_loc_mode", lang),
            MODES,
            key=key,
            horizontal=True,
            format_func=lambda m: t(f"plan_loc_mode_{m}", lang),
        )
    )


def location_picker(ds, rec: Mapping[str, Any], form_key: str, lang: str) -> Location | None:
    """The measure's place, kept per form until saved: a point clicked, an area drawn (polygon or
    rectangle) or areas of the geography clicked (into :func:`picked_areas`); None for no place."""
    key = f"plan_loc_{form_key}"
    if key not in st.session_state:
        st.session_state[key] = rec.get("location") or None
    st.markdown(f"**{t('plan_loc_title', lang)}**")
    mode = _mode(st.session_state[key], form_key, lang)
    place = st.session_state[key]
    chosen = picked_areas(rec, form_key)
    if mode != "point":
        st.caption(t(f"plan_loc_{mode}_hint", lang))
    out = st_folium(
        pick_map(
            ds,
            place,
            voice=common.voice(),
            tiles=common.tiles(),
            draw=mode == "draw",
            chosen=chosen if mode == "areas" else (),
        ),
        key=f"plan_pick_{form_key}_{mode}_{st.session_state.get(f'{key}_n', 0)}",
        height=360,
        use_container_width=True,
        returned_objects=["all_drawings"] if mode == "draw" else ["last_clicked"],
    )
    if mode == "draw":
        _drawn(ds, out, form_key)
    else:
        clicked = (out or {}).get("last_clicked")
        if clicked and clicked != st.session_state.get(f"{key}_seen"):
            st.session_state[f"{key}_seen"] = clicked
            lat, lng = float(clicked["lat"]), float(clicked["lng"])
            if mode == "point":
                st.session_state[key] = {"type": "Point", "coordinates": [round(lng, 6), round(lat, 6)]}
            else:
                _toggle(ds, chosen, lat, lng, form_key)
                # a fresh map: the component keeps its last click, so a second click on the same spot
                # (to take the area out again) would send nothing new
                st.session_state[f"{key}_n"] = st.session_state.get(f"{key}_n", 0) + 1
                st.session_state.pop(f"{key}_seen", None)
            st.rerun()
    if mode == "areas":
        names = dict(zip(ds.areas["code"].astype(str), ds.areas["name"].astype(str)))
        st.caption(
            t("plan_loc_areas_chosen", lang, areas=", ".join(f"{c} {names.get(c, '')}".strip() for c in chosen))
            if chosen
            else t("plan_loc_areas_none", lang)
        )
    _place_line(place, key, form_key, lang)
    return st.session_state[key]


def _drawn(ds, out: dict | None, form_key: str) -> None:
    """Keep the area drawn last (all drawings of the tool as one geometry); a bad one is said. The
    areas it lies in become the measure's areas if none were chosen yet."""
    key = f"plan_loc_{form_key}"
    drawings = (out or {}).get("all_drawings")
    if not drawings or drawings == st.session_state.get(f"{key}_drawn"):
        return
    st.session_state[f"{key}_drawn"] = drawings
    try:
        area = drawn_location(drawings)
    except SozialmonitorError as exc:
        common.show_error(exc)
        return
    if area is not None and area != st.session_state[key]:
        st.session_state[key] = area
        if not st.session_state.get(f"plan_areas_{form_key}"):
            st.session_state[f"plan_areas_{form_key}"] = areas_covered(ds.areas, area)
        st.rerun()


def _place_line(place: Location | None, key: str, form_key: str, lang: str) -> None:
    if not place:
        st.caption(t("plan_loc_none", lang))
        return
    c1, c2 = st.columns([3, 1])
    if place["type"] == "Point":
        lon, lat = place["coordinates"][:2]
        c1.caption(t("plan_loc_point", lang, lat=fmt_number(lat, 5, lang), lon=fmt_number(lon, 5, lang)))
    else:
        c1.caption(t("plan_loc_area", lang, km2=fmt_number(area_km2(place), 2, lang)))
    if c2.button(t("plan_loc_clear", lang), key=f"plan_loc_clear_{form_key}"):
        st.session_state[key] = None
        st.rerun()


def picked_areas(rec: Mapping[str, Any], form_key: str) -> list[str]:
    """The measure's areas as chosen so far in this form (clicked on the map or the record's)."""
    key = f"plan_areas_{form_key}"
    if key not in st.session_state:
        st.session_state[key] = [str(a) for a in rec.get("areas", [])]
    return list(st.session_state[key])


def _toggle(ds, chosen: list[str], lat: float, lng: float, form_key: str) -> None:
    hit = area_at(ds.areas, lat, lng)
    if hit is None:
        return
    code = str(ds.areas.loc[hit, "code"])
    st.session_state[f"plan_areas_{form_key}"] = [c for c in chosen if c != code] if code in chosen else [*chosen, code]


def delete_button(user: User, entity: str, rec: StoredKeys, lang: str, *, name: str) -> None:
    """A delete button for one record (its ``id`` and ``version`` are read), asking first; a yes puts the
    record in the trash (admins restore).

    Shown only to those who may delete; the store checks again and audits the delete.
    """
    if not allowed(user, "plan_delete"):
        return
    ask = f"plan_confirm_{entity}_{rec['id']}"
    what = t(f"plan_ent_{entity}", lang)
    if not st.session_state.get(ask):
        label = t("plan_delete" if entity == "measure" else f"plan_delete_{entity}", lang)
        if st.button(label, key=f"plan_del_{entity}_{rec['id']}", help=t("plan_delete_which", lang)):
            st.session_state[ask] = True
            st.rerun()
        return
    st.warning(t("plan_delete_confirm", lang, entity=what, id=rec["id"], name=name))
    c1, c2 = st.columns(2)
    if c2.button(t("plan_delete_no", lang), key=f"plan_del_no_{entity}_{rec['id']}"):
        st.session_state.pop(ask, None)
        st.rerun()
    if c1.button(t("plan_delete_yes", lang), key=f"plan_del_yes_{entity}_{rec['id']}", type="primary"):
        st.session_state.pop(ask, None)
        try:
            repo.delete(auth.engine(), user, entity, rec["id"], version=rec.get("version"))
        except StoreError as exc:
            common.show_error(exc)
            return
        if entity == "measure":
            st.session_state["plan_reset"] = True
        saved(
            t("plan_deleted_entity", lang, entity=what, id=rec["id"]),
            "plan_form_nonce" if entity == "measure" else None,
        )


def _what(change: dict, lang: str) -> str:
    return t(
        "plan_undo_what",
        lang,
        entity=t(f"plan_ent_{change['entity']}", lang),
        id=change["id"],
        action=t(f"plan_act_{change['action']}", lang),
    )


def undo_and_trash(user: User, lang: str) -> None:
    """The undo button for the user's last change; for admins the trash with a restore per record."""
    if not allowed(user, "plan_edit"):
        return
    try:
        last = trash.last_change(auth.engine(), user)
    except StoreError as exc:
        st.error(str(exc))
        return
    if last is not None and st.button(t("plan_undo", lang, what=_what(last, lang)), key="plan_undo_btn"):
        try:
            done = trash.undo(auth.engine(), user)
        except StoreError as exc:
            st.error(str(exc))
        else:
            st.session_state["plan_reset"] = True
            saved(t("plan_undo_done", lang, what=_what(done, lang)))
    if not allowed(user, "plan_delete"):
        return
    binned = trash.trash(auth.engine(), user)
    with st.expander(t("plan_trash", lang, n=len(binned))):
        if not binned:
            st.caption(t("plan_trash_empty", lang))
        for b in binned:
            c1, c2 = st.columns([4, 1])
            c1.write(
                t(
                    "plan_trash_line",
                    lang,
                    entity=t(f"plan_ent_{b['entity']}", lang),
                    id=b["id"],
                    name=b["name"],
                    user=b["deleted_by"],
                    when=day(b["deleted"], voice=common.voice()),
                )
            )
            if c2.button(t("plan_restore", lang), key=f"plan_restore_{b['entity']}_{b['id']}"):
                try:
                    trash.restore(auth.engine(), user, b["entity"], b["id"])
                except StoreError as exc:
                    st.error(str(exc))
                else:
                    saved(t("plan_restored", lang, entity=t(f"plan_ent_{b['entity']}", lang), id=b["id"]))
