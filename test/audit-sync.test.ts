import { randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Role } from '@tradegraph/kit';
import {
  CreateConnectorDocument,
  PauseConnectorDocument,
  ResolveConflictDocument,
  ResumeConnectorDocument,
  SyncConflictsDocument,
  SyncedPriceListsDocument,
  SyncRunDocument,
  TriggerSyncDocument,
  UpdateConnectorDocument,
  UpdateProductDocument,
  type CreateConnectorInput,
} from '../operations/__generated__/graphql';
import { auditEntries, type AuditEntryNode } from './support/audit';
import { execute, executeOk } from './support/client';
import { sql } from './support/fixtures';
import { fakeConnectorInput, shopifyConnectorInput, startSyncStack, useSyncSession, waitForRun } from './support/sync';
import { serveDuringTests } from '../subgraphs/sync/test/fakes/fake-server';
import { FakeShopify } from '../subgraphs/sync/test/fakes/shopify';
import { FakeNetSuite } from '../subgraphs/sync/test/fakes/netsuite';

/**
 * Sync's audit log through the gateway, read back as ADMIN from `auditLog`: connector settings,
 * pause and resume, conflicts a person resolves and runs a person triggers, each with who and
 * which request; what a run applies is logged by the subgraph it changes, as sync's SERVICE
 * identity in requests naming the run. What the engine does by itself is not in it, and neither
 * is any credential.
 */

const WEBHOOK_SECRET = 'whsec-audit-e2e-8d41';
const NEW_TOKEN = 'shpat-audit-e2e-rotated-51c9';
const NEW_WEBHOOK_SECRET = 'whsec-audit-e2e-rotated-7f02';

const warehouseCode = `AUD-${process.pid}`;
const session = useSyncSession({ start: () => startSyncStack({}, ['audit']), warehouse: { code: warehouseCode, name: 'Audited stock' } });

/** Sends a document as `token` with the given request id; fails the test on errors. */
function send<T, V>(document: TypedDocumentNode<T, V>, variables: V, token: string, requestId: string): Promise<T> {
  return executeOk(session.stack.gatewayUrl, document, variables, { token, headers: { 'x-request-id': requestId } });
}

const byAction = (entries: AuditEntryNode[], action: string) => entries.filter((e) => e.action === action);

