"""Small pieces of the Analytics page: a KPI card with its "?", a chart box, the goal editor.

Nothing here imports matplotlib or the analytics modules at import time: the
main window loads this with the page, and the heavy libraries only load when
the page first computes.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from solocrm.errors import ValidationError
from solocrm.services import money
from solocrm.services.goals import WINDOWS, GoalInput
from solocrm.ui.context import AppContext
from solocrm.ui.date_field import DateField
from solocrm.ui.messages import user_text

GOOD, BAD, MUTED = "#2f7d4f", "#c0392b", "palette(placeholder-text)"


class HelpButton(QToolButton):
    """A "?" that explains a figure: on hover as a tooltip, on click (or Space) as a popup."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText("?")
        self.setAutoRaise(True)
        self.setCursor(Qt.CursorShape.WhatsThisCursor)
        self.setToolTip(text)
        self.clicked.connect(self._explain)

    def _explain(self) -> None:
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), self.toolTip(), self)


CARD_WIDTH = 170  # pixels: the narrowest a card gets before the page puts fewer on a row
VALUE_POINTS, SMALLEST_VALUE_POINTS = 16, 10


class KpiCard(QFrame):
    """One headline figure: title with "?", value (or "No data"), and the change against the previous period."""

    clicked = Signal(str)  # the drill-down key, when the card has one

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiCard")
        self.setStyleSheet("#kpiCard { border: 1px solid palette(mid); border-radius: 8px; }")
        self.drill_key: str | None = None
        self.title = QLabel(title)
        self.title.setWordWrap(True)  # "Average CLV (predicted)" and its Chinese peer on two lines, not cut
        self.title.setStyleSheet(f"color: {MUTED}; font-size: 9pt;")
        self.help = HelpButton()
        self.value = QLabel()
        self.value.setObjectName("kpiValue")
        self.value.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.detail = QLabel()
        self.detail.setObjectName("kpiDetail")
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet(f"color: {MUTED}; font-size: 9pt;")
        self.detail.hide()
        self.change = QLabel()
        self.change.setObjectName("kpiChange")
        self.change.setStyleSheet("font-size: 9pt;")
        self.change.setWordWrap(True)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.title, 1)
        head.addWidget(self.help)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 8)
        layout.setSpacing(2)
        layout.addLayout(head)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addWidget(self.change)
        self.setMinimumWidth(CARD_WIDTH)
        self._points = VALUE_POINTS
        self._has_value = False

    def show_figure(self, value: str | None, no_data: str, change: str = "", good: bool | None = None,
                    reason: str = "", detail: str = "") -> None:
        """``value`` None shows ``no_data`` in grey (never a misleading 0) with the reason as a tooltip."""
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self._has_value = value is not None
        if value is None:
            self.value.setText(no_data)
            self.value.setStyleSheet(f"font-size: 12pt; font-weight: 600; color: {MUTED};")
            self.value.setToolTip(reason)
        else:
            self.value.setText(value)
            self.value.setToolTip("")
            self._points = 0  # size chosen again for the new text
            self._fit_value()
        colour = MUTED if good is None else (GOOD if good else BAD)
        self.change.setStyleSheet(f"font-size: 9pt; color: {colour};")
        self.change.setText(change)

    def _fit_value(self) -> None:
        """The largest size, 16 pt down to 10 pt, at which the whole figure fits: ¥118,351,789.00 stays exact."""
        if not self._has_value:  # "No data" keeps its own style
            return
        room = self.contentsRect().width() - 18
        font = QFont(self.value.font())
        points = VALUE_POINTS
        font.setPointSize(points)
        font.setWeight(QFont.Weight.DemiBold)
        while points > SMALLEST_VALUE_POINTS and QFontMetrics(font).horizontalAdvance(self.value.text()) > room:
            points -= 1
            font.setPointSize(points)
        if points != self._points:
            self._points = points
            self.value.setStyleSheet(f"font-size: {points}pt; font-weight: 600;")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_value()

    def set_drill(self, key: str | None, hint: str) -> None:
        self.drill_key = key
        self.setCursor(Qt.CursorShape.PointingHandCursor if key else Qt.CursorShape.ArrowCursor)
        self.setToolTip(hint if key else "")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self.drill_key and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.drill_key)
        super().mouseReleaseEvent(event)


