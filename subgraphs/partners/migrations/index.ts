// Written by scripts/migration.ts: every migration of this subgraph, in the order they apply.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261130163025 as M0 } from './Migration20261130163025';
import { Migration20261201130500_outbox as M1 } from './Migration20261201130500_outbox';
import { Migration20261201132136_api_key_replaced_by as M2 } from './Migration20261201132136_api_key_replaced_by';

export const migrations: MigrationObject[] = [
  { name: 'Migration20261130163025', class: M0 },
  { name: 'Migration20261201130500_outbox', class: M1 },
  { name: 'Migration20261201132136_api_key_replaced_by', class: M2 },
];
