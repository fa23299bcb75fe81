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
from indicators.wording.voice import GERMAN, Voice


def needs_export(
    ds: Dataset,
    result: pd.DataFrame,
    explanations: pd.DataFrame,
    robustness: pd.DataFrame | None,
    method: str,
    year: int,
    *,
    voice: Voice = GERMAN,
) -> ExportTable:
    """Need assessment per area: score, rank, class, flag, status, robustness and reasons.

    ``result``, ``explanations``, ``robustness`` are the three outputs of
    :func:`indicators.needs.assessment.run_needs`.
    """
    labels = {i: ds.catalogue[i].label(voice=voice) for i in ds.catalogue}
    frame = need_table(result, explanations, robustness, method=method, labels=labels, voice=voice)
    used = indicators_used(result)
    meta = [
        (voice.t("ex_method"), voice.t(need_method(method).text_key("label"))),
        (voice.t("year"), str(year)),
        (voice.t("ex_geography"), ds.geography.label(voice=voice)),
        (voice.t("needs_indicators"), ", ".join(labels.get(i, i) for i in used)),
    ]
    return ExportTable(
        frame,
        sources_line(ds, used),
        {"score": 2, "share": 0, "rank": 0},
        {"share": f"{voice.t('col_share')} (%)"},
        meta,
    )


def query_export(ds: Dataset, res, *, voice: Voice = GERMAN) -> ExportTable:
    """Attribute filter result (:class:`indicators.query.evaluate.QueryResult`): areas, values used, result."""
    frame = res.table.copy()
    decimals, headers = {}, {}
    for ind_id in res.indicators:
        if ind_id in ds.catalogue and ind_id in frame:
            ind = ds.catalogue[ind_id]
            frame[ind_id] = frame[ind_id].astype(float)
            decimals[ind_id] = ind.decimals_for(frame[ind_id])
            unit = ind.unit_for(voice=voice)
            headers[ind_id] = ind.label(voice=voice) + (f" ({unit})" if unit else "")
    meta = [
        (voice.t("ex_query"), res.expression),
        (voice.t("year"), str(res.year)),
        (voice.t("ex_geography"), ds.geography.label(voice=voice)),
    ]
    return ExportTable(frame, sources_line(ds, res.indicators), decimals, headers, meta)


def rows_export(ds: Dataset, rows: pd.DataFrame, indicator, source: str, *, voice: Voice = GERMAN) -> ExportTable:
    """Indicator rows of a query tool (facilities, raster): area, value, numerator, denominator.

    ``indicator`` is the catalogue entry the tool made for the rows; ``source`` names
    the uploaded file and, for facilities, the population source.
    """
    names = dict(zip(ds.areas["code"].astype(str), ds.areas["name"].astype(str)))
    ref = ds.geography.reference_code
    if ref is not None:
        names[ref] = ds.geography.reference_label(voice=voice)
    sel = rows.assign(area_code=rows["area_code"].astype(str))
    sel = sel[sel["area_code"].isin(names)]
    sup = sel["suppressed"].fillna(False).astype(bool) if "suppressed" in sel else pd.Series(False, index=sel.index)
    frame = pd.DataFrame({"code": sel["area_code"].to_numpy(), "name": [names[c] for c in sel["area_code"]]})
    for col in ("value", "numerator", "denominator"):
        frame[col] = sel[col].astype(float).where(~sup).to_numpy() if col in sel else np.nan
    frame = frame.dropna(axis=1, how="all")
    frame["note"] = [voice.t("suppressed_n", n=ds.min_count) if s else "" for s in sup]
    unit = indicator.unit_for(voice=voice)
    dec = indicator.decimals_for(frame["value"])
    headers = {"value": indicator.label(voice=voice) + (f" ({unit})" if unit else "")}
    meta = [
        (voice.t("indicator"), indicator.label(voice=voice)),
        (voice.t("ex_geography"), ds.geography.label(voice=voice)),
    ]
    return ExportTable(frame, source, {"value": dec}, headers, meta)


def estimate_export(result, what: str, source: str, *, voice: Voice = GERMAN) -> ExportTable:
    """Custom-area estimate (:class:`geo.spatial.estimate.EstimateResult`): both methods and their range."""
    w = result.wide(voice=voice)
    suppressed = result.table.groupby("variable")["suppressed"].any()
    sup = w["variable"].map(suppressed).fillna(False).astype(bool)
    frame = pd.DataFrame({"variable": w["label"]})
    for col in ("areal", "dasymetric", "low", "high"):
        frame[col] = w[col].astype(float).where(~sup)
    frame["note"] = [voice.t("suppressed") if s else "" for s in sup]
    dec = result.decimals(w)
    meta = [
        (voice.t("ex_title"), what),
        (voice.t("year"), str(result.year)),
        (voice.t("q_area"), f"{result.area_km2:.3f} km²"),
    ]
    return ExportTable(frame, source, {c: dec for c in ("areal", "dasymetric", "low", "high")}, {}, meta)
