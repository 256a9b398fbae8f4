"""The workspace parameters every algorithm that reads or writes a workspace shares.

A workspace is given as a GeoPackage (``WORKSPACE``) or as a QGIS PostgreSQL
connection (``CONNECTION``, credentials from the QGIS authentication manager,
``AUTHCFG`` to override them) + ``SCHEMA``; ``core.workspace.open.workspace_of`` opens
either.
"""

from __future__ import annotations

from typing import Optional

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterFile,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
)

from ..core.errors import WorkspaceError
from ..core.workspace.base import WorkspaceBase
from ..core.workspace.open import workspace_of
from ..translation import tr


def add_workspace_parameters(algorithm: QgsProcessingAlgorithm, description: str) -> None:
    """WORKSPACE (.gpkg) or CONNECTION + SCHEMA (+ AUTHCFG), all optional in form:
    ``workspace_from`` says what is missing."""
    algorithm.addParameter(
        QgsProcessingParameterFile("WORKSPACE", description, extension="gpkg", optional=True)
    )
    algorithm.addParameter(
        QgsProcessingParameterProviderConnection(
            "CONNECTION",
            tr("PostgreSQL connection (shared PostGIS workspace)"),
            "postgres",
            optional=True,
        )
    )
    algorithm.addParameter(
        QgsProcessingParameterString("SCHEMA", tr("Schema of the PostGIS workspace"), optional=True)
    )
    algorithm.addParameter(
        QgsProcessingParameterAuthConfig(
            "AUTHCFG",
            tr("Authentication configuration (overrides the connection's)"),
            optional=True,
        )
    )


def workspace_from(algorithm, parameters, context, required: bool) -> Optional[WorkspaceBase]:
    """The workspace the parameters name, None when none is given and not required."""
    path = algorithm.parameterAsFile(parameters, "WORKSPACE", context)
    connection = (
        algorithm.parameterAsConnectionName(parameters, "CONNECTION", context)
        if parameters.get("CONNECTION")
        else ""
    )
    schema = algorithm.parameterAsString(parameters, "SCHEMA", context).strip()
    authcfg = algorithm.parameterAsString(parameters, "AUTHCFG", context)
    if path and connection:
        raise WorkspaceError(
            tr("Give either a GeoPackage workspace or a PostgreSQL connection, not both.")
        )
    if connection:
        if not schema:
            raise WorkspaceError(
                tr("Enter the schema of the PostGIS workspace on {0}.").format(connection)
            )
        return workspace_of(connection, schema, authcfg)
    if path:
        return workspace_of(path)
    if required:
        raise WorkspaceError(
            tr("Choose a workspace: a GeoPackage (.gpkg) or a PostgreSQL connection and a schema.")
        )
    return None
