"""``validate_parcels`` as SQL in PostGIS, when parcels, projects and corridors share
one database and no DEM is given (a raster on the client is not "in the database").

Same findings as ``core.validation`` (rules, messages, areas, geometries, order):
the per-parcel attributes, message texts and the rule order come from
``core.validation`` itself; the geometry work (validity, dissolving approved
boundaries, intersections, differences, corridor buffers) runs on the server in
the validation's working CRS.  Overlaps come from ``core.overlaps.find_overlaps``,
which itself runs on the server for a PostGIS layer.  One transaction; quoted
identifiers; bound values.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Tuple

from qgis.core import QgsFeatureRequest, QgsFeedback, QgsGeometry, QgsVectorLayer, QgsWkbTypes

from ..translation import tr
from .area import AreaMeasurer
from .postgis import sql, transaction
from .postgis_compute import PgDatabase, PgTable, _geometry_in, _note, _relation


def _norm(column):
    """SQL twin of validation._text for text and numbers: trimmed text, NULL -> ''."""
    return sql().SQL("CASE WHEN {0} IS NULL OR btrim({0}::text) = 'NULL' THEN '' "
                     "ELSE btrim({0}::text) END").format(column)


def _geometry(wkb) -> QgsGeometry:
    geometry = QgsGeometry()
    if wkb is not None:
        geometry.fromWkb(bytes(wkb))
    return geometry


def validate_parcels_sql(database: PgDatabase, parcels: QgsVectorLayer,
                         projects: QgsVectorLayer, parcel_id_field: str, project_field: str,
                         project_id_field: str, excess_tolerance: float,
                         corridors: Optional[QgsVectorLayer], corridor_distance: float,
                         corridor_class_field: str, overlap_min_area: float,
                         feedback: Optional[QgsFeedback] = None):
    """Findings of ``validation.validate_parcels`` without DEM, computed by PostGIS."""
    from . import validation as v

    _note(feedback, database, tr("Parcel validation"))
    steps = v._Steps(feedback)
    parcel_table, project_table = database.tables[0], database.tables[1]
    corridor_table: Optional[PgTable] = database.tables[2] if corridors is not None else None
    work = v.working_crs(parcels.crs())
    srid = work.postgisSrid()
    measurer = AreaMeasurer(work)
    to_parcels = v._transform(work, parcels.crs())
    findings: List = []

    def emit(parcel, rule: str, message: str, geometry: QgsGeometry, area: float,
             related: Tuple[str, ...] = ()) -> None:
        output = v.polygonal(geometry)
        if to_parcels is not None:
            output.transform(to_parcels)
        findings.append(v.Finding(parcel.parcel_id, rule, v.compliance_label(rule),
                                  v.RULES[rule][1], message, area, output, parcel.fid,
                                  parcel.uuid, parcel.township, related))

    steps.phase(0, 10)
    parcels_by_fid = _read_parcels(parcels, parcel_id_field, project_field)
    module = sql()
    key = module.Identifier(parcel_table.key)
    column = module.Identifier(parcel_table.geometry)
    connection = database.connect()
    try:
        with transaction(connection, tr("validating parcels on the server"),
                         feedback) as cursor:
            steps.phase(10, 30)
            cursor.execute(module.SQL(
                "CREATE TEMPORARY TABLE xgswc_parcels ON COMMIT DROP AS "
                "SELECT s.{key} AS fid, {project} AS project, s.{col} AS g0, "
                "s.{col} IS NOT NULL AND NOT ST_IsEmpty(s.{col}) AND "
                "GeometryType(s.{col}) IN ('POLYGON', 'MULTIPOLYGON') AND ST_IsValid(s.{col}) AS ok, "
                "{work} AS g FROM {t} s").format(
                key=key, project=_norm(module.SQL("s.{}").format(
                    module.Identifier(project_field))),
                col=column, work=_geometry_in(parcel_table, srid), t=_relation(parcel_table)))
            cursor.execute("SET LOCAL jit = off")
            cursor.execute("UPDATE xgswc_parcels SET g = CASE WHEN ST_IsValid(g) THEN g ELSE "
                           "ST_CollectionExtract(ST_MakeValid(g), 3) END WHERE ok")
            cursor.execute("SELECT fid, ST_AsBinary(g0) FROM xgswc_parcels WHERE NOT ok")
            invalid = cursor.fetchall()
            cursor.execute("CREATE INDEX ON xgswc_parcels (project)")
            cursor.execute(module.SQL(
                "CREATE TEMPORARY TABLE xgswc_approved ON COMMIT DROP AS "
                "SELECT number, ST_Union(g) FILTER (WHERE g IS NOT NULL AND NOT ST_IsEmpty(g)) "
                "AS g FROM (SELECT {number} AS number, CASE WHEN x.g IS NULL OR ST_IsEmpty(x.g) "
                "OR ST_IsValid(x.g) THEN x.g ELSE ST_CollectionExtract(ST_MakeValid(x.g), 3) "
                "END AS g FROM {t} s CROSS JOIN LATERAL (SELECT {work} AS g) x) y "
                "WHERE number <> '' GROUP BY number").format(
                number=_norm(module.SQL("s.{}").format(module.Identifier(project_id_field))),
                t=_relation(project_table), work=_geometry_in(project_table, srid)))
            cursor.execute("CREATE INDEX ON xgswc_approved (number)")
            steps.phase(30, 60)
            cursor.execute(
                "SELECT p.fid, a.number IS NOT NULL, ST_Area(p.g), "
                " CASE WHEN a.g IS NULL OR ST_IsEmpty(a.g) OR NOT (p.g && a.g) THEN 0 "
                "  ELSE ST_Area(ST_Intersection(p.g, a.g)) END AS shared, "
                " NULL, ST_AsBinary(p.g) "
                "FROM xgswc_parcels p LEFT JOIN xgswc_approved a ON a.number = p.project "
                "WHERE p.ok ORDER BY p.fid")
            registration = [(int(fid), known, float(area), float(shared), outside, wkb)
                            for fid, known, area, shared, outside, wkb in cursor.fetchall()]
            # the outside parts: areas and shapes only where they matter
            cursor.execute(
                "WITH outside AS MATERIALIZED ("
                " SELECT p.fid, ST_Difference(p.g, a.g) AS d FROM xgswc_parcels p "
                " JOIN xgswc_approved a ON a.number = p.project "
                " WHERE p.ok AND a.g IS NOT NULL AND NOT ST_IsEmpty(a.g) AND p.g && a.g), "
                "measured AS MATERIALIZED (SELECT fid, d, ST_Area(d) AS area FROM outside) "
                "SELECT fid, area, ST_AsBinary(d) FROM measured WHERE area > %s",
                (float(excess_tolerance),))
            excess = {int(fid): (float(area), wkb) for fid, area, wkb in cursor.fetchall()}
            corridor_rows = []
            if corridor_table is not None:
                steps.phase(60, 75)
                corridor_rows = _corridors(cursor, corridor_table, corridors,
                                           corridor_class_field, corridor_distance, srid)
    finally:
        connection.close()

    for fid, wkb in invalid:
        parcel = parcels_by_fid[int(fid)]
        geometry = _geometry(wkb)
        reason = v._geometry_problem(geometry) or tr("invalid geometry")
        if not geometry.isNull() and geometry.type() == QgsWkbTypes.PolygonGeometry:
            geometry.convertToMultiType()
        findings.append(v.Finding(parcel.parcel_id, v.INVALID_GEOMETRY,
                                  v.compliance_label(v.INVALID_GEOMETRY),
                                  v.RULES[v.INVALID_GEOMETRY][1],
                                  tr("Geometry is {0}.").format(reason), 0.0,
                                  geometry, parcel.fid, parcel.uuid, parcel.township))
    valid = []
    for fid, known, area, shared, _, wkb in registration:
        parcel = parcels_by_fid[fid]
        parcel.area = area
        valid.append(parcel)
        if not parcel.project:
            emit(parcel, v.UNREGISTERED, tr("The parcel has no project number."),
                 _geometry(wkb), area)
        elif not known:
            emit(parcel, v.UNREGISTERED,
                 tr("Project {0} is not in the development database.").format(parcel.project),
                 _geometry(wkb), area)
        elif shared <= 0.0:
            emit(parcel, v.LOCATION_CHANGED,
                 tr("The parcel does not lie within the approved boundary of project {0}.")
                 .format(parcel.project), _geometry(wkb), area)
        elif fid in excess:
            part_area, part = excess[fid]
            emit(parcel, v.EXCEEDS_APPROVED,
                 tr("{0:.1f} m² lie outside the approved boundary of project {1}.")
                 .format(part_area, parcel.project), _geometry(part), part_area)

    steps.phase(75, 95)
    to_work = v._transform(parcels.crs(), work)
    v._check_overlaps(parcels, parcel_id_field, overlap_min_area, valid, to_work, measurer,
                      steps, emit)
    names = {"railway": tr("railway"), "expressway": tr("expressway"),
             "national": tr("national road"), "provincial": tr("provincial road"),
             "corridor": tr("protected corridor")}
    valid_fids = {parcel.fid for parcel in valid}
    for fid, kinds, area, wkb in corridor_rows:
        if fid not in valid_fids:
            continue
        if not v.corridor_applies(parcels_by_fid[fid].kflx, parcels_by_fid[fid].bhlx):
            continue  # issue 17: the rule is for new orchard development
        emit(parcels_by_fid[fid], v.CORRIDOR,
             tr("Within {0} m of a {1}.").format(corridor_distance, ", ".join(
                 sorted({names[kind] for kind in kinds}))), _geometry(wkb), area)
    steps.phase(100, 100)
    order = {rule: position for position, rule in enumerate(v.RULES)}
    findings.sort(key=lambda f: (order[f.rule], f.parcel_id, f.parcel_fid))
    return findings


def _read_parcels(parcels: QgsVectorLayer, id_field: str, project_field: str) -> Dict:
    """Parcel attributes through QGIS (same normalisation as the local engine)."""
    from . import validation as v

    names = parcels.fields().names()
    request = QgsFeatureRequest()
    request.setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes(
        [name for name in (id_field, project_field, "uuid", "xzqdm", "kflx", "bhlx")
         if name in names], parcels.fields())
    result = {}
    for feature in parcels.getFeatures(request):
        result[feature.id()] = v._Parcel(
            feature.id(), v._text(feature[id_field]) or "#{0}".format(feature.id()),
            v._text(feature[project_field]),
            v._text(feature["uuid"]) if "uuid" in names else "",
            v._text(feature["xzqdm"]) if "xzqdm" in names else "", QgsGeometry(), 0.0,
            v._text(feature["kflx"]) if "kflx" in names else "",
            v._text(feature["bhlx"]) if "bhlx" in names else "")
    return result


def _corridors(cursor, table: PgTable, layer: QgsVectorLayer, class_field: str,
               distance: float, srid: int) -> List[Tuple[int, List[str], float, bytes]]:
    """(parcel fid, corridor kinds, area, part WKB) of parcels near protected roads."""
    from . import validation as v

    module = sql()
    has_class = bool(class_field) and layer.fields().indexOf(class_field) >= 0
    lines = module.SQL("{} AS g").format(_geometry_in(table, srid))
    if has_class:
        cursor.execute(module.SQL("SELECT DISTINCT {} FROM {}").format(
            module.Identifier(class_field), _relation(table)))
        kinds = {}
        for (value,) in cursor.fetchall():
            kind = v.corridor_class(value)
            if kind is not None:
                kinds[value] = kind
        accepted = list(kinds)
        cursor.execute(module.SQL(
            "CREATE TEMPORARY TABLE xgswc_lines ON COMMIT DROP AS SELECT s.{c} AS c, {g} "
            "FROM {t} s WHERE s.{c} = ANY(%s) AND s.{col} IS NOT NULL AND NOT "
            "ST_IsEmpty(s.{col})").format(c=module.Identifier(class_field), g=lines,
                                          t=_relation(table),
                                          col=module.Identifier(table.geometry)),
            (accepted,))
    else:
        kinds = {None: "corridor"}
        cursor.execute(module.SQL(
            "CREATE TEMPORARY TABLE xgswc_lines ON COMMIT DROP AS SELECT NULL::text AS c, {g} "
            "FROM {t} s WHERE s.{col} IS NOT NULL AND NOT ST_IsEmpty(s.{col})").format(
            g=lines, t=_relation(table), col=module.Identifier(table.geometry)))
    cursor.execute("CREATE INDEX ON xgswc_lines USING gist (g)")
    cursor.execute(
        "SELECT fid, classes, ST_Area(part), ST_AsBinary(part) FROM ("
        " SELECT fid, classes, CASE WHEN ST_IsEmpty(cut) THEN g ELSE cut END AS part FROM ("
        "  SELECT p.fid, p.g, array_agg(l.c) AS classes, "
        "   ST_CollectionExtract(ST_Intersection(p.g, ST_Buffer(ST_UnaryUnion("
        "    ST_Collect(l.g)), %s, 'quad_segs=16')), 3) AS cut"
        "  FROM xgswc_parcels p JOIN xgswc_lines l ON p.ok AND ST_DWithin(p.g, l.g, %s)"
        "  GROUP BY p.fid, p.g) x) y ORDER BY fid", (float(distance), float(distance)))
    rows = []
    for fid, classes, area, wkb in cursor.fetchall():
        rows.append((int(fid), [kinds.get(c, "corridor") for c in classes], float(area),
                     bytes(wkb)))
    return rows
