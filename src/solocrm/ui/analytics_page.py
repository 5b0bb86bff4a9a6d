"""The Analytics page: KPIs, charts, churn risk and goals, computed locally from the user's own data.

Everything is computed off the GUI thread (``ctx.runner``) by
``solocrm.analytics.panel``, which keeps results per data version, so showing
the page again with nothing changed is instant.  The page recomputes when the
change bus reports new orders, answers, customers or settings: at once when it
is visible, otherwise the next time it is shown.

The heavy libraries (numpy, scipy, matplotlib, jieba) are imported inside the
methods that compute and draw, so the main window can create this page at
start without loading them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from solocrm.errors import ValidationError
from solocrm.services.changes import Changes
from solocrm.services.money import format_amount
from solocrm.ui import export_actions, labels
from solocrm.ui.analytics_widgets import CARD_WIDTH, ChartBox, GoalDialog, KpiCard
from solocrm.ui.context import AppContext
from solocrm.ui.date_field import DateField
from solocrm.ui.formatting import date_text, to_local
from solocrm.ui.modal import run_dialog

if TYPE_CHECKING:
    from solocrm.analytics.charts import Chart, ChartText
    from solocrm.analytics.goals import GoalProgress
    from solocrm.analytics.metrics import Kpis
    from solocrm.analytics.panel import Panel, Query

PRESETS = ("month", "quarter", "year", "12m", "custom")
SEGMENT_KINDS = (None, "tags", "cities", "tiers", "stages", "sources")
CHART_NAMES = ("revenue", "satisfaction", "nps", "tiers", "lifecycle", "clv", "cohorts", "phrases")
CARD_COLUMNS, CARD_MIN_COLUMNS = 7, 3  # KPI cards a row on a wide screen, and at the least
WIN_BACK_DAYS = 1  # a win-back task is due tomorrow: today may already be full
_RECOMPUTE_DELAY_MS = 400  # coalesce a burst of changes (an import, an undo) into one recompute


def _t(text: str) -> str:
    return QCoreApplication.translate("AnalyticsPage", text)


@dataclass(frozen=True)
class Result:
    panel: Panel
    charts: dict[str, Chart]
    goals: list[GoalProgress]
    currency: str
    text: ChartText  # the chart words they were drawn with


@dataclass(frozen=True)
class KpiSpec:
    key: str
    title: str
    kind: str  # count | money | rate | pct | nps | clv
    higher_is_better: bool
    drill: str | None = None


def _kpi_specs() -> tuple[KpiSpec, ...]:
    return (
        KpiSpec("customers_total", _t("Customers"), "count", True, "kpi:total"),
        KpiSpec("customers_active", _t("Active"), "count", True, "kpi:active"),
        KpiSpec("customers_new", _t("New"), "count", True, "kpi:new"),
        KpiSpec("customers_churned", _t("Churned"), "count", False, "kpi:churned"),
        KpiSpec("revenue_minor", _t("Revenue"), "money", True, "kpi:buyers"),
        KpiSpec("aov_minor", _t("Average order value"), "money", True),
        KpiSpec("csat", _t("CSAT"), "pct", True),
        KpiSpec("nps", _t("NPS"), "nps", True),
        KpiSpec("repurchase_rate", _t("Repurchase rate"), "rate", True, "kpi:repeat_buyers"),
        KpiSpec("churn_rate", _t("Churn rate"), "rate", False),
        KpiSpec("retention_rate", _t("Retention rate"), "rate", True),
        KpiSpec("referral_rate", _t("Referral rate"), "rate", True, "kpi:referrers"),
        KpiSpec("clv", _t("Average CLV (simple)"), "clv", True),
        KpiSpec("predicted_clv", _t("Average CLV (predicted)"), "clv", True),
    )


def _raw(k: Kpis, key: str) -> float | None:
    if key == "csat":
        return k.csat.score_pct
    if key == "nps":
        return k.nps.score
    if key == "clv":
        return k.clv.mean
    value = getattr(k, key)
    return None if value is None else float(value)


def _empty_note(text: str, name: str, style: str) -> QLabel:
    """What stands where figures will be once there are some: centred, wrapped, in the placeholder colour."""
    note = QLabel(text)
    note.setObjectName(name)
    note.setWordWrap(True)
    note.setAlignment(Qt.AlignmentFlag.AlignCenter)
    note.setStyleSheet(f"color: palette(placeholder-text); {style}")
    return note


class AnalyticsPage(QWidget):
    show_customers = Signal(frozenset)  # drill-down: the customer list should show exactly these
    open_customer = Signal(int)
    undoable = Signal(str, object)  # description, callable returning Changes

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result: Result | None = None
        self._dirty = True
        self._generation = 0
        self._choices_loaded = False
        self._recompute = QTimer(self, singleShot=True, interval=_RECOMPUTE_DELAY_MS)
        self._recompute.timeout.connect(self.refresh)

        self.period = QComboBox()
        self.period.setObjectName("periodPicker")
        for key, text in zip(PRESETS, (self.tr("This month"), self.tr("This quarter"), self.tr("This year"),
                                        self.tr("Last 12 months"), self.tr("Custom…"))):
            self.period.addItem(text, key)
        self.period.setCurrentIndex(PRESETS.index("12m"))
        today = self._today()
        self.start = self._date_edit(today.replace(day=1))
        self.end = self._date_edit(today)
        self.as_of = self._date_edit(today)
        self.as_of.setObjectName("asOf")
        self.as_of.setToolTip(self.tr("Analyse as if today were this date: later orders and answers are ignored."))
        self.segment_kind = QComboBox()
        self.segment_kind.setObjectName("segmentKind")
        for kind, text in zip(SEGMENT_KINDS, (self.tr("All customers"), self.tr("Tag"), self.tr("City"),
                                              self.tr("RFM tier"), self.tr("Stage"), self.tr("Source channel"))):
            self.segment_kind.addItem(text, kind)
        self.segment_value = QComboBox()
        self.segment_value.setObjectName("segmentValue")
        self.segment_value.setMinimumContentsLength(8)
        self.segment_value.hide()
        refresh = QPushButton(self.tr("Refresh"))
        refresh.setToolTip(self.tr("Compute again (F5)"))
        refresh.clicked.connect(self.refresh)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.refresh)
        self.status = QLabel()
        self.status.setObjectName("analyticsStatus")
        self.status.setStyleSheet("color: palette(placeholder-text);")
        self.notice = QLabel()  # what the last action did ("Goal added."), apart from what is shown
        self.notice.setObjectName("analyticsNotice")

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period")))
        bar.addWidget(self.period)
        bar.addWidget(self.start)
        self.dash = QLabel("–")
        bar.addWidget(self.dash)
        bar.addWidget(self.end)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("As of")))
        bar.addWidget(self.as_of)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Customers")))
        bar.addWidget(self.segment_kind)
        bar.addWidget(self.segment_value)
        bar.addStretch(1)
        bar.addWidget(refresh)
        self._show_custom_dates()

        self.empty = _empty_note(self.tr(
            "No data yet. Record orders and survey answers (or open the demo) and this page shows how your business "
            "is doing: who is worth your time, who is slipping away, and whether your customers are happy."),
            "analyticsEmpty", "font-size: 12pt; padding: 40px;")
        self.empty.hide()

        self.cards: dict[str, KpiCard] = {}
        cards = QGridLayout()
        cards.setSpacing(8)
        self._card_grid, self._card_columns = cards, 0
        for spec in _kpi_specs():
            card = KpiCard(spec.title)
            card.setObjectName(f"kpi_{spec.key}")
            card.clicked.connect(self._drill)
            self.cards[spec.key] = card
        self._reflow_cards(CARD_COLUMNS)
        self.models = QLabel()
        self.models.setObjectName("modelParameters")
        self.models.setWordWrap(True)
        self.models.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.models.setStyleSheet("color: palette(placeholder-text);")

        self.charts: dict[str, ChartBox] = {}
        chart_grid = QGridLayout()
        chart_grid.setSpacing(8)
        titles = self._chart_titles()
        for i, name in enumerate(CHART_NAMES):
            box = ChartBox(titles[name][0], titles[name][1])
            box.setObjectName(f"chart_{name}")
            self.charts[name] = box
            chart_grid.addWidget(box, i // 2, i % 2)

        self.tiers = self._table((self.tr("Tier"), self.tr("Customers"), self.tr("Share of revenue"),
                                  self.tr("Suggested action")))
        self.tiers.setObjectName("tierTable")
        self.tiers.cellDoubleClicked.connect(self._drill_tier)
        export_actions.add_export_action(ctx, self.tiers, lambda: self.tr("RFM tiers"))
        tiers_box = self._box(self.tr("RFM tiers"), self.tiers, self.tr(
            "Recency, frequency and monetary scores (1-5 each, over the 12 months before the as-of date) add "
            "up to a tier: 12-15 high value, 8-11 medium, 4-7 low, 3 churned. Double-click a tier to see its "
            "customers, best first."))

        self.risk = self._table((self.tr("Customer"), self.tr("Last order"), self.tr("P(alive)"),
                                 self.tr("Predicted CLV"), self.tr("Value at risk"), self.tr("Tier")))
        self.risk.setObjectName("riskTable")
        self.risk.cellDoubleClicked.connect(lambda _row, _col: self._open_risk_customer())
        open_action = QAction(self.tr("Open customer"), self.risk)
        open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_action.triggered.connect(self._open_risk_customer)
        self.risk.addAction(open_action)
        self.export_risk_action = export_actions.add_export_action(ctx, self.risk, lambda: self.tr("Churn risk"))
        self.risk_note = QLabel()
        self.risk_note.setWordWrap(True)
        self.risk_note.setStyleSheet("color: palette(placeholder-text);")
        open_button = QPushButton(self.tr("Open customer"))
        open_button.clicked.connect(self._open_risk_customer)
        win_back = QPushButton(self.tr("Create win-back task"))
        win_back.setObjectName("winBack")
        win_back.clicked.connect(self._create_win_back)
        export_risk = QPushButton(self.tr("Export…"))
        export_risk.setObjectName("exportRisk")
        export_risk.setToolTip(self.tr("Save the churn-risk list as shown to Excel or CSV."))
        export_risk.clicked.connect(self.export_risk_action.trigger)
        risk_buttons = QHBoxLayout()
        risk_buttons.addWidget(self.risk_note, 1)
        risk_buttons.addWidget(export_risk)
        risk_buttons.addWidget(open_button)
        risk_buttons.addWidget(win_back)
        risk_box = self._box(self.tr("Churn risk"), self.risk, self.tr(
            "Customers ranked by the value you may lose: predicted CLV × (1 − P(alive)). P(alive) is the "
            "BG/NBD model's probability that the customer will still buy from you."), risk_buttons)

        self.goals = self._table((self.tr("Goal"), self.tr("Baseline → target"), self.tr("Now"),
                                  self.tr("Progress"), self.tr("Deadline"), self.tr("Status")))
        self.goals.setObjectName("goalTable")
        self.goals.cellDoubleClicked.connect(lambda _row, _col: self.edit_goal())
        export_actions.add_export_action(ctx, self.goals, lambda: self.tr("Goals"))
        add_goal = QPushButton(self.tr("Add goal…"))
        add_goal.setObjectName("addGoal")
        add_goal.clicked.connect(self.add_goal)
        self.edit_goal_button = QPushButton(self.tr("Edit…"))
        self.edit_goal_button.clicked.connect(self.edit_goal)
        self.delete_goal_button = QPushButton(self.tr("Delete"))
        self.delete_goal_button.clicked.connect(self.delete_goal)
        goal_buttons = QHBoxLayout()
        goal_buttons.addStretch(1)
        for button in (add_goal, self.edit_goal_button, self.delete_goal_button):
            goal_buttons.addWidget(button)
        self.no_goals = _empty_note(self.tr(
            "No goals yet. A goal follows one figure to a target by a date, for example repurchase rate from "
            "20% to 30% by the end of the year, and shows here whether you are on track. Click Add goal… to set one."),
            "noGoals", "padding: 20px;")
        self.goal_stack = QStackedWidget()
        self.goal_stack.addWidget(self.goals)
        self.goal_stack.addWidget(self.no_goals)
        goals_box = self._box(self.tr("Goals"), self.goal_stack, self.tr(
            "A goal tracks one metric from a baseline to a target by a deadline, measured over the last 30, "
            "90, 180 or 365 days. It is on track when it has come at least as far as the time that has gone."),
            goal_buttons)

        content = QWidget()
        self.content_layout = QVBoxLayout(content)
        self.content_layout.addLayout(cards)
        self.content_layout.addWidget(self.models)
        self.content_layout.addLayout(chart_grid)
        lower = QHBoxLayout()
        lower.addWidget(tiers_box, 2)
        lower.addWidget(goals_box, 3)
        self.content_layout.addLayout(lower)
        self.content_layout.addWidget(risk_box)
        self.content_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(content)

        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.notice)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(status_row)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.scroll_area, 1)

        self.period.currentIndexChanged.connect(self._period_changed)
        for edit in (self.start, self.end, self.as_of):
            edit.dateChanged.connect(lambda _d: self._recompute.start())  # typing a date changes it digit by digit
        self.segment_kind.currentIndexChanged.connect(self._segment_kind_changed)
        self.segment_value.currentIndexChanged.connect(lambda _i: self.refresh())
        ctx.bus.changed.connect(self._on_changes)

    # building ---------------------------------------------------------------

    def _date_edit(self, day: date) -> DateField:
        """A date of the panel, at most today (the future holds no orders to analyse)."""
        today = self._today()
        edit = DateField("period", near=today, latest=today)
        edit.setDate(day)
        return edit

    def _table(self, headers: tuple[str, ...]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(list(headers))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setAlternatingRowColors(True)
        table.setMinimumHeight(180)
        return table

    def _box(self, title: str, body: QWidget, help_text: str, footer: QHBoxLayout | None = None) -> QGroupBox:
        box = QGroupBox(title)
        box.setToolTip(help_text)
        layout = QVBoxLayout(box)
        layout.addWidget(body)
        if footer is not None:
            layout.addLayout(footer)
        return box

    def _chart_titles(self) -> dict[str, tuple[str, str]]:
        click = self.tr("Click a bar, slice or cell to see exactly those customers.")
        return {
            "revenue": (self.tr("Revenue and orders"), self.tr("Paid orders per day, week or month of the period. ")
                        + click),
            "satisfaction": (self.tr("CSAT and NPS over time"),
                             self.tr("CSAT (% scoring 4-5) and NPS per bucket, with the number of answers. ")
                             + click),
            "nps": (self.tr("NPS: detractors, passives, promoters"),
                    self.tr("NPS answers in the period: 0-6 detractors, 7-8 passives, 9-10 promoters. ") + click),
            "tiers": (self.tr("RFM tiers"), self.tr("Customers per tier as of the as-of date, with their share of "
                                                    "the period's revenue. ") + click),
            "lifecycle": (self.tr("Lifecycle"), self.tr("Prospect (no order), new (one order), repeat (two or "
                                                        "more), loyal (high value, or a promoter buying four or "
                                                        "more times a year), churned. ") + click),
            "clv": (self.tr("CLV distribution"), self.tr("Customers by predicted value over the horizon (simple "
                                                         "CLV when the models cannot be fitted). ") + click),
            "cohorts": (self.tr("Retention by month of first order"),
                        self.tr("Share of each month's new customers who bought again k months later. ") + click),
            "phrases": (self.tr("What customers say"), self.tr("Most frequent words and phrases in survey comments "
                                                               "of the period (Chinese segmented with jieba). ")
                        + click),
        }

    def _chart_text(self) -> ChartText:
        from solocrm.analytics.charts import ChartText, Ink

        units = []
        for part in self.tr("1000000:M;1000:k").split(";"):
            size, _sep, suffix = part.partition(":")
            units.append((int(size), suffix))
        return ChartText(
            revenue=self.tr("Revenue"), orders=self.tr("Orders"), csat=self.tr("CSAT (% satisfied)"),
            nps=self.tr("NPS"), responses=self.tr("Answers"), detractors=self.tr("Detractors (0-6)"),
            passives=self.tr("Passives (7-8)"), promoters=self.tr("Promoters (9-10)"), customers=self.tr("Customers"),
            revenue_share=self.tr("{share:.0%} of revenue"), count_of=self.tr("{label}: {count:,}"),
            months_after=self.tr("Months after first order"),
            first_order_month=self.tr("Month of first order"), comments=self.tr("Comments"),
            no_data=self.tr("No data for this period"), clv_predictive=self.tr("Predicted CLV (next 12 months)"),
            clv_simple=self.tr("Simple CLV"), short_units=tuple(units),
            tiers={code: labels.rfm_tier(code) for code in ("high", "medium", "low", "churned")},
            stages={code: labels.stage(code) for code in labels.STAGE_CODES},
            ink=Ink(paper=self.palette().color(QPalette.ColorRole.Base).name(),
                    text=self.palette().color(QPalette.ColorRole.Text).name()),
        )

    # the query ----------------------------------------------------------------

    def _today(self) -> date:
        return to_local(self.ctx.clock()).date()

    @staticmethod
    def _day(edit: DateField) -> date:
        day = edit.date()
        assert day is not None  # a required field holds a date or raises
        return day

    def current_query(self) -> Query:
        """The panel the pickers ask for; raises ValidationError (said under the field) for a date that is none."""
        from solocrm.analytics import frames, panel

        as_of_day = self._day(self.as_of)
        offset = frames.local_offset(self.ctx.clock())
        preset = self.period.currentData()
        if preset == "custom":
            start, end = self._day(self.start), self._day(self.end)
        else:
            start, end = panel.preset_period(preset, as_of_day)
        kind = self.segment_kind.currentData()
        value = self.segment_value.currentData()
        segment = panel.Segment(**({kind: (value,)} if kind and value is not None else {}))
        return panel.Query(panel.end_of_day(as_of_day, offset), start, end, segment)

    def _show_custom_dates(self) -> None:
        custom = self.period.currentData() == "custom"
        for widget in (self.start, self.dash, self.end):
            widget.setVisible(custom)

    def _period_changed(self) -> None:
        self._show_custom_dates()
        self.refresh()

    def _segment_kind_changed(self) -> None:
        kind = self.segment_kind.currentData()
        self.segment_value.blockSignals(True)
        self.segment_value.clear()
        if kind == "tiers":
            for code in ("high", "medium", "low", "churned"):
                self.segment_value.addItem(labels.rfm_tier(code), code)
        elif kind == "stages":
            for code in labels.STAGE_CODES:
                self.segment_value.addItem(labels.stage(code), code)
        elif kind is not None:
            from solocrm.analytics import panel

            choices = panel.segment_choices(self.ctx.db)
            for value in getattr(choices, kind):
                self.segment_value.addItem(value, value)
        self.segment_value.blockSignals(False)
        self.segment_value.setVisible(kind is not None)
        self.refresh()

    # computing ----------------------------------------------------------------

    def _reflow_cards(self, columns: int) -> None:
        """As many cards a row as fit: a laptop screen gets two rows of five, never a sideways scroll."""
        if columns == self._card_columns:
            return
        self._card_columns = columns
        for i, card in enumerate(self.cards.values()):
            self._card_grid.removeWidget(card)
            self._card_grid.addWidget(card, i // columns, i % columns)
        for column in range(CARD_COLUMNS):
            self._card_grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        room = event.size().width() - 60  # the page less its margins, the scroll bar and the grid's own
        self._reflow_cards(max(CARD_MIN_COLUMNS, min(CARD_COLUMNS, room // (CARD_WIDTH + 8))))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the system went light or dark: redraw the charts in it
            self._dirty = True
            if self.isVisible():
                self._recompute.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def _on_changes(self, changes: Changes, _source: object) -> None:
        if not (changes.orders or changes.surveys or changes.customers or changes.settings):
            return
        from solocrm.analytics import cache

        # The cache is keyed by a data version that some edits (moving an order's date) leave as it was.
        cache.clear()
        self._dirty = True
        if self.isVisible():
            self._recompute.start()

    def refresh(self) -> None:
        """Compute the panel for the pickers' current choice, off the GUI thread."""
        self._dirty = False
        try:
            query = self.current_query()
        except ValidationError:  # a typed date that is not one: said under its field, the panel stays as it was
            return
        if query.start > query.end:
            self.status.setText(self.tr("The period starts after it ends. Choose another start date."))
            return
        self._generation += 1
        generation = self._generation
        text = self._chart_text()
        db = self.ctx.db
        previous = self.result
        label = self.tr("Computing analytics…")
        for box in self.charts.values():
            box.show_waiting(label)
        self.status.setText(label)

        def work(progress: Any) -> Result | None:
            from solocrm import settings
            from solocrm.analytics import charts, goals, panel
            from solocrm.services import goals as goal_service
            from solocrm.ui.operations import Cancelled

            try:
                result = panel.compute(db, query, progress=lambda done, total: progress.report(done, total, label))
                if previous is not None and previous.panel is result and previous.text == text:
                    figures = previous.charts  # nothing changed: keep the drawn charts
                else:
                    figures = charts.build_all(result, text)
                specs = [goals.GoalSpec(row.id, row.data.metric, row.data.baseline, row.data.target,
                                        row.data.deadline, row.data.window_days, row.data.threshold_minor,
                                        row.created, row.data.note)
                         for row in goal_service.list_goals(db)]
                progress_rows = goals.progress(db, specs, query.as_of)
                return Result(result, figures, progress_rows, settings.get(db, "currency"), text)
            except Cancelled:
                return None

        self.ctx.runner.run(work, on_success=lambda result: self._computed(generation, result), parent=self,
                            label=label, cancellable=True)

    def _computed(self, generation: int, result: Result | None) -> None:
        if not isValid(self) or generation != self._generation:
            return  # the user changed the question meanwhile; a newer answer is coming
        if result is None:
            self.status.setText(self.tr("Stopped. Press Refresh (F5) to compute again."))
            self._dirty = True
            return
        charts_changed = self.result is None or result.charts is not self.result.charts
        self.result = result
        self._show(result, charts_changed)

    # showing --------------------------------------------------------------------

    def _show(self, result: Result, charts_changed: bool = True) -> None:
        p = result.panel
        has_data = p.current.customers_total > 0 or p.before.customers_total > 0
        self.empty.setVisible(not has_data)
        self.scroll_area.setVisible(has_data)
        self.status.setText(
            self.tr("As of %1 · period %2 to %3 · compared with %4 to %5")
            .replace("%1", p.as_of_day.isoformat()).replace("%2", p.period[0].isoformat())
            .replace("%3", p.period[1].isoformat()).replace("%4", p.previous[0].isoformat())
            .replace("%5", p.previous[1].isoformat()))
        self._show_cards(result)
        self._show_models(p)
        if charts_changed:
            self._show_charts(result)
        self._show_tiers(p)
        self._show_risk(p, result.currency)
        self._show_goals(result)

    def _format(self, kind: str, value: float, currency: str) -> str:
        if kind == "count":
            return f"{int(value):,}"
        if kind in ("money", "clv"):
            minor = int(round(value * (100 if kind == "clv" else 1)))
            text = format_amount(minor, currency)
            return text[:-3] if abs(minor) >= 1_000_000 else text  # fen do not matter from ¥10,000 up
        if kind == "rate":
            return f"{value * 100:.1f}%"
        if kind == "pct":
            return f"{value:.1f}%"
        return f"{value:+.0f}"  # NPS

    def _change(self, spec: KpiSpec, now: float | None, before: float | None) -> tuple[str, bool | None]:
        """"▲ 12.3%" against the previous period (percentage points for rates), coloured by good or bad."""
        if now is None:
            return "", None
        if before is None:
            return self.tr("no earlier data"), None
        if spec.kind in ("rate", "pct", "nps"):
            delta = (now - before) * (100 if spec.kind == "rate" else 1)
            text = f"{abs(delta):.1f}" + (self.tr(" pp") if spec.kind in ("rate", "pct") else "")
        elif before == 0:
            return (self.tr("up from 0") if now else self.tr("unchanged")), None
        else:
            delta = (now - before) / abs(before) * 100
            text = f"{abs(delta):.1f}%"
        if abs(delta) < 0.05:
            return self.tr("unchanged"), None
        return ("▲ " if delta > 0 else "▼ ") + text, (delta > 0) == spec.higher_is_better

    def _definitions(self, p: Panel) -> dict[str, str]:
        a = p.assumptions
        churn = str(a.churn_days)
        return {
            "customers_total": self.tr("Customers in your file at the end of the period (archived ones too: their "
                                       "orders are part of your history). Click to see them."),
            "customers_active": self.tr("Customers whose last paid order is at most %1 days before the end of the "
                                        "period (churn days, in Settings).").replace("%1", churn),
            "customers_new": self.tr("Customers whose first paid order falls in the period."),
            "customers_churned": self.tr("Customers active at the start of the period whose last paid order is more "
                                         "than %1 days old at its end.").replace("%1", churn),
            "revenue_minor": self.tr("Sum of paid orders in the period. Refunded orders are not counted, nor orders "
                                     "in another currency than yours (Settings)."),
            "aov_minor": self.tr("Revenue divided by the number of paid orders in the period."),
            "csat": self.tr("Share of CSAT answers (1-5) in the period scoring 4 or 5, in %. The mean score is "
                            "shown below."),
            "nps": self.tr("% promoters (9-10) minus % detractors (0-6) among NPS answers in the period, from -100 "
                           "to 100; 7-8 are passives. 50 or more is excellent."),
            "repurchase_rate": self.tr("Customers with 2 or more paid orders in the period divided by customers "
                                       "with at least 1."),
            "churn_rate": self.tr("Customers active at the start of the period who churned by its end, divided by "
                                  "the customers active at the start."),
            "retention_rate": self.tr("Customers active at the start of the period who are still active at its "
                                      "end, divided by the customers active at the start."),
            "referral_rate": self.tr("Customers who referred at least one customer who became new in the period, "
                                     "divided by all customers."),
            "clv": self.tr("Average order value × orders per year (both over the 12 months before the end of the "
                           "period) × expected lifetime × gross margin (%1%). Lifetime is 1 ÷ the annual churn "
                           "rate, at most %2 years. Averaged over customers who bought in those 12 months.")
            .replace("%1", f"{a.gross_margin * 100:g}").replace("%2", f"{a.lifetime_cap_years:g}"),
            "predicted_clv": self.tr("BG/NBD (Fader, Hardie & Lee 2005) predicts each customer's purchases and the "
                                     "chance they are still a customer; Gamma-Gamma their spend per purchase. "
                                     "Discounted at %1% a year over the next %2 days, averaged over customers who "
                                     "have bought. Fitted by maximum likelihood on all your customers.")
            .replace("%1", f"{a.annual_discount * 100:g}").replace("%2", str(a.horizon_days)),
        }

    def _show_cards(self, result: Result) -> None:
        p = result.panel
        definitions = self._definitions(p)
        no_data = self.tr("No data")
        compared = self.tr("Change against %1 to %2, the period of the same length before.").replace(
            "%1", p.previous[0].isoformat()).replace("%2", p.previous[1].isoformat())
        for spec in _kpi_specs():
            card = self.cards[spec.key]
            card.help.setToolTip(definitions[spec.key])
            if spec.key == "predicted_clv":
                value = p.predictive.mean
                reason = self._unfit_text(p.predictive.unfit) if p.predictive.unfit else ""
                card.show_figure(None if value is None else self._format("clv", value, result.currency), no_data,
                                 self.tr("next %1 days").replace("%1", str(p.predictive.horizon_days)) if value
                                 is not None else "", None, reason)
                continue
            now, before = _raw(p.current, spec.key), _raw(p.before, spec.key)
            change, good = self._change(spec, now, before)
            detail = ""
            if spec.key == "csat" and p.current.csat.mean is not None:
                detail = self.tr("mean %1 · %Ln answer(s)", "", p.current.csat.responses).replace(
                    "%1", f"{p.current.csat.mean:.2f}")
            elif spec.key == "nps" and now is not None:
                detail = self.tr("%Ln answer(s)", "", p.current.nps.responses)
            reason = self._no_data_reason(spec.key, p)
            card.show_figure(None if now is None else self._format(spec.kind, now, result.currency), no_data,
                             change, good, reason, detail)
            card.change.setToolTip(compared)
            card.set_drill(spec.drill if spec.drill and p.groups.get(spec.drill) is not None
                           and len(p.groups[spec.drill]) else None, self.tr("Click to see these customers"))

    def _no_data_reason(self, key: str, p: Panel) -> str:
        if key in ("csat", "nps"):
            return self.tr("No survey answers in this period.")
        if key in ("churn_rate", "retention_rate"):
            return self.tr("Nobody was an active customer at the start of the period.")
        if key in ("aov_minor", "repurchase_rate"):
            return self.tr("No paid orders in this period.")
        if key == "clv":
            return self.tr("No customer was active a year before, so there is no annual churn rate to estimate a "
                           "lifetime from.") if p.current.clv.annual_churn_rate is None else \
                self.tr("Nobody bought in the last 12 months.")
        return self.tr("No customers in this period.")

    def _unfit_text(self, unfit: Any) -> str:
        return {
            "too_few_customers": self.tr("Too few customers have bought for the models to learn from (at least 20 "
                                         "are needed)."),
            "no_repeat_purchases": self.tr("Too few customers have bought on more than one day for the models to "
                                           "learn how often people come back."),
            "no_convergence": self.tr("The model fit did not converge on this data, so it shows no predictions."),
            "degenerate": self.tr("The data do not pin the models down (the fit drifts to an extreme), so they "
                                  "show no predictions. More history usually fixes this."),
            "infinite_mean_spend": self.tr("A few very large orders dominate spending, so the spend model finds no "
                                           "finite average and shows no predictions."),
        }.get(unfit.code, unfit.message)

    def _show_models(self, p: Panel) -> None:
        bg, gg = p.predictive.bgnbd.params, p.predictive.gamma_gamma.params
        if bg is not None and gg is not None:
            self.models.setText(
                self.tr("Models fitted on %1 customers: BG/NBD r = %2, α = %3 days, a = %4, b = %5 · "
                        "Gamma-Gamma p = %6, q = %7, v = %8")
                .replace("%1", f"{p.predictive.bgnbd.customers:,}").replace("%2", f"{bg.r:.4g}")
                .replace("%3", f"{bg.alpha:.4g}").replace("%4", f"{bg.a:.4g}").replace("%5", f"{bg.b:.4g}")
                .replace("%6", f"{gg.p:.4g}").replace("%7", f"{gg.q:.4g}").replace("%8", f"{gg.v:.4g}"))
        else:
            self.models.setText(self.tr("No predictions: %1").replace("%1", self._unfit_text(p.predictive.unfit)))

    def _show_charts(self, result: Result) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        for name, chart in result.charts.items():
            canvas = FigureCanvasQTAgg(chart.figure)
            canvas.setObjectName(f"canvas_{name}")
            canvas.mpl_connect("pick_event", lambda event, c=chart: self._picked(c, event))
            self.charts[name].set_canvas(canvas)

    def _picked(self, chart: Chart, event: Any) -> None:
        key = chart.key_for(event.artist, event.mouseevent)
        if key is not None:
            self._drill(key)

    def _drill_tier(self, row: int, _column: int) -> None:
        self._drill(f"tier:{self.tiers.item(row, 0).data(Qt.ItemDataRole.UserRole)}")

    def _drill(self, key: str) -> None:
        if self.result is None:
            return
        ids = self.result.panel.customers(key)
        if ids:
            self.show_customers.emit(ids)

    def _show_tiers(self, p: Panel) -> None:
        actions = {"high": self.tr("VIP care and premium offers"), "medium": self.tr("Personalised cross-sell"),
                   "low": self.tr("Promotions to build the habit"),
                   "churned": self.tr("Ask why they left and make a win-back offer")}
        self.tiers.setRowCount(len(p.tiers))
        for row, tier in enumerate(p.tiers):
            name = QTableWidgetItem(labels.rfm_tier(tier.tier))
            name.setData(Qt.ItemDataRole.UserRole, tier.tier)
            share = "—" if tier.revenue_share is None else f"{tier.revenue_share:.0%}"
            cells = (name, QTableWidgetItem(f"{tier.customers:,}"), QTableWidgetItem(share),
                     QTableWidgetItem(actions[tier.tier]))
            cells[1].setData(export_actions.EXPORT_ROLE, int(tier.customers))
            if tier.revenue_share is not None:
                cells[2].setData(export_actions.EXPORT_ROLE, float(tier.revenue_share))
            for col, item in enumerate(cells):
                self.tiers.setItem(row, col, item)

    def _show_risk(self, p: Panel, currency: str) -> None:
        self.risk.setRowCount(len(p.risk))
        for row, r in enumerate(p.risk):
            name = QTableWidgetItem(r.name)
            name.setData(Qt.ItemDataRole.UserRole, r.customer_id)
            cells = (name, QTableWidgetItem(r.last_order.isoformat()), QTableWidgetItem(f"{r.p_alive:.0%}"),
                     QTableWidgetItem(format_amount(int(round(r.clv * 100)), currency)),
                     QTableWidgetItem(format_amount(int(round(r.expected_loss * 100)), currency)),
                     QTableWidgetItem(labels.rfm_tier(r.tier)))
            for col, value in ((1, r.last_order), (2, float(r.p_alive)), (3, round(float(r.clv), 2)),
                               (4, round(float(r.expected_loss), 2))):
                cells[col].setData(export_actions.EXPORT_ROLE, value)
            for col, item in enumerate(cells):
                if 2 <= col <= 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.risk.setItem(row, col, item)
        if p.risk:
            self.risk_note.setText(self.tr("Highest value at risk first. Select a customer, then open them or "
                                           "plan a win-back."))
        elif p.predictive.unfit is not None:
            self.risk_note.setText(self._unfit_text(p.predictive.unfit))
        else:
            self.risk_note.setText(self.tr("No customer at risk in this segment."))

    def _goal_metrics(self) -> dict[str, tuple[str, str, bool]]:
        from solocrm.analytics.goals import METRICS

        names = {
            "repurchase_rate": self.tr("Repurchase rate"), "churn_rate": self.tr("Churn rate"),
            "retention_rate": self.tr("Retention rate"), "referral_rate": self.tr("Referral rate"),
            "csat": self.tr("CSAT"), "nps": self.tr("NPS"), "revenue": self.tr("Revenue"),
            "average_order_value": self.tr("Average order value"), "active_customers": self.tr("Active customers"),
            "new_customers": self.tr("New customers"), "average_clv": self.tr("Average CLV (simple)"),
            "clv_share": self.tr("Share of customers with CLV at least"),
        }
        return {key: (names[key], m.unit, m.needs_threshold) for key, m in METRICS.items()}

    def _goal_value(self, unit: str, value: float | None, currency: str) -> str:
        if value is None:
            return self.tr("No data")
        if unit == "pct":
            return f"{value:.1f}%"
        if unit == "money":
            return format_amount(int(round(value * 100)), currency)
        if unit == "count":
            return f"{value:,.0f}"
        return f"{value:+.0f}"

    def _show_goals(self, result: Result) -> None:
        metrics = self._goal_metrics()
        statuses = {"achieved": self.tr("Achieved"), "on_track": self.tr("On track"), "behind": self.tr("Behind"),
                    "missed": self.tr("Missed"), "no_data": self.tr("No data yet")}
        self.goals.setRowCount(len(result.goals))
        self.goal_stack.setCurrentWidget(self.goals if result.goals else self.no_goals)
        self.edit_goal_button.setEnabled(bool(result.goals))
        self.delete_goal_button.setEnabled(bool(result.goals))
        for row, g in enumerate(result.goals):
            label, unit, _needs = metrics[g.goal.metric]
            if g.goal.threshold_minor:
                label += " " + format_amount(g.goal.threshold_minor, result.currency)
            name = QTableWidgetItem(label)
            name.setData(Qt.ItemDataRole.UserRole, g.goal.id)
            if g.goal.note:
                name.setToolTip(g.goal.note)
            span = (self._goal_value(unit, g.goal.baseline, result.currency) + " → "
                    + self._goal_value(unit, g.goal.target, result.currency))
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setValue(0 if g.progress is None else int(max(0.0, min(1.0, g.progress)) * 100))
            bar.setFormat("—" if g.progress is None else f"{g.progress:.0%}")
            bar.setToolTip(self.tr("Time gone: %1").replace("%1", f"{g.expected:.0%}"))
            for col, item in enumerate((name, QTableWidgetItem(span),
                                        QTableWidgetItem(self._goal_value(unit, g.current, result.currency)))):
                self.goals.setItem(row, col, item)
            self.goals.setCellWidget(row, 3, bar)
            self.goals.setItem(row, 4, QTableWidgetItem(date_text(g.goal.deadline)))
            self.goals.setItem(row, 5, QTableWidgetItem(statuses[g.status]))

    # actions ----------------------------------------------------------------------

    def _selected_risk_customer(self) -> int | None:
        row = self.risk.currentRow()
        item = self.risk.item(row, 0) if row >= 0 else None
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _open_risk_customer(self) -> None:
        cid = self._selected_risk_customer()
        if cid is not None:
            self.open_customer.emit(cid)

    def _create_win_back(self) -> None:
        from solocrm.services import tasks
        from solocrm.services.tasks import TaskInput

        row = self.risk.currentRow()
        cid = self._selected_risk_customer()
        if cid is None:
            self.notice.setText(self.tr("Select a customer in the churn-risk list first."))
            return
        name = self.risk.item(row, 0).text()
        data = TaskInput(
            title=self.tr("Win back %1: ask why they stopped buying and make a comeback offer").replace("%1", name),
            due_at=self.ctx.clock() + timedelta(days=WIN_BACK_DAYS), customer_id=cid,
            notes=self.tr("Churn risk: P(alive) %1, value at risk %2.").replace("%1", self.risk.item(row, 2).text())
            .replace("%2", self.risk.item(row, 4).text()))

        def done(result: tuple[int, Changes]) -> None:
            task_id, changes = result
            self.ctx.bus.publish(changes, self)
            self.undoable.emit(self.tr("Undo win-back task"), lambda: tasks.delete_task(self.ctx.db, task_id)[1])
            self.notice.setText(self.tr("Win-back task for %1 added to Today (due tomorrow).").replace("%1", name))

        self.ctx.runner.run(lambda _p: tasks.create(self.ctx.db, data), write=True, parent=self, on_success=done)

    def _selected_goal(self) -> int | None:
        row = self.goals.currentRow()
        item = self.goals.item(row, 0) if row >= 0 else None
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _goal_saved(self, message: str) -> Callable[[Any], None]:
        def done(_result: Any) -> None:
            self.notice.setText(message)
            self.refresh()
        return done

    def add_goal(self) -> None:
        from solocrm.services import goals

        dialog = GoalDialog(self.ctx, self._goal_metrics(), self._today(), parent=self)
        if not run_dialog(dialog) or dialog.result_input is None:
            return
        data, now = dialog.result_input, self.ctx.clock()
        self.ctx.runner.run(lambda _p: goals.create(self.ctx.db, data, now=now), write=True, parent=self,
                            on_success=self._goal_saved(self.tr("Goal added.")))

    def edit_goal(self) -> None:
        from solocrm.services import goals

        goal_id = self._selected_goal()
        if goal_id is None:
            return
        dialog = GoalDialog(self.ctx, self._goal_metrics(), self._today(), goals.load(self.ctx.db, goal_id),
                            parent=self)
        if not run_dialog(dialog) or dialog.result_input is None:
            return
        data = dialog.result_input
        self.ctx.runner.run(lambda _p: goals.update_goal(self.ctx.db, goal_id, data), write=True, parent=self,
                            on_success=self._goal_saved(self.tr("Goal saved.")))

    def delete_goal(self) -> None:
        from solocrm.services import goals

        goal_id = self._selected_goal()
        if goal_id is None:
            return

        def done(result: tuple[dict, Changes]) -> None:
            row, _changes = result
            self.undoable.emit(self.tr("Undo delete goal"), lambda: goals.restore_goal(self.ctx.db, row))
            self._goal_saved(self.tr("Goal deleted. Press Ctrl+Z to undo."))(None)

        self.ctx.runner.run(lambda _p: goals.delete_goal(self.ctx.db, goal_id), write=True, parent=self,
                            on_success=done)
