"""What a report says: its sections, each a list of typed tables built from the Analytics panel.

Both formats render these same tables, and every figure comes from the
analytics JSON contract (``contract.to_json``), so a report agrees with the
Analytics page and ``solocrm analytics --format json`` to the cent.  Values
keep their type (``Kind``): the PDF formats them with ``display``, the
workbook stores them as numbers with a matching number format.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import numpy as np

from solocrm.db.database import Database
from solocrm.reports import SECTIONS
from solocrm.reports.texts import Texts
from solocrm.translatable import QT_TRANSLATE_NOOP

TITLES = {
    "summary": "Summary", "customers": "Customers and lifecycle", "sales": "Sales and revenue trend",
    "satisfaction": "Satisfaction", "loyalty": "Loyalty and RFM tiers", "risk": "Churn risk",
    "clv": "Customer lifetime value", "goals": "Goals", "appendix": "Customer list",
}
# Charts (``analytics.charts.ALL`` names) the PDF draws for each section.
CHARTS = {
    "summary": ("revenue",), "customers": ("lifecycle",), "sales": ("revenue",),
    "satisfaction": ("satisfaction", "nps", "phrases"), "loyalty": ("tiers",), "clv": ("clv",),
}
PDF_APPENDIX_ROWS = 100  # more pages than this help nobody on paper; the workbook has every row

# money: major units; rate: a fraction 0-1 shown as %; pct: already 0-100; count: whole number.
Kind = str  # "text" | "money" | "rate" | "pct" | "count" | "number" | "date"
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Table:
    title: str | None
    headers: tuple[str, ...]
    kinds: tuple[Kind, ...]
    rows: list[tuple[Any, ...]]
    note: str | None = None  # said under the table (why it is short, why a figure is missing)
    row_kinds: list[Kind] | None = None  # for columns of kind "row": each row's own kind (KPI tables)

    def kind(self, row: int, column: int) -> Kind:
        kind = self.kinds[column]
        return self.row_kinds[row] if kind == "row" and self.row_kinds else kind


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    tables: list[Table]
    charts: tuple[str, ...] = ()
    empty: bool = False  # nothing happened in the period: the section says so


@dataclass
class Report:
    business: str
    period: tuple[date, date]
    previous: tuple[date, date]
    generated: date
    currency: str
    texts: Texts
    figures: dict[str, Any]  # the analytics JSON contract for the period
    panel: Any = field(repr=False)  # analytics.panel.Panel, for the charts
    sections: list[Section] = field(default_factory=list)
    customers: Table | None = None  # every customer, for the workbook's data sheet
    logo: bytes | None = None  # PNG, from the business_logo setting


def symbol(currency: str) -> str:
    return {"CNY": "¥", "RMB": "¥", "USD": "$", "EUR": "€", "HKD": "HK$"}.get(currency, currency + " ")


def display(value: Any, kind: Kind, texts: Texts, currency: str = "CNY") -> str:
    """How the PDF prints a value; the tests print the analytics JSON the same way to compare."""
    if value is None:
        return texts("no data")
    if kind == "money":
        return f"{symbol(currency)}{value:,.2f}"
    if kind == "rate":
        return f"{value * 100:.1f}%"
    if kind == "pct":
        return f"{value:.1f}%"
    if kind == "count":
        return f"{int(value):,}"
    if kind == "number":
        return f"{value:,.2f}"
    if kind == "date":
        return value.isoformat()
    return str(value)


# (label, dotted key of the analytics JSON, kind) of every headline figure, in reading order.
KPIS: tuple[tuple[str, str, Kind], ...] = (
        ("Customers (total)", "customers.total", "count"), ("Active customers", "customers.active", "count"),
        ("New customers", "customers.new", "count"), ("Churned customers", "customers.churned", "count"),
        ("Revenue", "revenue.total", "money"), ("Orders", "revenue.orders", "count"),
        ("Average order value", "revenue.average_order_value", "money"), ("Refunds", "revenue.refunds", "money"),
        ("CSAT (% satisfied)", "csat.score_pct", "pct"), ("CSAT mean (1-5)", "csat.mean", "number"),
        ("CSAT responses", "csat.responses", "count"), ("NPS", "nps.score", "number"),
        ("NPS responses", "nps.responses", "count"), ("Repurchase rate", "repurchase_rate", "rate"),
        ("Churn rate", "churn_rate", "rate"), ("Retention rate", "retention_rate", "rate"),
        ("Referral rate", "referral_rate", "rate"), ("Average CLV (simple)", "clv.simple.mean", "money"),
        ("Average CLV (predicted)", "clv.predictive.mean", "money"),
)


def lookup(figures: dict[str, Any], dotted: str) -> Any:
    for part in dotted.split("."):
        figures = figures[part]
    return figures


def _kpi_table(report: Report, keys: tuple[str, ...] | None = None) -> Table:
    t, f = report.texts, report.figures
    rows, kinds = [], []
    for label, key, kind in KPIS:
        if keys is not None and key not in keys:
            continue
        # The previous period has no CLV in the contract (CLV is as of today, not per period).
        previous = None if key.startswith("clv.") else lookup(f["previous"], key)
        rows.append((t(label), lookup(f, key), previous))
        kinds.append(kind)
    return Table(None, (t("Metric"), t("This period"), t("Previous period")), ("text", "row", "row"), rows,
                 row_kinds=kinds)


def summary_table(r: Report) -> Table:
    """Every headline figure, this period beside the previous one."""
    return _kpi_table(r)


def _summary(r: Report) -> Section:
    return Section("summary", r.texts(TITLES["summary"]), [summary_table(r)], CHARTS["summary"])


def _customers(r: Report) -> Section:
    t, life = r.texts, r.figures["lifecycle"]
    total = sum(life.values())
    stages = Table(None, (t("Stage"), t("Customers"), t("Share")), ("text", "count", "rate"),
                   [(t(stage), n, (n / total) if total else None) for stage, n in life.items()])
    kpis = _kpi_table(r, ("customers.total", "customers.active", "customers.new", "customers.churned",
                          "retention_rate", "churn_rate", "referral_rate"))
    return Section("customers", t(TITLES["customers"]), [kpis, stages], CHARTS["customers"], total == 0)


def _sales(r: Report) -> Section:
    t, series = r.texts, r.panel.series
    trend = Table(t("Sales and revenue trend"), (t("Bucket"), t("Revenue"), t("Orders")), ("text", "money", "count"),
                  [(label, round(int(rev) / 100.0, 2), int(n))
                   for label, rev, n in zip(series.labels, series.revenue_minor, series.orders)])
    kpis = _kpi_table(r, ("revenue.total", "revenue.orders", "revenue.average_order_value", "revenue.refunds",
                          "repurchase_rate"))
    return Section("sales", t(TITLES["sales"]), [kpis, trend], CHARTS["sales"], r.figures["revenue"]["orders"] == 0)


def _satisfaction(r: Report) -> Section:
    t, f = r.texts, r.figures
    nps = f["nps"]
    kpis = _kpi_table(r, ("csat.score_pct", "csat.mean", "csat.responses", "nps.score", "nps.responses"))
    split = Table(t("NPS"), (t("Metric"), t("Customers"), t("Share")), ("text", "count", "pct"), [
        (t("Promoters"), nps["promoters"], nps["promoters_pct"]),
        (t("Passives"), nps["passives"], nps["passives_pct"]),
        (t("Detractors"), nps["detractors"], nps["detractors_pct"])])
    phrases = Table(t("Top phrases in comments"), (t("Phrase"), t("Comments")), ("text", "count"),
                    [(p["text"], p["comments"]) for p in f["phrases"]])
    empty = f["csat"]["responses"] == 0 and nps["responses"] == 0
    return Section("satisfaction", t(TITLES["satisfaction"]), [kpis, split, phrases], CHARTS["satisfaction"], empty)


def _loyalty(r: Report) -> Section:
    from solocrm.analytics import rfm

    t, f = r.texts, r.figures["rfm"]
    rows = [(t(tier), n, f["revenue_share"][tier], t(rfm.TIER_ACTIONS[tier])) for tier, n in f["tiers"].items()]
    table = Table(None, (t("Tier"), t("Customers"), t("Share of revenue"), t("Suggested action")),
                  ("text", "count", "rate", "text"), rows)
    return Section("loyalty", t(TITLES["loyalty"]), [table], CHARTS["loyalty"], sum(f["tiers"].values()) == 0)


def _risk(r: Report) -> Section:
    t = r.texts
    rows = [(row["name"], date.fromisoformat(row["last_order"]), row["p_alive"], row["clv"], row["expected_loss"],
             t(row["tier"])) for row in r.figures["churn_risk"]]
    reason = r.figures["clv"]["predictive"]["reason"]
    table = Table(None, (t("Customer"), t("Last order"), t("Chance still active"), t("Predicted CLV"),
                         t("Value at risk"), t("Tier")), ("text", "date", "rate", "money", "money", "text"), rows,
                  note=reason["message"] if reason else None)
    return Section("risk", t(TITLES["risk"]), [table], (), not rows)


def _clv(r: Report) -> Section:
    t, clv = r.texts, r.figures["clv"]
    predictive = clv["predictive"]
    rows: list[tuple[Any, ...]] = [
        (t("Average CLV (simple)"), clv["simple"]["mean"]),
        (t("Average CLV (predicted)"), predictive["mean"]),
        (t("Prediction horizon (days)"), predictive["horizon_days"]),
        (t("Customers with a prediction"), predictive["customers"]),
    ]
    notes = [text for text in (clv["simple"]["reason"], predictive["reason"] and predictive["reason"]["message"])
             if text]
    table = Table(None, (t("Metric"), t("Value")), ("text", "row"), rows, note=" ".join(notes) or None,
                  row_kinds=["money", "money", "count", "count"])
    return Section("clv", t(TITLES["clv"]), [table], CHARTS["clv"],
                   clv["simple"]["mean"] is None and predictive["mean"] is None)


def _goals(r: Report, db: Database, as_of: datetime) -> Section:
    from solocrm.analytics import goals
    from solocrm.services import goals as goal_service

    t = r.texts
    specs = [goals.GoalSpec(row.id, row.data.metric, row.data.baseline, row.data.target, row.data.deadline,
                            row.data.window_days, row.data.threshold_minor, row.created, row.data.note)
             for row in goal_service.list_goals(db)]
    rows = [(t(goals.METRICS[g.goal.metric].label), g.goal.baseline, g.goal.target, g.current, g.progress,
             g.goal.deadline, t(g.status) if g.status != "no_data" else t("no data"))
            for g in goals.progress(db, specs, as_of)]
    table = Table(None, (t("Goal"), t("Baseline"), t("Target"), t("Current"), t("Progress"), t("Deadline"),
                         t("Status")), ("text", "number", "number", "number", "rate", "date", "text"), rows,
                  note=None if rows else t("No goals have been set."))
    return Section("goals", t(TITLES["goals"]), [table])


def customer_table(r: Report, db: Database) -> Table:
    """Every customer with the period's orders and revenue, highest revenue first."""
    from sqlalchemy import select

    from solocrm.analytics import panel
    from solocrm.db.models import Customer

    t = r.texts
    ctx = panel.context(db, r.panel.as_of, r.panel.utc_offset)
    data = ctx.data
    start = panel.local_seconds(r.period[0])
    end = panel.local_seconds(r.period[1]) + 86_399
    chosen = data.order_paid & (data.order_ts >= start) & (data.order_ts <= min(end, ctx.at))
    revenue = np.bincount(data.order_customer[chosen], weights=data.order_amount[chosen], minlength=data.customers)
    orders = np.bincount(data.order_customer[chosen], minlength=data.customers)
    with db.session() as session:
        names = dict(session.execute(select(Customer.id, Customer.name)).all())
    order = np.lexsort((data.customer_id, -revenue))
    rows = [(int(data.customer_id[i]), names.get(int(data.customer_id[i]), ""), data.city[i], data.source[i],
             int(orders[i]), round(float(revenue[i]) / 100.0, 2)) for i in order]
    return Table(None, (t("ID"), t("Name"), t("City"), t("Source"), t("Orders in period"), t("Revenue in period")),
                 ("count", "text", "text", "text", "count", "money"), rows)


