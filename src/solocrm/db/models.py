"""The records of domain.md section 2, as SQLAlchemy typed models.

Timestamps are naive UTC; money is integer minor units.  Columns marked
"derived" are caches the services recompute from orders; users never type them.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, deferred, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


# Ids are never reused after a delete, so undo can put a row back under its own id
# and import batches can name what they added by id range.
NO_ID_REUSE = {"sqlite_autoincrement": True}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def max_length(model: type[Base], field: str) -> int | None:
    """The most characters ``model.field`` holds (its ``String(n)``); None for unlimited text.

    The one limit of a text field: the dialogs stop typing there, the services
    refuse more, and the import says so, so whatever is saved exports and
    imports back.
    """
    return getattr(model.__table__.c[field].type, "length", None)


customer_tag = Table(
    "customer_tag",
    Base.metadata,
    Column("customer_id", ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Customer(Base):
    __tablename__ = "customer"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(12), default="person")  # person | organization
    name: Mapped[str] = mapped_column(String(200))
    company: Mapped[str | None] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(100))
    wechat_id: Mapped[str | None] = mapped_column(String(100))
    address: Mapped[str | None] = mapped_column(String(300))
    region: Mapped[str | None] = mapped_column(String(100))
    city: Mapped[str | None] = mapped_column(String(100), index=True)
    industry: Mapped[str | None] = mapped_column(String(100))
    gender: Mapped[str | None] = mapped_column(String(10))
    birthday: Mapped[date | None] = mapped_column(Date)
    source_channel: Mapped[str | None] = mapped_column(String(100))
    source_campaign: Mapped[str | None] = mapped_column(String(100))
    consent_marketing: Mapped[bool] = mapped_column(Boolean, default=False)
    preferred_channel: Mapped[str | None] = mapped_column(String(20))
    preferred_hours: Mapped[str | None] = mapped_column(String(100))
    photo: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    personal_details: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    referred_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("customer.id", ondelete="SET NULL"), index=True
    )
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    # derived from orders (services.figures keeps them current)
    order_count: Mapped[int] = mapped_column(Integer, default=0)
    total_spent_minor: Mapped[int] = mapped_column(Integer, default=0, index=True)
    first_order_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_order_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    last_contact_at: Mapped[datetime | None] = mapped_column(DateTime)
    stage: Mapped[str] = mapped_column(String(12), default="prospect", index=True)
    # lower-cased name, company, pinyin, phone digits, emails, tags: what search matches
    search_text: Mapped[str] = mapped_column(Text, default="")

    phones: Mapped[list["CustomerPhone"]] = relationship(
        back_populates="customer", cascade="all, delete-orphan", order_by="CustomerPhone.position"
    )
    emails: Mapped[list["CustomerEmail"]] = relationship(
        back_populates="customer", cascade="all, delete-orphan", order_by="CustomerEmail.position"
    )
    tags: Mapped[list["Tag"]] = relationship(secondary=customer_tag, order_by="Tag.name")
    custom_values: Mapped[list["CustomFieldValue"]] = relationship(
        back_populates="customer", cascade="all, delete-orphan"
    )
    referred_by: Mapped["Customer | None"] = relationship(remote_side="Customer.id")

    __table_args__ = (Index("ix_customer_archived_name", "archived", "name"), NO_ID_REUSE)


class CustomerPhone(Base):
    __tablename__ = "customer_phone"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    number: Mapped[str] = mapped_column(String(40))  # E.164 where it parses
    label: Mapped[str | None] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0)
    customer: Mapped[Customer] = relationship(back_populates="phones")

    __table_args__ = NO_ID_REUSE


class CustomerEmail(Base):
    __tablename__ = "customer_email"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    address: Mapped[str] = mapped_column(String(254), index=True)
    label: Mapped[str | None] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0)
    customer: Mapped[Customer] = relationship(back_populates="emails")

    __table_args__ = NO_ID_REUSE


class Tag(Base):
    __tablename__ = "tag"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)

    __table_args__ = NO_ID_REUSE


class CustomField(Base):
    """A field the user adds to every customer file (e.g. 鞋码, 孩子年级)."""

    __tablename__ = "custom_field"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = NO_ID_REUSE


class CustomFieldValue(Base):
    __tablename__ = "custom_field_value"

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True
    )
    field_id: Mapped[int] = mapped_column(
        ForeignKey("custom_field.id", ondelete="CASCADE"), primary_key=True
    )
    value: Mapped[str] = mapped_column(Text)
    customer: Mapped[Customer] = relationship(back_populates="custom_values")
    field: Mapped[CustomField] = relationship()


class Order(Base):
    __tablename__ = "order"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    ordered_at: Mapped[datetime] = mapped_column(DateTime)
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    product: Mapped[str | None] = mapped_column(String(200))
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    channel: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(10), default="paid")  # paid | refunded
    order_no: Mapped[str | None] = mapped_column(String(80), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (
        Index("ix_order_customer_ordered", "customer_id", "ordered_at"),
        Index("ix_order_ordered_at", "ordered_at"),
        NO_ID_REUSE,
    )


class Interaction(Base):
    __tablename__ = "interaction"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    occurred_at: Mapped[datetime] = mapped_column(DateTime)
    channel: Mapped[str] = mapped_column(String(20))  # phone wechat email meeting store douyin other
    direction: Mapped[str] = mapped_column(String(10), default="out")  # in | out
    summary: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str | None] = mapped_column(Text)

    __table_args__ = NO_ID_REUSE


class SurveyResponse(Base):
    __tablename__ = "survey_response"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    responded_at: Mapped[datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(10))  # csat | nps
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("order.id", ondelete="SET NULL"))

    __table_args__ = NO_ID_REUSE


class Cadence(Base):
    """"Stay in touch every N days" for one customer or everyone with a tag."""

    __tablename__ = "cadence"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    tag_id: Mapped[int | None] = mapped_column(ForeignKey("tag.id", ondelete="CASCADE"), index=True)
    interval_days: Mapped[int] = mapped_column(Integer)

    __table_args__ = NO_ID_REUSE


class Task(Base):
    __tablename__ = "task"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    due_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    recurrence: Mapped[str] = mapped_column(String(10), default="none")  # none daily weekly monthly yearly
    # first due time of a repeating series: a task on the 31st returns to the 31st after February
    recur_anchor: Mapped[datetime | None] = mapped_column(DateTime)
    notified_at: Mapped[datetime | None] = mapped_column(DateTime)
    cadence_id: Mapped[int | None] = mapped_column(ForeignKey("cadence.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = NO_ID_REUSE


class CustomerChange(Base):
    """One change to a customer's record, shown on its timeline (domain.md 10)."""

    __tablename__ = "customer_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    field: Mapped[str] = mapped_column(String(60))  # a column name, or "created", "stage"...
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)

    __table_args__ = NO_ID_REUSE


