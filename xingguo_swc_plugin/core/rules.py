"""The validation rules and their messages, written once: facts -> findings.

Why: the local engine (``core.validation``) and the PostGIS engine
(``core.engines.postgis.validation``) each held their own copy of the rule messages
and of how a finding is assembled; the two drifted (a project without an
approved boundary gave different findings).  Now both engines only establish
facts (is the project known, how much area is shared, what lies outside, which
corridors are near, the slope shares) and the functions here turn them into
findings: every rule's message is written here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from qgis.core import QgsCoordinateTransform, QgsGeometry, QgsWkbTypes

from ..domain import change, codes
from ..translation import tr
from .geometry import polygonal
from .results import Finding

INVALID_GEOMETRY = "INVALID_GEOMETRY"
UNREGISTERED = "UNREGISTERED"
LOCATION_CHANGED = "LOCATION_CHANGED"
EXCEEDS_APPROVED = "EXCEEDS_APPROVED"
OVERLAP = "OVERLAP"
STEEP_SLOPE = "STEEP_SLOPE"
TERRACE_REQUIRED = "TERRACE_REQUIRED"
CORRIDOR = "CORRIDOR"
PLAN_REQUIRED = "PLAN_REQUIRED"
NAVEL_ORANGE_ZONE = "NAVEL_ORANGE_ZONE"

#: Rule -> (compliance code of SPEC or None, severity), in display order.
RULES: Dict[str, Tuple[Optional[str], str]] = {
    INVALID_GEOMETRY: (None, "medium"),
    UNREGISTERED: ("02", "high"),
    LOCATION_CHANGED: ("06", "high"),
    EXCEEDS_APPROVED: ("04", "medium"),
    OVERLAP: (None, "low"),
    STEEP_SLOPE: (None, "high"),
    TERRACE_REQUIRED: (None, "medium"),
    CORRIDOR: (None, "medium"),
    PLAN_REQUIRED: (None, "medium"),
    NAVEL_ORANGE_ZONE: (None, "high"),
}

#: Road classes that are protected corridors (Ganzhou regulation), with the
#: values accepted in ``dllx``: Chinese names, English words or the class code.
CORRIDOR_CLASSES: Dict[str, Tuple[str, ...]] = {
    "railway": ("铁路", "高铁", "高速铁路", "railway", "rail", "1"),
    "expressway": ("高速公路", "高速", "expressway", "motorway", "2"),
    "national": ("国道", "national road", "national", "3"),
    "provincial": ("省道", "provincial road", "provincial", "4"),
}


def rule_label(rule: str) -> str:
    """Translated, human name of a rule (for the dock and messages)."""
    labels = {
        INVALID_GEOMETRY: tr("Invalid or empty geometry"),
        UNREGISTERED: tr("Not registered (suspected built without approval)"),
        LOCATION_CHANGED: tr("Elsewhere than its project (suspected location change)"),
        EXCEEDS_APPROVED: tr("Beyond the approved boundary"),
        OVERLAP: tr("Overlaps other parcels"),
        STEEP_SLOPE: tr("Steep slope"),
        TERRACE_REQUIRED: tr("Terraces required"),
        CORRIDOR: tr("Within a protected corridor"),
        PLAN_REQUIRED: tr("Soil-conservation plan required"),
        NAVEL_ORANGE_ZONE: tr("New navel oranges in a forbidden zone"),
    }
    return labels.get(rule, rule)


def compliance_label(rule: str) -> str:
    """SPEC compliance label (Chinese) of a rule, '' for rules outside that list."""
    code = RULES.get(rule, (None, ""))[0]
    return codes.COMPLIANCE.label(code) if code else ""


def corridor_class(value: object) -> Optional[str]:
    """Protected class ('railway', ...) of a road-class value, or None."""
    if value is None:
        return None
    text = str(value).strip().lower()
    if not text or text == "null":
        return None
    for name, values in CORRIDOR_CLASSES.items():
        if text in values:
            return name
    for name, values in CORRIDOR_CLASSES.items():
        if any(len(word) > 1 and not word.isdigit() and word in text for word in values):
            return name
    return None


def corridor_applies(kflx: str, bhlx: str) -> bool:
    """CORRIDOR applies to new orchard development (Ganzhou regulation): 果园 or
    脐橙 that is 新增 or 续建(范围扩大).  An empty or unknown development or change
    type counts as possibly new orchard: the rule then still runs (no silent
    miss)."""
    orchard = change.code_in(kflx, codes.DEVELOPMENT_TYPE, change.ORCHARD_CODES)
    new = change.code_in(bhlx, codes.CHANGE_TYPE, change.NEW_DEVELOPMENT_CODES)
    return orchard is not False and new is not False


@dataclass
class Parcel:
    """The facts of one parcel a rule needs (attributes as normalised text)."""

    fid: int
    parcel_id: str
    project: str
    uuid: str
    township: str
    geometry: QgsGeometry  # working CRS, valid
    area: float
    #: development type and change type as stored (code or label), '' if absent
    kflx: str = ""
    bhlx: str = ""


class Findings(list):
    """The findings of one run; ``emit`` assembles a finding the one way.

    ``to_parcels`` brings the offending part from the working CRS back to the
    parcels' CRS.
    """

    def __init__(self, to_parcels: Optional[QgsCoordinateTransform]):
        super().__init__()
        self.to_parcels = to_parcels

    def emit(
        self,
        parcel: Parcel,
        rule: str,
        message: str,
        geometry: QgsGeometry,
        area: float,
        related: Tuple[str, ...] = (),
    ) -> None:
        output = polygonal(geometry)
        if self.to_parcels is not None:
            output.transform(self.to_parcels)
        self.append(
            Finding(
                parcel.parcel_id,
                rule,
                compliance_label(rule),
                RULES[rule][1],
                message,
                area,
                output,
                parcel.fid,
                parcel.uuid,
                parcel.township,
                related,
            )
        )

    def invalid(self, parcel: Parcel, reason: str, geometry: QgsGeometry) -> None:
        """INVALID_GEOMETRY with the geometry as stored (may be empty or not polygonal)."""
        geometry = QgsGeometry(geometry)
        if not geometry.isNull() and geometry.type() == QgsWkbTypes.PolygonGeometry:
            geometry.convertToMultiType()
        self.append(
            Finding(
                parcel.parcel_id,
                INVALID_GEOMETRY,
                compliance_label(INVALID_GEOMETRY),
                RULES[INVALID_GEOMETRY][1],
                tr("Geometry is {0}.").format(reason),
                0.0,
                geometry,
                parcel.fid,
                parcel.uuid,
                parcel.township,
            )
        )

    def sorted(self) -> List[Finding]:
        """In rule order, then by parcel ID: the order every engine returns."""
        order = {rule: position for position, rule in enumerate(RULES)}
        return sorted(self, key=lambda f: (order[f.rule], f.parcel_id, f.parcel_fid))


@dataclass
class Registration:
    """Facts about a parcel and its project's approved boundary (working CRS, m²)."""

    known: bool = False
    has_boundary: bool = False
    shared_m2: float = 0.0
    outside_m2: float = 0.0


