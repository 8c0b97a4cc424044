import { GraphQLJSON } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import { ConflictPolicy, DeletionPolicy, ExternalSystem, SyncDirection, SyncEntity, SyncMode } from '../entities';

@InputType({ description: 'The credentials of a connector: write-only, stored encrypted.' })
export class ConnectorCredentialsInput {
  @Field(() => String, { nullable: true, description: 'Shopify, NetSuite, Dynamics 365, REST: the API (bearer) token.' })
  accessToken?: string | null;

  @Field(() => String, { nullable: true, description: 'The secret webhook signatures are made with.' })
  webhookSecret?: string | null;

  @Field(() => String, { nullable: true, description: 'SAP Business One: the Service Layer user.' })
  userName?: string | null;

  @Field(() => String, { nullable: true, description: 'SAP Business One: the Service Layer password.' })
  password?: string | null;

  @Field(() => String, { nullable: true, description: 'SAP Business One: the company database (CompanyDB).' })
  companyDb?: string | null;

  @Field(() => String, { nullable: true, description: 'Dynamics 365 Business Central: the company id, unless the field mapping names it.' })
  companyId?: string | null;

  @Field(() => String, { nullable: true, description: 'REST: an API key, sent in `apiKeyHeader` instead of a bearer token.' })
  apiKey?: string | null;

  @Field(() => String, { nullable: true, description: 'REST: the header the API key goes in (e.g. X-Api-Key).' })
  apiKeyHeader?: string | null;
}

@InputType()
export class CreateConnectorInput {
  @Field()
  name!: string;

  @Field(() => ExternalSystem)
  system!: ExternalSystem;

  @Field(() => SyncDirection)
  direction!: SyncDirection;

  @Field(() => [SyncEntity])
  entities!: SyncEntity[];

  @Field(() => SyncMode)
  mode!: SyncMode;

  @Field(() => String, { nullable: true })
  pollingSchedule?: string | null;

  @Field(() => String, { nullable: true })
  baseUrl?: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  fieldMapping?: Record<string, unknown> | null;

  @Field(() => ConflictPolicy, { defaultValue: ConflictPolicy.SOURCE_WINS })
  conflictPolicy!: ConflictPolicy;

  @Field(() => DeletionPolicy, { defaultValue: DeletionPolicy.IGNORE, description: 'What a record deleted or made inactive at the source becomes.' })
  deletions!: DeletionPolicy;

  @Field(() => ConnectorCredentialsInput, { nullable: true })
  credentials?: ConnectorCredentialsInput | null;
}

@InputType({ description: 'What to change; omitted fields stay. `credentials` replaces them whole.' })
export class UpdateConnectorInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => SyncDirection, { nullable: true })
  direction?: SyncDirection | null;

  @Field(() => [SyncEntity], { nullable: true })
  entities?: SyncEntity[] | null;

  @Field(() => SyncMode, { nullable: true })
  mode?: SyncMode | null;

  @Field(() => String, { nullable: true })
  pollingSchedule?: string | null;

  @Field(() => String, { nullable: true })
  baseUrl?: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  fieldMapping?: Record<string, unknown> | null;

  @Field(() => ConflictPolicy, { nullable: true })
  conflictPolicy?: ConflictPolicy | null;

  @Field(() => DeletionPolicy, { nullable: true })
  deletions?: DeletionPolicy | null;

  @Field(() => ConnectorCredentialsInput, { nullable: true })
  credentials?: ConnectorCredentialsInput | null;
}

