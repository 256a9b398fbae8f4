"""checkoverlaps in a CRS that distorts areas (issue 13): refused, or ellipsoidal.

Two squares of 300 m drawn in EPSG:4547 near Xingguo share a 100 m × 200 m
rectangle.  The same squares in Web Mercator (EPSG:3857, +25 % in area at 26°N)
or in degrees (EPSG:4326) are refused for a planimetric area with a message
naming EPSG:4547, or measured on the CGCS2000 ellipsoid with AREA_METHOD = 1.
The ellipsoidal area is compared with PROJ's geodesic polygon area (pyproj
``Geod``, Karney's algorithm, GRS 80 = the CGCS2000 ellipsoid) computed in a
separate interpreter from the vertices of the shared part, not with QGIS.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from data import box, digest, write  # noqa: E402

A = box(631000, 2911000, 631300, 2911300)
B = box(631200, 2911100, 631500, 2911400)  # shares 100 m × 200 m with A

GEOD_SCRIPT = r"""
import json, sys
from pyproj import Geod, Transformer
crs, rings = sys.argv[1], json.loads(sys.argv[2])
to_lonlat = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
geod = Geod(ellps="GRS80")
areas = []
for ring in rings:
    lon, lat = to_lonlat.transform([p[0] for p in ring], [p[1] for p in ring])
    area, _ = geod.polygon_area_perimeter(lon, lat)
    areas.append(abs(area))
print(json.dumps(areas))
"""


def geodesic_areas(crs: str, rings: list) -> list:
    """Areas (m²) of ``rings`` (vertex lists in ``crs``) by pyproj in another process."""
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    done = subprocess.run(
        ["/usr/bin/python3", "-c", GEOD_SCRIPT, crs, json.dumps(rings)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return json.loads(done.stdout)


def squares_in(epsg: int, tmp_path) -> str:
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsGeometry,
        QgsProject,
    )

    transform = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4547"),
        QgsCoordinateReferenceSystem("EPSG:%d" % epsg),
        QgsProject.instance(),
    )
    shapes = []
    for tbbh, wkt in (("A", A), ("B", B)):
        geometry = QgsGeometry.fromWkt(wkt)
        geometry.transform(transform)
        shapes.append({"wkt": geometry.asWkt(17), "tbbh": tbbh})
    return write(str(tmp_path / ("squares_%d.gpkg" % epsg)), shapes, [("tbbh", "text")], epsg)


def input_layer(path: str):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(path + "|layername=data", "squares", "ogr")
    assert layer.isValid()
    return layer


@pytest.mark.parametrize("epsg", [3857])
def test_distorting_projection_refused_without_the_ellipsoidal_option(qgis_app, tmp_path, epsg):
    import processing
    from qgis.core import QgsProcessingException

    path = squares_in(epsg, tmp_path)
    before = digest(path)
    with pytest.raises(QgsProcessingException) as info:
        processing.run(
            "xingguoswc:checkoverlaps",
            {
                "INPUT": input_layer(path),
                "ID_FIELD": "tbbh",
                "OUTPUT": str(tmp_path / "out.gpkg"),
                "INVALID": "memory:",
            },
        )
    message = str(info.value)
    assert "EPSG:%d" % epsg in message and "EPSG:4547" in message and "ellipsoidal" in message, (
        message
    )
    assert digest(path) == before
    assert not (tmp_path / "out.gpkg").exists()


@pytest.mark.parametrize("epsg", [3857, 4326, 4547])
def test_ellipsoidal_overlap_equals_the_geodesic_area(qgis_app, tmp_path, epsg):
    import processing

    path = squares_in(epsg, tmp_path)
    before = digest(path)
    result = processing.run(
        "xingguoswc:checkoverlaps",
        {
            "INPUT": input_layer(path),
            "ID_FIELD": "tbbh",
            "AREA_METHOD": 1,
            "OUTPUT": "memory:",
            "INVALID": "memory:",
        },
    )
    assert digest(path) == before
    pairs = list(result["OUTPUT"].getFeatures())
    assert result["PAIRS"] == len(pairs) == 1
    pair = pairs[0]
    assert (pair["id_a"], pair["id_b"]) == ("A", "B")
    ring = [[p.x(), p.y()] for p in pair.geometry().asMultiPolygon()[0][0]]
    (expected,) = geodesic_areas("EPSG:%d" % epsg, [ring])
    # Karney's geodesic area vs QGIS's ellipsoidal area: within 1e-6 (0.02 m²)
    assert pair["overlap_area_m2"] == pytest.approx(expected, rel=1e-6)
    # the same ground area whatever CRS the layer is in: the geodesic area of
    # the shared rectangle as drawn in EPSG:4547 (20,000 m² on the map, 19,991.5
    # m² on the ellipsoid: the Gauss-Kruger scale factor 131 km off CM 114°E)
    drawn = [
        [631200, 2911100],
        [631300, 2911100],
        [631300, 2911300],
        [631200, 2911300],
        [631200, 2911100],
    ]
    (ground,) = geodesic_areas("EPSG:4547", [drawn])
    assert ground == pytest.approx(19991.5, abs=0.1)
    assert pair["overlap_area_m2"] == pytest.approx(ground, rel=1e-6)


def test_planimetric_in_web_mercator_would_be_25_percent_too_large(qgis_app, tmp_path):
    """What the refusal prevents: the 3857 planar area of the shared part."""
    import processing

    path = squares_in(3857, tmp_path)
    result = processing.run(
        "xingguoswc:checkoverlaps",
        {"INPUT": input_layer(path), "AREA_METHOD": 1, "OUTPUT": "memory:", "INVALID": "memory:"},
    )
    pair = next(result["OUTPUT"].getFeatures())
    assert pair.geometry().area() / pair["overlap_area_m2"] == pytest.approx(1.25, abs=0.01)
