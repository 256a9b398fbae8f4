"""Synthetic county generator for tests and ``make bench`` (numpy + OGR, fast).

SYNTHETIC GEOMETRY: the 25 real township codes and names on made-up boundaries.
The county is a 5 × 5 grid of townships warped by a smooth displacement field
(wiggly borders, a vertex every 100 m, shared exactly by neighbours).  Parcels
of ~0.1–5 ha (log-uniform) sit one per cell of a 300 m grid (85 % of cells), so
the county grows with the parcel count (100k parcels ≈ 7,600 km²).  About 5 %
are moved onto a township border, ~1 % are enlarged so that they overlap their
neighbours, ~10 % fill their cell and share edges with filled neighbours, and a
few (0.05 %) are self-intersecting "bow-ties".  Same seed, same data.

Layers (EPSG:4547): ``township`` (xzqdm, xzqmc), ``parcel`` (tbbh, kflx) and,
on request, ``erosion`` (qsqd 1-6, qsms; overlapping polygons).
"""

from __future__ import annotations

import csv
import math
import struct
import sys
from pathlib import Path
from typing import Dict

import numpy as np

CELL = 300.0
OCCUPANCY = 0.85
TOWNSHIPS_CSV = (
    Path(__file__).resolve().parents[2] / "xingguo_swc_plugin" / "domain" / "townships.csv"
)
ORIGIN = (400_000.0, 2_900_000.0)


class Warp:
    """Smooth displacement (u, v) -> (x, y); small gradients, so no folding."""

    def __init__(self, width: float, rng: np.random.Generator):
        self.w = width
        self.phase = rng.uniform(0, 2 * math.pi, 8)

    def __call__(self, u: np.ndarray, v: np.ndarray):
        w, p = self.w, self.phase
        big = 0.03 * w / 5  # township-scale bends
        dx = (
            big * np.sin(2 * math.pi * v / (w / 5) + p[0])
            + 0.0004 * w * np.sin(2 * math.pi * (u + v) / (w / 35) + p[1])
            + 15.0 * np.sin(2 * math.pi * v / 700.0 + p[2])
        )
        dy = (
            big * np.sin(2 * math.pi * u / (w / 5) + p[3])
            + 0.0004 * w * np.sin(2 * math.pi * (u - v) / (w / 35) + p[4])
            + 15.0 * np.sin(2 * math.pi * u / 700.0 + p[5])
        )
        return ORIGIN[0] + u + dx, ORIGIN[1] + v + dy


def _polygon_wkb(xs: np.ndarray, ys: np.ndarray) -> bytes:
    """2D MultiPolygon WKB of one closed ring."""
    n = len(xs)
    head = struct.pack("<BIIBIII", 1, 6, 1, 1, 3, 1, n)
    return head + np.column_stack([xs, ys]).astype("<f8").tobytes()


def _ring_wkbs(x: np.ndarray, y: np.ndarray) -> list:
    """WKBs of many rings of the same vertex count, x/y shape (n, k) (closed here)."""
    n, k = x.shape
    xs = np.concatenate([x, x[:, :1]], axis=1)
    ys = np.concatenate([y, y[:, :1]], axis=1)
    coords = np.empty((n, k + 1, 2), dtype="<f8")
    coords[:, :, 0] = xs
    coords[:, :, 1] = ys
    head = struct.pack("<BIIBIII", 1, 6, 1, 1, 3, 1, k + 1)
    body = coords.reshape(n, -1).view(np.uint8)
    head_arr = np.frombuffer(head, dtype=np.uint8)
    full = np.concatenate([np.broadcast_to(head_arr, (n, len(head))), body], axis=1)
    return [row.tobytes() for row in full]


