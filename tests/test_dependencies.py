"""The plugin loads without an optional package and says which one is missing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

SCRIPT = r"""
import sys
sys.modules["numpy"] = None          # as if python3-numpy were not installed
sys.modules["shapely"] = None        # ... and so python3-shapely, which needs it (QGIS 3.40
                                     # imports shapely when present)
sys.path.insert(0, REPO)
from qgis.core import QgsApplication, QgsMessageLog
QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
messages = []
QgsApplication.messageLog().messageReceived.connect(
    lambda message, tag, level: messages.append(message))
import xingguo_swc_plugin
plugin = xingguo_swc_plugin.classFactory(None)
plugin.initGui()
names = sorted(a.name() for a in plugin.provider.algorithms())
print("ALGORITHMS", " ".join(names))
print("MESSAGES", " | ".join(messages))
plugin.unload()
print("PROVIDER_GONE", QgsApplication.processingRegistry().providerById("xingguoswc") is None)
"""


def test_plugin_loads_without_numpy_and_names_it():
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT.replace("REPO", repr(str(REPO)))],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": "/tmp"},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = dict(
        line.split(" ", 1)
        for line in proc.stdout.splitlines()
        if line.split(" ", 1)[0] in ("ALGORITHMS", "MESSAGES", "PROVIDER_GONE")
    )
    algorithms = lines["ALGORITHMS"].split()
    assert "createworkspace" in algorithms and "sampledata" in algorithms
    assert "townshipstats" not in algorithms and "checkoverlaps" not in algorithms
    assert "numpy" in lines["MESSAGES"] and "stats_algorithms" in lines["MESSAGES"]
    assert lines["PROVIDER_GONE"] == "True"
