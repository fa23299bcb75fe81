"""The plain sentences that go with an evaluation: what the numbers can and cannot show.

The words are in the wording table (:mod:`indicators.wording.planning`, German and English);
an effect keeps the facts of its note (:attr:`~indicators.planning.effect.MeasureEffect.facts`)
so the app, ``plan evaluate --json --lang`` and the Sachstand PDF say it in their language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from indicators.wording.voice import GERMAN, Voice


def caveat(
    *,
    n_areas: int,
    n_treated: int,
    n_sets: int,
    exact: bool,
    excluded: list[str],
    n_pre_years: int,
    voice: Voice = GERMAN,
) -> str:
    """The caveat sentence of one measure effect.

    E.g. with 10 Stadtteile and one treated area there are 9 placebo sets and the smallest
    possible p is 1/10: no effect can be "significant" at 5 %.
    """
    parts = [voice.t("plan_cav_did")]
    if n_sets:
        smallest = 1 / (1 + n_sets)
        how = voice.t("plan_cav_sets_exact" if exact else "plan_cav_sets_random", n=n_sets)
        sentence = voice.t(
            "plan_cav_smallest",
            areas=n_areas,
            treated=n_treated,
            how=how,
            denom=1 + n_sets,
            p=voice.number(smallest, 3),
        )
        if smallest > 0.05:
            sentence += voice.t("plan_cav_not_significant")
        parts.append(sentence + ".")
    else:
        parts.append(voice.t("plan_cav_no_placebo"))
    if n_pre_years < 2:
        parts.append(voice.t("plan_cav_one_pre"))
    if excluded:
        parts.append(voice.t("plan_cav_excluded", codes=", ".join(excluded)))
    return " ".join(parts)


def no_estimate(
    *,
    indicator: str,
    reason: str,
    year: int | None = None,
    excluded: list[str] | None = None,
    voice: Voice = GERMAN,
) -> str:
    """Why there is no effect: ``reason`` is ``no_pre`` (``year`` = start), ``no_post`` (``year`` = pre
    year), ``no_treated`` or ``no_comparison`` (with the ``excluded`` areas)."""
    why = voice.t(f"plan_noest_{reason}", year=year) if year is not None else voice.t(f"plan_noest_{reason}")
    if excluded is not None:
        why += voice.t("plan_noest_missing", codes=", ".join(excluded) or "–")
    return voice.t("plan_noest", indicator=indicator, why=why)


def note(facts: Mapping[str, Any], *, voice: Voice = GERMAN) -> str:
    """The note of an effect from its facts (``kind`` caveat or no_estimate, the rest the arguments)."""
    args = {k: v for k, v in facts.items() if k != "kind"}
    return caveat(**args, voice=voice) if facts["kind"] == "caveat" else no_estimate(**args, voice=voice)
