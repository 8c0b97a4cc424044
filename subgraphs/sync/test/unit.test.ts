import { createHmac } from 'node:crypto';
import { ConfigError } from '@tradegraph/kit';
import { ConflictPolicy, ConflictResolution, ExternalSystem, SyncRunStatus } from '../src/entities';
import { receives } from '../src/adapters';
import { checksumOf, decideConflict } from '../src/services/inbound';
import { parseRetryAfter, retryDelayMs } from '../src/services/backoff';
import { CredentialBox } from '../src/services/crypto';
import { syncRunStatus } from '../src/services/run-status';
import { nextLink } from '../src/adapters/http';
import { syncSettingsFromEnv } from '../src/settings';
import { verifySharedSecretSignature, verifyShopifySignature, withinReplayWindow } from '../src/services/webhooks';
import { isPollingSchedule, lastDue } from '../src/services/scheduler';

const KEY = Buffer.alloc(32, 7).toString('base64');

describe('credentials (AES-256-GCM)', () => {
  it('round-trips, uses a fresh IV each time, and refuses a tampered value or another key', () => {
    const box = new CredentialBox(KEY);
    const sealed = box.seal({ accessToken: 'shpat_secret', webhookSecret: 'whsec' });
    expect(sealed).not.toContain('shpat_secret');
    expect(box.seal({ accessToken: 'shpat_secret', webhookSecret: 'whsec' })).not.toBe(sealed);
    expect(box.open(sealed)).toEqual({ accessToken: 'shpat_secret', webhookSecret: 'whsec' });
    const raw = Buffer.from(sealed, 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => box.open(raw.toString('base64'))).toThrow();
    expect(() => new CredentialBox(Buffer.alloc(32, 8).toString('base64')).open(sealed)).toThrow();
  });

  it('wants a 32-byte key, and in production SYNC_ENCRYPTION_KEY must be set', () => {
    expect(() => new CredentialBox(Buffer.alloc(16).toString('base64'))).toThrow(ConfigError);
    const saved = { env: process.env.NODE_ENV, key: process.env.SYNC_ENCRYPTION_KEY };
    try {
      process.env.NODE_ENV = 'production';
      delete process.env.SYNC_ENCRYPTION_KEY;
      expect(() => syncSettingsFromEnv()).toThrow(/SYNC_ENCRYPTION_KEY is required in production/);
      process.env.SYNC_ENCRYPTION_KEY = Buffer.alloc(24, 1).toString('base64') + 'AAAAAAAA';
      expect(() => syncSettingsFromEnv()).toThrow(/32 bytes/);
      process.env.SYNC_ENCRYPTION_KEY = KEY;
      expect(syncSettingsFromEnv().encryptionKey).toBe(KEY);
    } finally {
      process.env.NODE_ENV = saved.env;
      if (saved.key === undefined) delete process.env.SYNC_ENCRYPTION_KEY;
      else process.env.SYNC_ENCRYPTION_KEY = saved.key;
    }
  });
});