def _townships(warp: Warp, width: float):
    side = width / 5.0
    step = 100.0
    per_side = max(4, int(side / step))
    t = np.linspace(0, side, per_side + 1)[:-1]
    with TOWNSHIPS_CSV.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    result = []
    for k, row in enumerate(rows):
        i, j = k % 5, k // 5
        u0, v0 = i * side, j * side
        u = np.concatenate([u0 + t, np.full_like(t, u0 + side), u0 + side - t, np.full_like(t, u0)])
        v = np.concatenate([np.full_like(t, v0), v0 + t, np.full_like(t, v0 + side), v0 + side - t])
        x, y = warp(u, v)
        x = np.append(x, x[0])
        y = np.append(y, y[0])
        result.append((row["xzqdm"], row["xzqmc"], _polygon_wkb(x, y)))
    return result


def _star_polygons(rng, cu, cv, radius, k):
    n = len(cu)
    base = (np.arange(k) * 2 * math.pi / k)[None, :]
    angles = (
        base
        + rng.uniform(-0.35, 0.35, (n, k)) * (2 * math.pi / k)
        + rng.uniform(0, 2 * math.pi, (n, 1))
    )
    r = radius[:, None] * rng.uniform(0.75, 1.0, (n, k))
    return cu[:, None] + r * np.cos(angles), cv[:, None] + r * np.sin(angles)


def generate(
    path: str, parcels: int, seed: int = 1, erosion: int = 0, invalid_fraction: float = 0.0005
) -> Dict[str, float]:
    """Write a synthetic county GeoPackage; returns a few facts about it."""
    from osgeo import gdal, ogr, osr

    gdal.UseExceptions()
    rng = np.random.default_rng(seed)
    cells_needed = int(math.ceil(parcels / OCCUPANCY * 1.02)) + 50
    per_side = int(math.ceil(math.sqrt(cells_needed) / 5.0)) * 5
    width = per_side * CELL
    warp = Warp(width, rng)
    # --- parcels: one per occupied cell ------------------------------------
    cell_ids = rng.permutation(per_side * per_side)[:parcels]
    ci, cj = cell_ids % per_side, cell_ids // per_side
    area = np.exp(rng.uniform(math.log(1000.0), math.log(50000.0), parcels))
    k = 8
    shape_factor = 0.5 * k * math.sin(2 * math.pi / k) * 0.77
    radius = np.minimum(np.sqrt(area / shape_factor), 0.47 * CELL)
    slack = 0.5 * CELL - radius
    cu = (ci + 0.5) * CELL + rng.uniform(-1, 1, parcels) * slack * 0.9
    cv = (cj + 0.5) * CELL + rng.uniform(-1, 1, parcels) * slack * 0.9
    kind = rng.random(parcels)
    side = width / 5.0
    # ~5 %: centre moved onto the nearest township border (u or v)
    border = kind < 0.05
    nb = int(border.sum())
    along_u = rng.random(nb) < 0.5
    line_u = np.clip(np.round(cu[border] / side), 1, 4) * side
    line_v = np.clip(np.round(cv[border] / side), 1, 4) * side
    cu_b, cv_b = cu[border].copy(), cv[border].copy()
    cu_b[along_u] = (
        line_u[along_u] + rng.uniform(-0.3, 0.3, int(along_u.sum())) * radius[border][along_u]
    )
    cv_b[~along_u] = (
        line_v[~along_u] + rng.uniform(-0.3, 0.3, int((~along_u).sum())) * radius[border][~along_u]
    )
    cu[border], cv[border] = cu_b, cv_b
    # ~1 %: enlarged (overlap their neighbours)
    enlarged = (kind >= 0.05) & (kind < 0.06)
    radius[enlarged] *= rng.uniform(1.3, 1.7, int(enlarged.sum()))
    xs, ys = _star_polygons(rng, cu, cv, radius, k)
    # ~10 %: fill their cell exactly (edges shared with filled neighbours)
    filled = (kind >= 0.06) & (kind < 0.16)
    fu = np.stack([ci, ci + 1, ci + 1, ci, ci, ci, ci, ci], axis=1)[filled] * CELL
    fv = np.stack([cj, cj, cj + 1, cj + 1, cj + 1, cj + 1, cj + 1, cj + 1], axis=1)[filled] * CELL
    # pad the square to 8 vertices along its edges (keeps one array shape)
    fu[:, 4:] = (ci[filled, None] + np.array([0, 0, 0, 0])) * CELL
    fv[:, 4:] = (cj[filled, None] + np.array([0.8, 0.6, 0.4, 0.2])) * CELL
    xs[filled], ys[filled] = fu, fv
    wx, wy = warp(xs, ys)
    # bow-ties: swap two consecutive vertices
    bad = np.flatnonzero(rng.random(parcels) < invalid_fraction)
    wx[bad, 1], wx[bad, 2] = wx[bad, 2].copy(), wx[bad, 1].copy()
    wy[bad, 1], wy[bad, 2] = wy[bad, 2].copy(), wy[bad, 1].copy()
    wkbs = _ring_wkbs(wx, wy)
    classes = np.array(["1", "2", "3", "4", "5", "6", "9"])[rng.integers(0, 7, parcels)]

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    path = str(path)
    if Path(path).exists():
        Path(path).unlink()
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    towns = dataset.CreateLayer("township", srs, ogr.wkbMultiPolygon)
    towns.CreateField(ogr.FieldDefn("xzqdm", ogr.OFTString))
    towns.CreateField(ogr.FieldDefn("xzqmc", ogr.OFTString))
    for code, name, wkb in _townships(warp, width):
        feature = ogr.Feature(towns.GetLayerDefn())
        feature.SetField("xzqdm", code)
        feature.SetField("xzqmc", name)
        feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb))
        towns.CreateFeature(feature)
    layer = dataset.CreateLayer("parcel", srs, ogr.wkbMultiPolygon)
    layer.CreateField(ogr.FieldDefn("tbbh", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("kflx", ogr.OFTString))
    definition = layer.GetLayerDefn()
    dataset.StartTransaction()
    for n, (wkb, klass) in enumerate(zip(wkbs, classes.tolist())):
        feature = ogr.Feature(definition)
        feature.SetField(0, "P%07d" % (n + 1))
        feature.SetField(1, klass)
        feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb))
        layer.CreateFeature(feature)
    dataset.CommitTransaction()
    if erosion:
        _erosion(dataset, srs, warp, width, erosion, rng)
    dataset = None
    return {
        "parcels": parcels,
        "county_width_km": width / 1000.0,
        "county_area_km2": (width / 1000.0) ** 2,
        "border_moved": nb,
        "enlarged": int(enlarged.sum()),
        "invalid": len(bad),
    }


