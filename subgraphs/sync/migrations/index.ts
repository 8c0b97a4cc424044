// Written by scripts/migration.ts: every migration of this subgraph, in the order they apply.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122040000 as M0 } from './Migration20261122040000';
import { Migration20261122044941_conflicts_outbound_events as M1 } from './Migration20261122044941_conflicts_outbound_events';
import { Migration20261201120000_group_checksums as M2 } from './Migration20261201120000_group_checksums';
import { Migration20261201130000_outbound_key_index as M3 } from './Migration20261201130000_outbound_key_index';
import { Migration20261201140000_outbox_trace_parent as M4 } from './Migration20261201140000_outbox_trace_parent';

export const migrations: MigrationObject[] = [
  { name: 'Migration20261122040000', class: M0 },
  { name: 'Migration20261122044941_conflicts_outbound_events', class: M1 },
  { name: 'Migration20261201120000_group_checksums', class: M2 },
  { name: 'Migration20261201130000_outbound_key_index', class: M3 },
  { name: 'Migration20261201140000_outbox_trace_parent', class: M4 },
];
