/* Sozialmonitor Lübeck: choropleth layer for Leaflet 1.9 (no other dependencies).
 *
 * smChoropleth(map, spec) draws the areas, their tooltips, the overlays (city
 * outline, flagged and selected areas), optional labels, the legend and the scale.
 * `spec` is built by geo/webmap.py. Every HTML string in it (tooltips, labels,
 * legend) was built in Python with all data strings escaped; this file never puts
 * raw data into the DOM.
 */
(function () {
  "use strict";
  var SVG_NS = "http://www.w3.org/2000/svg";

  // Diagonal hatching for suppressed areas. A fill "url(#id)" can point at a
  // pattern in any inline SVG of the document, so one hidden SVG serves all paths.
  function ensureHatch(id) {
    if (document.getElementById(id)) { return; }
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("width", "0");
    svg.setAttribute("height", "0");
    svg.setAttribute("aria-hidden", "true");
    svg.style.position = "absolute";  // not display:none, which disables patterns
    var pattern = document.createElementNS(SVG_NS, "pattern");
    pattern.setAttribute("id", id);
    pattern.setAttribute("patternUnits", "userSpaceOnUse");
    pattern.setAttribute("width", "7");
    pattern.setAttribute("height", "7");
    pattern.setAttribute("patternTransform", "rotate(45)");
    var bg = document.createElementNS(SVG_NS, "rect");
    bg.setAttribute("width", "7");
    bg.setAttribute("height", "7");
    bg.setAttribute("fill", "#f2f2f2");
    var line = document.createElementNS(SVG_NS, "line");
    line.setAttribute("x1", "0");
    line.setAttribute("y1", "0");
    line.setAttribute("x2", "0");
    line.setAttribute("y2", "7");
    line.setAttribute("stroke", "#8a8a8a");
    line.setAttribute("stroke-width", "2.5");
    pattern.appendChild(bg);
    pattern.appendChild(line);
    var defs = document.createElementNS(SVG_NS, "defs");
    defs.appendChild(pattern);
    svg.appendChild(defs);
    document.body.appendChild(svg);
  }

  // Place labels (Python sorts them by area, largest first) so they do not overlap
  // an earlier one: like the print map (geo/printmap/labels.py) each label is
  // tried in place, shifted up, down, right and left, then as its area code;
  // only a label that fits nowhere is hidden (zooming in brings it back).
  var OFFSETS = [[0, 0], [0, -1], [0, 1], [1, 0], [-1, 0]];
  function declutter(markers, labels) {
    var placed = [];
    var clashes = function (r) {
      return placed.some(function (p) {
        return r.left < p.right + 2 && r.right > p.left - 2 &&
               r.top < p.bottom + 1 && r.bottom > p.top - 1;
      });
    };
    markers.forEach(function (m, i) {
      var el = m.getElement() && m.getElement().firstChild;
      if (!el) { return; }
      var texts = [labels[i].text];
      if (labels[i].code && labels[i].code !== labels[i].text) { texts.push(labels[i].code); }
      el.style.visibility = "";
      var done = texts.some(function (text) {
        el.textContent = text;
        el.style.transform = "";
        var base = el.getBoundingClientRect();
        return OFFSETS.some(function (o) {
          var dx = o[0] * base.width * 0.6, dy = o[1] * base.height * 1.05;
          el.style.transform = "translate(calc(-50% + " + dx + "px), calc(-50% + " + dy + "px))";
          var r = el.getBoundingClientRect();
          if (clashes(r)) { return false; }
          placed.push(r);
          return true;
        });
      });
      if (!done) {
        el.textContent = labels[i].text;
        el.style.transform = "";
        el.style.visibility = "hidden";
      }
    });
  }

  // Fit the map to the areas without animation, and again whenever the container
  // changes size (Streamlit sets the iframe size after the map exists), until the
  // user pans or zooms. The state lives on the map: when a new areas group replaces
  // the old one in the same frame (another indicator or year), the planner's view
  // stays unless the areas' bounds changed.
  function fitState(map) {
    if (map._smFit) { return map._smFit; }
    var container = map.getContainer();
    var state = map._smFit = { userMoved: false, fit: null, areas: null, key: null, ro: null };
    ["mousedown", "wheel", "touchstart", "keydown"].forEach(function (type) {
      container.addEventListener(type, function () { state.userMoved = true; }, true);
    });
    if (window.ResizeObserver) {
      state.ro = new ResizeObserver(function () { if (!state.userMoved) { fitNow(map); } });
      state.ro.observe(container);
    }
    return state;
  }

  function fitNow(map) {
    var state = map._smFit, fit = state.fit, areas = state.areas;
    var container = map.getContainer();
    map.invalidateSize({ pan: false });
    var size = map.getSize();
    if (!fit || size.x < 50 || size.y < 50) { return; }  // hidden or not laid out yet
    try {
      map.fitBounds(fit.bounds, { padding: fit.padding, animate: false });
      // if the legend covers an area's box, fit again beside the legend;
      // never reserve more than 45 % (the stylesheet may still be loading)
      var legend = container.querySelector(".sm-legend");
      if (legend && areas) {
        var lr = legend.getBoundingClientRect(), cr = container.getBoundingClientRect();
        var box = L.bounds([lr.left - cr.left, lr.top - cr.top],
                           [lr.right - cr.left, lr.bottom - cr.top]);
        var covered = false;
        areas.eachLayer(function (l) {
          if (covered) { return; }
          var b = l.getBounds();
          var px = L.bounds(map.latLngToContainerPoint(b.getSouthWest()),
                            map.latLngToContainerPoint(b.getNorthEast()));
          covered = px.intersects(box);
        });
        var lw = lr.width + 10;
        if (covered && lw < 0.45 * size.x) {
          var onRight = box.min.x > size.x / 2;
          map.fitBounds(fit.bounds, {
            paddingTopLeft: [fit.padding[0] + (onRight ? 0 : lw), fit.padding[1]],
            paddingBottomRight: [fit.padding[0] + (onRight ? lw : 0), fit.padding[1]],
            animate: false
          });
        }
      }
    } catch (e) {
      // an exception here would stop st_folium's script and leave an empty frame
      map.setView(L.latLngBounds(fit.bounds).getCenter(), map.getZoom() || 11,
                  { animate: false });
    }
    container.setAttribute("data-sm-fitted", size.x + "x" + size.y);
  }

  // Returns a function that stops watching this group's legend.
  function keepFitted(map, fit, areas) {
    var state = fitState(map);
    var key = JSON.stringify(fit.bounds);
    state.fit = fit;
    state.areas = areas;
    if (state.key !== key) { state.userMoved = false; }  // other areas: fit them
    state.key = key;
    if (!state.userMoved) { fitNow(map); }
    // the legend changes size once the stylesheet (loaded after the scripts) applies
    var legend = map.getContainer().querySelector(".sm-legend");
    if (state.ro && legend) { state.ro.observe(legend); }
    return function () { if (state.ro && legend) { state.ro.unobserve(legend); } };
  }

  // Geometry arrives as integer deltas (geo/webgeom.py encode_geometry):
  // each ring [x0, y0, dx1, dy1, ...] at 10^decimals.
  function ring(q, scale) {
    var out = [], x = 0, y = 0;
    for (var i = 0; i < q.length; i += 2) {
      x += q[i]; y += q[i + 1];
      out.push([x / scale, y / scale]);
    }
    return out;
  }

  function decode(g, scale) {
    if (!g || !g.q) { return g; }
    var poly = function (p) { return p.map(function (r) { return ring(r, scale); }); };
    return { type: g.type, coordinates: g.type === "Polygon" ? poly(g.q) : g.q.map(poly) };
  }

  // Decode areas in place; features of other layers may point at an area by
  // position ({"ref": i}) instead of repeating its geometry.
  function decodeAll(fc, scale, areas) {
    if (!fc) { return fc; }
    (fc.features || [fc]).forEach(function (f) {
      f.geometry = f.geometry && f.geometry.ref !== undefined
        ? areas.features[f.geometry.ref].geometry : decode(f.geometry, scale);
    });
    return fc;
  }

  // smChoropleth(map, spec, group): the areas, overlays and labels go into `group`
  // (a FeatureGroup added to the map after this call; geo/webmap/folium_map.py);
  // legend, scale and the map's handlers live while the group is on the map, so a
  // new group in the same frame (streamlit-folium's feature_group_to_add) replaces
  // everything of the old one.
  // A map without a choropleth (the planning page's place picker): fitted to the areas' box
  // like the atlas (again when Streamlit resizes the frame, until the user moves the map),
  // with the same metric scale bar.
  window.smFit = function (map, bounds, padding) {
    keepFitted(map, { bounds: bounds, padding: padding || [8, 8] }, null);
    L.control.scale({ imperial: false, position: "bottomleft" }).addTo(map);
  };

  window.smChoropleth = function (map, spec, group) {
    ensureHatch(spec.hatchId);
    group = group || L.featureGroup().addTo(map);
    var scale = spec.scale || 1e5;
    var cp = spec.compact;  // many areas (grid cells): columns; style and tooltip made here
    if (cp) {
      spec.areas.features = cp.g.map(function (g, i) {
        return { type: "Feature", geometry: g, properties: { c: cp.c[i], k: cp.k[i], v: cp.v[i] } };
      });
    }
    decodeAll(spec.areas, scale, null);
    ["outline", "flagged", "selected"].forEach(function (k) { decodeAll(spec[k], scale, spec.areas); });
    var overlays = [];
    var style = cp ? function (f) {
      var k = f.properties.k;
      var fill = k === -2 ? "url(#" + spec.hatchId + ")" : (k >= 0 && k < cp.colors.length ? cp.colors[k] : cp.noData);
      return L.extend({}, cp.style, { fillColor: fill, className: "sm-area" });
    } : function (f) { return f.properties.style; };
    // every string in a compact feature was escaped on the server
    var tip = cp ? function (f) {
      var p = f.properties, head = '<div class="sm-tip"><div class="sm-tip-name">' + p.c + "</div>";
      if (p.v !== null && p.v !== undefined) {
        return head + '<table><tr class="sm-tip-value"><th>' + cp.label + "</th><td>" + p.v + "</td></tr></table></div>";
      }
      return head + '<div class="sm-tip-note">' + cp.label + ": " +
        (p.k === -2 ? cp.suppressedText : cp.noDataText) + "</div></div>";
    } : function (f) { return f.properties.tip; };
    // the attribution on one empty layer of the group, not on the areas: a GeoJSON
    // layer passes its options to every polygon, and Leaflet rebuilds the attribution
    // control's HTML for each one added or removed (4,350 grid cells: half a second)
    if (spec.attribution) { L.layerGroup([], { attribution: spec.attribution }).addTo(group); }
    var areas = L.geoJSON(spec.areas, { style: style });
    // one tooltip and one pair of hover handlers for all areas (not one per area:
    // thousands of grid cells would cost a tooltip object and listeners each)
    areas.bindTooltip(function (layer) { return tip(layer.feature); }, {
      sticky: true, direction: "auto", opacity: 1, className: "sm-tooltip"
    });
    areas.on("mouseover", function (e) {
      e.layer.setStyle(spec.hoverStyle);
      e.layer.bringToFront();
    });
    areas.on("mouseout", function (e) {
      areas.resetStyle(e.layer);
      overlays.forEach(function (o) { o.bringToFront(); });
    });
    // the areas' fill colours, for tests and benchmarks: the same on the SVG and the canvas renderer
    window.smAreaFills = function () {
      return areas.getLayers().map(function (l) { return l.options.fillColor; });
    };
    var controls = [], stops = [], relabel = null;
    if (spec.legend) {
      var legend = L.control({ position: spec.legend.position });
      legend.onAdd = function () {
        var div = L.DomUtil.create("div", "sm-legend");
        div.innerHTML = spec.legend.html;
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.disableScrollPropagation(div);
        return div;
      };
      controls.push(legend);
    }
    controls.push(L.control.scale({ imperial: false, position: "bottomleft" }));
    controls.forEach(function (c) { c.addTo(map); });
    // fit before the areas are on the map: they are projected and drawn once, at the final zoom
    if (spec.fit) { stops.push(keepFitted(map, spec.fit, areas)); }
    group.addLayer(areas);
    var overlay = function (data, st) { return L.geoJSON(data, { interactive: false, style: st }).addTo(group); };
    if (spec.outline) { overlays.push(overlay(spec.outline, spec.outlineStyle)); }
    if (spec.flagged) { overlays.push(overlay(spec.flagged, spec.flagStyle)); }
    if (spec.selected) { overlays.push(overlay(spec.selected, spec.selectedStyle)); }
    if (spec.labels) {
      var markers = spec.labels.map(function (l) {
        return L.marker([l.lat, l.lng], {
          interactive: false, keyboard: false,
          icon: L.divIcon({ className: "sm-label", html: l.html, iconSize: null })
        });
      });
      relabel = function () { if (group._map) { declutter(markers, spec.labels); } };
      L.layerGroup(markers).addTo(group);
      // again after every fit (moveend) and once the fonts are loaded: label widths change
      map.on("zoomend moveend resize", relabel);
      group.on("add", relabel);
      stops.push(function () { map.off("zoomend moveend resize", relabel); });
      if (document.fonts && document.fonts.ready) { document.fonts.ready.then(relabel); }
    }
    group.on("remove", function () {
      controls.forEach(function (c) { c.remove(); });
      stops.forEach(function (stop) { stop(); });
    });
    if (relabel && group._map) { relabel(); }  // a group that was on the map already
    return areas;
  };
})();
