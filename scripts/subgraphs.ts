import type { SubgraphDefinition } from '@tradegraph/kit';
import { AUDIT_PORT, auditSubgraph } from '../subgraphs/audit/src/subgraph';
import { CUSTOMERS_PORT, customersSubgraph } from '../subgraphs/customers/src/subgraph';
import { fieldAgentSettingsFromEnv } from '../subgraphs/field-agents/src/settings';
import { FIELD_AGENTS_PORT, fieldAgentsSubgraph } from '../subgraphs/field-agents/src/subgraph';
import { inventorySettingsFromEnv } from '../subgraphs/inventory/src/settings';
import { INVENTORY_PORT, inventorySubgraph } from '../subgraphs/inventory/src/subgraph';
import { orderSettingsFromEnv } from '../subgraphs/orders/src/settings';
import { ORDERS_PORT, ordersSubgraph } from '../subgraphs/orders/src/subgraph';
import { PARTNERS_PORT, partnersSubgraph } from '../subgraphs/partners/src/subgraph';
import { PRODUCTS_PORT, productsSubgraph } from '../subgraphs/products/src/subgraph';
import { syncSettingsFromEnv } from '../subgraphs/sync/src/settings';
import { SYNC_PORT, syncSubgraph } from '../subgraphs/sync/src/subgraph';

/** Our subgraphs, in start order, with their folder, default port (as in supergraph.yaml) and settings. */
export const SUBGRAPHS: { definition: SubgraphDefinition; folder: string; port: number; settings?: () => object; stopLast?: true }[] = [
  // First: its consumer group then exists before the other relays publish what their outboxes
  // hold (the in-process bus would also hand it what its buffer still retains, but no more).
  // Last to stop: the in-process bus keeps nothing for a group without consumers past the
  // process, so it stores what the others publish until they have stopped.
  { definition: auditSubgraph, folder: 'subgraphs/audit', port: AUDIT_PORT, stopLast: true },
  { definition: productsSubgraph, folder: 'subgraphs/products', port: PRODUCTS_PORT },
  { definition: customersSubgraph, folder: 'subgraphs/customers', port: CUSTOMERS_PORT },
  { definition: inventorySubgraph, folder: 'subgraphs/inventory', port: INVENTORY_PORT, settings: inventorySettingsFromEnv },
  { definition: ordersSubgraph, folder: 'subgraphs/orders', port: ORDERS_PORT, settings: orderSettingsFromEnv },
  { definition: fieldAgentsSubgraph, folder: 'subgraphs/field-agents', port: FIELD_AGENTS_PORT, settings: fieldAgentSettingsFromEnv },
  { definition: syncSubgraph, folder: 'subgraphs/sync', port: SYNC_PORT, settings: syncSettingsFromEnv },
  { definition: partnersSubgraph, folder: 'subgraphs/partners', port: PARTNERS_PORT },
];

/** @throws naming the known subgraphs when `name` is not one */
export function subgraphNamed(name: string) {
  const found = SUBGRAPHS.find((s) => s.definition.name === name);
  if (!found) throw new Error(`unknown subgraph "${name}"; known: ${SUBGRAPHS.map((s) => s.definition.name).join(', ')}`);
  return found;
}

/** Running subgraphs in the order one process stops them: each group at once, one after the other (stopLast ones after the rest). */
export function stopPhases<T extends { name: string }>(running: T[]): T[][] {
  const last = new Set(SUBGRAPHS.filter((s) => s.stopLast).map((s) => s.definition.name));
  return [running.filter((r) => !last.has(r.name)), running.filter((r) => last.has(r.name))].filter((phase) => phase.length);
}
