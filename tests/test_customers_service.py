from datetime import date

import pytest

from solocrm.errors import ValidationError
from solocrm.services import customers
from solocrm.services.customers import CustomerInput
from solocrm.services.search import CustomerQuery, customer_ids_statement


def _find(db, text):
    with db.session() as s:
        return list(s.scalars(customer_ids_statement(CustomerQuery(text=text))))


def test_create_normalises_and_is_found_by_name_pinyin_and_phone(db):
    cid, changes = customers.create(
        db, CustomerInput(name="张三", company="好味道烘焙", phones=["138 1234 5678"], emails=["ZS@Example.COM"],
                          tags=["VIP"], birthday=date(1990, 5, 1)))
    assert cid in changes.customer_ids
    for q in ("张三", "张", "zhangsan", "zs", "5678", "1381234", "好味道", "haoweidao", "zs@example.com", "vip"):
        assert _find(db, q) == [cid], q
    assert _find(db, "李四") == []
    data = customers.load_input(db, cid)
    assert data.phones == ["138 1234 5678"]
    assert data.emails == ["ZS@example.com"]


def test_invalid_phone_and_email_save_nothing(db):
    data = CustomerInput(name="王五", phones=["12"], emails=["not-an-email"])
    clean, errors = customers.check(data, "CN")
    assert {e.field for e in errors} == {"phones", "emails"}
    with pytest.raises(ValidationError):
        customers.create(db, data)
    assert _find(db, "王五") == []


def test_update_records_old_and_new_values(db):
    cid, _ = customers.create(db, CustomerInput(name="李四", city="上海"))
    data = customers.load_input(db, cid)
    data.city = "杭州"
    customers.update_customer(db, cid, data)
    from sqlalchemy import select

    from solocrm.db.models import CustomerChange

    with db.session() as s:
        rows = s.execute(select(CustomerChange.field, CustomerChange.old_value, CustomerChange.new_value)
                         .where(CustomerChange.customer_id == cid, CustomerChange.field == "city")).all()
    assert rows == [("city", "上海", "杭州")]


def test_delete_then_restore_brings_back_everything(db):
    cid, _ = customers.create(db, CustomerInput(name="赵六", phones=["13900001111"], tags=["老客"],
                                                custom={"鞋码": "42"}))
    ref, _ = customers.create(db, CustomerInput(name="钱七", referred_by_id=cid))
    snapshot, _ = customers.delete_customer(db, cid)
    assert _find(db, "赵六") == []
    assert customers.load_input(db, ref).referred_by_id is None
    customers.restore_deleted(db, snapshot)
    data = customers.load_input(db, cid)
    assert (data.name, data.tags, data.custom) == ("赵六", ["老客"], {"鞋码": "42"})
    assert _find(db, "13900001111") == [cid]
    assert customers.load_input(db, ref).referred_by_id == cid


def test_undo_delete_after_a_new_customer_was_added_keeps_both(db):
    cid, _ = customers.create(db, CustomerInput(name="孙八", phones=["13700001111"]))
    snapshot, _ = customers.delete_customer(db, cid)
    newcomer, _ = customers.create(db, CustomerInput(name="周九"))
    customers.restore_deleted(db, snapshot)
    assert newcomer != cid
    assert customers.load_input(db, cid).name == "孙八"
    assert customers.load_input(db, newcomer).name == "周九"


def test_a_text_longer_than_its_column_is_refused_with_that_fields_error(db):
    with pytest.raises(ValidationError, match="200 characters") as refused:
        customers.create(db, CustomerInput(name="长" * 5000))
    assert refused.value.field == "name"
    _clean, errors = customers.check(CustomerInput(name="张三", city="城" * 101, tags=["标" * 61],
                                                   custom={"字" * 61: "x"}), "CN")
    assert [(e.field, e.params["limit"]) for e in errors] == [("city", 100), ("tags", 60), ("custom", 60)]
    cid, _ = customers.create(db, CustomerInput(name="长" * 200, city="城" * 100, tags=["标" * 60]))
    assert customers.load_input(db, cid).name == "长" * 200
