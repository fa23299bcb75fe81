"""The folium elements of the web map: the areas' layer group and the ``smChoropleth`` call.

``geo.webmap.folium_map.build_map`` puts a :class:`Choropleth` (the spec for
``static/map/choropleth.js``) into an :class:`AreasGroup` on the map; :func:`detach_areas`
takes the group off again so that ``st_folium`` can send it as a feature group. The drawing
tool's texts (:func:`draw_texts`) reach the browser through :class:`DrawLocal`.
"""

from __future__ import annotations

from typing import Any

import folium
from branca.element import Element, Figure, MacroElement, Template
from jinja2.utils import htmlsafe_json_dumps

from indicators.wording.voice import GERMAN, Voice


class RawScript(Element):
    """Rendered script text added as it is.

    branca's ``MacroElement.render`` wraps a macro's output in ``Element(text)``, which
    compiles it as a jinja template a second time: slow for a map of thousands of cells
    (the lexer scans ~0.5 MB), and text from the data (an area name ``{{ … }}``) would be
    evaluated on the server.
    """

    def __init__(self, text: str) -> None:
        super().__init__("")
        self._text = text

    def render(self, **kwargs) -> str:  # noqa: ARG002 (folium's signature)
        return self._text


class AreasGroup(folium.FeatureGroup):
    """The choropleth's layer group: areas, overlays, labels; legend and scale live while it is on the map.

    ``st_folium(base, feature_group_to_add=group)`` (see :func:`detach_areas`) keeps the map's
    iframe when only the group changes (indicator, year, selection): no new iframe, no
    Leaflet reload, and the planner's zoom stays.
    """

    def __init__(self) -> None:
        super().__init__(name="areas", control=False)  # keeps folium's "feature_group" name: st_folium adds it by that


