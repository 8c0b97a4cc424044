import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { OptionalField, OptionalTextField } from '@tradegraph/kit';

@InputType({ description: 'Which audit entries to list; the conditions given all apply.' })
export class AuditLogFilter {
  @OptionalTextField(100, { description: 'The GraphQL type changed, e.g. Product.' })
  entity?: string | null;

  @Field(() => ID, { nullable: true, description: 'The changed record\'s id.' })
  @IsOptional()
  @MaxLength(100)
  entityId?: string | null;

  @OptionalTextField(200, { description: 'The subject of the caller who made the change.' })
  actor?: string | null;

  @OptionalField(() => Date, { description: 'Occurred at or after.' })
  from?: Date | null;

  @OptionalField(() => Date, { description: 'Occurred before.' })
  to?: Date | null;
}
