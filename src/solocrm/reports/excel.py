"""The report as an Excel workbook: a summary sheet, one sheet per section, and the customer rows.

Numbers are stored as numbers (exactly the analytics JSON values) with a
number format, so the owner can sum, sort and pivot; headers are frozen and
filterable; trends are native Excel charts that the owner can restyle.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from solocrm.reports.files import write_atomically
from solocrm.reports.sections import Kind, Report, Section, Table, symbol

Progress = Callable[[int, int], None]
WIDEST = 60  # characters
LOGO_PIXELS_HIGH = 60


def _chars(value: Any) -> int:
    text = value.isoformat() if isinstance(value, date) else f"{value:,.2f}" if isinstance(value, float) else str(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _sheet_name(title: str, taken: set[str]) -> str:
    name = "".join(ch for ch in title if ch not in "[]:*?/\\")[:31]
    base, n = name, 2
    while name.lower() in taken:
        name = f"{base[:28]} {n}"
        n += 1
    taken.add(name.lower())
    return name


class _Book:
    def __init__(self, path: Path, report: Report) -> None:
        import xlsxwriter

        self.report = report
        # constant_memory streams each row to disk: the customer sheet may hold 100,000 rows.
        self.book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "default_date_format": "yyyy-mm-dd"})
        self.book.set_properties({"title": report.texts("Business report"), "author": report.business or "SoloCRM",
                                  "comments": "SoloCRM"})
        money = f'"{symbol(report.currency)}"#,##0.00'
        self.formats = {
            "money": self.book.add_format({"num_format": money}), "rate": self.book.add_format({"num_format": "0.0%"}),
            "pct": self.book.add_format({"num_format": '0.00"%"'}),
            "count": self.book.add_format({"num_format": "#,##0"}),
            "number": self.book.add_format({"num_format": "#,##0.00"}),
            "date": self.book.add_format({"num_format": "yyyy-mm-dd"}), "text": None,
        }
        self.header = self.book.add_format({"bold": True, "bottom": 1, "bg_color": "#eef2f7"})
        self.title = self.book.add_format({"bold": True, "font_size": 14})
        self.bold = self.book.add_format({"bold": True})
        self.muted = self.book.add_format({"font_color": "#6b7785"})
        self.taken: set[str] = set()

    def cell(self, sheet, row: int, column: int, value: Any, kind: Kind) -> None:
        if value is None:
            sheet.write_string(row, column, self.report.texts("no data"), self.muted)
        elif isinstance(value, date):
            sheet.write_datetime(row, column, value, self.formats["date"])
        elif isinstance(value, str):
            sheet.write_string(row, column, value)
        else:
            sheet.write_number(row, column, value, self.formats[kind])

    def writer(self, sheet, kind: Kind) -> Callable[[int, int, Any], None]:
        if kind == "text":
            return lambda r, c, value: sheet.write_string(r, c, str(value))
        if kind == "date":
            return lambda r, c, value: sheet.write_datetime(r, c, value, self.formats["date"])
        number_format = self.formats[kind]
        return lambda r, c, value: sheet.write_number(r, c, value, number_format)

    def sheet(self, title: str):
        sheet = self.book.add_worksheet(_sheet_name(title, self.taken))
        r = self.report
        sheet.write_string(0, 0, title, self.title)
        period = f"{r.texts('Period')}: {r.period[0].isoformat()} – {r.period[1].isoformat()}"
        sheet.write_string(1, 0, " · ".join(filter(None, (r.business, period))), self.muted)
        return sheet

    def table(self, sheet, row: int, table: Table, first: bool) -> tuple[int, int]:
        """Write ``table`` from ``row``; returns (header row, next free row)."""
        if table.title:
            sheet.write_string(row, 0, table.title, self.bold)
            row += 1
        top = row
        for c, header in enumerate(table.headers):
            sheet.write_string(row, c, header, self.header)
        if "row" in table.kinds:
            for r, values in enumerate(table.rows):
                for c, value in enumerate(values):
                    self.cell(sheet, row + 1 + r, c, value, table.kind(r, c))
        else:  # the customer sheet's 100,000 rows: one writer per column, no per-cell dispatch
            writers = [self.writer(sheet, kind) for kind in table.kinds]
            for r, values in enumerate(table.rows, row + 1):
                for c, value in enumerate(values):
                    if value is None:
                        sheet.write_blank(r, c, None)
                    else:
                        writers[c](r, c, value)
        end = row + len(table.rows)
        if first:
            sheet.freeze_panes(top + 1, 0)
            sheet.autofilter(top, 0, end, len(table.headers) - 1)
        if table.note:
            sheet.write_string(end + 1, 0, table.note, self.muted)
            end += 1
        return top, end + 2

    def widths(self, sheet, tables: list[Table]) -> None:
        columns = max(len(t.headers) for t in tables)
        for c in range(columns):
            sample = [t.headers[c] for t in tables if c < len(t.headers)]
            sample += [row[c] for t in tables for row in t.rows[:300] if c < len(row) and row[c] is not None]
            sheet.set_column(c, c, min(max(_chars(v) for v in sample) + 2, WIDEST))

    def section(self, section: Section) -> None:
        sheet = self.sheet(section.title)
        self.widths(sheet, section.tables)  # before any row: constant_memory writes rows as it goes
        row = 3
        if section.empty:
            sheet.write_string(row, 0, self.report.texts("No data for this period."), self.muted)
            row += 2
        placed = []
        for i, table in enumerate(section.tables):
            top, row = self.table(sheet, row, table, i == 0)
            placed.append((table, top))
        self.chart(sheet, section, placed, row)

    def chart(self, sheet, section: Section, placed: list[tuple[Table, int]], row: int) -> None:
        """Native charts for the trend, lifecycle and tier tables."""
        name = sheet.get_name()
        t = self.report.texts
        if section.key == "sales":
            table, top = placed[1]
            if not table.rows:
                return
            last = top + len(table.rows)
            chart = self.book.add_chart({"type": "column"})
            chart.add_series({"name": t("Revenue"), "categories": [name, top + 1, 0, last, 0],
                              "values": [name, top + 1, 1, last, 1], "fill": {"color": "#2d6cdf"}})
            line = self.book.add_chart({"type": "line"})
            line.add_series({"name": t("Orders"), "categories": [name, top + 1, 0, last, 0],
                             "values": [name, top + 1, 2, last, 2], "y2_axis": True,
                             "line": {"color": "#e39b2d"}, "marker": {"type": "circle"}})
            chart.combine(line)
            chart.set_y_axis({"name": t("Revenue"), "num_format": self.formats["money"].num_format})
            line.set_y2_axis({"name": t("Orders")})
            chart.set_title({"name": t("Sales and revenue trend")})
        elif section.key in ("customers", "loyalty"):
            table, top = placed[-1] if section.key == "customers" else placed[0]
            last = top + len(table.rows)
            chart = self.book.add_chart({"type": "column"})
            chart.add_series({"name": t("Customers"), "categories": [name, top + 1, 0, last, 0],
                              "values": [name, top + 1, 1, last, 1], "fill": {"color": "#2d6cdf"}})
            chart.set_title({"name": section.title})
        else:
            return
        chart.set_legend({"position": "bottom"})
        chart.set_size({"width": 640, "height": 320})
        sheet.insert_chart(row, 0, chart)

    def summary(self) -> None:
        from solocrm.reports.sections import summary_table

        r = self.report
        sheet = self.sheet(r.texts("Summary"))
        table = summary_table(r)
        self.widths(sheet, [table])
        sheet.write_string(2, 0, f"{r.texts('Generated')}: {r.generated.isoformat()}", self.muted)
        self.table(sheet, 4, table, True)
        if r.logo is not None:
            self.logo(sheet, r.logo)

    def logo(self, sheet, png: bytes) -> None:
        """The logo beside the summary table, about 60 pixels high."""
        from io import BytesIO

        from solocrm.reports import logo

        width, height = logo.size(png) or (1, 1)
        scale = min(1.0, LOGO_PIXELS_HIGH / height, 3 * LOGO_PIXELS_HIGH / width)
        sheet.insert_image(0, 4, "logo.png", {"image_data": BytesIO(png), "x_scale": scale, "y_scale": scale,
                                              "object_position": 3})


def render(report: Report, path: Path, progress: Progress | None = None) -> None:
    """Write ``report`` as an .xlsx at ``path``, replacing an existing file only when complete."""
    report_progress = progress or (lambda _done, _total: None)

    def write(target: Path) -> None:
        book = _Book(target, report)
        book.summary()
        steps = len(report.sections) + 1
        for i, section in enumerate(report.sections):
            if section.key != "summary":
                book.section(section)
            report_progress(i + 1, steps)
        if not any(s.key == "appendix" for s in report.sections) and report.customers is not None:
            book.section(Section("data", report.texts("Data"), [report.customers]))
        book.book.close()
        report_progress(steps, steps)

    write_atomically(path, write)
