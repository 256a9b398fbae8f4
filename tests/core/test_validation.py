"""validate_parcels and xingguoswc:validateparcels on hand-built layers."""

from __future__ import annotations

from collections import defaultdict

import pytest
from qgis.core import QgsFeedback, QgsProcessingException, QgsVectorLayer
from validation_data import (
    CRS,
    EXPECTED,
    PARCEL_FIELDS,
    box,
    file_hash,
    layer_snapshot,
    make_dem,
    make_parcels,
    make_projects,
    parcel_uuid,
    write_layer,
)

from xingguo_swc_plugin.core.errors import InputError, SwcError
from xingguo_swc_plugin.core.rules import (
    CORRIDOR,
    EXCEEDS_APPROVED,
    INVALID_GEOMETRY,
    STEEP_SLOPE,
    TERRACE_REQUIRED,
    UNREGISTERED,
    corridor_class,
)
from xingguo_swc_plugin.core.validation import validate_parcels
from xingguo_swc_plugin.qgis_compat import FieldType


def by_rule(findings):
    result = defaultdict(dict)
    for finding in findings:
        result[finding.rule][finding.parcel_id] = finding.area_m2
    return result


def assert_expected(findings, tolerance=0.01):
    found = by_rule(findings)
    assert set(found) == set(EXPECTED), found
    for rule, areas in EXPECTED.items():
        assert set(found[rule]) == set(areas), (rule, found[rule])
        for parcel_id, area in areas.items():
            assert found[rule][parcel_id] == pytest.approx(area, abs=tolerance), (rule, parcel_id)


@pytest.fixture
def layers(qgis_app, tmp_path):
    return make_parcels(tmp_path), make_projects(tmp_path)


def test_every_rule_on_hand_built_layers(layers):
    parcels, projects = layers
    findings = validate_parcels(parcels, projects)
    assert_expected(findings)
    # compliant T01 and T06 (0.5 m² outside, under the 1 m² tolerance) give nothing
    assert not {f.parcel_id for f in findings} & {"T01", "T06"}
    labels = {f.rule: f.compliance for f in findings}
    assert labels["UNREGISTERED"] == "疑似未批先建"
    assert labels["LOCATION_CHANGED"] == "疑似建设地点变更"
    assert labels["EXCEEDS_APPROVED"] == "疑似超出防治责任范围"
    assert labels["OVERLAP"] == ""
    excess = next(f for f in findings if f.rule == EXCEEDS_APPROVED)
    # the offending part is the half outside P2, not the whole parcel
    assert excess.geometry.area() == pytest.approx(5000.0, abs=0.01)
    assert excess.geometry.boundingBox().xMinimum() == pytest.approx(640_400.0)
    overlap = next(f for f in findings if f.rule == "OVERLAP" and f.parcel_id == "T07")
    assert overlap.related == ("T08",)
    assert overlap.geometry.boundingBox().width() == pytest.approx(10.0)
    invalid = {f.parcel_id: f for f in findings if f.rule == INVALID_GEOMETRY}
    assert "empty" in invalid["T10"].message
    assert "not valid" in invalid["T09"].message
    assert invalid["T09"].parcel_uuid == parcel_uuid("T09")


def test_tolerance_is_a_parameter(layers):
    parcels, projects = layers
    strict = by_rule(validate_parcels(parcels, projects, excess_tolerance=0.1))
    assert strict[EXCEEDS_APPROVED]["T06"] == pytest.approx(0.5, abs=0.001)
    loose = by_rule(validate_parcels(parcels, projects, excess_tolerance=6000))
    assert EXCEEDS_APPROVED not in loose


def test_inputs_are_never_modified(layers, tmp_path):
    parcels, projects = layers
    paths = [str(tmp_path / "parcels.gpkg"), str(tmp_path / "projects.gpkg")]
    hashes = [file_hash(path) for path in paths]
    snapshots = [layer_snapshot(parcels), layer_snapshot(projects)]
    validate_parcels(parcels, projects)
    import processing

    processing.run(
        "xingguoswc:validateparcels",
        {"PARCELS": paths[0], "PROJECTS": paths[1], "OUTPUT": str(tmp_path / "findings.gpkg")},
    )
    assert [file_hash(path) for path in paths] == hashes
    assert [layer_snapshot(parcels), layer_snapshot(projects)] == snapshots
    assert not parcels.isModified() and not projects.isModified()


