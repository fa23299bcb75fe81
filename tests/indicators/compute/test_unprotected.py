"""Issue 23, Deliver 2: raw values live in one type, and only listed modules read them (SYNTHETIC counts)."""

import ast
from pathlib import Path

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.catalogue import Indicator, load_catalogue
from indicators.compute.disclosure import MIN_COUNT, apply_disclosure
from indicators.compute.rates import compute_indicators
from indicators.compute.unprotected import UNPROTECTED_READERS, UnprotectedTable
from indicators.dataset import Dataset
from indicators.ingest.report import Report

ROOT = Path(__file__).resolve().parents[3]
PACKAGES = ("indicators", "geo", "store", "ui", "commands")


def _sources():
    for pkg in PACKAGES:
        yield from sorted((ROOT / pkg).rglob("*.py"))
    yield from (ROOT / f for f in ("app.py", "cli.py") if (ROOT / f).exists())


def test_only_listed_modules_read_unprotected_cells():
    """A new output cannot reach raw values by accident: `.unprotected()` outside the list fails here."""
    readers = set()
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(isinstance(n, ast.Attribute) and n.attr in ("unprotected", "_frame") for n in ast.walk(tree)):
            readers.add(path.relative_to(ROOT).as_posix())
    assert readers <= UNPROTECTED_READERS, sorted(readers - UNPROTECTED_READERS)


def test_a_dataset_holds_its_table_only_as_the_one_type():
    t = pd.DataFrame([("01", 2022, "births", 2.0)], columns=["area_code", "year", "variable", "value"])
    ds = Dataset(None, pd.DataFrame(), t, {}, {}, pd.DataFrame(), Report("synthetisch"))
    assert isinstance(ds.table, UnprotectedTable)
    assert "2.0" not in repr(ds.table) and "2.0" not in str(ds.table)
    assert not hasattr(ds.table, "to_csv") and not hasattr(ds.table, "__getitem__")


CAT = load_catalogue()
PARTS = ("pop_under18", "pop_18_64", "pop_65plus")
IDS = [
    "population_total",
    *PARTS,
    "share_under18",
    "births",
    "natural_balance_per_1000",
    "deaths",
    "population_change_pct",
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries({v: st.integers(0, 6) | st.integers(0, 90) for v in (*PARTS, "births", "deaths")}),
        min_size=2,
        max_size=5,
    ),
    st.sets(st.sampled_from(["unused_count", "x"]), max_size=1),
)
def test_the_protected_view_holds_only_what_the_outputs_show(areas, extra):
    rows = []
    for year in (2021, 2022):
        for i, c in enumerate(areas, start=1):
            rows += [(f"{i:02d}", year, v, float(x)) for v, x in c.items()]
            rows.append((f"{i:02d}", year, "population_total", float(sum(c[p] for p in PARTS))))
            rows += [(f"{i:02d}", year, e, 1.0) for e in extra]  # a variable no indicator uses
    table = pd.DataFrame(rows, columns=["area_code", "year", "variable", "value"])
    values = apply_disclosure(compute_indicators(table, CAT, IDS), CAT)
    view = UnprotectedTable(table).protected(values, CAT)
    shown = values[~values["suppressed"]]
    published = {
        (a, y, i): v for a, y, i, v in zip(shown["area_code"], shown["year"], shown["indicator"], shown["value"])
    }
    published |= {
        (a, y, CAT[i].numerator[0]): n
        for a, y, i, n in zip(shown["area_code"], shown["year"], shown["indicator"], shown["numerator"])
        if CAT[i].kind == "rate" and len(CAT[i].numerator) == 1
    }
    published |= {
        (a, y, CAT[i].denominator[0]): d
        for a, y, i, d in zip(shown["area_code"], shown["year"], shown["indicator"], shown["denominator"])
        if CAT[i].kind == "rate" and len(CAT[i].denominator) == 1
    }
    for a, y, v, x in view.itertuples(index=False):
        assert (a, y, v) in published and published[(a, y, v)] == x, (a, y, v)
        if v in CAT and CAT[v].kind == "count":
            assert x >= MIN_COUNT
    assert not set(view["variable"]) & set(extra)


def test_a_change_built_on_a_hidden_count_hides_both_years():
    cat = {
        "n": Indicator("n", "n", "n", "count", "P", source="s"),
        "d": Indicator("d", "d", "d", "change", "%", numerator=("n",), source="s"),
    }
    t = pd.DataFrame(
        [("01", 2021, "n", 2.0), ("01", 2022, "n", 50.0), ("02", 2021, "n", 40.0), ("02", 2022, "n", 41.0)],
        columns=["area_code", "year", "variable", "value"],
    )
    values = apply_disclosure(compute_indicators(t, cat), cat, reference_code=None)
    view = UnprotectedTable(t).protected(values, cat)
    assert ("01", 2021) not in set(zip(view["area_code"], view["year"]))
