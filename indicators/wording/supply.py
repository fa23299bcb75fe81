"""Wording: Versorgung — facility layers, reach (2SFCA), location-allocation (ui/pages/supply.py,
commands/supply.py, geo/spatial/reach.py, geo/spatial/siting.py).

Entries are ``key: (German, English)``.
"""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    'page_supply': ('Versorgung', 'Supply'),
    'kind_kitas': ('Kitas', 'Kitas (day-care centres)'),
    'kind_schools': ('Schulen', 'Schools'),
}
