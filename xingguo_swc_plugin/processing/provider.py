"""The plugin's Processing provider, id ``xingguoswc``.

Each capability adds its algorithm classes to ``ALGORITHM_MODULES`` (module name,
class names); the provider imports them lazily when QGIS asks for algorithms, and
leaves out (saying why) those whose optional packages are missing.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..dependencies import import_capability
from ..translation import tr

PROVIDER_ID = "xingguoswc"

#: (module in this package, algorithm classes); one line per capability.
ALGORITHM_MODULES = (
    ("workspace_algorithms", ("CreateWorkspaceAlgorithm", "SampleDataAlgorithm")),
    ("validation_algorithms", ("ValidateParcelsAlgorithm", "ImportProjectsAlgorithm")),
    ("measure_algorithms", ("MeasureSummaryAlgorithm",)),
    ("stats_algorithms", ("TownshipStatsAlgorithm", "ConservationRateAlgorithm")),
    (
        "plan_algorithms",
        ("PlanProgressAlgorithm", "ErosionChangeAlgorithm", "TownshipAssessmentAlgorithm"),
    ),
    ("overlap_algorithms", ("CheckOverlapsAlgorithm",)),
    ("benggang_algorithms", ("BenggangAttributesAlgorithm",)),
    ("atlas_algorithms", ("AtlasAlgorithm",)),
    ("change_algorithms", ("ParcelChangeAlgorithm",)),
    (
        "fieldwork_algorithms",
        ("FieldPackageAlgorithm", "ImportFieldPackageAlgorithm", "CaseFileAlgorithm"),
    ),
)


class XingguoProvider(QgsProcessingProvider):
    def id(self) -> str:
        return PROVIDER_ID

    def name(self) -> str:
        return tr("Xingguo soil and water conservation")

    def longName(self) -> str:
        return self.name()

    def icon(self) -> QIcon:
        return QIcon(str(Path(__file__).resolve().parent.parent / "resources" / "icon.png"))

    def loadAlgorithms(self) -> None:
        for module_name, class_names in ALGORITHM_MODULES:
            module = import_capability("." + module_name, __package__)
            if module is None:  # a package it needs is missing: said in the log
                continue
            for class_name in class_names:
                self.addAlgorithm(getattr(module, class_name)())
