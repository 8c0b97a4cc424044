import { groupLoader, uuidLoader, type SubgraphContext } from '@tradegraph/kit';
import { ApiKey, Partner, PartnerStatusChange } from './entities';
import { ApiKeyService } from './services/api-keys';

/** The partners subgraph's DataLoaders: one SQL statement per batch, one instance per request. */

export const partnerById = ({ em }: SubgraphContext) =>
  uuidLoader((ids) => em.find(Partner, { id: { $in: [...ids] } }), (p) => p.id);

export const apiKeyById = ({ em }: SubgraphContext) =>
  uuidLoader((ids) => em.find(ApiKey, { id: { $in: [...ids] } }), (k) => k.id);

export const apiKeysByPartner = ({ em }: SubgraphContext) =>
  groupLoader((ids: readonly string[]) => new ApiKeyService(em, null).listByPartners(ids), (k) => k.partnerId);

export const statusHistoryByPartner = ({ em }: SubgraphContext) =>
  groupLoader(
    (ids: readonly string[]) => em.find(PartnerStatusChange, { partnerId: { $in: [...ids] } }, { orderBy: { id: 'asc' } }),
    (c) => c.partnerId,
  );
