import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { FakeHttpServer, type FakeFailure, type FakeRequest } from './fake-server';

export type { FakeFailure, ReceivedRequest } from './fake-server';

type Row = Record<string, unknown> & { id: string };

/**
 * A local Dynamics 365 Business Central speaking API v2.0 as sync uses it, under
 * `/api/v2.0/companies({companyId})/`:
 * - `GET items` / `GET customers` with `$filter=lastModifiedDateTime ge <DateTimeOffset>`
 *   (anything else is a 400), server-driven paging by `Prefer: odata.maxpagesize=N` (default
 *   20,000, like Business Central) and an absolute `@odata.nextLink` with an opaque `$skiptoken`.
 * - `POST salesOrders` (by `customerId` or `customerNumber`) → 201 with `id` and `number`;
 *   `PATCH salesOrders({id})` needs `If-Match` (400 without, as BC does); `DELETE`.
 * - `GET salesOrders` (same filter and paging; `$expand=salesOrderLines` inlines the lines);
 *   sales orders entered in BC by {@link addSalesOrder}.
 * - `GET|POST salesOrders({id})/salesOrderLines`, `DELETE salesOrders({id})/salesOrderLines({lineId})`.
 * Bearer auth (401 `Authentication_InvalidCredentials`); an unknown company is 404; errors are
 * `{ error: { code, message } }`; scripted `failures` (429 `Application_TooManyRequests` with
 * Retry-After, 5xx) and `down` answer before anything else.
 */
export class FakeDynamics365 extends FakeHttpServer {
  items: Row[] = [];
  customers: Row[] = [];
  /**
   * Customer price groups (table 6) and their sales prices (table 7002), as an API page extension
   * publishes them under the company: `customerPriceGroups` (code, description) and
   * `salesPrices` (itemNumber, salesType, salesCode, unitPrice, currencyCode, startingDate,
   * endingDate, minimumQuantity); customers name theirs in `customerPriceGroup`. Seeded empty.
   */
  customerPriceGroups: Row[] = [];
  salesPrices: Row[] = [];
  salesOrders = new Map<string, Row>();
  /** order id → its lines */
  salesOrderLines = new Map<string, Row[]>();
  readonly accessToken = 'eyJ0eXAiOiJKV1QiLCJmYWtlIjoiYmMifQ.fake.token';
  readonly companyId = '9f3c1a2e-0000-4000-8000-00000000c0de';
  private nextOrderNumber = 101001;

  /** Also forgets the sales orders and their lines. */
  override reset(): void {
    super.reset();
    this.salesOrders.clear();
    this.salesOrderLines.clear();
  }

  /**
   * `count` items (number `1000-0000`…, id a GUID), item i last modified at
   * 2026-06-01T12:00Z minus i minutes, unitPrice 20 + (i % 30), inventory i % 60; and
   * `customers` customers (`C-0000`…, modified 2026-06-01T12:00Z minus i hours). Sales orders
   * and their lines are cleared.
   */
  seed(count: number, customers = 0): void {
    this.customerPriceGroups = [];
    this.salesPrices = [];
    this.salesOrders.clear();
    this.salesOrderLines.clear();
    this.nextOrderNumber = 101001;
    const base = Date.parse('2026-06-01T12:00:00Z');
    const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
    this.items = Array.from({ length: count }, (_, i) => ({
      id: guid(1, i),
      number: `1000-${String(i).padStart(4, '0')}`,
      displayName: `BC item ${i}`,
      displayName2: i % 4 === 0 ? `Second line ${i}` : '',
      type: 'Inventory',
      itemCategoryCode: 'MISC',
      blocked: false,
      gtin: '',
      inventory: i % 60,
      unitPrice: 20 + (i % 30),
      priceIncludesTax: false,
      unitCost: 10,
      baseUnitOfMeasureCode: 'PCS',
      lastModifiedDateTime: iso(base - i * 60_000),
    }));
    this.customers = Array.from({ length: customers }, (_, i) => ({
      id: guid(2, i),
      number: `C-${String(i).padStart(4, '0')}`,
      displayName: `BC customer ${i}`,
      type: 'Company',
      email: `ap${i}@example.co.uk`,
      phoneNumber: i % 2 ? '' : `+44 20 7946 ${String(i).padStart(4, '0')}`,
      creditLimit: 2500 * (i + 1),
      currencyCode: i % 2 ? 'GBP' : '',
      blocked: ' ',
      customerPriceGroup: '',
      lastModifiedDateTime: iso(base - i * 3_600_000),
    }));
  }

