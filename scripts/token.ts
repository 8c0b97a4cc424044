/**
 * Prints a development token for the gateway (signed with JWT_SECRET, or the development
 * default):
 *
 *   npm run token -- --role ADMIN [--role MANAGER] [--scope customers:pii] [--subject alice] [--expires 1h]
 */
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '@tradegraph/kit';
import { issueToken } from '../gateway/src/auth';
import { gatewayConfigFromEnv } from '../gateway/src/config';

async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      scope: { type: 'string', multiple: true },
      subject: { type: 'string' },
      expires: { type: 'string', default: '12h' },
    },
  });
  const roles = (values.role ?? ['ADMIN']).map((r) => r.toUpperCase());
  const unknown = roles.filter((r) => !ROLES.includes(r as Role));
  if (unknown.length) throw new Error(`unknown role ${unknown.join(', ')}; known: ${ROLES.join(', ')}`);
  const config = gatewayConfigFromEnv();
  if (!config.jwtSecret) throw new Error('JWKS_URL is set: tokens come from your identity provider, not from here');
  const token = await issueToken(config.jwtSecret, {
    subject: values.subject ?? `dev-${roles[0].toLowerCase()}`,
    roles: roles as Role[],
    scopes: values.scope ?? [],
    issuer: config.jwtIssuer,
    audience: config.jwtAudience,
    expiresIn: values.expires,
  });
  console.log(token);
}

main().catch((error) => {
  console.error(`token: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
