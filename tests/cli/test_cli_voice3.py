"""One voice (issue 24, Deliver 4), round 3: every expected error of the library carries a wording key.

* a guard over every library package (found by walking the folders, not a hand list): no raise of a
  project error (a subclass of ``SozialmonitorError``) and no finding of a file report builds its
  message as inline text;
* a property over every ``msg("key", …)`` call of the library: the key exists and the call passes
  exactly the placeholders of its German and English text (a missing one would fail only when the
  error is shown, in front of a user);
* every error text has an English text of its own;
* with ``SOZIALMONITOR_LANG=en`` the command line shows one sample of each error kind in English.
"""

from __future__ import annotations

import ast
import os
import re
import string
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from testkit import ROOT

from indicators.wording import TEXTS, THEMES

PACKAGES = ("indicators", "geo", "store", "commands")
BASE = "SozialmonitorError"
TEXT_CALLS = {"format", "join", "str", "repr"}  # calls that build a text in one language


def library_modules() -> list[Path]:
    """Every Python module of the library packages (Alembic's migration scripts aside)."""
    return sorted(p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py") if "migrations" not in p.parts)


@cache
def trees() -> dict[Path, ast.Module]:
    return {p: ast.parse(p.read_text(encoding="utf-8")) for p in library_modules()}


@cache
def project_errors() -> frozenset[str]:
    """Names of the classes that derive (directly or not) from ``SozialmonitorError``, read from the source."""
    bases: dict[str, set[str]] = {}
    for tree in trees().values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases.setdefault(node.name, set()).update(
                    b.id if isinstance(b, ast.Name) else b.attr
                    for b in node.bases
                    if isinstance(b, ast.Name | ast.Attribute)
                )
    found = {BASE}
    grew = True
    while grew:
        new = {name for name, bs in bases.items() if bs & found} - found
        found |= new
        grew = bool(new)
    return frozenset(found)


def _text_built(node: ast.AST) -> bool:
    """Whether ``node`` builds a message as text: a literal with a space, an f-string, ``+``/``%``, ``.format`` …"""
    if isinstance(node, ast.JoinedStr | ast.BinOp):
        return True
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and " " in node.value
    if isinstance(node, ast.Call):
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        return name in TEXT_CALLS
    return False


def inline_messages(tree: ast.Module) -> list[int]:
    """Lines of raises of a project error whose first argument is built text (directly or via a name)."""
    texts = {
        t.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and _text_built(node.value)
        for t in node.targets
        if isinstance(t, ast.Name)
    }
    lines = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args):
            continue
        func = node.exc.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name not in project_errors():
            continue  # a programming error (ValueError …) is no user message; ruff's EM rules keep it tidy
        first = node.exc.args[0]
        if _text_built(first) or (isinstance(first, ast.Name) and first.id in texts):
            lines.append(node.lineno)
    return lines


def test_the_guard_knows_the_project_errors():
    errors = project_errors()
    assert {
        "InputError",
        "UnknownGeography",
        "StoreError",
        "PlanError",
        "UnsafeFileError",
        "GridError",
        "ZonalError",
        "DatabaseError",
        "PermissionDenied",
    } <= errors
    assert "ValueError" not in errors


def test_the_guard_finds_inline_text():
    # the forms the old code used are caught; the new ones pass
    caught = ast.parse(
        'problem = f"{n} fehlt"\n'
        'raise InputError(f"{path}: nicht lesbar")\n'
        'raise StoreError("Die Installation ist nicht leer (" + ", ".join(x) + ")")\n'
        'raise PlanError("Es gibt keine eigene Änderung")\n'
        "raise GridError(BUSY.format(n=2))\n"
        "raise InputError(problem)\n"
    )
    assert inline_messages(caught) == [2, 3, 4, 5, 6]
    fine = ast.parse(
        'raise InputError(msg("err_x", path=path))\nraise ValueError(problem)\n'
        "raise UploadError(error_message(exc)) from None\n"
    )
    assert inline_messages(fine) == []


@pytest.mark.parametrize("module", library_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_inline_sentence_in_a_raise(module):
    # an expected error's text is a wording key (msg("err_…")), rendered in the reader's language at the front door
    assert not inline_messages(trees()[module]), (module, inline_messages(trees()[module]))


def inline_findings(tree: ast.Module) -> list[int]:
    """Lines where a file report gets a finding as built text: ``report.add(row, column, f"…")``, ``reject_file("…")``."""
    lines = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("add", "reject_file")
        ):
            at = 0 if node.func.attr == "reject_file" else 2  # Report.add(row, column, problem, …)
            if len(node.args) > at and _text_built(node.args[at]):
                lines.append(node.lineno)
    return lines


