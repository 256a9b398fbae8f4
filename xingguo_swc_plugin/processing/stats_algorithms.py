"""Processing: township area statistics and the soil conservation rate (issue 6).

Thin wrappers: parameters in, ``core.stats`` out, rows written to a table sink.
"""

from __future__ import annotations

from qgis.core import (
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterVectorLayer,
)

from ..core.stats import conservation_rate, township_area_stats
from ..qgis_compat import FieldType, make_field
from ..translation import QT_TR_NOOP, tr
from .base import SwcAlgorithm, add_township_parameters, text_field, write_output

GROUP = QT_TR_NOOP("Statistics")


def _layer(algorithm, parameters, name, context):
    layer = algorithm.parameterAsVectorLayer(parameters, name, context)
    if layer is None:
        raise QgsProcessingException(tr("The layer {0} is missing or cannot be read.").format(name))
    return layer


def _table_fields(spec, rows=()) -> QgsFields:
    """Fields of the table; text fields sized from the rows' values."""
    fields = QgsFields()
    for name, kind in spec:
        if kind == "text":
            key = "klass" if name == "class" else name
            fields.append(text_field(name, (getattr(row, key) for row in rows), 30))
        elif kind == "int":
            fields.append(make_field(name, FieldType.INT64))
        elif kind == "bool":
            fields.append(make_field(name, FieldType.BOOL))
        else:
            fields.append(make_field(name, FieldType.DOUBLE, 20, 6))
    return fields


AREA_FIELDS = (
    ("xzqdm", "text"),
    ("xzqmc", "text"),
    ("class", "text"),
    ("feature_count", "int"),
    ("area_m2", "real"),
    ("area_hm2", "real"),
    ("area_mu", "real"),
)
RATE_FIELDS = (
    ("xzqdm", "text"),
    ("xzqmc", "text"),
    ("land_area_m2", "real"),
    ("erosion_area_m2", "real"),
    ("rate_percent", "real"),
    ("meets_target", "bool"),
    ("nd", "int"),
)


class TownshipStatsAlgorithm(SwcAlgorithm):
    NAME = "townshipstats"
    DISPLAY = QT_TR_NOOP("Township area statistics")
    GROUP = GROUP
    HELP = QT_TR_NOOP(
        "Area (m², hm², mu) and feature count of a polygon layer per township and "
        "class, with a county row (360732). A feature crossing townships is split "
        "by area; every township gets a row, zeros included. Invalid geometries are "
        "repaired for the computation only and counted in the log."
    )

    def initAlgorithm(self, config=None):
        add_township_parameters(self)
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                "INPUT", tr("Input polygons"), [QgsProcessing.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "CLASS_FIELD", tr("Class field"), None, "INPUT", optional=True
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
                "OUTPUT", tr("Township statistics"), QgsProcessing.TypeVector
            )
        )

    def execute(self, parameters, context, feedback):
        townships = _layer(self, parameters, "TOWNSHIPS", context)
        layer = _layer(self, parameters, "INPUT", context)
        field = self.parameterAsString(parameters, "TOWNSHIP_FIELD", context) or "xzqdm"
        class_field = self.parameterAsString(parameters, "CLASS_FIELD", context) or None
        method = self.parameterAsEnum(parameters, "AREA_METHOD", context)
        rows = township_area_stats(
            townships,
            field,
            layer,
            class_field,
            method,
            feedback=feedback,
            context=context.transformContext(),
        )
        fields = _table_fields(AREA_FIELDS, rows)
        dest = write_output(
            self,
            parameters,
            context,
            "OUTPUT",
            fields,
            (
                [
                    row.xzqdm,
                    row.xzqmc,
                    row.klass,
                    row.feature_count,
                    row.area_m2,
                    row.area_hm2,
                    row.area_mu,
                ]
                for row in rows
            ),
        )
        feedback.pushInfo(
            tr("{0} features, {1} invalid geometries repaired.").format(
                rows.features, rows.invalid_repaired
            )
        )
        if rows.skipped_geometries:
            feedback.pushWarning(
                tr("{0} features without geometry were skipped.").format(rows.skipped_geometries)
            )
        if rows.outside_area_m2 > 0.005:
            feedback.pushWarning(
                tr("{0} m² of the input lie outside every township and count in no row.").format(
                    "{0:.2f}".format(rows.outside_area_m2)
                )
            )
        return {
            "OUTPUT": dest,
            "INVALID_REPAIRED": rows.invalid_repaired,
            "SKIPPED_GEOMETRIES": rows.skipped_geometries,
            "OUTSIDE_AREA_M2": rows.outside_area_m2,
            "ROWS": len(rows),
        }


