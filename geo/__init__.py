"""Geometry and rendering. Importing the package fences GDAL in (see :mod:`geo.safe_open`)."""

from geo.safe_open import harden_environment

harden_environment()
