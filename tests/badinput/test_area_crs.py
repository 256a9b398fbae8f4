"""Areas of layers in a projection that distorts areas (issue 13, CRS class).

Web Mercator (EPSG:3857) inflates areas by about 25 % at Xingguo.  The
statistics and overlap algorithms refuse it for a planimetric area (see
test_badinput.py / test_overlaps_crs.py).  Everything else measures through
``core.area.AreaMeasurer``, which now projects such a layer to EPSG:4547 first
(as it did for degrees): the gully area of benggangattributes and the treated
area of measuresummary are the EPSG:4547 areas, never +25 %.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from data import TOWNS, box, digest, townships, write  # noqa: E402


def to_3857(wkt: str) -> str:
    from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform,
                           QgsGeometry, QgsProject)

    geometry = QgsGeometry.fromWkt(wkt)
    geometry.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4547"),
                                              QgsCoordinateReferenceSystem("EPSG:3857"),
                                              QgsProject.instance()))
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
        QgsGeometry.fromWkt(wkt))
    assert measured == pytest.approx(area_4547(wkt), rel=1e-9)
    assert measured == pytest.approx(1600.0, rel=1e-6)
    assert QgsGeometry.fromWkt(wkt).area() / measured == pytest.approx(1.25, abs=0.01)


def test_benggangattributes_web_mercator_gully_area(qgis_app, tmp_path):
    import processing
    from qgis.core import QgsVectorLayer

    towns = townships(str(tmp_path / "towns.gpkg"))
    wkt = to_3857(box(633000, 2911000, 633040, 2911040))
    gullies = write(str(tmp_path / "gullies.gpkg"), [{"wkt": wkt, "bz": "x"}],
                    [("bz", "text")], epsg=3857)
    before = digest(towns, gullies)
    result = processing.run("xingguoswc:benggangattributes", {
        "INPUT": QgsVectorLayer(gullies + "|layername=data", "gullies", "ogr"),
        "TOWNSHIPS": QgsVectorLayer(towns + "|layername=township", "towns", "ogr"),
        "OUTPUT": "memory:"})
    assert digest(towns, gullies) == before
    gully, = list(result["OUTPUT"].getFeatures())
    assert gully["xzqdm"] == TOWNS[0][0]
    assert gully["mj"] == pytest.approx(round(area_4547(wkt), 2), abs=0.006)
    assert gully["mj"] == pytest.approx(1600.0, abs=0.01)  # not 2,000 (+25 %)


def test_measure_summary_web_mercator_target_area(empty_workspace, tmp_path):
    from qgis.core import QgsVectorLayer
    from test_measures import add_townships

    from xingguo_swc_plugin.core import measures as core
    from xingguo_swc_plugin.core.workspace import open_workspace

    add_townships(empty_workspace)
    wkt = to_3857(box(501000, 2901000, 501100, 2901100))  # 1 hm² drawn in EPSG:4547
    path = write(str(tmp_path / "plots.gpkg"),
                 [{"wkt": wkt, "uuid": "{11111111-2222-3333-4444-555555555555}"}],
                 [("uuid", "text")], epsg=3857)
    plots = QgsVectorLayer(path + "|layername=data", "plots", "ogr")
    ws = open_workspace(empty_workspace)
    measure = ws.layer("measure")
    fids = [f.id() for f in plots.getFeatures()]
    records = core.tag_features(measure, plots, fids, "V02", None, 2021, commit=True)
    assert records[0].sl == pytest.approx(1.0, abs=1e-4)  # hm², not 1.25
    summary = core.measure_summary(measure, None, 2021, 2021,
                                   targets={core.layer_key(plots): plots})
    assert summary.total.treated_features == 1
    assert summary.total.treated_area_hm2 == pytest.approx(area_4547(wkt) / 10000.0,
                                                           rel=1e-6)
