""" "Open workspace" (打开工作空间) and docks choosing their layers by table.

Real sample GeoPackage workspace and a real PostGIS server; the docks are the
plugin's own, on a real canvas.
"""

from __future__ import annotations

import shutil

import pytest
from iface_stand_in import DesktopIface
from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsVectorLayer

from xingguo_swc_plugin.core.workspace import schema
from xingguo_swc_plugin.core.workspace.geopackage import open_workspace
from xingguo_swc_plugin.core.workspace.layers import table_of

DATA_TABLES = {spec.name for spec in schema.LAYERS}


@pytest.fixture
def workspace_copy(sample_workspace, tmp_path) -> str:
    path = str(tmp_path / "xingguo.gpkg")
    shutil.copy(sample_workspace, path)
    return path


@pytest.fixture
def desktop(qtbot):
    """The plugin with all its docks on a stand-in desktop (real widgets)."""
    from xingguo_swc_plugin.gui.atlas_dock import AtlasDock
    from xingguo_swc_plugin.gui.benggang_dock import BenggangDock
    from xingguo_swc_plugin.gui.inspection_dock import InspectionDock
    from xingguo_swc_plugin.gui.measures_dock import MeasuresDock
    from xingguo_swc_plugin.gui.stats_dock import StatsDock
    from xingguo_swc_plugin.plugin import XingguoSwcPlugin

    iface = DesktopIface()
    plugin = XingguoSwcPlugin(iface)
    for dock_class in (BenggangDock, MeasuresDock, InspectionDock, StatsDock, AtlasDock):
        dock = dock_class(iface, iface.window)
        qtbot.addWidget(dock)
        plugin.docks.append(dock)
    yield plugin, iface
    for dock in plugin.docks:
        dock.cleanup()
    QgsProject.instance().removeAllMapLayers()
    QgsProject.instance().layerTreeRoot().removeAllChildren()


def choose(combo, layer) -> None:
    """As a user picking ``layer`` in the combo's list."""
    index = -1
    for row in range(combo.count()):
        combo.setCurrentIndex(row)
        if combo.currentLayer() is layer:
            index = row
            break
    assert combo.currentLayer() is layer
    combo.activated.emit(index)


def docks(plugin):
    return {type(dock).__name__: dock for dock in plugin.docks}


def assert_docks_on_tables(plugin):
    """Every dock's layer combos hold the workspace table of their role."""
    d = docks(plugin)
    expected = [
        (d["BenggangDock"].gully_combo, "benggang"),
        (d["BenggangDock"].township_combo, "township"),
        (d["BenggangDock"].part_combo, "benggang_part"),
        (d["MeasuresDock"].ui.measureTableCombo, "measure"),
        (d["InspectionDock"].ui.parcelsCombo, "parcel"),
        (d["InspectionDock"].ui.projectsCombo, "dev_project"),
        (d["InspectionDock"].ui.measuresCombo, "measure"),
        (d["StatsDock"].townships_combo, "township"),
        (d["StatsDock"].erosion_combo, "erosion"),
        (d["StatsDock"].input_combo, "erosion"),
        (d["AtlasDock"].ui.townshipCombo, "township"),
    ]
    assert [(table_of(combo.currentLayer())) for combo, _ in expected] == [
        table for _, table in expected
    ]
    inspection = d["InspectionDock"]
    assert table_of(inspection.finding_layer) == "finding"
    assert inspection.ui.parcelIdCombo.currentField() == "tbbh"
    assert d["StatsDock"].township_field.currentField() == "xzqdm"
    assert d["StatsDock"].grade_field.currentField() == "qsqd"


def test_open_loads_the_data_tables_in_a_chinese_group_with_styles(qtbot, desktop, workspace_copy):
    plugin, iface = desktop
    layers = plugin.open_workspace(open_workspace(workspace_copy))
    project = QgsProject.instance()
    assert set(layers) == DATA_TABLES
    assert len(project.mapLayers()) == len(DATA_TABLES)  # no layer_styles, no meta table
    group = (
        project.layerTreeRoot().findGroup("工作空间 xingguo")
        or project.layerTreeRoot().children()[0]
    )
    assert {node.layer().name() for node in group.findLayers()} == {
        spec.zh for spec in schema.LAYERS
    }
    assert layers["erosion"].renderer().type() == "categorizedSymbol"
    setup = layers["finding"].editorWidgetSetup(layers["finding"].fields().indexOf("zt"))
    assert setup.type() == "ValueMap"
    assert_docks_on_tables(plugin)
    # the inspection dock shows the stored findings at once
    assert (
        sum(docks(plugin)["InspectionDock"].group_counts().values())
        == layers["finding"].featureCount()
    )
    # opening again adds nothing
    again = plugin.open_workspace(open_workspace(workspace_copy))
    assert len(project.mapLayers()) == len(DATA_TABLES)
    assert {t: lyr.id() for t, lyr in again.items()} == {t: lyr.id() for t, lyr in layers.items()}


