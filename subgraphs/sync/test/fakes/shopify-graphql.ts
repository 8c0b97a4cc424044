import { buildSchema, graphql, parse, validate, type FieldNode, type FragmentDefinitionNode, type GraphQLSchema, type SelectionSetNode } from 'graphql';

/*
 * The slice of Shopify's GraphQL Admin API the fake serves (`POST /admin/api/<version>/graphql.json`):
 * B2B price lists, the catalogs they belong to and the company locations those catalogs are
 * assigned to, with the contacts buying for each location. Type and field names follow the
 * Admin API; everything else of it is left out. Cost-based throttling is modelled as Shopify
 * does it: a leaky bucket of points, a query's requested cost checked against what is
 * available before it runs (THROTTLED, HTTP 200, when it is not), and every answer's
 * `extensions.cost.throttleStatus`.
 */

const SDL = /* GraphQL */ `
  type Query {
    priceLists(first: Int!, after: String): PriceListConnection!
    priceList(id: ID!): PriceList
    catalogs(first: Int!, after: String): CatalogConnection!
    catalog(id: ID!): Catalog
    companyLocation(id: ID!): CompanyLocation
  }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  enum CurrencyCode { EUR USD GBP CHF }
  type MoneyV2 { amount: String! currencyCode: CurrencyCode! }
  type PriceListConnection { nodes: [PriceList!]! pageInfo: PageInfo! }
  type PriceList {
    id: ID!
    name: String!
    currency: CurrencyCode!
    fixedPricesCount: Int!
    parent: PriceListParent
    catalog: Catalog
    prices(first: Int!, after: String, originType: PriceListPriceOriginType): PriceListPriceConnection!
  }
  type PriceListParent { adjustment: PriceListAdjustment! }
  type PriceListAdjustment { type: PriceListAdjustmentType! value: Float! }
  enum PriceListAdjustmentType { PERCENTAGE_DECREASE PERCENTAGE_INCREASE }
  enum PriceListPriceOriginType { FIXED RELATIVE }
  type PriceListPriceConnection { nodes: [PriceListPrice!]! pageInfo: PageInfo! }
  type PriceListPrice { variant: ProductVariant! price: MoneyV2! originType: PriceListPriceOriginType! }
  type ProductVariant { id: ID! product: Product! }
  type Product { id: ID! }
  enum CatalogStatus { ACTIVE ARCHIVED DRAFT }
  interface Catalog { id: ID! title: String! status: CatalogStatus! priceList: PriceList }
  type CatalogConnection { nodes: [Catalog!]! pageInfo: PageInfo! }
  type CompanyLocationCatalog implements Catalog {
    id: ID!
    title: String!
    status: CatalogStatus!
    priceList: PriceList
    companyLocations(first: Int!, after: String): CompanyLocationConnection!
  }
  type MarketCatalog implements Catalog { id: ID! title: String! status: CatalogStatus! priceList: PriceList }
  type CompanyLocationConnection { nodes: [CompanyLocation!]! pageInfo: PageInfo! }
  type CompanyLocation {
    id: ID!
    name: String!
    company: Company!
    roleAssignments(first: Int!, after: String): CompanyContactRoleAssignmentConnection!
  }
  type CompanyContactRoleAssignmentConnection { nodes: [CompanyContactRoleAssignment!]! pageInfo: PageInfo! }
  type CompanyContactRoleAssignment { companyContact: CompanyContact! }
  type Company { id: ID! name: String! mainContact: CompanyContact }
  type CompanyContact { id: ID! customer: Customer! }
  type Customer { id: ID! }
`;

export interface FakeCompany {
  id: number;
  name: string;
  /** the main contact's customer id */
  mainContact: number | null;
}

export interface FakeCompanyLocation {
  id: number;
  name: string;
  companyId: number;
  /** customer ids of the contacts with a role at this location */
  contacts: number[];
}

export interface FakeCatalog {
  id: number;
  title: string;
  kind: 'CompanyLocationCatalog' | 'MarketCatalog';
  status: 'ACTIVE' | 'ARCHIVED' | 'DRAFT';
  locationIds: number[];
}

export interface FakePriceList {
  id: number;
  name: string;
  currency: string;
  catalogId: number | null;
  adjustment: { type: 'PERCENTAGE_DECREASE' | 'PERCENTAGE_INCREASE'; value: number } | null;
  /** variant id → fixed price */
  fixed: Map<number, string>;
}

/** Shopify's leaky bucket; by default a Standard plan's (100 points a second). */
export interface ThrottleBucket {
  maximumAvailable: number;
  restoreRate: number;
  currentlyAvailable: number;
}

/** Shopify's ceiling for a single query, whatever the bucket holds. */
export const MAX_QUERY_COST = 1000;

const gid = (type: string, id: number) => `gid://shopify/${type}/${id}`;
const idOf = (value: string) => Number(/\/(\d+)$/.exec(value)?.[1] ?? NaN);

