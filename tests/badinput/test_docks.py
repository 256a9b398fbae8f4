"""Each dock refuses bad input of its own, in its message bar, changing nothing.

Real docks on the iface stand-in (tests/iface_stand_in.py), real layers in real
files.  Every case asserts the message (naming the layer, table, feature or
CRS), that no task produced a result, and that the input files and the
workspace are unchanged (sha256 of their SQL dump / bytes).

Covered elsewhere (same class, same rules): the gully dock refuses a layer
without the gully fields and each digitizing check (tests/gui/test_benggang_dock.py
test_a_layer_without_the_fields_is_refused, test_each_check_refuses_in_the_dock_
and_writes_nothing); the measures dock refuses an empty selection, quantity 0,
a year outside 1980-2100 and a wrong unit (tests/gui/test_measures_dock.py
test_bad_input_shows_message_and_writes_nothing); the atlas dock a folder that
is a file and an empty selection (tests/gui/test_atlas_dock.py
test_dock_reports_bad_folder_and_selection); the inspection dock a missing
workspace and a DEM that does not cover the parcels
(tests/gui/test_validation_dock.py); a gully layer in degrees on a projected canvas
is measured on the ellipsoid (tests/gui/test_benggang_dock.py
test_a_geographic_layer_on_a_projected_canvas).
"""

from __future__ import annotations

import pytest
from data import digest
from test_stats_dock import project_layers  # noqa: F401 (fixture, over this module's county)


# --------------------------------------------------------------------------- statistics dock
@pytest.fixture(scope="module")
def county(qgis_app, tmp_path_factory) -> str:
    import generate

    path = tmp_path_factory.mktemp("docks") / "county.gpkg"
    generate.generate(str(path), 200, seed=5, erosion=40)
    return str(path)


def stats_dock(qtbot, layers):
    from iface_stand_in import MessageIface

    from xingguo_swc_plugin.gui.stats_dock import StatsDock

    iface = MessageIface()
    dock = StatsDock(iface, None)
    qtbot.addWidget(dock)
    dock.townships_combo.setLayer(layers["township"])
    dock.input_combo.setLayer(layers["parcel"])
    dock.class_field.setField("kflx")
    dock.erosion_combo.setLayer(layers["erosion"])
    return dock, iface


def test_stats_dock_refuses_the_wrong_table_as_townships(qtbot, project_layers, county):
    dock, iface = stats_dock(qtbot, project_layers)
    before = digest(county)
    dock.townships_combo.setLayer(project_layers["parcel"])
    dock.run()
    assert dock.task is None and dock.result is None
    assert "(township)" in iface.bar.messages[-1][1], iface.bar.messages
    assert digest(county) == before


def test_stats_dock_refuses_web_mercator_input(qtbot, project_layers, county, tmp_path):
    import processing
    from qgis.core import QgsProject, QgsVectorLayer

    merc = str(tmp_path / "parcels_3857.gpkg")
    processing.run(
        "native:reprojectlayer",
        {"INPUT": project_layers["parcel"], "TARGET_CRS": "EPSG:3857", "OUTPUT": merc},
    )
    layer = QgsVectorLayer(merc, "parcels_3857", "ogr")
    assert layer.isValid() and layer.crs().authid() == "EPSG:3857"
    QgsProject.instance().addMapLayer(layer)
    dock, iface = stats_dock(qtbot, project_layers)
    dock.input_combo.setLayer(layer)
    before = digest(county, merc)
    dock.run()
    qtbot.waitUntil(lambda: dock.task is None, timeout=120_000)
    text = iface.bar.messages[-1][1]
    assert "EPSG:3857" in text and "EPSG:4547" in text, iface.bar.messages
    assert dock.result is None
    assert digest(county, merc) == before


# --------------------------------------------------------------------------- inspection dock
@pytest.fixture
def inspection(qtbot, empty_workspace, tmp_path):
    from iface_stand_in import DesktopIface
    from qgis.core import QgsProject
    from validation_data import make_parcels, make_projects

    from xingguo_swc_plugin.gui.inspection_dock import InspectionDock

    parcels, projects = make_parcels(tmp_path), make_projects(tmp_path)
    project = QgsProject.instance()
    project.addMapLayers([parcels, projects])
    iface = DesktopIface()
    iface.canvas.setDestinationCrs(parcels.crs())
    widget = InspectionDock(iface, iface.window)
    qtbot.addWidget(widget)
    widget.set_inputs(parcels, projects, workspace=empty_workspace)
    yield widget, parcels, projects, empty_workspace
    widget.cleanup()
    project.removeAllMapLayers()


