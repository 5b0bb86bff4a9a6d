"""Finding customers as the user types.

Each customer row carries ``search_text``: lower-cased name and company, their
pinyin in full and as initials (张三 -> "zhangsan zs"), phone digits, emails,
WeChat ID and tags.  An FTS5 trigram index over it answers queries of three or
more characters (by GLOB: a substring test); shorter ones scan with LIKE, which
is fast enough at 100,000 rows and the only way to match one or two characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, repeat
from operator import itemgetter

from sqlalchemy import Select, bindparam, column, exists, literal_column, select, table

from solocrm.db.models import Customer, Tag, customer_tag
from solocrm.locations import shipped_dir

_HAN = re.compile(r"[\u3400-\u9fff]")
_DIGITS_ONLY = re.compile(r"^[\d\s\-+()（）]+$")
# A word with these goes to the LIKE scan: as a GLOB it would need [*] classes, and SQLite up to at least 3.40
# crashes on a class in a pattern over a trigram index without positions (tests/test_customer_finder.py types them).
_GLOB_WILDCARDS = re.compile(r"[*?\[]")


@lru_cache(maxsize=1)
def _readings() -> dict[str, str]:
    """Each Chinese character's syllable (张 -> zhang), from the table packaging/pinyin_table.py writes."""
    table = shipped_dir("resources") / "pinyin" / "hanzi.txt"
    readings: dict[str, str] = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        syllable, chars = line.split("\t")
        readings.update(dict.fromkeys(chars, syllable))
    return readings


class _Syllables(dict[str, str]):
    """Each character's syllable, worked out the first time it is asked for: a look-up in C after that."""

    def __missing__(self, char: str) -> str:
        read = self[char] = _readings().get(char, char) if _HAN.match(char) else ""
        return read


_SYLLABLES = _Syllables()
_FIRST = itemgetter(0)


def syllable(char: str) -> str:
    """One character's pinyin as read alone (张 -> zhang); "" for a character that is not Chinese."""
    return _SYLLABLES[char]


@lru_cache(maxsize=1 << 17)
def pinyin_keys(value: str | None) -> str:
    """"zhangsan zs" for 张三; "" when ``value`` has no Chinese characters.

    Remembered per text: names, companies and cities repeat across a customer
    file, and an import asks for each twice (search text and duplicate keys).
    """
    syllables = list(filter(None, map(_SYLLABLES.__getitem__, value or "")))
    return "".join(syllables) + " " + "".join(map(_FIRST, syllables)) if syllables else ""


def search_texts(
    names: Sequence[str],
    companies: Sequence[str | None],
    phone_digits: Iterable[Iterable[str]],
    emails: Iterable[Iterable[str]],
    wechat_ids: Iterable[str | None],
    tags: Iterable[Iterable[str]],
) -> Iterator[str]:
    """Each customer's ``search_text``, from their values given column by column.

    The loop over customers runs in C (map, zip, chain), without a Python
    call per customer: an import builds a hundred thousand of these.
    """
    fixed = zip(names, companies, map(pinyin_keys, names), map(pinyin_keys, companies), wechat_ids)
    parts = map(filter, repeat(None), map(chain, fixed, phone_digits, emails, tags))  # empty parts left out
    return map(str.lower, map(" | ".join, parts))


def build_search_text(
    name: str,
    company: str | None,
    phone_digits: Iterable[str],
    emails: Iterable[str],
    wechat_id: str | None,
    tags: Iterable[str],
) -> str:
    """One customer's ``search_text``: its parts joined by " | " and lower-cased (see ``search_texts``)."""
    return next(search_texts([name], [company], [phone_digits], [emails], [wechat_id], [tags]))


SORT_COLUMNS = {
    "name": Customer.name,
    "company": Customer.company,
    "city": Customer.city,
    "stage": Customer.stage,
    "order_count": Customer.order_count,
    "total_spent": Customer.total_spent_minor,
    "last_order_at": Customer.last_order_at,
    "created_at": Customer.created_at,
}


@dataclass(frozen=True)
class CustomerQuery:
    """What the customer list shows: search text, filters and sort order."""

    text: str = ""
    tags: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    min_spent_minor: int | None = None
    last_order_after: object | None = None  # datetime
    last_order_before: object | None = None
    include_archived: bool = False
    ids: frozenset[int] | None = field(default=None)  # restrict to these (drill-down)
    sort: str = "name"
    descending: bool = False


# A second name for the customer table, so the LIKE subquery is not correlated with the outer one.
_SCANNED = Customer.__table__.alias("scanned")


def query_words(raw: str) -> list[str]:
    """The words every match must contain, lower-cased as ``search_text`` is.

    A query of digits and separators ("138-1234", "(021) 6234") is one run of
    digits, because phone digits are stored without separators.
    """
    q = raw.strip().lower()
    if _DIGITS_ONLY.match(q) and sum(c.isdigit() for c in q) >= 2:
        return [re.sub(r"\D", "", q)]
    return q.split()


def _text_condition(q: str):  # noqa: ANN202 - SQL expression
    if len(q) >= 3 and not _GLOB_WILDCARDS.search(q):
        # The trigram index answers GLOB: it picks the rows holding all of the word's trigrams, then checks them.
        fts = table("customer_fts", column("search_text"))
        return Customer.id.in_(
            select(literal_column("rowid"))
            .select_from(fts)
            .where(fts.c.search_text.op("GLOB")(bindparam("fts", f"*{q}*", unique=True)))
        )
    escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    # Too short for the trigram index (or holding * ? [), so every row is read.  As a subquery that
    # is one sequential scan; as a plain WHERE term SQLite walks the name index for the ORDER BY
    # and fetches each row by id, 3-4x slower at 100,000 customers (bench/search.py).
    return Customer.id.in_(
        select(_SCANNED.c.id).where(_SCANNED.c.search_text.like(f"%{escaped}%", escape="\\"))
    )


def customer_ids_statement(query: CustomerQuery) -> Select:
    """The SELECT of customer ids, filtered and sorted, for the list to page through."""
    conditions = []
    if not query.include_archived:
        conditions.append(Customer.archived.is_(False))
    for word in query_words(query.text):
        conditions.append(_text_condition(word))
    if query.tags:
        conditions.append(
            exists().where(
                customer_tag.c.customer_id == Customer.id,
                customer_tag.c.tag_id == Tag.id,
                Tag.name.in_(query.tags),
            )
        )
    if query.stages:
        conditions.append(Customer.stage.in_(query.stages))
    if query.cities:
        conditions.append(Customer.city.in_(query.cities))
    if query.min_spent_minor is not None:
        conditions.append(Customer.total_spent_minor >= query.min_spent_minor)
    if query.last_order_after is not None:
        conditions.append(Customer.last_order_at >= query.last_order_after)
    if query.last_order_before is not None:
        conditions.append(Customer.last_order_at < query.last_order_before)
    if query.ids is not None:
        conditions.append(Customer.id.in_(sorted(query.ids)))
    column = SORT_COLUMNS[query.sort]
    order = column.desc() if query.descending else column.asc()
    return select(Customer.id).where(*conditions).order_by(order, Customer.id)
