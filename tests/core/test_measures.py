"""Treatment measures core: tagging, undo/redo, validation, editing, summary.

Real GeoPackage workspaces under tmp_path; the helpers at the top are shared with
the dock tests (``test_measures_dock.py``).
"""

from __future__ import annotations

import sqlite3
import uuid
from typing import List, Sequence, Tuple

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from xingguo_swc_plugin.core import measure_summary as summaries
from xingguo_swc_plugin.core.errors import InputError
from xingguo_swc_plugin.core.measure_records import layer_key, measures_of_features
from xingguo_swc_plugin.core.measure_tagging import (
    delete_measures,
    edit_measure,
    set_treatment_status,
    tag_features,
)
from xingguo_swc_plugin.core.measure_taxonomy import load_taxonomy
from xingguo_swc_plugin.core.workspace.geopackage import open_workspace

#: Two townships side by side (EPSG:4547 metres): 360732100 west, 360732101 east.
TOWNSHIPS = (
    ("360732100", "潋江镇", (500000, 2900000, 510000, 2910000)),
    ("360732101", "江背镇", (510000, 2900000, 520000, 2910000)),
)


def box_wkt(x0: float, y0: float, x1: float, y1: float) -> str:
    return "MultiPolygon ((({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1})))".format(x0, y0, x1, y1)


def add_townships(workspace_path: str) -> QgsVectorLayer:
    layer = open_workspace(workspace_path).layer("township")
    features = []
    for code, name, box in TOWNSHIPS:
        feature = QgsFeature(layer.fields())
        feature.setAttribute("uuid", str(uuid.uuid4()))
        feature.setAttribute("xzqdm", code)
        feature.setAttribute("xzqmc", name)
        feature.setGeometry(QgsGeometry.fromWkt(box_wkt(*box)))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    return layer


def add_gullies(
    workspace_path: str,
    boxes: Sequence[Tuple[float, float, float, float]],
    xzqdm: Sequence[str] = (),
) -> Tuple[QgsVectorLayer, List[int]]:
    """Gullies with the given boxes; ``xzqdm`` per gully ('' = left empty)."""
    layer = open_workspace(workspace_path).layer("benggang")
    features = []
    for position, box in enumerate(boxes):
        feature = QgsFeature(layer.fields())
        feature.setAttribute("uuid", str(uuid.uuid4()))
        feature.setAttribute("bgbh", "BG{0:03d}".format(position + 1))
        feature.setAttribute("zlzt", "0")
        if position < len(xzqdm) and xzqdm[position]:
            feature.setAttribute("xzqdm", xzqdm[position])
        feature.setGeometry(QgsGeometry.fromWkt(box_wkt(*box)))
        features.append(feature)
    ok, added = layer.dataProvider().addFeatures(features)
    assert ok
    layer.reload()
    return layer, sorted(f.id() for f in layer.getFeatures())


#: Three gullies: 100x100 m (1 hm²) and 50x40 m (0.2 hm²) in the west township,
#: 200x50 m (1 hm²) straddling the border, mostly (150 m) in the east township.
GULLY_BOXES = (
    (501000, 2901000, 501100, 2901100),
    (502000, 2902000, 502050, 2902040),
    (509950, 2905000, 510150, 2905050),
)


@pytest.fixture
def gully_workspace(empty_workspace):
    """Workspace with two townships and three gullies (no xzqdm on the gullies)."""
    add_townships(empty_workspace)
    gullies, fids = add_gullies(empty_workspace, GULLY_BOXES)
    ws = open_workspace(empty_workspace)
    return ws, ws.layer("measure"), gullies, fids


def test_tag_three_gullies_is_one_undoable_step(gully_workspace):
    ws, measure, gullies, fids = gully_workspace
    stack = None
    records = tag_features(measure, gullies, fids, "E06", 2, 2021, "崩岗治理一期", "中央水保资金")
    stack = measure.undoStack()
    assert len(records) == 3 and measure.featureCount() == 3
    assert stack.count() == 1
    assert {r.mbid for r in records} == {f["uuid"] for f in gullies.getFeatures()}
    assert {r.mbtc for r in records} == {"benggang"}
    assert all(r.sl == 2 and r.dw == "zuo" and r.cslb == "E" and r.nd == 2021 for r in records)
    assert records[0].xmmc == "崩岗治理一期" and records[0].zjly == "中央水保资金"
    stack.undo()
    assert measure.featureCount() == 0
    stack.redo()
    assert measure.featureCount() == 3
    assert measure.commitChanges()
    with sqlite3.connect(ws.path) as connection:
        assert connection.execute("SELECT count(*) FROM measure").fetchone()[0] == 3


