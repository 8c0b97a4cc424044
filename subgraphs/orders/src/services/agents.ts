import { throughGateway, type GatewayClient } from '@tradegraph/kit';

const AGENT_BY_SUBJECT = /* GraphQL */ `
  query OrdersAgentBySubject($subject: String!) { agentBySubject(subject: $subject) { id } }
`;

/**
 * The field agent whose tokens carry `subject` (asked of field-agents through the gateway, as
 * the SERVICE identity), or null when there is none: how placeOrder records who placed it.
 * @throws DomainError UNAVAILABLE when field-agents cannot be reached (nothing was changed)
 */
export async function agentIdForSubject(gateway: GatewayClient | undefined, subject: string, requestId: string): Promise<string | null> {
  const data = await throughGateway(gateway, 'No order was placed: the agent could not be looked up', (g) =>
    g.request<{ agentBySubject: { id: string } | null }>(AGENT_BY_SUBJECT, { subject }, requestId),
  );
  return data.agentBySubject?.id ?? null;
}
