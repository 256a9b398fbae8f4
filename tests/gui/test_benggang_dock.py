"""The collapse gully dock and its map tool, driven by simulated mouse clicks on a
real QgsMapCanvas (offscreen) over a real GeoPackage workspace."""

from __future__ import annotations

from typing import List, Tuple

import pytest
from benggang_fixtures import square
from qgis.core import Qgis, QgsCoordinateReferenceSystem, QgsProject, QgsRectangle, QgsVectorLayer
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtCore import QPoint, Qt
from qgis.PyQt.QtTest import QTest

from xingguo_swc_plugin.core.workspace.geopackage import open_workspace
from xingguo_swc_plugin.gui.benggang_dock import BenggangDock


@pytest.fixture
def setup(gully_workspace, qtbot):
    """Workspace layers in the project, a 800x600 canvas at 1 m/pixel, the dock."""
    workspace = open_workspace(gully_workspace)
    gullies = workspace.layer("benggang")
    townships = workspace.layer("township")
    parts = workspace.layer("benggang_part")
    project = QgsProject.instance()
    project.addMapLayers([gullies, townships, parts])
    canvas = QgsMapCanvas()
    canvas.setFrameStyle(0)
    qtbot.addWidget(canvas)
    canvas.resize(800, 600)
    canvas.show()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4547"))
    canvas.setLayers([gullies, parts, townships])
    canvas.setExtent(QgsRectangle(634600, 2911000, 635400, 2911600))
    qtbot.waitExposed(canvas)
    dock = BenggangDock(None, None, canvas=canvas)
    qtbot.addWidget(dock)
    dock.set_layers(gullies, townships, parts)
    dock.show()
    yield dock, canvas, gullies, parts
    dock.cleanup()
    project.removeAllMapLayers()
    project.relationManager().clear()


def click_polygon(
    canvas: QgsMapCanvas, points: List[Tuple[float, float]]
) -> List[Tuple[float, float]]:
    """Left-click each map point on the canvas viewport, right-click to finish.

    Returns the map coordinates the clicked pixels stand for (what the tool gets).
    """
    to_pixel = canvas.getCoordinateTransform()
    clicked = []
    for x, y in points:
        pixel = to_pixel.transform(x, y)
        position = QPoint(int(round(pixel.x())), int(round(pixel.y())))
        QTest.mouseMove(canvas.viewport(), position)
        QTest.mouseClick(
            canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, position
        )
        point = to_pixel.toMapCoordinates(position.x(), position.y())
        clicked.append((point.x(), point.y()))
    QTest.mouseClick(
        canvas.viewport(), Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, position
    )
    return clicked


def shoelace(points: List[Tuple[float, float]]) -> float:
    total = 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]):
        total += x1 * y2 - x2 * y1
    return abs(total) / 2.0


def test_canvas_is_one_metre_per_pixel(setup):
    _dock, canvas, _g, _p = setup
    assert canvas.mapUnitsPerPixel() == pytest.approx(1.0)


def test_clicks_digitize_a_gully_saved_as_one_undoable_command(setup, qtbot):
    dock, canvas, gullies, _parts = setup
    qtbot.mouseClick(dock.digitize_button, Qt.MouseButton.LeftButton)
    assert canvas.mapTool() is dock.tool and gullies.isEditable()
    clicked = click_polygon(
        canvas,
        [
            (634700, 2911100),
            (634781, 2911100),
            (634790, 2911150),
            (634740, 2911190),
            (634690, 2911160),
        ],
    )
    expected = shoelace(clicked)
    assert expected == pytest.approx(6725.0, abs=1.0)  # nominal vertices
    assert dock.draft is not None and dock.draft.ok
    assert dock.township_label.text() == "360732100 潋江镇"
    assert dock.area_label.text() == "{0:.2f}".format(expected)
    assert dock.scale_label.text() == "大型"
    assert dock.id_label.text() == "360732100-0001"
    assert gullies.featureCount() == 0  # nothing written before Save
    dock.shape_combo.setCurrentIndex(dock.shape_combo.findData("1"))
    dock.activity_combo.setCurrentIndex(dock.activity_combo.findData("2"))
    dock.surveyor_edit.setText("李四")
    undo_before = gullies.undoStack().count()
    qtbot.mouseClick(dock.save_button, Qt.MouseButton.LeftButton)
    assert gullies.undoStack().count() == undo_before + 1
    saved = list(gullies.getFeatures())
    assert len(saved) == 1
    feature = saved[0]
    assert feature["bgbh"] == "360732100-0001"
    assert (feature["xzqdm"], feature["xzqmc"]) == ("360732100", "潋江镇")
    assert feature["mj"] == pytest.approx(expected, abs=0.01)
    assert feature["gm"] == "L"
    assert (feature["xt"], feature["hdx"], feature["zlzt"], feature["dcy"]) == (
        "1",
        "2",
        "0",
        "李四",
    )
    assert dock.messages[-1][0] == Qgis.Success and "360732100-0001" in dock.messages[-1][1]
    assert [row.bgbh for row in dock.rows] == ["360732100-0001"]
    gullies.undoStack().undo()
    assert gullies.featureCount() == 0


