import { ArrayMaxSize, IsOptional, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { Directive, Field, ID, InputType, Int } from 'type-graphql';
import { OptionalField, OptionalTextField } from '@tradegraph/kit';
import { PartnerStatus } from '../entities';

/** A scope is a plain lowercase name such as `catalog:read`. */
const SCOPE = /^[a-z][a-z0-9_.:-]{0,63}$/;
const MAX_PER_MINUTE = 10_000_000;

@InputType({ description: 'A new partner; it starts ACTIVE.' })
export class CreatePartnerInput {
  @Field()
  @Length(1, 200)
  name!: string;

  @OptionalField(() => Boolean, { description: 'Default false.' })
  trustedDocumentsOnly?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Null: the gateway\'s default.' })
  @IsOptional()
  @Min(1)
  @Max(MAX_PER_MINUTE)
  requestsPerMinute?: number | null;

  @Field(() => Int, { nullable: true, description: 'Null: the gateway\'s default.' })
  @IsOptional()
  @Min(1)
  @Max(MAX_PER_MINUTE)
  costPerMinute?: number | null;
}

@InputType({ description: 'Changes to a partner; fields left out stay as they are, a null rate-limit override returns to the gateway\'s default.' })
export class UpdatePartnerInput {
  @OptionalTextField(200, { minLength: 1 })
  name?: string | null;

  @OptionalField(() => PartnerStatus, { description: 'SUSPENDED refuses every key of the partner (within seconds, on every gateway); ACTIVE lets them in again.' })
  status?: PartnerStatus | null;

  @OptionalField(() => Boolean)
  trustedDocumentsOnly?: boolean | null;

  @OptionalField(() => Int)
  @Min(1)
  @Max(MAX_PER_MINUTE)
  requestsPerMinute?: number | null;

  @OptionalField(() => Int)
  @Min(1)
  @Max(MAX_PER_MINUTE)
  costPerMinute?: number | null;
}

@InputType({ description: 'A new API key of a partner.' })
export class CreateApiKeyInput {
  @Field(() => ID)
  @IsUUID()
  partnerId!: string;

  @Field(() => [String], { nullable: true, description: 'Scopes the key\'s requests carry, e.g. "catalog:read" (at most 20).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(SCOPE, { each: true, message: 'scopes must be lowercase names such as "catalog:read"' })
  scopes?: string[] | null;

  @OptionalField(() => Date, { description: 'When the key stops working; must be in the future. Null: never.' })
  expiresAt?: Date | null;
}

@InputType({ description: 'That a key was used (sent by the gateway).' })
@Directive('@inaccessible')
export class ApiKeyUseInput {
  @Field(() => ID)
  @IsUUID()
  keyId!: string;

  @Field(() => Date)
  usedAt!: Date;
}
