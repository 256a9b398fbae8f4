"""Chinese user interface: the translation file is complete and current, the
translator follows QGIS's locale, and every dock shows no English source string.

The widget walk builds every dock of ``DOCK_CLASSES`` on a real QgsMapCanvas with
``locale/userLocale=zh_CN`` and compares each title, label, button, item, tab,
placeholder and tooltip with the English sources of ``i18n/xingguo_swc_zh_CN.ts``.
"""

from __future__ import annotations

import ast
import importlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import List, Tuple

import pytest
from iface_stand_in import DesktopIface

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "xingguo_swc_plugin"
TS = REPO / "i18n" / "xingguo_swc_zh_CN.ts"
QM = REPO / "i18n" / "xingguo_swc_zh_CN.qm"
CJK = re.compile("[\u4e00-\u9fff]")
#: Modules whose tr() translates values marked with QT_TR_NOOP where they are defined.
MARKED_ELSEWHERE = {"processing/base.py"}
#: Sources whose Chinese text is legitimately the same (names, formats).
SAME_IN_CHINESE = {
    "GeoPackage",
    "PostGIS",
    "CSV",
    "XLSX",
    "UUID",
    "DEM",
    "GeoPackage (*.gpkg)",
    " dpi",
}
PLACEHOLDER = re.compile(r"\{[0-9]*(?:![rsa])?(?::[^{}]*)?\}")


def ts_messages() -> List[Tuple[str, str, str, bool]]:
    """(context, source, translation, finished) of every message in the .ts file."""
    root = ElementTree.parse(str(TS)).getroot()
    messages = []
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = translation is not None and translation.get("type") not in (
                "unfinished",
                "obsolete",
                "vanished",
            )
            messages.append(
                (
                    name,
                    message.findtext("source") or "",
                    (translation.text or "") if translation is not None else "",
                    finished,
                )
            )
    return messages


def plugin_sources() -> List[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def tr_calls() -> List[Tuple[Path, int, ast.Call]]:
    calls = []
    for path in plugin_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = (
                    func.id
                    if isinstance(func, ast.Name)
                    else func.attr
                    if isinstance(func, ast.Attribute)
                    else None
                )
                if name == "tr":
                    calls.append((path, node.lineno, node))
    return calls


# --- static checks ------------------------------------------------------------------
def test_every_tr_call_has_one_literal_argument():
    """pylupdate5 only sees literals: no f-string, variable or concatenation in tr()."""
    bad = []
    for path, line, call in tr_calls():
        where = "{0}:{1}".format(path.relative_to(REPO), line)
        if isinstance(call.func, ast.Attribute) and not (
            isinstance(call.func.value, ast.Name) and call.func.value.id == "translation"
        ):
            bad.append(where + " uses .tr() (a per-class context); use translation.tr")
            continue
        if len(call.args) != 1 or call.keywords:
            bad.append(where + " tr() takes exactly one literal")
        elif not (isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)):
            if path.relative_to(PACKAGE).as_posix() in MARKED_ELSEWHERE:
                continue  # translates QT_TR_NOOP-marked class attributes
            bad.append(where + " tr() argument is " + type(call.args[0]).__name__)
    assert len(tr_calls()) > 50, "suspiciously few tr() calls found"
    assert bad == [], "\n".join(bad)


#: Calls whose string arguments the user reads: a literal there bypasses tr().
SHOWN = {
    "QLabel",
    "QPushButton",
    "QToolButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "setText",
    "setToolTip",
    "setWindowTitle",
    "setPlaceholderText",
    "setTitle",
    "addItems",
    "pushMessage",
    "pushWarning",
    "pushInfo",
    "pushCritical",
    "pushSuccess",
    "information",
    "warning",
    "critical",
    "question",
    "setStatusTip",
    "addTab",
    "setTabText",
    "setHorizontalHeaderLabels",
    "setHeaderLabels",
    "addRow",
    "setSuffix",
    "setPrefix",
    "setSpecialValueText",
    "SwcError",
    "InputError",
    "WorkspaceError",
    "QgsProcessingException",
    "reportError",
    "setProgressText",
}
#: Calls where only the first argument is shown (the others are item data).
SHOWN_FIRST = {"addItem", "insertItem"}


