"""Synthetic Xingguo sample workspace: same seed, same data.

No public township boundaries exist, so the 25 townships (real codes and names
from ``domain/townships.csv``) sit on synthetic Voronoi boundaries inside a
synthetic county outline of 3,214.5 km² in EPSG:4547; the layers' descriptions
say so.  The data carries every case the capabilities must find: parcels that are
unregistered, exceed their project, moved elsewhere, overlap, or are invalid;
overlapping erosion polygons of every SL 190 grade; gullies of every scale, with
parts and treatment measures.
"""

from __future__ import annotations

import math
import os
import random
import sqlite3
import uuid
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeedback,
    QgsGeometry,
    QgsPointXY,
    QgsRectangle,
    QgsSpatialIndex,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate

from ..domain import codes
from ..domain.measures import SEED_MEASURES
from ..domain.thresholds import COUNTY_AREA_KM2, CRS_PROJECTED, benggang_scale, erosion_grade
from ..domain.townships import TOWNSHIPS
from ..domain.units import m2_to_hm2
from ..translation import tr
from .errors import CanceledError, WorkspaceError
from .geometry import index_geometry
from .settings import setting
from .workspace.geopackage import Workspace, checkpoint, create_workspace
from .workspace.schema import META_TABLE

#: Centre of the synthetic county in EPSG:4547 (about 115.45°E, 26.33°N).
COUNTY_CENTRE = (645_000.0, 2_913_000.0)
SYNTHETIC_NOTE = (
    "Synthetic sample data: geometry is generated, not surveyed; township codes and names are real."
)


@dataclass
class SampleSummary:
    """What was generated (counts per table and per injected case)."""

    path: str
    counts: Dict[str, int] = field(default_factory=dict)
    cases: Dict[str, List[str]] = field(default_factory=dict)


class _Random(random.Random):
    def uuid(self) -> str:
        return str(uuid.UUID(int=self.getrandbits(128), version=4))


def _polygon(points: Sequence[Tuple[float, float]]) -> QgsGeometry:
    ring = [QgsPointXY(x, y) for x, y in points]
    ring.append(ring[0])
    return QgsGeometry.fromPolygonXY([ring])


def _rectangle(cx: float, cy: float, width: float, height: float, angle: float) -> QgsGeometry:
    cos_a, sin_a = math.cos(angle), math.sin(angle)
    corners = [
        (-width / 2, -height / 2),
        (width / 2, -height / 2),
        (width / 2, height / 2),
        (-width / 2, height / 2),
    ]
    return _polygon([(cx + x * cos_a - y * sin_a, cy + x * sin_a + y * cos_a) for x, y in corners])


def county_outline(rng: _Random) -> QgsGeometry:
    """An irregular county of exactly ``COUNTY_AREA_KM2`` around the centre."""
    phases = [rng.uniform(0, 2 * math.pi) for _ in range(3)]
    radii = []
    vertices = 120
    for step in range(vertices):
        theta = 2 * math.pi * step / vertices
        radii.append(
            1
            + 0.10 * math.sin(3 * theta + phases[0])
            + 0.05 * math.cos(5 * theta + phases[1])
            + 0.025 * math.sin(9 * theta + phases[2])
        )
    unit = _polygon(
        [
            (r * math.cos(2 * math.pi * i / vertices), r * math.sin(2 * math.pi * i / vertices))
            for i, r in enumerate(radii)
        ]
    )
    scale = math.sqrt(COUNTY_AREA_KM2 * 1e6 / unit.area())
    cx, cy = COUNTY_CENTRE
    return _polygon(
        [
            (
                cx + r * scale * math.cos(2 * math.pi * i / vertices),
                cy + r * scale * math.sin(2 * math.pi * i / vertices),
            )
            for i, r in enumerate(radii)
        ]
    )


def _random_point_in(rng: _Random, geometry: QgsGeometry, engine=None) -> QgsPointXY:
    box = geometry.boundingBox()
    engine = engine or QgsGeometry.createGeometryEngine(geometry.constGet())
    while True:
        point = QgsPointXY(
            rng.uniform(box.xMinimum(), box.xMaximum()), rng.uniform(box.yMinimum(), box.yMaximum())
        )
        candidate = QgsGeometry.fromPointXY(point)  # kept alive while the engine reads it
        if engine.contains(candidate.constGet()):
            return point


