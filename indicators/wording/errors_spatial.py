"""Wording: Messages of expected errors of the spatial tools (geo/spatial: custom-area estimate,
facility reach, siting, typology, zonal statistics, spatial pattern). Entries are ``key: (German, English)``.

Raise sites pass ``msg("err_…", **params)`` (see :mod:`indicators.errors`).
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # geo/spatial/estimate.py, shapes.py
    "err_est_empty_area": ("Die Auswahl ist leer oder hat keine Fläche.", "The selection is empty or has no area."),
    "err_est_no_year": (
        "Keine Zählwerte für {year}; verfügbar: {first}–{last}.",
        "No counts for {year}; available: {first}–{last}.",
    ),
    "err_est_unknown_vars": (
        "Keine Zählvariable(n): {unknown}. Möglich: {known}.",
        "Not a count variable: {unknown}. Possible: {known}.",
    ),
    "err_est_bad_lonlat": (
        "Koordinaten außerhalb des gültigen Bereichs: Länge {lon}, Breite {lat} "
        "(erwartet WGS84-Grad, z. B. Länge 10.686, Breite 53.868).",
        "Coordinates out of range: longitude {lon}, latitude {lat} "
        "(expected WGS84 degrees, e.g. longitude 10.686, latitude 53.868).",
    ),
    "err_est_bad_radius": (
        "Radius {radius} m ungültig: erlaubt sind mehr als 0 bis {max} m.",
        "Radius {radius} m is invalid: allowed are more than 0 up to {max} m.",
    ),
    # geo/spatial/facility_kinds.py, reach.py, siting.py
    "err_unknown_facility_kind": (
        "Unbekannte Einrichtungsart '{kind}'; möglich: {known} oder eine Datei.",
        "Unknown kind of facility '{kind}'; possible: {known} or a file.",
    ),
    "err_reach_no_column": (
        "Spalte '{name}' ({what}) fehlt; vorhanden: {cols}.",
        "Column '{name}' ({what}) is missing; present: {cols}.",
    ),
    "err_reach_bad_number": (
        "Zeile {row}, Spalte '{col}' ({what}): '{raw}' ist keine Zahl ≥ 0.",
        "Row {row}, column '{col}' ({what}): '{raw}' is not a number ≥ 0.",
    ),
    "err_reach_no_values": ("Keine Werte für '{variable}'.", "No values for '{variable}'."),
    "err_reach_no_year": (
        "Keine Werte für '{variable}' im Jahr {year}; verfügbar: {first}–{last}.",
        "No values for '{variable}' in {year}; available: {first}–{last}.",
    ),
    "err_reach_bad_distance": (
        "Maximale Entfernung {distance} m: erlaubt sind mehr als 0 bis {max} m.",
        "Maximum distance {distance} m: allowed are more than 0 up to {max} m.",
    ),
    "err_reach_unknown_decay": (
        "Abnahme '{decay}' unbekannt; möglich: {known}.",
        "Unknown decay '{decay}'; possible: {known}.",
    ),
    "err_reach_no_facilities": ("Keine Einrichtungen.", "No facilities."),
    "err_site_not_solved": (
        "Das Optimierungsmodell wurde nicht gelöst ({status}).",
        "The optimisation model was not solved ({status}).",
    ),
    "err_site_unknown_objective": (
        "Ziel '{objective}' unbekannt; möglich: {known}.",
        "Unknown objective '{objective}'; possible: {known}.",
    ),
    "err_site_no_candidates": ("Keine Kandidaten.", "No candidates."),
    # geo/spatial/typology.py
    "err_typ_unknown_indicators": ("Unbekannte Indikatoren: {unknown}", "Unknown indicators: {unknown}"),
    "err_typ_unknown_method": (
        "Unbekanntes Verfahren '{method}'. Bekannt: {known}",
        "Unknown method '{method}'. Known: {known}",
    ),
    "err_typ_no_indicator": ("Bitte mindestens einen Indikator wählen.", "Please choose at least one indicator."),
    "err_typ_no_common_year": (
        "Kein Jahr mit Werten aller Indikatoren: {indicators}.",
        "No year with values of every indicator: {indicators}.",
    ),
    "err_typ_bad_k": (
        "Anzahl der Typen muss zwischen 2 und {max} liegen ({n} Gebiete mit allen Werten im Jahr {year}).",
        "The number of types must lie between 2 and {max} ({n} areas with every value in {year}).",
    ),
    "err_typ_too_few_areas": ("Zu wenige Gebiete für eine Typologie.", "Too few areas for a typology."),
    # geo/spatial/zonal.py, pattern.py
    # geo/spatial/shapes.py
    "err_geojson_syntax": (
        "GeoJSON nicht lesbar (Zeichen {pos}): {detail}",
        "GeoJSON not readable (character {pos}): {detail}",
    ),
    "err_geojson_not_object": ("GeoJSON-Objekt {i}: kein Objekt", "GeoJSON object {i}: not an object"),
    "err_geojson_geometry": (
        "GeoJSON-Objekt {i}: Geometrie nicht lesbar ({detail})",
        "GeoJSON object {i}: geometry not readable ({detail})",
    ),
    "err_geojson_no_type": (
        "GeoJSON-Objekt {i}: Geometrie nicht lesbar (kein Geometrietyp)",
        "GeoJSON object {i}: geometry not readable (no geometry type)",
    ),
    "err_geojson_not_area": (
        "GeoJSON-Objekt {i}: {kind} ist keine Fläche (Polygon oder Kreis erwartet).",
        "GeoJSON object {i}: {kind} is no area (polygon or circle expected).",
    ),
    "err_geojson_not_wgs84": (
        "GeoJSON-Objekt {i}: Koordinaten sind keine WGS84-Grad (EPSG:4326).",
        "GeoJSON object {i}: coordinates are no WGS84 degrees (EPSG:4326).",
    ),
    "err_geojson_no_area": ("GeoJSON enthält keine Fläche.", "GeoJSON holds no area."),
    "err_est_polygon_or_circle": (
        "entweder --polygon oder --lon/--lat/--radius angeben, nicht beides.",
        "give either --polygon or --lon/--lat/--radius, not both.",
    ),
    "err_est_circle_args": (
        "--lon, --lat und --radius zusammen angeben (oder --polygon DATEI).",
        "give --lon, --lat and --radius together (or --polygon FILE).",
    ),
    "q_method_line": ("{method}: {note}", "{method}: {note}"),  # a note of an estimate (geo/spatial/estimate.py)
    # geo/spatial/facilities.py: findings of a facility file
    "fac_no_coordinates": (
        "keine Koordinatenspalten gefunden: erwartet 'lat' und 'lon' (WGS84) oder 'x' und 'y' "
        "(EPSG:25832); vorhanden: {columns}",
        "no coordinate columns found: expected 'lat' and 'lon' (WGS84) or 'x' and 'y' (EPSG:25832); present: {columns}",
    ),
    "fac_not_a_number": ("keine Zahl: '{text}'", "not a number: '{text}'"),
    "fac_no_coordinate": ("Koordinate fehlt", "coordinate missing"),
    "fac_swapped": ("Breite und Länge vertauscht", "latitude and longitude swapped"),
    "fac_not_wgs84": ("keine WGS84-Koordinate: {lat}, {lon}", "no WGS84 coordinate: {lat}, {lon}"),
    "fac_not_metric": (
        "x={x}, y={y} ist keine plausible EPSG:25832-Koordinate",
        "x={x}, y={y} is no plausible EPSG:25832 coordinate",
    ),
    "fac_too_many": ("zu viele Objekte (mehr als {max})", "too many features (more than {max})"),
    "fac_empty_geometry": ("leere Geometrie", "empty geometry"),
    "fac_not_a_point": ("{kind} statt Punkt: innerer Punkt verwendet", "{kind} instead of a point: inner point used"),
    "fac_outside": (
        "liegt außerhalb aller Gebiete: auf der Karte, aber in keinem Gebiet gezählt",
        "lies outside every area: on the map, but counted in no area",
    ),
    "fac_no_points": ("keine verwendbaren Punkte in der Datei", "no usable points in the file"),
    # geo/spatial/zonal.py: notes per area and the command line's table
    "zonal_outside": ("außerhalb des Rasters", "outside the raster"),
    "zonal_no_centre": (
        "kein Zellmittelpunkt in der Fläche (Fläche kleiner als eine Rasterzelle?)",
        "no cell centre in the area (area smaller than a raster cell?)",
    ),
    "zonal_nodata": ("nur NoData-Zellen", "NoData cells only"),
    "zonal_part_outside": ("{share} der Fläche außerhalb des Rasters", "{share} of the area outside the raster"),
    "zonal_area_note": ("{code} {name}: {note}", "{code} {name}: {note}"),
    "zonal_head": ("{raster} ({crs}), Methode {method}", "{raster} ({crs}), method {method}"),
    "zonal_col_area": ("Gebiet", "Area"),
    "zonal_col_mean": ("Mittel", "Mean"),
    "zonal_col_sum": ("Summe", "Sum"),
    "zonal_col_cells": ("Zellen", "Cells"),
    # the catalogue entries of a raster's statistics (zonal_indicators): label, unit, definition
    "zonal_stat_mean": ("Mittelwert", "mean"),
    "zonal_stat_sum": ("Summe", "sum"),
    "zonal_stat_min": ("Minimum", "minimum"),
    "zonal_stat_max": ("Maximum", "maximum"),
    "zonal_stat_count": ("Zellen mit Wert", "cells with a value"),
    "zonal_stat_share_above": ("Anteil Zellen über {above}", "share of cells above {above}"),
    "zonal_indicator": ("{label}: {stat}", "{label}: {stat}"),
    "zonal_unit_cells": ("Zellen", "cells"),
    "zonal_definition": (
        "{stat} der Rasterzellen je Gebiet ({how}), Raster {raster} ({crs}).",
        "{stat} of the raster cells per area ({how}), raster {raster} ({crs}).",
    ),
    "zonal_how_center": ("Zellmittelpunkt", "cell centre"),
    "zonal_how_coverage": ("flächengewichtet", "area-weighted"),
    "err_zonal_unknown_method": (
        "Methode '{method}' unbekannt: 'center' oder 'coverage'",
        "Unknown method '{method}': 'center' or 'coverage'",
    ),
    "err_pattern_too_few": (
        "Für ein räumliches Muster werden mindestens 3 Gebiete mit Werten benötigt.",
        "A spatial pattern needs at least 3 areas with values.",
    ),
    "err_reach_not_count": (
        "'{variable}' ist keine Zählvariable; möglich: {known}.",
        "'{variable}' is not a count variable; possible: {known}.",
    ),
    "err_reach_bad_facilities": (
        "Einrichtungen: '{facilities}' ist weder {kinds} noch eine Datei.",
        "Facilities: '{facilities}' is neither {kinds} nor a file.",
    ),
    "err_site_too_many": (
        "{n} Kandidaten: höchstens {max} (z. B. 'grid' statt 'addresses' oder eine kleinere Datei).",
        "{n} candidates: at most {max} (e.g. 'grid' instead of 'addresses' or a smaller file).",
    ),
    "err_site_bad_k": (
        "k = {k}: erlaubt sind 1 bis {max} neue Standorte.",
        "k = {k}: 1 to {max} new sites are allowed.",
    ),
}
