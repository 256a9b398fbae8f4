"""checkoverlaps: hand-built cases with obvious answers, and a generated county
compared with geopandas/shapely 2 (sjoin + intersection) in the bench venv."""

from __future__ import annotations

import json
from pathlib import Path

import generate  # noqa: E402
import peerenv  # noqa: E402
import pytest

PEER = Path(__file__).resolve().parents[1] / "bench" / "peer_geopandas.py"


def _hand_layer():
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer("Polygon?crs=EPSG:4547&field=tbbh:string", "parcels", "memory")
    shapes = [
        ("A", "POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))"),
        ("B", "POLYGON((50 50, 150 50, 150 150, 50 150, 50 50))"),  # A∩B = 2500
        ("C", "POLYGON((100 0, 200 0, 200 40, 100 40, 100 0))"),  # touches A only
        ("D", "POLYGON((10 10, 20 10, 20 20, 10 20, 10 10))"),  # inside A: 100
        ("E", "POLYGON((300 0, 400 100, 400 0, 300 100, 300 0))"),  # bow-tie
        ("F", "POLYGON((199.95 0, 260 0, 260 40, 199.95 40, 199.95 0))"),  # C∩F = 2 m²
    ]
    features = []
    for tbbh, wkt in shapes:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([tbbh])
        geometry = QgsGeometry.fromWkt(wkt)
        geometry.translate(630000, 2910000)  # near Xingguo: coordinates EPSG:4547 can hold
        feature.setGeometry(geometry)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_hand_built_overlaps(qgis_app):
    import processing

    result = processing.run(
        "xingguoswc:checkoverlaps",
        {
            "INPUT": _hand_layer(),
            "ID_FIELD": "tbbh",
            "MIN_AREA": 0.01,
            "OUTPUT": "memory:",
            "INVALID": "memory:",
        },
    )
    pairs = {(f["id_a"], f["id_b"]): f for f in result["OUTPUT"].getFeatures()}
    assert set(pairs) == {("A", "B"), ("A", "D"), ("C", "F")}
    assert pairs[("A", "B")]["overlap_area_m2"] == pytest.approx(2500.0)
    assert pairs[("A", "D")]["overlap_area_m2"] == pytest.approx(100.0)
    assert pairs[("C", "F")]["overlap_area_m2"] == pytest.approx(2.0)
    assert pairs[("A", "B")].geometry().area() == pytest.approx(2500.0)
    assert pairs[("A", "B")].geometry().boundingBox().xMinimum() == pytest.approx(630050.0)
    for f in pairs.values():
        assert f["fid_a"] < f["fid_b"]
    invalid = list(result["INVALID"].getFeatures())
    assert [f["id"] for f in invalid] == ["E"]
    assert "intersection" in invalid[0]["reason"].lower()
    assert result["OUTPUT"].crs().authid() == "EPSG:4547"


def test_min_area_filters_small_overlaps(qgis_app):
    from xingguo_swc_plugin.core.overlaps import find_overlaps

    result = find_overlaps(_hand_layer(), "tbbh", min_area=50.0)
    assert {(p.id_a, p.id_b) for p in result.pairs} == {("A", "B"), ("A", "D")}
    assert len(result.invalid) == 1 and result.features == 6


def test_geographic_layer_area_in_square_metres(qgis_app):
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

    from xingguo_swc_plugin.core.overlaps import find_overlaps

    layer = _hand_layer()
    # move the squares to Xingguo and into EPSG:4490
    transform = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4547"),
        QgsCoordinateReferenceSystem("EPSG:4490"),
        QgsProject.instance(),
    )
    from qgis.core import QgsVectorLayer

    geo = QgsVectorLayer("Polygon?crs=EPSG:4490&field=tbbh:string", "geo", "memory")
    features = []
    for feature in layer.getFeatures():
        g = feature.geometry()
        g.translate(490000, 2920000)
        g.transform(transform)
        feature.setGeometry(g)
        features.append(feature)
    geo.dataProvider().addFeatures(features)
    result = find_overlaps(geo, "tbbh")
    areas = {(p.id_a, p.id_b): p.area_m2 for p in result.pairs}
    assert areas[("A", "B")] == pytest.approx(2500.0, rel=1e-4)


