/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. Inputs must lie from 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z. */
  DateTime: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: any; output: any; }
};

/** A postal address of a customer. */
export type Address = {
  city: Scalars['String']['output'];
  /** ISO 3166-1 alpha-2 country code. */
  country: Scalars['String']['output'];
  kind: AddressKind;
  line1: Scalars['String']['output'];
  line2?: Maybe<Scalars['String']['output']>;
  postalCode: Scalars['String']['output'];
  region?: Maybe<Scalars['String']['output']>;
};

export type AddressInput = {
  city: Scalars['String']['input'];
  country: Scalars['String']['input'];
  kind: AddressKind;
  line1: Scalars['String']['input'];
  line2?: InputMaybe<Scalars['String']['input']>;
  postalCode: Scalars['String']['input'];
  region?: InputMaybe<Scalars['String']['input']>;
};

export type AddressKind =
  | 'BILLING'
  | 'SHIPPING';

/** A correction of what is on hand (after counting, damage, loss). */
export type AdjustStockInput = {
  /** Units to add (positive) or remove (negative); not 0. onHand may not fall below reserved. */
  delta: Scalars['Int']['input'];
  productId: Scalars['ID']['input'];
  /** Why; required. */
  reason: Scalars['String']['input'];
  warehouseId: Scalars['ID']['input'];
};

/** Narrows an agent list; all given conditions must hold. */
export type AgentFilter = {
  status?: InputMaybe<AgentStatus>;
  territoryId?: InputMaybe<Scalars['ID']['input']>;
  /** Matches name, employee id or email (case-insensitive substring). */
  text?: InputMaybe<Scalars['String']['input']>;
};

/** What an agent did with the visits scheduled in a period [from, to). */
export type AgentPerformance = {
  /** Of those, COMPLETED. */
  completed: Scalars['Int']['output'];
  /** completed / (completed + missed); null when there is neither. */
  completionRate?: Maybe<Scalars['Float']['output']>;
  /** Of those, MISSED. */
  missed: Scalars['Int']['output'];
  /** Of those, checked in farther from the customer than the check-in radius. */
  offSiteCheckIns: Scalars['Int']['output'];
  /** Visits scheduled in the period, whatever their status. */
  planned: Scalars['Int']['output'];
};

/** Orders an agent placed in a period [from, to) by placement time, in every status but CANCELLED (PENDING, PROCESSING, COMPLETED and REFUNDED count). */
export type AgentSales = {
  orderCount: Scalars['Int']['output'];
  /** The orders' totals (tax included); null when there are none, or when they span several currencies (see revenueByCurrency). */
  revenue?: Maybe<Money>;
  /** The totals per currency. */
  revenueByCurrency: Array<Money>;
};

/** An INACTIVE agent keeps its history but gets no new visits and sees no customers. */
export type AgentStatus =
  | 'ACTIVE'
  | 'INACTIVE';

/** A partner's API key. Its secret is shown once, when it is created; only a hash of it is kept. */
export type ApiKey = {
  createdAt: Scalars['DateTime']['output'];
  /** After this instant the key is refused; null: it does not expire. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** The last request made with the key, recorded at most about once a minute. */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  partner?: Maybe<Partner>;
  /** The key's public start ("tgk_3fa9c2d1"), safe to show in logs and dashboards. */
  prefix: Scalars['String']['output'];
  /** When the key was revoked; a revoked key is refused. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Scopes the key's requests carry (with the PARTNER role). */
  scopes: Array<Scalars['String']['output']>;
};

/** Who made a change; both null for the system's own jobs. */
export type AuditActor = {
  /** The caller's highest role then: ADMIN, MANAGER, AGENT, SERVICE or PARTNER. */
  role?: Maybe<Scalars['String']['output']>;
  /** The caller's subject (a user, a service, a partner key). */
  subject?: Maybe<Scalars['String']['output']>;
};

/** One changed field of an audited change. */
export type AuditChange = {
  /** The value after; null for a removed record, and when withheld. */
  after?: Maybe<Scalars['JSON']['output']>;
  /** The value before; null for a new record, and when withheld. */
  before?: Maybe<Scalars['JSON']['output']>;
  field: Scalars['String']['output'];
  /** Set when the values are not kept: the log says that the field changed, not to what. */
  withheld?: Maybe<AuditWithheld>;
};

/** One audited change made through the API. ADMIN. */
export type AuditEntry = {
  /** What was done, lower case: created, updated, deleted, status_changed … */
  action: Scalars['String']['output'];
  actor: AuditActor;
  /** The changed fields, in the order the subgraph audits them. */
  changes: Array<AuditChange>;
  /** The GraphQL type changed, e.g. Product, PriceList, Connector. */
  entity: Scalars['String']['output'];
  /** The changed record's id. */
  entityId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  /** When the change was made: the owning subgraph's clock as it wrote the entry, inside the change's transaction (before that committed). The log's order. */
  occurredAt: Scalars['DateTime']['output'];
  /** When the audit log stored the entry. Usually a moment after occurredAt, but an entry can arrive long after it (the audit log or the event bus was down, a subgraph's outbox waited): an export that polls by occurredAt misses such late entries; page the whole log or compare against what was exported before. */
  recordedAt: Scalars['DateTime']['output'];
  /** The x-request-id of the request that made the change; null for background jobs. */
  requestId?: Maybe<Scalars['String']['output']>;
  /** The subgraph that made the change. */
  subgraph: Scalars['String']['output'];
};

