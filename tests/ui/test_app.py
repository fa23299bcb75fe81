"""AppTest smoke tests of the Streamlit front door (no browser)."""

import pytest
from streamlit.testing.v1 import AppTest
from testkit import ROOT

from geo.webmap.layer import TileSource

APP = str(ROOT / "app.py")


def run_app(**params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def test_atlas_renders_german_by_default():
    at = run_app()
    assert not at.exception
    labels = [s.label for s in at.selectbox]
    assert "Indikator" in labels and "Gebietsgliederung" in labels
    assert at.subheader[0].value == "Anteil 65-Jährige und Ältere – 2022"
    assert "CC BY 4.0" in " ".join(c.value for c in at.caption)


def test_query_parameters_round_trip():
    at = run_app(indicator="share_under18", year="2015", scheme="fisher_jenks", k="4", area="03")
    assert not at.exception
    assert at.selectbox(key="indicator").value == "share_under18"
    assert at.select_slider(key="year").value == 2015
    assert at.selectbox(key="scheme").value == "fisher_jenks"
    assert at.selectbox(key="area").value == "03"
    at.selectbox(key="indicator").set_value("old_age_dependency").run()
    qp = at.query_params["indicator"]
    assert (qp[0] if isinstance(qp, list) else qp) == "old_age_dependency"


def test_invalid_url_values_fall_back_to_defaults():
    at = run_app(indicator="<script>", year="abc", k="99")
    assert not at.exception
    assert at.selectbox(key="indicator").value == "share_65plus"
    assert at.slider(key="k").value == 5


def test_english_switch():
    at = run_app(lang="en")
    assert not at.exception
    assert "Indicator" in [s.label for s in at.selectbox]
    assert at.subheader[0].value.startswith("Share aged 65")


def test_map_assets_are_served_locally():
    from geo.webmap.folium_map import asset_links

    at = run_app()
    assert not at.exception
    from geo.geographies import get_geography
    from geo.join import indicator_layer
    from geo.loading import load_dataset
    from geo.webmap.folium_map import build_map
    from geo.webmap.layer import MapLabels, MapLayer
    from indicators.compute.classify import classify

    ds = load_dataset(get_geography())
    layer, city = indicator_layer(ds, "share_65plus", 2022)
    m = build_map(MapLayer(layer, classify(layer["value"]), MapLabels(indicator_label="x", city_value=city)))
    links = asset_links(m)
    assert links and all(u.startswith("/app/static/") for u in links)


def _qp(at, key):
    v = at.query_params[key]
    return v[0] if isinstance(v, list) else v


NEEDS_PAGE = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from ui.pages import needs
needs.render()
"""


@pytest.mark.parametrize("geo_id,method,n_flags", [("stadtteile", "z", 0), ("berlin-mss", "mss", 86)])
def test_needs_page_shows_assessment(geo_id, method, n_flags):
    at = AppTest.from_string(NEEDS_PAGE, default_timeout=120)
    at.query_params["geography"] = geo_id
    at.run()
    assert not at.exception
    assert at.selectbox[2].value == method  # geography, year, method
    text = " ".join(m.value for m in at.markdown)
    assert f"Markierte Gebiete: {n_flags}" in text
    assert len(at.dataframe) >= 1


def test_atlas_offers_data_print_and_report_downloads():
    at = run_app()
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    table = ["CSV", "CSV (Excel, ;)", "Excel (XLSX)"]
    # visible: the ranking and the view's data; print maps, report and all years wait in closed expanders
    assert labels == [*table, *table, "GeoPackage", "GeoJSON"]
    assert [e.label for e in at.expander] == [
        "Druckkarte für Sitzungsvorlagen (PNG 300 dpi, SVG, PDF)",
        "Sozialbericht 2022 als PDF",
        "Alle Indikatoren, alle Jahre (Tabelle)",
    ]
    assert "Bericht erstellen" not in [b.label for b in at.button]  # a closed expander's content is not run
    for key in ("dl_print_map_open", "dl_report_open", "dl_all_years_open"):  # the planner opens them
        at.session_state[key] = True
    at.run()
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    # ranking (visible), the view's data, print maps, all indicators over all years
    assert labels == [*table, *table, "GeoPackage", "GeoJSON", "PNG", "SVG", "PDF", *table]
    # the report is built on request with a progress bar, then offered for download
    assert "Bericht erstellen" in [b.label for b in at.button]


def test_paper_size_survives_closing_the_print_map_expander():
    at = run_app()
    at.session_state["dl_print_map_open"] = True
    at.run()
    at.selectbox(key="print_size").set_value("a3-landscape").run()
    at.session_state["dl_print_map_open"] = False
    at.run()
    assert "PDF" not in [b.proto.label for b in at.get("download_button")]  # closed: no print-map buttons
    at.session_state["dl_print_map_open"] = True
    at.run()
    assert not at.exception
    assert at.selectbox(key="print_size").value == "a3-landscape"


def test_tile_server_is_used_only_when_configured(monkeypatch):
    from ui import common

    monkeypatch.delenv("SOZIALMONITOR_TILE_URL", raising=False)
    assert common.tiles() is None
    monkeypatch.setenv("SOZIALMONITOR_TILE_URL", "http://localhost:8080/{z}/{x}/{y}.png")
    monkeypatch.setenv("SOZIALMONITOR_TILE_ATTRIBUTION", "Stadtplan: Hansestadt Lübeck")
    assert common.tiles() == TileSource(
        url="http://localhost:8080/{z}/{x}/{y}.png", attribution="Stadtplan: Hansestadt Lübeck"
    )
    assert not run_app().exception  # the atlas passes them to build_map (see test_webmap)


def test_eb_smoothing_shows_raw_and_smoothed_values():
    at = run_app(indicator="share_under18")
    assert not at.exception
    at.checkbox(key="eb").check().run()
    assert not at.exception
    assert at.subheader[0].value.startswith("Anteil unter 18-Jährige (EB-geglättet)")
    ranking = at.dataframe[0].value
    assert "Rohwert" in ranking.columns and "Wert (%)" in ranking.columns


def test_change_view_uses_a_diverging_palette_centred_on_zero():
    at = run_app(view="change", start="2015", indicator="share_65plus")
    assert not at.exception
    palette = [s for s in at.selectbox if s.label == "Farbschema"][0]
    assert palette.value == "RdBu"
    assert at.subheader[0].value == "Anteil 65-Jährige und Ältere: 2015–2022"


@pytest.mark.parametrize("text", ["abc;;5", "10;5"])
def test_bad_manual_breaks_show_a_german_warning_not_an_exception(text):
    at = run_app(scheme="manual")
    assert not at.exception
    at.sidebar.text_input[0].set_value(text).run()
    assert not at.exception
    warnings = " ".join(w.value for w in at.sidebar.warning)
    assert "Klassengrenze" in warnings


def test_needs_table_has_german_headers_and_english_in_english_mode():
    raw = {"id", "name", "label", "score", "rank", "flag", "status", "robustness", "share", "rank_range", "reasons"}
    at = AppTest.from_string(NEEDS_PAGE, default_timeout=120)
    at.run()
    assert not at.exception
    cols = list(at.dataframe[0].value.columns)
    assert not raw & set(cols), cols
    assert {"Schlüssel", "Gebiet", "Indexwert", "Rang", "erhöhter Bedarf", "Gründe"} <= set(cols)
    at = AppTest.from_string(NEEDS_PAGE, default_timeout=120)
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception
    assert {"Code", "Area", "Score", "Rank", "elevated need", "Reasons"} <= set(at.dataframe[0].value.columns)


def test_profile_table_headers_are_german():
    at = run_app(area="03")
    assert not at.exception
    headers = [list(d.value.columns) for d in at.dataframe]
    assert ["Indikator", "Wert", "Gesamtstadt", "Rang", "Entwicklung"] in headers


def test_needs_page_in_english_has_no_german_words_in_its_table():
    at = AppTest.from_string(NEEDS_PAGE, default_timeout=120)
    at.session_state["lang"] = "en"
    at.query_params["geography"] = "berlin-mss"
    at.run()
    assert not at.exception
    table = at.dataframe[0].value
    assert {"Class", "Status", "Robustness", "Reasons"} <= set(table.columns)
    words = set(table["Class"]) | set(table["Status"]) | set(table["Robustness"]) | set(table["elevated need"])
    assert not words & {
        "hoch",
        "mittel",
        "niedrig",
        "sehr niedrig",
        "bewertet",
        "nicht bewertet",
        "knapp",
        "ja",
        "nein",
    }
    reasons = " ".join(table["Reasons"])
    assert "above average" in reasons and "durchschnittlich" not in reasons
    assert all(s.endswith("%") and " %" not in s for s in table["Agreement of variants"] if s != "–")


def test_every_multiselect_has_a_placeholder_from_the_wording_table():
    """Streamlit's own placeholder is English ("Choose options"): each multiselect passes one of ours."""
    import ast

    calls = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "multiselect":
                calls.append((path.name, node.lineno, {k.arg for k in node.keywords}))
    assert len(calls) >= 5
    assert [c for c in calls if "placeholder" not in c[2]] == []


def test_every_date_field_takes_its_format_from_the_wording_table():
    """Streamlit's own date format is YYYY/MM/DD: German users read 01.12.2026."""
    import ast

    from indicators.wording import t

    assert t("date_input_format", "de") == "DD.MM.YYYY"
    calls = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "date_input":
                fmt = next((k.value for k in node.keywords if k.arg == "format"), None)
                calls.append((path.name, node.lineno, ast.unparse(fmt) if fmt is not None else None))
    assert len(calls) >= 4
    assert [c for c in calls if c[2] != "t('date_input_format', lang)"] == []
