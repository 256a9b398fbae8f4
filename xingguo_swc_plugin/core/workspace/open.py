"""``workspace_of``: the one way to get a workspace from what the user gave.

Algorithms and docks take a workspace as a GeoPackage path, or a QGIS PostgreSQL
connection + schema (credentials from the QGIS authentication manager), or a
layer of a workspace table; all of them end here, and everything after works on
``WorkspaceBase`` whatever the backend.
"""

from __future__ import annotations

from typing import Union

from qgis.core import QgsDataSourceUri, QgsVectorLayer

from ...translation import tr
from ..errors import WorkspaceError
from .base import WorkspaceBase
from .geopackage import Workspace, open_workspace
from .postgis import PgTarget, PgWorkspace, open_postgis_workspace

__all__ = ["WorkspaceBase", "Workspace", "PgWorkspace", "workspace_of", "postgis_workspace_of"]

WorkspaceSource = Union[WorkspaceBase, QgsVectorLayer, str]


def workspace_of(
    source: WorkspaceSource, schema: str = "", authcfg: str = "", upgrade: bool = True
) -> WorkspaceBase:
    """The workspace named by ``source``.

    * a workspace object: itself;
    * a layer of a workspace table (GeoPackage or PostGIS): its workspace;
    * a string with ``schema`` given: a QGIS PostgreSQL connection name;
    * any other string: the path of a GeoPackage workspace.
    """
    if isinstance(source, WorkspaceBase):
        return source
    if isinstance(source, QgsVectorLayer):
        return _workspace_of_layer(source, upgrade)
    if not isinstance(source, str) or not source:
        raise WorkspaceError(
            tr("Choose a workspace: a GeoPackage (.gpkg) or a PostgreSQL connection and a schema.")
        )
    if schema:
        return postgis_workspace_of(source, schema, authcfg, upgrade)
    return open_workspace(source.split("|")[0], upgrade)


def postgis_workspace_of(
    connection: str, schema: str, authcfg: str = "", upgrade: bool = True
) -> PgWorkspace:
    """The PostGIS workspace in ``schema`` of the QGIS PostgreSQL connection."""
    return open_postgis_workspace(PgTarget(connection, authcfg), schema, upgrade)


def _workspace_of_layer(layer: QgsVectorLayer, upgrade: bool) -> WorkspaceBase:
    provider = layer.providerType()
    if provider == "postgres":
        source = QgsDataSourceUri(layer.source())
        return open_postgis_workspace(
            PgTarget.from_layer(layer), source.schema() or "public", upgrade
        )
    if provider == "ogr":
        path = layer.source().split("|")[0]
        if path.lower().endswith(".gpkg"):
            return open_workspace(path, upgrade)
    raise WorkspaceError(
        tr("The layer {0} is not a table of a workspace (GeoPackage or PostGIS).").format(
            layer.name()
        )
    )
