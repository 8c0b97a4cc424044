import { createHmac, randomUUID } from 'node:crypto';
import { Role } from '@tradegraph/kit';
import {
  CancelSyncRunDocument,
  ConnectorDocument,
  CreateConnectorDocument,
  PauseConnectorDocument,
  ProductExternalRefsDocument,
  ResumeConnectorDocument,
  RetrySyncRunDocument,
  SyncRunDocument,
  SyncRunsDocument,
  TriggerSyncDocument,
  UpdateConnectorDocument,
  type SyncMode,
  type SyncRunPartsFragment,
} from '../operations/__generated__/graphql';
import { execute, postGraphQL } from './support/client';
import { sql } from './support/fixtures';
import { startStack } from './support/stack';
import { eventually } from './support/subscribe';
import { deliverTwice, shopifyConnectorInput, useSyncSession } from './support/sync';
import { serveDuringTests } from '../subgraphs/sync/test/fakes/fake-server';
import { FakeShopify } from '../subgraphs/sync/test/fakes/shopify';

/**
 * The sync subgraph through the gateway: connectors, webhooks (signature, dedupe, receipt and
 * job in one transaction), a Shopify inbound sync into products and inventory, and retries.
 */

const WEBHOOK_SECRET = 'whsec-test-secret';

type Run = SyncRunPartsFragment;

const warehouseCode = `SHOP-${process.pid}`;
const session = useSyncSession({
  start: () =>
    startStack({
      subgraphs: ['products', 'inventory', 'sync'],
      settings: { sync: { retryBaseMs: 20, retryMaxMs: 3000, maxAttempts: 4, pollIntervalMs: 200, concurrency: 2, schedulerIntervalMs: 200, heartbeatMs: 100, staleRunMs: 1500 } },
    }),
  adminScopes: [],
  warehouse: { code: warehouseCode, name: 'Shop stock' },
});
const { gql } = session;
const shopify = serveDuringTests(new FakeShopify());
let manager: string;

async function createConnector(name: string, mode: SyncMode = 'WEBHOOK', pollingSchedule: string | null = null): Promise<string> {
  const { createConnector } = await gql(CreateConnectorDocument, { input: shopifyConnectorInput(shopify, warehouseCode, WEBHOOK_SECRET, { name, mode, pollingSchedule }) });
  return createConnector.id;
}

async function runOf(id: string): Promise<Run> {
  const { syncRun } = await gql(SyncRunDocument, { id });
  if (!syncRun) throw new Error(`no sync run ${id}`);
  return syncRun;
}

const waitForFinal = (id: string, timeoutMs?: number) => session.waitForRun(id, timeoutMs);
const trigger = (connectorId: string) => session.sync(connectorId);

function sign(body: string, secret = WEBHOOK_SECRET): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

function deliver(connectorId: string, body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${session.webhookBase}/webhooks/${connectorId}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-shopify-topic': 'products/update', ...headers }, body });
}

beforeAll(async () => {
  manager = await session.stack.token(Role.MANAGER);
});

describe('connectors', () => {
  it('keeps credentials write-only and encrypted at rest; managers read, only admins and services manage', async () => {
    const id = await createConnector('Credentials shop');
    const { connector } = await gql(ConnectorDocument, { id }, manager);
    expect(connector).toMatchObject({ hasCredentials: true, status: 'ACTIVE' });

    const asked = await postGraphQL(session.stack.gatewayUrl, `query($id: ID!) { connector(id: $id) { credentials } }`, { id }, { token: session.admin });
    expect(asked.errors?.[0]?.message).toMatch(/Cannot query field "credentials"/);

    const [row] = await sql<{ credentials_ciphertext: string }>(session.stack, 'sync', 'select credentials_ciphertext from sync.connector where id = ?', [id]);
    expect(row.credentials_ciphertext).not.toContain(shopify.accessToken);
    expect(Buffer.from(row.credentials_ciphertext, 'base64').toString('latin1')).not.toContain(WEBHOOK_SECRET);

    const refused = await execute(session.stack.gatewayUrl, PauseConnectorDocument, { id }, { token: manager });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { pauseConnector } = await gql(PauseConnectorDocument, { id });
    expect(pauseConnector.status).toBe('PAUSED');
  });
});

