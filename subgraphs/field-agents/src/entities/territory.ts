import { randomUUID } from 'node:crypto';
import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** An area of field sales: its agents, the customers assigned to it and the manager responsible. */
@ObjectType({ description: 'An area of field sales: its agents, its customers and the manager responsible for it.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'territory' })
export class Territory {
  [OptionalProps]?: 'managerSubject' | 'createdAt' | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'Short unique code, e.g. "BER".' })
  @Property({ type: 'string', length: 32 })
  @Unique()
  code!: string;

  @Field()
  @Property({ type: 'string', length: 120 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The auth subject of the MANAGER responsible: that manager sees this territory\'s agents, visits and performance.' })
  @Property({ type: 'string', length: 200, nullable: true })
  @Index()
  managerSubject: string | null = null;

  @Field(() => Date)
  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: 'Date', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
