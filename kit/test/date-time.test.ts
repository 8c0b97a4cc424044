import { Kind } from 'graphql';
import { DateTimeScalar, dateTimeProblem } from '../src/date-time';

describe('DateTime', () => {
  test.each([
    ['2024-02-30T00:00:00Z', /RFC 3339/],
    ['2024-02-30', /RFC 3339/],
    ['not a date', /RFC 3339/],
    ['+275760-09-13T00:00:00.000Z', /RFC 3339/],
    ['0000-01-01T00:00:00Z', /from 1900-01-01/],
    ['0001-01-01T00:00:00Z', /from 1900-01-01/],
    ['1899-12-31T23:59:59Z', /from 1900-01-01/],
    [1_700_000_000, /RFC 3339/],
  ])('%s is refused', (value, problem) => {
    expect(dateTimeProblem(value)).toMatch(problem);
    expect(() => DateTimeScalar.parseValue(value)).toThrow(problem);
  });

  test('real dates in the range are accepted, from variables and literals alike', () => {
    expect(dateTimeProblem('2024-02-29T10:00:00+01:00')).toBeUndefined();
    expect(DateTimeScalar.parseValue('1900-01-01T00:00:00Z')).toEqual(new Date(Date.UTC(1900, 0, 1)));
    expect(DateTimeScalar.parseValue('9999-12-31T23:59:59Z')).toEqual(new Date(Date.UTC(9999, 11, 31, 23, 59, 59)));
    expect(DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: '2024-05-01T09:30:00Z' })).toEqual(new Date(Date.UTC(2024, 4, 1, 9, 30)));
    expect(() => DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: '0001-01-01T00:00:00Z' })).toThrow(/from 1900-01-01/);
    expect(() => DateTimeScalar.parseLiteral({ kind: Kind.INT, value: '5' })).toThrow(/RFC 3339/);
  });

  test('output is unchanged', () => {
    expect(JSON.stringify(DateTimeScalar.serialize(new Date(Date.UTC(2024, 0, 2, 3, 4, 5))))).toBe('"2024-01-02T03:04:05.000Z"');
  });
});
