"""Neutralise spreadsheet formulas in exported CSV and XLSX files (see :mod:`indicators.spreadsheet`).

Every export path passes its frame through :func:`safe_frame`; the implementation lives in
``indicators`` so that the store's planning export (a lower layer) uses the same rule.
"""

from __future__ import annotations

from indicators.spreadsheet import DANGEROUS_START, restore_cell, safe_cell, safe_frame

__all__ = ["DANGEROUS_START", "restore_cell", "safe_cell", "safe_frame"]
