"""Processing: create a workspace, generate the synthetic sample workspace."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
)

from ..core.errors import WorkspaceError
from ..core.workspace.geopackage import create_workspace
from ..domain.thresholds import CRS_PROJECTED
from ..translation import QT_TR_NOOP, tr
from .base import SwcAlgorithm


class CreateWorkspaceAlgorithm(SwcAlgorithm):
    NAME = "createworkspace"
    WRITES_WORKSPACE = True
    DISPLAY = QT_TR_NOOP("Create workspace")
    GROUP = QT_TR_NOOP("Workspace")
    HELP = QT_TR_NOOP(
        "Creates a GeoPackage workspace with every table of the data model, "
        "styles and forms, or opens and upgrades an existing one. With a PostgreSQL "
        "connection and a schema it creates the shared PostGIS workspace instead "
        "(credentials from the QGIS authentication manager), optionally copying a "
        "GeoPackage workspace into it."
    )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "OUTPUT", tr("Workspace"), "GeoPackage (*.gpkg)", optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterCrs(
                "CRS", tr("Coordinate reference system"), CRS_PROJECTED, optional=True
            )
        )
        # PostGIS workspace (issue 8): a connection and a schema instead of OUTPUT.
        self.addParameter(
            QgsProcessingParameterProviderConnection(
                "CONNECTION",
                tr("PostgreSQL connection (shared PostGIS workspace)"),
                "postgres",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterAuthConfig(
                "AUTHCFG",
                tr("Authentication configuration (overrides the connection's)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "SCHEMA", tr("Schema of the PostGIS workspace"), "xingguo_swc", optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                "COPY_FROM",
                tr("Copy the data of this GeoPackage workspace into it"),
                QgsProcessingParameterFile.File,
                "gpkg",
                optional=True,
            )
        )

    def execute(self, parameters, context, feedback):
        crs = self.parameterAsCrs(parameters, "CRS", context)
        connection = (
            self.parameterAsConnectionName(parameters, "CONNECTION", context)
            if parameters.get("CONNECTION")
            else ""
        )
        authcfg = self.parameterAsString(parameters, "AUTHCFG", context)
        if connection or authcfg:
            return self._postgis(connection, authcfg, crs, parameters, context, feedback)
        path = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        if not path:
            raise WorkspaceError(tr("Choose a GeoPackage file or a PostgreSQL connection."))
        create_workspace(path, crs, feedback)
        return {"OUTPUT": path}

    def _postgis(self, connection, authcfg, crs, parameters, context, feedback):
        from ..core.workspace.postgis import PgTarget, create_postgis_workspace
        from ..core.workspace.postgis_load import load_geopackage

        if not connection:
            raise WorkspaceError(
                tr(
                    "Choose the PostgreSQL connection (server and database) "
                    "the authentication configuration is for."
                )
            )
        schema_name = self.parameterAsString(parameters, "SCHEMA", context)
        workspace = create_postgis_workspace(
            PgTarget(connection, authcfg), schema_name, crs, feedback
        )
        copy_from = self.parameterAsFile(parameters, "COPY_FROM", context)
        counts = {}
        if copy_from:
            feedback.pushInfo(tr("Copying {0} into schema {1}…").format(copy_from, schema_name))
            counts = load_geopackage(copy_from, workspace, feedback=feedback)
        return {
            "OUTPUT": workspace.uri("township"),
            "CONNECTION": connection,
            "SCHEMA": schema_name,
            "ROWS": sum(counts.values()),
        }


class SampleDataAlgorithm(SwcAlgorithm):
    NAME = "sampledata"
    WRITES_WORKSPACE = True
    DISPLAY = QT_TR_NOOP("Generate sample workspace")
    GROUP = QT_TR_NOOP("Workspace")
    HELP = QT_TR_NOOP(
        "Makes a synthetic Xingguo workspace: the 25 townships with their real "
        "codes and names on synthetic boundaries, development parcels and "
        "projects, erosion, collapse gullies and measures. Same seed, same data."
    )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFileDestination("OUTPUT", tr("Workspace"), "GeoPackage (*.gpkg)")
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "PARCELS",
                tr("Number of parcels"),
                QgsProcessingParameterNumber.Integer,
                2000,
                False,
                0,
                5_000_000,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "SEED", tr("Random seed"), QgsProcessingParameterNumber.Integer, 20220101
            )
        )

    def execute(self, parameters, context, feedback):
        from ..core.sampledata import generate_sample_workspace

        path = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        generate_sample_workspace(
            path,
            parcels=self.parameterAsInt(parameters, "PARCELS", context),
            seed=self.parameterAsInt(parameters, "SEED", context),
            feedback=feedback,
        )
        return {"OUTPUT": path}
