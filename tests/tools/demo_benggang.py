"""Demo of the collapse gully capability on a copy of the sample workspace.

Writes under ``out/benggang/``: the recomputed layer (Processing
``xingguoswc:benggangattributes``), counts per township and class (CSV), and a
log of a gully saved through the same core calls the dock makes, with every
check refusing its bad case.  The sample geometry is synthetic.
"""

from __future__ import annotations

import csv
import sqlite3
import time
from pathlib import Path
from typing import List

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)

from xingguo_swc_plugin.core import benggang, benggang_digitize, benggang_lists
from xingguo_swc_plugin.core.area import ELLIPSOIDAL, AreaMeasurer
from xingguo_swc_plugin.core.errors import InputError
from xingguo_swc_plugin.core.workspace.geopackage import open_workspace
from xingguo_swc_plugin.domain import codes


def _free_square(gullies, townships, size: float) -> QgsGeometry:
    """A square of ``size`` m inside a township, clear of existing gullies."""
    for township_geometry in townships.geometries.values():
        centre = township_geometry.pointOnSurface().asPoint()
        for step in range(50):
            x, y = centre.x() + step * 3 * size, centre.y()
            candidate = QgsGeometry.fromRect(QgsRectangle(x, y, x + size, y + size))
            if benggang_digitize.evaluate_gully(gullies, townships, candidate, preview_id=False).ok:
                return candidate
    raise RuntimeError("no free place for a demo gully")


