import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertUuid,
  badInput,
  type ConnectionPage,
  findPage,
  forbidden,
  type KeysetSort,
  moveStatus,
  notFound,
  type PageArgs,
  recordStatusChange,
} from '@tradegraph/kit';
import { AgentStatus, CustomerAssignment, FieldAgent, Visit, VisitStatus, VisitStatusChange } from '../entities';
import type { CompleteVisitInput, GeoFixInput, PlanVisitInput, VisitFilter } from '../inputs/visit-inputs';
import type { FieldAgentSettings } from '../settings';
import { canSeeVisit, supervises, visitScope, type Access } from './access';
import type { CustomerDirectory } from './customer-directory';
import { recordVisitEvent, VisitEvent } from './events';
import { haversineMeters } from './geo';
import { visitStatus } from './visit-status';

/** Visits are listed by scheduled time, latest first; ties broken by id. */
const LATEST_FIRST: KeysetSort = { field: 'scheduledAt', descending: true };

/** The conditions of a visit filter (the caller's scope is added separately). */
export function visitConditions(filter: VisitFilter | null | undefined): FilterQuery<Visit>[] {
  const conditions: FilterQuery<Visit>[] = [];
  if (filter?.agentId) conditions.push({ agentId: filter.agentId });
  if (filter?.customerId) conditions.push({ customerId: filter.customerId });
  if (filter?.territoryId) conditions.push({ territoryId: filter.territoryId });
  if (filter?.status?.length) conditions.push({ status: { $in: filter.status } });
  if (filter?.from) conditions.push({ scheduledAt: { $gte: filter.from } });
  if (filter?.to) conditions.push({ scheduledAt: { $lt: filter.to } });
  return conditions;
}

/** Where a visit's check-in was, relative to the customer. */
export interface CheckInAssessment {
  distanceMeters: number | null;
  offSite: boolean;
}

/**
 * Judges a check-in: its great-circle distance from the customer, off-site beyond the radius.
 * A customer without a location gives no distance and is never off-site.
 */
export function assessCheckIn(fix: { lat: number; lng: number }, customer: { lat: number; lng: number } | null, radiusMeters: number): CheckInAssessment {
  if (!customer) return { distanceMeters: null, offSite: false };
  const distanceMeters = haversineMeters(customer, fix);
  return { distanceMeters, offSite: distanceMeters > radiusMeters };
}

/**
 * The visit rules: planning, check-in (with the distance from the customer), check-out,
 * cancellation, and the lists, always within what the caller may see.
 */