def township_cells(rng: _Random, county: QgsGeometry) -> List[QgsGeometry]:
    """25 Voronoi cells clipped to the county, ordered like TOWNSHIPS.

    The first township (the county seat, 潋江镇) takes the cell nearest the centre.
    """
    engine = QgsGeometry.createGeometryEngine(county.constGet())
    engine.prepareGeometry()
    seeds: List[QgsPointXY] = [QgsPointXY(*COUNTY_CENTRE)]
    min_distance = 6_500.0
    while len(seeds) < len(TOWNSHIPS):
        point = _random_point_in(rng, county, engine)
        if all(point.distance(other) > min_distance for other in seeds):
            seeds.append(point)
        else:
            min_distance *= 0.995
    points = QgsGeometry.fromMultiPointXY(seeds)
    extent = county.boundingBox()
    extent.grow(20_000)
    diagram = points.voronoiDiagram(QgsGeometry.fromRect(extent))
    cells = [QgsGeometry(part.clone()) for part in diagram.constParts()]
    ordered: List[QgsGeometry] = []
    for seed in seeds:
        seed_geometry = QgsGeometry.fromPointXY(seed)
        cell = next(c for c in cells if c.contains(seed_geometry))
        ordered.append(cell.intersection(county))
    return ordered


class _Writer:
    """Buffers features per table and writes them through the data provider."""

    def __init__(self, workspace: Workspace):
        self.layers: Dict[str, QgsVectorLayer] = {}
        self.workspace = workspace
        self.pending: Dict[str, List[QgsFeature]] = {}

    def layer(self, table: str) -> QgsVectorLayer:
        if table not in self.layers:
            self.layers[table] = self.workspace.layer(table)
        return self.layers[table]

    def add(
        self, table: str, values: Dict[str, object], geometry: Optional[QgsGeometry] = None
    ) -> None:
        layer = self.layer(table)
        feature = QgsFeature(layer.fields())
        for name, value in values.items():
            feature.setAttribute(name, value)
        if geometry is not None:
            multi = QgsGeometry(geometry)
            multi.convertToMultiType()
            feature.setGeometry(multi)
        self.pending.setdefault(table, []).append(feature)

    def flush(self) -> Dict[str, int]:
        counts = {}
        for table, features in self.pending.items():
            ok, _ = self.layer(table).dataProvider().addFeatures(features)
            if not ok:
                raise WorkspaceError(
                    tr("Cannot write sample data into {0}: {1}").format(
                        table, "; ".join(self.layer(table).dataProvider().errors())
                    )
                )
            counts[table] = len(features)
        self.pending.clear()
        return counts


def _township_of(point: QgsPointXY, cells: List[QgsGeometry]) -> int:
    geometry = QgsGeometry.fromPointXY(point)
    for index, cell in enumerate(cells):
        if cell.contains(geometry):
            return index
    return min(range(len(cells)), key=lambda i: cells[i].distance(geometry))


def _date(rng: _Random, year_from: int, year_to: int) -> QDate:
    return QDate(year_from, 1, 1).addDays(rng.randrange((year_to - year_from + 1) * 365))


def generate_sample_workspace(
    path: str, parcels: int = 2000, seed: int = 20220101, feedback: Optional[QgsFeedback] = None
) -> SampleSummary:
    """Create ``path`` and fill it with the synthetic county; refuse an existing file."""
    if os.path.exists(path):
        raise WorkspaceError(
            tr("{0} already exists: sample data is only written into a new file.").format(path)
        )
    if parcels < 0:
        raise WorkspaceError(tr("The number of parcels cannot be negative."))
    feedback = feedback or QgsFeedback()
    workspace = create_workspace(path, QgsCoordinateReferenceSystem(CRS_PROJECTED), feedback)
    try:
        summary = _fill(workspace, parcels, _Random(seed), feedback)
    except BaseException:
        os.remove(path)
        raise
    return summary


