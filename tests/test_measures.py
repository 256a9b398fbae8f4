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

from xingguo_swc_plugin.core import measures as core
from xingguo_swc_plugin.core.errors import InputError
from xingguo_swc_plugin.core.workspace import open_workspace

#: Two townships side by side (EPSG:4547 metres): 360732100 west, 360732101 east.
TOWNSHIPS = (("360732100", "潋江镇", (500000, 2900000, 510000, 2910000)),
             ("360732101", "江背镇", (510000, 2900000, 520000, 2910000)))


def box_wkt(x0: float, y0: float, x1: float, y1: float) -> str:
    return "MultiPolygon ((({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1})))".format(
        x0, y0, x1, y1)


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


def add_gullies(workspace_path: str, boxes: Sequence[Tuple[float, float, float, float]],
                xzqdm: Sequence[str] = ()) -> Tuple[QgsVectorLayer, List[int]]:
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
GULLY_BOXES = ((501000, 2901000, 501100, 2901100),
               (502000, 2902000, 502050, 2902040),
               (509950, 2905000, 510150, 2905050))


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
    records = core.tag_features(measure, gullies, fids, "E06", 2, 2021,
                                "崩岗治理一期", "中央水保资金")
    stack = measure.undoStack()
    assert len(records) == 3 and measure.featureCount() == 3
    assert stack.count() == 1
    assert {r.mbid for r in records} == {f["uuid"] for f in gullies.getFeatures()}
    assert {r.mbtc for r in records} == {"benggang"}
    assert all(r.sl == 2 and r.dw == "zuo" and r.cslb == "E" and r.nd == 2021
               for r in records)
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
    records = core.tag_features(measure, gullies, fids, "V01", None, 2020, "", "")
    assert [round(r.sl, 4) for r in records] == [1.0, 0.2, 1.0]
    assert {r.dw for r in records} == {"hm2"} and {r.cslb for r in records} == {"V"}
    # largest overlap decides the township of a gully without xzqdm
    assert [r.xzqdm for r in records] == ["360732100", "360732100", "360732101"]


def test_feature_xzqdm_field_wins_over_overlap(empty_workspace):
    add_townships(empty_workspace)
    gullies, fids = add_gullies(empty_workspace, GULLY_BOXES[:1], ["360732999"])
    measure = open_workspace(empty_workspace).layer("measure")
    records = core.tag_features(measure, gullies, fids, "E03", 35.5, 2022)
    assert records[0].xzqdm == "360732999" and records[0].sl == 35.5
    assert records[0].dw == "m"


@pytest.mark.parametrize("change, message", [
    ({"quantity": 0}, "greater than 0"),
    ({"quantity": -3}, "greater than 0"),
    ({"unit": "m"}, "counted in"),
    ({"year": 1979}, "outside 1980-2100"),
    ({"year": 2101}, "outside 1980-2100"),
    ({"feature_ids": []}, "Nothing is selected"),
    ({"measure_code": "X99"}, "Unknown measure"),
    ({"measure_code": "E03", "quantity": None, "unit": None}, "Type the quantity"),
])
def test_bad_input_is_refused_and_nothing_written(gully_workspace, change, message):
    ws, measure, gullies, fids = gully_workspace
    arguments = {"measure_layer": measure, "target_layer": gullies,
                 "feature_ids": fids, "measure_code": "E06", "quantity": 1,
                 "year": 2021, "unit": "zuo"}
    arguments.update(change)
    with pytest.raises(InputError, match=message):
        core.tag_features(**arguments)
    assert measure.featureCount() == 0
    assert not measure.isEditable()
    assert measure.undoStack() is None or measure.undoStack().count() == 0
    with sqlite3.connect(ws.path) as connection:
        assert connection.execute("SELECT count(*) FROM measure").fetchone()[0] == 0


