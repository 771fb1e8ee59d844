/** 报表 strings (English): the page and its tabs. Each tab's own text is in its own file. */
import { analysisEn } from './reports-analysis.en';
import { overviewEn } from './reports-overview.en';

export const reportsEn = {
  title: 'Reports',
  tabsLabel: 'Report tabs',
  tabs: {
    overview: 'Overview',
    analysis: 'Monthly analysis',
  },
  overview: overviewEn,
  analysis: analysisEn,
};
