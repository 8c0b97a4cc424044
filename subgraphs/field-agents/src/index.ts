import 'reflect-metadata';
import { runSubgraphMain } from '@tradegraph/kit';
import { fieldAgentSettingsFromEnv } from './settings';
import { FIELD_AGENTS_PORT, fieldAgentsSubgraph } from './subgraph';

void runSubgraphMain(fieldAgentsSubgraph, FIELD_AGENTS_PORT, fieldAgentSettingsFromEnv);
