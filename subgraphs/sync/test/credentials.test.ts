import { ConfigError } from '@tradegraph/kit';
import { CredentialBox } from '../src/services/crypto';
import { syncSettingsFromEnv } from '../src/settings';

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
