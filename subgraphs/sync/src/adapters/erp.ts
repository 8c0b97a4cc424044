import { decimal, text } from './mapping';
import { recordsOf } from './odata';
import type { FieldMapping, SourceCustomer, SourceProduct, WebhookRecords } from './types';

/*
 * What the ERP adapters (NetSuite, SAP Business One, Dynamics 365) share: the mapping keys they
 * read alike, the shape of a mapped item or customer, and the webhook topics and payloads.
 */

/** The connector mapping as every ERP adapter reads it. */
export class ErpMapping {
  /** products' currency (`mapping.product.currency`), for prices that name none */
  readonly currency: string;
  /** customers' currency (`mapping.customer.currency`, else the products'), for credit limits that name none */
  readonly customerCurrency: string;
  /** the system's location or warehouse code → our warehouse code; levels elsewhere are skipped */
  readonly locations: Record<string, string>;
  readonly productFields?: Record<string, string>;
  readonly customerFields?: Record<string, string>;

  constructor(mapping: FieldMapping, defaultCurrency: string) {
    this.currency = mapping.product?.currency ?? defaultCurrency;
    this.customerCurrency = mapping.customer?.currency ?? this.currency;
    this.locations = mapping.inventory?.locations ?? {};
    this.productFields = mapping.product?.fields;
    this.customerFields = mapping.customer?.fields;
  }
}

/**
 * A product item from the values its record's field mapping read: the name falls back to the
 * SKU (and is cut to 200 characters), a missing or unreadable price is "0", a price without a
 * currency is in `currency`.
 */
export function erpProductItem(v: Record<string, unknown>, sku: string, currency: string): SourceProduct['item'] {
  return {
    sku,
    name: (text(v.name) || sku).slice(0, 200),
    description: text(v.description) || null,
    brand: text(v.brand) || null,
    basePrice: { amount: decimal(v['basePrice.amount']) || '0', currency: text(v['basePrice.currency']) || currency },
  };
}

/**
 * A customer item from the values its record's field mapping read: `name` falls back to the
 * code (cut to 200 characters), a missing credit limit is "0", one without a currency is in
 * `currency`.
 */
export function erpCustomerItem(v: Record<string, unknown>, code: string, name: string, currency: string): SourceCustomer['item'] {
  return {
    code,
    name: (name || code).slice(0, 200),
    email: text(v.email) || null,
    phone: text(v.phone) || null,
    creditLimit: { amount: decimal(v['creditLimit.amount']) || '0', currency: text(v['creditLimit.currency']) || currency },
  };
}

/** Webhook topics that carry item records. */
export const PRODUCT_TOPICS = ['product.created', 'product.updated', 'item.created', 'item.updated'];
/** Webhook topics that carry customer records (an adapter may take more). */
export const CUSTOMER_TOPICS = ['customer.created', 'customer.updated'];

/**
 * The records an ERP webhook carries: items for {@link PRODUCT_TOPICS}, customers for
 * `customerTopics`; the payload is one record or `{ value: [records] }` (see recordsOf), and
 * records the adapter does not take (`keepProduct` / `keepCustomer` false) are dropped. Other
 * topics: null.
 */
export function erpWebhookRecords<I, C>(
  topic: string,
  payload: unknown,
  read: { product: (record: I) => SourceProduct; customer: (record: C) => SourceCustomer; keepProduct?: (record: I) => boolean; keepCustomer?: (record: C) => boolean; customerTopics?: string[] },
): WebhookRecords | null {
  if (PRODUCT_TOPICS.includes(topic)) return { products: recordsOf<I>(payload).filter(read.keepProduct ?? (() => true)).map(read.product) };
  if ((read.customerTopics ?? CUSTOMER_TOPICS).includes(topic)) return { customers: recordsOf<C>(payload).filter(read.keepCustomer ?? (() => true)).map(read.customer) };
  return null;
}