describe('connectors', () => {
  const shop = serveDuringTests(new FakeShopify());

  it('create, update, pause and resume are each one entry with the caller, the request and the changed settings; the credentials are only SECRET', async () => {
    const admin = await session.stack.token(Role.ADMIN, [], 'admin-audit-sync');
    const created = randomUUID();
    const input: CreateConnectorInput = shopifyConnectorInput(shop, warehouseCode, WEBHOOK_SECRET, { name: 'Audited shop' });
    const { createConnector } = await send(CreateConnectorDocument, { input }, admin, created);
    const id = createConnector.id;

    const updated = randomUUID();
    await send(UpdateConnectorDocument, { id, input: { name: 'Audited shop (renamed)', conflictPolicy: 'MANUAL', credentials: { accessToken: NEW_TOKEN, webhookSecret: NEW_WEBHOOK_SECRET } } }, admin, updated);
    // The same values again, and a refused update: neither is an entry.
    await send(UpdateConnectorDocument, { id, input: { name: 'Audited shop (renamed)', conflictPolicy: 'MANUAL', credentials: { accessToken: NEW_TOKEN, webhookSecret: NEW_WEBHOOK_SECRET } } }, admin, randomUUID());
    const refused = await execute(session.stack.gatewayUrl, UpdateConnectorDocument, { id, input: { pollingSchedule: 'now and then' } }, { token: admin });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const paused = randomUUID();
    await send(PauseConnectorDocument, { id }, admin, paused);
    const resumed = randomUUID();
    await send(ResumeConnectorDocument, { id }, admin, resumed);

    // Newest first; the no-op and the refused update came before the pause, so they would be here by now.
    const entries = await auditEntries(session.stack, { entity: 'Connector', entityId: id }, 4);
    expect(entries.map((e) => e.action)).toEqual(['status_changed', 'status_changed', 'updated', 'created']);
    for (const entry of entries) expect(entry).toMatchObject({ entity: 'Connector', entityId: id, subgraph: 'sync', actor: { subject: 'admin-audit-sync', role: 'ADMIN' } });

    const [create] = byAction(entries, 'created');
    expect(create.requestId).toBe(created);
    expect(create.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'name', before: null, after: 'Audited shop' }),
        expect.objectContaining({ field: 'system', before: null, after: 'SHOPIFY' }),
        expect.objectContaining({ field: 'baseUrl', before: null, after: shop.url }),
        expect.objectContaining({ field: 'conflictPolicy', before: null, after: 'SOURCE_WINS' }),
        { field: 'credentials', before: null, after: null, withheld: 'SECRET' },
      ]),
    );

    const [update] = byAction(entries, 'updated');
    expect(update.requestId).toBe(updated);
    expect(update.changes).toEqual([
      { field: 'name', before: 'Audited shop', after: 'Audited shop (renamed)', withheld: null },
      { field: 'conflictPolicy', before: 'SOURCE_WINS', after: 'MANUAL', withheld: null },
      { field: 'credentials', before: null, after: null, withheld: 'SECRET' },
    ]);

    const [resume, pause] = entries;
    expect(pause).toMatchObject({ requestId: paused, changes: [{ field: 'status', before: 'ACTIVE', after: 'PAUSED' }] });
    expect(resume).toMatchObject({ requestId: resumed, changes: [{ field: 'status', before: 'PAUSED', after: 'ACTIVE' }] });

    const text = JSON.stringify(entries);
    for (const secret of [shop.accessToken, WEBHOOK_SECRET, NEW_TOKEN, NEW_WEBHOOK_SECRET]) expect(text).not.toContain(secret);
  });

  it('the status the engine sets by itself (FAILING) is not audited', async () => {
    const admin = await session.stack.token(Role.ADMIN, [], 'admin-audit-sync');
    const input = shopifyConnectorInput(shop, warehouseCode, WEBHOOK_SECRET, { name: 'Unreachable shop', baseUrl: 'http://127.0.0.1:1' });
    const { createConnector } = await send(CreateConnectorDocument, { input }, admin, randomUUID());
    const run = await session.sync(createConnector.id);
    expect(run.status).toBe('FAILED');
    // An entry after the engine's change: one for FAILING would have arrived before it.
    await send(PauseConnectorDocument, { id: createConnector.id }, admin, randomUUID());
    const entries = await auditEntries(session.stack, { entityId: createConnector.id }, 2);
    expect(entries.map((e) => [e.action, e.changes])).toEqual([
      ['status_changed', [{ field: 'status', before: 'FAILING', after: 'PAUSED', withheld: null }]],
      ['created', expect.any(Array)],
    ]);
  });
});

