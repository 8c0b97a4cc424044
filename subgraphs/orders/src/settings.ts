import { envBool, envInt } from '@tradegraph/kit';

/** The orders subgraph's own settings (read once at start; tests pass their own). */
export interface OrderSettings {
  /** tax on the subtotal, in basis points (1900 = 19 %) */
  taxRateBasisPoints: number;
  /** how long inventory holds the stock of an order that is not completed; null: inventory's default */
  reservationTtlSeconds: number | null;
  /** how long a second placeOrder with the same key waits for the first to finish (ms) */
  idempotencyWaitMs: number;
  /**
   * Fault injection for tests only: after stock is reserved, stop as if the process had died
   * (no order written, no compensation), so the reservation must expire on its own.
   */
  crashAfterReservation?: boolean;
}

export const DEFAULT_ORDER_SETTINGS: OrderSettings = { taxRateBasisPoints: 1900, reservationTtlSeconds: null, idempotencyWaitMs: 15_000 };

/** ORDER_TAX_RATE_BP (default 1900), ORDER_RESERVATION_TTL_SECONDS (default: inventory's). */
export function orderSettingsFromEnv(): OrderSettings {
  const ttl = envInt('ORDER_RESERVATION_TTL_SECONDS', 0, 0, 7 * 24 * 3600);
  return {
    taxRateBasisPoints: envInt('ORDER_TAX_RATE_BP', 1900, 0, 10_000),
    reservationTtlSeconds: ttl || null,
    idempotencyWaitMs: envInt('ORDER_IDEMPOTENCY_WAIT_MS', 15_000, 0, 600_000),
    crashAfterReservation: envBool('ORDER_FAULT_CRASH_AFTER_RESERVATION', false),
  };
}

/** The settings in `runtime.settings`, over the defaults. */
export function orderSettingsOf(settings: Record<string, unknown> | undefined): OrderSettings {
  return { ...DEFAULT_ORDER_SETTINGS, ...(settings as Partial<OrderSettings> | undefined) };
}
