"""``solocrm analytics``: the documented JSON contract, the text form, and errors a user can make."""

from __future__ import annotations

import json

import pytest

from solocrm import cli
from tests.analytics_support import build_shop

CONTRACT_KEYS = (
    "as_of", "period.from", "period.to", "customers.total", "customers.active", "customers.new", "customers.churned",
    "revenue.total", "csat.responses", "csat.score_pct", "csat.mean", "nps.responses", "nps.promoters_pct",
    "nps.passives_pct", "nps.detractors_pct", "nps.score", "repurchase_rate", "churn_rate", "retention_rate",
    "referral_rate", "clv.simple.mean", "clv.predictive.bgnbd", "clv.predictive.gamma_gamma",
    "clv.predictive.horizon_days", "clv.predictive.mean", "rfm.tiers.high", "rfm.tiers.medium", "rfm.tiers.low",
    "rfm.tiers.churned", "lifecycle.prospect", "lifecycle.new", "lifecycle.repeat", "lifecycle.loyal",
    "lifecycle.churned",
)


def _get(data: dict, dotted: str):  # noqa: ANN202
    for part in dotted.split("."):
        assert part in data, f"missing key {dotted}"
        data = data[part]
    return data


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def shop_db(db, db_path):
    ids = build_shop(db)
    return db_path, ids


def test_json_has_every_contract_key_with_the_hand_computed_values(capsys, shop_db) -> None:
    path, _ids = shop_db
    code, out, _err = _run(capsys, "analytics", "--db", str(path), "--as-of", "2026-06-10", "--from", "2026-04-01",
                           "--to", "2026-06-10", "--format", "json")
    assert code == 0
    data = json.loads(out)
    for key in CONTRACT_KEYS:
        _get(data, key)
    assert data["as_of"] == "2026-06-10"
    assert data["period"] == {"from": "2026-04-01", "to": "2026-06-10"}
    assert data["customers"] == {"total": 6, "active": 2, "new": 1, "churned": 1, "active_at_start": 2}
    assert data["revenue"]["total"] == 620.0 and data["revenue"]["refunds"] == 120.0
    assert data["csat"]["score_pct"] == pytest.approx(66.67) and data["csat"]["mean"] == 4.0
    assert data["nps"]["score"] == 0.0 and data["nps"]["responses"] == 3
    assert (data["repurchase_rate"], data["churn_rate"], data["retention_rate"]) == (0.5, 0.5, 0.5)
    assert data["referral_rate"] == pytest.approx(1 / 6, abs=1e-6)
    assert data["rfm"]["tiers"] == {"high": 0, "medium": 0, "low": 2, "churned": 2}
    assert data["lifecycle"] == {"prospect": 2, "new": 1, "repeat": 1, "loyal": 0, "churned": 2}


def test_no_data_is_null_and_an_unfit_model_says_why(capsys, shop_db) -> None:
    path, _ids = shop_db
    _code, out, _err = _run(capsys, "analytics", "--db", str(path), "--as-of", "2026-06-10", "--format", "json")
    data = json.loads(out)
    assert data["clv"]["simple"]["mean"] is None and "a year earlier" in data["clv"]["simple"]["reason"]
    predictive = data["clv"]["predictive"]
    assert predictive["bgnbd"] is None and predictive["gamma_gamma"] is None and predictive["mean"] is None
    assert predictive["reason"]["code"] == "too_few_customers"
    assert data["previous"]["csat"]["score_pct"] is None  # no answers in the year before


def test_empty_database_prints_nulls_not_zeros(capsys, db, db_path) -> None:
    _code, out, _err = _run(capsys, "analytics", "--db", str(db_path), "--format", "json")
    data = json.loads(out)
    assert data["customers"]["total"] == 0
    assert data["csat"]["score_pct"] is None and data["nps"]["score"] is None
    assert data["repurchase_rate"] is None and data["churn_rate"] is None and data["referral_rate"] is None
    assert data["revenue"]["average_order_value"] is None


def test_segment_option(capsys, shop_db) -> None:
    path, _ids = shop_db
    _code, out, _err = _run(capsys, "analytics", "--db", str(path), "--as-of", "2026-06-10", "--from", "2026-04-01",
                            "--to", "2026-06-10", "--segment", "city=杭州", "--segment", "tag=VIP", "--format", "json")
    data = json.loads(out)
    assert data["segment"]["cities"] == ["杭州"] and data["segment"]["tags"] == ["VIP"]
    assert data["customers"]["total"] == 1 and data["revenue"]["total"] == 500.0


def test_text_format_reads_as_sentences(capsys, shop_db) -> None:
    path, _ids = shop_db
    code, out, _err = _run(capsys, "analytics", "--db", str(path), "--as-of", "2026-06-10", "--from", "2026-04-01",
                           "--to", "2026-06-10")
    assert code == 0
    assert "as of 2026-06-10, period 2026-04-01 to 2026-06-10" in out
    assert "Customers: 6 total, 2 active, 1 new, 1 churned" in out
    assert "CLV (simple): no data" in out
    assert "Traceback" not in out


def test_missing_database_is_a_user_error(capsys, tmp_path) -> None:
    code, out, err = _run(capsys, "analytics", "--db", str(tmp_path / "nope.sqlite3"))
    assert code == 1 and out == ""
    assert "There is no database at" in err and "Traceback" not in err
    assert not (tmp_path / "nope.sqlite3").exists()


@pytest.mark.parametrize("args, fragment", [
    (("--as-of", "2026-13-01"), "not a date"),
    (("--segment", "colour=red"), "KEY=VALUE"),
    (("--format", "xml"), "invalid choice"),
])
def test_bad_usage_exits_2(capsys, db_path, args, fragment) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["analytics", "--db", str(db_path), *args])
    assert info.value.code == 2
    assert fragment in capsys.readouterr().err


@pytest.mark.parametrize("args, fragment", [
    (("--from", "2026-05-01", "--to", "2026-04-01"), "--from is after --to"),
    (("--segment", "tier=gold"), "Unknown tier"),
    (("--as-of", "2026-01-01", "--from", "2026-02-01", "--to", "2026-03-01"), "after the as-of date"),
])
def test_impossible_requests_are_user_errors(capsys, db, db_path, args, fragment) -> None:
    code, _out, err = _run(capsys, "analytics", "--db", str(db_path), *args)
    assert code == 1
    assert fragment in err