def test_two_gullies_get_consecutive_ids_and_a_deleted_id_is_not_reused(setup, qtbot):
    dock, canvas, gullies, _parts = setup
    assert dock.start_digitizing()
    for x in (634650, 634750):
        click_polygon(canvas, [(x, 2911100), (x + 50, 2911100), (x + 50, 2911150), (x, 2911150)])
        assert dock.save()
    assert sorted(f["bgbh"] for f in gullies.getFeatures()) == ["360732100-0001", "360732100-0002"]
    second = [f.id() for f in gullies.getFeatures() if f["bgbh"] == "360732100-0002"][0]
    gullies.deleteFeature(second)
    assert gullies.commitChanges(False)
    click_polygon(
        canvas, [(634650, 2911300), (634700, 2911300), (634700, 2911350), (634650, 2911350)]
    )
    assert dock.id_label.text() == "360732100-0003"
    assert dock.save()
    assert sorted(f["bgbh"] for f in gullies.getFeatures()) == ["360732100-0001", "360732100-0003"]
    # a gully east of 635000 belongs to 江背镇 and starts its own sequence
    click_polygon(
        canvas, [(635100, 2911100), (635150, 2911100), (635150, 2911150), (635100, 2911150)]
    )
    assert dock.save()
    assert "360732101-0001" in {f["bgbh"] for f in gullies.getFeatures()}


def _refused(dock, gullies, code, text):
    assert dock.draft is not None
    assert [p.code for p in dock.draft.problems] == [code]
    assert not dock.save_button.isEnabled()
    level, message = dock.messages[-1]
    assert level == Qgis.Warning and text in message
    assert text in dock.problem_label.text()
    count, undo = gullies.featureCount(), gullies.undoStack().count()
    assert not dock.save()  # even when forced, the core refuses
    assert gullies.featureCount() == count and gullies.undoStack().count() == undo


def test_each_check_refuses_in_the_dock_and_writes_nothing(setup, qtbot):
    dock, canvas, gullies, _parts = setup
    assert dock.start_digitizing()
    click_polygon(
        canvas, [(634650, 2911100), (634700, 2911100), (634700, 2911150), (634650, 2911150)]
    )
    assert dock.save()
    first = next(gullies.getFeatures())["bgbh"]
    # too small: 6 x 6 m
    click_polygon(
        canvas, [(634800, 2911100), (634806, 2911100), (634806, 2911106), (634800, 2911106)]
    )
    _refused(dock, gullies, "too_small", "36.00 m²")
    # overlapping the first gully names its ID
    click_polygon(
        canvas, [(634680, 2911120), (634730, 2911120), (634730, 2911170), (634680, 2911170)]
    )
    _refused(dock, gullies, "overlap", first)
    # invalid (bow tie): refused, the repaired polygon is offered and can be saved
    click_polygon(
        canvas, [(634800, 2911300), (634900, 2911400), (634900, 2911300), (634800, 2911400)]
    )
    _refused(dock, gullies, "invalid", "not valid")
    assert dock.repair_button.isEnabled()
    qtbot.mouseClick(dock.repair_button, Qt.MouseButton.LeftButton)
    assert dock.draft.ok and dock.area_label.text() == "5000.00"
    assert dock.save()
    assert gullies.featureCount() == 2
    # outside the county: a canvas north of the townships (y > 2915000)
    canvas.setExtent(QgsRectangle(634600, 2914800, 635400, 2915400))
    click_polygon(
        canvas, [(634700, 2914950), (634800, 2914950), (634800, 2915050), (634700, 2915050)]
    )
    _refused(dock, gullies, "outside", "5000.00 m² of the gully lie outside the county")
    assert gullies.featureCount() == 2