def test_no_user_visible_literal_bypasses_tr():
    """Labels, buttons, tooltips, items, message-bar texts and error messages are
    written as tr("...") — an English literal passed directly would stay English."""
    bad = []
    for path in plugin_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in SHOWN:
                args = list(node.args) + [keyword.value for keyword in node.keywords]
            elif name in SHOWN_FIRST:
                args = node.args[:1]
            else:
                continue
            for arg in args:
                elements = arg.elts if isinstance(arg, (ast.List, ast.Tuple)) else [arg]
                for element in elements:
                    if (
                        isinstance(element, ast.Constant)
                        and isinstance(element.value, str)
                        and re.search("[A-Za-z]{3,}", element.value)
                    ):
                        bad.append(
                            "{0}:{1} {2}({3!r})".format(
                                path.relative_to(REPO), node.lineno, name, element.value
                            )
                        )
    assert bad == [], "\n".join(bad)


def test_ts_file_covers_every_tr_literal():
    """`make translations` was run after the last string change."""
    sources = {source for context, source, _, _ in ts_messages() if context == "XingguoSWC"}
    literals = {
        call.args[0].value
        for _, _, call in tr_calls()
        if call.args and isinstance(call.args[0], ast.Constant)
    }
    missing = sorted(literals - sources)
    assert missing == [], "not in {0} (run make translations): {1}".format(TS.name, missing)


def test_ts_file_is_complete_and_chinese():
    messages = ts_messages()
    assert {context for context, *_ in messages} >= {"XingguoSWC"}
    unfinished = [source for _, source, _, finished in messages if not finished]
    assert unfinished == [], "unfinished translations: {0}".format(unfinished)
    empty = [source for _, source, translation, _ in messages if not translation.strip()]
    assert empty == [], empty
    same = [
        source
        for _, source, translation, _ in messages
        if translation == source
        and re.search("[a-z]{3,}", source)
        and source not in SAME_IN_CHINESE
    ]
    assert same == [], "left in English: {0}".format(same)


def test_placeholders_survive_translation():
    """A translation keeps exactly the {0}, {1}... of its source (format() fills them)."""
    wrong = []
    for _, source, translation, _ in ts_messages():
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation)):
            wrong.append((source, translation))
    assert wrong == [], wrong


def test_committed_qm_is_compiled_from_the_ts(tmp_path):
    """The shipped .qm equals what lrelease makes of the committed .ts."""
    lrelease = shutil.which("lrelease")
    assert lrelease, "lrelease missing (qttools5-dev-tools, make deps)"
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(fresh)], check=True)
    assert QM.read_bytes() == fresh.read_bytes(), "run make translations and commit the .qm"


# --- run-time checks ----------------------------------------------------------------
@pytest.fixture
def chinese(qgis_app):
    """QGIS settings say zh_CN; the plugin's translator is installed, then removed."""
    from qgis.core import QgsSettings

    from xingguo_swc_plugin import localization

    settings = QgsSettings()
    saved = {key: settings.value(key) for key in ("locale/userLocale", "locale/overrideFlag")}
    settings.setValue("locale/userLocale", "zh_CN")
    settings.setValue("locale/overrideFlag", True)
    translator = localization.install_translator()
    try:
        yield translator
    finally:
        localization.remove_translator(translator)
        for key, value in saved.items():
            if value is None:
                settings.remove(key)
            else:
                settings.setValue(key, value)


def test_translator_follows_qgis_locale(chinese):
    from xingguo_swc_plugin import localization
    from xingguo_swc_plugin.translation import tr

    assert chinese is not None, "no translator for zh_CN"
    assert localization.user_locale() == "zh_CN"
    assert tr("Collapse gullies") == "崩岗调查"


@pytest.mark.parametrize("code", ["zh_CN", "zh-Hans", "zh_Hans", "zh"])
def test_qgis_chinese_codes_load_the_file(qgis_app, code):
    """QGIS's own language option writes zh-Hans: it must find our zh_CN file."""
    from xingguo_swc_plugin import localization

    translator = localization.install_translator(code)
    try:
        assert translator is not None, code
    finally:
        localization.remove_translator(translator)


