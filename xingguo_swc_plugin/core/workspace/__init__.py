"""Workspace backends: one protocol (base), GeoPackage, PostGIS, and open()."""