def test_geometry_edit_recomputes_area_scale_township_not_id(setup, qtbot):
    dock, canvas, gullies, _parts = setup
    assert dock.start_digitizing()
    click_polygon(
        canvas, [(634900, 2911100), (634930, 2911100), (634930, 2911130), (634900, 2911130)]
    )
    assert dock.save()
    fid = next(gullies.getFeatures()).id()
    assert gullies.getFeature(fid)["gm"] == "S"
    # as QGIS's vertex tool does: a geometry change inside an edit command
    moved = square(634980, 2911100, 60)
    moved.convertToMultiType()
    steps = gullies.undoStack().count()
    gullies.beginEditCommand("Moved vertex")
    gullies.changeGeometry(fid, moved)
    gullies.endEditCommand()
    edited = gullies.getFeature(fid)
    assert (edited["mj"], edited["gm"], edited["xzqdm"], edited["xzqmc"]) == (
        3600.0,
        "L",
        "360732101",
        "江背镇",
    )
    assert edited["bgbh"] == "360732100-0001"
    assert gullies.undoStack().count() == steps + 1  # one undo step for both
    assert "recomputed" in dock.messages[-1][1]
    gullies.undoStack().undo()
    qtbot.wait(10)  # let a deferred recompute run if one was (wrongly) queued
    reverted = gullies.getFeature(fid)
    assert (reverted["mj"], reverted["gm"], reverted["xzqdm"]) == (900.0, "S", "360732100")
    assert gullies.undoStack().index() == steps  # undo did not push anything
    # a geometry change outside any edit command is recomputed right after
    gullies.changeGeometry(fid, square(634900, 2911100, 40))
    qtbot.waitUntil(lambda: gullies.getFeature(fid)["mj"] == 1600.0)
    assert gullies.getFeature(fid)["gm"] == "M"


def test_parts_are_digitized_and_related(setup, qtbot):
    dock, canvas, gullies, parts = setup
    assert dock.start_digitizing()
    click_polygon(
        canvas, [(634650, 2911100), (634700, 2911100), (634700, 2911150), (634650, 2911150)]
    )
    assert dock.save()
    relations = QgsProject.instance().relationManager().referencedRelations(gullies)
    assert len(relations) == 1 and relations[0].referencingLayer() is parts
    dock.part_kind_combo.setCurrentIndex(dock.part_kind_combo.findData("2"))
    dock.part_gully_edit.clear()  # find the gully under the part
    qtbot.mouseClick(dock.part_button, Qt.MouseButton.LeftButton)
    assert canvas.mapTool() is dock.tool and parts.isEditable()
    click_polygon(
        canvas, [(634660, 2911130), (634690, 2911130), (634690, 2911145), (634660, 2911145)]
    )
    saved = list(parts.getFeatures())
    assert len(saved) == 1
    assert (saved[0]["bgbh"], saved[0]["bw"]) == ("360732100-0001", "2")
    assert saved[0]["mj"] == pytest.approx(450.0, abs=1.0)
    gully = next(gullies.getFeatures())
    assert [f["bw"] for f in relations[0].getRelatedFeatures(gully)] == ["2"]


