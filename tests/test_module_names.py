"""Names that mislead: a library module named like a top-level package, or two forms of one word side by side.

``geo/uploads/store.py`` (the ``DataStore``) once sat beside the package ``store/``, and
``indicators/needs/assess.py`` beside ``indicators/needs/assessment.py``; a reader could not tell from
the name which one to open. This guard keeps such pairs from coming back.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from testkit import ROOT

PACKAGES = ("indicators", "geo", "store", "commands", "ui")
#: Endings that make a second form of the same word (``assess`` / ``assessment``, ``flag`` / ``flags``).
FORMS = ("s", "es", "ment", "ion", "ing", "er")
#: Modules allowed to carry a package's name, with the reason.
EXEMPT = {
    "indicators/wording/ui.py": "the wording table of the theme 'ui' (every table is named after its theme)",
}


def _modules(root: Path) -> list[Path]:
    return sorted(p for pkg in PACKAGES if (root / pkg).is_dir() for p in (root / pkg).rglob("*.py"))


def misleading(root: Path) -> list[str]:
    """What misleads in the library below ``root`` (empty when all is well)."""
    out = []
    siblings: dict[Path, set[str]] = {}
    for path in _modules(root):
        rel = path.relative_to(root).as_posix()
        if path.stem in PACKAGES and rel not in EXEMPT:
            out.append(f"{rel} is named like the package {path.stem}/")
        if path.name != "__init__.py":
            siblings.setdefault(path.parent, set()).add(path.stem)
            siblings.setdefault(path.parent.parent, set()).add(path.parent.name)
    for folder, names in sorted(siblings.items()):
        out.extend(
            f"{(folder / a).relative_to(root).as_posix()} and {b}: two forms of one word"
            for a in sorted(names)
            for b in sorted(names)
            if b.startswith(a) and b[len(a) :] in FORMS
        )
    return out


def test_no_library_module_name_misleads() -> None:
    assert misleading(ROOT) == []


def test_every_exemption_names_an_existing_module() -> None:
    assert all((ROOT / module).is_file() for module in EXEMPT)


# The guard on trees of its own (SYNTHETIC empty files made here), so it is known to fail when it should.


@pytest.mark.parametrize(
    ("files", "complaint"),
    [
        (["geo/uploads/store.py", "store/db.py"], "geo/uploads/store.py is named like the package store/"),
        (["indicators/needs/assess.py", "indicators/needs/assessment.py"], "indicators/needs/assess and assessment"),
        (["geo/flag.py", "geo/flags/a.py"], "geo/flag and flags"),
    ],
)
def test_the_old_names_are_named(tmp_path: Path, files: list[str], complaint: str) -> None:
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    found = misleading(tmp_path)
    assert len(found) == 1 and found[0].startswith(complaint)


def test_renamed_modules_pass(tmp_path: Path) -> None:
    for name in [
        "geo/uploads/datastore.py",
        "store/db.py",
        "indicators/needs/wide.py",
        "indicators/needs/assessment.py",
    ]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    assert misleading(tmp_path) == []
