"""Server-side computation: township statistics, conservation rate and overlaps as SQL.

Why: when every input of an algorithm already lives in one PostGIS database,
shipping 100k parcels to the client to intersect them there is the slow way.
The core functions (``core.stats``, ``core.overlaps``) call
``same_postgis_database`` first and, when it answers, the functions here,
which return the SAME result types with the same semantics:

* small inputs whose rules are Python (township codes, names and order, grade
  text, error messages) are still read through QGIS with the local helpers, so
  the two engines agree on them by construction;
* the geometry work (validity, repair with ST_MakeValid, intersection with
  subdivided townships, union of overlapping erosion, pairwise overlaps) runs
  in PostGIS, in the computation CRS of the local engine (the layer's CRS when
  projected, else EPSG:4547).

Everything runs in one read-only transaction; identifiers are quoted and values
bound.  A connection dropped mid-run gives ``ConnectionLostError`` (clear
message) and changes nothing.  Only planimetric areas run on the server: the
ellipsoidal method stays local (QgsDistanceArea and PostGIS's geodesic area
differ by more than the 1e-6 the engines must agree to).
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from typing import Dict, Optional, Sequence, Tuple

from qgis.core import (
    QgsDataSourceUri,
    QgsFeatureRequest,
    QgsFeedback,
    QgsGeometry,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ....qgis_compat import FieldType, is_type
from ....translation import tr
from ...errors import InputError, raise_if_canceled
from ...geometry import invalid_reason
from ...results import (
    AreaRow,
    AreaTable,
    InvalidGeometry,
    OverlapPair,
    OverlapResult,
    RateRow,
    RateTable,
    report,
)
from ...values import class_key, parse_erosion_grade, text
from ...workspace.postgis import PgTarget, database_key, driver, sql, transaction

#: Set to "0" to force the local engine (comparisons, troubleshooting).
ENV_SWITCH = "XGSWC_SERVER_COMPUTE"
#: Township pieces of at most this many vertices (ST_Subdivide) for fast joins.
SUBDIVIDE_VERTICES = 128  # measured best of 32..512 at 100k parcels


@dataclass(frozen=True)
class PgTable:
    """Where a layer's rows live in the database, taken from its QGIS source."""

    schema: str
    table: str
    geometry: str
    key: str
    srid: int
    #: Z or M values present: the geometry is flattened to 2D (the local engine's view).
    has_zm: bool = False


@dataclass(frozen=True)
class PgDatabase:
    """The one database all inputs live in, and the tables of those inputs."""

    target: PgTarget
    tables: Tuple[PgTable, ...]

    def connect(self):
        return self.target.connect()


def server_compute_enabled() -> bool:
    return os.environ.get(ENV_SWITCH, "1") != "0"


def _table_of(layer: QgsVectorLayer) -> Optional[PgTable]:
    source = QgsDataSourceUri(layer.source())
    if source.sql() or layer.subsetString():
        return None  # a filter in the provider's dialect: let QGIS apply it
    if not source.table() or source.table().startswith("("):
        return None  # a query layer, not a table
    key = source.keyColumn().strip('"')
    if not key or "," in key:
        return None
    index = layer.fields().lookupField(key)
    if index < 0 or not is_type(layer.fields().at(index), FieldType.INT):
        return None  # QGIS feature ids equal the key only for an int4 key
    geometry = source.geometryColumn()
    if layer.isSpatial() and not geometry:
        return None
    srid = layer.crs().postgisSrid() if layer.isSpatial() else 0
    has_zm = QgsWkbTypes.hasZ(layer.wkbType()) or QgsWkbTypes.hasM(layer.wkbType())
    return PgTable(source.schema() or "public", source.table(), geometry, key, srid, has_zm)


