import { auditSource } from '@tradegraph/kit';
import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@tradegraph/kit';
import { ApiKey, Partner } from '../entities';
import { ApiKeyUseInput, CreateApiKeyInput } from '../inputs/partner-inputs';
import { apiKeysByPartner, partnerById } from '../loaders';
import { ApiKeyService, MAX_ROTATION_OVERLAP_SECONDS, type Grant, type IssuedKey } from '../services/api-keys';
import { ApiKeyGrant, CreatedApiKey } from './types';

const service = (ctx: SubgraphContext) => new ApiKeyService(ctx.em, auditSource(ctx));

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Query(() => [ApiKey], { description: 'A partner\'s keys, newest first. Secrets and their hashes are never readable. ADMIN.' })
  apiKeys(@Arg('partnerId', () => ID) partnerId: string, @Ctx() ctx: SubgraphContext): Promise<ApiKey[]> {
    return ctx.loaders.get(apiKeysByPartner).load(partnerId);
  }

  @FieldResolver(() => Partner, { nullable: true })
  partner(@Root() key: ApiKey, @Ctx() ctx: SubgraphContext): Promise<Partner | null> {
    return ctx.loaders.get(partnerById).load(key.partnerId);
  }

  @Mutation(() => CreatedApiKey, { description: 'Makes a key for a partner and returns its secret, once. ADMIN.' })
  createApiKey(@Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() ctx: SubgraphContext): Promise<IssuedKey> {
    return service(ctx).create(input);
  }

  @Mutation(() => ApiKey, { description: 'Refuses the key from now on, on every gateway within seconds. ADMIN.' })
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<ApiKey> {
    return service(ctx).revoke(id);
  }

  @Mutation(() => CreatedApiKey, {
    description: `A new key with the same scopes, its secret returned once; the old key keeps working for overlapSeconds (0 to ${MAX_ROTATION_OVERLAP_SECONDS}), then expires. A key is rotated once (CONFLICT when it is revoked, expired or already rotated: rotate its replacement). ADMIN.`,
  })
  rotateApiKey(
    @Arg('id', () => ID) id: string,
    @Arg('overlapSeconds', () => Int, { defaultValue: 3600 }) overlapSeconds: number,
    @Arg('expiresAt', () => Date, { nullable: true, description: 'When the new key expires; null: never.' }) expiresAt: Date | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<IssuedKey> {
    return service(ctx).rotate(id, overlapSeconds, expiresAt ?? null);
  }

  @Query(() => ApiKeyGrant, { nullable: true, description: 'What the key with this SHA-256 grants; null when unknown, revoked, expired or its partner suspended. SERVICE (the gateway).' })
  @Directive('@inaccessible')
  apiKeyGrant(@Arg('secretHash', () => String) secretHash: string, @Ctx() ctx: SubgraphContext): Promise<Grant | null> {
    return service(ctx).grant(secretHash);
  }

  @Mutation(() => Int, { description: 'Records when keys were last used; returns how many moved. SERVICE (the gateway).' })
  @Directive('@inaccessible')
  recordApiKeyUse(@Arg('uses', () => [ApiKeyUseInput]) uses: ApiKeyUseInput[], @Ctx() ctx: SubgraphContext): Promise<number> {
    return service(ctx).recordUse(uses);
  }
}
