"""Demo data (演示数据): two years of a Chinese one-person bakery studio, generated fast.

The demo has to show every screen with believable figures (seasonal peaks,
loyal, one-off and churned customers, satisfied and angry comments) and has to
stress the app at the size it promises: 100,000 customers and about a million
orders in under a minute.  That is why this module looks unlike the other
services:

- no ORM objects; rows are tuples streamed in batches through the raw sqlite3
  connection, inside one transaction, with ``synchronous=OFF`` for its length;
- every weighted choice is a pre-expanded pool indexed by ``getrandbits``;
- time is an integer count of seconds from the start of the window, turned
  into SQLAlchemy's stored text form through a per-day / per-second lookup;
- orders follow a BG/NBD-like process (a gamma-distributed purchase rate, a
  beta-distributed chance of dropping out after each purchase) run on a time
  axis warped by the seasonal weight of each day, so festivals and weekends get
  more orders without a rejection loop.

The cached customer columns (counts, spend, stage, search text) are computed
with the same ``lifecycle.stage_of`` and ``search.build_search_text`` the
services use, so the result is what ``lifecycle.refresh`` would produce.
Everything comes from one ``random.Random(seed)``: same seed and ``now``, same
database.
"""

from __future__ import annotations

import random
import sqlite3
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import cache
from itertools import accumulate
from typing import NamedTuple, TypeVar

from solocrm import settings
from solocrm.db.database import Database
from solocrm.db.ids import first_free_id
from solocrm.db.models import utcnow
from solocrm.errors import UserError
from solocrm.services import contact_values, search
from solocrm.services.lifecycle import OrderStats, stage_of
from solocrm.services.tasks import STAY_IN_TOUCH_TITLE
from solocrm.translatable import QT_TRANSLATE_NOOP

T = TypeVar("T")

WINDOW_DAYS = 730  # two years of order history before ``now``
DAY = 86_400
BATCH_CUSTOMERS = 1_000  # customers per executemany round; also the progress step
# The business is in China: shop hours and "today" are Beijing time, storage is UTC.
BUSINESS_TZ = timezone(timedelta(hours=8))
_POOL_BITS = 10  # weighted pools hold 1024 entries
# Real files hold some people twice (a walk-in typed at the till, then imported from WeChat): about 3 in
# 1,000 customers repeat an earlier one's name and city with that customer's phone or email, so the
# Duplicates page has true pairs to show among the namesakes.
ENTERED_TWICE = 0.003
_SOD_BITS = 12  # 4096 pre-drawn order times of day

# --- vocabulary ------------------------------------------------------------------------

# Share in per mille of the population (2020 census order), compound surnames rare.
SURNAMES: tuple[tuple[str, float], ...] = (
    ("王", 71), ("李", 70), ("张", 67), ("刘", 54), ("陈", 45), ("杨", 31), ("黄", 22), ("赵", 21),
    ("吴", 20), ("周", 19), ("徐", 13), ("孙", 12), ("马", 12), ("朱", 11), ("胡", 11), ("郭", 10),
    ("何", 10), ("林", 10), ("高", 10), ("罗", 9), ("郑", 8), ("梁", 8), ("谢", 7), ("宋", 6),
    ("唐", 6), ("许", 6), ("韩", 5), ("冯", 5), ("邓", 5), ("曹", 5), ("彭", 5), ("曾", 5),
    ("肖", 5), ("田", 4), ("董", 4), ("袁", 4), ("潘", 4), ("于", 4), ("蒋", 4), ("蔡", 4),
    ("余", 4), ("杜", 4), ("叶", 4), ("程", 4), ("苏", 3), ("魏", 3), ("吕", 3), ("丁", 3),
    ("任", 3), ("沈", 3), ("姚", 3), ("卢", 3), ("姜", 3), ("崔", 3), ("钟", 3), ("谭", 3),
    ("陆", 3), ("汪", 3), ("范", 3), ("金", 3), ("石", 3), ("廖", 2), ("贾", 2), ("夏", 2),
    ("韦", 2), ("付", 2), ("方", 2), ("白", 2), ("邹", 2), ("孟", 2), ("熊", 2), ("秦", 2),
    ("邱", 2), ("江", 2), ("尹", 2), ("薛", 2), ("闫", 2), ("段", 2), ("雷", 2), ("侯", 2),
    ("龙", 2), ("史", 2), ("陶", 1), ("黎", 1), ("贺", 1), ("顾", 1), ("毛", 1), ("郝", 1),
    ("龚", 1), ("邵", 1), ("万", 1), ("钱", 1), ("严", 1), ("武", 1), ("戴", 1), ("莫", 1),
    ("孔", 1), ("汤", 1), ("欧阳", 0.3), ("司马", 0.05), ("诸葛", 0.05), ("上官", 0.05),
)
GIVEN_FEMALE = "芳娜敏静丽艳娟霞秀玲婷雪慧颖琳倩欣怡梦佳悦晶燕萍红洁蕾薇璐瑶思雨涵可馨月婉琪露"
GIVEN_MALE = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆旭宁龙林阳建国志文东海晨轩博然睿泽"
GIVEN_SHARED = "子一安嘉文欣"  # characters both sexes use as the first of two

COMPANY_BRANDS = (
    "青禾", "星辰", "云帆", "鼎盛", "华远", "博雅", "嘉禾", "恒信", "锦程", "悦享", "明德", "乐活",
    "山海", "木子", "一禾", "知行", "拾光", "小鹿", "橙子", "麦田", "蓝鲸", "风语", "新元", "瑞丰",
    "同创", "晨曦", "千寻", "安心", "众诚", "优品", "远航", "半夏", "南山", "初心", "繁星", "栗子",
)
# (business, industry) for 有限公司
COMPANY_BUSINESSES = (
    ("文化传媒", "传媒"), ("网络科技", "互联网"), ("信息技术", "互联网"), ("贸易", "贸易"),
    ("餐饮管理", "餐饮"), ("教育咨询", "教育"), ("建筑装饰", "建筑"), ("电子商务", "电商"),
    ("健康管理", "医疗健康"), ("广告", "广告"), ("物业服务", "物业"), ("财税咨询", "财税服务"),
    ("生物科技", "生物医药"), ("旅游发展", "旅游"),
)
STUDIO_KINDS = (("设计", "设计"), ("摄影", "摄影"), ("插画", "设计"), ("舞蹈", "文化艺术"),
                ("瑜伽", "健身"), ("美甲", "美业"), ("音乐", "教育"), ("书法", "教育"), ("陶艺", "文化艺术"))
SHOP_KINDS = (("花艺", "零售"), ("奶茶", "餐饮"), ("服装", "零售"), ("宠物", "零售"), ("眼镜", "零售"),
              ("母婴", "零售"), ("水果", "零售"), ("咖啡", "餐饮"), ("书", "零售"))
CONTACT_TITLES = (("行政主管", 5), ("行政专员", 4), ("人事经理", 3), ("总经理", 2), ("采购", 3),
                  ("老板", 4), ("前台", 2), ("办公室主任", 2), ("设计总监", 1), ("店长", 3))

PERSON_INDUSTRIES = (
    (None, 30), ("互联网", 12), ("教育", 9), ("医疗", 6), ("金融", 6), ("制造业", 5), ("零售", 5),
    ("餐饮", 4), ("设计", 4), ("政府/事业单位", 5), ("自由职业", 5), ("学生", 4), ("房地产", 2), ("物流", 2),
)

