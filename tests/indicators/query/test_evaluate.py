"""The safe attribute-query language."""

import pandas as pd
import pytest

import indicators.query.evaluate as q
from indicators.catalogue import load_catalogue
from indicators.query.evaluate import Names, QueryError, evaluate, parse, parse_number, run_query, tokenize
from indicators.wording.voice import Voice

CAT = load_catalogue()


@pytest.mark.parametrize(
    "text, value",
    [
        ("25", 25),
        ("25,5", 25.5),
        ("25.5", 25.5),
        ("1.000", 1000),
        ("40.000", 40000),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("-0,5", -0.5),
        ("\u22120,5", -0.5),
        ("12 %", 12),
        ("12%", 12),
        ("0.125", 0.125),
        ("1,234,567", 1234567),
    ],
)
def test_numbers_german_and_english(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["65+", "x1", "1.2.3", "abc", ""])
def test_non_numbers(text):
    assert parse_number(text) is None


def _wide():
    """Synthetic indicator values for three areas (test data, not Lübeck's)."""
    return pd.DataFrame(
        {
            "share_65plus": [30.0, 20.0, 26.0],
            "population_change_pct": [-1.0, -2.0, float("nan")],
            "share_under18": [10.0, 25.0, 15.0],
            "population_total": [1000.0, 50000.0, 2000.0],
        },
        index=pd.Index(["A", "B", "C"], name="area_code"),
    )


def _eval(text):
    wide = _wide()  # names resolve among the indicators of the frame (as run_query does for its year)
    names = set(wide.columns) | {"pop_under18"}
    return list(evaluate(parse(text, CAT, names), wide).astype(object).where(lambda s: s.notna(), None))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Anteil 65+ > 25 % und Bevölkerungsentwicklung < 0", [True, False, None]),
        ("share_65plus > 25 and population_change_pct < 0", [True, False, None]),
        ("ANTEIL 65+ > 25 UND bevoelkerungsentwicklung < 0", [True, False, None]),
        ("Share aged 65 and over > 25", [True, False, True]),
        ("share_65plus > 25 oder share_under18 >= 25", [True, True, True]),
        ("nicht share_65plus > 25", [False, True, False]),
        ("not (share_65plus > 25 or share_under18 = 25)", [False, False, False]),
        ("20 < share_under18 <= 25", [False, True, False]),
        ("Einwohner > 1.000", [False, True, True]),
        ("Einwohner >= 1.000,0", [True, True, True]),
        ("share_65plus ≥ 26", [True, False, True]),
        ("share_65plus != 20", [True, False, True]),
        ("share_65plus <> 20", [True, False, True]),
        ("share_65plus > share_under18", [True, False, True]),
        (
            "Kinder und Jugendliche (unter 18) > 0 und share_65plus > 25",
            [None, False, None],
        ),  # pop_under18 not in frame
        # "und" binds tighter than "oder"
        ("share_65plus > 25 oder share_under18 > 20 und population_total < 100", [True, False, True]),
        ("(share_65plus > 25 oder share_under18 > 20) und population_total < 100", [False, False, False]),
        # three-valued logic: unknown or true is true, unknown and false is false
        ("population_change_pct < 0 oder share_65plus > 25", [True, True, True]),
        ("population_change_pct < 0 und share_65plus > 100", [False, False, False]),
    ],
)
def test_evaluate(text, expected):
    assert _eval(text) == expected


@pytest.mark.parametrize(
    "text, pos, words",
    [
        ("", 0, "leer"),
        ("Anteil 65+ > 25 % und", 21, "das Ende"),
        ("share_65plus > 25 und (share_under18 < 3", 40, "')' fehlt"),
        ("(share_65plus > 20))", 19, "ohne passende"),
        ("Altnquotient > 3", 0, "Meinten Sie: Altenquotient"),
        ("65+ > 3", 0, "mehrdeutig"),
        ("share_65plus 25", 13, "fehlt ein Vergleich"),
        ("3 > 4", 0, "keinen Indikator"),
        ("share_65plus > 25 share_under18 > 3", 18, "fehlt 'und' bzw. 'oder'"),
        ("share_65plus > 25 foo > 3", 18, "nach der Zahl 25"),
        ("share_65plus > > 3", 15, "erwartet"),
        ("1 < share_65plus < 3 < 5", 21, "höchstens zwei"),
        ("share_65plus > 25 und oder x", 22, "erwartet"),
    ],
)
def test_errors_name_the_position(text, pos, words):
    with pytest.raises(QueryError) as exc:
        parse(text, CAT)
    assert exc.value.pos == pos, str(exc.value)
    assert words in str(exc.value)
    assert f"Position {pos + 1}" in str(exc.value)


