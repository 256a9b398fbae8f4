"""Processing: create a workspace, generate the synthetic sample workspace."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterCrs,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from ..core.workspace import create_workspace
from ..domain.thresholds import CRS_PROJECTED
from ..translation import QT_TR_NOOP, tr
from .base import SwcAlgorithm


class CreateWorkspaceAlgorithm(SwcAlgorithm):
    NAME = "createworkspace"
    DISPLAY = QT_TR_NOOP("Create workspace")
    GROUP = QT_TR_NOOP("Workspace")
    HELP = QT_TR_NOOP("Creates a GeoPackage workspace with every table of the data model, "
            "styles and forms, or opens and upgrades an existing one.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", tr("Workspace"), "GeoPackage (*.gpkg)"))
        self.addParameter(QgsProcessingParameterCrs(
            "CRS", tr("Coordinate reference system"), CRS_PROJECTED, optional=True))

    def execute(self, parameters, context, feedback):
        path = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        crs = self.parameterAsCrs(parameters, "CRS", context)
        create_workspace(path, crs, feedback)
        return {"OUTPUT": path}


class SampleDataAlgorithm(SwcAlgorithm):
    NAME = "sampledata"
    DISPLAY = QT_TR_NOOP("Generate sample workspace")
    GROUP = QT_TR_NOOP("Workspace")
    HELP = QT_TR_NOOP("Makes a synthetic Xingguo workspace: the 25 townships with their real "
            "codes and names on synthetic boundaries, development parcels and "
            "projects, erosion, collapse gullies and measures. Same seed, same data.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", tr("Workspace"), "GeoPackage (*.gpkg)"))
        self.addParameter(QgsProcessingParameterNumber(
            "PARCELS", tr("Number of parcels"), QgsProcessingParameterNumber.Integer,
            2000, False, 0, 5_000_000))
        self.addParameter(QgsProcessingParameterNumber(
            "SEED", tr("Random seed"), QgsProcessingParameterNumber.Integer, 20220101))

    def execute(self, parameters, context, feedback):
        from ..core.sampledata import generate_sample_workspace
        path = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        generate_sample_workspace(
            path, parcels=self.parameterAsInt(parameters, "PARCELS", context),
            seed=self.parameterAsInt(parameters, "SEED", context), feedback=feedback)
        return {"OUTPUT": path}