def _check(feedback: QgsFeedback, progress: float) -> None:
    if feedback.isCanceled():
        raise CanceledError()
    feedback.setProgress(progress)


def _fill(
    workspace: Workspace, parcel_count: int, rng: _Random, feedback: QgsFeedback
) -> SampleSummary:
    summary = SampleSummary(workspace.path)
    writer = _Writer(workspace)
    county = county_outline(rng)
    cells = township_cells(rng, county)
    for township, cell in zip(TOWNSHIPS, cells):
        writer.add(
            "township",
            {
                "uuid": rng.uuid(),
                "xzqdm": township.xzqdm,
                "xzqmc": township.xzqmc,
                "pym": township.pinyin,
                "xzqlx": township.kind,
            },
            cell,
        )
    _check(feedback, 10)
    _add_erosion(writer, rng, county, cells)
    _check(feedback, 25)
    gullies = _add_benggang(writer, rng, county, cells)
    _check(feedback, 40)
    parcels = _add_projects_and_parcels(writer, rng, county, cells, parcel_count, summary)
    _check(feedback, 80)
    _add_measures(writer, rng, gullies, parcels)
    _add_watersheds(writer, county, cells)
    summary.counts = writer.flush()
    writer.layers.clear()  # release the providers before the checkpoint
    _mark_synthetic(workspace.path)
    checkpoint(workspace.path)
    feedback.setProgress(100)
    return summary


def _add_erosion(
    writer: _Writer, rng: _Random, county: QgsGeometry, cells: List[QgsGeometry]
) -> None:
    """Erosion patches; three hot-spot townships get many more, and patches overlap."""
    weights = (0.33, 0.33, 0.16, 0.09, 0.06, 0.03)
    limits = (0, 500, 2500, 5000, 8000, 15000, 25000)
    hot_spots = [cells[3], cells[10], cells[17]]
    centres = [_random_point_in(rng, county) for _ in range(700)]
    for spot in hot_spots:
        centres += [_random_point_in(rng, spot) for _ in range(110)]
    # the earlier survey draws from its own generator: the latest year (and every
    # table generated after it) stays what it was before several years existed
    earlier = _Random(rng.getstate()[1][0])
    for centre in centres:
        grade = rng.choices(range(1, 7), weights)[0]
        modulus = rng.uniform(limits[grade - 1], limits[grade] - 1)
        radius = rng.uniform(150, 900)
        vertices = 14
        ring = [
            (
                centre.x() + radius * rng.uniform(0.7, 1.0) * math.cos(2 * math.pi * k / vertices),
                centre.y() + radius * rng.uniform(0.7, 1.0) * math.sin(2 * math.pi * k / vertices),
            )
            for k in range(vertices)
        ]
        shape = _polygon(ring).intersection(county)
        if shape.isEmpty():
            continue
        assert erosion_grade(modulus) == grade
        index = _township_of(centre, cells)
        township = TOWNSHIPS[index]
        writer.add(
            "erosion",
            {
                "uuid": rng.uuid(),
                "qsqd": grade,
                "qsms": round(modulus, 1),
                "xzqdm": township.xzqdm,
                "nd": LATEST_SURVEY,
            },
            shape,
        )
        _add_earlier_patch(writer, earlier, county, centre, ring, grade, index, limits)


#: Monitoring years of the sample erosion (erosion ``nd``): the earlier survey has
#: more and stronger erosion in most townships, less in ``WORSENED`` ones.
EARLIER_SURVEY, LATEST_SURVEY = 2021, 2024
WORSENED = (5, 12, 20)


