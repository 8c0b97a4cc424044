import { ArrayMaxSize, IsNumber, IsUrl, IsUUID, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { OptionalField, OptionalIdField, OptionalTextField } from '@tradegraph/kit';
import { VisitStatus, VisitType } from '../entities';

@InputType({ description: 'A visit to plan. An AGENT plans for itself; staff name the agent.' })
export class PlanVisitInput {
  @OptionalField(() => ID, { description: 'Required for staff; an AGENT caller plans for itself (another id is refused).' })
  @IsUUID('all', { message: 'agentId must be an id (UUID)' })
  agentId?: string | null;

  @Field(() => ID)
  @IsUUID('all', { message: 'customerId must be an id (UUID)' })
  customerId!: string;

  @Field(() => VisitType)
  type!: VisitType;

  @Field(() => Date)
  scheduledAt!: Date;

  @OptionalTextField(4000)
  notes?: string | null;
}

@InputType({ description: 'A GPS fix from the agent\'s device (WGS 84 degrees).' })
export class GeoFixInput {
  @Field(() => Float)
  @IsNumber()
  @Min(-90)
  @Max(90)
  lat!: number;

  @Field(() => Float)
  @IsNumber()
  @Min(-180)
  @Max(180)
  lng!: number;

  @OptionalField(() => Float)
  @IsNumber()
  @Min(0)
  @Max(100_000)
  accuracyMeters?: number | null;
}

@InputType({ description: 'How the visit ended.' })
export class CompleteVisitInput {
  @Field(() => GeoFixInput)
  checkOut!: GeoFixInput;

  @OptionalTextField(2000)
  outcome?: string | null;

  @OptionalTextField(4000)
  notes?: string | null;

  @OptionalField(() => [String])
  @ArrayMaxSize(20)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { each: true, message: 'photoUrls must be http(s) URLs' })
  photoUrls?: string[] | null;
}

@InputType({ description: 'Narrows a visit list; all given conditions must hold.' })
export class VisitFilter {
  @OptionalIdField()
  agentId?: string | null;

  @OptionalIdField()
  customerId?: string | null;

  @OptionalIdField()
  territoryId?: string | null;

  @OptionalField(() => [VisitStatus])
  status?: VisitStatus[] | null;

  @OptionalField(() => Date, { description: 'Scheduled at or after.' })
  from?: Date | null;

  @OptionalField(() => Date, { description: 'Scheduled before.' })
  to?: Date | null;
}
