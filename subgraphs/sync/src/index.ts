import 'reflect-metadata';
import { runSubgraphMain } from '@tradegraph/kit';
import { syncSettingsFromEnv } from './settings';
import { SYNC_PORT, syncSubgraph } from './subgraph';

void runSubgraphMain(syncSubgraph, SYNC_PORT, syncSettingsFromEnv);
