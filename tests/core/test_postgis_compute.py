"""Server-side computation in PostGIS equals the local engine on the same data.

The sample workspace (GeoPackage, local engine) and its copy in PostGIS (the
core functions dispatch to SQL) must give the same rows, counts and findings,
areas within 1e-6 relative.
"""

from __future__ import annotations

import math

import pytest

from xingguo_swc_plugin.core.engines import POSTGIS, choose
from xingguo_swc_plugin.core.engines.postgis.compute import same_postgis_database
from xingguo_swc_plugin.core.overlaps import find_overlaps
from xingguo_swc_plugin.core.stats import conservation_rate, township_area_stats
from xingguo_swc_plugin.core.workspace.geopackage import open_workspace

REL = 1e-6


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=REL, abs_tol=1e-6)


def on_server(*layers, **options) -> bool:
    """Which engine the front doors run for these inputs: asked of ``choose``, the one
    place that decides (the front doors call it with the same inputs)."""
    return choose(*layers, **options).name == POSTGIS


@pytest.fixture(scope="module")
def local(sample_workspace):
    return open_workspace(sample_workspace)


def _compare_area_tables(local_rows, server_rows):
    assert len(local_rows) == len(server_rows) > 25
    for a, b in zip(local_rows, server_rows):
        assert (a.xzqdm, a.xzqmc, a.klass, a.feature_count) == (
            b.xzqdm,
            b.xzqmc,
            b.klass,
            b.feature_count,
        )
        assert close(a.area_m2, b.area_m2), (a, b)
    assert local_rows.features == server_rows.features
    assert local_rows.invalid_repaired == server_rows.invalid_repaired
    assert close(local_rows.input_area_m2, server_rows.input_area_m2)


@pytest.mark.parametrize(
    "table, class_field",
    [("parcel", "kflx"), ("parcel", None), ("erosion", "qsqd"), ("benggang", "gm")],
)
def test_township_stats_on_the_server_equal_the_local_engine(local, pg_sample, table, class_field):
    expected = township_area_stats(
        local.layer("township"), "xzqdm", local.layer(table), class_field
    )
    towns, layer = pg_sample.layer("township"), pg_sample.layer(table)
    assert same_postgis_database(towns, layer) is not None
    result = township_area_stats(towns, "xzqdm", layer, class_field)
    assert on_server(towns, layer)
    _compare_area_tables(expected, result)
    assert sum(row.area_m2 for row in result if row.xzqdm != "360732") > 0


def test_conservation_rate_on_the_server_equals_the_local_engine(local, pg_sample):
    expected = conservation_rate(local.layer("township"), "xzqdm", local.layer("erosion"))
    result = conservation_rate(pg_sample.layer("township"), "xzqdm", pg_sample.layer("erosion"))
    assert on_server(pg_sample.layer("township"), pg_sample.layer("erosion"))
    assert len(result) == len(expected) == 26
    for a, b in zip(expected, result):
        assert (a.xzqdm, a.xzqmc, a.meets_target) == (b.xzqdm, b.xzqmc, b.meets_target)
        assert close(a.land_area_m2, b.land_area_m2)
        assert close(a.erosion_area_m2, b.erosion_area_m2), (a, b)
        assert close(a.rate_percent, b.rate_percent)
    assert expected[-1].erosion_area_m2 > 0
    assert expected.invalid_repaired == result.invalid_repaired


def test_overlaps_on_the_server_equal_the_local_engine(local, pg_sample):
    expected = find_overlaps(local.layer("parcel"), "tbbh")
    result = find_overlaps(pg_sample.layer("parcel"), "tbbh")
    assert on_server(pg_sample.layer("parcel"))
    assert expected.pairs, "the sample has overlapping parcels"
    assert [(p.fid_a, p.fid_b, p.id_a, p.id_b) for p in result.pairs] == [
        (p.fid_a, p.fid_b, p.id_a, p.id_b) for p in expected.pairs
    ]
    for a, b in zip(expected.pairs, result.pairs):
        assert close(a.area_m2, b.area_m2)
        assert close(a.geometry.area(), b.geometry.area())
    assert [(i.fid, i.id, i.reason) for i in result.invalid] == [
        (i.fid, i.id, i.reason) for i in expected.invalid
    ]
    assert expected.invalid, "the sample has invalid parcels"
    assert result.features == expected.features


def test_filtered_or_mixed_inputs_stay_local(local, pg_sample):
    parcels = pg_sample.layer("parcel")
    assert same_postgis_database(local.layer("township"), parcels) is None
    parcels.setSubsetString("\"kflx\" = '1'")
    assert same_postgis_database(pg_sample.layer("township"), parcels) is None
    filtered = township_area_stats(pg_sample.layer("township"), "xzqdm", parcels)
    assert not on_server(pg_sample.layer("township"), parcels)
    assert filtered[-1].feature_count < pg_sample.layer("parcel").featureCount()


