/**
 * Reading configuration from the environment: every setting has a safe development default,
 * is validated once at start, and a production secret that is missing stops the start with a
 * message that names the variable.
 */

/** True when NODE_ENV is `production`: secrets become mandatory and errors are masked. */
export const isProduction = (): boolean => process.env.NODE_ENV === 'production';

/** Thrown at start when a variable is missing or malformed; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A string variable, or `fallback` when unset or empty. */
export function envString(name: string, fallback: string): string {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : value;
}

/** An optional string variable: `undefined` when unset or empty. */
export function envOptional(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** An integer variable within [min, max], or `fallback` when unset. */
export function envInt(name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/** A boolean variable (`true`/`1`/`yes` or `false`/`0`/`no`), or `fallback` when unset. */
export function envBool(name: string, fallback: boolean): boolean {
  const raw = process.env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${process.env[name]}"`);
}

/**
 * A secret: in production it must be set, at least 32 characters and not the published
 * `developmentValue`; in development that value is used so that a fresh clone starts without
 * configuration.
 */
export function envSecret(name: string, developmentValue: string): string {
  const value = envOptional(name);
  if (value !== undefined) {
    if (isProduction() && value === developmentValue) {
      // It is in the source code, so anyone could mint tokens or read what it protects.
      throw new ConfigError(`${name} is the published development value; set a secret of your own in production (NODE_ENV=production)`);
    }
    if (isProduction() && value.length < 32) {
      throw new ConfigError(`${name} must be at least 32 characters in production`);
    }
    return value;
  }
  if (isProduction()) {
    throw new ConfigError(`${name} is required in production (NODE_ENV=production) and is not set`);
  }
  return developmentValue;
}
