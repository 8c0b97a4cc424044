import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ObjectType } from 'type-graphql';
import { DateColumn, EnumColumn, IdColumn, StringColumn, UpdatedAtColumn, type EnumValue, graphqlEnum } from '@tradegraph/kit';
import { Territory } from './territory';

export const AgentStatus = graphqlEnum('AgentStatus', ['ACTIVE', 'INACTIVE'], { description: 'An INACTIVE agent keeps its history but gets no new visits and sees no customers.' });
export type AgentStatus = EnumValue<typeof AgentStatus>;

@ObjectType({ description: 'The vehicle an agent drives.' })
export class Vehicle {
  @Field({ description: 'e.g. "VAN", "CAR", "BIKE".' })
  type!: string;

  @Field()
  registration!: string;
}

@ObjectType({ description: 'A field sales agent, working one territory.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'field_agent' })
@Index({ properties: ['name', 'id'] })
@Index({ properties: ['territoryId', 'name', 'id'] })
export class FieldAgent {
  [OptionalProps]?: 'phone' | 'vehicleType' | 'vehicleRegistration' | 'status' | 'subject' | 'createdAt' | 'updatedAt' | 'vehicle';

  @IdColumn()
  id: string = randomUUID();

  @StringColumn(40, { description: 'The HR number, unique.' })
  @Unique()
  employeeId!: string;

  @StringColumn(200)
  name!: string;

  @StringColumn(254)
  email!: string;

  @StringColumn(40, { nullable: true })
  phone: string | null = null;

  @ManyToOne(() => Territory, { mapToPk: true, fieldName: 'territory_id' })
  territoryId!: string;

  @Property({ type: 'string', length: 40, nullable: true })
  vehicleType: string | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  vehicleRegistration: string | null = null;

  @EnumColumn(() => AgentStatus)
  status: AgentStatus = AgentStatus.ACTIVE;

  @StringColumn(200, { nullable: true, description: 'The auth subject the agent\'s tokens carry; how `myAgent` finds this record.' })
  @Unique()
  subject: string | null = null;

  @DateColumn()
  createdAt: Date = new Date();

  @UpdatedAtColumn()
  updatedAt: Date = new Date();

  @Field(() => Vehicle, { nullable: true })
  get vehicle(): Vehicle | null {
    return this.vehicleType && this.vehicleRegistration ? { type: this.vehicleType, registration: this.vehicleRegistration } : null;
  }
}

/** Which territory (and, optionally, which agent) a customer of the customers subgraph belongs to. */
@Entity({ tableName: 'customer_assignment' })
export class CustomerAssignment {
  [OptionalProps]?: 'agentId' | 'assignedAt';

  /** The customers subgraph's Customer id; one assignment per customer. */
  @PrimaryKey({ type: 'uuid' })
  customerId!: string;

  @ManyToOne(() => Territory, { mapToPk: true, fieldName: 'territory_id', index: true })
  territoryId!: string;

  @ManyToOne(() => FieldAgent, { mapToPk: true, fieldName: 'agent_id', nullable: true, index: true })
  agentId: string | null = null;

  @Property({ type: 'Date', onUpdate: () => new Date() })
  assignedAt: Date = new Date();
}
