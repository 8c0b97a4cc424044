import type { StockLine } from './quantities';

/** One warehouse's stock of one product, as the allocator sees it. */
export interface AllocationCandidate {
  warehouseId: string;
  /** the warehouse's code, which breaks ties so allocation is deterministic */
  code: string;
  /** the warehouse's priority: lower is preferred */
  priority: number;
  /** what may be reserved there: onHand − reserved − safetyStock, never below 0 */
  available: number;
}

/** Units of one product to reserve in one warehouse. */
export interface Allocation {
  productId: string;
  warehouseId: string;
  quantity: number;
}

/** The line that could not be covered, for the INSUFFICIENT_STOCK error. */
export interface Shortfall {
  productId: string;
  requested: number;
  /** everything available for the product across the candidate warehouses */
  available: number;
}

/** Either every line is covered, or the first line that is not. */
export type AllocationResult = { allocations: Allocation[]; shortfall: null } | { allocations: null; shortfall: Shortfall };

/**
 * Decides where each line's units come from. The rule, per line:
 *
 * 1. only the candidates given (the caller passes active warehouses only), and only their
 *    `available` (safety stock is never handed out);
 * 2. warehouses by `priority` ascending (lower number = preferred), then by most available
 *    first (fewer splits, and the fullest warehouse takes the load), then by code;
 * 3. take as much as possible from each in that order, so one line may be split across
 *    several warehouses.
 *
 * All or none: if any line cannot be fully covered, the result names it and allocates nothing.
 * Pure: it neither reads nor writes anything, so the rule is tested without a database.
 *
 * @param lines one line per product (merged beforehand)
 * @param candidatesOf the warehouses holding each product
 */
export function allocate(lines: readonly StockLine[], candidatesOf: (productId: string) => readonly AllocationCandidate[]): AllocationResult {
  const allocations: Allocation[] = [];
  for (const line of lines) {
    const ordered = [...candidatesOf(line.productId)]
      .filter((c) => c.available > 0)
      .sort((a, b) => a.priority - b.priority || b.available - a.available || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    const total = ordered.reduce((sum, c) => sum + c.available, 0);
    if (total < line.quantity) {
      return { allocations: null, shortfall: { productId: line.productId, requested: line.quantity, available: total } };
    }
    let remaining = line.quantity;
    for (const candidate of ordered) {
      if (remaining === 0) break;
      const quantity = Math.min(remaining, candidate.available);
      allocations.push({ productId: line.productId, warehouseId: candidate.warehouseId, quantity });
      remaining -= quantity;
    }
  }
  return { allocations, shortfall: null };
}
