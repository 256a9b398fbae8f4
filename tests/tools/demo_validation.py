"""`make demo` step: validate the sample parcels, keep the findings, export them.

The sample workspace has no DEM and no roads, so this step makes a synthetic
DEM (smooth hills, 30 m cells) and three synthetic road lines over the county
(marked synthetic, like the rest of the sample), then runs every rule, stores
the findings in the workspace ``finding`` table and exports them as GeoPackage,
XLSX and CSV under ``out/validation/``.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from pathlib import Path
from typing import List

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsRasterLayer,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)

from xingguo_swc_plugin.qgis_compat import FieldType, make_field


def synthetic_dem(path: Path, extent, cell: float = 30.0) -> QgsRasterLayer:
    """Smooth synthetic hills (slopes 0-40°) covering ``extent`` (EPSG:4547)."""
    from osgeo import gdal, osr

    xmin, ymin = extent.xMinimum() - 200, extent.yMinimum() - 200
    columns = int(math.ceil((extent.width() + 400) / cell))
    rows = int(math.ceil((extent.height() + 400) / cell))
    xs = (np.arange(columns) + 0.5) * cell
    ys = (np.arange(rows) + 0.5) * cell
    gx, gy = np.meshgrid(xs, ys[::-1])
    z = (
        180 * np.sin(gx / 900.0) * np.cos(gy / 1300.0) + 90 * np.sin(gx / 350.0 + gy / 500.0) + 300
    ).astype(np.float32)
    dataset = gdal.GetDriverByName("GTiff").Create(
        str(path), columns, rows, 1, gdal.GDT_Float32, ["COMPRESS=DEFLATE"]
    )
    dataset.SetGeoTransform((xmin, cell, 0, ymin + rows * cell, 0, -cell))
    srs = osr.SpatialReference()
    srs.SetFromUserInput("EPSG:4547")
    dataset.SetProjection(srs.ExportToWkt())
    dataset.SetMetadataItem("DESCRIPTION", "Synthetic DEM for the demo, not surveyed")
    dataset.GetRasterBand(1).WriteArray(z)
    dataset = None
    return QgsRasterLayer(str(path), "synthetic DEM")


def synthetic_roads(path: Path, extent) -> QgsVectorLayer:
    fields = QgsFields()
    fields.append(make_field("dllx", FieldType.STRING))
    fields.append(make_field("name", FieldType.STRING))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "roads"
    writer = QgsVectorFileWriter.create(
        str(path),
        fields,
        QgsWkbTypes.LineString,
        QgsCoordinateReferenceSystem("EPSG:4547"),
        QgsCoordinateTransformContext(),
        options,
    )
    c = extent.center()
    w, h = extent.width() / 2, extent.height() / 2
    lines = (
        ("高速公路", "synthetic expressway", [(-w, -0.2 * h), (w, 0.3 * h)]),
        ("国道", "synthetic national road", [(-0.3 * w, -h), (0.1 * w, h)]),
        ("铁路", "synthetic railway", [(-w, 0.6 * h), (w, -0.5 * h)]),
        ("县道", "synthetic county road (not protected)", [(0.4 * w, -h), (0.5 * w, h)]),
    )
    for kind, name, points in lines:
        feature = QgsFeature(fields)
        feature.setAttributes([kind, name])
        feature.setGeometry(
            QgsGeometry.fromPolylineXY([QgsPointXY(c.x() + x, c.y() + y) for x, y in points])
        )
        writer.addFeature(feature)
    del writer
    return QgsVectorLayer(str(path) + "|layername=roads", "roads", "ogr")


def run(workspace_path: str, out: Path) -> List[str]:
    from xingguo_swc_plugin.core.findings import (
        IDENTIFIED,
        export_findings,
        set_status,
        store_findings,
    )
    from xingguo_swc_plugin.core.validation import parcel_ids, validate_parcels
    from xingguo_swc_plugin.core.workspace.geopackage import open_workspace

    folder = out / "validation"
    folder.mkdir(parents=True, exist_ok=True)
    workspace = open_workspace(workspace_path)
    parcels = workspace.layer("parcel")
    projects = workspace.layer("dev_project")
    measures = workspace.layer("measure")
    lines = []

    started = time.perf_counter()
    findings = validate_parcels(parcels, projects)
    basic = time.perf_counter() - started
    lines.append(
        "Validation of {0} parcels against {1} projects (geometry rules): {2:.2f} s".format(
            parcels.featureCount(), projects.featureCount(), basic
        )
    )

    dem = synthetic_dem(folder / "synthetic_dem.tif", parcels.extent())
    roads = synthetic_roads(folder / "synthetic_roads.gpkg", parcels.extent())
    started = time.perf_counter()
    findings = validate_parcels(
        parcels, projects, dem=dem, corridors=roads, corridor_distance=100, measures=measures
    )
    full = time.perf_counter() - started
    lines.append(
        "All rules with a synthetic 30 m DEM ({0}x{1}) and roads: {2:.2f} s".format(
            dem.width(), dem.height(), full
        )
    )
    for rule, count in sorted(Counter(f.rule for f in findings).items()):
        lines.append("  {0:<18} {1:5d}".format(rule, count))

    started = time.perf_counter()
    stored = store_findings(
        workspace, findings, parcels.crs(), parcel_ids(parcels, "tbbh"), who="demo"
    )
    layer = workspace.layer("finding")
    first = next(layer.getFeatures())
    set_status(layer, [first.id()], IDENTIFIED, "demo", "demo step")
    again = store_findings(
        workspace, findings, parcels.crs(), parcel_ids(parcels, "tbbh"), who="demo"
    )
    lines.append(
        "Stored {0} findings ({1:.2f} s for two runs); re-run kept {2} with "
        "status, added {3}".format(
            stored.added, time.perf_counter() - started, again.kept, again.added
        )
    )
    for suffix in (".gpkg", ".xlsx", ".csv"):
        path = export_findings(workspace.layer("finding"), str(folder / ("findings" + suffix)))
        lines.append("Findings exported: " + path)
    return lines
