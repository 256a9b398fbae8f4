"""`make demo` step: township statistics, conservation rate and overlaps on the
sample workspace (synthetic geometry), exported to out/stats/ as XLSX and CSV."""

from __future__ import annotations

from pathlib import Path
from typing import List


def run(workspace: str, out: Path) -> List[str]:
    from qgis.core import QgsVectorLayer

    from xingguo_swc_plugin.core.dashboard import county_dashboard, dashboard_table
    from xingguo_swc_plugin.core.export import export_rows
    from xingguo_swc_plugin.core.overlaps import find_overlaps

    def layer(name: str) -> QgsVectorLayer:
        return QgsVectorLayer(workspace + "|layername=" + name, name, "ogr")

    folder = out / "stats"
    folder.mkdir(parents=True, exist_ok=True)
    townships, parcels, erosion = layer("township"), layer("parcel"), layer("erosion")
    result = county_dashboard(
        townships, "xzqdm", parcels, "kflx", erosion=erosion if erosion.featureCount() else None
    )
    headers, rows = dashboard_table(result)
    lines = []
    for suffix in ("xlsx", "csv"):
        path = folder / ("township_statistics." + suffix)
        export_rows(str(path), headers, rows)
        lines.append("Township statistics: %s" % path)
    county = rows[-1]
    lines.append(
        "  county: %d parcels, %.2f hm² inside the townships; %d invalid repaired"
        % (county[2], county[4], result.areas.invalid_repaired)
    )
    if result.rates:
        lines.append(
            "  soil conservation rate (county): %.2f %% (target %.0f %%)"
            % (result.rates[-1].rate_percent, result.target_rate_percent)
        )
    if result.progress is not None:
        lines.append(
            "  plan %d-%d: treated gullies %d 座; newly treated area %.3f km²"
            % (
                result.progress.year_from,
                result.progress.year_to,
                result.treated_gullies,
                result.treated_area_km2,
            )
        )
    overlaps = find_overlaps(parcels, "tbbh", 0.01)
    path = folder / "overlaps.csv"
    export_rows(
        str(path),
        ["fid_a", "fid_b", "id_a", "id_b", "overlap_area_m2"],
        [[p.fid_a, p.fid_b, p.id_a, p.id_b, p.area_m2] for p in overlaps.pairs],
    )
    lines.append(
        "Overlaps: %d pairs, %d invalid geometries: %s"
        % (len(overlaps.pairs), len(overlaps.invalid), path)
    )
    return lines
