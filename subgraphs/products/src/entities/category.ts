import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, Unique, OptionalProps } from '@mikro-orm/core';
import { Directive, ObjectType } from 'type-graphql';
import { DateColumn, IdColumn, PUBLIC, StringColumn } from '@tradegraph/kit';

@ObjectType({ description: 'A node in the catalog\'s category tree.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'category' })
export class Category {
  [OptionalProps]?: 'createdAt' | 'parentId';

  @Directive(PUBLIC)
  @IdColumn()
  id: string = randomUUID();

  @Directive(PUBLIC)
  @StringColumn(120)
  name!: string;

  @Directive(PUBLIC)
  @StringColumn(120, { description: 'URL-safe unique name, e.g. "power-tools".' })
  @Unique()
  slug!: string;

  @ManyToOne(() => Category, { nullable: true, mapToPk: true, fieldName: 'parent_id', deleteRule: 'restrict' })
  @Index()
  parentId: string | null = null;

  @DateColumn()
  createdAt: Date = new Date();
}
