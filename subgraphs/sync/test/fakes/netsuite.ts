import type http from 'node:http';
import { FakeHttpServer, type FakeFailure, type FakeRequest } from './fake-server';

export type { FakeFailure, ReceivedRequest } from './fake-server';

/** An inventory item the fake serves (stored flat; served in NetSuite's record shape). */
export interface FakeNetSuiteItem {
  id: string;
  itemId: string;
  displayName: string;
  salesDescription: string | null;
  manufacturer: string | null;
  basePrice: number;
  lastModifiedDate: string;
  /** location id → on hand */
  stock: Record<string, number>;
  /** marked inactive in NetSuite (served as `isInactive`) */
  isInactive?: boolean;
  /** price level id → unit price in USD (the `pricing` table, for SuiteQL) */
  prices?: Record<string, number>;
  /** price level id → unit price in other currencies, by ISO code (more `pricing` rows) */
  foreignPrices?: Record<string, Record<string, number>>;
}

/** A customer the fake serves (stored flat; served in NetSuite's record shape). */
export interface FakeNetSuiteCustomer {
  id: string;
  entityId: string;
  companyName: string;
  email: string | null;
  phone: string | null;
  creditLimit: number | null;
  currency: string;
  lastModifiedDate: string;
  isInactive?: boolean;
  /** the customer's price level id, or none (base price) */
  priceLevel?: string | null;
}

/** A price level (the `pricelevel` table, for SuiteQL). */
export interface FakeNetSuitePriceLevel {
  id: string;
  name: string;
  isInactive?: boolean;
}

const RECORD = '/services/rest/record/v1/';
const SUITEQL = '/services/rest/query/v1/suiteql';
const LOCATION_NAMES: Record<string, string> = { '1': 'Main Warehouse', '2': 'East Coast DC', '3': 'Consignment' };

/**
 * A local NetSuite that speaks SuiteTalk REST web services as sync uses them:
 * `GET /services/rest/record/v1/{inventoryItem|customer}?limit=&offset=&q=` (ids and links
 * only, `hasMore` and a `next` link; `limit` above 1000 is a 400), `GET {type}/{id}` with
 * `expandSubResources=true` inlining the item `locations` sublist, `GET salesOrder` (listed like
 * the others; sales orders entered in NetSuite by {@link addSalesOrder}), `POST salesOrder` (204 with
 * `Location`), `PATCH salesOrder/{id}` (`replace=item` replaces the item sublist, else lines are
 * merged by position). `q` understands `lastModifiedDate ON_OR_AFTER|AFTER "<date>"` with the
 * date in M/D/YYYY (the account's date format; N/query rejects ISO here, as real NetSuite does).
 * Bearer auth; errors in NetSuite's `{ type, title, status, "o:errorDetails" }` shape; more
 * than {@link concurrencyLimit} requests in flight get 429 CONCURRENCY_LIMIT_EXCEEDED with
 * Retry-After, as do scripted `failures`.
 */
export class FakeNetSuite extends FakeHttpServer {
  items: FakeNetSuiteItem[] = [];
  customers: FakeNetSuiteCustomer[] = [];
  /** price levels; seeded with Base Price (1), Alternate Price 1 (2) and Online Price (5), as a new account has */
  priceLevels: FakeNetSuitePriceLevel[] = [];
  salesOrders = new Map<string, Record<string, unknown>>();
  /** ids the collection still lists but whose record GET answers 404, as for a record deleted between the two calls */
  deletedAfterListing = new Set<string>();
  readonly accessToken = 'ns_fake_oauth2_token';
  /** the account's concurrency limit; requests over it get 429 */
  concurrencyLimit = 5;
  /** how long each request is held, so that concurrency is real */
  latencyMs = 1;
  /** the most requests that were in flight at once */
  maxInFlight = 0;
  protected readonly apiRoot = RECORD;
  private inFlight = 0;

