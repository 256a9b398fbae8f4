"""Safety: a connection dropped mid-run changes nothing and says so; hostile schema,
table and field names (quotes, semicolons, Chinese, spaces) work and break nothing."""

from __future__ import annotations

import math

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDataSourceUri,
    QgsFeature,
    QgsFeedback,
    QgsGeometry,
    QgsVectorLayer,
)

from xingguo_swc_plugin.core.benggang_numbering import next_benggang_id
from xingguo_swc_plugin.core.engines.postgis.compute import same_postgis_database
from xingguo_swc_plugin.core.overlaps import find_overlaps
from xingguo_swc_plugin.core.stats import conservation_rate, township_area_stats
from xingguo_swc_plugin.core.workspace.postgis import (
    APPLICATION_NAME,
    ConnectionLostError,
    create_postgis_workspace,
    drop_postgis_workspace,
    open_postgis_workspace,
)
from xingguo_swc_plugin.core.workspace.postgis_load import load_geopackage

CRS = QgsCoordinateReferenceSystem("EPSG:4547")
HOSTILE_SCHEMA = '模式 "q"; DROP SCHEMA public CASCADE; --'
HOSTILE_TOWNS = "乡镇 'towns'; DROP TABLE canary; --"
HOSTILE_PARCELS = 'parcels"; DELETE FROM canary; --'
HOSTILE_EROSION = "侵蚀 e"
HOSTILE_CODE = '代码 "c"; --'
HOSTILE_CLASS = "类型 'k'); DROP TABLE canary; --"
HOSTILE_ID = 'ID "x" ; y'
HOSTILE_GRADE = "强度;grade"
HOSTILE_PROJECTS = '项目 "p" (approved); --'
HOSTILE_NUMBER = "编号' OR '1'='1"


def _killer(pg_server, when):
    """A feedback that terminates the plugin's server sessions once progress > ``when``."""
    feedback = QgsFeedback()
    state = {"killed": 0}

    def kill(progress):
        if progress > when and not state["killed"]:
            with pg_server.connect() as admin, admin.cursor() as cursor:
                cursor.execute(
                    "SELECT count(pg_terminate_backend(pid)) FROM "
                    "pg_stat_activity WHERE application_name = %s AND "
                    "pid <> pg_backend_pid()",
                    (APPLICATION_NAME,),
                )
                state["killed"] = cursor.fetchone()[0]

    feedback.progressChanged.connect(kill)
    return feedback, state


def _count(pg_server, query, args=()):
    with pg_server.connect() as connection, connection.cursor() as cursor:
        cursor.execute(query, args)
        return cursor.fetchone()[0]


# -- dropped connections ----------------------------------------------------------------------


def test_dropped_connection_while_loading_leaves_the_workspace_as_before(
    sample_workspace, pg_target, pg_schema, pg_server
):
    workspace = create_postgis_workspace(pg_target, pg_schema, CRS, styles=False)
    seeded = _count(pg_server, 'SELECT count(*) FROM "{0}".measure_type'.format(pg_schema))
    feedback, state = _killer(pg_server, 40.0)
    with pytest.raises(
        ConnectionLostError,
        match="connection to the PostgreSQL server was lost.*nothing was changed",
    ) as caught:
        load_geopackage(sample_workspace, workspace, feedback=feedback)
    assert state["killed"] == 1
    assert pg_server.password not in str(caught.value)
    for table in ("township", "parcel", "erosion", "benggang", "benggang_seq"):
        assert (
            _count(pg_server, 'SELECT count(*) FROM "{0}"."{1}"'.format(pg_schema, table)) == 0
        ), table
    assert _count(pg_server, 'SELECT count(*) FROM "{0}".measure_type'.format(pg_schema)) == seeded
    # and the workspace still works: the same load now succeeds
    assert load_geopackage(sample_workspace, workspace)["township"] == 25


def test_dropped_connection_while_creating_leaves_no_schema(pg_target, pg_schema, pg_server):
    feedback, state = _killer(pg_server, 30.0)
    with pytest.raises(ConnectionLostError):
        create_postgis_workspace(pg_target, pg_schema, CRS, feedback=feedback)
    assert state["killed"] == 1
    assert (
        _count(pg_server, "SELECT count(*) FROM pg_namespace WHERE nspname = %s", (pg_schema,)) == 0
    )


def test_dropped_connection_during_server_statistics_is_a_clear_error(pg_sample, pg_server):
    before = _count(pg_server, 'SELECT count(*) FROM "{0}".parcel'.format(pg_sample.schema))
    feedback, state = _killer(pg_server, 20.0)
    with pytest.raises(ConnectionLostError, match="lost while computing township"):
        township_area_stats(
            pg_sample.layer("township"),
            "xzqdm",
            pg_sample.layer("parcel"),
            "kflx",
            feedback=feedback,
        )
    assert state["killed"] == 1
    assert _count(pg_server, 'SELECT count(*) FROM "{0}".parcel'.format(pg_sample.schema)) == before
    assert (
        _count(
            pg_server,
            "SELECT count(*) FROM pg_class WHERE relname LIKE "
            "'xgswc\\_%%' AND relpersistence = 't'",
        )
        == 0
    )  # no temp tables left


