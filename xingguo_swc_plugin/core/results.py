"""The result types every engine returns, in one place.

Why here: the local engines (numpy/GEOS) and the PostGIS engines return the
SAME types; when the types lived in the front doors (``stats``, ``overlaps``,
``validation``) the server engines had to import their front doors back, an
import circle.  This module imports only the domain, translation and the log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, List, Optional, Tuple

from qgis.core import QgsFeedback, QgsGeometry

from ..domain.thresholds import COUNTY_CODE
from ..domain.units import m2_to_hm2, m2_to_mu
from ..translation import tr
from .log import log


@dataclass
class AreaRow:
    """Area and count of features of one class in one township (or the county)."""

    xzqdm: str
    xzqmc: str
    klass: str
    feature_count: int
    area_m2: float

    @property
    def area_hm2(self) -> float:
        return m2_to_hm2(self.area_m2)

    @property
    def area_mu(self) -> float:
        return m2_to_mu(self.area_m2)


@dataclass
class RateRow:
    """Soil conservation rate of one township (or the county)."""

    xzqdm: str
    xzqmc: str
    land_area_m2: float
    erosion_area_m2: float
    rate_percent: float
    meets_target: bool

    @classmethod
    def of(cls, code: str, name: str, land: float, eroded: float, target: float) -> RateRow:
        """水土保持率 = (land − eroded) / land × 100, the one definition (0 without land)."""
        rate = (land - eroded) / land * 100.0 if land > 0 else 0.0
        return cls(code, name, land, eroded, rate, bool(land > 0 and rate >= target))


class AreaTable(list):
    """A list of AreaRow that also tells what happened on the way.

    ``invalid_repaired``: input geometries repaired for the computation;
    ``input_area_m2``: area of all input features (inside the county or not);
    ``features``: input features with a geometry; ``skipped_geometries``:
    features skipped for a NULL or empty geometry; ``outside_area_m2``: input
    area outside every township.
    """

    invalid_repaired = 0
    input_area_m2 = 0.0
    features = 0
    skipped_geometries = 0

    @property
    def outside_area_m2(self) -> float:
        inside = sum(row.area_m2 for row in self if row.xzqdm == COUNTY_CODE)
        return max(0.0, self.input_area_m2 - inside)


class RateTable(list):
    """A list of RateRow; ``invalid_repaired`` and ``skipped_geometries`` as in
    AreaTable; ``skipped_grades``: features skipped for a grade outside 1-6
    (only when the caller allowed skipping); ``outside_area_m2``: eroded input
    area (grade 2 and above) outside every township, counted in no rate;
    ``year``: the monitoring year (erosion ``nd``) computed, None when undated."""

    invalid_repaired = 0
    skipped_geometries = 0
    skipped_grades = 0
    outside_area_m2 = 0.0
    year: Optional[int] = None


def report(table, name: str, feedback: Optional[QgsFeedback] = None) -> None:
    """Say what was repaired or skipped for an AreaTable or RateTable of layer
    ``name`` (the numbers are in the result too), whichever engine computed it."""
    if table.invalid_repaired:
        log(
            tr(
                "{0} invalid geometries of {1} were repaired for the computation "
                "(the layer is not changed)."
            ).format(table.invalid_repaired, name),
            feedback,
        )
    if table.skipped_geometries:
        log(
            tr("{0} features of {1} have no geometry (NULL or empty) and were skipped.").format(
                table.skipped_geometries, name
            ),
            feedback,
        )


@dataclass
class OverlapPair:
    """Two features sharing ``area_m2`` m²; ``geometry`` is the shared part (layer CRS)."""

    fid_a: int
    fid_b: int
    id_a: Any
    id_b: Any
    area_m2: float
    geometry: QgsGeometry


@dataclass
class InvalidGeometry:
    """A feature whose geometry is not valid or empty, with the GEOS reason."""

    fid: int
    id: Any
    reason: str


@dataclass
class OverlapResult:
    pairs: List[OverlapPair] = field(default_factory=list)
    invalid: List[InvalidGeometry] = field(default_factory=list)
    #: features examined (with a geometry)
    features: int = 0
    #: features skipped for a NULL geometry (no shape to compare)
    skipped_geometries: int = 0


@dataclass
class Finding:
    """One rule broken by one parcel; geometry = the offending part (parcels' CRS)."""

    parcel_id: str
    rule: str
    compliance: str
    severity: str
    message: str
    area_m2: float
    geometry: QgsGeometry
    parcel_fid: int = -1
    parcel_uuid: str = ""
    township: str = ""
    #: Parcel IDs the finding involves besides its own (overlaps).
    related: Tuple[str, ...] = field(default_factory=tuple)

    @property
    def key(self) -> Tuple[str, str]:
        """What identifies the finding across runs: parcel and rule."""
        return (self.parcel_id, self.rule)
