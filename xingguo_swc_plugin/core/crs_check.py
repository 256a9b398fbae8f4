"""One check of coordinates and CRS, used by every capability before it measures.

Why: a layer whose coordinates do not match the CRS it claims gives areas of 0
or +25 % without a word (degrees in a shapefile without .prj, zone-prefixed
coordinates labelled EPSG:4547, Web Mercator).  Three rules:

* the layer has a CRS (else refused: say which one to set);
* its extent lies where its CRS can be used (a generous margin around the CRS's
  area of use; zone-prefixed or degree coordinates in a metre CRS fail here)
  and, where townships are given, overlaps the townships in that CRS;
* a planimetric area is only computed in a conformal Gauss-Krüger / UTM or an
  equal-area projection; geographic input is projected to EPSG:4547 by
  ``core.area``; other projections (EPSG:3857 …) are refused, naming EPSG:4547
  or the ellipsoidal option.
"""

from __future__ import annotations

from typing import Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsRectangle,
    QgsVectorLayer,
)

from ..domain.thresholds import CRS_PROJECTED, CRS_PROJECTED_ZONE_PREFIX
from ..translation import tr
from .errors import InputError

#: Degrees of margin around a CRS's area of use (Xingguo's east edge, 115.87°E,
#: lies beyond EPSG:4547's nominal 115.5°E).
MARGIN_DEG = 3.0
#: Projections whose planimetric area is the area the bureau reports.
AREA_PROJECTIONS = ("tmerc", "utm", "aea", "laea", "cea", "eqearth", "moll", "sinu")
PLANIMETRIC = 0


def require_crs(layer: QgsVectorLayer, role: str) -> QgsCoordinateReferenceSystem:
    """The layer's CRS, refused when unknown (e.g. a shapefile without .prj)."""
    crs = layer.crs()
    if not crs.isValid():
        raise InputError(
            tr(
                "The {0} layer {1} has no coordinate reference system (a "
                "shapefile without .prj?). Set its CRS, e.g. {2} (CGCS2000 / "
                "3-degree Gauss-Kruger CM 114°E) or {3} for degrees, and run "
                "again."
            ).format(role, layer.name(), CRS_PROJECTED, "EPSG:4490")
        )
    return crs


def distorts_areas(crs: QgsCoordinateReferenceSystem) -> bool:
    """True for a projected CRS whose planimetric area is not the area the bureau
    reports (Web Mercator and other non-equal-area, non-Gauss-Kruger projections)."""
    if not crs.isValid() or crs.isGeographic():
        return False
    kind = ""
    for token in crs.toProj().split():
        if token.startswith("+proj="):
            kind = token[len("+proj=") :]
    return kind not in AREA_PROJECTIONS


def check_area_crs(crs: QgsCoordinateReferenceSystem, method: int, name: str) -> None:
    """Refuse a planimetric area in a projection that distorts areas."""
    if method != PLANIMETRIC or crs.isGeographic():
        return  # geographic input is projected to EPSG:4547 by core.area
    if distorts_areas(crs):
        raise InputError(
            tr(
                "Layer {0} is in {1}, a projection that distorts areas "
                "(about +25 % at Xingguo for Web Mercator). Reproject it to "
                "{2} (CGCS2000 / 3-degree Gauss-Kruger CM 114°E) or choose "
                "the ellipsoidal area."
            ).format(name, crs.authid() or crs.description(), CRS_PROJECTED)
        )


def _where_hint(extent: QgsRectangle) -> str:
    if extent.xMinimum() > 1e7:
        return tr("The x coordinates carry a zone prefix: the CRS is probably {0}.").format(
            CRS_PROJECTED_ZONE_PREFIX
        )
    if (
        -180 <= extent.xMinimum() <= extent.xMaximum() <= 180
        and -90 <= extent.yMinimum() <= extent.yMaximum() <= 90
    ):
        return tr("The coordinates look like degrees: the CRS is probably {0}.").format("EPSG:4490")
    return ""


def check_extent(
    layer: QgsVectorLayer, role: str, context: Optional[QgsCoordinateTransformContext] = None
) -> None:
    """Refuse a layer whose coordinates cannot be where its CRS says they are."""
    crs = require_crs(layer, role)
    extent = layer.extent()
    if extent.isNull():
        return
    bounds = crs.bounds()
    if bounds.isNull() or bounds.isEmpty():
        return
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    try:
        box = QgsCoordinateTransform(
            crs, wgs84, context or QgsCoordinateTransformContext()
        ).transformBoundingBox(extent)
        ok = (
            box.isFinite()
            and box.xMinimum() >= bounds.xMinimum() - MARGIN_DEG
            and box.xMaximum() <= bounds.xMaximum() + MARGIN_DEG
            and box.yMinimum() >= bounds.yMinimum() - MARGIN_DEG
            and box.yMaximum() <= bounds.yMaximum() + MARGIN_DEG
        )
    except QgsCsException:
        ok = False
    if not ok:
        raise InputError(
            (
                tr(
                    "The {0} layer {1} claims {2}, but its coordinates ({3}) lie "
                    "outside the area where {2} is used."
                ).format(role, layer.name(), crs.authid() or crs.description(), extent.toString(0))
                + " "
                + _where_hint(extent)
            ).strip()
        )


def check_overlaps_townships(
    layer: QgsVectorLayer,
    role: str,
    townships: QgsVectorLayer,
    context: Optional[QgsCoordinateTransformContext] = None,
) -> None:
    """Refuse a layer none of whose extent falls on the townships' extent."""
    extent = layer.extent()
    if extent.isNull():
        return
    try:
        box = QgsCoordinateTransform(
            layer.crs(), townships.crs(), context or QgsCoordinateTransformContext()
        ).transformBoundingBox(extent)
    except QgsCsException:
        box = QgsRectangle()
    if box.isNull() or not box.intersects(townships.extent()):
        raise InputError(
            (
                tr(
                    "The {0} layer {1} ({2}) lies entirely outside the townships "
                    "layer {3}: check the CRS each layer claims."
                ).format(role, layer.name(), layer.crs().authid(), townships.name())
                + " "
                + _where_hint(extent)
            ).strip()
        )


def check_inputs(
    townships: Optional[QgsVectorLayer],
    layer: QgsVectorLayer,
    role: str,
    method: int = PLANIMETRIC,
    context: Optional[QgsCoordinateTransformContext] = None,
) -> None:
    """All checks of an input layer (and of the townships it is compared with)."""
    check_extent(layer, role, context)
    check_area_crs(layer.crs(), method, layer.name())
    if townships is not None:
        check_extent(townships, tr("townships"), context)
        check_overlaps_townships(layer, role, townships, context)
