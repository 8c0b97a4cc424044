import { envInt } from '@tradegraph/kit';

/** The inventory subgraph's own settings, handed to resolvers and jobs as `runtime.settings`. */
export interface InventorySettings {
  /** how long a reservation holds stock unless the caller gives `ttlSeconds` */
  reservationTtlSeconds: number;
  /** how often the expiry sweep looks for ACTIVE reservations past their `expiresAt` */
  sweepIntervalMs: number;
}

/** What applies when neither the environment nor the caller says otherwise. */
export const DEFAULT_INVENTORY_SETTINGS: Readonly<InventorySettings> = Object.freeze({
  reservationTtlSeconds: 900,
  sweepIntervalMs: 5000,
});

/** Reads RESERVATION_TTL_SECONDS (default 900) and RESERVATION_SWEEP_MS (default 5000). @throws ConfigError naming the variable */
export function inventorySettingsFromEnv(): InventorySettings {
  return {
    reservationTtlSeconds: envInt('RESERVATION_TTL_SECONDS', DEFAULT_INVENTORY_SETTINGS.reservationTtlSeconds, 1, 7 * 24 * 3600),
    sweepIntervalMs: envInt('RESERVATION_SWEEP_MS', DEFAULT_INVENTORY_SETTINGS.sweepIntervalMs, 100, 3_600_000),
  };
}

/**
 * The settings in `runtime.settings`, with the defaults for anything absent: a subgraph
 * started without settings (tests, `npm start`) still behaves.
 */
export function inventorySettingsOf(settings: Record<string, unknown> | undefined): InventorySettings {
  const read = (key: keyof InventorySettings) => {
    const value = settings?.[key];
    return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : DEFAULT_INVENTORY_SETTINGS[key];
  };
  return { reservationTtlSeconds: read('reservationTtlSeconds'), sweepIntervalMs: read('sweepIntervalMs') };
}