def test_area_measure_defaults_to_each_feature_area_and_township(gully_workspace):
    ws, measure, gullies, fids = gully_workspace
    records = tag_features(measure, gullies, fids, "V01", None, 2020, "", "")
    assert [round(r.sl, 4) for r in records] == [1.0, 0.2, 1.0]
    assert {r.dw for r in records} == {"hm2"} and {r.cslb for r in records} == {"V"}
    # largest overlap decides the township of a gully without xzqdm
    assert [r.xzqdm for r in records] == ["360732100", "360732100", "360732101"]


def test_feature_xzqdm_field_wins_over_overlap(empty_workspace):
    add_townships(empty_workspace)
    gullies, fids = add_gullies(empty_workspace, GULLY_BOXES[:1], ["360732999"])
    measure = open_workspace(empty_workspace).layer("measure")
    records = tag_features(measure, gullies, fids, "E03", 35.5, 2022)
    assert records[0].xzqdm == "360732999" and records[0].sl == 35.5
    assert records[0].dw == "m"


@pytest.mark.parametrize(
    "change, message",
    [
        ({"quantity": 0}, "greater than 0"),
        ({"quantity": -3}, "greater than 0"),
        ({"unit": "m"}, "counted in"),
        ({"year": 1979}, "outside 1980-2100"),
        ({"year": 2101}, "outside 1980-2100"),
        ({"feature_ids": []}, "Nothing is selected"),
        ({"measure_code": "X99"}, "Unknown measure"),
        ({"measure_code": "E03", "quantity": None, "unit": None}, "Type the quantity"),
    ],
)
def test_bad_input_is_refused_and_nothing_written(gully_workspace, change, message):
    ws, measure, gullies, fids = gully_workspace
    arguments = {
        "measure_layer": measure,
        "target_layer": gullies,
        "feature_ids": fids,
        "measure_code": "E06",
        "quantity": 1,
        "year": 2021,
        "unit": "zuo",
    }
    arguments.update(change)
    with pytest.raises(InputError, match=message):
        tag_features(**arguments)
    assert measure.featureCount() == 0
    assert not measure.isEditable()
    assert measure.undoStack() is None or measure.undoStack().count() == 0
    with sqlite3.connect(ws.path) as connection:
        assert connection.execute("SELECT count(*) FROM measure").fetchone()[0] == 0


def test_units_follow_the_taxonomy(gully_workspace):
    ws, measure, gullies, fids = gully_workspace
    taxonomy = load_taxonomy(measure)
    assert len(taxonomy) == 23  # issue 17 added 台地 (E17)
    for code, unit in (
        ("E01", "hm2"),
        ("E03", "m"),
        ("E06", "zuo"),
        ("E12", "m3"),
        ("E14", "chu"),
        ("V05", "hm2"),
        ("T01", "hm2"),
    ):
        assert taxonomy.get(code).unit == unit
        records = tag_features(measure, gullies, fids[:1], code, 1.5, 2021, unit=unit)
        assert records[0].dw == unit
        assert records[0].cslb == code[0]
    assert list(taxonomy.by_class()) == ["E", "V", "T"]


def test_custom_taxonomy_row_is_usable_without_code_change(gully_workspace):
    ws, measure, gullies, fids = gully_workspace
    with sqlite3.connect(ws.path) as connection:
        connection.execute(
            "INSERT INTO measure_type (csdm, cslb, csmc, csmc_en, dw) "
            "VALUES ('V90', 'V', '生态草皮护坡', 'turf slope', 'hm2')"
        )
    taxonomy = load_taxonomy(measure)
    assert taxonomy.get("V90").zh == "生态草皮护坡"
    assert [m.code for m in taxonomy.by_class()["V"]][-1] == "V90"
    records = tag_features(measure, gullies, fids, "V90", None, 2023)
    assert [round(r.sl, 4) for r in records] == [1.0, 0.2, 1.0]


