import { setTimeout as wait } from 'node:timers/promises';
import { ExternalSystemError } from '../services/backoff';
import type { JsonHttpClient } from './http';
import { decimal, text } from './mapping';
import type { SourcePriceList } from './types';

/*
 * Shopify B2B's customer-specific prices: a price list belongs to a catalog, and a
 * CompanyLocationCatalog is assigned to company locations; the customers buying at those
 * prices are the contacts with a role at a location (and the company's main contact). Only the
 * GraphQL Admin API has them. Each price list of an ACTIVE company-location catalog becomes a
 * SourcePriceList: prices by variant id (the externalId Shopify products are synced with),
 * customers by customer id (as customers.json gives them), in the list's currency.
 *
 * Percentage adjustments (`parent.adjustment`) are not computed here: Shopify computes them
 * itself (with its rounding and currency conversion) and lists them among the list's prices as
 * RELATIVE ones, so a list with a non-zero adjustment is read whole (FIXED and RELATIVE), one
 * without only its FIXED prices. A market or app catalog's list is not customer-specific and
 * is not offered; a list whose catalog is archived or draft is offered with no customers (those
 * who had it lose it).
 */

/** What Shopify says about its leaky bucket on every answer. */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
  extensions?: { cost?: { requestedQueryCost?: number; throttleStatus?: ThrottleStatus } };
}

/** How often one query waits for the bucket before the run is left to retry later. */
const THROTTLE_WAITS = 5;
/** The longest single wait for the bucket; a longer one is the run's to retry. */
const MAX_THROTTLE_WAIT_MS = 30_000;

/**
 * Queries against Shopify's GraphQL Admin API. A THROTTLED answer (HTTP 200: the query's
 * requested cost is more than the bucket holds) is waited out — the points missing divided by
 * the restore rate — and the query sent again; other GraphQL errors are permanent.
 */
export class ShopifyGraphQL {
  constructor(
    private readonly http: JsonHttpClient,
    /** the graphql.json path, relative to the shop's base URL */
    private readonly path: string,
  ) {}

  async query<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    for (let waits = 0; ; waits++) {
      const { body } = await this.http.post<GraphQLAnswer<T> | null>(this.path, { query, variables });
      const errors = body?.errors ?? [];
      if (errors.some((e) => e.extensions?.code === 'THROTTLED')) {
        const waitMs = throttleWaitMs(body?.extensions?.cost);
        if (waits >= THROTTLE_WAITS || waitMs > MAX_THROTTLE_WAIT_MS) throw new ExternalSystemError(`Shopify throttled the GraphQL query ${waits + 1} times (cost ${body?.extensions?.cost?.requestedQueryCost ?? '?'})`, true, waitMs, 200);
        await wait(waitMs);
        continue;
      }
      if (errors.length) throw new ExternalSystemError(`Shopify answered the GraphQL query with errors: ${errors.map((e) => e.message).join('; ').slice(0, 300)}`, false);
      if (!body?.data) throw new ExternalSystemError('Shopify answered a GraphQL query without data', false);
      return body.data;
    }
  }
}

/** The time until the bucket holds the query's cost again (at least 100 ms; 1 s when Shopify gave no status). */
export function throttleWaitMs(cost: { requestedQueryCost?: number; throttleStatus?: ThrottleStatus } | undefined): number {
  const status = cost?.throttleStatus;
  if (!status || !(status.restoreRate > 0)) return 1000;
  const missing = Math.min(cost.requestedQueryCost ?? status.maximumAvailable, status.maximumAvailable) - status.currentlyAvailable;
  return Math.max(100, Math.ceil((missing / status.restoreRate) * 1000));
}

/*
 * Page sizes keep each query's requested cost (an object 1, a connection 2 + first × its
 * nodes) well under Shopify's 1,000-point ceiling: lists ≈ 512, prices ≈ 203.
 */
