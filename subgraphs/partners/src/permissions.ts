import { requireRole, Role } from '@tradegraph/kit';

/** Partners and their keys are ADMIN's business alone. */
const admins = requireRole(Role.ADMIN);
/** The gateway asks, as SERVICE, what a key grants and reports when keys were used. */
const gateway = requireRole(Role.SERVICE);

/** Who may do what in the partners subgraph. Anything not listed is denied; a key's hash is no field at all. */
export const permissions = {
  Query: {
    partner: admins,
    partners: admins,
    apiKeys: admins,
    apiKeyGrant: gateway,
  },
  Mutation: {
    createPartner: admins,
    updatePartner: admins,
    createApiKey: admins,
    revokeApiKey: admins,
    rotateApiKey: admins,
    recordApiKeyUse: gateway,
  },
  Partner: admins,
  PartnerStatusChange: admins,
  ApiKey: admins,
  CreatedApiKey: admins,
  ApiKeyGrant: gateway,
};
