"""Tiny run of the Versorgung benchmark (bench/p12_supply.py) so it cannot rot (no timing asserted)."""

from __future__ import annotations

from bench import p12_supply


def test_p12_supply_runs_with_its_own_id_and_memory_rows():
    rows = p12_supply.run(smoke=True)
    assert {r.id for r in rows} == {"P12"}
    assert all(r.status == "ok" for r in rows), [r.status for r in rows]
    figures = [r.figure for r in rows]
    assert any("reach" in f for f in figures) and any("maximal covering, k = 5" in f for f in figures)
    memory = [r for r in rows if r.figure.startswith("peak memory")]
    assert len(memory) == 2 and all(r.value.median > 50 for r in memory)
