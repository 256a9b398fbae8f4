"""Where new navel-orange planting is forbidden (Ganzhou regulation), for the
NAVEL_ORANGE_ZONE rule of ``core.validation`` (issue 17).

The forbidden area is the designated collapse/landslide zones, plus the eroded
slopes that lie within a distance *(practice setting)* of reservoirs and main
rivers.  Eroded slopes are the polygons of the erosion layer; when it has the
SL 190 grade field ``qsqd`` only grade ≥ 2 (轻度 or worse) counts, as for the
conservation rate.  All layers are reprojected to the working CRS.
"""

from __future__ import annotations

from typing import Dict, List, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsSpatialIndex,
    QgsVectorLayer,
)

from ....domain.thresholds import ERODED_MIN_GRADE
from ...geometry import index_geometry

GRADE_FIELD = "qsqd"


class _Shapes:
    """Geometries of a layer in the working CRS with a spatial index."""

    def __init__(self, layer: QgsVectorLayer, work: QgsCoordinateReferenceSystem, keep=None):
        transform = None
        if layer.crs().isValid() and layer.crs() != work:
            transform = QgsCoordinateTransform(layer.crs(), work, QgsProject.instance())
        self.geometries: Dict[int, QgsGeometry] = {}
        self.index = QgsSpatialIndex()
        for feature in layer.getFeatures(QgsFeatureRequest()):
            if keep is not None and not keep(feature):
                continue
            geometry = QgsGeometry(feature.geometry())
            if geometry.isNull() or geometry.isEmpty():
                continue
            if transform is not None:
                geometry.transform(transform)
            if not geometry.isGeosValid():
                geometry = geometry.makeValid()
            self.geometries[feature.id()] = geometry
            index_geometry(
                self.index, feature.id(), geometry, "{0} #{1}".format(layer.name(), feature.id())
            )

    def near(self, box: QgsRectangle) -> List[QgsGeometry]:
        return [self.geometries[i] for i in self.index.intersects(box)]


def _eroded(feature) -> bool:
    fields = feature.fields()
    if fields.indexOf(GRADE_FIELD) < 0:
        return True
    value = feature[GRADE_FIELD]
    try:
        return int(value) >= ERODED_MIN_GRADE
    except (TypeError, ValueError):
        return False


class ForbiddenZones:
    """``part(geometry)``: the piece of a parcel inside the forbidden area."""

    def __init__(
        self,
        work: QgsCoordinateReferenceSystem,
        zones: Optional[QgsVectorLayer],
        eroded: Optional[QgsVectorLayer],
        waters: Optional[QgsVectorLayer],
        distance: float,
    ):
        self.distance = distance
        self.zones = _Shapes(zones, work) if zones is not None else None
        if eroded is not None and waters is not None:
            from ...monitoring import erosion_of_year

            eroded, _ = erosion_of_year(eroded)  # the latest monitoring year, not a mix
        self.eroded = (
            _Shapes(eroded, work, _eroded) if eroded is not None and waters is not None else None
        )
        self.waters = _Shapes(waters, work) if eroded is not None and waters is not None else None

    def part(self, geometry: QgsGeometry) -> Optional[QgsGeometry]:
        """Intersection of the parcel with the forbidden area, None when empty.
        ``kinds`` of the last call say which of the two parts it touched."""
        pieces: List[QgsGeometry] = []
        self.kinds = []
        box = geometry.boundingBox()
        if self.zones is not None:
            hits = [g for g in self.zones.near(box) if g.intersects(geometry)]
            if hits:
                piece = geometry.intersection(QgsGeometry.unaryUnion(hits))
                if not piece.isEmpty() and piece.area() > 0:
                    pieces.append(piece)
                    self.kinds.append("zone")
        if self.eroded is not None:
            slopes = [g for g in self.eroded.near(box) if g.intersects(geometry)]
            if slopes:
                grown = QgsRectangle(box)
                grown.grow(self.distance)
                near = [w for w in self.waters.near(grown) if w.distance(geometry) <= self.distance]
                if near:
                    corridor = QgsGeometry.unaryUnion(near).buffer(self.distance, 16)
                    piece = geometry.intersection(QgsGeometry.unaryUnion(slopes)).intersection(
                        corridor
                    )
                    if not piece.isEmpty() and piece.area() > 0:
                        pieces.append(piece)
                        self.kinds.append("water")
        if not pieces:
            return None
        return pieces[0] if len(pieces) == 1 else QgsGeometry.unaryUnion(pieces)
