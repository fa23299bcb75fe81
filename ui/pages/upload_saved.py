"""Daten laden, "Gespeicherte Daten": the saved datasets a user may read, with publish, withdraw
and remove (with confirmation) by role, and the trash."""

from __future__ import annotations

import streamlit as st

from geo.uploads.datastore import DataStore
from geo.uploads.pipeline import withdraw_copy
from geo.uploads.table import UploadError
from indicators.text import md
from indicators.wording import t
from store.errors import StoreError
from store.permissions import allowed
from ui import common
from ui.pages.upload_common import changed, saved


def saved_list(store: DataStore, lang: str) -> None:
    """Saved datasets the user may read; remove (with confirmation), publish and the trash by role."""
    listed = store.list()
    if not listed:
        st.write(t("up_no_saved_data_yet", lang))
    by_name = {d.name: d for d in listed}
    for item in listed:
        _saved_item(store, item, by_name, lang)
    if allowed(store.user, "restore"):
        _trash(store, lang)


def _saved_item(store: DataStore, item, by_name: dict, lang: str) -> None:
    """One saved dataset: its line, publish, withdraw (a colleague's copy of the user's data) or remove."""
    c1, c2, c3 = st.columns([4, 1, 1])
    vis = t("visibility_public" if item.public else "visibility_internal", lang)
    c1.markdown(f"**{md(item.label)}** ({md(item.name)}) · {vis} · {md(item.owner or '–')}")
    owner_id = item.record.owner_id if item.record else None
    if allowed(store.user, "publish") and c3.button(
        t("unpublish_button" if item.public else "publish_button", lang), key=f"pub_{item.name}"
    ):
        _try(lambda it=item: store.publish(it.name, not it.public))
    source = by_name.get(str((item.meta or {}).get("based_on") or ""))
    if (
        source is not None
        and source.record
        and store.user.id is not None
        and source.record.owner_id == store.user.id
        and owner_id != store.user.id
    ):
        # a colleague's copy of the user's dataset (its published values): the owner may withdraw it
        if c2.button(t("dc_withdraw_button", lang), key=f"wd_{item.name}", help=t("dc_withdraw_help", lang)):
            try:
                withdraw_copy(store, item.name)
            except (StoreError, UploadError) as exc:
                common.show_error(exc)
            else:
                saved(t("dc_withdrawn", lang, name=item.name, source=source.name))
        return
    if not allowed(store.user, "remove", owner_id):
        return
    if st.session_state.get("rm_confirm") == item.name:
        st.warning(t("remove_confirm", lang))
        y, n = st.columns(2)
        if y.button(t("remove_yes", lang), key=f"rm_yes_{item.name}"):
            st.session_state.pop("rm_confirm", None)
            _try(lambda it=item: store.remove(it.name))
        if n.button(t("remove_no", lang), key=f"rm_no_{item.name}"):
            st.session_state.pop("rm_confirm", None)
            st.rerun()
    elif c2.button(t("remove_button", lang), key=f"rm_{item.name}"):
        st.session_state["rm_confirm"] = item.name
        st.rerun()


def _trash(store: DataStore, lang: str) -> None:
    """The removed datasets, each with a restore button."""
    st.markdown(f"**{t('trash_title', lang)}**")
    trashed = store.trash()
    if not trashed:
        st.caption(t("trash_empty", lang))
    for item in trashed:
        c1, c2 = st.columns([4, 1])
        when = item.record.removed_at.strftime("%d.%m.%Y %H:%M") if item.record and item.record.removed_at else ""
        c1.markdown(f"**{md(item.label)}** ({md(item.name)}) · {when}")
        if c2.button(t("restore_button", lang), key=f"restore_{item.name}"):
            _try(lambda it=item: store.restore(it.name))


def _try(action) -> None:
    try:
        action()
    except StoreError as exc:
        common.show_error(exc)
    else:
        changed()
