// Written by scripts/migration.ts: every migration of this subgraph, in the order they apply.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122024705 as M0 } from './Migration20261122024705';

export const migrations: MigrationObject[] = [
  { name: 'Migration20261122024705', class: M0 },
];
