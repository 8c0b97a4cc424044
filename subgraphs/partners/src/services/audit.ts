/**
 * What the partners subgraph writes to the audit log (kit/src/audit.ts): every change of a
 * partner or an API key made through its API, as one `audit.recorded` outbox row in the
 * transaction of the change; an update to the same values writes none, and recording a key's
 * use is not a change.
 *
 * | entity    | action                           | fields |
 * |-----------|----------------------------------|--------|
 * | `Partner` | `created`, `updated`             | name, status, trustedDocumentsOnly, requestsPerMinute, costPerMinute |
 * | `ApiKey`  | `created`, `revoked`, `rotated`  | partnerId, prefix, scopes, expiresAt, revokedAt, replacedBy; secretHash withheld (SECRET); a rotation's new key also `rotatedFrom` |
 *
 * A partner's status is here as well as in its status history: suspending a partner is a
 * security decision, and the audit log is where an ADMIN looks for those.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { auditChanges, recordAudit, type AuditChange, type AuditFields, type AuditRecord, type AuditSource, auditWrite, type AuditSnapshot } from '@tradegraph/kit';
import type { ApiKey, Partner } from '../entities';

const AUDIT_SUBGRAPH = 'partners';

type Snapshot = AuditSnapshot;

const PARTNER_FIELDS: AuditFields = { name: 'plain', status: 'plain', trustedDocumentsOnly: 'plain', requestsPerMinute: 'plain', costPerMinute: 'plain' };
/** Never the secret, nor its hash (`secretHash` only says that one was issued). `lastUsedAt` is usage, not a change. */
const API_KEY_FIELDS: AuditFields = { partnerId: 'plain', prefix: 'plain', scopes: 'plain', expiresAt: 'plain', revokedAt: 'plain', replacedBy: 'plain', secretHash: 'SECRET' };

/** Adds the entry to the outbox of `em`'s unit of work (nothing when nothing audited changed). */
export function audit(em: EntityManager, source: AuditSource | null, record: AuditRecord): void {
  recordAudit(em, AUDIT_SUBGRAPH, source, record);
}

export function partnerSnapshot(partner: Partner): Snapshot {
  return {
    name: partner.name,
    status: partner.status,
    trustedDocumentsOnly: partner.trustedDocumentsOnly,
    requestsPerMinute: partner.requestsPerMinute,
    costPerMinute: partner.costPerMinute,
  };
}

/** The entry of one write of a partner; `before` is its snapshot before the write, null when it is new. */
export function partnerAudit(before: Snapshot | null, partner: Partner): AuditRecord {
  return auditWrite('Partner', partner.id, before, partnerSnapshot(partner), PARTNER_FIELDS);
}

/** A key's audited values; the hash only reaches `auditChanges`, which withholds it. */
export function apiKeySnapshot(key: ApiKey): Snapshot {
  return {
    partnerId: key.partnerId,
    prefix: key.prefix,
    scopes: [...key.scopes],
    expiresAt: key.expiresAt,
    revokedAt: key.revokedAt,
    replacedBy: key.replacedById,
    secretHash: key.secretHash,
  };
}

/**
 * The entry of one write of a key (`before` null: it is new); `extra` are changes that are not
 * the key's own fields (a rotated key's `rotatedFrom`).
 */
export function apiKeyAudit(action: 'created' | 'revoked' | 'rotated', before: Snapshot | null, key: ApiKey, extra: AuditChange[] = []): AuditRecord {
  return { entity: 'ApiKey', entityId: key.id, action, changes: [...auditChanges(before, apiKeySnapshot(key), API_KEY_FIELDS), ...extra] };
}
