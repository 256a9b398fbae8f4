"""Write the e2e demo workspace: ``make_workspace.py OUTPUT.gpkg [PARCELS]``.

Runs in its own process on an offscreen QgsApplication, through the plugin's
Processing algorithms (``xingguoswc:sampledata``; ``createworkspace`` when PARCELS is 0
or the sample generator is absent), exactly as a user would call them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.append("/usr/share/qgis/python/plugins")

from qgis.core import QgsApplication  # noqa: E402


def main(output: str, parcels: int) -> int:
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from xingguo_swc_plugin.processing.provider import XingguoProvider

    provider = XingguoProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    import processing

    if parcels > 0 and QgsApplication.processingRegistry().algorithmById("xingguoswc:sampledata"):
        processing.run(
            "xingguoswc:sampledata", {"OUTPUT": output, "PARCELS": parcels, "SEED": 20220101}
        )
        kind = "sample"
    else:
        processing.run("xingguoswc:createworkspace", {"OUTPUT": output})
        kind = "empty"
    print(kind, output)
    QgsApplication.processingRegistry().removeProvider(provider)
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 400))
