"""Who is using the app: mode ``none`` (the local planner), ``local`` (login form) or ``oidc`` (st.login).

The library enforces the roles (store.permissions); this module only finds the acting
:class:`~store.permissions.User` for the session and offers login and logout.
"""
from __future__ import annotations

import time

import streamlit as st

from store import config, db, users
from store.errors import AuthError
from store.permissions import ANONYMOUS, ROLE_LABELS, User
from ui.i18n import t

_KEY, _SEEN = "auth_user", "auth_seen"


def engine():
    """The upgraded database engine of this server (schema upgraded on first use)."""
    return db.engine_for()


def _expired() -> bool:
    seen = st.session_state.get(_SEEN)
    return seen is not None and time.time() - seen > config.session_minutes() * 60


def _oidc_user() -> User | None:
    if not getattr(st.user, "is_logged_in", False):
        return None
    cached = st.session_state.get(_KEY)
    if cached is not None:
        return cached
    try:
        user = users.oidc_user(engine(), st.user.to_dict())
    except AuthError as exc:
        st.session_state["auth_error"] = str(exc)
        st.logout()
        return None
    st.session_state[_KEY] = user
    return user


def current_user() -> User:
    """The acting user of this session (anonymous if nobody is logged in)."""
    mode = config.auth_mode()
    if mode == "none":
        return users.local_user(engine())
    if _expired():
        st.session_state.pop(_KEY, None)
        st.session_state.pop(_SEEN, None)
        st.session_state["auth_error"] = t("session_expired", _lang())
        if mode == "oidc" and getattr(st.user, "is_logged_in", False):
            st.logout()
    user = _oidc_user() if mode == "oidc" else st.session_state.get(_KEY)
    if user is None:
        return ANONYMOUS
    st.session_state[_SEEN] = time.time()
    return user


def _lang() -> str:
    return st.session_state.get("lang", "de")


def _login_form(where) -> None:
    lang = _lang()
    if config.auth_mode() == "oidc":
        if where.button(t("login_oidc", lang), key="login_oidc"):
            try:
                st.login()
            except Exception as exc:  # missing or broken [auth] in .streamlit/secrets.toml
                where.error(f"Anmeldung über OpenID Connect nicht eingerichtet: [auth] in .streamlit/secrets.toml "
                            f"prüfen (README, Abschnitt Access) – {type(exc).__name__}")
        return
    with where.form("login_form", clear_on_submit=True):
        st.markdown(f"**{t('login_title', lang)}**")
        name = st.text_input(t("login_user", lang), key="login_name")
        password = st.text_input(t("login_password", lang), type="password", key="login_password")
        submitted = st.form_submit_button(t("login_button", lang))
    if submitted:
        try:
            user = users.authenticate(engine(), name.strip(), password)
        except AuthError as exc:
            st.session_state["auth_error"] = str(exc)
        else:
            st.session_state[_KEY], st.session_state[_SEEN] = user, time.time()
            st.session_state.pop("auth_error", None)
            st.cache_data.clear()
        st.rerun()


def _logout() -> None:
    st.session_state.pop(_KEY, None)
    st.session_state.pop(_SEEN, None)
    if config.auth_mode() == "oidc":
        st.logout()
    st.rerun()


def gate() -> User:
    """Sidebar login/logout; without login and without ``SOZIALMONITOR_ANONYMOUS`` only a login form
    (the script stops there). Returns the acting user."""
    user = current_user()
    if config.auth_mode() == "none":
        return user
    lang = _lang()
    error = st.session_state.pop("auth_error", None)
    if user.is_anonymous and not config.anonymous_allowed():
        st.title(t("app_title", lang))
        st.info(t("login_required", lang))
        if error:
            st.error(error)
        _login_form(st)
        st.stop()
    if user.is_anonymous:
        if error:
            st.sidebar.error(error)
        _login_form(st.sidebar)
    else:
        st.sidebar.caption(f"{t('logged_in_as', lang)} **{user.name}** ({ROLE_LABELS[user.role]})")
        if st.sidebar.button(t("logout_button", lang), key="logout"):
            _logout()
    return user
