"""Processing: field package to QField and back, and the case files (issue 16)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..translation import QT_TR_NOOP, tr
from .base import SwcAlgorithm
from .workspace_params import add_workspace_parameters, workspace_from


def _filter_parameters(algorithm) -> None:
    algorithm.addParameter(
        QgsProcessingParameterString(
            "TOWNSHIPS", tr("Township codes (comma separated; empty: all)"), optional=True
        )
    )
    algorithm.addParameter(
        QgsProcessingParameterString(
            "RULES", tr("Rules (comma separated; empty: all)"), optional=True
        )
    )
    algorithm.addParameter(
        QgsProcessingParameterString(
            "STATUSES", tr("Case status codes (comma separated; empty: all)"), optional=True
        )
    )


def _filter(algorithm, parameters, context):
    from ..core.casework import FindingFilter

    return FindingFilter.parse(
        algorithm.parameterAsString(parameters, "TOWNSHIPS", context),
        algorithm.parameterAsString(parameters, "RULES", context),
        algorithm.parameterAsString(parameters, "STATUSES", context),
    )


class FieldPackageAlgorithm(SwcAlgorithm):
    NAME = "fieldpackage"
    DISPLAY = QT_TR_NOOP("Field package for QField")
    GROUP = QT_TR_NOOP("Supervision")
    HELP = QT_TR_NOOP(
        "Writes a folder QField opens as it is: a project with relative paths "
        "and one GeoPackage with the chosen findings (phone form: status among "
        "the allowed next steps, note, party type, inspector, time now(), "
        "position and accuracy from QField's GNSS variables, photos under "
        "DCIM/), their parcels and approved project boundaries (read-only). "
        "Optional base map rasters are clipped to the findings plus a margin."
    )

    def initAlgorithm(self, config=None):
        add_workspace_parameters(self, tr("Workspace"))
        _filter_parameters(self)
        self.addParameter(QgsProcessingParameterString("INSPECTOR", tr("Inspector"), optional=True))
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                "BASEMAP", tr("Base map rasters"), QgsProcessing.TypeRaster, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "MARGIN",
                tr("Base map margin (m)"),
                QgsProcessingParameterNumber.Double,
                200.0,
                False,
                0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination("OUTPUT_FOLDER", tr("Package folder"))
        )
        self.addOutput(QgsProcessingOutputFile("PROJECT", tr("QField project")))
        self.addOutput(QgsProcessingOutputNumber("FINDINGS", tr("Findings")))

    def execute(self, parameters, context, feedback):
        from ..core.fieldpackage import write_field_package

        result = write_field_package(
            workspace_from(self, parameters, context, required=True),
            _filter(self, parameters, context),
            self.parameterAsString(parameters, "OUTPUT_FOLDER", context),
            self.parameterAsString(parameters, "INSPECTOR", context),
            self.parameterAsLayerList(parameters, "BASEMAP", context) or [],
            self.parameterAsDouble(parameters, "MARGIN", context),
            feedback,
        )
        for line in result.lines():
            feedback.pushInfo(line)
        return {
            "OUTPUT_FOLDER": result.folder,
            "PROJECT": result.project,
            "FINDINGS": result.findings,
        }


class ImportFieldPackageAlgorithm(SwcAlgorithm):
    NAME = "importfieldpackage"
    DISPLAY = QT_TR_NOOP("Import field results from QField")
    GROUP = QT_TR_NOOP("Supervision")
    HELP = QT_TR_NOOP(
        "Merges what was changed in the field into the workspace findings: "
        "status along the allowed steps, note, who, when, position, photos "
        "(copied into the workspace), one history entry per finding. A "
        "finding changed in the office meanwhile is reported as a conflict, "
        "not overwritten; importing the same package again changes nothing."
    )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFile(
                "INPUT", tr("Returned package folder"), QgsProcessingParameterFile.Folder
            )
        )
        add_workspace_parameters(self, tr("Workspace"))
        self.addOutput(QgsProcessingOutputNumber("APPLIED", tr("Updated findings")))
        self.addOutput(QgsProcessingOutputNumber("CONFLICTS", tr("Conflicts")))
        self.addOutput(QgsProcessingOutputNumber("PHOTOS", tr("Photos stored")))

    def execute(self, parameters, context, feedback):
        from ..core.fieldimport import import_field_package

        report = import_field_package(
            self.parameterAsFile(parameters, "INPUT", context),
            workspace_from(self, parameters, context, required=True),
            feedback,
        )
        for line in report.lines():
            feedback.pushInfo(line)
        return {
            "APPLIED": report.applied,
            "CONFLICTS": len(report.conflicts),
            "PHOTOS": report.photos,
        }


class CaseFileAlgorithm(SwcAlgorithm):
    NAME = "casefile"
    DISPLAY = QT_TR_NOOP("Case files (PDF)")
    GROUP = QT_TR_NOOP("Supervision")
    HELP = QT_TR_NOOP(
        "One PDF per finding and one per township: rule and suspected class, "
        "parcel, township, project, areas, centroid, a large-scale map with "
        "the approved boundary and the offending part, field photos, the full "
        "history and, for 未批先建 / 超出防治责任范围, the penalty range (2 元/m² "
        "individual, 10 元/m² unit). Searchable Chinese text."
    )

    def initAlgorithm(self, config=None):
        add_workspace_parameters(self, tr("Workspace"))
        _filter_parameters(self)
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                "IMAGERY",
                tr("Imagery under the parcel maps"),
                QgsProcessing.TypeRaster,
                optional=True,
            )
        )
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT", tr("Case file folder")))
        self.addOutput(QgsProcessingOutputNumber("FILES", tr("Case files")))

    def execute(self, parameters, context, feedback):
        from ..core.casefile import write_case_files

        result = write_case_files(
            workspace_from(self, parameters, context, required=True),
            _filter(self, parameters, context),
            self.parameterAsString(parameters, "OUTPUT", context),
            feedback,
            self.parameterAsLayerList(parameters, "IMAGERY", context) or [],
        )
        for line in result.lines():
            feedback.pushInfo(line)
        return {
            "OUTPUT": self.parameterAsString(parameters, "OUTPUT", context),
            "FILES": len(result.findings) + len(result.townships),
        }
