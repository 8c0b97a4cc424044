import { LockMode } from '@mikro-orm/core';
import { badInput, conflict as conflictError, findByIdOrNotFound, findPage, type AuditSource, type ConnectionPage, type PageArgs, type SubgraphRuntime } from '@tradegraph/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictStatus, Connector, ConnectorStatus, SyncConflict, SyncEntity, SyncRun, SyncRunError, SyncRunStatus, SyncTrigger, type ConflictPolicy, type ConflictResolution, type DeletionPolicy, type ExternalSystem, type SyncDirection, type SyncMode } from '../entities';
import { recordConnectorStatus, recordRunUpdated } from './events';
import { resolveConflictWith, type EntityHandler, type SourceRecord } from './inbound';
import { entityHandlerFor } from './entity-handlers';
import { syncSettingsOf } from '../settings';
import { CredentialBox, type ConnectorCredentials } from './crypto';
import { dequeueRun, enqueueRun, ensureQueue } from './queue';
import { syncRunStatus } from './run-status';
import { auditConnector, auditConnectorStatus, auditRun, connectorSnapshot, runSnapshot, type RunAction } from './audit';
import { canonicalJson } from './field-groups';

export interface ConnectorFields {
  name?: string;
  system?: ExternalSystem;
  direction?: SyncDirection;
  entities?: SyncEntity[];
  mode?: SyncMode;
  pollingSchedule?: string | null;
  baseUrl?: string | null;
  fieldMapping?: Record<string, unknown>;
  conflictPolicy?: ConflictPolicy;
  deletions?: DeletionPolicy;
  credentials?: ConnectorCredentials | null;
}

/** Runs and conflicts are listed newest first. */
const RUNS_NEWEST_FIRST = { field: 'queuedAt', descending: true };
const CONFLICTS_NEWEST_FIRST = { field: 'detectedAt', descending: true };

/** Connectors and their runs: the rules, no GraphQL. */
export class SyncService {
  private readonly box: CredentialBox;

  constructor(private readonly em: EntityManager, private readonly runtime: SubgraphRuntime) {
    this.box = new CredentialBox(syncSettingsOf(runtime.settings).encryptionKey);
  }

  /** Every connector, by name (at most 500). */
  connectors(): Promise<Connector[]> {
    return this.em.find(Connector, {}, { orderBy: { name: 'asc', id: 'asc' }, limit: 500 });
  }

  /** A connector's runs, newest first. */
  runs(connectorId: string, page: PageArgs): Promise<ConnectionPage<SyncRun>> {
    return findPage(this.em, SyncRun, { connectorId }, RUNS_NEWEST_FIRST, page);
  }

  /** The records a run could not apply, oldest first, at most `first` (clamped to 0–1000). */
  runErrors(runId: string, first: number): Promise<SyncRunError[]> {
    return this.em.find(SyncRunError, { runId }, { orderBy: { id: 'asc' }, limit: Math.min(Math.max(first, 0), 1000) });
  }

  /** A connector's conflicts (of one status, when given), newest first. */
  conflicts(connectorId: string, status: ConflictStatus | undefined, page: PageArgs): Promise<ConnectionPage<SyncConflict>> {
    return findPage(this.em, SyncConflict, { connectorId, ...(status ? { status } : {}) }, CONFLICTS_NEWEST_FIRST, page);
  }

  async connector(id: string): Promise<Connector> {
    return findByIdOrNotFound(this.em, Connector, id);
  }

  async run(id: string): Promise<SyncRun> {
    return findByIdOrNotFound(this.em, SyncRun, id);
  }

  /** Creates a connector, audited (its credentials only as withheld) in the same transaction. */
  async createConnector(fields: Required<Pick<ConnectorFields, 'name' | 'system' | 'direction' | 'entities' | 'mode' | 'conflictPolicy'>> & ConnectorFields, source: AuditSource): Promise<Connector> {
    const { credentials, ...rest } = fields;
    const connector = this.em.create(Connector, { ...rest, fieldMapping: rest.fieldMapping ?? {}, credentialsCiphertext: credentials ? this.box.seal(credentials) : null });
    auditConnector(this.em, source, connector.id, null, connectorSnapshot(connector, credentials ? 1 : null));
    await this.em.persistAndFlush(connector);
    return connector;
  }

  /**
   * Updates what is given, audited in the same transaction (nothing when nothing changed);
   * credentials are replaced whole (null clears them), never read back, and sealed again only
   * when they differ from the stored ones.
   */
  async updateConnector(id: string, fields: ConnectorFields, source: AuditSource): Promise<Connector> {
    return this.em.transactional(async (tx) => {
      const connector = await lockedConnector(tx, id);
      const before = connectorSnapshot(connector, 0);
      const { credentials, ...rest } = fields;
      for (const [key, value] of Object.entries(rest)) if (value !== undefined) (connector as unknown as Record<string, unknown>)[key] = value;
      const replaced = credentials !== undefined && this.credentialsDiffer(connector.credentialsCiphertext, credentials);
      if (replaced) connector.credentialsCiphertext = credentials ? this.box.seal(credentials) : null;
      auditConnector(tx, source, connector.id, before, connectorSnapshot(connector, replaced ? 1 : 0));
      await tx.flush();
      return connector;
    });
  }

  /** Whether new credentials differ from the sealed ones (unreadable ones always differ). */
  private credentialsDiffer(sealed: string | null, next: ConnectorCredentials | null): boolean {
    if (!sealed || !next) return !sealed !== !next;
    try {
      return canonicalJson(this.box.open(sealed)) !== canonicalJson(next);
    } catch {
      return true;
    }
  }

