"""Reports: the PDF and the workbook say exactly what the Analytics JSON says, in both languages."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from solocrm import cli, settings
from solocrm.analytics import contract, panel
from solocrm.errors import UserError
from solocrm.reports import excel, pdf, sections
from solocrm.reports.texts import Texts
from solocrm.services import demo

NOW = datetime(2026, 6, 30, 12)
START, END = date(2026, 1, 1), date(2026, 6, 30)
BUSINESS = "小林烘焙工作室"


@pytest.fixture(scope="module")
def shop(tmp_path_factory) -> Path:
    """A small demo shop, built once: reports only read it."""
    from solocrm.db.database import Database

    path = tmp_path_factory.mktemp("shop") / "shop.db"
    db = Database.open(path)
    demo.generate(db, 80, seed=7, now=NOW)
    settings.save(db, {"business_name": BUSINESS})
    db.close()
    return path


@pytest.fixture
def shop_db(shop: Path):
    from solocrm.db.database import Database

    db = Database.open(shop, lock=False)
    yield db
    db.close()


def _figures(db, start: date = START, end: date = END) -> dict:
    result = panel.compute(db, panel.Query(NOW, start, end))
    return contract.to_json(result, settings.get(db, "currency"))


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_pdf_shows_every_kpi_exactly_as_the_analytics_json(shop_db, tmp_path: Path, lang: str) -> None:
    report = sections.build(shop_db, START, END, lang, now=NOW)
    out = tmp_path / "report.pdf"
    pdf.render(report, out)
    text = _pdf_text(out)
    figures = _figures(shop_db)
    assert figures["revenue"]["total"] > 0 and figures["customers"]["total"] == 80
    for label, key, kind in sections.KPIS:
        shown = sections.display(sections.lookup(figures, key), kind, report.texts)
        assert f"{report.texts(label)}" in text and shown in text, (key, shown)
    assert BUSINESS in text and "2026-01-01" in text and "2026-06-30" in text
    assert ("经营报告" in text) == (lang == "zh_CN")
    pages = len(PdfReader(out).pages)
    assert report.texts("Page {page} of {pages}", page=pages, pages=pages) in text


def test_pdf_embeds_its_cjk_font(shop_db, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    pdf.render(sections.build(shop_db, START, END, "zh_CN", now=NOW), out)
    fonts = []
    for page in PdfReader(out).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            fonts.append(font)
            # A Type 3 font carries its glyphs in the file; any other kind needs an embedded font file.
            if font["/Subtype"] != "/Type3":
                descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                assert any(k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            assert "/ToUnicode" in font  # the text can be searched and copied
    assert any("CJK" in str(f["/BaseFont"]) for f in fonts)


def test_the_logo_from_settings_is_on_the_title_page_and_the_summary_sheet(shop, tmp_path: Path) -> None:
    import shutil

    from PySide6.QtGui import QColor, QImage

    from solocrm.db.database import Database
    from solocrm.reports import logo
    from solocrm.ui.logo_editor import png_of

    image = QImage(300, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("#c0392b"))
    png = png_of(image)
    path = tmp_path / "shop.db"
    shutil.copy(shop, path)
    db = Database.open(path)
    settings.save(db, {"business_logo": logo.encode(png)})
    report = sections.build(db, START, END, "zh_CN", now=NOW)
    db.close()
    assert report.logo == png
    pdf.render(report, tmp_path / "report.pdf")
    pages = PdfReader(tmp_path / "report.pdf").pages
    # matplotlib shares one resource dictionary between pages: find the image, then the page that draws it.
    xobjects = pages[0]["/Resources"]["/XObject"]
    [name] = [n for n, x in xobjects.items() if x.get_object()["/Subtype"] == "/Image"
              and (x.get_object()["/Width"], x.get_object()["/Height"]) == (300, 100)]  # embedded as chosen
    drawn_on = [i for i, page in enumerate(pages) if f"{name} Do".encode() in page.get_contents().get_data()]
    assert drawn_on == [0]
    excel.render(report, tmp_path / "report.xlsx")
    with zipfile.ZipFile(tmp_path / "report.xlsx") as book:
        media = [name for name in book.namelist() if name.startswith("xl/media/")]
        assert [book.read(name) for name in media] == [png]
        assert "../media/" in book.read("xl/drawings/_rels/drawing1.xml.rels").decode()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_workbook_cells_hold_the_analytics_json_numbers(shop_db, tmp_path: Path, lang: str) -> None:
    report = sections.build(shop_db, START, END, lang, now=NOW)
    out = tmp_path / "report.xlsx"
    excel.render(report, out)
    figures = _figures(shop_db)
    book = openpyxl.load_workbook(out)
    summary = book.worksheets[0]
    assert summary.freeze_panes == "A6" and summary.auto_filter.ref
    rows = {row[0].value: row for row in summary.iter_rows(min_row=6)}
    for label, key, kind in sections.KPIS:
        this, before = rows[report.texts(label)][1], rows[report.texts(label)][2]
        value = sections.lookup(figures, key)
        assert this.value == (report.texts("no data") if value is None else value), key
        if value is not None and kind == "money":
            assert "¥" in this.number_format
        if value is not None and kind == "rate":
            assert this.number_format.endswith("%")
        if not key.startswith("clv."):
            previous = sections.lookup(figures["previous"], key)
            assert before.value == (report.texts("no data") if previous is None else previous), key
    names = [sheet.title for sheet in book.worksheets]
    assert len(names) == len(sections.SECTIONS)  # the summary sheet plus one per other section
    customers = book.worksheets[-1]
    assert customers.max_row - 4 == figures["customers"]["total"]  # every customer, after the header
    assert customers.freeze_panes == "A5"
    with zipfile.ZipFile(out) as archive:
        assert sum(name.startswith("xl/charts/chart") for name in archive.namelist()) >= 3  # native charts


def test_an_empty_period_gives_valid_reports_that_say_there_is_no_data(shop_db, tmp_path: Path) -> None:
    start, end = date(2020, 1, 1), date(2020, 3, 31)
    report = sections.build(shop_db, start, end, "en", now=NOW)
    pdf.render(report, tmp_path / "empty.pdf")
    excel.render(report, tmp_path / "empty.xlsx")
    text = _pdf_text(tmp_path / "empty.pdf")
    assert "No data for this period." in text
    assert _figures(shop_db, start, end)["revenue"]["orders"] == 0
    sales = openpyxl.load_workbook(tmp_path / "empty.xlsx")["Sales and revenue trend"]
    assert sales["A4"].value == "No data for this period."


def test_pdf_tables_that_fit_a_page_are_not_split_and_split_ones_never_leave_a_row_or_two_alone(shop_db) -> None:
    report = sections.build(shop_db, START, END, "en", ("summary",), now=NOW)

    def rows_per_page(rows: int, room_lines: int | None = None) -> list[int]:
        """How many of the table's rows each page shows, started ``room_lines`` lines above the page's bottom."""
        pages = pdf._Pages(report, ("DejaVu Sans",))
        pages.new_page()
        if room_lines is not None:
            pages.y = pdf.BOTTOM + room_lines * pdf._line(8.5)
        pages.table(sections.Table("Phrases", ("Phrase", "Comments"), ("text", "count"),
                                   [(f"row {i}", i) for i in range(rows)]))
        return [sum(t.get_text().startswith("row ") for t in page.texts) for page in pages.pages]

    assert rows_per_page(15, room_lines=8) == [0, 15]  # whole on the next page rather than 6 + 9
    full_page = rows_per_page(300)[1]
    for rows in range(pdf.KEEP_TOGETHER, 2 * full_page + 6):
        shown = [n for n in rows_per_page(rows) if n]
        assert sum(shown) == rows
        assert min(shown) >= pdf.KEEP_TOGETHER, (rows, shown)


def test_an_existing_file_is_replaced_only_by_a_complete_one(shop_db, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "month-end.pdf"
    out.write_bytes(b"last month's report")
    report = sections.build(shop_db, START, END, "en", ("summary",), now=NOW)

    from matplotlib.backends import backend_pdf

    def disk_full(*_args, **_kwargs) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(backend_pdf.PdfPages, "savefig", disk_full)
        with pytest.raises(UserError, match="No space left on device"):
            pdf.render(report, out)
    assert out.read_bytes() == b"last month's report"
    assert list(tmp_path.iterdir()) == [out]  # no half-written file left behind
    pdf.render(report, out)
    assert out.read_bytes().startswith(b"%PDF")


def test_charts_find_a_cjk_font_installed_after_matplotlib_first_listed_the_fonts(tmp_path: Path, monkeypatch) -> None:
    import copy

    import matplotlib
    from matplotlib import font_manager

    from solocrm.analytics import charts

    # As on a machine where matplotlib ran before fonts-noto-cjk was installed: its cached list has no CJK font.
    stale = copy.copy(font_manager.fontManager)
    stale.ttflist = [font for font in stale.ttflist if "CJK" not in font.name]
    monkeypatch.setattr(font_manager, "fontManager", stale)
    monkeypatch.setattr(matplotlib, "get_cachedir", lambda: str(tmp_path))
    charts.font_families.cache_clear()
    try:
        assert charts.font_families()[0] in charts._CJK_FONTS  # not DejaVu Sans, which has no Chinese: boxes
    finally:
        charts.font_families.cache_clear()
    cached = font_manager.json_load(next(tmp_path.glob("fontlist-*.json")))  # the next start finds it at once
    assert any("CJK" in font.name for font in cached.ttflist)


def test_no_cjk_font_stops_with_a_message_naming_what_to_install(shop_db, tmp_path: Path, monkeypatch) -> None:
    from solocrm.analytics import charts

    monkeypatch.setattr(charts, "font_families", lambda: ("DejaVu Sans",))
    report = sections.build(shop_db, START, END, "zh_CN", ("summary",), now=NOW)
    with pytest.raises(UserError, match="fonts-noto-cjk"):
        pdf.render(report, tmp_path / "report.pdf")
    assert not (tmp_path / "report.pdf").exists()


def test_chart_axes_use_the_readers_units_and_count_in_whole_numbers(shop_db) -> None:
    from solocrm.analytics import charts

    def ticks(start: date, end: date) -> tuple[list[str], list[float]]:
        text = charts.ChartText(short_units=((1_000, "千"),))  # units small enough for this little shop's revenue
        chart = charts.revenue(panel.compute(shop_db, panel.Query(NOW, start, end)), text)
        chart.figure.canvas.draw()
        money_axis, orders_axis = chart.figure.axes
        return [label.get_text() for label in money_axis.get_yticklabels()], list(orders_axis.get_yticks())

    money, _orders = ticks(START, END)
    assert any(label.endswith("千") for label in money), money
    _money, orders = ticks(date(2026, 6, 24), END)  # a week of one to three orders a day
    assert max(orders) >= 3 and all(float(tick).is_integer() for tick in orders), orders  # no tick at 2.5 orders


def test_period_labels_never_run_together_however_narrow_the_chart(shop_db) -> None:
    from solocrm.analytics import charts

    chart = charts.revenue(panel.compute(shop_db, panel.Query(NOW, date(2025, 7, 1), END)))
    shown = {}
    for inches in (2.6, 5.2, 10.4):
        chart.figure.set_size_inches(inches, 3.0)
        chart.figure.canvas.draw()
        labels = [label for label in chart.figure.axes[0].get_xticklabels() if label.get_text()]
        boxes = [label.get_window_extent() for label in labels]
        assert all(left.x1 < right.x0 for left, right in zip(boxes, boxes[1:])), [b.bounds for b in boxes]
        shown[inches] = len(labels)
    assert 2 <= shown[2.6] < shown[5.2] <= shown[10.4], shown  # as many as fit


def test_cli_writes_the_chosen_sections_and_fails_cleanly_when_it_cannot_write(shop, tmp_path: Path,
                                                                              capsys) -> None:
    out = tmp_path / "report.pdf"
    code = cli.main(["report", "--db", str(shop), "--from", "2026-01-01", "--to", "2026-06-30", "--format", "pdf",
                     "--out", str(out), "--lang", "en", "--sections", "summary", "loyalty"])
    assert code == 0 and str(out) in capsys.readouterr().out
    text = _pdf_text(out)
    assert "Loyalty and RFM tiers" in text and "Churn risk" not in text

    code = cli.main(["report", "--db", str(shop), "--from", "2026-01-01", "--to", "2026-06-30",
                     "--out", str(tmp_path / "missing" / "report.xlsx")])
    assert code == 1
    assert "Cannot write the report" in capsys.readouterr().err


# --- the Reports page ---------------------------------------------------------------------------


@pytest.fixture
def page(qtbot, ctx):
    from solocrm.ui.reports_page import ReportsPage

    demo.generate(ctx.db, 40, seed=3, now=ctx.clock())
    settings.save(ctx.db, {"business_name": BUSINESS})
    widget = ReportsPage(ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_page_saves_the_chosen_report_with_the_settings_business_name(page, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    assert page.business.text() == BUSINESS
    page.start.setDate(date(2026, 1, 1))
    page.end.setDate(date(2026, 3, 31))
    assert page.preset.currentData() == "custom"
    page.language.setCurrentIndex(page.language.findData("en"))
    for i in range(page.sections.count()):
        item = page.sections.item(i)
        if item.data(Qt.ItemDataRole.UserRole) != "sales":
            item.setCheckState(Qt.CheckState.Unchecked)
    target = tmp_path / "march"  # the user typed no extension
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    page.save_button.click()
    written = tmp_path / "march.pdf"
    text = _pdf_text(written)
    figures = _figures(page.ctx.db, date(2026, 1, 1), date(2026, 3, 31))
    assert sections.display(figures["revenue"]["total"], "money", Texts("en")) in text
    assert "Sales and revenue trend" in text and "Churn risk" not in text and BUSINESS in text
    assert str(written) in page.status.text()


def test_page_previews_every_page_of_the_report(page) -> None:
    page.preset.setCurrentIndex(page.preset.findData("quarter"))
    page.preview_button.click()
    assert page.pages.count() >= len(sections.SECTIONS)  # one picture per page (title page and at least one each)
    assert page.pages.item(0).text() == "Page 1"


def test_page_asks_for_a_section_before_generating(page, monkeypatch) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    for i in range(page.sections.count()):
        page.sections.item(i).setCheckState(Qt.CheckState.Unchecked)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: pytest.fail("no dialog without sections"))
    page.save_button.click()
    assert "at least one section" in page.status.text()


HOSTILE_NAMES = ("$$", "$\\foo$ 美元", "A$AP $ shop", "W" * 200, "第一行\n第二行", "电话 \u202e13812345678")


def _hostile_report(tmp_path: Path) -> sections.Report:
    """A shop whose customers and business name are the texts that used to break the PDF."""
    from solocrm.db.database import Database
    from solocrm.services import customers, orders
    from solocrm.services.customers import CustomerInput
    from solocrm.services.orders import OrderInput

    db = Database.open(tmp_path / "hostile.db")
    try:
        settings.save(db, {"business_name": "A$AP $ shop " + "长" * 80})
        for i, name in enumerate(HOSTILE_NAMES):
            cid, _ = customers.create(db, CustomerInput(name=name, city="杭州" * 50 if i == 3 else "上海"))
            orders.add_order(db, cid, OrderInput(ordered_at=datetime(2026, 3, 5), amount_minor=1000 * (i + 1)),
                             now=NOW)
        return sections.build(db, START, END, "zh_CN", now=NOW)
    finally:
        db.close()


def test_pdf_prints_user_text_as_written_and_never_as_mathematics(tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    pdf.render(_hostile_report(tmp_path), out)
    lines = _pdf_text(out).splitlines()
    appendix = [line for line in lines if line.endswith("¥10.00") or " 上海 " in line or "杭州" in line]
    assert [line.split(" 上海 ")[0] for line in appendix if " 上海 " in line] == [
        "6 电话 13812345678", "5 第一行 第二行", "3 A$AP $ shop", "2 $\\foo$ 美元", "1 $$"]
    long_row = next(line for line in appendix if line.startswith("4 W"))
    assert "W…" in long_row and "W" * 200 not in long_row and "杭州…" in long_row
    assert lines[0].startswith("A$AP $ shop 长") and lines[0].endswith("…")
    assert "\u202e" not in "".join(lines)


def test_pdf_texts_stay_inside_their_cells_and_the_page(tmp_path: Path) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    pages = pdf.lay_out(_hostile_report(tmp_path))
    for number, page in enumerate(pages, 1):
        renderer = FigureCanvasAgg(page).get_renderer()
        left, right = pdf.LEFT * page.bbox.width, pdf.RIGHT * page.bbox.width
        boxes = [(text.get_text(), text.get_window_extent(renderer).shrunk(0.98, 0.9)) for text in page.texts]
        for text, box in boxes:
            assert left - 1 <= box.x0 and box.x1 <= right + 1, (number, text)
        for i, (text, box) in enumerate(boxes):
            for other, other_box in boxes[i + 1:]:
                assert not box.overlaps(other_box), (number, text, other)
