"""The e2e steps, run inside the real QGIS desktop by ``startup.py``.

Each step is a function returning a short detail (dict/str) or ``Skip``; it raises
(AssertionError or anything) when the plugin misbehaves.  Capability steps find
their dock among the plugin's docks by the module registered in ``DOCK_CLASSES``
and are skipped only when that dock is not registered at all.
"""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

from qgis.core import (
    QgsApplication,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QPoint, Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTabWidget,
    QWidget,
)

#: A failure of these stops the run (nothing after them can work).
ESSENTIAL = ("plugin_active", "load_workspace")


class Skip:
    def __init__(self, reason: str):
        self.reason = reason


@dataclass
class Context:
    iface: Any
    config: Dict[str, Any]
    recorder: Any
    modal_handlers: List[Callable]
    layers: Dict[str, QgsVectorLayer] = field(default_factory=dict)
    state: Dict[str, Any] = field(default_factory=dict)

    @property
    def plugin_name(self) -> str:
        return self.config["plugin"]

    def plugin(self):
        import qgis.utils

        return qgis.utils.plugins[self.plugin_name]

    def package(self):
        import importlib

        return importlib.import_module(self.plugin_name)

    def dock(self, module: str) -> Optional[QDockWidget]:
        """The plugin's dock registered as ``(module, Class)``, or None."""
        plugin_module = __import__(self.plugin_name + ".plugin", fromlist=["DOCK_CLASSES"])
        for module_name, class_name in plugin_module.DOCK_CLASSES:
            if module_name == module:
                for dock in self.plugin().docks:
                    if type(dock).__name__ == class_name:
                        return dock
                raise AssertionError(
                    "dock {0}.{1} registered but not created".format(module_name, class_name)
                )
        return None

    def shot(self, name: str, widget: Optional[QWidget] = None) -> str:
        return self.recorder.screenshot(name, widget)


# --- helpers --------------------------------------------------------------------------
def wait(ms: int = 100) -> None:
    QTest.qWait(ms)


def wait_until(
    condition: Callable[[], bool], timeout_s: float = 60.0, what: str = "condition"
) -> None:
    """Process events until ``condition()``; AssertionError after ``timeout_s``.

    A guard against a hang, not a timing assertion: the limit is generous.
    """
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for " + what)
        QTest.qWait(50)


def tasks_idle() -> bool:
    return QgsApplication.taskManager().countActiveTasks() == 0


def show_dock(dock: QDockWidget) -> None:
    dock.setVisible(True)
    dock.raise_()
    wait(200)


def hide_plugin_docks(ctx: Context, keep: Optional[QDockWidget] = None) -> None:
    for dock in ctx.plugin().docks:
        if dock is not keep:
            dock.setVisible(False)
    wait(50)


