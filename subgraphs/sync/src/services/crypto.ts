import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ConfigError } from '@tradegraph/kit';

/** What a connector needs to reach its system: an API token and the webhook signing secret. */
export interface ConnectorCredentials {
  accessToken?: string | null;
  webhookSecret?: string | null;
  [key: string]: unknown;
}

/**
 * Encrypts and decrypts connector credentials with AES-256-GCM (node:crypto): a fresh 12-byte
 * IV per value, the 16-byte tag authenticates it. Stored as base64(iv ‖ tag ‖ ciphertext).
 */
export class CredentialBox {
  private readonly key: Buffer;

  /** @throws ConfigError when the key is not 32 bytes of base64 */
  constructor(keyBase64: string) {
    this.key = Buffer.from(keyBase64, 'base64');
    if (this.key.length !== 32) throw new ConfigError(`SYNC_ENCRYPTION_KEY must be 32 bytes in base64, got ${this.key.length} bytes`);
  }

  seal(credentials: ConnectorCredentials): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  /** @throws when the value was tampered with or sealed with another key */
  open(sealed: string | null): ConnectorCredentials {
    if (!sealed) return {};
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as ConnectorCredentials;
  }
}
