"""Print maps: sizes, formats, layout without overlaps, same classes as the web map."""

from __future__ import annotations

import io
import re
from datetime import date

import matplotlib
import numpy as np
import pytest
from matplotlib.colors import to_rgba
from PIL import Image
from pypdf import PdfReader
from synth_exports import SUPPRESSED_CODE, SUPPRESSED_RATE, synthetic_dataset

from geo.join import indicator_layer
from geo.printmap import layout as pl
from geo.printmap.render import PrintOptions, build_print_map, render_print_map, save_print_map
from indicators.compute.classify import classify, layer_classification
from indicators.wording.voice import GERMAN, Voice


@pytest.fixture(scope="module")
def synth():
    return synthetic_dataset()


def _png_size(data: bytes) -> tuple[tuple[int, int], tuple[float, float]]:
    im = Image.open(io.BytesIO(data))
    return im.size, im.info["dpi"]


def test_a4_landscape_png_is_3508_by_2480_at_300_dpi(luebeck):
    data = render_print_map(luebeck, "share_65plus", 2022, "png", PrintOptions(labels=True))
    size, dpi = _png_size(data)
    assert size == (3508, 2480)
    assert [round(d) for d in dpi] == [300, 300]


@pytest.mark.parametrize("size, expected", [("a4-portrait", (2480, 3508)), ("a3-landscape", (4961, 3508))])
def test_other_page_sizes(synth, size, expected):
    data = render_print_map(synth, "case_rate", 2022, "png", PrintOptions(size=size))
    assert _png_size(data)[0] == expected


def test_svg_keeps_text_as_text_with_title(synth):
    svg = render_print_map(synth, "case_rate", 2022, "svg", PrintOptions(title="Fallquote Teststadt")).decode("utf-8")
    texts = re.findall(r"<text[^>]*>([^<]*)", svg)
    assert "Fallquote Teststadt" in texts
    assert any(t.startswith("Quelle: Synthetische Testdaten") for t in texts)
    assert "<path" in svg  # polygons are vector paths


def test_pdf_is_vector_with_embedded_fonts_and_extractable_text(synth):
    data = render_print_map(synth, "case_rate", 2022, "pdf")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Fallquote (synthetisch)" in text
    assert "Quelle: Synthetische Testdaten (erfunden), CC0 1.0" in text
    # secondary suppression hides a second area, so 4 areas remain for 2 quantile classes
    assert "Datenstand: 31.12.2022" in text and "Methode: Quantile, 2 Klassen" in text
    fonts = reader.pages[0]["/Resources"]["/Font"]
    for ref in fonts.values():
        font = ref.get_object()
        desc = (
            font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            if "/DescendantFonts" in font
            else font["/FontDescriptor"]
        )
        assert "/FontFile2" in desc.get_object()  # TrueType embedded (pdf.fonttype 42)
    assert b"/Subtype /Image" not in data  # no raster fallback


def test_global_rcparams_untouched(synth):
    before = matplotlib.rcParams["svg.fonttype"], matplotlib.rcParams["pdf.fonttype"]
    render_print_map(synth, "case_rate", 2022, "svg")
    assert (matplotlib.rcParams["svg.fonttype"], matplotlib.rcParams["pdf.fonttype"]) == before


@pytest.mark.parametrize("size", ["a4-landscape", "a4-portrait", "a3-landscape"])
def test_no_element_overlaps_the_polygons(luebeck, size):
    with matplotlib.rc_context(pl.RC):
        pm = build_print_map(
            luebeck, "share_65plus", 2022, PrintOptions(size=size, labels=True, flagged=frozenset({"10"}))
        )
        fig = pm.figure
        renderer = fig.canvas.get_renderer()
        extent = pm.polygon_extent()
        page = fig.bbox
        others = [ax for ax in fig.axes if ax is not pm.map_ax]
        assert len(others) >= 5  # header, footer, legend, north arrow, scale bar
        for ax in others:
            for art in ax.get_children():
                if not art.get_visible() or art is ax.patch or art in ax.spines.values():
                    continue
                bb = art.get_window_extent(renderer)
                if bb.width == 0 and bb.height == 0:
                    continue
                assert not bb.overlaps(extent), f"{art!r} overlaps the map"
                # nothing is clipped at the page edge
                assert page.x0 <= bb.x0 and bb.x1 <= page.x1 and page.y0 <= bb.y0 and bb.y1 <= page.y1, art
        # area labels stay inside the map axes and do not overlap each other
        labels = [t.get_window_extent(renderer) for t in pm.map_ax.texts]
        assert labels, "labels requested"
        frame = pm.map_ax.get_window_extent(renderer)
        for i, a in enumerate(labels):
            assert frame.x0 <= a.x0 and a.x1 <= frame.x1
            assert not any(a.overlaps(b) for b in labels[i + 1 :])


