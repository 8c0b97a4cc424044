import { ExternalSystem } from '../entities';
import { ExternalSystemError } from '../services/backoff';
import { JsonHttpClient, type JsonResponse } from './http';
import { ErpMapping, erpCustomerItem, erpProductItem, erpWebhookRecords } from './erp';
import { mapFields, mapPages, text } from './mapping';
import { odataPages, odataQuery, sinceFilter } from './odata';
import { businessCentralPriceLists } from './erp-price-lists';
import { inactiveIf } from './mapping';
import type { SourcePriceList } from './types';
import { orderFromBusinessCentral, type BusinessCentralSalesOrder } from './dynamics-365-orders';
import type { AdapterContext, ConnectorAdapter, OutboundOrder, SourceCustomer, SourceOrder, SourceProduct, WebhookRecords } from './types';

/** A Business Central API v2.0 `items` record (the fields sync reads by default). */
export interface BusinessCentralItem {
  id: string;
  number: string;
  displayName?: string | null;
  displayName2?: string | null;
  unitPrice?: number | null;
  /** on hand summed over ALL locations */
  inventory?: number | null;
  blocked?: boolean;
  lastModifiedDateTime?: string | null;
  [field: string]: unknown;
}

/** A Business Central API v2.0 `customers` record (the fields sync reads by default). */
export interface BusinessCentralCustomer {
  id: string;
  number: string;
  displayName?: string | null;
  email?: string | null;
  phoneNumber?: string | null;
  creditLimit?: number | null;
  /** empty for the company's local currency */
  currencyCode?: string | null;
  lastModifiedDateTime?: string | null;
  [field: string]: unknown;
}

/**
 * The key of `mapping.inventory.locations` for Business Central's item `inventory`, which is a
 * total over all locations (API v2.0 has no per-location stock): `{ "*": "<our warehouse>" }`.
 */
export const ALL_LOCATIONS = '*';

const PRODUCT_FIELDS = { sku: 'number', name: 'displayName', description: 'displayName2', 'basePrice.amount': 'unitPrice' };
const CUSTOMER_FIELDS = { code: 'number', name: 'displayName', email: 'email', phone: 'phoneNumber', 'creditLimit.amount': 'creditLimit', 'creditLimit.currency': 'currencyCode' };

/**
 * Maps a Business Central item: SKU = `number`, external id = its `id` (GUID). Its `inventory`
 * (a total over all locations) is booked to the warehouse that `locations` maps
 * {@link ALL_LOCATIONS} to, and left out when there is none. Prices are in the company's local
 * currency, so the currency is `currency`.
 */
export function productFromBusinessCentral(item: BusinessCentralItem, currency: string, locations: Record<string, string>, fields?: Record<string, string>): SourceProduct {
  const v = mapFields(item, PRODUCT_FIELDS, fields);
  const sku = text(v.sku) || item.number || `bc-${item.id}`;
  const warehouseCode = locations[ALL_LOCATIONS];
  const onHand = Number(item.inventory);
  return {
    externalId: item.id,
    updatedAt: item.lastModifiedDateTime ?? null,
    item: erpProductItem(v, sku, currency),
    stock: warehouseCode && item.inventory !== undefined && item.inventory !== null && Number.isFinite(onHand) ? [{ warehouseCode, onHand: Math.max(0, onHand) }] : [],
    ...inactiveIf(item.blocked === true),
  };
}

/** Maps a Business Central customer: code = `number`, external id = `id`; an empty `currencyCode` (local currency) becomes `currency`. */
export function customerFromBusinessCentral(customer: BusinessCentralCustomer, currency: string, fields?: Record<string, string>): SourceCustomer {
  const v = mapFields(customer, CUSTOMER_FIELDS, fields);
  const code = text(v.code) || customer.number || `bc-${customer.id}`;
  // Blocked "All" is a customer nobody may trade with; Ship / Invoice block one step only.
  return { externalId: customer.id, updatedAt: customer.lastModifiedDateTime ?? null, item: erpCustomerItem(v, code, text(v.name), currency), ...inactiveIf(customer.blocked === 'All') };
}

