"""Settings page "兴国水保" in QGIS Options (Settings → Options).

One editor per setting of ``domain.thresholds.DEFAULTS`` (thresholds, targets,
corridor distance, plan window, handler name...), typed like its default, with
a reset to the SPEC value; settings added later appear without code here.
"""

from __future__ import annotations

from typing import Dict

from qgis.gui import QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.settings import reset_setting, set_setting, setting
from ..domain.thresholds import DEFAULTS
from ..translation import tr
from .scrolling import scrolled


def setting_label(name: str) -> str:
    """The user's name of a setting (its key when it has none yet)."""
    labels = {
        "benggang/small_max_m2": tr("Small gully below (m²)"),
        "benggang/medium_max_m2": tr("Medium gully below (m²)"),
        "benggang/min_area_m2": tr("Smallest gully (m²)"),
        "benggang/part_max_distance_m": tr("Gully part at most this far from its gully (m)"),
        "targets/conservation_rate_percent": tr("Target soil conservation rate (%)"),
        "targets/treated_area_km2": tr("Target treated area (km²)"),
        "targets/treated_benggang": tr("Target treated gullies"),
        "targets/finding_closure_percent": tr("Target finding closure (%)"),
        "validation/steep_slope_deg": tr("Steep slope (°)"),
        "validation/terrace_slope_deg": tr("Terraces required from slope (°)"),
        "validation/plan_slope_deg": tr("Soil conservation plan required from slope (°)"),
        "validation/corridor_distance_m": tr("Corridor distance (m)"),
        "validation/steep_share_percent": tr("Steep slope: share of the parcel above it (%)"),
        "validation/terrace_share_percent": tr(
            "Terraces: share of the parcel in the slope band (%)"
        ),
        "validation/navel_orange_water_distance_m": tr(
            "Navel oranges: distance to reservoirs and main rivers (m)"
        ),
        "change/min_area_m2": tr("Change between deliveries: smallest area (m²)"),
        "penalty/individual_yuan_per_m2": tr("Penalty for individuals (yuan/m²)"),
        "penalty/unit_yuan_per_m2": tr("Penalty for units (yuan/m²)"),
        "case/handler": tr("Case handler"),
        "plan/year_from": tr("Plan: first year"),
        "plan/year_to": tr("Plan: last year"),
    }
    return labels.get(name, name)


class SettingsPage(QgsOptionsPageWidget):
    """The editors; ``apply`` (QGIS's OK button) stores changed values."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("XingguoSwcOptionsPage")
        self.editors: Dict[str, QWidget] = {}
        body = QWidget()
        form = QFormLayout(body)
        for name, default in DEFAULTS.items():
            editor = _editor(default)
            _set_value(editor, setting(name))
            editor.setObjectName("setting_" + name.replace("/", "_"))
            editor.setToolTip(tr("Default: {0}").format(default))
            self.editors[name] = editor
            form.addRow(setting_label(name), editor)
        reset = QPushButton(tr("Reset to the defaults"))
        reset.clicked.connect(self.reset)
        form.addRow(reset)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolled(body))

    def values(self) -> Dict[str, object]:
        return {name: _value(editor) for name, editor in self.editors.items()}

    def apply(self) -> None:
        for name, value in self.values().items():
            if value == DEFAULTS[name]:
                reset_setting(name)
            else:
                set_setting(name, value)

    def reset(self) -> None:
        for name, editor in self.editors.items():
            _set_value(editor, DEFAULTS[name])


def _editor(default) -> QWidget:
    if isinstance(default, bool) or isinstance(default, str):
        return QLineEdit()
    if isinstance(default, int):
        editor = QSpinBox()
        editor.setRange(0, 1000000)
        return editor
    editor = QDoubleSpinBox()
    editor.setDecimals(2)
    editor.setRange(0.0, 1e9)
    return editor


def _set_value(editor: QWidget, value) -> None:
    if isinstance(editor, QLineEdit):
        editor.setText(str(value))
    elif isinstance(editor, QSpinBox):
        editor.setValue(int(value))
    else:
        editor.setValue(float(value))


def _value(editor: QWidget):
    if isinstance(editor, QLineEdit):
        return editor.text().strip()
    return editor.value()


class SettingsFactory(QgsOptionsWidgetFactory):
    """Registered with ``iface.registerOptionsWidgetFactory`` by the plugin."""

    def __init__(self, icon: QIcon):
        super().__init__(tr("Xingguo SWC"), icon)
        self.setObjectName("XingguoSwcOptionsFactory")

    def createWidget(self, parent=None) -> SettingsPage:  # noqa: N802 (QGIS API name)
        return SettingsPage(parent)
