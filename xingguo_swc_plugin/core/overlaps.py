"""Overlapping polygons of one layer (issue 5, ``xingguoswc:checkoverlaps``).

``find_overlaps`` lists every unordered pair of features sharing an area of at
least ``min_area`` m² (once, ``fid_a < fid_b``) with the shared part, and every
invalid or empty geometry (reported, left out of the pair search, never a stop).

Speed: bounding boxes come from numpy over the WKB (``core.engines.local.bulk``); candidate
pairs from a vectorised grid hash whose boxes must overlap by ``min_area``
(projected CRS) — neighbours that only share an edge never reach GEOS.  Only
the remaining candidates are intersected.
"""

from __future__ import annotations

from typing import Any, List, Optional

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
from .area import ELLIPSOIDAL, PLANIMETRIC, AreaMeasurer
from .crs_check import check_area_crs, check_extent
from .engines import choose
from .engines.local import bulk
from .engines.postgis.compute import find_overlaps_sql
from .errors import InputError, raise_if_canceled
from .geometry import invalid_reason
from .results import InvalidGeometry, OverlapPair, OverlapResult


def polygonal_part(geometry: QgsGeometry) -> Optional[QgsGeometry]:
    """The polygons of an intersection result (a collection may hold lines and
    points where the shapes only touch); None when there is no polygon."""
    if geometry.isNull() or geometry.isEmpty():
        return None
    if QgsWkbTypes.geometryType(geometry.wkbType()) == QgsWkbTypes.PolygonGeometry:
        return geometry
    parts = [
        part
        for part in geometry.asGeometryCollection()
        if QgsWkbTypes.geometryType(part.wkbType()) == QgsWkbTypes.PolygonGeometry
    ]
    if not parts:
        return None
    return QgsGeometry.collectGeometry(parts)


def _from_wkb(wkb: bytes) -> QgsGeometry:
    geometry = QgsGeometry()
    geometry.fromWkb(wkb)
    return geometry


def _append(
    result: OverlapResult,
    fids: np.ndarray,
    ids: list,
    i: int,
    j: int,
    area: float,
    shared: QgsGeometry,
) -> None:
    fa, fb = int(fids[i]), int(fids[j])
    ia, ib = ids[i], ids[j]
    if fa > fb:
        fa, fb, ia, ib = fb, fa, ib, ia
    result.pairs.append(OverlapPair(fa, fb, ia, ib, area, shared))


#: Candidate pairs clipped with numpy per chunk (bounds the temporary arrays).
CLIP_CHUNK = 65536


