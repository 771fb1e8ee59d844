/** 报表 → 月度分析报告 (the report list and editor), Chinese. */
export const analysisZh = {
  empty: '月度分析报告正在建设中。',
};