describe('inbound sync from Shopify', () => {
  it('lands 1,000 products with stock in the supergraph, then finds them unchanged, then picks up one change', async () => {
    shopify.seed(1000);
    const connectorId = await createConnector('Main shop');
    const first = await trigger(connectorId);
    expect(first).toMatchObject({ status: 'SUCCEEDED', total: 1000, processed: 1000, created: 1000, updated: 0, unchanged: 0, failed: 0, attempts: 1 });

    const [ref] = await sql<{ entity_id: string }>(session.stack, 'sync', "select entity_id from sync.external_ref where connector_id = ? and external_id = '9000007'", [connectorId]);
    const { products } = await gql(ProductExternalRefsDocument, { ids: [ref.entity_id] });
    expect(products.edges[0].node).toMatchObject({ sku: 'SHOP-00007', externalRefs: [{ externalId: '9000007', system: 'SHOPIFY' }], stock: { onHand: 7 } });
    expect(Number(products.edges[0].node.basePrice.amount)).toBe(17);

    const second = await trigger(connectorId);
    expect(second).toMatchObject({ status: 'SUCCEEDED', total: 1000, created: 0, updated: 0, unchanged: 1000 });

    shopify.products[3].variants[0].price = '99.50';
    shopify.levels.set(shopify.products[4].variants[0].inventory_item_id, 44);
    const third = await trigger(connectorId);
    expect(third).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 2, unchanged: 998 });

    const { syncRuns } = await gql(SyncRunsDocument, { connectorId, first: 2 });
    expect(syncRuns.totalCount).toBe(3);
    expect(syncRuns.edges.map((e) => e.node.id)).toEqual([third.id, second.id]);
  }, 180_000);

  it('runs one connector\'s runs one at a time, in order', async () => {
    shopify.seed(600, 'SERIAL');
    const connectorId = await createConnector('Busy shop');
    const queue = async () => (await gql(TriggerSyncDocument, { connectorId })).triggerSync.id;
    const [a, b] = await Promise.all([queue(), queue()]);
    const [first, second] = await Promise.all([waitForFinal(a), waitForFinal(b)]);
    const [earlier, later] = first.startedAt! < second.startedAt! ? [first, second] : [second, first];
    expect(earlier).toMatchObject({ status: 'SUCCEEDED', created: 600 });
    expect(later).toMatchObject({ status: 'SUCCEEDED', created: 0, unchanged: 600 });
    expect(Date.parse(later.startedAt!)).toBeGreaterThanOrEqual(Date.parse(earlier.finishedAt!));
  }, 60_000);

  it('retries 5xx and 429 (honouring Retry-After) with backoff and then succeeds', async () => {
    shopify.seed(20, 'RETRY');
    const connectorId = await createConnector('Flaky shop');
    shopify.failures = [{ status: 503 }, { status: 429, retryAfterSeconds: 1 }];
    const started = Date.now();
    const run = await trigger(connectorId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', attempts: 3, created: 20 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(run.lastError).toMatch(/429/);
  }, 60_000);

  it('dead-letters a run after its last attempt with the error; retrySyncRun succeeds once the system is back', async () => {
    shopify.seed(10, 'DEAD');
    const connectorId = await createConnector('Broken shop');
    shopify.down = 500;
    const failed = await trigger(connectorId);
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 4 });
    expect(failed.lastError).toMatch(/HTTP 500/);
    const { connector } = await gql(ConnectorDocument, { id: connectorId });
    expect(connector).toMatchObject({ status: 'FAILING', health: { consecutiveFailures: 1 } });
    expect(connector!.health.lastError).toMatch(/HTTP 500/);

    shopify.down = null;
    const { retrySyncRun } = await gql(RetrySyncRunDocument, { id: failed.id });
    expect(retrySyncRun).toEqual({ id: failed.id, status: 'QUEUED', trigger: 'RETRY' });
    const retried = await waitForFinal(failed.id);
    expect(retried).toMatchObject({ status: 'SUCCEEDED', created: 10, attempts: 1 });
    const after = await gql(ConnectorDocument, { id: connectorId });
    expect(after.connector).toMatchObject({ status: 'ACTIVE', health: { consecutiveFailures: 0 } });
  }, 60_000);

  it('fails at once, without retries, when the system refuses the credentials', async () => {
    const connectorId = await createConnector('Wrong token shop');
    await gql(UpdateConnectorDocument, { id: connectorId, input: { credentials: { accessToken: 'wrong', webhookSecret: WEBHOOK_SECRET } } });
    const run = await trigger(connectorId);
    expect(run).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(run.lastError).toMatch(/HTTP 401/);
  }, 60_000);
});

