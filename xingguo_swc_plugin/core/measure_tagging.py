"""Writing measure records and gully treatment status: each write is ONE edit
command (undoable); the layers stay in edit mode unless ``commit=True``.
Everything is checked before anything is written."""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeedback,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QUuid

from ..domain import codes
from ..domain.units import m2_to_hm2
from ..translation import tr
from .area import PLANIMETRIC, AreaMeasurer
from .errors import CanceledError, InputError, SwcError
from .measure_checks import check_quantity, check_texts, check_unit, check_year
from .measure_records import (
    MeasureRecord,
    check_measure_layer,
    layer_key,
    record_of,
    records_by_uuid,
    sibling_layer,
    text_value,
)
from .measure_taxonomy import Taxonomy, load_taxonomy
from .township_locator import TownshipLocator, feature_township
from .workspace.schema import MEASURE, TOWNSHIP, UUID_FIELD

#: Code of 已治理 in codes.TREATMENT_STATUS.
TREATED = "2"


def _start_editing(layer: QgsVectorLayer) -> None:
    if not layer.isEditable() and not layer.startEditing():
        raise SwcError(tr("Layer {0} cannot be edited.").format(layer.name()))


def _finish(layer: QgsVectorLayer, commit: bool) -> None:
    if commit and not layer.commitChanges():
        errors = "; ".join(layer.commitErrors())
        layer.rollBack()
        raise SwcError(tr("Cannot save {0}: {1}").format(layer.name(), errors))


