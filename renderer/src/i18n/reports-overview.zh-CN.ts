/** 报表 → 概览 (the dashboard), Chinese. */
export const overviewZh = {
  empty: '概览正在建设中。',
};
