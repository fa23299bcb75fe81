"""Shared pieces of the Streamlit views: cached loading, language, URL state."""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

import streamlit as st
from streamlit.errors import Error as StreamlitError

from geo.geographies import Geography
from geo.loading import load_dataset
from geo.uploads.datastore import DataStore, startup_cleanup
from geo.webmap.layer import TileSource
from indicators.dataset import Dataset
from indicators.errors import error_text
from indicators.text import md
from indicators.wording import t
from indicators.wording.message import render
from indicators.wording.voice import Voice

T = TypeVar("T")
MEMO_ENTRIES = 256  # values of one kind kept per loaded dataset (e.g. area profiles of a grid geography)
_MEMO = "_ui_memo"
_MEMO_LOCK = threading.Lock()
_log = logging.getLogger(__name__)


def store() -> DataStore:
    """The saved datasets as this session's user sees and may change them."""
    from ui.auth import current_user

    return DataStore(user=current_user())


@st.cache_resource(show_spinner=False)
def _started() -> bool:
    """Once per server process: data directory 0700, stale temporary folders removed."""
    from geo.uploads.slots import set_notice

    startup_cleanup()
    set_notice(_busy_notice)
    return True


def _busy_notice(_notice: object) -> None:
    """A check waits for a free slot: say so in the page (a notice must not fail the check)."""
    try:
        st.info(t("file_checks_busy", lang()))
    except StreamlitError:  # Streamlit's own (no session, an element not allowed here): the log has it
        _log.debug("busy notice not shown", exc_info=True)


def geographies() -> dict[str, Geography]:
    """Shipped geographies plus the saved ones this session's user may read (see geo.uploads.datastore)."""
    _started()
    return store().geographies()


@st.cache_resource(show_spinner=False, max_entries=8)
def _load(geo_id: str, cache_key: tuple) -> Dataset:  # noqa: ARG001 (keys the Streamlit cache)
    # cache_key (paths + mtimes) is part of the key, so a changed file reloads.
    # cache_resource, not cache_data: the Dataset is shared read-only by all
    # sessions instead of being unpickled on every rerun (views never mutate it).
    return load_dataset(geographies()[geo_id])


def dataset(geo_id: str) -> Dataset:
    """The dataset of a geography, cached by file paths and modification times."""
    geo = geographies()[geo_id]
    return _load(geo_id, geo.cache_key())


def derived(ds: Dataset, key: tuple[Hashable, ...], make: Callable[[], T], keep: int = MEMO_ENTRIES) -> T:
    """``make()``, computed once per loaded dataset and ``key``, then reused by every rerun and session.

    The loaded Dataset is shared read-only by all sessions (:func:`_load`); what is derived
    from it is kept on that object, at most ``keep`` values per kind (``key[0]``), the least
    recently used first out. So it lives and dies with the dataset (a changed file loads a
    new one), and a session only gets it through a dataset its user was allowed to open.
    ``key`` names everything else ``make`` depends on (indicator, year, area, language);
    the value is shared, so callers must not change it (copy what they change).
    """
    kinds: dict = vars(ds).setdefault(_MEMO, {})
    with _MEMO_LOCK:
        memo: OrderedDict = kinds.setdefault(key[0], OrderedDict())
        if key in memo:
            memo.move_to_end(key)
            return memo[key]
    value = make()
    with _MEMO_LOCK:
        memo[key] = value
        while len(memo) > keep:
            memo.popitem(last=False)
    return value


def years(ds: Dataset) -> dict[str, tuple[int, ...]]:
    """The years with values of every indicator of ``ds`` (one pass over the values, once per dataset)."""

    def make() -> dict[str, tuple[int, ...]]:
        pairs = ds.values[["indicator", "year"]].drop_duplicates()
        by = {str(i): tuple(sorted(int(y) for y in g)) for i, g in pairs.groupby("indicator", sort=False)["year"]}
        return {i: by.get(i, ()) for i in ds.catalogue} | by

    return derived(ds, ("years",), make)


def years_for(ds: Dataset, indicator: str) -> list[int]:
    """:meth:`Dataset.years_for`, from :func:`years` (no filter over the values on every rerun)."""
    return list(years(ds).get(indicator, ()))


def url_default(key: str, default):
    """Value from the URL query string if present, else ``default``."""
    value = st.query_params.get(key)
    return default if value in (None, "") else value


_REMEMBERED = "_view_state"  # the view as last written to the URL (or as the opening link had it)


