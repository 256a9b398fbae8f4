"""Shared test data of the collapse gully tests: hand-made townships (synthetic).

Two 5 km squares in EPSG:4547 near Xingguo, carrying the real codes and names of
潋江镇 and 江背镇 (the boundaries are made up).  The county is their union.
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Tuple

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
)

from xingguo_swc_plugin.core.workspace.geopackage import create_workspace
from xingguo_swc_plugin.core.workspace.open import workspace_of

#: (code, name, xmin, ymin, xmax, ymax) in EPSG:4547.
TOWNSHIP_SQUARES: List[Tuple[str, str, float, float, float, float]] = [
    ("360732100", "潋江镇", 630000.0, 2910000.0, 635000.0, 2915000.0),
    ("360732101", "江背镇", 635000.0, 2910000.0, 640000.0, 2915000.0),
]
CRS_4547 = QgsCoordinateReferenceSystem("EPSG:4547")


def square(x: float, y: float, size: float) -> QgsGeometry:
    """An axis-parallel square in EPSG:4547 metres."""
    return QgsGeometry.fromRect(QgsRectangle(x, y, x + size, y + size))


def to_crs(geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem) -> QgsGeometry:
    result = QgsGeometry(geometry)
    if crs != CRS_4547:
        result.transform(QgsCoordinateTransform(CRS_4547, crs, QgsProject.instance()))
    return result


def add_townships(workspace) -> None:
    """Write the two synthetic townships into ``workspace`` (a GeoPackage path or any
    workspace object ``workspace_of`` takes)."""
    layer = workspace_of(workspace).layer("township")
    features = []
    for code, name, xmin, ymin, xmax, ymax in TOWNSHIP_SQUARES:
        feature = QgsFeature(layer.fields())
        geometry = to_crs(QgsGeometry.fromRect(QgsRectangle(xmin, ymin, xmax, ymax)), layer.crs())
        geometry.convertToMultiType()
        feature.setGeometry(geometry)
        feature["uuid"] = "{" + code + "}"
        feature["xzqdm"] = code
        feature["xzqmc"] = name
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)


def make_workspace(folder: Path, authid: str) -> str:
    path = str(folder / ("ws_" + authid.replace(":", "_") + ".gpkg"))
    create_workspace(path, QgsCoordinateReferenceSystem(authid))
    add_townships(path)
    return path


@pytest.fixture
def gully_workspace(qgis_app, tmp_path) -> str:
    """A new EPSG:4547 workspace with the two synthetic townships."""
    return make_workspace(tmp_path, "EPSG:4547")
