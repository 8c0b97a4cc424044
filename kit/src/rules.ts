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

/** Allows callers holding any of the roles. Rules are memoised so shield caches them per request. */
export function requireRole(...roles: Role[]) {
  const key = `role:${[...roles].sort().join(',')}`;
  let existing: ShieldRule | undefined = memo.get(key);
  if (!existing) {
    existing = rule(key, { cache: 'contextual' })((_parent, _args, ctx: WithCaller) => {
      if (ctx.caller.subject === null) return unauthenticated();
      return ctx.caller.roles.some((role) => roles.includes(role)) ? true : forbidden(`Requires one of the roles ${roles.join(', ')}`);
    });
    memo.set(key, existing);
  }
  return existing;
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
export function denyByDefault(rules: Record<string, Record<string, unknown> | unknown>) {
  return shield(rules as IRules, {
    fallbackRule: deny,
    fallbackError: forbidden('No rule allows this field'),
    allowExternalErrors: true,
    debug: false,
  });
}
