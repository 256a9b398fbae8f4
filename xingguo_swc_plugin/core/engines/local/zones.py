"""Townships as a zoning for fast statistics: which township holds a feature.

Why this exists: most parcels lie wholly inside one township and need no
intersection at all.  The townships are rasterised once on a grid (GDAL, in
memory): a cell that no township boundary touches lies wholly inside one
township (or outside all).  A feature whose bounding box covers only cells of a
single label is decided by two prefix-sum look-ups (numpy, vectorised).  Only the
rest is intersected — with township pieces cut to small tiles, so GEOS works on
a few dozen vertices instead of a township's thousands.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsGeometry,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ....domain.townships import TOWNSHIPS_BY_CODE
from ....translation import tr
from ...errors import InputError
from ...sources import with_sniffed_encoding
from ...values import text

#: Labels of grid cells besides township indexes.
BORDER = -1
OUTSIDE = -2
#: Grid cells along the longer side; tiles (township pieces for GEOS) per side.
GRID_CELLS = 1500
TILES = 80
#: Tiles per block side (township pieces are cut per block, then per tile).
BLOCK = 8


@dataclass
class Township:
    code: str
    name: str
    geometry: QgsGeometry  # in the computation CRS, valid


def computation_crs(layer_crs: QgsCoordinateReferenceSystem) -> QgsCoordinateReferenceSystem:
    """The CRS statistics are computed in: the input's if projected, else EPSG:4547."""
    from ....domain.thresholds import CRS_PROJECTED

    if layer_crs.isValid() and not layer_crs.isGeographic():
        return layer_crs
    return QgsCoordinateReferenceSystem(CRS_PROJECTED)


def require_features(layer: Optional[QgsVectorLayer], role: str) -> QgsVectorLayer:
    """Clear errors for a missing, invalid, non-polygon or empty layer."""
    if layer is None or not layer.isValid():
        raise InputError(tr("The {0} layer is missing or cannot be read.").format(role))
    if layer.geometryType() != QgsWkbTypes.PolygonGeometry:
        raise InputError(tr("The {0} layer {1} is not a polygon layer.").format(role, layer.name()))
    if layer.featureCount() == 0:
        raise InputError(
            tr("The {0} layer {1} is empty: it has no features.").format(role, layer.name())
        )
    return layer


def read_townships(
    layer: QgsVectorLayer,
    code_field: str,
    crs: QgsCoordinateReferenceSystem,
    context: Optional[QgsCoordinateTransformContext] = None,
    feedback=None,
) -> List[Township]:
    """Townships with unique codes, geometry in ``crs`` and made valid.

    Raises InputError for a missing field, NULL or duplicate codes, an empty layer.
    """
    require_features(layer, tr("townships"))
    layer = with_sniffed_encoding(layer)  # GBK names without .cpg (issue 13)
    fields = layer.fields()
    index = fields.lookupField(code_field)
    if index < 0:
        raise InputError(
            tr("The townships layer {0} has no field {1}; its fields are: {2}.").format(
                layer.name(), code_field, ", ".join(fields.names())
            )
        )
    # township name, else a small watershed's name (zones of the workspace table)
    name_index = fields.lookupField("xzqmc")
    if name_index < 0:
        name_index = fields.lookupField("lymc")
    transform = None
    if layer.crs() != crs:
        transform = QgsCoordinateTransform(
            layer.crs(), crs, context or QgsCoordinateTransformContext()
        )
    result: List[Township] = []
    for feature in layer.getFeatures(QgsFeatureRequest()):
        code = text(feature.attribute(index))  # 12.0 -> '12', trimmed, NULL -> ''
        if not code:
            raise InputError(
                tr("Township feature {0} has no code in field {1}.").format(
                    feature.id(), code_field
                )
            )
        geometry = QgsGeometry(feature.geometry())
        if geometry.isNull() or geometry.isEmpty():
            if feedback is not None:
                feedback.reportError(tr("Township {0} has no geometry; skipped.").format(code))
            continue
        if transform is not None:
            geometry.transform(transform)
        if not geometry.isGeosValid():
            geometry = geometry.makeValid()
        name = ""
        if name_index >= 0 and feature.attribute(name_index) not in (None, ""):
            name = str(feature.attribute(name_index))
        elif code in TOWNSHIPS_BY_CODE:
            name = TOWNSHIPS_BY_CODE[code].xzqmc
        result.append(Township(code, name, geometry))
    duplicates = sorted(
        code for code, count in Counter(t.code for t in result).items() if count > 1
    )
    if duplicates:
        raise InputError(
            tr("Township codes must be unique; repeated in field {0}: {1}.").format(
                code_field, ", ".join(duplicates)
            )
        )
    if not result:
        raise InputError(tr("The townships layer {0} has no geometries.").format(layer.name()))
    result.sort(key=lambda t: t.code)
    check_zoning(result, layer.name(), feedback)
    return result


