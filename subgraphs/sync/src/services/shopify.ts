import { ExternalSystemError, parseRetryAfter } from './backoff';

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
}

export interface ShopifyInventoryLevel {
  inventory_item_id: number;
  location_id: number;
  available: number | null;
}

export const SHOPIFY_API_VERSION = '2024-01';

/**
 * Reads a shop through the Shopify Admin REST API: cursor pagination by the `Link` header
 * (`rel="next"` with `page_info`), 250 records a page. 429 and 5xx are retryable (429 with its
 * Retry-After); other 4xx are permanent.
 */
export class ShopifyClient {
  constructor(private readonly baseUrl: string, private readonly accessToken: string, private readonly timeoutMs = 30_000) {}

  /** Every product, page by page. */
  products(): AsyncGenerator<ShopifyProduct[]> {
    return this.pages<ShopifyProduct>(`/admin/api/${SHOPIFY_API_VERSION}/products.json?limit=250`, 'products');
  }

  /** Every inventory level at the given locations, page by page. */
  inventoryLevels(locationIds: string[]): AsyncGenerator<ShopifyInventoryLevel[]> {
    return this.pages<ShopifyInventoryLevel>(`/admin/api/${SHOPIFY_API_VERSION}/inventory_levels.json?limit=250&location_ids=${locationIds.map(encodeURIComponent).join(',')}`, 'inventory_levels');
  }

  private async *pages<T>(path: string, key: string): AsyncGenerator<T[]> {
    let url: string | null = new URL(path, this.baseUrl).toString();
    while (url) {
      const response = await this.get(url);
      const body = (await response.json()) as Record<string, T[]>;
      yield body[key] ?? [];
      url = nextLink(response.headers.get('link'));
    }
  }

  private async get(url: string): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(url, { headers: { 'x-shopify-access-token': this.accessToken, accept: 'application/json' }, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw new ExternalSystemError(`Shopify is unreachable: ${(error as Error).message}`, true);
    }
    if (response.ok) return response;
    const text = (await response.text()).slice(0, 300);
    if (response.status === 429) throw new ExternalSystemError(`Shopify rate limit (HTTP 429): ${text}`, true, parseRetryAfter(response.headers.get('retry-after')));
    throw new ExternalSystemError(`Shopify answered HTTP ${response.status}: ${text}`, response.status >= 500 || response.status === 408);
  }
}

/** The `rel="next"` URL of a Link header, or null. */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part.trim());
    if (match) return match[1];
  }
  return null;
}
