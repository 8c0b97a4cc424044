/**
 * What sync writes to the audit log (kit's audit.ts): changes made through its API to
 * connectors (their settings and their pause/resume), the conflicts a person resolves, and the
 * runs a person triggers, retries or cancels (the SyncRun row has no column for who asked).
 * What the engine does by itself is not audited here (a connector going FAILING is in
 * `connector.status_changed`, a run's progress in `sync_run.updated`); what a run applies is
 * audited by the subgraph it changes, with request ids naming the run (run-progress.ts).
 */
import { auditChanges, recordAudit, type AuditFields, type AuditSource, auditWrite } from '@tradegraph/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ConflictStatus, ConflictResolution, Connector, ConnectorStatus, SyncConflict, SyncRun } from '../entities';
import { canonicalJson } from './field-groups';

const SUBGRAPH = 'sync';

/** Every connector setting a caller can set; `credentials` only ever as "changed" (no value, no key name). */
const CONNECTOR_FIELDS: AuditFields = {
  name: 'plain',
  system: 'plain',
  direction: 'plain',
  entities: 'plain',
  mode: 'plain',
  pollingSchedule: 'plain',
  baseUrl: 'plain',
  fieldMapping: 'plain',
  conflictPolicy: 'plain',
  deletions: 'plain',
  credentials: 'SECRET',
};

const CONNECTOR_STATUS_FIELDS: AuditFields = { status: 'plain' };
const CONFLICT_FIELDS: AuditFields = { status: 'plain', resolution: 'plain' };
const RUN_FIELDS: AuditFields = { connectorId: 'plain', trigger: 'plain', full: 'plain', entities: 'plain', status: 'plain' };

/** Query parameters whose names say they carry a secret (`?api_key=…`, `?token=…`). */
const SECRET_PARAM = /key|token|secret|pass|sig|auth|session|credential/i;

/** Whether a base URL carries a secret: user info (`https://user:pass@host`) or a secret-looking query parameter. */
function urlCarriesSecret(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    const parsed = new URL(url);
    return Boolean(parsed.username || parsed.password) || [...parsed.searchParams.keys()].some((name) => SECRET_PARAM.test(name));
  } catch {
    return false;
  }
}

/**
 * A connector's audited settings. Credentials enter only as `credentials`, a marker the caller
 * chooses (null: none; a different marker after than before: replaced) and never anything read
 * from them, so no secret, digest or key name is ever in a snapshot.
 */
export function connectorSnapshot(connector: Connector, credentials: number | null): Record<string, unknown> {
  return {
    name: connector.name,
    system: connector.system,
    direction: connector.direction,
    entities: connector.entities,
    mode: connector.mode,
    pollingSchedule: connector.pollingSchedule,
    baseUrl: connector.baseUrl,
    // jsonb reorders keys: sorted, the same mapping compares equal whichever order it came in.
    fieldMapping: JSON.parse(canonicalJson(connector.fieldMapping ?? {})) as unknown,
    conflictPolicy: connector.conflictPolicy,
    deletions: connector.deletions,
    credentials,
  };
}

/** Audits a connector created (`before` null) or updated; nothing when no setting changed. */
export function auditConnector(em: EntityManager, source: AuditSource, connectorId: string, before: Record<string, unknown> | null, after: Record<string, unknown>): void {
  // A base URL with a secret in it is withheld like the credentials (before and after alike).
  const fields = urlCarriesSecret(before?.baseUrl) || urlCarriesSecret(after.baseUrl) ? { ...CONNECTOR_FIELDS, baseUrl: 'SECRET' as const } : CONNECTOR_FIELDS;
  recordAudit(em, SUBGRAPH, source, auditWrite('Connector', connectorId, before, after, fields));
}

/** Audits a pause or resume that moved the connector's status; nothing when it stayed. */
export function auditConnectorStatus(em: EntityManager, source: AuditSource, connector: Connector, before: ConnectorStatus): void {
  recordAudit(em, SUBGRAPH, source, { entity: 'Connector', entityId: connector.id, action: 'status_changed', changes: auditChanges({ status: before }, { status: connector.status }, CONNECTOR_STATUS_FIELDS) });
}

/** Audits a conflict a person resolved: its status and the resolution chosen. */
export function auditConflictResolved(em: EntityManager, source: AuditSource, conflict: SyncConflict, before: { status: ConflictStatus; resolution: ConflictResolution | null }): void {
  const after = { status: conflict.status, resolution: conflict.resolution };
  recordAudit(em, SUBGRAPH, source, { entity: 'SyncConflict', entityId: conflict.id, action: 'resolved', changes: auditChanges(before, after, CONFLICT_FIELDS) });
}

/** What a person does to a run. */
export type RunAction = 'triggered' | 'retried' | 'cancelled';

/** A run's audited values. */
export function runSnapshot(run: SyncRun): Record<string, unknown> {
  return { connectorId: run.connectorId, trigger: run.trigger, full: run.full, entities: [...run.entities], status: run.status };
}

/** Audits a run a person triggered (`before` null), retried or cancelled. */
export function auditRun(em: EntityManager, source: AuditSource, action: RunAction, before: Record<string, unknown> | null, run: SyncRun): void {
  recordAudit(em, SUBGRAPH, source, { entity: 'SyncRun', entityId: run.id, action, changes: auditChanges(before, runSnapshot(run), RUN_FIELDS) });
}
