import { describe, expect, it } from 'vitest';
import { WORK_ITEM_KINDS } from '../../../../shared/domain/worklist';
import { targetOf } from './targets';

describe('work list targets', () => {
  it('opens the tracker for missing forms, the register for late changes, the customer otherwise', () => {
    expect(targetOf({ kind: 'forms_missing', unit: '440515', period: '2026-11' })).toEqual({
      name: 'submissions',
      tab: 'tracker',
    });
    expect(targetOf({ kind: 'manager_change_late', unit: '440515' })).toEqual({ name: 'settings', tab: 'managers' });
    expect(targetOf({ kind: 'archive_overdue', unit: '440515', customerId: '44051500001000' })).toEqual({
      name: 'customer',
      id: '44051500001000',
      tab: 'archive',
    });
    expect(targetOf({ kind: 'lapse', unit: '440515', customerId: '44051500001000', registrationId: 4 })).toEqual({
      name: 'registrations',
      tab: 'list',
      id: 4,
    });
  });

  it('opens 资费优惠 for a request waiting or a discount ending (R29)', () => {
    expect(targetOf({ kind: 'discount_pending', unit: '440515', customerId: '44051500001000' })).toEqual({
      name: 'discounts',
    });
    expect(targetOf({ kind: 'discount_expiring', unit: '440515', customerId: '44051500001000' })).toEqual({
      name: 'discounts',
      tab: 'approved',
    });
  });

  it('opens the visits page narrowed to the customer for visits short (R23)', () => {
    expect(targetOf({ kind: 'visits_short', unit: '440515', customerId: '44051500001000' })).toEqual({
      name: 'visits',
      customerId: '44051500001000',
    });
  });

  it('opens the registration for a step or a conflict, the applications tab for an application', () => {
    expect(targetOf({ kind: 'registration_step', unit: '440515', registrationId: 7 })).toEqual({
      name: 'registrations',
      tab: 'list',
      id: 7,
    });
    expect(targetOf({ kind: 'conflict', unit: '440500', registrationId: 9, customerId: '44051500001000' })).toEqual({
      name: 'registrations',
      tab: 'list',
      id: 9,
    });
    expect(targetOf({ kind: 'application', unit: '440515', customerId: '44051500001000' })).toEqual({
      name: 'registrations',
      tab: 'applications',
      id: null,
    });
  });

  it('answers every kind', () => {
    for (const kind of WORK_ITEM_KINDS) {
      expect(() => targetOf({ kind, unit: '440515', customerId: '44051500001000' })).not.toThrow();
      expect(targetOf({ kind, unit: '440515', customerId: '44051500001000' })).not.toBeNull();
    }
  });
});
