"""Bring a field package back from QField into the workspace.

For each package finding whose form differs from what was exported (``jzz``):
- the workspace finding must still be as exported (fingerprint ``jzbb``);
  otherwise it was changed in the office meanwhile and is reported as a
  conflict, never overwritten;
- a status change must be one allowed step (``codes.CASE_TRANSITIONS``);
- the change is written as ONE history entry {from, to, who, when, note,
  position, accuracy, photos, package}, the verification fields are set, and
  the photos are copied into the workspace's photo store (``finding_photo``).
A finding whose history already holds an entry of this package was imported
before: re-importing the same package changes nothing.  Confirmed cases
(待核查 → 已认定) give their parcels the confirmed compliance code.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Dict, List, Optional

from qgis.core import QgsFeedback, QgsVectorLayer
from qgis.PyQt.QtCore import QDateTime, Qt

from ..domain import codes
from ..translation import tr
from . import casework
from . import findings as case
from .casework import Photo, text
from .errors import CanceledError, InputError, WorkspaceError
from .fieldpackage import (
    BASE_FORM,
    BASE_PRINT,
    BASE_STATUS,
    DATA_FILE,
    FINDINGS,
    PHOTOS,
    form_state,
    read_meta,
)
from .workspace.open import workspace_of

#: History event of a field verification that did not change the status.
FIELD_VERIFIED = "field_verified"


@dataclass
class ImportReport:
    applied: int = 0
    unchanged: int = 0
    already: int = 0
    photos: int = 0
    parcels: int = 0
    conflicts: List[str] = field(default_factory=list)
    refused: List[str] = field(default_factory=list)

    def lines(self) -> List[str]:
        lines = [
            tr(
                "{0} finding(s) updated from the field, {1} unchanged, {2} imported "
                "before; {3} photo(s) stored; {4} parcel(s) confirmed."
            ).format(self.applied, self.unchanged, self.already, self.photos, self.parcels)
        ]
        lines += [tr("Conflict, not imported: {0}").format(item) for item in self.conflicts]
        lines += [tr("Refused: {0}").format(item) for item in self.refused]
        return lines


def _package_layer(folder: str, name: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(os.path.join(folder, DATA_FILE) + "|layername=" + name, name, "ogr")
    if not layer.isValid():
        raise InputError(
            tr("{0} is not a field package of this plugin (table {1} missing).").format(
                folder, name
            )
        )
    return layer


def _label(feature) -> str:
    return "{0} ({1})".format(text(feature["tbbh"]), text(feature["gz"]))


def _photos_of(folder: str, photos: QgsVectorLayer) -> Dict[str, List[Photo]]:
    """Photo files per finding UUID, read from the package folder."""
    result: Dict[str, List[Photo]] = {}
    for feature in photos.getFeatures():
        relative = text(feature["zp"])
        if not relative:
            continue
        path = relative if os.path.isabs(relative) else os.path.join(folder, relative)
        path = os.path.normpath(path)
        if not os.path.isfile(path):
            raise InputError(tr("The photo {0} of the field package is missing.").format(relative))
        with open(path, "rb") as handle:
            content = handle.read()
        taken = feature["pssj"]
        result.setdefault(text(feature["fxuuid"]), []).append(
            Photo(
                text(feature["fxuuid"]),
                os.path.basename(relative),
                casework.sha1_of(content),
                taken if isinstance(taken, QDateTime) and taken.isValid() else None,
                _float(feature["jd"]),
                _float(feature["wd"]),
                _float(feature["dwjd"]),
                content,
            )
        )
    return result


def _float(value) -> Optional[float]:
    text_value = text(value)
    return float(text_value) if text_value else None


def import_field_package(
    folder: str, workspace, feedback: Optional[QgsFeedback] = None
) -> ImportReport:
    """Merge the field results of ``folder`` into ``workspace`` (see module doc)."""
    folder = os.path.abspath(folder)
    meta = read_meta(os.path.join(folder, DATA_FILE))
    if not meta.get("package"):
        raise InputError(tr("{0} is not a field package of this plugin.").format(folder))
    package_id = meta["package"]
    workspace = workspace_of(workspace)
    package = _package_layer(folder, FINDINGS)
    photos = _photos_of(folder, _package_layer(folder, PHOTOS))
    layer = workspace.layer(case.TABLE)
    fields = layer.fields()
    by_uuid = {text(f["uuid"]): f for f in layer.getFeatures()}
    report = ImportReport()
    changes: Dict[int, Dict[int, object]] = {}
    new_photos: List[Photo] = []
    confirmed_parcels = set()
    rows = list(package.getFeatures())
    known = {text(row["uuid"]) for row in rows}
    for owner, orphans in sorted(photos.items()):
        if owner not in known:
            report.refused.append(
                tr("photo(s) {0} belong to no finding of the package.").format(
                    ", ".join(photo.name for photo in orphans)
                )
            )
    for position, row in enumerate(rows):
        if feedback is not None:
            if feedback.isCanceled():
                raise CanceledError()
            feedback.setProgress(80.0 * position / max(len(rows), 1))
        uuid = text(row["uuid"])
        current = by_uuid.get(uuid)
        field_photos = photos.get(uuid, [])
        edited = form_state(row) != text(row[BASE_FORM]) or bool(field_photos)
        if current is None:
            if edited:
                report.conflicts.append(
                    tr("{0}: the finding is no longer in the workspace.").format(_label(row))
                )
            continue
        steps = case.history(current["lsjl"])
        if any(step.get("package") == package_id for step in steps):
            report.already += 1
            continue
        if not edited:
            report.unchanged += 1
            continue
        if casework.fingerprint(current) != text(row[BASE_PRINT]):
            report.conflicts.append(
                tr("{0}: changed in the office after the package was written ({1}).").format(
                    _label(row), codes.CASE_STATUS.label(text(current["zt"]))
                )
            )
            continue
        before = text(row[BASE_STATUS]) or case.FOUND
        after = text(row["zt"]) or before
        if after != before and after not in case.allowed_statuses(before):
            report.refused.append(
                tr("{0}: {1} → {2} is not an allowed step.").format(
                    _label(row), codes.CASE_STATUS.label(before), codes.CASE_STATUS.label(after)
                )
            )
            continue
        who = text(row["hcr"]) or meta.get("inspector", "")
        when = (
            row["hcsj"]
            if isinstance(row["hcsj"], QDateTime) and row["hcsj"].isValid()
            else QDateTime.currentDateTime()
        )
        step = {
            "from": before,
            "to": after,
            "who": who,
            "when": when.toString(Qt.DateFormat.ISODate),
            "note": text(row["clyj"]),
            "position": [_float(row["hcjd"]), _float(row["hcwd"])],
            "accuracy": _float(row["dwjd"]),
            "photos": [photo.name for photo in field_photos],
            "package": package_id,
        }
        if after == before:
            step.pop("from"), step.pop("to")
            step["event"] = FIELD_VERIFIED
        steps.append(step)
        values = {
            "zt": after,
            "clyj": text(row["clyj"]) or None,
            "lsjl": json.dumps(steps, ensure_ascii=False),
            "hcr": who or None,
            "hcsj": when,
            "hcjd": _float(row["hcjd"]),
            "hcwd": _float(row["hcwd"]),
            "dwjd": _float(row["dwjd"]),
            "dslx": text(row["dslx"]) or None,
        }
        if after != before:
            values.update({"czr": who or None, "czsj": when})
        changes[current.id()] = {fields.indexOf(name): value for name, value in values.items()}
        new_photos.extend(field_photos)
        if after == case.IDENTIFIED:
            confirmed_parcels.add(text(current["tbbh"]))
        report.applied += 1
    # photos first (idempotent by SHA-1): a finding marked imported has its photos
    report.photos = casework.store_photos(workspace, new_photos)
    if changes and not layer.dataProvider().changeAttributeValues(changes):
        raise WorkspaceError(
            tr("Cannot write the field results: {0}").format(
                "; ".join(layer.dataProvider().errors())
            )
        )
    if confirmed_parcels:
        report.parcels = casework.sync_parcel_compliance(workspace, confirmed_parcels)
    if feedback is not None:
        feedback.setProgress(100.0)
    return report
