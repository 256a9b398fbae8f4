"""Xingguo soil and water conservation plugin for QGIS.

``classFactory`` imports nothing heavy at module level, so ``qgis_process``
(which passes ``iface=None``) and the desktop both load it cheaply.
"""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    from .plugin import XingguoSwcPlugin

    return XingguoSwcPlugin(iface)
