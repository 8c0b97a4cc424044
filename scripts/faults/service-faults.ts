import type { FaultResult } from './report';
import { check, consumersOf, DELIVERY_TIMEOUT_MS, servedAgainAt, settled, waitDelivered, waitServing, type FaultRun } from './scenario';
import { now, sleep } from './server-process';

/** How long a killed subgraph stays dead: long enough for the breaker to open and many degraded answers. */
const INVENTORY_DOWN_MS = 4000;
/** Each product query while inventory is dead must be answered this fast. */
const DEGRADED_ANSWER_MS = 1000;
/** Full answers must be back this soon after inventory is ready again. */
const INVENTORY_RECOVERY_MS = 5000;
/** How long PostgreSQL stays stopped. */
const POSTGRES_DOWN_MS = 3000;

/**
 * Fault 1: inventory is killed (SIGKILL, no goodbye). Product queries must keep answering
 * within a second, with every name and `stock: null` plus UNAVAILABLE errors; once inventory
 * is started again and ready, full answers must be back within 5 s, without touching the gateway.
 */
export async function killInventory(run: FaultRun): Promise<FaultResult> {
  const { cluster, load } = run;
  const inventory = cluster.subgraph('inventory');
  const from = now();
  await inventory.stop('SIGKILL');
  const killedAt = now();
  await sleep(INVENTORY_DOWN_MS);
  const restartAt = now();
  await inventory.start();
  const readyAt = now();
  const serving = await waitServing(load, readyAt, ['query'], 20_000);
  const recoveredAt = serving ? servedAgainAt(load, readyAt, ['query']) : undefined;
  const to = now();
  await settled(load, readyAt);

  const whileDown = load.startedBetween(killedAt, readyAt, 'query');
  const slow = whileDown.filter((r) => r.endedAt === undefined || r.endedAt - r.startedAt > DEGRADED_ANSWER_MS);
  const failed = whileDown.filter((r) => r.outcome === 'failed');
  const partial = whileDown.filter((r) => r.outcome === 'partial');
  const recoveryMs = recoveredAt === undefined ? null : Math.max(0, recoveredAt - readyAt);
  const slowest = Math.max(0, ...whileDown.map((r) => (r.endedAt ?? to) - r.startedAt));
  return {
    fault: '1. inventory killed (SIGKILL), restarted',
    from,
    to,
    recoveryMs,
    recoveryMeaning: `inventory ready → full answers; it took ${((readyAt - restartAt) / 1000).toFixed(1)} s to start`,
    checks: [
      check('product queries answer while inventory is dead', failed.length === 0 && partial.length > 0, `${whileDown.length} queries while it was down: ${partial.length} partial (names, stock null, UNAVAILABLE), ${failed.length} failed${failed.length ? ` (${failed[0].error})` : ''}`),
      check(`each answered within ${DEGRADED_ANSWER_MS} ms`, slow.length === 0, `slowest ${Math.round(slowest)} ms; ${slow.length} over`),
      check(`full answers within ${INVENTORY_RECOVERY_MS / 1000} s of inventory being ready`, recoveryMs !== null && recoveryMs <= INVENTORY_RECOVERY_MS, recoveryMs === null ? 'no full answers within 20 s' : `${Math.round(recoveryMs)} ms`),
    ],
  };
}

/**
 * Fault 4: PostgreSQL is stopped (fast shutdown: every connection cut) and started again on the
 * same port and data. No server may die of it, and requests may fail only while it is down:
 * none started after PostgreSQL accepts connections again.
 */
export async function restartPostgres(run: FaultRun): Promise<FaultResult> {
  const { cluster, load } = run;
  const servers = cluster.nodeServers();
  const pidsBefore = servers.map((s) => s.pid);
  const exitsBefore = servers.map((s) => s.unexpectedExits.length);
  const from = now();
  await cluster.postgres.stop();
  await sleep(POSTGRES_DOWN_MS);
  await cluster.postgres.start();
  const upAt = now();
  const serving = await waitServing(load, upAt, ['query', 'order'], 30_000);
  const recoveredAt = serving ? servedAgainAt(load, upAt, ['query', 'order']) : undefined;
  // The orders placed around the outage: their events and pushes must still arrive.
  const deliveredAt = await waitDelivered(consumersOf(run), () => load.placedBetween(from, upAt), DELIVERY_TIMEOUT_MS);
  await sleep(1000);
  const to = now();
  await settled(load, to);

  const died = servers.filter((s, i) => s.pid !== pidsBefore[i] || s.unexpectedExits.length > exitsBefore[i]);
  const lateFailures = load.startedBetween(upAt, to).filter((r) => r.outcome === 'failed');
  const recoveryMs = recoveredAt === undefined ? null : Math.max(0, recoveredAt - upAt);
  return {
    fault: '4. PostgreSQL restarted',
    from,
    to,
    recoveryMs,
    recoveryMeaning: 'PostgreSQL accepting again → queries and orders served',
    checks: [
      check('no server process restarted or died', died.length === 0, died.length ? died.map((s) => `${s.name}: ${s.unexpectedExits.map((e) => `exit ${e.code ?? e.signal}`).join(', ') || 'not running'} (log ${s.logFile})`).join('; ') : `${servers.length} pids unchanged`),
      check('no request started after PostgreSQL was back failed', lateFailures.length === 0, lateFailures.length ? `${lateFailures.length} failed, first: ${lateFailures[0].kind} ${lateFailures[0].error}` : 'none'),
      check('served again', recoveryMs !== null, recoveryMs === null ? 'not served within 30 s' : `${Math.round(recoveryMs)} ms`),
      check('orders placed around the restart reached every subscriber and the shop', deliveredAt !== undefined, deliveredAt === undefined ? `not all within ${DELIVERY_TIMEOUT_MS / 1000} s` : `${Math.round(Math.max(0, deliveredAt - upAt))} ms after PostgreSQL was back`),
    ],
  };
}
