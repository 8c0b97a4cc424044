import { LRUCache } from 'lru-cache';
import { createRemoteJWKSet, jwtVerify, errors as joseErrors, type JWTVerifyGetKey } from 'jose';
import { ANONYMOUS, ROLES, type Caller, type Role } from '@tradegraph/kit';

/** How the gateway checks client tokens. */
export interface AuthOptions {
  /** HS256 secret (development and simple deployments) */
  jwtSecret?: string;
  /** a JWKS URL (production identity providers); takes precedence over the secret */
  jwksUrl?: string;
  issuer: string;
  audience: string;
  /**
   * keep verified tokens (by their exact text) until they expire, at most
   * {@link VERIFIED_TOKEN_MAX_AGE_MS}, so a client's repeated requests skip the signature check
   */
  cacheVerified?: boolean;
}

/** How many verified tokens are remembered (the least recently used are forgotten first). */
const VERIFIED_TOKENS = 10_000;
/**
 * How long a verified token is trusted without checking it again, however far its expiry: a
 * JWKS key that is withdrawn stops its tokens within this time.
 */
export const VERIFIED_TOKEN_MAX_AGE_MS = 60_000;

/** The client's credentials were present but not acceptable; the message says why. */
export class AuthenticationError extends Error {
  override name = 'AuthenticationError';
}

/** A verified caller, and until when its token is valid. */
export interface Session {
  caller: Caller;
  /** when the token expires (ms since the epoch); absent for an anonymous caller */
  expiresAt?: number;
}

/**
 * Turns the client's `Authorization: Bearer <JWT>` into a {@link Caller}. Roles come from the
 * `roles` claim, scopes from `scope` (space-separated, as in OAuth 2) or `scopes` (a list).
 * A token must carry `exp`: a token that never expires cannot be taken back.
 */
export class Authenticator {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  /** token → its session and until when the cache may answer for it (ms since the epoch) */
  private readonly verified = new LRUCache<string, { session: Session; until: number }>({ max: VERIFIED_TOKENS });

  constructor(private readonly options: AuthOptions) {
    if (options.jwksUrl) this.key = createRemoteJWKSet(new URL(options.jwksUrl), { cacheMaxAge: VERIFIED_TOKEN_MAX_AGE_MS });
    else if (options.jwtSecret) this.key = new TextEncoder().encode(options.jwtSecret);
    else throw new Error('Authenticator needs a JWT secret or a JWKS URL');
  }

  /**
   * The caller a header value names; {@link ANONYMOUS} when there is none.
   * @throws AuthenticationError for a malformed, expired or badly signed token
   */
  async authenticate(authorization: string | undefined): Promise<Caller> {
    return (await this.session(authorization)).caller;
  }

  /**
   * Like {@link authenticate}, with the token's expiry, for connections that outlive a request.
   * @throws AuthenticationError
   */
  async session(authorization: string | undefined): Promise<Session> {
    if (!authorization) return { caller: ANONYMOUS };
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new AuthenticationError('the Authorization header must be "Bearer <token>"');
    return this.verify(match[1]);
  }

  /** Verifies a raw JWT. @throws AuthenticationError */
  async verify(token: string): Promise<Session> {
    if (!this.options.cacheVerified) return this.check(token);
    const now = Date.now();
    const known = this.verified.get(token);
    if (known && now < known.until) return known.session;
    if (known) this.verified.delete(token);
    const session = await this.check(token);
    // Shared by every request with this token from now on: nobody may change it in place.
    Object.freeze(session.caller.roles);
    Object.freeze(session.caller.scopes);
    Object.freeze(session.caller);
    // jose refuses a token once `exp` is reached; the cache stops answering for it at that same moment.
    this.verified.set(token, { session, until: Math.min(session.expiresAt!, now + VERIFIED_TOKEN_MAX_AGE_MS) });
    return session;
  }

  private async check(token: string): Promise<Session> {
    try {
      const { payload } = await jwtVerify(token, this.key as Uint8Array, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: this.options.jwksUrl ? undefined : ['HS256'],
      });
      if (!payload.sub) throw new AuthenticationError('the token has no subject (sub)');
      if (typeof payload.exp !== 'number') throw new AuthenticationError('the token has no expiry (exp)');
      const roles = (Array.isArray(payload.roles) ? payload.roles : []).filter((r): r is Role => ROLES.includes(r as Role));
      if (roles.length === 0) throw new AuthenticationError(`the token names no known role (known: ${ROLES.join(', ')})`);
      const scopes =
        typeof payload.scope === 'string'
          ? payload.scope.split(' ').filter(Boolean)
          : Array.isArray(payload.scopes)
            ? payload.scopes.filter((s): s is string => typeof s === 'string')
            : [];
      return { caller: { subject: payload.sub, roles, scopes }, expiresAt: payload.exp * 1000 };
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw new AuthenticationError('the token has expired');
      if (error instanceof joseErrors.JWTClaimValidationFailed) throw new AuthenticationError(`the token's ${error.claim} claim is not accepted`);
      throw new AuthenticationError('the token is not valid');
    }
  }
}

export { issueToken } from '@tradegraph/kit';
