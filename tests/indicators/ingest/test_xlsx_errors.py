"""``XLSX_ERRORS`` is complete for broken workbooks: a mutated part of a workbook is a finding of the
reader, never another exception (deterministic Hypothesis run; workbooks SYNTHETIC, made here)."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from indicators.ingest.read import read_xlsx_bytes
from indicators.ingest.report import Report
from store.planning.sheets import xlsx_sheets


def _parts() -> dict[str, bytes]:
    wb = Workbook()
    ws = wb.active
    ws.title = "Massnahmen"
    for r in range(8):
        ws.append([f"Maßnahme {r}", r, r * 1.5, None])
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(buf) as z:
        return {n: z.read(n) for n in z.namelist()}


PARTS = _parts()
_SNIPPETS = [b'"', b"<", b">", b"x", b"-1", b"99999999999", b'="a"', b"/>", b"abc"]


@st.composite
def _mutated(draw: st.DrawFn) -> bytes:
    name = draw(st.sampled_from(sorted(PARTS)))
    part = bytearray(PARTS[name])
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(part) - 1))
        how = draw(st.integers(0, 2))
        if how == 0:
            part[i] = draw(st.integers(0, 255))
        elif how == 1:
            del part[i : i + draw(st.integers(1, 20))]
        else:
            part[i:i] = draw(st.sampled_from(_SNIPPETS))
    dropped = draw(st.integers(0, 9)) == 0  # now and then the part is missing altogether
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for n, data in PARTS.items():
            if n != name:
                z.writestr(n, data)
            elif not dropped:
                z.writestr(n, bytes(part))
    return out.getvalue()


@pytest.mark.filterwarnings("ignore::UserWarning")  # openpyxl remarks on the broken parts it skips
@settings(max_examples=150, deadline=None, derandomize=True)
@given(data=_mutated())
def test_a_mutated_workbook_is_read_or_refused_never_a_crash(data):
    read_xlsx_bytes(data, Report("tabelle.xlsx"))  # raises only for a bug (not in XLSX_ERRORS)
    xlsx_sheets(data, "plan.xlsx")
