import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  badInput,
  conflict,
  findByIdOrNotFound,
  flushOrConflict,
  generateApiKey,
  notFound,
  type ApiKeyGrantFields,
  type AuditSource,
} from '@tradegraph/kit';
import { ApiKey, Partner, PartnerStatus } from '../entities';
import type { ApiKeyUseInput, CreateApiKeyInput } from '../inputs/partner-inputs';
import { apiKeyAudit, apiKeySnapshot, audit } from './audit';

/** The longest overlap of a rotation: long enough to roll a deployment, short enough to end. */
export const MAX_ROTATION_OVERLAP_SECONDS = 30 * 24 * 3600;

const MAX_USES_PER_CALL = 1000;

/** A key just made, with the secret that is shown once. */
export interface IssuedKey {
  apiKey: ApiKey;
  secret: string;
}

/** What a valid key grants (the gateway's view). */
export type Grant = ApiKeyGrantFields<Date>;

const isLive = (key: ApiKey, now: Date) => key.revokedAt === null && (key.expiresAt === null || key.expiresAt > now);

/**
 * The API key rules: issuing (the secret leaves once, only its SHA-256 stays), revoking,
 * rotating with an overlap, and answering the gateway's question "what does this hash grant".
 */
export class ApiKeyService {
  constructor(private readonly em: EntityManager, private readonly source: AuditSource | null) {}

  /** @throws NOT_FOUND */
  async get(id: string): Promise<ApiKey> {
    return findByIdOrNotFound(this.em, ApiKey, id);
  }

  /** @throws NOT_FOUND for an unknown partner, BAD_USER_INPUT for an expiry in the past */
  async create(input: CreateApiKeyInput): Promise<IssuedKey> {
    if (!(await this.em.findOne(Partner, { id: input.partnerId }, { fields: ['id'] }))) throw notFound('Partner', input.partnerId);
    if (input.expiresAt && input.expiresAt <= new Date()) throw badInput('input.expiresAt', 'must be in the future');
    const issued = this.newKey(this.em, input.partnerId, [...new Set(input.scopes ?? [])], input.expiresAt ?? null);
    audit(this.em, this.source, apiKeyAudit('created', null, issued.apiKey));
    await this.flushNewKey(this.em);
    return issued;
  }

  /** Revokes a key at once; revoking it again changes nothing (and logs nothing). @throws NOT_FOUND */
  async revoke(id: string): Promise<ApiKey> {
    return this.em.transactional(async (tx) => {
      const key = await this.locked(tx, id);
      if (key.revokedAt) return key;
      const before = apiKeySnapshot(key);
      key.revokedAt = new Date();
      audit(tx, this.source, apiKeyAudit('revoked', before, key));
      await tx.flush();
      return key;
    });
  }

  /**
   * A new key with the old one's scopes; the old key keeps working for `overlapSeconds` (or
   * until its own expiry, if sooner), so clients can switch without a gap. A key is rotated once:
   * its replacement is the one to rotate next. Audited as two entries, one per key: the old one
   * `rotated` (its new expiry, `replacedBy`), the new one `created` (with `rotatedFrom`).
   * @throws NOT_FOUND, CONFLICT for a revoked, expired or already rotated key, BAD_USER_INPUT for a bad overlap or expiry
   */
  async rotate(id: string, overlapSeconds: number, expiresAt: Date | null): Promise<IssuedKey> {
    if (!Number.isInteger(overlapSeconds) || overlapSeconds < 0 || overlapSeconds > MAX_ROTATION_OVERLAP_SECONDS) {
      throw badInput('overlapSeconds', `must be a whole number from 0 to ${MAX_ROTATION_OVERLAP_SECONDS}`);
    }
    if (expiresAt && expiresAt <= new Date()) throw badInput('expiresAt', 'must be in the future');
    return this.em.transactional(async (tx) => {
      // Locked: of two rotations at once, the second sees the first's `replacedById` and is refused.
      const old = await this.locked(tx, id);
      const now = new Date();
      if (!isLive(old, now)) throw conflict(`ApiKey ${old.prefix} is revoked or expired; create a new key instead`);
      if (old.replacedById) throw conflict(`ApiKey ${old.prefix} was already rotated; rotate its replacement ${old.replacedById} instead`);
      const before = apiKeySnapshot(old);
      const overlapEnd = new Date(now.getTime() + overlapSeconds * 1000);
      if (old.expiresAt === null || old.expiresAt > overlapEnd) old.expiresAt = overlapEnd;
      const issued = this.newKey(tx, old.partnerId, old.scopes, expiresAt);
      old.replacedById = issued.apiKey.id;
      audit(tx, this.source, apiKeyAudit('created', null, issued.apiKey, [{ field: 'rotatedFrom', before: null, after: old.id }]));
      audit(tx, this.source, apiKeyAudit('rotated', before, old));
      await this.flushNewKey(tx);
      return issued;
    });
  }

