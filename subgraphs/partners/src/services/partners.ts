import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findByIdOrNotFound, findPage, recordStatusChange, type AuditSource, type ConnectionPage, type PageArgs } from '@tradegraph/kit';
import { Partner, PartnerStatus, PartnerStatusChange } from '../entities';
import type { CreatePartnerInput, UpdatePartnerInput } from '../inputs/partner-inputs';
import { audit, partnerAudit, partnerSnapshot } from './audit';
import { partnerStatus } from './partner-status';

/**
 * The partner rules: creating, changing, suspending and listing partners. Works on the
 * EntityManager it is given and never on GraphQL types, so tests call it directly.
 */
export class PartnerService {
  constructor(private readonly em: EntityManager, private readonly source: AuditSource | null) {}

  /** @throws NOT_FOUND */
  async get(id: string): Promise<Partner> {
    return findByIdOrNotFound(this.em, Partner, id);
  }

  async create(input: CreatePartnerInput): Promise<Partner> {
    const partner = this.em.create(Partner, {
      name: input.name,
      trustedDocumentsOnly: input.trustedDocumentsOnly ?? false,
      requestsPerMinute: input.requestsPerMinute ?? null,
      costPerMinute: input.costPerMinute ?? null,
    });
    recordStatusChange(this.em, PartnerStatusChange, partner.id, { from: null, to: PartnerStatus.ACTIVE, actor: this.actor });
    audit(this.em, this.source, partnerAudit(null, partner));
    await this.em.flush();
    return partner;
  }

  /**
   * Changes the given fields; a status change goes through the lifecycle. The partner is read
   * locked, so concurrent changes each audit (and check the move from) what the other left.
   * @throws NOT_FOUND, INVALID_TRANSITION
   */
  async update(id: string, input: UpdatePartnerInput): Promise<Partner> {
    return this.em.transactional(async (tx) => {
      const partner = await findByIdOrNotFound(tx, Partner, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      const before = partnerSnapshot(partner);
      if (input.name != null) partner.name = input.name;
      if (input.trustedDocumentsOnly != null) partner.trustedDocumentsOnly = input.trustedDocumentsOnly;
      if (input.requestsPerMinute !== undefined) partner.requestsPerMinute = input.requestsPerMinute;
      if (input.costPerMinute !== undefined) partner.costPerMinute = input.costPerMinute;
      if (input.status != null && input.status !== partner.status) {
        partnerStatus.assert(partner.status, input.status);
        recordStatusChange(tx, PartnerStatusChange, partner.id, { from: partner.status, to: input.status, actor: this.actor });
        partner.status = input.status;
      }
      audit(tx, this.source, partnerAudit(before, partner));
      await tx.flush();
      return partner;
    });
  }

  private get actor(): string | null {
    return this.source?.caller.subject ?? null;
  }

  /** One page of partners by name. */
  list(page: PageArgs): Promise<ConnectionPage<Partner>> {
    return findPage(this.em, Partner, {}, { field: 'name', descending: false }, page);
  }
}
