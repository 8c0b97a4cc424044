import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';

/**
 * The instants a DateTime input may name: 1900-01-01T00:00:00Z up to 9999-12-31T23:59:59.999Z.
 * Nothing this API records (orders, visits, stock moves, sync runs) is older or further out;
 * values beyond are typos or probes, and PostgreSQL rejects some of them (year 0) only at
 * query time.
 */
export const DATE_TIME_RANGE = { earliest: new Date(Date.UTC(1900, 0, 1)), latest: new Date(Date.UTC(10000, 0, 1) - 1) } as const;

const RANGE_TEXT = 'from 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z';

/**
 * Why `value` is not a DateTime this API accepts (an RFC 3339 date-time with offset, a day that
 * exists, within {@link DATE_TIME_RANGE}), or undefined when it is one. The gateway and the
 * subgraphs' scalar both ask here, so both give the same answer.
 */
export function dateTimeProblem(value: unknown): string | undefined {
  let parsed: Date;
  try {
    parsed = DateTimeResolver.parseValue(value);
  } catch {
    return `must be an RFC 3339 date-time such as "2024-05-01T09:30:00Z" (a day that exists, with a time and an offset)`;
  }
  if (!(parsed instanceof Date) || Number.isNaN(parsed.getTime())) return 'must be a date-time that exists';
  if (parsed < DATE_TIME_RANGE.earliest || parsed > DATE_TIME_RANGE.latest) return `must be ${RANGE_TEXT}`;
  return undefined;
}

function parse(value: unknown): Date {
  const problem = dateTimeProblem(value);
  if (problem) throw new TypeError(`DateTime ${problem}`);
  return DateTimeResolver.parseValue(value);
}

/**
 * graphql-scalars' DateTime, made strict on input: real calendar days only (it already refuses
 * 2024-02-30) and only {@link DATE_TIME_RANGE}. Output is unchanged.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, Date>({
  ...DateTimeResolver.toConfig(),
  description: `${DateTimeResolver.description} Inputs must lie ${RANGE_TEXT}.`,
  parseValue: parse,
  parseLiteral(ast: ValueNode) {
    if (ast.kind !== Kind.STRING) throw new TypeError(`DateTime ${dateTimeProblem(undefined)}`);
    return parse(ast.value);
  },
});