class ChartBox(QGroupBox):
    """A titled frame holding one chart canvas (replaced each time the panel is recomputed)."""

    def __init__(self, title: str, help_text: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setObjectName("chartBox")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 6, 6, 6)
        self.setToolTip(help_text)
        self.canvas: QWidget | None = None
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setMinimumHeight(240)
        self._layout.addWidget(self.placeholder)

    def set_canvas(self, canvas: QWidget) -> None:
        if self.canvas is not None:
            self._layout.removeWidget(self.canvas)
            self.canvas.deleteLater()
        self.placeholder.hide()
        canvas.setMinimumHeight(260)
        self.canvas = canvas
        self._layout.addWidget(canvas)

    def show_waiting(self, text: str) -> None:
        if self.canvas is None:
            self.placeholder.setText(text)
            self.placeholder.show()


class GoalDialog(QDialog):
    """Add or edit a goal: metric, baseline, target, deadline, measured over N days."""

    def __init__(self, ctx: AppContext, metrics: dict[str, tuple[str, str, bool]], today: date,
                 data: GoalInput | None = None, parent: QWidget | None = None) -> None:
        """``metrics``: key -> (translated label, unit, needs a CLV threshold)."""
        super().__init__(parent)
        self.ctx = ctx
        self.metrics = metrics
        self.today = today
        self.is_new = data is None
        self.setWindowTitle(self.tr("New goal") if data is None else self.tr("Edit goal"))
        data = data or GoalInput(deadline=today + timedelta(days=90))

        self.metric_box = QComboBox()
        for key, (label, _unit, _needs) in metrics.items():
            self.metric_box.addItem(label, key)
        self.metric_box.setCurrentIndex(max(self.metric_box.findData(data.metric), 0))
        self.threshold = QLineEdit(money.format_plain(data.threshold_minor) if data.threshold_minor else "")
        self.threshold.setPlaceholderText(self.tr("e.g. 10,000"))
        self.baseline = QDoubleSpinBox()
        self.target = QDoubleSpinBox()
        for spin, value in ((self.baseline, data.baseline), (self.target, data.target)):
            spin.setDecimals(1)
            spin.setRange(-100, 1e12)
            spin.setValue(value)
        self.window_days = QComboBox()
        for days in WINDOWS:
            self.window_days.addItem(self.tr("Last %n day(s)", "", days), days)
        self.window_days.setCurrentIndex(max(self.window_days.findData(data.window_days), 0))
        self.deadline = DateField("deadline", near=today)
        self.deadline.setDate(data.deadline or today)
        self.note = QLineEdit(data.note or "")
        self.error = QLabel()
        self.error.setObjectName("goalError")
        self.error.setStyleSheet(f"color: {BAD};")
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("Metric"), self.metric_box)
        self.threshold_label = QLabel(self.tr("CLV at least"))
        form.addRow(self.threshold_label, self.threshold)
        form.addRow(self.tr("Baseline (now)"), self.baseline)
        form.addRow(self.tr("Target"), self.target)
        form.addRow(self.tr("Deadline"), self.deadline)
        form.addRow(self.tr("Measured over"), self.window_days)
        form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.metric_box.currentIndexChanged.connect(self._metric_changed)
        self._metric_changed()
        self.result_input: GoalInput | None = None

    def _metric_changed(self) -> None:
        _label, unit, needs = self.metrics[self.metric_box.currentData()]
        self.threshold.setVisible(needs)
        self.threshold_label.setVisible(needs)
        suffix = {"pct": " %", "points": "", "money": "", "count": ""}[unit]
        for spin in (self.baseline, self.target):
            spin.setSuffix(suffix)
            spin.setDecimals(0 if unit == "count" else 1)

    def value(self) -> GoalInput:
        threshold = None
        if self.threshold.isVisible() and self.threshold.text().strip():
            threshold = money.parse_amount(self.threshold.text(), field="threshold")
        return GoalInput(self.metric_box.currentData(), self.baseline.value(), self.target.value(),
                         self.deadline.date(), self.window_days.currentData(), threshold, self.note.text())

    def _save(self) -> None:
        from solocrm.services import goals

        try:
            self.deadline.date()
        except ValidationError:  # a deadline that is not a date: said under the field, nothing saved
            self.deadline.setFocus()
            return
        try:
            data = self.value()
        except ValidationError as exc:
            self._show_error(exc)
            return
        _clean, errors = goals.check(data, self.today if self.is_new else None)
        if errors:
            self._show_error(errors[0])
            return
        self.result_input = data
        self.accept()

    def _show_error(self, error: ValidationError) -> None:
        self.error.setText(user_text(error))
        self.error.show()
        widget = {"baseline": self.baseline, "target": self.target, "deadline": self.deadline,
                  "threshold": self.threshold, "metric": self.metric_box}.get(error.field or "")
        if widget is not None:
            widget.setFocus()
