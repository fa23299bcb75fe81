"""Who is using the app: mode ``none`` (the local planner), ``local`` (login form) or ``oidc`` (st.login).

The library enforces the roles (store.permissions); this module only finds the acting
:class:`~store.permissions.User` for the session and offers login and logout.

The Streamlit session holds a user id and a session id only (:mod:`store.sessions`); role and
existence are read from the database on every script run, so a role change, a password reset
or a removal ends the user's sessions at their next click. In mode ``local`` the browser keeps
the session's random token in a cookie (set by a line of JavaScript: Streamlit cannot set an
HttpOnly cookie), so a reload or an opened link resumes the login within its limits; the
server stores only the token's SHA-256 and rotates it at every resume (README, Access).
"""

from __future__ import annotations

import json
import logging

import streamlit as st
from streamlit.errors import StreamlitAuthError

from indicators.errors import error_text
from indicators.text import md
from indicators.wording import t
from indicators.wording.message import render
from indicators.wording.voice import Voice
from store import config, db, sessions, users
from store.errors import AuthError, DatabaseError
from store.permissions import ANONYMOUS, User, role_label

_UID, _SID = "auth_uid", "auth_sid"
_TRIED = "auth_resume_tried"  # the cookie was looked at once in this Streamlit session
_COOKIE_OUT = "auth_cookie_out"  # the token to hand to the browser in the next run ("" clears it)
COOKIE = "sm_session"
_log = logging.getLogger(__name__)


def engine():
    """The upgraded database engine of this server (schema upgraded on first use)."""
    return db.engine_for()


def _lang() -> str:
    return st.session_state.get("lang", "de")


def _client() -> str:
    """What the session is bound to: the browser's user agent (an IP changes behind proxies and on Wi-Fi)."""
    return str(st.context.headers.get("User-Agent") or "")  # empty without a request (AppTest, bare mode)


def client_address() -> str:
    """The browser's address as the server sees it (for throttling logins); empty if unknown."""
    return str(st.context.ip_address or "")  # None without a request


def _forget() -> None:
    for key in (_UID, _SID):
        st.session_state.pop(key, None)


def _remember(opened: sessions.Opened) -> None:
    st.session_state[_UID], st.session_state[_SID] = opened.user.id, opened.sid
    if opened.token is not None and config.auth_mode() == "local":
        st.session_state[_COOKIE_OUT] = opened.token


def _resume_from_cookie() -> None:
    """Once per Streamlit session: a reload or an opened link carries the login's token in a cookie."""
    if st.session_state.get(_TRIED):
        return
    st.session_state[_TRIED] = True
    token = st.context.cookies.get(COOKIE)  # empty without a request
    if token:
        opened = sessions.resume(engine(), str(token), client=_client())
        if opened is not None:
            _remember(opened)


def _oidc_start() -> None:
    if not getattr(st.user, "is_logged_in", False):
        _forget()
        return
    if _SID in st.session_state:
        return
    try:
        user = users.oidc_user(engine(), st.user.to_dict())
    except AuthError as exc:
        st.session_state["auth_error"] = error_text(exc, voice=Voice.of(_lang()))
        st.logout()
        return
    _remember(sessions.open_session(engine(), user, client=_client()))


def current_user() -> User:
    """The acting user of this session (anonymous if nobody is logged in), as the database has them now."""
    mode = config.auth_mode()
    if mode == "none":
        return users.local_user(engine())
    if mode == "oidc":
        _oidc_start()
    else:
        _resume_from_cookie()
    sid, uid = st.session_state.get(_SID), st.session_state.get(_UID)
    if sid is None or uid is None:
        return ANONYMOUS
    checked = sessions.check(engine(), sid=int(sid), uid=int(uid))
    if checked.user is not None:
        return checked.user
    _forget()
    st.session_state[_COOKIE_OUT] = ""
    st.session_state["auth_error"] = t("session_expired" if checked.reason == "expired" else "session_ended", _lang())
    if mode == "oidc" and getattr(st.user, "is_logged_in", False):
        st.logout()
    return ANONYMOUS


def _cookie_script() -> None:
    """Hand the browser its token (or clear it) by a line of JavaScript; once, in the run after the change."""
    if _COOKIE_OUT not in st.session_state:
        return
    token = st.session_state.pop(_COOKIE_OUT)
    max_age = int(config.session_hours() * 3600) if token else 0
    value = json.dumps(f"{COOKIE}={token}; Path=/; Max-Age={max_age}; SameSite=Strict")
    st.sidebar.html(
        f"<script>document.cookie = {value} + (location.protocol === 'https:' ? '; Secure' : '');</script>",
        unsafe_allow_javascript=True,
        width="content",
    )


def _login_form(where) -> None:
    lang = _lang()
    if config.auth_mode() == "oidc":
        if where.button(t("login_oidc", lang), key="login_oidc"):
            try:
                st.login()
            except StreamlitAuthError as exc:  # missing or broken [auth] in .streamlit/secrets.toml
                _log.warning("OIDC login not configured: %s", exc)
                where.error(t("login_oidc_not_configured", lang))
        return
    with where.form("login_form", clear_on_submit=True):
        st.markdown(f"**{t('login_title', lang)}**")
        name = st.text_input(t("login_user", lang), key="login_name")
        password = st.text_input(t("login_password", lang), type="password", key="login_password")
        submitted = st.form_submit_button(t("login_button", lang))
    if submitted:
        try:
            user = users.authenticate(engine(), name.strip(), password, client=client_address())
            opened = sessions.open_session(engine(), user, client=_client())
        except AuthError as exc:
            st.session_state["auth_error"] = error_text(exc, voice=Voice.of(lang))
        except DatabaseError as exc:
            st.session_state["auth_error"] = t("login_db_failure", lang, message=error_text(exc, voice=Voice.of(lang)))
        else:
            _remember(opened)
            st.session_state.pop("auth_error", None)
            st.cache_data.clear()
        st.rerun()


def _logout(user: User) -> None:
    sid = st.session_state.get(_SID)
    if sid is not None:
        sessions.end(engine(), sid=int(sid), user=user)
    _forget()
    st.session_state[_COOKIE_OUT] = ""
    if config.auth_mode() == "oidc":
        st.logout()
    st.rerun()


def _database_failure(exc: DatabaseError) -> None:
    """The database cannot be used (locked, read-only, unreachable, bad URL): a message, not a traceback."""
    lang = _lang()
    st.title(t("app_title", lang))
    st.error(t("login_db_failure", lang, message=error_text(exc, voice=Voice.of(lang))))
    st.stop()


def gate() -> User:
    """Sidebar login/logout; without login and without ``SOZIALMONITOR_ANONYMOUS`` only a login form
    (the script stops there). Returns the acting user."""
    try:
        user = current_user()
    except DatabaseError as exc:
        _database_failure(exc)
        raise  # not reached: st.stop() ends the run
    if config.auth_mode() == "none":
        return user
    _cookie_script()
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
        st.sidebar.caption(f"{t('logged_in_as', lang)} **{md(user.name)}** ({render(role_label(user.role), lang)})")
        if st.sidebar.button(t("logout_button", lang), key="logout"):
            _logout(user)
    return user
