import { randomUUID } from 'node:crypto';
import { Entity, Index, OptionalProps, Unique } from '@mikro-orm/core';
import { Directive, ObjectType } from 'type-graphql';
import { BooleanColumn, DateColumn, IdColumn, IntColumn, StringColumn, TextColumn } from '@tradegraph/kit';

@ObjectType({ description: 'A place that holds stock. Reservations draw from active warehouses, lowest priority first.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'warehouse' })
@Index({ properties: ['priority', 'code'] })
export class Warehouse {
  [OptionalProps]?: 'createdAt' | 'active' | 'address' | 'priority';

  @IdColumn()
  id: string = randomUUID();

  @StringColumn(32, { description: 'Short unique code, e.g. "BER-1"; what bulk stock sync refers to.' })
  @Unique()
  code!: string;

  @StringColumn(120)
  name!: string;

  @TextColumn({ nullable: true })
  address: string | null = null;

  @BooleanColumn({ description: 'Inactive warehouses keep their stock but are never allocated from and refuse stock changes.' })
  active: boolean = true;

  @IntColumn({ description: 'Allocation preference: the lower the number, the earlier the warehouse is drawn from.' })
  priority: number = 100;

  @DateColumn()
  createdAt: Date = new Date();
}