# (city, province, weight, districts); the studio is in Hangzhou, online orders come from afar.
CITIES: tuple[tuple[str, str, float, tuple[str, ...]], ...] = (
    ("杭州", "浙江省", 40, ("西湖区", "上城区", "拱墅区", "滨江区", "余杭区", "萧山区", "临平区", "钱塘区")),
    ("上海", "上海市", 6, ("浦东新区", "徐汇区", "静安区", "闵行区", "长宁区")),
    ("北京", "北京市", 4, ("朝阳区", "海淀区", "东城区", "西城区", "丰台区")),
    ("宁波", "浙江省", 4, ("海曙区", "鄞州区", "江北区")),
    ("绍兴", "浙江省", 3, ("越城区", "柯桥区")),
    ("嘉兴", "浙江省", 3, ("南湖区", "秀洲区")),
    ("苏州", "江苏省", 3, ("姑苏区", "工业园区", "吴中区")),
    ("深圳", "广东省", 3, ("南山区", "福田区", "宝安区")),
    ("广州", "广东省", 3, ("天河区", "越秀区", "海珠区")),
    ("湖州", "浙江省", 2, ()), ("温州", "浙江省", 2, ()), ("南京", "江苏省", 2, ()),
    ("成都", "四川省", 2, ()), ("金华", "浙江省", 1.5, ()), ("武汉", "湖北省", 1.5, ()),
    ("重庆", "重庆市", 1.5, ()), ("台州", "浙江省", 1, ()), ("无锡", "江苏省", 1, ()),
    ("西安", "陕西省", 1, ()), ("长沙", "湖南省", 1, ()), ("郑州", "河南省", 1, ()),
    ("合肥", "安徽省", 1, ()), ("厦门", "福建省", 1, ()), ("天津", "天津市", 1, ()),
    ("青岛", "山东省", 1, ()), ("济南", "山东省", 0.8, ()), ("福州", "福建省", 0.7, ()),
    ("昆明", "云南省", 0.6, ()), ("南昌", "江西省", 0.6, ()), ("沈阳", "辽宁省", 0.5, ()),
)
ROADS = ("人民路", "解放路", "中山路", "建设路", "文一路", "文三路", "延安路", "南京路", "长江路", "和平路",
         "新华路", "学院路", "滨江大道", "创业路", "凤起路", "庆春路", "天目山路", "教工路", "莫干山路", "江南大道")

# (source channel, weight, the order channel such customers mostly use)
SOURCES = (
    ("朋友推荐", 18, "微信"), ("微信", 16, "微信"), ("门店", 18, "门店"), ("抖音", 11, "抖音"),
    ("小红书", 11, "小程序"), ("美团", 10, "美团"), ("大众点评", 6, "门店"), ("线下活动", 4, "门店"),
    ("饿了么", 6, "饿了么"),
)
ORDER_CHANNELS = (("门店", 30), ("微信", 25), ("美团", 15), ("小程序", 10), ("抖音", 6),
                  ("饿了么", 6), ("电话", 4), ("小红书", 4))
CAMPAIGNS = ("{y}双十一预售", "{y}春节年货节", "{y}中秋月饼季", "店庆三周年", "小红书探店合作", "抖音直播间专享")

TAG_NAMES = ("VIP", "老客", "企业客户", "批发", "学生", "宝妈", "团购团长", "网红博主", "价格敏感",
             "需开发票", "生日会员")

# (product, price points in yuan, min quantity, max quantity, weight).  Regulars buy
# everyday bakes; occasional customers buy for an occasion; businesses buy in bulk.
EVERYDAY_PRODUCTS = (
    ("欧包", (18, 22, 26, 32), 1, 4, 14), ("吐司", (16, 22, 28), 1, 3, 10), ("可颂", (12, 15), 2, 6, 8),
    ("芝士蛋糕切块", (32, 38), 1, 3, 7), ("曲奇礼盒", (68, 98), 1, 2, 2), ("下午茶套餐", (128, 168), 1, 1, 2),
    ("生日蛋糕（6寸）", (168, 188, 198), 1, 1, 1),
)
OCCASION_PRODUCTS = (
    ("生日蛋糕（6寸）", (168, 188, 198), 1, 1, 10), ("生日蛋糕（8寸）", (238, 268, 298), 1, 1, 9),
    ("生日蛋糕（10寸）", (328, 368), 1, 1, 3), ("定制翻糖蛋糕", (588, 888, 1288), 1, 1, 1.5),
    ("曲奇礼盒", (68, 98), 1, 2, 5), ("下午茶套餐", (128, 168), 1, 1, 4), ("欧包", (18, 22, 26, 32), 1, 4, 5),
    ("烘焙体验课", (199, 299), 1, 2, 3), ("亲子烘焙课", (258, 328), 1, 1, 2),
    ("烘焙系统课（8节）", (2680, 3280), 1, 1, 0.4), ("会员储值卡", (500, 1000, 2000), 1, 1, 0.6),
)
BUSINESS_PRODUCTS = (
    ("企业下午茶（20人份）", (880, 1280, 1680), 1, 2, 6), ("员工生日会蛋糕", (368, 468), 1, 2, 4),
    ("节日员工福利礼盒", (128, 168, 218), 10, 40, 1), ("会议茶歇", (600, 900, 1200), 1, 1, 4),
    ("团建烘焙课（包场）", (3800, 5800), 1, 1, 0.5), ("欧包（批发）", (15, 18), 20, 60, 2),
    ("生日蛋糕（8寸）", (238, 268, 298), 1, 2, 3), ("可颂", (12, 15), 10, 30, 3),
)
# (season, product, price points, person quantities, company quantities, share of that season's orders)
SEASONAL_PRODUCTS = (
    ("mid_autumn", "月饼礼盒", (168, 198, 268, 328), (1, 4), (5, 40), 0.45),
    ("spring", "新春年货礼盒", (198, 268, 368), (1, 3), (5, 30), 0.35),
    ("valentine", "情人节限定蛋糕", (299, 399), (1, 1), (1, 2), 0.4),
    ("christmas", "圣诞树桩蛋糕", (268, 328), (1, 1), (1, 5), 0.35),
)

# Seasonal specials keyed by season, with the quantity ranges turned into (min, span).
_SEASONAL = {
    season: (product, tuple(p * 100 for p in prices), (pq[0], pq[1] - pq[0] + 1), (cq[0], cq[1] - cq[0] + 1), share)
    for season, product, prices, pq, cq, share in SEASONAL_PRODUCTS
}

# (summary template, direction, outcomes); {p} is a product the customer bought
INTERACTIONS = (
    ("咨询{p}的价格和口味", "in", ("已下单", "已报价，等待回复", "客户说再考虑一下")),
    ("确认{p}的取货时间", "out", ("已确认", "改到第二天取")),
    ("询问{p}能否加急制作", "in", ("已安排加急", "当天排满，约了次日")),
    ("反馈{p}收到了，很满意", "in", ("已感谢，送了优惠券", None)),
    ("预订{p}，要求写祝福语", "in", ("已下单", "已记录祝福语")),
    ("回访上次购买的{p}", "out", ("客户表示满意", "客户提了改进建议", "未接通，改天再联系")),
    ("询问会员折扣和积分", "in", ("已说明会员规则", "已办理会员")),
    ("咨询烘焙课程排期", "in", ("已报名", "等下期开课再联系")),
    ("节日问候", "out", (None, "客户回复了祝福")),
    ("发送新品上架通知", "out", (None, "客户表示感兴趣")),
    ("生日祝福并赠送优惠券", "out", ("客户已领券", None)),
    ("客户投诉配送延迟", "in", ("已道歉并补偿优惠券", "已安排重新配送")),
    ("客户反馈奶油偏甜", "in", ("已记录口味偏好", "下次做低糖款")),
    ("提醒会员积分即将到期", "out", ("客户表示会来兑换", None)),
    ("邀请参加店庆活动", "out", ("客户会来参加", "客户暂时没空")),
    ("询问发票开具", "in", ("已开具电子发票", "已说明开票流程")),
)
COMPANY_INTERACTIONS = (
    ("报价{p}", "out", ("已报价，等待回复", "客户已确认下单", "客户嫌贵，再谈")),
    ("沟通员工生日会需求", "in", ("已确认人数和日期", "等行政确认预算")),
    ("月度对账", "out", ("对账无误", "有一笔待核对")),
    ("拜访客户，介绍节日礼盒方案", "out", ("客户有意向", "下月再联系")),
)
# (channel code, weight) for people and for company contacts
PERSON_CONTACT_CHANNELS = (("wechat", 48), ("phone", 16), ("store", 20), ("douyin", 6), ("email", 2),
                           ("meeting", 1), ("other", 7))
