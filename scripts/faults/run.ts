/**
 * Fault tests of the whole system, as it runs in production: PostgreSQL, Redis, every subgraph
 * and the gateway, each its own process on loopback, under a steady load of product queries,
 * placed orders and order subscriptions, with an outbound connector pushing every order to a
 * fake shop. Faults, one after another: inventory killed; Redis stopped for 10 s; sync stopped;
 * PostgreSQL restarted; a subscriber away for 5 s. Prints what each did (as text and markdown)
 * and exits non-zero when any bound was missed or any event was lost.
 *
 *   npm run test:faults
 *
 * Logs of every server: .data/faults/logs/. Takes about two to three minutes.
 */
import { Cluster } from './cluster';
import { runHarness } from './harness-main';
import { killInventory, restartPostgres } from './service-faults';
import { disconnectSubscriber, stopRedis, stopSync } from './event-faults';
import { adminToken, seedCatalogue, ShopReceiver, startShop } from './fixtures';
import { SteadyLoad } from './load';
import { checkList, markdownTable, textTable, type FaultResult } from './report';
import { check, consumersOf, failedCell, settled, waitDelivered, waitServing, type FaultRun } from './scenario';
import { now, sleep } from './server-process';
import { deliveryReport, OrderSubscriber } from './subscribers';

