"""Shared plumbing of the plugin's Processing algorithms (kept thin on purpose).

An algorithm declares parameters, calls one core function with the feedback, and
turns a core ``SwcError`` into a ``QgsProcessingException`` with the same message.

Honesty rules enforced here for every algorithm:

* an output file that is one of the input files, or an existing workspace, is
  refused before anything runs (``townshipstats`` with OUTPUT = the workspace
  used to replace the whole workspace by one table);
* a run that fails or is canceled leaves no output file it created;
* rows are written with ``write_features``, which fails loudly when the sink
  refuses one (a silently dropped row used to look like a complete result);
  text fields are sized from the data with ``text_field``;
* every vector input (``parameterAsVectorLayer``/``parameterAsSource``) is read
  with the encoding the project import detects: a GBK shapefile without .cpg
  would otherwise arrive garbled and merge classes (``decoded_layer``).
"""

from __future__ import annotations

import os
import traceback
from typing import Any, Dict, Iterable, List, Optional

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterVectorLayer,
    QgsProcessingUtils,
    QgsProperty,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QUrl

from ..core.errors import CanceledError, SwcError
from ..localization import help_page
from ..qgis_compat import FieldType, make_field
from ..translation import tr

#: Companion files a GeoPackage or shapefile may leave beside the path.
_COMPANIONS = ("", "-wal", "-shm", "-journal")
_SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix")


def text_field(name: str, values: Iterable[Any], minimum: int = 10) -> QgsField:
    """A string field long enough for every value (never truncates or refuses)."""
    longest = max((len(str(v)) for v in values if v is not None), default=0)
    return make_field(name, FieldType.STRING, max(minimum, longest))


def write_features(sink: QgsFeatureSink, features: List, output: str) -> None:
    """Add all ``features`` or raise: a row the sink refuses is never dropped silently."""
    if not features:
        return
    if not sink.addFeatures(features, QgsFeatureSink.FastInsert):
        detail = sink.lastError() if hasattr(sink, "lastError") else ""
        raise QgsProcessingException(
            tr(
                "Output {0}: {1} rows could not be written ({2}); nothing is reported as complete."
            ).format(output, len(features), detail or tr("the sink refused them"))
        )


def add_township_parameters(algorithm) -> None:
    """TOWNSHIPS + TOWNSHIP_FIELD (default xzqdm; any zoning such as small watersheds'
    lydm works the same)."""
    algorithm.addParameter(
        QgsProcessingParameterVectorLayer(
            "TOWNSHIPS", tr("Townships"), [QgsProcessing.TypeVectorPolygon]
        )
    )
    algorithm.addParameter(
        QgsProcessingParameterField(
            "TOWNSHIP_FIELD", tr("Township code field"), "xzqdm", "TOWNSHIPS", optional=True
        )
    )  # optional: QGIS 3.22 rejects an absent value despite the default


def write_output(
    algorithm: QgsProcessingAlgorithm,
    parameters,
    context: QgsProcessingContext,
    name: str,
    fields,
    rows,
    geometry_type=QgsWkbTypes.NoGeometry,
    crs=None,
    geometries=None,
) -> str:
    """Open the output sink ``name``, write one feature per row of attribute values
    (with ``geometries`` beside them when given) and return the destination: the one
    way every algorithm writes a table, so no row is ever dropped silently."""
    if crs is None:
        sink, dest = algorithm.parameterAsSink(parameters, name, context, fields, geometry_type)
    else:
        sink, dest = algorithm.parameterAsSink(
            parameters, name, context, fields, geometry_type, crs
        )
    if sink is None:
        raise QgsProcessingException(algorithm.invalidSinkError(parameters, name))
    features = []
    for number, values in enumerate(rows):
        feature = QgsFeature(fields)
        feature.setAttributes(list(values))
        if geometries is not None:
            feature.setGeometry(geometries[number])
        features.append(feature)
    write_features(sink, features, name)
    return dest


