"""Capability steps of the e2e: one per dock, driven through its widgets.

A dock is found by a keyword of its module name in ``DOCK_CLASSES``; a step is
skipped only while its dock is not registered.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, List, Optional, Tuple

from e2e_steps import (
    Context,
    Skip,
    bring_into_view,
    canvas_pixel,
    click,
    click_map,
    find_button,
    hide_plugin_docks,
    show_dock,
    tasks_idle,
    wait,
    wait_until,
)
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QEvent, Qt
from qgis.PyQt.QtGui import QKeyEvent
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication


def find_module(ctx: Context, *keywords: str) -> Optional[str]:
    plugin_module = __import__(ctx.plugin_name + ".plugin", fromlist=["DOCK_CLASSES"])
    for module_name, class_name in plugin_module.DOCK_CLASSES:
        name = (module_name + " " + class_name).lower()
        if any(keyword in name for keyword in keywords):
            return module_name
    return None


def _needs(
    ctx: Context, keywords: Tuple[str, ...], label: str, function: Callable[[Context, str], object]
) -> Callable[[], object]:
    def run():
        module = find_module(ctx, *keywords)
        if module is None:
            return Skip(label + " dock not registered in DOCK_CLASSES")
        dock = ctx.dock(module)
        hide_plugin_docks(ctx, keep=dock)
        ctx.state["step"] = function.__name__
        try:
            return function(ctx, module)
        finally:
            ctx.shot(ROLE_SHOTS.get(function.__name__, module) + "_dock", dock)

    return run


#: Screenshot prefix of each capability function (README: resources/screenshots/).
ROLE_SHOTS = {
    "digitize_gully": "technician_2_gully",
    "tag_measure": "technician_3_measure",
    "import_projects": "inspector_1_import",
    "parcel_validation": "inspector_2_findings",
    "case_steps": "inspector_3_case",
    "export_findings": "inspector_4_export",
    "field_package": "inspector_5_field_package",
    "township_stats": "supervisor_1_statistics",
    "plan_progress": "supervisor_2_plan_progress",
    "atlas": "supervisor_3_atlas",
}


def steps(ctx: Context) -> List[Tuple[str, Callable]]:
    """Each role's README workflow, in order (the workspace was opened with the
    plugin's action by ``load_workspace``, the technician's step 1).  Step and
    screenshot names are ``<role>_<n>_<what>``."""
    gully, measure = ("benggang", "gully"), ("measure",)
    inspection, stats = ("parcel", "inspect", "valid"), ("stat",)
    return [
        ("technician_2_digitize_gully", _needs(ctx, gully, "collapse gully", digitize_gully)),
        ("technician_3_tag_measure", _needs(ctx, measure, "treatment measure", tag_measure)),
        (
            "inspector_1_import_projects",
            _needs(ctx, inspection, "parcel inspection", import_projects),
        ),
        ("inspector_2_validate", _needs(ctx, inspection, "parcel inspection", parcel_validation)),
        ("inspector_3_case_steps", _needs(ctx, inspection, "parcel inspection", case_steps)),
        ("inspector_4_export", _needs(ctx, inspection, "parcel inspection", export_findings)),
        ("inspector_5_field_package", _needs(ctx, inspection, "parcel inspection", field_package)),
        ("supervisor_1_statistics", _needs(ctx, stats, "township statistics", township_stats)),
        (
            "supervisor_2_plan_progress",
            _needs(ctx, stats + ("plan",), "plan progress", plan_progress),
        ),
        ("supervisor_3_atlas", _needs(ctx, ("atlas",), "atlas", atlas)),
    ]


# --- helpers ------------------------------------------------------------------------
def type_text(widget, text: str) -> None:
    """Type ``text`` into a focused widget as key events (QTest.keyClicks only knows
    Latin-1: Chinese arrives as the text of key events, as from an input method)."""
    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
    wait(20)


def _layer_in(combo, layer) -> None:
    """Pick ``layer`` in a QgsMapLayerComboBox, as the user does from its list."""
    index = (
        combo.model().indexFromLayer(layer) if hasattr(combo.model(), "indexFromLayer") else None
    )
    if index is not None and index.isValid():
        combo.setCurrentIndex(
            combo.model().mapFromSource(index).row()
            if hasattr(combo.model(), "mapFromSource")
            else index.row()
        )
    if combo.currentLayer() is not layer:
        combo.setLayer(layer)
    assert combo.currentLayer() is layer, "cannot choose " + layer.name()


def _free_square(ctx: Context, side: float) -> QgsRectangle:
    """A square inside a township that touches no existing gully (map CRS = layer CRS)."""
    townships, gullies = ctx.layers["township"], ctx.layers["benggang"]
    for township in townships.getFeatures():
        centre = township.geometry().pointOnSurface().asPoint()
        for dx, dy in ((0, 0), (300, 0), (0, 300), (-300, 0), (0, -300), (600, 600)):
            square = QgsRectangle(
                centre.x() + dx, centre.y() + dy, centre.x() + dx + side, centre.y() + dy + side
            )
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
    assert canvas.mapTool() is dock.tool and dock.tool is not None, (
        "the digitize button did not activate the dock's map tool"
    )
    corners = [
        QgsPointXY(square.xMinimum(), square.yMinimum()),
        QgsPointXY(square.xMaximum(), square.yMinimum()),
        QgsPointXY(square.xMaximum(), square.yMaximum()),
        QgsPointXY(square.xMinimum(), square.yMaximum()),
    ]
    clicked = []
    for corner in corners:
        click_map(ctx, corner)
        pixel = canvas_pixel(ctx, corner)
        clicked.append(canvas.getCoordinateTransform().toMapCoordinates(pixel.x(), pixel.y()))
    ctx.shot("technician_2_gully_vertices")
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
    bring_into_view(dock.id_label)
    ctx.shot("technician_2_gully_draft")
    ctx.shot("technician_2_gully_draft_dock", dock)
    click(dock.save_button)
    assert gullies.featureCount() == before + 1, "the gully was not added"
    assert gullies.isEditable()
    assert gullies.undoStack().count() >= 1, "saving is not an undoable command"
    # QGIS's current layer is the layer being edited (its select tool and Ctrl+Z)
    assert ctx.iface.activeLayer() is gullies, "current layer: " + str(
        ctx.iface.activeLayer().name() if ctx.iface.activeLayer() else None
    )
    commit = getattr(dock, "commit_button", None) or find_button(dock, "保存图层编辑")
    click(commit)  # 保存图层编辑
    assert not gullies.isModified(), "保存图层编辑 left unsaved edits"
    assert _stored_count(ctx, "benggang") == stored_before + 1, "the gully is not on disk"
    saved = [
        f
        for f in gullies.getFeatures(
            QgsFeatureRequest().setFilterExpression("bgbh = '{0}'".format(draft.bgbh))
        )
    ]
    assert len(saved) == 1, "saved gully not found by its ID " + draft.bgbh
    feature = saved[0]
    assert feature["xzqdm"] == draft.xzqdm and abs(feature["mj"] - draft.mj) < 0.01
    assert feature["dcy"] == "e2e 调查员", feature["dcy"]
    if dock.tool is not None:
        click(dock.digitize_button)  # stop digitizing
    ctx.state["gully_fid"] = feature.id()
    ctx.state["gully_id"] = draft.bgbh
    return {
        "bgbh": draft.bgbh,
        "township": draft.xzqmc,
        "area_m2": round(draft.mj, 2),
        "scale": scale_text,
        "dock_default_layer": picked_by_dock.name() if picked_by_dock else None,
    }


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
    assert dock.ui.targetCombo.currentLayer() is gullies, (
        "the dock does not follow the active layer"
    )
    feature = gullies.getFeature(fid)
    centre = feature.geometry().pointOnSurface().asPoint()
    box = feature.geometry().boundingBox()
    _zoom(ctx, box, max(box.width(), box.height()) * 2 + 20)
    ctx.iface.actionSelect().trigger()
    gullies.removeSelection()
    click_map(ctx, centre)
    wait_until(
        lambda: gullies.selectedFeatureIds() == [fid],
        10,
        "the gully selected by a click on the map",
    )
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
    ctx.shot("technician_3_measure_tagged")
    ctx.shot("technician_3_measure_tagged_dock", dock)
    click(dock.ui.saveButton)
    assert not written.isModified(), "measure table still has unsaved edits"
    assert _stored_count(ctx, "measure") == before + 1, dock.last_message
    measure_layers = [
        layer.name()
        for layer in QgsProject.instance().mapLayers().values()
        if layer.source() == measures.source()
    ]
    request = QgsFeatureRequest().setFilterExpression(
        "mbid = '{0}' AND csdm = '{1}'".format(feature["uuid"], chosen)
    )
    records = list(_stored_layer(ctx, "measure").getFeatures(request))
    assert len(records) == 1, "the measure record is not linked to the gully's UUID"
    assert records[0]["xmmc"] == "e2e 崩岗治理", records[0]["xmmc"]
    return {
        "measure": chosen,
        "quantity": records[0]["sl"],
        "unit": records[0]["dw"],
        "stored_records": before + 1,
        "message": str(dock.last_message),
        "measure_layers_in_project": measure_layers,
    }


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
    bring_into_view(dock.rate_label)  # the county targets, below the table at 1280×800
    return {
        "rows": rows,
        "rate": dock.rate_label.text(),
        "area": dock.area_label.text(),
        "gullies": dock.gully_label.text(),
    }


# --- parcel inspection -------------------------------------------------------------------
def _findings_view(dock):
    """The findings list of the inspection dock, tree widget or model/view alike (by
    objectName: findingsTree / findingsView / anything named *finding*)."""
    from qgis.PyQt.QtWidgets import QAbstractItemView

    views = [v for v in dock.findChildren(QAbstractItemView) if "finding" in v.objectName().lower()]
    assert views, "no findings list (objectName *finding*) in " + dock.objectName()
    return views[0]


def _first_finding_index(view, skip: int = 0):
    """Index of the ``skip``-th finding row (a child of the first rule group when grouped)."""
    model = view.model()
    group = model.index(0, 0)
    assert group.isValid(), "the findings list is empty"
    parent = group if model.rowCount(group) > 0 else None
    index = model.index(skip, 0, parent) if parent is not None else model.index(skip, 0)
    assert index.isValid(), "no finding row {0}".format(skip)
    return index


def _row_texts(index) -> List[str]:
    model = index.model()
    return [
        str(model.index(index.row(), column, index.parent()).data() or "")
        for column in range(model.columnCount(index.parent()))
    ]


def _click_index(view, index) -> None:
    view.scrollTo(index)
    wait(50)
    rect = view.visualRect(index)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )
    wait(300)


def _find_row(view, texts: List[str]):
    """The row showing ``texts`` in its first column (after a refresh rebuilt the list)."""
    model = view.model()
    pending = [model.index(row, 0) for row in range(model.rowCount())]
    while pending:
        index = pending.pop(0)
        if _row_texts(index)[0] == texts[0]:
            return index
        pending += [model.index(row, 0, index) for row in range(model.rowCount(index))]
    raise AssertionError("finding {0} not in the list any more".format(texts[0]))


def _stored_finding(ctx: Context, fid: int):
    return _stored_layer(ctx, "finding").getFeature(fid)


def import_projects(ctx: Context, module: str):
    """Inspector: 导入项目… — a GeoPackage of two new approved projects through the
    import dialog (source, automatic field mapping, 导入)."""
    from qgis.core import QgsVectorFileWriter
    from qgis.PyQt.QtWidgets import QDialog

    dock = ctx.dock(module)
    show_dock(dock)
    if dock.workspace_path() != ctx.config["workspace"]:
        dock.set_workspace(ctx.config["workspace"])
    projects = ctx.layers["dev_project"]
    keep = [f.name() for f in projects.fields() if f.name() not in ("fid", "uuid")]
    source = QgsVectorLayer("MultiPolygon?crs=" + projects.crs().authid(), "new", "memory")
    provider = source.dataProvider()
    provider.addAttributes([projects.fields().field(name) for name in keep])
    source.updateFields()
    new_features = []
    for number, feature in enumerate(projects.getFeatures()):
        if number == 2:
            break
        copy = QgsFeature(source.fields())
        copy.setGeometry(feature.geometry())
        for name in keep:
            copy[name] = feature[name]
        copy["xmbh"] = "E2E-{0:03d}".format(number + 1)
        new_features.append(copy)
    assert provider.addFeatures(new_features)[0]
    path = str(Path(ctx.config["out"]) / "new_projects.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "xm_2026"  # a data name, not a UI string
    error = QgsVectorFileWriter.writeAsVectorFormatV3(
        source, path, QgsProject.instance().transformContext(), options
    )
    assert error[0] == QgsVectorFileWriter.NoError, error
    stored_before = _stored_count(ctx, "dev_project")
    click(find_button(dock, "importButton"))
    dialogs = [d for d in dock.findChildren(QDialog) if d.isVisible()]
    assert dialogs, "导入项目… opened no dialog"
    dialog = dialogs[-1]
    dialog.file_widget.setFilePath(path)
    wait(300)
    mapping = dialog.mapping()
    assert mapping.get("xmbh") == "xmbh", mapping
    ctx.shot("inspector_1_import_dialog", dialog)
    click(dialog.import_button)
    wait_until(lambda: dialog.task is None and tasks_idle(), 60, "the import task")
    report = dialog.report_view.toPlainText()
    ctx.shot("inspector_1_import_report", dialog)
    assert _stored_count(ctx, "dev_project") == stored_before + 2, report
    dialog.close()
    dialog.deleteLater()
    projects.reload()
    return {"imported": 2, "report": report.splitlines()[:3], "mapping": len(mapping)}


def parcel_validation(ctx: Context, module: str):
    """Inspector: validate the parcels against the development projects, open a
    finding (zoom, highlight)."""
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
    view = _findings_view(dock)
    index = _first_finding_index(view)
    _click_index(view, index)
    assert dock.selected_fids(), "clicking a finding did not select it"
    assert dock.rubber_band is not None, "the finding is not highlighted on the map"
    ctx.shot("inspector_2_finding_zoomed")
    ctx.shot("inspector_2_finding_zoomed_dock", dock)
    return {"findings_by_rule": counts, "row": _row_texts(index), "message": str(dock.last_message)}


def case_steps(ctx: Context, module: str):
    """Inspector: move one finding through 查-认-改-罚 — 已认定, 已整改, 已销号 — each
    with 设置状态 and 保存; the workspace keeps each step with who and the note."""
    dock = ctx.dock(module)
    ui = dock.ui
    show_dock(dock)
    view = _findings_view(dock)
    index = _first_finding_index(view, 1)
    texts = _row_texts(index)
    _click_index(view, index)
    fids = dock.selected_fids()
    assert len(fids) == 1, fids
    fid = fids[0]
    # no handler by default (never the OS login): the inspector types the name
    assert ui.whoEdit.text() != "root", ui.whoEdit.text()
    walked = [str(_stored_finding(ctx, fid)["zt"])]
    for number, label in enumerate(("已认定", "已整改", "已销号"), 1):
        offered = [ui.statusCombo.itemText(i) for i in range(ui.statusCombo.count())]
        assert label in offered, "{0} not offered after {1}: {2}".format(label, walked, offered)
        ui.statusCombo.setCurrentIndex(offered.index(label))
        ui.whoEdit.setText("张核查")
        ui.noteEdit.setText("e2e 第{0}步".format(number))
        click(ui.statusButton)
        if number == 1:
            ctx.shot("inspector_3_case_status_set", dock)
        click(ui.saveButton)
        wait(200)
        stored = _stored_finding(ctx, fid)
        walked.append(str(stored["zt"]))
        assert stored["czr"] == "张核查", stored["czr"]
        _click_index(view, _find_row(view, texts))
        assert dock.selected_fids() == [fid], "the finding is not selected again"
    assert walked == ["1", "2", "3", "5"], walked
    history = str(_stored_finding(ctx, fid)["lsjl"])
    assert history.count("张核查") >= 3, history
    ctx.shot("inspector_3_case_closed")
    return {"finding": texts[:2], "statuses": walked, "history_chars": len(history)}


def _answer_file_dialog(ctx: Context, path: str, shot: str):
    """A modal-dialog handler choosing ``path`` in QGIS's file dialog."""
    from qgis.PyQt.QtWidgets import QDialogButtonBox, QFileDialog, QLineEdit

    seen = {}

    def answer(dialog) -> bool:
        if not isinstance(dialog, QFileDialog):
            return False
        if not seen:
            seen["title"] = dialog.windowTitle()
            filters = [
                f for f in dialog.nameFilters() if Path(path).suffix and Path(path).suffix in f
            ]
            if filters:
                dialog.selectNameFilter(filters[0])
            if dialog.fileMode() == QFileDialog.FileMode.Directory:
                dialog.setDirectory(path)
            dialog.selectFile(path)
            name_edit = dialog.findChild(QLineEdit, "fileNameEdit")
            if name_edit is not None:  # typed, as a user does (new files are not selectable)
                name_edit.setText(path)
            wait(100)
            seen["shot"] = ctx.shot(shot, dialog)
            box = dialog.findChild(QDialogButtonBox)
            button = box.button(QDialogButtonBox.StandardButton.Save) or box.button(
                QDialogButtonBox.StandardButton.Open
            )
            assert button is not None and button.isEnabled(), "no enabled Save/Open"
            seen["button"] = button.text()
            button.click()
        return True

    return answer, seen