/** Tuning for {@link Dynamics365Adapter}. */
export interface Dynamics365Options {
  /** records per page, asked for with `Prefer: odata.maxpagesize` (Business Central's own default is 20,000) */
  pageSize?: number;
}

/**
 * Dynamics 365 Business Central through its standard API v2.0
 * (`<baseUrl>/api/v2.0/companies(<companyId>)/`), with `Authorization: Bearer
 * <credentials.accessToken>` (an Entra ID token). The company id is `mapping.companyId`, else
 * `credentials.companyId`.
 *
 * - Reading: `items` and `customers`, deltas by `$filter=lastModifiedDateTime ge <since>`,
 *   server-driven paging (`Prefer: odata.maxpagesize`, `@odata.nextLink`) via the shared OData
 *   reader. Item stock is `inventory`, a total over all locations, booked to the warehouse
 *   mapped from `"*"` (see {@link ALL_LOCATIONS}).
 * - orders: `GET salesOrders?$expand=salesOrderLines` with the same delta filter; mapped in
 *   dynamics-365-orders.ts (no cancellations: BC deletes a cancelled sales order).
 * - pushOrder: `POST salesOrders` (`externalDocumentNumber` = our number, `orderDate`, and
 *   `customerId` when the customer came from this company, else `customerNumber` = our code),
 *   then one `POST salesOrders({id})/salesOrderLines` per line (`lineType: "Item"`, `itemId`
 *   or else `lineObjectNumber` = SKU, `quantity`, `unitPrice`). When a line fails the
 *   half-made order is deleted, so that a retry does not leave a duplicate. A known order is
 *   `PATCH salesOrders({id})` with `If-Match: *` (last writer wins: Tradegraph is the order's
 *   source), its lines deleted and posted again. No `currencyCode` is sent: the customer's
 *   currency applies.
 * - pushStock: not offered. API v2.0 exposes `inventory` read-only and has no item journal to
 *   post adjustments through.
 * - Webhooks: see {@link Dynamics365Adapter.fromWebhook}.
 *
 * Errors: Business Central's `{ error: { code, message } }` is carried in the
 * {@link ExternalSystemError} message; 429 is retryable with its Retry-After.
 */
export class Dynamics365Adapter implements ConnectorAdapter {
  readonly system = ExternalSystem.DYNAMICS_365;
  readonly listsEverything = true;
  readonly sourceAccount: string;
  private readonly http: JsonHttpClient;
  private readonly mapping: ErpMapping;
  private readonly pageSize: number;

  constructor(context: AdapterContext, options: Dynamics365Options = {}) {
    if (!context.credentials.accessToken) throw new ExternalSystemError('the connector has no Dynamics 365 accessToken (Entra ID bearer token) in its credentials', false);
    const companyId = text(context.mapping.companyId ?? context.credentials.companyId);
    if (!companyId) throw new ExternalSystemError('the Dynamics 365 connector names no Business Central company: set companyId in its field mapping or credentials', false);
    this.sourceAccount = `company=${companyId.toLowerCase()}`;
    const base = context.baseUrl.replace(/\/+$/, '');
    const api = /\/api\/v2\.0$/.test(base) ? base : `${base}/api/v2.0`;
    this.http = new JsonHttpClient('Dynamics 365', `${api}/companies(${encodeURIComponent(companyId)})/`, { authorization: `Bearer ${String(context.credentials.accessToken)}` }, context.timeoutMs);
    this.mapping = new ErpMapping(context.mapping, 'EUR');
    this.pageSize = Math.max(1, options.pageSize ?? 1000);
  }

  async *products(options: { since: Date | null; withStock: boolean }): AsyncGenerator<SourceProduct[]> {
    const url = odataQuery('items', { filter: [sinceFilter('lastModifiedDateTime', options.since, 'datetimeoffset')] });
    const { currency, productFields } = this.mapping;
    const locations = options.withStock ? this.mapping.locations : {};
    yield* mapPages(this.pages<BusinessCentralItem>(url), (item) => productFromBusinessCentral(item, currency, locations, productFields));
  }

  async *customers(options: { since: Date | null }): AsyncGenerator<SourceCustomer[]> {
    const { customerCurrency, customerFields } = this.mapping;
    const url = odataQuery('customers', { filter: [sinceFilter('lastModifiedDateTime', options.since, 'datetimeoffset')] });
    yield* mapPages(this.pages<BusinessCentralCustomer>(url), (customer) => customerFromBusinessCentral(customer, customerCurrency, customerFields));
  }

