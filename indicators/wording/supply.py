"""Wording: Versorgung — facility layers, reach (2SFCA), location-allocation (ui/pages/supply.py,
commands/supply.py, geo/spatial/reach.py, geo/spatial/siting.py).

Entries are ``key: (German, English)``.
"""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    'page_supply': ('Versorgung', 'Supply'),
    'kind_kitas': ('Kitas', 'Kitas (day-care centres)'),
    'kind_schools': ('Schulen', 'Schools'),
    # cli.py reach / site
    'cli_h_reach': ('Erreichbarkeit von Einrichtungen (2SFCA) je Bedarfspunkt und Gebiet',
                    'reach of facilities (2SFCA) per demand point and area'),
    'cli_h_site': ('neue Standorte wählen, die am meisten helfen (maximale Abdeckung oder p-Median)',
                   'choose new sites that help most (maximal covering or p-median)'),
    'cli_a_facilities': ('Einrichtungen: kitas, schools oder eine Punktdatei (CSV/XLSX mit lat/lon oder x/y, '
                         'GeoJSON, GeoPackage)', 'facilities: kitas, schools or a point file (CSV/XLSX with lat/lon '
                         'or x/y, GeoJSON, GeoPackage)'),
    'cli_a_capacity': ('Spalte mit der Kapazität je Einrichtung (ohne: 1)', 'column with each facility\'s capacity '
                       '(without: 1)'),
    'cli_a_demand': ('Zählvariable als Bedarf, auf die Adresspunkte verteilt (z. B. pop_under18)',
                     'count variable as demand, shared out on the address points (e.g. pop_under18)'),
    'cli_a_demand_points': ('Bedarfspunkte als Datei (mit --weight)', 'demand points as a file (with --weight)'),
    'cli_a_weight': ('Spalte mit dem Gewicht der Bedarfspunkte', 'column with the weight of the demand points'),
    'cli_a_max_distance': ('maximale Entfernung in Metern', 'maximum distance in metres'),
    'cli_a_decay': ('Abnahme mit der Entfernung: none oder gaussian (σ = halbe maximale Entfernung)',
                    'decay with distance: none or gaussian (σ = half the maximum distance)'),
    'cli_a_network': ('Straßennetz (GeoPackage mit Linien): Entfernungen entlang der Straßen statt Luftlinie',
                      'street network (GeoPackage of lines): distances along the streets instead of straight lines'),
    'cli_a_candidates': ('Kandidaten: addresses (Adresspunkte), grid (250-m-Zellmitten) oder eine Punktdatei',
                         'candidates: addresses (address points), grid (250 m cell centres) or a point file'),
    'cli_a_new_sites': ('Zahl neuer Standorte', 'number of new sites'),
    'cli_a_objective': ('Ziel: coverage (meister Bedarf in Reichweite) oder pmedian (kürzeste Gesamtentfernung)',
                        'objective: coverage (most demand within reach) or pmedian (least total distance)'),
    'cli_supply_demand_choice': ('Bitte genau eines angeben: --demand VAR oder --demand-points DATEI --weight SPALTE.',
                                 'Please give exactly one of --demand VAR or --demand-points FILE --weight COL.'),
    'cli_supply_weight_missing': ('--demand-points braucht --weight SPALTE.', '--demand-points needs --weight COL.'),
    'cli_supply_header': ('Entfernung: {method}, höchstens {distance} m, Abnahme {decay}',
                          'Distance: {method}, at most {distance} m, decay {decay}'),
    'cli_supply_sources': ('Bedarf: {demand}\nEinrichtungen: {facilities}', 'Demand: {demand}\nFacilities: {facilities}'),
    'cli_supply_gap': ('Versorgungslücke (Bedarf ohne Einrichtung in Reichweite): {share} %',
                       'Supply gap (demand with no facility within reach): {share} %'),
    'cli_supply_withheld': ('gesperrt', 'suppressed'),
    'cli_site_result': ('Bedarf in Reichweite: vorher {before}, nachher {after} (von {total})',
                        'Demand within reach: before {before}, after {after} (of {total})'),
    'caveat_model': ('Ein Modellergebnis, keine Entscheidung: Grundstücke, Bedarfsprognosen, Platzzahlen und '
                     'Träger sind nicht berücksichtigt.', 'A model result, not a decision: sites, demand forecasts, '
                     'capacities and providers are not taken into account.'),
}
