import type { EntityManager } from '@mikro-orm/postgresql';
import { insertIgnoringExisting, seededRandom, stableId } from '@tradegraph/kit';
import { haversineMeters } from './services/geo';

/** A demo customer as the seed needs it: its id, city and location (passed along from the customers seed). */
export interface SeedCustomer {
  id: string;
  city: string;
  lat: number | null;
  lng: number | null;
}

const FIRST = ['Anna', 'Ben', 'Clara', 'David', 'Eva', 'Felix', 'Greta', 'Hugo', 'Ida', 'Jonas', 'Katrin', 'Lukas', 'Mia', 'Noah', 'Olga'];
const LAST = ['Adler', 'Becker', 'Conrad', 'Dietrich', 'Engel', 'Fischer', 'Graf', 'Hoffmann', 'Jansen', 'Keller', 'Lorenz'];
const VISIT_TYPES = ['SALES', 'SALES', 'SERVICE', 'DELIVERY', 'SURVEY'] as const;

/** The territory code for a city: its first three letters, upper case (BER, HAM …). */
export const territoryCode = (city: string) => city.slice(0, 3).toUpperCase();

/**
 * Loads demo field sales data (deterministic, idempotent: rows that exist are left alone):
 * one territory per customer city (manager subject `manager-<code>`), `agentCount` agents with
 * subjects `agent-1` … spread over the territories, every customer assigned to its city's
 * territory and one of its agents, and `visitCount` visits from 30 days back to 14 ahead: the
 * past ones COMPLETED (checked in near the customer, a few off-site), MISSED or CANCELLED,
 * the future ones PLANNED, each with its status history.
 */
export async function seedFieldAgents(em: EntityManager, customers: SeedCustomer[], options: { agentCount?: number; visitCount?: number } = {}) {
  const random = seededRandom(4005);
  const now = new Date();
  const cities = [...new Set(customers.map((c) => c.city))].sort();
  const territories = cities.map((city) => ({
    id: stableId('territory', territoryCode(city)),
    code: territoryCode(city),
    name: city,
    manager_subject: `manager-${territoryCode(city).toLowerCase()}`,
    created_at: now,
    updated_at: now,
  }));
  const newTerritories = await insertIgnoringExisting(em, 'territory', territories, 'code');

  const agentCount = territories.length ? (options.agentCount ?? 30) : 0;
  const agents = Array.from({ length: agentCount }, (_, i) => {
    const territory = territories[i % territories.length];
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
    return {
      id: stableId('field-agent', `agent-${i + 1}`),
      employee_id: `FA-${String(i + 1).padStart(4, '0')}`,
      name,
      email: `agent-${i + 1}@tradegraph.example`,
      phone: `+49 170 ${String(1_000_000 + i * 7919).slice(0, 7)}`,
      territory_id: territory.id,
      vehicle_type: i % 4 === 3 ? null : i % 2 ? 'CAR' : 'VAN',
      vehicle_registration: i % 4 === 3 ? null : `${territory.code}-TG ${100 + i}`,
      status: i % 15 === 14 ? 'INACTIVE' : 'ACTIVE',
      subject: `agent-${i + 1}`,
      created_at: now,
      updated_at: now,
    };
  });
  const newAgents = await insertIgnoringExisting(em, 'field_agent', agents, 'employee_id');

  const agentsOf = new Map<string, typeof agents>();
  for (const agent of agents) agentsOf.set(agent.territory_id, [...(agentsOf.get(agent.territory_id) ?? []), agent]);
  const assignments = customers.map((c, i) => {
    const territoryId = stableId('territory', territoryCode(c.city));
    const own = agentsOf.get(territoryId) ?? [];
    return { customer_id: c.id, territory_id: territoryId, agent_id: own.length ? own[i % own.length].id : null, assigned_at: now };
  });
  const newAssignments = await insertIgnoringExisting(em, 'customer_assignment', assignments, 'customer_id');

  const visits: Record<string, unknown>[] = [];
  const history: Record<string, unknown>[] = [];
  const assigned = assignments.filter((a) => a.agent_id && agents.find((g) => g.id === a.agent_id)?.status === 'ACTIVE');
  const byId = new Map(customers.map((c) => [c.id, c]));
  for (let i = 0; assigned.length && i < (options.visitCount ?? 300); i++) {
    const assignment = assigned[Math.floor(random() * assigned.length)];
    const c = byId.get(assignment.customer_id)!;
    const day = Math.floor(random() * 44) - 30;
    const scheduledAt = new Date(now.getTime() + day * 86_400_000);
    scheduledAt.setUTCHours(7 + Math.floor(random() * 9), Math.floor(random() * 4) * 15, 0, 0);
    const id = stableId('visit', `seed-${i}`);
    const past = scheduledAt.getTime() < now.getTime() - 3 * 3600_000;
    const roll = random();
    const status = !past ? 'PLANNED' : roll < 0.75 ? 'COMPLETED' : roll < 0.9 ? 'MISSED' : 'CANCELLED';
    const row: Record<string, unknown> = {
      id,
      agent_id: assignment.agent_id,
      customer_id: c.id,
      territory_id: assignment.territory_id,
      type: VISIT_TYPES[i % VISIT_TYPES.length],
      status,
      scheduled_at: scheduledAt,
      off_site: false,
      photo_urls: JSON.stringify([]),
      version: 1,
      created_at: now,
      updated_at: now,
    };
    const steps: [string | null, string][] = [[null, 'PLANNED']];
    if (status === 'COMPLETED') {
      // checked in near the customer: mostly within 150 m, one in ten about a kilometre off
      const offset = (random() < 0.1 ? 1000 : 20 + random() * 130) / 111_195;
      const at = new Date(scheduledAt.getTime() + Math.floor(random() * 20) * 60_000);
      const lat = (c.lat ?? 52.52) + offset;
      const lng = c.lng ?? 13.405;
      const distance = c.lat !== null && c.lng !== null ? haversineMeters({ lat: c.lat, lng: c.lng }, { lat, lng }) : null;
      Object.assign(row, {
        check_in_at: at, check_in_lat: lat, check_in_lng: lng, check_in_accuracy: 5 + Math.floor(random() * 20),
        check_out_at: new Date(at.getTime() + 30 * 60_000), check_out_lat: lat, check_out_lng: lng, check_out_accuracy: 10,
        distance_meters: distance, off_site: distance !== null && distance > 300,
        outcome: random() < 0.5 ? 'order taken' : 'follow-up next month', version: 3,
      });
      steps.push(['PLANNED', 'IN_PROGRESS'], ['IN_PROGRESS', 'COMPLETED']);
    } else if (status !== 'PLANNED') {
      row.version = 2;
      steps.push(['PLANNED', status]);
    }
    visits.push(row);
    steps.forEach(([from, to], k) => history.push({ visit_id: id, from, to, actor: to === 'MISSED' ? 'system:missed-visits' : k === 0 ? 'seed' : `agent-seed`, changed_at: new Date(scheduledAt.getTime() + k * 60_000) }));
  }
  const newVisits = new Set(await insertIgnoringExisting(em, 'visit', visits, 'id'));
  await insertIgnoringExisting(em, 'visit_status_change', history.filter((h) => newVisits.has(h.visit_id)), null);
  return { territories: newTerritories.length, agents: newAgents.length, assignments: newAssignments.length, visits: newVisits.size };
}