export class VisitService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: Access,
    private readonly settings: FieldAgentSettings,
  ) {}

  /**
   * Plans a visit for an ACTIVE agent to a customer assigned to the agent's territory. An
   * AGENT plans for itself; a MANAGER for agents of its territories.
   */
  async plan(input: PlanVisitInput): Promise<Visit> {
    const agent = await this.plannedAgent(input.agentId ?? null);
    if (agent.status !== AgentStatus.ACTIVE) throw badInput('input.agentId', `belongs to an ${agent.status} agent, who gets no new visits`);
    const assignment = await this.em.findOne(CustomerAssignment, { customerId: input.customerId });
    if (!assignment || assignment.territoryId !== agent.territoryId) {
      throw badInput('input.customerId', 'is not a customer of the agent\'s territory (assign it with assignCustomer first)');
    }
    if (Number.isNaN(input.scheduledAt.getTime())) throw badInput('input.scheduledAt', 'is not a valid time');
    return this.em.transactional(async (em) => {
      const visit = em.create(Visit, {
        agentId: agent.id,
        customerId: input.customerId,
        territoryId: agent.territoryId,
        type: input.type,
        scheduledAt: input.scheduledAt,
        notes: input.notes ?? null,
      });
      recordStatusChange(em, VisitStatusChange, visit.id, { from: null, to: VisitStatus.PLANNED, actor: this.access.subject });
      recordVisitEvent(em, VisitEvent.PLANNED, visit, null, VisitStatus.PLANNED);
      return visit;
    });
  }

  /**
   * PLANNED → IN_PROGRESS with a check-in fix. The customer's location comes from the
   * customers subgraph; the check-in is off-site beyond `checkInRadiusMeters`, and refused
   * (BAD_USER_INPUT) then when the policy is REFUSE.
   */
  async start(id: string, checkIn: GeoFixInput, directory: CustomerDirectory): Promise<Visit> {
    const visit = await this.visible(id);
    visitStatus.assert(visit.status, VisitStatus.IN_PROGRESS);
    const { location } = await directory.facts(visit.customerId);
    const assessment = assessCheckIn(checkIn, location, this.settings.checkInRadiusMeters);
    if (assessment.offSite && this.settings.offSitePolicy === 'REFUSE') {
      throw badInput('checkIn', `is ${Math.round(assessment.distanceMeters!)} m from the customer, farther than the ${this.settings.checkInRadiusMeters} m allowed`);
    }
    return this.move(id, VisitStatus.IN_PROGRESS, null, (v) => {
      v.checkInAt = new Date();
      v.checkInLat = checkIn.lat;
      v.checkInLng = checkIn.lng;
      v.checkInAccuracy = checkIn.accuracyMeters ?? null;
      v.distanceMeters = assessment.distanceMeters;
      v.offSite = assessment.offSite;
    });
  }

  /** IN_PROGRESS → COMPLETED with a check-out fix, the outcome, notes and photos. */
  async complete(id: string, input: CompleteVisitInput): Promise<Visit> {
    await this.visible(id);
    return this.move(id, VisitStatus.COMPLETED, null, (v) => {
      v.checkOutAt = new Date();
      v.checkOutLat = input.checkOut.lat;
      v.checkOutLng = input.checkOut.lng;
      v.checkOutAccuracy = input.checkOut.accuracyMeters ?? null;
      if (input.outcome !== undefined) v.outcome = input.outcome ?? null;
      if (input.notes !== undefined) v.notes = input.notes ?? null;
      if (input.photoUrls != null) v.photoUrls = input.photoUrls;
    });
  }

  /** PLANNED → CANCELLED. */
  async cancel(id: string, reason: string | null): Promise<Visit> {
    await this.visible(id);
    return this.move(id, VisitStatus.CANCELLED, reason, () => undefined);
  }

  /** One page of the visits the caller may see, latest scheduled first; the scope is part of the query. */
  async search(filter: VisitFilter | null | undefined, page: PageArgs): Promise<ConnectionPage<Visit>> {
    const conditions = [visitScope(this.access), ...visitConditions(filter)];
    return findPage(this.em, Visit, { $and: conditions }, LATEST_FIRST, page);
  }

  /** The caller's own visits scheduled in the 24 hours from `dayStart`, in scheduled order. */
  async mine(dayStart: Date): Promise<Visit[]> {
    if (!this.access.agent) return [];
    const end = new Date(dayStart.getTime() + 24 * 3600 * 1000);
    return this.em.find(Visit, { agentId: this.access.agent.id, scheduledAt: { $gte: dayStart, $lt: end } }, { orderBy: { scheduledAt: 'asc', id: 'asc' } });
  }

  /** A visit the caller may see. @throws NOT_FOUND (also for visits of others: their existence is not revealed) */
  private async visible(id: string): Promise<Visit> {
    assertUuid(id, 'id');
    const visit = await this.em.findOne(Visit, { id });
    if (!visit || !canSeeVisit(this.access, visit)) throw notFound('Visit', id);
    return visit;
  }

  private async plannedAgent(agentId: string | null): Promise<FieldAgent> {
    const own = this.access.agent;
    const staff = this.access.all || this.access.managedTerritoryIds.length > 0;
    if (agentId == null) {
      if (own) return own;
      throw badInput('input.agentId', 'is required unless you are the agent');
    }
    if (own && agentId === own.id) return own;
    const agent = await this.em.findOne(FieldAgent, { id: agentId });
    if (!agent) throw badInput('input.agentId', `is not a known agent: ${agentId}`);
    if (!staff || !supervises(this.access, agent.territoryId)) throw forbidden('You may plan visits only for yourself or for agents of territories you manage');
    return agent;
  }

  /** Moves a visit under a row lock, records the move and its event, in one transaction. */
  private move(id: string, to: VisitStatus, reason: string | null, change: (visit: Visit) => void): Promise<Visit> {
    return moveStatus(this.em, Visit, id, visitStatus, to, (visit, em) => {
      change(visit);
      recordVisitTransition(em, visit, to, this.access.subject, reason);
    });
  }
}

/** Records a status move (history row, version, event) on a locked visit. */
export function recordVisitTransition(em: EntityManager, visit: Visit, to: VisitStatus, actor: string | null, reason: string | null): void {
  const from = visit.status;
  recordStatusChange(em, VisitStatusChange, visit.id, { from, to, actor, reason });
  visit.status = to;
  visit.version++;
  recordVisitEvent(em, VisitEvent.STATUS_CHANGED, visit, from, to);
}
