"""The frame of a print page: the header (title, subtitle) and the footer (source, method, date)."""

from __future__ import annotations

from matplotlib.figure import Figure

from geo.printmap import layout as pl


def draw_header(fig: Figure, layout: pl.PageLayout, title: str, subtitle: str) -> None:
    """The title (shrunk to fit one line, down to 11 pt) and up to two lines of subtitle."""
    ax = pl.add_axes_mm(fig, layout.header, layout)
    w, h = layout.header[2], layout.header[3]
    fs = layout.font_scale
    size = 17 * fs
    while size > 11 * fs and pl.text_width_px(fig, title, size, "bold") > w / pl.MM_PER_INCH * fig.dpi:
        size -= 0.5 * fs
    ax.text(0, h, title, ha="left", va="top", fontsize=size, fontweight="bold", color=pl.TEXT_COLOR)
    sub = "\n".join(pl.wrap_to_width(fig, subtitle, w, 10 * fs)[:2])
    ax.text(0, h - 9.5 * fs, sub, ha="left", va="top", fontsize=10 * fs, color=pl.MUTED, linespacing=1.3)


def footer_lines(fig: Figure, width_mm: float, fontsize: float, parts: list[str]) -> list[str]:
    """Footer parts wrapped to the page width."""
    return [line for p in parts for line in pl.wrap_to_width(fig, p, width_mm, fontsize)]


def draw_footer(fig: Figure, layout: pl.PageLayout, lines: list[str], fontsize: float) -> None:
    """A rule and the footer lines (source, method, date, CRS) under it."""
    ax = pl.add_axes_mm(fig, layout.footer, layout)
    w, h = layout.footer[2], layout.footer[3]
    ax.plot([0, w], [h, h], color="#999999", linewidth=0.5)
    ax.text(
        0,
        h - 1.6 * layout.font_scale,
        "\n".join(lines),
        ha="left",
        va="top",
        fontsize=fontsize,
        color=pl.MUTED,
        linespacing=1.45,
    )
