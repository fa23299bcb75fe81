"""Offline address lookup on the official address points of Lübeck.

The shipped file ``shapes/addresses.parquet`` (built by
``shapes/build_addresses.py``) holds 51,569 address points with a normalised
street key. :func:`locate` parses "Straße Hausnummer[Zusatz]" tolerantly
(case, ä/ae, ß/ss, "Str."/"Straße", "62a"/"62 a", an optional postcode and
city) and returns matches with coordinates and the Stadtteil; when nothing
matches exactly it proposes the closest street names or house numbers.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.crs import METRIC_CRS
from indicators.errors import msg
from indicators.text import fold
from indicators.wording.message import Message
from indicators.wording.voice import GERMAN, Voice

ROOT = Path(__file__).resolve().parents[2]
ADDRESSES = ROOT / "shapes" / "addresses.parquet"
ATTRIBUTION = "Adressen: © GeoBasis-DE/LVermGeo SH/CC BY 4.0 (Stichtag 03.04.2025)"

# "straße", "strasse", "str." and "str" at the end of a word all become "str"
_STREET_WORD = re.compile(r"(stra(ss|s)e|str\.?)(?=$|[^a-z])")
_HOUSE = re.compile(r"^(?P<street>.*?)[\s,]*(?P<num>\d+)\s*(?P<extra>[a-z]{1,2}\d{0,2}|[a-z]?\d{0,2})?\s*$")
_PLZ = re.compile(r"\b(2\d{4})\b")
_CITY = re.compile(r"(hansestadt|luebeck|lubeck|travemuende)")


def street_key(street: str) -> str:
    """Normalised search key of a street name: "Breite Straße" → "breitestr"."""
    s = _STREET_WORD.sub("str", fold(street))
    return re.sub(r"[^a-z0-9]", "", s)


def loose_key(key: str) -> str:
    """A looser key for umlauts typed without "e" ("Huxstraße" for "Hüxstraße")."""
    return re.sub(r"(?<=[aou])e", "", key).replace("ss", "s")


def house_label(strasse: str, nummer: str, zusatz: str) -> str:
    """ "Breite Straße 62a"; Lübeck's Gänge ("Hartengrube 9/") get "Hartengrube 9/1"."""
    sep = "" if strasse.endswith("/") else " "
    return f"{strasse}{sep}{nummer}{zusatz}"


@dataclass
class Query:
    """A parsed address query."""

    street: str
    number: str | None = None
    suffix: str = ""
    plz: str | None = None


def parse_query(text: str) -> Query:
    """Split "Breite Str. 62 a, 23552 Lübeck" into street, number, suffix, postcode."""
    s = fold(text)
    plz = None
    m = _PLZ.search(s)
    if m:
        plz = m.group(1)
        s = s[: m.start()] + " " + s[m.end() :]
    parts = [p.strip() for p in s.split(",")]
    # drop trailing parts that name the city only ("…, Lübeck")
    while len(parts) > 1 and (not parts[-1] or _CITY.fullmatch(re.sub(r"[^a-z]", "", parts[-1]))):
        parts.pop()
    s = " ".join(parts).strip()
    m = _HOUSE.match(s)
    if m and m.group("street").strip():
        extra = re.sub(r"\s", "", m.group("extra") or "")
        return Query(m.group("street").strip(), m.group("num").lstrip("0") or "0", extra, plz)
    return Query(s, None, "", plz)


def _street_part(text: str) -> str:
    """The street as the user typed it (for messages)."""
    m = re.match(r"^(.*?)[\s,]*\d", text.strip())
    return (m.group(1) if m and m.group(1) else text).strip()


@dataclass
class AddressMatch:
    """One address point with its location and areas."""

    address: str
    strasse: str
    nummer: str
    zusatz: str
    plz: str
    x: float
    y: float
    lon: float
    lat: float
    stadtteil_code: str
    stadtteil_name: str
    stadtbezirk_code: str = ""
    stadtbezirk_name: str = ""
    geography: str = "stadtteile"

    @property
    def profile_area(self) -> tuple[str, str]:
        """(geography id, area code) of the area profile to link to."""
        return self.geography, self.stadtteil_code


