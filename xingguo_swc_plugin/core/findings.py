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
penalised case closed afterwards.  Every step appends {from, to, who, when, note} to
``lsjl`` (JSON).

Both backends (GeoPackage, PostGIS) run the same SQL through
``WorkspaceBase.transaction``: a merge holds the table's write lock from its read
to its last write (two runs at once cannot both insert the same finding); a case
step updates only its rows, each only if the row version ``bbh`` is still the
one read (two inspectors: the second save of the same finding is refused with
who changed it and when; different findings save side by side).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsFeedback,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDateTime, Qt

from ..domain import codes
from ..qgis_compat import FieldType
from ..translation import tr
from .errors import CanceledError, InputError, WorkspaceError
from .results import Finding
from .rules import RULES
from .workspace.open import workspace_of

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


def _text(value: object) -> str:
    if value is None:
        return ""
    if type(value) is str:  # the common case (SQL rows): no attribute probing
        return value
    if hasattr(value, "isNull") and value.isNull():
        return ""
    return str(value)


def _when_text(value: object) -> str:
    """A stored time as ``yyyy-MM-dd HH:mm:ss`` whatever the backend returned."""
    if type(value) is str:
        return value.replace("T", " ")[:19]
    if isinstance(value, QDateTime):
        return value.toString("yyyy-MM-dd HH:mm:ss")
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return _text(value).replace("T", " ")[:19]


def _stamp(when: QDateTime, backend: str) -> str:
    """What is written into ``czsj``: GeoPackage's conformant UTC text, or the local
    time a PostgreSQL ``timestamp`` column holds (as QGIS writes each)."""
    if backend == "gpkg":
        return when.toUTC().toString("yyyy-MM-ddTHH:mm:ss.zzzZ")
    return when.toString("yyyy-MM-ddTHH:mm:ss")


class ConflictError(WorkspaceError):
    """Another user saved the same finding since this session read it."""


# --- reading --------------------------------------------------------------------------

#: Columns of ``FindingRow``, in order (no geometry: the fast list for the docks).
ROW_COLUMNS = (
    "fid",
    "uuid",
    "tbbh",
    "gz",
    "hgx",
    "yzcd",
    "xx",
    "mj",
    "xzqdm",
    "zt",
    "czr",
    "czsj",
    "clyj",
    "lsjl",
    "bbh",
)


@dataclass
class FindingRow:
    """One row of the finding table as stored (no geometry); ``version`` is ``bbh``."""

    fid: int
    uuid: str
    parcel_id: str
    rule: str
    compliance: str
    severity: str
    message: str
    area_m2: Optional[float]
    township: str
    status: str
    handler: str
    handled_at: str
    note: str
    history_json: str
    version: int

    @property
    def key(self) -> Tuple[str, str]:
        return (self.parcel_id, self.rule)

    def history(self) -> List[dict]:
        return history(self.history_json)


def _row(values: Sequence[object]) -> FindingRow:
    (fid, uuid, tbbh, gz, hgx, yzcd, xx, mj, xzqdm, zt, czr, czsj, clyj, lsjl, bbh) = values
    return FindingRow(
        int(fid),
        _text(uuid),
        _text(tbbh),
        _text(gz),
        _text(hgx),
        _text(yzcd),
        _text(xx),
        None if mj is None else float(mj),
        _text(xzqdm),
        _text(zt) or FOUND,
        _text(czr),
        _when_text(czsj) if czsj is not None else "",
        _text(clyj),
        _text(lsjl),
        int(bbh or 0),
    )


def row_of_feature(feature) -> FindingRow:
    """A ``FindingRow`` of a finding layer's feature (its edit buffer included): what
    a dock shows for rows changed since ``load_findings``."""
    values: List[object] = [feature.id()]
    for name in ROW_COLUMNS[1:]:
        value = feature[name] if feature.fieldNameIndex(name) >= 0 else None
        values.append(
            None
            if hasattr(value, "isNull") and not isinstance(value, QDateTime) and value.isNull()
            else value
        )
    return _row(values)


