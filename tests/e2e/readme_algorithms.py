#!/usr/bin/python3
"""Print the README's table of the Processing algorithms (names, help, parameters)
from the provider itself: ``python3 tests/e2e/readme_algorithms.py``."""

import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.append("/usr/share/qgis/python/plugins")

from qgis.core import QgsApplication, QgsProcessingParameterDefinition  # noqa: E402


def main() -> int:
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    from xingguo_swc_plugin.processing.provider import XingguoProvider

    provider = XingguoProvider()
    provider.loadAlgorithms()
    group = None
    for algorithm in sorted(provider.algorithms(), key=lambda a: (a.group(), a.id())):
        if algorithm.group() != group:
            group = algorithm.group()
            print("### " + group + "\n")
        print("#### `{0}` — {1}\n".format(algorithm.id(), algorithm.displayName()))
        print(algorithm.shortHelpString().replace("<", "&lt;") + "\n")
        print("| Parameter | Type | Description | Default |")
        print("|---|---|---|---|")
        for definition in algorithm.parameterDefinitions():
            optional = definition.flags() & QgsProcessingParameterDefinition.FlagOptional
            default = definition.defaultValue()
            print(
                "| `{0}` | {1} | {2}{3} | {4} |".format(
                    definition.name(),
                    definition.type(),
                    definition.description(),
                    " (optional)" if optional else "",
                    "" if default is None else "`{0}`".format(default),
                )
            )
        outputs = ", ".join("`{0}`".format(o.name()) for o in algorithm.outputDefinitions())
        print("\nOutputs: " + outputs + "\n")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
