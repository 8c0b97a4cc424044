import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { AUDIT_ENTITY, RedisBus, type EventEnvelope } from '@tradegraph/kit';
import { auditEntries, auditEnvelope } from './support/audit';
import { startStack, type TestStack } from './support/stack';
import { describeWithRedis, testRedisUrl } from './support/test-redis';

/*
 * Redis trims every stream at publish to about EVENT_STREAM_RETENTION entries, but the audit
 * log's: a big sync while the audit subgraph is down must not push out entries it has not
 * stored. Its consumer group trims that stream instead, to what it has not acknowledged yet.
 */

const RETENTION = 20;
/** Above the retention and above a stream node (100 entries), so `MAXLEN ~` really trims. */
const MANY = 300;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(50);
  }
}

const otherEvent = (entity: string): EventEnvelope => ({ id: randomUUID(), type: 'test.happened', entity, entityId: randomUUID(), version: 1, occurredAt: new Date().toISOString(), payload: {} });

describeWithRedis('the audit stream over Redis Streams', () => {
  let redis: Redis;
  let prefix: string;
  let bus: RedisBus;
  const streamOf = (entity: string) => `${prefix}:events:${entity}`;

  beforeEach(() => {
    redis = new Redis(testRedisUrl());
    prefix = `audit-trim-${randomUUID().slice(0, 8)}`;
    bus = new RedisBus(testRedisUrl(), RETENTION, prefix);
  });

  afterEach(async () => {
    await bus.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  describe('with the audit subgraph', () => {
    let stack: TestStack;

    beforeEach(async () => {
      stack = await startStack({ subgraphs: ['audit'], bus });
    });

    afterEach(async () => {
      await stack?.stop();
    });

    test('entries published while it is down, far more than the retention, are all stored once; other streams are still trimmed', async () => {
      await stack.stopSubgraph('audit');
      const entity = `Untrimmed${randomUUID().slice(0, 8)}`;
      for (let i = 0; i < MANY; i++) await bus.publish(auditEnvelope({ entity }));
      for (let i = 0; i < MANY; i++) await bus.publish(otherEvent('TrimmedThing'));
      expect(await redis.xlen(streamOf(AUDIT_ENTITY))).toBe(MANY);
      expect(await redis.xlen(streamOf('TrimmedThing'))).toBeLessThan(MANY);

      await stack.restart('audit');
      const entries = await auditEntries(stack, { entity }, MANY, 30_000);
      expect(entries).toHaveLength(MANY);
      expect(new Set(entries.map((e) => e.id)).size).toBe(MANY);
      // What the group acknowledged is trimmed: nothing is left once all is stored.
      await until(async () => (await redis.xlen(streamOf(AUDIT_ENTITY))) === 0, 'the audit stream is trimmed');
    });
  });

  test('trimming keeps what the group still needs: entries pending on a slow consumer, and those not yet read', async () => {
    const other = new RedisBus(testRedisUrl(), RETENTION, prefix);
    const stream = streamOf(AUDIT_ENTITY);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let slowHas: EventEnvelope[] = [];
    const fastHad: EventEnvelope[] = [];
    try {
      // The slow consumer takes the first batch and holds it; the fast one then handles the rest.
      for (let i = 0; i < 5; i++) await bus.publish(auditEnvelope());
      const stopSlow = await bus.consume('trim-test', [AUDIT_ENTITY], async (batch) => {
        slowHas = batch;
        await held;
      }, { batchSize: 5, trimAcknowledged: true, fromRetained: true });
      await until(async () => slowHas.length === 5, 'the slow consumer holds a batch');
      const stopFast = await other.consume('trim-test', [AUDIT_ENTITY], async (batch) => {
        fastHad.push(...batch);
      }, { batchSize: 5, trimAcknowledged: true });
      for (let i = 0; i < 10; i++) await bus.publish(auditEnvelope());
      await until(async () => fastHad.length === 10, 'the fast consumer handled the rest');
      // The fast consumer acknowledged and trimmed, but not past the slow one's pending entries.
      await sleep(200);
      const left = (await redis.xrange(stream, '-', '+')).map(([id]) => id);
      expect(left.length).toBeGreaterThanOrEqual(5);
      const [slowFirst] = await redis.xrange(stream, '-', '+', 'COUNT', 1);
      expect(JSON.parse(slowFirst[1][1]).id).toBe(slowHas[0].id);

      release();
      await until(async () => (await redis.xlen(stream)) === 0, 'everything handled is trimmed');
      await stopFast();
      await stopSlow();

      // One entry at a time: after the first is acknowledged, the second (being handled) and the third (not read yet) stay.
      for (let i = 0; i < 3; i++) await bus.publish(auditEnvelope());
      let calls = 0;
      let second!: () => void;
      const secondHeld = new Promise<void>((resolve) => (second = resolve));
      const stopOne = await bus.consume('trim-test', [AUDIT_ENTITY], async () => {
        if (++calls === 2) await secondHeld;
      }, { batchSize: 1, trimAcknowledged: true });
      try {
        await until(async () => calls === 2, 'the second entry is being handled');
        expect(await redis.xlen(stream)).toBe(2);
      } finally {
        second();
        await stopOne();
      }
      // The second was acknowledged as the consumer stopped; the third was never read.
      expect(await redis.xlen(stream)).toBe(1);
    } finally {
      release();
      await other.close();
    }
  });

  test('a stream another group reads too is not trimmed (it would lose what it has not read)', async () => {
    const stream = streamOf(AUDIT_ENTITY);
    const trimming: EventEnvelope[] = [];
    const stopTrimming = await bus.consume('trim-test', [AUDIT_ENTITY], async (batch) => {
      trimming.push(...batch);
    }, { trimAcknowledged: true });
    const stopOther = await bus.consume('another-group', [AUDIT_ENTITY], async () => {
      await new Promise(() => undefined); // never done: everything stays pending for it
    }, { stopTimeoutMs: 50 });
    try {
      for (let i = 0; i < 10; i++) await bus.publish(auditEnvelope());
      await until(async () => trimming.length === 10, 'the trimming group handled all');
      await sleep(200);
      expect(await redis.xlen(stream)).toBe(10);
    } finally {
      await stopTrimming();
      await stopOther();
    }
  });
});
