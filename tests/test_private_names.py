"""No private name (``_norm`` …) is imported from another package (issue #25: shared helpers move down)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("indicators", "geo", "store", "ui", "commands")


def _crossings() -> list[str]:
    out = []
    for pkg in PACKAGES:
        for path in (ROOT / pkg).rglob("*.py"):
            rel = path.relative_to(ROOT).with_suffix("")
            parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
            importer_pkg = ".".join(parts[:-1]) if rel.name != "__init__" else ".".join(parts)
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.ImportFrom) or not node.module or node.level:
                    continue
                private = [a.name for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]
                home = (
                    node.module.rsplit(".", 1)[0]
                    if (ROOT / (node.module.replace(".", "/") + ".py")).exists()
                    else node.module
                )
                if private and not (importer_pkg == home or importer_pkg.startswith(home + ".")):
                    out.append(f"{'.'.join(parts)} imports {private} from {node.module}")
    return out


def test_no_private_name_is_imported_across_packages():
    assert _crossings() == []
