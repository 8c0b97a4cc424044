import { envInt, envSecret } from '@tradegraph/kit';
import { CredentialBox } from './services/crypto';

/** The sync subgraph's own settings, handed to resolvers and jobs as `runtime.settings`. */
export interface SyncSettings {
  /** base64 of the 32-byte AES-256-GCM key that encrypts connector credentials */
  encryptionKey: string;
  /** attempts per run before it is FAILED (the dead letter) */
  maxAttempts: number;
  /** the first retry's delay; each further retry doubles it (with jitter) */
  retryBaseMs: number;
  /** no retry waits longer than this, Retry-After included */
  retryMaxMs: number;
  /** jobs the worker runs at once */
  concurrency: number;
  /** how often the worker looks for due jobs besides LISTEN/NOTIFY */
  pollIntervalMs: number;
  /** records per bulk mutation through the gateway */
  batchSize: number;
  /** batches a run applies at once */
  batchConcurrency: number;
  /** how often the polling scheduler looks for connectors that are due */
  schedulerIntervalMs: number;
  /** per HTTP request to an external system */
  requestTimeoutMs: number;
  /** how often a running run shows it is alive */
  heartbeatMs: number;
  /** a RUNNING run silent this long lost its worker and is queued again */
  staleRunMs: number;
  /** a shared-secret webhook whose signed timestamp is further than this from now (either way) is refused as a replay */
  webhookToleranceSeconds: number;
}

/** A development key (32 zero-free bytes); production must set SYNC_ENCRYPTION_KEY. */
export const DEVELOPMENT_ENCRYPTION_KEY = Buffer.from('tradegraph-development-sync-key!').toString('base64');

export const DEFAULT_SYNC_SETTINGS: Readonly<SyncSettings> = Object.freeze({
  encryptionKey: DEVELOPMENT_ENCRYPTION_KEY,
  maxAttempts: 5,
  retryBaseMs: 1000,
  retryMaxMs: 5 * 60_000,
  concurrency: 4,
  pollIntervalMs: 2000,
  batchSize: 500,
  batchConcurrency: 4,
  schedulerIntervalMs: 15_000,
  requestTimeoutMs: 30_000,
  heartbeatMs: 10_000,
  staleRunMs: 60_000,
  webhookToleranceSeconds: 300,
});

/** Reads SYNC_ENCRYPTION_KEY (32 bytes in base64; required in production), SYNC_MAX_ATTEMPTS, SYNC_RETRY_BASE_MS, SYNC_RETRY_MAX_MS, SYNC_CONCURRENCY, SYNC_BATCH_SIZE, SYNC_BATCH_CONCURRENCY, SYNC_SCHEDULER_INTERVAL_MS, SYNC_REQUEST_TIMEOUT_MS, SYNC_HEARTBEAT_MS, SYNC_STALE_RUN_MS, SYNC_WEBHOOK_TOLERANCE_SECONDS. */
export function syncSettingsFromEnv(): SyncSettings {
  const encryptionKey = envSecret('SYNC_ENCRYPTION_KEY', DEVELOPMENT_ENCRYPTION_KEY);
  new CredentialBox(encryptionKey); // @throws ConfigError now, at start, when the key is not 32 bytes
  return {
    encryptionKey,
    maxAttempts: envInt('SYNC_MAX_ATTEMPTS', DEFAULT_SYNC_SETTINGS.maxAttempts, 1, 100),
    retryBaseMs: envInt('SYNC_RETRY_BASE_MS', DEFAULT_SYNC_SETTINGS.retryBaseMs, 1, 3_600_000),
    retryMaxMs: envInt('SYNC_RETRY_MAX_MS', DEFAULT_SYNC_SETTINGS.retryMaxMs, 1, 24 * 3_600_000),
    concurrency: envInt('SYNC_CONCURRENCY', DEFAULT_SYNC_SETTINGS.concurrency, 1, 100),
    pollIntervalMs: envInt('SYNC_POLL_INTERVAL_MS', DEFAULT_SYNC_SETTINGS.pollIntervalMs, 10, 600_000),
    batchSize: envInt('SYNC_BATCH_SIZE', DEFAULT_SYNC_SETTINGS.batchSize, 1, 1000),
    batchConcurrency: envInt('SYNC_BATCH_CONCURRENCY', DEFAULT_SYNC_SETTINGS.batchConcurrency, 1, 32),
    schedulerIntervalMs: envInt('SYNC_SCHEDULER_INTERVAL_MS', DEFAULT_SYNC_SETTINGS.schedulerIntervalMs, 100, 3_600_000),
    requestTimeoutMs: envInt('SYNC_REQUEST_TIMEOUT_MS', DEFAULT_SYNC_SETTINGS.requestTimeoutMs, 100, 600_000),
    heartbeatMs: envInt('SYNC_HEARTBEAT_MS', DEFAULT_SYNC_SETTINGS.heartbeatMs, 10, 600_000),
    staleRunMs: envInt('SYNC_STALE_RUN_MS', DEFAULT_SYNC_SETTINGS.staleRunMs, 100, 24 * 3_600_000),
    webhookToleranceSeconds: envInt('SYNC_WEBHOOK_TOLERANCE_SECONDS', DEFAULT_SYNC_SETTINGS.webhookToleranceSeconds, 1, 24 * 3600),
  };
}

/** The settings in `runtime.settings`, with the defaults for anything absent. */
export function syncSettingsOf(settings: Record<string, unknown> | undefined): SyncSettings {
  return { ...DEFAULT_SYNC_SETTINGS, ...(settings as Partial<SyncSettings> | undefined) };
}