const started = now();
const say = (message: string) => console.log(`[${((now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);

const cluster = new Cluster();
let run: FaultRun | undefined;

/** Stops what this run started: the load, the subscribers, the fake shop, then every server by its pid. */
async function stopEverything(): Promise<void> {
  if (run) {
    await run.load.stop();
    await Promise.all([...run.dashboards, run.resumer].map((s) => s.disconnect().catch(() => undefined)));
    await run.shop.shop.stop();
  }
  await cluster.stop();
}

async function startRun(): Promise<FaultRun> {
  say('starting PostgreSQL and Redis');
  await cluster.startDatabases();
  const catalogue = await seedCatalogue(cluster.postgres.url);
  say(`seeded; starting 8 subgraphs and the gateway (logs in .data/faults/logs)`);
  await cluster.startServers();
  const token = (subject: string) => adminToken(cluster.secrets.jwt, subject);
  const shop = new ShopReceiver(await startShop(cluster.gatewayUrl, await token('faults-setup')));
  const [first, second] = catalogue.customerIds;
  const dashboards = [
    new OrderSubscriber('dashboard 1', cluster.gatewayUrl, await token('faults-dashboard-1'), first),
    new OrderSubscriber('dashboard 2', cluster.gatewayUrl, await token('faults-dashboard-2'), second),
  ];
  const resumer = new OrderSubscriber('resuming dashboard', cluster.gatewayUrl, await token('faults-resumer'), first);
  await Promise.all([...dashboards, resumer].map((s) => s.connect()));
  // The gateway subscribes upstream after the client's subscribe: give it a moment before orders flow.
  await sleep(1000);
  const load = new SteadyLoad({ gatewayUrl: cluster.gatewayUrl, queryToken: await token('faults-queries'), orderToken: await token('faults-orders'), catalogue });
  load.start();
  return { cluster, load, dashboards, resumer, shop };
}

/** A few seconds of load with nothing broken: what every fault is compared with. */
async function baseline(current: FaultRun): Promise<FaultResult> {
  const from = now();
  const serving = await waitServing(current.load, from, ['query', 'order'], 30_000);
  await sleep(3000);
  const placedUntil = now();
  const deliveredAt = await waitDelivered(consumersOf(current), () => current.load.placedBetween(from, placedUntil), 15_000);
  const to = now();
  await settled(current.load, to);
  const failed = current.load.startedBetween(from, to).filter((r) => r.outcome !== 'full');
  return {
    fault: '0. none (baseline)',
    from,
    to,
    recoveryMeaning: 'nothing to recover from',
    checks: [
      check('queries and orders are served', serving && failed.length === 0, `${failed.length} not served`),
      check('orders reach every subscriber and the shop', deliveredAt !== undefined, deliveredAt === undefined ? deliveryReport(current.load.placedBetween(from, placedUntil), consumersOf(current)).examples.join('; ') : `within ${Math.round(deliveredAt - placedUntil)} ms`),
    ],
  };
}

/** Starts again any server a fault left dead, so the next fault meets a whole system (the death is already a failed check). */
async function reviveDead(current: FaultRun): Promise<void> {
  for (const server of current.cluster.nodeServers()) {
    if (server.running) continue;
    say(`${server.name} is not running (it died); starting it again for the next fault`);
    await server.start();
  }
  const since = now();
  await waitServing(current.load, since, ['query', 'order'], 30_000);
  await sleep(1000);
}

/** Failed requests and events lost and duplicated per fault, judged once the load has stopped and late events had their time. */
async function judgeDeliveries(current: FaultRun, results: FaultResult[]): Promise<void> {
  await waitDelivered(consumersOf(current), () => current.load.placed, 30_000);
  await sleep(1000);
  for (const result of results) {
    result.failedRequests = failedCell(current.load, result.from, result.to);
    const report = deliveryReport(current.load.placedBetween(result.from, result.to), consumersOf(current));
    result.eventsLost = report.lost;
    result.duplicates = report.duplicates;
    result.checks.push(check('no event lost, none delivered twice', report.lost === 0 && report.duplicates === 0, report.examples.length ? `${report.lost} lost, ${report.duplicates} duplicated: ${report.examples.join('; ')}` : `${current.load.placedBetween(result.from, result.to).length} orders, each once at every receiver`));
  }
}

/** One row for the whole run: every order placed, every process exit nobody asked for, every subscription that ended. */
function wholeRun(current: FaultRun, from: number, to: number): FaultResult {
  const report = deliveryReport(current.load.placed, consumersOf(current));
  const exits = current.cluster.nodeServers().flatMap((s) => s.unexpectedExits.map((e) => `${s.name} (pid ${e.pid}) exit ${e.code ?? e.signal}`));
  const subscribers = [...current.dashboards, current.resumer];
  const endings = subscribers.flatMap((d) => d.endings.map((e) => `${d.name}: ${e}`));
  // An event whose order could not be read (PostgreSQL away) comes as an error; the subscription goes on, and loss is counted by order.
  const errorEvents = subscribers.flatMap((d) => d.errorResults.map((e) => `${d.name} at ${((e.at - started) / 1000).toFixed(1)} s: ${e.errors}`));
  return {
    fault: 'whole run',
    from,
    to,
    failedRequests: failedCell(current.load, from, to),
    recoveryMeaning: `${current.load.placed.length} orders placed, ${current.load.records.length} requests`,
    eventsLost: report.lost,
    duplicates: report.duplicates,
    checks: [
      check('no server died', exits.length === 0, exits.join('; ') || 'none'),
      check('the subscriptions stayed open', endings.length === 0, `${endings.join('; ') || 'yes'}${errorEvents.length ? `; events answered with an error: ${errorEvents.join('; ')}` : ''}`),
      check('every order reached every receiver once', report.lost === 0 && report.duplicates === 0, report.examples.join('; ') || `${current.load.placed.length} orders`),
    ],
  };
}

const FAULTS = [killInventory, stopRedis, stopSync, restartPostgres, disconnectSubscriber];

/**
 * Every fault once, in order; or, to chase a flaky one, `-- --only 4,4,4` (fault numbers, any
 * order, repeats allowed).
 */
function chosenFaults(): typeof FAULTS {
  const at = process.argv.indexOf('--only');
  if (at < 0) return FAULTS;
  const numbers = (process.argv[at + 1] ?? '').split(',').map(Number);
  if (!numbers.length || numbers.some((n) => !Number.isInteger(n) || n < 1 || n > FAULTS.length)) {
    throw new Error(`--only takes fault numbers 1 to ${FAULTS.length}, separated by commas (e.g. --only 4,4)`);
  }
  return numbers.map((n) => FAULTS[n - 1]);
}

async function main(): Promise<number> {
  run = await startRun();
  const from = now();
  const results: FaultResult[] = [await baseline(run)];
  say('baseline done');
  for (const fault of chosenFaults()) {
    const result = await fault(run);
    results.push(result);
    say(`${result.fault}: ${result.checks.every((c) => c.ok) ? 'ok' : 'FAILED'}`);
    await reviveDead(run);
  }
  await run.load.stop();
  const to = now();
  say('load stopped; waiting for the last events');
  await judgeDeliveries(run, results);
  results.push(wholeRun(run, from, to));

  const ok = results.every((r) => r.checks.every((c) => c.ok));
  console.log(`\n${textTable(results)}\n\n${checkList(results)}\n\nMarkdown:\n\n${markdownTable(results)}\n`);
  const deaths = run.cluster.nodeServers().flatMap((s) => s.unexpectedExits.map((e) => `${s.name} (pid ${e.pid}) exited ${e.code ?? e.signal}; the end of its log:\n${e.logTail}`));
  if (deaths.length) console.log(`Servers that died:\n\n${deaths.join('\n\n')}\n`);
  console.log(`${ok ? 'PASSED' : 'FAILED'}: ${results.length - 1} scenarios in ${((now() - started) / 1000).toFixed(0)} s`);
  return ok ? 0 : 1;
}

runHarness('test:faults', main, stopEverything);
