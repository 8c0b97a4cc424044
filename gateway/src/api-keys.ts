import { LRUCache } from 'lru-cache';
import { randomUUID } from 'node:crypto';
import type { GraphQLDataSource } from '@apollo/gateway';
// Not re-exported by the package's index (the gateway version is pinned exactly).
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { GraphQLError } from 'graphql';
import { hashApiKey, inBackground, logger, Role, type ApiKeyGrantFields, type Caller, type CallerSigner } from '@tradegraph/kit';
import type { PartnerAccess } from './client-identity';

/** What a valid key grants, as the partners subgraph answers it. */
export interface ApiKeyGrant extends PartnerAccess {
  scopes: string[];
  /** when the key expires (ms since the epoch); absent when it does not */
  expiresAt?: number;
}

export interface ApiKeyGrantsOptions {
  /**
   * How long an answer (a grant, or "no such key") is reused. Revocation reaches every
   * replica within this plus one lookup, so it stays under the promised 5 seconds.
   */
  cacheMs?: number;
  /** answers kept at most (oldest dropped first), so random keys cannot grow the cache */
  maxEntries?: number;
  /** a key's last use is reported at most this often per replica */
  reportUseEveryMs?: number;
  /** reports are gathered this long before they are sent, in one call */
  reportDelayMs?: number;
}

/** The gateway calls the partners subgraph as this SERVICE caller. */
const GATEWAY_CALLER: Caller = Object.freeze({ subject: 'service:gateway', roles: [Role.SERVICE], scopes: [] });

const GRANT = `query ApiKeyGrant($secretHash: String!) {
  apiKeyGrant(secretHash: $secretHash) { partnerId keyId keyPrefix scopes trustedDocumentsOnly requestsPerMinute costPerMinute expiresAt }
}`;
const RECORD_USE = 'mutation RecordApiKeyUse($uses: [ApiKeyUseInput!]!) { recordApiKeyUse(uses: $uses) }';

type GrantRow = ApiKeyGrantFields<string>;

function toGrant(row: GrantRow): ApiKeyGrant {
  const rateLimit = { ...(row.requestsPerMinute !== null && { requestsPerMinute: row.requestsPerMinute }), ...(row.costPerMinute !== null && { costPerMinute: row.costPerMinute }) };
  return {
    partnerId: row.partnerId,
    keyId: row.keyId,
    keyPrefix: row.keyPrefix,
    scopes: row.scopes,
    trustedDocumentsOnly: row.trustedDocumentsOnly,
    ...(Object.keys(rateLimit).length > 0 && { rateLimit }),
    ...(row.expiresAt !== null && { expiresAt: Date.parse(row.expiresAt) }),
  };
}

const unavailable = (message: string) => new GraphQLError(message, { extensions: { code: 'UNAVAILABLE', retryable: true, http: { status: 503 } } });

/**
 * What partner API keys grant, asked of the partners subgraph (through the gateway's own data
 * source for it, as SERVICE) and cached briefly, answers and refusals alike. There is no other
 * channel between replicas: each one forgets within `cacheMs`, which is what bounds how long a
 * revoked key keeps working. Keys' last use is reported in batches, off the request path.
 */
export class ApiKeyGrants {
  private readonly cache: LRUCache<string, { grant: ApiKeyGrant | null; until: number }>;
  private readonly pending = new Map<string, Promise<ApiKeyGrant | null>>();
  private readonly reported = new Map<string, number>();
  private uses = new Map<string, number>();
  private reportTimer?: NodeJS.Timeout;
  private readonly cacheMs: number;
  private readonly maxEntries: number;
  private readonly reportUseEveryMs: number;
  private readonly reportDelayMs: number;

