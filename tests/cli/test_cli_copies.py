"""cli.py data add --base <a colleague's dataset> and data withdraw (issue 23; SYNTHETIC table values)."""

from __future__ import annotations

import io
import json
import sys

import pytest

import cli

PASSWORD = "richtig-lang-1"


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SOZIALMONITOR_DB_URL", raising=False)
    monkeypatch.setenv("SOZIALMONITOR_AUTH", "local")
    return tmp_path


def run(monkeypatch, capsys, *argv, stdin: str = PASSWORD + "\n") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_copy_of_a_colleagues_dataset_is_protected_audited_and_withdrawable(env, monkeypatch, capsys):
    from geo.geographies import get_geography, load_areas

    for name in ("anna", "bert", "carl"):
        assert run(monkeypatch, capsys, "users", "add", name, "--role", "planner")[0] == 0
    codes = list(load_areas(get_geography("stadtteile"))["code"].astype(str))
    table = env / "sgb2.csv"
    table.write_text(
        "Stadtteil;Jahr;sgb2_kinder\n" + "".join(f"{c};2022;{2 if i == 0 else 100 + i}\n" for i, c in enumerate(codes)),
        encoding="utf-8",
    )
    mine = env / "mine.csv"
    mine.write_text(
        "Stadtteil;Jahr;spielplaetze\n" + "".join(f"{c};2022;{5 + i}\n" for i, c in enumerate(codes)), encoding="utf-8"
    )
    src = ["--source", "Synthetische Testdaten"]
    assert (
        run(
            monkeypatch,
            capsys,
            "data",
            "add",
            "--table",
            str(table),
            "--geography",
            "sgb2_intern",
            "--label",
            "SGB II intern",
            *src,
            "--as",
            "anna",
        )[0]
        == 0
    )
    code, out, err = run(
        monkeypatch,
        capsys,
        "data",
        "add",
        "--table",
        str(mine),
        "--geography",
        "bert_kopie",
        "--label",
        "Berts Kopie",
        "--base",
        "sgb2_intern",
        *src,
        "--as",
        "bert",
    )
    assert code == 0, err
    assert "nur die veröffentlichten Werte" in out and "anna" in out
    from geo.uploads.datastore import DataStore
    from store import users

    text = DataStore(env, users.system_user()).geographies()["bert_kopie"].table.read_text(encoding="utf-8")
    assert f"{codes[0]},2022,sgb2_kinder" not in text  # the hidden 2 stayed with Anna
    audit = json.loads(run(monkeypatch, capsys, "audit", "--json", stdin="")[1])
    upload = [e for e in audit if e["object"] == "bert_kopie" and e["action"] == "upload"][0]
    assert upload["details"]["based_on"] == "sgb2_intern" and upload["details"]["based_on_owner"] == "anna"
    code, _, err = run(monkeypatch, capsys, "data", "withdraw", "bert_kopie", "--as", "carl")
    assert code == 1 and "darf nicht" in err and "Traceback" not in err
    code, out, _ = run(monkeypatch, capsys, "data", "withdraw", "bert_kopie", "--as", "anna")
    assert code == 0 and "zurückgezogen" in out
    listed = run(monkeypatch, capsys, "data", "list", "--json", "--as", "anna")[1]
    assert [d["name"] for d in json.loads(listed)] == ["sgb2_intern"]
