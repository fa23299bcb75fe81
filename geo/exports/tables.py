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
from geo.printmap.text import reference_text
from indicators.dataset import Dataset
from indicators.errors import InputError, msg
from indicators.wording.voice import GERMAN, Voice

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
    ds: Dataset,
    indicators: str | Sequence[str],
    year: int,
    city: bool = True,
    exact: bool = False,
    *,
    voice: Voice = GERMAN,
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
                    "name": ds.geography.reference_label(voice=voice),
                    "value": r["value"],
                    "numerator": r["numerator"],
                    "denominator": r["denominator"],
                    "suppressed": bool(r.get("suppressed", False)),
                    "rank": pd.NA,
                }
        rows["indicator"] = ind_id
        rows["label"] = ind.label(voice=voice)
        rows["year"] = int(year)
        rows["unit"] = ind.unit_for(voice=voice)
        rows["suppressed"] = rows["suppressed"].astype(bool)
        note = np.where(
            rows["suppressed"],
            voice.t("suppressed_n", n=ds.min_count),
            np.where(rows["value"].isna(), voice.t("no_data"), ""),
        )
        is_city = rows["code"] == ds.geography.reference_code
        rows["note"] = np.where(is_city & (note == ""), voice.t("ex_note_city"), note)
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


def labelled(frame: pd.DataFrame, *, voice: Voice = GERMAN) -> pd.DataFrame:
    """``frame`` for people: whole-number columns as integers, yes/no, translated names."""
    out = frame.copy()
    for col in ("numerator", "denominator", "rank"):
        if col in out:
            v = out[col].astype(float)
            if np.all(np.isnan(v) | (np.mod(v, 1) == 0)):
                out[col] = v.round().astype("Int64")
    if "suppressed" in out:
        out["suppressed"] = np.where(out["suppressed"].astype(bool), voice.t("yes"), voice.t("no"))
    return out.rename(columns={c: voice.t(f"ex_col_{c}") for c in COLUMNS})


def to_csv_bytes(frame: pd.DataFrame, dialect: str = "utf8", *, voice: Voice = GERMAN) -> bytes:
    """CSV of an export frame.

    ``utf8``: comma, decimal point, UTF-8. ``excel-de``: semicolon, decimal
    comma, UTF-8 with BOM (opens correctly in a German Excel by double click).
    Values are written as :func:`export_frame` rounded them.
    """
    if dialect not in DIALECTS:
        raise InputError(msg("err_unknown_csv", dialect=dialect, allowed=list(DIALECTS)))
    out = safe_frame(labelled(frame, voice=voice))
    if dialect == "excel-de":
        text: str = out.to_csv(sep=";", decimal=",", index=False, lineterminator="\r\n")
        return text.encode("utf-8-sig")
    plain: str = out.to_csv(index=False, lineterminator="\n")
    return plain.encode("utf-8")


def layer_csv(
    ds: Dataset, indicators: str | Sequence[str], year: int, dialect: str = "utf8", *, voice: Voice = GERMAN
) -> bytes:
    """CSV of the view's data (:func:`export_frame` written by :func:`to_csv_bytes`)."""
    return to_csv_bytes(export_frame(ds, indicators, year, voice=voice), dialect, voice=voice)


def metadata_rows(
    ds: Dataset,
    indicators: str | Sequence[str],
    year: int,
    *,
    voice: Voice = GERMAN,
    created: date | None = None,
) -> list[tuple[str, str]]:
    """Key/value lines of the metadata sheet: per indicator and for the whole export."""
    ids = [indicators] if isinstance(indicators, str) else list(indicators)
    created = created or date.today()
    rows: list[tuple[str, str]] = [
        (voice.t("ex_geography"), ds.geography.label(voice=voice)),
        (voice.t("year"), str(year)),
        (voice.t("ex_created_on"), voice.date(created)),
        (voice.t("ex_created_with"), "Sozialmonitor Lübeck"),
        (voice.t("ex_disclosure_control"), voice.t("ex_disclosure_note", n=ds.min_count)),
        (voice.t("ex_boundaries"), ds.geography.attribution),
        ("", ""),
    ]
    for ind_id in ids:
        ind = ds.catalogue[ind_id]
        src = ds.sources.get(ind.source)
        rows += [
            (voice.t("indicator"), f"{ind.label(voice=voice)} ({ind.id})"),
            ("Definition", ind.definition(voice=voice)),
            (voice.t("unit"), ind.unit_for(voice=voice)),
            (voice.t("ex_topic"), ind.topic_label(voice=voice)),
            (voice.t("ex_reference_date"), reference_text(ind, int(year), voice=voice)),
            (voice.t("source"), src.label if src else ind.source),
            (voice.t("licence"), ind.licence or (src.licence if src else "")),
            (voice.t("ex_licence_url"), src.licence_url if src else ""),
            (voice.t("ex_source_url"), src.url if src else ""),
            (voice.t("ex_source_note"), voice.pick((src.note_de, src.note_en)) if src else ""),
            (voice.t("ex_attribution"), ds.attribution(ind_id)),
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
    ds: Dataset,
    indicators: str | Sequence[str],
    year: int,
    *,
    voice: Voice = GERMAN,
    created: date | None = None,
) -> bytes:
    """XLSX with a data sheet and a metadata sheet (definitions, sources, licence, dates)."""
    frame = export_frame(ds, indicators, year, voice=voice)
    wb = Workbook()
    ws = wb.active
    ws.title = voice.t("ex_sheet_data")
    data = safe_frame(labelled(frame, voice=voice))
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

    key_value_sheet(wb, voice.t("ex_metadata"), metadata_rows(ds, ids, year, voice=voice, created=created), voice=voice)
    buf = BytesIO()
    wb.save(buf)
    return buf.getvalue()