class Setting(Base):
    """User preferences kept with the database (JSON-encoded values)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# --- importing: batches, undo journal, presets, external customer numbers ---------------


class ImportBatch(Base):
    """One import (or a Duplicates-tool merge): what came from where, with its counts, for undo."""

    __tablename__ = "import_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # customers | orders | interactions | surveys | merge
    file_name: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    rows_read: Mapped[int] = mapped_column(Integer, default=0)
    created: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    merged: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)


class ImportBatchRange(Base):
    """Ids a batch inserted into one table, first..last inclusive (ids are assigned consecutively)."""

    __tablename__ = "import_batch_range"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id", ondelete="CASCADE"), index=True)
    table_name: Mapped[str] = mapped_column(String(40))
    first_id: Mapped[int] = mapped_column(Integer)
    last_id: Mapped[int] = mapped_column(Integer)


class ImportBatchChange(Base):
    """A value a batch changed on a row it did not create; undo puts ``old_value`` back (JSON)."""

    __tablename__ = "import_batch_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id", ondelete="CASCADE"), index=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(80))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)


class ImportPreset(Base):
    """A column mapping the user confirmed, reused when the same header layout comes back."""

    __tablename__ = "import_preset"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    signature: Mapped[str] = mapped_column(Text)  # the normalised headers, joined
    mapping: Mapped[str] = mapped_column(Text)  # JSON: header -> field key
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    __table_args__ = (Index("ix_import_preset_kind_signature", "kind", "signature", unique=True),)


class CustomerRef(Base):
    """A customer's number in another system (member no. 会员号 of a till or shop), for matching orders."""

    __tablename__ = "customer_ref"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    ref: Mapped[str] = mapped_column(String(80), unique=True)


