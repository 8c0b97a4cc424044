import { ExternalSystemError } from '../services/backoff';
import { decimal, text } from './mapping';
import type { JsonResponse } from './http';
import { odataQuery } from './odata';
import type { SourcePriceList } from './types';

/*
 * Reading customer-specific price lists from the ERPs (NetSuite price levels, SAP Business One
 * price lists, Business Central customer price groups). Each system gives three things — the
 * lists, the prices per list and item, which list each customer buys from — put together by
 * {@link assemblePriceLists}. The list the products' base price comes from is never offered
 * (its customers pay base prices); the engine creates no list nobody buys from.
 *
 * A Tradegraph list has one currency, while an ERP can price one list in several: only the
 * prices in the list's currency are kept (a price in another currency is not converted, and
 * never overwrites one in the list's). The list's currency, per system: NetSuite — the
 * connector's currency (`product.currency`: price levels have none of their own); SAP B1 —
 * the list's `DefaultPrimeCurrency`, else the connector's; Business Central — the local
 * currency (a blank `currencyCode`, taken as the connector's currency) when the group has any
 * price in it, else the currency of its first priced row.
 */

/** What a system says, flattened. */
export interface PriceListParts {
  lists: { externalId: string; name: string; currency: string }[];
  /** `currency` blank: the list's own */
  prices: { list: string; productExternalId: string; amount: unknown; currency?: string | null }[];
  customers: { list: string; customerExternalId: string }[];
  /** the list the products' base price is read from */
  baseList: string | null;
}

/** Every list but the base one, with its prices in its currency (a missing, zero or unreadable amount means "no price on this list") and customers. */
export function assemblePriceLists(parts: PriceListParts): SourcePriceList[] {
  const byId = new Map<string, SourcePriceList>();
  for (const list of parts.lists) if (list.externalId !== parts.baseList) byId.set(list.externalId, { ...list, prices: [], customerExternalIds: [] });
  for (const c of parts.customers) byId.get(c.list)?.customerExternalIds.push(c.customerExternalId);
  for (const p of parts.prices) {
    const list = byId.get(p.list);
    if (!list || (p.currency && p.currency !== list.currency)) continue;
    const amount = decimal(p.amount);
    if (amount && Number(amount) > 0) list.prices.push({ productExternalId: p.productExternalId, amount });
  }
  return [...byId.values()];
}

/** A SuiteQL answer page. */
interface SuiteQlPage {
  items?: Record<string, unknown>[];
  hasMore?: boolean;
}

/** SuiteQL's largest page. */
const SUITEQL_PAGE = 1000;

/**
 * NetSuite through SuiteQL (`POST /services/rest/query/v1/suiteql`, `Prefer: transient`,
 * `limit`/`offset` paging): price levels (`pricelevel`, active ones), item prices per level
 * (`pricing`, the quantity-1 price, with its currency's ISO code) and customers' `pricelevel`. The record API would need a
 * GET per item for its price sublist; three queries read every level at once.
 * @param post sends a POST to a path relative to the record API root
 */
export async function netSuitePriceLists(post: <T>(path: string, body: unknown, headers: Record<string, string>) => Promise<JsonResponse<T>>, currency: string, baseLevel: string): Promise<SourcePriceList[]> {
  const query = async (q: string): Promise<Record<string, unknown>[]> => {
    const rows: Record<string, unknown>[] = [];
    for (let offset = 0; ; offset += SUITEQL_PAGE) {
      const page = (await post<SuiteQlPage | null>(`../../query/v1/suiteql?limit=${SUITEQL_PAGE}&offset=${offset}`, { q }, { prefer: 'transient' })).body;
      if (!page || !Array.isArray(page.items)) throw new ExternalSystemError('NetSuite answered a SuiteQL query without an "items" array', false);
      rows.push(...page.items);
      if (!page.hasMore) return rows;
    }
  };
  const levels = await query("SELECT id, name FROM pricelevel WHERE isinactive = 'F' ORDER BY id");
  const prices = await query('SELECT pricing.item, pricing.pricelevel, pricing.unitprice, currency.symbol AS currency FROM pricing JOIN currency ON currency.id = pricing.currency WHERE pricing.quantity IS NULL OR pricing.quantity <= 1 ORDER BY pricing.item, pricing.pricelevel');
  const customers = await query('SELECT id, pricelevel FROM customer WHERE pricelevel IS NOT NULL ORDER BY id');
  return assemblePriceLists({
    lists: levels.map((l) => ({ externalId: text(l.id), name: text(l.name) || `Price level ${text(l.id)}`, currency })),
    prices: prices.map((p) => ({ list: text(p.pricelevel), productExternalId: text(p.item), amount: p.unitprice, currency: text(p.currency) || currency })),
    customers: customers.map((c) => ({ list: text(c.pricelevel), customerExternalId: text(c.id) })),
    baseList: baseLevel,
  });
}

/** Reads every record of an OData collection (the adapter's own paging). */
export type ODataReader = <T>(url: string) => AsyncGenerator<T[]>;