@dataclass
class LocateResult:
    """Outcome of :func:`locate`.

    ``status`` is "exact" (house number found), "number_missing" (street found,
    this number not), "street" (no number given: all addresses of the street),
    or "not_found". ``suggestions`` are readable alternatives.
    """

    query: str
    status: str
    matches: list[AddressMatch] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    message: str = ""  # German (kept for callers that want a string); see :meth:`text`
    notice: str = ""  # the message without the list of suggestions (the app shows those as buttons)
    say: Message | None = None  # ``message`` as a wording key, rendered in the reader's language
    say_notice: Message | None = None

    def text(self, *, voice: Voice = GERMAN) -> str:
        """The message in ``voice``'s language (the address itself when one was found exactly)."""
        return voice.text(self.say) if self.say is not None else self.message

    def notice_text(self, *, voice: Voice = GERMAN) -> str:
        """The notice (the message without suggestions) in ``voice``'s language."""
        return voice.text(self.say_notice) if self.say_notice is not None else self.notice

    @property
    def found(self) -> bool:
        return self.status in ("exact", "street") and bool(self.matches)

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "status": self.status,
            "message": self.message,
            "matches": [asdict(m) for m in self.matches],
            "suggestions": self.suggestions,
        }

    def to_text(self, *, voice: Voice = GERMAN) -> str:
        """One line per match (address, area, coordinates), the note (in ``voice``'s language) and the attribution."""
        lines = []
        for m in self.matches:
            area = f"{m.stadtteil_code} {m.stadtteil_name}" if m.stadtteil_code else voice.t("q_outside_areas")
            if m.stadtbezirk_code:
                area += ", " + voice.t("q_in_bezirk", code=m.stadtbezirk_code, name=m.stadtbezirk_name).rstrip()
            lines.append(f"{m.address}\t{area}\tE {m.x:.1f} N {m.y:.1f} (EPSG:25832)\t{m.lat:.6f}, {m.lon:.6f}")
        if self.status != "exact":
            lines.append(self.text(voice=voice))
        lines.append(ATTRIBUTION)
        return "\n".join(lines)


@lru_cache(maxsize=2)
def load_addresses(path: Path = ADDRESSES) -> gpd.GeoDataFrame:
    """The shipped address points (EPSG:25832), read once and cached.

    Callers must not modify the returned frame (it is shared).
    """
    if not Path(path).exists():
        problem = f"{path} missing: run 'python shapes/build_addresses.py' (make data)"  # set-up, not a user's error
        raise FileNotFoundError(problem)
    gdf = gpd.read_parquet(path)
    for col in ("strasse", "nummer", "zusatz", "plz", "stadt", "key", "stadtteil"):
        gdf[col] = gdf[col].astype(str).replace({"None": "", "nan": ""})
    return gdf


def points_area_codes(points: gpd.GeoSeries | np.ndarray, areas: gpd.GeoDataFrame) -> np.ndarray:
    """Code of the area containing each point ("" outside every area).

    Points on a shared border go to the first area found.
    """
    geoms = np.asarray(points.values if isinstance(points, gpd.GeoSeries) else points)
    codes = np.full(len(geoms), "", dtype=object)
    tree = shapely.STRtree(areas.geometry.values)
    pt_idx, area_idx = tree.query(geoms, predicate="intersects")
    first = ~pd.Series(pt_idx).duplicated().to_numpy()
    codes[pt_idx[first]] = areas["code"].to_numpy()[area_idx[first]]
    return codes


