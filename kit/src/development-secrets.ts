/**
 * The published development secrets: a fresh clone starts without configuration, and
 * `envSecret` refuses them in production (NODE_ENV=production).
 */

/** The development secret for caller signatures (gateway → subgraphs); production sets CALLER_SIGNING_SECRET. */
export const DEVELOPMENT_CALLER_SECRET = 'tradegraph-development-caller-signing-secret';

/** The development JWT secret the gateway accepts by default (see gateway/src/config.ts); production sets JWT_SECRET. */
export const DEVELOPMENT_JWT_SECRET = 'tradegraph-development-jwt-secret-change-me';