def test_list_edit_delete_measures_of_features(gully_workspace):
    ws, measure, gullies, fids = gully_workspace
    tag_features(measure, gullies, fids, "E06", 1, 2021)
    tag_features(measure, gullies, fids[:1], "E03", 120, 2022)
    first = measures_of_features(measure, gullies, fids[:1])
    assert sorted(r.csdm for r in first) == ["E03", "E06"]
    assert len(measures_of_features(measure, gullies, fids)) == 4
    ditch = [r for r in first if r.csdm == "E03"][0]

    edited = edit_measure(measure, ditch.fid, quantity=80, year=2023, project="二期")
    assert (edited.sl, edited.nd, edited.xmmc, edited.dw) == (80, 2023, "二期", "m")
    with pytest.raises(InputError, match="counted in"):
        edit_measure(measure, ditch.fid, unit="hm2")
    with pytest.raises(InputError, match="greater than 0"):
        edit_measure(measure, ditch.fid, quantity=0)
    assert measure.getFeature(ditch.fid)["sl"] == 80
    changed = edit_measure(measure, ditch.fid, measure_code="E11")
    assert (changed.csdm, changed.dw) == ("E11", "m")

    count = measure.undoStack().count()
    assert delete_measures(measure, [r.fid for r in first]) == 2
    assert measure.undoStack().count() == count + 1
    assert measures_of_features(measure, gullies, fids[:1]) == []
    measure.undoStack().undo()
    assert len(measures_of_features(measure, gullies, fids[:1])) == 2


def test_treatment_status_is_undoable(gully_workspace):
    ws, measure, gullies, fids = gully_workspace
    assert set_treatment_status(gullies, fids[:2], "2", year=2023) == 2
    assert [f["zlzt"] for f in gullies.getFeatures()] == ["2", "2", "0"]
    assert [f["zlnd"] for f in gullies.getFeatures()][:2] == [2023, 2023]
    assert gullies.undoStack().count() == 1
    gullies.undoStack().undo()
    assert [f["zlzt"] for f in gullies.getFeatures()] == ["0", "0", "0"]
    assert not any(f["zlnd"] for f in gullies.getFeatures())
    with pytest.raises(InputError, match="year the treatment was completed"):
        set_treatment_status(gullies, fids, "2")
    with pytest.raises(InputError, match="outside"):
        set_treatment_status(gullies, fids, "2", year=1850)
    assert gullies.undoStack().count() == 1  # refused: nothing written
    set_treatment_status(gullies, fids[:1], "2", year=2022)
    set_treatment_status(gullies, fids[:1], "1")  # back to 治理中: no year
    assert gullies.getFeature(fids[0])["zlnd"] in (None, QVariant())
    with pytest.raises(InputError, match="Unknown treatment status"):
        set_treatment_status(gullies, fids, "7")
    with pytest.raises(InputError, match="select the gullies"):
        set_treatment_status(gullies, [], "1")
    with pytest.raises(InputError, match="zlzt"):
        set_treatment_status(measure, fids, "1")


