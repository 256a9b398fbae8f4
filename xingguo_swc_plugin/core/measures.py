"""Treatment measures (治理措施): taxonomy, tagging, editing and the summary.

A measure record (table ``measure``) says "this much of measure X was built on
feature F of layer L in year Y by project P".  It links its target by the
feature's ``uuid`` (``mbid``) and the target layer key (``mbtc``: the table name
for a GeoPackage/PostGIS table, else the layer name), so any workspace layer or a
layer the user adds can carry measures.

The taxonomy is read from the workspace table ``measure_type`` (seeded with
``domain.measures.SEED_MEASURES``), so a row the bureau adds there is usable
without a code change.  Every edit is one layer edit command (undoable); the
layers are left in edit mode unless ``commit=True`` is given.
"""

from __future__ import annotations

from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from qgis.core import (
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsDataSourceUri,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeedback,
    QgsGeometry,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QUuid

from ..domain import codes
from ..domain.measures import SEED_MEASURES, MeasureType
from ..domain.townships import TOWNSHIPS_BY_CODE
from ..domain.units import m2_to_hm2
from ..translation import tr
from .area import PLANIMETRIC, AreaMeasurer
from .values import parse_number
from .errors import InputError, SwcError
from .schema import BENGGANG, MEASURE, MEASURE_TYPE, TOWNSHIP, UUID_FIELD

YEAR_MIN = 1980
YEAR_MAX = 2100
#: Layer key of the collapse-gully table: its treated features are "treated gullies".
GULLY_LAYER = BENGGANG.name
_TEXT_LIMITS = {"xmmc": 100, "zjly": 100, "bz": 254}
_IN_CHUNK = 500


# --------------------------------------------------------------------------
# Layers of a workspace
# --------------------------------------------------------------------------

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
        uri.setDataSource(uri.schema(), table, "geom" if table not in (
            MEASURE.name, MEASURE_TYPE.name) else "")
        candidate = QgsVectorLayer(uri.uri(False), table, "postgres")
        if not candidate.isValid():
            uri.setDataSource(uri.schema(), table, "")
            candidate = QgsVectorLayer(uri.uri(False), table, "postgres")
    else:
        return None
    if not candidate.isValid() or layer_key(candidate) != table:
        return None
    return candidate


def _check_measure_layer(layer: Optional[QgsVectorLayer]) -> QgsVectorLayer:
    if layer is None or not layer.isValid():
        raise InputError(tr("No measure table: open a workspace first."))
    missing = [name for name in MEASURE.field_names() if layer.fields().indexOf(name) < 0]
    if missing:
        raise InputError(tr("Layer {0} is not a measure table: fields {1} are missing.")
                         .format(layer.name(), ", ".join(missing)))
    return layer


# --------------------------------------------------------------------------
# Taxonomy
# --------------------------------------------------------------------------

class Taxonomy:
    """The measures of a workspace by code, in table order."""

    def __init__(self, measures: Iterable[MeasureType]):
        self.measures: "OrderedDict[str, MeasureType]" = OrderedDict(
            (measure.code, measure) for measure in measures)

    def __contains__(self, code: object) -> bool:
        return code in self.measures

    def __len__(self) -> int:
        return len(self.measures)

    def __iter__(self):
        return iter(self.measures.values())

    def get(self, code: str) -> MeasureType:
        """The measure of ``code``; InputError naming the code when unknown."""
        measure = self.measures.get(code)
        if measure is None:
            raise InputError(tr("Unknown measure {0}: it is not in the measure taxonomy.")
                             .format(code))
        return measure

    def by_class(self) -> "OrderedDict[str, List[MeasureType]]":
        """Measures grouped by class code, classes in MEASURE_CLASS order."""
        order = list(codes.MEASURE_CLASS.codes())
        groups: "OrderedDict[str, List[MeasureType]]" = OrderedDict()
        for measure in sorted(self.measures.values(), key=lambda m: (
                order.index(m.measure_class) if m.measure_class in order else len(order),
                m.measure_class)):
            groups.setdefault(measure.measure_class, []).append(measure)
        return groups


def load_taxonomy(source: Optional[QgsVectorLayer]) -> Taxonomy:
    """Taxonomy from a ``measure_type`` layer, or from the workspace of a measure layer.

    ``source`` may be the taxonomy table itself or any table of the workspace
    (e.g. the measure table).  Falls back to the SPEC seed only when the
    workspace has no taxonomy table (a measure table from elsewhere).
    """
    if source is None or not source.isValid():
        return Taxonomy(SEED_MEASURES)
    table = source
    if source.fields().indexOf("csmc") < 0:
        table = sibling_layer(source, MEASURE_TYPE.name)
        if table is None:
            return Taxonomy(SEED_MEASURES)
    measures = []
    has_flag = table.fields().indexOf("tt") >= 0
    seed_terraces = {m.code for m in SEED_MEASURES if m.terrace}
    for feature in table.getFeatures():
        code = _text(feature["csdm"])
        if not code:
            continue
        # the table's terrace flag; a table without it (older workspace) or a NULL
        # flag: the SPEC seed's flag for that code
        flag = _text(feature["tt"]) if has_flag else ""
        terrace = flag not in ("", "0") if flag else code in seed_terraces
        measures.append(MeasureType(
            code=code, measure_class=_text(feature["cslb"]), zh=_text(feature["csmc"]),
            en=_text(feature["csmc_en"]) if table.fields().indexOf("csmc_en") >= 0
            else "", unit=_text(feature["dw"]), terrace=terrace))
    return Taxonomy(measures)


# --------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------

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


def _text(value) -> str:
    if value is None:
        return ""
    try:  # QVariant NULL
        if hasattr(value, "isNull") and value.isNull():
            return ""
    except TypeError:
        pass
    return str(value).strip()


def _number(value) -> Optional[float]:
    text = _text(value)
    if not text:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _record(feature: QgsFeature) -> MeasureRecord:
    year = _number(feature["nd"])
    return MeasureRecord(
        fid=feature.id(), uuid=_text(feature["uuid"]), cslb=_text(feature["cslb"]),
        csdm=_text(feature["csdm"]),
        sl=parse_number(feature["sl"], "measure #{0}".format(feature.id()), "sl") or 0.0,
        dw=_text(feature["dw"]), nd=int(year) if year is not None else 0,
        xmmc=_text(feature["xmmc"]), zjly=_text(feature["zjly"]),
        mbtc=_text(feature["mbtc"]), mbid=_text(feature["mbid"]),
        xzqdm=_text(feature["xzqdm"]), bz=_text(feature["bz"]))


def read_measures(measure_layer: QgsVectorLayer,
                  request: Optional[QgsFeatureRequest] = None) -> List[MeasureRecord]:
    """All records (including unsaved edits) matching ``request``."""
    _check_measure_layer(measure_layer)
    return [_record(feature) for feature in
            measure_layer.getFeatures(request or QgsFeatureRequest())]


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _target_uuids(target_layer: QgsVectorLayer, feature_ids: Sequence[int]
                  ) -> Dict[int, str]:
    if target_layer.fields().indexOf(UUID_FIELD) < 0:
        raise InputError(tr("Layer {0} has no uuid field: its features cannot carry "
                            "measures.").format(target_layer.name()))
    request = QgsFeatureRequest().setFilterFids(list(feature_ids))
    request.setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes([UUID_FIELD], target_layer.fields())
    return {feature.id(): _text(feature[UUID_FIELD])
            for feature in target_layer.getFeatures(request)}


def measures_of_features(measure_layer: QgsVectorLayer, target_layer: QgsVectorLayer,
                         feature_ids: Sequence[int]) -> List[MeasureRecord]:
    """Records whose target is one of ``feature_ids`` of ``target_layer``."""
    _check_measure_layer(measure_layer)
    if not feature_ids:
        return []
    uuids = [uuid for uuid in _target_uuids(target_layer, feature_ids).values() if uuid]
    key = layer_key(target_layer)
    records: List[MeasureRecord] = []
    for start in range(0, len(uuids), _IN_CHUNK):
        chunk = uuids[start:start + _IN_CHUNK]
        expression = '"mbtc" = {0} AND "mbid" IN ({1})'.format(
            _quote(key), ", ".join(_quote(uuid) for uuid in chunk))
        records.extend(read_measures(measure_layer, QgsFeatureRequest()
                                     .setFilterExpression(expression)))
    records.sort(key=lambda r: (r.mbid, r.nd, r.csdm, r.fid))
    return records


# --------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------

def check_year(year) -> int:
    try:
        value = int(year)
    except (TypeError, ValueError):
        raise InputError(tr("The year must be a whole number.")) from None
    if value != year and not (isinstance(year, str) and year.strip() == str(value)):
        raise InputError(tr("The year must be a whole number."))
    if not YEAR_MIN <= value <= YEAR_MAX:
        raise InputError(tr("The year {0} is outside {1}-{2}.")
                         .format(value, YEAR_MIN, YEAR_MAX))
    return value


def check_quantity(quantity) -> float:
    try:
        value = float(quantity)
    except (TypeError, ValueError):
        raise InputError(tr("The quantity must be a number.")) from None
    if not value > 0 or value != value or value == float("inf"):
        raise InputError(tr("The quantity must be greater than 0 (got {0}).")
                         .format(quantity))
    return value


def check_unit(measure: MeasureType, unit: Optional[str],
               taxonomy: Optional[Taxonomy] = None) -> str:
    """The measure's unit; InputError when a given ``unit`` differs from it.

    With ``taxonomy`` the message names the sibling measure counted in that
    unit (削坡开级 m³ vs 削坡开级(面积) hm²), the usual cause of the mistake.
    """
    unit = _text(unit) if unit is not None else None
    if unit is None or unit == "" or unit == measure.unit:
        return measure.unit
    message = tr("Measure {0} ({1}) is counted in {2}, not in {3}.").format(
        measure.code, measure.zh, codes.MEASURE_UNIT.label(measure.unit, measure.unit),
        codes.MEASURE_UNIT.label(unit, unit))
    base = measure.zh.split("(")[0]
    siblings = [other for other in (taxonomy or []) if other.unit == unit
                and other.code != measure.code and other.zh.split("(")[0] == base]
    if siblings:
        message += " " + tr("Use {0} ({1}) for {2}.").format(
            siblings[0].code, siblings[0].zh, codes.MEASURE_UNIT.label(unit, unit))
    raise InputError(message)


def _check_texts(values: Mapping[str, str]) -> Dict[str, str]:
    cleaned = {}
    for name, value in values.items():
        text = _text(value)
        limit = _TEXT_LIMITS.get(name)
        if limit and len(text) > limit:
            raise InputError(tr("{0} is longer than {1} characters.")
                             .format(MEASURE.field(name).zh, limit))
        cleaned[name] = text
    return cleaned


# --------------------------------------------------------------------------
# Townships
# --------------------------------------------------------------------------

class TownshipLocator:
    """Township code of a geometry: the township with the largest overlap."""

    def __init__(self, townships: Optional[QgsVectorLayer],
                 crs=None, context: Optional[QgsCoordinateTransformContext] = None):
        self.features: List[Tuple[str, QgsGeometry]] = []
        self.names: Dict[str, str] = {}
        if townships is None or not townships.isValid() or \
                townships.fields().indexOf("xzqdm") < 0:
            return
        transform = None
        if crs is not None and crs.isValid() and townships.crs() != crs:
            transform = QgsCoordinateTransform(townships.crs(), crs,
                                               context or QgsCoordinateTransformContext())
        has_name = townships.fields().indexOf("xzqmc") >= 0
        for feature in townships.getFeatures():
            code = _text(feature["xzqdm"])
            if not code:
                continue
            if has_name:
                self.names[code] = _text(feature["xzqmc"])
            geometry = QgsGeometry(feature.geometry())
            if geometry.isEmpty():
                continue
            if transform is not None:
                geometry.transform(transform)
            self.features.append((code, geometry))

    def locate(self, geometry: Optional[QgsGeometry]) -> str:
        if geometry is None or geometry.isEmpty() or not self.features:
            return ""
        best, best_area = "", 0.0
        box = geometry.boundingBox()
        polygonal = geometry.type() == QgsWkbTypes.PolygonGeometry
        for code, township in self.features:
            if not township.boundingBox().intersects(box):
                continue
            if not township.intersects(geometry):
                continue
            piece = township.intersection(geometry)
            size = piece.area() if polygonal else (piece.length() or 1.0)
            if size > best_area or not best:
                best, best_area = code, size
        return best


def _feature_township(feature: QgsFeature, has_xzqdm: bool,
                      locator: TownshipLocator) -> str:
    if has_xzqdm:
        code = _text(feature["xzqdm"])
        if code:
            return code
    return locator.locate(feature.geometry())


# --------------------------------------------------------------------------
# Tagging and editing
# --------------------------------------------------------------------------

def _start_editing(layer: QgsVectorLayer) -> None:
    if not layer.isEditable() and not layer.startEditing():
        raise SwcError(tr("Layer {0} cannot be edited.").format(layer.name()))


def _finish(layer: QgsVectorLayer, commit: bool) -> None:
    if commit and not layer.commitChanges():
        errors = "; ".join(layer.commitErrors())
        layer.rollBack()
        raise SwcError(tr("Cannot save {0}: {1}").format(layer.name(), errors))


def tag_features(measure_layer: QgsVectorLayer, target_layer: QgsVectorLayer,
                 feature_ids: Sequence[int], measure_code: str,
                 quantity: Optional[float], year: int, project: str = "",
                 funding: str = "", feedback: Optional[QgsFeedback] = None, *,
                 unit: Optional[str] = None, note: str = "",
                 townships: Optional[QgsVectorLayer] = None,
                 taxonomy: Optional[Taxonomy] = None,
                 area_method: int = PLANIMETRIC, commit: bool = False
                 ) -> List[MeasureRecord]:
    """Write one measure record per feature of ``feature_ids`` as ONE edit command.

    ``quantity`` applies to every record; ``None`` is allowed only for area
    measures (unit hm²) and then each record gets its own feature's area in hm².
    ``unit``, when given, must be the taxonomy's unit of the measure.  The
    township (``xzqdm``) is the feature's own ``xzqdm`` field, else the township
    (``townships`` layer, default: the workspace's) with the largest overlap.

    Everything is checked before anything is written: a bad input raises
    InputError and the measure layer is unchanged.  The records stay in the
    layer's edit buffer (undo/redo on its stack) unless ``commit`` is True.
    """
    _check_measure_layer(measure_layer)
    if target_layer is None or not target_layer.isValid():
        raise InputError(tr("No layer to tag: choose a layer and select features."))
    feature_ids = list(feature_ids or [])
    if not feature_ids:
        raise InputError(tr("Nothing is selected in {0}: select the features to tag.")
                         .format(target_layer.name()))
    taxonomy = taxonomy or load_taxonomy(measure_layer)
    measure = taxonomy.get(_text(measure_code))
    check_unit(measure, unit, taxonomy)
    year = check_year(year)
    if quantity is not None:
        quantity = check_quantity(quantity)
    elif not measure.is_area:
        raise InputError(tr("Type the quantity of {0} in {1}.").format(
            measure.zh, codes.MEASURE_UNIT.label(measure.unit, measure.unit)))
    elif target_layer.geometryType() != QgsWkbTypes.PolygonGeometry:
        raise InputError(tr("{0} has no areas: type the quantity of {1} in hm².")
                         .format(target_layer.name(), measure.zh))
    texts = _check_texts({"xmmc": project, "zjly": funding, "bz": note})

    key = layer_key(target_layer)
    if len(key) > MEASURE.field("mbtc").length:
        raise InputError(tr("The layer name {0} is too long to link measures.")
                         .format(key))
    if target_layer.fields().indexOf(UUID_FIELD) < 0:
        raise InputError(tr("Layer {0} has no uuid field: its features cannot carry "
                            "measures.").format(target_layer.name()))
    if townships is None:
        townships = sibling_layer(measure_layer, TOWNSHIP.name)
    locator = TownshipLocator(townships, target_layer.crs(),
                              target_layer.transformContext())
    measurer = AreaMeasurer(target_layer.crs(), area_method,
                            target_layer.transformContext())
    has_xzqdm = target_layer.fields().indexOf("xzqdm") >= 0

    features = {feature.id(): feature for feature in
                target_layer.getFeatures(QgsFeatureRequest().setFilterFids(feature_ids))}
    missing = [fid for fid in feature_ids if fid not in features]
    if missing:
        raise InputError(tr("{0} selected features no longer exist in {1}.")
                         .format(len(missing), target_layer.name()))
    new_features: List[QgsFeature] = []
    for position, fid in enumerate(feature_ids):
        if feedback is not None and feedback.isCanceled():
            raise SwcError(tr("Canceled."))
        feature = features[fid]
        target_uuid = _text(feature[UUID_FIELD])
        if not target_uuid:
            raise InputError(tr("Feature {0} of {1} has no uuid: save the layer or "
                                "fill its uuid first.").format(fid, target_layer.name()))
        amount = quantity
        if amount is None:
            amount = round(m2_to_hm2(measurer.area_m2(feature.geometry())), 4)
            if not amount > 0:
                raise InputError(tr("Feature {0} of {1} has no area: type the quantity.")
                                 .format(fid, target_layer.name()))
        record = QgsFeature(measure_layer.fields())
        values = {"uuid": QUuid.createUuid().toString()[1:-1], "cslb": measure.measure_class,
                  "csdm": measure.code, "sl": amount, "dw": measure.unit, "nd": year,
                  "xmmc": texts["xmmc"] or None, "zjly": texts["zjly"] or None,
                  "mbtc": key, "mbid": target_uuid,
                  "xzqdm": _feature_township(feature, has_xzqdm, locator) or None,
                  "bz": texts["bz"] or None}
        for name, value in values.items():
            record.setAttribute(name, value)
        new_features.append(record)
        if feedback is not None:
            feedback.setProgress(90.0 * (position + 1) / len(feature_ids))

    _start_editing(measure_layer)
    measure_layer.beginEditCommand(tr("Tag {0} features with {1}")
                                   .format(len(new_features), measure.zh))
    if not measure_layer.addFeatures(new_features):
        measure_layer.destroyEditCommand()
        raise SwcError(tr("Cannot add the measure records to {0}.")
                       .format(measure_layer.name()))
    measure_layer.endEditCommand()
    position = {feature["uuid"]: index for index, feature in enumerate(new_features)}
    _finish(measure_layer, commit)
    if feedback is not None:
        feedback.setProgress(100.0)
    if commit:
        records = _records_by_uuid(measure_layer, list(position))
    else:  # straight from the edit buffer: filtering a large buffer is slow
        records = [_record(feature) for feature in
                   measure_layer.editBuffer().addedFeatures().values()
                   if feature["uuid"] in position]
    return sorted(records, key=lambda r: position[r.uuid])


def _records_by_uuid(measure_layer: QgsVectorLayer, uuids: List[str]
                     ) -> List[MeasureRecord]:
    records: List[MeasureRecord] = []
    for start in range(0, len(uuids), _IN_CHUNK):
        expression = '"uuid" IN ({0})'.format(
            ", ".join(_quote(u) for u in uuids[start:start + _IN_CHUNK]))
        records.extend(read_measures(measure_layer, QgsFeatureRequest()
                                     .setFilterExpression(expression)))
    return records


def edit_measure(measure_layer: QgsVectorLayer, fid: int, *,
                 measure_code: Optional[str] = None, quantity: Optional[float] = None,
                 unit: Optional[str] = None, year: Optional[int] = None,
                 project: Optional[str] = None, funding: Optional[str] = None,
                 note: Optional[str] = None, taxonomy: Optional[Taxonomy] = None,
                 commit: bool = False) -> MeasureRecord:
    """Change one record as one edit command; arguments left None stay as they are.

    Changing the measure also sets its class and unit from the taxonomy; a
    ``unit`` given must match the (new) measure's unit.
    """
    _check_measure_layer(measure_layer)
    feature = measure_layer.getFeature(fid)
    if not feature.isValid():
        raise InputError(tr("Measure record {0} does not exist.").format(fid))
    taxonomy = taxonomy or load_taxonomy(measure_layer)
    measure = taxonomy.get(measure_code if measure_code is not None
                           else _text(feature["csdm"]))
    check_unit(measure, unit, taxonomy)
    changes: Dict[str, object] = {"csdm": measure.code, "cslb": measure.measure_class,
                                  "dw": measure.unit}
    if quantity is not None:
        changes["sl"] = check_quantity(quantity)
    else:
        check_quantity(feature["sl"])
    if year is not None:
        changes["nd"] = check_year(year)
    texts = {name: value for name, value in
             (("xmmc", project), ("zjly", funding), ("bz", note)) if value is not None}
    for name, value in _check_texts(texts).items():
        changes[name] = value or None
    fields = measure_layer.fields()
    changes = {name: value for name, value in changes.items()
               if feature[name] != value}
    if changes:
        _start_editing(measure_layer)
        measure_layer.beginEditCommand(tr("Edit measure {0}").format(measure.zh))
        ok = all(measure_layer.changeAttributeValue(fid, fields.indexOf(name), value)
                 for name, value in changes.items())
        if not ok:
            measure_layer.destroyEditCommand()
            raise SwcError(tr("Cannot change measure record {0}.").format(fid))
        measure_layer.endEditCommand()
        _finish(measure_layer, commit)
    return _record(measure_layer.getFeature(fid))


def delete_measures(measure_layer: QgsVectorLayer, fids: Sequence[int],
                    commit: bool = False) -> int:
    """Delete records as one edit command; returns how many were deleted."""
    _check_measure_layer(measure_layer)
    fids = list(fids or [])
    if not fids:
        raise InputError(tr("No measure record is selected."))
    _start_editing(measure_layer)
    measure_layer.beginEditCommand(tr("Delete {0} measure records").format(len(fids)))
    if not measure_layer.deleteFeatures(fids):
        measure_layer.destroyEditCommand()
        raise SwcError(tr("Cannot delete the measure records."))
    measure_layer.endEditCommand()
    _finish(measure_layer, commit)
    return len(fids)


def set_treatment_status(gully_layer: QgsVectorLayer, feature_ids: Sequence[int],
                         status: str, commit: bool = False) -> int:
    """Set ``zlzt`` (codes.TREATMENT_STATUS) of gullies as one edit command."""
    if gully_layer is None or not gully_layer.isValid() or \
            gully_layer.fields().indexOf("zlzt") < 0:
        raise InputError(tr("Choose the collapse gully layer (it has the treatment "
                            "status field zlzt)."))
    status = _text(status)
    if status not in codes.TREATMENT_STATUS:
        raise InputError(tr("Unknown treatment status {0}.").format(status))
    feature_ids = list(feature_ids or [])
    if not feature_ids:
        raise InputError(tr("Nothing is selected in {0}: select the gullies.")
                         .format(gully_layer.name()))
    index = gully_layer.fields().indexOf("zlzt")
    _start_editing(gully_layer)
    gully_layer.beginEditCommand(tr("Set treatment status to {0}")
                                 .format(codes.TREATMENT_STATUS.label(status)))
    if not all(gully_layer.changeAttributeValue(fid, index, status)
               for fid in feature_ids):
        gully_layer.destroyEditCommand()
        raise SwcError(tr("Cannot change the treatment status."))
    gully_layer.endEditCommand()
    _finish(gully_layer, commit)
    return len(feature_ids)


# --------------------------------------------------------------------------
# Summary
# --------------------------------------------------------------------------

@dataclass
class MeasureTotal:
    """Sum of one measure (in one unit) over a group of records."""

    csdm: str
    csmc: str
    cslb: str
    dw: str
    quantity: float = 0.0
    records: int = 0


@dataclass
class TreatedTotals:
    """Distinct treated features of a group (a township, a year, the county)."""

    records: int = 0
    treated_features: int = 0
    treated_area_hm2: float = 0.0
    treated_gullies: int = 0


@dataclass
class SummaryRow:
    """Quantity of one measure in one township and year (the finest grouping)."""

    xzqdm: str
    xzqmc: str
    nd: int
    csdm: str
    csmc: str
    cslb: str
    dw: str
    quantity: float
    records: int


@dataclass
class MeasureSummary:
    """Result of ``measure_summary``; all areas in hm², quantities in their unit."""

    year_from: int
    year_to: int
    rows: List[SummaryRow] = field(default_factory=list)
    by_measure: Dict[Tuple[str, str], MeasureTotal] = field(default_factory=dict)
    by_township: Dict[str, TreatedTotals] = field(default_factory=dict)
    by_year: Dict[int, TreatedTotals] = field(default_factory=dict)
    township_names: Dict[str, str] = field(default_factory=dict)
    total: TreatedTotals = field(default_factory=TreatedTotals)
    #: Records whose target feature was not found (layer or uuid missing).
    unresolved_records: int = 0
    #: Target layer keys that could not be opened.
    unresolved_layers: List[str] = field(default_factory=list)
    target_area_km2: float = 0.0
    target_gullies: int = 0

    @property
    def treated_area_km2(self) -> float:
        return self.total.treated_area_hm2 / 100.0

    def area_progress_percent(self) -> Optional[float]:
        if not self.target_area_km2:
            return None
        return 100.0 * self.treated_area_km2 / self.target_area_km2

    def gully_progress_percent(self) -> Optional[float]:
        if not self.target_gullies:
            return None
        return 100.0 * self.total.treated_gullies / self.target_gullies


def measure_summary(measures: QgsVectorLayer, townships: Optional[QgsVectorLayer],
                    year_from: int, year_to: int,
                    feedback: Optional[QgsFeedback] = None, *,
                    targets: Optional[Mapping[str, QgsVectorLayer]] = None,
                    area_method: int = PLANIMETRIC) -> MeasureSummary:
    """Totals of the measures built in ``year_from``..``year_to`` (inclusive).

    ``measures`` is a measure table (its unsaved edits count); ``townships`` the
    township polygons (names, and the township of a target with no ``xzqdm``);
    None means the workspace's own township table, if any.  A target layer key
    (``mbtc``) is opened from the measure table's workspace; ``targets`` maps
    the keys the workspace lacks (layers the user added) to their layers.

    Definitions (they feed the county targets 120 km² treated, 800 gullies):

    * ``rows``/``by_measure``: sum of ``sl`` and record count per measure and
      unit, per (township, year, measure) and per measure over the period.
    * A target feature is *treated* once it has ANY measure record in the
      period, whatever the measure or its unit.
    * *Treated area* is the sum of the areas (``core.area``, hm²) of the
      DISTINCT treated features of polygon layers: a feature covered by
      several measures, or tagged in several years, counts once.  Overlaps
      between different features are not dissolved.
    * *Treated gullies* are the distinct treated features of the ``benggang``
      table (whatever their ``zlzt`` status says).
    * ``by_township``: a record counts in its own ``xzqdm``; a treated feature
      counts in its township (its ``xzqdm`` field, else its records' township,
      else the township with the largest overlap).
    * ``by_year``: records in their year; a treated feature counts in the
      FIRST year it got a measure in the period (newly treated that year).
    * Records whose target is not found count in the measure totals but not in
      the treated figures; they are reported in ``unresolved_records``.
    """
    from .settings import setting

    _check_measure_layer(measures)
    year_from, year_to = check_year(year_from), check_year(year_to)
    if year_from > year_to:
        raise InputError(tr("The first year {0} is after the last year {1}.")
                         .format(year_from, year_to))
    summary = MeasureSummary(year_from, year_to,
                             target_area_km2=float(setting("targets/treated_area_km2")),
                             target_gullies=int(setting("targets/treated_benggang")))
    taxonomy = load_taxonomy(measures)
    if townships is None:
        townships = sibling_layer(measures, TOWNSHIP.name)
    names = {code: township.xzqmc for code, township in TOWNSHIPS_BY_CODE.items()}

    request = QgsFeatureRequest().setFilterExpression(
        '"nd" >= {0} AND "nd" <= {1}'.format(year_from, year_to))
    records = read_measures(measures, request)
    if feedback is not None:
        feedback.setProgress(10.0)

    rows: Dict[Tuple[str, int, str, str], SummaryRow] = {}
    by_target: Dict[Tuple[str, str], List[MeasureRecord]] = defaultdict(list)
    for record in records:
        measure = taxonomy.measures.get(record.csdm)
        name = measure.zh if measure else record.csdm
        measure_class = record.cslb or (measure.measure_class if measure else "")
        row = rows.get((record.xzqdm, record.nd, record.csdm, record.dw))
        if row is None:
            row = rows[(record.xzqdm, record.nd, record.csdm, record.dw)] = SummaryRow(
                record.xzqdm, "", record.nd, record.csdm, name, measure_class,
                record.dw, 0.0, 0)
        row.quantity += record.sl
        row.records += 1
        total = summary.by_measure.get((record.csdm, record.dw))
        if total is None:
            total = summary.by_measure[(record.csdm, record.dw)] = MeasureTotal(
                record.csdm, name, measure_class, record.dw)
        total.quantity += record.sl
        total.records += 1
        _totals(summary.by_township, record.xzqdm).records += 1
        _totals(summary.by_year, record.nd).records += 1
        summary.total.records += 1
        if record.mbtc and record.mbid:
            by_target[(record.mbtc, record.mbid)].append(record)
        else:
            summary.unresolved_records += 1

    _count_treated(summary, by_target, measures, townships, targets or {},
                   area_method, feedback)

    locator_names = TownshipLocator(townships).names if townships is not None else {}
    names.update({code: name for code, name in locator_names.items() if name})
    summary.township_names = names
    for row in rows.values():
        row.xzqmc = names.get(row.xzqdm, "")
    order = list(taxonomy.measures)
    summary.rows = sorted(rows.values(), key=lambda r: (
        r.xzqdm, r.nd, order.index(r.csdm) if r.csdm in order else len(order), r.csdm,
        r.dw))
    summary.by_measure = dict(sorted(summary.by_measure.items(), key=lambda item: (
        order.index(item[0][0]) if item[0][0] in order else len(order), item[0])))
    summary.by_township = dict(sorted(summary.by_township.items()))
    summary.by_year = dict(sorted(summary.by_year.items()))
    if feedback is not None:
        feedback.setProgress(100.0)
    return summary


def _totals(groups: Dict, key) -> TreatedTotals:
    totals = groups.get(key)
    if totals is None:
        totals = groups[key] = TreatedTotals()
    return totals


def _count_treated(summary: MeasureSummary,
                   by_target: Dict[Tuple[str, str], List[MeasureRecord]],
                   measures: QgsVectorLayer, townships: Optional[QgsVectorLayer],
                   targets: Mapping[str, QgsVectorLayer], area_method: int,
                   feedback: Optional[QgsFeedback]) -> None:
    """Fill the treated figures: each distinct target feature once."""
    wanted: Dict[str, List[str]] = defaultdict(list)
    for key, uuid in by_target:
        wanted[key].append(uuid)
    done = 0
    for key in sorted(wanted):
        layer = sibling_layer(measures, key) or targets.get(key)
        uuids = wanted[key]
        if layer is None or layer.fields().indexOf(UUID_FIELD) < 0:
            summary.unresolved_layers.append(key)
            summary.unresolved_records += sum(len(by_target[(key, u)]) for u in uuids)
            continue
        polygonal = layer.geometryType() == QgsWkbTypes.PolygonGeometry
        measurer = AreaMeasurer(layer.crs(), area_method, layer.transformContext())
        locator = None
        has_xzqdm = layer.fields().indexOf("xzqdm") >= 0
        found = set()
        for start in range(0, len(uuids), _IN_CHUNK):
            if feedback is not None and feedback.isCanceled():
                raise SwcError(tr("Canceled."))
            chunk = uuids[start:start + _IN_CHUNK]
            request = QgsFeatureRequest().setFilterExpression('"uuid" IN ({0})'.format(
                ", ".join(_quote(uuid) for uuid in chunk)))
            for feature in layer.getFeatures(request):
                uuid = _text(feature[UUID_FIELD])
                if uuid in found or (key, uuid) not in by_target:
                    continue
                found.add(uuid)
                records = by_target[(key, uuid)]
                township = _text(feature["xzqdm"]) if has_xzqdm else ""
                if not township:
                    common = Counter(r.xzqdm for r in records if r.xzqdm).most_common(1)
                    township = common[0][0] if common else ""
                if not township:
                    if locator is None:
                        locator = TownshipLocator(townships, layer.crs(),
                                                  layer.transformContext())
                    township = locator.locate(feature.geometry())
                area = m2_to_hm2(measurer.area_m2(feature.geometry())) if polygonal \
                    else 0.0
                gully = 1 if key == GULLY_LAYER else 0
                first_year = min(r.nd for r in records)
                for totals in (summary.total, _totals(summary.by_township, township),
                               _totals(summary.by_year, first_year)):
                    totals.treated_features += 1
                    totals.treated_area_hm2 += area
                    totals.treated_gullies += gully
            done += len(chunk)
            if feedback is not None:
                feedback.setProgress(10.0 + 85.0 * done / max(1, len(by_target)))
        for uuid in uuids:
            if uuid not in found:
                summary.unresolved_records += len(by_target[(key, uuid)])


def summary_table(summary: MeasureSummary, county_code: str = "360732"
                  ) -> List[Dict[str, object]]:
    """The summary as flat rows (Processing OUTPUT, CSV, dock table).

    Column ``lx`` (row kind): ``measure`` = one measure in one township and
    year; ``township`` = a township over the period; ``year`` = the county in
    one year; ``county`` = the county over the period (``xzqdm`` = county code).
    Treated columns (``zltb`` features, ``zlmj`` hm², ``zlbg`` gullies) are
    filled on township/year/county rows only.
    """
    table: List[Dict[str, object]] = []
    for row in summary.rows:
        table.append({"lx": "measure", "xzqdm": row.xzqdm, "xzqmc": row.xzqmc,
                      "nd": row.nd, "cslb": row.cslb, "csdm": row.csdm,
                      "csmc": row.csmc, "dw": row.dw, "sl": row.quantity,
                      "jls": row.records, "zltb": None, "zlmj": None, "zlbg": None})

    def treated(kind: str, code: str, name: str, year, totals: TreatedTotals) -> Dict:
        return {"lx": kind, "xzqdm": code, "xzqmc": name, "nd": year, "cslb": None,
                "csdm": None, "csmc": None, "dw": None, "sl": None,
                "jls": totals.records, "zltb": totals.treated_features,
                "zlmj": round(totals.treated_area_hm2, 4),
                "zlbg": totals.treated_gullies}

    for code, totals in summary.by_township.items():
        table.append(treated("township", code, summary.township_names.get(code, ""),
                             None, totals))
    for year, totals in summary.by_year.items():
        table.append(treated("year", county_code, "", year, totals))
    table.append(treated("county", county_code, "", None, summary.total))
    return table


SUMMARY_COLUMNS: Tuple[Tuple[str, str], ...] = (
    ("lx", "text"), ("xzqdm", "text"), ("xzqmc", "text"), ("nd", "int"),
    ("cslb", "text"), ("csdm", "text"), ("csmc", "text"), ("dw", "text"),
    ("sl", "real"), ("jls", "int"), ("zltb", "int"), ("zlmj", "real"), ("zlbg", "int"),
)


__all__ = [
    "GULLY_LAYER", "MeasureRecord", "MeasureSummary", "MeasureTotal", "SUMMARY_COLUMNS",
    "SummaryRow", "Taxonomy", "TownshipLocator", "TreatedTotals", "YEAR_MAX", "YEAR_MIN",
    "check_quantity", "check_unit", "check_year", "delete_measures", "edit_measure",
    "layer_key", "load_taxonomy", "measure_summary", "measures_of_features",
    "read_measures", "set_treatment_status", "sibling_layer", "summary_table",
    "tag_features",
]