def _add_earlier_patch(
    writer: _Writer,
    rng: _Random,
    county: QgsGeometry,
    centre: QgsPointXY,
    ring,
    grade: int,
    township: int,
    limits,
) -> None:
    """The same patch in the earlier survey: larger and often a grade stronger
    (erosion fell since), or smaller and weaker in the townships that worsened."""
    if township in WORSENED:
        scale = rng.uniform(0.75, 0.95)
        before = max(1, grade - (1 if rng.random() < 0.4 else 0))
    else:
        scale = rng.uniform(1.0, 1.2)
        before = min(6, grade + (1 if rng.random() < 0.35 else 0))
    scaled = [
        (centre.x() + (x - centre.x()) * scale, centre.y() + (y - centre.y()) * scale)
        for x, y in ring
    ]
    shape = _polygon(scaled).intersection(county)
    if shape.isEmpty():
        return
    modulus = rng.uniform(limits[before - 1], limits[before] - 1)
    assert erosion_grade(modulus) == before
    writer.add(
        "erosion",
        {
            "uuid": rng.uuid(),
            "qsqd": before,
            "qsms": round(modulus, 1),
            "xzqdm": TOWNSHIPS[township].xzqdm,
            "nd": EARLIER_SURVEY,
        },
        shape,
    )


def _gully_shape(rng: _Random, cx: float, cy: float, area: float) -> QgsGeometry:
    """A ladle-like lobe of about ``area`` m² opening downslope."""
    vertices = 16
    angle = rng.uniform(0, 2 * math.pi)
    ring = []
    for k in range(vertices):
        theta = 2 * math.pi * k / vertices
        r = 1.0 + 0.35 * math.cos(theta) + rng.uniform(-0.08, 0.08)
        x, y = r * math.cos(theta), 0.7 * r * math.sin(theta)
        ring.append(
            (x * math.cos(angle) - y * math.sin(angle), x * math.sin(angle) + y * math.cos(angle))
        )
    unit = _polygon(ring)
    scale = math.sqrt(area / unit.area())
    return _polygon([(cx + x * scale, cy + y * scale) for x, y in ring])


def _add_benggang(
    writer: _Writer, rng: _Random, county: QgsGeometry, cells: List[QgsGeometry]
) -> List[Tuple[str, str, QgsGeometry, str]]:
    """300 non-overlapping gullies with IDs per township; parts for the first 20."""
    small_max = setting("benggang/small_max_m2")
    medium_max = setting("benggang/medium_max_m2")
    index = QgsSpatialIndex()
    sequence: Dict[str, int] = {}
    gullies = []
    shapes: List[QgsGeometry] = []
    while len(gullies) < 300:
        centre = _random_point_in(rng, county)
        area = min(max(math.exp(rng.gauss(7.0, 0.9)), 60.0), 12_000.0)
        shape = _gully_shape(rng, centre.x(), centre.y(), area)
        if any(shapes[i].intersects(shape) for i in index.intersects(shape.boundingBox())):
            continue
        if not county.contains(shape):
            continue
        township = TOWNSHIPS[_township_of(centre, cells)]
        sequence[township.xzqdm] = sequence.get(township.xzqdm, 0) + 1
        bgbh = "{0}-{1:04d}".format(township.xzqdm, sequence[township.xzqdm])
        gully_uuid = rng.uuid()
        status = rng.choices(codes.TREATMENT_STATUS.codes(), (0.45, 0.15, 0.40))[0]
        writer.add(
            "benggang",
            {
                "uuid": gully_uuid,
                "bgbh": bgbh,
                "xzqdm": township.xzqdm,
                "xzqmc": township.xzqmc,
                "mj": round(shape.area(), 2),
                "gm": benggang_scale(shape.area(), small_max, medium_max),
                "xt": rng.choice(codes.BENGGANG_SHAPE.codes()),
                "hdx": rng.choices(codes.BENGGANG_ACTIVITY.codes(), (0.6, 0.4))[0],
                "zlzt": status,
                "sd": round(rng.uniform(2, 25), 1),
                "kd": round(rng.uniform(5, 80), 1),
                "dcrq": _date(rng, 2022, 2024),
                "dcy": rng.choice(("张伟", "李娜", "王强", "刘洋")),
            },
            shape,
        )
        index_geometry(index, len(shapes), shape)
        shapes.append(shape)
        gullies.append((gully_uuid, bgbh, shape, status))
        if len(gullies) <= 20:
            _add_parts(writer, rng, bgbh, shape)
    return gullies