COMPANY_CONTACT_CHANNELS = (("wechat", 35), ("phone", 25), ("email", 20), ("meeting", 12), ("store", 3),
                            ("other", 5))

COMMENTS_GOOD = ("味道很好", "服务热情", "蛋糕很新鲜，孩子很喜欢", "包装很精致，送人有面子", "配送准时，奶油不腻",
                 "老板人很好，会回购", "性价比高", "造型和图片一样，好评", "课程老师很耐心", "下午茶同事们都说好吃")
COMMENTS_MIXED = ("还可以", "价格有点贵", "口味一般，希望多出新品", "等待时间有点长", "包装可以再简单环保一些",
                  "甜度可以再低一点")
COMMENTS_BAD = ("物流慢", "客服响应不及时", "配送迟到了一个小时", "蛋糕有点塌了", "奶油太甜", "和预订的款式不一样",
                "退款处理太慢", "电话一直没人接")

CUSTOMER_NOTES = ("每年春节订年货礼盒", "公司每周三订下午茶", "喜欢少糖款", "只在周末取货", "孩子对坚果过敏，注意",
                  "需要开增值税发票", "习惯微信付款", "老顾客，送过生日券", "对价格敏感，关注活动",
                  "小红书博主，可合作探店")
PERSONAL_DETAILS = ("女儿6岁，喜欢草莓蛋糕", "儿子在读初中，喜欢巧克力", "养了一只柯基", "爱喝美式咖啡",
                    "正在减脂，偏爱低糖欧包", "家里老人爱吃软面包", "喜欢手工，报过两次烘焙课", "结婚纪念日 5 月 20 日")
PREFERRED_HOURS = ((None, 50), ("工作日 9:00-18:00", 15), ("工作日晚上 19:00 以后", 15), ("周末全天", 10),
                   ("中午 12:00-14:00", 6), ("上午 10 点前不要打电话", 4))
CUSTOM_FIELDS = (("口味偏好", ("少糖", "喜欢巧克力", "偏爱水果", "不吃芒果", "喜欢抹茶")),
                 ("过敏原", ("坚果", "乳糖", "芒果", "麸质")))
EMAIL_DOMAINS = (("qq.com", 50), ("163.com", 20), ("126.com", 8), ("gmail.com", 5), ("foxmail.com", 7),
                 ("outlook.com", 5), ("sina.com", 5))
AGE_BANDS = ((18, 25, 15), (25, 35, 35), (35, 45, 28), (45, 55, 14), (55, 71, 8))  # [from, to), share
MOBILE_PREFIXES = (("13", 38), ("15", 26), ("18", 22), ("17", 8), ("19", 6))
MOBILE_THIRD = {"13": "0123456789", "15": "01235689", "18": "0123456789", "17": "35678", "19": "1389"}

TASK_TEMPLATES = {
    "welcome": "给{n}发欢迎消息并介绍会员权益",
    "followup": "回访{n}：上次的订单是否满意",
    "birthday": "给{n}准备生日祝福和优惠券",
    "winback": "联系{n}（已流失）发放回归优惠券",
    "quote": "给{n}发送企业下午茶报价",
}
GENERAL_RECURRING = (("每周一盘点库存并下单原料", "weekly"), ("每天发朋友圈新品图", "daily"),
                     ("每月月底对账", "monthly"))


@dataclass(frozen=True)
class DemoSummary:
    """What was generated, for the CLI and the benchmark to report."""

    customers: int
    orders: int
    interactions: int
    surveys: int
    tasks: int
    cadences: int


# --- time --------------------------------------------------------------------------------

# Lunar festivals have no closed form; these cover any ``now`` from 2019 to 2036.
SPRING_FESTIVAL = {
    2018: date(2018, 2, 16), 2019: date(2019, 2, 5), 2020: date(2020, 1, 25), 2021: date(2021, 2, 12),
    2022: date(2022, 2, 1), 2023: date(2023, 1, 22), 2024: date(2024, 2, 10), 2025: date(2025, 1, 29),
    2026: date(2026, 2, 17), 2027: date(2027, 2, 6), 2028: date(2028, 1, 26), 2029: date(2029, 2, 13),
    2030: date(2030, 2, 3), 2031: date(2031, 1, 23), 2032: date(2032, 2, 11), 2033: date(2033, 1, 31),
    2034: date(2034, 2, 19), 2035: date(2035, 2, 8), 2036: date(2036, 1, 28),
}
MID_AUTUMN = {
    2018: date(2018, 9, 24), 2019: date(2019, 9, 13), 2020: date(2020, 10, 1), 2021: date(2021, 9, 21),
    2022: date(2022, 9, 10), 2023: date(2023, 9, 29), 2024: date(2024, 9, 17), 2025: date(2025, 10, 6),
    2026: date(2026, 9, 25), 2027: date(2027, 9, 15), 2028: date(2028, 10, 3), 2029: date(2029, 9, 22),
    2030: date(2030, 9, 12), 2031: date(2031, 10, 1), 2032: date(2032, 9, 19), 2033: date(2033, 9, 8),
    2034: date(2034, 9, 27), 2035: date(2035, 9, 16), 2036: date(2036, 10, 4),
}
WEEKDAY_WEIGHT = (0.85, 0.85, 0.9, 0.95, 1.1, 1.35, 1.3)  # Monday first: weekends sell more
# Share of orders per Beijing hour, 0..23: breakfast bread, lunch, after-work peak.
HOUR_WEIGHT = (0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.5, 2.5, 4, 4, 5, 6, 6, 4, 4, 4.5, 5, 6.5, 8, 8, 6.5, 4.5, 2.5, 1)


def _festival_offset(day: date, table: dict[int, date]) -> int | None:
    """Days from ``day`` to the nearest listed festival (negative = before it), if within 40 days."""
    for year in (day.year - 1, day.year, day.year + 1):
        festival = table.get(year)
        if festival is not None and abs((day - festival).days) <= 40:
            return (day - festival).days
    return None


def _season(day: date) -> str:
    """Which seasonal product a day sells."""
    mid = _festival_offset(day, MID_AUTUMN)
    if mid is not None and -21 <= mid <= 0:
        return "mid_autumn"
    spring = _festival_offset(day, SPRING_FESTIVAL)
    if spring is not None and -28 <= spring <= 0:
        return "spring"
    if day.month == 2 and 10 <= day.day <= 14:
        return "valentine"
    if day.month == 12 and 18 <= day.day <= 25:
        return "christmas"
    return ""


