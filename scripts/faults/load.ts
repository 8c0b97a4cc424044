import { randomUUID } from 'node:crypto';
import { now } from './server-process';

/**
 * How a request ended: `full` (everything asked for), `partial` (a product query whose stock
 * is null with UNAVAILABLE errors and nothing else missing), `failed` (anything else).
 */
export type Outcome = 'full' | 'partial' | 'failed';

export interface RequestRecord {
  kind: 'query' | 'order';
  startedAt: number;
  /** undefined while the request is in flight */
  endedAt?: number;
  outcome?: Outcome;
  /** the first error code (or what went wrong) of a request that was not full */
  error?: string;
}

/** An order the load placed (the mutation answered with it). */
export interface PlacedOrder {
  id: string;
  customerId: string;
  startedAt: number;
  answeredAt: number;
}

const PRODUCTS = /* GraphQL */ `
  query FaultsProducts { products(first: 5) { edges { node { id name stock { available } } } } }
`;
const PLACE_ORDER = /* GraphQL */ `
  mutation FaultsPlaceOrder($key: String!, $input: PlaceOrderInput!) { placeOrder(idempotencyKey: $key, input: $input) { id customerId } }
`;

type ProductsData = { products: { edges: { node: { id: string; name: string | null; stock: { available: number } | null } }[] } | null };
type Errors = { message: string; extensions?: { code?: string } }[] | undefined;

/** Classifies a product query's answer (see {@link Outcome}). */
export function classifyProducts(status: number, data: ProductsData | null | undefined, errors: Errors): { outcome: Outcome; error?: string } {
  const nodes = data?.products?.edges.map((e) => e.node);
  const firstError = errors?.[0]?.extensions?.code ?? errors?.[0]?.message ?? (status !== 200 ? `HTTP ${status}` : undefined);
  if (!nodes?.length || nodes.some((n) => typeof n.name !== 'string')) return { outcome: 'failed', error: firstError ?? 'no products' };
  if (!errors?.length && nodes.every((n) => n.stock !== null)) return { outcome: 'full' };
  const degraded = nodes.every((n) => n.stock === null) && !!errors?.length && errors.every((e) => e.extensions?.code === 'UNAVAILABLE');
  return degraded ? { outcome: 'partial', error: 'UNAVAILABLE' } : { outcome: 'failed', error: firstError ?? 'stock missing without an error' };
}

export interface LoadOptions {
  gatewayUrl: string;
  queryToken: string;
  orderToken: string;
  catalogue: { productIds: string[]; customerIds: string[] };
  /** a product query every … ms (default 100) */
  queryIntervalMs?: number;
  /** an order every … ms (default 500), for the customers in turn */
  orderIntervalMs?: number;
  /** a request not answered in this long is failed (default 15 s) */
  timeoutMs?: number;
}

/**
 * A steady load through the gateway, as clients keep sending it whatever happens behind:
 * product queries (products + inventory) and placed orders (orders, products, customers,
 * inventory), each sent on its own clock (open loop: a slow answer does not slow the load
 * down, up to a cap of requests in flight). Every request is recorded with when it started and
 * ended and how; every order placed is kept for the event checks.
 */
export class SteadyLoad {
  readonly records: RequestRecord[] = [];
  readonly placed: PlacedOrder[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private sequence = 0;

  constructor(private readonly options: LoadOptions) {}

  start(): void {
    this.lane('query', this.options.queryIntervalMs ?? 100, () => this.query());
    this.lane('order', this.options.orderIntervalMs ?? 500, () => this.order());
  }

  /** Stops sending and waits for the requests in flight. */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await Promise.all(this.inFlight);
  }

  /** The requests (of `kind`, when given) that started in [from, to). */
  startedBetween(from: number, to: number, kind?: RequestRecord['kind']): RequestRecord[] {
    return this.records.filter((r) => r.startedAt >= from && r.startedAt < to && (!kind || r.kind === kind));
  }

  /** The orders whose placeOrder started in [from, to). */
  placedBetween(from: number, to: number): PlacedOrder[] {
    return this.placed.filter((o) => o.startedAt >= from && o.startedAt < to);
  }

  private lane(kind: RequestRecord['kind'], intervalMs: number, send: () => Promise<Omit<RequestRecord, 'kind' | 'startedAt'>>): void {
    let inFlight = 0;
    this.timers.push(
      setInterval(() => {
        // A cap, so an outage that makes requests hang cannot pile up thousands of them.
        if (inFlight >= 25) return;
        inFlight++;
        const record: RequestRecord = { kind, startedAt: now() };
        this.records.push(record);
        const done = send()
          .catch((error: Error) => ({ outcome: 'failed' as const, error: error.name === 'TimeoutError' ? 'client timeout' : error.message }))
          .then((result) => {
            Object.assign(record, result, { endedAt: now() });
            inFlight--;
            this.inFlight.delete(done);
          });
        this.inFlight.add(done);
      }, intervalMs),
    );
  }

  private async query(): Promise<Omit<RequestRecord, 'kind' | 'startedAt'>> {
    const response = await this.post<ProductsData>(PRODUCTS, {}, this.options.queryToken);
    return classifyProducts(response.status, response.data, response.errors);
  }

  private async order(): Promise<Omit<RequestRecord, 'kind' | 'startedAt'>> {
    const { productIds, customerIds } = this.options.catalogue;
    const n = this.sequence++;
    const customerId = customerIds[n % customerIds.length];
    const lines = [{ productId: productIds[n % productIds.length], quantity: 1 }, { productId: productIds[(n * 7 + 3) % productIds.length], quantity: 2 }];
    const unique = lines.filter((line, i) => lines.findIndex((l) => l.productId === line.productId) === i);
    const startedAt = now();
    const response = await this.post<{ placeOrder: { id: string; customerId: string } | null }>(PLACE_ORDER, { key: randomUUID(), input: { customerId, lines: unique } }, this.options.orderToken);
    const order = response.data?.placeOrder;
    if (!order || response.errors?.length) return { outcome: 'failed', error: response.errors?.[0]?.extensions?.code ?? `HTTP ${response.status}` };
    this.placed.push({ id: order.id, customerId: order.customerId, startedAt, answeredAt: now() });
    return { outcome: 'full' };
  }

  /** POSTs one operation; a body that is not JSON (a proxy's or a crashed server's) is a failure with its HTTP status. */
  private async post<T>(query: string, variables: Record<string, unknown>, token: string): Promise<{ status: number; data?: T | null; errors?: Errors }> {
    const response = await fetch(this.options.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
    });
    const text = await response.text();
    try {
      return { status: response.status, ...(JSON.parse(text) as { data?: T | null; errors?: Errors }) };
    } catch {
      return { status: response.status, errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 100)}` }] };
    }
  }
}
