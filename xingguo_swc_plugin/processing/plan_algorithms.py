"""Processing: plan progress, 双下降 and the township assessment (issue 14).

Thin wrappers: ``planprogress`` over ``core.plan.plan_progress``,
``erosionchange`` over ``core.erosion_change.erosion_change``,
``townshipassessment`` over ``core.assessment.township_assessment``.
"""

from __future__ import annotations

from qgis.core import (
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterVectorLayer,
    QgsVectorLayer,
)

from ..core.assessment import township_assessment, write_assessment
from ..core.erosion_change import CHANGE_COLUMNS, change_table, erosion_change
from ..core.measure_checks import YEAR_MAX, YEAR_MIN
from ..core.measure_records import layer_key
from ..core.plan import PROGRESS_COLUMNS, plan_progress, progress_table
from ..core.workspace.schema import UUID_FIELD
from ..domain.thresholds import COUNTY_CODE
from ..qgis_compat import FieldType, make_field
from ..translation import QT_TR_NOOP, tr
from .base import SwcAlgorithm, add_township_parameters, text_field, write_output
from .workspace_params import add_workspace_parameters, workspace_from

GROUP = QT_TR_NOOP("Plan progress")


def _fields(columns, rows) -> QgsFields:
    """Typed fields of a table; text fields sized from the rows."""
    fields = QgsFields()
    for name, kind in columns:
        if kind == "text":
            fields.append(text_field(name, (row.get(name) for row in rows), 30))
        elif kind == "int":
            fields.append(make_field(name, FieldType.INT64))
        elif kind == "bool":
            fields.append(make_field(name, FieldType.BOOL))
        else:
            fields.append(make_field(name, FieldType.DOUBLE, 20, 6))
    return fields


def _write_table(algorithm, parameters, context, columns, rows):
    fields = _fields(columns, rows)
    return write_output(
        algorithm,
        parameters,
        context,
        "OUTPUT",
        fields,
        ([row.get(name) for name, _ in columns] for row in rows),
    )


def _optional_year(algorithm, parameters, name, context):
    if parameters.get(name) in (None, ""):
        return None
    return algorithm.parameterAsInt(parameters, name, context)


def _year_parameter(name: str, description: str, optional: bool = True):
    return QgsProcessingParameterNumber(
        name, description, QgsProcessingParameterNumber.Integer, None, optional, YEAR_MIN, YEAR_MAX
    )


class PlanProgressAlgorithm(SwcAlgorithm):
    NAME = "planprogress"
    DISPLAY = QT_TR_NOOP("Plan progress")
    GROUP = GROUP
    HELP = QT_TR_NOOP(
        "Newly treated area (hm²) and treated collapse gullies (座) per township and "
        "for the county (360732) in a period (default: the plan window). Only area "
        "measures (unit hm²) add area: a feature adds min(its area, largest quantity "
        "of its records); fully treated features are dissolved so land counts once; "
        "land treated before the period is re-treated, not new. A gully counts when "
        "已治理 with its completion year zlnd in the period, bgsl 座 in its own "
        "township. ZONES + ZONE_FIELD report per zone (e.g. small watersheds) instead."
    )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                "MEASURES", tr("Measure table"), [QgsProcessing.TypeVector]
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                "TOWNSHIPS", tr("Townships"), [QgsProcessing.TypeVectorPolygon], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                "GULLIES",
                tr("Collapse gullies (empty: the workspace's)"),
                [QgsProcessing.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(_year_parameter("YEAR_FROM", tr("First year (empty: the plan window)")))
        self.addParameter(_year_parameter("YEAR_TO", tr("Last year (empty: the plan window)")))
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                "ZONES",
                tr("Zones (e.g. small watersheds; empty: townships)"),
                [QgsProcessing.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "ZONE_FIELD", tr("Zone code field"), None, "ZONES", optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "OUTPUT", tr("Plan progress"), QgsProcessing.TypeVector
            )
        )
        self.addOutput(QgsProcessingOutputNumber("TREATED_AREA_HM2", tr("Treated area (hm²)")))
        self.addOutput(QgsProcessingOutputNumber("TREATED_GULLIES", tr("Treated collapse gullies")))

    def execute(self, parameters, context, feedback):
        measures = self.parameterAsVectorLayer(parameters, "MEASURES", context)
        if measures is None:
            raise QgsProcessingException(
                tr("The layer {0} is missing or cannot be read.").format("MEASURES")
            )
        townships = self.parameterAsVectorLayer(parameters, "TOWNSHIPS", context)
        gullies = self.parameterAsVectorLayer(parameters, "GULLIES", context)
        zones = self.parameterAsVectorLayer(parameters, "ZONES", context)
        zone_field = self.parameterAsString(parameters, "ZONE_FIELD", context)
        if zones is not None and not zone_field:
            zone_field = "lydm" if zones.fields().indexOf("lydm") >= 0 else "xzqdm"
        targets = {}
        project = context.project()
        if project is not None:  # target layers the user added to the project
            for layer in project.mapLayers().values():
                if isinstance(layer, QgsVectorLayer) and layer.fields().indexOf(UUID_FIELD) >= 0:
                    targets.setdefault(layer_key(layer), layer)
        progress = plan_progress(
            measures,
            townships,
            gullies,
            _optional_year(self, parameters, "YEAR_FROM", context),
            _optional_year(self, parameters, "YEAR_TO", context),
            feedback,
            zones=zones,
            zone_field=zone_field or "xzqdm",
            targets=targets,
        )
        rows = progress_table(progress)
        dest = _write_table(self, parameters, context, PROGRESS_COLUMNS, rows)
        feedback.pushInfo(
            tr(
                "Period {0}-{1}: newly treated area {2} hm², treated collapse gullies {3} 座."
            ).format(
                progress.year_from,
                progress.year_to,
                "{0:.2f}".format(progress.county.treated_area_hm2),
                progress.county.treated_gullies,
            )
        )
        if progress.retreated:
            feedback.pushInfo(
                tr(
                    "{0} features treated before the period are re-treated ({1} hm²), not new."
                ).format(
                    len(progress.retreated), "{0:.2f}".format(progress.county.retreated_area_hm2)
                )
            )
        if progress.unresolved_records:
            feedback.pushWarning(
                tr(
                    "{0} treated features were not found (no polygon "
                    "layer or feature for their records): they add no "
                    "area."
                ).format(progress.unresolved_records)
            )
        if progress.undated_gullies:
            feedback.pushWarning(
                tr(
                    "{0} gullies are 已治理 without a completion year zlnd and are not counted."
                ).format(progress.undated_gullies)
            )
        return {
            "OUTPUT": dest,
            "TREATED_AREA_HM2": progress.county.treated_area_hm2,
            "TREATED_GULLIES": progress.county.treated_gullies,
        }


