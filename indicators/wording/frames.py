"""Column headers of tables shown to people, from the wording table."""

from __future__ import annotations

from indicators.wording.core import pick

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

    import pandas as pd


def display_columns(df: pd.DataFrame, lang: str = "de", labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """``df`` with its internal column names replaced by headers in ``lang``.

    Parameters
    ----------
    df : pandas.DataFrame
        A table with internal column names (``code``, ``name``, ``score``, ``_row`` …).
    lang : str
        ``"de"`` (default) or ``"en"``.
    labels : mapping, optional
        Headers for columns the wording table cannot know, e.g. indicator ids in a
        query result (``{"share_65plus": "Anteil 65+"}``) or a value column with its
        unit; they take precedence.

    Returns
    -------
    pandas.DataFrame
        A renamed copy; a column without a ``col_<name>`` entry and without a label
        keeps its name.
    """
    from indicators.wording.columns import TEXTS

    labels = labels or {}
    names = {}
    for col in df.columns:
        key = f"col_{str(col).lstrip('_')}"
        if col in labels:
            names[col] = labels[col]
        elif key in TEXTS:
            names[col] = pick(TEXTS[key], lang)
    return df.rename(columns=names)
