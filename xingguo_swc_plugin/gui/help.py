"""Help pages shipped with the plugin, opened from each dock and from the menu.

Why one module: the help button is attached to a dock from outside
(``plugin.py`` calls :func:`attach_help` where it creates the docks), so the docks
themselves need no edit and the pages are found the same way everywhere.
Pages live in ``resources/help/<key>.<language>.html`` (``zh_CN`` and ``en``), one
per dock module (``benggang_dock``, ...) plus ``index``; they are shown inside QGIS
in a non-modal window (no browser needed, works offline on the bureau's laptops).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QScrollArea,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..localization import HELP_DIR, HELP_LANGUAGES, help_page
from ..translation import tr

#: Languages with pages (``localization`` finds them, for Processing too).
LANGUAGES = HELP_LANGUAGES
#: Object names, so tests and the e2e find them whatever a dock's layout becomes.
BUTTON_NAME = "XingguoSwcHelpButton"
WINDOW_NAME = "XingguoSwcHelpWindow"


def page_path(key: str, language: Optional[str] = None) -> Path:
    """The page of ``key`` (a dock module name or ``index``) in the UI language."""
    return help_page(key, language)


def page_url(key: str, language: Optional[str] = None) -> QUrl:
    return QUrl.fromLocalFile(str(page_path(key, language)))


class HelpWindow(QDialog):
    """A non-modal window showing the plugin's help pages (links between them work)."""

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setObjectName(WINDOW_NAME)
        self.setWindowTitle(tr("Xingguo SWC help"))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(HELP_DIR)])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.resize(640, 560)

    def show_page(self, key: str) -> None:
        self.browser.setSource(page_url(key))
        self.show()
        self.raise_()
        self.activateWindow()


def show_help(key: str, parent: Optional[QWidget] = None) -> HelpWindow:
    """Open (or reuse) the help window of ``parent`` at the page of ``key``."""
    window = parent.findChild(HelpWindow, WINDOW_NAME) if parent is not None else None
    if window is None:
        window = HelpWindow(parent)
    window.show_page(key)
    return window


def close_help(parent: QWidget) -> None:
    """Close the help windows of ``parent`` (the plugin unloads)."""
    for window in parent.findChildren(HelpWindow, WINDOW_NAME):
        window.close()


def help_button(key: str, parent: Optional[QWidget] = None) -> QToolButton:
    """A "帮助" button opening the page of ``key``."""
    button = QToolButton(parent)
    button.setObjectName(BUTTON_NAME)
    button.setIcon(QgsApplication.getThemeIcon("/mActionHelpContents.svg"))
    button.setText(tr("Help"))
    button.setToolTip(tr("Open the help page of this panel"))
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setAutoRaise(True)
    button.setProperty("helpPage", key)
    button.clicked.connect(lambda: show_help(key, button.window()))
    return button


def attach_help(dock, key: str) -> QToolButton:
    """Put a help button at the top of ``dock``'s contents (inside its scroll area,
    above the dock's own form), without touching the dock's layout."""
    area = dock.widget()
    body = area.takeWidget() if isinstance(area, QScrollArea) else area
    container = QWidget()
    container.setObjectName("XingguoSwcHelpContainer")
    layout = QVBoxLayout(container)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 4, 0)
    row.addStretch(1)
    button = help_button(key, container)
    row.addWidget(button)
    layout.addLayout(row)
    if body is not None:
        layout.addWidget(body, 1)
    if isinstance(area, QScrollArea):
        area.setWidget(container)
    else:
        dock.setWidget(container)
    return button
