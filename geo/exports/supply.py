"""Tables of the Versorgung page as :class:`geo.exports.sheet.ExportTable` (CSV/XLSX go through
:func:`geo.exports.safety.safe_frame` in :mod:`geo.exports.sheet`)."""

from __future__ import annotations

import pandas as pd

from geo.exports.sheet import ExportTable, yes_no
from indicators.wording import t


def reach_table(frame: pd.DataFrame, *, lang: str = "de") -> pd.DataFrame:
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
            "withheld": yes_no(frame["withheld"], lang),
        }
    )


def reach_headers(lang: str = "de") -> dict[str, str]:
    """Column headers of :func:`reach_table`."""
    return {
        "code": t("sup_col_code", lang),
        "name": t("sup_col_name", lang),
        "demand": t("sup_col_demand", lang),
        "access_1000": t("sup_col_access", lang),
        "uncovered_demand": t("sup_col_uncovered", lang),
        "uncovered_pct": t("sup_col_uncovered_pct", lang),
        "withheld": t("sup_col_withheld", lang),
        "covered_before": t("sup_col_before", lang),
        "covered_after": t("sup_col_after", lang),
        "id": t("sup_col_site", lang),
        "x": "x (EPSG:25832)",
        "y": "y (EPSG:25832)",
        "area_code": t("sup_col_code", lang),
        "newly_covered": t("sup_col_newly", lang),
    }


def reach_export(frame: pd.DataFrame, *, meta: list[tuple[str, str]], source: str, lang: str = "de") -> ExportTable:
    """Per-area reach for CSV/XLSX, with method, distance and sources in the meta lines."""
    return ExportTable(
        reach_table(frame, lang=lang),
        source,
        {"demand": 0, "access_1000": 3, "uncovered_demand": 0, "uncovered_pct": 1},
        reach_headers(lang),
        meta,
    )


def sites_export(
    areas: pd.DataFrame, chosen: pd.DataFrame, *, meta: list[tuple[str, str]], source: str, lang: str = "de"
) -> ExportTable:
    """Chosen sites (one row each) followed by the per-area covered demand before and after."""
    sites = chosen.rename(columns={"area_code": "code"}).assign(name="")
    table = pd.concat([sites, areas.drop(columns=["withheld"])], ignore_index=True)
    return ExportTable(
        table,
        source,
        {"x": 0, "y": 0, "newly_covered": 0, "demand": 0, "covered_before": 0, "covered_after": 0},
        reach_headers(lang),
        [*meta, (t("sup_caveat_title", lang), t("caveat_model", lang))],
    )
