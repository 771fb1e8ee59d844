/** R29 channels: tariff discount requests and their approval steps. */
import { entity } from '../audit/entities';
import { defineHandlers } from '../registry';
import { addDiscount, decideDiscount, listDiscounts, withdrawDiscount } from './service';

export const discountHandlers = defineHandlers({
  'discounts/add': {
    kind: 'write',
    audit: { entity: (_, r) => (r ? entity('discount', r.id) : null) },
    run: (input, ctx) => addDiscount(ctx, input),
  },
  'discounts/decide': {
    kind: 'write',
    audit: { entity: (i) => entity('discount', i.id) },
    run: (input, ctx) => decideDiscount(ctx, input),
  },
  'discounts/withdraw': {
    kind: 'write',
    audit: { entity: (i) => entity('discount', i.id) },
    run: (input, ctx) => withdrawDiscount(ctx, input),
  },
  'discounts/list': { kind: 'read', run: (input, { db }) => listDiscounts(db, input) },
});
