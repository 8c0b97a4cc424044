import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A scripted failure: the next request gets this status (and Retry-After, for 429). */
export interface FakeFailure {
  status: number;
  retryAfterSeconds?: number;
}

export interface FakeProduct {
  id: number;
  title: string;
  vendor: string;
  variants: { id: number; product_id: number; title: string; sku: string; price: string; inventory_item_id: number }[];
}

/**
 * A local Shopify that speaks the Admin REST shape sync reads: `GET /admin/api/2024-01/products.json`
 * and `inventory_levels.json` with `limit` and cursor pagination in the `Link` header
 * (`page_info`), the `X-Shopify-Access-Token` header, and scripted 429 (with Retry-After) and
 * 5xx answers.
 */
export class FakeShopify {
  products: FakeProduct[] = [];
  /** inventory_item_id → available, at {@link locationId} */
  levels = new Map<number, number>();
  readonly locationId = 555_001;
  readonly accessToken = 'shpat_fake_token';
  /** answered before anything else, one per request */
  failures: FakeFailure[] = [];
  /** when set, every request gets this status */
  down: number | null = null;
  requests = 0;
  url = '';
  private server?: http.Server;

  /** `count` products with one variant each; stock = index % 50. */
  seed(count: number, prefix = 'SHOP'): void {
    this.products = Array.from({ length: count }, (_, i) => {
      const id = 7_000_000 + i;
      const variant = { id: 9_000_000 + i, product_id: id, title: 'Default Title', sku: `${prefix}-${String(i).padStart(5, '0')}`, price: `${(10 + (i % 90)).toFixed(2)}`, inventory_item_id: 4_000_000 + i };
      this.levels.set(variant.inventory_item_id, i % 50);
      return { id, title: `Shop product ${i}`, vendor: 'Fake Vendor', variants: [variant] };
    });
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    this.requests++;
    const url = new URL(req.url ?? '/', this.url);
    const failure = this.down !== null ? { status: this.down } : this.failures.shift();
    if (failure) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (failure.retryAfterSeconds !== undefined) headers['retry-after'] = String(failure.retryAfterSeconds);
      res.writeHead(failure.status, headers).end(JSON.stringify({ errors: failure.status === 429 ? 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' : 'Internal Server Error' }));
      return;
    }
    if (req.headers['x-shopify-access-token'] !== this.accessToken) {
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' }));
      return;
    }
    const limit = Math.min(250, Number(url.searchParams.get('limit') ?? 50));
    // Like Shopify, page_info carries the filters of the first request; only limit may be given with it.
    const cursor = url.searchParams.has('page_info')
      ? (JSON.parse(Buffer.from(url.searchParams.get('page_info')!, 'base64url').toString()) as { offset: number; locationIds: string })
      : { offset: 0, locationIds: url.searchParams.get('location_ids') ?? '' };
    const offset = cursor.offset;
    let key: string;
    let all: unknown[];
    if (url.pathname === '/admin/api/2024-01/products.json') {
      key = 'products';
      all = this.products;
    } else if (url.pathname === '/admin/api/2024-01/inventory_levels.json') {
      key = 'inventory_levels';
      const locations = cursor.locationIds.split(',');
      all = locations.includes(String(this.locationId))
        ? [...this.levels].map(([inventory_item_id, available]) => ({ inventory_item_id, location_id: this.locationId, available, updated_at: '2026-01-01T00:00:00Z' }))
        : [];
    } else {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: 'Not Found' }));
      return;
    }
    const page = all.slice(offset, offset + limit);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (offset + limit < all.length) {
      const next = new URL(url.toString());
      for (const name of [...next.searchParams.keys()]) if (name !== 'limit') next.searchParams.delete(name);
      next.searchParams.set('page_info', Buffer.from(JSON.stringify({ offset: offset + limit, locationIds: cursor.locationIds })).toString('base64url'));
      headers.link = `<${next.toString()}>; rel="next"`;
    }
    res.writeHead(200, headers).end(JSON.stringify({ [key]: page }));
  }
}