@dataclass
class HistoryStep:
    """One readable step of a finding's history (labels, not codes); an event
    without a status change (no longer detected) has empty from/to labels."""

    when: str
    who: str
    from_label: str
    to_label: str
    note: str
    event: str = ""

    def change(self) -> str:
        """ "待核查 → 已认定", or the event ("不再检出")."""
        if self.event:
            return self.event
        return tr("{0} → {1}").format(self.from_label, self.to_label)


def history_steps(row: FindingRow) -> List[HistoryStep]:
    """The history of ``row`` as readable steps, oldest first: time, who, from and
    to status labels, note.  The one reading of ``lsjl`` for the dock's timeline,
    the history export and the case file."""
    steps = []
    for entry in row.history():
        when, who, note = (
            _when_text(entry.get("when")),
            _text(entry.get("who")),
            _text(entry.get("note")),
        )
        if entry.get("event"):
            event = (
                tr("no longer detected")
                if entry.get("event") == NOT_DETECTED
                else _text(entry.get("event"))
            )
            steps.append(HistoryStep(when, who, "", "", note, event))
            continue
        steps.append(
            HistoryStep(
                when,
                who,
                codes.CASE_STATUS.label(_text(entry.get("from")), "—"),
                codes.CASE_STATUS.label(_text(entry.get("to")), _text(entry.get("to"))),
                note,
            )
        )
    return steps