def test_missing_id_field(qgis_app):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as info:
        processing.run(
            "xingguoswc:checkoverlaps",
            {"INPUT": _hand_layer(), "ID_FIELD": "nope", "OUTPUT": "memory:", "INVALID": "memory:"},
        )
    assert "nope" in str(info.value) or "ID_FIELD" in str(info.value)


def test_generated_county_matches_geopandas(qgis_app, tmp_path):
    import processing
    from qgis.core import QgsVectorLayer

    path = str(tmp_path / "county.gpkg")
    facts = generate.generate(path, 4000, seed=5, invalid_fraction=0.003)
    out = tmp_path / "peer.json"
    done = peerenv.run_peer(PEER, "overlaps", path, str(out), "--id", "tbbh")
    assert done.returncode == 0, done.stderr
    peer = json.loads(out.read_text())
    layer = QgsVectorLayer(path + "|layername=parcel", "parcel", "ogr")
    result = processing.run(
        "xingguoswc:checkoverlaps",
        {"INPUT": layer, "ID_FIELD": "tbbh", "OUTPUT": "memory:", "INVALID": "memory:"},
    )
    mine = {(f["fid_a"], f["fid_b"]): f["overlap_area_m2"] for f in result["OUTPUT"].getFeatures()}
    expected = {(a, b): area for a, b, area in peer["pairs"]}
    assert len(expected) > 20, "the generator should make overlaps"
    assert set(mine) == set(expected)
    for key, area in expected.items():
        assert mine[key] == pytest.approx(area, rel=1e-6), key
    invalid = sorted(f["fid"] for f in result["INVALID"].getFeatures())
    # a swapped vertex pair makes a bow-tie (rarely a still-valid ring)
    assert invalid == sorted(peer["invalid"]) and 0 < len(invalid) <= facts["invalid"]
    # ids come from the id field
    some = next(iter(result["OUTPUT"].getFeatures()))
    assert some["id_a"].startswith("P") and some["id_a"] != some["id_b"]


def test_numpy_clip_paths_equal_geos(qgis_app):
    """Convex/convex (numpy result), convex/concave (numpy area, GEOS part),
    concave/concave (GEOS), touching and near-threshold pairs: every pair and
    area equals a direct GEOS intersection of each pair."""
    from itertools import combinations

    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    from xingguo_swc_plugin.core.overlaps import find_overlaps

    shapes = {
        "sq": "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))",
        "tri": "POLYGON((5 5, 20 5, 5 20, 5 5))",  # convex, CCW
        "cw": "POLYGON((8 -2, 8 3, 14 3, 14 -2, 8 -2))",  # convex, clockwise
        "ell": "POLYGON((-5 -5, 3 -5, 3 2, -2 2, -2 12, -5 12, -5 -5))",  # concave L
        "uu": "POLYGON((-4 8, 12 8, 12 14, 9 14, 9 11, -1 11, -1 14, -4 14, -4 8))",
        "touch": "POLYGON((10 0, 16 0, 16 -1, 10 -1, 10 0))",  # shares a point/edge
        "tiny": "POLYGON((9.995 9, 11 9, 11 9.5, 9.995 9.5, 9.995 9))",  # 0.0025 with sq
        "col": "POLYGON((2 2, 4 2, 6 2, 6 4, 6 6, 2 6, 2 2))",  # collinear vertices
    }
    # UTM 31N holds coordinates around (0, 0) (the CRS check refuses them in EPSG:4547)
    layer = QgsVectorLayer("Polygon?crs=EPSG:32631&field=tbbh:string", "p", "memory")
    features = []
    for name, wkt in shapes.items():
        feature = QgsFeature(layer.fields())
        feature.setAttributes([name])
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    expected = {}
    for (n1, w1), (n2, w2) in combinations(shapes.items(), 2):
        area = QgsGeometry.fromWkt(w1).intersection(QgsGeometry.fromWkt(w2)).area()
        if area >= 0.01:
            expected[tuple(sorted((n1, n2)))] = area
    result = find_overlaps(layer, "tbbh", 0.01)
    got = {tuple(sorted((p.id_a, p.id_b))): p for p in result.pairs}
    assert set(got) == set(expected)
    assert ("sq", "tiny") not in got and ("ell", "uu") in got
    for key, area in expected.items():
        assert got[key].area_m2 == pytest.approx(area, rel=1e-9)
        assert got[key].geometry.area() == pytest.approx(area, rel=1e-9)
        assert got[key].geometry.isGeosValid()
