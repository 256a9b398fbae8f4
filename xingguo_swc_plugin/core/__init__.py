"""Capabilities on the QGIS API: no widgets, no iface; take a QgsFeedback."""
