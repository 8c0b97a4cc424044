import { checksumOf } from '../src/services/inbound';

describe('record checksums', () => {
  it('checksums ignore key order but see every value', () => {
    expect(checksumOf({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(checksumOf({ b: [1, { d: 3, c: 2 }], a: 1 }));
    expect(checksumOf({ a: 1 })).not.toBe(checksumOf({ a: 2 }));
  });
});