#: Shared area (m², or CRS units²) above which two townships overlap.
OVERLAP_TOLERANCE = 1.0


def check_zoning(towns: List[Township], name: str, feedback=None) -> None:
    """Refuse overlapping townships (the county row would count the shared
    land twice); report gaps (holes in their union) as a warning.

    Why here: every statistic reads the townships through ``read_townships``,
    so the zoning is checked once for all of them.
    """
    boxes = [t.geometry.boundingBox() for t in towns]
    overlaps = []
    for i in range(len(towns)):
        for j in range(i + 1, len(towns)):
            if not boxes[i].intersects(boxes[j]):
                continue
            shared = towns[i].geometry.intersection(towns[j].geometry)
            if shared is not None and not shared.isEmpty() and shared.area() > OVERLAP_TOLERANCE:
                overlaps.append((towns[i].code, towns[j].code, shared.area()))
    if overlaps:
        raise InputError(
            tr(
                "The townships of {0} overlap: {1}. The county row would count "
                "the shared land twice; correct the township boundaries."
            ).format(
                name,
                "; ".join(
                    "{0} / {1} ({2:.1f} m²)".format(a, b, area) for a, b, area in overlaps[:10]
                ),
            )
        )
    if feedback is None:
        return
    union = QgsGeometry.unaryUnion([t.geometry for t in towns])
    gaps = 0.0
    for part in union.asGeometryCollection() if union.isMultipart() else [union]:
        polygon = part.constGet()
        for k in range(getattr(polygon, "numInteriorRings", lambda: 0)()):
            gaps += _ring_area(polygon.interiorRing(k))
    if gaps > OVERLAP_TOLERANCE:
        feedback.reportError(
            tr(
                "The townships of {0} leave gaps of {1} m² between them: "
                "features there count in no township."
            ).format(name, "{0:.1f}".format(gaps))
        )


def _ring_area(ring) -> float:
    from qgis.core import QgsPolygon

    polygon = QgsPolygon()
    polygon.setExteriorRing(ring.clone())
    return abs(polygon.area())


