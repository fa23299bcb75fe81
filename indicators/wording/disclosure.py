"""Texts of disclosure control at the trust boundary: copies, previews, inferred totals, estimates."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "dc_a_parts": (
        "SUMME=TEIL+TEIL…: SUMME ist in jedem Gebiet die Summe der Teile (für die Geheimhaltung); "
        "SUMME= ohne Teile: keine Summe (schaltet eine erkannte ab); mehrfach möglich",
        "TOTAL=PART+PART…: TOTAL is the sum of the parts in every area (for disclosure control); "
        "TOTAL= without parts: no total (switches an inferred one off); repeatable",
    ),
    "gr_withheld": (
        "{n} Werte betreffen gesperrte Werte des Datensatzes und werden nicht verglichen",
        "{n} values concern suppressed values of the dataset and are not compared",
    ),
    "dc_copy_note": (
        "auf Datensatz '{name}' von {owner} aufgebaut: nur die veröffentlichten Werte übernommen "
        "(gesperrte Werte nicht); {owner} kann die Kopie zurückziehen",
        "based on dataset '{name}' of {owner}: only the published values were taken over "
        "(suppressed values were not); {owner} can withdraw the copy",
    ),
    "dc_inferred": (
        "{total} ist in jedem vollständigen Gebiet die Summe von {parts}: wird für die Geheimhaltung "
        "als Summe behandelt (abschalten mit --parts {total}= bzw. im Formular)",
        "{total} equals the sum of {parts} in every complete area: treated as their total for "
        "disclosure control (switch off with --parts {total}= or in the form)",
    ),
    "dc_parts_syntax": (
        "--parts {text!r}: erwartet SUMME=TEIL+TEIL… (z. B. einwohner=maenner+frauen; SUMME= ohne Teile: keine Summe)",
        "--parts {text!r}: expected TOTAL=PART+PART… (e.g. residents=men+women; TOTAL= without parts: no total)",
    ),
    "dc_parts_unknown": ("--parts: {names} nicht in der Tabelle", "--parts: {names} not in the table"),
    "dc_est_withheld": (
        "{names}: gesperrt, weil die Auswahl ein Gebiet mit gesperrtem oder kleinem Wert berührt "
        "(sonst ließen sich zwei Auswahlen gegeneinander aufrechnen)",
        "{names}: suppressed because the selection touches an area whose value is suppressed or "
        "small (else two selections could be subtracted from each other)",
    ),
    "dc_form_title": (
        "**Summen in der Tabelle** (für die Geheimhaltung: eine gesperrte Teilzahl darf sich nicht "
        "als Summe minus die übrigen Teile ausrechnen lassen)",
        "**Totals in the table** (for disclosure control: a suppressed part must not be computable "
        "as the total minus the other parts)",
    ),
    "dc_form_keep": ("{total} = {parts} als Summe behandeln", "treat {total} = {parts} as a total"),
    "dc_withdraw_button": ("Zurückziehen", "Withdraw"),
    "dc_withdraw_help": (
        "Kopie Ihres Datensatzes in den Papierkorb legen (protokolliert)",
        "Move this copy of your dataset to the trash (audited)",
    ),
    "dc_withdrawn": (
        "Kopie '{name}' von '{source}' zurückgezogen (Papierkorb)",
        "Copy '{name}' of '{source}' withdrawn (trash)",
    ),
}