def test_units_follow_the_taxonomy(gully_workspace):
    ws, measure, gullies, fids = gully_workspace
    taxonomy = core.load_taxonomy(measure)
    assert len(taxonomy) == 23  # issue 17 added 台地 (E17)
    for code, unit in (("E01", "hm2"), ("E03", "m"), ("E06", "zuo"), ("E12", "m3"),
                       ("E14", "chu"), ("V05", "hm2"), ("T01", "hm2")):
        assert taxonomy.get(code).unit == unit
        records = core.tag_features(measure, gullies, fids[:1], code, 1.5, 2021,
                                    unit=unit)
        assert records[0].dw == unit
        assert records[0].cslb == code[0]
    assert list(taxonomy.by_class()) == ["E", "V", "T"]


def test_custom_taxonomy_row_is_usable_without_code_change(gully_workspace):
    ws, measure, gullies, fids = gully_workspace
    with sqlite3.connect(ws.path) as connection:
        connection.execute("INSERT INTO measure_type (csdm, cslb, csmc, csmc_en, dw) "
                           "VALUES ('V90', 'V', '生态草皮护坡', 'turf slope', 'hm2')")
    taxonomy = core.load_taxonomy(measure)
    assert taxonomy.get("V90").zh == "生态草皮护坡"
    assert [m.code for m in taxonomy.by_class()["V"]][-1] == "V90"
    records = core.tag_features(measure, gullies, fids, "V90", None, 2023)
    assert [round(r.sl, 4) for r in records] == [1.0, 0.2, 1.0]


def test_list_edit_delete_measures_of_features(gully_workspace):
    ws, measure, gullies, fids = gully_workspace
    core.tag_features(measure, gullies, fids, "E06", 1, 2021)
    core.tag_features(measure, gullies, fids[:1], "E03", 120, 2022)
    first = core.measures_of_features(measure, gullies, fids[:1])
    assert sorted(r.csdm for r in first) == ["E03", "E06"]
    assert len(core.measures_of_features(measure, gullies, fids)) == 4
    ditch = [r for r in first if r.csdm == "E03"][0]

    edited = core.edit_measure(measure, ditch.fid, quantity=80, year=2023,
                               project="二期")
    assert (edited.sl, edited.nd, edited.xmmc, edited.dw) == (80, 2023, "二期", "m")
    with pytest.raises(InputError, match="counted in"):
        core.edit_measure(measure, ditch.fid, unit="hm2")
    with pytest.raises(InputError, match="greater than 0"):
        core.edit_measure(measure, ditch.fid, quantity=0)
    assert measure.getFeature(ditch.fid)["sl"] == 80
    changed = core.edit_measure(measure, ditch.fid, measure_code="E11")
    assert (changed.csdm, changed.dw) == ("E11", "m")

    count = measure.undoStack().count()
    assert core.delete_measures(measure, [r.fid for r in first]) == 2
    assert measure.undoStack().count() == count + 1
    assert core.measures_of_features(measure, gullies, fids[:1]) == []
    measure.undoStack().undo()
    assert len(core.measures_of_features(measure, gullies, fids[:1])) == 2


def test_treatment_status_is_undoable(gully_workspace):
    ws, measure, gullies, fids = gully_workspace
    assert core.set_treatment_status(gullies, fids[:2], "2") == 2
    assert [f["zlzt"] for f in gullies.getFeatures()] == ["2", "2", "0"]
    assert gullies.undoStack().count() == 1
    gullies.undoStack().undo()
    assert [f["zlzt"] for f in gullies.getFeatures()] == ["0", "0", "0"]
    with pytest.raises(InputError, match="Unknown treatment status"):
        core.set_treatment_status(gullies, fids, "7")
    with pytest.raises(InputError, match="select the gullies"):
        core.set_treatment_status(gullies, [], "1")
    with pytest.raises(InputError, match="zlzt"):
        core.set_treatment_status(measure, fids, "1")


