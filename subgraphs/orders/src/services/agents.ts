import { DomainError, ErrorCode, GatewayCallError, type GatewayClient } from '@tradegraph/kit';

const AGENT_BY_SUBJECT = /* GraphQL */ `
  query OrdersAgentBySubject($subject: String!) { agentBySubject(subject: $subject) { id } }
`;

/**
 * The field agent whose tokens carry `subject` (asked of field-agents through the gateway, as
 * the SERVICE identity), or null when there is none: how placeOrder records who placed it.
 * @throws DomainError UNAVAILABLE when field-agents cannot be reached (nothing was changed)
 */
export async function agentIdForSubject(gateway: GatewayClient | undefined, subject: string, requestId: string): Promise<string | null> {
  if (!gateway) throw new DomainError(ErrorCode.INTERNAL, 'Orders cannot look up the placing agent: this subgraph has no gateway (set GATEWAY_URL)');
  try {
    const data = await gateway.request<{ agentBySubject: { id: string } | null }>(AGENT_BY_SUBJECT, { subject }, requestId);
    return data.agentBySubject?.id ?? null;
  } catch (error) {
    if (!(error instanceof GatewayCallError)) throw error;
    if (error.code === 'UNAVAILABLE') throw new DomainError(ErrorCode.UNAVAILABLE, `No order was placed: the agent could not be looked up (${error.message})`, { retryable: true });
    throw error.toDomainError('No order was placed: the agent could not be looked up');
  }
}