def test_processing_algorithm_writes_the_contract_fields(layers, tmp_path):
    import processing

    out = str(tmp_path / "findings.gpkg")
    result = processing.run(
        "xingguoswc:validateparcels",
        {
            "PARCELS": str(tmp_path / "parcels.gpkg"),
            "PARCEL_ID_FIELD": "tbbh",
            "PROJECT_FIELD": "xmbh",
            "PROJECTS": str(tmp_path / "projects.gpkg"),
            "PROJECT_ID_FIELD": "xmbh",
            "EXCESS_TOLERANCE": 1.0,
            "OUTPUT": out,
        },
    )
    layer = QgsVectorLayer(result["OUTPUT"], "findings", "ogr")
    assert layer.isValid()
    names = layer.fields().names()
    for name in ("parcel_id", "rule", "compliance", "severity", "message", "area_m2"):
        assert name in names
    rows = [(f["parcel_id"], f["rule"], f["compliance"], f["area_m2"]) for f in layer.getFeatures()]
    assert len(rows) == sum(len(v) for v in EXPECTED.values())
    assert ("T05", "EXCEEDS_APPROVED", "疑似超出防治责任范围", 5000.0) in rows
    assert result["COUNT"] == len(rows)
    assert layer.crs().authid() == CRS


def test_projects_in_another_crs_are_reprojected(qgis_app, tmp_path):
    parcels = make_parcels(tmp_path)
    projects = make_projects(tmp_path, crs="EPSG:4490")
    assert projects.crs().authid() == "EPSG:4490"
    assert_expected(validate_parcels(parcels, projects), tolerance=0.5)


def test_geographic_parcels_work_in_metres(qgis_app, tmp_path):
    import processing

    make_parcels(tmp_path)
    out = str(tmp_path / "parcels_4490.gpkg")
    processing.run(
        "native:reprojectlayer",
        {"INPUT": str(tmp_path / "parcels.gpkg"), "TARGET_CRS": "EPSG:4490", "OUTPUT": out},
    )
    parcels = QgsVectorLayer(out, "parcels", "ogr")
    findings = validate_parcels(parcels, make_projects(tmp_path))
    assert_expected(findings, tolerance=0.5)
    excess = next(f for f in findings if f.rule == EXCEEDS_APPROVED)
    assert excess.geometry.boundingBox().xMaximum() < 180  # in degrees, like the input


@pytest.mark.parametrize(
    "kwargs, word",
    [
        ({"parcel_id_field": "bh"}, "bh"),
        ({"project_field": "project"}, "project"),
        ({"project_id_field": "code"}, "code"),
    ],
)
def test_missing_id_fields_are_named(layers, kwargs, word):
    parcels, projects = layers
    with pytest.raises(InputError) as error:
        validate_parcels(parcels, projects, **kwargs)
    assert '"{0}"'.format(word) in str(error.value)


def test_processing_refuses_missing_field_and_writes_nothing(layers, tmp_path):
    import processing

    out = tmp_path / "never.gpkg"
    with pytest.raises(QgsProcessingException):
        processing.run(
            "xingguoswc:validateparcels",
            {
                "PARCELS": str(tmp_path / "parcels.gpkg"),
                "PARCEL_ID_FIELD": "nope",
                "PROJECTS": str(tmp_path / "projects.gpkg"),
                "OUTPUT": str(out),
            },
        )
    assert not out.exists()


def test_cancel_stops_the_run(layers):
    feedback = QgsFeedback()
    feedback.cancel()
    with pytest.raises(SwcError):
        validate_parcels(*layers, feedback=feedback)


def test_progress_reaches_the_end(layers):
    feedback = QgsFeedback()
    seen = []
    feedback.progressChanged.connect(seen.append)
    validate_parcels(*layers, feedback=feedback)
    assert seen and max(seen) == pytest.approx(100.0)
    assert seen == sorted(seen) or seen[-1] == pytest.approx(100.0)


# --- slope --------------------------------------------------------------------

SLOPE_PARCELS = {  # parcel -> (rectangle, terraced?)
    "S1": ((20, 20, 80, 80), False),  # 5° band
    "S2": ((120, 20, 180, 80), False),  # 20° band, no terrace -> TERRACE_REQUIRED
    "S3": ((120, 120, 180, 180), True),  # 20° band with a terrace measure
    "S4": ((220, 20, 280, 80), False),  # 30° band -> STEEP_SLOPE
    "S5": ((230.5, 130.5, 231.5, 131.5), False),  # 1 m², smaller than a pixel
}
BANDS = ((0, 5.0), (100, 20.0), (200, 30.0))


