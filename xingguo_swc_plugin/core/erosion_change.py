"""双下降: did erosion area AND intensity fall between two monitoring years?

Definition (README "Plan progress"): between monitoring years A < B (erosion
``nd``), per township and for the county,

* area by grade g (2-6): where erosion polygons of one year overlap, the higher
  grade holds the shared area, so area(g) = |U(≥g) ∩ T| − |U(≥g+1) ∩ T| with
  U(≥g) the union of that year's polygons of grade ≥ g;
* erosion area = grade ≥ 2 (``ERODED_MIN_GRADE``), severe area = grade ≥ 3, mean
  grade = area-weighted mean grade of the eroded area;
* 双下降 = erosion area fell AND severe area fell AND mean grade fell (strictly).

Every union area is the eroded area of ``core.stats.conservation_rate`` run on
the polygons of grade ≥ g: one definition of "eroded area of a township" (union,
township split, repair of invalid polygons), and ``rate_a``/``rate_b`` are that
function's 水土保持率 of each year.  County = sum of the townships.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from qgis.core import QgsCoordinateTransformContext, QgsFeatureRequest, QgsFeedback, QgsVectorLayer

from ..domain.thresholds import COUNTY_CODE, ERODED_MIN_GRADE
from ..domain.units import m2_to_hm2
from ..translation import tr
from .area import PLANIMETRIC
from .errors import InputError, raise_if_canceled
from .monitoring import erosion_of_year, erosion_years
from .stats import conservation_rate
from .values import parse_erosion_grade

#: Grades reported (SL 190: 2 轻度 .. 6 剧烈); grade 1 is not erosion area.
GRADES = tuple(range(ERODED_MIN_GRADE, 7))
SEVERE_MIN_GRADE = 3


@dataclass
class YearFigures:
    """Erosion of one zone in one year (areas in hm²)."""

    by_grade: Dict[int, float] = field(default_factory=lambda: {g: 0.0 for g in GRADES})
    land_hm2: float = 0.0
    rate_percent: float = 0.0

    @property
    def eroded_hm2(self) -> float:
        return sum(self.by_grade.values())

    @property
    def severe_hm2(self) -> float:
        return sum(area for grade, area in self.by_grade.items() if grade >= SEVERE_MIN_GRADE)

    @property
    def mean_grade(self) -> Optional[float]:
        eroded = self.eroded_hm2
        if eroded <= 0:
            return None
        return sum(grade * area for grade, area in self.by_grade.items()) / eroded


@dataclass
class ChangeRow:
    """One township (or the county): both years and the 双下降 flag."""

    xzqdm: str
    xzqmc: str
    a: YearFigures
    b: YearFigures

    @property
    def area_fell(self) -> bool:
        return self.b.eroded_hm2 < self.a.eroded_hm2

    @property
    def intensity_fell(self) -> bool:
        mean_a, mean_b = self.a.mean_grade, self.b.mean_grade
        mean_fell = mean_a is not None and (mean_b is None or mean_b < mean_a)
        return self.b.severe_hm2 < self.a.severe_hm2 and mean_fell

    @property
    def double_decline(self) -> bool:
        return self.area_fell and self.intensity_fell


@dataclass
class ErosionChange:
    """Result of ``erosion_change``: township rows in code order, then the county."""

    year_a: int
    year_b: int
    rows: List[ChangeRow] = field(default_factory=list)

    def row(self, code: str) -> ChangeRow:
        for row in self.rows:
            if row.xzqdm == code:
                return row
        raise KeyError(code)


def _inner(feedback: Optional[QgsFeedback]) -> Optional[QgsFeedback]:
    """A feedback for one inner computation: canceled with ``feedback``, its own
    progress (the inner runs would move the outer bar back and forth)."""
    if feedback is None:
        return None
    inner = QgsFeedback()
    if feedback.isCanceled():
        inner.cancel()
    feedback.canceled.connect(inner.cancel)
    return inner


def _year_figures(
    townships: QgsVectorLayer,
    township_field: str,
    erosion: QgsVectorLayer,
    grade_field: str,
    year: int,
    area_method: int,
    context: Optional[QgsCoordinateTransformContext],
    feedback: Optional[QgsFeedback],
) -> Tuple[List[str], Dict[str, Tuple[str, YearFigures]]]:
    """(codes in township order, county last; {code: (name, YearFigures)}) of a year."""
    layer, _ = erosion_of_year(erosion, year)
    index = layer.fields().lookupField(grade_field)
    if index < 0:
        raise InputError(
            tr("The layer {0} has no field {1}; its fields are: {2}.").format(
                erosion.name(), grade_field, ", ".join(layer.fields().names())
            )
        )
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes([index])
    grades: Dict[int, int] = {}
    for feature in layer.getFeatures(request):
        grades[feature.id()] = parse_erosion_grade(
            feature.attribute(index), "{0} #{1}".format(erosion.name(), feature.id()), grade_field
        )
    figures: Dict[str, Tuple[str, YearFigures]] = {}
    union_above: Dict[str, float] = {}  # |U(≥g+1) ∩ T| in m², from the last pass
    for grade in reversed(GRADES):
        raise_if_canceled(feedback)
        fids = [fid for fid, value in grades.items() if value >= grade]
        selected = layer.materialize(QgsFeatureRequest().setFilterFids(fids)) if fids else None
        if selected is not None:
            selected.setName(erosion.name())
            rates = conservation_rate(
                townships,
                township_field,
                selected,
                grade_field,
                feedback=_inner(feedback),
                context=context,
                area_method=area_method,
            )
        else:  # no polygon of this grade or above: the land area still comes below
            rates = None
        if rates is None:
            continue
        for row in rates:
            name_figures = figures.setdefault(row.xzqdm, (row.xzqmc, YearFigures()))
            figure = name_figures[1]
            figure.land_hm2 = m2_to_hm2(row.land_area_m2)
            above = union_above.get(row.xzqdm, 0.0)
            figure.by_grade[grade] = max(0.0, m2_to_hm2(row.erosion_area_m2 - above))
            union_above[row.xzqdm] = row.erosion_area_m2
    # the 水土保持率 of the year, by the one definition (grades 1-6 as the user has them)
    rates = conservation_rate(
        townships,
        township_field,
        layer,
        grade_field,
        feedback=_inner(feedback),
        context=context,
        area_method=area_method,
    )
    for row in rates:
        name_figures = figures.setdefault(row.xzqdm, (row.xzqmc, YearFigures()))
        name_figures[1].land_hm2 = m2_to_hm2(row.land_area_m2)
        name_figures[1].rate_percent = row.rate_percent
        eroded = m2_to_hm2(row.erosion_area_m2)
        if abs(eroded - name_figures[1].eroded_hm2) > 1e-6 * max(1.0, eroded):
            raise InputError(
                tr(
                    "Erosion of {0} in {1}: the grade areas ({2} hm²) do not add "
                    "up to the erosion area ({3} hm²)."
                ).format(
                    row.xzqmc,
                    year,
                    "{0:.6f}".format(name_figures[1].eroded_hm2),
                    "{0:.6f}".format(eroded),
                )
            )
    return [row.xzqdm for row in rates], figures


def erosion_change(
    townships: QgsVectorLayer,
    erosion: QgsVectorLayer,
    year_a: int,
    year_b: int,
    township_field: str = "xzqdm",
    grade_field: str = "qsqd",
    feedback: Optional[QgsFeedback] = None,
    context: Optional[QgsCoordinateTransformContext] = None,
    area_method: int = PLANIMETRIC,
) -> ErosionChange:
    """Area by grade in years A and B, both rates and 双下降 per township and county."""
    year_a, year_b = int(year_a), int(year_b)
    if year_a >= year_b:
        raise InputError(
            tr("The first monitoring year {0} must be before the second {1}.").format(
                year_a, year_b
            )
        )
    years, _ = erosion_years(erosion)
    for year in (year_a, year_b):
        if year not in years:
            raise InputError(
                tr(
                    "The erosion layer {0} has no features of the year {1}; its years are: {2}."
                ).format(erosion.name(), year, ", ".join(str(y) for y in years) or "-")
            )
    order, first = _year_figures(
        townships, township_field, erosion, grade_field, year_a, area_method, context, feedback
    )
    if feedback is not None:
        feedback.setProgress(50.0)
    _, second = _year_figures(
        townships, township_field, erosion, grade_field, year_b, area_method, context, feedback
    )
    result = ErosionChange(year_a, year_b)
    county_a, county_b = YearFigures(), YearFigures()
    for code in order:
        name, figures_a = first[code]
        figures_b = second[code][1]
        if code == COUNTY_CODE:
            for grade in GRADES:  # county = sum of the townships
                county_a.by_grade[grade] = sum(r.a.by_grade[grade] for r in result.rows)
                county_b.by_grade[grade] = sum(r.b.by_grade[grade] for r in result.rows)
            for mine, theirs in ((county_a, figures_a), (county_b, figures_b)):
                mine.land_hm2, mine.rate_percent = theirs.land_hm2, theirs.rate_percent
            result.rows.append(ChangeRow(code, name, county_a, county_b))
        else:
            result.rows.append(ChangeRow(code, name, figures_a, figures_b))
    if feedback is not None:
        feedback.setProgress(100.0)
    return result


def change_table(change: ErosionChange) -> List[Dict[str, object]]:
    """Rows of ``CHANGE_COLUMNS`` (Processing OUTPUT, demo)."""
    rows = []
    for row in change.rows:
        values: Dict[str, object] = {"xzqdm": row.xzqdm, "xzqmc": row.xzqmc}
        for suffix, figures in (("a", row.a), ("b", row.b)):
            for grade in GRADES:
                values["g{0}_{1}_hm2".format(grade, suffix)] = figures.by_grade[grade]
            values["eroded_{0}_hm2".format(suffix)] = figures.eroded_hm2
            values["severe_{0}_hm2".format(suffix)] = figures.severe_hm2
            values["mean_grade_{0}".format(suffix)] = figures.mean_grade
        values["rate_a"] = row.a.rate_percent
        values["rate_b"] = row.b.rate_percent
        values["rate_change"] = row.b.rate_percent - row.a.rate_percent
        values["area_fell"] = row.area_fell
        values["intensity_fell"] = row.intensity_fell
        values["double_decline"] = row.double_decline
        rows.append(values)
    return rows


CHANGE_COLUMNS = (
    (("xzqdm", "text"), ("xzqmc", "text"))
    + tuple(("g{0}_a_hm2".format(g), "real") for g in GRADES)
    + (("eroded_a_hm2", "real"), ("severe_a_hm2", "real"), ("mean_grade_a", "real"))
    + tuple(("g{0}_b_hm2".format(g), "real") for g in GRADES)
    + (
        ("eroded_b_hm2", "real"),
        ("severe_b_hm2", "real"),
        ("mean_grade_b", "real"),
        ("rate_a", "real"),
        ("rate_b", "real"),
        ("rate_change", "real"),
        ("area_fell", "bool"),
        ("intensity_fell", "bool"),
        ("double_decline", "bool"),
    )
)

__all__ = [
    "CHANGE_COLUMNS",
    "ChangeRow",
    "ErosionChange",
    "GRADES",
    "YearFigures",
    "change_table",
    "erosion_change",
]