def _file_of(value: Any) -> Optional[str]:
    """The file path of a layer source or a destination value, None for memory/DB."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink.staticValue()
    if not isinstance(value, str) or not value:
        return None
    if value.startswith("ogr:"):
        value = value[4:]
    if value.startswith(("memory:", "TEMPORARY_OUTPUT", "postgres:", "postgis:")):
        return None
    path = QgsProviderRegistry.instance().decodeUri("ogr", value).get("path") or value
    path = path.split("|")[0]
    if "dbname=" in path or "://" in path:
        return None
    return os.path.realpath(path)


def _same_file(a: str, b: str) -> bool:
    if a == b:
        return True
    try:
        return os.path.exists(a) and os.path.exists(b) and os.path.samefile(a, b)
    except OSError:
        return False


#: Help page of each algorithm group (English group source): its dock's page.
HELP_PAGES = {
    "Collapse gullies": "benggang_dock",
    "Treatment measures": "measures_dock",
    "Supervision": "inspection_dock",
    "Inspection": "inspection_dock",
    "Statistics": "stats_dock",
    "Reports": "atlas_dock",
    "Workspace": "index",
}


def decoded_layer(
    layer: Optional[QgsVectorLayer], context: QgsProcessingContext
) -> Optional[QgsVectorLayer]:
    """``layer``, or a copy reopened with the sniffed encoding (GBK shapefile
    without .cpg, ``core.sources.with_sniffed_encoding``) that keeps its name
    and filter and lives in the run's temporary layer store.  A layer with
    unsaved edits is kept as it is (reopening would lose them)."""
    from ..core.sources import with_sniffed_encoding

    if layer is None or (layer.isEditable() and layer.isModified()):
        return layer
    fixed = with_sniffed_encoding(layer)
    if fixed is None or fixed is layer:
        return layer
    fixed.setName(layer.name())
    if layer.subsetString():
        fixed.setSubsetString(layer.subsetString())
    context.temporaryLayerStore().addMapLayer(fixed)
    return fixed


class SwcAlgorithm(QgsProcessingAlgorithm):
    """Base: subclasses set NAME, DISPLAY (English source text), GROUP, and
    implement ``initAlgorithm`` and ``execute``."""

    NAME = ""
    DISPLAY = ""
    GROUP = ""
    HELP = ""
    #: True for algorithms whose output IS a workspace (they check it themselves)
    WRITES_WORKSPACE = False

    def name(self) -> str:
        return self.NAME

    def displayName(self) -> str:
        return tr(self.DISPLAY)

    def group(self) -> str:
        return tr(self.GROUP)

    def groupId(self) -> str:
        return self.GROUP.lower().replace(" ", "")

    def shortHelpString(self) -> str:
        return tr(self.HELP)

    def helpUrl(self) -> str:
        """The help page of the dock doing the same work (resources/help)."""
        page = help_page(HELP_PAGES.get(self.GROUP, "index"))
        return QUrl.fromLocalFile(str(page)).toString()

    def createInstance(self):
        return type(self)()

    # -- input encoding -----------------------------------------------------
    def parameterAsVectorLayer(self, parameters, name, context):  # noqa: N802 - Qt name
        """The layer of ``name``, read with its detected encoding (``decoded_layer``)."""
        return self._decoded(parameters, name, context)[1]

    def parameterAsSource(self, parameters, name, context):  # noqa: N802 - Qt name
        """The source of ``name`` (selection, limit and geometry check kept), read
        with its detected encoding."""
        layer, fixed = self._decoded(parameters, name, context)
        if fixed is None or fixed is layer:
            return super().parameterAsSource(parameters, name, context)
        value = parameters.get(name)
        if isinstance(value, QgsProcessingFeatureSourceDefinition):
            value = QgsProcessingFeatureSourceDefinition(value)
            value.source = QgsProperty.fromValue(fixed.id())
            if value.selectedFeaturesOnly:
                fixed.selectByIds(layer.selectedFeatureIds())
        else:
            value = fixed.id()
        return super().parameterAsSource(dict(parameters, **{name: value}), name, context)

    def _decoded(self, parameters, name, context):
        """(layer as given, layer as read); one reopened copy per input and run."""
        layer = super().parameterAsVectorLayer(parameters, name, context)
        value = parameters.get(name)
        if layer is None and isinstance(value, QgsProcessingFeatureSourceDefinition):
            # QGIS 3.22 resolves no layer from a source definition (selected only)
            text = (
                value.source.staticValue()
                if value.source.propertyType() == QgsProperty.StaticProperty
                else value.source.valueAsString(context.expressionContext())[0]
            )
            found = QgsProcessingUtils.mapLayerFromString(str(text), context)
            layer = found if isinstance(found, QgsVectorLayer) else None
        if layer is None:
            return None, None
        cache = self.__dict__.setdefault("_decoded_ids", {})
        fixed = context.temporaryLayerStore().mapLayer(cache.get(layer.id(), ""))
        if fixed is None:
            fixed = decoded_layer(layer, context)
            cache[layer.id()] = fixed.id()
        return layer, fixed

    # -- output safety ------------------------------------------------------
    def _input_files(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> List[str]:
        files = []
        for definition in self.parameterDefinitions():
            name = definition.name()
            if parameters.get(name) in (None, ""):
                continue
            if isinstance(definition, QgsProcessingParameterVectorLayer):
                layer = self.parameterAsVectorLayer(parameters, name, context)
                source = layer.source() if layer is not None else None
            elif isinstance(definition, QgsProcessingParameterFeatureSource):
                layer = self.parameterAsVectorLayer(parameters, name, context)
                source = layer.source() if layer is not None else None
            else:
                continue
            path = _file_of(source) if source else None
            if path:
                files.append(path)
        return files

    def _output_files(self, parameters: Dict[str, Any]) -> Dict[str, str]:
        outputs = {}
        for definition in self.destinationParameterDefinitions():
            if isinstance(definition, QgsProcessingParameterFolderDestination):
                continue
            path = _file_of(parameters.get(definition.name()))
            if path:
                outputs[definition.name()] = path
        return outputs

    def refuse_output_over_input(
        self, parameters: Dict[str, Any], context: QgsProcessingContext
    ) -> Dict[str, str]:
        """Refuse outputs that would overwrite an input or a workspace; returns the
        output files (parameter -> path)."""
        outputs = self._output_files(parameters)
        if not outputs:
            return outputs
        inputs = self._input_files(parameters, context)
        for name, path in outputs.items():
            for source in inputs:
                if _same_file(path, source):
                    raise QgsProcessingException(
                        tr(
                            "Output {0} is the input file {1}: writing it would replace "
                            "the input. Choose another file."
                        ).format(name, path)
                    )
            if (
                not self.WRITES_WORKSPACE
                and os.path.isfile(path)
                and path.lower().endswith(".gpkg")
                and _is_workspace(path)
            ):
                raise QgsProcessingException(
                    tr(
                        "Output {0} is the workspace {1}: writing it would replace the "
                        "whole workspace. Choose another file."
                    ).format(name, path)
                )
        return outputs

    def processAlgorithm(
        self,
        parameters: Dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> Dict[str, Any]:
        outputs = self.refuse_output_over_input(parameters, context)
        new_files = [path for path in outputs.values() if not os.path.exists(path)]
        try:
            result = self.execute(parameters, context, feedback)
            if feedback is not None and feedback.isCanceled():
                # canceled after the last check: still a canceled run, not a result
                result = None
                raise CanceledError()
            return result
        except SwcError as error:
            _drop_frames(error)
            _remove(new_files)
            raise QgsProcessingException(str(error)) from error
        except BaseException as error:
            _drop_frames(error)
            _remove(new_files)
            raise

    def execute(
        self,
        parameters: Dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> Dict[str, Any]:
        raise NotImplementedError


def _is_workspace(path: str) -> bool:
    from ..core.errors import WorkspaceError
    from ..core.workspace.geopackage import read_schema_version

    try:
        read_schema_version(path)
    except WorkspaceError as error:
        return "schema_version" in str(error)  # a workspace with a damaged version
    return True


def _drop_frames(error: BaseException) -> None:
    """Release the sinks held by the failed run's frames (closes the files)."""
    try:
        traceback.clear_frames(error.__traceback__)
    except Exception:  # noqa: BLE001 - best effort, the removal below still runs
        pass
    import gc

    gc.collect()


def _remove(paths: List[str]) -> None:
    """Delete output files this run created: a failed or canceled run leaves none."""
    for path in paths:
        stem, ext = os.path.splitext(path)
        candidates = [path + suffix for suffix in _COMPANIONS]
        if ext.lower() == ".shp":
            candidates += [stem + part for part in _SHAPEFILE_PARTS]
        for candidate in candidates:
            try:
                os.remove(candidate)
            except OSError:
                pass
