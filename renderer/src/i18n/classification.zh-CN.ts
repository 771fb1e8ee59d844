/** 分类排序 strings (Chinese), 附件2 / R21. */
export const classificationZh = {
  intro:
    '附件2 分类排序表（R21）：行业按优先顺序排列（初始为 GB/T 4754-2017 的 20 个门类，可调整、可增加），每个行业内的重点客户按既定顺序排列。附件6-2、附件7 和分析报告的重点客户部分按此顺序上报；未排入本表的重点客户列在其后，按原有顺序（收入）。',
  industries: '行业顺序',
  saveOrder: '保存行业顺序',
  savedOrder: '已保存行业顺序',
  code: '代码',
  name: '名称',
  addIndustry: '增加行业',
  customersOf: '{{name}} 的客户顺序',
  saveList: '保存本行业排序',
  savedList: '已保存本行业的客户顺序',
  noCustomers: '本行业还没有排入客户。',
  remove: '移出',
  add: '加入客户',
  addPlaceholder: '选择重点客户（未排序 {{count}} 户）',
  nothing: '没有可加入的客户',
  up: '{{name}} 上移',
  down: '{{name}} 下移',
};
