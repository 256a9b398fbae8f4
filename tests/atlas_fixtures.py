"""A small hand-made workspace for the atlas tests: 3 townships with known figures.

Squares of 10 km × 10 km side by side (EPSG:4547), each with erosion polygons of
known grades and areas, gullies of each scale and status, parcels, findings and
measures, so the expected figures are plain arithmetic.
"""

from __future__ import annotations

import uuid
from typing import Dict, List

from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsGeometry

from xingguo_swc_plugin.core.workspace.geopackage import create_workspace

TOWNSHIPS = (("360732100", "潋江镇"), ("360732101", "江背镇"), ("360732203", "长冈乡"))
X0, Y0, SIDE = 640_000.0, 2_910_000.0, 10_000.0


def _square(x: float, y: float, side: float) -> QgsGeometry:
    return QgsGeometry.fromWkt(
        "MultiPolygon((({0} {1},{2} {1},{2} {3},{0} {3},{0} {1})))".format(x, y, x + side, y + side)
    )


def _add(layer, rows: List[Dict]) -> None:
    features = []
    for row in rows:
        feature = QgsFeature(layer.fields())
        feature["uuid"] = row.pop("uuid", str(uuid.uuid4()))
        geometry = row.pop("geometry", None)
        for name, value in row.items():
            feature[name] = value
        if geometry is not None:
            feature.setGeometry(geometry)
        features.append(feature)
    ok, _ = layer.dataProvider().addFeatures(features)
    assert ok, layer.name()


def make_small_workspace(path: str) -> str:
    workspace = create_workspace(path, QgsCoordinateReferenceSystem("EPSG:4547"))
    towns, erosion, gullies, parcels, findings, measures = [], [], [], [], [], []
    for index, (code, name) in enumerate(TOWNSHIPS):
        x = X0 + index * SIDE
        towns.append({"xzqdm": code, "xzqmc": name, "geometry": _square(x, Y0, SIDE)})
        # township i: i+1 km² of 轻度 (grade 2), 1 km² of 微度, 0.25 km² of 剧烈
        erosion.append(
            {
                "qsqd": 2,
                "xzqdm": code,
                "nd": 2023,
                "geometry": _square(x + 100, Y0 + 100, 1000 * (index + 1) ** 0.5),
            }
        )
        erosion.append(
            {"qsqd": 1, "xzqdm": code, "nd": 2023, "geometry": _square(x + 5000, Y0 + 5000, 1000)}
        )
        erosion.append(
            {"qsqd": 6, "xzqdm": code, "nd": 2023, "geometry": _square(x + 7000, Y0 + 1000, 500)}
        )
        for number, (scale, side, status) in enumerate(
            (("S", 20, "0"), ("M", 40, "2"), ("L", 60, "1"), ("L", 70, "2"))
        ):
            gully_id = "BG{0}{1}".format(index, number)
            gully_uuid = str(uuid.uuid4())
            # treated gullies completed in 2023, inside the plan window
            gullies.append(
                {
                    "uuid": gully_uuid,
                    "bgbh": gully_id,
                    "xzqdm": code,
                    "xzqmc": name,
                    "gm": scale,
                    "zlzt": status,
                    "zlnd": 2023 if status == "2" else None,
                    "mj": float(side * side),
                    "geometry": _square(x + 2000 + number * 300, Y0 + 7000, side),
                }
            )
            if status == "2":
                measures.append(
                    {
                        "cslb": "V",
                        "csdm": "V01",
                        "sl": 1.0,
                        "dw": "hm2",
                        "nd": 2023,
                        "mbtc": "benggang",
                        "mbid": gully_uuid,
                        "xzqdm": code,
                    }
                )
        parcels.append(
            {
                "tbbh": "TB{0}".format(index),
                "xzqdm": code,
                "kflx": "2",
                "mj": 40000.0,
                "geometry": _square(x + 3000, Y0 + 3000, 200),
            }
        )
        for rule_index in range(index + 1):
            findings.append(
                {
                    "tbbh": "TB{0}".format(index),
                    "gz": ("UNREGISTERED", "STEEP_SLOPE")[rule_index % 2],
                    "zt": "1",
                    "xzqdm": code,
                    "mj": 100.0,
                    "geometry": _square(x + 3000, Y0 + 3000, 10 + rule_index),
                }
            )
    for table, rows in (
        ("township", towns),
        ("erosion", erosion),
        ("benggang", gullies),
        ("parcel", parcels),
        ("finding", findings),
        ("measure", measures),
    ):
        _add(workspace.layer(table), rows)
    return path
