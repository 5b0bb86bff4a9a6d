<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../src/solocrm/ui/about_dialog.py" line="39"/>
        <source>About SoloCRM</source>
        <translation>关于 SoloCRM</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/about_dialog.py" line="49"/>
        <source>The customer file of a one-person company. Your data stays on this computer.</source>
        <translation>一人公司的客户档案。您的数据只保存在这台电脑上。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/about_dialog.py" line="59"/>
        <location filename="../../src/solocrm/ui/about_dialog.py" line="67"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/about_dialog.py" line="60"/>
        <source>%1 (Python %2, Qt %3, PySide6 %4)</source>
        <translation>%1（Python %2，Qt %3，PySide6 %4）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/about_dialog.py" line="62"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/about_dialog.py" line="62"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/about_dialog.py" line="63"/>
        <source>Log folder</source>
        <translation>日志文件夹</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/about_dialog.py" line="67"/>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/about_dialog.py" line="67"/>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/about_dialog.py" line="83"/>
        <source>SoloCRM is free software under the MIT licence. Qt and PySide6 are used under the GNU LGPL version 3: you may replace the Qt libraries in the program folder with your own build.</source>
        <translation>SoloCRM 是采用 MIT 许可证的自由软件。Qt 和 PySide6 依据 GNU LGPL 第 3 版使用：您可以用自己编译的版本替换程序文件夹中的 Qt 库。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/about_dialog.py" line="95"/>
        <source>Built with</source>
        <translation>使用的组件</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/about_dialog.py" line="108"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/about_dialog.py" line="124"/>
        <source>Python Software Foundation License: %1</source>
        <translation>Python 软件基金会许可证：%1</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/about_dialog.py" line="127"/>
        <source>GNU Lesser General Public License v3: %1</source>
        <translation>GNU 宽通用公共许可证第 3 版：%1</translation>
    </message>
</context>
<context>
    <name>AnalyticsPage</name>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="145"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="145"/>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="145"/>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="146"/>
        <source>Last 12 months</source>
        <translation>近 12 个月</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="146"/>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="154"/>
        <source>Analyse as if today were this date: later orders and answers are ignored.</source>
        <translation>以这一天作为“今天”来分析：之后的订单和调查回复不计入。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="157"/>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="157"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="157"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="158"/>
        <source>RFM tier</source>
        <translation>RFM 分层</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="158"/>
        <source>Stage</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="158"/>
        <source>Source channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="164"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="165"/>
        <source>Compute again (F5)</source>
        <translation>重新计算 (F5)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="175"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="182"/>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="185"/>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="224"/>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="389"/>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="90"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="193"/>
        <source>No data yet. Record orders and survey answers (or open the demo) and this page shows how your business is doing: who is worth your time, who is slipping away, and whether your customers are happy.</source>
        <translation>还没有数据。记录订单和调查回复（或打开演示数据）后，这里会显示您的经营状况：哪些客户最值得投入，哪些客户正在流失，客户是否满意。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="224"/>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="235"/>
        <source>Tier</source>
        <translation>分层</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="224"/>
        <source>Share of revenue</source>
        <translation>营收占比</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="225"/>
        <source>Suggested action</source>
        <translation>建议行动</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="228"/>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="229"/>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="365"/>
        <source>RFM tiers</source>
        <translation>RFM 客户分层</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="230"/>
        <source>Recency, frequency and monetary scores (1-5 each, over the 12 months before the as-of date) add up to a tier: 12-15 high value, 8-11 medium, 4-7 low, 3 churned. Double-click a tier to see its customers, best first.</source>
        <translation>最近消费（R）、消费频率（F）、消费金额（M）各评 1-5 分（统计截至日前 12 个月），总分决定分层：12-15 高价值，8-11 中价值，4-7 低价值，3 流失。双击某一层查看其中的客户，价值高的在前。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="234"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="234"/>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="234"/>
        <source>P(alive)</source>
        <translation>存活概率</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="235"/>
        <source>Predicted CLV</source>
        <translation>预测终身价值</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="235"/>
        <source>Value at risk</source>
        <translation>风险价值</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="238"/>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="247"/>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="249"/>
        <source>Create win-back task</source>
        <translation>创建召回任务</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="243"/>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="261"/>
        <source>Churn risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="262"/>
        <source>Customers ranked by the value you may lose: predicted CLV × (1 − P(alive)). P(alive) is the BG/NBD model&apos;s probability that the customer will still buy from you.</source>
        <translation>按可能损失的价值排序：预测终身价值 ×（1 − 存活概率）。存活概率是 BG/NBD 模型估计的客户仍会继续购买的概率。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="265"/>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="265"/>
        <source>Baseline → target</source>
        <translation>基准 → 目标</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="265"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="266"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="266"/>
        <source>Deadline</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="266"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="270"/>
        <source>Add goal…</source>
        <translation>添加目标…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="273"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="275"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="269"/>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="288"/>
        <source>Goals</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="252"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="254"/>
        <source>Save the churn-risk list as shown to Excel or CSV.</source>
        <translation>将当前显示的流失风险名单保存为 Excel 或 CSV。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="282"/>
        <source>No goals yet. A goal follows one figure to a target by a date, for example repurchase rate from 20% to 30% by the end of the year, and shows here whether you are on track. Click Add goal… to set one.</source>
        <translation>还没有目标。目标跟踪一项指标在某个日期前达到目标值，例如年底前把复购率从 20% 提高到 30%，并在这里显示进度是否跟得上。点击“添加目标…”设定一个。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="289"/>
        <source>A goal tracks one metric from a baseline to a target by a deadline, measured over the last 30, 90, 180 or 365 days. It is on track when it has come at least as far as the time that has gone.</source>
        <translation>目标跟踪一项指标在截止日期前从基准值达到目标值，按最近 30、90、180 或 365 天计算。完成进度不低于已过去的时间比例，即为进展正常。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="356"/>
        <source>Click a bar, slice or cell to see exactly those customers.</source>
        <translation>点击柱形、扇区或单元格，查看对应的客户。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="358"/>
        <source>Revenue and orders</source>
        <translation>营收与订单</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="358"/>
        <source>Paid orders per day, week or month of the period. </source>
        <translation>期间内每天、每周或每月的已付款订单。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="360"/>
        <source>CSAT and NPS over time</source>
        <translation>满意度与净推荐值趋势</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="361"/>
        <source>CSAT (% scoring 4-5) and NPS per bucket, with the number of answers. </source>
        <translation>各时间段的满意度（4-5 分占比）和净推荐值，以及回复数量。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="363"/>
        <source>NPS: detractors, passives, promoters</source>
        <translation>净推荐值：贬损者、中立者、推荐者</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="364"/>
        <source>NPS answers in the period: 0-6 detractors, 7-8 passives, 9-10 promoters. </source>
        <translation>期间内的 NPS 回复：0-6 分为贬损者，7-8 分为中立者，9-10 分为推荐者。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="365"/>
        <source>Customers per tier as of the as-of date, with their share of the period&apos;s revenue. </source>
        <translation>截至日各分层的客户数，以及各层在期间营收中的占比。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="367"/>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="367"/>
        <source>Prospect (no order), new (one order), repeat (two or more), loyal (high value, or a promoter buying four or more times a year), churned. </source>
        <translation>潜在客户（未下单）、新客户（一单）、老客户（两单及以上）、忠诚客户（高价值，或每年购买四次以上的推荐者）、流失客户。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="370"/>
        <source>CLV distribution</source>
        <translation>客户终身价值分布</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="370"/>
        <source>Customers by predicted value over the horizon (simple CLV when the models cannot be fitted). </source>
        <translation>按预测期内预测价值划分的客户（模型无法拟合时使用简单终身价值）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="372"/>
        <source>Retention by month of first order</source>
        <translation>按首单月份的留存</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="373"/>
        <source>Share of each month&apos;s new customers who bought again k months later. </source>
        <translation>每个月的新客户在 k 个月后再次购买的比例。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="374"/>
        <source>What customers say</source>
        <translation>客户在说什么</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="374"/>
        <source>Most frequent words and phrases in survey comments of the period (Chinese segmented with jieba). </source>
        <translation>期间内调查评价中出现最多的词语和短语（中文用 jieba 分词）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="383"/>
        <source>1000000:M;1000:k</source>
        <translation>100000000:亿;10000:万</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="387"/>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="781"/>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="94"/>
        <source>Revenue</source>
        <translation>营收</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="387"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="387"/>
        <source>CSAT (% satisfied)</source>
        <translation>满意度（满意占比 %）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="388"/>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="781"/>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="97"/>
        <source>NPS</source>
        <translation>净推荐值</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="388"/>
        <source>Answers</source>
        <translation>回复数</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="388"/>
        <source>Detractors (0-6)</source>
        <translation>贬损者（0-6）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="389"/>
        <source>Passives (7-8)</source>
        <translation>中立者（7-8）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="389"/>
        <source>Promoters (9-10)</source>
        <translation>推荐者（9-10）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="390"/>
        <source>{share:.0%} of revenue</source>
        <translation>占营收 {share:.0%}</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="390"/>
        <source>{label}: {count:,}</source>
        <translation>{label}：{count:,}</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="391"/>
        <source>Months after first order</source>
        <translation>首单后月数</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="392"/>
        <source>Month of first order</source>
        <translation>首单月份</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="392"/>
        <source>Comments</source>
        <translation>评价数</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="393"/>
        <source>No data for this period</source>
        <translation>此期间没有数据</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="393"/>
        <source>Predicted CLV (next 12 months)</source>
        <translation>预测终身价值（未来 12 个月）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="394"/>
        <source>Simple CLV</source>
        <translation>简单终身价值</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="506"/>
        <source>The period starts after it ends. Choose another start date.</source>
        <translation>期间的开始日期晚于结束日期，请选择其他开始日期。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="513"/>
        <source>Computing analytics…</source>
        <translation>正在计算分析…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="546"/>
        <source>Stopped. Press Refresh (F5) to compute again.</source>
        <translation>已停止。按“刷新”(F5) 重新计算。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="561"/>
        <source>As of %1 · period %2 to %3 · compared with %4 to %5</source>
        <translation>截至 %1 · 期间 %2 至 %3 · 对比 %4 至 %5</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="591"/>
        <source>no earlier data</source>
        <translation>没有更早的数据</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="594"/>
        <source> pp</source>
        <translation> 个百分点</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="596"/>
        <source>up from 0</source>
        <translation>从 0 上升</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="596"/>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="601"/>
        <source>unchanged</source>
        <translation>持平</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="608"/>
        <source>Customers in your file at the end of the period (archived ones too: their orders are part of your history). Click to see them.</source>
        <translation>期末客户档案中的客户数（包括已归档的：他们的订单也是您的历史）。点击查看。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="610"/>
        <source>Customers whose last paid order is at most %1 days before the end of the period (churn days, in Settings).</source>
        <translation>最近一笔已付款订单在期末前 %1 天以内的客户（流失判定天数，见“设置”）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="612"/>
        <source>Customers whose first paid order falls in the period.</source>
        <translation>首笔已付款订单在此期间的客户。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="613"/>
        <source>Customers active at the start of the period whose last paid order is more than %1 days old at its end.</source>
        <translation>期初活跃、但到期末时最近一笔已付款订单已超过 %1 天的客户。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="615"/>
        <source>Sum of paid orders in the period. Refunded orders are not counted, nor orders in another currency than yours (Settings).</source>
        <translation>期间内已付款订单的总额。退款订单不计入，币种与您的币种（设置中）不同的订单也不计入。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="617"/>
        <source>Revenue divided by the number of paid orders in the period.</source>
        <translation>营收除以期间内已付款订单数。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="618"/>
        <source>Share of CSAT answers (1-5) in the period scoring 4 or 5, in %. The mean score is shown below.</source>
        <translation>期间内满意度回复（1-5 分）中 4 分或 5 分所占的百分比。平均分显示在下方。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="620"/>
        <source>% promoters (9-10) minus % detractors (0-6) among NPS answers in the period, from -100 to 100; 7-8 are passives. 50 or more is excellent.</source>
        <translation>期间内 NPS 回复中推荐者（9-10 分）占比减去贬损者（0-6 分）占比，范围 -100 到 100；7-8 分为中立者。50 及以上为优秀。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="622"/>
        <source>Customers with 2 or more paid orders in the period divided by customers with at least 1.</source>
        <translation>期间内有 2 笔及以上已付款订单的客户数，除以至少有 1 笔的客户数。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="624"/>
        <source>Customers active at the start of the period who churned by its end, divided by the customers active at the start.</source>
        <translation>期初活跃、期末已流失的客户数，除以期初活跃客户数。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="626"/>
        <source>Customers active at the start of the period who are still active at its end, divided by the customers active at the start.</source>
        <translation>期初活跃、期末仍然活跃的客户数，除以期初活跃客户数。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="628"/>
        <source>Customers who referred at least one customer who became new in the period, divided by all customers.</source>
        <translation>在期间内推荐了至少一位新客户的客户数，除以全部客户数。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="630"/>
        <source>Average order value × orders per year (both over the 12 months before the end of the period) × expected lifetime × gross margin (%1%). Lifetime is 1 ÷ the annual churn rate, at most %2 years. Averaged over customers who bought in those 12 months.</source>
        <translation>平均客单价 × 每年订单数（均按期末前 12 个月计算）× 预期生命周期 × 毛利率（%1%）。生命周期 = 1 ÷ 年流失率，最多 %2 年。按这 12 个月内有购买的客户取平均。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="634"/>
        <source>BG/NBD (Fader, Hardie &amp; Lee 2005) predicts each customer&apos;s purchases and the chance they are still a customer; Gamma-Gamma their spend per purchase. Discounted at %1% a year over the next %2 days, averaged over customers who have bought. Fitted by maximum likelihood on all your customers.</source>
        <translation>BG/NBD 模型（Fader、Hardie 和 Lee，2005）预测每位客户的购买次数及其仍是客户的概率；Gamma-Gamma 模型预测每次购买的金额。按每年 %1% 折现，计算未来 %2 天，按有过购买的客户取平均。用全部客户数据以最大似然法拟合。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="644"/>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="790"/>
        <source>No data</source>
        <translation>没有数据</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="645"/>
        <source>Change against %1 to %2, the period of the same length before.</source>
        <translation>与前一个同样长度的期间（%1 至 %2）相比的变化。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="654"/>
        <source>next %1 days</source>
        <translation>未来 %1 天</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/analytics_page.py" line="661"/>
        <source>mean %1 · %Ln answer(s)</source>
        <translation>
            <numerusform>平均 %1 · %Ln 条回复</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/analytics_page.py" line="664"/>
        <source>%Ln answer(s)</source>
        <translation>
            <numerusform>%Ln 条回复</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="670"/>
        <source>Click to see these customers</source>
        <translation>点击查看这些客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="674"/>
        <source>No survey answers in this period.</source>
        <translation>此期间没有调查回复。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="676"/>
        <source>Nobody was an active customer at the start of the period.</source>
        <translation>期初没有活跃客户。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="678"/>
        <source>No paid orders in this period.</source>
        <translation>此期间没有已付款订单。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="680"/>
        <source>No customer was active a year before, so there is no annual churn rate to estimate a lifetime from.</source>
        <translation>一年前没有活跃客户，因此无法用年流失率估算生命周期。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="682"/>
        <source>Nobody bought in the last 12 months.</source>
        <translation>最近 12 个月没有人购买。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="683"/>
        <source>No customers in this period.</source>
        <translation>此期间没有客户。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="687"/>
        <source>Too few customers have bought for the models to learn from (at least 20 are needed).</source>
        <translation>有过购买的客户太少，模型无法学习（至少需要 20 位）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="689"/>
        <source>Too few customers have bought on more than one day for the models to learn how often people come back.</source>
        <translation>在不止一天有过购买的客户太少，模型无法学习客户多久回购一次。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="691"/>
        <source>The model fit did not converge on this data, so it shows no predictions.</source>
        <translation>模型在这些数据上拟合未收敛，因此不显示预测。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="692"/>
        <source>The data do not pin the models down (the fit drifts to an extreme), so they show no predictions. More history usually fixes this.</source>
        <translation>数据不足以确定模型（拟合结果趋于极端），因此不显示预测。积累更多历史数据通常可以解决。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="694"/>
        <source>A few very large orders dominate spending, so the spend model finds no finite average and shows no predictions.</source>
        <translation>少数特大订单主导了消费金额，消费模型无法得出有限的平均值，因此不显示预测。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="702"/>
        <source>Models fitted on %1 customers: BG/NBD r = %2, α = %3 days, a = %4, b = %5 · Gamma-Gamma p = %6, q = %7, v = %8</source>
        <translation>模型基于 %1 位客户拟合：BG/NBD r = %2，α = %3 天，a = %4，b = %5 · Gamma-Gamma p = %6，q = %7，v = %8</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="708"/>
        <source>No predictions: %1</source>
        <translation>没有预测：%1</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="735"/>
        <source>VIP care and premium offers</source>
        <translation>VIP 关怀和高端优惠</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="735"/>
        <source>Personalised cross-sell</source>
        <translation>个性化交叉销售</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="736"/>
        <source>Promotions to build the habit</source>
        <translation>用促销培养消费习惯</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="737"/>
        <source>Ask why they left and make a win-back offer</source>
        <translation>了解流失原因，提供召回优惠</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="768"/>
        <source>Highest value at risk first. Select a customer, then open them or plan a win-back.</source>
        <translation>风险价值最高的排在前面。选择一位客户，然后打开其档案或安排召回。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="773"/>
        <source>No customer at risk in this segment.</source>
        <translation>这个分群中没有流失风险客户。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="779"/>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="98"/>
        <source>Repurchase rate</source>
        <translation>复购率</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="779"/>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="99"/>
        <source>Churn rate</source>
        <translation>流失率</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="780"/>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="100"/>
        <source>Retention rate</source>
        <translation>客户保持率</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="780"/>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="101"/>
        <source>Referral rate</source>
        <translation>推荐率</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="781"/>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="96"/>
        <source>CSAT</source>
        <translation>客户满意度</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="782"/>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="95"/>
        <source>Average order value</source>
        <translation>平均客单价</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="782"/>
        <source>Active customers</source>
        <translation>活跃客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="783"/>
        <source>New customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="783"/>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="102"/>
        <source>Average CLV (simple)</source>
        <translation>平均 CLV（简单）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="784"/>
        <source>Share of customers with CLV at least</source>
        <translation>终身价值不低于此值的客户占比</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="801"/>
        <source>Achieved</source>
        <translation>已达成</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="801"/>
        <source>On track</source>
        <translation>进展正常</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="801"/>
        <source>Behind</source>
        <translation>落后</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="802"/>
        <source>Missed</source>
        <translation>未达成</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="802"/>
        <source>No data yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="821"/>
        <source>Time gone: %1</source>
        <translation>已过时间：%1</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="848"/>
        <source>Select a customer in the churn-risk list first.</source>
        <translation>请先在流失风险列表中选择一位客户。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="852"/>
        <source>Win back %1: ask why they stopped buying and make a comeback offer</source>
        <translation>召回 %1：了解不再购买的原因，提供回归优惠</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="854"/>
        <source>Churn risk: P(alive) %1, value at risk %2.</source>
        <translation>流失风险：存活概率 %1，风险价值 %2。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="860"/>
        <source>Undo win-back task</source>
        <translation>撤销召回任务</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="861"/>
        <source>Win-back task for %1 added to Today (due tomorrow).</source>
        <translation>已为 %1 添加召回任务到“今日”（明天到期）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="884"/>
        <source>Goal added.</source>
        <translation>目标已添加。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="898"/>
        <source>Goal saved.</source>
        <translation>目标已保存。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="909"/>
        <source>Undo delete goal</source>
        <translation>撤销删除目标</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="910"/>
        <source>Goal deleted. Press Ctrl+Z to undo.</source>
        <translation>目标已删除。按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="91"/>
        <source>Active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="92"/>
        <source>New</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="93"/>
        <source>Churned</source>
        <translation>流失客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_page.py" line="103"/>
        <source>Average CLV (predicted)</source>
        <translation>平均 CLV（预测）</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../src/solocrm/ui/app.py" line="101"/>
        <source>SoloCRM cannot open this database</source>
        <translation>SoloCRM 无法打开此数据库</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/app.py" line="171"/>
        <source>Creating demo data…</source>
        <translation>正在生成演示数据…</translation>
    </message>
