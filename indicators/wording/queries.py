"""Wording: Abfragen: address, area estimates, filters, facilities, raster. Entries are ``key: (German, English)``."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "q_find_an_address": ("Adresse suchen", "Find an address"),
    "q_street_and_number": ("Straße und Hausnummer", "Street and number"),
    "q_open_area_profile": ("Gebietsprofil öffnen", "Open area profile"),
    "q_address_not_found": ("Adresse nicht gefunden.", "Address not found."),
    "q_did_you_mean": ("Meinten Sie: ", "Did you mean: "),
    "q_no_values_this_year": (
        "„–“: {n} Merkmale (und die Quoten daraus) gibt es für {year} nicht, nur für {years} (z. B. Zensus 2011).",
        "'–': {n} variables (and the rates made from them) do not exist for {year}, only for {years} (e.g. "
        "Census 2011).",
    ),
    "q_outside_areas": ("außerhalb der Stadtteile", "outside the districts"),
    "q_in_bezirk": ("Stadtbezirk {code} {name}", "Stadtbezirk {code} {name}"),
    "q_drawn_area": ("gezeichnete Fläche", "drawn area"),
    "q_filter_areas": ("Gebiete filtern", "Filter areas"),
    "q_condition": ("Bedingung", "Condition"),
    "q_matches_the_condition": ("erfüllt die Bedingung", "matches the condition"),
    "q_facilities_per_stadtteil": ("Einrichtungen je Stadtteil", "Facilities per Stadtteil"),
    "q_group": ("Bezugsgruppe", "Group"),
    "q_coverage_radius_m": ("Umkreis für Abdeckung (m)", "Coverage radius (m)"),
    "q_measure": ("Kennzahl", "Measure"),
    "q_raster_per_area": ("Rasterdaten je Gebiet (z. B. Hitze, Grün)", "Raster per area"),
    "q_geotiff_in_any_crs": ("GeoTIFF in beliebigem Koordinatensystem", "GeoTIFF in any CRS"),
    "q_share_of_cells_above": ("Anteil der Zellen über (optional)", "Share of cells above (optional)"),
    "q_statistic": ("Kennzahl", "Statistic"),
    "q_tool": ("Werkzeug", "Tool"),
    "q_who_lives": (
        "Wer wohnt im Umkreis oder in einer gezeichneten Fläche?",
        "Who lives within a radius or a drawn area?",
    ),
    "q_draw_hint": (
        "Zeichnen Sie ein Rechteck oder Polygon in die Karte, oder suchen Sie oben eine Adresse.",
        "Draw a rectangle or polygon on the map, or search an address above.",
    ),
    "q_radius_around": ("{radius} m um {text}", "{radius} m around {text}"),
    "q_estimate_note": (
        "Schätzung: Flächengewichtung verteilt die Zahlen eines Stadtteils gleichmäßig auf seine Fläche, Adressgewichtung auf seine amtlichen Adresspunkte (© GeoBasis-DE/LVermGeo SH, CC BY 4.0). Die Spanne zwischen beiden Verfahren zeigt die Unsicherheit. Quoten werden aus geschätzten Zahlen berechnet. Werte unter 3 werden nicht angezeigt.",
        "Areal weighting spreads a Stadtteil's counts evenly over its area, dasymetric weighting over its official address points (© GeoBasis-DE/LVermGeo SH, CC BY 4.0). The range between both shows the uncertainty. Rates are computed from estimated counts. Values below 3 are not shown.",
    ),
    "q_points_upload": (
        "Punkte: CSV/XLSX mit lat/lon oder x/y (EPSG:25832), oder GeoJSON",
        "Points: CSV/XLSX with lat/lon or x/y (EPSG:25832), or GeoJSON",
    ),
    "q_condition_help": (
        "Indikator-ID oder Bezeichnung, Vergleich (<, >, =, ≤, ≥), verknüpft mit und / oder / nicht, Klammern erlaubt.",
        "Indicator id or label, comparison (<, >, =, ≤, ≥), combined with and / or / not (German: und / oder / nicht), brackets allowed.",
    ),
    "q_tool_area": ("Adresse und Umkreis", "Address and radius"),
    "q_tool_filter": ("Gebiete filtern", "Filter areas"),
    "q_tool_facilities": ("Einrichtungen", "Facilities"),
    # the catalogue entries of a facility file (geo.spatial.facilities.facility_catalogue)
    "fac_cat_residents": ("Einwohner", "residents"),
    "fac_cat_count": ("{label}: Anzahl", "{label}: number"),
    "fac_cat_count_unit": ("Anzahl", "number"),
    "fac_cat_count_def": ("Zahl der {label} im Gebiet.", "Number of {label} in the area."),
    "fac_cat_rate": ("{label} je 1.000 {group}", "{label} per 1,000 {group}"),
    "fac_cat_rate_unit": ("je 1.000 {group}", "per 1,000 {group}"),
    "fac_cat_rate_def": ("{label} im Gebiet je 1.000 {group}.", "{label} in the area per 1,000 {group}."),
    "fac_cat_cover": ("{label}: Adressen im Umkreis von {r} m", "{label}: addresses within {r} m"),
    "fac_cat_cover_def": (
        "Anteil der amtlichen Adresspunkte des Gebiets, die höchstens {r} m Luftlinie von einer Einrichtung "
        "entfernt sind.",
        "Share of the area's official address points that lie at most {r} m in a straight line from a facility.",
    ),
    "q_tool_raster": ("Rasterdaten", "Raster data"),
    "q_area": ("Fläche", "Area"),
    "q_year": ("Jahr", "year"),
    "q_area_share": ("Flächenanteil", "area share"),
    "q_addresses": ("Adressen", "addresses"),
    "q_of": ("von", "of"),
    "q_the_selection_touches_no": ("Die Auswahl berührt kein Gebiet.", "The selection touches no area."),
    "q_variable": ("Merkmal", "Variable"),
    "q_method_areal": ("Flächenanteil", "Areal weighting"),
    "q_method_dasymetric": ("Adresspunkte", "Address points (dasymetric)"),
    "q_method_note_areal": (
        "Jeder Stadtteil trägt mit dem Anteil seiner Fläche bei, der in der Auswahl liegt (Annahme: gleichmäßige Verteilung über die ganze Fläche, auch Wald und Wasser).",
        "Each area contributes the share of its surface inside the selection (assumes people spread evenly over the whole area).",
    ),
    "q_method_note_dasymetric": (
        "Jeder Stadtteil trägt mit dem Anteil seiner amtlichen Adresspunkte bei, die in der Auswahl liegen (Annahme: gleich viele Personen je Adresse im Stadtteil).",
        "Each area contributes the share of its official address points inside the selection (assumes the same number of people per address within an area).",
    ),
    "q_outside_share": (
        "{share} der Auswahl liegen außerhalb der Gebiete; dort sind keine Daten.",
        "{share} of the selection lies outside the areas; no data there.",
    ),
    "q_values_below": (
        "Werte unter {n} sind gesperrt (Datenschutz).",
        "Values below {n} are suppressed (privacy).",
    ),
    "q_not": ("nicht ({inner})", "not ({inner})"),
    "q_and": (" und ", " and "),
    "q_or": (" oder ", " or "),
    "q_unknown": ("unbekannt", "unknown"),
    "q_summary": (
        "{k} von {n} Gebieten erfüllen ({year}): {explanation}",
        "{k} of {n} areas match ({year}): {explanation}",
    ),
    "q_summary_unknown": ("; {n} unbekannt (fehlende Werte)", "; {n} unknown (missing values)"),
    "q_address_hit": (
        "{address}: Stadtteil {code} {name} ({lat}, {lon})",
        "{address}: Stadtteil {code} {name} ({lat}, {lon})",
    ),
    "q_radius": ("Radius (m)", "Radius (m)"),
    "q_protection_note": (
        "Schutz kleiner Zahlen: Anzahlen auf {base} gerundet, Quoten aus den gerundeten Anzahlen; keine Schätzung "
        "unter {min_pop} Einwohnerinnen und Einwohnern; Werte unter {n} werden nicht ausgewiesen.",
        "Small-number protection: counts rounded to {base}, rates from the rounded counts; no estimate below "
        "{min_pop} residents; values below {n} are suppressed.",
    ),
    "q_too_few_residents": (
        "Weniger als {min_pop} Einwohnerinnen und Einwohner in der Auswahl (nach Adresspunkten): keine Schätzung, "
        "zum Schutz kleiner Zahlen.",
        "Fewer than {min_pop} residents in the selection (address points): no estimate, to protect small numbers.",
    ),
    "q_bad_number": (
        "„{text}“ ist keine Zahl; der Anteil über der Schwelle wird nicht berechnet.",
        "'{text}' is not a number; the share above the threshold is not computed.",
    ),
    # errors of the query language (indicators.query), shown with the position and a caret
    "q_err_at": ("Position {pos}: {message}\n  {text}\n  {caret}^", "Position {pos}: {message}\n  {text}\n  {caret}^"),
    "q_err_not_indicator": ("'{phrase}' ist kein Indikator", "'{phrase}' is not an indicator"),
    "q_err_ambiguous": (
        "'{phrase}' ist mehrdeutig: {options}. Bitte genauer angeben.",
        "'{phrase}' is ambiguous: {options}. Please be more precise.",
    ),
    "q_err_unknown": ("Unbekannter Indikator '{phrase}'.", "Unknown indicator '{phrase}'."),
    "q_err_unknown_hint": (
        "Unbekannter Indikator '{phrase}'. Meinten Sie: {hints}?",
        "Unknown indicator '{phrase}'. Did you mean: {hints}?",
    ),
    "q_err_bad_operator": (
        "'{char}' unerwartet: erlaubt sind >, >=, <, <=, =, !=",
        "'{char}' unexpected: allowed are >, >=, <, <=, =, !=",
    ),
    "q_err_too_long": (
        "Die Abfrage ist zu lang ({n} Zeichen, erlaubt {max})",
        "The query is too long ({n} characters, allowed {max})",
    ),
    "q_err_too_deep": (
        "zu tief verschachtelt (mehr als {max} Klammern oder 'nicht' ineinander)",
        "nested too deeply (more than {max} brackets or 'not' inside each other)",
    ),
    "q_err_empty": (
        "Die Abfrage ist leer. Beispiel: 'Anteil 65+ > 25 und Bevölkerungsentwicklung < 0'",
        "The query is empty. Example: 'Share 65+ > 25 and population change < 0'",
    ),
    "q_err_unmatched_close": ("')' ohne passende '('", "')' without a matching '('"),
    "q_err_missing_and_or": (
        "'{token}' unerwartet: hier fehlt 'und' bzw. 'oder'",
        "'{token}' unexpected: 'and' or 'or' is missing here",
    ),
    "q_err_missing_close": (
        "schließende Klammer ')' fehlt (geöffnet bei Position {pos})",
        "closing bracket ')' missing (opened at position {pos})",
    ),
    "q_err_the_end": ("das Ende", "the end"),
    "q_err_operand_expected": (
        "Indikator oder Zahl erwartet, gefunden: {found}",
        "indicator or number expected, found: {found}",
    ),
    "q_err_after_number": (
        "'{token}' unerwartet nach der Zahl {number}: fehlt 'und' bzw. 'oder'?",
        "'{token}' unexpected after the number {number}: 'and' or 'or' missing?",
    ),
    "q_err_no_comparison": (
        "Nach '{operand}' fehlt ein Vergleich (>, >=, <, <=, =, !=)",
        "a comparison is missing after '{operand}' (>, >=, <, <=, =, !=)",
    ),
    "q_err_too_many_comparisons": (
        "höchstens zwei Vergleiche hintereinander (z. B. 20 < x < 30)",
        "at most two comparisons in a row (e.g. 20 < x < 30)",
    ),
    "q_err_no_indicator_in_comparison": (
        "Der Vergleich enthält keinen Indikator",
        "The comparison contains no indicator",
    ),
    "q_err_no_values": (
        "Dieser Datensatz enthält keine Kennzahlen mit Werten: nichts zu filtern",
        "This dataset has no indicators with values: nothing to filter",
    ),
    "q_err_no_year": (
        "Keine Daten für {year}; verfügbar: {first}–{last}",
        "No data for {year}; available: {first}–{last}",
    ),
}
