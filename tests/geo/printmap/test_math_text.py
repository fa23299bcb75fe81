"""Names and labels with mathtext/LaTeX syntax are printed literally (SYNTHETIC dataset)."""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date

from pypdf import PdfReader
from synth_exports import synthetic_dataset

from geo.printmap.render import PrintOptions, render_print_map
from geo.report.pdf import ReportOptions, build_report

NASTY = r"$\frac{$"


def _nasty():
    ds = synthetic_dataset(names=[f"A {NASTY}", "B $x^2$", "C", "D", "E", "F"])
    cat = dict(ds.catalogue)
    cat["case_rate"] = dataclasses.replace(cat["case_rate"], label_de=f"Quote {NASTY}")
    return dataclasses.replace(ds, catalogue=cat)


def test_print_map_prints_dollar_text_literally():
    ds = _nasty()
    svg = render_print_map(ds, "case_rate", 2022, "svg", PrintOptions(title=f"Titel {NASTY}", labels=True))
    texts = " ".join(re.findall(r"<text[^>]*>([^<]*)", svg.decode("utf-8")))
    assert NASTY in texts
    pdf = render_print_map(ds, "case_rate", 2022, "pdf", PrintOptions(labels=True))
    assert NASTY in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_report_prints_dollar_text_literally():
    data = build_report(_nasty(), 2022, options=ReportOptions(created=date(2024, 6, 30)))
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert NASTY in text
