"""Install the plugin's translator for QGIS's locale setting.

QGIS names its own Chinese translation ``zh-Hans`` (that is what its language
option writes to ``locale/userLocale``), while Qt and most users say ``zh_CN``:
both, and the other Chinese variants, load ``i18n/xingguo_swc_zh_CN.qm``.
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

from qgis.core import Qgis, QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .core.log import log

I18N_DIR = Path(__file__).resolve().parent / "i18n"
#: Help pages shipped with the plugin: resources/help/<key>.<language>.html.
HELP_DIR = Path(__file__).resolve().parent / "resources" / "help"
HELP_LANGUAGES = ("zh_CN", "en")

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
                translator.qt_base = qt_base_translator(name)  # removed with it
                return translator
            log("Cannot load translation " + str(path), level=Qgis.Warning)
    return None


def qt_base_translator(name: str) -> Optional[QTranslator]:
    """Qt's own strings (Open, Cancel, Close, the file dialog) in ``name``'s language
    when QGIS did not load them: QGIS 3.22 in Chinese looks for ``qt_zh-Hans``, which
    no Qt ships, so the plugin's dialogs showed English buttons."""
    qt_context, probe = "QPlatformTheme", "Cancel"  # names, not literals: not ours to translate
    if QCoreApplication.translate(qt_context, probe) != probe:
        return None  # QGIS (or the system) already translates Qt
    translator = QTranslator()
    folder = QLibraryInfo.location(QLibraryInfo.LibraryLocation.TranslationsPath)
    if not translator.load("qtbase_" + name, folder):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


def remove_translator(translator: Optional[QTranslator]) -> None:
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
        qt_base = getattr(translator, "qt_base", None)
        if qt_base is not None:
            QCoreApplication.removeTranslator(qt_base)


def help_language(locale: Optional[str] = None) -> str:
    """``zh_CN`` for any Chinese locale (as the translator), else ``en``."""
    for name in candidates(locale or user_locale()):
        if name in HELP_LANGUAGES:
            return name
    return "en"


def help_page(key: str, language: Optional[str] = None) -> Path:
    """The help page of ``key`` (a dock module name or ``index``) in the UI language:
    one definition for the docks' help buttons and the Processing algorithms."""
    return HELP_DIR / "{0}.{1}.html".format(key, language or help_language())
