import { randomUUID } from 'node:crypto';
import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** A place that holds stock. Reservations draw from active warehouses, lowest `priority` first. */
@ObjectType({ description: 'A place that holds stock. Reservations draw from active warehouses, lowest priority first.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'warehouse' })
@Index({ properties: ['priority', 'code'] })
export class Warehouse {
  [OptionalProps]?: 'createdAt' | 'active' | 'address' | 'priority';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'Short unique code, e.g. "BER-1"; what bulk stock sync refers to.' })
  @Property({ type: 'string', length: 32 })
  @Unique()
  code!: string;

  @Field()
  @Property({ type: 'string', length: 120 })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  address: string | null = null;

  @Field({ description: 'Inactive warehouses keep their stock but are never allocated from and refuse stock changes.' })
  @Property({ type: 'boolean' })
  active: boolean = true;

  @Field(() => Int, { description: 'Allocation preference: the lower the number, the earlier the warehouse is drawn from.' })
  @Property({ type: 'integer' })
  priority: number = 100;

  @Field(() => Date)
  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
