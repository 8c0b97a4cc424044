import { ExternalSystem } from '../entities';
import { ExternalSystemError } from '../services/backoff';
import { JsonHttpClient, type JsonResponse } from './http';
import { CUSTOMER_TOPICS, ErpMapping, erpCustomerItem, erpProductItem, erpWebhookRecords } from './erp';
import { mapFields, mapPages, text } from './mapping';
import { httpStatusOf, odataPages, odataQuery, sinceFilter } from './odata';
import { sapPriceLists } from './erp-price-lists';
import { inactiveIf } from './mapping';
import type { SourcePriceList } from './types';
import { orderFromSap, SAP_ORDER_SELECT, type SapOrder } from './sap-business-one-orders';
import type { AdapterContext, ConnectorAdapter, OutboundOrder, OutboundStockLevel, SourceCustomer, SourceOrder, SourceProduct, WebhookRecords } from './types';

/** One line of an item's `ItemWarehouseInfoCollection`. */
export interface SapItemWarehouseInfo {
  WarehouseCode: string;
  InStock?: number | null;
  Committed?: number | null;
  Ordered?: number | null;
}

/** One line of an item's `ItemPrices` (one per price list). */
export interface SapItemPrice {
  PriceList: number;
  Price?: number | null;
  Currency?: string | null;
}

/** A SAP B1 `Items` record (the fields sync reads by default). */
export interface SapItem {
  ItemCode: string;
  ItemName?: string | null;
  User_Text?: string | null;
  ItemPrices?: SapItemPrice[];
  ItemWarehouseInfoCollection?: SapItemWarehouseInfo[];
  /** a date: `2026-06-01` (v1) or `2026-06-01T00:00:00Z` (v2) */
  UpdateDate?: string | null;
  /** `14:05:00`, the company server's local time */
  UpdateTime?: string | null;
  [field: string]: unknown;
}

/** A SAP B1 `BusinessPartners` record (the fields sync reads by default). */
export interface SapBusinessPartner {
  CardCode: string;
  CardName?: string | null;
  CardType?: string | null;
  EmailAddress?: string | null;
  Phone1?: string | null;
  CreditLimit?: number | null;
  /** `##` means "all currencies" */
  Currency?: string | null;
  UpdateDate?: string | null;
  UpdateTime?: string | null;
  [field: string]: unknown;
}

const SERVICE_PATH = '/b1s/v1/';
/** Where the mapping finds the price of the configured price list (see {@link itemView}). */
const PRICE = '$price';
const PRODUCT_FIELDS = { sku: 'ItemCode', name: 'ItemName', description: 'User_Text', 'basePrice.amount': `${PRICE}.Price`, 'basePrice.currency': `${PRICE}.Currency` };
const PRODUCT_SELECT = ['ItemCode', 'ItemName', 'User_Text', 'ItemPrices', 'UpdateDate', 'UpdateTime'];
const CUSTOMER_FIELDS = { code: 'CardCode', name: 'CardName', email: 'EmailAddress', phone: 'Phone1', 'creditLimit.amount': 'CreditLimit', 'creditLimit.currency': 'Currency' };
const CUSTOMER_SELECT = ['CardCode', 'CardName', 'CardType', 'EmailAddress', 'Phone1', 'CreditLimit', 'Currency', 'UpdateDate', 'UpdateTime'];

/**
 * A SAP B1 record's change time from its `UpdateDate` and `UpdateTime`. Service Layer gives
 * the company server's local time with no zone; it is read as UTC, which is why deltas filter
 * by whole days (see {@link SapBusinessOneAdapter}).
 */
export function sapUpdatedAt(record: { UpdateDate?: string | null; UpdateTime?: string | null }): string | null {
  const date = /^\d{4}-\d{2}-\d{2}/.exec(record.UpdateDate ?? '')?.[0];
  if (!date) return null;
  const time = /^(\d{2}):(\d{2})(?::(\d{2}))?/.exec(record.UpdateTime ?? '');
  return `${date}T${time ? `${time[1]}:${time[2]}:${time[3] ?? '00'}` : '00:00:00'}Z`;
}

