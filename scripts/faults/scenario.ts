import type { Cluster } from './cluster';
import type { ShopReceiver } from './fixtures';
import type { PlacedOrder, RequestRecord, SteadyLoad } from './load';
import type { Check } from './report';
import { now, waitFor } from './server-process';
import { allDelivered, type Consumer, type OrderSubscriber } from './subscribers';

/** What every fault scenario works with: the servers, the load on them and the receivers of its events. */
export interface FaultRun {
  cluster: Cluster;
  load: SteadyLoad;
  /** dashboards that stay connected for the whole run, one per customer */
  dashboards: OrderSubscriber[];
  /** a dashboard that fault 5 disconnects and resumes */
  resumer: OrderSubscriber;
  shop: ShopReceiver;
}

/** Everyone who must receive an order's event. */
export function consumersOf(run: FaultRun): Consumer[] {
  return [...run.dashboards, run.resumer, run.shop];
}

/** How long the events of a fault may take to arrive once it is undone; missing after this, they count as lost. */
export const DELIVERY_TIMEOUT_MS = 60_000;

export const check = (name: string, ok: boolean, detail: string): Check => ({ name, ok, detail });

/** A request counts as served when it got everything it asked for. */
const served = (r: RequestRecord) => r.outcome === 'full';

/**
 * Waits until the last `streak` answered requests of each kind started after `since` were all
 * served, i.e. the system serves again and keeps doing so.
 * @returns whether it got there within `timeoutMs`
 */
export async function waitServing(load: SteadyLoad, since: number, kinds: RequestRecord['kind'][], timeoutMs: number, streak = 5): Promise<boolean> {
  const serving = await waitFor(() => kinds.every((kind) => {
    const answered = load.startedBetween(since, Infinity, kind).filter((r) => r.endedAt !== undefined);
    return answered.length >= streak && answered.slice(-streak).every(served);
  }), timeoutMs);
  return serving === true;
}

/**
 * When service came back after `since`: the end of the first served request that no later
 * request (of these kinds, started after `since`) failed after. Undefined when the last one
 * was not served.
 */
export function servedAgainAt(load: SteadyLoad, since: number, kinds: RequestRecord['kind'][]): number | undefined {
  const records = load.startedBetween(since, Infinity).filter((r) => kinds.includes(r.kind) && r.endedAt !== undefined);
  let lastBad = -1;
  records.forEach((r, i) => {
    if (!served(r)) lastBad = i;
  });
  const firstGood = records.slice(lastBad + 1).filter(served);
  return firstGood.length ? Math.min(...firstGood.map((r) => r.endedAt!)) : undefined;
}

/**
 * Waits until every order of `orders()` reached every one of `consumers` that covers it.
 * @returns when that was, or undefined after `timeoutMs`
 */
export async function waitDelivered(consumers: Consumer[], orders: () => PlacedOrder[], timeoutMs: number): Promise<number | undefined> {
  return waitFor(() => allDelivered(orders(), consumers) && now(), timeoutMs, 25);
}

/** Waits (at most the load's own 15 s timeout and a little) until every request started before `to` was answered, so it can be judged. */
export async function settled(load: SteadyLoad, to: number): Promise<void> {
  await waitFor(() => load.startedBetween(-Infinity, to).every((r) => r.endedAt !== undefined), 16_000);
}

/** "failed of sent", then what failed and how many answers were partial, for the table. */
export function failedCell(load: SteadyLoad, from: number, to: number): string {
  const records = load.startedBetween(from, to);
  const failed = records.filter((r) => r.outcome === 'failed' || r.outcome === undefined);
  const partial = records.filter((r) => r.outcome === 'partial').length;
  const reasons = new Map<string, number>();
  for (const r of failed) {
    const key = `${r.kind === 'order' ? 'placeOrder' : 'products'} ${r.outcome === undefined ? 'unanswered' : r.error ?? 'failed'}`;
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
  }
  const why = [...reasons].map(([reason, n]) => `${n} ${reason}`);
  if (partial) why.push(`${partial} products partial (stock null, UNAVAILABLE)`);
  return `${failed.length} of ${records.length}${why.length ? ` (${why.join('; ')})` : ''}`;
}
