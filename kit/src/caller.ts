import { createSecretKey, type KeyObject } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';

/** The roles (docs/architecture.md, "Who may do what" in the README); scopes refine them (`customers:pii`). */
export const Role = {
  ADMIN: 'ADMIN',
  MANAGER: 'MANAGER',
  AGENT: 'AGENT',
  PARTNER: 'PARTNER',
  SERVICE: 'SERVICE',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES: readonly Role[] = Object.values(Role);

/** Who is calling, as the gateway established it. Anonymous callers have no subject and no roles. */
export interface Caller {
  /** The token's subject (a user id, a partner id or a service name); null when anonymous. */
  subject: string | null;
  roles: Role[];
  scopes: string[];
}

/** The caller with no identity: deny-by-default rules let it do nothing unless a rule allows it. */
export const ANONYMOUS: Caller = Object.freeze({ subject: null, roles: [], scopes: [] });

/** True when the caller holds any of the roles. */
export function hasRole(caller: Caller, ...roles: Role[]): boolean {
  return caller.roles.some((role) => roles.includes(role));
}

/** True when the caller holds the scope. */
export function hasScope(caller: Caller, scope: string): boolean {
  return caller.scopes.includes(scope);
}

/** The HTTP header that carries the signed caller context from the gateway to a subgraph. */
export const CALLER_HEADER = 'x-tradegraph-caller';
/** The HTTP header that carries the request id along the whole request path. */
export const REQUEST_ID_HEADER = 'x-request-id';

const AUDIENCE = 'tradegraph-subgraphs';
const ISSUER = 'tradegraph-gateway';
const ALGORITHM = 'HS256';

/**
 * Signs and verifies the caller context between the gateway and the subgraphs: a short-lived
 * HS256 JWT over the caller and the request id, with a secret only the gateway and the
 * subgraphs know. A subgraph answers nothing that arrives without a valid one.
 */
export class CallerSigner {
  /** a KeyObject made once: given raw bytes, jose would make one on every sign and verify */
  private readonly key: KeyObject;

  /**
   * @param secret the shared secret (CALLER_SIGNING_SECRET)
   * @param ttlSeconds how long a signed context stays valid; short, because it only has to
   *   outlive one request plan
   */
  constructor(secret: string, private readonly ttlSeconds = 60) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  /** The header value the gateway attaches to every subgraph request. */
  async sign(caller: Caller, requestId: string): Promise<string> {
    return new SignJWT({ roles: caller.roles, scopes: caller.scopes, rid: requestId })
      .setProtectedHeader({ alg: ALGORITHM })
      .setSubject(caller.subject ?? '')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
  }

  /**
   * Verifies a header value and returns the caller it carries.
   * @throws CallerSignatureError naming what was wrong (missing, expired, bad signature)
   */
  async verify(header: string | undefined): Promise<{ caller: Caller; requestId?: string }> {
    if (!header) throw new CallerSignatureError(`missing ${CALLER_HEADER} header: requests must come through the gateway`);
    try {
      const { payload } = await jwtVerify(header, this.key, { audience: AUDIENCE, issuer: ISSUER, algorithms: [ALGORITHM] });
      const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => ROLES.includes(r as Role)) : [];
      const scopes = Array.isArray(payload.scopes) ? payload.scopes.filter((s): s is string => typeof s === 'string') : [];
      return {
        caller: { subject: payload.sub ? payload.sub : null, roles, scopes },
        requestId: typeof payload.rid === 'string' ? payload.rid : undefined,
      };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new CallerSignatureError('the caller context has expired');
      throw new CallerSignatureError('the caller context signature is invalid');
    }
  }
}

/** The caller context header was missing or did not verify. */
export class CallerSignatureError extends Error {
  override name = 'CallerSignatureError';
}
