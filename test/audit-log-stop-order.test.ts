import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { InProcessBus } from '@tradegraph/kit';
import { createTestDatabase } from '@tradegraph/kit/testing';
import { stopPhases, SUBGRAPHS } from '../scripts/subgraphs';
import { auditEnvelope } from './support/audit';
import { startStack } from './support/stack';

/*
 * One process (npm start, the test stack) stops the audit subgraph after every other one: the
 * in-process bus keeps nothing for a consumer group past the process, so what the others'
 * relays publish while they stop must still find the audit log's consumer.
 */

test('the audit subgraph stops in a phase of its own, after all the others', () => {
  const running = SUBGRAPHS.map((s) => ({ name: s.definition.name }));
  const phases = stopPhases(running);
  expect(phases.map((phase) => phase.map((s) => s.name))).toEqual([running.map((s) => s.name).filter((name) => name !== 'audit'), ['audit']]);
  // Without audit running, nothing waits for it.
  expect(stopPhases(running.filter((s) => s.name !== 'audit'))).toHaveLength(1);
});

test('entries published while the other subgraphs stop are still stored (in-process bus)', async () => {
  const database = await createTestDatabase();
  const entity = `Stopping${randomUUID().slice(0, 8)}`;
  try {
    const stack = await startStack({ subgraphs: ['products', 'audit'], bus: new InProcessBus(), database });
    const products = stack.subgraphs.products;
    const stopProducts = products.stop.bind(products);
    // As a relay's last pass does: events published while the subgraph stops.
    products.stop = async () => {
      for (let i = 0; i < 3; i++) await stack.bus.publish(auditEnvelope({ entity }));
      await stopProducts();
      for (let i = 0; i < 3; i++) await stack.bus.publish(auditEnvelope({ entity }));
    };
    await stack.stop();
    await stack.bus.close();
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ count: string }>('select count(*) from audit.audit_entry where entity = $1', [entity]);
      expect(Number(rows[0].count)).toBe(6);
    } finally {
      await client.end();
    }
  } finally {
    await database.drop();
  }
});