def test_locale_without_override_follows_the_system(qgis_app):
    """As QGIS: userLocale only counts when overrideFlag is set."""
    from qgis.core import QgsSettings
    from qgis.PyQt.QtCore import QLocale

    from xingguo_swc_plugin import localization

    settings = QgsSettings()
    settings.setValue("locale/userLocale", "zh_CN")
    settings.setValue("locale/overrideFlag", False)
    try:
        assert localization.user_locale() == QLocale.system().name()
    finally:
        settings.remove("locale/userLocale")
        settings.remove("locale/overrideFlag")


def test_candidates_map_chinese_variants_to_the_zh_cn_file():
    from xingguo_swc_plugin.localization import candidates

    assert candidates("zh-Hans")[:2] == ["zh_Hans", "zh_CN"]
    assert "zh_CN" in candidates("zh_TW")
    assert candidates("en_US") == ["en_US", "en"]


def test_english_locale_stays_english(qgis_app):
    from xingguo_swc_plugin import localization
    from xingguo_swc_plugin.translation import tr

    assert localization.install_translator("en_US") is None
    assert tr("Collapse gullies") == "Collapse gullies"


def test_every_message_translates_at_run_time(chinese):
    """The compiled file answers every source of the .ts with its translation."""
    from qgis.PyQt.QtCore import QCoreApplication

    wrong = [
        (context, source)
        for context, source, translation, _ in ts_messages()
        if QCoreApplication.translate(context, source) != translation
    ]
    assert wrong == [], wrong[:20]


def test_processing_algorithms_are_chinese(chinese):
    """Name, group, help and parameter labels of every algorithm in the toolbox."""
    from xingguo_swc_plugin.processing.provider import XingguoProvider

    provider = XingguoProvider()
    provider.loadAlgorithms()
    algorithms = provider.algorithms()
    assert len(algorithms) >= 5
    english = []
    for algorithm in algorithms:
        texts = [algorithm.displayName(), algorithm.group(), algorithm.shortHelpString()]
        texts += [d.description() for d in algorithm.parameterDefinitions()]
        texts += [d.description() for d in algorithm.outputDefinitions() if d.description()]
        for text in texts:
            if not CJK.search(text or ""):
                english.append((algorithm.id(), text))
    assert english == [], english


def test_docks_show_no_english_source_string(chinese, qtbot, sample_copy):
    """Every dock, built in Chinese with the sample workspace loaded: no text of any
    widget is an English source string of the .ts file."""
    from e2e.e2e_steps import english_sources, untranslated_texts  # as the e2e does
    from qgis.core import QgsProject

    from xingguo_swc_plugin.core.workspace.geopackage import open_workspace
    from xingguo_swc_plugin.plugin import DOCK_CLASSES

    assert DOCK_CLASSES, "no dock registered"
    workspace = open_workspace(sample_copy)
    project = QgsProject.instance()
    before = set(project.mapLayers())
    layers = [
        workspace.layer(name)
        for name in ("township", "benggang", "parcel", "dev_project", "erosion", "measure")
    ]
    project.addMapLayers(layers)
    sources = english_sources(str(REPO))
    iface = DesktopIface()
    iface.canvas.setLayers(layers[:5])
    iface.setActiveLayer(layers[1])
    untranslated = []
    titles = []
    try:
        for module_name, class_name in DOCK_CLASSES:
            module = importlib.import_module("xingguo_swc_plugin.gui." + module_name)
            dock = getattr(module, class_name)(iface, iface.window)
            qtbot.addWidget(dock)
            dock.show()
            titles.append(dock.windowTitle())
            untranslated += untranslated_texts(dock, sources)
            if hasattr(dock, "cleanup"):
                dock.cleanup()
    finally:  # only the layers this test (and the docks) added
        project.removeMapLayers([lid for lid in project.mapLayers() if lid not in before])
    assert all(CJK.search(title) for title in titles), titles
    assert untranslated == [], "\n".join(untranslated)
