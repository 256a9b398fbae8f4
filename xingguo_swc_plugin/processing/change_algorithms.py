"""Processing: change between two parcel deliveries (issue 17, ``parcelchange``)."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsWkbTypes,
)

from ..core.settings import setting
from ..domain.thresholds import CRS_PROJECTED
from ..qgis_compat import FieldType, make_field
from ..translation import QT_TR_NOOP, tr
from .base import SwcAlgorithm

#: Output fields (the contract of issue 17).
CHANGE_FIELDS = (
    ("change", FieldType.STRING, 10),
    ("old_id", FieldType.STRING, 60),
    ("new_id", FieldType.STRING, 60),
    ("area_old_m2", FieldType.DOUBLE, 0),
    ("area_new_m2", FieldType.DOUBLE, 0),
    ("area_added_m2", FieldType.DOUBLE, 0),
    ("match", FieldType.STRING, 10),
    ("related", FieldType.STRING, 254),
)


def change_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind, length in CHANGE_FIELDS:
        fields.append(make_field(name, kind, length, 6 if kind == FieldType.DOUBLE else 0))
    return fields


class ParcelChangeAlgorithm(SwcAlgorithm):
    NAME = "parcelchange"
    DISPLAY = QT_TR_NOOP("Compare with the previous delivery")
    GROUP = QT_TR_NOOP("Supervision")
    HELP = QT_TR_NOOP(
        "Compares this year's disturbance parcels (NEW) with the previous delivery (OLD), "
        "both reprojected to the workspace CRS (or the CRS given). One feature per parcel "
        "of the new delivery and per old parcel without successor: change = 新增, 扩大, "
        "缩小, 不变 or 消失, with old_id, new_id, area_old_m2, area_new_m2 and "
        "area_added_m2 (the part outside every old parcel; it is the geometry of 新增 and "
        "扩大). Parcels are matched by MATCH_FIELD when given, otherwise (and for the rest) "
        "by the largest shared area, one to one where possible; splits (分割) and merges "
        "(合并) are named in the match and related fields. Shared areas below the minimum "
        "area do not link parcels, and growth or shrinkage must exceed it."
    )

    def initAlgorithm(self, config=None):
        polygon = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(
            QgsProcessingParameterVectorLayer("OLD", tr("Previous delivery"), polygon)
        )
        self.addParameter(QgsProcessingParameterVectorLayer("NEW", tr("Current delivery"), polygon))
        self.addParameter(
            QgsProcessingParameterString(
                "MATCH_FIELD", tr("Parcel ID field present in both"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "ID_FIELD",
                tr("Parcel ID field shown (without a match field)"),
                "tbbh",
                "NEW",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "MIN_AREA",
                tr("Minimum area (m²)"),
                QgsProcessingParameterNumber.Double,
                setting("change/min_area_m2"),
                False,
                0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                "WORKSPACE", tr("Workspace (its CRS is used)"), extension="gpkg", optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterCrs(
                "CRS", tr("CRS without a workspace"), CRS_PROJECTED, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "OUTPUT", tr("Changes"), QgsProcessing.TypeVectorPolygon
            )
        )

    def execute(self, parameters, context, feedback):
        from ..core.parcelchange import parcel_change
        from ..core.sources import with_sniffed_encoding

        old = with_sniffed_encoding(self.parameterAsVectorLayer(parameters, "OLD", context))
        new = with_sniffed_encoding(self.parameterAsVectorLayer(parameters, "NEW", context))
        path = self.parameterAsFile(parameters, "WORKSPACE", context)
        if path:
            from ..core.workspace.geopackage import open_workspace

            crs = open_workspace(path, upgrade=False).crs()
        else:
            crs = self.parameterAsCrs(parameters, "CRS", context)
            if not crs.isValid():
                crs = QgsCoordinateReferenceSystem(CRS_PROJECTED)
        result = parcel_change(
            old,
            new,
            crs,
            match_field=self.parameterAsString(parameters, "MATCH_FIELD", context) or None,
            min_area=self.parameterAsDouble(parameters, "MIN_AREA", context),
            id_field=self.parameterAsString(parameters, "ID_FIELD", context) or "tbbh",
            feedback=feedback,
            context=context.transformContext(),
        )
        fields = change_fields()
        sink, destination = self.parameterAsSink(
            parameters, "OUTPUT", context, fields, QgsWkbTypes.MultiPolygon, crs
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        for row in result.rows:
            feature = QgsFeature(fields)
            geometry = row.geometry
            if not geometry.isNull() and not geometry.isMultipart():
                geometry.convertToMultiType()
            feature.setGeometry(geometry)
            feature.setAttributes(
                [
                    row.change,
                    row.old_id,
                    row.new_id,
                    row.area_old_m2,
                    row.area_new_m2,
                    row.area_added_m2,
                    row.match,
                    ", ".join(row.related)[:254],
                ]
            )
            if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
                raise QgsProcessingException(
                    tr("Cannot write the change of parcel {0}: {1}").format(
                        row.new_id or row.old_id, sink.lastError()
                    )
                )
        for label, fid, name in result.repaired:
            feedback.pushWarning(
                tr(
                    "{0}: parcel {1} (feature {2}) had an invalid geometry; compared as repaired."
                ).format(label, name, fid)
            )
        for label, fid, name in result.skipped:
            feedback.pushWarning(
                tr("{0}: parcel {1} (feature {2}) has no usable polygon and is left out.").format(
                    label, name, fid
                )
            )
        counts = result.counts()
        feedback.pushInfo(", ".join("{0} {1}".format(k, v) for k, v in counts.items()))
        output = {"OUTPUT": destination}
        output.update(
            {
                key: counts[name]
                for key, name in zip(("NEW", "GROWN", "SHRUNK", "UNCHANGED", "GONE"), counts)
            }
        )
        return output
