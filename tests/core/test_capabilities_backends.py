"""Tag measures, digitize gullies, atlas default layers and plan progress on BOTH
workspace backends, with the same test bodies (``backend``: a GeoPackage, and a
schema on a real PostGIS server).

The answers are obvious by construction: axis-parallel squares in EPSG:4547
metres inside the synthetic township 潋江镇 (``benggang_fixtures``), so areas
are side², the township is 360732100 and gully numbers count from 0001.
"""

from __future__ import annotations

import uuid

import pytest
from benggang_fixtures import add_townships, square
from qgis.core import QgsFeature, QgsGeometry

from xingguo_swc_plugin.core.atlas_layers import default_layers, table_name
from xingguo_swc_plugin.core.benggang import TownshipIndex
from xingguo_swc_plugin.core.benggang_digitize import evaluate_gully, save_gully
from xingguo_swc_plugin.core.measure_tagging import set_treatment_status, tag_features
from xingguo_swc_plugin.core.plan import plan_progress

WEST = "360732100"


@pytest.fixture
def workspace(backend):
    """The backend's workspace with the two synthetic townships."""
    add_townships(backend.workspace())
    return backend


def add_parcel(workspace, x: float, y: float, width: float, height: float) -> int:
    """A parcel (a rectangle in EPSG:4547 m) written and committed; its feature id."""
    layer = workspace.layer("parcel")
    feature = QgsFeature(layer.fields())
    feature.setAttribute("uuid", str(uuid.uuid4()))
    feature.setAttribute("tbbh", "P-" + str(uuid.uuid4())[:8])
    feature.setGeometry(
        QgsGeometry.fromWkt(
            "MULTIPOLYGON((({0} {1},{2} {1},{2} {3},{0} {3},{0} {1})))".format(
                x, y, x + width, y + height
            )
        )
    )
    ok, added = layer.dataProvider().addFeatures([feature])
    assert ok
    return added[0].id()


def test_tag_measures(workspace):
    ws = workspace.workspace()
    fid = add_parcel(ws, 631000.0, 2911000.0, 200.0, 100.0)  # 2 hm² in 潋江镇
    measures, parcels = ws.layer("measure"), ws.layer("parcel")
    records = tag_features(measures, parcels, [fid], "V01", None, 2023, commit=True)
    assert len(records) == 1
    again = {f["mbid"]: f for f in workspace.workspace().layer("measure").getFeatures()}
    (row,) = again.values()
    target = next(parcels.getFeatures())
    assert row["mbid"] == target["uuid"] and row["mbtc"] == "parcel"
    assert (row["csdm"], row["dw"], row["nd"], row["xzqdm"]) == ("V01", "hm2", 2023, WEST)
    assert row["sl"] == pytest.approx(2.0)


def test_digitize_gullies(workspace):
    ws = workspace.workspace()
    gullies = ws.layer("benggang")
    townships = TownshipIndex(ws.layer("township"), gullies.crs())
    draft = evaluate_gully(gullies, townships, square(631000.0, 2911000.0, 60.0))
    assert draft.ok, draft.message()
    assert (draft.xzqdm, draft.mj, draft.gm) == (WEST, 3600.0, "L")
    first = save_gully(gullies, townships, square(631000.0, 2911000.0, 60.0))
    second = save_gully(gullies, townships, square(632000.0, 2911000.0, 20.0))
    assert gullies.commitChanges(), gullies.commitErrors()
    rows = {f["bgbh"]: f for f in workspace.workspace().layer("benggang").getFeatures()}
    assert set(rows) == {WEST + "-0001", WEST + "-0002"}
    assert (first["bgbh"], second["bgbh"]) == (WEST + "-0001", WEST + "-0002")
    assert rows[WEST + "-0002"]["mj"] == pytest.approx(400.0)
    overlapping = evaluate_gully(
        workspace.workspace().layer("benggang"), townships, square(631030.0, 2911030.0, 60.0)
    )
    assert not overlapping.ok  # overlaps the first gully: refused, nothing numbered


