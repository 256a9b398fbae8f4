"""Layers for the atlas: snapshots a worker thread can rebuild, table identity.

QGIS layers belong to the thread that made them, so the atlas never renders the
caller's layers.  ``LayerSnapshot.of`` records a layer's source and style (call
it where the layer lives, the main thread), ``create`` makes a new layer in the
thread that renders.  A layer with unsaved edits, or a memory layer, is copied
feature by feature; the copy remembers its table and source, so the workspace
it came from is still found (``origin``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Union

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFields,
    QgsMapLayer,
    QgsMapLayerStyle,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..translation import tr
from .errors import InputError


@dataclass
class LayerSnapshot:
    """Source, style and (for memory layers) the features of a layer.

    Plain data: made where the layer lives, turned into a new layer by
    ``create`` in the thread that renders.
    """

    name: str
    source: str
    provider: str
    style: str
    crs: str = ""
    wkb_type: int = QgsWkbTypes.Unknown
    fields: Optional[QgsFields] = None
    features: Optional[List[QgsFeature]] = None
    #: Workspace table it shows (kept for copies, whose source is memory).
    table: str = ""

    @classmethod
    def of(cls, layer: QgsMapLayer) -> LayerSnapshot:
        if layer is None or not layer.isValid():
            raise InputError(tr("A layer of the atlas is missing or invalid."))
        style = QgsMapLayerStyle()
        style.readFromLayer(layer)
        snapshot = cls(
            layer.name(),
            layer.source(),
            layer.providerType(),
            style.xmlData(),
            layer.crs().toWkt(),
            table=table_name(layer),
        )
        if isinstance(layer, QgsVectorLayer):
            snapshot.wkb_type = layer.wkbType()
            if layer.providerType() == "memory" or layer.isEditable():
                # not on disk (or with unsaved edits): keep the features themselves
                snapshot.fields = QgsFields(layer.fields())
                snapshot.features = [QgsFeature(f) for f in layer.getFeatures()]
        return snapshot

    def create(self) -> QgsMapLayer:
        """A new layer with this source and style, owned by the calling thread."""
        if self.features is not None:
            layer = QgsVectorLayer(
                QgsWkbTypes.displayString(self.wkb_type) + "?crs=" + "EPSG:4326",
                self.name,
                "memory",
            )
            layer.setCrs(QgsCoordinateReferenceSystem.fromWkt(self.crs))
            layer.dataProvider().addAttributes(self.fields.toList())
            layer.updateFields()
            if not layer.dataProvider().addFeatures(self.features)[0]:
                raise InputError(
                    tr(
                        "The map layer {0} could not take all its {1} features: "
                        "the sheet would miss some."
                    ).format(self.name, len(self.features))
                )
            layer.updateExtents()
        else:
            options = QgsVectorLayer.LayerOptions(False, False)
            layer = QgsVectorLayer(self.source, self.name, self.provider, options)
        if not layer.isValid():
            raise InputError(tr("Layer {0} cannot be opened: {1}").format(self.name, self.source))
        QgsMapLayerStyle(self.style).writeToLayer(layer)
        layer.setCustomProperty(_TABLE_PROPERTY, self.table)
        layer.setCustomProperty(_SOURCE_PROPERTY, [self.source, self.provider])
        return layer


LayerInput = Union[QgsMapLayer, LayerSnapshot]


def snapshot(layer: LayerInput) -> LayerSnapshot:
    return layer if isinstance(layer, LayerSnapshot) else LayerSnapshot.of(layer)


_TABLE_PROPERTY = "xgswc/table"
_SOURCE_PROPERTY = "xgswc/source"


def table_name(layer: QgsMapLayer) -> str:
    """Workspace table of a layer (GeoPackage layer name), else its layer name."""
    if layer.customProperty(_TABLE_PROPERTY):
        return layer.customProperty(_TABLE_PROPERTY)
    if layer.providerType() == "ogr":
        parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
        if parts.get("layerName"):
            return parts["layerName"]
    if layer.providerType() == "postgres":
        from qgis.core import QgsDataSourceUri

        table = QgsDataSourceUri(layer.source()).table()
        if table:
            return table
    return layer.name()


def default_layers(townships: QgsVectorLayer) -> List[QgsVectorLayer]:
    """The workspace tables a sheet shows when none are chosen: those of the
    township table's workspace (GeoPackage or PostGIS), in their stored styles;
    none when the townships are not a workspace table."""
    from .errors import WorkspaceError
    from .workspace.open import workspace_of

    try:
        workspace = workspace_of(origin(townships), upgrade=False)
    except WorkspaceError:
        return []
    layers: List[QgsVectorLayer] = []
    for table in ("finding", "benggang", "parcel", "erosion"):
        try:
            layer = workspace.layer(table)  # titled and styled as stored
        except WorkspaceError:
            continue  # an older workspace without the table
        if layer.isValid():
            if table == "erosion":
                _latest_survey(layer)
            layers.append(layer)
    return layers


def _latest_survey(erosion: QgsVectorLayer) -> None:
    """Show one monitoring year on the map, the one the sheet's figures use."""
    from .errors import InputError
    from .monitoring import choose_erosion_year

    try:
        year, several = choose_erosion_year(erosion)
    except InputError:  # undated beside dated features: the figures refuse it
        return
    if several:
        erosion.setSubsetString('"nd" = {0}'.format(int(year)))


