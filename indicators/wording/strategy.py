"""Wording: strategy views: consensus of the need methods, sandbox, need against measures,
typology, segregation, goal forecasts (ui/pages/strategy.py, commands/strategy.py).

Entries are ``key: (German, English)``.
"""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # typology
    "typ_high": ("{label} hoch (z {z})", "{label} high (z {z})"),
    "typ_low": ("{label} niedrig (z {z})", "{label} low (z {z})"),
    "typ_average": ("durchschnittlich in allen gewählten Indikatoren", "average in every chosen indicator"),
    # command line
    "cli_h_needs": ("Bedarfslagen eines Verfahrens, mit --consensus aller Verfahren nebeneinander",
                    "Need assessment of one method; with --consensus all methods side by side"),
    "cli_a_need_method": ("Verfahren (Standard: das der Geografie)", "Method (default: the geography's)"),
    "cli_a_consensus": ("alle Verfahren vergleichen: wer markiert, knappe Fälle",
                        "compare all methods: who flags, close calls"),
    "cli_a_close_band": ("Breite des Knapp-Bands in z-Einheiten (Standard 0,25)",
                   "Half-width of the close-call band in z units (default 0.25)"),
    "cli_m_needs_flagged": ("{n} von {total} Gebieten markiert ({method}, {year})",
                            "{n} of {total} areas flagged ({method}, {year})"),
    "cli_m_consensus_row": ("{name}: markiert von {n} ({methods}); knapp bei: {close}",
                            "{name}: flagged by {n} ({methods}); close call in: {close}"),
    "cli_h_segregation": ("Segregationsindizes (Dissimilarität, Isolation, Entropie) je Jahr",
                          "Segregation indices (dissimilarity, isolation, entropy) per year"),
    "cli_a_group": ("Variable der Gruppe (Anzahl)", "Variable of the group (count)"),
    "cli_a_total": ("Variable der Gesamtzahl", "Variable of the total"),
    "cli_a_years": ("Jahre: all oder ein Jahr", "Years: all or one year"),
    "cli_a_permutations": ("Permutationen für den p-Wert (Standard 999)",
                           "Permutations for the p-value (default 999)"),
    "cli_h_typology": ("Gebietstypen durch Clusteranalyse der gewählten Indikatoren",
                       "Area types by cluster analysis of the chosen indicators"),
    "cli_a_typology_indicators": ("Indikatoren, durch Komma getrennt", "Indicators, comma separated"),
    "cli_a_typology_k": ("Anzahl der Typen", "Number of types"),
    "cli_a_typology_method": ("Verfahren: ward, kmeans oder skater (zusammenhängend)",
                              "Method: ward, kmeans or skater (contiguous)"),
    "cli_m_segregation_row": ("{year}: D = {d}, Isolation = {i}, Entropie = {h}, p(D) = {p}",
                              "{year}: D = {d}, isolation = {i}, entropy = {h}, p(D) = {p}"),
    "cli_m_typology_row": ("Typ {k} ({n} Gebiete): {words}", "Type {k} ({n} areas): {words}"),
}
