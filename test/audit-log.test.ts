import { randomUUID } from 'node:crypto';
import { AuditLogDocument, type AuditLogQuery } from '../operations/__generated__/graphql';
import { auditEntries, auditEnvelope, readAuditLog } from './support/audit';
import { execute, executeOk } from './support/client';
import { sql } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

/*
 * The audit subgraph through the gateway: who may read the log, its filters and pages, and that
 * what it stores stays as stored. Entries are published on the stack's bus directly (as a
 * relay would), so these tests do not depend on any subgraph's audited changes.
 */

let stack: TestStack;
let admin: string;

beforeAll(async () => {
  // products too: PARTNER callers are served the public contract, which needs its public fields.
  stack = await startStack({ subgraphs: ['products', 'audit'] });
  admin = await stack.token('ADMIN', [], 'admin-1');
});

afterAll(async () => {
  await stack?.stop();
});

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const minutesAfter = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);

test('only ADMIN reads the log: MANAGER and AGENT are refused, PARTNER is served a contract without it, anonymous must sign in', async () => {
  const entityId = randomUUID();
  await stack.bus.publish(auditEnvelope({ entityId }));
  expect(await auditEntries(stack, { entityId }, 1)).toHaveLength(1);
  const callers: [string, string | undefined, string][] = [
    ['MANAGER', await stack.token('MANAGER', [], 'manager-1'), 'FORBIDDEN'],
    ['AGENT', await stack.token('AGENT', [], 'agent-1'), 'FORBIDDEN'],
    ['PARTNER', await stack.token('PARTNER', [], 'partner-1'), 'GRAPHQL_VALIDATION_FAILED'],
    ['anonymous', undefined, 'UNAUTHENTICATED'],
  ];
  for (const [who, token, code] of callers) {
    const result = await execute(stack.gatewayUrl, AuditLogDocument, { filter: { entityId } }, { token });
    expect([who, result.errors?.map((e) => e.extensions?.code), result.data ?? null]).toEqual([who, [code], null]);
  }
});

test('an entry is served as written: actor, request, subgraph, changes and withheld fields', async () => {
  const envelope = auditEnvelope({
    entity: 'Customer',
    subject: 'manager-7',
    role: 'MANAGER',
    action: 'created',
    changes: [
      { field: 'name', before: null, after: 'ACME' },
      { field: 'creditLimit', before: null, after: { amount: '100.00', currency: 'EUR' } },
      { field: 'email', before: null, after: null, withheld: 'PERSONAL' },
    ],
  });
  await stack.bus.publish(envelope);
  const [entry] = await auditEntries(stack, { entityId: String(envelope.payload.entityId) }, 1);
  expect(entry).toEqual({
    id: envelope.entityId,
    occurredAt: envelope.occurredAt,
    recordedAt: expect.any(String),
    entity: 'Customer',
    entityId: envelope.payload.entityId,
    action: 'created',
    actor: { subject: 'manager-7', role: 'MANAGER' },
    requestId: envelope.payload.requestId,
    subgraph: 'products',
    changes: [
      { field: 'name', before: null, after: 'ACME', withheld: null },
      { field: 'creditLimit', before: null, after: { amount: '100.00', currency: 'EUR' }, withheld: null },
      { field: 'email', before: null, after: null, withheld: 'PERSONAL' },
    ],
  });
});

test('recordedAt is when the log stored an entry, also one that arrives long after its change', async () => {
  const occurredAt = new Date(Date.now() - 6 * 60 * 60_000);
  const envelope = auditEnvelope({ occurredAt });
  const published = Date.now();
  await stack.bus.publish(envelope);
  const [entry] = await auditEntries(stack, { entityId: String(envelope.payload.entityId) }, 1);
  expect(entry.occurredAt).toBe(occurredAt.toISOString());
  // The database's clock and this process's are the same machine's; allow for rounding.
  expect(Date.parse(entry.recordedAt)).toBeGreaterThanOrEqual(published - 1_000);
  expect(Date.parse(entry.recordedAt)).toBeLessThanOrEqual(Date.now());
});

test('filters by entity, entity id, actor and time window; pages newest first without overlap', async () => {
  const entity = `Widget${randomUUID().slice(0, 8)}`;
  const [one, two] = [randomUUID(), randomUUID()];
  const base = new Date('2031-03-01T10:00:00.000Z');
  // Two entries share a millisecond: the id decides their order, the same on every page.
  const envelopes = [
    auditEnvelope({ entity, entityId: one, subject: 'alice', occurredAt: minutesAfter(base, 0) }),
    auditEnvelope({ entity, entityId: one, subject: 'bob', occurredAt: minutesAfter(base, 1) }),
    auditEnvelope({ entity, entityId: two, subject: 'alice', occurredAt: minutesAfter(base, 2) }),
    auditEnvelope({ entity, entityId: two, subject: 'alice', occurredAt: minutesAfter(base, 2) }),
    auditEnvelope({ entity, entityId: one, subject: null, occurredAt: minutesAfter(base, 3) }),
  ];
  for (const envelope of envelopes) await stack.bus.publish(envelope);
  const all = await auditEntries(stack, { entity }, 5);
  const expectedOrder = [...envelopes]
    .sort((a, b) => compare(b.occurredAt, a.occurredAt) || compare(b.entityId, a.entityId))
    .map((e) => e.entityId);
  expect(all.map((e) => e.id)).toEqual(expectedOrder);

  const ids = async (filter: Parameters<typeof readAuditLog>[1]) => (await readAuditLog(stack, filter, admin)).map((e) => e.id);
  expect(await ids({ entity, entityId: one })).toEqual(expectedOrder.filter((id) => [envelopes[0], envelopes[1], envelopes[4]].some((e) => e.entityId === id)));
  expect(await ids({ entity: 'NoSuchEntity', entityId: one })).toEqual([]);
  expect(await ids({ entity, actor: 'alice' })).toEqual(expectedOrder.filter((id) => [envelopes[0], envelopes[2], envelopes[3]].some((e) => e.entityId === id)));
  // `from` is inclusive, `to` exclusive.
  expect(await ids({ entity, from: minutesAfter(base, 1).toISOString(), to: minutesAfter(base, 3).toISOString() })).toEqual(expectedOrder.slice(1, 4));
  expect((await readAuditLog(stack, { entity, actor: 'alice', from: minutesAfter(base, 2).toISOString() }, admin)).map((e) => e.actor.subject)).toEqual(['alice', 'alice']);
  expect((await readAuditLog(stack, { entity, entityId: one }, admin))[0].actor).toEqual({ subject: null, role: null });

  const paged: string[] = [];
  let after: string | null = null;
  const sizes: number[] = [];
  do {
    const page: AuditLogQuery = await executeOk(stack.gatewayUrl, AuditLogDocument, { filter: { entity }, first: 2, after }, { token: admin });
    sizes.push(page.auditLog.edges.length);
    paged.push(...page.auditLog.edges.map((e) => e.node.id));
    after = page.auditLog.pageInfo.hasNextPage ? page.auditLog.pageInfo.endCursor ?? null : null;
  } while (after);
  expect(sizes).toEqual([2, 2, 1]);
  expect(paged).toEqual(expectedOrder);
});

