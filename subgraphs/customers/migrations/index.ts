// Written by scripts/migration.ts: every migration of this subgraph, in the order they apply.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122023224 as M0 } from './Migration20261122023224';
import { Migration20261201102000_outbox_version as M1 } from './Migration20261201102000_outbox_version';

export const migrations: MigrationObject[] = [
  { name: 'Migration20261122023224', class: M0 },
  { name: 'Migration20261201102000_outbox_version', class: M1 },
];
