import { randomUUID } from 'node:crypto';
import { Entity, Index, OptionalProps, Unique } from '@mikro-orm/core';
import { Directive, ObjectType } from 'type-graphql';
import { DateColumn, IdColumn, StringColumn, UpdatedAtColumn } from '@tradegraph/kit';

@ObjectType({ description: 'An area of field sales: its agents, its customers and the manager responsible for it.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'territory' })
export class Territory {
  [OptionalProps]?: 'managerSubject' | 'createdAt' | 'updatedAt';

  @IdColumn()
  id: string = randomUUID();

  @StringColumn(32, { description: 'Short unique code, e.g. "BER".' })
  @Unique()
  code!: string;

  @StringColumn(120)
  name!: string;

  @StringColumn(200, { nullable: true, description: 'The auth subject of the MANAGER responsible: that manager sees this territory\'s agents, visits and performance.' })
  @Index()
  managerSubject: string | null = null;

  @DateColumn()
  createdAt: Date = new Date();

  @UpdatedAtColumn()
  updatedAt: Date = new Date();
}
