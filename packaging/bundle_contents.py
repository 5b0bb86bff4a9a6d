"""What the desktop bundle leaves out, kept apart from the spec so it can be read and tested.

SoloCRM is a Qt Widgets app: QML/Quick, 3D, WebEngine, multimedia, designer
and the other heavy Qt stacks would only add size (and start-up time).  Tests
and build tools do not belong in an end user's app either.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

UNUSED_QT = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtBluetooth", "QtCharts", "QtDataVisualization", "QtDesigner", "QtGraphs", "QtHelp",
    "QtHttpServer", "QtLabsStyleKit", "QtLocation", "QtMultimedia", "QtMultimediaWidgets", "QtNfc",
    "QtOpenGL", "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets", "QtPositioning", "QtQml", "QtQmlFeatures",
    "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects",
    "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine",
    "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick",
    "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
)

EXCLUDED_MODULES = [f"PySide6.{name}" for name in UNUSED_QT] + [
    "tkinter", "_tkinter", "pytest", "pytestqt", "_pytest", "hypothesis", "IPython", "PyInstaller",
    "matplotlib.backends.backend_tkagg", "matplotlib.backends.backend_gtk3agg",
    "matplotlib.backends.backend_gtk4agg", "matplotlib.backends.backend_wxagg",
    "jieba.lac_small",  # jieba's paddle mode, which needs PaddlePaddle; SoloCRM cuts words without it
    "pandas",  # a test and bench tool only; libraries that use it when present work without it
]

# Qt shared libraries and plugins that hooks may still pull in through a dependency of a
# dependency; none of them is needed by widgets on X11, Wayland, Windows or macOS.
_UNUSED_QT_FILES = re.compile(
    r"(Qt6?(Quick|Qml|3D|WebEngine|Multimedia|Pdf|Designer|Lottie|VirtualKeyboard|Labs|ShaderTools"
    r"|Test|Sql|Charts|Graphs|Location|Positioning|Sensors|Bluetooth|Nfc|SerialPort|RemoteObjects"
    r"|Scxml|StateMachine|WebSockets|WebChannel|WebView|TextToSpeech|SpatialAudio|OpenGL\b|Help"
    r"|WaylandCompositor|EglFS)"
    r"|/qml/|/qmltooling/|/sqldrivers/|/designer/|/renderers/|/sceneparsers/|/geometryloaders/"
    r"|/multimedia/|/position/|/texttospeech/|/webview/|/canbus/|/sensors/"
    r"|wayland-graphics-integration-server|/egldeviceintegrations/|/generic/|/networkinformation/|/tls/"
    # platform plugins for kiosks and embedded boards; the GTK theme drags half of GTK's stack in,
    # while the desktop portal theme gives native dialogs and the dark/light preference without it
    r"|/platforms/lib(qeglfs|qlinuxfb|qvnc|qvkkhrdisplay|qminimalegl)\.|/platformthemes/libqgtk3\.)",
    re.IGNORECASE,
)
# Qt's own translations: only the languages SoloCRM speaks, only the parts it uses.
_QT_TRANSLATION = re.compile(r"[/\\]translations[/\\](?P<file>[^/\\]+\.qm)$")
_KEPT_QT_TRANSLATION = re.compile(r"^(qtbase|qt)_(zh_CN|en)\.qm$")


def keep_in_bundle(destination: str) -> bool:
    """False for a collected file (its path inside the bundle) that SoloCRM never loads."""
    path = destination.replace("\\", "/")
    if path.startswith("jieba/lac_small/") or (path.startswith("resources/translations/") and path.endswith(".ts")):
        return False  # paddle-mode model; translation sources (the compiled .qm files are what loads)
    if "/Qt/" in path or "PySide6/" in path:
        if _UNUSED_QT_FILES.search(path):
            return False
        translation = _QT_TRANSLATION.search(path)
        if translation and not _KEPT_QT_TRANSLATION.match(translation.group("file")):
            return False
    return True


TocEntry = tuple[str, str, str]  # (path inside the bundle, source path, PyInstaller type code)


def _is_dependency_only(entry: TocEntry) -> bool:
    """A shared library the analysis collected only because some binary linked to it."""
    name = entry[0].replace("\\", "/")
    return "/" not in name and entry[2] == "BINARY" and not name.startswith("libpython")


def prune_binaries(entries: Iterable[TocEntry], needed: Callable[[str], Iterable[tuple[str, str]]]) -> list[TocEntry]:
    """Drop what ``keep_in_bundle`` refuses, then the system libraries nothing left links to.

    ``needed(path)`` lists the (name, path) of every library a binary loads, directly or not
    (PyInstaller's ``bindepend.get_imports``, which asks ldd on Linux).  Without the second step the
    libraries of a dropped plugin (GTK, cairo, pango for the GTK theme) would stay behind.
    """
    kept = [entry for entry in entries if keep_in_bundle(entry[0])]
    if not sys.platform.startswith("linux"):
        return kept
    used: set[str] = set()
    for entry in kept:
        if not _is_dependency_only(entry) and entry[2] in ("BINARY", "EXTENSION"):
            used.update(Path(name).name for name, _path in needed(entry[1]))
    return [entry for entry in kept if not _is_dependency_only(entry) or Path(entry[0]).name in used]
