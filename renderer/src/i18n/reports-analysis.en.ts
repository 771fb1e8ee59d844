/** Reports → Monthly analysis (the report list and editor), English. */
export const analysisEn = {
  empty: 'The monthly analysis is being built.',
};