def same_postgis_database(*layers: Optional[QgsVectorLayer]) -> Optional[PgDatabase]:
    """The database when every given layer is a plain PostGIS table of the same one.

    ``None`` (use the local engine) for any other layer, a filtered layer, a
    query layer, a layer whose key is not a single int4 column, or when server
    computation is switched off.  ``None`` arguments are ignored (optional inputs).
    """
    if not server_compute_enabled():
        return None
    if importlib.util.find_spec("psycopg2") is None:
        return None  # no driver: the local engine does the work
    present = [layer for layer in layers if layer is not None]
    if not present:
        return None
    keys = set()
    tables = []
    for layer in present:
        if not layer.isValid() or layer.providerType() != "postgres":
            return None
        table = _table_of(layer)
        if table is None:
            return None
        keys.add(database_key(QgsDataSourceUri(layer.source())))
        tables.append(table)
    if len(keys) != 1:
        return None
    return PgDatabase(PgTarget.from_layer(present[0]), tuple(tables))


# -- SQL building blocks -------------------------------------------------------------------


def relation(table: PgTable):
    module = sql()
    return module.SQL(".").join([module.Identifier(table.schema), module.Identifier(table.table)])


def geometry_in(table: PgTable, srid: int, alias: str = "s"):
    """The table's geometry (2D) in ``srid``, as a composable expression."""
    module = sql()
    column = module.SQL("{}.{}").format(module.Identifier(alias), module.Identifier(table.geometry))
    # flattening copies every geometry: only when there is something to drop
    expression = module.SQL("ST_Force2D({})").format(column) if table.has_zm else column
    if table.srid and table.srid != srid:
        expression = module.SQL("ST_Transform({}, {})").format(
            expression, module.Literal(int(srid))
        )
    return expression


def _repaired(expression):
    """Valid as is, else repaired the way the local engine does (polygonal part)."""
    return (
        sql()
        .SQL(
            "CASE WHEN ST_IsValid({0}) THEN {0} ELSE ST_CollectionExtract(ST_MakeValid({0}), 3) END"
        )
        .format(expression)
    )


def _progress(feedback: Optional[QgsFeedback], value: float) -> None:
    raise_if_canceled(feedback)
    if feedback is not None:
        feedback.setProgress(value)


def _computation_srid(layer: QgsVectorLayer) -> Tuple[int, object]:
    from ..local.zones import computation_crs

    crs = computation_crs(layer.crs())
    return crs.postgisSrid(), crs


def _township_keys(townships: QgsVectorLayer, code_field: str, towns) -> Dict[int, int]:
    """Township feature id -> index in ``towns`` (the order and codes of read_townships)."""
    by_code = {town.code: position for position, town in enumerate(towns)}
    request = QgsFeatureRequest()
    request.setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes([code_field], townships.fields())
    result = {}
    for feature in townships.getFeatures(request):
        code = text(feature.attribute(code_field))  # as read_townships normalises it
        if code in by_code:
            result[feature.id()] = by_code[code]
    return result


def _towns_table(cursor, townships: PgTable, mapping: Dict[int, int], srid: int) -> None:
    """Temporary table of subdivided, repaired township pieces with their index."""
    module = sql()
    cursor.execute("SET LOCAL jit = off")  # compiling costs more than it saves here
    cursor.execute("SET LOCAL default_statistics_target = 10")  # rough sizes suffice
    cursor.execute(
        "CREATE TEMPORARY TABLE xgswc_town_map (fid integer PRIMARY KEY, "
        "k integer NOT NULL) ON COMMIT DROP"
    )
    _driver_extras().execute_values(
        cursor, "INSERT INTO xgswc_town_map VALUES %s", sorted(mapping.items())
    )
    geometry = _repaired(geometry_in(townships, srid))
    cursor.execute(
        module.SQL(
            "CREATE TEMPORARY TABLE xgswc_towns ON COMMIT DROP AS "
            "SELECT m.k, {g} AS g FROM {t} s JOIN xgswc_town_map m ON m.fid = s.{key} "
            "WHERE s.{col} IS NOT NULL AND NOT ST_IsEmpty(s.{col})"
        ).format(
            g=geometry,
            t=relation(townships),
            key=module.Identifier(townships.key),
            col=module.Identifier(townships.geometry),
        )
    )
    cursor.execute(
        module.SQL(
            "CREATE TEMPORARY TABLE xgswc_pieces ON COMMIT DROP AS "
            "SELECT k, ST_Subdivide(g, {n}) AS g FROM xgswc_towns"
        ).format(n=module.Literal(SUBDIVIDE_VERTICES))
    )
    cursor.execute("CREATE INDEX ON xgswc_pieces USING gist (g)")
    cursor.execute("ANALYZE xgswc_pieces")


