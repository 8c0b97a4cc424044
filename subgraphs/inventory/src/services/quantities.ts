import { assertUuid, badInput } from '@tradegraph/kit';

/* The limits on stock quantities and lines, and the checks every movement and reservation runs. */

/**
 * The largest quantity one call may move. Levels are PostgreSQL `integer`s; capping each
 * movement well below 2³¹ keeps a single call from overflowing one (the ledger checks sums).
 */
export const MAX_QUANTITY = 1_000_000_000;

/** The most lines one reservation or return may carry. */
export const MAX_LINES = 500;

/** @throws BAD_USER_INPUT naming `field` unless `value` is an integer from 1 to {@link MAX_QUANTITY} */
export function assertPositiveQuantity(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 1 || value > MAX_QUANTITY) {
    throw badInput(field, `must be a whole number from 1 to ${MAX_QUANTITY}, got ${value}`);
  }
}

/** @throws BAD_USER_INPUT naming `field` unless `value` is an integer from 0 to {@link MAX_QUANTITY} */
export function assertNonNegativeQuantity(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 0 || value > MAX_QUANTITY) {
    throw badInput(field, `must be a whole number from 0 to ${MAX_QUANTITY}, got ${value}`);
  }
}

/** One product and how many units of it, as reserveStock and returnStock take them. */
export interface StockLine {
  productId: string;
  quantity: number;
}

/**
 * Validates order lines and merges lines that repeat a product (an order may list a product
 * twice; stock sees one demand), keeping the order of first appearance.
 * @throws BAD_USER_INPUT naming the offending line (`lines.2.quantity`)
 */
export function normalizeLines(lines: readonly StockLine[], field = 'lines'): StockLine[] {
  if (lines.length === 0) throw badInput(field, 'must hold at least one line');
  if (lines.length > MAX_LINES) throw badInput(field, `may hold at most ${MAX_LINES} lines, got ${lines.length}`);
  const merged = new Map<string, StockLine>();
  lines.forEach((line, index) => {
    assertUuid(line.productId, `${field}.${index}.productId`);
    assertPositiveQuantity(line.quantity, `${field}.${index}.quantity`);
    const productId = line.productId.toLowerCase();
    const existing = merged.get(productId);
    if (existing) {
      existing.quantity += line.quantity;
      if (existing.quantity > MAX_QUANTITY) throw badInput(`${field}.${index}.quantity`, `brings product ${productId} past ${MAX_QUANTITY} units`);
    } else {
      merged.set(productId, { productId, quantity: line.quantity });
    }
  });
  return [...merged.values()];
}