def test_summary_counts_each_treated_feature_once(gully_workspace):
    ws, measure, gullies, fids = gully_workspace
    core.tag_features(measure, gullies, fids, "E06", 2, 2020)       # 3 records
    core.tag_features(measure, gullies, fids[:2], "V01", None, 2021)  # same gullies
    core.tag_features(measure, gullies, fids[2:], "E03", 50, 2024)  # outside period
    assert measure.commitChanges()
    summary = core.measure_summary(measure, None, 2020, 2022)
    assert summary.total.records == 5
    assert summary.total.treated_features == 3
    assert summary.total.treated_gullies == 3
    assert summary.total.treated_area_hm2 == pytest.approx(2.2)
    assert summary.by_measure[("E06", "zuo")].quantity == 6
    assert summary.by_measure[("V01", "hm2")].quantity == pytest.approx(1.2)
    assert ("E03", "m") not in summary.by_measure
    west, east = summary.by_township["360732100"], summary.by_township["360732101"]
    assert (west.treated_features, east.treated_features) == (2, 1)
    assert west.treated_area_hm2 == pytest.approx(1.2)
    assert east.treated_area_hm2 == pytest.approx(1.0)
    assert summary.by_year[2020].treated_features == 3      # first year only
    assert summary.by_year[2021].treated_features == 0
    assert summary.by_year[2021].records == 2
    assert summary.township_names["360732100"] == "潋江镇"
    later = core.measure_summary(measure, None, 2023, 2024)
    assert later.total.treated_features == 1
    assert later.total.treated_area_hm2 == pytest.approx(1.0)
    table = core.summary_table(summary)
    county = [row for row in table if row["lx"] == "county"][0]
    assert (county["zltb"], county["zlbg"], county["jls"]) == (3, 3, 5)
    with pytest.raises(InputError, match="after"):
        core.measure_summary(measure, None, 2022, 2020)


def test_summary_reports_unresolved_targets(gully_workspace):
    ws, measure, gullies, fids = gully_workspace
    core.tag_features(measure, gullies, fids, "E06", 1, 2020, commit=True)
    gullies.dataProvider().deleteFeatures(fids[:1])
    summary = core.measure_summary(measure, None, 2020, 2020)
    assert summary.total.records == 3
    assert summary.total.treated_features == 2
    assert summary.unresolved_records == 1


def test_processing_measuresummary_matches_core(gully_workspace, tmp_path):
    import processing

    ws, measure, gullies, fids = gully_workspace
    core.tag_features(measure, gullies, fids, "E06", 2, 2021)
    core.tag_features(measure, gullies, fids[1:], "V02", None, 2022, commit=True)
    output = str(tmp_path / "summary.csv")
    result = processing.run("xingguoswc:measuresummary", {
        "MEASURES": ws.uri("measure"), "TOWNSHIPS": ws.uri("township"),
        "YEAR_FROM": 2021, "YEAR_TO": 2025, "OUTPUT": output})
    assert result["RECORDS"] == 5
    assert result["TREATED_GULLIES"] == 3
    assert result["TREATED_AREA_HM2"] == pytest.approx(2.2)
    table = QgsVectorLayer(output, "summary", "ogr")
    rows = [{name: feature[name] for name in ("lx", "xzqdm", "nd", "csdm", "sl", "zlmj")}
            for feature in table.getFeatures()]
    v02 = [r for r in rows if r["lx"] == "measure" and r["csdm"] == "V02"]
    assert sorted((r["xzqdm"], round(float(r["sl"]), 4)) for r in v02) == [
        ("360732100", 0.2), ("360732101", 1.0)]
    county = [r for r in rows if r["lx"] == "county"][0]
    assert float(county["zlmj"]) == pytest.approx(2.2)


