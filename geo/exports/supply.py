"""Tables of the Versorgung page as :class:`geo.exports.sheet.ExportTable` (CSV/XLSX go through
:func:`geo.exports.safety.safe_frame` in :mod:`geo.exports.sheet`)."""

from __future__ import annotations

import pandas as pd

from geo.exports.sheet import ExportTable, yes_no
from indicators.wording.voice import GERMAN, Voice


def reach_table(frame: pd.DataFrame, *, voice: Voice = GERMAN) -> pd.DataFrame:
    """The per-area reach frame (:meth:`geo.spatial.reach.ReachResult.area_frame`) for people:
    access per 1,000 demand, shares in %."""
    return pd.DataFrame(
        {
            "code": frame["code"],
            "name": frame["name"],
            "demand": frame["demand"],
            "access_1000": frame["access"] * 1000,
            "uncovered_demand": frame["uncovered_demand"],
            "uncovered_pct": frame["uncovered_share"] * 100,
            "withheld": yes_no(frame["withheld"], voice=voice),
        }
    )


def reach_headers(*, voice: Voice = GERMAN) -> dict[str, str]:
    """Column headers of :func:`reach_table`."""
    return {
        "code": voice.t("sup_col_code"),
        "name": voice.t("sup_col_name"),
        "demand": voice.t("sup_col_demand"),
        "access_1000": voice.t("sup_col_access"),
        "uncovered_demand": voice.t("sup_col_uncovered"),
        "uncovered_pct": voice.t("sup_col_uncovered_pct"),
        "withheld": voice.t("sup_col_withheld"),
        "covered_before": voice.t("sup_col_before"),
        "covered_after": voice.t("sup_col_after"),
        "id": voice.t("sup_col_site"),
        "x": "x (EPSG:25832)",
        "y": "y (EPSG:25832)",
        "area_code": voice.t("sup_col_code"),
        "newly_covered": voice.t("sup_col_newly"),
    }


def reach_export(
    frame: pd.DataFrame, *, meta: list[tuple[str, str]], source: str, voice: Voice = GERMAN
) -> ExportTable:
    """Per-area reach for CSV/XLSX, with method, distance and sources in the meta lines."""
    return ExportTable(
        reach_table(frame, voice=voice),
        source,
        {"demand": 0, "access_1000": 3, "uncovered_demand": 0, "uncovered_pct": 1},
        reach_headers(voice=voice),
        meta,
    )


def sites_export(
    areas: pd.DataFrame, chosen: pd.DataFrame, *, meta: list[tuple[str, str]], source: str, voice: Voice = GERMAN
) -> ExportTable:
    """Chosen sites (one row each) followed by the per-area covered demand before and after."""
    sites = chosen.rename(columns={"area_code": "code"}).assign(name="")
    table = pd.concat([sites, areas.drop(columns=["withheld"])], ignore_index=True)
    return ExportTable(
        table,
        source,
        {"x": 0, "y": 0, "newly_covered": 0, "demand": 0, "covered_before": 0, "covered_after": 0},
        reach_headers(voice=voice),
        [*meta, (voice.t("sup_caveat_title"), voice.t("caveat_model"))],
    )
