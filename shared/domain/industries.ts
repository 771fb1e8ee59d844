/** Industry suggestions for the customer form and demo data (the 附件2 classification is later). */
export const INDUSTRIES = [
  '政府机关',
  '金融保险',
  '电信运营',
  '电力能源',
  '制造业',
  '商贸流通',
  '教育',
  '医疗卫生',
  '房地产',
  '交通物流',
  '传媒出版',
  '社会团体',
  '其他',
] as const;
