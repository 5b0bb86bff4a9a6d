"""The documented JSON form of the panel (``solocrm analytics --format json``), and its text form.

The JSON is a stable contract for scripts and scheduled jobs (README, "Analytics
from the command line"): keys are only ever added, never renamed or removed.
Money is in major units (yuan) as numbers, rates are fractions 0-1, percentages
are 0-100 and say so in their names (``score_pct``).  A figure with nothing to
compute it from is ``null``; a model that could not be fitted is ``null`` with
a ``reason`` beside it.
"""

from __future__ import annotations

import math
from typing import Any

from solocrm.analytics import btyd
from solocrm.analytics.metrics import Kpis
from solocrm.analytics.panel import Panel

CONTRACT_VERSION = 1


def _money(minor: float | None) -> float | None:
    return None if minor is None else round(minor / 100.0, 2)


def _number(value: float | None, digits: int = 6) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return round(float(value), digits)


def _kpis(k: Kpis) -> dict[str, Any]:
    return {
        "customers": {"total": k.customers_total, "active": k.customers_active, "new": k.customers_new,
                      "churned": k.customers_churned, "active_at_start": k.active_at_start},
        "revenue": {"total": _money(k.revenue_minor), "orders": k.orders,
                    "average_order_value": _money(k.aov_minor), "refunds": _money(k.refunds_minor)},
        "csat": {"responses": k.csat.responses, "satisfied": k.csat.satisfied,
                 "score_pct": _number(k.csat.score_pct, 2), "mean": _number(k.csat.mean, 3)},
        "nps": {"responses": k.nps.responses, "promoters": k.nps.promoters, "passives": k.nps.passives,
                "detractors": k.nps.detractors, "promoters_pct": _number(k.nps.promoters_pct, 2),
                "passives_pct": _number(k.nps.passives_pct, 2), "detractors_pct": _number(k.nps.detractors_pct, 2),
                "score": _number(k.nps.score, 2)},
        "repurchase_rate": _number(k.repurchase_rate),
        "churn_rate": _number(k.churn_rate),
        "retention_rate": _number(k.retention_rate),
        "referral_rate": _number(k.referral_rate),
        "clv_simple_mean": _number(k.clv.mean, 2),
    }


def _unfit(unfit: btyd.Unfit | None) -> dict[str, str] | None:
    return None if unfit is None else {"code": unfit.code, "message": unfit.message}


def _bgnbd(fit: btyd.BgNbdFit) -> dict[str, Any] | None:
    if fit.params is None:
        return None
    p = fit.params
    return {"r": _number(p.r), "alpha": _number(p.alpha), "a": _number(p.a), "b": _number(p.b),
            "customers": fit.customers, "log_likelihood": _number(fit.log_likelihood, 3)}


def _gamma_gamma(fit: btyd.GammaGammaFit) -> dict[str, Any] | None:
    if fit.params is None:
        return None
    p = fit.params
    return {"p": _number(p.p), "q": _number(p.q), "v": _number(p.v),
            "customers": fit.customers, "log_likelihood": _number(fit.log_likelihood, 3)}


def to_json(panel: Panel, currency: str) -> dict[str, Any]:
    k = panel.current
    result: dict[str, Any] = {
        "contract": CONTRACT_VERSION,
        "as_of": panel.as_of_day.isoformat(),
        "period": {"from": panel.period[0].isoformat(), "to": panel.period[1].isoformat()},
        "previous_period": {"from": panel.previous[0].isoformat(), "to": panel.previous[1].isoformat()},
        "segment": {"tags": list(panel.query.segment.tags), "cities": list(panel.query.segment.cities),
                    "tiers": list(panel.query.segment.tiers), "stages": list(panel.query.segment.stages),
                    "sources": list(panel.query.segment.sources)},
        "currency": currency,
        "churn_days": panel.assumptions.churn_days,
    }
    figures = _kpis(k)
    figures.pop("clv_simple_mean")
    result.update(figures)
    predictive = panel.predictive
    result["clv"] = {
        "simple": {"mean": _number(k.clv.mean, 2), "customers": k.clv.customers,
                   "annual_churn_rate": _number(k.clv.annual_churn_rate),
                   "lifetime_years": _number(k.clv.lifetime_years, 3),
                   "gross_margin": panel.assumptions.gross_margin,
                   "reason": k.clv.reason},
        "predictive": {
            "bgnbd": _bgnbd(predictive.bgnbd),
            "gamma_gamma": _gamma_gamma(predictive.gamma_gamma),
            "time_unit": "day",
            "horizon_days": predictive.horizon_days,
            "annual_discount": predictive.annual_discount,
            "mean": _number(predictive.mean, 2),
            "customers": predictive.customers,
            "reason": _unfit(predictive.unfit),
        },
    }
    result["rfm"] = {
        "tiers": {row.tier: row.customers for row in panel.tiers},
        "revenue_share": {row.tier: _number(row.revenue_share) for row in panel.tiers},
    }
    result["lifecycle"] = dict(panel.lifecycle)
    result["previous"] = _kpis(panel.before)
    result["churn_risk"] = [
        {"customer_id": row.customer_id, "name": row.name, "last_order": row.last_order.isoformat(),
         "p_alive": _number(row.p_alive, 4), "clv": _number(row.clv, 2), "expected_loss": _number(row.expected_loss, 2),
         "tier": row.tier}
        for row in panel.risk
    ]
    result["phrases"] = [{"text": p.text, "comments": p.comments} for p in panel.phrases]
    result["cohorts"] = {
        "months": list(panel.cohorts.months),
        "sizes": [int(s) for s in panel.cohorts.sizes],
        "retention": [[_number(v, 4) for v in row] for row in panel.cohorts.rates],
    }
    return result