def export_findings(ctx: Context, module: str):
    """Inspector: 导出… the findings as XLSX through the file dialog."""
    dock = ctx.dock(module)
    show_dock(dock)
    path = str(Path(ctx.config["out"]) / "findings.xlsx")
    answer, seen = _answer_file_dialog(ctx, path, "inspector_4_export_dialog")
    ctx.modal_handlers.append(answer)
    try:
        click(find_button(dock, "exportButton"))
        wait_until(lambda: Path(path).is_file() and tasks_idle(), 60, "the export file")
    finally:
        ctx.modal_handlers.remove(answer)
    assert seen, "导出… showed no file dialog"
    layer = QgsVectorLayer(path, "export", "ogr")
    assert layer.isValid() and layer.featureCount() > 0, path
    names = layer.fields().names()
    assert Path(path).read_bytes()[:2] == b"PK", "not an XLSX file"
    return {
        "file": Path(path).name,
        "rows": layer.featureCount(),
        "columns": names[:12],
        "dialog": seen.get("title"),
    }


def field_package(ctx: Context, module: str):
    """Inspector: select findings and 导出外业包 — a QField project in a new folder."""
    dock = ctx.dock(module)
    show_dock(dock)
    view = _findings_view(dock)
    _click_index(view, _first_finding_index(view, 0))
    folder = Path(ctx.config["out"]) / "field_package"
    folder.mkdir(exist_ok=True)
    answer, seen = _answer_file_dialog(ctx, str(folder), "inspector_5_folder_dialog")
    ctx.modal_handlers.append(answer)
    try:
        click(find_button(dock, "fieldExportButton", "导出外业包"))
        wait_until(
            lambda: bool(seen) and tasks_idle() and any(folder.glob("*.qgs*")),
            120,
            "the field package",
        )
    finally:
        ctx.modal_handlers.remove(answer)
    files = sorted(p.name for p in folder.iterdir())
    ctx.shot("inspector_5_field_package")
    return {"files": files[:10], "message": str(dock.last_message)}


