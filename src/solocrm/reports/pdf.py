"""The report as an A4 PDF: title page, then each section's tables and charts.

Every page is a matplotlib Figure saved through the PDF backend, so charts
stay vector graphics and the text is real text in the system's CJK font,
embedded as a subset (searchable and selectable, never empty boxes).  A
section's first chart is drawn on its first page: the chart's own figure
becomes the page and its axes are confined to a box under the title.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

from solocrm.analytics.charts import drawable, printable
from solocrm.reports import fonts
from solocrm.reports.files import write_atomically
from solocrm.reports.sections import PDF_APPENDIX_ROWS, Report, Section, Table, display

A4 = (8.27, 11.69)  # inches
LEFT, RIGHT, TOP, BOTTOM = 0.08, 0.92, 0.93, 0.07
POINTS_HIGH = A4[1] * 72
POINTS_WIDE = A4[0] * 72 * (RIGHT - LEFT)
CHART_HEIGHT = 0.36  # of the page
LEGEND = 0.025  # strip for a chart's legend
KEEP_TOGETHER = 3  # a table split across pages has at least this many rows on its first and last
MEASURE_DPI = 720  # fine enough that glyph widths rounded to whole pixels add up to the printed width
INK, MUTED, RULE, ACCENT = "#1f2933", "#6b7785", "#c7ced6", "#2d6cdf"

Progress = Callable[[int, int], None]


def _line(size: float) -> float:
    return size * 1.55 / POINTS_HIGH


def _width(text: str, size: float) -> float:
    """Rough printed width in points: CJK characters are square, Latin ones about half as wide."""
    return sum(size if ord(ch) > 0x2E80 else size * 0.56 for ch in text)


@lru_cache(maxsize=1)
def _measurer():  # noqa: ANN202 - a matplotlib RendererAgg
    from matplotlib.backends.backend_agg import RendererAgg

    return RendererAgg(1, 1, MEASURE_DPI)


def printed_width(text: str, font: FontProperties) -> float:
    """How wide ``text`` prints in ``font``, in points, measured with the font the page is drawn in."""
    return _measurer().get_text_width_height_descent(text, font, ismath=False)[0] * 72 / MEASURE_DPI


def fit(text: str, points: float, font: FontProperties) -> str:
    """User text as one line no wider than ``points`` in ``font``: cut with an ellipsis when it is longer.

    Measured with the font the page is drawn in (the rough ``_width`` only
    sizes the columns): a long name or company stays inside its cell instead
    of overprinting the next column.
    """
    text = printable(text)
    if printed_width(text, font) <= points:
        return text
    low, high = 0, len(text)  # the longest start of the text that fits with its ellipsis
    while low < high:
        middle = (low + high + 1) // 2
        if printed_width(text[:middle].rstrip() + "…", font) <= points:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def _column_widths(table: Table, cells: list[list[str]], size: float) -> list[float]:
    """Each column's width in points, the page's text width in all.

    When everything does not fit, numbers and headers keep their room and the
    long texts (names, cities) share what is left: a very long name is cut
    short in its own column rather than squeezing the columns beside it.
    """
    need = [min(max(_width(h, size) for h in [header] + [row[c] for row in cells[:200]]), POINTS_WIDE * 0.45) + size
            for c, header in enumerate(table.headers)]
    least = [n if table.kinds[c] != "text" else min(n, _width(table.headers[c], size) + size)
             for c, n in enumerate(need)]
    spare, extra = POINTS_WIDE - sum(least), sum(need) - sum(least)
    if sum(need) <= POINTS_WIDE or spare <= 0 or not extra:
        return [w * POINTS_WIDE / sum(need) for w in need]
    return [low + spare * (n - low) / extra for n, low in zip(need, least)]


class _Pages:
    """A cursor over A4 pages that starts a new page when the next line would not fit."""

    def __init__(self, report: Report, families: tuple[str, ...]) -> None:
        self.report = report
        self.font = {"family": list(families)}
        self.pages: list[Figure] = []
        self.page: Figure | None = None
        self.y = TOP

    def new_page(self, figure: Figure | None = None) -> None:
        self.page = figure or Figure(figsize=A4)
        self.pages.append(self.page)
        self.y = TOP

    def room(self, height: float) -> None:
        if self.page is None or self.y - height < BOTTOM:
            self.new_page()

    def draw(self, page: Figure, x: float, y: float, text: str, points: float, size: float,
             weight: str = "normal", **style: object) -> None:
        """``text`` drawn as written, on one line no wider than ``points``: every text of the report goes here."""
        font = FontProperties(family=self.font["family"], size=size, weight=weight)
        page.text(x, y, drawable(fit(text, points, font)), fontsize=size, weight=weight, fontdict=self.font,
                  **style)

    def text(self, text: str, size: float = 9, colour: str = INK, weight: str = "normal") -> None:
        """A line at the left margin, as wide as the page allows."""
        self.room(_line(size))
        assert self.page is not None
        self.draw(self.page, LEFT, self.y, text, POINTS_WIDE, size, weight, color=colour, va="top")
        self.y -= _line(size)

    def paragraph(self, text: str, size: float = 8.5, colour: str = MUTED) -> None:
        """Wrapped to the text width; long English notes from the analytics models."""
        font = FontProperties(family=self.font["family"], size=size)
        line = ""
        for word in text.split(" "):
            if line and printed_width(line + " " + word, font) > POINTS_WIDE:
                self.text(line, size, colour)
                line = word
            else:
                line = f"{line} {word}".strip()
        if line:
            self.text(line, size, colour)

    def gap(self, height: float = 0.012) -> None:
        self.y -= height

    def table(self, table: Table, size: float = 8.5) -> None:
        t, currency = self.report.texts, self.report.currency
        cells = [[display(value, table.kind(r, c), t, currency) for c, value in enumerate(row)]
                 for r, row in enumerate(table.rows)]
        whole = (_line(10) if table.title else 0) + (len(cells) + 1) * _line(size)
        if self.page is not None and self.y - whole < BOTTOM and whole <= TOP - BOTTOM:
            self.new_page()  # a table that fits on a page is read whole, not split across two
        if table.title:
            self.room(_line(10) + (1 + KEEP_TOGETHER) * _line(size))
            self.text(table.title, 10, weight="bold")
        if not cells:
            self.text(table.note or t("No data for this period."), size, MUTED)
            self.gap()
            return
        widths = _column_widths(table, cells, size)
        edges = [LEFT]
        for w in widths:
            edges.append(edges[-1] + w / (A4[0] * 72))

        def row_out(values: list[str], weight: str, colour: str) -> None:
            assert self.page is not None
            for c, value in enumerate(values):
                numeric = c > 0 and table.kinds[c] != "text"
                inset = 0.006 if numeric else (0.012 if c else 0)
                x = edges[c + 1] - inset if numeric else edges[c] + inset
                room = widths[c] - inset * A4[0] * 72 - 3  # what is left of the cell: its text never overprints
                self.draw(self.page, x, self.y, value, room, size, weight, color=colour,
                          ha="right" if numeric else "left", va="top")
            self.y -= _line(size)

        def header() -> None:
            row_out(list(table.headers), "bold", INK)
            assert self.page is not None
            self.page.add_artist(_rule(self.y + _line(size) * 0.25))

        self.room((1 + KEEP_TOGETHER) * _line(size))
        header()
        for i, values in enumerate(cells):
            left_here = int((self.y - BOTTOM) / _line(size))
            last_rows = len(cells) - i == KEEP_TOGETHER and left_here < KEEP_TOGETHER
            if left_here < 1 or last_rows:  # the last rows never go alone on a page of their own
                self.new_page()
                header()
            row_out(values, "normal", INK)
        if table.note:
            self.paragraph(table.note)
        self.gap()

    def chart_page(self, figure: Figure, title: str | None) -> None:
        """Start a page with a chart's own figure, its axes confined to a box under the (optional) title."""
        from matplotlib.layout_engine import ConstrainedLayoutEngine

        self.new_page(figure)
        if title:
            self.text(title, 15, weight="bold")
        bottom = self.y - CHART_HEIGHT
        figure.set_size_inches(*A4)
        # The axes keep a strip above and below for the chart's legend, which is pinned to the box
        # rather than to the page edge (where the charts put it on screen).
        figure.set_layout_engine(ConstrainedLayoutEngine(rect=(LEFT, bottom + LEGEND, RIGHT - LEFT,
                                                               CHART_HEIGHT - 2 * LEGEND)))
        for legend in figure.legends:
            legend.set_in_layout(False)
            legend.set_bbox_to_anchor((LEFT, bottom, RIGHT - LEFT, CHART_HEIGHT), transform=figure.transFigure)
        self.y = bottom - 0.02


