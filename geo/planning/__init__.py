"""The planning register on the data: evaluation of the register, map of measures, the Sachstand PDF.

Joins :mod:`store.planning` (the register) with the shipped datasets (:mod:`geo.loading`) and
the evaluation rules of :mod:`indicators.planning`. The app and ``cli.py plan`` call the same
functions.
"""
