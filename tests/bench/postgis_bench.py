"""`make bench` part for issue 8: township statistics computed by PostGIS.

For each bench county (``county_N.gpkg`` of ``generate.py``) the townships and
parcels are copied (ogr2ogr) into a throw-away PostgreSQL 15 + PostGIS server
(``tests/pg_server.py``), then ``core.stats.township_area_stats`` runs on the
PostGIS layers in a fresh QGIS process: it dispatches to
``core.engines.postgis.compute.township_area_stats_sql`` (the same call users make).
Time = from opening the layers to the result, as for the local engine; the
result must agree with the local engine's row of the same size.

Usage from bench.py: ``rows = postgis_bench.run(out, sizes, results)`` and
``postgis_bench.markdown(rows)``.  Standalone: ``postgis_bench.py OUT SIZES``.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import List

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
QGIS_PYTHON = "/usr/bin/python3"


def _load(server, gpkg: Path, schema: str) -> float:
    """Copy township and parcel into ``schema`` (ogr2ogr; password in the environment)."""
    with server.connect() as connection, connection.cursor() as cursor:
        cursor.execute('DROP SCHEMA IF EXISTS "{0}" CASCADE; CREATE SCHEMA "{0}"'.format(schema))
    start = time.perf_counter()
    env = dict(os.environ, PGPASSWORD=server.password)
    destination = "PG:host={0} port={1} user={2} dbname={3}".format(
        server.host, server.port, server.superuser, server.database
    )
    subprocess.run(
        [
            "ogr2ogr",
            "-f",
            "PostgreSQL",
            destination,
            str(gpkg),
            "township",
            "parcel",
            "-lco",
            "SCHEMA=" + schema,
            "-lco",
            "GEOMETRY_NAME=geom",
            "-lco",
            "FID=fid",
            "-nlt",
            "PROMOTE_TO_MULTI",
            "-lco",
            "SPATIAL_INDEX=GIST",
            "--config",
            "PG_USE_COPY",
            "YES",
        ],
        check=True,
        env=env,
        capture_output=True,
    )
    with server.connect() as connection, connection.cursor() as cursor:
        cursor.execute('ANALYZE "{0}".parcel; ANALYZE "{0}".township'.format(schema))
    return time.perf_counter() - start


def run(out: Path, sizes: List[int], results: List[dict]) -> List[dict]:
    """Server-side stats per size; ``results`` holds the local rows to compare with."""
    sys.path.insert(0, str(REPO / "tests"))
    from pg_server import PgServer

    rows = []
    try:
        server = PgServer().start()
    except Exception as error:  # the local bench stays valid; say why this part is missing
        print("  PostGIS part not run: %s" % error, flush=True)
        return [{"size": 0, "task": "stats-postgis", "error": str(error)}]
    try:
        for size in sizes:
            gpkg = out / ("county_%d.gpkg" % size)
            if not gpkg.exists():
                continue
            schema = "bench_%d" % size
            row = {
                "size": size,
                "task": "stats-postgis",
                "load_seconds": _load(server, gpkg, schema),
            }
            target = out / ("_stats_%d_postgis.json" % size)
            if target.exists():
                target.unlink()
            uri = "host={0} port={1} dbname={2} user={3} password={4}".format(
                server.host, server.port, server.database, server.superuser, server.password
            )
            started = time.perf_counter()
            done = subprocess.run(
                [QGIS_PYTHON, __file__, "worker", uri, schema, str(target)],
                capture_output=True,
                text=True,
                env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
            )
            row["process_seconds"] = time.perf_counter() - started
            if done.returncode != 0 or not target.exists():
                row["server"] = {"error": (done.stderr or done.stdout)[-2000:]}
            else:
                row["server"] = json.loads(target.read_text())
            local = next(
                (
                    r["plugin"]
                    for r in results
                    if r.get("size") == size and r.get("task") == "stats"
                ),
                {},
            )
            row["local"] = local
            row["agree"] = _agreement(row["server"], local)
            print(
                "  stats    PostGIS    %s s (load %.1f s); %s"
                % (
                    "%.2f" % row["server"]["seconds"] if "seconds" in row["server"] else "error",
                    row["load_seconds"],
                    row["agree"],
                ),
                flush=True,
            )
            rows.append(row)
    finally:
        server.stop()
    return rows


def _agreement(server: dict, local: dict) -> str:
    if "seconds" not in server:
        return "n/a (server error)"
    if "inside_area_m2" not in local:
        return "local run missing"
    relative = abs(server["inside_area_m2"] - local["inside_area_m2"]) / max(
        local["inside_area_m2"], 1e-9
    )
    counts = (
        "equal"
        if server["county_count"] == local["county_count"]
        else "%d vs %d" % (server["county_count"], local["county_count"])
    )
    return "area vs local %.1e, counts %s" % (relative, counts)


def markdown(rows: List[dict]) -> str:
    if not rows:
        return ""
    lines = [
        "## Server-side township statistics (PostGIS 3, PostgreSQL 15, same machine)",
        "",
        "| parcels | PostGIS s | local plugin s | PostGIS/local | load into PostGIS s "
        "| peak MB client | check |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        if "error" in row:
            lines.append("| - | not run: %s | | | | | |" % row["error"].splitlines()[0])
            continue
        server, local = row["server"], row["local"]
        seconds = server.get("seconds")
        ratio = "%.2f" % (seconds / local["seconds"]) if seconds and local.get("seconds") else "-"
        lines.append(
            "| %d | %s | %s | %s | %.1f | %s | %s |"
            % (
                row["size"],
                "%.2f" % seconds if seconds else "error",
                "%.2f" % local["seconds"] if "seconds" in local else "-",
                ratio,
                row["load_seconds"],
                "%.0f" % server.get("maxrss_mb", 0),
                row["agree"],
            )
        )
    lines += [
        "",
        "The client only reads 25 townships and receives one row per township "
        "and class; the server does the intersections.",
        "",
    ]
    return "\n".join(lines)


def _worker(uri: str, schema: str, target: str) -> None:
    """In a fresh QGIS process: township_area_stats on the PostGIS layers."""
    sys.path.insert(0, str(REPO))
    from qgis.core import QgsApplication, QgsDataSourceUri, QgsVectorLayer

    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    from xingguo_swc_plugin.core.engines.postgis.compute import same_postgis_database
    from xingguo_swc_plugin.core.stats import township_area_stats

    def layer(table):
        source = QgsDataSourceUri(uri)
        source.setDataSource(schema, table, "geom", "", "fid")
        result = QgsVectorLayer(source.uri(False), table, "postgres")
        assert result.isValid(), table
        return result

    start = time.perf_counter()
    towns, parcels = layer("township"), layer("parcel")
    if same_postgis_database(towns, parcels) is None:
        raise SystemExit("the layers do not qualify for server-side computation")
    rows = township_area_stats(towns, "xzqdm", parcels, "kflx")
    seconds = time.perf_counter() - start
    county = [r for r in rows if r.xzqdm == "360732"]
    Path(target).write_text(
        json.dumps(
            {
                "seconds": seconds,
                "inside_area_m2": sum(r.area_m2 for r in county),
                "county_count": sum(r.feature_count for r in county),
                "repaired": rows.invalid_repaired,
                "rows": len(rows),
                "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
            }
        )
    )
    app.exitQgis()


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "worker":
        _worker(*sys.argv[2:5])
    else:
        folder = Path(sys.argv[1] if len(sys.argv) > 1 else "out/bench")
        chosen = [int(s) for s in (sys.argv[2] if len(sys.argv) > 2 else "10000").split(",")]
        previous = folder / "bench.json"
        local_rows = json.loads(previous.read_text()) if previous.exists() else []
        found = run(folder, chosen, local_rows)
        print(markdown(found))
