import type { FaultResult } from './report';
import { check, consumersOf, DELIVERY_TIMEOUT_MS, waitDelivered, type FaultRun } from './scenario';
import { now, sleep } from './server-process';
import { deliveryReport } from './subscribers';

const REDIS_DOWN_MS = 10_000;
const SYNC_DOWN_MS = 5000;
const SUBSCRIBER_AWAY_MS = 5000;

/**
 * Fault 2: Redis (the event bus) is stopped (SIGTERM) for 10 s while orders are placed, then
 * started again on the same port and data folder (append-only file). Every order's event must
 * reach the dashboards and the shop, each exactly once.
 */
export async function stopRedis(run: FaultRun): Promise<FaultResult> {
  const { cluster, load } = run;
  const from = now();
  await cluster.redis.stop('SIGTERM');
  const downAt = now();
  await sleep(REDIS_DOWN_MS);
  await cluster.redis.start(20_000);
  const upAt = now();
  const placedWhileDown = load.placedBetween(downAt, upAt);
  // Everything placed up to the restart, the orders of the outage among them.
  const deliveredAt = await waitDelivered(consumersOf(run), () => load.placedBetween(from, upAt), DELIVERY_TIMEOUT_MS);
  const to = now();
  const recoveryMs = deliveredAt === undefined ? null : Math.max(0, deliveredAt - upAt);
  return {
    fault: `2. Redis stopped for ${REDIS_DOWN_MS / 1000} s during orders`,
    from,
    to,
    recoveryMs,
    recoveryMeaning: "Redis back → every order's event at every dashboard and the shop",
    checks: [
      check('orders were placed while Redis was down', placedWhileDown.length > 0, `${placedWhileDown.length} orders`),
      check('their events reached every subscriber and the shop', deliveredAt !== undefined, deliveredAt === undefined ? `not all within ${DELIVERY_TIMEOUT_MS / 1000} s: ${deliveryReport(load.placedBetween(from, upAt), consumersOf(run)).examples.join('; ')}` : `${Math.round(recoveryMs!)} ms after Redis was back`),
    ],
  };
}

/**
 * Fault 3: the sync process is stopped (SIGTERM) while orders are placed, and started again.
 * The orders placed meanwhile must be pushed to the shop on restart, each once.
 */
export async function stopSync(run: FaultRun): Promise<FaultResult> {
  const { cluster, load } = run;
  const sync = cluster.subgraph('sync');
  const from = now();
  // Longer than sync's own 10 s of grace, so a slow but clean stop is not taken for a hang.
  const { forced } = await sync.stop('SIGTERM', 15_000);
  const downAt = now();
  await sleep(SYNC_DOWN_MS);
  const restartAt = now();
  await sync.start();
  const readyAt = now();
  const placedWhileDown = load.placedBetween(downAt, readyAt);
  const deliveredAt = await waitDelivered([run.shop], () => load.placedBetween(from, readyAt), DELIVERY_TIMEOUT_MS);
  const to = now();
  const recoveryMs = deliveredAt === undefined ? null : Math.max(0, deliveredAt - readyAt);
  const notPushed = placedWhileDown.filter((o) => run.shop.received(o.id) === 0);
  return {
    fault: '3. sync stopped (SIGTERM) while orders are placed, restarted',
    from,
    to,
    recoveryMs,
    recoveryMeaning: `sync ready → every order pushed; it took ${((readyAt - restartAt) / 1000).toFixed(1)} s to start`,
    checks: [
      check('sync stopped on SIGTERM', !forced, forced ? 'still running 15 s after SIGTERM; killed' : 'exited'),
      check('orders were placed while sync was down', placedWhileDown.length > 0, `${placedWhileDown.length} orders`),
      check('they were pushed after the restart', notPushed.length === 0, notPushed.length ? `${notPushed.length} of ${placedWhileDown.length} had not reached the shop ${DELIVERY_TIMEOUT_MS / 1000} s after sync was ready` : `all, ${Math.round(recoveryMs!)} ms after sync was ready`),
    ],
  };
}

/**
 * Fault 5: a dashboard loses its connection for 5 s while orders are placed, then subscribes
 * again with `after:` set to the `extensions.cursor` of the last event it had. It must receive
 * every order it missed, and none twice.
 */
export async function disconnectSubscriber(run: FaultRun): Promise<FaultResult> {
  const { load, resumer } = run;
  const from = now();
  const cursor = resumer.lastCursor;
  await resumer.disconnect();
  const awayAt = now();
  await sleep(SUBSCRIBER_AWAY_MS);
  const missedWhileAway = load.placedBetween(awayAt, now()).filter((o) => o.customerId === resumer.customerId);
  const endingsBefore = resumer.endings.length;
  let refused: string | undefined;
  await resumer.connect(cursor).catch((error: Error) => (refused = error.message));
  const resumedAt = now();
  const caughtUpAt = refused ? undefined : await waitDelivered([resumer], () => load.placedBetween(from, resumedAt), DELIVERY_TIMEOUT_MS);
  const to = now();
  const newEndings = resumer.endings.slice(endingsBefore);
  const missed = missedWhileAway.filter((o) => resumer.received(o.id) === 0);
  const recoveryMs = caughtUpAt === undefined ? null : Math.max(0, caughtUpAt - resumedAt);
  return {
    fault: `5. subscriber disconnected for ${SUBSCRIBER_AWAY_MS / 1000} s, resumed with after: cursor`,
    from,
    to,
    recoveryMs,
    recoveryMeaning: 'resubscribed → every missed event received',
    checks: [
      check('events carry extensions.cursor', cursor !== undefined && resumer.withoutCursor === 0, cursor === undefined ? 'no event had one: nothing to resume from' : `${resumer.withoutCursor} events without one`),
      check('the resumed subscription was accepted', !refused && newEndings.length === 0, refused ?? (newEndings.join('; ') || 'yes')),
      check('orders were placed while it was away', missedWhileAway.length > 0, `${missedWhileAway.length} orders of its customer`),
      check('it received every one of them', missed.length === 0, missed.length ? `${missed.length} of ${missedWhileAway.length} missing ${DELIVERY_TIMEOUT_MS / 1000} s after it resubscribed` : `all, ${Math.round(recoveryMs!)} ms after it resubscribed`),
    ],
  };
}
