"""Wording of the "Methoden" page: what each need method, flag and protection rule means."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "page_methods": ("Methoden", "Methods"),
    "methods_title": ("Methoden: wie die Zahlen entstehen", "Methods: how the numbers are made"),
    "methods_intro": (
        "Diese Seite erklärt die Verfahren der Bedarfslagen, Markierungen, Analysen und des "
        "Datenschutzes, mit denen die Karten und Tabellen dieses Werkzeugs arbeiten.",
        "This page explains the methods behind the needs assessment, flags, analyses and data "
        "protection used by the maps and tables of this tool.",
    ),
    "methods_mss_title": ("MSS: Status- und Dynamikindex", "MSS: status and dynamics index"),
    "methods_mss_body": (
        "Nach dem Berliner Monitoring Soziale Stadtentwicklung: jeder Statusindikator wird über die "
        "bewerteten Gebiete z-standardisiert (Mittelwert 0, Standardabweichung 1), die z-Werte werden "
        "(gewichtet) summiert und die Summe erneut standardisiert. Ein hoher Index bedeutet hohe "
        "Benachteiligung, also einen **niedrigen sozialen Status**. Statusklassen: **hoch** (Index "
        "unter −1), **mittel** (−1 bis +1), **niedrig** (über +1 bis +1,5) und **sehr niedrig** "
        "(über +1,5). „Niedrig“ heißt also: deutlich überdurchschnittliche soziale Problemlagen. "
        "Der Dynamikindex aus den Veränderungen ergibt **positiv** (unter −1), **stabil** (−1 bis +1) "
        "und **negativ** (über +1). Gebiete unter der Mindestzahl an Einwohnerinnen und Einwohnern "
        "(300) werden nicht bewertet.",
        "After Berlin's Monitoring Soziale Stadtentwicklung: each status indicator is z-standardised "
        "over the assessed areas (mean 0, standard deviation 1), the z-values are summed (weighted) "
        "and the sum is standardised again. A high index means high disadvantage, i.e. a **low social "
        "status**. Status classes: **high** (index below −1), **medium** (−1 to +1), **low** (above +1 "
        'up to +1.5) and **very low** (above +1.5). "Low" therefore means clearly above-average '
        "social problems. The dynamics index from the changes gives **positive** (below −1), "
        "**stable** (−1 to +1) and **negative** (above +1). Areas below the minimum number of "
        "residents (300) are not assessed.",
    ),
    "methods_svi_title": ("SVI: Perzentile", "SVI: percentiles"),
    "methods_svi_body": (
        "Nach dem Social Vulnerability Index (CDC/ATSDR): jeder Indikator wird in einen Perzentilrang "
        "zwischen 0 und 1 umgerechnet (0 = geringster, 1 = höchster Bedarf unter allen Gebieten). Die "
        "Ränge werden je Thema und insgesamt summiert und die Summen wieder in Perzentile umgerechnet. "
        "Ein Perzentil von 0,90 heißt: 90 % der Gebiete haben einen geringeren Wert. Ab 0,90 wird ein "
        "Indikator markiert (SVI-Flag).",
        "After the Social Vulnerability Index (CDC/ATSDR): each indicator is turned into a percentile "
        "rank between 0 and 1 (0 = lowest, 1 = highest need of all areas). The ranks are summed per "
        "theme and overall, and the sums are ranked again. A percentile of 0.90 means that 90% of the "
        "areas have a lower value. From 0.90 an indicator is flagged (SVI flag).",
    ),
    "methods_z_title": ("z-Summe", "z sum"),
    "methods_z_body": (
        "Jeder Indikator wird z-standardisiert und nach seiner Bedarfsrichtung ausgerichtet (höher = mehr "
        "Bedarf). Die z-Summe ist der gewichtete Mittelwert dieser Werte: 0 ist der Durchschnitt der "
        "Gebiete, +1 eine Standardabweichung über dem Durchschnitt. Ein Gebiet wird markiert, wenn die "
        "z-Summe die Schwelle erreicht.",
        "Each indicator is z-standardised and aligned with its need direction (higher = more need). The "
        "z sum is the weighted mean of these values: 0 is the average of the areas, +1 one standard "
        "deviation above average. An area is flagged when the z sum reaches the threshold.",
    ),
    "methods_flags_title": ("Markierungen „erhöhter Bedarf“", 'Flags "elevated need"'),
    "methods_flags_body": (
        "Im Atlas markiert ein Rahmen Gebiete mit erhöhtem Bedarf. Regel: ohne eigene Schwelle gilt "
        "**Mittelwert plus eine Standardabweichung** der Gebiete (bei Indikatoren, bei denen ein "
        "niedriger Wert mehr Bedarf bedeutet: Mittelwert minus eine Standardabweichung); mit eigener "
        "Schwelle gilt diese. Markiert werden nur Quoten und Anteile mit einer Bedarfsrichtung – "
        "Anzahlen und Kontextindikatoren nicht. In der Veränderungsansicht folgt die Markierung "
        "ebenso der Bedarfsrichtung. Die Standardabweichung ist überall dieselbe: die der "
        "gezeigten Gebiete als Gesamtheit (Division durch n, nicht n − 1) – für die Markierung, "
        "die Klasseneinteilung „Mittelwert ± Standardabweichung der Gebiete“ und die z-Werte.",
        "In the atlas a frame marks areas with elevated need. Rule: without a custom threshold, the "
        "**mean plus one standard deviation** of the areas applies (for indicators where a low value "
        "means more need: mean minus one standard deviation); with a custom threshold, that one. Only "
        "rates and shares with a need direction are flagged – counts and context indicators are not. "
        "In the change view flags follow the need direction as well. The standard deviation is the "
        "same everywhere: that of the areas shown, taken as the whole population (divided by n, not "
        'n − 1) – for the flag, the class scheme "mean ± standard deviation of the areas" and '
        "the z-scores.",
    ),
    "methods_robust_title": ("Robustheit: „robust“ und „knapp“", 'Robustness: "robust" and "narrow"'),
    "methods_robust_body": (
        "Die Bewertung wird unter anderen Annahmen wiederholt: jedes Verfahren (MSS, SVI, z-Summe), "
        "gleiche und eigene Gewichte, die Schwelle um ±0,25 verschoben. Die **Übereinstimmung** ist der "
        "Anteil der Varianten, die zum selben Ergebnis kommen wie die gewählte Bewertung – markiert oder "
        "nicht markiert. **robust** heißt: mindestens 80 % der Varianten stimmen überein. **knapp** "
        "heißt: weniger; die Einstufung hängt von den Annahmen ab. Bei einem nicht markierten Gebiet mit "
        "22 % Übereinstimmung markieren also 78 % der Varianten das Gebiet.",
        "The assessment is repeated under other assumptions: every method (MSS, SVI, z sum), equal and "
        "custom weights, the threshold moved by ±0.25. The **agreement** is the share of variants that "
        "reach the same result as the chosen assessment – flagged or not flagged. **robust** means at "
        "least 80% of the variants agree. **narrow** means fewer do; the result depends on the "
        "assumptions. An area not flagged with 22% agreement is flagged by 78% of the variants.",
    ),
    "methods_lisa_title": ("Räumliche Muster (LISA)", "Spatial patterns (LISA)"),
    "methods_lisa_body": (
        "Lokaler Moran-Index mit Nachbarschaft über gemeinsame Grenzen oder Ecken (Queen) und "
        "Permutationstest. **HH**: hoher Wert, Nachbarn ebenfalls hoch (Häufung hoher Werte). **LL**: "
        "niedriger Wert, Nachbarn niedrig. **HL**: hoher Wert inmitten niedriger (Ausreißer). **LH**: "
        "niedriger Wert inmitten hoher. **ns**: nicht signifikant – kein erkennbares Muster.",
        "Local Moran's I with neighbours sharing a border or corner (queen) and a permutation test. "
        "**HH**: high value, neighbours high too (cluster of high values). **LL**: low value, "
        "neighbours low. **HL**: high value among low ones (outlier). **LH**: low value among high "
        "ones. **ns**: not significant – no notable pattern.",
    ),
    "methods_eb_title": ("Empirical-Bayes-Glättung", "Empirical Bayes smoothing"),
    "methods_eb_body": (
        "Quoten kleiner Gebiete schwanken zufällig stark. Die Glättung (Marshall 1991) zieht jede Quote "
        "zur Quote der ganzen Stadt hin – umso stärker, je weniger Einwohnerinnen und Einwohner das "
        "Gebiet hat. Große Gebiete ändern sich kaum.",
        "Rates of small areas vary strongly by chance. Smoothing (Marshall 1991) pulls each rate "
        "towards the rate of the whole city – the more, the fewer residents the area has. Large areas "
        "hardly change.",
    ),
    "methods_disclosure_title": ("Datenschutz: Geheimhaltung", "Data protection: disclosure control"),
    "methods_disclosure_body": (
        "Anzahlen unter 3 werden nicht gezeigt („gesperrt“), ebenso Quoten, die aus ihnen berechnet "
        "sind. Damit ein gesperrter Wert nicht aus Summe minus sichtbaren Teilen errechnet werden kann, "
        "wird bei Bedarf ein weiterer Wert gesperrt. Das gilt für Karte, Tabellen und jeden Download.",
        'Counts below 3 are not shown ("suppressed"), nor are rates computed from them. So that a '
        "suppressed value cannot be recomputed as total minus the visible parts, a further value is "
        "suppressed where needed. This applies to the map, tables and every download.",
    ),
    "methods_estimate_title": ("Schätzung für eigene Flächen", "Estimates for custom areas"),
    "methods_estimate_body": (
        "Für einen Kreis um eine Adresse oder eine gezeichnete Fläche werden Anzahlen nach dem "
        "Flächenanteil der überlappenden Gebiete geschätzt (bei gleichmäßiger Verteilung innerhalb "
        "jedes Gebiets). Die Anzahlen werden auf **Vielfache von 5 gerundet** und Quoten aus den "
        "gerundeten Werten berechnet, damit sich durch Vergleich mehrerer Flächen keine kleinen "
        "Zahlen errechnen lassen. Flächen mit weniger als **300 Einwohnerinnen und Einwohnern** "
        "erhalten keine Schätzung.",
        "For a circle around an address or a drawn area, counts are estimated by the area share of "
        "the overlapping areas (assuming an even spread within each area). Counts are **rounded to "
        "multiples of 5** and rates are computed from the rounded values, so that comparing several "
        "areas cannot reveal small numbers. Areas with fewer than **300 residents** get no estimate.",
    ),
    "methods_ids_title": ("Indikatoren für die Abfrage", "Indicators for the query tool"),
    "methods_ids_body": (
        "Diese Kennungen können im Abfragewerkzeug verwendet werden, z. B. {example} > 10. "
        "Gebietseinteilung: {geography}.",
        "These ids can be used in the query tool, e.g. {example} > 10. Geography: {geography}.",
    ),
    "methods_col_id": ("Kennung", "Id"),
    "methods_col_label": ("Bezeichnung", "Label"),
    "methods_col_unit": ("Einheit", "Unit"),
}