def run_inspection(qtbot, dock):
    task = dock.run()
    if task is not None:
        qtbot.waitUntil(lambda: dock.task is None, timeout=60_000)
    return dock.last_message


def test_inspection_dock_refuses_duplicate_parcel_ids(qtbot, inspection, tmp_path):
    from qgis.core import Qgis, QgsProject
    from validation_data import PARCEL_FIELDS, box, parcel_rows, parcel_uuid, write_layer

    dock, parcels, projects, workspace = inspection
    rows = parcel_rows() + [
        (
            {"uuid": parcel_uuid("T11"), "tbbh": "T02", "xmbh": "", "xzqdm": "360732100"},
            box(1200, 0, 1250, 50),
        )
    ]
    twins = write_layer(tmp_path / "twins.gpkg", "parcels", "MultiPolygon", PARCEL_FIELDS, rows)
    QgsProject.instance().addMapLayer(twins)
    dock.set_inputs(twins, projects, workspace=workspace)
    before = digest(workspace, str(tmp_path / "twins.gpkg"))
    text, level = run_inspection(qtbot, dock)
    assert level in (Qgis.Warning, Qgis.Critical) and "T02" in text, text
    assert digest(workspace, str(tmp_path / "twins.gpkg")) == before


def test_inspection_dock_refuses_parcels_in_web_mercator(qtbot, inspection, tmp_path):
    import processing
    from qgis.core import Qgis, QgsProject, QgsVectorLayer

    dock, parcels, projects, workspace = inspection
    merc = str(tmp_path / "parcels_3857.gpkg")
    processing.run(
        "native:reprojectlayer", {"INPUT": parcels, "TARGET_CRS": "EPSG:3857", "OUTPUT": merc}
    )
    layer = QgsVectorLayer(merc, "parcels_3857", "ogr")
    QgsProject.instance().addMapLayer(layer)
    dock.set_inputs(layer, projects, workspace=workspace)
    before = digest(workspace, merc)
    text, level = run_inspection(qtbot, dock)
    assert level in (Qgis.Warning, Qgis.Critical) and "EPSG:3857" in text, text
    assert digest(workspace, merc) == before


def test_inspection_dock_refuses_a_line_layer_as_parcels(qtbot, inspection, tmp_path):
    from data import write
    from qgis.core import Qgis, QgsProject, QgsVectorLayer

    dock, parcels, projects, workspace = inspection
    path = write(
        str(tmp_path / "roads.gpkg"),
        [{"wkt": "LINESTRING(0 0, 1000 1000)", "tbbh": "R1"}],
        [("tbbh", "text")],
        geometry="line",
    )
    roads = QgsVectorLayer(path + "|layername=data", "roads", "ogr")
    QgsProject.instance().addMapLayer(roads)
    dock.set_inputs(roads, projects, workspace=workspace)
    before = digest(workspace, path)
    text, level = run_inspection(qtbot, dock)
    assert level in (Qgis.Warning, Qgis.Critical), text
    # the parcel chooser only offers polygon layers: the line layer is not taken
    assert "Choose the parcels" in text, text
    assert digest(workspace, path) == before


# --------------------------------------------------------------------------- measures dock
@pytest.fixture
def measures(qtbot, empty_workspace, tmp_path):
    from iface_stand_in import DesktopIface
    from qgis.core import QgsProject
    from test_measures import GULLY_BOXES, add_gullies, add_townships

    from xingguo_swc_plugin.gui.measures_dock import MeasuresDock

    add_townships(empty_workspace)
    gullies, fids = add_gullies(empty_workspace, GULLY_BOXES)
    QgsProject.instance().addMapLayer(gullies)
    iface = DesktopIface()
    dock = MeasuresDock(iface, iface.window)
    qtbot.addWidget(dock)
    iface.setActiveLayer(gullies)
    yield dock, iface, gullies, fids, empty_workspace
    dock.cleanup()
    QgsProject.instance().removeAllMapLayers()


