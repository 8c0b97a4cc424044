import { SignJWT } from 'jose';
import type { Role } from './caller';

/** The claims of a client token the gateway accepts. */
export interface TokenClaims {
  subject: string;
  roles: Role[];
  scopes?: string[];
  issuer: string;
  audience: string;
  /** a jose duration ("12h") or an absolute epoch second */
  expiresIn?: string | number;
}

/** Issues an HS256 client token the way a development identity provider would. */
export async function issueToken(secret: string, claims: TokenClaims): Promise<string> {
  return new SignJWT({ roles: claims.roles, scope: (claims.scopes ?? []).join(' ') })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.subject)
    .setIssuer(claims.issuer)
    .setAudience(claims.audience)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '12h')
    .sign(new TextEncoder().encode(secret));
}
