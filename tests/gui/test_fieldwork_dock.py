"""Inspection dock: "导出外业包" / "导入外业结果" on the selected findings' townships."""

from __future__ import annotations

import os

import pytest
from iface_stand_in import DesktopIface
from qgis.core import Qgis, QgsProject, QgsVectorLayer
from test_fieldpackage import phone_edit, with_findings

from xingguo_swc_plugin.core import fieldpackage
from xingguo_swc_plugin.core.casework import text
from xingguo_swc_plugin.core.workspace.geopackage import open_workspace


@pytest.fixture
def dock(qtbot, sample_copy):
    from xingguo_swc_plugin.gui.inspection_dock import InspectionDock

    with_findings(sample_copy)
    workspace = open_workspace(sample_copy)
    parcels, projects = workspace.layer("parcel"), workspace.layer("dev_project")
    project = QgsProject.instance()
    layer = QgsVectorLayer(sample_copy + "|layername=finding", "finding", "ogr")
    project.addMapLayers([parcels, projects, layer])  # the dock picks the finding table
    iface = DesktopIface()
    widget = InspectionDock(iface, iface.window)
    qtbot.addWidget(widget)
    widget.set_inputs(parcels, projects, workspace=sample_copy)
    assert widget.finding_layer is layer
    widget.refresh()
    yield widget
    widget.cleanup()
    project.removeAllMapLayers()


def test_export_and_import_buttons(qtbot, dock, tmp_path):
    buttons = dock.fieldwork
    item = dock.item_for(
        *next(
            (text(f["tbbh"]), text(f["gz"]))
            for f in dock.finding_layer.getFeatures()
            if text(f["gz"]) == "UNREGISTERED"
        )
    )
    dock.select(item)
    township = buttons.townships()
    assert len(township) == 1
    folder = str(tmp_path / "pkg")
    assert buttons.export_to(folder) is not None
    qtbot.waitUntil(lambda: buttons.task is None, timeout=60000)
    assert dock.last_message[1] == Qgis.Success, dock.last_message
    package = QgsVectorLayer(
        os.path.join(folder, fieldpackage.DATA_FILE) + "|layername=finding", "p", "ogr"
    )
    rows = list(package.getFeatures())
    assert rows and {text(f["xzqdm"]) for f in rows} == set(township)
    fid = dock.selected_fids()[0]
    chosen = text(dock.finding_layer.getFeature(fid)["uuid"])
    other = next(text(f["uuid"]) for f in rows if text(f["uuid"]) != chosen)
    phone_edit(folder, chosen, other)
    assert buttons.import_from(folder) is not None
    qtbot.waitUntil(lambda: buttons.task is None, timeout=60000)
    assert dock.finding_layer.getFeature(fid)["zt"] == "2"
    assert "2" in dock.last_message[0]  # two findings updated
    assert (
        dock.status_text(text(dock.finding_layer.getFeature(fid)["tbbh"]), "UNREGISTERED")
        == "已认定"
    )
