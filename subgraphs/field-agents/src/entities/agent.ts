import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Territory } from './territory';

/** Whether an agent works; an INACTIVE agent keeps its history but gets no new visits and sees no customers. */
export enum AgentStatus {
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
}
registerEnumType(AgentStatus, { name: 'AgentStatus', description: 'An INACTIVE agent keeps its history but gets no new visits and sees no customers.' });

/** The vehicle an agent drives. */
@ObjectType({ description: 'The vehicle an agent drives.' })
export class Vehicle {
  @Field({ description: 'e.g. "VAN", "CAR", "BIKE".' })
  type!: string;

  @Field()
  registration!: string;
}

/** A field sales agent, working one territory. */
@ObjectType({ description: 'A field sales agent, working one territory.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'field_agent' })
@Index({ properties: ['name', 'id'] })
@Index({ properties: ['territoryId', 'name', 'id'] })
export class FieldAgent {
  [OptionalProps]?: 'phone' | 'vehicleType' | 'vehicleRegistration' | 'status' | 'subject' | 'createdAt' | 'updatedAt' | 'vehicle';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'The HR number, unique.' })
  @Property({ type: 'string', length: 40 })
  @Unique()
  employeeId!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field()
  @Property({ type: 'string', length: 254 })
  email!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 40, nullable: true })
  phone: string | null = null;

  @ManyToOne(() => Territory, { mapToPk: true, fieldName: 'territory_id' })
  territoryId!: string;

  @Property({ type: 'string', length: 40, nullable: true })
  vehicleType: string | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  vehicleRegistration: string | null = null;

  @Field(() => AgentStatus)
  @Enum({ items: () => AgentStatus })
  status: AgentStatus = AgentStatus.ACTIVE;

  @Field(() => String, { nullable: true, description: 'The auth subject the agent\'s tokens carry; how `myAgent` finds this record.' })
  @Property({ type: 'string', length: 200, nullable: true })
  @Unique()
  subject: string | null = null;

  @Field(() => Date)
  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: 'Date', onUpdate: () => new Date() })
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