def test_processing_refuses_reversed_years(gully_workspace, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    ws = gully_workspace[0]
    with pytest.raises(QgsProcessingException, match="after"):
        processing.run("xingguoswc:measuresummary", {
            "MEASURES": ws.uri("measure"), "YEAR_FROM": 2025, "YEAR_TO": 2021,
            "OUTPUT": str(tmp_path / "s.csv")})


def _independent_counts(path: str, year_from: int, year_to: int):
    """The summary figures counted with SQL (sqlite3) and OGR areas, not QGIS."""
    from osgeo import ogr

    period = (year_from, year_to)
    with sqlite3.connect(path) as connection:
        by_measure = {(code, unit): (total, count) for code, unit, total, count in
                      connection.execute(
                          "SELECT csdm, dw, SUM(sl), COUNT(*) FROM measure "
                          "WHERE nd BETWEEN ? AND ? GROUP BY csdm, dw", period)}
        records_by_township = dict(connection.execute(
            "SELECT xzqdm, COUNT(*) FROM measure WHERE nd BETWEEN ? AND ? "
            "GROUP BY xzqdm", period))
        targets = set(connection.execute(
            "SELECT DISTINCT mbtc, mbid FROM measure WHERE nd BETWEEN ? AND ?", period))
        record_township = dict(connection.execute(
            "SELECT mbid, MAX(xzqdm) FROM measure WHERE nd BETWEEN ? AND ? "
            "GROUP BY mbid", period))
        gullies = connection.execute(
            "SELECT COUNT(DISTINCT m.mbid) FROM measure m JOIN benggang b "
            "ON b.uuid = m.mbid WHERE m.mbtc = 'benggang' AND m.nd BETWEEN ? AND ?",
            period).fetchone()[0]
    source = ogr.Open(path)
    area_m2, area_by_township, features = 0.0, {}, 0
    for table in sorted({key for key, _ in targets}):
        wanted = {uuid for key, uuid in targets if key == table}
        layer = source.GetLayerByName(table)
        for feature in layer:
            if feature.GetField("uuid") in wanted:
                features += 1
                geometry = feature.GetGeometryRef()
                if not geometry.IsValid():  # the one rule: measured repaired
                    geometry = geometry.MakeValid()
                area = geometry.GetArea()
                area_m2 += area
                code = feature.GetField("xzqdm") or record_township[feature.GetField("uuid")]
                area_by_township[code] = area_by_township.get(code, 0.0) + area
    return by_measure, records_by_township, features, area_m2, area_by_township, gullies


def test_summary_of_random_workspace_matches_independent_count(empty_workspace):
    """Random gullies and parcels, several measures per feature, checked with SQL."""
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
        quantity = None if code in ("V01", "V04", "E01", "T01") and rng.random() < 0.7 \
            else round(rng.uniform(1, 50), 1)
        core.tag_features(measure, layer, chosen, code, quantity, rng.randint(2018, 2026))
    assert measure.commitChanges()
    summary = core.measure_summary(measure, None, 2020, 2025)
    by_measure, by_township, features, area_m2, area_by_township, gullies_count = \
        _independent_counts(empty_workspace, 2020, 2025)
    assert summary.total.records == sum(count for _, count in by_measure.values()) > 30
    for key, (total, count) in by_measure.items():
        assert summary.by_measure[key].quantity == pytest.approx(total)
        assert summary.by_measure[key].records == count
    assert {code: t.records for code, t in summary.by_township.items()
            if t.records} == by_township
    assert summary.total.treated_features == features
    assert summary.total.treated_gullies == gullies_count > 0
    assert summary.total.treated_area_hm2 == pytest.approx(area_m2 / 1e4, rel=1e-9)
    for code, area in area_by_township.items():
        assert summary.by_township[code].treated_area_hm2 == pytest.approx(area / 1e4)
    assert summary.total.records > summary.total.treated_features


def test_summary_of_sample_workspace_matches_independent_count(sample_workspace):
    ws = open_workspace(sample_workspace)
    summary = core.measure_summary(ws.layer("measure"), ws.layer("township"), 2021, 2025)
    by_measure, by_township, features, area_m2, area_by_township, gullies = \
        _independent_counts(sample_workspace, 2021, 2025)
    assert summary.total.records == sum(count for _, count in by_measure.values()) > 0
    assert set(summary.by_measure) == set(by_measure)
    for key, (total, count) in by_measure.items():
        assert summary.by_measure[key].quantity == pytest.approx(total)
        assert summary.by_measure[key].records == count
    assert {code: t.records for code, t in summary.by_township.items()
            if t.records} == by_township
    assert summary.unresolved_records == 0
    assert summary.total.treated_features == features
    assert summary.total.treated_gullies == gullies > 0
    assert summary.total.treated_area_hm2 == pytest.approx(area_m2 / 10_000.0, rel=1e-9)
    for code, area in area_by_township.items():
        assert summary.by_township[code].treated_area_hm2 == pytest.approx(area / 1e4)
    # the county targets the summary feeds
    assert summary.target_area_km2 == 120.0 and summary.target_gullies == 800
    assert summary.gully_progress_percent() == pytest.approx(100.0 * gullies / 800)
    # several measures on one gully: the gully's area counts once, not per measure
    assert summary.total.records > summary.total.treated_features


def test_processing_summary_of_sample_workspace(sample_workspace, tmp_path):
    import processing

    ws = open_workspace(sample_workspace)
    _, _, features, area_m2, _, gullies = _independent_counts(sample_workspace, 2020, 2025)
    result = processing.run("xingguoswc:measuresummary", {
        "MEASURES": ws.uri("measure"), "TOWNSHIPS": ws.uri("township"),
        "YEAR_FROM": 2020, "YEAR_TO": 2025, "OUTPUT": str(tmp_path / "s.csv")})
    assert result["TREATED_FEATURES"] == features
    assert result["TREATED_GULLIES"] == gullies
    assert result["TREATED_AREA_HM2"] == pytest.approx(area_m2 / 1e4)


def test_unit_mismatch_names_the_sibling_measure(gully_workspace):
    ws, measure, gullies, fids = gully_workspace
    with pytest.raises(InputError, match=r"counted in m³, not in hm².*Use E13"):
        core.tag_features(measure, gullies, fids, "E12", 30, 2021, unit="hm2")
    assert measure.featureCount() == 0


def test_user_added_layer_carries_measures(gully_workspace, tmp_path):
    """A layer outside the workspace (shapefile) is linked by its name and uuid."""
    from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransformContext,
                           QgsFields, QgsVectorFileWriter, QgsWkbTypes)

    from xingguo_swc_plugin.qgis_compat import FieldType, make_field

    ws, measure, gullies, fids = gully_workspace
    fields = QgsFields()
    fields.append(make_field("uuid", FieldType.STRING, 38))
    path = str(tmp_path / "orchards.shp")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "ESRI Shapefile"
    writer = QgsVectorFileWriter.create(path, fields, QgsWkbTypes.Polygon,
                                        QgsCoordinateReferenceSystem("EPSG:4547"),
                                        QgsCoordinateTransformContext(), options)
    for box in ((515000, 2905000, 515300, 2905100), (503000, 2903000, 503100, 2903100)):
        feature = QgsFeature(fields)
        feature.setAttribute("uuid", str(uuid.uuid4()))
        feature.setGeometry(QgsGeometry.fromWkt(box_wkt(*box)))
        writer.addFeature(feature)
    del writer
    orchards = QgsVectorLayer(path, "orchards", "ogr")
    assert core.layer_key(orchards) == "orchards"
    records = core.tag_features(measure, orchards, [0, 1], "V03", None, 2022,
                                commit=True)
    assert [r.xzqdm for r in records] == ["360732101", "360732100"]
    assert [round(r.sl, 4) for r in records] == [3.0, 1.0]
    assert len(core.measures_of_features(measure, orchards, [0])) == 1
    alone = core.measure_summary(measure, None, 2022, 2022)
    assert alone.unresolved_records == 2 and alone.unresolved_layers == ["orchards"]
    assert alone.total.treated_features == 0
    linked = core.measure_summary(measure, None, 2022, 2022,
                                  targets={"orchards": orchards})
    assert linked.unresolved_records == 0
    assert linked.total.treated_area_hm2 == pytest.approx(4.0)
    assert linked.total.treated_gullies == 0


def test_layer_without_uuid_is_refused(gully_workspace):
    ws, measure, gullies, fids = gully_workspace
    plain = QgsVectorLayer("Polygon?crs=EPSG:4547&field=name:string", "plain", "memory")
    feature = QgsFeature(plain.fields())
    feature.setGeometry(QgsGeometry.fromWkt(box_wkt(*GULLY_BOXES[0])))
    plain.dataProvider().addFeatures([feature])
    with pytest.raises(InputError, match="no uuid field"):
        core.tag_features(measure, plain, [1], "V01", None, 2021)
    assert measure.featureCount() == 0
