import { allow, and, deny, or, rule, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import type { GraphQLSchema } from 'graphql';
import type { IMiddlewareTypeMap } from 'graphql-middleware';
import type { Caller, Role } from './caller';
import { forbidden, unauthenticated } from './errors';

export { allow, deny, and, or };
export type { IRules };

interface WithCaller {
  caller: Caller;
}

/** Allows any caller with an identity (a user, a partner or a service). */
export const isAuthenticated = rule({ cache: 'contextual' })((_parent, _args, ctx: WithCaller) =>
  ctx.caller.subject !== null && ctx.caller.roles.length > 0 ? true : unauthenticated(),
);

type ShieldRule = ReturnType<ReturnType<typeof rule>>;
const memo = new Map<string, ShieldRule>();

/** A shield rule that allows callers holding any of `roles`; it keeps them, so {@link assertAllowed} applies the same check. */
export type RoleRule = ShieldRule & { readonly roles: readonly Role[] };

/** The role check itself: `true`, or the error shield (or {@link assertAllowed}) reports. */
function roleCheck(caller: Caller, roles: readonly Role[]): true | Error {
  if (caller.subject === null) return unauthenticated();
  return caller.roles.some((role) => roles.includes(role)) ? true : forbidden(`Requires one of the roles ${roles.join(', ')}`);
}

/** Allows callers holding any of the roles. Rules are memoised so shield caches them per request. */
export function requireRole(...roles: Role[]): RoleRule {
  const key = `role:${[...roles].sort().join(',')}`;
  let existing = memo.get(key) as RoleRule | undefined;
  if (!existing) {
    const created = rule(key, { cache: 'contextual' })((_parent, _args, ctx: WithCaller) => roleCheck(ctx.caller, roles));
    existing = Object.assign(created, { roles: Object.freeze([...roles]) });
    memo.set(key, existing);
  }
  return existing;
}

/**
 * Applies a field's role rule where graphql-shield does not reach: a subscription's `subscribe`.
 * Shield guards the per-event resolver only, so without this a refused caller would open the
 * stream and get an error per event. Pass the rule the permissions give the field
 * (`assertAllowed(ctx, permissions.Subscription.stockChanged)`), so the two cannot drift apart.
 * @throws DomainError UNAUTHENTICATED for an anonymous caller, FORBIDDEN without one of the roles
 */
export function assertAllowed(ctx: WithCaller, roleRule: RoleRule): void {
  const result = roleCheck(ctx.caller, roleRule.roles);
  if (result !== true) throw result;
}

/** Allows callers holding the scope. */
export function requireScope(scope: string) {
  const key = `scope:${scope}`;
  let existing: ShieldRule | undefined = memo.get(key);
  if (!existing) {
    existing = rule(key, { cache: 'contextual' })((_parent, _args, ctx: WithCaller) => {
      if (ctx.caller.subject === null) return unauthenticated();
      return ctx.caller.scopes.includes(scope) ? true : forbidden(`Requires the scope ${scope}`);
    });
    memo.set(key, existing);
  }
  return existing;
}

/** Deny by default; errors resolvers throw on purpose (DomainError) pass through unchanged. */
export const SHIELD_OPTIONS = {
  fallbackRule: deny,
  fallbackError: forbidden('No rule allows this field'),
  allowExternalErrors: true,
  debug: false,
};

/**
 * graphql-shield with {@link SHIELD_OPTIONS} over `schema`: a field no rule names is refused.
 *
 * A field whose rule is `allow` keeps its own resolver, unwrapped. Shield would wrap it in an
 * async middleware that awaits `allow` (always true) and then the resolver: the same answer and
 * the same errors, but every such field — most fields of every page of results — turned into a
 * few promises and a pending value graphql-js must wait for.
 */
export function denyByDefault(schema: GraphQLSchema, rules: Record<string, unknown>): IMiddlewareTypeMap {
  const middleware = shield(rules as IRules, SHIELD_OPTIONS).generate(schema) as IMiddlewareTypeMap;
  for (const [typeName, fields] of Object.entries(middleware)) {
    if (typeof fields !== 'object') continue;
    for (const fieldName of Object.keys(fields)) {
      if (ruleOf(rules, typeName, fieldName) === allow) delete (fields as Record<string, unknown>)[fieldName];
    }
  }
  return middleware;
}

/** shield's two rule classes (it does not export them): what it accepts as a rule. */
const RULE_CLASSES = [rule()(() => true).constructor, Object.getPrototypeOf(allow.constructor) as Function];
const isShieldRule = (value: unknown): boolean => RULE_CLASSES.some((ruleClass) => value instanceof ruleClass);

/**
 * The rule shield applies to a field, found as shield finds it: the type's rule if it is one
 * rule, else the field's own, else the type's `*`, else the fallback (deny).
 * @throws Error for a type entry that is neither a rule nor a map of rules, which shield would
 *   silently deny whole, `allow`ed fields included
 */
function ruleOf(rules: Record<string, unknown>, typeName: string, fieldName: string): unknown {
  const typeRules = rules[typeName];
  if (typeRules === undefined) return deny;
  if (isShieldRule(typeRules)) return typeRules;
  if (typeof typeRules !== 'object' || typeRules === null || !Object.values(typeRules).every(isShieldRule)) {
    throw new Error(`permissions.${typeName} must be a rule or a map of field names to rules`);
  }
  const fieldRules = typeRules as Record<string, unknown>;
  return fieldRules[fieldName] ?? fieldRules['*'] ?? deny;
}
