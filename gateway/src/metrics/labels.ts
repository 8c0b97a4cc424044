import { parse, Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { Role, type Caller } from '@tradegraph/kit';
import type { ClientIdentity } from '../client-identity';

/** The `code` label's values (deploy/METRICS.md). */
export const ERROR_CODES = new Set([
  'BAD_USER_INPUT', 'NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN', 'CONFLICT', 'INSUFFICIENT_STOCK', 'INVALID_TRANSITION', 'RATE_LIMITED', 'UNAVAILABLE', 'TIMEOUT',
  'SHUTTING_DOWN', 'CURSOR_EXPIRED', 'SUBSCRIBER_TOO_SLOW', 'INTERNAL', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'PERSISTED_QUERY_NOT_FOUND', 'PAYLOAD_TOO_LARGE',
]);

/** The Subscription root fields (the `field` label of subscription metrics). */
export const SUBSCRIPTION_FIELDS = new Set(['stockChanged', 'lowStock', 'orderStatusChanged', 'shipmentUpdated', 'visitUpdated', 'syncRunUpdated', 'connectorStatusChanged']);

/** Roles in the order a token with several counts under the first. */
const KIND_BY_ROLE: [Role, string][] = [[Role.ADMIN, 'admin'], [Role.MANAGER, 'manager'], [Role.AGENT, 'agent'], [Role.SERVICE, 'service'], [Role.PARTNER, 'partner']];

/** The `client_kind` label: a partner's API key, else the first of the caller's roles, else anonymous. */
export function clientKindOf(caller: Pick<Caller, 'roles'> | undefined, client: Pick<ClientIdentity, 'partner'> | undefined): string {
  if (client?.partner) return 'api_key';
  const roles = caller?.roles;
  if (!roles?.length) return 'anonymous';
  for (const [role, kind] of KIND_BY_ROLE) if (roles.includes(role)) return kind;
  return 'other';
}

/** The operation names of the trusted documents: the only names the `operation` label takes. */
export function operationNamesOf(documents: Iterable<string>): Set<string> {
  const names = new Set<string>();
  for (const text of documents) {
    try {
      for (const definition of parse(text, { noLocation: true }).definitions) {
        if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) names.add(definition.name.value);
      }
    } catch {
      // a manifest entry that does not parse names nothing
    }
  }
  return names;
}

/** The `operation` label: a trusted document's name, `anonymous` without a name, else `other`. */
export function operationLabel(names: ReadonlySet<string>, operationName: string | null | undefined): string {
  if (!operationName) return 'anonymous';
  return names.has(operationName) ? operationName : 'other';
}

/** The operation a request runs: the one named `operationName`, else the document's only one. */
export function operationIn(document: DocumentNode | undefined, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  let found: OperationDefinitionNode | undefined;
  for (const definition of document?.definitions ?? []) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName ? definition.name?.value === operationName : !found) found = definition;
  }
  return found;
}