# -- hostile names ------------------------------------------------------------------------------


def test_hostile_workspace_schema_name(pg_target, pg_server):
    try:
        workspace = create_postgis_workspace(pg_target, HOSTILE_SCHEMA, CRS)
        assert workspace.schema_version() >= 1
        layer = workspace.layer("benggang")
        assert layer.isValid()
        assert layer.editorWidgetSetup(layer.fields().indexOf("xt")).type() == "ValueMap"
        assert QgsDataSourceUri(layer.source()).schema() == HOSTILE_SCHEMA
        feature = QgsFeature(layer.fields())
        feature.setAttribute("bgbh", next_benggang_id(layer, "360732101"))
        feature.setGeometry(
            QgsGeometry.fromWkt(
                "MultiPolygon(((600000 2900000, 600050 2900000, 600050 2900050, 600000 2900000)))"
            )
        )
        assert layer.dataProvider().addFeatures([feature])[0]
        assert [f["bgbh"] for f in workspace.layer("benggang").getFeatures()] == ["360732101-0001"]
        assert open_postgis_workspace(pg_target, HOSTILE_SCHEMA).schema == HOSTILE_SCHEMA
    finally:
        drop_postgis_workspace(pg_target, HOSTILE_SCHEMA)
    assert _count(pg_server, "SELECT count(*) FROM pg_namespace WHERE nspname = 'public'") == 1
    assert (
        _count(
            pg_server,
            "SELECT count(*) FROM public.layer_styles WHERE f_table_schema = %s",
            (HOSTILE_SCHEMA,),
        )
        == 0
    )


@pytest.fixture
def hostile_tables(pg_sample, pg_server):
    """The sample's townships, parcels and erosion under hostile names, plus a canary."""
    src = '"{0}"'.format(pg_sample.schema)
    schema_q = '"{0}"'.format(HOSTILE_SCHEMA.replace('"', '""'))

    def q(name):
        return '"{0}"'.format(name.replace('"', '""'))

    with pg_server.connect() as connection, connection.cursor() as cursor:
        cursor.execute("CREATE TABLE public.canary (x int); INSERT INTO public.canary VALUES (1)")
        cursor.execute("CREATE SCHEMA " + schema_q)
        cursor.execute(
            "CREATE TABLE {0}.{1} AS SELECT fid, xzqdm AS {2}, xzqmc, geom "
            "FROM {3}.township".format(schema_q, q(HOSTILE_TOWNS), q(HOSTILE_CODE), src)
        )
        cursor.execute(
            "CREATE TABLE {0}.{1} AS SELECT fid, tbbh AS {2}, kflx AS {3}, "
            "xmbh AS {5}, geom FROM {4}.parcel".format(
                schema_q,
                q(HOSTILE_PARCELS),
                q(HOSTILE_ID),
                q(HOSTILE_CLASS),
                src,
                q(HOSTILE_NUMBER),
            )
        )
        cursor.execute(
            "CREATE TABLE {0}.{1} AS SELECT fid, xmbh AS {2}, geom FROM {3}.dev_project".format(
                schema_q, q(HOSTILE_PROJECTS), q(HOSTILE_NUMBER), src
            )
        )
        cursor.execute(
            "CREATE TABLE {0}.{1} AS SELECT fid, qsqd AS {2}, nd, geom FROM {3}.erosion".format(
                schema_q, q(HOSTILE_EROSION), q(HOSTILE_GRADE), src
            )
        )
        for table in (HOSTILE_TOWNS, HOSTILE_PARCELS, HOSTILE_EROSION, HOSTILE_PROJECTS):
            cursor.execute("ALTER TABLE {0}.{1} ADD PRIMARY KEY (fid)".format(schema_q, q(table)))
            cursor.execute(
                "SELECT Populate_Geometry_Columns(%s::regclass)",
                ("{0}.{1}".format(schema_q, q(table)),),
            )
    source = QgsDataSourceUri(pg_sample.uri("township"))

    def layer(table):
        uri = QgsDataSourceUri(source)
        uri.setDataSource(HOSTILE_SCHEMA, table, "geom", "", "fid")
        result = QgsVectorLayer(uri.uri(False), table, "postgres")
        assert result.isValid(), table
        return result

    yield {
        name: layer(name)
        for name in (HOSTILE_TOWNS, HOSTILE_PARCELS, HOSTILE_EROSION, HOSTILE_PROJECTS)
    }
    with pg_server.connect() as connection, connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA {0} CASCADE; DROP TABLE public.canary".format(schema_q))


