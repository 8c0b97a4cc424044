import { ExternalSystem } from '../entities';
import { ExternalSystemError } from '../services/backoff';
import { JsonHttpClient, nextLink } from './http';
import { decimal, mapFields, mapPages, setAt, text, valueAt } from './mapping';
import { defaultSpec, orderSpec, readSpec, requiredSection, stringMap, type RestOrderSpec, type RestReadSpec } from './rest-mapping';
import { orderFromRest } from './rest-orders';
import { pushRestRecords, restPushSpec, type RestPushSpec } from './rest-push';
import type { OutboundRecord, PushOutcome } from './types';
import type { AdapterContext, ConnectorAdapter, OutboundOrder, SourceCustomer, SourceOrder, SourceProduct, WebhookRecords } from './types';

/** Default source paths for products; `mapping.product.fields` overrides them one by one. */
export const REST_PRODUCT_FIELDS: Record<string, string> = {
  externalId: 'id',
  sku: 'sku',
  name: 'name',
  description: 'description',
  brand: 'brand',
  'basePrice.amount': 'price',
  'basePrice.currency': 'currency',
  updatedAt: 'updated_at',
  stock: 'stock',
};

/** Default source paths for customers; `mapping.customer.fields` overrides them. */
export const REST_CUSTOMER_FIELDS: Record<string, string> = {
  externalId: 'id',
  code: 'code',
  name: 'name',
  email: 'email',
  phone: 'phone',
  'creditLimit.amount': 'credit_limit',
  'creditLimit.currency': 'currency',
  updatedAt: 'updated_at',
};

/** Default paths inside one entry of a product's stock array; `mapping.inventory.fields` overrides them. */
export const REST_STOCK_FIELDS: Record<string, string> = { warehouseCode: 'warehouse', onHand: 'quantity' };

/**
 * A generic JSON API, driven entirely by the connector's mapping, e.g.
 * ```json
 * { "product": { "path": "/v1/items", "itemsPath": "data", "updatedSinceParam": "updated_since",
 *     "pagination": { "type": "cursor", "cursorPath": "meta.next_cursor", "param": "cursor" },
 *     "fields": { "externalId": "id", "sku": "code", "name": "title", "stock": "stock" } },
 *   "customer": { "path": "/v1/customers", ... },
 *   "inventory": { "locations": { "MAIN": "WH-1" } },
 *   "order": { "path": "/v1/orders", "method": "POST", "idPath": "data.id" } }
 * ```
 * - pagination: `{type:"cursor", cursorPath, param="cursor"}`, `{type:"page", param="page",
 *   start=1}` or `{type:"link"}` (RFC 8288); each may add `sizeParam` + `size`. No
 *   `pagination` means one request returns everything.
 * - auth from the credentials: `accessToken` → `Authorization: Bearer …`; `apiKey` → the header
 *   named by `apiKeyHeader` (default `X-API-Key`).
 * - stock: `fields.stock` (default `stock`) is the path to an array of `{warehouse, quantity}`
 *   (paths overridable in `mapping.inventory.fields` as `warehouseCode` / `onHand`); the
 *   warehouse goes through `mapping.inventory.locations` (source code → ours) when that map is
 *   given, and a warehouse it does not name is skipped; quantities are floored, negatives count as 0.
 * - pushOrder: the OutboundOrder as JSON (or re-shaped by `mapping.order.fields`, target path →
 *   source path) to `order.path` with `order.method` (default POST); the id is read at
 *   `order.idPath` (default `id`). A known order goes with `order.updateMethod` (default PUT) to
 *   `order.updatePath` (default `<path>/{id}`).
 * - orders in: `mapping.inboundOrder` is a list endpoint like `product` (path, itemsPath,
 *   updatedSinceParam, pagination), its `fields` as in rest-orders.ts (id, number, status,
 *   customer_id, updated_at, lines of { product_id, quantity } by default).
 * - pushProducts / pushCustomers: each record to `<entity>.updatePath` (default `<path>/{id}`)
 *   with `<entity>.updateMethod` (default PATCH), its fields at the paths the entity is read
 *   from (rest-push.ts). Every field group is pushed.
 * - webhooks: a topic starting with `product`/`products` or `customer`/`customers` (followed by
 *   the end or one of `/ . _ : -`) carries one record or `{ items: [...] }` in the list
 *   endpoint's source shape; other topics are ignored.
 *
 * The mapping is validated when the adapter is built: a wrong key is a permanent
 * {@link ExternalSystemError} naming it, so a bad connector fails at once rather than mid-run.
 */
