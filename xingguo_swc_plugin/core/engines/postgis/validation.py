"""``validate_parcels`` as SQL in PostGIS, when parcels, projects and corridors share
one database and no DEM is given (a raster on the client is not "in the database").

Same findings as ``core.validation`` (rules, messages, areas, geometries, order):
the per-parcel attributes come from ``core.validation_parcels``, the rules,
message texts and the rule order from ``core.rules``; the geometry work (validity, dissolving approved
boundaries, intersections, differences, corridor buffers) runs on the server in
the validation's working CRS.  Overlaps come from ``core.overlaps.find_overlaps``,
which itself runs on the server for a PostGIS layer.  One transaction; quoted
identifiers; bound values.
"""

from __future__ import annotations

from typing import List, Optional, Tuple

from qgis.core import QgsFeedback, QgsGeometry, QgsVectorLayer

from ....translation import tr
from ...area import AreaMeasurer
from ...geometry import geometry_problem, transform_between
from ...progress import Steps
from ...rules import (
    CORRIDOR,
    Findings,
    Registration,
    corridor_applies,
    corridor_class,
    corridor_message,
    registration_rule,
)
from ...validation_parcels import check_overlaps, read_parcel_facts
from ...workspace.postgis import sql, transaction
from ..local.zones import computation_crs
from .compute import PgDatabase, PgTable, geometry_in, relation


def _norm(column):
    """SQL twin of values.text for text and numbers: trimmed text, NULL -> ''."""
    return (
        sql()
        .SQL("CASE WHEN {0} IS NULL OR btrim({0}::text) = 'NULL' THEN '' ELSE btrim({0}::text) END")
        .format(column)
    )


def _geometry(wkb) -> QgsGeometry:
    geometry = QgsGeometry()
    if wkb is not None:
        geometry.fromWkb(bytes(wkb))
    return geometry


