"""PostGIS workspace on a real PostgreSQL 15 + PostGIS server: schema, styles,
credentials, versions and migrations."""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsDataSourceUri,
    QgsFeature,
    QgsGeometry,
    QgsProject,
    QgsProviderRegistry,
)

from xingguo_swc_plugin.core.errors import WorkspaceError
from xingguo_swc_plugin.core.workspace import postgis, schema
from xingguo_swc_plugin.core.workspace.postgis import (
    PgTarget,
    create_postgis_workspace,
    open_postgis_workspace,
)

CRS = QgsCoordinateReferenceSystem("EPSG:4547")


def _columns(pg_server, schema_name, table):
    with pg_server.connect() as connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT column_name, data_type, is_nullable, column_default "
            "FROM information_schema.columns WHERE table_schema = %s AND "
            "table_name = %s",
            (schema_name, table),
        )
        return {row[0]: row[1:] for row in cursor.fetchall()}


def _scalar(pg_server, query, args=()):
    with pg_server.connect() as connection, connection.cursor() as cursor:
        cursor.execute(query, args)
        return cursor.fetchone()[0]


def test_create_makes_every_table_with_constraints_and_indexes(pg_server, pg_target, pg_schema):
    workspace = create_postgis_workspace(pg_target, pg_schema, CRS)
    for spec in schema.LAYERS:
        columns = _columns(pg_server, pg_schema, spec.name)
        assert set(spec.field_names()) <= set(columns), spec.name
        for field_spec in spec.fields:
            nullable = columns[field_spec.name][1]
            assert (nullable == "NO") == field_spec.required, (spec.name, field_spec.name)
        if spec.geometry:
            assert (
                _scalar(
                    pg_server,
                    "SELECT srid FROM geometry_columns WHERE "
                    "f_table_schema = %s AND f_table_name = %s",
                    (pg_schema, spec.name),
                )
                == 4547
            )
            assert (
                _scalar(
                    pg_server,
                    "SELECT count(*) FROM pg_indexes WHERE "
                    "schemaname = %s AND tablename = %s AND indexdef ILIKE "
                    "'%%USING gist%%'",
                    (pg_schema, spec.name),
                )
                == 1
            )
    assert "gen_random_uuid" in _columns(pg_server, pg_schema, "benggang")["uuid"][2]
    assert workspace.schema_version() == schema.SCHEMA_VERSION
    assert workspace.crs().authid() == "EPSG:4547"
    from xingguo_swc_plugin.domain.measures import SEED_MEASURES

    assert _scalar(pg_server, 'SELECT count(*) FROM "{0}".measure_type'.format(pg_schema)) == len(
        SEED_MEASURES
    )


def test_codes_uniques_and_uuid_default_are_enforced_by_the_server(pg_server, pg_target, pg_schema):
    import psycopg2

    create_postgis_workspace(pg_target, pg_schema, CRS, styles=False)
    table = '"{0}".benggang'.format(pg_schema)
    with pg_server.connect() as connection, connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO " + table + " (bgbh, xt) VALUES (%s, %s) RETURNING uuid",
            ("360732101-0001", "1"),
        )
        generated = cursor.fetchone()[0]
    assert len(generated) == 36 and generated.count("-") == 4
    for values, code in (
        (("360732101-0002", "9"), "23514"),  # shape not in the list
        (("360732101-0001", "1"), "23505"),
    ):  # duplicate gully ID
        with pytest.raises(psycopg2.Error) as caught:
            with pg_server.connect() as connection, connection.cursor() as cursor:
                cursor.execute("INSERT INTO " + table + " (bgbh, xt) VALUES (%s, %s)", values)
        assert caught.value.pgcode == code
    with pytest.raises(psycopg2.Error) as caught:
        with pg_server.connect() as connection, connection.cursor() as cursor:
            cursor.execute('INSERT INTO "{0}".erosion (qsqd) VALUES (7)'.format(pg_schema))
    assert caught.value.pgcode == "23514"


