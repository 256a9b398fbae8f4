"""One rule for NULL, empty and invalid geometries, used by every capability.

Why: an invalid (self-intersecting "bowtie") parcel measured 0 m² in the
measure summary while the township statistics repaired it.  The rule now:

* NULL or empty geometries are skipped and counted (``usable`` is False);
* invalid polygons are repaired with GEOS makeValid for the computation only
  (never written back), keeping the polygonal parts, and counted by the caller;
* a geometry enters a spatial index only through ``index_geometry``, which
  refuses what the index cannot find again (an empty or non-finite box would
  make the feature silently drop out of every overlay).
"""

from __future__ import annotations

from typing import Optional, Tuple

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProject,
    QgsSpatialIndex,
    QgsWkbTypes,
)

from ..translation import tr
from .errors import InputError


def usable(geometry: Optional[QgsGeometry]) -> bool:
    """False for a missing, NULL or empty geometry."""
    return geometry is not None and not geometry.isNull() and not geometry.isEmpty()


def invalid_reason(geometry: QgsGeometry, located: bool = False) -> str:
    """Why GEOS rejects a geometry (every error), or 'empty geometry'.

    ``located``: each error with where it is (for a shape the user just drew).
    """
    if geometry.isNull() or geometry.isEmpty():
        return tr("empty geometry")
    errors = geometry.validateGeometry(QgsGeometry.ValidatorGeos)
    if not errors:
        return tr("invalid geometry")
    if not located:
        return "; ".join(error.what() for error in errors)
    return "; ".join(
        tr("{0} at {1:.2f}, {2:.2f}").format(error.what(), error.where().x(), error.where().y())
        if error.hasWhere()
        else error.what()
        for error in errors
    )


def geometry_problem(geometry: Optional[QgsGeometry]) -> Optional[str]:
    """Why a geometry is no usable polygon, or None when it is a valid non-empty polygon."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return tr("empty geometry")
    if geometry.type() != QgsWkbTypes.PolygonGeometry:
        return tr("not a polygon")
    errors = geometry.validateGeometry(Qgis.GeometryValidationEngine.Geos)
    if errors:
        return tr("not valid: {0}").format(errors[0].what())
    return None


def polygonal(geometry: Optional[QgsGeometry]) -> QgsGeometry:
    """Copy as a multipolygon: lines and points left by overlays are dropped."""
    if geometry is None or geometry.isNull():
        return QgsGeometry()
    output = QgsGeometry(geometry)
    if QgsWkbTypes.flatType(output.wkbType()) == QgsWkbTypes.GeometryCollection:
        if not output.convertGeometryCollectionToSubclass(QgsWkbTypes.PolygonGeometry):
            return QgsGeometry()
    if output.type() != QgsWkbTypes.PolygonGeometry:
        return QgsGeometry()
    output.convertToMultiType()
    return output


def transform_between(
    source: QgsCoordinateReferenceSystem, target: QgsCoordinateReferenceSystem
) -> Optional[QgsCoordinateTransform]:
    """The transform from ``source`` to ``target``, None when nothing is to be done."""
    if not source.isValid() or source == target:
        return None
    return QgsCoordinateTransform(source, target, QgsProject.instance())


def repaired(geometry: QgsGeometry) -> Tuple[QgsGeometry, bool]:
    """(valid geometry, whether it had to be repaired).

    A repaired polygon keeps only its polygonal parts (makeValid may add the
    lines of a collapsed ring), so its area is the area of what the user drew.
    """
    if not usable(geometry) or geometry.isGeosValid():
        return geometry, False
    fixed = geometry.makeValid()
    if (
        geometry.type() == QgsWkbTypes.PolygonGeometry
        and fixed.type() != QgsWkbTypes.PolygonGeometry
    ):
        polygons = [
            part
            for part in fixed.asGeometryCollection()
            if part.type() == QgsWkbTypes.PolygonGeometry
        ]
        fixed = QgsGeometry.collectGeometry(polygons) if polygons else QgsGeometry()
    return fixed, True


def index_geometry(index: QgsSpatialIndex, key: int, geometry: QgsGeometry, what: str = "") -> None:
    """Add ``geometry``'s bounding box to ``index`` under ``key``, or raise InputError
    naming the feature (``what``, else the key): never a feature missing silently."""
    bounds = geometry.boundingBox() if usable(geometry) else None
    if (
        bounds is None
        or not bounds.isFinite()
        or bounds.xMinimum() > bounds.xMaximum()
        or bounds.yMinimum() > bounds.yMaximum()
        or not index.addFeature(key, bounds)
    ):
        raise InputError(
            tr(
                "{0} cannot be placed in the spatial index (no geometry, or "
                "coordinates that are not finite numbers: {1}); it would "
                "silently drop out of the result. Repair or remove it."
            ).format(
                what or tr("Feature {0}").format(key),
                bounds.toString() if bounds is not None else tr("empty"),
            )
        )
