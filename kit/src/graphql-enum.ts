import { registerEnumType } from 'type-graphql';
import { publicEnum } from './schema';

/** The values of an enum made by {@link graphqlEnum}, as a type: `export type OrderStatus = EnumValue<typeof OrderStatus>`. */
export type EnumValue<E extends Readonly<Record<string, string>>> = E[keyof E];

export interface GraphQLEnumOptions<V extends string> {
  description?: string;
  /** a description or deprecation reason of single values */
  values?: Partial<Record<V, { description?: string; deprecationReason?: string }>>;
  /** in the public contract: `true` for the whole enum, or the values that are (see `publicEnum`) */
  public?: true | readonly V[];
}

/**
 * A GraphQL enum whose values are their own names, declared once: the object it returns is what
 * TypeScript code uses (`OrderStatus.PENDING`, `Object.values(OrderStatus)`, a MikroORM
 * `EnumColumn(() => OrderStatus)`), registered with type-graphql under `name`. Pair it with
 * `export type X = EnumValue<typeof X>` so that `X` is also the type of its values.
 */
export function graphqlEnum<const V extends string>(name: string, values: readonly V[], options: GraphQLEnumOptions<V> = {}): { readonly [K in V]: K } {
  const enumObject = Object.freeze(Object.fromEntries(values.map((value) => [value, value]))) as { readonly [K in V]: K };
  registerEnumType(enumObject, {
    name,
    ...(options.description === undefined ? {} : { description: options.description }),
    ...(options.values ? { valuesConfig: options.values } : {}),
  });
  if (options.public) publicEnum(name, enumObject, options.public === true ? undefined : options.public);
  return enumObject;
}
