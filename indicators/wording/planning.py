"""Wording: planning register: goals, measures, partners, evaluation (ui/pages/planning*.py).

Entries are ``key: (German, English)``.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "page_planning": ("Planung", "Planning"),
    "plan_title": ("Strategische Sozialplanung", "Strategic social planning"),
    "plan_no_access": (
        "Die Planung ist nur nach Anmeldung sichtbar.",
        "The planning register is visible after login only.",
    ),
    "plan_tab_measures": ("Maßnahmen", "Measures"),
    "plan_tab_map": ("Karte", "Map"),
    "plan_tab_timeline": ("Zeitplan", "Timeline"),
    "plan_tab_goals": ("Ziele", "Goals"),
    "plan_tab_partners": ("Partner", "Partners"),
    "plan_tab_effect": ("Wirkung", "Effect"),
    "plan_tab_excel": ("Excel", "Excel"),
    "plan_empty": ("Noch keine Maßnahmen eingetragen.", "No measures yet."),
    "plan_list_more": (
        "Gezeigt: die ersten {shown} von {total} Maßnahmen – bitte weiter filtern.",
        "Shown: the first {shown} of {total} measures – please filter further.",
    ),
    "plan_filter_field": ("Handlungsfeld", "Field of action"),
    "plan_filter_area": ("Gebiet", "Area"),
    "plan_filter_status": ("Status", "Status"),
    "plan_filter_partner": ("Partner", "Partner"),
    "plan_filter_period": ("Zeitraum", "Period"),
    "plan_all": ("alle", "all"),
    "plan_edit_choice": ("Maßnahme bearbeiten", "Edit measure"),
    "plan_new": ("– neue Maßnahme –", "– new measure –"),
    "plan_f_title": ("Titel", "Title"),
    "plan_f_description": ("Beschreibung", "Description"),
    "plan_f_areas": ("Gebiete", "Areas"),
    "plan_f_start": ("Beginn", "Start"),
    "plan_f_end": ("Ende (leer: offen)", "End (empty: open)"),
    "plan_f_has_end": ("Ende festgelegt", "End date set"),
    "plan_f_partners": ("Partner (durch Komma getrennt)", "Partners (comma-separated)"),
    "plan_f_responsible": ("Verantwortlich", "Responsible unit"),
    "plan_f_budget_planned": ("Budget geplant (EUR)", "Budget planned (EUR)"),
    "plan_f_budget_spent": ("Budget verausgabt (EUR)", "Budget spent (EUR)"),
    "plan_f_indicators": ("Zielindikatoren", "Target indicators"),
    "plan_f_goals": ("Verknüpfte Ziele", "Linked goals"),
    "plan_f_lat": ("Ort: Breite (optional)", "Location: latitude (optional)"),
    "plan_e_location_numbers": (
        "Ort: Breite und Länge als Zahlen angeben (z. B. 53,87 und 10,68)",
        "Location: give latitude and longitude as numbers (e.g. 53.87 and 10.68)",
    ),
    "plan_e_location_range": ("Ort: Breite −90…90, Länge −180…180", "Location: latitude −90…90, longitude −180…180"),
    "plan_e_budget": (
        "{field}: „{text}“ ist kein Betrag (z. B. 12.500 oder 12.500,50)",
        '{field}: "{text}" is not an amount (e.g. 12,500 or 12,500.50)',
    ),
    "plan_e_budget_negative": ("{field}: ein Betrag kann nicht negativ sein", "{field}: an amount cannot be negative"),
    "plan_f_lon": ("Ort: Länge (optional)", "Location: longitude (optional)"),
    "plan_save": ("Speichern", "Save"),
    "plan_delete": ("Löschen", "Delete"),
    "plan_saved": ("Gespeichert: Maßnahme {id}, Version {version}.", "Saved: measure {id}, version {version}."),
    "plan_read_only": ("Ihre Rolle erlaubt nur das Lesen der Planung.", "Your role allows reading the plan only."),
    "plan_map_indicator": ("Indikator unter den Maßnahmen", "Indicator under the measures"),
    "plan_goal_progress": ("Fortschritt {p} – {state}", "Progress {p} – {state}"),
    "plan_on_track": ("im Plan", "on track"),
    "plan_off_track": ("nicht im Plan", "not on track"),
    "plan_no_goals": ("Noch keine Ziele eingetragen.", "No goals yet."),
    "plan_no_partners": ("Noch keine Partner eingetragen.", "No partners yet."),
    "plan_comparison": ("Vergleichsgebiete", "Comparison areas"),
    "plan_cmp_all": ("alle übrigen Gebiete", "all other areas"),
    "plan_cmp_matched": ("3 ähnlichste (Vorher-Wert)", "3 most similar (pre value)"),
    "plan_no_effects": (
        "Keine Maßnahme mit Beginn, Gebieten und Zielindikator.",
        "No measure with a start, areas and a target indicator.",
    ),
    "plan_trend_title": ("Maßnahme und Vergleich über alle Jahre", "Measure vs comparison, all years"),
    "plan_group_measure": ("Maßnahme", "Measure"),
    "plan_group_comparison": ("Vergleich", "Comparison"),
    "plan_progress_no_baseline": (
        "kein Wert für {indicator} im Basisjahr {year} (fehlend oder gesperrt)",
        "no value for {indicator} in the baseline year {year} (missing or suppressed)",
    ),
    "plan_progress_no_current": (
        "kein aktueller Wert für {indicator} nach dem Basisjahr {year}",
        "no current value for {indicator} after the baseline year {year}",
    ),
    "plan_export": ("Planung als Excel herunterladen", "Download the plan as Excel"),
    "plan_import": ("Excel/CSV importieren (Blätter Massnahmen, Ziele)", "Import Excel/CSV (sheets Massnahmen, Ziele)"),
    "plan_import_check": ("Prüfen", "Check"),
    "plan_import_store": ("Prüfen und speichern", "Check and store"),
    "plan_report": ("PDF „Sachstand Strategische Sozialplanung“", "PDF status report"),
    "plan_report_year": ("Berichtsjahr", "Report year"),
    "plan_map_flag": ("Gebiet mit Maßnahme", "Area with a measure"),
    "plan_profile_title": ("Maßnahmen und Ziele in diesem Gebiet", "Measures and goals in this area"),
    "plan_profile_none": (
        "Keine Maßnahmen oder Ziele für dieses Gebiet eingetragen.",
        "No measures or goals for this area.",
    ),
    "plan_map_measures": ("Maßnahmen: {names}", "Measures: {names}"),
    # Sachstand PDF (geo/planning/report.py)
    "plan_rep_title": ("Sachstand Strategische Sozialplanung {year}", "Strategic social planning status report {year}"),
    "plan_rep_footer": ("{title} · erstellt {date} · Quelle: {source}", "{title} · created {date} · source: {source}"),
    "plan_rep_footer_pointer": (
        "{title} · erstellt {date} · Quellen und Lizenzen: Seite {page}",
        "{title} · created {date} · sources and licences: page {page}",
    ),
    "plan_rep_page": ("Seite {n} / {total}", "Page {n} / {total}"),
    "plan_rep_goals": ("Ziele nach Handlungsfeldern ({n})", "Goals by field of action ({n})"),
    "plan_rep_map": ("Maßnahmen auf der Karte", "Measures on the map"),
    "plan_rep_areas": ("Maßnahmen je Gebiet ({n})", "Measures per area ({n})"),
    "plan_rep_effects": ("Wirkungskontrolle ({n})", "Impact evaluation ({n})"),
    "plan_rep_caveats": ("Hinweise zur Wirkungskontrolle", "Notes on the impact evaluation"),
    "plan_rep_sources": ("Quellen", "Sources"),
    "plan_rep_on_track": ("im Plan", "on track"),
    "plan_rep_off_track": ("nicht im Plan", "not on track"),
    "plan_rep_no_goals": ("Noch keine Ziele eingetragen.", "No goals yet."),
    "plan_rep_no_areas": ("Noch keine Maßnahmen mit Gebieten eingetragen.", "No measures with areas yet."),
    "plan_rep_no_effects": (
        "Keine Maßnahme mit Beginn, Gebieten und Zielindikator.",
        "No measure with a start, areas and a target indicator.",
    ),
    "plan_rep_goal_cols": (
        "Handlungsfeld|Ziel|Indikator|Basis|aktuell|Ziel|Fortschr.|Stand",
        "Field of action|Goal|Indicator|Baseline|Current|Target|Progress|State",
    ),
    "plan_rep_area_cols": ("Gebiet|Maßnahme|Status|Zeitraum", "Area|Measure|Status|Period"),
    "plan_rep_effect_cols": (
        "Maßn.|Indikator|Gebiete|Jahre|Δ Maßn.|Δ Vergl.|Effekt|p|Sätze",
        "Meas.|Indicator|Areas|Years|Δ meas.|Δ comp.|Effect|p|Sets",
    ),
    "plan_rep_map_note": (
        "Umrandet: Gebiete mit Maßnahmen ({n}). Flächenfarbe: {indicator} {year} (Quantile, 5 Klassen).",
        "Outlined: areas with measures ({n}). Fill: {indicator} {year} (quantiles, 5 classes).",
    ),
    "plan_rep_method": (
        "Effekt = mittlere Veränderung in den Gebieten der Maßnahme minus mittlere Veränderung in den "
        "Vergleichsgebieten (Differenz der Differenzen). p = Anteil der Placebo-Sätze (gleich viele "
        "andere Gebiete, als wären sie behandelt) mit mindestens so großem Effekt. Ein Effekt ist kein "
        "Beweis, dass die Maßnahme die Ursache ist.",
        "Effect = mean change in the areas of the measure minus mean change in the comparison areas "
        "(difference in differences). p = share of placebo sets (as many other areas, as if they were "
        "treated) with an effect at least as large. An effect is no proof that the measure is the "
        "cause.",
    ),
    "plan_rep_register": (
        "Planungsregister: Eintragungen der Sozialplanung im Sozialmonitor (Ziele, Maßnahmen, "
        "Partner), Stand zum Erstellungsdatum.",
        "Planning register: entries of social planning in the Sozialmonitor (goals, measures, "
        "partners), as of the date of creation.",
    ),
    # planning section of the social report (geo/report/pdf.py)
    "plan_sec_title": ("Strategische Sozialplanung", "Strategic social planning"),
    "plan_sec_intro": (
        "Planungsregister: {goals} Ziele und {measures} Maßnahmen (Stand zum Erstellungsdatum).",
        "Planning register: {goals} goals and {measures} measures (as of the date of creation).",
    ),
    "plan_sec_field": ("{field}: {measures} Maßnahmen", "{field}: {measures} measures"),
    "plan_sec_goal": (
        "Ziel {id} ({indicator}): {text} – Fortschritt {progress}, {state}",
        "Goal {id} ({indicator}): {text} – progress {progress}, {state}",
    ),
    "plan_sec_no_value": ("ohne Wert", "no value"),
    "plan_goal_line": (
        "{indicator}: {baseline} ({baseline_year}) → {target} ({target_year}), aktuell {current} ({current_year})",
        "{indicator}: {baseline} ({baseline_year}) → {target} ({target_year}), now {current} ({current_year})",
    ),
    # the notes of a measure effect (indicators/planning/text.py)
    "plan_cav_did": (
        "Die Zahlen vergleichen, wie sich die Gebiete der Maßnahme und die Vergleichsgebiete entwickelt "
        "haben (Differenz der Differenzen); sie sind kein Beweis, dass die Maßnahme die Ursache ist.",
        "The figures compare how the areas of the measure and the comparison areas developed "
        "(difference in differences); they are no proof that the measure is the cause.",
    ),
    "plan_cav_sets_exact": ("alle {n} möglichen Placebo-Sätze", "all {n} possible placebo sets"),
    "plan_cav_sets_random": ("{n} zufällige Placebo-Sätze (Startwert 12345)", "{n} random placebo sets (seed 12345)"),
    "plan_cav_smallest": (
        "Bei {areas} Gebieten mit Werten und {treated} behandelten ({how}) ist der kleinste mögliche "
        "p-Wert 1/{denom} ({p})",
        "With {areas} areas with values and {treated} treated ({how}) the smallest possible p-value is 1/{denom} ({p})",
    ),
    "plan_cav_not_significant": (
        ", also kann kein Effekt „signifikant“ (p < 0,05) sein",
        ", so no effect can be “significant” (p < 0.05)",
    ),
    "plan_cav_no_placebo": (
        "Ohne weitere Gebiete gibt es keinen Placebo-Vergleich und keinen p-Wert.",
        "Without further areas there is no placebo comparison and no p-value.",
    ),
    "plan_cav_one_pre": (
        "Mit nur einem Jahr vor dem Beginn lässt sich nicht prüfen, ob die Gebiete vorher parallel verliefen.",
        "With only one year before the start it cannot be checked whether the areas ran in parallel before.",
    ),
    "plan_cav_excluded": (
        "Ausgelassen (Werte fehlend oder gesperrt): {codes}.",
        "Left out (values missing or suppressed): {codes}.",
    ),
    "plan_noest": ("Keine Wirkungsschätzung für {indicator}: {why}.", "No effect estimate for {indicator}: {why}."),
    "plan_noest_no_pre": ("kein Jahr mit Daten vor dem Beginn {year}", "no year with data before the start {year}"),
    "plan_noest_no_post": ("kein Nachher-Jahr mit Daten nach {year}", "no post year with data after {year}"),
    "plan_noest_no_treated": ("kein Gebiet der Maßnahme hat Werte", "no area of the measure has values"),
    "plan_noest_no_comparison": ("kein Vergleichsgebiet hat Werte", "no comparison area has values"),
    "plan_noest_missing": (" (fehlend oder gesperrt: {codes})", " (missing or suppressed: {codes})"),
    # record fields and entities (store.planning.records), and the validation messages
    "plan_entity_measure": ("Maßnahme", "Measure"),
    "plan_entity_goal": ("Ziel", "Goal"),
    "plan_entity_partner": ("Partner", "Partner"),
    "plan_field_title": ("Titel", "Title"),
    "plan_field_description": ("Beschreibung", "Description"),
    "plan_field_field": ("Handlungsfeld", "Field of action"),
    "plan_field_geography": ("Geografie", "Geography"),
    "plan_field_areas": ("Gebiete", "Areas"),
    "plan_field_location": ("Ort", "Location"),
    "plan_field_responsible": ("Verantwortlich", "Responsible"),
    "plan_field_start": ("Beginn", "Start"),
    "plan_field_end": ("Ende", "End"),
    "plan_field_budget_planned": ("Budget geplant", "Budget planned"),
    "plan_field_budget_spent": ("Budget verausgabt", "Budget spent"),
    "plan_field_status": ("Status", "Status"),
    "plan_field_partners": ("Partner", "Partners"),
    "plan_field_goals": ("Ziele", "Goals"),
    "plan_field_indicators": ("Zielindikatoren", "Target indicators"),
    "plan_field_milestones": ("Meilensteine", "Milestones"),
    "plan_field_text": ("Text", "Text"),
    "plan_field_indicator": ("Indikator", "Indicator"),
    "plan_field_baseline_year": ("Basisjahr", "Baseline year"),
    "plan_field_target_value": ("Zielwert", "Target value"),
    "plan_field_target_year": ("Zieljahr", "Target year"),
    "plan_field_organisation": ("Organisation", "Organisation"),
    "plan_field_kind": ("Art", "Kind"),
    "plan_field_contact": ("Kontakt", "Contact"),
    "plan_field_fields": ("Handlungsfelder", "Fields of action"),
    "plan_field_kennung": ("Kennung", "Reference"),
    "plan_and_more": (" (und {n} weitere)", " (and {n} more)"),
    "plan_err_missing": ("{field} fehlt", "{field} is missing"),
    "plan_err_too_long": ("{field} zu lang: höchstens {limit} Zeichen", "{field} too long: at most {limit} characters"),
    "plan_err_no_date": (
        "{field} {value} ist kein Datum (JJJJ-MM-TT, TT.MM.JJJJ oder Jahr)",
        "{field} {value} is not a date (YYYY-MM-DD, DD.MM.YYYY or a year)",
    ),
    "plan_err_no_number": ("{field} {value} ist keine Zahl", "{field} {value} is not a number"),
    "plan_err_not_finite": ("{field} {value} ist keine endliche Zahl", "{field} {value} is not a finite number"),
    "plan_err_no_year": ("{field} {value} ist kein Jahr (1900–2100)", "{field} {value} is not a year (1900–2100)"),
    "plan_err_no_code": ("{field}: {value} ist kein Gebietsschlüssel", "{field}: {value} is not an area code"),
    "plan_err_not_in_geography": (
        "{field}: {values} gibt es in der Geografie '{geography}' nicht",
        "{field}: {values} do not exist in the geography '{geography}'",
    ),
    "plan_err_unknown_geography": (
        "Geografie '{geography}' gibt es nicht (bekannt: {known})",
        "geography '{geography}' does not exist (known: {known})",
    ),
    "plan_err_unknown_field": (
        "Handlungsfeld '{name}' gibt es nicht (bekannt: {known})",
        "field of action '{name}' does not exist (known: {known})",
    ),
    "plan_err_location": (
        "Ort: erwartet eine GeoJSON-Geometrie (Point oder Polygon, WGS 84)",
        "Location: a GeoJSON geometry expected (Point or Polygon, WGS 84)",
    ),
    "plan_err_target_year": (
        "Zieljahr {target} muss nach dem Basisjahr {baseline} liegen",
        "target year {target} must come after the baseline year {baseline}",
    ),
    "plan_err_entity": ("unbekannte Art von Eintrag {entity}", "unknown kind of entry {entity}"),
    "plan_err_status": (
        "Status '{status}' gibt es nicht (erlaubt: {allowed})",
        "status '{status}' does not exist (allowed: {allowed})",
    ),
    "plan_err_end_before_start": ("Ende {end} liegt vor dem Beginn {start}", "end {end} lies before the start {start}"),
    "plan_err_negative": ("{field} darf nicht negativ sein", "{field} must not be negative"),
    "plan_err_no_areas": (
        "Gebiete fehlen: bitte Gebietsschlüssel oder einen Ort angeben",
        "areas missing: give area codes or a location",
    ),
    "plan_status_geplant": ("geplant", "planned"),
    "plan_status_laufend": ("laufend", "running"),
    "plan_status_abgeschlossen": ("abgeschlossen", "completed"),
    "plan_status_abgebrochen": ("abgebrochen", "cancelled"),
}
