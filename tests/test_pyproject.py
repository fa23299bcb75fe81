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


def test_ruff_checks_arguments_and_complexity():
    lint = CONFIG["tool"]["ruff"]["lint"]
    assert {"PLR0913", "C901", "ARG"} <= set(lint["select"])
    assert lint["pylint"]["max-args"] == 8
    assert lint["mccabe"]["max-complexity"] <= 12
