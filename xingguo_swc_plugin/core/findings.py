"""The workspace ``finding`` table: validation results and their 查-认-改-罚 case.

A finding is identified across runs by its parcel ID (``tbbh``) and rule (``gz``):
re-running the validation refreshes geometry, area and message of a finding
that is still there and keeps its case status, handler, note and history.  A
finding that is no longer detected is deleted only if nobody has acted on it
(still 待核查 with no step taken); otherwise it stays, with a history entry
saying it was no longer detected.  Only parcels inside the run's scope are
touched, so validating one township leaves the other townships' cases alone.

The case moves 待核查 → 已认定 → 已整改 → 已处罚 / 已销号, or 已认定 → 已处罚
(``codes.CASE_TRANSITIONS``); a false alarm can be closed straight from 待核查 and a
penalised case closed afterwards.  Every step appends {from, to, who, when, note} to ``lsjl`` (JSON).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeedback,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDateTime, Qt

from ..domain import codes
from ..translation import tr
from .errors import InputError, SwcError, WorkspaceError
from .validation import RULES, Finding
from .workspace import Workspace, open_workspace

TABLE = "finding"
FOUND, IDENTIFIED, RECTIFIED, PENALISED, CLOSED = "1", "2", "3", "4", "5"
#: Allowed next statuses of each status (codes of ``codes.CASE_STATUS``).
TRANSITIONS: Dict[str, Tuple[str, ...]] = codes.CASE_TRANSITIONS
#: History event of a finding the latest run no longer detected.
NOT_DETECTED = "not_detected"


@dataclass
class StoreResult:
    """What a store did: rows added, refreshed (status kept), deleted, kept stale."""

    added: int = 0
    kept: int = 0
    removed: int = 0
    stale: int = 0


def now_text() -> str:
    return QDateTime.currentDateTime().toString(Qt.DateFormat.ISODate)


def history(value: object) -> List[dict]:
    """The ``lsjl`` history as a list (empty for NULL or unreadable text)."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return []
    try:
        items = json.loads(str(value))
    except ValueError:
        return []
    return items if isinstance(items, list) else []


def _dump(items: List[dict]) -> str:
    return json.dumps(items, ensure_ascii=False)


def _workspace(workspace) -> Workspace:
    return workspace if isinstance(workspace, Workspace) else open_workspace(str(workspace))


def _text(value: object) -> str:
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    return str(value)


