"""The one place analytics read the database: whole tables into numpy columns.

Every metric, chart and model works on these arrays, so the database is read
once per data version however many figures the panel shows.  Speed matters
(a million orders should load in about a second), which is why this module
reads through the raw SQLite cursor and lets SQLite pack each order into two
integers: ``customer_id << 32 | unix time`` and ``amount * 2 + paid``, written
into one comma-separated text that numpy parses: no Python object per order.

Times become *local wall-clock seconds* (UTC epoch plus a fixed offset): a
bakery in Hangzhou thinks in Beijing days and months, and 07:30 there is
23:30 UTC the day before.  A fixed offset keeps day arithmetic exact; regions
with daylight saving get their offset as of the analysis date.

Only orders in the business's currency (Settings) are read: adding an order
in dollars to sales in yuan would make every sum wrong (``lifecycle`` counts
the same orders).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

import numpy as np

from solocrm import settings
from solocrm.db.database import Database

DAY = 86_400

# unixepoch() (SQLite 3.38+) parses a timestamp twice as fast as strftime('%s').
_EPOCH = "unixepoch({})" if sqlite3.sqlite_version_info >= (3, 38) else "CAST(strftime('%s', {}) AS INTEGER)"
# One text value for the whole table: SQLite builds it in C without the GIL (so jieba's dictionary loads
# meanwhile) and numpy parses it, where a million row tuples would cost Python most of a second.
_ORDERS_SQL = (
    f"SELECT group_concat(((customer_id << 32) | {_EPOCH.format('ordered_at')}) || ',' || "
    "(amount_minor * 2 + (status = 'paid')), ',') FROM \"order\" WHERE currency = ?"
)
_CUSTOMERS_SQL = (
    f"SELECT id, coalesce({_EPOCH.format('created_at')}, 0), archived, city, source_channel, "
    "coalesce(referred_by_id, 0) FROM customer ORDER BY id"
)
_TAGS_SQL = "SELECT customer_tag.customer_id, tag.name FROM customer_tag JOIN tag ON tag.id = customer_tag.tag_id"
_SURVEYS_SQL = (
    f"SELECT customer_id, {_EPOCH.format('responded_at')}, kind = 'nps', score, comment "
    "FROM survey_response WHERE kind IN ('csat', 'nps') ORDER BY responded_at, id"
)
# Cheap to ask (indexes only, no table scan): changes whenever anything the analytics read changes.
# Editing an existing order changes its customer's cached spend or last order; editing a customer's
# city, tags or source writes a row of history (customer_change).  An edit that changes none of these
# (an order moved to another day between two others) is caught by the GUI's change bus instead.
_VERSION_SQL = (
    "SELECT (SELECT count(*) FROM \"order\"), (SELECT max(id) FROM \"order\"), "
    "(SELECT count(*) FROM survey_response), (SELECT max(id) FROM survey_response), "
    "(SELECT count(*) FROM customer), (SELECT max(id) FROM customer), "
    "(SELECT total(total_spent_minor) FROM customer), (SELECT max(last_order_at) FROM customer), "
    "(SELECT max(id) FROM customer_change), (SELECT count(*) FROM customer_tag), (SELECT count(*) FROM tag)"
)


def local_offset(at: datetime | None = None) -> int:
    """This computer's UTC offset in seconds at ``at`` (naive UTC), for turning stored times into local ones."""
    moment = (at or datetime.now(timezone.utc).replace(tzinfo=None)).replace(tzinfo=timezone.utc)
    offset = moment.astimezone().utcoffset() or timedelta()
    return int(offset.total_seconds())


def to_local_seconds(utc_naive: datetime, utc_offset: int) -> int:
    return int(utc_naive.replace(tzinfo=timezone.utc).timestamp()) + utc_offset


