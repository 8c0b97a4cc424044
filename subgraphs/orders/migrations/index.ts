// Written by scripts/migration.ts: every migration of this subgraph, in the order they apply.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122024310 as M0 } from './Migration20261122024310';
import { Migration20261201052001_outbox_trace_parent as M1 } from './Migration20261201052001_outbox_trace_parent';
import { Migration20261201100500_credit_override as M2 } from './Migration20261201100500_credit_override';
import { Migration20261201100107_shipments as M3 } from './Migration20261201100107_shipments';
import { Migration20261201112700_order_balance_due as M4 } from './Migration20261201112700_order_balance_due';
import { Migration20261201160000_credit_exposure_locked as M5 } from './Migration20261201160000_credit_exposure_locked';

export const migrations: MigrationObject[] = [
  { name: 'Migration20261122024310', class: M0 },
  { name: 'Migration20261201052001_outbox_trace_parent', class: M1 },
  { name: 'Migration20261201100500_credit_override', class: M2 },
  { name: 'Migration20261201100107_shipments', class: M3 },
  { name: 'Migration20261201112700_order_balance_due', class: M4 },
  { name: 'Migration20261201160000_credit_exposure_locked', class: M5 },
];
