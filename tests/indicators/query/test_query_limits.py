"""Hostile queries: deep nesting and huge text end in a QueryError, never a RecursionError."""

import subprocess
import sys

import pytest
from testkit import ROOT

from indicators.catalogue import load_catalogue
from indicators.query.evaluate import QueryError, parse
from indicators.query.syntax import MAX_DEPTH, MAX_QUERY_CHARS

CAT = load_catalogue()


@pytest.mark.parametrize(
    "text",
    [
        "(" * 1200 + "share_65plus > 1" + ")" * 1200,
        "nicht " * 1200 + "share_65plus > 1",
        "(" * 5000,
        "share_65plus > 1 und " * 2000 + "share_65plus > 1",
    ],
)
def test_deep_or_long_queries_are_refused_with_a_message(text):
    with pytest.raises(QueryError) as err:
        parse(text, CAT)
    assert "verschachtelt" in str(err.value) or "zu lang" in str(err.value)


def test_nesting_up_to_the_limit_still_works():
    n = MAX_DEPTH
    node = parse("(" * n + "share_65plus > 1" + ")" * n, CAT)
    assert node is not None
    assert len("share_65plus > 1 und " * 10) < MAX_QUERY_CHARS


def test_cli_query_deep_nesting_is_a_message():
    text = "(" * 1200 + "share_65plus > 1" + ")" * 1200
    res = subprocess.run(
        [sys.executable, "cli.py", "query", text], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert res.returncode == 1 and "verschachtelt" in res.stderr and "Traceback" not in res.stderr + res.stdout