def _add_parts(writer: _Writer, rng: _Random, bgbh: str, shape: QgsGeometry) -> None:
    """Split a gully into five bands, one per part, from slope to fan."""
    box = shape.boundingBox()
    band = box.height() / len(codes.BENGGANG_PART)
    for position, part in enumerate(codes.BENGGANG_PART):
        strip = QgsGeometry.fromRect(
            QgsRectangle(
                box.xMinimum(),
                box.yMinimum() + position * band,
                box.xMaximum(),
                box.yMinimum() + (position + 1) * band,
            )
        )
        piece = shape.intersection(strip)
        if not piece.isEmpty():
            writer.add(
                "benggang_part",
                {"uuid": rng.uuid(), "bgbh": bgbh, "bw": part.code, "mj": round(piece.area(), 2)},
                piece,
            )


def _add_projects_and_parcels(
    writer: _Writer,
    rng: _Random,
    county: QgsGeometry,
    cells: List[QgsGeometry],
    parcel_count: int,
    summary: SampleSummary,
) -> List[Tuple[str, QgsGeometry, str]]:
    """Projects are blocks of 4×2 cells; each parcel takes a cell, then some go wrong.

    Injected cases (recorded in ``summary.cases`` by parcel ID): unregistered,
    exceeds its project, moved elsewhere (location changed), overlapping, invalid.
    """
    engine = QgsGeometry.createGeometryEngine(county.constGet())
    engine.prepareGeometry()
    cases: Dict[str, List[str]] = {
        name: [] for name in ("unregistered", "exceeds", "location_changed", "overlap", "invalid")
    }
    parcels: List[Tuple[str, QgsGeometry, str]] = []
    project_number = 0
    while len(parcels) < parcel_count:
        project_number += 1
        xmbh = "XM{0:05d}".format(project_number)
        centre = _random_point_in(rng, county, engine)
        cell_w, cell_h = rng.uniform(60, 160), rng.uniform(60, 160)
        angle = rng.uniform(0, math.pi)
        block = _rectangle(centre.x(), centre.y(), 4 * cell_w, 2 * cell_h, angle)
        if not engine.contains(block.constGet()):
            continue
        township = TOWNSHIPS[_township_of(centre, cells)]
        kind = rng.choice(codes.DEVELOPMENT_TYPE.codes())
        writer.add(
            "dev_project",
            {
                "uuid": rng.uuid(),
                "xmbh": xmbh,
                "xmmc": township.xzqmc
                + codes.DEVELOPMENT_TYPE.label(kind)
                + "开发项目"
                + str(project_number),
                "jsdw": rng.choice(("合作社", "农业公司", "林场", "个人")),
                "xzqdm": township.xzqdm,
                "kflx": kind,
                "pfwh": "兴水保字〔2023〕{0}号".format(project_number),
                "pfrq": _date(rng, 2021, 2024),
                "pfmj": round(block.area(), 2),
            },
            block,
        )
        cos_a, sin_a = math.cos(angle), math.sin(angle)
        for column in range(4):
            for row in range(2):
                if len(parcels) >= parcel_count:
                    break
                dx, dy = (column - 1.5) * cell_w, (row - 0.5) * cell_h
                x = centre.x() + dx * cos_a - dy * sin_a
                y = centre.y() + dx * sin_a + dy * cos_a
                tbbh = "TB{0:06d}".format(len(parcels) + 1)
                parcel_xmbh: Optional[str] = xmbh
                draw = rng.random()
                shape = _rectangle(x, y, 0.9 * cell_w, 0.9 * cell_h, angle)
                if draw < 0.08:
                    cases["unregistered"].append(tbbh)
                    parcel_xmbh = None if rng.random() < 0.5 else "XM9{0:04d}".format(len(parcels))
                elif draw < 0.14:
                    cases["exceeds"].append(tbbh)
                    # pushed outwards across the block edge by 30-60 % of a cell
                    push = rng.uniform(0.3, 0.6) * cell_h * (1 if row else -1)
                    shape = _rectangle(
                        x - push * sin_a, y + push * cos_a, 0.9 * cell_w, 0.9 * cell_h, angle
                    )
                elif draw < 0.18:
                    far = _random_point_in(rng, county, engine)
                    moved = _rectangle(far.x(), far.y(), 0.9 * cell_w, 0.9 * cell_h, angle)
                    if not moved.intersects(block) and engine.contains(moved.constGet()):
                        cases["location_changed"].append(tbbh)
                        shape = moved
                elif draw < 0.23 and parcels:
                    cases["overlap"].append(tbbh)
                    shape = _rectangle(
                        x - 0.45 * cell_w * cos_a,
                        y - 0.45 * cell_w * sin_a,
                        0.9 * cell_w,
                        0.9 * cell_h,
                        angle,
                    )
                elif draw < 0.235:
                    cases["invalid"].append(tbbh)
                    shape = _polygon(
                        [(x - 40, y - 40), (x + 40, y + 40), (x + 40, y - 40), (x - 40, y + 40)]
                    )  # bow-tie: self-intersecting
                parcel_township = TOWNSHIPS[_township_of(QgsPointXY(x, y), cells)]
                parcel_uuid = rng.uuid()
                writer.add(
                    "parcel",
                    {
                        "uuid": parcel_uuid,
                        "tbbh": tbbh,
                        "xmbh": parcel_xmbh,
                        "xzqdm": parcel_township.xzqdm,
                        "kflx": kind,
                        "rdlx": rng.choices(codes.DISTURBANCE_TYPE.codes(), (0.05, 0.05, 0.2, 0.7))[
                            0
                        ],
                        "bhlx": rng.choice(codes.CHANGE_TYPE.codes()),
                        "jszt": rng.choice(codes.CONSTRUCTION_STATE.codes()),
                        "jcrq": _date(rng, 2024, 2025),
                        "mj": round(shape.area(), 2),
                    },
                    shape,
                )
                parcels.append((parcel_uuid, shape, parcel_township.xzqdm))
    summary.cases = cases
    return parcels


