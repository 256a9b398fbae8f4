"""planprogress, erosionchange, conservationrate YEAR, townshipassessment.

Hand-built workspaces with obvious answers, run through the Processing
algorithms, and the plan definitions and 双下降 recomputed independently with
geopandas / shapely 2 in the peer venv (``tests/bench/peer_plan.py``).
"""

from __future__ import annotations

import json
import random
import uuid
from pathlib import Path

import peerenv  # noqa: E402
import processing
import pytest
from osgeo import ogr
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsVectorLayer
from test_measures import add_townships, box_wkt
from test_plan import add_gully, add_parcels, add_records

from xingguo_swc_plugin.core.assessment import township_assessment
from xingguo_swc_plugin.core.erosion_change import GRADES, erosion_change
from xingguo_swc_plugin.core.errors import InputError
from xingguo_swc_plugin.core.monitoring import erosion_of_year
from xingguo_swc_plugin.core.plan import plan_progress
from xingguo_swc_plugin.core.stats import conservation_rate
from xingguo_swc_plugin.core.workspace.geopackage import open_workspace

PEER = Path(__file__).resolve().parents[1] / "bench" / "peer_plan.py"
WEST, EAST, COUNTY = "360732100", "360732101", "360732"


def _peer(mode: str, gpkg: str, out: Path, *args) -> dict:
    done = peerenv.run_peer(PEER, mode, gpkg, str(out), *[str(a) for a in args])
    assert done.returncode == 0, done.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def layer(path: str, table: str) -> QgsVectorLayer:
    result = QgsVectorLayer(path + "|layername=" + table, table, "ogr")
    assert result.isValid()
    return result


def plan_rows(path: str, **parameters) -> dict:
    parameters = dict(
        {"MEASURES": layer(path, "measure"), "OUTPUT": "TEMPORARY_OUTPUT"}, **parameters
    )
    result = processing.run("xingguoswc:planprogress", parameters)
    return {f["xzqdm"]: f for f in result["OUTPUT"].getFeatures()}


@pytest.fixture
def ws(empty_workspace):
    add_townships(empty_workspace)
    return empty_workspace


# ------------------------------------------------------------------ planprogress by hand
def test_output_columns_are_the_contract(ws):
    result = processing.run(
        "xingguoswc:planprogress", {"MEASURES": layer(ws, "measure"), "OUTPUT": "TEMPORARY_OUTPUT"}
    )
    assert result["OUTPUT"].fields().names() == [
        "xzqdm",
        "xzqmc",
        "treated_area_hm2",
        "retreated_area_hm2",
        "treated_gullies",
        "new_farmland_hm2",
        "target_area_hm2",
        "target_gullies",
        "area_progress_percent",
        "gully_progress_percent",
    ]
    assert [f["xzqdm"] for f in result["OUTPUT"].getFeatures()] == [WEST, EAST, COUNTY]


def test_linear_measure_on_a_big_parcel_adds_nothing(ws):
    (parcel,) = add_parcels(ws, [(501000, 2901000, 501400, 2901250)])  # 10 hm²
    add_records(ws, [("E03", 200.0, 2023, "parcel", parcel)])
    rows = plan_rows(ws)
    assert rows[COUNTY]["treated_area_hm2"] == 0.0
    assert rows[WEST]["treated_area_hm2"] == 0.0


def test_two_overlapping_fully_treated_parcels_count_once(ws):
    a, b = add_parcels(
        ws,
        [
            (501000, 2901000, 501200, 2901100),  # 2 hm²
            (501100, 2901000, 501300, 2901100),
        ],
    )  # 2 hm², 1 shared
    add_records(ws, [("V01", 2.0, 2022, "parcel", a), ("V05", 2.0, 2024, "parcel", b)])
    rows = plan_rows(ws)
    assert rows[WEST]["treated_area_hm2"] == pytest.approx(3.0)
    assert rows[COUNTY]["treated_area_hm2"] == pytest.approx(3.0)


