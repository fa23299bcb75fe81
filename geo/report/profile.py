"""The area profile (Gebietsprofil) of one area as a one-page PDF: the atlas' profile download.

The same page as the area profiles of the social report (:func:`geo.report.areas.area_page`):
a locator map, residents and flag count, every indicator next to the city value with rank and
flag; header and footer name the area, geography, year, source and creation date.
"""

from __future__ import annotations

from datetime import date
from io import BytesIO

import matplotlib
from matplotlib.backends.backend_pdf import PdfPages

from geo.printmap import layout as pl
from geo.report import areas as ra
from geo.report import layout as rl
from geo.report import pages as rp
from indicators.compute.flag_table import threshold_flag_table
from indicators.dataset import Dataset
from indicators.errors import InputError, msg
from indicators.wording.message import Pair
from indicators.wording.voice import GERMAN, Voice


def area_profile_pdf(ds: Dataset, code: str, year: int, *, voice: Voice = GERMAN, created: date | None = None) -> bytes:
    """One A4 page: the profile of area ``code`` in ``year``, texts in the voice's language.

    Parameters
    ----------
    ds : Dataset
        The loaded dataset (disclosure control applied).
    code : str
        The area's code.
    year : int
        A year of the data.
    voice : Voice
        Language of texts and numbers.
    created : date, optional
        The creation date printed in the footer (default: today).

    Returns
    -------
    bytes
        The PDF.

    Raises
    ------
    InputError
        For an unknown area or year.
    """
    names = dict(zip(ds.areas["code"].astype(str), ds.areas["name"].astype(str)))
    if str(code) not in names:
        raise InputError(
            msg(
                "err_profile_unknown_area",
                code=code,
                geography=Pair(de=ds.geography.label(), en=ds.geography.label(voice=Voice.of("en"))),
            )
        )
    if int(year) not in ds.years:
        raise InputError(msg("err_profile_no_year", year=year, first=ds.years[0], last=ds.years[-1]))
    code, year = str(code), int(year)
    table = threshold_flag_table(ds, year)
    table.index = table.index.astype(str)
    layers = rp.year_layers(ds, year)
    title = voice.t("prof_title", area=f"{names[code]} ({code})")
    buf = BytesIO()
    meta = {"Title": title, "Creator": "Sozialmonitor Lübeck", "Subject": ds.geography.label(voice=voice)}
    with matplotlib.rc_context(pl.RC), PdfPages(buf, metadata=meta) as pdf:
        fig, layout = rl.new_page()
        footer = voice.t("prof_footer", date=voice.date(created or date.today()), source=ds.attribution())
        top = rl.page_frame(
            fig,
            layout,
            title,
            ds.geography.label(voice=voice),
            voice.t("prof_subtitle", geography=ds.geography.label(voice=voice), year=year),
            footer,
        )
        ra.area_page(fig, layout, rp.ReportYear(ds, year, layers, table, voice=voice), code, top)
        pdf.savefig(fig)
    return buf.getvalue()
