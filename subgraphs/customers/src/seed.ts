import type { EntityManager } from '@mikro-orm/postgresql';
import { insertIgnoringExisting, seededRandom, stableId } from '@tradegraph/kit';
import { CustomerSegment, CustomerStatus } from './entities';

/** A demo customer as other subgraphs' seeds need it: price lists go by segment, territories and visits by place. */
export interface SeededCustomer {
  id: string;
  segment: CustomerSegment;
  city: string;
  lat: number;
  lng: number;
}

const COMPANY = ['Alpine', 'Baltic', 'Cedar', 'Delta', 'Elbe', 'Fjord', 'Granite', 'Harbor', 'Iron', 'Juniper', 'Keystone', 'Linden', 'Meridian', 'Nordic', 'Oak', 'Pioneer'];
const KIND = ['Builders', 'Hardware', 'Supply', 'Trading', 'Tools', 'Wholesale', 'Depot', 'Contractors'];
const CITIES: [string, string, number, number][] = [
  ['Berlin', 'DE', 52.52, 13.405],
  ['Hamburg', 'DE', 53.551, 9.993],
  ['Munich', 'DE', 48.137, 11.575],
  ['Vienna', 'AT', 48.208, 16.373],
  ['Zurich', 'CH', 47.376, 8.541],
  ['Amsterdam', 'NL', 52.367, 4.904],
  ['Copenhagen', 'DK', 55.676, 12.568],
  ['Warsaw', 'PL', 52.229, 21.012],
];
const SEGMENTS = [CustomerSegment.RETAIL, CustomerSegment.RETAIL, CustomerSegment.WHOLESALE, CustomerSegment.DISTRIBUTOR, CustomerSegment.KEY_ACCOUNT];

/** The demo customer code for a position: C-00001, C-00002 … */
export const demoCustomerCode = (i: number) => `C-${String(i + 1).padStart(5, '0')}`;

/**
 * Loads `count` demo customers (deterministic: the same ids and data on every run).
 * Idempotent: customers that exist are left alone.
 */
export async function seedCustomers(em: EntityManager, count: number): Promise<{ inserted: number; customers: SeededCustomer[] }> {
  const random = seededRandom(20261122);
  const now = new Date();
  const customers: SeededCustomer[] = [];
  const rows = Array.from({ length: count }, (_, i) => {
    const code = demoCustomerCode(i);
    const id = stableId('customer', code);
    const segment = SEGMENTS[i % SEGMENTS.length];
    const [city, country, lat, lng] = CITIES[Math.floor(random() * CITIES.length)];
    const name = `${COMPANY[i % COMPANY.length]} ${KIND[Math.floor(i / COMPANY.length) % KIND.length]} ${Math.floor(i / (COMPANY.length * KIND.length)) || ''}`.trim();
    const row = {
      id,
      code,
      name,
      email: `orders+${code.toLowerCase()}@example.com`,
      phone: `+49 30 ${String(1000000 + Math.floor(random() * 8999999))}`,
      addresses: JSON.stringify([{ kind: 'BILLING', line1: `${1 + Math.floor(random() * 200)} Market Street`, city, postalCode: String(10000 + Math.floor(random() * 89999)), country }]),
      segment,
      credit_limit_minor: (5 + Math.floor(random() * 96)) * 100_000,
      currency: 'EUR',
      status: i % 50 === 49 ? CustomerStatus.SUSPENDED : CustomerStatus.ACTIVE,
      latitude: lat + (random() - 0.5) * 0.2,
      longitude: lng + (random() - 0.5) * 0.2,
      created_at: now,
      updated_at: now,
    };
    customers.push({ id, segment, city, lat: row.latitude, lng: row.longitude });
    return row;
  });
  const inserted = new Set(await insertIgnoringExisting(em, 'customer', rows, 'code', 'id'));
  await insertIgnoringExisting(
    em,
    'customer_status_change',
    rows.filter((r) => inserted.has(r.id)).map((r) => ({ customer_id: r.id, from: null, to: r.status, actor: 'seed', changed_at: now })),
    null,
  );
  return { inserted: inserted.size, customers };
}
