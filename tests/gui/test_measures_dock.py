"""Treatment measures dock on a real canvas, real layers and a real message bar."""

from __future__ import annotations

import sqlite3

import pytest
from iface_stand_in import DesktopIface
from qgis.core import Qgis, QgsProject
from qgis.PyQt.QtCore import Qt
from test_measures import GULLY_BOXES, add_gullies, add_townships

from xingguo_swc_plugin.core.workspace.geopackage import open_workspace


def bar_texts(iface):
    return [item.text() for item in iface.bar.items()]


@pytest.fixture
def dock_setup(qtbot, empty_workspace):
    from xingguo_swc_plugin.gui.measures_dock import MeasuresDock

    add_townships(empty_workspace)
    gullies, fids = add_gullies(empty_workspace, GULLY_BOXES)
    ws = open_workspace(empty_workspace)
    project = QgsProject.instance()
    project.addMapLayer(gullies)
    iface = DesktopIface()
    iface.canvas.setLayers([gullies])
    dock = MeasuresDock(iface, iface.window)
    qtbot.addWidget(dock)
    iface.setActiveLayer(gullies)
    yield ws, dock, iface, gullies, fids
    dock.cleanup()
    project.removeAllMapLayers()


def count_rows(path):
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT count(*) FROM measure").fetchone()[0]


def test_dock_picks_active_layer_and_workspace_measure_table(dock_setup):
    ws, dock, iface, gullies, fids = dock_setup
    assert dock.target is gullies
    assert dock.measure_layer is not None
    assert dock.measure_layer.source().endswith("|layername=measure")
    assert dock.ui.statusButton.isEnabled()
    codes = dock.measure_codes()
    assert len(codes) == 23  # issue 17 added 台地 (E17)
    assert codes[0] == "E01" and codes[-1] == "T01"
    # class headers are shown and not selectable
    model = dock.ui.measureCombo.model()
    assert model.item(0).text() == "工程措施"
    assert model.item(0).flags() == Qt.ItemFlag.NoItemFlags


def test_tag_three_selected_gullies_undo_redo_save(dock_setup, qtbot):
    ws, dock, iface, gullies, fids = dock_setup
    gullies.selectByIds(fids)
    assert "3" in dock.ui.selectionLabel.text()
    assert dock.select_measure("E06")
    assert not dock.ui.useAreaCheck.isVisibleTo(dock)
    dock.ui.quantitySpin.setValue(2)
    dock.ui.yearSpin.setValue(2022)
    dock.ui.projectEdit.setText("崩岗治理二期")
    dock.ui.fundingCombo.setCurrentText("省级水保补偿费")
    qtbot.mouseClick(dock.ui.tagButton, Qt.MouseButton.LeftButton)
    measure = dock.measure_layer
    assert measure.featureCount() == 3
    assert measure.undoStack().count() == 1
    assert dock.ui.recordsTable.rowCount() == 3
    assert dock.ui.recordsTable.item(0, 0).text() == "BG001"
    assert dock.ui.recordsTable.item(0, 7).text() == "潋江镇"  # by overlap
    assert {f["sl"] for f in measure.getFeatures()} == {2.0}
    assert {f["dw"] for f in measure.getFeatures()} == {"zuo"}
    qtbot.mouseClick(dock.ui.undoButton, Qt.MouseButton.LeftButton)
    assert measure.featureCount() == 0
    assert dock.ui.recordsTable.rowCount() == 0
    qtbot.mouseClick(dock.ui.redoButton, Qt.MouseButton.LeftButton)
    assert measure.featureCount() == 3
    assert dock.ui.recordsTable.rowCount() == 3
    assert count_rows(ws.path) == 0
    qtbot.mouseClick(dock.ui.saveButton, Qt.MouseButton.LeftButton)
    assert count_rows(ws.path) == 3
    with sqlite3.connect(ws.path) as connection:
        rows = connection.execute(
            "SELECT csdm, sl, dw, nd, xmmc, zjly, mbtc FROM measure"
        ).fetchall()
    assert set(rows) == {("E06", 2.0, "zuo", 2022, "崩岗治理二期", "省级水保补偿费", "benggang")}


