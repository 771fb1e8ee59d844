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
  overview: overviewZh,
  analysis: analysisZh,
};
