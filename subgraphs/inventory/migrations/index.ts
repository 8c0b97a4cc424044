// Written by scripts/migration.ts: every migration of this subgraph, in the order they apply.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122024705 as M0 } from './Migration20261122024705';
import { Migration20261201051955_outbox_trace_parent as M1 } from './Migration20261201051955_outbox_trace_parent';
import { Migration20261201095843_partial_shipments as M2 } from './Migration20261201095843_partial_shipments';
import { Migration20261201110500_reservation_confirmed as M3 } from './Migration20261201110500_reservation_confirmed';

export const migrations: MigrationObject[] = [
  { name: 'Migration20261122024705', class: M0 },
  { name: 'Migration20261201051955_outbox_trace_parent', class: M1 },
  { name: 'Migration20261201095843_partial_shipments', class: M2 },
  { name: 'Migration20261201110500_reservation_confirmed', class: M3 },
];
