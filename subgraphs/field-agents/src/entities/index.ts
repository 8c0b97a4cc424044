export * from './territory';
export * from './agent';
export * from './visit';
export * from './references';

import { OutboxEvent } from '@tradegraph/kit';
import { CustomerAssignment, FieldAgent } from './agent';
import { Territory } from './territory';
import { Visit, VisitStatusChange } from './visit';

/** Every MikroORM entity of the field-agents subgraph (OutboxEvent turns on the event relay). */
export const entities = [Territory, FieldAgent, CustomerAssignment, Visit, VisitStatusChange, OutboxEvent];