def _pct(value: float | None) -> str:
    return "no data" if value is None else f"{value * 100:.1f}%"


def _plain(value: float | None, unit: str = "", digits: int = 1) -> str:
    return "no data" if value is None else f"{value:,.{digits}f}{unit}"


def to_text(panel: Panel, currency: str) -> str:
    """What a person reads in a terminal: the same figures as the JSON, one per line."""
    k = panel.current
    p = panel.predictive
    lines = [
        f"SoloCRM analytics as of {panel.as_of_day}, period {panel.period[0]} to {panel.period[1]}"
        f" (previous: {panel.previous[0]} to {panel.previous[1]})",
        f"Customers: {k.customers_total:,} total, {k.customers_active:,} active, {k.customers_new:,} new, "
        f"{k.customers_churned:,} churned",
        f"Revenue: {currency} {_plain(_money(k.revenue_minor), digits=2)} from {k.orders:,} orders; "
        f"average order {_plain(_money(k.aov_minor), digits=2)}; refunds {_plain(_money(k.refunds_minor), digits=2)}",
        f"CSAT: {_plain(k.csat.score_pct, '%')} satisfied, mean {_plain(k.csat.mean, '', 2)} "
        f"({k.csat.responses:,} responses)",
        f"NPS: {_plain(k.nps.score, '', 1)} ({k.nps.responses:,} responses: "
        f"{_plain(k.nps.promoters_pct, '%')} promoters, "
        f"{_plain(k.nps.passives_pct, '%')} passives, {_plain(k.nps.detractors_pct, '%')} detractors)",
        f"Repurchase rate {_pct(k.repurchase_rate)}, churn rate {_pct(k.churn_rate)}, "
        f"retention rate {_pct(k.retention_rate)}, referral rate {_pct(k.referral_rate)}",
        f"CLV (simple): {_plain(k.clv.mean, '', 2)}" + (f" — {k.clv.reason}" if k.clv.reason else
                                                        f" (lifetime {k.clv.lifetime_years:.2f} years)"),
    ]
    if p.unfit is None and p.bgnbd.params and p.gamma_gamma.params:
        bg, gg = p.bgnbd.params, p.gamma_gamma.params
        lines.append(f"CLV (predictive, {p.horizon_days} days): {_plain(p.mean, '', 2)}; "
                     f"BG/NBD r={bg.r:.4g} alpha={bg.alpha:.4g} a={bg.a:.4g} b={bg.b:.4g} (days); "
                     f"Gamma-Gamma p={gg.p:.4g} q={gg.q:.4g} v={gg.v:.4g}")
    else:
        lines.append(f"CLV (predictive): no data — {p.unfit.message if p.unfit else ''}")
    lines.append("RFM tiers: " + ", ".join(f"{row.tier} {row.customers:,}" for row in panel.tiers))
    lines.append("Lifecycle: " + ", ".join(f"{stage} {count:,}" for stage, count in panel.lifecycle.items()))
    if panel.risk:
        lines.append("Highest churn risk (expected value lost):")
        lines.extend(f"  {row.name} — last order {row.last_order}, P(alive) {row.p_alive:.0%}, "
                     f"CLV {row.clv:,.0f}, at risk {row.expected_loss:,.0f}" for row in panel.risk[:10])
    if panel.phrases:
        lines.append("Top phrases: " + ", ".join(f"{p.text} ({p.comments})" for p in panel.phrases))
    return "\n".join(lines)
