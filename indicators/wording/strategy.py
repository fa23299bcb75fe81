"""Wording: strategy views: consensus of the need methods, sandbox, need against measures,
typology, segregation, goal forecasts (ui/pages/strategy.py, commands/strategy.py).

Entries are ``key: (German, English)``.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # page
    "page_strategy": ("Strategie", "Strategy"),
    "str_title": ("Strategie: Bedarfe, Maßnahmen, Gebietstypen, Ziele", "Strategy: needs, measures, area types, goals"),
    "str_intro": (
        "Die Fragen zwischen den Schritten des Planungszyklus: Wo stimmen die Verfahren überein? Liegen "
        "die Maßnahmen dort, wo der Bedarf ist? Welche Gebietstypen gibt es? Werden die Ziele erreicht?",
        "The questions between the steps of the planning cycle: where do the methods agree? Do the "
        "measures sit where the needs are? What kinds of areas are there? Will the goals be reached?",
    ),
    "str_tab_consensus": ("Übereinstimmung", "Consensus"),
    "str_tab_sandbox": ("Schwellen-Sandkasten", "Threshold sandbox"),
    "str_tab_measures": ("Bedarf und Maßnahmen", "Need and measures"),
    "str_tab_types": ("Gebietstypen", "Area types"),
    "str_tab_segregation": ("Segregation", "Segregation"),
    "str_tab_goals": ("Zielprognosen", "Goal forecasts"),
    "str_band": ("Knapp-Band (z-Einheiten)", "Close-call band (z units)"),
    "str_band_help": (
        "Ein Gebiet ist bei einem Verfahren knapp, wenn sein Wert höchstens so weit von der Schwelle "
        "entfernt ist (beim SVI auf der Normal-Quantil-Skala).",
        "An area is a close call of a method when its score lies at most this far from the threshold "
        "(for the SVI on the normal quantile scale).",
    ),
    "str_consensus_intro": (
        "Alle {n} Verfahren mit ihren voreingestellten Schwellen auf denselben Indikatoren: "
        "wie viele Verfahren markieren jedes Gebiet, und wo liegt es knapp an einer Schwelle?",
        "All {n} methods with their preset thresholds on the same indicators: how many methods "
        "flag each area, and where is it close to a threshold?",
    ),
    "str_n_methods": ("Markiert von … Verfahren", "Flagged by … methods"),
    "str_flagged_by_n": ("Von {n} der {total} Verfahren markiert", "Flagged by {n} of {total} methods"),
    "str_close_calls": ("Knappe Fälle", "Close calls"),
    "str_close": ("knapp", "close"),
    "str_not_assessed": ("nicht bewertet", "not assessed"),
    "str_band_of": ("{method}: knapp zwischen {low} und {high}", "{method}: close between {low} and {high}"),
    "str_sandbox_intro": (
        "Probieren Sie eine andere Schwelle oder Gewichte aus: die Liste zeigt, welche Gebiete "
        "gegenüber der Voreinstellung neu markiert werden oder herausfallen.",
        "Try another threshold or weights: the list shows which areas enter or leave the flagged "
        "set against the default.",
    ),
    "str_weights": ("Gewichte der Indikatoren", "Indicator weights"),
    "str_sandbox_flagged": (
        "Mit diesen Einstellungen markiert: {n} von {total} Gebieten.",
        "Flagged with these settings: {n} of {total} areas.",
    ),
    "str_sandbox_same": ("Dieselben Gebiete wie mit der Voreinstellung.", "The same areas as with the default."),
    "str_change": ("Änderung", "Change"),
    "str_enters": ("neu markiert", "enters"),
    "str_leaves": ("nicht mehr markiert", "leaves"),
    "str_score_default": ("Wert (Voreinstellung)", "Score (default)"),
    "str_score_trial": ("Wert (ausprobiert)", "Score (trial)"),
    "str_sandbox_nothing_saved": (
        "Nichts wird gespeichert; die Bedarfslagen-Seite bleibt unverändert.",
        "Nothing is saved; the needs page is unchanged.",
    ),
    "str_share_flagged_with": ("Markierte Gebiete mit Maßnahme", "Areas of elevated need with a measure"),
    "str_share_flagged_with_help": (
        "Anteil der {n} markierten Gebiete mit mindestens einer aktiven Maßnahme.",
        "Share of the {n} areas of elevated need with at least one active measure.",
    ),
    "str_share_measures_in": ("Maßnahmen in markierten Gebieten", "Measures in areas of elevated need"),
    "str_share_measures_in_help": (
        "Anteil der {n} im Jahr {year} aktiven Maßnahmen, die ein markiertes Gebiet erreichen.",
        "Share of the {n} measures active in {year} that reach an area of elevated need.",
    ),
    "str_with_measure": ("mit Maßnahme", "with a measure"),
    "str_no_flagged": ("Kein Gebiet ist markiert.", "No area is flagged."),
    "str_no_measure": ("keine Maßnahme", "no measure"),
    "str_no_goals": ("Noch keine Ziele eingetragen.", "No goals yet."),
    "str_goals_intro": (
        "Linearer Trend (OLS) vom Basisjahr bis zum letzten Jahr, fortgeschrieben bis zum Zieljahr, "
        "mit 80-%-Prognoseintervall (t-Verteilung, n − 2 Freiheitsgrade). Erreichbar: das ganze "
        "Intervall erreicht das Ziel; gefährdet: kein Teil; offen: dazwischen.",
        "Linear trend (OLS) from the baseline year to the latest year, extrapolated to the target "
        "year, with an 80% prediction interval (t distribution, n − 2 degrees of freedom). "
        "Reachable: the whole interval meets the target; at risk: none of it; open: in between.",
    ),
    "str_goal": ("Ziel", "Goal"),
    "str_target": ("Zielwert (Jahr)", "Target (year)"),
    "str_forecast": ("Prognose (80 %-Intervall)", "Forecast (80% interval)"),
    "str_verdict": ("Einschätzung", "Verdict"),
    "str_verdict_erreichbar": ("erreichbar", "reachable"),
    "str_verdict_gefaehrdet": ("gefährdet", "at risk"),
    "str_verdict_offen": ("offen", "open"),
    "str_verdict_zu_wenige_Jahre": ("zu wenige Jahre", "too few years"),
    "str_too_few_years": (
        "Zu wenige Jahre für einen Trend (mindestens drei Werte ab dem Basisjahr).",
        "Too few years for a trend (at least three values from the baseline year).",
    ),
    "str_forecast_line": (
        "Prognose {year}: {value} (80 %: {low} – {high}) – {verdict}",
        "Forecast {year}: {value} (80%: {low} – {high}) – {verdict}",
    ),
    "str_forecast_line_few": ("Prognose: {verdict}", "Forecast: {verdict}"),
    "str_chart_value": ("Wert", "Value"),
    "str_goal_caption": (
        "Punkte: beobachtete Werte; Linie: Trend; Band: 80-%-Prognoseintervall; rot gestrichelt: "
        "Ziel. Einschätzung: {verdict} ({n} Jahre).",
        "Points: observed values; line: trend; band: 80% prediction interval; red dashed: target. "
        "Verdict: {verdict} ({n} years).",
    ),
    "str_types_few": ("Zu wenige Indikatoren für eine Typologie.", "Too few indicators for a typology."),
    "str_types_method": ("Verfahren", "Method"),
    "str_types_k": ("Anzahl der Typen", "Number of types"),
    "str_type": ("Gebietstyp", "Area type"),
    "str_left_out": ("nicht typisiert (Wert fehlt oder gesperrt)", "not typed (value missing or suppressed)"),
    "str_types_left_out": (
        "{n} Gebiete ohne alle Werte (fehlend oder gesperrt) sind nicht typisiert: {ids}",
        "{n} areas without every value (missing or suppressed) are not typed: {ids}",
    ),
    "str_profile_z": ("Mittlerer z-Wert des Typs", "Mean z of the type"),
    "str_types_silhouette": (
        "Kriterium (mittlere Silhouettenbreite, höher = besser getrennt): {values}; am besten k = {best}.",
        "Criterion (mean silhouette width, higher = better separated): {values}; best k = {best}.",
    ),
    "str_types_note": (
        "Indikatoren des Jahres {year} standardisiert (z, Populations-SD); Typen nach Größe nummeriert; "
        "Ergebnisse sind bei jedem Lauf gleich (fester Startwert).",
        "Indicators of {year} standardised (z, population SD); types numbered by size; results are "
        "the same on every run (fixed seed).",
    ),
    "typ_scheme": ("Gebietstypen ({method})", "Area types ({method})"),
    "typ_type": ("Typ {k}", "Type {k}"),
    "typ_method_ward": ("Ward (hierarchisch)", "Ward (hierarchical)"),
    "typ_method_kmeans": ("k-Means", "k-means"),
    "typ_method_skater": ("SKATER (zusammenhängend)", "SKATER (contiguous)"),
    "str_seg_few": ("Diese Geografie hat keine zwei Anzahlen.", "This geography has no two counts."),
    "str_seg_group": ("Gruppe (Anzahl)", "Group (count)"),
    "str_seg_total": ("Gesamtzahl", "Total"),
    "str_seg_none": (
        "Für diese Auswahl lassen sich keine Indizes berechnen (Gruppe nicht Teil der Gesamtzahl, zu wenige Gebiete).",
        "No indices can be computed for this choice (group not part of the total, too few areas).",
    ),
    "str_seg_dissimilarity": ("Dissimilarität D", "Dissimilarity D"),
    "str_seg_isolation": ("Isolation", "Isolation"),
    "str_seg_entropy": ("Entropie (Theil H)", "Entropy (Theil H)"),
    "str_seg_value": ("Indexwert", "Index value"),
    "str_seg_left_out": ("ausgelassen (gesperrt/fehlend)", "left out (suppressed/missing)"),
    "str_seg_n_areas": ("Gebiete", "Areas"),
    "str_seg_method": (
        "D: Anteil der Gruppe, der umziehen müsste, damit jedes Gebiet den städtischen Anteil hat "
        "(gegen den Rest der Gesamtzahl). Isolation: Anteil der Gruppe im Gebiet eines typischen "
        "Gruppenmitglieds. Entropie: Theils H. p(D): Anteil von 999 Zufallsverteilungen der Gruppe "
        "auf die Gebiete mit mindestens so hohem D (PySAL segregation; fester Startwert). Gesperrte "
        "Werte bleiben außen vor und werden genannt.",
        "D: share of the group that would have to move for every area to have the city's share "
        "(against the rest of the total). Isolation: the group's share in the area of a typical "
        "member. Entropy: Theil's H. p(D): share of 999 random allocations of the group to the areas "
        "with at least as high a D (PySAL segregation; fixed seed). Suppressed values are left out "
        "and named.",
    ),
    "str_maup_title": ("Gebietszuschnitt (MAUP):", "Areal units (MAUP):"),
    "str_maup_body": (
        "Segregationsindizes hängen von den Gebieten ab: 10 Stadtteile mitteln viel mehr als "
        "Gitterzellen, dieselben Menschen ergeben auf dem Gitter meist höhere Werte. Vergleichen "
        "Sie nur Werte desselben Zuschnitts.",
        "Segregation indices depend on the areal units: 10 Stadtteile average far more than grid "
        "cells, so the same people usually give higher values on the grid. Compare values of the "
        "same units only.",
    ),
    "str_maup_missing": (
        "Dieselben Anzahlen gibt es auch auf {geographies}, dort aber nicht beide als Anzahl mit Werten.",
        "The same counts exist on {geographies}, but not both as counts with values.",
    ),
    # Sachstand report
    "str_rep_title": ("Bedarf und Maßnahmen", "Need and measures"),
    "str_rep_shares": (
        "{method}, {year}: {n} Gebiete markiert, davon mit aktiver Maßnahme: {flagged}; "
        "Maßnahmen in markierten Gebieten: {measures} von {m}.",
        "{method}, {year}: {n} areas flagged, of which with an active measure: {flagged}; measures "
        "in areas of elevated need: {measures} of {m}.",
    ),
    "str_rep_area": ("{name}: {measures}", "{name}: {measures}"),
    "str_rep_forecasts": ("Zielprognosen", "Goal forecasts"),
    "str_rep_goal": (
        "Ziel {id} ({text}): Trend {year} {value} (80 %: {low} – {high}), Ziel {target}: {verdict}.",
        "Goal {id} ({text}): trend {year} {value} (80%: {low} – {high}), target {target}: {verdict}.",
    ),
    "str_rep_goal_few": ("Ziel {id} ({text}): {verdict}.", "Goal {id} ({text}): {verdict}."),
    # typology
    "typ_high": ("{label} hoch (z {z})", "{label} high (z {z})"),
    "typ_low": ("{label} niedrig (z {z})", "{label} low (z {z})"),
    "typ_average": ("durchschnittlich in allen gewählten Indikatoren", "average in every chosen indicator"),
    # command line
    "cli_h_needs": (
        "Bedarfslagen eines Verfahrens, mit --consensus aller Verfahren nebeneinander",
        "Need assessment of one method; with --consensus all methods side by side",
    ),
    "cli_a_need_method": ("Verfahren (Standard: das der Geografie)", "Method (default: the geography's)"),
    "cli_a_consensus": (
        "alle Verfahren vergleichen: wer markiert, knappe Fälle",
        "compare all methods: who flags, close calls",
    ),
    "cli_a_close_band": (
        "Breite des Knapp-Bands in z-Einheiten (Standard 0,25)",
        "Half-width of the close-call band in z units (default 0.25)",
    ),
    "cli_m_needs_flagged": (
        "{n} von {total} Gebieten markiert ({method}, {year})",
        "{n} of {total} areas flagged ({method}, {year})",
    ),
    "cli_m_consensus_row": (
        "{name}: markiert von {n} ({methods}); knapp bei: {close}",
        "{name}: flagged by {n} ({methods}); close call in: {close}",
    ),
    "cli_h_segregation": (
        "Segregationsindizes (Dissimilarität, Isolation, Entropie) je Jahr",
        "Segregation indices (dissimilarity, isolation, entropy) per year",
    ),
    "cli_a_group": ("Variable der Gruppe (Anzahl)", "Variable of the group (count)"),
    "cli_a_total": ("Variable der Gesamtzahl", "Variable of the total"),
    "cli_a_years": ("Jahre: all oder ein Jahr", "Years: all or one year"),
    "cli_a_permutations": ("Permutationen für den p-Wert (Standard 999)", "Permutations for the p-value (default 999)"),
    "cli_h_typology": (
        "Gebietstypen durch Clusteranalyse der gewählten Indikatoren",
        "Area types by cluster analysis of the chosen indicators",
    ),
    "cli_a_typology_indicators": ("Indikatoren, durch Komma getrennt", "Indicators, comma separated"),
    "cli_a_typology_k": (
        "Anzahl der Typen oder auto (beste mittlere Silhouettenbreite, k = 2 … 8)",
        "Number of types or auto (best mean silhouette width, k = 2 … 8)",
    ),
    "cli_e_typology_k": (
        "--k muss eine ganze Zahl oder auto sein, nicht '{k}'.",
        "--k must be a whole number or auto, not '{k}'.",
    ),
    "cli_a_typology_method": (
        "Verfahren: ward, kmeans oder skater (zusammenhängend)",
        "Method: ward, kmeans or skater (contiguous)",
    ),
    "cli_m_segregation_row": (
        "{year}: D = {d}, Isolation = {i}, Entropie = {h}, p(D) = {p}",
        "{year}: D = {d}, isolation = {i}, entropy = {h}, p(D) = {p}",
    ),
    "cli_m_typology_row": ("Typ {k} ({n} Gebiete): {words}", "Type {k} ({n} areas): {words}"),
}