def test_layers_open_styled_with_value_maps_from_layer_styles(pg_server, pg_target, pg_schema):
    workspace = create_postgis_workspace(pg_target, pg_schema, CRS)
    assert _scalar(
        pg_server,
        "SELECT count(*) FROM public.layer_styles WHERE f_table_schema = %s AND useasdefault",
        (pg_schema,),
    ) == len(schema.LAYERS)
    layer = workspace.layer("benggang")
    assert layer.isValid() and layer.providerType() == "postgres"
    setup = layer.editorWidgetSetup(layer.fields().indexOf("xt"))
    assert setup.type() == "ValueMap"
    assert [list(item.keys())[0] for item in setup.config()["map"]][:2] == ["瓢形", "条形"]
    assert layer.attributeAlias(layer.fields().indexOf("bgbh")) == "崩岗编号"
    assert layer.renderer().type() == "categorizedSymbol"
    assert layer.crs().authid() == "EPSG:4547"


def test_layer_sources_and_projects_hold_no_password(pg_server, pg_target, pg_schema, tmp_path):
    workspace = create_postgis_workspace(pg_target, pg_schema, CRS)
    layer = workspace.layer("parcel")
    source = QgsDataSourceUri(layer.source())
    assert source.authConfigId() and not source.password() and not source.username()
    project = QgsProject()
    project.addMapLayer(layer)
    path = tmp_path / "project.qgs"
    assert project.write(str(path))
    text = path.read_text(encoding="utf-8")
    assert pg_server.password not in text
    assert "authcfg=" + source.authConfigId() in text
    # the server stores nothing either: styles hold no credentials
    with pg_server.connect() as connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM public.layer_styles WHERE styleqml::text LIKE %s "
            "OR stylesld::text LIKE %s",
            ("%" + pg_server.password + "%",) * 2,
        )
        assert cursor.fetchone()[0] == 0
    project.clear()


def test_message_log_never_sees_the_password(pg_server, pg_target, pg_schema):
    messages = []

    def collect(message, tag, level):
        messages.append(message)

    log = QgsApplication.messageLog()
    log.messageReceived.connect(collect)
    try:
        create_postgis_workspace(pg_target, pg_schema, CRS, styles=False)
        with pytest.raises(WorkspaceError) as caught:
            PgTarget(
                uri="host=127.0.0.1 port={0} dbname=nosuchdb".format(pg_server.port),
                authcfg=pg_target.datasource().authConfigId(),
            ).connect()
    finally:
        log.messageReceived.disconnect(collect)
    assert "nosuchdb" in str(caught.value)
    assert any(pg_schema in message for message in messages)
    assert not any(pg_server.password in message for message in messages)
    assert pg_server.password not in str(caught.value)


def test_plain_text_password_connections_are_refused(qgis_app, pg_server):
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    source = QgsDataSourceUri()
    source.setConnection(
        pg_server.host,
        str(pg_server.port),
        pg_server.database,
        pg_server.superuser,
        pg_server.password,
    )
    metadata.saveConnection(
        metadata.createConnection(source.uri(False), {"saveUsername": True, "savePassword": True}),
        "plain",
    )
    assert metadata.findConnection("plain").uri().count(pg_server.password) == 1
    try:
        with pytest.raises(WorkspaceError, match="authentication manager"):
            PgTarget(connection="plain").connect()
    finally:
        metadata.deleteConnection("plain")
    with pytest.raises(WorkspaceError, match="no QGIS PostgreSQL connection"):
        PgTarget(connection="nowhere").connect()


def test_wrong_credentials_give_a_clear_error(qgis_app, pg_server):
    from qgis.core import QgsAuthMethodConfig

    config = QgsAuthMethodConfig()
    config.setMethod("Basic")
    config.setName("wrong")
    config.setConfig("username", pg_server.superuser)
    config.setConfig("password", "not-the-password")
    ok, stored = QgsApplication.authManager().storeAuthenticationConfig(config)
    assert ok
    target = PgTarget(
        uri="host=127.0.0.1 port={0} dbname={1}".format(pg_server.port, pg_server.database),
        authcfg=stored.id(),
    )
    with pytest.raises(WorkspaceError, match="password authentication failed") as caught:
        target.connect()
    assert "not-the-password" not in str(caught.value)


