"""The panel's charts as matplotlib Figures, built without pyplot.

No pyplot means no global figure manager and no GUI backend: the Qt page
wraps these figures in a FigureCanvasQTAgg, reports save the same figures to
PDF, and building them works on any thread.  Each chart comes with its drill
targets: which customers a click on a bar, slice, tier or cell stands for
(a key of ``Panel.groups``).

Texts are passed in (``ChartText``) so the GUI can hand over its translations
and its palette (``Ink``: a dark window gets dark charts); the English words
on white paper serve reports, the CLI and tests.  Chinese renders through the
first CJK font the system has, with DejaVu Sans as the fallback per glyph.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import matplotlib
import numpy as np
from matplotlib import rc_context, rcParams
from matplotlib.artist import Artist
from matplotlib.backend_bases import MouseEvent
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.ticker import FuncFormatter, Locator, MaxNLocator

from solocrm.analytics.panel import CLV_BANDS, Panel

# A calm palette that reads in print too; the tier and NPS colours carry meaning.
BLUE, GREEN, ORANGE, RED, GREY, PURPLE = "#2d6cdf", "#2f9e6e", "#e39b2d", "#d1495b", "#9aa5b1", "#7b4fbf"
TIER_COLOURS = {"high": GREEN, "medium": BLUE, "low": ORANGE, "churned": RED}
STAGE_COLOURS = {"prospect": GREY, "new": BLUE, "repeat": PURPLE, "loyal": GREEN, "churned": RED}
_CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC",
              "Heiti SC", "SimHei", "Noto Sans CJK JP")

Target = str | Callable[[MouseEvent], str | None]
# Direction controls (LRE, RLE, PDF, LRO, RLO, the isolates, LRM, RLM): an RLO in a name would print
# the digits after it backwards; a drawn text has no use for them.
_BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F])
_BREAKS = re.compile(r"\s*[\x00-\x1f\x7f\x85\u2028\u2029]+\s*")


@dataclass(frozen=True)
class Ink:
    """The colours of a chart's background and of its words, ticks and axes."""

    paper: str = "white"
    text: str = "black"


@dataclass(frozen=True)
class ChartText:
    """Every word the charts show and the ink they are drawn in; the GUI passes its translations and palette."""

    revenue: str = "Revenue"
    orders: str = "Orders"
    csat: str = "CSAT (% satisfied)"
    nps: str = "NPS"
    responses: str = "Responses"
    detractors: str = "Detractors (0-6)"
    passives: str = "Passives (7-8)"
    promoters: str = "Promoters (9-10)"
    customers: str = "Customers"
    revenue_share: str = "{share:.0%} of revenue"
    count_of: str = "{label}: {count:,}"  # a legend entry with its count
    months_after: str = "Months after first order"
    first_order_month: str = "Month of first order"
    comments: str = "Comments"
    no_data: str = "No data for this period"
    clv_predictive: str = "Predicted CLV (next 12 months)"
    clv_simple: str = "Simple CLV"
    # Axis units for money and counts, largest first: 12k / 1.2M in English, 1.2万 / 1.2亿 in Chinese.
    short_units: tuple[tuple[int, str], ...] = ((1_000_000, "M"), (1_000, "k"))
    tiers: dict[str, str] = field(default_factory=lambda: {
        "high": "High value", "medium": "Medium value", "low": "Low value", "churned": "Churned"})
    stages: dict[str, str] = field(default_factory=lambda: {
        "prospect": "Prospect", "new": "New", "repeat": "Repeat", "loyal": "Loyal", "churned": "Churned"})
    ink: Ink = Ink()


@dataclass
class Chart:
    """A figure and what its clickable artists stand for."""

    figure: Figure
    targets: dict[Artist, Target] = field(default_factory=dict)

    def key_for(self, artist: Artist, event: MouseEvent) -> str | None:
        target = self.targets.get(artist)
        if target is None or isinstance(target, str):
            return target
        return target(event)


@lru_cache(maxsize=1)
def font_families() -> tuple[str, ...]:
    """What charts write in: the first installed of ``_CJK_FONTS`` for Chinese, DejaVu Sans for the rest.

    matplotlib lists the system's fonts once, into a cache, the first time it
    runs.  A CJK font installed after that (as the README asks, perhaps after
    a first try) was missing from the list for good, and every Chinese
    character in a chart became a box.  So when the list has none, the font
    files added since are read into it, and the cache is written again.
    """
    from matplotlib import font_manager

    manager = font_manager.fontManager
    found = _cjk_families(manager)
    if not found:
        known = {font.fname for font in manager.ttflist}
        for path in font_manager.findSystemFonts():
            if path not in known:
                try:
                    manager.addfont(path)
                except (OSError, RuntimeError, ValueError):
                    continue  # a file FreeType cannot read
        found = _cjk_families(manager)
        if found:  # where and how matplotlib keeps its list (font_manager._load_fontmanager)
            font_manager.json_dump(manager, Path(matplotlib.get_cachedir(),
                                                 f"fontlist-v{font_manager.FontManager.__version__}.json"))
    return tuple(found[:1]) + ("DejaVu Sans",)


