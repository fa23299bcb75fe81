"""Tests mirror modules: every library module has ``tests/<path>/test_<name>.py`` or a row in MIRROR.md.

``tests/MIRROR.md`` says for each module without a mirrored test where it is tested instead, or why it
needs none. This guard keeps that list and the code in step (a new module, a removed or renamed one,
a renamed test file).
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

import pytest
from testkit import ROOT

LIBRARY = ("indicators", "geo", "store", "commands")
LIST = "tests/MIRROR.md"
ROW = re.compile(r"^\|\s*`([^`]+\.py|[^`]*\*[^`]*)`\s*\|(.*)\|\s*$")
CITED = re.compile(r"`(tests/[^`]+\.py)`")


def library_modules(root: Path) -> list[str]:
    """Every module of the library packages below ``root`` (``__init__.py`` aside), as a posix path."""
    return sorted(
        p.relative_to(root).as_posix()
        for pkg in LIBRARY
        if (root / pkg).is_dir()
        for p in (root / pkg).rglob("*.py")
        if p.name != "__init__.py"
    )


def mirror_of(module: str) -> str:
    """``geo/spatial/pattern.py`` → ``tests/geo/spatial/test_pattern.py``."""
    path = Path(module)
    return (Path("tests") / path.parent / f"test_{path.name}").as_posix()


def listed(text: str) -> dict[str, str]:
    """The rows of MIRROR.md: module path (or pattern with ``*``) → what it says."""
    rows = (ROW.match(line.strip()) for line in text.splitlines())
    return {m.group(1): m.group(2).strip() for m in rows if m}


def problems(root: Path, text: str) -> list[str]:
    """What is out of step between the library, its tests and the list ``text`` (empty when all is well)."""
    modules = library_modules(root)
    rows = listed(text)
    exact = {k: v for k, v in rows.items() if "*" not in k}
    patterns = [k for k in rows if "*" in k]
    out = []
    for module in modules:
        if (root / mirror_of(module)).is_file() or module in exact:
            continue
        if not any(fnmatch.fnmatch(module, pat) for pat in patterns):
            out.append(f"{module}: no {mirror_of(module)} and no row in {LIST}")
    for module in exact:
        if module not in modules:
            out.append(f"{LIST} lists {module}, which is no library module (removed or renamed?)")
        elif (root / mirror_of(module)).is_file():
            out.append(f"{LIST} lists {module}, which now has {mirror_of(module)}: remove the row")
    for pat in patterns:
        if not any(fnmatch.fnmatch(m, pat) for m in modules):
            out.append(f"{LIST}: pattern {pat} matches no module")
    for key, says in rows.items():
        if not says:
            out.append(f"{LIST}: the row of {key} gives no reason")
        out.extend(
            f"{LIST}: the row of {key} cites {cited}, which does not exist"
            for cited in CITED.findall(says)
            if not (root / cited).is_file()
        )
    return out


def test_every_library_module_is_mirrored_or_listed() -> None:
    assert problems(ROOT, (ROOT / LIST).read_text(encoding="utf-8")) == []


def test_wording_machinery_is_not_hidden_by_the_pattern_of_the_tables() -> None:
    """``indicators/wording/*.py`` covers the theme tables (data); a machinery module has code of its own."""
    from indicators.wording import MACHINERY

    exact = {k for k in listed((ROOT / LIST).read_text(encoding="utf-8")) if "*" not in k}
    for name in MACHINERY:
        module = f"indicators/wording/{name}.py"
        assert (ROOT / mirror_of(module)).is_file() or module in exact, module


# The guard on a tree of its own (SYNTHETIC files made here), so it is known to fail when it should.


def _tree(tmp_path: Path, files: list[str]) -> Path:
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    return tmp_path


def test_a_new_module_without_test_or_row_is_named(tmp_path: Path) -> None:
    root = _tree(tmp_path, ["geo/__init__.py", "geo/a.py", "geo/b.py", "tests/geo/test_a.py"])
    assert problems(root, "") == ["geo/b.py: no tests/geo/test_b.py and no row in tests/MIRROR.md"]
    assert problems(root, "| `geo/b.py` | constants only |") == []


def test_a_nested_module_needs_the_nested_test(tmp_path: Path) -> None:
    root = _tree(tmp_path, ["store/planning/rows.py", "tests/store/test_rows.py"])
    assert problems(root, "") == [
        "store/planning/rows.py: no tests/store/planning/test_rows.py and no row in tests/MIRROR.md"
    ]


def test_patterns_cover_what_they_match_and_must_match_something(tmp_path: Path) -> None:
    root = _tree(tmp_path, ["indicators/wording/ui.py", "indicators/wording/maps.py"])
    assert problems(root, "| `indicators/wording/*.py` | tables |") == []
    assert problems(root, "| `indicators/wording/*.py` | tables |\n| `geo/old/*` | gone |") == [
        "tests/MIRROR.md: pattern geo/old/* matches no module"
    ]


@pytest.mark.parametrize(
    ("row", "complaint"),
    [
        ("| `geo/gone.py` | was here |", "which is no library module"),
        ("| `geo/a.py` | tested |", "which now has tests/geo/test_a.py"),
        ("| `geo/b.py` | `tests/geo/test_renamed.py` |", "cites tests/geo/test_renamed.py, which does not exist"),
        ("| `geo/b.py` |  |", "gives no reason"),
    ],
)
def test_stale_rows_are_named(tmp_path: Path, row: str, complaint: str) -> None:
    root = _tree(tmp_path, ["geo/a.py", "geo/b.py", "tests/geo/test_a.py"])
    rows = row if "geo/b.py" in row else "| `geo/b.py` | constants |\n" + row  # geo/b.py needs its row
    found = problems(root, rows)
    assert len(found) == 1 and complaint in found[0]