# -- parcel validation ---------------------------------------------------------------------

ROADS = (("高速公路", 0), ("国道", 7), ("县道", 13), ("railway", 21), (None, 29))


def _corridor_lines(local):
    """Lines through a few sample parcels, one per road class (some not protected)."""
    from qgis.core import QgsGeometry, QgsPointXY

    centres = [
        f.geometry().centroid().asPoint()
        for f in local.layer("parcel").getFeatures()
        if not f.geometry().isEmpty() and f.geometry().isGeosValid()
    ][:40]
    lines = []
    for value, start in ROADS:
        a, b = centres[start], centres[start + 5]
        lines.append(
            (
                value,
                QgsGeometry.fromPolylineXY(
                    [
                        QgsPointXY(a.x() - 500, a.y() - 300),
                        QgsPointXY(a.x(), a.y()),
                        QgsPointXY(b.x(), b.y()),
                        QgsPointXY(b.x() + 400, b.y() + 200),
                    ]
                ),
            )
        )
    return lines


@pytest.fixture(scope="module")
def corridors(local, pg_sample, pg_server):
    """The same corridor lines locally (memory) and in PostGIS (a table of its own)."""
    from qgis.core import QgsFeature, QgsVectorLayer

    lines = _corridor_lines(local)
    memory = QgsVectorLayer("LineString?crs=EPSG:4547&field=dllx:string", "roads", "memory")
    features = []
    for value, geometry in lines:
        feature = QgsFeature(memory.fields())
        feature.setAttribute("dllx", value)
        feature.setGeometry(geometry)
        features.append(feature)
    assert memory.dataProvider().addFeatures(features)[0]
    table = '"{0}"."roads"'.format(pg_sample.schema)
    with pg_server.connect() as connection, connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE " + table + " (fid serial PRIMARY KEY, dllx text, "
            "geom geometry(LineString, 4547))"
        )
        for value, geometry in lines:
            cursor.execute(
                "INSERT INTO " + table + " (dllx, geom) VALUES (%s, ST_GeomFromWKB(%s, 4547))",
                (value, bytes(geometry.asWkb())),
            )
    from qgis.core import QgsDataSourceUri

    uri = QgsDataSourceUri(pg_sample.uri("township"))
    uri.setDataSource(pg_sample.schema, "roads", "geom", "", "fid")
    remote = QgsVectorLayer(uri.uri(False), "roads", "postgres")
    assert remote.isValid()
    yield memory, remote
    with pg_server.connect() as connection, connection.cursor() as cursor:
        cursor.execute("DROP TABLE " + table)


def _same_findings(expected, result):
    assert len(result) == len(expected)
    for a, b in zip(expected, result):
        assert (
            a.rule,
            a.parcel_id,
            a.parcel_fid,
            a.compliance,
            a.severity,
            a.message,
            a.related,
            a.township,
            a.parcel_uuid,
        ) == (
            b.rule,
            b.parcel_id,
            b.parcel_fid,
            b.compliance,
            b.severity,
            b.message,
            b.related,
            b.township,
            b.parcel_uuid,
        )
        assert close(a.area_m2, b.area_m2), (a, b)
        assert close(a.geometry.area(), b.geometry.area()), a
        assert a.geometry.isEmpty() == b.geometry.isEmpty()


def test_validation_on_the_server_equals_the_local_engine(local, pg_sample, corridors):
    from xingguo_swc_plugin.core.validation import findings_by_rule, validate_parcels

    memory, remote = corridors
    expected = validate_parcels(local.layer("parcel"), local.layer("dev_project"), corridors=memory)
    result = validate_parcels(
        pg_sample.layer("parcel"), pg_sample.layer("dev_project"), corridors=remote
    )
    assert on_server(pg_sample.layer("parcel"), pg_sample.layer("dev_project"), remote)
    rules = findings_by_rule(expected)
    for rule in (
        "INVALID_GEOMETRY",
        "UNREGISTERED",
        "LOCATION_CHANGED",
        "EXCEEDS_APPROVED",
        "OVERLAP",
        "CORRIDOR",
    ):
        assert rules.get(rule), "the data has no {0} case".format(rule)
    _same_findings(expected, result)


def test_validation_without_corridors_on_the_server(local, pg_sample):
    from xingguo_swc_plugin.core.validation import validate_parcels

    expected = validate_parcels(
        local.layer("parcel"), local.layer("dev_project"), excess_tolerance=50.0
    )
    result = validate_parcels(
        pg_sample.layer("parcel"), pg_sample.layer("dev_project"), excess_tolerance=50.0
    )
    assert on_server(pg_sample.layer("parcel"), pg_sample.layer("dev_project"))
    _same_findings(expected, result)


# -- other inputs: geographic CRS, ellipsoidal areas, nothing eroded -------------------------


