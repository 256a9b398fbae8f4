"""Plan progress (core.plan): hand-built workspaces whose answers are obvious."""

from __future__ import annotations

import uuid

import pytest
from qgis.core import QgsFeature, QgsGeometry
from test_measures import add_townships, box_wkt

from xingguo_swc_plugin.core.errors import InputError
from xingguo_swc_plugin.core.plan import plan_progress, window
from xingguo_swc_plugin.core.workspace.geopackage import open_workspace

WEST, EAST, COUNTY = "360732100", "360732101", "360732"


def add_parcels(path, boxes):
    """Parcels (target features) by box; returns their uuids."""
    layer = open_workspace(path).layer("parcel")
    features, uuids = [], []
    for position, box in enumerate(boxes):
        feature = QgsFeature(layer.fields())
        uuids.append(str(uuid.uuid4()))
        feature.setAttribute("uuid", uuids[-1])
        feature.setAttribute("tbbh", "P{0}".format(position))
        feature.setGeometry(QgsGeometry.fromWkt(box_wkt(*box)))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    return uuids


def add_records(path, records):
    """Measure records (csdm, sl, nd, table, uuid); unit from the seed taxonomy."""
    units = {"V01": "hm2", "V05": "hm2", "E03": "m", "E01": "hm2"}
    layer = open_workspace(path).layer("measure")
    features = []
    for csdm, quantity, year, table, target in records:
        feature = QgsFeature(layer.fields())
        for name, value in (
            ("uuid", str(uuid.uuid4())),
            ("cslb", csdm[0]),
            ("csdm", csdm),
            ("sl", quantity),
            ("dw", units[csdm]),
            ("nd", year),
            ("mbtc", table),
            ("mbid", target),
        ):
            feature.setAttribute(name, value)
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]


def add_gully(path, box, xzqdm, status="2", year=2023, count=None, farmland=None):
    layer = open_workspace(path).layer("benggang")
    feature = QgsFeature(layer.fields())
    feature.setAttribute("uuid", str(uuid.uuid4()))
    feature.setAttribute("bgbh", "BG" + str(uuid.uuid4())[:6])
    feature.setAttribute("xzqdm", xzqdm)
    feature.setAttribute("zlzt", status)
    feature.setAttribute("zlnd", year)
    if count is not None:
        feature.setAttribute("bgsl", count)
    if farmland is not None:
        feature.setAttribute("zlms", "3")
        feature.setAttribute("xzgd", farmland)
    feature.setGeometry(QgsGeometry.fromWkt(box_wkt(*box)))
    assert layer.dataProvider().addFeatures([feature])[0]


@pytest.fixture
def ws(empty_workspace):
    add_townships(empty_workspace)
    return empty_workspace


def run(path, **kwargs):
    workspace = open_workspace(path)
    return plan_progress(workspace.layer("measure"), **kwargs)


def test_window_defaults_to_the_plan_settings():
    assert window(None, None) == (2022, 2025)
    assert window(2023, None) == (2023, 2025)
    with pytest.raises(InputError):
        window(2025, 2022)


def test_linear_measure_on_a_big_parcel_adds_no_area(ws):
    (parcel,) = add_parcels(ws, [(501000, 2901000, 501400, 2901250)])  # 10 hm²
    add_records(ws, [("E03", 200.0, 2023, "parcel", parcel)])
    progress = run(ws)
    assert progress.county.treated_area_hm2 == 0.0
    assert progress.treated == []


def test_partial_closure_adds_its_quantity_and_full_features_dissolve(ws):
    # 20 hm² polygon with 5 hm² of 封育: adds 5, not 20
    a, b, c = add_parcels(
        ws,
        [
            (501000, 2901000, 501400, 2901500),  # 20 hm²
            (503000, 2903000, 503200, 2903100),  # 2 hm²
            (503100, 2903000, 503300, 2903100),
        ],
    )  # 2 hm², 1 shared
    add_records(
        ws,
        [
            ("V05", 5.0, 2023, "parcel", a),
            ("V01", 2.0, 2022, "parcel", b),
            ("V01", 2.5, 2024, "parcel", c),
        ],
    )  # sl above the area: min(area, sl)
    progress = run(ws)
    west = progress.row(WEST)
    assert west.treated_area_hm2 == pytest.approx(5.0 + 3.0)
    assert progress.county.treated_area_hm2 == pytest.approx(8.0)
    assert progress.row(EAST).treated_area_hm2 == 0.0


def test_treated_before_the_window_is_retreated_not_new(ws):
    (parcel,) = add_parcels(ws, [(501000, 2901000, 501100, 2901100)])  # 1 hm²
    add_records(ws, [("V01", 1.0, 2019, "parcel", parcel), ("V01", 1.0, 2023, "parcel", parcel)])
    progress = run(ws)
    assert progress.county.treated_area_hm2 == 0.0
    assert progress.county.retreated_area_hm2 == pytest.approx(1.0)
    assert progress.retreated == [("parcel", parcel)]
    # a window that starts in 2019 sees it as new
    assert run(ws, year_from=2019).county.treated_area_hm2 == pytest.approx(1.0)


def test_boundary_feature_is_shared_by_area(ws):
    (parcel,) = add_parcels(ws, [(509900, 2901000, 510300, 2901100)])  # 4 hm², 1 west
    add_records(ws, [("V01", 2.0, 2023, "parcel", parcel)])  # partly treated
    progress = run(ws)
    assert progress.row(WEST).treated_area_hm2 == pytest.approx(0.5)
    assert progress.row(EAST).treated_area_hm2 == pytest.approx(1.5)
    assert progress.county.treated_area_hm2 == pytest.approx(2.0)


def test_gullies_count_bgsl_in_their_own_township_in_the_window(ws):
    add_gully(ws, (501000, 2901000, 501100, 2901100), WEST, count=3)  # 崩岗群 of 3
    add_gully(ws, (509950, 2905000, 510150, 2905050), WEST)  # on the border
    add_gully(ws, (511000, 2901000, 511100, 2901100), EAST, farmland=0.4)
    add_gully(ws, (512000, 2901000, 512100, 2901100), EAST, year=2020)  # before
    add_gully(ws, (513000, 2901000, 513100, 2901100), EAST, status="1")  # not done
    add_gully(ws, (514000, 2901000, 514100, 2901100), EAST, year=None)  # no year
    progress = run(ws)
    assert progress.row(WEST).treated_gullies == 4
    assert progress.row(EAST).treated_gullies == 1
    assert progress.county.treated_gullies == 5
    assert progress.county.new_farmland_hm2 == pytest.approx(0.4)
    assert progress.undated_gullies == 1


def test_bad_gully_count_is_refused_naming_the_gully(ws):
    add_gully(ws, (501000, 2901000, 501100, 2901100), WEST, count=0)
    with pytest.raises(InputError, match="bgsl"):
        run(ws)


def test_targets_default_to_county_shares(ws):
    progress = run(ws)
    # two equal townships: half of 12000 hm² and of 800 gullies each
    assert progress.row(WEST).target_area_hm2 == pytest.approx(6000.0)
    assert progress.row(WEST).target_gullies == 400
    assert progress.county.target_area_hm2 == pytest.approx(12000.0)
    assert progress.county.xzqdm == COUNTY
