"""Change between two deliveries of disturbance parcels (issue 17, ``parcelchange``).

``parcel_change`` compares the previous delivery (OLD) with the current one (NEW),
both reprojected to one CRS (the workspace's), and returns one ``ChangeRow`` per
parcel of the new delivery plus one per old parcel that has no successor (消失).

Definitions (the one place they live):

* shared area of an old and a new parcel = area of their intersection (m²);
  they are *linked* when it is at least ``min_area``.
* matching: with ``match_field`` an old and a new parcel with the same ID are a
  pair first; the rest are paired by overlap, largest shared area first, each
  parcel used once (one-to-one where possible).  A new parcel linked to several
  old ones is a merge (合并); an old parcel linked to several new ones is split
  (分割); the row names the other parcels of the group.
* ``area_added_m2`` of a new parcel = area of (parcel − union of every old
  parcel); geometry of 新增/扩大 rows = that added part.
* lost area of an old parcel = area of (parcel − union of every new parcel).
* class: no linked old parcel → 新增; added area > ``min_area`` → 扩大; lost
  area of its old parcel(s) > ``min_area`` → 缩小; else 不变.  An old parcel
  linked to no new parcel → 消失 (geometry = the old parcel).
* ``area_old_m2`` = total area of the old parcel(s) the row continues.

Speed: bulk reading and bounding-box candidate pairs from ``core.engines.local.bulk``
(the engine of ``core.overlaps``); byte-identical geometries (unchanged
parcels) and pairs with a convex member are settled with numpy; only the rest,
and the added parts that must be drawn, go to GEOS.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple, Union

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeedback,
    QgsGeometry,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..domain import change as classes
from ..translation import tr
from .engines.local import bulk
from .engines.local.zones import computation_crs
from .errors import CanceledError, InputError
from .geometry import polygonal

#: Shared areas at or below this (m²) are touching edges, not overlaps.
TOUCH_M2 = 1e-6
#: Candidate pairs clipped with numpy per chunk (bounds the temporary arrays).
CLIP_CHUNK = 65536


@dataclass
class ChangeRow:
    """One parcel of the new delivery, or one old parcel gone from it."""

    change: str
    old_id: Optional[str]
    new_id: Optional[str]
    area_old_m2: float
    area_new_m2: float
    area_added_m2: float
    geometry: QgsGeometry
    old_fid: Optional[int] = None
    new_fid: Optional[int] = None
    #: '' (新增/消失), 一对一, 分割, 合并 or 分割合并.
    match: str = ""
    #: The other parcels of a split or merge (IDs).
    related: Tuple[str, ...] = ()


@dataclass
class ChangeResult:
    rows: List[ChangeRow] = field(default_factory=list)
    #: (delivery label, feature id, parcel ID) of geometries repaired with makeValid.
    repaired: List[Tuple[str, int, str]] = field(default_factory=list)
    #: (delivery label, feature id, parcel ID) left out: empty or not polygonal.
    skipped: List[Tuple[str, int, str]] = field(default_factory=list)
    old_count: int = 0
    new_count: int = 0

    def counts(self) -> Dict[str, int]:
        """Rows per change class, in ``classes.CLASSES`` order (zeros included)."""
        found = Counter(row.change for row in self.rows)
        return {name: found.get(name, 0) for name in classes.CLASSES}


@dataclass
class _Side:
    label: str
    fids: np.ndarray
    ids: List[str]
    #: False where the ID field is empty (the ID shown is ``#fid``; never matched).
    named: List[bool]
    wkb: List[bytes]
    area: np.ndarray  # m²
    box: np.ndarray  # (n, 4) CRS units
    geometries: Dict[int, QgsGeometry] = field(default_factory=dict)

    def geometry(self, index: int) -> QgsGeometry:
        cached = self.geometries.get(index)
        if cached is None:
            cached = QgsGeometry()
            cached.fromWkb(self.wkb[index])
            self.geometries[index] = cached
        return cached


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return "" if text == "NULL" else text


def _check_cancel(feedback: QgsFeedback) -> None:
    if feedback.isCanceled():
        raise CanceledError()


def _read(
    layer: QgsVectorLayer,
    label: str,
    id_field: Optional[str],
    crs: QgsCoordinateReferenceSystem,
    factor: float,
    context: Optional[QgsCoordinateTransformContext],
    result: ChangeResult,
    feedback: QgsFeedback,
) -> _Side:
    fids: List[np.ndarray] = []
    ids: List[str] = []
    named: List[bool] = []
    wkbs: List[bytes] = []
    areas: List[np.ndarray] = []
    boxes: List[np.ndarray] = []
    fields = [id_field] if id_field else []
    for batch in bulk.iter_batches(layer, fields, crs, context):
        _check_cancel(feedback)
        arrays = bulk.analyze(batch.wkb)
        values = batch.attributes[id_field] if id_field else [None] * len(batch.fids)
        texts = [_text(v) for v in values]
        names = [t or "#{0}".format(int(f)) for t, f in zip(texts, batch.fids)]
        keep = np.ones(len(batch.fids), dtype=bool)
        wkb = list(batch.wkb)
        area = arrays.area * factor
        box = np.column_stack([arrays.minx, arrays.miny, arrays.maxx, arrays.maxy])
        for i in np.flatnonzero(~arrays.valid | arrays.empty).tolist():
            fid = int(batch.fids[i])
            geometry = QgsGeometry()
            geometry.fromWkb(batch.wkb[i])
            if not arrays.empty[i] and not geometry.isEmpty():
                geometry = polygonal(geometry.makeValid())
            if geometry.isNull() or geometry.isEmpty() or not geometry.isGeosValid():
                keep[i] = False
                result.skipped.append((label, fid, names[i]))
                continue
            result.repaired.append((label, fid, names[i]))
            wkb[i] = bytes(geometry.asWkb())
            area[i] = geometry.area() * factor
            rect = geometry.boundingBox()
            box[i] = (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())
        good = np.flatnonzero(keep)
        fids.append(batch.fids[good])
        if len(good) == len(keep):
            ids.extend(names)
            named.extend(bool(t) for t in texts)
            wkbs.extend(wkb)
        else:
            ids.extend(names[i] for i in good.tolist())
            named.extend(bool(texts[i]) for i in good.tolist())
            wkbs.extend(wkb[i] for i in good.tolist())
        areas.append(area[good])
        boxes.append(box[good])
    return _Side(
        label,
        np.concatenate(fids) if fids else np.zeros(0, dtype=np.int64),
        ids,
        named,
        wkbs,
        np.concatenate(areas) if areas else np.zeros(0),
        np.concatenate(boxes) if boxes else np.zeros((0, 4)),
    )


def _candidate_pairs(old: _Side, new: _Side) -> Tuple[np.ndarray, np.ndarray]:
    """(old index, new index) of every pair whose boxes overlap with an area."""
    n_old = len(old.wkb)
    box = np.concatenate([old.box, new.box])
    if len(box) < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    lo, hi = bulk.bbox_pairs(box[:, 0], box[:, 1], box[:, 2], box[:, 3], 0.0)
    across = (lo < n_old) & (hi >= n_old)
    return lo[across], hi[across] - n_old


def _convex_clip(
    sub_wkb: List[bytes],
    sub_idx: np.ndarray,
    clip_wkb: List[bytes],
    clip_idx: np.ndarray,
    feedback: QgsFeedback,
) -> Tuple[np.ndarray, np.ndarray]:
    """Shared area (CRS units²) of pairs where the clip ring is convex: numpy
    Sutherland–Hodgman (exact for any simple subject).  Returns (decided, area)."""
    decided = np.zeros(len(sub_idx), dtype=bool)
    area = np.zeros(len(sub_idx))
    if not len(sub_idx):
        return decided, area
    us, uc = np.unique(sub_idx), np.unique(clip_idx)
    ok_s, pxs, pys, edges_s, _, _ = bulk.rings_padded([sub_wkb[i] for i in us.tolist()])
    ok_c, pxc, pyc, edges_c, sign_c, convex_c = bulk.rings_padded(
        [clip_wkb[i] for i in uc.tolist()]
    )
    ls, lc = np.searchsorted(us, sub_idx), np.searchsorted(uc, clip_idx)
    todo = np.flatnonzero(ok_s[ls] & ok_c[lc] & convex_c[lc])
    for start in range(0, len(todo), CLIP_CHUNK):
        _check_cancel(feedback)
        k = todo[start : start + CLIP_CHUNK]
        s, c = ls[k], lc[k]
        cx, cy, count = bulk.clip_convex(
            pxs[s, :-1], pys[s, :-1], edges_s[s], pxc[c], pyc[c], edges_c[c], sign_c[c]
        )
        area[k] = bulk.padded_area(cx, cy, count)
        decided[k] = True
    return decided, area


def _shared_areas(
    old: _Side, new: _Side, oi: np.ndarray, ni: np.ndarray, factor: float, feedback: QgsFeedback
) -> np.ndarray:
    shared = np.zeros(len(oi))
    same = np.fromiter(
        (old.wkb[o] == new.wkb[n] for o, n in zip(oi.tolist(), ni.tolist())),
        dtype=bool,
        count=len(oi),
    )
    shared[same] = np.minimum(old.area[oi[same]], new.area[ni[same]])
    rest = np.flatnonzero(~same)
    # a convex new parcel clips the old one, else a convex old parcel the new one
    decided, area = _convex_clip(old.wkb, oi[rest], new.wkb, ni[rest], feedback)
    shared[rest[decided]] = area[decided] * factor
    rest = rest[~decided]
    decided, area = _convex_clip(new.wkb, ni[rest], old.wkb, oi[rest], feedback)
    shared[rest[decided]] = area[decided] * factor
    rest = rest[~decided]
    for n, p in enumerate(rest.tolist()):
        if n % 500 == 0:
            _check_cancel(feedback)
        inter = old.geometry(int(oi[p])).intersection(new.geometry(int(ni[p])))
        shared[p] = 0.0 if inter.isNull() else inter.area() * factor
    return shared


def _remainder(
    side: _Side, other: _Side, index: int, partners: List[int], factor: float
) -> Tuple[float, QgsGeometry]:
    """Area (m²) and geometry of parcel ``index`` minus the union of ``partners``."""
    geometry = side.geometry(index)
    if not partners:
        return float(side.area[index]), QgsGeometry(geometry)
    cutters = [other.geometry(p) for p in partners]
    cutter = cutters[0] if len(cutters) == 1 else QgsGeometry.unaryUnion(cutters)
    rest = polygonal(geometry.difference(cutter))
    return (0.0 if rest.isNull() else rest.area() * factor), rest


def _group(index: np.ndarray, partner: np.ndarray, size: int) -> List[List[int]]:
    order = np.lexsort((partner, index))
    groups: List[List[int]] = [[] for _ in range(size)]
    for i, p in zip(index[order].tolist(), partner[order].tolist()):
        groups[i].append(p)
    return groups


def _remaining_areas(
    side: _Side,
    other: _Side,
    overlapping: List[List[int]],
    sums: np.ndarray,
    factor: float,
    feedback: QgsFeedback,
) -> np.ndarray:
    """Area of each parcel outside every overlapping parcel of the other delivery:
    area − shared with one partner; GEOS difference with several (they may overlap)."""
    result = side.area.copy()
    counts = np.fromiter(map(len, overlapping), dtype=np.int64, count=len(overlapping))
    one = counts == 1
    result[one] = np.maximum(side.area[one] - sums[one], 0.0)
    for n, i in enumerate(np.flatnonzero(counts > 1).tolist()):
        if n % 200 == 0:
            _check_cancel(feedback)
        result[i] = _remainder(side, other, i, overlapping[i], factor)[0]
    return result


def parcel_change(
    old_layer: QgsVectorLayer,
    new_layer: QgsVectorLayer,
    crs: QgsCoordinateReferenceSystem,
    match_field: Optional[str] = None,
    min_area: float = 50.0,
    id_field: Union[str, Sequence[str]] = "tbbh",
    feedback: Optional[QgsFeedback] = None,
    context: Optional[QgsCoordinateTransformContext] = None,
) -> ChangeResult:
    """Classify the parcels of ``new_layer`` against ``old_layer`` (module docstring).

    Both layers are read in ``crs`` (areas in a projected CRS: a geographic
    ``crs`` is worked in CGCS2000 / GK CM 114°E and the geometries returned in
    ``crs``).  Parcel IDs are ``match_field`` or else ``id_field`` (or the first
    of several names) the layer has, else ``#fid``.  Raises InputError for unusable inputs, SwcError when
    canceled.
    """
    feedback = feedback if feedback is not None else QgsFeedback()
    for layer, role in ((old_layer, tr("previous delivery")), (new_layer, tr("current delivery"))):
        if layer is None or not layer.isValid():
            raise InputError(tr("The {0} layer is missing or cannot be read.").format(role))
        if layer.geometryType() != QgsWkbTypes.PolygonGeometry:
            raise InputError(tr("The layer {0} is not a polygon layer.").format(layer.name()))
        if match_field and layer.fields().lookupField(match_field) < 0:
            raise InputError(
                tr("The layer {0} has no field {1}; its fields are: {2}.").format(
                    layer.name(), match_field, ", ".join(layer.fields().names())
                )
            )
    if min_area < 0:
        raise InputError(tr("The minimum area must not be negative."))
    if not crs.isValid():
        raise InputError(tr("The coordinate reference system of the comparison is not valid."))
    work = computation_crs(crs)
    factor = QgsUnitTypes.fromUnitToUnitFactor(
        QgsUnitTypes.distanceToAreaUnit(work.mapUnits()), QgsUnitTypes.AreaSquareMeters
    )
    result = ChangeResult()

    def label_field(layer: QgsVectorLayer) -> Optional[str]:
        if match_field:
            return match_field
        for name in [id_field] if isinstance(id_field, str) else list(id_field or ()):
            if name and layer.fields().lookupField(name) >= 0:
                return name
        return None

    feedback.setProgress(0.0)
    old = _read(
        old_layer,
        tr("previous delivery"),
        label_field(old_layer),
        work,
        factor,
        context,
        result,
        feedback,
    )
    feedback.setProgress(15.0)
    new = _read(
        new_layer,
        tr("current delivery"),
        label_field(new_layer),
        work,
        factor,
        context,
        result,
        feedback,
    )
    result.old_count, result.new_count = len(old.wkb), len(new.wkb)
    feedback.setProgress(30.0)

    oi, ni = _candidate_pairs(old, new)
    shared = _shared_areas(old, new, oi, ni, factor, feedback)
    feedback.setProgress(60.0)
    overlap = shared > TOUCH_M2
    oi_o, ni_o, shared_o = oi[overlap], ni[overlap], shared[overlap]
    olds_over = _group(ni_o, oi_o, len(new.wkb))  # old parcels overlapping each new
    news_over = _group(oi_o, ni_o, len(old.wkb))  # new parcels overlapping each old
    added = _remaining_areas(
        new, old, olds_over, np.bincount(ni_o, shared_o, len(new.wkb)), factor, feedback
    )
    lost = _remaining_areas(
        old, new, news_over, np.bincount(oi_o, shared_o, len(old.wkb)), factor, feedback
    )
    feedback.setProgress(75.0)

    # --- matching: IDs first, then largest shared area, one-to-one
    linked = shared_o >= min_area
    link_o, link_n, link_s = oi_o[linked], ni_o[linked], shared_o[linked]
    primary_of_new = np.full(len(new.wkb), -1, dtype=np.int64)
    primary_of_old = np.full(len(old.wkb), -1, dtype=np.int64)
    pairs = set(zip(link_o.tolist(), link_n.tolist()))
    if match_field:
        by_id: Dict[str, int] = {}
        for i, name in enumerate(old.ids):
            if not old.named[i]:
                continue
            if name in by_id:
                raise InputError(
                    tr(
                        "The parcel ID {0} appears more than once in the {1} "
                        "(field {2}): IDs must be unique to match by them."
                    ).format(name, old.label, match_field)
                )
            by_id[name] = i
        seen = set()
        for j, name in enumerate(new.ids):
            if not new.named[j]:
                continue
            if name in seen:
                raise InputError(
                    tr(
                        "The parcel ID {0} appears more than once in the {1} "
                        "(field {2}): IDs must be unique to match by them."
                    ).format(name, new.label, match_field)
                )
            seen.add(name)
            i = by_id.get(name)
            if i is not None:
                primary_of_new[j], primary_of_old[i] = i, j
                pairs.add((i, j))
    order = np.lexsort((new.fids[link_n], old.fids[link_o], -link_s))
    for i, j in zip(link_o[order].tolist(), link_n[order].tolist()):
        if primary_of_old[i] < 0 and primary_of_new[j] < 0:
            primary_of_old[i], primary_of_new[j] = j, i
    pair_o = np.fromiter((p[0] for p in pairs), dtype=np.int64, count=len(pairs))
    pair_n = np.fromiter((p[1] for p in pairs), dtype=np.int64, count=len(pairs))
    olds_of = _group(pair_n, pair_o, len(new.wkb))
    news_of = _group(pair_o, pair_n, len(old.wkb))
    best_old: Dict[int, Tuple[int, float]] = {}
    for i, j, s in zip(link_o.tolist(), link_n.tolist(), link_s.tolist()):
        if j not in best_old or s > best_old[j][1]:
            best_old[j] = (i, s)

    # --- rows
    rows: List[ChangeRow] = []
    for j in range(len(new.wkb)):
        if j % 5000 == 0:
            _check_cancel(feedback)
        group = olds_of[j]
        new_fid = int(new.fids[j])
        if not group:
            geometry = (
                _remainder(new, old, j, olds_over[j], factor)[1]
                if olds_over[j]
                else QgsGeometry(new.geometry(j))
            )
            rows.append(
                ChangeRow(
                    classes.NEW,
                    None,
                    new.ids[j],
                    0.0,
                    float(new.area[j]),
                    float(added[j]),
                    geometry,
                    None,
                    new_fid,
                )
            )
            continue
        prim = int(primary_of_new[j]) if primary_of_new[j] >= 0 else best_old[j][0]
        split = any(len(news_of[i]) > 1 for i in group)
        merge = len(group) > 1
        match = (
            classes.SPLIT_MERGE
            if split and merge
            else classes.SPLIT
            if split
            else classes.MERGE
            if merge
            else classes.ONE_TO_ONE
        )
        related = {old.ids[i] for i in group if i != prim}
        related |= {new.ids[k] for i in group for k in news_of[i] if k != j}
        if added[j] > min_area:
            change = classes.GROWN
            geometry = _remainder(new, old, j, olds_over[j], factor)[1]
        else:
            change = classes.SHRUNK if float(lost[group].sum()) > min_area else classes.UNCHANGED
            geometry = QgsGeometry(new.geometry(j))
        rows.append(
            ChangeRow(
                change,
                old.ids[prim],
                new.ids[j],
                float(old.area[group].sum()),
                float(new.area[j]),
                float(added[j]),
                geometry,
                int(old.fids[prim]),
                new_fid,
                match,
                tuple(sorted(related)),
            )
        )
    for i in range(len(old.wkb)):
        if not news_of[i]:
            rows.append(
                ChangeRow(
                    classes.GONE,
                    old.ids[i],
                    None,
                    float(old.area[i]),
                    0.0,
                    0.0,
                    QgsGeometry(old.geometry(i)),
                    int(old.fids[i]),
                    None,
                )
            )
    if work != crs:
        back = QgsCoordinateTransform(work, crs, context or QgsCoordinateTransformContext())
        for row in rows:
            if not row.geometry.isNull():
                row.geometry.transform(back)
    order_of = {name: k for k, name in enumerate(classes.CLASSES)}
    rows.sort(
        key=lambda r: (
            order_of[r.change],
            r.new_fid if r.new_fid is not None else -1,
            r.old_fid if r.old_fid is not None else -1,
        )
    )
    result.rows = rows
    feedback.setProgress(100.0)
    return result
