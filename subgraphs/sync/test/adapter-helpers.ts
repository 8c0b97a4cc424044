import type { AdapterContext, FieldMapping, OutboundOrder } from '../src/adapters/types';
import { ExternalSystemError } from '../src/services/backoff';

/* What the adapter tests share: reading every page, the error a call fails with, and inputs. */

/** Every page of a read: how many pages and their records. */
export async function all<T>(pages: AsyncGenerator<T[]>): Promise<{ pages: number; items: T[] }> {
  const items: T[] = [];
  let count = 0;
  for await (const page of pages) {
    count++;
    items.push(...page);
  }
  return { pages: count, items };
}

/** The ExternalSystemError a promise rejects with; fails the test when it resolves or rejects with something else. */
export async function failureOf(promise: Promise<unknown>): Promise<ExternalSystemError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ExternalSystemError);
    return error as ExternalSystemError;
  }
  throw new Error('expected an ExternalSystemError, but the call succeeded');
}

/** An order to push, SO-1001 with no lines unless `overrides` give some. */
export function order(overrides: Partial<OutboundOrder> = {}): OutboundOrder {
  return {
    id: '0b7e4d1c-1111-4222-8333-944445555666',
    number: 'SO-1001',
    status: 'CONFIRMED',
    placedAt: '2026-06-02T09:30:00.000Z',
    currency: 'EUR',
    total: '40.00',
    customer: { id: 'cust-1', code: 'TG-CUST-1', name: 'Acme GmbH', email: 'buyer@acme.example', externalId: null },
    lines: [],
    ...overrides,
  };
}

/** What an adapter is built from, with a 5 s request timeout. */
export function context(baseUrl: string, credentials: AdapterContext['credentials'], mapping: FieldMapping = {}): AdapterContext {
  return { baseUrl, credentials, mapping, timeoutMs: 5000 };
}