def zone_coverage(layer: QgsVectorLayer, code_field: str, name_field: str = "") -> QgsVectorLayer:
    """Sheets per zone of any zoning (small watersheds ``watershed``/``lydm``):
    a memory copy whose ``xzqdm``/``xzqmc`` (the fields a sheet is keyed by)
    hold the zone's code and name; the other fields are kept for filters.  The
    copy remembers the zoning's table and source (``origin``), so the
    workspace's tables are still found."""
    fields = layer.fields()
    if fields.indexOf(code_field) < 0:
        raise InputError(
            tr("The zone layer {0} has no field {1}.").format(layer.name(), code_field)
        )
    if name_field and fields.indexOf(name_field) < 0:
        raise InputError(
            tr("The zone layer {0} has no field {1}.").format(layer.name(), name_field)
        )
    from ..qgis_compat import FieldType, make_field

    kept = [field for field in fields if field.name() not in ("xzqdm", "xzqmc", "fid")]
    copy = QgsVectorLayer(
        QgsWkbTypes.displayString(layer.wkbType()) + "?crs=EPSG:4326", layer.name(), "memory"
    )
    copy.setCrs(layer.crs())
    copy.dataProvider().addAttributes(
        [make_field("xzqdm", FieldType.STRING, 60), make_field("xzqmc", FieldType.STRING, 100)]
        + kept
    )
    copy.updateFields()
    features = []
    for feature in layer.getFeatures():
        code = feature[code_field]
        name = feature[name_field] if name_field else None
        item = QgsFeature(copy.fields())
        item.setGeometry(feature.geometry())
        item.setAttributes(
            [None if code is None else str(code), str(code if name in (None, "") else name)]
            + [feature[field.name()] for field in kept]
        )
        features.append(item)
    if not copy.dataProvider().addFeatures(features):
        raise InputError(
            tr("The zone layer {0} cannot be copied for the atlas.").format(layer.name())
        )
    copy.updateExtents()
    # the sheet's frame: outline only, so every layer under it stays visible
    from qgis.core import QgsFillSymbol, QgsSingleSymbolRenderer

    copy.setRenderer(
        QgsSingleSymbolRenderer(
            QgsFillSymbol.createSimple(
                {"color": "0,0,0,0", "outline_color": "35,35,35,255", "outline_width": "0.6"}
            )
        )
    )
    source = origin(layer)
    copy.setCustomProperty(_TABLE_PROPERTY, table_name(layer))
    copy.setCustomProperty(_SOURCE_PROPERTY, [source.source(), source.providerType()])
    return copy


def origin(layer: QgsVectorLayer) -> QgsVectorLayer:
    """The layer on its original source: a snapshot's in-memory copy (of a layer
    with unsaved edits) is reopened from where it came from."""
    recorded = layer.customProperty(_SOURCE_PROPERTY)
    if layer.providerType() == "memory" and recorded and recorded[1] != "memory":
        reopened = QgsVectorLayer(
            recorded[0], layer.name(), recorded[1], QgsVectorLayer.LayerOptions(False, False)
        )
        if reopened.isValid():
            return reopened
    return layer


def gpkg_path(layer: QgsMapLayer) -> str:
    layer = origin(layer) if isinstance(layer, QgsVectorLayer) else layer
    if layer.providerType() != "ogr":
        return ""
    path = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path", "")
    return path if path.lower().endswith(".gpkg") else ""
