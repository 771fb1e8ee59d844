/** Classification-table strings (English), 附件2 / R21. */
export const classificationEn = {
  intro:
    'The 附件2 classification table (R21): industries in priority order (GB/T 4754-2017’s 20 sections to start with; reorder or add), each with its key customers in order. 附件6-2, 附件7 and the report’s key customers follow this order; key customers not placed here come after, in the lists’ own order (revenue).',
  industries: 'Industries in order',
  saveOrder: 'Save the order',
  savedOrder: 'Industry order saved',
  code: 'Code',
  name: 'Name',
  addIndustry: 'Add industry',
  customersOf: 'Customers of {{name}}, in order',
  saveList: 'Save this industry’s order',
  savedList: 'Customer order saved',
  noCustomers: 'No customer placed in this industry yet.',
  remove: 'Remove',
  add: 'Add a customer',
  addPlaceholder: 'Choose a key customer ({{count}} not placed)',
  nothing: 'No customer to add',
  up: 'Move {{name}} up',
  down: 'Move {{name}} down',
};
