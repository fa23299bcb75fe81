"""Wording: area comparison, LISA cluster map, growing uploads. Entries are ``key: (German, English)``."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # LISA cluster map (Bedarfslagen)
    "lisa_title": ("LISA-Cluster des Bedarfswerts", "LISA clusters of the need score"),
    "lisa_scheme": ("Queen-Nachbarschaft, p < 0,05", "queen contiguity, p < 0.05"),
    "lisa_HH": ("HH: hoch, Nachbarn hoch (Bedarfsschwerpunkt)", "HH: high, neighbours high (hot spot)"),
    "lisa_LL": ("LL: niedrig, Nachbarn niedrig", "LL: low, neighbours low (cold spot)"),
    "lisa_HL": ("HL: hoch, Nachbarn niedrig (Ausreißer)", "HL: high, neighbours low (outlier)"),
    "lisa_LH": ("LH: niedrig, Nachbarn hoch (Ausreißer)", "LH: low, neighbours high (outlier)"),
    "lisa_ns": ("ns: nicht signifikant", "ns: not significant"),
    "lisa_tip": ("{cluster} (p = {p})", "{cluster} (p = {p})"),
    "lisa_list": ("Gebiete je Cluster", "Areas per cluster"),
    "lisa_none": ("keine", "none"),
    "lisa_note": (
        "Explorativ: Moran's I und LISA mit Queen-Nachbarschaft, {permutations} Permutationen "
        "(Seed {seed}), {level}. {n} Gebiete.",
        "Exploratory: Moran's I and LISA with queen contiguity, {permutations} permutations "
        "(seed {seed}), {level}. {n} areas.",
    ),
    "lisa_note_fdr": ("FDR-Korrektur", "FDR correction"),
    "lisa_note_alpha": ("Signifikanzniveau {alpha}", "significance level {alpha}"),
    "lisa_note_islands": (" ({n} ohne Nachbarn ausgelassen)", " ({n} without neighbours left out)"),
    "lisa_note_few": (
        "Bei nur {n} Gebieten ist die Teststärke gering: ein nicht signifikantes Ergebnis "
        "heißt nicht, dass es kein Muster gibt.",
        "With only {n} areas the test has little power: a result that is not significant "
        "does not mean there is no pattern.",
    ),
    "lisa_failed": ("Kein räumliches Muster berechenbar: {message}", "No spatial pattern: {message}"),
    # comparing areas
    "page_compare": ("Gebietsvergleich", "Compare areas"),
    "cmp_areas": ("Gebiete (2 bis 4)", "Areas (2 to 4)"),
    "cmp_choose": ("Bitte zwei bis vier Gebiete wählen.", "Choose two to four areas."),
    "cmp_too_many": (
        "Höchstens vier Gebiete: verglichen werden die ersten vier.",
        "At most four areas: the first four are compared.",
    ),
    "cmp_title": ("Gebietsvergleich {year}", "Area comparison {year}"),
    "cmp_rank": ("Rang", "rank"),
    "cmp_series": ("Zeitreihen", "Time series"),
    "cmp_no_series": ("Nur ein Jahr vorhanden.", "Only one year available."),
    "cmp_pdf": ("Vergleich als PDF", "Comparison (PDF)"),
    "cmp_pdf_note": (
        "Tabelle aller Indikatoren mit Rängen und je eine kleine Zeitreihe.",
        "Table of all indicators with ranks and a small time series each.",
    ),
    "cmp_footnote": (
        "Rang 1 = höchster Wert unter {n} Gebieten. „gesperrt“: weniger als {k} Fälle (Datenschutz).",
        "Rank 1 = highest value among {n} areas. 'suppressed': fewer than {k} cases (privacy).",
    ),
    "cmp_sources_on_page": ("Quellen und Lizenzen: Seite {page}", "Sources and licences: page {page}"),
    "cmp_sources_title": ("Quellen und Lizenzen", "Sources and licences"),
    "cmp_year": ("Jahr", "Year"),
    # growing uploads
    "gr_nothing": ("Die Tabelle ändert nichts am Datensatz.", "The table changes nothing in the dataset."),
    "gr_years": ("Neue Jahre ({n}): {years}", "New years ({n}): {years}"),
    "gr_indicators": ("Neue Indikatoren ({n}): {names}", "New indicators ({n}): {names}"),
    "gr_variables": ("Neue Merkmale ({n}): {names}", "New variables ({n}): {names}"),
    "gr_added": ("{n} neue Werte", "{n} new values"),
    "gr_replaced": (
        "{n} Werte ersetzt, davon {changed} mit anderem Wert",
        "{n} values replaced, {changed} of them with a different number",
    ),
    "gr_mode": ("Speichern als", "Save as"),
    "gr_mode_extend": ("Datensatz „{label}“ ergänzen", "Extend dataset '{label}'"),
    "gr_mode_new": ("neuer Datensatz", "new dataset"),
    "gr_preview": ("**Was sich ändert:**", "**What changes:**"),
    "gr_extended": (
        "Datensatz ergänzt: {label} (die vorige Fassung bleibt erhalten). ",
        "Dataset extended: {label} (the previous version is kept). ",
    ),
    "gr_label_missing": (
        "Bitte eine Bezeichnung für den neuen Datensatz eingeben.",
        "Please enter a label for the new dataset.",
    ),
    "gr_shipped_note": (
        "Mitgelieferte Daten werden nicht verändert: die Tabelle wird als neuer Datensatz "
        "auf Grundlage von „{label}“ gespeichert.",
        "Shipped data are not changed: the table is saved as a new dataset based on '{label}'.",
    ),
}
