"""Distances along an uploaded street network (GeoPackage lines), for reach and siting.

The lines become an undirected ``networkx`` graph: every vertex a node (coordinates rounded to
0.1 m, so lines that share an end point meet), every segment an edge weighted by its length.
A demand point or facility is snapped to its nearest node; its distance is the straight snap
distance at both ends plus the shortest path between the nodes. Good enough at city scale; no
turn rules, one-ways or speeds.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import networkx as nx
import numpy as np
import pyogrio
import shapely
from scipy.spatial import cKDTree

from geo.boundaries import open_vector, reject_unreadable
from geo.crs import CRSError, to_metric
from geo.read_errors import VECTOR_ERRORS
from geo.uploads.check_cache import checked
from geo.uploads.sandbox import UploadLimitError
from indicators.errors import InputError, error_message, msg, rendered
from indicators.ingest.report import Report
from indicators.wording.message import Message
from indicators.wording.voice import GERMAN, Voice

MAX_FEATURES = 500_000


class NetworkError(InputError):
    """The street network file cannot be used (German message)."""


class StreetNetwork:
    """A street graph with a KD-tree over its nodes.

    Parameters
    ----------
    lines
        Line geometries in EPSG:25832.
    name
        File name, part of :attr:`method` (none: "Straßennetz"/"street network").
    """

    def __init__(self, lines: np.ndarray, name: str | None = None) -> None:
        label: str | Message = name if name is not None else msg("reach_network_default")
        graph = nx.Graph()
        nodes: dict[tuple[float, float], int] = {}
        for geom in lines:
            for part in getattr(geom, "geoms", [geom]):
                coords = np.round(np.asarray(part.coords)[:, :2], 1)
                ids = [nodes.setdefault((float(x), float(y)), len(nodes)) for x, y in coords]
                for (a, b), (p, q) in zip(zip(ids, ids[1:]), zip(coords, coords[1:])):
                    if a != b:
                        length = float(np.hypot(*(q - p)))
                        if not graph.has_edge(a, b) or graph[a][b]["w"] > length:
                            graph.add_edge(a, b, w=length)
        if graph.number_of_edges() == 0:
            raise NetworkError(msg("err_net_no_lines", name=label))
        self.graph = graph
        self.xy = np.array(list(nodes), dtype=float)
        self.tree = cKDTree(self.xy)
        self.words = msg("reach_network_method", name=label)  # the method in any language (:meth:`method_in`)
        self.method = str(self.words)

    def method_in(self, *, voice: Voice = GERMAN) -> str:
        """The distance method in ``voice``'s language (``method`` is the German one)."""
        return voice.text(self.words)

    @classmethod
    def from_file(cls, path: str | Path, name: str | None = None) -> StreetNetwork:
        """Read a GeoPackage (or other vector file) of lines, through the upload gate.

        The file is opened the checked way (:func:`geo.boundaries.open_vector`) and read in the
        limited child of :mod:`geo.uploads.sandbox`, once per content
        (:func:`geo.uploads.check_cache.checked`).
        """
        path = Path(path)
        label = name or path.name
        try:
            wkb = checked(_read_lines, path, label, file_label=label)
        except UploadLimitError as exc:
            raise NetworkError(error_message(exc)) from None
        return cls(shapely.from_wkb(np.asarray(wkb, dtype=object)), label)

    def pairs(
        self, *, origins: np.ndarray, dests: np.ndarray, max_distance: float
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(origin index, destination index, metres) of every pair within ``max_distance`` along the network."""
        if not len(origins) or not len(dests):
            return np.zeros(0, int), np.zeros(0, int), np.zeros(0)
        o_snap, o_node = self.tree.query(origins)
        d_snap, d_node = self.tree.query(dests)
        by_node: dict[int, list[int]] = {}
        for k, n in enumerate(o_node):
            by_node.setdefault(int(n), []).append(k)
        oi, dj, dist = [], [], []
        for j, (node, snap) in enumerate(zip(d_node, d_snap)):
            budget = max_distance - snap
            if budget < 0:
                continue
            reach = nx.single_source_dijkstra_path_length(self.graph, int(node), cutoff=budget, weight="w")
            for n, length in reach.items():
                for k in by_node.get(n, ()):
                    total = o_snap[k] + length + snap
                    if total <= max_distance:
                        oi.append(k)
                        dj.append(j)
                        dist.append(total)
        return np.asarray(oi, dtype=int), np.asarray(dj, dtype=int), np.asarray(dist, dtype=float)


def _read_lines(path: Path, label: str) -> list[bytes]:
    """The line geometries of ``path`` in EPSG:25832 as WKB (run in the sandboxed child)."""
    report = Report(label)
    source = open_vector(path, report)
    if source is None:
        raise NetworkError(rendered(report.to_text))
    try:
        gdf = pyogrio.read_dataframe(source, max_features=MAX_FEATURES + 1)
    except VECTOR_ERRORS as exc:  # what pyogrio/GDAL raise for a broken file; reject_unreadable logs it
        reject_unreadable(path, exc, report)
        raise NetworkError(rendered(report.to_text)) from None
    if len(gdf) > MAX_FEATURES:
        raise NetworkError(msg("err_net_too_many", name=label, max=MAX_FEATURES))
    try:
        gdf = to_metric(gpd.GeoDataFrame(gdf), label)
    except CRSError as exc:
        raise NetworkError(error_message(exc)) from None
    geoms = np.asarray(gdf.geometry.values)
    lines = geoms[np.isin(shapely.get_type_id(geoms), [1, 5])]  # LineString, MultiLineString
    if not len(lines):
        raise NetworkError(msg("err_net_no_linestring", name=label))
    return list(shapely.to_wkb(lines))
