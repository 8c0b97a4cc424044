import { stableId } from '@tradegraph/kit';
import { openTestDatabase, type TestSubgraphDatabase } from '@tradegraph/kit/testing';
import { markMissedVisits } from '../src/services/missed-visits';
import { seedFieldAgents, type SeedCustomer } from '../src/seed';
import { fieldAgentsSubgraph } from '../src/subgraph';

let db: TestSubgraphDatabase;
beforeAll(async () => {
  db = await openTestDatabase(fieldAgentsSubgraph);
});
afterAll(() => db?.close());

const customers: SeedCustomer[] = Array.from({ length: 60 }, (_, i) => ({
  id: stableId('customer', `seed-test-${i}`),
  city: ['Berlin', 'Hamburg', 'Munich'][i % 3],
  lat: i % 10 === 9 ? null : 52 + i / 100,
  lng: i % 10 === 9 ? null : 13 + i / 100,
}));

test('the seed is deterministic and idempotent; every customer gets a territory and agent of its city', async () => {
  const first = await seedFieldAgents(db.em(), customers, { agentCount: 9, visitCount: 120 });
  expect(first).toEqual({ territories: 3, agents: 9, assignments: 60, visits: 120 });
  expect(await seedFieldAgents(db.em(), customers, { agentCount: 9, visitCount: 120 })).toEqual({ territories: 0, agents: 0, assignments: 0, visits: 0 });

  const conn = db.em().getConnection();
  const [agent] = await conn.execute(`select a.subject, t.code from field_agents.field_agent a join field_agents.territory t on t.id = a.territory_id where a.subject = 'agent-1'`);
  expect(agent).toEqual({ subject: 'agent-1', code: 'BER' });
  const mismatched = await conn.execute(`select count(*)::int as n from field_agents.customer_assignment c join field_agents.field_agent a on a.id = c.agent_id where a.territory_id <> c.territory_id`);
  expect(mismatched[0].n).toBe(0);
  const statuses: { status: string; n: number; history: number }[] = await conn.execute(
    `select v.status, count(*)::int as n, sum((select count(*) from field_agents.visit_status_change h where h.visit_id = v.id))::int as history from field_agents.visit v group by v.status`,
  );
  const by = new Map(statuses.map((s) => [s.status, s]));
  expect(by.get('PLANNED')!.n).toBeGreaterThan(0);
  expect(by.get('COMPLETED')!.history).toBe(by.get('COMPLETED')!.n * 3);
  // past seeded visits are all settled: the sweep has nothing to mark
  expect(await markMissedVisits(db.em(), { missedAfterMinutes: 180 })).toBe(0);
});
