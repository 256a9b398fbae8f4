"""Features that a spatial index cannot hold are refused, never lost (issue 13).

``QgsSpatialIndex.addFeature`` takes an empty (or all-NaN) box, returns True
and then never returns the feature from a query where it was drawn.  A township with one NaN
vertex is invalid; the repair (makeValid) leaves an empty geometry, whose box
is empty: the township, zone or corridor silently dropped out of every overlay
(its gullies "outside every township").  Every index of the plugin is filled through
``core.geometry.index_geometry``, which refuses such a feature by name.
"""

from __future__ import annotations

import math

import pytest
from data import TOWNS, box, digest, write  # noqa: E402


def nan_polygon_wkb() -> bytes:
    from osgeo import ogr

    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in (
        (630000, 2910000),
        (math.nan, 2910000),
        (635000, 2915000),
        (630000, 2915000),
        (630000, 2910000),
    ):
        ring.AddPoint_2D(x, y)
    polygon = ogr.Geometry(ogr.wkbPolygon)
    polygon.AddGeometry(ring)
    return polygon.ExportToWkb()


def repaired_nan_polygon():
    from qgis.core import QgsGeometry

    geometry = QgsGeometry()
    geometry.fromWkb(nan_polygon_wkb())
    assert not geometry.isGeosValid()
    return geometry.makeValid()


def test_the_index_itself_loses_a_repaired_nan_polygon(qgis_app):
    """The premise: QGIS reports success and the feature is never found."""
    from qgis.core import QgsRectangle, QgsSpatialIndex

    geometry = repaired_nan_polygon()
    assert geometry.isEmpty()
    index = QgsSpatialIndex()
    assert index.addFeature(7, geometry.boundingBox())
    # not found where it was drawn (its box is 0,0 - 0,0 or empty)
    assert 7 not in index.intersects(QgsRectangle(631000, 2911000, 632000, 2912000))


def test_index_geometry_refuses_and_names_the_feature(qgis_app):
    from qgis.core import QgsGeometry, QgsRectangle, QgsSpatialIndex

    from xingguo_swc_plugin.core.errors import InputError
    from xingguo_swc_plugin.core.geometry import index_geometry

    index = QgsSpatialIndex()
    good = QgsGeometry.fromWkt(box(636000, 2911000, 636050, 2911100))
    index_geometry(index, 1, good, "Township 360732101")
    assert index.intersects(QgsRectangle(636010, 2911010, 636020, 2911020)) == [1]
    bad = repaired_nan_polygon()
    with pytest.raises(InputError, match="Township 360732100 cannot be placed"):
        index_geometry(index, 2, bad, "Township 360732100")
    with pytest.raises(InputError, match="Feature 3 cannot be placed"):
        index_geometry(index, 3, QgsGeometry())
    assert index.intersects(QgsRectangle(0, 0, 1e7, 1e7)) == [1]


def test_benggangattributes_refuses_a_township_with_nan_coordinates(qgis_app, tmp_path):
    import processing
    from osgeo import ogr
    from qgis.core import (
        QgsFeatureRequest,
        QgsProcessingContext,
        QgsProcessingException,
        QgsProcessingFeedback,
        QgsProject,
        QgsVectorLayer,
    )

    towns = write(
        str(tmp_path / "towns.gpkg"),
        [{"wkt": box(*TOWNS[1][2:]), "xzqdm": TOWNS[1][0], "xzqmc": TOWNS[1][1]}],
        [("xzqdm", "text"), ("xzqmc", "text")],
        layer="township",
    )
    source = ogr.Open(towns, 1)
    target = source.GetLayer("township")
    feature = ogr.Feature(target.GetLayerDefn())
    feature.SetField("xzqdm", TOWNS[0][0])
    feature.SetField("xzqmc", TOWNS[0][1])
    feature.SetGeometry(ogr.CreateGeometryFromWkb(nan_polygon_wkb()))
    assert target.CreateFeature(feature) == 0
    target = source = None
    gullies = write(
        str(tmp_path / "gullies.gpkg"),
        [{"wkt": box(636000, 2911000, 636020, 2911020), "bz": "x"}],
        [("bz", "text")],
    )
    before = digest(towns, gullies)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    # the user asked Processing not to check geometries: the plugin repairs them
    context.setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
    with pytest.raises(QgsProcessingException) as info:
        processing.run(
            "xingguoswc:benggangattributes",
            {
                "INPUT": QgsVectorLayer(gullies + "|layername=data", "gullies", "ogr"),
                "TOWNSHIPS": QgsVectorLayer(towns + "|layername=township", "towns", "ogr"),
                "OUTPUT": str(tmp_path / "out.gpkg"),
            },
            context=context,
            feedback=QgsProcessingFeedback(),
        )
    message = str(info.value)
    assert "Township 360732100 cannot be placed in the spatial index" in message, message
    assert digest(towns, gullies) == before
    assert not (tmp_path / "out.gpkg").exists()
