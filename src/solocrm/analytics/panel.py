"""The whole Analytics panel in one result: KPIs, chart data, models, risk list, drill-down sets.

``compute(db, query)`` is what the page, the CLI and reports call.  It reads
the data once (``frames``), fits the models once per as-of date, and keeps the
result per data version (``cache``), so asking again with nothing changed
costs a few milliseconds.

Every figure is "as of" ``query.as_of``: orders and answers after it do not
exist for the analysis.  The period is a range of the user's local calendar
days; its end never passes the as-of date.  A segment narrows every figure to
some customers; the models are still fitted on everyone (more data, steadier
parameters) and only their predictions are narrowed.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import numpy as np
from sqlalchemy import func, select

from solocrm import settings
from solocrm.analytics import btyd, cache, cohorts, frames, phrases, rfm, snapshot
from solocrm.analytics.frames import DAY, Frames
from solocrm.analytics.metrics import Assumptions, Kpis, Window, annual_churn_rate, csat, kpis, nps, simple_clv
from solocrm.db.database import Database
from solocrm.db.models import Customer, Tag
from solocrm.errors import ValidationError
from solocrm.translatable import QT_TRANSLATE_NOOP

PRESETS = ("month", "quarter", "year", "12m")
RISK_ROWS = 50
# Predicted (or simple) CLV bands for the distribution chart, major units.
CLV_BANDS = (0, 100, 500, 1_000, 2_000, 5_000, 10_000)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Segment:
    """Customers to look at; values within a field are alternatives (OR), fields combine (AND)."""

    tags: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    tiers: tuple[str, ...] = ()  # rfm.TIERS as of the as-of date
    stages: tuple[str, ...] = ()  # lifecycle stages as of the as-of date
    sources: tuple[str, ...] = ()  # source channel

    def __bool__(self) -> bool:
        return any((self.tags, self.cities, self.tiers, self.stages, self.sources))


@dataclass(frozen=True)
class Query:
    as_of: datetime  # naive UTC; later orders are ignored
    start: date  # first local day of the period
    end: date  # last local day (clamped to the as-of date)
    segment: Segment = Segment()
    utc_offset: int | None = None  # seconds east of UTC; None = this computer's


def local_date(moment: datetime, utc_offset: int) -> date:
    return (moment + timedelta(seconds=utc_offset)).date()


def end_of_day(day: date, utc_offset: int) -> datetime:
    """The last second of a local day, as naive UTC: "as of 2026-06-30" includes that whole day."""
    return datetime.combine(day, time(23, 59, 59)) - timedelta(seconds=utc_offset)


def preset_period(preset: str, as_of_day: date) -> tuple[date, date]:
    """This month / quarter / year so far, or the last 12 months, ending on ``as_of_day``."""
    if preset == "month":
        return as_of_day.replace(day=1), as_of_day
    if preset == "quarter":
        return date(as_of_day.year, 3 * ((as_of_day.month - 1) // 3) + 1, 1), as_of_day
    if preset == "year":
        return date(as_of_day.year, 1, 1), as_of_day
    if preset == "12m":
        day = min(as_of_day.day, calendar.monthrange(as_of_day.year - 1, as_of_day.month)[1])
        return as_of_day.replace(year=as_of_day.year - 1, day=day) + timedelta(days=1), as_of_day
    raise ValueError(f"unknown period preset {preset!r}")


def default_query(now: datetime, preset: str = "12m", segment: Segment = Segment(),
                  utc_offset: int | None = None) -> Query:
    offset = frames.local_offset(now) if utc_offset is None else utc_offset
    start, end = preset_period(preset, local_date(now, offset))
    return Query(now, start, end, segment, utc_offset)


# --- results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Series:
    """Chart data per time bucket of the period."""

    granularity: str  # day | week | month
    labels: tuple[str, ...]
    revenue_minor: np.ndarray
    orders: np.ndarray
    csat_pct: np.ndarray  # NaN where nobody answered
    csat_responses: np.ndarray
    nps_score: np.ndarray
    nps_responses: np.ndarray


@dataclass(frozen=True)
class TierRow:
    tier: str  # rfm.TIERS
    customers: int
    revenue_share: float | None  # of the period's revenue from the segment
    action: str  # English; the UI shows its own translation


@dataclass(frozen=True)
class Predictive:
    bgnbd: btyd.BgNbdFit
    gamma_gamma: btyd.GammaGammaFit
    horizon_days: int
    annual_discount: float
    mean: float | None  # major units, over the segment's customers who have bought
    customers: int
    unfit: btyd.Unfit | None  # why there are no predictions


@dataclass(frozen=True)
class RiskRow:
    customer_id: int
    name: str
    last_order: date
    p_alive: float
    clv: float  # predicted, major units
    expected_loss: float  # clv x (1 - p_alive)
    tier: str


@dataclass(frozen=True)
class PhraseRow:
    text: str
    comments: int


@dataclass(frozen=True)
class Panel:
    query: Query
    utc_offset: int
    as_of: datetime  # naive UTC
    as_of_day: date
    period: tuple[date, date]
    previous: tuple[date, date]
    assumptions: Assumptions
    current: Kpis
    before: Kpis  # the previous period of the same length
    series: Series
    tiers: tuple[TierRow, ...]
    lifecycle: dict[str, int]
    predictive: Predictive
    clv_bands: tuple[int, ...]  # counts per CLV_BANDS band (predictive where fitted, else simple)
    clv_band_kind: str  # "predictive" | "simple" | "none"
    cohorts: cohorts.CohortTable
    phrases: tuple[PhraseRow, ...]
    risk: tuple[RiskRow, ...]
    groups: dict[str, np.ndarray] = field(repr=False)  # drill-down key -> customer ids

    def customers(self, key: str) -> frozenset[int]:
        """The customers behind a figure, bar, tier or slice (keys as in ``groups``)."""
        return frozenset(int(i) for i in self.groups.get(key, ()))


# --- the computation ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Models:
    """BG/NBD and Gamma-Gamma fitted on every customer who bought up to the as-of date."""

    positions: np.ndarray  # customer positions of the summary rows
    summary: btyd.Summary
    bgnbd: btyd.BgNbdFit
    gamma_gamma: btyd.GammaGammaFit
    p_alive: np.ndarray | None
    clv: np.ndarray | None  # predicted, major units
    horizon_days: int
    annual_discount: float

    @property
    def unfit(self) -> btyd.Unfit | None:
        return self.bgnbd.unfit or self.gamma_gamma.unfit


def fit_models(data: Frames, at: int, assumptions: Assumptions) -> Models:
    chosen = data.order_paid & (data.order_ts <= at)
    who = data.order_customer[chosen]
    summary = btyd.summarise(who, data.order_ts[chosen] // DAY, data.order_amount[chosen] / 100.0, at // DAY)
    positions = np.unique(who)
    bg = btyd.fit_bgnbd(summary.frequency, summary.recency, summary.T)
    gg = btyd.fit_gamma_gamma(summary.frequency[summary.priced], summary.monetary[summary.priced])
    alive = clv = None
    if bg.params is not None:
        alive = btyd.p_alive(bg.params, summary.frequency, summary.recency, summary.T)
        if gg.params is not None:
            clv = btyd.predictive_clv(bg.params, gg.params, summary, assumptions.horizon_days,
                                      assumptions.annual_discount)
    return Models(positions, summary, bg, gg, alive, clv, assumptions.horizon_days, assumptions.annual_discount)


@dataclass(frozen=True)
class Context:
    """What one as-of date needs, shared by the panel and the customer insights."""

    version: tuple
    data: Frames
    assumptions: Assumptions
    utc_offset: int
    at: int  # the as-of instant in local seconds
    snap: snapshot.Snapshot
    standing: snapshot.Standing
    models: Models
    annual_churn: float | None
    simple_clv: np.ndarray  # per customer, major units (NaN for prospects)


def _load(db: Database, offset: int) -> Frames:
    phrases.warm_up()  # overlaps jieba's dictionary load with the database read
    return frames.load(db, offset)


def context(db: Database, as_of: datetime, utc_offset: int | None = None) -> Context:
    """Data, models and every customer's standing as of ``as_of``, shared through the cache.

    The models are fitted once per as-of *day* (they work in whole days), so a
    customer page asking "as of now" every time reuses them all day; the
    standing is taken at the exact instant (cheap), so RFM recency matches the
    customer file's own figures to the second.
    """
    offset = frames.local_offset(as_of) if utc_offset is None else utc_offset
    version = frames.data_version(db)
    path = str(db.path)
    assumptions = Assumptions.from_settings(settings.load(db))
    data = cache.cached("frames", path, version, offset, lambda: _load(db, offset))
    at = frames.to_local_seconds(as_of, offset)
    day_end = (at // DAY + 1) * DAY - 1
    models = cache.cached("models", path, version, (offset, day_end),
                          lambda: fit_models(data, day_end, assumptions))

    def build() -> Context:
        snap = snapshot.take(data, at)
        standing = snapshot.standing(data, snap, assumptions.churn_days)
        churn = annual_churn_rate(data, at, assumptions.churn_days)
        _summary, values = simple_clv(data, snap, np.ones(data.customers, dtype=bool), assumptions, churn)
        return Context(version, data, assumptions, offset, at, snap, standing, models, churn, values)

    return cache.cached("context", path, version, (offset, at), build)


def _members(data: Frames, segment: Segment, standing: snapshot.Standing) -> np.ndarray:
    members = np.ones(data.customers, dtype=bool)
    if segment.tags:
        tagged = np.zeros(data.customers, dtype=bool)
        tagged[data.tag_customer[np.isin(data.tag_name, list(segment.tags))]] = True
        members &= tagged
    if segment.cities:
        members &= np.isin(data.city, list(segment.cities))
    if segment.sources:
        members &= np.isin(data.source, list(segment.sources))
    if segment.tiers:
        codes = [rfm.TIERS.index(t) for t in segment.tiers]
        members &= np.isin(standing.tier, codes) & (standing.stage != snapshot.STAGES.index("prospect"))
    if segment.stages:
        members &= np.isin(standing.stage, [snapshot.STAGES.index(s) for s in segment.stages])
    return members


def local_seconds(day: date) -> int:
    return calendar.timegm(day.timetuple())


def _buckets(start: date, end: date) -> tuple[str, list[int], list[str]]:
    """Bucket start times and labels: days for a month, weeks for a quarter, else calendar months."""
    days = (end - start).days + 1
    if days <= 31:
        starts = [start + timedelta(days=i) for i in range(days)]
        return "day", [local_seconds(d) for d in starts], [d.strftime("%m-%d") for d in starts]
    if days <= 92:
        starts = [start + timedelta(days=i) for i in range(0, days, 7)]
        return "week", [local_seconds(d) for d in starts], [d.strftime("%m-%d") for d in starts]
    starts = [start]
    month = date(start.year, start.month, 1)
    while True:
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        if month > end:
            break
        starts.append(month)
    return "month", [local_seconds(d) for d in starts], [d.strftime("%Y-%m") for d in starts]


def _series(data: Frames, members: np.ndarray, window: Window, start: date, end: date,
            groups: dict[str, np.ndarray]) -> Series:
    granularity, edges, labels = _buckets(start, end)
    n = len(edges)
    edge_array = np.array(edges, dtype=np.int64)

    in_window = (data.order_ts >= window.start) & (data.order_ts <= window.end) & data.order_paid
    chosen = in_window & members[data.order_customer]
    bucket = np.searchsorted(edge_array, data.order_ts[chosen], side="right") - 1
    revenue = np.bincount(bucket, weights=data.order_amount[chosen], minlength=n).round().astype(np.int64)
    orders = np.bincount(bucket, minlength=n)
    who = data.order_customer[chosen]
    for i in range(n):
        groups[f"revenue:{i}"] = data.customer_id[np.unique(who[bucket == i])]

    answered = ((data.survey_ts >= window.start) & (data.survey_ts <= window.end)
                & members[data.survey_customer])
    s_bucket = np.searchsorted(edge_array, data.survey_ts[answered], side="right") - 1
    s_nps = data.survey_nps[answered]
    s_score = data.survey_score[answered]
    s_who = data.survey_customer[answered]
    csat_pct = np.full(n, np.nan)
    nps_score = np.full(n, np.nan)
    csat_n = np.zeros(n, dtype=np.int64)
    nps_n = np.zeros(n, dtype=np.int64)
    for i in range(n):
        here = s_bucket == i
        c, p = csat(s_score[here & ~s_nps]), nps(s_score[here & s_nps])
        csat_n[i], nps_n[i] = c.responses, p.responses
        csat_pct[i] = np.nan if c.score_pct is None else c.score_pct
        nps_score[i] = np.nan if p.score is None else p.score
        groups[f"surveys:{i}"] = data.customer_id[np.unique(s_who[here])]
    return Series(granularity, tuple(labels), revenue, orders, csat_pct, csat_n, nps_score, nps_n)


def _nps_groups(data: Frames, members: np.ndarray, window: Window, groups: dict[str, np.ndarray]) -> None:
    answered = (data.survey_nps & (data.survey_ts >= window.start) & (data.survey_ts <= window.end)
                & members[data.survey_customer])
    score, who = data.survey_score[answered], data.survey_customer[answered]
    for key, chosen in (("detractors", score <= 6), ("passives", (score >= 7) & (score <= 8)),
                        ("promoters", score >= 9)):
        groups[f"nps:{key}"] = data.customer_id[np.unique(who[chosen])]


def _tiers(ctx: Context, members: np.ndarray, window: Window, groups: dict[str, np.ndarray]) -> tuple[TierRow, ...]:
    data = ctx.data
    rated = members & ctx.snap.has_ordered
    in_window = (data.order_paid & (data.order_ts >= window.start) & (data.order_ts <= window.end)
                 & members[data.order_customer])
    revenue = np.bincount(data.order_customer[in_window], weights=data.order_amount[in_window],
                          minlength=data.customers)
    total = revenue.sum()
    rows = []
    for code, name in enumerate(rfm.TIERS):
        chosen = rated & (ctx.standing.tier == code)
        order = np.argsort(-rfm.weighted_scores(ctx.standing.r[chosen], ctx.standing.f[chosen],
                                                ctx.standing.m[chosen]), kind="stable")
        groups[f"tier:{name}"] = data.customer_id[chosen][order]  # best first inside the tier
        share = None if total == 0 else float(revenue[chosen].sum() / total)
        rows.append(TierRow(name, int(np.count_nonzero(chosen)), share, rfm.TIER_ACTIONS[name]))
    return tuple(rows)


def _lifecycle(ctx: Context, members: np.ndarray, groups: dict[str, np.ndarray]) -> dict[str, int]:
    counts = {}
    for code, name in enumerate(snapshot.STAGES):
        chosen = members & (ctx.standing.stage == code)
        groups[f"stage:{name}"] = ctx.data.customer_id[chosen]
        counts[name] = int(np.count_nonzero(chosen))
    return counts


def _predictive(ctx: Context, members: np.ndarray) -> Predictive:
    models = ctx.models
    chosen = members[models.positions]
    mean = None
    if models.clv is not None and np.any(chosen):
        mean = float(models.clv[chosen].mean())
    return Predictive(models.bgnbd, models.gamma_gamma, models.horizon_days, models.annual_discount, mean,
                      int(np.count_nonzero(chosen)), models.unfit)


def _clv_bands(ctx: Context, members: np.ndarray, groups: dict[str, np.ndarray]) -> tuple[tuple[int, ...], str]:
    models = ctx.models
    if models.clv is not None:
        values = np.full(ctx.data.customers, np.nan)
        values[models.positions] = models.clv
        kind = "predictive"
    elif ctx.annual_churn is not None:
        values, kind = ctx.simple_clv, "simple"
    else:
        return tuple(0 for _ in CLV_BANDS), "none"
    chosen = members & ~np.isnan(values)
    band = np.searchsorted(np.array(CLV_BANDS[1:], dtype=np.float64), values[chosen], side="right")
    ids = ctx.data.customer_id[chosen]
    for i in range(len(CLV_BANDS)):
        groups[f"clv:{i}"] = ids[band == i]
    return tuple(int(c) for c in np.bincount(band, minlength=len(CLV_BANDS))), kind


def _risk(db: Database, ctx: Context, members: np.ndarray, groups: dict[str, np.ndarray]) -> tuple[RiskRow, ...]:
    models = ctx.models
    if models.clv is None or models.p_alive is None:
        return ()
    positions = models.positions
    eligible = members[positions] & ~ctx.data.archived[positions]
    loss = models.clv * (1 - models.p_alive)
    rows = np.flatnonzero(eligible)
    top = rows[np.argsort(-loss[rows], kind="stable")[:RISK_ROWS]]
    ids = ctx.data.customer_id[positions[top]]
    groups["risk"] = ids
    names = _names(db, [int(i) for i in ids])
    result = []
    for row in top:
        position = positions[row]
        last = date(1970, 1, 1) + timedelta(days=int(ctx.snap.last[position] // DAY))
        result.append(RiskRow(int(ctx.data.customer_id[position]), names.get(int(ctx.data.customer_id[position]), ""),
                              last, float(models.p_alive[row]), float(models.clv[row]), float(loss[row]),
                              rfm.TIERS[ctx.standing.tier[position]]))
    return tuple(result)


def _names(db: Database, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    with db.session() as session:
        return dict(session.execute(select(Customer.id, Customer.name).where(Customer.id.in_(ids))).all())


def _phrases(data: Frames, members: np.ndarray, window: Window, groups: dict[str, np.ndarray]) -> tuple[PhraseRow, ...]:
    chosen = ((data.survey_ts >= window.start) & (data.survey_ts <= window.end) & members[data.survey_customer]
              & (data.survey_comment != None))  # noqa: E711 - numpy elementwise comparison
    found = phrases.top_phrases(data.survey_comment[chosen], data.survey_customer[chosen])
    for i, phrase in enumerate(found):
        groups[f"phrase:{i}"] = data.customer_id[phrase.customers]
    return tuple(PhraseRow(p.text, p.comments) for p in found)


def _windows(query: Query, offset: int, at: int) -> tuple[Window, Window, tuple[date, date], tuple[date, date]]:
    as_of_day = local_date(query.as_of, offset)
    end = min(query.end, as_of_day)
    if query.start > end:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "The period starts after the as-of date. Choose an earlier start, or a later as-of date."),
            field="start")
    current = Window(local_seconds(query.start), min(local_seconds(end + timedelta(days=1)) - 1, at))
    length = (end - query.start).days + 1
    previous_start = query.start - timedelta(days=length)
    previous = Window(local_seconds(previous_start), local_seconds(query.start) - 1)
    return current, previous, (query.start, end), (previous_start, query.start - timedelta(days=1))


def compute(db: Database, query: Query, progress: Progress | None = None) -> Panel:
    """The panel for ``query``, from the cache when the data have not changed since the last time."""
    report = progress or (lambda _done, _total: None)
    report(0, 6)
    ctx = context(db, query.as_of, query.utc_offset)
    return cache.cached("panel", str(db.path), ctx.version, query, lambda: _compute(db, query, ctx, report))


def _compute(db: Database, query: Query, ctx: Context, report: Progress) -> Panel:
    data = ctx.data
    current, previous, period, previous_period = _windows(query, ctx.utc_offset, ctx.at)
    members = _members(data, query.segment, ctx.standing)
    groups: dict[str, np.ndarray] = {}
    report(1, 6)
    now_figures, now_ids = kpis(data, members, current, ctx.assumptions)
    then_figures, _ = kpis(data, members, previous, ctx.assumptions)
    for name in ("total", "active", "new", "churned", "buyers", "repeat_buyers", "referrers"):
        groups[f"kpi:{name}"] = data.customer_id[getattr(now_ids, name)]
    report(2, 6)
    series = _series(data, members, current, period[0], period[1], groups)
    _nps_groups(data, members, current, groups)
    tiers = _tiers(ctx, members, current, groups)
    lifecycle = _lifecycle(ctx, members, groups)
    report(3, 6)
    predictive = _predictive(ctx, members)
    bands, band_kind = _clv_bands(ctx, members, groups)
    risk = _risk(db, ctx, members, groups)
    report(4, 6)
    table = cohorts.retention(data, ctx.snap, members)
    for (row, k), positions in table.cells.items():
        groups[f"cohort:{row}:{k}"] = data.customer_id[positions]
    table = cohorts.CohortTable(table.months, table.sizes, table.rates, {})
    report(5, 6)
    found = _phrases(data, members, current, groups)
    report(6, 6)
    return Panel(
        query=query, utc_offset=ctx.utc_offset, as_of=query.as_of, as_of_day=local_date(query.as_of, ctx.utc_offset),
        period=period, previous=previous_period, assumptions=ctx.assumptions, current=now_figures,
        before=then_figures, series=series, tiers=tiers, lifecycle=lifecycle, predictive=predictive,
        clv_bands=bands, clv_band_kind=band_kind, cohorts=table, phrases=found, risk=risk, groups=groups,
    )


@dataclass(frozen=True)
class SegmentChoices:
    tags: tuple[str, ...]
    cities: tuple[str, ...]
    sources: tuple[str, ...]


def segment_choices(db: Database) -> SegmentChoices:
    """Values the segment picker offers, most common first."""
    with db.session() as session:
        def common(column) -> tuple[str, ...]:  # noqa: ANN001 - a column
            return tuple(session.scalars(select(column).where(column.is_not(None)).group_by(column)
                                         .order_by(func.count().desc(), column)))

        tags = tuple(session.scalars(select(Tag.name).order_by(Tag.name)))
        return SegmentChoices(tags, common(Customer.city), common(Customer.source_channel))
