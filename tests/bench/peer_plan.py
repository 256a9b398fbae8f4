"""Independent computation of the plan definitions (README "Plan progress") with
geopandas >= 1.0 / shapely 2.  Runs ONLY in the peer venv (``peerenv.py``).

Usage: peer_plan.py MODE GPKG OUT.json ARGS
  plan    YEAR_FROM YEAR_TO [ZONE_TABLE ZONE_FIELD]   newly treated / re-treated area
          and gullies per township (or per zone; gullies by their point on surface)
  change  YEAR_A YEAR_B       erosion by grade (the higher grade holds overlaps), 双下降
Areas planimetric in the layers' CRS (EPSG:4547 metres), in hm².
"""

from __future__ import annotations

import json
import sys

import geopandas as gpd
import pyogrio
import shapely

COUNTY = "360732"
FULL_SHARE = 0.99


def _valid(geometry):
    if geometry is None or geometry.is_empty:
        return geometry
    if not geometry.is_valid:
        geometry = shapely.make_valid(geometry)
        parts = [
            p for p in shapely.get_parts(geometry) if p.geom_type in ("Polygon", "MultiPolygon")
        ]
        geometry = shapely.union_all(parts)
    return geometry


def _text(value) -> str:
    return (
        "" if value is None or (isinstance(value, float) and value != value) else str(value).strip()
    )


def plan(gpkg: str, first: int, last: int, zone_table: str = "", zone_field: str = "") -> dict:
    towns = gpd.read_file(gpkg, layer="township", engine="pyogrio")
    zones = gpd.read_file(gpkg, layer=zone_table, engine="pyogrio") if zone_table else None
    taxonomy = pyogrio.read_dataframe(gpkg, layer="measure_type", read_geometry=False)
    area_codes = {code for code, unit in zip(taxonomy["csdm"], taxonomy["dw"]) if unit == "hm2"}
    records = pyogrio.read_dataframe(gpkg, layer="measure", read_geometry=False)
    before, largest = set(), {}
    for csdm, sl, nd, table, target in zip(
        records["csdm"], records["sl"], records["nd"], records["mbtc"], records["mbid"]
    ):
        if csdm not in area_codes or nd > last:
            continue
        key = (table, target)
        if nd < first:
            before.add(key)
        else:
            largest[key] = max(largest.get(key, 0.0), float(sl))
    layers = {}
    full, partial, again = [], [], []
    for (table, target), quantity in largest.items():
        if table not in layers:
            frame = gpd.read_file(gpkg, layer=table, engine="pyogrio")
            layers[table] = dict(zip(frame["uuid"], frame.geometry))
        geometry = _valid(layers[table][target])
        area = geometry.area / 10000.0
        q = min(area, quantity)
        if (table, target) in before:
            again.append((geometry, q))
        elif q >= FULL_SHARE * area:
            full.append(geometry)
        else:
            partial.append((geometry, q))
    gullies = gpd.read_file(gpkg, layer="benggang", engine="pyogrio")
    rows = []
    total = {
        "treated_area_hm2": 0.0,
        "retreated_area_hm2": 0.0,
        "treated_gullies": 0,
        "new_farmland_hm2": 0.0,
    }

    def figures(code, town, in_zone) -> dict:
        town = _valid(town)
        pieces = [g.intersection(town) for g in full]
        dissolved = shapely.union_all(pieces).area / 10000.0 if pieces else 0.0
        share = sum(q * g.intersection(town).area / g.area for g, q in partial)
        retreated = sum(q * g.intersection(town).area / g.area for g, q in again)
        count, farmland = 0, 0.0
        for own, status, year, number, new_land, shape in zip(
            gullies["xzqdm"],
            gullies["zlzt"],
            gullies["zlnd"],
            gullies["bgsl"],
            gullies["xzgd"],
            gullies.geometry,
        ):
            if _text(status) != "2" or _text(year) == "" or not first <= int(year) <= last:
                continue
            if not in_zone(_text(own), shape, town):
                continue
            count += 1 if _text(number) == "" else int(number)
            farmland += 0.0 if _text(new_land) == "" else float(new_land)
        return {
            "xzqdm": str(code),
            "treated_area_hm2": dissolved + share,
            "retreated_area_hm2": retreated,
            "treated_gullies": count,
            "new_farmland_hm2": farmland,
        }

    for code, town in zip(towns["xzqdm"], towns.geometry):
        row = figures(code, town, lambda own, shape, town, code=code: own == code)
        if zones is None:
            rows.append(row)
        for key in total:
            total[key] += row[key]
    if zones is not None:
        for code, zone in sorted(zip(zones[zone_field], zones.geometry)):
            rows.append(
                figures(
                    code,
                    zone,
                    lambda own, shape, zone: zone.intersects(shape.representative_point()),
                )
            )
    rows.append(dict(total, xzqdm=COUNTY))
    return {"rows": rows}


