"""The need map as a print map: same classes and flags as the web map, source in the footer."""

from __future__ import annotations

import matplotlib

from geo.printmap import layout as pl
from geo.printmap.layer_map import LayerMapText, build_layer_map, needs_layer, needs_map_bytes
from geo.printmap.render import PrintOptions, layer_table
from indicators.needs.assessment import default_setup, need_classes, run_needs
from indicators.wording.voice import Voice


def test_needs_print_map_png_and_pdf(luebeck):
    setup = default_setup(luebeck, 2022)
    result, _, _ = run_needs(luebeck, 2022, setup)
    png = needs_map_bytes(luebeck, result, setup.method, 2022, "png", PrintOptions(voice=Voice.of("en")))
    assert png.startswith(b"\x89PNG")
    pdf = needs_map_bytes(luebeck, result, setup.method, 2022, "pdf")
    assert pdf.startswith(b"%PDF")


def test_layer_map_draws_the_need_classes_and_the_source(luebeck):
    setup = default_setup(luebeck, 2022)
    result, _, _ = run_needs(luebeck, 2022, setup)
    layer = needs_layer(luebeck, result)
    assert layer["flagged"].sum() == int(result["flag"].sum())
    cls = need_classes(result, setup.method)
    text = LayerMapText("Bedarfslagen 2022", "Test", "Statusindex", "Quelle Z", "MSS")
    with matplotlib.rc_context(pl.RC):
        pm = build_layer_map(layer, cls, text, PrintOptions())
        drawn = layer_table(pm)
        texts = [t.get_text() for ax in pm.figure.axes for t in ax.texts]
    assert drawn["class"].tolist() == cls.classes.tolist()
    assert any("Quelle: Quelle Z" in s for s in texts)
