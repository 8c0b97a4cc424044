import type { RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { envInt } from './env';
import { ErrorCode } from './errors';
import { logger } from './logger';

/**
 * WebSocket close code 1012 "Service Restart": graphql-ws's client counts it among the codes
 * that are not fatal and reconnects (its `retryAttempts`), so a subscriber lands on another
 * replica or on this one once it is back.
 */
export const SERVICE_RESTART_CLOSE_CODE = 1012;

/** How long after the process keeps going past its grace period before it is cut outright (ms). */
const CLEANUP_MARGIN_MS = 2000;

/**
 * SHUTDOWN_GRACE_MS (default 10 s), one setting for the gateway and every subgraph: how long a
 * stopping server lets requests in flight finish before it cuts what is left.
 */
export function shutdownGraceMsFromEnv(): number {
  return envInt('SHUTDOWN_GRACE_MS', 10_000, 0, 600_000);
}

/** The last result a stopping server sends on a subscription stream: subscribe again, elsewhere or later. */
export function shuttingDownError(): GraphQLError {
  return new GraphQLError('The server is shutting down; subscribe again', { extensions: { code: ErrorCode.SHUTTING_DOWN, retryable: true } });
}

/**
 * While the server stops, a request that still arrives on a connection kept open from before
 * gets 503 and `Connection: close` (so its client retries on a fresh connection, which a
 * stopped listener refuses and a load balancer sends elsewhere). `/health` still answers:
 * the process is alive until it exits; `/ready` answers 503 by its own handler.
 */
export function refuseWhileStopping(stopping: () => boolean): RequestHandler {
  return (req, res, next) => {
    if (!stopping() || req.path === '/health' || req.path === '/ready') return next();
    res.setHeader('connection', 'close');
    res.status(503).json({ errors: [{ message: 'The server is shutting down; retry', extensions: { code: ErrorCode.SHUTTING_DOWN, retryable: true } }] });
  };
}

/**
 * Stops the process on SIGINT/SIGTERM: `stop()` (which drains within `graceMs`), then exit 0.
 * Whatever still runs `graceMs` plus a short margin later is cut: exit 1. A second signal exits
 * at once.
 */
export function stopOnSignals(name: string, stop: () => Promise<void>, graceMs: number): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, `${name}: second signal, exiting at once`);
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, graceMs }, `${name}: stopping`);
    const deadline = setTimeout(() => {
      logger.error({ graceMs }, `${name} did not stop within its grace period; exiting`);
      process.exit(1);
    }, graceMs + CLEANUP_MARGIN_MS);
    deadline.unref();
    stop().then(
      () => {
        logger.info(`${name} stopped`);
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, `${name}: error while stopping`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
