"""Two synthetic deliveries of disturbance parcels (issue 17: ``parcelchange``).

SYNTHETIC GEOMETRY.  A base county comes from ``generate.generate`` (no invalid
geometries); the previous delivery is the base with ~2 % of parcels cut in two
halves (they merge in the current delivery); the current delivery drops ~4 %
(gone), scales ~8 % up by 1.1-1.4 (grown, some then overlap a neighbour) and ~4 %
down by 0.6-0.9 (shrunk), cuts ~2 % in two halves (split), adds ~5 % small new
parcels (some touching or overlapping old ones) and gives every parcel a new ID
in a shuffled order, so parcels can only be matched by overlap.

Both deliveries are EPSG:4547 GeoPackages with a layer ``parcel`` (tbbh).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Dict, List, Tuple

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # noqa: E402

POINTS = 9  # generate.py rings: 8 vertices + closing one


def _read_rings(path: str) -> np.ndarray:
    from osgeo import ogr

    dataset = ogr.Open(path)
    layer = dataset.GetLayerByName("parcel")
    wkbs = [bytes(feature.GetGeometryRef().ExportToIsoWkb()) for feature in layer]
    size = 22 + 16 * POINTS
    raw = np.frombuffer(b"".join(wkbs), dtype=np.uint8).reshape(len(wkbs), size)
    return raw[:, 22:].copy().view("<f8").reshape(len(wkbs), POINTS, 2)


def _wkb(ring: np.ndarray) -> bytes:
    return generate._polygon_wkb(ring[:, 0], ring[:, 1])


def _halves(ring: np.ndarray) -> List[bytes]:
    """The ring cut by the vertical line through its vertex mean (OGR/GEOS)."""
    from osgeo import ogr

    geometry = ogr.CreateGeometryFromWkb(_wkb(ring))
    cx = float(ring[:-1, 0].mean())
    y0, y1 = float(ring[:, 1].min()) - 1, float(ring[:, 1].max()) + 1
    x0, x1 = float(ring[:, 0].min()) - 1, float(ring[:, 0].max()) + 1
    parts = []
    for a, b in ((x0, cx), (cx, x1)):
        box = ogr.CreateGeometryFromWkt(
            "POLYGON(({0} {2}, {1} {2}, {1} {3}, {0} {3}, {0} {2}))".format(a, b, y0, y1)
        )
        part = geometry.Intersection(box)
        parts.append(bytes(ogr.ForceToMultiPolygon(part).ExportToIsoWkb()))
    return parts


def _scaled(ring: np.ndarray, factor: float) -> bytes:
    centre = ring[:-1].mean(axis=0)
    return _wkb(centre + (ring - centre) * factor)


def _write(path: Path, rows: List[Tuple[str, bytes]]) -> None:
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    if path.exists():
        path.unlink()
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = dataset.CreateLayer("parcel", srs, ogr.wkbMultiPolygon)
    layer.CreateField(ogr.FieldDefn("tbbh", ogr.OFTString))
    definition = layer.GetLayerDefn()
    dataset.StartTransaction()
    for name, wkb in rows:
        feature = ogr.Feature(definition)
        feature.SetField(0, name)
        feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb))
        layer.CreateFeature(feature)
    dataset.CommitTransaction()
    dataset = None


def deliveries(folder: Path, parcels: int, seed: int = 1) -> Tuple[Path, Path, Dict]:
    """(old gpkg, new gpkg, facts) in ``folder``; cached by size and seed."""
    folder.mkdir(parents=True, exist_ok=True)
    old_path = folder / ("delivery_old_%d_%d.gpkg" % (parcels, seed))
    new_path = folder / ("delivery_new_%d_%d.gpkg" % (parcels, seed))
    stamp = folder / ("delivery_%d_%d.json" % (parcels, seed))
    if old_path.exists() and new_path.exists() and stamp.exists():
        return old_path, new_path, json.loads(stamp.read_text())
    base = folder / ("delivery_base_%d_%d.gpkg" % (parcels, seed))
    generate.generate(str(base), parcels, seed=seed, invalid_fraction=0.0)
    rings = _read_rings(str(base))
    base.unlink()
    rng = np.random.default_rng(seed + 17)
    n = len(rings)
    kind = rng.random(n)
    gone, grown, shrunk = (
        kind < 0.04,
        (kind >= 0.04) & (kind < 0.12),
        (kind >= 0.12) & (kind < 0.16),
    )
    split, merged = (kind >= 0.16) & (kind < 0.18), (kind >= 0.18) & (kind < 0.20)
    factors = np.where(grown, rng.uniform(1.1, 1.4, n), rng.uniform(0.6, 0.9, n))
    old_rows: List[Tuple[str, bytes]] = []
    new_wkbs: List[bytes] = []
    for i in range(n):
        ring = rings[i]
        whole = _wkb(ring)
        if merged[i]:
            old_rows += [("P%07da" % (i + 1), part) for part in _halves(ring)]
        else:
            old_rows.append(("P%07d" % (i + 1), whole))
        if gone[i]:
            continue
        if grown[i] or shrunk[i]:
            new_wkbs.append(_scaled(ring, float(factors[i])))
        elif split[i]:
            new_wkbs += _halves(ring)
        else:
            new_wkbs.append(whole)
    # new parcels: 40-80 m squares just beyond a random parcel's corner
    added = int(0.05 * n)
    anchors = rng.integers(0, n, added)
    side = rng.uniform(40.0, 80.0, added)
    gap = rng.uniform(-10.0, 20.0, added)
    for a, s, g in zip(anchors.tolist(), side.tolist(), gap.tolist()):
        x0 = float(rings[a][:, 0].max()) + g
        y0 = float(rings[a][:, 1].max()) + g
        square = np.array([(x0, y0), (x0 + s, y0), (x0 + s, y0 + s), (x0, y0 + s), (x0, y0)])
        new_wkbs.append(_wkb(square))
    order = rng.permutation(len(new_wkbs))
    new_rows = [("N%07d" % (k + 1), new_wkbs[i]) for k, i in enumerate(order.tolist())]
    _write(old_path, old_rows)
    _write(new_path, new_rows)
    facts = {
        "base": n,
        "old": len(old_rows),
        "new": len(new_rows),
        "gone": int(gone.sum()),
        "grown": int(grown.sum()),
        "shrunk": int(shrunk.sum()),
        "split": int(split.sum()),
        "merged": int(merged.sum()),
        "added": added,
    }
    stamp.write_text(json.dumps(facts))
    return old_path, new_path, facts


if __name__ == "__main__":
    print(deliveries(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 10000))
