"""PostGIS workspace: the shared, multi-user backend of the same data model.

A PostGIS workspace is one schema holding the tables of ``core.workspace.schema`` (same
fields; codes as CHECK constraints; ``uuid`` defaulting to ``gen_random_uuid()``;
unique constraints; GiST indexes), the schema version table ``xgswc_meta``, the
per-township gully number table, and every layer's form and style as its default
style in ``public.layer_styles``.

Credentials: the server is named by a QGIS PostgreSQL connection and/or a QGIS
authentication configuration id.  The password lives only in the QGIS
authentication manager; it is expanded in memory for the plugin's own
connection, and layer sources carry ``authcfg=`` and never a password.  A
connection that stores its password in plain text is refused.

Safety: identifiers are always quoted with ``psycopg2.sql.Identifier``; values
are always bound.  Every write runs in one transaction, so a failure or a dropped
connection leaves the database as it was.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Dict, Iterator, List, Optional, Tuple

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsDataSourceUri,
    QgsFeedback,
    QgsProviderConnectionException,
    QgsProviderRegistry,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt

from ...translation import tr
from ..errors import CanceledError, WorkspaceError
from ..log import log
from . import schema
from .base import SqlSession, WorkspaceBase, check_workspace_crs
from .geopackage import needs_upgrade, save_default_style
from .schema import FieldSpec, LayerSpec

GEOMETRY_COLUMN = "geom"
KEY_COLUMN = "fid"
#: Per-township last gully number (same table and columns as the GeoPackage's in
#: ``core.benggang``); numbers are never reused, even after deletes.
BGBH_SEQUENCE_TABLE = "benggang_seq"
APPLICATION_NAME = "Xingguo SWC"

_SQL_TYPES = {
    "int": "integer",
    "real": "double precision",
    "date": "date",
    "datetime": "timestamp",
    "blob": "bytea",
}


class ConnectionLostError(WorkspaceError):
    """The server connection broke during a run; the transaction was rolled back."""


def driver():
    """psycopg2, or a clear error saying what is missing (the plugin still loads)."""
    try:
        import psycopg2
        import psycopg2.extras  # noqa: F401
        import psycopg2.sql  # noqa: F401
    except ImportError as error:
        raise WorkspaceError(
            tr(
                "The Python package psycopg2 is missing: install "
                "python3-psycopg2 to use PostGIS workspaces."
            )
        ) from error
    return psycopg2


# -- where the server is ------------------------------------------------------------


@dataclass(frozen=True)
class PgTarget:
    """A PostgreSQL database named the QGIS way.

    ``connection``: a QGIS PostgreSQL connection name (Browser > PostgreSQL);
    ``authcfg``: a QGIS authentication configuration id (overrides the
    connection's credentials); ``uri``: a connection string without a password
    (``host=... port=... dbname=...`` or ``service=...``), used when no named
    connection is given.
    """

    connection: str = ""
    authcfg: str = ""
    uri: str = ""
    #: Accept a password already present in ``uri`` (a layer the user opened that
    #: way): used to connect only, never written anywhere by the plugin.
    accept_password: bool = False

    @classmethod
    def from_layer(cls, layer: QgsVectorLayer) -> PgTarget:
        """The database of a PostgreSQL layer (its authcfg expanded when connecting)."""
        source = QgsDataSourceUri(layer.source())
        return cls(uri=source.connectionInfo(False), accept_password=True)

    def datasource(self) -> QgsDataSourceUri:
        """The connection part of a layer source: authcfg, never a password."""
        if self.connection:
            metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
            try:
                connection = metadata.findConnection(self.connection)
            except QgsProviderConnectionException:
                connection = None
            if connection is None:
                raise WorkspaceError(
                    tr("There is no QGIS PostgreSQL connection named {0}.").format(self.connection)
                )
            source = QgsDataSourceUri(connection.uri())
        elif self.uri:
            source = QgsDataSourceUri(self.uri)
        else:
            raise WorkspaceError(tr("Choose a QGIS PostgreSQL connection."))
        if self.authcfg:
            source.setAuthConfigId(self.authcfg)
            source.setPassword("")
            if source.username():
                source.setUsername("")
        if source.password() and not self.accept_password:
            raise WorkspaceError(
                tr(
                    "The PostgreSQL connection {0} stores its password in plain text. "
                    "Store the credentials in the QGIS authentication manager (an "
                    "authentication configuration) and try again."
                ).format(self.describe())
            )
        if not source.database() and not source.service():
            raise WorkspaceError(
                tr("The PostgreSQL connection {0} names no database.").format(self.describe())
            )
        if source.authConfigId():
            manager = QgsApplication.authManager()
            if source.authConfigId() not in manager.configIds():
                raise WorkspaceError(
                    tr("Unknown authentication configuration {0}.").format(source.authConfigId())
                )
        return source

    def describe(self) -> str:
        """Safe to show and log: names only, no credentials."""
        if self.connection:
            return self.connection
        source = QgsDataSourceUri(self.uri)
        return source.service() or "{0}:{1}/{2}".format(
            source.host() or "localhost", source.port() or "5432", source.database()
        )

    def dsn(self) -> str:
        """libpq connection string with credentials from the auth manager.

        Held in memory only; never log or store it.
        """
        source = self.datasource()
        authcfg = source.authConfigId()
        plain = QgsDataSourceUri(source.connectionInfo(False))
        plain.setAuthConfigId("")
        items = [plain.connectionInfo(False)]
        if authcfg:
            manager = QgsApplication.authManager()
            ok, items = manager.updateDataSourceUriItems(items, authcfg, "postgres")
            if not ok:
                raise WorkspaceError(
                    tr("Cannot read authentication configuration {0}.").format(authcfg)
                )
        return " ".join(item for item in items if item)

    def connect(self):
        """A new psycopg2 connection (caller closes it)."""
        psycopg2 = driver()
        try:
            connection = psycopg2.connect(
                self.dsn(), application_name=APPLICATION_NAME, connect_timeout=15
            )
        except psycopg2.Error as error:
            raise WorkspaceError(
                tr("Cannot connect to PostgreSQL {0}: {1}").format(self.describe(), _clean(error))
            ) from None
        return connection

    def database_key(self) -> Tuple[str, str, str, str]:
        source = self.datasource()
        return database_key(source)


def database_key(source: QgsDataSourceUri) -> Tuple[str, str, str, str]:
    """Identity of a database (service or host/port/name) for 'same database' tests."""
    host = source.host() or "localhost"
    if host in ("127.0.0.1", "::1"):
        host = "localhost"
    return (source.service(), host, source.port() or "5432", source.database())


def _clean(error: Exception) -> str:
    """A driver error as one line, with anything that looks like a password removed."""
    text = str(getattr(error, "pgerror", None) or error).strip().splitlines()
    message = " ".join(line.strip() for line in text if line.strip())
    return re.sub(r"password\s*=\s*('(?:[^'\\]|\\.)*'|\S+)", "password=***", message)


def _lost(error: Exception, connection) -> bool:
    """True when the session is gone (server killed it, network, restart)."""
    psycopg2 = driver()
    code = getattr(error, "pgcode", None) or ""
    if code in ("57P01", "57P02", "57P03") or isinstance(error, psycopg2.InterfaceError):
        return True
    if getattr(connection, "closed", 0):
        return True
    return isinstance(error, psycopg2.OperationalError) and not code


@contextmanager
def transaction(connection, what: str, feedback: Optional[QgsFeedback] = None) -> Iterator:
    """A cursor in one transaction: committed at the end, rolled back on any error.

    A broken connection becomes ``ConnectionLostError`` (the server rolls back the
    open transaction itself when the session dies); other database errors become
    ``WorkspaceError`` saying what was being done.  With ``feedback``, canceling
    interrupts the running statement on the server (``Canceled.``).
    """
    psycopg2 = driver()

    def interrupt() -> None:
        try:
            connection.cancel()
        except psycopg2.Error:
            pass

    if feedback is not None:
        # direct: the canceling thread interrupts at once, while this one waits in libpq
        feedback.canceled.connect(interrupt, Qt.ConnectionType.DirectConnection)
    try:
        with connection:
            with connection.cursor() as cursor:
                if feedback is not None and feedback.isCanceled():
                    raise CanceledError()
                yield cursor
    except psycopg2.Error as error:
        try:
            if not connection.closed:
                connection.rollback()
        except psycopg2.Error:
            pass
        if (
            getattr(error, "pgcode", None) == "57014"
            and feedback is not None
            and feedback.isCanceled()
        ):
            raise CanceledError() from None
        if _lost(error, connection):
            raise ConnectionLostError(
                tr(
                    "The connection to the PostgreSQL server was lost while {0}; "
                    "nothing was changed. Check the server and run it again. ({1})"
                ).format(what, _clean(error))
            ) from None
        raise WorkspaceError(
            tr("PostgreSQL refused {0}: {1}").format(what, _clean(error))
        ) from None
    finally:
        if feedback is not None:
            try:
                feedback.canceled.disconnect(interrupt)
            except TypeError:
                pass


def sql():
    return driver().sql


def qualified(schema_name: str, table: str):
    """``"schema"."table"`` as a composable, quoted whatever the names contain."""
    module = sql()
    return module.SQL(".").join([module.Identifier(schema_name), module.Identifier(table)])


# -- the workspace ---------------------------------------------------------------------


@dataclass
class PgWorkspace(WorkspaceBase):
    """A PostGIS workspace: a schema in a database reached through ``target``."""

    target: PgTarget
    schema: str

    @property
    def backend(self) -> str:
        return "postgis"

    def describe(self) -> str:
        return "{0} ({1})".format(self.schema, self.target.describe())

    @contextmanager
    def transaction(self, what: str, lock: Optional[str] = None) -> Iterator[SqlSession]:
        """One transaction on a new connection; ``lock`` takes SHARE ROW EXCLUSIVE on
        that table (self-conflicting: one such writer at a time; readers go on)."""
        module = sql()
        connection = self.connect()
        srids: Dict[str, int] = {}
        try:
            with transaction(connection, what) as cursor:

                def quote(table: str) -> str:
                    return qualified(self.schema, table).as_string(cursor)

                def geometry(table: str, value) -> Tuple[str, object]:
                    if value is None or value.isNull() or value.isEmpty():
                        return "?", None
                    if table not in srids:
                        cursor.execute(
                            "SELECT Find_SRID(%s, %s, %s)", (self.schema, table, GEOMETRY_COLUMN)
                        )
                        srids[table] = int(cursor.fetchone()[0])
                    return (
                        "ST_Multi(ST_GeomFromWKB(?, {0}))".format(srids[table]),
                        driver().Binary(bytes(value.asWkb())),
                    )

                if lock:
                    cursor.execute(
                        module.SQL("LOCK TABLE {} IN SHARE ROW EXCLUSIVE MODE").format(
                            qualified(self.schema, lock)
                        )
                    )
                yield SqlSession(cursor, "%s", quote, geometry)
        finally:
            connection.close()

    def uri(self, table: str) -> str:
        """Layer source (authcfg, no password) of a table of this workspace."""
        source = self.target.datasource()
        spec = schema.LAYERS_BY_NAME.get(table)
        geometry = GEOMETRY_COLUMN if spec is None or spec.geometry else ""
        source.setDataSource(self.schema, table, geometry, "", KEY_COLUMN)
        return source.uri(False)

    def layer(self, table: str, name: Optional[str] = None) -> QgsVectorLayer:
        """The table as a layer, with its default style from ``public.layer_styles``."""
        spec = schema.LAYERS_BY_NAME.get(table)
        title = name or (spec.zh if spec else table)
        layer = QgsVectorLayer(self.uri(table), title, "postgres")
        if not layer.isValid():
            raise WorkspaceError(
                tr("Table {0} is missing in the PostGIS workspace {1} on {2}.").format(
                    table, self.schema, self.target.describe()
                )
            )
        return layer

    def connect(self):
        return self.target.connect()

    def crs(self) -> QgsCoordinateReferenceSystem:
        return QgsCoordinateReferenceSystem("EPSG:{0}".format(self.srid()))

    def srid(self) -> int:
        return int(self.meta().get("srid", "0"))

    def meta(self) -> Dict[str, str]:
        connection = self.connect()
        try:
            return read_meta(connection, self.schema)
        finally:
            connection.close()

    def schema_version(self) -> int:
        return int(self.meta()["schema_version"])

    def next_benggang_number(self, xzqdm: str) -> int:
        connection = self.connect()
        try:
            return allocate_benggang_number(connection, self.schema, xzqdm)
        finally:
            connection.close()


def read_meta(connection, schema_name: str) -> Dict[str, str]:
    """Key/value rows of the meta table; WorkspaceError when the schema is no workspace."""
    if not _table_exists(connection, schema_name, schema.META_TABLE):
        raise WorkspaceError(
            tr("Schema {0} is not a Xingguo SWC workspace (no {1} table).").format(
                schema_name, schema.META_TABLE
            )
        )
    with transaction(connection, tr("reading the workspace version")) as cursor:
        cursor.execute(
            sql().SQL("SELECT key, value FROM {}").format(qualified(schema_name, schema.META_TABLE))
        )
        return dict(cursor.fetchall())


def _table_exists(connection, schema_name: str, table: str) -> bool:
    with transaction(connection, tr("looking up table {0}").format(table)) as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = %s AND tablename = %s",
            (schema_name, table),
        )
        return cursor.fetchone() is not None


def _schema_exists(connection, schema_name: str) -> Tuple[bool, int]:
    """(exists, number of relations in it)."""
    with transaction(connection, tr("looking up schema {0}").format(schema_name)) as cursor:
        cursor.execute(
            "SELECT n.oid, (SELECT count(*) FROM pg_catalog.pg_class c "
            "WHERE c.relnamespace = n.oid) FROM pg_catalog.pg_namespace n "
            "WHERE n.nspname = %s",
            (schema_name,),
        )
        row = cursor.fetchone()
    return (row is not None, int(row[1]) if row else 0)


def check_schema_name(name: str) -> None:
    """Any name PostgreSQL can store is fine (it is always quoted); refuse the rest."""
    if not name or not name.strip():
        raise WorkspaceError(tr("Enter a schema name for the PostGIS workspace."))
    if len(name.encode("utf-8")) > 63:
        raise WorkspaceError(tr("The schema name {0} is longer than 63 bytes.").format(name))
    if "\x00" in name:
        raise WorkspaceError(tr("The schema name contains a NUL character."))
    if name.lower().startswith("pg_") or name in ("public", "information_schema", "topology"):
        raise WorkspaceError(tr("The schema {0} is reserved: choose another name.").format(name))


# -- schema migrations (PostGIS flavour of core.workspace.geopackage.MIGRATIONS) ------------------

#: Upgrades from version N to N+1: ``step(cursor, schema_name)`` inside the upgrade
#: transaction (so a failed step leaves the workspace at version N).
PG_MIGRATIONS: Dict[int, Callable[[object, str], None]] = {}


def add_missing_schema(cursor, schema_name: str) -> None:
    """The generic upgrade (PostGIS flavour of ``core.workspace.geopackage.add_missing_schema``):
    create every table of ``core.workspace.schema`` the workspace lacks and add every missing
    column with its type, default, code check and comment.  Styles of the tables
    touched are stored by ``open_postgis_workspace`` after the transaction."""
    module = sql()
    cursor.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = %s",
        (schema_name,),
    )
    existing: Dict[str, set] = {}
    for table, column in cursor.fetchall():
        existing.setdefault(table, set()).add(column)
    cursor.execute(
        "SELECT srid FROM public.geometry_columns WHERE f_table_schema = %s AND f_table_name = %s",
        (schema_name, "township"),
    )
    row = cursor.fetchone()
    if row is None:
        raise WorkspaceError(
            tr("Table {0} is missing in the workspace {1}.").format("township", schema_name)
        )
    srid = int(row[0])
    for spec in schema.LAYERS:
        if spec.name not in existing:
            for statement in table_ddl(schema_name, spec, srid):
                cursor.execute(statement)
            continue
        table = qualified(schema_name, spec.name)
        for field_spec in spec.fields:
            if field_spec.name in existing[spec.name]:
                continue
            parts = [module.Identifier(field_spec.name), module.SQL(column_type(field_spec))]
            default = _column_default(field_spec)
            if default is not None:
                parts.append(module.SQL("DEFAULT {}").format(default))
                if field_spec.required:
                    parts.append(module.SQL("NOT NULL"))
            check = _code_check(field_spec)
            if check is not None:
                parts.append(check)
            cursor.execute(
                module.SQL("ALTER TABLE {} ADD COLUMN {}").format(
                    table, module.SQL(" ").join(parts)
                )
            )
            cursor.execute(
                module.SQL("COMMENT ON COLUMN {}.{} IS {}").format(
                    table, module.Identifier(field_spec.name), module.Literal(field_spec.zh)
                )
            )


PG_MIGRATIONS[1] = add_missing_schema


def open_postgis_workspace(target: PgTarget, schema_name: str, upgrade: bool = True) -> PgWorkspace:
    """Open a PostGIS workspace, upgrading an older schema in one transaction."""
    check_schema_name(schema_name)
    connection = target.connect()
    try:
        version = int(read_meta(connection, schema_name).get("schema_version", "0"))
        upgraded = needs_upgrade(schema_name, version, upgrade)
        if upgraded:
            _upgrade(connection, schema_name)
    finally:
        connection.close()
    workspace = PgWorkspace(target, schema_name)
    if upgraded:
        # Forms and styles of new tables and fields (QGIS writes them, after the commit).
        # The old default styles go first: QGIS 3.22 blocks when it overwrites a
        # stored style of the same name (seen on GeoPackage and PostGIS alike).
        connection = target.connect()
        try:
            with transaction(
                connection, tr("upgrading workspace {0}").format(schema_name)
            ) as cursor:
                cursor.execute(
                    "DELETE FROM public.layer_styles WHERE f_table_schema = %s", (schema_name,)
                )
        finally:
            connection.close()
        for spec in schema.LAYERS:
            save_default_style(workspace, spec)
    return workspace


def _upgrade(connection, schema_name: str) -> None:
    module = sql()
    meta = qualified(schema_name, schema.META_TABLE)
    with transaction(connection, tr("upgrading workspace {0}").format(schema_name)) as cursor:
        # One upgrader at a time; the others wait, then see the new version.
        cursor.execute(module.SQL("LOCK TABLE {} IN EXCLUSIVE MODE").format(meta))
        cursor.execute(
            module.SQL("SELECT value FROM {} WHERE key = %s").format(meta), ("schema_version",)
        )
        version = int(cursor.fetchone()[0])
        for step in range(version, schema.SCHEMA_VERSION):
            if step not in PG_MIGRATIONS:
                raise WorkspaceError(tr("No upgrade from schema version {0}.").format(step))
            PG_MIGRATIONS[step](cursor, schema_name)
            cursor.execute(
                module.SQL("UPDATE {} SET value = %s WHERE key = %s").format(meta),
                (str(step + 1), "schema_version"),
            )
    log(
        tr("Upgraded PostGIS workspace {0} to schema version {1}.").format(
            schema_name, schema.SCHEMA_VERSION
        )
    )


# -- creating -----------------------------------------------------------------------------


def create_postgis_workspace(
    target: PgTarget,
    schema_name: str,
    crs: QgsCoordinateReferenceSystem,
    feedback: Optional[QgsFeedback] = None,
    styles: bool = True,
) -> PgWorkspace:
    """Create the workspace schema (or open and upgrade an existing one).

    Tables, constraints, indexes, the version table and the seeded measure
    taxonomy are created in one transaction; styles are then stored through QGIS.
    If storing the styles fails, the new schema is dropped again.
    """
    check_workspace_crs(crs)
    check_schema_name(schema_name)
    srid = crs.postgisSrid()
    connection = target.connect()
    try:
        exists, relations = _schema_exists(connection, schema_name)
        if exists and _table_exists(connection, schema_name, schema.META_TABLE):
            connection.close()
            return open_postgis_workspace(target, schema_name)
        if exists and relations:
            raise WorkspaceError(
                tr(
                    "Schema {0} already holds tables and is not a Xingguo "
                    "SWC workspace: choose another schema."
                ).format(schema_name)
            )
        with transaction(connection, tr("creating workspace {0}").format(schema_name)) as cursor:
            _check_server(cursor, srid)
            module = sql()
            if not exists:
                cursor.execute(
                    module.SQL("CREATE SCHEMA {}").format(module.Identifier(schema_name))
                )
            total = len(schema.LAYERS) + 2
            for position, spec in enumerate(schema.LAYERS):
                if feedback is not None and feedback.isCanceled():
                    raise CanceledError()
                for statement in table_ddl(schema_name, spec, srid):
                    cursor.execute(statement)
                if feedback is not None:
                    feedback.setProgress(100.0 * (position + 1) / total)
            _create_support_tables(cursor, schema_name, crs, srid)
            _seed_measure_types(cursor, schema_name)
    finally:
        connection.close()
    workspace = PgWorkspace(target, schema_name)
    if styles:
        try:
            for spec in schema.LAYERS:
                save_default_style(workspace, spec)
        except BaseException:
            drop_postgis_workspace(target, schema_name)
            raise
    if feedback is not None:
        feedback.setProgress(100.0)
    log(tr("Created PostGIS workspace {0} on {1}.").format(schema_name, target.describe()))
    return workspace


def _check_server(cursor, srid: int) -> None:
    cursor.execute(
        "SELECT extversion FROM pg_catalog.pg_extension WHERE extname = %s", ("postgis",)
    )
    if cursor.fetchone() is None:
        try:
            cursor.execute("SAVEPOINT xgswc_postgis")
            cursor.execute("CREATE EXTENSION postgis")
        except driver().Error as error:
            raise WorkspaceError(
                tr(
                    "PostGIS is not enabled in this database and cannot be "
                    "enabled by this user: ask the administrator to run "
                    "CREATE EXTENSION postgis. ({0})"
                ).format(_clean(error))
            ) from None
    cursor.execute("SELECT 1 FROM public.spatial_ref_sys WHERE srid = %s", (srid,))
    if cursor.fetchone() is None:
        raise WorkspaceError(
            tr("The database does not know the coordinate reference system SRID {0}.").format(srid)
        )


def column_type(field_spec: FieldSpec) -> str:
    if field_spec.kind == "text":
        return "varchar({0})".format(int(field_spec.length)) if field_spec.length else "text"
    return _SQL_TYPES[field_spec.kind]


def _column_default(field_spec: FieldSpec):
    module = sql()
    if field_spec.name == schema.UUID_FIELD:
        return module.SQL("gen_random_uuid()::text")
    default = field_spec.default
    if default and len(default) >= 2 and default[0] == default[-1] == "'":
        return module.Literal(default[1:-1].replace("''", "'"))
    if default and field_spec.kind in ("int", "real"):
        try:
            number = int(default) if field_spec.kind == "int" else float(default)
        except ValueError:
            return None
        return module.Literal(number)
    return None


def _code_check(field_spec: FieldSpec):
    """CHECK clause limiting a coded column to its code list, or None."""
    if field_spec.codelist is None:
        return None
    module = sql()
    values = [
        int(code) if field_spec.kind == "int" else code for code in field_spec.codelist.codes()
    ]
    return module.SQL("CHECK ({} IN ({}))").format(
        module.Identifier(field_spec.name),
        module.SQL(", ").join(module.Literal(value) for value in values),
    )


def table_ddl(schema_name: str, spec: LayerSpec, srid: int) -> List:
    """CREATE TABLE (+ comments and indexes) of one layer spec, fully quoted."""
    module = sql()
    table = qualified(schema_name, spec.name)
    columns = [module.SQL("{} serial PRIMARY KEY").format(module.Identifier(KEY_COLUMN))]
    for field_spec in spec.fields:
        parts = [module.Identifier(field_spec.name), module.SQL(column_type(field_spec))]
        if field_spec.required:
            parts.append(module.SQL("NOT NULL"))
        default = _column_default(field_spec)
        if default is not None:
            parts.append(module.SQL("DEFAULT {}").format(default))
        check = _code_check(field_spec)
        if check is not None:
            parts.append(check)
        columns.append(module.SQL(" ").join(parts))
    if spec.geometry:
        columns.append(
            module.SQL("{} geometry({}, {})").format(
                module.Identifier(GEOMETRY_COLUMN),
                module.SQL(spec.geometry),
                module.Literal(int(srid)),
            )
        )
    unique = []
    if schema.UUID_FIELD in spec.field_names():
        unique.append((schema.UUID_FIELD,))
    unique.extend(spec.unique)
    for group in unique:
        columns.append(
            module.SQL("UNIQUE ({})").format(
                module.SQL(", ").join(module.Identifier(name) for name in group)
            )
        )
    statements = [module.SQL("CREATE TABLE {} ({})").format(table, module.SQL(", ").join(columns))]
    statements.append(
        module.SQL("COMMENT ON TABLE {} IS {}").format(
            table, module.Literal("{0} ({1})".format(spec.zh, spec.en))
        )
    )
    for field_spec in spec.fields:
        statements.append(
            module.SQL("COMMENT ON COLUMN {}.{} IS {}").format(
                table, module.Identifier(field_spec.name), module.Literal(field_spec.zh)
            )
        )
    if spec.geometry:
        statements.append(
            module.SQL("CREATE INDEX ON {} USING gist ({})").format(
                table, module.Identifier(GEOMETRY_COLUMN)
            )
        )
    statements.extend(_defaults_trigger(schema_name, spec))
    for name in ("xzqdm", "tbbh", "xmbh", "bgbh", "mbid"):
        if name in spec.field_names() and (name,) not in unique:
            statements.append(
                module.SQL("CREATE INDEX ON {} ({})").format(table, module.Identifier(name))
            )
    return statements


def _defaults_trigger(schema_name: str, spec: LayerSpec) -> List:
    """BEFORE INSERT trigger filling required defaults that arrive as explicit NULL.

    QGIS's provider sends NULL (not DEFAULT) for attributes a caller left empty,
    e.g. ``dataProvider().addFeatures`` without a uuid; the column default alone
    would then fail the NOT NULL constraint.
    """
    module = sql()
    assignments = []
    for field_spec in spec.fields:
        default = _column_default(field_spec)
        if default is None or not field_spec.required:
            continue
        assignments.append(
            module.SQL("NEW.{0} := coalesce(NEW.{0}, {1});").format(
                module.Identifier(field_spec.name), default
            )
        )
    if not assignments:
        return []
    function = qualified(schema_name, spec.name + "_defaults")
    body = module.SQL("BEGIN {} RETURN NEW; END;").format(module.SQL(" ").join(assignments))
    return [
        module.SQL("CREATE OR REPLACE FUNCTION {}() RETURNS trigger LANGUAGE plpgsql AS {}").format(
            function, module.Composed([module.SQL("$xgswc$"), body, module.SQL("$xgswc$")])
        ),
        module.SQL(
            "CREATE TRIGGER {} BEFORE INSERT ON {} FOR EACH ROW EXECUTE FUNCTION {}()"
        ).format(
            module.Identifier(spec.name + "_defaults"), qualified(schema_name, spec.name), function
        ),
    ]


def _create_support_tables(
    cursor, schema_name: str, crs: QgsCoordinateReferenceSystem, srid: int
) -> None:
    module = sql()
    meta = qualified(schema_name, schema.META_TABLE)
    cursor.execute(module.SQL("CREATE TABLE {} (key text PRIMARY KEY, value text)").format(meta))
    cursor.execute(
        module.SQL(
            "INSERT INTO {} (key, value) VALUES (%s, %s), (%s, %s), (%s, %s), (%s, now()::text)"
        ).format(meta),
        (
            "schema_version",
            str(schema.SCHEMA_VERSION),
            "crs",
            crs.authid(),
            "srid",
            str(srid),
            "created",
        ),
    )
    cursor.execute(
        module.SQL(
            "CREATE TABLE {} (xzqdm text PRIMARY KEY, last_seq integer NOT NULL "
            "CHECK (last_seq >= 0))"
        ).format(qualified(schema_name, BGBH_SEQUENCE_TABLE))
    )


def _seed_measure_types(cursor, schema_name: str) -> None:
    from ...domain.measures import SEED_MEASURES

    rows = [(m.code, m.measure_class, m.zh, m.en, m.unit, int(m.terrace)) for m in SEED_MEASURES]
    driver().extras.execute_values(
        cursor,
        sql()
        .SQL("INSERT INTO {} (csdm, cslb, csmc, csmc_en, dw, tt) VALUES %s")
        .format(qualified(schema_name, "measure_type"))
        .as_string(cursor),
        rows,
    )


def drop_postgis_workspace(target: PgTarget, schema_name: str) -> None:
    """Remove a workspace schema and its stored styles, in one transaction."""
    connection = target.connect()
    module = sql()
    try:
        with transaction(connection, tr("removing workspace {0}").format(schema_name)) as cursor:
            cursor.execute(
                module.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(
                    module.Identifier(schema_name)
                )
            )
            cursor.execute("SELECT to_regclass('public.layer_styles')")
            if cursor.fetchone()[0] is not None:
                cursor.execute(
                    "DELETE FROM public.layer_styles WHERE f_table_schema = %s "
                    "AND f_table_catalog = current_database()",
                    (schema_name,),
                )
    finally:
        connection.close()


# -- gully numbers ---------------------------------------------------------------------------


def allocate_benggang_number(
    connection,
    schema_name: str,
    xzqdm: str,
    floor: int = 0,
    table: str = "benggang",
    id_format: str = "{0}-{1:04d}",
) -> int:
    """Next gully number of a township, committed at once (never handed out twice).

    ``INSERT ... ON CONFLICT DO UPDATE ... RETURNING`` takes a row lock, so two
    editors asking at the same moment get different numbers; the number is
    committed before the editor saves the gully, so a discarded or deleted gully
    leaves a gap rather than a reused ID.  ``floor`` is the highest number the
    caller already sees (e.g. in its edit buffer); a number whose ID already
    exists in ``table`` (typed by hand, copied in) is skipped.
    """
    if not xzqdm:
        raise WorkspaceError(tr("The gully has no township code: cannot number it."))
    module = sql()
    sequence = qualified(schema_name, BGBH_SEQUENCE_TABLE)
    gullies = qualified(schema_name, table)
    with transaction(connection, tr("numbering a gully")) as cursor:
        _ensure_sequence_table(cursor, schema_name)
        while True:
            cursor.execute(
                module.SQL(
                    "INSERT INTO {} AS s (xzqdm, last_seq) VALUES (%s, %s) ON CONFLICT (xzqdm) "
                    "DO UPDATE SET last_seq = greatest(s.last_seq + 1, EXCLUDED.last_seq) "
                    "RETURNING s.last_seq"
                ).format(sequence),
                (xzqdm, int(floor) + 1),
            )
            number = int(cursor.fetchone()[0])
            cursor.execute(
                module.SQL("SELECT 1 FROM {} WHERE bgbh = %s").format(gullies),
                (id_format.format(xzqdm, number),),
            )
            if cursor.fetchone() is None:
                return number
            floor = number


def peek_benggang_number(connection, schema_name: str, xzqdm: str, floor: int = 0) -> int:
    """The number ``allocate_benggang_number`` would probably give (preview only)."""
    with transaction(connection, tr("numbering a gully")) as cursor:
        cursor.execute(
            "SELECT to_regclass(%s)",
            (qualified(schema_name, BGBH_SEQUENCE_TABLE).as_string(cursor),),
        )
        stored = 0
        if cursor.fetchone()[0] is not None:
            cursor.execute(
                sql()
                .SQL("SELECT last_seq FROM {} WHERE xzqdm = %s")
                .format(qualified(schema_name, BGBH_SEQUENCE_TABLE)),
                (xzqdm,),
            )
            row = cursor.fetchone()
            stored = int(row[0]) if row else 0
    return max(stored, int(floor)) + 1


def _ensure_sequence_table(cursor, schema_name: str) -> None:
    cursor.execute(
        sql()
        .SQL(
            "CREATE TABLE IF NOT EXISTS {} (xzqdm text PRIMARY KEY, last_seq integer NOT NULL "
            "CHECK (last_seq >= 0))"
        )
        .format(qualified(schema_name, BGBH_SEQUENCE_TABLE))
    )


def next_benggang_sequence(
    layer: QgsVectorLayer, township_code: str, floor: int, reserve: bool = True
) -> int:
    """Gully number for a PostGIS gully layer (``core.benggang.next_benggang_id``).

    The number table lives beside the layer's table, in the same schema, so every
    editor of that table shares it whatever QGIS project they use.
    """
    source = QgsDataSourceUri(layer.source())
    connection = PgTarget.from_layer(layer).connect()
    try:
        if not reserve:
            return peek_benggang_number(
                connection, source.schema() or "public", township_code, floor
            )
        return allocate_benggang_number(
            connection, source.schema() or "public", township_code, floor, source.table()
        )
    finally:
        connection.close()


def sync_benggang_sequence(cursor, schema_name: str) -> None:
    """Raise each township's last number to the highest gully ID present (after a load)."""
    module = sql()
    cursor.execute(
        module.SQL(
            "INSERT INTO {seq} AS s (xzqdm, last_seq) "
            "SELECT split_part(bgbh, '-', 1), max(substring(bgbh from '-([0-9]+)$')::integer) "
            "FROM {gullies} WHERE bgbh ~ '^[^-]+-[0-9]+$' GROUP BY 1 "
            "ON CONFLICT (xzqdm) DO UPDATE SET last_seq = greatest(s.last_seq, EXCLUDED.last_seq)"
        ).format(
            seq=qualified(schema_name, BGBH_SEQUENCE_TABLE),
            gullies=qualified(schema_name, "benggang"),
        )
    )
