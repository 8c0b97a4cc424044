import { badInput, conflict as conflictError, notFound, type SubgraphRuntime } from '@tradegraph/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictStatus, Connector, ConnectorStatus, SyncConflict, SyncEntity, SyncRun, SyncRunStatus, SyncTrigger, type ConflictPolicy, type ConflictResolution, type ExternalSystem, type SyncDirection, type SyncMode } from '../entities';
import { recordConnectorStatus, recordRunUpdated } from './events';
import { resolveConflictWith, type InboundKind, type SourceRecord } from './inbound';
import { inboundKindOf } from './kinds';
import { syncSettingsOf } from '../settings';
import { CredentialBox, type ConnectorCredentials } from './crypto';
import { dequeueRun, enqueueRun, ensureQueue } from './queue';
import { syncRunStatus } from './run-status';

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
  credentials?: ConnectorCredentials | null;
}

/** Connectors and their runs: the rules, no GraphQL. */
export class SyncService {
  private readonly box: CredentialBox;

  constructor(private readonly em: EntityManager, private readonly runtime: SubgraphRuntime) {
    this.box = new CredentialBox(syncSettingsOf(runtime.settings).encryptionKey);
  }

  async connector(id: string): Promise<Connector> {
    const found = await this.em.findOne(Connector, id);
    if (!found) throw notFound('Connector', id);
    return found;
  }

  async run(id: string): Promise<SyncRun> {
    const found = await this.em.findOne(SyncRun, id);
    if (!found) throw notFound('SyncRun', id);
    return found;
  }

  async createConnector(fields: Required<Pick<ConnectorFields, 'name' | 'system' | 'direction' | 'entities' | 'mode' | 'conflictPolicy'>> & ConnectorFields): Promise<Connector> {
    const { credentials, ...rest } = fields;
    const connector = this.em.create(Connector, { ...rest, fieldMapping: rest.fieldMapping ?? {}, credentialsCiphertext: credentials ? this.box.seal(credentials) : null });
    await this.em.persistAndFlush(connector);
    return connector;
  }

  /** Updates what is given; credentials are replaced whole (null clears them) and never read back. */
  async updateConnector(id: string, fields: ConnectorFields): Promise<Connector> {
    const connector = await this.connector(id);
    const { credentials, ...rest } = fields;
    for (const [key, value] of Object.entries(rest)) if (value !== undefined) (connector as unknown as Record<string, unknown>)[key] = value;
    if (credentials !== undefined) connector.credentialsCiphertext = credentials ? this.box.seal(credentials) : null;
    await this.em.flush();
    return connector;
  }

  async pauseConnector(id: string): Promise<Connector> {
    const connector = await this.connector(id);
    const before = connector.status;
    connector.status = ConnectorStatus.PAUSED;
    if (before !== connector.status) recordConnectorStatus(this.em, connector, before);
    await this.em.flush();
    return connector;
  }

  /** Resumes, and queues again the runs that waited while it was paused. */
  async resumeConnector(id: string): Promise<Connector> {
    await ensureQueue(this.runtime);
    return this.em.transactional(async (tx) => {
      const connector = await tx.findOneOrFail(Connector, id, { failHandler: () => notFound('Connector', id) });
      const before = connector.status;
      connector.status = connector.consecutiveFailures > 0 ? ConnectorStatus.FAILING : ConnectorStatus.ACTIVE;
      if (before !== connector.status) recordConnectorStatus(tx as EntityManager, connector, before);
      const waiting = await tx.find(SyncRun, { connectorId: id, status: SyncRunStatus.QUEUED });
      for (const run of waiting) await enqueueRun(tx as EntityManager, run, run.nextAttemptAt);
      await tx.flush();
      return connector;
    });
  }

  /**
   * Queues a run of the connector; the run row and its job commit together. A `full` run reads
   * every record; otherwise only those changed since the connector's cursors.
   */
  async triggerSync(connectorId: string, entities: SyncEntity[] | null | undefined, trigger = SyncTrigger.MANUAL, full = false): Promise<SyncRun> {
    const connector = await this.connector(connectorId);
    const wanted = entities?.length ? entities : connector.entities;
    const unknown = wanted.filter((e) => !connector.entities.includes(e));
    if (unknown.length) throw badInput('entities', `the connector does not sync ${unknown.join(', ')} (it syncs ${connector.entities.join(', ')})`);
    await ensureQueue(this.runtime);
    return this.em.transactional(async (tx) => {
      const run = tx.create(SyncRun, { connectorId, trigger, full, entities: wanted, maxAttempts: syncSettingsOf(this.runtime.settings).maxAttempts, queuedAt: new Date() });
      tx.persist(run);
      await tx.flush();
      await enqueueRun(tx as EntityManager, run);
      return run;
    });
  }

  /** Cancels a queued or running run; a running one stops before its next batch. */
  async cancelRun(id: string): Promise<SyncRun> {
    await ensureQueue(this.runtime);
    return this.em.transactional(async (tx) => {
      const run = await tx.findOneOrFail(SyncRun, id, { failHandler: () => notFound('SyncRun', id), lockMode: 4 /* PESSIMISTIC_WRITE */ });
      syncRunStatus.assert(run.status, SyncRunStatus.CANCELLED);
      run.status = SyncRunStatus.CANCELLED;
      run.finishedAt = new Date();
      recordRunUpdated(tx as EntityManager, run);
      await tx.flush();
      await dequeueRun(tx as EntityManager, id);
      return run;
    });
  }

  /** Queues a FAILED (dead-lettered) or CANCELLED run again with fresh attempts. */
  async retryRun(id: string): Promise<SyncRun> {
    await ensureQueue(this.runtime);
    return this.em.transactional(async (tx) => {
      const run = await tx.findOneOrFail(SyncRun, id, { failHandler: () => notFound('SyncRun', id), lockMode: 4 });
      syncRunStatus.assert(run.status, SyncRunStatus.QUEUED);
      Object.assign(run, { status: SyncRunStatus.QUEUED, trigger: SyncTrigger.RETRY, attempts: 0, nextAttemptAt: null, finishedAt: null, queuedAt: new Date() });
      recordRunUpdated(tx as EntityManager, run);
      await tx.flush();
      await enqueueRun(tx as EntityManager, run);
      return run;
    });
  }

  async conflict(id: string): Promise<SyncConflict> {
    const found = await this.em.findOne(SyncConflict, id);
    if (!found) throw notFound('SyncConflict', id);
    return found;
  }

  /**
   * Settles an OPEN conflict: SOURCE applies the external system's version through the owning
   * subgraph, SUPERGRAPH keeps Tradegraph's. Records who chose (`subject`) and when.
   * @throws CONFLICT when it is no longer open
   */
  async resolveConflict(id: string, choice: ConflictResolution, subject: string, requestId: string): Promise<SyncConflict> {
    const conflict = await this.conflict(id);
    if (conflict.status !== ConflictStatus.OPEN) throw conflictError(`The conflict was already resolved (${conflict.resolution} by ${conflict.resolvedBy})`);
    const connector = await this.connector(conflict.connectorId);
    const kind = inboundKindOf(conflict.entityType);
    if (!kind) throw badInput('id', `conflicts of ${conflict.entityType} cannot be resolved here`);
    return resolveConflictWith(this.em, this.runtime.gateway, kind as InboundKind<SourceRecord>, connector, conflict, choice, subject, requestId);
  }
}