</context>
<context>
    <name>BackupBanner</name>
    <message>
        <location filename="../../src/solocrm/ui/backup_scheduler.py" line="126"/>
        <source>Open backups</source>
        <translation>打开备份</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_scheduler.py" line="156"/>
        <source>The last backup failed: %1</source>
        <translation>上次备份失败：%1</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_scheduler.py" line="158"/>
        <source>Your last good backup is too old. Connect the backup drive or back up now.</source>
        <translation>最近一次成功的备份已经太旧。请连接备份盘，或立即备份。</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="87"/>
        <source>Protect your customer file</source>
        <translation>保护您的客户档案</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="90"/>
        <source>SoloCRM can back up your data automatically, encrypted, to a USB drive or a synced folder, and check every backup after writing it. If this computer is lost or a change goes wrong, you restore a backup and carry on.</source>
        <translation>SoloCRM 可以自动把数据加密备份到 U 盘或同步文件夹，并在每次写入后检查备份。万一电脑丢失或改错了数据，恢复备份即可继续工作。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="96"/>
        <source>Set up backups…</source>
        <translation>设置备份…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="100"/>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="116"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="128"/>
        <source>Last good backup:</source>
        <translation>最近一次成功备份：</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="129"/>
        <source>Next backup:</source>
        <translation>下次备份：</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="130"/>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="131"/>
        <source>Key:</source>
        <translation>密钥：</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="134"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="136"/>
        <source>Ctrl+Shift+B</source>
        <translation>Ctrl+Shift+B</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="138"/>
        <source>Verify all</source>
        <translation>全部验证</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="141"/>
        <source>Restore from file…</source>
        <translation>从文件恢复…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="144"/>
        <source>Change passphrase…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="146"/>
        <source>Change folder or schedule…</source>
        <translation>更改文件夹或计划…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="152"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="156"/>
        <source>Made</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="156"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="156"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="156"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="297"/>
        <source>No backups yet. Click Back up now to make the first one.</source>
        <translation>还没有备份。点击“立即备份”创建第一个备份。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="161"/>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="164"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="174"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="178"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="178"/>
        <source>Started by</source>
        <translation>触发方式</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="178"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="179"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="183"/>
        <source>Which backups are kept</source>
        <translation>保留哪些备份</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="221"/>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="223"/>
        <source>%1 minutes ago</source>
        <translation>%1 分钟前</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="225"/>
        <source>%1 hours ago</source>
        <translation>%1 小时前</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="226"/>
        <source>%1 days ago</source>
        <translation>%1 天前</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="237"/>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="239"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="242"/>
        <source>not yet verified</source>
        <translation>尚未验证</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="248"/>
        <source>only when you click Back up now</source>
        <translation>仅在点击“立即备份”时</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="251"/>
        <source>due now</source>
        <translation>现在就该备份</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="254"/>
        <source>%1 free</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="255"/>
        <source>not available: connect the drive</source>
        <translation>不可用：请连接备份盘</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="258"/>
        <source>Kept in this computer&apos;s keyring: backups are verified right after they are written.</source>
        <translation>保存在这台电脑的钥匙串中：备份写入后会立即验证。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="261"/>
        <source>Not in the keyring on this computer. Backups still run; verify them with your passphrase.</source>
        <translation>不在这台电脑的钥匙串中。备份仍会进行；请用密码验证。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="265"/>
        <source>This computer has no secure keyring, so the key is not kept here. Backups still run and are marked “not yet verified” until you enter your passphrase (Verify all).</source>
        <translation>这台电脑没有安全的钥匙串，因此不在此保存密钥。备份仍会进行，在您输入密码（全部验证）之前会标记为“尚未验证”。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="271"/>
        <source>Keeps the last %1, one a day for %2 days, one a week for %3 weeks, one a month for %4 months and one a year for %5 years. Pinned, unverified and damaged backups, and the newest good one, are never deleted.</source>
        <translation>保留最近 %1 个，%2 天内每天一个，%3 周内每周一个，%4 个月内每月一个，%5 年内每年一个。已固定、未验证和已损坏的备份，以及最新的正常备份，永远不会被删除。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="278"/>
        <source>Verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="278"/>
        <source>Not yet verified</source>
        <translation>尚未验证</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="279"/>
        <source>Damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="279"/>
        <source>Not checked here</source>
        <translation>未在此检查</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="285"/>
        <source>pinned</source>
        <translation>已固定</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="294"/>
        <source>The backup folder is not available. Connect the drive to see and check its backups.</source>
        <translation>备份文件夹不可用。请连接备份盘以查看和检查其中的备份。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="301"/>
        <source>You</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="301"/>
        <source>Schedule</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="301"/>
        <source>Catch-up</source>
        <translation>补做</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="302"/>
        <source>OS timer</source>
        <translation>系统定时器</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="302"/>
        <source>Command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="302"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="303"/>
        <source>Setup</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="304"/>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="304"/>
        <source>Written, not yet verified</source>
        <translation>已写入，尚未验证</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="305"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="305"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="305"/>
        <source>Set up</source>
        <translation>已设置</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="326"/>
        <source>Your key will be kept in this computer&apos;s keyring, so backups are verified automatically.</source>
        <translation>您的密钥将保存在这台电脑的钥匙串中，备份会自动验证。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="328"/>
        <source>This computer has no secure keyring: backups will still run, and are verified when you enter the passphrase.</source>
        <translation>这台电脑没有安全的钥匙串：备份仍会进行，在您输入密码时验证。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="345"/>
        <source>Making your backup key…</source>
        <translation>正在生成备份密钥…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="356"/>
        <source>Changing the passphrase…</source>
        <translation>正在修改密码…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="358"/>
        <source>Passphrase changed</source>
        <translation>密码已修改</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="359"/>
        <source>The new passphrase now protects your backup key.</source>
        <translation>新密码现在保护着您的备份密钥。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="368"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="379"/>
        <source>The backup was written but not yet verified: the key is not on this computer. Click Verify all and enter your passphrase.</source>
        <translation>备份已写入但尚未验证：这台电脑上没有密钥。请点击“全部验证”并输入密码。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="382"/>
        <source>Backup written and verified: %1</source>
        <translation>备份已写入并验证：%1</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="411"/>
        <source>Your backup key is not on this computer. Enter the backup passphrase, or the recovery code you wrote down.</source>
        <translation>这台电脑上没有您的备份密钥。请输入备份密码，或您记下的恢复码。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="426"/>
        <source>Unlocking…</source>
        <translation>正在解锁…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="453"/>
        <source>Verifying %1…</source>
        <translation>正在验证 %1…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="461"/>
        <source>Verifying…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="471"/>
        <source>All backups verified</source>
        <translation>所有备份均已验证</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="471"/>
        <source>Some backups failed verification</source>
        <translation>部分备份未通过验证</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="486"/>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="487"/>
        <source>SoloCRM backups (*.crmbak);;All files (*)</source>
        <translation>SoloCRM 备份 (*.crmbak);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="496"/>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="504"/>
        <source>customers</source>
        <translation>位客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="504"/>
        <source>orders</source>
        <translation>个订单</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="505"/>
        <source>interactions</source>
        <translation>条互动记录</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="505"/>
        <source>tasks</source>
        <translation>个任务</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="506"/>
        <source>survey answers</source>
        <translation>份调查回复</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="508"/>
        <source>This backup was made %1 by SoloCRM %2 and holds:
%3

Restoring replaces everything in %4 with it. A safety backup of the current data is taken first, so you can undo this.</source>
        <translation>这个备份由 SoloCRM %2 于 %1 创建，包含：
%3

恢复会用它替换 %4 中的全部内容。恢复前会先为当前数据做一个安全备份，因此可以撤销。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="512"/>
        <source>Restore this backup?</source>
        <translation>恢复这个备份？</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="520"/>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="530"/>
        <source>Restored. The data you had before is kept as a pinned safety backup: %1</source>
        <translation>已恢复。之前的数据已作为固定的安全备份保存：%1</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="532"/>
        <source>Restore complete</source>
        <translation>恢复完成</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="311"/>
        <source>Change passphrase</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="318"/>
        <source>Only the key file beside your backups is rewritten; the backups stay as they are.</source>
        <translation>只会重写备份旁边的密钥文件，备份本身保持不变。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="324"/>
        <source>Current passphrase:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="334"/>
        <source>Enter the same new passphrase twice.</source>
        <translation>请两次输入相同的新口令。</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../src/solocrm/ui/crash.py" line="81"/>
        <source>SoloCRM</source>
        <translation>SoloCRM</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/crash.py" line="86"/>
        <source>Something went wrong. SoloCRM keeps running; your data is saved.</source>
        <translation>出了点问题。SoloCRM 仍在运行，您的数据已保存。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/crash.py" line="92"/>
        <source>If it happens again, copy the details and send them with a note of what you were doing.</source>
        <translation>如果再次出现，请复制详细信息，连同您当时正在做的操作一起发给我们。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/crash.py" line="100"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/crash.py" line="101"/>
        <source>Show log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/crash.py" line="126"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="61"/>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="61"/>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="66"/>
        <source>Basic</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="67"/>
        <source>Address and source</source>
        <translation>地址与来源</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="68"/>
        <source>Preferences</source>
        <translation>联系偏好</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="69"/>
        <source>Personal</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="70"/>
        <source>Custom fields</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="115"/>
        <source>e.g. 张三</source>
        <translation>例如 张三</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="118"/>
        <source>138 1234 5678, 021-6234 5678</source>
        <translation>138 1234 5678, 021-6234 5678</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="119"/>
        <source>Several numbers: separate them with commas. A landline with its area code; an extension after 转 (0571 8765 4321 转 802).</source>
        <translation>多个号码请用逗号分隔。座机请带区号；分机号写在“转”之后（0571 8765 4321 转 802）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="121"/>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="123"/>
        <source>VIP, 老客</source>
        <translation>VIP, 老客</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="124"/>
        <source>Separate tags with commas.</source>
        <translation>多个标签请用逗号分隔。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="132"/>
        <source>Not set</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="136"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="137"/>
        <source>Name *</source>
        <translation>名称 *</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="138"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="139"/>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="140"/>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="141"/>
        <source>Emails</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="142"/>
        <source>WeChat ID</source>
        <translation>微信号</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="143"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="144"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="145"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="151"/>
        <source>e.g. 广东</source>
        <translation>例如 广东</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="152"/>
        <source>e.g. 深圳</source>
        <translation>例如 深圳</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="160"/>
        <source>Type a name to pick a customer</source>
        <translation>输入名字以选择客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="168"/>
        <source>Province / region</source>
        <translation>省份/地区</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="169"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="170"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="171"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="172"/>
        <source>Source channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="173"/>
        <source>Campaign</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="174"/>
        <source>Referred by</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="180"/>
        <source>Agrees to receive marketing messages</source>
        <translation>同意接收营销信息</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="182"/>
        <source>No preference</source>
        <translation>无偏好</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="185"/>
        <source>e.g. weekdays after 18:00</source>
        <translation>例如 工作日 18:00 以后</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="187"/>
        <source>Consent</source>
        <translation>授权</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="188"/>
        <source>Preferred channel</source>
        <translation>首选联系方式</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="189"/>
        <source>Preferred hours</source>
        <translation>方便联系的时间</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="195"/>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="307"/>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="199"/>
        <source>Choose photo…</source>
        <translation>选择照片…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="201"/>
        <source>Remove photo</source>
        <translation>移除照片</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="212"/>
        <source>Family, pets, likes… whatever helps you remember them.</source>
        <translation>家庭、宠物、喜好……任何能帮您记住对方的细节。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="215"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="216"/>
        <source>Personal details</source>
        <translation>个人细节</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="217"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="224"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="224"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="229"/>
        <source>Add field</source>
        <translation>添加字段</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="232"/>
        <source>Fields you define appear on every customer.</source>
        <translation>您定义的字段会出现在每位客户的档案中。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="283"/>
        <source>Choose a photo</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="284"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp *.gif *.webp)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="290"/>
        <source>This photo is larger than 2 MB. Choose a smaller picture.</source>
        <translation>这张照片超过 2 MB，请选择小一些的图片。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="293"/>
        <source>This file is not a picture SoloCRM can read.</source>
        <translation>这个文件不是 SoloCRM 能读取的图片。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_dialog.py" line="351"/>
        <source>Pick the referring customer from the suggestions, or leave it empty.</source>
        <translation>请从建议列表中选择推荐人，或留空。</translation>
    </message>
