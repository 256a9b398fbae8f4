"""Start-up script run INSIDE the real QGIS desktop by ``run_e2e.py`` (``--code``).

Drives the plugin as a user would: checks it is active with its docks, opens the
demo workspace, opens each dock, digitizes a gully with mouse events on the map
canvas, tags a measure, runs the township statistics and the parcel validation,
unloads and reloads the plugin.  Every step is timed, screenshotted under
``out/e2e/NN_step.png`` and written to ``result.json`` as soon as it ends, so a
killed QGIS still leaves the steps it did.  Uncaught Python errors and unexpected
modal dialogs are recorded as errors (the dialog is screenshotted and closed).
QGIS always quits: at the end, on any error, and by a watchdog thread.

Capability steps live in ``e2e_steps.py`` beside this file (one function per dock).
"""

import json
import os
import sys
import threading
import time
import traceback

from qgis.core import Qgis, QgsApplication, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import iface

CONFIG = json.loads(os.environ["XGSWC_E2E_CONFIG"])
if CONFIG["e2e_dir"] not in sys.path:
    sys.path.insert(0, CONFIG["e2e_dir"])

import e2e_steps  # noqa: E402  (beside this file)


class Recorder:
    """Result of the run: steps, errors, dialogs; written after every change."""

    def __init__(self, config):
        self.config = config
        self.out = config["out"]
        self.data = {
            "finished": False,
            "steps": [],
            "errors": [],
            "dialogs": [],
            "messages": [],
            "qgis_version": Qgis.QGIS_VERSION,
            "locale": QgsApplication.instance().translation(),
            "workspace_kind": config.get("workspace_kind"),
        }
        self.lock = threading.Lock()
        self.shot_index = 0

    def write(self):
        with self.lock:
            text = json.dumps(self.data, ensure_ascii=False, indent=2)
            with open(self.config["result"] + ".tmp", "w", encoding="utf-8") as stream:
                stream.write(text)
            os.replace(self.config["result"] + ".tmp", self.config["result"])

    def screenshot(self, name, widget=None):
        """Grab the main window (or ``widget``) into out/e2e/NN_name.png."""
        QApplication.processEvents()
        self.shot_index += 1
        filename = "{0:02d}_{1}.png".format(self.shot_index, name)
        pixmap = (widget or iface.mainWindow()).grab()
        pixmap.save(os.path.join(self.out, filename))
        return filename

    def error(self, text):
        self.data["errors"].append(text)
        self.write()


REC = Recorder(CONFIG)


# --- uncaught errors, message log, unexpected dialogs ------------------------------
def _excepthook(kind, value, tb):
    REC.error("uncaught: " + "".join(traceback.format_exception(kind, value, tb)))


def _install_hooks():
    sys.excepthook = _excepthook
    import qgis.utils

    original = qgis.utils.showException

    def show_exception(kind, value, tb, msg, messagebar=False, level=Qgis.Warning):
        REC.error(
            "python error shown by QGIS: "
            + str(msg)
            + "\n"
            + "".join(traceback.format_exception(kind, value, tb))
        )

    qgis.utils.showException = show_exception
    REC.data["hooked"] = original is not None

    # the tag is translated: 信息 in QGIS 3.22's Chinese, 消息 in 3.40's
    MESSAGE_BAR_TAGS = {
        "Messages",
        "信息",
        "消息",
        QCoreApplication.translate("QgsMessageBar", "Messages"),
    }

    def on_message(message, tag, level):
        if tag in MESSAGE_BAR_TAGS:  # QGIS logs every message-bar message here
            REC.data.setdefault("message_bar", []).append(["", message[:500]])
        if tag in ("Xingguo SWC", "Python error", "Python warning") or level >= Qgis.Critical:
            REC.data["messages"].append("[{0}] {1}: {2}".format(int(level), tag, message[:2000]))
            if tag == "Python error":
                REC.error("Python error: " + message[:4000])

    QgsApplication.messageLog().messageReceived.connect(on_message)
    REC.on_message = on_message  # keep a reference


