import type { SubgraphContext, SubgraphDefinition } from '@tradegraph/kit';
import { migrations } from '../migrations';
import { entities } from './entities';
import { apiKeyById, partnerById } from './loaders';
import { permissions } from './permissions';
import { ApiKeyResolver } from './resolvers/api-key-resolver';
import { PartnerResolver } from './resolvers/partner-resolver';

/** The partners subgraph: partners, their API keys, and the grants the gateway checks keys against. */
export const partnersSubgraph: SubgraphDefinition = {
  name: 'partners',
  entities,
  migrations,
  resolvers: [PartnerResolver, ApiKeyResolver],
  references: {
    Partner: (ref, ctx: SubgraphContext) => ctx.loaders.get(partnerById).load(String(ref.id)),
    ApiKey: (ref, ctx: SubgraphContext) => ctx.loaders.get(apiKeyById).load(String(ref.id)),
  },
  permissions,
};

/** The port partners listens on unless PORT says otherwise (matches supergraph.yaml). */
export const PARTNERS_PORT = 4007;
