"""The Atlas dock: a real QgsTask exports the chosen townships, the layout lands
in the project's layout manager, errors and cancel reach the message bar."""

from __future__ import annotations

import os

import pytest
from atlas_fixtures import make_small_workspace
from iface_stand_in import MessageIface
from qgis.core import Qgis, QgsProject, QgsVectorLayer


@pytest.fixture(scope="module")
def workspace(qgis_app, tmp_path_factory) -> str:
    return make_small_workspace(str(tmp_path_factory.mktemp("atlasdock") / "w.gpkg"))


@pytest.fixture
def project_layers(workspace):
    layers = {
        name: QgsVectorLayer(workspace + "|layername=" + name, name, "ogr")
        for name in ("township", "erosion", "benggang", "parcel", "finding")
    }
    QgsProject.instance().addMapLayers(list(layers.values()))
    yield layers
    QgsProject.instance().removeAllMapLayers()
    manager = QgsProject.instance().layoutManager()
    for layout in manager.layouts():
        manager.removeLayout(layout)


def _dock(qtbot, layers):
    from xingguo_swc_plugin.gui.atlas_dock import AtlasDock

    dock = AtlasDock(MessageIface(), None)
    qtbot.addWidget(dock)
    dock.ui.townshipCombo.setLayer(layers["township"])
    dock.ui.openFolderCheck.setChecked(False)
    dock.ui.dpiSpin.setValue(72)
    return dock


def test_dock_exports_selection_and_adds_layout(qtbot, project_layers, tmp_path):
    dock = _dock(qtbot, project_layers)
    townships = project_layers["township"]
    # the workspace's layers are checked by default
    assert len(dock.chosen_layers()) == 4
    townships.selectByExpression("\"xzqdm\" IN ('360732100', '360732203')")
    assert "2" in dock.ui.selectionLabel.text()
    dock.ui.selectedRadio.setChecked(True)
    dock.ui.folderWidget.setFilePath(str(tmp_path / "out"))
    dock.run()
    assert dock.task is not None and not dock.ui.runButton.isEnabled()
    qtbot.waitUntil(lambda: dock.task is None, timeout=120_000)
    assert dock.last_message[1] == Qgis.Success, dock.last_message
    assert sorted(os.listdir(tmp_path / "out")) == [
        "360732100_潋江镇.pdf",
        "360732203_长冈乡.pdf",
        "atlas.pdf",
    ]
    assert dock.ui.progressBar.value() == 100 and dock.ui.runButton.isEnabled()
    layout = QgsProject.instance().layoutManager().layoutByName(dock.last_layout.name())
    assert layout is not None and layout.atlas().enabled()
    assert layout.atlas().coverageLayer() is townships  # the project's own layer
    assert layout.atlas().updateFeatures() == 2  # the same selection
    assert dock.iface.bar.messages[-1][2] == Qgis.Success
    # a second run keeps the first layout (maybe adjusted) and adds another
    dock.run()
    qtbot.waitUntil(lambda: dock.task is None, timeout=120_000)
    assert len(QgsProject.instance().layoutManager().layouts()) == 2


def test_dock_reports_bad_folder_and_selection(qtbot, project_layers, tmp_path):
    dock = _dock(qtbot, project_layers)
    afile = tmp_path / "file"
    afile.write_text("x")
    dock.ui.folderWidget.setFilePath(str(afile))
    dock.run()
    qtbot.waitUntil(lambda: dock.task is None, timeout=60_000)
    assert dock.last_message[1] == Qgis.Critical and "is a file" in dock.last_message[0]
    assert QgsProject.instance().layoutManager().layouts() == []

    project_layers["township"].removeSelection()
    dock.ui.selectedRadio.setChecked(True)
    dock.ui.folderWidget.setFilePath(str(tmp_path / "x"))
    dock.run()
    assert dock.task is None and dock.last_message[1] == Qgis.Warning
    assert not (tmp_path / "x").exists()


def test_dock_cancel_leaves_nothing(qtbot, project_layers, tmp_path):
    dock = _dock(qtbot, project_layers)
    out = tmp_path / "canceled"
    dock.ui.folderWidget.setFilePath(str(out))
    dock.run()
    dock.cancel()  # long before the first sheet could be written
    qtbot.waitUntil(lambda: dock.task is None, timeout=60_000)
    assert "canceled" in dock.last_message[0].lower()
    assert not out.exists() or os.listdir(out) == []
    assert QgsProject.instance().layoutManager().layouts() == []


def test_dock_prints_one_sheet_per_small_watershed(qtbot, workspace, tmp_path):
    """Zones chosen: the sheets, the filter and the selection are the watersheds'."""
    import sqlite3

    from qgis.core import QgsFeature, QgsGeometry

    path = str(tmp_path / "zones.gpkg")
    with sqlite3.connect(workspace) as source, sqlite3.connect(path) as target:
        source.backup(target)
    towns = QgsVectorLayer(path + "|layername=township", "township", "ogr")
    watershed = QgsVectorLayer(path + "|layername=watershed", "watershed", "ogr")
    features = []
    for code, name, geometry in (
        ("LY01", "甲小流域", [f.geometry() for f in towns.getFeatures()][:2]),
        ("LY02", "乙小流域", [f.geometry() for f in towns.getFeatures()][2:]),
    ):
        feature = QgsFeature(watershed.fields())
        feature.setAttribute("uuid", code)
        feature.setAttribute("lydm", code)
        feature.setAttribute("lymc", name)
        feature.setGeometry(QgsGeometry.unaryUnion(geometry))
        features.append(feature)
    assert watershed.dataProvider().addFeatures(features)[0]
    watershed.reload()
    QgsProject.instance().addMapLayers([towns, watershed])
    try:
        dock = _dock(qtbot, {"township": towns})
        assert not dock.zone_field.isEnabled()
        dock.zones_combo.setLayer(watershed)
        assert dock.zone_field.currentField() == "lydm"
        assert dock.zone_name_field.currentField() == "lymc"
        assert dock.ui.filterWidget.layer() is watershed
        watershed.selectByExpression("\"lydm\" = 'LY02'")
        dock.ui.selectedRadio.setChecked(True)
        dock.ui.folderWidget.setFilePath(str(tmp_path / "out"))
        dock.run()
        qtbot.waitUntil(lambda: dock.task is None, timeout=120_000)
        assert dock.last_message[1] == Qgis.Success, dock.last_message
        assert sorted(os.listdir(tmp_path / "out")) == ["LY02_乙小流域.pdf", "atlas.pdf"]
        assert dock.last_result.statistics.progress.row("LY02").treated_gullies == 2
        layout = QgsProject.instance().layoutManager().layoutByName(dock.last_layout.name())
        assert layout.atlas().updateFeatures() == 1
    finally:
        dock.cleanup()
        QgsProject.instance().removeAllMapLayers()
        manager = QgsProject.instance().layoutManager()
        for layout in manager.layouts():
            manager.removeLayout(layout)