def test_existing_workspace_is_opened_and_foreign_schema_refused(pg_server, pg_target, pg_schema):
    create_postgis_workspace(pg_target, pg_schema, CRS, styles=False)
    again = create_postgis_workspace(pg_target, pg_schema, CRS, styles=False)
    assert again.schema_version() == schema.SCHEMA_VERSION
    with pg_server.connect() as connection, connection.cursor() as cursor:
        cursor.execute('CREATE SCHEMA "foreign x"; CREATE TABLE "foreign x".t (a int)')
    try:
        with pytest.raises(WorkspaceError, match="not a Xingguo SWC workspace"):
            create_postgis_workspace(pg_target, "foreign x", CRS, styles=False)
        assert (
            _scalar(
                pg_server, "SELECT count(*) FROM pg_tables WHERE schemaname = %s", ("foreign x",)
            )
            == 1
        )
    finally:
        with pg_server.connect() as connection, connection.cursor() as cursor:
            cursor.execute('DROP SCHEMA "foreign x" CASCADE')


def test_newer_version_refused_and_migrations_run_in_one_transaction(
    pg_server, pg_target, pg_schema, monkeypatch
):
    create_postgis_workspace(pg_target, pg_schema, CRS, styles=False)
    meta = '"{0}".{1}'.format(pg_schema, schema.META_TABLE)

    def set_version(value):
        with pg_server.connect() as connection, connection.cursor() as cursor:
            cursor.execute(
                "UPDATE " + meta + " SET value = %s WHERE key = %s", (str(value), "schema_version")
            )

    set_version(schema.SCHEMA_VERSION + 1)
    with pytest.raises(WorkspaceError, match="newer"):
        open_postgis_workspace(pg_target, pg_schema)

    # an old workspace: the registered step runs, then the version is bumped
    set_version(schema.SCHEMA_VERSION - 1)
    with pytest.raises(WorkspaceError, match="old schema version"):
        open_postgis_workspace(pg_target, pg_schema, upgrade=False)

    def add_column(cursor, schema_name):
        cursor.execute(
            'ALTER TABLE "{0}".parcel ADD COLUMN migrated int'.format(
                schema_name.replace('"', '""')
            )
        )

    def broken(cursor, schema_name):
        add_column(cursor, schema_name)
        cursor.execute("SELECT no_such_function()")

    monkeypatch.setitem(postgis.PG_MIGRATIONS, schema.SCHEMA_VERSION - 1, broken)
    with pytest.raises(WorkspaceError, match="refused upgrading"):
        open_postgis_workspace(pg_target, pg_schema)
    assert "migrated" not in _columns(pg_server, pg_schema, "parcel")
    assert _scalar(pg_server, "SELECT value FROM " + meta + " WHERE key = 'schema_version'") == str(
        schema.SCHEMA_VERSION - 1
    )

    monkeypatch.setitem(postgis.PG_MIGRATIONS, schema.SCHEMA_VERSION - 1, add_column)
    workspace = open_postgis_workspace(pg_target, pg_schema)
    assert workspace.schema_version() == schema.SCHEMA_VERSION
    assert "migrated" in _columns(pg_server, pg_schema, "parcel")


def test_bad_schema_names_and_crs_are_refused_before_writing(pg_target):
    for name in ("", "   ", "pg_things", "public", "x" * 64):
        with pytest.raises(WorkspaceError):
            create_postgis_workspace(pg_target, name, CRS)
    with pytest.raises(WorkspaceError, match="geographic"):
        create_postgis_workspace(pg_target, "ws_wgs84", QgsCoordinateReferenceSystem("EPSG:4326"))


def test_workspace_layers_edit_through_qgis(pg_target, pg_schema):
    workspace = create_postgis_workspace(pg_target, pg_schema, CRS)
    layer = workspace.layer("parcel")
    feature = QgsFeature(layer.fields())
    feature.setAttribute("tbbh", "T-1")
    feature.setAttribute("kflx", "1")
    feature.setGeometry(
        QgsGeometry.fromWkt(
            "MultiPolygon(((500000 2900000, 500100 2900000, 500100 2900100, 500000 2900000)))"
        )
    )
    assert layer.dataProvider().addFeatures([feature])
    reloaded = workspace.layer("parcel")
    rows = list(reloaded.getFeatures())
    assert [row["tbbh"] for row in rows] == ["T-1"]
    assert rows[0].geometry().area() == pytest.approx(5000.0)
    assert len(rows[0]["uuid"]) == 36


def test_missing_postgresql_fails_loudly_never_skips(monkeypatch, tmp_path):
    """Without PostgreSQL the fixture errors with what to install (CI must not go green)."""
    import pg_server as module

    monkeypatch.setattr(module, "PG_BINDIR", tmp_path / "no-postgresql")
    with pytest.raises(module.PgServerError, match="make deps"):
        module.PgServer().start()