def test_server_computation_on_hostile_names_equals_the_workspace(
    pg_sample, hostile_tables, pg_server
):
    towns = hostile_tables[HOSTILE_TOWNS]
    parcels = hostile_tables[HOSTILE_PARCELS]
    erosion = hostile_tables[HOSTILE_EROSION]
    assert same_postgis_database(towns, parcels, erosion) is not None
    expected = township_area_stats(
        pg_sample.layer("township"), "xzqdm", pg_sample.layer("parcel"), "kflx"
    )
    result = township_area_stats(towns, HOSTILE_CODE, parcels, HOSTILE_CLASS)
    assert [(r.xzqdm, r.klass, r.feature_count) for r in result] == [
        (r.xzqdm, r.klass, r.feature_count) for r in expected
    ]
    assert all(
        math.isclose(a.area_m2, b.area_m2, rel_tol=1e-9, abs_tol=1e-9)
        for a, b in zip(expected, result)
    )
    rates = conservation_rate(towns, HOSTILE_CODE, erosion, HOSTILE_GRADE)
    base = conservation_rate(pg_sample.layer("township"), "xzqdm", pg_sample.layer("erosion"))
    assert [round(r.rate_percent, 9) for r in rates] == [round(r.rate_percent, 9) for r in base]
    overlaps = find_overlaps(parcels, HOSTILE_ID)
    assert [(p.id_a, p.id_b) for p in overlaps.pairs] == [
        (p.id_a, p.id_b) for p in find_overlaps(pg_sample.layer("parcel"), "tbbh").pairs
    ]
    from xingguo_swc_plugin.core.validation import validate_parcels

    findings = validate_parcels(
        parcels, hostile_tables[HOSTILE_PROJECTS], HOSTILE_ID, HOSTILE_NUMBER, HOSTILE_NUMBER
    )
    expected_findings = validate_parcels(pg_sample.layer("parcel"), pg_sample.layer("dev_project"))
    assert [(f.rule, f.parcel_id, f.message) for f in findings] == [
        (f.rule, f.parcel_id, f.message) for f in expected_findings
    ]
    assert len(findings) > 10
    assert _count(pg_server, "SELECT count(*) FROM public.canary") == 1


def test_cancel_interrupts_a_statement_running_on_the_server(pg_sample, pg_server):
    """The statement waits on a lock held elsewhere; canceling ends it at once."""
    import threading
    import time

    from xingguo_swc_plugin.core.errors import SwcError

    towns, parcels = pg_sample.layer("township"), pg_sample.layer("parcel")
    assert parcels.featureCount() > 0  # provider metadata read before the lock
    holder = pg_server.connect()
    holder.cursor().execute(
        'LOCK TABLE "{0}".parcel IN ACCESS EXCLUSIVE MODE'.format(pg_sample.schema)
    )
    feedback = QgsFeedback()
    seen = {}

    def cancel_when_waiting():
        probe = pg_server.connect()
        probe.autocommit = True
        cursor = probe.cursor()
        try:
            for _ in range(1200):  # waits for a state of the server, at most ~60 s
                cursor.execute("SELECT pg_stat_clear_snapshot()")
                cursor.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE "
                    "application_name = %s AND wait_event_type = 'Lock'",
                    (APPLICATION_NAME,),
                )
                if cursor.fetchone()[0]:
                    seen["waiting"] = True
                    feedback.cancel()
                    return
                time.sleep(0.05)
        finally:
            probe.close()

    def release_if_stuck():
        # never hang the suite: if the cancel did not end the statement, let it run
        if not seen.get("returned"):
            with pg_server.connect() as probe, probe.cursor() as cursor:
                cursor.execute(
                    "SELECT application_name, wait_event_type, left(query, 80) "
                    "FROM pg_stat_activity WHERE state <> 'idle'"
                )
                seen["activity"] = cursor.fetchall()
            seen["stuck"] = True
            holder.rollback()

    watcher = threading.Thread(target=cancel_when_waiting)
    watcher.start()
    guard = threading.Timer(60.0, release_if_stuck)
    guard.start()
    try:
        with pytest.raises(SwcError, match="^Canceled"):
            township_area_stats(towns, "xzqdm", parcels, "kflx", feedback=feedback)
    finally:
        seen["returned"] = True
        guard.cancel()
        watcher.join(90)
        if not seen.get("stuck"):
            holder.rollback()
        holder.close()
    assert not seen.get("stuck"), ("cancel did not interrupt the server statement", seen)
    assert seen.get("waiting")
    assert (
        _count(
            pg_server,
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s",
            (APPLICATION_NAME,),
        )
        == 0
    )
