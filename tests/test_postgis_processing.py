"""xingguoswc:createworkspace targeting PostGIS (connection + schema), and copying."""

from __future__ import annotations

import pytest
from qgis.core import QgsDataSourceUri, QgsProcessingException

from xingguo_swc_plugin.core import schema
from xingguo_swc_plugin.core.postgis import open_postgis_workspace
from xingguo_swc_plugin.core.workspace import open_workspace


def test_createworkspace_on_postgis_copies_the_sample(sample_workspace, pg_target,
                                                      pg_schema, pg_server):
    import processing

    result = processing.run("xingguoswc:createworkspace", {
        "CONNECTION": pg_target.connection, "SCHEMA": pg_schema,
        "COPY_FROM": sample_workspace})
    local = open_workspace(sample_workspace)
    expected = sum(local.layer(spec.name).featureCount() for spec in schema.LAYERS)
    assert result["ROWS"] == expected > 2000
    assert result["SCHEMA"] == pg_schema
    source = QgsDataSourceUri(result["OUTPUT"])
    assert source.schema() == pg_schema and source.table() == "township"
    assert source.authConfigId() and not source.password()
    workspace = open_postgis_workspace(pg_target, pg_schema)
    assert workspace.layer("parcel").featureCount() == local.layer("parcel").featureCount()
    # running again opens the existing workspace and changes nothing
    again = processing.run("xingguoswc:createworkspace", {
        "CONNECTION": pg_target.connection, "SCHEMA": pg_schema})
    assert again["ROWS"] == 0
    assert workspace.layer("parcel").featureCount() == local.layer("parcel").featureCount()


def test_createworkspace_with_an_auth_config_override(pg_target, pg_authcfg, pg_schema):
    import processing

    result = processing.run("xingguoswc:createworkspace", {
        "CONNECTION": pg_target.connection, "AUTHCFG": pg_authcfg, "SCHEMA": pg_schema})
    assert QgsDataSourceUri(result["OUTPUT"]).authConfigId() == pg_authcfg


def test_createworkspace_without_any_target_is_refused(qgis_app):
    import processing

    with pytest.raises(QgsProcessingException, match="GeoPackage file or a PostgreSQL"):
        processing.run("xingguoswc:createworkspace", {})
    with pytest.raises(QgsProcessingException):
        processing.run("xingguoswc:createworkspace", {"CONNECTION": "no such connection",
                                                      "SCHEMA": "x"})