  /** A sales order entered in Business Central (not pushed): Open, for the customer (by id) with Item lines (by item id). Returns its id. */
  addSalesOrder(customerId: string, lines: { itemId: string; quantity: number }[]): string {
    const customer = this.customers.find((c) => c.id === customerId);
    const id = randomUUID();
    this.salesOrders.set(id, {
      id,
      number: `S-ORD${this.nextOrderNumber++}`,
      externalDocumentNumber: '',
      orderDate: new Date().toISOString().slice(0, 10),
      customerId,
      customerNumber: customer?.number ?? '',
      customerName: customer?.displayName ?? '',
      status: 'Open',
      fullyShipped: false,
      lastModifiedDateTime: new Date().toISOString(),
      '@odata.etag': `W/"${randomUUID()}"`,
    });
    this.salesOrderLines.set(id, lines.map((l, i) => ({ id: randomUUID(), documentId: id, sequence: (i + 1) * 10000, lineType: 'Item', itemId: l.itemId, lineObjectNumber: this.items.find((it) => it.id === l.itemId)?.number ?? '', quantity: l.quantity })));
    return id;
  }

  /**
   * Ships a sales order in full (`fullyShipped`), as posting its shipment would; lastModifiedDateTime
   * moves, by at least a millisecond and never past now: a future stamp becomes the delta cursor and
   * hides orders entered before it (this once failed CI).
   */
  shipSalesOrder(id: string): void {
    const order = this.salesOrders.get(id);
    if (!order) throw new Error(`no sales order ${id}`);
    const after = Math.max(Date.now(), Date.parse(String(order.lastModifiedDateTime)) + 1);
    Object.assign(order, { fullyShipped: true, status: 'Released', lastModifiedDateTime: new Date(after).toISOString() });
  }

  /** The company's API root, as an adapter's base URL may name it. */
  get companyPath(): string {
    return `/api/v2.0/companies(${this.companyId})/`;
  }

  /** {@link requestsTo} paths are relative to the company. */
  protected get apiRoot(): string {
    return this.companyPath;
  }

  protected answerFailure(res: http.ServerResponse, failure: FakeFailure): void {
    const headers = this.retryAfter(failure);
    if (failure.status === 429) return this.error(res, 429, 'Application_TooManyRequests', 'Too many requests reached.  Actual (601).  Maximum (600).', headers);
    this.error(res, failure.status, failure.status === 503 ? 'ServiceUnavailable' : 'InternalServerError', 'Something went wrong.  CorrelationId:  fake.', headers);
  }

  protected override answerInvalidJson(res: http.ServerResponse): void {
    this.error(res, 400, 'BadRequest', 'Invalid Request Body  CorrelationId:  fake.');
  }

