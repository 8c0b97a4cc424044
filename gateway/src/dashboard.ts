/**
 * GET /dashboard: the live operations dashboard (web/browser/dashboard/), and in development
 * its one-click sign-in, POST /dashboard/dev-token.
 *
 * The sign-in hands out tokens to whoever asks, so it exists only where that gives nothing
 * away: not in production, and only while the gateway verifies tokens with the published
 * development secret, which anyone can already sign tokens with (`npm run token`). Anywhere
 * else the route is never registered (404). It answers only a JSON POST, which a page on
 * another origin cannot send without a preflight, and the gateway allows no cross-origin reads.
 */
import express, { type Express, type Request, type Response } from 'express';
import { DEVELOPMENT_JWT_SECRET, isProduction, logger, Role } from '@tradegraph/kit';
import { issueToken } from './auth';
import type { GatewayConfig } from './config';
import { mountPage } from './web/pages';

/** The roles the development sign-in offers, each with a subject the demo data knows. */
const DEVELOPMENT_SUBJECTS: Partial<Record<Role, string>> = {
  [Role.ADMIN]: 'dev-admin',
  // The manager of the demo data's Berlin territory (seed: `manager-<territory code>`).
  [Role.MANAGER]: 'manager-ber',
  [Role.AGENT]: 'agent-1',
};

/** Whether this gateway may offer the development sign-in (see the module comment). */
export function developmentSignInAllowed(config: Pick<GatewayConfig, 'jwtSecret' | 'jwksUrl'>): boolean {
  return !isProduction() && !config.jwksUrl && config.jwtSecret === DEVELOPMENT_JWT_SECRET;
}

export function mountDashboard(app: Express, config: GatewayConfig): void {
  const signIn = developmentSignInAllowed(config);
  if (signIn) {
    logger.info('the dashboard offers its development sign-in (development secret, not production)');
    app.post('/dashboard/dev-token', express.json({ limit: 1024 }), async (req: Request, res: Response) => {
      const role = (req.body as { role?: unknown } | undefined)?.role;
      // own keys only: `constructor` or `__proto__` must not reach issueToken
      const subject = typeof role === 'string' && Object.hasOwn(DEVELOPMENT_SUBJECTS, role) ? DEVELOPMENT_SUBJECTS[role as Role] : undefined;
      if (!subject || !req.is('application/json')) {
        return void res.status(400).json({ error: `give {"role": …} with one of ${Object.keys(DEVELOPMENT_SUBJECTS).join(', ')}` });
      }
      const token = await issueToken(config.jwtSecret!, {
        subject,
        roles: [role as Role],
        scopes: role === Role.ADMIN ? ['customers:pii'] : [],
        issuer: config.jwtIssuer,
        audience: config.jwtAudience,
        expiresIn: '8h',
      });
      res.setHeader('Cache-Control', 'no-store').json({ token });
    });
  }
  mountPage(app, '/dashboard', {
    page: 'dashboard',
    title: 'Tradegraph operations',
    config: () => ({ devSignIn: signIn ? Object.keys(DEVELOPMENT_SUBJECTS) : [] }),
  });
}
