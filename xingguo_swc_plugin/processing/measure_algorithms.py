"""Processing: the treatment measure summary (``xingguoswc:measuresummary``).

Thin wrapper of ``core.measure_summary.measure_summary``: quantities per
measure in their own units, and the treated area and gullies of
``core.plan.plan_progress`` — the same figures the measures dock, the
statistics dashboard and the atlas show, as a table, headless.
"""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterVectorLayer,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..core.measure_checks import YEAR_MAX, YEAR_MIN
from ..core.measure_records import layer_key
from ..core.measure_summary import SUMMARY_COLUMNS, measure_summary, summary_table
from ..core.settings import plan_window
from ..core.workspace.geopackage import qgs_fields
from ..core.workspace.schema import UUID_FIELD, FieldSpec, LayerSpec
from ..domain.thresholds import COUNTY_CODE
from ..translation import QT_TR_NOOP, tr
from .base import SwcAlgorithm, write_features


def _summary_fields(table=()) -> QgsFields:
    """Fields of the OUTPUT table, typed through the workspace's one type mapping;
    text fields sized from the rows (a long measure name is never refused)."""

    def width(name: str) -> int:
        return max([60] + [len(str(row.get(name))) for row in table if row.get(name) is not None])

    spec = LayerSpec(
        "measure_summary",
        None,
        "",
        "",
        tuple(
            FieldSpec(name, kind, name, name, 0 if kind != "text" else width(name))
            for name, kind in SUMMARY_COLUMNS
        ),
    )
    return qgs_fields(spec)


class MeasureSummaryAlgorithm(SwcAlgorithm):
    NAME = "measuresummary"
    DISPLAY = QT_TR_NOOP("Treatment measure summary")
    GROUP = QT_TR_NOOP("Treatment measures")
    HELP = QT_TR_NOOP(
        "Totals of the treatment measures built in a period (default: the plan "
        "window of the settings): quantity per measure, township and year in the "
        "measure's own unit (linear, volume and point measures are never counted "
        "as area), and the plan progress of the same period: newly treated area "
        "(hm², from area measures only, land under several treated features "
        "counted once, land treated before the period not new) and treated "
        "collapse gullies (已治理 with the completion year in the period, in 座). "
        "Row kind (lx): measure = one measure in one township and year; township "
        "and county = records (jls), newly treated area (zlmj hm²) and treated "
        "gullies (zlbg 座), the county also newly treated features (zltb); year = "
        "records of the county in one year."
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
        first, last = plan_window()
        self.addParameter(
            QgsProcessingParameterNumber(
                "YEAR_FROM",
                tr("First year"),
                QgsProcessingParameterNumber.Integer,
                first,
                False,
                YEAR_MIN,
                YEAR_MAX,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "YEAR_TO",
                tr("Last year"),
                QgsProcessingParameterNumber.Integer,
                last,
                False,
                YEAR_MIN,
                YEAR_MAX,
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                "GULLIES", tr("Collapse gullies"), [QgsProcessing.TypeVectorPolygon], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "OUTPUT", tr("Measure summary"), QgsProcessing.TypeVector
            )
        )
        self.addOutput(QgsProcessingOutputNumber("RECORDS", tr("Measure records")))
        self.addOutput(QgsProcessingOutputNumber("TREATED_FEATURES", tr("Treated features")))
        self.addOutput(QgsProcessingOutputNumber("TREATED_AREA_HM2", tr("Treated area (hm²)")))
        self.addOutput(QgsProcessingOutputNumber("TREATED_GULLIES", tr("Treated collapse gullies")))

    def execute(self, parameters, context, feedback):
        measures = self.parameterAsVectorLayer(parameters, "MEASURES", context)
        townships = self.parameterAsVectorLayer(parameters, "TOWNSHIPS", context)
        gullies = self.parameterAsVectorLayer(parameters, "GULLIES", context)
        targets = {}
        project = context.project()
        if project is not None:  # layers the user added to the project
            for layer in project.mapLayers().values():
                if isinstance(layer, QgsVectorLayer) and layer.fields().indexOf(UUID_FIELD) >= 0:
                    targets.setdefault(layer_key(layer), layer)
        summary = measure_summary(
            measures,
            townships,
            self.parameterAsInt(parameters, "YEAR_FROM", context),
            self.parameterAsInt(parameters, "YEAR_TO", context),
            feedback,
            targets=targets,
            gullies=gullies,
        )
        table = summary_table(summary, COUNTY_CODE)
        fields = _summary_fields(table)
        sink, dest = self.parameterAsSink(
            parameters, "OUTPUT", context, fields, QgsWkbTypes.NoGeometry
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        features = []
        for row in table:
            feature = QgsFeature(fields)
            for name, value in row.items():
                feature.setAttribute(name, value)
            features.append(feature)
        write_features(sink, features, "OUTPUT")
        if summary.unresolved_records:
            feedback.pushWarning(
                tr(
                    "{0} measure records point to no feature that was "
                    "found; they count in the measure quantities only."
                ).format(summary.unresolved_records)
            )
        if summary.progress.undated_gullies:
            feedback.pushWarning(
                tr(
                    "{0} gullies marked treated have no completion year zlnd; they are not counted."
                ).format(summary.progress.undated_gullies)
            )
        feedback.pushInfo(
            tr(
                "{0}-{1}: newly treated area {2:.2f} hm² ({3:.1f} % of "
                "{4:.2f} hm²), treated collapse gullies {5} 座 ({6:.1f} % "
                "of {7} 座)."
            ).format(
                summary.year_from,
                summary.year_to,
                summary.treated_area_hm2,
                summary.area_progress_percent() or 0.0,
                summary.target_area_hm2 or 0.0,
                summary.treated_gullies,
                summary.gully_progress_percent() or 0.0,
                summary.target_gullies or 0,
            )
        )
        return {
            "OUTPUT": dest,
            "RECORDS": summary.records,
            "TREATED_FEATURES": len(summary.progress.treated),
            "TREATED_AREA_HM2": summary.treated_area_hm2,
            "TREATED_GULLIES": summary.treated_gullies,
        }
