"""Tables of the Bedarfslagen and Abfragen views as :class:`geo.exports.sheet.ExportTable`.

Need assessment (scores, classes, flags, reasons, robustness), the attribute
filter, facility and raster rows per area and custom-area estimates. Words of the
need methods are given in the user's language (:mod:`indicators.needs.words`);
suppressed values are empty cells with "gesperrt" in the note.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.attribution import sources_line
from geo.exports.sheet import ExportTable
from indicators.dataset import Dataset
from indicators.needs.registry import need_method
from indicators.needs.table import indicators_used, need_table
from indicators.wording import t
from indicators.wording.voice import Voice


def needs_export(
    ds: Dataset,
    result: pd.DataFrame,
    explanations: pd.DataFrame,
    robustness: pd.DataFrame | None,
    method: str,
    year: int,
    lang: str = "de",
) -> ExportTable:
    """Need assessment per area: score, rank, class, flag, status, robustness and reasons.

    ``result``, ``explanations``, ``robustness`` are the three outputs of
    :func:`indicators.needs.assessment.run_needs`.
    """
    labels = {i: ds.catalogue[i].label(voice=Voice.of(lang)) for i in ds.catalogue}
    frame = need_table(result, explanations, robustness, method=method, labels=labels, voice=Voice.of(lang))
    used = indicators_used(result)
    meta = [
        (t("ex_method", lang), t(need_method(method).text_key("label"), lang)),
        (t("year", lang), str(year)),
        (t("ex_geography", lang), ds.geography.label(voice=Voice.of(lang))),
        (t("needs_indicators", lang), ", ".join(labels.get(i, i) for i in used)),
    ]
    return ExportTable(
        frame,
        sources_line(ds, used),
        {"score": 2, "share": 0, "rank": 0},
        {"share": f"{t('col_share', lang)} (%)"},
        meta,
    )


def query_export(ds: Dataset, res, lang: str = "de") -> ExportTable:
    """Attribute filter result (:class:`indicators.query.evaluate.QueryResult`): areas, values used, result."""
    frame = res.table.copy()
    decimals, headers = {}, {}
    for ind_id in res.indicators:
        if ind_id in ds.catalogue and ind_id in frame:
            ind = ds.catalogue[ind_id]
            frame[ind_id] = frame[ind_id].astype(float)
            decimals[ind_id] = ind.decimals_for(frame[ind_id])
            unit = ind.unit_for(voice=Voice.of(lang))
            headers[ind_id] = ind.label(voice=Voice.of(lang)) + (f" ({unit})" if unit else "")
    meta = [
        (t("ex_query", lang), res.expression),
        (t("year", lang), str(res.year)),
        (t("ex_geography", lang), ds.geography.label(voice=Voice.of(lang))),
    ]
    return ExportTable(frame, sources_line(ds, res.indicators), decimals, headers, meta)


def rows_export(ds: Dataset, rows: pd.DataFrame, indicator, source: str, lang: str = "de") -> ExportTable:
    """Indicator rows of a query tool (facilities, raster): area, value, numerator, denominator.

    ``indicator`` is the catalogue entry the tool made for the rows; ``source`` names
    the uploaded file and, for facilities, the population source.
    """
    names = dict(zip(ds.areas["code"].astype(str), ds.areas["name"].astype(str)))
    ref = ds.geography.reference_code
    if ref is not None:
        names[ref] = ds.geography.reference_label(voice=Voice.of(lang))
    sel = rows.assign(area_code=rows["area_code"].astype(str))
    sel = sel[sel["area_code"].isin(names)]
    sup = sel["suppressed"].fillna(False).astype(bool) if "suppressed" in sel else pd.Series(False, index=sel.index)
    frame = pd.DataFrame({"code": sel["area_code"].to_numpy(), "name": [names[c] for c in sel["area_code"]]})
    for col in ("value", "numerator", "denominator"):
        frame[col] = sel[col].astype(float).where(~sup).to_numpy() if col in sel else np.nan
    frame = frame.dropna(axis=1, how="all")
    frame["note"] = [t("suppressed_n", lang, n=ds.min_count) if s else "" for s in sup]
    unit = indicator.unit_for(voice=Voice.of(lang))
    dec = indicator.decimals_for(frame["value"])
    headers = {"value": indicator.label(voice=Voice.of(lang)) + (f" ({unit})" if unit else "")}
    meta = [
        (t("indicator", lang), indicator.label(voice=Voice.of(lang))),
        (t("ex_geography", lang), ds.geography.label(voice=Voice.of(lang))),
    ]
    return ExportTable(frame, source, {"value": dec}, headers, meta)


def estimate_export(result, what: str, source: str, lang: str = "de") -> ExportTable:
    """Custom-area estimate (:class:`geo.spatial.estimate.EstimateResult`): both methods and their range."""
    w = result.wide(voice=Voice.of(lang))
    suppressed = result.table.groupby("variable")["suppressed"].any()
    sup = w["variable"].map(suppressed).fillna(False).astype(bool)
    frame = pd.DataFrame({"variable": w["label"]})
    for col in ("areal", "dasymetric", "low", "high"):
        frame[col] = w[col].astype(float).where(~sup)
    frame["note"] = [t("suppressed", lang) if s else "" for s in sup]
    dec = result.decimals(w)
    meta = [
        (t("ex_title", lang), what),
        (t("year", lang), str(result.year)),
        (t("q_area", lang), f"{result.area_km2:.3f} km²"),
    ]
    return ExportTable(frame, source, {c: dec for c in ("areal", "dasymetric", "low", "high")}, {}, meta)
