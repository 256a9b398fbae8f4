"""Processing: the treatment measure summary (``xingguoswc:measuresummary``).

Thin wrapper of ``core.measures.measure_summary``: the same figures the
measures dock and the statistics show, as a table, headless.
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

from ..core.measures import (
    SUMMARY_COLUMNS,
    YEAR_MAX,
    YEAR_MIN,
    layer_key,
    measure_summary,
    summary_table,
)
from ..core.schema import FieldSpec, LayerSpec, UUID_FIELD
from ..core.workspace import qgs_fields
from ..domain.thresholds import COUNTY_CODE
from ..translation import QT_TR_NOOP, tr
from .base import SwcAlgorithm, write_features


def _summary_fields(table=()) -> QgsFields:
    """Fields of the OUTPUT table, typed through the workspace's one type mapping;
    text fields sized from the rows (a long measure name is never refused)."""
    def width(name: str) -> int:
        return max([60] + [len(str(row.get(name))) for row in table
                           if row.get(name) is not None])

    spec = LayerSpec("measure_summary", None, "", "", tuple(
        FieldSpec(name, kind, name, name, 0 if kind != "text" else width(name))
        for name, kind in SUMMARY_COLUMNS))
    return qgs_fields(spec)


class MeasureSummaryAlgorithm(SwcAlgorithm):
    NAME = "measuresummary"
    DISPLAY = QT_TR_NOOP("Treatment measure summary")
    GROUP = QT_TR_NOOP("Treatment measures")
    HELP = (QT_TR_NOOP("Totals of the treatment measures built in a period: quantity per measure, "
            "township and year, and the treated area (hm²) and treated collapse "
            "gullies, each feature counted once even when several measures cover it. "
            "A feature is treated once it has any measure in the period. Row kind "
            "(lx): measure = one measure in one township and year; township, year, "
            "county = treated totals (zltb features, zlmj hm², zlbg gullies)."))

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterVectorLayer(
            "MEASURES", tr("Measure table"), [QgsProcessing.TypeVector]))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "TOWNSHIPS", tr("Townships"), [QgsProcessing.TypeVectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "YEAR_FROM", tr("First year"), QgsProcessingParameterNumber.Integer, 2021,
            False, YEAR_MIN, YEAR_MAX))
        self.addParameter(QgsProcessingParameterNumber(
            "YEAR_TO", tr("Last year"), QgsProcessingParameterNumber.Integer, 2025,
            False, YEAR_MIN, YEAR_MAX))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", tr("Measure summary"), QgsProcessing.TypeVector))
        self.addOutput(QgsProcessingOutputNumber("RECORDS", tr("Measure records")))
        self.addOutput(QgsProcessingOutputNumber("TREATED_FEATURES",
                                                 tr("Treated features")))
        self.addOutput(QgsProcessingOutputNumber("TREATED_AREA_HM2",
                                                 tr("Treated area (hm²)")))
        self.addOutput(QgsProcessingOutputNumber("TREATED_GULLIES",
                                                 tr("Treated collapse gullies")))

    def execute(self, parameters, context, feedback):
        measures = self.parameterAsVectorLayer(parameters, "MEASURES", context)
        townships = self.parameterAsVectorLayer(parameters, "TOWNSHIPS", context)
        targets = {}
        project = context.project()
        if project is not None:  # layers the user added to the project
            for layer in project.mapLayers().values():
                if isinstance(layer, QgsVectorLayer) and \
                        layer.fields().indexOf(UUID_FIELD) >= 0:
                    targets.setdefault(layer_key(layer), layer)
        summary = measure_summary(
            measures, townships,
            self.parameterAsInt(parameters, "YEAR_FROM", context),
            self.parameterAsInt(parameters, "YEAR_TO", context), feedback,
            targets=targets)
        table = summary_table(summary, COUNTY_CODE)
        fields = _summary_fields(table)
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields,
                                          QgsWkbTypes.NoGeometry)
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
            feedback.pushWarning(tr("{0} measure records point to features that were "
                                    "not found (layers: {1}); they count in the "
                                    "measure totals only.").format(
                summary.unresolved_records, ", ".join(summary.unresolved_layers) or "-"))
        feedback.pushInfo(tr("Treated area {0:.2f} hm² ({1:.1f} % of {2} km²), treated "
                             "collapse gullies {3} ({4:.1f} % of {5}).").format(
            summary.total.treated_area_hm2, summary.area_progress_percent() or 0.0,
            summary.target_area_km2, summary.total.treated_gullies,
            summary.gully_progress_percent() or 0.0, summary.target_gullies))
        return {"OUTPUT": dest, "RECORDS": summary.total.records,
                "TREATED_FEATURES": summary.total.treated_features,
                "TREATED_AREA_HM2": summary.total.treated_area_hm2,
                "TREATED_GULLIES": summary.total.treated_gullies}
