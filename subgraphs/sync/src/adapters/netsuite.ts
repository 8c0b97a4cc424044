import { ExternalSystem } from '../entities';
import { ExternalSystemError } from '../services/backoff';
import { JsonHttpClient } from './http';
import { ErpMapping, erpCustomerItem, erpProductItem, erpWebhookRecords } from './erp';
import { mapFields, mapPages, text } from './mapping';
import { httpStatusOf } from './odata';
import { netSuitePriceLists } from './erp-price-lists';
import { inactiveIf } from './mapping';
import type { SourcePriceList } from './types';
import { orderFromNetSuite, type NetSuiteSalesOrder } from './netsuite-orders';
import type { AdapterContext, ConnectorAdapter, OutboundOrder, SourceCustomer, SourceOrder, SourceProduct, WebhookRecords } from './types';

/** A NetSuite reference to another record, as REST web services write it. */
export interface NetSuiteRef {
  id: string;
  refName?: string;
}

/** One line of an inventory item's `locations` sublist (present when read with `expandSubResources=true`). */
export interface NetSuiteItemLocation {
  /** REST names it `locationId`; some accounts' metadata expose `location` */
  locationId?: NetSuiteRef;
  location?: NetSuiteRef;
  quantityOnHand?: number | null;
  quantityAvailable?: number | null;
}

/** A NetSuite `inventoryItem` record (the fields sync reads by default). */
export interface NetSuiteInventoryItem {
  id: string;
  itemId?: string;
  displayName?: string | null;
  salesDescription?: string | null;
  manufacturer?: string | null;
  basePrice?: number | null;
  currency?: NetSuiteRef | null;
  lastModifiedDate?: string | null;
  locations?: { items?: NetSuiteItemLocation[] } | null;
  [field: string]: unknown;
}

/** A NetSuite `customer` record (the fields sync reads by default). */
export interface NetSuiteCustomer {
  id: string;
  entityId?: string;
  companyName?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  creditLimit?: number | null;
  currency?: NetSuiteRef | null;
  lastModifiedDate?: string | null;
  [field: string]: unknown;
}

/** A page of a NetSuite record collection: ids and links only. */
interface NetSuiteList {
  links?: { rel: string; href: string }[];
  count?: number;
  hasMore?: boolean;
  items?: { id: string }[];
  offset?: number;
  totalResults?: number;
}

/** NetSuite's largest `limit` for a record collection page. */
export const NETSUITE_MAX_PAGE_SIZE = 1000;
const RECORD_PATH = '/services/rest/record/v1/';

const PRODUCT_FIELDS = { sku: 'itemId', name: 'displayName', description: 'salesDescription', brand: 'manufacturer', 'basePrice.amount': 'basePrice', 'basePrice.currency': 'currency.refName' };
const CUSTOMER_FIELDS = { code: 'entityId', company: 'companyName', firstName: 'firstName', lastName: 'lastName', email: 'email', phone: 'phone', 'creditLimit.amount': 'creditLimit', 'creditLimit.currency': 'currency.refName' };

/**
 * Maps a NetSuite inventory item. Stock comes from its `locations` sublist (only there when the
 * record was read with `expandSubResources=true`), NetSuite location id → warehouse code by
 * `locations`; unmapped locations are skipped. A missing or non-numeric price becomes "0".
 */
export function productFromNetSuite(record: NetSuiteInventoryItem, currency: string, locations: Record<string, string>, fields?: Record<string, string>): SourceProduct {
  const v = mapFields(record, PRODUCT_FIELDS, fields);
  const sku = text(v.sku) || `netsuite-${record.id}`;
  const stock: SourceProduct['stock'] = [];
  for (const line of record.locations?.items ?? []) {
    const warehouseCode = locations[text((line.locationId ?? line.location)?.id)];
    if (!warehouseCode) continue;
    stock.push({ warehouseCode, onHand: Math.max(0, Number(line.quantityOnHand ?? 0) || 0) });
  }
  return { externalId: String(record.id), updatedAt: record.lastModifiedDate ?? null, item: erpProductItem(v, sku, currency), stock, ...inactiveIf(record.isInactive === true) };
}

