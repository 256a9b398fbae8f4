"""`make bench`, issue 17: ``parcelchange`` against a geopandas overlay on the same
two generated deliveries (``generate_change.py``), each in its own process.

Sizes: those of the bench up to 100k (geopandas overlay of two 1M layers needs
more memory than the bench machine has); ``BENCH_CHANGE_SIZES`` overrides.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate_change  # noqa: E402


def run(out: Path, sizes, run_process, venv_python: str, fmt) -> list:
    """Rows {size, plugin, geopandas, agree}; ``run_process`` is bench._run."""
    wanted = os.environ.get("BENCH_CHANGE_SIZES")
    sizes = [int(s) for s in wanted.split(",")] if wanted else [s for s in sizes if s <= 100_000]
    rows = []
    for size in sizes:
        old, new, facts = generate_change.deliveries(out, size, seed=20220101)
        tmp = out / ("_change_%d" % size)
        row = {"size": size, "facts": facts}
        row["plugin"] = run_process(
            [
                "/usr/bin/python3",
                str(HERE / "worker.py"),
                "plugin-change",
                "%s,%s" % (old, new),
                str(tmp) + "_plugin.json",
            ],
            Path(str(tmp) + "_plugin.json"),
            7200,
        )
        print("  change   plugin     %s s" % fmt(row["plugin"]), flush=True)
        row["geopandas"] = run_process(
            [
                venv_python,
                str(HERE / "peer_change.py"),
                str(old),
                str(new),
                str(tmp) + "_gpd.json",
                "--min-area",
                "50",
            ],
            Path(str(tmp) + "_gpd.json"),
            7200,
        )
        print("  change   geopandas  %s s" % fmt(row["geopandas"]), flush=True)
        row["agree"] = _agreement(row)
        print("  change   results agree: %s" % row["agree"], flush=True)
        rows.append(row)
    return rows


def _agreement(row: dict) -> str:
    plugin, peer = row["plugin"], row["geopandas"]
    if "seconds" not in plugin or "seconds" not in peer:
        return "n/a"
    counts = {}
    for change in [v[0] for v in peer["new"].values()]:
        counts[change] = counts.get(change, 0) + 1
    counts["消失"] = len(peer["gone"])
    same = all(plugin["counts"].get(k, 0) == v for k, v in counts.items())
    added = sum(v[4] for v in peer["new"].values())
    return "counts %s, added area %.1e" % (
        "equal" if same else "%s vs %s" % (plugin["counts"], counts),
        abs(plugin["added_m2"] - added) / max(added, 1.0),
    )


def markdown(rows) -> str:
    lines = [
        "## Change between two deliveries (parcelchange)",
        "",
        "| parcels per year | plugin s | geopandas overlay s | plugin/geopandas "
        "| peak MB plugin | peak MB geopandas | classes (plugin) | check |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        p, g = row["plugin"], row["geopandas"]
        ratio = "%.2f" % (p["seconds"] / g["seconds"]) if "seconds" in p and "seconds" in g else "-"
        lines.append(
            "| %d | %s | %s | %s | %s | %s | %s | %s |"
            % (
                row["size"],
                "%.2f" % p["seconds"] if "seconds" in p else "error",
                "%.2f" % g["seconds"] if "seconds" in g else "error",
                ratio,
                "%.0f" % p.get("maxrss_mb", 0),
                "%.0f" % g.get("maxrss_mb", 0),
                json.dumps(p.get("counts", {}), ensure_ascii=False),
                row["agree"],
            )
        )
    lines += ["", "Goal: 100k parcels per year well under a minute; plugin/geopandas <= 1.", ""]
    return "\n".join(lines)
