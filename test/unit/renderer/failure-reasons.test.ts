/**
 * Issue 14 item 7: every refusal says why and what to do. Each reason the core can give has words in
 * both languages, and the key the notice line uses is the reason's, not the code's generic one.
 */
import { describe, expect, it } from 'vitest';
import { FAILURE_REASONS, type AppError } from '../../../app/domain/result';
import { en } from '../../../renderer/src/i18n/en';
import { esMX } from '../../../renderer/src/i18n/es-mx';
import { errorKey, managerPinRefusal } from '../../../renderer/src/store/store-types';
import { parsePadQuantity } from '../../../renderer/src/features/sell/quantity-pad';

describe('failure reasons', () => {
  it.each(FAILURE_REASONS)('%s has Spanish and English words', (reason) => {
    const es = (esMX.errors.reasons as Record<string, string>)[reason];
    const english = (en.errors.reasons as Record<string, string>)[reason];
    expect(es?.length ?? 0).toBeGreaterThan(10);
    expect(english?.length ?? 0).toBeGreaterThan(10);
    expect(es).not.toBe(english);
  });

  it('a reason picks its own words; without one, the code does', () => {
    const locked: AppError = { code: 'conflict', message: 'x', reason: 'sale_in_checkout' };
    expect(errorKey(locked)).toBe('errors.reasons.sale_in_checkout');
    expect(errorKey({ code: 'conflict', message: 'x' })).toBe('errors.conflict');
  });

  it("a cashier's PIN at a manager's prompt is told apart from a wrong one", () => {
    expect(managerPinRefusal({ code: 'forbidden', message: 'x', reason: 'not_a_manager' })).toBe(
      'not_a_manager',
    );
    expect(managerPinRefusal({ code: 'forbidden', message: 'x', reason: 'wrong_manager_pin' })).toBe(
      'wrong_manager_pin',
    );
  });
});

describe('the quantity pad', () => {
  it.each([
    ['1', 1],
    ['12', 12],
    ['999', 999],
  ])('takes %j', (text, quantity) => expect(parsePadQuantity(text)).toBe(quantity));
  it.each([[''], ['0'], ['1000'], ['1.5'], ['-2'], ['abc']])('refuses %j', (text) =>
    expect(parsePadQuantity(text)).toBeNull(),
  );
});
