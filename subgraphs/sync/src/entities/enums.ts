import { graphqlEnum, type EnumValue } from '@tradegraph/kit';

export const ExternalSystem = graphqlEnum('ExternalSystem', ['SHOPIFY', 'NETSUITE', 'SAP_BUSINESS_ONE', 'DYNAMICS_365', 'CSV_FILE', 'REST'], {
  description: 'The kind of system a connector talks to.',
});
export type ExternalSystem = EnumValue<typeof ExternalSystem>;
export const SyncDirection = graphqlEnum('SyncDirection', ['INBOUND', 'OUTBOUND', 'BOTH']);
export type SyncDirection = EnumValue<typeof SyncDirection>;
export const SyncEntity = graphqlEnum('SyncEntity', ['PRODUCT', 'INVENTORY', 'CUSTOMER', 'ORDER', 'PRICE_LIST'], {
  description: 'What a connector keeps in step. PRICE_LIST: the system\'s customer-specific price lists (inbound), applied to products and customers synced from it.',
});
export type SyncEntity = EnumValue<typeof SyncEntity>;
export const SyncMode = graphqlEnum('SyncMode', ['WEBHOOK', 'POLLING', 'BOTH'], { description: 'How changes arrive: pushed by webhooks, fetched by polling, or both.' });
export type SyncMode = EnumValue<typeof SyncMode>;
export const ConflictPolicy = graphqlEnum('ConflictPolicy', ['SOURCE_WINS', 'SUPERGRAPH_WINS', 'NEWEST_WINS', 'MANUAL'], {
  description: 'Who wins when both sides changed a record since the last sync.',
});
export type ConflictPolicy = EnumValue<typeof ConflictPolicy>;
export const ConnectorStatus = graphqlEnum('ConnectorStatus', ['ACTIVE', 'PAUSED', 'FAILING']);
export type ConnectorStatus = EnumValue<typeof ConnectorStatus>;
export const SyncTrigger = graphqlEnum('SyncTrigger', ['WEBHOOK', 'SCHEDULE', 'MANUAL', 'RETRY', 'EVENT'], {
  description: 'What started a sync run: a webhook, the polling schedule, a person, retrySyncRun, or (outbound pushes) an order or stock event.',
});
export type SyncTrigger = EnumValue<typeof SyncTrigger>;
export const ConflictStatus = graphqlEnum('ConflictStatus', ['OPEN', 'RESOLVED'], { description: 'OPEN until a policy or a person settles it.' });
export type ConflictStatus = EnumValue<typeof ConflictStatus>;
export const ConflictResolution = graphqlEnum('ConflictResolution', ['SOURCE', 'SUPERGRAPH'], {
  description: 'Which version of a conflicting record won: the external system\'s or the supergraph\'s.',
});
export type ConflictResolution = EnumValue<typeof ConflictResolution>;
export const SyncStatus = graphqlEnum('SyncStatus', ['NOT_SYNCED', 'IN_SYNC', 'CONFLICT'], {
  description: 'NOT_SYNCED: no external system knows it; IN_SYNC: linked and no conflict waits; CONFLICT: an open conflict waits for a person.',
});
export type SyncStatus = EnumValue<typeof SyncStatus>;
export const SyncRunStatus = graphqlEnum('SyncRunStatus', ['QUEUED', 'RUNNING', 'SUCCEEDED', 'PARTIALLY_SUCCEEDED', 'FAILED', 'CANCELLED'], {
  description: 'QUEUED → RUNNING → SUCCEEDED | PARTIALLY_SUCCEEDED | FAILED | CANCELLED; FAILED is the dead letter, which retrySyncRun queues again.',
});
export type SyncRunStatus = EnumValue<typeof SyncRunStatus>;

export const DeletionPolicy = graphqlEnum('DeletionPolicy', ['ARCHIVE', 'IGNORE'], {
  description: 'What a record deleted or made inactive at the source becomes: ARCHIVE acts on it — products ARCHIVED (restored to DRAFT when active again; not while another connector still has them), customers made inactive SUSPENDED (reactivated when active again) and customers deleted ARCHIVED, price lists the source dropped taken from its customers; nothing is ever deleted. IGNORE leaves it as it is.',
});
export type DeletionPolicy = EnumValue<typeof DeletionPolicy>;
