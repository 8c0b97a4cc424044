import type http from 'node:http';
import { FakeHttpServer, type FakeFailure, type FakeRequest } from './fake-server';

export type { FakeFailure, ReceivedRequest } from './fake-server';

/** An item in the fake's own shape — deliberately not the REST adapter's default field names. */
export interface FakeRestItem {
  id: string;
  code: string;
  title: string;
  description: string | null;
  brand: { name: string };
  price: string | number;
  currency: string;
  updated_at: string;
  stock: { warehouse: string; quantity: number | string }[];
}

/** A customer in the fake's own shape (number, company, nested credit), mapped by the test through `mapping.customer.fields`. */
export interface FakeRestCustomer {
  id: number;
  number: string;
  company: string;
  email: string | null;
  phone: string | null;
  credit: { limit: number; currency: string };
  updated_at: string;
}

/** An order the API holds, in its own shape (the REST adapter's default inbound order fields). */
export interface FakeRestOrder {
  id: string;
  number: string;
  status: string;
  customer_id: number;
  lines: { product_id: string; quantity: number }[];
  updated_at: string;
}

/** A request the fake received, for assertions. */
export interface FakeRestRequest {
  method: string;
  /** path and query, e.g. `/v1/items?limit=100&cursor=…` */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/**
 * A local generic JSON API for the REST adapter: `GET /v1/items` and `GET /v1/customers`
 * (envelope `{ data: [...] }`, filtered by `updated_since` ≥), paged the way {@link pagination}
 * says — `cursor` (`cursor` + `limit`, next cursor at `meta.next_cursor`), `page` (`page` from 1 +
 * `per_page`) or `link` (`page` + `per_page`, next page as a relative RFC 8288 `Link` header) —
 * `GET /v1/orders` (the orders it holds, {@link sourceOrders}, listed the same way) and
 * `POST /v1/orders` / `PUT /v1/orders/:id` answering `{ data: { id } }`. Auth is
 * `Authorization: Bearer <accessToken>` or `<apiKeyHeader>: <apiKey>`, else 401. Scripted 429
 * (with Retry-After) and 5xx answers come before everything else.
 */
export class FakeRest extends FakeHttpServer {
  items: FakeRestItem[] = [];
  customers: FakeRestCustomer[] = [];
  /** orders the API itself holds (entered there, not pushed), served by `GET /v1/orders` */
  sourceOrders: FakeRestOrder[] = [];
  /** orders received (POST and PUT), in order */
  orders: FakeRestRequest[] = [];
  /** every request received, in order */
  log: FakeRestRequest[] = [];
  /** items and customers updated by `PATCH|PUT /v1/items/:id` and `/v1/customers/:id` (pushes), in order */
  recordUpdates: FakeRestRequest[] = [];
  pagination: 'cursor' | 'page' | 'link' = 'cursor';
  /** page size when the request gives none */
  defaultPageSize = 100;
  readonly accessToken = 'rest_fake_token';
  readonly apiKey = 'rest_fake_key';
  readonly apiKeyHeader = 'x-api-key';
  protected readonly apiRoot = '/v1/';
  private nextOrderId = 1;

  /**
   * `count` items `<prefix>-00000…`, updated one minute apart from 2026-01-01T00:00Z, each with
   * stock at MAIN (index % 40) and EAST (1).
   */
  seed(count: number, prefix = 'REST'): void {
    this.items = Array.from({ length: count }, (_, i) => ({
      id: `item_${i}`,
      code: `${prefix}-${String(i).padStart(5, '0')}`,
      title: `Rest product ${i}`,
      description: i % 2 ? `Description ${i}` : null,
      brand: { name: 'Fake Brand' },
      price: (10 + (i % 90) + 0.5).toFixed(2),
      currency: 'USD',
      updated_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      stock: [{ warehouse: 'MAIN', quantity: i % 40 }, { warehouse: 'EAST', quantity: 1 }],
    }));
  }

  /** `count` customers `C-0000…`, updated one minute apart from 2026-01-01T00:00Z. */
  seedCustomers(count: number): void {
    this.customers = Array.from({ length: count }, (_, i) => ({
      id: 1000 + i,
      number: `C-${String(i).padStart(4, '0')}`,
      company: `Customer ${i} GmbH`,
      email: `buyer${i}@example.test`,
      phone: i % 2 ? null : `+49 30 ${1000 + i}`,
      credit: { limit: 5000 + i, currency: 'EUR' },
      updated_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    }));
  }

  /** Forgets requests (`log`, `received`, the count), orders and scripted failures, and pages by cursor again (the data stays). */
  override reset(): void {
    super.reset();
    this.orders = [];
    this.log = [];
    this.pagination = 'cursor';
  }

