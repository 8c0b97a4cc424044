import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { logger } from './logger';

/** The stable error codes a client can branch on (`extensions.code`); the README's "Errors" section lists them. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  INSUFFICIENT_STOCK: 'INSUFFICIENT_STOCK',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  /** the order would take the customer's exposure past its credit limit; `extensions` carry limit, exposure and orderTotal */
  CREDIT_LIMIT_EXCEEDED: 'CREDIT_LIMIT_EXCEEDED',
  RATE_LIMITED: 'RATE_LIMITED',
  /** a service this request needs could not be reached; nothing was changed, retry later */
  UNAVAILABLE: 'UNAVAILABLE',
  /** the request ran past the gateway's time limit; a mutation may still have been applied */
  TIMEOUT: 'TIMEOUT',
  /** the server is stopping (a restart or deploy); retry, or subscribe again: another replica or the restarted one answers */
  SHUTTING_DOWN: 'SHUTTING_DOWN',
  /** the cursor is outside the retained window; read the current state and subscribe again without it */
  CURSOR_EXPIRED: 'CURSOR_EXPIRED',
  /** a subscription fell too far behind and was ended rather than skip events; subscribe again `after` the last event processed */
  SUBSCRIBER_TOO_SLOW: 'SUBSCRIBER_TOO_SLOW',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/** One invalid input field: `field` is a dotted path into the input (`input.items.3.sku`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * An error meant for the client: its message is safe to show and `extensions.code` is one of
 * {@link ErrorCode}. Services throw these; anything else reaching the client is INTERNAL.
 */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

/** Input that breaks a rule; names every offending field. */
export function badInput(problems: FieldProblem[] | string, message?: string): DomainError {
  const list = typeof problems === 'string' ? [{ field: problems, message: message ?? 'is invalid' }] : problems;
  const text = list.map((p) => `${p.field} ${p.message}`).join('; ');
  return new DomainError(ErrorCode.BAD_USER_INPUT, `Invalid input: ${text}`, { fields: list });
}

/** The named entity does not exist (or the caller may not know it exists). */
export function notFound(entity: string, key: string): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, `${entity} ${key} was not found`, { entity });
}

/** The write clashes with existing state (a duplicate key, a stale version). */
export function conflict(message: string, extensions: Record<string, unknown> = {}): DomainError {
  return new DomainError(ErrorCode.CONFLICT, message, extensions);
}

/** The caller is known but lacks the role or scope. */
export function forbidden(message = 'You are not allowed to do this'): DomainError {
  return new DomainError(ErrorCode.FORBIDDEN, message);
}

/** The caller is not known (no or invalid credentials). */
export function unauthenticated(message = 'Authentication is required'): DomainError {
  return new DomainError(ErrorCode.UNAUTHENTICATED, message);
}

/**
 * Turns type-graphql's ArgumentValidationError (class-validator output) into BAD_USER_INPUT
 * with the field paths, so validation errors name the field whichever layer found them.
 */
function fromValidation(error: GraphQLError): GraphQLFormattedError | undefined {
  const original = error.originalError as { validationErrors?: ValidationErrorLike[] } | undefined;
  const list = original?.validationErrors ?? (error.extensions?.validationErrors as ValidationErrorLike[] | undefined);
  if (!Array.isArray(list)) return undefined;
  const problems: FieldProblem[] = [];
  const walk = (items: ValidationErrorLike[], prefix: string) => {
    for (const item of items) {
      const field = prefix ? `${prefix}.${item.property}` : item.property;
      for (const [constraint, message] of Object.entries(item.constraints ?? {})) {
        // a rule on an input object about one of its fields (IsPositiveMoney) names that field
        const inner = item.contexts?.[constraint]?.field;
        problems.push({ field: typeof inner === 'string' ? `${field}.${inner}` : field, message: message.startsWith(`${item.property} `) ? message.slice(item.property.length + 1) : message });
      }
      if (item.children?.length) walk(item.children, field);
    }
  };
  walk(list, '');
  const shaped = badInput(problems);
  return { message: shaped.message, path: error.path, locations: error.locations, extensions: shaped.extensions };
}

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  /** per constraint, the `context` its decorator was given */
  contexts?: Record<string, { field?: unknown } | undefined>;
  children?: ValidationErrorLike[];
}

/**
 * What the client gets for a PostgreSQL data exception (SQLSTATE class 22): a value that got
 * past input validation but that PostgreSQL cannot take. The client's mistake, not ours; the
 * driver's message is never passed on, since it quotes the SQL and the values.
 */
const DATA_EXCEPTION_MESSAGES: Record<string, string> = {
  '22P02': 'A value has the wrong format (for example an id that is not a UUID, or a cursor this API did not issue)',
  '22021': 'A text holds a byte sequence that is not valid text (for example a NUL byte)',
  '22P05': 'A text holds a character that cannot be stored (for example a NUL byte)',
  '22007': 'A date or time has the wrong format',
  '22008': 'A date or time is out of range',
  '22003': 'A number is out of range',
  '22001': 'A text is too long',
};
const DATA_EXCEPTION_DEFAULT = 'A value has the wrong format or is out of range';

