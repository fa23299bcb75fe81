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
    "lisa_failed": ("Kein räumliches Muster berechenbar: {message}", "No spatial pattern: {message}"),
    # comparing areas
    "page_compare": ("Gebietsvergleich", "Compare areas"),
    "cmp_areas": ("Gebiete (2 bis 4)", "Areas (2 to 4)"),
    "cmp_choose": ("Bitte zwei bis vier Gebiete wählen.", "Choose two to four areas."),
    "cmp_too_many": ("Höchstens vier Gebiete: verglichen werden die ersten vier.",
                     "At most four areas: the first four are compared."),
    "cmp_title": ("Gebietsvergleich {year}", "Area comparison {year}"),
    "cmp_rank": ("Rang", "rank"),
    "cmp_series": ("Zeitreihen", "Time series"),
    "cmp_no_series": ("Nur ein Jahr vorhanden.", "Only one year available."),
    "cmp_pdf": ("Vergleich als PDF", "Comparison (PDF)"),
    "cmp_pdf_note": ("Tabelle aller Indikatoren mit Rängen und je eine kleine Zeitreihe.",
                     "Table of all indicators with ranks and a small time series each."),
    "cmp_footnote": ("Rang 1 = höchster Wert unter {n} Gebieten. „gesperrt“: weniger als {k} Fälle (Datenschutz).",
                     "Rank 1 = highest value among {n} areas. 'suppressed': fewer than {k} cases (privacy)."),
    "cmp_year": ("Jahr", "Year"),
}
