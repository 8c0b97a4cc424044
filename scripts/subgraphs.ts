import type { SubgraphDefinition } from '@tradegraph/kit';
import { CUSTOMERS_PORT, customersSubgraph } from '../subgraphs/customers/src/subgraph';
import { PRODUCTS_PORT, productsSubgraph } from '../subgraphs/products/src/subgraph';

/** Our subgraphs, in start order, with their folder and default port (as in supergraph.yaml). */
export const SUBGRAPHS: { definition: SubgraphDefinition; folder: string; port: number }[] = [
  { definition: productsSubgraph, folder: 'subgraphs/products', port: PRODUCTS_PORT },
  { definition: customersSubgraph, folder: 'subgraphs/customers', port: CUSTOMERS_PORT },
];

/** @throws naming the known subgraphs when `name` is not one */
export function subgraphNamed(name: string) {
  const found = SUBGRAPHS.find((s) => s.definition.name === name);
  if (!found) throw new Error(`unknown subgraph "${name}"; known: ${SUBGRAPHS.map((s) => s.definition.name).join(', ')}`);
  return found;
}
