"""Error messages in the user's language, for the window and for the command line.

Only QtCore: the command line translates its errors with the same files as
the app without loading any widgets.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTranslator

from solocrm.errors import Explained
from solocrm.ui import i18n


def _tr_error(template: str) -> str:
    # the templates are collected where they are raised, marked with QT_TRANSLATE_NOOP("errors", ...)
    return QCoreApplication.translate("errors", template)


def user_text(error: Explained, translate: Callable[[str], str] = _tr_error) -> str:
    """An error's text in the user's language (English where no translation exists yet).

    ``translate`` turns a template into the user's language: the app's
    installed translators by default.
    """
    text = translate(error.template) if error.template else error.message
    # a field may itself be a message ("the backup", "the key file"): it is shown translated too
    params = {k: user_text(v, translate) if isinstance(v, Explained) else v for k, v in error.params.items()}
    return text.format(**params) if params else text


def in_system_language(error: Explained) -> str:
    """``error`` in the language of the user's system, as the app speaks it before its own setting is read.

    For the command line, which has no application object to install
    translators on: the templates are looked up in the .qm file directly.
    """
    translator = QTranslator()
    if not translator.load(f"{i18n.QM_PREFIX}{i18n.resolve(i18n.SYSTEM)}", str(i18n.translations_dir())):
        return error.message
    return user_text(error, lambda template: translator.translate("errors", template) or template)