def widget_texts(root: QWidget) -> List[Tuple[str, str]]:
    """(kind, text) of every user-visible string under ``root``."""
    texts: List[Tuple[str, str]] = []
    widgets = [root] + root.findChildren(QWidget)
    for widget in widgets:
        if isinstance(widget, QDockWidget):
            texts.append(("title", widget.windowTitle()))
        if isinstance(widget, (QAbstractButton, QLabel)):
            texts.append(("text", widget.text()))
        if isinstance(widget, QGroupBox):
            texts.append(("title", widget.title()))
        if isinstance(widget, QLineEdit):
            texts.append(("placeholder", widget.placeholderText()))
        if isinstance(widget, QComboBox):
            texts += [("item", widget.itemText(i)) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            texts += [("tab", widget.tabText(i)) for i in range(widget.count())]
        texts.append(("tooltip", widget.toolTip()))
    return [(kind, text) for kind, text in texts if text]


def find_button(root: QWidget, *needles: str) -> QAbstractButton:
    """The enabled visible button whose text, tooltip or objectName contains a needle."""
    for button in root.findChildren(QAbstractButton):
        haystack = " ".join((button.text(), button.toolTip(), button.objectName())).lower()
        if any(needle.lower() in haystack for needle in needles):
            return button
    raise AssertionError("no button matching {0} in {1}".format(needles, root.objectName()))


def bring_into_view(widget: QWidget) -> None:
    """Show the tab holding ``widget`` and scroll its dock to it (as a user does)."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QTabWidget):
            page = next(
                (
                    i
                    for i in range(parent.count())
                    if parent.widget(i) is child or parent.widget(i).isAncestorOf(child)
                ),
                -1,
            )
            if page >= 0:
                parent.setCurrentIndex(page)
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget, 10, 40)
        child, parent = parent, parent.parentWidget()
    wait(50)


def click(button: QAbstractButton) -> None:
    assert button.isEnabled(), "button disabled: " + button.text()
    bring_into_view(button)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    wait(100)


def canvas_pixel(ctx: Context, point: QgsPointXY) -> QPoint:
    canvas = ctx.iface.mapCanvas()
    pixel = canvas.getCoordinateTransform().transform(point)
    return QPoint(int(round(pixel.x())), int(round(pixel.y())))


def click_map(
    ctx: Context,
    point: QgsPointXY,
    button: Qt.MouseButton = Qt.MouseButton.LeftButton,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """A real mouse click on the map canvas viewport at map coordinates."""
    viewport = ctx.iface.mapCanvas().viewport()
    pixel = canvas_pixel(ctx, point)
    QTest.mouseMove(viewport, pixel)
    wait(30)
    QTest.mousePress(viewport, button, modifier, pixel)
    wait(30)
    QTest.mouseRelease(viewport, button, modifier, pixel)
    wait(60)


def english_sources(repo: str) -> Dict[str, Optional[str]]:
    """English source -> Chinese translation for every string the plugin shows: the
    .ts file's messages plus the literals of ``tr()``/``QT_TR_NOOP()`` calls and the
    strings of ``.ui`` files (None: not in the .ts file yet, i.e. untranslated)."""
    import ast

    root = Path(repo)
    sources: Dict[str, Optional[str]] = {}
    package = root / "xingguo_swc_plugin"
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name in ("tr", "QT_TR_NOOP"):
                    sources[node.args[0].value] = None
    for path in sorted(package.rglob("*.ui")):
        for element in ElementTree.parse(str(path)).getroot().iter("string"):
            if element.text and element.get("notr") != "true":
                sources[element.text] = None
    ts = root / "i18n" / "xingguo_swc_zh_CN.ts"
    if ts.is_file():
        for message in ElementTree.parse(str(ts)).getroot().iter("message"):
            translation = message.find("translation")
            finished = translation is not None and translation.get("type") is None
            sources[message.findtext("source") or ""] = (
                (translation.text or "") if finished else None
            )
    return sources


def untranslated_texts(dock: QWidget, sources: Dict[str, Optional[str]]) -> List[str]:
    """Texts of the dock that are an English source string shown untranslated."""
    found = []
    for kind, text in widget_texts(dock):
        if text in sources and sources[text] != text and _LATIN_WORD.search(text):
            found.append("{0} {1}: {2!r}".format(type(dock).__name__, kind, text))
    return found


_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


# --- generic steps ------------------------------------------------------------------
def step_plugin_active(ctx: Context):
    import qgis.utils

    assert ctx.plugin_name in qgis.utils.active_plugins, "plugin not active: " + ", ".join(
        qgis.utils.active_plugins
    )
    plugin = ctx.plugin()
    provider = QgsApplication.processingRegistry().providerById("xingguoswc")
    assert provider is not None, "Processing provider xingguoswc not registered"
    algorithms = sorted(a.id() for a in provider.algorithms())
    assert "xingguoswc:createworkspace" in algorithms, algorithms
    return {"algorithms": algorithms, "docks": [type(d).__name__ for d in plugin.docks]}


def step_chinese_ui(ctx: Context):
    """QGIS runs in Chinese and the plugin installed its translator for it."""
    plugin = ctx.plugin()
    locale = QgsApplication.instance().translation()
    assert plugin.translator is not None, "Chinese translator not installed for " + locale
    menu_title = plugin.menu_title
    assert re.search("[\u4e00-\u9fff]", menu_title), menu_title
    provider = QgsApplication.processingRegistry().providerById("xingguoswc")
    english = [
        a.displayName()
        for a in provider.algorithms()
        if not re.search("[\u4e00-\u9fff]", a.displayName() + a.group())
    ]
    assert not english, "Processing algorithms in English: " + ", ".join(english)
    return {
        "qgis_locale": locale,
        "menu": menu_title,
        "provider": provider.name(),
        "algorithms": sorted(a.displayName() for a in provider.algorithms()),
    }


def open_workspace_with_the_action(ctx: Context, path: str) -> Dict[str, Any]:
    """Trigger the plugin's *打开工作空间…* action; its (modal) dialog is answered as a
    user does: GeoPackage, the file, *打开*.  Returns what the dialog showed."""
    from qgis.PyQt.QtWidgets import QDialogButtonBox

    seen: Dict[str, Any] = {}

    def answer(dialog) -> bool:
        if dialog.objectName() != "XingguoSwcWorkspaceDialog":
            return False
        if seen.get("answered"):
            return True
        seen["answered"] = True
        dialog.gpkg_radio.setChecked(True)
        dialog.file_widget.setFilePath(path)
        wait(100)
        seen["title"] = dialog.windowTitle()
        seen["screenshot"] = ctx.shot("technician_1_open_workspace_dialog", dialog)
        button = dialog.buttons.button(QDialogButtonBox.StandardButton.Open)
        assert button.isEnabled(), "打开 is disabled with a GeoPackage chosen"
        seen["button"] = button.text()
        button.click()
        return True

    ctx.modal_handlers.append(answer)
    try:
        action = ctx.plugin().open_action
        assert action.objectName() == "XingguoSwcOpenWorkspace" and action.text(), (
            "no open-workspace action"
        )
        menu_actions = [a for a in ctx.plugin().actions if a is action]
        assert menu_actions, "the open-workspace action is not in the plugin menu"
        action.trigger()
        wait_until(lambda: seen.get("answered", False), 20, "the open-workspace dialog")
    finally:
        ctx.modal_handlers.remove(answer)
    # Qt's own buttons in Chinese too (qttranslations5-l10n, installed by make deps)
    assert re.search("[\u4e00-\u9fff]", seen.get("button", "")), (
        "Qt's button in English: " + seen.get("button", "")
    )
    return seen


def step_load_workspace(ctx: Context):
    """Technician: open the demo workspace with the plugin's action *打开工作空间…*
    (toolbar/menu) and its dialog; every dock's layers must then be the workspace
    tables of their role, and only the data tables are in the project."""
    workspace_module = __import__(ctx.plugin_name + ".core.workspace.geopackage", fromlist=["x"])
    schema = __import__(ctx.plugin_name + ".core.workspace.schema", fromlist=["x"])
    tables = __import__(ctx.plugin_name + ".core.workspace.layers", fromlist=["x"])
    shown_before = len(ctx.recorder.data.get("message_bar", []))
    project = QgsProject.instance()
    # the map in the workspace's CRS, as the digitizing steps click in layer coordinates
    project.setCrs(workspace_module.open_workspace(ctx.config["workspace"]).crs())
    dialog = open_workspace_with_the_action(ctx, ctx.config["workspace"])
    for layer in project.mapLayers().values():
        table = tables.table_of(layer)
        assert table, "layer {0} is not a workspace table".format(layer.name())
        assert table not in ctx.layers, "table {0} loaded twice".format(table)
        ctx.layers[table] = layer
    assert len(project.mapLayers()) == len(schema.LAYERS), sorted(
        layer.name() for layer in project.mapLayers().values()
    )
    group_names = [child.name() for child in project.layerTreeRoot().children()]
    assert len(group_names) == 1, "expected one layer group: " + str(group_names)
    dock_tables = {}
    for dock in ctx.plugin().docks:
        combos = getattr(dock, "table_combos", None)
        if combos is None:
            continue
        for combo, table in combos.combos:
            actual = tables.table_of(combo.currentLayer())
            assert actual == table, "{0}: {1} instead of {2}".format(
                dock.objectName(), actual or combo.currentText(), table
            )
            dock_tables.setdefault(dock.objectName(), []).append(table)
    assert dock_tables, "no dock declares its layer combos (table_combos)"
    townships = ctx.layers["township"]
    canvas = ctx.iface.mapCanvas()
    extent = townships.extent()
    if extent.isEmpty():
        raise AssertionError("township layer is empty: the demo workspace has no data")
    canvas.setExtent(extent)
    canvas.refresh()
    wait(500)  # the refresh starts deferred: let it begin before waiting for its end
    wait_until(lambda: not canvas.isDrawing(), 60, "map rendering")
    wait(300)
    counts = {name: layer.featureCount() for name, layer in ctx.layers.items()}
    assert counts["township"] == 25, counts
    # Domain codes show as the Chinese labels of SPEC (value maps stored in the workspace).
    labels = {}
    for table, field_name in (
        ("benggang", "gm"),
        ("benggang", "xt"),
        ("erosion", "qsqd"),
        ("finding", "zt"),
    ):
        layer = ctx.layers[table]
        index = layer.fields().indexOf(field_name)
        if index < 0:
            continue
        setup = layer.editorWidgetSetup(index)
        assert setup.type() == "ValueMap", "{0}.{1}: {2}".format(table, field_name, setup.type())
        value_map = setup.config().get("map")
        items = value_map if isinstance(value_map, list) else [value_map or {}]
        names = [key for item in items for key in item]
        assert names and all(re.search("[\u4e00-\u9fff]", n) for n in names), names
        labels[table + "." + field_name] = names
    assert labels, "no value maps found"
    counts["value_maps"] = labels
    # Not an error yet, but worth seeing: what the docks said while the layers came in.
    counts["messages_on_open"] = [
        text for _, text in ctx.recorder.data.get("message_bar", [])[shown_before:]
    ]
    counts["dock_tables"] = dock_tables
    counts["group"] = group_names[0]
    counts["dialog"] = dialog
    return counts


def step_docks_exist(ctx: Context):
    plugin_module = __import__(ctx.plugin_name + ".plugin", fromlist=["DOCK_CLASSES"])
    registered = list(plugin_module.DOCK_CLASSES)
    main_docks = ctx.iface.mainWindow().findChildren(QDockWidget)
    titles = {}
    for module_name, class_name in registered:
        dock = ctx.dock(module_name)
        assert dock in main_docks, class_name + " is not a dock of the main window"
        assert dock.objectName(), class_name + " has no objectName (QGIS saves dock state by it)"
        titles[module_name] = dock.windowTitle()
        assert re.search("[\u4e00-\u9fff]", dock.windowTitle()), (
            "untranslated dock title: " + dock.windowTitle()
        )
    menu_actions = [a.text() for a in ctx.plugin().actions]
    # + open workspace, + help
    assert len(menu_actions) == len(registered) + 2, menu_actions
    return (
        {"titles": titles, "menu": menu_actions} if registered else Skip("no dock registered yet")
    )


def step_help(ctx: Context):
    """帮助 in the plugin menu opens the index page; each dock's 帮助 button opens its
    Chinese page, which names the dock's title."""
    help_module = __import__(ctx.plugin_name + ".gui.help", fromlist=["x"])
    main = ctx.iface.mainWindow()
    action = [a for a in ctx.plugin().actions if a.objectName() == "XingguoSwcHelp"]
    assert len(action) == 1, "no 帮助 entry in the plugin menu"
    action[0].trigger()
    wait(300)
    window = main.findChild(help_module.HelpWindow, help_module.WINDOW_NAME)
    assert window is not None and window.isVisible(), "the help window did not open"
    assert window.browser.source().toLocalFile().endswith("index.zh_CN.html"), (
        window.browser.source().toString()
    )
    ctx.shot("help_index", window)
    pages = {}
    for dock in ctx.plugin().docks:
        hide_plugin_docks(ctx, keep=dock)
        show_dock(dock)
        button = dock.findChild(QAbstractButton, help_module.BUTTON_NAME)
        assert button is not None, dock.objectName() + " has no help button"
        click(button)
        wait(200)
        window = main.findChild(help_module.HelpWindow, help_module.WINDOW_NAME)
        page = window.browser.source().toLocalFile()
        assert page.endswith(".zh_CN.html") and Path(page).is_file(), page
        assert dock.windowTitle() in window.browser.toPlainText(), page
        pages[dock.objectName()] = Path(page).name
    ctx.shot("help_dock", window)
    window.close()
    wait(100)
    return {"pages": pages}


def step_open_dock(ctx: Context, module: str):
    def run():
        dock = ctx.dock(module)
        hide_plugin_docks(ctx, keep=dock)
        show_dock(dock)
        assert dock.isVisible(), module + " dock did not open"
        ctx.shot("dock_" + module, dock)
        return {"title": dock.windowTitle(), "widgets": len(dock.findChildren(QWidget))}

    return run


def step_buttons_reachable(ctx: Context):
    """At 1280×800 every button of every dock (each tab shown in turn) can be
    scrolled into view and is the widget under the mouse at its centre."""
    window = ctx.iface.mainWindow()
    window.showNormal()
    window.resize(1280, 800)
    wait(300)
    checked = {}
    for dock in ctx.plugin().docks:
        hide_plugin_docks(ctx, keep=dock)
        show_dock(dock)
        area = dock.widget()
        assert isinstance(area, QScrollArea), dock.objectName() + " has no scroll area"
        tab_widgets = dock.findChildren(QTabWidget)
        pages = [(tabs, index) for tabs in tab_widgets for index in range(tabs.count())] or [
            (None, 0)
        ]
        seen = set()
        for tabs, index in pages:
            if tabs is not None:
                tabs.setCurrentIndex(index)
                wait(100)
            for button in dock.findChildren(QAbstractButton):
                if (
                    id(button) in seen
                    or not button.isVisibleTo(dock)
                    or button.parent() is None
                    or not button.text()
                    and not button.toolTip()
                ):
                    continue
                area.ensureWidgetVisible(button, 10, 10)
                wait(30)
                centre = button.mapToGlobal(button.rect().center())
                under = QApplication.widgetAt(centre)
                assert under is button or (under is not None and button.isAncestorOf(under)), (
                    "{0}: button {1} not reachable at 1280×800 (under the mouse: {2})".format(
                        dock.objectName(),
                        button.text() or button.toolTip(),
                        under.objectName() if under is not None else None,
                    )
                )
                seen.add(id(button))
        checked[dock.objectName()] = len(seen)
        ctx.shot("reach_" + dock.objectName(), window)
        for tabs in tab_widgets:  # leave the dock as a user first sees it
            tabs.setCurrentIndex(0)
        area.verticalScrollBar().setValue(0)
    # the role walks go on at 1280×800
    return {"window": [1280, 800], "buttons": checked}


def step_i18n(ctx: Context):
    """No widget text of any dock equals an English source string of the .ts file."""
    sources = english_sources(ctx.config["repo"])
    untranslated = []
    for dock in ctx.plugin().docks:
        untranslated += untranslated_texts(dock, sources)
    # Every message the run put in a message bar (QGIS's or a dock's) is Chinese.
    shown = ctx.recorder.data.get("message_bar", [])
    for title, text in shown:
        if not re.search("[\u4e00-\u9fff]", title + text):
            untranslated.append("message bar: {0!r} {1!r}".format(title, text))
    assert not untranslated, "untranslated: " + "; ".join(sorted(set(untranslated)))
    assert shown, "no message bar message was recorded during the run"
    return {
        "docks": len(ctx.plugin().docks),
        "sources": len(sources),
        "messages_checked": len(shown),
    }


def step_reload_plugin(ctx: Context):
    """Unload and load again in the real desktop: nothing left behind, all back."""
    import qgis.utils

    main = ctx.iface.mainWindow()
    name = ctx.plugin_name
    before_docks = len(ctx.plugin().docks)
    menu_title = ctx.plugin().menu_title
    assert menu_title in [a.text() for a in ctx.iface.pluginMenu().actions()], (
        "plugin menu missing before unload"
    )
    class_names = {type(d).__name__ for d in ctx.plugin().docks}
    toolbars_before = [
        t.objectName() for t in main.findChildren(QWidget) if t.objectName() == "XingguoSwcToolbar"
    ]
    assert qgis.utils.unloadPlugin(name), "unloadPlugin returned False"
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    wait(200)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    left = [
        type(d).__name__ for d in main.findChildren(QDockWidget) if type(d).__name__ in class_names
    ]
    assert not left, "docks left after unload: " + ", ".join(left)
    assert QgsApplication.processingRegistry().providerById("xingguoswc") is None, (
        "provider left after unload"
    )
    toolbars = [t for t in main.findChildren(QWidget) if t.objectName() == "XingguoSwcToolbar"]
    assert not toolbars, "toolbar left after unload"
    menu_texts = [a.text() for a in ctx.iface.pluginMenu().actions()]
    assert menu_title not in menu_texts, "plugin menu left after unload"
    tool = ctx.iface.mapCanvas().mapTool()
    assert tool is None or not type(tool).__module__.startswith(name), (
        "map tool of the plugin left on the canvas"
    )
    assert name not in qgis.utils.active_plugins
    assert qgis.utils.loadPlugin(name), "loadPlugin failed"
    assert qgis.utils.startPlugin(name), "startPlugin failed"
    wait(200)
    assert len(ctx.plugin().docks) == before_docks, "docks after reload differ"
    assert [a.text() for a in ctx.iface.pluginMenu().actions()].count(menu_title) == 1, (
        "plugin menu missing or doubled after reload"
    )
    assert QgsApplication.processingRegistry().providerById("xingguoswc") is not None
    toolbars = [t for t in main.findChildren(QWidget) if t.objectName() == "XingguoSwcToolbar"]
    assert len(toolbars) == len(toolbars_before), "toolbar count changed on reload"
    return {"docks": before_docks, "plugin_menu_after_unload": menu_texts}


def step_install_from_zip(ctx: Context):
    """QGIS's own installer (*Plugins → Install from ZIP*) takes the ``make package``
    zip: it replaces the running plugin, reloads it, and everything is back."""
    import configparser
    import zipfile

    import pyplugin_installer
    import qgis.utils

    name = ctx.plugin_name
    package = ctx.config["package"]
    with zipfile.ZipFile(package) as archive:
        names = [n for n in archive.namelist() if not n.endswith("/")]
        metadata = archive.read(name + "/metadata.txt").decode("utf-8")
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(metadata)
    version = parser["general"]["version"]
    # the profile's plugin folder (qgis.utils names it home_plugin_path on 3.22,
    # HOME_PLUGIN_PATH on 3.40)
    installed = Path(QgsApplication.qgisSettingsDirPath()) / "python" / "plugins" / name
    marker = installed / "e2e_marker.txt"
    marker.write_text("left by the runner's copy", encoding="utf-8")
    pyplugin_installer.instance().installFromZipFile(package)
    wait(300)
    assert not marker.exists(), "the installer did not replace the plugin folder"
    on_disk = sorted(
        str(p.relative_to(installed.parent))
        for p in installed.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )
    assert on_disk == sorted(names), "installed files differ from the zip"
    assert name in qgis.utils.active_plugins, "plugin not active after the install"
    assert qgis.utils.pluginMetadata(name, "version") == version
    assert len(ctx.plugin().docks) == len(_registered_docks(ctx)), "docks missing"
    assert QgsApplication.processingRegistry().providerById("xingguoswc") is not None
    return {"zip": Path(package).name, "files": len(names), "version": version}


def _registered_docks(ctx: Context) -> List[Tuple[str, str]]:
    plugin_module = __import__(ctx.plugin_name + ".plugin", fromlist=["DOCK_CLASSES"])
    return list(plugin_module.DOCK_CLASSES)


# --- capability steps (filled in as the docks land) -----------------------------------
def capability_steps(ctx: Context) -> List[Tuple[str, Callable]]:
    import e2e_capabilities

    return e2e_capabilities.steps(ctx)


def steps(ctx: Context) -> List[Tuple[str, Callable]]:
    result: List[Tuple[str, Callable]] = [
        ("plugin_active", lambda: step_plugin_active(ctx)),
        ("chinese_ui", lambda: step_chinese_ui(ctx)),
        ("load_workspace", lambda: step_load_workspace(ctx)),
        ("docks_exist", lambda: step_docks_exist(ctx)),
        ("help", lambda: step_help(ctx)),
    ]
    plugin_module = __import__(ctx.plugin_name + ".plugin", fromlist=["DOCK_CLASSES"])
    for module_name, _ in plugin_module.DOCK_CLASSES:
        result.append(("open_" + module_name, step_open_dock(ctx, module_name)))
    result.append(("buttons_reachable_1280x800", lambda: step_buttons_reachable(ctx)))
    result += capability_steps(ctx)
    result += [
        ("i18n_docks", lambda: step_i18n(ctx)),
        ("reload_plugin", lambda: step_reload_plugin(ctx)),
        ("install_from_zip", lambda: step_install_from_zip(ctx)),
    ]
    return result