const LOCATION = /* GraphQL */ `
  fragment TradegraphLocation on CompanyLocation {
    id
    company { mainContact { customer { id } } }
    roleAssignments(first: 10) { nodes { companyContact { customer { id } } } pageInfo { hasNextPage endCursor } }
  }
`;
const LISTS = /* GraphQL */ `
  query TradegraphPriceLists($after: String) {
    priceLists(first: 2, after: $after) {
      nodes {
        id name currency
        parent { adjustment { type value } }
        catalog {
          __typename id status
          ... on CompanyLocationCatalog { companyLocations(first: 10) { nodes { ...TradegraphLocation } pageInfo { hasNextPage endCursor } } }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${LOCATION}
`;
const MORE_LOCATIONS = /* GraphQL */ `
  query TradegraphCatalogLocations($id: ID!, $after: String) {
    catalog(id: $id) { ... on CompanyLocationCatalog { companyLocations(first: 10, after: $after) { nodes { ...TradegraphLocation } pageInfo { hasNextPage endCursor } } } }
  }
  ${LOCATION}
`;
const MORE_CONTACTS = /* GraphQL */ `
  query TradegraphLocationContacts($id: ID!, $after: String) {
    companyLocation(id: $id) { roleAssignments(first: 50, after: $after) { nodes { companyContact { customer { id } } } pageInfo { hasNextPage endCursor } } }
  }
`;
const PRICES = /* GraphQL */ `
  query TradegraphPriceListPrices($id: ID!, $after: String, $originType: PriceListPriceOriginType) {
    priceList(id: $id) { prices(first: 100, after: $after, originType: $originType) { nodes { variant { id } price { amount currencyCode } } pageInfo { hasNextPage endCursor } } }
  }
`;

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}
interface Connection<T> {
  nodes: T[];
  pageInfo: PageInfo;
}
type Assignment = { companyContact: { customer: { id: string } | null } | null };
interface Location {
  id: string;
  company: { mainContact: { customer: { id: string } | null } | null } | null;
  roleAssignments: Connection<Assignment>;
}
interface ShopifyPriceList {
  id: string;
  name: string;
  currency: string;
  parent: { adjustment: { type: string; value: number } } | null;
  catalog: { __typename: string; id: string; status: string; companyLocations?: Connection<Location> } | null;
}
type Price = { variant: { id: string } | null; price: { amount: string; currencyCode: string } };

/** The numeric id of a Shopify GID (`gid://shopify/Customer/123` → `123`), as the REST API gives it. */
export function legacyId(gid: string): string {
  return /\/(\d+)(\?.*)?$/.exec(gid)?.[1] ?? gid;
}

/** Every B2B price list of the shop, a page of lists at a time. */
export async function* shopifyPriceLists(api: ShopifyGraphQL): AsyncGenerator<SourcePriceList[]> {
  let after: string | null = null;
  do {
    const data: { priceLists: Connection<ShopifyPriceList> } = await api.query(LISTS, { after });
    const page: SourcePriceList[] = [];
    for (const list of data.priceLists.nodes) {
      if (list.catalog?.__typename !== 'CompanyLocationCatalog') continue; // a market's or an app's prices, not a customer's
      const customers = list.catalog.status === 'ACTIVE' ? await customersOf(api, list.catalog.id, list.catalog.companyLocations) : [];
      page.push({ externalId: legacyId(list.id), name: text(list.name) || `Price list ${legacyId(list.id)}`, currency: list.currency, prices: await pricesOf(api, list), customerExternalIds: customers });
    }
    if (page.length) yield page;
    after = data.priceLists.pageInfo.hasNextPage ? data.priceLists.pageInfo.endCursor : null;
  } while (after);
}

/** The list's prices in its currency by variant id: FIXED ones, and Shopify's RELATIVE ones when an adjustment makes them differ from the base price. */
async function pricesOf(api: ShopifyGraphQL, list: ShopifyPriceList): Promise<SourcePriceList['prices']> {
  const originType = list.parent?.adjustment.value ? null : 'FIXED';
  const prices: SourcePriceList['prices'] = [];
  let after: string | null = null;
  do {
    const data: { priceList: { prices: Connection<Price> } | null } = await api.query(PRICES, { id: list.id, after, originType });
    if (!data.priceList) break; // deleted while being read: the next run no longer sees it
    for (const p of data.priceList.prices.nodes) {
      const amount = decimal(p.price.amount);
      if (p.variant && amount && p.price.currencyCode === list.currency) prices.push({ productExternalId: legacyId(p.variant.id), amount });
    }
    after = data.priceList.prices.pageInfo.hasNextPage ? data.priceList.prices.pageInfo.endCursor : null;
  } while (after);
  return prices;
}

/** The customer ids of everyone buying for the catalog's company locations, paging locations and role assignments past the first page. */
async function customersOf(api: ShopifyGraphQL, catalogId: string, first: Connection<Location> | undefined): Promise<string[]> {
  const ids = new Set<string>();
  let locations = first;
  while (locations) {
    for (const location of locations.nodes) {
      const main = location.company?.mainContact?.customer?.id;
      if (main) ids.add(legacyId(main));
      let assignments: Connection<Assignment> | undefined = location.roleAssignments;
      while (assignments) {
        for (const a of assignments.nodes) if (a.companyContact?.customer) ids.add(legacyId(a.companyContact.customer.id));
        const cursor: string | null = assignments.pageInfo.hasNextPage ? assignments.pageInfo.endCursor : null;
        assignments = cursor ? (await api.query<{ companyLocation: { roleAssignments: Connection<Assignment> } | null }>(MORE_CONTACTS, { id: location.id, after: cursor })).companyLocation?.roleAssignments : undefined;
      }
    }
    const cursor: string | null = locations.pageInfo.hasNextPage ? locations.pageInfo.endCursor : null;
    locations = cursor ? (await api.query<{ catalog: { companyLocations?: Connection<Location> } | null }>(MORE_LOCATIONS, { id: catalogId, after: cursor })).catalog?.companyLocations : undefined;
  }
  return [...ids];
}