def test_treated_2019_and_2023_is_retreated_not_new(ws):
    (parcel,) = add_parcels(ws, [(501000, 2901000, 501100, 2901100)])  # 1 hm²
    add_records(ws, [("V01", 1.0, 2019, "parcel", parcel), ("V01", 1.0, 2023, "parcel", parcel)])
    rows = plan_rows(ws)
    assert rows[COUNTY]["treated_area_hm2"] == 0.0
    assert rows[COUNTY]["retreated_area_hm2"] == pytest.approx(1.0)
    # an explicit period from 2019 sees it as new
    rows = plan_rows(ws, YEAR_FROM=2019, YEAR_TO=2025)
    assert rows[COUNTY]["treated_area_hm2"] == pytest.approx(1.0)


def test_gully_group_of_three_and_boundary_gully(ws):
    add_gully(ws, (501000, 2901000, 501100, 2901100), WEST, count=3)  # 崩岗群 of 3
    add_gully(ws, (509950, 2905000, 510150, 2905050), EAST)  # on the border
    add_gully(ws, (511000, 2901000, 511100, 2901100), EAST, year=2021)  # before
    rows = plan_rows(ws)
    assert rows[WEST]["treated_gullies"] == 3
    assert rows[EAST]["treated_gullies"] == 1
    assert rows[COUNTY]["treated_gullies"] == 4
    # the window is the plan window by default, and the period is honoured
    assert plan_rows(ws, YEAR_FROM=2021, YEAR_TO=2021)[COUNTY]["treated_gullies"] == 1


def test_zones_report_per_zone(ws, tmp_path):
    add_gully(ws, (501000, 2901000, 501100, 2901100), WEST, count=2)
    (parcel,) = add_parcels(ws, [(509000, 2901000, 511000, 2901100)])  # 20 hm² across
    add_records(ws, [("V01", 20.0, 2023, "parcel", parcel)])
    zones = QgsVectorLayer(
        "MultiPolygon?crs=EPSG:4547&field=lydm:string&field=lymc:string", "ws", "memory"
    )
    zone = QgsFeature(zones.fields())
    zone.setAttributes(["LY01", "潋江小流域"])
    zone.setGeometry(QgsGeometry.fromWkt(box_wkt(500000, 2900000, 509500, 2910000)))
    assert zones.dataProvider().addFeatures([zone])[0]
    rows = plan_rows(ws, ZONES=zones, ZONE_FIELD="lydm")
    assert rows["LY01"]["treated_area_hm2"] == pytest.approx(5.0)
    assert rows["LY01"]["treated_gullies"] == 2
    assert rows["LY01"]["xzqmc"] == "潋江小流域"
    assert rows[COUNTY]["treated_area_hm2"] == pytest.approx(20.0)


# ------------------------------------------------------------------ planprogress vs peer
def _generated_plan_workspace(path: str, seed: int) -> None:
    """Random parcels (overlapping, across the border), area and linear records in
    and before the window, gullies of every status, year and size."""
    rng = random.Random(seed)
    boxes = []
    for _ in range(70):
        x = rng.uniform(500200, 519000)
        y = rng.uniform(2900200, 2909000)
        boxes.append((x, y, x + rng.uniform(50, 900), y + rng.uniform(50, 700)))
    for _ in range(6):  # across the township border
        y = rng.uniform(2900200, 2909000)
        boxes.append(
            (rng.uniform(509000, 509900), y, rng.uniform(510100, 511000), y + rng.uniform(100, 500))
        )
    uuids = add_parcels(path, boxes)
    records = []
    for box, target in zip(boxes, uuids):
        area = (box[2] - box[0]) * (box[3] - box[1]) / 10000.0
        for _ in range(rng.randint(0, 3)):
            code = rng.choice(("V01", "V05", "E01", "E03"))
            share = rng.choice((1.0, 1.0, 0.995, 0.5, 0.2, 1.3))
            records.append(
                (
                    code,
                    round(area * share, 4) if code != "E03" else 300.0,
                    rng.randint(2018, 2025),
                    "parcel",
                    target,
                )
            )
    add_records(path, records)
    for _ in range(40):
        x = rng.uniform(500200, 519000)
        y = rng.uniform(2900200, 2909000)
        code = WEST if x < 510000 else EAST
        add_gully(
            path,
            (x, y, x + 60, y + 40),
            code,
            status=rng.choice("0122"),
            year=rng.choice((None, 2020, 2022, 2023, 2025)),
            count=rng.choice((None, 1, 2, 3)),
            farmland=rng.choice((None, round(rng.uniform(0.1, 2), 3))),
        )


