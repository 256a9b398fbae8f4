"""Area in m², the one way the plugin measures it.

Planimetric (default): the area in a projected CRS; geometries in a geographic
CRS, or in a projection that distorts areas (Web Mercator: +25 % at Xingguo),
are first projected to CGCS2000 / 3-degree GK CM 114°E (EPSG:4547).  The
statistics and overlap algorithms refuse such a projection up front
(``core.crs_check``); every other measurement gets the EPSG:4547 area instead
of a silently distorted one.
Ellipsoidal: on the CGCS2000 ellipsoid with QgsDistanceArea.  Never in degrees.
"""

from __future__ import annotations

from typing import Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsDistanceArea,
    QgsGeometry,
    QgsUnitTypes,
)

from ..domain.thresholds import CRS_PROJECTED
from .crs_check import distorts_areas
from .geometry import repaired

PLANIMETRIC = 0
ELLIPSOIDAL = 1
CGCS2000_ELLIPSOID = "EPSG:1024"


class AreaMeasurer:
    """Measures geometries given in ``crs``; create once per layer, reuse per feature."""

    def __init__(
        self,
        crs: QgsCoordinateReferenceSystem,
        method: int = PLANIMETRIC,
        context: Optional[QgsCoordinateTransformContext] = None,
    ):
        self.method = method
        self.crs = crs
        context = context or QgsCoordinateTransformContext()
        self._transform: Optional[QgsCoordinateTransform] = None
        self._distance_area: Optional[QgsDistanceArea] = None
        if method == ELLIPSOIDAL:
            self._distance_area = QgsDistanceArea()
            self._distance_area.setSourceCrs(crs, context)
            self._distance_area.setEllipsoid(CGCS2000_ELLIPSOID)
        elif crs.isGeographic() or distorts_areas(crs):
            self._transform = QgsCoordinateTransform(
                crs, QgsCoordinateReferenceSystem(CRS_PROJECTED), context
            )
        self._unit_factor = 1.0
        if method == PLANIMETRIC and self._transform is None:
            self._unit_factor = QgsUnitTypes.fromUnitToUnitFactor(
                QgsUnitTypes.distanceToAreaUnit(crs.mapUnits()), QgsUnitTypes.AreaSquareMeters
            )

    def area_m2(self, geometry: QgsGeometry) -> float:
        """Area in m²; an invalid polygon is measured repaired (``core.geometry``),
        so a bowtie counts its two triangles, not 0."""
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            return 0.0
        geometry, _ = repaired(geometry)
        if self._distance_area is not None:
            return self._distance_area.measureArea(geometry)
        if self._transform is not None:
            projected = QgsGeometry(geometry)
            projected.transform(self._transform)
            return projected.area()
        return geometry.area() * self._unit_factor