def _cjk_families(manager) -> list[str]:  # noqa: ANN001 - matplotlib.font_manager.FontManager
    installed = {font.name for font in manager.ttflist}
    return [name for name in _CJK_FONTS if name in installed]


def _style(ink: Ink) -> rc_context:
    return rc_context({
        "figure.facecolor": ink.paper,
        "axes.facecolor": ink.paper,
        "text.color": ink.text,
        "axes.labelcolor": ink.text,
        "axes.edgecolor": ink.text,
        "xtick.color": ink.text,
        "ytick.color": ink.text,
        "font.family": list(font_families()),
        "axes.unicode_minus": False,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.titlesize": 11,
        "font.size": 9,
    })


def printable(text: str) -> str:
    """User text (a name, a phrase, the business name) as one line that prints as it reads.

    Line breaks and other control characters become a space (a drawn line
    cannot break inside a table cell without overprinting the next row) and
    direction controls are dropped.
    """
    return _BREAKS.sub(" ", text.translate(_BIDI_CONTROLS)).strip()


def drawable(text: str) -> str:
    """``printable(text)`` with each ``$`` escaped: matplotlib draws it as written, never as mathematics.

    Unescaped, a name "$$" stops the PDF report and "A$AP $ shop" prints as
    "AAP shop".  The escape works with matplotlib's default ``text.parse_math``,
    which tick labels created at drawing time use too.
    """
    return printable(text).replace("$", r"\$")


def _figure(width: float = 5.2, height: float = 3.0) -> Figure:
    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def _empty(ax, text: ChartText) -> None:  # noqa: ANN001 - Axes
    ax.text(0.5, 0.5, text.no_data, ha="center", va="center", transform=ax.transAxes, color=GREY)
    ax.set_xticks([])
    ax.set_yticks([])


def _short_numbers(axis, text: ChartText, whole: bool = False) -> None:  # noqa: ANN001 - Axis
    """Tick labels a reader takes in at a glance: "60k" / "6万" rather than "60000".

    ``whole`` for counts: no tick at 2.5 orders.
    """

    def short(value: float, _pos: int) -> str:
        for size, suffix in text.short_units:
            if abs(value) >= size:
                return f"{value / size:,.4g}{suffix}"
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"

    if whole:
        axis.set_major_locator(MaxNLocator("auto", steps=[1, 2, 2.5, 5, 10], integer=True))  # as AutoLocator
    axis.set_major_formatter(FuncFormatter(short))


class _EveryNthLabel(Locator):
    """Ticks at every n-th period, n chosen at each draw from the chart's width: the labels never run together.

    A fixed share (every second month) fit a wide chart and collided in a
    narrow one, or in one with an axis on each side.
    """

    def __init__(self, labels: tuple[str, ...], points: float) -> None:
        self.labels = labels
        self.points = points  # the labels' font size
        # The widest label in ems: CJK characters are square, digits and Latin letters about 0.6 em; 1.5 em between.
        self.ems = max((sum(1.0 if ord(ch) >= 0x2E80 else 0.6 for ch in label) for label in labels), default=0) + 1.5

    def __call__(self) -> range:
        axes = self.axis.axes
        fit = max(1, int(axes.bbox.width // (self.ems * self.points * axes.figure.dpi / 72)))
        return range(0, len(self.labels), max(1, int(np.ceil(len(self.labels) / fit))))


def _thin_ticks(ax, labels: tuple[str, ...]) -> None:  # noqa: ANN001 - Axes
    """Period labels under ``ax``, as many as fit (call inside ``_style``: the labels' size is read from it)."""
    points = FontProperties(size=rcParams["xtick.labelsize"]).get_size_in_points()
    ax.xaxis.set_major_locator(_EveryNthLabel(labels, points))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: labels[int(x)] if 0 <= x < len(labels) else ""))


def revenue(panel: Panel, text: ChartText = ChartText()) -> Chart:
    with _style(text.ink):
        figure = _figure()
        ax = figure.add_subplot()
        s = panel.series
        chart = Chart(figure)
        if not s.orders.sum():
            _empty(ax, text)
            return chart
        x = np.arange(len(s.labels))
        bars = ax.bar(x, s.revenue_minor / 100.0, color=BLUE, label=text.revenue)
        for i, bar in enumerate(bars):
            bar.set_picker(True)
            chart.targets[bar] = f"revenue:{i}"
        ax.set_ylabel(text.revenue)
        _short_numbers(ax.yaxis, text)
        twin = ax.twinx()
        twin.plot(x, s.orders, color=ORANGE, marker="o", markersize=3, label=text.orders)
        twin.set_ylabel(text.orders)
        twin.set_ylim(bottom=0)
        _short_numbers(twin.yaxis, text, whole=True)
        twin.spines["right"].set_visible(True)
        _thin_ticks(ax, s.labels)
        figure.legend(loc="outside upper right", ncols=2, frameon=False)
        return chart


