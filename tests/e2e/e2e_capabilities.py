"""Capability steps of the e2e: one per dock, driven through its widgets.

A dock is found by a keyword of its module name in ``DOCK_CLASSES``; a step is
skipped only while its dock is not registered.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, List, Optional, Tuple

from qgis.core import (QgsFeatureRequest, QgsGeometry, QgsPointXY, QgsProject, QgsRectangle,
                       QgsVectorLayer)
from qgis.PyQt.QtCore import QEvent, Qt
from qgis.PyQt.QtGui import QKeyEvent
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication

from e2e_steps import (Context, Skip, canvas_pixel, click, click_map, hide_plugin_docks,
                       show_dock, tasks_idle, wait, wait_until)


def find_module(ctx: Context, *keywords: str) -> Optional[str]:
    plugin_module = __import__(ctx.plugin_name + ".plugin", fromlist=["DOCK_CLASSES"])
    for module_name, class_name in plugin_module.DOCK_CLASSES:
        name = (module_name + " " + class_name).lower()
        if any(keyword in name for keyword in keywords):
            return module_name
    return None


def _needs(ctx: Context, keywords: Tuple[str, ...], label: str,
           function: Callable[[Context, str], object]) -> Callable[[], object]:
    def run():
        module = find_module(ctx, *keywords)
        if module is None:
            return Skip(label + " dock not registered in DOCK_CLASSES")
        dock = ctx.dock(module)
        hide_plugin_docks(ctx, keep=dock)
        try:
            return function(ctx, module)
        finally:
            ctx.shot(module + "_result", dock)
    return run


def steps(ctx: Context) -> List[Tuple[str, Callable]]:
    return [
        ("digitize_gully", _needs(ctx, ("benggang", "gully"), "collapse gully",
                                  digitize_gully)),
        ("tag_measure", _needs(ctx, ("measure",), "treatment measure", tag_measure)),
        ("township_stats", _needs(ctx, ("stat",), "township statistics", township_stats)),
        ("parcel_validation", _needs(ctx, ("parcel", "inspect", "valid"),
                                     "parcel inspection", parcel_validation)),
        ("atlas", _needs(ctx, ("atlas",), "atlas", atlas)),
    ]


# --- helpers ------------------------------------------------------------------------
def type_text(widget, text: str) -> None:
    """Type ``text`` into a focused widget as key events (QTest.keyClicks only knows
    Latin-1: Chinese arrives as the text of key events, as from an input method)."""
    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     char))
    wait(20)


def _layer_in(combo, layer) -> None:
    """Pick ``layer`` in a QgsMapLayerComboBox, as the user does from its list."""
    index = combo.model().indexFromLayer(layer) if hasattr(combo.model(), "indexFromLayer") \
        else None
    if index is not None and index.isValid():
        combo.setCurrentIndex(combo.model().mapFromSource(index).row()
                              if hasattr(combo.model(), "mapFromSource") else index.row())
    if combo.currentLayer() is not layer:
        combo.setLayer(layer)
    assert combo.currentLayer() is layer, "cannot choose " + layer.name()


def _free_square(ctx: Context, side: float) -> QgsRectangle:
    """A square inside a township that touches no existing gully (map CRS = layer CRS)."""
    townships, gullies = ctx.layers["township"], ctx.layers["benggang"]
    for township in townships.getFeatures():
        centre = township.geometry().pointOnSurface().asPoint()
        for dx, dy in ((0, 0), (300, 0), (0, 300), (-300, 0), (0, -300), (600, 600)):
            square = QgsRectangle(centre.x() + dx, centre.y() + dy,
                                  centre.x() + dx + side, centre.y() + dy + side)
            grown = QgsRectangle(square)
            grown.grow(20)
            if not township.geometry().contains(QgsGeometry.fromRect(grown)):
                continue
            request = QgsFeatureRequest().setFilterRect(grown)
            if not any(True for _ in gullies.getFeatures(request)):
                return square
    raise AssertionError("no free place for a gully in the demo workspace")


def _shoelace(points: List[QgsPointXY]) -> float:
    area = 0.0
    for a, b in zip(points, points[1:] + points[:1]):
        area += a.x() * b.y() - b.x() * a.y()
    return abs(area) / 2.0


def _zoom(ctx: Context, rect: QgsRectangle, margin: float) -> None:
    extent = QgsRectangle(rect)
    extent.grow(margin)
    canvas = ctx.iface.mapCanvas()
    canvas.setExtent(extent)
    canvas.refresh()
    wait_until(lambda: not canvas.isDrawing(), 60, "map rendering")
    wait(100)


# --- collapse gullies -------------------------------------------------------------------
def digitize_gully(ctx: Context, module: str):
    """Technician: choose the gully layer, click a polygon on the map, check what the
    dock derived (township, area, scale, ID), fill the survey, save, commit."""
    dock = ctx.dock(module)
    gullies = ctx.layers["benggang"]
    show_dock(dock)
    before = gullies.featureCount()
    stored_before = _stored_count(ctx, "benggang")
    picked_by_dock = dock.gully_combo.currentLayer()
    _layer_in(dock.gully_combo, gullies)
    _layer_in(dock.township_combo, ctx.layers["township"])
    if dock.part_combo.currentLayer() is not ctx.layers["benggang_part"]:
        _layer_in(dock.part_combo, ctx.layers["benggang_part"])
    square = _free_square(ctx, 40.0)
    _zoom(ctx, square, 60.0)
    click(dock.digitize_button)
    canvas = ctx.iface.mapCanvas()
    assert canvas.mapTool() is dock.tool and dock.tool is not None, \
        "the digitize button did not activate the dock's map tool"
    corners = [QgsPointXY(square.xMinimum(), square.yMinimum()),
               QgsPointXY(square.xMaximum(), square.yMinimum()),
               QgsPointXY(square.xMaximum(), square.yMaximum()),
               QgsPointXY(square.xMinimum(), square.yMaximum())]
    clicked = []
    for corner in corners:
        click_map(ctx, corner)
        pixel = canvas_pixel(ctx, corner)
        clicked.append(canvas.getCoordinateTransform().toMapCoordinates(pixel.x(), pixel.y()))
    ctx.shot("gully_vertices")
    click_map(ctx, corners[0], Qt.MouseButton.RightButton)
    wait_until(lambda: dock.draft is not None, 20, "the gully draft")
    draft = dock.draft
    assert draft.ok, "draft refused: " + draft.message()
    expected = _shoelace(clicked)
    assert abs(draft.mj - expected) <= max(0.01, expected * 1e-6), (draft.mj, expected)
    assert draft.xzqdm and draft.bgbh.startswith(draft.xzqdm + "-"), draft.bgbh
    assert dock.area_label.text() == "{0:.2f}".format(draft.mj), dock.area_label.text()
    assert dock.id_label.text() == draft.bgbh
    scale_text = dock.scale_label.text()
    assert scale_text in ("小型", "中型", "大型"), scale_text
    dock.shape_combo.setCurrentIndex(1)
    dock.activity_combo.setCurrentIndex(1)
    dock.surveyor_edit.clear()
    type_text(dock.surveyor_edit, "e2e 调查员")
    ctx.shot("gully_draft")
    ctx.shot("gully_draft_dock", dock)
    click(dock.save_button)
    assert gullies.featureCount() == before + 1, "the gully was not added"
    assert gullies.isEditable()
    assert gullies.undoStack().count() >= 1, "saving is not an undoable command"
    assert gullies.commitChanges(), gullies.commitErrors()
    assert _stored_count(ctx, "benggang") == stored_before + 1, "the gully is not on disk"
    saved = [f for f in gullies.getFeatures(
        QgsFeatureRequest().setFilterExpression("bgbh = '{0}'".format(draft.bgbh)))]
    assert len(saved) == 1, "saved gully not found by its ID " + draft.bgbh
    feature = saved[0]
    assert feature["xzqdm"] == draft.xzqdm and abs(feature["mj"] - draft.mj) < 0.01
    assert feature["dcy"] == "e2e 调查员", feature["dcy"]
    if dock.tool is not None:
        click(dock.digitize_button)  # stop digitizing
    ctx.state["gully_fid"] = feature.id()
    ctx.state["gully_id"] = draft.bgbh
    return {"bgbh": draft.bgbh, "township": draft.xzqmc, "area_m2": round(draft.mj, 2),
            "scale": scale_text,
            "dock_default_layer": picked_by_dock.name() if picked_by_dock else None}


# --- treatment measures -----------------------------------------------------------------
def tag_measure(ctx: Context, module: str):
    """Technician: select the new gully on the map with QGIS's select tool, pick a
    measure, tag it (one undoable step) and save."""
    dock = ctx.dock(module)
    gullies, measures = ctx.layers["benggang"], ctx.layers["measure"]
    show_dock(dock)
    fid = ctx.state.get("gully_fid")
    if fid is None:  # the gully step failed: tag an existing gully
        fid = next(gullies.getFeatures()).id()
    ctx.iface.setActiveLayer(gullies)
    wait(100)
    assert dock.ui.targetCombo.currentLayer() is gullies, \
        "the dock does not follow the active layer"
    feature = gullies.getFeature(fid)
    centre = feature.geometry().pointOnSurface().asPoint()
    box = feature.geometry().boundingBox()
    _zoom(ctx, box, max(box.width(), box.height()) * 2 + 20)
    ctx.iface.actionSelect().trigger()
    gullies.removeSelection()
    click_map(ctx, centre)
    wait_until(lambda: gullies.selectedFeatureIds() == [fid], 10,
               "the gully selected by a click on the map")
    codes = dock.measure_codes()
    assert codes, "no measure in the taxonomy"
    chosen = None
    for code in codes:
        dock.select_measure(code)
        wait(20)
        if dock._is_area_measure():
            chosen = code
            break
    chosen = chosen or codes[0]
    dock.select_measure(chosen)
    dock.ui.projectEdit.clear()
    type_text(dock.ui.projectEdit, "e2e 崩岗治理")
    before = _stored_count(ctx, "measure")
    click(dock.ui.tagButton)
    wait(100)
    written = dock.measure_layer
    assert written is not None and written.isModified(), dock.last_message
    ctx.shot("measure_tagged")
    ctx.shot("measure_tagged_dock", dock)
    click(dock.ui.saveButton)
    assert not written.isModified(), "measure table still has unsaved edits"
    assert _stored_count(ctx, "measure") == before + 1, dock.last_message
    measure_layers = [layer.name() for layer in QgsProject.instance().mapLayers().values()
                      if layer.source() == measures.source()]
    request = QgsFeatureRequest().setFilterExpression(
        "mbid = '{0}' AND csdm = '{1}'".format(feature["uuid"], chosen))
    records = list(_stored_layer(ctx, "measure").getFeatures(request))
    assert len(records) == 1, "the measure record is not linked to the gully's UUID"
    assert records[0]["xmmc"] == "e2e 崩岗治理", records[0]["xmmc"]
    return {"measure": chosen, "quantity": records[0]["sl"], "unit": records[0]["dw"],
            "stored_records": before + 1, "message": str(dock.last_message),
            "measure_layers_in_project": measure_layers}


def _stored_layer(ctx: Context, table: str) -> QgsVectorLayer:
    """A fresh layer on the workspace table: what is really on disk."""
    layer = QgsVectorLayer(ctx.config["workspace"] + "|layername=" + table, table, "ogr")
    assert layer.isValid(), table
    return layer


def _stored_count(ctx: Context, table: str) -> int:
    return _stored_layer(ctx, table).featureCount()


# --- township statistics ----------------------------------------------------------------
def township_stats(ctx: Context, module: str):
    """Supervisor: statistics of the erosion polygons per township with the county
    targets, in a task with progress."""
    dock = ctx.dock(module)
    show_dock(dock)
    _zoom(ctx, ctx.layers["township"].extent(), 1000.0)
    _layer_in(dock.townships_combo, ctx.layers["township"])
    _layer_in(dock.input_combo, ctx.layers["erosion"])
    _layer_in(dock.erosion_combo, ctx.layers["erosion"])
    if dock.grade_field.currentField() != "qsqd":
        dock.grade_field.setField("qsqd")
    click(dock.run_button)
    wait_until(lambda: dock.task is None and tasks_idle(), 120, "the statistics task")
    assert dock.result is not None, "statistics failed; see the message bar"
    rows = dock.table.rowCount()
    assert rows >= 26, "expected 25 townships and the county, got {0} rows".format(rows)
    assert "%" in dock.rate_label.text(), dock.rate_label.text()
    assert dock.progress.value() == 100
    return {"rows": rows, "rate": dock.rate_label.text(), "area": dock.area_label.text(),
            "gullies": dock.gully_label.text()}


# --- parcel inspection -------------------------------------------------------------------
def parcel_validation(ctx: Context, module: str):
    """Inspector: validate the parcels against the development projects, open a finding
    (zoom), move it to the next 查-认-改-罚 status, save."""
    dock = ctx.dock(module)
    ui = dock.ui
    show_dock(dock)
    _layer_in(ui.parcelsCombo, ctx.layers["parcel"])
    _layer_in(ui.projectsCombo, ctx.layers["dev_project"])
    if dock.workspace_path() != ctx.config["workspace"]:
        dock.set_workspace(ctx.config["workspace"])
    click(ui.runButton)
    wait_until(lambda: dock.task is None and tasks_idle(), 150, "the validation task")
    counts = dock.group_counts()
    assert counts, "no findings: " + str(dock.last_message)
    tree = ui.findingsTree  # a model/view list (issue 15): group row 0, its first finding
    model = tree.model()
    group = model.index(0, 0)
    tree.expand(group)
    item = model.index(0, 0, group)
    tree.scrollTo(item)
    rect = tree.visualRect(item)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, rect.center())
    wait(300)
    assert dock.selected_fids(), "clicking a finding did not select it"
    assert dock.rubber_band is not None, "the finding is not highlighted on the map"
    ctx.shot("finding_zoomed")
    ctx.shot("finding_zoomed_dock", dock)
    fid = dock.selected_fids()[0]
    status_before = dock.model.text(dock.model.finding(fid), 1)
    if ui.statusCombo.count():
        # no handler by default (never the OS login): the inspector types the name
        assert not ui.whoEdit.text() or ui.whoEdit.text() != "root", ui.whoEdit.text()
        ui.whoEdit.setText("张核查")
        click(ui.statusButton)
        wait(100)
        click(ui.saveButton)
    row = dock.model.finding(fid)
    status_after = dock.model.text(row, 1) if row is not None else None
    return {"findings_by_rule": counts, "status": [status_before, status_after],
            "message": str(dock.last_message)}


# --- atlas ---------------------------------------------------------------------------------
def atlas(ctx: Context, module: str):
    """Supervisor: select two townships on the map (click, shift-click), print their
    atlas sheets and the merged PDF; the layout lands in the project's layout manager."""
    from qgis.core import QgsProject as Project

    dock = ctx.dock(module)
    ui = dock.ui
    townships = ctx.layers["township"]
    show_dock(dock)
    _layer_in(ui.townshipCombo, townships)
    _zoom(ctx, townships.extent(), 1000.0)
    ctx.iface.setActiveLayer(townships)
    ctx.iface.actionSelect().trigger()
    townships.removeSelection()
    features = sorted(townships.getFeatures(), key=lambda f: str(f["xzqdm"]))[:2]
    click_map(ctx, features[0].geometry().pointOnSurface().asPoint())
    click_map(ctx, features[1].geometry().pointOnSurface().asPoint(),
              modifier=Qt.KeyboardModifier.ShiftModifier)
    wanted = sorted(f.id() for f in features)
    wait_until(lambda: sorted(townships.selectedFeatureIds()) == wanted, 10,
               "two townships selected by clicks on the map")
    ui.selectedRadio.setChecked(True)
    folder = Path(ctx.config["out"]) / "atlas"
    folder.mkdir(exist_ok=True)
    ui.folderWidget.setFilePath(str(folder))
    ui.dpiSpin.setValue(72)
    ui.mergedCheck.setChecked(True)
    ui.addLayoutCheck.setChecked(True)
    ui.openFolderCheck.setChecked(False)  # no file manager inside the test
    layouts_before = len(Project.instance().layoutManager().layouts())
    click(ui.runButton)
    wait_until(lambda: dock.task is None and tasks_idle(), 180, "the atlas task")
    result = dock.last_result
    assert result is not None, "atlas failed: " + str(dock.last_message)
    assert result.pages == 2, result.pages
    expected = {"{0}_{1}.pdf".format(f["xzqdm"], f["xzqmc"]) for f in features}
    written = {p.name for p in folder.glob("*.pdf")}
    assert expected <= written, (expected, written)
    assert len(written) == 3, "expected two sheets and one merged PDF: " + str(written)
    for name in written:
        assert (folder / name).read_bytes()[:5] == b"%PDF-", name
    assert len(Project.instance().layoutManager().layouts()) == layouts_before + 1, \
        "the atlas layout was not added to the project"
    return {"pdfs": sorted(written), "status": ui.statusLabel.text()}
