"""parcelchange: hand-built deliveries whose change class is obvious, and two
generated deliveries compared with an independent geopandas/shapely 2
computation (overlay) in the peer venv."""

from __future__ import annotations

import json
from pathlib import Path

import peerenv  # noqa: E402
import pytest

PEER = Path(__file__).resolve().parents[1] / "bench" / "peer_change.py"


def _box(x0, y0, x1, y1):
    return "POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))".format(x0, y0, x1, y1)


OLD = [
    ("O2", _box(0, 0, 100, 100)),  # grows by 30 % -> N2
    ("O3", _box(300, 0, 500, 100)),  # split into N3a, N3b
    ("O4a", _box(700, 0, 800, 100)),  # merged with O4b into N4
    ("O4b", _box(800, 0, 900, 100)),
    ("O5", _box(0, 500, 100, 600)),  # gone
    ("O6", _box(300, 500, 400, 600)),  # unchanged, new ID N6
    ("O7", _box(600, 500, 700, 600)),  # shrinks to half -> N7
    ("O8", "POLYGON((0 1000, 200 1000, 200 1100, 100 1100, 100 1200, 0 1200, 0 1000))"),
]
NEW = [
    ("N1", _box(1000, 0, 1100, 100)),  # new
    ("N2", _box(0, 0, 100, 130)),
    ("N3a", _box(300, 0, 400, 100)),
    ("N3b", _box(400, 0, 500, 100)),
    ("N4", _box(700, 0, 900, 100)),
    ("N6", _box(300, 500, 400, 600)),
    ("N7", _box(600, 500, 700, 550)),
    # non-convex old and new (GEOS path): the L grows by a 100 x 100 square
    ("N8", "POLYGON((0 1000, 300 1000, 300 1100, 100 1100, 100 1200, 0 1200, 0 1000))"),
]


def _layer(rows, crs="EPSG:4547", name="parcels"):
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsFeature,
        QgsGeometry,
        QgsProject,
        QgsVectorLayer,
    )

    layer = QgsVectorLayer("Polygon?crs=%s&field=tbbh:string" % crs, name, "memory")
    transform = None
    if crs != "EPSG:4547":
        transform = QgsCoordinateTransform(
            QgsCoordinateReferenceSystem("EPSG:4547"),
            QgsCoordinateReferenceSystem(crs),
            QgsProject.instance(),
        )
    features = []
    for tbbh, wkt in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([tbbh])
        geometry = QgsGeometry.fromWkt(wkt)
        geometry.translate(500000.0, 2900000.0)
        if transform is not None:
            geometry.transform(transform)
        feature.setGeometry(geometry)
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    return layer


def _run(old, new, **extra):
    import processing

    parameters = {"OLD": old, "NEW": new, "MIN_AREA": 50.0, "CRS": "EPSG:4547", "OUTPUT": "memory:"}
    parameters.update(extra)
    return processing.run("xingguoswc:parcelchange", parameters)