def _numpy_pairs(
    a: np.ndarray,
    b: np.ndarray,
    wkb_store: List[bytes],
    fids: np.ndarray,
    ids: list,
    min_area: float,
    factor: float,
    result: OverlapResult,
    feedback: QgsFeedback,
) -> np.ndarray:
    """Decide candidate pairs with numpy where one ring is convex (projected CRS).

    The convex one clips the other (Sutherland–Hodgman): the clipped ring's area
    is the exact shared area.  Pairs clearly below ``min_area`` are dropped;
    pairs of two convex rings clearly above get the clipped ring as the shared
    part (it is then the convex intersection polygon).  Everything else — close
    to the threshold, holes, multi-part, long rings, both non-convex — returns
    True (to GEOS).
    """
    involved = np.unique(np.concatenate([a, b]))
    ok, px, py, edges, sign, convex = bulk.rings_padded([wkb_store[i] for i in involved])
    la = np.searchsorted(involved, a)
    lb = np.searchsorted(involved, b)
    eligible = ok[la] & ok[lb] & (convex[la] | convex[lb])
    geos = ~eligible
    ring_area = bulk.padded_area(px[:, :-1], py[:, :-1], edges)
    threshold = min_area / factor
    todo = np.flatnonzero(eligible)
    for lo in range(0, len(todo), CLIP_CHUNK):
        raise_if_canceled(feedback)
        k = todo[lo : lo + CLIP_CHUNK]
        # clip by b when b is convex, else by a
        by_b = convex[lb[k]]
        sub = np.where(by_b, la[k], lb[k])
        clip = np.where(by_b, lb[k], la[k])
        cx, cy, count = bulk.clip_convex(
            px[sub, :-1], py[sub, :-1], edges[sub], px[clip], py[clip], edges[clip], sign[clip]
        )
        shared = bulk.padded_area(cx, cy, count)
        margin = 1e-6 * threshold + 1e-9 * np.minimum(ring_area[sub], ring_area[clip])
        drop = shared < threshold - margin
        direct = ~drop & convex[sub] & (shared >= threshold + margin) & (shared > margin)
        geos[k[~drop & ~direct]] = True
        rows = np.flatnonzero(direct)
        wkbs = bulk.polygon_wkbs(cx[rows], cy[rows], count[rows])
        pair_a, pair_b = a[k[rows]], b[k[rows]]
        fa, fb = fids[pair_a], fids[pair_b]
        areas = (shared[rows] * factor).tolist()
        pair_a, pair_b, swaps = pair_a.tolist(), pair_b.tolist(), (fa > fb).tolist()
        swap = fa > fb
        lo_fid, hi_fid = np.where(swap, fb, fa).tolist(), np.where(swap, fa, fb).tolist()
        for n, wkb in enumerate(wkbs):
            geometry = QgsGeometry()
            geometry.fromWkb(wkb)
            ia, ib = ids[pair_a[n]], ids[pair_b[n]]
            if swaps[n]:
                ia, ib = ib, ia
            result.pairs.append(OverlapPair(lo_fid[n], hi_fid[n], ia, ib, areas[n], geometry))
        feedback.setProgress(50.0 + 25.0 * min(1.0, (lo + CLIP_CHUNK) / len(todo)))
    return geos


