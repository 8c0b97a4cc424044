import { testTransitions } from '@tradegraph/kit/testing';
import { ProductStatus } from '../src/entities';
import { productStatus } from '../src/services/product-status';
import { effectivePrice } from '../src/services/pricing';

const { DRAFT, PUBLISHED, ARCHIVED } = ProductStatus;

describe('product lifecycle', () => {
  testTransitions(productStatus, {
    allowed: [[DRAFT, PUBLISHED], [DRAFT, ARCHIVED], [PUBLISHED, ARCHIVED], [PUBLISHED, DRAFT], [ARCHIVED, DRAFT]],
    refused: [[ARCHIVED, PUBLISHED], [ARCHIVED, ARCHIVED], [DRAFT, DRAFT]],
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
