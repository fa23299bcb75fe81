"""One voice: every rendered page in English has none of a German word list, and the German page
none of an English one (AppTest walks the pages; data names and source lines are proper names)."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest
from testkit import ROOT

PAGES = ("atlas", "needs", "compare", "queries", "upload", "planning", "methods", "about")
PAGE = """
import sys
sys.path.insert(0, {root!r})
from ui import common
from ui.pages import {page}
common.language_switch()
{page}.render()
"""
GERMAN = re.compile(
    r"\b(und|oder|nicht|keine?|bitte|Bitte|Jahr|Jahre|Gebiete?|Anteil|Fehler|Hinweis|gesperrt|"
    r"Maßnahmen?|Vergleich|geplant|laufend|Klassen|wählen|Spalten?|Wert|Quote|Einwohner\w*|"
    r"Auswahl|Abbrechen|Zeile|Datei|für|mit|über|Über)\b"
)
ENGLISH = re.compile(
    r"\b(the|and|or|not|please|Please|Select all|Choose|options|Error|Areas?|Year|values?|"
    r"Cancel|rows?|file|with|for|about|Measure|planned|running|Comparison)\b"
)
# proper names and source lines: the same in both languages
SKIP = re.compile(
    r"^(Quelle|Source|Quellen|Sources)\b|©|hl-quarto-db|Hansestadt|Zensus|Statistikstelle|"
    r"Schulverzeichnis|Kartengrundlage|OpenStreetMap|dl-de|CC BY|CC0"
)


def _texts(at: AppTest) -> list[str]:
    out = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning", "error", "success"):
        out += [str(e.value) for e in at.get(kind)]
    for kind in (
        "selectbox",
        "multiselect",
        "text_input",
        "number_input",
        "slider",
        "select_slider",
        "radio",
        "checkbox",
        "button",
        "date_input",
        "toggle",
    ):
        for w in at.get(kind):
            out.append(str(getattr(w, "label", "") or ""))
            out.append(str(getattr(w, "help", "") or ""))
            out.append(str(getattr(w, "placeholder", "") or ""))
            out += [str(o) for o in (getattr(w, "options", None) or [])]  # as shown (format_func applied)
    for kind in ("expander", "tab"):
        out += [str(getattr(e, "label", "") or "") for e in at.get(kind)]
    for frame in at.get("dataframe"):
        out += [str(c) for c in frame.value.columns]
        for col in frame.value.columns:  # text cells (names of areas are proper names: no list word hits them)
            if frame.value[col].dtype == object:
                out += [str(v) for v in frame.value[col].head(50)]
    from store.planning.models import DEFAULT_FIELDS  # the city's own fields of action: stored names, data

    return [x for x in out if x and not SKIP.search(x) and x not in DEFAULT_FIELDS]


def _run(page: str, lang: str, tmp_path, monkeypatch) -> AppTest:
    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(tmp_path))
    at = AppTest.from_string(PAGE.format(root=str(ROOT), page=page), default_timeout=180)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("page", PAGES)
def test_an_english_page_has_no_german_words(page, tmp_path, monkeypatch):
    hits = sorted(
        {
            f"{m.group(0)!r} in {x[:80]!r}"
            for x in _texts(_run(page, "en", tmp_path, monkeypatch))
            for m in GERMAN.finditer(x)
        }
    )
    assert not hits, hits


@pytest.mark.parametrize("page", PAGES)
def test_a_german_page_has_no_english_words(page, tmp_path, monkeypatch):
    hits = sorted(
        {
            f"{m.group(0)!r} in {x[:80]!r}"
            for x in _texts(_run(page, "de", tmp_path, monkeypatch))
            for m in ENGLISH.finditer(x)
        }
    )
    assert not hits, hits


def test_no_german_page_offers_streamlits_english_select_all():
    """Streamlit's multiselect shows a fixed English "Select all" entry (no parameter for its text): every
    multiselect of the pages says whether to offer it, through ``common.select_all`` (English pages only)."""
    import ast

    missing = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_multiselect = isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "multiselect"
            if is_multiselect and not any(k.arg == "select_all" for k in node.keywords):
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert missing == []


def test_no_cached_function_has_a_fixed_language_spinner():
    """``st.cache_data(show_spinner="Datei wird geprüft …")`` is fixed at import, German on English pages:
    a cached function's spinner is ``False`` or ``True`` and the caller wraps it in ``st.spinner(t(…))``."""
    import ast

    fixed = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for k in node.keywords if isinstance(node, ast.Call) else ():
                if k.arg == "show_spinner" and isinstance(k.value, ast.Constant) and isinstance(k.value.value, str):
                    fixed.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert fixed == []


@pytest.mark.parametrize(("lang", "offered"), [("de", False), ("en", True)])
def test_select_all_is_offered_in_english_only(lang, offered):
    at = AppTest.from_string(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nimport streamlit as st\nfrom ui import common\n"
        f"st.session_state['lang'] = {lang!r}\nst.multiselect('x', ['a', 'b'], select_all=common.select_all())\n"
    )
    at.run()
    assert not at.exception
    assert at.multiselect[0].proto.select_all == (-1 if offered else 0)
