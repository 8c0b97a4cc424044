// Written by scripts/migration.ts: every migration of this subgraph, in the order they apply.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122023221 as M0 } from './Migration20261122023221';
import { Migration20261201020604_search as M1 } from './Migration20261201020604_search';
import { Migration20261201102000_outbox_version as M2 } from './Migration20261201102000_outbox_version';
import { Migration20261201103000_search_walk as M3 } from './Migration20261201103000_search_walk';

export const migrations: MigrationObject[] = [
  { name: 'Migration20261122023221', class: M0 },
  { name: 'Migration20261201020604_search', class: M1 },
  { name: 'Migration20261201102000_outbox_version', class: M2 },
  { name: 'Migration20261201103000_search_walk', class: M3 },
];
