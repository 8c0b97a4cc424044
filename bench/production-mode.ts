/**
 * Benchmarks measure what a deployment runs: NODE_ENV=production (graphql-js without its
 * development checks, production error masking and logging). Production refuses to start
 * without secrets of its own; a bench signs with the tests' secrets and encrypts with a random
 * key per run, set here in its environment, so the processes it starts inherit them.
 */
import { randomBytes } from 'node:crypto';
import { TEST_CALLER_SECRET, TEST_JWT_SECRET } from '../test/support/stack';

/** @throws Error when the script was not started in production mode (by its npm script) */
export function benchInProductionMode(script: string): void {
  if (process.env.NODE_ENV !== 'production') throw new Error(`run it as \`npm run ${script}\` (NODE_ENV=production)`);
  process.env.JWT_SECRET ??= TEST_JWT_SECRET;
  process.env.CALLER_SIGNING_SECRET ??= TEST_CALLER_SECRET;
  process.env.SYNC_ENCRYPTION_KEY ??= randomBytes(32).toString('base64');
}
