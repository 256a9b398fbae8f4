"""Measure records (table ``measure``): reading them and finding their layers.

A measure record says "this much of measure X was built on feature F of layer L
in year Y by project P".  It links its target by the feature's ``uuid``
(``mbid``) and the target layer key (``mbtc``: the table name for a
GeoPackage/PostGIS table, else the layer name), so any workspace layer or a
layer the user adds can carry measures.  This module only reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence

from qgis.core import (
    QgsDataSourceUri,
    QgsFeature,
    QgsFeatureRequest,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from ..translation import tr
from .errors import InputError
from .values import parse_number
from .workspace.schema import MEASURE, MEASURE_TYPE, UUID_FIELD

#: Values per SQL ``IN (...)`` list.
IN_CHUNK = 500


def layer_key(layer: QgsVectorLayer) -> str:
    """The key stored in ``mbtc`` for ``layer``: its table name, else its layer name.

    The table name survives renaming the layer in the project, so records stay
    linked; a shapefile or memory layer has no table and uses its layer name.
    """
    provider = layer.providerType()
    if provider == "ogr":
        parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
        name = parts.get("layerName") or ""
        if name:
            return name
    elif provider in ("postgres", "spatialite"):
        table = QgsDataSourceUri(layer.source()).table()
        if table:
            return table
    return layer.name()


def sibling_layer(layer: QgsVectorLayer, table: str) -> Optional[QgsVectorLayer]:
    """Table ``table`` of the same GeoPackage / database as ``layer``, or None."""
    provider = layer.providerType()
    if provider == "ogr":
        parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
        path = parts.get("path") or ""
        if not path.lower().endswith(".gpkg"):
            return None
        candidate = QgsVectorLayer(path + "|layername=" + table, table, "ogr")
    elif provider == "postgres":
        uri = QgsDataSourceUri(layer.source())
        uri.setDataSource(
            uri.schema(), table, "geom" if table not in (MEASURE.name, MEASURE_TYPE.name) else ""
        )
        candidate = QgsVectorLayer(uri.uri(False), table, "postgres")
        if not candidate.isValid():
            uri.setDataSource(uri.schema(), table, "")
            candidate = QgsVectorLayer(uri.uri(False), table, "postgres")
    else:
        return None
    if not candidate.isValid() or layer_key(candidate) != table:
        return None
    return candidate


def check_measure_layer(layer: Optional[QgsVectorLayer]) -> QgsVectorLayer:
    if layer is None or not layer.isValid():
        raise InputError(tr("No measure table: open a workspace first."))
    missing = [name for name in MEASURE.field_names() if layer.fields().indexOf(name) < 0]
    if missing:
        raise InputError(
            tr("Layer {0} is not a measure table: fields {1} are missing.").format(
                layer.name(), ", ".join(missing)
            )
        )
    return layer


@dataclass(frozen=True)
class MeasureRecord:
    """One row of the measure table (``fid`` may be negative while unsaved)."""

    fid: int
    uuid: str
    cslb: str
    csdm: str
    sl: float
    dw: str
    nd: int
    xmmc: str
    zjly: str
    mbtc: str
    mbid: str
    xzqdm: str
    bz: str


def text_value(value) -> str:
    if value is None:
        return ""
    try:  # QVariant NULL
        if hasattr(value, "isNull") and value.isNull():
            return ""
    except TypeError:
        pass
    return str(value).strip()


def number_value(value) -> Optional[float]:
    text = text_value(value)
    if not text:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def record_of(feature: QgsFeature) -> MeasureRecord:
    year = number_value(feature["nd"])
    return MeasureRecord(
        fid=feature.id(),
        uuid=text_value(feature["uuid"]),
        cslb=text_value(feature["cslb"]),
        csdm=text_value(feature["csdm"]),
        sl=parse_number(feature["sl"], "measure #{0}".format(feature.id()), "sl") or 0.0,
        dw=text_value(feature["dw"]),
        nd=int(year) if year is not None else 0,
        xmmc=text_value(feature["xmmc"]),
        zjly=text_value(feature["zjly"]),
        mbtc=text_value(feature["mbtc"]),
        mbid=text_value(feature["mbid"]),
        xzqdm=text_value(feature["xzqdm"]),
        bz=text_value(feature["bz"]),
    )


def read_measures(
    measure_layer: QgsVectorLayer, request: Optional[QgsFeatureRequest] = None
) -> List[MeasureRecord]:
    """All records (including unsaved edits) matching ``request``."""
    check_measure_layer(measure_layer)
    return [
        record_of(feature) for feature in measure_layer.getFeatures(request or QgsFeatureRequest())
    ]


def quote_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def target_uuids(target_layer: QgsVectorLayer, feature_ids: Sequence[int]) -> Dict[int, str]:
    if target_layer.fields().indexOf(UUID_FIELD) < 0:
        raise InputError(
            tr("Layer {0} has no uuid field: its features cannot carry measures.").format(
                target_layer.name()
            )
        )
    request = QgsFeatureRequest().setFilterFids(list(feature_ids))
    request.setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes([UUID_FIELD], target_layer.fields())
    return {
        feature.id(): text_value(feature[UUID_FIELD])
        for feature in target_layer.getFeatures(request)
    }


def measures_of_features(
    measure_layer: QgsVectorLayer, target_layer: QgsVectorLayer, feature_ids: Sequence[int]
) -> List[MeasureRecord]:
    """Records whose target is one of ``feature_ids`` of ``target_layer``."""
    check_measure_layer(measure_layer)
    if not feature_ids:
        return []
    uuids = [uuid for uuid in target_uuids(target_layer, feature_ids).values() if uuid]
    key = layer_key(target_layer)
    records: List[MeasureRecord] = []
    for start in range(0, len(uuids), IN_CHUNK):
        chunk = uuids[start : start + IN_CHUNK]
        expression = '"mbtc" = {0} AND "mbid" IN ({1})'.format(
            quote_literal(key), ", ".join(quote_literal(uuid) for uuid in chunk)
        )
        records.extend(
            read_measures(measure_layer, QgsFeatureRequest().setFilterExpression(expression))
        )
    records.sort(key=lambda r: (r.mbid, r.nd, r.csdm, r.fid))
    return records


def records_by_uuid(measure_layer: QgsVectorLayer, uuids: List[str]) -> List[MeasureRecord]:
    """Records whose own ``uuid`` is one of ``uuids``."""
    records: List[MeasureRecord] = []
    for start in range(0, len(uuids), IN_CHUNK):
        expression = '"uuid" IN ({0})'.format(
            ", ".join(quote_literal(u) for u in uuids[start : start + IN_CHUNK])
        )
        records.extend(
            read_measures(measure_layer, QgsFeatureRequest().setFilterExpression(expression))
        )
    return records


__all__ = [
    "IN_CHUNK",
    "MeasureRecord",
    "check_measure_layer",
    "layer_key",
    "measures_of_features",
    "number_value",
    "quote_literal",
    "read_measures",
    "record_of",
    "records_by_uuid",
    "sibling_layer",
    "target_uuids",
    "text_value",
]
