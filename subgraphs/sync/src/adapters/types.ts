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
   * Whether a read with `since` null returns every record the system has, so that the refs a
   * full run did not see are records it deleted (reconciled under deletions ARCHIVE). Absent for
   * sources whose reads are deltas by nature (CSV files), which must never reconcile.
   */
  readonly listsEverything?: boolean;
  /**
   * The account the adapter reads within its baseUrl, when the URL alone does not name it (SAP
   * B1: the company database; Business Central: the company id). Part of an inbound order's
   * idempotency key (services/inbound-orders.ts sourceAccountOf), so two connectors to the same
   * account share keys and two accounts behind one server never do.
   */
  readonly sourceAccount?: string;
  /**
   * Products (with their stock, when `withStock`) changed at or after `since` — all of them when
   * `since` is null — page by page. A system with no updated-at filter returns all and the
   * engine's checksums skip the unchanged.
   */
  products?(options: ReadOptions & { withStock: boolean }): AsyncGenerator<SourceProduct[]>;
  /** Customers changed at or after `since` (all when null), page by page. */
  customers?(options: ReadOptions): AsyncGenerator<SourceCustomer[]>;
  /**
   * The system's customer-specific price lists, whole (prices and the customers buying from
   * each), a few lists at a time; read on every run that asks for PRICE_LIST (no delta: a
   * list is compared by checksum). services/price-lists.ts applies them.
   */
  priceLists?(): AsyncGenerator<SourcePriceList[]>;
  /** Sales orders created or changed at or after `since` (all when null), page by page; services/inbound-orders.ts places them. */
  orders?(options: ReadOptions): AsyncGenerator<SourceOrder[]>;
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
   * Updates products the system knows (each by its external id; Shopify: the variant's) to
   * Tradegraph's values of the {@link ConnectorAdapter.pushedFields} it writes. A record the
   * system refuses (gone, invalid) is reported in `failed`; a retryable failure throws.
   * services/outbound-records.ts calls it for changes made in Tradegraph, never for sync's own echo.
   */
  pushProducts?(products: OutboundRecord<SourceProduct['item']>[]): Promise<PushOutcome>;
  /** Updates customers the system knows (by their external ids), as {@link pushProducts}. */
  pushCustomers?(customers: OutboundRecord<SourceCustomer['item']>[]): Promise<PushOutcome>;
  /**
   * The field groups (services/field-groups.ts: `name`, `basePrice` …) pushProducts and
   * pushCustomers write: a change to one of them is pushed, and after a push only they count as
   * agreed by both sides (a group the system does not hold, such as Shopify's credit limit,
   * is left as it was). Absent: every group.
   */
  readonly pushedFields?: { product?: readonly string[]; customer?: readonly string[] };
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
  /** also read what says a record was deleted or made inactive (`inactive`): the connector archives such records */
  flagInactive?: boolean;
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
  /** deleted or made inactive at the source (when the adapter can tell): archived under deletions ARCHIVE */
  inactive?: boolean;
}

/** A customer as the source has it, mapped to what `upsertCustomers` takes. */
export interface SourceCustomer {
  externalId: string;
  updatedAt: string | null;
  item: { code: string; name: string; email?: string | null; phone?: string | null; creditLimit: { amount: string; currency: string } };
  /** deleted or made inactive at the source (when the adapter can tell): archived under deletions ARCHIVE */
  inactive?: boolean;
}

/**
 * A customer-specific price list as the source has it (a NetSuite price level, a SAP B1 price
 * list, a Business Central customer price group), with products and customers by their ids in
 * the system: sync maps them through its ExternalRefs.
 */
export interface SourcePriceList {
  /** the list's id in the system */
  externalId: string;
  name: string;
  /** ISO 4217; every price of the list is in it */
  currency: string;
  /** explicit prices; a product the list has no price for is sold at its base price */
  prices: { productExternalId: string; amount: string }[];
  /** the customers buying from this list */
  customerExternalIds: string[];
}

/** Where a source order stands, as far as Tradegraph follows it: CANCELLED cancels ours, FULFILLED completes it. */
export type SourceOrderStatus = 'OPEN' | 'CANCELLED' | 'FULFILLED';

/** A sales order as the source has it; customer and products by their ids in the system (mapped through ExternalRefs). */
export interface SourceOrder {
  externalId: string;
  /** the number people know it by in the system (Shopify "#1001", a DocNum …), for the order's notes and messages */
  number: string;
  updatedAt: string | null;
  status: SourceOrderStatus;
  /** the customer's id in the system; null when the order names none */
  customerExternalId: string | null;
  /** product: the item's (Shopify: variant's) id in the system, null for a line that names no item (a custom line) */
  lines: { productExternalId: string | null; quantity: number }[];
  /**
   * The order was created by a Tradegraph push (it carries our order id or number where the
   * push writes it): the order is Tradegraph's, never taken in again.
   */
  fromTradegraph: boolean;
  /**
   * The Tradegraph order id the order claims to be (Shopify: `source_identifier`, which our push
   * sets): the order is Tradegraph's only when a push of that order to this connector exists
   * (services/inbound-orders.ts checks), since other channels and apps can write the field too.
   */
  claimedOrderId?: string | null;
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

/** A product or customer pushed out: Tradegraph's values, shaped as the inbound item, for the record the system has. */
export interface OutboundRecord<I> {
  /** the record's id in the system (Shopify products: the variant's) */
  externalId: string;
  /** Tradegraph's id of the product or customer */
  entityId: string;
  item: I;
  /** the field groups to write (those Tradegraph changed since both sides last agreed): the others are not sent, so edits made in the system stay */
  groups: string[];
  /**
   * Given the system's current record (as the inbound item), the groups of `groups` the system
   * changed too since both sides last agreed. An adapter that reads the record anyway calls it
   * and writes none of those groups: it reports them in {@link PushOutcome.conflicts}. Absent:
   * write `groups` as they are (a conflict already settled for Tradegraph).
   */
  changedInSystem?: (current: I) => string[];
}

/** What a push of products or customers did: the records the system refused, with its reason, and the groups it did not write because the system changed them too. */
export interface PushOutcome {
  failed: { externalId: string; message: string }[];
  conflicts?: { externalId: string; groups: string[]; current: PushedItem; updatedAt: string | null }[];
}

/** The system's current record in a conflict: the inbound item of the entity pushed. */
export type PushedItem = SourceProduct['item'] | SourceCustomer['item'];