def slope_layers(folder):
    rows = [
        (
            {"uuid": parcel_uuid("T" + pid[1:]), "tbbh": pid, "xmbh": "PS", "xzqdm": "360732100"},
            box(*rect),
        )
        for pid, (rect, _) in SLOPE_PARCELS.items()
    ]
    parcels = write_layer(
        folder / "slope_parcels.gpkg", "parcels", "MultiPolygon", PARCEL_FIELDS, rows
    )
    projects = write_layer(
        folder / "slope_projects.gpkg",
        "projects",
        "MultiPolygon",
        (("xmbh", FieldType.STRING),),
        [({"xmbh": "PS"}, box(0, 0, 300, 200))],
    )
    measures = write_layer(
        folder / "measures.gpkg",
        "measure",
        None,
        (
            ("uuid", FieldType.STRING),
            ("csdm", FieldType.STRING),
            ("mbtc", FieldType.STRING),
            ("mbid", FieldType.STRING),
        ),
        [
            ({"uuid": "m1", "csdm": "E01", "mbtc": "parcel", "mbid": parcel_uuid("T3")}, None),
            ({"uuid": "m2", "csdm": "V03", "mbtc": "parcel", "mbid": parcel_uuid("T2")}, None),
        ],
    )
    return parcels, projects, measures


def test_slope_rules_with_a_dem(qgis_app, tmp_path):
    parcels, projects, measures = slope_layers(tmp_path)
    dem = make_dem(tmp_path / "dem.tif", -50, -50, 350, 250, BANDS)
    dem_hash = file_hash(str(tmp_path / "dem.tif"))
    findings = validate_parcels(parcels, projects, dem=dem, measures=measures)
    found = by_rule(findings)
    assert set(found[STEEP_SLOPE]) == {"S4", "S5"}
    assert set(found[TERRACE_REQUIRED]) == {"S2"}  # S3 has a terrace (E01); V03 is not
    steep = next(f for f in findings if f.parcel_id == "S4" and f.rule == STEEP_SLOPE)
    assert "30.0°" in steep.message
    terrace = next(f for f in findings if f.rule == TERRACE_REQUIRED)
    assert "20.0°" in terrace.message and terrace.area_m2 == pytest.approx(3600.0)
    assert file_hash(str(tmp_path / "dem.tif")) == dem_hash


def test_slope_thresholds_are_parameters(qgis_app, tmp_path):
    parcels, projects, measures = slope_layers(tmp_path)
    dem = make_dem(tmp_path / "dem.tif", -50, -50, 350, 250, BANDS)
    found = by_rule(
        validate_parcels(
            parcels, projects, dem=dem, measures=measures, steep_slope=35, terrace_slope=4
        )
    )
    assert STEEP_SLOPE not in found
    assert set(found[TERRACE_REQUIRED]) == {"S1", "S2", "S4", "S5"}
    with pytest.raises(InputError):
        validate_parcels(parcels, projects, dem=dem, steep_slope=10, terrace_slope=20)


def test_geographic_dem_gives_the_same_slopes(qgis_app, tmp_path):
    from osgeo import gdal

    parcels, projects, measures = slope_layers(tmp_path)
    make_dem(tmp_path / "dem.tif", -50, -50, 350, 250, BANDS, cell=2.0)
    gdal.Warp(
        str(tmp_path / "dem4490.tif"),
        str(tmp_path / "dem.tif"),
        dstSRS="EPSG:4490",
        resampleAlg="bilinear",
    )
    from qgis.core import QgsRasterLayer

    dem = QgsRasterLayer(str(tmp_path / "dem4490.tif"), "dem")
    assert dem.crs().isGeographic()
    findings = validate_parcels(parcels, projects, dem=dem, measures=measures)
    found = by_rule(findings)
    assert set(found[STEEP_SLOPE]) >= {"S4"}
    assert set(found[TERRACE_REQUIRED]) == {"S2"}
    steep = next(f for f in findings if f.parcel_id == "S4" and f.rule == STEEP_SLOPE)
    degrees = float(steep.message.split("°")[0].split()[-1])
    assert degrees == pytest.approx(30.0, abs=1.0)


def test_dem_not_covering_the_parcels_is_refused(qgis_app, tmp_path):
    parcels, projects, measures = slope_layers(tmp_path)
    dem = make_dem(tmp_path / "small.tif", -50, -50, 150, 250, BANDS)
    with pytest.raises(InputError) as error:
        validate_parcels(parcels, projects, dem=dem)
    message = str(error.value)
    assert "does not cover 4 parcel(s)" in message and "S4" in message
    assert "S1" not in message