def test_summary_quantities_and_plan_figures(gully_workspace):
    """Point and linear measures add no area; the treated figures are plan_progress's."""
    from xingguo_swc_plugin.core.plan import plan_progress

    ws, measure, gullies, fids = gully_workspace
    tag_features(measure, gullies, fids, "E06", 2, 2020)  # 3 × 2 座
    tag_features(measure, gullies, fids[:2], "V01", None, 2021)  # 1.0 + 0.2 hm²
    tag_features(measure, gullies, fids[2:], "E03", 50, 2024)  # 50 m
    assert measure.commitChanges()
    set_treatment_status(gullies, fids[2:], "2", year=2021, commit=True)
    summary = summaries.measure_summary(measure, None, 2020, 2022)
    assert (summary.year_from, summary.year_to, summary.records) == (2020, 2022, 5)
    assert summary.by_measure[("E06", "zuo")].quantity == 6
    assert summary.by_measure[("V01", "hm2")].quantity == pytest.approx(1.2)
    assert ("E03", "m") not in summary.by_measure
    assert summary.treated_area_hm2 == pytest.approx(1.2)  # V01 only, not E06
    assert summary.progress.row("360732100").treated_area_hm2 == pytest.approx(1.2)
    assert summary.progress.row("360732101").treated_area_hm2 == 0.0
    assert summary.treated_gullies == 1  # the border gully, east
    assert summary.progress.row("360732101").treated_gullies == 1
    assert summary.records_by_year == {2020: 3, 2021: 2}
    assert summary.township_names["360732100"] == "潋江镇"
    same = plan_progress(measure, None, None, 2020, 2022)
    assert [(r.xzqdm, r.treated_area_hm2, r.treated_gullies) for r in same.rows] == [
        (r.xzqdm, r.treated_area_hm2, r.treated_gullies) for r in summary.progress.rows
    ]
    later = summaries.measure_summary(measure, None, 2023, 2024)
    assert later.records == 1
    assert later.treated_area_hm2 == 0.0 and later.treated_gullies == 0  # 50 m: no area
    assert later.by_measure[("E03", "m")].quantity == 50
    table = summaries.summary_table(summary)
    county = [row for row in table if row["lx"] == "county"][0]
    assert (county["zltb"], county["zlbg"], county["jls"]) == (2, 1, 5)
    assert county["zlmj"] == pytest.approx(1.2)
    west = [row for row in table if row["lx"] == "township" and row["xzqdm"] == "360732100"][0]
    assert (west["jls"], west["zlbg"]) == (4, 0) and west["zlmj"] == pytest.approx(1.2)
    years = [row for row in table if row["lx"] == "year"]
    assert [(r["nd"], r["jls"], r["zlmj"]) for r in years] == [(2020, 3, None), (2021, 2, None)]
    with pytest.raises(InputError, match="after"):
        summaries.measure_summary(measure, None, 2022, 2020)


def test_summary_defaults_to_the_plan_window(gully_workspace):
    from xingguo_swc_plugin.core.settings import plan_window

    ws, measure, gullies, fids = gully_workspace
    tag_features(measure, gullies, fids[:1], "V01", None, 2021, commit=True)
    tag_features(measure, gullies, fids[1:], "V01", None, 2023, commit=True)
    summary = summaries.measure_summary(measure)
    assert (summary.year_from, summary.year_to) == plan_window() == (2022, 2025)
    assert summary.records == 2
    assert summary.treated_area_hm2 == pytest.approx(1.2)  # 0.2 + 1.0, not 2021's


def test_summary_reports_unresolved_targets(gully_workspace):
    ws, measure, gullies, fids = gully_workspace
    tag_features(measure, gullies, fids, "V01", None, 2020, commit=True)
    gullies.dataProvider().deleteFeatures(fids[:1])
    summary = summaries.measure_summary(measure, None, 2020, 2020)
    assert summary.records == 3
    assert len(summary.progress.treated) == 2
    assert summary.unresolved_records == 1


def test_processing_measuresummary_matches_core(gully_workspace, tmp_path):
    import processing

    ws, measure, gullies, fids = gully_workspace
    tag_features(measure, gullies, fids, "E06", 2, 2021)
    tag_features(measure, gullies, fids[1:], "V02", None, 2022, commit=True)
    gullies.startEditing()
    gullies.changeAttributeValue(fids[0], gullies.fields().indexOf("bgsl"), 3)
    set_treatment_status(gullies, fids[:1], "2", year=2023, commit=True)
    output = str(tmp_path / "summary.csv")
    result = processing.run(
        "xingguoswc:measuresummary",
        {
            "MEASURES": ws.uri("measure"),
            "TOWNSHIPS": ws.uri("township"),
            "YEAR_FROM": 2021,
            "YEAR_TO": 2025,
            "OUTPUT": output,
        },
    )
    assert result["RECORDS"] == 5
    assert result["TREATED_GULLIES"] == 3  # one 崩岗群 of 3
    assert result["TREATED_AREA_HM2"] == pytest.approx(1.2)  # V02 only
    table = QgsVectorLayer(output, "summary", "ogr")
    rows = [
        {name: feature[name] for name in ("lx", "xzqdm", "nd", "csdm", "sl", "zlmj")}
        for feature in table.getFeatures()
    ]
    v02 = [r for r in rows if r["lx"] == "measure" and r["csdm"] == "V02"]
    assert sorted((r["xzqdm"], round(float(r["sl"]), 4)) for r in v02) == [
        ("360732100", 0.2),
        ("360732101", 1.0),
    ]
    county = [r for r in rows if r["lx"] == "county"][0]
    assert float(county["zlmj"]) == pytest.approx(1.2)
    # the border gully's footprint is split by area: 50 m west, 150 m east
    towns = {r["xzqdm"]: float(r["zlmj"]) for r in rows if r["lx"] == "township"}
    assert towns == pytest.approx({"360732100": 0.2 + 0.25, "360732101": 0.75})


