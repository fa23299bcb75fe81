"""Validation reports: every input row is either used or listed with a reason.

A report is a list of findings with file, row, column, problem and what
happens to the row. It is shown in the app before any data is used, printed by
``cli.py validate`` and returned by every loader.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from indicators.wording.message import Message
from indicators.wording.voice import GERMAN, Voice

ERROR = "Fehler"  # the file (or row) cannot be used
WARNING = "Hinweis"  # used, but the user should know

# What happens to a row; kept short so the report reads like a table.
DROPPED = "Zeile verworfen"
USED = "verwendet"
REPAIRED = "repariert und verwendet"
FILE_REJECTED = "Datei nicht verwendet"
VALUE_DROPPED = "Wert verworfen"  # one value of a wide row; the row's other values are used
SKIPPED = "Spalte nicht verwendet"  # a text or ignored column: no values read from it

COLUMNS = ["file", "row", "column", "problem", "action", "severity"]
# the constants above are stored (German) in reports and saved datasets; shown through these keys
_SHOWN = {
    ERROR: "ingest_sev_error",
    WARNING: "ingest_sev_warning",
    DROPPED: "ingest_act_dropped",
    USED: "ingest_act_used",
    REPAIRED: "ingest_act_repaired",
    FILE_REJECTED: "ingest_act_file_rejected",
    "Wert verworfen": "ingest_act_value_dropped",
    "Spalte nicht verwendet": "ingest_act_column_skipped",
}


@dataclass
class Finding:
    """One line of a validation report."""

    file: str
    row: int | None
    column: str
    problem: str
    action: str
    severity: str = ERROR
    say: Message | None = None  # ``problem`` as a wording key (shown in the reader's language)

    def problem_text(self, *, voice: Voice = GERMAN) -> str:
        """The problem in the voice's language (German for findings made from a plain string)."""
        return voice.text(self.say) if self.say is not None else self.problem


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

    def add(
        self, row: int | None, column: str, problem: str | Message, action: str = DROPPED, severity: str | None = None
    ) -> None:
        """Record a finding; ``problem`` is a :class:`Message` (a wording key) or, in older code, German text."""
        sev = severity or (WARNING if action in {USED, REPAIRED, SKIPPED} else ERROR)
        say = problem if isinstance(problem, Message) else None
        self.findings.append(Finding(self.file, row, column, str(problem), action, sev, say))

    def reject_file(self, problem: str | Message, column: str = "") -> None:
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

    @property
    def dropped_values(self) -> int:
        """Single values dropped from rows that were otherwise used (wide tables)."""
        return sum(f.action == VALUE_DROPPED for f in self.findings)

    @property
    def level(self) -> str:
        """``"error"`` (file not usable), ``"warning"`` (rows or values dropped) or ``"ok"``."""
        if not self.ok:
            return "error"
        return "warning" if self.dropped_rows or self.dropped_values else "ok"

    def sorted_findings(self) -> list[Finding]:
        """Errors first, then notes; each group in file order (file-level findings first)."""
        return sorted(self.findings, key=lambda f: (f.severity != ERROR, f.row is not None, f.row or 0))

    def to_frame(self, *, voice: Voice = GERMAN) -> pd.DataFrame:
        """The findings as a table in the voice's language, errors first."""
        rows = [
            {
                "file": f.file,
                "row": f.row,
                "column": f.column,
                "problem": f.problem_text(voice=voice),
                "action": _shown(f.action, voice),
                "severity": _shown(f.severity, voice),
            }
            for f in self.sorted_findings()
        ]
        df = pd.DataFrame(rows, columns=COLUMNS)
        df["row"] = ["–" if pd.isna(r) else str(int(r)) for r in df["row"]]  # file-level: "–", not "None"
        return df.rename(columns={c: voice.t(f"col_finding_{c}") for c in COLUMNS})

    def summary(self, *, voice: Voice = GERMAN) -> str:
        """One line: rows read, used, dropped (and single values dropped), findings."""
        dropped = len(self.dropped_rows)
        if self.file_error:
            msg = [f.problem_text(voice=voice) for f in self.findings if f.action == FILE_REJECTED]
            return voice.t("ingest_unusable", file=self.file, problems="; ".join(msg))
        text = voice.t(
            "ingest_summary",
            file=self.file,
            rows_in=self.rows_in,
            rows_used=self.rows_used,
            dropped=dropped,
            findings=len(self.findings),
        )
        if self.dropped_values:
            text += voice.t("ingest_summary_values", n=self.dropped_values)
        return text

    def to_text(self, *, voice: Voice = GERMAN) -> str:
        """Plain-text report for the command line (errors first)."""
        lines = [self.summary(voice=voice)]
        for f in self.sorted_findings():
            where = voice.t("ingest_at_row", row=f.row) if f.row is not None else voice.t("ingest_at_file")
            col = voice.t("ingest_at_column", column=f.column) if f.column else ""
            lines.append(
                f"  [{_shown(f.severity, voice)}] {where}{col}: {f.problem_text(voice=voice)} → {_shown(f.action, voice)}"
            )
        return "\n".join(lines)


def _shown(constant: str, voice: Voice) -> str:
    """A stored severity or action (German constant) in the voice's language."""
    return voice.t(_SHOWN[constant]) if constant in _SHOWN else constant
