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
});
