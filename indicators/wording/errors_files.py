"""Wording: Messages of expected errors when a user's file is opened or checked (vector and raster
formats, GeoJSON shapes, grids, ZIPs, the sandbox). Entries are ``key: (German, English)``.

Raise sites pass ``msg("err_…", **params)`` (see :mod:`indicators.errors`).
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # geo/safe_open.py
    "err_gpkg_no_sqlite": (
        "{name}: keine GeoPackage-Datei (SQLite-Kopf fehlt)",
        "{name}: no GeoPackage file (SQLite header missing)",
    ),
    "err_gpkg_no_app_id": (
        "{name}: SQLite-Datei, aber kein GeoPackage (application_id fehlt)",
        "{name}: SQLite file, but no GeoPackage (application_id missing)",
    ),
    "err_gpkg_unreadable": ("{name}: GeoPackage nicht lesbar ({detail})", "{name}: GeoPackage not readable ({detail})"),
    "err_gpkg_no_contents": (
        "{name}: GeoPackage ohne Tabelle gpkg_contents",
        "{name}: GeoPackage without a gpkg_contents table",
    ),
    "err_gpkg_view": (
        "{name}: GeoPackage mit Sicht (View) '{obj}' wird nicht geöffnet",
        "{name}: GeoPackage with a view '{obj}' is not opened",
    ),
    "err_gpkg_virtual": (
        "{name}: GeoPackage mit virtueller Tabelle '{obj}' wird nicht geöffnet",
        "{name}: GeoPackage with a virtual table '{obj}' is not opened",
    ),
    "err_gpkg_reference": (
        "{name}: GeoPackage verweist auf andere Dateien oder Adressen ('{obj}'); wird nicht geöffnet",
        "{name}: GeoPackage refers to other files or addresses ('{obj}'); not opened",
    ),
    "err_gpkg_srs_address": (
        "{name}: Koordinatenbezug {srs_id} in gpkg_spatial_ref_sys verweist auf eine Adresse "
        "oder Datei; wird nicht geöffnet",
        "{name}: spatial reference {srs_id} in gpkg_spatial_ref_sys refers to an address or file; not opened",
    ),
    "err_gpkg_raster": (
        "{name}: GeoPackage enthält {kinds} (Raster/Kacheln); erlaubt sind nur Vektorebenen (features)",
        "{name}: GeoPackage holds {kinds} (raster/tiles); only vector layers (features) are allowed",
    ),
    "err_gpkg_no_features": (
        "{name}: GeoPackage ohne Vektorebene (features)",
        "{name}: GeoPackage without a vector layer (features)",
    ),
    "err_geojson_no_object": (
        "{name}: kein GeoJSON (Inhalt beginnt nicht mit '{{')",
        "{name}: no GeoJSON (content does not start with '{{')",
    ),
    "err_shp_no_magic": (
        "{name}: keine Shapefile-Datei (.shp ohne Dateikennung 9994)",
        "{name}: no shapefile (.shp without file code 9994)",
    ),
    "err_shp_bad_index": (
        "{name}: {sibling} ist keine Shapefile-Indexdatei",
        "{name}: {sibling} is no shapefile index",
    ),
    "err_prj_address": (
        "{name}: {prj} verweist auf eine Adresse oder Datei statt einen Koordinatenbezug zu beschreiben; {hint}",
        "{name}: {prj} refers to an address or file instead of describing a spatial reference; {hint}",
    ),
    "err_crs_hint": (
        'erlaubt ist nur ein EPSG-/OGC-Name wie "urn:ogc:def:crs:EPSG::25832"',
        'only an EPSG/OGC name like "urn:ogc:def:crs:EPSG::25832" is allowed',
    ),
    "err_vector_format": (
        "{name}: Dateiformat nicht unterstützt (erlaubt: GeoPackage, GeoJSON, Shapefile als ZIP)",
        "{name}: file format not supported (allowed: GeoPackage, GeoJSON, shapefile as ZIP)",
    ),
    "err_raster_suffix": (
        "{name}: nur GeoTIFF (.tif, .tiff) wird als Raster geöffnet",
        "{name}: only GeoTIFF (.tif, .tiff) is opened as a raster",
    ),
    "err_raster_no_tiff": (
        "{name}: keine GeoTIFF-Datei (TIFF-Kennung fehlt)",
        "{name}: no GeoTIFF file (TIFF signature missing)",
    ),
    "err_crs_shape": ("unbekannte Form", "unknown form"),
    "err_crs_no_props": ("Typ '{kind}' ohne Angaben", "type '{kind}' without properties"),
    "err_crs_address": (
        "Typ '{kind}' verweist auf eine Adresse oder Datei",
        "type '{kind}' refers to an address or file",
    ),
    "err_crs_not_name": (
        "Typ '{kind}' mit Angaben, die kein EPSG-/OGC-Name sind",
        "type '{kind}' with properties that are no EPSG/OGC name",
    ),
    "err_place_top": ("auf oberster Ebene", "at the top level"),
    "err_place_feature": ("in Objekt {i}", "in feature {i}"),
    "err_place_feature_in": ("in Objekt {i} ({rest})", "in feature {i} ({rest})"),
    "err_place_path": ("in {path}", "in {path}"),
    "err_geojson_deep": ("{name}: GeoJSON zu tief verschachtelt", "{name}: GeoJSON nested too deeply"),
    "err_geojson_bad": (
        "{name}: GeoJSON fehlerhaft (kein gültiges JSON: {detail})",
        "{name}: GeoJSON faulty (no valid JSON: {detail})",
    ),
    "err_geojson_crs": (
        "{name}: Koordinatenbezug ('crs') {place}: {problem}; {hint}. Die Datei wird nicht geöffnet.",
        "{name}: spatial reference ('crs') {place}: {problem}; {hint}. The file is not opened.",
    ),
    # geo/spatial/zonal.py
    "err_file_unreadable": ("{name}: Datei nicht lesbar", "{name}: file not readable"),
    "err_raster_unreadable": ("{name}: kein lesbares Raster ({detail})", "{name}: no readable raster ({detail})"),
    "err_raster_not_gtiff": ("{name}: keine GeoTIFF-Datei", "{name}: no GeoTIFF file"),
    "err_raster_no_crs": (
        "{name}: Raster ohne Koordinatenbezugssystem (CRS); bitte mit CRS speichern.",
        "{name}: raster without a coordinate reference system (CRS); please save it with a CRS.",
    ),
    "err_raster_blocks": (
        "{name}: Rasterblöcke mit {cells} Zellen (erlaubt {cap}); bitte gekachelt (tiled) speichern.",
        "{name}: raster blocks of {cells} cells (allowed {cap}); please save it tiled.",
    ),
    "err_raster_window": (
        "{name}: {cells} Rasterzellen für ein Gebiet (erlaubt {cap}). Bitte das Raster gröber "
        "speichern oder Übersichten (Overviews) anlegen.",
        "{name}: {cells} raster cells for one area (allowed {cap}). Please save the raster coarser or add overviews.",
    ),
    "err_raster_coverage": (
        "{name}: Raster mit {cells} Zellen ist für die Methode 'coverage' zu groß (erlaubt {cap}); "
        "Methode 'center' verwenden oder das Raster gröber speichern.",
        "{name}: a raster of {cells} cells is too large for the method 'coverage' (allowed "
        "{cap}); use the method 'center' or save the raster coarser.",
    ),
    "err_raster_band": (
        "{name}: Band {band} gibt es nicht (Raster hat {count} Band/Bänder).",
        "{name}: there is no band {band} (the raster has {count} band(s)).",
    ),
    # indicators/ingest/zip_safety.py, read.py
    "err_zip_invalid": ("keine gültige ZIP-Datei", "no valid ZIP file"),
    "err_zip_members": (
        "ZIP enthält zu viele Dateien ({n}, erlaubt {max})",
        "ZIP holds too many files ({n}, allowed {max})",
    ),
    "err_zip_path": ("unsicherer Pfad im ZIP: {name}", "unsafe path in the ZIP: {name}"),
    "err_zip_link": ("symbolischer Link im ZIP: {name}", "symbolic link in the ZIP: {name}"),
    "err_zip_encrypted": ("verschlüsselte Datei im ZIP: {name}", "encrypted file in the ZIP: {name}"),
    "err_zip_too_large": (
        "ZIP entpackt zu groß ({mb} MB, erlaubt {max} MB) – möglicherweise eine ZIP-Bombe",
        "ZIP unpacks too large ({mb} MB, allowed {max} MB) – possibly a ZIP bomb",
    ),
    "err_zip_ratio": (
        "ZIP verdächtig stark komprimiert (Verhältnis {ratio}:1, erlaubt {max}:1) – möglicherweise eine ZIP-Bombe",
        "ZIP suspiciously strongly compressed (ratio {ratio}:1, allowed {max}:1) – possibly a ZIP bomb",
    ),
    "err_zip_grew": (
        "ZIP entpackt größer als angegeben – möglicherweise eine ZIP-Bombe",
        "ZIP unpacks larger than declared – possibly a ZIP bomb",
    ),
    "err_zip_unreadable": ("ZIP nicht lesbar: {kind}: {detail}", "ZIP not readable: {kind}: {detail}"),
    "err_xlsx_shared": ("Tabelle der Texte (sharedStrings)", "table of texts (sharedStrings)"),
    "err_xlsx_member": ("{what} entpackt {mb} MB, erlaubt {max} MB", "{what} unpacks to {mb} MB, allowed {max} MB"),
    "err_xlsx_zip": ("keine gültige Excel-Datei (ZIP beschädigt)", "no valid Excel file (ZIP damaged)"),
    # geo/crs.py, geo/spatial/addresses.py
    "err_no_crs": (
        "{source}: kein Koordinatenbezugssystem (CRS) angegeben. Bitte die Datei mit CRS speichern "
        "(z. B. .prj zur Shapefile legen).",
        "{source}: no coordinate reference system (CRS) given. Please save the file with a CRS "
        "(e.g. put a .prj beside the shapefile).",
    ),
    # geo/boundaries.py: findings of a vector file
    "vec_zip_no_layer": (
        "ZIP enthält keine .shp-, .gpkg- oder .geojson-Datei",
        "ZIP holds no .shp, .gpkg or .geojson file",
    ),
    "vec_zip_layers": ("ZIP enthält mehrere Ebenen, verwendet: {name}", "ZIP holds several layers, used: {name}"),
    "vec_shp_incomplete": (
        "Shapefile unvollständig: {missing} fehlt im ZIP",
        "shapefile incomplete: {missing} missing in the ZIP",
    ),
    "vec_shp_no_prj": (
        "Shapefile ohne .prj-Datei: Koordinatenbezugssystem (CRS) unbekannt. Bitte die .prj-Datei mit in "
        "das ZIP packen.",
        "shapefile without a .prj file: coordinate reference system (CRS) unknown. Please put the .prj "
        "file into the ZIP too.",
    ),
    "vec_not_finite": ("Koordinaten enthalten NaN oder unendliche Werte", "coordinates contain NaN or infinite values"),
    "vec_metres_as_degrees": (
        "Koordinaten passen nicht zum CRS {crs} (Längen-/Breitengrade): Werte wie x={x}, y={y} "
        "sehen nach Metern aus (z. B. UTM, EPSG:25832). Bitte das CRS der Datei prüfen.",
        "coordinates do not fit the CRS {crs} (longitude/latitude): values like x={x}, y={y} "
        "look like metres (e.g. UTM, EPSG:25832). Please check the file's CRS.",
    ),
    "vec_degrees_as_metres": (
        "Koordinaten passen nicht zum CRS {crs} (Meter): Werte wie x={x}, y={y} sehen nach "
        "Längen-/Breitengraden aus (EPSG:4326). Bitte das CRS der Datei prüfen.",
        "coordinates do not fit the CRS {crs} (metres): values like x={x}, y={y} look like "
        "longitude/latitude (EPSG:4326). Please check the file's CRS.",
    ),
    "vec_out_of_range": (
        "Koordinaten außerhalb des gültigen Bereichs von EPSG:25832 (x {x0} … {x1}, y {y0} … {y1}): "
        "CRS der Datei prüfen",
        "coordinates outside the valid range of EPSG:25832 (x {x0} … {x1}, y {y0} … {y1}): check the file's CRS",
    ),
    "vec_not_germany": (
        "Flächen liegen nicht in Deutschland: CRS der Datei prüfen",
        "areas are not in Germany: check the file's CRS",
    ),
    "vec_too_many_vertices": (
        "zu viele Stützpunkte ({n}, erlaubt {max}): Geometrie bitte vereinfachen",
        "too many vertices ({n}, allowed {max}): please simplify the geometry",
    ),
    "vec_no_reprojection": (
        "Umrechnung nach EPSG:25832 nicht möglich: {detail}",
        "conversion to EPSG:25832 not possible: {detail}",
    ),
    "vec_no_geometry": (
        "{name} ist eine Tabelle ohne Geometrie; erwartet werden Flächen als GeoPackage (.gpkg), "
        "GeoJSON (.geojson) oder Shapefile-ZIP (.zip)",
        "{name} is a table without geometry; expected are areas as GeoPackage (.gpkg), "
        "GeoJSON (.geojson) or shapefile ZIP (.zip)",
    ),
    "vec_layers": (
        "Datei enthält {n} Ebenen ({names}); verwendet: {name}",
        "file holds {n} layers ({names}); used: {name}",
    ),
    "vec_too_many": ("zu viele Objekte ({n}, erlaubt {max})", "too many features ({n}, allowed {max})"),
    "vec_unreadable": ("Geodatei nicht lesbar: {detail}", "geodata file not readable: {detail}"),
    "gdal_format": (
        "Dateiformat nicht erkannt (erwartet: GeoPackage, GeoJSON oder Shapefile-ZIP)",
        "file format not recognised (expected: GeoPackage, GeoJSON or shapefile ZIP)",
    ),
    "gdal_not_gpkg": ("GeoPackage beschädigt oder keine GeoPackage-Datei", "GeoPackage damaged or no GeoPackage file"),
    "gdal_gpkg_broken": ("GeoPackage beschädigt", "GeoPackage damaged"),
    "gdal_bad_json": ("GeoJSON fehlerhaft (kein gültiges JSON)", "GeoJSON faulty (no valid JSON)"),
    "gdal_part_missing": (
        "Datei oder ein Teil davon (z. B. .shx/.dbf eines Shapefiles) fehlt oder ist nicht lesbar",
        "the file or a part of it (e.g. a shapefile's .shx/.dbf) is missing or not readable",
    ),
    "gdal_missing": ("Datei oder ein Teil davon fehlt", "the file or a part of it is missing"),
    "gdal_no_access": ("keine Leserechte für die Datei", "no permission to read the file"),
    "gdal_says": ("GDAL meldet: {text}", "GDAL reports: {text}"),
    "gdal_unreadable": ("Datei nicht lesbar", "file not readable"),
    # geo/uploads/stadtbezirke.py: recognising Lübeck's Stadtbezirke
    "bez_are_stadtteile": (
        "Die Flächen sind Lübecks Stadtteile (Schlüssel und Namen der 10 Stadtteile): nicht als Stadtbezirke behandelt",
        "The areas are Lübeck's Stadtteile (keys and names of the 10 Stadtteile): not treated as Stadtbezirke",
    ),
    "bez_instead": ("{code}: '{given}' statt '{listed}'", "{code}: '{given}' instead of '{listed}'"),
    "bez_names_differ_all": (
        "Schlüssel sehen aus wie Stadtbezirke, die Namen passen aber nicht ({examples} …): nicht "
        "als Stadtbezirke behandelt, keine Zusammenfassung zu Stadtteilen",
        "keys look like Stadtbezirke, but the names do not fit ({examples} …): not treated as "
        "Stadtbezirke, not combined into Stadtteile",
    ),
    "bez_names_differ": (
        "{n} Namen weichen von der Stadtbezirksliste ab ({examples} …): Zuordnung über den Schlüssel – "
        "bitte prüfen, ob die Schlüsselspalte stimmt",
        "{n} names differ from the list of Stadtbezirke ({examples} …): matched by the key – please "
        "check that the key column is right",
    ),
    "bez_name_differs": (
        "Stadtbezirk {code} heißt in der Liste '{listed}', in der Datei '{name}': Zuordnung über den Schlüssel",
        "Stadtbezirk {code} is called '{listed}' in the list, '{name}' in the file: matched by the key",
    ),
    "bez_by_name": (
        "Schlüssel '{code}' unbekannt, über den Namen '{name}' als Stadtbezirk {other} erkannt",
        "key '{code}' unknown, recognised by the name '{name}' as Stadtbezirk {other}",
    ),
    "bez_unknown": (
        "'{code}' ({name}) ist kein bekannter Stadtbezirk: wird nicht zu Stadtteilen zusammengefasst",
        "'{code}' ({name}) is no known Stadtbezirk: not combined into Stadtteile",
    ),
    "bez_missing": (
        "{n} Stadtbezirke fehlen in der Datei ({codes}): deren Stadtteile werden nicht zusammengefasst",
        "{n} Stadtbezirke are missing in the file ({codes}): their Stadtteile are not combined",
    ),
    "bnd_key_not_found": (
        "Schlüsselspalte '{key}' nicht gefunden (vorhanden: {columns})",
        "key column '{key}' not found (present: {columns})",
    ),
    "bnd_no_key": (
        "keine Schlüsselspalte erkannt: bitte mit --key angeben (vorhanden: {columns})",
        "no key column recognised: please give it with --key (present: {columns})",
    ),
    # geo/uploads/boundary.py: findings of a boundary upload
    "bnd_too_large": ("Datei größer als {mb} MB", "file larger than {mb} MB"),
    "bnd_format": (
        "Dateiformat nicht unterstützt (erlaubt: {allowed}; Shapefiles bitte als ZIP)",
        "file format not supported (allowed: {allowed}; shapefiles as ZIP, please)",
    ),
    "bnd_pick_key": ("Schlüsselspalte wählen (vorhanden: {columns})", "choose the key column (present: {columns})"),
    "bnd_no_areas": ("keine Flächen mit Schlüssel", "no areas with a key"),
    "bnd_bezirk_twice": (
        "Stadtbezirk {code} doppelt (nach Ergänzen der führenden Null): nur das erste Objekt verwendet",
        "Stadtbezirk {code} twice (after adding the leading zero): only the first feature used",
    ),
    # geo/uploads/sandbox.py, slots.py
    "err_check_time": (
        "{name}: Prüfung dauerte länger als {seconds} s und wurde abgebrochen; "
        "Datei bitte verkleinern oder vereinfachen.",
        "{name}: the check took longer than {seconds} s and was stopped; please make the file smaller or simpler.",
    ),
    "err_check_memory": (
        "{name}: Prüfung braucht mehr als {mb} MB Speicher und wurde abgebrochen; "
        "Datei bitte verkleinern oder vereinfachen.",
        "{name}: the check needs more than {mb} MB of memory and was stopped; please make the file smaller or simpler.",
    ),
    "err_check_died": (
        "{name}: Prüfung abgebrochen (mehr als {mb} MB Speicher nötig?); Datei bitte verkleinern oder vereinfachen.",
        "{name}: check stopped (more than {mb} MB of memory needed?); please make the file smaller or simpler.",
    ),
    "err_checks_busy": (
        "{label}: Zurzeit laufen zu viele Upload-Prüfungen gleichzeitig ({n} erlaubt); "
        "bitte in einer Minute noch einmal versuchen.",
        "{label}: too many upload checks are running at the moment ({n} allowed); please try again in a minute.",
    ),
    "note_checks_wait": (
        "Andere Upload-Prüfungen laufen gerade ({n} gleichzeitig erlaubt); diese Prüfung wartet "
        "auf einen freien Platz …",
        "Other upload checks are running ({n} allowed at once); this check waits for a free slot …",
    ),
    # geo/spatial/network.py
    "err_net_no_lines": ("{name}: keine Linien im Straßennetz.", "{name}: no lines in the street network."),
    "err_net_too_many": ("{name}: zu viele Objekte (mehr als {max}).", "{name}: too many features (more than {max})."),
    "err_net_no_linestring": ("{name}: keine Linien (LineString) gefunden.", "{name}: no lines (LineString) found."),
    # grid file findings (indicators/ingest/grid.py, geo/grid/cells.py)
    "grid_cell_dropped": ("Zelle {cell} {reason}", "cell {cell} {reason}"),
    "grid_outside_city": ("liegt außerhalb der Stadt", "lies outside the city"),
    "grid_bad_id": (
        "ungültige Gitter-ID {id} (erwartet z. B. {example})",
        "invalid grid id {id} (expected e.g. {example})",
    ),
    "grid_bad_centre": (
        "Mittelpunkt ({x}, {y}) passt nicht zur Gitter-ID {id} (erwartet {ex}, {ey})",
        "centre ({x}, {y}) does not fit the grid id {id} (expected {ex}, {ey})",
    ),
    "grid_not_a_number": (
        "Wert {text} ist keine Zahl und kein bekanntes Zeichen",
        "value {text} is no number and no known symbol",
    ),
    "grid_mark": ("Zeichen {mark}: {meaning}", "symbol {mark}: {meaning}"),
    # the Zensus grid's own symbols, quoted from its legend (ingest_sym_: see indicators/wording/upload.py)
    "ingest_sym_grid_none": (
        "kein Wert (keine Bevölkerung/keine Wohnungen in der Zelle)",
        "no value (no population/no dwellings in the cell)",
    ),
    "ingest_sym_grid_secret": ("geheim gehalten", "kept secret"),
    "grid_mark_none": ("kein Wert", "no value"),
    "grid_empty_value": ("leerer Wert", "empty value"),
    "grid_bracketed": ("Aussagewert eingeschränkt (Wert in Klammern)", "limited significance (value in brackets)"),
    "grid_cell_twice": ("Zelle {cell} doppelt (Merkmal {variable})", "cell {cell} twice (feature {variable})"),
    "grid_dash_mean": (
        "Strich {text}: nichts vorhanden, also kein Mittel- oder Anteilswert",
        "dash {text}: nothing there, so no mean or share",
    ),
    "grid_dash_zero": ("Strich {text}: nichts vorhanden (genau null)", "dash {text}: nothing there (exactly zero)"),
    # indicators/ingest/grid.py, geo/grid
    "err_file_not_found": ("{name}: Datei nicht gefunden", "{name}: file not found"),
    "err_file_empty": ("{name}: Datei ist leer", "{name}: file is empty"),
    "err_csv_unreadable": ("{name}: CSV nicht lesbar ({detail})", "{name}: CSV not readable ({detail})"),
    "err_grid_no_id": (
        "{name}: keine Spalte GITTER_ID_100m, GITTER_ID_1km oder GITTER_ID_10km gefunden (Spalten: {columns})",
        "{name}: no column GITTER_ID_100m, GITTER_ID_1km or GITTER_ID_10km found (columns: {columns})",
    ),
    "err_grid_no_values": ("{name}: keine Wertespalte neben {id_col}", "{name}: no value column beside {id_col}"),
    "err_grid_none": ("keine Gitterdatei angegeben", "no grid file given"),
    "err_grid_sizes": (
        "Gitterdateien mit verschiedenen Zellgrößen ({sizes} m) lassen sich nicht verbinden",
        "grid files with different cell sizes ({sizes} m) cannot be joined",
    ),
    "err_grid_twice": (
        "{file}: Merkmal(e) {names} schon in einer anderen Datei",
        "{file}: feature(s) {names} already in another file",
    ),
    "err_grid_no_cell": ("{name}: keine Gitterzelle berührt die Stadt", "{name}: no grid cell touches the city"),
    "err_grid_file": ("Gitterdatei", "grid file"),
    "err_grid_no_values_geo": ("{id}: keine Werte", "{id}: no values"),
    "err_grid_no_year": ("{id}: kein Jahr {year} (vorhanden: {years})", "{id}: no year {year} (available: {years})"),
    "err_not_a_grid": (
        "{id} ist keine Gitter-Geografie (Gebietsschlüssel sind keine Gitter-IDs)",
        "{id} is no grid geography (area keys are no grid ids)",
    ),
    "err_grid_none_chosen": ("Keine Gitterdatei ausgewählt.", "No grid file chosen."),
    "err_grid_not_csv": (
        "{name}: keine CSV-Datei (erwartet .csv oder .txt wie vom Zensus veröffentlicht)",
        "{name}: no CSV file (expected .csv or .txt as published by the census)",
    ),
    "err_upload_too_large": (
        "{name}: Datei größer als {mb} MB (Höchstgröße für Uploads)",
        "{name}: file larger than {mb} MB (maximum size for uploads)",
    ),
    "err_file_unreadable_kind": ("{name}: Datei nicht lesbar ({kind})", "{name}: file not readable ({kind})"),
    "err_grid_unusable": ("Gitterdateien nicht verwendbar: {errors}", "grid files not usable: {errors}"),
}