def _day_weight(day: date) -> float:
    """Relative order volume of a day: weekday pattern times the strongest festival effect."""
    boost = 1.0
    spring = _festival_offset(day, SPRING_FESTIVAL)
    if spring is not None:
        if -21 <= spring < 0:
            boost = 1.7  # 年货 and office parties before the holiday
        elif 0 <= spring <= 6:
            boost = 0.45  # the studio is mostly closed
    mid = _festival_offset(day, MID_AUTUMN)
    if mid is not None and -14 <= mid <= 0:
        boost = max(boost, 2.3)  # mooncakes
    month_day = (day.month, day.day)
    if month_day == (11, 11):
        boost = max(boost, 3.0)
    elif day.month == 11 and day.day < 11:
        boost = max(boost, 1.4)
    elif month_day in ((2, 13), (2, 14), (5, 20), (12, 24), (12, 25)):
        boost = max(boost, 1.8)
    elif day.month == 6 and day.day <= 18:
        boost = max(boost, 1.8 if day.day == 18 else 1.25)
    elif month_day in ((12, 12), (12, 31), (1, 1)) or (day.month == 10 and day.day <= 7):
        boost = max(boost, 1.3)
    return WEEKDAY_WEIGHT[day.weekday()] * boost


@cache
def _clock_texts() -> tuple[str, ...]:
    """"HH:MM:SS.000000" for every second of a day, SQLAlchemy's stored DateTime form."""
    return tuple(f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}.000000" for s in range(DAY))


