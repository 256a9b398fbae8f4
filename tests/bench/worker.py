"""One timed run inside a fresh QGIS process (the bench starts one per measurement,
so each peak RSS belongs to that run alone).

Usage: worker.py MODE GPKG OUT.json   MODE: plugin-stats, plugin-overlaps,
native-stats, native-overlaps, plugin-change (GPKG = "old.gpkg,new.gpkg").  Time = from opening the layers to the result.
"""

from __future__ import annotations

import importlib
import json
import os
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.append("/usr/share/qgis/python/plugins")

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsFeatureRequest,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsVectorLayer,
)


def _layer(gpkg: str, name: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(gpkg + "|layername=" + name, name, "ogr")
    if not layer.isValid():
        raise SystemExit("cannot open %s in %s" % (name, gpkg))
    return layer


def plugin_stats(gpkg: str) -> dict:
    from xingguo_swc_plugin.core.stats import township_area_stats

    rows = township_area_stats(_layer(gpkg, "township"), "xzqdm", _layer(gpkg, "parcel"), "kflx")
    county = [r for r in rows if r.xzqdm == "360732"]
    return {
        "inside_area_m2": sum(r.area_m2 for r in county),
        "county_count": sum(r.feature_count for r in county),
        "repaired": rows.invalid_repaired,
        "rows": len(rows),
    }


def plugin_overlaps(gpkg: str) -> dict:
    from xingguo_swc_plugin.core.overlaps import find_overlaps

    result = find_overlaps(_layer(gpkg, "parcel"), "tbbh", 0.01)
    return {
        "pairs": len(result.pairs),
        "invalid": len(result.invalid),
        "overlap_area_m2": sum(p.area_m2 for p in result.pairs),
    }


def _context(skip_invalid: bool) -> QgsProcessingContext:
    context = QgsProcessingContext()
    context.setFeedback(QgsProcessingFeedback())
    context.setInvalidGeometryCheck(
        QgsFeatureRequest.GeometrySkipInvalid if skip_invalid else QgsFeatureRequest.GeometryNoCheck
    )
    return context


def native_stats(gpkg: str) -> dict:
    """native:fixgeometries + native:intersection + summing (what a user would chain)."""
    import processing

    context = _context(False)
    fixed = processing.run(
        "native:fixgeometries",
        {"INPUT": _layer(gpkg, "parcel"), "OUTPUT": "TEMPORARY_OUTPUT"},
        context=context,
    )["OUTPUT"]
    result = processing.run(
        "native:intersection",
        {
            "INPUT": fixed,
            "OVERLAY": _layer(gpkg, "township"),
            "INPUT_FIELDS": ["tbbh", "kflx"],
            "OVERLAY_FIELDS": ["xzqdm"],
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
        context=context,
    )["OUTPUT"]
    layer = result if isinstance(result, QgsVectorLayer) else context.getMapLayer(result)
    area = defaultdict(float)
    ids = set()
    for feature in layer.getFeatures():
        value = feature.geometry().area()
        if value > 0:
            area[(feature["xzqdm"], feature["kflx"])] += value
            ids.add(feature["tbbh"])
    return {"inside_area_m2": sum(area.values()), "county_count": len(ids)}


def native_overlaps(gpkg: str) -> dict:
    """native:intersection of the layer with itself, pairs kept once (invalid skipped)."""
    import processing

    context = _context(True)
    parcels = _layer(gpkg, "parcel")
    result = processing.run(
        "native:intersection",
        {
            "INPUT": parcels,
            "OVERLAY": parcels,
            "INPUT_FIELDS": ["tbbh"],
            "OVERLAY_FIELDS": ["tbbh"],
            "OVERLAY_FIELDS_PREFIX": "b_",
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
        context=context,
    )["OUTPUT"]
    layer = result if isinstance(result, QgsVectorLayer) else context.getMapLayer(result)
    pairs = 0
    total = 0.0
    for feature in layer.getFeatures():
        if feature["tbbh"] < feature["b_tbbh"]:
            value = feature.geometry().area()
            if value >= 0.01:
                pairs += 1
                total += value
    return {"pairs": pairs, "overlap_area_m2": total}


def plugin_change(gpkgs: str) -> dict:
    """Issue 17: ``parcelchange`` of two deliveries (GPKG = "old.gpkg,new.gpkg")."""
    from qgis.core import QgsCoordinateReferenceSystem

    from xingguo_swc_plugin.core.parcelchange import parcel_change

    old, new = gpkgs.split(",")
    result = parcel_change(
        _layer(old, "parcel"),
        _layer(new, "parcel"),
        QgsCoordinateReferenceSystem("EPSG:4547"),
        min_area=50.0,
    )
    return {
        "counts": result.counts(),
        "rows": len(result.rows),
        "added_m2": sum(r.area_added_m2 for r in result.rows),
    }


MODES = {
    "plugin-change": plugin_change,
    "plugin-stats": plugin_stats,
    "plugin-overlaps": plugin_overlaps,
    "native-stats": native_stats,
    "native-overlaps": native_overlaps,
}


def main(mode: str, gpkg: str, out: str) -> int:
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    if mode.startswith("native"):
        from processing.core.Processing import Processing

        Processing.initialize()
    else:  # imported before the clock starts, as the peers import their libraries
        for module in (
            "xingguo_swc_plugin.core.overlaps",
            "xingguo_swc_plugin.core.stats",
            "xingguo_swc_plugin.core.parcelchange",
        ):
            importlib.import_module(module)
    start = time.perf_counter()
    result = MODES[mode](gpkg)
    result["seconds"] = time.perf_counter() - start
    result["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    Path(out).write_text(json.dumps(result))
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