async function all<T>(pages: AsyncGenerator<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...page);
  return out;
}

/**
 * SAP Business One: `PriceLists` (number, name, currency), every item's `ItemPrices` (one entry
 * per list) and customers' `PriceListNum`. The products' base price list is left out.
 */
export async function sapPriceLists(read: ODataReader, currency: string, baseList: number): Promise<SourcePriceList[]> {
  type List = { PriceListNo: number; PriceListName?: string | null; DefaultPrimeCurrency?: string | null; Active?: string | null };
  type Item = { ItemCode: string; ItemPrices?: { PriceList: number; Price?: number | null; Currency?: string | null }[] };
  type Partner = { CardCode: string; PriceListNum?: number | null };
  const lists = (await all(read<List>(odataQuery('PriceLists', { select: ['PriceListNo', 'PriceListName', 'DefaultPrimeCurrency', 'Active'], orderby: 'PriceListNo' })))).filter((l) => l.Active !== 'tNO');
  const items = await all(read<Item>(odataQuery('Items', { select: ['ItemCode', 'ItemPrices'], orderby: 'ItemCode' })));
  const partners = await all(read<Partner>(odataQuery('BusinessPartners', { select: ['CardCode', 'PriceListNum'], filter: ["CardType eq 'cCustomer'"], orderby: 'CardCode' })));
  // A list's currency: its own, else that of its first priced item, else the connector's.
  const itemCurrency = new Map<number, string>();
  for (const item of items) for (const p of item.ItemPrices ?? []) if (p.Currency && !itemCurrency.has(p.PriceList)) itemCurrency.set(p.PriceList, p.Currency);
  return assemblePriceLists({
    lists: lists.map((l) => ({ externalId: String(l.PriceListNo), name: text(l.PriceListName) || `Price list ${l.PriceListNo}`, currency: text(l.DefaultPrimeCurrency) || itemCurrency.get(l.PriceListNo) || currency })),
    prices: items.flatMap((item) => (item.ItemPrices ?? []).map((p) => ({ list: String(p.PriceList), productExternalId: item.ItemCode, amount: p.Price, currency: text(p.Currency) }))),
    customers: partners.filter((p) => p.PriceListNum !== null && p.PriceListNum !== undefined).map((p) => ({ list: String(p.PriceListNum), customerExternalId: p.CardCode })),
    baseList: String(baseList),
  });
}

/**
 * Business Central: `customerPriceGroups` (code, description), `salesPrices` of sales type
 * "Customer Price Group" valid today for a quantity of 1 (by item number, mapped to the item's
 * id through `items`), and customers' `customerPriceGroup`. The standard API v2.0 has none of
 * these: they are the Customer Price Group (6) and Sales Price (7002) tables as an API page
 * extension (or OData web services) publishes them under the company; see README.
 */
export async function businessCentralPriceLists(read: ODataReader, currency: string, today: string): Promise<SourcePriceList[]> {
  type Group = { code: string; description?: string | null };
  type Price = { itemNumber: string; salesType?: string; salesCode: string; unitPrice?: number | null; currencyCode?: string | null; startingDate?: string | null; endingDate?: string | null; minimumQuantity?: number | null };
  type Item = { id: string; number: string };
  type Customer = { id: string; customerPriceGroup?: string | null };
  const groups = await all(read<Group>('customerPriceGroups'));
  const prices = await all(read<Price>(odataQuery('salesPrices', { filter: ["salesType eq 'Customer Price Group'"] })));
  const items = await all(read<Item>(odataQuery('items', { select: ['id', 'number'] })));
  const customers = await all(read<Customer>(odataQuery('customers', { select: ['id', 'customerPriceGroup'] })));
  const itemId = new Map(items.map((i) => [i.number, i.id]));
  const live = (p: Price) => (!p.startingDate || p.startingDate.slice(0, 10) <= today) && (!p.endingDate || p.endingDate.startsWith('0001') || p.endingDate.slice(0, 10) >= today) && (p.minimumQuantity ?? 0) <= 1;
  const used = prices.filter((p) => (p.salesType ?? 'Customer Price Group') === 'Customer Price Group' && live(p) && itemId.has(p.itemNumber));
  const currencyOf = (p: Price) => text(p.currencyCode) || currency; // blank: the local currency
  // A group's currency: the local one when any of its prices is in it, else its first price's.
  const groupCurrency = new Map<string, string>();
  for (const p of used) if (currencyOf(p) === currency || !groupCurrency.has(p.salesCode)) groupCurrency.set(p.salesCode, currencyOf(p));
  return assemblePriceLists({
    lists: groups.map((g) => ({ externalId: g.code, name: text(g.description) || g.code, currency: groupCurrency.get(g.code) ?? currency })),
    prices: used.map((p) => ({ list: p.salesCode, productExternalId: itemId.get(p.itemNumber)!, amount: p.unitPrice, currency: currencyOf(p) })),
    customers: customers.filter((c) => c.customerPriceGroup).map((c) => ({ list: c.customerPriceGroup!, customerExternalId: c.id })),
    baseList: null,
  });
}