def _remembered() -> dict[str, str]:
    """The shared view of this session: seeded from the opening link, updated by :func:`sync_url`.

    Streamlit clears the query string and the widgets of a page when the planner switches pages;
    this copy lets the next page (and the page after) start from the same geography, indicator
    and map settings, and lets every page write them back to its URL.
    """
    if _REMEMBERED not in st.session_state:
        st.session_state[_REMEMBERED] = {k: str(v) for k, v in st.query_params.to_dict().items()}
    return st.session_state[_REMEMBERED]


def remembered(key: str) -> str | None:
    """The remembered URL value of ``key`` (None if none)."""
    return _remembered().get(key)


def forget(*keys: str) -> None:
    """Drop ``keys`` from the remembered view and the URL."""
    sync_url(**dict.fromkeys(keys))


def init_state(key: str, default, cast=str, valid=None, param: str | None = None) -> None:
    """Initialise a widget's session state once: from the URL, else from the remembered view.

    ``param`` is the URL name when it differs from the widget key.
    """
    if key in st.session_state:
        return
    name = param or key
    raw = url_default(name, None)
    if raw is None:
        raw = remembered(name)
    value = default
    if raw is not None:
        try:
            value = cast(raw)
        except (TypeError, ValueError):
            value = default
        if valid is not None and value not in valid:
            value = default
    st.session_state[key] = value


_RELABEL = "_relabel_keys"  # widget keys whose option labels depend on the language
_LANG_SEEN = "_lang_seen"  # the language of the previous run


def choice(
    key: str, options, default, *, cast=str, param: str | None = None, label: str | None = None, shown=None
) -> None:
    """Make ``st.session_state[key]`` one of ``options`` before its widget is drawn.

    The one place where the state of a single-choice widget is validated against the current
    page, geography, method and language: on first use the value comes from the URL (or the
    remembered view), afterwards it is the widget's own state. A value that is not (or no
    longer) an option falls back to ``default`` (or the first option), and, when ``label`` is
    given, a note in the sidebar says so instead of an empty or failing widget. The widget's
    option labels may depend on the language: the key is kept as the value (see
    :func:`language_switch`).

    Parameters
    ----------
    key : str
        The widget key (session state).
    options : sequence
        The valid values (keys, never translated words).
    default : object
        The value used when the state is missing or invalid (the first option if not an option).
    cast : callable
        Turns a URL text into a value (``int`` for years).
    param : str, optional
        The URL name when it differs from ``key``.
    label : str, optional
        The widget's label; when given, a fallback is noted in the sidebar.
    shown : callable, optional
        How the fallback value is named in the note (the widget's ``format_func``).
    """
    options = list(options)
    remember_labels(key)
    if not options:
        return
    fallback = default if default in options else options[0]
    if key not in st.session_state:
        init_state(key, fallback, cast, set(options), param=param)
        return
    if st.session_state[key] in options:
        return
    st.session_state[key] = fallback
    if label is not None:
        st.sidebar.caption(t("state_fallback", lang(), label=label, value=shown(fallback) if shown else str(fallback)))


def choices(key: str, options, default, *, label: str | None = None) -> None:
    """Like :func:`choice` for a multiselect: unknown entries are dropped; if none is left of a
    non-empty choice, ``default`` (restricted to ``options``) is used, with a note."""
    options = list(options)
    remember_labels(key)
    fallback = [v for v in default if v in options]
    current = st.session_state.get(key)
    if current is None:
        st.session_state[key] = fallback
        return
    kept = [v for v in current if v in options]
    if current and not kept:
        kept = fallback
        if label is not None:
            st.sidebar.caption(t("state_fallback_multi", lang(), label=label))
    if kept != list(current):
        st.session_state[key] = kept


def remember_labels(key: str) -> None:
    """Note that the widget ``key`` shows its options in the user's language (see :func:`language_switch`)."""
    keys = st.session_state.get(_RELABEL)
    if keys is None:
        keys = st.session_state[_RELABEL] = set()
    keys.add(key)


def _relabel_after_switch(current: str) -> None:
    """After a language switch, hand every labelled widget its value (a key) again.

    The browser keeps a choice widget's value as its shown label ("Stand") and sends that label
    back with the next click; under the new language's labels it would be no option (or, worse,
    read as another one). Setting the state again in the run of the switch makes Streamlit send
    the label of the new language to the browser, so the key survives every later click.
    """
    before = st.session_state.get(_LANG_SEEN)
    st.session_state[_LANG_SEEN] = current
    if before is None or before == current:
        return
    for key in sorted(st.session_state.get(_RELABEL, ())):
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def sync_url(**values) -> None:
    """Write the current view state to the URL (and the remembered view) so a link reopens it."""
    view = _remembered()
    for key, value in values.items():
        text = "" if value is None else str(value)
        if text:
            view[key] = text
        else:
            view.pop(key, None)
        if st.query_params.get(key) != text:
            if text:
                st.query_params[key] = text
            elif key in st.query_params:
                del st.query_params[key]


