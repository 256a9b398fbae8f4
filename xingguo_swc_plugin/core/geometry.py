"""One rule for NULL, empty and invalid geometries, used by every capability.

Why: an invalid (self-intersecting "bowtie") parcel measured 0 m² in the
measure summary while the township statistics repaired it.  The rule now:

* NULL or empty geometries are skipped and counted (``usable`` is False);
* invalid polygons are repaired with GEOS makeValid for the computation only
  (never written back), keeping the polygonal parts, and counted by the caller.
"""

from __future__ import annotations

from typing import Optional, Tuple

from qgis.core import QgsGeometry, QgsWkbTypes


def usable(geometry: Optional[QgsGeometry]) -> bool:
    """False for a missing, NULL or empty geometry."""
    return geometry is not None and not geometry.isNull() and not geometry.isEmpty()


def repaired(geometry: QgsGeometry) -> Tuple[QgsGeometry, bool]:
    """(valid geometry, whether it had to be repaired).

    A repaired polygon keeps only its polygonal parts (makeValid may add the
    lines of a collapsed ring), so its area is the area of what the user drew.
    """
    if not usable(geometry) or geometry.isGeosValid():
        return geometry, False
    fixed = geometry.makeValid()
    if geometry.type() == QgsWkbTypes.PolygonGeometry and \
            fixed.type() != QgsWkbTypes.PolygonGeometry:
        polygons = [part for part in fixed.asGeometryCollection()
                    if part.type() == QgsWkbTypes.PolygonGeometry]
        fixed = QgsGeometry.collectGeometry(polygons) if polygons else QgsGeometry()
    return fixed, True
