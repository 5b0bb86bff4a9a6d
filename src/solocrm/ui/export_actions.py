"""Export from the GUI: the customer list's "Export to Excel / CSV", and whole-file exports.

``export_customer_list`` exports exactly what the list shows (its query and its
visible columns, in order); the lead calls it from the customer list's menu.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from solocrm.exporting import exports
from solocrm.ui import labels
from solocrm.ui.context import AppContext

_FILTERS = {"xlsx": "Excel (*.xlsx)", "csv": "CSV UTF-8 (*.csv)", "vcf": "vCard (*.vcf)"}


def _t(text: str) -> str:
    return QCoreApplication.translate("Export", text)


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
    _run(ctx, parent, lambda progress: exports.export_rows(ctx.db, query, columns, path, fmt, progress,
                                                           stage_label=labels.stage), path, status)


def export_all(ctx: AppContext, kind: str, parent: QWidget | None = None, status=None) -> None:  # noqa: ANN001
    """File → Export: every customer (or order) with every field."""
    formats = ("xlsx", "csv", "vcf") if kind == "customers" else ("xlsx", "csv")
    names = {"customers": _t("customers"), "orders": _t("orders")}
    answer = _ask_path(parent, names[kind] + ".xlsx", formats)
    if answer is None:
        return
    path, fmt = answer
    if kind == "customers":
        _run(ctx, parent, lambda progress: exports.export_customers(ctx.db, path, fmt, progress=progress), path,
             status)
    else:
        _run(ctx, parent, lambda progress: exports.export_orders(ctx.db, path, fmt, progress), path, status)