  /** Resolves once no request is being served (a failed read may leave its other pages in flight). */
  async idle(): Promise<void> {
    while (this.inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  private nextOrderId = 9001;

  /** Also forgets the concurrency high-water mark and the sales orders. */
  override reset(): void {
    super.reset();
    this.maxInFlight = 0;
    this.salesOrders.clear();
  }

  /**
   * `count` inventory items (ids 1000+i, SKU `NS-00000`…), modified one hour apart going back
   * from 2026-06-01T12:00Z (item i at 12:00 − i hours), stock at location 1 = i % 40, at
   * location 3 = 7; and `customers` customers (ids 5000+i). Sales orders start over at id
   * 9001; nothing is deleted after listing.
   */
  seed(count: number, customers = 0): void {
    this.priceLevels = [{ id: '1', name: 'Base Price' }, { id: '2', name: 'Alternate Price 1' }, { id: '5', name: 'Online Price' }];
    this.salesOrders.clear();
    this.deletedAfterListing.clear();
    this.nextOrderId = 9001;
    const base = Date.parse('2026-06-01T12:00:00Z');
    this.items = Array.from({ length: count }, (_, i) => ({
      id: String(1000 + i),
      itemId: `NS-${String(i).padStart(5, '0')}`,
      displayName: `NetSuite item ${i}`,
      salesDescription: i % 2 ? `Description ${i}` : null,
      manufacturer: 'Acme Manufacturing',
      basePrice: 10 + (i % 90) + 0.5,
      lastModifiedDate: new Date(base - i * 3_600_000).toISOString().replace('.000Z', 'Z'),
      stock: { '1': i % 40, '3': 7 },
    }));
    this.customers = Array.from({ length: customers }, (_, i) => ({
      id: String(5000 + i),
      entityId: `CUST-${String(i).padStart(4, '0')}`,
      companyName: `Customer ${i} Ltd`,
      email: `buyer${i}@example.com`,
      phone: i % 2 ? null : `+1 555 01${String(i).padStart(2, '0')}`,
      creditLimit: 5000 + i,
      currency: 'USD',
      lastModifiedDate: new Date(base - i * 86_400_000).toISOString().replace('.000Z', 'Z'),
    }));
  }

  /**
   * A sales order entered in NetSuite (not pushed): customer `entity` and `item` lines by
   * internal id, status B (Pending Fulfillment), served in the REST record shape. Returns its id.
   */
  addSalesOrder(customerId: string, lines: { itemId: string; quantity: number }[]): string {
    const id = String(this.nextOrderId++);
    this.salesOrders.set(id, {
      id,
      tranId: `SO${id}`,
      entity: { id: customerId, refName: this.customers.find((c) => c.id === customerId)?.companyName ?? customerId },
      status: { id: 'B', refName: 'Pending Fulfillment' },
      memo: null,
      tranDate: new Date().toISOString().slice(0, 10),
      item: { items: lines.map((l, i) => ({ links: [], line: i + 1, item: { id: l.itemId, refName: this.items.find((it) => it.id === l.itemId)?.itemId ?? l.itemId }, quantity: l.quantity })), totalResults: lines.length },
      lastModifiedDate: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
    return id;
  }

  /**
   * Sets a sales order's status as NetSuite would move it (C Cancelled, G Billed, H Closed …);
   * its lastModifiedDate moves to a later second. Waits for that second rather than writing a
   * time still to come: a future stamp becomes the delta cursor and hides orders entered before it.
   */
  async setSalesOrderStatus(id: string, status: { id: string; refName: string }): Promise<void> {
    const order = this.salesOrders.get(id);
    if (!order) throw new Error(`no sales order ${id}`);
    const next = Date.parse(String(order.lastModifiedDate)) + 1000;
    if (Date.now() < next) await new Promise((resolve) => setTimeout(resolve, next - Date.now()));
    Object.assign(order, { status, lastModifiedDate: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') });
  }

  /** Counts the request as in flight, from arrival until it is answered, for {@link concurrencyLimit} and {@link maxInFlight}. */
  protected override async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await super.serve(req, res);
    } finally {
      this.inFlight--;
    }
  }

  /** Holds each request {@link latencyMs}, so that concurrency is real. */
  protected override async hold(): Promise<void> {
    if (this.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
  }

  protected answerFailure(res: http.ServerResponse, failure: FakeFailure): void {
    if (failure.status === 429) return this.tooMany(res, failure.retryAfterSeconds);
    this.error(res, failure.status, 'UNEXPECTED_ERROR', 'An unexpected error occurred. Error ID: fake-0001');
  }

  protected route({ method, url, headers, body }: FakeRequest, res: http.ServerResponse): void {
    if (this.inFlight > this.concurrencyLimit) return this.tooMany(res, 1);
    if (headers.authorization !== `Bearer ${this.accessToken}`) {
      return this.error(res, 401, 'INVALID_LOGIN', 'Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.');
    }
    if (url.pathname === SUITEQL && method === 'POST') return this.suiteQl(url, headers, body, res);
    if (!url.pathname.startsWith(RECORD)) return this.error(res, 404, 'INVALID_URL', `The requested URL ${url.pathname} was not found on this server.`);
    const [type, id, ...rest] = url.pathname.slice(RECORD.length).split('/').map(decodeURIComponent);
    if (rest.length) return this.error(res, 404, 'INVALID_URL', `The requested URL ${url.pathname} was not found on this server.`);
    if (type === 'inventoryItem' || type === 'customer') {
      if (method !== 'GET') return this.error(res, 405, 'METHOD_NOT_ALLOWED', `HTTP method ${method} is not supported for ${type} in this fake.`);
      return id ? this.getRecord(type, id, url, res) : this.list(type, url, res);
    }
    if (type === 'salesOrder') {
      if (method === 'GET' && !id) return this.list(type, url, res);
      if (method === 'POST' && !id) return this.createOrder(body, res);
      if (method === 'PATCH' && id) return this.updateOrder(id, body, url, res);
      if (method === 'GET' && id) {
        const order = this.salesOrders.get(id);
        return order ? this.json(res, 200, order) : this.error(res, 404, 'NONEXISTENT_ID', 'The record instance does not exist. Provide a valid record instance ID.');
      }
    }
    return this.error(res, 404, 'INVALID_URL', `The record type [${type}] is invalid.`);
  }

  private list(type: 'inventoryItem' | 'customer' | 'salesOrder', url: URL, res: http.ServerResponse): void {
    const limit = Number(url.searchParams.get('limit') ?? 1000);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return this.error(res, 400, 'INVALID_PARAMETER', `Invalid value for query parameter limit: ${url.searchParams.get('limit')}. The value must be between 1 and 1000.`);
    let records: { id: string; lastModifiedDate: string }[] = type === 'inventoryItem' ? this.items : type === 'customer' ? this.customers : ([...this.salesOrders.values()] as { id: string; lastModifiedDate: string }[]);
    const q = url.searchParams.get('q');
    if (q !== null) {
      const match = /^lastModifiedDate (ON_OR_AFTER|AFTER) "(\d{1,2})\/(\d{1,2})\/(\d{4})"$/.exec(q);
      const valid = match && Number(match[2]) >= 1 && Number(match[2]) <= 12 && Number(match[3]) >= 1 && Number(match[3]) <= 31;
      if (!match || !valid) return this.error(res, 400, 'INVALID_PARAMETER', `Invalid query parameter q: ${q}. Use a date in the format M/D/YYYY.`);
      const day = Date.UTC(Number(match[4]), Number(match[2]) - 1, Number(match[3]));
      const from = match[1] === 'AFTER' ? day + 86_400_000 : day;
      records = records.filter((r) => Date.parse(r.lastModifiedDate) >= from);
    }
    const page = records.slice(offset, offset + limit);
    const link = (o: number) => {
      const next = new URL(url.toString());
      next.searchParams.set('offset', String(o));
      return next.toString();
    };
    const hasMore = offset + limit < records.length;
    const links = [{ rel: 'self', href: url.toString() }, ...(hasMore ? [{ rel: 'next', href: link(offset + limit) }] : []), { rel: 'first', href: link(0) }];
    this.json(res, 200, {
      links,
      count: page.length,
      hasMore,
      items: page.map((r) => ({ links: [{ rel: 'self', href: `${this.url}${RECORD}${type}/${r.id}` }], id: r.id })),
      offset,
      totalResults: records.length,
    });
  }

  private getRecord(type: 'inventoryItem' | 'customer', id: string, url: URL, res: http.ServerResponse): void {
    const self = `${this.url}${RECORD}${type}/${id}`;
    const expand = url.searchParams.get('expandSubResources') === 'true';
    if (type === 'customer') {
      const c = this.customers.find((r) => r.id === id);
      if (!c) return this.error(res, 404, 'NONEXISTENT_ID', 'The record instance does not exist. Provide a valid record instance ID.');
      return this.json(res, 200, {
        links: [{ rel: 'self', href: self }],
        id: c.id,
        entityId: c.entityId,
        companyName: c.companyName,
        isPerson: false,
        email: c.email,
        phone: c.phone,
        creditLimit: c.creditLimit,
        currency: { links: [], id: '1', refName: c.currency },
        isInactive: c.isInactive ?? false,
        ...(c.priceLevel ? { priceLevel: { links: [], id: c.priceLevel, refName: this.priceLevels.find((l) => l.id === c.priceLevel)?.name ?? c.priceLevel } } : {}),
        lastModifiedDate: c.lastModifiedDate,
      });
    }
    const item = this.deletedAfterListing.has(id) ? undefined : this.items.find((r) => r.id === id);
    if (!item) return this.error(res, 404, 'NONEXISTENT_ID', 'The record instance does not exist. Provide a valid record instance ID.');
    const locationLines = Object.entries(item.stock).map(([location, onHand]) => ({
      links: [],
      locationId: { links: [], id: location, refName: LOCATION_NAMES[location] ?? `Location ${location}` },
      quantityOnHand: onHand,
      quantityAvailable: onHand,
    }));
    this.json(res, 200, {
      links: [{ rel: 'self', href: self }],
      id: item.id,
      itemId: item.itemId,
      displayName: item.displayName,
      salesDescription: item.salesDescription,
      manufacturer: item.manufacturer,
      basePrice: item.basePrice,
      itemType: { id: 'InvtPart', refName: 'InvtPart' },
      isInactive: item.isInactive ?? false,
      lastModifiedDate: item.lastModifiedDate,
      // Without expansion NetSuite answers sublists as links only.
      locations: expand ? { links: [{ rel: 'self', href: `${self}/locations` }], items: locationLines, totalResults: locationLines.length } : { links: [{ rel: 'self', href: `${self}/locations` }] },
    });
  }

  private createOrder(body: unknown, res: http.ServerResponse): void {
    const problem = this.invalidOrder(body, true);
    if (problem) return this.error(res, 400, 'INVALID_VALUE', problem.detail, problem.path);
    const id = String(this.nextOrderId++);
    this.salesOrders.set(id, { id, tranId: `SO${id}`, status: { id: 'B', refName: 'Pending Fulfillment' }, ...(body as Record<string, unknown>), lastModifiedDate: new Date().toISOString() });
    res.writeHead(204, { location: `${this.url}${RECORD}salesOrder/${id}` }).end();
  }

  private updateOrder(id: string, body: unknown, url: URL, res: http.ServerResponse): void {
    const existing = this.salesOrders.get(id);
    if (!existing) return this.error(res, 404, 'NONEXISTENT_ID', 'The record instance does not exist. Provide a valid record instance ID.');
    const problem = this.invalidOrder(body, false);
    if (problem) return this.error(res, 400, 'INVALID_VALUE', problem.detail, problem.path);
    const patch = body as Record<string, unknown> & { item?: { items?: unknown[] } };
    const replace = (url.searchParams.get('replace') ?? '').split(',');
    const merged: Record<string, unknown> = { ...existing, ...patch };
    if (patch.item && !replace.includes('item')) {
      const old = ((existing.item as { items?: unknown[] } | undefined)?.items ?? []).slice();
      (patch.item.items ?? []).forEach((line, i) => (old[i] = { ...(old[i] as object), ...(line as object) }));
      merged.item = { items: old };
    }
    this.salesOrders.set(id, { ...merged, lastModifiedDate: new Date().toISOString() });
    res.writeHead(204).end();
  }

  private invalidOrder(body: unknown, create: boolean): { detail: string; path: string } | null {
    if (!body || typeof body !== 'object') return { detail: 'The request body must be a JSON object.', path: '' };
    const order = body as { entity?: { id?: string }; item?: { items?: { item?: { id?: string }; quantity?: unknown }[] } };
    if (create || order.entity !== undefined) {
      if (!order.entity?.id || !this.customers.some((c) => c.id === order.entity!.id)) {
        return { detail: "Invalid value for the resource or sub-resource field 'entity'. Provide a valid value.", path: 'entity' };
      }
    }
    for (const [i, line] of (order.item?.items ?? []).entries()) {
      if (!line.item?.id || !this.items.some((it) => it.id === line.item!.id)) return { detail: "Invalid value for the resource or sub-resource field 'item'. Provide a valid value.", path: `item.items[${i}].item` };
      if (typeof line.quantity !== 'number' || line.quantity <= 0) return { detail: "Invalid value for the resource or sub-resource field 'quantity'. Provide a valid value.", path: `item.items[${i}].quantity` };
    }
    return null;
  }

  /**
   * `POST suiteql` (needs `Prefer: transient`, as NetSuite does), `limit` ≤ 1000 and `offset`:
   * answers the three queries sync sends — active price levels, item prices per level, customers'
   * price level — from the fake's data, values as strings like SuiteQL's; any other query is a 400.
   */
  private suiteQl(url: URL, headers: http.IncomingHttpHeaders, body: unknown, res: http.ServerResponse): void {
    if (headers.prefer !== 'transient') return this.error(res, 400, 'INVALID_PARAMETER', 'The request header Prefer: transient is required for SuiteQL queries.');
    const given = (body as { q?: unknown } | undefined)?.q;
    const q = typeof given === 'string' ? given : '';
    const limit = Number(url.searchParams.get('limit') ?? 1000);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return this.error(res, 400, 'INVALID_PARAMETER', `Invalid value for query parameter limit: ${url.searchParams.get('limit')}.`);
    let rows: Record<string, string>[];
    if (/^SELECT id, name FROM pricelevel WHERE isinactive = 'F'/i.test(q)) rows = this.priceLevels.filter((l) => !l.isInactive).map((l) => ({ id: l.id, name: l.name }));
    else if (/^SELECT pricing\.item, pricing\.pricelevel, pricing\.unitprice, currency\.symbol AS currency FROM pricing JOIN currency\b/i.test(q)) {
      rows = this.items.flatMap((i) => [
        ...Object.entries(i.prices ?? {}).map(([level, price]) => ({ item: i.id, pricelevel: level, unitprice: String(price), currency: 'USD' })),
        ...Object.entries(i.foreignPrices ?? {}).flatMap(([currency, prices]) => Object.entries(prices).map(([level, price]) => ({ item: i.id, pricelevel: level, unitprice: String(price), currency }))),
      ]);
    }
    else if (/^SELECT id, pricelevel FROM customer WHERE pricelevel IS NOT NULL/i.test(q)) rows = this.customers.filter((c) => c.priceLevel).map((c) => ({ id: c.id, pricelevel: c.priceLevel! }));
    else return this.error(res, 400, 'INVALID_PARAMETER', `Invalid search query. Detailed unprocessed description follows. Search error occurred: Unsupported query in this fake: ${q}`);
    const page = rows.slice(offset, offset + limit);
    this.json(res, 200, { links: [], count: page.length, hasMore: offset + limit < rows.length, items: page.map((r) => ({ links: [], ...r })), offset, totalResults: rows.length });
  }

  private tooMany(res: http.ServerResponse, retryAfterSeconds: number | undefined): void {
    this.sendJson(
      res,
      429,
      {
        type: 'https://www.rfc-editor.org/rfc/rfc6585.html#section-4',
        title: 'Too Many Requests',
        status: 429,
        'o:errorDetails': [{ detail: 'Request blocked by the concurrency limit. Number of concurrent requests exceeded the limit for this account.', 'o:errorCode': 'CONCURRENCY_LIMIT_EXCEEDED' }],
      },
      { 'content-type': 'application/vnd.oracle.resource+json; type=error', ...this.retryAfter({ status: 429, retryAfterSeconds }) },
    );
  }

  private error(res: http.ServerResponse, status: number, code: string, detail: string, path?: string): void {
    const titles: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 405: 'Method Not Allowed', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };
    this.sendJson(
      res,
      status,
      {
        type: `https://www.rfc-editor.org/rfc/rfc9110.html#status.${status}`,
        title: titles[status] ?? 'Error',
        status,
        'o:errorDetails': [{ detail, 'o:errorCode': code, ...(path !== undefined ? { 'o:errorPath': path } : {}) }],
      },
      { 'content-type': 'application/vnd.oracle.resource+json; type=error' },
    );
  }

  private json(res: http.ServerResponse, status: number, body: unknown): void {
    this.sendJson(res, status, body, { 'content-type': 'application/vnd.oracle.resource+json' });
  }
}
