"""Wording: Web map and print map: tooltip, legend, print frame. Entries are ``key: (German, English)``."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "suppressed_short": ("gesperrt (Datenschutz)", "suppressed (privacy)"),
    "suppressed_n": ("gesperrt (Datenschutz, < {n} Fälle)", "suppressed (privacy, < {n} cases)"),
    "flag_elevated": ("erhöhter Bedarf", "elevated need"),
    "pm_reference": ("Datenstand", "Reference date"),
    "pm_method": ("Methode", "Method"),
    "pm_classes": ("{scheme}, {k} Klassen", "{scheme}, {k} classes"),
    "pm_created": (
        "Erstellt am {date} mit dem Sozialmonitor Lübeck",
        "Created on {date} with Sozialmonitor Lübeck",
    ),
    "pm_crs": ("Kartengrundlage ETRS89 / UTM 32N (EPSG:25832)", "Map projection ETRS89 / UTM 32N (EPSG:25832)"),
    "pm_areas": ("Gebiete", "areas"),
    "pm_city": ("{label}: {value}", "{label}: {value}"),
    "pm_unit": ("Einheit: {unit}", "Unit: {unit}"),
    "pm_scale": ("Maßstab ca. 1:{n} bei Druck in Originalgröße", "Scale approx. 1:{n} when printed at full size"),
    "pm_year": ("Jahr {year}", "Year {year}"),
    "pm_north": ("N", "N"),
    "pm_flag_note": (
        "Erhöhter Bedarf: Wert mindestens eine Standardabweichung über (bzw. unter) dem Mittel der Gebiete in Bedarfsrichtung",
        "Elevated need: value at least one standard deviation above (or below) the mean of the areas in the direction of need",
    ),
    "pm_date_format": ("%d.%m.%Y", "%Y-%m-%d"),
    "pm_reference_day": ("{day}.{month}.{year}", "{year}-{month}-{day}"),
    "pm_calendar_year": ("Kalenderjahr {year}", "calendar year {year}"),
    "wm_suppressed": ("Wert gesperrt (Datenschutz)", "value suppressed (privacy)"),
    "wm_selected": ("ausgewählt", "selected"),
    "wm_classes": ("Klassen", "classes"),
    "wm_in": ("in", "in"),
    "decimal_sep": (",", "."),
    "scheme_quantiles": ("Quantile", "Quantiles"),
    "scheme_fisher_jenks": ("Natürliche Brüche (Fisher-Jenks)", "Natural breaks (Fisher-Jenks)"),
    "scheme_equal_interval": ("Gleiche Intervalle", "Equal intervals"),
    "scheme_std_mean": ("Mittelwert ± Standardabweichung", "Mean ± standard deviation"),
    "scheme_manual": ("Eigene Klassengrenzen", "Manual breaks"),
}
