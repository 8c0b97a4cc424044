import { agreedChecksums, compareGroups, groupChecksum } from '../src/services/field-groups';

/** Field-group conflict detection (services/field-groups.ts), without servers. */

const base = agreedChecksums({ name: 'Drill', basePrice: { amount: '10', currency: 'EUR' } });

describe('compareGroups', () => {
  it('takes what only the source changed, keeps what only Tradegraph changed, and finds no conflict', () => {
    const result = compareGroups({ name: 'Drill', basePrice: { amount: '12', currency: 'EUR' } }, { name: 'Renamed here', basePrice: { amount: '10', currency: 'EUR' } }, base, false);
    expect(result).toMatchObject({ fromSource: ['basePrice'], conflicting: [] });
    expect(result.next.source.basePrice).toBe(groupChecksum({ amount: '12', currency: 'EUR' }));
    // Tradegraph's rename is not taken for agreed: a later source rename still conflicts with it.
    expect(result.next.local.name).toBe(base.local.name);
  });

  it('is a conflict only when both sides changed the same group to different values', () => {
    expect(compareGroups({ name: 'There', basePrice: { amount: '10', currency: 'EUR' } }, { name: 'Here', basePrice: { amount: '10', currency: 'EUR' } }, base, false)).toMatchObject({ fromSource: [], conflicting: ['name'] });
    const agreed = compareGroups({ name: 'Same', basePrice: { amount: '10', currency: 'EUR' } }, { name: 'Same', basePrice: { amount: '10', currency: 'EUR' } }, base, false);
    expect(agreed).toMatchObject({ fromSource: [], conflicting: [] });
    expect(agreed.next.local.name).toBe(groupChecksum('Same'));
  });

  it('treats a ref written before groups as changed on the source side, and on Tradegraph\'s when its whole copy changed', () => {
    const source = { name: 'There', basePrice: { amount: '10', currency: 'EUR' } };
    const local = { name: 'Here', basePrice: { amount: '10', currency: 'EUR' } };
    expect(compareGroups(source, local, null, true)).toMatchObject({ fromSource: ['name'], conflicting: [] });
    expect(compareGroups(source, local, null, false)).toMatchObject({ fromSource: [], conflicting: ['name'] });
  });
});
