import type { DocumentNode, GraphQLSchema } from 'graphql';

/**
 * `compute` done once per schema and parsed document. Apollo Server hands every request with
 * the same text the same parsed document, and a new supergraph brings a new schema; both are
 * weak keys, so neither a dropped document nor an old schema is kept alive.
 */
export function perDocument<T>(compute: (schema: GraphQLSchema, document: DocumentNode) => T): (schema: GraphQLSchema, document: DocumentNode) => T {
  const bySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, T>>();
  return (schema, document) => {
    let byDocument = bySchema.get(schema);
    if (!byDocument) bySchema.set(schema, (byDocument = new WeakMap()));
    if (!byDocument.has(document)) byDocument.set(document, compute(schema, document));
    return byDocument.get(document)!;
  };
}
