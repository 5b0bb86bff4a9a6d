"""The Analytics page and the customer page's analytics box, driven through real widgets."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy import select

from solocrm.db.models import Task
from solocrm.services import orders
from solocrm.services.orders import OrderInput
from solocrm.ui.analytics_page import AnalyticsPage
from solocrm.ui.analytics_widgets import GoalDialog
from tests.analytics_support import NOW, at, build_shop, simulated_shop


def _page(qtbot, ctx) -> AnalyticsPage:  # noqa: ANN001
    page = AnalyticsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 900)
    return page


def _ask_shop_period(qtbot, page: AnalyticsPage) -> None:  # noqa: ANN001
    """As of 2026-06-10, period 2026-04-01 to 2026-06-10: the hand-computed shop of analytics_support."""
    page.show()
    page.as_of.setDate(date(2026, 6, 10))
    page.period.setCurrentIndex(page.period.findData("custom"))
    page.start.setDate(date(2026, 4, 1))
    page.end.setDate(date(2026, 6, 10))
    assert page._recompute.isActive()  # typed dates wait a moment before recomputing
    page._recompute.stop()
    page.refresh()
    assert page.result is not None and page.result.panel.period == (date(2026, 4, 1), date(2026, 6, 10))


def _card(page: AnalyticsPage, key: str) -> tuple[str, str]:
    card = page.cards[key]
    return card.value.text(), card.change.text()


def test_cards_show_the_hand_computed_figures_and_explain_them(qtbot, ctx) -> None:  # noqa: ANN001
    build_shop(ctx.db)
    page = _page(qtbot, ctx)
    _ask_shop_period(qtbot, page)
    assert _card(page, "customers_total")[0] == "6"
    assert _card(page, "customers_active")[0] == "2"
    assert _card(page, "customers_new")[0] == "1"
    assert _card(page, "customers_churned")[0] == "1"
    assert _card(page, "revenue_minor")[0] == "¥620.00"
    assert _card(page, "csat")[0] == "66.7%"
    assert _card(page, "nps")[0] == "+0"
    assert _card(page, "churn_rate")[0] == "50.0%"
    assert _card(page, "referral_rate")[0] == "16.7%"
    # no year of history: simple CLV says "No data" and why, never a 0
    value, _change = _card(page, "clv")
    assert value == "No data"
    assert "annual churn rate" in page.cards["clv"].value.toolTip()
    assert "promoters (9-10) minus % detractors (0-6)" in page.cards["nps"].help.toolTip()
    assert "At least 20" not in page.models.text() and "Too few customers" in page.models.text()
    assert "As of 2026-06-10" in page.status.text()


def test_no_answers_in_the_period_is_no_data(qtbot, ctx) -> None:  # noqa: ANN001
    build_shop(ctx.db)
    page = _page(qtbot, ctx)
    _ask_shop_period(qtbot, page)
    page.start.setDate(date(2026, 5, 20))
    qtbot.waitSignal(page._recompute.timeout, timeout=2000).wait()
    assert page.result.panel.period[0] == date(2026, 5, 20)
    assert _card(page, "csat")[0] == "No data"
    assert _card(page, "nps")[0] == "No data"
    assert page.cards["csat"].value.toolTip() == "No survey answers in this period."


def test_clicking_a_card_or_a_bar_shows_exactly_those_customers(qtbot, ctx) -> None:  # noqa: ANN001
    ids = build_shop(ctx.db)
    page = _page(qtbot, ctx)
    _ask_shop_period(qtbot, page)
    with qtbot.waitSignal(page.show_customers) as shown:
        qtbot.mouseClick(page.cards["customers_new"], Qt.MouseButton.LeftButton)
    assert shown.args[0] == frozenset({ids["D"]})

    # the "Low value" bar of the RFM tier chart: A and D
    canvas = _shown_chart(qtbot, page, "tiers")
    chart = page.result.charts["tiers"]
    bar = next(artist for artist, key in chart.targets.items() if key == "tier:low")
    extent = bar.get_window_extent()
    assert _click_chart(qtbot, page, canvas, extent.x0 + extent.width / 2,
                        extent.y0 + extent.height / 2) == frozenset({ids["A"], ids["D"]})


def test_charts_are_drawn_in_the_windows_colours_and_follow_a_switch_to_dark(qtbot, ctx) -> None:  # noqa: ANN001
    from matplotlib.colors import to_hex
    from PySide6.QtGui import QColor, QPalette

    build_shop(ctx.db)
    page = _page(qtbot, ctx)
    _ask_shop_period(qtbot, page)
    figure = page.result.charts["revenue"].figure
    assert to_hex(figure.get_facecolor()) == page.palette().color(QPalette.ColorRole.Base).name()

    dark = QPalette(page.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    page.setPalette(dark)  # as when the system turns dark while SoloCRM runs
    qtbot.waitUntil(lambda: page.result.charts["revenue"].figure is not figure, timeout=5000)
    figure = page.result.charts["revenue"].figure
    axes = figure.axes[0]
    assert to_hex(figure.get_facecolor()) == "#1e1e1e" and to_hex(axes.get_facecolor()) == "#1e1e1e"
    assert {to_hex(label.get_color()) for label in axes.get_yticklabels()} == {"#e6e6e6"}


def _shown_chart(qtbot, page: AnalyticsPage, name: str):  # noqa: ANN001, ANN202 - FigureCanvas
    """Scroll chart ``name`` into view and draw it, so its artists have their places on screen."""
    box = page.charts[name]
    canvas = box.canvas
    page.scroll_area.ensureWidgetVisible(box)
    qtbot.waitUntil(lambda: canvas.isVisible())
    QApplication.processEvents()
    canvas.draw()
    return canvas


def _click_chart(qtbot, page: AnalyticsPage, canvas, x: float, y: float) -> frozenset[int]:  # noqa: ANN001
    """Click the chart at display point (x, y), matplotlib's pixels from the bottom left; the customers shown."""
    ratio = canvas.device_pixel_ratio
    point = QPoint(int(x / ratio), int(canvas.height() - y / ratio))
    with qtbot.waitSignal(page.show_customers) as shown:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point)
    return shown.args[0]


