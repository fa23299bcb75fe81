"""Data downloads of the current view: CSV (plain or German Excel), XLSX with metadata.

Numbers come only from :func:`geo.join.indicator_layer` (areas) and
``Dataset.values`` (the city), i.e. after disclosure control: a suppressed
value is an empty cell with a note, never a number. Every text cell goes
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
from openpyxl.styles import Alignment, Font

from geo.exports.safety import safe_cell, safe_frame
from geo.join import indicator_layer
from geo.printmap.text import fmt_date, reference_text
from indicators.dataset import Dataset
from indicators.errors import InputError

DIALECTS = ("utf8", "excel-de")
# Cells a spreadsheet may read as a formula or command (OWASP "CSV injection").
COLUMNS = ["code", "name", "indicator", "label", "year", "value", "unit", "numerator",
           "denominator", "rank", "suppressed", "note"]
HEADERS = {
    "de": {"code": "Code", "name": "Gebiet", "indicator": "Indikator-ID", "label": "Indikator",
           "year": "Jahr", "value": "Wert", "unit": "Einheit", "numerator": "Zähler",
           "denominator": "Nenner", "rank": "Rang", "suppressed": "gesperrt", "note": "Hinweis"},
    "en": {"code": "code", "name": "area", "indicator": "indicator_id", "label": "indicator",
           "year": "year", "value": "value", "unit": "unit", "numerator": "numerator",
           "denominator": "denominator", "rank": "rank", "suppressed": "suppressed", "note": "note"},
}
NOTES = {
    "de": {"suppressed": "gesperrt (Datenschutz, < {n} Fälle)", "no_data": "keine Daten",
           "city": "Gesamtstadt (Referenz)"},
    "en": {"suppressed": "suppressed (privacy, < {n} cases)", "no_data": "no data",
           "city": "whole city (reference)"},
}


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "de"


def export_frame(ds: Dataset, indicators: str | Sequence[str], year: int,
                 lang: str = "de", city: bool = True) -> pd.DataFrame:
    """The rows behind the current view: one per area (and the city) and indicator.

    Columns are :data:`COLUMNS` (internal names; :func:`labelled` renames
    them). Suppressed values are NaN with ``suppressed`` True and a note.
    """
    ids = [indicators] if isinstance(indicators, str) else list(indicators)
    notes = NOTES[_lang(lang)]
    frames = []
    for ind_id in ids:
        if ind_id not in ds.catalogue:
            raise InputError(f"unbekannter Indikator '{ind_id}'")
        ind = ds.catalogue[ind_id]
        layer, _ = indicator_layer(ds, ind_id, int(year))
        rows = pd.DataFrame(layer.drop(columns="geometry"))
        rows["rank"] = rows["rank"].astype("Float64")
        if city and ds.geography.reference_code is not None:
            ref = ds.values[(ds.values["indicator"] == ind_id) & (ds.values["year"] == int(year))
                            & (ds.values["area_code"] == ds.geography.reference_code)]
            if len(ref):
                r = ref.iloc[0]
                rows.loc[len(rows)] = {
                    "code": ds.geography.reference_code, "name": ds.geography.reference_label(lang),
                    "value": r["value"], "numerator": r["numerator"], "denominator": r["denominator"],
                    "suppressed": bool(r.get("suppressed", False)), "rank": pd.NA}
        rows["indicator"] = ind_id
        rows["label"] = ind.label(lang)
        rows["year"] = int(year)
        rows["unit"] = ind.unit_for(lang)
        rows["suppressed"] = rows["suppressed"].astype(bool)
        note = np.where(rows["suppressed"], notes["suppressed"].format(n=ds.min_count),
                        np.where(rows["value"].isna(), notes["no_data"], ""))
        is_city = rows["code"] == ds.geography.reference_code
        rows["note"] = np.where(is_city & (note == ""), notes["city"], note)
        # a suppressed value must never leave the tool, whatever the input frame held
        rows.loc[rows["suppressed"], ["value", "numerator", "denominator", "rank"]] = np.nan
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
        yes, no = ("ja", "nein") if _lang(lang) == "de" else ("yes", "no")
        out["suppressed"] = np.where(out["suppressed"].astype(bool), yes, no)
    return out.rename(columns=HEADERS[_lang(lang)])


def to_csv_bytes(frame: pd.DataFrame, dialect: str = "utf8", lang: str = "de") -> bytes:
    """CSV of an export frame.

    ``utf8``: comma, decimal point, UTF-8. ``excel-de``: semicolon, decimal
    comma, UTF-8 with BOM (opens correctly in a German Excel by double click).
    Values are written in full precision, so they read back exactly.
    """
    if dialect not in DIALECTS:
        raise InputError(f"unbekanntes CSV-Format '{dialect}'; erlaubt: {', '.join(DIALECTS)}")
    out = safe_frame(labelled(frame, lang))
    if dialect == "excel-de":
        text = out.to_csv(sep=";", decimal=",", index=False, lineterminator="\r\n")
        return text.encode("utf-8-sig")
    return out.to_csv(index=False, lineterminator="\n").encode("utf-8")


def metadata_rows(ds: Dataset, indicators: str | Sequence[str], year: int, lang: str = "de",
                  created: date | None = None) -> list[tuple[str, str]]:
    """Key/value lines of the metadata sheet: per indicator and for the whole export."""
    ids = [indicators] if isinstance(indicators, str) else list(indicators)
    de = _lang(lang) == "de"
    created = created or date.today()
    rows: list[tuple[str, str]] = [
        ("Geografie" if de else "Geography", ds.geography.label(lang)),
        ("Jahr" if de else "Year", str(year)),
        ("Erstellt am" if de else "Created on", fmt_date(created, lang)),
        ("Erstellt mit" if de else "Created with", "Sozialmonitor Lübeck"),
        ("Datenschutz" if de else "Disclosure control",
         (f"Werte aus weniger als {ds.min_count} Fällen sind gesperrt (leere Zelle)." if de
          else f"Values from fewer than {ds.min_count} cases are suppressed (empty cell).")),
        ("Grenzen" if de else "Boundaries", ds.geography.attribution),
        ("", ""),
    ]
    for ind_id in ids:
        ind = ds.catalogue[ind_id]
        src = ds.sources.get(ind.source)
        rows += [
            ("Indikator" if de else "Indicator", f"{ind.label(lang)} ({ind.id})"),
            ("Definition", ind.definition(lang)),
            ("Einheit" if de else "Unit", ind.unit_for(lang)),
            ("Thema" if de else "Topic", ind.topic),
            ("Datenstand" if de else "Reference date", reference_text(ind, int(year), lang)),
            ("Quelle" if de else "Source", src.label if src else ind.source),
            ("Lizenz" if de else "Licence", ind.licence or (src.licence if src else "")),
            ("Lizenz-URL" if de else "Licence URL", src.licence_url if src else ""),
            ("Quellen-URL" if de else "Source URL", src.url if src else ""),
            ("Hinweis zur Quelle" if de else "Source note",
             (src.note_de if de else src.note_en) if src else ""),
            ("Namensnennung" if de else "Attribution", ds.attribution(ind_id)),
            ("", ""),
        ]
    return rows


def _xlsx_value(v: object) -> object:
    if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
        return None
    if isinstance(v, np.generic):
        return v.item()
    return v


def to_xlsx_bytes(ds: Dataset, indicators: str | Sequence[str], year: int, lang: str = "de",
                  created: date | None = None) -> bytes:
    """XLSX with a data sheet and a metadata sheet (definitions, sources, licence, dates)."""
    frame = export_frame(ds, indicators, year, lang)
    de = _lang(lang) == "de"
    wb = Workbook()
    ws = wb.active
    ws.title = "Daten" if de else "Data"
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
    for col, width in zip("ABCDEFGHIJKL", (8, 24, 22, 34, 6, 10, 14, 10, 10, 6, 9, 30)):
        ws.column_dimensions[col].width = width

    meta = wb.create_sheet("Metadaten" if de else "Metadata")
    meta.append(["Feld" if de else "Field", "Inhalt" if de else "Content"])
    for key, value in metadata_rows(ds, ids, year, lang, created):
        meta.append([safe_cell(key), safe_cell(value)])
    for cell in meta[1]:
        cell.font = Font(bold=True)
    meta.column_dimensions["A"].width = 22
    meta.column_dimensions["B"].width = 100
    for row in meta.iter_rows(min_row=2, min_col=2, max_col=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    buf = BytesIO()
    wb.save(buf)
    return buf.getvalue()
