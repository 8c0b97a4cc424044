import { testTransitions } from '@tradegraph/kit/testing';
import { OrderStatus, TransactionKind } from '../src/entities';
import { orderStatus } from '../src/services/order-status';
import { computeTotals, paidMinor } from '../src/services/totals';

const { PENDING, PROCESSING, COMPLETED, REFUNDED, CANCELLED } = OrderStatus;

describe('order lifecycle', () => {
  testTransitions(orderStatus, {
    allowed: [[PENDING, PROCESSING], [PROCESSING, COMPLETED], [COMPLETED, REFUNDED], [PENDING, CANCELLED], [PROCESSING, CANCELLED]],
    refused: [[PENDING, COMPLETED], [COMPLETED, CANCELLED], [CANCELLED, PENDING], [REFUNDED, COMPLETED]],
  });

  test('a forbidden move names what is allowed', () => {
    expect(() => orderStatus.assert(COMPLETED, CANCELLED)).toThrow('Order cannot go from COMPLETED to CANCELLED (allowed: REFUNDED)');
  });
});

describe('order totals', () => {
  test('tax is computed once on the subtotal and rounded half up', () => {
    expect(computeTotals([{ unitPriceMinor: 999, quantity: 3 }, { unitPriceMinor: 1, quantity: 1 }], 1900)).toEqual({ subtotalMinor: 2998, taxMinor: 570, totalMinor: 3568 });
    // 0.5 minor unit of tax rounds up: 50 × 1% = 0.5
    expect(computeTotals([{ unitPriceMinor: 50, quantity: 1 }], 100).taxMinor).toBe(1);
    expect(computeTotals([{ unitPriceMinor: 49, quantity: 1 }], 100).taxMinor).toBe(0);
    expect(computeTotals([{ unitPriceMinor: 1000, quantity: 2 }], 0)).toEqual({ subtotalMinor: 2000, taxMinor: 0, totalMinor: 2000 });
  });

  test('paid is every forward minus every reverse', () => {
    expect(
      paidMinor([
        { kind: TransactionKind.FORWARD, amountMinor: 1000 },
        { kind: TransactionKind.FORWARD, amountMinor: 500 },
        { kind: TransactionKind.REVERSE, amountMinor: 300 },
      ]),
    ).toBe(1200);
    expect(paidMinor([])).toBe(0);
  });
});
