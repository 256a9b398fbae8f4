"""Workspace creation through Processing, checked with OGR and QGIS."""

from __future__ import annotations

import os
import sqlite3

import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException, QgsVectorLayer

from xingguo_swc_plugin.core.errors import WorkspaceError
from xingguo_swc_plugin.core.workspace import schema
from xingguo_swc_plugin.core.workspace.geopackage import open_workspace


def test_createworkspace_makes_every_table_with_its_fields(empty_workspace):
    source = ogr.Open(empty_workspace)
    names = {source.GetLayer(i).GetName() for i in range(source.GetLayerCount())}
    for spec in schema.LAYERS:
        assert spec.name in names
        definition = source.GetLayerByName(spec.name).GetLayerDefn()
        fields = {definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())}
        assert set(spec.field_names()) <= fields
    township = source.GetLayerByName("township")
    assert township.GetSpatialRef().GetAuthorityCode(None) == "4547"
    assert "layer_styles" in names


def test_layers_open_with_value_maps_and_uuid_default(empty_workspace):
    layer = QgsVectorLayer(empty_workspace + "|layername=benggang", "b", "ogr")
    assert layer.isValid()
    setup = layer.editorWidgetSetup(layer.fields().indexOf("xt"))
    assert setup.type() == "ValueMap"
    labels = [list(item.keys())[0] for item in setup.config()["map"]]
    assert labels[:2] == ["瓢形", "条形"]
    assert layer.attributeAlias(layer.fields().indexOf("bgbh")) == "崩岗编号"
    default = layer.defaultValueDefinition(layer.fields().indexOf("uuid"))
    assert "uuid" in default.expression()
    assert layer.renderer().type() == "categorizedSymbol"


def test_measure_taxonomy_is_seeded(empty_workspace):
    layer = QgsVectorLayer(empty_workspace + "|layername=measure_type", "t", "ogr")
    units = {f["csmc"]: f["dw"] for f in layer.getFeatures()}
    assert units["谷坊"] == "zuo"
    assert units["截水沟"] == "m"
    assert units["乔木林"] == "hm2"


def test_schema_version_is_checked(empty_workspace):
    assert open_workspace(empty_workspace).schema_version() == schema.SCHEMA_VERSION
    with sqlite3.connect(empty_workspace) as connection:
        connection.execute(
            "UPDATE " + schema.META_TABLE + " SET value='99' WHERE key='schema_version'"
        )
    with pytest.raises(WorkspaceError, match="newer"):
        open_workspace(empty_workspace)


def test_bad_output_is_refused_and_nothing_written(qgis_app, tmp_path):
    import processing

    missing = tmp_path / "missing" / "w.gpkg"
    with pytest.raises(QgsProcessingException, match="does not exist"):
        processing.run("xingguoswc:createworkspace", {"OUTPUT": str(missing)})
    assert not missing.parent.exists()

    readonly = tmp_path / "readonly"
    readonly.mkdir()
    readonly.chmod(0o555)
    if os.access(readonly, os.W_OK):  # root ignores permission bits
        readonly.chmod(0o755)
        os.system("chattr +i " + str(readonly) + " 2>/dev/null")
    try:
        with pytest.raises(QgsProcessingException):
            processing.run("xingguoswc:createworkspace", {"OUTPUT": str(readonly / "w.gpkg")})
        assert list(readonly.iterdir()) == []
    finally:
        os.system("chattr -i " + str(readonly) + " 2>/dev/null")

    other = tmp_path / "other.gpkg"
    other.write_bytes(b"not a geopackage")
    with pytest.raises(QgsProcessingException, match="not a Xingguo SWC workspace"):
        processing.run("xingguoswc:createworkspace", {"OUTPUT": str(other)})
    assert other.read_bytes() == b"not a geopackage"

    with pytest.raises(QgsProcessingException):
        processing.run(
            "xingguoswc:createworkspace",
            {"OUTPUT": str(tmp_path / "crs.gpkg"), "CRS": "EPSG:999999"},
        )
    assert not (tmp_path / "crs.gpkg").exists()


def test_townships_open_styled_and_labelled(empty_workspace):
    layer = QgsVectorLayer(empty_workspace + "|layername=township", "t", "ogr")
    assert layer.labelsEnabled()
    assert layer.labeling().settings().fieldName == "xzqmc"
    assert layer.renderer().type() == "singleSymbol"


def test_old_schema_without_upgrade_path_is_refused_clearly(empty_workspace):
    with sqlite3.connect(empty_workspace) as connection:
        connection.execute(
            "UPDATE " + schema.META_TABLE + " SET value='0' WHERE key='schema_version'"
        )
    with pytest.raises(WorkspaceError, match="No upgrade from schema version 0"):
        open_workspace(empty_workspace)
    with pytest.raises(WorkspaceError, match="old schema version 0"):
        open_workspace(empty_workspace, upgrade=False)


def test_older_schema_is_upgraded_in_place_by_its_migration(empty_workspace, monkeypatch):
    from xingguo_swc_plugin.core.workspace import geopackage as workspace_module

    def add_column(path: str) -> None:
        with sqlite3.connect(path) as connection:
            connection.execute('ALTER TABLE parcel ADD COLUMN "upgraded" INTEGER')

    monkeypatch.setitem(workspace_module.MIGRATIONS, schema.SCHEMA_VERSION - 1, add_column)
    with sqlite3.connect(empty_workspace) as connection:
        connection.execute(
            "UPDATE " + schema.META_TABLE + " SET value=? WHERE key='schema_version'",
            (str(schema.SCHEMA_VERSION - 1),),
        )
    assert open_workspace(empty_workspace).schema_version() == schema.SCHEMA_VERSION
    layer = QgsVectorLayer(empty_workspace + "|layername=parcel", "p", "ogr")
    assert layer.fields().indexOf("upgraded") >= 0