def test_area_measure_quantity_defaults_to_selected_area(dock_setup, qtbot):
    ws, dock, iface, gullies, fids = dock_setup
    gullies.selectByIds(fids[:2])
    assert dock.select_measure("V01")
    assert dock.ui.useAreaCheck.isVisibleTo(dock) and dock.ui.useAreaCheck.isChecked()
    assert not dock.ui.quantitySpin.isEnabled()
    assert dock.ui.quantitySpin.value() == pytest.approx(1.2)
    assert dock.ui.unitCombo.currentData() == "hm2"
    assert dock.tag() == 2
    assert sorted(round(f["sl"], 4) for f in dock.measure_layer.getFeatures()) == [0.2, 1.0]
    # a length measure is typed
    assert dock.select_measure("E03")
    assert not dock.ui.useAreaCheck.isVisibleTo(dock)
    assert dock.ui.quantitySpin.isEnabled()
    assert dock.ui.unitCombo.currentData() == "m"


@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda d, g, f: (g.selectByIds(f), d.ui.quantitySpin.setValue(0)), "greater than 0"),
        (
            lambda d, g, f: (
                g.selectByIds(f),
                d.ui.unitCombo.setCurrentIndex(d.ui.unitCombo.findData("m")),
            ),
            "counted in",
        ),
        (lambda d, g, f: g.removeSelection(), "Nothing is selected"),
    ],
)
def test_bad_input_shows_message_and_writes_nothing(dock_setup, qtbot, setup, message):
    ws, dock, iface, gullies, fids = dock_setup
    dock.select_measure("E06")
    dock.ui.quantitySpin.setValue(1)
    dock.ui.yearSpin.setValue(2021)
    setup(dock, gullies, fids)
    qtbot.mouseClick(dock.ui.tagButton, Qt.MouseButton.LeftButton)
    assert any(message in text for text in bar_texts(iface)), bar_texts(iface)
    assert iface.bar.currentItem().level() == Qgis.Warning
    assert dock.measure_layer.featureCount() == 0
    assert not dock.measure_layer.isModified()
    assert count_rows(ws.path) == 0


def test_custom_taxonomy_row_appears_without_code_change(dock_setup, qtbot):
    ws, dock, iface, gullies, fids = dock_setup
    assert "V90" not in dock.measure_codes()
    with sqlite3.connect(ws.path) as connection:
        connection.execute(
            "INSERT INTO measure_type (csdm, cslb, csmc, csmc_en, dw) "
            "VALUES ('V90', 'V', '生态草皮护坡', 'turf slope', 'hm2')"
        )
    qtbot.mouseClick(dock.ui.reloadTaxonomyButton, Qt.MouseButton.LeftButton)
    codes = dock.measure_codes()
    assert "V90" in codes
    assert codes.index("V05") < codes.index("V90") < codes.index("T01")  # in its class
    gullies.selectByIds(fids[:1])
    assert dock.select_measure("V90")
    assert dock.tag() == 1
    record = next(dock.measure_layer.getFeatures())
    assert (record["csdm"], record["cslb"], record["dw"]) == ("V90", "V", "hm2")
    assert record["sl"] == pytest.approx(1.0)