def test_hand_built_change_classes(qgis_app):
    result = _run(_layer(OLD), _layer(NEW))
    rows = {(f["new_id"] or f["old_id"]): f for f in result["OUTPUT"].getFeatures()}
    assert {k: f["change"] for k, f in rows.items()} == {
        "N1": "新增",
        "N2": "扩大",
        "N3a": "不变",
        "N3b": "不变",
        "N4": "不变",
        "O5": "消失",
        "N6": "不变",
        "N7": "缩小",
        "N8": "扩大",
    }
    assert (
        result["NEW"],
        result["GROWN"],
        result["SHRUNK"],
        result["UNCHANGED"],
        result["GONE"],
    ) == (1, 2, 1, 4, 1)
    n1 = rows["N1"]
    assert n1["old_id"] is None or n1["old_id"] in ("", "NULL") or not n1["old_id"]
    assert n1["area_added_m2"] == pytest.approx(10000.0)
    assert n1.geometry().area() == pytest.approx(10000.0)
    n2 = rows["N2"]
    assert (n2["old_id"], n2["area_old_m2"], n2["area_new_m2"]) == ("O2", 10000.0, 13000.0)
    assert n2["area_added_m2"] == pytest.approx(3000.0)
    assert n2.geometry().area() == pytest.approx(3000.0)  # the added strip only
    assert n2.geometry().boundingBox().yMinimum() == pytest.approx(2900100.0)
    assert n2["match"] == "一对一"
    for name in ("N3a", "N3b"):
        assert rows[name]["old_id"] == "O3" and rows[name]["match"] == "分割"
        assert rows[name]["area_old_m2"] == pytest.approx(20000.0)
    assert rows["N3a"]["related"] == "N3b"
    n4 = rows["N4"]
    assert n4["match"] == "合并" and n4["area_old_m2"] == pytest.approx(20000.0)
    assert {n4["old_id"], n4["related"]} == {"O4a", "O4b"}
    assert rows["O5"]["new_id"] in (None, "") or not rows["O5"]["new_id"]
    assert rows["O5"]["area_old_m2"] == pytest.approx(10000.0)
    assert rows["O5"].geometry().area() == pytest.approx(10000.0)
    assert (rows["N6"]["old_id"], rows["N6"]["match"]) == ("O6", "一对一")
    assert rows["N6"]["area_added_m2"] == 0.0
    assert rows["N7"]["area_new_m2"] == pytest.approx(5000.0)
    assert rows["N8"]["old_id"] == "O8"
    assert rows["N8"]["area_added_m2"] == pytest.approx(10000.0)
    assert rows["N8"].geometry().area() == pytest.approx(10000.0)


def test_other_crs_is_reprojected_and_ids_match(qgis_app):
    """NEW in geographic CGCS2000, the comparison in EPSG:4547: same classes; with
    MATCH_FIELD the ID pairs first even where the overlap says otherwise."""
    result = _run(_layer(OLD), _layer(NEW, "EPSG:4490"))
    assert result["OUTPUT"].crs().authid() == "EPSG:4547"
    changes = {(f["new_id"] or f["old_id"]): f for f in result["OUTPUT"].getFeatures()}
    assert changes["N2"]["area_added_m2"] == pytest.approx(3000.0, rel=1e-6)
    assert changes["N6"]["change"] == "不变"
    old = _layer([("A", _box(0, 0, 100, 100)), ("B", _box(100, 0, 200, 100))])
    new = _layer([("B", _box(0, 0, 100, 100))])  # B now lies where A was
    by_id = {
        f["new_id"] or f["old_id"]: f
        for f in _run(old, new, MATCH_FIELD="tbbh")["OUTPUT"].getFeatures()
    }
    # paired by ID with B; A's land is in it too (merge), B's old land is gone: 缩小
    assert (by_id["B"]["old_id"], by_id["B"]["match"], by_id["B"]["related"]) == ("B", "合并", "A")
    assert by_id["B"]["change"] == "缩小" and set(by_id) == {"B"}
    by_overlap = {f["new_id"]: f for f in _run(old, new)["OUTPUT"].getFeatures() if f["new_id"]}
    assert by_overlap["B"]["old_id"] == "A" and by_overlap["B"]["change"] == "不变"
    assert by_overlap["B"]["match"] == "一对一"
    gone = [f for f in _run(old, new)["OUTPUT"].getFeatures() if f["change"] == "消失"]
    assert [f["old_id"] for f in gone] == ["B"]


