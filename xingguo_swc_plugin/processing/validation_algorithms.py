"""Processing: validate parcels against the development database; import projects."""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsWkbTypes,
)

from ..core.findings import check_unique_parcel_ids, store_findings
from ..core.settings import setting
from ..core.validation import (
    CORRIDOR_CLASS_FIELD,
    parcel_ids,
    validate_parcels,
)
from ..qgis_compat import FieldType, make_field
from ..translation import QT_TR_NOOP, tr
from .base import SwcAlgorithm, write_features
from .workspace_params import add_workspace_parameters, workspace_from

#: Output fields of the findings layer (the contract of issue 5).
FINDING_FIELDS = (
    ("parcel_id", FieldType.STRING, 30),
    ("rule", FieldType.STRING, 30),
    ("compliance", FieldType.STRING, 20),
    ("severity", FieldType.STRING, 10),
    ("message", FieldType.STRING, 254),
    ("area_m2", FieldType.DOUBLE, 0),
)


def finding_fields(findings=()) -> QgsFields:
    """Fields of the findings table; text fields sized from the findings (a long
    ID or message is never refused by the sink)."""
    fields = QgsFields()
    for name, kind, length in FINDING_FIELDS:
        if kind == FieldType.STRING:
            length = max([length] + [len(str(getattr(f, name, "") or "")) for f in findings])
        fields.append(make_field(name, kind, length))
    return fields


