/** Reports → Overview (the dashboard), English. */
export const overviewEn = {
  empty: 'The overview is being built.',
};
