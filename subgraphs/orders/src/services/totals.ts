import { TransactionKind } from '../entities/payment-transaction';

/** An order's money, in minor units of its currency. */
export interface OrderTotals {
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/**
 * Subtotal, tax and total of priced lines. Tax is computed once on the subtotal and rounded
 * half up to the minor unit, so the total never drifts from the lines by rounding per line.
 */
export function computeTotals(lines: { unitPriceMinor: number; quantity: number }[], taxRateBasisPoints: number): OrderTotals {
  const subtotalMinor = lines.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0);
  const taxMinor = Math.floor((subtotalMinor * taxRateBasisPoints + 5000) / 10_000);
  return { subtotalMinor, taxMinor, totalMinor: subtotalMinor + taxMinor };
}

/** What has been paid so far: every FORWARD minus every REVERSE. */
export function paidMinor(transactions: { kind: TransactionKind; amountMinor: number }[]): number {
  return transactions.reduce((sum, t) => sum + (t.kind === TransactionKind.FORWARD ? t.amountMinor : -t.amountMinor), 0);
}
