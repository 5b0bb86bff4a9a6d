"""Which column holds what: fields per import kind, guessed from headers and values, saved as presets.

A mapping is ``{header: field key or None}``; None ignores the column and
``custom:<name>`` stores it as a custom field.  Guessing looks at the header
first (Chinese and English synonyms), then at the values (a column of
11-digit mobiles is a phone column whatever its header says).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from solocrm.db.database import Database
from solocrm.db.models import ImportPreset
from solocrm.importing import values
from solocrm.importing.errors import MappingError
from solocrm.translatable import QT_TRANSLATE_NOOP

KINDS = ("customers", "orders", "interactions", "surveys")
Mapping = dict[str, "str | None"]


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str  # English source text; the wizard translates it
    synonyms: tuple[str, ...] = ()


_REF = ("会员号", "会员编号", "会员卡号", "会员id", "卡号", "客户编号", "客户id", "客户号", "客户代码", "客户编码",
        "customerid", "customerno", "customernumber", "memberid", "memberno", "membernumber", "cardno", "clientid")
_NAME = ("姓名", "名字", "客户名称", "客户名", "客户姓名", "客户", "联系人", "联系人姓名", "会员名称", "会员姓名", "会员",
         "顾客", "顾客姓名", "收货人", "买家", "name", "fullname", "customer", "customername", "contact",
         "contactname", "displayname", "client", "clientname")
_PHONE = ("手机", "手机号", "手机号码", "电话", "电话号码", "联系电话", "联系方式", "移动电话", "座机", "固话", "会员手机",
          "手机电话", "mobile", "phone", "phonenumber", "phones", "tel", "telephone", "cell", "mobilephone",
          "cellphone", "mobileno")
_EMAIL = ("邮箱", "电子邮箱", "电子邮件", "邮件", "邮箱地址", "email", "e-mail", "mail", "emailaddress", "emails")

FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "customers": (
        FieldSpec("name", "Name", _NAME),
        FieldSpec("family_name", "Family name", ("姓", "familyname", "lastname", "surname")),
        FieldSpec("given_name", "Given name", ("名", "givenname", "firstname")),
        FieldSpec("phones", "Phones", _PHONE),
        FieldSpec("emails", "Emails", _EMAIL),
        FieldSpec("company", "Company", ("公司", "单位", "公司名称", "工作单位", "企业", "企业名称", "所属公司", "单位名称",
                                         "company", "companyname", "organization", "organisation", "org")),
        FieldSpec("title", "Job title", ("职位", "职务", "头衔", "title", "jobtitle", "position")),
        FieldSpec("wechat_id", "WeChat ID", ("微信", "微信号", "微信id", "wechat", "wechatid", "weixin", "wx")),
        FieldSpec("address", "Address", ("地址", "详细地址", "收货地址", "联系地址", "住址", "通讯地址", "address",
                                         "street")),
        FieldSpec("region", "Province / region", ("省", "省份", "地区", "区域", "所在地区", "所在省份", "province",
                                                  "region", "state")),
        FieldSpec("city", "City", ("城市", "所在城市", "市", "city", "town")),
        FieldSpec("industry", "Industry", ("行业", "所属行业", "industry")),
        FieldSpec("gender", "Gender", ("性别", "gender", "sex")),
        FieldSpec("birthday", "Birthday", ("生日", "出生日期", "出生年月日", "birthday", "birthdate", "dateofbirth",
                                           "dob")),
        FieldSpec("source_channel", "Source channel", ("来源", "客户来源", "来源渠道", "渠道", "获客渠道", "source",
                                                       "leadsource", "channel")),
        FieldSpec("source_campaign", "Campaign", ("活动", "推广活动", "来源活动", "campaign")),
        FieldSpec("consent_marketing", "Marketing consent", ("营销同意", "同意营销", "接受推送", "consent",
                                                             "marketingconsent", "optin")),
        FieldSpec("preferred_hours", "Preferred hours", ("联系时间", "方便联系时间", "preferredhours")),
        FieldSpec("personal_details", "Personal details", ("个人信息", "个人情况", "喜好", "personaldetails")),
        FieldSpec("notes", "Notes", ("备注", "说明", "附注", "notes", "note", "remark", "remarks", "comment",
                                     "comments")),
        FieldSpec("tags", "Tags", ("标签", "客户标签", "分类", "客户分类", "客户类型", "tags", "tag", "labels",
                                   "category", "group", "groups")),
        FieldSpec("ref", "Customer ID (member no.)", _REF),
        FieldSpec("photo", "Photo", ("照片", "头像", "photo", "picture")),
    ),
    "orders": (
        FieldSpec("ref", "Customer ID (member no.)", _REF),
        FieldSpec("customer_name", "Customer name", _NAME),
        FieldSpec("phone", "Customer phone", _PHONE),
        FieldSpec("email", "Customer email", _EMAIL),
        FieldSpec("ordered_at", "Order date", ("下单时间", "订单时间", "日期", "交易时间", "交易日期", "下单日期",
                                               "支付时间", "付款时间", "消费时间", "时间", "销售日期", "订单日期", "date",
                                               "orderdate", "time", "datetime", "createdat", "paidat", "orderedat")),
        FieldSpec("amount", "Amount", ("金额", "实付金额", "实收金额", "订单金额", "消费金额", "交易金额", "支付金额",
                                       "实付", "实收", "总价", "合计", "总金额", "amount", "total", "sales", "revenue",
                                       "paid", "totalamount")),
        FieldSpec("product", "Product", ("商品", "商品名称", "产品", "产品名称", "品名", "服务", "项目", "菜品",
                                         "product", "item", "productname", "itemname", "description")),
        FieldSpec("quantity", "Quantity", ("数量", "件数", "qty", "quantity", "count")),
        FieldSpec("channel", "Channel", ("渠道", "销售渠道", "来源", "平台", "门店", "channel", "source",
                                         "platform", "store")),
        FieldSpec("status", "Status (paid / refunded)", ("状态", "订单状态", "交易状态", "交易类型", "类型",
                                                          "status", "type")),
        FieldSpec("order_no", "Order number", ("订单号", "订单编号", "单号", "流水号", "小票号", "交易号", "交易单号",
                                               "orderno", "ordernumber", "orderid", "receipt", "receiptno",
                                               "transactionid")),
    ),
    "interactions": (
        FieldSpec("ref", "Customer ID (member no.)", _REF),
        FieldSpec("customer_name", "Customer name", _NAME),
        FieldSpec("phone", "Customer phone", _PHONE),
        FieldSpec("email", "Customer email", _EMAIL),
        FieldSpec("occurred_at", "Date", ("时间", "日期", "沟通时间", "联系时间", "跟进时间", "date", "time",
                                          "occurredat", "datetime")),
        FieldSpec("channel", "Channel", ("渠道", "方式", "沟通方式", "联系方式类型", "channel", "via")),
        FieldSpec("direction", "Direction", ("方向", "direction")),
        FieldSpec("summary", "Summary", ("内容", "摘要", "沟通内容", "跟进内容", "记录", "summary", "subject",
                                         "content", "notes")),
        FieldSpec("outcome", "Outcome", ("结果", "跟进结果", "outcome", "result")),
    ),
    "surveys": (
        FieldSpec("ref", "Customer ID (member no.)", _REF),
        FieldSpec("customer_name", "Customer name", _NAME),
        FieldSpec("phone", "Customer phone", _PHONE),
        FieldSpec("email", "Customer email", _EMAIL),
        FieldSpec("responded_at", "Date", ("时间", "日期", "提交时间", "填写时间", "date", "time", "respondedat",
                                           "submittedat")),
        FieldSpec("survey_kind", "Survey kind (CSAT / NPS)", ("类型", "问卷类型", "kind", "type", "survey")),
        FieldSpec("score", "Score", ("分数", "评分", "得分", "满意度", "推荐度", "score", "rating", "nps", "csat")),
        FieldSpec("comment", "Comment", ("评价", "意见", "建议", "留言", "评论", "comment", "comments", "feedback")),
    ),
}

# Each kind needs at least one field of every group here.
REQUIRED: dict[str, tuple[tuple[str, ...], ...]] = {
    "customers": (("name", "family_name", "given_name", "phones", "emails", "ref"),),
    "orders": (("ordered_at",), ("amount",), ("ref", "customer_name", "phone", "email")),
    "interactions": (("occurred_at",), ("summary",), ("ref", "customer_name", "phone", "email")),
    "surveys": (("responded_at",), ("score",), ("ref", "customer_name", "phone", "email")),
}
_NORMALISE = re.compile(r"[\s_\-:：/（）()\[\]【】*#.]+")
_EMAIL_LIKE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_MOBILE_LIKE = re.compile(r"^(?:\+?86)?\s*1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}$")


def field_keys(kind: str) -> set[str]:
    return {f.key for f in FIELDS[kind]}


def normalise_header(header: str) -> str:
    return _NORMALISE.sub("", header.lower())


def _by_synonym(kind: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for spec in FIELDS[kind]:
        for word in spec.synonyms:
            table.setdefault(normalise_header(word), spec.key)
        table.setdefault(normalise_header(spec.key), spec.key)
        table.setdefault(normalise_header(spec.label), spec.key)
    return table


def _sniff(kind: str, cells: list[object]) -> str | None:
    filled = [c for c in cells if values.text(c)]
    if len(filled) < 2:
        return None
    share = lambda test: sum(1 for c in filled if test(c)) / len(filled)  # noqa: E731
    if share(lambda c: bool(_EMAIL_LIKE.match(values.text(c)))) >= 0.8:
        return {"customers": "emails"}.get(kind, "email")
    if share(lambda c: bool(_MOBILE_LIKE.match(values.text(c)))) >= 0.8:
        return {"customers": "phones"}.get(kind, "phone")

    def is_date(c: object) -> bool:
        try:
            values.parse_datetime(c, "dmy")
        except values.CellError:
            return False
        return not isinstance(c, (int, float)) or isinstance(c, bool)

    if share(is_date) >= 0.8:
        return {"customers": "birthday", "orders": "ordered_at", "interactions": "occurred_at",
                "surveys": "responded_at"}[kind]
    if kind == "orders" and share(lambda c: isinstance(c, str) and ("¥" in c or c.endswith("元"))) >= 0.8:
        return "amount"
    return None


def guess(kind: str, headers: Sequence[str], preview: Sequence[Sequence[object]]) -> Mapping:
    """The mapping a user would most likely pick; each field is given to one column at most."""
    synonyms = _by_synonym(kind)
    mapping: Mapping = {}
    taken: set[str] = set()
    for header in headers:
        key = synonyms.get(normalise_header(header))
        if key is None:
            # "联系电话(手机)", "客户名称*": a known word inside a longer header
            norm = normalise_header(header)
            key = next((k for word, k in sorted(synonyms.items(), key=lambda kv: -len(kv[0]))
                        if len(word) >= 3 and word in norm and k not in taken), None)
        if key is not None and key in taken and key not in ("phones", "emails", "tags", "notes"):
            key = None
        mapping[header] = key
        if key:
            taken.add(key)
    for index, header in enumerate(headers):
        if mapping[header] is None:
            key = _sniff(kind, [row[index] for row in preview if index < len(row)])
            if key is not None and key not in taken:
                mapping[header] = key
                taken.add(key)
    return mapping


def validate(kind: str, headers: Sequence[str], mapping: Mapping) -> Mapping:
    """The mapping restricted to ``headers``, or MappingError naming what is missing or unknown."""
    if kind not in KINDS:
        raise MappingError(QT_TRANSLATE_NOOP("errors", "Unknown import kind “{kind}”. Choose one of: {kinds}."),
                           kind=kind, kinds=", ".join(KINDS))
    known = field_keys(kind)
    clean: Mapping = {}
    for header in headers:
        key = mapping.get(header)
        if key is not None and key not in known and not (kind == "customers" and key.startswith("custom:")
                                                         and key[7:].strip()):
            raise MappingError(QT_TRANSLATE_NOOP(
                "errors", "Column “{header}” is mapped to “{key}”, which is not a field of {kind}. Fields: {fields}."),
                header=header, key=key, kind=kind, fields=", ".join(sorted(known)))
        clean[header] = key
    chosen = set(filter(None, clean.values()))
    labels = {f.key: f.label for f in FIELDS[kind]}
    for group in REQUIRED[kind]:
        if not chosen & set(group):
            names = " or ".join(labels[k] for k in group)
            raise MappingError(QT_TRANSLATE_NOOP("errors", "No column is mapped to {fields}. Map one in the wizard or "
                                                           "the mapping file."), fields=names)
    return clean


def load_mapping_file(path: str) -> tuple[Mapping, str | None]:
    """A JSON mapping file: {"columns": {header: field}, "date_order": "dmy"} or just {header: field}."""
    try:
        with open(path, encoding="utf-8-sig") as fh:
            data = json.load(fh)
    except OSError as exc:
        raise MappingError(QT_TRANSLATE_NOOP("errors", "The mapping file {file} cannot be read: {reason}."), file=path,
                           reason=exc.strerror) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise MappingError(QT_TRANSLATE_NOOP("errors", "The mapping file {file} is not valid JSON ({reason})."),
                           file=path, reason=exc) from None
    if not isinstance(data, dict):
        raise MappingError(QT_TRANSLATE_NOOP("errors", "A mapping file holds a JSON object: {example}."),
                           example='{"column header": "field", ...}')
    columns = data.get("columns", data)
    order = data.get("date_order") if "columns" in data else None
    if not isinstance(columns, dict) or not all(isinstance(v, (str, type(None))) for v in columns.values()):
        raise MappingError(QT_TRANSLATE_NOOP(
            "errors", "In a mapping file each column header maps to a field name or null."))
    if order is not None and order not in values.DATE_ORDERS:
        raise MappingError(QT_TRANSLATE_NOOP("errors", "date_order must be one of {orders}."),
                           orders=", ".join(values.DATE_ORDERS))
    return {str(k): v for k, v in columns.items()}, order


def _signature(headers: Sequence[str]) -> str:
    return "\x1f".join(normalise_header(h) for h in headers)


def load_preset(db: Database, kind: str, headers: Sequence[str]) -> Mapping | None:
    with db.session() as session:
        row = session.scalar(select(ImportPreset.mapping).where(ImportPreset.kind == kind,
                                                                 ImportPreset.signature == _signature(headers)))
    if row is None:
        return None
    saved = json.loads(row)
    return {h: saved.get(h) for h in headers}


def save_preset(db: Database, kind: str, headers: Sequence[str], mapping: Mapping) -> None:
    signature = _signature(headers)
    with db.session() as session:
        preset = session.scalar(select(ImportPreset).where(ImportPreset.kind == kind,
                                                           ImportPreset.signature == signature))
        if preset is None:
            preset = ImportPreset(kind=kind, signature=signature, mapping="{}")
            session.add(preset)
        preset.mapping = json.dumps({h: mapping.get(h) for h in headers}, ensure_ascii=False)


def initial(db: Database, kind: str, headers: Sequence[str], preview: Sequence[Sequence[object]]) -> tuple[Mapping, bool]:
    """(mapping, came from a preset): the saved mapping for this layout, else the guess."""
    preset = load_preset(db, kind, headers)
    if preset is not None:
        return preset, True
    return guess(kind, headers, preview), False
