import { parseRetryAfter, retryDelayMs } from '../src/services/backoff';

describe('retry backoff', () => {
  const options = { baseMs: 1000, maxMs: 60_000 };

  it('doubles per attempt with jitter between half and the whole step, capped', () => {
    expect(retryDelayMs(1, options, () => 0)).toBe(500);
    expect(retryDelayMs(1, options, () => 1)).toBe(1000);
    expect(retryDelayMs(3, options, () => 0)).toBe(2000);
    expect(retryDelayMs(3, options, () => 1)).toBe(4000);
    expect(retryDelayMs(20, options, () => 1)).toBe(60_000);
  });

  it('never retries sooner than Retry-After asked', () => {
    expect(retryDelayMs(1, { ...options, retryAfterMs: 30_000 }, () => 0)).toBe(30_000);
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', Date.parse('2026-01-01T00:00:00Z'))).toBe(10_000);
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
