"""``cli.py needs --consensus``, ``segregation`` and ``typology`` (issue 27, item 6) on the shipped data:
the JSON shapes of the issue and the same numbers as the library functions."""

from __future__ import annotations

import json

import numpy as np
import pytest

from cli import main


def run_json(capsys, *args):
    code = main([*args, "--json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    return json.loads(out.out)


def test_consensus_lists_each_area_with_the_methods_that_flag_it(capsys):
    data = run_json(capsys, "needs", "--method", "z", "--consensus")
    assert [m["method"] for m in data["methods"]] == ["mss", "svi", "z"]
    assert len(data["areas"]) == 10
    for method in ("mss", "svi", "z"):
        single = run_json(capsys, "needs", "--method", method)
        flagged = {a["id"] for a in single["areas"] if a["flag"]}
        assert flagged == {a["id"] for a in data["areas"] if method in a["flagged_by"]}
        band = next(m for m in data["methods"] if m["method"] == method)
        scores = {a["id"]: a["score"] for a in single["areas"]}
        close = {a["id"] for a in data["areas"] if method in a["close_calls"]}
        assert close == {i for i, s in scores.items() if s is not None and band["band_low"] <= s <= band["band_high"]}
    assert all(a["n_flagged"] == len(a["flagged_by"]) for a in data["areas"])


def test_segregation_json_shape_and_values(capsys):
    data = run_json(
        capsys,
        "segregation",
        "--group",
        "pop_65plus",
        "--total",
        "population_total",
        "--years",
        "2020",
        "--permutations",
        "99",
    )
    (year,) = data["years"]
    assert list(year) == ["year", "dissimilarity", "isolation", "entropy", "p_dissimilarity"]
    from geo.loading import load_dataset

    v = load_dataset("stadtteile").values
    v = v[(v["year"] == 2020) & (v["area_code"] != "00")]
    g = v[v["indicator"] == "pop_65plus"].set_index("area_code")["value"].sort_index().to_numpy()
    t = v[v["indicator"] == "population_total"].set_index("area_code")["value"].sort_index().to_numpy()
    assert year["dissimilarity"] == pytest.approx(
        0.5 * np.abs(g / g.sum() - (t - g) / (t.sum() - g.sum())).sum(), abs=1e-9
    )
    assert year["isolation"] == pytest.approx(((g / g.sum()) * (g / t)).sum(), abs=1e-9)
    assert 0 < year["p_dissimilarity"] <= 1


def test_typology_json_shape(capsys):
    data = run_json(
        capsys,
        "typology",
        "--indicators",
        "share_under18,share_65plus,population_density",
        "--k",
        "3",
        "--method",
        "kmeans",
    )
    assert {a["type"] for a in data["areas"]} == {1, 2, 3}
    assert [tp["type"] for tp in data["types"]] == [1, 2, 3]
    for tp in data["types"]:
        assert tp["n"] == sum(a["type"] == tp["type"] for a in data["areas"])
        assert set(tp["profile"]) == {"share_under18", "share_65plus", "population_density"} and tp["words"]


def test_user_mistakes_are_messages(capsys):
    assert main(["typology", "--indicators", "share_65plus", "--k", "30"]) == 1
    assert "zwischen 2 und" in capsys.readouterr().err
    assert main(["segregation", "--group", "share_65plus", "--total", "population_total"]) == 1
    assert "keine Anzahl" in capsys.readouterr().err


def test_typology_k_auto_takes_the_best_silhouette(capsys):
    from sklearn.metrics import silhouette_score

    from geo.loading import load_dataset
    from geo.spatial.typology import labels_for, standardised

    inds = ["share_under18", "share_65plus", "population_density"]
    data = run_json(capsys, "typology", "--indicators", ",".join(inds), "--k", "auto")
    z, _ = standardised(load_dataset("stadtteile"), inds, data["year"])
    widths = {k: silhouette_score(z.to_numpy(), labels_for(z, k, "ward")) for k in range(2, 9)}
    assert data["k"] == max(widths, key=widths.__getitem__)
    assert data["criterion"]["values"] == {str(k): pytest.approx(v) for k, v in widths.items()}
    assert main(["typology", "--indicators", "share_65plus", "--k", "x"]) == 1
    assert "ganze Zahl oder auto" in capsys.readouterr().err
