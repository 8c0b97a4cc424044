import 'reflect-metadata';
import { runSubgraphMain } from '@tradegraph/kit';
import { CUSTOMERS_PORT, customersSubgraph } from './subgraph';

void runSubgraphMain(customersSubgraph, CUSTOMERS_PORT);