class ErosionChangeAlgorithm(SwcAlgorithm):
    NAME = "erosionchange"
    DISPLAY = QT_TR_NOOP("Erosion change (双下降)")
    GROUP = GROUP
    HELP = QT_TR_NOOP(
        "Erosion area by grade (hm²) in two monitoring years A < B (erosion nd) per "
        "township and for the county (360732), both 水土保持率 and 双下降: erosion area "
        "(grade ≥ 2) fell AND intensity fell (area of grade ≥ 3 fell and the "
        "area-weighted mean grade fell). Where polygons of one year overlap, the higher "
        "grade holds the shared area."
    )

    def initAlgorithm(self, config=None):
        add_township_parameters(self)
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                "EROSION", tr("Soil erosion"), [QgsProcessing.TypeVectorPolygon]
            )
        )
        self.addParameter(
            _year_parameter("YEAR_A", tr("Earlier monitoring year A"), optional=False)
        )
        self.addParameter(_year_parameter("YEAR_B", tr("Later monitoring year B"), optional=False))
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "OUTPUT", tr("Erosion change"), QgsProcessing.TypeVector
            )
        )
        self.addOutput(
            QgsProcessingOutputNumber("DOUBLE_DECLINE_TOWNSHIPS", tr("Townships with 双下降"))
        )

    def execute(self, parameters, context, feedback):
        townships = self.parameterAsVectorLayer(parameters, "TOWNSHIPS", context)
        erosion = self.parameterAsVectorLayer(parameters, "EROSION", context)
        for name, layer in (("TOWNSHIPS", townships), ("EROSION", erosion)):
            if layer is None:
                raise QgsProcessingException(
                    tr("The layer {0} is missing or cannot be read.").format(name)
                )
        change = erosion_change(
            townships,
            erosion,
            self.parameterAsInt(parameters, "YEAR_A", context),
            self.parameterAsInt(parameters, "YEAR_B", context),
            self.parameterAsString(parameters, "TOWNSHIP_FIELD", context) or "xzqdm",
            feedback=feedback,
            context=context.transformContext(),
        )
        rows = change_table(change)
        dest = _write_table(self, parameters, context, CHANGE_COLUMNS, rows)
        count = sum(1 for row in change.rows[:-1] if row.double_decline)
        feedback.pushInfo(
            tr("双下降 in {0} of {1} townships; county: {2}.").format(
                count,
                len(change.rows) - 1,
                tr("yes") if change.rows[-1].double_decline else tr("no"),
            )
        )
        return {"OUTPUT": dest, "DOUBLE_DECLINE_TOWNSHIPS": count}


class TownshipAssessmentAlgorithm(SwcAlgorithm):
    NAME = "townshipassessment"
    DISPLAY = QT_TR_NOOP("Township assessment")
    GROUP = GROUP
    HELP = QT_TR_NOOP(
        "Per township and year (default: the plan window): each target (table "
        "township_target, defaults from the county targets), the achieved value, the "
        "percent and the unmet items: 水土保持率 of the monitoring year, newly treated "
        "area, treated gullies and finding closure (已销号 share of the township's "
        "findings). Excel workbook with one sheet per year."
    )

    def initAlgorithm(self, config=None):
        add_workspace_parameters(self, tr("Workspace (GeoPackage)"))
        self.addParameter(_year_parameter("YEAR_FROM", tr("First year (empty: the plan window)")))
        self.addParameter(_year_parameter("YEAR_TO", tr("Last year (empty: the plan window)")))
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "OUTPUT", tr("Assessment workbook"), tr("Excel workbook (*.xlsx)")
            )
        )
        self.addOutput(
            QgsProcessingOutputNumber("UNMET_ROWS", tr("Township-years with unmet items"))
        )

    def execute(self, parameters, context, feedback):
        workspace = workspace_from(self, parameters, context, required=True)
        path = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        assessment = township_assessment(
            workspace,
            _optional_year(self, parameters, "YEAR_FROM", context),
            _optional_year(self, parameters, "YEAR_TO", context),
            feedback,
        )
        write_assessment(assessment, path)
        unmet = sum(1 for row in assessment.rows if row.unmet and row.xzqdm != COUNTY_CODE)
        if assessment.unmonitored_years:
            feedback.pushWarning(
                tr(
                    "No erosion monitoring in {0}: the conservation rate "
                    "is not assessed in those years."
                ).format(", ".join(str(y) for y in assessment.unmonitored_years))
            )
        feedback.pushInfo(tr("{0} township-years with unmet items.").format(unmet))
        return {"OUTPUT": path, "UNMET_ROWS": unmet}