</context>
<context>
    <name>CustomerInsightsPanel</name>
    <message>
        <location filename="../../src/solocrm/ui/customer_insights.py" line="37"/>
        <source>Analytics</source>
        <translation>经营分析</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_insights.py" line="40"/>
        <source>RFM: recency, frequency and monetary scores (1-5) over the 12 months before today, adding up to a tier. Simple CLV: yearly spend × expected lifetime (1 ÷ annual churn rate, capped) × margin. Predicted CLV and P(alive) come from the BG/NBD and Gamma-Gamma models fitted on all your customers: expected purchases and spend over the next 12 months, discounted.</source>
        <translation>RFM：今天之前 12 个月的最近消费、消费频率和消费金额评分（1-5），总分决定分层。简单终身价值：年消费 × 预期生命周期（1 ÷ 年流失率，有上限）× 毛利率。预测终身价值和存活概率来自用全部客户拟合的 BG/NBD 和 Gamma-Gamma 模型：未来 12 个月的预期购买次数和消费金额（已折现）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_insights.py" line="48"/>
        <location filename="../../src/solocrm/ui/customer_insights.py" line="86"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_insights.py" line="57"/>
        <source>RFM</source>
        <translation>RFM</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_insights.py" line="57"/>
        <source>Tier</source>
        <translation>分层</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_insights.py" line="57"/>
        <source>Stage</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_insights.py" line="58"/>
        <source>CLV (simple)</source>
        <translation>终身价值（简单）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_insights.py" line="58"/>
        <source>CLV (predicted)</source>
        <translation>终身价值（预测）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_insights.py" line="59"/>
        <source>P(alive)</source>
        <translation>存活概率</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_insights.py" line="59"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_insights.py" line="108"/>
        <source>as of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_insights.py" line="114"/>
        <source>No orders yet</source>
        <translation>还没有订单</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_insights.py" line="117"/>
        <location filename="../../src/solocrm/ui/customer_insights.py" line="124"/>
        <location filename="../../src/solocrm/ui/customer_insights.py" line="125"/>
        <source>No data</source>
        <translation>没有数据</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_insights.py" line="118"/>
        <location filename="../../src/solocrm/ui/customer_insights.py" line="126"/>
        <source>No orders yet.</source>
        <translation>还没有订单。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_insights.py" line="119"/>
        <source>Nobody was an active customer a year ago, so there is no annual churn rate yet.</source>
        <translation>一年前没有活跃客户，因此还没有年流失率。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_insights.py" line="127"/>
        <source>The models could not be fitted on your data yet (too few customers, or too few who came back).</source>
        <translation>模型暂时无法用您的数据拟合（客户太少，或回购的客户太少）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_insights.py" line="132"/>
        <source>About %1 purchase day(s) expected in the next %2 days.</source>
        <translation>预计未来 %2 天内约有 %1 个购买日。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_insights.py" line="144"/>
        <source>No answers yet</source>
        <translation>还没有回复</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_insights.py" line="147"/>
        <source>NPS %1</source>
        <translation>NPS %1</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_insights.py" line="147"/>
        <source>CSAT %1</source>
        <translation>满意度 %1</translation>
    </message>
</context>
<context>
    <name>CustomerList</name>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="74"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="75"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="76"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="77"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="78"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="79"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="80"/>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="81"/>
        <source>Total spent</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="83"/>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="84"/>
        <source>Added</source>
        <translation>添加日期</translation>
    </message>
</context>
<context>
    <name>CustomerListView</name>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="225"/>
        <source>Search name, company, pinyin, phone, email or tag…</source>
        <translation>搜索名字、公司、拼音、电话、邮箱或标签…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="249"/>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="251"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="252"/>
        <source>Save exactly the customers and columns shown to Excel, CSV or vCard.</source>
        <translation>将当前显示的客户和列导出为 Excel、CSV 或 vCard 文件。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="273"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="277"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="296"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="296"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="297"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="297"/>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="298"/>
        <source>Spent</source>
        <translation>消费</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="298"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="331"/>
        <location filename="../../src/solocrm/ui/customer_list.py" line="350"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="334"/>
        <source>Any time</source>
        <translation>不限</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/customer_list.py" line="336"/>
        <source>Within %n days</source>
        <translation>
            <numerusform>%n 天内</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="337"/>
        <source>Over 180 days ago</source>
        <translation>180 天以前</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="338"/>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="340"/>
        <source>≥ %1</source>
        <translation>≥ %1</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="341"/>
        <source>Active customers</source>
        <translation>当前客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="342"/>
        <source>Including archived</source>
        <translation>包括已归档</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/customer_list.py" line="392"/>
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln 位客户</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="397"/>
        <source>No customer matches “%1”.
Try part of the name, pinyin initials (zs for 张三) or a few digits of the phone.</source>
        <translation>没有与“%1”匹配的客户。
可以试试名字的一部分、拼音首字母（zs 代表 张三）或电话号码中的几位数字。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="400"/>
        <source>No customers match these filters.</source>
        <translation>没有符合这些筛选条件的客户。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_list.py" line="402"/>
        <source>No customers yet.
Add one with New customer, or bring in a list from Excel, CSV or phone contacts with File → Import (Ctrl+I).</source>
        <translation>还没有客户。
