import { decodeCursor, encodeCursor, pageRequest, toConnectionPage } from '../src/connection';
import { keysetOperator, keysetOrder } from '../src/pages';

describe('keyset connections', () => {
  test('cursors round-trip and foreign strings are refused naming the argument', () => {
    const cursor = encodeCursor(['Drill', '0b0e7f7e-1111-4111-8111-000000000001']);
    expect(decodeCursor(cursor, 'after')).toEqual(['Drill', '0b0e7f7e-1111-4111-8111-000000000001']);
    expect(() => decodeCursor('not-a-cursor', 'after')).toThrow('Invalid input: after is not a cursor this API issued');
    expect(() => decodeCursor(Buffer.from('{"a":1}').toString('base64url'), 'before')).toThrow(/before is not a cursor/);
  });

  test('a cursor whose id is no UUID or whose value PostgreSQL cannot take is refused naming the argument', () => {
    const id = '0b0e7f7e-1111-4111-8111-000000000001';
    expect(() => decodeCursor(encodeCursor(['Drill', 'not-a-uuid']), 'after')).toThrow('Invalid input: after is not a cursor this API issued');
    expect(() => decodeCursor(encodeCursor(['a\u0000b', id]), 'after')).toThrow(/after is not a cursor/);
    expect(() => decodeCursor(encodeCursor(['x'.repeat(1001), id]), 'before')).toThrow(/before is not a cursor/);
    expect(() => decodeCursor(Buffer.from(`[1e999,"${id}"]`).toString('base64url'), 'after')).toThrow(/after is not a cursor/);
    expect(decodeCursor(encodeCursor([42, id]), 'after')).toEqual([42, id]);
    expect(decodeCursor(encodeCursor(['17', '17']), 'after')).toEqual(['17', '17']); // a bigint serial id
  });

  test('page sizes are bounded', () => {
    expect(pageRequest({})).toEqual({ backward: false, size: 20, cursor: null });
    expect(() => pageRequest({ first: 101 })).toThrow('first must be from 0 to 100');
    expect(() => pageRequest({ first: -1 })).toThrow('first must be from 0 to 100');
    expect(() => pageRequest({ first: 1, last: 1 })).toThrow('last cannot be combined with first');
    expect(pageRequest({ last: 5 })).toMatchObject({ backward: true, size: 5 });
  });

  test('the keyset filter continues after the cursor in the sort direction', () => {
    const ID5 = '0b0e7f7e-1111-4111-8111-000000000005';
    const after = pageRequest({ first: 10, after: encodeCursor(['M', ID5]) });
    expect(keysetOperator({ descending: false }, after)).toBe('>');
    expect(keysetOperator({ descending: true }, after)).toBe('<');
    expect(keysetOrder({ field: 'name', descending: false }, after)).toEqual({ name: 'asc', id: 'asc' });
    const before = pageRequest({ last: 10, before: encodeCursor(['M', ID5]) });
    expect(keysetOperator({ descending: false }, before)).toBe('<');
    expect(keysetOrder({ field: 'name', descending: false }, before)).toEqual({ name: 'desc', id: 'desc' });
  });

  test('a page fetched with one extra row knows whether more follow, and counts only on demand', async () => {
    let counted = 0;
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const page = toConnectionPage(rows, pageRequest({ first: 2 }), (r) => [r.id, r.id], async () => ++counted);
    expect(page.edges.map((e) => e.node.id)).toEqual(['a', 'b']);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(counted).toBe(0);
    expect(await page.totalCount).toBe(1);
    expect(await page.totalCount).toBe(1);
    const backward = toConnectionPage([{ id: 'c' }, { id: 'b' }], pageRequest({ last: 2, before: encodeCursor(['d', '0b0e7f7e-1111-4111-8111-00000000000d']) }), (r) => [r.id, r.id], async () => 0);
    expect(backward.edges.map((e) => e.node.id)).toEqual(['b', 'c']);
    expect(backward.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });
});
