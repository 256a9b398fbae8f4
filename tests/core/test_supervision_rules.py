"""Issue 17 rules on hand-built layers with obvious answers: slope shares
(STEEP_SLOPE / TERRACE_REQUIRED on the share of the area, not the mean),
PLAN_REQUIRED, NAVEL_ORANGE_ZONE, CORRIDOR only for new orchards, and the
terrace flag of the measure taxonomy."""

from __future__ import annotations

from collections import defaultdict

import pytest
from validation_data import box, make_dem, write_layer

from xingguo_swc_plugin.core.errors import InputError
from xingguo_swc_plugin.core.rules import (
    CORRIDOR,
    NAVEL_ORANGE_ZONE,
    PLAN_REQUIRED,
    STEEP_SLOPE,
    TERRACE_REQUIRED,
)
from xingguo_swc_plugin.core.validation import validate_parcels
from xingguo_swc_plugin.qgis_compat import FieldType

FIELDS = (
    ("uuid", FieldType.STRING),
    ("tbbh", FieldType.STRING),
    ("xmbh", FieldType.STRING),
    ("kflx", FieldType.STRING),
    ("bhlx", FieldType.STRING),
)
PROJECT_FIELDS = (("xmbh", FieldType.STRING), ("stbcfa", FieldType.STRING))


def _found(findings):
    result = defaultdict(dict)
    for finding in findings:
        result[finding.rule][finding.parcel_id] = finding
    return result


def _parcels(folder, rows, name="parcels"):
    return write_layer(
        folder / (name + ".gpkg"),
        name,
        "MultiPolygon",
        FIELDS,
        [
            (
                {"uuid": "u-" + pid, "tbbh": pid, "xmbh": project, "kflx": kflx, "bhlx": bhlx},
                box(*rect),
            )
            for pid, project, kflx, bhlx, rect in rows
        ],
    )


def _projects(folder):
    return write_layer(
        folder / "projects.gpkg",
        "projects",
        "MultiPolygon",
        PROJECT_FIELDS,
        [
            ({"xmbh": "PE", "stbcfa": "赣水保字[2023]1号"}, box(-50, -50, 300, 250)),
            ({"xmbh": "PD", "stbcfa": None}, box(300, -50, 600, 250)),
        ],
    )


# x bands of the DEM: 30° up to x=40, then 16.67°, 22° from x=100, 10° from x=300
BANDS = ((-50, 30.0), (40, 16.6667), (100, 22.0), (300, 10.0))


def test_slope_rules_judge_the_share_of_the_area(qgis_app, tmp_path):
    parcels = _parcels(
        tmp_path,
        [
            ("A", "PE", "1", "1", (0, 0, 100, 100)),  # mean ~22°, 40 % above 25°
            ("B", "PE", "1", "1", (110, 0, 190, 100)),  # 22° everywhere, 水平竹节沟
            ("C", "PE", "1", "1", (210, 0, 290, 100)),  # 22° everywhere, only an orchard
            ("D", "PD", "1", "1", (310, 0, 390, 100)),  # 10°, project without plan
            ("E", "PE", "1", "1", (-40, 120, 0, 200)),  # 30° (PE has a plan)
            ("F", "", "1", "1", (410, 0, 490, 100)),  # 10°, no project at all
        ],
    )
    measures = write_layer(
        tmp_path / "measures.gpkg",
        "measure",
        None,
        (("uuid", FieldType.STRING), ("csdm", FieldType.STRING), ("mbid", FieldType.STRING)),
        [
            ({"uuid": "m1", "csdm": "E16", "mbid": "u-B"}, None),
            ({"uuid": "m2", "csdm": "V03", "mbid": "u-C"}, None),
        ],
    )
    dem = make_dem(tmp_path / "dem.tif", -50, -50, 600, 250, BANDS)
    found = _found(validate_parcels(parcels, _projects(tmp_path), dem=dem, measures=measures))
    assert set(found[STEEP_SLOPE]) == {"A", "E"}
    a = found[STEEP_SLOPE]["A"]
    assert "Mean slope 22." in a.message and "40 %" in a.message, a.message
    assert "100 %" in found[STEEP_SLOPE]["E"].message
    # 60 % of A is 15-25°; B's 水平竹节沟 counts as terraces, C's orchard does not
    assert set(found[TERRACE_REQUIRED]) == {"A", "C"}
    assert "60 %" in found[TERRACE_REQUIRED]["A"].message
    assert set(found[PLAN_REQUIRED]) == {"D", "F"}
    assert "PD" in found[PLAN_REQUIRED]["D"].message
    assert "100 %" in found[PLAN_REQUIRED]["D"].message
    # the share settings are parameters: 50 % above 25° needed -> A no longer steep
    found = _found(
        validate_parcels(parcels, _projects(tmp_path), dem=dem, measures=measures, steep_share=50.0)
    )
    assert set(found[STEEP_SLOPE]) == {"E"}
    with pytest.raises(InputError):
        validate_parcels(parcels, _projects(tmp_path), dem=dem, steep_share=120.0)


