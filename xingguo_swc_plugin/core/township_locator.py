"""Township of a feature: its own ``xzqdm``, else the largest overlap."""

from __future__ import annotations

from typing import Dict, List, Optional, Tuple

from qgis.core import (
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsGeometry,
    QgsVectorLayer,
    QgsWkbTypes,
)

from .measure_records import text_value


class TownshipLocator:
    """Township code of a geometry: the township with the largest overlap."""

    def __init__(
        self,
        townships: Optional[QgsVectorLayer],
        crs=None,
        context: Optional[QgsCoordinateTransformContext] = None,
    ):
        self.features: List[Tuple[str, QgsGeometry]] = []
        self.names: Dict[str, str] = {}
        if townships is None or not townships.isValid() or townships.fields().indexOf("xzqdm") < 0:
            return
        transform = None
        if crs is not None and crs.isValid() and townships.crs() != crs:
            transform = QgsCoordinateTransform(
                townships.crs(), crs, context or QgsCoordinateTransformContext()
            )
        has_name = townships.fields().indexOf("xzqmc") >= 0
        for feature in townships.getFeatures():
            code = text_value(feature["xzqdm"])
            if not code:
                continue
            if has_name:
                self.names[code] = text_value(feature["xzqmc"])
            geometry = QgsGeometry(feature.geometry())
            if geometry.isEmpty():
                continue
            if transform is not None:
                geometry.transform(transform)
            self.features.append((code, geometry))

    def locate(self, geometry: Optional[QgsGeometry]) -> str:
        if geometry is None or geometry.isEmpty() or not self.features:
            return ""
        best, best_area = "", 0.0
        box = geometry.boundingBox()
        polygonal = geometry.type() == QgsWkbTypes.PolygonGeometry
        for code, township in self.features:
            if not township.boundingBox().intersects(box):
                continue
            if not township.intersects(geometry):
                continue
            piece = township.intersection(geometry)
            size = piece.area() if polygonal else (piece.length() or 1.0)
            if size > best_area or not best:
                best, best_area = code, size
        return best


def feature_township(feature: QgsFeature, has_xzqdm: bool, locator: TownshipLocator) -> str:
    if has_xzqdm:
        code = text_value(feature["xzqdm"])
        if code:
            return code
    return locator.locate(feature.geometry())


__all__ = ["TownshipLocator", "feature_township"]
