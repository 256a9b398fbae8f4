"""`make demo` step: the sample workspace in a shared PostGIS workspace.

Starts a throw-away PostgreSQL 15 + PostGIS server on loopback (tests/pg_server.py),
creates a PostGIS workspace, copies the sample into it, runs township statistics,
the conservation rate, the overlap check and the parcel validation on the server
and on the GeoPackage, and writes the comparison to out/postgis/report.md.

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
    from xingguo_swc_plugin.core.postgis import PgTarget, create_postgis_workspace
    from xingguo_swc_plugin.core.postgis_load import load_geopackage
    from xingguo_swc_plugin.core.stats import conservation_rate, township_area_stats
    from xingguo_swc_plugin.core.validation import validate_parcels
    from xingguo_swc_plugin.core.workspace import open_workspace

    folder = out / "postgis"
    folder.mkdir(parents=True, exist_ok=True)
    server = PgServer().start()
    try:
        target = PgTarget(uri="host={0} port={1} dbname={2} user={3} password={4}".format(
            server.host, server.port, server.database, server.superuser, server.password),
            accept_password=True)
        remote = create_postgis_workspace(target, "xingguo_swc",
                                          QgsCoordinateReferenceSystem("EPSG:4547"))
        counts = load_geopackage(workspace, remote)
        local = open_workspace(workspace)
        rows = ["# Sample workspace in PostGIS (synthetic geometry)", "",
                "Copied rows: " + ", ".join("%s %d" % item for item in counts.items()), "",
                "| computation | GeoPackage s | PostGIS s | agreement |", "|---|---|---|---|"]

        def timed(function, *args, **kwargs):
            start = time.perf_counter()
            result = function(*args, **kwargs)
            return result, time.perf_counter() - start

        def both(name, function, args_of, compare):
            here, local_s = timed(function, *args_of(local))
            there, remote_s = timed(function, *args_of(remote))
            rows.append("| %s | %.2f | %.2f | %s |" % (name, local_s, remote_s,
                                                       compare(here, there)))

        def area_rows(a, b):
            worst = max(abs(x.area_m2 - y.area_m2) / max(abs(x.area_m2), 1e-9)
                        for x, y in zip(a, b))
            same = [(x.xzqdm, x.klass, x.feature_count) for x in a] == \
                [(y.xzqdm, y.klass, y.feature_count) for y in b]
            return "%d rows, counts %s, max relative area difference %.1e" % (
                len(a), "equal" if same else "DIFFER", worst)

        both("township statistics (parcels by kflx)", township_area_stats,
             lambda w: (w.layer("township"), "xzqdm", w.layer("parcel"), "kflx"), area_rows)
        both("conservation rate", conservation_rate,
             lambda w: (w.layer("township"), "xzqdm", w.layer("erosion")),
             lambda a, b: "county %.4f %% / %.4f %%" % (a[-1].rate_percent,
                                                         b[-1].rate_percent))
        both("overlaps", find_overlaps, lambda w: (w.layer("parcel"), "tbbh"),
             lambda a, b: "%d / %d pairs, %d / %d invalid, pairs %s" % (
                 len(a.pairs), len(b.pairs), len(a.invalid), len(b.invalid),
                 "equal" if [(p.fid_a, p.fid_b) for p in a.pairs] ==
                 [(p.fid_a, p.fid_b) for p in b.pairs] else "DIFFER"))
        both("parcel validation", validate_parcels,
             lambda w: (w.layer("parcel"), w.layer("dev_project")),
             lambda a, b: "%d / %d findings, %s" % (
                 len(a), len(b), "equal" if [(f.rule, f.parcel_id, f.message) for f in a]
                 == [(f.rule, f.parcel_id, f.message) for f in b] else "DIFFER"))
        report = folder / "report.md"
        report.write_text("\n".join(rows) + "\n", encoding="utf-8")
    finally:
        server.stop()
    return ["PostGIS workspace: sample copied (%d rows); comparison: %s"
            % (sum(counts.values()), report)] + ["  " + row for row in rows[6:]]
