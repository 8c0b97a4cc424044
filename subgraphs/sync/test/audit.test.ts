import { randomUUID } from 'node:crypto';
import { graphql, type ExecutionResult } from 'graphql';
import { AUDIT_RECORDED, InProcessBus, LoaderRegistry, logger, OutboxEvent, subgraphSchema, type AuditRecordedPayload, type GatewayClient, type SubgraphContext } from '@tradegraph/kit';
import { openTestDatabase, type TestSubgraphDatabase } from '@tradegraph/kit/testing';
import { ConflictStatus, Connector, ExternalRef, ExternalSystem, SyncConflict, SyncEntity } from '../src/entities';
import { syncSubgraph } from '../src/subgraph';

/**
 * The audit log of sync's API changes, against the subgraph's served schema (rules applied) and
 * real PostgreSQL: one `audit.recorded` outbox row per change, none for a failure or a change
 * to the same values, and never a credential in it.
 */

const SECRETS = { accessToken: 'tok-9f1e-secret-access', webhookSecret: 'whsec-77ab-secret-hook', password: 'pw-c0ffee-secret' };
const NEW_SECRETS = { accessToken: 'tok-2222-secret-rotated', webhookSecret: 'whsec-3333-secret-rotated' };
const SECRET_TEXTS = [...Object.values(SECRETS), ...Object.values(NEW_SECRETS)];
/** Key names of credentials could say what kind of secret a connector holds: they stay out too. */
const CREDENTIAL_KEYS = ['accessToken', 'webhookSecret', 'password'];

const PRODUCT_ID = randomUUID();

/** Answers the one read resolveConflict makes through the gateway: the product as Tradegraph has it. */
const fakeGateway = {
  request: () => Promise.resolve({ products: { edges: [{ node: { id: PRODUCT_ID, sku: 'AUD-1', name: 'Ours', description: null, brand: null, basePrice: { amount: '10', currency: 'EUR' }, updatedAt: new Date().toISOString() } }] } }),
} as unknown as GatewayClient;

let db: TestSubgraphDatabase;
let lastRequestId = '';

beforeAll(async () => {
  db = await openTestDatabase(syncSubgraph);
});

afterAll(async () => {
  await db?.close();
});

/** Runs an operation as the ADMIN `auditor` (or `subject`), with a fresh request id. */
async function execute(source: string, variableValues?: Record<string, unknown>, subject = 'auditor'): Promise<ExecutionResult> {
  const { schema } = await subgraphSchema(syncSubgraph);
  lastRequestId = randomUUID();
  const context: SubgraphContext = {
    caller: { subject, roles: ['ADMIN'], scopes: [] },
    requestId: lastRequestId,
    em: db.em(),
    loaders: new LoaderRegistry(() => context),
    log: logger,
    runtime: { name: 'sync', database: db.database, bus: new InProcessBus(), settings: {}, gateway: fakeGateway },
  };
  return graphql({ schema, source, variableValues, contextValue: context });
}

