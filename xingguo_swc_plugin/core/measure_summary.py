"""The treatment measure summary: quantities of each measure, and the plan figures.

Quantities are summed per measure in the measure's own unit (hm², m, m³, 座,
处): a linear, volume or point measure is never turned into an area.  The
treated area and treated gullies are NOT computed here: they are
``core.plan.plan_progress`` over the same window (the one definition every
dock, the dashboard, the atlas and Processing show).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Mapping, Optional, Tuple

from qgis.core import QgsFeatureRequest, QgsFeedback, QgsVectorLayer

from ..domain.thresholds import COUNTY_CODE
from ..domain.townships import TOWNSHIPS_BY_CODE
from .area import PLANIMETRIC
from .measure_records import check_measure_layer, read_measures, sibling_layer
from .measure_taxonomy import load_taxonomy
from .plan import PlanProgress, plan_progress, window
from .workspace.schema import TOWNSHIP


@dataclass
class MeasureTotal:
    """Sum of one measure (in its unit) over the period."""

    csdm: str
    csmc: str
    cslb: str
    dw: str
    quantity: float = 0.0
    records: int = 0


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
    """Result of ``measure_summary``: quantities in their units; the treated
    figures are ``progress`` (``core.plan.plan_progress`` of the same window)."""

    year_from: int
    year_to: int
    progress: PlanProgress
    rows: List[SummaryRow] = field(default_factory=list)
    by_measure: Dict[Tuple[str, str], MeasureTotal] = field(default_factory=dict)
    records_by_township: Dict[str, int] = field(default_factory=dict)
    records_by_year: Dict[int, int] = field(default_factory=dict)
    township_names: Dict[str, str] = field(default_factory=dict)
    records: int = 0
    #: Records without a target (no ``mbtc``/``mbid``): quantities only.
    untargeted_records: int = 0

    @property
    def treated_area_hm2(self) -> float:
        return self.progress.county.treated_area_hm2

    @property
    def treated_gullies(self) -> int:
        return self.progress.county.treated_gullies

    @property
    def target_area_hm2(self) -> Optional[float]:
        return self.progress.county.target_area_hm2

    @property
    def target_gullies(self) -> Optional[int]:
        return self.progress.county.target_gullies

    @property
    def unresolved_records(self) -> int:
        """Area records whose target was not found, plus records without a target."""
        return self.progress.unresolved_records + self.untargeted_records

    def area_progress_percent(self) -> Optional[float]:
        return self.progress.county.area_progress_percent

    def gully_progress_percent(self) -> Optional[float]:
        return self.progress.county.gully_progress_percent


def measure_summary(
    measures: QgsVectorLayer,
    townships: Optional[QgsVectorLayer] = None,
    year_from: Optional[int] = None,
    year_to: Optional[int] = None,
    feedback: Optional[QgsFeedback] = None,
    *,
    targets: Optional[Mapping[str, QgsVectorLayer]] = None,
    gullies: Optional[QgsVectorLayer] = None,
    area_method: int = PLANIMETRIC,
) -> MeasureSummary:
    """Quantities of the measures built in ``year_from``..``year_to`` (inclusive;
    each end defaults to the plan window) and the plan progress of that window.

    ``measures`` is a measure table (its unsaved edits count); ``townships`` /
    ``gullies`` default to the workspace's tables; ``targets`` maps target layer
    keys the workspace lacks to their layers.  A record counts in its own
    ``xzqdm`` township and its year ``nd``.
    """
    check_measure_layer(measures)
    first, last = window(year_from, year_to)
    if townships is None:
        townships = sibling_layer(measures, TOWNSHIP.name)
    progress = plan_progress(
        measures,
        townships,
        gullies,
        first,
        last,
        feedback,
        targets=targets,
        area_method=area_method,
    )
    summary = MeasureSummary(first, last, progress)
    taxonomy = load_taxonomy(measures)
    names = {code: township.xzqmc for code, township in TOWNSHIPS_BY_CODE.items()}
    names.update(
        {row.xzqdm: row.xzqmc for row in progress.rows if row.xzqdm != COUNTY_CODE and row.xzqmc}
    )
    summary.township_names = names

    rows: Dict[Tuple[str, int, str, str], SummaryRow] = {}
    request = QgsFeatureRequest().setFilterExpression(
        '"nd" >= {0} AND "nd" <= {1}'.format(first, last)
    )
    for record in read_measures(measures, request):
        measure = taxonomy.measures.get(record.csdm)
        name = measure.zh if measure else record.csdm
        measure_class = record.cslb or (measure.measure_class if measure else "")
        key = (record.xzqdm, record.nd, record.csdm, record.dw)
        row = rows.get(key)
        if row is None:
            row = rows[key] = SummaryRow(
                record.xzqdm,
                names.get(record.xzqdm, ""),
                record.nd,
                record.csdm,
                name,
                measure_class,
                record.dw,
                0.0,
                0,
            )
        row.quantity += record.sl
        row.records += 1
        total = summary.by_measure.get((record.csdm, record.dw))
        if total is None:
            total = summary.by_measure[(record.csdm, record.dw)] = MeasureTotal(
                record.csdm, name, measure_class, record.dw
            )
        total.quantity += record.sl
        total.records += 1
        summary.records_by_township[record.xzqdm] = (
            summary.records_by_township.get(record.xzqdm, 0) + 1
        )
        summary.records_by_year[record.nd] = summary.records_by_year.get(record.nd, 0) + 1
        summary.records += 1
        if not (record.mbtc and record.mbid):
            summary.untargeted_records += 1

    order = list(taxonomy.measures)

    def measure_order(code: str) -> int:
        return order.index(code) if code in order else len(order)

    summary.rows = sorted(
        rows.values(), key=lambda r: (r.xzqdm, r.nd, measure_order(r.csdm), r.csdm, r.dw)
    )
    summary.by_measure = dict(
        sorted(summary.by_measure.items(), key=lambda item: (measure_order(item[0][0]), item[0]))
    )
    summary.records_by_township = dict(sorted(summary.records_by_township.items()))
    summary.records_by_year = dict(sorted(summary.records_by_year.items()))
    return summary


SUMMARY_COLUMNS: Tuple[Tuple[str, str], ...] = (
    ("lx", "text"),
    ("xzqdm", "text"),
    ("xzqmc", "text"),
    ("nd", "int"),
    ("cslb", "text"),
    ("csdm", "text"),
    ("csmc", "text"),
    ("dw", "text"),
    ("sl", "real"),
    ("jls", "int"),
    ("zltb", "int"),
    ("zlmj", "real"),
    ("zlbg", "int"),
)


def summary_table(
    summary: MeasureSummary, county_code: str = COUNTY_CODE
) -> List[Dict[str, object]]:
    """The summary as flat rows (Processing OUTPUT, CSV/XLSX, dock table).

    Column ``lx`` (row kind): ``measure`` = one measure in one township and
    year (``sl`` in ``dw``); ``township`` = a township over the period; ``year``
    = the county's record count in one year; ``county`` = the county over the
    period (``xzqdm`` = county code).  ``zlmj`` (newly treated hm²) and ``zlbg``
    (treated gullies 座) are ``plan_progress``'s, on township and county rows;
    ``zltb`` (newly treated features) on the county row.
    """
    table: List[Dict[str, object]] = []
    for row in summary.rows:
        table.append(
            {
                "lx": "measure",
                "xzqdm": row.xzqdm,
                "xzqmc": row.xzqmc,
                "nd": row.nd,
                "cslb": row.cslb,
                "csdm": row.csdm,
                "csmc": row.csmc,
                "dw": row.dw,
                "sl": row.quantity,
                "jls": row.records,
                "zltb": None,
                "zlmj": None,
                "zlbg": None,
            }
        )

    def line(
        kind: str, code: str, name: str, year, records: int, features=None, area=None, gullies=None
    ) -> Dict[str, object]:
        return {
            "lx": kind,
            "xzqdm": code,
            "xzqmc": name,
            "nd": year,
            "cslb": None,
            "csdm": None,
            "csmc": None,
            "dw": None,
            "sl": None,
            "jls": records,
            "zltb": features,
            "zlmj": area,
            "zlbg": gullies,
        }

    for progress_row in summary.progress.rows[:-1]:
        code = progress_row.xzqdm
        table.append(
            line(
                "township",
                code,
                progress_row.xzqmc,
                None,
                summary.records_by_township.get(code, 0),
                area=progress_row.treated_area_hm2,
                gullies=progress_row.treated_gullies,
            )
        )
    for year, records in summary.records_by_year.items():
        table.append(line("year", county_code, "", year, records))
    county = summary.progress.county
    table.append(
        line(
            "county",
            county_code,
            county.xzqmc,
            None,
            summary.records,
            len(summary.progress.treated),
            county.treated_area_hm2,
            county.treated_gullies,
        )
    )
    return table


__all__ = [
    "MeasureSummary",
    "MeasureTotal",
    "SUMMARY_COLUMNS",
    "SummaryRow",
    "measure_summary",
    "summary_table",
]
