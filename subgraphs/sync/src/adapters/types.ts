import type { ExternalSystem } from '../entities';
import type { ConnectorCredentials } from '../services/crypto';

/**
 * The contract between the sync engine and one kind of external system. An adapter speaks the
 * system's API (paging, auth, rate limits) and maps its records to and from Tradegraph's
 * shapes; the engine does everything else (checksums, conflicts, batching, retries, refs).
 *
 * Errors: an adapter throws {@link ExternalSystemError} (services/backoff.ts) — `retryable`
 * for 429 (with `retryAfterMs` from Retry-After), 5xx, 408 and network failures; permanent for
 * other 4xx and for answers it cannot read. {@link JsonHttpClient} (adapters/http.ts) does this.
 */
export interface ConnectorAdapter {
  readonly system: ExternalSystem;
  /**
   * Products (with their stock, when `withStock`) changed at or after `since` — all of them when
   * `since` is null — page by page. A system with no updated-at filter returns all and the
   * engine's checksums skip the unchanged.
   */
  products?(options: ReadOptions & { withStock: boolean }): AsyncGenerator<SourceProduct[]>;
  /** Customers changed at or after `since` (all when null), page by page. */
  customers?(options: ReadOptions): AsyncGenerator<SourceCustomer[]>;
  /** Creates the order in the system, or updates it when `externalId` is known; returns the system's id. */
  pushOrder?(order: OutboundOrder, externalId: string | null): Promise<{ externalId: string }>;
  /**
   * The order as an earlier push created it, looked up by our order id among the system's
   * orders created at or after `since`; null when there is none. Asked only when a push was
   * sent but its answer never recorded (the process or the database went away in between), so
   * the retry does not create the order a second time.
   */
  findPushedOrder?(order: OutboundOrder, since: Date): Promise<{ externalId: string } | null>;
  /** Sets the system's stock for products it knows (by their external ids). */
  pushStock?(levels: OutboundStockLevel[]): Promise<void>;
  /**
   * The records a webhook delivery carries (its signature already checked by the engine),
   * or null for a topic the adapter ignores.
   */
  fromWebhook?(topic: string, payload: unknown): WebhookRecords | null;
  /** Releases what the adapter holds (a login session …); the engine calls it once a run is done, whatever its outcome. */
  close?(): Promise<void>;
}

/** What one webhook delivery carries. */
export interface WebhookRecords {
  products?: SourceProduct[];
  customers?: SourceCustomer[];
}

/** What an adapter is made from: the connector's settings, its credentials opened. */
export interface AdapterContext {
  /** the system's API base URL (or, for CSV_FILE, the watched directory) */
  baseUrl: string;
  credentials: ConnectorCredentials;
  /** the connector's `fieldMapping` */
  mapping: FieldMapping;
  /** per HTTP request */
  timeoutMs: number;
}

/** An adapter class: built once per run from the connector's context. */
export type AdapterClass = new (context: AdapterContext) => ConnectorAdapter;

export interface ReadOptions {
  /** the last run's high-water mark of the records' updated-at, or null for everything */
  since: Date | null;
}

/**
 * The connector's declarative mapping, per entity. Every adapter reads the keys it knows and
 * ignores the rest. `fields` maps a Tradegraph field to a dot path in the source record
 * (e.g. `{ "sku": "itemId", "basePrice.amount": "price" }`), overriding the adapter's default.
 */
export interface FieldMapping {
  product?: { currency?: string; fields?: Record<string, string>; [key: string]: unknown };
  inventory?: { locations?: Record<string, string>; [key: string]: unknown };
  customer?: { currency?: string; fields?: Record<string, string>; [key: string]: unknown };
  order?: { fields?: Record<string, string>; [key: string]: unknown };
  [entity: string]: unknown;
}

/** A product as the source has it, mapped to what `upsertProducts` takes. */
export interface SourceProduct {
  /** the record's id in the system (for Shopify, the variant's) */
  externalId: string;
  /** when the source last changed it (ISO 8601), when the system says; drives the delta cursor and NEWEST_WINS */
  updatedAt: string | null;
  item: { sku: string; name: string; description?: string | null; brand?: string | null; basePrice: { amount: string; currency: string } };
  /** on-hand per Tradegraph warehouse code; empty when stock was not asked for or is unknown */
  stock: { warehouseCode: string; onHand: number }[];
}

/** A customer as the source has it, mapped to what `upsertCustomers` takes. */
export interface SourceCustomer {
  externalId: string;
  updatedAt: string | null;
  item: { code: string; name: string; email?: string | null; phone?: string | null; creditLimit: { amount: string; currency: string } };
}

/** An order pushed out, with what a system needs to book it. */
export interface OutboundOrder {
  id: string;
  number: string;
  status: string;
  placedAt: string;
  currency: string;
  total: string;
  customer: { id: string; code: string; name: string; email: string | null; /** the customer's id in this system, when synced from it */ externalId: string | null };
  lines: { sku: string; name: string; quantity: number; unitPrice: string; /** the product's id in this system, when synced from it */ externalId: string | null }[];
}

/** A stock level pushed out. */
export interface OutboundStockLevel {
  /** the product's id in the system */
  externalId: string;
  sku: string;
  warehouseCode: string;
  onHand: number;
  available: number;
}
