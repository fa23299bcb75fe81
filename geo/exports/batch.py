"""Batch export: one print map per indicator, plus an index (CSV and Markdown)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import matplotlib
import pandas as pd
from tqdm import tqdm

from geo.exports.safety import safe_frame
from geo.printmap import layout as pl
from geo.printmap.render import PrintOptions, build_print_map, check_options, figure_bytes
from geo.printmap.spec import FORMATS
from indicators.dataset import Dataset
from indicators.errors import InputError, msg
from indicators.wording.voice import GERMAN, Voice

INDEX_COLUMNS = ["file", "indicator", "label", "year", "status"]


def export_all_maps(
    ds: Dataset,
    year: int,
    out_dir: Path | str,
    fmt: str = "png",
    options: PrintOptions | None = None,
    indicators: Sequence[str] | None = None,
    progress: bool = True,
    render: Callable[..., bytes] | None = None,
) -> pd.DataFrame:
    """Write a print map for every indicator (default: whole catalogue) into ``out_dir``.

    The dataset is read once and passed in. Indicators without data for
    ``year`` get no file; the index lists them with the reason. Writes
    ``index.csv`` and ``index.md`` and returns the index (its statuses and headings in ``options.voice``'s
    language; a map written is ``ok`` in both). ``render`` (a map writer of the
    export registry, :mod:`geo.formats`: ``render(ds, indicator, year, options=…)``) makes the
    files, named ``<indicator>_<year>.<fmt>``; without it the print map itself draws ``fmt``.
    """
    if render is None and fmt not in FORMATS:
        raise InputError(msg("err_unknown_format", fmt=fmt, allowed=list(FORMATS)))
    options = options or PrintOptions()
    check_options(options)
    voice = options.voice
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ids = list(indicators or ds.catalogue)
    rows = []
    with matplotlib.rc_context(pl.RC):
        for ind_id in tqdm(
            ids,
            desc=voice.t("batch_progress"),
            unit=voice.t("batch_progress_unit"),
            file=sys.stderr,
            disable=not progress,
        ):
            ind = ds.catalogue.get(ind_id)
            label = ind.label(voice=voice) if ind else ""
            if ind is None:
                rows.append(("", ind_id, label, year, voice.t("batch_unknown_indicator")))
                continue
            if int(year) not in ds.years_for(ind_id):
                rows.append(("", ind_id, label, year, voice.t("batch_no_data", year=year)))
                continue
            name = f"{ind_id}_{year}.{fmt}"
            untitled = replace(options, title=None)
            if render is not None:
                (out / name).write_bytes(render(ds, ind_id, int(year), options=untitled))
                rows.append((name, ind_id, label, int(year), "ok"))
                continue
            pm = build_print_map(ds, ind_id, int(year), untitled)
            (out / name).write_bytes(figure_bytes(pm.figure, fmt, pm.title))
            rows.append((name, ind_id, label, int(year), "ok"))
    index = pd.DataFrame(rows, columns=INDEX_COLUMNS)
    write_index(index, out, ds.geography.label(voice=voice), voice=voice)
    return index


def write_index(index: pd.DataFrame, out: Path, geography: str, *, voice: Voice = GERMAN) -> None:
    """``index.csv`` (UTF-8, its column names fixed) and ``index.md`` (a table with links to the files)."""
    safe_frame(index).to_csv(out / "index.csv", index=False, lineterminator="\n")
    lines = [
        f"# {voice.t('batch_index_title', geography=geography)}",
        "",
        f"| {voice.t('batch_index_head')} |",
        "|---|---|---|---|---|",
    ]
    for r in index.itertuples(index=False):
        link = f"[{r.file}]({r.file})" if r.file else "–"
        label = str(r.label).replace("|", "\\|")
        lines.append(f"| {link} | {r.indicator} | {label} | {r.year} | {r.status} |")
    (out / "index.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