#: A step that expects a modal dialog sets this to a callable(dialog) -> bool
#: (True when it handled the dialog).
MODAL_HANDLERS = []


def _close_unexpected_dialogs():
    dialog = QApplication.activeModalWidget()
    if dialog is None:
        return
    for handler in list(MODAL_HANDLERS):
        if handler(dialog):
            return
    texts = [dialog.windowTitle()]
    text_of = getattr(dialog, "text", None)
    if callable(text_of):
        texts.append(text_of())
    REC.data["dialogs"].append(
        {
            "class": dialog.metaObject().className(),
            "text": " | ".join(t for t in texts if t),
            "screenshot": REC.screenshot("dialog", dialog),
        }
    )
    REC.error("unexpected modal dialog: " + " | ".join(texts))
    dialog.close()


# --- steps ---------------------------------------------------------------------------
def run_step(name, function):
    """Run one step; record status, duration, detail, error and a screenshot."""
    entry = {"name": name, "status": "running", "seconds": 0.0}
    REC.data["steps"].append(entry)
    REC.write()
    start = time.monotonic()
    try:
        detail = function()
        if isinstance(detail, e2e_steps.Skip):
            entry["status"] = "skipped"
            entry["detail"] = detail.reason
        else:
            entry["status"] = "passed"
            if detail is not None:
                entry["detail"] = detail
    except Exception:  # every failure is reported, the run goes on
        entry["status"] = "failed"
        entry["error"] = traceback.format_exc()
    entry["seconds"] = round(time.monotonic() - start, 2)
    try:
        entry["screenshot"] = REC.screenshot(name)
    except Exception:
        entry["screenshot_error"] = traceback.format_exc()
    REC.write()
    return entry["status"] == "passed"


def quit_qgis(code=0):
    """Leave without any 'save?' question: the project is throw-away."""
    try:
        # Empty the project while the GUI is whole: QGIS 3.22 otherwise removes the
        # layers inside ~QgisApp, after the style dock is gone, and crashes.
        for layer in QgsProject.instance().mapLayers().values():
            if hasattr(layer, "isEditable") and layer.isEditable():
                layer.rollBack()
        QgsProject.instance().clear()
        QgsProject.instance().setDirty(False)
        QApplication.processEvents()
    finally:
        QApplication.exit(code)


def main():
    try:
        _install_hooks()
        # The laptop screen of the bureau (1280x800) for every step (Xvfb: 1600x1000).
        iface.mainWindow().setGeometry(0, 0, 1280, 800)
        QApplication.processEvents()
        context = e2e_steps.Context(
            iface=iface, config=CONFIG, recorder=REC, modal_handlers=MODAL_HANDLERS
        )
        for name, function in e2e_steps.steps(context):
            ok = run_step(name, function)
            if not ok and name in e2e_steps.ESSENTIAL:
                REC.error("essential step failed, stopping: " + name)
                break
        REC.data["finished"] = True
    except Exception:
        REC.error("runner: " + traceback.format_exc())
    finally:
        REC.write()
        QTimer.singleShot(0, quit_qgis)


def _watchdog():
    # Runs on its own thread: no widget access here (the GUI thread may be stuck).
    REC.error("watchdog: QGIS did not finish in {0} s".format(CONFIG["watchdog_s"]))
    os._exit(3)


WATCHDOG = threading.Timer(CONFIG["watchdog_s"], _watchdog)
WATCHDOG.daemon = True
WATCHDOG.start()
DIALOG_TIMER = QTimer()
DIALOG_TIMER.timeout.connect(_close_unexpected_dialogs)
DIALOG_TIMER.start(300)
REC.write()
# Let QGIS finish its start-up (plugins, window) before driving it.
QTimer.singleShot(1500, main)
