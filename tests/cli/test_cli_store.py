"""cli.py users, audit, data and the binding of serve (synthetic table values)."""

from __future__ import annotations

import io
import json
import sys

import pytest

import cli
from commands.serve import bind_options, server_options

PASSWORD = "richtig-lang-1"


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SOZIALMONITOR_DB_URL", raising=False)
    monkeypatch.delenv("SOZIALMONITOR_AUTH", raising=False)
    return tmp_path


def run(monkeypatch, capsys, *argv, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def table(tmp_path):
    from geo.geographies import get_geography, load_areas

    codes = load_areas(get_geography("stadtteile"))["code"]
    path = tmp_path / "sgb2.csv"
    path.write_text(
        "Stadtteil;Jahr;Merkmal;Wert\n" + "".join(f"{c};2024;sgb2_kinder;{100 + i}\n" for i, c in enumerate(codes)),
        encoding="utf-8",
    )
    return path


def test_users_commands_take_the_password_from_stdin_only(env, monkeypatch, capsys):
    code, out, _ = run(monkeypatch, capsys, "users", "add", "anna", "--role", "admin", stdin=PASSWORD + "\n")
    assert code == 0 and "angelegt" in out
    assert run(monkeypatch, capsys, "users", "list")[1].split() == ["anna", "admin", "local"]
    assert run(monkeypatch, capsys, "users", "set-role", "anna", "--role", "viewer")[0] == 0
    assert run(monkeypatch, capsys, "users", "reset-password", "anna", stdin="neu-und-lang\n")[0] == 0
    code, _, err = run(monkeypatch, capsys, "users", "add", "bert", "--role", "viewer", stdin="kurz\n")
    assert code == 1 and "Passwort zu kurz" in err and "Traceback" not in err
    with pytest.raises(SystemExit):  # no --password option exists
        cli.main(["users", "add", "bert", "--role", "viewer", "--password", "x"])
    assert run(monkeypatch, capsys, "users", "remove", "anna")[0] == 0
    code, out, _ = run(monkeypatch, capsys, "audit", "--json", "--since", "2020-01-01")
    assert [e["action"] for e in json.loads(out)] == ["user_add", "role_change", "password_reset", "user_remove"]


def test_data_add_list_remove_with_the_same_rights(env, monkeypatch, capsys, table):
    monkeypatch.setenv("SOZIALMONITOR_AUTH", "local")
    for name, role in (("paula", "planner"), ("vera", "viewer")):
        run(monkeypatch, capsys, "users", "add", name, "--role", role, stdin=PASSWORD + "\n")
    add = [
        "data",
        "add",
        "--table",
        str(table),
        "--geography",
        "stadtteile_sgb2",
        "--label",
        "Stadtteile SGB II",
        "--source",
        "Synthetische Testdaten",
    ]
    code, _, err = run(monkeypatch, capsys, *add)
    assert code == 1 and "--as" in err  # local mode: somebody must act
    code, _, err = run(monkeypatch, capsys, *add, "--as", "vera", stdin=PASSWORD + "\n")
    assert code == 1 and "darf nicht" in err
    code, _, err = run(monkeypatch, capsys, *add, "--public", "--as", "paula", stdin=PASSWORD + "\n")
    assert code == 1 and "veröffentlichen" in err
    code, out, err = run(monkeypatch, capsys, *add, "--as", "paula", stdin=PASSWORD + "\n")
    assert code == 0, err
    assert "Ergebnis: verwendbar" in out and "gespeichert: stadtteile_sgb2" in out
    code, out, _ = run(monkeypatch, capsys, "data", "list", "--json", "--as", "vera", stdin=PASSWORD + "\n")
    assert [(d["name"], d["visibility"], d["owner"]) for d in json.loads(out)] == [
        ("stadtteile_sgb2", "intern", "paula")
    ]
    code, _, err = run(
        monkeypatch,
        capsys,
        "data",
        "add",
        "--table",
        str(table),
        "--geography",
        "x",
        "--label",
        "Lübeck – 10 Stadtteile",
        "--as",
        "paula",
        stdin=PASSWORD + "\n",
    )
    assert code == 1 and "mitgelieferten Geografie" in err
    code, out, _ = run(monkeypatch, capsys, "data", "remove", "stadtteile_sgb2", "--as", "paula", stdin=PASSWORD + "\n")
    assert code == 0 and "Papierkorb" in out
    code, out, _ = run(monkeypatch, capsys, "audit", "--json")
    assert [(e["user"], e["action"]) for e in json.loads(out) if e["object"] == "stadtteile_sgb2"] == [
        ("paula", "refused"),
        ("paula", "upload"),
        ("paula", "remove"),
    ]  # the refused --public is audited
    assert ("vera", "refused") in {(e["user"], e["action"]) for e in json.loads(out)}


def test_none_mode_acts_as_the_local_user(env, monkeypatch, capsys, table):
    code, out, err = run(
        monkeypatch,
        capsys,
        "data",
        "add",
        "--table",
        str(table),
        "--geography",
        "sgb",
        "--label",
        "SGB",
        "--source",
        "Synthetisch",
    )
    assert code == 0, err
    assert "lokal" in run(monkeypatch, capsys, "data", "list")[1]


def test_serve_in_mode_none_binds_loopback_only(env, monkeypatch, capsys):
    assert bind_options(["--server.headless", "true"])[-2:] == ["--server.address", "127.0.0.1"]
    assert bind_options(["--server.address", "127.0.0.1"]) == ["--server.address", "127.0.0.1"]
    code, _, err = run(monkeypatch, capsys, "serve", "--server.address", "0.0.0.0")
    assert code == 1 and "nur auf 127.0.0.1" in err
    code, _, err = run(monkeypatch, capsys, "serve", "--server.address=192.168.1.5")
    assert code == 1 and "192.168.1.5" in err
    monkeypatch.setenv("SOZIALMONITOR_AUTH", "local")
    assert bind_options(["--server.address", "0.0.0.0"]) == ["--server.address", "0.0.0.0"]


def test_serve_sets_streamlits_upload_cap_to_the_tools_limit(env, monkeypatch):
    monkeypatch.setenv("SOZIALMONITOR_AUTH", "none")
    monkeypatch.setenv("SOZIALMONITOR_MAX_UPLOAD_MB", "120")
    opts = server_options(["--server.headless", "true"])
    assert opts[opts.index("--server.maxUploadSize") + 1] == "120"  # was fixed at 50 in .streamlit/config.toml
    opts = server_options(["--server.maxUploadSize", "7"])
    assert opts.count("--server.maxUploadSize") == 1 and opts[opts.index("--server.maxUploadSize") + 1] == "7"


def test_adding_to_a_saved_dataset_says_what_changes(env, monkeypatch, capsys, table):
    add = ["data", "add", "--table", str(table), "--geography", "sgb", "--label", "SGB", "--source", "Synthetisch"]
    assert run(monkeypatch, capsys, *add)[0] == 0
    code, out, err = run(monkeypatch, capsys, *add)  # the same table again: the dataset grows by nothing
    assert code == 0, err
    assert "ersetzt: sgb" in out and "Die Tabelle ändert nichts am Datensatz." in out


def _old_dataset(root, engine, name: str) -> str:
    """A dataset folder as releases before the database held the contents wrote it (SYNTHETIC values)."""
    import geopandas as gpd
    import pandas as pd
    from shapely.geometry import box

    from store import datasets, users
    from store.datasets import DatasetVersion

    rel = f"datasets/{name}--20250101T000000-abcdef"
    (root / rel).mkdir(parents=True)
    gpd.GeoDataFrame(
        {"code": ["01"], "name": ["Synthetisch"]}, geometry=[box(610000, 5970000, 611000, 5971000)], crs=25832
    ).to_file(root / rel / "boundaries.gpkg", layer="areas", driver="GPKG")
    pd.DataFrame({"area_code": ["01"], "year": [2022], "variable": ["n"], "value": [3.0]}).to_csv(
        root / rel / "table.csv", index=False
    )
    (root / rel / "catalogue.yaml").write_text("indicators: []\n", encoding="utf-8")
    datasets.register(engine, users.system_user(), DatasetVersion(name=name, label_de=name, key=rel))
    return rel


def test_data_migrate_files_says_what_it_moved_once(env, monkeypatch, capsys):
    import shutil

    from store import db

    engine = db.engine_for(None, env)
    rel = _old_dataset(env, engine, "alt_eins")
    gone = _old_dataset(env, engine, "alt_zwei")
    shutil.rmtree(env / gone)
    code, out, _ = run(monkeypatch, capsys, "data", "migrate-files")
    assert code == 1  # one folder is missing: said, and the exit code tells a script
    assert f"übernommen: alt_eins Version 1 (1 Gebiete, 1 Werte) aus {rel}" in out
    assert f"nicht übernommen, Ordner fehlt oder ist unvollständig: alt_zwei Version 1 ({gone})" in out
    assert "1 Datensatz-Versionen aus Ordnern in die Datenbank übernommen" in out and str(env / "datasets") in out
    assert (env / rel).is_dir()  # left for the administrator
    code, out, _ = run(monkeypatch, capsys, "data", "migrate-files", "--json")
    assert code == 1 and json.loads(out)["moved"] == [] and len(json.loads(out)["missing"]) == 1
    (env / gone).mkdir(parents=True)
    shutil.copytree(env / rel, env / gone, dirs_exist_ok=True)
    code, out, _ = run(monkeypatch, capsys, "data", "migrate-files")
    assert code == 0 and "alt_zwei Version 1" in out
    code, out, _ = run(monkeypatch, capsys, "data", "migrate-files")
    assert code == 0 and out.strip() == "Nichts zu übernehmen: alle gespeicherten Datensätze liegen in der Datenbank."