/** Maps a NetSuite customer: the code is its `entityId`, the name its company, else the person. */
export function customerFromNetSuite(record: NetSuiteCustomer, currency: string, fields?: Record<string, string>): SourceCustomer {
  const v = mapFields(record, CUSTOMER_FIELDS, fields);
  const person = [text(v.firstName), text(v.lastName)].filter(Boolean).join(' ');
  const code = text(v.code) || `netsuite-${record.id}`;
  return { externalId: String(record.id), updatedAt: record.lastModifiedDate ?? null, item: erpCustomerItem(v, code, text(v.company) || person, currency), ...inactiveIf(record.isInactive === true) };
}

/** Tuning for {@link NetSuiteAdapter}; the defaults suit a standard account. */
export interface NetSuiteOptions {
  /** records per collection page (NetSuite allows at most 1000) */
  pageSize?: number;
  /**
   * record GETs in flight at once. A standard NetSuite account allows 5 concurrent web-services
   * requests across ALL integrations and answers the excess with 429, so 4 leaves one free.
   */
  concurrency?: number;
}

/**
 * NetSuite through SuiteTalk REST web services (`/services/rest/record/v1/`), with
 * `Authorization: Bearer <credentials.accessToken>` (an OAuth 2.0 access token).
 *
 * - Reading: a record collection answers ids only, so each page (`limit` 1000, `offset`,
 *   following the `next` link while `hasMore`) is followed by one `GET record/{id}` per id, run
 *   `concurrency` at a time — batched by page rather than one by one, but within NetSuite's
 *   account-wide concurrency limit. A record that answers 404 was deleted after the listing
 *   and is skipped. With `withStock`, items are read with
 *   `expandSubResources=true` so the `locations` sublist (on-hand per location) comes inline.
 *   SuiteQL would need fewer requests but reads tables, not the record shapes the field mapping
 *   is written against.
 * - Deltas: `q=lastModifiedDate ON_OR_AFTER "<date>"`. Collection filtering goes through
 *   N/query, which takes dates in the account's date format, not ISO; the adapter sends the
 *   calendar day BEFORE `since` (so no account time zone can make it miss a change) in
 *   `mapping.netsuite.queryDateFormat` (default `M/D/YYYY`, NetSuite's default preference),
 *   then drops records whose `lastModifiedDate` (ISO, UTC) is before `since`.
 * - orders: the `salesOrder` collection like the others, each record with
 *   `expandSubResources=true` (its `item` sublist inline); mapped in netsuite-orders.ts.
 * - pushOrder: `POST salesOrder` (NetSuite answers 204 with the new record's URL in `Location`;
 *   201 is accepted too), `PATCH salesOrder/{id}?replace=item` for a known order, which replaces
 *   the item sublist instead of merging lines into it. Lines and the customer need their
 *   NetSuite internal ids (products and customers synced from this account).
 * - pushStock: not offered. NetSuite has no "set on-hand" call; stock changes are inventory
 *   adjustments by a delta, which would need a read-then-adjust that races NetSuite's own
 *   transactions.
 * - Webhooks: see {@link NetSuiteAdapter.fromWebhook}.
 *
 * Errors: NetSuite's `{ title, status, "o:errorDetails": [{ detail, "o:errorCode" }] }` is
 * carried in the {@link ExternalSystemError} message; 429 (concurrency limit) is retryable with
 * its Retry-After.
 */
export class NetSuiteAdapter implements ConnectorAdapter {
  readonly system = ExternalSystem.NETSUITE;
  readonly listsEverything = true;
  private readonly http: JsonHttpClient;
  private readonly mapping: ErpMapping;
  private readonly pageSize: number;
  private readonly concurrency: number;
  private readonly dateFormat: string;
  private readonly basePriceLevel: string;

