import { ProductStatus } from '../src/entities';
import { productStatus } from '../src/services/product-status';
import { effectivePrice } from '../src/services/pricing';

const { DRAFT, PUBLISHED, ARCHIVED } = ProductStatus;

describe('product lifecycle', () => {
  test.each([
    [DRAFT, PUBLISHED, true],
    [PUBLISHED, ARCHIVED, true],
    [PUBLISHED, DRAFT, true],
    [ARCHIVED, DRAFT, true],
    [DRAFT, ARCHIVED, false],
    [ARCHIVED, PUBLISHED, false],
    [DRAFT, DRAFT, false],
  ])('%s → %s allowed: %s', (from, to, allowed) => {
    expect(productStatus.can(from, to)).toBe(allowed);
  });

  test('an archived product reaches PUBLISHED only through DRAFT', () => {
    expect(productStatus.path(ARCHIVED, PUBLISHED)).toEqual([DRAFT, PUBLISHED]);
  });
});

describe('effective price', () => {
  const product = { basePrice: { amount: '100.00', currency: 'EUR' } };

  test('the customer\'s list price wins when the list has the product', () => {
    expect(effectivePrice(product, { price: { amount: '90.00', currency: 'EUR' } })).toEqual({ amount: '90.00', currency: 'EUR' });
  });

  test('without a list price the base price applies', () => {
    expect(effectivePrice(product, null)).toEqual({ amount: '100.00', currency: 'EUR' });
    expect(effectivePrice(product, undefined)).toEqual({ amount: '100.00', currency: 'EUR' });
  });
});