/** A cursor page of `all`, as Shopify's connections give them (opaque cursors). */
function page<T>(all: T[], args: { first: number; after?: string | null }) {
  const offset = args.after ? Number(Buffer.from(args.after, 'base64url').toString()) : 0;
  const nodes = all.slice(offset, offset + Math.min(args.first, 250));
  const end = offset + nodes.length;
  return { nodes, pageInfo: { hasNextPage: end < all.length, endCursor: nodes.length ? Buffer.from(String(end)).toString('base64url') : null } };
}

/**
 * The requested cost of a query, as Shopify estimates it before running it: an object field
 * costs 1, a connection 2 plus `first` times what its nodes select, scalars and enums nothing.
 */
function requestedCost(selection: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, variables: Record<string, unknown>): number {
  if (!selection) return 0;
  let cost = 0;
  for (const node of selection.selections) {
    if (node.kind === 'InlineFragment') cost += requestedCost(node.selectionSet, fragments, variables);
    else if (node.kind === 'FragmentSpread') cost += requestedCost(fragments.get(node.name.value)?.selectionSet, fragments, variables);
    else cost += fieldCost(node, fragments, variables);
  }
  return cost;
}

function fieldCost(field: FieldNode, fragments: Map<string, FragmentDefinitionNode>, variables: Record<string, unknown>): number {
  if (!field.selectionSet) return 0;
  const first = field.arguments?.find((a) => a.name.value === 'first')?.value;
  if (!first) return field.name.value === 'nodes' || field.name.value === 'pageInfo' ? requestedCost(field.selectionSet, fragments, variables) : 1 + requestedCost(field.selectionSet, fragments, variables);
  const size = first.kind === 'IntValue' ? Number(first.value) : first.kind === 'Variable' ? Number(variables[first.name.value] ?? 0) : 0;
  return 2 + size * requestedCost(field.selectionSet, fragments, variables);
}

/** The B2B pricing state of the fake shop and its GraphQL endpoint. */
export class FakeShopifyB2B {
  companies: FakeCompany[] = [];
  locations: FakeCompanyLocation[] = [];
  catalogs: FakeCatalog[] = [];
  priceLists: FakePriceList[] = [];
  bucket: ThrottleBucket = { maximumAvailable: 2000, restoreRate: 100, currentlyAvailable: 2000 };
  /** every query answered or throttled, with its requested cost */
  queries: { cost: number; throttled: boolean }[] = [];
  private refilledAt = Date.now();
  private readonly schema: GraphQLSchema = buildSchema(SDL);

  /** @param variants the shop's variants (price in the shop's currency): relative prices are computed from them */
  constructor(private readonly variants: () => { id: number; product_id: number; price: string }[]) {}

  clear(): void {
    this.companies = [];
    this.locations = [];
    this.catalogs = [];
    this.priceLists = [];
    this.queries = [];
    this.bucket = { maximumAvailable: 2000, restoreRate: 100, currentlyAvailable: 2000 };
    this.refilledAt = Date.now();
  }

  /** Empties the bucket down to `points` (as other apps' queries would), restoring from now. */
  drain(points: number): void {
    this.refill();
    this.bucket.currentlyAvailable = points;
  }

  /**
   * A B2B set-up in one call: a company whose location buys through a catalog with a price
   * list in `currency` (fixed prices by variant id, optionally a percentage adjustment on the
   * rest), `contacts` being the customer ids with a role at the location. Returns the list.
   */
  addB2BPriceList(input: { name: string; currency: string; contacts: number[]; fixed: Record<number, string>; adjustment?: FakePriceList['adjustment'] }): FakePriceList {
    const n = this.priceLists.length + 1;
    this.companies.push({ id: 1_100 + n, name: `${input.name} company`, mainContact: input.contacts[0] ?? null });
    this.locations.push({ id: 2_200 + n, name: `${input.name} HQ`, companyId: 1_100 + n, contacts: input.contacts });
    this.catalogs.push({ id: 3_300 + n, title: `${input.name} catalog`, kind: 'CompanyLocationCatalog', status: 'ACTIVE', locationIds: [2_200 + n] });
    const list: FakePriceList = { id: 4_400 + n, name: input.name, currency: input.currency, catalogId: 3_300 + n, adjustment: input.adjustment ?? null, fixed: new Map(Object.entries(input.fixed).map(([v, p]) => [Number(v), p])) };
    this.priceLists.push(list);
    return list;
  }

