import { ExternalSystem } from '../entities';
import { ExternalSystemError } from '../services/backoff';
import { JsonHttpClient, nextLink } from './http';
import { mapFields, mapPages, text } from './mapping';
import { inactiveIf } from './mapping';
import { pushShopifyCustomers, pushShopifyProducts, SHOPIFY_PUSHED_FIELDS } from './shopify-push';
import type { OutboundRecord, PushOutcome } from './types';
import { orderFromShopify, SHOPIFY_ORDER_FIELDS, type ShopifyOrder } from './shopify-orders';
import { ShopifyGraphQL, shopifyPriceLists } from './shopify-price-lists';
import type { AdapterContext, ConnectorAdapter, OutboundOrder, OutboundStockLevel, SourceCustomer, SourceOrder, SourcePriceList, SourceProduct, WebhookRecords } from './types';

/** A Shopify Admin REST product (the fields sync reads). */
export interface ShopifyProduct {
  id: number;
  title: string;
  body_html?: string | null;
  vendor?: string | null;
  status?: string;
  updated_at?: string;
  variants: ShopifyVariant[];
}

export interface ShopifyVariant {
  id: number;
  product_id: number;
  title: string;
  sku: string | null;
  price: string;
  inventory_item_id: number;
  updated_at?: string;
}

export interface ShopifyInventoryLevel {
  inventory_item_id: number;
  location_id: number;
  available: number | null;
}

export interface ShopifyCustomer {
  id: number;
  email?: string | null;
  phone?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  updated_at?: string;
  default_address?: { company?: string | null } | null;
  [key: string]: unknown;
}

export const SHOPIFY_API_VERSION = '2024-01';
const API = `/admin/api/${SHOPIFY_API_VERSION}`;

/** Maps a Shopify product's variants to Tradegraph products: one per variant, keyed by the variant id. */
export function productsFromShopify(product: ShopifyProduct, currency: string, stockByItem: Map<number, { warehouseCode: string; onHand: number }[]>): SourceProduct[] {
  return product.variants.map((variant) => ({
    externalId: String(variant.id),
    updatedAt: variant.updated_at ?? product.updated_at ?? null,
    item: {
      sku: variant.sku || `shopify-${variant.id}`,
      name: (variant.title && variant.title !== 'Default Title' ? `${product.title} — ${variant.title}` : product.title).slice(0, 200),
      description: product.body_html ?? null,
      brand: product.vendor ?? null,
      basePrice: { amount: variant.price, currency },
    },
    stock: stockByItem.get(variant.inventory_item_id) ?? [],
    // Archived in Shopify: no longer sold (products/delete is not mapped: it names the product, refs are per variant; full runs find those).
    ...inactiveIf(product.status === 'archived'),
  }));
}

const CUSTOMER_FIELDS = { code: 'id', firstName: 'first_name', lastName: 'last_name', company: 'default_address.company', email: 'email', phone: 'phone' };

/** Maps a Shopify customer: the code is `shopify-<id>` and the name the company, else the person. */
export function customerFromShopify(customer: ShopifyCustomer, currency: string, fields?: Record<string, string>): SourceCustomer {
  const v = mapFields(customer, CUSTOMER_FIELDS, fields);
  const person = [text(v.firstName), text(v.lastName)].filter(Boolean).join(' ');
  return {
    externalId: String(customer.id),
    updatedAt: customer.updated_at ?? null,
    item: {
      code: fields?.code ? text(v.code) : `shopify-${customer.id}`,
      name: (text(v.company) || person || text(v.email) || `Shopify customer ${customer.id}`).slice(0, 200),
      email: text(v.email) || null,
      phone: text(v.phone) || null,
      creditLimit: { amount: '0', currency },
    },
  };
}