def test_clicking_a_cohort_cell_shows_the_customers_it_counts(qtbot, ctx) -> None:  # noqa: ANN001
    build_shop(ctx.db)
    page = _page(qtbot, ctx)
    _ask_shop_period(qtbot, page)
    canvas = _shown_chart(qtbot, page, "cohorts")
    groups = page.result.panel.groups
    key = next(k for k in groups if k.startswith("cohort:") and len(groups[k]))
    _kind, row, month = key.split(":")
    ax = page.result.charts["cohorts"].figure.axes[0]
    x, y = ax.transData.transform((int(month), int(row)))
    assert _click_chart(qtbot, page, canvas, x, y) == frozenset(int(i) for i in groups[key])


def test_segment_picker_narrows_the_figures(qtbot, ctx) -> None:  # noqa: ANN001
    build_shop(ctx.db)
    page = _page(qtbot, ctx)
    _ask_shop_period(qtbot, page)
    page.segment_kind.setCurrentIndex(page.segment_kind.findData("cities"))
    assert page.segment_value.isVisible()
    page.segment_value.setCurrentIndex(page.segment_value.findData("杭州"))
    assert page.result.panel.query.segment.cities == ("杭州",)
    assert _card(page, "customers_total")[0] == "2"


def test_custom_dates_show_only_for_a_custom_period(qtbot, ctx) -> None:  # noqa: ANN001
    page = _page(qtbot, ctx)
    page.show()
    assert not page.start.isVisible()
    page.period.setCurrentIndex(page.period.findData("custom"))
    assert page.start.isVisible() and page.end.isVisible()
    page.period.setCurrentIndex(page.period.findData("month"))
    assert not page.start.isVisible()
    assert page.result.panel.period == (date(2026, 6, 1), date(2026, 6, 15))


def test_an_empty_database_shows_a_friendly_empty_state(qtbot, ctx) -> None:  # noqa: ANN001
    page = _page(qtbot, ctx)
    page.show()
    assert page.result is not None
    assert page.empty.isVisible() and not page.scroll_area.isVisible()
    assert "No data yet" in page.empty.text()


def test_new_data_recomputes_the_visible_page(qtbot, ctx) -> None:  # noqa: ANN001
    ids = build_shop(ctx.db)
    page = _page(qtbot, ctx)
    _ask_shop_period(qtbot, page)
    _id, changes = orders.add_order(ctx.db, ids["E"], OrderInput(ordered_at=at("2026-06-01"), amount_minor=4200),
                                    now=NOW)
    ctx.bus.publish(changes, None)
    assert page._recompute.isActive()  # visible: recompute, once the burst of changes is over
    qtbot.waitSignal(page._recompute.timeout, timeout=2000).wait()
    assert page.result.panel.current.revenue_minor == 62000 + 4200
    assert _card(page, "revenue_minor")[0] == "¥662.00"
    assert _card(page, "customers_new")[0] == "2"