def _erosion(dataset, srs, warp, width, count, rng) -> None:
    """Erosion patches of 1-30 ha, grades 1-6; neighbours may overlap."""
    from osgeo import ogr

    cell = width / math.ceil(math.sqrt(count / 0.5))
    per_side = int(width // cell)
    ids = rng.permutation(per_side * per_side)[:count]
    ci, cj = ids % per_side, ids // per_side
    radius = np.minimum(
        np.sqrt(np.exp(rng.uniform(math.log(1e4), math.log(3e5), len(ids))) / 2.2), 0.7 * cell
    )
    cu = (ci + 0.5) * cell
    cv = (cj + 0.5) * cell
    xs, ys = _star_polygons(rng, cu, cv, radius, 10)
    wx, wy = warp(xs, ys)
    layer = dataset.CreateLayer("erosion", srs, ogr.wkbMultiPolygon)
    layer.CreateField(ogr.FieldDefn("qsqd", ogr.OFTInteger))
    layer.CreateField(ogr.FieldDefn("qsms", ogr.OFTReal))
    grades = rng.integers(1, 7, len(ids))
    dataset.StartTransaction()
    for wkb, grade in zip(_ring_wkbs(wx, wy), grades.tolist()):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField(0, grade)
        feature.SetField(1, float(grade) * 1000.0)
        feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb))
        layer.CreateFeature(feature)
    dataset.CommitTransaction()


if __name__ == "__main__":
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    print(generate(out, n, erosion=int(sys.argv[3]) if len(sys.argv) > 3 else 0))