/** The item as the field mapping sees it: the record plus `$price`, its entry for `priceList`. */
function itemView(item: SapItem, priceList: number): Record<string, unknown> {
  return { ...item, [PRICE]: item.ItemPrices?.find((p) => p.PriceList === priceList) ?? null };
}

/**
 * Maps a SAP B1 item: the SKU is its `ItemCode` (also the external id: Service Layer's key),
 * the price that of price list `priceList`, and the stock its `ItemWarehouseInfoCollection`
 * (`InStock` by `WarehouseCode`, mapped by `locations`; unmapped warehouses are skipped).
 */
export function productFromSap(item: SapItem, currency: string, priceList: number, locations: Record<string, string>, fields?: Record<string, string>): SourceProduct {
  const v = mapFields(itemView(item, priceList), PRODUCT_FIELDS, fields);
  const sku = text(v.sku) || item.ItemCode;
  const stock: SourceProduct['stock'] = [];
  for (const line of item.ItemWarehouseInfoCollection ?? []) {
    const warehouseCode = locations[line.WarehouseCode];
    if (warehouseCode) stock.push({ warehouseCode, onHand: Math.max(0, Number(line.InStock ?? 0) || 0) });
  }
  return { externalId: item.ItemCode, updatedAt: sapUpdatedAt(item), item: erpProductItem(v, sku, currency), stock, ...inactiveIf(sapInactive(item)) };
}

/** Maps a SAP B1 business partner: code and external id are its `CardCode`; `##` (all currencies) becomes `currency`. */
export function customerFromSap(partner: SapBusinessPartner, currency: string, fields?: Record<string, string>): SourceCustomer {
  const v = mapFields(partner, CUSTOMER_FIELDS, fields);
  const code = text(v.code) || partner.CardCode;
  if (text(v['creditLimit.currency']) === '##') v['creditLimit.currency'] = undefined; // all currencies: none of its own
  return { externalId: partner.CardCode, updatedAt: sapUpdatedAt(partner), item: erpCustomerItem(v, code, text(v.name), currency), ...inactiveIf(sapInactive(partner)) };
}

/** The fields {@link sapInactive} reads, selected only when the run asks (`flagInactive`). */
const ACTIVITY_SELECT = ['Valid', 'ValidFrom', 'ValidTo', 'Frozen', 'FrozenFrom', 'FrozenTo'];

/**
 * Inactive in B1 today: `Frozen` (tYES) within its FrozenFrom–FrozenTo period (open ends;
 * no dates: frozen for good), `Valid` tNO, or `Valid` tYES with a ValidFrom–ValidTo period
 * today is outside of. A period that starts or ends changes no UpdateDate: a delta run does
 * not see it, the next full run does.
 * @param today `YYYY-MM-DD`
 */
export function sapInactive(record: Record<string, unknown>, today = new Date().toISOString().slice(0, 10)): boolean {
  const day = (value: unknown) => (typeof value === 'string' && value ? value.slice(0, 10) : null);
  const within = (from: unknown, to: unknown) => (day(from) ?? today) <= today && today <= (day(to) ?? today);
  if (record.Frozen === 'tYES') return within(record.FrozenFrom, record.FrozenTo);
  if (record.Valid === 'tNO') return true;
  return record.Valid === 'tYES' && (Boolean(day(record.ValidFrom)) || Boolean(day(record.ValidTo))) && !within(record.ValidFrom, record.ValidTo);
}

/** Tuning for {@link SapBusinessOneAdapter}. */
export interface SapBusinessOneOptions {
  /** records per page, asked for with `Prefer: odata.maxpagesize` (Service Layer's own default is 20) */
  pageSize?: number;
}

