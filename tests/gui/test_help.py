"""Help: every dock has a help button whose page exists in Chinese and English and
names the dock's buttons; the plugin menu has a help entry opening the index page.

Docks are built as the plugin builds them (``attach_help`` in ``plugin.initGui``);
the Chinese check runs with the plugin's translator, so the page must name the
buttons as the user sees them.
"""

from __future__ import annotations

import importlib
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import List

import pytest
from iface_stand_in import DesktopIface
from test_i18n import chinese  # noqa: F401 (fixture)

from xingguo_swc_plugin.gui import help as plugin_help
from xingguo_swc_plugin.localization import help_language
from xingguo_swc_plugin.plugin import DOCK_CLASSES

KEYS = [module for module, _ in DOCK_CLASSES]


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: List[str] = []
        self.text: List[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links += [value for name, value in attrs if name == "href"]

    def handle_data(self, data):
        self.text.append(data)


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def button_texts(dock) -> List[str]:
    """Texts of the dock's push and tool buttons as shown (no &, no trailing …)."""
    from qgis.PyQt.QtWidgets import QPushButton, QToolButton

    texts = []
    for button in dock.findChildren((QPushButton, QToolButton)):
        if button.objectName() == plugin_help.BUTTON_NAME:
            continue
        text = button.text().replace("&", "").strip().rstrip("…").rstrip(".").strip()
        if text and text not in texts:
            texts.append(text)
    return texts


def build(module_name: str, class_name: str, iface):
    module = importlib.import_module("xingguo_swc_plugin.gui." + module_name)
    dock = getattr(module, class_name)(iface, iface.window)
    plugin_help.attach_help(dock, module_name)
    return dock


def check_docks(qtbot, language: str) -> None:
    from qgis.PyQt.QtWidgets import QScrollArea, QToolButton

    iface = DesktopIface()
    missing = {}
    for module_name, class_name in DOCK_CLASSES:
        dock = build(module_name, class_name, iface)
        qtbot.addWidget(dock)
        try:
            assert isinstance(dock.widget(), QScrollArea), module_name  # still scrolls
            button = dock.findChild(QToolButton, plugin_help.BUTTON_NAME)
            assert button is not None, module_name + " has no help button"
            assert button.property("helpPage") == module_name
            assert re.search("[\u4e00-\u9fff]", button.text()) or language == "en"
            page = plugin_help.page_path(module_name, language)
            assert page.is_file(), page
            text = "".join(parse(page).text)
            assert dock.windowTitle() in text, (page.name, dock.windowTitle())
            absent = [t for t in button_texts(dock) if t not in text]
            if absent:
                missing[page.name] = absent
            # the button opens that page in the help window
            button.click()
            window = iface.window.findChild(plugin_help.HelpWindow, plugin_help.WINDOW_NAME)
            assert window is not None and window.isVisible()
            assert Path(window.browser.source().toLocalFile()) == page
            assert dock.windowTitle() in window.browser.toPlainText()
            window.close()
        finally:
            if hasattr(dock, "cleanup"):
                dock.cleanup()
    assert missing == {}, "pages do not name these buttons: {0}".format(missing)


def test_each_dock_has_a_help_button_and_its_english_page_names_its_buttons(qtbot, qgis_app):
    assert help_language("en_US") == "en"
    check_docks(qtbot, "en")


@pytest.mark.usefixtures("chinese")
def test_each_dock_has_a_help_button_and_its_chinese_page_names_its_buttons(qtbot):
    assert help_language() == "zh_CN"  # follows QGIS's locale
    for code in ("zh_CN", "zh-Hans", "zh"):
        assert help_language(code) == "zh_CN"
    check_docks(qtbot, "zh_CN")


@pytest.mark.parametrize("language", plugin_help.LANGUAGES)
def test_index_links_every_dock_page_and_all_links_resolve(language):
    index = plugin_help.page_path("index", language)
    assert index.is_file()
    links = parse(index).links
    for key in KEYS:
        assert plugin_help.page_path(key, language).name in links, key
    for page in plugin_help.HELP_DIR.glob("*." + language + ".html"):
        for link in parse(page).links:
            assert (plugin_help.HELP_DIR / link).is_file(), (page.name, link)
    # every page has both languages
    names = {p.name.split(".")[0] for p in plugin_help.HELP_DIR.glob("*.html")}
    assert names == set(KEYS) | {"index"}


class MenuIface(DesktopIface):
    """DesktopIface plus what initGui calls, recording the plugin menu."""

    def __init__(self):
        super().__init__()
        self.menu = []

    def addToolBar(self, name):  # noqa: N802 (QGIS API names)
        return self.window.addToolBar(name)

    def addPluginToMenu(self, title, action):  # noqa: N802
        self.menu.append((title, action))

    def removePluginMenu(self, title, action):  # noqa: N802
        self.menu.remove((title, action))

    def addDockWidget(self, area, dock):  # noqa: N802
        self.window.addDockWidget(area, dock)

    def removeDockWidget(self, dock):  # noqa: N802
        self.window.removeDockWidget(dock)

    def registerOptionsWidgetFactory(self, factory):  # noqa: N802
        pass

    def unregisterOptionsWidgetFactory(self, factory):  # noqa: N802
        pass


@pytest.mark.usefixtures("chinese")
def test_plugin_menu_has_help_opening_the_index(qtbot):
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    from xingguo_swc_plugin.plugin import XingguoSwcPlugin

    iface = MenuIface()
    plugin = XingguoSwcPlugin(iface)
    plugin.initProcessing = lambda: None  # conftest registered the provider already
    plugin.initGui()
    try:
        helps = [action for _, action in iface.menu if action.objectName() == "XingguoSwcHelp"]
        assert len(helps) == 1 and helps[0].text() == "帮助"
        assert len(plugin.docks) == len(DOCK_CLASSES)
        for dock in plugin.docks:  # the plugin attached the help of each dock
            from qgis.PyQt.QtWidgets import QToolButton

            assert dock.findChild(QToolButton, plugin_help.BUTTON_NAME) is not None
        helps[0].trigger()
        window = iface.window.findChild(plugin_help.HelpWindow, plugin_help.WINDOW_NAME)
        assert window is not None and window.isVisible()
        assert Path(window.browser.source().toLocalFile()) == plugin_help.page_path(
            "index", "zh_CN"
        )
        assert "打开工作空间" in window.browser.toPlainText()
    finally:
        plugin.unload()
        # the docks and toolbar unload deletes later: delete them now, on this thread
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert iface.menu == []
    assert (
        iface.window.findChild(plugin_help.HelpWindow, plugin_help.WINDOW_NAME) is None
        or not iface.window.findChild(plugin_help.HelpWindow).isVisible()
    )


@pytest.mark.usefixtures("chinese")
def test_processing_algorithms_link_the_help_page_of_their_dock(qgis_app):
    """The toolbox's help button of every algorithm opens an existing page."""
    from qgis.PyQt.QtCore import QUrl

    from xingguo_swc_plugin.processing.provider import XingguoProvider

    provider = XingguoProvider()
    provider.loadAlgorithms()
    pages = {}
    for algorithm in provider.algorithms():
        page = Path(QUrl(algorithm.helpUrl()).toLocalFile())
        assert page.is_file() and page.name.endswith(".zh_CN.html"), (algorithm.id(), page)
        pages[algorithm.id()] = page.name
    assert pages["xingguoswc:benggangattributes"] == "benggang_dock.zh_CN.html"
    assert pages["xingguoswc:atlas"] == "atlas_dock.zh_CN.html"


def test_qt_own_buttons_follow_the_plugin_language(qgis_app):
    """QGIS 3.22 in Chinese (zh-Hans) loads no Qt translation: the plugin loads Qt's
    (qttranslations5-l10n) with its own, so 打开/取消 not Open/Cancel, and removes both."""
    from qgis.PyQt.QtCore import QCoreApplication, QLibraryInfo

    from xingguo_swc_plugin import localization

    folder = Path(QLibraryInfo.location(QLibraryInfo.LibraryLocation.TranslationsPath))
    if not (folder / "qtbase_zh_CN.qm").is_file():  # make deps installs it on bookworm
        pytest.skip("Qt's translations (qttranslations5-l10n) are not installed")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    translator = localization.install_translator("zh-Hans")
    try:
        assert translator is not None and translator.qt_base is not None
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        localization.remove_translator(translator)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
