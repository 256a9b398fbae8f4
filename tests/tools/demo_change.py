"""`make demo` step (issue 17): change counts between two generated deliveries
of disturbance parcels (synthetic geometry, ``tests/bench/generate_change.py``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))


def run(workspace_path: str, out: Path) -> List[str]:
    import generate_change
    import processing

    old, new, facts = generate_change.deliveries(out / "change", 5000, seed=20240601)
    result = processing.run(
        "xingguoswc:parcelchange",
        {
            "OLD": str(old) + "|layername=parcel",
            "NEW": str(new) + "|layername=parcel",
            "CRS": "EPSG:4547",
            "MIN_AREA": 50.0,
            "OUTPUT": str(out / "change" / "parcel_change.gpkg"),
        },
    )
    counts = ", ".join(
        "%s %d" % (name, result[key])
        for name, key in (
            ("新增", "NEW"),
            ("扩大", "GROWN"),
            ("缩小", "SHRUNK"),
            ("不变", "UNCHANGED"),
            ("消失", "GONE"),
        )
    )
    return [
        "Change between two generated deliveries (synthetic, %d -> %d parcels): %s"
        % (facts["old"], facts["new"], counts),
        "  generator made: %d gone, %d grown, %d shrunk, %d split, %d merged, %d new"
        % (
            facts["gone"],
            facts["grown"],
            facts["shrunk"],
            facts["split"],
            facts["merged"],
            facts["added"],
        ),
        "  changes: %s" % result["OUTPUT"],
    ]
