"""Processing: the township atlas (one PDF sheet per township, and a merged one)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterExpression,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ..core import atlas
from ..core.errors import SwcError
from ..core.measure_checks import YEAR_MAX, YEAR_MIN
from ..core.settings import plan_window
from ..translation import QT_TR_NOOP, tr
from .base import SwcAlgorithm


class AtlasAlgorithm(SwcAlgorithm):
    NAME = "atlas"
    DISPLAY = QT_TR_NOOP("Township atlas (PDF)")
    GROUP = QT_TR_NOOP("Reports")
    HELP = QT_TR_NOOP(
        "Prints one map sheet per township from a layout template: the township's "
        "territory with the chosen layers in their styles, legend, scale bar, north "
        "arrow, coordinate system, data date and the township's figures (soil "
        "conservation rate, erosion by grade, gullies by scale and treatment status, "
        "newly treated area and treated gullies (座) of the plan window, findings by "
        "rule). Writes <code>_<name>.pdf per township into the output folder and, "
        "optionally, one merged PDF. With a zone code field the coverage is any "
        "zoning (small watersheds: lydm, lymc) and each zone gets a sheet. Without "
        "layers, the workspace tables beside the coverage layer are shown. Nothing is "
        "left behind when it fails or is canceled."
    )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                "TOWNSHIPS", tr("Townships (atlas coverage)"), [QgsProcessing.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                "LAYERS", tr("Layers to show"), QgsProcessing.TypeMapLayer, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                "TEMPLATE",
                tr("Layout template (.qpt; empty: the bundled one)"),
                extension="qpt",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "TITLE", tr("Title after the township name"), atlas.default_title(), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterExpression(
                "FILTER",
                tr("Only townships matching"),
                parentLayerParameterName="TOWNSHIPS",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean("MERGED", tr("Also write one merged PDF"), True)
        )
        dpi = QgsProcessingParameterNumber(
            "DPI",
            tr("Resolution (dpi)"),
            QgsProcessingParameterNumber.Integer,
            atlas.DEFAULT_DPI,
            False,
            50,
            1200,
        )
        dpi.setFlags(dpi.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(dpi)
        self.addParameter(
            QgsProcessingParameterField(
                "ZONE_FIELD",
                tr("Zone code field (empty: townships by xzqdm)"),
                parentLayerParameterName="TOWNSHIPS",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "ZONE_NAME_FIELD",
                tr("Zone name field"),
                parentLayerParameterName="TOWNSHIPS",
                optional=True,
            )
        )
        first, last = plan_window()
        for name, label, default in (
            ("YEAR_FROM", tr("First year of the plan figures"), first),
            ("YEAR_TO", tr("Last year of the plan figures"), last),
        ):
            year = QgsProcessingParameterNumber(
                name,
                label,
                QgsProcessingParameterNumber.Integer,
                default,
                False,
                YEAR_MIN,
                YEAR_MAX,
            )
            year.setFlags(year.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(year)
        self.addParameter(
            QgsProcessingParameterFolderDestination("OUTPUT_FOLDER", tr("Output folder"))
        )
        self.addOutput(QgsProcessingOutputFile("MERGED_FILE", tr("Merged PDF")))
        self.addOutput(QgsProcessingOutputNumber("PAGES", tr("Sheets written")))
        self.addOutput(QgsProcessingOutputMultipleLayers("FILES", tr("Sheets")))

    def prepareAlgorithm(self, parameters, context, feedback):
        """Snapshot the layers here: this runs on the main thread, where they live."""
        try:
            townships = self.parameterAsVectorLayer(parameters, "TOWNSHIPS", context)
            if townships is None:
                raise QgsProcessingException(tr("No township layer."))
            layers = self.parameterAsLayerList(
                parameters, "LAYERS", context
            ) or atlas.default_layers(townships)
            self.townships = atlas.LayerSnapshot.of(townships)
            self.layers = [atlas.LayerSnapshot.of(layer) for layer in layers]
        except SwcError as error:
            raise QgsProcessingException(str(error)) from error
        return True

    def execute(self, parameters, context, feedback):
        template = self.parameterAsFile(parameters, "TEMPLATE", context) or None
        title = self.parameterAsString(parameters, "TITLE", context)
        expression = self.parameterAsExpression(parameters, "FILTER", context) or None
        folder = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)
        result = atlas.export_atlas(
            self.townships,
            self.layers,
            folder,
            template=template,
            title=title,
            filter_expression=expression,
            merged=self.parameterAsBool(parameters, "MERGED", context),
            dpi=self.parameterAsInt(parameters, "DPI", context),
            feedback=feedback,
            zone_field=self.parameterAsString(parameters, "ZONE_FIELD", context),
            zone_name_field=self.parameterAsString(parameters, "ZONE_NAME_FIELD", context),
            year_from=self.parameterAsInt(parameters, "YEAR_FROM", context),
            year_to=self.parameterAsInt(parameters, "YEAR_TO", context),
        )
        feedback.pushInfo(
            tr("{0} sheets in {1} ({2:.1f} s).").format(result.pages, result.folder, result.seconds)
        )
        return {
            "OUTPUT_FOLDER": result.folder,
            "MERGED_FILE": result.merged,
            "PAGES": result.pages,
            "FILES": result.files,
        }
