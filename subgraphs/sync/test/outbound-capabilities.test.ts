import { receives } from '../src/adapters';
import { ExternalSystem } from '../src/entities';

describe('outbound capabilities', () => {
  it('queues only pushes the system\'s adapter can take', () => {
    expect(receives(ExternalSystem.SHOPIFY, 'ORDER')).toBe(true);
    expect(receives(ExternalSystem.SHOPIFY, 'STOCK')).toBe(true);
    expect(receives(ExternalSystem.REST, 'ORDER')).toBe(true);
    expect(receives(ExternalSystem.REST, 'STOCK')).toBe(false);
    expect(receives(ExternalSystem.NETSUITE, 'STOCK')).toBe(false);
    expect(receives(ExternalSystem.SAP_BUSINESS_ONE, 'STOCK')).toBe(true);
  });

  it('pushes products and customers only to the systems whose adapters update them (README table)', () => {
    const takes = (kind: 'PRODUCTS' | 'CUSTOMERS') => Object.values(ExternalSystem).filter((system) => receives(system, kind));
    expect(takes('PRODUCTS')).toEqual([ExternalSystem.SHOPIFY, ExternalSystem.REST]);
    expect(takes('CUSTOMERS')).toEqual([ExternalSystem.SHOPIFY, ExternalSystem.REST]);
  });
});