/** The SQLSTATE of a PostgreSQL error (also when MikroORM wrapped it), if `error` is one. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * Node's and PostgreSQL's ways of saying the database could not be reached at all: nothing was
 * sent, so nothing changed. SQLSTATE 08001/08004 (no connection made), 57P03 (still starting).
 */
const NOT_CONNECTED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', '08001', '08004', '57P03']);
/**
 * A connection that broke while in use (reset, shut down or crashed server, class 08): the
 * statement, even a COMMIT, may or may not have taken effect.
 */
const DROPPED_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02']);
const NOT_CONNECTED_MESSAGE = /Timeout acquiring a connection|connect ECONNREFUSED/i;
const DROPPED_MESSAGE = /Connection terminated|connection error/i;

/**
 * How `error` (or what it wraps) says the database failed: `not-connected` when no connection
 * could be had (nothing was changed), `dropped` when one broke in use (the outcome is unknown),
 * undefined when a statement failed for another reason.
 */
export function databaseFailure(error: unknown, depth = 0): 'not-connected' | 'dropped' | undefined {
  if (!error || typeof error !== 'object' || depth > 3) return undefined;
  const { code, name, message, cause, errors } = error as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && NOT_CONNECTED_CODES.has(code)) return 'not-connected';
  if (name === 'KnexTimeoutError' || (typeof message === 'string' && NOT_CONNECTED_MESSAGE.test(message))) return 'not-connected';
  if (typeof code === 'string' && (DROPPED_CODES.has(code) || (code.startsWith('08') && code !== '08P01'))) return 'dropped';
  if (name === 'ConnectionException' || (typeof message === 'string' && DROPPED_MESSAGE.test(message))) return 'dropped';
  const inner = [cause, ...(Array.isArray(errors) ? errors : [])].map((e) => databaseFailure(e, depth + 1));
  return inner.find((f) => f === 'not-connected') ?? inner.find((f) => f === 'dropped');
}

/**
 * Runs `work`, and again after a pause when the database failed under it, up to `attempts`
 * times: a pool can hand out a connection the server already ended before it notices. Only for
 * work that is safe to repeat.
 */
export async function retryOnDatabaseFailure<T>(work: () => Promise<T>, attempts = 3, pauseMs = 200): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      // knex reports a transaction whose BEGIN met an ended connection as "already complete".
      const lost = databaseFailure(error) !== undefined || /Transaction query already complete/.test((error as Error)?.message ?? '');
      if (attempt >= attempts || !lost) throw error;
      await new Promise((resolve) => setTimeout(resolve, pauseMs * attempt));
    }
  }
}

/**
 * Apollo Server's `formatError`: keeps DomainErrors and GraphQL's own request errors as they
 * are, names fields for validation failures, answers PostgreSQL data exceptions (class 22) as
 * BAD_USER_INPUT and a database that cannot be reached as UNAVAILABLE (`retryable` only when nothing was sent), and replaces everything else with a bare INTERNAL error "Internal server
 * error" (logged with its stack) so that no internals reach a client, in any mode.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const graphqlError = error instanceof GraphQLError ? error : undefined;
  const validation = graphqlError && fromValidation(graphqlError);
  if (validation) return validation;

  const original = graphqlError?.originalError ?? error;
  const code = formatted.extensions?.code;
  const isClientError =
    original instanceof DomainError ||
    (typeof code === 'string' && KNOWN_CODES.has(code) && code !== ErrorCode.INTERNAL) ||
    (typeof code === 'string' && ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE'].includes(code)) ||
    // errors that graphql-js raises for bad variables carry no originalError
    (graphqlError !== undefined && graphqlError.originalError === undefined && code !== ErrorCode.INTERNAL && code !== 'INTERNAL_SERVER_ERROR');

  if (isClientError) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }

  const failure = databaseFailure(original);
  if (failure) {
    logger.warn({ err: original, path: formatted.path, failure }, 'database unreachable');
    // A connection lost mid-statement may have committed: only a client that can tell (a query,
    // an idempotency key) should send it again.
    return failure === 'not-connected'
      ? { message: 'The database is unavailable; nothing was changed; retry later', path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.UNAVAILABLE, retryable: true } }
      : { message: 'The connection to the database was lost; a change may or may not have been applied', path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.UNAVAILABLE, retryable: false } };
  }

  const state = sqlState(original);
  if (state?.startsWith('22')) {
    logger.info({ err: original, path: formatted.path }, 'PostgreSQL refused a client value');
    return { message: DATA_EXCEPTION_MESSAGES[state] ?? DATA_EXCEPTION_DEFAULT, path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }

  // Not ours to explain: the message of a driver or library error can hold SQL, values or
  // paths, so it goes to the log only, in every mode (the log has the request's path and id).
  logger.error({ err: original, path: formatted.path }, 'unexpected error in resolver');
  return {
    message: 'Internal server error',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: ErrorCode.INTERNAL },
  };
}
