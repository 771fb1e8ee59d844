/** 报表 strings (Chinese): the page and its tabs. Each tab's own text is in its own file. */
import { analysisZh } from './reports-analysis.zh-CN';
import { overviewZh } from './reports-overview.zh-CN';

export const reportsZh = {
  title: '报表',
  tabsLabel: '报表分页',
  tabs: {
    overview: '概览',
    analysis: '月度分析报告',
  },
  /** The 报表 section of the customer page. */
  customer: {
    title: '报表',
    openOverview: '查看报表概览',
    live: '{{month}}（实时）：',
    liveNone: '本月分析未涉及该客户',
    noFinals: '还没有定稿的分析报告提到该客户。',
    finals: '提到该客户的定稿分析报告',
    month: '月份',
    scope: '范围',
    city: '全市',
    revision: '版本',
    revisionN: '第 {{n}} 版',
    mention: '报告中的情况',
    keyList: '列入重点客户表',
    top20: '收入第 {{rank}} 名',
    fluctuation: '波动 {{change}}（原因：{{reason}}）',
    fluctuationNoReason: '波动 {{change}}（单位未报原因）',
    added: '本月新增',
    lost: '本月流失',
    tierMove: '分级 {{from}} → {{to}}',
  },
  overview: overviewZh,
  analysis: analysisZh,
};
