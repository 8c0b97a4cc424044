import { DomainError, ErrorCode } from './errors';

/**
 * One entity's lifecycle as a table of allowed transitions, kept in one place so that every
 * service, test and document reads the same rules.
 */
export class StateMachine<S extends string> {
  /**
   * @param entity the entity's name, for error messages ("Product")
   * @param transitions for each state, the states it may move to
   */
  constructor(readonly entity: string, private readonly transitions: Readonly<Record<S, readonly S[]>>) {}

  /** The states `from` may move to. */
  next(from: S): readonly S[] {
    return this.transitions[from] ?? [];
  }

  /** True when `from → to` is allowed. */
  can(from: S, to: S): boolean {
    return this.next(from).includes(to);
  }

  /**
   * The shortest chain of allowed moves from `from` to `to` (excluding `from`); empty when
   * they are equal. @throws DomainError INVALID_TRANSITION when `to` cannot be reached
   */
  path(from: S, to: S): S[] {
    if (from === to) return [];
    const previous = new Map<S, S>([[from, from]]);
    const queue: S[] = [from];
    while (queue.length) {
      const state = queue.shift()!;
      for (const next of this.next(state)) {
        if (previous.has(next)) continue;
        previous.set(next, state);
        if (next === to) {
          const chain: S[] = [to];
          for (let at = state; at !== from; at = previous.get(at)!) chain.unshift(at);
          return chain;
        }
        queue.push(next);
      }
    }
    this.assert(from, to);
    return [];
  }

  /** @throws DomainError INVALID_TRANSITION naming both states and what is allowed instead */
  assert(from: S, to: S): void {
    if (this.can(from, to)) return;
    const allowed = this.next(from);
    throw new DomainError(
      ErrorCode.INVALID_TRANSITION,
      `${this.entity} cannot go from ${from} to ${to}` + (allowed.length ? ` (allowed: ${allowed.join(', ')})` : ` (${from} is final)`),
      { from, to, allowed },
    );
  }
}