  protected route({ method, url, path, headers, body }: FakeRequest, res: http.ServerResponse): void {
    if (headers.authorization !== `Bearer ${this.accessToken}`) {
      return this.error(res, 401, 'Authentication_InvalidCredentials', 'The server has rejected the client credentials.  CorrelationId:  fake.', { 'www-authenticate': 'Bearer realm=""' });
    }
    const company = /^\/api\/v2\.0\/companies\(([^)]+)\)\/(.*)$/.exec(path);
    if (!company) return this.error(res, 404, 'BadRequest_NotFound', `The request URI is not valid: ${path}`);
    if (company[1] !== this.companyId) return this.error(res, 404, 'BadRequest_NotFound', `The specified resource does not exist. (company ${company[1]})`);
    const rest = company[2];
    if (method === 'GET' && (rest === 'items' || rest === 'customers')) return this.list(rest === 'items' ? this.items : this.customers, url, headers, res);
    if (method === 'GET' && (rest === 'customerPriceGroups' || rest === 'salesPrices')) return this.listPricing(rest, url, res);
    const single = /^(items|customers)\(([^)]+)\)$/.exec(rest);
    if (method === 'GET' && single) {
      const row = (single[1] === 'items' ? this.items : this.customers).find((r) => r.id === single[2]);
      return row ? this.json(res, 200, row) : this.error(res, 404, 'BadRequest_NotFound', `The ${single[1] === 'items' ? 'Item' : 'Customer'} does not exist. Identification fields and values: Id='${single[2]}'  CorrelationId:  fake.`);
    }
    if (rest === 'salesOrders' && method === 'POST') return this.createOrder(body, res);
    if (rest === 'salesOrders' && method === 'GET') {
      const expand = url.searchParams.get('$expand');
      if (expand !== null && expand !== 'salesOrderLines') return this.error(res, 400, 'BadRequest', `Could not find a property named '${expand}' on type 'salesOrder'.  CorrelationId:  fake.`);
      const orders = [...this.salesOrders.values()].map((o) => (expand ? { ...o, salesOrderLines: this.salesOrderLines.get(o.id) ?? [] } : o));
      return this.list(orders, url, headers, res);
    }
    const order = /^salesOrders\(([^)]+)\)(?:\/salesOrderLines(?:\(([^)]+)\))?)?$/.exec(rest);
    if (order) {
      const [, orderId, lineId] = order;
      const existing = this.salesOrders.get(orderId);
      if (!existing) return this.error(res, 404, 'BadRequest_NotFound', `The Sales Order does not exist. Identification fields and values: Id='${orderId}'  CorrelationId:  fake.`);
      const onLines = rest.includes('/salesOrderLines');
      if ((method === 'PATCH' || method === 'DELETE') && !headers['if-match']) {
        return this.error(res, 400, 'BadRequest', 'Could not validate the client concurrency token required by the service. Please provide a valid token in the client request.  CorrelationId:  fake.');
      }
      if (!onLines) {
        if (method === 'GET') return this.json(res, 200, existing);
        if (method === 'PATCH') {
          const updated = { ...existing, ...(body as object), id: orderId, lastModifiedDateTime: new Date().toISOString(), '@odata.etag': `W/"${randomUUID()}"` };
          this.salesOrders.set(orderId, updated);
          return this.json(res, 200, updated);
        }
        if (method === 'DELETE') {
          this.salesOrders.delete(orderId);
          this.salesOrderLines.delete(orderId);
          return void res.writeHead(204).end();
        }
      } else {
        const lines = this.salesOrderLines.get(orderId) ?? [];
        if (method === 'GET' && !lineId) return this.list(lines, url, headers, res);
        if (method === 'POST' && !lineId) return this.createLine(orderId, lines, body, res);
        if (method === 'DELETE' && lineId) {
          const index = lines.findIndex((l) => l.id === lineId);
          if (index < 0) return this.error(res, 404, 'BadRequest_NotFound', `The Sales Line does not exist. Identification fields and values: Id='${lineId}'`);
          lines.splice(index, 1);
          return void res.writeHead(204).end();
        }
      }
    }
    return this.error(res, 404, 'BadRequest_MethodNotFound', `No HTTP resource was found that matches the request URI ${method} ${path}.`);
  }

  private list(rows: Row[], url: URL, headers: http.IncomingHttpHeaders, res: http.ServerResponse): void {
    let selected = rows;
    const filter = url.searchParams.get('$filter');
    if (filter !== null) {
      const match = /^lastModifiedDateTime ge (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))$/.exec(filter);
      if (!match) return this.error(res, 400, 'BadRequest', `Invalid filter expression: ${filter}  CorrelationId:  fake.`);
      const from = Date.parse(match[1]);
      selected = selected.filter((r) => Date.parse(String(r.lastModifiedDateTime)) >= from);
    }
    const token = url.searchParams.get('$skiptoken');
    const offset = token ? Number(Buffer.from(token, 'base64url').toString()) : 0;
    const prefer = /odata\.maxpagesize=(\d+)/.exec(String(headers.prefer ?? ''));
    const pageSize = prefer ? Number(prefer[1]) : 20_000;
    const page = selected.slice(offset, offset + pageSize);
    const out: Record<string, unknown> = { '@odata.context': `${this.url}/api/v2.0/$metadata#companies(${this.companyId})/entity`, value: page };
    if (offset + pageSize < selected.length) {
      const next = new URL(url.toString());
      next.searchParams.set('$skiptoken', Buffer.from(String(offset + pageSize)).toString('base64url'));
      out['@odata.nextLink'] = next.toString();
    }
    this.json(res, 200, out, prefer ? { 'preference-applied': `odata.maxpagesize=${pageSize}` } : {});
  }

  /** `GET customerPriceGroups` / `GET salesPrices` (`$filter=salesType eq '<type>'` only), in one page (the fake's lists are small). */
  private listPricing(set: 'customerPriceGroups' | 'salesPrices', url: URL, res: http.ServerResponse): void {
    let rows = set === 'customerPriceGroups' ? this.customerPriceGroups : this.salesPrices;
    const filter = url.searchParams.get('$filter');
    if (filter !== null) {
      const match = set === 'salesPrices' ? /^salesType eq '([^']*)'$/.exec(filter) : null;
      if (!match) return this.error(res, 400, 'BadRequest', `Invalid filter expression: ${filter}  CorrelationId:  fake.`);
      rows = rows.filter((r) => r.salesType === match[1]);
    }
    this.json(res, 200, { '@odata.context': `${this.url}/api/v2.0/$metadata#companies(${this.companyId})/${set}`, value: rows });
  }

  private createOrder(body: unknown, res: http.ServerResponse): void {
    const input = (body ?? {}) as Record<string, unknown>;
    const customer = this.customers.find((c) => (input.customerId ? c.id === input.customerId : c.number === input.customerNumber));
    if (!customer) {
      const field = input.customerId ? `customerId '${input.customerId as string}'` : `customerNumber '${input.customerNumber as string}'`;
      return this.error(res, 400, 'Internal_RecordNotFound', `The Customer does not exist. Identification fields and values: ${field}  CorrelationId:  fake.`);
    }
    const id = randomUUID();
    const order: Row = {
      id,
      number: `S-ORD${this.nextOrderNumber++}`,
      externalDocumentNumber: '',
      orderDate: new Date().toISOString().slice(0, 10),
      ...input,
      customerId: customer.id,
      customerNumber: customer.number,
      customerName: customer.displayName,
      status: 'Draft',
      fullyShipped: false,
      lastModifiedDateTime: new Date().toISOString(),
      '@odata.etag': `W/"${randomUUID()}"`,
    };
    this.salesOrders.set(id, order);
    this.salesOrderLines.set(id, []);
    this.json(res, 201, order);
  }

  private createLine(orderId: string, lines: Row[], body: unknown, res: http.ServerResponse): void {
    const input = (body ?? {}) as Record<string, unknown>;
    const item = this.items.find((i) => (input.itemId ? i.id === input.itemId : i.number === input.lineObjectNumber));
    if (input.lineType !== 'Item' || !item) {
      return this.error(res, 400, 'Internal_RecordNotFound', `The Item does not exist. Identification fields and values: No.='${String(input.itemId ?? input.lineObjectNumber)}'  CorrelationId:  fake.`);
    }
    if (typeof input.quantity !== 'number' || input.quantity <= 0) return this.error(res, 400, 'BadRequest', 'quantity must be positive.  CorrelationId:  fake.');
    const line: Row = { id: randomUUID(), documentId: orderId, sequence: (lines.length + 1) * 10000, ...input, itemId: item.id, lineObjectNumber: item.number };
    lines.push(line);
    this.salesOrderLines.set(orderId, lines);
    this.json(res, 201, line);
  }

  private error(res: http.ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
    this.sendJson(res, status, { error: { code, message } }, { 'content-type': 'application/json; odata.metadata=minimal', ...headers });
  }

  private json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.sendJson(res, status, body, { 'content-type': 'application/json; odata.metadata=minimal; odata.streaming=true', ...headers });
  }
}

/** A stable, valid-looking GUID for seeded record `i` of kind `kind`. */
function guid(kind: number, i: number): string {
  return `${String(kind).padStart(8, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}`;
}
