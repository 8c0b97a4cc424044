// Written by scripts/migration.ts: every migration of this subgraph, in the order they apply.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122023221 as M0 } from './Migration20261122023221';
import { Migration20261201020604_search as M1 } from './Migration20261201020604_search';

export const migrations: MigrationObject[] = [
  { name: 'Migration20261122023221', class: M0 },
  { name: 'Migration20261201020604_search', class: M1 },
];
