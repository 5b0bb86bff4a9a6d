"""Marking user-facing text in modules that must not import Qt.

A label declared in the core (a field name in the import mapping, a reason in
a report) is shown by the UI, which translates it with
``QCoreApplication.translate(context, text)``.  Wrapping the declaration in
``QT_TRANSLATE_NOOP(context, text)`` changes nothing at run time, but lets
``packaging/translations.py`` (pyside6-lupdate) collect it into the .ts files.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Return ``text`` unchanged; lupdate records it under ``context``."""
    return text
