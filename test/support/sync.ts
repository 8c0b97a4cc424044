import { SyncRunDocument, TriggerSyncDocument, type SyncRunPartsFragment } from '../../operations/__generated__/graphql';
import { executeOk } from './client';

/** The statuses a sync run ends in. */
export const FINAL_RUN_STATUSES: readonly string[] = ['SUCCEEDED', 'PARTIALLY_SUCCEEDED', 'FAILED', 'CANCELLED'];

/**
 * Polls `syncRun(id)` through the gateway until the run is final and returns it.
 * @throws when it is not final within `timeoutMs` (the message carries the run as last seen)
 */
export async function waitForRun(gatewayUrl: string, token: string, id: string, timeoutMs = 60_000): Promise<SyncRunPartsFragment> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { syncRun } = await executeOk(gatewayUrl, SyncRunDocument, { id }, { token });
    if (syncRun && FINAL_RUN_STATUSES.includes(syncRun.status)) return syncRun;
    if (Date.now() > until) throw new Error(`sync run ${id} still ${syncRun?.status ?? 'missing'} after ${timeoutMs} ms: ${JSON.stringify(syncRun)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Triggers a run of the connector (`full`: every record, not the delta) and waits for it to end. */
export async function runSync(gatewayUrl: string, token: string, connectorId: string, options: { full?: boolean; timeoutMs?: number } = {}): Promise<SyncRunPartsFragment> {
  const { triggerSync } = await executeOk(gatewayUrl, TriggerSyncDocument, { connectorId, full: options.full ?? false }, { token });
  return waitForRun(gatewayUrl, token, triggerSync.id, options.timeoutMs);
}