@dataclass(frozen=True)
class Frames:
    """Customers, tags, orders and survey answers as aligned numpy columns.

    Customers are sorted by id; every other table refers to them by position
    (``*_customer`` columns are indexes into the customer columns).  Orders are
    sorted by (customer, time), survey answers by time.
    """

    utc_offset: int
    customer_id: np.ndarray  # int64
    created: np.ndarray  # int64 local seconds
    archived: np.ndarray  # bool
    city: np.ndarray  # object: str | None
    source: np.ndarray  # object: str | None
    referrer: np.ndarray  # int64 index of the referring customer, -1 for none
    tag_customer: np.ndarray  # int64 index
    tag_name: np.ndarray  # object
    order_customer: np.ndarray  # int64 index
    order_ts: np.ndarray  # int64 local seconds
    order_amount: np.ndarray  # int64 minor units
    order_paid: np.ndarray  # bool (False = refunded)
    survey_customer: np.ndarray  # int64 index
    survey_ts: np.ndarray  # int64 local seconds
    survey_nps: np.ndarray  # bool: NPS (0-10) answer, else CSAT (1-5)
    survey_score: np.ndarray  # int64
    survey_comment: np.ndarray  # object: str | None
    # Results derived from these arrays alone (snapshots at an instant), shared by every figure computed on them.
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def customers(self) -> int:
        return len(self.customer_id)

    def index_of(self, customer_id: int) -> int | None:
        i = int(np.searchsorted(self.customer_id, customer_id))
        return i if i < len(self.customer_id) and self.customer_id[i] == customer_id else None


def data_version(db: Database) -> tuple[Any, ...]:
    """What the analytics depend on, in a tuple that changes whenever the data does.

    Settings are part of it (churn days change every figure).  Costs a few
    milliseconds on a database of a million orders.
    """
    with db.session() as session:
        cursor = session.connection().connection.dbapi_connection.cursor()
        try:
            counts = tuple(cursor.execute(_VERSION_SQL).fetchone())
            stored = tuple(sorted(cursor.execute("SELECT key, value FROM setting").fetchall()))
        finally:
            cursor.close()
    return counts + stored


def _object_column(values: tuple[Any, ...]) -> np.ndarray:
    column = np.empty(len(values), dtype=object)
    column[:] = values
    return column


def load(db: Database, utc_offset: int) -> Frames:
    """Read every table the analytics need, in one unit of work (one consistent snapshot)."""
    with db.session() as session:
        currency = settings.stored(session, "currency")
        cursor = session.connection().connection.dbapi_connection.cursor()
        try:
            packed = cursor.execute(_ORDERS_SQL, (currency,)).fetchone()[0]
            orders = (np.fromstring(packed, dtype=np.int64, sep=",") if packed else np.empty(0, np.int64))
            orders = orders.reshape(-1, 2)
            del packed
            customers = cursor.execute(_CUSTOMERS_SQL).fetchall()
            tags = cursor.execute(_TAGS_SQL).fetchall()
            surveys = cursor.execute(_SURVEYS_SQL).fetchall()
        finally:
            cursor.close()
    return _build(orders, customers, tags, surveys, utc_offset)


def _columns(rows: list[tuple], width: int) -> list[tuple]:
    """Rows to columns in one C-level pass (zip), also for an empty table."""
    return list(zip(*rows)) if rows else [()] * width


def _build(orders: np.ndarray, customers: list[tuple], tags: list[tuple], surveys: list[tuple],
           utc_offset: int) -> Frames:
    c_id, c_created, c_archived, c_city, c_source, c_referred = _columns(customers, 6)
    t_customer, t_name = _columns(tags, 2)
    s_customer, s_ts, s_nps, s_score, s_comment = _columns(surveys, 5)
    ids = np.array(c_id, dtype=np.int64)
    referred = np.array(c_referred, dtype=np.int64)
    position = np.searchsorted(ids, referred)
    known = (referred > 0) & (position < len(ids))
    known[known] = ids[position[known]] == referred[known]
    referrer = np.where(known, position, -1)

    # The packed key sorts orders by (customer, time) in one pass.
    order = np.argsort(orders[:, 0], kind="stable")
    key = orders[order, 0]
    value = orders[order, 1]
    return Frames(
        utc_offset=utc_offset,
        customer_id=ids,
        created=np.array(c_created, dtype=np.int64) + utc_offset,
        archived=np.array(c_archived, dtype=bool),
        city=_object_column(c_city),
        source=_object_column(c_source),
        referrer=referrer.astype(np.int64),
        tag_customer=np.searchsorted(ids, np.array(t_customer, dtype=np.int64)).astype(np.int64),
        tag_name=_object_column(t_name),
        order_customer=np.searchsorted(ids, key >> 32).astype(np.int64),
        order_ts=(key & 0xFFFFFFFF) + utc_offset,
        order_amount=value >> 1,
        order_paid=(value & 1).astype(bool),
        survey_customer=np.searchsorted(ids, np.array(s_customer, dtype=np.int64)).astype(np.int64),
        survey_ts=np.array(s_ts, dtype=np.int64) + utc_offset,
        survey_nps=np.array(s_nps, dtype=bool),
        survey_score=np.array(s_score, dtype=np.int64),
        survey_comment=_object_column(s_comment),
    )