describe('per-record errors, pause, resume and cancel', () => {
  it('keeps the records it could not apply, queryable, and ends PARTIALLY_SUCCEEDED', async () => {
    shopify.seed(5, 'PART');
    shopify.products[2].variants[0].sku = '-not-a-valid-sku';
    const connectorId = await createConnector('Partly bad shop');
    const run = await trigger(connectorId);
    expect(run).toMatchObject({ status: 'PARTIALLY_SUCCEEDED', total: 5, created: 4, failed: 1 });
    expect(run.errors).toEqual([expect.objectContaining({ externalId: String(shopify.products[2].variants[0].id), message: expect.stringMatching(/sku/) })]);
  }, 60_000);

  it('holds runs while a connector is paused, runs them on resume, and cancels a queued run for good', async () => {
    shopify.seed(3, 'PAUSE');
    const connectorId = await createConnector('Paused shop');
    await gql(PauseConnectorDocument, { id: connectorId });
    const queue = async () => (await gql(TriggerSyncDocument, { connectorId, entities: ['PRODUCT'] })).triggerSync.id;
    const held = await queue();
    const cancelled = await queue();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await runOf(held)).status).toBe('QUEUED');

    const { cancelSyncRun } = await gql(CancelSyncRunDocument, { id: cancelled });
    expect(cancelSyncRun.status).toBe('CANCELLED');
    const again = await execute(session.stack.gatewayUrl, CancelSyncRunDocument, { id: cancelled }, { token: session.admin });
    expect(again.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');

    const { resumeConnector } = await gql(ResumeConnectorDocument, { id: connectorId });
    expect(resumeConnector.status).toBe('ACTIVE');
    expect(await waitForFinal(held)).toMatchObject({ status: 'SUCCEEDED', created: 3 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await runOf(cancelled)).status).toBe('CANCELLED');

    // Newest first, in pages: the cancelled run was queued after the held one.
    const page = async (after?: string) =>
      (await gql(SyncRunsDocument, { connectorId, first: 1, after })).syncRuns;
    const first = await page();
    const second = await page(first.edges[0].cursor);
    expect([first.edges[0].node.id, second.edges[0].node.id, first.pageInfo.hasNextPage, second.pageInfo.hasNextPage]).toEqual([cancelled, held, true, false]);
  }, 60_000);
});

