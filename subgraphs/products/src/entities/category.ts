import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique, OptionalProps } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A node in the catalog's category tree. */
@ObjectType({ description: 'A node in the catalog\'s category tree.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'category' })
export class Category {
  [OptionalProps]?: 'createdAt' | 'parentId';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field()
  @Property({ type: 'string', length: 120 })
  name!: string;

  @Field({ description: 'URL-safe unique name, e.g. "power-tools".' })
  @Property({ type: 'string', length: 120 })
  @Unique()
  slug!: string;

  @ManyToOne(() => Category, { nullable: true, mapToPk: true, fieldName: 'parent_id', deleteRule: 'restrict' })
  @Index()
  parentId: string | null = null;

  @Field(() => Date)
  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
