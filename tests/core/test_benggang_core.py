"""core.benggang on real GeoPackage workspaces: derivation, checks, IDs, parts, lists."""

from __future__ import annotations

import sqlite3

import pytest
from benggang_fixtures import make_workspace, square, to_crs
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate

from xingguo_swc_plugin.core import (
    benggang,
    benggang_digitize,
    benggang_lists,
    benggang_numbering,
    benggang_parts,
)
from xingguo_swc_plugin.core.errors import InputError
from xingguo_swc_plugin.core.settings import reset_setting, set_setting
from xingguo_swc_plugin.core.workspace.geopackage import open_workspace


def _layers(path):
    workspace = open_workspace(path)
    gullies = workspace.layer("benggang")
    townships = workspace.layer("township")
    return gullies, benggang.TownshipIndex(townships, gullies.crs())


def _ids(layer):
    return sorted(f["bgbh"] for f in layer.getFeatures())


def test_draft_derives_township_area_scale_and_id(gully_workspace):
    gullies, townships = _layers(gully_workspace)
    draft = benggang_digitize.evaluate_gully(gullies, townships, square(631000, 2911000, 50))
    assert draft.ok, draft.message()
    with sqlite3.connect(gully_workspace) as connection:  # previewing wrote nothing
        assert connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE name='benggang_seq'"
        ).fetchone() == (0,)
    assert (draft.xzqdm, draft.xzqmc) == ("360732100", "潋江镇")
    assert draft.mj == pytest.approx(2500.0, abs=0.01)
    assert draft.gm == "M"
    assert draft.bgbh == "360732100-0001"


def test_township_is_the_largest_overlap(gully_workspace):
    gullies, townships = _layers(gully_workspace)
    # 10 m in 潋江镇, 30 m in 江背镇
    geometry = QgsGeometry.fromRect(QgsRectangle(634990, 2912000, 635030, 2912040))
    draft = benggang_digitize.evaluate_gully(gullies, townships, geometry)
    assert draft.ok, draft.message()
    assert draft.xzqdm == "360732101"
    assert draft.bgbh == "360732101-0001"


def test_scale_follows_the_settings(gully_workspace):
    gullies, townships = _layers(gully_workspace)
    geometry = square(631000, 2911000, 30)  # 900 m²
    assert benggang_digitize.evaluate_gully(gullies, townships, geometry).gm == "S"
    set_setting("benggang/small_max_m2", 500.0)
    try:
        assert benggang_digitize.evaluate_gully(gullies, townships, geometry).gm == "M"
    finally:
        reset_setting("benggang/small_max_m2")
    assert (
        benggang_digitize.evaluate_gully(gullies, townships, square(631000, 2911000, 60)).gm == "L"
    )


def test_save_is_one_undoable_command(gully_workspace):
    gullies, townships = _layers(gully_workspace)
    feature = benggang_digitize.save_gully(
        gullies,
        townships,
        square(631000, 2911000, 40),
        {"xt": "1", "hdx": "1", "zlzt": "0", "dcy": "张三", "dcrq": QDate(2024, 5, 6)},
    )
    assert gullies.undoStack().count() == 1
    saved = next(gullies.getFeatures())
    assert saved["bgbh"] == "360732100-0001" == feature["bgbh"]
    assert saved["mj"] == pytest.approx(1600.0, abs=0.01)
    assert saved["gm"] == "M" and saved["xzqmc"] == "潋江镇" and saved["dcy"] == "张三"
    assert saved["uuid"]  # default value expression applied
    gullies.undoStack().undo()
    assert gullies.featureCount() == 0
    gullies.undoStack().redo()
    assert gullies.commitChanges()
    reopened = open_workspace(gully_workspace).layer("benggang")
    assert _ids(reopened) == ["360732100-0001"]