def test_dragged_in_gpkg_docks_pick_tables_never_finding(qtbot, desktop, workspace_copy):
    """As when the .gpkg is dragged in: every sublayer, finding first, added at once."""
    plugin, _iface = desktop
    names = ["finding", "layer_styles", schema.META_TABLE] + sorted(
        set(DATA_TABLES) - {"finding"}, reverse=True
    )
    layers = [
        QgsVectorLayer(workspace_copy + "|layername=" + name, "s — " + name, "ogr")
        for name in names
    ]
    assert all(layer.isValid() for layer in layers if layer.name()[4:] in DATA_TABLES)
    layers = [layer for layer in layers if layer.isValid()]
    assert len(layers) > len(DATA_TABLES)  # the style table and meta table too
    QgsProject.instance().addMapLayers(layers)
    assert_docks_on_tables(plugin)
    benggang_dock = docks(plugin)["BenggangDock"]  # no "cannot relate" at start
    assert not [text for level, text in benggang_dock.messages if level > 0], benggang_dock.messages


def test_docks_pick_tables_added_one_by_one_without_relation_warning(
    qtbot, desktop, workspace_copy
):
    plugin, _iface = desktop
    for name in (
        "finding",
        "township",
        "benggang_part",
        "parcel",
        "benggang",
        "dev_project",
        "erosion",
        "measure",
    ):
        QgsProject.instance().addMapLayer(
            QgsVectorLayer(workspace_copy + "|layername=" + name, name, "ogr")
        )
    assert_docks_on_tables(plugin)
    benggang_dock = docks(plugin)["BenggangDock"]
    assert not [text for level, text in benggang_dock.messages if level > 0], benggang_dock.messages


def test_a_layer_of_another_table_is_refused_with_a_message(qtbot, desktop, workspace_copy):
    plugin, iface = desktop
    layers = plugin.open_workspace(open_workspace(workspace_copy))
    inspection = docks(plugin)["InspectionDock"]
    choose(inspection.ui.parcelsCombo, layers["finding"])
    qtbot.waitUntil(lambda: inspection.ui.parcelsCombo.currentLayer() is layers["parcel"])
    text, _level = inspection.last_message
    assert "核查发现" in text or "finding" in text
    assert inspection.ui.parcelIdCombo.currentField() == "tbbh"
    stats = docks(plugin)["StatsDock"]
    choose(stats.townships_combo, layers["parcel"])
    assert any("农林开发图斑" in item.text() for item in iface.bar.items())
    qtbot.waitUntil(lambda: stats.townships_combo.currentLayer() is layers["township"])
    # a layer from outside any workspace stays allowed
    outside = QgsVectorLayer(
        "MultiPolygon?crs=EPSG:4547&field=tbbh:string&field=xmbh:string", "parcels", "memory"
    )
    QgsProject.instance().addMapLayer(outside)
    inspection.ui.parcelsCombo.setLayer(outside)
    qtbot.wait(50)
    assert inspection.ui.parcelsCombo.currentLayer() is outside


def test_running_with_a_wrong_table_is_refused(qtbot, desktop, workspace_copy):
    """A combo that picked a wrong table by itself (no right one loaded)."""
    plugin, _iface = desktop
    finding = QgsVectorLayer(workspace_copy + "|layername=finding", "finding", "ogr")
    QgsProject.instance().addMapLayer(finding)
    d = docks(plugin)
    d["InspectionDock"].set_workspace(workspace_copy)
    assert d["InspectionDock"].run() is None
    assert (
        "核查发现" in d["InspectionDock"].last_message[0]
        or "finding" in d["InspectionDock"].last_message[0]
    )
    assert d["AtlasDock"].ui.townshipCombo.currentLayer() is finding
    d["AtlasDock"].ui.folderWidget.setFilePath(str(workspace_copy) + "_atlas")
    d["AtlasDock"].run()
    assert d["AtlasDock"].task is None


def test_open_postgis_workspace(qtbot, desktop, pg_target, pg_schema):
    from xingguo_swc_plugin.core.workspace.postgis import (
        create_postgis_workspace,
        open_postgis_workspace,
    )

    create_postgis_workspace(pg_target, pg_schema, QgsCoordinateReferenceSystem("EPSG:4547"))
    plugin, _iface = desktop
    layers = plugin.open_workspace(open_postgis_workspace(pg_target, pg_schema))
    assert set(layers) == DATA_TABLES
    assert all(layer.providerType() == "postgres" for layer in layers.values())
    assert layers["parcel"].name() == "农林开发图斑"
    d = docks(plugin)
    assert table_of(d["InspectionDock"].ui.parcelsCombo.currentLayer()) == "parcel"
    assert table_of(d["BenggangDock"].gully_combo.currentLayer()) == "benggang"
    assert table_of(d["StatsDock"].townships_combo.currentLayer()) == "township"