def store_findings(workspace, findings: Sequence[Finding],
                   crs: QgsCoordinateReferenceSystem,
                   scope: Optional[Iterable[str]] = None, who: str = "",
                   feedback: Optional[QgsFeedback] = None) -> StoreResult:
    """Merge a validation run into the workspace ``finding`` table.

    ``crs`` is the CRS of the findings' geometry (the parcels' CRS); ``scope`` the
    parcel IDs the run covered (None: every parcel of the table).
    """
    layer = _workspace(workspace).layer(TABLE)
    provider = layer.dataProvider()
    fields = layer.fields()
    transform = None
    if crs.isValid() and crs != layer.crs():
        transform = QgsCoordinateTransform(crs, layer.crs(), QgsProject.instance())
    scope_ids = None if scope is None else set(scope)

    existing: Dict[Tuple[str, str], List[QgsFeature]] = {}
    for feature in layer.getFeatures():
        existing.setdefault((_text(feature["tbbh"]), _text(feature["gz"])),
                            []).append(feature)
    for rows in existing.values():
        rows.sort(key=lambda feature: feature.id())

    result = StoreResult()
    stamp = now_text()
    used = set()
    new_features: List[QgsFeature] = []
    attribute_changes: Dict[int, Dict[int, object]] = {}
    geometry_changes: Dict[int, QgsGeometry] = {}
    occurrence: Dict[Tuple[str, str], int] = {}
    for position, finding in enumerate(findings):
        if feedback is not None:
            if feedback.isCanceled():
                raise SwcError(tr("Canceled."))
            if position % 200 == 0:
                feedback.setProgress(80.0 * position / max(len(findings), 1))
        geometry = QgsGeometry(finding.geometry) if finding.geometry is not None \
            else QgsGeometry()
        if transform is not None and not geometry.isNull():
            geometry.transform(transform)
        values = {
            "hgx": RULES.get(finding.rule, (None,))[0],
            "yzcd": finding.severity,
            "xx": finding.message[:254],
            "mj": round(finding.area_m2, 3),
            "xzqdm": finding.township or None,
        }
        key = finding.key
        number = occurrence.get(key, 0)
        occurrence[key] = number + 1
        matches = existing.get(key, [])
        if number < len(matches):
            feature = matches[number]
            used.add(feature.id())
            attribute_changes[feature.id()] = {fields.indexOf(name): value
                                               for name, value in values.items()}
            geometry_changes[feature.id()] = geometry
            result.kept += 1
            continue
        feature = QgsFeature(fields)
        feature.setAttribute("uuid", _uuid())
        feature.setAttribute("tbbh", finding.parcel_id)
        feature.setAttribute("gz", finding.rule)
        for name, value in values.items():
            feature.setAttribute(name, value)
        feature.setAttribute("zt", FOUND)
        feature.setAttribute("czr", who or None)
        feature.setAttribute("czsj", QDateTime.currentDateTime())
        feature.setAttribute("lsjl", _dump([{"from": None, "to": FOUND, "who": who,
                                             "when": stamp,
                                             "note": tr("found by validation")}]))
        feature.setGeometry(geometry)
        new_features.append(feature)

    removals: List[int] = []
    history_index = fields.indexOf("lsjl")
    for rows in existing.values():
        for feature in rows:
            if feature.id() in used:
                continue
            if scope_ids is not None and _text(feature["tbbh"]) not in scope_ids:
                continue
            steps = history(feature["lsjl"])
            if _text(feature["zt"]) == FOUND and all(step.get("from") is None
                                                     for step in steps):
                removals.append(feature.id())
                continue
            if not steps or steps[-1].get("event") != NOT_DETECTED:
                steps.append({"event": NOT_DETECTED, "who": who, "when": stamp,
                              "note": tr("no longer detected by validation")})
                attribute_changes[feature.id()] = {history_index: _dump(steps)}
            result.stale += 1

    ok = True
    if new_features:
        ok = provider.addFeatures(new_features)[0] and ok
    if attribute_changes:
        ok = provider.changeAttributeValues(attribute_changes) and ok
    if geometry_changes:
        ok = provider.changeGeometryValues(geometry_changes) and ok
    if removals:
        ok = provider.deleteFeatures(removals) and ok
    if not ok:
        raise WorkspaceError(tr("Cannot write the findings into {0}: {1}")
                             .format(layer.source(), "; ".join(provider.errors())))
    result.added = len(new_features)
    result.removed = len(removals)
    if feedback is not None:
        feedback.setProgress(100.0)
    return result


def _uuid() -> str:
    from qgis.PyQt.QtCore import QUuid
    return QUuid.createUuid().toString(QUuid.StringFormat.WithoutBraces)


def allowed_statuses(status: str) -> Tuple[str, ...]:
    return TRANSITIONS.get(status, ())