  constructor(
    private readonly signer: CallerSigner,
    private readonly partners: () => GraphQLDataSource | undefined,
    options: ApiKeyGrantsOptions = {},
  ) {
    this.cacheMs = options.cacheMs ?? 4000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.cache = new LRUCache({ max: this.maxEntries });
    this.reportUseEveryMs = options.reportUseEveryMs ?? 60_000;
    this.reportDelayMs = options.reportDelayMs ?? 1000;
  }

  /**
   * The grant of `key`, or null when it is unknown, revoked, expired or its partner suspended.
   * @throws GraphQLError UNAVAILABLE (HTTP 503) when the partners subgraph cannot answer
   */
  async grant(key: string): Promise<ApiKeyGrant | null> {
    const hash = hashApiKey(key);
    const now = Date.now();
    const cached = this.cache.get(hash);
    const grant = cached && cached.until > now ? cached.grant : await this.lookup(hash);
    // A cached grant still ends at its key's expiry, to the millisecond.
    return grant && (grant.expiresAt === undefined || grant.expiresAt > Date.now()) ? grant : null;
  }

  /** Notes that a key was used; reported to the partners subgraph at most once a `reportUseEveryMs`. */
  used(grant: ApiKeyGrant): void {
    const now = Date.now();
    if (now - (this.reported.get(grant.keyId) ?? 0) < this.reportUseEveryMs) return;
    this.reported.set(grant.keyId, now);
    this.uses.set(grant.keyId, now);
    // Started by a request; the report is not part of its trace.
    this.reportTimer ??= inBackground(() => setTimeout(() => void this.report(), this.reportDelayMs)).unref();
  }

  /** Sends the uses not yet reported. */
  async close(): Promise<void> {
    clearTimeout(this.reportTimer);
    await this.report();
  }

  private lookup(hash: string): Promise<ApiKeyGrant | null> {
    let pending = this.pending.get(hash);
    if (!pending) {
      pending = this.ask<{ apiKeyGrant: GrantRow | null }>(GRANT, { secretHash: hash })
        .then((data) => {
          const grant = data.apiKeyGrant ? toGrant(data.apiKeyGrant) : null;
          this.remember(hash, grant);
          return grant;
        })
        .finally(() => this.pending.delete(hash));
      this.pending.set(hash, pending);
    }
    return pending;
  }

  private remember(hash: string, grant: ApiKeyGrant | null): void {
    this.cache.set(hash, { grant, until: Date.now() + this.cacheMs });
  }

  private async report(): Promise<void> {
    this.reportTimer = undefined;
    if (this.uses.size === 0) return;
    const uses = [...this.uses].map(([keyId, at]) => ({ keyId, usedAt: new Date(at).toISOString() }));
    this.uses = new Map();
    const forgetBefore = Date.now() - this.reportUseEveryMs;
    for (const [keyId, at] of this.reported) if (at < forgetBefore) this.reported.delete(keyId);
    try {
      await this.ask(RECORD_USE, { uses });
    } catch (error) {
      // A lost report costs only a stale lastUsedAt; the next use reports again.
      for (const { keyId } of uses) this.reported.delete(keyId);
      logger.warn({ err: error, keys: uses.length }, 'could not record API key use');
    }
  }

  private async ask<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const source = this.partners();
    if (!source) throw unavailable('API keys cannot be checked: the supergraph has no partners subgraph');
    const requestId = randomUUID();
    let response: Awaited<ReturnType<GraphQLDataSource['process']>>;
    try {
      response = await source.process({
        kind: GraphQLDataSourceRequestKind.HEALTH_CHECK,
        request: { query, variables },
        context: { requestId, signedCaller: await this.signer.sign(GATEWAY_CALLER, requestId) },
      });
    } catch (error) {
      logger.warn({ err: error }, 'the partners subgraph could not be asked about an API key');
      throw unavailable('API keys cannot be checked right now');
    }
    if (response.errors?.length || !response.data) {
      logger.warn({ errors: response.errors }, 'the partners subgraph refused an API key call');
      throw unavailable('API keys cannot be checked right now');
    }
    return response.data as T;
  }
}