def satisfaction(panel: Panel, text: ChartText = ChartText()) -> Chart:
    with _style(text.ink):
        figure = _figure()
        ax = figure.add_subplot()
        s = panel.series
        chart = Chart(figure)
        counts = s.csat_responses + s.nps_responses
        if not counts.sum():
            _empty(ax, text)
            return chart
        x = np.arange(len(s.labels))
        bars = ax.bar(x, counts, color=GREY, alpha=0.35, label=text.responses)  # quiet on white and on dark
        for i, bar in enumerate(bars):
            bar.set_picker(True)
            chart.targets[bar] = f"surveys:{i}"
        ax.set_ylabel(text.responses)
        _short_numbers(ax.yaxis, text, whole=True)
        twin = ax.twinx()
        twin.plot(x, s.csat_pct, color=GREEN, marker="o", markersize=3, label=text.csat)
        twin.plot(x, s.nps_score, color=PURPLE, marker="s", markersize=3, label=text.nps)
        twin.set_ylim(-100, 100)
        twin.axhline(0, color=GREY, linewidth=0.5)
        twin.spines["right"].set_visible(True)
        _thin_ticks(ax, s.labels)
        figure.legend(loc="outside upper right", ncols=3, frameon=False)
        return chart


def nps_split(panel: Panel, text: ChartText = ChartText()) -> Chart:
    with _style(text.ink):
        figure = _figure(5.2, 2.2)
        ax = figure.add_subplot()
        chart = Chart(figure)
        n = panel.current.nps
        if not n.responses:
            _empty(ax, text)
            return chart
        left = 0.0
        for key, count, colour, label in (("detractors", n.detractors, RED, text.detractors),
                                          ("passives", n.passives, GREY, text.passives),
                                          ("promoters", n.promoters, GREEN, text.promoters)):
            share = count / n.responses * 100
            [bar] = ax.barh([0], [share], left=left, color=colour, label=text.count_of.format(label=label, count=count))
            bar.set_picker(True)
            chart.targets[bar] = f"nps:{key}"
            if share >= 8:
                ax.text(left + share / 2, 0, f"{share:.0f}%", ha="center", va="center", color="white")
            left += share
        ax.set_xlim(0, 100)
        ax.set_yticks([])
        ax.set_title(f"{text.nps} {n.score:+.0f}")
        figure.legend(loc="outside lower center", ncols=3, frameon=False)
        return chart


def tiers(panel: Panel, text: ChartText = ChartText()) -> Chart:
    with _style(text.ink):
        figure = _figure()
        ax = figure.add_subplot()
        chart = Chart(figure)
        rows = panel.tiers
        if not sum(r.customers for r in rows):
            _empty(ax, text)
            return chart
        x = np.arange(len(rows))
        bars = ax.bar(x, [r.customers for r in rows], color=[TIER_COLOURS[r.tier] for r in rows])
        for bar, row in zip(bars, rows):
            bar.set_picker(True)
            chart.targets[bar] = f"tier:{row.tier}"
            note = f"{row.customers:,}"
            if row.revenue_share is not None:
                note += "\n" + text.revenue_share.format(share=row.revenue_share)
            ax.annotate(note, (bar.get_x() + bar.get_width() / 2, bar.get_height()), ha="center", va="bottom",
                        fontsize=8, xytext=(0, 2), textcoords="offset points")
        ax.set_xticks(x)
        ax.set_xticklabels([text.tiers[r.tier] for r in rows])
        ax.set_ylabel(text.customers)
        _short_numbers(ax.yaxis, text, whole=True)
        ax.margins(y=0.25)
        return chart


def lifecycle(panel: Panel, text: ChartText = ChartText()) -> Chart:
    """A funnel from prospect to loyal, with churned customers apart at the bottom."""
    with _style(text.ink):
        figure = _figure()
        ax = figure.add_subplot()
        chart = Chart(figure)
        stages = ("prospect", "new", "repeat", "loyal", "churned")
        counts = [panel.lifecycle[s] for s in stages]
        if not sum(counts):
            _empty(ax, text)
            return chart
        widest = max(counts)
        y = np.arange(len(stages))[::-1]
        for row, stage, count in zip(y, stages, counts):
            [bar] = ax.barh([row], [count], left=[(widest - count) / 2], color=STAGE_COLOURS[stage], height=0.7)
            bar.set_picker(True)
            chart.targets[bar] = f"stage:{stage}"
            ax.text(widest / 2, row, f"{text.stages[stage]}  {count:,}", ha="center", va="center", fontsize=9,
                    color="white" if count > widest * 0.3 else text.ink.text)  # inside the bar, or beside it
        ax.set_yticks([])
        ax.set_xticks([])
        ax.spines["left"].set_visible(False)
        ax.spines["bottom"].set_visible(False)
        return chart


