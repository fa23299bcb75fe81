"""Wording: Messages of expected errors when a user's file is opened or checked (vector and raster
formats, GeoJSON shapes, grids, ZIPs, the sandbox). Entries are ``key: (German, English)``.

Raise sites pass ``msg("err_…", **params)`` (see :mod:`indicators.errors`).
"""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # geo/safe_open.py
    "err_gpkg_no_sqlite": ("{name}: keine GeoPackage-Datei (SQLite-Kopf fehlt)",
                           "{name}: no GeoPackage file (SQLite header missing)"),
    "err_gpkg_no_app_id": ("{name}: SQLite-Datei, aber kein GeoPackage (application_id fehlt)",
                           "{name}: SQLite file, but no GeoPackage (application_id missing)"),
    "err_gpkg_unreadable": ("{name}: GeoPackage nicht lesbar ({detail})", "{name}: GeoPackage not readable ({detail})"),
    "err_gpkg_no_contents": ("{name}: GeoPackage ohne Tabelle gpkg_contents",
                             "{name}: GeoPackage without a gpkg_contents table"),
    "err_gpkg_view": ("{name}: GeoPackage mit Sicht (View) '{obj}' wird nicht geöffnet",
                      "{name}: GeoPackage with a view '{obj}' is not opened"),
    "err_gpkg_virtual": ("{name}: GeoPackage mit virtueller Tabelle '{obj}' wird nicht geöffnet",
                         "{name}: GeoPackage with a virtual table '{obj}' is not opened"),
    "err_gpkg_reference": ("{name}: GeoPackage verweist auf andere Dateien oder Adressen ('{obj}'); wird nicht geöffnet",
                           "{name}: GeoPackage refers to other files or addresses ('{obj}'); not opened"),
    "err_gpkg_srs_address": ("{name}: Koordinatenbezug {srs_id} in gpkg_spatial_ref_sys verweist auf eine Adresse "
                             "oder Datei; wird nicht geöffnet",
                             "{name}: spatial reference {srs_id} in gpkg_spatial_ref_sys refers to an address or "
                             "file; not opened"),
    "err_gpkg_raster": ("{name}: GeoPackage enthält {kinds} (Raster/Kacheln); erlaubt sind nur Vektorebenen (features)",
                        "{name}: GeoPackage holds {kinds} (raster/tiles); only vector layers (features) are allowed"),
    "err_gpkg_no_features": ("{name}: GeoPackage ohne Vektorebene (features)",
                             "{name}: GeoPackage without a vector layer (features)"),
    "err_geojson_no_object": ("{name}: kein GeoJSON (Inhalt beginnt nicht mit '{{')",
                              "{name}: no GeoJSON (content does not start with '{{')"),
    "err_shp_no_magic": ("{name}: keine Shapefile-Datei (.shp ohne Dateikennung 9994)",
                         "{name}: no shapefile (.shp without file code 9994)"),
    "err_shp_bad_index": ("{name}: {sibling} ist keine Shapefile-Indexdatei", "{name}: {sibling} is no shapefile index"),
    "err_prj_address": ("{name}: {prj} verweist auf eine Adresse oder Datei statt einen Koordinatenbezug zu "
                        "beschreiben; {hint}",
                        "{name}: {prj} refers to an address or file instead of describing a spatial reference; {hint}"),
    "err_crs_hint": ("erlaubt ist nur ein EPSG-/OGC-Name wie \"urn:ogc:def:crs:EPSG::25832\"",
                     "only an EPSG/OGC name like \"urn:ogc:def:crs:EPSG::25832\" is allowed"),
    "err_vector_format": ("{name}: Dateiformat nicht unterstützt (erlaubt: GeoPackage, GeoJSON, Shapefile als ZIP)",
                          "{name}: file format not supported (allowed: GeoPackage, GeoJSON, shapefile as ZIP)"),
    "err_raster_suffix": ("{name}: nur GeoTIFF (.tif, .tiff) wird als Raster geöffnet",
                          "{name}: only GeoTIFF (.tif, .tiff) is opened as a raster"),
    "err_raster_no_tiff": ("{name}: keine GeoTIFF-Datei (TIFF-Kennung fehlt)", "{name}: no GeoTIFF file (TIFF signature missing)"),
    "err_crs_shape": ("unbekannte Form", "unknown form"),
    "err_crs_no_props": ("Typ '{kind}' ohne Angaben", "type '{kind}' without properties"),
    "err_crs_address": ("Typ '{kind}' verweist auf eine Adresse oder Datei", "type '{kind}' refers to an address or file"),
    "err_crs_not_name": ("Typ '{kind}' mit Angaben, die kein EPSG-/OGC-Name sind",
                         "type '{kind}' with properties that are no EPSG/OGC name"),
    "err_place_top": ("auf oberster Ebene", "at the top level"),
    "err_place_feature": ("in Objekt {i}", "in feature {i}"),
    "err_place_feature_in": ("in Objekt {i} ({rest})", "in feature {i} ({rest})"),
    "err_place_path": ("in {path}", "in {path}"),
    "err_geojson_deep": ("{name}: GeoJSON zu tief verschachtelt", "{name}: GeoJSON nested too deeply"),
    "err_geojson_bad": ("{name}: GeoJSON fehlerhaft (kein gültiges JSON: {detail})",
                        "{name}: GeoJSON faulty (no valid JSON: {detail})"),
    "err_geojson_crs": ("{name}: Koordinatenbezug ('crs') {place}: {problem}; {hint}. Die Datei wird nicht geöffnet.",
                        "{name}: spatial reference ('crs') {place}: {problem}; {hint}. The file is not opened."),
}