def test_planprogress_matches_geopandas(ws, tmp_path):
    _generated_plan_workspace(ws, seed=41)
    open_workspace(ws)  # flush
    for first, last in ((2022, 2025), (2020, 2023)):
        rows = plan_rows(ws, YEAR_FROM=first, YEAR_TO=last)
        peer = _peer("plan", ws, tmp_path / "plan.json", first, last)
        assert len(peer["rows"]) == 3
        for expected in peer["rows"]:
            row = rows[expected["xzqdm"]]
            for name in ("treated_area_hm2", "retreated_area_hm2", "new_farmland_hm2"):
                assert row[name] == pytest.approx(expected[name], abs=1e-6), name
            assert row["treated_gullies"] == expected["treated_gullies"]
        assert rows[COUNTY]["treated_area_hm2"] > 1.0  # the data exercise the definition
        assert rows[COUNTY]["retreated_area_hm2"] > 0.1


# ------------------------------------------------------------------ 双下降
def _erosion(path: str, patches) -> QgsVectorLayer:
    """Erosion patches (box, grade, year) into the workspace."""
    erosion = open_workspace(path).layer("erosion")
    features = []
    for box, grade, year in patches:
        feature = QgsFeature(erosion.fields())
        feature.setAttribute("uuid", str(uuid.uuid4()))
        feature.setAttribute("qsqd", grade)
        feature.setAttribute("nd", year)
        feature.setGeometry(QgsGeometry.fromWkt(box_wkt(*box)))
        features.append(feature)
    assert erosion.dataProvider().addFeatures(features)[0]
    return layer(path, "erosion")


