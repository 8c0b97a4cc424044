/**
 * The field-agents subgraph's events, written to the outbox in the transaction of the change
 * they report (or not at all), then published by kit's relay. Only field-agents reads them
 * (the `visitUpdated` subscription).
 *
 * | type                   | entity  | entityId  | version                   | payload |
 * |------------------------|---------|-----------|---------------------------|---------|
 * | `visit.planned`        | `Visit` | the visit | the visit's `version` (1) | {@link VisitEventPayload}, `from: null`, `to: PLANNED` |
 * | `visit.status_changed` | `Visit` | the visit | the visit's `version`     | {@link VisitEventPayload} |
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { recordEvent } from '@tradegraph/kit';
import type { Visit, VisitStatus } from '../entities';

/** The bus stream the visit events travel on. */
export const VISIT_ENTITY = 'Visit';

export const VisitEvent = { PLANNED: 'visit.planned', STATUS_CHANGED: 'visit.status_changed' } as const;
export type VisitEvent = (typeof VisitEvent)[keyof typeof VisitEvent];

export interface VisitEventPayload extends Record<string, unknown> {
  visitId: string;
  agentId: string;
  customerId: string;
  territoryId: string;
  from: VisitStatus | null;
  to: VisitStatus;
  scheduledAt: string;
}

/** Records a visit event with the visit as it now is (its version already raised). */
export function recordVisitEvent(em: EntityManager, type: VisitEvent, visit: Visit, from: VisitStatus | null, to: VisitStatus): void {
  const payload: VisitEventPayload = { visitId: visit.id, agentId: visit.agentId, customerId: visit.customerId, territoryId: visit.territoryId, from, to, scheduledAt: visit.scheduledAt.toISOString() };
  recordEvent(em, { type, entity: VISIT_ENTITY, entityId: visit.id, version: visit.version, payload });
}
