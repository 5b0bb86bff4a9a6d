"""The report's words in English and Simplified Chinese.

Reports are built outside Qt (the CLI makes them too), so Qt's translations
do not reach them; this small table does.
"""

from __future__ import annotations

from solocrm.analytics.charts import ChartText

LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}
LANGUAGES = tuple(LANGUAGE_NAMES)

_ZH: dict[str, str] = {
    "Business report": "经营报告",
    "Period": "统计期间",
    "Previous period": "上一期间",
    "Generated": "生成日期",
    "Page {page} of {pages}": "第 {page} 页 / 共 {pages} 页",
    "Contents": "目录",
    "No data for this period.": "本期间没有数据。",
    "no data": "无数据",
    "Metric": "指标",
    "This period": "本期",
    "Value": "数值",
    "Summary": "经营概览",
    "Customers and lifecycle": "客户与生命周期",
    "Sales and revenue trend": "销售与收入趋势",
    "Satisfaction": "满意度",
    "Loyalty and RFM tiers": "忠诚度与 RFM 分层",
    "Churn risk": "流失风险",
    "Customer lifetime value": "客户终身价值",
    "Goals": "目标进度",
    "Customer list": "客户名单",
    "Customers (total)": "客户总数",
    "Active customers": "活跃客户",
    "New customers": "新客户",
    "Churned customers": "流失客户",
    "Revenue": "营业收入",
    "Orders": "订单数",
    "Average order value": "客单价",
    "Refunds": "退款",
    "CSAT (% satisfied)": "满意度 CSAT（满意占比）",
    "CSAT mean (1-5)": "满意度平均分（1-5）",
    "CSAT responses": "满意度回复数",
    "NPS": "净推荐值 NPS",
    "NPS responses": "NPS 回复数",
    "Promoters": "推荐者",
    "Passives": "中立者",
    "Detractors": "贬损者",
    "Repurchase rate": "复购率",
    "Churn rate": "流失率",
    "Retention rate": "客户保持率",
    "Referral rate": "推荐率",
    "Average CLV (simple)": "平均终身价值（简单）",
    "Average CLV (predicted)": "平均终身价值（预测）",
    "Stage": "阶段",
    "Customers": "客户数",
    "Share": "占比",
    "Bucket": "时间段",
    "Top phrases in comments": "评论高频短语",
    "Phrase": "短语",
    "Comments": "评论数",
    "Tier": "分层",
    "Share of revenue": "收入占比",
    "Suggested action": "建议行动",
    "Customer": "客户",
    "Last order": "最近下单",
    "Chance still active": "仍活跃概率",
    "Predicted CLV": "预测终身价值",
    "Value at risk": "风险金额",
    "Prediction horizon (days)": "预测期（天）",
    "Customers with a prediction": "有预测的客户数",
    "Why there is no prediction": "无法预测的原因",
    "Goal": "目标",
    "Baseline": "基线",
    "Target": "目标值",
    "Current": "当前值",
    "Progress": "进度",
    "Deadline": "截止日期",
    "Status": "状态",
    "No goals have been set.": "尚未设置目标。",
    "ID": "编号",
    "Name": "姓名",
    "City": "城市",
    "Source": "来源",
    "Orders in period": "期间订单",
    "Revenue in period": "期间收入",
    "First {shown} of {total} customers, by revenue in the period; the Excel report has them all.":
        "按期间收入列出前 {shown} 位客户（共 {total} 位）；Excel 报告包含全部客户。",
    "Data": "数据",
    "achieved": "已达成", "on_track": "进度正常", "behind": "落后", "missed": "未达成",
    # Stages, tiers and actions (keys from the analytics package).
    "prospect": "潜在客户", "new": "新客户", "repeat": "复购客户", "loyal": "忠诚客户", "churned": "已流失",
    "high": "高价值", "medium": "中价值", "low": "低价值",
    "VIP care and premium offers": "VIP 关怀与高端优惠",
    "Personalised cross-sell": "个性化交叉销售",
    "Promotions to build the habit": "用促销培养购买习惯",
    "Ask why they left and make a win-back offer": "了解流失原因并提供挽回优惠",
    "Share of customers with CLV at least": "终身价值达标客户占比",
    "CSAT": "满意度 CSAT",
}

_EN_NAMES = {"prospect": "Prospect", "new": "New", "repeat": "Repeat", "loyal": "Loyal", "churned": "Churned",
             "high": "High value", "medium": "Medium value", "low": "Low value",
             "achieved": "Achieved", "on_track": "On track", "behind": "Behind", "missed": "Missed"}


class Texts:
    """``t("Revenue")`` in the report's language; unknown words stay English."""

    def __init__(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown report language {lang!r}")
        self.lang = lang

    def __call__(self, text: str, **values: object) -> str:
        table = _ZH if self.lang == "zh_CN" else _EN_NAMES
        return table.get(text, text).format(**values) if values else table.get(text, text)

    def chart_text(self) -> ChartText:
        if self.lang != "zh_CN":
            return ChartText()
        return ChartText(
            revenue="营业收入", orders="订单数", csat="满意度（满意占比 %）", nps="净推荐值 NPS", responses="回复数",
            detractors="贬损者（0-6）", passives="中立者（7-8）", promoters="推荐者（9-10）", customers="客户数",
            revenue_share="占收入 {share:.0%}", count_of="{label}：{count:,}", months_after="首单后月数",
            first_order_month="首单月份",
            comments="评论数", no_data="本期间没有数据", clv_predictive="预测终身价值（未来 12 个月）",
            clv_simple="简单终身价值", short_units=((100_000_000, "亿"), (10_000, "万")),
            tiers={k: _ZH[k] if k != "churned" else "已流失" for k in ("high", "medium", "low", "churned")},
            stages={k: _ZH[k] for k in ("prospect", "new", "repeat", "loyal", "churned")})
