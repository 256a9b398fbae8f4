"""Which workspace table a layer is, and the workspace's data tables as layers.

Docks choose their inputs by table (``parcel`` as parcels, never ``finding``),
and the "open workspace" action loads the data tables of a GeoPackage or PostGIS
workspace — not ``layer_styles`` or the meta table — named in Chinese, with the
styles stored in the workspace.  One definition of "the table of a layer" for
every dock, so they never disagree.
"""

from __future__ import annotations

from typing import Dict, Iterable, List, Optional

from qgis.core import (
    QgsDataSourceUri,
    QgsLayerTreeGroup,
    QgsMapLayer,
    QgsProject,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from ...translation import tr
from ..errors import InputError
from . import schema

#: Order of the tables in the layer group, top to bottom (points and small
#: polygons over large ones; tables last).
GROUP_ORDER = (
    "finding",
    "benggang_part",
    "benggang",
    "parcel",
    "dev_project",
    "township",
    "erosion",
    "measure",
    "measure_type",
)


def source_table(layer: Optional[QgsMapLayer]) -> str:
    """Table name of a GeoPackage or PostgreSQL layer ('' for other sources)."""
    if not isinstance(layer, QgsVectorLayer):
        return ""
    provider = layer.providerType()
    if provider == "ogr":
        parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
        path = parts.get("path") or ""
        if not path.lower().endswith(".gpkg"):
            return ""
        return parts.get("layerName") or ""
    if provider == "postgres":
        return QgsDataSourceUri(layer.source()).table()
    return ""


def table_of(layer: Optional[QgsMapLayer]) -> str:
    """The workspace data table ``layer`` shows ('' when it is none of them:
    a shapefile, a memory layer, another database table)."""
    table = source_table(layer)
    return table if table in schema.LAYERS_BY_NAME else ""


def table_title(table: str) -> str:
    """The table's Chinese name and code, for messages: 核查发现 (finding)."""
    spec = schema.LAYERS_BY_NAME.get(table)
    return "{0} ({1})".format(spec.zh, table) if spec is not None else table


def check_table(layer: Optional[QgsMapLayer], table: str) -> None:
    """Refuse a workspace layer of another table where ``table`` is expected
    (a finding layer as parcels); layers from outside a workspace are accepted."""
    actual = table_of(layer)
    if actual and actual != table:
        raise InputError(
            tr("Layer {0} is the workspace table {1}; it cannot be used as {2}.").format(
                layer.name(), table_title(actual), table_title(table)
            )
        )


def workspace_key(layer: Optional[QgsMapLayer]) -> str:
    """What identifies the workspace of a layer: the GeoPackage path, or the
    database connection and schema (no credentials); '' for other layers."""
    if not table_of(layer):
        return ""
    if layer.providerType() == "ogr":
        parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
        return parts.get("path") or ""
    source = QgsDataSourceUri(layer.source())
    return "{0}:{1}/{2}/{3}".format(
        source.host() or source.service(), source.port(), source.database(), source.schema()
    )


def project_layers_of_table(
    table: str, project: Optional[QgsProject] = None, prefer: str = ""
) -> List[QgsVectorLayer]:
    """The project's layers of a workspace table, those of workspace ``prefer``
    (a ``workspace_key``) first, then in layer-tree order."""
    project = project or QgsProject.instance()
    ordered = [node.layer() for node in project.layerTreeRoot().findLayers()]
    others = [layer for layer in project.mapLayers().values() if layer not in ordered]
    layers = [layer for layer in ordered + others if table_of(layer) == table]
    if prefer:
        layers.sort(key=lambda layer: workspace_key(layer) != prefer)
    return layers


def workspace_layers(workspace) -> Dict[str, QgsVectorLayer]:
    """Every data table of ``workspace`` (GeoPackage ``Workspace`` or
    ``PgWorkspace``) as a layer named in Chinese, with its stored style."""
    return {spec.name: workspace.layer(spec.name) for spec in schema.LAYERS}


def add_workspace_to_project(
    layers: Dict[str, QgsVectorLayer], group_name: str, project: Optional[QgsProject] = None
) -> Dict[str, QgsVectorLayer]:
    """Put the tables in one layer group of the project; tables of this workspace
    already in the project are reused (opening twice adds nothing).  Returns the
    project's layer per table."""
    project = project or QgsProject.instance()
    key = workspace_key(next(iter(layers.values())))
    result: Dict[str, QgsVectorLayer] = {}
    new: List[QgsVectorLayer] = []
    for table in _ordered(layers):
        existing = [
            layer
            for layer in project_layers_of_table(table, project)
            if workspace_key(layer) == key
        ]
        if existing:
            result[table] = existing[0]
        else:
            result[table] = layers[table]
            new.append(layers[table])
    if new:
        root = project.layerTreeRoot()
        group = root.findGroup(group_name)
        if not isinstance(group, QgsLayerTreeGroup):
            group = root.insertGroup(0, group_name)
        project.addMapLayers(new, False)
        for layer in new:
            group.addLayer(layer)
    return result


def _ordered(tables: Iterable[str]) -> List[str]:
    names = list(tables)
    return sorted(
        names, key=lambda name: GROUP_ORDER.index(name) if name in GROUP_ORDER else len(GROUP_ORDER)
    )


def class_labels(layer: Optional[QgsMapLayer], field_name: str) -> Dict[str, str]:
    """Chinese label per stored code of a field (erosion grade '2' -> 轻度): from the
    workspace schema for a workspace table, else from the field's value-map
    widget; empty when the field has no code list (its values are labels)."""
    if not isinstance(layer, QgsVectorLayer) or not field_name:
        return {}
    spec = schema.LAYERS_BY_NAME.get(table_of(layer))
    if spec is not None and field_name in spec.field_names():
        codelist = spec.field(field_name).codelist
        if codelist is not None:
            return {str(entry.code): entry.zh for entry in codelist}
    index = layer.fields().indexOf(field_name)
    if index < 0:
        return {}
    setup = layer.editorWidgetSetup(index)
    if setup.type() != "ValueMap":
        return {}
    value_map = setup.config().get("map")
    items = value_map if isinstance(value_map, list) else [value_map or {}]
    return {str(code): str(label) for item in items for label, code in item.items()}