class ConservationRateAlgorithm(SwcAlgorithm):
    NAME = "conservationrate"
    DISPLAY = QT_TR_NOOP("Soil conservation rate")
    GROUP = GROUP
    HELP = QT_TR_NOOP(
        "水土保持率 per township and for the county: (land area − erosion area of "
        "grade 2 and above) / land area × 100, of one monitoring year: YEAR (erosion "
        "nd; empty: the latest year present), never a mix of years. Overlapping "
        "erosion polygons are counted once. meets_target compares with the target "
        "(83 % by default, a setting)."
    )

    def initAlgorithm(self, config=None):
        add_township_parameters(self)
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                "EROSION", tr("Soil erosion"), [QgsProcessing.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "GRADE_FIELD", tr("Erosion grade field"), "qsqd", "EROSION", optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "TARGET",
                tr("Target rate (%); empty: the setting"),
                QgsProcessingParameterNumber.Double,
                None,
                True,
                0.0,
                100.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "YEAR",
                tr("Monitoring year (erosion nd); empty: the latest present"),
                QgsProcessingParameterNumber.Integer,
                None,
                True,
                1900,
                2100,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "SKIP_BAD_GRADES", tr("Skip (and count) features whose grade is not 1-6"), False
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(  # issue 13: as townshipstats
                "AREA_METHOD",
                tr("Area"),
                [tr("Planimetric (projected CRS)"), tr("Ellipsoidal (CGCS2000)")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "OUTPUT", tr("Soil conservation rate"), QgsProcessing.TypeVector
            )
        )

    def execute(self, parameters, context, feedback):
        townships = _layer(self, parameters, "TOWNSHIPS", context)
        erosion = _layer(self, parameters, "EROSION", context)
        field = self.parameterAsString(parameters, "TOWNSHIP_FIELD", context) or "xzqdm"
        grade = self.parameterAsString(parameters, "GRADE_FIELD", context) or "qsqd"
        target = None
        if parameters.get("TARGET") not in (None, ""):
            target = self.parameterAsDouble(parameters, "TARGET", context)
        year = None
        if parameters.get("YEAR") not in (None, ""):
            year = self.parameterAsInt(parameters, "YEAR", context)
        rows = conservation_rate(
            townships,
            field,
            erosion,
            grade,
            target,
            feedback=feedback,
            context=context.transformContext(),
            skip_bad_grades=self.parameterAsBool(parameters, "SKIP_BAD_GRADES", context),
            area_method=self.parameterAsEnum(parameters, "AREA_METHOD", context),
            year=year,
        )
        fields = _table_fields(RATE_FIELDS, rows)
        dest = write_output(
            self,
            parameters,
            context,
            "OUTPUT",
            fields,
            (
                [
                    row.xzqdm,
                    row.xzqmc,
                    row.land_area_m2,
                    row.erosion_area_m2,
                    row.rate_percent,
                    row.meets_target,
                    rows.year,
                ]
                for row in rows
            ),
        )
        if rows.year is not None:
            feedback.pushInfo(tr("Monitoring year {0}.").format(rows.year))
        if rows.skipped_grades or rows.skipped_geometries:
            feedback.pushWarning(
                tr(
                    "{0} features skipped for a grade that is not 1-6, {1} for a missing geometry."
                ).format(rows.skipped_grades, rows.skipped_geometries)
            )
        if rows.outside_area_m2 > 0.005:
            feedback.pushWarning(
                tr("{0} m² of the input lie outside every township and count in no row.").format(
                    "{0:.2f}".format(rows.outside_area_m2)
                )
            )
        return {
            "OUTPUT": dest,
            "INVALID_REPAIRED": rows.invalid_repaired,
            "OUTSIDE_AREA_M2": rows.outside_area_m2,
            "SKIPPED_GRADES": rows.skipped_grades,
            "SKIPPED_GEOMETRIES": rows.skipped_geometries,
            "ROWS": len(rows),
            "YEAR": rows.year,
        }
