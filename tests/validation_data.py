"""Hand-built layers for the validation, findings and dock tests (no tests here).

Coordinates are EPSG:4547 metres around a base point in Xingguo; every shape is
an axis-aligned rectangle so each expected area is plain arithmetic.
"""

from __future__ import annotations

import hashlib
import math
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsRasterLayer,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)

from xingguo_swc_plugin.qgis_compat import FieldType, make_field

X0, Y0 = 640_000.0, 2_910_000.0
CRS = "EPSG:4547"


def box(x1: float, y1: float, x2: float, y2: float) -> str:
    """WKT of a rectangle relative to the base point."""
    a, b, c, d = X0 + x1, Y0 + y1, X0 + x2, Y0 + y2
    return "POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(a, b, c, d)


def write_layer(
    path: Path,
    name: str,
    geometry: str,
    fields: Sequence[Tuple[str, object]],
    rows: Iterable[Tuple[Dict[str, object], Optional[str]]],
    crs: str = CRS,
    driver: str = "GPKG",
    encoding: str = "UTF-8",
) -> QgsVectorLayer:
    """Write a real file (GeoPackage by default) and open it with the OGR provider."""
    qfields = QgsFields()
    for field_name, kind in fields:
        qfields.append(make_field(field_name, kind, 254 if kind == FieldType.STRING else 0))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = driver
    options.fileEncoding = encoding
    if driver == "GPKG":
        options.layerName = name
        if Path(path).exists():
            options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
    wkb = QgsWkbTypes.parseType(geometry) if geometry else QgsWkbTypes.NoGeometry
    writer = QgsVectorFileWriter.create(
        str(path),
        qfields,
        wkb,
        QgsCoordinateReferenceSystem(crs),
        QgsCoordinateTransformContext(),
        options,
    )
    assert writer.hasError() == QgsVectorFileWriter.NoError, writer.errorMessage()
    for attributes, wkt in rows:
        feature = QgsFeature(qfields)
        for key, value in attributes.items():
            feature.setAttribute(key, value)
        if wkt:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        assert writer.addFeature(feature)
    del writer
    uri = str(path) + ("|layername=" + name if driver == "GPKG" else "")
    layer = QgsVectorLayer(uri, name, "ogr")
    assert layer.isValid(), uri
    return layer


PARCEL_FIELDS = (
    ("uuid", FieldType.STRING),
    ("tbbh", FieldType.STRING),
    ("xmbh", FieldType.STRING),
    ("xzqdm", FieldType.STRING),
)
PROJECT_FIELDS = (("xmbh", FieldType.STRING), ("xmmc", FieldType.STRING))

#: parcel ID -> (project number, rectangle); what each one must produce is in
#: EXPECTED (rule -> {parcel: area m²}).
PARCELS = {
    "T01": ("P1", (10, 10, 90, 90)),  # inside P1: compliant
    "T02": ("", (1000, 0, 1050, 50)),  # no project number
    "T03": ("PX", (1100, 0, 1150, 50)),  # unknown project
    "T04": ("P1", (450, 0, 500, 50)),  # registered to P1, lies elsewhere
    "T05": ("P2", (350, 0, 450, 100)),  # half outside P2: 5000 m² excess
    "T06": ("P2", (299.95, 10, 340, 20)),  # 0.5 m² outside: under the tolerance
    "T07": ("P3", (600, 0, 650, 50)),  # overlaps T08 by 10 x 50
    "T08": ("P3", (640, 0, 690, 50)),
}
PROJECTS = {"P1": (0, 0, 100, 100), "P2": (300, 0, 400, 100), "P3": (600, 0, 700, 100)}
BOW_TIE = "POLYGON(({0} {1},{2} {3},{2} {1},{0} {3},{0} {1}))".format(
    X0 + 2000, Y0, X0 + 2010, Y0 + 10
)
EXPECTED = {
    "INVALID_GEOMETRY": {"T09": 0.0, "T10": 0.0},
    "UNREGISTERED": {"T02": 2500.0, "T03": 2500.0},
    "LOCATION_CHANGED": {"T04": 2500.0},
    "EXCEEDS_APPROVED": {"T05": 5000.0},
    "OVERLAP": {"T07": 500.0, "T08": 500.0},
}


def parcel_uuid(parcel_id: str) -> str:
    return "00000000-0000-4000-8000-{0:012d}".format(int(parcel_id[1:]))