def tag_features(
    measure_layer: QgsVectorLayer,
    target_layer: QgsVectorLayer,
    feature_ids: Sequence[int],
    measure_code: str,
    quantity: Optional[float],
    year: int,
    project: str = "",
    funding: str = "",
    feedback: Optional[QgsFeedback] = None,
    *,
    unit: Optional[str] = None,
    note: str = "",
    townships: Optional[QgsVectorLayer] = None,
    taxonomy: Optional[Taxonomy] = None,
    area_method: int = PLANIMETRIC,
    commit: bool = False,
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
    check_measure_layer(measure_layer)
    if target_layer is None or not target_layer.isValid():
        raise InputError(tr("No layer to tag: choose a layer and select features."))
    feature_ids = list(feature_ids or [])
    if not feature_ids:
        raise InputError(
            tr("Nothing is selected in {0}: select the features to tag.").format(
                target_layer.name()
            )
        )
    taxonomy = taxonomy or load_taxonomy(measure_layer)
    measure = taxonomy.get(text_value(measure_code))
    check_unit(measure, unit, taxonomy)
    year = check_year(year)
    if quantity is not None:
        quantity = check_quantity(quantity)
    elif not measure.is_area:
        raise InputError(
            tr("Type the quantity of {0} in {1}.").format(
                measure.zh, codes.MEASURE_UNIT.label(measure.unit, measure.unit)
            )
        )
    elif target_layer.geometryType() != QgsWkbTypes.PolygonGeometry:
        raise InputError(
            tr("{0} has no areas: type the quantity of {1} in hm².").format(
                target_layer.name(), measure.zh
            )
        )
    texts = check_texts({"xmmc": project, "zjly": funding, "bz": note})

    key = layer_key(target_layer)
    if len(key) > MEASURE.field("mbtc").length:
        raise InputError(tr("The layer name {0} is too long to link measures.").format(key))
    if target_layer.fields().indexOf(UUID_FIELD) < 0:
        raise InputError(
            tr("Layer {0} has no uuid field: its features cannot carry measures.").format(
                target_layer.name()
            )
        )
    if townships is None:
        townships = sibling_layer(measure_layer, TOWNSHIP.name)
    locator = TownshipLocator(townships, target_layer.crs(), target_layer.transformContext())
    measurer = AreaMeasurer(target_layer.crs(), area_method, target_layer.transformContext())
    has_xzqdm = target_layer.fields().indexOf("xzqdm") >= 0

    features = {
        feature.id(): feature
        for feature in target_layer.getFeatures(QgsFeatureRequest().setFilterFids(feature_ids))
    }
    missing = [fid for fid in feature_ids if fid not in features]
    if missing:
        raise InputError(
            tr("{0} selected features no longer exist in {1}.").format(
                len(missing), target_layer.name()
            )
        )
    new_features: List[QgsFeature] = []
    for position, fid in enumerate(feature_ids):
        if feedback is not None and feedback.isCanceled():
            raise CanceledError()
        feature = features[fid]
        target_uuid = text_value(feature[UUID_FIELD])
        if not target_uuid:
            raise InputError(
                tr("Feature {0} of {1} has no uuid: save the layer or fill its uuid first.").format(
                    fid, target_layer.name()
                )
            )
        amount = quantity
        if amount is None:
            amount = round(m2_to_hm2(measurer.area_m2(feature.geometry())), 4)
            if not amount > 0:
                raise InputError(
                    tr("Feature {0} of {1} has no area: type the quantity.").format(
                        fid, target_layer.name()
                    )
                )
        record = QgsFeature(measure_layer.fields())
        values = {
            "uuid": QUuid.createUuid().toString()[1:-1],
            "cslb": measure.measure_class,
            "csdm": measure.code,
            "sl": amount,
            "dw": measure.unit,
            "nd": year,
            "xmmc": texts["xmmc"] or None,
            "zjly": texts["zjly"] or None,
            "mbtc": key,
            "mbid": target_uuid,
            "xzqdm": feature_township(feature, has_xzqdm, locator) or None,
            "bz": texts["bz"] or None,
        }
        for name, value in values.items():
            record.setAttribute(name, value)
        new_features.append(record)
        if feedback is not None:
            feedback.setProgress(90.0 * (position + 1) / len(feature_ids))

    _start_editing(measure_layer)
    measure_layer.beginEditCommand(
        tr("Tag {0} features with {1}").format(len(new_features), measure.zh)
    )
    if not measure_layer.addFeatures(new_features):
        measure_layer.destroyEditCommand()
        raise SwcError(tr("Cannot add the measure records to {0}.").format(measure_layer.name()))
    measure_layer.endEditCommand()
    position = {feature["uuid"]: index for index, feature in enumerate(new_features)}
    _finish(measure_layer, commit)
    if feedback is not None:
        feedback.setProgress(100.0)
    if commit:
        records = records_by_uuid(measure_layer, list(position))
    else:  # straight from the edit buffer: filtering a large buffer is slow
        records = [
            record_of(feature)
            for feature in measure_layer.editBuffer().addedFeatures().values()
            if feature["uuid"] in position
        ]
    return sorted(records, key=lambda r: position[r.uuid])


def edit_measure(
    measure_layer: QgsVectorLayer,
    fid: int,
    *,
    measure_code: Optional[str] = None,
    quantity: Optional[float] = None,
    unit: Optional[str] = None,
    year: Optional[int] = None,
    project: Optional[str] = None,
    funding: Optional[str] = None,
    note: Optional[str] = None,
    taxonomy: Optional[Taxonomy] = None,
    commit: bool = False,
) -> MeasureRecord:
    """Change one record as one edit command; arguments left None stay as they are.

    Changing the measure also sets its class and unit from the taxonomy; a
    ``unit`` given must match the (new) measure's unit.
    """
    check_measure_layer(measure_layer)
    feature = measure_layer.getFeature(fid)
    if not feature.isValid():
        raise InputError(tr("Measure record {0} does not exist.").format(fid))
    taxonomy = taxonomy or load_taxonomy(measure_layer)
    measure = taxonomy.get(
        measure_code if measure_code is not None else text_value(feature["csdm"])
    )
    check_unit(measure, unit, taxonomy)
    changes: Dict[str, object] = {
        "csdm": measure.code,
        "cslb": measure.measure_class,
        "dw": measure.unit,
    }
    if quantity is not None:
        changes["sl"] = check_quantity(quantity)
    else:
        check_quantity(feature["sl"])
    if year is not None:
        changes["nd"] = check_year(year)
    texts = {
        name: value
        for name, value in (("xmmc", project), ("zjly", funding), ("bz", note))
        if value is not None
    }
    for name, value in check_texts(texts).items():
        changes[name] = value or None
    fields = measure_layer.fields()
    changes = {name: value for name, value in changes.items() if feature[name] != value}
    if changes:
        _start_editing(measure_layer)
        measure_layer.beginEditCommand(tr("Edit measure {0}").format(measure.zh))
        ok = all(
            measure_layer.changeAttributeValue(fid, fields.indexOf(name), value)
            for name, value in changes.items()
        )
        if not ok:
            measure_layer.destroyEditCommand()
            raise SwcError(tr("Cannot change measure record {0}.").format(fid))
        measure_layer.endEditCommand()
        _finish(measure_layer, commit)
    return record_of(measure_layer.getFeature(fid))


def delete_measures(
    measure_layer: QgsVectorLayer, fids: Sequence[int], commit: bool = False
) -> int:
    """Delete records as one edit command; returns how many were deleted."""
    check_measure_layer(measure_layer)
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


def set_treatment_status(
    gully_layer: QgsVectorLayer,
    feature_ids: Sequence[int],
    status: str,
    commit: bool = False,
    *,
    year: Optional[int] = None,
) -> int:
    """Set ``zlzt`` (codes.TREATMENT_STATUS) of gullies as one edit command.

    已治理 ('2') needs the completion ``year`` (written to ``zlnd``): plan
    progress counts a treated gully only in the window holding that year.  Any
    other status clears ``zlnd``.
    """
    if gully_layer is None or not gully_layer.isValid() or gully_layer.fields().indexOf("zlzt") < 0:
        raise InputError(
            tr("Choose the collapse gully layer (it has the treatment status field zlzt).")
        )
    status = text_value(status)
    if status not in codes.TREATMENT_STATUS:
        raise InputError(tr("Unknown treatment status {0}.").format(status))
    feature_ids = list(feature_ids or [])
    if not feature_ids:
        raise InputError(
            tr("Nothing is selected in {0}: select the gullies.").format(gully_layer.name())
        )
    index = gully_layer.fields().indexOf("zlzt")
    year_index = gully_layer.fields().indexOf("zlnd")
    if status == TREATED:
        if year_index < 0:
            raise InputError(
                tr(
                    "The gully layer {0} has no completion year field zlnd: "
                    "open it as a workspace table (the upgrade adds it)."
                ).format(gully_layer.name())
            )
        if year is None:
            raise InputError(tr("Give the year the treatment was completed."))
        year = check_year(year)
    changes = {index: status}
    if year_index >= 0:
        changes[year_index] = year if status == TREATED else None
    _start_editing(gully_layer)
    gully_layer.beginEditCommand(
        tr("Set treatment status to {0}").format(codes.TREATMENT_STATUS.label(status))
    )
    if not all(
        gully_layer.changeAttributeValue(fid, field_index, value)
        for fid in feature_ids
        for field_index, value in changes.items()
    ):
        gully_layer.destroyEditCommand()
        raise SwcError(tr("Cannot change the treatment status."))
    gully_layer.endEditCommand()
    _finish(gully_layer, commit)
    return len(feature_ids)


__all__ = ["TREATED", "delete_measures", "edit_measure", "set_treatment_status", "tag_features"]
