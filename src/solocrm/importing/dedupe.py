"""Finding customers who are probably the same person already in the database (the Duplicates tool).

Customers who share a normalised phone number or email are the same person
by strong evidence, and such links chain: A-B by phone and B-C by email is
one group of three (union-find).  Near-identical names (same characters in
another order, traditional vs simplified, same pinyin) in the same company
or city are weak evidence and do not chain: each such set is a group of its
own, so two customers who share an email never pull in every 王欣 of their
city.  Groups come strongest reason first, smallest first within a reason
(a pair is likelier one person than a crowd of namesakes).

A name group whose customers each have a phone number of their own is
marked ``namesakes``: most likely different people who share a common name
(a shop with 100,000 customers in one city has thousands of such pairs), so
the Duplicates page lists them only when asked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select

from solocrm.db.database import Database
from solocrm.db.models import Customer, CustomerEmail, CustomerPhone
from solocrm.importing import names

# Strongest first.
REASONS = ("same phone", "same email", "similar name, same company", "similar name, same city")


@dataclass(frozen=True)
class Member:
    """What the user compares to decide whether two customers are one person."""

    id: int
    name: str
    phones: tuple[str, ...]  # E.164
    emails: tuple[str, ...]
    company: str | None
    city: str | None
    order_count: int


def members(db: Database, customer_ids: Sequence[int]) -> list[Member]:
    """The customers of a group, in the group's order."""
    with db.session() as session:
        rows = {c.id: c for c in session.scalars(select(Customer).where(Customer.id.in_(customer_ids)))}
        return [Member(c.id, c.name, tuple(p.number for p in c.phones), tuple(e.address for e in c.emails),
                       c.company, c.city, c.order_count) for cid in customer_ids if (c := rows.get(cid))]


@dataclass(frozen=True)
class DuplicateGroup:
    customer_ids: tuple[int, ...]  # oldest first: the suggested one to keep
    names: tuple[str, ...]
    reason: str
    namesakes: bool = False  # alike names only, and each customer has a phone number of their own


class _Links:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}
        self.reason: dict[tuple[int, int], int] = {}

    def find(self, a: int) -> int:
        root = a
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(a, a) != root:
            self.parent[a], a = root, self.parent[a]
        return root

    def link(self, ids: list[int], reason: int) -> None:
        for other in ids[1:]:
            a, b = self.find(ids[0]), self.find(other)
            if a != b:
                self.parent[max(a, b)] = min(a, b)
            self.reason[(ids[0], other)] = reason

    def groups(self) -> dict[tuple[int, ...], int]:
        """Each group's members (ascending) and its strongest link."""
        members: dict[int, list[int]] = {}
        for cid in list(self.parent):
            members.setdefault(self.find(cid), []).append(cid)
        strongest: dict[int, int] = {}
        for (a, _b), reason in self.reason.items():
            root = self.find(a)
            strongest[root] = min(strongest.get(root, reason), reason)
        return {tuple(sorted(set(ids) | {root})): strongest[root] for root, ids in members.items()
                if len(set(ids) | {root}) > 1}


def find_groups(db: Database, progress: Callable[[int, int], None] | None = None) -> list[DuplicateGroup]:
    strong = _Links()
    with db.session() as session:
        people = session.execute(select(Customer.id, Customer.name, Customer.company, Customer.city)
                                 .where(Customer.archived.is_(False)).order_by(Customer.id)).all()
        active = {p.id for p in people}
        phones: dict[int, set[str]] = {}
        for column, owner in ((CustomerPhone.number, CustomerPhone.customer_id),
                              (func.lower(CustomerEmail.address), CustomerEmail.customer_id)):
            reason = 0 if column is CustomerPhone.number else 1
            grouped: dict[str, list[int]] = {}
            for value, cid in session.execute(select(column, owner)):
                if cid in active:
                    grouped.setdefault(value, []).append(cid)
                    if reason == 0:
                        phones.setdefault(cid, set()).add(value)
            for ids in grouped.values():
                ids = sorted(set(ids))
                if len(ids) > 1:
                    strong.link(ids, reason)
    found = strong.groups()
    within = {cid: members for members in found for cid in members}
    buckets: dict[str, list] = {}
    for index, person in enumerate(people):
        buckets.setdefault("c" + names.char_key(person.name), []).append(person)
        pinyin = names.pinyin_key(person.name)
        if pinyin:
            buckets.setdefault("p" + pinyin, []).append(person)
        if progress is not None and index % 5000 == 0:
            progress(index, len(people))
    for bucket in buckets.values():
        if len(bucket) < 2:
            continue
        for attr, reason in (("company", 2), ("city", 3)):
            by_place: dict[str, list[int]] = {}
            for person in bucket:
                place = getattr(person, attr)
                if place:
                    by_place.setdefault(names.simplified(place), []).append(person.id)
            for ids in by_place.values():
                members = tuple(sorted(ids))
                if len(members) > 1 and not set(members) <= set(within.get(members[0], ())):
                    found[members] = min(found.get(members, reason), reason)
    by_id = {p.id: p for p in people}
    if progress is not None:
        progress(len(people), len(people))
    alike_names = REASONS.index("similar name, same company")  # this reason and the weaker ones
    groups = [DuplicateGroup(ids, tuple(by_id[i].name for i in ids), REASONS[reason],
                             reason >= alike_names and _own_phones([phones.get(i, set()) for i in ids]))
              for ids, reason in found.items()]
    groups.sort(key=lambda g: (REASONS.index(g.reason), g.namesakes, len(g.customer_ids), g.customer_ids[0]))
    return groups


def _own_phones(phone_sets: list[set[str]]) -> bool:
    """Whether every customer has a phone number and none of them shares one."""
    return all(phone_sets) and len(set().union(*phone_sets)) == sum(map(len, phone_sets))
