"""Issue 24, Deliver 6: the area profile as a one-page PDF; print maps with a title of one's own
(the atlas' print expander and ``cli.py map --title/--subtitle``). Shipped Lübeck data."""

from __future__ import annotations

import io
import subprocess
import sys
from dataclasses import replace

import matplotlib
import pytest
from pypdf import PdfReader
from testkit import ROOT

from geo.printmap import layout as pl
from geo.printmap.render import build_print_map, print_options
from geo.report.profile import area_profile_pdf
from indicators.errors import InputError
from indicators.wording.voice import Voice


def _text(pdf: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def test_area_profile_is_one_page_with_the_area_and_its_indicators(luebeck):
    names = dict(zip(luebeck.areas["code"], luebeck.areas["name"]))
    pages = _text(area_profile_pdf(luebeck, "03", 2022))
    assert len(pages) == 1
    assert f"Gebietsprofil {names['03']} (03)" in pages[0]
    assert "Stand 2022" in pages[0] and "Lübeck gesamt" in pages[0]
    assert "Anteil 65-Jährige" in pages[0]
    english = _text(area_profile_pdf(luebeck, "03", 2022, voice=Voice.of("en")))[0]
    assert f"Area profile {names['03']} (03)" in english and "Gebietsprofil" not in english


def test_area_profile_of_an_unknown_area_or_year_is_refused(luebeck):
    with pytest.raises(InputError, match="Gebiet 'xx'"):
        area_profile_pdf(luebeck, "xx", 2022)
    with pytest.raises(InputError, match="kein Jahr 1900"):
        area_profile_pdf(luebeck, "03", 1900)


def test_print_map_takes_a_title_and_subtitle_of_ones_own(luebeck):
    options = replace(
        print_options("a4-landscape"),
        title="Synthetischer Titel: Ältere in Lübeck",
        subtitle="Vorlage für den Sozialausschuss",
    )
    with matplotlib.rc_context(pl.RC):
        fig = build_print_map(luebeck, "share_65plus", 2022, options).figure
        texts = [t.get_text() for t in fig.findobj(matplotlib.text.Text)]
    assert "Synthetischer Titel: Ältere in Lübeck" in texts
    assert "Vorlage für den Sozialausschuss" in texts
    assert not any(t.startswith("Anteil 65-Jährige und Ältere (%) ·") for t in texts)  # the default subtitle


def test_cli_map_title_and_subtitle(tmp_path):
    out = tmp_path / "karte.pdf"
    res = subprocess.run(
        [
            sys.executable,
            "cli.py",
            "map",
            "--indicator",
            "share_65plus",
            "--year",
            "2022",
            "--title",
            "Ältere Menschen 2022",
            "--subtitle",
            "Entwurf für den Ausschuss",
            "--out",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0, res.stderr
    text = _text(out.read_bytes())[0]
    assert "Ältere Menschen 2022" in text and "Entwurf für den Ausschuss" in text