@pytest.fixture(scope="module")
def geographic_tables(pg_sample, pg_server):
    """Townships, parcels and erosion of the sample in CGCS2000 geographic (EPSG:4490)."""
    from qgis.core import QgsDataSourceUri, QgsVectorLayer

    schema = pg_sample.schema + "_4490"
    with pg_server.connect() as connection, connection.cursor() as cursor:
        cursor.execute('CREATE SCHEMA "{0}"'.format(schema))
        for table in ("township", "parcel", "erosion"):
            cursor.execute(
                'CREATE TABLE "{0}"."{2}" AS SELECT * FROM "{1}"."{2}"'.format(
                    schema, pg_sample.schema, table
                )
            )
            cursor.execute(
                'ALTER TABLE "{0}"."{1}" ADD PRIMARY KEY (fid); ALTER TABLE '
                '"{0}"."{1}" ALTER COLUMN geom TYPE geometry(MultiPolygon, 4490) '
                "USING ST_Transform(geom, 4490)".format(schema, table)
            )
    source = QgsDataSourceUri(pg_sample.uri("township"))

    def layer(table):
        uri = QgsDataSourceUri(source)
        uri.setDataSource(schema, table, "geom", "", "fid")
        result = QgsVectorLayer(uri.uri(False), table, "postgres")
        assert result.isValid() and result.crs().authid() == "EPSG:4490"
        return result

    yield layer
    with pg_server.connect() as connection, connection.cursor() as cursor:
        cursor.execute('DROP SCHEMA "{0}" CASCADE'.format(schema))


def test_geographic_inputs_are_projected_the_same_way(geographic_tables, monkeypatch):
    towns, parcels, erosion = (
        geographic_tables(name) for name in ("township", "parcel", "erosion")
    )
    server = township_area_stats(towns, "xzqdm", parcels, "kflx")
    server_rate = conservation_rate(towns, "xzqdm", erosion)
    server_pairs = find_overlaps(parcels, "tbbh")
    assert on_server(towns, parcels) and on_server(towns, erosion) and on_server(parcels)
    monkeypatch.setenv("XGSWC_SERVER_COMPUTE", "0")  # the local engine on the same layers
    local_rows = township_area_stats(towns, "xzqdm", parcels, "kflx")
    local_rate = conservation_rate(towns, "xzqdm", erosion)
    local_pairs = find_overlaps(parcels, "tbbh")
    assert not on_server(towns, parcels) and not on_server(parcels)
    _compare_area_tables(local_rows, server)
    for a, b in zip(local_rate, server_rate):
        assert close(a.erosion_area_m2, b.erosion_area_m2) and close(a.land_area_m2, b.land_area_m2)
    assert [(p.fid_a, p.fid_b) for p in local_pairs.pairs] == [
        (p.fid_a, p.fid_b) for p in server_pairs.pairs
    ]
    assert all(close(a.area_m2, b.area_m2) for a, b in zip(local_pairs.pairs, server_pairs.pairs))


def test_ellipsoidal_areas_stay_on_the_local_engine(local, pg_sample):
    from xingguo_swc_plugin.core.area import ELLIPSOIDAL

    expected = township_area_stats(
        local.layer("township"), "xzqdm", local.layer("parcel"), "kflx", area_method=ELLIPSOIDAL
    )
    result = township_area_stats(
        pg_sample.layer("township"),
        "xzqdm",
        pg_sample.layer("parcel"),
        "kflx",
        area_method=ELLIPSOIDAL,
    )
    assert not on_server(
        pg_sample.layer("township"), pg_sample.layer("parcel"), area_method=ELLIPSOIDAL
    )
    _compare_area_tables(expected, result)


def test_nothing_eroded_gives_full_conservation_on_the_server(pg_sample, pg_server):
    from qgis.core import QgsDataSourceUri, QgsVectorLayer

    table = '"{0}".erosion_slight'.format(pg_sample.schema)
    with pg_server.connect() as connection, connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE "
            + table
            + ' AS SELECT fid, qsqd, geom FROM "{0}".erosion WHERE qsqd = 1; ALTER TABLE '.format(
                pg_sample.schema
            )
            + table
            + " ADD PRIMARY KEY (fid)"
        )
    try:
        uri = QgsDataSourceUri(pg_sample.uri("erosion"))
        uri.setTable("erosion_slight")
        slight = QgsVectorLayer(uri.uri(False), "slight", "postgres")
        assert slight.featureCount() > 0
        rates = conservation_rate(pg_sample.layer("township"), "xzqdm", slight)
        assert on_server(pg_sample.layer("township"), slight)
        assert all(row.erosion_area_m2 == 0.0 and row.rate_percent == 100.0 for row in rates)
    finally:
        with pg_server.connect() as connection, connection.cursor() as cursor:
            cursor.execute("DROP TABLE " + table)
