"""Parcel inspection dock on a real canvas, real layers, real task manager."""

from __future__ import annotations

import pytest
from iface_stand_in import DesktopIface
from qgis.core import Qgis, QgsProject, QgsVectorLayer
from validation_data import EXPECTED, make_parcels, make_projects

from xingguo_swc_plugin.core.findings import CLOSED, FOUND, IDENTIFIED, history
from xingguo_swc_plugin.core.workspace.geopackage import open_workspace


@pytest.fixture
def dock(qtbot, empty_workspace, tmp_path):
    from xingguo_swc_plugin.gui.inspection_dock import InspectionDock

    parcels, projects = make_parcels(tmp_path), make_projects(tmp_path)
    project = QgsProject.instance()
    project.addMapLayers([parcels, projects])
    iface = DesktopIface()
    iface.canvas.setDestinationCrs(parcels.crs())
    iface.canvas.setLayers([parcels, projects])
    widget = InspectionDock(iface, iface.window)
    qtbot.addWidget(widget)
    widget.set_inputs(parcels, projects, workspace=empty_workspace)
    yield widget
    widget.cleanup()
    project.removeAllMapLayers()


def run_and_wait(qtbot, dock):
    task = dock.run()
    assert task is not None
    qtbot.waitUntil(lambda: dock.task is None, timeout=60000)


def test_run_groups_findings_by_rule_with_counts(qtbot, dock):
    assert dock.ui.parcelIdCombo.currentField() == "tbbh"
    assert dock.ui.projectIdCombo.currentField() == "xmbh"
    run_and_wait(qtbot, dock)
    assert dock.group_counts() == {rule: len(v) for rule, v in EXPECTED.items()}
    model = dock.ui.findingsTree.model()
    titles = [model.index(i, 0).data() for i in range(model.rowCount())]
    assert any(title.endswith("(2)") for title in titles)
    assert dock.ui.progressBar.value() == 100
    assert dock.last_message[1] == Qgis.Success
    assert dock.finding_layer is not None
    assert dock.finding_layer.id() in QgsProject.instance().mapLayers()


def test_click_zooms_and_highlights(qtbot, dock):
    run_and_wait(qtbot, dock)
    item = dock.item_for("T05", "EXCEEDS_APPROVED")
    dock.select(item)
    band = dock.rubber_band
    assert band is not None
    assert band.asGeometry().area() == pytest.approx(5000.0, rel=1e-6)
    extent = dock.iface.canvas.extent()
    centre = band.asGeometry().centroid().asPoint()
    assert extent.contains(centre)
    assert extent.width() < 1000  # zoomed in on a 50 x 100 m part
    empty = dock.item_for("T10", "INVALID_GEOMETRY")
    dock.select(empty)
    assert dock.rubber_band is None
    assert dock.last_message[1] == Qgis.Warning


def test_status_steps_undo_save_and_rerun_keeps_them(qtbot, dock):
    run_and_wait(qtbot, dock)
    dock.ui.whoEdit.setText("李四")
    item = dock.item_for("T02", "UNREGISTERED")
    dock.select(item)
    offered = [dock.ui.statusCombo.itemData(i) for i in range(dock.ui.statusCombo.count())]
    assert offered == [IDENTIFIED, CLOSED]
    dock.ui.noteEdit.setText("现场核实")
    dock.ui.statusCombo.setCurrentIndex(0)
    dock.ui.statusButton.click()
    assert dock.status_text("T02", "UNREGISTERED") == "已认定"
    assert dock.ui.undoButton.isEnabled()
    dock.ui.undoButton.click()
    assert dock.status_text("T02", "UNREGISTERED") == "待核查"
    dock.select(dock.item_for("T02", "UNREGISTERED"))
    assert dock.apply_status(IDENTIFIED) == 1
    assert dock.save()
    # the re-run keeps the saved status
    run_and_wait(qtbot, dock)
    table = open_workspace(dock.workspace_path()).layer("finding")
    rows = {(f["tbbh"], f["gz"]): f for f in table.getFeatures()}
    assert rows[("T02", "UNREGISTERED")]["zt"] == IDENTIFIED
    assert rows[("T03", "UNREGISTERED")]["zt"] == FOUND
    steps = history(rows[("T02", "UNREGISTERED")]["lsjl"])
    assert (steps[-1]["who"], steps[-1]["note"]) == ("李四", "现场核实")
    assert dock.status_text("T02", "UNREGISTERED") == "已认定"


def test_unsaved_steps_are_saved_before_a_rerun(qtbot, dock):
    run_and_wait(qtbot, dock)
    dock.ui.whoEdit.setText("王五")
    dock.select(dock.item_for("T04", "LOCATION_CHANGED"))
    assert dock.apply_status(IDENTIFIED) == 1
    run_and_wait(qtbot, dock)
    assert not dock.finding_layer.isEditable()
    assert dock.status_text("T04", "LOCATION_CHANGED") == "已认定"


def test_missing_inputs_are_answered_in_the_message_bar(qtbot, dock, tmp_path):
    dock.set_workspace(str(tmp_path / "nowhere.gpkg"))
    assert dock.run() is None
    assert dock.last_message[1] == Qgis.Warning
    assert dock.iface.bar.items()


