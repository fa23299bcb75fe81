"""``cli.py plan``: import, list, evaluate --json (recomputed here by the issue's rules), export.

The measures and goals are synthetic examples on the shipped Lübeck and Berlin data.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import subprocess
import sys

import numpy as np
import pytest
from testkit import ROOT

KEYS_M = [
    "id",
    "indicator",
    "treated",
    "pre_year",
    "post_year",
    "treated_change",
    "comparison",
    "comparison_areas",
    "comparison_change",
    "effect",
    "p_placebo",
    "n_placebo",
    "note",
]
KEYS_G = ["id", "indicator", "baseline", "current", "target", "progress", "on_track", "forecast"]


@pytest.fixture
def run(tmp_path):
    env = {**os.environ, "SOZIALMONITOR_DB_URL": f"sqlite:///{tmp_path / 'plan.db'}", "SOZIALMONITOR_AUTH": "none"}

    def _run(*args):
        return subprocess.run(
            [sys.executable, "cli.py", *args], cwd=ROOT, capture_output=True, text=True, env=env, timeout=300
        )

    return _run


def _write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def _reference(values, indicator, treated, areas, start, matched=False):
    """The issue's rules, written out again independently (pandas → plain dicts)."""
    v = values[(values.indicator == indicator) & ~values.suppressed & values.value.notna()]
    table = {(r.area_code, int(r.year)): float(r.value) for r in v.itertuples()}
    years = sorted({y for (a, y) in table if a in areas})
    pre, post = max(y for y in years if y < start), max(years)
    delta = {a: table[(a, post)] - table[(a, pre)] for a in areas if (a, pre) in table and (a, post) in table}
    t = [a for a in treated if a in delta]
    pool = sorted(a for a in delta if a not in treated)
    comp = pool
    if matched:
        ref = np.mean([table[(a, pre)] for a in t])
        comp = sorted(sorted(pool, key=lambda a: (abs(table[(a, pre)] - ref), a))[: min(3, len(pool))])
    effect = np.mean([delta[a] for a in t]) - np.mean([delta[a] for a in comp])
    sets = list(itertools.combinations(pool, len(t)))
    assert len(sets) <= 5000
    plac = [np.mean([delta[a] for a in s]) - np.mean([delta[a] for a in pool if a not in s]) for s in sets]
    p = (1 + sum(abs(x) >= abs(effect) - 1e-12 for x in plac)) / (1 + len(sets))
    return pre, post, comp, effect, p, len(sets)


def test_plan_import_evaluate_json_matches_reference_on_luebeck(run, tmp_path, luebeck):
    m = _write(
        tmp_path,
        "Massnahmen.csv",
        "titel;handlungsfeld;geografie;gebiete;beginn;ende;status;partner;budget_eur;zielindikatoren;"
        "beschreibung\n"
        "Synthetisch: Quartiersbüro;Wohnen;stadtteile;01;2018;2022;laufend;Synthetisch e. V.;5000;"
        "share_65plus,mean_age;synthetisches Beispiel\n"
        "Synthetisch: Zwei Gebiete;Alter und Pflege;stadtteile;03,07;2016-05-01;;geplant;;;share_65plus;\n",
    )
    z = _write(
        tmp_path,
        "Ziele.csv",
        "handlungsfeld;text;indikator;geografie;gebiete;basisjahr;zielwert;zieljahr\n"
        "Alter und Pflege;Synthetisch: Ziel;share_65plus;stadtteile;01;2015;30;2025\n",
    )
    res = run("plan", "import", m, z, "--dry-run")
    assert res.returncode == 0 and "Probelauf: 3 neu" in res.stdout, res.stdout + res.stderr
    assert run("plan", "list", "--json").stdout.count('"title"') == 0
    res = run("plan", "import", m, z)
    assert res.returncode == 0 and "Gespeichert: 3 neu" in res.stdout, res.stdout + res.stderr
    listed = json.loads(run("plan", "list", "--json").stdout)
    assert [x["title"] for x in listed["measures"]] == ["Synthetisch: Quartiersbüro", "Synthetisch: Zwei Gebiete"]
    areas = sorted(c for c in luebeck.areas["code"] if c != luebeck.geography.reference_code)
    for how in ("all", "matched"):
        res = run("plan", "evaluate", "--comparison", how, "--json")
        assert res.returncode == 0, res.stderr
        out = json.loads(res.stdout)
        assert list(out) == ["goals", "measures"]
        assert [list(g) for g in out["goals"]] == [KEYS_G]
        assert [list(x) for x in out["measures"]] == [KEYS_M] * 3
        for item, (treated, ind, start) in zip(
            out["measures"],
            [(["01"], "mean_age", 2018), (["01"], "share_65plus", 2018), (["03", "07"], "share_65plus", 2016)],
        ):
            pre, post, comp, effect, p, n = _reference(luebeck.values, ind, treated, areas, start, how == "matched")
            assert (item["indicator"], item["treated"], item["pre_year"], item["post_year"]) == (
                ind,
                treated,
                pre,
                post,
            )
            assert item["comparison"] == how and item["comparison_areas"] == comp
            assert item["effect"] == pytest.approx(effect) and item["n_placebo"] == n
            assert item["p_placebo"] == pytest.approx(p)
            assert "kein Beweis" in item["note"]
    g = out["goals"][0]
    v = luebeck.values[(luebeck.values.indicator == "share_65plus") & (luebeck.values.area_code == "01")]
    base, cur = float(v[v.year == 2015].value.iloc[0]), float(v[v.year == v.year.max()].value.iloc[0])
    assert (g["baseline"], g["current"]) == (pytest.approx(base), pytest.approx(cur))
    assert g["progress"] == pytest.approx((cur - base) / (30 - base))
    one = json.loads(run("plan", "evaluate", "--measure", "2", "--post", "2020", "--json").stdout)
    assert one["goals"] == [] and [x["post_year"] for x in one["measures"]] == [2020]
    out_x = tmp_path / "plan.xlsx"
    assert run("plan", "export", "--out", str(out_x)).returncode == 0 and out_x.stat().st_size > 0
    again = run("plan", "import", str(out_x))
    assert again.returncode == 0 and "0 neu, 3 geändert" in again.stdout, again.stdout + again.stderr