def test_edit_and_delete_records_of_selection(dock_setup, qtbot):
    ws, dock, iface, gullies, fids = dock_setup
    gullies.selectByIds(fids)
    dock.select_measure("E06")
    dock.ui.quantitySpin.setValue(1)
    dock.ui.yearSpin.setValue(2021)
    assert dock.tag() == 3
    gullies.selectByIds(fids[:1])
    assert dock.ui.recordsTable.rowCount() == 1
    dock.ui.recordsTable.selectRow(0)
    assert dock.ui.quantitySpin.value() == 1
    dock.ui.quantitySpin.setValue(4)
    dock.ui.yearSpin.setValue(2023)
    qtbot.mouseClick(dock.ui.applyButton, Qt.MouseButton.LeftButton)
    fid = dock.chosen_record_fids()[0] if dock.chosen_record_fids() else None
    edited = [f for f in dock.measure_layer.getFeatures() if f["sl"] == 4]
    assert len(edited) == 1 and edited[0]["nd"] == 2023
    assert dock.ui.recordsTable.item(0, 2).text() == "4"
    # a bad edit is refused with a message
    dock.ui.recordsTable.selectRow(0)
    dock.ui.quantitySpin.setValue(0)
    qtbot.mouseClick(dock.ui.applyButton, Qt.MouseButton.LeftButton)
    assert "greater than 0" in iface.bar.currentItem().text()
    assert [f for f in dock.measure_layer.getFeatures() if f["sl"] == 4]
    dock.ui.recordsTable.selectRow(0)
    qtbot.mouseClick(dock.ui.deleteButton, Qt.MouseButton.LeftButton)
    assert dock.measure_layer.featureCount() == 2
    assert dock.ui.recordsTable.rowCount() == 0
    del fid


def answer_year_dialog(qtbot, dock, year=None, accept=True):
    """Answer the completion-year dialog once it is open (it is modal)."""
    from qgis.PyQt.QtCore import QTimer

    seen = {}

    def answer():
        dialog = dock.year_dialog
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        seen["range"] = (dialog.spin.minimum(), dialog.spin.maximum())
        seen["default"] = dialog.spin.value()
        if year is not None:
            dialog.spin.setValue(year)
        dialog.accept() if accept else dialog.reject()

    QTimer.singleShot(0, answer)
    return seen


def test_set_gully_treatment_status_asks_the_completion_year(dock_setup, qtbot):
    from qgis.PyQt.QtCore import QDate

    ws, dock, iface, gullies, fids = dock_setup
    gullies.selectByIds(fids[1:])
    dock.ui.statusCombo.setCurrentIndex(dock.ui.statusCombo.findData("2"))
    seen = answer_year_dialog(qtbot, dock, 2023)
    qtbot.mouseClick(dock.ui.statusButton, Qt.MouseButton.LeftButton)
    this_year = QDate.currentDate().year()
    assert seen == {"range": (1980, this_year), "default": this_year}
    assert [f["zlzt"] for f in gullies.getFeatures()] == ["0", "2", "2"]
    assert [f["zlnd"] for f in gullies.getFeatures()][1:] == [2023, 2023]
    assert "2023" in iface.bar.currentItem().text()
    gullies.undoStack().undo()  # status and year: one step
    assert [f["zlzt"] for f in gullies.getFeatures()] == ["0", "0", "0"]
    assert not any(f["zlnd"] for f in gullies.getFeatures())
    answer_year_dialog(qtbot, dock, accept=False)  # canceled: nothing changes
    assert dock.set_status() == 0
    assert [f["zlzt"] for f in gullies.getFeatures()] == ["0", "0", "0"]
    assert gullies.undoStack().index() == 0
    dock.ui.statusCombo.setCurrentIndex(dock.ui.statusCombo.findData("1"))
    assert dock.set_status() == 2  # 治理中: no question asked
    assert dock.year_dialog is None
    gullies.removeSelection()
    qtbot.mouseClick(dock.ui.statusButton, Qt.MouseButton.LeftButton)
    assert "select the gullies" in iface.bar.currentItem().text()


def test_periods_default_to_the_plan_window(dock_setup):
    from qgis.PyQt.QtCore import QDate

    ws, dock, iface, gullies, fids = dock_setup
    ui = dock.ui
    assert (ui.yearFromSpin.value(), ui.yearToSpin.value()) == (2022, 2025)
    # the tagging year lies in the summary window: what is tagged shows in it
    assert ui.yearSpin.value() == min(max(QDate.currentDate().year(), 2022), 2025)
    assert [(s.minimum(), s.maximum()) for s in (ui.yearSpin, ui.yearFromSpin, ui.yearToSpin)] == [
        (1980, 2100)
    ] * 3
    gullies.selectByIds(fids[:1])
    dock.select_measure("V01")
    ui.yearSpin.setValue(2019)
    assert dock.tag() == 1
    assert "outside the summary years 2022-2025" in iface.bar.currentItem().text()