  async pauseConnector(id: string, source: AuditSource): Promise<Connector> {
    return this.em.transactional(async (tx) => {
      const connector = await lockedConnector(tx, id);
      const before = connector.status;
      connector.status = ConnectorStatus.PAUSED;
      if (before !== connector.status) {
        recordConnectorStatus(tx, connector, before);
        auditConnectorStatus(tx, source, connector, before);
      }
      await tx.flush();
      return connector;
    });
  }

  /** Resumes, and queues again the runs that waited while it was paused. */
  async resumeConnector(id: string, source: AuditSource): Promise<Connector> {
    await ensureQueue(this.runtime);
    return this.em.transactional(async (tx) => {
      const connector = await lockedConnector(tx, id);
      const before = connector.status;
      connector.status = connector.consecutiveFailures > 0 ? ConnectorStatus.FAILING : ConnectorStatus.ACTIVE;
      if (before !== connector.status) {
        recordConnectorStatus(tx, connector, before);
        auditConnectorStatus(tx, source, connector, before);
      }
      const waiting = await tx.find(SyncRun, { connectorId: id, status: SyncRunStatus.QUEUED });
      for (const run of waiting) await enqueueRun(tx, run, run.nextAttemptAt);
      await tx.flush();
      return connector;
    });
  }

  /**
   * Queues a run of the connector; the run row, its job and its audit entry (the caller: the
   * run has no column for who asked) commit together. A `full` run reads every record;
   * otherwise only those changed since the connector's cursors.
   */
  async triggerSync(connectorId: string, entities: SyncEntity[] | null | undefined, full: boolean, source: AuditSource): Promise<SyncRun> {
    const connector = await this.connector(connectorId);
    const wanted = entities?.length ? entities : connector.entities;
    const unknown = wanted.filter((e) => !connector.entities.includes(e));
    if (unknown.length) throw badInput('entities', `the connector does not sync ${unknown.join(', ')} (it syncs ${connector.entities.join(', ')})`);
    await ensureQueue(this.runtime);
    return this.em.transactional(async (tx) => {
      const run = tx.create(SyncRun, { connectorId, trigger: SyncTrigger.MANUAL, full, entities: wanted, maxAttempts: syncSettingsOf(this.runtime.settings).maxAttempts, queuedAt: new Date() });
      tx.persist(run);
      auditRun(tx, source, 'triggered', null, run);
      await tx.flush();
      await enqueueRun(tx, run);
      return run;
    });
  }

  /** Cancels a queued or running run (audited); a running one stops before its next batch. */
  cancelRun(id: string, source: AuditSource): Promise<SyncRun> {
    return this.moveRun(id, SyncRunStatus.CANCELLED, { finishedAt: new Date() }, { source, action: 'cancelled' }, (tx) => dequeueRun(tx, id));
  }

  /** Queues a FAILED (dead-lettered) or CANCELLED run again with fresh attempts (audited). */
  retryRun(id: string, source: AuditSource): Promise<SyncRun> {
    const fresh = { trigger: SyncTrigger.RETRY, attempts: 0, nextAttemptAt: null, finishedAt: null, queuedAt: new Date() };
    return this.moveRun(id, SyncRunStatus.QUEUED, fresh, { source, action: 'retried' }, (tx, run) => enqueueRun(tx, run));
  }

  /**
   * Moves a run to `status` under a row lock (so a worker finishing it meanwhile cannot
   * interleave), with `changes`, its `sync_run.updated` event, its audit entry and what the queue
   * must do, in one transaction. @throws INVALID_TRANSITION when the run's status cannot go there
   */
  private async moveRun(id: string, status: SyncRunStatus, changes: Partial<SyncRun>, audit: { source: AuditSource; action: RunAction }, queue: (tx: EntityManager, run: SyncRun) => Promise<void>): Promise<SyncRun> {
    await ensureQueue(this.runtime);
    return this.em.transactional(async (tx) => {
      const run = await findByIdOrNotFound(tx, SyncRun, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      syncRunStatus.assert(run.status, status);
      const before = runSnapshot(run);
      Object.assign(run, { status, ...changes });
      recordRunUpdated(tx, run);
      auditRun(tx, audit.source, audit.action, before, run);
      await tx.flush();
      await queue(tx, run);
      return run;
    });
  }

  async conflict(id: string): Promise<SyncConflict> {
    return findByIdOrNotFound(this.em, SyncConflict, id);
  }

  /**
   * Settles an OPEN conflict: SOURCE applies the external system's version through the owning
   * subgraph, SUPERGRAPH keeps Tradegraph's. Records who chose (the caller's subject) and when,
   * and audits it. The conflict row stays locked until the resolution commits (across the
   * gateway call a SOURCE choice makes), so of two concurrent resolves the second finds it
   * resolved; its ref and the resolution commit together.
   * @throws CONFLICT when it is no longer open
   */
  async resolveConflict(id: string, choice: ConflictResolution, source: AuditSource & { requestId: string }): Promise<SyncConflict> {
    return this.em.transactional(async (tx) => {
      const conflict = await findByIdOrNotFound(tx, SyncConflict, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (conflict.status !== ConflictStatus.OPEN) throw conflictError(`The conflict was already resolved (${conflict.resolution} by ${conflict.resolvedBy})`);
      const connector = await findByIdOrNotFound(tx, Connector, conflict.connectorId);
      const handler = entityHandlerFor(conflict.entityType);
      if (!handler) throw badInput('id', `conflicts of ${conflict.entityType} cannot be resolved here`);
      return resolveConflictWith(tx, this.runtime.gateway, handler as EntityHandler<SourceRecord>, connector, conflict, choice, source);
    });
  }
}

/** A connector locked and read afresh in `tx`, so concurrent changes' audit entries chain. */
function lockedConnector(tx: EntityManager, id: string): Promise<Connector> {
  return findByIdOrNotFound(tx, Connector, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}