def test_double_decline_by_hand(ws):
    erosion = _erosion(
        ws,
        [
            # west: 2021 4 hm² of grade 4 with a grade-2 polygon overlapping half of it
            ((501000, 2901000, 501200, 2901200), 4, 2021),
            ((501100, 2901000, 501300, 2901200), 2, 2021),
            # west 2024: 3 hm² of grade 3  -> area 6 -> 3, severe 4 -> 3, mean 10/3 -> 3
            ((501000, 2901000, 501300, 2901100), 3, 2024),
            # east: area falls (5 -> 4) but it became stronger (grade 2 -> 3)
            ((511000, 2901000, 511500, 2901100), 2, 2021),
            ((511000, 2901000, 511400, 2901100), 3, 2024),
        ],
    )
    result = processing.run(
        "xingguoswc:erosionchange",
        {
            "TOWNSHIPS": layer(ws, "township"),
            "EROSION": erosion,
            "YEAR_A": 2021,
            "YEAR_B": 2024,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    rows = {f["xzqdm"]: f for f in result["OUTPUT"].getFeatures()}
    west, east, county = rows[WEST], rows[EAST], rows[COUNTY]
    assert west["g4_a_hm2"] == pytest.approx(4.0)  # the higher grade holds
    assert west["g2_a_hm2"] == pytest.approx(2.0)
    assert west["eroded_a_hm2"] == pytest.approx(6.0)
    assert west["mean_grade_a"] == pytest.approx((4 * 4 + 2 * 2) / 6.0)
    assert west["g3_b_hm2"] == pytest.approx(3.0)
    assert west["double_decline"] is True or west["double_decline"] == 1
    assert east["area_fell"] and not east["intensity_fell"] and not east["double_decline"]
    assert county["eroded_a_hm2"] == pytest.approx(11.0)
    assert county["eroded_b_hm2"] == pytest.approx(7.0)
    assert county["rate_a"] == pytest.approx((20000 - 11) / 20000 * 100)
    assert county["rate_b"] == pytest.approx((20000 - 7) / 20000 * 100)
    assert result["DOUBLE_DECLINE_TOWNSHIPS"] == 1
    # per small watershed exactly as per township (a zoning layer and its code field)
    zones = QgsVectorLayer("MultiPolygon?crs=EPSG:4547&field=lydm:string", "ws", "memory")
    zone = QgsFeature(zones.fields())
    zone.setAttributes(["LY01"])
    zone.setGeometry(QgsGeometry.fromWkt(box_wkt(500000, 2900000, 501150, 2910000)))
    assert zones.dataProvider().addFeatures([zone])[0]
    result = processing.run(
        "xingguoswc:erosionchange",
        {
            "TOWNSHIPS": zones,
            "TOWNSHIP_FIELD": "lydm",
            "EROSION": erosion,
            "YEAR_A": 2021,
            "YEAR_B": 2024,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    rows = {f["xzqdm"]: f for f in result["OUTPUT"].getFeatures()}
    assert rows["LY01"]["g4_a_hm2"] == pytest.approx(3.0)  # x 501000-501150 of grade 4
    assert rows["LY01"]["g2_a_hm2"] == pytest.approx(0.0)
    assert rows["LY01"]["g3_b_hm2"] == pytest.approx(1.5)
    with pytest.raises(QgsProcessingException, match="2019"):
        processing.run(
            "xingguoswc:erosionchange",
            {
                "TOWNSHIPS": layer(ws, "township"),
                "EROSION": erosion,
                "YEAR_A": 2019,
                "YEAR_B": 2024,
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )


def test_erosion_change_matches_geopandas_on_the_sample(sample_workspace, tmp_path):
    change = erosion_change(
        layer(sample_workspace, "township"), layer(sample_workspace, "erosion"), 2021, 2024
    )
    peer = _peer("change", sample_workspace, tmp_path / "change.json", 2021, 2024)
    assert len(peer["rows"]) == len(change.rows) == 26
    flags = []
    for expected in peer["rows"]:
        row = change.row(expected["xzqdm"])
        for grade in GRADES:
            assert row.a.by_grade[grade] == pytest.approx(
                expected["g{0}_a_hm2".format(grade)], abs=1e-6
            )
            assert row.b.by_grade[grade] == pytest.approx(
                expected["g{0}_b_hm2".format(grade)], abs=1e-6
            )
        assert row.a.mean_grade == pytest.approx(expected["mean_a"], abs=1e-9)
        assert row.a.rate_percent == pytest.approx(expected["rate_a"], abs=1e-6)
        assert row.b.rate_percent == pytest.approx(expected["rate_b"], abs=1e-6)
        assert row.double_decline == expected["double_decline"]
        flags.append(row.double_decline)
    assert any(flags) and not all(flags)  # the sample has townships of both kinds


# ------------------------------------------------------------------ conservationrate YEAR
def test_conservation_rate_takes_one_year(ws):
    erosion = _erosion(
        ws,
        [
            ((501000, 2901000, 501200, 2901200), 3, 2021),  # 4 hm²
            ((501000, 2901000, 501100, 2901100), 3, 2024),
        ],
    )  # 1 hm²
    latest = conservation_rate(layer(ws, "township"), "xzqdm", erosion)
    assert latest.year == 2024
    assert latest[0].erosion_area_m2 == pytest.approx(10000.0)
    earlier = conservation_rate(layer(ws, "township"), "xzqdm", erosion, year=2021)
    assert earlier[0].erosion_area_m2 == pytest.approx(40000.0)
    result = processing.run(
        "xingguoswc:conservationrate",
        {
            "TOWNSHIPS": layer(ws, "township"),
            "EROSION": erosion,
            "YEAR": 2021,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    assert result["YEAR"] == 2021
    rows = list(result["OUTPUT"].getFeatures())
    assert rows[0]["erosion_area_m2"] == pytest.approx(40000.0)
    assert {row["nd"] for row in rows} == {2021}
    with pytest.raises(QgsProcessingException, match="2019"):
        processing.run(
            "xingguoswc:conservationrate",
            {
                "TOWNSHIPS": layer(ws, "township"),
                "EROSION": erosion,
                "YEAR": 2019,
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )


def test_undated_erosion_beside_dated_is_refused(ws):
    erosion = _erosion(
        ws,
        [
            ((501000, 2901000, 501200, 2901200), 3, 2021),
            ((501000, 2901000, 501100, 2901100), 3, None),
        ],
    )
    with pytest.raises(InputError, match="nd"):
        erosion_of_year(erosion)


def test_undated_erosion_is_one_survey(ws):
    erosion = _erosion(ws, [((501000, 2901000, 501200, 2901200), 3, None)])
    rates = conservation_rate(layer(ws, "township"), "xzqdm", erosion)
    assert rates.year is None
    assert rates[0].erosion_area_m2 == pytest.approx(40000.0)
    with pytest.raises(InputError, match="2021"):
        conservation_rate(layer(ws, "township"), "xzqdm", erosion, year=2021)


# ------------------------------------------------------------------ townshipassessment
def _targets(path: str, rows) -> None:
    table = open_workspace(path).layer("township_target")
    features = []
    for code, year, rate, area, gullies, closure in rows:
        feature = QgsFeature(table.fields())
        for name, value in (
            ("xzqdm", code),
            ("nd", year),
            ("bcl_mb", rate),
            ("zlmj_mb", area),
            ("zlbg_mb", gullies),
            ("xh_mb", closure),
        ):
            feature.setAttribute(name, value)
        features.append(feature)
    assert table.dataProvider().addFeatures(features)[0]


def _findings(path: str, rows) -> None:
    table = open_workspace(path).layer("finding")
    features = []
    for number, (code, status) in enumerate(rows):
        feature = QgsFeature(table.fields())
        for name, value in (
            ("uuid", str(uuid.uuid4())),
            ("tbbh", "T{0}".format(number)),
            ("gz", "unregistered"),
            ("xzqdm", code),
            ("zt", status),
        ):
            feature.setAttribute(name, value)
        feature.setGeometry(QgsGeometry.fromWkt(box_wkt(501000, 2901000, 501010, 2901010)))
        features.append(feature)
    assert table.dataProvider().addFeatures(features)[0]


def _sheets(path: str) -> dict:
    """{sheet name: [row dicts]} read back with OGR (not with the writer)."""
    source = ogr.Open(path)
    assert source is not None
    sheets = {}
    for index in range(source.GetLayerCount()):
        sheet = source.GetLayerByIndex(index)
        sheets[sheet.GetName()] = [feature.items() for feature in sheet]
    return sheets


def test_assessment_by_hand_and_xlsx_sheets_per_year(ws, tmp_path):
    (parcel,) = add_parcels(ws, [(501000, 2901000, 501500, 2901200)])  # 10 hm²
    add_records(ws, [("V01", 10.0, 2023, "parcel", parcel)])
    add_gully(ws, (501000, 2905000, 501100, 2905100), WEST, count=3, year=2023)
    _erosion(ws, [((511000, 2901000, 511500, 2901200), 3, 2023)])  # 10 hm² east
    _targets(ws, [(WEST, 2023, 99.0, 8.0, 4, 50.0), (EAST, 2023, 99.99, 0.0, 0, 100.0)])
    _findings(ws, [(WEST, "5"), (WEST, "1"), (EAST, "5")])
    out = tmp_path / "assessment.xlsx"
    result = processing.run(
        "xingguoswc:townshipassessment",
        {"WORKSPACE": ws, "YEAR_FROM": 2022, "YEAR_TO": 2024, "OUTPUT": str(out)},
    )
    sheets = _sheets(str(out))
    assert sorted(sheets) == ["2022", "2023", "2024"]
    rows = {row["xzqdm"]: row for row in sheets["2023"]}
    assert set(rows) == {WEST, EAST, COUNTY}
    west, east = rows[WEST], rows[EAST]
    assert west["treated_area_hm2"] == pytest.approx(10.0)
    assert west["area_target_hm2"] == pytest.approx(8.0)
    assert west["area_progress"] == pytest.approx(125.0)
    assert west["treated_gullies"] == 3 and west["gully_target"] == 4
    assert west["closure_percent"] == pytest.approx(50.0)
    assert west["rate_percent"] == pytest.approx(100.0)
    assert west["unmet"] == "治理崩岗" or "gullies" in west["unmet"]
    assert east["rate_percent"] == pytest.approx((10000 - 10) / 10000 * 100)
    assert east["rate_target"] == pytest.approx(99.99)
    assert east["unmet"] in ("水土保持率", "conservation rate")
    # 2022: no erosion monitored -> the rate is not assessed; default targets apply
    row_2022 = {row["xzqdm"]: row for row in sheets["2022"]}[WEST]
    assert row_2022["rate_percent"] is None
    assert row_2022["area_target_hm2"] == pytest.approx(12000.0 / 4 / 2)
    # the core object says the same as the workbook
    assessment = township_assessment(open_workspace(ws), 2022, 2024)
    assert assessment.row(2023, WEST).unmet == ["gullies"]
    assert assessment.row(2023, EAST).unmet == ["rate"]
    assert assessment.unmonitored_years == [2022, 2024]
    assert result["UNMET_ROWS"] == sum(1 for r in assessment.rows if r.unmet and r.xzqdm != COUNTY)


def test_assessment_agrees_with_plan_progress_on_the_sample(sample_workspace, tmp_path):
    workspace = open_workspace(sample_workspace)
    assessment = township_assessment(workspace, 2024, 2024)
    progress = plan_progress(workspace.layer("measure"), year_from=2024, year_to=2024)
    rates = conservation_rate(
        workspace.layer("township"), "xzqdm", workspace.layer("erosion"), year=2024
    )
    for zone in progress.rows[:-1]:
        row = assessment.row(2024, zone.xzqdm)
        assert row.achieved["area"] == pytest.approx(zone.treated_area_hm2)
        assert row.achieved["gullies"] == zone.treated_gullies
    for rate in rates[:-1]:
        assert assessment.row(2024, rate.xzqdm).achieved["rate"] == pytest.approx(rate.rate_percent)
    # the sample's own targets are used (360732100: 40 hm², 10 座, 85 %)
    assert assessment.row(2024, "360732100").target["area"] == pytest.approx(40.0)
    assert assessment.row(2024, "360732100").target["rate"] == pytest.approx(85.0)


# ------------------------------------------------------------------ PostGIS workspace
def test_rate_of_an_earlier_year_on_the_server_equals_the_local_engine(sample_workspace, pg_sample):
    from test_postgis_compute import close, on_server

    local = open_workspace(sample_workspace)
    expected = conservation_rate(
        local.layer("township"), "xzqdm", local.layer("erosion"), year=2021
    )
    assert on_server(pg_sample.layer("township"), pg_sample.layer("erosion"))
    result = conservation_rate(
        pg_sample.layer("township"), "xzqdm", pg_sample.layer("erosion"), year=2021
    )
    assert result.year == expected.year == 2021
    latest = conservation_rate(local.layer("township"), "xzqdm", local.layer("erosion"))
    assert latest.year == 2024
    assert not close(latest[-1].erosion_area_m2, expected[-1].erosion_area_m2)
    for a, b in zip(expected, result):
        assert a.xzqdm == b.xzqdm and close(a.erosion_area_m2, b.erosion_area_m2), (a, b)


def test_assessment_on_postgis_equals_geopackage(
    sample_workspace, pg_sample, pg_connection, tmp_path
):
    local = township_assessment(open_workspace(sample_workspace), 2023, 2024)
    server = township_assessment(pg_sample, 2023, 2024)
    books = []
    for name, workspace in (
        ("gpkg", {"WORKSPACE": sample_workspace}),
        ("pg", {"CONNECTION": pg_connection, "SCHEMA": pg_sample.schema}),
    ):
        path = tmp_path / (name + ".xlsx")
        processing.run(
            "xingguoswc:townshipassessment",
            dict(workspace, YEAR_FROM=2023, YEAR_TO=2024, OUTPUT=str(path)),
        )
        books.append(_sheets(str(path)))
    assert sorted(books[0]) == sorted(books[1]) == ["2023", "2024"]
    for sheet in books[0]:
        assert len(books[0][sheet]) == len(books[1][sheet]) == 26
        for a, b in zip(books[0][sheet], books[1][sheet]):
            assert a.keys() == b.keys()
            for key in a:
                if isinstance(a[key], float):
                    assert b[key] == pytest.approx(a[key], rel=1e-9), key
                else:
                    assert a[key] == b[key], key
    assert len(local.rows) == len(server.rows) == 2 * 26
    for a, b in zip(local.rows, server.rows):
        assert (a.year, a.xzqdm, a.unmet) == (b.year, b.xzqdm, b.unmet)
        for item in a.achieved:
            if a.achieved[item] is None:
                assert b.achieved[item] is None
            else:
                assert b.achieved[item] == pytest.approx(a.achieved[item], rel=1e-9)


# ------------------------------------------------------------------ cancel
@pytest.mark.parametrize("moment", (0, 1, 3))
@pytest.mark.parametrize("algorithm", ("planprogress", "erosionchange", "townshipassessment"))
def test_cancel_leaves_nothing(sample_workspace, tmp_path, algorithm, moment):
    from test_cancel import make_feedback

    out = tmp_path / ("out.xlsx" if algorithm == "townshipassessment" else "out.gpkg")
    parameters = {
        "planprogress": {"MEASURES": layer(sample_workspace, "measure"), "OUTPUT": str(out)},
        "erosionchange": {
            "TOWNSHIPS": layer(sample_workspace, "township"),
            "EROSION": layer(sample_workspace, "erosion"),
            "YEAR_A": 2021,
            "YEAR_B": 2024,
            "OUTPUT": str(out),
        },
        "townshipassessment": {"WORKSPACE": sample_workspace, "OUTPUT": str(out)},
    }[algorithm]
    feedback = make_feedback(moment)
    try:
        processing.run("xingguoswc:" + algorithm, parameters, feedback=feedback)
    except QgsProcessingException as error:
        assert feedback.fired, "failed without a cancel: {0}".format(error)
        assert "Cancel" in str(error) or "取消" in str(error), str(error)
        assert not out.exists(), "a canceled run left its output"
        return
    assert not feedback.fired, "a canceled run reported success"
    assert out.exists()


def test_dashboard_erosion_by_grade_is_of_the_rate_year(sample_workspace):
    from xingguo_swc_plugin.core.dashboard import county_dashboard
    from xingguo_swc_plugin.core.stats import township_area_stats

    towns, erosion = layer(sample_workspace, "township"), layer(sample_workspace, "erosion")
    board = county_dashboard(towns, "xzqdm", erosion, "qsqd", erosion=erosion)
    latest, year = erosion_of_year(erosion)
    assert year == 2024 and board.rates.year == 2024
    expected = township_area_stats(towns, "xzqdm", latest, "qsqd")
    assert [(r.xzqdm, r.klass, r.area_m2) for r in board.areas] == [
        (r.xzqdm, r.klass, r.area_m2) for r in expected
    ]
    assert sum(r.feature_count for r in board.areas if r.xzqdm == COUNTY) < erosion.featureCount()


def test_planprogress_on_postgis_equals_geopackage(sample_workspace, pg_sample):
    local = plan_rows(sample_workspace)
    server = plan_rows(sample_workspace, MEASURES=pg_sample.layer("measure"))
    assert len(local) == len(server) == 26
    for code, row in local.items():
        for name in (
            "treated_area_hm2",
            "retreated_area_hm2",
            "new_farmland_hm2",
            "target_area_hm2",
        ):
            assert server[code][name] == pytest.approx(row[name], rel=1e-9, abs=1e-9)
        assert server[code]["treated_gullies"] == row["treated_gullies"]
    assert local[COUNTY]["treated_gullies"] > 0 and local[COUNTY]["treated_area_hm2"] > 0


def test_planprogress_matches_geopandas_on_the_sample(sample_workspace, tmp_path):
    for first, last in ((2022, 2025), (2023, 2024)):
        rows = plan_rows(sample_workspace, YEAR_FROM=first, YEAR_TO=last)
        peer = _peer("plan", sample_workspace, tmp_path / "plan.json", first, last)
        assert len(peer["rows"]) == len(rows) == 26
        for expected in peer["rows"]:
            row = rows[expected["xzqdm"]]
            for name in ("treated_area_hm2", "retreated_area_hm2", "new_farmland_hm2"):
                assert row[name] == pytest.approx(expected[name], abs=1e-6), name
            assert row["treated_gullies"] == expected["treated_gullies"]
        assert rows[COUNTY]["retreated_area_hm2"] > 0 or first == 2022
        assert rows[COUNTY]["treated_gullies"] > 0


def test_atlas_map_shows_the_latest_survey(sample_workspace):
    from xingguo_swc_plugin.core.atlas_layers import default_layers

    (erosion,) = [
        lay
        for lay in default_layers(layer(sample_workspace, "township"))
        if lay.source().endswith("layername=erosion") or "erosion" in lay.source()
    ]
    years = {feature["nd"] for feature in erosion.getFeatures()}
    assert years == {2024}
    shown = sum(1 for _ in erosion.getFeatures())
    assert layer(sample_workspace, "erosion").featureCount() > shown > 0


def test_missing_erosion_layer_is_named(ws):
    with pytest.raises(InputError, match="erosion"):
        conservation_rate(layer(ws, "township"), "xzqdm", None)


def test_sample_carries_surveys_targets_and_completion_years(sample_workspace):
    from xingguo_swc_plugin.core.monitoring import erosion_years

    assert erosion_years(layer(sample_workspace, "erosion")) == ([2021, 2024], 0)
    targets = layer(sample_workspace, "township_target")
    assert targets.featureCount() >= 4
    gullies = list(layer(sample_workspace, "benggang").getFeatures())
    treated = [g for g in gullies if g["zlzt"] == "2"]
    assert treated and all(2020 <= g["zlnd"] <= 2025 for g in treated)
    assert any(g["bgsl"] == 3 for g in treated)  # 崩岗群
    assert any(g["zlms"] == "3" and g["xzgd"] > 0 for g in treated)  # 新增造地
    change = erosion_change(
        layer(sample_workspace, "township"), layer(sample_workspace, "erosion"), 2021, 2024
    )
    declined = sum(1 for row in change.rows[:-1] if row.double_decline)
    assert 15 <= declined < 25 and change.rows[-1].double_decline


def test_planprogress_per_watershed_matches_geopandas(sample_workspace, tmp_path):
    rows = plan_rows(
        sample_workspace,
        ZONES=layer(sample_workspace, "watershed"),
        ZONE_FIELD="lydm",
        YEAR_FROM=2020,
        YEAR_TO=2025,
    )
    peer = _peer("plan", sample_workspace, tmp_path / "zones.json", 2020, 2025, "watershed", "lydm")
    assert (
        [r["xzqdm"] for r in peer["rows"]]
        == list(rows)
        == ["XG-LY01", "XG-LY02", "XG-LY03", "XG-LY04", COUNTY]
    )
    for expected in peer["rows"]:
        row = rows[expected["xzqdm"]]
        for name in ("treated_area_hm2", "retreated_area_hm2", "new_farmland_hm2"):
            assert row[name] == pytest.approx(expected[name], abs=1e-6), name
        assert row["treated_gullies"] == expected["treated_gullies"]
    assert rows["XG-LY01"]["xzqmc"] == "示例一号小流域"
    assert sum(rows[code]["treated_gullies"] for code in list(rows)[:-1]) > 0
