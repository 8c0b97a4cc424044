import { ArrayMaxSize, IsNumber, IsOptional, IsUrl, IsUUID, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { OptionalIdField, OptionalTextField } from '@tradegraph/kit';
import { VisitStatus, VisitType } from '../entities';

@InputType({ description: 'A visit to plan. An AGENT plans for itself; staff name the agent.' })
export class PlanVisitInput {
  @Field(() => ID, { nullable: true, description: 'Required for staff; an AGENT caller plans for itself (another id is refused).' })
  @IsOptional()
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

  @Field(() => Float, { nullable: true })
  @IsOptional()
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

  @Field(() => [String], { nullable: true })
  @IsOptional()
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

  @Field(() => [VisitStatus], { nullable: true })
  @IsOptional()
  status?: VisitStatus[] | null;

  @Field(() => Date, { nullable: true, description: 'Scheduled at or after.' })
  @IsOptional()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Scheduled before.' })
  @IsOptional()
  to?: Date | null;
}
