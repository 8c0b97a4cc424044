import pino, { type Logger } from 'pino';
import { envString } from './env';

export type { Logger };

/**
 * The process-wide JSON logger. Each request gets a child carrying its `requestId`, so a
 * line in a subgraph's log can be matched with the gateway's line for the same request.
 */
export const logger: Logger = pino({
  level: envString('LOG_LEVEL', process.env.JEST_WORKER_ID ? 'silent' : 'info'),
  base: { service: envString('SERVICE_NAME', 'tradegraph') },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: ['req.headers.authorization', '*.password', '*.token', '*.secret'], censor: '[redacted]' },
});
