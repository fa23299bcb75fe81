"""Evaluation of the planning register (Wirkungskontrolle), numbers only.

:mod:`~indicators.planning.progress`: goal progress and on-track.
:mod:`~indicators.planning.effect`: measure effect (difference in differences) with
``all`` or ``matched`` comparison areas and placebo inference.
All take the tidy ``values`` table of a :class:`~indicators.dataset.Dataset`
(``area_code, year, indicator, value, suppressed``).
"""