def _year_by_grade(erosion, year: int, towns) -> dict:
    """{code: {grade: hm²}}: grades from 6 down, each keeping what no higher grade took."""
    frame = erosion[erosion["nd"] == year]
    covered = shapely.Polygon()
    result = {code: {g: 0.0 for g in range(2, 7)} for code in towns["xzqdm"]}
    for grade in range(6, 1, -1):
        geometries = [_valid(g) for g in frame.geometry[frame["qsqd"].astype(int) == grade]]
        if not geometries:
            continue
        piece = shapely.difference(shapely.union_all(geometries), covered)
        covered = shapely.union_all([covered, piece])
        for code, town in zip(towns["xzqdm"], towns.geometry):
            result[code][grade] = shapely.intersection(piece, _valid(town)).area / 10000.0
    return result


def change(gpkg: str, year_a: int, year_b: int) -> dict:
    towns = gpd.read_file(gpkg, layer="township", engine="pyogrio")
    erosion = gpd.read_file(gpkg, layer="erosion", engine="pyogrio")
    figures = {year: _year_by_grade(erosion, year, towns) for year in (year_a, year_b)}
    land = {code: _valid(g).area / 10000.0 for code, g in zip(towns["xzqdm"], towns.geometry)}
    codes = list(towns["xzqdm"])
    for year in (year_a, year_b):
        figures[year][COUNTY] = {g: sum(figures[year][c][g] for c in codes) for g in range(2, 7)}
    land[COUNTY] = sum(land[c] for c in codes)
    rows = []
    for code in codes + [COUNTY]:
        row = {"xzqdm": code}
        for suffix, year in (("a", year_a), ("b", year_b)):
            by_grade = figures[year][code]
            eroded = sum(by_grade.values())
            severe = sum(a for g, a in by_grade.items() if g >= 3)
            for grade, area in by_grade.items():
                row["g{0}_{1}_hm2".format(grade, suffix)] = area
            row["eroded_" + suffix] = eroded
            row["severe_" + suffix] = severe
            row["mean_" + suffix] = (
                sum(g * a for g, a in by_grade.items()) / eroded if eroded > 0 else None
            )
            row["rate_" + suffix] = (land[code] - eroded) / land[code] * 100.0
        mean_fell = row["mean_a"] is not None and (
            row["mean_b"] is None or row["mean_b"] < row["mean_a"]
        )
        row["double_decline"] = bool(
            row["eroded_b"] < row["eroded_a"] and row["severe_b"] < row["severe_a"] and mean_fell
        )
        rows.append(row)
    return {"rows": rows}


def main() -> None:
    mode, gpkg, out = sys.argv[1:4]
    first, second = int(sys.argv[4]), int(sys.argv[5])
    result = (
        plan(gpkg, first, second, *sys.argv[6:8]) if mode == "plan" else change(gpkg, first, second)
    )
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(result, handle)


if __name__ == "__main__":
    main()
