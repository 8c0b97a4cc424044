import { throughGateway, type GatewayClient } from '@tradegraph/kit';

/*
 * One mutation per id, sent as aliased fields of one request: the subgraphs have no bulk
 * form of archiveCustomer, suspendCustomer, archiveProduct, assignPriceList … and a request
 * per id would be N round trips. The one way sync sends such calls.
 */

/** Aliased fields sent in one request. */
export const ALIASES_PER_CALL = 100;

export interface AliasedMutation {
  /** the operation name (each chunk is one request named so) */
  name: string;
  /** the field for the n-th id of a chunk, reading it from `$c<n>` (an `ID!`) and any shared variable, e.g. `archiveProduct(id: $c${n}) { id }` */
  field: (n: number) => string;
  /** variables every field shares, with their declarations, e.g. `{ reason: ['String', 'moved'] }` */
  shared?: Record<string, [type: string, value: unknown]>;
  /** what the error says when the call fails ("Customers could not be archived") */
  what: string;
}

/** Sends `mutation.field` once per id, {@link ALIASES_PER_CALL} ids a request. */
export async function sendAliased(gateway: GatewayClient | undefined, mutation: AliasedMutation, ids: string[], requestId: string, perCall = ALIASES_PER_CALL): Promise<void> {
  const shared = Object.entries(mutation.shared ?? {});
  for (let i = 0; i < ids.length; i += perCall) {
    const chunk = ids.slice(i, i + perCall);
    const declarations = [...shared.map(([name, [type]]) => `$${name}: ${type}`), ...chunk.map((_, n) => `$c${n}: ID!`)].join(', ');
    const document = `mutation ${mutation.name}(${declarations}) { ${chunk.map((_, n) => `a${n}: ${mutation.field(n)}`).join(' ')} }`;
    const variables = Object.fromEntries([...shared.map(([name, [, value]]) => [name, value]), ...chunk.map((id, n) => [`c${n}`, id])]);
    await throughGateway(gateway, mutation.what, (g) => g.request(document, variables, requestId));
  }
}
