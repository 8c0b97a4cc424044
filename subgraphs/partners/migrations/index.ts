// Written by scripts/migration.ts: every migration of this subgraph, in the order they apply.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261130163025 as M0 } from './Migration20261130163025';

export const migrations: MigrationObject[] = [
  { name: 'Migration20261130163025', class: M0 },
];