def test_plan_evaluate_on_berlin_random_placebo(run, tmp_path):
    codes = "01011101,01011102,01011103"
    m = _write(
        tmp_path,
        "Massnahmen.csv",
        "titel;handlungsfeld;geografie;gebiete;beginn;zielindikatoren\n"
        f'Synthetisch: Berlin;Arbeit;berlin-mss;"{codes}";2016;'
        "s1_percentage_unemployed\n",
    )
    assert run("plan", "import", m).returncode == 0
    out = json.loads(run("plan", "evaluate", "--json").stdout)["measures"][0]
    assert (out["pre_year"], out["post_year"]) == (2015, 2019)
    assert math.comb(444, 3) > 5000 and out["n_placebo"] == 999
    assert "999 zufällige Placebo-Sätze" in out["note"]
    en = json.loads(run("plan", "evaluate", "--json", "--lang", "en").stdout)["measures"][0]
    assert "999 random placebo sets (seed 12345)" in en["note"] and en["effect"] == out["effect"]


def test_plan_errors_are_german_messages(run, tmp_path):
    res = run("plan", "evaluate", "--measure", "5", "--json")
    assert res.returncode == 1 and "Maßnahme gibt es nicht" in res.stderr and "Traceback" not in res.stderr
    res = run("plan", "import", str(tmp_path / "fehlt.xlsx"))
    assert res.returncode == 1 and "nicht gefunden" in res.stdout
    res = run("plan", "export", "--out", str(tmp_path / "x.csv"))
    assert res.returncode == 1 and ".xlsx" in res.stderr


def test_plan_list_says_the_status_in_the_command_lines_language(run, tmp_path):
    """``plan list`` shows "laufend" in German and "running" with SOZIALMONITOR_LANG=en, never the key there."""
    m = _write(
        tmp_path,
        "Massnahmen.csv",
        "titel;handlungsfeld;geografie;gebiete;beginn;status\nSynthetisch: Treff;Wohnen;stadtteile;01;2018;laufend\n",
    )
    assert run("plan", "import", m).returncode == 0
    assert "\tlaufend\t" in run("plan", "list").stdout
    env = {
        **os.environ,
        "SOZIALMONITOR_DB_URL": f"sqlite:///{tmp_path / 'plan.db'}",
        "SOZIALMONITOR_AUTH": "none",
        "SOZIALMONITOR_LANG": "en",
    }
    english = subprocess.run(
        [sys.executable, "cli.py", "plan", "list"], cwd=ROOT, capture_output=True, text=True, env=env, timeout=300
    ).stdout
    assert "\trunning\t" in english and "laufend" not in english
