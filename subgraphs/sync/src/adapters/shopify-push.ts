import { ExternalSystemError } from '../services/backoff';
import type { JsonHttpClient } from './http';
import type { ShopifyProduct, ShopifyVariant } from './shopify';
import type { OutboundRecord, PushOutcome, SourceCustomer, SourceProduct } from './types';

/*
 * Products and customers pushed to Shopify (Admin REST), the reverse of the inbound mapping in
 * shopify.ts, so that the shop's next read of a pushed record gives back the same groups.
 */

/** The field groups the pushes below write (ShopifyAdapter.pushedFields): Shopify has no credit limit. */
export const SHOPIFY_PUSHED_FIELDS = { product: ['name', 'description', 'brand', 'basePrice'], customer: ['name', 'email', 'phone'] } as const;

/** A record Shopify refuses (gone: 404, invalid: 422 …) fails alone; a retryable failure (429, 5xx, network) fails the run, which retries. */
async function eachRecord<T extends { externalId: string }>(records: T[], push: (record: T) => Promise<void>): Promise<PushOutcome> {
  const failed: PushOutcome['failed'] = [];
  for (const record of records) {
    try {
      await push(record);
    } catch (error) {
      if (!(error instanceof ExternalSystemError) || error.retryable) throw error;
      failed.push({ externalId: record.externalId, message: error.message });
    }
  }
  return { failed };
}

/** Shopify product fields per field group (`basePrice` is the variant's price). */
const PRODUCT_FIELDS: Record<string, (item: SourceProduct['item'], title: string) => [string, unknown]> = {
  name: (_item, title) => ['title', title],
  description: (item) => ['body_html', item.description ?? null],
  brand: (item) => ['vendor', item.brand ?? null],
};

/**
 * Per product (a variant, by its id), only the record's changed groups: the variant's price
 * (`PUT variants/{id}.json`), and the product's title, description and vendor
 * (`PUT products/{product_id}.json`), read first (`GET`) when one of those is pushed, so a
 * group the merchant changed too is not overwritten but reported as a conflict. Inbound, a
 * variant other than the default one is named `<product title> — <variant title>`: that
 * suffix is taken off again, so the title is the product's. A price in another currency than
 * the shop's fails the record: Shopify prices carry no currency, the number would be taken as
 * the shop's.
 */
export function pushShopifyProducts(
  http: JsonHttpClient,
  api: string,
  currency: string,
  products: OutboundRecord<SourceProduct['item']>[],
  /** the inbound mapping (shopify.ts productsFromShopify), so the shop's record compares as inbound reads it */
  inbound: (product: ShopifyProduct) => SourceProduct[],
): Promise<PushOutcome> {
  const conflicts: NonNullable<PushOutcome['conflicts']> = [];
  const outcome = eachRecord(products, async ({ externalId, item, groups, changedInSystem }) => {
    if (groups.includes('basePrice') && item.basePrice.currency !== currency) {
      throw new ExternalSystemError(`the product's price is in ${item.basePrice.currency} but the shop sells in ${currency}: not pushed (give it a ${currency} price or map the connector's currency)`, false);
    }
    const found = await http.get<{ variant?: ShopifyVariant }>(`${api}/variants/${encodeURIComponent(externalId)}.json`);
    const variant = found.body?.variant;
    if (!variant) throw new ExternalSystemError(`Shopify has no variant ${externalId}`, false);
    const productGroups = groups.filter((g) => g in PRODUCT_FIELDS);
    let product: ShopifyProduct | undefined;
    if (productGroups.length && changedInSystem) {
      product = (await http.get<{ product?: ShopifyProduct }>(`${api}/products/${variant.product_id}.json`)).body?.product;
      if (!product) throw new ExternalSystemError(`Shopify has no product ${variant.product_id}`, false);
    }
    const current = product ? inbound(product).find((p) => p.externalId === String(variant.id)) : undefined;
    // Without the product read the shop's price alone is compared; the other groups are not pushed unread.
    const shop = current?.item ?? { ...item, basePrice: { amount: variant.price, currency } };
    const theirs = changedInSystem ? changedInSystem(shop).filter((g) => current || g === 'basePrice') : [];
    if (theirs.length) conflicts.push({ externalId, groups: theirs, current: shop, updatedAt: variant.updated_at ?? product?.updated_at ?? null });
    const push = groups.filter((g) => !theirs.includes(g));
    if (push.includes('basePrice')) await http.put(`${api}/variants/${variant.id}.json`, { variant: { id: variant.id, price: item.basePrice.amount } });
    const suffix = variant.title && variant.title !== 'Default Title' ? ` — ${variant.title}` : '';
    const title = suffix && item.name.endsWith(suffix) ? item.name.slice(0, -suffix.length) : item.name;
    const fields = Object.fromEntries(push.filter((g) => g in PRODUCT_FIELDS).map((g) => PRODUCT_FIELDS[g](item, title)));
    if (Object.keys(fields).length) await http.put(`${api}/products/${variant.product_id}.json`, { product: { id: variant.product_id, ...fields } });
  });
  return outcome.then((o) => ({ ...o, conflicts }));
}

/**
 * Per customer: `PUT customers/{id}.json` with its changed groups only: the email, the phone,
 * the name as first and last name (split at the first space, as inbound joins them).
 */
export function pushShopifyCustomers(http: JsonHttpClient, api: string, customers: OutboundRecord<SourceCustomer['item']>[]): Promise<PushOutcome> {
  return eachRecord(customers, async ({ externalId, item, groups }) => {
    const space = item.name.indexOf(' ');
    const [firstName, lastName] = space < 0 ? [item.name, ''] : [item.name.slice(0, space), item.name.slice(space + 1)];
    const fields = {
      ...(groups.includes('name') ? { first_name: firstName, last_name: lastName } : {}),
      ...(groups.includes('email') ? { email: item.email ?? null } : {}),
      ...(groups.includes('phone') ? { phone: item.phone ?? null } : {}),
    };
    if (Object.keys(fields).length) await http.put(`${api}/customers/${encodeURIComponent(externalId)}.json`, { customer: { id: Number(externalId), ...fields } });
  });
}
