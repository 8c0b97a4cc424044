export * from './partner';
export * from './api-key';

import { ApiKey } from './api-key';
import { Partner, PartnerStatusChange } from './partner';

/** Every MikroORM entity of the partners subgraph. */
export const entities = [Partner, PartnerStatusChange, ApiKey];