def test_navel_orange_zones(qgis_app, tmp_path):
    parcels = _parcels(
        tmp_path,
        [
            ("N1", "PE", "2", "1", (0, 0, 100, 100)),  # new 脐橙, half in the zone
            ("N2", "PE", "脐橙", "新增", (0, 1000, 100, 1100)),  # eroded slope by the river
            ("N3", "PE", "2", "1", (1000, 1000, 1100, 1100)),  # eroded, river 500 m away
            ("N4", "PE", "2", "4", (200, 0, 300, 100)),  # in the zone, but not new
            ("N5", "PE", "3", "1", (400, 0, 500, 100)),  # in the zone, 油茶
            ("N6", "PE", "2", "1", (2000, 1000, 2100, 1100)),  # 微度 erosion by the river
        ],
    )
    zones = write_layer(
        tmp_path / "zones.gpkg",
        "zones",
        "Polygon",
        (("name", FieldType.STRING),),
        [({"name": "z"}, box(50, -50, 550, 150))],
    )
    eroded = write_layer(
        tmp_path / "erosion.gpkg",
        "erosion",
        "Polygon",
        (("qsqd", FieldType.INT),),
        [({"qsqd": 3}, box(-50, 950, 1150, 1150)), ({"qsqd": 1}, box(1950, 950, 2150, 1150))],
    )
    waters = write_layer(
        tmp_path / "rivers.gpkg",
        "rivers",
        "LineString",
        (("name", FieldType.STRING),),
        [
            (
                {"name": "平江"},
                "LINESTRING(%f %f, %f %f)"
                % (640000 - 500, 2910000 + 1250, 640000 + 400, 2910000 + 1250),
            ),
            (
                {"name": "平江"},
                "LINESTRING(%f %f, %f %f)"
                % (640000 + 1900, 2910000 + 1250, 640000 + 2200, 2910000 + 1250),
            ),
        ],
    )
    found = _found(
        validate_parcels(
            parcels,
            _projects(tmp_path),
            orange_zones=zones,
            eroded=eroded,
            waters=waters,
            water_distance=200.0,
        )
    )
    assert set(found[NAVEL_ORANGE_ZONE]) == {"N1", "N2"}
    assert found[NAVEL_ORANGE_ZONE]["N1"].area_m2 == pytest.approx(5000.0)
    assert found[NAVEL_ORANGE_ZONE]["N1"].geometry.area() == pytest.approx(5000.0)
    # the river runs 150 m above N2's top edge: within 200 m lies its upper half
    assert found[NAVEL_ORANGE_ZONE]["N2"].area_m2 == pytest.approx(5000.0, rel=1e-6)
    found = _found(
        validate_parcels(
            parcels, _projects(tmp_path), eroded=eroded, waters=waters, water_distance=300.0
        )
    )
    assert set(found[NAVEL_ORANGE_ZONE]) == {"N2"}
    assert found[NAVEL_ORANGE_ZONE]["N2"].area_m2 == pytest.approx(10000.0, rel=1e-6)
    found = _found(
        validate_parcels(
            parcels, _projects(tmp_path), eroded=eroded, waters=waters, water_distance=100.0
        )
    )
    assert NAVEL_ORANGE_ZONE not in found
    with pytest.raises(InputError):
        validate_parcels(parcels, _projects(tmp_path), eroded=eroded)


def test_corridor_only_for_new_orchards(qgis_app, tmp_path):
    parcels = _parcels(
        tmp_path,
        [
            ("C1", "PE", "1", "1", (0, 0, 100, 100)),  # new 果园
            ("C2", "PE", "3", "1", (200, 0, 300, 100)),  # new 油茶: not an orchard
            ("C3", "PE", "2", "4", (400, 0, 500, 100)),  # 脐橙, unchanged: not new
            ("C4", "PE", None, None, (600, 0, 700, 100)),  # unknown: checked
            ("C5", "PE", "2", "2", (800, 0, 900, 100)),  # 脐橙 grown: new development
        ],
    )
    roads = write_layer(
        tmp_path / "roads.gpkg",
        "roads",
        "LineString",
        (("dllx", FieldType.STRING),),
        [
            (
                {"dllx": "国道"},
                "LINESTRING(%f %f, %f %f)"
                % (640000 - 100, 2910000 + 150, 640000 + 1000, 2910000 + 150),
            )
        ],
    )
    found = _found(
        validate_parcels(parcels, _projects(tmp_path), corridors=roads, corridor_distance=100.0)
    )
    assert set(found[CORRIDOR]) == {"C1", "C4", "C5"}
    assert found[CORRIDOR]["C1"].area_m2 == pytest.approx(5000.0, rel=1e-3)


def test_workspace_taxonomy_flags_terraces(qgis_app, empty_workspace):
    from xingguo_swc_plugin.core.measure_taxonomy import load_taxonomy
    from xingguo_swc_plugin.core.workspace.geopackage import open_workspace

    taxonomy = load_taxonomy(open_workspace(empty_workspace).layer("measure_type"))
    terraces = {m.code: m.zh for m in taxonomy if m.terrace}
    assert terraces == {
        "E01": "梯田(土坎)",
        "E02": "梯田(石坎)",
        "E16": "水平竹节沟",
        "E17": "台地",
        "T01": "等高耕作/农业耕作",
    }


def test_validateparcels_passes_the_new_inputs(qgis_app, tmp_path):
    import processing

    parcels = _parcels(
        tmp_path,
        [("N1", "PE", "2", "1", (0, 0, 100, 100)), ("N4", "PE", "2", "4", (200, 0, 300, 100))],
    )
    zones = write_layer(
        tmp_path / "zones.gpkg",
        "zones",
        "Polygon",
        (("name", FieldType.STRING),),
        [({"name": "z"}, box(50, -50, 550, 150))],
    )
    result = processing.run(
        "xingguoswc:validateparcels",
        {
            "PARCELS": parcels,
            "PROJECTS": _projects(tmp_path),
            "ORANGE_ZONES": zones,
            "OUTPUT": "memory:",
        },
    )
    rows = [
        (f["parcel_id"], f["area_m2"])
        for f in result["OUTPUT"].getFeatures()
        if f["rule"] == NAVEL_ORANGE_ZONE
    ]
    assert rows == [("N1", 5000.0)]
