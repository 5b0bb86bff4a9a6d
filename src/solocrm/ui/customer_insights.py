"""The analytics box on a customer page: RFM, stage, CLV (simple and predicted), P(alive), satisfaction.

It computes off the GUI thread (the first customer after a data change may
need the business's models fitted) and shows "Computing…" meanwhile; the
analytics modules are imported only then, so opening the app stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget
from shiboken6 import isValid

from solocrm.errors import NotFound
from solocrm.services.changes import Changes
from solocrm.services.money import format_amount
from solocrm.ui import labels
from solocrm.ui.analytics_widgets import HelpButton
from solocrm.ui.context import AppContext

if TYPE_CHECKING:
    from solocrm.analytics.insights import CustomerInsights


class CustomerInsightsPanel(QFrame):
    def __init__(self, ctx: AppContext, customer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self.insights: CustomerInsights | None = None
        self._generation = 0
        self.setObjectName("customerInsights")
        self.setStyleSheet("#customerInsights { border: 1px solid palette(mid); border-radius: 8px; }")

        title = QLabel(self.tr("Analytics"))
        title.setStyleSheet("font-weight: 600;")
        help_button = HelpButton(self.tr(
            "RFM: recency, frequency and monetary scores (1-5) over the 12 months before today, adding up to a "
            "tier. Simple CLV: yearly spend × expected lifetime (1 ÷ annual churn rate, capped) × margin. "
            "Predicted CLV and P(alive) come from the BG/NBD and Gamma-Gamma models fitted on all your "
            "customers: expected purchases and spend over the next 12 months, discounted."))
        head = QHBoxLayout()
        head.addWidget(title)
        head.addWidget(help_button)
        head.addStretch(1)
        self.state = QLabel(self.tr("Computing…"))
        self.state.setObjectName("insightsState")
        self.state.setStyleSheet("color: palette(placeholder-text);")
        head.addWidget(self.state)

        self.values: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        for i, (key, caption) in enumerate((
            ("rfm", self.tr("RFM")), ("tier", self.tr("Tier")), ("stage", self.tr("Stage")),
            ("simple_clv", self.tr("CLV (simple)")), ("predicted_clv", self.tr("CLV (predicted)")),
            ("p_alive", self.tr("P(alive)")), ("surveys", self.tr("Satisfaction")),
        )):
            name = QLabel(caption)
            name.setStyleSheet("color: palette(placeholder-text); font-size: 9pt;")
            value = QLabel("—")
            value.setObjectName(f"insight_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            grid.addWidget(name, 0, i)
            grid.addWidget(value, 1, i)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 8)
        layout.addLayout(head)
        layout.addLayout(grid)

        ctx.bus.changed.connect(self._on_changes)
        self.reload()

    def _on_changes(self, changes: Changes, _source: object) -> None:
        # Another customer's order moves the business's models too, but not enough to recompute on every change.
        if self.customer_id in changes.customer_ids or changes.settings:
            self.reload()

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        db, customer_id, now = self.ctx.db, self.customer_id, self.ctx.clock()
        self.state.setText(self.tr("Computing…"))

        def work(_progress: Any) -> CustomerInsights | None:
            from solocrm.analytics.insights import customer_insights

            try:
                return customer_insights(db, customer_id, now)
            except NotFound:
                return None

        self.ctx.runner.run(work, on_success=lambda result: self._show(generation, result), parent=self,
                            background=True)

    def _show(self, generation: int, insights: CustomerInsights | None) -> None:
        # The page may have been closed (and this widget deleted) while the work ran.
        if not isValid(self) or generation != self._generation or insights is None:
            return
        from solocrm import settings

        self.insights = insights
        currency = settings.get(self.ctx.db, "currency")
        v = self.values
        self.state.setText(self.tr("as of %1").replace("%1", insights.as_of_day.isoformat()))
        if insights.has_ordered:
            v["rfm"].setText(f"R{insights.r} F{insights.f} M{insights.m}")
            v["tier"].setText(labels.rfm_tier(insights.tier or ""))
        else:
            v["rfm"].setText("—")
            v["tier"].setText(self.tr("No orders yet"))
        v["stage"].setText(labels.stage(insights.stage))
        if insights.simple_clv is None:
            v["simple_clv"].setText(self.tr("No data"))
            v["simple_clv"].setToolTip(self.tr("No orders yet.") if not insights.has_ordered else self.tr(
                "Nobody was an active customer a year ago, so there is no annual churn rate yet."))
        else:
            v["simple_clv"].setText(format_amount(int(round(insights.simple_clv * 100)), currency))
            v["simple_clv"].setToolTip("")
        if insights.predictive_clv is None or insights.p_alive is None:
            v["predicted_clv"].setText(self.tr("No data"))
            v["p_alive"].setText(self.tr("No data"))
            reason = self.tr("No orders yet.") if not insights.has_ordered else self.tr(
                "The models could not be fitted on your data yet (too few customers, or too few who came back).")
            v["predicted_clv"].setToolTip(reason)
            v["p_alive"].setToolTip(reason)
        else:
            v["predicted_clv"].setText(format_amount(int(round(insights.predictive_clv * 100)), currency))
            v["predicted_clv"].setToolTip(self.tr("About %1 purchase day(s) expected in the next %2 days.")
                                          .replace("%1", f"{insights.expected_purchases or 0:.1f}")
                                          .replace("%2", str(insights.horizon_days)))
            v["p_alive"].setText(f"{insights.p_alive:.0%}")
            v["p_alive"].setToolTip("")
        v["surveys"].setText(self._survey_text(insights))
        v["surveys"].setToolTip("\n".join(
            f"{point.day.isoformat()}  {point.kind.upper()} {point.score}  {point.comment or ''}".rstrip()
            for point in insights.surveys))

    def _survey_text(self, insights: CustomerInsights) -> str:
        if not insights.surveys:
            return self.tr("No answers yet")
        parts = []
        for point in insights.surveys[-6:]:
            score = (self.tr("NPS %1") if point.kind == "nps" else self.tr("CSAT %1")).replace("%1", str(point.score))
            parts.append(f"{point.day.strftime('%m-%d')} {score}")
        return " · ".join(parts)
