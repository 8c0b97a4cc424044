// Written by scripts/migration.ts: every migration of this subgraph, in the order they apply.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122031014 as M0 } from './Migration20261122031014';

export const migrations: MigrationObject[] = [
  { name: 'Migration20261122031014', class: M0 },
];