/**
 * Shopify through its Admin REST API: cursor pagination by the `Link` header (`rel="next"`
 * with `page_info`, 250 a page), `updated_at_min` for deltas (not for products read with their
 * stock: inventory changes do not move a product's updated_at), `X-Shopify-Access-Token` auth.
 *
 * - products: one SourceProduct per variant; stock from `inventory_levels.json` at the
 *   locations in `mapping.inventory.locations` (Shopify location id → warehouse code).
 * - orders: `GET orders.json?status=any&updated_at_min=…` (services/inbound-orders.ts places them);
 * - priceLists: B2B catalogs' price lists through the GraphQL Admin API (`POST graphql.json`,
 *   waiting out cost throttling), by variant and customer id (shopify-price-lists.ts);
 * - findPushedOrder: `GET orders.json?status=any&created_at_min=…`, matched by `source_identifier`
 *   (our order id), when an earlier push's answer was lost;
 * - pushOrder: `POST orders.json` (lines by variant id when the product came from this shop,
 *   else by title and price), `PUT orders/{id}.json` for a known order (note, tags, status).
 * - pushStock: `inventory_levels/set.json` per level, at the location mapped to its warehouse.
 * - pushProducts / pushCustomers: `PUT variants|products|customers/{id}.json`, changed groups only;
 *   a product's price only in the shop's currency (shopify-push.ts).
 * - webhooks: `products/create|update`, `customers/create|update`; other topics are ignored.
 */
export class ShopifyAdapter implements ConnectorAdapter {
  readonly system = ExternalSystem.SHOPIFY;
  readonly listsEverything = true;
  readonly pushedFields = SHOPIFY_PUSHED_FIELDS;
  private readonly http: JsonHttpClient;
  private readonly currency: string;
  private readonly locations: Record<string, string>;

  constructor(private readonly context: AdapterContext) {
    if (!context.credentials.accessToken) throw new ExternalSystemError('the connector has no Shopify accessToken in its credentials', false);
    this.http = new JsonHttpClient('Shopify', context.baseUrl, { 'x-shopify-access-token': String(context.credentials.accessToken) }, context.timeoutMs);
    this.currency = context.mapping.product?.currency ?? 'EUR';
    this.locations = context.mapping.inventory?.locations ?? {};
  }

  async *products(options: { since: Date | null; withStock: boolean }): AsyncGenerator<SourceProduct[]> {
    const stockByItem = new Map<number, { warehouseCode: string; onHand: number }[]>();
    if (options.withStock && Object.keys(this.locations).length) {
      for await (const page of this.pages<ShopifyInventoryLevel>(`${API}/inventory_levels.json?limit=250&location_ids=${Object.keys(this.locations).map(encodeURIComponent).join(',')}`, 'inventory_levels')) {
        for (const level of page) {
          const warehouseCode = this.locations[String(level.location_id)];
          if (!warehouseCode) continue;
          const list = stockByItem.get(level.inventory_item_id) ?? [];
          list.push({ warehouseCode, onHand: Math.max(0, level.available ?? 0) });
          stockByItem.set(level.inventory_item_id, list);
        }
      }
    }
    // A stock change does not move a product's updated_at, so a run that carries stock reads every product (checksums skip the unchanged).
    const from = options.withStock ? null : options.since;
    for await (const page of this.pages<ShopifyProduct>(`${API}/products.json?limit=250${since(from)}`, 'products')) {
      yield page.flatMap((product) => productsFromShopify(product, this.currency, stockByItem));
    }
  }

  async *customers(options: { since: Date | null }): AsyncGenerator<SourceCustomer[]> {
    const currency = this.context.mapping.customer?.currency ?? this.currency;
    yield* mapPages(this.pages<ShopifyCustomer>(`${API}/customers.json?limit=250${since(options.since)}`, 'customers'), (c) => customerFromShopify(c, currency, this.context.mapping.customer?.fields));
  }

  /** Orders of any status (`status=any`: Shopify lists open ones only by default) changed since `since`. */
  async *orders(options: { since: Date | null }): AsyncGenerator<SourceOrder[]> {
    yield* mapPages(this.pages<ShopifyOrder>(`${API}/orders.json?limit=250&status=any&fields=${SHOPIFY_ORDER_FIELDS}${since(options.since)}`, 'orders'), orderFromShopify);
  }

