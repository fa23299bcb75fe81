"""The plain German sentences that go with an evaluation: what the numbers can and cannot show."""
from __future__ import annotations

from indicators.formatting import fmt_number


def caveat(*, n_areas: int, n_treated: int, n_sets: int, exact: bool, excluded: list[str],
           n_pre_years: int) -> str:
    """The caveat sentence of one measure effect.

    E.g. with 10 Stadtteile and one treated area there are 9 placebo sets and the smallest
    possible p is 1/10: no effect can be "significant" at 5 %.
    """
    parts = ["Die Zahlen vergleichen, wie sich die Gebiete der Maßnahme und die Vergleichsgebiete entwickelt "
             "haben (Differenz der Differenzen); sie sind kein Beweis, dass die Maßnahme die Ursache ist."]
    if n_sets:
        smallest = 1 / (1 + n_sets)
        how = (f"alle {n_sets} möglichen Placebo-Sätze" if exact
               else f"{n_sets} zufällige Placebo-Sätze (Startwert 12345)")
        sentence = (f"Bei {n_areas} Gebieten mit Werten und {n_treated} "
                    f"behandelten ({how}) ist der kleinste mögliche p-Wert 1/{1 + n_sets} "
                    f"({fmt_number(smallest, 3)})")
        if smallest > 0.05:
            sentence += ", also kann kein Effekt „signifikant“ (p < 0,05) sein"
        parts.append(sentence + ".")
    else:
        parts.append("Ohne weitere Gebiete gibt es keinen Placebo-Vergleich und keinen p-Wert.")
    if n_pre_years < 2:
        parts.append("Mit nur einem Jahr vor dem Beginn lässt sich nicht prüfen, ob die Gebiete vorher parallel "
                     "verliefen.")
    if excluded:
        parts.append(f"Ausgelassen (Werte fehlend oder geheimgehalten): {', '.join(excluded)}.")
    return " ".join(parts)