def test_ids_are_consecutive_and_never_reused(gully_workspace):
    gullies, townships = _layers(gully_workspace)
    for offset in (0, 100, 200):
        benggang_digitize.save_gully(gullies, townships, square(631000 + offset, 2911000, 20))
    benggang_digitize.save_gully(gullies, townships, square(636000, 2911000, 20))
    assert _ids(gullies) == ["360732100-0001", "360732100-0002", "360732100-0003", "360732101-0001"]
    assert gullies.commitChanges()
    # delete the last one of 潋江镇 and commit: its number stays used
    last = [f.id() for f in gullies.getFeatures() if f["bgbh"] == "360732100-0003"][0]
    gullies.startEditing()
    gullies.deleteFeature(last)
    assert gullies.commitChanges()
    gullies, townships = _layers(gully_workspace)  # as after reopening QGIS
    feature = benggang_digitize.save_gully(gullies, townships, square(631500, 2911000, 20))
    assert feature["bgbh"] == "360732100-0004"
    with sqlite3.connect(gully_workspace) as connection:
        marks = dict(connection.execute("SELECT xzqdm, last_seq FROM benggang_seq"))
    assert marks == {"360732100": 4, "360732101": 1}
    # an undone gully's number is not handed out again either
    gullies.undoStack().undo()
    assert (
        benggang_digitize.save_gully(gullies, townships, square(631500, 2911000, 20))["bgbh"]
        == "360732100-0005"
    )


def test_ids_in_a_layer_without_geopackage_use_a_custom_property(qgis_app):
    layer = QgsVectorLayer(
        "MultiPolygon?crs=EPSG:4547&field=bgbh:string(20)"
        "&field=xzqdm:string&field=xzqmc:string&field=mj:double"
        "&field=gm:string",
        "mem",
        "memory",
    )
    assert benggang_numbering.next_benggang_id(layer, "360732100") == "360732100-0001"
    assert (
        benggang_numbering.next_benggang_id(layer, "360732100", reserve=False) == "360732100-0002"
    )
    assert benggang_numbering.next_benggang_id(layer, "360732100") == "360732100-0002"
    assert layer.customProperty(benggang_numbering.SEQ_PROPERTY + "360732100") == 2


def _assert_refused(gullies, townships, geometry, code, text):
    count, undo = gullies.featureCount(), gullies.undoStack().count()
    preview = benggang_numbering.next_benggang_id(gullies, "360732100", reserve=False)
    draft = benggang_digitize.evaluate_gully(gullies, townships, geometry)
    assert [p.code for p in draft.problems] == [code]
    assert text in draft.message()
    with pytest.raises(InputError, match=text):
        benggang_digitize.save_gully(gullies, townships, geometry)
    assert gullies.featureCount() == count
    assert gullies.undoStack().count() == undo
    assert benggang_numbering.next_benggang_id(gullies, "360732100", reserve=False) == preview
    return draft


def test_each_check_refuses_and_writes_nothing(gully_workspace):
    gullies, townships = _layers(gully_workspace)
    first = benggang_digitize.save_gully(gullies, townships, square(631000, 2911000, 40))
    # too small: 7 x 7 = 49 m² < 60 m²
    draft = _assert_refused(gullies, townships, square(632000, 2911000, 7), "too_small", "49.00 m²")
    assert "60.00 m²" in draft.message()
    # invalid: a bow tie, repaired into two triangles
    bowtie = QgsGeometry.fromWkt(
        "Polygon((632000 2911000, 632100 2911100, 632100 2911000, 632000 2911100, 632000 2911000))"
    )
    draft = _assert_refused(gullies, townships, bowtie, "invalid", "not valid")
    assert "632050.00, 2911050.00" in draft.message()
    assert draft.repaired is not None and draft.repaired.isGeosValid()
    assert draft.repaired.area() == pytest.approx(5000.0)
    saved = benggang_digitize.save_gully(gullies, townships, draft.repaired)
    assert saved["mj"] == pytest.approx(5000.0, abs=0.01)
    # outside the county: half of it east of 640000
    draft = _assert_refused(
        gullies, townships, square(639950, 2911000, 100), "outside", "5000.00 m²"
    )
    assert "outside the county" in draft.message()
    # overlapping the first gully names its ID
    draft = _assert_refused(
        gullies, townships, square(631020, 2911020, 40), "overlap", first["bgbh"]
    )
    assert draft.problems[0].gully_ids == (first["bgbh"],)
    # touching (shared edge) is fine
    assert benggang_digitize.evaluate_gully(gullies, townships, square(631040, 2911000, 40)).ok