/**
 * SAP Business One through its Service Layer (`/b1s/v1/`, OData).
 *
 * - Session: `POST Login` with `{ CompanyDB, UserName, Password }` from the credentials
 *   (`companyDb`, `userName`, `password`; the SAP spellings are accepted too) gives the
 *   `B1SESSION` and `ROUTEID` cookies (ROUTEID pins a load-balanced Service Layer to one node),
 *   sent with every request. A 401 on a request means the session timed out (30 minutes idle
 *   by default) or was dropped: the adapter logs in again ONCE and repeats the request; a
 *   second 401, or a refused login, is permanent.
 * - Reading: `Items` / `BusinessPartners` (`CardType eq 'cCustomer'`) with `$select`,
 *   `$orderby` on the key (so `$skip` pages are stable) and server-driven paging
 *   (`Prefer: odata.maxpagesize`, `odata.nextLink`), via the shared OData reader. Deltas filter
 *   `UpdateDate ge '<day of since>'`: UpdateDate has no time and UpdateTime no zone, so a run
 *   re-reads the rest of that day and the engine's checksums skip what did not change.
 *   `$select` includes the first segment of every path in the field mapping.
 * - Price: the `ItemPrices` entry of `mapping.product.priceList` (default 1); the mapping can
 *   reach it as `$price.Price` / `$price.Currency`.
 * - orders: `GET Orders` (header and `DocumentLines`) with the same day-wide UpdateDate delta,
 *   by `DocEntry`; mapped in sap-business-one-orders.ts.
 * - pushOrder: `POST Orders` (`CardCode`, `DocDate`, `DocDueDate`, `NumAtCard` = our number,
 *   `Comments`, `DocumentLines` of `ItemCode`, `Quantity`, `UnitPrice`) → `DocEntry`; a known
 *   order is `PATCH Orders(DocEntry)` with `B1S-ReplaceCollectionsOnPatch: true`, so its lines
 *   are replaced rather than appended. CardCode / ItemCode are the external ids when the
 *   customer / product came from this company, else our customer code / SKU. No `DocCurrency`
 *   is sent: the business partner's currency applies.
 * - pushStock: one `POST InventoryPostings` whose lines set `CountedQuantity` (an absolute
 *   count; B1 books the difference) per item and SAP warehouse (our warehouse code mapped back
 *   through `mapping.inventory.locations`; levels at unmapped warehouses are skipped).
 * - Webhooks: see {@link SapBusinessOneAdapter.fromWebhook}.
 *
 * Errors: Service Layer's `{ error: { code, message: { lang, value } } }` is carried in the
 * {@link ExternalSystemError} message.
 */
export class SapBusinessOneAdapter implements ConnectorAdapter {
  readonly system = ExternalSystem.SAP_BUSINESS_ONE;
  readonly listsEverything = true;
  private readonly http: JsonHttpClient;
  private readonly mapping: ErpMapping;
  private readonly priceList: number;
  private readonly pageSize: number;
  private readonly login: { CompanyDB: string; UserName: string; Password: string };
  readonly sourceAccount: string;
  /** the session cookie header, once logged in (a promise, so concurrent calls share one login) */
  private session: Promise<string> | null = null;

  constructor(context: AdapterContext, options: SapBusinessOneOptions = {}) {
    const c = context.credentials;
    const pick = (...keys: string[]) => text(keys.map((k) => c[k]).find((v) => v !== undefined && v !== null && v !== ''));
    this.login = { CompanyDB: pick('companyDb', 'companyDB', 'CompanyDB'), UserName: pick('userName', 'username', 'UserName'), Password: pick('password', 'Password') };
    const missing = Object.entries(this.login).filter(([, value]) => !value).map(([key]) => key);
    if (missing.length) throw new ExternalSystemError(`the connector's SAP Business One credentials lack ${missing.join(', ')} (needed to POST Login)`, false);
    const base = context.baseUrl.replace(/\/+$/, '');
    this.sourceAccount = `companyDb=${this.login.CompanyDB}`;
    this.http = new JsonHttpClient('SAP Business One', /\/b1s\/v\d+$/.test(base) ? `${base}/` : `${base}${SERVICE_PATH}`, {}, context.timeoutMs);
    this.mapping = new ErpMapping(context.mapping, 'EUR');
    const priceList = Number(context.mapping.product?.priceList ?? 1);
    this.priceList = Number.isInteger(priceList) ? priceList : 1;
    this.pageSize = Math.max(1, options.pageSize ?? 500);
  }