def test_generated_deliveries_match_geopandas(qgis_app, tmp_path):
    """Every area within 1e-6 (relative) and every class, old ID and match kind
    equal to the independent geopandas overlay computation."""
    import generate_change
    from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer

    from xingguo_swc_plugin.core.parcelchange import parcel_change

    old_path, new_path, facts = generate_change.deliveries(tmp_path, 3000, seed=7)
    out = tmp_path / "peer.json"
    done = peerenv.run_peer(PEER, str(old_path), str(new_path), str(out), "--min-area", "50")
    assert done.returncode == 0, done.stderr
    peer = json.loads(out.read_text())
    old = QgsVectorLayer(str(old_path) + "|layername=parcel", "old", "ogr")
    new = QgsVectorLayer(str(new_path) + "|layername=parcel", "new", "ogr")
    result = parcel_change(old, new, QgsCoordinateReferenceSystem("EPSG:4547"), min_area=50.0)
    mine = {row.new_id: row for row in result.rows if row.new_id}
    assert set(mine) == set(peer["new"])
    assert sorted(r.old_id for r in result.rows if r.change == "消失") == peer["gone"]
    for name, (change, old_id, area_old, area_new, added, match) in peer["new"].items():
        row = mine[name]
        assert (row.change, row.old_id, row.match) == (change, old_id, match), name
        for value, expected in (
            (row.area_old_m2, area_old),
            (row.area_new_m2, area_new),
            (row.area_added_m2, added),
        ):
            assert abs(value - expected) <= 1e-6 * max(1.0, expected), (name, value, expected)
    counts = result.counts()
    # every class occurs, in the proportions the generator made
    assert counts["消失"] >= facts["gone"] * 0.8 and counts["新增"] >= facts["added"] * 0.5
    assert counts["扩大"] >= facts["grown"] * 0.9 and counts["缩小"] > 0
    assert any(row.match == "分割" for row in result.rows)
    assert any(row.match == "合并" for row in result.rows)
    assert not result.repaired and not result.skipped


def test_import_gbk_delivery_fills_change_type(qgis_app, empty_workspace, tmp_path):
    """A GBK shapefile without .cpg, Chinese field names, no change type: the
    standard fields are mapped and 扰动变化类型 comes from the comparison."""
    from validation_data import write_layer

    from xingguo_swc_plugin.core.devimport import import_parcels
    from xingguo_swc_plugin.core.sources import open_source
    from xingguo_swc_plugin.core.workspace.geopackage import open_workspace
    from xingguo_swc_plugin.qgis_compat import FieldType

    def rect(x0, y0, x1, y1):
        return _box(x0 + 500000.0, y0 + 2900000.0, x1 + 500000.0, y1 + 2900000.0)

    fields = (
        ("图斑编号", FieldType.STRING),
        ("扰动类型", FieldType.STRING),
        ("建设状态", FieldType.STRING),
        ("合规性", FieldType.STRING),
    )
    write_layer(
        tmp_path / "delivery.shp",
        "delivery",
        "Polygon",
        fields,
        [
            (
                {
                    "图斑编号": "N1",
                    "扰动类型": "其他扰动",
                    "建设状态": "施工",
                    "合规性": "疑似未批先建",
                },
                rect(0, 0, 100, 130),
            ),
            (
                {"图斑编号": "N2", "扰动类型": "弃土(渣)场", "建设状态": "完工", "合规性": "合规"},
                rect(1000, 0, 1100, 100),
            ),
        ],
        driver="ESRI Shapefile",
        encoding="GBK",
    )
    for extension in (".cpg", ".CPG"):
        (tmp_path / ("delivery" + extension)).unlink(missing_ok=True)
    source = open_source(str(tmp_path / "delivery.shp"))
    assert "图斑编号" in source.fields().names()
    previous = _layer([("O1", _box(0, 0, 100, 100))])
    report = import_parcels(empty_workspace, source, previous=previous, delivery="2024-2")
    assert (report.imported, report.skipped) == (2, []), report.lines()
    parcels = {f["tbbh"]: f for f in open_workspace(empty_workspace).layer("parcel").getFeatures()}
    assert (parcels["N1"]["bhlx"], parcels["N1"]["sqtbbh"]) == ("2", "O1")  # 扩大
    assert parcels["N2"]["bhlx"] == "1"  # 新增
    assert (parcels["N1"]["rdlx"], parcels["N1"]["jszt"], parcels["N1"]["hgx"]) == ("3", "3", "02")
    assert parcels["N2"]["rdlx"] == "1" and parcels["N2"]["jcpc"] == "2024-2"
