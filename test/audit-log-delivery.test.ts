import { randomUUID } from 'node:crypto';
import { InProcessBus, RedisBus, type EventBus } from '@tradegraph/kit';
import { auditEntries, auditEnvelope } from './support/audit';
import { sql } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';
import { describeWithRedis, testRedisUrl } from './support/test-redis';

/*
 * No audit entry is lost: the consumer group keeps what is published while no audit replica
 * runs, and a batch whose insert fails is delivered again until it is stored — once. Over the
 * in-process bus and over Redis Streams (skipped with a notice where no test Redis can be had;
 * REQUIRE_TEST_REDIS=1 makes that a failure).
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function deliveryCases(bus: () => EventBus): void {
  let stack: TestStack;
  let eventBus: EventBus;
  const early = `Early${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    eventBus = bus();
    // Published before the audit subgraph ever ran (a first deployment onto a running system).
    for (let i = 0; i < 5; i++) await eventBus.publish(auditEnvelope({ entity: early }));
    stack = await startStack({ subgraphs: ['audit'], bus: eventBus });
  });

  afterAll(async () => {
    await stack?.stop();
    await eventBus?.close();
  });

  test('entries published before the audit subgraph first started are stored too', async () => {
    expect(await auditEntries(stack, { entity: early }, 5)).toHaveLength(5);
  });

  /** `count` entries of one new entity, the third published twice (a relay's repeat). */
  async function publishEntries(count: number): Promise<string> {
    const entity = `Lossless${randomUUID().slice(0, 8)}`;
    const envelopes = Array.from({ length: count }, () => auditEnvelope({ entity }));
    for (const envelope of envelopes) await stack.bus.publish(envelope);
    await stack.bus.publish({ ...envelopes[2], id: randomUUID() });
    return entity;
  }

  test('entries published while the audit subgraph is down are all stored, once, when it is back', async () => {
    const before = await publishEntries(3);
    expect(await auditEntries(stack, { entity: before }, 3)).toHaveLength(3);
    await stack.stopSubgraph('audit');
    const entity = await publishEntries(40);
    await stack.restart('audit');
    const entries = await auditEntries(stack, { entity }, 40);
    expect(entries).toHaveLength(40);
    expect(new Set(entries.map((e) => e.id)).size).toBe(40);
  });

  test('entries whose insert fails (the table gone for a while) are all stored, once, when it is back', async () => {
    await sql(stack, 'audit', 'alter table audit.audit_entry rename to audit_entry_away');
    let entity: string;
    try {
      entity = await publishEntries(40);
      // Long enough for several refused deliveries.
      await sleep(1_000);
      const [held] = await sql<{ count: string }>(stack, 'audit', 'select count(*) from audit.audit_entry_away where entity = ?', [entity]);
      expect(Number(held.count)).toBe(0);
    } finally {
      await sql(stack, 'audit', 'alter table audit.audit_entry_away rename to audit_entry');
    }
    const entries = await auditEntries(stack, { entity }, 40);
    expect(entries).toHaveLength(40);
    expect(new Set(entries.map((e) => e.id)).size).toBe(40);
  });

  test('an insert that waits on a lock is stored once the lock is released', async () => {
    const em = stack.subgraphs.audit.database.orm.em.fork();
    let entity = '';
    await em.transactional(async (tx) => {
      await tx.getConnection().execute('lock table audit.audit_entry in access exclusive mode', [], 'all', tx.getTransactionContext());
      entity = await publishEntries(10);
      await sleep(500);
    });
    expect(await auditEntries(stack, { entity }, 10)).toHaveLength(10);
  });
}

describe('audit log over the in-process bus', () => {
  deliveryCases(() => new InProcessBus());
});

describeWithRedis('audit log over Redis Streams', () => {
  deliveryCases(() => new RedisBus(testRedisUrl(), 10_000, `audit-test-${randomUUID().slice(0, 8)}`));
});
