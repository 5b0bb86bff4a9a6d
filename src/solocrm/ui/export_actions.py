"""Export from the GUI: "Export to Excel / CSV" on every table, and whole-file exports.

``export_customer_list`` exports exactly what the list shows (its query and its
visible columns, in order) straight from the database, as the list may hold
100,000 rows.  The smaller tables (churn risk, tiers, goals, tasks) export the
rows on screen: ``add_export_action`` reads a table view, ``export_rows`` takes
rows a page has already laid out.  A cell whose text is formatted for reading ("¥1,280.50",
"42%") carries its typed value under ``EXPORT_ROLE`` so Excel gets a number.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QTableView, QTableWidget, QWidget

from solocrm.exporting import exports, writers
from solocrm.ui import labels
from solocrm.ui.context import AppContext

EXPORT_ROLE = Qt.ItemDataRole.UserRole + 50
Status = Callable[[str], None]
_FILTERS = {"xlsx": "Excel (*.xlsx)", "csv": "CSV UTF-8 (*.csv)", "vcf": "vCard (*.vcf)"}


def _t(text: str) -> str:
    return QCoreApplication.translate("Export", text)


def _tr_export_header(text: str) -> str:
    """A header of ``exporting.exports`` (marked there with QT_TRANSLATE_NOOP("exports", ...)), translated."""
    return QCoreApplication.translate("exports", text)


def _words() -> exports.Words:
    """Headers and coded values in the user's language: 客户编号, 女, 是 (the importer reads them back)."""
    return exports.Words(header=_tr_export_header, value=labels.field_value)


def _ask_path(parent: QWidget | None, default_name: str, formats: tuple[str, ...]) -> tuple[str, str] | None:
    filters = ";;".join(_FILTERS[f] for f in formats)
    path, chosen = QFileDialog.getSaveFileName(parent, _t("Export"), str(Path.home() / default_name), filters)
    if not path:
        return None
    fmt = next((f for f in formats if chosen == _FILTERS[f]), formats[0])
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix in formats:
        fmt = suffix
    elif not suffix:
        path += "." + fmt
    return path, fmt


def _run(ctx: AppContext, parent: QWidget | None, work, path: str, status) -> None:  # noqa: ANN001
    def done(count: int) -> None:
        if status is not None:
            status(_t("%1 rows exported to %2").replace("%1", f"{count:,}").replace("%2", path))

    ctx.runner.run(lambda p: work(p.report), parent=parent, on_success=done, label=_t("Exporting…"),
                   cancellable=True)


def export_customer_list(ctx: AppContext, list_view, parent: QWidget | None = None, status=None) -> None:  # noqa: ANN001
    """Ask for a file and export the rows and visible columns ``list_view`` (a CustomerListView) shows."""
    from solocrm.ui.customer_list import COLUMNS

    answer = _ask_path(parent, _t("customers") + ".xlsx", ("xlsx", "csv", "vcf"))
    if answer is None:
        return
    path, fmt = answer
    header = list_view.table.horizontalHeader()
    visible = sorted((header.visualIndex(i), i) for i in range(len(COLUMNS)) if not header.isSectionHidden(i))
    columns = [(COLUMNS[i].key, COLUMNS[i].header()) for _v, i in visible]
    query = list_view.model.query
    _run(ctx, parent, lambda progress: exports.export_rows(ctx.db, query, columns, path, fmt, progress, _words()),
         path, status)


def export_all(ctx: AppContext, kind: str, parent: QWidget | None = None, status=None) -> None:  # noqa: ANN001
    """File → Export: every customer (or order) with every field."""
    formats = ("xlsx", "csv", "vcf") if kind == "customers" else ("xlsx", "csv")
    names = {"customers": _t("customers"), "orders": _t("orders")}
    answer = _ask_path(parent, names[kind] + ".xlsx", formats)
    if answer is None:
        return
    path, fmt = answer
    words = _words()
    if kind == "customers":
        _run(ctx, parent, lambda progress: exports.export_customers(ctx.db, path, fmt, progress=progress,
                                                                    words=words), path, status)
    else:
        _run(ctx, parent, lambda progress: exports.export_orders(ctx.db, path, fmt, progress, words), path, status)


def view_rows(view: QTableView | QTableWidget) -> tuple[list[str], list[list[object]]]:
    """Headers and rows as ``view`` shows them: visible columns in on-screen order, rows in view order."""
    model = view.model()
    header = view.horizontalHeader()
    columns = [c for _v, c in sorted((header.visualIndex(c), c) for c in range(model.columnCount())
                                     if not header.isSectionHidden(c))]
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns]
    rows = []
    for r in range(model.rowCount()):
        if view.isRowHidden(r):
            continue
        row: list[object] = []
        for c in columns:
            index = model.index(r, c)
            value = index.data(EXPORT_ROLE)
            if isinstance(value, (QDate, QDateTime)):
                value = value.toPython()
            row.append((index.data() or "") if value is None else value)
        rows.append(row)
    return headers, rows


def export_rows(ctx: AppContext, name: str, headers: Sequence[str], rows: Sequence[Sequence[object]],
                parent: QWidget) -> None:
    """Ask for a file and write ``rows`` to it as Excel or CSV (rows already read on the GUI thread).

    Where the file went is said in the status bar of ``parent``'s window.
    """
    answer = _ask_path(parent, name + ".xlsx", ("xlsx", "csv"))
    if answer is None:
        return
    path, fmt = answer
    rows = [list(row) for row in rows]
    _run(ctx, parent, lambda progress: writers.write_table(Path(path), fmt, headers, rows, len(rows), progress,
                                                           sheet_title=name), path, _window_status(parent))


def add_export_action(ctx: AppContext, view: QTableView | QTableWidget, name: Callable[[], str]) -> QAction:
    """Give ``view`` an "Export to Excel / CSV…" item in its right-click menu; returns the action."""
    action = QAction(_t("Export to Excel / CSV…"), view)
    action.triggered.connect(lambda: export_rows(ctx, name(), *view_rows(view), view.window()))
    view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return action


def _window_status(widget: QWidget) -> Status | None:
    """The main window's status bar, where an export says where it went."""
    bar = getattr(widget.window(), "statusBar", None)
    return bar().showMessage if callable(bar) else None