def find_overlaps(
    layer: QgsVectorLayer,
    id_field: Optional[str] = None,
    min_area: float = 0.01,
    feedback: Optional[QgsFeedback] = None,
    context: Optional[QgsCoordinateTransformContext] = None,
    area_method: int = PLANIMETRIC,
) -> OverlapResult:
    """Pairs of features of ``layer`` overlapping by at least ``min_area`` m².

    Pairs are unordered and listed once with ``fid_a < fid_b``; ``id_a``/``id_b``
    are the values of ``id_field`` (None without it); the shared part is a
    polygon geometry in the layer CRS, its area measured with ``AreaMeasurer``:
    planimetric (a projection that distorts areas, e.g. EPSG:3857, is refused
    naming EPSG:4547) or, with ``area_method`` ELLIPSOIDAL, on the CGCS2000
    ellipsoid in any CRS.  Invalid or empty geometries go to ``invalid`` and are
    not compared.  Raises InputError for a missing id field or a non-polygon layer.
    """
    feedback = feedback if feedback is not None else QgsFeedback()
    if layer is None or not layer.isValid():
        raise InputError(tr("The input layer is missing or cannot be read."))
    if layer.geometryType() != QgsWkbTypes.PolygonGeometry:
        raise InputError(tr("The layer {0} is not a polygon layer.").format(layer.name()))
    if id_field and layer.fields().lookupField(id_field) < 0:
        raise InputError(
            tr("The layer {0} has no field {1}; its fields are: {2}.").format(
                layer.name(), id_field, ", ".join(layer.fields().names())
            )
        )
    engine = choose(layer, what=tr("Overlaps"), feedback=feedback)
    if engine.on_server:
        return find_overlaps_sql(engine.database, layer, id_field, min_area, feedback)
    check_extent(layer, tr("input"), context)
    check_area_crs(layer.crs(), area_method, layer.name())
    crs = layer.crs()
    measurer = AreaMeasurer(crs, area_method, context)
    # the numpy shortcut and the box threshold work in CRS units: only for a
    # planimetric area in a projected CRS (ellipsoidal areas all go to GEOS)
    projected = crs.isValid() and not crs.isGeographic() and area_method != ELLIPSOIDAL
    factor = 1.0
    if projected:
        factor = QgsUnitTypes.fromUnitToUnitFactor(
            QgsUnitTypes.distanceToAreaUnit(crs.mapUnits()), QgsUnitTypes.AreaSquareMeters
        )
    result = OverlapResult()
    fids: List[np.ndarray] = []
    ids: List[Any] = []
    boxes: List[np.ndarray] = []
    wkb_store: List[bytes] = []
    fields = [id_field] if id_field else []
    total = max(1, layer.featureCount())
    done = 0
    for batch in bulk.iter_batches(layer, fields, crs, context):
        raise_if_canceled(feedback)
        result.skipped_geometries += batch.skipped
        arrays = bulk.analyze(batch.wkb)
        batch_ids = batch.attributes[id_field] if id_field else [None] * len(batch.fids)
        for i in np.flatnonzero(~arrays.valid | arrays.empty):
            geometry = QgsGeometry() if arrays.empty[i] else _from_wkb(batch.wkb[i])
            result.invalid.append(
                InvalidGeometry(int(batch.fids[i]), batch_ids[i], invalid_reason(geometry))
            )
        good = np.flatnonzero(arrays.valid & ~arrays.empty)
        fids.append(batch.fids[good])
        if len(good) == len(batch.fids):
            ids.extend(batch_ids)
            wkb_store.extend(batch.wkb)
        else:
            good_list = good.tolist()
            ids.extend([batch_ids[i] for i in good_list])
            wkb_store.extend([batch.wkb[i] for i in good_list])
        boxes.append(
            np.column_stack(
                [arrays.minx[good], arrays.miny[good], arrays.maxx[good], arrays.maxy[good]]
            )
        )
        result.features += len(batch.fids)
        done += len(batch.fids)
        feedback.setProgress(min(50.0, 50.0 * done / total))
    if not fids:
        return result
    all_fids = np.concatenate(fids)
    box = np.concatenate(boxes) if boxes else np.zeros((0, 4))
    threshold = min_area / factor if projected else 0.0
    a, b = bulk.bbox_pairs(box[:, 0], box[:, 1], box[:, 2], box[:, 3], threshold)
    del box
    geos = np.ones(len(a), dtype=bool)
    if projected and len(a):
        geos = _numpy_pairs(a, b, wkb_store, all_fids, ids, min_area, factor, result, feedback)
    todo = np.flatnonzero(geos)
    geometries: List[Optional[QgsGeometry]] = [None] * len(wkb_store)
    polygon_types = {QgsWkbTypes.Polygon, QgsWkbTypes.MultiPolygon}
    steps = max(1, len(todo) // 50)
    for n, p in enumerate(todo.tolist()):
        if n % steps == 0:
            raise_if_canceled(feedback)
            feedback.setProgress(75.0 + 25.0 * n / max(1, len(todo)))
        i, j = int(a[p]), int(b[p])
        first = geometries[i]
        if first is None:
            first = geometries[i] = _from_wkb(wkb_store[i])
        second = geometries[j]
        if second is None:
            second = geometries[j] = _from_wkb(wkb_store[j])
        shared = first.intersection(second)
        if shared.isEmpty():
            continue
        if shared.wkbType() not in polygon_types:
            shared = polygonal_part(shared)
            if shared is None:
                continue
        area = measurer.area_m2(shared)
        if area < min_area or area <= 0:
            continue
        _append(result, all_fids, ids, i, j, area, shared)
    raise_if_canceled(feedback)
    result.pairs.sort(key=lambda pair: (pair.fid_a, pair.fid_b))
    feedback.setProgress(100.0)
    return result
