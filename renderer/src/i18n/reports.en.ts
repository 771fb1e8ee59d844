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
  /** The Reports section of the customer page. */
  customer: {
    title: 'Reports',
    openOverview: 'Open the reports overview',
    live: '{{month}} (live):',
    liveNone: 'This month’s analysis does not mention this customer',
    noFinals: 'No final analysis report mentions this customer yet.',
    finals: 'Final analysis reports that mention this customer',
    month: 'Month',
    scope: 'Scope',
    city: 'Whole city',
    revision: 'Revision',
    revisionN: 'Revision {{n}}',
    mention: 'In the report',
    keyList: 'On the key-customer list',
    top20: 'Revenue rank {{rank}}',
    fluctuation: 'Changed {{change}} (reason: {{reason}})',
    fluctuationNoReason: 'Changed {{change}} (no reason sent by the unit)',
    added: 'New this month',
    lost: 'Lost this month',
    tierMove: 'Tier {{from}} → {{to}}',
  },
  overview: overviewEn,
  analysis: analysisEn,
};
