import { createHmac } from 'node:crypto';
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

/**
 * The headers of a shared-secret webhook delivery, signed the way the README documents it:
 * `X-Tradegraph-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>\n<delivery>\n<topic>\n<raw body>">`
 * with `X-Tradegraph-Timestamp` in unix seconds (now unless given). Written from the
 * documentation, not from the subgraph's code, so the two are checked against each other.
 */
export function sharedSecretHeaders(secret: string, body: string, delivery: { delivery: string; topic: string; timestamp?: number }): Record<string, string> {
  const timestamp = String(delivery.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', secret).update(`${timestamp}\n${delivery.delivery}\n${delivery.topic}\n${body}`).digest('hex');
  return { 'x-tradegraph-signature': `sha256=${signature}`, 'x-tradegraph-timestamp': timestamp, 'x-tradegraph-delivery': delivery.delivery, 'x-tradegraph-topic': delivery.topic };
}