def parcel_rows(
    extra: Optional[Dict[str, Tuple[str, Tuple[float, ...]]]] = None, invalid: bool = True
) -> List[Tuple[Dict[str, object], Optional[str]]]:
    rows = []
    for parcel_id, (project, rect) in {**PARCELS, **(extra or {})}.items():
        rows.append(
            (
                {
                    "uuid": parcel_uuid(parcel_id),
                    "tbbh": parcel_id,
                    "xmbh": project,
                    "xzqdm": "360732100",
                },
                box(*rect),
            )
        )
    if invalid:
        rows.append(
            ({"uuid": parcel_uuid("T09"), "tbbh": "T09", "xmbh": "", "xzqdm": "360732100"}, BOW_TIE)
        )
        rows.append(
            ({"uuid": parcel_uuid("T10"), "tbbh": "T10", "xmbh": "P1", "xzqdm": "360732100"}, None)
        )
    return rows


def make_parcels(folder: Path, **kwargs) -> QgsVectorLayer:
    return write_layer(
        folder / "parcels.gpkg", "parcels", "MultiPolygon", PARCEL_FIELDS, parcel_rows(**kwargs)
    )


def make_projects(folder: Path, crs: str = CRS) -> QgsVectorLayer:
    rows = [
        ({"xmbh": number, "xmmc": "项目" + number}, box(*rect)) for number, rect in PROJECTS.items()
    ]
    layer = write_layer(folder / "projects.gpkg", "projects", "MultiPolygon", PROJECT_FIELDS, rows)
    if crs == CRS:
        return layer
    import processing

    out = str(folder / "projects_reprojected.gpkg")
    processing.run("native:reprojectlayer", {"INPUT": layer, "TARGET_CRS": crs, "OUTPUT": out})
    return QgsVectorLayer(out, "projects", "ogr")


def file_hash(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def layer_snapshot(layer: QgsVectorLayer) -> List[Tuple]:
    """Every feature's id, attributes and geometry WKB: equal before and after."""
    return sorted(
        (
            feature.id(),
            tuple(str(v) for v in feature.attributes()),
            bytes(feature.geometry().asWkb()),
        )
        for feature in layer.getFeatures()
    )


def make_dem(
    path: Path,
    x1: float,
    y1: float,
    x2: float,
    y2: float,
    bands: Sequence[Tuple[float, float]],
    cell: float = 5.0,
    crs: str = CRS,
    nodata_box: Optional[Tuple[float, ...]] = None,
) -> QgsRasterLayer:
    """GeoTIFF DEM rising eastwards with a given slope (°) per x band.

    ``bands`` is ((x_start, slope_degrees), ...) relative to the base point; the
    surface is continuous, so the slope is exact away from the band edges.
    """
    import numpy as np
    from osgeo import gdal, osr

    columns = int(round((x2 - x1) / cell))
    rows = int(round((y2 - y1) / cell))
    xs = x1 + (np.arange(columns) + 0.5) * cell
    z = np.zeros(columns)
    for column, x in enumerate(xs):
        height = 0.0
        for position, (start, degrees) in enumerate(bands):
            end = bands[position + 1][0] if position + 1 < len(bands) else x2
            span = max(0.0, min(x, end) - start)
            height += span * math.tan(math.radians(degrees))
        z[column] = height
    grid = np.tile(z, (rows, 1)).astype(np.float32)
    if nodata_box:
        bx1, by1, bx2, by2 = nodata_box
        ys = y2 - (np.arange(rows) + 0.5) * cell
        mask = (
            (ys[:, None] >= by1)
            & (ys[:, None] <= by2)
            & (xs[None, :] >= bx1)
            & (xs[None, :] <= bx2)
        )
        grid[mask] = -9999
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), columns, rows, 1, gdal.GDT_Float32)
    dataset.SetGeoTransform((X0 + x1, cell, 0, Y0 + y2, 0, -cell))
    srs = osr.SpatialReference()
    srs.SetFromUserInput(crs)
    dataset.SetProjection(srs.ExportToWkt())
    band = dataset.GetRasterBand(1)
    band.SetNoDataValue(-9999)
    band.WriteArray(grid)
    dataset.FlushCache()
    del band, dataset
    layer = QgsRasterLayer(str(path), "dem")
    assert layer.isValid()
    return layer
