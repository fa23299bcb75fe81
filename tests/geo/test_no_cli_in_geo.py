"""Command-line handling lives in ``commands/``: no library module under ``geo/`` parses arguments."""

from __future__ import annotations

import ast
from pathlib import Path

GEO = Path(__file__).resolve().parents[2] / "geo"


def test_no_geo_module_imports_argparse():
    users = []
    for path in GEO.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            if "argparse" in names:
                users.append(str(path.relative_to(GEO)))
    assert users == []
