"""Case work shared by the field package, its import and the case file.

One place for: choosing findings by township / rule / status, the
fingerprint of a finding's case state (how an office edit made after a field
package was written is told apart), the parcel compliance that confirming a case
sets, and the workspace's photo store (``finding_photo``: content in the table,
so both backends keep photos the same way).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence

from qgis.core import QgsExpression, QgsFeature, QgsFeatureRequest, QgsVectorLayer
from qgis.PyQt.QtCore import QByteArray, QDateTime, Qt, QUuid

from ..domain import codes
from ..translation import tr
from . import findings as case
from .errors import InputError, WorkspaceError
from .rules import RULES
from .workspace.open import workspace_of

PHOTO_TABLE = "finding_photo"
#: Fields of a finding that make up its case state (what the field may change).
CASE_FIELDS = ("zt", "czr", "czsj", "clyj", "lsjl", "dslx", "hcr", "hcsj", "hcjd", "hcwd", "dwjd")


def text(value: object) -> str:
    """Attribute value as text ('' for NULL); datetimes as ISO text."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    if isinstance(value, QDateTime):
        return value.toString(Qt.DateFormat.ISODate)
    if isinstance(value, float):
        return repr(round(value, 9))
    return str(value)


def fingerprint(feature: QgsFeature) -> str:
    """SHA-1 of the finding's case state (CASE_FIELDS), the same for both backends."""
    names = feature.fields().names()
    values = [text(feature[name]) if name in names else "" for name in CASE_FIELDS]
    return hashlib.sha1(json.dumps(values, ensure_ascii=False).encode("utf-8")).hexdigest()


@dataclass
class FindingFilter:
    """Which findings: township codes, rules, statuses (empty: all)."""

    townships: Sequence[str] = ()
    rules: Sequence[str] = ()
    statuses: Sequence[str] = ()

    @classmethod
    def parse(cls, townships: str = "", rules: str = "", statuses: str = "") -> FindingFilter:
        def split(value: str) -> List[str]:
            return [
                part.strip()
                for part in str(value or "").replace(";", ",").split(",")
                if part.strip()
            ]

        result = cls(split(townships), split(rules), split(statuses))
        unknown = [rule for rule in result.rules if rule not in RULES]
        if unknown:
            raise InputError(tr("Unknown rule(s): {0}.").format(", ".join(unknown)))
        unknown = [status for status in result.statuses if status not in codes.CASE_STATUS]
        if unknown:
            raise InputError(tr("Unknown case status(es): {0}.").format(", ".join(unknown)))
        return result

    def accepts(self, feature: QgsFeature) -> bool:
        return (
            (not self.townships or text(feature["xzqdm"]) in self.townships)
            and (not self.rules or text(feature["gz"]) in self.rules)
            and (not self.statuses or (text(feature["zt"]) or case.FOUND) in self.statuses)
        )


def select_findings(layer: QgsVectorLayer, selection: FindingFilter) -> List[QgsFeature]:
    """Findings of the filter, ordered by township, rule and parcel ID."""
    chosen = [feature for feature in layer.getFeatures() if selection.accepts(feature)]
    chosen.sort(key=lambda f: (text(f["xzqdm"]), text(f["gz"]), text(f["tbbh"])))
    return chosen


def confirmed_compliance(rule: str) -> Optional[str]:
    """Compliance code a confirmed case of ``rule`` gives its parcel (None: none)."""
    suspected = RULES.get(rule, (None,))[0]
    return codes.CONFIRMED_COMPLIANCE.get(suspected or "")


def was_confirmed(feature: QgsFeature) -> bool:
    """Whether the case went through 已认定 (and was not closed as a false alarm)."""
    steps = case.history(feature["lsjl"])
    return any(step.get("to") == case.IDENTIFIED for step in steps)


def sync_parcel_compliance(workspace, parcel_ids: Optional[Iterable[str]] = None) -> int:
    """Give every parcel whose case was confirmed the confirmed compliance code
    (疑似未批先建 → 未批先建 …).  Returns how many parcels changed; idempotent."""
    workspace = workspace_of(workspace)
    wanted: Dict[str, str] = {}
    scope = None if parcel_ids is None else set(parcel_ids)
    # no geometry, and only the parcels in scope: a save in the dock would otherwise
    # read all of 30k findings (issue 15)
    no_geometry = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    if scope is not None:
        no_geometry.setFilterExpression(
            "tbbh IN ({0})".format(
                ", ".join(QgsExpression.quotedValue(parcel) for parcel in sorted(scope)) or "NULL"
            )
        )
    for feature in workspace.layer(case.TABLE).getFeatures(no_geometry):
        parcel_id = text(feature["tbbh"])
        if scope is not None and parcel_id not in scope:
            continue
        confirmed = confirmed_compliance(text(feature["gz"]))
        if confirmed and was_confirmed(feature):
            wanted[parcel_id] = confirmed
    if not wanted:
        return 0
    parcels = workspace.layer("parcel")
    index = parcels.fields().indexOf("hgx")
    changes = {}
    for feature in parcels.getFeatures(no_geometry):
        code = wanted.get(text(feature["tbbh"]))
        if code and text(feature["hgx"]) != code:
            changes[feature.id()] = {index: code}
    if changes and not parcels.dataProvider().changeAttributeValues(changes):
        raise WorkspaceError(
            tr("Cannot write the parcels' compliance: {0}").format(
                "; ".join(parcels.dataProvider().errors())
            )
        )
    return len(changes)


