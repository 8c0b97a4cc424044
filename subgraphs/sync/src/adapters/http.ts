import { ExternalSystemError, parseRetryAfter } from '../services/backoff';

/** One HTTP exchange's answer: its status, headers and parsed JSON body (null when empty). */
export interface JsonResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * A small JSON-over-HTTP client for adapters, so every adapter classifies failures alike:
 * network errors, timeouts, 408, 429 (with its Retry-After) and 5xx are retryable
 * {@link ExternalSystemError}s; other non-2xx answers and unreadable bodies are permanent.
 * Messages name the system and carry at most 300 characters of its answer.
 */
export class JsonHttpClient {
  constructor(
    /** the system's name for messages, e.g. "NetSuite" */
    private readonly systemName: string,
    private readonly baseUrl: string,
    /** sent with every request (auth, API version …) */
    private readonly headers: Record<string, string> = {},
    private readonly timeoutMs = 30_000,
  ) {}

  /** Resolves `path` (absolute URLs are kept) against the base URL. */
  url(path: string): string {
    return new URL(path, this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`).toString();
  }

  get<T>(path: string, headers: Record<string, string> = {}): Promise<JsonResponse<T>> {
    return this.send<T>('GET', path, undefined, headers);
  }

  post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<JsonResponse<T>> {
    return this.send<T>('POST', path, body, headers);
  }

  patch<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<JsonResponse<T>> {
    return this.send<T>('PATCH', path, body, headers);
  }

  put<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<JsonResponse<T>> {
    return this.send<T>('PUT', path, body, headers);
  }

  async send<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonResponse<T>> {
    const url = this.url(path);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...this.headers, ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new ExternalSystemError(`${this.systemName} is unreachable (${method} ${new URL(url).pathname}): ${(error as Error).message}`, true);
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      const excerpt = text.slice(0, 300);
      if (response.status === 429) throw new ExternalSystemError(`${this.systemName} rate limit (HTTP 429): ${excerpt}`, true, parseRetryAfter(response.headers.get('retry-after')), 429);
      throw new ExternalSystemError(`${this.systemName} answered HTTP ${response.status} to ${method} ${new URL(url).pathname}: ${excerpt}`, response.status >= 500 || response.status === 408, undefined, response.status);
    }
    let parsed: unknown = null;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new ExternalSystemError(`${this.systemName} answered ${method} ${new URL(url).pathname} with a body that is not JSON`, false);
      }
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }
}

/** The `rel="next"` URL of an RFC 8288 Link header, or null. */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part.trim());
    if (match) return match[1];
  }
  return null;
}
