/**
 * The business lines as the bureau's forms name them (DOMAIN.md R1), in form order, written out
 * literally rather than taken from the code's own names: a wrong name or order in the product then
 * fails the tests that compare against this.
 */
import type { RevenueLine } from '../../shared/domain/lines';

export const OFFICIAL_LINE_ROWS: readonly (readonly [string, RevenueLine])[] = [
  ['储汇', 'savings'],
  ['帐单', 'bills'],
  ['函件', 'letters'],
  ['集邮', 'philately'],
  ['特快', 'express'],
  ['物流', 'logistics'],
  ['包件', 'parcels'],
  ['报刊', 'newspapers'],
  ['其他', 'other'],
];
