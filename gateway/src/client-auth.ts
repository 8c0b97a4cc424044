import { apiKeyPrefixOf, logger, Role } from '@tradegraph/kit';
import type { ApiKeyGrants } from './api-keys';
import { AuthenticationError, type Authenticator, type Session } from './auth';
import type { ClientIdentity } from './client-identity';

/** The credentials a client presented, from headers or graphql-ws `connection_init`. */
export interface Credentials {
  /** `Bearer <JWT>` or `ApiKey <key>` */
  authorization?: string;
  /** the `x-api-key` header (or connection parameter) */
  apiKey?: string;
  /** the client's address, which names an anonymous client */
  address?: string;
}

/** A verified client: the caller the subgraphs see and the identity the edge decides by. */
export interface ClientSession extends Session {
  client: ClientIdentity;
  /**
   * Asks again whether the credentials still hold (an API key can be revoked before it
   * expires); absent for JWTs, which end at `expiresAt`.
   */
  stillValid?: () => Promise<boolean>;
}

const API_KEY_SCHEME = /^ApiKey\s+(\S+)$/i;

/** Credentials from request headers (HTTP and SSE). */
export function credentialsFromHeaders(header: (name: string) => string | null | undefined, address: string | undefined): Credentials {
  return { authorization: header('authorization') ?? undefined, apiKey: header('x-api-key') ?? undefined, address };
}

/** The `x-api-key` a graphql-ws client put in `connection_init`; a value that is not a string still counts (and is refused). */
export function apiKeyParam(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const value = params?.['x-api-key'];
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Turns what a client presented into a {@link ClientSession}: a partner API key
 * (`Authorization: ApiKey <key>` or `x-api-key`) becomes the caller `partner:<id>` with the
 * PARTNER role and the key's scopes; a JWT becomes its user; nothing at all, the anonymous
 * caller (whom the gateway may still refuse).
 */
export class ClientAuthenticator {
  constructor(
    private readonly tokens: Authenticator,
    private readonly keys: ApiKeyGrants,
  ) {}

  /**
   * @throws AuthenticationError for credentials that are malformed, unknown, revoked or expired
   * @throws GraphQLError UNAVAILABLE when an API key cannot be checked right now
   */
  async session(credentials: Credentials): Promise<ClientSession> {
    const { authorization, apiKey } = credentials;
    if (authorization && apiKey !== undefined) throw new AuthenticationError('send either Authorization or x-api-key, not both');
    const key = (authorization && API_KEY_SCHEME.exec(authorization)?.[1]) || apiKey;
    if (key !== undefined) return this.partner(key);
    const session = await this.tokens.session(authorization);
    const { subject } = session.caller;
    return { ...session, client: subject === null ? { kind: 'anonymous', id: `anonymous:${credentials.address ?? 'unknown'}` } : { kind: 'user', id: `user:${subject}` } };
  }

  private async partner(key: string): Promise<ClientSession> {
    // The key is never echoed back: a message naming it would put a secret in logs.
    if (!apiKeyPrefixOf(key)) throw new AuthenticationError('the API key is not valid');
    const grant = await this.keys.grant(key);
    if (!grant) throw new AuthenticationError(`the API key ${apiKeyPrefixOf(key)}… is unknown, revoked or expired`);
    this.keys.used(grant);
    const { scopes, expiresAt, ...partner } = grant;
    return {
      caller: { subject: `partner:${grant.partnerId}`, roles: [Role.PARTNER], scopes },
      expiresAt,
      client: { kind: 'partner', id: `partner:${grant.partnerId}`, partner },
      stillValid: async () => (await this.keys.grant(key)) !== null,
    };
  }
}

/**
 * Re-checks a long-lived connection's credentials every `intervalMs` and calls `onInvalid`
 * once they no longer hold; returns the way to stop. When the check itself fails (the partners
 * subgraph is down), the connection is kept and checked again at the next interval.
 */
export function whileValid(session: ClientSession, intervalMs: number, onInvalid: () => void): () => void {
  const { stillValid } = session;
  if (!stillValid) return () => {};
  const timer = setInterval(() => {
    stillValid().then(
      (valid) => {
        if (valid) return;
        clearInterval(timer);
        onInvalid();
      },
      (error: unknown) => logger.warn({ err: error }, 'could not re-check the credentials of an open connection'),
    );
  }, intervalMs).unref();
  return () => clearInterval(timer);
}
