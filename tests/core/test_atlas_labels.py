"""Labels, not codes, on the atlas sheet (issue 15): the CRS line in the UI language
and the legend naming layers by their Chinese table names, whatever the layers are
called in the project (a dragged-in GeoPackage names them "s — parcel")."""

from __future__ import annotations

import pytest
from atlas_fixtures import make_small_workspace
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsLayoutItemLegend,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt

from xingguo_swc_plugin.core import atlas
from xingguo_swc_plugin.core.workspace import schema
from xingguo_swc_plugin.core.workspace.geopackage import open_workspace


@pytest.fixture
def chinese(qgis_app):
    """The plugin's Chinese translator installed for the test, then removed."""
    from xingguo_swc_plugin import localization

    translator = localization.install_translator("zh_CN")
    assert translator is not None
    yield translator
    localization.remove_translator(translator)


def test_crs_line_in_chinese(chinese):
    note = atlas.crs_note(QgsCoordinateReferenceSystem("EPSG:4547"))
    assert note == "CGCS2000 3度带高斯-克吕格投影，中央经线 114°E (EPSG:4547)"
    assert (
        atlas.crs_note(QgsCoordinateReferenceSystem("EPSG:4526"))
        == "CGCS2000 3度带高斯-克吕格投影，第 38 带 (EPSG:4526)"
    )
    assert (
        atlas.crs_note(QgsCoordinateReferenceSystem("EPSG:4490"))
        == "CGCS2000 地理坐标系 (EPSG:4490)"
    )
    # a system without a Chinese name keeps PROJ's (never a wrong one)
    assert (
        atlas.crs_note(QgsCoordinateReferenceSystem("EPSG:32650"))
        == "WGS 84 / UTM zone 50N (EPSG:32650)"
    )


def test_legend_names_layers_by_their_chinese_table_names(qgis_app, tmp_path):
    townships = open_workspace(make_small_workspace(str(tmp_path / "small.gpkg"))).layer("township")
    layers = atlas.default_layers(townships)
    renamed = []
    for layer in [townships] + layers:
        table = layer.source().split("layername=")[-1].split("|")[0]
        copy = QgsVectorLayer(layer.source(), "s — " + table, layer.providerType())
        assert copy.isValid()
        renamed.append(copy)
    project = QgsProject()
    project.addMapLayers(renamed)
    layout = atlas.build_layout(project, atlas.read_template(None), renamed[0], renamed[1:])
    legends = [item for item in layout.items() if isinstance(item, QgsLayoutItemLegend)]
    assert legends
    model = legends[0].model()
    names = [
        model.data(model.index(row, 0), Qt.ItemDataRole.DisplayRole)
        for row in range(model.rowCount())
    ]
    assert names and not [name for name in names if "s — " in str(name)], names
    zh = {spec.zh for spec in schema.LAYERS}
    assert set(names) <= zh, names
    assert schema.LAYERS_BY_NAME["township"].zh in names