test('page sizes are capped like every list: first above 100 or a foreign cursor is BAD_USER_INPUT', async () => {
  const tooMany = await execute(stack.gatewayUrl, AuditLogDocument, { first: 101 }, { token: admin });
  expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const badCursor = await execute(stack.gatewayUrl, AuditLogDocument, { after: 'not-a-cursor' }, { token: admin });
  expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

test('the table is append-only: UPDATE, DELETE and TRUNCATE fail in SQL, and the entry stays', async () => {
  const envelope = auditEnvelope();
  await stack.bus.publish(envelope);
  await auditEntries(stack, { entityId: String(envelope.payload.entityId) }, 1);
  await expect(sql(stack, 'audit', `update audit.audit_entry set action = 'forged' where id = ?`, [envelope.entityId])).rejects.toThrow(/audit_entry is append-only/);
  await expect(sql(stack, 'audit', `delete from audit.audit_entry where id = ?`, [envelope.entityId])).rejects.toThrow(/audit_entry is append-only/);
  await expect(sql(stack, 'audit', `truncate audit.audit_entry`)).rejects.toThrow(/audit_entry is append-only/);
  const [row] = await sql<{ action: string }>(stack, 'audit', `select action from audit.audit_entry where id = ?`, [envelope.entityId]);
  expect(row.action).toBe('updated');
});

test('a redelivered event (the same envelope, or the same entry in a new envelope) is stored once', async () => {
  const envelope = auditEnvelope();
  await stack.bus.publish(envelope);
  await stack.bus.publish(envelope);
  await stack.bus.publish({ ...envelope, id: randomUUID() });
  expect(await auditEntries(stack, { entityId: String(envelope.payload.entityId) }, 1)).toHaveLength(1);
});

test('a malformed event does not hold up the log: what it holds is stored, one without an entry id is skipped', async () => {
  const entity = `Odd${randomUUID().slice(0, 8)}`;
  const garbage = { ...auditEnvelope({ entity }), payload: { entity, entityId: 42, actor: 'nobody', changes: [{ field: 'x', before: 'a\u0000b', after: '\ud800' }, 'junk', { field: 'secret', before: 's', after: 't', withheld: 'WHATEVER' }] } };
  const badTime = { ...auditEnvelope({ entity }), occurredAt: 'yesterday' };
  // PostgreSQL would refuse this time and GraphQL's DateTime could not serve it.
  const farTime = { ...auditEnvelope({ entity }), occurredAt: '+275760-09-13T00:00:00.000Z' };
  const noId = { ...auditEnvelope({ entity }), entityId: 'not-a-uuid' };
  const good = auditEnvelope({ entity });
  for (const envelope of [garbage, badTime, farTime, noId, good]) await stack.bus.publish(envelope);
  const entries = await auditEntries(stack, { entity }, 4);
  expect(entries.map((e) => e.id).sort()).toEqual([garbage.entityId, badTime.entityId, farTime.entityId, good.entityId].sort());
  const stored = entries.find((e) => e.id === garbage.entityId)!;
  expect(stored).toMatchObject({ entityId: '42', action: 'unknown', subgraph: 'unknown', actor: { subject: null, role: null }, requestId: null });
  expect(stored.changes).toEqual([
    { field: 'x', before: 'ab', after: '\ufffd', withheld: null },
    { field: 'secret', before: null, after: null, withheld: 'SECRET' },
  ]);
});

test('an entry PostgreSQL refuses is skipped, and the rest of its batch is stored', async () => {
  const entity = `Refused${randomUUID().slice(0, 8)}`;
  // A constraint the entries do not meet stands for any refusal no normalisation foresaw.
  await sql(stack, 'audit', `alter table audit.audit_entry add constraint audit_entry_test_refusal check (action <> 'refused') not valid`);
  try {
    const envelopes = [auditEnvelope({ entity }), auditEnvelope({ entity, action: 'refused' }), auditEnvelope({ entity })];
    for (const envelope of envelopes) await stack.bus.publish(envelope);
    const entries = await auditEntries(stack, { entity }, 2);
    expect(entries.map((e) => e.id).sort()).toEqual([envelopes[0].entityId, envelopes[2].entityId].sort());
  } finally {
    await sql(stack, 'audit', 'alter table audit.audit_entry drop constraint audit_entry_test_refusal');
  }
});
