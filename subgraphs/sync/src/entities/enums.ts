import { registerEnumType } from 'type-graphql';

export enum ExternalSystem { SHOPIFY = 'SHOPIFY', NETSUITE = 'NETSUITE', SAP_BUSINESS_ONE = 'SAP_BUSINESS_ONE', DYNAMICS_365 = 'DYNAMICS_365', CSV_FILE = 'CSV_FILE', REST = 'REST' }
export enum SyncDirection { INBOUND = 'INBOUND', OUTBOUND = 'OUTBOUND', BOTH = 'BOTH' }
export enum SyncEntity { PRODUCT = 'PRODUCT', INVENTORY = 'INVENTORY', CUSTOMER = 'CUSTOMER', ORDER = 'ORDER' }
export enum SyncMode { WEBHOOK = 'WEBHOOK', POLLING = 'POLLING', BOTH = 'BOTH' }
export enum ConflictPolicy { SOURCE_WINS = 'SOURCE_WINS', SUPERGRAPH_WINS = 'SUPERGRAPH_WINS', NEWEST_WINS = 'NEWEST_WINS', MANUAL = 'MANUAL' }
export enum ConnectorStatus { ACTIVE = 'ACTIVE', PAUSED = 'PAUSED', FAILING = 'FAILING' }
export enum SyncTrigger { WEBHOOK = 'WEBHOOK', SCHEDULE = 'SCHEDULE', MANUAL = 'MANUAL', RETRY = 'RETRY', EVENT = 'EVENT' }
export enum ConflictStatus { OPEN = 'OPEN', RESOLVED = 'RESOLVED' }
export enum ConflictResolution { SOURCE = 'SOURCE', SUPERGRAPH = 'SUPERGRAPH' }
export enum SyncStatus { NOT_SYNCED = 'NOT_SYNCED', IN_SYNC = 'IN_SYNC', CONFLICT = 'CONFLICT' }
export enum SyncRunStatus { QUEUED = 'QUEUED', RUNNING = 'RUNNING', SUCCEEDED = 'SUCCEEDED', PARTIALLY_SUCCEEDED = 'PARTIALLY_SUCCEEDED', FAILED = 'FAILED', CANCELLED = 'CANCELLED' }

registerEnumType(ExternalSystem, { name: 'ExternalSystem', description: 'The kind of system a connector talks to.' });
registerEnumType(SyncDirection, { name: 'SyncDirection' });
registerEnumType(SyncEntity, { name: 'SyncEntity', description: 'What a connector keeps in step.' });
registerEnumType(SyncMode, { name: 'SyncMode', description: 'How changes arrive: pushed by webhooks, fetched by polling, or both.' });
registerEnumType(ConflictPolicy, { name: 'ConflictPolicy', description: 'Who wins when both sides changed a record since the last sync.' });
registerEnumType(ConnectorStatus, { name: 'ConnectorStatus' });
registerEnumType(SyncTrigger, { name: 'SyncTrigger', description: 'What started a sync run: a webhook, the polling schedule, a person, retrySyncRun, or (outbound pushes) an order or stock event.' });
registerEnumType(ConflictStatus, { name: 'ConflictStatus', description: 'OPEN until a policy or a person settles it.' });
registerEnumType(ConflictResolution, { name: 'ConflictResolution', description: 'Which version of a conflicting record won: the external system\'s or the supergraph\'s.' });
registerEnumType(SyncStatus, { name: 'SyncStatus', description: 'NOT_SYNCED: no external system knows it; IN_SYNC: linked and no conflict waits; CONFLICT: an open conflict waits for a person.' });
registerEnumType(SyncRunStatus, { name: 'SyncRunStatus', description: 'QUEUED → RUNNING → SUCCEEDED | PARTIALLY_SUCCEEDED | FAILED | CANCELLED; FAILED is the dead letter, which retrySyncRun queues again.' });