  async *products(options: { since: Date | null; withStock: boolean; flagInactive?: boolean }): AsyncGenerator<SourceProduct[]> {
    const { currency, productFields } = this.mapping;
    const select = [...PRODUCT_SELECT, ...(options.withStock ? ['ItemWarehouseInfoCollection'] : []), ...(options.flagInactive ? ACTIVITY_SELECT : []), ...selectedBy(productFields)];
    const url = odataQuery('Items', { select, filter: [sinceFilter('UpdateDate', options.since, 'quoted-date')], orderby: 'ItemCode' });
    const locations = options.withStock ? this.mapping.locations : {};
    yield* mapPages(this.pages<SapItem>(url), (item) => productFromSap(item, currency, this.priceList, locations, productFields));
  }

  async *customers(options: { since: Date | null; flagInactive?: boolean }): AsyncGenerator<SourceCustomer[]> {
    const { customerCurrency, customerFields } = this.mapping;
    const select = [...CUSTOMER_SELECT, ...(options.flagInactive ? ACTIVITY_SELECT : []), ...selectedBy(customerFields)];
    const url = odataQuery('BusinessPartners', { select, filter: ["CardType eq 'cCustomer'", sinceFilter('UpdateDate', options.since, 'quoted-date')], orderby: 'CardCode' });
    yield* mapPages(this.pages<SapBusinessPartner>(url), (partner) => customerFromSap(partner, customerCurrency, customerFields));
  }

  /** Sales orders (`Orders`) changed since the day of `since`, by DocEntry; mapped in sap-business-one-orders.ts. */
  async *orders(options: { since: Date | null }): AsyncGenerator<SourceOrder[]> {
    const url = odataQuery('Orders', { select: SAP_ORDER_SELECT, filter: [sinceFilter('UpdateDate', options.since, 'quoted-date')], orderby: 'DocEntry' });
    yield* mapPages(this.pages<SapOrder>(url), (order) => orderFromSap(order, sapUpdatedAt(order)));
  }

  async pushOrder(order: OutboundOrder, externalId: string | null): Promise<{ externalId: string }> {
    const lines = order.lines.map((line) => ({ ItemCode: line.externalId ?? line.sku, Quantity: line.quantity, UnitPrice: Number(line.unitPrice) }));
    const header = { NumAtCard: order.number, Comments: `Tradegraph order ${order.number} (${order.status})` };
    if (externalId) {
      if (!/^\d+$/.test(externalId)) throw new ExternalSystemError(`"${externalId}" is not a SAP Business One DocEntry (a number), so order ${order.number} cannot be updated`, false);
      await this.request('PATCH', `Orders(${externalId})`, { ...header, DocumentLines: lines }, { 'b1s-replacecollectionsonpatch': 'true' });
      return { externalId };
    }
    const day = order.placedAt.slice(0, 10);
    const created = await this.request<{ DocEntry?: number } | null>('POST', 'Orders', { CardCode: order.customer.externalId ?? order.customer.code, DocDate: day, DocDueDate: day, ...header, DocumentLines: lines });
    const docEntry = created.body?.DocEntry;
    if (docEntry === undefined || docEntry === null) throw new ExternalSystemError(`SAP Business One created order ${order.number} but its answer has no DocEntry`, false);
    return { externalId: String(docEntry) };
  }

  /** Price lists customers buy from (adapters/erp-price-lists.ts), the products' own `priceList` left out. */
  async *priceLists(): AsyncGenerator<SourcePriceList[]> {
    yield await sapPriceLists((url) => this.pages(url), this.mapping.currency, this.priceList);
  }

  async pushStock(levels: OutboundStockLevel[]): Promise<void> {
    const sapWarehouse = new Map(Object.entries(this.mapping.locations).map(([sap, ours]) => [ours, sap]));
    const lines = levels.flatMap((level) => {
      const warehouse = sapWarehouse.get(level.warehouseCode);
      return warehouse ? [{ ItemCode: level.externalId, WarehouseCode: warehouse, CountedQuantity: level.onHand }] : [];
    });
    if (!lines.length) return;
    const day = new Date().toISOString().slice(0, 10);
    await this.request('POST', 'InventoryPostings', { CountDate: day, Remarks: 'Stock levels from Tradegraph', InventoryPostingLines: lines });
  }

