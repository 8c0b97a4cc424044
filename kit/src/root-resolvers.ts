import { defaultFieldResolver, type GraphQLField, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';

/** Told once a root resolver's result is in: `failed` with what it threw or rejected with. */
export type Settled = (failed: boolean, error?: unknown) => void;

/**
 * Wraps one call of a root resolver: `call` runs the resolver (maybe inside a context the
 * wrapper sets up) and calls `settled` once its result, sync or a promise, is in.
 */
export type AroundRootCall = (args: Record<string, unknown>, call: (settled: Settled) => unknown) => unknown;

/**
 * Wraps every root field of `schema` (Query and Mutation, `_entities` included) whose
 * `around(type, field)` gives a wrapper. Nested fields are left alone: a wrapper per field
 * would cost more than the work most of them do. Used by tracing and by metrics; each wraps
 * a schema once (a definition's schema is shared by its restarts and replicas).
 */
export function wrapRootResolvers(schema: GraphQLSchema, around: (type: GraphQLObjectType, field: GraphQLField<unknown, unknown>) => AroundRootCall | undefined): void {
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      const wrapper = around(type, field);
      if (!wrapper) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) =>
        wrapper(args, (settled) => {
          let result: unknown;
          try {
            result = resolve(source, args, context, info);
          } catch (error) {
            settled(true, error);
            throw error;
          }
          if (!(result instanceof Promise)) {
            settled(false);
            return result;
          }
          return result.then(
            (value: unknown) => {
              settled(false);
              return value;
            },
            (error: unknown) => {
              settled(true, error);
              throw error;
            },
          );
        });
    }
  }
}
