"""HTML snippets of the web map: tooltip and legend.

Every string that comes from data (area names, codes, indicator labels, units) goes
through :func:`html.escape` here, because Leaflet puts tooltip, label and legend
content into ``innerHTML``. A name such as ``<img src=x onerror=alert(1)>`` must show
literally and never run.
"""

from __future__ import annotations

from html import escape

from geo.webmap.layer import MapLabels
from indicators.compute.classify import SCHEME_NAMES, Classification


def tooltip_html(
    name: str,
    value: float | None,
    *,
    labels: MapLabels,
    rank: int | None = None,
    n_ranked: int = 0,
    suppressed: bool = False,
    flagged: bool = False,
    extra: str | None = None,
) -> str:
    """Tooltip of one area: name, value with unit, rank and city value.

    Parameters
    ----------
    name : str
        Area name (escaped).
    value : float, optional
        The area's value; None or NaN is "no data".
    labels : MapLabels
        Indicator label, unit, city name and value, decimals, language, flag text.
    rank, n_ranked : int
        The area's rank among ``n_ranked`` areas (shown when both are given).
    suppressed, flagged : bool
        Value hidden for privacy; area flagged.
    extra : str, optional
        An extra line from the caller (e.g. class and robustness of a need assessment);
        like every data string it is escaped.

    Returns
    -------
    str
        HTML in which every data string is escaped.
    """
    indicator_label, unit, decimals, voice = labels.indicator_label, labels.unit, labels.decimals, labels.voice
    city_name, city_value = labels.city_name, labels.city_value
    rows = []
    if suppressed:
        note = voice.t("wm_suppressed")
    elif value is None or value != value:  # NaN
        note = voice.t("no_data")
    else:
        note = None
        rows.append(("sm-tip-value", indicator_label, voice.value(value, unit, decimals)))
        if rank is not None and rank == rank and n_ranked:
            rows.append(("", voice.t("rank"), voice.rank(rank, n_ranked)))
    if city_value is not None and city_value == city_value:
        rows.append(("", city_name, voice.value(city_value, unit, decimals)))
    parts = [f'<div class="sm-tip"><div class="sm-tip-name">{escape(str(name))}</div>']
    if note:
        parts.append(f'<div class="sm-tip-note">{escape(indicator_label)}: {escape(note)}</div>')
    if rows:
        parts.append("<table>")
        for cls, label, val in rows:
            attr = f' class="{cls}"' if cls else ""
            parts.append(f"<tr{attr}><th>{escape(label)}</th><td>{escape(val)}</td></tr>")
        parts.append("</table>")
    if flagged:
        parts.append(f'<div class="sm-tip-flag">{escape(labels.flag_label or voice.t("flag_elevated"))}</div>')
    if extra:
        parts.append(f'<div class="sm-tip-note">{escape(extra)}</div>')
    parts.append("</div>")
    return "".join(parts)


def element_text(text: str) -> str:
    """``text`` HTML-escaped for a folium element's tooltip or popup, with braces as entities.

    branca renders a macro's output as a Jinja template a second time, so ``{{ … }}`` in a
    measure title or address would be *evaluated on the server* (template injection). The
    entities show as ``{``/``}`` in the browser and are never template syntax.
    """
    return escape(str(text)).replace("{", "&#123;").replace("}", "&#125;")


def label_html(name: str) -> str:
    """Area label for a Leaflet DivIcon (escaped)."""
    return f"<span>{escape(str(name))}</span>"


def _swatch(style: str = "", css_class: str = "") -> str:
    cls = "sm-sw" + (f" {css_class}" if css_class else "")
    st = f' style="{escape(style)}"' if style else ""
    return f'<span class="{cls}"{st}></span>'


def _city_class(c: Classification, city_value: float | None) -> int | None:
    """The class the city value lies in; None outside the classes (a count's city total exceeds
    every area: no "◂ Lübeck gesamt" beside the top class, the line below the legend gives it)."""
    if city_value is None or city_value != city_value or not c.edges:
        return None
    if not c.edges[0] <= city_value <= c.edges[-1]:
        return None
    return next(i for i in range(c.k) if city_value <= c.edges[i + 1] or i == c.k - 1)


def legend_html(
    c: Classification,
    *,
    labels: MapLabels,
    counts: tuple[int, ...] | None = None,
    n_no_data: int = 0,
    n_suppressed: int = 0,
    n_flagged: int = 0,
    selected_label: str | None = None,
) -> str:
    """Legend: title, scheme, class intervals with area counts, special entries.

    Parameters
    ----------
    c : Classification
        Classes, colours and German/English interval labels.
    labels : MapLabels
        Indicator label, unit, city name and value, decimals, language, flag text.
    counts : tuple of int, optional
        Areas per class as drawn (defaults to ``c.counts``).
    n_no_data, n_suppressed, n_flagged : int
        The grey, hatched and outlined entries are shown when their count is > 0.
    selected_label : str, optional
        Text of the selected-area entry (none: no entry).

    Returns
    -------
    str
        HTML in which every data string is escaped.
    """
    indicator_label, unit, decimals, voice = labels.indicator_label, labels.unit, labels.decimals, labels.voice
    city_name, city_value, flag_label = labels.city_name, labels.city_value, labels.flag_label
    counts = c.counts if counts is None else counts
    scheme = SCHEME_NAMES[voice.lang].get(c.scheme, c.scheme)
    sub = f"{voice.t('wm_in')} {unit}, " if unit else ""
    sub += f"{scheme}, {c.k} {voice.t('wm_classes')}" if c.k != 1 else scheme
    city_cls = _city_class(c, city_value)
    city_mark = f"◂ {city_name}"
    out = [
        f'<div class="sm-legend-title">{escape(indicator_label)}</div>',
        f'<div class="sm-legend-sub">{escape(sub)}</div>',
        f"<table><tr><th></th><th></th><th>{escape(voice.t('pm_areas'))}</th><th></th></tr>",
    ]
    for i, (color, label, n) in enumerate(zip(c.colors, c.labels, counts)):
        mark = escape(city_mark) if i == city_cls else ""
        out.append(
            f'<tr class="sm-class"><td>{_swatch(f"background:{color}")}</td>'
            f'<td class="sm-lab">{escape(label)}</td><td class="sm-n">{n}</td>'
            f'<td class="sm-city">{mark}</td></tr>'
        )
    specials = []
    if n_no_data:
        specials.append((_swatch("background:#d4d4d4"), voice.t("no_data"), str(n_no_data)))
    if n_suppressed:
        specials.append((_swatch(css_class="sm-sw-hatch"), voice.t("suppressed_short"), str(n_suppressed)))
    if n_flagged:
        specials.append((_swatch(css_class="sm-sw-flag"), flag_label or voice.t("flag_elevated"), str(n_flagged)))
    if selected_label:
        specials.append((_swatch(css_class="sm-sw-selected"), selected_label, ""))
    for j, (sw, label, count) in enumerate(specials):
        cls = "sm-special sm-first-special" if j == 0 else "sm-special"
        out.append(
            f'<tr class="{cls}"><td>{sw}</td><td class="sm-lab">{escape(label)}</td>'
            f'<td class="sm-n">{escape(count)}</td><td></td></tr>'
        )
    out.append("</table>")
    if city_value is not None and city_value == city_value:
        city = voice.value(city_value, unit, decimals)
        out.append(f'<div class="sm-legend-city">{escape(city_name)}: {escape(city)}</div>')
    return "".join(out)
