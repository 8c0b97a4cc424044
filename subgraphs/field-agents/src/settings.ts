import { ConfigError, envInt, envString } from '@tradegraph/kit';

/** What happens to a check-in farther from the customer than the radius. */
export type OffSitePolicy = 'RECORD' | 'REFUSE';

/** The field-agents subgraph's own settings, handed to resolvers and jobs as `runtime.settings`. */
export interface FieldAgentSettings {
  /** a check-in farther than this from the customer's location is off-site */
  checkInRadiusMeters: number;
  /** RECORD: an off-site check-in is allowed and flagged; REFUSE: it is refused with BAD_USER_INPUT */
  offSitePolicy: OffSitePolicy;
  /** a PLANNED visit this long past its scheduledAt becomes MISSED */
  missedAfterMinutes: number;
  /** how often the missed-visit sweep runs (ms) */
  missedSweepMs: number;
}

export const DEFAULT_FIELD_AGENT_SETTINGS: Readonly<FieldAgentSettings> = Object.freeze({
  checkInRadiusMeters: 300,
  offSitePolicy: 'RECORD',
  missedAfterMinutes: 120,
  missedSweepMs: 60_000,
});

/**
 * Reads CHECKIN_RADIUS_METERS (300), CHECKIN_OFFSITE_POLICY (RECORD|REFUSE, RECORD),
 * VISIT_MISSED_AFTER_MINUTES (120) and VISIT_MISSED_SWEEP_MS (60000).
 * @throws ConfigError naming the variable
 */
export function fieldAgentSettingsFromEnv(): FieldAgentSettings {
  const policy = envString('CHECKIN_OFFSITE_POLICY', DEFAULT_FIELD_AGENT_SETTINGS.offSitePolicy).toUpperCase();
  if (policy !== 'RECORD' && policy !== 'REFUSE') throw new ConfigError(`CHECKIN_OFFSITE_POLICY must be RECORD or REFUSE, got "${policy}"`);
  return {
    checkInRadiusMeters: envInt('CHECKIN_RADIUS_METERS', DEFAULT_FIELD_AGENT_SETTINGS.checkInRadiusMeters, 1, 100_000),
    offSitePolicy: policy,
    missedAfterMinutes: envInt('VISIT_MISSED_AFTER_MINUTES', DEFAULT_FIELD_AGENT_SETTINGS.missedAfterMinutes, 1, 7 * 24 * 60),
    missedSweepMs: envInt('VISIT_MISSED_SWEEP_MS', DEFAULT_FIELD_AGENT_SETTINGS.missedSweepMs, 100, 3_600_000),
  };
}

/** The settings in `runtime.settings`, with the defaults for anything absent or malformed. */
export function fieldAgentSettingsOf(settings: Record<string, unknown> | undefined): FieldAgentSettings {
  const int = (key: 'checkInRadiusMeters' | 'missedAfterMinutes' | 'missedSweepMs') => {
    const value = settings?.[key];
    return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : DEFAULT_FIELD_AGENT_SETTINGS[key];
  };
  const policy = settings?.offSitePolicy;
  return {
    checkInRadiusMeters: int('checkInRadiusMeters'),
    offSitePolicy: policy === 'REFUSE' || policy === 'RECORD' ? policy : DEFAULT_FIELD_AGENT_SETTINGS.offSitePolicy,
    missedAfterMinutes: int('missedAfterMinutes'),
    missedSweepMs: int('missedSweepMs'),
  };
}