class Zoning:
    """Grid labels and tiles of a list of townships (all in one projected CRS)."""

    def __init__(self, townships: List[Township]):
        self.townships = townships
        boxes = [t.geometry.boundingBox() for t in townships]
        self.bbox = np.array(
            [[b.xMinimum(), b.yMinimum(), b.xMaximum(), b.yMaximum()] for b in boxes]
        )
        x0, y0 = self.bbox[:, 0].min(), self.bbox[:, 1].min()
        x1, y1 = self.bbox[:, 2].max(), self.bbox[:, 3].max()
        cell = max(x1 - x0, y1 - y0, 1e-6) / GRID_CELLS
        # one empty cell of margin on every side: out-of-grid reads as OUTSIDE
        self.x0, self.y0, self.cell = x0 - 2 * cell, y0 - 2 * cell, cell
        self.nx = int(np.ceil((x1 - self.x0) / cell)) + 3
        self.ny = int(np.ceil((y1 - self.y0) / cell)) + 3
        self.labels = self._rasterize()
        diff_x = self.labels[:, 1:] != self.labels[:, :-1]
        diff_y = self.labels[1:, :] != self.labels[:-1, :]
        self._sum_x = _prefix(diff_x)
        self._sum_y = _prefix(diff_y)
        self._tiles: Dict[Tuple[int, int], list] = {}
        self._blocks: Dict[Tuple[int, int, int], Optional[Tuple[QgsGeometry, bool]]] = {}
        self._block_engines: Dict[Tuple[int, int, int], object] = {}
        self._engines: Dict[int, object] = {}
        self.tile = max(x1 - x0, y1 - y0, 1e-6) / TILES

    # -- grid ---------------------------------------------------------------
    def _rasterize(self) -> np.ndarray:
        from osgeo import gdal, ogr

        memory = gdal.GetDriverByName("MEM")
        geo = (self.x0, self.cell, 0.0, self.y0 + self.ny * self.cell, 0.0, -self.cell)

        def raster(fill: int) -> gdal.Dataset:
            dataset = memory.Create("", self.nx, self.ny, 1, gdal.GDT_Int16)
            dataset.SetGeoTransform(geo)
            dataset.GetRasterBand(1).Fill(fill)
            return dataset

        source = ogr.GetDriverByName("Memory").CreateDataSource("zones")
        polygons = source.CreateLayer("polygons", None, ogr.wkbUnknown)
        polygons.CreateField(ogr.FieldDefn("k", ogr.OFTInteger))
        borders = source.CreateLayer("borders", None, ogr.wkbUnknown)
        for k, township in enumerate(self.townships):
            feature = ogr.Feature(polygons.GetLayerDefn())
            feature.SetGeometry(ogr.CreateGeometryFromWkb(bytes(township.geometry.asWkb())))
            feature.SetField("k", k)
            polygons.CreateFeature(feature)
            boundary = QgsGeometry(township.geometry.constGet().boundary())
            line = ogr.Feature(borders.GetLayerDefn())
            line.SetGeometry(ogr.CreateGeometryFromWkb(bytes(boundary.asWkb())))
            borders.CreateFeature(line)
        label_ds = raster(OUTSIDE)
        count_ds = raster(0)
        border_ds = raster(0)
        gdal.PushErrorHandler("CPLQuietErrorHandler")  # no SRS on purpose: same CRS
        try:
            gdal.RasterizeLayer(label_ds, [1], polygons, options=["ATTRIBUTE=k"])
            gdal.RasterizeLayer(count_ds, [1], polygons, burn_values=[1], options=["MERGE_ALG=ADD"])
            gdal.RasterizeLayer(
                border_ds, [1], borders, burn_values=[1], options=["ALL_TOUCHED=TRUE"]
            )
        finally:
            gdal.PopErrorHandler()
        labels = label_ds.GetRasterBand(1).ReadAsArray()[::-1].astype(np.int16)
        overlap = count_ds.GetRasterBand(1).ReadAsArray()[::-1] > 1
        border = border_ds.GetRasterBand(1).ReadAsArray()[::-1] > 0
        # dilate by one cell: rounding in the line walk never hides a border
        grown = border.copy()
        grown[1:, :] |= border[:-1, :]
        grown[:-1, :] |= border[1:, :]
        grown[:, 1:] |= border[:, :-1]
        grown[:, :-1] |= border[:, 1:]
        grown[1:, 1:] |= border[:-1, :-1]
        grown[:-1, :-1] |= border[1:, 1:]
        grown[1:, :-1] |= border[:-1, 1:]
        grown[:-1, 1:] |= border[1:, :-1]
        labels[grown | overlap] = BORDER
        labels[0, :] = labels[-1, :] = OUTSIDE
        labels[:, 0] = labels[:, -1] = OUTSIDE
        return labels

    def classify(
        self, minx: np.ndarray, miny: np.ndarray, maxx: np.ndarray, maxy: np.ndarray
    ) -> np.ndarray:
        """Per box: township index if wholly inside it, OUTSIDE, or BORDER (unsure)."""
        ix0 = np.clip(np.floor((minx - self.x0) / self.cell), 0, self.nx - 1).astype(np.int64)
        ix1 = np.clip(np.floor((maxx - self.x0) / self.cell), 0, self.nx - 1).astype(np.int64)
        iy0 = np.clip(np.floor((miny - self.y0) / self.cell), 0, self.ny - 1).astype(np.int64)
        iy1 = np.clip(np.floor((maxy - self.y0) / self.cell), 0, self.ny - 1).astype(np.int64)
        changes = _block_sum(self._sum_x, iy0, iy1, ix0, ix1 - 1) + _block_sum(
            self._sum_y, iy0, iy1 - 1, ix0, ix1
        )
        label = self.labels[iy0, ix0].astype(np.int64)
        return np.where(changes == 0, label, BORDER)

    # -- refining the grid's border cases ----------------------------------------
    def _segments(self) -> Optional[Tuple[np.ndarray, ...]]:
        """Township boundary segments (x0, y0, x1, y1), None if a township is not
        plain polygons (then nothing is refined)."""
        if not hasattr(self, "_segment_arrays"):
            xs0, ys0, xs1, ys1 = [], [], [], []
            result = None
            try:
                for township in self.townships:
                    geometry = township.geometry
                    if QgsWkbTypes.geometryType(geometry.wkbType()) != QgsWkbTypes.PolygonGeometry:
                        raise ValueError
                    polygons = (
                        geometry.asMultiPolygon()
                        if geometry.isMultipart()
                        else [geometry.asPolygon()]
                    )
                    if not polygons or not all(polygons):
                        raise ValueError
                    for polygon in polygons:
                        for ring in polygon:
                            xy = np.array([(p.x(), p.y()) for p in ring], dtype=float)
                            if len(xy) < 2:
                                continue
                            xs0.append(xy[:-1, 0])
                            ys0.append(xy[:-1, 1])
                            xs1.append(xy[1:, 0])
                            ys1.append(xy[1:, 1])
                if xs0:
                    result = tuple(np.concatenate(v) for v in (xs0, ys0, xs1, ys1))
            except (ValueError, TypeError):
                result = None
            self._segment_arrays = result
        return self._segment_arrays

    def refine(self, wkb: List[bytes]) -> Tuple[np.ndarray, np.ndarray]:
        """Second look at features the grid could not decide (valid geometries).

        A numpy test of the feature's edges against the township boundary
        segments near it: a feature that no boundary touches (within a
        tolerance; doubt counts as touching) lies in one township's interior —
        found from one vertex (grid cell, else a prepared point-in-polygon
        test) — or outside all.  Returns (label, touched): the label is a
        township index, OUTSIDE or BORDER (still to split); ``touched`` marks
        features a boundary touches (no tile piece can be skipped as whole).
        """
        from . import bulk

        n = len(wkb)
        label = np.full(n, BORDER, dtype=np.int64)
        touched = np.ones(n, dtype=bool)
        segments = self._segments()
        if n == 0 or segments is None:
            return label, touched
        ok, px, py, edges, _sign, _convex = bulk.rings_padded(wkb)
        rows = np.flatnonzero(ok)
        if not len(rows):
            return label, touched
        px, py, edges = px[rows], py[rows], edges[rows]
        width = px.shape[1]
        col = np.arange(width)[None, :]
        valid_col = col < (edges + 1)[:, None]
        big = np.where(valid_col, px, np.inf)
        minx = big.min(1)
        miny = np.where(valid_col, py, np.inf).min(1)
        maxx = np.where(valid_col, px, -np.inf).max(1)
        maxy = np.where(valid_col, py, -np.inf).max(1)
        size = np.maximum(maxx - minx, maxy - miny)
        tol = 1e-7 * size + 1e-9  # distance tolerance: nearer counts as touching
        sx0, sy0, sx1, sy1 = segments
        # grid hash of segments; cell ~ the typical feature
        cell = max(float(np.median(size)), 1e-6)
        ox = float(min(minx.min(), np.minimum(sx0, sx1).min())) - cell
        oy = float(min(miny.min(), np.minimum(sy0, sy1).min())) - cell
        s_cx0 = np.floor((np.minimum(sx0, sx1) - ox) / cell).astype(np.int64)
        s_cx1 = np.floor((np.maximum(sx0, sx1) - ox) / cell).astype(np.int64)
        s_cy0 = np.floor((np.minimum(sy0, sy1) - oy) / cell).astype(np.int64)
        s_cy1 = np.floor((np.maximum(sy0, sy1) - oy) / cell).astype(np.int64)
        p_cx0 = np.floor((minx - tol - ox) / cell).astype(np.int64)
        p_cx1 = np.floor((maxx + tol - ox) / cell).astype(np.int64)
        p_cy0 = np.floor((miny - tol - oy) / cell).astype(np.int64)
        p_cy1 = np.floor((maxy + tol - oy) / cell).astype(np.int64)
        ncx = int(max(s_cx1.max(), p_cx1.max())) + 2
        seg_id, seg_key = _cells(s_cx0, s_cx1, s_cy0, s_cy1, ncx)
        order = np.argsort(seg_key, kind="stable")
        seg_id, seg_key = seg_id[order], seg_key[order]
        par_id, par_key = _cells(p_cx0, p_cx1, p_cy0, p_cy1, ncx)
        lo = np.searchsorted(seg_key, par_key, "left")
        hi = np.searchsorted(seg_key, par_key, "right")
        many = hi - lo
        pa = np.repeat(par_id, many)
        step = np.arange(int(many.sum()), dtype=np.int64) - np.repeat(np.cumsum(many) - many, many)
        sg = seg_id[np.repeat(lo, many) + step]
        if len(pa):
            pair = np.unique(pa * len(sx0) + sg)
            pa, sg = pair // len(sx0), pair % len(sx0)
        hit = np.zeros(len(rows), dtype=bool)
        # segment bbox against feature bbox (with the tolerance)
        near = (
            (np.maximum(sx0[sg], sx1[sg]) >= minx[pa] - tol[pa])
            & (np.minimum(sx0[sg], sx1[sg]) <= maxx[pa] + tol[pa])
            & (np.maximum(sy0[sg], sy1[sg]) >= miny[pa] - tol[pa])
            & (np.minimum(sy0[sg], sy1[sg]) <= maxy[pa] + tol[pa])
        )
        pa, sg = pa[near], sg[near]
        chunk = max(1, 262_144 // width)  # bounds the temporaries
        for start in range(0, len(pa), chunk):
            a, g = pa[start : start + chunk], sg[start : start + chunk]
            hit[a[_touches(px[a], py[a], edges[a], sx0[g], sy0[g], sx1[g], sy1[g], tol[a])]] = True
        free = np.flatnonzero(~hit)
        touched[rows[free]] = False
        label[rows[free]] = self._point_labels(px[free, 0], py[free, 0])
        return label, touched

    def _point_labels(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Township of points known to lie on no boundary: grid cell when it is
        not a border cell, else prepared GEOS tests; BORDER when in two."""
        from qgis.core import QgsPoint

        ix = np.clip(np.floor((x - self.x0) / self.cell), 0, self.nx - 1).astype(np.int64)
        iy = np.clip(np.floor((y - self.y0) / self.cell), 0, self.ny - 1).astype(np.int64)
        label = self.labels[iy, ix].astype(np.int64)
        for i in np.flatnonzero(label == BORDER).tolist():
            px, py = float(x[i]), float(y[i])
            near = np.flatnonzero(
                (self.bbox[:, 0] <= px)
                & (self.bbox[:, 2] >= px)
                & (self.bbox[:, 1] <= py)
                & (self.bbox[:, 3] >= py)
            )
            point = QgsPoint(px, py)
            inside = [k for k in near.tolist() if self._engine(k).contains(point)]
            label[i] = inside[0] if len(inside) == 1 else (OUTSIDE if not inside else BORDER)
        return label

    # -- numpy split -------------------------------------------------------------
    def _tile_rings(self, tx: int, ty: int) -> Optional[list]:
        """[(township, x, y, sign)] open rings of a tile's pieces (sign -1: hole);
        None when a piece is not plain polygons."""
        cache = self.__dict__.setdefault("_rings", {})
        key = (tx, ty)
        if key not in cache:
            rings: Optional[list] = []
            for k, piece, _whole, _engine in self._tile(tx, ty):
                if QgsWkbTypes.geometryType(piece.wkbType()) != QgsWkbTypes.PolygonGeometry:
                    rings = None
                    break
                polygons = piece.asMultiPolygon() if piece.isMultipart() else [piece.asPolygon()]
                if not polygons or not all(polygons):
                    rings = None
                    break
                for polygon in polygons:
                    for r, ring in enumerate(polygon):
                        xy = np.array([(p.x(), p.y()) for p in ring], dtype=float)[:-1]
                        if len(xy) >= 3:
                            rings.append((k, xy[:, 0], xy[:, 1], -1.0 if r else 1.0))
            cache[key] = rings
        return cache[key]

    def split_areas(self, wkb: List[bytes]):
        """Areas (CRS units²) of features in each township, with numpy.

        For star-shaped one-ring features (valid; ``bulk`` checks the shape):
        the feature is a fan of triangles around its vertex mean, and each
        township piece ring near it is clipped (Sutherland–Hodgman, the clipper
        convex) first by the feature's box, then by every triangle; the clipped
        areas add up exactly (holes subtracted).  Returns (done, item, township,
        area): ``done`` marks features decided here; the rest, or a doubtful
        sliver, go to GEOS (``split``).
        """
        from . import bulk

        n = len(wkb)
        done = np.zeros(n, dtype=bool)
        nothing = (done, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0))
        if n == 0:
            return nothing
        simple, x, y, ring_start, counts = bulk.vertex_arrays(wkb)
        sel = np.flatnonzero(simple)
        if not len(sel):
            return nothing
        star = bulk.star_shaped(x, y, ring_start, counts) & (counts - 1 <= bulk.MAX_VECTOR_EDGES)
        items = sel[star]
        starts, cnts = ring_start[star], counts[star]
        if not len(items):
            return nothing
        minx = np.minimum.reduceat(x, ring_start)[star]
        maxx = np.maximum.reduceat(x, ring_start)[star]
        miny = np.minimum.reduceat(y, ring_start)[star]
        maxy = np.maximum.reduceat(y, ring_start)[star]
        tx0 = np.floor((minx - self.x0) / self.tile).astype(np.int64)
        tx1 = np.floor((maxx - self.x0) / self.tile).astype(np.int64)
        ty0 = np.floor((miny - self.y0) / self.tile).astype(np.int64)
        ty1 = np.floor((maxy - self.y0) / self.tile).astype(np.int64)
        ring_index: Dict[int, int] = {}
        ring_list: list = []
        pair_item: List[int] = []
        pair_ring: List[int] = []
        usable = np.ones(len(items), dtype=bool)
        for j in range(len(items)):
            for tx in range(int(tx0[j]), int(tx1[j]) + 1):
                for ty in range(int(ty0[j]), int(ty1[j]) + 1):
                    rings = self._tile_rings(tx, ty)
                    if rings is None:
                        usable[j] = False
                        continue
                    for ring in rings:
                        r = ring_index.get(id(ring))
                        if r is None:
                            r = ring_index[id(ring)] = len(ring_list)
                            ring_list.append(ring)
                        pair_item.append(j)
                        pair_ring.append(r)
        pi = np.asarray(pair_item, dtype=np.int64)
        pr = np.asarray(pair_ring, dtype=np.int64)
        if len(pi):
            keep = usable[pi]
            pi, pr = pi[keep], pr[keep]
        # ring store (open rings, padded)
        r_count = np.array([len(ring[1]) for ring in ring_list], dtype=np.int64)
        r_town = np.array([ring[0] for ring in ring_list], dtype=np.int64)
        r_sign = np.array([ring[3] for ring in ring_list])
        r_minx = np.array([ring[1].min() for ring in ring_list]) if ring_list else np.zeros(0)
        r_maxx = np.array([ring[1].max() for ring in ring_list]) if ring_list else np.zeros(0)
        r_miny = np.array([ring[2].min() for ring in ring_list]) if ring_list else np.zeros(0)
        r_maxy = np.array([ring[2].max() for ring in ring_list]) if ring_list else np.zeros(0)
        if len(pi):
            keep = (
                (r_minx[pr] < maxx[pi])
                & (r_maxx[pr] > minx[pi])
                & (r_miny[pr] < maxy[pi])
                & (r_maxy[pr] > miny[pi])
            )
            pi, pr = pi[keep], pr[keep]
        area_acc = np.zeros(len(pi))
        # 1) ring clipped by the feature's box (smaller subjects for step 2)
        order = np.argsort(r_count[pr], kind="stable") if len(pi) else np.zeros(0, np.int64)
        box_x = np.column_stack([minx, maxx, maxx, minx, minx])
        box_y = np.column_stack([miny, miny, maxy, maxy, miny])
        clipped = []  # (pair rows, cx, cy, count)
        chunk = 8192
        for lo in range(0, len(order), chunk):
            rows = order[lo : lo + chunk]
            width = int(r_count[pr[rows]].max())
            ax = np.zeros((len(rows), width))
            ay = np.zeros((len(rows), width))
            for c, r in enumerate(pr[rows].tolist()):
                ring = ring_list[r]
                ax[c, : len(ring[1])] = ring[1]
                ay[c, : len(ring[2])] = ring[2]
            it = pi[rows]
            cx, cy, cnt = bulk.clip_convex(
                ax,
                ay,
                r_count[pr[rows]],
                box_x[it],
                box_y[it],
                np.full(len(rows), 4),
                np.ones(len(rows)),
            )
            live = cnt >= 3
            if live.any():
                w = int(cnt[live].max())
                clipped.append((rows[live], cx[live, :w], cy[live, :w], cnt[live]))
        # 2) every fan triangle of the feature clips the boxed ring
        cm_x = (np.add.reduceat(x, ring_start)[star] - x[starts + cnts - 1]) / (cnts - 1)
        cm_y = (np.add.reduceat(y, ring_start)[star] - y[starts + cnts - 1]) / (cnts - 1)
        for rows, cx, cy, cnt in clipped:
            it = pi[rows]
            m = cnts[it] - 1
            tri_pair = np.repeat(np.arange(len(rows)), m)
            t = np.arange(int(m.sum())) - np.repeat(np.cumsum(m) - m, m)
            v0 = starts[it][tri_pair] + t
            tx_ = np.column_stack([cm_x[it][tri_pair], x[v0], x[v0 + 1], cm_x[it][tri_pair]])
            ty_ = np.column_stack([cm_y[it][tri_pair], y[v0], y[v0 + 1], cm_y[it][tri_pair]])
            orient = (tx_[:, 1] - tx_[:, 0]) * (ty_[:, 2] - ty_[:, 0]) - (ty_[:, 1] - ty_[:, 0]) * (
                tx_[:, 2] - tx_[:, 0]
            )
            tsign = np.where(orient >= 0, 1.0, -1.0)
            step = 32768
            for lo in range(0, len(tri_pair), step):
                sl = slice(lo, lo + step)
                tp = tri_pair[sl]
                ox, oy, oc = bulk.clip_convex(
                    cx[tp], cy[tp], cnt[tp], tx_[sl], ty_[sl], np.full(len(tp), 3), tsign[sl]
                )
                np.add.at(area_acc, rows[tp], bulk.padded_area(ox, oy, oc))
        area_acc *= r_sign[pr] if len(pr) else 1.0
        # per feature × township
        n_towns = len(self.townships)
        key = pi * n_towns + r_town[pr] if len(pi) else np.zeros(0, np.int64)
        ukey, inverse = np.unique(key, return_inverse=True)
        totals = np.bincount(inverse, weights=area_acc, minlength=len(ukey))
        u_item = ukey // n_towns
        u_town = ukey % n_towns
        # feature areas (shoelace) for the sliver test
        lx = x - np.repeat(x[ring_start], counts)
        ly = y - np.repeat(y[ring_start], counts)
        term = np.zeros(len(x))
        term[:-1] = lx[:-1] * ly[1:] - lx[1:] * ly[:-1]
        term[ring_start + counts - 1] = 0.0
        feature_area = (np.abs(np.add.reduceat(term, ring_start)) / 2.0)[star]
        tiny = 1e-9 * feature_area[u_item]
        doubt = np.zeros(len(items), dtype=bool)
        doubt[u_item[(totals < tiny) & (totals > -tiny) & (totals != 0)]] = True
        doubt[u_item[totals <= -tiny]] = True
        decided = usable & ~doubt
        done[items[decided]] = True
        good = decided[u_item] & (totals >= tiny)
        return done, items[u_item[good]], u_town[good], totals[good]

    # -- exact split ----------------------------------------------------------
    def _engine(self, k: int):
        engine = self._engines.get(k)
        if engine is None:
            engine = QgsGeometry.createGeometryEngine(self.townships[k].geometry.constGet())
            engine.prepareGeometry()
            self._engines[k] = engine
        return engine

    def _block(self, k: int, bx: int, by: int) -> Optional[Tuple[QgsGeometry, bool]]:
        """(township k ∩ block of BLOCK×BLOCK tiles, whole block), None if disjoint.

        Two levels keep GEOS inputs small: a township's thousands of vertices
        are clipped once per block, tiles are cut from the block's piece.
        """
        key = (k, bx, by)
        if key not in self._blocks:
            size = self.tile * BLOCK
            x0, y0 = self.x0 + bx * size, self.y0 + by * size
            value = self._cut(
                self.townships[k].geometry,
                self._engine(k),
                QgsRectangle(x0, y0, x0 + size, y0 + size),
            )
            self._blocks[key] = value
        return self._blocks[key]

    @staticmethod
    def _cut(
        geometry: QgsGeometry, engine, box: QgsRectangle
    ) -> Optional[Tuple[QgsGeometry, bool]]:
        rect = QgsGeometry.fromRect(box)
        if not engine.intersects(rect.constGet()):
            return None
        if engine.contains(rect.constGet()):
            return rect, True
        made = engine.intersection(rect.constGet())  # engine: no new GEOS copy
        if made is None:
            return None
        piece = QgsGeometry(made)
        if piece.isEmpty() or piece.area() <= 0:
            return None
        return piece, False

    def _tile(self, tx: int, ty: int) -> list:
        """[(township, piece, whole tile, prepared engine)] of one tile."""
        key = (tx, ty)
        pieces = self._tiles.get(key)
        if pieces is None:
            pieces = []
            x0, y0 = self.x0 + tx * self.tile, self.y0 + ty * self.tile
            box = QgsRectangle(x0, y0, x0 + self.tile, y0 + self.tile)
            near = np.flatnonzero(
                (self.bbox[:, 0] <= box.xMaximum())
                & (self.bbox[:, 2] >= x0)
                & (self.bbox[:, 1] <= box.yMaximum())
                & (self.bbox[:, 3] >= y0)
            )
            for k in near.tolist():
                block = self._block(k, tx // BLOCK, ty // BLOCK)
                if block is None:
                    continue
                if block[1]:
                    value = (QgsGeometry.fromRect(box), True)
                else:
                    block_engine = self._block_engine(k, tx // BLOCK, ty // BLOCK, block[0])
                    value = self._cut(block[0], block_engine, box)
                if value is None:
                    continue
                pieces.append((k, value[0], value[1], _LazyEngine(value[0])))
            self._tiles[key] = pieces
        return pieces

    def _block_engine(self, k: int, bx: int, by: int, geometry: QgsGeometry):
        key = (k, bx, by)
        engine = self._block_engines.get(key)
        if engine is None:
            engine = QgsGeometry.createGeometryEngine(geometry.constGet())
            engine.prepareGeometry()
            self._block_engines[key] = engine
        return engine

    def split(
        self, geometry: QgsGeometry, box: Tuple[float, float, float, float], touched: bool = False
    ) -> List[Tuple[int, List[QgsGeometry]]]:
        """The parts of ``geometry`` in each township (lists of pieces, one per tile).

        Per tile the township pieces are prepared: a piece containing the
        geometry (in a single tile) gives it whole, without a GEOS overlay.
        ``touched`` (from ``refine``: a boundary touches the geometry) skips
        those containment tests, which then rarely succeed; results are the same.
        """
        minx, miny, maxx, maxy = box
        tx0 = int(np.floor((minx - self.x0) / self.tile))
        tx1 = int(np.floor((maxx - self.x0) / self.tile))
        ty0 = int(np.floor((miny - self.y0) / self.tile))
        ty1 = int(np.floor((maxy - self.y0) / self.tile))
        single = tx0 == tx1 and ty0 == ty1
        result: Dict[int, List[QgsGeometry]] = {}
        native = geometry.constGet()
        wanted = None
        if not single:
            # across tiles: whole-township prepared tests first
            near = np.flatnonzero(
                (self.bbox[:, 0] <= maxx)
                & (self.bbox[:, 2] >= minx)
                & (self.bbox[:, 1] <= maxy)
                & (self.bbox[:, 3] >= miny)
            )
            wanted = set()
            for k in near.tolist():
                engine = self._engine(k)
                if not touched and engine.contains(native):
                    result[k] = [geometry]
                elif engine.intersects(native):
                    wanted.add(k)
            if not wanted:
                return sorted(result.items())
        for tx in range(tx0, tx1 + 1):
            for ty in range(ty0, ty1 + 1):
                for k, _piece, whole, engine in self._tile(tx, ty):
                    if wanted is not None and k not in wanted:
                        continue
                    if single and (whole or (not touched and engine.contains(native))):
                        result.setdefault(k, []).append(geometry)
                        continue
                    if not whole and not engine.intersects(native):
                        continue
                    # the piece's own engine: its GEOS copy is made once per tile
                    made = engine.intersection(native)
                    if made is None:
                        continue
                    part = QgsGeometry(made)
                    if not part.isEmpty() and part.area() > 0:
                        result.setdefault(k, []).append(part)
        return sorted(result.items())


class _LazyEngine:
    """A prepared GEOS engine made on first use (the numpy split needs none)."""

    __slots__ = ("geometry", "engine")

    def __init__(self, geometry: QgsGeometry):
        self.geometry = geometry
        self.engine = None

    def __getattr__(self, name):
        engine = self.engine
        if engine is None:
            engine = QgsGeometry.createGeometryEngine(self.geometry.constGet())
            engine.prepareGeometry()
            self.engine = engine
        return getattr(engine, name)


def _cells(cx0, cx1, cy0, cy1, ncx) -> Tuple[np.ndarray, np.ndarray]:
    """(item, cell key) for every grid cell each item's cell range covers."""
    nx = cx1 - cx0 + 1
    ny = cy1 - cy0 + 1
    cells = nx * ny
    ids = np.repeat(np.arange(len(cx0), dtype=np.int64), cells)
    k = np.arange(len(ids), dtype=np.int64) - np.repeat(np.cumsum(cells) - cells, cells)
    gx = cx0[ids] + k % nx[ids]
    gy = cy0[ids] + k // nx[ids]
    return ids, gy * ncx + gx


def _touches(px, py, edges, x0, y0, x1, y1, tol) -> np.ndarray:
    """Per row: may segment (x0, y0)-(x1, y1) touch the closed ring (px, py)?

    True when it crosses or comes within about ``tol`` of an edge, or lies
    inside the ring; False only when certainly apart.
    """
    width = px.shape[1]
    m = width - 1
    ax, ay = px[:, :-1], py[:, :-1]
    bx, by = px[:, 1:], py[:, 1:]
    active = np.arange(m)[None, :] < edges[:, None]
    cx, cy = x0[:, None], y0[:, None]
    dx, dy = x1[:, None], y1[:, None]
    t = tol[:, None]
    # orientation values scaled to distances from the other segment's line
    len_ab = np.hypot(bx - ax, by - ay)
    len_cd = np.hypot(dx - cx, dy - cy)
    o1 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
    o2 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax)
    o3 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx)
    o4 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx)
    e_ab = t * len_ab
    e_cd = t * len_cd
    apart = (
        ((o1 > e_ab) & (o2 > e_ab))
        | ((o1 < -e_ab) & (o2 < -e_ab))
        | ((o3 > e_cd) & (o4 > e_cd))
        | ((o3 < -e_cd) & (o4 < -e_cd))
        | (np.maximum(ax, bx) < np.minimum(cx, dx) - t)
        | (np.maximum(cx, dx) < np.minimum(ax, bx) - t)
        | (np.maximum(ay, by) < np.minimum(cy, dy) - t)
        | (np.maximum(cy, dy) < np.minimum(ay, by) - t)
    )
    near = (~apart & active).any(1)
    # wholly inside: crossing number of the first end point
    up = (ay > cy) != (by > cy)
    with np.errstate(divide="ignore", invalid="ignore"):
        xcross = ax + (cy - ay) * (bx - ax) / (by - ay)
    crossing = up & active & (cx < xcross)
    inside = (crossing.sum(1) % 2) == 1
    return near | inside


def _prefix(values: np.ndarray) -> np.ndarray:
    out = np.zeros((values.shape[0] + 1, values.shape[1] + 1), dtype=np.int32)
    np.cumsum(values, axis=0, dtype=np.int32, out=out[1:, 1:])
    np.cumsum(out[1:, 1:], axis=1, dtype=np.int32, out=out[1:, 1:])
    return out


def _block_sum(prefix: np.ndarray, r0, r1, c0, c1) -> np.ndarray:
    """Sum over rows r0..r1, columns c0..c1 (inclusive; empty ranges give 0)."""
    r1 = np.maximum(r1, r0 - 1)
    c1 = np.maximum(c1, c0 - 1)
    return prefix[r1 + 1, c1 + 1] - prefix[r0, c1 + 1] - prefix[r1 + 1, c0] + prefix[r0, c0]
