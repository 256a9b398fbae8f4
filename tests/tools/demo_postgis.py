"""`make demo` step: the sample workspace in a shared PostGIS workspace.

Starts a throw-away PostgreSQL 15 + PostGIS server on loopback (tests/pg_server.py),
creates a PostGIS workspace, copies the sample into it, runs township statistics,
the conservation rate, the overlap check and the parcel validation on the server
and on the GeoPackage, then the whole inspection workflow on the PostGIS
workspace (import projects → validate → store findings → 查-认-改-罚 → re-run →
export), and writes it all to out/postgis/report.md.

The demo must not touch the user's QGIS authentication database, so it connects
with the throw-away server's password held in memory (``accept_password``); real
use goes through a QGIS connection and the authentication manager.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import List


def run(workspace: str, out: Path) -> List[str]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from pg_server import PgServer
    from qgis.core import QgsCoordinateReferenceSystem

    from xingguo_swc_plugin.core.overlaps import find_overlaps
    from xingguo_swc_plugin.core.stats import conservation_rate, township_area_stats
    from xingguo_swc_plugin.core.validation import validate_parcels
    from xingguo_swc_plugin.core.workspace.geopackage import open_workspace
    from xingguo_swc_plugin.core.workspace.postgis import PgTarget, create_postgis_workspace
    from xingguo_swc_plugin.core.workspace.postgis_load import load_geopackage

    folder = out / "postgis"
    folder.mkdir(parents=True, exist_ok=True)
    server = PgServer().start()
    try:
        target = PgTarget(
            uri="host={0} port={1} dbname={2} user={3} password={4}".format(
                server.host, server.port, server.database, server.superuser, server.password
            ),
            accept_password=True,
        )
        remote = create_postgis_workspace(
            target, "xingguo_swc", QgsCoordinateReferenceSystem("EPSG:4547")
        )
        counts = load_geopackage(workspace, remote)
        local = open_workspace(workspace)
        rows = [
            "# Sample workspace in PostGIS (synthetic geometry)",
            "",
            "Copied rows: " + ", ".join("%s %d" % item for item in counts.items()),
            "",
            "| computation | GeoPackage s | PostGIS s | agreement |",
            "|---|---|---|---|",
        ]

        def timed(function, *args, **kwargs):
            start = time.perf_counter()
            result = function(*args, **kwargs)
            return result, time.perf_counter() - start

        def both(name, function, args_of, compare):
            here, local_s = timed(function, *args_of(local))
            there, remote_s = timed(function, *args_of(remote))
            rows.append(
                "| %s | %.2f | %.2f | %s |" % (name, local_s, remote_s, compare(here, there))
            )

        def area_rows(a, b):
            worst = max(
                abs(x.area_m2 - y.area_m2) / max(abs(x.area_m2), 1e-9) for x, y in zip(a, b)
            )
            same = [(x.xzqdm, x.klass, x.feature_count) for x in a] == [
                (y.xzqdm, y.klass, y.feature_count) for y in b
            ]
            return "%d rows, counts %s, max relative area difference %.1e" % (
                len(a),
                "equal" if same else "DIFFER",
                worst,
            )

        both(
            "township statistics (parcels by kflx)",
            township_area_stats,
            lambda w: (w.layer("township"), "xzqdm", w.layer("parcel"), "kflx"),
            area_rows,
        )
        both(
            "conservation rate",
            conservation_rate,
            lambda w: (w.layer("township"), "xzqdm", w.layer("erosion")),
            lambda a, b: "county %.4f %% / %.4f %%" % (a[-1].rate_percent, b[-1].rate_percent),
        )
        both(
            "overlaps",
            find_overlaps,
            lambda w: (w.layer("parcel"), "tbbh"),
            lambda a, b: (
                "%d / %d pairs, %d / %d invalid, pairs %s"
                % (
                    len(a.pairs),
                    len(b.pairs),
                    len(a.invalid),
                    len(b.invalid),
                    "equal"
                    if [(p.fid_a, p.fid_b) for p in a.pairs]
                    == [(p.fid_a, p.fid_b) for p in b.pairs]
                    else "DIFFER",
                )
            ),
        )
        both(
            "parcel validation",
            validate_parcels,
            lambda w: (w.layer("parcel"), w.layer("dev_project")),
            lambda a, b: (
                "%d / %d findings, %s"
                % (
                    len(a),
                    len(b),
                    "equal"
                    if [(f.rule, f.parcel_id, f.message) for f in a]
                    == [(f.rule, f.parcel_id, f.message) for f in b]
                    else "DIFFER",
                )
            ),
        )
        rows.extend(inspection_workflow(remote, local, folder))
        report = folder / "report.md"
        report.write_text("\n".join(rows) + "\n", encoding="utf-8")
    finally:
        server.stop()
    return [
        "PostGIS workspace: sample copied (%d rows); comparison: %s"
        % (sum(counts.values()), report)
    ] + ["  " + row for row in rows[6:]]


def inspection_workflow(remote, local, folder: Path) -> List[str]:
    """The inspectors' workflow on the shared PostGIS workspace; report lines."""
    from xingguo_swc_plugin.core.devimport import import_projects
    from xingguo_swc_plugin.core.findings import (
        CLOSED,
        IDENTIFIED,
        PENALISED,
        RECTIFIED,
        check_unique_parcel_ids,
        export_findings,
        load_findings,
        set_status,
        store_findings,
    )
    from xingguo_swc_plugin.core.validation import parcel_ids, validate_parcels

    imported = import_projects(remote, local.layer("dev_project"), update_existing=True)
    parcels = remote.layer("parcel")
    check_unique_parcel_ids(parcels, "tbbh")
    findings = validate_parcels(parcels, remote.layer("dev_project"))
    stored = store_findings(remote, findings, parcels.crs(), parcel_ids(parcels, "tbbh"), "demo")
    first = load_findings(remote)[0]
    for status, who in (
        (IDENTIFIED, "李四"),
        (RECTIFIED, "王五"),
        (PENALISED, "赵六"),
        (CLOSED, "赵六"),
    ):
        set_status(remote, [first.fid], status, who, "demo")
    again = store_findings(
        remote,
        validate_parcels(parcels, remote.layer("dev_project")),
        parcels.crs(),
        parcel_ids(parcels, "tbbh"),
        "demo",
    )
    case = [row for row in load_findings(remote) if row.fid == first.fid][0]
    exported = export_findings(remote, str(folder / "findings_postgis.xlsx"))
    assert again.added == 0 and again.kept == stored.added + stored.kept, again
    assert case.status == CLOSED and len(case.history()) == 5, case
    return [
        "",
        "## Inspection workflow on the PostGIS workspace",
        "",
        "- import projects: %d updated, %d imported" % (imported.updated, imported.imported),
        "- validate + store: %d findings added" % stored.added,
        "- finding %s (%s): 待核查 → 已认定 → 已整改 → 已处罚 → 已销号, version %d"
        % (case.parcel_id, case.rule, case.version),
        "- re-run: %d added, %d kept with their case status" % (again.added, again.kept),
        "- export: %s" % exported,
    ]
