"""Install the plugin's translator for QGIS's locale setting.

QGIS names its own Chinese translation ``zh-Hans`` (that is what its language
option writes to ``locale/userLocale``), while Qt and most users say ``zh_CN``:
both, and the other Chinese variants, load ``i18n/xingguo_swc_zh_CN.qm``.
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

from qgis.core import Qgis, QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from .core.log import log

I18N_DIR = Path(__file__).resolve().parent / "i18n"

#: Locale codes (normalised to ``xx_Yyyy``/``xx_YY``) served by another file.
ALIASES = {
    "zh": "zh_CN",
    "zh_Hans": "zh_CN",
    "zh_SG": "zh_CN",
    "zh_Hant": "zh_CN",
    "zh_TW": "zh_CN",
    "zh_HK": "zh_CN",
}


def user_locale() -> str:
    """QGIS's UI locale ('zh_CN', 'zh-Hans', 'en_US', ...).

    The translation the running QGIS desktop uses wins (it honours ``--lang``);
    otherwise the override in the settings, as QGIS reads it; otherwise the system.
    """
    app = QgsApplication.instance()
    if isinstance(app, QgsApplication):
        current = app.translation()
        if current:
            return str(current)
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        locale = settings.value("locale/userLocale", "", type=str)
        if locale:
            return str(locale)
    return QLocale.system().name()


def candidates(locale: str) -> List[str]:
    """File suffixes to try for ``locale``, most specific first."""
    code = locale.replace("-", "_")
    names = [code]
    if code in ALIASES:
        names.append(ALIASES[code])
    language = code.split("_")[0]
    names.append(language)
    if language in ALIASES:
        names.append(ALIASES[language])
    unique: List[str] = []
    for name in names:
        if name and name not in unique:
            unique.append(name)
    return unique


def install_translator(locale: Optional[str] = None) -> Optional[QTranslator]:
    """Load ``i18n/xingguo_swc_<locale>.qm`` if one exists; return the translator."""
    for name in candidates(locale or user_locale()):
        path = I18N_DIR / ("xingguo_swc_" + name + ".qm")
        if path.is_file():
            translator = QTranslator()
            if translator.load(str(path)):
                QCoreApplication.installTranslator(translator)
                return translator
            log("Cannot load translation " + str(path), level=Qgis.Warning)
    return None


def remove_translator(translator: Optional[QTranslator]) -> None:
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