  /**
   * Topics: `product.created`, `product.updated`, `item.created`, `item.updated` (an `Items`
   * record; stock is mapped when it carries `ItemWarehouseInfoCollection`) and
   * `customer.created`, `customer.updated`, `businesspartner.created`, `businesspartner.updated`
   * (a `BusinessPartners` record; suppliers and leads — CardType other than cCustomer — are
   * dropped). The payload is one record or `{ value: [records] }`. Other topics: null.
   */
  fromWebhook(topic: string, payload: unknown): WebhookRecords | null {
    const m = this.mapping;
    return erpWebhookRecords<SapItem, SapBusinessPartner>(topic, payload, {
      product: (r) => productFromSap(r, m.currency, this.priceList, m.locations, m.productFields),
      customer: (r) => customerFromSap(r, m.customerCurrency, m.customerFields),
      keepProduct: (r) => typeof r.ItemCode === 'string',
      keepCustomer: (r) => typeof r.CardCode === 'string' && (r.CardType === undefined || r.CardType === null || r.CardType === 'cCustomer'),
      customerTopics: [...CUSTOMER_TOPICS, 'businesspartner.created', 'businesspartner.updated'],
    });
  }

  /** An OData collection page by page, through the session. */
  private pages<T>(url: string): AsyncGenerator<T[]> {
    return odataPages<T>((u, h) => this.request('GET', u, undefined, h), url, this.pageSize, 'SAP Business One');
  }

  /** Ends the Service Layer session, so a finished run does not hold one of the company's licensed sessions for 30 minutes. */
  async close(): Promise<void> {
    const session = await this.session?.catch(() => null);
    this.session = null;
    if (session) await this.http.post('Logout', undefined, { cookie: session }).catch(() => undefined);
  }

  /** One Service Layer call with the session cookie; on 401, one fresh login and one retry. */
  private async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonResponse<T>> {
    const cookie = await this.currentSession();
    try {
      return await this.http.send<T>(method, path, body, { ...headers, cookie });
    } catch (error) {
      if (httpStatusOf(error) !== 401) throw error;
      const fresh = await this.currentSession(cookie);
      return await this.http.send<T>(method, path, body, { ...headers, cookie: fresh });
    }
  }

  /** The session cookie; logs in when there is none, or when `stale` is the one we hold (another call may already have renewed it). */
  private async currentSession(stale?: string): Promise<string> {
    if (this.session && stale !== undefined && (await this.session.catch(() => null)) === stale) this.session = null;
    if (!this.session) {
      const attempt = this.logIn();
      this.session = attempt;
      attempt.catch(() => {
        if (this.session === attempt) this.session = null; // let the next call try again
      });
    }
    return this.session;
  }

  private async logIn(): Promise<string> {
    let response: JsonResponse<{ SessionId?: string } | null>;
    try {
      response = await this.http.post<{ SessionId?: string } | null>('Login', this.login);
    } catch (error) {
      if (error instanceof ExternalSystemError && !error.retryable) {
        throw new ExternalSystemError(`SAP Business One refused the login of user "${this.login.UserName}" to company database "${this.login.CompanyDB}": ${error.message}`, false);
      }
      throw error;
    }
    const cookies = new Map<string, string>();
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const eq = pair.indexOf('=');
      if (eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    const session = cookies.get('B1SESSION') ?? response.body?.SessionId;
    if (!session) throw new ExternalSystemError('SAP Business One accepted the login but sent neither a B1SESSION cookie nor a SessionId', false);
    return [`B1SESSION=${session}`, ...(cookies.has('ROUTEID') ? [`ROUTEID=${cookies.get('ROUTEID')}`] : [])].join('; ');
  }
}

/** The top-level properties the connector's field mapping reads, so `$select` fetches them; `$price` lives in ItemPrices. */
function selectedBy(fields: Record<string, string> | undefined): string[] {
  return Object.values(fields ?? {}).map((path) => {
    const head = path.split('.')[0];
    return head === PRICE ? 'ItemPrices' : head;
  });
}

