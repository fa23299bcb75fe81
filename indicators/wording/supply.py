"""Wording: Versorgung — facility layers, reach (2SFCA), location-allocation (ui/pages/supply.py,
commands/supply.py, geo/spatial/reach.py, geo/spatial/siting.py).

Entries are ``key: (German, English)``.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "page_supply": ("Versorgung", "Supply"),
    "kind_kitas": ("Kitas", "Kitas (day-care centres)"),
    "kind_schools": ("Schulen", "Schools"),
    # cli.py reach / site
    "cli_h_reach": (
        "Erreichbarkeit von Einrichtungen (2SFCA) je Bedarfspunkt und Gebiet",
        "reach of facilities (2SFCA) per demand point and area",
    ),
    "cli_h_site": (
        "neue Standorte wählen, die am meisten helfen (maximale Abdeckung oder p-Median)",
        "choose new sites that help most (maximal covering or p-median)",
    ),
    "cli_a_facilities": (
        "Einrichtungen: kitas, schools oder eine Punktdatei (CSV/XLSX mit lat/lon oder x/y, GeoJSON, GeoPackage)",
        "facilities: kitas, schools or a point file (CSV/XLSX with lat/lon or x/y, GeoJSON, GeoPackage)",
    ),
    "cli_a_capacity": (
        "Spalte mit der Kapazität je Einrichtung (ohne: 1)",
        "column with each facility's capacity (without: 1)",
    ),
    "cli_a_demand": (
        "Zählvariable als Bedarf, auf die Adresspunkte verteilt (z. B. pop_under18)",
        "count variable as demand, shared out on the address points (e.g. pop_under18)",
    ),
    "cli_a_demand_points": ("Bedarfspunkte als Datei (mit --weight)", "demand points as a file (with --weight)"),
    "cli_a_weight": ("Spalte mit dem Gewicht der Bedarfspunkte", "column with the weight of the demand points"),
    "cli_a_max_distance": ("maximale Entfernung in Metern", "maximum distance in metres"),
    "cli_a_decay": (
        "Abnahme mit der Entfernung: none oder gaussian (σ = halbe maximale Entfernung)",
        "decay with distance: none or gaussian (σ = half the maximum distance)",
    ),
    "cli_a_network": (
        "Straßennetz (GeoPackage mit Linien): Entfernungen entlang der Straßen statt Luftlinie",
        "street network (GeoPackage of lines): distances along the streets instead of straight lines",
    ),
    "cli_a_candidates": (
        "Kandidaten: addresses (Adresspunkte, je 150-m-Zelle der mittigste), grid "
        "(250-m-Zellmitten) oder eine Punktdatei",
        "candidates: addresses (address points, the most "
        "central per 150 m cell), grid (250 m cell centres) or a point file",
    ),
    "cli_a_new_sites": ("Zahl neuer Standorte", "number of new sites"),
    "cli_a_objective": (
        "Ziel: coverage (meister Bedarf in Reichweite) oder pmedian (kürzeste Gesamtentfernung)",
        "objective: coverage (most demand within reach) or pmedian (least total distance)",
    ),
    "cli_supply_demand_choice": (
        "Bitte genau eines angeben: --demand VAR oder --demand-points DATEI --weight SPALTE.",
        "Please give exactly one of --demand VAR or --demand-points FILE --weight COL.",
    ),
    "cli_supply_weight_missing": ("--demand-points braucht --weight SPALTE.", "--demand-points needs --weight COL."),
    "cli_supply_header": (
        "Entfernung: {method}, höchstens {distance} m, Abnahme {decay}",
        "Distance: {method}, at most {distance} m, decay {decay}",
    ),
    "cli_supply_sources": (
        "Bedarf: {demand}\nEinrichtungen: {facilities}",
        "Demand: {demand}\nFacilities: {facilities}",
    ),
    "cli_supply_gap": (
        "Versorgungslücke (Bedarf ohne Einrichtung in Reichweite): {share} %",
        "Supply gap (demand with no facility within reach): {share} %",
    ),
    "cli_supply_withheld": ("gesperrt", "suppressed"),
    "cli_site_result": (
        "Bedarf in Reichweite: vorher {before}, nachher {after} (von {total})",
        "Demand within reach: before {before}, after {after} (of {total})",
    ),
    "caveat_model": (
        "Ein Modellergebnis, keine Entscheidung: Grundstücke, Bedarfsprognosen, Platzzahlen und "
        "Träger sind nicht berücksichtigt.",
        "A model result, not a decision: sites, demand forecasts, capacities and providers are not taken into account.",
    ),
    # ui/pages/supply.py, geo/webmap/supply_map.py, geo/exports/supply.py
    "sup_intro": (
        "Wo Einrichtungen sind, wer sie in welcher Entfernung erreicht (2SFCA) und wo ein weiterer Standort "
        "am meisten helfen würde. Bedarf: eine Zählvariable, gleichmäßig auf die amtlichen Adresspunkte des "
        "Stadtteils verteilt (geschützte Werte).",
        "Where facilities are, who reaches them within which distance (2SFCA), and where one more site "
        "would help most. Demand: a count variable shared out evenly on the Stadtteil's official address "
        "points (protected values).",
    ),
    "sup_facilities": ("Einrichtungen", "Facilities"),
    "sup_own_file": ("Eigene Datei …", "Own file …"),
    "sup_demand": ("Bedarf", "Demand"),
    "sup_distance": ("Maximale Entfernung (m)", "Maximum distance (m)"),
    "sup_decay": ("Abnahme mit der Entfernung", "Decay with distance"),
    "sup_decay_none": ("keine", "none"),
    "sup_decay_gaussian": ("Gauß (σ = halbe Entfernung)", "Gaussian (σ = half the distance)"),
    "sup_upload_facilities": (
        "Einrichtungen (CSV/XLSX mit lat/lon oder x/y, GeoJSON, GeoPackage)",
        "Facilities (CSV/XLSX with lat/lon or x/y, GeoJSON, GeoPackage)",
    ),
    "sup_capacity": ("Spalte Kapazität (optional)", "Capacity column (optional)"),
    "sup_upload_hint": (
        "Bitte die Datei laden (bei Bedarfspunkten mit der Gewichtsspalte).",
        "Please load the file (for demand points with the weight column).",
    ),
    "sup_own_demand": ("Eigene Bedarfspunkte …", "Own demand points …"),
    "sup_upload_demand": (
        "Bedarfspunkte (CSV/XLSX mit lat/lon oder x/y, GeoJSON, GeoPackage)",
        "Demand points (CSV/XLSX with lat/lon or x/y, GeoJSON, GeoPackage)",
    ),
    "sup_weight": ("Spalte Gewicht", "Weight column"),
    "sup_upload_too_large": ("Die Datei ist zu groß.", "The file is too large."),
    "sup_network_title": (
        "Straßennetz (optional): Entfernungen entlang der Straßen",
        "Street network (optional): distances along the streets",
    ),
    "sup_network_upload": (
        "GeoPackage mit Straßenlinien; ohne Netz gilt die Luftlinie",
        "GeoPackage of street lines; without one, straight lines are used",
    ),
    "sup_running": ("Erreichbarkeit wird berechnet …", "Computing reach …"),
    "sup_layer_source": ("Quelle der Einrichtungen: {source}", "Source of the facilities: {source}"),
    "sup_method_label": ("Entfernung", "Distance"),
    "sup_method_line": ("Entfernung: {method}, höchstens {distance} m.", "Distance: {method}, at most {distance} m."),
    "sup_gap": (
        "Versorgungslücke: Bedarf ohne Einrichtung in Reichweite",
        "Supply gap: demand with no facility within reach",
    ),
    "sup_n_facilities": ("Einrichtungen", "Facilities"),
    "sup_gap_map": (
        "Bedarf weiter als {distance} m von einer Einrichtung",
        "Demand farther than {distance} m from a facility",
    ),
    "sup_gap_after_map": ("Versorgungslücke mit den neuen Standorten", "Supply gap with the new sites"),
    "sup_table_title": (
        "Stadtteile nach Bedarf weiter als {distance} m von einer Einrichtung",
        "Stadtteile by demand farther than {distance} m from a facility",
    ),
    "sup_reach_note": (
        "Erreichbarkeit (2SFCA): Summe über die erreichbaren Einrichtungen von Kapazität ÷ Bedarf in "
        "deren Reichweite, hier je 1.000 Bedarf, Mittel gewichtet mit dem Bedarf. Ohne Platzzahlen "
        "zählt jede Einrichtung 1. Bedarf ohne Einrichtung auf 5 gerundet; gesperrte Gebiete ohne Wert.",
        "Reach (2SFCA): sum over the facilities within reach of capacity ÷ demand within their reach, "
        "here per 1,000 demand, mean weighted by demand. Without capacities each facility counts 1. "
        "Demand without a facility rounded to 5; suppressed areas without a value.",
    ),
    "sup_childminders_title": (
        "Kindertagespflege: Zahl je Stadtteil (keine Standorte)",
        "Childminders: number per Stadtteil (no locations)",
    ),
    "sup_childminders_note": (
        "Tagespflegepersonen sind Privatpersonen: nur ihre Zahl je Bezirk laut Quelle, nie Punkte.",
        "Childminders are private persons: only their number per district as the source gives it, never points.",
    ),
    "sup_site_title": ("Wo ein weiterer Standort am meisten hilft", "Where one more site would help most"),
    "sup_candidates": ("Kandidaten", "Candidates"),
    "sup_cand_grid": ("Mittelpunkte der 250-m-Zellen mit Adressen", "Centres of 250 m cells with addresses"),
    "sup_cand_addresses": (
        "Adresspunkte (je 150-m-Zelle der mittigste)",
        "Address points (the most central per 150 m cell)",
    ),
    "sup_cand_upload": ("Eigene Datei …", "Own file …"),
    "sup_upload_candidates": ("Kandidaten (Punktdatei)", "Candidates (point file)"),
    "sup_k": ("Neue Standorte", "New sites"),
    "sup_objective": ("Ziel", "Objective"),
    "sup_objective_coverage": ("Meister Bedarf in Reichweite", "Most demand within reach"),
    "sup_objective_pmedian": ("Kürzeste Gesamtentfernung (p-Median)", "Least total distance (p-median)"),
    "sup_site_button": ("Standorte berechnen", "Compute sites"),
    "sup_site_running": ("Optimierung läuft …", "Optimising …"),
    "sup_site_hint": (
        "Die Standortwahl rechnet erst auf Knopfdruck.",
        "Site selection runs when you press the button.",
    ),
    "sup_covered_before": ("Bedarf in Reichweite heute", "Demand within reach today"),
    "sup_covered_after": ("mit den neuen Standorten", "with the new sites"),
    "sup_chosen": ("Gewählte Standorte", "Chosen sites"),
    "sup_new_sites": ("Neue Standorte (Modell)", "New sites (model)"),
    "sup_site_tip": ("Neuer Standort {n} ({id})", "New site {n} ({id})"),
    "sup_caveat_title": ("Hinweis", "Note"),
    "sup_col_code": ("Code", "Code"),
    "sup_col_name": ("Gebiet", "Area"),
    "sup_col_demand": ("Bedarf", "Demand"),
    "sup_col_access": ("Erreichbarkeit (je 1.000 Bedarf)", "Reach (per 1,000 demand)"),
    "sup_col_uncovered": ("Bedarf ohne Einrichtung in Reichweite", "Demand without a facility within reach"),
    "sup_col_uncovered_pct": ("Anteil ohne Einrichtung (%)", "Share without a facility (%)"),
    "sup_col_withheld": ("gesperrt", "suppressed"),
    "sup_col_before": ("In Reichweite vorher", "Within reach before"),
    "sup_col_after": ("In Reichweite nachher", "Within reach after"),
    "sup_col_site": ("Standort", "Site"),
    "sup_col_newly": ("Neu in Reichweite", "Newly within reach"),
    "sup_col_district": ("Bezirk laut Quelle", "District as in the source"),
    "sup_col_records": ("Tagespflegepersonen", "Childminders"),
    # ui/supply_panel.py (Bedarfslagen, area profile)
    "sup_needs_title": (
        "Versorgung neben den Bedarfslagen: Erreichbarkeit der Einrichtungen",
        "Supply beside the need classes: reach of the facilities",
    ),
    "sup_col_need": ("Bedarfsklasse", "Need class"),
    "sup_col_kind_access": ("{kind}: Erreichbarkeit (je 1.000)", "{kind}: reach (per 1,000)"),
    "sup_col_kind_gap": ("{kind}: Anteil weiter als {distance} m (%)", "{kind}: share farther than {distance} m (%)"),
    "sup_need_low_reach": ("Erhöhter Bedarf und geringe Erreichbarkeit", "Elevated need and low reach"),
    "sup_needs_note": (
        "Bedarf: unter 18-Jährige, auf die Adresspunkte verteilt; Luftlinie (EPSG:25832). "
        "„Geringe Erreichbarkeit“: Anteil ohne Einrichtung in Reichweite über dem der Stadt. Quellen:",
        "Demand: under-18s shared out on the address points; straight lines (EPSG:25832). "
        '"Low reach": share without a facility within reach above the city\'s. Sources:',
    ),
    "sup_profile_title": ("Versorgung (Luftlinie, EPSG:25832)", "Supply (straight lines, EPSG:25832)"),
    "sup_profile_line": (
        "{kind}: Erreichbarkeit {access} je 1.000 unter 18-Jährige; {gap} % weiter als {distance} m (Stadt: {city} %)",
        "{kind}: reach {access} per 1,000 under 18; {gap} % farther than {distance} m (city: {city} %)",
    ),
    # geo/printmap/supply_map.py
    "pm_supply_title": (
        "Versorgung: Bedarf ohne Einrichtung in Reichweite",
        "Supply: demand with no facility within reach",
    ),
    "pm_supply_method": (
        "Erreichbarkeit (2SFCA), Entfernung {method}, höchstens {distance} m, Abnahme {decay}; "
        "Bedarf gleichmäßig auf die Adresspunkte verteilt",
        "reach (2SFCA), distance {method}, at "
        "most {distance} m, decay {decay}; demand shared out evenly on the address points",
    ),
    "sup_print_map": ("Druckkarte", "Print map"),
    "sup_map_level": ("Karte nach", "Map by"),
    "sup_map_areas": ("Stadtteilen", "Stadtteile"),
    "sup_map_grid": (
        "250-m-Zellen (Zellen mit weniger als 3 Bedarf ausgelassen)",
        "250 m cells (cells with less than 3 demand left out)",
    ),
    # how a result names its method, demand and candidates (geo/spatial/reach*.py, network.py, siting*.py)
    "reach_straight": ("Luftlinie (EPSG:25832)", "straight line (EPSG:25832)"),
    "reach_network_method": ("Straßennetz ({name}, Knoten gefangen)", "street network ({name}, snapped to nodes)"),
    "reach_network_default": ("Straßennetz", "street network"),
    "reach_demand_spread": (
        "{label} {year}, gleichmäßig auf die Adresspunkte des Gebiets verteilt",
        "{label} {year}, spread evenly over the area's address points",
    ),
    "reach_demand_points": ("{name}, Gewicht '{col}'", "{name}, weight '{col}'"),
    "reach_what_weight": ("Gewicht", "weight"),
    "reach_what_capacity": ("Kapazität", "capacity"),
    "site_cand_from": ("Kandidaten aus {label}", "candidates from {label}"),
    "site_cand_addresses": ("Adresspunkte", "address points"),
    "site_cand_addresses_thinned": (
        "Adresspunkte (je {cell}-m-Zelle der mittigste)",
        "address points (the most central per {cell} m cell)",
    ),
    "site_cand_grid": (
        "Mittelpunkte der {cell}-m-Gitterzellen mit Adressen",
        "centres of the {cell} m grid cells with addresses",
    ),
    "site_note_pmedian_cells": (
        "Bedarf für p-Median in {cell}-m-Zellen zusammengefasst (Näherung)",
        "demand for the p-median pooled in {cell} m cells (approximation)",
    ),
}
