import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ObjectType } from 'type-graphql';
import { DateColumn, IdColumn, StringColumn } from '@tradegraph/kit';
import { Partner } from './partner';

@ObjectType({ description: 'A partner\'s API key. Its secret is shown once, when it is created; only a hash of it is kept.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'api_key' })
@Index({ properties: ['partnerId', 'createdAt'] })
export class ApiKey {
  [OptionalProps]?: 'scopes' | 'expiresAt' | 'revokedAt' | 'lastUsedAt' | 'replacedById' | 'createdAt';

  @IdColumn()
  id: string = randomUUID();

  @ManyToOne(() => Partner, { mapToPk: true, fieldName: 'partner_id', deleteRule: 'cascade' })
  partnerId!: string;

  @StringColumn(16, { description: 'The key\'s public start ("tgk_3fa9c2d1"), safe to show in logs and dashboards.' })
  @Unique()
  prefix!: string;

  /** SHA-256 (hex) of the whole key; the gateway looks keys up by it. Never exposed. */
  @Property({ type: 'string', length: 64 })
  @Unique()
  secretHash!: string;

  @Field(() => [String], { description: 'Scopes the key\'s requests carry (with the PARTNER role).' })
  @Property({ type: 'json' })
  scopes: string[] = [];

  @DateColumn({ nullable: true, description: 'After this instant the key is refused; null: it does not expire.' })
  expiresAt: Date | null = null;

  @DateColumn({ nullable: true, description: 'When the key was revoked; a revoked key is refused.' })
  revokedAt: Date | null = null;

  @DateColumn({ nullable: true, description: 'The last request made with the key, recorded at most about once a minute.' })
  lastUsedAt: Date | null = null;

  /** The key a rotation made in this one's place; a key is rotated once (never exposed). */
  @Property({ type: 'uuid', nullable: true })
  replacedById: string | null = null;

  @DateColumn()
  createdAt: Date = new Date();
}
