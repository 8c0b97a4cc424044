import { IsEmail, IsUUID, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CodeField, OptionalCodeField, OptionalField, OptionalIdField, OptionalTextField } from '@tradegraph/kit';
import { AgentStatus } from '../entities';

@InputType({ description: 'A new territory.' })
export class CreateTerritoryInput {
  @CodeField(32)
  code!: string;

  @Field()
  @Length(1, 120)
  name!: string;

  @OptionalTextField(200, { minLength: 1, description: 'The auth subject of the responsible MANAGER.' })
  managerSubject?: string | null;
}

@InputType({ description: 'Changes to a territory; fields left out stay as they are.' })
export class UpdateTerritoryInput {
  @OptionalCodeField(32)
  code?: string | null;

  @OptionalTextField(120, { minLength: 1 })
  name?: string | null;

  @OptionalTextField(200, { minLength: 1, description: 'null clears it.' })
  managerSubject?: string | null;
}

@InputType()
export class VehicleInput {
  @Field()
  @Length(1, 40)
  type!: string;

  @Field()
  @Length(1, 20)
  registration!: string;
}

@InputType({ description: 'A new field agent, ACTIVE unless said otherwise.' })
export class CreateAgentInput {
  @Field()
  @Length(1, 40)
  employeeId!: string;

  @Field()
  @Length(1, 200)
  name!: string;

  @Field()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @OptionalTextField(40, { minLength: 3 })
  phone?: string | null;

  @Field(() => ID)
  @IsUUID('all', { message: 'territoryId must be an id (UUID)' })
  territoryId!: string;

  @OptionalField(() => VehicleInput)
  vehicle?: VehicleInput | null;

  @OptionalField(() => AgentStatus)
  status?: AgentStatus | null;

  @OptionalTextField(200, { minLength: 1, description: 'The auth subject of the agent\'s tokens (unique).' })
  subject?: string | null;
}

@InputType({ description: 'Changes to an agent; fields left out stay as they are, null clears an optional one.' })
export class UpdateAgentInput {
  @OptionalTextField(40, { minLength: 1 })
  employeeId?: string | null;

  @OptionalTextField(200, { minLength: 1 })
  name?: string | null;

  @OptionalField(() => String)
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @OptionalTextField(40, { minLength: 3 })
  phone?: string | null;

  @OptionalField(() => ID)
  @IsUUID('all', { message: 'territoryId must be an id (UUID)' })
  territoryId?: string | null;

  @OptionalField(() => VehicleInput)
  vehicle?: VehicleInput | null;

  @OptionalField(() => AgentStatus)
  status?: AgentStatus | null;

  @OptionalTextField(200, { minLength: 1 })
  subject?: string | null;
}

@InputType({ description: 'Narrows an agent list; all given conditions must hold.' })
export class AgentFilter {
  @OptionalIdField()
  territoryId?: string | null;

  @OptionalField(() => AgentStatus)
  status?: AgentStatus | null;

  @OptionalTextField(200, { description: 'Matches name, employee id or email (case-insensitive substring).' })
  text?: string | null;
}