def test_list_filters_counts_and_zooms(setup, qtbot):
    dock, canvas, gullies, _parts = setup
    assert dock.start_digitizing()
    for x, size, activity in ((634650, 20, "1"), (634700, 40, "2"), (635100, 60, "1")):
        click_polygon(
            canvas,
            [(x, 2911100), (x + size, 2911100), (x + size, 2911100 + size), (x, 2911100 + size)],
        )
        dock.activity_combo.setCurrentIndex(dock.activity_combo.findData(activity))
        assert dock.save()
    dock.scope_combo.setCurrentIndex(dock.scope_combo.findData("all"))
    assert dock.table.rowCount() == 3
    assert dock.counts["gm"] == {"S": 1, "M": 1, "L": 1}
    assert "小型 1" in dock.counts_label.text()
    dock.scope_combo.setCurrentIndex(dock.scope_combo.findData("township"))
    dock.list_township_combo.setCurrentIndex(dock.list_township_combo.findData("360732101"))
    assert [row.bgbh for row in dock.rows] == ["360732101-0001"]
    canvas.setExtent(QgsRectangle(634800, 2911000, 635600, 2911600))  # centre in 江背镇
    dock.list_township_combo.setCurrentIndex(dock.list_township_combo.findData("360732100"))
    qtbot.mouseClick(dock.centre_button, Qt.MouseButton.LeftButton)
    assert dock.list_township_combo.currentData() == "360732101"
    assert [row.bgbh for row in dock.rows] == ["360732101-0001"]
    dock.scope_combo.setCurrentIndex(dock.scope_combo.findData("all"))
    dock.filter_activity.setCurrentIndex(dock.filter_activity.findData("1"))
    assert [row.bgbh for row in dock.rows] == ["360732100-0001", "360732101-0001"]
    assert dock.counts["hdx"] == {"1": 2, "2": 0}
    dock.filter_activity.setCurrentIndex(0)
    canvas.setExtent(QgsRectangle(634600, 2911000, 634900, 2911300))
    dock.scope_combo.setCurrentIndex(dock.scope_combo.findData("extent"))
    assert [row.bgbh for row in dock.rows] == ["360732100-0001", "360732100-0002"]
    # click the second row: selected and zoomed to
    rect = dock.table.visualItemRect(dock.table.item(1, 0))
    QTest.mouseClick(
        dock.table.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        rect.center(),
    )
    target = [f for f in gullies.getFeatures() if f["bgbh"] == "360732100-0002"][0]
    assert gullies.selectedFeatureIds() == [target.id()]
    assert canvas.extent().contains(target.geometry().boundingBox())
    assert canvas.extent().width() < 100
    assert dock.part_gully_edit.text() == "360732100-0002"


def test_a_layer_without_the_fields_is_refused(setup, qtbot):
    dock, _canvas, _gullies, _parts = setup
    dock.gully_combo.setLayer(dock.township_combo.currentLayer())
    # the township table as gullies: refused as the wrong table, naming both
    assert not dock.start_digitizing()
    assert "(township)" in dock.messages[-1][1] and "(benggang)" in dock.messages[-1][1]
    assert not dock.digitize_button.isChecked()
    # a layer from outside the workspace without the fields: refused naming them
    outside = QgsVectorLayer("MultiPolygon?crs=EPSG:4547&field=name:string", "outside", "memory")
    QgsProject.instance().addMapLayer(outside)
    dock.gully_combo.setLayer(outside)
    assert not dock.start_digitizing()
    assert "bgbh" in dock.messages[-1][1]
    assert not dock.digitize_button.isChecked()


def test_a_geographic_layer_on_a_projected_canvas(tmp_path, qgis_app, qtbot):
    """Digitized on a EPSG:4547 canvas into an EPSG:4490 workspace: ellipsoidal area
    within 0.1 % of the planimetric one, same township and ID."""
    from benggang_fixtures import make_workspace

    workspace = open_workspace(make_workspace(tmp_path, "EPSG:4490"))
    gullies, townships = workspace.layer("benggang"), workspace.layer("township")
    assert gullies.crs().authid() == "EPSG:4490"
    QgsProject.instance().addMapLayers([gullies, townships])
    canvas = QgsMapCanvas()
    canvas.setFrameStyle(0)
    qtbot.addWidget(canvas)
    canvas.resize(800, 600)
    canvas.show()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4547"))
    canvas.setLayers([gullies, townships])
    canvas.setExtent(QgsRectangle(634600, 2911000, 635400, 2911600))
    dock = BenggangDock(None, None, canvas=canvas)
    qtbot.addWidget(dock)
    try:
        dock.set_layers(gullies, townships)
        assert dock.start_digitizing()
        clicked = click_polygon(
            canvas, [(634700, 2911100), (634780, 2911100), (634780, 2911180), (634700, 2911180)]
        )
        planimetric = shoelace(clicked)
        assert planimetric == pytest.approx(6400.0)
        assert dock.save()
        feature = next(gullies.getFeatures())
        assert feature["bgbh"] == "360732100-0001" and feature["gm"] == "L"
        assert abs(feature["mj"] / planimetric - 1) < 0.001
        assert feature["mj"] != pytest.approx(planimetric, abs=0.5)  # really ellipsoidal
        assert feature.geometry().boundingBox().xMinimum() == pytest.approx(115.35, abs=0.05)
    finally:
        dock.cleanup()
        QgsProject.instance().removeAllMapLayers()