def test_measures_dock_refuses_a_layer_without_uuid(qtbot, measures, tmp_path):
    from data import box, write
    from qgis.core import Qgis, QgsProject, QgsVectorLayer
    from qgis.PyQt.QtCore import Qt

    dock, iface, gullies, fids, workspace = measures
    path = write(
        str(tmp_path / "mine.gpkg"),
        [{"wkt": box(501000, 2901000, 501100, 2901100), "bz": "a"}],
        [("bz", "text")],
    )
    mine = QgsVectorLayer(path + "|layername=data", "my parcels", "ogr")
    QgsProject.instance().addMapLayer(mine)
    before = digest(workspace, path)
    iface.setActiveLayer(mine)
    mine.selectAll()
    dock.select_measure("E06")
    dock.ui.quantitySpin.setValue(1)
    qtbot.mouseClick(dock.ui.tagButton, Qt.MouseButton.LeftButton)
    texts = [item.text() for item in iface.bar.items()]
    assert texts == ["Layer my parcels has no uuid field: its features cannot carry measures."], (
        texts
    )
    assert iface.bar.currentItem().level() == Qgis.Warning
    assert dock.measure_layer is None or not dock.measure_layer.isModified()
    assert digest(workspace, path) == before


# --------------------------------------------------------------------------- atlas dock
def test_atlas_dock_refuses_the_wrong_table_as_townships(qtbot, project_layers, county, tmp_path):
    from iface_stand_in import MessageIface
    from qgis.core import Qgis, QgsProject

    from xingguo_swc_plugin.gui.atlas_dock import AtlasDock

    dock = AtlasDock(MessageIface(), None)
    qtbot.addWidget(dock)
    dock.ui.openFolderCheck.setChecked(False)
    dock.ui.townshipCombo.setLayer(project_layers["parcel"])
    dock.ui.folderWidget.setFilePath(str(tmp_path / "atlas"))
    before = digest(county)
    dock.run()
    assert dock.task is None
    text, level = dock.last_message
    assert level == Qgis.Warning and "(township)" in text, text
    assert not (tmp_path / "atlas").exists()
    assert QgsProject.instance().layoutManager().layouts() == []
    assert digest(county) == before


def test_stats_dock_says_what_it_skipped_and_what_lies_outside(qtbot, qgis_app, tmp_path):
    from data import box, townships, write
    from iface_stand_in import MessageIface
    from qgis.core import Qgis, QgsProject, QgsVectorLayer

    from xingguo_swc_plugin.gui.stats_dock import StatsDock

    towns = townships(str(tmp_path / "towns.gpkg"))
    path = write(
        str(tmp_path / "parcels.gpkg"),
        [
            {"wkt": box(631000, 2911000, 631100, 2911100), "kflx": "a"},  # 10,000 m² inside
            {"wkt": None, "kflx": "a"},  # NULL geometry
            {"wkt": box(639950, 2911000, 640050, 2911100), "kflx": "a"},
        ],  # 5,000 m² outside
        [("kflx", "text")],
    )
    eroded = write(
        str(tmp_path / "erosion.gpkg"),
        [{"wkt": box(631000, 2909950, 631050, 2910050), "qsqd": 3}],  # 2,500 m² outside
        [("qsqd", "int")],
    )
    town_layer = QgsVectorLayer(towns + "|layername=township", "township", "ogr")
    parcels = QgsVectorLayer(path + "|layername=data", "parcels", "ogr")
    erosion = QgsVectorLayer(eroded + "|layername=data", "erosion", "ogr")
    QgsProject.instance().addMapLayers([town_layer, parcels, erosion])
    try:
        iface = MessageIface()
        dock = StatsDock(iface, None)
        qtbot.addWidget(dock)
        dock.townships_combo.setLayer(town_layer)
        dock.input_combo.setLayer(parcels)
        dock.class_field.setField("kflx")
        dock.erosion_combo.setLayer(erosion)
        dock.grade_field.setField("qsqd")
        before = digest(towns, path, eroded)
        dock.run()
        qtbot.waitUntil(lambda: dock.task is None, timeout=120_000)
        assert dock.result is not None, iface.bar.messages
        texts = [(text, level) for _title, text, level in iface.bar.messages]
        assert ("1 features without geometry were skipped.", Qgis.Warning) in texts, texts
        assert (
            "5000.00 m² of the input lie outside every township and count in no row.",
            Qgis.Warning,
        ) in texts, texts
        assert (
            "2500.00 m² of the input lie outside every township and count in no row.",
            Qgis.Warning,
        ) in texts, texts
        county = [row for row in dock.result.areas if row.xzqdm == "360732"]
        assert sum(row.area_m2 for row in county) == pytest.approx(15000.0)
        assert dock.result.rates[-1].erosion_area_m2 == pytest.approx(2500.0)
        assert digest(towns, path, eroded) == before
    finally:
        QgsProject.instance().removeAllMapLayers()


