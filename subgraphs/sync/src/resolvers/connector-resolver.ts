import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertUuid, badInput, type SubgraphContext, auditSource } from '@tradegraph/kit';
import { Connector, ConnectorHealth } from '../entities';
import { CreateConnectorInput, UpdateConnectorInput } from '../inputs/connector-inputs';
import { connectorById } from '../loaders';
import { isPollingSchedule } from '../services/scheduler';
import { SyncService, type ConnectorFields } from '../services/sync-service';

const service = (ctx: SubgraphContext) => new SyncService(ctx.em, ctx.runtime);

function fieldsOf(input: CreateConnectorInput | UpdateConnectorInput): ConnectorFields {
  if (input.name !== undefined && input.name !== null && !input.name.trim()) throw badInput('input.name', 'must not be empty');
  if (input.pollingSchedule && !isPollingSchedule(input.pollingSchedule)) throw badInput('input.pollingSchedule', 'must be 1m, 5m, 15m, 30m or a valid five-field cron expression (UTC), e.g. "*/10 * * * *"');
  // A CSV_FILE connector's "base URL" is its watched directory: an absolute path or a file: URL.
  if (input.baseUrl && !input.baseUrl.startsWith('/')) {
    try {
      new URL(input.baseUrl);
    } catch {
      throw badInput('input.baseUrl', 'must be an absolute URL (or, for CSV_FILE, an absolute directory path)');
    }
  }
  const fields: ConnectorFields = {};
  for (const [key, value] of Object.entries(input)) if (value !== null && value !== undefined) (fields as Record<string, unknown>)[key] = value;
  if (input.credentials) fields.credentials = Object.fromEntries(Object.entries(input.credentials).filter(([, value]) => value !== null && value !== undefined));
  return fields;
}

@Resolver(() => Connector)
export class ConnectorResolver {
  @Query(() => [Connector], { description: 'Every connector, by name.' })
  connectors(@Ctx() ctx: SubgraphContext): Promise<Connector[]> {
    return service(ctx).connectors();
  }

  @Query(() => Connector, { nullable: true })
  connector(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Connector | null> {
    assertUuid(id, 'id');
    return ctx.loaders.get(connectorById).load(id);
  }

  @FieldResolver(() => ConnectorHealth)
  health(@Root() connector: Connector): ConnectorHealth {
    return { lastSuccessAt: connector.lastSuccessAt, lastError: connector.lastError, consecutiveFailures: connector.consecutiveFailures };
  }

  @FieldResolver(() => Boolean, { description: 'Whether credentials are stored; they are never returned.' })
  hasCredentials(@Root() connector: Connector): boolean {
    return connector.credentialsCiphertext !== null;
  }

  @Mutation(() => Connector)
  createConnector(@Arg('input', () => CreateConnectorInput) input: CreateConnectorInput, @Ctx() ctx: SubgraphContext): Promise<Connector> {
    return service(ctx).createConnector(fieldsOf(input) as Parameters<SyncService['createConnector']>[0], auditSource(ctx));
  }

  @Mutation(() => Connector)
  updateConnector(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateConnectorInput) input: UpdateConnectorInput, @Ctx() ctx: SubgraphContext): Promise<Connector> {
    assertUuid(id, 'id');
    return service(ctx).updateConnector(id, fieldsOf(input), auditSource(ctx));
  }

  @Mutation(() => Connector, { description: 'Stops starting runs; queued runs wait for resumeConnector.' })
  pauseConnector(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Connector> {
    assertUuid(id, 'id');
    return service(ctx).pauseConnector(id, auditSource(ctx));
  }

  @Mutation(() => Connector)
  resumeConnector(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Connector> {
    assertUuid(id, 'id');
    return service(ctx).resumeConnector(id, auditSource(ctx));
  }
}
