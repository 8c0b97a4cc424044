export * from './partner';
export * from './api-key';

import { OutboxEvent } from '@tradegraph/kit';
import { ApiKey } from './api-key';
import { Partner, PartnerStatusChange } from './partner';

/** Every MikroORM entity of the partners subgraph (OutboxEvent turns on the event relay). */
export const entities = [Partner, PartnerStatusChange, ApiKey, OutboxEvent];