def test_nodata_pixels_are_left_out(qgis_app, tmp_path):
    parcels, projects, measures = slope_layers(tmp_path)
    dem = make_dem(
        tmp_path / "holes.tif", -50, -50, 350, 250, BANDS, nodata_box=(200, 0, 300, 100)
    )  # all of S4 is NODATA
    found = by_rule(validate_parcels(parcels, projects, dem=dem, measures=measures))
    assert set(found[STEEP_SLOPE]) == {"S5"}  # S4 has no slope, so no finding


# --- corridors ------------------------------------------------------------------


def test_corridor_rule(qgis_app, tmp_path):
    parcels, projects, _ = slope_layers(tmp_path)
    corridors = write_layer(
        tmp_path / "roads.gpkg",
        "roads",
        "LineString",
        (("dllx", FieldType.STRING), ("name", FieldType.STRING)),
        [
            (
                {"dllx": "国道", "name": "G319"},  # 50 m south of S1 and S2 (y=20)
                "LINESTRING({0} {1}, {2} {1})".format(640_000, 2_910_000 - 30, 640_150),
            ),
            (
                {"dllx": "县道", "name": "X123"},  # a county road right beside S4: ignored
                "LINESTRING({0} {1}, {0} {2})".format(640_285, 2_910_000, 2_910_100),
            ),
        ],
    )
    findings = validate_parcels(parcels, projects, corridors=corridors, corridor_distance=60)
    found = by_rule(findings)
    assert set(found[CORRIDOR]) == {"S1", "S2"}
    # the part within 60 m of the road (y <= 30 relative): 60 x 10
    assert found[CORRIDOR]["S1"] == pytest.approx(600.0, rel=0.01)
    assert "national road" in findings[0].message or any(
        "national road" in f.message for f in findings
    )
    assert CORRIDOR not in by_rule(
        validate_parcels(parcels, projects, corridors=corridors, corridor_distance=40)
    )


def test_corridor_classes():
    assert corridor_class("铁路") == "railway"
    assert corridor_class("高速公路") == "expressway"
    assert corridor_class("G319国道") == "national"
    assert corridor_class("Provincial") == "provincial"
    assert corridor_class("县道") is None
    assert corridor_class(None) is None


# --- generated sample: the injected cases are found ---------------------------------


def test_sample_cases_are_found(qgis_app, tmp_path):
    from xingguo_swc_plugin.core.sampledata import generate_sample_workspace
    from xingguo_swc_plugin.core.workspace.geopackage import open_workspace

    path = str(tmp_path / "sample.gpkg")
    summary = generate_sample_workspace(path, parcels=1500, seed=11)
    workspace = open_workspace(path)
    parcels, projects = workspace.layer("parcel"), workspace.layer("dev_project")
    hashes = file_hash(path)
    findings = validate_parcels(parcels, projects)
    found = {rule: set(areas) for rule, areas in by_rule(findings).items()}
    cases = summary.cases
    assert found[INVALID_GEOMETRY] == set(cases["invalid"])
    assert found[UNREGISTERED] == set(cases["unregistered"])
    assert found["LOCATION_CHANGED"] == set(cases["location_changed"])
    assert set(cases["exceeds"]) <= found[EXCEEDS_APPROVED]
    # an injected "overlap" case overlaps nothing when shifted out of its block or
    # when its neighbour was moved away: the truth comes from a plain pairwise check
    assert found["OVERLAP"] == pairwise_overlaps(parcels)
    assert len(set(cases["overlap"]) & found["OVERLAP"]) > len(cases["overlap"]) / 2
    # no rule fires on a parcel that was generated clean and stays clear of others
    injected = set().union(*cases.values())
    assert found[EXCEEDS_APPROVED] - injected <= found["OVERLAP"]
    assert file_hash(path) == hashes


def pairwise_overlaps(layer):
    """Parcel IDs sharing more than 0.01 m² with another valid parcel (brute force
    over a spatial index, independent of core.overlaps)."""
    from qgis.core import QgsSpatialIndex

    shapes = {
        f.id(): (f["tbbh"], f.geometry())
        for f in layer.getFeatures()
        if f.hasGeometry() and f.geometry().isGeosValid()
    }
    index = QgsSpatialIndex()
    for fid, (_, geometry) in shapes.items():
        index.addFeature(fid, geometry.boundingBox())
    result = set()
    for fid, (name, geometry) in shapes.items():
        for other in index.intersects(geometry.boundingBox()):
            if other != fid and geometry.intersection(shapes[other][1]).area() > 0.01:
                result.update((name, shapes[other][0]))
    return result