export type AuditEntryConnection = {
  edges: Array<AuditEntryEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type AuditEntryEdge = {
  /** Opaque keyset cursor: pass it as `after` (or `before`) to continue from here. */
  cursor: Scalars['String']['output'];
  node: AuditEntry;
};

/** Which audit entries to list; the conditions given all apply. */
export type AuditLogFilter = {
  /** The subject of the caller who made the change. */
  actor?: InputMaybe<Scalars['String']['input']>;
  /** The GraphQL type changed, e.g. Product. */
  entity?: InputMaybe<Scalars['String']['input']>;
  /** The changed record's id. */
  entityId?: InputMaybe<Scalars['ID']['input']>;
  /** Occurred at or after. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Occurred before. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** PERSONAL: personal data, kept only by its owner (customers); SECRET: never kept anywhere. */
export type AuditWithheld =
  | 'PERSONAL'
  | 'SECRET';

/** A node in the catalog's category tree. */
export type Category = {
  children: Array<Category>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  parent?: Maybe<Category>;
  /** URL-safe unique name, e.g. "power-tools". */
  slug: Scalars['String']['output'];
};

/** How the visit ended. */
export type CompleteVisitInput = {
  checkOut: GeoFixInput;
  notes?: InputMaybe<Scalars['String']['input']>;
  outcome?: InputMaybe<Scalars['String']['input']>;
  photoUrls?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Who wins when both sides changed a record since the last sync. */
export type ConflictPolicy =
  | 'MANUAL'
  | 'NEWEST_WINS'
  | 'SOURCE_WINS'
  | 'SUPERGRAPH_WINS';

/** Which version of a conflicting record won: the external system's or the supergraph's. */
export type ConflictResolution =
  | 'SOURCE'
  | 'SUPERGRAPH';

/** OPEN until a policy or a person settles it. */
export type ConflictStatus =
  | 'OPEN'
  | 'RESOLVED';

/** A link to one external system (a shop, an ERP) and how to keep it in step. */
export type Connector = {
  /** The external system's API base URL, e.g. https://my-shop.myshopify.com. */
  baseUrl?: Maybe<Scalars['String']['output']>;
  conflictPolicy: ConflictPolicy;
  createdAt: Scalars['DateTime']['output'];
  /** What a record deleted or made inactive at the source becomes (default IGNORE). */
  deletions: DeletionPolicy;
  direction: SyncDirection;
  entities: Array<SyncEntity>;
  /** Declarative mapping per entity, e.g. { "product": { "currency": "EUR" }, "inventory": { "locations": { "<location id>": "<warehouse code>" } } }. */
  fieldMapping: Scalars['JSON']['output'];
  /** Whether credentials are stored; they are never returned. */
  hasCredentials: Scalars['Boolean']['output'];
  health: ConnectorHealth;
  id: Scalars['ID']['output'];
  mode: SyncMode;
  name: Scalars['String']['output'];
  /** Every 1, 5, 15 or 30 minutes ("5m") or a cron expression; null when not polling. */
  pollingSchedule?: Maybe<Scalars['String']['output']>;
  status: ConnectorStatus;
  system: ExternalSystem;
  updatedAt: Scalars['DateTime']['output'];
};

/** The credentials of a connector: write-only, stored encrypted. */
export type ConnectorCredentialsInput = {
  /** Shopify, NetSuite, Dynamics 365, REST: the API (bearer) token. */
  accessToken?: InputMaybe<Scalars['String']['input']>;
  /** REST: an API key, sent in `apiKeyHeader` instead of a bearer token. */
  apiKey?: InputMaybe<Scalars['String']['input']>;
  /** REST: the header the API key goes in (e.g. X-Api-Key). */
  apiKeyHeader?: InputMaybe<Scalars['String']['input']>;
  /** SAP Business One: the company database (CompanyDB). */
  companyDb?: InputMaybe<Scalars['String']['input']>;
  /** Dynamics 365 Business Central: the company id, unless the field mapping names it. */
  companyId?: InputMaybe<Scalars['String']['input']>;
  /** SAP Business One: the Service Layer password. */
  password?: InputMaybe<Scalars['String']['input']>;
  /** SAP Business One: the Service Layer user. */
  userName?: InputMaybe<Scalars['String']['input']>;
  /** The secret webhook signatures are made with. */
  webhookSecret?: InputMaybe<Scalars['String']['input']>;
};

export type ConnectorHealth = {
  /** Failed runs since the last success; the connector is FAILING from the first. */
  consecutiveFailures: Scalars['Int']['output'];
  lastError?: Maybe<Scalars['String']['output']>;
  lastSuccessAt?: Maybe<Scalars['DateTime']['output']>;
};

export type ConnectorStatus =
  | 'ACTIVE'
  | 'FAILING'
  | 'PAUSED';

/** A new field agent, ACTIVE unless said otherwise. */
export type CreateAgentInput = {
  email: Scalars['String']['input'];
  employeeId: Scalars['String']['input'];
  name: Scalars['String']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<AgentStatus>;
  /** The auth subject of the agent's tokens (unique). */
  subject?: InputMaybe<Scalars['String']['input']>;
  territoryId: Scalars['ID']['input'];
  vehicle?: InputMaybe<VehicleInput>;
};

/** A new API key of a partner. */
export type CreateApiKeyInput = {
  /** When the key stops working; must be in the future. Null: never. */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  partnerId: Scalars['ID']['input'];
  /** Scopes the key's requests carry, e.g. "catalog:read" (at most 20). */
  scopes?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type CreateCategoryInput = {
  name: Scalars['String']['input'];
  parentId?: InputMaybe<Scalars['ID']['input']>;
  slug: Scalars['String']['input'];
};

export type CreateConnectorInput = {
  baseUrl?: InputMaybe<Scalars['String']['input']>;
  conflictPolicy?: ConflictPolicy;
  credentials?: InputMaybe<ConnectorCredentialsInput>;
  /** What a record deleted or made inactive at the source becomes. */
  deletions?: DeletionPolicy;
  direction: SyncDirection;
  entities: Array<SyncEntity>;
  fieldMapping?: InputMaybe<Scalars['JSON']['input']>;
  mode: SyncMode;
  name: Scalars['String']['input'];
  pollingSchedule?: InputMaybe<Scalars['String']['input']>;
  system: ExternalSystem;
};

/** A new customer; it starts ACTIVE. */
export type CreateCustomerInput = {
  addresses?: InputMaybe<Array<AddressInput>>;
  code: Scalars['String']['input'];
  /** At least 0 (0: no credit). */
  creditLimit: MoneyInput;
  email?: InputMaybe<Scalars['String']['input']>;
  location?: InputMaybe<GeoPointInput>;
  name: Scalars['String']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
  segment?: InputMaybe<CustomerSegment>;
};

/** A new partner; it starts ACTIVE. */
export type CreatePartnerInput = {
  /** Null: the gateway's default. */
  costPerMinute?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
  /** Null: the gateway's default. */
  requestsPerMinute?: InputMaybe<Scalars['Int']['input']>;
  /** Default false. */
  trustedDocumentsOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

export type CreatePriceListInput = {
  currency: Scalars['String']['input'];
  name: Scalars['String']['input'];
};

/** A new product; it starts as DRAFT. */
export type CreateProductInput = {
  attributes?: InputMaybe<Array<ProductAttributeInput>>;
  /** Above zero. */
  basePrice: MoneyInput;
  brand?: InputMaybe<Scalars['String']['input']>;
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  sku: Scalars['String']['input'];
};

/** What one shipment carries and how it travels. Each line is a product of the order and at most what of it has not shipped yet. */
export type CreateShipmentInput = {
  carrier?: InputMaybe<Scalars['String']['input']>;
  lines: Array<OrderLineInput>;
  trackingNumber?: InputMaybe<Scalars['String']['input']>;
  /** The inventory warehouse the goods leave from; it must hold the order's reservation of every line's product. */
  warehouseId: Scalars['ID']['input'];
};

/** A new territory. */
export type CreateTerritoryInput = {
  code: Scalars['String']['input'];
  /** The auth subject of the responsible MANAGER. */
  managerSubject?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
};

/** A new warehouse; active unless said otherwise. */
export type CreateWarehouseInput = {
  /** Default true. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  address?: InputMaybe<Scalars['String']['input']>;
  code: Scalars['String']['input'];
  name: Scalars['String']['input'];
  /** Lower is preferred when allocating; default 100. */
  priority?: InputMaybe<Scalars['Int']['input']>;
};

/** A key just made: the secret is shown here once and cannot be read again. */
export type CreatedApiKey = {
  apiKey: ApiKey;
  /** The whole key ("tgk_…"). Store it now: only its hash is kept. */
  secret: Scalars['String']['output'];
};

/** A MANAGER's or ADMIN's decision to place an order whatever the customer's credit limit says. */
export type CreditOverride = {
  /** The subject (user) who gave the override. */
  by?: Maybe<Scalars['String']['output']>;
  reason: Scalars['String']['output'];
};

/** Places an order past the customer's credit limit; MANAGER or ADMIN only, recorded on the order. */
export type CreditOverrideInput = {
  reason: Scalars['String']['input'];
};

/** A business we sell to. */
export type Customer = {
  addresses: Array<Address>;
  /** The agent who looks after the customer; null when none or not visible to the caller. */
  assignedAgent?: Maybe<FieldAgent>;
  /** Our customer number, unique; the key bulk upserts match on. */
  code: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** Credit limit, exposure and what is available; null, with FORBIDDEN, for a customer outside a field agent's territory. */
  credit?: Maybe<CustomerCredit>;
  /** How much this customer may owe us at once. */
  creditLimit: Money;
  /** Masked ("j***@example.com") unless the caller has the customers:pii scope. */
  email?: Maybe<Scalars['String']['output']>;
  /** Where this customer lives in external systems; null, with UNAVAILABLE, while sync cannot answer. */
  externalRefs?: Maybe<Array<ExternalRef>>;
  id: Scalars['ID']['output'];
  /** Where the customer is, for visit planning and check-in. */
  location?: Maybe<GeoPoint>;
  name: Scalars['String']['output'];
  /** This customer's orders, newest first; null, with FORBIDDEN, for a customer outside a field agent's territory. */
  orders?: Maybe<OrderConnection>;
  /** Masked ("***67") unless the caller has the customers:pii scope. */
  phone?: Maybe<Scalars['String']['output']>;
  /** The price list this customer buys from; null means base prices. Null, with FORBIDDEN, for a customer outside a field agent's territory. */
  priceList?: Maybe<PriceList>;
  segment: CustomerSegment;
  status: CustomerStatus;
  /** Every status move, oldest first. */
  statusHistory: Array<CustomerStatusChange>;
  /** The territory the customer is assigned to; null when none or not visible to the caller. */
  territory?: Maybe<Territory>;
  updatedAt: Scalars['DateTime']['output'];
  /** The customer's visits the caller may see, latest scheduled first; null, with UNAVAILABLE, while field-agents cannot answer. */
  visits?: Maybe<VisitConnection>;
};


/** A business we sell to. */
export type CustomerOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A business we sell to. */
export type CustomerVisitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<VisitFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type CustomerConnection = {
  edges: Array<CustomerEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A customer's credit: its limit, what it owes or will owe (exposure) and what is left. Only orders in the limit's currency count. */
export type CustomerCredit = {
  /** Limit minus exposure (negative when past the limit, e.g. after an override); null when the customer has no credit terms (limit 0). */
  available?: Maybe<Money>;
  /** The balance due (total minus net payments) of its PENDING, PROCESSING and COMPLETED orders, and of CANCELLED ones that shipped in part (closed short), in the limit's currency. */
  exposure: Money;
  /** The customer's credit limit; 0 means no credit terms (orders are not checked against it). */
  limit: Money;
};

export type CustomerEdge = {
  /** Opaque keyset cursor: pass it as `after` (or `before`) to continue from here. */
  cursor: Scalars['String']['output'];
  node: Customer;
};

/** Narrows a customer list; all given conditions must hold. */
export type CustomerFilter = {
  /** Only these ids (at most 1,000). */
  ids?: InputMaybe<Array<Scalars['String']['input']>>;
  segment?: InputMaybe<Array<CustomerSegment>>;
  status?: InputMaybe<Array<CustomerStatus>>;
  /** Matches name or code; also email for callers with the customers:pii scope. */
  text?: InputMaybe<Scalars['String']['input']>;
};

export type CustomerSegment =
  | 'DISTRIBUTOR'
  | 'KEY_ACCOUNT'
  | 'RETAIL'
  | 'WHOLESALE';

export type CustomerSort =
  | 'CODE_ASC'
  | 'NAME_ASC'
  | 'NAME_DESC'
  | 'NEWEST'
  | 'OLDEST';

/** ACTIVE ⇄ SUSPENDED; either → ARCHIVED, which is final. */
export type CustomerStatus =
  | 'ACTIVE'
  | 'ARCHIVED'
  | 'SUSPENDED';

/** One recorded move of a customer's status. */
export type CustomerStatusChange = {
  actor?: Maybe<Scalars['String']['output']>;
  changedAt: Scalars['DateTime']['output'];
  /** Null when the customer was created. */
  from?: Maybe<CustomerStatus>;
  reason?: Maybe<Scalars['String']['output']>;
  to: CustomerStatus;
};

/** What a record deleted or made inactive at the source becomes: ARCHIVE acts on it — products ARCHIVED (restored to DRAFT when active again; not while another connector still has them), customers made inactive SUSPENDED (reactivated when active again) and customers deleted ARCHIVED, price lists the source dropped taken from its customers; nothing is ever deleted. IGNORE leaves it as it is. */
export type DeletionPolicy =
  | 'ARCHIVE'
  | 'IGNORE';

/** Where a record lives in an external system, and what was last synced. */
export type ExternalRef = {
  /** When sync archived the record because the source deleted it or made it inactive (the connector's deletions ARCHIVE); null while it is live. */
  archivedAt?: Maybe<Scalars['DateTime']['output']>;
  /** SHA-256 of the record as last applied; an equal checksum means unchanged. */
  checksum: Scalars['String']['output'];
  connectorId: Scalars['ID']['output'];
  entityId: Scalars['ID']['output'];
  entityType: SyncEntity;
  externalId: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** When the source last offered the record. */
  lastSeenAt: Scalars['DateTime']['output'];
  /** When sync last wrote the record (either way). */
  lastSyncedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When sync suspended the customer because the source made it inactive (the connector's deletions ARCHIVE); null while it is active there. */
  suspendedAt?: Maybe<Scalars['DateTime']['output']>;
  system: ExternalSystem;
};

/** The kind of system a connector talks to. */
export type ExternalSystem =
  | 'CSV_FILE'
  | 'DYNAMICS_365'
  | 'NETSUITE'
  | 'REST'
  | 'SAP_BUSINESS_ONE'
  | 'SHOPIFY';

/** A field sales agent, working one territory. */
export type FieldAgent = {
  createdAt: Scalars['DateTime']['output'];
  email: Scalars['String']['output'];
  /** The HR number, unique. */
  employeeId: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Orders this agent placed, newest first; null, with UNAVAILABLE, while orders cannot answer. */
  orders?: Maybe<OrderConnection>;
  /** Figures of the visits scheduled in [from, to); batched over agents (one grouped statement). */
  performance: AgentPerformance;
  phone?: Maybe<Scalars['String']['output']>;
  /** Orders this agent placed in [from, to) that are not CANCELLED; batched over agents (one grouped statement). Null, with UNAVAILABLE, while orders cannot answer. */
  sales?: Maybe<AgentSales>;
  status: AgentStatus;
  /** The auth subject the agent's tokens carry; how `myAgent` finds this record. */
  subject?: Maybe<Scalars['String']['output']>;
  /** Null when the caller may not see the territory. */
  territory?: Maybe<Territory>;
  updatedAt: Scalars['DateTime']['output'];
  vehicle?: Maybe<Vehicle>;
};


/** A field sales agent, working one territory. */
export type FieldAgentOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A field sales agent, working one territory. */
export type FieldAgentPerformanceArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};


/** A field sales agent, working one territory. */
export type FieldAgentSalesArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};

export type FieldAgentConnection = {
  edges: Array<FieldAgentEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type FieldAgentEdge = {
  /** Opaque keyset cursor: pass it as `after` (or `before`) to continue from here. */
  cursor: Scalars['String']['output'];
  node: FieldAgent;
};

/** A GPS fix taken at check-in or check-out (WGS 84 degrees). */
export type GeoFix = {
  /** The device's accuracy estimate, in metres. */
  accuracyMeters?: Maybe<Scalars['Float']['output']>;
  /** When the server received it. */
  at: Scalars['DateTime']['output'];
  lat: Scalars['Float']['output'];
  lng: Scalars['Float']['output'];
};

/** A GPS fix from the agent's device (WGS 84 degrees). */
export type GeoFixInput = {
  accuracyMeters?: InputMaybe<Scalars['Float']['input']>;
  lat: Scalars['Float']['input'];
  lng: Scalars['Float']['input'];
};

/** A point on the map (WGS 84 degrees). */
export type GeoPoint = {
  lat: Scalars['Float']['output'];
  lng: Scalars['Float']['output'];
};

export type GeoPointInput = {
  lat: Scalars['Float']['input'];
  lng: Scalars['Float']['input'];
};

/** An amount of money: a decimal string in the currency's major unit, e.g. "12.50". */
export type Money = {
  /** Decimal string, e.g. "1234.50"; negative amounts start with "-". */
  amount: Scalars['String']['output'];
  /** ISO-4217 currency code, e.g. "EUR". */
  currency: Scalars['String']['output'];
};

/** An amount of money as a decimal string and an ISO-4217 currency. Amounts sent in are never negative; prices and payments must be above zero. */
export type MoneyInput = {
  /** Decimal string, at least 0, e.g. "12.50". */
  amount: Scalars['String']['input'];
  /** ISO-4217 currency code in upper case, e.g. "EUR". */
  currency: Scalars['String']['input'];
};

export type Mutation = {
  /** Corrects onHand by delta (an ADJUSTMENT); onHand may not fall below reserved. */
  adjustStock: StockLevel;
  /** ACTIVE or SUSPENDED → ARCHIVED, which is final. */
  archiveCustomer: Customer;
  /** DRAFT or PUBLISHED → ARCHIVED. */
  archiveProduct: Product;
  /** Puts a customer in a territory and, optionally, with one of its agents (replacing an earlier assignment). ADMIN, SERVICE, or the MANAGER of the territory. */
  assignCustomer: Customer;
  /** Makes the list the customer's price list, replacing any other. */
  assignPriceList: PriceList;
  /** PENDING or PROCESSING → CANCELLED; the reserved stock not shipped yet is released (shipments stay as they are). */
  cancelOrder: Order;
  cancelSyncRun: SyncRun;
  /** PLANNED → CANCELLED. */
  cancelVisit: Visit;
  /** ACTIVE → COMMITTED: the units not shipped yet ship (SHIPMENT). Idempotent; RELEASED or EXPIRED → INVALID_TRANSITION. */
  commitReservation: Reservation;
  /** Ships one part of an ACTIVE reservation from one warehouse (SHIPMENT movements; the part that ships the last unit makes it COMMITTED). Idempotent per shipmentId; BAD_USER_INPUT for a warehouse without a reservation of a line's product or more than is still reserved there. */
  commitReservationPart: Reservation;
  /** PROCESSING → COMPLETED; what has not shipped yet ships as the last shipment (one per warehouse it leaves from). */
  completeOrder: Order;
  /** IN_PROGRESS → COMPLETED with a GPS check-out, the outcome, notes and photos. */
  completeVisit: Visit;
  /** ADMIN, SERVICE, or the MANAGER of the territory. */
  createAgent: FieldAgent;
  /** Makes a key for a partner and returns its secret, once. ADMIN. */
  createApiKey: CreatedApiKey;
  createCategory: Category;
  createConnector: Connector;
  /** Creates an ACTIVE customer. */
  createCustomer: Customer;
  /** Creates an ACTIVE partner. ADMIN. */
  createPartner: Partner;
  createPriceList: PriceList;
  /** Creates a DRAFT product. */
  createProduct: Product;
  /** Ships part (or the rest) of a PROCESSING order from one warehouse: its part of the reservation is committed in inventory; the shipment that ships the last unit completes the order. BAD_USER_INPUT names the line shipping more than ordered minus shipped, or input.warehouseId when that warehouse holds no reservation of a line's product. The same idempotencyKey for the same order always returns the same shipment (a retry ships nothing again); CONFLICT when it was used for a different one. */
  createShipment: Shipment;
  /** ADMIN or SERVICE. */
  createTerritory: Territory;
  createWarehouse: Warehouse;
  /** SHIPPED → DELIVERED at deliveredAt (now when left out); asking again with no or the same time returns it unchanged. */
  markShipmentDelivered: Shipment;
  /** Stops starting runs; queued runs wait for resumeConnector. */
  pauseConnector: Connector;
  /** Places an order: prices from the catalog for the customer, stock reserved in inventory, all or nothing. The same idempotencyKey always returns the same order. CREDIT_LIMIT_EXCEEDED when it would take the customer past its credit limit (unless a MANAGER or ADMIN sends creditOverride). */
  placeOrder: Order;
  /** Plans a visit (PLANNED) to a customer of the agent's territory. An AGENT plans for itself; a MANAGER for agents of its territories. */
  planVisit: Visit;
  /** DRAFT → PUBLISHED. */
  publishProduct: Product;
  /** SUSPENDED → ACTIVE. */
  reactivateCustomer: Customer;
  /** Goods arrived: onHand += quantity (a RECEIPT movement). */
  receiveStock: StockLevel;
  /** Records money received (a FORWARD transaction). */
  recordPayment: Order;
  /** COMPLETED → REFUNDED: a REVERSE transaction and, when asked, the goods back on hand. */
  refundOrder: Order;
  /** ACTIVE → RELEASED: the units become available again. Idempotent; null when the order has no reservation; COMMITTED → INVALID_TRANSITION. */
  releaseReservation?: Maybe<Reservation>;
  /** Removes products from a list; they fall back to their base price. */
  removePriceListPrices: PriceList;
  /** Reserves every line or nothing (INSUFFICIENT_STOCK names the product). Per line: active warehouses by priority, then most available first; a line may be split. Idempotent: an order that already has a reservation gets it back unchanged. */
  reserveStock: Reservation;
  /** Settles an OPEN conflict: SOURCE applies the external system's version, SUPERGRAPH keeps Tradegraph's. Records who chose. */
  resolveConflict: SyncConflict;
  /** ARCHIVED → DRAFT. */
  restoreProduct: Product;
  resumeConnector: Connector;
  /** Queues a FAILED (dead-lettered) or CANCELLED run again with fresh attempts. */
  retrySyncRun: SyncRun;
  /** Restocks after a refund: RETURN movements into warehouseId, else where the order shipped from. Idempotent per order. */
  returnStock: Array<StockMovement>;
  /** Gives money back without changing the status (a REVERSE transaction). */
  reversePayment: Order;
  /** Refuses the key from now on, on every gateway within seconds. ADMIN. */
  revokeApiKey: ApiKey;
  /** A new key with the same scopes, its secret returned once; the old key keeps working for overlapSeconds (0 to 2592000), then expires. A key is rotated once (CONFLICT when it is revoked, expired or already rotated: rotate its replacement). ADMIN. */
  rotateApiKey: CreatedApiKey;
  /** Creates or replaces prices on a list (at most 1,000 per call); idempotent. */
  setPriceListPrices: PriceList;
  /** Sets onHand for up to 1000 levels (sync from external systems), writing each difference as an ADJUSTMENT; idempotent. */
  setStockLevels: UpsertStockLevelsResult;
  /** Sets a level's safety stock and reorder point. */
  setStockPolicy: StockLevel;
  /** PENDING → PROCESSING. */
  startProcessingOrder: Order;
  /** PLANNED → IN_PROGRESS with a GPS check-in: the distance from the customer is recorded; beyond the check-in radius the visit is off-site (or refused, by policy). */
  startVisit: Visit;
  /** ACTIVE → SUSPENDED: no new orders until reactivated. */
  suspendCustomer: Customer;
  /** Moves available units between warehouses, atomically. Returns the source level, then the target level. */
  transferStock: Array<StockLevel>;
  /** Queues a run of the connector now (its configured entities unless given): records changed since the last successful run, or every record when `full`. */
  triggerSync: SyncRun;
  /** The customer buys at base prices again; false when no list was assigned. */
  unassignPriceList: Scalars['Boolean']['output'];
  /** PUBLISHED → DRAFT. */
  unpublishProduct: Product;
  /** ADMIN, SERVICE, or the MANAGER of the agent's territory (and of a new one). */
  updateAgent: FieldAgent;
  updateCategory: Category;
  updateConnector: Connector;
  updateCustomer: Customer;
  /** Changes a partner (name, status, trusted documents, rate limits). ADMIN. */
  updatePartner: Partner;
  updateProduct: Product;
  /** ADMIN or SERVICE. */
  updateTerritory: Territory;
  /** Deactivating a warehouse keeps its stock but stops allocation from it and stock changes in it. */
  updateWarehouse: Warehouse;
  /** Creates or updates up to 1000 customers by code; idempotent. */
  upsertCustomers: UpsertCustomersResult;
  /** Creates or updates up to 1000 products by sku; idempotent. */
  upsertProducts: UpsertProductsResult;
};


export type MutationAdjustStockArgs = {
  input: AdjustStockInput;
};


export type MutationArchiveCustomerArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationArchiveProductArgs = {
  id: Scalars['ID']['input'];
};


export type MutationAssignCustomerArgs = {
  agentId?: InputMaybe<Scalars['ID']['input']>;
  customerId: Scalars['ID']['input'];
  territoryId: Scalars['ID']['input'];
};


export type MutationAssignPriceListArgs = {
  customerId: Scalars['ID']['input'];
  priceListId: Scalars['ID']['input'];
};


export type MutationCancelOrderArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCancelSyncRunArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCancelVisitArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCommitReservationArgs = {
  orderId: Scalars['ID']['input'];
};


export type MutationCommitReservationPartArgs = {
  lines: Array<ReservationLineInput>;
  orderId: Scalars['ID']['input'];
  shipmentId: Scalars['ID']['input'];
  warehouseId: Scalars['ID']['input'];
};


export type MutationCompleteOrderArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCompleteVisitArgs = {
  id: Scalars['ID']['input'];
  input: CompleteVisitInput;
};


export type MutationCreateAgentArgs = {
  input: CreateAgentInput;
};


export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


export type MutationCreateCategoryArgs = {
  input: CreateCategoryInput;
};


export type MutationCreateConnectorArgs = {
  input: CreateConnectorInput;
};


export type MutationCreateCustomerArgs = {
  input: CreateCustomerInput;
};


export type MutationCreatePartnerArgs = {
  input: CreatePartnerInput;
};


export type MutationCreatePriceListArgs = {
  input: CreatePriceListInput;
};


export type MutationCreateProductArgs = {
  input: CreateProductInput;
};


export type MutationCreateShipmentArgs = {
  idempotencyKey: Scalars['String']['input'];
  input: CreateShipmentInput;
  orderId: Scalars['ID']['input'];
};


export type MutationCreateTerritoryArgs = {
  input: CreateTerritoryInput;
};


export type MutationCreateWarehouseArgs = {
  input: CreateWarehouseInput;
};


export type MutationMarkShipmentDeliveredArgs = {
  deliveredAt?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};


export type MutationPauseConnectorArgs = {
  id: Scalars['ID']['input'];
};


export type MutationPlaceOrderArgs = {
  idempotencyKey: Scalars['String']['input'];
  input: PlaceOrderInput;
};


export type MutationPlanVisitArgs = {
  input: PlanVisitInput;
};


export type MutationPublishProductArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReactivateCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReceiveStockArgs = {
  input: ReceiveStockInput;
};


export type MutationRecordPaymentArgs = {
  input: PaymentInput;
  orderId: Scalars['ID']['input'];
};


export type MutationRefundOrderArgs = {
  id: Scalars['ID']['input'];
  input: RefundOrderInput;
};


export type MutationReleaseReservationArgs = {
  orderId: Scalars['ID']['input'];
};


export type MutationRemovePriceListPricesArgs = {
  priceListId: Scalars['ID']['input'];
  productIds: Array<Scalars['ID']['input']>;
};


export type MutationReserveStockArgs = {
  lines: Array<ReservationLineInput>;
  orderId: Scalars['ID']['input'];
  ttlSeconds?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationResolveConflictArgs = {
  choice: ConflictResolution;
  id: Scalars['ID']['input'];
};


export type MutationRestoreProductArgs = {
  id: Scalars['ID']['input'];
};


export type MutationResumeConnectorArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRetrySyncRunArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReturnStockArgs = {
  lines: Array<ReservationLineInput>;
  orderId: Scalars['ID']['input'];
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationReversePaymentArgs = {
  input: PaymentInput;
  orderId: Scalars['ID']['input'];
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRotateApiKeyArgs = {
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
  overlapSeconds?: Scalars['Int']['input'];
};


export type MutationSetPriceListPricesArgs = {
  input: SetPricesInput;
};


export type MutationSetStockLevelsArgs = {
  items: Array<SetStockLevelInput>;
};


export type MutationSetStockPolicyArgs = {
  input: StockPolicyInput;
};


export type MutationStartProcessingOrderArgs = {
  id: Scalars['ID']['input'];
};


export type MutationStartVisitArgs = {
  checkIn: GeoFixInput;
  id: Scalars['ID']['input'];
};


export type MutationSuspendCustomerArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationTransferStockArgs = {
  input: TransferStockInput;
};


export type MutationTriggerSyncArgs = {
  connectorId: Scalars['ID']['input'];
  entities?: InputMaybe<Array<SyncEntity>>;
  full?: Scalars['Boolean']['input'];
};


export type MutationUnassignPriceListArgs = {
  customerId: Scalars['ID']['input'];
};


export type MutationUnpublishProductArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUpdateAgentArgs = {
  id: Scalars['ID']['input'];
  input: UpdateAgentInput;
};


export type MutationUpdateCategoryArgs = {
  id: Scalars['ID']['input'];
  input: UpdateCategoryInput;
};


export type MutationUpdateConnectorArgs = {
  id: Scalars['ID']['input'];
  input: UpdateConnectorInput;
};


export type MutationUpdateCustomerArgs = {
  id: Scalars['ID']['input'];
  input: UpdateCustomerInput;
};


export type MutationUpdatePartnerArgs = {
  id: Scalars['ID']['input'];
  input: UpdatePartnerInput;
};


export type MutationUpdateProductArgs = {
  id: Scalars['ID']['input'];
  input: UpdateProductInput;
};


export type MutationUpdateTerritoryArgs = {
  id: Scalars['ID']['input'];
  input: UpdateTerritoryInput;
};


export type MutationUpdateWarehouseArgs = {
  id: Scalars['ID']['input'];
  input: UpdateWarehouseInput;
};


export type MutationUpsertCustomersArgs = {
  items: Array<UpsertCustomerInput>;
};


export type MutationUpsertProductsArgs = {
  items: Array<UpsertProductInput>;
};

/** A customer's order: lines priced by the catalog, stock reserved in inventory. */
export type Order = {
  /** Total minus paid. */
  balanceDue: Money;
  createdAt: Scalars['DateTime']['output'];
  /** Set when a MANAGER or ADMIN placed the order with a credit override: who and why. */
  creditOverride?: Maybe<CreditOverride>;
  currency: Scalars['String']['output'];
  /** Null, with FORBIDDEN, when the caller may not see the customer. */
  customer?: Maybe<Customer>;
  customerId: Scalars['ID']['output'];
  /** The systems this order was pushed to, and its id in each; null, with UNAVAILABLE, while sync cannot answer. */
  externalRefs?: Maybe<Array<ExternalRef>>;
  id: Scalars['ID']['output'];
  lines: Array<OrderLine>;
  notes?: Maybe<Scalars['String']['output']>;
  /** Human order number, e.g. SO-000123; sequential and unique. */
  number: Scalars['String']['output'];
  /** Every FORWARD transaction minus every REVERSE one. */
  paid: Money;
  /** The field agent who placed the order, if one did. */
  placedById?: Maybe<Scalars['ID']['output']>;
  /** The shipments that fulfil the order, oldest first; completeOrder records what it ships as the last. */
  shipments: Array<Shipment>;
  status: OrderStatus;
  /** Every status move, oldest first. */
  statusHistory: Array<OrderStatusChange>;
  subtotal: Money;
  tax: Money;
  total: Money;
  /** The payment trail, oldest first (append-only). */
  transactions: Array<PaymentTransaction>;
  updatedAt: Scalars['DateTime']['output'];
  /** The visit during which the order was taken, if any. */
  visitId?: Maybe<Scalars['ID']['output']>;
};

export type OrderConnection = {
  edges: Array<OrderEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type OrderEdge = {
  /** Opaque keyset cursor: pass it as `after` (or `before`) to continue from here. */
  cursor: Scalars['String']['output'];
  node: Order;
};

/** Narrows an order list; all given conditions must hold. */
export type OrderFilter = {
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** Placed at or after. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only these orders (at most 100), e.g. inventory asking which of its reservations have an order. */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  placedById?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<Array<OrderStatus>>;
  /** Placed before. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** One product on an order, priced when the order was placed. */
export type OrderLine = {
  id: Scalars['ID']['output'];
  lineNo: Scalars['Int']['output'];
  lineTotal: Money;
  /** The product name when the order was placed. */
  name: Scalars['String']['output'];
  /** Null, with FORBIDDEN, when the caller may not see the product (no longer published, for a catalog reader who sees published products only); the line keeps its sku and name. */
  product?: Maybe<Product>;
  productId: Scalars['ID']['output'];
  quantity: Scalars['Int']['output'];
  /** The sku when the order was placed. */
  sku: Scalars['String']['output'];
  /** From the customer's price list, or the base price; never from the client. */
  unitPrice: Money;
};

export type OrderLineInput = {
  productId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};

export type OrderSort =
  | 'NEWEST'
  | 'OLDEST';

/** PENDING → PROCESSING → COMPLETED → REFUNDED; PENDING or PROCESSING → CANCELLED. */
export type OrderStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'PENDING'
  | 'PROCESSING'
  | 'REFUNDED';

/** One recorded move of an order's status. */
export type OrderStatusChange = {
  actor?: Maybe<Scalars['String']['output']>;
  changedAt: Scalars['DateTime']['output'];
  /** Null when the order was placed. */
  from?: Maybe<OrderStatus>;
  reason?: Maybe<Scalars['String']['output']>;
  to: OrderStatus;
};

export type PageInfo = {
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** An outside organisation that queries the API with keys of its own. */
export type Partner = {
  /** The partner's keys, newest first, revoked and expired ones included. */
  apiKeys: Array<ApiKey>;
  /** Overrides the gateway's default query-cost budget per minute for this partner's keys. */
  costPerMinute?: Maybe<Scalars['Int']['output']>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Overrides the gateway's default request budget per minute for this partner's keys. */
  requestsPerMinute?: Maybe<Scalars['Int']['output']>;
  status: PartnerStatus;
  /** Every status move, oldest first. */
  statusHistory: Array<PartnerStatusChange>;
  /** When true, the partner's keys may run only documents from the trusted-documents manifest. */
  trustedDocumentsOnly: Scalars['Boolean']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type PartnerConnection = {
  edges: Array<PartnerEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type PartnerEdge = {
  /** Opaque keyset cursor: pass it as `after` (or `before`) to continue from here. */
  cursor: Scalars['String']['output'];
  node: Partner;
};

/** ACTIVE ⇄ SUSPENDED; a SUSPENDED partner's keys are refused until it is ACTIVE again. */
export type PartnerStatus =
  | 'ACTIVE'
  | 'SUSPENDED';

/** One recorded move of a partner's status. */
export type PartnerStatusChange = {
  actor?: Maybe<Scalars['String']['output']>;
  changedAt: Scalars['DateTime']['output'];
  /** Null when the partner was created. */
  from?: Maybe<PartnerStatus>;
  reason?: Maybe<Scalars['String']['output']>;
  to: PartnerStatus;
};

export type PaymentInput = {
  /** Above zero. */
  amount: MoneyInput;
  reason?: InputMaybe<Scalars['String']['input']>;
  reference?: InputMaybe<Scalars['String']['input']>;
};

/** One entry of an order's append-only payment trail. */
export type PaymentTransaction = {
  actor?: Maybe<Scalars['String']['output']>;
  amount: Money;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  kind: TransactionKind;
  reason?: Maybe<Scalars['String']['output']>;
  /** The payment provider's reference. */
  reference?: Maybe<Scalars['String']['output']>;
};

/** What the customer orders. Prices come from the catalog, never from here. */
export type PlaceOrderInput = {
  /** Place the order even if it takes the customer past its credit limit (MANAGER or ADMIN; anyone else is FORBIDDEN). Recorded on the order as creditOverride. */
  creditOverride?: InputMaybe<CreditOverrideInput>;
  customerId: Scalars['ID']['input'];
  lines: Array<OrderLineInput>;
  notes?: InputMaybe<Scalars['String']['input']>;
  /** The field agent placing it; an AGENT caller is recorded as the placer anyway. */
  placedById?: InputMaybe<Scalars['ID']['input']>;
  /** The visit during which the order was taken. */
  visitId?: InputMaybe<Scalars['ID']['input']>;
};

/** A visit to plan. An AGENT plans for itself; staff name the agent. */
export type PlanVisitInput = {
  /** Required for staff; an AGENT caller plans for itself (another id is refused). */
  agentId?: InputMaybe<Scalars['ID']['input']>;
  customerId: Scalars['ID']['input'];
  notes?: InputMaybe<Scalars['String']['input']>;
  scheduledAt: Scalars['DateTime']['input'];
  type: VisitType;
};

/** A set of customer-specific prices, in one currency. */
export type PriceList = {
  createdAt: Scalars['DateTime']['output'];
  currency: Scalars['String']['output'];
  /** The customers buying from the list (their ids), in no particular order; sync reads it to follow a source's assignments. */
  customerIds: Array<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** The list's prices, in product-id order. */
  prices: PriceListItemConnection;
  updatedAt: Scalars['DateTime']['output'];
};


/** A set of customer-specific prices, in one currency. */
export type PriceListPricesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One product's price on one price list. */
export type PriceListItem = {
  price: Money;
  /** Null, with FORBIDDEN, for a product the caller may not see. */
  product?: Maybe<Product>;
};

export type PriceListItemConnection = {
  edges: Array<PriceListItemEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type PriceListItemEdge = {
  /** Opaque keyset cursor: pass it as `after` (or `before`) to continue from here. */
  cursor: Scalars['String']['output'];
  node: PriceListItem;
};

export type PriceListPriceInput = {
  /** Above zero. */
  price: MoneyInput;
  productId: Scalars['ID']['input'];
};

/** A sellable item in the catalog. */
export type Product = {
  attributes: Array<ProductAttribute>;
  /** The list price, before any customer price list. */
  basePrice: Money;
  brand?: Maybe<Scalars['String']['output']>;
  category?: Maybe<Category>;
  createdAt: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  /** Where this product lives in external systems; null, with UNAVAILABLE, while sync cannot answer. */
  externalRefs?: Maybe<Array<ExternalRef>>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** What this customer pays: their price list's price, else the base price. Null, with FORBIDDEN, for a customer outside a field agent's territory. */
  priceFor?: Maybe<Money>;
  /** When the product was last published. */
  publishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Stock-keeping unit, unique across the catalog. */
  sku: Scalars['String']['output'];
  status: ProductStatus;
  /** Every status move, oldest first. */
  statusHistory: Array<ProductStatusChange>;
  /** Stock summed over active warehouses; null, with UNAVAILABLE, while inventory cannot answer. */
  stock?: Maybe<ProductStock>;
  /** Every level of the product, inactive warehouses included, preferred warehouse first; null, with UNAVAILABLE, while inventory cannot answer. */
  stockLevels?: Maybe<Array<StockLevel>>;
  /** Whether the product is linked to external systems and whether a conflict waits; null, with UNAVAILABLE, while sync cannot answer. */
  syncState?: Maybe<SyncState>;
  updatedAt: Scalars['DateTime']['output'];
};


/** A sellable item in the catalog. */
export type ProductPriceForArgs = {
  customerId: Scalars['ID']['input'];
};

/** A name/value pair describing a product (colour, size, voltage …). */
export type ProductAttribute = {
  name: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

export type ProductAttributeInput = {
  name: Scalars['String']['input'];
  value: Scalars['String']['input'];
};

export type ProductConnection = {
  edges: Array<ProductEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type ProductEdge = {
  /** Opaque keyset cursor: pass it as `after` (or `before`) to continue from here. */
  cursor: Scalars['String']['output'];
  node: Product;
};

/** Narrows a product list; all given conditions must hold. */
export type ProductFilter = {
  brand?: InputMaybe<Scalars['String']['input']>;
  /** Products in this category or any category below it. */
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  /** Only these products (at most 100). */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Base price at most this (same currency only). */
  maxPrice?: InputMaybe<MoneyInput>;
  /** Base price at least this (same currency only). */
  minPrice?: InputMaybe<MoneyInput>;
  /** Only staff see statuses other than PUBLISHED. */
  status?: InputMaybe<Array<ProductStatus>>;
  /** Words to find in name, sku, brand or description (stemmed, any order; "quoted phrase", `or` and `-word` work as in web search); a text without spaces also matches skus starting with it. A text with no searchable word (only stop words or punctuation) matches no product but by sku. */
  text?: InputMaybe<Scalars['String']['input']>;
};

/** RELEVANCE: skus starting with `filter.text` first (the exact sku before them), then products whose sku, name or brand hold every word, then those that match by description only; within these two in a stable order (by id), not by name — pass NAME_ASC for name order. Without a text it is NAME_ASC. */
export type ProductSort =
  | 'NAME_ASC'
  | 'NAME_DESC'
  | 'NEWEST'
  | 'OLDEST'
  | 'PRICE_ASC'
  | 'PRICE_DESC'
  | 'RELEVANCE';

/** DRAFT → PUBLISHED → ARCHIVED → DRAFT, PUBLISHED → DRAFT, and DRAFT → ARCHIVED. */
export type ProductStatus =
  | 'ARCHIVED'
  | 'DRAFT'
  | 'PUBLISHED';

/** One recorded move of a product's status. */
export type ProductStatusChange = {
  /** The subject of the caller who made the change. */
  actor?: Maybe<Scalars['String']['output']>;
  changedAt: Scalars['DateTime']['output'];
  /** Null when the product was created. */
  from?: Maybe<ProductStatus>;
  to: ProductStatus;
};

/** A product's stock summed over its active warehouses; zeros when it has none. */
export type ProductStock = {
  /** The sum of each active warehouse's available (safety stock excluded). */
  available: Scalars['Int']['output'];
  /** The levels behind the sums, preferred warehouse first. */
  byWarehouse: Array<StockLevel>;
  /** available > 0 */
  inStock: Scalars['Boolean']['output'];
  onHand: Scalars['Int']['output'];
  reserved: Scalars['Int']['output'];
};

export type Query = {
  /** One agent; null when unknown or not visible to the caller. */
  agent?: Maybe<FieldAgent>;
  /** SERVICE only: the agent whose tokens carry this subject (how orders records who placed an order). */
  agentBySubject?: Maybe<FieldAgent>;
  /** The agents the caller may see, by name: all for ADMIN, a manager's territories, an agent's own record. */
  agents: FieldAgentConnection;
  /** A partner's keys, newest first. Secrets and their hashes are never readable. ADMIN. */
  apiKeys: Array<ApiKey>;
  /** The audit log, newest first, as a keyset-paginated connection. ADMIN. */
  auditLog: AuditEntryConnection;
  category?: Maybe<Category>;
  connector?: Maybe<Connector>;
  /** Every connector, by name. */
  connectors: Array<Connector>;
  /** One customer by id or by code (give exactly one). */
  customer?: Maybe<Customer>;
  /** Customers matching the filter, as a keyset-paginated connection. */
  customers: CustomerConnection;
  /** Levels in active warehouses whose available is at or below their reorder point, least available first. */
  lowStock: StockLevelConnection;
  /** The caller's own agent record (by the token's subject); null when the caller is not an agent. */
  myAgent?: Maybe<FieldAgent>;
  /** The calling agent's visits scheduled in the 24 hours from `date` (pass the start of the agent's local day), in scheduled order. */
  myVisits: Array<Visit>;
  /** One order; null when unknown or not visible to the caller (a field agent sees its territory's customers' orders only). */
  order?: Maybe<Order>;
  /** One order by its number, e.g. "SO-000123"; null when unknown or not visible to the caller. */
  orderByNumber?: Maybe<Order>;
  /** Orders matching the filter that the caller may see, newest first unless sorted otherwise. */
  orders: OrderConnection;
  /** One partner; null when unknown. ADMIN. */
  partner?: Maybe<Partner>;
  /** Partners by name, as a keyset-paginated connection. ADMIN. */
  partners: PartnerConnection;
  priceList?: Maybe<PriceList>;
  /** Every price list, by name. */
  priceLists: Array<PriceList>;
  /** One product by id or by sku (give exactly one). */
  product?: Maybe<Product>;
  /** Products matching the filter, as a keyset-paginated connection. */
  products: ProductConnection;
  /** The reservation of an order, if it has one. */
  reservation?: Maybe<Reservation>;
  /** The root categories, by name; walk `children` for the rest. */
  rootCategories: Array<Category>;
  /** One shipment; null when unknown or when the caller may not see its order (a field agent sees its territory's customers' orders only). */
  shipment?: Maybe<Shipment>;
  /** A product's stock ledger, newest first, optionally in one warehouse. */
  stockMovements: StockMovementConnection;
  syncConflict?: Maybe<SyncConflict>;
  /** A connector's conflicts, newest first; OPEN ones wait for resolveConflict. */
  syncConflicts: SyncConflictConnection;
  syncRun?: Maybe<SyncRun>;
  /** A connector's runs, newest first. */
  syncRuns: SyncRunConnection;
  /** The territories the caller may see, by code: all for ADMIN, a manager's own, an agent's own. */
  territories: Array<Territory>;
  /** One territory; null when unknown or not visible to the caller. */
  territory?: Maybe<Territory>;
  /** SERVICE only: the ids of the customers of the territory of the ACTIVE agent with this subject (how customers scopes an AGENT). */
  territoryCustomerIds: Array<Scalars['ID']['output']>;
  /** One visit; null when unknown or not visible to the caller. */
  visit?: Maybe<Visit>;
  /** The visits the caller may see, latest scheduled first: all for ADMIN, a manager's territories, an agent's own. */
  visits: VisitConnection;
  warehouse?: Maybe<Warehouse>;
  /** Every warehouse, preferred (lowest priority) first. */
  warehouses: Array<Warehouse>;
};


export type QueryAgentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAgentBySubjectArgs = {
  subject: Scalars['String']['input'];
};


export type QueryAgentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AgentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryApiKeysArgs = {
  partnerId: Scalars['ID']['input'];
};


export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditLogFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryCategoryArgs = {
  id: Scalars['ID']['input'];
};


export type QueryConnectorArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCustomerArgs = {
  code?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryCustomersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CustomerFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  sort?: CustomerSort;
};


export type QueryLowStockArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryMyVisitsArgs = {
  date: Scalars['DateTime']['input'];
};


export type QueryOrderArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOrderByNumberArgs = {
  number: Scalars['String']['input'];
};


export type QueryOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  sort?: OrderSort;
};


export type QueryPartnerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPartnersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPriceListArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProductArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  sku?: InputMaybe<Scalars['String']['input']>;
};


export type QueryProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProductFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<ProductSort>;
};


export type QueryReservationArgs = {
  orderId: Scalars['ID']['input'];
};


export type QueryShipmentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryStockMovementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  productId: Scalars['ID']['input'];
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
};


export type QuerySyncConflictArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySyncConflictsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  connectorId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<ConflictStatus>;
};


export type QuerySyncRunArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySyncRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  connectorId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTerritoryArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTerritoryCustomerIdsArgs = {
  agentSubject: Scalars['String']['input'];
};


export type QueryVisitArgs = {
  id: Scalars['ID']['input'];
};


export type QueryVisitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<VisitFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryWarehouseArgs = {
  id: Scalars['ID']['input'];
};

/** Goods arriving in a warehouse. */
export type ReceiveStockInput = {
  productId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  /** e.g. the delivery note or purchase order number. */
  reference?: InputMaybe<Scalars['String']['input']>;
  warehouseId: Scalars['ID']['input'];
};

export type RefundOrderInput = {
  /** How much to give back (above zero); everything paid when left out. */
  amount?: InputMaybe<MoneyInput>;
  reason: Scalars['String']['input'];
  /** Put the goods back on hand (RETURN movements). */
  restock?: Scalars['Boolean']['input'];
};

/** Stock held for one order until it is committed (shipped), released or expires. */
export type Reservation = {
  /** When the expiry sweep found the order written and open; a confirmed reservation no longer expires. */
  confirmedAt?: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** When an ACTIVE reservation is released as EXPIRED unless committed first or confirmed (see confirmedAt). */
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Where the reserved units are: one entry per product and warehouse. */
  lines: Array<ReservationAllocation>;
  orderId: Scalars['ID']['output'];
  status: ReservationStatus;
  updatedAt: Scalars['DateTime']['output'];
};

/** The part of a reservation drawn from one warehouse for one product. */
export type ReservationAllocation = {
  productId: Scalars['ID']['output'];
  quantity: Scalars['Int']['output'];
  /** How many of the units have shipped so far (partial commits); quantity − shipped is still reserved while the reservation is ACTIVE. */
  shipped: Scalars['Int']['output'];
  warehouse: Warehouse;
};

/** One product of an order and how many units of it. Lines repeating a product are added up. */
export type ReservationLineInput = {
  productId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};

/** ACTIVE → COMMITTED (shipped), RELEASED (given back) or EXPIRED (not committed in time). */
export type ReservationStatus =
  | 'ACTIVE'
  | 'COMMITTED'
  | 'EXPIRED'
  | 'RELEASED';

export type SetPricesInput = {
  priceListId: Scalars['ID']['input'];
  prices: Array<PriceListPriceInput>;
};

/** What an external system says is on hand, for one product in one warehouse (by code). */
export type SetStockLevelInput = {
  onHand: Scalars['Int']['input'];
  productId: Scalars['ID']['input'];
  warehouseCode: Scalars['String']['input'];
};

/** One consignment of an order's goods from one warehouse: its lines, carrier and tracking. */
export type Shipment = {
  carrier?: Maybe<Scalars['String']['output']>;
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  lines: Array<ShipmentLine>;
  orderId: Scalars['ID']['output'];
  shippedAt: Scalars['DateTime']['output'];
  status: ShipmentStatus;
  trackingNumber?: Maybe<Scalars['String']['output']>;
  /** The inventory warehouse the goods left from. */
  warehouseId: Scalars['ID']['output'];
};

/** How many units of one product of the order a shipment carries. */
export type ShipmentLine = {
  id: Scalars['ID']['output'];
  /** Null, with FORBIDDEN, when the caller may not see the product. */
  product?: Maybe<Product>;
  productId: Scalars['ID']['output'];
  quantity: Scalars['Int']['output'];
};

/** SHIPPED → DELIVERED. */
export type ShipmentStatus =
  | 'DELIVERED'
  | 'SHIPPED';

/** How much of one product one warehouse holds. */
export type StockLevel = {
  /** What can still be reserved: max(0, onHand − reserved − safetyStock). */
  available: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** available > 0 */
  inStock: Scalars['Boolean']['output'];
  /** Units physically in the warehouse, reserved ones included. */
  onHand: Scalars['Int']['output'];
  /** Null, with FORBIDDEN, for a product the caller may not see (unpublished, for a catalog reader). */
  product?: Maybe<Product>;
  productId: Scalars['ID']['output'];
  /** When available falls to this or below, the level is low (lowStock, stock.low). */
  reorderPoint: Scalars['Int']['output'];
  /** Units promised to active reservations. */
  reserved: Scalars['Int']['output'];
  /** Units kept back from reservations as a buffer. */
  safetyStock: Scalars['Int']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** Increases by one with every change; events carry it so consumers can drop stale ones. */
  version: Scalars['Int']['output'];
  warehouse: Warehouse;
};

export type StockLevelConnection = {
  edges: Array<StockLevelEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type StockLevelEdge = {
  /** Opaque keyset cursor: pass it as `after` (or `before`) to continue from here. */
  cursor: Scalars['String']['output'];
  node: StockLevel;
};

/** One entry of the append-only stock ledger. */
export type StockMovement = {
  /** The subject of the caller who caused the movement. */
  actor?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** What this movement did to onHand. */
  onHandDelta: Scalars['Int']['output'];
  productId: Scalars['ID']['output'];
  /** How many units moved; always positive, the deltas carry the direction. */
  quantity: Scalars['Int']['output'];
  reason?: Maybe<Scalars['String']['output']>;
  /** What the movement belongs to, e.g. the order id of a reservation. */
  reference?: Maybe<Scalars['String']['output']>;
  /** What this movement did to reserved. */
  reservedDelta: Scalars['Int']['output'];
  type: StockMovementType;
  warehouse: Warehouse;
};

export type StockMovementConnection = {
  edges: Array<StockMovementEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type StockMovementEdge = {
  /** Opaque keyset cursor: pass it as `after` (or `before`) to continue from here. */
  cursor: Scalars['String']['output'];
  node: StockMovement;
};

/** Why a stock level changed. */
export type StockMovementType =
  | 'ADJUSTMENT'
  | 'RECEIPT'
  | 'RELEASE'
  | 'RESERVATION'
  | 'RETURN'
  | 'SHIPMENT'
  | 'TRANSFER_IN'
  | 'TRANSFER_OUT';

/** A level's buffer and reorder point. */
export type StockPolicyInput = {
  productId: Scalars['ID']['input'];
  /** available at or below this makes the level low. */
  reorderPoint: Scalars['Int']['input'];
  /** Units never handed to reservations. */
  safetyStock: Scalars['Int']['input'];
  warehouseId: Scalars['ID']['input'];
};

export type Subscription = {
  /** A connector's status as it changes (ACTIVE, PAUSED, FAILING), for one connector or all. */
  connectorStatusChanged: Connector;
  /** A level whose available stock just fell to or below its reorder point. */
  lowStock: StockLevel;
  /** An order as it is placed and after every status change: one order (orderId), one customer's (customerId) or, with neither, every order the caller may see. A field agent may follow only its territory's customers and their orders (FORBIDDEN otherwise) and receives no event of any other. */
  orderStatusChanged: Order;
  /** A shipment as it leaves (createShipment, or completeOrder shipping the rest) and again when it is delivered: one order's (orderId), one customer's (customerId) or, with neither, every shipment the caller may see. A field agent may follow only its territory's customers (FORBIDDEN otherwise) and receives no event of any other. */
  shipmentUpdated: Shipment;
  /** Every change of a stock level, optionally only for some products or one warehouse. */
  stockChanged: StockLevel;
  /** A connector's runs as they change: every change of status, and progress at most every 500 ms per run. Fields other than the status and counters are read when the event is sent. */
  syncRunUpdated: SyncRun;
  /** A visit as it is planned and after every status change, for one agent or one territory. Agents may follow themselves, managers their territories. */
  visitUpdated: Visit;
};


export type SubscriptionConnectorStatusChangedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  connectorId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionLowStockArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionOrderStatusChangedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  customerId?: InputMaybe<Scalars['ID']['input']>;
  orderId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionShipmentUpdatedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  customerId?: InputMaybe<Scalars['ID']['input']>;
  orderId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionStockChangedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  productIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionSyncRunUpdatedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  connectorId: Scalars['ID']['input'];
};


export type SubscriptionVisitUpdatedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  agentId?: InputMaybe<Scalars['ID']['input']>;
  territoryId?: InputMaybe<Scalars['ID']['input']>;
};

/** A record whose same fields both sides changed since the last sync, and how it was settled. */
export type SyncConflict = {
  connector: Connector;
  connectorId: Scalars['ID']['output'];
  detectedAt: Scalars['DateTime']['output'];
  /** The record's id in Tradegraph. */
  entityId: Scalars['ID']['output'];
  entityType: SyncEntity;
  /** The record's id in the external system. */
  externalId: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Which version won. */
  resolution?: Maybe<ConflictResolution>;
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who chose: "policy:<POLICY>" for the connector's policy, "sync" when the fields stopped conflicting before anyone chose, else the subject of the person who called resolveConflict. */
  resolvedBy?: Maybe<Scalars['String']['output']>;
  sourceUpdatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The source's values of the fields in conflict (only those), e.g. { "name": "…" }. */
  sourceValue: Scalars['JSON']['output'];
  status: ConflictStatus;
  supergraphUpdatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Tradegraph's values of the same fields when the conflict was found. */
  supergraphValue: Scalars['JSON']['output'];
};

export type SyncConflictConnection = {
  edges: Array<SyncConflictEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type SyncConflictEdge = {
  /** Opaque keyset cursor: pass it as `after` (or `before`) to continue from here. */
  cursor: Scalars['String']['output'];
  node: SyncConflict;
};

export type SyncDirection =
  | 'BOTH'
  | 'INBOUND'
  | 'OUTBOUND';

/** What a connector keeps in step. PRICE_LIST: the system's customer-specific price lists (inbound), applied to products and customers synced from it. */
export type SyncEntity =
  | 'CUSTOMER'
  | 'INVENTORY'
  | 'ORDER'
  | 'PRICE_LIST'
  | 'PRODUCT';

/** How changes arrive: pushed by webhooks, fetched by polling, or both. */
export type SyncMode =
  | 'BOTH'
  | 'POLLING'
  | 'WEBHOOK';

/** One pass of a connector: what started it, where it is, and what it did. */
export type SyncRun = {
  /** Attempts so far (the first run is attempt 1). */
  attempts: Scalars['Int']['output'];
  /** Records both sides had changed (see syncConflicts); those left OPEN were not applied. */
  conflicts: Scalars['Int']['output'];
  connector: Connector;
  connectorId: Scalars['ID']['output'];
  created: Scalars['Int']['output'];
  entities: Array<SyncEntity>;
  /** The records this run could not apply (at most `first`, oldest first). */
  errors: Array<SyncRunError>;
  failed: Scalars['Int']['output'];
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Whether the run reads every record rather than those changed since the last successful run. */
  full: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  /** Why the last attempt failed. */
  lastError?: Maybe<Scalars['String']['output']>;
  maxAttempts: Scalars['Int']['output'];
  /** When the next attempt is due (after a retryable failure). */
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  processed: Scalars['Int']['output'];
  queuedAt: Scalars['DateTime']['output'];
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  status: SyncRunStatus;
  /** Records the source offered. */
  total: Scalars['Int']['output'];
  trigger: SyncTrigger;
  /** Records skipped because their checksum matched the last sync. */
  unchanged: Scalars['Int']['output'];
  updated: Scalars['Int']['output'];
};


/** One pass of a connector: what started it, where it is, and what it did. */
export type SyncRunErrorsArgs = {
  first?: Scalars['Int']['input'];
};

export type SyncRunConnection = {
  edges: Array<SyncRunEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type SyncRunEdge = {
  /** Opaque keyset cursor: pass it as `after` (or `before`) to continue from here. */
  cursor: Scalars['String']['output'];
  node: SyncRun;
};

/** One record a run could not apply, and why. */
export type SyncRunError = {
  /** The record's id in the external system. */
  externalId?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
  occurredAt: Scalars['DateTime']['output'];
};

/** QUEUED → RUNNING → SUCCEEDED | PARTIALLY_SUCCEEDED | FAILED | CANCELLED; FAILED is the dead letter, which retrySyncRun queues again. */
export type SyncRunStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'PARTIALLY_SUCCEEDED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

/** Where a product stands with the external systems it is linked to. */
export type SyncState = {
  /** When sync last wrote the product, from any system. */
  lastSyncedAt?: Maybe<Scalars['DateTime']['output']>;
  /** External systems (connectors) the product is linked to. */
  linkedSystems: Scalars['Int']['output'];
  /** Conflicts waiting for a person (see syncConflicts). */
  openConflicts: Scalars['Int']['output'];
  status: SyncStatus;
};

/** NOT_SYNCED: no external system knows it; IN_SYNC: linked and no conflict waits; CONFLICT: an open conflict waits for a person. */
export type SyncStatus =
  | 'CONFLICT'
  | 'IN_SYNC'
  | 'NOT_SYNCED';

/** What started a sync run: a webhook, the polling schedule, a person, retrySyncRun, or (outbound pushes) an order or stock event. */
export type SyncTrigger =
  | 'EVENT'
  | 'MANUAL'
  | 'RETRY'
  | 'SCHEDULE'
  | 'WEBHOOK';

/** An area of field sales: its agents, its customers and the manager responsible for it. */
export type Territory = {
  /** The territory's agents the caller may see, by name. */
  agents: Array<FieldAgent>;
  /** Short unique code, e.g. "BER". */
  code: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** The auth subject of the MANAGER responsible: that manager sees this territory's agents, visits and performance. */
  managerSubject?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

/** FORWARD takes money (a charge); REVERSE gives it back (a refund or reversal). */
export type TransactionKind =
  | 'FORWARD'
  | 'REVERSE';

/** Moves available units of a product from one warehouse to another, both sides or neither. */
export type TransferStockInput = {
  fromWarehouseId: Scalars['ID']['input'];
  productId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  toWarehouseId: Scalars['ID']['input'];
};

/** Changes to an agent; fields left out stay as they are, null clears an optional one. */
export type UpdateAgentInput = {
  email?: InputMaybe<Scalars['String']['input']>;
  employeeId?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<AgentStatus>;
  subject?: InputMaybe<Scalars['String']['input']>;
  territoryId?: InputMaybe<Scalars['ID']['input']>;
  vehicle?: InputMaybe<VehicleInput>;
};

export type UpdateCategoryInput = {
  name?: InputMaybe<Scalars['String']['input']>;
  /** The new parent; null makes it a root category. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};

/** What to change; omitted fields stay. `credentials` replaces them whole. */
export type UpdateConnectorInput = {
  baseUrl?: InputMaybe<Scalars['String']['input']>;
  conflictPolicy?: InputMaybe<ConflictPolicy>;
  credentials?: InputMaybe<ConnectorCredentialsInput>;
  deletions?: InputMaybe<DeletionPolicy>;
  direction?: InputMaybe<SyncDirection>;
  entities?: InputMaybe<Array<SyncEntity>>;
  fieldMapping?: InputMaybe<Scalars['JSON']['input']>;
  mode?: InputMaybe<SyncMode>;
  name?: InputMaybe<Scalars['String']['input']>;
  pollingSchedule?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to a customer; fields left out stay as they are. Status changes have their own mutations. */
export type UpdateCustomerInput = {
  addresses?: InputMaybe<Array<AddressInput>>;
  /** At least 0 (0: no credit). */
  creditLimit?: InputMaybe<MoneyInput>;
  email?: InputMaybe<Scalars['String']['input']>;
  location?: InputMaybe<GeoPointInput>;
  name?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  segment?: InputMaybe<CustomerSegment>;
};

/** Changes to a partner; fields left out stay as they are, a null rate-limit override returns to the gateway's default. */
export type UpdatePartnerInput = {
  costPerMinute?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  requestsPerMinute?: InputMaybe<Scalars['Int']['input']>;
  /** SUSPENDED refuses every key of the partner (within seconds, on every gateway); ACTIVE lets them in again. */
  status?: InputMaybe<PartnerStatus>;
  trustedDocumentsOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Changes to a product; fields left out stay as they are. Status changes have their own mutations. */
export type UpdateProductInput = {
  attributes?: InputMaybe<Array<ProductAttributeInput>>;
  /** Above zero. */
  basePrice?: InputMaybe<MoneyInput>;
  brand?: InputMaybe<Scalars['String']['input']>;
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  sku?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to a territory; fields left out stay as they are. */
export type UpdateTerritoryInput = {
  code?: InputMaybe<Scalars['String']['input']>;
  /** null clears it. */
  managerSubject?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to a warehouse; fields left out stay as they are. */
export type UpdateWarehouseInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** null clears it. */
  address?: InputMaybe<Scalars['String']['input']>;
  code?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  priority?: InputMaybe<Scalars['Int']['input']>;
};

/** One customer of a bulk upsert, matched by code. */
export type UpsertCustomerInput = {
  addresses?: InputMaybe<Array<AddressInput>>;
  code: Scalars['String']['input'];
  /** At least 0 (0: no credit). */
  creditLimit: MoneyInput;
  email?: InputMaybe<Scalars['String']['input']>;
  location?: InputMaybe<GeoPointInput>;
  name: Scalars['String']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
  segment?: InputMaybe<CustomerSegment>;
  /** Wanted status; moved through the allowed transitions, never around them. */
  status?: InputMaybe<CustomerStatus>;
};

/** What a bulk upsert did with one Customer. */
export type UpsertCustomerItem = {
  code: Scalars['String']['output'];
  customer?: Maybe<Customer>;
  /** Why the item failed; the other items still applied. */
  error?: Maybe<Scalars['String']['output']>;
  /** The item's position in the request. */
  index: Scalars['Int']['output'];
  outcome: UpsertOutcome;
};

export type UpsertCustomersResult = {
  created: Scalars['Int']['output'];
  failed: Scalars['Int']['output'];
  items: Array<UpsertCustomerItem>;
  unchanged: Scalars['Int']['output'];
  updated: Scalars['Int']['output'];
};

/** What a bulk upsert did with one item. */
export type UpsertOutcome =
  | 'CREATED'
  | 'FAILED'
  | 'UNCHANGED'
  | 'UPDATED';

/** One product of a bulk upsert, matched by sku: created when new, updated when different, left alone when equal. */
export type UpsertProductInput = {
  attributes?: InputMaybe<Array<ProductAttributeInput>>;
  /** Above zero. */
  basePrice: MoneyInput;
  brand?: InputMaybe<Scalars['String']['input']>;
  /** The category's slug; unknown slugs fail that item. */
  categorySlug?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  sku: Scalars['String']['input'];
  /** Wanted status; moved through the allowed transitions, never around them. */
  status?: InputMaybe<ProductStatus>;
};

/** What a bulk upsert did with one Product. */
export type UpsertProductItem = {
  /** Why the item failed; the other items still applied. */
  error?: Maybe<Scalars['String']['output']>;
  /** The item's position in the request. */
  index: Scalars['Int']['output'];
  outcome: UpsertOutcome;
  product?: Maybe<Product>;
  sku: Scalars['String']['output'];
};

export type UpsertProductsResult = {
  created: Scalars['Int']['output'];
  failed: Scalars['Int']['output'];
  items: Array<UpsertProductItem>;
  unchanged: Scalars['Int']['output'];
  updated: Scalars['Int']['output'];
};

/** What a bulk upsert did with one StockLevel. */
export type UpsertStockLevelItem = {
  /** Why the item failed; the other items still applied. */
  error?: Maybe<Scalars['String']['output']>;
  /** The item's position in the request. */
  index: Scalars['Int']['output'];
  key: Scalars['String']['output'];
  outcome: UpsertOutcome;
  stockLevel?: Maybe<StockLevel>;
};

export type UpsertStockLevelsResult = {
  created: Scalars['Int']['output'];
  failed: Scalars['Int']['output'];
  items: Array<UpsertStockLevelItem>;
  unchanged: Scalars['Int']['output'];
  updated: Scalars['Int']['output'];
};

/** The vehicle an agent drives. */
export type Vehicle = {
  registration: Scalars['String']['output'];
  /** e.g. "VAN", "CAR", "BIKE". */
  type: Scalars['String']['output'];
};

export type VehicleInput = {
  registration: Scalars['String']['input'];
  type: Scalars['String']['input'];
};

/** An agent's visit to a customer, with GPS check-in and check-out. */
export type Visit = {
  /** Null when the caller may not see the agent. */
  agent?: Maybe<FieldAgent>;
  checkIn?: Maybe<GeoFix>;
  checkOut?: Maybe<GeoFix>;
  createdAt: Scalars['DateTime']['output'];
  /** Null, with FORBIDDEN, when the caller may not see the customer (one moved out of a field agent's territory). */
  customer?: Maybe<Customer>;
  /** Metres from the customer's location at check-in (great-circle); null when the customer has no location or before check-in. */
  distanceMeters?: Maybe<Scalars['Float']['output']>;
  id: Scalars['ID']['output'];
  notes?: Maybe<Scalars['String']['output']>;
  /** True when the check-in was farther from the customer than the check-in radius. */
  offSite: Scalars['Boolean']['output'];
  outcome?: Maybe<Scalars['String']['output']>;
  photoUrls: Array<Scalars['String']['output']>;
  scheduledAt: Scalars['DateTime']['output'];
  status: VisitStatus;
  /** Every status move, oldest first. */
  statusHistory: Array<VisitStatusChange>;
  type: VisitType;
  updatedAt: Scalars['DateTime']['output'];
};

export type VisitConnection = {
  edges: Array<VisitEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type VisitEdge = {
  /** Opaque keyset cursor: pass it as `after` (or `before`) to continue from here. */
  cursor: Scalars['String']['output'];
  node: Visit;
};

/** Narrows a visit list; all given conditions must hold. */
export type VisitFilter = {
  agentId?: InputMaybe<Scalars['ID']['input']>;
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** Scheduled at or after. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  status?: InputMaybe<Array<VisitStatus>>;
  territoryId?: InputMaybe<Scalars['ID']['input']>;
  /** Scheduled before. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** PLANNED → IN_PROGRESS (check-in) → COMPLETED (check-out); PLANNED → CANCELLED, or MISSED when not started in time. */
export type VisitStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'IN_PROGRESS'
  | 'MISSED'
  | 'PLANNED';

/** One recorded move of a visit's status. */
export type VisitStatusChange = {
  /** Who moved it: a subject, or system:missed-visits. */
  actor?: Maybe<Scalars['String']['output']>;
  changedAt: Scalars['DateTime']['output'];
  /** Null when the visit was planned. */
  from?: Maybe<VisitStatus>;
  reason?: Maybe<Scalars['String']['output']>;
  to: VisitStatus;
};

export type VisitType =
  | 'DELIVERY'
  | 'SALES'
  | 'SERVICE'
  | 'SURVEY';

/** A place that holds stock. Reservations draw from active warehouses, lowest priority first. */
export type Warehouse = {
  /** Inactive warehouses keep their stock but are never allocated from and refuse stock changes. */
  active: Scalars['Boolean']['output'];
  address?: Maybe<Scalars['String']['output']>;
  /** Short unique code, e.g. "BER-1"; what bulk stock sync refers to. */
  code: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Allocation preference: the lower the number, the earlier the warehouse is drawn from. */
  priority: Scalars['Int']['output'];
  /** The warehouse's levels by product id. */
  stockLevels: StockLevelConnection;
};


/** A place that holds stock. Reservations draw from active warehouses, lowest priority first. */
export type WarehouseStockLevelsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type AuditLogQueryVariables = Exact<{
  filter?: InputMaybe<AuditLogFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AuditLogQuery = { auditLog: { edges: Array<{ cursor: string, node: { id: string, occurredAt: string, recordedAt: string, entity: string, entityId: string, action: string, requestId?: string | null, subgraph: string, actor: { subject?: string | null, role?: string | null }, changes: Array<{ field: string, before?: any | null, after?: any | null, withheld?: AuditWithheld | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor?: string | null } } };

export type CreditFiguresFragment = { limit: { amount: string, currency: string }, exposure: { amount: string, currency: string }, available?: { amount: string, currency: string } | null };

export type PlaceOrderOnCreditMutationVariables = Exact<{
  input: PlaceOrderInput;
  idempotencyKey: Scalars['String']['input'];
}>;


export type PlaceOrderOnCreditMutation = { placeOrder: { id: string, number: string, status: OrderStatus, total: { amount: string, currency: string }, creditOverride?: { by?: string | null, reason: string } | null } };

export type CustomerCreditQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CustomerCreditQuery = { customer?: { id: string, credit?: { limit: { amount: string, currency: string }, exposure: { amount: string, currency: string }, available?: { amount: string, currency: string } | null } | null } | null };

export type CustomersCreditQueryVariables = Exact<{
  ids: Array<Scalars['String']['input']> | Scalars['String']['input'];
  first: Scalars['Int']['input'];
}>;


export type CustomersCreditQuery = { customers: { edges: Array<{ node: { id: string, name: string, credit?: { limit: { amount: string, currency: string }, exposure: { amount: string, currency: string }, available?: { amount: string, currency: string } | null } | null } }> } };

export type OrderCreditOverrideQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OrderCreditOverrideQuery = { order?: { id: string, creditOverride?: { by?: string | null, reason: string } | null } | null };

export type CustomersWithPriceListsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CustomerFilter>;
}>;


export type CustomersWithPriceListsQuery = { customers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ node: { id: string, code: string, name: string, email?: string | null, phone?: string | null, segment: CustomerSegment, priceList?: { id: string, name: string, currency: string } | null } }> } };

export type CustomerByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CustomerByIdQuery = { customer?: { id: string, code: string, name: string, email?: string | null, phone?: string | null, status: CustomerStatus, segment: CustomerSegment, creditLimit: { amount: string, currency: string }, location?: { lat: number, lng: number } | null, addresses: Array<{ kind: AddressKind, city: string, country: string }>, statusHistory: Array<{ from?: CustomerStatus | null, to: CustomerStatus, reason?: string | null }> } | null };

export type CreateCustomerMutationVariables = Exact<{
  input: CreateCustomerInput;
}>;


export type CreateCustomerMutation = { createCustomer: { id: string, code: string, name: string, email?: string | null, status: CustomerStatus } };

export type SuspendCustomerMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
}>;


export type SuspendCustomerMutation = { suspendCustomer: { id: string, status: CustomerStatus } };

export type ReactivateCustomerMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ReactivateCustomerMutation = { reactivateCustomer: { id: string, status: CustomerStatus } };

export type ArchiveCustomerMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
}>;


export type ArchiveCustomerMutation = { archiveCustomer: { id: string, status: CustomerStatus } };

export type UpsertCustomersMutationVariables = Exact<{
  items: Array<UpsertCustomerInput> | UpsertCustomerInput;
}>;


export type UpsertCustomersMutation = { upsertCustomers: { created: number, updated: number, unchanged: number, failed: number, items: Array<{ index: number, code: string, outcome: UpsertOutcome, error?: string | null, customer?: { id: string } | null }> } };

export type DashboardStockLevelFragment = { id: string, productId: string, onHand: number, reserved: number, available: number, reorderPoint: number, updatedAt: string, warehouse: { id: string, code: string }, product?: { id: string, sku: string, name: string } | null };

export type DashboardOrderFragment = { id: string, number: string, status: OrderStatus, createdAt: string, updatedAt: string, total: { amount: string, currency: string }, customer?: { id: string, name: string } | null };

export type DashboardConnectorFragment = { id: string, name: string, system: ExternalSystem, status: ConnectorStatus, health: { lastSuccessAt?: string | null, lastError?: string | null, consecutiveFailures: number } };

export type DashboardSyncRunFragment = { id: string, connectorId: string, status: SyncRunStatus, trigger: SyncTrigger, total: number, processed: number, created: number, updated: number, unchanged: number, failed: number, conflicts: number, queuedAt: string, finishedAt?: string | null };

export type DashboardVisitFragment = { id: string, status: VisitStatus, scheduledAt: string, offSite: boolean, checkIn?: { lat: number, lng: number } | null, agent?: { id: string, name: string, territory?: { id: string, code: string } | null } | null, customer?: { id: string, name: string } | null };

export type DashboardLowStockQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type DashboardLowStockQuery = { lowStock: { edges: Array<{ node: { id: string, productId: string, onHand: number, reserved: number, available: number, reorderPoint: number, updatedAt: string, warehouse: { id: string, code: string }, product?: { id: string, sku: string, name: string } | null } }> } };

export type DashboardProductSearchQueryVariables = Exact<{
  text: Scalars['String']['input'];
}>;


export type DashboardProductSearchQuery = { products: { edges: Array<{ node: { id: string, sku: string, name: string } }> } };

export type DashboardProductLevelsQueryVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type DashboardProductLevelsQuery = { products: { edges: Array<{ node: { id: string, sku: string, name: string, stockLevels?: Array<{ id: string, productId: string, onHand: number, reserved: number, available: number, reorderPoint: number, updatedAt: string, warehouse: { id: string, code: string }, product?: { id: string, sku: string, name: string } | null }> | null } }> } };

export type DashboardStockChangedSubscriptionVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type DashboardStockChangedSubscription = { stockChanged: { id: string, productId: string, onHand: number, reserved: number, available: number, reorderPoint: number, updatedAt: string, warehouse: { id: string, code: string }, product?: { id: string, sku: string, name: string } | null } };

export type DashboardLowStockReachedSubscriptionVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type DashboardLowStockReachedSubscription = { lowStock: { id: string, productId: string, onHand: number, reserved: number, available: number, reorderPoint: number, updatedAt: string, warehouse: { id: string, code: string }, product?: { id: string, sku: string, name: string } | null } };

export type DashboardRecentOrdersQueryVariables = Exact<{
  from: Scalars['DateTime']['input'];
}>;


export type DashboardRecentOrdersQuery = { orders: { edges: Array<{ node: { id: string, number: string, status: OrderStatus, createdAt: string, updatedAt: string, total: { amount: string, currency: string }, customer?: { id: string, name: string } | null } }> } };

export type DashboardOrderStatusChangedSubscriptionVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type DashboardOrderStatusChangedSubscription = { orderStatusChanged: { id: string, number: string, status: OrderStatus, createdAt: string, updatedAt: string, total: { amount: string, currency: string }, customer?: { id: string, name: string } | null } };

export type DashboardSyncQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardSyncQuery = { connectors: Array<{ id: string, name: string, system: ExternalSystem, status: ConnectorStatus, health: { lastSuccessAt?: string | null, lastError?: string | null, consecutiveFailures: number } }> };

export type DashboardConnectorActivityQueryVariables = Exact<{
  connectorId: Scalars['ID']['input'];
}>;


export type DashboardConnectorActivityQuery = { syncRuns: { edges: Array<{ node: { id: string, connectorId: string, status: SyncRunStatus, trigger: SyncTrigger, total: number, processed: number, created: number, updated: number, unchanged: number, failed: number, conflicts: number, queuedAt: string, finishedAt?: string | null } }> }, syncConflicts: { totalCount: number, edges: Array<{ node: { id: string, entityType: SyncEntity, externalId: string, detectedAt: string } }> } };

export type DashboardConnectorStatusChangedSubscriptionVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type DashboardConnectorStatusChangedSubscription = { connectorStatusChanged: { id: string, name: string, system: ExternalSystem, status: ConnectorStatus, health: { lastSuccessAt?: string | null, lastError?: string | null, consecutiveFailures: number } } };

export type DashboardSyncRunUpdatedSubscriptionVariables = Exact<{
  connectorId: Scalars['ID']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type DashboardSyncRunUpdatedSubscription = { syncRunUpdated: { id: string, connectorId: string, status: SyncRunStatus, trigger: SyncTrigger, total: number, processed: number, created: number, updated: number, unchanged: number, failed: number, conflicts: number } };

export type DashboardResolveConflictMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  choice: ConflictResolution;
}>;


export type DashboardResolveConflictMutation = { resolveConflict: { id: string, status: ConflictStatus } };

export type DashboardFieldSalesQueryVariables = Exact<{
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
}>;


export type DashboardFieldSalesQuery = { territories: Array<{ id: string, code: string, name: string, agents: Array<{ id: string, name: string, performance: { planned: number, completed: number, missed: number, completionRate?: number | null } }> }>, visits: { totalCount: number, edges: Array<{ node: { id: string, status: VisitStatus, scheduledAt: string, offSite: boolean, checkIn?: { lat: number, lng: number } | null, agent?: { id: string, name: string, territory?: { id: string, code: string } | null } | null, customer?: { id: string, name: string } | null } }> } };

export type DashboardVisitUpdatedSubscriptionVariables = Exact<{
  territoryId: Scalars['ID']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type DashboardVisitUpdatedSubscription = { visitUpdated: { id: string, status: VisitStatus, scheduledAt: string, offSite: boolean, checkIn?: { lat: number, lng: number } | null, agent?: { id: string, name: string, territory?: { id: string, code: string } | null } | null, customer?: { id: string, name: string } | null } };

export type AgentCardFragment = { id: string, employeeId: string, name: string, email: string, status: AgentStatus, subject?: string | null, vehicle?: { type: string, registration: string } | null };

export type VisitCardFragment = { id: string, type: VisitType, status: VisitStatus, scheduledAt: string, distanceMeters?: number | null, offSite: boolean, notes?: string | null, outcome?: string | null, photoUrls: Array<string>, checkIn?: { at: string, lat: number, lng: number, accuracyMeters?: number | null } | null, checkOut?: { at: string, lat: number, lng: number } | null };

export type TerritoryCardFragment = { id: string, code: string, name: string, managerSubject?: string | null };

export type AgentPeriodResultsFragment = { performance: { planned: number, completed: number, missed: number, completionRate?: number | null, offSiteCheckIns: number }, sales?: { orderCount: number, revenue?: { amount: string, currency: string } | null } | null };

export type CreateTerritoryMutationVariables = Exact<{
  input: CreateTerritoryInput;
}>;


export type CreateTerritoryMutation = { createTerritory: { id: string, code: string, name: string, managerSubject?: string | null } };

export type UpdateTerritoryMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateTerritoryInput;
}>;


export type UpdateTerritoryMutation = { updateTerritory: { id: string, code: string, name: string, managerSubject?: string | null } };

export type CreateAgentMutationVariables = Exact<{
  input: CreateAgentInput;
}>;


export type CreateAgentMutation = { createAgent: { id: string, employeeId: string, name: string, email: string, status: AgentStatus, subject?: string | null, territory?: { code: string } | null, vehicle?: { type: string, registration: string } | null } };

export type UpdateAgentMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateAgentInput;
}>;


export type UpdateAgentMutation = { updateAgent: { id: string, employeeId: string, name: string, email: string, status: AgentStatus, subject?: string | null, vehicle?: { type: string, registration: string } | null } };

export type AssignCustomerMutationVariables = Exact<{
  customerId: Scalars['ID']['input'];
  territoryId: Scalars['ID']['input'];
  agentId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type AssignCustomerMutation = { assignCustomer: { id: string, territory?: { code: string } | null, assignedAgent?: { name: string } | null } };

export type MyAgentQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAgentQuery = { myAgent?: { id: string, employeeId: string, name: string, email: string, status: AgentStatus, subject?: string | null, territory?: { id: string, code: string } | null, vehicle?: { type: string, registration: string } | null } | null };

export type AgentByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AgentByIdQuery = { agent?: { id: string, employeeId: string, name: string, email: string, status: AgentStatus, subject?: string | null, vehicle?: { type: string, registration: string } | null } | null };

export type AgentsQueryVariables = Exact<{
  filter?: InputMaybe<AgentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AgentsQuery = { agents: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ node: { id: string, employeeId: string, name: string, email: string, status: AgentStatus, subject?: string | null, vehicle?: { type: string, registration: string } | null } }> } };

export type TerritoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type TerritoriesQuery = { territories: Array<{ id: string, code: string, name: string, managerSubject?: string | null }> };

export type PlanVisitMutationVariables = Exact<{
  input: PlanVisitInput;
}>;


export type PlanVisitMutation = { planVisit: { id: string, type: VisitType, status: VisitStatus, scheduledAt: string, distanceMeters?: number | null, offSite: boolean, notes?: string | null, outcome?: string | null, photoUrls: Array<string>, agent?: { id: string } | null, customer?: { id: string } | null, checkIn?: { at: string, lat: number, lng: number, accuracyMeters?: number | null } | null, checkOut?: { at: string, lat: number, lng: number } | null } };

export type StartVisitMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  checkIn: GeoFixInput;
}>;


export type StartVisitMutation = { startVisit: { id: string, type: VisitType, status: VisitStatus, scheduledAt: string, distanceMeters?: number | null, offSite: boolean, notes?: string | null, outcome?: string | null, photoUrls: Array<string>, checkIn?: { at: string, lat: number, lng: number, accuracyMeters?: number | null } | null, checkOut?: { at: string, lat: number, lng: number } | null } };

export type CompleteVisitMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: CompleteVisitInput;
}>;


export type CompleteVisitMutation = { completeVisit: { id: string, type: VisitType, status: VisitStatus, scheduledAt: string, distanceMeters?: number | null, offSite: boolean, notes?: string | null, outcome?: string | null, photoUrls: Array<string>, checkIn?: { at: string, lat: number, lng: number, accuracyMeters?: number | null } | null, checkOut?: { at: string, lat: number, lng: number } | null } };

export type CancelVisitMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
}>;


export type CancelVisitMutation = { cancelVisit: { id: string, type: VisitType, status: VisitStatus, scheduledAt: string, distanceMeters?: number | null, offSite: boolean, notes?: string | null, outcome?: string | null, photoUrls: Array<string>, checkIn?: { at: string, lat: number, lng: number, accuracyMeters?: number | null } | null, checkOut?: { at: string, lat: number, lng: number } | null } };

export type VisitByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type VisitByIdQuery = { visit?: { id: string, type: VisitType, status: VisitStatus, scheduledAt: string, distanceMeters?: number | null, offSite: boolean, notes?: string | null, outcome?: string | null, photoUrls: Array<string>, agent?: { name: string } | null, customer?: { id: string, name: string } | null, statusHistory: Array<{ from?: VisitStatus | null, to: VisitStatus, actor?: string | null, reason?: string | null, changedAt: string }>, checkIn?: { at: string, lat: number, lng: number, accuracyMeters?: number | null } | null, checkOut?: { at: string, lat: number, lng: number } | null } | null };

export type VisitsQueryVariables = Exact<{
  filter?: InputMaybe<VisitFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type VisitsQuery = { visits: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ node: { id: string, type: VisitType, status: VisitStatus, scheduledAt: string, distanceMeters?: number | null, offSite: boolean, notes?: string | null, outcome?: string | null, photoUrls: Array<string>, agent?: { id: string } | null, customer?: { id: string, name: string } | null, checkIn?: { at: string, lat: number, lng: number, accuracyMeters?: number | null } | null, checkOut?: { at: string, lat: number, lng: number } | null } }> } };

export type MyVisitsQueryVariables = Exact<{
  date: Scalars['DateTime']['input'];
}>;


export type MyVisitsQuery = { myVisits: Array<{ id: string, type: VisitType, status: VisitStatus, scheduledAt: string, distanceMeters?: number | null, offSite: boolean, notes?: string | null, outcome?: string | null, photoUrls: Array<string>, customer?: { id: string, name: string, location?: { lat: number, lng: number } | null } | null, checkIn?: { at: string, lat: number, lng: number, accuracyMeters?: number | null } | null, checkOut?: { at: string, lat: number, lng: number } | null }> };

export type CustomerFieldSalesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  visitsFirst?: InputMaybe<Scalars['Int']['input']>;
}>;


export type CustomerFieldSalesQuery = { customer?: { id: string, name: string, territory?: { code: string } | null, assignedAgent?: { name: string } | null, visits?: { totalCount: number, edges: Array<{ node: { id: string, status: VisitStatus } }> } | null } | null };

export type AgentResultsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
}>;


export type AgentResultsQuery = { agent?: { id: string, name: string, orders?: { totalCount: number, edges: Array<{ node: { id: string, number: string } }> } | null, performance: { planned: number, completed: number, missed: number, completionRate?: number | null, offSiteCheckIns: number }, sales?: { orderCount: number, revenue?: { amount: string, currency: string } | null } | null } | null };

export type ManagerDashboardQueryVariables = Exact<{
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
}>;


export type ManagerDashboardQuery = { territories: Array<{ code: string, name: string, agents: Array<{ id: string, name: string, performance: { planned: number, completed: number, missed: number, completionRate?: number | null, offSiteCheckIns: number }, sales?: { orderCount: number, revenue?: { amount: string, currency: string } | null } | null }> }> };

export type CreateWarehouseMutationVariables = Exact<{
  input: CreateWarehouseInput;
}>;


export type CreateWarehouseMutation = { createWarehouse: { id: string, code: string, priority: number } };

export type ReceiveStockMutationVariables = Exact<{
  input: ReceiveStockInput;
}>;


export type ReceiveStockMutation = { receiveStock: { id: string, onHand: number, reserved: number, available: number } };

export type ProductStockQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ProductStockQuery = { product?: { sku: string, name: string, stock?: { onHand: number, reserved: number, available: number, inStock: boolean, byWarehouse: Array<{ onHand: number, reserved: number, available: number, warehouse: { code: string } }> } | null } | null };

export type StockChangedSubscriptionVariables = Exact<{
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
  productIds?: InputMaybe<Array<Scalars['ID']['input']> | Scalars['ID']['input']>;
}>;


export type StockChangedSubscription = { stockChanged: { onHand: number, reserved: number, available: number, product?: { id: string, sku: string } | null } };

export type OrderSummaryFragment = { id: string, number: string, status: OrderStatus, currency: string, subtotal: { amount: string, currency: string }, tax: { amount: string }, total: { amount: string } };

export type PlaceOrderMutationVariables = Exact<{
  input: PlaceOrderInput;
  idempotencyKey: Scalars['String']['input'];
}>;


export type PlaceOrderMutation = { placeOrder: { id: string, number: string, status: OrderStatus, currency: string, lines: Array<{ lineNo: number, sku: string, quantity: number, unitPrice: { amount: string, currency: string }, lineTotal: { amount: string } }>, subtotal: { amount: string, currency: string }, tax: { amount: string }, total: { amount: string } } };

export type OrderByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OrderByIdQuery = { order?: { placedById?: string | null, id: string, number: string, status: OrderStatus, currency: string, customer?: { id: string, name: string } | null, lines: Array<{ quantity: number, product?: { id: string, name: string } | null }>, statusHistory: Array<{ from?: OrderStatus | null, to: OrderStatus, actor?: string | null, reason?: string | null }>, transactions: Array<{ kind: TransactionKind, reason?: string | null, amount: { amount: string } }>, paid: { amount: string }, balanceDue: { amount: string }, subtotal: { amount: string, currency: string }, tax: { amount: string }, total: { amount: string } } | null };

export type CustomerOrdersWithStockQueryVariables = Exact<{
  customerId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type CustomerOrdersWithStockQuery = { customer?: { name: string, orders?: { totalCount: number, edges: Array<{ node: { number: string, lines: Array<{ quantity: number, product?: { name: string, stock?: { available: number } | null } | null }> } }> } | null } | null };

export type CustomersOrdersQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  ordersFirst?: InputMaybe<Scalars['Int']['input']>;
}>;


export type CustomersOrdersQuery = { customers: { edges: Array<{ node: { code: string, orders?: { edges: Array<{ node: { number: string, total: { amount: string } } }> } | null } }> } };

export type StartProcessingOrderMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type StartProcessingOrderMutation = { startProcessingOrder: { id: string, status: OrderStatus } };

export type CompleteOrderMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CompleteOrderMutation = { completeOrder: { id: string, status: OrderStatus } };

export type CancelOrderMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
}>;


export type CancelOrderMutation = { cancelOrder: { id: string, status: OrderStatus } };

export type RecordPaymentMutationVariables = Exact<{
  orderId: Scalars['ID']['input'];
  input: PaymentInput;
}>;


export type RecordPaymentMutation = { recordPayment: { id: string, paid: { amount: string }, balanceDue: { amount: string } } };

export type RefundOrderMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: RefundOrderInput;
}>;


export type RefundOrderMutation = { refundOrder: { id: string, status: OrderStatus, paid: { amount: string } } };

export type NextPageFragment = { hasNextPage: boolean, endCursor?: string | null };

export type ApiKeyFieldsFragment = { id: string, prefix: string, scopes: Array<string>, expiresAt?: string | null, revokedAt?: string | null, lastUsedAt?: string | null, createdAt: string };

export type CreatePartnerMutationVariables = Exact<{
  input: CreatePartnerInput;
}>;


export type CreatePartnerMutation = { createPartner: { id: string, name: string, status: PartnerStatus, trustedDocumentsOnly: boolean, requestsPerMinute?: number | null, costPerMinute?: number | null } };

export type UpdatePartnerMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdatePartnerInput;
}>;


export type UpdatePartnerMutation = { updatePartner: { id: string, status: PartnerStatus, statusHistory: Array<{ from?: PartnerStatus | null, to: PartnerStatus, actor?: string | null }> } };

export type PartnersQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type PartnersQuery = { partners: { edges: Array<{ node: { id: string, name: string, status: PartnerStatus, apiKeys: Array<{ id: string, prefix: string, scopes: Array<string>, expiresAt?: string | null, revokedAt?: string | null, lastUsedAt?: string | null, createdAt: string }> } }>, pageInfo: { hasNextPage: boolean, endCursor?: string | null } } };

export type PartnerApiKeysQueryVariables = Exact<{
  partnerId: Scalars['ID']['input'];
}>;


export type PartnerApiKeysQuery = { apiKeys: Array<{ id: string, prefix: string, scopes: Array<string>, expiresAt?: string | null, revokedAt?: string | null, lastUsedAt?: string | null, createdAt: string, partner?: { id: string, name: string } | null }> };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { secret: string, apiKey: { id: string, prefix: string, scopes: Array<string>, expiresAt?: string | null, revokedAt?: string | null, lastUsedAt?: string | null, createdAt: string } } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { id: string, prefix: string, scopes: Array<string>, expiresAt?: string | null, revokedAt?: string | null, lastUsedAt?: string | null, createdAt: string } };

export type RotateApiKeyMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  overlapSeconds: Scalars['Int']['input'];
}>;


export type RotateApiKeyMutation = { rotateApiKey: { secret: string, apiKey: { id: string, prefix: string, scopes: Array<string>, expiresAt?: string | null, revokedAt?: string | null, lastUsedAt?: string | null, createdAt: string } } };

export type PartnerCatalogQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type PartnerCatalogQuery = { products: { edges: Array<{ node: { id: string, sku: string, name: string, basePrice: { amount: string, currency: string } } }> } };

export type ProductCardFragment = { id: string, sku: string, name: string, status: ProductStatus, brand?: string | null, basePrice: { amount: string, currency: string } };

export type ProductByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ProductByIdQuery = { product?: { description?: string | null, publishedAt?: string | null, id: string, sku: string, name: string, status: ProductStatus, brand?: string | null, category?: { id: string, name: string } | null, attributes: Array<{ name: string, value: string }>, statusHistory: Array<{ from?: ProductStatus | null, to: ProductStatus, actor?: string | null }>, basePrice: { amount: string, currency: string } } | null };

export type ProductBySkuQueryVariables = Exact<{
  sku: Scalars['String']['input'];
}>;


export type ProductBySkuQuery = { product?: { id: string, sku: string, name: string, status: ProductStatus, brand?: string | null, basePrice: { amount: string, currency: string } } | null };

export type ProductsPageQueryVariables = Exact<{
  filter?: InputMaybe<ProductFilter>;
  sort?: InputMaybe<ProductSort>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
}>;


export type ProductsPageQuery = { products: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, edges: Array<{ cursor: string, node: { id: string, sku: string, name: string, status: ProductStatus, brand?: string | null, basePrice: { amount: string, currency: string } } }> } };

export type ProductsWithCustomerPriceQueryVariables = Exact<{
  customerId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type ProductsWithCustomerPriceQuery = { products: { edges: Array<{ node: { id: string, sku: string, basePrice: { amount: string, currency: string }, priceFor?: { amount: string, currency: string } | null } }> } };

export type CreateProductMutationVariables = Exact<{
  input: CreateProductInput;
}>;


export type CreateProductMutation = { createProduct: { id: string, sku: string, name: string, status: ProductStatus, brand?: string | null, basePrice: { amount: string, currency: string } } };

export type UpdateProductMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateProductInput;
}>;


export type UpdateProductMutation = { updateProduct: { id: string, sku: string, name: string, status: ProductStatus, brand?: string | null, basePrice: { amount: string, currency: string } } };

export type PublishProductMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PublishProductMutation = { publishProduct: { id: string, status: ProductStatus, publishedAt?: string | null } };

export type UnpublishProductMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type UnpublishProductMutation = { unpublishProduct: { id: string, status: ProductStatus } };

export type ArchiveProductMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ArchiveProductMutation = { archiveProduct: { id: string, status: ProductStatus } };

export type RestoreProductMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RestoreProductMutation = { restoreProduct: { id: string, status: ProductStatus } };

export type UpsertProductsMutationVariables = Exact<{
  items: Array<UpsertProductInput> | UpsertProductInput;
}>;


export type UpsertProductsMutation = { upsertProducts: { created: number, updated: number, unchanged: number, failed: number, items: Array<{ index: number, sku: string, outcome: UpsertOutcome, error?: string | null, product?: { id: string, status: ProductStatus } | null }> } };

export type CreateCategoryMutationVariables = Exact<{
  input: CreateCategoryInput;
}>;


export type CreateCategoryMutation = { createCategory: { id: string, name: string, slug: string } };

export type CreatePriceListMutationVariables = Exact<{
  input: CreatePriceListInput;
}>;


export type CreatePriceListMutation = { createPriceList: { id: string, name: string, currency: string } };

export type SetPriceListPricesMutationVariables = Exact<{
  input: SetPricesInput;
}>;


export type SetPriceListPricesMutation = { setPriceListPrices: { id: string, prices: { totalCount: number } } };

export type AssignPriceListMutationVariables = Exact<{
  customerId: Scalars['ID']['input'];
  priceListId: Scalars['ID']['input'];
}>;


export type AssignPriceListMutation = { assignPriceList: { id: string } };

export type PublicProductCardFragment = { id: string, sku: string, name: string, description?: string | null, brand?: string | null, basePrice: { amount: string, currency: string }, attributes: Array<{ name: string, value: string }>, category?: { id: string, name: string, slug: string } | null, stock?: { available: number, inStock: boolean } | null };

export type PublicProductsQueryVariables = Exact<{
  filter?: InputMaybe<ProductFilter>;
  sort?: InputMaybe<ProductSort>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type PublicProductsQuery = { products: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ node: { id: string, sku: string, name: string, description?: string | null, brand?: string | null, basePrice: { amount: string, currency: string }, attributes: Array<{ name: string, value: string }>, category?: { id: string, name: string, slug: string } | null, stock?: { available: number, inStock: boolean } | null } }> } };

export type PublicProductQueryVariables = Exact<{
  id?: InputMaybe<Scalars['ID']['input']>;
  sku?: InputMaybe<Scalars['String']['input']>;
}>;


export type PublicProductQuery = { product?: { id: string, sku: string, name: string, description?: string | null, brand?: string | null, basePrice: { amount: string, currency: string }, attributes: Array<{ name: string, value: string }>, category?: { id: string, name: string, slug: string } | null, stock?: { available: number, inStock: boolean } | null } | null };

export type PublicCategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type PublicCategoriesQuery = { rootCategories: Array<{ id: string, name: string, slug: string, children: Array<{ id: string, name: string, slug: string }> }> };

export type ShipmentDetailFragment = { id: string, orderId: string, warehouseId: string, carrier?: string | null, trackingNumber?: string | null, status: ShipmentStatus, shippedAt: string, deliveredAt?: string | null, lines: Array<{ productId: string, quantity: number }> };

export type CreateShipmentMutationVariables = Exact<{
  orderId: Scalars['ID']['input'];
  input: CreateShipmentInput;
  idempotencyKey: Scalars['String']['input'];
}>;


export type CreateShipmentMutation = { createShipment: { id: string, orderId: string, warehouseId: string, carrier?: string | null, trackingNumber?: string | null, status: ShipmentStatus, shippedAt: string, deliveredAt?: string | null, lines: Array<{ productId: string, quantity: number }> } };

export type MarkShipmentDeliveredMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  deliveredAt?: InputMaybe<Scalars['DateTime']['input']>;
}>;


export type MarkShipmentDeliveredMutation = { markShipmentDelivered: { id: string, orderId: string, warehouseId: string, carrier?: string | null, trackingNumber?: string | null, status: ShipmentStatus, shippedAt: string, deliveredAt?: string | null, lines: Array<{ productId: string, quantity: number }> } };

export type OrderShipmentsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OrderShipmentsQuery = { order?: { id: string, status: OrderStatus, shipments: Array<{ id: string, orderId: string, warehouseId: string, carrier?: string | null, trackingNumber?: string | null, status: ShipmentStatus, shippedAt: string, deliveredAt?: string | null, lines: Array<{ productId: string, quantity: number }> }> } | null };

export type OrdersWithShipmentsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  filter?: InputMaybe<OrderFilter>;
}>;


export type OrdersWithShipmentsQuery = { orders: { edges: Array<{ node: { number: string, status: OrderStatus, shipments: Array<{ trackingNumber?: string | null, lines: Array<{ quantity: number, product?: { id: string } | null }> }> } }> } };

export type ProductLedgerQueryVariables = Exact<{
  productId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type ProductLedgerQuery = { stockMovements: { edges: Array<{ node: { type: StockMovementType, quantity: number, onHandDelta: number, reservedDelta: number, reference?: string | null, warehouse: { id: string } } }> } };

export type ShipmentByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ShipmentByIdQuery = { shipment?: { id: string, orderId: string, warehouseId: string, carrier?: string | null, trackingNumber?: string | null, status: ShipmentStatus, shippedAt: string, deliveredAt?: string | null, lines: Array<{ productId: string, quantity: number }> } | null };

export type ShipmentUpdatedSubscriptionVariables = Exact<{
  orderId?: InputMaybe<Scalars['ID']['input']>;
  customerId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type ShipmentUpdatedSubscription = { shipmentUpdated: { id: string, orderId: string, status: ShipmentStatus, trackingNumber?: string | null, deliveredAt?: string | null, lines: Array<{ quantity: number, product?: { id: string } | null }> } };

export type SyncedCustomerPricingQueryVariables = Exact<{
  code: Scalars['String']['input'];
  sku: Scalars['String']['input'];
}>;


export type SyncedCustomerPricingQuery = { customer?: { id: string, code: string, status: CustomerStatus, priceList?: { id: string, name: string, currency: string } | null } | null, product?: { id: string, sku: string, status: ProductStatus, basePrice: { amount: string, currency: string } } | null };

export type CustomerPriceForProductQueryVariables = Exact<{
  sku: Scalars['String']['input'];
  customerId: Scalars['ID']['input'];
}>;


export type CustomerPriceForProductQuery = { product?: { id: string, sku: string, basePrice: { amount: string, currency: string }, priceFor?: { amount: string, currency: string } | null } | null };

export type SyncedPriceListsQueryVariables = Exact<{ [key: string]: never; }>;


export type SyncedPriceListsQuery = { priceLists: Array<{ id: string, name: string, currency: string, prices: { totalCount: number, edges: Array<{ node: { price: { amount: string, currency: string }, product?: { sku: string } | null } }> } }> };

export type SyncedCustomerStatusQueryVariables = Exact<{
  code: Scalars['String']['input'];
}>;


export type SyncedCustomerStatusQuery = { customer?: { id: string, code: string, status: CustomerStatus, statusHistory: Array<{ from?: CustomerStatus | null, to: CustomerStatus, reason?: string | null }> } | null };

export type SyncedProductHistoryQueryVariables = Exact<{
  sku: Scalars['String']['input'];
}>;


export type SyncedProductHistoryQuery = { product?: { id: string, sku: string, status: ProductStatus, publishedAt?: string | null, statusHistory: Array<{ from?: ProductStatus | null, to: ProductStatus }> } | null };

export type ConnectorPartsFragment = { id: string, name: string, system: ExternalSystem, direction: SyncDirection, entities: Array<SyncEntity>, mode: SyncMode, pollingSchedule?: string | null, baseUrl?: string | null, fieldMapping: any, conflictPolicy: ConflictPolicy, status: ConnectorStatus, hasCredentials: boolean, health: { lastSuccessAt?: string | null, lastError?: string | null, consecutiveFailures: number } };

export type SyncRunPartsFragment = { id: string, status: SyncRunStatus, trigger: SyncTrigger, entities: Array<SyncEntity>, total: number, processed: number, created: number, updated: number, unchanged: number, failed: number, conflicts: number, full: boolean, attempts: number, maxAttempts: number, lastError?: string | null, nextAttemptAt?: string | null, queuedAt: string, startedAt?: string | null, finishedAt?: string | null, errors: Array<{ externalId?: string | null, message: string, occurredAt: string }> };

export type ConnectorsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConnectorsQuery = { connectors: Array<{ id: string, name: string, system: ExternalSystem, direction: SyncDirection, entities: Array<SyncEntity>, mode: SyncMode, pollingSchedule?: string | null, baseUrl?: string | null, fieldMapping: any, conflictPolicy: ConflictPolicy, status: ConnectorStatus, hasCredentials: boolean, health: { lastSuccessAt?: string | null, lastError?: string | null, consecutiveFailures: number } }> };

export type ConnectorQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ConnectorQuery = { connector?: { id: string, name: string, system: ExternalSystem, direction: SyncDirection, entities: Array<SyncEntity>, mode: SyncMode, pollingSchedule?: string | null, baseUrl?: string | null, fieldMapping: any, conflictPolicy: ConflictPolicy, status: ConnectorStatus, hasCredentials: boolean, health: { lastSuccessAt?: string | null, lastError?: string | null, consecutiveFailures: number } } | null };

export type SyncRunsQueryVariables = Exact<{
  connectorId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type SyncRunsQuery = { syncRuns: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, status: SyncRunStatus, trigger: SyncTrigger, entities: Array<SyncEntity>, total: number, processed: number, created: number, updated: number, unchanged: number, failed: number, conflicts: number, full: boolean, attempts: number, maxAttempts: number, lastError?: string | null, nextAttemptAt?: string | null, queuedAt: string, startedAt?: string | null, finishedAt?: string | null, errors: Array<{ externalId?: string | null, message: string, occurredAt: string }> } }>, pageInfo: { hasNextPage: boolean, endCursor?: string | null } } };

export type SyncRunQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type SyncRunQuery = { syncRun?: { id: string, status: SyncRunStatus, trigger: SyncTrigger, entities: Array<SyncEntity>, total: number, processed: number, created: number, updated: number, unchanged: number, failed: number, conflicts: number, full: boolean, attempts: number, maxAttempts: number, lastError?: string | null, nextAttemptAt?: string | null, queuedAt: string, startedAt?: string | null, finishedAt?: string | null, connector: { id: string, name: string }, errors: Array<{ externalId?: string | null, message: string, occurredAt: string }> } | null };

export type ProductExternalRefsQueryVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type ProductExternalRefsQuery = { products: { edges: Array<{ node: { id: string, sku: string, basePrice: { amount: string, currency: string }, stock?: { onHand: number } | null, externalRefs?: Array<{ connectorId: string, system: ExternalSystem, externalId: string, checksum: string, lastSeenAt: string }> | null } }> } };

export type CreateConnectorMutationVariables = Exact<{
  input: CreateConnectorInput;
}>;


export type CreateConnectorMutation = { createConnector: { id: string, name: string, system: ExternalSystem, direction: SyncDirection, entities: Array<SyncEntity>, mode: SyncMode, pollingSchedule?: string | null, baseUrl?: string | null, fieldMapping: any, conflictPolicy: ConflictPolicy, status: ConnectorStatus, hasCredentials: boolean, health: { lastSuccessAt?: string | null, lastError?: string | null, consecutiveFailures: number } } };

export type UpdateConnectorMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateConnectorInput;
}>;


export type UpdateConnectorMutation = { updateConnector: { id: string, name: string, system: ExternalSystem, direction: SyncDirection, entities: Array<SyncEntity>, mode: SyncMode, pollingSchedule?: string | null, baseUrl?: string | null, fieldMapping: any, conflictPolicy: ConflictPolicy, status: ConnectorStatus, hasCredentials: boolean, health: { lastSuccessAt?: string | null, lastError?: string | null, consecutiveFailures: number } } };

export type PauseConnectorMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PauseConnectorMutation = { pauseConnector: { id: string, status: ConnectorStatus } };

export type ResumeConnectorMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ResumeConnectorMutation = { resumeConnector: { id: string, status: ConnectorStatus } };

export type TriggerSyncMutationVariables = Exact<{
  connectorId: Scalars['ID']['input'];
  entities?: InputMaybe<Array<SyncEntity> | SyncEntity>;
  full?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type TriggerSyncMutation = { triggerSync: { id: string, status: SyncRunStatus, trigger: SyncTrigger, entities: Array<SyncEntity>, total: number, processed: number, created: number, updated: number, unchanged: number, failed: number, conflicts: number, full: boolean, attempts: number, maxAttempts: number, lastError?: string | null, nextAttemptAt?: string | null, queuedAt: string, startedAt?: string | null, finishedAt?: string | null, errors: Array<{ externalId?: string | null, message: string, occurredAt: string }> } };

export type CancelSyncRunMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CancelSyncRunMutation = { cancelSyncRun: { id: string, status: SyncRunStatus } };

export type RetrySyncRunMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RetrySyncRunMutation = { retrySyncRun: { id: string, status: SyncRunStatus, trigger: SyncTrigger } };

export type SyncConflictPartsFragment = { id: string, entityType: SyncEntity, externalId: string, entityId: string, status: ConflictStatus, resolution?: ConflictResolution | null, resolvedBy?: string | null, resolvedAt?: string | null, sourceValue: any, supergraphValue: any, detectedAt: string };

export type SyncConflictsQueryVariables = Exact<{
  connectorId: Scalars['ID']['input'];
  status?: InputMaybe<ConflictStatus>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type SyncConflictsQuery = { syncConflicts: { totalCount: number, edges: Array<{ node: { id: string, entityType: SyncEntity, externalId: string, entityId: string, status: ConflictStatus, resolution?: ConflictResolution | null, resolvedBy?: string | null, resolvedAt?: string | null, sourceValue: any, supergraphValue: any, detectedAt: string } }> } };

export type ResolveConflictMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  choice: ConflictResolution;
}>;


export type ResolveConflictMutation = { resolveConflict: { id: string, entityType: SyncEntity, externalId: string, entityId: string, status: ConflictStatus, resolution?: ConflictResolution | null, resolvedBy?: string | null, resolvedAt?: string | null, sourceValue: any, supergraphValue: any, detectedAt: string } };

export type ProductSyncStateQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ProductSyncStateQuery = { product?: { id: string, sku: string, name: string, basePrice: { amount: string }, syncState?: { status: SyncStatus, linkedSystems: number, openConflicts: number, lastSyncedAt?: string | null } | null } | null };

export type CustomerExternalRefsQueryVariables = Exact<{
  code: Scalars['String']['input'];
}>;


export type CustomerExternalRefsQuery = { customer?: { id: string, code: string, name: string, email?: string | null, externalRefs?: Array<{ system: ExternalSystem, externalId: string }> | null } | null };

export type OrderExternalRefsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OrderExternalRefsQuery = { order?: { id: string, number: string, status: OrderStatus, externalRefs?: Array<{ connectorId: string, system: ExternalSystem, externalId: string, lastSyncedAt?: string | null }> | null } | null };

export type SyncedProductBySkuQueryVariables = Exact<{
  sku: Scalars['String']['input'];
}>;


export type SyncedProductBySkuQuery = { product?: { id: string, sku: string, name: string, status: ProductStatus, basePrice: { amount: string, currency: string }, stock?: { onHand: number } | null, externalRefs?: Array<{ connectorId: string, system: ExternalSystem, externalId: string }> | null } | null };

export const CreditFiguresFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CreditFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerCredit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"limit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"exposure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"available"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as DocumentNode<CreditFiguresFragment, unknown>;
export const DashboardStockLevelFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardStockLevel"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StockLevel"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"onHand"}},{"kind":"Field","name":{"kind":"Name","value":"reserved"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"reorderPoint"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"warehouse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<DashboardStockLevelFragment, unknown>;
export const DashboardOrderFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardOrder"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<DashboardOrderFragment, unknown>;
export const DashboardConnectorFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardConnector"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Connector"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"system"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}}]}}]}}]} as unknown as DocumentNode<DashboardConnectorFragment, unknown>;
export const DashboardSyncRunFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardSyncRun"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"connectorId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"}},{"kind":"Field","name":{"kind":"Name","value":"queuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<DashboardSyncRunFragment, unknown>;
export const DashboardVisitFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardVisit"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Visit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"offSite"}},{"kind":"Field","name":{"kind":"Name","value":"checkIn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lng"}}]}},{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"territory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<DashboardVisitFragment, unknown>;
export const AgentCardFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AgentCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FieldAgent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"employeeId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"registration"}}]}}]}}]} as unknown as DocumentNode<AgentCardFragment, unknown>;
export const VisitCardFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VisitCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Visit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"distanceMeters"}},{"kind":"Field","name":{"kind":"Name","value":"offSite"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"photoUrls"}},{"kind":"Field","name":{"kind":"Name","value":"checkIn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lng"}},{"kind":"Field","name":{"kind":"Name","value":"accuracyMeters"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lng"}}]}}]}}]} as unknown as DocumentNode<VisitCardFragment, unknown>;
export const TerritoryCardFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TerritoryCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Territory"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"managerSubject"}}]}}]} as unknown as DocumentNode<TerritoryCardFragment, unknown>;
export const AgentPeriodResultsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AgentPeriodResults"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FieldAgent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"performance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planned"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"missed"}},{"kind":"Field","name":{"kind":"Name","value":"completionRate"}},{"kind":"Field","name":{"kind":"Name","value":"offSiteCheckIns"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sales"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderCount"}},{"kind":"Field","name":{"kind":"Name","value":"revenue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<AgentPeriodResultsFragment, unknown>;
export const OrderSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"subtotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tax"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]} as unknown as DocumentNode<OrderSummaryFragment, unknown>;
export const NextPageFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NextPage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<NextPageFragment, unknown>;
export const ApiKeyFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApiKeyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<ApiKeyFieldsFragment, unknown>;
export const ProductCardFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProductCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"basePrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as DocumentNode<ProductCardFragment, unknown>;
export const PublicProductCardFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PublicProductCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"basePrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"inStock"}}]}}]}}]} as unknown as DocumentNode<PublicProductCardFragment, unknown>;
export const ShipmentDetailFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ShipmentDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Shipment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"warehouseId"}},{"kind":"Field","name":{"kind":"Name","value":"carrier"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"shippedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}}]}}]} as unknown as DocumentNode<ShipmentDetailFragment, unknown>;
export const ConnectorPartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConnectorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Connector"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"system"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"entities"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"pollingSchedule"}},{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"fieldMapping"}},{"kind":"Field","name":{"kind":"Name","value":"conflictPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"hasCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}}]}}]}}]} as unknown as DocumentNode<ConnectorPartsFragment, unknown>;
export const SyncRunPartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncRunParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"entities"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"}},{"kind":"Field","name":{"kind":"Name","value":"full"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"maxAttempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"queuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}}]} as unknown as DocumentNode<SyncRunPartsFragment, unknown>;
export const SyncConflictPartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncConflictParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncConflict"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entityType"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"resolution"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedBy"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"sourceValue"}},{"kind":"Field","name":{"kind":"Name","value":"supergraphValue"}},{"kind":"Field","name":{"kind":"Name","value":"detectedAt"}}]}}]} as unknown as DocumentNode<SyncConflictPartsFragment, unknown>;
export const AuditLogDocument = {"__meta__":{"hash":"d805db3a2b92c348d92ec72df42d3fdd80743a12403de02e214c3e4dfaf38c3b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditLogFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"entity"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"subgraph"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"withheld"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AuditLogQuery, AuditLogQueryVariables>;
export const PlaceOrderOnCreditDocument = {"__meta__":{"hash":"b2700a658b6eeebfab920c114b65c0603b839a0ce34d789a3ff035aacdc13d82"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PlaceOrderOnCredit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PlaceOrderInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"placeOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditOverride"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"by"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<PlaceOrderOnCreditMutation, PlaceOrderOnCreditMutationVariables>;
export const CustomerCreditDocument = {"__meta__":{"hash":"a5f42fbfa6e8a1281a7ad4093b0e413fb9202a5b1b78196fa901481367f6a4d4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerCredit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"credit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CreditFigures"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CreditFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerCredit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"limit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"exposure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"available"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as DocumentNode<CustomerCreditQuery, CustomerCreditQueryVariables>;
export const CustomersCreditDocument = {"__meta__":{"hash":"2cd02fd3a3ddb92d6be230843919f61c2f9a8511486e71a2c5300bae364f0ef2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomersCredit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"credit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CreditFigures"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CreditFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerCredit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"limit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"exposure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"available"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as DocumentNode<CustomersCreditQuery, CustomersCreditQueryVariables>;
export const OrderCreditOverrideDocument = {"__meta__":{"hash":"f17d62efa568bcd39a6f1853929291c36707df8686522e92ee8cba919449e5d6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrderCreditOverride"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"creditOverride"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"by"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<OrderCreditOverrideQuery, OrderCreditOverrideQueryVariables>;
export const CustomersWithPriceListsDocument = {"__meta__":{"hash":"8f3a1d3fa0a4ce33ebe0c232009672ca57f2d6c4ac562cbb241c0b4be529aaf3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomersWithPriceLists"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"segment"}},{"kind":"Field","name":{"kind":"Name","value":"priceList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NextPage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<CustomersWithPriceListsQuery, CustomersWithPriceListsQueryVariables>;
export const CustomerByIdDocument = {"__meta__":{"hash":"d6d0a36f9ea5613237673f1cf5af7b545ef0fe16de2b9b26db5e473e357842c0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"segment"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lng"}}]}},{"kind":"Field","name":{"kind":"Name","value":"addresses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statusHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<CustomerByIdQuery, CustomerByIdQueryVariables>;
export const CreateCustomerDocument = {"__meta__":{"hash":"ce07f74ee9249bb3e35728c4b16859e1ea31bed468c213c244a25cce6a13be4d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCustomerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CreateCustomerMutation, CreateCustomerMutationVariables>;
export const SuspendCustomerDocument = {"__meta__":{"hash":"a3a85b48790ae31a142656d870c1e2af147f7e31fe0e4bcee5e7cd072d04fa8a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SuspendCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suspendCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SuspendCustomerMutation, SuspendCustomerMutationVariables>;
export const ReactivateCustomerDocument = {"__meta__":{"hash":"831ac5807a82580d85df3021047292e28abe61d566032faaaa2efe4bbcab2a99"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReactivateCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reactivateCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ReactivateCustomerMutation, ReactivateCustomerMutationVariables>;
export const ArchiveCustomerDocument = {"__meta__":{"hash":"9acd0fcc572d275f3c3d86237c912d7cfe828621f60792fb8c25b7d52dc23560"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ArchiveCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archiveCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ArchiveCustomerMutation, ArchiveCustomerMutationVariables>;
export const UpsertCustomersDocument = {"__meta__":{"hash":"75eb4320d5fef2d835ecc34b5b6245762833f83c324580938063df02604a6ce9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertCustomers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"items"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpsertCustomerInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertCustomers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"items"},"value":{"kind":"Variable","name":{"kind":"Name","value":"items"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<UpsertCustomersMutation, UpsertCustomersMutationVariables>;
export const DashboardLowStockDocument = {"__meta__":{"hash":"70b9b1836d600b20c935a54964b4d287ca61108bb8ce5a3a8b17994131d70a89"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardLowStock"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lowStock"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardStockLevel"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardStockLevel"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StockLevel"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"onHand"}},{"kind":"Field","name":{"kind":"Name","value":"reserved"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"reorderPoint"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"warehouse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<DashboardLowStockQuery, DashboardLowStockQueryVariables>;
export const DashboardProductSearchDocument = {"__meta__":{"hash":"04eef321fdbd3e4f24d04b1dbe4b006200d1b67d78887902c90034c814a866dd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardProductSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"8"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardProductSearchQuery, DashboardProductSearchQueryVariables>;
export const DashboardProductLevelsDocument = {"__meta__":{"hash":"7f0d2d8aa8b748341dbdd0ad208fc3753b68fc2257c136f0435d02d0aa99cdec"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardProductLevels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"stockLevels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardStockLevel"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardStockLevel"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StockLevel"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"onHand"}},{"kind":"Field","name":{"kind":"Name","value":"reserved"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"reorderPoint"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"warehouse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<DashboardProductLevelsQuery, DashboardProductLevelsQueryVariables>;
export const DashboardStockChangedDocument = {"__meta__":{"hash":"28311b1433a6435b64412b22a9332d4df45310c2f46e978dd3500f7cd3a10552"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DashboardStockChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stockChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardStockLevel"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardStockLevel"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StockLevel"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"onHand"}},{"kind":"Field","name":{"kind":"Name","value":"reserved"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"reorderPoint"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"warehouse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<DashboardStockChangedSubscription, DashboardStockChangedSubscriptionVariables>;
export const DashboardLowStockReachedDocument = {"__meta__":{"hash":"1e9f004bd9bd2467eef3325b9022c2e9fd893aa8bc407ab566475e49f7714549"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DashboardLowStockReached"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lowStock"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardStockLevel"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardStockLevel"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StockLevel"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"onHand"}},{"kind":"Field","name":{"kind":"Name","value":"reserved"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"reorderPoint"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"warehouse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<DashboardLowStockReachedSubscription, DashboardLowStockReachedSubscriptionVariables>;
export const DashboardRecentOrdersDocument = {"__meta__":{"hash":"0ec1def8f02d72ec979fa8bc661d526c132e854d42483846c071bef7a538d542"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardRecentOrders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardOrder"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardOrder"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<DashboardRecentOrdersQuery, DashboardRecentOrdersQueryVariables>;
export const DashboardOrderStatusChangedDocument = {"__meta__":{"hash":"317f179b3c648d8f7a7ec04f97d865804d50c0d928a3a3fdb11a19239c473d8d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DashboardOrderStatusChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderStatusChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardOrder"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardOrder"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<DashboardOrderStatusChangedSubscription, DashboardOrderStatusChangedSubscriptionVariables>;
export const DashboardSyncDocument = {"__meta__":{"hash":"e8ea57ff25d035749056085a667156c963e04fc6cd83138a75ce77299e56ea0a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardSync"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardConnector"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardConnector"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Connector"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"system"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}}]}}]}}]} as unknown as DocumentNode<DashboardSyncQuery, DashboardSyncQueryVariables>;
export const DashboardConnectorActivityDocument = {"__meta__":{"hash":"c4076e094a0d20fb0ac26b2c84c006842e77fd52b121b6dccc559b65edfba1e4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardConnectorActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"connectorId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"connectorId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"connectorId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardSyncRun"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"syncConflicts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"connectorId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"connectorId"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"OPEN"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entityType"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"detectedAt"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardSyncRun"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"connectorId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"}},{"kind":"Field","name":{"kind":"Name","value":"queuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<DashboardConnectorActivityQuery, DashboardConnectorActivityQueryVariables>;
export const DashboardConnectorStatusChangedDocument = {"__meta__":{"hash":"505417b7c013cc01bfd648d7676c29b4b258d60f541eb76bdfc5e9a2ae416fcb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DashboardConnectorStatusChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectorStatusChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardConnector"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardConnector"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Connector"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"system"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}}]}}]}}]} as unknown as DocumentNode<DashboardConnectorStatusChangedSubscription, DashboardConnectorStatusChangedSubscriptionVariables>;
export const DashboardSyncRunUpdatedDocument = {"__meta__":{"hash":"baea320260bea9ee1ed710caae17d06d1c87eb6ffdc33c29bae4cf6b865679bb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DashboardSyncRunUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"connectorId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncRunUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"connectorId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"connectorId"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"connectorId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"}}]}}]}}]} as unknown as DocumentNode<DashboardSyncRunUpdatedSubscription, DashboardSyncRunUpdatedSubscriptionVariables>;
export const DashboardResolveConflictDocument = {"__meta__":{"hash":"9e6e7d08483430f1211dc83359f45eac3490c45a9072ba55bf41c6d0459cdcba"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DashboardResolveConflict"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"choice"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictResolution"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolveConflict"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"choice"},"value":{"kind":"Variable","name":{"kind":"Name","value":"choice"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<DashboardResolveConflictMutation, DashboardResolveConflictMutationVariables>;
export const DashboardFieldSalesDocument = {"__meta__":{"hash":"dab56cf8724cb2b6d3e8c04141c020285ccc57e8df2fd59eaca5ea5d24875696"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardFieldSales"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"territories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"agents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"performance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planned"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"missed"}},{"kind":"Field","name":{"kind":"Name","value":"completionRate"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"visits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardVisit"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardVisit"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Visit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"offSite"}},{"kind":"Field","name":{"kind":"Name","value":"checkIn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lng"}}]}},{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"territory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<DashboardFieldSalesQuery, DashboardFieldSalesQueryVariables>;
export const DashboardVisitUpdatedDocument = {"__meta__":{"hash":"e4af8b3be9a8a9e7efa8843681e62f3b84a0886559dac1cee4671082f2956bab"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DashboardVisitUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"territoryId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visitUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"territoryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"territoryId"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardVisit"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardVisit"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Visit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"offSite"}},{"kind":"Field","name":{"kind":"Name","value":"checkIn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lng"}}]}},{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"territory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<DashboardVisitUpdatedSubscription, DashboardVisitUpdatedSubscriptionVariables>;
export const CreateTerritoryDocument = {"__meta__":{"hash":"de2cdb66de362f6d2859dfe01ba7d3fcafedcd4ddb1e15f2cc91eeb4abbb8068"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTerritory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTerritoryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTerritory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TerritoryCard"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TerritoryCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Territory"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"managerSubject"}}]}}]} as unknown as DocumentNode<CreateTerritoryMutation, CreateTerritoryMutationVariables>;
export const UpdateTerritoryDocument = {"__meta__":{"hash":"f5cfee8e682b6d1c1921a0a74b03ce26a9624042a226436aaf861fd94d165d7a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateTerritory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTerritoryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTerritory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TerritoryCard"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TerritoryCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Territory"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"managerSubject"}}]}}]} as unknown as DocumentNode<UpdateTerritoryMutation, UpdateTerritoryMutationVariables>;
export const CreateAgentDocument = {"__meta__":{"hash":"0bb35c884f3701e47a1befe190eab45f6dca4ca6555217108e3a989b2fca03b7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateAgent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAgentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAgent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AgentCard"}},{"kind":"Field","name":{"kind":"Name","value":"territory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AgentCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FieldAgent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"employeeId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"registration"}}]}}]}}]} as unknown as DocumentNode<CreateAgentMutation, CreateAgentMutationVariables>;
export const UpdateAgentDocument = {"__meta__":{"hash":"ffdfe52260937e01b96c8006d4fbe165f34c338fa447cdc07e48fc65585443fc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateAgent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateAgentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAgent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AgentCard"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AgentCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FieldAgent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"employeeId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"registration"}}]}}]}}]} as unknown as DocumentNode<UpdateAgentMutation, UpdateAgentMutationVariables>;
export const AssignCustomerDocument = {"__meta__":{"hash":"3db578ab4098c0e98796760220e5fb0d7af3fbdb3034c7354b90be1ead20b5ed"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AssignCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"territoryId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agentId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"territoryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"territoryId"}}},{"kind":"Argument","name":{"kind":"Name","value":"agentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"territory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignedAgent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AssignCustomerMutation, AssignCustomerMutationVariables>;
export const MyAgentDocument = {"__meta__":{"hash":"a7b2fc92ddd180466174359576ecfa59932fdb501e74adef318cab889ae8487e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyAgent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myAgent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AgentCard"}},{"kind":"Field","name":{"kind":"Name","value":"territory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AgentCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FieldAgent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"employeeId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"registration"}}]}}]}}]} as unknown as DocumentNode<MyAgentQuery, MyAgentQueryVariables>;
export const AgentByIdDocument = {"__meta__":{"hash":"15944998d0f0ce27dc4a8e2aced9d745b6c80571fa9a493f7c3bbbb850279aa0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgentById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AgentCard"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AgentCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FieldAgent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"employeeId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"registration"}}]}}]}}]} as unknown as DocumentNode<AgentByIdQuery, AgentByIdQueryVariables>;
export const AgentsDocument = {"__meta__":{"hash":"8a15a886a437ef9899648f8bb592b13efaddf1102aad758a2218e17175841182"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Agents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AgentFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AgentCard"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NextPage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AgentCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FieldAgent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"employeeId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"registration"}}]}}]}}]} as unknown as DocumentNode<AgentsQuery, AgentsQueryVariables>;
export const TerritoriesDocument = {"__meta__":{"hash":"4889097caefac0cb7fd65a5fa72849f6b78c7f963d4b2f4425dab8e68bb98096"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Territories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"territories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TerritoryCard"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TerritoryCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Territory"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"managerSubject"}}]}}]} as unknown as DocumentNode<TerritoriesQuery, TerritoriesQueryVariables>;
export const PlanVisitDocument = {"__meta__":{"hash":"028086d64937540c62b689ad59f91122a895ff790ceb571e057107ca936d1477"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PlanVisit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PlanVisitInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planVisit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VisitCard"}},{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VisitCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Visit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"distanceMeters"}},{"kind":"Field","name":{"kind":"Name","value":"offSite"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"photoUrls"}},{"kind":"Field","name":{"kind":"Name","value":"checkIn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lng"}},{"kind":"Field","name":{"kind":"Name","value":"accuracyMeters"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lng"}}]}}]}}]} as unknown as DocumentNode<PlanVisitMutation, PlanVisitMutationVariables>;
export const StartVisitDocument = {"__meta__":{"hash":"b66dbd9d4237307f1d1f863d5726a8ba41e1761db83fd0383effe18ed2f57fdb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartVisit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"checkIn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GeoFixInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startVisit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"checkIn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"checkIn"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VisitCard"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VisitCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Visit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"distanceMeters"}},{"kind":"Field","name":{"kind":"Name","value":"offSite"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"photoUrls"}},{"kind":"Field","name":{"kind":"Name","value":"checkIn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lng"}},{"kind":"Field","name":{"kind":"Name","value":"accuracyMeters"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lng"}}]}}]}}]} as unknown as DocumentNode<StartVisitMutation, StartVisitMutationVariables>;
export const CompleteVisitDocument = {"__meta__":{"hash":"b4002c7fdb8356cbf7bf5c111bf345dfee796c52a8e35d0dbddc651bb646204c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteVisit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CompleteVisitInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeVisit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VisitCard"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VisitCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Visit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"distanceMeters"}},{"kind":"Field","name":{"kind":"Name","value":"offSite"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"photoUrls"}},{"kind":"Field","name":{"kind":"Name","value":"checkIn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lng"}},{"kind":"Field","name":{"kind":"Name","value":"accuracyMeters"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lng"}}]}}]}}]} as unknown as DocumentNode<CompleteVisitMutation, CompleteVisitMutationVariables>;
export const CancelVisitDocument = {"__meta__":{"hash":"7f70c66a832afde68b81fd50c5703dfb8ae972713e7d45d8548735a314c39b51"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelVisit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelVisit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VisitCard"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VisitCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Visit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"distanceMeters"}},{"kind":"Field","name":{"kind":"Name","value":"offSite"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"photoUrls"}},{"kind":"Field","name":{"kind":"Name","value":"checkIn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lng"}},{"kind":"Field","name":{"kind":"Name","value":"accuracyMeters"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lng"}}]}}]}}]} as unknown as DocumentNode<CancelVisitMutation, CancelVisitMutationVariables>;
export const VisitByIdDocument = {"__meta__":{"hash":"4ef7fbc1114ef77ad77ddc44bfdef01e27f37c125bee9858ffa3c1671eb3c683"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VisitById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VisitCard"}},{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statusHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VisitCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Visit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"distanceMeters"}},{"kind":"Field","name":{"kind":"Name","value":"offSite"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"photoUrls"}},{"kind":"Field","name":{"kind":"Name","value":"checkIn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lng"}},{"kind":"Field","name":{"kind":"Name","value":"accuracyMeters"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lng"}}]}}]}}]} as unknown as DocumentNode<VisitByIdQuery, VisitByIdQueryVariables>;
export const VisitsDocument = {"__meta__":{"hash":"1d2dac39ebff69c8470a5b008fe0f58aa9701f514f0b0cd46ed4070eccd9b86f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Visits"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"VisitFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VisitCard"}},{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NextPage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VisitCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Visit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"distanceMeters"}},{"kind":"Field","name":{"kind":"Name","value":"offSite"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"photoUrls"}},{"kind":"Field","name":{"kind":"Name","value":"checkIn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lng"}},{"kind":"Field","name":{"kind":"Name","value":"accuracyMeters"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lng"}}]}}]}}]} as unknown as DocumentNode<VisitsQuery, VisitsQueryVariables>;
export const MyVisitsDocument = {"__meta__":{"hash":"5fa5f75a7190c943ce67b655652331c36b8b2a18ee4c5ed742e12ce60a345c36"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyVisits"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"date"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myVisits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"date"},"value":{"kind":"Variable","name":{"kind":"Name","value":"date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VisitCard"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lng"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VisitCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Visit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"distanceMeters"}},{"kind":"Field","name":{"kind":"Name","value":"offSite"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"photoUrls"}},{"kind":"Field","name":{"kind":"Name","value":"checkIn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lng"}},{"kind":"Field","name":{"kind":"Name","value":"accuracyMeters"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lng"}}]}}]}}]} as unknown as DocumentNode<MyVisitsQuery, MyVisitsQueryVariables>;
export const CustomerFieldSalesDocument = {"__meta__":{"hash":"515f334f56af4c73191298a406bbb4651851a283d949e03423277c833aa3ff76"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerFieldSales"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"visitsFirst"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"territory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignedAgent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"visits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"visitsFirst"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerFieldSalesQuery, CustomerFieldSalesQueryVariables>;
export const AgentResultsDocument = {"__meta__":{"hash":"485055d0c67dabcb19e7e81de0c1b020049f607caf2d217e4628a420d1d1e158"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgentResults"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AgentPeriodResults"}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AgentPeriodResults"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FieldAgent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"performance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planned"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"missed"}},{"kind":"Field","name":{"kind":"Name","value":"completionRate"}},{"kind":"Field","name":{"kind":"Name","value":"offSiteCheckIns"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sales"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderCount"}},{"kind":"Field","name":{"kind":"Name","value":"revenue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<AgentResultsQuery, AgentResultsQueryVariables>;
export const ManagerDashboardDocument = {"__meta__":{"hash":"74fa9ef97718fd0c40dbc4fae0c72417d41d8e3e804b4616aea04af8b8be0750"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ManagerDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"territories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"agents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AgentPeriodResults"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AgentPeriodResults"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FieldAgent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"performance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planned"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"missed"}},{"kind":"Field","name":{"kind":"Name","value":"completionRate"}},{"kind":"Field","name":{"kind":"Name","value":"offSiteCheckIns"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sales"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderCount"}},{"kind":"Field","name":{"kind":"Name","value":"revenue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<ManagerDashboardQuery, ManagerDashboardQueryVariables>;
export const CreateWarehouseDocument = {"__meta__":{"hash":"cb62b02aa0d461d2fa5a210837d084802d450ca02595ac1c0715c0884848c4fc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateWarehouse"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateWarehouseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWarehouse"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}}]}}]}}]} as unknown as DocumentNode<CreateWarehouseMutation, CreateWarehouseMutationVariables>;
export const ReceiveStockDocument = {"__meta__":{"hash":"4d4b3ad28897128ba8eaca80d35235b51c4f6f259bb61f9727968a96ef935e7c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReceiveStock"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReceiveStockInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receiveStock"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"onHand"}},{"kind":"Field","name":{"kind":"Name","value":"reserved"}},{"kind":"Field","name":{"kind":"Name","value":"available"}}]}}]}}]} as unknown as DocumentNode<ReceiveStockMutation, ReceiveStockMutationVariables>;
export const ProductStockDocument = {"__meta__":{"hash":"573cda7cfc83b7ba2283e76eb5587f9b9d648f3cad0555e8cb5782ab594e7da1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductStock"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"stock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"onHand"}},{"kind":"Field","name":{"kind":"Name","value":"reserved"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"inStock"}},{"kind":"Field","name":{"kind":"Name","value":"byWarehouse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"warehouse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"onHand"}},{"kind":"Field","name":{"kind":"Name","value":"reserved"}},{"kind":"Field","name":{"kind":"Name","value":"available"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProductStockQuery, ProductStockQueryVariables>;
export const StockChangedDocument = {"__meta__":{"hash":"5b061bc2ec2dde12ba995d524c592137f1ce03320a7566c6586caa80bb1b93ba"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"StockChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"warehouseId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"productIds"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stockChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"warehouseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"warehouseId"}}},{"kind":"Argument","name":{"kind":"Name","value":"productIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"productIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"onHand"}},{"kind":"Field","name":{"kind":"Name","value":"reserved"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}}]}}]}}]}}]} as unknown as DocumentNode<StockChangedSubscription, StockChangedSubscriptionVariables>;
export const PlaceOrderDocument = {"__meta__":{"hash":"2a6844b6b882ef0926b0f23a26aae694330141d7ce685be1a7cc0e489193baa0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PlaceOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PlaceOrderInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"placeOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderSummary"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineNo"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lineTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"subtotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tax"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]} as unknown as DocumentNode<PlaceOrderMutation, PlaceOrderMutationVariables>;
export const OrderByIdDocument = {"__meta__":{"hash":"1496f4c12bb8f08c259c69a81cf5c9d0403c1c3b1f8b5cee94f2a2375cf82496"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrderById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderSummary"}},{"kind":"Field","name":{"kind":"Name","value":"placedById"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statusHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transactions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balanceDue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"subtotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tax"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]} as unknown as DocumentNode<OrderByIdQuery, OrderByIdQueryVariables>;
export const CustomerOrdersWithStockDocument = {"__meta__":{"hash":"de3df108f57aeea686bcde276969b473bf382f92d41901ac9738d74e0e0ac386"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerOrdersWithStock"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"stock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerOrdersWithStockQuery, CustomerOrdersWithStockQueryVariables>;
export const CustomersOrdersDocument = {"__meta__":{"hash":"bf093f18150e10f54a734cb13571ca67e00b313d4f7e192a61dca68fd23fa495"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomersOrders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ordersFirst"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ordersFirst"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomersOrdersQuery, CustomersOrdersQueryVariables>;
export const StartProcessingOrderDocument = {"__meta__":{"hash":"45c2db05d3c1c91eabaff4ca88b46a4ed359a0c7ddadacba20c8e13a4a6f8a58"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartProcessingOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startProcessingOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<StartProcessingOrderMutation, StartProcessingOrderMutationVariables>;
export const CompleteOrderDocument = {"__meta__":{"hash":"6279faacfe05c278cb4ac5cb7a1207546a9eecc11264aecd91b2ae839cb45b8e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CompleteOrderMutation, CompleteOrderMutationVariables>;
export const CancelOrderDocument = {"__meta__":{"hash":"0fdb5a09f1cfd12c98777e85cba2b3a8aebd8133932321ec08026c2e6d5d40c8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CancelOrderMutation, CancelOrderMutationVariables>;
export const RecordPaymentDocument = {"__meta__":{"hash":"c09fc923e7b418cf47405a8bb171b5aca4c2e5598b499273310a3afc93d43c1c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordPayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PaymentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordPayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"paid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balanceDue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]}}]} as unknown as DocumentNode<RecordPaymentMutation, RecordPaymentMutationVariables>;
export const RefundOrderDocument = {"__meta__":{"hash":"2cc09bcdabedf362b3c088c29f8c95845de5cf81c5ddf4fe4fde31334ad9de61"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefundOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RefundOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refundOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"paid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]}}]} as unknown as DocumentNode<RefundOrderMutation, RefundOrderMutationVariables>;
export const CreatePartnerDocument = {"__meta__":{"hash":"bab49ccf64ec9bbb7325d0afaf2beb3cedbe655cc38b271c803f6b4e195e5251"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePartner"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePartnerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPartner"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trustedDocumentsOnly"}},{"kind":"Field","name":{"kind":"Name","value":"requestsPerMinute"}},{"kind":"Field","name":{"kind":"Name","value":"costPerMinute"}}]}}]}}]} as unknown as DocumentNode<CreatePartnerMutation, CreatePartnerMutationVariables>;
export const UpdatePartnerDocument = {"__meta__":{"hash":"0500cf5b5259af43f1da81b1e05bd9dd3eb7b7ba9b3d98054d651eb155b74e18"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePartner"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePartnerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePartner"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}}]}}]}}]}}]} as unknown as DocumentNode<UpdatePartnerMutation, UpdatePartnerMutationVariables>;
export const PartnersDocument = {"__meta__":{"hash":"569f76abe5b93e923718942671620d083206d7edb30105f16911f5ab5e38329f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Partners"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partners"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ApiKeyFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NextPage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApiKeyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NextPage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<PartnersQuery, PartnersQueryVariables>;
export const PartnerApiKeysDocument = {"__meta__":{"hash":"5376da63cec3fb000ba6f7a4796d787207b5fed1f7edea4d1bfdbdc77eac97b9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerApiKeys"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"partnerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"partnerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"partnerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ApiKeyFields"}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApiKeyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<PartnerApiKeysQuery, PartnerApiKeysQueryVariables>;
export const CreateApiKeyDocument = {"__meta__":{"hash":"ff2c3c2a15b4b1d9bb960642c0351ba3d6bf85653c0eaacc17f7a481e9c81181"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ApiKeyFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApiKeyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = {"__meta__":{"hash":"96711207cd1e91e5e5d23c1607095394b4d4cf869ff0c601811a0f495130d9a8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ApiKeyFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApiKeyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const RotateApiKeyDocument = {"__meta__":{"hash":"5e2e87faa9b0254acc42b4e651ca70db7c1ca6f891a0cef1a566c8f605823eef"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"overlapSeconds"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"overlapSeconds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"overlapSeconds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ApiKeyFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApiKeyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<RotateApiKeyMutation, RotateApiKeyMutationVariables>;
export const PartnerCatalogDocument = {"__meta__":{"hash":"3bdc07664b5f1f5cd863492641465b596e194087ea7cfd843069538bb0d5162d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerCatalog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"basePrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PartnerCatalogQuery, PartnerCatalogQueryVariables>;
export const ProductByIdDocument = {"__meta__":{"hash":"1c193c1b28ae07b91d5d9aab5c25edec54e77830f20ccc33c9196ca60c752a07"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProductCard"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statusHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProductCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"basePrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as DocumentNode<ProductByIdQuery, ProductByIdQueryVariables>;
export const ProductBySkuDocument = {"__meta__":{"hash":"7c5a61bdd45a35c4346b6a243e0b82a7e213237ef1211280580d6779344dd754"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductBySku"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sku"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sku"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sku"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProductCard"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProductCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"basePrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as DocumentNode<ProductBySkuQuery, ProductBySkuQueryVariables>;
export const ProductsPageDocument = {"__meta__":{"hash":"3b4357e399836a15b2643c3485aed9008cec24dede3c27c641a60cc9538bacdb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sort"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductSort"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"sort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sort"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProductCard"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProductCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"basePrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as DocumentNode<ProductsPageQuery, ProductsPageQueryVariables>;
export const ProductsWithCustomerPriceDocument = {"__meta__":{"hash":"e3e601c2d7365a0dc9fbf6996ca4af984b83907fc6fa7e392c2a3bf71b18b6c7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductsWithCustomerPrice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"basePrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"priceFor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProductsWithCustomerPriceQuery, ProductsWithCustomerPriceQueryVariables>;
export const CreateProductDocument = {"__meta__":{"hash":"9482a934bf3b4cc9351c195070fd7b51f9ccbf2b17948a031e3ed8d359b4900a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProductInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProduct"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProductCard"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProductCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"basePrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as DocumentNode<CreateProductMutation, CreateProductMutationVariables>;
export const UpdateProductDocument = {"__meta__":{"hash":"8fbfc20f3885a5a19b87d574b48fa51474ecdb61e5c38e756123d87b827df978"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateProductInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateProduct"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProductCard"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProductCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"basePrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as DocumentNode<UpdateProductMutation, UpdateProductMutationVariables>;
export const PublishProductDocument = {"__meta__":{"hash":"0c7e0559552a6a6ee162d1bbce59736a548981ee1a8625777a412a9bbd485dd2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishProduct"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}}]}}]}}]} as unknown as DocumentNode<PublishProductMutation, PublishProductMutationVariables>;
export const UnpublishProductDocument = {"__meta__":{"hash":"17e7c7850834f7c9dbac48845b22048c28a4b3e9db8b66dad442e9a392e9b5af"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnpublishProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unpublishProduct"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<UnpublishProductMutation, UnpublishProductMutationVariables>;
export const ArchiveProductDocument = {"__meta__":{"hash":"c392ba2941ffad61a35500ebaeef2ab0db0ef578953f7a1829b9a9557094c4ad"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ArchiveProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archiveProduct"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ArchiveProductMutation, ArchiveProductMutationVariables>;
export const RestoreProductDocument = {"__meta__":{"hash":"d25a048241283cfa7429f1f58f95709784dc639c50d4becb9369d310279200a6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreProduct"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<RestoreProductMutation, RestoreProductMutationVariables>;
export const UpsertProductsDocument = {"__meta__":{"hash":"81b505dba6b99cb236f56f8f11acda51cebe773fe27168adafd39a81adbc2bbd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertProducts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"items"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpsertProductInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertProducts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"items"},"value":{"kind":"Variable","name":{"kind":"Name","value":"items"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<UpsertProductsMutation, UpsertProductsMutationVariables>;
export const CreateCategoryDocument = {"__meta__":{"hash":"ad88bfb87abcad693f86c02f9e2b61365505116dd373708bacfe8402f8d2457b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCategory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCategoryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCategory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]} as unknown as DocumentNode<CreateCategoryMutation, CreateCategoryMutationVariables>;
export const CreatePriceListDocument = {"__meta__":{"hash":"cdf19f649ba1fd104d07689ba0e3a3a02a2af430ef71de532b68d6dd4d9345c2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePriceList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePriceListInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPriceList"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as DocumentNode<CreatePriceListMutation, CreatePriceListMutationVariables>;
export const SetPriceListPricesDocument = {"__meta__":{"hash":"62d1fcabfe2f31f498f15332f4f6ddd742cd60c1fbfaa4550c4ef9e10e1ae023"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetPriceListPrices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetPricesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setPriceListPrices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"prices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]} as unknown as DocumentNode<SetPriceListPricesMutation, SetPriceListPricesMutationVariables>;
export const AssignPriceListDocument = {"__meta__":{"hash":"3a1f9f9fdc395f282f56a02280edc7f0a9c824e042d3ff1a6bbd52c46cef13e3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AssignPriceList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"priceListId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignPriceList"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"priceListId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"priceListId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AssignPriceListMutation, AssignPriceListMutationVariables>;
export const PublicProductsDocument = {"__meta__":{"hash":"ce8d612eaf6221036022f177987f6c6d2fe496a61d502f2ead61eb3c450331d4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublicProducts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sort"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductSort"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"sort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sort"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PublicProductCard"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NextPage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PublicProductCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"basePrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"inStock"}}]}}]}}]} as unknown as DocumentNode<PublicProductsQuery, PublicProductsQueryVariables>;
export const PublicProductDocument = {"__meta__":{"hash":"7b26ea9c6de969534191d7625ee6cf02940368465169ebd11bc8e828e3b3b3f0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublicProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sku"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"sku"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sku"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PublicProductCard"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PublicProductCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"basePrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"inStock"}}]}}]}}]} as unknown as DocumentNode<PublicProductQuery, PublicProductQueryVariables>;
export const PublicCategoriesDocument = {"__meta__":{"hash":"74bc2c6686464681918c4c7a7c667c67a276f4a22e9f2dca47b89d0d770f0bee"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublicCategories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rootCategories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]} as unknown as DocumentNode<PublicCategoriesQuery, PublicCategoriesQueryVariables>;
export const CreateShipmentDocument = {"__meta__":{"hash":"2b9f30d8d1453553cf2a27fff7c2ce3aa65da17361374f81121a6593161d38c6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateShipment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateShipmentInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createShipment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ShipmentDetail"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ShipmentDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Shipment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"warehouseId"}},{"kind":"Field","name":{"kind":"Name","value":"carrier"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"shippedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}}]}}]} as unknown as DocumentNode<CreateShipmentMutation, CreateShipmentMutationVariables>;
export const MarkShipmentDeliveredDocument = {"__meta__":{"hash":"d66c2b0f4c4673ca4c9c4c8f3059153959ca6f73521dc0ddaa9ab8b347bffdc3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkShipmentDelivered"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deliveredAt"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markShipmentDelivered"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"deliveredAt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deliveredAt"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ShipmentDetail"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ShipmentDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Shipment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"warehouseId"}},{"kind":"Field","name":{"kind":"Name","value":"carrier"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"shippedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}}]}}]} as unknown as DocumentNode<MarkShipmentDeliveredMutation, MarkShipmentDeliveredMutationVariables>;
export const OrderShipmentsDocument = {"__meta__":{"hash":"663e82c5c46bc61c9b5e40427ca2555b2caf8b02086996d06747f4b9a0ddec9a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrderShipments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"shipments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ShipmentDetail"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ShipmentDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Shipment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"warehouseId"}},{"kind":"Field","name":{"kind":"Name","value":"carrier"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"shippedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}}]}}]} as unknown as DocumentNode<OrderShipmentsQuery, OrderShipmentsQueryVariables>;
export const OrdersWithShipmentsDocument = {"__meta__":{"hash":"ec88fec7dd7f36d238457ed255fe9f7fc436dd74b25a97d30060629032aaecc1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrdersWithShipments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"shipments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrdersWithShipmentsQuery, OrdersWithShipmentsQueryVariables>;
export const ProductLedgerDocument = {"__meta__":{"hash":"c27082acfebe8135955beb2dc865e2766b51fe7472e7fac60b797c90c1b4adba"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductLedger"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"productId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stockMovements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"productId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"productId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"onHandDelta"}},{"kind":"Field","name":{"kind":"Name","value":"reservedDelta"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"warehouse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProductLedgerQuery, ProductLedgerQueryVariables>;
export const ShipmentByIdDocument = {"__meta__":{"hash":"ecf8a886bd9aa5eecae1a2f2975201977daf4a0c157b79101d5a01b666dea869"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShipmentById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shipment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ShipmentDetail"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ShipmentDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Shipment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"warehouseId"}},{"kind":"Field","name":{"kind":"Name","value":"carrier"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"shippedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}}]}}]} as unknown as DocumentNode<ShipmentByIdQuery, ShipmentByIdQueryVariables>;
export const ShipmentUpdatedDocument = {"__meta__":{"hash":"c00830320a1facfd3b8689ad0e277834ae7d585edc7b5ca494e25a9a0d35b7ac"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ShipmentUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shipmentUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderId"}}},{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ShipmentUpdatedSubscription, ShipmentUpdatedSubscriptionVariables>;
export const SyncedCustomerPricingDocument = {"__meta__":{"hash":"2e2474e40e0d5f07c683ebb10745295599ededea30192929400245820283677d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyncedCustomerPricing"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sku"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priceList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sku"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sku"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"basePrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<SyncedCustomerPricingQuery, SyncedCustomerPricingQueryVariables>;
export const CustomerPriceForProductDocument = {"__meta__":{"hash":"a14cbf3564d1ec7221e434a16f791187252cab323acd7996f67b3723684de444"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerPriceForProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sku"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sku"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sku"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"basePrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"priceFor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<CustomerPriceForProductQuery, CustomerPriceForProductQueryVariables>;
export const SyncedPriceListsDocument = {"__meta__":{"hash":"4c6198951c87c072d51642e8ad54c4a5b4dee0e17cab2156463d8715208a3d09"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyncedPriceLists"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priceLists"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"prices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SyncedPriceListsQuery, SyncedPriceListsQueryVariables>;
export const SyncedCustomerStatusDocument = {"__meta__":{"hash":"ecb8cc6c0740dae6765a977e1bb9366742bac372c4faa4164e48bd57c9937627"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyncedCustomerStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<SyncedCustomerStatusQuery, SyncedCustomerStatusQueryVariables>;
export const SyncedProductHistoryDocument = {"__meta__":{"hash":"2b9fc4d6c820b681b8f6071f15958333f67d8ed3b9cf5932784e6031e3a499b4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyncedProductHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sku"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sku"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sku"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"statusHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}}]}}]}}]}}]} as unknown as DocumentNode<SyncedProductHistoryQuery, SyncedProductHistoryQueryVariables>;
export const ConnectorsDocument = {"__meta__":{"hash":"98b27a2fa1cb6e71349e8b5df2a07905cd637364155ddc8e54f65642ed7de8c0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Connectors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConnectorParts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConnectorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Connector"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"system"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"entities"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"pollingSchedule"}},{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"fieldMapping"}},{"kind":"Field","name":{"kind":"Name","value":"conflictPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"hasCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}}]}}]}}]} as unknown as DocumentNode<ConnectorsQuery, ConnectorsQueryVariables>;
export const ConnectorDocument = {"__meta__":{"hash":"ec307f698ebe89c6f1d73d6b24b395ea1d1e3b7dbd75335bc384086155a4a316"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Connector"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connector"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConnectorParts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConnectorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Connector"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"system"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"entities"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"pollingSchedule"}},{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"fieldMapping"}},{"kind":"Field","name":{"kind":"Name","value":"conflictPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"hasCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}}]}}]}}]} as unknown as DocumentNode<ConnectorQuery, ConnectorQueryVariables>;
export const SyncRunsDocument = {"__meta__":{"hash":"3c8dd6caed1f39b83cdf78f0aaaf41de9d5f7466f27f41e4c232580ce00b7ebb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyncRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"connectorId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"connectorId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"connectorId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncRunParts"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NextPage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncRunParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"entities"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"}},{"kind":"Field","name":{"kind":"Name","value":"full"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"maxAttempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"queuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NextPage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<SyncRunsQuery, SyncRunsQueryVariables>;
export const SyncRunDocument = {"__meta__":{"hash":"fd2a1de7fcbdbe530a8b64cb66934161391aa5a9521de8d6d75c06f9edb135b8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyncRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncRunParts"}},{"kind":"Field","name":{"kind":"Name","value":"connector"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncRunParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"entities"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"}},{"kind":"Field","name":{"kind":"Name","value":"full"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"maxAttempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"queuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}}]} as unknown as DocumentNode<SyncRunQuery, SyncRunQueryVariables>;
export const ProductExternalRefsDocument = {"__meta__":{"hash":"a37ad2201e44b7266b98e4cd6add9fc2b6a678f735310c933f8d4d00ad49a5d8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductExternalRefs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"basePrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"onHand"}}]}},{"kind":"Field","name":{"kind":"Name","value":"externalRefs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectorId"}},{"kind":"Field","name":{"kind":"Name","value":"system"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"checksum"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeenAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProductExternalRefsQuery, ProductExternalRefsQueryVariables>;
export const CreateConnectorDocument = {"__meta__":{"hash":"bb31180dc1fa4e1a205ef113499712095dc6c8b462ba20152b43d2172042ad02"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateConnector"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateConnectorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createConnector"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConnectorParts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConnectorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Connector"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"system"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"entities"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"pollingSchedule"}},{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"fieldMapping"}},{"kind":"Field","name":{"kind":"Name","value":"conflictPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"hasCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}}]}}]}}]} as unknown as DocumentNode<CreateConnectorMutation, CreateConnectorMutationVariables>;
export const UpdateConnectorDocument = {"__meta__":{"hash":"8ab458ae5edc32e1cc289d5167c0a5b6151756fc958e896d6f6e861ca652696c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateConnector"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateConnectorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateConnector"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConnectorParts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConnectorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Connector"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"system"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"entities"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"pollingSchedule"}},{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"fieldMapping"}},{"kind":"Field","name":{"kind":"Name","value":"conflictPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"hasCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}}]}}]}}]} as unknown as DocumentNode<UpdateConnectorMutation, UpdateConnectorMutationVariables>;
export const PauseConnectorDocument = {"__meta__":{"hash":"e17cb29d7dbac975dbe4ac0bc08c0b3698c83af74f38df1cdc2c673d63b9b7fd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PauseConnector"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pauseConnector"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<PauseConnectorMutation, PauseConnectorMutationVariables>;
export const ResumeConnectorDocument = {"__meta__":{"hash":"b9a378718781162bb6d30e6ad015902b769753cd41d4f04042d3f9dca0353d47"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResumeConnector"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resumeConnector"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ResumeConnectorMutation, ResumeConnectorMutationVariables>;
export const TriggerSyncDocument = {"__meta__":{"hash":"02c440bd63478306b94a9996e18d1473f4f4c53be38a759a71623ef9e8abdc67"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TriggerSync"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"connectorId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"entities"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SyncEntity"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"full"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"triggerSync"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"connectorId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"connectorId"}}},{"kind":"Argument","name":{"kind":"Name","value":"entities"},"value":{"kind":"Variable","name":{"kind":"Name","value":"entities"}}},{"kind":"Argument","name":{"kind":"Name","value":"full"},"value":{"kind":"Variable","name":{"kind":"Name","value":"full"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncRunParts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncRunParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"entities"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"}},{"kind":"Field","name":{"kind":"Name","value":"full"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"maxAttempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"queuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}}]} as unknown as DocumentNode<TriggerSyncMutation, TriggerSyncMutationVariables>;
export const CancelSyncRunDocument = {"__meta__":{"hash":"4df1b3dd51b211f994f9171384ee85cf3cf26638e56e027078d81a318e9d1b1e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelSyncRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelSyncRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CancelSyncRunMutation, CancelSyncRunMutationVariables>;
export const RetrySyncRunDocument = {"__meta__":{"hash":"b6f01b7ed206ba53eba10ee4cdad6049a305e76b869802d748f3f8981fd033c5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetrySyncRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retrySyncRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}}]}}]}}]} as unknown as DocumentNode<RetrySyncRunMutation, RetrySyncRunMutationVariables>;
export const SyncConflictsDocument = {"__meta__":{"hash":"b830200ae03a55c6ef3a1565ba8fbff61ac84baa3b4894a03fc14cf522f3004e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyncConflicts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"connectorId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncConflicts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"connectorId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"connectorId"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncConflictParts"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncConflictParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncConflict"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entityType"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"resolution"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedBy"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"sourceValue"}},{"kind":"Field","name":{"kind":"Name","value":"supergraphValue"}},{"kind":"Field","name":{"kind":"Name","value":"detectedAt"}}]}}]} as unknown as DocumentNode<SyncConflictsQuery, SyncConflictsQueryVariables>;
export const ResolveConflictDocument = {"__meta__":{"hash":"ac9e67266a2ae0122457847dd0584d077cb99f0b076b30483056d36fd11bd882"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResolveConflict"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"choice"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictResolution"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolveConflict"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"choice"},"value":{"kind":"Variable","name":{"kind":"Name","value":"choice"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncConflictParts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncConflictParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncConflict"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entityType"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"resolution"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedBy"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"sourceValue"}},{"kind":"Field","name":{"kind":"Name","value":"supergraphValue"}},{"kind":"Field","name":{"kind":"Name","value":"detectedAt"}}]}}]} as unknown as DocumentNode<ResolveConflictMutation, ResolveConflictMutationVariables>;
export const ProductSyncStateDocument = {"__meta__":{"hash":"cb6885286e84c820251e6618b37d26212aef2f1ae0e90b24dfc5c235c0f34975"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductSyncState"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"basePrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"syncState"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"linkedSystems"}},{"kind":"Field","name":{"kind":"Name","value":"openConflicts"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ProductSyncStateQuery, ProductSyncStateQueryVariables>;
export const CustomerExternalRefsDocument = {"__meta__":{"hash":"7409390e4a1c92445f2efe507e9240cc654390c824b7894fad1836cb5cb7f21f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerExternalRefs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"externalRefs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"system"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}}]}}]} as unknown as DocumentNode<CustomerExternalRefsQuery, CustomerExternalRefsQueryVariables>;
export const OrderExternalRefsDocument = {"__meta__":{"hash":"8a106630aaece14b780f15cc11fc761fb13911ecb078fd6f539dbb318e31e88b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrderExternalRefs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"externalRefs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectorId"}},{"kind":"Field","name":{"kind":"Name","value":"system"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncedAt"}}]}}]}}]}}]} as unknown as DocumentNode<OrderExternalRefsQuery, OrderExternalRefsQueryVariables>;
export const SyncedProductBySkuDocument = {"__meta__":{"hash":"0c7f904c045b29f0508aee4466047dbbf25c1189c2f72b3399d310bc17719419"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyncedProductBySku"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sku"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sku"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sku"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"basePrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"onHand"}}]}},{"kind":"Field","name":{"kind":"Name","value":"externalRefs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectorId"}},{"kind":"Field","name":{"kind":"Name","value":"system"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}}]}}]} as unknown as DocumentNode<SyncedProductBySkuQuery, SyncedProductBySkuQueryVariables>;