import 'reflect-metadata';
import { runSubgraphMain } from '@tradegraph/kit';
import { AUDIT_PORT, auditSubgraph } from './subgraph';

void runSubgraphMain(auditSubgraph, AUDIT_PORT);
