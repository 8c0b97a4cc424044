import { createHash, randomBytes } from 'node:crypto';

/**
 * The shape of a partner API key, shared by the partners subgraph (which issues keys and keeps
 * their hashes) and the gateway (which hashes what a client sends and asks for the grant):
 * `tgk_<8 characters>_<43 characters>`. The first 12 characters are the public prefix that
 * names the key in logs; the rest is 32 random bytes (base64url), never stored.
 */
const KEY = /^(tgk_[a-z0-9]{8})_[A-Za-z0-9_-]{43}$/;
const PREFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * What a valid key grants, as the partners subgraph answers the gateway's `apiKeyGrant`:
 * `TDate` is a Date in the subgraph and its ISO string on the wire.
 */
export interface ApiKeyGrantFields<TDate> {
  partnerId: string;
  keyId: string;
  keyPrefix: string;
  scopes: string[];
  trustedDocumentsOnly: boolean;
  requestsPerMinute: number | null;
  costPerMinute: number | null;
  expiresAt: TDate | null;
}

/** A newly made key: the secret to show once, its public prefix and the hash to keep. */
export interface NewApiKey {
  key: string;
  prefix: string;
  secretHash: string;
}

/** SHA-256 (hex) of a whole key: what is stored and looked up, never the key itself. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The key's public prefix (`tgk_3fa9c2d1`), or null when `key` does not have the shape of one. */
export function apiKeyPrefixOf(key: string): string | null {
  return KEY.exec(key)?.[1] ?? null;
}

/** A fresh random key. */
export function generateApiKey(): NewApiKey {
  const prefix = `tgk_${[...randomBytes(8)].map((b) => PREFIX_ALPHABET[b % PREFIX_ALPHABET.length]).join('')}`;
  const key = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, secretHash: hashApiKey(key) };
}