def test_gbk_shapefiles_keep_chinese_ids(qgis_app, tmp_path):
    """Parcels and projects as GBK shapefiles without .cpg: Chinese IDs intact."""
    import processing
    from osgeo import gdal
    from test_devimport import ogr_layer

    ogr_layer(
        tmp_path / "tb.shp",
        "ESRI Shapefile",
        "tb",
        ("tbbh", "xmbh"),
        [
            ({"tbbh": "高兴-001", "xmbh": "兴国项目1"}, box(0, 0, 50, 50)),
            ({"tbbh": "高兴-002", "xmbh": "兴国项目9"}, box(200, 0, 250, 50)),
        ],
        options=["ENCODING=CP936"],
    )
    ogr_layer(
        tmp_path / "xm.shp",
        "ESRI Shapefile",
        "xm",
        ("xmbh",),
        [({"xmbh": "兴国项目1"}, box(0, 0, 40, 50))],
        options=["ENCODING=CP936"],
    )
    for name in ("tb", "xm"):
        (tmp_path / (name + ".cpg")).unlink()
    assert "高兴".encode("gbk") in (tmp_path / "tb.dbf").read_bytes()
    result = processing.run(
        "xingguoswc:validateparcels",
        {
            "PARCELS": str(tmp_path / "tb.shp"),
            "PROJECTS": str(tmp_path / "xm.shp"),
            "OUTPUT": str(tmp_path / "out.gpkg"),
        },
    )
    rows = {
        (f["parcel_id"], f["rule"]): f["area_m2"]
        for f in QgsVectorLayer(result["OUTPUT"], "o", "ogr").getFeatures()
    }
    assert rows == {
        ("高兴-001", "EXCEEDS_APPROVED"): pytest.approx(500.0),
        ("高兴-002", "UNREGISTERED"): pytest.approx(2500.0),
    }
    assert gdal.GetConfigOption("SHAPE_ENCODING") in (None, "")


def test_processing_with_dem_corridors_and_measures(qgis_app, tmp_path):
    import processing

    parcels, projects, measures = slope_layers(tmp_path)
    make_dem(tmp_path / "dem.tif", -50, -50, 350, 250, BANDS)
    result = processing.run(
        "xingguoswc:validateparcels",
        {
            "PARCELS": parcels.source(),
            "PROJECTS": projects.source(),
            "DEM": str(tmp_path / "dem.tif"),
            "MEASURES": measures.source(),
            "STEEP_SLOPE": 25,
            "TERRACE_SLOPE": 15,
            "OUTPUT": str(tmp_path / "o.gpkg"),
        },
    )
    layer = QgsVectorLayer(result["OUTPUT"], "o", "ogr")
    rules = {(f["parcel_id"], f["rule"]) for f in layer.getFeatures()}
    assert rules == {("S4", "STEEP_SLOPE"), ("S5", "STEEP_SLOPE"), ("S2", "TERRACE_REQUIRED")}


def test_project_without_boundary(qgis_app, tmp_path):
    from validation_data import PROJECT_FIELDS

    parcels = write_layer(
        tmp_path / "p.gpkg",
        "p",
        "MultiPolygon",
        PARCEL_FIELDS,
        [({"tbbh": "T20", "xmbh": "P4"}, box(0, 0, 10, 10))],
    )
    projects = write_layer(
        tmp_path / "x.gpkg",
        "x",
        "MultiPolygon",
        PROJECT_FIELDS,
        [({"xmbh": "P4", "xmmc": "无边界"}, None)],
    )
    findings = validate_parcels(parcels, projects)
    assert [(f.parcel_id, f.rule) for f in findings] == [("T20", "LOCATION_CHANGED")]
    assert "no approved boundary" in findings[0].message


def test_progress_never_goes_back(qgis_app, tmp_path):
    """Reading the projects and then checking every parcel share one phase: the bar
    moves forward only (it went from 47.5 % back to 40 %) and ends at 100 %."""
    from xingguo_swc_plugin.core.sampledata import generate_sample_workspace
    from xingguo_swc_plugin.core.workspace.geopackage import open_workspace

    path = str(tmp_path / "sample.gpkg")
    generate_sample_workspace(path, parcels=300, seed=5)
    workspace = open_workspace(path)
    feedback = QgsFeedback()
    seen = []
    feedback.progressChanged.connect(seen.append)
    validate_parcels(workspace.layer("parcel"), workspace.layer("dev_project"), feedback=feedback)
    assert len(seen) > 10
    assert seen == sorted(seen), [b for a, b in zip(seen, seen[1:]) if b < a][:5]
    assert seen[-1] == 100