def validate_parcels_sql(
    database: PgDatabase,
    parcels: QgsVectorLayer,
    projects: QgsVectorLayer,
    parcel_id_field: str,
    project_field: str,
    project_id_field: str,
    excess_tolerance: float,
    corridors: Optional[QgsVectorLayer],
    corridor_distance: float,
    corridor_class_field: str,
    overlap_min_area: float,
    feedback: Optional[QgsFeedback] = None,
):
    """Findings of ``validation.validate_parcels`` without DEM, computed by PostGIS."""
    steps = Steps(feedback)
    parcel_table, project_table = database.tables[0], database.tables[1]
    corridor_table: Optional[PgTable] = database.tables[2] if corridors is not None else None
    work = computation_crs(parcels.crs())
    srid = work.postgisSrid()
    measurer = AreaMeasurer(work)
    findings = Findings(transform_between(work, parcels.crs()))

    steps.phase(0, 10)
    parcels_by_fid = read_parcel_facts(parcels, parcel_id_field, project_field)
    module = sql()
    key = module.Identifier(parcel_table.key)
    column = module.Identifier(parcel_table.geometry)
    connection = database.connect()
    try:
        with transaction(connection, tr("validating parcels on the server"), feedback) as cursor:
            steps.phase(10, 30)
            cursor.execute(
                module.SQL(
                    "CREATE TEMPORARY TABLE xgswc_parcels ON COMMIT DROP AS "
                    "SELECT s.{key} AS fid, {project} AS project, s.{col} AS g0, "
                    "s.{col} IS NOT NULL AND NOT ST_IsEmpty(s.{col}) AND "
                    "GeometryType(s.{col}) IN ('POLYGON', 'MULTIPOLYGON') AND ST_IsValid(s.{col}) AS ok, "
                    "{work} AS g FROM {t} s"
                ).format(
                    key=key,
                    project=_norm(module.SQL("s.{}").format(module.Identifier(project_field))),
                    col=column,
                    work=geometry_in(parcel_table, srid),
                    t=relation(parcel_table),
                )
            )
            cursor.execute("SET LOCAL jit = off")
            cursor.execute(
                "UPDATE xgswc_parcels SET g = CASE WHEN ST_IsValid(g) THEN g ELSE "
                "ST_CollectionExtract(ST_MakeValid(g), 3) END WHERE ok"
            )
            cursor.execute("SELECT fid, ST_AsBinary(g0) FROM xgswc_parcels WHERE NOT ok")
            invalid = cursor.fetchall()
            cursor.execute("CREATE INDEX ON xgswc_parcels (project)")
            cursor.execute(
                module.SQL(
                    "CREATE TEMPORARY TABLE xgswc_approved ON COMMIT DROP AS "
                    "SELECT number, ST_Union(g) FILTER (WHERE g IS NOT NULL AND NOT ST_IsEmpty(g)) "
                    "AS g FROM (SELECT {number} AS number, CASE WHEN x.g IS NULL OR ST_IsEmpty(x.g) "
                    "OR ST_IsValid(x.g) THEN x.g ELSE ST_CollectionExtract(ST_MakeValid(x.g), 3) "
                    "END AS g FROM {t} s CROSS JOIN LATERAL (SELECT {work} AS g) x) y "
                    "WHERE number <> '' GROUP BY number"
                ).format(
                    number=_norm(module.SQL("s.{}").format(module.Identifier(project_id_field))),
                    t=relation(project_table),
                    work=geometry_in(project_table, srid),
                )
            )
            cursor.execute("CREATE INDEX ON xgswc_approved (number)")
            steps.phase(30, 60)
            cursor.execute(
                "SELECT p.fid, a.number IS NOT NULL, ST_Area(p.g), "
                " CASE WHEN a.g IS NULL OR ST_IsEmpty(a.g) OR NOT (p.g && a.g) THEN 0 "
                "  ELSE ST_Area(ST_Intersection(p.g, a.g)) END AS shared, "
                " a.g IS NOT NULL AND NOT ST_IsEmpty(a.g), ST_AsBinary(p.g) "
                "FROM xgswc_parcels p LEFT JOIN xgswc_approved a ON a.number = p.project "
                "WHERE p.ok ORDER BY p.fid"
            )
            registration = [
                (int(fid), known, float(area), float(shared), bool(boundary), wkb)
                for fid, known, area, shared, boundary, wkb in cursor.fetchall()
            ]
            # the outside parts: areas and shapes only where they matter
            cursor.execute(
                "WITH outside AS MATERIALIZED ("
                " SELECT p.fid, ST_Difference(p.g, a.g) AS d FROM xgswc_parcels p "
                " JOIN xgswc_approved a ON a.number = p.project "
                " WHERE p.ok AND a.g IS NOT NULL AND NOT ST_IsEmpty(a.g) AND p.g && a.g), "
                "measured AS MATERIALIZED (SELECT fid, d, ST_Area(d) AS area FROM outside) "
                "SELECT fid, area, ST_AsBinary(d) FROM measured WHERE area > %s",
                (float(excess_tolerance),),
            )
            excess = {int(fid): (float(area), wkb) for fid, area, wkb in cursor.fetchall()}
            corridor_rows = []
            if corridor_table is not None:
                steps.phase(60, 75)
                corridor_rows = _corridors(
                    cursor, corridor_table, corridors, corridor_class_field, corridor_distance, srid
                )
    finally:
        connection.close()

    for fid, wkb in invalid:
        geometry = _geometry(wkb)
        findings.invalid(
            parcels_by_fid[int(fid)], geometry_problem(geometry) or tr("invalid geometry"), geometry
        )
    valid = []
    for fid, known, area, shared, boundary, wkb in registration:
        parcel = parcels_by_fid[fid]
        parcel.area = area
        valid.append(parcel)
        outside_m2, part = excess.get(fid, (0.0, None))
        facts = Registration(known, boundary, shared, outside_m2 if shared > 0.0 else 0.0)
        found = registration_rule(parcel, facts, excess_tolerance)
        if found is not None:
            rule, message, whole = found
            findings.emit(
                parcel,
                rule,
                message,
                _geometry(wkb if whole else part),
                area if whole else outside_m2,
            )

    steps.phase(75, 95)
    to_work = transform_between(parcels.crs(), work)
    check_overlaps(
        parcels, parcel_id_field, overlap_min_area, valid, to_work, measurer, steps, findings
    )
    valid_fids = {parcel.fid for parcel in valid}
    for fid, kinds, area, wkb in corridor_rows:
        if fid not in valid_fids:
            continue
        if not corridor_applies(parcels_by_fid[fid].kflx, parcels_by_fid[fid].bhlx):
            continue  # issue 17: the rule is for new orchard development
        findings.emit(
            parcels_by_fid[fid],
            CORRIDOR,
            corridor_message(corridor_distance, kinds),
            _geometry(wkb),
            area,
        )
    steps.phase(100, 100)
    return findings.sorted()