def test_the_findings_guard_finds_inline_text():
    tree = ast.parse(
        'report.add(3, "x", f"keine Zahl: {v}")\nreport.reject_file("Datei leer")\n'
        'report.add(3, "x", msg("fac_no_points"))\nseen.add(own)\n'
    )
    assert inline_findings(tree) == [1, 2]


@pytest.mark.parametrize("module", library_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_inline_sentence_in_a_finding(module):
    # a file check's finding is shown in the reader's language: a wording key, like an error
    assert not inline_findings(trees()[module]), (module, inline_findings(trees()[module]))


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def msg_calls() -> list[tuple[str, int, str, set[str] | None]]:
    """``(module, line, key, keyword names or None for **kwargs)`` of every ``msg("key", …)`` in the library."""
    out = []
    for path, tree in trees().items():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "msg"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                names = None if any(k.arg is None for k in node.keywords) else {k.arg for k in node.keywords if k.arg}
                out.append((str(path.relative_to(ROOT)), node.lineno, node.args[0].value, names))
    return out


def test_every_msg_call_passes_exactly_the_placeholders_of_its_text():
    calls = msg_calls()
    assert len(calls) > 300  # the whole library, not a sample
    wrong = []
    for module, line, key, names in calls:
        if key not in TEXTS:
            wrong.append((module, line, key, "unknown key"))
            continue
        need = _fields(TEXTS[key][0]) | _fields(TEXTS[key][1])
        if names is not None and names != need:
            wrong.append((module, line, key, sorted(names ^ need)))
    assert not wrong, wrong


ERROR_THEMES = [name for name in THEMES if name.startswith("errors")]


@pytest.mark.parametrize("key", sorted(k for theme in ERROR_THEMES for k in THEMES[theme]))
def test_every_error_text_has_an_english_text_of_its_own(key):
    de, en = TEXTS[key]
    words = set(re.findall(r"[A-Za-zÄÖÜäöüß]{3,}", re.sub(r"\{[^}]*\}", "", de)))
    if words - {"Import", "Partner", "HTTP"}:  # the same in both languages
        assert en != de, key  # a sentence in German must not stand in the English slot as well
    assert not re.search(r"[äöüÄÖÜ]", re.sub(r"\{[^}]*\}|Straße|Zensus|Lübeck", "", en)), (key, en)


def run(args, lang, **env):
    full = {**os.environ, "SOZIALMONITOR_LANG": lang, **env}
    return subprocess.run(
        [sys.executable, "cli.py", *args], cwd=ROOT, capture_output=True, text=True, env=full, timeout=120
    )


CASES = [  # (id, arguments, extra environment, files to write, the English message's start)
    ("grid command", ["grid", "import"], {}, {}, "Error: grid import needs --file FILE"),
    (
        "estimate shape",
        ["estimate", "--polygon", "{tmp}/a.geojson", "--lon", "10.7", "--lat", "53.9", "--radius", "50"],
        {},
        {"a.geojson": "{}"},
        "Error: give either --polygon or --lon/--lat/--radius, not both.",
    ),
    (
        "raster file",
        ["zonal", "--raster", "{tmp}/r.tif"],
        {},
        {"r.tif": "no tiff"},
        "Error: r.tif: no GeoTIFF file (TIFF signature missing)",
    ),
    (
        "database",
        ["users", "list"],
        {"SOZIALMONITOR_DB_URL": "nonsense:://"},
        {},
        "Error: SOZIALMONITOR_DB_URL: (invalid address) is no valid database address",
    ),
    (
        "plan import",
        ["plan", "import", "{tmp}/foo.csv"],
        {},
        {"foo.csv": "a;b\n1;2\n"},
        "foo.csv: not usable – a CSV file must be named 'Massnahmen…' or 'Ziele…'",
    ),
]


@pytest.mark.parametrize(("args", "env", "files", "english"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_the_command_line_shows_each_kind_of_error_in_english(tmp_path, args, env, files, english):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    args = [a.format(tmp=tmp_path) for a in args]
    env = {"SOZIALMONITOR_DATA_DIR": str(tmp_path / "data"), **env}
    en = run(args, "en", **env)
    out = en.stderr + en.stdout
    assert english in out and "Traceback" not in out, out
    assert not re.search(r"\b(nicht|keine?|Datei|bitte|Fehler)\b", out), out  # no German word left
    de = run(args, "", **env)
    assert de.returncode == en.returncode and english not in de.stderr + de.stdout  # German by default
