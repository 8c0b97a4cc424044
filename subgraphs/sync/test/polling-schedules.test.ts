import { isPollingSchedule, lastDue } from '../src/services/scheduler';

describe('polling schedules', () => {
  const now = new Date('2026-03-04T10:17:30Z');

  it('accepts the fixed intervals and valid five-field cron expressions only', () => {
    for (const ok of ['1m', '5m', '15m', '30m', '*/10 * * * *', '0 2 * * 1-5']) expect(isPollingSchedule(ok)).toBe(true);
    for (const bad of ['2m', '60 * * * *', '* * * *', 'every day', '* * * * * *']) expect(isPollingSchedule(bad)).toBe(false);
  });

  it('knows when a schedule last came due: now minus the interval, or the latest cron tick in UTC', () => {
    expect(lastDue('15m', now)).toEqual(new Date('2026-03-04T10:02:30Z'));
    expect(lastDue('*/10 * * * *', now)).toEqual(new Date('2026-03-04T10:10:00Z'));
    expect(lastDue('0 2 * * *', now)).toEqual(new Date('2026-03-04T02:00:00Z'));
    expect(lastDue('*/10 * * * *', new Date('2026-03-04T10:20:00Z'))).toEqual(new Date('2026-03-04T10:20:00Z'));
  });
});
