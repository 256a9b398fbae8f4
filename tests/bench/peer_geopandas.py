"""The independent computation and the geopandas peer (geopandas >= 1.0, shapely >= 2).

Runs ONLY in the bench venv (``tests/bench/venv.py``), never inside QGIS.
Usage: peer_geopandas.py MODE GPKG OUT.json [options]
  stats     --townships township --field xzqdm --layer parcel [--class kflx] [--crs EPSG]
  rate      --townships township --field xzqdm --layer erosion --grade qsqd
  overlaps  --layer parcel [--id tbbh] [--min-area 0.01]
Writes JSON {"seconds": wall time from reading to result, "maxrss_mb": peak RSS,
"rows"/"pairs"/"invalid": the result}.  ``--crs`` reprojects the input layer
(the mixed-CRS check); areas are planimetric in EPSG:4547 as the plugin's.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

COUNTY = "360732"


def _read(path: str, layer: str, columns=None):
    try:
        return gpd.read_file(
            path, layer=layer, columns=columns, engine="pyogrio", use_arrow=True, fid_as_index=True
        )
    except Exception:  # pyarrow missing: plain pyogrio
        return gpd.read_file(
            path, layer=layer, columns=columns, engine="pyogrio", fid_as_index=True
        )


def _polygonal(geometry):
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    parts = [p for p in shapely.get_parts(geometry) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def _repair(frame):
    """make_valid the invalid geometries (polygonal part), as the plugin does."""
    invalid = ~frame.geometry.is_valid
    count = int(invalid.sum())
    if count:
        fixed = [_polygonal(g) for g in shapely.make_valid(frame.geometry[invalid].values)]
        frame.loc[invalid, "geometry"] = gpd.GeoSeries(
            fixed, index=frame.index[invalid], crs=frame.crs
        )
    return frame, count


def stats(args) -> dict:
    towns = _read(args.gpkg, args.townships, [args.field, "xzqmc"])
    columns = [args.klass] if args.klass else []
    parcels = _read(args.gpkg, args.layer, columns)
    if args.crs:
        parcels = parcels.to_crs(args.crs).to_crs(towns.crs)
    parcels, repaired = _repair(parcels)
    parcels["_pid"] = parcels.index.values
    parcels["_total"] = parcels.geometry.area
    pieces = gpd.overlay(parcels, towns, how="intersection", keep_geom_type=True)
    pieces["area_m2"] = pieces.geometry.area
    pieces = pieces[pieces["area_m2"] > 0]
    key = [args.field] + ([args.klass] if args.klass else [])
    grouped = (
        pieces.groupby(key)
        .agg(area_m2=("area_m2", "sum"), feature_count=("_pid", "nunique"))
        .reset_index()
    )
    county_key = [args.klass] if args.klass else []
    if county_key:
        county = (
            pieces.groupby(county_key)
            .agg(area_m2=("area_m2", "sum"), feature_count=("_pid", "nunique"))
            .reset_index()
        )
    else:
        county = pd.DataFrame(
            {"area_m2": [pieces["area_m2"].sum()], "feature_count": [pieces["_pid"].nunique()]}
        )
    county[args.field] = COUNTY
    rows = pd.concat([grouped, county], ignore_index=True)
    out = []
    for record in rows.to_dict("records"):
        out.append(
            {
                "xzqdm": str(record[args.field]),
                "class": str(record[args.klass]) if args.klass else "",
                "feature_count": int(record["feature_count"]),
                "area_m2": float(record["area_m2"]),
            }
        )
    return {"rows": out, "repaired": repaired, "input_area_m2": float(parcels["_total"].sum())}


def rate(args) -> dict:
    towns = _read(args.gpkg, args.townships, [args.field])
    erosion = _read(args.gpkg, args.layer, [args.grade])
    erosion, _ = _repair(erosion)
    eroded = erosion[erosion[args.grade].astype(int) >= 2]
    union = gpd.GeoDataFrame(geometry=[shapely.union_all(eroded.geometry.values)], crs=erosion.crs)
    pieces = gpd.overlay(towns, union, how="intersection", keep_geom_type=True)
    eroded_area = pieces.assign(a=pieces.geometry.area).groupby(args.field)["a"].sum()
    out = []
    land_total = eroded_total = 0.0
    for code, geometry in zip(towns[args.field], towns.geometry):
        land = float(geometry.area)
        value = float(eroded_area.get(code, 0.0))
        land_total += land
        eroded_total += value
        out.append(
            {
                "xzqdm": str(code),
                "land_area_m2": land,
                "erosion_area_m2": value,
                "rate_percent": (land - value) / land * 100.0,
            }
        )
    out.append(
        {
            "xzqdm": COUNTY,
            "land_area_m2": land_total,
            "erosion_area_m2": eroded_total,
            "rate_percent": (land_total - eroded_total) / land_total * 100.0,
        }
    )
    return {"rows": out}


def overlaps(args) -> dict:
    columns = [args.id] if args.id else []
    frame = _read(args.gpkg, args.layer, columns)
    valid = frame.geometry.is_valid & ~frame.geometry.is_empty
    invalid = [int(i) for i in frame.index[~valid]]
    frame = frame[valid]
    left, right = frame.sindex.query(frame.geometry.values, predicate="intersects")
    keep = left < right
    left, right = left[keep], right[keep]
    shared = shapely.intersection(frame.geometry.values[left], frame.geometry.values[right])
    area = shapely.area(shared)
    keep = area >= args.min_area
    fids = frame.index.values
    a, b = fids[left[keep]], fids[right[keep]]
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    pairs = sorted(zip(lo.tolist(), hi.tolist(), area[keep].tolist()))
    return {"pairs": pairs, "invalid": invalid}


def main(argv) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("stats", "rate", "overlaps"))
    parser.add_argument("gpkg")
    parser.add_argument("out")
    parser.add_argument("--townships", default="township")
    parser.add_argument("--field", default="xzqdm")
    parser.add_argument("--layer", default="parcel")
    parser.add_argument("--class", dest="klass", default=None)
    parser.add_argument("--grade", default="qsqd")
    parser.add_argument("--id", default=None)
    parser.add_argument("--min-area", type=float, default=0.01)
    parser.add_argument("--crs", default=None)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    result = {"stats": stats, "rate": rate, "overlaps": overlaps}[args.mode](args)
    result["seconds"] = time.perf_counter() - start
    result["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    result["versions"] = {"geopandas": gpd.__version__, "shapely": shapely.__version__}
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(result, handle)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