describe('webhooks', () => {
  const product = (i: number) => ({ id: 8_100_000 + i, title: `Webhook product ${i}`, vendor: 'Hooks', variants: [{ id: 8_200_000 + i, product_id: 8_100_000 + i, title: 'Default Title', sku: `HOOK-${process.pid}-${i}`, price: '12.00', inventory_item_id: 8_300_000 + i }] });

  it('refuses a bad signature with 401 and stores nothing', async () => {
    const connectorId = await createConnector('Webhook shop (bad)');
    const body = JSON.stringify(product(1));
    const wrongSecret = await deliver(connectorId, body, { 'x-shopify-hmac-sha256': sign(body, 'another-secret'), 'x-shopify-webhook-id': 'bad-1' });
    expect(wrongSecret.status).toBe(401);
    const tampered = await deliver(connectorId, body.replace('12.00', '0.01'), { 'x-shopify-hmac-sha256': sign(body), 'x-shopify-webhook-id': 'bad-2' });
    expect(tampered.status).toBe(401);
    const unsigned = await deliver(connectorId, body, { 'x-shopify-webhook-id': 'bad-3' });
    expect(unsigned.status).toBe(401);
    const rows = await sql<{ n: string }>(session.stack, 'sync', 'select count(*) as n from sync.webhook_delivery where connector_id = ?', [connectorId]);
    expect(Number(rows[0].n)).toBe(0);

    const pollingOnly = await createConnector('Polling-only shop', 'POLLING');
    const refused = await deliver(pollingOnly, body, { 'x-shopify-hmac-sha256': sign(body), 'x-shopify-webhook-id': 'poll-1' });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ error: 'the connector takes no webhooks (its mode is POLLING)' });

    const outboundOnly = await createConnector('Outbound-only shop');
    await gql(UpdateConnectorDocument, { id: outboundOnly, input: { direction: 'OUTBOUND', entities: ['ORDER'] } });
    const notInbound = await deliver(outboundOnly, body, { 'x-shopify-hmac-sha256': sign(body), 'x-shopify-webhook-id': 'out-1' });
    expect(notInbound.status).toBe(409);
    expect(await notInbound.json()).toEqual({ error: 'the connector takes nothing in (its direction is OUTBOUND)' });
  });

  it('accepts a signed delivery with 202, applies it in the background, and deduplicates a redelivery', async () => {
    const connectorId = await createConnector('Webhook shop');
    const body = JSON.stringify(product(2));
    const headers = { 'x-shopify-hmac-sha256': sign(body), 'x-shopify-webhook-id': `delivery-${process.pid}-2` };
    const runId = await deliverTwice(() => deliver(connectorId, body, headers));
    const run = await waitForFinal(runId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', trigger: 'WEBHOOK', created: 1 });
    const deliveries = await sql<{ n: string }>(session.stack, 'sync', 'select count(*) as n from sync.webhook_delivery where connector_id = ?', [connectorId]);
    const runs = await sql<{ n: string }>(session.stack, 'sync', 'select count(*) as n from sync.sync_run where connector_id = ?', [connectorId]);
    expect([Number(deliveries[0].n), Number(runs[0].n)]).toEqual([1, 1]);
  });

  it('stores the receipt and its job in one transaction: when the job cannot be queued, no receipt remains and the redelivery is accepted', async () => {
    const connectorId = await createConnector('Webhook shop (atomic)');
    const body = JSON.stringify(product(3));
    const headers = { 'x-shopify-hmac-sha256': sign(body), 'x-shopify-webhook-id': `delivery-${process.pid}-3` };
    const [fn] = await sql<{ signature: string }>(session.stack, 'sync', "select oid::regprocedure::text as signature from pg_proc where proname = 'add_job' and pronamespace = 'sync_worker'::regnamespace");
    await sql(session.stack, 'sync', `alter function ${fn.signature} rename to add_job_disabled`);
    let failed: Response;
    try {
      failed = await deliver(connectorId, body, headers);
    } finally {
      await sql(session.stack, 'sync', `alter function ${fn.signature.replace('add_job(', 'add_job_disabled(')} rename to add_job`);
    }
    expect(failed.status).toBe(500);
    const rows = await sql<{ n: string }>(session.stack, 'sync', 'select (select count(*) from sync.webhook_delivery where connector_id = ?) + (select count(*) from sync.sync_run where connector_id = ?) as n', [connectorId, connectorId]);
    expect(Number(rows[0].n)).toBe(0);

    const accepted = await deliver(connectorId, body, headers);
    expect(accepted.status).toBe(202);
    const { runId } = (await accepted.json()) as { runId: string };
    expect((await waitForFinal(runId)).status).toBe('SUCCEEDED');
  });
});

describe('polling', () => {
  it('queues a SCHEDULE run when a polling connector is due, once per interval, and none for webhook-only connectors', async () => {
    shopify.seed(4, 'POLL');
    const polling = await createConnector('Polled shop', 'POLLING', '1m');
    const webhookOnly = await createConnector('Pushing shop', 'WEBHOOK', '1m');
    const runsOf = async (id: string) =>
      (await gql(SyncRunsDocument, { connectorId: id, first: 5 })).syncRuns;
    const until = Date.now() + 10_000;
    while ((await runsOf(polling)).totalCount === 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
    const [scheduled] = (await runsOf(polling)).edges;
    expect(scheduled?.node.trigger).toBe('SCHEDULE');
    expect(await waitForFinal(scheduled.node.id)).toMatchObject({ status: 'SUCCEEDED', created: 4 });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await runsOf(polling)).totalCount).toBe(1);
    expect((await runsOf(webhookOnly)).totalCount).toBe(0);
  }, 60_000);
});

