import { randomUUID } from 'node:crypto';
import { Entity, Index, OptionalProps } from '@mikro-orm/core';
import { Directive, ObjectType } from 'type-graphql';
import { BooleanColumn, DateColumn, EnumColumn, IdColumn, IntColumn, statusHistoryEntity, StringColumn, UpdatedAtColumn, type EnumValue, graphqlEnum } from '@tradegraph/kit';

/** Whether a partner's keys work; the allowed moves are in `partnerStatus`. */
export const PartnerStatus = graphqlEnum('PartnerStatus', ['ACTIVE', 'SUSPENDED'], { description: 'ACTIVE ⇄ SUSPENDED; a SUSPENDED partner\'s keys are refused until it is ACTIVE again.' });
export type PartnerStatus = EnumValue<typeof PartnerStatus>;

@ObjectType({ description: 'An outside organisation that queries the API with keys of its own.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'partner' })
@Index({ properties: ['name', 'id'] })
export class Partner {
  [OptionalProps]?: 'status' | 'trustedDocumentsOnly' | 'requestsPerMinute' | 'costPerMinute' | 'createdAt' | 'updatedAt';

  @IdColumn()
  id: string = randomUUID();

  @StringColumn(200)
  name!: string;

  @EnumColumn(() => PartnerStatus)
  status: PartnerStatus = PartnerStatus.ACTIVE;

  @BooleanColumn({ description: 'When true, the partner\'s keys may run only documents from the trusted-documents manifest.' })
  trustedDocumentsOnly = false;

  @IntColumn({ nullable: true, description: 'Overrides the gateway\'s default request budget per minute for this partner\'s keys.' })
  requestsPerMinute: number | null = null;

  @IntColumn({ nullable: true, description: 'Overrides the gateway\'s default query-cost budget per minute for this partner\'s keys.' })
  costPerMinute: number | null = null;

  @DateColumn()
  createdAt: Date = new Date();

  @UpdatedAtColumn()
  updatedAt: Date = new Date();
}

export const PartnerStatusChange = statusHistoryEntity(Partner, 'partnerId', PartnerStatus, {
  description: 'One recorded move of a partner\'s status.',
  fromDescription: 'Null when the partner was created.',
});
export type PartnerStatusChange = InstanceType<typeof PartnerStatusChange>;