def _rule(y: float):
    from matplotlib.lines import Line2D

    return Line2D([LEFT, RIGHT], [y, y], color=RULE, linewidth=0.6)


LOGO_HIGH, LOGO_WIDE = 0.09, 0.4  # the most of the page the logo may take


def _logo(page: Figure, png: bytes) -> None:
    """The logo at the top left of the title page, as large as fits the box without distortion."""
    from io import BytesIO

    from matplotlib.image import imread

    from solocrm.reports import logo

    width, height = logo.size(png) or (1, 1)
    high = min(LOGO_HIGH, LOGO_WIDE * A4[0] / A4[1] * height / width)
    wide = high * A4[1] / A4[0] * width / height
    axes = page.add_axes((LEFT, 0.88 - high, wide, high))
    axes.imshow(imread(BytesIO(png), format="png"), interpolation="none")  # embedded as is: sharp at any zoom
    axes.set_axis_off()


def _title_page(pages: _Pages, report: Report) -> None:
    t = report.texts
    pages.new_page()
    if report.logo is not None:
        assert pages.page is not None
        _logo(pages.page, report.logo)
    pages.y = 0.72
    pages.text(report.business or "SoloCRM", 26, weight="bold")
    pages.gap(0.01)
    pages.text(t("Business report"), 18, ACCENT)
    pages.gap(0.03)
    start, end = report.period
    before = report.previous
    for label, value in ((t("Period"), f"{start.isoformat()} – {end.isoformat()}"),
                         (t("Previous period"), f"{before[0].isoformat()} – {before[1].isoformat()}"),
                         (t("Generated"), report.generated.isoformat())):
        pages.text(f"{label}: {value}", 11, MUTED)
    pages.gap(0.04)
    pages.text(t("Contents"), 12, weight="bold")
    for number, section in enumerate(report.sections, 1):
        pages.text(f"{number}. {section.title}", 10)


