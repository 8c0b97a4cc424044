import { allocate, type AllocationCandidate } from '../src/services/allocation';

const candidate = (warehouseId: string, priority: number, available: number): AllocationCandidate => ({ warehouseId, code: warehouseId, priority, available });

describe('allocate (pure rule)', () => {
  test('takes from the lowest priority number first, whatever holds more elsewhere', () => {
    const result = allocate([{ productId: 'p', quantity: 3 }], () => [candidate('big', 2, 100), candidate('small', 1, 5)]);
    expect(result.allocations).toEqual([{ productId: 'p', warehouseId: 'small', quantity: 3 }]);
  });

  test('among equal priorities, the most available first', () => {
    const result = allocate([{ productId: 'p', quantity: 4 }], () => [candidate('a', 1, 5), candidate('b', 1, 9)]);
    expect(result.allocations).toEqual([{ productId: 'p', warehouseId: 'b', quantity: 4 }]);
  });

  test('splits a line across warehouses in preference order', () => {
    const result = allocate([{ productId: 'p', quantity: 12 }], () => [candidate('c', 3, 50), candidate('a', 1, 4), candidate('b', 2, 5)]);
    expect(result.allocations).toEqual([
      { productId: 'p', warehouseId: 'a', quantity: 4 },
      { productId: 'p', warehouseId: 'b', quantity: 5 },
      { productId: 'p', warehouseId: 'c', quantity: 3 },
    ]);
  });

  test('one short line fails the whole request and names it', () => {
    const result = allocate(
      [{ productId: 'ok', quantity: 1 }, { productId: 'short', quantity: 10 }],
      (id) => (id === 'ok' ? [candidate('a', 1, 5)] : [candidate('a', 1, 4), candidate('b', 2, 3)]),
    );
    expect(result).toEqual({ allocations: null, shortfall: { productId: 'short', requested: 10, available: 7 } });
  });

  test('a product nowhere in stock is short by everything', () => {
    expect(allocate([{ productId: 'none', quantity: 1 }], () => []).shortfall).toEqual({ productId: 'none', requested: 1, available: 0 });
  });
});