def _driver_extras():
    return driver().extras


# -- township statistics ---------------------------------------------------------------------


def _prepare(database, townships, township_field, layer, role, field, feedback):
    """What both server computations start from: the layer has features and ``field``
    (when named), the computation SRID, the townships read once, their keys, and the
    two server tables (townships, source)."""
    from ..local.zones import read_townships, require_features

    require_features(layer, role)
    if field and layer.fields().lookupField(field) < 0:
        raise InputError(
            tr("The layer {0} has no field {1}; its fields are: {2}.").format(
                layer.name(), field, ", ".join(layer.fields().names())
            )
        )
    srid, crs = _computation_srid(layer)
    towns = read_townships(townships, township_field, crs, None, feedback)
    mapping = _township_keys(townships, township_field, towns)
    return srid, towns, mapping, database.tables[0], database.tables[1]


def township_area_stats_sql(
    database: PgDatabase,
    townships: QgsVectorLayer,
    township_field: str,
    layer: QgsVectorLayer,
    class_field: Optional[str] = None,
    feedback: Optional[QgsFeedback] = None,
):
    """``core.stats.township_area_stats`` (planimetric) computed by PostGIS."""
    from ....domain.thresholds import COUNTY_CODE, COUNTY_NAME

    srid, towns, mapping, town_table, source = _prepare(
        database, townships, township_field, layer, tr("input"), class_field, feedback
    )
    module = sql()
    geometry = geometry_in(source, srid)
    klass = (
        module.SQL("s.{}").format(module.Identifier(class_field))
        if class_field
        else module.SQL("NULL::text")
    )
    table = AreaTable()
    connection = database.connect()
    try:
        with transaction(
            connection, tr("computing township statistics on the server"), feedback
        ) as cursor:
            _towns_table(cursor, town_table, mapping, srid)
            _progress(feedback, 10.0)
            cursor.execute(
                module.SQL(
                    "CREATE TEMPORARY TABLE xgswc_features ON COMMIT DROP AS "
                    "SELECT fid, c, valid, CASE WHEN valid THEN g0 ELSE "
                    "ST_CollectionExtract(ST_MakeValid(g0), 3) END AS g FROM ("
                    "SELECT s.{key} AS fid, {klass} AS c, g0, ST_IsValid(g0) AS valid "
                    "FROM {t} s CROSS JOIN LATERAL (SELECT {geometry} AS g0) x "
                    "WHERE s.{col} IS NOT NULL AND NOT ST_IsEmpty(s.{col})) y"
                ).format(
                    key=module.Identifier(source.key),
                    klass=klass,
                    t=relation(source),
                    geometry=geometry,
                    col=module.Identifier(source.geometry),
                )
            )
            cursor.execute(
                "SELECT count(*), count(*) FILTER (WHERE NOT valid), "
                "coalesce(sum(ST_Area(g)), 0) FROM xgswc_features"
            )
            table.features, table.invalid_repaired, table.input_area_m2 = cursor.fetchone()
            table.input_area_m2 = float(table.input_area_m2)
            cursor.execute("CREATE INDEX ON xgswc_features USING gist (g)")
            cursor.execute("ANALYZE xgswc_features")
            _progress(feedback, 30.0)
            # areas first, in join order (a township piece repeats, so PostGIS reuses
            # its prepared geometry), then sums of plain numbers
            cursor.execute(
                "WITH pairs AS MATERIALIZED ("
                " SELECT f.fid, f.c, p.k, CASE WHEN ST_Covers(p.g, f.g) "
                "  THEN ST_Area(f.g) ELSE ST_Area(ST_Intersection(f.g, p.g)) END AS a"
                " FROM xgswc_pieces p JOIN xgswc_features f ON ST_Intersects(p.g, f.g)), "
                "parts AS (SELECT fid, c, k, sum(a) AS a FROM pairs GROUP BY fid, c, k)"
                "SELECT k, c, count(DISTINCT fid), sum(a) FROM parts WHERE a > 0 "
                "GROUP BY GROUPING SETS ((k, c), (c))"
            )
            rows = cursor.fetchall()
    finally:
        connection.close()
    _progress(feedback, 95.0)
    if table.invalid_repaired:
        report(table, layer.name(), feedback)
    # rows: (k or None for the county, raw class, count, area); merge equal class keys
    area: Dict[Tuple[Optional[int], str], float] = {}
    count: Dict[Tuple[Optional[int], str], int] = {}
    classes = set()
    cursor_classes = _all_classes(database, source, class_field) if class_field else {""}
    classes.update(cursor_classes)
    for k, raw, number, value in rows:
        key = (k, class_key(raw) if class_field else "")
        classes.add(key[1])
        area[key] = area.get(key, 0.0) + float(value)
        count[key] = count.get(key, 0) + int(number)
    ordered = sorted(classes, key=lambda key: (key == "", key)) if classes else [""]
    for k, town in enumerate(towns):
        for key in ordered:
            table.append(
                AreaRow(town.code, town.name, key, count.get((k, key), 0), area.get((k, key), 0.0))
            )
    for key in ordered:
        table.append(
            AreaRow(
                COUNTY_CODE, COUNTY_NAME, key, count.get((None, key), 0), area.get((None, key), 0.0)
            )
        )
    _progress(feedback, 100.0)
    return table


