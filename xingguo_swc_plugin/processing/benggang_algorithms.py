"""Processing: fill or recompute collapse gully attributes of a whole layer."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
)

from ..core.benggang_attributes import fill_gully_attributes, output_fields
from ..translation import QT_TR_NOOP, tr
from .base import SwcAlgorithm


class BenggangAttributesAlgorithm(SwcAlgorithm):
    NAME = "benggangattributes"
    DISPLAY = QT_TR_NOOP("Collapse gully attributes")
    GROUP = QT_TR_NOOP("Collapse gullies")
    HELP = QT_TR_NOOP(
        "For gullies imported from elsewhere: recomputes the township (largest "
        "overlap), the area in m² (planimetric in a projected CRS, ellipsoidal "
        "CGCS2000 in a geographic one) and the scale class from the thresholds in "
        "the settings, and numbers gullies without an ID (township code - "
        "4-digit sequence, continuing after the highest existing one; duplicates "
        "are renumbered). Missing fields are added. Existing IDs are kept."
    )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "INPUT", tr("Collapse gullies"), [QgsProcessing.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "TOWNSHIPS", tr("Townships"), [QgsProcessing.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "EXISTING",
                tr(
                    "Gullies already in the target workspace (IDs continue after "
                    "theirs; empty: the workspace of the townships)"
                ),
                [QgsProcessing.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "OUTPUT", tr("Collapse gullies with attributes"), QgsProcessing.TypeVectorPolygon
            )
        )

    def execute(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, "INPUT", context)
        townships = self.parameterAsSource(parameters, "TOWNSHIPS", context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, "INPUT"))
        if townships is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, "TOWNSHIPS"))
        sink, destination = self.parameterAsSink(
            parameters,
            "OUTPUT",
            context,
            output_fields(source.fields()),
            source.wkbType(),
            source.sourceCrs(),
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        existing = (
            self.parameterAsSource(parameters, "EXISTING", context)
            if parameters.get("EXISTING") not in (None, "")
            else None
        )
        if existing is None:
            from ..core.measure_records import sibling_layer

            township_layer = self.parameterAsVectorLayer(parameters, "TOWNSHIPS", context)
            existing = (
                sibling_layer(township_layer, "benggang") if township_layer is not None else None
            )
        input_layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        if (
            existing is not None
            and input_layer is not None
            and hasattr(existing, "source")
            and existing.source() == input_layer.source()
        ):
            existing = None  # recomputing the workspace's own gullies
        report = fill_gully_attributes(
            source, townships, sink, feedback, context.transformContext(), existing
        )
        for message in report.messages:
            feedback.pushInfo(message)
        feedback.pushInfo(
            tr(
                "{0} gullies, {1} changed, {2} new IDs, {3} duplicates "
                "renumbered, {4} outside every township."
            ).format(
                report.features,
                report.changed,
                report.ids_assigned,
                report.duplicates_renumbered,
                report.without_township,
            )
        )
        return {
            "OUTPUT": destination,
            "FEATURES": report.features,
            "IDS_ASSIGNED": report.ids_assigned,
            "CHANGED": report.changed,
            "WITHOUT_TOWNSHIP": report.without_township,
        }
