"""Validation reports: every input row is either used or listed with a reason.

A report is a list of findings with file, row, column, problem and what
happens to the row. It is shown in the app before any data is used, printed by
``cli.py validate`` and returned by every loader.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from indicators.wording import t

ERROR = "Fehler"      # the file (or row) cannot be used
WARNING = "Hinweis"   # used, but the user should know

# What happens to a row; kept short so the report reads like a table.
DROPPED = "Zeile verworfen"
USED = "verwendet"
REPAIRED = "repariert und verwendet"
FILE_REJECTED = "Datei nicht verwendet"

COLUMNS = ["file", "row", "column", "problem", "action", "severity"]


@dataclass
class Finding:
    """One line of a validation report."""

    file: str
    row: int | None
    column: str
    problem: str
    action: str
    severity: str = ERROR


@dataclass
class Report:
    """Findings for one input plus the row accounting.

    ``rows_in`` is the number of data rows read; ``rows_used`` how many went
    into the result. Every row not used has at least one finding with action
    :data:`DROPPED`.
    """

    file: str
    findings: list[Finding] = field(default_factory=list)
    rows_in: int = 0
    rows_used: int = 0
    file_error: bool = False

    def add(self, row: int | None, column: str, problem: str, action: str = DROPPED,
            severity: str | None = None) -> None:
        sev = severity or (WARNING if action in {USED, REPAIRED} else ERROR)
        self.findings.append(Finding(self.file, row, column, problem, action, sev))

    def reject_file(self, problem: str, column: str = "") -> None:
        """Record a problem that makes the whole file unusable."""
        self.file_error = True
        self.add(None, column, problem, FILE_REJECTED, ERROR)

    @property
    def ok(self) -> bool:
        """True if the file can be used (possibly with dropped rows)."""
        return not self.file_error and (self.rows_used > 0 or self.rows_in == 0)

    @property
    def dropped_rows(self) -> set[int]:
        return {f.row for f in self.findings if f.action == DROPPED and f.row is not None}

    def to_frame(self, lang: str = "de") -> pd.DataFrame:
        df = pd.DataFrame([f.__dict__ for f in self.findings], columns=COLUMNS)
        df["row"] = df["row"].astype("Int64")
        return df.rename(columns={c: t(f"col_finding_{c}", lang) for c in COLUMNS})

    def summary(self, lang: str = "de") -> str:
        dropped = len(self.dropped_rows)
        if self.file_error:
            msg = [f.problem for f in self.findings if f.action == FILE_REJECTED]
            return t("ingest_unusable", lang, file=self.file, problems="; ".join(msg))
        return t("ingest_summary", lang, file=self.file, rows_in=self.rows_in, rows_used=self.rows_used,
                 dropped=dropped, findings=len(self.findings))

    def to_text(self) -> str:
        """Plain-text report for the command line."""
        lines = [self.summary()]
        for f in self.findings:
            where = f"Zeile {f.row}" if f.row is not None else "Datei"
            col = f", Spalte '{f.column}'" if f.column else ""
            lines.append(f"  [{f.severity}] {where}{col}: {f.problem} → {f.action}")
        return "\n".join(lines)
