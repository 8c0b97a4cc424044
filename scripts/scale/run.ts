/**
 * Scale-out on one machine: two gateways and two replicas of every subgraph, each its own
 * process on loopback behind a round-robin proxy per service, sharing the fault harness's
 * PostgreSQL and Redis, under a steady load of product queries and placed orders, with order
 * subscriptions open on both gateways and every order pushed to a fake shop by the sync
 * replicas. Then one gateway and one replica of every subgraph are killed (SIGKILL) at once.
 * It checks that no client request failed but those in flight at the kill, that both
 * gateways' subscribers got every order's event once (those of the killed gateway resuming
 * with `after:` on the other), and that no sync job ran twice (each order pushed once).
 *
 *   npm run scale:demo
 *
 * Exits non-zero when a check fails. Logs of every server: .data/scale/logs/.
 */
import { Client } from 'pg';
import { adminToken, seedCatalogue, ShopReceiver, startShop } from '../faults/fixtures';
import { SteadyLoad, type PlacedOrder } from '../faults/load';
import { checkList, markdownTable, textTable, type FaultResult } from '../faults/report';
import { check, failedCell, servedAgainAt, settled, waitDelivered, waitServing } from '../faults/scenario';
import { now, sleep, waitFor } from '../faults/server-process';
import { deliveryReport, OrderSubscriber, type Consumer, type ResumableSubscriber } from '../faults/subscribers';
import { ScaleCluster } from './scale-cluster';
import { StockSubscriber, stockVersions } from './stock-subscriber';
import { runHarness } from '../faults/harness-main';

