import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Connection } from '@tradegraph/kit';
import { FieldAgent, Visit } from '../entities';

export const FieldAgentConnection = Connection('FieldAgent', FieldAgent);
export const VisitConnection = Connection('Visit', Visit);

@ObjectType({ description: 'What an agent did with the visits scheduled in a period [from, to).' })
export class AgentPerformance {
  @Field(() => Int, { description: 'Visits scheduled in the period, whatever their status.' })
  planned!: number;

  @Field(() => Int, { description: 'Of those, COMPLETED.' })
  completed!: number;

  @Field(() => Int, { description: 'Of those, MISSED.' })
  missed!: number;

  @Field(() => Float, { nullable: true, description: 'completed / (completed + missed); null when there is neither.' })
  completionRate!: number | null;

  @Field(() => Int, { description: 'Of those, checked in farther from the customer than the check-in radius.' })
  offSiteCheckIns!: number;
}