  /** A partner's keys, newest first. */
  listByPartners(partnerIds: readonly string[]): Promise<ApiKey[]> {
    return this.em.find(ApiKey, { partnerId: { $in: [...partnerIds] } }, { orderBy: { createdAt: 'desc', id: 'desc' } });
  }

  /** The grant of the key with this hash, or null when it is unknown, revoked, expired or its partner is suspended. */
  async grant(secretHash: string): Promise<Grant | null> {
    const key = await this.em.findOne(ApiKey, { secretHash });
    const now = new Date();
    if (!key || !isLive(key, now)) return null;
    const partner = await this.em.findOne(Partner, { id: key.partnerId });
    if (!partner || partner.status !== PartnerStatus.ACTIVE) return null;
    return {
      partnerId: partner.id,
      keyId: key.id,
      keyPrefix: key.prefix,
      scopes: key.scopes,
      trustedDocumentsOnly: partner.trustedDocumentsOnly,
      requestsPerMinute: partner.requestsPerMinute,
      costPerMinute: partner.costPerMinute,
      expiresAt: key.expiresAt,
    };
  }

  /** Records when keys were last used, in one statement; an older time never overwrites a newer one. Returns how many keys moved. */
  async recordUse(uses: ApiKeyUseInput[]): Promise<number> {
    if (uses.length === 0) return 0;
    if (uses.length > MAX_USES_PER_CALL) throw badInput('uses', `may hold at most ${MAX_USES_PER_CALL} items`);
    const schema = this.em.config.get('schema');
    const rows: unknown[] = await this.em.getConnection().execute(
      `update "${schema}"."api_key" as k set last_used_at = u.used_at
         from (select key_id, max(used_at) as used_at from jsonb_to_recordset(?::jsonb) as r(key_id uuid, used_at timestamptz) group by key_id) as u
        where k.id = u.key_id and (k.last_used_at is null or k.last_used_at < u.used_at)
        returning k.id`,
      [JSON.stringify(uses.map((u) => ({ key_id: u.keyId, used_at: u.usedAt.toISOString() })))],
    );
    return rows.length;
  }

  /** A new key in `em`'s unit of work; the secret leaves only in the answer. */
  private newKey(em: EntityManager, partnerId: string, scopes: string[], expiresAt: Date | null): IssuedKey {
    const made = generateApiKey();
    const apiKey = em.create(ApiKey, { partnerId, prefix: made.prefix, secretHash: made.secretHash, scopes: [...scopes], expiresAt });
    return { apiKey, secret: made.key };
  }

  private flushNewKey(em: EntityManager): Promise<void> {
    return flushOrConflict(em, 'A key with the same prefix exists; try again', 'prefix');
  }

  /** The key read afresh and locked to the end of `tx`: an audit's "before" is what this write replaces. @throws NOT_FOUND */
  private locked(tx: EntityManager, id: string): Promise<ApiKey> {
    return findByIdOrNotFound(tx, ApiKey, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }
}
