import { ErrorsAreMissesCache, InMemoryLRUCache, PrefixingKeyValueCache, type KeyValueCache, type KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import Redis from 'ioredis';
import { logger } from '@tradegraph/kit';
import type { TrustedDocuments } from './trusted-documents';

const KEY_PREFIX = 'tradegraph:apq:';

/** Apollo's KeyValueCache over ioredis: what replicas share, so a hash one registered the others know. */
class RedisKeyValueCache implements KeyValueCache<string> {
  constructor(private readonly redis: Redis) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(KEY_PREFIX + key)) ?? undefined;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (options?.ttl) await this.redis.set(KEY_PREFIX + key, value, 'EX', Math.ceil(options.ttl));
    else await this.redis.set(KEY_PREFIX + key, value);
  }

  async delete(key: string): Promise<boolean> {
    return (await this.redis.del(KEY_PREFIX + key)) > 0;
  }
}

/** The trusted documents first (never written to the store), then what clients registered. */
class TrustedFirstCache implements KeyValueCache<string> {
  constructor(
    private readonly documents: TrustedDocuments,
    private readonly store: KeyValueCache<string>,
  ) {}

  async get(key: string): Promise<string | undefined> {
    return this.documents.get(key) ?? this.store.get(key);
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (!this.documents.has(key)) await this.store.set(key, value, options);
  }

  async delete(key: string): Promise<boolean | void> {
    return this.store.delete(key);
  }
}

/** The document store behind Apollo's `persistedQueries`, and how to let go of it. */
export interface PersistedQueryStore {
  cache: KeyValueCache<string>;
  close(): Promise<void>;
}

/**
 * Automatic persisted queries' store: Redis when the gateway has one (every replica knows every
 * registered hash), memory otherwise. Trusted documents resolve from it too, so one lookup
 * serves APQ hashes and document ids alike. A Redis that fails is a miss (the client sends the
 * text again), never a failed request.
 */
export function persistedQueryStore(documents: TrustedDocuments, redisUrl: string | undefined): PersistedQueryStore {
  // The store holds nothing else, so Apollo's "apq:" key prefix (which would hide the manifest's
  // bare hashes) is left off; Redis keys carry their own.
  const apqOnly = (store: KeyValueCache<string>) => PrefixingKeyValueCache.cacheDangerouslyDoesNotNeedPrefixesForIsolation(new TrustedFirstCache(documents, store));
  if (!redisUrl) return { cache: apqOnly(new InMemoryLRUCache<string>()), close: async () => {} };
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, retryStrategy: (n) => Math.min(n * 200, 2000) });
  const log = logger.child({ component: 'apq-store' });
  redis.on('error', (error) => log.warn({ err: error }, 'Redis error'));
  const store = new ErrorsAreMissesCache(new RedisKeyValueCache(redis), log);
  return {
    cache: apqOnly(store),
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
