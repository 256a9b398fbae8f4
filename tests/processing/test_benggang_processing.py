"""xingguoswc:benggangattributes on an 'imported' layer without derived values."""

from __future__ import annotations

import processing
import pytest
from benggang_fixtures import square, to_crs
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsProcessingException,
    QgsVectorLayer,
)

from xingguo_swc_plugin.core.workspace.geopackage import open_workspace


def _imported(authid: str, rows):
    """A memory layer as it comes from another system: geometry, some IDs, a note."""
    layer = QgsVectorLayer(
        "MultiPolygon?crs=" + authid + "&field=bgbh:string(20)&field=bz:string(50)",
        "imported",
        "memory",
    )
    features = []
    for bgbh, geometry, note in rows:
        feature = QgsFeature(layer.fields())
        geometry = to_crs(geometry, QgsCoordinateReferenceSystem(authid))
        geometry.convertToMultiType()
        feature.setGeometry(geometry)
        feature.setAttributes([bgbh, note])
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    return layer


def test_fills_township_area_scale_and_missing_ids(gully_workspace):
    townships = open_workspace(gully_workspace).layer("township")
    layer = _imported(
        "EPSG:4547",
        [
            ("360732100-0007", square(631000, 2911000, 20), "kept"),
            (None, square(631100, 2911000, 40), "new id"),
            ("360732100-0007", square(631200, 2911000, 70), "duplicate"),
            (None, square(636000, 2911000, 50), "other township"),
            (None, square(650000, 2911000, 50), "outside"),
        ],
    )
    result = processing.run(
        "xingguoswc:benggangattributes",
        {"INPUT": layer, "TOWNSHIPS": townships, "OUTPUT": "memory:"},
    )
    output = result["OUTPUT"]
    rows = {f["bz"]: f for f in output.getFeatures()}
    assert set(output.fields().names()) >= {"bgbh", "xzqdm", "xzqmc", "mj", "gm", "bz"}
    assert rows["kept"]["bgbh"] == "360732100-0007"
    assert (rows["kept"]["mj"], rows["kept"]["gm"], rows["kept"]["xzqmc"]) == (400.0, "S", "潋江镇")
    assert rows["new id"]["bgbh"] == "360732100-0008"
    assert rows["new id"]["gm"] == "M"
    assert rows["duplicate"]["bgbh"] == "360732100-0009"
    assert rows["duplicate"]["gm"] == "L"
    assert rows["other township"]["bgbh"] == "360732101-0001"
    assert rows["other township"]["xzqdm"] == "360732101"
    assert not rows["outside"]["bgbh"] and not rows["outside"]["xzqdm"]
    assert rows["outside"]["mj"] == pytest.approx(2500.0)
    assert result["IDS_ASSIGNED"] == 3 and result["WITHOUT_TOWNSHIP"] == 1
    assert result["FEATURES"] == 5
    assert layer.featureCount() == 5 and next(layer.getFeatures())["bz"] == "kept"


def test_geographic_input_gets_ellipsoidal_area_close_to_planimetric(gully_workspace):
    townships = open_workspace(gully_workspace).layer("township")
    outline = square(632000, 2912000, 80)
    results = {}
    for authid in ("EPSG:4547", "EPSG:4490"):
        layer = _imported(authid, [(None, outline, "x")])
        output = processing.run(
            "xingguoswc:benggangattributes",
            {"INPUT": layer, "TOWNSHIPS": townships, "OUTPUT": "memory:"},
        )["OUTPUT"]
        feature = next(output.getFeatures())
        assert feature["bgbh"] == "360732100-0001" and feature["gm"] == "L"
        results[authid] = feature["mj"]
    assert results["EPSG:4547"] == pytest.approx(6400.0, abs=0.01)
    assert results["EPSG:4490"] != results["EPSG:4547"]  # really measured differently
    assert abs(results["EPSG:4490"] / results["EPSG:4547"] - 1) < 0.001


def test_township_layer_without_codes_is_refused(qgis_app):
    layer = _imported("EPSG:4547", [(None, square(631000, 2911000, 20), "x")])
    bad = QgsVectorLayer("Polygon?crs=EPSG:4547&field=name:string", "bad", "memory")
    with pytest.raises(QgsProcessingException, match="xzqdm"):
        processing.run(
            "xingguoswc:benggangattributes", {"INPUT": layer, "TOWNSHIPS": bad, "OUTPUT": "memory:"}
        )