def _add_measures(
    writer: _Writer,
    rng: _Random,
    gullies: List[Tuple[str, str, QgsGeometry, str]],
    parcels: List[Tuple[str, QgsGeometry, str]],
) -> None:
    """Measures on treated and in-treatment gullies, and terraces on some parcels."""
    taxonomy = {measure.code: measure for measure in SEED_MEASURES}
    pending = {feature["uuid"]: feature for feature in writer.pending.get("benggang", [])}
    treated = 0
    for gully_uuid, bgbh, shape, status in gullies:
        if status == "0":
            continue
        year = rng.randint(2020, 2025)
        if status == "2":  # completed in the year of its measures; modes in turn
            treated += 1
            mode = codes.TREATMENT_MODE.codes()[treated % 4]
            gully = pending[gully_uuid]
            gully.setAttribute("zlnd", year)
            gully.setAttribute("zlms", mode)
            gully.setAttribute("bgsl", 3 if treated % 10 == 0 else 1)  # some 崩岗群
            if mode == "3":
                gully.setAttribute("xzgd", round(m2_to_hm2(shape.area()) * 0.6, 4))
        xzqdm = bgbh.split("-")[0]
        for code, quantity in (
            ("E06", rng.randint(1, 4)),
            ("E03", round(rng.uniform(50, 400), 1)),
            ("V01", round(m2_to_hm2(shape.area()), 4)),
        ):
            measure = taxonomy[code]
            writer.add(
                "measure",
                {
                    "uuid": rng.uuid(),
                    "cslb": measure.measure_class,
                    "csdm": code,
                    "sl": quantity,
                    "dw": measure.unit,
                    "nd": year,
                    "xmmc": "兴国县崩岗治理项目{0}".format(year),
                    "zjly": rng.choice(("中央水利发展资金", "省级水保补偿费", "县级配套")),
                    "mbtc": "benggang",
                    "mbid": gully_uuid,
                    "xzqdm": xzqdm,
                },
            )
    for position, (parcel_uuid, shape, xzqdm) in enumerate(parcels[::7]):
        measure = taxonomy["E01"]
        values = {
            "uuid": rng.uuid(),
            "cslb": measure.measure_class,
            "csdm": "E01",
            "sl": round(m2_to_hm2(shape.area()), 4),
            "dw": measure.unit,
            "nd": rng.randint(2022, 2025),
            "xmmc": "坡改梯项目",
            "zjly": "业主自筹",
            "mbtc": "parcel",
            "mbid": parcel_uuid,
            "xzqdm": xzqdm,
        }
        writer.add("measure", values)
        if position % 4 == 0:  # terraces first built in 2019: re-treated, not new
            writer.add(
                "measure",
                dict(
                    values,
                    nd=2019,
                    xmmc="坡改梯项目2019",
                    uuid=str(uuid.uuid5(uuid.NAMESPACE_URL, "xgswc-retreated-" + parcel_uuid)),
                ),
            )
    _add_township_targets(writer)


