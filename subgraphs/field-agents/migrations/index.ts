// Written by scripts/migration.ts: every migration of this subgraph, in the order they apply.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122031014 as M0 } from './Migration20261122031014';
import { Migration20261201052007_outbox_trace_parent as M1 } from './Migration20261201052007_outbox_trace_parent';

export const migrations: MigrationObject[] = [
  { name: 'Migration20261122031014', class: M0 },
  { name: 'Migration20261201052007_outbox_trace_parent', class: M1 },
];