def _all_classes(database: PgDatabase, source: PgTable, class_field: str) -> set:
    """Every class value of features with a geometry (the local engine lists them all)."""

    module = sql()
    connection = database.connect()
    try:
        with transaction(connection, tr("reading classes on the server")) as cursor:
            cursor.execute(
                module.SQL("SELECT DISTINCT {c} FROM {t} WHERE {g} IS NOT NULL").format(
                    c=module.Identifier(class_field),
                    t=relation(source),
                    g=module.Identifier(source.geometry),
                )
            )
            return {class_key(row[0]) for row in cursor.fetchall()}
    finally:
        connection.close()


# -- conservation rate ------------------------------------------------------------------------


def conservation_rate_sql(
    database: PgDatabase,
    townships: QgsVectorLayer,
    township_field: str,
    erosion: QgsVectorLayer,
    grade_field: str,
    target_percent: float,
    feedback: Optional[QgsFeedback] = None,
    year: Optional[int] = None,
):
    """``core.stats.conservation_rate`` (planimetric) computed by PostGIS; ``year``:
    only the erosion features of that monitoring year ``nd`` (issue 14)."""
    from ....domain.thresholds import COUNTY_CODE, COUNTY_NAME, ERODED_MIN_GRADE

    srid, towns, mapping, town_table, source = _prepare(
        database, townships, township_field, erosion, tr("erosion"), grade_field, feedback
    )
    module = sql()
    grade = module.Identifier(grade_field)
    table = RateTable()
    connection = database.connect()
    try:
        with transaction(
            connection, tr("computing the conservation rate on the server"), feedback
        ) as cursor:
            # grades as the local engine reads them (text '2', 2.0, errors for 'abc')
            of_year = (
                module.SQL("")
                if year is None
                else module.SQL(" AND nd = {0}").format(module.Literal(int(year)))
            )
            cursor.execute(
                module.SQL("SELECT DISTINCT {g} FROM {t} WHERE {col} IS NOT NULL{y}").format(
                    g=grade, t=relation(source), col=module.Identifier(source.geometry), y=of_year
                )
            )
            values = [row[0] for row in cursor.fetchall()]
            grades = [
                parse_erosion_grade(value, erosion.name(), grade_field) for value in values
            ]  # the one rule: a bad grade is refused
            eroded = [value for value, number in zip(values, grades) if number >= ERODED_MIN_GRADE]
            _towns_table(cursor, town_table, mapping, srid)
            cursor.execute("SELECT k, ST_Area(g) FROM xgswc_towns")
            land = {int(k): float(value) for k, value in cursor.fetchall()}
            _progress(feedback, 20.0)
            cursor.execute(
                module.SQL(
                    "CREATE TEMPORARY TABLE xgswc_eroded ON COMMIT DROP AS "
                    "SELECT ST_IsValid(g0) AS valid, CASE WHEN ST_IsValid(g0) THEN g0 ELSE "
                    "ST_CollectionExtract(ST_MakeValid(g0), 3) END AS g "
                    "FROM {t} s CROSS JOIN LATERAL (SELECT {geometry} AS g0) x "
                    "WHERE s.{col} IS NOT NULL AND NOT ST_IsEmpty(s.{col}) "
                    "AND s.{g} = ANY(%s){y}"
                ).format(
                    t=relation(source),
                    geometry=geometry_in(source, srid),
                    col=module.Identifier(source.geometry),
                    g=grade,
                    y=of_year,
                ),
                (eroded,),
            )
            cursor.execute("SELECT count(*) FILTER (WHERE NOT valid) FROM xgswc_eroded")
            table.invalid_repaired = int(cursor.fetchone()[0])
            cursor.execute("CREATE INDEX ON xgswc_eroded USING gist (g)")
            cursor.execute("ANALYZE xgswc_eroded")
            _progress(feedback, 40.0)
            cursor.execute(
                "SELECT p.k, ST_Area(ST_Union(CASE WHEN ST_Covers(p.g, e.g) THEN e.g "
                "ELSE ST_CollectionExtract(ST_Intersection(e.g, p.g), 3) END)) "
                "FROM xgswc_pieces p JOIN xgswc_eroded e ON ST_Intersects(p.g, e.g) "
                "GROUP BY p.k"
            )
            eroded_area = {int(k): float(value or 0.0) for k, value in cursor.fetchall()}
    finally:
        connection.close()
    _progress(feedback, 95.0)
    if table.invalid_repaired:
        report(table, erosion.name(), feedback)
    land_total = eroded_total = 0.0
    for k, town in enumerate(towns):
        land_k = land.get(k, 0.0)
        eroded_k = eroded_area.get(k, 0.0)
        land_total += land_k
        eroded_total += eroded_k
        table.append(RateRow.of(town.code, town.name, land_k, eroded_k, target_percent))
    table.append(RateRow.of(COUNTY_CODE, COUNTY_NAME, land_total, eroded_total, target_percent))
    _progress(feedback, 100.0)
    return table