def build(db: Database, start: date, end: date, lang: str, sections: tuple[str, ...] = SECTIONS,
          now: datetime | None = None, progress: Progress | None = None) -> Report:
    """The report's content for local days ``start``..``end`` as of ``now`` (naive UTC; default: now)."""
    from solocrm import settings
    from solocrm.analytics import contract, panel
    from solocrm.db.models import utcnow
    from solocrm.errors import ValidationError
    from solocrm.reports import logo

    report_progress = progress or (lambda _done, _total: None)
    unknown = [s for s in sections if s not in SECTIONS]
    if unknown:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "Unknown report section {section!r}; choose from {sections}."),
            section=unknown[0], sections=", ".join(SECTIONS))
    if start > end:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The period starts after it ends. Swap the dates."))
    now = now or utcnow()
    values = settings.load(db)
    result = panel.compute(db, panel.Query(now, start, end), lambda done, total: report_progress(done, total + 4))
    currency = values["currency"]
    texts = Texts(lang)
    offset = result.utc_offset
    report = Report(values.get("business_name") or "", result.period, result.previous,
                    panel.local_date(now, offset), currency, texts, contract.to_json(result, currency), result,
                    logo=logo.decode(values.get("business_logo") or ""))
    report_progress(7, 10)
    builders = {"summary": _summary, "customers": _customers, "sales": _sales, "satisfaction": _satisfaction,
                "loyalty": _loyalty, "risk": _risk, "clv": _clv,
                "goals": lambda r: _goals(r, db, now), "appendix": None}
    report.customers = customer_table(report, db)
    report_progress(8, 10)
    for key in SECTIONS:
        if key not in sections:
            continue
        if key == "appendix":
            report.sections.append(Section("appendix", texts(TITLES["appendix"]), [report.customers]))
        else:
            report.sections.append(builders[key](report))
    report_progress(9, 10)
    return report
