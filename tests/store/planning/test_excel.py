"""``plan import``/``plan export``: validation report, all or nothing, round trip, a killed import.

Rows are synthetic examples (titles start with "Synthetisch").
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pandas as pd
import pytest
from testkit import ROOT

from indicators.wording.voice import Voice
from store import audit
from store.permissions import User
from store.planning import repository as repo
from store.planning.excel import export_xlsx, import_plan
from store.planning.records import Known

PLANNER, VIEWER, ADMIN = User("anna", "planner"), User("vera", "viewer"), User("adam", "admin")
KNOWN = Known(
    {"stadtteile": frozenset({"00", "01", "02", "03"})}, {"stadtteile": frozenset({"share_65plus", "sgb2_rate"})}
)
M_HEAD = "titel;handlungsfeld;geografie;gebiete;beginn;ende;status;partner;budget_eur;zielindikatoren;beschreibung"


def _csv(path, head, rows):
    path.write_text("\n".join([head, *rows]) + "\n", encoding="utf-8")
    return path


def _measures(tmp_path, n=3, bad_row=None):
    rows = [
        f"Synthetisch: M{i};Wohnen;stadtteile;01,02;2019;2021;laufend;Synthetisch e. V.;1.000,5;share_65plus;"
        "synthetisches Beispiel"
        for i in range(n)
    ]
    if bad_row is not None:
        rows[bad_row] = "Synthetisch: kaputt;Wohnen;stadtteile;01,77;neulich;;fertig;;;;"
    return _csv(tmp_path / "Massnahmen.csv", M_HEAD, rows)


def test_import_reports_every_refused_row_and_stores_nothing(plan_engine, tmp_path):
    result = import_plan(plan_engine, PLANNER, [_measures(tmp_path, 3, bad_row=1)], known=KNOWN)
    assert not result.ok and not result.stored
    f = result.reports[0].findings
    assert [(x.row, x.column) for x in f] == [(3, "gebiete")]  # line 3 of the file = second data row
    assert "77 gibt es in der Geografie 'stadtteile' nicht" in f[0].problem
    assert "Nichts gespeichert" in result.to_text()
    assert repo.list_records(plan_engine, VIEWER, "measure") == []
    assert repo.list_records(plan_engine, VIEWER, "partner") == []  # nor the partner a valid row named


def test_import_missing_columns_rejects_file(plan_engine, tmp_path):
    p = _csv(tmp_path / "Ziele.csv", "handlungsfeld;text", ["Wohnen;Synthetisch"])
    result = import_plan(plan_engine, PLANNER, [p], known=KNOWN)
    assert result.reports[0].file_error and "Spalten fehlen: indikator" in result.to_text()


def test_dry_run_checks_but_stores_nothing(plan_engine, tmp_path):
    result = import_plan(plan_engine, PLANNER, [_measures(tmp_path)], known=KNOWN, dry_run=True)
    assert result.ok and not result.stored and len(result.created["measure"]) == 3
    assert "Probelauf" in result.to_text()
    english = result.to_text(voice=Voice.of("en"))
    assert "Dry run: 3 new, 0 changed – nothing saved." in english and "Probelauf" not in english
    assert repo.list_records(plan_engine, VIEWER, "measure") == []


def test_import_then_export_then_import_round_trip(plan_engine, tmp_path):
    goals = _csv(
        tmp_path / "Ziele.csv",
        "id;handlungsfeld;text;indikator;geografie;gebiete;basisjahr;zielwert;zieljahr",
        [";Armut und Grundsicherung;Synthetisch: Quote senken;sgb2_rate;stadtteile;;2015;8,5;2025"],
    )
    result = import_plan(plan_engine, PLANNER, [_measures(tmp_path), goals], known=KNOWN)
    assert result.stored, result.to_text()
    assert result.created == {"measure": [1, 2, 3], "goal": [1]}
    before = {e: repo.list_records(plan_engine, VIEWER, e) for e in ("measure", "goal")}
    out = tmp_path / "plan.xlsx"
    export_xlsx(plan_engine, VIEWER, out)
    sheets = pd.read_excel(out, sheet_name=None, dtype=str)
    assert list(sheets) == ["Massnahmen", "Ziele"]
    assert list(sheets["Massnahmen"].columns) == [
        "id",
        "kennung",
        "titel",
        "handlungsfeld",
        "geografie",
        "gebiete",
        "beginn",
        "ende",
        "status",
        "partner",
        "budget_eur",
        "zielindikatoren",
        "beschreibung",
        "version",
        "erstellt",
        "geaendert",
    ]
    again = import_plan(plan_engine, PLANNER, [out], known=KNOWN)
    assert again.stored and again.updated == {"measure": [1, 2, 3], "goal": [1]}, again.to_text()
    after = {e: repo.list_records(plan_engine, VIEWER, e) for e in ("measure", "goal")}
    strip = lambda recs: [{k: v for k, v in r.items() if k not in {"version", "updated"}} for r in recs]  # noqa: E731
    assert strip(after["measure"]) == strip(before["measure"])
    assert strip(after["goal"]) == strip(before["goal"])
    # the export carries the version: importing it again after someone else's edit is refused
    repo.save(
        plan_engine,
        ADMIN,
        "measure",
        2,
        {**after["measure"][1], "status": "abgebrochen"},
        version=after["measure"][1]["version"],
    )
    export_xlsx(plan_engine, VIEWER, out)
    repo.save(plan_engine, ADMIN, "measure", 2, {**after["measure"][1], "status": "geplant"}, version=3)
    stale = import_plan(plan_engine, PLANNER, [out], known=KNOWN)
    assert not stale.stored and "inzwischen von 'adam'" in stale.to_text()
    assert "plan_import" in [e.action for e in audit.entries(plan_engine, ADMIN)]


def test_export_writes_text_never_formulas(plan_engine, tmp_path):
    from openpyxl import load_workbook

    repo.create(
        plan_engine,
        PLANNER,
        "measure",
        {"title": '=HYPERLINK("http://x")', "field": "Wohnen", "geography": "stadtteile", "areas": "01"},
    )
    out = tmp_path / "plan.xlsx"
    export_xlsx(plan_engine, VIEWER, out)
    ws = load_workbook(out)["Massnahmen"]
    cell = ws.cell(2, [c.value for c in ws[1]].index("titel") + 1)
    assert cell.data_type == "s" and cell.value.startswith("'=HYPERLINK")  # neutralised like every export
    assert import_plan(plan_engine, PLANNER, [out], known=KNOWN).stored  # and read back as it was
    assert repo.list_records(plan_engine, VIEWER, "measure")[0]["title"] == '=HYPERLINK("http://x")'


KILLER = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, {root!r})
    from store import db
    from store.planning import excel, repository
    from store.planning.records import Known
    from store.permissions import User
    calls = []
    real = repository.create_in
    def dying(*a, **kw):
        calls.append(1)
        if len(calls) == 3:
            os._exit(9)  # killed half-way: no rollback, no cleanup
        return real(*a, **kw)
    repository.create_in = dying
    eng = db.make_engine({url!r})
    excel.import_plan(eng, User("anna", "planner"), [{path!r}])
""")


def test_import_killed_half_way_leaves_nothing(plan_engine, tmp_path):
    path = _measures(tmp_path, 5)
    url = plan_engine.url.render_as_string(hide_password=False)
    code = KILLER.format(root=str(ROOT), url=url, path=str(path))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 9, proc.stderr
    assert repo.list_records(plan_engine, VIEWER, "measure") == []
    assert repo.list_records(plan_engine, VIEWER, "partner") == []
    assert audit.entries(plan_engine, ADMIN) == []
    ok = import_plan(plan_engine, PLANNER, [path], known=KNOWN)  # the database is still usable
    assert ok.stored and len(repo.list_records(plan_engine, VIEWER, "measure")) == 5


@pytest.mark.parametrize("bad", [b"PK\x03\x04garbage", b"\x00" * 10])
def test_broken_xlsx_is_a_file_finding(plan_engine, tmp_path, bad):
    p = tmp_path / "plan.xlsx"
    p.write_bytes(bad)
    result = import_plan(plan_engine, PLANNER, [p], known=KNOWN)
    assert result.reports[0].file_error and not result.stored