  /** Answers one GraphQL request body: the HTTP status and JSON Shopify would send. */
  async answer(body: unknown): Promise<{ status: number; body: unknown }> {
    const { query, variables = {} } = (body ?? {}) as { query?: string; variables?: Record<string, unknown> };
    if (typeof query !== 'string') return { status: 400, body: { errors: { query: 'Required parameter missing or invalid' } } };
    let document;
    try {
      document = parse(query);
    } catch (error) {
      return { status: 200, body: { errors: [{ message: (error as Error).message, extensions: { code: 'PARSE_ERROR' } }] } };
    }
    const invalid = validate(this.schema, document);
    if (invalid.length) return { status: 200, body: { errors: invalid.map((e) => ({ message: e.message, locations: e.locations })) } };
    const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((d) => [d.name.value, d]));
    const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
    const cost = operation && operation.kind === 'OperationDefinition' ? requestedCost(operation.selectionSet, fragments, variables) : 0;
    this.refill();
    const status = () => ({ requestedQueryCost: cost, throttleStatus: { ...this.bucket } });
    if (cost > MAX_QUERY_COST) {
      this.queries.push({ cost, throttled: false });
      return { status: 200, body: { errors: [{ message: `Query cost is ${cost}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).`, extensions: { code: 'MAX_COST_EXCEEDED', cost, maxCost: MAX_QUERY_COST } }], extensions: { cost: { ...status(), actualQueryCost: null } } } };
    }
    if (cost > this.bucket.currentlyAvailable) {
      this.queries.push({ cost, throttled: true });
      return { status: 200, body: { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }], extensions: { cost: { ...status(), actualQueryCost: null } } } };
    }
    this.bucket.currentlyAvailable -= cost;
    this.queries.push({ cost, throttled: false });
    const result = await graphql({ schema: this.schema, source: query, variableValues: variables, rootValue: this.root() });
    return { status: 200, body: { ...result, extensions: { cost: { ...status(), actualQueryCost: cost } } } };
  }

  private refill(): void {
    const now = Date.now();
    this.bucket.currentlyAvailable = Math.min(this.bucket.maximumAvailable, this.bucket.currentlyAvailable + ((now - this.refilledAt) / 1000) * this.bucket.restoreRate);
    this.refilledAt = now;
  }

  /** Resolver objects: graphql-js's default resolvers call these functions with the field's arguments. */
  private root() {
    return {
      priceLists: (args: { first: number; after?: string }) => page(this.priceLists.map((l) => this.priceListNode(l)), args),
      priceList: ({ id }: { id: string }) => {
        const list = this.priceLists.find((l) => l.id === idOf(id));
        return list ? this.priceListNode(list) : null;
      },
      catalogs: (args: { first: number; after?: string }) => page(this.catalogs.map((c) => this.catalogNode(c)), args),
      catalog: ({ id }: { id: string }) => {
        const catalog = this.catalogs.find((c) => c.id === idOf(id));
        return catalog ? this.catalogNode(catalog) : null;
      },
      companyLocation: ({ id }: { id: string }) => {
        const location = this.locations.find((l) => l.id === idOf(id));
        return location ? this.locationNode(location) : null;
      },
    };
  }

  private priceListNode(list: FakePriceList) {
    const catalog = this.catalogs.find((c) => c.id === list.catalogId);
    return {
      id: gid('PriceList', list.id),
      name: list.name,
      currency: list.currency,
      fixedPricesCount: list.fixed.size,
      parent: list.adjustment ? { adjustment: list.adjustment } : null,
      catalog: catalog ? this.catalogNode(catalog) : null,
      prices: (args: { first: number; after?: string; originType?: 'FIXED' | 'RELATIVE' }) => page(this.pricesOf(list).filter((p) => !args.originType || p.originType === args.originType), args),
    };
  }

  /** Fixed prices, then (with an adjustment) every other variant's price adjusted and rounded to the cent, as Shopify computes relative prices. */
  private pricesOf(list: FakePriceList) {
    const productOf = new Map(this.variants().map((v) => [v.id, v.product_id]));
    const price = (variantId: number, amount: string, originType: 'FIXED' | 'RELATIVE') => ({ variant: { id: gid('ProductVariant', variantId), product: { id: gid('Product', productOf.get(variantId) ?? 0) } }, price: { amount, currencyCode: list.currency }, originType });
    const prices = [...list.fixed].map(([variantId, amount]) => price(variantId, amount, 'FIXED'));
    const adjustment = list.adjustment;
    if (!adjustment) return prices;
    const factor = adjustment.type === 'PERCENTAGE_DECREASE' ? 1 - adjustment.value / 100 : 1 + adjustment.value / 100;
    for (const variant of this.variants()) if (!list.fixed.has(variant.id)) prices.push(price(variant.id, (Math.round(Number(variant.price) * factor * 100) / 100).toFixed(2), 'RELATIVE'));
    return prices;
  }

  private catalogNode(catalog: FakeCatalog) {
    const list = this.priceLists.find((l) => l.catalogId === catalog.id);
    return {
      __typename: catalog.kind,
      id: gid(catalog.kind, catalog.id),
      title: catalog.title,
      status: catalog.status,
      priceList: list ? () => this.priceListNode(list) : null,
      companyLocations: (args: { first: number; after?: string }) => page(this.locations.filter((l) => catalog.locationIds.includes(l.id)).map((l) => this.locationNode(l)), args),
    };
  }

  private locationNode(location: FakeCompanyLocation) {
    const company = this.companies.find((c) => c.id === location.companyId)!;
    const contact = (customerId: number) => ({ id: gid('CompanyContact', customerId), customer: { id: gid('Customer', customerId) } });
    return {
      id: gid('CompanyLocation', location.id),
      name: location.name,
      company: { id: gid('Company', company.id), name: company.name, mainContact: company.mainContact ? contact(company.mainContact) : null },
      roleAssignments: (args: { first: number; after?: string }) => page(location.contacts.map((c) => ({ companyContact: contact(c) })), args),
    };
  }
}