class AddressIndex:
    """Street-key index over the address points, built once.

    Parameters
    ----------
    addresses
        Output of :func:`load_addresses` (default: the shipped file).
    stadtteile
        Stadtteil polygons (code, name) for the names; default the shipped ones.
    """

    def __init__(self, addresses: gpd.GeoDataFrame | None = None, stadtteile: gpd.GeoDataFrame | None = None) -> None:
        self.points = load_addresses() if addresses is None else addresses
        if stadtteile is None:
            from geo.geographies import get_geography, load_areas

            stadtteile = load_areas(get_geography("stadtteile"))
        self.stadtteil_names = dict(zip(stadtteile["code"], stadtteile["name"]))
        self.by_key: dict[str, np.ndarray] = {
            k: np.asarray(v) for k, v in self.points.groupby("key", sort=False).indices.items()
        }
        first = self.points.drop_duplicates("key")
        self.street_names: dict[str, str] = dict(zip(first["key"], first["strasse"]))
        self.keys = sorted(self.by_key)
        self.loose: dict[str, list[str]] = {}
        for k in self.keys:
            self.loose.setdefault(loose_key(k), []).append(k)

    # -- matching -------------------------------------------------------
    def _match(self, i: int, bezirke: gpd.GeoDataFrame | None) -> AddressMatch:
        r = self.points.iloc[i]
        geom = r.geometry
        code = r["stadtteil"]
        bz_code = bz_name = ""
        if bezirke is not None and len(bezirke):
            hit = bezirke[bezirke.geometry.intersects(geom)]
            if len(hit):
                bz_code, bz_name = str(hit["code"].iloc[0]), str(hit["name"].iloc[0])
        label = f"{house_label(r['strasse'], r['nummer'], r['zusatz'])}, {r['plz']} Lübeck"
        return AddressMatch(
            label,
            r["strasse"],
            r["nummer"],
            r["zusatz"],
            r["plz"],
            float(geom.x),
            float(geom.y),
            float(r["lon"]),
            float(r["lat"]),
            code,
            self.stadtteil_names.get(code, ""),
            bz_code,
            bz_name,
        )

    def _similar_streets(self, key: str, n: int = 5) -> list[str]:
        close = difflib.get_close_matches(key, self.keys, n=n, cutoff=0.6)
        # also streets that start with or contain what was typed ("breite" → "breitestr")
        if len(key) >= 3:
            close += [k for k in self.keys if k.startswith(key) and k not in close][:n]
            close += [k for k in self.keys if key in k and k not in close][:n]
        return [self.street_names[k] for k in close[:n]]

    def locate(self, text: str, bezirke: gpd.GeoDataFrame | None = None, limit: int = 500) -> LocateResult:
        """Find an address; see :func:`locate`."""
        q = parse_query(text)
        key = street_key(q.street)
        if not key:
            return _said(LocateResult(text, "not_found"), msg("err_address_empty"))
        rows = self.by_key.get(key)
        if rows is None and len(self.loose.get(loose_key(key), [])) == 1:
            key = self.loose[loose_key(key)][0]
            rows = self.by_key[key]
        if rows is None:
            sugg = self._similar_streets(key)
            notice = msg("err_street_unknown", street=_street_part(text))
            full = msg("err_street_unknown_hint", street=_street_part(text), hints=sugg) if sugg else notice
            if q.number:
                sugg = [house_label(s, q.number, q.suffix) for s in sugg]
            return _said(LocateResult(text, "not_found", suggestions=sugg), full, notice)
        pts = self.points.iloc[rows]
        if q.plz and (pts["plz"] == q.plz).any():
            rows = rows[(pts["plz"] == q.plz).to_numpy()]
            pts = self.points.iloc[rows]
        street = self.street_names[key]
        if q.number is None:
            order = np.lexsort((pts["zusatz"].to_numpy(), pts["nummer"].astype(int).to_numpy()))
            matches = [self._match(int(i), bezirke) for i in rows[order][:limit]]
            areas = sorted({m.stadtteil_name for m in matches if m.stadtteil_name})
            said = msg("err_street_no_number", street=street, n=len(rows), areas=areas)
            return _said(LocateResult(text, "street", matches), said, said)
        num_ok = (pts["nummer"] == q.number).to_numpy()
        hit = num_ok & (pts["zusatz"].str.lower() == q.suffix).to_numpy()
        if hit.any():
            matches = [self._match(int(i), bezirke) for i in rows[hit]]
            return LocateResult(text, "exact", matches, message=matches[0].address)
        nums = pts["nummer"].astype(int).to_numpy()
        # nearest house numbers: the same number with a letter first (1 → 1d), then by distance
        order = np.lexsort((pts["zusatz"].to_numpy(), ~num_ok, np.abs(nums - int(q.number))))
        sugg = list(dict.fromkeys(house_label(street, pts["nummer"].iloc[i], pts["zusatz"].iloc[i]) for i in order))[:5]
        house, lo, hi = house_label(street, q.number, q.suffix), int(nums.min()), int(nums.max())
        return _said(
            LocateResult(text, "number_missing", suggestions=sugg),
            msg("err_number_unknown_hint", house=house, lo=lo, hi=hi, hints=sugg),
            msg("err_number_unknown", house=house, lo=lo, hi=hi),
        )


def _said(res: LocateResult, message: Message, notice: Message | None = None) -> LocateResult:
    """``res`` with its message (and notice) as wording keys and, for string callers, in German."""
    res.say, res.say_notice = message, notice
    res.message, res.notice = str(message), str(notice) if notice is not None else ""
    return res


@lru_cache(maxsize=1)
def default_index() -> AddressIndex:
    """The address index over the shipped data, built once per process."""
    return AddressIndex()


def locate(text: str, bezirke: gpd.GeoDataFrame | None = None, index: AddressIndex | None = None) -> LocateResult:
    """Look up "Straße Hausnummer[Zusatz]" in the official address points.

    Parameters
    ----------
    text
        Free text, e.g. "Breite Straße 62", "breite str 62", "Breitestrasse 62a, 23552 Lübeck".
    bezirke
        Optional Stadtbezirk polygons (``code``, ``name``, EPSG:25832); if given,
        each match also names its Stadtbezirk.
    index
        An :class:`AddressIndex`; default the shipped addresses.

    Returns
    -------
    LocateResult
        Matches with EPSG:25832 and lon/lat coordinates, Stadtteil code and
        name (the link target of the area profile), or suggestions.
    """
    if bezirke is not None and bezirke.crs is not None and bezirke.crs != METRIC_CRS:
        bezirke = bezirke.to_crs(METRIC_CRS)
    return (index or default_index()).locate(text, bezirke)