  priceLists(): AsyncGenerator<SourcePriceList[]> {
    return shopifyPriceLists(new ShopifyGraphQL(this.http, `${API}/graphql.json`));
  }

  async pushOrder(order: OutboundOrder, externalId: string | null): Promise<{ externalId: string }> {
    const note = `Tradegraph order ${order.number}`;
    const tags = `tradegraph,${order.status.toLowerCase()}`;
    if (externalId) {
      await this.http.put(`${API}/orders/${encodeURIComponent(externalId)}.json`, { order: { id: Number(externalId), note, tags } });
      return { externalId };
    }
    const body = {
      order: {
        email: order.customer.email ?? undefined,
        customer: order.customer.externalId ? { id: Number(order.customer.externalId) } : undefined,
        currency: order.currency,
        financial_status: 'pending',
        note,
        tags,
        source_identifier: order.id,
        line_items: order.lines.map((line) => (line.externalId ? { variant_id: Number(line.externalId), quantity: line.quantity, price: line.unitPrice } : { title: line.name, sku: line.sku, quantity: line.quantity, price: line.unitPrice })),
      },
    };
    const created = await this.http.post<{ order?: { id?: number } }>(`${API}/orders.json`, body);
    const id = created.body?.order?.id;
    if (id === undefined) throw new ExternalSystemError('Shopify created the order but its answer has no order.id', false);
    return { externalId: String(id) };
  }

  async findPushedOrder(order: OutboundOrder, createdSince: Date): Promise<{ externalId: string } | null> {
    const path = `${API}/orders.json?limit=250&status=any&fields=id,source_identifier&created_at_min=${encodeURIComponent(createdSince.toISOString())}`;
    for await (const page of this.pages<{ id: number; source_identifier?: string | null }>(path, 'orders')) {
      const found = page.find((o) => o.source_identifier === order.id);
      if (found) return { externalId: String(found.id) };
    }
    return null;
  }

  async pushStock(levels: OutboundStockLevel[]): Promise<void> {
    const locationOf = new Map(Object.entries(this.locations).map(([location, warehouse]) => [warehouse, location]));
    for (const level of levels) {
      const location = locationOf.get(level.warehouseCode);
      if (!location) continue; // a warehouse the shop does not stock
      const variant = await this.http.get<{ variant?: ShopifyVariant }>(`${API}/variants/${encodeURIComponent(level.externalId)}.json`);
      const item = variant.body?.variant?.inventory_item_id;
      if (item === undefined) throw new ExternalSystemError(`Shopify has no variant ${level.externalId}`, false);
      await this.http.post(`${API}/inventory_levels/set.json`, { location_id: Number(location), inventory_item_id: item, available: level.available });
    }
  }

  pushProducts(products: OutboundRecord<SourceProduct['item']>[]): Promise<PushOutcome> {
    return pushShopifyProducts(this.http, API, this.currency, products, (product) => productsFromShopify(product, this.currency, new Map()));
  }

  pushCustomers(customers: OutboundRecord<SourceCustomer['item']>[]): Promise<PushOutcome> {
    return pushShopifyCustomers(this.http, API, customers);
  }

  fromWebhook(topic: string, payload: unknown): WebhookRecords | null {
    if (topic === 'products/create' || topic === 'products/update') return { products: productsFromShopify(payload as ShopifyProduct, this.currency, new Map()) };
    if (topic === 'customers/create' || topic === 'customers/update') {
      return { customers: [customerFromShopify(payload as ShopifyCustomer, this.context.mapping.customer?.currency ?? this.currency, this.context.mapping.customer?.fields)] };
    }
    return null;
  }

  private async *pages<T>(path: string, key: string): AsyncGenerator<T[]> {
    let url: string | null = this.http.url(path);
    while (url) {
      const response: { headers: Headers; body: Record<string, T[]> | null } = await this.http.get<Record<string, T[]>>(url);
      yield response.body?.[key] ?? [];
      url = nextLink(response.headers.get('link'));
    }
  }
}

function since(date: Date | null): string {
  return date ? `&updated_at_min=${encodeURIComponent(date.toISOString())}` : '';
}