#: Township targets of the sample (others take the county defaults): code, year,
#: rate %, treated area hm², gullies 座, finding closure %.
SAMPLE_TARGETS = (
    ("360732100", 2023, 85.0, 40.0, 10, 90.0),
    ("360732100", 2024, 85.0, 40.0, 10, 90.0),
    ("360732104", 2023, 80.0, 25.0, 6, 80.0),
    ("360732104", 2024, 80.0, 25.0, 6, 80.0),
)


def _add_township_targets(writer: _Writer) -> None:
    for code, year, rate, area, gullies, closure in SAMPLE_TARGETS:
        writer.add(
            "township_target",
            {
                "xzqdm": code,
                "nd": year,
                "bcl_mb": rate,
                "zlmj_mb": area,
                "zlbg_mb": gullies,
                "xh_mb": closure,
            },
        )


def _mark_synthetic(path: str) -> None:
    """Say in every table's GeoPackage description that the geometry is synthetic."""
    with sqlite3.connect(path) as connection:
        connection.execute(
            "UPDATE gpkg_contents SET description = ? WHERE table_name IN "
            "(SELECT table_name FROM gpkg_contents WHERE data_type = 'features')",
            (SYNTHETIC_NOTE,),
        )
        connection.execute(
            "INSERT OR REPLACE INTO " + META_TABLE + " (key, value) VALUES (?, ?)",
            ("synthetic", SYNTHETIC_NOTE),
        )


#: Sample small watersheds (小流域): code, name, type, centre offset from the county
#: centre (km), radius (km).  Synthetic, as all sample geometry.
SAMPLE_WATERSHEDS = (
    ("XG-LY01", "示例一号小流域", "1", (-12.0, -8.0), 4.5),
    ("XG-LY02", "示例二号小流域", "2", (10.0, -10.0), 5.0),
    ("XG-LY03", "示例三号小流域", "3", (-6.0, 12.0), 4.0),
    ("XG-LY04", "示例四号小流域", "2", (14.0, 8.0), 5.5),
)


def _add_watersheds(writer: _Writer, county: QgsGeometry, cells: List[QgsGeometry]) -> None:
    """A few non-overlapping small watersheds with the townships they touch."""
    cx, cy = COUNTY_CENTRE
    for code, name, kind, (dx, dy), radius in SAMPLE_WATERSHEDS:
        ring = [
            (
                cx
                + dx * 1000
                + radius
                * 1000
                * (1 + 0.15 * math.sin(3 * k * math.pi / 12))
                * math.cos(k * math.pi / 12),
                cy
                + dy * 1000
                + radius
                * 1000
                * (1 + 0.15 * math.sin(3 * k * math.pi / 12))
                * math.sin(k * math.pi / 12),
            )
            for k in range(24)
        ]
        shape = _polygon(ring).intersection(county)
        towns = [
            TOWNSHIPS[i].xzqdm
            for i, cell in enumerate(cells)
            if cell.intersection(shape).area() > 1.0
        ]
        writer.add(
            "watershed",
            {
                "uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, "xgswc-" + code)),
                "lydm": code,
                "lymc": name,
                "lylx": kind,
                "xzqdm": ",".join(sorted(towns)),
                "mj": round(shape.area(), 2),
            },
            shape,
        )
