import 'reflect-metadata';
import { runSubgraphMain } from '@tradegraph/kit';
import { orderSettingsFromEnv } from './settings';
import { ORDERS_PORT, ordersSubgraph } from './subgraph';

void runSubgraphMain(ordersSubgraph, ORDERS_PORT, orderSettingsFromEnv);
