"""PostGIS fixtures: a real PostgreSQL + PostGIS server started once per run.

The server runs on loopback with password authentication; the tests reach it
the way a user does: a QGIS PostgreSQL connection whose credentials are a QGIS
authentication configuration (the auth database of this run only, see conftest).
If PostgreSQL is not installed the fixture errors loudly (never a skip).
"""

from __future__ import annotations

import uuid

import pytest
from pg_server import PgServer

CONNECTION_NAME = "xgswc test server"


@pytest.fixture(scope="session")
def pg_server():
    """The running server (superuser credentials in ``params()``, for test setup only)."""
    server = PgServer()
    try:
        server.start()
    except Exception:
        server.stop()
        raise
    yield server
    server.stop()


@pytest.fixture(scope="session")
def pg_authcfg(qgis_app, pg_server) -> str:
    """A Basic authentication configuration holding the server's user and password."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("xgswc-test-master", True)
    config = QgsAuthMethodConfig()
    config.setMethod("Basic")
    config.setName("xgswc test credentials")
    config.setConfig("username", pg_server.superuser)
    config.setConfig("password", pg_server.password)
    ok, stored = manager.storeAuthenticationConfig(config)
    assert ok, "cannot store the test authentication configuration"
    return stored.id()


@pytest.fixture(scope="session")
def pg_connection(pg_authcfg, pg_server) -> str:
    """Name of a saved QGIS PostgreSQL connection using ``pg_authcfg`` (no password)."""
    from qgis.core import QgsDataSourceUri, QgsProviderRegistry

    source = QgsDataSourceUri()
    source.setConnection(
        pg_server.host,
        str(pg_server.port),
        pg_server.database,
        "",
        "",
        QgsDataSourceUri.SslDisable,
        pg_authcfg,
    )
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    metadata.saveConnection(metadata.createConnection(source.uri(False), {}), CONNECTION_NAME)
    return CONNECTION_NAME


@pytest.fixture
def pg_target(pg_connection):
    from xingguo_swc_plugin.core.workspace.postgis import PgTarget

    return PgTarget(connection=pg_connection)


@pytest.fixture
def pg_schema(pg_target):
    """A fresh schema name for one test; the schema and its styles are dropped after."""
    from xingguo_swc_plugin.core.workspace.postgis import drop_postgis_workspace

    name = "ws_" + uuid.uuid4().hex[:10]
    yield name
    drop_postgis_workspace(pg_target, name)


@pytest.fixture(scope="session")
def pg_sample(sample_workspace, pg_connection):
    """The sample GeoPackage copied into a PostGIS workspace (session, read-only!)."""
    from qgis.core import QgsCoordinateReferenceSystem

    from xingguo_swc_plugin.core.workspace.postgis import (
        PgTarget,
        create_postgis_workspace,
        drop_postgis_workspace,
    )
    from xingguo_swc_plugin.core.workspace.postgis_load import load_geopackage

    target = PgTarget(connection=pg_connection)
    name = "sample_" + uuid.uuid4().hex[:8]
    workspace = create_postgis_workspace(target, name, QgsCoordinateReferenceSystem("EPSG:4547"))
    load_geopackage(sample_workspace, workspace)
    yield workspace
    drop_postgis_workspace(target, name)
