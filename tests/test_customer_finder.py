"""The list's in-memory search must find exactly what the SQL search finds."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solocrm.services import customers
from solocrm.services.changes import Changes
from solocrm.services.customer_finder import CustomerFinder
from solocrm.services.customer_rows import find_ids
from solocrm.services.customers import CustomerInput
from solocrm.services.search import CustomerQuery

NAMES = ["张三", "张伟", "李四", "王芳", "赵敏", "Zhang Wei", "欧阳娜娜", "陈晓"]
COMPANIES = [None, "好味道烘焙", "晨光设计工作室", "Acme Trading"]
CITIES = ["上海", "北京", "杭州"]


def _fill(db, n: int = 60) -> None:
    rng = random.Random(7)
    for i in range(n):
        customers.create(db, CustomerInput(
            name=rng.choice(NAMES), company=rng.choice(COMPANIES), city=rng.choice(CITIES),
            phones=[f"13{rng.randint(100000000, 999999999)}"], tags=rng.sample(["VIP", "老客", "批发"], rng.randint(0, 2)),
            emails=[f"user{i}@example.com"] if i % 3 == 0 else [],
            wechat_id="wx_a*b?[1]%" if i % 10 == 0 else None,  # wildcards of LIKE and GLOB, to be found as typed
        ))


QUERIES = st.one_of(
    st.sampled_from(["张", "zs", "zhang", "zw", "好味", "138", "13", "vip", "老客", "example", "上海", "z w",
                     "ouyang", "oynn", "晨光", "acme", "1", "x", "", " ", "张 好",
                     "wx_", "_a*", "a*b", "b?[", "[1]", "1]%", "x_a", "wxa", "a?b"]),
    st.text(alphabet="张三李四zhangsw13890 -*?[]%_", max_size=6),
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(sequence=st.lists(QUERIES, min_size=1, max_size=5), city=st.sampled_from([None, "上海"]),
       sort=st.sampled_from(["name", "city", "created_at"]))
def test_typing_any_sequence_finds_what_sql_finds(db, sequence, city, sort):
    if not find_ids(db, CustomerQuery()):
        _fill(db)
    finder = CustomerFinder(db)
    for text in sequence:
        query = CustomerQuery(text=text, cities=(city,) if city else (), sort=sort)
        assert finder.find(query) == find_ids(db, query), text


def test_edits_are_found_after_the_change_is_announced(db):
    _fill(db, 5)
    finder = CustomerFinder(db)
    assert finder.find(CustomerQuery(text="孙悟空")) == []
    cid, changes = customers.create(db, CustomerInput(name="孙悟空", phones=["13912345678"]))
    finder.forget(changes)
    assert finder.find(CustomerQuery(text="swk")) == [cid]
    data = customers.load_input(db, cid)
    data.name = "猪八戒"
    finder.forget(customers.update_customer(db, cid, data))
    assert finder.find(CustomerQuery(text="swk")) == []
    assert finder.find(CustomerQuery(text="zbj")) == [cid]
    _snapshot, changes = customers.delete_customer(db, cid)
    finder.forget(changes)
    assert finder.find(CustomerQuery(text="zbj")) == []
    assert finder.find(CustomerQuery()) == find_ids(db, CustomerQuery())
    finder.forget(Changes(customers=True))
    assert finder.find(CustomerQuery(text="138")) == find_ids(db, CustomerQuery(text="138"))


def test_drill_down_to_a_large_set_of_customers(db):
    _fill(db, 30)
    everyone = find_ids(db, CustomerQuery())
    chosen = frozenset(everyone[::3]) | frozenset(range(10**6, 10**6 + 40000))  # more ids than SQLite binds
    finder = CustomerFinder(db)
    assert finder.find(CustomerQuery(ids=chosen)) == [cid for cid in everyone if cid in chosen]
    assert finder.find(CustomerQuery(ids=chosen, text="上海")) == [
        cid for cid in find_ids(db, CustomerQuery(text="上海")) if cid in chosen]


def test_words_holding_wildcards_are_found_as_typed_without_crashing_the_search(db):
    # "三?四%3a" made SQLite 3.40 crash when asked through the trigram index as a GLOB with a [?] class.
    _fill(db)
    finder = CustomerFinder(db)
    with_wechat = find_ids(db, CustomerQuery(text="wx_a"))
    assert with_wechat  # the filled customers with that WeChat ID
    for word in ("三?四%3a", "wx_a*b?[1]%", "a*b", "b?[", "[1]%"):
        query = CustomerQuery(text=word)
        expected = [] if word == "三?四%3a" else with_wechat
        assert find_ids(db, query) == finder.find(query) == expected, word
