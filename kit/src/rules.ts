import { allow, and, deny, or, rule, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
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

/**
 * graphql-shield with deny by default: a field no rule names is refused. Errors that resolvers
 * throw on purpose (DomainError) pass through unchanged.
 */
export function denyByDefault(rules: Record<string, unknown>) {
  return shield(rules as IRules, {
    fallbackRule: deny,
    fallbackError: forbidden('No rule allows this field'),
    allowExternalErrors: true,
    debug: false,
  });
}