describe('crash recovery', () => {
  /**
   * Plants what a worker that stopped leaves behind: a run in `status` whose heartbeat is
   * `heartbeat` (SQL), its job locked by `worker` since `lockedAt` (SQL), and with
   * `lockQueue` the connector's queue locked by it too.
   */
  async function plantLockedRun(connectorId: string, plant: { status: string; entities: string; heartbeat: string; worker: string | null; lockedAt: string; lockQueue: boolean }): Promise<string> {
    const runId = randomUUID();
    await session.stack.subgraphs.sync.database.orm.em.fork().transactional(async (tx) => {
      const connection = tx.getConnection();
      const context = tx.getTransactionContext();
      const finished = plant.status === 'RUNNING' ? 'null' : 'now()';
      await connection.execute(
        `insert into sync.sync_run (id, connector_id, trigger, entities, status, total, processed, created, updated, unchanged, failed, conflicts, attempts, max_attempts, queued_at, started_at, finished_at, heartbeat_at, "full", version)
         values (?, ?, 'MANUAL', ?::jsonb, ?, 0, 0, 0, 0, 0, 0, 0, 1, 4, now(), now() - interval '1 hour', ${finished}, ${plant.heartbeat}, false, 1)`,
        [runId, connectorId, plant.entities, plant.status], 'run', context);
      await connection.execute(`select sync_worker.add_job('sync-run', json_build_object('runId', ?::text), queue_name => ?, max_attempts => 1, job_key => ?)`, [runId, `connector:${connectorId}`, `sync-run:${runId}`], 'run', context);
      await connection.execute(`update sync_worker._private_jobs set locked_at = ${plant.worker ? plant.lockedAt : 'null'}, locked_by = ?, attempts = 1 where key = ?`, [plant.worker, `sync-run:${runId}`], 'run', context);
      if (plant.lockQueue) await connection.execute(`update sync_worker._private_job_queues set locked_at = ${plant.lockedAt}, locked_by = ? where queue_name = ?`, [plant.worker, `connector:${connectorId}`], 'run', context);
    });
    return runId;
  }

  const jobsLockedBy = async (worker: string) => Number((await sql<{ n: string }>(session.stack, 'sync', 'select count(*) as n from sync_worker._private_jobs where locked_by = ?', [worker]))[0].n);

  it('gives a RUNNING run whose worker died back to the queue, frees the connector\'s queue, and finishes both runs', async () => {
    shopify.seed(5, 'LOST');
    const connectorId = await createConnector('Lost worker shop');
    // A worker killed mid-run: the run RUNNING with an old heartbeat, its job and the queue locked for good.
    const lostId = await plantLockedRun(connectorId, { status: 'RUNNING', entities: '["PRODUCT","INVENTORY"]', heartbeat: "now() - interval '1 hour'", worker: 'worker-killed-by-test', lockedAt: 'now()', lockQueue: true });
    // A run queued behind it waits for the connector's queue, which the dead worker holds.
    const { triggerSync } = await gql(TriggerSyncDocument, { connectorId });

    const recovered = await waitForFinal(lostId, 20_000);
    expect(recovered).toMatchObject({ status: 'SUCCEEDED', attempts: 2 });
    expect(recovered.lastError).toMatch(/worker running it stopped/);
    const queued = await waitForFinal(triggerSync.id, 20_000);
    expect(queued.status).toBe('SUCCEEDED');
    // The recovered run went to the back of the queue: whichever ran first created the products.
    expect([recovered.created + queued.created, recovered.unchanged + queued.unchanged]).toEqual([5, 5]);
    expect(await jobsLockedBy('worker-killed-by-test')).toBe(0);
  }, 60_000);

  it('frees a job a dead worker still holds after its run was over, so the connector\'s next runs are not held for hours', async () => {
    shopify.seed(2, 'ORPHAN');
    const connectorId = await createConnector('Orphaned lock shop');
    // PostgreSQL went away as the worker recorded its job's outcome: the run SUCCEEDED, its job and the queue still locked.
    const doneId = await plantLockedRun(connectorId, { status: 'SUCCEEDED', entities: '["PRODUCT"]', heartbeat: "now() - interval '1 hour'", worker: 'worker-gave-up-in-test', lockedAt: "now() - interval '1 hour'", lockQueue: true });
    const { triggerSync } = await gql(TriggerSyncDocument, { connectorId });

    expect((await waitForFinal(triggerSync.id, 20_000)).status).toBe('SUCCEEDED');
    const [done] = await sql<{ status: string; attempts: number }>(session.stack, 'sync', 'select status, attempts from sync.sync_run where id = ?', [doneId]);
    expect(done).toEqual({ status: 'SUCCEEDED', attempts: 1 }); // its job ran again and left it alone
    expect(await jobsLockedBy('worker-gave-up-in-test')).toBe(0);
  }, 60_000);

  it('gives a QUEUED run whose job spent its only attempt before the run started (the database went away) a job again', async () => {
    shopify.seed(2, 'STRANDED');
    const connectorId = await createConnector('Stranded run shop');
    const runId = await plantLockedRun(connectorId, { status: 'QUEUED', entities: '["PRODUCT"]', heartbeat: 'null', worker: null, lockedAt: 'null', lockQueue: false });
    expect(await waitForFinal(runId, 20_000)).toMatchObject({ status: 'SUCCEEDED', attempts: 2 }); // the planted row counts one attempt already
  }, 60_000);

  it('queues a run again whose database connection broke mid-run, instead of failing it for good', async () => {
    shopify.seed(3, 'DROPPED');
    const connectorId = await createConnector('Dropped connection shop');
    // The first write of refs waits, once, so that the test can end its connection mid-statement
    // (a sequence: what a killed transaction wrote is rolled back, nextval is not).
    await sql(session.stack, 'sync', 'create sequence sync.test_drop_once');
    await sql(session.stack, 'sync', `create function sync.test_drop_once() returns trigger language plpgsql as $$
      begin if nextval('sync.test_drop_once') = 1 then perform pg_sleep(10); end if; return new; end $$`);
    await sql(session.stack, 'sync', 'create trigger test_drop_once before insert on sync.external_ref for each row execute function sync.test_drop_once()');
    try {
      const { triggerSync } = await gql(TriggerSyncDocument, { connectorId });
      await eventually(async () => {
        const [killed] = await sql<{ killed: boolean }>(session.stack, 'sync', "select pg_terminate_backend(pid) as killed from pg_stat_activity where wait_event = 'PgSleep' and query like '%external_ref%'");
        return killed?.killed === true;
      }, 20_000);
      const run = await waitForFinal(triggerSync.id, 20_000);
      expect(run).toMatchObject({ status: 'SUCCEEDED', attempts: 2, processed: 3, failed: 0 });
      // Named, not quoted: the driver's message would carry the INSERT and its values.
      expect(run.lastError).toBe('the connection to the database was lost');
      const [refs] = await sql<{ n: string }>(session.stack, 'sync', 'select count(*) as n from sync.external_ref where connector_id = ?', [connectorId]);
      expect(Number(refs.n)).toBe(3);
    } finally {
      await sql(session.stack, 'sync', 'drop trigger test_drop_once on sync.external_ref');
      await sql(session.stack, 'sync', 'drop function sync.test_drop_once()');
      await sql(session.stack, 'sync', 'drop sequence sync.test_drop_once');
    }
  }, 60_000);

  it('leaves alone a job whose run was cancelled while its worker still runs it (the worker still beats)', async () => {
    const connectorId = await createConnector('Cancelled but alive shop');
    const runId = await plantLockedRun(connectorId, { status: 'CANCELLED', entities: '["PRODUCT"]', heartbeat: 'now()', worker: 'worker-alive-in-test', lockedAt: "now() - interval '1 hour'", lockQueue: false });
    // The worker keeps beating, as performRun does whatever the status, for three recovery periods (stale after 1.5 s).
    const em = session.stack.subgraphs.sync.database.orm.em.fork();
    for (let i = 0; i < 9; i++) {
      await em.getConnection().execute('update sync.sync_run set heartbeat_at = now() where id = ?', [runId]);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(await jobsLockedBy('worker-alive-in-test')).toBe(1);
    await em.getConnection().execute(`select sync_worker.force_unlock_workers('{worker-alive-in-test}')`);
    await em.getConnection().execute(`select sync_worker.remove_job(?)`, [`sync-run:${runId}`]);
  }, 60_000);
});
