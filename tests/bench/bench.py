"""`make bench`: township statistics and the overlap check against their peers.

For counties of 10k, 100k and 1M generated parcels (``generate.py``; synthetic
geometry) and in the same run, on the same GeoPackage, each in its own process:
this plugin (``core.stats`` / ``core.overlaps``), geopandas >= 1.0 with shapely 2
(overlay + groupby, sjoin + intersection; venv made by ``peerenv.py``) and the
QGIS native pipeline (fixgeometries + intersection + summing; self-intersection
for overlaps).  Prints every time, peak RSS and ratio, checks that the results
agree, and writes ``bench.md`` / ``bench.json`` to the output folder.

At 1M, QGIS native is skipped when its predicted time (from the previous size,
×10) exceeds the cap (``--native-cap`` seconds, default 900), or stopped at the
cap; the table says so and the speed-up is then taken at 100k.
Then the findings part (``findings_bench.py``): 30k findings opened, 1/50/1000
statuses changed and saved.
Sizes: ``--sizes 10000,100000``, or BENCH_SIZES / XGSWC_BENCH_SIZES
(``BENCH_SIZES=10000,100000 make bench``).  Never part of `make test`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
import peerenv  # noqa: E402

QGIS_PYTHON = "/usr/bin/python3"
GENERATOR_VERSION = "3"


def _run(command, out: Path, timeout: float) -> dict:
    if out.exists():
        out.unlink()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    start = time.perf_counter()
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, env=env, check=False
        )
    except subprocess.TimeoutExpired:
        return {"skipped": "timeout after %.0f s" % timeout, "at_least_seconds": timeout}
    if done.returncode != 0 or not out.exists():
        return {"error": (done.stderr or done.stdout)[-2000:]}
    result = json.loads(out.read_text())
    result["process_seconds"] = time.perf_counter() - start
    return result


def _county(folder: Path, size: int) -> Path:
    path = folder / ("county_%d.gpkg" % size)
    stamp = path.with_suffix(".json")
    if (
        path.exists()
        and stamp.exists()
        and json.loads(stamp.read_text()).get("version") == GENERATOR_VERSION
    ):
        return path
    start = time.perf_counter()
    facts = generate.generate(str(path), size, seed=20220101)
    facts["version"] = GENERATOR_VERSION
    facts["seconds"] = time.perf_counter() - start
    stamp.write_text(json.dumps(facts))
    print("  generated %s in %.1f s: %s" % (path.name, facts["seconds"], facts), flush=True)
    return path


def _fmt(result: dict, key: str = "seconds") -> str:
    if "skipped" in result:
        return "skipped (%s)" % result["skipped"]
    if "error" in result:
        return "error"
    return "%.2f" % result[key]


def main(argv) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default="out/bench")
    parser.add_argument(
        "--sizes",
        default=os.environ.get("BENCH_SIZES")
        or os.environ.get("XGSWC_BENCH_SIZES", "10000,100000,1000000"),
    )
    parser.add_argument("--native-cap", type=float, default=900.0)
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    venv_python = str(peerenv.venv_python())
    results = []
    native_last = {"stats": None, "overlaps": None}
    for size in sizes:
        print("== %d parcels" % size, flush=True)
        gpkg = _county(out, size)
        facts = json.loads(gpkg.with_suffix(".json").read_text())
        for task in ("stats", "overlaps"):
            row = {"size": size, "task": task, "county_km2": facts["county_area_km2"]}
            tmp = out / ("_%s_%d" % (task, size))
            row["plugin"] = _run(
                [
                    QGIS_PYTHON,
                    str(HERE / "worker.py"),
                    "plugin-" + task,
                    str(gpkg),
                    str(tmp) + "_plugin.json",
                ],
                Path(str(tmp) + "_plugin.json"),
                7200,
            )
            print("  %-8s plugin     %s s" % (task, _fmt(row["plugin"])), flush=True)
            peer_args = ["--class", "kflx"] if task == "stats" else ["--id", "tbbh"]
            row["geopandas"] = _run(
                [
                    venv_python,
                    str(HERE / "peer_geopandas.py"),
                    task,
                    str(gpkg),
                    str(tmp) + "_gpd.json",
                    *peer_args,
                ],
                Path(str(tmp) + "_gpd.json"),
                7200,
            )
            print("  %-8s geopandas  %s s" % (task, _fmt(row["geopandas"])), flush=True)
            last = native_last[task]
            predicted = last[1] * size / last[0] if last else 0.0
            capped = size >= max(sizes) and size >= 1_000_000  # the cap is for 1M only
            if capped and predicted > args.native_cap:
                row["native"] = {
                    "skipped": "predicted %.0f s > cap %.0f s" % (predicted, args.native_cap)
                }
            else:
                row["native"] = _run(
                    [
                        QGIS_PYTHON,
                        str(HERE / "worker.py"),
                        "native-" + task,
                        str(gpkg),
                        str(tmp) + "_native.json",
                    ],
                    Path(str(tmp) + "_native.json"),
                    max(args.native_cap, 60.0) if capped else 7200,
                )
                if "seconds" in row["native"]:
                    native_last[task] = (size, row["native"]["seconds"])
                elif "at_least_seconds" in row["native"]:
                    native_last[task] = (size, row["native"]["at_least_seconds"])
            print("  %-8s QGIS native %s s" % (task, _fmt(row["native"])), flush=True)
            row["agree"] = _agreement(task, row)
            print("  %-8s results agree: %s" % (task, row["agree"]), flush=True)
            results.append(row)
    (out / "bench.json").write_text(json.dumps(results, indent=1, default=str))
    table = _markdown(results)
    # -- issue 8: server-side township statistics in PostGIS, beside the local engine --
    import postgis_bench  # noqa: E402  (tests/bench/postgis_bench.py)

    server_rows = postgis_bench.run(out, [s for s in sizes if s <= 100_000], results)
    (out / "bench_postgis.json").write_text(json.dumps(server_rows, indent=1, default=str))
    table += "\n" + postgis_bench.markdown(server_rows)
    # -- end of issue 8 section --
    # -- issue 15: findings at scale (open 30k, change 1/50/1000 statuses, save) --
    import findings_bench  # noqa: E402  (tests/bench/findings_bench.py)

    findings_out = out / "bench_findings.json"
    findings_row = _run(
        [QGIS_PYTHON, str(HERE / "findings_bench.py"), str(findings_out)], findings_out, 1800
    )
    table += findings_bench.markdown(findings_row)
    # -- issue 17: change between two deliveries against a geopandas overlay --
    import change_bench  # noqa: E402  (tests/bench/change_bench.py)

    change_rows = change_bench.run(out, sizes, _run, venv_python, _fmt)
    (out / "bench_change.json").write_text(json.dumps(change_rows, indent=1, default=str))
    table += "\n" + change_bench.markdown(change_rows)
    # -- end of issue 17 section --
    (out / "bench.md").write_text(table)
    print(table)
    return 0


def _agreement(task: str, row: dict) -> str:
    plugin, peer, native = row["plugin"], row["geopandas"], row["native"]
    if "seconds" not in plugin or "seconds" not in peer:
        return "n/a"
    notes = []
    if task == "stats":
        mine = plugin["inside_area_m2"]
        theirs = sum(r["area_m2"] for r in peer["rows"] if r["xzqdm"] == "360732")
        notes.append("area vs geopandas %.1e" % (abs(mine - theirs) / theirs))
        if "seconds" in native:
            notes.append("vs native %.1e" % (abs(mine - native["inside_area_m2"]) / mine))
        count = sum(r["feature_count"] for r in peer["rows"] if r["xzqdm"] == "360732")
        notes.append(
            "counts %s"
            % (
                "equal"
                if count == plugin["county_count"]
                else "%d vs %d" % (plugin["county_count"], count)
            )
        )
    else:
        notes.append("pairs %d / geopandas %d" % (plugin["pairs"], len(peer["pairs"])))
        if "seconds" in native:
            notes.append("native %d" % native["pairs"])
        notes.append("invalid %d / %d" % (plugin["invalid"], len(peer["invalid"])))
    return ", ".join(notes)


def _ratio(a: dict, b: dict, key: str) -> str:
    if key in a and key in b and b[key]:
        return "%.2f" % (a[key] / b[key])
    return "-"


def _native_ratio(native: dict, plugin: dict) -> str:
    """native/plugin; a native run stopped at the cap gives a lower bound."""
    if "seconds" in native:
        return _ratio(native, plugin, "seconds")
    if "at_least_seconds" in native and "seconds" in plugin:
        return ">= %.1f" % (native["at_least_seconds"] / plugin["seconds"])
    return "-"


def _markdown(results) -> str:
    lines = [
        "# Bench: township statistics and overlap check",
        "",
        "Machine: %s, %d CPUs; %s. Synthetic counties (generate.py); times from opening "
        "the data to the result, each run in its own process; peak = max RSS of that "
        "process." % (platform.platform(), os.cpu_count() or 0, time.strftime("%Y-%m-%d")),
        "",
        "| parcels | task | plugin s | geopandas s | QGIS native s | plugin/geopandas "
        "| native/plugin | peak MB plugin | peak MB geopandas | peak MB native "
        "| memory plugin/geopandas | check |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in results:
        p, g, n = row["plugin"], row["geopandas"], row["native"]
        lines.append(
            "| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |"
            % (
                row["size"],
                row["task"],
                _fmt(p),
                _fmt(g),
                _fmt(n),
                _ratio(p, g, "seconds"),
                _native_ratio(n, p),
                _fmt(p, "maxrss_mb") if "maxrss_mb" in p else "-",
                _fmt(g, "maxrss_mb") if "maxrss_mb" in g else "-",
                _fmt(n, "maxrss_mb") if "maxrss_mb" in n else "-",
                _ratio(p, g, "maxrss_mb"),
                row["agree"],
            )
        )
    lines += [
        "",
        "Goals: plugin/geopandas <= 1.0 at 100k and 1M; native/plugin >= 20; "
        "memory plugin/geopandas <= 2. A skipped QGIS native run is compared at the "
        "largest size where it ran.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
