// Written by scripts/migration.ts: every migration of this subgraph, in the order they apply.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122040000 as M0 } from './Migration20261122040000';
import { Migration20261122044941_conflicts_outbound_events as M1 } from './Migration20261122044941_conflicts_outbound_events';
import { Migration20261201095940_price_lists_deletions as M2 } from './Migration20261201095940_price_lists_deletions';
import { Migration20261201120000_group_checksums as M3 } from './Migration20261201120000_group_checksums';
import { Migration20261201130000_outbound_key_index as M4 } from './Migration20261201130000_outbound_key_index';
import { Migration20261201140000_outbox_trace_parent as M5 } from './Migration20261201140000_outbox_trace_parent';
import { Migration20261201100500_inbound_orders as MInboundOrders } from './Migration20261201100500_inbound_orders';
import { Migration20261201110500_ref_suspended_at as MRefSuspendedAt } from './Migration20261201110500_ref_suspended_at';

export const migrations: MigrationObject[] = [
  { name: 'Migration20261122040000', class: M0 },
  { name: 'Migration20261122044941_conflicts_outbound_events', class: M1 },
  { name: 'Migration20261201095940_price_lists_deletions', class: M2 },
  { name: 'Migration20261201120000_group_checksums', class: M3 },
  { name: 'Migration20261201130000_outbound_key_index', class: M4 },
  { name: 'Migration20261201140000_outbox_trace_parent', class: M5 },
  { name: 'Migration20261201100500_inbound_orders', class: MInboundOrders },
  { name: 'Migration20261201110500_ref_suspended_at', class: MRefSuspendedAt },
];
