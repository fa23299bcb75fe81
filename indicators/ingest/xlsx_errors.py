"""What openpyxl raises for a broken or hostile workbook: the one list every XLSX reader catches.

Measured by mutating the parts of a valid workbook (XML, relationships, content types,
styles; a fuzz run of 3,000 variants) and by the fuzz corpus ``tests/data/bad``:

- the standard library's XML parser (:class:`xml.etree.ElementTree.ParseError`) and
  :mod:`zipfile` (:class:`~zipfile.BadZipFile`, :class:`~zipfile.LargeZipFile`, ``EOFError``);
- a part the workbook names but does not hold (``KeyError``), a style or string index past
  its table (``IndexError``);
- openpyxl's typed descriptors on an attribute of the wrong kind (``TypeError`` for an
  unknown attribute, ``ValueError`` for a value, also "Unable to read workbook");
- openpyxl's "File contains no valid workbook part" (``OSError``).

Anything else (``AttributeError``, ``NameError``, ``RuntimeError`` …) is a bug of the
reading code and propagates: the front door logs it with its traceback.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile

__all__ = ["XLSX_ERRORS"]

XLSX_ERRORS: tuple[type[Exception], ...] = (
    ET.ParseError,
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    EOFError,
    KeyError,
    IndexError,
    TypeError,
    ValueError,
    OSError,
)
