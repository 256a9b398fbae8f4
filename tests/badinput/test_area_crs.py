"""Areas of layers in a projection that distorts areas (issue 13, CRS class).

Web Mercator (EPSG:3857) inflates areas by about 25 % at Xingguo.  The
statistics and overlap algorithms refuse it for a planimetric area (see
test_badinput.py / test_overlaps_crs.py).  Everything else measures through
``core.area.AreaMeasurer``, which now projects such a layer to EPSG:4547 first
(as it did for degrees): the gully area of benggangattributes and the treated
area of measuresummary are the EPSG:4547 areas, never +25 %.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from data import TOWNS, box, digest, townships, write  # noqa: E402


def to_3857(wkt: str) -> str:
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsGeometry,
        QgsProject,
    )

    geometry = QgsGeometry.fromWkt(wkt)
    geometry.transform(
        QgsCoordinateTransform(
            QgsCoordinateReferenceSystem("EPSG:4547"),
            QgsCoordinateReferenceSystem("EPSG:3857"),
            QgsProject.instance(),
        )
    )
    return geometry.asWkt(17)


def area_4547(wkt_3857: str) -> float:
    """The planimetric area in EPSG:4547 of a 3857 geometry, with OGR (not QGIS)."""
    from osgeo import ogr, osr

    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(3857)
    target.ImportFromEPSG(4547)
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    geometry = ogr.CreateGeometryFromWkt(wkt_3857)
    geometry.Transform(osr.CoordinateTransformation(source, target))
    return geometry.GetArea()


def test_area_measurer_projects_web_mercator(qgis_app):
    from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry

    from xingguo_swc_plugin.core.area import AreaMeasurer

    wkt = to_3857(box(633000, 2911000, 633040, 2911040))
    measured = AreaMeasurer(QgsCoordinateReferenceSystem("EPSG:3857")).area_m2(
        QgsGeometry.fromWkt(wkt)
    )
    assert measured == pytest.approx(area_4547(wkt), rel=1e-9)
    assert measured == pytest.approx(1600.0, rel=1e-6)
    assert QgsGeometry.fromWkt(wkt).area() / measured == pytest.approx(1.25, abs=0.01)


def test_benggangattributes_web_mercator_gully_area(qgis_app, tmp_path):
    import processing
    from qgis.core import QgsVectorLayer

    towns = townships(str(tmp_path / "towns.gpkg"))
    wkt = to_3857(box(633000, 2911000, 633040, 2911040))
    gullies = write(
        str(tmp_path / "gullies.gpkg"), [{"wkt": wkt, "bz": "x"}], [("bz", "text")], epsg=3857
    )
    before = digest(towns, gullies)
    result = processing.run(
        "xingguoswc:benggangattributes",
        {
            "INPUT": QgsVectorLayer(gullies + "|layername=data", "gullies", "ogr"),
            "TOWNSHIPS": QgsVectorLayer(towns + "|layername=township", "towns", "ogr"),
            "OUTPUT": "memory:",
        },
    )
    assert digest(towns, gullies) == before
    (gully,) = list(result["OUTPUT"].getFeatures())
    assert gully["xzqdm"] == TOWNS[0][0]
    assert gully["mj"] == pytest.approx(round(area_4547(wkt), 2), abs=0.006)
    assert gully["mj"] == pytest.approx(1600.0, abs=0.01)  # not 2,000 (+25 %)


def test_measure_summary_web_mercator_target_area(empty_workspace, tmp_path):
    from qgis.core import QgsVectorLayer
    from test_measures import add_townships

    from xingguo_swc_plugin.core.measure_records import layer_key
    from xingguo_swc_plugin.core.measure_summary import measure_summary
    from xingguo_swc_plugin.core.measure_tagging import tag_features
    from xingguo_swc_plugin.core.workspace.geopackage import open_workspace

    add_townships(empty_workspace)
    wkt = to_3857(box(501000, 2901000, 501100, 2901100))  # 1 hm² drawn in EPSG:4547
    path = write(
        str(tmp_path / "plots.gpkg"),
        [{"wkt": wkt, "uuid": "{11111111-2222-3333-4444-555555555555}"}],
        [("uuid", "text")],
        epsg=3857,
    )
    plots = QgsVectorLayer(path + "|layername=data", "plots", "ogr")
    ws = open_workspace(empty_workspace)
    measure = ws.layer("measure")
    fids = [f.id() for f in plots.getFeatures()]
    records = tag_features(measure, plots, fids, "V02", None, 2021, commit=True)
    assert records[0].sl == pytest.approx(1.0, abs=1e-4)  # hm², not 1.25
    summary = measure_summary(measure, None, 2021, 2021, targets={layer_key(plots): plots})
    assert summary.treated_area_hm2 == pytest.approx(area_4547(wkt) / 10000.0, rel=1e-6)


def test_conservationrate_web_mercator_refused_or_ellipsoidal(qgis_app, tmp_path):
    import processing
    from qgis.core import QgsProcessingException, QgsVectorLayer
    from test_overlaps_crs import geodesic_areas

    towns = townships(str(tmp_path / "towns.gpkg"))
    square = box(631000, 2911000, 631100, 2911100)
    erosion = write(
        str(tmp_path / "erosion.gpkg"),
        [{"wkt": to_3857(square), "qsqd": 3}],
        [("qsqd", "int")],
        epsg=3857,
    )

    def params(method):
        return {
            "TOWNSHIPS": QgsVectorLayer(towns + "|layername=township", "t", "ogr"),
            "EROSION": QgsVectorLayer(erosion + "|layername=data", "erosion", "ogr"),
            "GRADE_FIELD": "qsqd",
            "AREA_METHOD": method,
            "OUTPUT": "memory:",
        }

    before = digest(towns, erosion)
    with pytest.raises(QgsProcessingException) as info:
        processing.run("xingguoswc:conservationrate", params(0))
    assert "EPSG:3857" in str(info.value) and "EPSG:4547" in str(info.value)
    result = processing.run("xingguoswc:conservationrate", params(1))
    assert digest(towns, erosion) == before
    rows = {f["xzqdm"]: f for f in result["OUTPUT"].getFeatures()}
    x0, y0, x1, y1 = TOWNS[0][2:]
    town_ring = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]
    ring = [
        [631000, 2911000],
        [631100, 2911000],
        [631100, 2911100],
        [631000, 2911100],
        [631000, 2911000],
    ]
    land, eroded = geodesic_areas("EPSG:4547", [town_ring, ring])
    row = rows[TOWNS[0][0]]
    assert row["land_area_m2"] == pytest.approx(land, rel=1e-6)
    assert row["erosion_area_m2"] == pytest.approx(eroded, rel=1e-6)
    assert row["rate_percent"] == pytest.approx(100.0 * (land - eroded) / land, abs=1e-4)


def test_importprojects_refuses_degrees_without_prj(empty_workspace, tmp_path):
    import processing
    from qgis.core import QgsProcessingException, QgsVectorLayer

    path = write(
        str(tmp_path / "projects.shp"),
        [{"wkt": box(115.30, 26.30, 115.31, 26.31), "xmbh": "XM001"}],
        [("xmbh", "text")],
        epsg=None,
    )
    assert not Path(path).with_suffix(".prj").exists()
    before = digest(empty_workspace, path)
    with pytest.raises(QgsProcessingException) as info:
        processing.run(
            "xingguoswc:importprojects",
            {"INPUT": QgsVectorLayer(path, "projects", "ogr"), "WORKSPACE": empty_workspace},
        )
    message = str(info.value)
    assert "projects" in message and "no coordinate reference system" in message, message
    assert digest(empty_workspace, path) == before


def test_importprojects_in_degrees_with_their_crs_are_stored_in_metres(empty_workspace, tmp_path):
    import processing
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsGeometry,
        QgsProject,
        QgsVectorLayer,
    )

    square = QgsGeometry.fromWkt(box(631000, 2911000, 631100, 2911100))
    square.transform(
        QgsCoordinateTransform(
            QgsCoordinateReferenceSystem("EPSG:4547"),
            QgsCoordinateReferenceSystem("EPSG:4490"),
            QgsProject.instance(),
        )
    )
    path = write(
        str(tmp_path / "projects.gpkg"),
        [{"wkt": square.asWkt(17), "xmbh": "XM001"}],
        [("xmbh", "text")],
        epsg=4490,
    )
    result = processing.run(
        "xingguoswc:importprojects",
        {
            "INPUT": QgsVectorLayer(path + "|layername=data", "projects", "ogr"),
            "WORKSPACE": empty_workspace,
        },
    )
    assert result["IMPORTED"] == 1
    stored = QgsVectorLayer(empty_workspace + "|layername=dev_project", "p", "ogr")
    (feature,) = list(stored.getFeatures())
    assert stored.crs().authid() == "EPSG:4547"
    assert feature.geometry().area() == pytest.approx(10000.0, rel=1e-6)