export class RestAdapter implements ConnectorAdapter {
  readonly system = ExternalSystem.REST;
  private readonly http: JsonHttpClient;
  private readonly product?: RestReadSpec;
  private readonly customer?: RestReadSpec;
  private readonly order?: RestOrderSpec;
  private readonly inboundOrder?: RestReadSpec;
  private readonly productPush?: RestPushSpec;
  private readonly customerPush?: RestPushSpec;
  private readonly locations: Record<string, string>;
  private readonly stockFields?: Record<string, string>;

  constructor(context: AdapterContext) {
    let base: URL;
    try {
      base = new URL(context.baseUrl);
    } catch {
      throw new ExternalSystemError(`the REST connector's baseUrl "${context.baseUrl}" is not a URL`, false);
    }
    if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new ExternalSystemError(`the REST connector's baseUrl "${context.baseUrl}" must be http or https`, false);
    const mapping = context.mapping ?? {};
    this.product = readSpec(mapping, 'product', 'EUR');
    this.customer = readSpec(mapping, 'customer', this.product?.currency ?? 'EUR');
    this.order = orderSpec(mapping);
    this.inboundOrder = readSpec(mapping, 'inboundOrder', this.product?.currency ?? 'EUR');
    this.productPush = restPushSpec(mapping, 'product', this.product, REST_PRODUCT_FIELDS);
    this.customerPush = restPushSpec(mapping, 'customer', this.customer, REST_CUSTOMER_FIELDS);
    this.locations = stringMap(mapping.inventory?.locations, 'mapping.inventory.locations') ?? {};
    this.stockFields = stringMap(mapping.inventory?.fields, 'mapping.inventory.fields');
    this.http = new JsonHttpClient(`REST API ${base.host}`, context.baseUrl, authHeaders(context.credentials), context.timeoutMs);
  }

  /** Products changed since `since` (when the API takes `updatedSinceParam`, else all), page by page as the API pages them. */
  async *products(options: { since: Date | null; withStock: boolean }): AsyncGenerator<SourceProduct[]> {
    const spec = requiredSection(this.product, 'product');
    yield* mapPages(this.pages(spec, options.since), (record, i) => this.productFrom(record, spec, options.withStock, `${spec.path} item ${i}`));
  }

  /** Customers changed since `since` (when the API takes `updatedSinceParam`, else all), page by page. */
  async *customers(options: { since: Date | null }): AsyncGenerator<SourceCustomer[]> {
    const spec = requiredSection(this.customer, 'customer');
    yield* mapPages(this.pages(spec, options.since), (record, i) => customerFrom(record, spec, `${spec.path} item ${i}`));
  }

  /**
   * Orders from `mapping.inboundOrder` (a list endpoint like the others; fields in
   * rest-orders.ts), changed since `since`. Without that section the connector's ORDER entity
   * only pushes (`mapping.order`): none are read.
   */
  async *orders(options: { since: Date | null }): AsyncGenerator<SourceOrder[]> {
    const spec = this.inboundOrder;
    if (!spec) return;
    yield* mapPages(this.pages(spec, options.since), (record, i) => orderFromRest(record, spec, { externalIdOf: (value) => externalIdOf(value, spec, `${spec.path} order ${i}`, record), isoOrNull }));
  }

  /** Sends the order (see the class doc) and returns the API's id for it. */
  async pushOrder(order: OutboundOrder, externalId: string | null): Promise<{ externalId: string }> {
    const spec = requiredSection(this.order, 'order');
    const body = spec.fields ? reshape(order, spec.fields) : order;
    if (externalId) {
      await this.http.send(spec.updateMethod, spec.updatePath.replace('{id}', encodeURIComponent(externalId)), body);
      return { externalId };
    }
    const created = await this.http.send<unknown>(spec.method, spec.path, body);
    const id = valueAt(created.body, spec.idPath);
    if (id === undefined || id === null || id === '' || typeof id === 'object') {
      throw new ExternalSystemError(`the REST API accepted order ${order.number} (${spec.method} ${spec.path}) but its answer has no id at "${spec.idPath}" (mapping.order.idPath): ${JSON.stringify(created.body)?.slice(0, 200)}`, false);
    }
    return { externalId: text(id) };
  }