def _chunks(items: List[int], size: int = 500) -> Iterable[List[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _select(db, fids: Optional[Iterable[int]] = None) -> List[FindingRow]:
    text = "SELECT {0} FROM {1}".format(", ".join(ROW_COLUMNS), db.table(TABLE))
    if fids is None:
        return [_row(values) for values in db.query(text + " ORDER BY fid")]
    rows: List[FindingRow] = []
    for chunk in _chunks(sorted({int(fid) for fid in fids})):
        rows.extend(
            _row(values)
            for values in db.query(
                text + " WHERE fid IN ({0})".format(", ".join("?" * len(chunk))), chunk
            )
        )
    return rows


def load_findings(workspace, fids: Optional[Iterable[int]] = None) -> List[FindingRow]:
    """Every finding (or those of ``fids``) as rows, without geometry, in one query.

    Fast enough for 30k findings in a dock's list model; ``version`` is what a
    later ``set_status(..., seen=...)`` compares against.
    """
    with workspace_of(workspace).transaction(tr("reading the findings")) as db:
        return _select(db, fids)


# --- merging a validation run ---------------------------------------------------------


def check_unique_keys(findings: Sequence[Finding]) -> None:
    """Refuse findings of different parcels under one parcel ID (their cases would
    be mixed up: the status of one would move onto the other), naming the IDs."""
    owners: Dict[str, set] = {}
    for finding in findings:
        owner = finding.parcel_uuid or finding.parcel_fid
        if owner in ("", -1, None):
            continue
        owners.setdefault(finding.parcel_id, set()).add(owner)
    duplicated = sorted(parcel for parcel, seen in owners.items() if len(seen) > 1)
    if duplicated:
        raise InputError(
            tr(
                "Parcel ID(s) used by more than one parcel: {0}. Give every "
                "parcel its own ID before storing findings (nothing was "
                "stored)."
            ).format(", ".join(duplicated[:20]))
        )


def duplicate_parcel_ids(layer: QgsVectorLayer, id_field: str) -> List[str]:
    """Parcel IDs that more than one feature of ``layer`` carries (sorted)."""
    request = QgsFeatureRequest()
    request.setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes([id_field], layer.fields())
    seen, duplicated = set(), set()
    for feature in layer.getFeatures(request):
        value = _text(feature[id_field])
        if value in seen:
            duplicated.add(value)
        seen.add(value)
    return sorted(duplicated)


def check_unique_parcel_ids(layer: QgsVectorLayer, id_field: str) -> None:
    """Refuse a parcel layer in which two parcels share an ID (IDs named)."""
    duplicated = duplicate_parcel_ids(layer, id_field)
    if duplicated:
        raise InputError(
            tr(
                "Parcel ID(s) used by more than one parcel in {0}.{1}: {2}. "
                "Give every parcel its own ID before storing findings "
                "(nothing was stored)."
            ).format(layer.name(), id_field, ", ".join(duplicated[:20]))
        )


_INSERT_COLUMNS = (
    "uuid",
    "tbbh",
    "gz",
    "hgx",
    "yzcd",
    "xx",
    "mj",
    "xzqdm",
    "zt",
    "czr",
    "czsj",
    "lsjl",
    "bbh",
)
_VALUE_COLUMNS = ("hgx", "yzcd", "xx", "mj", "xzqdm")


def store_findings(
    workspace,
    findings: Sequence[Finding],
    crs: QgsCoordinateReferenceSystem,
    scope: Optional[Iterable[str]] = None,
    who: str = "",
    feedback: Optional[QgsFeedback] = None,
) -> StoreResult:
    """Merge a validation run into the workspace ``finding`` table.

    ``workspace``: anything ``workspace_of`` takes (path, layer, workspace).
    ``crs`` is the CRS of the findings' geometry (the parcels' CRS); ``scope`` the
    parcel IDs the run covered (None: every parcel of the table).  The merge reads
    and writes in one transaction holding the table's write lock, so two runs at
    once are serialised (the second merges into what the first wrote) and a
    failure or cancel leaves the table as it was.
    """
    check_unique_keys(findings)
    ws = workspace_of(workspace)
    target_crs = ws.crs()
    transform = None
    if crs.isValid() and target_crs.isValid() and crs != target_crs:
        transform = QgsCoordinateTransform(crs, target_crs, QgsProject.instance())
    scope_ids = None if scope is None else set(scope)
    prepared: List[Tuple[Finding, Dict[str, object], QgsGeometry]] = []
    for position, finding in enumerate(findings):
        if feedback is not None:
            if feedback.isCanceled():
                raise CanceledError()
            if position % 200 == 0:
                feedback.setProgress(60.0 * position / max(len(findings), 1))
        geometry = QgsGeometry(finding.geometry) if finding.geometry is not None else QgsGeometry()
        if transform is not None and not geometry.isNull():
            geometry.transform(transform)
        values = {
            "hgx": RULES.get(finding.rule, (None,))[0],
            "yzcd": finding.severity,
            "xx": finding.message[:254],
            "mj": round(finding.area_m2, 3),
            "xzqdm": finding.township or None,
        }
        prepared.append((finding, values, geometry))

    result = StoreResult()
    stamp = now_text()
    written_at = _stamp(QDateTime.currentDateTime(), ws.backend)
    with ws.transaction(tr("merging the findings"), lock=TABLE) as db:
        table = db.table(TABLE)
        existing: Dict[Tuple[str, str], List[FindingRow]] = {}
        for row in _select(db):
            existing.setdefault(row.key, []).append(row)
        used = set()
        inserts: Dict[str, List[list]] = {}
        updates: Dict[str, List[list]] = {}
        occurrence: Dict[Tuple[str, str], int] = {}
        for finding, values, geometry in prepared:
            fragment, blob = db.geometry(TABLE, geometry)
            key = finding.key
            number = occurrence.get(key, 0)
            occurrence[key] = number + 1
            matches = existing.get(key, [])
            if number < len(matches):
                row = matches[number]
                used.add(row.fid)
                updates.setdefault(fragment, []).append(
                    [values[name] for name in _VALUE_COLUMNS] + [blob, row.fid]
                )
                result.kept += 1
                continue
            first = _dump(
                [
                    {
                        "from": None,
                        "to": FOUND,
                        "who": who,
                        "when": stamp,
                        "note": tr("found by validation"),
                    }
                ]
            )
            inserts.setdefault(fragment, []).append(
                [_uuid(), finding.parcel_id, finding.rule]
                + [values[name] for name in _VALUE_COLUMNS]
                + [FOUND, who or None, written_at, first, 1, blob]
            )
        stale_changes: List[list] = []
        removals: List[list] = []
        for rows in existing.values():
            for row in rows:
                if row.fid in used:
                    continue
                if scope_ids is not None and row.parcel_id not in scope_ids:
                    continue
                steps = row.history()
                if row.status == FOUND and all(step.get("from") is None for step in steps):
                    removals.append([row.fid])
                    continue
                if not steps or steps[-1].get("event") != NOT_DETECTED:
                    steps.append(
                        {
                            "event": NOT_DETECTED,
                            "who": who,
                            "when": stamp,
                            "note": tr("no longer detected by validation"),
                        }
                    )
                    stale_changes.append([_dump(steps), row.fid])
                result.stale += 1
        if feedback is not None:
            if feedback.isCanceled():
                raise CanceledError()
            feedback.setProgress(70.0)
        # the writes are the last seconds of a large run: progress moves through them
        statements = [
            (
                "UPDATE {0} SET {1}, geom = {2} WHERE fid = ?".format(
                    table, ", ".join(name + " = ?" for name in _VALUE_COLUMNS), fragment
                ),
                batch,
            )
            for fragment, batch in updates.items()
        ]
        statements += [
            (
                "INSERT INTO {0} ({1}, geom) VALUES ({2}, {3})".format(
                    table,
                    ", ".join(_INSERT_COLUMNS),
                    ", ".join("?" * len(_INSERT_COLUMNS)),
                    fragment,
                ),
                batch,
            )
            for fragment, batch in inserts.items()
        ]
        total = max(sum(len(batch) for _, batch in statements), 1)
        written = 0
        for text, batch in statements:
            for start in range(0, len(batch), 1000):
                if feedback is not None:
                    if feedback.isCanceled():
                        raise CanceledError()
                    feedback.setProgress(70.0 + 28.0 * written / total)
                db.executemany(text, batch[start : start + 1000])
                written += len(batch[start : start + 1000])
        # a history entry written by the merge is a change an inspector must not
        # overwrite unseen: it moves the row version on
        db.executemany(
            "UPDATE {0} SET lsjl = ?, bbh = coalesce(bbh, 0) + 1 WHERE fid = ?".format(table),
            stale_changes,
        )
        db.executemany("DELETE FROM {0} WHERE fid = ?".format(table), removals)
        if feedback is not None and feedback.isCanceled():
            raise CanceledError()
        result.added = sum(len(batch) for batch in inserts.values())
        result.removed = len(removals)
    if feedback is not None:
        feedback.setProgress(100.0)
    return result


def _uuid() -> str:
    from qgis.PyQt.QtCore import QUuid

    return QUuid.createUuid().toString(QUuid.StringFormat.WithoutBraces)


def allowed_statuses(status: str) -> Tuple[str, ...]:
    return TRANSITIONS.get(status, ())


# --- case steps ----------------------------------------------------------------------


def _check_step(status: str, who: str) -> None:
    if status not in codes.CASE_STATUS:
        raise InputError(tr("Unknown case status {0}.").format(status))
    if not who.strip():
        raise InputError(tr("Say who handles the case."))


def _refusal(parcel_id: str, rule: str, current: str, status: str) -> str:
    return tr("{0} ({1}): {2} → {3}").format(
        parcel_id, rule, codes.CASE_STATUS.label(current), codes.CASE_STATUS.label(status)
    )


def conflict_message(row: FindingRow) -> str:
    """Translated: who changed the finding and when (the row as stored now)."""
    return tr(
        "The finding {0} ({1}) was changed by {2} at {3} after you read it; "
        "nothing was saved. Reload the findings and apply your step again."
    ).format(
        row.parcel_id,
        row.rule,
        row.handler or tr("another user"),
        row.handled_at or tr("an unknown time"),
    )


def set_status(
    target,
    fids: Iterable[int],
    status: str,
    who: str,
    note: str = "",
    when: Optional[QDateTime] = None,
    seen: Optional[Dict[int, int]] = None,
) -> int:
    """Move findings to ``status`` with who/when/note; returns how many changed.

    ``target``: a finding layer in edit mode (the change is one undoable edit
    command; ``save_edits`` writes it) or anything ``workspace_of`` takes (written
    at once, in one transaction touching only these rows).  ``seen`` maps fid to
    the row version the caller showed the user (``FindingRow.version``): a row
    changed since is refused with ``ConflictError`` naming who changed it and when.
    Raises InputError when a finding cannot move to ``status``.  Nothing is
    changed when anything is refused.
    """
    _check_step(status, who)
    when = when or QDateTime.currentDateTime()
    fids = [int(fid) for fid in fids]
    if isinstance(target, QgsVectorLayer) and target.isEditable():
        return _set_status_in_buffer(target, fids, status, who, note, when)
    stamp = when.toString(Qt.DateFormat.ISODate)
    ws = workspace_of(target)
    with ws.transaction(tr("saving the case status")) as db:
        rows = _select(db, fids)
        refused: List[str] = []
        conflicts: List[str] = []
        batch: List[list] = []
        for row in rows:
            if seen is not None and row.fid in seen and int(seen[row.fid]) != row.version:
                conflicts.append(conflict_message(row))
                continue
            if status not in TRANSITIONS.get(row.status, ()):
                refused.append(_refusal(row.parcel_id, row.rule, row.status, status))
                continue
            steps = row.history()
            steps.append(
                {"from": row.status, "to": status, "who": who, "when": stamp, "note": note}
            )
            batch.append(
                [
                    status,
                    who,
                    _stamp(when, ws.backend),
                    note or None,
                    _dump(steps),
                    row.version + 1,
                    row.fid,
                    row.version,
                ]
            )
        if conflicts:
            raise ConflictError(" ".join(conflicts))
        if refused:
            raise InputError(tr("Not an allowed step: {0}.").format("; ".join(refused)))
        _write_steps(db, batch)
    return len(batch)


def _write_steps(db, batch: List[list]) -> None:
    """Conditional updates (row version as read); a row changed meanwhile → conflict."""
    text = (
        "UPDATE {0} SET zt = ?, czr = ?, czsj = ?, clyj = ?, lsjl = ?, bbh = ? "
        "WHERE fid = ? AND coalesce(bbh, 0) = ?"
    ).format(db.table(TABLE))
    for values in batch:
        if db.execute(text, values) != 1:
            rows = _select(db, [values[6]])
            if not rows:
                raise ConflictError(
                    tr("The finding {0} was deleted by another user; nothing was saved.").format(
                        values[6]
                    )
                )
            raise ConflictError(conflict_message(rows[0]))


def _set_status_in_buffer(
    layer: QgsVectorLayer, fids: List[int], status: str, who: str, note: str, when: QDateTime
) -> int:
    fields = layer.fields()
    index = {name: fields.indexOf(name) for name in ("zt", "czr", "czsj", "clyj", "lsjl", "bbh")}
    pending = layer.editBuffer().changedAttributeValues() if layer.editBuffer() else {}
    stamp = when.toString(Qt.DateFormat.ISODate)
    changes: Dict[int, Dict[int, object]] = {}
    refused: List[str] = []
    request = QgsFeatureRequest().setFilterFids(fids).setFlags(QgsFeatureRequest.NoGeometry)
    for feature in layer.getFeatures(request):
        current = _text(feature["zt"]) or FOUND
        if status not in TRANSITIONS.get(current, ()):
            refused.append(_refusal(_text(feature["tbbh"]), _text(feature["gz"]), current, status))
            continue
        steps = history(feature["lsjl"])
        steps.append({"from": current, "to": status, "who": who, "when": stamp, "note": note})
        values = {
            index["zt"]: status,
            index["czr"]: who,
            index["czsj"]: when,
            index["clyj"]: note or None,
            index["lsjl"]: _dump(steps),
        }
        if index["bbh"] >= 0 and index["bbh"] not in pending.get(feature.id(), {}):
            # the version read now + 1; save_edits writes only if it is still the same
            values[index["bbh"]] = int(feature["bbh"] or 0) + 1 if _text(feature["bbh"]) else 1
        changes[feature.id()] = values
    if refused:
        raise InputError(tr("Not an allowed step: {0}.").format("; ".join(refused)))
    if not changes:
        return 0
    layer.beginEditCommand(tr("Set case status"))
    for fid, values in changes.items():
        for field_index, value in values.items():
            layer.changeAttributeValue(fid, field_index, value)
    layer.endEditCommand()
    return len(changes)


def save_edits(layer: QgsVectorLayer) -> int:
    """Save the case steps pending in a finding layer's edit buffer; returns rows saved.

    Only the changed rows are written, in one transaction, each only if its row
    version is still the one read when the step was made: otherwise nothing is
    saved, ``ConflictError`` names who changed the finding and when, and the
    pending steps stay in the buffer.  On success the buffer is emptied (the
    layer then shows the saved rows).  Buffers holding other edits (added,
    deleted or reshaped features) are committed the plain QGIS way.
    """
    if not layer.isEditable():
        return 0
    buffer = layer.editBuffer()
    changed = dict(buffer.changedAttributeValues())
    if (
        buffer.addedFeatures()
        or buffer.deletedFeatureIds()
        or buffer.changedGeometries()
        or layer.fields().indexOf("bbh") < 0
    ):
        count = len(changed)
        if not layer.commitChanges():
            raise WorkspaceError(
                tr("Cannot save the case status: {0}").format("; ".join(layer.commitErrors()))
            )
        return count
    fields = layer.fields()
    names = ("zt", "czr", "czsj", "clyj", "lsjl", "bbh")
    index = {name: fields.indexOf(name) for name in names}
    ws = workspace_of(layer)
    batch: List[list] = []
    features = {
        feature.id(): feature
        for feature in layer.getFeatures(
            QgsFeatureRequest().setFilterFids(list(changed)).setFlags(QgsFeatureRequest.NoGeometry)
        )
    }  # one request, not one per row
    for fid, values in changed.items():
        feature = features[fid]
        version = feature["bbh"]
        new_version = int(version) if _text(version) else 1
        handled = feature["czsj"]
        batch.append(
            [
                _text(feature["zt"]) or FOUND,
                _text(feature["czr"]) or None,
                _stamp(handled, ws.backend)
                if isinstance(handled, QDateTime)
                else (_text(handled) or None),
                _text(feature["clyj"]) or None,
                _text(feature["lsjl"]) or None,
                new_version,
                int(fid),
                new_version - 1,
            ]
        )
        unknown = set(values) - set(index.values())
        if unknown:
            raise InputError(
                tr(
                    "Only case status steps can be saved here; other fields were edited: {0}."
                ).format(", ".join(fields.at(position).name() for position in sorted(unknown)))
            )
    with ws.transaction(tr("saving the case status")) as db:
        _write_steps(db, batch)
    # the rows are saved: drop the buffer without undoing its steps one by one (a
    # rollBack replays every undo command: 0.9 s for 1000 statuses)
    layer.undoStack().clear()
    layer.rollBack()
    layer.reload()
    return len(batch)


# --- export ----------------------------------------------------------------------------


def township_label(code: str) -> str:
    """Township name of a 9-digit code (the code itself when unknown)."""
    from ..domain.townships import TOWNSHIPS_BY_CODE

    township = TOWNSHIPS_BY_CODE.get(code)
    return township.xzqmc if township is not None else code


def _rows_of(layer: QgsVectorLayer) -> List[FindingRow]:
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    rows = [row_of_feature(feature) for feature in layer.getFeatures(request)]
    rows.sort(key=lambda row: (row.rule, row.parcel_id))
    return rows


def finding_rows(layer: QgsVectorLayer) -> Tuple[List[tuple], List[List[object]]]:
    """Typed header (name, FieldType) and rows of the finding table: labels (rule,
    compliance, severity 高/中/低, township, status) beside their codes, each code in
    its own column for machines."""
    from .rules import rule_label

    names = (
        tr("Finding ID"),
        tr("Parcel ID"),
        tr("Rule code"),
        tr("Rule"),
        tr("Compliance code"),
        tr("Compliance"),
        tr("Severity"),
        tr("Message"),
        tr("Area (m²)"),
        tr("Township code"),
        tr("Township"),
        tr("Status code"),
        tr("Case status"),
        tr("Handled by"),
        tr("Handled at"),
        tr("Note"),
    )
    area = names.index(tr("Area (m²)"))
    header = [
        (name, FieldType.DOUBLE if position == area else FieldType.STRING)
        for position, name in enumerate(names)
    ]
    rows = [
        [
            row.uuid,
            row.parcel_id,
            row.rule,
            rule_label(row.rule),
            row.compliance,
            codes.COMPLIANCE.label(row.compliance),
            codes.SEVERITY.label(row.severity, row.severity),
            row.message,
            row.area_m2,
            row.township,
            township_label(row.township),
            row.status,
            codes.CASE_STATUS.label(row.status),
            row.handler,
            row.handled_at,
            row.note,
        ]
        for row in _rows_of(layer)
    ]
    return header, rows


def history_table(layer: QgsVectorLayer) -> Tuple[List[tuple], List[List[object]]]:
    """Header and rows of every finding's history, one readable row per step:
    finding, time, who, from and to status labels, note (not the stored JSON)."""
    from .rules import rule_label

    header = [
        (name, FieldType.STRING)
        for name in (
            tr("Finding ID"),
            tr("Parcel ID"),
            tr("Rule"),
            tr("Time"),
            tr("Handled by"),
            tr("From status"),
            tr("To status"),
            tr("Note"),
        )
    ]
    rows = []
    for row in _rows_of(layer):
        for step in history_steps(row):
            rows.append(
                [
                    row.uuid,
                    row.parcel_id,
                    rule_label(row.rule),
                    step.when,
                    step.who,
                    step.from_label,
                    step.to_label,
                    step.note,
                ]
            )
    return header, rows


def export_findings(source, path: str) -> str:
    """Write the findings to ``path``: .gpkg (layer with geometry as stored, QGIS
    writer, plus the table ``finding_history`` of readable steps), .xlsx (two sheets: findings with labels, history as readable rows) or .csv (the
    history in ``<stem>_<history>.csv`` beside it) through ``core.export``.  Returns
    the path.

    ``source``: the finding layer, or anything ``workspace_of`` takes."""
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    layer = source if isinstance(source, QgsVectorLayer) else workspace_of(source).layer(TABLE)
    lower = path.lower()
    if lower.endswith(".gpkg"):
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = TABLE
        options.fileEncoding = "UTF-8"
        error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(
            layer, path, QgsCoordinateTransformContext(), options
        )
        if error != QgsVectorFileWriter.NoError:
            raise WorkspaceError(tr("Cannot write {0}: {1}").format(path, message))
        from .export import add_table

        steps_header, steps = history_table(layer)  # readable, beside the codes
        add_table(path, TABLE + "_history", steps_header, steps)
        return path
    if lower.endswith((".xlsx", ".csv")):
        from .export import export_tables

        header, rows = finding_rows(layer)
        steps_header, steps = history_table(layer)
        export_tables(path, [(tr("findings"), header, rows), (tr("history"), steps_header, steps)])
        return path
    raise InputError(tr("Export to .gpkg, .xlsx or .csv, not {0}.").format(path))
