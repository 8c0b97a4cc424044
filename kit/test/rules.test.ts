import { buildSchema, graphql, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { shield } from 'graphql-shield';
import { ANONYMOUS, Role, type Caller } from '../src/caller';
import { forbidden } from '../src/errors';
import { allow, deny, denyByDefault, isAuthenticated, or, requireRole, SHIELD_OPTIONS } from '../src/rules';

const SDL = `
  type Query { open: Item, guarded: Item, unnamed: Item, either: Item, items: [Item!]!, whole: Whole, partial: Partial, denied: Denied, mixed: Mixed }
  type Item { id: ID!, name: String, secret: String, failing: String, later: String }
  type Whole { a: String, b: String }
  type Partial { listed: String, unlisted: String }
  type Denied { a: String }
  type Mixed { x: String, y: String }
`;

/** Each case is a different way a field gets (or does not get) `allow`. */
const RULES = {
  Query: { open: allow, guarded: isAuthenticated, either: or(allow, deny), items: allow, whole: allow, partial: allow, denied: allow, mixed: allow },
  Item: { '*': allow, secret: requireRole(Role.ADMIN) },
  Whole: allow,
  Partial: { listed: allow },
  Denied: deny,
  Mixed: { '*': deny, x: allow },
};

const DOCUMENT = `{
  open { id name secret failing later }
  guarded { id }
  unnamed { id }
  either { id }
  items { id name secret failing later }
  whole { a b }
  partial { listed unlisted }
  denied { a }
  mixed { x y }
}`;

/** A schema whose resolvers answer every field, one of them with an error and one later. */
function schemaWithResolvers(): GraphQLSchema {
  const schema = buildSchema(SDL);
  const item = () => ({ id: '1', name: 'Drill', secret: 'cost 12', later: 'then' });
  const query = schema.getQueryType()!.getFields();
  for (const field of ['open', 'guarded', 'unnamed', 'either']) query[field].resolve = item;
  query.items.resolve = () => [item(), item()];
  query.whole.resolve = () => ({ a: 'A', b: 'B' });
  query.partial.resolve = () => ({ listed: 'L', unlisted: 'U' });
  query.denied.resolve = () => ({ a: 'A' });
  query.mixed.resolve = () => ({ x: 'X', y: 'Y' });
  const fields = (schema.getType('Item') as GraphQLObjectType).getFields();
  fields.failing.resolve = () => {
    throw forbidden('this resolver refuses');
  };
  fields.later.resolve = async (parent: { later: string }) => parent.later;
  return schema;
}

/**
 * The answer as JSON, its errors sorted: fields that no longer wait for a middleware finish
 * sooner, so errors are raised in another order (GraphQL gives their order no meaning).
 */
async function answer(schema: GraphQLSchema, caller: Caller) {
  const result = JSON.parse(JSON.stringify(await graphql({ schema, source: DOCUMENT, contextValue: { caller } })));
  result.errors = result.errors?.map((error: unknown) => JSON.stringify(error)).sort().map((error: string) => JSON.parse(error));
  return result;
}

describe('denyByDefault', () => {
  const admin: Caller = { subject: 'u1', roles: [Role.ADMIN], scopes: [] };
  const agent: Caller = { subject: 'u2', roles: [Role.AGENT], scopes: [] };

  test.each([
    ['anonymous', ANONYMOUS],
    ['an agent', agent],
    ['an admin', admin],
  ])('answers %s exactly as graphql-shield over every field does (data, errors, paths)', async (_name, caller) => {
    const stock = applyMiddleware(schemaWithResolvers(), shield(RULES, SHIELD_OPTIONS));
    const ours = applyMiddleware(schemaWithResolvers(), denyByDefault(schemaWithResolvers(), RULES));
    const expected = await answer(stock, caller);
    expect(await answer(ours, caller)).toEqual(expected);
    // the cases above are all reached: something allowed, something refused, a resolver's own error
    expect(expected.data.whole).toEqual({ a: 'A', b: 'B' });
    expect(expected.data.partial.unlisted).toBeNull();
    expect(expected.data.mixed).toEqual({ x: 'X', y: null });
    expect(expected.errors.map((e: { message: string }) => e.message)).toEqual(expect.arrayContaining(['No rule allows this field', 'this resolver refuses']));
  });

  test('leaves the resolvers of allowed fields unwrapped and wraps every other', () => {
    const schema = schemaWithResolvers();
    const before = (type: string, field: string) => (schema.getType(type) as GraphQLObjectType).getFields()[field].resolve;
    const laterResolver = before('Item', 'later');
    const guarded = applyMiddleware(schema, denyByDefault(schema, RULES));
    const after = (type: string, field: string) => (guarded.getType(type) as GraphQLObjectType).getFields()[field].resolve;
    expect(after('Item', 'later')).toBe(laterResolver);
    expect(after('Item', 'name')).toBeUndefined(); // graphql's default resolver, as before
    expect(after('Whole', 'a')).toBeUndefined();
    expect(after('Partial', 'listed')).toBeUndefined();
    expect(after('Mixed', 'x')).toBeUndefined();
    // only `allow` itself: a rule that happens to allow everyone (`or(allow, deny)`) is still shield's to run
    for (const [type, field] of [['Item', 'secret'], ['Partial', 'unlisted'], ['Denied', 'a'], ['Mixed', 'y'], ['Query', 'guarded'], ['Query', 'unnamed'], ['Query', 'either']]) {
      expect(after(type, field)).toEqual(expect.any(Function));
    }
  });

  test('refuses a type entry that is neither a rule nor a map of rules, which shield would deny whole', () => {
    const schema = schemaWithResolvers();
    expect(() => denyByDefault(schema, { ...RULES, Partial: { listed: allow, unlisted: 'ADMIN' } })).toThrow(/Partial must be a rule or a map/);
  });
});