def test_atlas_default_layers(workspace):
    layers = default_layers(workspace.workspace().layer("township"))
    assert [table_name(layer) for layer in layers] == ["finding", "benggang", "parcel", "erosion"]
    provider = "ogr" if workspace.kind == "gpkg" else "postgres"
    assert all(layer.isValid() and layer.providerType() == provider for layer in layers)
    assert layers[1].name() == "崩岗"


def test_plan_progress(workspace):
    ws = workspace.workspace()
    fid = add_parcel(ws, 631000.0, 2911000.0, 200.0, 100.0)  # 2 hm²
    tag_features(ws.layer("measure"), ws.layer("parcel"), [fid], "V01", None, 2023, commit=True)
    gullies = ws.layer("benggang")
    townships = TownshipIndex(ws.layer("township"), gullies.crs())
    save_gully(gullies, townships, square(633000.0, 2912000.0, 50.0), {"zlnd": 2024})
    assert gullies.commitChanges(), gullies.commitErrors()
    gully = next(gullies.getFeatures())
    set_treatment_status(gullies, [gully.id()], "2", commit=True, year=2024)
    progress = plan_progress(workspace.workspace().layer("measure"), year_from=2022, year_to=2025)
    assert progress.row(WEST).treated_area_hm2 == pytest.approx(2.0)
    assert progress.county.treated_area_hm2 == pytest.approx(2.0)
    assert progress.row(WEST).treated_gullies == 1
    assert progress.row("360732101").treated_area_hm2 == 0.0
    outside = plan_progress(workspace.workspace().layer("measure"), year_from=2024, year_to=2025)
    assert outside.county.treated_area_hm2 == 0.0  # tagged in 2023: outside the window


def add_project(workspace, number: str, wkt: str = "") -> None:
    layer = workspace.layer("dev_project")
    feature = QgsFeature(layer.fields())
    feature.setAttribute("uuid", str(uuid.uuid4()))
    feature.setAttribute("xmbh", number)
    if wkt:
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
    assert layer.dataProvider().addFeatures([feature])[0]


def test_validation_rules_are_the_same_on_either_engine(workspace):
    """The registration rules from ``core.rules`` on the engine ``choose`` picks: local
    for a GeoPackage, the server for PostGIS; a project without an approved boundary
    gives the same finding on both (the engines used to differ there)."""
    from xingguo_swc_plugin.core.engines import LOCAL, POSTGIS, choose
    from xingguo_swc_plugin.core.validation import validate_parcels

    ws = workspace.workspace()
    rect = "MULTIPOLYGON((({0} {1},{2} {1},{2} {3},{0} {3},{0} {1})))"
    add_project(ws, "XM1")  # registered, no boundary
    add_project(ws, "XM2", rect.format(632000, 2911000, 632100, 2911100))
    for number, x, project in (("P1", 631000, "XM1"), ("P2", 632050, "XM2"), ("P3", 633000, "XM9")):
        layer = ws.layer("parcel")
        feature = QgsFeature(layer.fields())
        feature.setAttribute("uuid", str(uuid.uuid4()))
        feature.setAttribute("tbbh", number)
        feature.setAttribute("xmbh", project)
        feature.setGeometry(QgsGeometry.fromWkt(rect.format(x, 2911000, x + 100, 2911100)))
        assert layer.dataProvider().addFeatures([feature])[0]
    parcels, projects = ws.layer("parcel"), ws.layer("dev_project")
    expected = POSTGIS if workspace.kind == "postgis" else LOCAL
    assert choose(parcels, projects).name == choose(ws).name == expected
    assert choose(parcels, projects, server=False).name == LOCAL  # e.g. with a DEM
    found = {(f.parcel_id, f.rule): f for f in validate_parcels(parcels, projects)}
    assert sorted(found) == [
        ("P1", "LOCATION_CHANGED"),
        ("P2", "EXCEEDS_APPROVED"),
        ("P3", "UNREGISTERED"),
    ]
    assert (
        found[("P1", "LOCATION_CHANGED")].message
        == "Project XM1 has no approved boundary to compare with."
    )
    assert found[("P2", "EXCEEDS_APPROVED")].area_m2 == pytest.approx(5000.0)
    assert found[("P2", "EXCEEDS_APPROVED")].geometry.area() == pytest.approx(5000.0)
    assert (
        found[("P3", "UNREGISTERED")].message == "Project XM9 is not in the development database."
    )