def test_summary_runs_in_a_task_and_exports(dock_setup, qtbot, tmp_path):
    from xingguo_swc_plugin.core.plan import plan_progress

    ws, dock, iface, gullies, fids = dock_setup
    gullies.selectByIds(fids)
    dock.select_measure("E06")
    dock.ui.quantitySpin.setValue(2)
    dock.ui.yearSpin.setValue(2022)
    dock.tag()
    gullies.selectByIds(fids[:2])
    dock.select_measure("V01")
    dock.tag()
    assert dock.save()
    assert not dock.export_button.isEnabled()
    dock.ui.yearFromSpin.setValue(2021)
    dock.ui.yearToSpin.setValue(2025)
    assert dock.summarize() is not None
    qtbot.waitUntil(lambda: dock.last_summary is not None, timeout=30000)
    summary = dock.last_summary
    assert summary.records == 5
    assert summary.treated_area_hm2 == pytest.approx(1.2)  # V01 only; 谷坊 is in 座
    same = plan_progress(ws.layer("measure"), None, None, 2021, 2025)
    assert summary.treated_area_hm2 == same.county.treated_area_hm2
    assert "2021-2025" in dock.ui.totalsLabel.text()
    assert "1.20 hm²" in dock.ui.totalsLabel.text()
    dock.ui.summaryViewCombo.setCurrentIndex(dock.ui.summaryViewCombo.findData("township"))
    assert dock.ui.summaryTable.rowCount() == 3  # two townships, the county
    assert dock.ui.summaryTable.horizontalHeaderItem(4).text() == "Treated gullies (座)"
    assert dock.export_button.isEnabled()
    for suffix in ("csv", "xlsx"):
        path = str(tmp_path / ("summary." + suffix))
        assert dock.export(path) == path
        from qgis.core import QgsVectorLayer

        table = QgsVectorLayer(path, "s", "ogr")
        rows = [
            {f.name(): feature[f.name()] for f in table.fields()} for feature in table.getFeatures()
        ]
        county = [r for r in rows if r["lx"] == "county"][0]
        assert float(county["zlmj"]) == pytest.approx(1.2)
        units = {r["csdm"]: r["dw"] for r in rows if r["lx"] == "measure"}
        assert units == {"E06": "座", "V01": "hm²"}, units
        assert int(county["jls"]) == 5
        assert len(rows) == len([r for r in rows if r["lx"] == "measure"]) + 2 + 1 + 1


def _measure_tables(source):
    return [
        layer for layer in QgsProject.instance().mapLayers().values() if layer.source() == source
    ]


def test_dock_uses_the_projects_measure_table_without_duplicating(qtbot, empty_workspace):
    from xingguo_swc_plugin.gui.measures_dock import MeasuresDock

    gullies, fids = add_gullies(empty_workspace, GULLY_BOXES)
    ws = open_workspace(empty_workspace)
    project = QgsProject.instance()
    measure = ws.layer("measure")
    project.addMapLayers([gullies, measure])
    iface = DesktopIface()
    dock = MeasuresDock(iface, iface.window)
    qtbot.addWidget(dock)
    try:
        iface.setActiveLayer(gullies)
        assert dock.measure_layer is measure
        assert len(_measure_tables(measure.source())) == 1
    finally:
        dock.cleanup()
        project.removeAllMapLayers()


def test_own_measure_table_gives_way_to_one_loaded_later(dock_setup):
    ws, dock, iface, gullies, fids = dock_setup
    own = dock.measure_layer
    assert own is not None and len(_measure_tables(own.source())) == 1
    loaded = ws.layer("measure", "measures loaded later")
    QgsProject.instance().addMapLayer(loaded)
    assert dock.measure_layer is loaded
    assert len(_measure_tables(loaded.source())) == 1