class Choropleth(MacroElement):
    """Calls ``smChoropleth(map, spec, group)`` from ``static/map/choropleth.js`` (parent: an :class:`AreasGroup`)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = smChoropleth({{ this._parent._parent.get_name() }},
            {{ this.spec_json() }}, {{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, spec: dict[str, Any], bounds: list[list[float]]) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # folium is untyped
        self._name = "SmChoropleth"
        self.spec = spec
        self._json: str | None = None
        self._bounds: list[list[float | None]] = [list(b) for b in bounds]

    def _get_self_bounds(self) -> list[list[float | None]]:  # branca's signature (None = unknown)
        return self._bounds

    def spec_json(self) -> str:
        """The spec as JSON, made once per element (``st_folium`` renders the script twice).

        jinja's ``tojson`` (``htmlsafe_json_dumps``) escapes <, >, & and ' so the JSON cannot
        end the <script>. Change :attr:`spec` only before the map is first rendered.
        """
        if self._json is None:
            self._json = str(htmlsafe_json_dumps(self.spec))
        return self._json

    def render(self, **kwargs) -> str:
        """As ``MacroElement.render`` for a script-only macro, without compiling its output again."""
        figure = self.get_root()
        assert isinstance(figure, Figure), "render the map's root (a branca Figure)"
        script = self._template.module.__dict__["script"]
        figure.script.add_child(RawScript(str(script(self, kwargs))), name=self.get_name())
        for element in self._children.values():
            element.render(**kwargs)
        return ""


def map_spec(m: folium.Map) -> dict[str, Any]:
    """The choropleth spec of a map from :func:`build_map` (to adjust, e.g. its ``fit``, before rendering)."""
    for group in m._children.values():
        for child in getattr(group, "_children", {}).values():
            if isinstance(child, Choropleth):
                return child.spec
    problem = "map has no choropleth (build it with build_map)"
    raise ValueError(problem)


def detach_areas(m: folium.Map) -> AreasGroup | None:
    """Take the choropleth's :class:`AreasGroup` off ``m`` and return it (``None`` if there is none).

    For ``st_folium(m, feature_group_to_add=group)``: the base map's script then stays the
    same while indicator, year or selection change, so its component (iframe) stays.
    """
    for name, child in list(m._children.items()):
        if isinstance(child, AreasGroup):
            del m._children[name]
            return child
    return None


class FitAreas(MacroElement):
    """Fits a map without a choropleth to ``bounds`` (``[[south, west], [north, east]]``, WGS 84) and adds the
    metric scale bar: ``smFit`` from ``static/map/choropleth.js``, the atlas's own fitting.

    folium's ``fit_bounds`` fits once, to whatever size the frame has when the script runs; Streamlit
    sizes the frame afterwards, so the city came out cut off or far too small. ``smFit`` fits again when
    the frame changes size, until the user pans or zooms.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        smFit({{ this._parent.get_name() }}, {{ this.bounds_json }});
        {% endmacro %}
    """)

    def __init__(self, bounds: list[list[float]]) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # folium is untyped
        self._name = "SmFit"
        self.bounds_json = str(htmlsafe_json_dumps([[float(v) for v in corner] for corner in bounds]))


class DrawLocal(MacroElement):
    """The drawing tool's texts (leaflet-draw's ``L.drawLocal``) in the user's language.

    Add it to the map *before* ``folium.plugins.Draw``: the toolbar reads the texts when it
    is made. The texts come from the wording table (:func:`draw_texts`), never from the data.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (texts) {
            function merge(into, from) {
                for (var k in from) {
                    if (typeof from[k] === "object" && into[k]) { merge(into[k], from[k]); } else { into[k] = from[k]; }
                }
            }
            if (window.L && L.drawLocal) { merge(L.drawLocal, texts); }
        })({{ this.texts_json }});
        {% endmacro %}
    """)

    def __init__(self, texts: dict[str, Any]) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # folium is untyped
        self._name = "SmDrawLocal"
        self.texts_json = str(htmlsafe_json_dumps(texts))


def draw_texts(*, voice: Voice = GERMAN) -> dict[str, Any]:
    """leaflet-draw's ``L.drawLocal`` texts (those of the tools the map offers) in the voice's language."""
    w = voice.t

    return {
        "draw": {
            "toolbar": {
                "actions": {"title": w("draw_cancel_title"), "text": w("draw_cancel")},
                "finish": {"title": w("draw_finish_title"), "text": w("draw_finish")},
                "undo": {"title": w("draw_undo_title"), "text": w("draw_undo")},
                "buttons": {"polygon": w("draw_polygon"), "rectangle": w("draw_rectangle"), "circle": w("draw_circle")},
            },
            "handlers": {
                "circle": {"tooltip": {"start": w("draw_circle_start")}, "radius": w("draw_radius")},
                "polygon": {
                    "tooltip": {
                        "start": w("draw_polygon_start"),
                        "cont": w("draw_polygon_cont"),
                        "end": w("draw_polygon_end"),
                    }
                },
                "rectangle": {"tooltip": {"start": w("draw_rectangle_start")}},
                "simpleshape": {"tooltip": {"end": w("draw_release")}},
            },
        },
        "edit": {
            "toolbar": {
                "actions": {
                    "save": {"title": w("draw_save_title"), "text": w("draw_save")},
                    "cancel": {"title": w("draw_cancel_edit_title"), "text": w("draw_cancel")},
                    "clearAll": {"title": w("draw_clear_all_title"), "text": w("draw_clear_all")},
                },
                "buttons": {
                    "edit": w("draw_edit"),
                    "editDisabled": w("draw_edit_disabled"),
                    "remove": w("draw_remove"),
                    "removeDisabled": w("draw_remove_disabled"),
                },
            },
            "handlers": {
                "edit": {"tooltip": {"text": w("draw_edit_tip"), "subtext": w("draw_edit_subtip")}},
                "remove": {"tooltip": {"text": w("draw_remove_tip")}},
            },
        },
    }