def test_dem_not_covering_is_reported_and_nothing_written(qtbot, dock, tmp_path):
    from validation_data import make_dem

    dem = make_dem(tmp_path / "small.tif", 0, 0, 200, 200, ((0, 10.0),))
    QgsProject.instance().addMapLayer(dem)
    dock.ui.demCombo.setLayer(dem)
    run_and_wait(qtbot, dock)
    text, level = dock.last_message
    assert level == Qgis.Warning and "does not cover" in text
    table = open_workspace(dock.workspace_path()).layer("finding")
    assert table.featureCount() == 0
    assert dock.ui.runButton.isEnabled()


def test_export_gpkg(qtbot, dock, tmp_path):
    run_and_wait(qtbot, dock)
    path = dock.export_to(str(tmp_path / "out.gpkg"))
    layer = QgsVectorLayer(path + "|layername=finding", "out", "ogr")
    assert layer.featureCount() == sum(len(v) for v in EXPECTED.values())
    steps = QgsVectorLayer(path + "|layername=finding_history", "steps", "ogr")
    assert steps.isValid() and steps.featureCount() == layer.featureCount()
    assert {f["To status"] for f in steps.getFeatures()} == {"待核查"}
    assert dock.export_to(str(tmp_path / "out.txt")) is None


def test_export_tables(qtbot, dock, tmp_path):
    """Labels beside codes (rule, compliance, severity 高/中/低, township, status) and
    the history as readable rows on a second sheet / CSV, never the stored JSON."""
    from xingguo_swc_plugin.core.rules import rule_label

    run_and_wait(qtbot, dock)
    dock.ui.whoEdit.setText("李四")
    dock.select(dock.item_for("T02", "UNREGISTERED"))
    dock.ui.noteEdit.setText("现场核实")
    assert dock.apply_status(IDENTIFIED) == 1
    csv_path = dock.export_to(str(tmp_path / "out.csv"))
    text = open(csv_path, encoding="utf-8-sig").read()
    assert "疑似未批先建" in text and "T05" in text
    assert "medium" not in text and "[{" not in text  # no severity code, no JSON
    history_csv = str(tmp_path / "out_history.csv")
    steps_text = open(history_csv, encoding="utf-8-sig").read()
    assert "待核查" in steps_text and "已认定" in steps_text and "现场核实" in steps_text
    assert '"from"' not in steps_text and '"to"' not in steps_text
    xlsx = dock.export_to(str(tmp_path / "out.xlsx"))
    sheet = QgsVectorLayer(xlsx + "|layername=findings", "x", "ogr")
    assert sheet.isValid()
    assert sheet.featureCount() == sum(len(v) for v in EXPECTED.values())
    rows = {(f["Parcel ID"], f["Rule code"]): f for f in sheet.getFeatures()}
    excess = rows[("T05", "EXCEEDS_APPROVED")]
    assert excess["Area (m²)"] == pytest.approx(5000.0)
    assert excess["Rule"] == rule_label("EXCEEDS_APPROVED") != "EXCEEDS_APPROVED"
    assert excess["Compliance"] == "疑似超出防治责任范围"
    assert (excess["Compliance code"], excess["Severity"]) == ("04", "中")
    assert {f["Severity"] for f in sheet.getFeatures()} <= {"高", "中", "低"}
    assert rows[("T02", "UNREGISTERED")]["Case status"] == "已认定"
    assert rows[("T02", "UNREGISTERED")]["Status code"] == IDENTIFIED
    assert rows[("T03", "UNREGISTERED")]["Case status"] == "待核查"
    steps = QgsVectorLayer(xlsx + "|layername=history", "h", "ogr")
    assert steps.isValid()
    table = [f.attributes() for f in steps.getFeatures()]
    if table and table[0][0] == "Finding ID":  # an all-text sheet: OGR may take the
        table.pop(0)  # header row for data
    # one "found" step per finding, plus the step of T02
    assert len(table) == sum(len(v) for v in EXPECTED.values()) + 1
    t02 = [
        (line[5], line[6], line[4], line[7])
        for line in table
        if line[1] == "T02" and line[2] == rule_label("UNREGISTERED")
    ]
    assert t02[-1] == ("待核查", "已认定", "李四", "现场核实")
    assert t02[0][:2] == ("—", "待核查")


def test_cancel_on_the_sample_writes_nothing(qtbot, dock, sample_copy):
    from xingguo_swc_plugin.core.workspace.geopackage import open_workspace as open_ws

    workspace = open_ws(sample_copy)
    parcels, projects = workspace.layer("parcel"), workspace.layer("dev_project")
    QgsProject.instance().addMapLayers([parcels, projects])
    dock.set_inputs(parcels, projects, workspace=sample_copy)
    assert dock.run() is not None
    dock.ui.cancelButton.click()
    qtbot.waitUntil(lambda: dock.task is None, timeout=60000)
    assert dock.last_message[1] == Qgis.Warning
    assert open_ws(sample_copy).layer("finding").featureCount() == 0
    assert dock.ui.runButton.isEnabled() and not dock.ui.cancelButton.isEnabled()


def test_import_button_opens_the_dialog(qtbot, dock):
    dialog = dock.open_import_dialog()
    assert dialog is not None and dialog.workspace == dock.workspace_path()
    dialog.close()
