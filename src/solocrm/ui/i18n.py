"""Which language the app speaks, and the Qt translators that make it speak it.

English is the source language; 简体中文 comes from ``solocrm_zh_CN.qm``.  Qt's
own strings (file dialogs, message box buttons, context menus of text fields)
come from Qt's ``qtbase_*.qm``, and ``QLocale.setDefault`` makes calendars,
weekday names and number widgets follow the same language.  English also has
a small ``solocrm_en.qm`` holding only plural forms ("1 customer", "2 customers").
Dates stay YYYY-MM-DD in every language, as the domain requires.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from solocrm.locations import shipped_dir

LANGUAGES = ("zh_CN", "en")
SYSTEM = "system"  # the Settings value that means "follow the operating system"
QM_PREFIX = "solocrm_"

_installed: list[QTranslator] = []  # kept alive while installed, and removed on the next switch


def translations_dir() -> Path:
    return shipped_dir("resources") / "translations"


def qt_translations_dir() -> Path:
    """Where Qt's own .qm files are: Qt knows inside a wheel and a bundle; fall back to PySide6's folder."""
    path = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if (path / "qtbase_zh_CN.qm").exists():
        return path
    import PySide6

    return Path(PySide6.__file__).resolve().parent / "Qt" / "translations"


def resolve(setting: str, system: QLocale | None = None) -> str:
    """The language to use for a Settings value: "zh_CN" or "en".

    "system" follows the user's preferred UI languages in order: any Chinese
    (Simplified is the only Chinese we ship) or English, whichever comes first;
    other languages fall back to English.
    """
    if setting in LANGUAGES:
        return setting
    locale = system if system is not None else QLocale.system()
    for tag in locale.uiLanguages():
        code = tag.replace("-", "_").lower()
        if code.startswith("zh"):
            return "zh_CN"
        if code.startswith("en"):
            return "en"
    return "en"


def install(app: QCoreApplication, language: str) -> list[str]:
    """Make ``app`` speak ``language`` from now on; returns the .qm files loaded.

    Replaces translators installed before, so it can be called again once the
    database's own language setting is known.  Widgets created earlier keep
    their text: call it before building windows.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(language))
    loaded = []
    for name, folder in ((f"{QM_PREFIX}{language}", translations_dir()),
                         (f"qtbase_{language}", qt_translations_dir())):
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(translator.filePath())
    return loaded