def registration_rule(
    parcel: Parcel, facts: Registration, tolerance: float
) -> Optional[Tuple[str, str, bool]]:
    """(rule, message, whole parcel?) of the registration rules, or None.

    ``whole parcel?`` False means the finding's geometry is the part outside
    the approved boundary (EXCEEDS_APPROVED).
    """
    if not parcel.project:
        return UNREGISTERED, tr("The parcel has no project number."), True
    if not facts.known:
        return (
            UNREGISTERED,
            tr("Project {0} is not in the development database.").format(parcel.project),
            True,
        )
    if not facts.has_boundary:
        return (
            LOCATION_CHANGED,
            tr("Project {0} has no approved boundary to compare with.").format(parcel.project),
            True,
        )
    if facts.shared_m2 <= 0.0:
        return (
            LOCATION_CHANGED,
            tr("The parcel does not lie within the approved boundary of project {0}.").format(
                parcel.project
            ),
            True,
        )
    if facts.outside_m2 > tolerance:
        return (
            EXCEEDS_APPROVED,
            tr("{0:.1f} m² lie outside the approved boundary of project {1}.").format(
                facts.outside_m2, parcel.project
            ),
            False,
        )
    return None


def corridor_message(distance: float, kinds: Iterable[str]) -> str:
    """CORRIDOR message naming the protected classes near the parcel."""
    names = {
        "railway": tr("railway"),
        "expressway": tr("expressway"),
        "national": tr("national road"),
        "provincial": tr("provincial road"),
        "corridor": tr("protected corridor"),
    }
    return tr("Within {0} m of a {1}.").format(
        distance, ", ".join(sorted({names[kind] for kind in kinds}))
    )