  constructor(context: AdapterContext, options: NetSuiteOptions = {}) {
    if (!context.credentials.accessToken) throw new ExternalSystemError('the connector has no NetSuite accessToken (OAuth 2.0 bearer token) in its credentials', false);
    const base = context.baseUrl.replace(/\/+$/, '');
    this.http = new JsonHttpClient('NetSuite', base.endsWith(RECORD_PATH.slice(0, -1)) ? `${base}/` : `${base}${RECORD_PATH}`, { authorization: `Bearer ${String(context.credentials.accessToken)}` }, context.timeoutMs);
    this.mapping = new ErpMapping(context.mapping, 'USD');
    this.pageSize = Math.min(NETSUITE_MAX_PAGE_SIZE, Math.max(1, options.pageSize ?? NETSUITE_MAX_PAGE_SIZE));
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    const settings = context.mapping.netsuite as { queryDateFormat?: unknown } | undefined;
    this.dateFormat = typeof settings?.queryDateFormat === 'string' ? settings.queryDateFormat : 'M/D/YYYY';
    this.basePriceLevel = text((context.mapping.netsuite as { basePriceLevel?: unknown } | undefined)?.basePriceLevel) || '1';
  }

  async *products(options: { since: Date | null; withStock: boolean }): AsyncGenerator<SourceProduct[]> {
    const expand = options.withStock ? '?expandSubResources=true' : '';
    const { currency, productFields } = this.mapping;
    const locations = options.withStock ? this.mapping.locations : {};
    yield* mapPages(this.records<NetSuiteInventoryItem>('inventoryItem', options.since, expand), (r) => productFromNetSuite(r, currency, locations, productFields));
  }

  async *customers(options: { since: Date | null }): AsyncGenerator<SourceCustomer[]> {
    const { customerCurrency, customerFields } = this.mapping;
    yield* mapPages(this.records<NetSuiteCustomer>('customer', options.since, ''), (r) => customerFromNetSuite(r, customerCurrency, customerFields));
  }

  /** Sales orders changed since `since`, each read with its item sublist inline (see netsuite-orders.ts). */
  async *orders(options: { since: Date | null }): AsyncGenerator<SourceOrder[]> {
    yield* mapPages(this.records<NetSuiteSalesOrder>('salesOrder', options.since, '?expandSubResources=true'), orderFromNetSuite);
  }

  /** Price levels by SuiteQL (adapters/erp-price-lists.ts); `mapping.netsuite.basePriceLevel` (default "1", Base Price) is the products' own price. */
  async *priceLists(): AsyncGenerator<SourcePriceList[]> {
    yield await netSuitePriceLists((path, body, headers) => this.http.post(path, body, headers), this.mapping.currency, this.basePriceLevel);
  }

