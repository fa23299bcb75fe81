"""Build the Berlin example geography (MSS 2013-2019) from ../shared/data/raw.

Writes
------
shapes/berlin_lor.gpkg
    Layer ``planungsraeume``: ``code`` (8-char PLR key), ``name``, ``bezirk``,
    ``hinweis``, geometry in EPSG:25833 (ETRS89 / UTM 33N, Berlin's official CRS).
data/berlin_mss.csv
    Tidy table ``area_code,year,variable,value,source`` (year = MSS edition).
data/indicators_berlin.yaml
    Indicator catalogue with source, licence and reference date.

Id fixes (berlin-lor/SOURCE.md): the Charlottenburg feature keyed 06010102 is
PLR 04030417 and is re-keyed. The geometry file shows the LOR layout of
01.01.2019, in which the old "Allende II" (09041402 in MSS) was split into
09041402 Siedlung Kämmereiheide and 09041403 Allende II; both are merged back
into 09041402 "Allende II" so that the MSS rows join by meaning. The five PLRs
dated 01.01.2019 are approximate for MSS 2013-2019 (column ``hinweis``).

All-zero rows of the MSS share tables are placeholders for areas MSS left out:
for them only ``inhabitants`` and ``mss_assessed = 0`` are written, never the
zeros.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import yaml
from shapely.geometry.polygon import orient

ROOT = Path(__file__).resolve().parents[1]
RAW = Path(os.environ.get("SOZIALMONITOR_RAW", ROOT / ".." / "shared" / "data" / "raw"))
EDITIONS = (2013, 2015, 2017, 2019)
CRS = "EPSG:25833"
GEOJSON = "berlin-lor/berlin-lor-planning-areas-until-2020.geojson"
MSS_FILE = "berlin-mss/berlin-lor-monitoring-social-urban-development-{y}-00-2-1.csv"
APPROX_NOTE = "Grenze im LOR-Stand 01.01.2019; für MSS 2013-2019 nur angenähert (siehe berlin-lor/SOURCE.md)"

sys.path.insert(0, str(ROOT))
from indicators.needs.mss import placeholder_rows, split_columns  # noqa: E402


def _ccw(geom):
    """Single polygon with counter-clockwise exterior ring (RFC 7946 order)."""
    if geom.geom_type == "MultiPolygon" and len(geom.geoms) == 1:
        geom = geom.geoms[0]
    return orient(geom) if geom.geom_type == "Polygon" else geom


def build_shapes(raw: Path) -> gpd.GeoDataFrame:
    """Planungsräume 2019 layout, keyed like MSS 2013-2019 (447 areas)."""
    g = gpd.read_file(raw / GEOJSON)
    if g.crs is None:
        g = g.set_crs("OGC:CRS84")
    g = g.rename(columns={"id": "code", "BEZIRKSNAM": "bezirk"})
    wrong = (g["code"] == "06010102") & (g["bezirk"] == "Charlottenburg-Wilmersdorf")
    if wrong.sum() != 1:
        problem = "expected exactly one Charlottenburg feature keyed 06010102"
        raise SystemExit(problem)
    g.loc[wrong, "code"] = "04030417"
    g["hinweis"] = ""
    g.loc[g["DATUM_GUEL"] == "01.01.2019", "hinweis"] = APPROX_NOTE
    g = g.to_crs(CRS)
    allende = g["code"].isin(["09041402", "09041403"])
    merged = g[allende].dissolve().iloc[0]
    row = g[g["code"] == "09041402"].iloc[[0]].copy()
    row["geometry"] = [merged.geometry]
    row["name"] = "Allende II"
    row["hinweis"] = (
        "Vereinigung von 09041402 Siedlung Kämmereiheide und 09041403 Allende II "
        "(LOR 2019) = Allende II der MSS 2013-2019; angenähert"
    )
    g = pd.concat([g[~allende], row], ignore_index=True)
    g["geometry"] = [_ccw(geom) for geom in g.geometry]
    g = g[["code", "name", "bezirk", "hinweis", "geometry"]].sort_values("code").reset_index(drop=True)
    g = gpd.GeoDataFrame(g, geometry="geometry", crs=CRS)
    if g["code"].duplicated().any() or not g.is_valid.all():
        problem = "duplicate codes or invalid geometry after the id fixes"
        raise SystemExit(problem)
    return g


def build_table(raw: Path) -> pd.DataFrame:
    """Tidy MSS shares, editions 2013-2019; placeholders marked, not written as data."""
    rows = []
    for year in EDITIONS:
        df = pd.read_csv(raw / MSS_FILE.format(y=year), dtype=str, keep_default_na=False)
        s, d = split_columns(df.columns)
        ph = placeholder_rows(df, s + d)
        src = f"berlin-mss-{year}"
        for i, r in df.iterrows():
            code = r["id"].zfill(8)
            rows.append((code, year, "inhabitants", str(int(float(r["inhabitants"]))), src))
            rows.append((code, year, "mss_assessed", "0" if ph[i] else "1", src))
            if ph[i]:
                continue
            for c in s + d:
                rows.append((code, year, c, r[c], src))
    return pd.DataFrame(rows, columns=["area_code", "year", "variable", "value", "source"])


def _source(year: int) -> dict:
    return {
        "label": (
            f"Monitoring Soziale Stadtentwicklung Berlin {year}, Senatsverwaltung für "
            "Stadtentwicklung, Bauen und Wohnen; Daten Amt für Statistik Berlin-Brandenburg; "
            "CSV via open-lifeworlds (CC BY 4.0)"
        ),
        "licence": "CC BY 3.0 DE",
        "licence_url": "https://creativecommons.org/licenses/by/3.0/de/",
        "url": (
            "https://github.com/open-lifeworlds/open-lifeworlds-data-product-berlin-lor-"
            "monitoring-social-urban-development/tree/5013f5cdecd1338d934174d5d8ee887145407aed"
        ),
        "note_de": (
            f"Tabelle 2-1 (Index-Indikatoren, Anteilswerte) des MSS {year}, Planungsräume; "
            "Beobachtungszeitraum 31.12." + f"{year - 3} bis 31.12.{year - 1}."
        ),
    }


INDICATORS = [
    (
        "inhabitants",
        "Einwohnerinnen und Einwohner",
        "Residents",
        "Bevölkerung",
        "count",
        "Personen",
        "persons",
        "Einwohnerinnen und Einwohner am Ende des Beobachtungszeitraums.",
        "Residents at the end of the observation period.",
        "neutral",
        "2013-2019",
    ),
    (
        "s1_percentage_unemployed",
        "Arbeitslosigkeit (Status 1)",
        "Unemployment (status 1)",
        "Arbeit und Transferbezug",
        "value",
        "%",
        "%",
        "Arbeitslose an den 15- bis unter 65-Jährigen; bis MSS 2017 nach SGB II und III, ab MSS 2019 nur nach SGB II.",
        "Unemployed as a share of residents aged 15-64; up to MSS 2017 SGB II and III, from MSS 2019 SGB II only.",
        "up",
        "2013-2019",
    ),
    (
        "s2_percentage_long_term_unemployed",
        "Langzeitarbeitslosigkeit (Status 2)",
        "Long-term unemployment (status 2)",
        "Arbeit und Transferbezug",
        "value",
        "%",
        "%",
        "Langzeitarbeitslose (über 1 Jahr) an den 15- bis unter 65-Jährigen; nur MSS 2013-2017.",
        "Long-term unemployed (over 1 year) as a share of residents aged 15-64; MSS 2013-2017 only.",
        "up",
        "2013-2017",
    ),
    (
        "s3_percentage_transfer_payments_recipients",
        "Transferbezug (Status 3)",
        "Transfer payments (status 3)",
        "Arbeit und Transferbezug",
        "value",
        "%",
        "%",
        "Nicht arbeitslose Empfängerinnen und Empfänger von Transferleistungen (SGB II und SGB XII) "
        "an den Einwohnerinnen und Einwohnern.",
        "Non-unemployed recipients of transfer payments (SGB II and XII) as a share of residents.",
        "up",
        "2013-2019",
    ),
    (
        "s4_percentage_transfer_payments_recipients_below_15_years",
        "Kinderarmut (Status 4)",
        "Child poverty (status 4)",
        "Arbeit und Transferbezug",
        "value",
        "%",
        "%",
        "Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften an den unter 15-Jährigen.",
        "Children under 15 in SGB II households as a share of residents under 15.",
        "up",
        "2013-2019",
    ),
]
_D = {
    "d1_percentage_unemployed": (
        "Veränderung Arbeitslosigkeit (Dynamik 1)",
        "Change in unemployment (dynamics 1)",
        "s1",
        "2013-2019",
    ),
    "d2_percentage_long_term_unemployed": (
        "Veränderung Langzeitarbeitslosigkeit (Dynamik 2)",
        "Change in long-term unemployment (dynamics 2)",
        "s2",
        "2013-2017",
    ),
    "d3_percentage_transfer_payments_recipients": (
        "Veränderung Transferbezug (Dynamik 3)",
        "Change in transfer payments (dynamics 3)",
        "s3",
        "2013-2019",
    ),
    "d4_percentage_transfer_payments_recipients_below_15_years": (
        "Veränderung Kinderarmut (Dynamik 4)",
        "Change in child poverty (dynamics 4)",
        "s4",
        "2013-2019",
    ),
}
for _id, (_de, _en, _s, _ed) in _D.items():
    INDICATORS.append(
        (
            _id,
            _de,
            _en,
            "Arbeit und Transferbezug",
            "value",
            "Prozentpunkte",
            "percentage points",
            f"Veränderung des Anteils {_s.upper()} über 2 Jahre in Prozentpunkten; positiv = Zunahme "
            "(Verschlechterung).",
            f"Change of {_s.upper()} over 2 years in percentage points; positive = rise (worsening).",
            "up",
            _ed,
        )
    )


def build_catalogue() -> dict:
    sources = {
        "berlin-mss": {
            **_source(2019),
            "label": _source(2019)["label"].replace("Berlin 2019", "Berlin 2013-2019"),
            "note_de": "Tabellen 2-1 der MSS-Ausgaben 2013-2019; "
            "Zeilen der Tabelle data/berlin_mss.csv nennen die Ausgabe (berlin-mss-<Jahr>).",
        }
    }
    sources.update({f"berlin-mss-{y}": _source(y) for y in EDITIONS})
    sources["shapes/berlin_lor.gpkg"] = {
        "label": (
            "Lebensweltlich orientierte Räume (LOR), Planungsräume: Amt für Statistik "
            "Berlin-Brandenburg, CC BY 3.0 DE; via open-data-product-berlin-lor-geodata "
            "(CC BY 4.0)"
        ),
        "licence": "CC BY 3.0 DE",
        "licence_url": "https://creativecommons.org/licenses/by/3.0/de/",
        "url": (
            "https://github.com/open-data-product/open-data-product-berlin-lor-geodata/blob/"
            "95f63cddd61aff278f4b724a263af66c0db00e79/data/berlin-lor-planning-areas-until-2020/"
            "berlin-lor-planning-areas-until-2020.geojson"
        ),
        "note_de": "LOR-Stand 01.01.2019 (448 Flächen), an die 447 MSS-Schlüssel angepasst.",
    }
    inds = []
    for iid, de, en, topic, kind, unit, unit_en, def_de, def_en, direction, eds in INDICATORS:
        inds.append(
            {
                "id": iid,
                "label_de": de,
                "label_en": en,
                "topic": topic,
                "kind": kind,
                "unit": unit,
                "unit_en": unit_en,
                "definition_de": def_de,
                "definition_en": def_en,
                "direction": direction,
                "source": "berlin-mss",
                "licence": "CC BY 3.0 DE",
                "reference_date": ("31.12. des Jahres vor der MSS-Ausgabe (Änderungen: über die zwei Jahre davor)"),
                "editions": eds,
            }
        )
    inds.append(
        {
            "id": "mss_assessed",
            "label_de": "Im MSS-Index bewertet (1) / nicht bewertet (0)",
            "label_en": "Assessed in the MSS index (1) / not assessed (0)",
            "topic": "Hinweis",
            "kind": "value",
            "unit": "",
            "unit_en": "",
            "definition_de": (
                "0 = Platzhalterzeile der MSS-Tabelle (alle Indikatoren 0): unter 300 "
                "Einwohnern im Beobachtungszeitraum oder Ausreißer; keine Daten."
            ),
            "definition_en": "0 = placeholder row (all indicators 0): under 300 residents or outlier.",
            "direction": "neutral",
            "source": "berlin-mss",
            "licence": "CC BY 3.0 DE",
            "reference_date": "MSS-Ausgabe",
            "editions": "2013-2019",
        }
    )
    return {"sources": sources, "indicators": inds}


def main() -> int:
    if not RAW.exists():
        print(f"Rohdaten nicht gefunden: {RAW} (SOZIALMONITOR_RAW setzen)", file=sys.stderr)
        return 1
    shapes = build_shapes(RAW)
    table = build_table(RAW)
    codes = set(table["area_code"])
    if codes != set(shapes["code"]):
        problem = f"MSS and LOR codes differ: {sorted(codes ^ set(shapes['code']))}"
        raise SystemExit(problem)
    (ROOT / "shapes").mkdir(exist_ok=True)
    out = ROOT / "shapes" / "berlin_lor.gpkg"
    out.unlink(missing_ok=True)
    shapes.to_file(out, layer="planungsraeume", driver="GPKG")
    table.to_csv(ROOT / "data" / "berlin_mss.csv", index=False, lineterminator="\n")
    header = (
        "# Indicator catalogue of the Berlin example geography (MSS 2013-2019).\n"
        "# Written by data/build_berlin.py - do not edit by hand.\n"
        "# direction: up = a higher value means more need; "
        "rows of data/berlin_mss.csv cite the edition (berlin-mss-<year>).\n"
    )
    with open(ROOT / "data" / "indicators_berlin.yaml", "w", encoding="utf-8") as fh:
        fh.write(header)
        yaml.safe_dump(build_catalogue(), fh, allow_unicode=True, sort_keys=False, width=100)
    print(f"{len(shapes)} Planungsräume -> {out}; {len(table)} Zeilen -> data/berlin_mss.csv")
    return 0


if __name__ == "__main__":
    sys.exit(main())
