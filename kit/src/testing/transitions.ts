import type { StateMachine } from '../state-machine';

/** A lifecycle as its tests state it: the moves that must be allowed and those that must be refused. */
export interface TransitionTable<S extends string> {
  allowed: ReadonlyArray<readonly [S, S]>;
  refused: ReadonlyArray<readonly [S, S]>;
}

/**
 * One test per move of the table (`PLANNED → IN_PROGRESS allowed: true`), checked against the
 * subgraph's `StateMachine`, so every lifecycle test reads as its table. Call it inside a
 * describe block.
 */
export function testTransitions<S extends string>(machine: StateMachine<S>, table: TransitionTable<S>): void {
  const rows = [...table.allowed.map(([from, to]) => [from, to, true] as const), ...table.refused.map(([from, to]) => [from, to, false] as const)];
  test.each(rows)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(machine.can(from, to)).toBe(allowed);
  });
}
