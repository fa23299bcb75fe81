"""Verwaltung (admins): the audit log, filterable, and the accounts."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from indicators.audit_view import accounts_table, action_name, audit_table
from indicators.wording import display_columns, t
from store import audit, users
from store.errors import StoreError
from ui import auth, common


def render() -> None:
    lang = common.lang()
    voice = common.voice()
    user = auth.current_user()
    st.subheader(t("audit_title", lang))
    c1, c2, c3 = st.columns(3)
    since = c1.date_input(
        t("audit_since", lang),
        dt.date.today() - dt.timedelta(days=30),
        key="audit_since",
        format=t("date_input_format", lang),
    )
    action = c2.selectbox(
        t("audit_action", lang),
        ["", *audit.ACTIONS],
        key="audit_action",
        format_func=lambda a: action_name(a, voice=voice) if a else t("audit_any_action", lang),
    )
    who = c3.text_input(t("audit_user", lang), key="audit_user")
    try:
        rows = audit.entries(auth.engine(), user, since=since, action=action or None, user=who.strip() or None)
        accounts = users.list_users(auth.engine(), user)
    except StoreError as exc:
        common.show_error(exc)
        return
    frame = audit_table([e.to_json_dict() for e in rows], voice=voice)  # local times, named actions, readable details
    st.dataframe(display_columns(frame, lang, {"action": t("audit_action", lang)}), hide_index=True, width="stretch")
    st.subheader(t("users_title", lang))
    st.dataframe(
        display_columns(
            accounts_table(
                [
                    {
                        "name": a.name,
                        "role": a.role,
                        "source": a.source,
                        "last_login": a.last_login,
                        "locked_until": a.locked_until,
                    }
                    for a in accounts
                ],
                voice=voice,
            ),
            lang,
            {"name": t("col_user", lang)},
        ),
        hide_index=True,
        width="stretch",
    )
