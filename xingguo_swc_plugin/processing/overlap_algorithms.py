"""Processing: overlapping polygons of one layer (issue 5, ``checkoverlaps``)."""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterVectorLayer,
    QgsWkbTypes,
)

from ..core.overlaps import find_overlaps
from ..qgis_compat import FieldType, make_field
from ..translation import QT_TR_NOOP, tr
from .base import SwcAlgorithm, text_field, write_features


def _id_value(value):
    return None if value is None else str(value)


class CheckOverlapsAlgorithm(SwcAlgorithm):
    NAME = "checkoverlaps"
    DISPLAY = QT_TR_NOOP("Check overlaps")
    GROUP = QT_TR_NOOP("Inspection")
    HELP = QT_TR_NOOP(
        "One feature per pair of overlapping polygons (listed once), geometry = the "
        "shared part, with its area in m². Pairs sharing less than the minimum area "
        "are ignored. Invalid or empty geometries go to a separate table and do not "
        "stop the run. Areas are planimetric (a projection that distorts areas, such "
        "as Web Mercator, is refused) or, when chosen, ellipsoidal on CGCS2000."
    )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                "INPUT", tr("Polygons"), [QgsProcessing.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "ID_FIELD", tr("Identifier field"), None, "INPUT", optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "MIN_AREA",
                tr("Minimum shared area (m²)"),
                QgsProcessingParameterNumber.Double,
                0.01,
                False,
                0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "AREA_METHOD",
                tr("Area"),
                [tr("Planimetric (projected CRS)"), tr("Ellipsoidal (CGCS2000)")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "OUTPUT", tr("Overlaps"), QgsProcessing.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "INVALID", tr("Invalid geometries"), QgsProcessing.TypeVector
            )
        )

    def execute(self, parameters, context, feedback):
        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        if layer is None:
            raise QgsProcessingException(tr("The input layer is missing or cannot be read."))
        id_field = self.parameterAsString(parameters, "ID_FIELD", context) or None
        min_area = self.parameterAsDouble(parameters, "MIN_AREA", context)
        method = self.parameterAsEnum(parameters, "AREA_METHOD", context)
        result = find_overlaps(
            layer,
            id_field,
            min_area,
            feedback=feedback,
            context=context.transformContext(),
            area_method=method,
        )
        fields = QgsFields()
        fields.append(make_field("fid_a", FieldType.INT64))
        fields.append(make_field("fid_b", FieldType.INT64))
        fields.append(text_field("id_a", (_id_value(p.id_a) for p in result.pairs), 60))
        fields.append(text_field("id_b", (_id_value(p.id_b) for p in result.pairs), 60))
        fields.append(make_field("overlap_area_m2", FieldType.DOUBLE, 20, 6))
        sink, dest = self.parameterAsSink(
            parameters, "OUTPUT", context, fields, QgsWkbTypes.MultiPolygon, layer.crs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        features = []
        for pair in result.pairs:
            feature = QgsFeature(fields)
            geometry = pair.geometry
            if not geometry.isMultipart():
                geometry.convertToMultiType()
            feature.setGeometry(geometry)
            feature.setAttributes(
                [pair.fid_a, pair.fid_b, _id_value(pair.id_a), _id_value(pair.id_b), pair.area_m2]
            )
            features.append(feature)
        write_features(sink, features, "OUTPUT")
        invalid_fields = QgsFields()
        invalid_fields.append(make_field("fid", FieldType.INT64))
        invalid_fields.append(text_field("id", (_id_value(i.id) for i in result.invalid), 60))
        invalid_fields.append(text_field("reason", (i.reason for i in result.invalid), 254))
        invalid_sink, invalid_dest = self.parameterAsSink(
            parameters, "INVALID", context, invalid_fields, QgsWkbTypes.NoGeometry
        )
        if invalid_sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "INVALID"))
        invalid_rows = []
        for item in result.invalid:
            feature = QgsFeature(invalid_fields)
            feature.setAttributes([item.fid, _id_value(item.id), item.reason])
            invalid_rows.append(feature)
        write_features(invalid_sink, invalid_rows, "INVALID")
        if result.skipped_geometries:
            feedback.pushWarning(
                tr("{0} features without geometry were skipped.").format(result.skipped_geometries)
            )
        feedback.pushInfo(
            tr("{0} features: {1} overlapping pairs, {2} invalid geometries.").format(
                result.features, len(result.pairs), len(result.invalid)
            )
        )
        return {
            "OUTPUT": dest,
            "INVALID": invalid_dest,
            "PAIRS": len(result.pairs),
            "SKIPPED_GEOMETRIES": result.skipped_geometries,
        }
