/** A failure talking to an external system; `retryable` ones are tried again later. */
export class ExternalSystemError extends Error {
  override name = 'ExternalSystemError';
  constructor(
    message: string,
    readonly retryable: boolean,
    /** the wait the system asked for (429 Retry-After), in ms */
    readonly retryAfterMs?: number,
    /** the HTTP status the system answered, when it answered */
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * The wait before attempt `attempt + 1`: exponential (`base · 2^(attempt-1)`, capped at `max`)
 * with "equal jitter" (half fixed, half random) so that runs failing together do not retry
 * together. A Retry-After from the system is honoured: never retry sooner than it asked.
 */
export function retryDelayMs(attempt: number, options: { baseMs: number; maxMs: number; retryAfterMs?: number }, random: () => number = Math.random): number {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exponential / 2 + random() * (exponential / 2);
  return Math.round(Math.min(options.maxMs, Math.max(jittered, options.retryAfterMs ?? 0)));
}

/** Parses Retry-After (seconds or an HTTP date) into ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
