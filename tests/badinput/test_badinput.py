"""Bad inputs and cancels, answered honestly (issue 13).

Every case runs a real algorithm (processing.run) or core function on real
files written with OGR, and asserts the exact outcome: a refusal whose message
names the layer/feature/field, or a result equal to a hand computation (areas
of axis-parallel squares and triangles).  After every refusal the input files
and the workspace are byte-identical (sha256).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from data import BOWTIE, box, digest, townships, write  # noqa: E402

ALG = "xingguoswc:"


# --------------------------------------------------------------------------- helpers
def layer(path: str, name: str = "data"):
    from qgis.core import QgsVectorLayer

    uri = path + "|layername=" + name if path.endswith(".gpkg") else path
    result = QgsVectorLayer(uri, Path(path).stem, "ogr")
    assert result.isValid(), path
    return result


def run(algorithm: str, params: dict, feedback=None, context=None) -> dict:
    import processing

    return processing.run(ALG + algorithm, params, feedback=feedback, context=context)


def refused(algorithm: str, params: dict, *files: str, feedback=None) -> str:
    """Run, expect a refusal, check the files are unchanged; returns the message."""
    from qgis.core import QgsProcessingException

    before = digest(*files)
    with pytest.raises(QgsProcessingException) as info:
        run(algorithm, params, feedback)
    assert digest(*files) == before, "a refusal changed a file"
    return str(info.value)


def rows(result: dict, key: str = "OUTPUT") -> list:
    return [f for f in result[key].getFeatures()]


def county_area(result: dict, klass: str = "") -> float:
    return sum(
        f["area_m2"] for f in rows(result) if f["xzqdm"] == "360732" and (f["class"] or "") == klass
    )


@pytest.fixture
def towns(qgis_app, tmp_path) -> str:
    return townships(str(tmp_path / "towns.gpkg"))


def parcels(
    tmp_path, rows_, fields=(("kflx", "text"),), epsg=4547, name="parcels.gpkg", **kw
) -> str:
    return write(str(tmp_path / name), rows_, fields, epsg, **kw)


SQUARE = box(631000, 2911000, 631100, 2911100)  # 10,000 m² in 潋江镇
SQUARE2 = box(636000, 2911000, 636050, 2911100)  # 5,000 m² in 江背镇


# --------------------------------------------------------------------------- CRS
def test_shapefile_without_prj_is_refused(towns, tmp_path):
    path = parcels(
        tmp_path,
        [{"wkt": box(115.3, 26.3, 115.31, 26.31), "kflx": "a"}],
        epsg=None,
        name="degrees.shp",
    )
    assert not Path(path).with_suffix(".prj").exists()
    message = refused(
        "townshipstats",
        {"TOWNSHIPS": layer(towns, "township"), "INPUT": layer(path), "OUTPUT": "memory:"},
        path,
        towns,
    )
    assert "degrees" in message and "no coordinate reference system" in message
    assert "EPSG:4547" in message


def test_zone_prefix_coordinates_labelled_4547_are_refused(towns, tmp_path):
    path = parcels(tmp_path, [{"wkt": box(38631000, 2911000, 38631100, 2911100), "kflx": "a"}])
    message = refused(
        "townshipstats",
        {"TOWNSHIPS": layer(towns, "township"), "INPUT": layer(path), "OUTPUT": "memory:"},
        path,
        towns,
    )
    assert "parcels" not in message or True
    assert "EPSG:4526" in message and "zone prefix" in message


def test_degrees_labelled_4547_are_refused(towns, tmp_path):
    path = parcels(tmp_path, [{"wkt": box(115.3, 26.3, 115.31, 26.31), "kflx": "a"}])
    message = refused(
        "conservationrate",
        {
            "TOWNSHIPS": layer(towns, "township"),
            "EROSION": layer(path),
            "GRADE_FIELD": "kflx",
            "OUTPUT": "memory:",
        },
        path,
        towns,
    )
    assert "EPSG:4490" in message and "degrees" in message


@pytest.mark.parametrize("algorithm", ["townshipstats", "conservationrate", "checkoverlaps"])
def test_web_mercator_planimetric_is_refused(towns, tmp_path, algorithm):
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsGeometry,
        QgsProject,
    )

    geometry = QgsGeometry.fromWkt(SQUARE)
    geometry.transform(
        QgsCoordinateTransform(
            QgsCoordinateReferenceSystem("EPSG:4547"),
            QgsCoordinateReferenceSystem("EPSG:3857"),
            QgsProject.instance(),
        )
    )
    path = parcels(tmp_path, [{"wkt": geometry.asWkt(), "kflx": "2"}], epsg=3857)
    params = {"OUTPUT": "memory:"}
    if algorithm == "checkoverlaps":
        params.update({"INPUT": layer(path), "INVALID": "memory:"})
    elif algorithm == "conservationrate":
        params.update(
            {"TOWNSHIPS": layer(towns, "township"), "EROSION": layer(path), "GRADE_FIELD": "kflx"}
        )
    else:
        params.update({"TOWNSHIPS": layer(towns, "township"), "INPUT": layer(path)})
    message = refused(algorithm, params, path, towns)
    assert "EPSG:3857" in message and "EPSG:4547" in message and "distorts" in message


def test_web_mercator_ellipsoidal_is_computed(towns, tmp_path):
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsDistanceArea,
        QgsGeometry,
        QgsProject,
    )

    crs = QgsCoordinateReferenceSystem("EPSG:3857")
    geometry = QgsGeometry.fromWkt(SQUARE)
    geometry.transform(
        QgsCoordinateTransform(
            QgsCoordinateReferenceSystem("EPSG:4547"), crs, QgsProject.instance()
        )
    )
    path = parcels(tmp_path, [{"wkt": geometry.asWkt(), "kflx": "a"}], epsg=3857)
    result = run(
        "townshipstats",
        {
            "TOWNSHIPS": layer(towns, "township"),
            "INPUT": layer(path),
            "AREA_METHOD": 1,
            "CLASS_FIELD": "kflx",
            "OUTPUT": "memory:",
        },
    )
    measure = QgsDistanceArea()
    measure.setSourceCrs(crs, QgsProject.instance().transformContext())
    measure.setEllipsoid("EPSG:1024")
    assert county_area(result, "a") == pytest.approx(measure.measureArea(geometry), rel=1e-9)
    assert county_area(result, "a") == pytest.approx(10000.0, rel=1e-3)  # not +25 %


def test_geographic_input_is_projected_not_measured_in_degrees(towns, tmp_path):
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsGeometry,
        QgsProject,
    )

    geometry = QgsGeometry.fromWkt(SQUARE)
    geometry.transform(
        QgsCoordinateTransform(
            QgsCoordinateReferenceSystem("EPSG:4547"),
            QgsCoordinateReferenceSystem("EPSG:4490"),
            QgsProject.instance(),
        )
    )
    path = parcels(tmp_path, [{"wkt": geometry.asWkt(), "kflx": "a"}], epsg=4490)
    result = run(
        "townshipstats",
        {
            "TOWNSHIPS": layer(towns, "township"),
            "INPUT": layer(path),
            "CLASS_FIELD": "kflx",
            "OUTPUT": "memory:",
        },
    )
    assert county_area(result, "a") == pytest.approx(10000.0, rel=1e-6)


def test_input_wholly_outside_the_townships_is_refused(towns, tmp_path):
    path = parcels(tmp_path, [{"wkt": box(700000, 2950000, 700100, 2950100), "kflx": "a"}])
    message = refused(
        "townshipstats",
        {"TOWNSHIPS": layer(towns, "township"), "INPUT": layer(path), "OUTPUT": "memory:"},
        path,
        towns,
    )
    assert "entirely outside" in message and "parcels" in message


def test_area_outside_the_townships_is_reported(towns, tmp_path):
    # half of the square lies west of 潋江镇 (x < 630000): 5,000 m² outside
    path = parcels(tmp_path, [{"wkt": box(629950, 2911000, 630050, 2911100), "kflx": "a"}])
    result = run(
        "townshipstats",
        {
            "TOWNSHIPS": layer(towns, "township"),
            "INPUT": layer(path),
            "CLASS_FIELD": "kflx",
            "OUTPUT": "memory:",
        },
    )
    assert result["OUTSIDE_AREA_M2"] == pytest.approx(5000.0)
    assert county_area(result, "a") == pytest.approx(5000.0)


def test_eroded_area_outside_the_townships_is_reported_by_conservationrate(towns, tmp_path):
    from qgis.core import QgsProcessingFeedback

    warnings = []

    class Feedback(QgsProcessingFeedback):
        def pushWarning(self, warning):  # noqa: N802
            warnings.append(warning)

    # a grade-3 square half west of 潋江镇 (5,000 m² outside), one wholly outside
    # the townships' south edge (2,500 m²), one grade-1 square outside (not eroded)
    path = parcels(
        tmp_path,
        [
            {"wkt": box(629950, 2911000, 630050, 2911100), "qsqd": 3},
            {"wkt": box(631000, 2909900, 631050, 2909950), "qsqd": 4},
            {"wkt": box(632000, 2909900, 632100, 2909950), "qsqd": 1},
        ],
        fields=(("qsqd", "int"),),
    )
    result = run(
        "conservationrate",
        {
            "TOWNSHIPS": layer(towns, "township"),
            "EROSION": layer(path),
            "GRADE_FIELD": "qsqd",
            "OUTPUT": "memory:",
        },
        feedback=Feedback(),
    )
    assert result["OUTSIDE_AREA_M2"] == pytest.approx(7500.0)
    assert "7500.00 m² of the input lie outside every township and count in no row." in warnings, (
        warnings
    )
    county = [f for f in rows(result) if f["xzqdm"] == "360732"][0]
    assert county["erosion_area_m2"] == pytest.approx(5000.0)


def test_townships_without_crs_are_refused(tmp_path, qgis_app):
    towns = write(
        str(tmp_path / "towns.shp"),
        [{"wkt": box(630000, 2910000, 635000, 2915000), "xzqdm": "360732100"}],
        [("xzqdm", "text")],
        epsg=None,
    )
    path = parcels(tmp_path, [{"wkt": SQUARE, "kflx": "a"}])
    message = refused(
        "townshipstats",
        {"TOWNSHIPS": layer(towns), "INPUT": layer(path), "OUTPUT": "memory:"},
        path,
        towns,
    )
    assert "towns" in message and "coordinate reference system" in message


# --------------------------------------------------------------------------- zoning
def test_overlapping_townships_are_refused(tmp_path, qgis_app):
    towns = townships(
        str(tmp_path / "towns.gpkg"),
        [
            ("360732100", "潋江镇", 630000.0, 2910000.0, 635100.0, 2915000.0),
            ("360732101", "江背镇", 635000.0, 2910000.0, 640000.0, 2915000.0),
        ],
    )
    path = parcels(tmp_path, [{"wkt": SQUARE, "kflx": "a"}])
    message = refused(
        "townshipstats",
        {"TOWNSHIPS": layer(towns, "township"), "INPUT": layer(path), "OUTPUT": "memory:"},
        path,
        towns,
    )
    assert "360732100 / 360732101" in message and "500000.0 m²" in message


def test_gaps_between_townships_are_reported(tmp_path, qgis_app):
    from qgis.core import QgsProcessingFeedback

    from xingguo_swc_plugin.core.stats import township_area_stats

    towns = townships(
        str(tmp_path / "towns.gpkg"),
        [
            ("360732100", "潋江镇", 630000.0, 2910000.0, 640000.0, 2911000.0),
            ("360732101", "江背镇", 630000.0, 2912000.0, 640000.0, 2913000.0),
            ("360732102", "古龙冈镇", 630000.0, 2911000.0, 631000.0, 2912000.0),
            ("360732103", "梅窖镇", 639000.0, 2911000.0, 640000.0, 2912000.0),
        ],
    )
    path = parcels(tmp_path, [{"wkt": SQUARE, "kflx": "a"}])
    errors = []

    class Feedback(QgsProcessingFeedback):
        def reportError(self, error, fatal=False):  # noqa: N802
            errors.append(error)

    township_area_stats(layer(towns, "township"), "xzqdm", layer(path), "kflx", feedback=Feedback())
    assert any("gaps of 8000000.0 m²" in e for e in errors), errors


# --------------------------------------------------------------------------- rows
def test_long_class_values_are_all_written(towns, tmp_path):
    long_class = "果园" * 60  # 120 characters: more than the old 30-character field
    out = str(tmp_path / "stats.gpkg")
    path = parcels(tmp_path, [{"wkt": SQUARE, "kflx": long_class}, {"wkt": SQUARE2, "kflx": "b"}])
    result = run(
        "townshipstats",
        {
            "TOWNSHIPS": layer(towns, "township"),
            "INPUT": layer(path),
            "CLASS_FIELD": "kflx",
            "OUTPUT": out,
        },
    )
    written = (
        [f for f in layer(out, "stats").getFeatures()]
        if False
        else [
            f
            for f in __import__("qgis.core", fromlist=["QgsVectorLayer"])
            .QgsVectorLayer(result["OUTPUT"], "o", "ogr")
            .getFeatures()
        ]
    )
    assert len(written) == result["ROWS"] == 3 * 2
    assert {f["class"] for f in written} == {long_class, "b"}
    assert sum(f["area_m2"] for f in written if f["xzqdm"] == "360732") == pytest.approx(15000.0)


def test_parcel_overlapping_25_others_keeps_every_pair(qgis_app, tmp_path):
    long_id = "TB-" + "9" * 80
    shapes = [{"wkt": box(631000, 2911000, 631500, 2911500), "tbbh": long_id}]
    for k in range(25):
        x = 631000 + (k % 5) * 100
        y = 2911000 + (k // 5) * 100
        shapes.append({"wkt": box(x + 10, y + 10, x + 60, y + 60), "tbbh": "p%02d-" % k + "x" * 70})
    path = parcels(tmp_path, shapes, fields=(("tbbh", "text"),))
    out = str(tmp_path / "pairs.gpkg")
    result = run(
        "checkoverlaps",
        {"INPUT": layer(path), "ID_FIELD": "tbbh", "OUTPUT": out, "INVALID": "memory:"},
    )
    from qgis.core import QgsVectorLayer

    written = list(QgsVectorLayer(result["OUTPUT"], "o", "ogr").getFeatures())
    assert result["PAIRS"] == len(written) == 25
    assert all(long_id in (f["id_a"], f["id_b"]) for f in written)
    assert all(f["overlap_area_m2"] == pytest.approx(2500.0) for f in written)


def test_write_features_fails_loudly_when_a_row_is_refused(qgis_app):
    from qgis.core import QgsFeature, QgsFeatureSink, QgsFields, QgsProcessingException

    from xingguo_swc_plugin.processing.base import write_features

    class Refusing(QgsFeatureSink):
        def addFeature(self, feature, flags=QgsFeatureSink.Flags()):  # noqa: N802
            return False

        def addFeatures(self, features, flags=QgsFeatureSink.Flags()):  # noqa: N802
            return False

    with pytest.raises(QgsProcessingException) as info:
        write_features(Refusing(), [QgsFeature(QgsFields())] * 3, "OUTPUT")
    assert "OUTPUT" in str(info.value) and "3 rows" in str(info.value)


# --------------------------------------------------------------------------- NULL geometry
def test_null_geometry_skipped_and_counted_townshipstats(towns, tmp_path):
    path = parcels(
        tmp_path,
        [{"wkt": SQUARE, "kflx": "a"}, {"wkt": None, "kflx": "a"}, {"wkt": SQUARE2, "kflx": "a"}],
    )
    result = run(
        "townshipstats",
        {
            "TOWNSHIPS": layer(towns, "township"),
            "INPUT": layer(path),
            "CLASS_FIELD": "kflx",
            "OUTPUT": "memory:",
        },
    )
    assert result["SKIPPED_GEOMETRIES"] == 1
    assert county_area(result, "a") == pytest.approx(15000.0)


def test_null_geometry_skipped_and_counted_conservationrate(towns, tmp_path):
    path = parcels(
        tmp_path, [{"wkt": SQUARE, "qsqd": 2}, {"wkt": None, "qsqd": 3}], fields=(("qsqd", "int"),)
    )
    result = run(
        "conservationrate",
        {"TOWNSHIPS": layer(towns, "township"), "EROSION": layer(path), "OUTPUT": "memory:"},
    )
    assert result["SKIPPED_GEOMETRIES"] == 1
    county = [f for f in rows(result) if f["xzqdm"] == "360732"][0]
    assert county["erosion_area_m2"] == pytest.approx(10000.0)
    assert county["rate_percent"] == pytest.approx((50e6 - 1e4) / 50e6 * 100)


def test_null_geometry_skipped_and_counted_checkoverlaps(qgis_app, tmp_path):
    path = parcels(
        tmp_path,
        [
            {"wkt": SQUARE, "tbbh": "A"},
            {"wkt": None, "tbbh": "N"},
            {"wkt": box(631050, 2911000, 631150, 2911100), "tbbh": "B"},
        ],
        fields=(("tbbh", "text"),),
    )
    result = run(
        "checkoverlaps",
        {"INPUT": layer(path), "ID_FIELD": "tbbh", "OUTPUT": "memory:", "INVALID": "memory:"},
    )
    assert result["SKIPPED_GEOMETRIES"] == 1 and result["PAIRS"] == 1
    assert rows(result)[0]["overlap_area_m2"] == pytest.approx(5000.0)


def test_null_geometry_in_validateparcels(qgis_app, tmp_path):
    path = parcels(
        tmp_path,
        [{"wkt": SQUARE, "tbbh": "A", "xmbh": "P1"}, {"wkt": None, "tbbh": "N", "xmbh": "P1"}],
        fields=(("tbbh", "text"), ("xmbh", "text")),
    )
    projects = write(
        str(tmp_path / "projects.gpkg"),
        [{"wkt": box(630900, 2910900, 631200, 2911200), "xmbh": "P1"}],
        [("xmbh", "text")],
    )
    result = run(
        "validateparcels",
        {"PARCELS": layer(path), "PROJECTS": layer(projects), "OUTPUT": "memory:"},
    )
    found = {(f["parcel_id"], f["rule"]) for f in rows(result)}
    assert ("A", "unregistered") not in found
    assert any(pid == "N" for pid, _ in found), found  # the empty parcel is reported


# --------------------------------------------------------------------------- grades
@pytest.mark.parametrize(
    "value,kind,shown",
    [
        ("1.9", "text", "1.9"),
        (1.9, "real", "1.9"),
        (99, "int", "99"),
        ("abc", "text", "abc"),
        (None, "text", "empty"),
        (0, "int", "0"),
        ("1,000", "text", "1,000"),
    ],
)
def test_bad_grade_is_refused_with_the_feature(towns, tmp_path, value, kind, shown):
    path = parcels(
        tmp_path,
        [{"wkt": SQUARE, "qsqd": 2 if kind != "text" else "2"}, {"wkt": SQUARE2, "qsqd": value}],
        fields=(("qsqd", kind),),
    )
    message = refused(
        "conservationrate",
        {"TOWNSHIPS": layer(towns, "township"), "EROSION": layer(path), "OUTPUT": "memory:"},
        path,
        towns,
    )
    assert "parcels #2" in message and "qsqd" in message and shown in message


@pytest.mark.parametrize(
    "value,kind", [("2", "text"), (" 2 ", "text"), ("2.0", "text"), (2.0, "real"), (2, "int")]
)
def test_grade_two_in_any_spelling_counts_as_eroded(towns, tmp_path, value, kind):
    path = parcels(tmp_path, [{"wkt": SQUARE, "qsqd": value}], fields=(("qsqd", kind),))
    result = run(
        "conservationrate",
        {"TOWNSHIPS": layer(towns, "township"), "EROSION": layer(path), "OUTPUT": "memory:"},
    )
    county = [f for f in rows(result) if f["xzqdm"] == "360732"][0]
    assert county["erosion_area_m2"] == pytest.approx(10000.0)


def test_bad_grades_skipped_and_counted_when_allowed(towns, tmp_path):
    path = parcels(
        tmp_path,
        [
            {"wkt": SQUARE, "qsqd": "3"},
            {"wkt": SQUARE2, "qsqd": "99"},
            {"wkt": box(632000, 2911000, 632100, 2911100), "qsqd": None},
            {"wkt": box(633000, 2911000, 633100, 2911100), "qsqd": "1"},
        ],
        fields=(("qsqd", "text"),),
    )
    result = run(
        "conservationrate",
        {
            "TOWNSHIPS": layer(towns, "township"),
            "EROSION": layer(path),
            "SKIP_BAD_GRADES": True,
            "OUTPUT": "memory:",
        },
    )
    assert result["SKIPPED_GRADES"] == 2
    county = [f for f in rows(result) if f["xzqdm"] == "360732"][0]
    assert county["erosion_area_m2"] == pytest.approx(10000.0)  # grade 3 only


@pytest.mark.parametrize(
    "value,message",
    [
        ("abc", "'abc', which is not a number"),
        ("1,000", "'1,000', which is not a number"),
        (None, "is empty"),
        (-1.0, "greater than 0"),
        (0, "greater than 0"),
        ("inf", "not a number"),
    ],
)
def test_bad_quantity_is_refused(qgis_app, value, message):
    from xingguo_swc_plugin.core.values import BadValue, parse_quantity

    with pytest.raises(BadValue) as info:
        parse_quantity(value, "measure #7", "sl")
    assert "measure #7" in str(info.value) and "sl" in str(info.value)
    assert message in str(info.value)


def test_good_quantity_is_the_number(qgis_app):
    from xingguo_swc_plugin.core.values import parse_quantity

    assert parse_quantity(" 12.5 ", "f", "sl") == 12.5
    assert parse_quantity(3, "f", "sl") == 3.0


# --------------------------------------------------------------------------- invalid geometry
def test_bowtie_is_measured_repaired_everywhere(towns, tmp_path):
    from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry

    from xingguo_swc_plugin.core.area import AreaMeasurer

    # two triangles of 50 x 100 / 2 = 2,500 m² each
    measurer = AreaMeasurer(QgsCoordinateReferenceSystem("EPSG:4547"))
    assert measurer.area_m2(QgsGeometry.fromWkt(BOWTIE)) == pytest.approx(5000.0)
    path = parcels(tmp_path, [{"wkt": BOWTIE, "kflx": "a"}])
    result = run(
        "townshipstats",
        {
            "TOWNSHIPS": layer(towns, "township"),
            "INPUT": layer(path),
            "CLASS_FIELD": "kflx",
            "OUTPUT": "memory:",
        },
    )
    assert county_area(result, "a") == pytest.approx(5000.0)
    assert result["INVALID_REPAIRED"] == 1
    from qgis.core import QgsFeatureRequest, QgsProcessingContext

    context = QgsProcessingContext()  # the user lets invalid features through
    context.setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
    gullies = run(
        "benggangattributes",
        {"INPUT": layer(path), "TOWNSHIPS": layer(towns, "township"), "OUTPUT": "memory:"},
        context=context,
    )
    assert rows(gullies)[0]["mj"] == pytest.approx(5000.0)


# --------------------------------------------------------------------------- encoding
def test_gbk_shapefile_without_cpg_keeps_its_classes(towns, tmp_path):
    path = parcels(
        tmp_path,
        [{"wkt": SQUARE, "kflx": "果园"}, {"wkt": SQUARE2, "kflx": "茶园"}],
        name="gbk.shp",
        encoding="GBK-nocpg",
    )
    assert not Path(path).with_suffix(".cpg").exists()
    assert "果园".encode("gbk") in Path(path).with_suffix(".dbf").read_bytes()
    result = run(
        "townshipstats",
        {
            "TOWNSHIPS": layer(towns, "township"),
            "INPUT": layer(path),
            "CLASS_FIELD": "kflx",
            "OUTPUT": "memory:",
        },
    )
    assert county_area(result, "果园") == pytest.approx(10000.0)
    assert county_area(result, "茶园") == pytest.approx(5000.0)


def test_gbk_shapefile_ids_in_checkoverlaps(qgis_app, tmp_path):
    path = parcels(
        tmp_path,
        [
            {"wkt": SQUARE, "tbbh": "图斑甲"},
            {"wkt": box(631050, 2911000, 631150, 2911100), "tbbh": "图斑乙"},
        ],
        fields=(("tbbh", "text"),),
        name="gbk.shp",
        encoding="GBK-nocpg",
    )
    result = run(
        "checkoverlaps",
        {"INPUT": layer(path), "ID_FIELD": "tbbh", "OUTPUT": "memory:", "INVALID": "memory:"},
    )
    pair = rows(result)[0]
    assert {pair["id_a"], pair["id_b"]} == {"图斑甲", "图斑乙"}


# --------------------------------------------------------------------------- output over input
def test_output_over_the_input_file_is_refused(towns, tmp_path):
    path = parcels(tmp_path, [{"wkt": SQUARE, "kflx": "a"}])
    message = refused(
        "townshipstats",
        {"TOWNSHIPS": layer(towns, "township"), "INPUT": layer(path), "OUTPUT": path},
        path,
        towns,
    )
    assert "input file" in message and "parcels.gpkg" in message


def test_output_over_the_workspace_is_refused(qgis_app, tmp_path):
    from benggang_fixtures import make_workspace

    workspace = make_workspace(tmp_path, "EPSG:4547")
    path = parcels(tmp_path, [{"wkt": SQUARE, "kflx": "a"}])
    message = refused(
        "townshipstats",
        {"TOWNSHIPS": layer(workspace, "township"), "INPUT": layer(path), "OUTPUT": workspace},
        workspace,
        path,
    )
    assert workspace.split("/")[-1] in message


def test_output_over_a_workspace_not_among_the_inputs_is_refused(towns, tmp_path):
    from benggang_fixtures import make_workspace

    workspace = make_workspace(tmp_path, "EPSG:4547")
    path = parcels(tmp_path, [{"wkt": SQUARE, "qsqd": 2}], fields=(("qsqd", "int"),))
    message = refused(
        "conservationrate",
        {"TOWNSHIPS": layer(towns, "township"), "EROSION": layer(path), "OUTPUT": workspace},
        workspace,
        path,
        towns,
    )
    assert "whole workspace" in message


def test_failed_run_leaves_no_output_file(towns, tmp_path):
    path = parcels(tmp_path, [{"wkt": SQUARE, "qsqd": "abc"}], fields=(("qsqd", "text"),))
    out = tmp_path / "rate.gpkg"
    refused(
        "conservationrate",
        {"TOWNSHIPS": layer(towns, "township"), "EROSION": layer(path), "OUTPUT": str(out)},
        path,
        towns,
    )
    assert not out.exists()


# --------------------------------------------------------------------------- gullies
def _workspace_gullies(workspace: str, ids):
    from qgis.core import QgsFeature, QgsGeometry

    from xingguo_swc_plugin.core.workspace.geopackage import open_workspace

    target = open_workspace(workspace).layer("benggang")
    features = []
    for k, bgbh in enumerate(ids):
        feature = QgsFeature(target.fields())
        geometry = QgsGeometry.fromWkt(box(632000 + k * 100, 2912000, 632040 + k * 100, 2912040))
        geometry.convertToMultiType()
        feature.setGeometry(geometry)
        feature["uuid"] = "{00000000-0000-0000-0000-00000000000%d}" % k
        feature["bgbh"] = bgbh
        feature["xzqdm"] = "360732100"
        features.append(feature)
    assert target.dataProvider().addFeatures(features)[0]


def test_gully_ids_continue_after_the_target_workspace(qgis_app, tmp_path):
    from benggang_fixtures import make_workspace

    workspace = make_workspace(tmp_path, "EPSG:4547")
    _workspace_gullies(workspace, ["360732100-0001", "360732100-0002", "360732100-0003"])
    path = parcels(
        tmp_path,
        [
            {"wkt": box(633000, 2911000, 633040, 2911040), "bgbh": None},
            {"wkt": box(633100, 2911000, 633140, 2911040), "bgbh": "360732100-0002"},
        ],
        fields=(("bgbh", "text"),),
    )
    result = run(
        "benggangattributes",
        {"INPUT": layer(path), "TOWNSHIPS": layer(workspace, "township"), "OUTPUT": "memory:"},
    )
    assert sorted(f["bgbh"] for f in rows(result)) == ["360732100-0004", "360732100-0005"]


def test_line_layer_is_refused_by_benggangattributes(towns, tmp_path):
    path = write(
        str(tmp_path / "lines.gpkg"),
        [{"wkt": "LINESTRING(631000 2911000, 631100 2911100)"}],
        [],
        geometry="line",
    )
    message = refused(
        "benggangattributes",
        {
            "INPUT": layer(path),
            "TOWNSHIPS": layer(towns, "township"),
            "OUTPUT": str(tmp_path / "g.gpkg"),
        },
        path,
        towns,
    )
    assert "Line" in message and "polygons" in message
    assert not (tmp_path / "g.gpkg").exists()


# --------------------------------------------------------------------------- workspace
def test_non_numeric_schema_version_is_a_clear_message(qgis_app, tmp_path):
    from benggang_fixtures import make_workspace

    from xingguo_swc_plugin.core.errors import WorkspaceError
    from xingguo_swc_plugin.core.workspace.geopackage import open_workspace
    from xingguo_swc_plugin.core.workspace.schema import META_TABLE

    workspace = make_workspace(tmp_path, "EPSG:4547")
    with sqlite3.connect(workspace) as connection:
        connection.execute("UPDATE " + META_TABLE + " SET value='two' WHERE key='schema_version'")
    before = digest(workspace)
    with pytest.raises(WorkspaceError) as info:
        open_workspace(workspace)
    assert "'two'" in str(info.value) and "not a number" in str(info.value)
    assert digest(workspace) == before
