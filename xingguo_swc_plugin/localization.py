"""Install the plugin's translator for QGIS's locale setting."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from qgis.core import QgsApplication, QgsMessageLog, QgsSettings, Qgis
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parent / "i18n"


def user_locale() -> str:
    """QGIS's UI locale ('zh_CN', 'en_US', ...): the override if set, else the system."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool) or \
            settings.value("locale/userLocale", ""):
        locale = settings.value("locale/userLocale", "") or QLocale.system().name()
    else:
        locale = QLocale.system().name()
    return str(locale)


def install_translator() -> Optional[QTranslator]:
    """Load ``i18n/xingguo_swc_<locale>.qm`` if one exists; return the translator."""
    locale = user_locale()
    for name in (locale, locale.split("_")[0]):
        path = I18N_DIR / ("xingguo_swc_" + name + ".qm")
        if path.is_file():
            translator = QTranslator()
            if translator.load(str(path)):
                QCoreApplication.installTranslator(translator)
                return translator
            QgsMessageLog.logMessage("Cannot load translation " + str(path),
                                     "Xingguo SWC", Qgis.Warning)
    return None


def remove_translator(translator: Optional[QTranslator]) -> None:
    if translator is not None:
        QgsApplication.removeTranslator(translator)