def _band_label(i: int) -> str:
    low = CLV_BANDS[i]
    if i + 1 < len(CLV_BANDS):
        return f"{low:,}–{CLV_BANDS[i + 1]:,}"
    return f"≥{low:,}"


def clv_distribution(panel: Panel, text: ChartText = ChartText()) -> Chart:
    with _style(text.ink):
        figure = _figure()
        ax = figure.add_subplot()
        chart = Chart(figure)
        if panel.clv_band_kind == "none" or not sum(panel.clv_bands):
            _empty(ax, text)
            return chart
        x = np.arange(len(CLV_BANDS))
        bars = ax.bar(x, panel.clv_bands, color=GREEN if panel.clv_band_kind == "predictive" else BLUE)
        for i, bar in enumerate(bars):
            bar.set_picker(True)
            chart.targets[bar] = f"clv:{i}"
        ax.set_xticks(x)
        ax.set_xticklabels([_band_label(i) for i in range(len(CLV_BANDS))], rotation=30, ha="right")
        ax.set_ylabel(text.customers)
        _short_numbers(ax.yaxis, text, whole=True)
        ax.set_title(text.clv_predictive if panel.clv_band_kind == "predictive" else text.clv_simple)
        return chart


def cohorts(panel: Panel, text: ChartText = ChartText()) -> Chart:
    with _style(text.ink):
        figure = _figure(5.6, 3.6)
        ax = figure.add_subplot()
        chart = Chart(figure)
        table = panel.cohorts
        if not table.sizes.sum():
            _empty(ax, text)
            return chart
        rates = np.ma.masked_invalid(table.rates)
        rows, columns = rates.shape
        # Cells as vector rectangles (not an image): sharp in the PDF report at any zoom.
        image = ax.pcolormesh(np.arange(columns + 1) - 0.5, np.arange(rows + 1) - 0.5, rates, cmap="Greens",
                              vmin=0, vmax=1)
        ax.set_xlim(-0.5, columns - 0.5)
        ax.set_ylim(rows - 0.5, -0.5)  # the first cohort on top, as a table reads
        for (row, k), value in np.ndenumerate(table.rates):
            if not np.isnan(value) and table.sizes[row]:
                ax.text(k, row, f"{value:.0%}", ha="center", va="center", fontsize=7,
                        color="white" if value > 0.6 else "black")
        ax.set_xticks(range(table.rates.shape[1]))
        ax.set_yticks(range(len(table.months)))
        ax.set_yticklabels([f"{m} ({n:,})" for m, n in zip(table.months, table.sizes)], fontsize=7)
        ax.set_xlabel(text.months_after)
        ax.set_ylabel(text.first_order_month)
        ax.spines["left"].set_visible(False)
        ax.spines["bottom"].set_visible(False)
        image.set_picker(True)

        def cell(event: MouseEvent) -> str | None:
            if event.xdata is None or event.ydata is None:
                return None
            row, k = int(round(event.ydata)), int(round(event.xdata))
            if 0 <= row < rates.shape[0] and 0 <= k < rates.shape[1] and not np.isnan(table.rates[row, k]):
                return f"cohort:{row}:{k}"
            return None

        chart.targets[image] = cell
        return chart


def phrases(panel: Panel, text: ChartText = ChartText()) -> Chart:
    with _style(text.ink):
        figure = _figure(5.2, 3.6)
        ax = figure.add_subplot()
        chart = Chart(figure)
        rows = panel.phrases
        if not rows:
            _empty(ax, text)
            return chart
        y = np.arange(len(rows))[::-1]
        bars = ax.barh(y, [r.comments for r in rows], color=PURPLE)
        for i, bar in enumerate(bars):
            bar.set_picker(True)
            chart.targets[bar] = f"phrase:{i}"
        ax.set_yticks(y)
        ax.set_yticklabels([drawable(r.text) for r in rows])
        ax.set_xlabel(text.comments)
        _short_numbers(ax.xaxis, text, whole=True)
        return chart


ALL: dict[str, Callable[[Panel, ChartText], Chart]] = {
    "revenue": revenue,
    "satisfaction": satisfaction,
    "nps": nps_split,
    "tiers": tiers,
    "lifecycle": lifecycle,
    "clv": clv_distribution,
    "cohorts": cohorts,
    "phrases": phrases,
}


def build_all(panel: Panel, text: ChartText = ChartText()) -> dict[str, Chart]:
    return {name: build(panel, text) for name, build in ALL.items()}