@pytest.mark.parametrize("authid", ["EPSG:4490", "EPSG:4526"])
def test_area_is_the_same_in_degrees_and_metres(tmp_path, qgis_app, authid):
    reference = make_workspace(tmp_path, "EPSG:4547")
    other = make_workspace(tmp_path, authid)
    outline = QgsGeometry.fromWkt(
        "Polygon((632000 2912000, 632061.3 2912004.7, 632083.9 2912052.2, 632040.4 "
        "2912091.8, 631990.6 2912060.5, 632000 2912000))"
    )
    areas = {}
    for path in (reference, other):
        gullies, townships = _layers(path)
        geometry = to_crs(outline, gullies.crs())
        saved = benggang_digitize.save_gully(gullies, townships, geometry)
        assert saved["xzqdm"] == "360732100"
        areas[gullies.crs().authid()] = saved["mj"]
    assert areas["EPSG:4547"] == pytest.approx(outline.area(), abs=0.01)
    assert abs(areas[authid] / areas["EPSG:4547"] - 1.0) < 0.001, areas
    if authid == "EPSG:4526":  # the zone prefix changes nothing planimetric
        assert areas[authid] == pytest.approx(areas["EPSG:4547"], abs=0.01)


def test_recompute_after_geometry_edit_keeps_the_id(gully_workspace):
    gullies, townships = _layers(gully_workspace)
    feature = benggang_digitize.save_gully(gullies, townships, square(634900, 2911000, 30))
    assert feature["xzqdm"] == "360732100" and feature["gm"] == "S"
    fid = next(gullies.getFeatures()).id()
    moved = square(634980, 2911000, 60)  # now mostly in 江背镇, 3600 m²
    moved.convertToMultiType()
    gullies.beginEditCommand("move")
    gullies.changeGeometry(fid, moved)
    changes = benggang_digitize.recompute_gully(gullies, fid, townships)
    gullies.endEditCommand()
    assert changes == {"mj": 3600.0, "gm": "L", "xzqdm": "360732101", "xzqmc": "江背镇"}
    edited = gullies.getFeature(fid)
    assert edited["bgbh"] == "360732100-0001"
    assert (edited["mj"], edited["gm"], edited["xzqdm"]) == (3600.0, "L", "360732101")
    assert benggang_digitize.recompute_gully(gullies, fid, townships) == {}
    gullies.undoStack().undo()  # one step reverts geometry and attributes together
    reverted = gullies.getFeature(fid)
    assert (reverted["mj"], reverted["gm"], reverted["xzqdm"]) == (900.0, "S", "360732100")


