import { assertBulkItems, hasSameFields, MAX_BULK_ITEMS } from '../src/bulk';
import { summarizeUpsert, UpsertOutcome } from '../src/bulk-result';
import { stableId, isUuid } from '../src/ids';

describe('bulk upserts', () => {
  test('a batch may not repeat a key or exceed the limit', () => {
    expect(() => assertBulkItems([{ sku: 'A' }, { sku: 'B' }, { sku: 'A' }], (i) => i.sku, 'sku')).toThrow('Invalid input: items.2.sku repeats "A" of items.0');
    expect(() => assertBulkItems(Array.from({ length: MAX_BULK_ITEMS + 1 }, (_, i) => ({ sku: String(i) })), (i) => i.sku, 'sku')).toThrow(/at most 1000 items, got 1001/);
    expect(() => assertBulkItems([{ sku: 'A' }], (i) => i.sku, 'sku')).not.toThrow();
  });

  test('values read back from jsonb compare equal whatever their key order', () => {
    const stored = { addresses: [{ city: 'Berlin', kind: 'BILLING', line1: 'x' }], name: 'Acme' };
    expect(hasSameFields(stored, { addresses: [{ kind: 'BILLING', line1: 'x', city: 'Berlin' }] })).toBe(true);
    expect(hasSameFields(stored, { addresses: [{ kind: 'BILLING', line1: 'y', city: 'Berlin' }] })).toBe(false);
    expect(hasSameFields(stored, { name: 'Acme' })).toBe(true);
    expect(hasSameFields({ a: null }, { a: undefined })).toBe(true);
  });

  test('outcomes are counted', () => {
    const item = (outcome: UpsertOutcome) => ({ index: 0, key: 'k', outcome, node: null, error: null });
    expect(summarizeUpsert([item(UpsertOutcome.CREATED), item(UpsertOutcome.CREATED), item(UpsertOutcome.FAILED)])).toMatchObject({ created: 2, updated: 0, unchanged: 0, failed: 1 });
  });

  test('stable ids are UUIDs and the same for the same name', () => {
    expect(stableId('customer', 'C-1')).toBe(stableId('customer', 'C-1'));
    expect(stableId('customer', 'C-1')).not.toBe(stableId('customer', 'C-2'));
    expect(isUuid(stableId('product', 'X'))).toBe(true);
    expect(isUuid('x')).toBe(false);
  });
});