def test_print_map_uses_the_web_maps_classification(luebeck):
    layer, city = indicator_layer(luebeck, "share_65plus", 2022)
    # the call the web map makes (see geo/webmap/folium_map.py on branch webmap)
    web = classify(
        layer["value"].where(~layer["suppressed"]), "fisher_jenks", 4, palette="PuBu", reference=city, voice=GERMAN
    )
    with matplotlib.rc_context(pl.RC):
        pm = build_print_map(luebeck, "share_65plus", 2022, PrintOptions(scheme="fisher_jenks", k=4, palette="PuBu"))
    cls = pm.classification
    assert cls.edges == web.edges and cls.colors == web.colors and cls.counts == web.counts
    assert cls.classes.tolist() == web.classes.tolist()
    drawn = pm.map_ax.collections[0].get_facecolors()
    expected = [to_rgba(c) for c in web.area_colors()]
    assert np.allclose(drawn, expected)
    again = layer_classification(layer, city, "fisher_jenks", 4, "PuBu")
    assert again.edges == web.edges and again.labels == web.labels


def test_suppressed_area_is_hatched_named_and_not_classified(synth):
    with matplotlib.rc_context(pl.RC):
        pm = build_print_map(synth, "case_rate", 2022)
    row = pm.layer.set_index("code").loc[SUPPRESSED_CODE]
    assert row["suppressed"] and np.isnan(row["value"])
    assert max(pm.classification.edges) < SUPPRESSED_RATE
    hatched = [c for c in pm.map_ax.collections if c.get_hatch()]
    # the small area plus the one hidden by secondary suppression (city total − rest)
    n_suppressed = int(pm.layer["suppressed"].sum())
    assert n_suppressed == 2
    assert len(hatched) == 1 and len(hatched[0].get_paths()) == n_suppressed
    texts = [t.get_text() for ax in pm.figure.axes for t in ax.texts]
    assert "gesperrt (Datenschutz, < 3 Fälle)" in texts
    assert not any("50" in t for t in texts)


def test_no_data_area_is_grey_and_named(synth):
    with matplotlib.rc_context(pl.RC):
        pm = build_print_map(synth, "mean_age", 2022)
    texts = [t.get_text() for ax in pm.figure.axes for t in ax.texts]
    assert "keine Daten" in texts
    assert pm.classification.no_data_count == 1


def test_legend_in_german_number_format_with_counts(luebeck):
    with matplotlib.rc_context(pl.RC):
        pm = build_print_map(luebeck, "population_total", 2022)
    texts = [t.get_text() for ax in pm.figure.axes for t in ax.texts]
    assert any(re.fullmatch(r"\d{1,2}\.\d{3} – \d{1,2}\.\d{3}", t) for t in texts), texts
    assert "Lübeck gesamt: 222.077\u00a0Personen" in texts


def test_flagged_areas_outlined_and_in_legend(synth):
    with matplotlib.rc_context(pl.RC):
        pm = build_print_map(
            synth, "case_rate", 2022, PrintOptions(flagged=frozenset({"04"}), created=date(2024, 5, 1))
        )
    widths = [max(c.get_linewidths(), default=0) for c in pm.map_ax.collections]
    assert max(widths) > 2
    texts = [t.get_text() for ax in pm.figure.axes for t in ax.texts]
    assert "erhöhter Bedarf" in texts
    assert any("Erstellt am 01.05.2024" in t for t in texts)


def test_english_footer(synth):
    data = render_print_map(synth, "case_rate", 2022, "svg", PrintOptions(voice=Voice.of("en"))).decode()
    assert "Source: Synthetische Testdaten" in data and "Case rate (synthetic)" in data


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(indicator="nope"), "unbekannter Indikator 'nope'"),
        (dict(year=1999), "kein Jahr 1999"),
        (dict(fmt="gif"), "unbekanntes Dateiformat 'gif'"),
        (dict(options=PrintOptions(size="a5")), "unbekanntes Format 'a5'"),
        (dict(options=PrintOptions(k=0)), "zwischen 1 und 9"),
        (dict(options=PrintOptions(palette="Rainbow")), "unbekannte Farbpalette 'Rainbow'"),
    ],
)
def test_bad_selection_gives_a_clear_message(synth, kwargs, message):
    args = dict(indicator="case_rate", year=2022, fmt="png", options=PrintOptions()) | kwargs
    with pytest.raises(ValueError, match=re.escape(message)):
        render_print_map(synth, **args)


def test_save_uses_suffix(synth, tmp_path):
    path = save_print_map(synth, "case_rate", 2022, tmp_path / "karte.pdf")
    assert path.read_bytes().startswith(b"%PDF")
