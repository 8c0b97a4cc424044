import { DomainError } from '../src/errors';
import { StateMachine } from '../src/state-machine';

type Light = 'RED' | 'GREEN' | 'YELLOW' | 'OFF';
const light = new StateMachine<Light>('Light', { RED: ['GREEN'], GREEN: ['YELLOW'], YELLOW: ['RED'], OFF: [] });

describe('StateMachine', () => {
  test('allows only the listed moves', () => {
    expect(light.can('RED', 'GREEN')).toBe(true);
    expect(light.can('RED', 'YELLOW')).toBe(false);
    expect(() => light.assert('RED', 'GREEN')).not.toThrow();
  });

  test('a forbidden move is INVALID_TRANSITION and says what is allowed', () => {
    try {
      light.assert('RED', 'YELLOW');
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('INVALID_TRANSITION');
      expect((error as DomainError).message).toBe('Light cannot go from RED to YELLOW (allowed: GREEN)');
      expect((error as DomainError).extensions).toMatchObject({ from: 'RED', to: 'YELLOW', allowed: ['GREEN'] });
    }
    expect(() => light.assert('OFF', 'RED')).toThrow('Light cannot go from OFF to RED (OFF is final)');
  });

  test('path finds the shortest chain of allowed moves', () => {
    expect(light.path('RED', 'RED')).toEqual([]);
    expect(light.path('RED', 'GREEN')).toEqual(['GREEN']);
    expect(light.path('RED', 'YELLOW')).toEqual(['GREEN', 'YELLOW']);
    expect(light.path('YELLOW', 'GREEN')).toEqual(['RED', 'GREEN']);
    expect(() => light.path('RED', 'OFF')).toThrow(/cannot go from RED to OFF/);
  });
});
