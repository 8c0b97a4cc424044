import 'reflect-metadata';
import { runSubgraphMain } from '@tradegraph/kit';
import { PRODUCTS_PORT, productsSubgraph } from './subgraph';

void runSubgraphMain(productsSubgraph, PRODUCTS_PORT);