def tiles() -> TileSource | None:
    """Base-map tiles of a local tile server, if the site configured one.

    None by default: the city outline gives orientation and nothing is loaded
    from outside. Set ``SOZIALMONITOR_TILE_URL`` (e.g.
    ``http://tiles.intranet/{z}/{x}/{y}.png``) and ``SOZIALMONITOR_TILE_ATTRIBUTION``.
    """
    url = os.environ.get("SOZIALMONITOR_TILE_URL")
    if not url:
        return None
    return TileSource(url=url, attribution=os.environ.get("SOZIALMONITOR_TILE_ATTRIBUTION") or "")


def lang() -> str:
    return st.session_state.get("lang", "de")


def select_all() -> bool:
    """Whether a multiselect offers Streamlit's "Select all" entry: its text is fixed English (Streamlit
    has no parameter for it), so it is offered where the page speaks English and left out in German."""
    return lang() == "en"


def voice() -> Voice:
    """The page's :class:`~indicators.wording.voice.Voice` (the chosen language), handed to what renders."""
    return Voice.of(lang())


def language_switch() -> str:
    """Sidebar switch Deutsch/English; German by default."""
    init_state("lang", "de", str, {"de", "en"})
    st.sidebar.radio(
        t("language", lang()),
        ["de", "en"],
        key="lang",
        horizontal=True,
        format_func=lambda x: {"de": "Deutsch", "en": "English"}[x],
    )
    _relabel_after_switch(st.session_state["lang"])
    sync_url(lang=st.session_state["lang"] if st.session_state["lang"] != "de" else None)
    return st.session_state["lang"]


def picked_dataset() -> tuple[str, Dataset]:
    """:func:`geography_picker` and :func:`dataset` with one look-up of the readable geographies."""
    geos = geographies()
    geo_id = _pick_geography(geos)
    return geo_id, _load(geo_id, geos[geo_id].cache_key())


def page_dataset(lang: str) -> tuple[str, Dataset] | None:
    """The opening of a page that shows indicators: :func:`picked_dataset`, or None (with a note,
    :func:`has_indicators`) for a dataset without any indicator, e.g. boundaries only."""
    geo_id, ds = picked_dataset()
    return (geo_id, ds) if has_indicators(ds, lang) else None


def geography_picker() -> str:
    """Sidebar choice of the geography; returns its id.

    The geography is part of the shared view: ``?geo=…`` in the URL (``?geography=…`` is read
    too), kept across pages and written back to every page's URL, together with the indicator.
    The choice lives in the remembered view, not in a widget key: Streamlit resets a keyed
    widget when the planner switches pages.
    """
    return _pick_geography(geographies())


def _pick_geography(geos: dict[str, Geography]) -> str:
    view = _remembered()
    chosen = url_default("geo", None) or url_default("geography", None) or view.get("geo")
    if chosen not in geos:
        chosen = "stadtteile" if "stadtteile" in geos else next(iter(geos))
    options = list(geos)
    now = lang()  # bound now: the label function may be called after the run (e.g. by AppTest)
    names = {g: geos[g].label(voice=Voice.of(now)) for g in options}
    geo = st.sidebar.selectbox(t("geography", now), options, index=options.index(chosen), format_func=names.__getitem__)
    st.session_state["geography"] = geo
    sync_url(geo=geo, geography=None, indicator=remembered("indicator"))
    return geo


def show_error(message: object, kind: str = "error") -> None:
    """An error (or warning) from data or user input as plain text: first line in the box, the rest as code.

    Messages quote file names, labels and query text; none of it may render as
    Markdown (see :func:`indicators.text.md`).
    """
    text = error_text(message, voice=voice()) if isinstance(message, BaseException) else render(message, lang())
    first, _, rest = text.partition("\n")
    getattr(st, kind)(md(first))
    if rest.strip():
        st.code(rest, language=None)


def has_indicators(ds: Dataset, lang: str) -> bool:
    """False (with a note) for a dataset without any indicator that has values, e.g. boundaries only."""
    if any(years(ds).get(i) for i in ds.catalogue):
        return True
    st.info(t("no_indicators", lang))
    return False


def source_footer(ds: Dataset, indicator: str | None = None) -> None:
    """Source, licence and attribution under every view."""
    st.caption(f"{t('licence_line', lang())}: {md(ds.attribution(indicator))}")
