"""One voice: the library takes a bound :class:`~indicators.wording.voice.Voice`, not a ``lang`` threaded through.

Issue 24 asked for "a bound wording object instead of ``lang`` threaded through the library". The
front doors (``ui`` pages, ``cli.py`` through ``commands.registry``) make one voice; everything below
takes it as ``voice=`` and renders with it. Only the wording primitives themselves (the wording table,
the number formats) still take a language code, since the voice is built on them. This guard keeps a
``lang`` parameter from coming back into the library.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from testkit import ROOT

LIBRARY = ("indicators", "geo", "store", "commands")
#: The primitives the voice is made of: they take the language code on purpose.
PRIMITIVES = ("indicators/wording/", "indicators/formatting.py")


def lang_parameters(root: Path) -> list[str]:
    """``module:line name`` of every library function below ``root`` with a ``lang`` parameter."""
    out = []
    for package in LIBRARY:
        for path in sorted((root / package).rglob("*.py")):
            rel = path.relative_to(root).as_posix()
            if rel.startswith(PRIMITIVES):
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    args = node.args
                    if "lang" in {a.arg for a in [*args.posonlyargs, *args.args, *args.kwonlyargs]}:
                        out.append(f"{rel}:{node.lineno} {node.name}")
    return out


def test_no_library_function_takes_a_language_code() -> None:
    assert lang_parameters(ROOT) == []


def test_the_primitives_exist() -> None:
    assert (ROOT / "indicators/wording/voice.py").is_file() and (ROOT / PRIMITIVES[1]).is_file()


# The guard on trees of its own (SYNTHETIC modules written here), so it is known to fail when it should.


@pytest.mark.parametrize(
    ("module", "source", "found"),
    [
        ("geo/report/x.py", "def page(*, lang='de'):\n    pass\n", ["geo/report/x.py:1 page"]),
        ("store/x.py", "class A:\n    def text(self, lang):\n        pass\n", ["store/x.py:2 text"]),
        ("geo/report/x.py", "def page(*, voice=None):\n    pass\n", []),
        ("indicators/wording/x.py", "def t(key, lang='de'):\n    pass\n", []),
        ("ui/pages/x.py", "def render(lang):\n    pass\n", []),
    ],
)
def test_the_guard_finds_a_lang_parameter_in_the_library_only(tmp_path, module, source, found) -> None:
    path = tmp_path / module
    path.parent.mkdir(parents=True)
    path.write_text(source, encoding="utf-8")
    for package in LIBRARY:
        (tmp_path / package).mkdir(exist_ok=True)
    assert lang_parameters(tmp_path) == found