const started = now();
const say = (message: string) => console.log(`[${((now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);

/** How long the load runs before the kill, and after it. */
const BEFORE_KILL_MS = 5000;
const AFTER_KILL_MS = 8000;
/** Events (and pushes of a run the killed sync replica had taken, recovered once stale) may take this long. */
const DELIVERY_TIMEOUT_MS = 60_000;

const cluster = new ScaleCluster(2);
let load: SteadyLoad | undefined;
let shop: ShopReceiver | undefined;
const subscribers: OrderSubscriber[] = [];
const stockWatchers: StockSubscriber[] = [];
const allSubscribers = (): ResumableSubscriber<never>[] => [...subscribers, ...stockWatchers];

async function stopEverything(): Promise<void> {
  await load?.stop();
  await Promise.all(allSubscribers().map((s) => s.disconnect().catch(() => undefined)));
  await shop?.shop.stop();
  await cluster.stop();
}

/**
 * On each gateway directly (not through the proxy, so that each surely serves some): an order
 * dashboard for each customer, and a stock dashboard of every level.
 */
async function subscribeOnBothGateways(customerIds: string[]): Promise<void> {
  const token = (subject: string) => adminToken(cluster.base.secrets.jwt, subject);
  for (const g of [0, 1]) {
    const url = cluster.gatewayReplicaUrl(g);
    for (const [c, customerId] of customerIds.entries()) subscribers.push(new OrderSubscriber(`gateway-${g + 1} orders ${c + 1}`, url, await token(`scale-orders-${g}-${c}`), customerId));
    stockWatchers.push(new StockSubscriber(`gateway-${g + 1} stock`, url, await token(`scale-stock-${g}`)));
  }
  await Promise.all(allSubscribers().map((s) => s.connect()));
}

/**
 * Waits until each subscriber got an event, and counts it responsible from the first order it
 * received: the gateway opens its upstream subscription after the client's subscribe, and
 * orders placed before that are not its to receive.
 */
async function waitSubscriptionsLive(current: SteadyLoad): Promise<boolean> {
  const live = await waitFor(() => subscribers.every((s) => current.placed.some((o) => s.received(o.id) > 0)) && stockWatchers.every((s) => s.received > 0), 30_000);
  for (const s of subscribers) s.since = Math.min(...current.placed.filter((o) => s.received(o.id) > 0).map((o) => o.startedAt));
  return live === true;
}

/** Subscribers whose gateway died subscribe again through the proxy (so on the live gateway), resuming after their last event. */
async function resumeOrphans(orphans: ResumableSubscriber<never>[], proxyUrl: string): Promise<string[]> {
  const problems: string[] = [];
  const dropped = await waitFor(() => orphans.every((s) => s.endings.length > 0), 10_000);
  if (!dropped) problems.push('the killed gateway did not close its subscribers');
  for (const s of orphans) {
    if (!s.lastCursor) problems.push(`${s.name} has no cursor to resume from`);
    s.gatewayUrl = proxyUrl;
    await s.connect(s.lastCursor).catch((error: Error) => problems.push(error.message));
  }
  return problems;
}

async function database<T>(url: string, work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

/** Sync jobs: every order in the database pushed to the shop exactly once, and no order's outbound run queued twice. */
async function syncRanOnce(receiver: ShopReceiver): Promise<FaultResult['checks']> {
  const { orderIds, doubleRuns, runs } = await database(cluster.base.postgres.url, async (db) => ({
    orderIds: (await db.query<{ id: string }>('select id from orders."order"')).rows.map((r) => r.id),
    doubleRuns: Number((await db.query<{ n: string }>('select count(*) as n from (select outbound_key from sync.sync_run where outbound_key is not null group by connector_id, outbound_key having count(*) > 1) d')).rows[0].n),
    runs: (await db.query<{ status: string; n: string; retried: string }>('select status, count(*) as n, count(*) filter (where attempts > 1) as retried from sync.sync_run group by status order by status')).rows,
  }));
  const pushedOnce = orderIds.filter((id) => receiver.received(id) === 1).length;
  const twice = orderIds.filter((id) => receiver.received(id) > 1).length;
  const byStatus = runs.map((r) => `${r.n} ${r.status}${Number(r.retried) ? ` (${r.retried} retried)` : ''}`).join(', ');
  return [
    check('every order in the database was pushed to the shop exactly once', pushedOnce === orderIds.length, `${orderIds.length} orders, ${pushedOnce} pushed once, ${twice} more than once, ${orderIds.length - pushedOnce - twice} never`),
    check('no order got two outbound sync runs', doubleRuns === 0, `${doubleRuns} duplicated; runs: ${byStatus}`),
  ];
}

/** The sum of a counter's series on one server's /metrics (Prometheus text), or undefined when it has none. */
async function counterSum(metricsUrl: string, name: string): Promise<number | undefined> {
  const text = await fetch(metricsUrl, { signal: AbortSignal.timeout(5000) }).then((r) => (r.ok ? r.text() : ''), () => '');
  const values = text.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `)).map((line) => Number(line.slice(line.lastIndexOf(' ') + 1)));
  return values.length ? values.reduce((sum, v) => sum + v, 0) : undefined;
}

/** Sync runs each sync replica finished so far (tradegraph_sync_runs_total). */
function syncRunsPerReplica(): Promise<(number | undefined)[]> {
  return Promise.all(cluster.subgraphs.get('sync')!.ports.map((port) => counterSum(`http://127.0.0.1:${port}/metrics`, 'tradegraph_sync_runs_total')));
}

