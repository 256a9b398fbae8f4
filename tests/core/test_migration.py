"""Schema 1 -> 2: the one generic upgrade adds every table and column of
``core.workspace.schema`` that a workspace lacks, on GeoPackage and on a real PostGIS server.

The version-1 workspaces are real: a current workspace with what schema 2 added
taken away again (tables dropped, columns dropped, their styles deleted, version 1).
"""

from __future__ import annotations

import sqlite3

import pytest
from osgeo import ogr
from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsVectorLayer

from xingguo_swc_plugin.core.workspace import schema
from xingguo_swc_plugin.core.workspace.geopackage import open_workspace, read_schema_version
from xingguo_swc_plugin.core.workspace.postgis import (
    create_postgis_workspace,
    open_postgis_workspace,
)

#: What schema 2 added: new tables, and new columns of existing tables.
V2_TABLES = ("township_target", "watershed")
V2_COLUMNS = {"benggang": ("zlnd", "bgsl", "zlms", "xzgd")}


def _make_v1_gpkg(path: str) -> int:
    """Turn a workspace into schema 1; returns the number of gullies it holds."""
    source = ogr.Open(path, 1)
    for table in V2_TABLES:
        for index in range(source.GetLayerCount()):
            if source.GetLayer(index).GetName() == table:
                assert source.DeleteLayer(index) == 0
                break
    for table, columns in V2_COLUMNS.items():
        layer = source.GetLayerByName(table)
        for column in columns:
            definition = layer.GetLayerDefn()
            assert layer.DeleteField(definition.GetFieldIndex(column)) == 0
    gullies = source.GetLayerByName("benggang").GetFeatureCount()
    del layer, definition
    source = None  # closes the GeoPackage (no layer may keep it open)
    with sqlite3.connect(path) as connection:
        connection.executemany(
            "DELETE FROM layer_styles WHERE f_table_name = ?", [(table,) for table in V2_TABLES]
        )
        connection.execute(
            "UPDATE " + schema.META_TABLE + " SET value = '1' WHERE key = 'schema_version'"
        )
    return gullies


def _gpkg_columns(path: str, table: str):
    with sqlite3.connect(path) as connection:
        return {row[1] for row in connection.execute('PRAGMA table_info("' + table + '")')}


def test_v1_geopackage_gets_the_new_tables_fields_and_forms(sample_copy):
    gullies = _make_v1_gpkg(sample_copy)
    assert gullies > 0
    assert read_schema_version(sample_copy) == 1
    assert "zlnd" not in _gpkg_columns(sample_copy, "benggang")

    workspace = open_workspace(sample_copy)

    assert read_schema_version(sample_copy) == schema.SCHEMA_VERSION == 2
    for spec in schema.LAYERS:
        assert set(spec.field_names()) <= _gpkg_columns(sample_copy, spec.name), spec.name
    benggang = workspace.layer("benggang")
    assert benggang.featureCount() == gullies  # the data survive
    assert all(feature["bgbh"] for feature in benggang.getFeatures())
    # the stored default style now has the new fields' forms
    mode = benggang.fields().indexOf("zlms")
    assert benggang.editorWidgetSetup(mode).type() == "ValueMap"
    assert benggang.defaultValueDefinition(benggang.fields().indexOf("bgsl")).expression() == "1"
    watershed = workspace.layer("watershed")
    assert watershed.isValid() and watershed.crs().authid() == "EPSG:4547"
    assert watershed.editorWidgetSetup(watershed.fields().indexOf("lylx")).type() == "ValueMap"
    # new tables take rows, with their unique keys
    target = workspace.layer("township_target")
    feature = QgsFeature(target.fields())
    feature.setAttributes([None] * target.fields().count())
    feature.setAttribute("xzqdm", "360732100")
    feature.setAttribute("nd", 2023)
    assert target.dataProvider().addFeatures([feature])[0]
    assert not target.dataProvider().addFeatures([QgsFeature(feature)])[0]
    # upgrading is idempotent: opening again changes nothing
    assert open_workspace(sample_copy).schema_version() == 2


def _pg_columns(pg_server, schema_name, table):
    with pg_server.connect() as connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT column_name, column_default FROM information_schema.columns "
            "WHERE table_schema = %s AND table_name = %s",
            (schema_name, table),
        )
        return dict(cursor.fetchall())


def test_v1_postgis_workspace_is_upgraded(pg_server, pg_target, pg_schema):
    create_postgis_workspace(pg_target, pg_schema, QgsCoordinateReferenceSystem("EPSG:4547"))
    with pg_server.connect() as connection, connection.cursor() as cursor:
        cursor.execute(
            'INSERT INTO "{0}".benggang (bgbh, xzqdm, zlzt, geom) VALUES '
            "('B1', '360732100', '2', ST_Multi(ST_GeomFromText("
            "'POLYGON((500000 2900000, 500100 2900000, 500100 2900100, "
            "500000 2900000))', 4547)))".format(pg_schema)
        )
        for table in V2_TABLES:
            cursor.execute('DROP TABLE "{0}"."{1}" CASCADE'.format(pg_schema, table))
            cursor.execute(
                "DELETE FROM public.layer_styles WHERE f_table_schema = %s AND f_table_name = %s",
                (pg_schema, table),
            )
        for table, columns in V2_COLUMNS.items():
            for column in columns:
                cursor.execute(
                    'ALTER TABLE "{0}"."{1}" DROP COLUMN "{2}"'.format(pg_schema, table, column)
                )
        cursor.execute(
            'UPDATE "{0}".{1} SET value = %s WHERE key = %s'.format(pg_schema, schema.META_TABLE),
            ("1", "schema_version"),
        )
        connection.commit()
    assert "zlnd" not in _pg_columns(pg_server, pg_schema, "benggang")

    workspace = open_postgis_workspace(pg_target, pg_schema)

    assert workspace.schema_version() == 2
    for spec in schema.LAYERS:
        assert set(spec.field_names()) <= set(_pg_columns(pg_server, pg_schema, spec.name))
    assert "1" in _pg_columns(pg_server, pg_schema, "benggang")["bgsl"]
    with pg_server.connect() as connection, connection.cursor() as cursor:
        cursor.execute('SELECT bgbh, bgsl, zlnd FROM "{0}".benggang'.format(pg_schema))
        # PostgreSQL fills the column default into existing rows (GeoPackage leaves
        # NULL, which the readers take as 1)
        assert cursor.fetchall() == [("B1", 1, None)]
        cursor.execute(
            'INSERT INTO "{0}".benggang (bgbh, geom) VALUES (%s, NULL) RETURNING bgsl'.format(
                pg_schema
            ),
            ("B2",),
        )
        assert cursor.fetchone()[0] == 1  # the column default
        with pytest.raises(Exception, match="check"):
            cursor.execute('UPDATE "{0}".benggang SET zlms = %s'.format(pg_schema), ("9",))
        connection.rollback()
        cursor.execute(
            "SELECT count(*) FROM public.layer_styles WHERE f_table_schema = %s AND useasdefault",
            (pg_schema,),
        )
        assert cursor.fetchone()[0] == len(schema.LAYERS)
    watershed = workspace.layer("watershed")
    assert isinstance(watershed, QgsVectorLayer) and watershed.isValid()
    assert watershed.crs().authid() == "EPSG:4547"
    assert watershed.editorWidgetSetup(watershed.fields().indexOf("lylx")).type() == "ValueMap"
    benggang = workspace.layer("benggang")
    assert benggang.editorWidgetSetup(benggang.fields().indexOf("zlms")).type() == "ValueMap"