class _Calendar:
    """The window of ``WINDOW_DAYS`` UTC days ending on ``now``'s day, as integer seconds.

    ``cum`` is the running sum of day weights scaled to a mean of 1, so a
    purchase process with a rate per average day, run on that axis and mapped
    back to a day by bisecting ``cum``, gets the seasonal shape for free.
    """

    def __init__(self, now: datetime) -> None:
        first = now.date() - timedelta(days=WINDOW_DAYS - 1)
        self.start = datetime.combine(first, time())
        days = [first + timedelta(days=d) for d in range(WINDOW_DAYS)]
        self.day_texts = [d.isoformat() + " " for d in days]
        self.day_compact = [d.strftime("%Y%m%d") for d in days]
        weights = [_day_weight(d) for d in days]
        scale = WINDOW_DAYS / sum(weights)
        self.cum = list(accumulate(w * scale for w in weights))
        self.total = self.cum[-1]
        self.seasons = [_season(d) for d in days]
        self.now_sec = int((now - self.start).total_seconds())
        self.clock = _clock_texts()

    def warped_at(self, day: int) -> float:
        """Position on the warped axis where ``day`` begins."""
        return self.cum[day - 1] if day > 0 else 0.0

    def text(self, sec: int) -> str:
        if 0 <= sec < WINDOW_DAYS * DAY:
            return self.day_texts[sec // DAY] + self.clock[sec % DAY]
        return self.datetime(sec).isoformat(" ", "microseconds")

    def datetime(self, sec: int) -> datetime:
        return self.start + timedelta(seconds=sec)


# --- weighted pools ---------------------------------------------------------------------


def _expand(weighted: Sequence[tuple[T, float]], bits: int = _POOL_BITS) -> list[T]:
    """A list of 2**bits items in proportion to their weights, so a pick is one getrandbits.

    Largest-remainder rounding keeps rare items (weight share >= 1/2**bits) present.
    """
    size = 1 << bits
    total = sum(w for _, w in weighted)
    exact = [w * size / total for _, w in weighted]
    counts = [int(x) for x in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: exact[i] - counts[i], reverse=True)
    for i in by_remainder[: size - sum(counts)]:
        counts[i] += 1
    return [item for (item, _), n in zip(weighted, counts, strict=True) for _ in range(n)]


def _product_pool(products: Sequence[tuple[str, tuple[int, ...], int, int, float]]
                  ) -> list[tuple[str, int, int, int]]:
    """(product, price in fen, min quantity, quantity span) entries, each price point equally likely."""
    weighted = [((name, price * 100, lo, hi - lo + 1), weight / len(prices))
                for name, prices, lo, hi, weight in products for price in prices]
    return _expand(weighted)


@dataclass
class _Orders:
    """One customer's generated orders, as the derived columns and surveys need them."""

    secs: list[int]
    amounts: list[int]
    paid: list[bool]
    ids: list[int]
    products: list[str]
    wholesale: bool


# --- the generator ----------------------------------------------------------------------


class _Rows:
    """Rows waiting for the next executemany, per table, in foreign-key order."""

    COLUMNS = {
        "customer": (
            "id", "kind", "name", "company", "title", "wechat_id", "address", "region", "city", "industry",
            "gender", "birthday", "source_channel", "source_campaign", "consent_marketing",
            "preferred_channel", "preferred_hours", "personal_details", "notes", "referred_by_id",
            "archived", "created_at", "updated_at", "order_count", "total_spent_minor", "first_order_at",
            "last_order_at", "last_contact_at", "stage", "search_text",
        ),
        "customer_phone": ("id", "customer_id", "number", "label", "position"),
        "customer_email": ("id", "customer_id", "address", "label", "position"),
        "customer_tag": ("customer_id", "tag_id"),
        "custom_field_value": ("customer_id", "field_id", "value"),
        "customer_change": ("id", "customer_id", "changed_at", "field", "old_value", "new_value"),
        "order": ("id", "customer_id", "ordered_at", "amount_minor", "currency", "product", "quantity",
                  "channel", "status", "order_no", "created_at"),
        "interaction": ("id", "customer_id", "occurred_at", "channel", "direction", "summary", "outcome"),
        "survey_response": ("id", "customer_id", "responded_at", "kind", "score", "comment", "order_id"),
        "cadence": ("id", "customer_id", "tag_id", "interval_days"),
        "task": ("id", "customer_id", "title", "notes", "due_at", "done_at", "recurrence", "notified_at",
                 "cadence_id", "created_at"),
    }

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.pending: dict[str, list[tuple]] = {name: [] for name in self.COLUMNS}
        self.written: dict[str, int] = dict.fromkeys(self.COLUMNS, 0)
        self.next_id = {name: first_free_id(conn, name) for name in self.COLUMNS if "id" in self.COLUMNS[name]}

    def take_ids(self, table: str, count: int) -> int:
        """Reserve ``count`` consecutive ids; returns the first."""
        first = self.next_id[table]
        self.next_id[table] = first + count
        return first

    def flush(self) -> None:
        for table, rows in self.pending.items():
            if rows:
                columns = self.COLUMNS[table]
                sql = (f'INSERT INTO "{table}" ({", ".join(columns)}) '
                       f'VALUES ({", ".join("?" * len(columns))})')
                self.conn.executemany(sql, rows)
                self.written[table] += len(rows)
                rows.clear()


@dataclass
class _Profile:
    """Who a customer is, drawn before their behaviour."""

    name: str  # the person, or the organisation for kind "organization"
    person: str
    gender: str | None
    company: str | None
    is_org: bool
    business: bool  # buys for their company: bulk catalogue, more often, more loyal
    city: str
    province: str
    districts: tuple[str, ...]
    industry: str | None
    source: str
    order_channel: str
    age: int | None


class _Member(NamedTuple):
    """What the to-do list and cadences need to know about a generated customer."""

    id: int
    name: str
    stage: str
    business: bool
    is_org: bool
    archived: bool


class _Generator:
    """All random choices, in one fixed order, so a seed always gives the same database."""

    def __init__(self, rng: random.Random, now: datetime, churn_days: int, rows: _Rows,
                 tag_ids: dict[str, int], field_ids: dict[str, int]) -> None:
        self.rng = rng
        self.now = now
        self.churn_days = churn_days
        self.rows = rows
        self.tag_ids = tag_ids
        self.field_ids = field_ids
        self.cal = _Calendar(now)
        self.year_ago_sec = self.cal.now_sec - 365 * DAY
        self._build_pools()
        self.phones_used: set[str] = set()
        self.emails_used: set[str] = set()
        self.org_names: set[str | None] = set()
        self.seen: list[tuple[_Profile, str, list[str]]] = []  # some customers to enter twice: phone, emails
        self.referrers: list[int] = []  # customers with 3+ orders, who recommend the studio
        self.roster: list[_Member] = []
        self.group_buyers: list[int] = []  # tagged 团购团长, covered by the tag cadence
        self.contact_at: dict[int, int] = {}  # latest of added, contacted, bought: cadences count from it

    def _build_pools(self) -> None:
        self.surnames = _expand(SURNAMES)
        self.cities = _expand([((c, p, d), w) for c, p, w, d in CITIES])
        self.person_industries = _expand(PERSON_INDUSTRIES)
        self.sources = _expand([((s, ch), w) for s, w, ch in SOURCES])
        self.order_channels = _expand(ORDER_CHANNELS)
        self.titles = _expand(CONTACT_TITLES)
        self.hours = _expand(PREFERRED_HOURS)
        self.email_domains = _expand(EMAIL_DOMAINS)
        self.mobile_prefixes = _expand(MOBILE_PREFIXES)
        self.everyday = _product_pool(EVERYDAY_PRODUCTS)
        self.occasion = _product_pool(OCCASION_PRODUCTS)
        self.bulk = _product_pool(BUSINESS_PRODUCTS)
        self.person_contact = _expand(PERSON_CONTACT_CHANNELS)
        self.company_contact = _expand(COMPANY_CONTACT_CHANNELS)
        self.ages = _expand([(age, share / (hi - lo)) for lo, hi, share in AGE_BANDS for age in range(lo, hi)])
        hour_pool = _expand(list(enumerate(HOUR_WEIGHT)), _SOD_BITS)
        # Beijing hour -> UTC second of day
        self.times_of_day = [((h - 8) % 24) * 3600 + self.rng.randrange(3600) for h in hour_pool]
        year = self.now.year
        self.campaigns = [c.format(y=y) for c in CAMPAIGNS for y in (year - 1, year)]

    # -- who ---------------------------------------------------------------------------

    def _profile(self) -> _Profile:
        rng = self.rng
        city, province, districts = self.cities[rng.getrandbits(_POOL_BITS)]
        has_company = rng.random() < 0.3
        is_org = has_company and rng.random() < 0.15
        gender = None if is_org or rng.random() < 0.03 else ("female" if rng.random() < 0.62 else "male")
        person = self._name(gender or rng.choice(("female", "male")))
        company, industry = self._company(city) if has_company else (None, None)
        if is_org and company in self.org_names:  # a second customer named after the company is a duplicate
            is_org = False
        elif is_org:
            self.org_names.add(company)
        if not has_company:
            industry = self.person_industries[rng.getrandbits(_POOL_BITS)]
        source, order_channel = self.sources[rng.getrandbits(_POOL_BITS)]
        age = None if is_org or rng.random() < 0.3 else self.ages[rng.getrandbits(_POOL_BITS)]
        return _Profile(
            name=company if is_org and company else person, person=person, gender=gender, company=company,
            is_org=is_org, business=is_org or (has_company and rng.random() < 0.25), city=city,
            province=province, districts=districts, industry=industry, source=source,
            order_channel=order_channel, age=age,
        )

    def _name(self, gender: str) -> str:
        rng = self.rng
        pool = GIVEN_FEMALE if gender == "female" else GIVEN_MALE
        given = rng.choice(pool)
        if rng.random() < 0.75:
            given = rng.choice(pool + GIVEN_SHARED) + given
        return self.surnames[rng.getrandbits(_POOL_BITS)] + given

    def _mobile(self) -> str:
        rng = self.rng
        while True:
            head = self.mobile_prefixes[rng.getrandbits(_POOL_BITS)]
            number = f"+86{head}{rng.choice(MOBILE_THIRD[head])}{rng.randrange(100_000_000):08d}"
            if number not in self.phones_used:
                self.phones_used.add(number)
                return number

    def _company(self, city: str) -> tuple[str, str]:
        """(company name, industry)."""
        rng = self.rng
        brand = rng.choice(COMPANY_BRANDS)
        roll = rng.random()
        if roll < 0.5:
            business, industry = rng.choice(COMPANY_BUSINESSES)
            return f"{city}{brand}{business}有限公司", industry
        if roll < 0.75:
            kind, industry = rng.choice(STUDIO_KINDS)
            return f"{brand}{kind}工作室", industry
        kind, industry = rng.choice(SHOP_KINDS)
        return f"{brand}{kind}店", industry

    def _address(self, districts: tuple[str, ...]) -> str | None:
        rng = self.rng
        if rng.random() < 0.45:
            return None
        road = f"{rng.choice(ROADS)}{rng.randrange(1, 400)}号"
        if not districts:
            return road
        return f"{rng.choice(districts)}{road}{rng.randrange(1, 30)}幢{rng.randrange(1, 30)}0{rng.randrange(1, 5)}室"

    def _emails(self, profile: _Profile, pinyin: str) -> list[str]:
        rng = self.rng
        if rng.random() >= (0.7 if profile.company else 0.22):
            return []
        if profile.company:
            return [self._unused_email(f"{pinyin}@{search.pinyin_keys(profile.company).split(' ')[1][:6]}.com")]
        domain = self.email_domains[rng.getrandbits(_POOL_BITS)]
        if domain == "qq.com" and rng.random() < 0.7:
            return [self._unused_email(f"{rng.randrange(100_000, 3_000_000_000)}@qq.com")]
        return [self._unused_email(f"{pinyin}{rng.randrange(100) if rng.random() < 0.6 else ''}@{domain}")]

    def _unused_email(self, address: str) -> str:
        """``address``, numbered if another customer has it: two people never share a mailbox, and the
        Duplicates page takes a shared one as the same person (thousands of false pairs at 100,000 customers)."""
        local, _at, domain = address.partition("@")
        number = 1
        while address in self.emails_used:
            number += 1
            address = f"{local}{number}@{domain}"
        self.emails_used.add(address)
        return address

    def _wechat(self, pinyin: str) -> str | None:
        rng = self.rng
        roll = rng.random()
        if roll < 0.25:
            return None
        if roll < 0.45:
            return "wxid_" + "".join(rng.choices("abcdefghijklmnopqrstuvwxyz0123456789", k=14))
        suffix = rng.randrange(1970, 2010) if rng.random() < 0.5 else rng.randrange(1000)
        return f"{pinyin}{rng.choice(('', '_', '-'))}{suffix}"

    def _birthday(self, age: int | None) -> str | None:
        if age is None:
            return None
        return (date(self.now.year - age, 1, 1) + timedelta(days=self.rng.randrange(365))).isoformat()

    # -- what they did -------------------------------------------------------------------

    def _orders(self, cid: int, created_sec: int, profile: _Profile) -> tuple[_Orders, float]:
        """A BG/NBD-like purchase history on the seasonal time axis (see the module docstring).

        Returns the orders and the customer's chance of dropping out after a
        purchase, which also colours their survey answers.
        """
        rng = self.rng
        cal = self.cal
        result = _Orders([], [], [], [], [], False)
        if rng.random() < 0.08:
            return result, 1.0  # a lead who never bought
        rate = max(rng.gammavariate(0.6, 54.0), 1e-6) / 365  # orders per average day; never exactly 0
        drop = 1.0 if rng.random() < 0.2 else rng.betavariate(0.5, 3.5)  # a fifth only ever try once
        if profile.business:
            rate *= 1.5
            drop *= 0.6
        if created_sec < 0:  # known before the window: the first purchase in it is memoryless
            t = rng.expovariate(rate)
        else:
            t = cal.warped_at(created_sec // DAY) + rng.expovariate(1 / 3)
        yearly = rate * 365
        everyday_share = 0.0 if profile.business else yearly / (yearly + 6)
        business, channel = profile.business, profile.order_channel
        random_, bits, expo = rng.random, rng.getrandbits, rng.expovariate
        cum, total, day_texts, clock = cal.cum, cal.total, cal.day_texts, cal.clock
        seasons, compact, now_sec = cal.seasons, cal.day_compact, cal.now_sec
        times, channels = self.times_of_day, self.order_channels
        everyday, occasion, bulk = self.everyday, self.occasion, self.bulk
        order_rows = self.rows.pending["order"]
        next_id = self.rows.next_id
        while t < total:
            day = bisect_right(cum, t)
            sec = day * DAY + times[bits(_SOD_BITS)]
            if sec > now_sec:
                sec -= DAY  # later today has not happened yet
                day -= 1
            season = seasons[day]
            special = _SEASONAL.get(season) if season else None
            if special is not None and random_() < special[4]:
                product, prices, (lo, span) = special[0], special[1], special[3 if business else 2]
                price = prices[bits(_POOL_BITS) % len(prices)]
            else:
                catalogue = bulk if business else everyday if random_() < everyday_share else occasion
                product, price, lo, span = catalogue[bits(_POOL_BITS)]
            quantity = lo + (int(random_() * span) if span > 1 else 0)
            amount = price * quantity
            if random_() < 0.1:
                amount = amount * 9 // 1000 * 100  # 九折, rounded to the yuan
            paid = random_() >= 0.03
            oid = next_id["order"]
            next_id["order"] = oid + 1
            text = day_texts[day] + clock[sec % DAY]
            order_rows.append((oid, cid, text, amount, "CNY", product, quantity,
                               channel if random_() < 0.75 else channels[bits(_POOL_BITS)],
                               "paid" if paid else "refunded", f"SO{compact[day]}{oid:07d}", text))
            result.secs.append(sec)
            result.amounts.append(amount)
            result.paid.append(paid)
            result.ids.append(oid)
            result.products.append(product)
            result.wholesale = result.wholesale or quantity >= 20
            if random_() < drop:
                break
            t += expo(rate)
        return result, drop

    def _interactions(self, cid: int, created_sec: int, orders: _Orders, business: bool) -> int | None:
        """Contacts around purchases and in between; returns the latest one's second."""
        rng = self.rng
        cal = self.cal
        count = min(len(orders.secs) // 3, 12) + (rng.getrandbits(2) if rng.random() < 0.6 else 0)
        if not count:
            return None
        lo = max(created_sec, 0)
        channels = self.company_contact if business else self.person_contact
        templates = COMPANY_INTERACTIONS + INTERACTIONS if business else INTERACTIONS
        products = orders.products or ["生日蛋糕（6寸）"]
        rows = self.rows.pending["interaction"]
        latest = lo
        for _ in range(count):
            if orders.secs and rng.random() < 0.6:
                near = orders.secs[rng.randrange(len(orders.secs))] + rng.randrange(-2 * DAY, 5 * DAY)
                sec = max(min(near, cal.now_sec), lo)
            else:
                sec = lo + rng.randrange(cal.now_sec - lo + 1)
            summary, direction, outcomes = rng.choice(templates)
            rows.append((self.rows.take_ids("interaction", 1), cid, cal.text(sec),
                         channels[rng.getrandbits(_POOL_BITS)], direction,
                         summary.format(p=rng.choice(products)), rng.choice(outcomes)))
            latest = max(latest, sec)
        return latest

    def _surveys(self, cid: int, orders: _Orders, drop: float) -> bool:
        """CSAT and NPS answers after some paid orders; returns whether the latest NPS is a promoter's.

        Loyal customers (low ``drop``) answer higher, so NPS and churn tell one story.
        """
        rng = self.rng
        paid = [i for i, ok in enumerate(orders.paid) if ok]
        if not paid or rng.random() > 0.3:
            return False
        mood = 0.5 + 0.42 * (1 - drop) + rng.gauss(0, 0.15)
        rows = self.rows.pending["survey_response"]
        latest_nps: tuple[int, int] | None = None
        for i in rng.sample(paid, min(len(paid), 1 + rng.getrandbits(1) + rng.getrandbits(1))):
            sec = min(orders.secs[i] + rng.randrange(3600, 3 * DAY), self.cal.now_sec)
            if rng.random() < 0.6:
                kind, score = "csat", max(1, min(5, round(1 + 4 * mood + rng.gauss(0, 0.6))))
                share = (score - 1) / 4
            else:
                kind, score = "nps", max(0, min(10, round(10 * mood + rng.gauss(0, 1.5))))
                share = score / 10
                if latest_nps is None or (sec, score) > latest_nps:
                    latest_nps = (sec, score)
            rows.append((self.rows.take_ids("survey_response", 1), cid, self.cal.text(sec), kind, score,
                         self._comment(share), orders.ids[i]))
        return latest_nps is not None and latest_nps[1] >= 9

    def _comment(self, share: float) -> str | None:
        """Mostly matches the score, sometimes not: real comments are noisy."""
        rng = self.rng
        if rng.random() < 0.45:
            return None
        if rng.random() < 0.15:
            share = rng.random()
        pool = COMMENTS_GOOD if share >= 0.75 else COMMENTS_MIXED if share >= 0.45 else COMMENTS_BAD
        return rng.choice(pool)

    def _stats(self, orders: _Orders) -> OrderStats:
        """The figures ``lifecycle.refresh`` derives in SQL, over paid orders."""
        paid = [(s, a) for s, a, ok in zip(orders.secs, orders.amounts, orders.paid, strict=True) if ok]
        if not paid:
            return OrderStats(0, 0, None, None, 0, 0)
        recent = [a for s, a in paid if s > self.year_ago_sec]
        secs = [s for s, _ in paid]
        return OrderStats(len(paid), sum(a for _, a in paid), self.cal.datetime(min(secs)),
                          self.cal.datetime(max(secs)), len(recent), sum(recent))

    # -- one customer --------------------------------------------------------------------

    def customer(self, cid: int, created_sec: int) -> None:
        rng = self.rng
        cal = self.cal
        profile = self._profile()
        phones = [self._mobile()] + ([self._mobile()] if rng.random() < 0.15 else [])
        if self.seen and rng.random() < ENTERED_TWICE:
            profile, phones, emails = self._entered_again(phones)
            pinyin = search.pinyin_keys(profile.person).split(" ")[0]
        else:
            pinyin = search.pinyin_keys(profile.person).split(" ")[0]
            emails = self._emails(profile, pinyin)
            if not profile.is_org and rng.random() < 0.05:
                self.seen.append((profile, phones[0], emails))
        wechat = self._wechat(pinyin)
        birthday = self._birthday(profile.age)

        orders, drop = self._orders(cid, created_sec, profile)
        last_contact = self._interactions(cid, created_sec, orders, profile.business)
        promoter = self._surveys(cid, orders, drop)
        stats = self._stats(orders)
        stage = stage_of(stats, self.now, self.churn_days, promoter)
        tags = self._tags(stats, profile, orders.wholesale, birthday)
        referred = None
        if profile.source == "朋友推荐" and self.referrers and rng.random() < 0.7:
            referred = self.referrers[rng.randrange(len(self.referrers))]
        if stats.order_count >= 3:
            self.referrers.append(cid)
        campaign = None
        if profile.source in ("抖音", "小红书", "美团", "线下活动") and rng.random() < 0.35:
            campaign = rng.choice(self.campaigns)
        preferred = "email" if emails and rng.random() < 0.15 else rng.choice(
            ("wechat", "wechat", "wechat", "phone", "store", None))
        archived = rng.random() < 0.01

        created = cal.text(created_sec)
        company = None if profile.is_org else profile.company
        search_text = search.build_search_text(
            profile.name, company, [contact_values.phone_digits(p) for p in phones], emails, wechat, tags)
        self.rows.pending["customer"].append((
            cid, "organization" if profile.is_org else "person", profile.name, company,
            self.titles[rng.getrandbits(_POOL_BITS)] if company else None, wechat,
            self._address(profile.districts), profile.province, profile.city, profile.industry,
            profile.gender, birthday, profile.source, campaign, rng.random() < 0.6, preferred,
            self.hours[rng.getrandbits(_POOL_BITS)],
            rng.choice(PERSONAL_DETAILS) if rng.random() < 0.12 else None,
            rng.choice(CUSTOMER_NOTES) if rng.random() < 0.15 else None,
            referred, archived, created, created, stats.order_count, stats.total_spent_minor,
            _stored(stats.first_order_at), _stored(stats.last_order_at),
            None if last_contact is None else cal.text(last_contact), stage, search_text,
        ))
        self._contact_rows(cid, created, profile.name, phones, emails, tags)
        self._custom_values(cid)
        self.roster.append(_Member(cid, profile.name, stage, profile.business, profile.is_org, archived))
        moments = [created_sec] + ([last_contact] if last_contact is not None else [])
        if stats.last_order_at is not None:
            moments.append(int((stats.last_order_at - cal.start).total_seconds()))
        self.contact_at[cid] = max(moments)

    def _entered_again(self, new_phones: list[str]) -> tuple[_Profile, list[str], list[str]]:
        """An earlier customer as a second record: same name and city, and their phone, or their email with a
        new phone (the one number the new record was about to get)."""
        profile, phone, emails = self.seen.pop(self.rng.randrange(len(self.seen)))
        if emails and self.rng.random() < 0.4:
            return profile, new_phones[:1], emails[:1]
        return profile, [phone], []

    def _tags(self, stats: OrderStats, profile: _Profile, wholesale: bool, birthday: str | None) -> list[str]:
        rng = self.rng
        age = profile.age
        tags = []
        if stats.total_spent_minor >= 500_000 or stats.order_count >= 20:
            tags.append("VIP")
        if stats.order_count >= 5:
            tags.append("老客")
        if profile.business:
            tags.append("企业客户")
        if wholesale:
            tags.append("批发")
        if age is not None and age <= 22 and rng.random() < 0.7:
            tags.append("学生")
        if profile.gender == "female" and age is not None and 26 <= age <= 40 and rng.random() < 0.15:
            tags.append("宝妈")
        if rng.random() < 0.004:
            tags.append("团购团长")
        if profile.source in ("小红书", "抖音") and rng.random() < 0.05:
            tags.append("网红博主")
        if rng.random() < 0.06:
            tags.append("价格敏感")
        if profile.business and rng.random() < 0.6:
            tags.append("需开发票")
        if birthday and rng.random() < 0.15:
            tags.append("生日会员")
        return sorted(tags)

    def _contact_rows(self, cid: int, created: str, name: str, phones: list[str],
                      emails: list[str], tags: list[str]) -> None:
        pending, take = self.rows.pending, self.rows.take_ids
        for position, number in enumerate(phones):
            pending["customer_phone"].append((take("customer_phone", 1), cid, number,
                                              "手机" if position == 0 else "备用", position))
        for position, address in enumerate(emails):
            pending["customer_email"].append((take("customer_email", 1), cid, address, None, position))
        for tag in tags:
            pending["customer_tag"].append((cid, self.tag_ids[tag]))
        if "团购团长" in tags:
            self.group_buyers.append(cid)
        pending["customer_change"].append((take("customer_change", 1), cid, created, "created", None, name))

    def _custom_values(self, cid: int) -> None:
        rng = self.rng
        for field, values in CUSTOM_FIELDS:
            if rng.random() < 0.08:
                self.rows.pending["custom_field_value"].append((cid, self.field_ids[field], rng.choice(values)))

    # -- after all customers -------------------------------------------------------------

    def cadences_and_tasks(self) -> None:
        """A few "stay in touch" cadences with their open tasks, and a believable to-do list.

        Cadence tasks are written exactly as ``tasks.apply_cadences`` would make
        them, so the first scheduler run after the demo finds nothing to do.
        """
        rng = self.rng
        active = [m for m in self.roster if not m.archived]
        if not active:
            return
        loyal = [m for m in active if m.stage == "loyal"] or active
        covered: dict[int, tuple[int, int]] = {}  # customer -> (cadence id, interval days)
        for member in rng.sample(loyal, min(4, len(loyal))):
            interval = rng.choice((14, 30))
            cadence_id = self.rows.take_ids("cadence", 1)
            self.rows.pending["cadence"].append((cadence_id, member.id, None, interval))
            covered[member.id] = (cadence_id, interval)
        tag_cadence = self.rows.take_ids("cadence", 1)
        self.rows.pending["cadence"].append((tag_cadence, None, self.tag_ids["团购团长"], 30))
        archived = {m.id for m in self.roster if m.archived}
        for cid in self.group_buyers:
            if cid not in covered and cid not in archived:
                covered[cid] = (tag_cadence, 30)
        for cid, (cadence_id, interval) in covered.items():
            self._task(cid, STAY_IN_TOUCH_TITLE, self.contact_at[cid] + interval * DAY, None, "none",
                       self.cal.now_sec, cadence_id=cadence_id)
        self._todo_list(active)

    def _todo_list(self, active: list[_Member]) -> None:
        """Follow-ups the owner wrote: overdue, due today (Beijing), coming, done, repeating."""
        rng = self.rng
        now_sec = self.cal.now_sec
        n = len(self.roster)
        pools = {stage: [m for m in active if m.stage == stage and not m.is_org] or active
                 for stage in ("churned", "repeat", "new", "loyal")}
        pools["quote"] = [m for m in active if m.business] or active
        kinds = (("winback", "churned"), ("followup", "repeat"), ("welcome", "new"), ("birthday", "loyal"),
                 ("quote", "quote"))
        today_sec = self._business_day_start()
        plans = (("overdue", 5 + min(n // 4000, 30)), ("today", 3 + min(n // 20000, 7)),
                 ("future", 8 + min(n // 1000, 100)), ("done", max(5, min(n // 50, 3000))))
        for plan, count in plans:
            for i in range(count):
                kind, pool = kinds[i % len(kinds)]
                member = pools[pool][rng.randrange(len(pools[pool]))]
                title = TASK_TEMPLATES[kind].format(n=member.name)
                if plan == "overdue":
                    due = today_sec - rng.randrange(DAY, 20 * DAY)
                elif plan == "today":
                    due = today_sec + rng.randrange(9, 21) * 3600
                elif plan == "future":
                    due = today_sec + rng.randrange(1, 31) * DAY + rng.randrange(9, 19) * 3600
                else:
                    due = rng.randrange(max(now_sec - 365 * DAY, 0), today_sec)
                done = min(due + rng.randrange(-DAY, 2 * DAY), now_sec) if plan == "done" else None
                created = max(min(due - rng.randrange(DAY, 10 * DAY), now_sec), 0)
                self._task(member.id, title, due, done, "none", created,
                           notified=due if plan == "overdue" else None)
        for title, recurrence in GENERAL_RECURRING:
            self._task(None, title, today_sec + rng.randrange(1, 7) * DAY + 9 * 3600, None, recurrence,
                       now_sec - 30 * DAY)
        for member in rng.sample(pools["quote"], min(3, len(pools["quote"]))):
            due = today_sec + rng.randrange(1, 28) * DAY + 10 * 3600
            self._task(member.id, f"给{member.name}送月度下午茶样品", due, None, "monthly", now_sec - 60 * DAY)

    def _business_day_start(self) -> int:
        """Second (from the window start) at which ``now``'s day began in Beijing."""
        local = self.now.replace(tzinfo=timezone.utc).astimezone(BUSINESS_TZ)
        midnight = datetime.combine(local.date(), time(), BUSINESS_TZ).astimezone(timezone.utc).replace(tzinfo=None)
        return int((midnight - self.cal.start).total_seconds())

    def _task(self, cid: int | None, title: str, due: int, done: int | None, recurrence: str, created: int,
              cadence_id: int | None = None, notified: int | None = None) -> None:
        text = self.cal.text
        self.rows.pending["task"].append((
            self.rows.take_ids("task", 1), cid, title, None, text(due), None if done is None else text(done),
            recurrence, None if notified is None else text(notified), cadence_id, text(created),
        ))


def _stored(value: datetime | None) -> str | None:
    """SQLAlchemy's stored text of a DateTime."""
    return None if value is None else value.isoformat(" ", "microseconds")


def _created_seconds(rng: random.Random, count: int, cal: _Calendar) -> list[int]:
    """When each customer was added, ascending so ids follow time like in a real file.

    A fifth were known before the window; the rest arrive faster as the business grows.
    """
    span = cal.now_sec
    secs = []
    for _ in range(count):
        if rng.random() < 0.2:
            secs.append(-rng.randrange(1, 3 * 365 * DAY))
        else:
            x = rng.random() if rng.random() < 0.5 else max(rng.random(), rng.random())
            secs.append(int(x * span))
    secs.sort()
    return secs


def _ids_by_name(conn: sqlite3.Connection) -> tuple[dict[str, int], dict[str, int]]:
    """Ids of the demo's tags and custom fields, adding those the database lacks."""
    conn.executemany("INSERT OR IGNORE INTO tag (name) VALUES (?)", [(n,) for n in TAG_NAMES])
    conn.executemany(
        "INSERT OR IGNORE INTO custom_field (name, position) VALUES (?, (SELECT count(*) FROM custom_field))",
        [(name,) for name, _ in CUSTOM_FIELDS])
    tags = dict(conn.execute("SELECT name, id FROM tag").fetchall())
    fields = dict(conn.execute("SELECT name, id FROM custom_field").fetchall())
    return tags, fields


@contextmanager
def _indexes_built_after(conn: sqlite3.Connection) -> Iterator[None]:
    """Drop the secondary indexes of customer and order and the search-index triggers; rebuild after.

    Building an index once over all rows is far cheaper than keeping it current
    row by row (measured at 100,000 customers: the trigram index 9.6 s by
    trigger vs 2.5 s insert + rebuild; order indexes 6.1 s vs 2.8 s).  The SQL
    is read back from sqlite_master and replayed, so everything returns exactly
    as the migrations made it, and all of it is inside the demo's transaction:
    a failure rolls the schema back with the rows.  Only triggers that feed
    ``customer_fts`` are dropped, because ``rebuild`` redoes their work.
    """
    schema = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND ("
        "(type = 'index' AND tbl_name IN ('customer', 'order')) OR "
        "(type = 'trigger' AND tbl_name = 'customer' AND sql LIKE '%customer_fts%'))"
    ).fetchall()
    for kind, name, _ in schema:
        conn.execute(f'DROP {kind.upper()} "{name}"')
    yield
    conn.execute("INSERT INTO customer_fts(customer_fts) VALUES ('rebuild')")
    for _, _, sql in schema:
        conn.execute(sql)


@contextmanager
def _bulk_pragmas(conn: sqlite3.Connection) -> Iterator[None]:
    """No fsync and a big page cache while generating; the connection's usual settings after.

    Safe because the whole demo is one transaction on a database that held no
    customers: a crash loses only the demo, never user data.
    """
    saved = {name: conn.execute(f"PRAGMA {name}").fetchone()[0] for name in ("synchronous", "cache_size")}
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-262144")  # 256 MiB, in KiB
    try:
        yield
    finally:
        for name, value in saved.items():
            conn.execute(f"PRAGMA {name}={value}")


def generate(
    db: Database,
    customers: int,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
    now: datetime | None = None,
) -> DemoSummary:
    """Fill an empty database with ``customers`` demo customers and their history.

    ``now`` (naive UTC) fixes the end of the two-year window, so tests and
    benchmarks are reproducible; by default it is the current time.
    """
    if customers < 1:
        raise UserError(QT_TRANSLATE_NOOP("errors", "The number of demo customers must be at least 1."))
    if now is None:
        now = utcnow()
    elif now.tzinfo is not None:
        now = now.astimezone(timezone.utc).replace(tzinfo=None)
    churn_days = settings.get(db, "churn_days")
    raw = db.engine.raw_connection()
    try:
        conn: sqlite3.Connection = raw.driver_connection
        if conn.execute("SELECT EXISTS (SELECT 1 FROM customer)").fetchone()[0]:
            raise UserError(QT_TRANSLATE_NOOP(
                "errors", "This database already has customers. Demo data only goes into a new, empty "
                          "database: choose a new file name and try again.")
            )
        with _bulk_pragmas(conn):
            conn.execute("BEGIN")
            try:
                with _indexes_built_after(conn):
                    summary = _fill(conn, customers, random.Random(seed), now, churn_days, progress)
                conn.commit()
            except BaseException:
                conn.rollback()
                raise
            # The one big transaction left a WAL file as large as the database; give the space back.
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()
    return summary


def _fill(conn: sqlite3.Connection, count: int, rng: random.Random, now: datetime, churn_days: int,
          progress: Callable[[int, int], None] | None) -> DemoSummary:
    tag_ids, field_ids = _ids_by_name(conn)
    rows = _Rows(conn)
    gen = _Generator(rng, now, churn_days, rows, tag_ids, field_ids)
    first_id = rows.take_ids("customer", count)
    for index, created_sec in enumerate(_created_seconds(rng, count, gen.cal)):
        gen.customer(first_id + index, created_sec)
        if (index + 1) % BATCH_CUSTOMERS == 0 or index + 1 == count:
            rows.flush()
            if progress is not None:
                progress(index + 1, count)
    gen.cadences_and_tasks()
    rows.flush()
    written = rows.written
    return DemoSummary(customers=written["customer"], orders=written["order"], interactions=written["interaction"],
                       surveys=written["survey_response"], tasks=written["task"], cadences=written["cadence"])