def test_churn_risk_list_opens_the_customer_and_plans_a_win_back(qtbot, ctx) -> None:  # noqa: ANN001
    simulated_shop(ctx.db)
    page = _page(qtbot, ctx)
    page.show()
    page.as_of.setDate(date(2026, 6, 1))
    qtbot.waitUntil(lambda: page.result is not None and page.result.panel.as_of_day == date(2026, 6, 1))
    assert page.risk.rowCount() > 0
    top = page.result.panel.risk[0]
    assert page.risk.item(0, 0).text() == top.name
    assert "α =" in page.models.text()
    page.activateWindow()
    page.risk.setFocus()
    page.risk.selectRow(0)
    with qtbot.waitSignal(page.open_customer) as opened:
        qtbot.keyClick(page.risk, Qt.Key.Key_Return)  # Enter opens, as in the customer list
    assert opened.args == [top.customer_id]
    with qtbot.waitSignal(page.undoable):
        qtbot.mouseClick(page.findChild(QPushButton, "winBack"), Qt.MouseButton.LeftButton)
    with ctx.db.session() as s:
        task = s.scalars(select(Task)).one()
    assert task.customer_id == top.customer_id
    assert top.name in task.title and "Win back" in task.title
    assert "Win-back task" in page.notice.text()


def test_churn_risk_list_exports_as_shown_with_numbers_as_numbers(qtbot, ctx, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    simulated_shop(ctx.db)
    page = _page(qtbot, ctx)
    page.show()
    page.as_of.setDate(date(2026, 6, 1))
    qtbot.waitUntil(lambda: page.result is not None and page.result.panel.as_of_day == date(2026, 6, 1))
    page.risk.setColumnHidden(5, True)  # a hidden column is not exported
    target = tmp_path / "风险客户.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), "Excel (*.xlsx)"))
    qtbot.mouseClick(page.findChild(QPushButton, "exportRisk"), Qt.MouseButton.LeftButton)
    sheet = load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Customer", "Last order", "P(alive)", "Predicted CLV", "Value at risk")
    assert len(rows) - 1 == page.risk.rowCount() == len(page.result.panel.risk)
    top = page.result.panel.risk[0]
    name, last_order, p_alive, clv, loss = rows[1]
    assert name == top.name and last_order.date() == top.last_order
    assert p_alive == pytest.approx(top.p_alive) and clv == pytest.approx(round(top.clv, 2))
    assert loss == pytest.approx(round(top.expected_loss, 2))


def _fill_goal(dialog: GoalDialog, metric: str, baseline: float, target: float) -> None:
    dialog.metric_box.setCurrentIndex(dialog.metric_box.findData(metric))
    dialog.baseline.setValue(baseline)
    dialog.target.setValue(target)


def test_goals_are_added_from_the_page_and_show_progress(qtbot, ctx, monkeypatch) -> None:  # noqa: ANN001
    build_shop(ctx.db)
    page = _page(qtbot, ctx)
    _ask_shop_period(qtbot, page)
    assert page.goal_stack.currentWidget() is page.no_goals and "Add goal" in page.no_goals.text()
    assert not page.edit_goal_button.isEnabled() and not page.delete_goal_button.isEnabled()
    seen: list[GoalDialog] = []

    def fill_and_save(dialog: GoalDialog) -> int:
        seen.append(dialog)
        _fill_goal(dialog, "repurchase_rate", 20, 20)  # no change asked: refused inline
        dialog._save()
        assert not dialog.error.isHidden() and "differ" in dialog.error.text()
        _fill_goal(dialog, "repurchase_rate", 20, 70)
        dialog._save()
        return dialog.result()

    monkeypatch.setattr(GoalDialog, "exec", fill_and_save)
    qtbot.mouseClick(page.findChild(QPushButton, "addGoal"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.goals.rowCount() == 1)
    assert page.goals.item(0, 0).text() == "Repurchase rate"
    assert page.goals.item(0, 1).text() == "20.0% → 70.0%"
    assert page.goals.item(0, 5).text() in {"On track", "Behind"}
    assert page.notice.text() == "Goal added."
    assert page.goal_stack.currentWidget() is page.goals and page.delete_goal_button.isEnabled()

    page.goals.selectRow(0)
    with qtbot.waitSignal(page.undoable) as undo:
        page.delete_goal()
    qtbot.waitUntil(lambda: page.goals.rowCount() == 0)
    assert page.goal_stack.currentWidget() is page.no_goals
    undo.args[1]()
    page.refresh()
    assert page.goals.rowCount() == 1


def test_customer_page_shows_the_customers_analytics(qtbot, ctx) -> None:  # noqa: ANN001
    from solocrm.ui.customer_insights import CustomerInsightsPanel

    ids = build_shop(ctx.db)
    panel = CustomerInsightsPanel(ctx, ids["A"])
    qtbot.addWidget(panel)
    assert panel.insights is not None
    assert panel.values["rfm"].text().startswith("R")
    assert panel.values["stage"].text() == "Repeat"
    assert panel.values["predicted_clv"].text() == "No data"
    assert "could not be fitted" in panel.values["predicted_clv"].toolTip()
    assert "CSAT 5" in panel.values["surveys"].text() and "NPS 9" in panel.values["surveys"].text()
    assert "Lovely cakes" in panel.values["surveys"].toolTip()


def test_customer_page_insights_with_fitted_models(qtbot, ctx) -> None:  # noqa: ANN001
    from solocrm.ui.customer_insights import CustomerInsightsPanel

    simulated_shop(ctx.db)
    panel = CustomerInsightsPanel(ctx, 1)
    qtbot.addWidget(panel)
    assert panel.values["p_alive"].text().endswith("%")
    assert panel.values["predicted_clv"].text().startswith("¥")


@pytest.mark.parametrize("module", ["solocrm.ui.main_window", "solocrm.ui.customer_page"])
def test_opening_the_app_loads_no_analytics_libraries(module: str) -> None:
    """The heavy libraries load when Analytics first computes, not when the window opens."""
    code = (f"import {module}, sys, json\n"
            "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stdout.splitlines()[-1]))
    heavy = {"numpy", "pandas", "scipy", "matplotlib", "jieba"}
    assert loaded.isdisjoint(heavy), f"{module} loads {sorted(loaded & heavy)} at import"


def test_refreshing_with_nothing_changed_keeps_the_drawn_charts(qtbot, ctx) -> None:  # noqa: ANN001
    build_shop(ctx.db)
    page = _page(qtbot, ctx)
    _ask_shop_period(qtbot, page)
    panel, canvas, generation = page.result.panel, page.charts["revenue"].canvas, page._generation
    page.refresh()
    assert page._generation == generation + 1
    assert page.result.panel is panel  # served from the cache
    assert page.charts["revenue"].canvas is canvas


CLOSED_PAGE_SCRIPT = r"""
import os, sys, traceback
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from datetime import datetime
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid
from solocrm.db.database import Database
from solocrm.analytics.insights import customer_insights
from solocrm.ui.bus import ChangeBus
from solocrm.ui.context import AppContext
from solocrm.ui.customer_insights import CustomerInsightsPanel
from solocrm.ui.operations import OperationRunner

app = QApplication([])
db = Database.open(Path(sys.argv[1]), lock=False)
runner = OperationRunner()
runner.inline = True
ctx = AppContext(db=db, bus=ChangeBus(), runner=runner, clock=lambda: datetime(2026, 6, 15, 12))
answer = customer_insights(db, 1, datetime(2026, 6, 15, 12))
page = QWidget()
panel = CustomerInsightsPanel(ctx, 1, page)
generation = panel._generation
page.deleteLater()  # the main window drops a customer page this way
QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
assert not isValid(panel)
try:
    panel._show(generation, answer)  # the runner's success handler, arriving late
except Exception:
    traceback.print_exc()
    os._exit(1)
print("ok", flush=True)
os._exit(0)  # skip interpreter teardown: only the late answer is under test
"""


def test_an_insights_answer_arriving_after_the_page_closed_is_dropped(db, db_path) -> None:
    """Leaving a customer page before its analytics are ready must not raise in the GUI thread.

    Run in a child process: deleting widgets under the test's shared QApplication is not what is tested.
    """
    build_shop(db)
    result = subprocess.run([sys.executable, "-c", CLOSED_PAGE_SCRIPT, str(db_path)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")


@pytest.mark.parametrize("width", [1000, 1280, 1700])
def test_the_cards_fit_the_window_without_a_sideways_scroll(qtbot, ctx, width: int) -> None:  # noqa: ANN001
    build_shop(ctx.db)
    page = _page(qtbot, ctx)
    page.resize(width, 900)
    _ask_shop_period(qtbot, page)
    page.cards["revenue_minor"].show_figure("¥118,351,789.00", "No data")  # a big shop's year
    QApplication.processEvents()
    assert page.scroll_area.horizontalScrollBar().maximum() == 0
    rows = {page.cards[key].y() for key in page.cards}
    assert len(rows) == -(-len(page.cards) // min(7, (width - 60) // 178))
    value = page.cards["revenue_minor"].value
    assert value.fontMetrics().horizontalAdvance(value.text()) <= value.width()
