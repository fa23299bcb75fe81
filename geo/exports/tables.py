"""Data downloads of the current view: CSV (plain or German Excel), XLSX with metadata.

Numbers come only from :func:`geo.join.indicator_layer` (areas) and
``Dataset.values`` (the city), i.e. after disclosure control: a suppressed
value is an empty cell with a note, never a number. Values are rounded to the
indicator's decimals (:meth:`Indicator.decimals_for`, as on the map); the last
column ``Quelle`` names source, licence and attribution on every row, so the
file opens in Excel and ``pandas.read_csv`` without options and keeps its
source when sorted (see :mod:`geo.exports.sheet`). Every text cell goes
through :func:`geo.exports.safety.safe_cell` so that a spreadsheet never runs it as a formula.
The GeoPackage download is in :mod:`geo.exports.geopackage`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from io import BytesIO

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font

from geo.exports.safety import safe_frame
from geo.exports.sheet import key_value_sheet
from geo.join import indicator_layer
from geo.printmap.text import fmt_date, reference_text
from indicators.dataset import Dataset
from indicators.errors import InputError, msg
from indicators.wording import pick, t
from indicators.wording.voice import Voice

DIALECTS = ("utf8", "excel-de")
# Cells a spreadsheet may read as a formula or command (OWASP "CSV injection").
COLUMNS = [
    "code",
    "name",
    "indicator",
    "label",
    "year",
    "value",
    "unit",
    "numerator",
    "denominator",
    "rank",
    "suppressed",
    "note",
    "source",
]
COUNT_DECIMALS = 2  # numerators/denominators that are not whole (e.g. km²)


def export_frame(
    ds: Dataset, indicators: str | Sequence[str], year: int, lang: str = "de", city: bool = True, exact: bool = False
) -> pd.DataFrame:
    """The rows behind the current view: one per area (and the city) and indicator.

    Columns are :data:`COLUMNS` (internal names; :func:`labelled` renames
    them). Suppressed values are NaN with ``suppressed`` True and a note.
    Values are rounded to the indicator's decimals unless ``exact``.
    """
    ids = [indicators] if isinstance(indicators, str) else list(indicators)
    frames = []
    for ind_id in ids:
        if ind_id not in ds.catalogue:
            raise InputError(msg("err_unknown_indicator_id", id=ind_id))
        ind = ds.catalogue[ind_id]
        layer, _ = indicator_layer(ds, ind_id, int(year))
        rows = pd.DataFrame(layer.drop(columns="geometry"))
        rows["rank"] = rows["rank"].astype("Float64")
        if city and ds.geography.reference_code is not None:
            ref = ds.values[
                (ds.values["indicator"] == ind_id)
                & (ds.values["year"] == int(year))
                & (ds.values["area_code"] == ds.geography.reference_code)
            ]
            if len(ref):
                r = ref.iloc[0]
                rows.loc[len(rows)] = {
                    "code": ds.geography.reference_code,
                    "name": ds.geography.reference_label(voice=Voice.of(lang)),
                    "value": r["value"],
                    "numerator": r["numerator"],
                    "denominator": r["denominator"],
                    "suppressed": bool(r.get("suppressed", False)),
                    "rank": pd.NA,
                }
        rows["indicator"] = ind_id
        rows["label"] = ind.label(lang)
        rows["year"] = int(year)
        rows["unit"] = ind.unit_for(lang)
        rows["suppressed"] = rows["suppressed"].astype(bool)
        note = np.where(
            rows["suppressed"],
            t("suppressed_n", lang, n=ds.min_count),
            np.where(rows["value"].isna(), t("no_data", lang), ""),
        )
        is_city = rows["code"] == ds.geography.reference_code
        rows["note"] = np.where(is_city & (note == ""), t("ex_note_city", lang), note)
        # a suppressed value must never leave the tool, whatever the input frame held
        rows.loc[rows["suppressed"], ["value", "numerator", "denominator", "rank"]] = np.nan
        rows["source"] = ds.attribution(ind_id)
        if not exact:
            dec = ind.decimals_for(layer["value"])
            rows["value"] = rows["value"].astype(float).round(dec)
            for col in ("numerator", "denominator"):
                rows[col] = rows[col].astype(float).round(COUNT_DECIMALS)
        frames.append(rows[COLUMNS])
    out = pd.concat(frames, ignore_index=True)
    for col in ("value", "numerator", "denominator"):
        out[col] = out[col].astype(float)
    return out


def labelled(frame: pd.DataFrame, lang: str = "de") -> pd.DataFrame:
    """``frame`` for people: whole-number columns as integers, yes/no, translated names."""
    out = frame.copy()
    for col in ("numerator", "denominator", "rank"):
        if col in out:
            v = out[col].astype(float)
            if np.all(np.isnan(v) | (np.mod(v, 1) == 0)):
                out[col] = v.round().astype("Int64")
    if "suppressed" in out:
        out["suppressed"] = np.where(out["suppressed"].astype(bool), t("yes", lang), t("no", lang))
    return out.rename(columns={c: t(f"ex_col_{c}", lang) for c in COLUMNS})


def to_csv_bytes(frame: pd.DataFrame, dialect: str = "utf8", lang: str = "de") -> bytes:
    """CSV of an export frame.

    ``utf8``: comma, decimal point, UTF-8. ``excel-de``: semicolon, decimal
    comma, UTF-8 with BOM (opens correctly in a German Excel by double click).
    Values are written as :func:`export_frame` rounded them.
    """
    if dialect not in DIALECTS:
        raise InputError(msg("err_unknown_csv", dialect=dialect, allowed=list(DIALECTS)))
    out = safe_frame(labelled(frame, lang))
    if dialect == "excel-de":
        text: str = out.to_csv(sep=";", decimal=",", index=False, lineterminator="\r\n")
        return text.encode("utf-8-sig")
    plain: str = out.to_csv(index=False, lineterminator="\n")
    return plain.encode("utf-8")


def layer_csv(
    ds: Dataset, indicators: str | Sequence[str], year: int, lang: str = "de", dialect: str = "utf8"
) -> bytes:
    """CSV of the view's data (:func:`export_frame` written by :func:`to_csv_bytes`)."""
    return to_csv_bytes(export_frame(ds, indicators, year, lang), dialect, lang)