  async pushOrder(order: OutboundOrder, externalId: string | null): Promise<{ externalId: string }> {
    const body = this.salesOrderBody(order);
    if (externalId) {
      await this.http.patch(`salesOrder/${encodeURIComponent(externalId)}?replace=item`, body);
      return { externalId };
    }
    const created = await this.http.post<unknown>('salesOrder', { ...body, externalId: order.id });
    const location = created.headers.get('location');
    const id = location ? /\/salesOrder\/([^/?#]+)/i.exec(new URL(location, this.http.url('')).pathname)?.[1] : undefined;
    if (!id) throw new ExternalSystemError(`NetSuite created sales order ${order.number} but answered HTTP ${created.status} without a Location header naming salesOrder/{id}`, false);
    return { externalId: decodeURIComponent(id) };
  }

  /**
   * Topics: `product.created`, `product.updated`, `item.created`, `item.updated` (an
   * `inventoryItem` record, with its `locations` sublist when the sender expanded it) and
   * `customer.created`, `customer.updated` (a `customer` record). The payload is one record or
   * `{ value: [records] }`. Other topics (deletions included) are ignored: null.
   */
  fromWebhook(topic: string, payload: unknown): WebhookRecords | null {
    const m = this.mapping;
    return erpWebhookRecords<NetSuiteInventoryItem, NetSuiteCustomer>(topic, payload, {
      product: (r) => productFromNetSuite(r, m.currency, m.locations, m.productFields),
      customer: (r) => customerFromNetSuite(r, m.customerCurrency, m.customerFields),
    });
  }

  private salesOrderBody(order: OutboundOrder): Record<string, unknown> {
    if (!order.customer.externalId) throw new ExternalSystemError(`order ${order.number}: customer ${order.customer.code} has no NetSuite id (it was not synced from this NetSuite account), and NetSuite needs one for the sales order's entity`, false);
    const missing = order.lines.filter((line) => !line.externalId).map((line) => line.sku);
    if (missing.length) throw new ExternalSystemError(`order ${order.number}: products ${missing.join(', ')} have no NetSuite item id (they were not synced from this NetSuite account)`, false);
    return {
      entity: { id: order.customer.externalId },
      tranDate: order.placedAt.slice(0, 10),
      otherRefNum: order.number,
      memo: `Tradegraph order ${order.number} (${order.status})`,
      item: { items: order.lines.map((line) => ({ item: { id: line.externalId }, quantity: line.quantity, rate: Number(line.unitPrice) })) },
    };
  }

  /** Full records of one type changed at or after `since`, a collection page at a time. */
  private async *records<T extends { id: string; lastModifiedDate?: string | null }>(type: string, since: Date | null, recordQuery: string): AsyncGenerator<T[]> {
    const query = new URLSearchParams({ limit: String(this.pageSize), offset: '0' });
    if (since) query.set('q', `lastModifiedDate ON_OR_AFTER "${formatDate(new Date(since.getTime() - 86_400_000), this.dateFormat)}"`);
    let url: string | null = this.http.url(`${type}?${query.toString().replace(/\+/g, '%20')}`);
    while (url) {
      const page: NetSuiteList | null = (await this.http.get<NetSuiteList | null>(url)).body;
      if (!page || !Array.isArray(page.items)) throw new ExternalSystemError(`NetSuite answered the ${type} collection without an "items" array`, false);
      const fetched = await mapLimit(page.items, this.concurrency, async ({ id }) => {
        try {
          return (await this.http.get<T>(`${type}/${encodeURIComponent(id)}${recordQuery}`)).body;
        } catch (error) {
          if (httpStatusOf(error) === 404) return null; // deleted between the listing and this read: nothing to sync
          throw error;
        }
      });
      const records = fetched.filter((r): r is T => r !== null);
      yield since ? records.filter((r) => !r.lastModifiedDate || Date.parse(r.lastModifiedDate) >= since.getTime()) : records;
      url = page.hasMore ? (page.links?.find((l) => l.rel === 'next')?.href ?? null) : null;
      if (page.hasMore && !url) throw new ExternalSystemError(`NetSuite said the ${type} collection hasMore but gave no "next" link`, false);
    }
  }
}

/** A date in a NetSuite date preference such as `M/D/YYYY`, `DD.MM.YYYY` or `YYYY-MM-DD` (UTC calendar day). */
function formatDate(date: Date, format: string): string {
  const parts: Record<string, string> = {
    YYYY: String(date.getUTCFullYear()),
    MM: String(date.getUTCMonth() + 1).padStart(2, '0'),
    M: String(date.getUTCMonth() + 1),
    DD: String(date.getUTCDate()).padStart(2, '0'),
    D: String(date.getUTCDate()),
  };
  return format.replace(/YYYY|MM|M|DD|D/g, (token) => parts[token]);
}

/** `fn` over `items` with at most `limit` calls in flight, results in input order; the first failure rejects. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index]);
      } catch (error) {
        failed = true; // stop the other workers from starting requests whose answers nobody will read
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