async function main(): Promise<number> {
  say('starting PostgreSQL and Redis');
  await cluster.startDatabases();
  const catalogue = await seedCatalogue(cluster.base.postgres.url);
  say('seeded; starting 2 replicas of each of 8 subgraphs, then 2 gateways (logs in .data/scale/logs)');
  await cluster.startServers();
  const gatewayUrl = cluster.gateway.url;
  say(`${cluster.all().length} servers ready; clients use ${gatewayUrl} (round-robin over both gateways)`);
  shop = new ShopReceiver(await startShop(gatewayUrl, await adminToken(cluster.base.secrets.jwt, 'scale-setup')));
  await subscribeOnBothGateways(catalogue.customerIds);
  load = new SteadyLoad({ gatewayUrl, queryToken: await adminToken(cluster.base.secrets.jwt, 'scale-queries'), orderToken: await adminToken(cluster.base.secrets.jwt, 'scale-orders'), catalogue });
  load.start();
  const live = await waitSubscriptionsLive(load);
  // The stock ledger from here on: every change after these versions must reach both stock dashboards.
  const stockFrom = await database(cluster.base.postgres.url, stockVersions);
  const consumers: Consumer[] = [...subscribers, shop];

  // Before: everything up.
  const from = now();
  const serving = await waitServing(load, from, ['query', 'order'], 30_000);
  await sleep(BEFORE_KILL_MS);
  const spreadBefore = [...cluster.subgraphs.values(), cluster.gateway].map((s) => ({ name: s.name, spread: s.proxy.spread() }));
  const unbalanced = spreadBefore.filter((s) => s.spread.split(' + ').some((n) => n === '0'));

  const syncRuns = await syncRunsPerReplica();

  // The kill: gateway-2 and replica 1 of every subgraph, all at once, no goodbye.
  const victims = [cluster.gateway.replicas[1], ...[...cluster.subgraphs.values()].map((s) => s.replicas[0])];
  say(`killing ${victims.map((v) => `${v.name} (pid ${v.pid})`).join(', ')}`);
  const killAt = now();
  const unanswered = load.records.filter((r) => r.endedAt === undefined);
  await Promise.all(victims.map((v) => v.stop('SIGKILL')));
  // The kernel still accepts connections on a killed process's port until the process is gone:
  // requests sent between the signal and the exits are in flight at the kill too.
  const deadAt = now();
  const inFlight = [...unanswered, ...load.startedBetween(killAt, deadAt)];
  say(`all ${victims.length} exited ${(deadAt - killAt).toFixed(0)} ms after SIGKILL; ${inFlight.length} client requests were in flight`);
  const orphans = allSubscribers().filter((s) => s.gatewayUrl === cluster.gatewayReplicaUrl(1));
  const resumeProblems = await resumeOrphans(orphans, gatewayUrl);
  await sleep(AFTER_KILL_MS);
  await load.stop();
  const to = now();
  say('load stopped; waiting for the last events and pushes');
  await settled(load, to);
  const deliveredAt = await waitDelivered(consumers, () => load!.placed, DELIVERY_TIMEOUT_MS);
  const stockTo = await database(cluster.base.postgres.url, stockVersions);
  await waitFor(() => stockWatchers.every((s) => s.compare(stockFrom, stockTo).lost === 0), DELIVERY_TIMEOUT_MS);
  // Late duplicates have a moment to show.
  await sleep(1000);

  const failed = load.records.filter((r) => r.outcome !== 'full');
  const failedNotInFlight = failed.filter((r) => !inFlight.includes(r));
  const recoveredAt = servedAgainAt(load, killAt, ['query', 'order']);
  const report = deliveryReport(load.placed, consumers);
  const lostAndDuplicated = (orders: PlacedOrder[]) => {
    const part = deliveryReport(orders, consumers);
    return { eventsLost: part.lost, duplicates: part.duplicates };
  };
  const survivors = cluster.all().filter((s) => !victims.includes(s));
  const exits = cluster.all().flatMap((s) => s.unexpectedExits.map((e) => `${s.name} (pid ${e.pid}) exit ${e.code ?? e.signal}`));
  const stock = stockWatchers.map((s) => ({ name: s.name, ...s.compare(stockFrom, stockTo) }));
  const endings = allSubscribers().filter((s) => !orphans.includes(s)).flatMap((s) => s.endings.map((e) => `${s.name}: ${e}`));
  const onGateway = (g: number) => {
    const orders = subscribers.filter((s) => s.name.startsWith(`gateway-${g + 1}`)).reduce((sum, s) => sum + load!.placed.filter((o) => s.covers(o) && s.received(o.id) > 0).length, 0);
    return { orders, stock: stockWatchers[g].received };
  };
  const perGateway = [onGateway(0), onGateway(1)];
  // The kill's row begins with the oldest request in flight at it, so each failure falls in the kill's row.
  const killFrom = Math.min(killAt, ...inFlight.map((r) => r.startedAt));

  const results: FaultResult[] = [
    {
      fault: '0. 2 gateways × 2 replicas of 8 subgraphs, all up',
      from,
      to: killFrom,
      failedRequests: failedCell(load, from, killFrom),
      recoveryMeaning: 'nothing to recover from',
      ...lostAndDuplicated(load.placedBetween(from, killFrom)),
      checks: [
        check('queries and orders are served', serving && load.startedBetween(from, killFrom).every((r) => r.outcome === 'full'), failedCell(load, from, killFrom)),
        check('every proxy spread its requests over both replicas', unbalanced.length === 0, spreadBefore.map((s) => `${s.name} ${s.spread}`).join(', ')),
        check('both sync replicas ran sync jobs (they share the queue)', syncRuns.every((n) => n !== undefined && n > 0), `runs finished: ${syncRuns.map((n) => n ?? 'not exposed').join(' + ')} (tradegraph_sync_runs_total)`),
        check('subscriptions on both gateways receive events', live && perGateway.every((n) => n.orders > 0 && n.stock > 0), perGateway.map((n, g) => `gateway-${g + 1}: ${n.orders} order and ${n.stock} stock events`).join(', ')),
      ],
    },
    {
      fault: `1. SIGKILL gateway-2 + replica 1 of each subgraph (${victims.length} processes)`,
      from: killFrom,
      to,
      failedRequests: failedCell(load, killFrom, to),
      recoveryMs: recoveredAt === undefined ? null : Math.max(0, recoveredAt - killAt),
      recoveryMeaning: 'kill → every later request served',
      ...lostAndDuplicated(load.placedBetween(killFrom, to)),
      checks: [
        check('no client request failed but those in flight at the kill', failedNotInFlight.length === 0, `${failed.length} failed of ${load.records.length} sent; ${inFlight.length} were in flight (${unanswered.length} unanswered at SIGKILL, ${inFlight.length - unanswered.length} sent in the ${(deadAt - killAt).toFixed(0)} ms until the killed processes were gone)${failedNotInFlight.length ? `; not in flight: ${failedNotInFlight.slice(0, 3).map((r) => `${r.kind} ${r.error}`).join(', ')}` : ''}`),
        check('the survivors kept running', survivors.every((s) => s.running) && exits.length === 0, exits.join('; ') || `${survivors.length} processes`),
        check("the killed gateway's subscribers resumed on the other", resumeProblems.length === 0, resumeProblems.join('; ') || `${orphans.map((s) => s.name).join(', ')} resubscribed with after: through the proxy`),
      ],
    },
  ];
  results.push({
    fault: 'whole run',
    from,
    to,
    failedRequests: `${failed.length} of ${load.records.length} (≤ ${inFlight.length} in flight at the kill)`,
    recoveryMeaning: `${load.placed.length} orders placed`,
    eventsLost: report.lost,
    duplicates: report.duplicates,
    checks: [
      check('every order reached every subscriber and the shop once', deliveredAt !== undefined && report.lost === 0 && report.duplicates === 0, report.examples.join('; ') || `${load.placed.length} orders × ${subscribers.length / 2} subscribers of its customer + the shop`),
      check('every stock change reached both stock dashboards once', stock.every((s) => s.expected > 0 && s.lost === 0 && s.duplicates === 0), stock.map((s) => `${s.name}: ${s.expected - s.lost} of ${s.expected} changes in the ledger, ${s.duplicates} duplicated`).join('; ')),
      check('the other subscriptions stayed open', endings.length === 0, endings.join('; ') || 'yes'),
      ...(await syncRanOnce(shop)),
    ],
  });

  const ok = results.every((r) => r.checks.every((c) => c.ok));
  const spread = [...cluster.subgraphs.values(), cluster.gateway].map((s) => `${s.name} ${s.proxy.spread()}`).join(', ');
  console.log(`\n${textTable(results)}\n\n${checkList(results)}\n\nRequests per replica (1 + 2), whole run: ${spread}\n\nMarkdown:\n\n${markdownTable(results)}\n`);
  console.log(`${ok ? 'PASSED' : 'FAILED'} in ${((now() - started) / 1000).toFixed(0)} s`);
  return ok ? 0 : 1;
}

runHarness('scale:demo', main, stopEverything);