def run(workspace: str, out: Path) -> List[str]:
    import processing

    folder = out / "benggang"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "benggang_demo.gpkg"
    for stale in (path, Path(str(path) + "-wal"), Path(str(path) + "-shm")):
        if stale.exists():
            stale.unlink()
    # sqlite's backup reads through an open write-ahead log, a file copy would not
    with sqlite3.connect(workspace) as source, sqlite3.connect(str(path)) as target:
        source.backup(target)
    ws = open_workspace(str(path))
    gullies, township_layer = ws.layer("benggang"), ws.layer("township")
    lines = ["[benggang] copy of the sample workspace: " + str(path)]

    # Whole layer through Processing, compared with the stored values
    output = folder / "benggang_attributes.gpkg"
    if output.exists():
        output.unlink()
    started = time.perf_counter()
    result = processing.run(
        "xingguoswc:benggangattributes",
        {"INPUT": gullies, "TOWNSHIPS": township_layer, "OUTPUT": str(output)},
    )
    seconds = time.perf_counter() - started
    recomputed = {
        f["uuid"]: f for f in QgsVectorLayer(result["OUTPUT"], "out", "ogr").getFeatures()
    }
    township_diff = area_diff = scale_diff = 0
    for feature in gullies.getFeatures():
        other = recomputed[feature["uuid"]]
        township_diff += other["xzqdm"] != feature["xzqdm"]
        area_diff += abs(other["mj"] - feature["mj"]) > 0.01
        scale_diff += other["gm"] != feature["gm"]
    lines.append(
        "[benggang] benggangattributes: {0} gullies in {1:.2f} s -> {2}; "
        "township by largest overlap differs for {3}, area for {4}, scale for "
        "{5}; new IDs {6}".format(
            result["FEATURES"],
            seconds,
            output,
            township_diff,
            area_diff,
            scale_diff,
            result["IDS_ASSIGNED"],
        )
    )

    # Counts per township and class, as the dock's list shows them
    rows = benggang_lists.list_gullies(gullies)
    counts_path = folder / "benggang_counts.csv"
    with counts_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        header = ["xzqdm", "xzqmc", "total"]
        header += [codes.BENGGANG_SCALE.label(c) for c in codes.BENGGANG_SCALE.codes()]
        header += [codes.BENGGANG_ACTIVITY.label(c) for c in codes.BENGGANG_ACTIVITY.codes()]
        header += [codes.TREATMENT_STATUS.label(c) for c in codes.TREATMENT_STATUS.codes()]
        writer.writerow(header)
        for code in sorted({row.xzqdm for row in rows}):
            mine = [row for row in rows if row.xzqdm == code]
            counts = benggang_lists.count_by_class(mine)
            writer.writerow(
                [code, mine[0].xzqmc, len(mine)]
                + [counts["gm"][c] for c in codes.BENGGANG_SCALE.codes()]
                + [counts["hdx"][c] for c in codes.BENGGANG_ACTIVITY.codes()]
                + [counts["zlzt"][c] for c in codes.TREATMENT_STATUS.codes()]
            )
    totals = benggang_lists.count_by_class(rows)
    lines.append(
        "[benggang] {0} gullies: {1}; counts per township -> {2}".format(
            len(rows),
            ", ".join(
                "{0} {1}".format(codes.BENGGANG_SCALE.label(c), n) for c, n in totals["gm"].items()
            ),
            counts_path,
        )
    )

    # A gully saved as the dock does, then each check refusing its bad case
    townships = benggang.TownshipIndex(township_layer, gullies.crs())
    started = time.perf_counter()
    for feature in list(gullies.getFeatures())[:100]:
        benggang_digitize.evaluate_gully(
            gullies, townships, feature.geometry(), exclude_fid=feature.id(), preview_id=False
        )
    per_check_ms = (time.perf_counter() - started) * 1000 / 100
    geometry = _free_square(gullies, townships, 45.0)
    saved = benggang_digitize.save_gully(
        gullies, townships, geometry, {"xt": "1", "hdx": "1", "zlzt": "0", "dcy": "demo"}
    )
    lines.append(
        "[benggang] saved {0} in {1}: {2:.2f} m², {3} (checks take {4:.1f} ms per gully)".format(
            saved["bgbh"],
            saved["xzqmc"],
            saved["mj"],
            codes.BENGGANG_SCALE.label(saved["gm"]),
            per_check_ms,
        )
    )
    box = geometry.boundingBox()
    bad_cases = {
        "too small": QgsGeometry.fromRect(
            QgsRectangle(
                box.xMinimum(), box.yMaximum() + 50, box.xMinimum() + 7, box.yMaximum() + 57
            )
        ),
        "overlap": geometry.buffer(5, 2),
        "outside": QgsGeometry.fromRect(QgsRectangle(0, 0, 100, 100)),
        "invalid": QgsGeometry.fromWkt(
            "Polygon(({0} {1}, {2} {3}, {2} {1}, {0} {3}, {0} {1}))".format(
                box.xMinimum(), box.yMaximum() + 100, box.xMinimum() + 100, box.yMaximum() + 200
            )
        ),
    }
    for name, bad in bad_cases.items():
        count = gullies.featureCount()
        try:
            benggang_digitize.save_gully(gullies, townships, bad)
            lines.append("[benggang] NOT REFUSED: " + name)
        except InputError as error:
            assert gullies.featureCount() == count
            lines.append("[benggang] refused ({0}): {1}".format(name, error))
    assert gullies.commitChanges()
    # delete the new gully, save another: its ID is not reused
    gullies.startEditing()
    gullies.deleteFeature([f.id() for f in gullies.getFeatures() if f["bgbh"] == saved["bgbh"]][0])
    assert gullies.commitChanges()
    again = benggang_digitize.save_gully(gullies, townships, geometry)
    assert gullies.commitChanges()
    lines.append(
        "[benggang] after deleting {0}, the next gully there is {1}".format(
            saved["bgbh"], again["bgbh"]
        )
    )
    # the same polygon in degrees, measured on the CGCS2000 ellipsoid
    degrees = QgsGeometry(geometry)
    degrees.transform(
        QgsCoordinateTransform(
            gullies.crs(), QgsCoordinateReferenceSystem("EPSG:4490"), QgsProject.instance()
        )
    )
    ellipsoidal = AreaMeasurer(QgsCoordinateReferenceSystem("EPSG:4490"), ELLIPSOIDAL).area_m2(
        degrees
    )
    lines.append(
        "[benggang] EPSG:4547 planimetric {0:.2f} m² vs EPSG:4490 ellipsoidal "
        "{1:.2f} m²: {2:+.3f} %".format(
            again["mj"], ellipsoidal, 100 * (ellipsoidal / again["mj"] - 1)
        )
    )
    return lines