def overlap_message(area: float, partners: Sequence[str]) -> str:
    return tr("{0:.1f} m² shared with parcel(s) {1}.").format(area, ", ".join(partners))


@dataclass
class SlopeLimits:
    """The slope rules' thresholds: degrees, and shares in percent of the parcel."""

    steep_slope: float
    terrace_slope: float
    plan_slope: float
    steep_share: float
    terrace_share: float


@dataclass
class SlopeFacts:
    """A parcel's slope (from the DEM) and what is recorded about it.

    Shares are fractions (0-1) of the parcel's area: steeper than the steep
    limit, between the terrace and steep limits, between the plan and steep
    limits.  ``plan``: the project's plan text (None without project data);
    ``registered``: the project is in the development database.
    """

    mean: float
    steep_share: float
    terrace_share: float
    plan_share: float
    terraced: bool = False
    plan: Optional[str] = None
    registered: bool = False


def slope_rules(
    parcel: Parcel, facts: SlopeFacts, limits: SlopeLimits, plans_known: bool = True
) -> List[Tuple[str, str]]:
    """(rule, message) of STEEP_SLOPE, TERRACE_REQUIRED and PLAN_REQUIRED."""
    found = []
    steep = 100.0 * facts.steep_share
    if steep >= limits.steep_share and steep > 0:
        found.append(
            (
                STEEP_SLOPE,
                tr(
                    "Mean slope {0:.1f}°: {1:.0f} % of the parcel ({2:.0f} m²) is steeper "
                    "than {3}°, where new cultivation and whole-slope clearing are "
                    "forbidden."
                ).format(facts.mean, steep, parcel.area * facts.steep_share, limits.steep_slope),
            )
        )
    terrace = 100.0 * facts.terrace_share
    if terrace >= limits.terrace_share and terrace > 0 and not facts.terraced:
        found.append(
            (
                TERRACE_REQUIRED,
                tr(
                    "Mean slope {0:.1f}°: {1:.0f} % of the parcel ({2:.0f} m²) lies between "
                    "{3}° and {4}° and no terrace measure is recorded."
                ).format(
                    facts.mean,
                    terrace,
                    parcel.area * facts.terrace_share,
                    limits.terrace_slope,
                    limits.steep_slope,
                ),
            )
        )
    share = 100.0 * facts.plan_share
    if not plans_known or share < limits.terrace_share or share <= 0:
        return found
    if parcel.project and facts.plan:
        return found
    reason = (
        tr("project {0} has no soil-conservation plan").format(parcel.project)
        if facts.registered
        else tr("no registered project")
    )
    found.append(
        (
            PLAN_REQUIRED,
            tr(
                "{0:.0f} % of the parcel lies between {1}° and {2}° (reclaimed land needs "
                "a soil-conservation plan): {3}."
            ).format(share, limits.plan_slope, limits.steep_slope, reason),
        )
    )
    return found


def orange_zone_message(area: float, kinds: Iterable[str], distance: float) -> str:
    """NAVEL_ORANGE_ZONE message: where the new navel oranges lie."""
    where = []
    if "zone" in kinds:
        where.append(tr("a designated collapse/landslide zone"))
    if "water" in kinds:
        where.append(
            tr("an eroded slope within {0} m of a reservoir or main river").format(distance)
        )
    return tr(
        "{0:.1f} m² of new navel oranges lie in {1}: new planting is forbidden there."
    ).format(area, "; ".join(where))
