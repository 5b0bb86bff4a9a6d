"""Finding customers who are probably the same person already in the database (the Duplicates tool).

Two customers are linked when they share a normalised phone number or email,
or when their names are near-identical (same characters in another order,
traditional vs simplified, same pinyin) and they share a company or a city.
Linked customers form a group (union-find), so A-B by phone and B-C by email
is one group of three.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select

from solocrm.db.database import Database
from solocrm.db.models import Customer, CustomerEmail, CustomerPhone
from solocrm.importing import names

# Strongest first: a group's reason is the strongest link inside it.
REASONS = ("same phone", "same email", "similar name, same company", "similar name, same city")


@dataclass(frozen=True)
class DuplicateGroup:
    customer_ids: tuple[int, ...]  # oldest first: the suggested one to keep
    names: tuple[str, ...]
    reason: str


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


def find_groups(db: Database, progress: Callable[[int, int], None] | None = None) -> list[DuplicateGroup]:
    links = _Links()
    with db.session() as session:
        people = session.execute(select(Customer.id, Customer.name, Customer.company, Customer.city)
                                 .where(Customer.archived.is_(False)).order_by(Customer.id)).all()
        active = {p.id for p in people}
        for column, owner in ((CustomerPhone.number, CustomerPhone.customer_id),
                              (func.lower(CustomerEmail.address), CustomerEmail.customer_id)):
            reason = 0 if column is CustomerPhone.number else 1
            grouped: dict[str, list[int]] = {}
            for value, cid in session.execute(select(column, owner)):
                if cid in active:
                    grouped.setdefault(value, []).append(cid)
            for ids in grouped.values():
                ids = sorted(set(ids))
                if len(ids) > 1:
                    links.link(ids, reason)
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
                if len(ids) > 1:
                    links.link(sorted(ids), reason)
    members: dict[int, list[int]] = {}
    for cid in list(links.parent):
        members.setdefault(links.find(cid), []).append(cid)
    by_id = {p.id: p for p in people}
    strongest: dict[int, int] = {}
    for (a, _b), reason in links.reason.items():
        root = links.find(a)
        strongest[root] = min(strongest.get(root, reason), reason)
    groups = []
    for root, ids in members.items():
        ids = sorted(set(ids) | {root})
        if len(ids) < 2:
            continue
        groups.append(DuplicateGroup(tuple(ids), tuple(by_id[i].name for i in ids), REASONS[strongest[root]]))
    if progress is not None:
        progress(len(people), len(people))
    groups.sort(key=lambda g: (REASONS.index(g.reason), -len(g.customer_ids), g.customer_ids[0]))
    return groups