def test_no_eval_is_ever_used(monkeypatch):
    def boom(*a, **k):
        raise AssertionError("eval/exec must not be called")

    monkeypatch.setattr("builtins.eval", boom)
    monkeypatch.setattr("builtins.exec", boom)
    assert _eval("share_65plus > 25") == [True, False, True]
    with pytest.raises(QueryError):
        parse("__import__('os').system('echo hi') > 1", CAT)


def test_full_labels_are_single_tokens():
    toks = tokenize("Kinder und Jugendliche (unter 18) > 5", Names(CAT))
    assert [t.kind for t in toks] == ["NAME", "OP", "NUM", "END"]
    assert toks[0].value == "pop_under18"


def test_describe_uses_labels():
    node = parse("share_65plus > 25 und nicht population_change_pct >= 0,5", CAT)
    text = q.describe(node, CAT)
    # numbers as typed, in the reader's format; a no-break space keeps number and % together (German)
    assert (
        text == "Anteil 65-Jährige und Ältere > 25\u00a0% und nicht (Bevölkerungsentwicklung zum Vorjahr ≥ 0,5\u00a0%)"
    )


def test_run_query_on_luebeck_2020(luebeck):
    res = run_query(luebeck, "Anteil 65+ > 25 % und Bevölkerungsentwicklung < 0", 2020)
    # 2020: St. Gertrud 25.6 % / −0.7 %, Schlutup 25.2 % / −1.0 %; Travemünde (45.9 %) grew
    assert res.selected == ["07", "08"]
    assert res.mask.dtype == bool and len(res.mask) == 10
    assert list(res.table.columns) == ["code", "name", "share_65plus", "population_change_pct", "result"]
    assert res.summary().startswith("2 von 10 Gebieten erfüllen (2020)")


def test_run_query_first_year_has_unknown_change(luebeck):
    res = run_query(luebeck, "share_65plus > 25 and population_change_pct < 0", 2010)
    assert res.selected == []
    assert set(res.table.loc[res.table["result"] == "unbekannt", "code"]) == {"07", "10"}
    assert "2 unbekannt" in res.summary()


def test_run_query_in_english(luebeck):
    english = Voice.of("en")
    res = run_query(luebeck, "share_65plus > 25 and population_change_pct < 0", 2010, voice=english)
    assert set(res.table.loc[res.table["result"] == "unknown", "code"]) == {"07", "10"}
    assert set(res.table["result"]) <= {"yes", "no", "unknown"}
    assert res.explanation == "Share aged 65 and over > 25% and Population change on previous year < 0%"
    assert res.summary(voice=english).startswith("0 of 10 areas match (2010)")
    assert "; 2 unknown (missing values)" in res.summary(voice=english)
    lines = res.to_text({"share_65plus": "65+"}, voice=english).splitlines()
    assert len(lines) == 11 and lines[1].split()[:4] == ["01", "Innenstadt", "no", "65+:"]
    german = run_query(luebeck, "share_65plus > 25", 2010).to_text({"share_65plus": "65+"}).splitlines()
    assert "65+: 13.2 " in lines[1] and german[1].endswith("nein      65+: 13,2")


def test_unknown_year(luebeck):
    with pytest.raises(QueryError, match="1999"):
        run_query(luebeck, "share_65plus > 25", 1999)


@pytest.mark.parametrize("text", ["Anteil 65+ ! 25", "!", "Anteil 65+ > 25 !"])
def test_lone_exclamation_mark_is_a_query_error_not_a_crash(text):
    with pytest.raises(QueryError):
        parse(text, load_catalogue())