def _section(pages: _Pages, report: Report, section: Section, chart_builders: dict) -> None:
    t = report.texts
    text = t.chart_text()
    charts = [] if section.empty else list(section.charts)
    if charts:
        pages.chart_page(chart_builders[charts.pop(0)](report.panel, text).figure, section.title)
    else:
        pages.new_page()
        pages.text(section.title, 15, weight="bold")
    pages.gap(0.008)
    if section.empty:
        pages.text(t("No data for this period."), 10, MUTED)
        pages.gap()
    for table in section.tables:
        if section.key == "appendix" and len(table.rows) > PDF_APPENDIX_ROWS:
            note = t("First {shown} of {total} customers, by revenue in the period; the Excel report has them all.",
                     shown=PDF_APPENDIX_ROWS, total=f"{len(table.rows):,}")
            table = Table(table.title, table.headers, table.kinds, table.rows[:PDF_APPENDIX_ROWS], note,
                          table.row_kinds)
        pages.table(table)
    for name in charts:
        pages.chart_page(chart_builders[name](report.panel, text).figure, None)


def _furnish(pages: _Pages, report: Report) -> None:
    """Header and page numbers, once the number of pages is known."""
    t = report.texts
    total = len(pages.pages)
    heading = " · ".join(filter(None, (report.business, t("Business report"),
                                       f"{report.period[0].isoformat()} – {report.period[1].isoformat()}")))
    for number, page in enumerate(pages.pages, 1):
        if number > 1:
            pages.draw(page, LEFT, 0.965, heading, POINTS_WIDE, 8, color=MUTED, va="top")
            page.add_artist(_rule(0.95))
        pages.draw(page, 0.5, 0.035, t("Page {page} of {pages}", page=number, pages=total), POINTS_WIDE, 8,
                   color=MUTED, ha="center", va="bottom")


def lay_out(report: Report, progress: Progress | None = None) -> list[Figure]:
    """The report's pages as figures, one per A4 page, ready to save."""
    from solocrm.analytics import charts

    report_progress = progress or (lambda _done, _total: None)
    pages = _Pages(report, fonts.families())
    _title_page(pages, report)
    for i, section in enumerate(report.sections):
        _section(pages, report, section, charts.ALL)
        report_progress(i + 1, len(report.sections) + 1)
    _furnish(pages, report)
    return pages.pages


def render(report: Report, path: Path, progress: Progress | None = None) -> None:
    """Write ``report`` as a PDF at ``path``, replacing an existing file only when complete."""
    from matplotlib.backends.backend_pdf import PdfPages

    pages = lay_out(report, progress)
    metadata = {"Title": f"{report.texts('Business report')} {report.period[0]} – {report.period[1]}",
                "Author": report.business or "SoloCRM", "Creator": "SoloCRM"}

    def write(target: Path) -> None:
        with PdfPages(target, metadata=metadata) as document:
            for page in pages:
                document.savefig(page)

    write_atomically(path, write)
    if progress is not None:
        progress(len(report.sections) + 1, len(report.sections) + 1)
