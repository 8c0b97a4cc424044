import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '@tradegraph/kit';
import { ApiKey, Partner } from '../entities';

export const PartnerConnection = Connection('Partner', Partner);

@ObjectType({ description: 'A key just made: the secret is shown here once and cannot be read again.' })
export class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey!: ApiKey;

  @Field({ description: 'The whole key ("tgk_…"). Store it now: only its hash is kept.' })
  secret!: string;
}

@ObjectType({ description: 'What a valid API key lets its holder do, as the gateway needs it.' })
@Directive('@inaccessible')
export class ApiKeyGrant {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => ID)
  keyId!: string;

  @Field()
  keyPrefix!: string;

  @Field(() => [String])
  scopes!: string[];

  @Field()
  trustedDocumentsOnly!: boolean;

  @Field(() => Int, { nullable: true })
  requestsPerMinute!: number | null;

  @Field(() => Int, { nullable: true })
  costPerMinute!: number | null;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;
}