async function ok<T>(source: string, variableValues?: Record<string, unknown>, subject?: string): Promise<T> {
  const result = await execute(source, variableValues, subject);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

/** Every audit.recorded outbox row, oldest first. */
async function auditRows(): Promise<OutboxEvent[]> {
  return db.em().find(OutboxEvent, { type: AUDIT_RECORDED }, { orderBy: { sequence: 'asc' } });
}

/** Runs `change` and returns the audit payloads it wrote. */
async function auditedBy(change: () => Promise<unknown>): Promise<AuditRecordedPayload[]> {
  const before = (await auditRows()).length;
  await change();
  return (await auditRows()).slice(before).map((row) => row.payload as AuditRecordedPayload);
}

const CREATE = 'mutation($input: CreateConnectorInput!) { createConnector(input: $input) { id status } }';
const UPDATE = 'mutation($id: ID!, $input: UpdateConnectorInput!) { updateConnector(id: $id, input: $input) { id } }';
const PAUSE = 'mutation($id: ID!) { pauseConnector(id: $id) { status } }';
const RESUME = 'mutation($id: ID!) { resumeConnector(id: $id) { status } }';
const RESOLVE = 'mutation($id: ID!, $choice: ConflictResolution!) { resolveConflict(id: $id, choice: $choice) { status resolution resolvedBy } }';

const connectorInput = {
  name: 'Audited shop',
  system: 'SHOPIFY',
  direction: 'INBOUND',
  entities: ['PRODUCT', 'INVENTORY'],
  mode: 'WEBHOOK',
  baseUrl: 'https://audited.example.com',
  fieldMapping: { product: { currency: 'EUR' }, inventory: { locations: { '1': 'MAIN' } } },
  conflictPolicy: 'MANUAL',
  credentials: SECRETS,
};

async function createConnector(input: Record<string, unknown> = {}): Promise<string> {
  const { createConnector } = await ok<{ createConnector: { id: string } }>(CREATE, { input: { ...connectorInput, ...input } });
  return createConnector.id;
}

describe('connector settings', () => {
  it('createConnector writes one entry: every setting, the credentials only as withheld, the caller and the request', async () => {
    let id = '';
    const entries = await auditedBy(async () => (id = await createConnector()));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entity: 'Connector', entityId: id, action: 'created', actor: { subject: 'auditor', role: 'ADMIN' }, requestId: lastRequestId, subgraph: 'sync' });
    expect(entries[0].changes).toEqual([
      { field: 'name', before: null, after: 'Audited shop' },
      { field: 'system', before: null, after: 'SHOPIFY' },
      { field: 'direction', before: null, after: 'INBOUND' },
      { field: 'entities', before: null, after: ['PRODUCT', 'INVENTORY'] },
      { field: 'mode', before: null, after: 'WEBHOOK' },
      { field: 'baseUrl', before: null, after: 'https://audited.example.com' },
      { field: 'fieldMapping', before: null, after: { inventory: { locations: { '1': 'MAIN' } }, product: { currency: 'EUR' } } },
      { field: 'conflictPolicy', before: null, after: 'MANUAL' },
      { field: 'deletions', before: null, after: 'IGNORE' },
      { field: 'credentials', before: null, after: null, withheld: 'SECRET' },
    ]);
  });

  it('a connector created without credentials has no credentials change', async () => {
    const entries = await auditedBy(() => createConnector({ name: 'No secrets', credentials: null }));
    expect(entries).toHaveLength(1);
    expect(entries[0].changes.map((c) => c.field)).not.toContain('credentials');
  });

  it('updateConnector records only what changed, before and after; a mapping in another key order is no change', async () => {
    const id = await createConnector();
    const entries = await auditedBy(() =>
      ok(UPDATE, { id, input: { name: 'Renamed shop', pollingSchedule: '5m', fieldMapping: { inventory: { locations: { '1': 'MAIN' } }, product: { currency: 'EUR' } }, deletions: 'ARCHIVE' } }, 'admin-bea'),
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entity: 'Connector', entityId: id, action: 'updated', actor: { subject: 'admin-bea', role: 'ADMIN' }, requestId: lastRequestId });
    expect(entries[0].changes).toEqual([
      { field: 'name', before: 'Audited shop', after: 'Renamed shop' },
      { field: 'pollingSchedule', before: null, after: '5m' },
      { field: 'deletions', before: 'IGNORE', after: 'ARCHIVE' },
    ]);
  });

  it('an update to the same values, credentials included, writes no entry (and keeps the stored credentials)', async () => {
    const id = await createConnector();
    const [{ credentialsCiphertext: sealed }] = await db.em().find(Connector, { id });
    const { fieldMapping, system: _system, ...same } = connectorInput;
    const entries = await auditedBy(() => ok(UPDATE, { id, input: { ...same, fieldMapping: { inventory: fieldMapping.inventory, product: fieldMapping.product }, credentials: { ...SECRETS } } }));
    expect(entries).toEqual([]);
    expect((await db.em().findOneOrFail(Connector, id)).credentialsCiphertext).toBe(sealed);
  });

  it('new credentials are one withheld change: no secret, old or new, and no key name anywhere in the outbox', async () => {
    const id = await createConnector();
    const entries = await auditedBy(() => ok(UPDATE, { id, input: { credentials: NEW_SECRETS, mode: 'BOTH' } }));
    expect(entries).toHaveLength(1);
    expect(entries[0].changes).toEqual([
      { field: 'mode', before: 'WEBHOOK', after: 'BOTH' },
      { field: 'credentials', before: null, after: null, withheld: 'SECRET' },
    ]);
    // Every row sync's outbox holds, whatever its type.
    const outbox = JSON.stringify(await db.em().find(OutboxEvent, {}));
    for (const secret of SECRET_TEXTS) expect(outbox).not.toContain(secret);
    const auditText = JSON.stringify((await auditRows()).map((row) => row.payload));
    for (const key of CREDENTIAL_KEYS) expect(auditText).not.toContain(key);
  });

  it('a base URL with a secret in it is withheld too', async () => {
    const id = await createConnector({ name: 'Keyed URL', system: 'REST', baseUrl: 'https://erp.example.com/api' });
    const entries = await auditedBy(() => ok(UPDATE, { id, input: { baseUrl: 'https://erp.example.com/api?api_key=k-5150-secret-in-url' } }));
    expect(entries).toHaveLength(1);
    expect(entries[0].changes).toEqual([{ field: 'baseUrl', before: null, after: null, withheld: 'SECRET' }]);
    expect(JSON.stringify(await auditRows())).not.toContain('k-5150-secret-in-url');
  });

  it('a refused update (validation, unknown connector) writes no entry', async () => {
    const id = await createConnector();
    const entries = await auditedBy(async () => {
      expect((await execute(UPDATE, { id, input: { pollingSchedule: 'every so often', name: 'Never' } })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((await execute(UPDATE, { id, input: { name: '   ' } })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((await execute(UPDATE, { id: randomUUID(), input: { name: 'Nobody' } })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await execute(CREATE, { input: { ...connectorInput, baseUrl: 'not a url' } })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
    expect(entries).toEqual([]);
    expect((await db.em().findOneOrFail(Connector, id)).name).toBe('Audited shop');
  });
});

describe('pause and resume', () => {
  it('each records the status before and after; pausing a paused connector or resuming an active one records nothing', async () => {
    const id = await createConnector({ name: 'Paused shop' });
    const paused = await auditedBy(() => ok(PAUSE, { id }));
    expect(paused).toEqual([expect.objectContaining({ entity: 'Connector', entityId: id, action: 'status_changed', actor: { subject: 'auditor', role: 'ADMIN' }, requestId: lastRequestId, changes: [{ field: 'status', before: 'ACTIVE', after: 'PAUSED' }] })]);
    expect(await auditedBy(() => ok(PAUSE, { id }))).toEqual([]);

    const resumed = await auditedBy(() => ok(RESUME, { id }));
    expect(resumed).toEqual([expect.objectContaining({ action: 'status_changed', requestId: lastRequestId, changes: [{ field: 'status', before: 'PAUSED', after: 'ACTIVE' }] })]);
    expect(await auditedBy(() => ok(RESUME, { id }))).toEqual([]);
  });

  it('concurrent pauses write one entry: the connector row is locked, so the later ones see PAUSED', async () => {
    const id = await createConnector({ name: 'Raced pause' });
    const entries = await auditedBy(() => Promise.all(Array.from({ length: 6 }, () => ok(PAUSE, { id }))));
    expect(entries).toEqual([expect.objectContaining({ entityId: id, action: 'status_changed', changes: [{ field: 'status', before: 'ACTIVE', after: 'PAUSED' }] })]);
  });

  it('concurrent updates write one entry each, and their befores chain (each is another\'s after, one is the original)', async () => {
    const id = await createConnector({ name: 'Raced update' });
    const names = Array.from({ length: 8 }, (_, i) => `Raced update ${i}`);
    const entries = await auditedBy(() => Promise.all(names.map((name) => ok(UPDATE, { id, input: { name } }))));
    const befores = entries.map((entry) => entry.changes[0].before);
    expect(entries.map((entry) => entry.changes[0].after).sort()).toEqual([...names].sort());
    expect(new Set(befores).size).toBe(names.length);
    expect(befores.filter((before) => before === 'Raced update')).toHaveLength(1);
    expect(befores.filter((before) => before !== 'Raced update').every((before) => names.includes(before as string))).toBe(true);
  });
});

describe('runs', () => {
  const TRIGGER = 'mutation($id: ID!) { triggerSync(connectorId: $id, full: true) { id } }';
  const CANCEL = 'mutation($id: ID!) { cancelSyncRun(id: $id) { status } }';
  const RETRY = 'mutation($id: ID!) { retrySyncRun(id: $id) { status } }';

  it('triggerSync, cancelSyncRun and retrySyncRun are each one SyncRun entry, by the caller and in its request', async () => {
    const connectorId = await createConnector({ name: 'Run shop' });
    let runId = '';
    const triggered = await auditedBy(async () => (runId = (await ok<{ triggerSync: { id: string } }>(TRIGGER, { id: connectorId }, 'mgr-runs')).triggerSync.id));
    expect(triggered).toEqual([
      {
        entity: 'SyncRun',
        entityId: runId,
        action: 'triggered',
        actor: { subject: 'mgr-runs', role: 'ADMIN' },
        requestId: lastRequestId,
        subgraph: 'sync',
        changes: [
          { field: 'connectorId', before: null, after: connectorId },
          { field: 'trigger', before: null, after: 'MANUAL' },
          { field: 'full', before: null, after: true },
          { field: 'entities', before: null, after: ['PRODUCT', 'INVENTORY'] },
          { field: 'status', before: null, after: 'QUEUED' },
        ],
      },
    ]);
    const cancelled = await auditedBy(() => ok(CANCEL, { id: runId }, 'mgr-cancels'));
    expect(cancelled).toEqual([expect.objectContaining({ entityId: runId, action: 'cancelled', actor: { subject: 'mgr-cancels', role: 'ADMIN' }, requestId: lastRequestId, changes: [{ field: 'status', before: 'QUEUED', after: 'CANCELLED' }] })]);
    const retried = await auditedBy(() => ok(RETRY, { id: runId }, 'mgr-retries'));
    expect(retried).toEqual([
      expect.objectContaining({
        entityId: runId,
        action: 'retried',
        actor: { subject: 'mgr-retries', role: 'ADMIN' },
        changes: [
          { field: 'trigger', before: 'MANUAL', after: 'RETRY' },
          { field: 'status', before: 'CANCELLED', after: 'QUEUED' },
        ],
      }),
    ]);
    // A refused move (a QUEUED run cannot be retried) writes nothing.
    expect(await auditedBy(async () => expect((await execute(RETRY, { id: runId })).errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION'))).toEqual([]);
    await ok(CANCEL, { id: runId });
  });
});

describe('conflicts', () => {
  async function openConflict(): Promise<string> {
    const connectorId = await createConnector({ name: `Conflicted ${randomUUID()}` });
    const em = db.em();
    em.create(ExternalRef, { connectorId, system: ExternalSystem.SHOPIFY, entityType: SyncEntity.PRODUCT, externalId: 'ext-1', entityId: PRODUCT_ID, checksum: 'x' });
    const conflict = em.create(SyncConflict, { connectorId, entityType: SyncEntity.PRODUCT, externalId: 'ext-1', entityId: PRODUCT_ID, sourceValue: { name: 'Theirs' }, supergraphValue: { name: 'Ours' } });
    await em.flush();
    return conflict.id;
  }

  it('resolveConflict records the resolution and the status, by whom; resolving it again is refused and records nothing', async () => {
    const id = await openConflict();
    const entries = await auditedBy(() => ok(RESOLVE, { id, choice: 'SUPERGRAPH' }, 'admin-cem'));
    expect(entries).toEqual([
      expect.objectContaining({
        entity: 'SyncConflict',
        entityId: id,
        action: 'resolved',
        actor: { subject: 'admin-cem', role: 'ADMIN' },
        requestId: lastRequestId,
        subgraph: 'sync',
        changes: [
          { field: 'status', before: ConflictStatus.OPEN, after: ConflictStatus.RESOLVED },
          { field: 'resolution', before: null, after: 'SUPERGRAPH' },
        ],
      }),
    ]);
    expect((await db.em().findOneOrFail(SyncConflict, id)).resolvedBy).toBe('admin-cem');

    const again = await auditedBy(async () => expect((await execute(RESOLVE, { id, choice: 'SOURCE' })).errors?.[0]?.extensions?.code).toBe('CONFLICT'));
    expect(again).toEqual([]);
  });

  it('concurrent resolves: the conflict row is locked, so one resolves (one entry) and the others get CONFLICT', async () => {
    const id = await openConflict();
    let results: ExecutionResult[] = [];
    const entries = await auditedBy(async () => (results = await Promise.all(Array.from({ length: 4 }, () => execute(RESOLVE, { id, choice: 'SUPERGRAPH' })))));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.flatMap((r) => r.errors ?? []).map((e) => e.extensions?.code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
    expect(entries).toEqual([expect.objectContaining({ entity: 'SyncConflict', entityId: id, action: 'resolved' })]);
  });
});