def _corridors(
    cursor, table: PgTable, layer: QgsVectorLayer, class_field: str, distance: float, srid: int
) -> List[Tuple[int, List[str], float, bytes]]:
    """(parcel fid, corridor kinds, area, part WKB) of parcels near protected roads."""
    module = sql()
    has_class = bool(class_field) and layer.fields().indexOf(class_field) >= 0
    lines = module.SQL("{} AS g").format(geometry_in(table, srid))
    if has_class:
        cursor.execute(
            module.SQL("SELECT DISTINCT {} FROM {}").format(
                module.Identifier(class_field), relation(table)
            )
        )
        kinds = {}
        for (value,) in cursor.fetchall():
            kind = corridor_class(value)
            if kind is not None:
                kinds[value] = kind
        accepted = list(kinds)
        cursor.execute(
            module.SQL(
                "CREATE TEMPORARY TABLE xgswc_lines ON COMMIT DROP AS SELECT s.{c} AS c, {g} "
                "FROM {t} s WHERE s.{c} = ANY(%s) AND s.{col} IS NOT NULL AND NOT "
                "ST_IsEmpty(s.{col})"
            ).format(
                c=module.Identifier(class_field),
                g=lines,
                t=relation(table),
                col=module.Identifier(table.geometry),
            ),
            (accepted,),
        )
    else:
        kinds = {None: "corridor"}
        cursor.execute(
            module.SQL(
                "CREATE TEMPORARY TABLE xgswc_lines ON COMMIT DROP AS SELECT NULL::text AS c, {g} "
                "FROM {t} s WHERE s.{col} IS NOT NULL AND NOT ST_IsEmpty(s.{col})"
            ).format(g=lines, t=relation(table), col=module.Identifier(table.geometry))
        )
    cursor.execute("CREATE INDEX ON xgswc_lines USING gist (g)")
    cursor.execute(
        "SELECT fid, classes, ST_Area(part), ST_AsBinary(part) FROM ("
        " SELECT fid, classes, CASE WHEN ST_IsEmpty(cut) THEN g ELSE cut END AS part FROM ("
        "  SELECT p.fid, p.g, array_agg(l.c) AS classes, "
        "   ST_CollectionExtract(ST_Intersection(p.g, ST_Buffer(ST_UnaryUnion("
        "    ST_Collect(l.g)), %s, 'quad_segs=16')), 3) AS cut"
        "  FROM xgswc_parcels p JOIN xgswc_lines l ON p.ok AND ST_DWithin(p.g, l.g, %s)"
        "  GROUP BY p.fid, p.g) x) y ORDER BY fid",
        (float(distance), float(distance)),
    )
    rows = []
    for fid, classes, area, wkb in cursor.fetchall():
        rows.append(
            (int(fid), [kinds.get(c, "corridor") for c in classes], float(area), bytes(wkb))
        )
    return rows
