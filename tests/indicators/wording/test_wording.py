"""The wording table: complete, consistent, and the only place that picks a language."""

from __future__ import annotations

import re
import string
import subprocess

import pandas as pd
import pytest
from testkit import ROOT

from indicators.wording import TEXTS, THEMES, display_columns, lang_of, pick, t


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_key_has_german_and_english_with_the_same_placeholders(key):
    de, en = TEXTS[key]
    assert isinstance(de, str) and isinstance(en, str)
    assert de.strip() and en.strip(), key
    assert _fields(de) == _fields(en), key


def test_no_key_lives_in_two_themes():
    seen: dict[str, str] = {}
    for theme, table in THEMES.items():
        for key in table:
            assert key not in seen, f"{key} in {seen.get(key)} and {theme}"
            seen[key] = theme
    assert len(seen) == len(TEXTS)


def test_t_picks_language_and_formats():
    assert t("suppressed_n", "de", n=3) == "gesperrt (Datenschutz, < 3 Fälle)"
    assert t("suppressed_n", "en", n=3) == "suppressed (privacy, < 3 cases)"
    assert t("year") == "Jahr" and t("year", "en") == "Year"
    assert t("year", "fr") == "Jahr"  # anything but English is German
    assert lang_of(None) == "de" and pick(("a", "b"), "en") == "b"
    with pytest.raises(KeyError):
        t("no_such_key")


def test_one_word_per_concept():
    """Suppressed is "gesperrt", the flag is "erhöhter Bedarf" in every theme."""
    # the symbol legend of official statistics ("Zahlenwert unbekannt oder geheim zu halten") is quoted as
    # published: it explains a file's symbol, it is not the tool's own word for suppression
    german = " ".join(de for k, (de, _) in TEXTS.items() if not k.startswith("ingest_sym_"))
    english = " ".join(en for k, (_, en) in TEXTS.items() if not k.startswith("ingest_sym_"))
    for word in ("unterdrückt", "geheim", "auffällig", "Auffällig"):
        assert word not in german, word
    assert "flagged area" not in english and "Flagged:" not in english
    for key in ("suppressed", "suppressed_short", "suppressed_n", "wm_suppressed", "ex_col_suppressed"):
        assert "gesperrt" in t(key) and "suppressed" in t(key, "en")
    assert t("flag_elevated") == "erhöhter Bedarf" and t("flag_elevated", "en") == "elevated need"
    assert t("col_flag") == t("flag_elevated") and t("col_flag", "en") == t("flag_elevated", "en")


DYNAMIC = {  # keys built at run time: family -> members that must exist
    "q_tool_": ("area", "filter", "facilities", "raster"),
    "up_role_": ("area", "name", "year", "variable", "value", "ignore", "none", "help"),
    "q_method_": ("areal", "dasymetric"),
    "q_method_note_": ("areal", "dasymetric"),
    "q_": ("and", "or"),
    "scheme_": ("quantiles", "fisher_jenks", "equal_interval", "std_mean", "manual", "need_mss", "need_svi", "need_z"),
    "up_guess_": ("rate", "per_1000", "value", "count"),
    "col_finding_": ("file", "row", "column", "problem", "action", "severity"),
    "kind_": ("count", "value", "rate"),
    "direction_": ("up", "down", "neutral"),
    "size_": ("a4-landscape", "a4-portrait", "a3-landscape"),
    "nw_": ("hoch", "mittel", "niedrig", "sehr_niedrig", "bewertet", "nicht_bewertet", "robust", "knapp"),
}


def test_every_key_used_in_the_code_exists():
    files = subprocess.run(
        ["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    used = set()
    for f in files:
        if f.startswith(("ui/", "geo/", "indicators/", "app.py", "cli.py")):
            used |= set(re.findall(r"""\bt\(\s*["']([a-z0-9_]+)["']""", (ROOT / f).read_text("utf-8")))
    assert used, "no t(...) calls found"
    missing = sorted(k for k in used if k not in TEXTS)
    assert not missing
    for prefix, members in DYNAMIC.items():
        for m in members:
            assert prefix + m in TEXTS


def test_export_columns_all_have_headers():
    from geo.exports.tables import COLUMNS

    for c in COLUMNS:
        assert f"ex_col_{c}" in TEXTS


def test_no_inline_language_conditionals_left():
    pattern = (
        r"if (lang == \"de\"|de) else|if lang (!=|==) ['\"](en|de)['\"] else"
        r"|['\"](en|de)['\"] if lang (!=|==)"
    )
    out = subprocess.run(
        ["git", "grep", "-nE", pattern, "--", "ui", "geo", "indicators"], cwd=ROOT, capture_output=True, text=True
    )
    assert out.stdout == ""


def test_display_columns_translates_known_names_and_keeps_others():
    df = pd.DataFrame(columns=["id", "name", "score", "rank", "flag", "_row", "share_65plus"])
    de = display_columns(df, "de", {"share_65plus": "Anteil 65+"})
    assert list(de.columns) == ["Schlüssel", "Gebiet", "Indexwert", "Rang", "erhöhter Bedarf", "Zeile", "Anteil 65+"]
    en = display_columns(df, "en")
    assert list(en.columns) == ["Code", "Area", "Score", "Rank", "elevated need", "Row", "share_65plus"]
    assert list(df.columns)[0] == "id"  # a copy, the input is unchanged


def test_every_module_of_the_package_is_a_theme_or_machinery():
    """A new theme module is found without editing __init__ (and a module without TEXTS is no theme)."""
    import pkgutil

    import indicators.wording as wording

    names = {m.name for m in pkgutil.iter_modules(wording.__path__)}
    assert set(THEMES) == names - wording.MACHINERY
    assert {"ui", "upload", "errors"} <= set(THEMES)
