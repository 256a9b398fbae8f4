"""Independent computation of ``parcelchange`` with geopandas >= 1.0 / shapely 2
(overlay), run ONLY in the bench venv (``peerenv.py``), never inside QGIS.

Usage: peer_change.py OLD.gpkg NEW.gpkg OUT.json [--id tbbh] [--min-area 50]
The definitions are those of the plugin's ``core/parcelchange.py`` docstring,
written again from scratch: shared areas from overlay(intersection), added and
lost areas from overlay(difference), greedy one-to-one matching on the shared
area (ties by old, then new feature id).  Writes {"seconds", "maxrss_mb",
"new": {new_id: [change, old_id, area_old, area_new, added, match]},
"gone": [old_id, ...]}.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from peer_geopandas import _read, _repair  # noqa: E402

TOUCH_M2 = 1e-6


def main(argv) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("out")
    parser.add_argument("--id", default="tbbh")
    parser.add_argument("--layer", default="parcel")
    parser.add_argument("--min-area", type=float, default=50.0)
    args = parser.parse_args(argv)
    import geopandas as gpd

    start = time.perf_counter()
    old, _ = _repair(_read(args.old, args.layer, [args.id]))
    new, _ = _repair(_read(args.new, args.layer, [args.id]))
    old = old.rename(columns={args.id: "old_id"})
    new = new.rename(columns={args.id: "new_id"})
    old["oi"] = old.index.values
    new["ni"] = new.index.values
    old_area = dict(zip(old["oi"], old.geometry.area))
    new_area = dict(zip(new["ni"], new.geometry.area))
    inter = gpd.overlay(
        old[["oi", "geometry"]], new[["ni", "geometry"]], how="intersection", keep_geom_type=True
    )
    inter["shared"] = inter.geometry.area
    inter = inter[inter["shared"] > TOUCH_M2]
    added = dict(new_area)
    for ni in set(inter["ni"]):
        added[ni] = 0.0
    diff = gpd.overlay(new[["ni", "geometry"]], old[["oi", "geometry"]], how="difference")
    touched = set(inter["ni"])
    for ni, area in zip(diff["ni"], diff.geometry.area):
        if ni in touched:
            added[ni] = area
    lost = dict(old_area)
    touched_old = set(inter["oi"])
    for oi in touched_old:
        lost[oi] = 0.0
    diff_old = gpd.overlay(old[["oi", "geometry"]], new[["ni", "geometry"]], how="difference")
    for oi, area in zip(diff_old["oi"], diff_old.geometry.area):
        if oi in touched_old:
            lost[oi] = area
    links = inter[inter["shared"] >= args.min_area]
    links = links.sort_values(["shared", "oi", "ni"], ascending=[False, True, True])
    primary_old, primary_new = {}, {}
    olds_of, news_of = defaultdict(list), defaultdict(list)
    for oi, ni, shared in zip(links["oi"], links["ni"], links["shared"]):
        olds_of[ni].append((shared, oi))
        news_of[oi].append(ni)
        if oi not in primary_new and ni not in primary_old:
            primary_new[oi], primary_old[ni] = ni, oi
    old_ids = dict(zip(old["oi"], old["old_id"]))
    result = {}
    for ni, name in zip(new["ni"], new["new_id"]):
        group = [oi for _, oi in olds_of.get(ni, [])]
        if not group:
            result[name] = ["新增", None, 0.0, new_area[ni], added[ni], ""]
            continue
        prim = primary_old.get(ni)
        if prim is None:
            prim = max(olds_of[ni])[1]
        split = any(len(news_of[oi]) > 1 for oi in group)
        merge = len(group) > 1
        match = (
            "分割合并" if split and merge else "分割" if split else "合并" if merge else "一对一"
        )
        if added[ni] > args.min_area:
            change = "扩大"
        elif sum(lost[oi] for oi in group) > args.min_area:
            change = "缩小"
        else:
            change = "不变"
        result[name] = [
            change,
            old_ids[prim],
            sum(old_area[oi] for oi in group),
            new_area[ni],
            added[ni],
            match,
        ]
    gone = sorted(old_ids[oi] for oi in old["oi"] if oi not in news_of)
    seconds = time.perf_counter() - start
    Path(args.out).write_text(
        json.dumps(
            {
                "seconds": seconds,
                "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
                "new": result,
                "gone": gone,
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
