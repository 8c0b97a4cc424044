import type http from 'node:http';
import { FakeHttpServer, type FakeFailure, type FakeRequest } from './fake-server';
import { FakeShopifyB2B } from './shopify-graphql';

export type { FakeFailure, ReceivedRequest } from './fake-server';

export interface FakeProduct {
  id: number;
  title: string;
  vendor: string;
  /** set by a pushed update */
  body_html?: string | null;
  updated_at: string;
  variants: { id: number; product_id: number; title: string; sku: string; price: string; inventory_item_id: number }[];
}

export interface FakeCustomer {
  id: number;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  updated_at: string;
}

/** An order as the fake recorded it from `POST orders.json` (and later `PUT`s). */
export interface FakeOrder {
  id: number;
  createdAt: string;
  body: Record<string, unknown>;
  updates: Record<string, unknown>[];
}

/**
 * A local Shopify that speaks the Admin REST shapes sync uses: `GET products.json`,
 * `customers.json` (both with `updated_at_min`), `orders.json` (with `created_at_min`, `updated_at_min` and `status`: open
 * only unless `any`) and `inventory_levels.json`, with `limit` and
 * cursor pagination in the `Link` header (`page_info`); `POST orders.json`, `PUT orders/{id}.json`,
 * `GET variants/{id}.json`, `GET products/{id}.json`, `POST inventory_levels/set.json`; the `X-Shopify-Access-Token`
 * header; and scripted 429 (with Retry-After) and 5xx answers. `POST graphql.json` answers the
 * GraphQL Admin API's B2B price lists, with its cost-based throttling ({@link FakeShopifyB2B};
 * not cleared by reset: a test sets it up with `b2b.clear()` and `b2b.addB2BPriceList`).
 */
export class FakeShopify extends FakeHttpServer {
  products: FakeProduct[] = [];
  customers: FakeCustomer[] = [];
  /** orders pushed to the shop, by id */
  orders = new Map<number, FakeOrder>();
  /** every inventory_levels/set.json call, in order */
  stockSets: { location_id: number; inventory_item_id: number; available: number }[] = [];
  /** every `PUT products|variants|customers/{id}.json` body, in order (applied to the records, whose updated_at moves) */
  recordUpdates: { resource: 'products' | 'variants' | 'customers'; id: number; body: Record<string, unknown> }[] = [];
  private nextOrderId = 820_000_001;
  /**
   * How many of the next `POST orders.json` create the order and then answer 502, as a proxy
   * that timed out after the shop did the work: the caller cannot know the order exists.
   */
  loseOrderAnswers = 0;
  /** inventory_item_id → available, at {@link locationId} */
  levels = new Map<number, number>();
  readonly locationId = 555_001;
  readonly accessToken = 'shpat_fake_token';
  /** B2B catalogs and price lists, served by `POST graphql.json` (fakes/shopify-graphql.ts) */
  readonly b2b = new FakeShopifyB2B(() => this.products.flatMap((p) => p.variants));
  protected readonly apiRoot = '/admin/api/2024-01/';

  override reset(): void {
    super.reset();
    this.loseOrderAnswers = 0;
  }

  /** `count` products with one variant each; stock = index % 50. */
  seed(count: number, prefix = 'SHOP'): void {
    this.products = Array.from({ length: count }, (_, i) => {
      const id = 7_000_000 + i;
      const variant = { id: 9_000_000 + i, product_id: id, title: 'Default Title', sku: `${prefix}-${String(i).padStart(5, '0')}`, price: `${(10 + (i % 90)).toFixed(2)}`, inventory_item_id: 4_000_000 + i };
      this.levels.set(variant.inventory_item_id, i % 50);
      // A second apart, like a real catalogue's edit times.
      return { id, title: `Shop product ${i}`, vendor: 'Fake Vendor', updated_at: new Date(Date.parse('2026-01-01T00:00:00Z') + i * 1000).toISOString(), variants: [variant] };
    });
  }

  /** `count` customers; customer i has email customer-i@shop.example. */
  seedCustomers(count: number): void {
    this.customers = Array.from({ length: count }, (_, i) => ({ id: 6_000_000 + i, first_name: 'Shop', last_name: `Customer ${i}`, email: `customer-${i}@shop.example`, phone: null, updated_at: new Date(Date.parse('2026-01-01T00:00:00Z') + i * 1000).toISOString() }));
  }

  /**
   * An order placed in the shop (online store, POS …), not by a push: `#<number>` by the shop's
   * sequence, lines by variant id (null for a custom line), the customer by id. Returns its id.
   */
  placeShopOrder(customerId: number | null, lines: { variantId: number | null; quantity: number }[]): number {
    const id = this.nextOrderId++;
    const now = this.orderClock();
    const body = {
      name: `#${1000 + this.orders.size + 1}`,
      email: customerId ? `customer-${customerId}@shop.example` : null,
      customer: customerId ? { id: customerId } : null,
      financial_status: 'paid',
      fulfillment_status: null,
      cancelled_at: null,
      closed_at: null,
      tags: '',
      source_name: 'web',
      updated_at: now,
      line_items: lines.map((l, i) => ({ id: id * 100 + i, variant_id: l.variantId, quantity: l.quantity, title: l.variantId ? `Variant ${l.variantId}` : 'Custom item', price: '10.00' })),
    };
    this.orders.set(id, { id, createdAt: now, body, updates: [] });
    return id;
  }

