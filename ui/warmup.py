"""Load the start page's libraries and data while the server starts, not on the first visit.

A fresh Python process spends about 1.5 s importing geopandas, folium and mapclassify
(which loads scipy, scikit-learn and matplotlib) and 0.2 s loading the Stadtteil
dataset. ``cli.py serve`` (what ``make run`` calls) runs :func:`start` before
Streamlit's server starts, so this happens while the browser is still loading
Streamlit's front end. Under plain ``streamlit run app.py`` nothing is started and
:func:`wait` returns at once.

Two stages. ``app.py`` calls :func:`wait`, which returns after the first: every
module the pages import at the top, and the dataset. The session then draws its
sidebar while mapclassify (second stage, needed only when the first classes are
computed) is still loading; the session's own ``import mapclassify`` simply waits on
Python's import lock. Since the session imports nothing else that is not loaded by
then, the two threads never import the same chain of modules at the same time.

Only modules that do not declare Streamlit components belong here: a component
(streamlit-folium) declared outside a script run is not registered with the
server, and its map would never load.
"""

from __future__ import annotations

import gc
import importlib
import logging
import threading

from indicators.errors import SozialmonitorError

FIRST = (  # what the pages import at the top (pandas, geopandas, folium, branca, yaml, ...)
    "geo.webmap.folium_map",
    "geo.join",
    "indicators.compute.flags",
    "indicators.compute.profile",
    "indicators.compute.ranking",
    "indicators.compute.smoothing",
    "indicators.compute.timeseries",
    "geo.printmap.spec",
    "geo.printmap.text",
    "indicators.query.syntax",
    "ui.common",
    "ui.downloads",
    "ui.pages",
    "ui.pages.atlas_profile",  # the atlas's profile part (its imports are the atlas's own)
    "streamlit.emojis",  # st.set_page_config(page_icon=🗺️) looks the icon up in its table of every emoji
)
SECOND = ("mapclassify",)  # scipy.stats, scikit-learn, matplotlib.pyplot: about 1 s
DEFAULT_GEOGRAPHY = "stadtteile"  # the atlas opens on it (ui.common.geography_picker)
# What warming up can meet and the first script run meets again, with a message: a module that
# does not import, the dataset's files or an expected error loading it. Anything else is a bug.
WARM_ERRORS: tuple[type[Exception], ...] = (ImportError, OSError, SozialmonitorError)
_log = logging.getLogger(__name__)
_started = threading.Event()
_ready = threading.Event()  # first stage done
_done = threading.Event()  # both stages done


def _import(modules: tuple[str, ...]) -> None:
    for name in modules:
        importlib.import_module(name)


def _warm(
    first: tuple[str, ...], second: tuple[str, ...], geography: str | None, gc_threshold: tuple[int, ...] | None
) -> None:
    restore = gc.get_threshold()
    if gc_threshold:
        gc.set_threshold(*gc_threshold)
    try:
        try:
            _import(first)
            if geography:
                from ui import common

                common.dataset(geography)  # fills the st.cache_resource the sessions share
        except WARM_ERRORS:  # the first script run will do it again and report the error
            _log.exception("warm-up failed")
        finally:
            _ready.set()
        try:
            _import(second)
            _map_module_files()
        except WARM_ERRORS:
            _log.exception("warm-up failed")
    finally:  # also after a bug (which threading's excepthook prints with its traceback)
        # modules and the cached dataset live as long as the server: keep them out of
        # every later garbage collection (cheaper collections during reruns)
        gc.freeze()
        gc.set_threshold(*restore)
        _done.set()


def _map_module_files() -> None:
    """Fill :mod:`inspect`'s table of module files now, not in the first script run.

    Streamlit's first element of a server process calls ``inspect.stack()`` (the "not run
    with streamlit run" check), which maps the file of every loaded module once: a realpath
    per module, some 0.2–0.3 s with the ~2800 modules loaded by then. Later calls map only
    modules imported since.
    """
    import inspect
    import sys

    inspect.getmodule(sys._getframe())  # a frame has no __module__: this maps sys.modules


def start(
    first: tuple[str, ...] = FIRST,
    second: tuple[str, ...] = SECOND,
    geography: str | None = DEFAULT_GEOGRAPHY,
    gc_threshold: tuple[int, ...] | None = None,
) -> threading.Thread:
    """Import ``first``, load ``geography``, then import ``second``, in a background (daemon) thread.

    ``gc_threshold``: garbage-collector thresholds while warming up; the previous ones are
    restored at the end.
    """
    _started.set()
    thread = threading.Thread(target=_warm, args=(first, second, geography, gc_threshold), name="warmup", daemon=True)
    thread.start()
    return thread


def wait(timeout: float = 120.0) -> bool:
    """Block until the first stage of a started warm-up has finished.

    Returns ``True`` if none was started or the stage finished within ``timeout``.
    """
    return _ready.wait(timeout) if _started.is_set() else True
