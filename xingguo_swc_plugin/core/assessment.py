"""The township assessment against the township targets (``core.targets``).

The rate and finding closure targets are the county's as they are
(``targets/conservation_rate_percent``, ``targets/finding_closure_percent``)
unless the township's ``township_target`` row says otherwise.

``township_assessment`` compares, per township and year, each target with what
was achieved: 水保率 of that monitoring year (``core.stats.conservation_rate``,
not assessed in a year without monitoring), newly treated area and treated
gullies of that year (``core.plan.plan_progress`` over the one year), and the
closure share of the township's findings (已销号 / all, current statuses: a
finding carries no year).  ``write_assessment`` writes one XLSX sheet per year.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from qgis.core import (
    QgsFeatureRequest,
    QgsFeedback,
    QgsVectorLayer,
)

from ..domain.thresholds import COUNTY_CODE, COUNTY_NAME
from ..qgis_compat import FieldType
from ..translation import tr
from .errors import InputError, raise_if_canceled
from .export import export_tables
from .targets import target_rows

#: Case status 已销号 (codes.CASE_STATUS): a closed finding.
CLOSED = "5"


# --------------------------------------------------------------------------- assessment
#: Assessed items: key, English label (translated when shown).
ITEMS = ("rate", "area", "gullies", "closure")


def item_label(item: str) -> str:
    return {
        "rate": tr("conservation rate"),
        "area": tr("newly treated area"),
        "gullies": tr("treated gullies"),
        "closure": tr("finding closure"),
    }[item]


@dataclass
class AssessmentRow:
    """One township (or the county, ``COUNTY_CODE``) in one year: target and
    achieved value of each item (None: not assessed that year)."""

    year: int
    xzqdm: str
    xzqmc: str
    target: Dict[str, Optional[float]] = field(default_factory=dict)
    achieved: Dict[str, Optional[float]] = field(default_factory=dict)

    def percent(self, item: str) -> Optional[float]:
        target, achieved = self.target.get(item), self.achieved.get(item)
        if target is None or achieved is None or target <= 0:
            return None
        return 100.0 * achieved / target

    @property
    def unmet(self) -> List[str]:
        """Items whose achieved value is below the target (assessed items only)."""
        return [
            item
            for item in ITEMS
            if self.target.get(item) is not None
            and self.achieved.get(item) is not None
            and self.achieved[item] < self.target[item] - 1e-9
        ]


@dataclass
class Assessment:
    years: List[int]
    rows: List[AssessmentRow] = field(default_factory=list)
    #: monitoring years without erosion data (rate not assessed)
    unmonitored_years: List[int] = field(default_factory=list)

    def row(self, year: int, code: str) -> AssessmentRow:
        for row in self.rows:
            if row.year == year and row.xzqdm == code:
                return row
        raise KeyError((year, code))


def _closure(findings: Optional[QgsVectorLayer]) -> Dict[str, Tuple[int, int]]:
    """{xzqdm: (closed, all)} of the findings (current statuses)."""
    counts: Dict[str, List[int]] = {}
    if findings is None or not findings.isValid():
        return {}
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes(["xzqdm", "zt"], findings.fields())
    for feature in findings.getFeatures(request):
        code = str(feature["xzqdm"] or "").strip()
        pair = counts.setdefault(code, [0, 0])
        pair[1] += 1
        if str(feature["zt"] or "").strip() == CLOSED:
            pair[0] += 1
    return {code: (pair[0], pair[1]) for code, pair in counts.items()}


def township_assessment(
    workspace,
    year_from: Optional[int] = None,
    year_to: Optional[int] = None,
    feedback: Optional[QgsFeedback] = None,
) -> Assessment:
    """Per township and year (default: the plan window) each target, the achieved
    value, the percent and the unmet items; ``workspace`` is a WorkspaceBase."""
    from .monitoring import erosion_years
    from .plan import plan_progress, window
    from .settings import setting
    from .stats import conservation_rate

    first, last = window(year_from, year_to)
    townships = workspace.layer("township")
    measures = workspace.layer("measure")
    erosion = workspace.layer("erosion")
    findings = workspace.layer("finding")
    years_present, _ = erosion_years(erosion) if erosion.featureCount() else ([], 0)
    table = target_rows(measures)
    county_rate = float(setting("targets/conservation_rate_percent"))
    county_closure = float(setting("targets/finding_closure_percent"))
    closure = _closure(findings)
    result = Assessment(list(range(first, last + 1)))
    steps = len(result.years)
    for step, year in enumerate(result.years):
        raise_if_canceled(feedback)
        progress = plan_progress(measures, townships, None, year, year)
        rates = {}
        if year in years_present:
            rates = {
                row.xzqdm: row.rate_percent
                for row in conservation_rate(townships, "xzqdm", erosion, year=year)
            }
        else:
            result.unmonitored_years.append(year)
        county = AssessmentRow(year, COUNTY_CODE, COUNTY_NAME)
        county.target = {
            "rate": county_rate,
            "area": 0.0,
            "gullies": 0.0,
            "closure": county_closure,
        }
        county.achieved = {
            "rate": rates.get(COUNTY_CODE),
            "area": 0.0,
            "gullies": 0.0,
            "closure": None,
        }
        closed_all = [0, 0]
        for zone in progress.rows[:-1]:
            own = table.get((zone.xzqdm, year), {})
            row = AssessmentRow(year, zone.xzqdm, zone.xzqmc)
            rate_target = own.get("bcl_mb")
            closure_target = own.get("xh_mb")
            row.target = {
                "rate": county_rate if rate_target is None else rate_target,
                "area": zone.target_area_hm2,
                "gullies": zone.target_gullies,
                "closure": county_closure if closure_target is None else closure_target,
            }
            closed, total = closure.get(zone.xzqdm, (0, 0))
            row.achieved = {
                "rate": rates.get(zone.xzqdm),
                "area": zone.treated_area_hm2,
                "gullies": zone.treated_gullies,
                "closure": 100.0 * closed / total if total else None,
            }
            result.rows.append(row)
            county.target["area"] += zone.target_area_hm2 or 0.0
            county.target["gullies"] += zone.target_gullies or 0
            county.achieved["area"] += zone.treated_area_hm2
            county.achieved["gullies"] += zone.treated_gullies
            closed_all[0] += closed
            closed_all[1] += total
        if closed_all[1]:
            county.achieved["closure"] = 100.0 * closed_all[0] / closed_all[1]
        result.rows.append(county)
        if feedback is not None:
            feedback.setProgress(100.0 * (step + 1) / steps)
    return result


#: Columns of an assessment sheet: (name, kind).
ASSESSMENT_COLUMNS: Tuple[Tuple[str, str], ...] = (
    ("xzqdm", "text"),
    ("xzqmc", "text"),
    ("nd", "int"),
    ("rate_target", "real"),
    ("rate_percent", "real"),
    ("rate_progress", "real"),
    ("area_target_hm2", "real"),
    ("treated_area_hm2", "real"),
    ("area_progress", "real"),
    ("gully_target", "real"),
    ("treated_gullies", "real"),
    ("gully_progress", "real"),
    ("closure_target", "real"),
    ("closure_percent", "real"),
    ("closure_progress", "real"),
    ("unmet", "text"),
)


def assessment_table(assessment: Assessment, year: int) -> List[List[object]]:
    """Rows of one year in ``ASSESSMENT_COLUMNS`` order (unmet items translated)."""
    rows = []
    for row in assessment.rows:
        if row.year != year:
            continue
        values: List[object] = [row.xzqdm, row.xzqmc, year]
        for item in ITEMS:
            values += [row.target.get(item), row.achieved.get(item), row.percent(item)]
        values.append("；".join(item_label(item) for item in row.unmet))
        rows.append(values)
    return rows


def write_assessment(assessment: Assessment, path: str) -> str:
    """XLSX with one sheet per year (sheet name = the year); an existing file is
    replaced only when the whole workbook was written (``core.export``)."""
    if not path.lower().endswith(".xlsx"):
        raise InputError(
            tr("The assessment is written as an Excel workbook (.xlsx), not {0}.").format(
                Path(path).name
            )
        )
    kinds = {"text": FieldType.STRING, "int": FieldType.INT64, "real": FieldType.DOUBLE}
    fields = [(name, kinds[kind]) for name, kind in ASSESSMENT_COLUMNS]
    tables = [(str(year), fields, assessment_table(assessment, year)) for year in assessment.years]
    return export_tables(path, tables)[0]
