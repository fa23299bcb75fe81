"""The generated social report (``geo.report.pdf``).

The package itself stays light: the app reads :data:`MANY_AREAS` to describe the
report without loading matplotlib's PDF backend.
"""

MANY_AREAS = 30  # above this, area profiles become an appendix table (or a chosen subset)