def metadata_rows(
    ds: Dataset, indicators: str | Sequence[str], year: int, lang: str = "de", created: date | None = None
) -> list[tuple[str, str]]:
    """Key/value lines of the metadata sheet: per indicator and for the whole export."""
    ids = [indicators] if isinstance(indicators, str) else list(indicators)
    created = created or date.today()
    rows: list[tuple[str, str]] = [
        (t("ex_geography", lang), ds.geography.label(voice=Voice.of(lang))),
        (t("year", lang), str(year)),
        (t("ex_created_on", lang), fmt_date(created, lang)),
        (t("ex_created_with", lang), "Sozialmonitor Lübeck"),
        (t("ex_disclosure_control", lang), t("ex_disclosure_note", lang, n=ds.min_count)),
        (t("ex_boundaries", lang), ds.geography.attribution),
        ("", ""),
    ]
    for ind_id in ids:
        ind = ds.catalogue[ind_id]
        src = ds.sources.get(ind.source)
        rows += [
            (t("indicator", lang), f"{ind.label(lang)} ({ind.id})"),
            ("Definition", ind.definition(lang)),
            (t("unit", lang), ind.unit_for(lang)),
            (t("ex_topic", lang), ind.topic),
            (t("ex_reference_date", lang), reference_text(ind, int(year), lang)),
            (t("source", lang), src.label if src else ind.source),
            (t("licence", lang), ind.licence or (src.licence if src else "")),
            (t("ex_licence_url", lang), src.licence_url if src else ""),
            (t("ex_source_url", lang), src.url if src else ""),
            (t("ex_source_note", lang), pick((src.note_de, src.note_en), lang) if src else ""),
            (t("ex_attribution", lang), ds.attribution(ind_id)),
            ("", ""),
        ]
    return rows


def _xlsx_value(v: object) -> object:
    if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
        return None
    if isinstance(v, np.generic):
        return v.item()
    return v


def to_xlsx_bytes(
    ds: Dataset, indicators: str | Sequence[str], year: int, lang: str = "de", created: date | None = None
) -> bytes:
    """XLSX with a data sheet and a metadata sheet (definitions, sources, licence, dates)."""
    frame = export_frame(ds, indicators, year, lang)
    wb = Workbook()
    ws = wb.active
    ws.title = t("ex_sheet_data", lang)
    data = safe_frame(labelled(frame, lang))
    ws.append(list(data.columns))
    for row in data.itertuples(index=False):
        ws.append([_xlsx_value(v) for v in row])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    ids = [indicators] if isinstance(indicators, str) else list(indicators)
    dec = {i: ds.catalogue[i].decimals_for(frame.loc[frame["indicator"] == i, "value"]) for i in ids}
    vcol = COLUMNS.index("value") + 1
    for r, ind_id in enumerate(frame["indicator"], start=2):
        ws.cell(r, vcol).number_format = "#,##0" if dec[ind_id] == 0 else "#,##0." + "0" * dec[ind_id]
    for col, width in zip("ABCDEFGHIJKLM", (8, 24, 22, 34, 6, 10, 14, 10, 10, 6, 9, 30, 60)):
        ws.column_dimensions[col].width = width

    key_value_sheet(wb, t("ex_metadata", lang), metadata_rows(ds, ids, year, lang, created), lang)
    buf = BytesIO()
    wb.save(buf)
    return buf.getvalue()