def test_processing_refuses_reversed_years(gully_workspace, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    ws = gully_workspace[0]
    with pytest.raises(QgsProcessingException, match="after"):
        processing.run(
            "xingguoswc:measuresummary",
            {
                "MEASURES": ws.uri("measure"),
                "YEAR_FROM": 2025,
                "YEAR_TO": 2021,
                "OUTPUT": str(tmp_path / "s.csv"),
            },
        )


def _independent_counts(path: str, year_from: int, year_to: int):
    """The summary quantities counted with SQL (sqlite3), not QGIS."""
    period = (year_from, year_to)
    with sqlite3.connect(path) as connection:
        by_measure = {
            (code, unit): (total, count)
            for code, unit, total, count in connection.execute(
                "SELECT csdm, dw, SUM(sl), COUNT(*) FROM measure "
                "WHERE nd BETWEEN ? AND ? GROUP BY csdm, dw",
                period,
            )
        }
        records_by_township = dict(
            connection.execute(
                "SELECT xzqdm, COUNT(*) FROM measure WHERE nd BETWEEN ? AND ? GROUP BY xzqdm",
                period,
            )
        )
    return by_measure, records_by_township


def independent_plan(path: str, year_from: int, year_to: int):
    """The plan definitions (README) with SQL and OGR geometry, not QGIS:
    {township: (newly treated hm², gullies 座)} and the county's."""
    from osgeo import ogr

    with sqlite3.connect(path) as connection:
        area_codes = {
            code for (code,) in connection.execute("SELECT csdm FROM measure_type WHERE dw = 'hm2'")
        }
        records = list(
            connection.execute(
                "SELECT mbtc, mbid, csdm, sl, nd FROM measure WHERE nd <= ?", (year_to,)
            )
        )
        gully_rows = list(
            connection.execute(
                "SELECT uuid, COALESCE(bgsl, 1), xzqdm FROM benggang WHERE zlzt = '2' "
                "AND zlnd BETWEEN ? AND ?",
                (year_from, year_to),
            )
        )
    before, largest = set(), {}
    for table, uuid_, code, quantity, year in records:
        if code not in area_codes:
            continue
        if year < year_from:
            before.add((table, uuid_))
        else:
            largest[(table, uuid_)] = max(largest.get((table, uuid_), 0.0), quantity)
    source = ogr.Open(path)
    towns = {}
    for feature in source.GetLayerByName("township"):
        towns[feature.GetField("xzqdm")] = feature.GetGeometryRef().Clone()
    full, partial = [], []
    for table in sorted({key for key, _ in largest}):
        for feature in source.GetLayerByName(table):
            key = (table, feature.GetField("uuid"))
            if key not in largest or key in before:
                continue
            geometry = feature.GetGeometryRef().Clone()
            if not geometry.IsValid():
                geometry = geometry.MakeValid()
            area = geometry.GetArea() / 1e4
            quantity = min(area, largest[key])
            if quantity >= 0.99 * area:
                full.append(geometry)
            else:
                partial.append((geometry, quantity))
    union = None
    for geometry in full:
        union = geometry if union is None else union.Union(geometry)
    result = {}
    for code, town in towns.items():
        area = union.Intersection(town).GetArea() / 1e4 if union is not None else 0.0
        for geometry, quantity in partial:
            area += quantity * geometry.Intersection(town).GetArea() / geometry.GetArea()
        result[code] = [area, 0]
    gully_geometry = {
        feature.GetField("uuid"): feature.GetGeometryRef().Clone()
        for feature in source.GetLayerByName("benggang")
    }
    for uuid_, count, code in gully_rows:
        if code not in towns:
            geometry = gully_geometry[uuid_]
            code = max(towns, key=lambda c: towns[c].Intersection(geometry).GetArea())
        result[code][1] += count
    county = [sum(a for a, _ in result.values()), sum(g for _, g in result.values())]
    return result, county


def test_summary_of_random_workspace_matches_independent_count(empty_workspace):
    """Random gullies and parcels, several measures per feature, treated gullies with
    completion years, checked with SQL and OGR."""
    import random

    rng = random.Random(11)
    add_townships(empty_workspace)
    boxes = []
    for _ in range(40):
        x, y = rng.uniform(500000, 519000), rng.uniform(2900000, 2909000)
        boxes.append((x, y, x + rng.uniform(10, 300), y + rng.uniform(10, 300)))
    codes_of = [rng.choice(["", "", "360732100", "360732101"]) for _ in boxes]
    gullies, fids = add_gullies(empty_workspace, boxes, codes_of)
    ws = open_workspace(empty_workspace)
    parcels = ws.layer("parcel")
    for position in range(25):
        x, y = rng.uniform(500000, 519000), rng.uniform(2900000, 2909000)
        feature = QgsFeature(parcels.fields())
        feature.setAttribute("uuid", str(uuid.uuid4()))
        feature.setAttribute("tbbh", "P{0}".format(position))
        feature.setGeometry(QgsGeometry.fromWkt(box_wkt(x, y, x + 200, y + 150)))
        assert parcels.dataProvider().addFeatures([feature])[0]
    parcel_ids = [f.id() for f in parcels.getFeatures()]
    measure = ws.layer("measure")
    for _ in range(30):
        layer, ids = (gullies, fids) if rng.random() < 0.6 else (parcels, parcel_ids)
        chosen = rng.sample(ids, rng.randint(1, 6))
        code = rng.choice(["E06", "E03", "V01", "V04", "E01", "T01"])
        quantity = (
            None
            if code in ("V01", "V04", "E01", "T01") and rng.random() < 0.7
            else round(rng.uniform(1, 50), 1)
        )
        tag_features(measure, layer, chosen, code, quantity, rng.randint(2018, 2026))
    assert measure.commitChanges()
    for fid in rng.sample(fids, 15):
        set_treatment_status(gullies, [fid], "2", year=rng.randint(2019, 2026))
    gullies.startEditing()
    for fid in rng.sample(fids, 8):
        gullies.changeAttributeValue(fid, gullies.fields().indexOf("bgsl"), rng.randint(2, 4))
    assert gullies.commitChanges()
    summary = summaries.measure_summary(measure, None, 2020, 2025)
    by_measure, by_township = _independent_counts(empty_workspace, 2020, 2025)
    assert summary.records == sum(count for _, count in by_measure.values()) > 30
    for key, (total, count) in by_measure.items():
        assert summary.by_measure[key].quantity == pytest.approx(total)
        assert summary.by_measure[key].records == count
    assert {code: n for code, n in summary.records_by_township.items() if n} == by_township
    towns, county = independent_plan(empty_workspace, 2020, 2025)
    assert summary.treated_area_hm2 == pytest.approx(county[0], abs=1e-6) and county[0] > 0
    assert summary.treated_gullies == county[1] > 0
    for code, (area, count) in towns.items():
        assert summary.progress.row(code).treated_area_hm2 == pytest.approx(area, abs=1e-6)
        assert summary.progress.row(code).treated_gullies == count


def test_summary_of_sample_workspace_matches_independent_count(sample_workspace):
    ws = open_workspace(sample_workspace)
    summary = summaries.measure_summary(ws.layer("measure"), ws.layer("township"), 2021, 2025)
    by_measure, by_township = _independent_counts(sample_workspace, 2021, 2025)
    assert summary.records == sum(count for _, count in by_measure.values()) > 0
    assert set(summary.by_measure) == set(by_measure)
    for key, (total, count) in by_measure.items():
        assert summary.by_measure[key].quantity == pytest.approx(total)
        assert summary.by_measure[key].records == count
    assert {code: n for code, n in summary.records_by_township.items() if n} == by_township
    assert summary.unresolved_records == 0
    towns, county = independent_plan(sample_workspace, 2021, 2025)
    assert summary.treated_area_hm2 == pytest.approx(county[0], abs=1e-6)
    assert summary.treated_gullies == county[1]
    for code, (area, count) in towns.items():
        assert summary.progress.row(code).treated_area_hm2 == pytest.approx(area, abs=1e-6)
        assert summary.progress.row(code).treated_gullies == count
    # the county targets of the plan
    assert summary.progress.county.target_area_hm2 == 12000.0
    assert summary.target_gullies == 800


def test_processing_summary_of_sample_workspace(sample_workspace, tmp_path):
    import processing

    ws = open_workspace(sample_workspace)
    _, county = independent_plan(sample_workspace, 2022, 2025)
    result = processing.run(
        "xingguoswc:measuresummary",
        {
            "MEASURES": ws.uri("measure"),
            "TOWNSHIPS": ws.uri("township"),
            "OUTPUT": str(tmp_path / "s.csv"),
        },
    )  # plan window
    assert result["TREATED_GULLIES"] == county[1]
    assert result["TREATED_AREA_HM2"] == pytest.approx(county[0], abs=1e-6)


def test_unit_mismatch_names_the_sibling_measure(gully_workspace):
    ws, measure, gullies, fids = gully_workspace
    with pytest.raises(InputError, match=r"counted in m³, not in hm².*Use E13"):
        tag_features(measure, gullies, fids, "E12", 30, 2021, unit="hm2")
    assert measure.featureCount() == 0


def test_user_added_layer_carries_measures(gully_workspace, tmp_path):
    """A layer outside the workspace (shapefile) is linked by its name and uuid."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransformContext,
        QgsFields,
        QgsVectorFileWriter,
        QgsWkbTypes,
    )

    from xingguo_swc_plugin.qgis_compat import FieldType, make_field

    ws, measure, gullies, fids = gully_workspace
    fields = QgsFields()
    fields.append(make_field("uuid", FieldType.STRING, 38))
    path = str(tmp_path / "orchards.shp")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "ESRI Shapefile"
    writer = QgsVectorFileWriter.create(
        path,
        fields,
        QgsWkbTypes.Polygon,
        QgsCoordinateReferenceSystem("EPSG:4547"),
        QgsCoordinateTransformContext(),
        options,
    )
    for box in ((515000, 2905000, 515300, 2905100), (503000, 2903000, 503100, 2903100)):
        feature = QgsFeature(fields)
        feature.setAttribute("uuid", str(uuid.uuid4()))
        feature.setGeometry(QgsGeometry.fromWkt(box_wkt(*box)))
        writer.addFeature(feature)
    del writer
    orchards = QgsVectorLayer(path, "orchards", "ogr")
    assert layer_key(orchards) == "orchards"
    records = tag_features(measure, orchards, [0, 1], "V03", None, 2022, commit=True)
    assert [r.xzqdm for r in records] == ["360732101", "360732100"]
    assert [round(r.sl, 4) for r in records] == [3.0, 1.0]
    assert len(measures_of_features(measure, orchards, [0])) == 1
    alone = summaries.measure_summary(measure, None, 2022, 2022)
    assert alone.unresolved_records == 2
    assert alone.progress.treated == []
    linked = summaries.measure_summary(measure, None, 2022, 2022, targets={"orchards": orchards})
    assert linked.unresolved_records == 0
    assert linked.treated_area_hm2 == pytest.approx(4.0)
    assert linked.treated_gullies == 0


def test_layer_without_uuid_is_refused(gully_workspace):
    ws, measure, gullies, fids = gully_workspace
    plain = QgsVectorLayer("Polygon?crs=EPSG:4547&field=name:string", "plain", "memory")
    feature = QgsFeature(plain.fields())
    feature.setGeometry(QgsGeometry.fromWkt(box_wkt(*GULLY_BOXES[0])))
    plain.dataProvider().addFeatures([feature])
    with pytest.raises(InputError, match="no uuid field"):
        tag_features(measure, plain, [1], "V01", None, 2021)
    assert measure.featureCount() == 0