class ValidateParcelsAlgorithm(SwcAlgorithm):
    NAME = "validateparcels"
    DISPLAY = QT_TR_NOOP("Validate development parcels")
    GROUP = QT_TR_NOOP("Supervision")
    HELP = QT_TR_NOOP(
        "Checks development parcels against the approved project boundaries of the "
        "development database and writes one finding per parcel and rule: invalid "
        "geometry, not registered (疑似未批先建), elsewhere than its project "
        "(疑似建设地点变更), beyond the approved boundary by more than the tolerance "
        "(疑似超出防治责任范围), overlaps; with a DEM: steep slope and missing terraces "
        "(on the share of the parcel's area above 25° or between 15° and 25°) and a "
        "missing soil-conservation plan (5-25°, project field stbcfa); new orchards "
        "near railways and roads (lines whose field dllx says railway/铁路, "
        "expressway/高速, national/国道 or provincial/省道); new navel oranges in "
        "designated collapse/landslide zones or on eroded slopes near reservoirs and "
        "main rivers. Geometry = the offending part. The input layers are only read. "
        "With a workspace (GeoPackage, or PostgreSQL connection + schema) the findings "
        "are also merged into its finding table, keeping each case's 查认改罚 status "
        "and history; parcel IDs must then be unique."
    )

    def initAlgorithm(self, config=None):
        polygon = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(
            QgsProcessingParameterVectorLayer("PARCELS", tr("Development parcels"), polygon)
        )
        self.addParameter(
            QgsProcessingParameterField(
                "PARCEL_ID_FIELD", tr("Parcel ID field"), "tbbh", "PARCELS", optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "PROJECT_FIELD",
                tr("Project number field of the parcels"),
                "xmbh",
                "PARCELS",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                "PROJECTS", tr("Approved project boundaries"), polygon
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "PROJECT_ID_FIELD",
                tr("Project number field of the projects"),
                "xmbh",
                "PROJECTS",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "EXCESS_TOLERANCE",
                tr("Excess tolerance (m²)"),
                QgsProcessingParameterNumber.Double,
                1.0,
                False,
                0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterLayer("DEM", tr("DEM (elevation, metres)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "STEEP_SLOPE",
                tr("Steep slope (°)"),
                QgsProcessingParameterNumber.Double,
                setting("validation/steep_slope_deg"),
                False,
                0.0,
                90.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "TERRACE_SLOPE",
                tr("Terraces required from slope (°)"),
                QgsProcessingParameterNumber.Double,
                setting("validation/terrace_slope_deg"),
                False,
                0.0,
                90.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                "CORRIDORS",
                tr("Railways and roads (lines)"),
                [QgsProcessing.TypeVectorLine],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "CORRIDOR_DISTANCE",
                tr("Corridor distance (m)"),
                QgsProcessingParameterNumber.Double,
                setting("validation/corridor_distance_m"),
                False,
                0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "CORRIDOR_CLASS_FIELD",
                tr("Road class field of the corridors"),
                CORRIDOR_CLASS_FIELD,
                "CORRIDORS",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                "MEASURES",
                tr("Treatment measures (table)"),
                [QgsProcessing.TypeVector],
                optional=True,
            )
        )
        self._add_supervision_parameters()
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "OUTPUT", tr("Findings"), QgsProcessing.TypeVectorPolygon
            )
        )
        add_workspace_parameters(self, tr("Merge the findings into this workspace"))
        self.addParameter(
            QgsProcessingParameterString(
                "HANDLER", tr("Handled by (for the case history)"), optional=True
            )
        )
        self.addOutput(QgsProcessingOutputNumber("ADDED", tr("Findings added")))
        self.addOutput(QgsProcessingOutputNumber("KEPT", tr("Findings kept")))
        self.addOutput(QgsProcessingOutputNumber("REMOVED", tr("Findings removed")))

    def _add_supervision_parameters(self) -> None:
        """Issue 17: slope shares, plan slope, navel-orange zone layers."""
        double = QgsProcessingParameterNumber.Double
        self.addParameter(
            QgsProcessingParameterNumber(
                "STEEP_SHARE",
                tr("Share of the area steeper than the steep slope (%)"),
                double,
                setting("validation/steep_share_percent"),
                False,
                0.0,
                100.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "TERRACE_SHARE",
                tr("Share of the area in the terrace or plan range (%)"),
                double,
                setting("validation/terrace_share_percent"),
                False,
                0.0,
                100.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "PLAN_SLOPE",
                tr("Soil-conservation plan required from slope (°)"),
                double,
                setting("validation/plan_slope_deg"),
                False,
                0.0,
                90.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                "ORANGE_ZONES",
                tr("Designated collapse/landslide zones"),
                [QgsProcessing.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                "ERODED",
                tr("Eroded slopes (erosion polygons)"),
                [QgsProcessing.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                "WATERS",
                tr("Reservoirs and main rivers"),
                [QgsProcessing.TypeVectorAnyGeometry],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "WATER_DISTANCE",
                tr("Distance to reservoirs and main rivers (m)"),
                double,
                setting("validation/navel_orange_water_distance_m"),
                False,
                0.0,
            )
        )

    def _supervision_arguments(self, parameters, context) -> dict:
        from ..core.sources import with_sniffed_encoding

        return {
            "steep_share": self.parameterAsDouble(parameters, "STEEP_SHARE", context),
            "terrace_share": self.parameterAsDouble(parameters, "TERRACE_SHARE", context),
            "plan_slope": self.parameterAsDouble(parameters, "PLAN_SLOPE", context),
            "orange_zones": with_sniffed_encoding(
                self.parameterAsVectorLayer(parameters, "ORANGE_ZONES", context)
            ),
            "eroded": self.parameterAsVectorLayer(parameters, "ERODED", context),
            "waters": self.parameterAsVectorLayer(parameters, "WATERS", context),
            "water_distance": self.parameterAsDouble(parameters, "WATER_DISTANCE", context),
        }

    def _field(self, parameters, name, context, default):
        """Field parameters are optional in form only: empty means the default name."""
        return self.parameterAsString(parameters, name, context) or default

    def execute(self, parameters, context, feedback):
        from ..core.sources import with_sniffed_encoding

        parcels = with_sniffed_encoding(self.parameterAsVectorLayer(parameters, "PARCELS", context))
        projects = with_sniffed_encoding(
            self.parameterAsVectorLayer(parameters, "PROJECTS", context)
        )
        corridors = with_sniffed_encoding(
            self.parameterAsVectorLayer(parameters, "CORRIDORS", context)
        )
        measures = self.parameterAsVectorLayer(parameters, "MEASURES", context)
        dem = self.parameterAsRasterLayer(parameters, "DEM", context)
        parcel_id_field = self._field(parameters, "PARCEL_ID_FIELD", context, "tbbh")
        workspace = workspace_from(self, parameters, context, required=False)
        if workspace is not None:
            check_unique_parcel_ids(parcels, parcel_id_field)
        findings = validate_parcels(
            parcels,
            projects,
            parcel_id_field=parcel_id_field,
            project_field=self._field(parameters, "PROJECT_FIELD", context, "xmbh"),
            project_id_field=self._field(parameters, "PROJECT_ID_FIELD", context, "xmbh"),
            excess_tolerance=self.parameterAsDouble(parameters, "EXCESS_TOLERANCE", context),
            dem=dem,
            steep_slope=self.parameterAsDouble(parameters, "STEEP_SLOPE", context),
            terrace_slope=self.parameterAsDouble(parameters, "TERRACE_SLOPE", context),
            corridors=corridors,
            corridor_distance=self.parameterAsDouble(parameters, "CORRIDOR_DISTANCE", context),
            corridor_class_field=self._field(
                parameters, "CORRIDOR_CLASS_FIELD", context, CORRIDOR_CLASS_FIELD
            ),
            measures=measures,
            feedback=feedback,
            **self._supervision_arguments(parameters, context),
        )
        fields = finding_fields(findings)
        sink, destination = self.parameterAsSink(
            parameters, "OUTPUT", context, fields, QgsWkbTypes.MultiPolygon, parcels.crs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        rows = []
        for finding in findings:
            feature = QgsFeature(fields)
            feature.setGeometry(finding.geometry)
            feature.setAttributes(
                [
                    finding.parcel_id,
                    finding.rule,
                    finding.compliance,
                    finding.severity,
                    finding.message,
                    round(finding.area_m2, 3),
                ]
            )
            rows.append(feature)
        write_features(sink, rows, "OUTPUT")
        feedback.pushInfo(tr("{0} finding(s).").format(len(findings)))
        results = {"OUTPUT": destination, "COUNT": len(findings)}
        if workspace is not None:
            stored = store_findings(
                workspace,
                findings,
                parcels.crs(),
                parcel_ids(parcels, parcel_id_field),
                self.parameterAsString(parameters, "HANDLER", context).strip(),
                feedback,
            )
            feedback.pushInfo(
                tr(
                    "Workspace {0}: {1} finding(s) added, {2} kept with their "
                    "case status, {3} removed, {4} no longer detected."
                ).format(
                    workspace.describe(), stored.added, stored.kept, stored.removed, stored.stale
                )
            )
            results.update({"ADDED": stored.added, "KEPT": stored.kept, "REMOVED": stored.removed})
        return results


class ImportProjectsAlgorithm(SwcAlgorithm):
    NAME = "importprojects"
    DISPLAY = QT_TR_NOOP("Import development projects")
    GROUP = QT_TR_NOOP("Supervision")
    HELP = QT_TR_NOOP(
        "Imports approved development projects (polygons) into the workspace table "
        "dev_project: GeoPackage, shapefile (UTF-8 or GBK, with or without .cpg), "
        "FileGDB or PostGIS layer. FIELD_MAP maps workspace fields to source fields "
        "as 'xmbh=项目编号;xmmc=项目名称'; empty proposes the mapping from the field "
        "names. Rows that cannot be taken are listed with the reason. The workspace is "
        "a GeoPackage, or a PostgreSQL connection + schema."
    )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                "INPUT", tr("Project boundaries"), [QgsProcessing.TypeVectorPolygon]
            )
        )
        add_workspace_parameters(self, tr("Workspace"))
        self.addParameter(
            QgsProcessingParameterString(
                "FIELD_MAP", tr("Field mapping (field=source;...)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "UPDATE_EXISTING", tr("Update projects already in the workspace"), False
            )
        )
        self.addOutput(QgsProcessingOutputNumber("IMPORTED", tr("Imported")))
        self.addOutput(QgsProcessingOutputNumber("UPDATED", tr("Updated")))
        self.addOutput(QgsProcessingOutputNumber("SKIPPED", tr("Not taken")))

    def execute(self, parameters, context, feedback):
        from ..core.devimport import import_projects
        from ..core.sources import with_sniffed_encoding

        layer = with_sniffed_encoding(self.parameterAsVectorLayer(parameters, "INPUT", context))
        text = self.parameterAsString(parameters, "FIELD_MAP", context).strip()
        mapping = None
        if text:
            mapping = {}
            for pair in text.replace(",", ";").split(";"):
                if "=" in pair:
                    target, source = pair.split("=", 1)
                    mapping[target.strip()] = source.strip()
        report = import_projects(
            workspace_from(self, parameters, context, required=True),
            layer,
            mapping,
            self.parameterAsBool(parameters, "UPDATE_EXISTING", context),
            feedback,
        )
        for line in report.lines():
            feedback.pushInfo(line)
        return {
            "IMPORTED": report.imported,
            "UPDATED": report.updated,
            "SKIPPED": len(report.skipped),
        }
