import { OutboxEvent } from '@tradegraph/kit';
import { Connector } from './connector';
import { ExternalRef } from './external-ref';
import { InboundOrder } from './inbound-order';
import { SyncConflict } from './sync-conflict';
import { SyncRun, SyncRunError } from './sync-run';
import { WebhookDelivery } from './webhook-delivery';

export * from './enums';
export * from './connector';
export * from './external-ref';
export * from './inbound-order';
export * from './sync-conflict';
export * from './sync-run';
export * from './webhook-delivery';
export * from './references';

/** The sync subgraph's tables. */
export const entities = [Connector, SyncRun, SyncRunError, ExternalRef, WebhookDelivery, SyncConflict, InboundOrder, OutboxEvent];