def test_gully_form_shows_its_parts(setup, qtbot):
    from qgis.gui import QgsAttributeForm, QgsRelationWidgetWrapper

    dock, canvas, gullies, parts = setup
    assert dock.start_digitizing()
    click_polygon(
        canvas, [(634650, 2911100), (634700, 2911100), (634700, 2911150), (634650, 2911150)]
    )
    assert dock.save()
    form = QgsAttributeForm(gullies, next(gullies.getFeatures()))
    qtbot.addWidget(form)
    wrappers = form.findChildren(QgsRelationWidgetWrapper)
    assert [w.relation().referencingLayer() for w in wrappers] == [parts]


def test_digitizing_on_the_sample_workspace_continues_its_numbering(sample_copy, qtbot):
    from xingguo_swc_plugin.core import benggang, benggang_digitize

    workspace = open_workspace(sample_copy)
    gullies, townships = workspace.layer("benggang"), workspace.layer("township")
    project = QgsProject.instance()
    project.addMapLayers([gullies, townships])
    index = benggang.TownshipIndex(townships, gullies.crs())
    # a free 40 m square beside an existing gully of the sample
    spot = None
    for feature in gullies.getFeatures():
        box = feature.geometry().boundingBox()
        candidate = square(box.xMaximum() + 30, box.yMinimum(), 40)
        if benggang_digitize.evaluate_gully(gullies, index, candidate, preview_id=False).ok:
            spot = (box.xMaximum() + 30, box.yMinimum())
            break
    assert spot is not None
    code = index.township_of(square(spot[0], spot[1], 40))[0]
    highest = max(int(f["bgbh"].split("-")[1]) for f in gullies.getFeatures() if f["xzqdm"] == code)
    canvas = QgsMapCanvas()
    canvas.setFrameStyle(0)
    qtbot.addWidget(canvas)
    canvas.resize(800, 600)
    canvas.show()
    canvas.setDestinationCrs(gullies.crs())
    canvas.setLayers([gullies, townships])
    canvas.setExtent(QgsRectangle(spot[0] - 200, spot[1] - 200, spot[0] + 600, spot[1] + 400))
    dock = BenggangDock(None, None, canvas=canvas)
    qtbot.addWidget(dock)
    try:
        dock.set_layers(gullies, townships)
        count = gullies.featureCount()
        assert dock.start_digitizing()
        x, y = spot
        click_polygon(canvas, [(x, y), (x + 40, y), (x + 40, y + 40), (x, y + 40)])
        expected = "{0}-{1:04d}".format(code, highest + 1)
        assert dock.id_label.text() == expected
        assert dock.save()
        assert gullies.featureCount() == count + 1
        assert gullies.commitChanges()
        saved = [f for f in gullies.getFeatures() if f["bgbh"] == expected]
        assert len(saved) == 1 and saved[0]["mj"] == pytest.approx(1600.0, abs=0.01)
    finally:
        dock.cleanup()
        project.removeAllMapLayers()


def test_edited_townships_are_used_at_once(setup, qtbot):
    dock, canvas, _gullies, _parts = setup
    assert dock.start_digitizing()
    click_polygon(
        canvas, [(635100, 2911100), (635150, 2911100), (635150, 2911150), (635100, 2911150)]
    )
    assert dock.township_label.text() == "360732101 江背镇"
    townships = dock.township_layer()
    townships.startEditing()
    fid = [f.id() for f in townships.getFeatures() if f["xzqdm"] == "360732101"][0]
    townships.changeAttributeValue(fid, townships.fields().indexOf("xzqmc"), "江背镇(改)")
    click_polygon(
        canvas, [(635100, 2911100), (635150, 2911100), (635150, 2911150), (635100, 2911150)]
    )
    assert dock.township_label.text() == "360732101 江背镇(改)"
    townships.rollBack()