  /**
   * The shop's clock for orders: never behind an updated_at it has already given (a test may set
   * one ahead), as a real shop's is not, so a delta run that saw that time still sees what comes after.
   */
  private orderClock(): string {
    const latest = Math.max(0, ...[...this.orders.values()].map((o) => Date.parse((o.body.updated_at as string | undefined) ?? o.createdAt)));
    return new Date(Math.max(Date.now(), latest + 1)).toISOString();
  }

  /** Cancels (`cancelled_at`), fulfils (`fulfillment_status: fulfilled`) or closes (`closed_at`) a shop order as the merchant would; its updated_at moves. */
  changeShopOrder(id: number, change: 'cancel' | 'fulfil' | 'close'): void {
    const order = this.orders.get(id);
    if (!order) throw new Error(`no shop order ${id}`);
    const now = this.orderClock();
    const fields = change === 'cancel' ? { cancelled_at: now, cancel_reason: 'customer' } : change === 'fulfil' ? { fulfillment_status: 'fulfilled' } : { closed_at: now };
    Object.assign(order.body, fields, { updated_at: now });
  }

  /** Changes a product as a merchant would in the Shopify admin (its updated_at moves). */
  editProduct(index: number, change: Partial<Pick<FakeProduct, 'title' | 'vendor'>> & { price?: string }, updatedAt = new Date().toISOString()): void {
    const product = this.products[index];
    if (change.title !== undefined) product.title = change.title;
    if (change.vendor !== undefined) product.vendor = change.vendor;
    if (change.price !== undefined) product.variants[0].price = change.price;
    product.updated_at = updatedAt;
  }

