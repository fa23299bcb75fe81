"""The tool configuration in pyproject.toml keeps its promises (issue #25, "the house")."""

from __future__ import annotations

import tomllib
from pathlib import Path

CONFIG = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8"))


def test_mypy_checks_every_package_and_the_front_doors_with_untyped_defs():
    mypy = CONFIG["tool"]["mypy"]
    assert set(mypy["files"]) >= {"indicators", "geo", "store", "ui", "commands", "app.py", "cli.py"}
    assert mypy["check_untyped_defs"] is True


def test_indicators_and_store_have_no_untyped_defs():
    strict = [o for o in CONFIG["tool"]["mypy"]["overrides"] if {"indicators.*", "store.*"} <= set(o["module"])]
    assert strict and strict[0]["disallow_untyped_defs"] is True


STRICT_FLAGS = {
    "disallow_any_generics",
    "disallow_subclassing_any",
    "disallow_untyped_calls",
    "disallow_untyped_decorators",
    "warn_return_any",
    "no_implicit_reexport",
    "strict_equality",
    "extra_checks",
}


def test_indicators_and_most_of_store_are_strict_flag_by_flag():
    strict = [o for o in CONFIG["tool"]["mypy"]["overrides"] if "indicators.*" in o["module"] and "strict" not in o]
    flags = {k for o in strict for k, v in o.items() if v is True}
    assert flags >= STRICT_FLAGS
    modules = {m for o in strict for m in o["module"]}
    assert {"store.audit", "store.db", "store.users", "store.sessions", "store.permissions", "store.models"} <= modules


def test_ruff_checks_arguments_and_complexity():
    lint = CONFIG["tool"]["ruff"]["lint"]
    assert {"PLR0913", "C901", "ARG"} <= set(lint["select"])
    assert lint["pylint"]["max-args"] == 8
    assert lint["mccabe"]["max-complexity"] <= 12
