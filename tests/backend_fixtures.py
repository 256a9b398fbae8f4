"""The ``backend`` fixture: one empty workspace on each backend, for the tests that
run the SAME body on a GeoPackage and on a real PostGIS server."""

from __future__ import annotations

import pytest
from qgis.core import QgsCoordinateReferenceSystem
from validation_data import CRS

from xingguo_swc_plugin.core.workspace.open import workspace_of


class Backend:
    """One workspace: how algorithms name it, and a fresh handle on it."""

    def __init__(self, kind: str, params: dict, open_again):
        self.kind = kind
        self.params = params
        self.open_again = open_again

    def workspace(self):
        return self.open_again()


@pytest.fixture(params=["gpkg", "postgis"])
def backend(request, qgis_app):
    if request.param == "gpkg":
        path = request.getfixturevalue("empty_workspace")
        return Backend("gpkg", {"WORKSPACE": path}, lambda: workspace_of(path))
    from xingguo_swc_plugin.core.workspace.postgis import create_postgis_workspace

    target = request.getfixturevalue("pg_target")
    schema = request.getfixturevalue("pg_schema")
    connection = request.getfixturevalue("pg_connection")
    create_postgis_workspace(target, schema, QgsCoordinateReferenceSystem(CRS))
    return Backend(
        "postgis",
        {"CONNECTION": connection, "SCHEMA": schema},
        lambda: workspace_of(connection, schema),
    )
