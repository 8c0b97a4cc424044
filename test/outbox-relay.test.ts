/**
 * What the outbox relay costs the database: a pass a commit asked for goes straight to the
 * locked read (it knows something waits), while a timed poll first looks with one cheap
 * statement. Real PostgreSQL, a real subgraph behind the gateway.
 */
import { randomUUID } from 'node:crypto';
import { requestScope } from '@tradegraph/kit';
import { CreateWarehouseDocument } from '../operations/__generated__/graphql';
import { executeOk } from './support/client';
import { sql } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

let stack: TestStack;
let admin: string;

// timed polls an hour apart: every pass in these tests is one a commit asked for
beforeAll(async () => {
  stack = await startStack({ subgraphs: ['inventory'], relayIntervalMs: 3_600_000 });
  admin = await stack.token('ADMIN');
});
afterAll(() => stack?.stop());

// the test's own reads run in a request scope of their own, so they can be told from the relay's
const TEST_READS = randomUUID();
const unpublished = () =>
  requestScope.run({ requestId: TEST_READS }, async () => (await sql<{ n: number }>(stack, 'inventory', `select count(*)::int as n from inventory.outbox_event where published_at is null`))[0].n);

test('a nudged pass publishes with begin, lock, read, mark, commit: no probe first', async () => {
  const database = stack.subgraphs.inventory.database;
  await stack.subgraphs.inventory.runtime.relay!.drain();
  await new Promise((resolve) => setTimeout(resolve, 200)); // the start's first pass is over
  const before = database.statementCount - database.statementsFor(TEST_READS);
  const requestId = randomUUID();
  await executeOk(stack.gatewayUrl, CreateWarehouseDocument, { input: { code: `W-${randomUUID().slice(0, 8)}`, name: 'Relay warehouse', priority: 1 } }, { token: admin, headers: { 'x-request-id': requestId } });
  const deadline = Date.now() + 10_000;
  while ((await unpublished()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(await unpublished()).toBe(0);
  const background = database.statementCount - database.statementsFor(TEST_READS) - before - database.statementsFor(requestId);
  expect(background).toBe(5);
});
