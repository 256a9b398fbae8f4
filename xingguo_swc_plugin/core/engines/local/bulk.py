"""Bulk polygon reading and vectorised geometry arrays (numpy), shared by the
statistics and overlap engines.

Why: per-feature Python calls dominate the cost of county-wide statistics
(~10 µs to fetch a feature through the QGIS API, ~5 µs per GEOS call).  This
module reads geometries in batches (OGR Arrow stream for files, the QGIS API
otherwise), parses the common WKB layout — one polygon, one ring, 2D — into
vertex arrays, and computes area, bounding box and a conservative validity test
with numpy.  Whatever is not that simple, or not certainly valid, goes to GEOS
through ``QgsGeometry``, so results never depend on the shortcut.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Iterator, List, Optional, Sequence, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from ...sources import with_sniffed_encoding

#: Rings with more edges than this are checked by GEOS (pair test is O(m²)).
MAX_VECTOR_EDGES = 32
BATCH_SIZE = 100_000


@dataclass
class Batch:
    """A batch of features: ids, WKB (2D or not) and the requested attributes."""

    fids: np.ndarray
    wkb: List[bytes]
    attributes: Dict[str, list] = field(default_factory=dict)
    #: features of the batch skipped for a NULL or empty geometry
    skipped: int = 0


def _arrow_source(layer: QgsVectorLayer, dest_crs: QgsCoordinateReferenceSystem):
    """(path, layer name) when the layer can be read by OGR directly, else None.

    Only for OGR files without a filter, pending edits or reprojection: then what
    OGR returns is exactly what the QGIS layer shows.
    """
    try:
        from osgeo import gdal
    except ImportError:
        return None
    if layer.providerType() != "ogr" or layer.subsetString():
        return None
    if "|option:" in layer.source():  # open options (e.g. a GBK shapefile's ENCODING)
        return None
    if layer.isEditable() and layer.isModified():
        return None
    if dest_crs.isValid() and layer.crs() != dest_crs:
        return None
    if int(gdal.VersionInfo()) < 3060000:
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path")
    if not path:
        return None
    options = [
        option
        for option in parts.get("openOptions") or []
        if str(option).upper().startswith("ENCODING=")
    ]
    return path, parts.get("layerName"), parts.get("layerId"), options


def iter_batches(
    layer: QgsVectorLayer,
    fields: Sequence[str],
    dest_crs: Optional[QgsCoordinateReferenceSystem] = None,
    context: Optional[QgsCoordinateTransformContext] = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Batch]:
    """Features of ``layer`` in batches, geometry as WKB in ``dest_crs``.

    Features without geometry (NULL or empty) are skipped and counted in
    ``Batch.skipped``.  Attribute values are Python values (strings decoded with
    the layer's encoding, see ``core.encoding``), ``None`` for NULL.
    """
    dest_crs = dest_crs if dest_crs is not None else layer.crs()
    # a GBK shapefile without .cpg arrives garbled and merges classes: every
    # reader goes through the same detection as the project import
    layer = with_sniffed_encoding(layer)
    source = _arrow_source(layer, dest_crs)
    if source is not None:
        batches = _iter_arrow(source, fields, batch_size)
        if batches is not None:
            yield from batches
            return
    yield from _iter_qgis(layer, fields, dest_crs, context, batch_size)


def _iter_arrow(source, fields: Sequence[str], batch_size: int):

    from osgeo import gdal

    path, name, layer_id, options = source
    dataset = gdal.OpenEx(path, gdal.OF_VECTOR, open_options=options)
    if dataset is None:
        return None
    if name:
        ogr_layer = dataset.GetLayerByName(name)
    else:
        ogr_layer = dataset.GetLayer(int(layer_id) if layer_id not in (None, "") else 0)
    if ogr_layer is None or not hasattr(ogr_layer, "GetArrowStreamAsNumPy"):
        return None
    definition = ogr_layer.GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    lower = {n.lower(): n for n in names}
    wanted = [lower.get(f.lower(), f) for f in fields]
    ogr_layer.SetIgnoredFields([n for n in names if n not in wanted])

    def generate():
        stream = ogr_layer.GetArrowStreamAsNumPy(
            options=["INCLUDE_FID=YES", "MAX_FEATURES_IN_BATCH=%d" % batch_size]
        )
        fid_column = ogr_layer.GetFIDColumn() or "OGC_FID"
        geom_column = ogr_layer.GetGeometryColumn() or "wkb_geometry"
        for record in stream:
            geoms = record[geom_column]
            # a NULL geometry is a masked entry (numpy.ma), or None
            raw = np.ma.getdata(geoms)
            keep = ~np.ma.getmaskarray(geoms) & np.not_equal(raw, None)
            kept = np.flatnonzero(keep)
            lengths = np.fromiter(map(len, raw[kept]), dtype=np.int64, count=len(kept))
            for i in kept[lengths < 64]:  # too short for a ring: maybe empty
                if _empty_wkb(bytes(raw[i])):
                    keep[i] = False
            whole = bool(keep.all())
            geoms = raw
            fids = np.asarray(record[fid_column], dtype=np.int64)
            fids = fids if whole else fids[keep]
            wkb = (geoms if whole else geoms[keep]).tolist()  # bytes objects: no copy
            attributes = {}
            for requested, actual in zip(fields, wanted):
                values = record[actual] if whole else record[actual][keep]
                attributes[requested] = (
                    _decoded(values.tolist())
                    if values.dtype == object or values.dtype.kind == "S"
                    else values.tolist()
                )
            yield Batch(fids, wkb, attributes, int(len(raw) - keep.sum()))
        # keep the dataset alive until the stream is consumed
        del dataset_ref[:]

    dataset_ref = [dataset]
    return generate()


def _empty_wkb(wkb: bytes) -> bool:
    geometry = QgsGeometry()
    geometry.fromWkb(wkb)
    return geometry.isNull() or geometry.isEmpty()


def _decoded(values: list) -> list:
    """Strings of a column of bytes (None kept): one decode call for the whole
    column when it can be joined safely, else one per value."""
    if values and all(v.__class__ is bytes for v in values):
        joined = b"\0".join(values)
        if joined.count(b"\0") == len(values) - 1:
            text = joined.decode("utf-8", errors="replace").split("\0")
            if len(text) == len(values):
                return text
    return [v.decode("utf-8", errors="replace") if v.__class__ is bytes else v for v in values]


def _iter_qgis(
    layer: QgsVectorLayer,
    fields: Sequence[str],
    dest_crs: QgsCoordinateReferenceSystem,
    context: Optional[QgsCoordinateTransformContext],
    batch_size: int,
):
    request = QgsFeatureRequest()
    indexes = [layer.fields().lookupField(f) for f in fields]
    request.setSubsetOfAttributes([i for i in indexes if i >= 0])
    if dest_crs.isValid() and layer.crs() != dest_crs:
        request.setDestinationCrs(dest_crs, context or QgsCoordinateTransformContext())
    fids: List[int] = []
    wkb: List[bytes] = []
    values: Dict[str, list] = {f: [] for f in fields}
    skipped = 0
    for feature in layer.getFeatures(request):
        geometry = feature.geometry()
        if geometry.isNull() or geometry.isEmpty():
            skipped += 1
            continue
        fids.append(feature.id())
        wkb.append(bytes(geometry.asWkb()))
        for name, index in zip(fields, indexes):
            value = feature.attribute(index) if index >= 0 else None
            values[name].append(_qvariant_plain(value))
        if len(fids) >= batch_size:
            yield Batch(np.asarray(fids, dtype=np.int64), wkb, values, skipped)
            fids, wkb, values, skipped = [], [], {f: [] for f in fields}, 0
    if fids or skipped:
        yield Batch(np.asarray(fids, dtype=np.int64), wkb, values, skipped)


def _qvariant_plain(value):
    try:
        from qgis.PyQt.QtCore import QVariant

        if isinstance(value, QVariant):
            return None if value.isNull() else value.value()
    except ImportError:  # pragma: no cover
        pass
    return value


# --------------------------------------------------------------------------- arrays
@dataclass
class GeometryArrays:
    """Per-feature area (CRS units²), bounding box and validity of a batch.

    ``valid`` is exact (numpy-certain or GEOS); ``simple`` marks one-ring
    polygons whose numpy area is used as is.
    """

    area: np.ndarray
    minx: np.ndarray
    miny: np.ndarray
    maxx: np.ndarray
    maxy: np.ndarray
    valid: np.ndarray
    empty: np.ndarray


def _u32(buf: np.ndarray, pos: np.ndarray) -> np.ndarray:
    b = buf[pos].astype(np.uint32)
    return (
        b
        | (buf[pos + 1].astype(np.uint32) << 8)
        | (buf[pos + 2].astype(np.uint32) << 16)
        | (buf[pos + 3].astype(np.uint32) << 24)
    )


def _simple_layout(wkb: Sequence[bytes]):
    """Positions of the coordinates of one-ring 2D little-endian polygons.

    Returns (buffer, simple mask, coordinate byte start, point count).
    """
    n = len(wkb)
    lengths = np.fromiter(map(len, wkb), dtype=np.int64, count=n)
    raw = b"".join(wkb) + b"\0" * 32  # padding: header reads never run off the end
    buf = np.frombuffer(raw, dtype=np.uint8)
    offsets = np.zeros(n, dtype=np.int64)
    if n:
        np.cumsum(lengths[:-1], out=offsets[1:])
    little = (buf[offsets] == 1) & (lengths >= 13)
    kind = _u32(buf, offsets + 1)
    start = np.zeros(n, dtype=np.int64)
    points = np.zeros(n, dtype=np.int64)
    poly = little & (kind == 3)
    if poly.any():
        o = offsets[poly]
        ok = _u32(buf, o + 5) == 1
        npts = _u32(buf, o + 9).astype(np.int64)
        ok &= lengths[poly] == 13 + 16 * npts
        idx = np.flatnonzero(poly)
        start[idx] = o + 13
        points[idx] = np.where(ok, npts, 0)
        poly[idx] = ok
    multi = little & (kind == 6) & (lengths >= 22)
    if multi.any():
        o = offsets[multi]
        ok = (
            (_u32(buf, o + 5) == 1)
            & (buf[o + 9] == 1)
            & (_u32(buf, o + 10) == 3)
            & (_u32(buf, o + 14) == 1)
        )
        npts = _u32(buf, o + 18).astype(np.int64)
        ok &= lengths[multi] == 22 + 16 * npts
        idx = np.flatnonzero(multi)
        start[idx] = o + 22
        points[idx] = np.where(ok, npts, 0)
        multi[idx] = ok
    simple = (poly | multi) & (points >= 4)
    return raw, simple, start, points


def _gather_doubles(raw: bytes, positions: np.ndarray) -> np.ndarray:
    """float64 values at arbitrary (unaligned) byte positions, without copying raw."""
    out = np.empty(len(positions), dtype=np.float64)
    align = positions & 7
    for a in range(8):
        mask = align == a
        if not mask.any():
            continue
        view = np.frombuffer(raw, dtype="<f8", count=(len(raw) - a) // 8, offset=a)
        out[mask] = view[(positions[mask] - a) >> 3]
    return out


def vertex_arrays(wkb: Sequence[bytes]):
    """(simple mask, x, y, ring starts, point counts) for the simple geometries."""
    raw, simple, start, points = _simple_layout(wkb)
    sel = np.flatnonzero(simple)
    counts = points[sel]
    total = int(counts.sum())
    ring_start = np.zeros(len(sel), dtype=np.int64)
    if len(sel):
        np.cumsum(counts[:-1], out=ring_start[1:])
    within = np.arange(total, dtype=np.int64) - np.repeat(ring_start, counts)
    xpos = np.repeat(start[sel], counts) + 16 * within
    x = _gather_doubles(raw, xpos)
    y = _gather_doubles(raw, xpos + 8)
    return simple, x, y, ring_start, counts


def analyze(wkb: Sequence[bytes], check_validity: bool = True) -> GeometryArrays:
    """Area (CRS units², planar), bbox and validity of each geometry in ``wkb``."""
    n = len(wkb)
    area = np.zeros(n)
    minx = np.zeros(n)
    miny = np.zeros(n)
    maxx = np.zeros(n)
    maxy = np.zeros(n)
    valid = np.zeros(n, dtype=bool)
    empty = np.zeros(n, dtype=bool)
    simple, x, y, ring_start, counts = vertex_arrays(wkb)
    sel = np.flatnonzero(simple)
    if len(sel):
        first_x = np.repeat(x[ring_start], counts)
        first_y = np.repeat(y[ring_start], counts)
        lx = x - first_x  # local origin: shoelace without cancellation
        ly = y - first_y
        term = np.zeros(len(x))
        term[:-1] = lx[:-1] * ly[1:] - lx[1:] * ly[:-1]
        last = ring_start + counts - 1
        term[last] = 0.0
        area[sel] = np.abs(np.add.reduceat(term, ring_start)) / 2.0
        minx[sel] = np.minimum.reduceat(x, ring_start)
        maxx[sel] = np.maximum.reduceat(x, ring_start)
        miny[sel] = np.minimum.reduceat(y, ring_start)
        maxy[sel] = np.maximum.reduceat(y, ring_start)
        closed = (x[ring_start] == x[last]) & (y[ring_start] == y[last])
        certain = closed & (counts - 1 <= MAX_VECTOR_EDGES)
        if check_validity:
            star = certain & star_shaped(x, y, ring_start, counts)
            rest = certain & ~star
            if rest.any():
                star |= rest & _certainly_valid(lx, ly, ring_start, counts, rest)
            certain = star
        valid[sel[certain]] = True
        if not check_validity:
            valid[sel] = True
    # Everything else (multi-part, holes, 3D, long rings, doubtful rings): GEOS.
    todo = np.flatnonzero(~valid)
    if not check_validity:
        todo = np.flatnonzero(~simple)
    for i in todo:
        geometry = QgsGeometry()
        geometry.fromWkb(wkb[i])
        if geometry.isEmpty():
            empty[i] = True
            continue
        box = geometry.boundingBox()
        minx[i], miny[i], maxx[i], maxy[i] = (
            box.xMinimum(),
            box.yMinimum(),
            box.xMaximum(),
            box.yMaximum(),
        )
        area[i] = geometry.area()
        valid[i] = geometry.isGeosValid() if check_validity else True
    return GeometryArrays(area, minx, miny, maxx, maxy, valid, empty)


def star_shaped(
    x: np.ndarray, y: np.ndarray, ring_start: np.ndarray, counts: np.ndarray
) -> np.ndarray:
    """True where a closed ring is strictly star-shaped around its vertex mean.

    Every edge then turns the same way around that point by a positive angle
    and the angles add up to one full turn, so the ring is simple (no
    self-intersection, spike or repeated point): valid without the O(m²) test.
    Convex rings and most parcels pass; the rest get the pair test.
    """
    n = len(counts)
    if n == 0:
        return np.zeros(0, dtype=bool)
    edges = counts - 1
    last = ring_start + counts - 1
    # vertex mean without the closing point
    sum_x = np.add.reduceat(x, ring_start) - x[last]
    sum_y = np.add.reduceat(y, ring_start) - y[last]
    cx = np.repeat(sum_x / np.maximum(edges, 1), counts)
    cy = np.repeat(sum_y / np.maximum(edges, 1), counts)
    ux, uy = x - cx, y - cy
    cross = np.zeros(len(x))
    cross[:-1] = ux[:-1] * uy[1:] - uy[:-1] * ux[1:]
    cross[last] = 0.0
    scale = np.maximum.reduceat(np.abs(ux) + np.abs(uy), ring_start)
    eps = np.repeat(1e-9 * scale * scale, counts)
    positive = np.where(cross > eps, 1, 0)
    negative = np.where(cross < -eps, 1, 0)
    positive[last] = 0
    negative[last] = 0
    n_pos = np.add.reduceat(positive, ring_start)
    n_neg = np.add.reduceat(negative, ring_start)
    # Every step turns the same way by an angle in (0, π): the total is 2π times
    # the number of times the vertex vector crosses the +x ray (upwards when
    # counter-clockwise, downwards when clockwise) — counted without arctan.
    up = np.zeros(len(x), dtype=np.int64)
    down = np.zeros(len(x), dtype=np.int64)
    up[:-1] = (uy[:-1] < 0) & (uy[1:] >= 0)
    down[:-1] = (uy[:-1] >= 0) & (uy[1:] < 0)
    up[last] = 0
    down[last] = 0
    n_up = np.add.reduceat(up, ring_start)
    n_down = np.add.reduceat(down, ring_start)
    once = ((n_pos == edges) & (n_up == 1)) | ((n_neg == edges) & (n_down == 1))
    return once & (edges >= 3)


def _pairs(m: int) -> Tuple[np.ndarray, np.ndarray]:
    i, j = np.triu_indices(m, k=2)
    keep = ~((i == 0) & (j == m - 1))
    return i[keep], j[keep]


def _certainly_valid(
    x: np.ndarray, y: np.ndarray, ring_start: np.ndarray, counts: np.ndarray, candidates: np.ndarray
) -> np.ndarray:
    """True where a closed ring has certainly no self-intersection, spike or
    repeated point (orientation tests with a tolerance; doubt means False)."""
    result = np.zeros(len(counts), dtype=bool)
    edges = counts - 1
    for m in np.unique(edges[candidates]):
        m = int(m)
        if m < 3:
            continue
        rings = np.flatnonzero(candidates & (edges == m))
        ii, jj = _pairs(m)
        chunk = max(1, 2_000_000 // max(1, len(ii) + m))
        for lo in range(0, len(rings), chunk):
            part = rings[lo : lo + chunk]
            index = ring_start[part, None] + np.arange(m + 1)
            px, py = x[index], y[index]
            dx = px[:, 1:] - px[:, :-1]
            dy = py[:, 1:] - py[:, :-1]
            length2 = dx * dx + dy * dy
            scale2 = (px.max(1) - px.min(1)) ** 2 + (py.max(1) - py.min(1)) ** 2
            eps = 1e-9 * scale2[:, None]
            ok = (length2 > eps).all(1)
            # adjacent edges: no fold-back (spike) and not nearly collinear-reversed
            ndx, ndy = np.roll(dx, -1, axis=1), np.roll(dy, -1, axis=1)
            cross = dx * ndy - dy * ndx
            dot = dx * ndx + dy * ndy
            ok &= ~((np.abs(cross) <= eps) & (dot < 0)).any(1)
            if len(ii):
                ax, ay = px[:, ii], py[:, ii]
                bx, by = px[:, ii + 1], py[:, ii + 1]
                cx, cy = px[:, jj], py[:, jj]
                ex, ey = px[:, jj + 1], py[:, jj + 1]
                e2 = eps[:, :1]
                o1 = np.sign(_orient(ax, ay, bx, by, cx, cy, e2))
                o2 = np.sign(_orient(ax, ay, bx, by, ex, ey, e2))
                o3 = np.sign(_orient(cx, cy, ex, ey, ax, ay, e2))
                o4 = np.sign(_orient(cx, cy, ex, ey, bx, by, e2))
                separated = (
                    (o1 * o2 > 0)
                    | (o3 * o4 > 0)
                    | (np.maximum(ax, bx) < np.minimum(cx, ex) - e2)
                    | (np.maximum(cx, ex) < np.minimum(ax, bx) - e2)
                    | (np.maximum(ay, by) < np.minimum(cy, ey) - e2)
                    | (np.maximum(cy, ey) < np.minimum(ay, by) - e2)
                )
                ok &= separated.all(1)
            result[part] = ok
    return result


def _orient(ax, ay, bx, by, cx, cy, eps):
    value = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
    return np.where(np.abs(value) <= eps, 0.0, value)


# --------------------------------------------------------------------------- pairs
def bbox_pairs(
    minx: np.ndarray,
    miny: np.ndarray,
    maxx: np.ndarray,
    maxy: np.ndarray,
    min_overlap_area: float = 0.0,
) -> Tuple[np.ndarray, np.ndarray]:
    """Index pairs (a < b) of boxes whose intersection has an area > 0 and
    >= ``min_overlap_area`` (a necessary condition for polygons sharing that area).

    Uniform grid hashing; a pair is reported only in the cell holding the lower
    left corner of the boxes' intersection, so each pair comes out once.
    """
    n = len(minx)
    empty = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
    if n < 2:
        return empty
    width = maxx - minx
    height = maxy - miny
    size = float(np.median(np.maximum(width, height))) * 2.0
    x0, y0 = float(minx.min()), float(miny.min())
    span = max(float(maxx.max()) - x0, float(maxy.max()) - y0, 1e-9)
    size = max(size, span / 4096.0, 1e-9)
    cx0 = np.floor((minx - x0) / size).astype(np.int64)
    cx1 = np.floor((maxx - x0) / size).astype(np.int64)
    cy0 = np.floor((miny - y0) / size).astype(np.int64)
    cy1 = np.floor((maxy - y0) / size).astype(np.int64)
    ncx = int(cx1.max()) + 1
    nx = cx1 - cx0 + 1
    ny = cy1 - cy0 + 1
    cells = nx * ny
    ids = np.repeat(np.arange(n, dtype=np.int64), cells)
    k = np.arange(len(ids), dtype=np.int64) - np.repeat(np.cumsum(cells) - cells, cells)
    gx = cx0[ids] + k % nx[ids]
    gy = cy0[ids] + k // nx[ids]
    key = gy * ncx + gx
    order = np.argsort(key, kind="stable")
    key = key[order]
    ids = ids[order]
    boundaries = np.flatnonzero(np.diff(key)) + 1
    group_start = np.concatenate(([0], boundaries))
    group_end = np.concatenate((boundaries, [len(key)]))
    group_of = np.repeat(np.arange(len(group_start)), group_end - group_start)
    partners = group_end[group_of] - np.arange(len(key)) - 1
    total = int(partners.sum())
    if total == 0:
        return empty
    left = np.repeat(np.arange(len(key), dtype=np.int64), partners)
    step = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(partners) - partners, partners)
    right = left + 1 + step
    a, b = ids[left], ids[right]
    cell_key = key[left]
    ix0 = np.maximum(minx[a], minx[b])
    iy0 = np.maximum(miny[a], miny[b])
    ix1 = np.minimum(maxx[a], maxx[b])
    iy1 = np.minimum(maxy[a], maxy[b])
    w = ix1 - ix0
    h = iy1 - iy0
    keep = (w > 0) & (h > 0) & (w * h >= min_overlap_area)
    ref = np.floor((iy0 - y0) / size).astype(np.int64) * ncx + np.floor((ix0 - x0) / size).astype(
        np.int64
    )
    keep &= ref == cell_key
    a, b = a[keep], b[keep]
    lo = np.minimum(a, b)
    hi = np.maximum(a, b)
    return lo, hi


# --------------------------------------------------------------------------- convex clip
def rings_padded(wkb: Sequence[bytes], max_edges: int = MAX_VECTOR_EDGES):
    """Vertices of one-ring polygons as padded rows (for pairwise numpy work).

    Returns (ok, px, py, edges, sign, convex): ``ok`` marks simple layouts with
    at most ``max_edges`` edges; ``px``/``py`` (n, max edges + 1) hold the closed
    ring (row padded with its first vertex); ``sign`` is the orientation (+1
    counter-clockwise); ``convex`` marks rings turning one way only (collinear
    vertices allowed within a relative 1e-12 tolerance).  Only meaningful for
    rings already known valid (simple).
    """
    simple, x, y, ring_start, counts = vertex_arrays(wkb)
    n = len(wkb)
    sel = np.flatnonzero(simple)
    edges_all = counts - 1
    fits = (edges_all <= max_edges) & (edges_all >= 3)
    sel, ring_start, counts = sel[fits], ring_start[fits], counts[fits]
    ok = np.zeros(n, dtype=bool)
    ok[sel] = True
    edges = np.zeros(n, dtype=np.int64)
    edges[sel] = counts - 1
    width = int(edges.max()) + 1 if len(sel) else 1
    px = np.zeros((n, width))
    py = np.zeros((n, width))
    sign = np.ones(n)
    convex = np.zeros(n, dtype=bool)
    if not len(sel):
        return ok, px, py, edges, sign, convex
    col = np.arange(width)
    # row r, column c -> vertex min(c, edges) (the closing vertex repeats)
    take = ring_start[:, None] + np.minimum(col[None, :], (counts - 1)[:, None])
    rx, ry = x[take], y[take]
    ox, oy = rx[:, :1], ry[:, :1]
    lx, ly = rx - ox, ry - oy
    m = counts - 1
    nxt = np.minimum(col[None, :-1] + 1, m[:, None])
    lx_n = np.take_along_axis(lx, nxt, 1)
    ly_n = np.take_along_axis(ly, nxt, 1)
    area2 = (lx[:, :-1] * ly_n - lx_n * ly[:, :-1]).sum(1)
    s = np.where(area2 >= 0, 1.0, -1.0)
    # edge vectors d_j = v_{j+1} - v_j, j < m; turn at v_j: cross(d_{j-1}, d_j)
    dx, dy = lx_n - lx[:, :-1], ly_n - ly[:, :-1]
    prev = np.where(col[None, :-1] == 0, (m - 1)[:, None], col[None, :-1] - 1)
    pdx = np.take_along_axis(dx, prev, 1)
    pdy = np.take_along_axis(dy, prev, 1)
    turn = (pdx * dy - pdy * dx) * s[:, None]
    scale = np.maximum(lx.max(1) - lx.min(1), ly.max(1) - ly.min(1))
    eps = 1e-12 * scale * scale
    active = col[None, :-1] < m[:, None]
    conv = ((turn >= -eps[:, None]) | ~active).all(1) & (np.abs(area2) > 0)
    px[sel], py[sel] = rx, ry
    sign[sel] = s
    convex[sel] = conv
    return ok, px, py, edges, sign, convex


def clip_convex(
    ax: np.ndarray,
    ay: np.ndarray,
    acount: np.ndarray,
    bx: np.ndarray,
    by: np.ndarray,
    bcount: np.ndarray,
    bsign: np.ndarray,
) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sutherland–Hodgman, one row per pair: subject ring a (vertices without
    the closing one, ``acount`` used) clipped by the convex ring b (closed rows,
    ``bcount`` edges, orientation ``bsign``).

    Returns padded (x, y, count) of the result.  Its signed area is exactly the
    area of a ∩ b for any simple subject (clipping by a half-plane keeps the
    winding number of every point inside it); the ring itself is the
    intersection polygon when the subject is convex too.
    """
    p, wa = ax.shape
    width = wa + int(bcount.max()) + 1 if p else wa + 1
    cx = np.zeros((p, width))
    cy = np.zeros((p, width))
    cx[:, :wa], cy[:, :wa] = ax, ay
    count = acount.astype(np.int64).copy()
    col = np.arange(width)[None, :]
    rows = np.arange(p)[:, None]
    for e in range(int(bcount.max()) if p else 0):
        active = e < bcount
        ex0, ey0 = bx[:, e][:, None], by[:, e][:, None]
        ux = (bx[:, e + 1] - bx[:, e])[:, None]
        uy = (by[:, e + 1] - by[:, e])[:, None]
        s = (ux * (cy - ey0) - uy * (cx - ex0)) * bsign[:, None]
        s[~active] = 1.0
        valid = col < count[:, None]
        prev = np.where(col == 0, np.maximum(count - 1, 0)[:, None], col - 1)
        s_prev = np.take_along_axis(s, prev, 1)
        inside = s >= 0
        inside_prev = s_prev >= 0
        crossing = (inside != inside_prev) & valid
        keep = inside & valid
        emit = crossing.astype(np.int64) + keep
        pos = np.cumsum(emit, axis=1) - emit
        new_count = emit.sum(1)
        nx = np.zeros_like(cx)
        ny = np.zeros_like(cy)
        if crossing.any():
            r, c = np.nonzero(crossing)
            pc = prev[r, c]
            sp, sc = s_prev[r, c], s[r, c]
            t = sp / (sp - sc)
            x0, y0 = cx[r, pc], cy[r, pc]
            nx[r, pos[r, c]] = x0 + t * (cx[r, c] - x0)
            ny[r, pos[r, c]] = y0 + t * (cy[r, c] - y0)
        r, c = np.nonzero(keep)
        at = pos[r, c] + crossing[r, c]
        nx[r, at] = cx[r, c]
        ny[r, at] = cy[r, c]
        cx, cy, count = nx, ny, new_count
    del rows
    return cx, cy, count


def padded_area(x: np.ndarray, y: np.ndarray, count: np.ndarray) -> np.ndarray:
    """Absolute shoelace area of padded open rings (``count`` vertices used)."""
    p, width = x.shape
    if p == 0:
        return np.zeros(0)
    col = np.arange(width)[None, :]
    valid = col < count[:, None]
    lx = np.where(valid, x - x[:, :1], 0.0)
    ly = np.where(valid, y - y[:, :1], 0.0)
    nxt = np.where(col + 1 < count[:, None], col + 1, 0)
    nxt = np.minimum(nxt, width - 1)
    lx_n = np.take_along_axis(lx, nxt, 1)
    ly_n = np.take_along_axis(ly, nxt, 1)
    term = np.where(valid, lx * ly_n - lx_n * ly, 0.0)
    return np.abs(term.sum(1)) / 2.0


def polygon_wkbs(x: np.ndarray, y: np.ndarray, count: np.ndarray) -> List[bytes]:
    """2D little-endian Polygon WKBs of padded open rings (closed here), vectorised."""
    p = len(count)
    if p == 0:
        return []
    count = count.astype(np.int64)
    points = count + 1
    sizes = 13 + 16 * points
    ends = np.cumsum(sizes)
    starts = ends - sizes
    buf = np.zeros(int(ends[-1]), dtype=np.uint8)
    header = np.zeros((p, 13), dtype=np.uint8)
    header[:, 0] = 1
    header[:, 1] = 3
    header[:, 5] = 1
    header[:, 9:13] = points.astype("<u4").view(np.uint8).reshape(p, 4)
    buf[(starts[:, None] + np.arange(13)[None, :]).ravel()] = header.ravel()
    # vertex k of row r (k == count: the first again) at starts + 13 + 16 k
    total = int(points.sum())
    row = np.repeat(np.arange(p), points)
    k = np.arange(total) - np.repeat(np.cumsum(points) - points, points)
    src = np.where(k < count[row], k, 0)
    coords = np.empty((total, 2), dtype="<f8")
    coords[:, 0] = x[row, src]
    coords[:, 1] = y[row, src]
    at = (starts[row] + 13 + 16 * k)[:, None] + np.arange(16)[None, :]
    buf[at.ravel()] = coords.view(np.uint8).ravel()
    raw = buf.tobytes()
    return [raw[a:b] for a, b in zip(starts.tolist(), ends.tolist())]
