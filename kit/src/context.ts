import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from './caller';
import type { LoaderRegistry } from './loaders';
import type { Logger } from './logger';

/** What every resolver of every subgraph receives as its context. */
export interface SubgraphContext {
  /** who is calling, verified from the gateway's signature */
  caller: Caller;
  /** the id that follows this request through the gateway and every subgraph */
  requestId: string;
  /** this request's own EntityManager fork: its identity map dies with the request */
  em: EntityManager;
  /** this request's DataLoaders */
  loaders: LoaderRegistry<SubgraphContext>;
  log: Logger;
}
