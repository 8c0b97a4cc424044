import 'reflect-metadata';
import { runSubgraphMain } from '@tradegraph/kit';
import { PARTNERS_PORT, partnersSubgraph } from './subgraph';

void runSubgraphMain(partnersSubgraph, PARTNERS_PORT);