class ImportOrderKey(Base):
    """The stable key of an imported order without an order number, so a re-import adds nothing."""

    __tablename__ = "import_order_key"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("order.id", ondelete="CASCADE"), index=True)


class ImportInteractionKey(Base):
    """The stable key of an imported interaction (customer, time, channel, summary), so a re-import adds nothing."""

    __tablename__ = "import_interaction_key"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    interaction_id: Mapped[int] = mapped_column(ForeignKey("interaction.id", ondelete="CASCADE"), index=True)


class ImportSurveyKey(Base):
    """The stable key of an imported survey answer (customer, time, kind, score, comment), so a re-import adds nothing."""

    __tablename__ = "import_survey_key"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    survey_response_id: Mapped[int] = mapped_column(ForeignKey("survey_response.id", ondelete="CASCADE"), index=True)


# --- backup (issue 5): settings, run history and the catalog of verified backup files ---


class BackupConfigEntry(Base):
    """Backup settings kept with the database, so ``--db`` alone finds them (JSON values)."""

    __tablename__ = "backup_config"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class BackupRun(Base):
    """One backup run or skip, with its reason: the history the Backup page shows."""

    __tablename__ = "backup_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    trigger: Mapped[str] = mapped_column(String(20))  # manual scheduled catch-up timer restore
    outcome: Mapped[str] = mapped_column(String(20))  # succeeded unverified skipped failed setup
    reason: Mapped[str] = mapped_column(Text, default="")
    file_name: Mapped[str | None] = mapped_column(String(260))
    size: Mapped[int | None] = mapped_column(Integer)


class BackupFile(Base):
    """A backup file written or verified here; rotation trusts only verified entries."""

    __tablename__ = "backup_file"

    name: Mapped[str] = mapped_column(String(260), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)  # from the authenticated manifest
    size: Mapped[int] = mapped_column(Integer)
    file_sha256: Mapped[str] = mapped_column(String(64))
    image_sha256: Mapped[str] = mapped_column(String(64))
    data_fingerprint: Mapped[str] = mapped_column(String(64))  # user data only: "nothing changed" test
    recipient: Mapped[str] = mapped_column(String(100))
    total_rows: Mapped[int] = mapped_column(Integer, default=0)
    verified_at: Mapped[datetime | None] = mapped_column(DateTime)
    pinned: Mapped[str | None] = mapped_column(String(200))  # why it must never be pruned
    problem: Mapped[str | None] = mapped_column(Text)  # last verification failure: quarantined


# --- analytics (issue 4): goals tracked on the Analytics page ---------------------------


class Goal(Base):
    """A measurable target with a deadline (domain.md 8), e.g. repurchase rate 20 % -> 30 % by a date.

    ``baseline`` and ``target`` are in the metric's display unit (percent for
    rates, NPS points, major currency units, customers); the metric is measured
    over the ``window_days`` before the day it is looked at.
    """

    __tablename__ = "goal"

    id: Mapped[int] = mapped_column(primary_key=True)
    metric: Mapped[str] = mapped_column(String(40))  # solocrm.analytics.goals.METRICS key
    threshold_minor: Mapped[int | None] = mapped_column(Integer)  # "share with CLV >= threshold" only
    baseline: Mapped[float] = mapped_column(Float)
    target: Mapped[float] = mapped_column(Float)
    window_days: Mapped[int] = mapped_column(Integer, default=90)
    deadline: Mapped[date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