def test_workspace_tables_are_picked_when_loaded_after_the_dock(gully_workspace, qtbot):
    dock = BenggangDock(None, None, canvas=QgsMapCanvas())
    qtbot.addWidget(dock)
    project = QgsProject.instance()
    try:
        workspace = open_workspace(gully_workspace)
        # township first: a plain combo would then offer it as the gully layer too
        project.addMapLayers(
            [
                workspace.layer("township"),
                workspace.layer("benggang"),
                workspace.layer("benggang_part"),
            ]
        )
        assert dock.gully_layer().source().endswith("layername=benggang")
        assert dock.township_layer().source().endswith("layername=township")
        assert dock.part_layer().source().endswith("layername=benggang_part")
        assert dock.list_township_combo.count() == 2
        relations = project.relationManager().referencedRelations(dock.gully_layer())
        assert len(relations) == 1
    finally:
        dock.cleanup()
        project.removeAllMapLayers()
        project.relationManager().clear()


def test_tool_makes_the_edited_layer_current_and_layer_edits_are_saved(setup, qtbot):
    """After 绘制崩岗 QGIS's current layer is the gully layer (its select tool and
    Ctrl+Z act on it); 保存图层编辑 is enabled only with edits and writes them."""
    from iface_stand_in import DesktopIface

    _old, canvas, gullies, parts = setup
    iface = DesktopIface()
    dock = BenggangDock(iface, None, canvas=canvas)
    qtbot.addWidget(dock)
    dock.set_layers(gullies, QgsProject.instance().mapLayersByName("乡镇")[0], parts)
    dock.show()
    iface.setActiveLayer(QgsProject.instance().mapLayersByName("乡镇")[0])
    assert not dock.commit_button.isEnabled()
    qtbot.mouseClick(dock.digitize_button, Qt.MouseButton.LeftButton)
    assert iface.activeLayer() is gullies
    click_polygon(canvas, [(634700, 2911100), (634780, 2911100), (634740, 2911180)])
    assert dock.draft is not None and dock.draft.ok
    qtbot.mouseClick(dock.save_button, Qt.MouseButton.LeftButton)
    assert gullies.isModified() and dock.commit_button.isEnabled()
    qtbot.mouseClick(dock.commit_button, Qt.MouseButton.LeftButton)
    assert not gullies.isModified() and not dock.commit_button.isEnabled()
    stored = QgsVectorLayer(gullies.source(), "check", "ogr")
    assert stored.featureCount() == 1
    assert dock.messages[-1][0] == Qgis.Success
    dock.cleanup()


def test_message_bar_shows_whole_messages(setup, qtbot):
    """A long, multi-line message is shown whole in a wrapping label (issue 15)."""
    dock = setup[0]
    text = ("第一行：" + "很长的提示" * 30) + "\n" + "第二行"
    dock.resize(320, 600)
    dock.show_message(text, Qgis.Warning)
    label = dock.message_label
    assert label.text() == text and label.wordWrap()
    assert dock.message_bar.currentItem().widget() is label
    qtbot.waitUntil(lambda: label.isVisible())
    assert label.heightForWidth(label.width()) > 2 * label.fontMetrics().height()


def test_buttons_need_their_layers(qtbot):
    """No gully layer: no list refresh, no township list: no "at map centre"; no edits:
    no "save layer edits" (never a "saved." for nothing)."""
    dock = BenggangDock(None, None, canvas=QgsMapCanvas())
    qtbot.addWidget(dock)
    try:
        assert not dock.refresh_button.isEnabled()
        assert not dock.centre_button.isEnabled()
        assert not dock.commit_button.isEnabled()
        assert not dock.save_button.isEnabled()
    finally:
        dock.cleanup()


def test_no_relation_warning_when_a_saved_project_is_read(sample_copy, qtbot, tmp_path):
    """The "cannot relate" warning at start came from relating whatever layers the
    combos held while layers were still coming in; a project read at start (all
    its layers, then its relations) warns nothing."""
    project = QgsProject.instance()
    for name in ("township", "benggang_part", "benggang"):
        project.addMapLayer(QgsVectorLayer(sample_copy + "|layername=" + name, name, "ogr"))
    dock = BenggangDock(None, None, canvas=QgsMapCanvas())
    qtbot.addWidget(dock)
    try:
        path = str(tmp_path / "start.qgz")
        assert project.write(path)
        project.clear()
        assert project.read(path)
        assert dock.gully_layer() is not None and dock.part_layer() is not None
        assert not [text for level, text in dock.messages if level > 0], dock.messages
    finally:
        dock.cleanup()
        project.removeAllMapLayers()
        project.relationManager().clear()
