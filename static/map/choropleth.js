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

  function overlay(map, data, style) {
    return L.geoJSON(data, { interactive: false, style: style }).addTo(map);
  }

  window.smChoropleth = function (map, spec) {
    ensureHatch(spec.hatchId);
    var overlays = [];
    var areas = L.geoJSON(spec.areas, {
      attribution: spec.attribution || null,
      style: function (f) { return f.properties.style; },
      onEachFeature: function (f, layer) {
        layer.bindTooltip(f.properties.tip, {
          sticky: true, direction: "auto", opacity: 1, className: "sm-tooltip"
        });
        layer.on("mouseover", function () {
          layer.setStyle(spec.hoverStyle);
          layer.bringToFront();
        });
        layer.on("mouseout", function () {
          areas.resetStyle(layer);
          overlays.forEach(function (o) { o.bringToFront(); });
        });
      }
    }).addTo(map);
    if (spec.outline) { overlays.push(overlay(map, spec.outline, spec.outlineStyle)); }
    if (spec.flagged) { overlays.push(overlay(map, spec.flagged, spec.flagStyle)); }
    if (spec.selected) { overlays.push(overlay(map, spec.selected, spec.selectedStyle)); }
    if (spec.labels) {
      L.layerGroup(spec.labels.map(function (l) {
        return L.marker([l.lat, l.lng], {
          interactive: false, keyboard: false,
          icon: L.divIcon({ className: "sm-label", html: l.html, iconSize: null })
        });
      })).addTo(map);
    }
    if (spec.legend) {
      var legend = L.control({ position: spec.legend.position });
      legend.onAdd = function () {
        var div = L.DomUtil.create("div", "sm-legend");
        div.innerHTML = spec.legend.html;
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.disableScrollPropagation(div);
        return div;
      };
      legend.addTo(map);
    }
    L.control.scale({ imperial: false, position: "bottomleft" }).addTo(map);
    return areas;
  };
})();
