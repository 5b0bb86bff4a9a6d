"""A ¥0 order (a free sample, a gift, a replacement, a 0元 promotion) is a purchase that adds nothing to spend."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from solocrm.analytics import btyd, panel
from solocrm.db.database import Database
from solocrm.db.models import Customer
from solocrm.errors import ValidationError
from solocrm.services import customers, orders
from solocrm.services.customers import CustomerInput
from solocrm.services.orders import OrderInput
from solocrm.ui.import_wizard import ImportWizard
from solocrm.ui.record_dialogs import OrderDialog
from tests.conftest import FIXED_NOW
from tests.test_btyd import CALIBRATION_END, CDNOW, PUBLISHED_BGNBD_WEEKS, PUBLISHED_GG

NOW = datetime(2026, 6, 15, 9, 0)


def _figures(db: Database, customer_id: int) -> tuple:
    with db.session() as s:
        c = s.get(Customer, customer_id)
        return c.order_count, c.total_spent_minor, c.stage, c.last_order_at


def test_a_free_order_counts_for_frequency_recency_and_stage_but_not_spend(db: Database) -> None:
    cid, _ = customers.create(db, CustomerInput(name="试吃客人"))
    orders.add_order(db, cid, OrderInput(datetime(2026, 6, 1, 10), 0, product="试吃装"), now=NOW)
    assert _figures(db, cid) == (1, 0, "new", datetime(2026, 6, 1, 10))
    orders.add_order(db, cid, OrderInput(datetime(2026, 6, 10, 10), 12800, product="月饼礼盒"), now=NOW)
    assert _figures(db, cid) == (2, 12800, "repeat", datetime(2026, 6, 10, 10))
    orders.add_order(db, cid, OrderInput(datetime(2026, 6, 12, 10), 0, product="换货"), now=NOW)
    assert _figures(db, cid) == (3, 12800, "repeat", datetime(2026, 6, 12, 10))  # the latest order, no spend
    with pytest.raises(ValidationError, match="cannot be negative"):
        orders.add_order(db, cid, OrderInput(datetime(2026, 6, 13, 10), -100), now=NOW)


def test_the_order_dialog_records_a_free_sample(qtbot, ctx, db) -> None:  # noqa: ANN001
    cid, _ = customers.create(db, CustomerInput(name="张三"))
    dialog = OrderDialog(ctx, cid)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.amount, "0")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _figures(db, cid)[:3] == (1, 0, "new")


def test_a_free_repeat_day_is_a_purchase_for_bgnbd_but_keeps_the_customer_out_of_gamma_gamma() -> None:
    # customer 1: ¥50 on day 10, a free sample on day 12, ¥30 on day 20; customer 2: a free first order, ¥20 later
    s = btyd.summarise(np.array([1, 1, 1, 2, 2]), np.array([10, 12, 20, 1, 5]),
                       np.array([50.0, 0.0, 30.0, 0.0, 20.0]), as_of_day=30)
    assert s.frequency.tolist() == [2, 1]
    assert s.recency.tolist() == [10.0, 4.0]
    assert s.monetary.tolist() == [15.0, 20.0]
    assert s.priced.tolist() == [False, True]  # a spend of 0 has no place under a gamma density


def _cdnow_csv(path: Path) -> Path:
    lines = ["会员号,下单日期,数量,金额"]
    for row in CDNOW.read_text().splitlines():
        _master, member, day, quantity, dollars = row.split()
        lines.append(f"{member},{day},{quantity},{dollars}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_cdnow_imports_every_customer_and_its_free_orders_and_fits_the_published_models(
        db_path: Path, tmp_path: Path) -> None:
    """Eight CDNOW purchases cost $0; refusing them lost customers whose only purchase was one."""
    csv = _cdnow_csv(tmp_path / "cdnow.csv")
    env = {**os.environ, "PYTHONPATH": "src", "TZ": "UTC"}
    done = subprocess.run([sys.executable, "-m", "solocrm", "import", "orders", str(csv), "--db", str(db_path)],
                          capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "6,919 rows read, 6,919 imported" in done.stdout and "0 rejected" in done.stdout
    assert "2,357 new customers" in done.stdout and "8 orders of amount 0" in done.stdout
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("SELECT count(*) FROM customer").fetchone()[0] == 2357
        assert conn.execute('SELECT count(*) FROM "order" WHERE amount_minor = 0').fetchone()[0] == 8
        free_only = conn.execute("SELECT order_count, total_spent_minor FROM customer c JOIN customer_ref r "
                                 "ON r.customer_id = c.id WHERE r.ref = '0087'").fetchone()
    finally:
        conn.close()
    assert free_only == (1, 0)  # CDNOW customer 87 bought once, for $0
    db = Database.open(db_path)
    try:
        models = panel.context(db, panel.end_of_day(CALIBRATION_END, 0), utc_offset=0).models
        bg, gg = models.bgnbd.params, models.gamma_gamma.params
        assert bg is not None and gg is not None and models.gamma_gamma.customers == 946
        assert (round(bg.r, 3), round(bg.a, 3), round(bg.b, 3)) == tuple(
            PUBLISHED_BGNBD_WEEKS[k] for k in ("r", "a", "b"))
        assert bg.alpha / 7 == pytest.approx(PUBLISHED_BGNBD_WEEKS["alpha"], abs=0.001)
        for name, value in PUBLISHED_GG.items():
            assert getattr(gg, name) == pytest.approx(value, abs=0.01), name
    finally:
        db.close()


def test_the_wizard_says_how_many_free_orders_it_takes(ctx, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "orders.csv"
    day = [(FIXED_NOW - timedelta(days=n)).date().isoformat() for n in (3, 2, 1)]
    path.write_text(f"订单号,下单时间,客户姓名,金额\nA1,{day[0]} 10:00,张伟,0\nA2,{day[1]} 10:00,张伟,¥0.00\n"
                    f"A3,{day[2]} 10:00,李娜,100\n", encoding="utf-8")
    wizard = ImportWizard(ctx, kind="orders", path=str(path))
    qtbot.addWidget(wizard)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)  # read the file
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)  # check it
    said = ("2 orders have an amount of 0 (free samples, gifts, replacements): they count as purchases and add "
            "nothing to spend.")
    assert said in wizard.summary.text()
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)  # import
    assert said in wizard.done_summary.text()
    zhang = next(c for c in _ids(ctx.db) if customers.load_input(ctx.db, c).name == "张伟")
    assert _figures(ctx.db, zhang)[:3] == (2, 0, "repeat")


def _ids(db: Database) -> list[int]:
    with db.session() as s:
        return list(s.scalars(Customer.__table__.select().with_only_columns(Customer.id)))


def test_a_negative_amount_in_a_file_stays_a_refund(db: Database, tmp_path: Path) -> None:
    from solocrm.importing import mapping
    from solocrm.importing.engine import ImportOptions, run_import
    from solocrm.importing.sources import open_source

    path = tmp_path / "orders.csv"
    path.write_text("下单时间,客户姓名,金额\n2024-03-01 10:00,王芳,-30\n2024-03-02 10:00,王芳,0\n", encoding="utf-8")
    source = open_source(path)
    report = run_import(db, source, ImportOptions("orders", mapping.guess("orders", source.headers, source.preview)),
                        now=NOW - timedelta(days=1))
    assert (report.created, report.free_orders) == (2, 1)
    conn = sqlite3.connect(db.path)
    try:
        assert conn.execute('SELECT amount_minor, status FROM "order" ORDER BY ordered_at').fetchall() == [
            (3000, "refunded"), (0, "paid")]
    finally:
        conn.close()
