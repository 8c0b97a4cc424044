/**
 * The sync subgraph's events, written to the outbox in the transaction of the change they
 * report (or not at all), then published by kit's relay. Only sync reads them (the
 * `syncRunUpdated` and `connectorStatusChanged` subscriptions). The events sync consumes
 * (orders' and inventory's) come from kit's event catalogue.
 *
 * | type                       | entity      | entityId      | version                   | payload |
 * |----------------------------|-------------|---------------|---------------------------|---------|
 * | `sync_run.updated`         | `SyncRun`   | the run       | the run's `version`       | {@link SyncRunPayload} |
 * | `connector.status_changed` | `Connector` | the connector | the connector's `version` | {@link ConnectorStatusPayload} |
 */
import { recordEvent } from '@tradegraph/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Connector, ConnectorStatus, SyncRun } from '../entities';

/** The bus streams sync's events travel on. */
export const SYNC_RUN_ENTITY = 'SyncRun';
export const CONNECTOR_ENTITY = 'Connector';

export const SyncEvent = {
  RUN_UPDATED: 'sync_run.updated',
  CONNECTOR_STATUS_CHANGED: 'connector.status_changed',
} as const;
export type SyncEvent = (typeof SyncEvent)[keyof typeof SyncEvent];

/** What `sync_run.updated` carries: the run's state after the change. */
export interface SyncRunPayload extends Record<string, unknown> {
  runId: string;
  connectorId: string;
  status: string;
  trigger: string;
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  conflicts: number;
  attempts: number;
  lastError: string | null;
}

/** What `connector.status_changed` carries: the connector's status and health after the change. */
export interface ConnectorStatusPayload extends Record<string, unknown> {
  connectorId: string;
  from: string;
  to: ConnectorStatus;
  lastError: string | null;
  consecutiveFailures: number;
  lastSuccessAt: string | null;
}

/** Progress events of one run are at least this far apart; a change of status is always sent. */
export const PROGRESS_INTERVAL_MS = 500;

/**
 * Adds `sync_run.updated` for the run's current state to the outbox of `em`'s unit of work, so
 * it commits with the change it reports. Call it on every change of status and, while the run
 * works, whenever {@link ProgressThrottle} allows.
 */
export function recordRunUpdated(em: EntityManager, run: SyncRun): void {
  run.version += 1;
  const payload: SyncRunPayload = {
    runId: run.id,
    connectorId: run.connectorId,
    status: run.status,
    trigger: run.trigger,
    total: run.total,
    processed: run.processed,
    created: run.created,
    updated: run.updated,
    unchanged: run.unchanged,
    failed: run.failed,
    conflicts: run.conflicts,
    attempts: run.attempts,
    lastError: run.lastError,
  };
  recordEvent(em, { type: SyncEvent.RUN_UPDATED, entity: SYNC_RUN_ENTITY, entityId: run.id, version: run.version, payload });
}

/** Adds `connector.status_changed` (the connector's status and health after the change) to the outbox. */
export function recordConnectorStatus(em: EntityManager, connector: Connector, from: string): void {
  connector.version += 1;
  const payload: ConnectorStatusPayload = {
    connectorId: connector.id,
    from,
    to: connector.status,
    lastError: connector.lastError,
    consecutiveFailures: connector.consecutiveFailures,
    lastSuccessAt: connector.lastSuccessAt?.toISOString() ?? null,
  };
  recordEvent(em, { type: SyncEvent.CONNECTOR_STATUS_CHANGED, entity: CONNECTOR_ENTITY, entityId: connector.id, version: connector.version, payload });
}

/** Lets a run's progress through at most every {@link PROGRESS_INTERVAL_MS}. */
export class ProgressThrottle {
  private last = 0;
  constructor(private readonly intervalMs = PROGRESS_INTERVAL_MS, private readonly now: () => number = Date.now) {}

  /** true when enough time has passed since the last progress event (and counts this one) */
  due(): boolean {
    const now = this.now();
    if (now - this.last < this.intervalMs) return false;
    this.last = now;
    return true;
  }
}