  /** Updates products the API has (see the class doc). */
  pushProducts(products: OutboundRecord<SourceProduct['item']>[]): Promise<PushOutcome> {
    return pushRestRecords(this.http, requiredSection(this.productPush, 'product'), 'product', products);
  }

  /** Updates customers the API has (see the class doc). */
  pushCustomers(customers: OutboundRecord<SourceCustomer['item']>[]): Promise<PushOutcome> {
    return pushRestRecords(this.http, requiredSection(this.customerPush, 'customer'), 'customer', customers);
  }

  /** The records of a `product…` / `customer…` topic (one record or `{ items: [...] }`); null for other topics. */
  fromWebhook(topic: string, payload: unknown): WebhookRecords | null {
    const records = Array.isArray(payload) ? payload : payload && typeof payload === 'object' && Array.isArray((payload as { items?: unknown }).items) ? (payload as { items: unknown[] }).items : [payload];
    if (/^products?([/._:-]|$)/i.test(topic)) {
      const spec = this.product ?? defaultSpec('product', 'EUR');
      return { products: records.map((r, i) => this.productFrom(r, spec, true, `webhook ${topic} item ${i}`)) };
    }
    if (/^customers?([/._:-]|$)/i.test(topic)) {
      const spec = this.customer ?? defaultSpec('customer', this.product?.currency ?? 'EUR');
      return { customers: records.map((r, i) => customerFrom(r, spec, `webhook ${topic} item ${i}`)) };
    }
    return null;
  }

  /** The records of each page of a list endpoint. */
  private async *pages(spec: RestReadSpec, since: Date | null): AsyncGenerator<unknown[]> {
    const first = new URL(this.http.url(spec.path));
    const p = spec.pagination;
    if (since && spec.updatedSinceParam) first.searchParams.set(spec.updatedSinceParam, since.toISOString());
    if (p.sizeParam && p.size) first.searchParams.set(p.sizeParam, String(p.size));
    if (p.type === 'page') first.searchParams.set(p.param, String(p.start));
    let url: string | null = first.toString();
    let pageNumber = p.type === 'page' ? p.start : 0;
    let previousFirst: string | undefined;
    const seen = new Set<string>();
    while (url) {
      // An API that hands back the same cursor or link again would otherwise be read forever.
      if (seen.has(url)) throw new ExternalSystemError(`the REST API sent ${spec.entity}s back to ${new URL(url).pathname}${new URL(url).search} a second time: its pagination loops (mapping.${spec.entity}.pagination)`, false);
      seen.add(url);
      const response: { headers: Headers; body: unknown } = await this.http.get<unknown>(url);
      const list = spec.itemsPath ? valueAt(response.body, spec.itemsPath) : response.body;
      if (!Array.isArray(list)) {
        throw new ExternalSystemError(`the REST API's answer to GET ${new URL(url).pathname} has no array ${spec.itemsPath ? `at "${spec.itemsPath}" (mapping.${spec.entity}.itemsPath)` : `as its body (set mapping.${spec.entity}.itemsPath)`}: ${JSON.stringify(response.body)?.slice(0, 200)}`, false);
      }
      if (list.length) yield list;
      url = null;
      if (!list.length) break;
      if (p.type === 'link') {
        const next = nextLink(response.headers.get('link'));
        url = next ? this.http.url(next) : null;
      } else if (p.type === 'cursor') {
        const cursor = valueAt(response.body, p.cursorPath);
        if (cursor !== undefined && cursor !== null && cursor !== '' && cursor !== false) {
          const next = new URL(first);
          next.searchParams.set(p.param, text(cursor));
          url = next.toString();
        }
      } else if (p.type === 'page') {
        // An API that ignores the page parameter returns page 1 again and again.
        const head = JSON.stringify(list[0]);
        if (head === previousFirst) throw new ExternalSystemError(`the REST API returned the same ${spec.entity}s for ${p.param}=${pageNumber} as for ${p.param}=${pageNumber - 1}: does it read "${p.param}" (mapping.${spec.entity}.pagination.param)?`, false);
        previousFirst = head;
        if (!p.size || list.length >= p.size) {
          pageNumber++;
          const next = new URL(first);
          next.searchParams.set(p.param, String(pageNumber));
          url = next.toString();
        }
      }
    }
  }

