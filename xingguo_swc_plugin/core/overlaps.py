"""Overlapping polygons of one layer (issue 5, ``xingguoswc:checkoverlaps``).

``find_overlaps`` lists every unordered pair of features sharing an area of at
least ``min_area`` m² (once, ``fid_a < fid_b``) with the shared part, and every
invalid or empty geometry (reported, left out of the pair search, never a stop).

Speed: bounding boxes come from numpy over the WKB (``core.bulk``); candidate
pairs from a vectorised grid hash whose boxes must overlap by ``min_area``
(projected CRS) — neighbours that only share an edge never reach GEOS.  Only
the remaining candidates are intersected.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

import numpy as np
from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeedback,
    QgsGeometry,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..translation import tr
from . import bulk
from .area import PLANIMETRIC, AreaMeasurer
from .errors import InputError


@dataclass
class OverlapPair:
    """Two features sharing ``area_m2`` m²; ``geometry`` is the shared part (layer CRS)."""

    fid_a: int
    fid_b: int
    id_a: Any
    id_b: Any
    area_m2: float
    geometry: QgsGeometry


@dataclass
class InvalidGeometry:
    """A feature whose geometry is not valid or empty, with the GEOS reason."""

    fid: int
    id: Any
    reason: str


@dataclass
class OverlapResult:
    pairs: List[OverlapPair] = field(default_factory=list)
    invalid: List[InvalidGeometry] = field(default_factory=list)
    #: features examined (with a geometry)
    features: int = 0


def _reason(geometry: QgsGeometry) -> str:
    if geometry.isNull() or geometry.isEmpty():
        return tr("empty geometry")
    errors = geometry.validateGeometry(QgsGeometry.ValidatorGeos)
    if errors:
        return "; ".join(error.what() for error in errors)
    return tr("invalid geometry")


def polygonal_part(geometry: QgsGeometry) -> Optional[QgsGeometry]:
    """The polygons of an intersection result (a collection may hold lines and
    points where the shapes only touch); None when there is no polygon."""
    if geometry.isNull() or geometry.isEmpty():
        return None
    if QgsWkbTypes.geometryType(geometry.wkbType()) == QgsWkbTypes.PolygonGeometry:
        return geometry
    parts = [part for part in geometry.asGeometryCollection()
             if QgsWkbTypes.geometryType(part.wkbType()) == QgsWkbTypes.PolygonGeometry]
    if not parts:
        return None
    return QgsGeometry.collectGeometry(parts)


def _from_wkb(wkb: bytes) -> QgsGeometry:
    geometry = QgsGeometry()
    geometry.fromWkb(wkb)
    return geometry


def find_overlaps(layer: QgsVectorLayer, id_field: Optional[str] = None,
                  min_area: float = 0.01, feedback: Optional[QgsFeedback] = None,
                  context: Optional[QgsCoordinateTransformContext] = None) -> OverlapResult:
    """Pairs of features of ``layer`` overlapping by at least ``min_area`` m².

    Pairs are unordered and listed once with ``fid_a < fid_b``; ``id_a``/``id_b``
    are the values of ``id_field`` (None without it); the shared part is a
    polygon geometry in the layer CRS, its area measured with ``AreaMeasurer``
    (planimetric).  Invalid or empty geometries go to ``invalid`` and are not
    compared.  Raises InputError for a missing id field or a non-polygon layer.
    """
    feedback = feedback if feedback is not None else QgsFeedback()
    if layer is None or not layer.isValid():
        raise InputError(tr("The input layer is missing or cannot be read."))
    if layer.geometryType() != QgsWkbTypes.PolygonGeometry:
        raise InputError(tr("The layer {0} is not a polygon layer.").format(layer.name()))
    if id_field and layer.fields().lookupField(id_field) < 0:
        raise InputError(tr("The layer {0} has no field {1}; its fields are: {2}.")
                         .format(layer.name(), id_field, ", ".join(layer.fields().names())))
    from .postgis_compute import server_database  # issue 8: run as SQL in PostGIS
    database = server_database(PLANIMETRIC, layer)
    if database is not None:
        from .postgis_compute import find_overlaps_sql
        return find_overlaps_sql(database, layer, id_field, min_area, feedback)
    crs = layer.crs()
    measurer = AreaMeasurer(crs, PLANIMETRIC)
    projected = crs.isValid() and not crs.isGeographic()
    factor = 1.0
    if projected:
        factor = QgsUnitTypes.fromUnitToUnitFactor(
            QgsUnitTypes.distanceToAreaUnit(crs.mapUnits()), QgsUnitTypes.AreaSquareMeters)
    result = OverlapResult()
    fids: List[np.ndarray] = []
    ids: List[Any] = []
    boxes: List[np.ndarray] = []
    wkb_store: List[bytes] = []
    fields = [id_field] if id_field else []
    total = max(1, layer.featureCount())
    done = 0
    for batch in bulk.iter_batches(layer, fields, crs, context):
        if feedback.isCanceled():
            return result
        arrays = bulk.analyze(batch.wkb)
        batch_ids = batch.attributes[id_field] if id_field else [None] * len(batch.fids)
        for i in np.flatnonzero(~arrays.valid | arrays.empty):
            geometry = QgsGeometry() if arrays.empty[i] else _from_wkb(batch.wkb[i])
            result.invalid.append(InvalidGeometry(int(batch.fids[i]), batch_ids[i],
                                                  _reason(geometry)))
        good = np.flatnonzero(arrays.valid & ~arrays.empty)
        fids.append(batch.fids[good])
        ids.extend(batch_ids[i] for i in good)
        boxes.append(np.column_stack([arrays.minx[good], arrays.miny[good],
                                      arrays.maxx[good], arrays.maxy[good]]))
        wkb_store.extend(batch.wkb[i] for i in good)
        result.features += len(batch.fids)
        done += len(batch.fids)
        feedback.setProgress(min(50.0, 50.0 * done / total))
    if not fids:
        return result
    all_fids = np.concatenate(fids)
    box = np.concatenate(boxes) if boxes else np.zeros((0, 4))
    threshold = min_area / factor if projected else 0.0
    a, b = bulk.bbox_pairs(box[:, 0], box[:, 1], box[:, 2], box[:, 3], threshold)
    geometries: Dict[int, QgsGeometry] = {}

    def geometry_of(index: int) -> QgsGeometry:
        geometry = geometries.get(index)
        if geometry is None:
            geometry = geometries[index] = _from_wkb(wkb_store[index])
        return geometry

    order = np.argsort(a, kind="stable")
    steps = max(1, len(order) // 50)
    for n, p in enumerate(order):
        if n % steps == 0:
            if feedback.isCanceled():
                break
            feedback.setProgress(50.0 + 50.0 * n / max(1, len(order)))
        i, j = int(a[p]), int(b[p])
        first, second = geometry_of(i), geometry_of(j)
        shared = first.intersection(second)
        if shared.isEmpty():
            continue
        shared = polygonal_part(shared)
        if shared is None:
            continue
        area = measurer.area_m2(shared)
        if area < min_area or area <= 0:
            continue
        fa, fb = int(all_fids[i]), int(all_fids[j])
        ia, ib = ids[i], ids[j]
        if fa > fb:
            fa, fb, ia, ib = fb, fa, ib, ia
        result.pairs.append(OverlapPair(fa, fb, ia, ib, area, shared))
        # release geometries no later pair needs (pairs are sorted by a)
    result.pairs.sort(key=lambda pair: (pair.fid_a, pair.fid_b))
    feedback.setProgress(100.0)
    return result
