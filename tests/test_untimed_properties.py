"""No property test times itself: a correct test must pass on a busy machine.

hypothesis checks time in two places: a deadline per example (200 ms unless set) and the
"too slow" health check of data generation. The profiles in ``tests/conftest.py`` switch both
off; a test's own ``@settings(...)`` replaces the profile's value for what it names, so this
guard reads every ``settings(...)`` call in the tests: a deadline, where given, is ``None``,
and a list of suppressed health checks, where given, holds ``too_slow`` (or every check).
"""

from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import HealthCheck, settings

TESTS = Path(__file__).resolve().parent


def _settings_calls() -> list[tuple[str, ast.Call]]:
    calls = []
    for path in sorted(TESTS.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name in {"settings", "register_profile"}:
                    calls.append((f"{path.relative_to(TESTS)}:{node.lineno}", node))
    return calls


def _timed(call: ast.Call) -> list[str]:
    problems = []
    for kw in call.keywords:
        if kw.arg == "deadline" and not (isinstance(kw.value, ast.Constant) and kw.value.value is None):
            problems.append("deadline is not None")
        if kw.arg == "suppress_health_check":
            text = ast.unparse(kw.value)
            if "too_slow" not in text and text != "list(HealthCheck)":
                problems.append(f"suppress_health_check={text} lets 'too_slow' fail a busy run")
    return problems


def test_no_property_test_has_a_deadline_or_the_too_slow_check() -> None:
    calls = _settings_calls()
    assert len(calls) > 20  # the guard sees the tests' settings (a broken walk would pass vacuously)
    found = {where: p for where, call in calls if (p := _timed(call))}
    assert not found, found


def test_the_active_profile_is_untimed() -> None:
    assert settings().deadline is None
    assert HealthCheck.too_slow in settings().suppress_health_check


def test_the_guard_would_see_a_timed_test() -> None:
    bad = ast.parse("settings(deadline=200, suppress_health_check=[HealthCheck.function_scoped_fixture])").body[0]
    assert isinstance(bad, ast.Expr) and isinstance(bad.value, ast.Call)
    assert len(_timed(bad.value)) == 2