  private productFrom(record: unknown, spec: RestReadSpec, withStock: boolean, where: string): SourceProduct {
    const v = mapFields(record, REST_PRODUCT_FIELDS, spec.fields);
    const price = text(v['basePrice.amount']);
    return {
      externalId: externalIdOf(v.externalId, spec, where, record),
      updatedAt: isoOrNull(v.updatedAt),
      item: {
        sku: text(v.sku),
        name: text(v.name),
        description: text(v.description) || null,
        brand: text(v.brand) || null,
        // a bad price goes on as it is, so the engine refuses the record and says why
        basePrice: { amount: decimal(v['basePrice.amount']) || price, currency: text(v['basePrice.currency']) || spec.currency },
      },
      stock: withStock ? this.stockFrom(v.stock, spec, where) : [],
    };
  }

  private stockFrom(value: unknown, spec: RestReadSpec, where: string): SourceProduct['stock'] {
    if (value === undefined || value === null) return [];
    const path = spec.fields?.stock ?? REST_PRODUCT_FIELDS.stock;
    if (!Array.isArray(value)) throw new ExternalSystemError(`${where}: "${path}" (mapping.product.fields.stock) is not an array of { warehouse, quantity }: ${JSON.stringify(value).slice(0, 200)}`, false);
    const mapLocations = Object.keys(this.locations).length > 0;
    const stock: SourceProduct['stock'] = [];
    for (const entry of value) {
      const s = mapFields(entry, REST_STOCK_FIELDS, this.stockFields);
      const source = text(s.warehouseCode);
      const warehouseCode = mapLocations ? this.locations[source] : source;
      if (!warehouseCode) continue;
      const quantity = typeof s.onHand === 'number' ? s.onHand : typeof s.onHand === 'string' && s.onHand.trim() !== '' ? Number(s.onHand) : NaN;
      // the engine does not check stock per record, so an unreadable quantity stops here
      if (!Number.isFinite(quantity)) throw new ExternalSystemError(`${where}: stock quantity ${JSON.stringify(s.onHand)} at warehouse "${source}" is not a number`, false);
      stock.push({ warehouseCode, onHand: Math.max(0, Math.floor(quantity)) });
    }
    return stock;
  }
}

/** The order re-shaped: each target dot path gets the value at its source path in the OutboundOrder. */
export function reshape(order: OutboundOrder, fields: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [target, source] of Object.entries(fields)) setAt(out, target, valueAt(order, source) ?? null);
  return out;
}

function customerFrom(record: unknown, spec: RestReadSpec, where: string): SourceCustomer {
  const v = mapFields(record, REST_CUSTOMER_FIELDS, spec.fields);
  const limit = text(v['creditLimit.amount']);
  return {
    externalId: externalIdOf(v.externalId, spec, where, record),
    updatedAt: isoOrNull(v.updatedAt),
    item: {
      code: text(v.code),
      name: text(v.name),
      email: text(v.email) || null,
      phone: text(v.phone) || null,
      creditLimit: { amount: limit === '' ? '0' : decimal(v['creditLimit.amount']) || limit, currency: text(v['creditLimit.currency']) || spec.currency },
    },
  };
}

/** A record without an id cannot be tracked (refs, conflicts), so it is an answer the adapter cannot read. */
function externalIdOf(value: unknown, spec: RestReadSpec, where: string, record: unknown): string {
  const id = value !== null && typeof value === 'object' ? '' : text(value);
  if (!id) throw new ExternalSystemError(`${where}: no id at "${spec.fields?.externalId ?? 'id'}" (mapping.${spec.entity}.fields.externalId): ${JSON.stringify(record)?.slice(0, 200)}`, false);
  return id;
}

/** ISO 8601 from a date string or epoch number (seconds below 10^12, else ms); null when absent or unreadable. */
function isoOrNull(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value < 1e12 ? value * 1000 : value).toISOString();
  if (typeof value !== 'string' || !value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function authHeaders(credentials: AdapterContext['credentials']): Record<string, string> {
  const headers: Record<string, string> = {};
  if (credentials.accessToken) headers.authorization = `Bearer ${credentials.accessToken}`;
  if (credentials.apiKey) headers[typeof credentials.apiKeyHeader === 'string' && credentials.apiKeyHeader ? credentials.apiKeyHeader : 'X-API-Key'] = text(credentials.apiKey);
  return headers;
}