# -- overlaps -------------------------------------------------------------------------------------


def find_overlaps_sql(
    database: PgDatabase,
    layer: QgsVectorLayer,
    id_field: Optional[str] = None,
    min_area: float = 0.01,
    feedback: Optional[QgsFeedback] = None,
):
    """``core.overlaps.find_overlaps`` computed by PostGIS (same pairs, same order)."""

    source = database.tables[0]
    srid, _ = _computation_srid(layer)
    module = sql()
    result = OverlapResult()
    connection = database.connect()
    try:
        with transaction(connection, tr("finding overlaps on the server"), feedback) as cursor:
            cursor.execute("SET LOCAL jit = off")
            cursor.execute(
                module.SQL(
                    "CREATE TEMPORARY TABLE xgswc_shapes ON COMMIT DROP AS "
                    "SELECT s.{key} AS fid, s.{col} AS g, "
                    "NOT ST_IsEmpty(s.{col}) AND ST_IsValid(s.{col}) AS ok "
                    "FROM {t} s WHERE s.{col} IS NOT NULL"
                ).format(
                    key=module.Identifier(source.key),
                    col=module.Identifier(source.geometry),
                    t=relation(source),
                )
            )
            cursor.execute("SELECT count(*) FROM xgswc_shapes")
            result.features = int(cursor.fetchone()[0])
            cursor.execute("SELECT fid, ST_AsBinary(g) FROM xgswc_shapes WHERE NOT ok ORDER BY fid")
            invalid = [
                (int(fid), bytes(wkb) if wkb is not None else None)
                for fid, wkb in cursor.fetchall()
            ]
            cursor.execute("CREATE INDEX ON xgswc_shapes USING gist (g) WHERE ok")
            cursor.execute("ANALYZE xgswc_shapes")
            _progress(feedback, 30.0)
            cursor.execute(
                # MATERIALIZED: each intersection is computed once, not once per use
                "WITH pairs AS MATERIALIZED ("
                " SELECT a.fid AS fid_a, b.fid AS fid_b, "
                "  ST_CollectionExtract(ST_Intersection(a.g, b.g), 3) AS shared"
                " FROM xgswc_shapes a JOIN xgswc_shapes b ON a.fid < b.fid "
                "  AND a.ok AND b.ok AND a.g && b.g"
                # boxes must share min_area (as the local engine's candidate search):
                # neighbours that only touch never reach GEOS
                "  AND (least(ST_XMax(a.g), ST_XMax(b.g)) - greatest(ST_XMin(a.g), "
                "  ST_XMin(b.g))) * (least(ST_YMax(a.g), ST_YMax(b.g)) - "
                "  greatest(ST_YMin(a.g), ST_YMin(b.g))) >= %s"
                "  AND ST_Intersects(a.g, b.g)), "
                "measured AS MATERIALIZED ("
                " SELECT fid_a, fid_b, shared, ST_Area(ST_Transform(shared, %s)) AS a "
                " FROM pairs WHERE NOT ST_IsEmpty(shared)) "
                "SELECT fid_a, fid_b, a, ST_AsBinary(shared) FROM measured "
                "WHERE a >= %s AND a > 0 ORDER BY fid_a, fid_b",
                (_box_threshold(layer, min_area), int(srid), float(min_area)),
            )
            pairs = [
                (int(a), int(b), float(area), bytes(wkb)) for a, b, area, wkb in cursor.fetchall()
            ]
    finally:
        connection.close()
    _progress(feedback, 90.0)
    pairs = [pair for pair in pairs if pair[2] >= min_area and pair[2] > 0]
    wanted = {fid for fid, _ in invalid}
    for a, b, _, _ in pairs:
        wanted.update((a, b))
    ids = _ids(layer, id_field, wanted)
    for fid, wkb in invalid:
        geometry = QgsGeometry()
        if wkb is not None:
            geometry.fromWkb(wkb)
        result.invalid.append(InvalidGeometry(fid, ids.get(fid), invalid_reason(geometry)))
    for a, b, area, wkb in pairs:
        geometry = QgsGeometry()
        geometry.fromWkb(wkb)
        result.pairs.append(OverlapPair(a, b, ids.get(a), ids.get(b), area, geometry))
    _progress(feedback, 100.0)
    return result


def _box_threshold(layer: QgsVectorLayer, min_area: float) -> float:
    """Least bounding-box overlap (layer units²) of a pair sharing ``min_area`` m²."""
    from qgis.core import QgsUnitTypes

    crs = layer.crs()
    if not crs.isValid() or crs.isGeographic():
        return 0.0
    factor = QgsUnitTypes.fromUnitToUnitFactor(
        QgsUnitTypes.distanceToAreaUnit(crs.mapUnits()), QgsUnitTypes.AreaSquareMeters
    )
    return float(min_area) / factor if factor > 0 else 0.0


def _ids(layer: QgsVectorLayer, id_field: Optional[str], fids: Sequence[int]) -> Dict:
    """Id values read through QGIS (same types as the local engine's)."""
    if not id_field or not fids:
        return {}
    request = QgsFeatureRequest()
    request.setFilterFids(sorted(fids))
    request.setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes([id_field], layer.fields())
    result = {}
    for feature in layer.getFeatures(request):
        value = feature[id_field]
        if isinstance(value, QVariant) and value.isNull():
            value = None
        result[feature.id()] = value
    return result
