/** R1: the eight product lines, in the order every table and export uses, plus `other`. */
export const PRODUCT_LINES = [
  'savings',
  'bills',
  'letters',
  'philately',
  'express',
  'logistics',
  'parcels',
  'newspapers',
] as const;

export type ProductLine = (typeof PRODUCT_LINES)[number];
export type RevenueLine = ProductLine | 'other';

export const LINE_NAMES_ZH: Record<RevenueLine, string> = {
  savings: '储汇',
  bills: '帐单',
  letters: '函件',
  philately: '集邮',
  express: '特快',
  logistics: '物流',
  parcels: '包件',
  newspapers: '报刊',
  other: '其他',
};

/** The same names in English, for backend messages shown in the English interface (as in i18n/en.ts). */
export const LINE_NAMES_EN: Record<RevenueLine, string> = {
  savings: 'Savings & remittance',
  bills: 'Bills',
  letters: 'Letters',
  philately: 'Philately',
  express: 'Express',
  logistics: 'Logistics',
  parcels: 'Parcels',
  newspapers: 'Newspapers',
  other: 'Other',
};

export function isProductLine(value: string): value is ProductLine {
  return (PRODUCT_LINES as readonly string[]).includes(value);
}
