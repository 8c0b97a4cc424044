/**
 * Who is signed in: a pasted token (kept in sessionStorage, so it ends with the tab) or one
 * from the gateway's development sign-in, which exists only in development with the published
 * development secret.
 */
const STORAGE_KEY = 'tradegraph.dashboard.token';

export interface Session {
  token: string;
  subject: string;
  roles: string[];
  /** when the token expires (ms since the epoch), if it says */
  expiresAt?: number;
}

/** The claims the page shows; the gateway alone checks the signature. */
export function sessionOf(token: string): Session {
  const part = token.trim().replace(/^bearer\s+/i, '').split('.')[1];
  if (!part) throw new Error('not a JWT (three dot-separated parts)');
  const claims = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown; roles?: unknown; exp?: unknown };
  return {
    token: token.trim().replace(/^bearer\s+/i, ''),
    subject: typeof claims.sub === 'string' ? claims.sub : '(no subject)',
    roles: Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [],
    expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : undefined,
  };
}

export function storedSession(): Session | undefined {
  const token = sessionStorage.getItem(STORAGE_KEY);
  if (!token) return undefined;
  try {
    const session = sessionOf(token);
    return session.expiresAt && session.expiresAt < Date.now() ? undefined : session;
  } catch {
    return undefined;
  }
}

export function storeSession(session: Session | undefined): void {
  if (session) sessionStorage.setItem(STORAGE_KEY, session.token);
  else sessionStorage.removeItem(STORAGE_KEY);
}

/** POST /dashboard/dev-token: a development token for `role` (404 anywhere but development). */
export async function developmentSignIn(role: string): Promise<Session> {
  const response = await fetch('/dashboard/dev-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role }),
  });
  if (!response.ok) throw new Error(`development sign-in: HTTP ${response.status}`);
  const { token } = (await response.json()) as { token: string };
  return sessionOf(token);
}
