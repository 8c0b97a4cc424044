import 'reflect-metadata';
import { runSubgraphMain } from '@tradegraph/kit';
import { inventorySettingsFromEnv } from './settings';
import { INVENTORY_PORT, inventorySubgraph } from './subgraph';

void runSubgraphMain(inventorySubgraph, INVENTORY_PORT, inventorySettingsFromEnv);
