import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Connection, ForwardPageArgs, type ConnectionPage, type SubgraphContext } from '@tradegraph/kit';
import { AuditActor, AuditEntry } from '../entities';
import { AuditLogFilter } from '../inputs/audit-log-filter';
import { AuditLogService } from '../services/audit-log';

export const AuditEntryConnection = Connection('AuditEntry', AuditEntry);

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: 'The audit log, newest first, as a keyset-paginated connection. ADMIN.' })
  auditLog(
    @Ctx() ctx: SubgraphContext,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
    @Arg('filter', () => AuditLogFilter, { nullable: true }) filter?: AuditLogFilter | null,
  ): Promise<ConnectionPage<AuditEntry>> {
    return new AuditLogService(ctx.em).list(filter, page);
  }

  @FieldResolver(() => AuditActor)
  actor(@Root() entry: AuditEntry): AuditActor {
    return { subject: entry.actorSubject, role: entry.actorRole };
  }
}