  protected answerFailure(res: http.ServerResponse, failure: FakeFailure): void {
    this.sendJson(res, failure.status, { errors: failure.status === 429 ? 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' : 'Internal Server Error' }, this.retryAfter(failure));
  }

  protected override answerInvalidJson(res: http.ServerResponse): void {
    this.sendJson(res, 400, { errors: 'Invalid JSON' });
  }

  protected route(request: FakeRequest, res: http.ServerResponse): void {
    const { url, headers } = request;
    const json = (status: number, body: unknown, extra: Record<string, string> = {}): void => this.sendJson(res, status, body, extra);
    if (headers['x-shopify-access-token'] !== this.accessToken) return json(401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
    if (request.method === 'POST' && url.pathname === `${this.apiRoot}graphql.json`) return void this.b2b.answer(request.body).then((answer) => json(answer.status, answer.body), () => json(500, { errors: 'Internal Server Error' }));
    if (request.method !== 'GET' || /\/(variants|products)\/\d+\.json$/.test(url.pathname)) return this.write(request, json);
    const limit = Math.min(250, Number(url.searchParams.get('limit') ?? 50));
    // Like Shopify, page_info carries the filters of the first request; only limit may be given with it.
    const cursor = url.searchParams.has('page_info')
      ? (JSON.parse(Buffer.from(url.searchParams.get('page_info')!, 'base64url').toString()) as { offset: number; locationIds: string })
      : { offset: 0, locationIds: url.searchParams.get('location_ids') ?? '', updatedAtMin: url.searchParams.get('updated_at_min') ?? '', createdAtMin: url.searchParams.get('created_at_min') ?? '', status: url.searchParams.get('status') ?? '' };
    const since = (cursor as { updatedAtMin?: string }).updatedAtMin ? Date.parse((cursor as { updatedAtMin: string }).updatedAtMin) : null;
    const changedSince = <T extends { updated_at: string }>(list: T[]) => (since === null ? list : list.filter((r) => Date.parse(r.updated_at) >= since));
    const offset = cursor.offset;
    let key: string;
    let all: unknown[];
    if (url.pathname === '/admin/api/2024-01/products.json') {
      key = 'products';
      all = changedSince(this.products);
    } else if (url.pathname === '/admin/api/2024-01/customers.json') {
      key = 'customers';
      all = changedSince(this.customers);
    } else if (url.pathname === '/admin/api/2024-01/orders.json') {
      key = 'orders';
      const createdAtMin = (cursor as { createdAtMin?: string }).createdAtMin;
      // Like Shopify: open orders only unless status=any (or cancelled / closed) is asked for.
      const status = (cursor as { status?: string }).status || 'open';
      all = [...this.orders.values()]
        .filter((o) => !createdAtMin || Date.parse(o.createdAt) >= Date.parse(createdAtMin))
        .map((o) => ({ id: o.id, created_at: o.createdAt, updated_at: o.createdAt, ...o.body, ...Object.assign({}, ...o.updates) }))
        .filter((o) => since === null || Date.parse(String(o.updated_at)) >= since)
        .filter((o) => status === 'any' || (status === 'open' ? !o.cancelled_at && !o.closed_at : status === 'cancelled' ? Boolean(o.cancelled_at) : Boolean(o.closed_at)));
    } else if (url.pathname === '/admin/api/2024-01/inventory_levels.json') {
      key = 'inventory_levels';
      const locations = cursor.locationIds.split(',');
      all = locations.includes(String(this.locationId))
        ? [...this.levels].map(([inventory_item_id, available]) => ({ inventory_item_id, location_id: this.locationId, available, updated_at: '2026-01-01T00:00:00Z' }))
        : [];
    } else {
      return json(404, { errors: 'Not Found' });
    }
    const page = all.slice(offset, offset + limit);
    const pageHeaders: Record<string, string> = {};
    if (offset + limit < all.length) {
      const next = new URL(url.toString());
      for (const name of [...next.searchParams.keys()]) if (name !== 'limit') next.searchParams.delete(name);
      next.searchParams.set('page_info', Buffer.from(JSON.stringify({ ...cursor, offset: offset + limit })).toString('base64url'));
      pageHeaders.link = `<${next.toString()}>; rel="next"`;
    }
    json(200, { [key]: page }, pageHeaders);
  }

  private write(request: FakeRequest, json: (status: number, body: unknown) => void): void {
    const body = (request.raw ? request.body : {}) as Record<string, unknown>;
    const path = request.url.pathname.replace('/admin/api/2024-01', '');
    const method = request.method;
    const variant = /^\/variants\/(\d+)\.json$/.exec(path);
    if (method === 'GET' && variant) {
      const found = this.products.flatMap((p) => p.variants).find((v) => v.id === Number(variant[1]));
      return found ? json(200, { variant: found }) : json(404, { errors: 'Not Found' });
    }
    const product = /^\/products\/(\d+)\.json$/.exec(path);
    if (method === 'GET' && product) {
      const found = this.products.find((p) => p.id === Number(product[1]));
      return found ? json(200, { product: found }) : json(404, { errors: 'Not Found' });
    }
    if (method === 'POST' && path === '/orders.json') {
      const order = body.order as Record<string, unknown> | undefined;
      if (!order || !Array.isArray(order.line_items) || !order.line_items.length) return json(422, { errors: { line_items: ['must have at least one line item'] } });
      const id = this.nextOrderId++;
      this.orders.set(id, { id, createdAt: new Date().toISOString(), body: order, updates: [] });
      if (this.loseOrderAnswers > 0) {
        this.loseOrderAnswers--;
        return json(502, { errors: 'Bad Gateway' });
      }
      return json(201, { order: { id, ...order } });
    }
    const orderUpdate = /^\/orders\/(\d+)\.json$/.exec(path);
    if (method === 'PUT' && orderUpdate) {
      const order = this.orders.get(Number(orderUpdate[1]));
      if (!order) return json(404, { errors: 'Not Found' });
      order.updates.push(body.order as Record<string, unknown>);
      return json(200, { order: { id: order.id, ...(body.order as Record<string, unknown>) } });
    }
    if (method === 'POST' && path === '/inventory_levels/set.json') {
      const set = body as { location_id: number; inventory_item_id: number; available: number };
      if (set.location_id !== this.locationId) return json(422, { errors: ['Inventory item is not stocked at the location'] });
      this.levels.set(set.inventory_item_id, set.available);
      this.stockSets.push(set);
      return json(200, { inventory_level: { ...set, updated_at: new Date().toISOString() } });
    }
    const recordUpdate = /^\/(products|variants|customers)\/(\d+)\.json$/.exec(path);
    if (method === 'PUT' && recordUpdate) return this.updateRecord(recordUpdate[1] as 'products' | 'variants' | 'customers', Number(recordUpdate[2]), body, json);
    return json(404, { errors: 'Not Found' });
  }

  /** `PUT products|variants|customers/{id}.json`: applies the fields sync pushes (others are kept), as a merchant's edit would. */
  private updateRecord(resource: 'products' | 'variants' | 'customers', id: number, body: Record<string, unknown>, json: (status: number, body: unknown) => void): void {
    const key = resource === 'products' ? 'product' : resource === 'variants' ? 'variant' : 'customer';
    const change = body[key] as Record<string, unknown> | undefined;
    if (!change) return json(400, { errors: { [key]: 'Required parameter missing or invalid' } });
    const now = new Date().toISOString();
    const product = resource === 'products' ? this.products.find((p) => p.id === id) : resource === 'variants' ? this.products.find((p) => p.variants.some((v) => v.id === id)) : undefined;
    const record = resource === 'products' ? product : resource === 'variants' ? product?.variants.find((v) => v.id === id) : this.customers.find((c) => c.id === id);
    if (!record) return json(404, { errors: 'Not Found' });
    const { id: _id, ...fields } = change;
    Object.assign(record, fields);
    if (product) product.updated_at = now;
    else (record as FakeCustomer).updated_at = now;
    this.recordUpdates.push({ resource, id, body: change });
    json(200, { [key]: record });
  }
}