def test_parts_link_to_their_gully_and_the_relation(gully_workspace):
    workspace = open_workspace(gully_workspace)
    gullies, townships = _layers(gully_workspace)
    parts = workspace.layer("benggang_part")
    gully = benggang_digitize.save_gully(gullies, townships, square(631000, 2911000, 40))
    headwall = benggang_parts.save_part(parts, gullies, square(631010, 2911030, 10), "2")
    assert headwall["bgbh"] == gully["bgbh"] and headwall["mj"] == pytest.approx(100.0)
    fan = benggang_parts.save_part(parts, gullies, square(631000, 2910950, 30), "5")  # beside it
    assert fan["bgbh"] == gully["bgbh"]
    with pytest.raises(InputError, match="not on or near"):
        benggang_parts.save_part(parts, gullies, square(633000, 2913000, 10), "1")
    # 60 m beside the gully: farther than the 30 m setting, refused (never attached)
    with pytest.raises(InputError, match="30 m"):
        benggang_parts.save_part(parts, gullies, square(631100, 2911000, 10), "2")
    with pytest.raises(InputError, match="farther than 30 m from gully"):
        benggang_parts.save_part(parts, gullies, square(631100, 2911000, 10), "2", gully["bgbh"])
    with pytest.raises(InputError, match="no gully"):
        benggang_parts.save_part(parts, gullies, square(633000, 2913000, 10), "1", "x-0001")
    assert parts.undoStack().count() == 2
    project = QgsProject()
    project.addMapLayers([gullies, parts], False)
    relation = benggang_parts.ensure_part_relation(project, gullies, parts)
    assert relation.isValid()
    assert benggang_parts.ensure_part_relation(project, gullies, parts).id() == relation.id()
    assert len(project.relationManager().relations()) == 1
    related = list(
        relation.getRelatedFeatures(gullies.getFeature(next(gullies.getFeatures()).id()))
    )
    assert sorted(f["bw"] for f in related) == ["2", "5"]
    assert len(benggang_parts.parts_of(parts, gully["bgbh"])) == 2


def test_list_filter_and_counts(gully_workspace):
    gullies, townships = _layers(gully_workspace)
    specs = [
        (631000, 20, "1", "0"),
        (631100, 40, "1", "2"),
        (631200, 70, "2", "0"),
        (636000, 40, "2", "1"),
    ]
    for x, size, activity, status in specs:
        benggang_digitize.save_gully(
            gullies, townships, square(x, 2911000, size), {"hdx": activity, "zlzt": status}
        )
    rows = benggang_lists.list_gullies(gullies, township_code="360732100")
    assert [r.bgbh for r in rows] == ["360732100-0001", "360732100-0002", "360732100-0003"]
    assert [r.gm for r in rows] == ["S", "M", "L"]
    counts = benggang_lists.count_by_class(rows)
    assert counts["gm"] == {"S": 1, "M": 1, "L": 1}
    assert counts["hdx"] == {"1": 2, "2": 1}
    assert counts["zlzt"] == {"0": 2, "1": 0, "2": 1}
    assert [r.bgbh for r in benggang_lists.list_gullies(gullies, scale="M")] == [
        "360732100-0002",
        "360732101-0001",
    ]
    assert [r.bgbh for r in benggang_lists.list_gullies(gullies, activity="2", status="1")] == [
        "360732101-0001"
    ]
    extent = QgsRectangle(635500, 2910500, 637000, 2912000)
    assert [r.bgbh for r in benggang_lists.list_gullies(gullies, extent=extent)] == [
        "360732101-0001"
    ]


def test_layer_check_names_missing_fields(qgis_app):
    layer = QgsVectorLayer("Polygon?crs=EPSG:4547&field=bgbh:string", "x", "memory")
    with pytest.raises(InputError, match="xzqdm"):
        benggang_digitize.check_layer(layer)
    points = QgsVectorLayer("Point?crs=EPSG:4547", "p", "memory")
    with pytest.raises(InputError, match="not a polygon"):
        benggang_digitize.check_layer(points)


def test_geographic_layer_gets_ellipsoidal_area(qgis_app):
    assert benggang.area_method(QgsCoordinateReferenceSystem("EPSG:4490")) == 1
    assert benggang.area_method(QgsCoordinateReferenceSystem("EPSG:4547")) == 0


def test_a_backend_can_register_its_own_sequence_store(qgis_app):
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4547&field=bgbh:string(20)", "mem", "memory")
    calls = []

    def allocator(target, code, reserve, highest):
        calls.append((target, code, reserve, highest))
        return 41

    benggang_numbering.SEQUENCE_ALLOCATORS["memory"] = allocator
    try:
        assert benggang_numbering.next_benggang_id(layer, "360732105") == "360732105-0041"
    finally:
        del benggang_numbering.SEQUENCE_ALLOCATORS["memory"]
    assert calls == [(layer, "360732105", True, 0)]
    assert benggang_numbering.next_benggang_id(layer, "360732105") == "360732105-0001"
