"""The settings page in QGIS Options: one editor per setting, stored on apply."""

from __future__ import annotations

from xingguo_swc_plugin.core.settings import reset_setting, setting
from xingguo_swc_plugin.domain.thresholds import DEFAULTS


def test_page_edits_every_setting_and_applies(qtbot):
    from qgis.PyQt.QtGui import QIcon

    from xingguo_swc_plugin.gui.options_page import SettingsFactory, setting_label

    page = SettingsFactory(QIcon()).createWidget()
    qtbot.addWidget(page)
    assert set(page.editors) == set(DEFAULTS)
    assert all(setting_label(name) != name for name in DEFAULTS)  # all named
    try:
        page.editors["validation/corridor_distance_m"].setValue(60.0)
        page.editors["targets/treated_benggang"].setValue(900)
        page.editors["case/handler"].setText("李四")
        page.apply()
        assert setting("validation/corridor_distance_m") == 60.0
        assert setting("targets/treated_benggang") == 900
        assert setting("case/handler") == "李四"
        page.reset()
        page.apply()
        assert (
            setting("validation/corridor_distance_m") == DEFAULTS["validation/corridor_distance_m"]
        )
        assert setting("case/handler") == ""
    finally:
        for name in DEFAULTS:
            reset_setting(name)


def test_handler_is_never_the_os_login(qtbot):
    from iface_stand_in import MessageIface

    from xingguo_swc_plugin.gui.inspection_dock import InspectionDock

    reset_setting("case/handler")
    dock = InspectionDock(MessageIface(), None)
    qtbot.addWidget(dock)
    assert dock.who() == ""
    dock.cleanup()