# --- the photo store ------------------------------------------------------------------


@dataclass
class Photo:
    """One stored field photo of a finding."""

    finding: str
    name: str
    sha1: str
    taken: Optional[QDateTime] = None
    longitude: Optional[float] = None
    latitude: Optional[float] = None
    accuracy: Optional[float] = None
    content: bytes = b""


def photo_layer(workspace) -> QgsVectorLayer:
    return workspace_of(workspace).layer(PHOTO_TABLE)


def stored_photos(
    workspace, finding_uuids: Optional[Iterable[str]] = None, with_content: bool = True
) -> Dict[str, List[Photo]]:
    """Photos per finding UUID, in order taken."""
    layer = photo_layer(workspace)
    scope = None if finding_uuids is None else set(finding_uuids)
    request = QgsFeatureRequest()
    if not with_content:
        names = [name for name in layer.fields().names() if name != "nr"]
        request.setSubsetOfAttributes(names, layer.fields())
    result: Dict[str, List[Photo]] = {}
    for feature in layer.getFeatures(request):
        owner = text(feature["fxuuid"])
        if scope is not None and owner not in scope:
            continue
        content = feature["nr"] if with_content else None
        data = bytes(content) if isinstance(content, (QByteArray, bytes, bytearray)) else b""
        result.setdefault(owner, []).append(
            Photo(
                owner,
                text(feature["wjm"]),
                text(feature["sha1"]),
                feature["pssj"] if isinstance(feature["pssj"], QDateTime) else None,
                _number(feature["jd"]),
                _number(feature["wd"]),
                _number(feature["dwjd"]),
                data,
            )
        )
    for photos in result.values():
        photos.sort(key=lambda photo: (text(photo.taken), photo.name))
    return result


def _number(value: object) -> Optional[float]:
    if value is None or (hasattr(value, "isNull") and value.isNull()) or value == "":
        return None
    return float(value)


def store_photos(workspace, photos: Sequence[Photo]) -> int:
    """Add photos not yet stored for their finding (by SHA-1); returns how many."""
    layer = photo_layer(workspace)
    known = {
        (text(f["fxuuid"]), text(f["sha1"]))
        for f in layer.getFeatures(
            QgsFeatureRequest().setSubsetOfAttributes(["fxuuid", "sha1"], layer.fields())
        )
    }
    features = []
    for photo in photos:
        if (photo.finding, photo.sha1) in known:
            continue
        known.add((photo.finding, photo.sha1))
        feature = QgsFeature(layer.fields())
        feature.setAttribute("uuid", new_uuid())
        feature.setAttribute("fxuuid", photo.finding)
        feature.setAttribute("wjm", photo.name)
        feature.setAttribute("pssj", photo.taken)
        feature.setAttribute("jd", photo.longitude)
        feature.setAttribute("wd", photo.latitude)
        feature.setAttribute("dwjd", photo.accuracy)
        feature.setAttribute("sha1", photo.sha1)
        feature.setAttribute("nr", QByteArray(photo.content))
        features.append(feature)
    for feature in features:
        # one at a time: QGIS 3.22's PostgreSQL provider garbles bytea values of a
        # multi-feature insert (bytes taken as text); a single insert binds them
        if not layer.dataProvider().addFeatures([feature])[0]:
            raise WorkspaceError(
                tr("Cannot store the field photos: {0}").format(
                    "; ".join(layer.dataProvider().errors())
                )
            )
    if features:  # read back: a photo is stored only if its bytes are
        written = {
            (p.finding, p.sha1): sha1_of(p.content)
            for photos_of in stored_photos(workspace, {f["fxuuid"] for f in features}).values()
            for p in photos_of
        }
        bad = [f["wjm"] for f in features if written.get((f["fxuuid"], f["sha1"])) != f["sha1"]]
        if bad:
            raise WorkspaceError(
                tr("The field photos {0} were not stored intact.").format(", ".join(bad))
            )
    return len(features)


def new_uuid() -> str:
    return QUuid.createUuid().toString(QUuid.StringFormat.WithoutBraces)


def sha1_of(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()
