"""What a service call changed, so views refresh only what concerns them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    customer_ids: frozenset[int] = field(default_factory=frozenset)
    customers: bool = False  # the set or order of customers changed (add, delete, archive)
    orders: bool = False
    interactions: bool = False
    surveys: bool = False
    tasks: bool = False
    settings: bool = False

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(
            customer_ids=self.customer_ids | other.customer_ids,
            customers=self.customers or other.customers,
            orders=self.orders or other.orders,
            interactions=self.interactions or other.interactions,
            surveys=self.surveys or other.surveys,
            tasks=self.tasks or other.tasks,
            settings=self.settings or other.settings,
        )

    @classmethod
    def everything(cls) -> "Changes":
        return cls(customers=True, orders=True, interactions=True, surveys=True, tasks=True, settings=True)