  protected answerFailure(res: http.ServerResponse, failure: FakeFailure): void {
    this.sendJson(res, failure.status, { error: failure.status === 429 ? 'Too many requests' : 'Internal error' }, this.retryAfter(failure));
  }

  /** Also keeps the request in {@link log}, in this fake's own shape (`url` with the query, `body` null when empty). */
  protected override record(request: FakeRequest): void {
    super.record(request);
    this.log.push(this.logged(request));
  }

  protected route(request: FakeRequest, res: http.ServerResponse): void {
    const { url, headers: reqHeaders, method } = request;
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}): void => this.sendJson(res, status, payload, headers);
    if (reqHeaders.authorization !== `Bearer ${this.accessToken}` && reqHeaders[this.apiKeyHeader] !== this.apiKey) {
      send(401, { error: 'invalid or missing credentials' });
      return;
    }
    if (method === 'GET' && (url.pathname === '/v1/items' || url.pathname === '/v1/customers')) {
      this.list(url, url.pathname === '/v1/items' ? this.items : this.customers, send);
      return;
    }
    if (method === 'GET' && url.pathname === '/v1/orders') {
      this.list(url, this.sourceOrders, send);
      return;
    }
    if (method === 'POST' && url.pathname === '/v1/orders') {
      this.orders.push(this.logged(request));
      send(201, { data: { id: `ord_${this.nextOrderId++}` } });
      return;
    }
    const put = /^\/v1\/orders\/([^/]+)$/.exec(url.pathname);
    if (method === 'PUT' && put) {
      this.orders.push(this.logged(request));
      send(200, { data: { id: decodeURIComponent(put[1]) } });
      return;
    }
    const record = /^\/v1\/(items|customers)\/([^/]+)$/.exec(url.pathname);
    if ((method === 'PATCH' || method === 'PUT') && record) return this.updateRecord(request, record[1] === 'items' ? this.items : this.customers, decodeURIComponent(record[2]), send);
    send(404, { error: `no route ${method} ${url.pathname}` });
  }

  /** Merges the body's fields (nested objects too) into the record and moves its updated_at, as an edit in the API would. */
  private updateRecord(request: FakeRequest, records: { id: string | number; updated_at: string }[], id: string, send: (status: number, payload: unknown) => void): void {
    const found = records.find((r) => String(r.id) === id);
    if (!found) return send(404, { error: `no record ${id}` });
    const merge = (target: Record<string, unknown>, change: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(change)) {
        if (value && typeof value === 'object' && !Array.isArray(value) && target[key] && typeof target[key] === 'object') merge(target[key] as Record<string, unknown>, value as Record<string, unknown>);
        else target[key] = value;
      }
    };
    merge(found, (request.raw ? request.body : {}) as Record<string, unknown>);
    found.updated_at = new Date().toISOString();
    this.recordUpdates.push(this.logged(request));
    send(200, { data: found });
  }

  private logged(request: FakeRequest): FakeRestRequest {
    return { method: request.method, url: `${request.url.pathname}${request.url.search}`, headers: request.headers, body: request.raw ? request.body : null };
  }

  private list(url: URL, all: { updated_at: string }[], send: (status: number, payload: unknown, headers?: Record<string, string>) => void): void {
    const since = url.searchParams.get('updated_since');
    if (since !== null && Number.isNaN(Date.parse(since))) {
      send(400, { error: `updated_since "${since}" is not a date` });
      return;
    }
    const records = since ? all.filter((r) => Date.parse(r.updated_at) >= Date.parse(since)) : all;
    if (this.pagination === 'cursor') {
      const size = Number(url.searchParams.get('limit') ?? this.defaultPageSize);
      const offset = url.searchParams.has('cursor') ? Number(Buffer.from(url.searchParams.get('cursor')!, 'base64url').toString()) : 0;
      const next = offset + size < records.length ? Buffer.from(String(offset + size)).toString('base64url') : null;
      send(200, { data: records.slice(offset, offset + size), meta: { next_cursor: next } });
      return;
    }
    const size = Number(url.searchParams.get('per_page') ?? this.defaultPageSize);
    const page = Number(url.searchParams.get('page') ?? 1);
    const slice = records.slice((page - 1) * size, page * size);
    const headers: Record<string, string> = {};
    if (this.pagination === 'link' && page * size < records.length) {
      const next = new URLSearchParams(url.searchParams);
      next.set('page', String(page + 1));
      headers.link = `<${url.pathname}?${next.toString()}>; rel="next", <${url.pathname}?page=1>; rel="first"`;
    }
    send(200, { data: slice }, headers);
  }
}