def set_status(layer: QgsVectorLayer, fids: Iterable[int], status: str, who: str,
               note: str = "", when: Optional[QDateTime] = None) -> int:
    """Move findings to ``status`` with who/when/note; returns how many changed.

    On a layer in edit mode the change is one undoable edit command (the user
    saves it); otherwise it is written to the table at once.  Raises InputError
    when a finding cannot move to ``status`` (nothing changed then).
    """
    if status not in codes.CASE_STATUS:
        raise InputError(tr("Unknown case status {0}.").format(status))
    if not who.strip():
        raise InputError(tr("Say who handles the case."))
    when = when or QDateTime.currentDateTime()
    stamp = when.toString(Qt.DateFormat.ISODate)
    fields = layer.fields()
    index = {name: fields.indexOf(name) for name in ("zt", "czr", "czsj", "clyj", "lsjl")}
    changes: Dict[int, Dict[int, object]] = {}
    refused: List[str] = []
    request = QgsFeatureRequest().setFilterFids(list(fids))
    for feature in layer.getFeatures(request):
        current = _text(feature["zt"]) or FOUND
        if status not in TRANSITIONS.get(current, ()):
            refused.append(tr("{0} ({1}): {2} → {3}").format(
                _text(feature["tbbh"]), _text(feature["gz"]),
                codes.CASE_STATUS.label(current), codes.CASE_STATUS.label(status)))
            continue
        steps = history(feature["lsjl"])
        steps.append({"from": current, "to": status, "who": who, "when": stamp,
                      "note": note})
        changes[feature.id()] = {index["zt"]: status, index["czr"]: who,
                                 index["czsj"]: when, index["clyj"]: note or None,
                                 index["lsjl"]: _dump(steps)}
    if refused:
        raise InputError(tr("Not an allowed step: {0}.").format("; ".join(refused)))
    if not changes:
        return 0
    if layer.isEditable():
        layer.beginEditCommand(tr("Set case status"))
        for fid, values in changes.items():
            for field_index, value in values.items():
                layer.changeAttributeValue(fid, field_index, value)
        layer.endEditCommand()
    elif not layer.dataProvider().changeAttributeValues(changes):
        raise WorkspaceError(tr("Cannot write the case status: {0}")
                             .format("; ".join(layer.dataProvider().errors())))
    return len(changes)


# --- export ----------------------------------------------------------------------------

def finding_rows(layer: QgsVectorLayer) -> Tuple[List[tuple], List[List[object]]]:
    """Typed header (name, QVariant type) and labelled rows of the finding table."""
    from .validation import rule_label

    from qgis.PyQt.QtCore import QVariant

    header = [(name, QVariant.Double if position == 6 else QVariant.String)
              for position, name in enumerate((
                  tr("Parcel ID"), tr("Rule"), tr("Rule name"), tr("Compliance"),
                  tr("Severity"), tr("Message"), tr("Area (m²)"), tr("Township code"),
                  tr("Case status"), tr("Handled by"), tr("Handled at"), tr("Note"),
                  tr("History (JSON)")))]
    rows = []
    for feature in layer.getFeatures():
        handled = feature["czsj"]
        rows.append([
            _text(feature["tbbh"]), _text(feature["gz"]), rule_label(_text(feature["gz"])),
            codes.COMPLIANCE.label(_text(feature["hgx"])), _text(feature["yzcd"]),
            _text(feature["xx"]),
            None if _text(feature["mj"]) == "" else float(feature["mj"]),
            _text(feature["xzqdm"]), codes.CASE_STATUS.label(_text(feature["zt"])),
            _text(feature["czr"]),
            handled.toString(Qt.DateFormat.ISODate) if isinstance(handled, QDateTime)
            else _text(handled),
            _text(feature["clyj"]), _text(feature["lsjl"])])
    rows.sort(key=lambda row: (row[1], row[0]))
    return header, rows


def export_findings(layer: QgsVectorLayer, path: str) -> str:
    """Write the findings to ``path``: .gpkg (layer with geometry, QGIS writer),
    .xlsx or .csv (labelled table through ``core.export``).  Returns the path."""
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    lower = path.lower()
    if lower.endswith(".gpkg"):
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = TABLE
        options.fileEncoding = "UTF-8"
        error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(
            layer, path, QgsCoordinateTransformContext(), options)
        if error != QgsVectorFileWriter.NoError:
            raise WorkspaceError(tr("Cannot write {0}: {1}").format(path, message))
        return path
    if lower.endswith((".xlsx", ".csv")):
        from .export import export_rows

        header, rows = finding_rows(layer)
        export_rows(path, header, rows)
        return path
    raise InputError(tr("Export to .gpkg, .xlsx or .csv, not {0}.").format(path))
