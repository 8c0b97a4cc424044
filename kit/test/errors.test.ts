import { GraphQLError } from 'graphql';
import { badInput, formatError } from '../src/errors';

/** A PostgreSQL error as pg raises it (MikroORM copies `code` onto its own wrapper). */
function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, severity: 'ERROR', routine: 'report_invalid_encoding' });
}

/** What Apollo hands formatError for an error thrown in a resolver. */
function fromResolver(original: Error) {
  const error = new GraphQLError(original.message, { path: ['products'], originalError: original });
  return { formatted: { ...error.toJSON(), extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error };
}

const SQL = 'select "p0".* from "products"."product" as "p0" where "p0"."name" ilike \'%a\\u0000b%\' limit 21';

describe('formatError', () => {
  const mode = process.env.NODE_ENV;
  beforeEach(() => {
    process.env.NODE_ENV = 'development';
  });
  afterAll(() => {
    process.env.NODE_ENV = mode;
  });

  test('an unexpected error carrying SQL is a bare INTERNAL in development too', () => {
    const { formatted, error } = fromResolver(pgError('42P01', `${SQL} - relation "products.product" does not exist`));
    const shaped = formatError(formatted, error);
    expect(shaped).toEqual({ message: 'Internal server error', path: ['products'], locations: undefined, extensions: { code: 'INTERNAL' } });
  });

  test('an INTERNAL error a subgraph sent (no original error) does not pass its message on', () => {
    const upstream = new GraphQLError(`${SQL} - something broke`, { path: ['products'], extensions: { code: 'INTERNAL' } });
    const shaped = formatError(upstream.toJSON(), upstream);
    expect(shaped.message).toBe('Internal server error');
    expect(JSON.stringify(shaped)).not.toMatch(/select|from "/);
  });

  test.each([
    ['22021', /NUL byte/],
    ['22P02', /wrong format/],
    ['22007', /date or time/],
    ['22008', /date or time is out of range/],
    ['22003', /number is out of range/],
    ['22023', /wrong format or is out of range/],
  ])('a PostgreSQL data exception %s is BAD_USER_INPUT without the SQL', (code, message) => {
    const { formatted, error } = fromResolver(pgError(code, `${SQL} - invalid byte sequence for encoding "UTF8": 0x00`));
    const shaped = formatError(formatted, error);
    expect(shaped.extensions?.code).toBe('BAD_USER_INPUT');
    expect(shaped.message).toMatch(message);
    expect(JSON.stringify(shaped)).not.toMatch(/select|from "|0x00/);
  });

  test('our own errors keep their message and drop any stacktrace extension', () => {
    const own = badInput('filter.text', 'must not contain NUL bytes');
    const shaped = formatError({ ...own.toJSON(), extensions: { ...own.extensions, stacktrace: ['at x (/work/kit/src/a.ts:1:1)'] } }, own);
    expect(shaped).toMatchObject({ message: 'Invalid input: filter.text must not contain NUL bytes', extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'filter.text' }] } });
    expect(shaped.extensions).not.toHaveProperty('stacktrace');
  });
});

describe('a database that cannot be reached', () => {
  const format = (error: Error) => formatError({ message: error.message, path: ['thing'] }, new GraphQLError(error.message, { originalError: error }));

  test('no connection could be had (refused, pool timeout, still starting): UNAVAILABLE, retryable, nothing changed', () => {
    for (const error of [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), Object.assign(new Error('Knex: Timeout acquiring a connection.'), { name: 'KnexTimeoutError' }), Object.assign(new Error('the database system is starting up'), { code: '57P03' })]) {
      expect(format(error)).toMatchObject({ path: ['thing'], extensions: { code: 'UNAVAILABLE', retryable: true } });
      expect(format(error).message).not.toMatch(/5432|ECONN|Knex/);
    }
  });

  test('a connection lost in use (reset, terminated, admin shutdown) may have committed: UNAVAILABLE but not retryable', () => {
    for (const error of [Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), new Error('Connection terminated unexpectedly'), Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })]) {
      expect(format(error)).toMatchObject({ extensions: { code: 'UNAVAILABLE', retryable: false } });
      expect(format(error).message).toMatch(/may or may not/);
    }
  });
});