describe('conflicts', () => {
  const shop = serveDuringTests(new FakeShopify());

  it('resolveConflict is one entry on the SyncConflict: the resolution and the status, by the person who chose', async () => {
    shop.seed(2, `AUDC${process.pid}`);
    const { createConnector } = await session.gql(CreateConnectorDocument, { input: shopifyConnectorInput(shop, warehouseCode, WEBHOOK_SECRET, { name: 'Conflicted shop', conflictPolicy: 'MANUAL' }) });
    const connectorId = createConnector.id;
    expect(await session.sync(connectorId)).toMatchObject({ status: 'SUCCEEDED', created: 2 });
    const [{ id: productId }] = await sql<{ id: string }>(session.stack, 'products', 'select id from products.product where sku = ?', [`AUDC${process.pid}-00000`]);
    await session.gql(UpdateProductDocument, { id: productId, input: { name: 'Renamed in Tradegraph' } });
    shop.editProduct(0, { title: 'Renamed in Shopify' });
    expect(await session.sync(connectorId, { full: true })).toMatchObject({ conflicts: 1 });
    const [open] = (await session.gql(SyncConflictsDocument, { connectorId, status: 'OPEN', first: 1 })).syncConflicts.edges.map((e) => e.node);

    const chooser = await session.stack.token(Role.ADMIN, [], 'admin-chooser');
    const requestId = randomUUID();
    await send(ResolveConflictDocument, { id: open.id, choice: 'SUPERGRAPH' }, chooser, requestId);
    const again = await execute(session.stack.gatewayUrl, ResolveConflictDocument, { id: open.id, choice: 'SOURCE' }, { token: chooser });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const entries = await auditEntries(session.stack, { entity: 'SyncConflict', entityId: open.id }, 1);
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'resolved',
        subgraph: 'sync',
        requestId,
        actor: { subject: 'admin-chooser', role: 'ADMIN' },
        changes: [
          { field: 'status', before: 'OPEN', after: 'RESOLVED', withheld: null },
          { field: 'resolution', before: null, after: 'SUPERGRAPH', withheld: null },
        ],
      }),
    ]);
    // The runs' entries are on their SyncRun: the connector has its creation only.
    expect((await auditEntries(session.stack, { entity: 'Connector', entityId: connectorId }, 1)).map((e) => e.action)).toEqual(['created']);
  });
});

describe('runs', () => {
  const ns = serveDuringTests(new FakeNetSuite());

  it('a run is logged with the person who triggered it; the price lists it applies are logged by products as sync (SERVICE) in requests that name the run', async () => {
    ns.latencyMs = 0;
    ns.seed(2, 1);
    ns.items[0].prices = { '1': 10, '2': 8.5 };
    ns.customers[0].priceLevel = '2';
    const input = fakeConnectorInput(ns, WEBHOOK_SECRET, { name: 'Audited NetSuite', system: 'NETSUITE', mode: 'POLLING', entities: ['PRODUCT', 'CUSTOMER', 'PRICE_LIST'], fieldMapping: { product: { currency: 'USD' } } });
    const { createConnector } = await session.gql(CreateConnectorDocument, { input });
    const person = await session.stack.token(Role.ADMIN, [], 'admin-sync-trigger');
    const requestId = randomUUID();
    const { triggerSync } = await send(TriggerSyncDocument, { connectorId: createConnector.id, full: true }, person, requestId);
    expect(await waitForRun(session.stack.gatewayUrl, session.admin, triggerSync.id)).toMatchObject({ status: 'SUCCEEDED', failed: 0 });

    const [triggered] = await auditEntries(session.stack, { entity: 'SyncRun', entityId: triggerSync.id }, 1);
    expect(triggered).toMatchObject({ action: 'triggered', subgraph: 'sync', requestId, actor: { subject: 'admin-sync-trigger', role: 'ADMIN' } });
    expect(triggered.changes).toEqual(expect.arrayContaining([{ field: 'connectorId', before: null, after: createConnector.id, withheld: null }, { field: 'status', before: null, after: 'QUEUED', withheld: null }]));

    const list = (await session.gql(SyncedPriceListsDocument, {})).priceLists.find((l) => l.name === 'Alternate Price 1 (Audited NetSuite)');
    expect(list).toBeDefined();
    const entries = await auditEntries(session.stack, { entity: 'PriceList', entityId: list!.id }, 2);
    expect(entries.map((e) => e.action)).toEqual(['prices_set', 'created']);
    for (const entry of entries) {
      expect(entry).toMatchObject({ subgraph: 'products', actor: { subject: 'service:sync', role: 'SERVICE' } });
      expect(entry.requestId).toMatch(new RegExp(`^sync-run:${triggerSync.id}:1:\\d+$`));
    }
    expect(entries[0].changes).toEqual([expect.objectContaining({ before: null, after: { amount: '8.50', currency: 'USD' } })]);
    // From an entry to the run (and its connector): the request id's second part is the run's id.
    const runId = entries[0].requestId!.split(':')[1];
    expect((await session.gql(SyncRunDocument, { id: runId })).syncRun?.connector.id).toBe(createConnector.id);
  });
});
