// Written by hand in the format of scripts/migration.ts: every migration of this subgraph, in the order they apply.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122040000 as M0 } from './Migration20261122040000';

export const migrations: MigrationObject[] = [
  { name: 'Migration20261122040000', class: M0 },
];