describe('retry backoff', () => {
  const options = { baseMs: 1000, maxMs: 60_000 };

  it('doubles per attempt with jitter between half and the whole step, capped', () => {
    expect(retryDelayMs(1, options, () => 0)).toBe(500);
    expect(retryDelayMs(1, options, () => 1)).toBe(1000);
    expect(retryDelayMs(3, options, () => 0)).toBe(2000);
    expect(retryDelayMs(3, options, () => 1)).toBe(4000);
    expect(retryDelayMs(20, options, () => 1)).toBe(60_000);
  });

  it('never retries sooner than Retry-After asked', () => {
    expect(retryDelayMs(1, { ...options, retryAfterMs: 30_000 }, () => 0)).toBe(30_000);
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', Date.parse('2026-01-01T00:00:00Z'))).toBe(10_000);
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('sync run lifecycle', () => {
  it('allows QUEUED → RUNNING → outcomes, a retry back to QUEUED, and requeues only FAILED or CANCELLED runs', () => {
    expect(syncRunStatus.can(SyncRunStatus.QUEUED, SyncRunStatus.RUNNING)).toBe(true);
    expect(syncRunStatus.can(SyncRunStatus.RUNNING, SyncRunStatus.QUEUED)).toBe(true);
    expect(syncRunStatus.can(SyncRunStatus.FAILED, SyncRunStatus.QUEUED)).toBe(true);
    expect(() => syncRunStatus.assert(SyncRunStatus.SUCCEEDED, SyncRunStatus.QUEUED)).toThrow(/SUCCEEDED is final/);
    expect(() => syncRunStatus.assert(SyncRunStatus.QUEUED, SyncRunStatus.SUCCEEDED)).toThrow(/cannot go from QUEUED to SUCCEEDED/);
  });
});

describe('Shopify pieces', () => {
  it('reads the next page from a Link header', () => {
    expect(nextLink('<https://s.myshopify.com/admin/api/2024-01/products.json?limit=250&page_info=abc>; rel="previous", <https://s.myshopify.com/admin/api/2024-01/products.json?limit=250&page_info=def>; rel="next"'))
      .toBe('https://s.myshopify.com/admin/api/2024-01/products.json?limit=250&page_info=def');
    expect(nextLink('<https://x/p?page_info=abc>; rel="previous"')).toBeNull();
    expect(nextLink(null)).toBeNull();
  });

  it('checksums ignore key order but see every value', () => {
    expect(checksumOf({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(checksumOf({ b: [1, { d: 3, c: 2 }], a: 1 }));
    expect(checksumOf({ a: 1 })).not.toBe(checksumOf({ a: 2 }));
  });
});

describe('conflict policies', () => {
  const older = '2026-01-01T00:00:00Z';
  const newer = '2026-06-01T00:00:00Z';

  it('SOURCE_WINS and SUPERGRAPH_WINS pick their side whatever the times', () => {
    expect(decideConflict(ConflictPolicy.SOURCE_WINS, older, newer)).toEqual({ winner: ConflictResolution.SOURCE, by: 'policy:SOURCE_WINS' });
    expect(decideConflict(ConflictPolicy.SUPERGRAPH_WINS, newer, older)).toEqual({ winner: ConflictResolution.SUPERGRAPH, by: 'policy:SUPERGRAPH_WINS' });
  });

  it('NEWEST_WINS compares the two updated-at times; an undated source wins', () => {
    expect(decideConflict(ConflictPolicy.NEWEST_WINS, newer, older)).toMatchObject({ winner: ConflictResolution.SOURCE });
    expect(decideConflict(ConflictPolicy.NEWEST_WINS, older, newer)).toMatchObject({ winner: ConflictResolution.SUPERGRAPH });
    expect(decideConflict(ConflictPolicy.NEWEST_WINS, null, newer)).toMatchObject({ winner: ConflictResolution.SOURCE });
  });

  it('MANUAL leaves it open', () => {
    expect(decideConflict(ConflictPolicy.MANUAL, newer, older)).toEqual({ winner: null });
  });
});

describe('webhook signatures', () => {
  const body = Buffer.from('{"id":1}');
  const signed = { timestamp: '1767225600', deliveryId: 'd-1', topic: 'product.updated' };
  const hex = createHmac('sha256', 'secret').update(`1767225600\nd-1\nproduct.updated\n{"id":1}`).digest('hex');
  const headers = { ...signed, signature: `sha256=${hex}` };

  it('accepts the shared-secret header only with the right secret, body, timestamp, delivery id and topic', () => {
    expect(verifySharedSecretSignature(body, 'secret', headers)).toBe(true);
    expect(verifySharedSecretSignature(body, 'other', headers)).toBe(false);
    expect(verifySharedSecretSignature(body, '', headers)).toBe(false);
    expect(verifySharedSecretSignature(Buffer.from('{"id":2}'), 'secret', headers)).toBe(false);
    expect(verifySharedSecretSignature(body, 'secret', { ...headers, timestamp: '1767225601' })).toBe(false);
    expect(verifySharedSecretSignature(body, 'secret', { ...headers, deliveryId: 'd-2' })).toBe(false);
    expect(verifySharedSecretSignature(body, 'secret', { ...headers, topic: 'customer.updated' })).toBe(false);
    expect(verifySharedSecretSignature(body, 'secret', { ...headers, signature: hex })).toBe(false);
    expect(verifySharedSecretSignature(body, 'secret', { ...headers, signature: undefined })).toBe(false);
    expect(verifySharedSecretSignature(body, 'secret', { ...headers, timestamp: undefined })).toBe(false);
  });

  it('takes a timestamp within the replay window either way only', () => {
    const now = 1_767_225_600_000;
    expect(withinReplayWindow('1767225600', 300, now)).toBe(true);
    expect(withinReplayWindow('1767225300', 300, now)).toBe(true);
    expect(withinReplayWindow('1767225299', 300, now)).toBe(false);
    expect(withinReplayWindow('1767225901', 300, now)).toBe(false);
    expect(withinReplayWindow('1767225600.5', 300, now)).toBe(false);
    expect(withinReplayWindow('', 300, now)).toBe(false);
  });

  it('checks Shopify\'s base64 header, in canonical encoding only', () => {
    const base64 = createHmac('sha256', 'secret').update(body).digest('base64');
    expect(verifyShopifySignature(body, 'secret', base64)).toBe(true);
    expect(verifyShopifySignature(body, '', base64)).toBe(false);
    expect(verifyShopifySignature(body, 'secret', base64.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')))).toBe(false);
    for (const lenient of [base64.slice(0, -1), `${base64}=`, `#${base64}`, `${base64.slice(0, 5)} ${base64.slice(5)}`]) {
      expect(Buffer.from(lenient, 'base64').equals(Buffer.from(base64, 'base64'))).toBe(true); // what Node would take
      expect(verifyShopifySignature(body, 'secret', lenient)).toBe(false);
    }
  });
});

describe('polling schedules', () => {
  const now = new Date('2026-03-04T10:17:30Z');

  it('accepts the fixed intervals and valid five-field cron expressions only', () => {
    for (const ok of ['1m', '5m', '15m', '30m', '*/10 * * * *', '0 2 * * 1-5']) expect(isPollingSchedule(ok)).toBe(true);
    for (const bad of ['2m', '60 * * * *', '* * * *', 'every day', '* * * * * *']) expect(isPollingSchedule(bad)).toBe(false);
  });

  it('knows when a schedule last came due: now minus the interval, or the latest cron tick in UTC', () => {
    expect(lastDue('15m', now)).toEqual(new Date('2026-03-04T10:02:30Z'));
    expect(lastDue('*/10 * * * *', now)).toEqual(new Date('2026-03-04T10:10:00Z'));
    expect(lastDue('0 2 * * *', now)).toEqual(new Date('2026-03-04T02:00:00Z'));
    expect(lastDue('*/10 * * * *', new Date('2026-03-04T10:20:00Z'))).toEqual(new Date('2026-03-04T10:20:00Z'));
  });
});

describe('outbound capabilities', () => {
  it('queues only pushes the system\'s adapter can take', () => {
    expect(receives(ExternalSystem.SHOPIFY, 'ORDER')).toBe(true);
    expect(receives(ExternalSystem.SHOPIFY, 'STOCK')).toBe(true);
    expect(receives(ExternalSystem.REST, 'ORDER')).toBe(true);
    expect(receives(ExternalSystem.REST, 'STOCK')).toBe(false);
    expect(receives(ExternalSystem.NETSUITE, 'STOCK')).toBe(false);
    expect(receives(ExternalSystem.SAP_BUSINESS_ONE, 'STOCK')).toBe(true);
  });
});
