"""Collapse gullies (崩岗): the tables, area, scale and township of a gully.

Everything the gully dock and ``xingguoswc:benggangattributes`` compute starts
here, so a gully digitized by hand and a layer imported from elsewhere get the
same township, area, scale and ID.  QGIS API only: no widgets, no iface.  The
jobs: ``benggang_numbering`` (IDs), ``benggang_digitize`` (one gully: checks,
save, recompute), ``benggang_parts`` (parts and the relation),
``benggang_lists`` (lists and counts), ``benggang_attributes`` (a whole layer).

* Township: the one with the largest overlap (a gully on a boundary belongs to one).
* Area: planimetric in a projected CRS, ellipsoidal (CGCS2000) in a geographic one,
  always through ``core.area.AreaMeasurer``.
* Scale: ``domain.thresholds.benggang_scale`` with the thresholds from settings.
* ID ``bgbh``: township code + "-" + 4-digit sequence.  A high-water mark per
  township is kept beside the layer (``benggang_seq`` table in a GeoPackage, a
  layer custom property otherwise) so a deleted ID is never handed out again.
  ``next_benggang_id`` is the ONE allocation entry point (PostGIS may extend it).
"""

from __future__ import annotations

from typing import Dict, Optional, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeatureSource,
    QgsFeedback,
    QgsGeometry,
    QgsProject,
    QgsSpatialIndex,
)

from ..domain.thresholds import benggang_scale
from ..translation import tr
from .area import ELLIPSOIDAL, PLANIMETRIC, AreaMeasurer
from .errors import InputError, raise_if_canceled
from .geometry import index_geometry
from .settings import setting
from .values import text

GULLY_TABLE = "benggang"
PART_TABLE = "benggang_part"
#: Fields a layer needs to be used as a gully layer.
GULLY_FIELDS = ("bgbh", "xzqdm", "xzqmc", "mj", "gm")
#: Fields a layer needs to be used as a gully part layer.
PART_FIELDS = ("bgbh", "bw")
#: Overlap or outside area below this is numeric noise (shared, snapped edges).
TOLERANCE_M2 = 0.01
#: Id of the gully -> parts relation added to the project.
RELATION_ID = "xgswc_benggang_parts"


# --------------------------------------------------------------------------
# Area, scale, township
# --------------------------------------------------------------------------
def area_method(crs: QgsCoordinateReferenceSystem) -> int:
    """Planimetric in a projected CRS, ellipsoidal CGCS2000 in a geographic one."""
    return ELLIPSOIDAL if crs.isGeographic() else PLANIMETRIC


def measurer_for(
    crs: QgsCoordinateReferenceSystem, context: Optional[QgsCoordinateTransformContext] = None
) -> AreaMeasurer:
    return AreaMeasurer(crs, area_method(crs), context)


def scale_of(area_m2: float) -> str:
    """Scale code S/M/L with the thresholds of the current settings."""
    return benggang_scale(
        area_m2, float(setting("benggang/small_max_m2")), float(setting("benggang/medium_max_m2"))
    )


def min_area_m2() -> float:
    return float(setting("benggang/min_area_m2"))


class TownshipIndex:
    """Township polygons (code, name) in the gully layer's CRS, spatially indexed.

    Built once per layer pair; ``township_of`` picks the largest overlap and
    ``county`` is the union of all townships (the county outline).
    """

    def __init__(
        self,
        townships: QgsFeatureSource,
        target_crs: QgsCoordinateReferenceSystem,
        context: Optional[QgsCoordinateTransformContext] = None,
        feedback: Optional[QgsFeedback] = None,
    ):
        names = townships.fields().names()
        if "xzqdm" not in names:
            raise InputError(tr("The township layer has no field xzqdm (township code)."))
        context = context or QgsProject.instance().transformContext()
        transform = None
        if townships.sourceCrs() != target_crs:
            transform = QgsCoordinateTransform(townships.sourceCrs(), target_crs, context)
        self.geometries: Dict[int, QgsGeometry] = {}
        self.attributes: Dict[int, Tuple[str, str]] = {}
        self.index = QgsSpatialIndex()
        has_name = "xzqmc" in names
        for feature in townships.getFeatures():
            raise_if_canceled(feedback)
            geometry = QgsGeometry(feature.geometry())
            if geometry.isEmpty():
                continue
            if transform is not None:
                geometry.transform(transform)
            if not geometry.isGeosValid():
                geometry = geometry.makeValid()
            key = len(self.geometries)
            self.geometries[key] = geometry
            code = feature["xzqdm"]
            name = feature["xzqmc"] if has_name else None
            self.attributes[key] = (text(code), text(name))
            index_geometry(self.index, key, geometry, tr("Township {0}").format(text(code)))
        if not self.geometries:
            raise InputError(tr("The township layer has no township polygons."))
        self._county: Optional[QgsGeometry] = None

    def township_of(self, geometry: QgsGeometry) -> Optional[Tuple[str, str]]:
        """(code, name) of the township with the largest overlap, None outside all."""
        best, best_area = None, 0.0
        for key in self.index.intersects(geometry.boundingBox()):
            township = self.geometries[key]
            if not township.intersects(geometry):
                continue
            overlap = township.intersection(geometry).area()
            if overlap > best_area:
                best, best_area = key, overlap
        return self.attributes[best] if best is not None else None

    def county(self) -> QgsGeometry:
        """Union of all townships (cached)."""
        if self._county is None:
            self._county = QgsGeometry.unaryUnion(list(self.geometries.values()))
        return self._county