点击“新建客户”添加一位，或通过“文件 → 导入”（Ctrl+I）从 Excel、CSV 或手机通讯录导入名单。</translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="75"/>
        <source>← Back</source>
        <translation>← 返回</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="76"/>
        <source>Back to the list (Alt+Left)</source>
        <translation>返回列表 (Alt+Left)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="94"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="95"/>
        <source>Add order</source>
        <translation>添加订单</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="96"/>
        <source>Log interaction</source>
        <translation>记录互动</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="97"/>
        <source>Record survey</source>
        <translation>记录调查</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="98"/>
        <source>Add task</source>
        <translation>添加任务</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="106"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="108"/>
        <location filename="../../src/solocrm/ui/customer_page.py" line="212"/>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="109"/>
        <source>Export orders to Excel / CSV…</source>
        <translation>导出订单到 Excel / CSV…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="110"/>
        <source>Delete customer…</source>
        <translation>删除客户…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="138"/>
        <source>Delete entry</source>
        <translation>删除此条</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="143"/>
        <source>Nothing recorded yet. Add an order, log a call or a WeChat chat, and it appears here.</source>
        <translation>还没有任何记录。添加订单、记录一次通话或微信聊天后，就会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="150"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="176"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="176"/>
        <source>Product or service</source>
        <translation>商品或服务</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="176"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="176"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="177"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="177"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="177"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="177"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="183"/>
        <source>Orders of %1</source>
        <translation>%1 的订单</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="206"/>
        <source>(archived)</source>
        <translation>（已归档）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="212"/>
        <source>Restore from archive</source>
        <translation>取消归档</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="234"/>
        <source>Total spent</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="235"/>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="235"/>
        <source>Paid orders; refunds are not counted.</source>
        <translation>已付款的订单；退款不计入。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="236"/>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="237"/>
        <source>Average order</source>
        <translation>平均客单价</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="239"/>
        <source>Membership</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="240"/>
        <source>By total spend: Silver from ¥1,000, Gold from ¥5,000, Diamond from ¥20,000.</source>
        <translation>按累计消费：满 ¥1,000 为银卡，满 ¥5,000 为金卡，满 ¥20,000 为钻石。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="241"/>
        <source>Stage</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="242"/>
        <source>Computed from orders: prospect, new, repeat, loyal, churned.</source>
        <translation>根据订单自动计算：潜在客户、新客户、老客户、忠诚客户、流失客户。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="243"/>
        <source>RFM</source>
        <translation>RFM</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="244"/>
        <source>Recency, frequency and monetary scores (1-5) over the last 12 months. Suggested: %1</source>
        <translation>近 12 个月的最近消费（R）、消费频率（F）、消费金额（M）评分（1-5）。建议：%1</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="252"/>
        <source>VIP care and premium offers</source>
        <translation>VIP 关怀和高端优惠</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="253"/>
        <source>personalised cross-sell</source>
        <translation>个性化交叉销售</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="254"/>
        <source>promotions to build the habit</source>
        <translation>用促销培养消费习惯</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="255"/>
        <source>ask why they left and make a win-back offer</source>
        <translation>了解流失原因，提供召回优惠</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="270"/>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="271"/>
        <source>Emails</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="272"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="273"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="274"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="275"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="276"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="277"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="281"/>
        <source>Referred by</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="282"/>
        <source>Prefers</source>
        <translation>偏好</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="284"/>
        <source>Marketing</source>
        <translation>营销信息</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="284"/>
        <source>Agreed</source>
        <translation>已同意</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="284"/>
        <source>No consent</source>
        <translation>未同意</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="287"/>
        <source>Personal</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="288"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="289"/>
        <source>Customer since</source>
        <translation>建档日期</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="290"/>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="314"/>
        <source>Refunded order %1</source>
        <translation>已退款订单 %1</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="314"/>
        <source>Order %1</source>
        <translation>订单 %1</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="319"/>
        <source>No. %1</source>
        <translation>单号 %1</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="322"/>
        <source>from customer</source>
        <translation>客户发起</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="322"/>
        <source>to customer</source>
        <translation>我方发起</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="323"/>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="328"/>
        <source>NPS %1 / 10</source>
        <translation>NPS 评分 %1 / 10</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="330"/>
        <source>Satisfaction %1 / 5</source>
        <translation>满意度 %1 / 5</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="334"/>
        <source>Task done: %1</source>
        <translation>任务完成：%1</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="334"/>
        <source>Task due: %1</source>
        <translation>任务到期：%1</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="339"/>
        <source>Stage: %1 → %2</source>
        <translation>生命周期：%1 → %2</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="341"/>
        <source>No order for %1 days</source>
        <translation>已 %1 天没有下单</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="344"/>
        <source>Customer added</source>
        <translation>客户建档</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="345"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="347"/>
        <source>%1 changed</source>
        <translation>修改了%1</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/customer_page.py" line="414"/>
        <source>Undo delete entry</source>
        <translation>撤销删除记录</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../src/solocrm/ui/date_field.py" line="69"/>
        <source>Not set</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/date_field.py" line="71"/>
        <source>Type a date like 2024-01-05, 2024/1/5, 20240105 or 2024年1月5日, or pick one from the calendar.</source>
        <translation>输入日期，如 2024-01-05、2024/1/5、20240105 或 2024年1月5日，也可从日历中选择。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/date_field.py" line="79"/>
        <source>Pick from the calendar</source>
        <translation>从日历中选择</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="127"/>
        <source>Duplicates</source>
        <translation>重复客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="129"/>
        <source>Customers who share a phone number or email, or whose names look alike (张伟 / 張偉 / 伟张, same pinyin) with the same company or city.</source>
        <translation>电话或邮箱相同的客户，或名字相似（张伟 / 張偉 / 伟张，拼音相同）且公司或城市相同的客户。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="132"/>
        <source>Find duplicates</source>
        <translation>查找重复</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="135"/>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="139"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="139"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="139"/>
        <source>How many</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="149"/>
        <source>Tick the customers who are one person: only they are merged.</source>
        <translation>勾选其实是同一个人的客户：只合并勾选的客户。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="153"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="153"/>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="153"/>
        <source>Emails</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="154"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="154"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="154"/>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="179"/>
        <source>Press “Find duplicates” to check your customers.</source>
        <translation>点击“查找重复”检查您的客户。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="191"/>
        <source>Customers with alike names in one city or company who each have a phone number of their own are most likely different people.</source>
        <translation>同城或同公司、名字相似，但各有自己电话号码的客户，多半是不同的人。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="208"/>
        <source>Looking for duplicates…</source>
        <translation>正在查找重复客户…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="217"/>
        <source>Also show namesakes with their own phone numbers (%Ln)</source>
        <translation>
            <numerusform>也显示各有电话号码的同名客户（%Ln 组）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="220"/>
        <source>%Ln group(s) to check</source>
        <translation>
            <numerusform>%Ln 组待核对</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="233"/>
        <source>No likely duplicates. The customers with alike names each have a phone number of their own, so they are most likely different people.</source>
        <translation>没有可能重复的客户。名字相似的客户各有自己的电话号码，多半是不同的人。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="237"/>
        <source>No duplicates found. Your customer file is clean.</source>
        <translation>没有发现重复，您的客户档案很整洁。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="285"/>
        <source>Undo merge of %1</source>
        <translation>撤销合并 %1</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="45"/>
        <source>Same phone number</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="45"/>
        <source>Same email</source>
        <translation>邮箱相同</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="46"/>
        <source>Similar name, same company</source>
        <translation>名字相似，公司相同</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="47"/>
        <source>Similar name, same city</source>
        <translation>名字相似，城市相同</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../src/solocrm/ui/export_actions.py" line="45"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/export_actions.py" line="60"/>
        <source>%1 rows exported to %2</source>
        <translation>已导出 %1 行到 %2</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/export_actions.py" line="62"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/export_actions.py" line="70"/>
        <location filename="../../src/solocrm/ui/export_actions.py" line="85"/>
        <source>customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/export_actions.py" line="85"/>
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/export_actions.py" line="137"/>
        <source>Export to Excel / CSV…</source>
        <translation>导出到 Excel / CSV…</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <location filename="../../src/solocrm/ui/analytics_widgets.py" line="192"/>
        <source>New goal</source>
        <translation>新建目标</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_widgets.py" line="192"/>
        <source>Edit goal</source>
        <translation>编辑目标</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_widgets.py" line="200"/>
        <source>e.g. 10,000</source>
        <translation>例如 10,000</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/analytics_widgets.py" line="209"/>
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>最近 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_widgets.py" line="221"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_widgets.py" line="222"/>
        <source>CLV at least</source>
        <translation>终身价值至少</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_widgets.py" line="224"/>
        <source>Baseline (now)</source>
        <translation>基准值（当前）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_widgets.py" line="225"/>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_widgets.py" line="226"/>
        <source>Deadline</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_widgets.py" line="227"/>
        <source>Measured over</source>
        <translation>统计范围</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/analytics_widgets.py" line="228"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="656"/>
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="658"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="658"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="658"/>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="658"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="658"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="659"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="659"/>
        <source>Merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="659"/>
        <source>Rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="659"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="666"/>
        <source>Undo selected import</source>
        <translation>撤销所选导入</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="668"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="674"/>
        <source>Nothing has been imported yet. Use File → Import… to bring in a file.</source>
        <translation>还没有导入过数据。使用“文件 → 导入…”导入文件。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="689"/>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="716"/>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="717"/>
        <source>Remove everything this import added and put back what it changed?</source>
        <translation>删除这次导入添加的所有内容，并恢复它修改过的数据？</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="126"/>
        <source>Import data</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="134"/>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="136"/>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="645"/>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="140"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="163"/>
        <source>A CSV, Excel (.xlsx, .xls) or vCard (.vcf) file</source>
        <translation>CSV、Excel（.xlsx、.xls）或 vCard（.vcf）文件</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="165"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="172"/>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="177"/>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="185"/>
        <source>Detect automatically</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="173"/>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8（带 BOM）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="178"/>
        <source>Comma ,</source>
        <translation>逗号 ,</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="178"/>
        <source>Semicolon ;</source>
        <translation>分号 ;</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="178"/>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="179"/>
        <source>Bar |</source>
        <translation>竖线 |</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="182"/>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="275"/>
        <source>First sheet with data</source>
        <translation>第一个有数据的工作表</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="187"/>
        <source>Bring in customers from Excel, a CSV export, your phone&apos;s contacts (vCard) or a cash register. Nothing is written until you confirm in step 3, and every import can be undone.</source>
        <translation>从 Excel、CSV 导出文件、手机通讯录（vCard）或收银系统导入客户。在第 3 步确认之前不会写入任何数据，每次导入都可以撤销。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="192"/>
        <source>What the file holds</source>
        <translation>文件内容</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="193"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="194"/>
        <source>Text encoding</source>
        <translation>文本编码</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="195"/>
        <source>Delimiter</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="196"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="197"/>
        <source>Header row</source>
        <translation>标题行</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="217"/>
        <source>Skip these lines and import the rest of the file</source>
        <translation>跳过这些行，导入文件其余部分</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="222"/>
        <source>These lines read in the text encoding chosen above:</source>
        <translation>按上方所选文本编码读取这些行：</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="257"/>
        <source>Choose a file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="268"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="290"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="290"/>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="290"/>
        <source>Example values</source>
        <translation>示例值</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="295"/>
        <source>Year first (2024-01-05) or settle from the file</source>
        <translation>年份在前（2024-01-05），或根据文件判断</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="296"/>
        <source>Day first (05/01/2024 = 5 January)</source>
        <translation>日在前（05/01/2024 = 1 月 5 日）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="297"/>
        <source>Month first (05/01/2024 = May 1)</source>
        <translation>月在前（05/01/2024 = 5 月 1 日）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="303"/>
        <source>Dates like 05/01/2024:</source>
        <translation>类似 05/01/2024 的日期：</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="306"/>
        <source>The file as read:</source>
        <translation>读取到的文件内容：</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="311"/>
        <source>— ignore this column —</source>
        <translation>— 忽略此列 —</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="314"/>
        <source>Custom field…</source>
        <translation>自定义字段…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="322"/>
        <source>header on row %1</source>
        <translation>标题在第 %1 行</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="326"/>
        <source>sheet “%1”</source>
        <translation>工作表“%1”</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="330"/>
        <source>The saved mapping for this layout was applied.</source>
        <translation>已套用为这种表格格式保存的列对应关系。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="331"/>
        <source>Columns were matched by their names and values; change any that is wrong.</source>
        <translation>已根据列名和内容自动匹配各列；如有不对请修改。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="344"/>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="367"/>
        <source>Custom field: %1</source>
        <translation>自定义字段：%1</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="358"/>
        <source>Custom field</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="359"/>
        <source>Store this column in the custom field named:</source>
        <translation>将此列保存到以下自定义字段：</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="393"/>
        <source>Checking… %1 rows (%2 rows/s)</source>
        <translation>正在检查… %1 行（每秒 %2 行）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="393"/>
        <source>Importing… %1 rows (%2 rows/s)</source>
        <translation>正在导入… %1 行（每秒 %2 行）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="406"/>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="406"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="417"/>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="418"/>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="420"/>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="431"/>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="432"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="417"/>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="431"/>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="432"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="417"/>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="432"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="417"/>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="432"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="418"/>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="458"/>
        <source>Use the file&apos;s value</source>
        <translation>采用文件中的值</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="418"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="419"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="419"/>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="431"/>
        <source>In the file</source>
        <translation>文件中的值</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="419"/>
        <source>Current</source>
        <translation>现有的值</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="420"/>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="72"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="420"/>
        <source>Looks like</source>
        <translation>疑似</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="420"/>
        <source>Because</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="423"/>
        <source>Rows whose name is like a customer&apos;s in the same city or company, where both have a phone number of their own: most likely two people</source>
        <translation>与同城或同公司某位客户姓名相近、但双方各有电话号码的行：多半是两个人</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="431"/>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="433"/>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="557"/>
        <source>Rejected rows</source>
        <translation>未导入的行</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="433"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="434"/>
        <source>Possible duplicates</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="434"/>
        <source>Cleaned values</source>
        <translation>已清洗的值</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="435"/>
        <source>Cells left out</source>
        <translation>略去的单元格</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="437"/>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="584"/>
        <source>Save rejected rows…</source>
        <translation>保存未导入的行…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="451"/>
        <source>If you import now:</source>
        <translation>如果现在导入：</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="458"/>
        <source>Attach to this customer</source>
        <translation>归入这位客户</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/import_wizard.py" line="477"/>
        <source>Also show namesakes with their own phone numbers (%Ln)</source>
        <translation>
            <numerusform>也显示各有电话号码的同名客户（%Ln 行）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="488"/>
        <source>%1 values were cleaned; the first %2 are listed under “Cleaned values”.</source>
        <translation>共清洗了 %1 个值；“已清洗的值”中列出前 %2 个。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="509"/>
        <source>%1 (row %2)</source>
        <translation>%1（第 %2 行）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="510"/>
        <source>%1 (#%2)</source>
        <translation>%1（#%2）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="514"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="514"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/import_wizard.py" line="519"/>
        <source>%Ln rows read: %1 new, %2 updated, %3 merged into another row, %4 already there, %5 rejected.</source>
        <translation>
            <numerusform>共读取 %Ln 行：新增 %1，更新 %2，合并到其他行 %3，已存在 %4，未导入 %5。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/import_wizard.py" line="525"/>
        <source>%Ln customers not found are created.</source>
        <translation>
            <numerusform>将新建 %Ln 位找不到的客户。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/import_wizard.py" line="527"/>
        <source>%Ln orders have an amount of 0 (free samples, gifts, replacements): they count as purchases and add nothing to spend.</source>
        <translation>
            <numerusform>%Ln 个订单金额为 0（赠品、样品、换货）：计入购买次数，不计入消费金额。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/import_wizard.py" line="530"/>
        <source>%Ln cells could not be read and are left out; their rows are imported without them (see “Cells left out”).</source>
        <translation>
            <numerusform>%Ln 个单元格无法读取，已略去；所在的行照常导入（见“略去的单元格”）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/import_wizard.py" line="547"/>
        <source>%Ln rows name a customer whose phone, email or customer ID differs: each goes to a new customer unless you tick “Attach to this customer”.</source>
        <translation>
            <numerusform>%Ln 行写的客户姓名与已有客户相同，但手机、邮箱或会员号不同：除非勾选“归入这位客户”，否则每行都记到一位新客户名下。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/import_wizard.py" line="550"/>
        <source>%Ln rows named a customer whose phone, email or customer ID differed: %1 attached to that customer, the others went to new customers.</source>
        <translation>
            <numerusform>%Ln 行写的客户姓名与已有客户相同，但手机、邮箱或会员号不同：%1 行归入了该客户，其余记到了新客户名下。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/import_wizard.py" line="569"/>
        <source>%Ln rejected rows saved to %1. Fix them and import that file.</source>
        <translation>
            <numerusform>已将 %Ln 行未导入的数据保存到 %1。修改后再导入该文件即可。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="557"/>
        <source>No row was rejected.</source>
        <translation>所有行都可以导入。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/import_wizard.py" line="328"/>
        <source>%Ln lines left out (they cannot be read as %1)</source>
        <translation>
            <numerusform>已跳过 %Ln 行（无法按 %1 读取）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/import_wizard.py" line="535"/>
        <source>%Ln values differ from the customer&apos;s current one: the current value is kept unless you tick “Use the file&apos;s value”.</source>
        <translation>
            <numerusform>%Ln 个值与客户现有的值不同：除非勾选“采用文件中的值”，否则保留现有的值。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/import_wizard.py" line="539"/>
        <source>%Ln values differed from the customer&apos;s current one: %1 taken from the file, the others kept.</source>
        <translation>
            <numerusform>%Ln 个值与客户现有的值不同：%1 个采用了文件中的值，其余保留原值。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="560"/>
        <source>Save rejected rows</source>
        <translation>保存未导入的行</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="561"/>
        <source>CSV (*.csv);;Excel (*.xlsx)</source>
        <translation>CSV (*.csv);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="565"/>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="566"/>
        <source>Why it was not imported</source>
        <translation>未导入原因</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="581"/>
        <source>Undo this import</source>
        <translation>撤销这次导入</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="601"/>
        <source>Imported %1 in %2 s.</source>
        <translation>已导入 %1，用时 %2 秒。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="617"/>
        <source>The import was undone: the customers and records it added are gone and what it changed is back as it was.</source>
        <translation>已撤销导入：新增的客户和记录已删除，修改过的数据已恢复原样。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="621"/>
        <source>Undoing the import…</source>
        <translation>正在撤销导入…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="645"/>
        <source>Check &gt;</source>
        <translation>检查 &gt;</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="645"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="645"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="65"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="65"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="65"/>
        <source>Interactions</source>
        <translation>互动记录</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="66"/>
        <source>Survey answers</source>
        <translation>调查回复</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="72"/>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="72"/>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="73"/>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="73"/>
        <source>Emails</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="73"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="73"/>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="74"/>
        <source>WeChat ID</source>
        <translation>微信号</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="74"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="74"/>
        <source>Province / region</source>
        <translation>省份/地区</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="75"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="75"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="75"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="75"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="76"/>
        <source>Source channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="76"/>
        <source>Campaign</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="77"/>
        <source>Marketing consent</source>
        <translation>营销授权</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="77"/>
        <source>Preferred hours</source>
        <translation>方便联系的时间</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="78"/>
        <source>Personal details</source>
        <translation>个人细节</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="78"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="78"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="79"/>
        <source>Customer ID (member no.)</source>
        <translation>客户编号（会员号）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="79"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="79"/>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="80"/>
        <source>Customer phone</source>
        <translation>客户电话</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="80"/>
        <source>Customer email</source>
        <translation>客户邮箱</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="80"/>
        <source>Order date</source>
        <translation>下单日期</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="81"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="81"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="81"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="81"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="82"/>
        <source>Status (paid / refunded)</source>
        <translation>状态（已付款/已退款）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="82"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="82"/>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="84"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="83"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="83"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="83"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="84"/>
        <source>Survey kind (CSAT / NPS)</source>
        <translation>调查类型（CSAT / NPS）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="84"/>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="85"/>
        <source>Comment</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="90"/>
        <source>same name</source>
        <translation>名字相同</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="90"/>
        <source>traditional / simplified characters</source>
        <translation>繁简体不同</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="91"/>
        <source>same characters in another order</source>
        <translation>字相同但顺序不同</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="92"/>
        <source>same pinyin</source>
        <translation>拼音相同</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/import_wizard.py" line="691"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
</context>
<context>
    <name>InteractionDialog</name>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="291"/>
        <source>Log contact with %1</source>
        <translation>记录与 %1 的联系</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="291"/>
        <source>Edit contact with %1</source>
        <translation>编辑与 %1 的联系</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="298"/>
        <source>We reached out</source>
        <translation>我方联系</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="299"/>
        <source>They reached out</source>
        <translation>对方联系</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="302"/>
        <source>What was said? Ctrl+Enter saves.</source>
        <translation>聊了什么？按 Ctrl+Enter 保存。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="306"/>
        <source>Optional, e.g. will visit on Saturday</source>
        <translation>可选，例如 周六来店</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="309"/>
        <source>C&amp;hannel</source>
        <translation>渠道(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="310"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="312"/>
        <source>&amp;Summary</source>
        <translation>摘要(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="313"/>
        <source>&amp;Outcome</source>
        <translation>结果(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="314"/>
        <source>&amp;Date and time</source>
        <translation>日期和时间(&amp;D)</translation>
    </message>
</context>
<context>
    <name>LogoEditor</name>
    <message>
        <location filename="../../src/solocrm/ui/logo_editor.py" line="44"/>
        <source>Choose image…</source>
        <translation>选择图片…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/logo_editor.py" line="46"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/logo_editor.py" line="66"/>
        <source>Choose your logo</source>
        <translation>选择您的标志</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/logo_editor.py" line="67"/>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/logo_editor.py" line="74"/>
        <source>“{name}” is not a picture SoloCRM can read. Choose a PNG or JPEG file.</source>
        <translation>“{name}”不是 SoloCRM 能读取的图片。请选择 PNG 或 JPEG 文件。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/logo_editor.py" line="84"/>
        <source>No logo</source>
        <translation>未设置标志</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="61"/>
        <source>SoloCRM — %1</source>
        <translation>SoloCRM — %1</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="91"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="92"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="93"/>
        <source>Duplicates</source>
        <translation>重复客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="94"/>
        <source>Analytics</source>
        <translation>经营分析</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="95"/>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="96"/>
        <location filename="../../src/solocrm/ui/main_window.py" line="144"/>
        <location filename="../../src/solocrm/ui/main_window.py" line="279"/>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="97"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="126"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="157"/>
        <source>You are exploring demo data. Nothing here is yours.</source>
        <translation>您正在浏览演示数据，这里没有您自己的数据。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="159"/>
        <source>Back to my data</source>
        <translation>返回我的数据</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="165"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="166"/>
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="169"/>
        <source>New &amp;task…</source>
        <translation>新建任务(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="172"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="176"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="179"/>
        <source>Import &amp;history…</source>
        <translation>导入记录(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="181"/>
        <source>&amp;Export all customers…</source>
        <translation>导出全部客户(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="183"/>
        <source>Export all &amp;orders…</source>
        <translation>导出全部订单(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="191"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="192"/>
        <location filename="../../src/solocrm/ui/main_window.py" line="408"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="196"/>
        <source>&amp;Find customer</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="201"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="207"/>
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="212"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="213"/>
        <source>&amp;About SoloCRM</source>
        <translation>关于 SoloCRM(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="345"/>
        <source>Delete customer</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="346"/>
        <source>Delete %1 with all their orders, interactions, surveys and tasks?
You can undo this with Ctrl+Z.</source>
        <translation>删除 %1 及其所有订单、互动记录、调查和任务？
可以按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="354"/>
        <source>Undo delete %1</source>
        <translation>撤销删除 %1</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="360"/>
        <source>Deleted %1. Press Ctrl+Z to undo.</source>
        <translation>已删除 %1。按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/main_window.py" line="399"/>
        <source>Done: %1</source>
        <translation>已完成：%1</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="58"/>
        <source>Merge customers</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="64"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="73"/>
        <source>Phones: %1</source>
        <translation>电话：%1</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="74"/>
        <source>Emails: %1</source>
        <translation>邮箱：%1</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="75"/>
        <source>Tags: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="95"/>
        <source>%n orders</source>
        <translation>
            <numerusform>%n 个订单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="97"/>
        <source>%n interactions</source>
        <translation>
            <numerusform>%n 条互动记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="99"/>
        <source>%n survey answers</source>
        <translation>
            <numerusform>%n 份调查回复</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="100"/>
        <source>%n tasks</source>
        <translation>
            <numerusform>%n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="78"/>
        <source>Moved to the kept customer: %1.</source>
        <translation>将转到保留的客户名下：%1。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="78"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="79"/>
        <source>Nothing else to move: no orders, interactions, survey answers or tasks.</source>
        <translation>没有其他记录需要转移：没有订单、互动记录、调查回复或任务。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="80"/>
        <source>You can undo the merge afterwards.</source>
        <translation>合并后可以撤销。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="83"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="113"/>
        <source>Merging…</source>
        <translation>正在合并…</translation>
    </message>
</context>
<context>
    <name>OperationRunner</name>
    <message>
        <location filename="../../src/solocrm/ui/operations.py" line="115"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/operations.py" line="115"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="218"/>
        <source>New order for %1</source>
        <translation>为 %1 新建订单</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="218"/>
        <source>Edit order for %1</source>
        <translation>编辑 %1 的订单</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="230"/>
        <source>What did they buy?</source>
        <translation>买了什么？</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="235"/>
        <source>In store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="235"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="235"/>
        <source>Online shop</source>
        <translation>网店</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="236"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="237"/>
        <source>Where they bought</source>
        <translation>购买渠道</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="243"/>
        <source>Optional, e.g. from your till</source>
        <translation>可选，例如收银小票上的单号</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="245"/>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="246"/>
        <source>&amp;Product</source>
        <translation>商品(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="247"/>
        <source>&amp;Quantity</source>
        <translation>数量(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="248"/>
        <source>&amp;Date and time</source>
        <translation>日期和时间(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="249"/>
        <source>C&amp;hannel</source>
        <translation>渠道(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="250"/>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="251"/>
        <source>Order &amp;no.</source>
        <translation>订单号(&amp;N)</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="54"/>
        <source>Strength is how many guesses someone holding your backup folder would need, in bits: each bit doubles them. Common passwords, names, dates, keyboard patterns and set phrases count for little; unrelated words or a sentence of your own, in any language, count for much more.</source>
        <translation>强度表示拿到您备份文件夹的人需要猜多少次，以“位”计：每多一位，次数翻一倍。常见密码、姓名、日期、键盘顺序和固定短语几乎不算数；互不相关的词或您自己编的一句话（任何语言）则强得多。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="61"/>
        <source>Passphrase:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="65"/>
        <source>Repeat it:</source>
        <translation>再输一次：</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="74"/>
        <source>very weak</source>
        <translation>非常弱</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="74"/>
        <source>weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="74"/>
        <source>fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="74"/>
        <source>strong</source>
        <translation>强</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="74"/>
        <source>very strong</source>
        <translation>非常强</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="77"/>
        <source>Strength: %1 (about %2 bits; %3 or more recommended)</source>
        <translation>强度：%1（约 %2 位；建议至少 %3 位）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="80"/>
        <source>Four or more unrelated words, or a sentence of your own in any language.</source>
        <translation>四个或更多互不相关的词，或一句您自己编的话（任何语言都可以）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="96"/>
        <source>Weak passphrase</source>
        <translation>口令太弱</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="96"/>
        <source>Use this passphrase anyway?</source>
        <translation>仍然使用这个口令吗？</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="82"/>
        <source>the two entries differ</source>
        <translation>两次输入不一致</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="220"/>
        <source>Your recovery code</source>
        <translation>您的恢复码</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="223"/>
        <source>Write this code on paper and keep it somewhere safe. With it and a backup file you can restore everything on any computer, even if you forget your passphrase. Anyone who has it can read your backups, so do not store it next to them.</source>
        <translation>请把这个恢复码抄在纸上，放在安全的地方。即使忘记了密码，凭它和备份文件也能在任何电脑上恢复全部数据。任何拿到它的人都能读取您的备份，所以不要把它和备份放在一起。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="236"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="240"/>
        <source>the last group of the code</source>
        <translation>恢复码的最后一组</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="242"/>
        <source>I wrote it down</source>
        <translation>我已抄下</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="250"/>
        <source>To confirm, type the last group of the code:</source>
        <translation>请输入恢复码的最后一组以确认：</translation>
    </message>
</context>
<context>
    <name>ReminderService</name>
    <message>
        <location filename="../../src/solocrm/ui/reminders.py" line="115"/>
        <source>Follow-up due</source>
        <translation>跟进到期</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reminders.py" line="118"/>
        <source>Follow-ups due: {count}</source>
        <translation>到期的跟进：{count} 项</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reminders.py" line="121"/>
        <source>and {count} more</source>
        <translation>还有 {count} 项</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="46"/>
        <source>Last month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="46"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="47"/>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="47"/>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="48"/>
        <source>Last 12 months</source>
        <translation>最近 12 个月</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="48"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="56"/>
        <source>Summary</source>
        <translation>经营概览</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="56"/>
        <source>Customers and lifecycle</source>
        <translation>客户与生命周期</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="57"/>
        <source>Sales and revenue trend</source>
        <translation>销售与收入趋势</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="57"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="58"/>
        <source>Loyalty and RFM tiers</source>
        <translation>忠诚度与 RFM 分层</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="58"/>
        <source>Churn risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="59"/>
        <source>Customer lifetime value</source>
        <translation>客户终身价值</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="59"/>
        <source>Goals</source>
        <translation>目标进度</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="60"/>
        <source>Customer list</source>
        <translation>客户名单</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="74"/>
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="75"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="79"/>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="81"/>
        <source>&amp;Save report…</source>
        <translation>保存报告(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="93"/>
        <source>Choose the period and sections, then Preview (Ctrl+P) or Save (Ctrl+S).</source>
        <translation>选择期间和章节，然后预览（Ctrl+P）或保存（Ctrl+S）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="97"/>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="103"/>
        <source>Sections:</source>
        <translation>章节：</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="104"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="105"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="106"/>
        <source>Business name:</source>
        <translation>商户名称：</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="162"/>
        <source>Not set — add it in Settings to show it on the title page.</source>
        <translation>未设置——在“设置”中填写后会显示在封面上。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="186"/>
        <source>Preparing the report…</source>
        <translation>正在准备报告…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="186"/>
        <location filename="../../src/solocrm/ui/reports_page.py" line="224"/>
        <source>Writing the report…</source>
        <translation>正在写入报告…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="198"/>
        <source>Choose at least one section.</source>
        <translation>请至少选择一个章节。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="212"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="212"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="213"/>
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="221"/>
        <source>Saved {0}.</source>
        <translation>已保存 {0}。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="246"/>
        <source>Preparing the preview…</source>
        <translation>正在准备预览…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="256"/>
        <source>Install poppler-utils (pdftoppm) to see the pages; the report will hold these sections.</source>
        <translation>安装 poppler-utils（pdftoppm）即可预览页面；报告将包含以下章节。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="261"/>
        <source>Page {0}</source>
        <translation>第 {0} 页</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/reports_page.py" line="262"/>
        <source>{0} pages. Save (Ctrl+S) writes the report.</source>
        <translation>共 {0} 页。按保存（Ctrl+S）写入报告。</translation>
    </message>
</context>
<context>
    <name>ScheduleFields</name>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="114"/>
        <source>Every hour</source>
        <translation>每小时</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="114"/>
        <source>Every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="115"/>
        <source>Every week</source>
        <translation>每周</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="115"/>
        <source>Only when I click Back up now</source>
        <translation>仅在我点击“立即备份”时</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="118"/>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="118"/>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="118"/>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="118"/>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="119"/>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="119"/>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="119"/>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="127"/>
        <source>at</source>
        <translation>于</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../src/solocrm/ui/settings_page.py" line="107"/>
        <source>Takes effect the next time SoloCRM starts.</source>
        <translation>下次启动 SoloCRM 时生效。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/settings_page.py" line="166"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/settings_page.py" line="170"/>
        <location filename="../../src/solocrm/ui/settings_page.py" line="174"/>
        <location filename="../../src/solocrm/ui/settings_page.py" line="303"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/settings_page.py" line="172"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/settings_page.py" line="176"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/settings_page.py" line="195"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/settings_page.py" line="196"/>
        <source>Undo the changes you have not saved</source>
        <translation>撤销尚未保存的修改</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/settings_page.py" line="198"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/settings_page.py" line="275"/>
        <source>Saving settings…</source>
        <translation>正在保存设置…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/settings_page.py" line="282"/>
        <source>Saved. The new language is used the next time SoloCRM starts.</source>
        <translation>已保存。新的语言将在下次启动 SoloCRM 时生效。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/settings_page.py" line="284"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/settings_page.py" line="304"/>
        <source>SoloCRM could not open a file manager. The folder is:
{folder}</source>
        <translation>SoloCRM 无法打开文件管理器。文件夹位置：
{folder}</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="156"/>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="182"/>
        <source>Set up backups</source>
        <translation>设置备份</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="159"/>
        <source>Backups are encrypted: only your key opens them. Choose a folder on a USB drive or a synced cloud folder, so a backup survives if this computer is lost.</source>
        <translation>备份是加密的：只有您的密钥能打开。请选择 U 盘或云同步文件夹中的文件夹，这样即使电脑丢失，备份也还在。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="164"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="179"/>
        <source>Backup folder:</source>
        <translation>备份文件夹：</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="180"/>
        <source>Back up:</source>
        <translation>备份频率：</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="188"/>
        <source>A passphrase protects your key, so you can restore on a new computer:</source>
        <translation>用密码保护您的密钥，以便在新电脑上恢复：</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="196"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="202"/>
        <source>Choose a folder for the backups.</source>
        <translation>请选择存放备份的文件夹。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="206"/>
        <source>Enter the same passphrase twice.</source>
        <translation>请两次输入相同的口令。</translation>
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="402"/>
        <source>Survey answer from %1</source>
        <translation>%1 的调查回复</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="402"/>
        <source>Edit survey answer from %1</source>
        <translation>编辑 %1 的调查回复</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="406"/>
        <source>Satisfaction (CSAT, 1–5)</source>
        <translation>满意度（CSAT，1–5）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="407"/>
        <source>Would recommend (NPS, 0–10)</source>
        <translation>推荐意愿（NPS，0–10）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="408"/>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="408"/>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="408"/>
        <source>Neutral</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="409"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="409"/>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="412"/>
        <source>0 = not at all likely</source>
        <translation>0 = 完全不会推荐</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="412"/>
        <source>10 = extremely likely</source>
        <translation>10 = 一定会推荐</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="425"/>
        <source>Optional: what they said, in their words</source>
        <translation>可选：客户的原话</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="427"/>
        <source>Not about one order</source>
        <translation>不针对具体订单</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="435"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="437"/>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="438"/>
        <source>&amp;Comment</source>
        <translation>评价(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="439"/>
        <source>About &amp;order</source>
        <translation>相关订单(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="440"/>
        <source>&amp;Date and time</source>
        <translation>日期和时间(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="447"/>
        <source>%1: promoter</source>
        <translation>%1：推荐者</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="449"/>
        <source>%1: passive</source>
        <translation>%1：中立者</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/record_dialogs.py" line="450"/>
        <source>%1: detractor</source>
        <translation>%1：贬损者</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../src/solocrm/ui/task_dialog.py" line="86"/>
        <source>Edit task</source>
        <translation>编辑任务</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/task_dialog.py" line="86"/>
        <source>New task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/task_dialog.py" line="90"/>
        <source>e.g. Send Mr Wang the quote</source>
        <translation>例如 给王先生发报价</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/task_dialog.py" line="97"/>
        <source>Does not repeat</source>
        <translation>不重复</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/task_dialog.py" line="97"/>
        <source>Every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/task_dialog.py" line="97"/>
        <source>Every week</source>
        <translation>每周</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/task_dialog.py" line="98"/>
        <source>Every month</source>
        <translation>每月</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/task_dialog.py" line="98"/>
        <source>Every year</source>
        <translation>每年</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/task_dialog.py" line="104"/>
        <source>Optional: type a name, pinyin or phone</source>
        <translation>可选：输入名字、拼音或电话</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/task_dialog.py" line="114"/>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/task_dialog.py" line="124"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/task_dialog.py" line="125"/>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/task_dialog.py" line="126"/>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/task_dialog.py" line="127"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/task_dialog.py" line="128"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/task_dialog.py" line="211"/>
        <source>Pick the customer from the suggestions, or leave the field empty.</source>
        <translation>请从建议列表中选择客户，或留空。</translation>
    </message>
</context>
<context>
    <name>TaskRow</name>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="78"/>
        <source>Mark as done</source>
        <translation>标记为完成</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="79"/>
        <source>Done: {title}</source>
        <translation>已完成：{title}</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="111"/>
        <source>Open the customer file</source>
        <translation>打开客户档案</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="118"/>
        <source>Repeats every day</source>
        <translation>每天重复</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="118"/>
        <source>Repeats every week</source>
        <translation>每周重复</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="119"/>
        <source>Repeats every month</source>
        <translation>每月重复</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="119"/>
        <source>Repeats every year</source>
        <translation>每年重复</translation>
    </message>
</context>
<context>
    <name>TaskTitle</name>
    <message>
        <location filename="../../src/solocrm/ui/task_dialog.py" line="61"/>
        <source>Stay in touch</source>
        <translation>保持联系</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="169"/>
        <source>Delete task</source>
        <translation>删除任务</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="175"/>
        <location filename="../../src/solocrm/ui/today_view.py" line="372"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="179"/>
        <source>New task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="186"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="187"/>
        <source>Save the tasks shown to Excel or CSV.</source>
        <translation>将当前显示的任务保存为 Excel 或 CSV。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="204"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="238"/>
        <source>Nothing due today. Enjoy your day.</source>
        <translation>今天没有待办事项，祝您愉快。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="240"/>
        <source>Follow-ups you plan, and reminders to stay in touch, will show up here.</source>
        <translation>您计划的跟进和保持联系的提醒都会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="244"/>
        <source>Add a task</source>
        <translation>添加任务</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="372"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="372"/>
        <source>Next 7 days</source>
        <translation>未来 7 天</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="340"/>
        <source>Nothing else due today.</source>
        <translation>今天没有其他待办。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="353"/>
        <source>Showing the first {shown} of {total}.</source>
        <translation>显示前 {shown} 项，共 {total} 项。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="379"/>
        <source>Section</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="379"/>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="379"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="379"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="379"/>
        <source>Repeats</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="380"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="384"/>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="418"/>
        <source>Done: {title}</source>
        <translation>已完成：{title}</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="419"/>
        <source>Undo completing “{title}”</source>
        <translation>撤销完成“{title}”</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="437"/>
        <source>Deleted: {title}</source>
        <translation>已删除：{title}</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/today_view.py" line="438"/>
        <source>Undo deleting “{title}”</source>
        <translation>撤销删除“{title}”</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="273"/>
        <source>Unlock backups</source>
        <translation>解锁备份</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="276"/>
        <source>Passphrase</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_dialogs.py" line="278"/>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../src/solocrm/ui/welcome.py" line="19"/>
        <source>Welcome to SoloCRM</source>
        <translation>欢迎使用 SoloCRM</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/welcome.py" line="23"/>
        <source>Keep every customer in one place, get reminded when to follow up, and see who is worth your time. Everything stays on this computer.</source>
        <translation>把所有客户集中在一处，到时提醒您跟进，让您看清哪些客户最值得投入。所有数据都只保存在这台电脑上。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/welcome.py" line="29"/>
        <source>Add your first customer</source>
        <translation>添加第一位客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/welcome.py" line="35"/>
        <source>Import customers from a file</source>
        <translation>从文件导入客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/welcome.py" line="38"/>
        <source>Excel, CSV, your phone&apos;s contacts (vCard) or a cash register export.</source>
        <translation>Excel、CSV、手机通讯录（vCard）或收银系统导出的文件。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/welcome.py" line="40"/>
        <source>Explore with demo data</source>
        <translation>用演示数据体验</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/welcome.py" line="43"/>
        <source>Opens a separate demo database; your own data is not touched.</source>
        <translation>打开一个独立的演示数据库，不会影响您自己的数据。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/welcome.py" line="45"/>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/welcome.py" line="48"/>
        <source>Moving to a new computer? Open a .crmbak file with your passphrase or recovery code.</source>
        <translation>换了新电脑？用密码或恢复码打开 .crmbak 备份文件。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../src/solocrm/ui/operations.py" line="202"/>
        <source>SoloCRM</source>
        <translation>SoloCRM</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/customer_import.py" line="261"/>
        <location filename="../../src/solocrm/importing/record_import.py" line="335"/>
        <source>longer than {limit} characters</source>
        <translation>超过 {limit} 个字符</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/customer_import.py" line="296"/>
        <source>a customer ID is at most 80 characters</source>
        <translation>客户编号最多 80 个字符</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/customer_import.py" line="330"/>
        <source>“{value}” is not a possible birthday</source>
        <translation>“{value}”不是可能的生日</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/customer_import.py" line="363"/>
        <source>No name, and no phone, email or customer ID of a known customer</source>
        <translation>没有姓名，也没有已有客户的电话、邮箱或客户编号</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/engine.py" line="614"/>
        <source>Dates in this file, like 05/01/2024, could be day/month or month/day. Choose the order (day first or month first) and import again.</source>
        <translation>这个文件里的日期（如 05/01/2024）可能是“日/月”也可能是“月/日”。请选择顺序（日在前或月在前）后重新导入。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/engine.py" line="623"/>
        <source>this row has {count} values but the header has {width} columns; a value probably contains an unquoted comma</source>
        <translation>这一行有 {count} 个值，但表头只有 {width} 列；可能某个值里有没加引号的逗号</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/record_import.py" line="241"/>
        <source>“{value}” is before 1900</source>
        <translation>“{value}”早于 1900 年</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/record_import.py" line="245"/>
        <source>“{value}” is in the future</source>
        <translation>“{value}”是将来的日期</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/record_import.py" line="285"/>
        <location filename="../../src/solocrm/importing/values.py" line="219"/>
        <source>the date is empty</source>
        <translation>日期为空</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/record_import.py" line="287"/>
        <source>no customer ID, name, phone or email</source>
        <translation>没有客户编号、姓名、电话或邮箱</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/record_import.py" line="289"/>
        <location filename="../../src/solocrm/importing/values.py" line="286"/>
        <source>the amount is empty</source>
        <translation>金额为空</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/record_import.py" line="291"/>
        <source>the summary is empty</source>
        <translation>摘要为空</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/record_import.py" line="293"/>
        <source>the score is empty</source>
        <translation>评分为空</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/record_import.py" line="321"/>
        <source>“{value}” is not a score</source>
        <translation>“{value}”不是评分</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/record_import.py" line="323"/>
        <source>“{value}” is not a score from 0 to 10</source>
        <translation>“{value}”不是 0 到 10 的评分</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/record_import.py" line="331"/>
        <source>“{value}” is not a survey kind (CSAT or NPS)</source>
        <translation>“{value}”不是问卷类型（CSAT 或 NPS）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/record_import.py" line="386"/>
        <source>several customers are called {name}; add a phone or customer ID column</source>
        <translation>有多位客户叫 {name}；请加上电话或客户编号列</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/record_import.py" line="391"/>
        <source>no customer matches this row</source>
        <translation>没有与这一行对应的客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/record_import.py" line="587"/>
        <source>a CSAT score is 1 to 5, not {score}</source>
        <translation>CSAT 评分应为 1 到 5，而不是 {score}</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/values.py" line="104"/>
        <location filename="../../src/solocrm/importing/values.py" line="139"/>
        <source>“{value}” is not a phone number</source>
        <translation>“{value}”不是电话号码</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/values.py" line="98"/>
        <source>“{value}” is not a mobile number (they have 11 digits)</source>
        <translation>“{value}”不是手机号（手机号有 11 位）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/values.py" line="101"/>
        <source>“{value}” is not a complete phone number (a landline needs its area code)</source>
        <translation>“{value}”不是完整的电话号码（座机号码需要带区号）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/values.py" line="156"/>
        <source>“{value}” is not an email address</source>
        <translation>“{value}”不是邮箱地址</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/values.py" line="192"/>
        <source>“{value}” is not a real date</source>
        <translation>“{value}”不是真实存在的日期</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/values.py" line="228"/>
        <source>“{value}”: day and month order unknown</source>
        <translation>“{value}”：不知道日和月的先后顺序</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/values.py" line="234"/>
        <location filename="../../src/solocrm/importing/values.py" line="258"/>
        <source>“{value}” is not a date (write it like 2024-01-05)</source>
        <translation>“{value}”不是日期（请写成 2024-01-05 这样）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/values.py" line="239"/>
        <source>“{value}” is not a date</source>
        <translation>“{value}”不是日期</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/values.py" line="291"/>
        <location filename="../../src/solocrm/importing/values.py" line="293"/>
        <source>“{value}” is not an amount</source>
        <translation>“{value}”不是金额</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/values.py" line="296"/>
        <source>“{value}” has more than 2 decimal places</source>
        <translation>“{value}”的小数超过 2 位</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/values.py" line="320"/>
        <source>“{value}”: {why}</source>
        <translation>“{value}”：{why}</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/values.py" line="343"/>
        <source>“{value}”: {code} is not a currency this import knows</source>
        <translation>“{value}”：{code} 不是导入能识别的币种</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/values.py" line="360"/>
        <source>“{value}” has too many decimal places</source>
        <translation>“{value}”的小数位太多</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/values.py" line="363"/>
        <source>“{value}” is too large</source>
        <translation>“{value}”太大</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/values.py" line="376"/>
        <source>“{value}” is not a quantity</source>
        <translation>“{value}”不是数量</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/values.py" line="378"/>
        <source>“{value}” is not a whole quantity between 1 and 1,000,000</source>
        <translation>“{value}”不是 1 到 1,000,000 之间的整数数量</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/values.py" line="398"/>
        <source>“{value}” is not a gender (男/女)</source>
        <translation>“{value}”不是性别（男/女）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/values.py" line="407"/>
        <source>“{value}” is not yes or no (是/否)</source>
        <translation>“{value}”不是“是”或“否”</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/csv_reader.py" line="161"/>
        <source>This does not look like a text (CSV) file. Choose a CSV, Excel (.xlsx/.xls) or vCard (.vcf) file.</source>
        <translation>这看起来不是文本（CSV）文件。请选择 CSV、Excel（.xlsx/.xls）或 vCard（.vcf）文件。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/csv_reader.py" line="223"/>
        <source>Unknown text encoding “{encoding}”. Choose one of {known}.</source>
        <translation>未知的文字编码“{encoding}”。请从 {known} 中选择。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/csv_reader.py" line="120"/>
        <source>The file cannot be read as {encoding}. Choose another encoding.</source>
        <translation>无法按 {encoding} 读取这个文件。请换一种编码。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/csv_reader.py" line="240"/>
        <source>The delimiter must be one character, such as , ; or a tab.</source>
        <translation>分隔符必须是一个字符，如 , ; 或制表符。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/csv_reader.py" line="254"/>
        <source>Line {line} cannot be read as {encoding}: the file mixes text encodings. Save it again as “CSV UTF-8” in Excel or WPS.</source>
        <translation>第 {line} 行无法按 {encoding} 读取：文件混用了多种文字编码。请在 Excel 或 WPS 中另存为“CSV UTF-8”。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/csv_reader.py" line="261"/>
        <source>Line {line} is not valid CSV ({why}). Check its quotes.</source>
        <translation>第 {line} 行不是有效的 CSV（{why}）。请检查其中的引号。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/csv_reader.py" line="267"/>
        <source>This does not look like a text (CSV) file.</source>
        <translation>这看起来不是文本（CSV）文件。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/mapping.py" line="211"/>
        <source>Unknown import kind “{kind}”. Choose one of: {kinds}.</source>
        <translation>未知的导入类型“{kind}”。请选择：{kinds}。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/mapping.py" line="219"/>
        <source>Column “{header}” is mapped to “{key}”, which is not a field of {kind}. Fields: {fields}.</source>
        <translation>列“{header}”对应到“{key}”，但它不是{kind}的字段。可用字段：{fields}。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/mapping.py" line="228"/>
        <source>No column is mapped to {fields}. Map one in the wizard or the mapping file.</source>
        <translation>没有任何列对应到 {fields}。请在向导或映射文件中指定一列。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/mapping.py" line="239"/>
        <source>The mapping file {file} cannot be read: {reason}.</source>
        <translation>无法读取映射文件 {file}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/mapping.py" line="242"/>
        <source>The mapping file {file} is not valid JSON ({reason}).</source>
        <translation>映射文件 {file} 不是有效的 JSON（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/mapping.py" line="245"/>
        <source>A mapping file holds a JSON object: {example}.</source>
        <translation>映射文件应包含一个 JSON 对象：{example}。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/mapping.py" line="250"/>
        <source>In a mapping file each column header maps to a field name or null.</source>
        <translation>映射文件中每个列标题都应对应一个字段名或 null。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/mapping.py" line="253"/>
        <source>date_order must be one of {orders}.</source>
        <translation>date_order 必须是以下之一：{orders}。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/sources.py" line="73"/>
        <source>Row {row} has {count} columns, more than the {limit} an import takes. Nothing was imported; check the file.</source>
        <translation>第 {row} 行有 {count} 列，超过导入允许的 {limit} 列。未导入任何内容；请检查文件。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/sources.py" line="80"/>
        <source>Row {row} has a cell longer than {limit} characters, the most a spreadsheet cell holds. Nothing was imported; check the file.</source>
        <translation>第 {row} 行有一个超过 {limit} 个字符的单元格，这是电子表格单元格的上限。未导入任何内容；请检查文件。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/sources.py" line="112"/>
        <source>The file has no rows. Choose a file with a header row and data.</source>
        <translation>文件里没有任何行。请选择带表头和数据的文件。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/sources.py" line="154"/>
        <source>Row {row} is not in the first {count} rows of the file.</source>
        <translation>第 {row} 行不在文件的前 {count} 行之内。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/sources.py" line="159"/>
        <source>The header row is empty. Choose the row that names the columns.</source>
        <translation>表头行是空的。请选择写有列名的那一行。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/sources.py" line="194"/>
        <source>{path} does not exist. Check the file name.</source>
        <translation>{path} 不存在。请检查文件名。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/sources.py" line="197"/>
        <source>{path} is a folder. Choose a file.</source>
        <translation>{path} 是文件夹。请选择一个文件。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/sources.py" line="199"/>
        <source>{path} cannot be read: {why}.</source>
        <translation>无法读取 {path}：{why}。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/sources.py" line="202"/>
        <source>{file} is empty. Choose a file with a header row and data.</source>
        <translation>{file} 是空的。请选择带表头和数据的文件。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/sources.py" line="229"/>
        <source>{file} is not an Excel file (its content is neither a workbook nor text). Open it in Excel or WPS to check, or choose another file.</source>
        <translation>{file} 不是 Excel 文件（其内容既不是工作簿也不是文本）。请在 Excel 或 WPS 中打开检查，或选择其他文件。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/sources.py" line="231"/>
        <source>{file} is not a vCard file (it does not start with BEGIN:VCARD). Export the contacts again, or choose another file.</source>
        <translation>{file} 不是 vCard 文件（它不以 BEGIN:VCARD 开头）。请重新导出联系人，或选择其他文件。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/vcard.py" line="68"/>
        <source>The vCard file mixes text encodings and cannot be read. Export the contacts again.</source>
        <translation>这个 vCard 文件混用了多种文字编码，无法读取。请重新导出联系人。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/vcard.py" line="144"/>
        <source>The photo of the contact in row {row} is larger than {limit} MB. Nothing was imported; export the contacts without photos or with smaller ones.</source>
        <translation>第 {row} 行联系人的照片大于 {limit} MB。未导入任何内容；请导出不带照片或照片较小的联系人。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/vcard.py" line="150"/>
        <source>the photo is damaged (not valid base64)</source>
        <translation>照片已损坏（不是有效的 base64）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/vcard.py" line="226"/>
        <source>The vCard file ends in the middle of a contact (it may be cut off). Export it again.</source>
        <translation>这个 vCard 文件在某个联系人中间就结束了（可能不完整）。请重新导出。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/vcard.py" line="233"/>
        <source>This vCard file is larger than 200 MB; export fewer contacts at a time.</source>
        <translation>这个 vCard 文件超过 200 MB；请每次少导出一些联系人。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/vcard.py" line="240"/>
        <source>The file cannot be read as {encoding}.</source>
        <translation>无法按 {encoding} 读取这个文件。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/vcard.py" line="246"/>
        <source>{file} holds no contacts.</source>
        <translation>{file} 里没有联系人。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/xls_reader.py" line="19"/>
        <source>{file} is not a readable .xls file (it may be damaged). Open it in Excel or WPS, save it as .xlsx, and import that file.</source>
        <translation>{file} 不是可读取的 .xls 文件（可能已损坏）。请用 Excel 或 WPS 打开，另存为 .xlsx，再导入新文件。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/xls_reader.py" line="24"/>
        <location filename="../../src/solocrm/importing/xlsx_reader.py" line="76"/>
        <source>{file} has no sheet “{sheet}”. Its sheets: {sheets}.</source>
        <translation>{file} 里没有工作表“{sheet}”。它的工作表：{sheets}。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/xls_reader.py" line="31"/>
        <source>{file} is damaged; save it again in Excel or WPS and retry.</source>
        <translation>{file} 已损坏；请在 Excel 或 WPS 中重新保存后再试。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/xlsx_reader.py" line="32"/>
        <source>{file} is not a readable Excel file (it may be damaged or only partly copied). Open it in Excel or WPS, save it again, and import the new file.</source>
        <translation>{file} 不是可读取的 Excel 文件（可能已损坏或没有复制完整）。请用 Excel 或 WPS 打开并重新保存，再导入新文件。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/xlsx_reader.py" line="52"/>
        <source>{file} would unpack to {size} MB, more than a real workbook ({ratio} times its size; the limit is {limit} times, or {most} MB). Nothing was imported; check the file.</source>
        <translation>{file} 解压后将达 {size} MB，超过真实工作簿的大小（为其文件大小的 {ratio} 倍；上限为 {limit} 倍或 {most} MB）。未导入任何内容；请检查文件。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/xlsx_reader.py" line="67"/>
        <source>{file} is password-protected. Remove the password in Excel, then import.</source>
        <translation>{file} 设有密码。请先在 Excel 中取消密码，再导入。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/xlsx_reader.py" line="82"/>
        <source>{file} has no sheets.</source>
        <translation>{file} 里没有工作表。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/db/database.py" line="79"/>
        <source>{path} is empty (0 bytes), so it is not a SoloCRM database. If your data should be in it, restore it from a backup; to start a new database there, delete the empty file first. The file was not changed.</source>
        <translation>{path} 是空文件（0 字节），不是 SoloCRM 数据库。如果您的数据本应在其中，请从备份恢复；如果要在这里新建数据库，请先删除这个空文件。文件没有被改动。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/db/database.py" line="87"/>
        <source>{path} is a folder, not a SoloCRM database file. Choose a file.</source>
        <translation>{path} 是文件夹，不是 SoloCRM 数据库文件。请选择一个文件。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/db/database.py" line="94"/>
        <source>{path} is not a SoloCRM database (it is not an SQLite file). Open the right file, or restore it from a backup. The file was not changed.</source>
        <translation>{path} 不是 SoloCRM 数据库（不是 SQLite 文件）。请打开正确的文件，或从备份恢复。文件没有被改动。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/db/database.py" line="98"/>
        <source>{path} is read-only. Copy it to a folder you can write to, or change its permissions, then open it again. The file was not changed.</source>
        <translation>{path} 是只读的。请把它复制到可写的文件夹，或修改它的权限，然后重新打开。文件没有被改动。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/db/database.py" line="105"/>
        <source>Cannot create the folder {folder}: {why}.</source>
        <translation>无法创建文件夹 {folder}：{why}。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/db/database.py" line="108"/>
        <source>Cannot create a database in {folder}: the folder is read-only.</source>
        <translation>无法在 {folder} 中创建数据库：这个文件夹是只读的。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/db/database.py" line="129"/>
        <source>{file} was closed; reopen it to continue.</source>
        <translation>{file} 已关闭；请重新打开后继续。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/db/database.py" line="147"/>
        <source>{path} is already open in another SoloCRM window. Switch to that window, or close it and try again.</source>
        <translation>{path} 已在另一个 SoloCRM 窗口中打开。请切换到那个窗口，或关闭它后再试。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/db/database.py" line="178"/>
        <source>The disk is full, so this was not saved; everything saved before is still there. Free some space on the disk that holds {folder} and try again.</source>
        <translation>磁盘已满，所以这次没有保存；之前保存的内容都还在。请在存放 {folder} 的磁盘上腾出一些空间，然后再试一次。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/db/database.py" line="228"/>
        <source>Waiting for another program to finish writing to this database…</source>
        <translation>正在等待其他程序写完这个数据库…</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/db/database.py" line="249"/>
        <source>Another program is writing to this database ({path}); try again when it has finished. Nothing was changed.</source>
        <translation>其他程序正在写入这个数据库（{path}）；请等它写完后再试。没有做任何改动。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/contact_values.py" line="22"/>
        <source>“{value}” is not a complete phone number. Check the digits; a landline needs its area code.</source>
        <translation>“{value}”不是完整的电话号码。请检查数字；座机号码需要带区号。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/contact_values.py" line="67"/>
        <source>“{value}” is not a phone number.</source>
        <translation>“{value}”不是电话号码。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/contact_values.py" line="130"/>
        <source>“{value}” is not an email address (like name@example.com).</source>
        <translation>“{value}”不是邮箱地址（应像 name@example.com 这样）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/analytics/insights.py" line="58"/>
        <location filename="../../src/solocrm/services/customers.py" line="239"/>
        <location filename="../../src/solocrm/services/customers.py" line="313"/>
        <location filename="../../src/solocrm/services/interactions.py" line="84"/>
        <location filename="../../src/solocrm/services/orders.py" line="90"/>
        <location filename="../../src/solocrm/services/orders.py" line="216"/>
        <location filename="../../src/solocrm/services/surveys.py" line="78"/>
        <location filename="../../src/solocrm/services/tasks.py" line="205"/>
        <location filename="../../src/solocrm/services/tasks.py" line="267"/>
        <location filename="../../src/solocrm/services/tasks.py" line="422"/>
        <location filename="../../src/solocrm/services/timeline.py" line="147"/>
        <source>This customer no longer exists (it may have been deleted).</source>
        <translation>这位客户已不存在（可能已被删除）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/goals.py" line="60"/>
        <source>Unknown goal metric {metric!r}.</source>
        <translation>未知的目标指标 {metric!r}。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/goals.py" line="65"/>
        <source>The baseline must be between {low:g} and {high:g}.</source>
        <translation>基准值必须在 {low:g} 到 {high:g} 之间。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/goals.py" line="66"/>
        <source>The target must be between {low:g} and {high:g}.</source>
        <translation>目标值必须在 {low:g} 到 {high:g} 之间。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/goals.py" line="71"/>
        <source>Enter the CLV amount the goal counts customers above.</source>
        <translation>请输入终身价值金额：目标统计高于这个金额的客户。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/goals.py" line="76"/>
        <source>The target must differ from the baseline.</source>
        <translation>目标值不能与基准值相同。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/goals.py" line="79"/>
        <source>Choose a deadline.</source>
        <translation>请选择截止日期。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/goals.py" line="81"/>
        <source>The deadline must be after today.</source>
        <translation>截止日期必须在今天之后。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/goals.py" line="84"/>
        <source>Choose how many days the metric is measured over.</source>
        <translation>请选择指标按多少天计算。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/goals.py" line="99"/>
        <location filename="../../src/solocrm/services/goals.py" line="143"/>
        <source>This goal no longer exists (it may have been deleted).</source>
        <translation>这个目标已不存在（可能已被删除）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/interactions.py" line="48"/>
        <source>This time is in the future. Record it when it has happened, or add a task for it.</source>
        <translation>这个时间在将来。请在发生后再记录，或为它添加一个任务。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/interactions.py" line="52"/>
        <source>Unknown channel {channel!r}.</source>
        <translation>未知的渠道 {channel!r}。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/interactions.py" line="55"/>
        <source>Unknown direction {direction!r}.</source>
        <translation>未知的方向 {direction!r}。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/interactions.py" line="58"/>
        <source>Write a short summary of what was said.</source>
        <translation>请简要写下聊了什么。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/interactions.py" line="73"/>
        <location filename="../../src/solocrm/services/interactions.py" line="134"/>
        <source>This interaction no longer exists (it may have been deleted).</source>
        <translation>这条跟进记录已不存在（可能已被删除）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/money.py" line="38"/>
        <source>Enter an amount.</source>
        <translation>请输入金额。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/money.py" line="41"/>
        <location filename="../../src/solocrm/services/orders.py" line="65"/>
        <source>An amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/money.py" line="45"/>
        <source>“{value}” is not an amount. Write it like 1280 or 1,280.50.</source>
        <translation>“{value}”不是金额。请写成 1280 或 1,280.50 这样。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/money.py" line="50"/>
        <source>An amount has at most 2 decimal places (fen).</source>
        <translation>金额最多两位小数（到分）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/money.py" line="54"/>
        <location filename="../../src/solocrm/services/orders.py" line="67"/>
        <source>That amount is too large. Check the number of digits.</source>
        <translation>金额太大了。请检查位数。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/orders.py" line="62"/>
        <source>The order date is in the future.</source>
        <translation>下单日期在将来。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/orders.py" line="70"/>
        <source>Choose a currency.</source>
        <translation>请选择币种。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/limits.py" line="18"/>
        <source>Keep this to {limit} characters or fewer.</source>
        <translation>请不要超过 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/orders.py" line="73"/>
        <source>The quantity must be between 1 and {most:,}.</source>
        <translation>数量必须在 1 到 {most:,} 之间。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/orders.py" line="76"/>
        <source>Unknown order status {status!r}.</source>
        <translation>未知的订单状态 {status!r}。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/orders.py" line="101"/>
        <source>Order number {number} is already recorded.</source>
        <translation>订单号 {number} 已经记录过了。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/orders.py" line="108"/>
        <location filename="../../src/solocrm/services/orders.py" line="167"/>
        <source>This order no longer exists (it may have been deleted).</source>
        <translation>这笔订单已不存在（可能已被删除）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/surveys.py" line="47"/>
        <source>The answer date is in the future.</source>
        <translation>回答日期在将来。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/surveys.py" line="51"/>
        <source>Unknown survey kind {kind!r}.</source>
        <translation>未知的调查类型 {kind!r}。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/surveys.py" line="54"/>
        <source>Choose a score.</source>
        <translation>请选择评分。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/surveys.py" line="56"/>
        <source>A {kind} score is from {low} to {high}.</source>
        <translation>{kind} 评分范围是 {low} 到 {high}。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/surveys.py" line="71"/>
        <location filename="../../src/solocrm/services/surveys.py" line="146"/>
        <source>This survey answer no longer exists (it may have been deleted).</source>
        <translation>这条问卷回复已不存在（可能已被删除）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/surveys.py" line="87"/>
        <source>That order is not one of this customer&apos;s orders.</source>
        <translation>那笔订单不是这位客户的订单。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/tasks.py" line="189"/>
        <source>A task needs a title.</source>
        <translation>任务需要标题。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/tasks.py" line="193"/>
        <source>A task needs a due date.</source>
        <translation>任务需要到期日期。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/tasks.py" line="195"/>
        <source>Unknown repeat rule {rule!r}.</source>
        <translation>未知的重复规则 {rule!r}。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/tasks.py" line="213"/>
        <location filename="../../src/solocrm/services/tasks.py" line="258"/>
        <location filename="../../src/solocrm/services/tasks.py" line="276"/>
        <source>This task no longer exists (it may have been deleted).</source>
        <translation>这个任务已不存在（可能已被删除）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/tasks.py" line="285"/>
        <source>The task&apos;s customer has been deleted, so the task cannot come back.</source>
        <translation>这个任务的客户已被删除，所以任务无法恢复。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/tasks.py" line="416"/>
        <source>Choose an interval between 1 and {days} days.</source>
        <translation>请选择 1 到 {days} 天之间的间隔。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/tasks.py" line="430"/>
        <source>No customer has the tag “{tag}”.</source>
        <translation>没有客户带有标签“{tag}”。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/tasks.py" line="455"/>
        <source>This stay-in-touch rule no longer exists.</source>
        <translation>这条保持联系规则已不存在。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/db/migrate.py" line="105"/>
        <source>{path} is not a SoloCRM database or is damaged ({why}). Open another file or restore a backup. The file was not changed.</source>
        <translation>{path} 不是 SoloCRM 数据库，或已损坏（{why}）。请打开其他文件或恢复备份。文件没有被改动。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/db/migrate.py" line="111"/>
        <source>{path} is an SQLite database of another program, not SoloCRM. Open a SoloCRM file instead. The file was not changed.</source>
        <translation>{path} 是其他程序的 SQLite 数据库，不是 SoloCRM 的。请改为打开 SoloCRM 文件。文件没有被改动。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/db/migrate.py" line="122"/>
        <source>{path} was written by a newer version of SoloCRM. Install the latest SoloCRM to open it. The file was not changed.</source>
        <translation>{path} 由更新版本的 SoloCRM 写入。请安装最新的 SoloCRM 再打开。文件没有被改动。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/writers.py" line="54"/>
        <source>{path} is a folder. Choose a file name.</source>
        <translation>{path} 是文件夹。请选择一个文件名。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/writers.py" line="56"/>
        <source>The folder {folder} does not exist. Choose another place.</source>
        <translation>文件夹 {folder} 不存在。请选择其他位置。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/writers.py" line="66"/>
        <location filename="../../src/solocrm/exporting/writers.py" line="71"/>
        <source>Cannot write {path}: {why}.</source>
        <translation>无法写入 {path}：{why}。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/writers.py" line="79"/>
        <source>Unknown format “{format}”. Choose csv or xlsx.</source>
        <translation>未知的格式“{format}”。请选择 csv 或 xlsx。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/reports/files.py" line="28"/>
        <source>Cannot write the report to {path}: {why}. Choose a folder that exists and that you may write to.</source>
        <translation>无法把报告写入 {path}：{why}。请选择一个存在且可写的文件夹。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/reports/files.py" line="37"/>
        <source>Cannot write the report to {path}: {why}. Close the file if it is open in another program, or choose another name.</source>
        <translation>无法把报告写入 {path}：{why}。如果文件正被其他程序打开，请先关闭，或换一个文件名。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/reports/fonts.py" line="23"/>
        <source>No Chinese (CJK) font was found, so the report cannot show Chinese text. Install one, for example the package fonts-noto-cjk (Debian/Ubuntu: sudo apt install fonts-noto-cjk), then try again.</source>
        <translation>没有找到中文（CJK）字体，所以报告无法显示中文。请安装一个，例如 fonts-noto-cjk 软件包（Debian/Ubuntu：sudo apt install fonts-noto-cjk），然后再试。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/reports/sections.py" line="271"/>
        <source>Unknown report section {section!r}; choose from {sections}.</source>
        <translation>未知的报告章节 {section!r}；可选：{sections}。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/reports/sections.py" line="275"/>
        <source>The period starts after it ends. Swap the dates.</source>
        <translation>开始日期晚于结束日期。请交换两个日期。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/container.py" line="191"/>
        <source>{name} is a damaged SoloCRM backup (its first line is corrupted). Use another backup.</source>
        <translation>{name} 是损坏的 SoloCRM 备份（第一行已损坏）。请使用其他备份。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/container.py" line="194"/>
        <source>{name} is not a SoloCRM backup. Choose a .crmbak file written by SoloCRM.</source>
        <translation>{name} 不是 SoloCRM 备份。请选择 SoloCRM 写入的 .crmbak 文件。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/container.py" line="202"/>
        <source>{name} is a damaged SoloCRM backup (its header is cut or garbled). Use another backup.</source>
        <translation>{name} 是损坏的 SoloCRM 备份（文件头被截断或错乱）。请使用其他备份。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/container.py" line="209"/>
        <location filename="../../src/solocrm/backup/container.py" line="229"/>
        <source>{name} is a damaged SoloCRM backup (its header is garbled). Use another backup.</source>
        <translation>{name} 是损坏的 SoloCRM 备份（文件头错乱）。请使用其他备份。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/container.py" line="214"/>
        <source>{name} is a damaged SoloCRM backup (its header fails its check). Use another backup.</source>
        <translation>{name} 是损坏的 SoloCRM 备份（文件头校验失败）。请使用其他备份。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/container.py" line="221"/>
        <source>{name} is a damaged SoloCRM backup (its header is incomplete). Use another backup.</source>
        <translation>{name} 是损坏的 SoloCRM 备份（文件头不完整）。请使用其他备份。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/container.py" line="225"/>
        <source>{name} was written by a newer SoloCRM (backup format {version}). Install the latest SoloCRM to open it.</source>
        <translation>{name} 由更新版本的 SoloCRM 写入（备份格式 {version}）。请安装最新的 SoloCRM 后再打开。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/container.py" line="303"/>
        <source>The database snapshot changed while it was being encrypted (a disk or memory fault). No backup was written; try again.</source>
        <translation>数据库快照在加密过程中发生了变化（磁盘或内存故障）。没有写入备份；请重试。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/container.py" line="363"/>
        <source>{name} holds more data than its manifest says. Use another backup.</source>
        <translation>{name} 中的数据比清单记录的多。请使用其他备份。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/container.py" line="375"/>
        <source>{name} is encrypted to your key but is not a SoloCRM backup.</source>
        <translation>{name} 是用你的密钥加密的，但不是 SoloCRM 备份。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/container.py" line="162"/>
        <location filename="../../src/solocrm/backup/container.py" line="378"/>
        <source>{name} was written by a newer SoloCRM (inner format {version}). Install the latest SoloCRM to open it.</source>
        <translation>{name} 由更新版本的 SoloCRM 写入（内部格式 {version}）。请安装最新的 SoloCRM 后再打开。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/container.py" line="158"/>
        <source>{name} is damaged or tampered (its manifest cannot be read).</source>
        <translation>{name} 已损坏或被篡改（无法读取其清单）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/container.py" line="168"/>
        <source>{name} is damaged or tampered (its manifest has an impossible value: {field}).</source>
        <translation>{name} 已损坏或被篡改（其清单中有不可能的值：{field}）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/container.py" line="382"/>
        <source>{name} is damaged or tampered (its manifest is impossibly large).</source>
        <translation>{name} 已损坏或被篡改（清单大得不可能）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/container.py" line="443"/>
        <source>{name} was made with another key ({detail}). Unlock it with the passphrase or recovery code of the setup that made it.</source>
        <translation>{name} 是用另一把密钥制作的（{detail}）。请用制作它的那套设置的密码或恢复码解锁。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/container.py" line="449"/>
        <source>{name} is damaged or tampered (the encrypted part does not start as it should).</source>
        <translation>{name} 已损坏或被篡改（加密部分的开头不正确）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/container.py" line="467"/>
        <source>{name} is damaged or tampered (it ends before its manifest).</source>
        <translation>{name} 已损坏或被篡改（在清单之前就结束了）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/container.py" line="470"/>
        <source>{name} is tampered or forged: its authentication code does not match your key.</source>
        <translation>{name} 被篡改或伪造：它的验证码与你的密钥不符。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/container.py" line="473"/>
        <source>{name} is damaged or tampered (its plaintext header was changed).</source>
        <translation>{name} 已损坏或被篡改（明文文件头被改动过）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/container.py" line="476"/>
        <source>{name} failed its content check: the database inside does not match the manifest&apos;s size and hash. Use another backup.</source>
        <translation>{name} 未通过内容校验：其中的数据库与清单记录的大小和哈希不符。请使用其他备份。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/container.py" line="480"/>
        <source>{name} failed its content check: the database was already damaged when it was backed up ({detail}).</source>
        <translation>{name} 未通过内容校验：备份时数据库就已损坏（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/container.py" line="488"/>
        <source>{name} is damaged or tampered ({detail}). Use another backup.</source>
        <translation>{name} 已损坏或被篡改（{detail}）。请使用其他备份。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/container.py" line="492"/>
        <source>{name} is damaged or tampered (an encrypted chunk fails its check, or the file is cut short or extended). Use another backup.</source>
        <translation>{name} 已损坏或被篡改（某个加密块校验失败，或文件被截短或加长）。请使用其他备份。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/files.py" line="93"/>
        <source>The disk is full: {what} could not be written. Free some space on the backup drive or choose another folder. Older backups were not touched.</source>
        <translation>磁盘已满：无法写入{what}。请在备份盘上腾出空间，或选择其他文件夹。以前的备份没有被改动。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/files.py" line="96"/>
        <source>{what} could not be written ({detail}). Check that the backup drive is connected and writable. Older backups were not touched.</source>
        <translation>无法写入{what}（{detail}）。请检查备份盘已连接且可写。以前的备份没有被改动。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/files.py" line="125"/>
        <source>{final} already exists; nothing was overwritten.</source>
        <translation>{final} 已存在；没有覆盖任何文件。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/files.py" line="147"/>
        <source>The backup</source>
        <translation>备份文件</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/jobs.py" line="76"/>
        <location filename="../../src/solocrm/backup/jobs.py" line="444"/>
        <source>Cannot use {destination} for backups: {strerror}.</source>
        <translation>无法把 {destination} 用于备份：{strerror}。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/jobs.py" line="94"/>
        <source>backups set up</source>
        <translation>已设置备份</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/jobs.py" line="95"/>
        <source>new key made; older backups keep opening with the old one</source>
        <translation>已生成新密钥；旧备份仍用原来的密钥打开</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/jobs.py" line="115"/>
        <source>Pick the folder that holds your backups and the key file.</source>
        <translation>请选择存放备份和密钥文件的文件夹。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/jobs.py" line="140"/>
        <source>The key file {key_file} opened with your passphrase, but it belongs to another backup setup: it does not hold the key these backups were made with. Use the key file from the folder where they were made, or their recovery code.</source>
        <translation>密钥文件 {key_file} 已用您的口令打开，但它属于另一套备份设置：其中没有制作这些备份所用的密钥。请使用制作这些备份的文件夹中的密钥文件，或它们的恢复码。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/jobs.py" line="197"/>
        <source>another backup of this database is running</source>
        <translation>这个数据库的另一次备份正在进行</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/jobs.py" line="230"/>
        <source>The backup folder {folder} is not available. Connect the drive or choose another folder on the Backup page.</source>
        <translation>备份文件夹 {folder} 不可用。请连接该磁盘，或在“备份”页选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/jobs.py" line="251"/>
        <source>Your database failed its integrity check, so it was not backed up over your good backups ({detail}). The last good backup is pinned; restore it from the Backup page.</source>
        <translation>你的数据库未通过完整性检查，所以没有用它覆盖完好的备份（{detail}）。最后一份完好的备份已被固定；请在“备份”页恢复它。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/jobs.py" line="261"/>
        <source>nothing changed since the last backup</source>
        <translation>自上次备份以来没有变化</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/jobs.py" line="287"/>
        <source>The backup read back differs from what was written; the drive may be failing. Nothing was kept.</source>
        <translation>读回的备份与写入的不一致；磁盘可能有故障。没有保留这份备份。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/jobs.py" line="309"/>
        <source>written; not yet verified: the key is not on this computer (enter the passphrase to verify)</source>
        <translation>已写入，尚未验证：密钥不在这台电脑上（输入密码即可验证）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/jobs.py" line="315"/>
        <source>written and verified</source>
        <translation>已写入并验证</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/keys.py" line="36"/>
        <source>The key file</source>
        <translation>密钥文件</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/jobs.py" line="453"/>
        <source>The key file read back differs from what was written; the drive may be failing.</source>
        <translation>读回的密钥文件与写入的不一致；磁盘可能有故障。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/keys.py" line="78"/>
        <source>That recovery code is not valid: a character is missing or mistyped. It starts with AGE-SECRET-KEY-1; check it against your printed copy.</source>
        <translation>这个恢复码无效：少了字符或有输错。它以 AGE-SECRET-KEY-1 开头；请对照打印的副本检查。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/keys.py" line="157"/>
        <source>This passphrase is easy to guess: about {bits} bits of strength, and SoloCRM asks for {enough}. Anyone who gets hold of your backup folder can try guesses against it without limit. Common passwords, names, dates, keyboard patterns and set phrases count for little; four or more unrelated words, or a sentence of your own in any language, count for much more.</source>
        <translation>这个口令很容易被猜到：强度约 {bits} 位，SoloCRM 要求 {enough} 位。任何拿到您备份文件夹的人都可以不限次数地尝试。常见密码、姓名、日期、键盘顺序和固定短语几乎不算数；四个或更多互不相关的词，或一句您自己编的话（任何语言），则强得多。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/keys.py" line="168"/>
        <source>Enter a passphrase: four or more unrelated words, or a sentence of your own in any language.</source>
        <translation>请输入口令：四个或更多互不相关的词，或一句您自己编的话（任何语言都可以）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/keys.py" line="190"/>
        <source>{name} opened but does not hold SoloCRM backup keys. Restore it from another copy.</source>
        <translation>{name} 能打开，但里面没有 SoloCRM 备份密钥。请从其他副本恢复它。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/keys.py" line="203"/>
        <source>{name} is damaged (its key-stretching parameters are unreadable).</source>
        <translation>{name} 已损坏（无法读取其密钥加强参数）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/keys.py" line="206"/>
        <source>{name} is damaged or tampered: it asks for an absurd amount of work to unlock (scrypt 2^{log_n}), so it was refused.</source>
        <translation>{name} 已损坏或被篡改：解锁它需要的计算量大得离谱（scrypt 2^{log_n}），因此被拒绝。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/keys.py" line="216"/>
        <source>There is no key file ({name}) in {parent}. Use the recovery code instead, or pick the folder that holds your backups.</source>
        <translation>{parent} 中没有密钥文件（{name}）。请改用恢复码，或选择存放备份的文件夹。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/keys.py" line="220"/>
        <source>{name} is not a passphrase-protected SoloCRM key file, or it is damaged.</source>
        <translation>{name} 不是受密码保护的 SoloCRM 密钥文件，或已损坏。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/keys.py" line="313"/>
        <source>Wrong passphrase: it does not unlock the backup key. Check Caps Lock and the keyboard layout, or use the recovery code.</source>
        <translation>密码错误：无法解锁备份密钥。请检查大写锁定键和键盘布局，或使用恢复码。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/keys.py" line="319"/>
        <source>{name} is damaged or tampered ({exc}). Use the recovery code instead.</source>
        <translation>{name} 已损坏或被篡改（{exc}）。请改用恢复码。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/keys.py" line="339"/>
        <source>The key file read back from {folder} differs from what was written; the drive may be failing. Nothing was replaced.</source>
        <translation>从 {folder} 读回的密钥文件与写入的不一致；磁盘可能有故障。没有替换任何文件。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/os_timer.py" line="51"/>
        <source>Choose an hourly, daily or weekly schedule before turning on backups while the app is closed.</source>
        <translation>请先选择每小时、每天或每周的计划，再开启“应用关闭时也备份”。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/os_timer.py" line="161"/>
        <source>crontab refused the new schedule: {detail}</source>
        <translation>crontab 拒绝了新的计划：{detail}</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/os_timer.py" line="170"/>
        <source>This system has neither a user systemd nor cron, so backups can only run while SoloCRM is open.</source>
        <translation>这个系统既没有用户级 systemd 也没有 cron，所以只能在 SoloCRM 打开时备份。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/os_timer.py" line="192"/>
        <source>systemctl {detail} failed: {detail2}</source>
        <translation>systemctl {detail} 失败：{detail2}</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/os_timer.py" line="257"/>
        <source>launchctl load failed: {detail}</source>
        <translation>launchctl load 失败：{detail}</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/os_timer.py" line="272"/>
        <source>schtasks failed: {detail}</source>
        <translation>schtasks 失败：{detail}</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/restore.py" line="85"/>
        <source>{name} is open in SoloCRM. Close that window (or use the Backup page there) and restore again. Nothing was changed.</source>
        <translation>{name} 正在 SoloCRM 中打开。请关闭那个窗口（或在那里使用“备份”页）后再恢复。没有做任何改动。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/restore.py" line="128"/>
        <source>{name} was made by a newer SoloCRM ({app_version}, schema {revision}). Install the latest SoloCRM to restore it. Nothing was changed.</source>
        <translation>{name} 由更新版本的 SoloCRM 制作（{app_version}，数据结构 {revision}）。请安装最新的 SoloCRM 后再恢复。没有做任何改动。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/restore.py" line="135"/>
        <source>{name} decrypted, but the database inside fails its check ({detail}). Nothing was changed; use another backup.</source>
        <translation>{name} 已解密，但其中的数据库未通过校验（{detail}）。没有做任何改动；请使用其他备份。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/restore.py" line="147"/>
        <source>{name} could not be brought up to date: {message}</source>
        <translation>{name} 无法升级到当前版本：{message}</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/restore.py" line="157"/>
        <source>The restored database</source>
        <translation>恢复出的数据库</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/restore.py" line="214"/>
        <source>The restored database could not be closed cleanly. Nothing was changed; try again.</source>
        <translation>恢复的数据库无法正常关闭。没有做任何改动；请重试。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/rotation.py" line="42"/>
        <source>Keep counts cannot be negative.</source>
        <translation>保留份数不能为负数。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/rotation.py" line="45"/>
        <source>This rotation policy would keep nothing. Keep at least one backup in some rule.</source>
        <translation>这个轮换策略一份备份也不会保留。请至少在一条规则里保留一份。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/snapshot.py" line="142"/>
        <source>The database stayed busy for {deadline:.0f} seconds (another program or a long change is writing to it), so no backup was taken. It will be tried again.</source>
        <translation>数据库持续忙碌了 {deadline:.0f} 秒（有其他程序或较长的修改正在写入），所以这次没有备份。稍后会再试。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/snapshot.py" line="171"/>
        <location filename="../../src/solocrm/backup/snapshot.py" line="183"/>
        <source>The database cannot be read for a backup: {exc}.</source>
        <translation>无法读取数据库进行备份：{exc}。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/snapshot.py" line="174"/>
        <source>The database stayed busy for {deadline:.0f} seconds, so no backup was taken. It will be tried again.</source>
        <translation>数据库持续忙碌了 {deadline:.0f} 秒，所以这次没有备份。稍后会再试。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/snapshot.py" line="204"/>
        <source>The disk that holds your database ({folder}) is too full for a backup: the snapshot taken beside the database needs {needed} and {free} is free. Free some space on that disk and try again; nothing was written.</source>
        <translation>存放数据库的磁盘（{folder}）空间不足，无法备份：在数据库旁生成的快照需要 {needed}，而可用空间只有 {free}。请在该磁盘上腾出空间后重试；没有写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/store.py" line="83"/>
        <source>Backups are not set up for this database yet. Run `solocrm backup init --to FOLDER` or open the Backup page.</source>
        <translation>这个数据库还没有设置备份。请运行 `solocrm backup init --to FOLDER`，或打开“备份”页。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/swap.py" line="73"/>
        <source>The restore journal</source>
        <translation>恢复日志</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/backup/swap.py" line="78"/>
        <source>The restore was interrupted by a disk error ({detail}). It will be completed the next time SoloCRM opens this database; nothing is lost.</source>
        <translation>恢复因磁盘错误而中断（{detail}）。下次 SoloCRM 打开这个数据库时会完成恢复；没有丢失任何数据。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/analytics/panel.py" line="444"/>
        <source>The period starts after the as-of date. Choose an earlier start, or a later as-of date.</source>
        <translation>时段的开始晚于截止日期。请选择更早的开始日期，或更晚的截止日期。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/demo.py" line="1059"/>
        <source>The number of demo customers must be at least 1.</source>
        <translation>示例客户的数量至少为 1。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/demo.py" line="1069"/>
        <source>This database already has customers. Demo data only goes into a new, empty database: choose a new file name and try again.</source>
        <translation>这个数据库里已经有客户了。示例数据只能放进一个新的空数据库：请换一个新文件名再试。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="238"/>
        <source>Orders cannot be exported as vCard; choose csv or xlsx.</source>
        <translation>订单不能导出为 vCard，请选择 csv 或 xlsx。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="277"/>
        <source>Unknown list column(s): {columns}.</source>
        <translation>未知的列表列：{columns}。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/batches.py" line="63"/>
        <source>This import is no longer in the history.</source>
        <translation>这次导入已不在导入记录中。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/batches.py" line="65"/>
        <source>The import of {file} was already undone.</source>
        <translation>{file} 的导入已经撤销过了。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/merge.py" line="57"/>
        <source>One of these customers no longer exists (it may have been deleted or merged).</source>
        <translation>其中一位客户已不存在（可能已被删除或合并）。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/merge.py" line="101"/>
        <location filename="../../src/solocrm/importing/merge.py" line="139"/>
        <source>Choose at least two customers to merge.</source>
        <translation>请至少选择两位客户进行合并。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/customers.py" line="93"/>
        <source>A customer needs a name.</source>
        <translation>客户需要名称。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/customers.py" line="95"/>
        <source>Unknown kind {kind!r}.</source>
        <translation>未知的类型 {kind!r}。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/customers.py" line="125"/>
        <source>The birthday is in the future.</source>
        <translation>生日在将来。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/customers.py" line="133"/>
        <source>Keep each tag to {limit} characters or fewer.</source>
        <translation>每个标签请不要超过 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/services/customers.py" line="136"/>
        <source>Keep each field name to {limit} characters or fewer.</source>
        <translation>每个字段名请不要超过 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/backup_page.py" line="422"/>
        <source>There is no key file (solocrm-keys.age) beside this backup. Use the recovery code instead.</source>
        <translation>这个备份旁边没有密钥文件（solocrm-keys.age）。请改用恢复码。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/commands/__init__.py" line="46"/>
        <source>There is no database at {path}. Check the path given with --db, or open SoloCRM once to create your database. Nothing was created.</source>
        <translation>{path} 处没有数据库。请检查 --db 给出的路径，或先打开一次 SoloCRM 以创建您的数据库。没有创建任何文件。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/importing/errors.py" line="30"/>
        <source>Lines that cannot be read as {encoding}: {lines} ({count} in all). Nothing was imported. Choose another text encoding, or skip these lines.</source>
        <translation>以下行无法按 {encoding} 读取：{lines}（共 {count} 行）。未导入任何数据。请选择其他文本编码，或跳过这些行。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/date_field.py" line="128"/>
        <source>Type a date like 2024-01-05, or pick one from the calendar.</source>
        <translation>请输入日期，如 2024-01-05，或从日历中选择。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/date_field.py" line="135"/>
        <source>{value} is after {latest}. Choose a date on or before it.</source>
        <translation>{value} 晚于 {latest}。请选择不晚于该日的日期。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/commands/backup.py" line="123"/>
        <source>{path} is not UTF-8 text, so the passphrase or code in it cannot be read. Save it as UTF-8 (&quot;Unicode&quot; in most editors) and try again.</source>
        <translation>{path} 不是 UTF-8 文本，无法读取其中的口令或恢复码。请将它另存为 UTF-8（多数编辑器中称为“Unicode”）后重试。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/commands/backup.py" line="137"/>
        <source>The {name} environment variable is not UTF-8 text, so the passphrase in it cannot be read. Set it again from a UTF-8 terminal, or use --passphrase-file.</source>
        <translation>环境变量 {name} 不是 UTF-8 文本，无法读取其中的口令。请在 UTF-8 终端中重新设置，或改用 --passphrase-file。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/commands/settings.py" line="40"/>
        <source>There is no setting {key}. `solocrm settings list` shows every setting.</source>
        <translation>没有名为 {key} 的设置。`solocrm settings list` 会列出所有设置。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/commands/settings.py" line="68"/>
        <source>Cannot read {path}: {why}.</source>
        <translation>无法读取 {path}：{why}。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/commands/settings.py" line="74"/>
        <source>{setting} takes a whole number, not {value}.</source>
        <translation>{setting}需要一个整数，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="144"/>
        <source>{setting} must be between {minimum} and {maximum}.</source>
        <translation>{setting}必须在 {minimum} 到 {maximum} 之间。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="147"/>
        <source>{setting} must be one of: {choices}.</source>
        <translation>{setting}必须是以下之一：{choices}。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="152"/>
        <source>{setting} must be a PNG picture.</source>
        <translation>{setting}必须是 PNG 图片。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="155"/>
        <source>{setting} must be at most {pixels} pixels wide and high; scale it down first.</source>
        <translation>{setting}的宽和高不能超过 {pixels} 像素，请先缩小。</translation>
    </message>
</context>
<context>
    <name>exports</name>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="41"/>
        <location filename="../../src/solocrm/exporting/exports.py" line="56"/>
        <source>Customer ID</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="41"/>
        <source>Name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="42"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="42"/>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="43"/>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="43"/>
        <source>Emails</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="44"/>
        <source>WeChat ID</source>
        <translation>微信号</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="44"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="45"/>
        <source>Province / region</source>
        <translation>省份</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="45"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="46"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="46"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="47"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="47"/>
        <source>Source channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="48"/>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="48"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="49"/>
        <source>Marketing consent</source>
        <translation>营销同意</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="49"/>
        <source>Stage</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="50"/>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="50"/>
        <source>Total spent</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="51"/>
        <source>First order</source>
        <translation>首次下单</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="51"/>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="52"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="52"/>
        <source>Added</source>
        <translation>建档日期</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="53"/>
        <source>Preferred hours</source>
        <translation>方便联系时间</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="53"/>
        <source>Personal details</source>
        <translation>个人情况</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="56"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="57"/>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="57"/>
        <source>Customer phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="58"/>
        <source>Customer email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="58"/>
        <source>Order date</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="59"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="59"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="60"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="60"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="61"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/exporting/exports.py" line="61"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="14"/>
        <source>Prospect</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="15"/>
        <source>New</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="16"/>
        <source>Repeat</source>
        <translation>老客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="17"/>
        <source>Loyal</source>
        <translation>忠诚客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="18"/>
        <location filename="../../src/solocrm/ui/labels.py" line="36"/>
        <source>Churned</source>
        <translation>流失客户</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="24"/>
        <source>Regular</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="25"/>
        <source>Silver</source>
        <translation>银卡</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="26"/>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="27"/>
        <source>Diamond</source>
        <translation>钻石</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="33"/>
        <source>High value</source>
        <translation>高价值</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="34"/>
        <source>Medium value</source>
        <translation>中价值</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="35"/>
        <source>Low value</source>
        <translation>低价值</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="42"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="43"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="44"/>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="45"/>
        <source>Meeting</source>
        <translation>会面</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="46"/>
        <source>Store visit</source>
        <translation>到店</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="47"/>
        <source>Douyin</source>
        <translation>抖音</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="48"/>
        <location filename="../../src/solocrm/ui/labels.py" line="92"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="53"/>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="53"/>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="64"/>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="65"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="66"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="67"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="68"/>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="69"/>
        <source>WeChat ID</source>
        <translation>微信号</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="70"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="71"/>
        <source>Province / region</source>
        <translation>省份/地区</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="72"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="73"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="74"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="75"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="76"/>
        <source>Source channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="77"/>
        <source>Campaign</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="78"/>
        <source>Marketing consent</source>
        <translation>营销授权</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="79"/>
        <source>Preferred channel</source>
        <translation>首选联系方式</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="80"/>
        <source>Preferred hours</source>
        <translation>方便联系的时间</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="81"/>
        <source>Personal details</source>
        <translation>个人细节</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="82"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="83"/>
        <source>Referred by</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="84"/>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="85"/>
        <source>Emails</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="86"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="87"/>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="92"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="92"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="96"/>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="96"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="105"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="105"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="113"/>
        <source>Once</source>
        <translation>一次</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="114"/>
        <source>Every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="115"/>
        <source>Every week</source>
        <translation>每周</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="116"/>
        <source>Every month</source>
        <translation>每月</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/ui/labels.py" line="117"/>
        <source>Every year</source>
        <translation>每年</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <location filename="../../src/solocrm/settings.py" line="39"/>
        <source>Business name</source>
        <translation>店铺/公司名称</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="39"/>
        <source>Shown on reports.</source>
        <translation>显示在报表上。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="39"/>
        <location filename="../../src/solocrm/settings.py" line="42"/>
        <location filename="../../src/solocrm/settings.py" line="47"/>
        <location filename="../../src/solocrm/settings.py" line="55"/>
        <source>Your business</source>
        <translation>店铺信息</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="40"/>
        <source>Business logo</source>
        <translation>店铺标志</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="41"/>
        <source>Printed on the title page of reports. Kept in the database, so backups carry it.</source>
        <translation>印在报告的封面上。保存在数据库中，备份时一并保留。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="58"/>
        <source>Silver member from (total spent)</source>
        <translation>银卡门槛（累计消费）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="59"/>
        <source>A customer whose paid orders add up to this much is a silver member; below it, a regular one.</source>
        <translation>已付款订单累计达到这个金额的客户为银卡会员；不到的为普通会员。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="60"/>
        <location filename="../../src/solocrm/settings.py" line="63"/>
        <location filename="../../src/solocrm/settings.py" line="67"/>
        <source>Membership</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="63"/>
        <source>Gold member from (total spent)</source>
        <translation>金卡门槛（累计消费）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="66"/>
        <source>Diamond member from (total spent)</source>
        <translation>钻石卡门槛（累计消费）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="70"/>
        <source>Churn after (days)</source>
        <translation>流失判定（天）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="71"/>
        <source>A customer whose last paid order is older than this counts as churned.</source>
        <translation>最近一笔已付款订单早于这个天数的客户，视为流失客户。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="72"/>
        <location filename="../../src/solocrm/settings.py" line="78"/>
        <location filename="../../src/solocrm/settings.py" line="83"/>
        <location filename="../../src/solocrm/settings.py" line="88"/>
        <location filename="../../src/solocrm/settings.py" line="94"/>
        <source>Analytics</source>
        <translation>经营分析</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="75"/>
        <source>Gross margin (%)</source>
        <translation>毛利率（%）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="76"/>
        <source>What you keep of each sale after the cost of what you sold: the simple CLV counts this share of revenue. Leave 100 to count revenue.</source>
        <translation>每笔销售扣除商品成本后留下的比例；简单终身价值按营收的这个比例计算。保持 100 即按营收计算。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="81"/>
        <source>Longest customer lifetime (years)</source>
        <translation>客户最长生命周期（年）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="82"/>
        <source>The simple CLV never assumes a customer stays longer than this.</source>
        <translation>简单终身价值假设客户最多留存这么久。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="86"/>
        <source>Predicted CLV looks ahead (months)</source>
        <translation>预测终身价值的期限（月）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="87"/>
        <source>How far ahead the predicted CLV counts a customer&apos;s purchases.</source>
        <translation>预测终身价值计算客户未来多长时间内的购买。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="91"/>
        <source>Yearly discount rate (%)</source>
        <translation>年折现率（%）</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="92"/>
        <source>Money a year from now is worth this much less than today; the predicted CLV discounts later purchases by it.</source>
        <translation>一年后的钱比今天少值这么多；预测终身价值按它折算以后的购买。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="50"/>
        <source>Default phone region</source>
        <translation>默认电话地区</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="51"/>
        <source>Numbers written without a country code are read as this region&apos;s.</source>
        <translation>没有写国家或地区代码的号码，按这个地区识别。</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="52"/>
        <source>China +86</source>
        <translation>中国大陆 +86</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="52"/>
        <source>Hong Kong +852</source>
        <translation>中国香港 +852</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="52"/>
        <source>Taiwan +886</source>
        <translation>中国台湾 +886</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="53"/>
        <source>Macau +853</source>
        <translation>中国澳门 +853</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="53"/>
        <source>Singapore +65</source>
        <translation>新加坡 +65</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="53"/>
        <source>Malaysia +60</source>
        <translation>马来西亚 +60</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="54"/>
        <source>United States +1</source>
        <translation>美国 +1</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="54"/>
        <source>United Kingdom +44</source>
        <translation>英国 +44</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="44"/>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="45"/>
        <source>CNY ¥</source>
        <translation>人民币 ¥</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="45"/>
        <source>HKD HK$</source>
        <translation>港币 HK$</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="45"/>
        <source>TWD NT$</source>
        <translation>新台币 NT$</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="45"/>
        <source>USD $</source>
        <translation>美元 $</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="46"/>
        <source>EUR €</source>
        <translation>欧元 €</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="46"/>
        <source>SGD S$</source>
        <translation>新加坡元 S$</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="98"/>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="101"/>
        <location filename="../../src/solocrm/settings.py" line="103"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="102"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="102"/>
        <source>简体中文</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="102"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../src/solocrm/settings.py" line="97"/>
        <source>Default stay-in-touch interval (days)</source>
        <translation>默认保持联系间隔（天）</translation>
    </message>
</context>
</TS>
