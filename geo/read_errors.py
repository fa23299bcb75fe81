"""What the geometry libraries raise for a broken or hostile file: the one list per library call.

Each reader catches exactly these around the library call it makes and turns them into
a finding or a project error (after logging); anything else (``AttributeError``,
``NameError``, a ``RuntimeError`` of our own …) is a bug and propagates to the front door,
which logs it with its traceback.

- :data:`VECTOR_ERRORS`: ``pyogrio.list_layers``/``read_info``/``read_dataframe`` — pyogrio's
  ``DataSourceError``/``DataLayerError`` (and their subclasses for CRS, fields, features and
  geometries), GDAL errors pyogrio passes through (``CPLE_BaseError``), shapely decoding the
  geometries, pandas converting field values (``ValueError``, also ``UnicodeDecodeError``)
  and the file system (``OSError``).
- :data:`CRS_ERRORS`: ``GeoDataFrame.to_crs`` on an exotic or broken CRS definition (pyproj).
- :data:`GEOJSON_ERRORS`: :func:`shapely.geometry.shape` on a malformed GeoJSON mapping
  (missing ``coordinates``: ``KeyError``; coordinates of the wrong nesting: ``TypeError``,
  ``IndexError``; too few points or non-numbers: ``ValueError``; GEOS itself).
"""

from __future__ import annotations

import pyogrio.errors
import pyproj.exceptions
import shapely.errors
from pyogrio._err import CPLE_BaseError

__all__ = ["CRS_ERRORS", "GEOJSON_ERRORS", "VECTOR_ERRORS"]

VECTOR_ERRORS: tuple[type[Exception], ...] = (
    pyogrio.errors.DataSourceError,
    pyogrio.errors.DataLayerError,
    CPLE_BaseError,
    shapely.errors.ShapelyError,
    ValueError,
    OSError,
)
CRS_ERRORS: tuple[type[Exception], ...] = (pyproj.exceptions.ProjError, ValueError)
GEOJSON_ERRORS: tuple[type[Exception], ...] = (shapely.errors.ShapelyError, ValueError, TypeError, KeyError, IndexError)