def test_measures_dock_tags_a_gully_without_geometry_honestly(qtbot, measures):
    """A gully whose geometry was lost: an area measure (V02, hm²) cannot take its
    area from it; refused, naming the feature, nothing written."""
    from qgis.core import Qgis, QgsGeometry
    from qgis.PyQt.QtCore import Qt

    dock, iface, gullies, fids, workspace = measures
    assert gullies.dataProvider().changeGeometryValues({fids[0]: QgsGeometry()})
    gullies.reload()
    gullies.selectByIds([fids[0]])
    before = digest(workspace)
    dock.select_measure("V02")
    qtbot.mouseClick(dock.ui.tagButton, Qt.MouseButton.LeftButton)
    texts = [item.text() for item in iface.bar.items()]
    assert texts == ["Feature 1 of 崩岗 has no area: type the quantity."], texts
    assert iface.bar.currentItem().level() == Qgis.Warning
    assert dock.measure_layer.featureCount() == 0 and not dock.measure_layer.isModified()
    assert digest(workspace) == before


def test_stats_dock_refuses_degrees_labelled_as_metres(qtbot, project_layers, county, tmp_path):
    from data import box, write
    from qgis.core import QgsProject, QgsVectorLayer

    path = write(
        str(tmp_path / "degrees.gpkg"),
        [{"wkt": box(115.30, 26.30, 115.31, 26.31), "kflx": "a"}],
        [("kflx", "text")],
        epsg=4547,
    )
    layer = QgsVectorLayer(path + "|layername=data", "degrees", "ogr")
    QgsProject.instance().addMapLayer(layer)
    dock, iface = stats_dock(qtbot, project_layers)
    dock.input_combo.setLayer(layer)
    dock.class_field.setField("kflx")
    before = digest(county, path)
    dock.run()
    qtbot.waitUntil(lambda: dock.task is None, timeout=120_000)
    text = iface.bar.messages[-1][1]
    assert "degrees" in text and "EPSG:4547" in text and "EPSG:4490" in text, text
    assert dock.result is None
    assert digest(county, path) == before


def test_stats_dock_reads_gbk_township_names(qtbot, qgis_app, tmp_path):
    """The dock calls the core directly (no Processing): the core reads the
    townships with the detected encoding too."""
    from data import box, write
    from iface_stand_in import MessageIface
    from qgis.core import QgsProject, QgsVectorLayer
    from test_encoding import gbk_townships

    from xingguo_swc_plugin.gui.stats_dock import StatsDock

    towns = gbk_townships(str(tmp_path / "towns.shp"))
    path = write(
        str(tmp_path / "parcels.gpkg"),
        [{"wkt": box(631000, 2911000, 631100, 2911100), "kflx": "a"}],
        [("kflx", "text")],
    )
    town_layer = QgsVectorLayer(towns, "towns", "ogr")
    parcels = QgsVectorLayer(path + "|layername=data", "parcels", "ogr")
    QgsProject.instance().addMapLayers([town_layer, parcels])
    try:
        iface = MessageIface()
        dock = StatsDock(iface, None)
        qtbot.addWidget(dock)
        dock.townships_combo.setLayer(town_layer)
        dock.input_combo.setLayer(parcels)
        dock.class_field.setField("kflx")
        dock.erosion_combo.setLayer(None)
        before = digest(towns, path)
        dock.run()
        qtbot.waitUntil(lambda: dock.task is None, timeout=120_000)
        assert dock.result is not None, iface.bar.messages
        names = {row.xzqdm: row.xzqmc for row in dock.result.areas}
        assert names["360732100"] == "潋江镇" and names["360732101"] == "江背镇", names
        assert digest(towns, path) == before
    finally:
        QgsProject.instance().removeAllMapLayers()
