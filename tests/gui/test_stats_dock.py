"""The Township statistics dock: run through a real QgsTask, table and chart
filled with the core's numbers, county panel, export to XLSX and CSV."""

from __future__ import annotations

import generate  # noqa: E402
import pytest
from iface_stand_in import MessageIface


@pytest.fixture(scope="module")
def county(qgis_app, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("dock") / "county.gpkg"
    generate.generate(str(path), 1500, seed=3, erosion=150)
    return str(path)


@pytest.fixture
def project_layers(county):
    from qgis.core import QgsProject, QgsVectorLayer

    layers = {
        name: QgsVectorLayer(county + "|layername=" + name, name, "ogr")
        for name in ("township", "parcel", "erosion")
    }
    QgsProject.instance().addMapLayers(list(layers.values()))
    yield layers
    QgsProject.instance().removeAllMapLayers()


def _dock(qtbot, layers):
    from qgis.gui import QgsMapCanvas

    from xingguo_swc_plugin.gui.stats_dock import StatsDock

    canvas = QgsMapCanvas()
    qtbot.addWidget(canvas)
    iface = MessageIface()
    dock = StatsDock(iface, None)
    qtbot.addWidget(dock)
    dock.townships_combo.setLayer(layers["township"])
    dock.input_combo.setLayer(layers["parcel"])
    dock.class_field.setField("kflx")
    dock.erosion_combo.setLayer(layers["erosion"])
    return dock, iface


def test_dock_runs_task_and_shows_core_numbers(qtbot, project_layers, tmp_path):
    from xingguo_swc_plugin.core.stats import conservation_rate, township_area_stats

    dock, iface = _dock(qtbot, project_layers)
    assert dock.windowTitle() == "Township statistics"
    assert dock.township_field.currentField() == "xzqdm"
    assert dock.grade_field.currentField() == "qsqd"
    dock.run()
    assert dock.task is not None and not dock.run_button.isEnabled()
    qtbot.waitUntil(lambda: dock.result is not None or bool(iface.bar.messages), timeout=120000)
    assert dock.result is not None, iface.bar.messages
    assert dock.run_button.isEnabled() and dock.progress.value() == 100
    expected = township_area_stats(
        project_layers["township"], "xzqdm", project_layers["parcel"], "kflx"
    )
    rates = conservation_rate(project_layers["township"], "xzqdm", project_layers["erosion"])
    assert dock.table.rowCount() == 26
    headers = [dock.table.horizontalHeaderItem(c).text() for c in range(dock.table.columnCount())]
    area_col = headers.index("Area (m²)")
    rate_col = headers.index("Soil conservation rate (%)")
    by_code = {}
    for row in expected:
        by_code[row.xzqdm] = by_code.get(row.xzqdm, 0.0) + row.area_m2
    for r, values in enumerate(dock.table_rows):
        code = values[0]
        assert values[area_col] == pytest.approx(by_code[code], rel=1e-9)
        shown = float(dock.table.item(r, area_col).text().replace(",", ""))
        assert shown == pytest.approx(by_code[code], abs=0.01)
        rate = next(x for x in rates if x.xzqdm == code)
        assert values[rate_col] == pytest.approx(rate.rate_percent, rel=1e-9)
    assert dock.table_rows[-1][0] == "360732"
    # class columns: one per development type present, titled by label, not code
    assert "果园 (hm²)" in headers and "其他 (hm²)" in headers
    assert "1 (hm²)" not in headers
    # chart and county panel
    assert len(dock.chart.values) == 25
    assert sum(v for _, v in dock.chart.values) == pytest.approx(
        sum(r.area_hm2 for r in expected if r.xzqdm != "360732"), rel=1e-9
    )
    dock.chart_combo.setCurrentIndex(1)
    assert [v for _, v in dock.chart.values] == pytest.approx([r.rate_percent for r in rates[:-1]])
    assert "%" in dock.rate_label.text() and dock.rate_bar.value() > 0
    # the rate bar shows the county's rate itself, not the progress to the target
    county_rate = rates[-1].rate_percent
    assert dock.rate_bar.text() == "{0:.2f} %".format(county_rate)
    assert dock.rate_bar.value() == round(100 * county_rate)
    image = dock.chart.grab()
    assert not image.isNull()


def test_erosion_grades_are_columns_named_by_grade(qtbot, project_layers):
    dock, iface = _dock(qtbot, project_layers)
    dock.input_combo.setLayer(project_layers["erosion"])
    dock.class_field.setField("qsqd")
    dock.run()
    qtbot.waitUntil(lambda: dock.result is not None or bool(iface.bar.messages), timeout=120000)
    assert dock.result is not None, iface.bar.messages
    grade_columns = [h for h in dock.headers if "erosion area (hm²)" in h]
    assert grade_columns and all(not h[0].isdigit() for h in grade_columns), dock.headers


def test_dock_export_xlsx_and_csv(qtbot, project_layers, tmp_path):
    from qgis.core import QgsVectorLayer

    dock, iface = _dock(qtbot, project_layers)
    dock.run()
    qtbot.waitUntil(lambda: dock.result is not None or bool(iface.bar.messages), timeout=120000)
    assert dock.export_button.isEnabled()
    for name in ("stats.xlsx", "stats.csv"):
        path = str(tmp_path / name)
        dock.export(path)
        layer = QgsVectorLayer(path, "x", "ogr")
        assert layer.isValid(), path
        features = list(layer.getFeatures())
        assert len(features) == 26
        codes = [str(f.attributes()[0]) for f in features]
        assert codes[-1] == "360732" and "360732100" in codes
        names = [f.attributes()[1] for f in features]
        assert "潋江镇" in names
    raw = (tmp_path / "stats.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the Chinese names


def test_dock_reports_bad_input(qtbot, project_layers):
    dock, iface = _dock(qtbot, project_layers)
    dock.township_field.setField("xzqmc")  # names are unique but erosion grade is fine
    dock.grade_field.setField("qsms")  # numeric: accepted
    # the workspace's parcel table as townships: refused as the wrong table
    dock.townships_combo.setLayer(project_layers["parcel"])
    dock.run()
    assert dock.task is None and "(township)" in iface.bar.messages[-1][1]
    # parcels from outside a workspace: accepted as a layer, then refused by the core
    from qgis.core import QgsFeatureRequest, QgsProject

    outside = project_layers["parcel"].materialize(QgsFeatureRequest())
    QgsProject.instance().addMapLayer(outside)
    qtbot.wait(50)  # the refused layer is put back first
    dock.townships_combo.setLayer(outside)  # no xzqdm, tbbh unique
    dock.township_field.setField("kflx")  # repeated codes
    dock.run()
    qtbot.waitUntil(lambda: "unique" in iface.bar.messages[-1][1], timeout=120000)
    assert dock.result is None
    assert dock.run_button.isEnabled()


def test_dock_cancel(qtbot, project_layers):
    dock, iface = _dock(qtbot, project_layers)
    dock.run()
    dock.cancel()
    qtbot.waitUntil(lambda: dock.run_button.isEnabled(), timeout=120000)
    # canceled: either finished before the cancel reached it, or reported
    assert dock.result is not None or iface.bar.messages
    dock.cleanup()


def test_cleanup_detaches_running_task(qtbot, project_layers):
    from qgis.core import QgsApplication

    dock, iface = _dock(qtbot, project_layers)
    dock.run()
    task = dock.task
    dock.cleanup()
    assert dock.task is None and task.on_done is None
    qtbot.waitUntil(lambda: QgsApplication.taskManager().countActiveTasks() == 0, timeout=120000)
    assert dock.result is None


@pytest.fixture
def workspace_layers(sample_copy):
    from plan_fixtures import add_plan_figures
    from qgis.core import QgsProject, QgsVectorLayer

    path = add_plan_figures(sample_copy)
    layers = {
        name: QgsVectorLayer(path + "|layername=" + name, name, "ogr")
        for name in ("township", "parcel", "erosion", "measure", "watershed")
    }
    QgsProject.instance().addMapLayers(list(layers.values()))
    yield layers
    QgsProject.instance().removeAllMapLayers()


def _run(qtbot, dock, iface):
    dock.run()
    qtbot.waitUntil(lambda: dock.task is None, timeout=120000)
    assert dock.result is not None, iface.bar.messages


def test_dock_shows_plan_progress_per_township_and_per_watershed(qtbot, workspace_layers):
    from xingguo_swc_plugin.core.plan import plan_progress

    dock, iface = _dock(qtbot, workspace_layers)
    assert dock.zones_combo.currentLayer() is None  # per township by default
    assert (dock.year_from_spin.value(), dock.year_to_spin.value()) == (2022, 2025)
    _run(qtbot, dock, iface)
    expected = plan_progress(workspace_layers["measure"], workspace_layers["township"])
    assert dock.headers[-2:] == [
        "Newly treated area 2022-2025 (hm²)",
        "Treated gullies 2022-2025 (座)",
    ]
    for values in dock.table_rows:
        row = expected.row(values[0])
        assert values[-2] == pytest.approx(row.treated_area_hm2, abs=1e-9)
        assert values[-1] == row.treated_gullies
    county = expected.county
    assert dock.gully_label.text() == "{0} of {1} gullies (座)".format(
        county.treated_gullies, county.target_gullies
    )
    assert "{0:.2f} km²".format(county.treated_area_hm2 / 100) in dock.area_label.text()
    # another window
    dock.year_from_spin.setValue(2019)
    dock.year_to_spin.setValue(2023)
    _run(qtbot, dock, iface)
    other = plan_progress(
        workspace_layers["measure"], workspace_layers["township"], year_from=2019, year_to=2023
    )
    assert dock.table_rows[-1][-1] == other.county.treated_gullies
    # per small watershed: the zones' areas and plan figures, the county unchanged
    dock.year_from_spin.setValue(2022)
    dock.year_to_spin.setValue(2025)
    dock.zones_combo.setLayer(workspace_layers["watershed"])
    assert dock.zone_field.currentField() == "lydm"
    _run(qtbot, dock, iface)
    zones = plan_progress(
        workspace_layers["measure"],
        workspace_layers["township"],
        zones=workspace_layers["watershed"],
        zone_field="lydm",
    )
    assert [values[0] for values in dock.table_rows] == [r.xzqdm for r in zones.rows]
    assert dock.table_rows[0][1] == "小流域1"
    for values, row in zip(dock.table_rows, zones.rows):
        assert values[-2] == pytest.approx(row.treated_area_hm2, abs=1e-9)
        assert values[-1] == row.treated_gullies
    assert zones.county.treated_gullies == county.treated_gullies
