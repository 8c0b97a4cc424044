import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, type ConnectionPage, type SubgraphContext, auditSource } from '@tradegraph/kit';
import { ApiKey, Partner, PartnerStatusChange } from '../entities';
import { CreatePartnerInput, UpdatePartnerInput } from '../inputs/partner-inputs';
import { apiKeysByPartner, partnerById, statusHistoryByPartner } from '../loaders';
import { PartnerService } from '../services/partners';
import { PartnerConnection } from './types';

const service = (ctx: SubgraphContext) => new PartnerService(ctx.em, auditSource(ctx));

@Resolver(() => Partner)
export class PartnerResolver {
  @Query(() => Partner, { nullable: true, description: 'One partner; null when unknown. ADMIN.' })
  partner(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Partner | null> {
    return ctx.loaders.get(partnerById).load(id);
  }

  @Query(() => PartnerConnection, { description: 'Partners by name, as a keyset-paginated connection. ADMIN.' })
  partners(
    @Ctx() ctx: SubgraphContext,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ConnectionPage<Partner>> {
    return service(ctx).list(page);
  }

  @FieldResolver(() => [ApiKey], { description: 'The partner\'s keys, newest first, revoked and expired ones included.' })
  apiKeys(@Root() partner: Partner, @Ctx() ctx: SubgraphContext): Promise<ApiKey[]> {
    return ctx.loaders.get(apiKeysByPartner).load(partner.id);
  }

  @FieldResolver(() => [PartnerStatusChange], { description: 'Every status move, oldest first.' })
  statusHistory(@Root() partner: Partner, @Ctx() ctx: SubgraphContext): Promise<PartnerStatusChange[]> {
    return ctx.loaders.get(statusHistoryByPartner).load(partner.id);
  }

  @Mutation(() => Partner, { description: 'Creates an ACTIVE partner. ADMIN.' })
  createPartner(@Arg('input', () => CreatePartnerInput) input: CreatePartnerInput, @Ctx() ctx: SubgraphContext): Promise<Partner> {
    return service(ctx).create(input);
  }

  @Mutation(() => Partner, { description: 'Changes a partner (name, status, trusted documents, rate limits). ADMIN.' })
  updatePartner(@Arg('id', () => ID) id: string, @Arg('input', () => UpdatePartnerInput) input: UpdatePartnerInput, @Ctx() ctx: SubgraphContext): Promise<Partner> {
    return service(ctx).update(id, input);
  }
}