  /** Sales orders changed since `since`, their lines inline (`$expand=salesOrderLines`); mapped in dynamics-365-orders.ts. */
  async *orders(options: { since: Date | null }): AsyncGenerator<SourceOrder[]> {
    const url = odataQuery('salesOrders', { filter: [sinceFilter('lastModifiedDateTime', options.since, 'datetimeoffset')], expand: ['salesOrderLines'] });
    yield* mapPages(this.pages<BusinessCentralSalesOrder>(url), orderFromBusinessCentral);
  }

  /** Customer price groups and their sales prices (adapters/erp-price-lists.ts), valid today. */
  async *priceLists(): AsyncGenerator<SourcePriceList[]> {
    yield await businessCentralPriceLists((url) => this.pages(url), this.mapping.currency, new Date().toISOString().slice(0, 10));
  }

  async pushOrder(order: OutboundOrder, externalId: string | null): Promise<{ externalId: string }> {
    const lines = order.lines.map((line) => ({ lineType: 'Item', ...(line.externalId ? { itemId: line.externalId } : { lineObjectNumber: line.sku }), quantity: line.quantity, unitPrice: Number(line.unitPrice) }));
    if (externalId) {
      const path = `salesOrders(${encodeURIComponent(externalId)})`;
      await this.http.patch(path, { externalDocumentNumber: order.number }, { 'if-match': '*' });
      // All ids first: deleting while paging would shift the pages still to read.
      const old: string[] = [];
      for await (const page of this.pages<{ id: string }>(`${path}/salesOrderLines`)) old.push(...page.map((line) => line.id));
      for (const lineId of old) await this.http.send('DELETE', `${path}/salesOrderLines(${encodeURIComponent(lineId)})`, undefined, { 'if-match': '*' });
      for (const line of lines) await this.http.post(`${path}/salesOrderLines`, line);
      return { externalId };
    }
    const header = { externalDocumentNumber: order.number, orderDate: order.placedAt.slice(0, 10), ...(order.customer.externalId ? { customerId: order.customer.externalId } : { customerNumber: order.customer.code }) };
    const created: JsonResponse<{ id?: string } | null> = await this.http.post<{ id?: string } | null>('salesOrders', header);
    const id = created.body?.id;
    if (!id) throw new ExternalSystemError(`Dynamics 365 created sales order ${order.number} but its answer has no id`, false);
    const path = `salesOrders(${encodeURIComponent(id)})`;
    try {
      for (const line of lines) await this.http.post(`${path}/salesOrderLines`, line);
    } catch (error) {
      // Without this, a retry would book the order a second time: the engine never learnt this id.
      await this.http.send('DELETE', path, undefined, { 'if-match': '*' }).catch(() => undefined);
      throw error;
    }
    return { externalId: id };
  }

  /**
   * Topics: `product.created`, `product.updated`, `item.created`, `item.updated` (an `items`
   * record) and `customer.created`, `customer.updated` (a `customers` record). The payload is
   * one record or `{ value: [records] }`; entries without an `id` and `number` are dropped —
   * which includes Business Central's own webhook notifications (`{ resource, changeType }`),
   * which name a record without carrying it. Other topics: null.
   */
  fromWebhook(topic: string, payload: unknown): WebhookRecords | null {
    const m = this.mapping;
    const isRecord = (r: { id?: unknown; number?: unknown }) => typeof r.id === 'string' && typeof r.number === 'string';
    return erpWebhookRecords<BusinessCentralItem, BusinessCentralCustomer>(topic, payload, {
      product: (r) => productFromBusinessCentral(r, m.currency, m.locations, m.productFields),
      customer: (r) => customerFromBusinessCentral(r, m.customerCurrency, m.customerFields),
      keepProduct: isRecord,
      keepCustomer: isRecord,
    });
  }

  /** An OData collection page by page. */
  private pages<T>(url: string): AsyncGenerator<T[]> {
    return odataPages<T>((u, h) => this.http.get(u, h), url, this.pageSize, 'Dynamics 365');
  }
}