def plan_progress(ctx: Context, module: str):
    """Supervisor: the plan progress (规划进度) of the statistics dock, where it exists
    (found by objectName *plan*): run it and show the county's progress."""
    from qgis.PyQt.QtWidgets import QAbstractButton, QWidget

    dock = ctx.dock(module)
    show_dock(dock)
    widgets = [w for w in dock.findChildren(QWidget) if "plan" in w.objectName().lower()]
    if not widgets:
        return Skip("the statistics dock has no plan progress (objectName *plan*) yet")
    buttons = [w for w in widgets if isinstance(w, QAbstractButton) and w.isEnabled()]
    if buttons:
        click(buttons[0])
        wait_until(tasks_idle, 120, "the plan progress")
    area = dock.widget()
    if hasattr(area, "ensureWidgetVisible"):
        area.ensureWidgetVisible(widgets[0])
    wait(200)
    return {"widgets": sorted(w.objectName() for w in widgets)}


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
    click_map(
        ctx,
        features[1].geometry().pointOnSurface().asPoint(),
        modifier=Qt.KeyboardModifier.ShiftModifier,
    )
    wanted = sorted(f.id() for f in features)
    wait_until(
        lambda: sorted(townships.selectedFeatureIds()) == wanted,
        10,
        "two townships selected by clicks on the map",
    )
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
    assert len(Project.instance().layoutManager().layouts()) == layouts_before + 1, (
        "the atlas layout was not added to the project"
    )
    bring_into_view(ui.statusLabel)
    return {"pdfs": sorted(written), "status": ui.statusLabel.text()}
