"""Slope of parcels from a DEM (mean, and shares of the area by slope class) for
the slope rules of ``core.validation``.

The DEM is read with the QGIS raster API (``QgsRasterDataProvider.block``) in
tiles around the parcels only, slope is Horn's 3x3 method in numpy (cell sizes in
metres, also for a geographic DEM), and the mean is taken over the pixels whose
centres fall inside the parcel (even-odd test over all rings, so holes count
out); a parcel smaller than a pixel takes the pixel under its point on surface.
Pixels next to NODATA have no slope and are left out of the mean.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Tuple

import numpy as np
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsUnitTypes,
)

from ....translation import tr
from ...errors import InputError

_DTYPES = {
    Qgis.Byte: np.uint8,
    Qgis.UInt16: np.uint16,
    Qgis.Int16: np.int16,
    Qgis.UInt32: np.uint32,
    Qgis.Int32: np.int32,
    Qgis.Float32: np.float32,
    Qgis.Float64: np.float64,
}
#: Pixels per tile side: bounds the memory of one DEM read.
TILE = 1024
_METRES_PER_DEGREE_LAT = 110574.0
_METRES_PER_DEGREE_LON = 111320.0


@dataclass(frozen=True)
class SlopeStats:
    """Slope of one parcel: mean (°) and shares (0-1) of its area (pixels inside)
    steeper than the steep limit, between the terrace and steep limits, and
    between the plan and steep limits (limits inclusive)."""

    mean: float
    steep_share: float
    terrace_share: float
    plan_share: float


def slope_statistics(
    dem: QgsRasterLayer,
    geometries: Dict[int, QgsGeometry],
    crs: QgsCoordinateReferenceSystem,
    names: Dict[int, str],
    steep: float,
    terrace: float,
    plan: float,
    progress: Optional[Callable[[int, int], None]] = None,
) -> Dict[int, SlopeStats]:
    """``SlopeStats`` per key of ``geometries`` (issue 17: the slope rules judge
    the share of the parcel's area, not the mean).  NaN everywhere for a parcel
    whose pixels are all NODATA; errors as ``mean_slopes``."""

    def stats(values: np.ndarray) -> SlopeStats:
        if not values.size:
            nan = float("nan")
            return SlopeStats(nan, nan, nan, nan)
        count = float(values.size)
        return SlopeStats(
            float(values.mean()),
            np.count_nonzero(values > steep) / count,
            np.count_nonzero((values >= terrace) & (values <= steep)) / count,
            np.count_nonzero((values >= plan) & (values <= steep)) / count,
        )

    return _per_parcel(dem, geometries, crs, names, stats, progress)


def mean_slopes(
    dem: QgsRasterLayer,
    geometries: Dict[int, QgsGeometry],
    crs: QgsCoordinateReferenceSystem,
    names: Dict[int, str],
    progress: Optional[Callable[[int, int], None]] = None,
) -> Dict[int, float]:
    """Mean slope in degrees per key of ``geometries`` (given in ``crs``).

    Raises ``InputError`` naming the parcels the DEM does not cover.  NaN for a
    parcel whose pixels are all NODATA.
    """
    return _per_parcel(
        dem,
        geometries,
        crs,
        names,
        lambda values: float(values.mean()) if values.size else float("nan"),
        progress,
    )


def _per_parcel(
    dem: QgsRasterLayer,
    geometries: Dict[int, QgsGeometry],
    crs: QgsCoordinateReferenceSystem,
    names: Dict[int, str],
    summary: Callable[[np.ndarray], object],
    progress: Optional[Callable[[int, int], None]] = None,
) -> Dict:
    """``summary(slopes of the pixels inside, NODATA left out)`` per parcel."""
    provider = dem.dataProvider()
    extent = dem.extent()
    xres, yres = dem.rasterUnitsPerPixelX(), dem.rasterUnitsPerPixelY()
    if xres <= 0 or yres <= 0:
        raise InputError(tr("The DEM has no usable pixel size."))
    transform = None
    if dem.crs().isValid() and crs.isValid() and dem.crs() != crs:
        transform = QgsCoordinateTransform(crs, dem.crs(), QgsProject.instance())
    in_dem: Dict[int, QgsGeometry] = {}
    uncovered: List[str] = []
    slack = min(xres, yres) * 1e-6
    for key, geometry in geometries.items():
        local = QgsGeometry(geometry)
        if transform is not None:
            local.transform(transform)
        box = local.boundingBox()
        if (
            box.xMinimum() < extent.xMinimum() - slack
            or box.xMaximum() > extent.xMaximum() + slack
            or box.yMinimum() < extent.yMinimum() - slack
            or box.yMaximum() > extent.yMaximum() + slack
        ):
            uncovered.append(names.get(key, str(key)))
        in_dem[key] = local
    if uncovered:
        raise InputError(
            tr(
                "The DEM {0} does not cover {1} parcel(s), e.g. {2}: use a DEM that "
                "covers all parcels or leave the DEM out."
            ).format(dem.name(), len(uncovered), ", ".join(sorted(uncovered)[:5]))
        )
    geographic = dem.crs().isGeographic()
    unit_factor = (
        1.0
        if geographic
        else QgsUnitTypes.fromUnitToUnitFactor(dem.crs().mapUnits(), QgsUnitTypes.DistanceMeters)
    )
    grid = _Grid(extent, xres, yres, dem.width(), dem.height())
    tiles: Dict[Tuple[int, int], List[int]] = {}
    for key, local in in_dem.items():
        centre = local.boundingBox().center()
        column, row = grid.cell(centre.x(), centre.y())
        tiles.setdefault((column // TILE, row // TILE), []).append(key)
    result: Dict[int, float] = {}
    done = 0
    for keys in tiles.values():
        box = QgsRectangle(in_dem[keys[0]].boundingBox())
        for key in keys[1:]:
            box.combineExtentWith(in_dem[key].boundingBox())
        window = grid.window(box)
        values = _read(provider, grid, window)
        slope = _horn_slope(values, grid, window, geographic, unit_factor)
        for key in keys:
            result[key] = summary(_inside_values(in_dem[key], slope, grid, window))
            done += 1
            if progress is not None and done % 100 == 0:
                progress(done, len(in_dem))
    return result


class _Grid:
    """Pixel arithmetic of the DEM (row 0 at the top)."""

    def __init__(self, extent: QgsRectangle, xres: float, yres: float, width: int, height: int):
        self.xmin, self.ymax = extent.xMinimum(), extent.yMaximum()
        self.xres, self.yres = xres, yres
        self.width, self.height = width, height

    def cell(self, x: float, y: float) -> Tuple[int, int]:
        column = int(math.floor((x - self.xmin) / self.xres))
        row = int(math.floor((self.ymax - y) / self.yres))
        return (min(max(column, 0), self.width - 1), min(max(row, 0), self.height - 1))

    def window(self, box: QgsRectangle) -> Tuple[int, int, int, int]:
        """(col0, row0, col1, row1) exclusive end, one pixel margin for the 3x3 kernel."""
        col0 = int(math.floor((box.xMinimum() - self.xmin) / self.xres)) - 1
        col1 = int(math.ceil((box.xMaximum() - self.xmin) / self.xres)) + 1
        row0 = int(math.floor((self.ymax - box.yMaximum()) / self.yres)) - 1
        row1 = int(math.ceil((self.ymax - box.yMinimum()) / self.yres)) + 1
        return (max(col0, 0), max(row0, 0), min(col1, self.width), min(row1, self.height))

    def extent(self, window: Tuple[int, int, int, int]) -> QgsRectangle:
        col0, row0, col1, row1 = window
        return QgsRectangle(
            self.xmin + col0 * self.xres,
            self.ymax - row1 * self.yres,
            self.xmin + col1 * self.xres,
            self.ymax - row0 * self.yres,
        )


def _read(provider, grid: _Grid, window: Tuple[int, int, int, int]) -> np.ndarray:
    col0, row0, col1, row1 = window
    columns, rows = col1 - col0, row1 - row0
    block = provider.block(1, grid.extent(window), columns, rows)
    dtype = _DTYPES.get(block.dataType())
    if dtype is None or not block.isValid():
        raise InputError(tr("The DEM has an unsupported data type."))
    values = np.frombuffer(bytes(block.data()), dtype=dtype)
    values = values[: columns * rows].reshape(rows, columns).astype(np.float64)
    if block.hasNoDataValue():
        nodata = block.noDataValue()
        values[np.isclose(values, nodata)] = np.nan
    if provider.userNoDataValues(1):
        for no_data in provider.userNoDataValues(1):
            values[(values >= no_data.min()) & (values <= no_data.max())] = np.nan
    return values


def _horn_slope(
    values: np.ndarray,
    grid: _Grid,
    window: Tuple[int, int, int, int],
    geographic: bool,
    unit_factor: float,
) -> np.ndarray:
    """Slope in degrees (Horn 1981); NaN on the window's edge and next to NODATA."""
    rows, columns = values.shape
    slope = np.full(values.shape, np.nan)
    if rows < 3 or columns < 3:
        return slope
    if geographic:
        top = grid.ymax - window[1] * grid.yres
        latitudes = top - (np.arange(rows) + 0.5) * grid.yres
        dx = grid.xres * _METRES_PER_DEGREE_LON * np.cos(np.radians(latitudes))[1:-1, None]
        dy = grid.yres * _METRES_PER_DEGREE_LAT
    else:
        dx = grid.xres * unit_factor
        dy = grid.yres * unit_factor
    a, b, c = values[:-2, :-2], values[:-2, 1:-1], values[:-2, 2:]
    d, f = values[1:-1, :-2], values[1:-1, 2:]
    g, h, i = values[2:, :-2], values[2:, 1:-1], values[2:, 2:]
    dzdx = ((c + 2 * f + i) - (a + 2 * d + g)) / (8.0 * dx)
    dzdy = ((g + 2 * h + i) - (a + 2 * b + c)) / (8.0 * dy)
    slope[1:-1, 1:-1] = np.degrees(np.arctan(np.hypot(dzdx, dzdy)))
    return slope


def _edges(geometry: QgsGeometry) -> np.ndarray:
    """All ring edges of a (multi)polygon as rows (x1, y1, x2, y2)."""
    polygons = geometry.asMultiPolygon() if geometry.isMultipart() else [geometry.asPolygon()]
    chunks = []
    for polygon in polygons:
        for ring in polygon:
            points = np.array([(point.x(), point.y()) for point in ring], dtype=float)
            if len(points) > 1:
                chunks.append(np.hstack((points[:-1], points[1:])))
    return np.vstack(chunks) if chunks else np.zeros((0, 4))


def _inside_values(
    geometry: QgsGeometry, slope: np.ndarray, grid: _Grid, window: Tuple[int, int, int, int]
) -> np.ndarray:
    col0, row0 = window[0], window[1]
    sub = grid.window(geometry.boundingBox())
    columns = np.arange(sub[0], sub[2])
    rows = np.arange(sub[1], sub[3])
    width = len(columns)
    px = np.tile(grid.xmin + (columns + 0.5) * grid.xres, len(rows))[:, None]
    py = np.repeat(grid.ymax - (rows + 0.5) * grid.yres, width)[:, None]
    edges = _edges(geometry)
    inside = np.zeros(len(px), dtype=bool)
    x1, y1, x2, y2 = edges[:, 0], edges[:, 1], edges[:, 2], edges[:, 3]
    step = max(1, 2_000_000 // max(len(edges), 1))
    for start in range(0, len(px), step):
        qx, qy = px[start : start + step], py[start : start + step]
        straddles = (y1 > qy) != (y2 > qy)
        with np.errstate(divide="ignore", invalid="ignore"):
            cross_x = (x2 - x1) * (qy - y1) / (y2 - y1) + x1
        crossings = np.count_nonzero(straddles & (qx < cross_x), axis=1)
        inside[start : start + step] = crossings % 2 == 1
    flat = np.flatnonzero(inside)
    if flat.size:
        grid_rows, grid_columns = rows[flat // width], columns[flat % width]
    else:  # smaller than a pixel: the pixel under the point on surface
        point = geometry.pointOnSurface().asPoint()
        column, row = grid.cell(point.x(), point.y())
        grid_rows, grid_columns = np.array([row]), np.array([column])
    values = slope[grid_rows - row0, grid_columns - col0]
    return values[~np.isnan(values)]
